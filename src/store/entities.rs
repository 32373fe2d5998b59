//! What the entity index says about the library as a whole: which entities there are under a
//! name, the stories each is in, and which others keep them company.

use std::collections::{BTreeMap, HashMap, HashSet};

use rusqlite::{OptionalExtension, params};

use super::{Result, STORY_COLUMNS, Store, story_from_row};
use crate::library::StoryMeta;

/// One entity of the index: its key (folded name), label, first-seen name and how many
/// stories mention it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedEntity {
    pub id: i64,
    pub key: String,
    pub label: String,
    pub name: String,
    pub stories: usize,
}

/// A story that mentions an entity, with how the story writes it and how often.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityStory {
    pub entity: i64,
    pub story: StoryMeta,
    pub name: String,
    pub mentions: usize,
}

/// What an entity's rows say of it as a whole (`Store::entity_counts`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EntityCounts {
    /// Stories that mention it.
    pub stories: usize,
    /// Of those, the undated ones.
    pub undated: usize,
    /// (YYYY-MM, stories), oldest first; undated stories are not in it.
    pub months: Vec<(String, usize)>,
    /// Each name it is written under, with the entity of the index it is (the first by id).
    pub names: Vec<NameCount>,
}

/// A name an entity is written under, and in how many stories.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameCount {
    pub entity: i64,
    pub name: String,
    pub stories: usize,
}

/// An entity found in the same stories as another: in how many of them, and in how many
/// stories at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Companion {
    pub label: String,
    pub name: String,
    pub together: usize,
    pub stories: usize,
}

fn indexed_entity(r: &rusqlite::Row) -> rusqlite::Result<IndexedEntity> {
    Ok(IndexedEntity {
        id: r.get(0)?,
        key: r.get(1)?,
        label: r.get(2)?,
        name: r.get(3)?,
        stories: r.get::<_, i64>(4)? as usize,
    })
}

impl Store {
    /// Entities whose key starts with `key` (a folded name), most mentioned first.
    pub fn entities_with_key_prefix(&self, key: &str, limit: usize) -> Result<Vec<IndexedEntity>> {
        // A range of the (key, label) index; the entities first, then their mentions.
        self.entities_where("e.key >= ?1 AND e.key < ?1 || char(1114111)", key, limit)
    }

    /// Entities whose key ends with ` word` or is `word` (a surname, an acronym).
    pub fn entities_ending_with(&self, word: &str, limit: usize) -> Result<Vec<IndexedEntity>> {
        self.entities_where("e.last = ?1", word, limit)
    }

    /// The entity of the index with this label and key, if any story still mentions it.
    pub fn entity_with_key(&self, label: &str, key: &str) -> Result<Option<IndexedEntity>> {
        let sql = "SELECT e.id, e.key, e.label, e.name, count(m.article) AS n FROM entities e \
             CROSS JOIN entity_mentions m ON m.entity = e.id WHERE e.key = ?1 AND e.label = ?2 GROUP BY e.id";
        let mut stmt = self.conn.prepare_cached(sql)?;
        let mut rows = stmt.query_map(params![key, label], indexed_entity)?;
        Ok(rows.next().transpose()?)
    }

