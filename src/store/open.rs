//! Opening the database when it cannot be written: a read-only folder or file, or a database
//! too damaged to write to, is still read as it stands.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::{Result, Store, StoreError, schema, sessions};

/// `file:` URI of `path` asking SQLite to read it as a file nothing changes.
fn immutable_uri(path: &Path) -> Option<String> {
    let absolute = std::fs::canonicalize(path).ok()?;
    let mut url = url::Url::from_file_path(absolute).ok()?;
    url.set_query(Some("immutable=1"));
    Some(url.into())
}

impl Store {
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
}
