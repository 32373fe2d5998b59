//! The library database (SQLite, WAL): a cache of parsed articles, their full-text index and
//! extraction results, plus the user's reading state. See `schema.rs` for what is which.
//!
//! Every write is one short transaction; WAL and a busy timeout let two byline instances share
//! one data folder without corrupting it or losing a write.

mod annotations;
mod entities;
mod feeds;
mod pending;
mod query;
mod review;
mod salvage;
pub mod schema;
mod sessions;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};
use unicode_normalization::UnicodeNormalization;

use crate::library::rows::{EntityHit, SearchHit, StoryMeta};
use crate::library::scope::Scope;
use crate::library::{Article, Given};
pub use entities::{Companion, EntityStory, IndexedEntity};
pub use feeds::{FeedStatus, StoredFeed, Validators};
pub use query::fts_query;
use review::{REVIEW_COLUMNS, REVIEW_JOINS};
pub use salvage::{SavedTable, salvage};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{0}")]
    Schema(String),
    /// Another window changed the story's annotations since this one showed them; here they
    /// are as they are now.
    #[error("another byline window changed this story's annotations")]
    Stale(Box<crate::annotate::AnnotationSet>),
    /// The edit to undo or redo was changed since by another window.
    #[error("another byline window changed that annotation since: nothing was undone or redone")]
    Overtaken,
    #[error("cannot create the data folder {path}: {source}")]
    DataDir { path: PathBuf, source: std::io::Error },
    #[error("story {0} is not in the library index: not saved")]
    UnknownStory(String),
    #[error("no library database at {0}")]
    Missing(PathBuf),
}

impl StoreError {
    /// Whether SQLite found the file damaged (or not a database at all), as opposed to busy,
    /// read-only or missing.
    pub fn is_damage(&self) -> bool {
        matches!(self, StoreError::Sqlite(e) if is_damage(e))
    }
}

/// Whether an SQLite error says the file is damaged.
pub fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
    )
}

/// `file:` URI of `path` asking SQLite to read it as a file nothing changes.
fn immutable_uri(path: &Path) -> Option<String> {
    let absolute = std::fs::canonicalize(path).ok()?;
    let mut url = url::Url::from_file_path(absolute).ok()?;
    url.set_query(Some("immutable=1"));
    Some(url.into())
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// A stored article with the user's state for it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    pub article: Article,
    pub content_hash: String,
    pub scroll: usize,
}

/// The size, modification time and content hash of a source file as last indexed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    pub size: u64,
    pub mtime_ns: i64,
    pub hash: u128,
}

/// One change to the indexed files.
#[derive(Debug, Clone, PartialEq)]
pub enum FileOp {
    /// Same bytes, new size/mtime.
    Touch {
        path: String,
        stamp: FileStamp,
    },
    Replace {
        path: String,
        stamp: FileStamp,
        articles: Vec<(Article, Option<CachedFacts>)>,
    },
    Remove {
        path: String,
    },
}

/// Extraction results as cached: the facts as JSON, and the entities for the index.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CachedFacts {
    pub json: String,
    /// (label, canonical name, mention count)
    pub entities: Vec<(String, String, usize)>,
}

/// The content hash of an article: what makes it the same story wherever its file lives.
pub fn content_hash(article: &Article) -> String {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(article.title.as_bytes());
    h.update(&[0]);
    h.update(article.body.as_bytes());
    format!("{:032x}", h.digest128())
}

