//! Full-text and entity-index rows of one write batch, inserted together at its end.
//!
//! FTS5 writes its pending terms out as a new on-disk segment whenever a statement opens a
//! savepoint, and nearly every statement of a batch does (those with triggers, indexes or
//! `ON CONFLICT`). Inserting each story's text as the story was written (a trigger did) made
//! one tiny segment per story, and merging them took most of the writer's time on a large
//! library. Inserted last, a batch of stories becomes one segment.
//!
//! The delete and update triggers still take a story's old text out of the index, by its
//! rowid: text still waiting here would go in after, for a row gone. So before a statement
//! that may delete or replace a story written earlier in the same batch, the pending rows are
//! inserted first (`flush_if_holds_path`, `flush_if_holds_id`); in a normal index run that
//! never happens.
//!
//! Entity rows wait for the same reasons and one more: sorted at the end, a batch's rows go
//! into `entity_mentions` in its key order (entity id) instead of all over it.

use std::collections::HashSet;

use rusqlite::{OptionalExtension, Transaction, params};

use super::Result;

#[derive(Default)]
pub(super) struct PendingRows<'a> {
    /// Full text: (rowid, title, body).
    text: Vec<(i64, &'a str, &'a str)>,
    /// Entity rows: (key, label, name, article rowid, mentions).
    entities: Vec<(String, &'a str, &'a str, i64, i64)>,
    ids: HashSet<String>,
    paths: HashSet<&'a str>,
}

impl<'a> PendingRows<'a> {
    /// Remembers a story's text, to index it at the end of the batch.
    pub(super) fn add(&mut self, rowid: i64, id: &str, path: &'a str, title: &'a str, body: &'a str) {
        self.text.push((rowid, title, body));
        self.ids.insert(id.to_owned());
        self.paths.insert(path);
    }

    /// Remembers the entities of the story just added (stored with its rowid `article`).
    pub(super) fn add_entities(&mut self, article: i64, entities: &'a [(String, String, usize)]) {
        for (label, name, mentions) in entities {
            self.entities.push((super::entity_key(name), label, name, article, *mentions as i64));
        }
    }

    /// Indexes the pending rows now if one of them came from `path`: its stories are about
    /// to be deleted.
    pub(super) fn flush_if_holds_path(&mut self, tx: &Transaction, path: &str) -> Result<()> {
        if self.paths.contains(path) { self.flush(tx) } else { Ok(()) }
    }

    /// Indexes the pending rows now if one of them is story `id`: it is about to be replaced.
    pub(super) fn flush_if_holds_id(&mut self, tx: &Transaction, id: &str) -> Result<()> {
        if self.ids.contains(id) { self.flush(tx) } else { Ok(()) }
    }

    pub(super) fn flush(&mut self, tx: &Transaction) -> Result<()> {
        if !self.text.is_empty() {
            let mut insert =
                tx.prepare_cached("INSERT INTO articles_fts (rowid, title, body) VALUES (?1, ?2, ?3)")?;
            for (rowid, title, body) in self.text.drain(..) {
                insert.execute(params![rowid, title, body])?;
            }
        }
        if !self.entities.is_empty() {
            self.flush_entities(tx)?;
        }
        self.ids.clear();
        self.paths.clear();
        Ok(())
    }

    /// Entity rows: each (key, label) gets its id (a new entity is added), then the mentions
    /// go in by entity id, the large table's key order.
    fn flush_entities(&mut self, tx: &Transaction) -> Result<()> {
        // Stable sorts: an entity's first name, and a story's spelling when it writes an entity
        // two ways, are the first written.
        self.entities.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        let mut find = tx.prepare_cached("SELECT id, name FROM entities WHERE key = ?1 AND label = ?2")?;
        // `last`: the key's last word, what a surname or an acronym is looked up by.
        let mut add = tx.prepare_cached(
            "INSERT INTO entities (key, label, name, last) VALUES (?1, ?2, ?3, ?4) RETURNING id",
        )?;
        let mut rows: Vec<(i64, i64, i64, Option<&str>)> = Vec::with_capacity(self.entities.len());
        let mut current: Option<(&str, &str, i64, String)> = None;
        for (key, label, name, article, mentions) in &self.entities {
            let (id, first_name) = match &current {
                Some((k, l, id, first)) if k == key && l == label => (*id, first.as_str()),
                _ => {
                    let found: Option<(i64, String)> =
                        find.query_row(params![key, label], |r| Ok((r.get(0)?, r.get(1)?))).optional()?;
                    let (id, first) = match found {
                        Some(f) => f,
                        None => {
                            let last = key.rsplit(' ').next().unwrap_or_default();
                            (add.query_row(params![key, label, name, last], |r| r.get(0))?, name.to_string())
                        }
                    };
                    let entry = current.insert((key.as_str(), label, id, first));
                    (id, entry.3.as_str())
                }
            };
            rows.push((id, *article, *mentions, (*name != first_name).then_some(*name)));
        }
        rows.sort_by_key(|r| (r.0, r.1));
        let days = story_days(tx, rows.iter().map(|r| r.1))?;
        let mut insert = tx.prepare_cached(
            "INSERT INTO entity_mentions (entity, article, mentions, name, day) VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions",
        )?;
        for (entity, article, mentions, name) in rows {
            insert.execute(params![
                entity,
                article,
                mentions,
                name,
                days.get(&article).copied().flatten()
            ])?;
        }
        self.entities.clear();
        Ok(())
    }
}

/// The day (`schema::DAY_OF_DATE`) of each story, read once a story (its entity rows are many).
fn story_days(
    tx: &Transaction,
    articles: impl Iterator<Item = i64>,
) -> Result<std::collections::HashMap<i64, Option<i64>>> {
    let sql = format!("SELECT {} FROM articles WHERE rowid = ?1", super::schema::day_of("date"));
    let mut day = tx.prepare_cached(&sql)?;
    let mut days = std::collections::HashMap::new();
    for article in articles {
        if let std::collections::hash_map::Entry::Vacant(slot) = days.entry(article) {
            slot.insert(day.query_row([article], |r| r.get(0)).optional()?.flatten());
        }
    }
    Ok(days)
}
