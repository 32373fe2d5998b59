//! Several byline windows on one data folder. Each reader window is a session: its edits are
//! logged under its id, and its undo and redo step only its own edits and those of windows
//! that have ended (a restart undoes what the last run did; a second window never undoes the
//! first one's work). Each story's annotations have a version, bumped by every change, so a
//! window that did not see the latest change is told instead of writing over it.

use std::cell::RefCell;
use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::{Result, Store};

/// What this connection knows of sessions: its own id, and the annotation version of each
/// story it last handed out.
#[derive(Debug, Default)]
pub(super) struct SessionState {
    pub id: Option<String>,
    pub seen: RefCell<HashMap<String, i64>>,
}

/// Whether a process is running (sessions of processes that crashed count as ended).
fn alive(pid: i64) -> bool {
    pid == i64::from(std::process::id()) || std::path::Path::new(&format!("/proc/{pid}")).exists()
}

/// The condition on `edit_log` rows that this session may undo or redo: its own, those of
/// no session (commands), and those of sessions no longer open. `?S` is the session id.
pub(super) const MINE: &str = "(session IS NULL OR session = ?S OR session NOT IN (SELECT id FROM sessions))";

/// `MINE` with `?S` numbered for a statement.
pub(super) fn mine(param: usize) -> String {
    MINE.replace("?S", &format!("?{param}"))
}

/// The version of a story's annotations (0 before any change).
pub(super) fn version(conn: &Connection, article_id: &str) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT version FROM story_versions WHERE article_id = ?1")?
        .query_row([article_id], |r| r.get(0))
        .optional()?
        .unwrap_or(0))
}

/// Marks a change to a story's annotations.
pub(super) fn bump(tx: &Transaction, article_id: &str) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO story_versions (article_id, version) VALUES (?1, 1) \
         ON CONFLICT (article_id) DO UPDATE SET version = version + 1",
    )?
    .execute([article_id])?;
    Ok(())
}

impl Store {
    /// Makes this connection a reader window's session (the loop and the tests' sessions call
    /// it); sessions of processes that are gone are forgotten on the way.
    pub fn begin_session(&mut self) -> Result<()> {
        let ids: Vec<(String, i64)> = {
            let mut stmt = self.conn.prepare("SELECT id, pid FROM sessions")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for (id, _) in ids.iter().filter(|(_, pid)| !alive(*pid)) {
            self.conn.execute("DELETE FROM sessions WHERE id = ?1", [id])?;
        }
        let nanos =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let id = format!("{}-{nanos:x}", std::process::id());
        self.conn
            .execute("INSERT INTO sessions (id, pid) VALUES (?1, ?2)", params![id, std::process::id()])?;
        self.session.id = Some(id);
        Ok(())
    }

    /// Ends this window's session: its edits become undoable by the next run.
    pub(super) fn end_session(&mut self) {
        if let Some(id) = self.session.id.take() {
            let _ = self.conn.execute("DELETE FROM sessions WHERE id = ?1", [id]);
        }
    }

    /// Remembers the version of a story's annotations this window shows.
    pub(super) fn saw(&self, article_id: &str, version: i64) {
        self.session.seen.borrow_mut().insert(article_id.to_owned(), version);
    }

    /// The version this window last saw of a story's annotations, if it showed them.
    pub(super) fn seen(&self, article_id: &str) -> Option<i64> {
        self.session.seen.borrow().get(article_id).copied()
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        self.end_session();
    }
}