/// The key an entity name is indexed under: case, accents and spacing folded.
pub fn entity_key(name: &str) -> String {
    crate::text::fold::fold_str(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How many stories a phrase lookup for a taught name returns at most.
const MAX_PHRASE_STORIES: i64 = 2000;

/// Occurrences of `words` in `text` as whole words, case and accents as written.
fn count_words(text: &str, words: &str) -> usize {
    if words.is_empty() {
        return 0;
    }
    let boundary = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
    text.match_indices(words)
        .filter(|&(at, _)| {
            boundary(text[..at].chars().next_back()) && boundary(text[at + words.len()..].chars().next())
        })
        .count()
}

pub struct Store {
    conn: Connection,
    session: sessions::SessionState,
    /// Opened for reading only (`open_read_only`): nothing is ever written to the file.
    read_only: bool,
}

const STORY_COLUMNS: &str = "a.id, a.title, a.date, a.source, a.lang, a.damaged, \
     COALESCE(r.read, 0), COALESCE(r.starred, 0)";

fn story_from_row(row: &rusqlite::Row, at: usize) -> rusqlite::Result<StoryMeta> {
    Ok(StoryMeta {
        id: row.get(at)?,
        title: row.get(at + 1)?,
        date: row.get(at + 2)?,
        source: row.get(at + 3)?,
        lang: row.get(at + 4)?,
        damaged: row.get(at + 5)?,
        read: row.get(at + 6)?,
        starred: row.get(at + 7)?,
        review: Default::default(),
    })
}

/// A story of the list: `STORY_COLUMNS` then `REVIEW_COLUMNS`.
fn listed_story(row: &rusqlite::Row) -> rusqlite::Result<StoryMeta> {
    Ok(StoryMeta { review: review::review_from_row(row, 8)?, ..story_from_row(row, 0)? })
}

impl Store {
    /// Opens (creating if needed) the database at `path`; its folder is created private to
    /// the user.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            create_private_dir(dir)
                .map_err(|source| StoreError::DataDir { path: dir.to_path_buf(), source })?;
        }
        Store::setup(Connection::open(path)?)
    }

    /// A fresh in-memory database.
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?)
    }

    fn setup(mut conn: Connection) -> Result<Store> {
        conn.busy_timeout(Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // A larger page cache (64 MiB, allocated as used) keeps a big library's index pages in
        // memory while indexing and searching.
        conn.pragma_update(None, "cache_size", -65536)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        schema::migrate(&mut conn)?.map_err(StoreError::Schema)?;
        Ok(Store { conn, session: sessions::SessionState::default(), read_only: false })
    }

    /// Opens an existing database for reading only. Nothing is written to the file, not even a
    /// migration: a damaged database is never made worse, and one in a folder byline may not
    /// write to can still be read. Queries a database of an older schema lacks fail.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.is_file() {
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let first = match Connection::open_with_flags(path, flags).map_err(StoreError::from) {
            Ok(conn) => match Store::read_only_from(conn) {
                Ok(store) => return Ok(store),
                Err(e) => e,
            },
            Err(e) => e,
        };
        // Reading a WAL database takes an index file beside it, which SQLite cannot create in
        // a folder it may not write to: such a database (which nothing can be writing either)
        // is read as it stands.
        let Some(uri) = immutable_uri(path) else { return Err(first) };
        Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
            .map_err(StoreError::from)
            .and_then(Store::read_only_from)
            .map_err(|_| first)
    }

    fn read_only_from(conn: Connection) -> Result<Store> {
        conn.busy_timeout(Duration::from_secs(10))?;
        // Reading the header and the schema says at once whether this is a database at all.
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0))?;
        if version > schema::SCHEMA_VERSION {
            return Err(StoreError::Schema(schema::newer_message(version)));
        }
        Ok(Store { conn, session: sessions::SessionState::default(), read_only: true })
    }

    /// Opens the database to read and write when it can, else (a read-only folder or file, a
    /// database too damaged to be written) to read only; the error says why it could not be
    /// opened for writing.
    pub fn open_or_read_only(path: &Path) -> Result<(Store, Option<StoreError>)> {
        match Store::open(path) {
            Ok(store) => Ok((store, None)),
            Err(e) if path.is_file() => match Store::open_read_only(path) {
                Ok(store) => Ok((store, Some(e))),
                Err(_) => Err(e),
            },
            Err(e) => Err(e),
        }
    }

    /// Whether nothing can be written through this store (`open_read_only`).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The stories from the given scopes (all when empty), newest first (undated last).
    pub fn stories_in(&self, scopes: &[Scope]) -> Result<Vec<StoryMeta>> {
        self.stories_page(scopes, None)
    }

    /// The first `limit` stories of `stories_in` (all with `None`): a large library shows its
    /// first screen from this while the rest is read.
    pub fn stories_page(&self, scopes: &[Scope], limit: Option<usize>) -> Result<Vec<StoryMeta>> {
        let limit_sql = limit.map(|n| format!(" LIMIT {n}")).unwrap_or_default();
        if scopes.is_empty() {
            let sql = format!(
                "SELECT {STORY_COLUMNS}, {REVIEW_COLUMNS} FROM articles a LEFT JOIN reading_state r USING (content_hash) \
                 {REVIEW_JOINS} ORDER BY a.date DESC, a.rowid{limit_sql}"
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map([], listed_story)?;
            return Ok(rows.collect::<rusqlite::Result<_>>()?);
        }
        let mut conditions = Vec::new();
        let mut values: Vec<String> = Vec::new();
        for scope in scopes {
            match scope {
                Scope::File(path) => {
                    values.push(path.clone());
                    conditions.push(format!("+a.path = ?{}", values.len()));
                }
                Scope::Under(prefix) => {
                    // A range on the indexed column: [prefix, prefix with its last char + 1).
                    let mut upper = prefix.clone();
                    let last = upper.pop().map_or('\u{0}', |c| char::from_u32(c as u32 + 1).unwrap_or(c));
                    upper.push(last);
                    values.push(prefix.clone());
                    values.push(upper);
                    // `+` keeps the planner on the date index, which gives the order (and the
                    // first page) without sorting the whole library.
                    conditions.push(format!(
                        "(+a.path >= ?{} AND +a.path < ?{})",
                        values.len() - 1,
                        values.len()
                    ));
                }
            }
        }
        let sql = format!(
            "SELECT {STORY_COLUMNS}, {REVIEW_COLUMNS} FROM articles a LEFT JOIN reading_state r USING (content_hash) \
             {REVIEW_JOINS} WHERE {} ORDER BY a.date DESC, a.rowid{limit_sql}",
            conditions.join(" OR ")
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(values.iter()), listed_story)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Stories an imported document may belong to, most likely first: the one with its id,
    /// those from a file of that name (`file`: a path or a file name), those whose text holds
    /// its first words. The caller checks the text.
    pub fn import_candidates(&self, id: &str, file: Option<&str>, text: &str) -> Result<Vec<String>> {
        let mut ids: Vec<String> = Vec::new();
        let mut by_id = self.conn.prepare_cached("SELECT id FROM articles WHERE id = ?1")?;
        ids.extend(by_id.query_row([id], |r| r.get::<_, String>(0)).optional()?);
        if let Some(file) = file.map(str::trim).filter(|f| !f.is_empty()) {
            let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
            let mut by_path = self.conn.prepare_cached(
                "SELECT id FROM articles WHERE path = ?1 OR substr(path, -length(?2) - 1) = '/' || ?2 LIMIT 200",
            )?;
            let rows = by_path.query_map(params![file, name], |r| r.get::<_, String>(0))?;
            ids.extend(rows.collect::<rusqlite::Result<Vec<_>>>()?);
        }
        // The first words of its first lines, each as a phrase: the full-text index finds the
        // few stories that could be this text (a title line is not in the body's column, so
        // one line is not enough). Composed, without invisible characters, as the index has it.
        let text: String =
            text.nfc().filter(|&c| !matches!(c, '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')).collect();
        for line in text.lines().filter(|l| l.split_whitespace().count() >= 3).take(3) {
            let words: Vec<String> = crate::text::query_words(line).into_iter().take(8).collect();
            let phrase = format!("\"{}\"", words.join(" "));
            ids.extend(self.search(&phrase, 20)?.into_iter().map(|h| h.story.id));
        }
        let mut seen = HashSet::new();
        ids.retain(|id| seen.insert(id.clone()));
        Ok(ids)
    }

    /// Up to `limit` story ids that start with `prefix`.
    pub fn ids_starting_with(&self, prefix: &str, limit: usize) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM articles WHERE substr(id, 1, length(?1)) = ?1 ORDER BY id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![prefix, limit as i64], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn article_count(&self) -> Result<usize> {
        Ok(self.conn.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))? as usize)
    }

    /// One article with its body and saved scroll position.
    pub fn article(&self, id: &str) -> Result<Option<StoredArticle>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.path, a.content_hash, a.title, a.body, a.date, a.author, a.source, a.url, a.lang, \
                    a.tags, a.damaged, COALESCE(r.scroll, 0), a.given \
             FROM articles a LEFT JOIN reading_state r USING (content_hash) WHERE a.id = ?1",
        )?;
        let found = stmt
            .query_row([id], |row| {
                let tags: String = row.get(10)?;
                Ok(StoredArticle {
                    article: Article {
                        id: row.get(0)?,
                        path: PathBuf::from(row.get::<_, String>(1)?),
                        title: row.get(3)?,
                        body: row.get(4)?,
                        date: row.get(5)?,
                        author: row.get(6)?,
                        source: row.get(7)?,
                        url: row.get(8)?,
                        lang: row.get(9)?,
                        tags: serde_json::from_str(&tags).unwrap_or_default(),
                        damaged: row.get(11)?,
                        given: row.get::<_, Option<String>>(13)?.map(Given::Patch),
                    },
                    content_hash: row.get(2)?,
                    scroll: row.get::<_, i64>(12)?.max(0) as usize,
                })
            })
            .optional()?;
        Ok(found)
    }

    /// Sets one column of a story's reading state, keyed by its content hash: the indexed
    /// story's, or while a cache rebuild runs and the story is not indexed again yet, the one it
    /// had before. Returns whether the story was found.
    fn update_reading_state(&self, id: &str, column: &str, value: i64) -> Result<bool> {
        // Column names come from this module only. (`WHERE true` tells SQLite that `ON` starts
        // the upsert, not a join.)
        let sql = format!(
            "INSERT INTO reading_state (content_hash, {column}) \
                 SELECT content_hash, ?2 FROM ( \
                     SELECT content_hash, 0 AS rank FROM articles WHERE id = ?1 \
                     UNION ALL SELECT content_hash, 1 FROM previous_hashes WHERE id = ?1 \
                     ORDER BY rank LIMIT 1) WHERE true \
             ON CONFLICT (content_hash) DO UPDATE SET {column} = excluded.{column}, updated_at = unixepoch()"
        );
        Ok(self.conn.execute(&sql, params![id, value])? > 0)
    }

    /// Marks a story read or unread; an error when the library has no such story (nothing would
    /// be stored).
    pub fn set_read(&self, id: &str, read: bool) -> Result<()> {
        self.update_reading_state(id, "read", read.into())?.then_some(()).ok_or_else(|| unknown_story(id))
    }

    /// Stars a story or takes its star away; an error when the library has no such story.
    pub fn set_starred(&self, id: &str, starred: bool) -> Result<()> {
        self.update_reading_state(id, "starred", starred.into())?
            .then_some(())
            .ok_or_else(|| unknown_story(id))
    }

    /// Remembers where a story was left; a story gone from the library has nothing to keep.
    pub fn set_scroll(&self, id: &str, line: usize) -> Result<()> {
        self.update_reading_state(id, "scroll", line.min(i64::MAX as usize) as i64).map(|_| ())
    }

    /// Full-text search over titles and bodies, best first (BM25, titles weighted). See
    /// `fts_query` for the syntax.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let Some(fts) = fts_query(query) else { return Ok(Vec::new()) };
        // Ranking touches only the index; bodies are read for the few hits shown.
        let mut stmt = self.conn.prepare_cached(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rank LIMIT ?2",
        )?;
        let rowids: Vec<i64> =
            stmt.query_map(params![fts, limit as i64], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        let sql = format!(
            "SELECT {STORY_COLUMNS}, a.body FROM articles a LEFT JOIN reading_state r USING (content_hash) \
             WHERE a.rowid = ?1"
        );
        let mut row_stmt = self.conn.prepare_cached(&sql)?;
        let terms = crate::text::query_terms(query);
        let mut hits = Vec::with_capacity(rowids.len());
        for rowid in rowids {
            let hit = row_stmt
                .query_row([rowid], |row| {
                    let body: String = row.get(8)?;
                    Ok(SearchHit { story: story_from_row(row, 0)?, snippet: query::snippet(&body, &terms) })
                })
                .optional()?;
            hits.extend(hit);
        }
        Ok(hits)
    }

    /// Stories that mention an entity (any label), newest first. A name the user accepted in
    /// some story is looked up in every story's text as well: the extractor may have missed it
    /// in stories indexed before the user taught it, and those are not re-indexed.
    pub fn entity_stories(&self, name: &str) -> Result<Vec<EntityHit>> {
        let mut hits = self.indexed_entity_stories(name)?;
        let key = entity_key(name);
        let taught = self.user_gazetteer()?.into_iter().find(|(text, _)| entity_key(text) == key);
        if let Some((text, label)) = taught {
            let seen: HashSet<String> = hits.iter().map(|h| h.story.id.clone()).collect();
            let more = self.phrase_stories(&text)?.into_iter().filter(|(story, _)| !seen.contains(&story.id));
            hits.extend(more.map(|(story, mentions)| EntityHit {
                story,
                label: label.clone(),
                name: text.clone(),
                mentions,
            }));
            hits.sort_by(|a, b| b.story.date.cmp(&a.story.date));
        }
        Ok(hits)
    }

    /// Stories whose text holds `phrase` as written (same case, whole words, as the extractor
    /// finds taught names), with how many times. The full-text index (case and accents
    /// ignored) narrows the search to at most `MAX_PHRASE_STORIES` candidates.
    fn phrase_stories(&self, phrase: &str) -> Result<Vec<(StoryMeta, usize)>> {
        let Some(fts) = fts_query(&format!("\"{}\"", phrase.replace('"', " "))) else {
            return Ok(Vec::new());
        };
        let sql = format!(
            "SELECT {STORY_COLUMNS}, a.body FROM articles a LEFT JOIN reading_state r USING (content_hash) \
             WHERE a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 LIMIT ?2)"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![fts, MAX_PHRASE_STORIES], |row| {
            let body: String = row.get(8)?;
            Ok((story_from_row(row, 0)?, count_words(&body, phrase)))
        })?;
        let found: Vec<(StoryMeta, usize)> = rows.collect::<rusqlite::Result<_>>()?;
        Ok(found.into_iter().filter(|&(_, n)| n > 0).collect())
    }

    /// Stories the entity index lists for a name.
    fn indexed_entity_stories(&self, name: &str) -> Result<Vec<EntityHit>> {
        let sql = format!(
            "SELECT {STORY_COLUMNS}, e.label, COALESCE(m.name, e.name), m.mentions \
             FROM entities e JOIN entity_mentions m ON m.entity = e.id JOIN articles a ON a.rowid = m.article \
             LEFT JOIN reading_state r USING (content_hash) \
             WHERE e.key = ?1 ORDER BY a.date DESC, a.rowid"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([entity_key(name)], |row| {
            Ok(EntityHit {
                story: story_from_row(row, 0)?,
                label: row.get(8)?,
                name: row.get(9)?,
                mentions: row.get::<_, i64>(10)? as usize,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Names of library entities whose folded name starts with `typed`, most mentioned first
    /// (for the link prompt's type-ahead).
    pub fn entity_names(&self, typed: &str, limit: usize) -> Result<Vec<String>> {
        let prefix = entity_key(typed);
        if prefix.is_empty() {
            return Ok(Vec::new());
        }
        let mut upper = prefix.clone();
        upper.push(char::MAX);
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.name FROM entities e JOIN entity_mentions m ON m.entity = e.id \
             WHERE e.key >= ?1 AND e.key < ?2 GROUP BY e.key ORDER BY count(*) DESC, e.key LIMIT ?3",
        )?;
        let rows = stmt.query_map(params![prefix, upper, limit as i64], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Cached extraction results for an article's content, if computed by this extractor.
    pub fn facts(&self, content_hash: &str, extractor: u32) -> Result<Option<String>> {
        let mut stmt =
            self.conn.prepare_cached("SELECT json FROM facts WHERE content_hash = ?1 AND extractor = ?2")?;
        Ok(stmt.query_row(params![content_hash, extractor], |r| r.get(0)).optional()?)
    }

    /// Caches extraction results and indexes their entities (an empty `json` indexes only).
    pub fn put_facts(
        &mut self,
        article_id: &str,
        content_hash: &str,
        extractor: u32,
        facts: &CachedFacts,
    ) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let rowid: Option<i64> = tx
            .query_row("SELECT rowid FROM articles WHERE id = ?1", [article_id], |r| r.get(0))
            .optional()?;
        if let Some(rowid) = rowid {
            let mut pending = pending::PendingRows::default();
            write_facts(&tx, rowid, content_hash, extractor, facts, &mut pending)?;
            pending.flush(&tx)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The stamps of every indexed file, by path.
    pub fn file_stamps(&self) -> Result<std::collections::HashMap<String, FileStamp>> {
        let mut stmt = self.conn.prepare("SELECT path, size, mtime_ns, hash FROM files")?;
        let rows = stmt.query_map([], |r| {
            let hash: String = r.get(3)?;
            Ok((
                r.get::<_, String>(0)?,
                FileStamp {
                    size: r.get::<_, i64>(1)? as u64,
                    mtime_ns: r.get(2)?,
                    hash: u128::from_str_radix(&hash, 16).unwrap_or(0),
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Applies indexing results in one transaction.
    pub fn apply(&mut self, ops: &[FileOp], extractor: u32) -> Result<()> {
        if ops.is_empty() {
            return Ok(());
        }
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut text = pending::PendingRows::default();
        for op in ops {
            match op {
                FileOp::Touch { path, stamp } => {
                    tx.execute(
                        "UPDATE files SET size = ?2, mtime_ns = ?3 WHERE path = ?1",
                        params![path, stamp.size as i64, stamp.mtime_ns],
                    )?;
                }
                FileOp::Replace { path, stamp, articles } => {
                    replace_file(&tx, path, *stamp, articles, extractor, &mut text)?
                }
                FileOp::Remove { path } => {
                    text.flush_if_holds_path(&tx, path)?;
                    tx.execute("DELETE FROM articles WHERE path = ?1", [path])?;
                    tx.execute("DELETE FROM files WHERE path = ?1", [path])?;
                }
            }
        }
        text.flush(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Replaces everything indexed from one file.
    pub fn replace_file(
        &mut self,
        path: &str,
        stamp: FileStamp,
        articles: &[(Article, Option<CachedFacts>)],
        extractor: u32,
    ) -> Result<()> {
        let op = FileOp::Replace { path: path.to_string(), stamp, articles: articles.to_vec() };
        self.apply(std::slice::from_ref(&op), extractor)
    }

    /// Forgets a file that is gone, and its articles (their reading state stays, keyed by
    /// content, so the story keeps it if it shows up elsewhere).
    pub fn remove_file(&mut self, path: &str) -> Result<()> {
        self.apply(&[FileOp::Remove { path: path.to_string() }], 0)
    }

    /// Drops every cache table and recreates it empty; reading state is kept.
    pub fn rebuild_cache(&mut self) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        schema::rebuild_cache(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Checks the database and says what it found, one finding a line; a finding that the file
    /// is damaged says `DAMAGED`. Only reads: it runs on a store opened read-only, and a part
    /// of the file that cannot be read is a finding, not an error.
    pub fn doctor(&self) -> Result<Vec<String>> {
        let mut report = Vec::new();
        let integrity: rusqlite::Result<Vec<String>> = self
            .conn
            .prepare("PRAGMA integrity_check(20)")
            .and_then(|mut stmt| stmt.query_map([], |r| r.get(0))?.collect());
        match integrity {
            Ok(lines) if lines == ["ok"] => report.push("integrity: ok".to_string()),
            Ok(lines) => {
                report.push("integrity: DAMAGED".to_string());
                report.extend(
                    lines.iter().map(|l| format!("  {}", crate::library::sanitize::one_line(l, 200))),
                );
            }
            Err(e) => report.push(format!("integrity: DAMAGED ({e})")),
        }
        // Every story in the full-text index and nothing else (the integrity check above
        // looks at the index's own structure).
        let unindexed = "SELECT (SELECT count(*) FROM articles a WHERE NOT EXISTS \
             (SELECT 1 FROM articles_fts_docsize d WHERE d.id = a.rowid)) + (SELECT count(*) FROM \
             articles_fts_docsize d WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.rowid = d.id))";
        let count = |sql: &str| self.conn.query_row(sql, [], |r| r.get::<_, i64>(0));
        report.push(match count(unindexed) {
            Ok(0) => "full-text index: ok".to_string(),
            Ok(n) => format!("full-text index: DAMAGED, {n} stories out of step (byline index --rebuild)"),
            Err(e) => format!("full-text index: DAMAGED ({e}; byline index --rebuild)"),
        });
        let mut counted = |label: &str, sql: &str| {
            report.push(match count(sql) {
                Ok(n) => format!("{label}: {n}"),
                Err(e) => format!("{label}: DAMAGED ({e})"),
            })
        };
        counted("articles", "SELECT count(*) FROM articles");
        counted("source files", "SELECT count(*) FROM files");
        counted("read", "SELECT count(*) FROM reading_state WHERE read");
        counted("starred", "SELECT count(*) FROM reading_state WHERE starred");
        counted("annotations", "SELECT count(*) FROM annotations");
        let orphans = count(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.path = a.path)",
        );
        if let Ok(orphans @ 1..) = orphans {
            report.push(format!("articles without a source file: {orphans} (byline index repairs this)"));
        }
        let shared = count(
            "SELECT count(*) FROM articles a WHERE instr(a.id, '~') > 0 \
             AND EXISTS (SELECT 1 FROM articles b WHERE b.id = substr(a.id, 1, length(a.id) - 9))",
        );
        if let Ok(shared @ 1..) = shared {
            report.push(format!(
                "stories whose id another file gives too: {shared} (each kept, under its id with ~ and a hash of its path)"
            ));
        }
        let homeless = count(
            "SELECT count(*) FROM annotations n WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = n.article_id)",
        );
        if let Ok(homeless @ 1..) = homeless {
            report.push(format!(
                "annotations whose story is no longer in the library: {homeless} (kept; `byline export --orphans` writes them)"
            ));
        }
        let version: i64 = self.conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version < schema::SCHEMA_VERSION {
            report.push(format!(
                "schema version: {version} (byline index brings it to {})",
                schema::SCHEMA_VERSION
            ));
        } else {
            report.push(format!("schema version: {version}"));
        }
        Ok(report)
    }
}

fn unknown_story(id: &str) -> StoreError {
    StoreError::UnknownStory(crate::library::sanitize::one_line(id, 80))
}

fn replace_file<'a>(
    tx: &rusqlite::Transaction,
    path: &'a str,
    stamp: FileStamp,
    articles: &'a [(Article, Option<CachedFacts>)],
    extractor: u32,
    text: &mut pending::PendingRows<'a>,
) -> Result<()> {
    text.flush_if_holds_path(tx, path)?;
    tx.prepare_cached("DELETE FROM articles WHERE path = ?1")?.execute([path])?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO articles (id, path, content_hash, title, body, date, author, source, url, lang, tags, damaged, given) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) \
         ON CONFLICT (id) DO UPDATE SET path = excluded.path, content_hash = excluded.content_hash, \
            title = excluded.title, body = excluded.body, date = excluded.date, author = excluded.author, \
            source = excluded.source, url = excluded.url, lang = excluded.lang, tags = excluded.tags, \
            damaged = excluded.damaged, given = excluded.given \
         RETURNING rowid",
    )?;
    for (a, facts) in articles {
        let id = claim_id(tx, &a.id, path, text)?;
        // An id written earlier in the batch (this file or another) is about to be replaced.
        text.flush_if_holds_id(tx, &id)?;
        let hash = content_hash(a);
        let tags = serde_json::to_string(&a.tags).unwrap_or_else(|_| "[]".into());
        let given = given_patch(a);
        let rowid: i64 = insert.query_row(
            params![
                id, path, hash, a.title, a.body, a.date, a.author, a.source, a.url, a.lang, tags, a.damaged,
                given
            ],
            |r| r.get(0),
        )?;
        text.add(rowid, &id, path, &a.title, &a.body);
        if let Some(facts) = facts {
            write_facts(tx, rowid, &hash, extractor, facts, text)?;
        }
    }
    tx.prepare_cached(
        "INSERT INTO files (path, size, mtime_ns, hash) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, hash = excluded.hash",
    )?
    .execute(params![path, stamp.size as i64, stamp.mtime_ns, format!("{:032x}", stamp.hash)])?;
    Ok(())
}

/// The id story `id` of the file `path` is stored under. Two files may give the same id (two
/// snapshots of a feed, JSON files numbering their items from 1): both are kept, as two
/// stories. The file whose path sorts first keeps the id as given, whatever the order they
/// were indexed in; the other's is the id with `~` and a hash of its path. When a file that
/// sorts first arrives later, the story holding the id moves to its own suffixed id, with its
/// annotations, edit log and review state.
fn claim_id(
    tx: &rusqlite::Transaction,
    id: &str,
    path: &str,
    text: &mut pending::PendingRows,
) -> Result<String> {
    let holder: Option<String> = tx
        .prepare_cached("SELECT path FROM articles WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    let Some(holder) = holder.filter(|h| h != path) else { return Ok(id.to_owned()) };
    if path > holder.as_str() {
        return Ok(shared_id(id, path));
    }
    let moved = shared_id(id, &holder);
    // The holder's text may still wait in the batch: index it before its row changes (the
    // update trigger takes the old text out of the index), then put it back under its row.
    text.flush_if_holds_id(tx, id)?;
    tx.execute("UPDATE articles SET id = ?2 WHERE id = ?1", params![id, moved])?;
    tx.execute(
        "INSERT INTO articles_fts (rowid, title, body) SELECT rowid, title, body FROM articles WHERE id = ?1",
        [&moved],
    )?;
    for table in ["annotations", "edit_log", "review_state"] {
        tx.execute(&format!("UPDATE {table} SET article_id = ?2 WHERE article_id = ?1"), params![id, moved])?;
    }
    Ok(id.to_owned())
}

/// The id of a story whose id another file gives too: the id and a hash of its own path.
fn shared_id(id: &str, path: &str) -> String {
    format!("{id}~{:08x}", xxhash_rust::xxh3::xxh3_64(path.as_bytes()) as u32)
}

/// What the store keeps of the text as given: the patch that rebuilds it from the body.
fn given_patch(a: &Article) -> Option<std::borrow::Cow<'_, str>> {
    match &a.given {
        None => None,
        Some(Given::Patch(p)) => Some(std::borrow::Cow::Borrowed(p)),
        Some(Given::Text(text)) => crate::library::align::patch(text, &a.body).map(std::borrow::Cow::Owned),
    }
}

/// Caches an article's facts (unless `json` is empty: indexing stores only the entity index,
/// the facts are cached when a story is first opened) and replaces its entity rows (the new
/// ones wait in `pending` until the end of the batch).
fn write_facts<'a>(
    tx: &rusqlite::Transaction,
    article: i64,
    content_hash: &str,
    extractor: u32,
    facts: &'a CachedFacts,
    pending: &mut pending::PendingRows<'a>,
) -> Result<()> {
    if !facts.json.is_empty() {
        tx.execute(
            "INSERT OR REPLACE INTO facts (content_hash, extractor, json) VALUES (?1, ?2, ?3)",
            params![content_hash, extractor, facts.json],
        )?;
    }
    // As the delete trigger does (schema.rs): entities left without a story go too.
    tx.prepare_cached(
        "DELETE FROM entities WHERE id IN (SELECT entity FROM entity_mentions WHERE article = ?1) \
         AND NOT EXISTS (SELECT 1 FROM entity_mentions m WHERE m.entity = entities.id AND m.article <> ?1)",
    )?
    .execute([article])?;
    tx.prepare_cached("DELETE FROM entity_mentions WHERE article = ?1")?.execute([article])?;
    pending.add_entities(article, &facts.entities);
    Ok(())
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

#[cfg(test)]
mod tests;
