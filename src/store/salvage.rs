//! Rescuing the user's own data from a damaged database: every row of the user's tables that
//! SQLite can still read is copied into a fresh database. The cache (articles, the full-text and
//! entity indexes, facts) is not copied: the next indexing rebuilds it from the files.
//!
//! A table is read in rowid order until the first unreadable row, then from its other end
//! backwards, so that one damaged page in the middle costs only the rows on it.

use rusqlite::types::Value;
use rusqlite::{Connection, TransactionBehavior};

use super::{Result, Store};

/// The user's tables, in the order they are copied, each with what its rows are called.
const USER_TABLES: &[(&str, &str)] = &[
    ("annotations", "annotations"),
    ("edit_log", "edits in the undo log"),
    ("reading_state", "read marks, stars and positions"),
    ("review_state", "review states"),
    ("feeds", "feed subscriptions"),
    ("entity_decisions", "entity merges and splits"),
    ("entity_edit_log", "entity edits in the undo log"),
];

/// What was saved of one table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedTable {
    pub table: &'static str,
    /// What its rows are, for people ("annotations", "feed subscriptions").
    pub what: &'static str,
    pub saved: usize,
    /// Why some of it (or all of it) could not be read, if so.
    pub trouble: Option<String>,
}

impl SavedTable {
    /// `"12 annotations"`, `"3 feed subscriptions (some could not be read: …)"`.
    pub fn line(&self) -> String {
        match &self.trouble {
            None => format!("{} {}", self.saved, self.what),
            Some(why) => format!("{} {} (some could not be read: {why})", self.saved, self.what),
        }
    }
}

/// Copies every readable row of the user's tables from the database `damaged` (opened read-only:
/// it is not written) into `fresh`, created with the current schema. Returns what was saved of
/// each table.
pub fn salvage(damaged: &Store, fresh: &mut Store) -> Result<Vec<SavedTable>> {
    let mut saved = Vec::new();
    for &(table, what) in USER_TABLES {
        let (rows, trouble) = readable_rows(&damaged.conn, table, &columns(&fresh.conn, table)?);
        let count = insert_rows(fresh, table, &rows)?;
        saved.push(SavedTable { table, what, saved: count, trouble });
    }
    // Everything into the database file itself, so that moving the file moves all of it.
    fresh.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
    Ok(saved)
}

/// The columns of `table` in a database.
fn columns(conn: &Connection, table: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT name FROM pragma_table_info(?1)")?;
    stmt.query_map([table], |r| r.get(0))?.collect()
}

/// The rows of `table` that can be read, as (column names, values): the columns `wanted` that
/// the damaged database has; and what stopped the reading, if anything did.
fn readable_rows(conn: &Connection, table: &str, wanted: &[String]) -> (Rows, Option<String>) {
    let have = match columns(conn, table) {
        Ok(have) if !have.is_empty() => have,
        Ok(_) => return (Rows::default(), None),
        Err(e) => return (Rows::default(), Some(e.to_string())),
    };
    let names: Vec<String> = wanted.iter().filter(|c| have.contains(c)).cloned().collect();
    let list = names.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
    let mut rows = Rows { names, values: Vec::new() };
    let forward = format!("SELECT rowid, {list} FROM \"{table}\" ORDER BY rowid");
    let (mut found, trouble) = read_until_error(conn, &forward, rows.names.len(), None);
    if trouble.is_some() {
        // Read the rest from the other end, back to where the forward pass stopped.
        let last = found.last().map(|(rowid, _)| *rowid);
        let backward = format!("SELECT rowid, {list} FROM \"{table}\" ORDER BY rowid DESC");
        let (more, _) = read_until_error(conn, &backward, rows.names.len(), last);
        found.extend(more);
    }
    rows.values = found.into_iter().map(|(_, values)| values).collect();
    (rows, trouble)
}

#[derive(Default)]
struct Rows {
    names: Vec<String>,
    values: Vec<Vec<Value>>,
}

/// Rows of a query (rowid first, then `width` values) until the first error or, reading
/// backwards, until the rowid `stop` that the forward pass reached.
fn read_until_error(
    conn: &Connection,
    sql: &str,
    width: usize,
    stop: Option<i64>,
) -> (Vec<(i64, Vec<Value>)>, Option<String>) {
    let mut found = Vec::new();
    let mut stmt = match conn.prepare(sql) {
        Ok(stmt) => stmt,
        Err(e) => return (found, Some(e.to_string())),
    };
    let mut rows = match stmt.query([]) {
        Ok(rows) => rows,
        Err(e) => return (found, Some(e.to_string())),
    };
    loop {
        let row = match rows.next() {
            Ok(Some(row)) => row,
            Ok(None) => return (found, None),
            Err(e) => return (found, Some(e.to_string())),
        };
        let read = row.get::<_, i64>(0).and_then(|rowid| {
            let values = (1..=width).map(|i| row.get::<_, Value>(i)).collect::<rusqlite::Result<Vec<_>>>()?;
            Ok((rowid, values))
        });
        match read {
            Ok((rowid, _)) if stop.is_some_and(|s| rowid <= s) => return (found, None),
            Ok(row) => found.push(row),
            Err(e) => return (found, Some(e.to_string())),
        }
    }
}

/// Inserts the rows into the fresh database in one transaction; a row that clashes with one
/// already there (a damaged copy of the same key) is left out. Returns how many went in.
fn insert_rows(fresh: &mut Store, table: &str, rows: &Rows) -> Result<usize> {
    if rows.values.is_empty() {
        return Ok(0);
    }
    let list = rows.names.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
    let marks = (1..=rows.names.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
    let sql = format!("INSERT OR IGNORE INTO \"{table}\" ({list}) VALUES ({marks})");
    let tx = fresh.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut inserted = 0;
    {
        let mut stmt = tx.prepare(&sql)?;
        for values in &rows.values {
            // A value the fresh table refuses (NULL where it wants text) costs that row only.
            inserted += stmt.execute(rusqlite::params_from_iter(values.iter())).unwrap_or(0);
        }
    }
    tx.commit()?;
    Ok(inserted)
}
