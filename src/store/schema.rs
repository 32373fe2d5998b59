//! The database schema and its migrations. `PRAGMA user_version` holds the schema version;
//! each migration moves it up by one inside a transaction.
//!
//! Two kinds of tables: the cache (files, articles, the full-text index, facts, the entity
//! index), which `rebuild_cache` may drop and recreate from the files at any time, and the
//! user's own data (reading state, feed subscriptions, annotations and their edit log), which nothing
//! but the user changes. The feeds' HTTP validators (ETag, Last-Modified) sit in between: losing
//! them only costs one unconditional download per feed, so `rebuild_cache` leaves them alone
//! too.

use rusqlite::{Connection, Transaction};

/// Moves up by one with each migration below.
pub const SCHEMA_VERSION: i64 = 17;

const CACHE_TABLES: &str = "
CREATE TABLE IF NOT EXISTS files (
    path      TEXT PRIMARY KEY,
    size      INTEGER NOT NULL,
    mtime_ns  INTEGER NOT NULL,
    hash      TEXT NOT NULL
);
-- The body comes last: SQLite reads a row's columns in order, so listing stories must not
-- step over every body.
CREATE TABLE IF NOT EXISTS articles (
    rowid        INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    path         TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    title        TEXT NOT NULL,
    date         TEXT,
    source       TEXT,
    lang         TEXT,
    damaged      INTEGER NOT NULL DEFAULT 0,
    author       TEXT,
    url          TEXT,
    tags         TEXT NOT NULL DEFAULT '[]',
    -- The text, compressed (store/packed.rs): the body, and how to rebuild the text as the
    -- user gave it from the body (library/align.rs), which every offset byline exports
    -- indexes. (Databases from before version 15 keep an empty column `given` after it.)
    body         BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_path ON articles(path);
-- No index on content_hash (before version 15, `articles_hash`): only moving the annotations
-- of a story gone looks stories up by it (annotations.rs), in one pass.
CREATE INDEX IF NOT EXISTS articles_date ON articles(date DESC);
-- Contentless: the text lives (compressed) in `articles` only, and a story leaves the index
-- by its rowid (`contentless_delete`). The body is the first column: FTS5 marks every term's
-- positions in a column other than the first with two more bytes, and most terms are in the
-- body (a third smaller index than with the title first).
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    body, title, content='', contentless_delete=1,
    tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(1.0, 8.0)');
-- New text is indexed by the store at the end of each write batch (see store/pending.rs);
-- the triggers only take old text out.
CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN
    DELETE FROM articles_fts WHERE rowid = old.rowid;
END;
CREATE TABLE IF NOT EXISTS facts (
    content_hash TEXT NOT NULL,
    extractor    INTEGER NOT NULL,
    json         TEXT NOT NULL,
    PRIMARY KEY (content_hash, extractor)
);
CREATE TRIGGER IF NOT EXISTS articles_au AFTER UPDATE OF title, body ON articles BEGIN
    DELETE FROM articles_fts WHERE rowid = old.rowid;
END;
-- Which stories mention which entity. Entities get small integer ids so that the large
-- table holds integers only: a write batch touches a few of its pages instead of a text index
-- spread over the whole file. `article` is the article's rowid; `name` is how that story
-- wrote the entity when it differs from the entity's first-seen name.
-- `last` is the key's last word (a surname, a one-word name), indexed for the look-ups that
-- group names into one entity (service/entity.rs).
CREATE TABLE IF NOT EXISTS entities (
    id    INTEGER PRIMARY KEY,
    key   TEXT NOT NULL,
    label TEXT NOT NULL,
    name  TEXT NOT NULL,
    last  TEXT,
    UNIQUE (key, label)
);
CREATE INDEX IF NOT EXISTS entities_last ON entities(last);
-- `day`: the story's date as written, in days since 1970 (version 17; `DAY_OF_DATE`), so that
-- an entity's newest stories and its timeline are read from its own rows, not from the
-- stories' (tens of thousands of them in a library of a million).
CREATE TABLE IF NOT EXISTS entity_mentions (
    entity   INTEGER NOT NULL,
    article  INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    name     TEXT,
    day      INTEGER,
    PRIMARY KEY (entity, article)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_mentions_article ON entity_mentions(article);
-- A story's mentions go with it, and so do the entities no other story mentions (the same
-- two statements run when a story is re-extracted: `write_facts`).
CREATE TRIGGER IF NOT EXISTS articles_ad_entities AFTER DELETE ON articles BEGIN
    DELETE FROM entities WHERE id IN (SELECT entity FROM entity_mentions WHERE article = old.rowid)
        AND NOT EXISTS (SELECT 1 FROM entity_mentions m WHERE m.entity = entities.id AND m.article <> old.rowid);
    DELETE FROM entity_mentions WHERE article = old.rowid;
END;
";

/// Version 12 (a cache table): the stories indexed whose entities are not extracted yet. A
/// large library is searchable as soon as its text is written; the entity index follows
/// (service/index.rs `analyse_pending`).
const ANALYSIS_QUEUE: &str = "
CREATE TABLE IF NOT EXISTS to_analyse (article INTEGER PRIMARY KEY);
CREATE TRIGGER IF NOT EXISTS articles_ad_analysis AFTER DELETE ON articles BEGIN
    DELETE FROM to_analyse WHERE article = old.rowid;
END;
";

/// Version 9: a story's review state (user data): done when the user (or an imported file of
/// finished annotations) says its review is complete.
const REVIEW_TABLES: &str = "
CREATE TABLE IF NOT EXISTS review_state (
    article_id TEXT PRIMARY KEY,
    done       INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL DEFAULT (unixepoch())
);
";

/// Version 10: reader windows (their ids and processes), the version of each story's
/// annotations, and one annotation per span and label (older duplicates: the newest kept).
const SESSION_TABLES: &str = "
CREATE TABLE IF NOT EXISTS sessions (
    id         TEXT PRIMARY KEY,
    pid        INTEGER NOT NULL,
    started_at INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE TABLE IF NOT EXISTS story_versions (
    article_id TEXT PRIMARY KEY,
    version    INTEGER NOT NULL DEFAULT 0
);
DELETE FROM annotations WHERE id NOT IN (SELECT max(id) FROM annotations GROUP BY article_id, start, end, label);
CREATE UNIQUE INDEX IF NOT EXISTS annotations_one_decision ON annotations(article_id, start, end, label);
";

/// Version 10 too: the content hash each story had when the cache was last rebuilt. While a rebuild
/// runs, a story not indexed again yet is still found by its id, so that reading state set
/// meanwhile is stored under the right key (it was dropped). Filled by `rebuild_cache`.
const PREVIOUS_HASHES: &str = "
CREATE TABLE IF NOT EXISTS previous_hashes (
    id           TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL
) WITHOUT ROWID;
";

/// Version 11: how much a story holds to judge, counted when it was last opened (the reader
/// counts the decisions themselves in `annotations`), so that the list shows "12/40" without
/// extracting every story. Derived, but kept by a cache rebuild: it is only read for the
/// content hash it was counted on.
const REVIEW_PROGRESS_TABLE: &str = "
CREATE TABLE IF NOT EXISTS review_progress (
    article_id   TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    total        INTEGER NOT NULL
);
";

/// Version 13: each story's tags, one row per tag, keyed by the tag folded (case and accents,
/// as `tag:` matches), for the tags' story and unread counts. Cache: rebuilt with the articles.
const STORY_TAGS_TABLE: &str = "
CREATE TABLE IF NOT EXISTS story_tags (
    key     TEXT NOT NULL,
    article INTEGER NOT NULL,
    tag     TEXT NOT NULL,
    PRIMARY KEY (key, article)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_tags_article ON story_tags(article);
CREATE TRIGGER IF NOT EXISTS articles_ad_tags AFTER DELETE ON articles BEGIN
    DELETE FROM story_tags WHERE article = old.rowid;
END;
";

/// Version 14: the user's merges and splits of entities (user data, `store/entity_decisions.rs`):
/// the name (label, folded key) belongs to the entity named by the owner (itself: split out),
/// and the log of those edits for undo and redo.
const ENTITY_DECISION_TABLES: &str = "
CREATE TABLE IF NOT EXISTS entity_decisions (
    label       TEXT NOT NULL,
    key         TEXT NOT NULL,
    name        TEXT NOT NULL,
    owner_label TEXT NOT NULL,
    owner_key   TEXT NOT NULL,
    owner_name  TEXT NOT NULL,
    at          INTEGER NOT NULL DEFAULT (unixepoch()),
    PRIMARY KEY (label, key)
);
CREATE INDEX IF NOT EXISTS entity_decisions_owner ON entity_decisions(owner_label, owner_key);
CREATE TABLE IF NOT EXISTS entity_edit_log (
    seq      INTEGER PRIMARY KEY,
    forward  TEXT NOT NULL,
    undone   INTEGER NOT NULL DEFAULT 0,
    session  TEXT,
    at       INTEGER NOT NULL DEFAULT (unixepoch())
);
";

const USER_TABLES: &str = "
CREATE TABLE IF NOT EXISTS reading_state (
    content_hash TEXT PRIMARY KEY,
    read         INTEGER NOT NULL DEFAULT 0,
    starred      INTEGER NOT NULL DEFAULT 0,
    scroll       INTEGER NOT NULL DEFAULT 0,
    updated_at   INTEGER NOT NULL DEFAULT (unixepoch())
);
";

/// Version 2: the user's annotations and the log of their edits (for undo/redo across
/// restarts). User data: never dropped by a cache rebuild.
const ANNOTATION_TABLES: &str = "
CREATE TABLE IF NOT EXISTS annotations (
    id           INTEGER PRIMARY KEY,
    article_id   TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    exact        TEXT NOT NULL,
    prefix       TEXT NOT NULL,
    suffix       TEXT NOT NULL,
    label        TEXT NOT NULL,
    entity       TEXT,
    kb_id        TEXT,
    note         TEXT,
    status       TEXT NOT NULL,
    origin       TEXT NOT NULL,
    updated_at   INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX IF NOT EXISTS annotations_article ON annotations(article_id);
CREATE TABLE IF NOT EXISTS edit_log (
    seq        INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL,
    forward    TEXT NOT NULL,
    inverse    TEXT NOT NULL,
    undone     INTEGER NOT NULL DEFAULT 0,
    at         INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX IF NOT EXISTS edit_log_article ON edit_log(article_id, seq);
";

/// Version 4: feeds. `feeds` holds the subscriptions added by command (those in the config
/// file are merged in at run time); `feed_http` the validators and last outcome of every feed
/// fetched, whichever list it came from.
const FEED_TABLES: &str = "
CREATE TABLE IF NOT EXISTS feeds (
    url        TEXT PRIMARY KEY,
    name       TEXT,
    tags       TEXT NOT NULL DEFAULT '[]',
    full_text  INTEGER NOT NULL DEFAULT 0,
    added_at   INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE TABLE IF NOT EXISTS feed_http (
    url            TEXT PRIMARY KEY,
    etag           TEXT,
    last_modified  TEXT,
    fetched_at     INTEGER,
    status         TEXT
);
";

/// The day of a date as stored (`X`, RFC 3339 or `YYYY-MM-DD`): days since 1970-01-01 of the
/// date as written (its offset ignored, as the date's text sorts), NULL when it is no date.
pub(super) const DAY_OF_DATE: &str = "CAST(julianday(substr(X, 1, 10)) - 2440587.5 AS INTEGER)";

/// The SQL of `DAY_OF_DATE` for the date `column`.
pub(super) fn day_of(column: &str) -> String {
    DAY_OF_DATE.replace('X', column)
}

/// Version 17 (cache): the entity rows carry their story's day (`entity_mentions.day`), kept
/// when a story's date changes. Version 16's index of story cards (`articles_card`, 4 % of
/// the file) is dropped: the entity page reads only the stories it shows.
fn mention_days() -> String {
    format!(
        "CREATE TRIGGER IF NOT EXISTS articles_au_day AFTER UPDATE OF date ON articles BEGIN
             UPDATE entity_mentions SET day = {} WHERE article = new.rowid;
         END;",
        day_of("new.date")
    )
}

const CACHE_DROP: &str = "
DROP TRIGGER IF EXISTS articles_ai;
DROP TRIGGER IF EXISTS articles_ad;
DROP TRIGGER IF EXISTS articles_au;
DROP TRIGGER IF EXISTS articles_ad_entities;
DROP TRIGGER IF EXISTS articles_ad_analysis;
DROP TABLE IF EXISTS to_analyse;
DROP TRIGGER IF EXISTS articles_ad_tags;
DROP TRIGGER IF EXISTS articles_au_day;
DROP TABLE IF EXISTS story_tags;
DROP TABLE IF EXISTS articles_fts;
DROP TABLE IF EXISTS entity_index;
DROP TABLE IF EXISTS entity_mentions;
DROP TABLE IF EXISTS entities;
DROP TABLE IF EXISTS facts;
DROP TABLE IF EXISTS articles;
DROP TABLE IF EXISTS files;
";

/// Brings a database to `SCHEMA_VERSION`. A database from a newer byline is refused rather
/// than changed.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<Result<(), String>> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version > SCHEMA_VERSION {
        return Ok(Err(newer_message(version)));
    }
    if version == SCHEMA_VERSION {
        // Nothing to do, and nothing written: opening a database never changes it.
        return Ok(Ok(()));
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    // Re-read inside the write lock: another instance may have migrated meanwhile.
    let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version < 1 {
        tx.execute_batch(CACHE_TABLES)?;
        tx.execute_batch(USER_TABLES)?;
    }
    if version < 2 {
        tx.execute_batch(ANNOTATION_TABLES)?;
    }
    if (1..5).contains(&version) {
        // Versions 3 and 5 reorganised cache tables (article columns, entity index): the cache
        // is rebuilt from the files; the user's tables are untouched.
        rebuild_cache(&tx)?;
    }
    if version < 4 {
        tx.execute_batch(FEED_TABLES)?;
    }
    if version < 6 {
        // Version 6: where a feed has moved permanently (301/308), to ask there next time.
        tx.execute_batch("ALTER TABLE feed_http ADD COLUMN moved_to TEXT;")?;
    }
    if (1..7).contains(&version) {
        // Version 7: the store indexes new text itself, a batch at a time (store/pending.rs);
        // the index's content is unchanged.
        tx.execute_batch(
            "DROP TRIGGER IF EXISTS articles_ai;
             DROP TRIGGER IF EXISTS articles_au;
             CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
                 INSERT INTO articles_fts(articles_fts, rowid, title, body)
                     VALUES ('delete', old.rowid, old.title, old.body);
             END;",
        )?;
    }
    let has_text_entity_index = || -> rusqlite::Result<bool> {
        tx.query_row("SELECT count(*) FROM sqlite_master WHERE name = 'entity_index'", [], |r| {
            r.get::<_, i64>(0)
        })
        .map(|n| n > 0)
    };
    if (1..8).contains(&version) && has_text_entity_index()? {
        // Version 8: the entity index keys entities by integer ids; rows move over as they are.
        // The cache tables' script creates what is missing (the new tables and trigger).
        tx.execute_batch("DROP TRIGGER IF EXISTS articles_ad_entities;")?;
        tx.execute_batch(CACHE_TABLES)?;
        tx.execute_batch(
            "INSERT INTO entities (key, label, name)
                 SELECT key, label, min(name) FROM entity_index GROUP BY key, label;
             INSERT INTO entity_mentions (entity, article, mentions, name)
                 SELECT e.id, i.article, i.mentions, NULLIF(i.name, e.name)
                 FROM entity_index i JOIN entities e USING (key, label);
             DROP TABLE entity_index;",
        )?;
    }
    if version < 9 {
        tx.execute_batch(REVIEW_TABLES)?;
    }
    if version < 10 {
        tx.execute_batch(PREVIOUS_HASHES)?;
    }
    if (1..9).contains(&version) {
        // Version 9: articles keep the text as given (a patch against the body). The file
        // stamps are forgotten, so the next index reads and parses every file again to fill it.
        add_column(&tx, "articles", "given TEXT")?;
        tx.execute_batch("UPDATE files SET size = -1, hash = '';")?;
    }
    if version < 10 {
        // Version 10: several windows on one folder (store/sessions.rs): edits logged by
        // session, a version per story's annotations, one decision per span and label.
        add_column(&tx, "edit_log", "session TEXT")?;
        tx.execute_batch(SESSION_TABLES)?;
    }
    if version < 11 {
        tx.execute_batch(REVIEW_PROGRESS_TABLE)?;
    }
    if version < 12 {
        tx.execute_batch(ANALYSIS_QUEUE)?;
    }
    if version < 13 {
        // Version 13: the tags of the stories already indexed, from their `tags` column.
        tx.execute_batch(STORY_TAGS_TABLE)?;
        let tagged: Vec<(i64, String)> = tx
            .prepare("SELECT rowid, tags FROM articles WHERE tags <> '[]'")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (rowid, tags) in tagged {
            let tags: Vec<String> = serde_json::from_str(&tags).unwrap_or_default();
            super::write::write_tags(&tx, rowid, &tags)?;
        }
    }
    if version < 14 {
        tx.execute_batch(ENTITY_DECISION_TABLES)?;
        // And each entity's last word, indexed (the index already written is kept).
        add_column(&tx, "entities", "last TEXT")?;
        fill_last_words(&tx)?;
        tx.execute_batch("CREATE INDEX IF NOT EXISTS entities_last ON entities(last);")?;
    }
    if (1..15).contains(&version) {
        // Version 15: bodies compressed, a contentless full-text index with the body first
        // (a library takes 40 % less room); the stories stay indexed.
        pack_bodies(&tx)?;
    }
    if version < 17 {
        add_column(&tx, "entity_mentions", "day INTEGER")?;
        // The stories' days first, in one pass over their dates (the entity rows of a story are
        // spread over the table: looking each story up from them read a page of it per row).
        tx.execute_batch(&format!(
            "DROP INDEX IF EXISTS articles_card;
             CREATE TEMP TABLE story_days (article INTEGER PRIMARY KEY, day INTEGER);
             INSERT INTO story_days SELECT rowid, {} FROM articles WHERE date IS NOT NULL;
             UPDATE entity_mentions SET day = (SELECT day FROM story_days d WHERE d.article = entity_mentions.article);
             DROP TABLE story_days;
             {}",
            day_of("date"),
            mention_days()
        ))?;
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    if (1..15).contains(&version) {
        compact(conn);
    }
    Ok(Ok(()))
}

/// Rewrites the file once after version 15 packed the bodies, in pages of `PAGE_SIZE`: the
/// room the bodies left goes back to the file system (a library of 110 MB takes 64). It needs
/// the database to itself to leave WAL mode; when another window has it open, or anything
/// fails, the file stays as it is, only larger than it could be.
fn compact(conn: &Connection) {
    let mode: rusqlite::Result<String> = conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0));
    if !mode.is_ok_and(|m| m.eq_ignore_ascii_case("delete")) {
        return;
    }
    let _ = conn.pragma_update(None, "page_size", super::PAGE_SIZE);
    let _ = conn.execute_batch("VACUUM");
    let _ = conn.pragma_update(None, "journal_mode", "WAL");
}

/// Compresses the bodies stored as text (before version 15), with their patch to the text as
/// given, and moves the full-text index to
/// the contentless one of `CACHE_TABLES`, filled again from the bodies.
fn pack_bodies(tx: &Transaction) -> rusqlite::Result<()> {
    let fts: String = tx
        .query_row("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'", [], |r| r.get(0))
        .unwrap_or_default();
    let old_index = !fts.contains("contentless_delete");
    tx.execute_batch("DROP INDEX IF EXISTS articles_hash;")?;
    if old_index {
        tx.execute_batch(
            "DROP TRIGGER IF EXISTS articles_ad;
             DROP TRIGGER IF EXISTS articles_au;
             DROP TABLE IF EXISTS articles_fts;",
        )?;
    }
    // Every database before version 15 has the column `given` (version 9 added it).
    add_column(tx, "articles", "given TEXT")?;
    let plain: Vec<i64> = tx
        .prepare("SELECT rowid FROM articles WHERE typeof(body) = 'text'")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    {
        let mut read = tx.prepare("SELECT body, given FROM articles WHERE rowid = ?1")?;
        let mut write = tx.prepare("UPDATE articles SET body = ?2, given = NULL WHERE rowid = ?1")?;
        for rowid in plain {
            let (body, given): (String, Option<String>) =
                read.query_row([rowid], |r| Ok((r.get(0)?, r.get(1)?)))?;
            write.execute(rusqlite::params![rowid, super::packed::pack(&body, given.as_deref())])?;
        }
    }
    tx.execute_batch(CACHE_TABLES)?;
    if old_index {
        let mut read = tx.prepare("SELECT rowid, title, body FROM articles")?;
        let mut insert = tx.prepare("INSERT INTO articles_fts (rowid, title, body) VALUES (?1, ?2, ?3)")?;
        let mut rows = read.query([])?;
        while let Some(row) = rows.next()? {
            let body = super::packed::body_from_row(row, 2)?;
            insert.execute(rusqlite::params![row.get::<_, i64>(0)?, row.get::<_, String>(1)?, body])?;
        }
    }
    Ok(())
}

/// Writes the last word of each entity's key where it is missing (entities written before
/// version 14).
fn fill_last_words(tx: &Transaction) -> rusqlite::Result<()> {
    let rows: Vec<(i64, String)> = {
        let mut stmt = tx.prepare("SELECT id, key FROM entities WHERE last IS NULL")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut set = tx.prepare("UPDATE entities SET last = ?2 WHERE id = ?1")?;
    for (id, key) in rows {
        set.execute(rusqlite::params![id, key.rsplit(' ').next().unwrap_or_default()])?;
    }
    Ok(())
}

/// What to say about a database from a newer byline.
pub fn newer_message(version: i64) -> String {
    format!(
        "the library database has schema version {version}, newer than this byline ({SCHEMA_VERSION}); \
         upgrade byline or set BYLINE_DATA_DIR to another folder"
    )
}

/// Adds a column (`"name TYPE"`) unless the table has it: earlier steps of a migration may
/// have recreated the table with it already.
fn add_column(tx: &Transaction, table: &str, column: &str) -> rusqlite::Result<()> {
    let name = column.split_whitespace().next().unwrap_or(column);
    let has: i64 = tx.query_row(
        &format!("SELECT count(*) FROM pragma_table_info('{table}') WHERE name = ?1"),
        [name],
        |r| r.get(0),
    )?;
    if has == 0 {
        tx.execute_batch(&format!("ALTER TABLE {table} ADD COLUMN {column};"))?;
    }
    Ok(())
}

/// Drops and recreates every cache table; the user's tables are untouched. Each story's content
/// hash is kept aside first (`previous_hashes`), for the reading state set before it is indexed
/// again.
pub fn rebuild_cache(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(PREVIOUS_HASHES)?;
    let has_articles: i64 = tx.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'articles'",
        [],
        |r| r.get(0),
    )?;
    if has_articles > 0 {
        tx.execute_batch(
            "DELETE FROM previous_hashes;
             INSERT OR REPLACE INTO previous_hashes (id, content_hash) SELECT id, content_hash FROM articles;",
        )?;
    }
    tx.execute_batch(CACHE_DROP)?;
    tx.execute_batch(CACHE_TABLES)?;
    tx.execute_batch(ANALYSIS_QUEUE)?;
    tx.execute_batch(&mention_days())?;
    tx.execute_batch(STORY_TAGS_TABLE)
}
