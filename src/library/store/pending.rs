//! Full-text rows of one write batch, inserted together at its end.
//!
//! FTS5 writes its pending terms out as a new on-disk segment whenever a statement opens a
//! savepoint, and nearly every statement of a batch does (those with triggers, indexes or
//! `ON CONFLICT`). Inserting each story's text as the story was written (a trigger did) made
//! one tiny segment per story, and merging them took most of the writer's time on a large
//! library. Inserted last, a batch of stories becomes one segment.
//!
//! The delete and update triggers still remove a story's old text from the index, with the
//! old title and body: that is only right for text the index holds. So before a statement
//! that may delete or replace a story written earlier in the same batch, the pending rows are
//! inserted first (`flush_if_holds_path`, `flush_if_holds_id`); in a normal index run that never happens.

use std::collections::HashSet;

use rusqlite::{Transaction, params};

use super::Result;

#[derive(Default)]
pub(super) struct PendingText<'a> {
    rows: Vec<(i64, &'a str, &'a str)>,
    ids: HashSet<&'a str>,
    paths: HashSet<&'a str>,
}

impl<'a> PendingText<'a> {
    /// Remembers a story's text, to index it at the end of the batch.
    pub(super) fn add(&mut self, rowid: i64, id: &'a str, path: &'a str, title: &'a str, body: &'a str) {
        self.rows.push((rowid, title, body));
        self.ids.insert(id);
        self.paths.insert(path);
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
        if self.rows.is_empty() {
            return Ok(());
        }
        let mut insert =
            tx.prepare_cached("INSERT INTO articles_fts (rowid, title, body) VALUES (?1, ?2, ?3)")?;
        for (rowid, title, body) in self.rows.drain(..) {
            insert.execute(params![rowid, title, body])?;
        }
        self.ids.clear();
        self.paths.clear();
        Ok(())
    }
}
