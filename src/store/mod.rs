//! The library database (SQLite, WAL): a cache of parsed articles, their full-text index and
//! extraction results, plus the user's reading state. See `schema.rs` for what is which.
//!
//! Every write is one short transaction; WAL and a busy timeout let two byline instances share
//! one data folder without corrupting it or losing a write.

mod analysis_queue;
mod annotations;
mod doctor;
mod entities;
mod entity_decisions;
mod feeds;
mod open;
mod packed;
mod pending;
mod query;
mod review;
mod salvage;
pub mod schema;
mod search;
mod sessions;
mod write;

use std::path::{Path, PathBuf};
use std::time::Duration;
use write::{replace_file, write_facts};

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use crate::library::rows::StoryMeta;
use crate::library::scope::Scope;
use crate::library::{Article, Given, Stories};
pub use entities::{Companion, EntityCounts, EntityStory, IndexedEntity, NameCount};
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

pub type Result<T> = std::result::Result<T, StoreError>;

/// A tag and its stories (`Store::tag_counts`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagCount {
    pub tag: String,
    pub stories: usize,
    pub unread: usize,
}

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
    /// `Replace` with each article's text packed as the store keeps it (`PackedText::of`),
    /// ahead, on the thread that parsed it: the one thread that writes only writes.
    ReplacePacked {
        path: String,
        stamp: FileStamp,
        articles: Vec<(Article, Option<CachedFacts>)>,
        packed: Vec<PackedText>,
    },
}

/// A story's text (its body, and the patch to the text as given) compressed as
/// `articles.body` holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackedText(Vec<u8>);

impl PackedText {
    pub fn of(article: &Article) -> PackedText {
        PackedText(write::pack_article(article))
    }
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
        tags: Vec::new(),
    })
}

/// Sets one column of a story's reading state (kept by content hash, or by the hash the story
/// had before it changed); whether the library has the story.
fn set_reading_state(conn: &Connection, id: &str, column: &str, value: i64) -> Result<bool> {
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
    Ok(conn.prepare_cached(&sql)?.execute(params![id, value])? > 0)
}

/// A story of the list: `STORY_COLUMNS`, `REVIEW_COLUMNS`, then its tags (a JSON list).
fn listed_story(row: &rusqlite::Row) -> rusqlite::Result<StoryMeta> {
    let tags = tags_from_row(row, 11)?;
    Ok(StoryMeta { review: review::review_from_row(row, 8)?, tags, ..story_from_row(row, 0)? })
}

/// A story's tags from the JSON list in column `at` (a damaged one loses the tags, not the
/// story).
fn tags_from_row(row: &rusqlite::Row, at: usize) -> rusqlite::Result<Vec<String>> {
    let tags: Option<String> = row.get(at)?;
    Ok(tags.filter(|t| t != "[]").and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default())
}