    fn entities_where(&self, condition: &str, value: &str, limit: usize) -> Result<Vec<IndexedEntity>> {
        // Each entity's rows counted on their own: grouping the joined rows sorted every row
        // of the names found first (80,000 for "blair" at a million stories: 25 ms, not 4).
        let sql = format!(
            "SELECT * FROM (SELECT e.id, e.key, e.label, e.name, \
                 (SELECT count(*) FROM entity_mentions m WHERE m.entity = e.id) AS n \
                 FROM entities e WHERE {condition}) \
             WHERE n > 0 ORDER BY n DESC, key LIMIT ?2"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![value, limit as i64], indexed_entity)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The stories that mention any of `entities`, newest first.
    pub fn stories_of_entities(&self, entities: &[i64]) -> Result<Vec<EntityStory>> {
        let ids = id_list(entities);
        let sql = format!(
            "SELECT {STORY_COLUMNS}, m.entity, COALESCE(m.name, e.name), m.mentions \
             FROM entity_mentions m JOIN entities e ON e.id = m.entity JOIN articles a ON a.rowid = m.article \
             LEFT JOIN reading_state r USING (content_hash) \
             WHERE m.entity IN ({ids}) ORDER BY a.date DESC, a.rowid"
        );
        self.entity_stories_from(&sql, 8, |row| story_from_row(row, 0))
    }

    /// A window of the stories that mention any of `entities`, newest day first (a day's
    /// stories in the order they were indexed): `limit` stories from the `skip`th (all of them
    /// without a limit), one row per story and name of the entity it writes, a story's rows
    /// together. Only each story's id, title, date and source are read (the rest left at its
    /// default); the order comes from the entity rows alone (their `day`), so a window costs
    /// its own stories, whatever the entity's count.
    pub fn entity_story_window(
        &self,
        entities: &[i64],
        skip: usize,
        limit: Option<usize>,
    ) -> Result<Vec<EntityStory>> {
        let shown = self.window_articles(entities, skip, limit)?;
        let ids = id_list(entities);
        // `CROSS JOIN`: from the window's stories out, in their order.
        let sql = format!(
            "SELECT a.id, a.title, a.date, a.source, m.entity, COALESCE(m.name, e.name), m.mentions \
             FROM json_each(?1) AS shown \
             CROSS JOIN entity_mentions m ON m.article = shown.value AND m.entity IN ({ids}) \
             CROSS JOIN entities e ON e.id = m.entity CROSS JOIN articles a ON a.rowid = shown.value \
             ORDER BY shown.key, m.entity"
        );
        let shown = serde_json::to_string(&shown).unwrap_or_else(|_| "[]".into());
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([shown], |row| {
            Ok(EntityStory {
                story: StoryMeta {
                    id: row.get(0)?,
                    title: row.get(1)?,
                    date: row.get(2)?,
                    source: row.get(3)?,
                    ..StoryMeta::default()
                },
                entity: row.get(4)?,
                name: row.get(5)?,
                mentions: row.get::<_, i64>(6)? as usize,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The rowids of the window's stories, in order. A story has a row per entity of
    /// `entities` it names, so the window's stories are among the first (skip + limit) × that
    /// many rows: SQLite keeps only those while it reads (grouping by story sorted them all).
    fn window_articles(&self, entities: &[i64], skip: usize, limit: Option<usize>) -> Result<Vec<i64>> {
        let rows_needed = limit.map_or(-1, |n| ((skip + n) * entities.len().max(1)) as i64);
        let sql = format!(
            "SELECT article FROM entity_mentions WHERE entity IN ({}) ORDER BY day DESC, article LIMIT {rows_needed}",
            id_list(entities)
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut seen = HashSet::new();
        let mut shown = Vec::new();
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let article: i64 = row.get(0)?;
            if entities.len() == 1 || seen.insert(article) {
                shown.push(article);
            }
        }
        Ok(shown.into_iter().skip(skip).take(limit.unwrap_or(usize::MAX)).collect())
    }

    /// What the entity rows of `entities` say without reading a story: how many stories
    /// mention them, how many of those by month, and each name's count of stories.
    ///
    /// One pass over the rows, counted here: SQLite's GROUP BYs sorted every row (twice, for
    /// the days and the names), three times as long at a million stories.
    pub fn entity_counts(&self, entities: &[i64]) -> Result<EntityCounts> {
        let ids = id_list(entities);
        let first_names: HashMap<i64, String> = {
            let mut stmt =
                self.conn.prepare(&format!("SELECT id, name FROM entities WHERE id IN ({ids})"))?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        // A story writing two of the names is one story; with one entity, each row is one.
        let mut seen: HashSet<i64> = HashSet::new();
        let mut by_day: HashMap<Option<i64>, usize> = HashMap::new();
        let mut by_name: HashMap<(i64, Option<String>), usize> = HashMap::new();
        let mut stmt = self.conn.prepare(&format!(
            "SELECT entity, article, day, name FROM entity_mentions WHERE entity IN ({ids})"
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let (entity, article): (i64, i64) = (row.get(0)?, row.get(1)?);
            *by_name.entry((entity, row.get(3)?)).or_default() += 1;
            if entities.len() == 1 || seen.insert(article) {
                *by_day.entry(row.get(2)?).or_default() += 1;
            }
        }
        let mut counts = EntityCounts::default();
        let mut months: BTreeMap<String, usize> = BTreeMap::new();
        for (day, stories) in by_day {
            counts.stories += stories;
            match day.and_then(month_of_day) {
                Some(month) => *months.entry(month).or_default() += stories,
                None => counts.undated += stories,
            }
        }
        counts.months = months.into_iter().collect();
        // Rows without a name of their own write the entity's first-seen name.
        let mut names: BTreeMap<String, NameCount> = BTreeMap::new();
        for ((entity, written), stories) in by_name {
            let Some(name) = written.or_else(|| first_names.get(&entity).cloned()) else { continue };
            let count = names.entry(name.clone()).or_insert(NameCount { entity, name, stories: 0 });
            count.stories += stories;
            count.entity = count.entity.min(entity);
        }
        counts.names = names.into_values().collect();
        Ok(counts)
    }

    /// The rows of `sql`: a story (`story`), then from column `at` the entity, its name in
    /// the story and the count of its mentions.
    fn entity_stories_from(
        &self,
        sql: &str,
        at: usize,
        story: impl Fn(&rusqlite::Row) -> rusqlite::Result<StoryMeta>,
    ) -> Result<Vec<EntityStory>> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map([], |row| {
            Ok(EntityStory {
                story: story(row)?,
                entity: row.get(at)?,
                name: row.get(at + 1)?,
                mentions: row.get::<_, i64>(at + 2)? as usize,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The entities found in at least `min_together` of the stories that mention `entities`,
    /// with their story counts among the `base` stories indexed last, and the number of those
    /// stories (for an association measure).
    ///
    /// Only the `newest` of those stories indexed last are read (a person in ten thousand
    /// stories is judged by the company of their newest few thousand). Indexed last, not dated
    /// last: the mentions give that order without reading a story, where sorting by date read
    /// every story of the entity (tens of thousands in a library of a million). A companion's
    /// own count is taken among the library's newest `base` stories too: counting every row of
    /// a name in a hundred thousand stories took most of the page's time at a million.
    pub fn companions(
        &self,
        entities: &[i64],
        min_together: usize,
        newest: usize,
        base: usize,
    ) -> Result<(Vec<Companion>, usize)> {
        let ids = id_list(entities);
        let last: i64 =
            self.conn.query_row("SELECT COALESCE(max(rowid), 0) FROM articles", [], |r| r.get(0))?;
        let after = last.saturating_sub(base as i64);
        let sql = format!(
            "WITH mine AS (SELECT DISTINCT m.article FROM entity_mentions m \
                           WHERE m.entity IN ({ids}) ORDER BY m.article DESC LIMIT {newest}), \
                  near AS (SELECT m.entity, count(*) AS together FROM entity_mentions m JOIN mine USING (article) \
                           WHERE m.entity NOT IN ({ids}) GROUP BY m.entity HAVING count(*) >= ?1) \
             SELECT e.label, e.name, near.together, \
                    (SELECT count(*) FROM entity_mentions x WHERE x.entity = e.id AND x.article > ?2) \
             FROM near JOIN entities e ON e.id = near.entity"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params![min_together as i64, after], |r| {
            Ok(Companion {
                label: r.get(0)?,
                name: r.get(1)?,
                together: r.get::<_, i64>(2)? as usize,
                stories: r.get::<_, i64>(3)? as usize,
            })
        })?;
        let companions = rows.collect::<rusqlite::Result<_>>()?;
        // The stories of the index past `after` (not counted: the rowids say how many, but
        // for the few a removal left out; every story, not only those with a name).
        let stories = self.story_count()?.min((last - after) as usize);
        Ok((companions, stories))
    }

    /// How many stories the library holds, without counting them: the full-text index keeps
    /// the number in its first record (FTS5's "averages": a varint, then the columns' sizes).
    /// Counting the rows took 50 ms at 100,000 stories, half a second at a million.
    pub fn story_count(&self) -> Result<usize> {
        let block: Option<Vec<u8>> = self
            .conn
            .query_row("SELECT block FROM articles_fts_data WHERE id = 1", [], |r| r.get(0))
            .optional()?;
        if let Some(n) = block.as_deref().and_then(fts5_varint) {
            return Ok(n as usize);
        }
        let n: i64 = self.conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
        Ok(n as usize)
    }
}

/// The month (YYYY-MM) of a day counted from 1970-01-01 (`entity_mentions.day`).
fn month_of_day(day: i64) -> Option<String> {
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    let date = match u64::try_from(day) {
        Ok(after) => epoch.checked_add_days(chrono::Days::new(after))?,
        Err(_) => epoch.checked_sub_days(chrono::Days::new(day.unsigned_abs()))?,
    };
    Some(date.format("%Y-%m").to_string())
}

/// Entity ids as an SQL list (`IN (...)`): integers, nothing to escape.
fn id_list(entities: &[i64]) -> String {
    entities.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

/// The varint SQLite and FTS5 write: big-endian groups of 7 bits, the high bit saying another
/// byte follows; a ninth byte gives all its 8 bits.
fn fts5_varint(bytes: &[u8]) -> Option<u64> {
    let mut value: u64 = 0;
    for (i, &b) in bytes.iter().take(9).enumerate() {
        if i == 8 {
            return Some((value << 8) | u64::from(b));
        }
        value = (value << 7) | u64::from(b & 0x7f);
        if b < 0x80 {
            return Some(value);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::month_of_day;

    #[test]
    fn a_day_number_falls_in_its_month_before_and_after_1970() {
        assert_eq!(month_of_day(0).as_deref(), Some("1970-01"));
        assert_eq!(month_of_day(-1).as_deref(), Some("1969-12"));
        assert_eq!(month_of_day(31).as_deref(), Some("1970-02"));
        // 2022-11-21, the day of the reference story.
        assert_eq!(month_of_day(19_317).as_deref(), Some("2022-11"));
    }
}