/// Brings the database to this byline's schema. An upgrade of a library made by an older byline
/// may rewrite whole tables (minutes at a million stories): it says so on the terminal before
/// the reader takes it, and gets the page cache indexing gets (the reading cache made it spill
/// the same pages again and again).
fn upgrade(conn: &mut Connection) -> Result<()> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let upgrading = (1..schema::SCHEMA_VERSION).contains(&version);
    if upgrading {
        eprintln!(
            "byline: upgrading the library database from version {version} to {} (once; a large library takes minutes)",
            schema::SCHEMA_VERSION
        );
        conn.pragma_update(None, "cache_size", INDEXING_CACHE_KIB)?;
    }
    schema::migrate(conn)?.map_err(StoreError::Schema)?;
    if upgrading {
        conn.pragma_update(None, "cache_size", READING_CACHE_KIB)?;
    }
    Ok(())
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
        // Pages of 16 KiB (a new database only; one that exists keeps its own): a compressed
        // story of 1 to 2 KiB leaves a third of a 4 KiB page empty, and 5 % of one this size.
        conn.pragma_update(None, "page_size", PAGE_SIZE)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // A small page cache: reading and searching touch few pages, and the kernel caches the
        // file anyway; every page SQLite caches itself is resident memory of the reader's
        // (a 64 MiB cache filled by listing a large library). Indexing asks for more
        // (`with_large_cache`).
        conn.pragma_update(None, "cache_size", READING_CACHE_KIB)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        upgrade(&mut conn)?;
        Ok(Store { conn, session: sessions::SessionState::default(), read_only: false })
    }

    /// Runs `work` with the memory a large write wants, then gives it back: a larger page cache
    /// (64 MiB, allocated as used), which keeps a big library's index pages in memory while
    /// many batches are written, and a larger buffer of the full-text index's new terms
    /// (`INDEXING_FTS_BUFFER`).
    pub fn with_large_cache<T>(&mut self, work: impl FnOnce(&mut Store) -> T) -> T {
        let _ = self.conn.pragma_update(None, "cache_size", INDEXING_CACHE_KIB);
        let _ = self.set_fts_buffer(INDEXING_FTS_BUFFER);
        let out = work(self);
        let _ = self.set_fts_buffer(FTS_BUFFER);
        let _ = self.conn.pragma_update(None, "cache_size", READING_CACHE_KIB);
        out
    }

    /// Sets how many bytes of new terms the full-text index holds in memory before it writes
    /// them out as a segment of its own.
    fn set_fts_buffer(&self, bytes: i64) -> Result<()> {
        if self.read_only {
            return Ok(());
        }
        self.conn
            .execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', ?1)", [bytes])?;
        Ok(())
    }

    /// The stories from the given scopes (all when empty), newest first (undated last).
    pub fn stories_in(&self, scopes: &[Scope]) -> Result<Vec<StoryMeta>> {
        self.stories_page(scopes, None)
    }

    /// The first `limit` stories of `stories_in` (all with `None`): a large library shows its
    /// first screen from this while the rest is read.
    pub fn stories_page(&self, scopes: &[Scope], limit: Option<usize>) -> Result<Vec<StoryMeta>> {
        let mut stories = Vec::new();
        self.each_story(scopes, limit, |m| stories.push(m))?;
        Ok(compact(stories))
    }

    /// `stories_in` as the story list keeps them, by column: each row goes in as it is read,
    /// so a million stories never stand in memory as `StoryMeta`s (~400 bytes each) at once.
    pub fn story_list(&self, scopes: &[Scope]) -> Result<Stories> {
        let mut stories = Stories::default();
        self.each_story(scopes, None, |m| stories.push(m))?;
        stories.shrink_to_fit();
        Ok(stories)
    }

    /// Calls `each` on the stories of `stories_page`, in its order.
    fn each_story(
        &self,
        scopes: &[Scope],
        limit: Option<usize>,
        mut each: impl FnMut(StoryMeta),
    ) -> Result<()> {
        let limit_sql = limit.map(|n| format!(" LIMIT {n}")).unwrap_or_default();
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
        // Without scopes, every story.
        let filter =
            if conditions.is_empty() { String::new() } else { format!(" WHERE {}", conditions.join(" OR ")) };
        let sql = format!(
            "SELECT {STORY_COLUMNS}, {REVIEW_COLUMNS}, a.tags FROM articles a LEFT JOIN reading_state r USING (content_hash) \
             {REVIEW_JOINS}{filter} ORDER BY a.date DESC, a.rowid{limit_sql}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(values.iter()))?;
        while let Some(row) = rows.next()? {
            each(listed_story(row)?);
        }
        Ok(())
    }

    /// Every tag of the index with its stories and how many of them are unread, by tag
    /// (case and accents ignored; the first spelling in the alphabet shown).
    pub fn tag_counts(&self) -> Result<Vec<TagCount>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT min(t.tag), count(*), sum(COALESCE(r.read, 0) = 0) FROM story_tags t \
             JOIN articles a ON a.rowid = t.article LEFT JOIN reading_state r USING (content_hash) \
             GROUP BY t.key ORDER BY t.key",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(TagCount {
                tag: r.get(0)?,
                stories: r.get::<_, i64>(1)? as usize,
                unread: r.get::<_, i64>(2)? as usize,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn article_count(&self) -> Result<usize> {
        Ok(self.conn.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))? as usize)
    }

    /// One article with its body and saved scroll position.
    pub fn article(&self, id: &str) -> Result<Option<StoredArticle>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {STORED_ARTICLE_COLUMNS} FROM articles a LEFT JOIN reading_state r USING (content_hash) \
             WHERE a.id = ?1"
        ))?;
        let found = stmt.query_row([id], stored_article).optional()?;
        Ok(found)
    }

    /// Sets one column of a story's reading state, keyed by its content hash: the indexed
    /// story's, or while a cache rebuild runs and the story is not indexed again yet, the one it
    /// had before. Returns whether the story was found.
    fn update_reading_state(&self, id: &str, column: &str, value: i64) -> Result<bool> {
        set_reading_state(&self.conn, id, column, value)
    }

    /// Marks a story read or unread; an error when the library has no such story (nothing would
    /// be stored).
    pub fn set_read(&self, id: &str, read: bool) -> Result<()> {
        self.update_reading_state(id, "read", read.into())?.then_some(()).ok_or_else(|| unknown_story(id))
    }

    /// Marks several stories read or unread in one transaction (mark all read, and its undo);
    /// ids no longer in the library are passed over.
    pub fn set_read_many(&mut self, ids: &[String], read: bool) -> Result<()> {
        let tx = self.conn.transaction()?;
        for id in ids {
            set_reading_state(&tx, id, "read", read.into())?;
        }
        tx.commit()?;
        Ok(())
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

    /// Whether story `id`'s text has facts cached by this extractor (its body not read).
    pub fn has_facts(&self, article_id: &str, extractor: u32) -> Result<bool> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM articles a JOIN facts f USING (content_hash) \
             WHERE a.id = ?1 AND f.extractor = ?2)",
        )?;
        Ok(stmt.query_row(params![article_id, extractor], |r| r.get(0))?)
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
                    replace_file(&tx, (path, *stamp), articles, &[], extractor, &mut text)?
                }
                FileOp::ReplacePacked { path, stamp, articles, packed } => {
                    replace_file(&tx, (path, *stamp), articles, packed, extractor, &mut text)?
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
}

fn unknown_story(id: &str) -> StoreError {
    StoreError::UnknownStory(crate::library::sanitize::one_line(id, 80))
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

/// The page size of a new database, in bytes.
pub(crate) const PAGE_SIZE: i64 = 16384;

/// FTS5's own buffer of new terms (its default): written out as a segment when full.
const FTS_BUFFER: i64 = 1 << 20;

/// The buffer while indexing. A batch of a large file's stories holds tens of MiB of terms:
/// with 1 MiB it made a segment per megabyte, merged again and again as the batch went on.
const INDEXING_FTS_BUFFER: i64 = 32 << 20;

/// The page cache of a connection that reads (negative: KiB). Listing a large library reads
/// every row once, and would fill a larger one with pages it does not read again.
const READING_CACHE_KIB: i64 = -2048;
/// The page cache of a large write (64 MiB, allocated as used; negative: in KiB).
const INDEXING_CACHE_KIB: i64 = -65536;

/// The list without the room its growth left: it stays in memory as long as the reader runs
/// (at 100,000 stories, up to half of it).
fn compact(mut stories: Vec<StoryMeta>) -> Vec<StoryMeta> {
    stories.shrink_to_fit();
    stories
}

/// The columns `stored_article` reads, from `articles a` joined with `reading_state r`.
const STORED_ARTICLE_COLUMNS: &str = "a.id, a.path, a.content_hash, a.title, a.body, a.date, a.author, a.source, \
     a.url, a.lang, a.tags, a.damaged, COALESCE(r.scroll, 0)";

/// How many columns `STORED_ARTICLE_COLUMNS` names (those a query adds after come from here).
const STORED_ARTICLE_WIDTH: usize = 13;

/// An article row as `STORED_ARTICLE_COLUMNS` selects it.
fn stored_article(row: &rusqlite::Row) -> rusqlite::Result<StoredArticle> {
    let tags: String = row.get(10)?;
    let (body, given) = packed::stored_text(row, 4)?;
    Ok(StoredArticle {
        article: Article {
            id: row.get(0)?,
            path: PathBuf::from(row.get::<_, String>(1)?),
            title: row.get(3)?,
            body,
            date: row.get(5)?,
            author: row.get(6)?,
            source: row.get(7)?,
            url: row.get(8)?,
            lang: row.get(9)?,
            tags: serde_json::from_str(&tags).unwrap_or_default(),
            damaged: row.get(11)?,
            given: given.map(Given::Patch),
        },
        content_hash: row.get(2)?,
        scroll: row.get::<_, i64>(12)?.max(0) as usize,
    })
}

#[cfg(test)]
mod tests;
