//! The user's merges and splits of entities (`annotate::entity_edit`): the decision rows and
//! the log of the edits that made them. Each edit is one transaction that changes the rows and
//! logs the change, so a crash loses at most the edit in flight and undo/redo work across
//! restarts, per window as for annotations (`sessions.rs`).

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::{Result, Store, StoreError, sessions};
use crate::annotate::entity_edit::{Decision, EntityChange, Member};

const COLUMNS: &str = "label, key, name, owner_label, owner_key, owner_name";

fn row_to_decision(r: &rusqlite::Row) -> rusqlite::Result<Decision> {
    Ok(Decision {
        member: Member { label: r.get(0)?, key: r.get(1)?, name: r.get(2)? },
        owner: Member { label: r.get(3)?, key: r.get(4)?, name: r.get(5)? },
    })
}

fn owner_of(tx: &Transaction, m: &Member) -> Result<Option<Member>> {
    Ok(tx
        .prepare_cached(
            "SELECT owner_label, owner_key, owner_name FROM entity_decisions WHERE label = ?1 AND key = ?2",
        )?
        .query_row(params![m.label, m.key], |r| {
            Ok(Member { label: r.get(0)?, key: r.get(1)?, name: r.get(2)? })
        })
        .optional()?)
}

/// Whether the rows are as the change found them (`before`), so that it applies.
fn applies(tx: &Transaction, change: &EntityChange) -> Result<bool> {
    for r in &change.rows {
        let now = owner_of(tx, &r.member)?;
        let same = match (&now, &r.before) {
            (None, None) => true,
            (Some(a), Some(b)) => a.same(b),
            _ => false,
        };
        if !same {
            return Ok(false);
        }
    }
    Ok(true)
}

fn write(tx: &Transaction, change: &EntityChange) -> Result<()> {
    for r in &change.rows {
        tx.prepare_cached("DELETE FROM entity_decisions WHERE label = ?1 AND key = ?2")?
            .execute(params![r.member.label, r.member.key])?;
        if let Some(o) = &r.after {
            tx.prepare_cached(&format!(
                "INSERT INTO entity_decisions ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
            ))?
            .execute(params![
                r.member.label,
                r.member.key,
                r.member.name,
                o.label,
                o.key,
                o.name
            ])?;
        }
    }
    Ok(())
}

impl Store {
    /// Every merge and split decision (a short table: one row per name the user moved).
    pub fn entity_decisions(&self) -> Result<Vec<Decision>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM entity_decisions ORDER BY at, rowid"))?;
        let rows = stmt.query_map([], row_to_decision)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Makes a merge or a split, in one transaction, logged for undo. When another window
    /// changed one of its rows since the change was worked out, nothing is written
    /// (`StoreError::Overtaken`).
    pub fn entity_edit(&mut self, change: &EntityChange) -> Result<()> {
        let session = self.session.id.clone();
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if !applies(&tx, change)? {
            return Err(StoreError::Overtaken);
        }
        write(&tx, change)?;
        // This window's redo history is gone; another open window's stays its own.
        tx.execute(
            &format!("DELETE FROM entity_edit_log WHERE undone = 1 AND {}", sessions::mine(1)),
            params![session],
        )?;
        let json = serde_json::to_string(change).map_err(|e| StoreError::Schema(e.to_string()))?;
        tx.execute("INSERT INTO entity_edit_log (forward, session) VALUES (?1, ?2)", params![json, session])?;
        tx.commit()?;
        Ok(())
    }

    /// Undoes this window's last merge or split (or redoes the last one undone); returns it as
    /// it was made, `None` when there is nothing to step. An edit whose rows another window
    /// changed since is dropped from the log, and nothing changes (`StoreError::Overtaken`).
    pub fn entity_step(&mut self, undo: bool) -> Result<Option<EntityChange>> {
        let session = self.session.id.clone();
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let order = if undo { "DESC" } else { "ASC" };
        let sql = format!(
            "SELECT seq, forward FROM entity_edit_log WHERE undone = ?1 AND {} ORDER BY seq {order} LIMIT 1",
            sessions::mine(2)
        );
        let entry: Option<(i64, String)> =
            tx.query_row(&sql, params![!undo, session], |r| Ok((r.get(0)?, r.get(1)?))).optional()?;
        let Some((seq, forward)) = entry else { return Ok(None) };
        let forward: EntityChange = serde_json::from_str(&forward)
            .map_err(|e| StoreError::Schema(format!("entity edit log entry {seq} is unreadable: {e}")))?;
        let applied = if undo { forward.inverse() } else { forward.clone() };
        if !applies(&tx, &applied)? {
            tx.execute("DELETE FROM entity_edit_log WHERE seq = ?1", [seq])?;
            tx.commit()?;
            return Err(StoreError::Overtaken);
        }
        write(&tx, &applied)?;
        tx.execute("UPDATE entity_edit_log SET undone = ?2 WHERE seq = ?1", params![seq, undo])?;
        tx.commit()?;
        Ok(Some(forward))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::entity_edit::{merge, split};

    fn m(name: &str) -> Member {
        Member { label: "PER".into(), key: name.to_lowercase(), name: name.into() }
    }

    #[test]
    fn merges_and_splits_survive_reopening_and_undo_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.db");
        let (tony, blair) = (m("Tony Blair"), m("Blair"));
        {
            let mut s = Store::open(&path).unwrap();
            let change = merge(&tony, &blair, &[], &s.entity_decisions().unwrap()).unwrap();
            s.entity_edit(&change).unwrap();
        }
        let mut s = Store::open(&path).unwrap();
        let d = s.entity_decisions().unwrap();
        assert_eq!(d, vec![Decision { member: blair.clone(), owner: tony.clone() }]);
        let change = split(&tony, std::slice::from_ref(&blair), &d).unwrap();
        s.entity_edit(&change).unwrap();
        assert!(s.entity_decisions().unwrap()[0].is_split());
        // Undo steps back the split, then the merge (of the ended run), then nothing.
        assert_eq!(s.entity_step(true).unwrap().map(|c| c.what), Some("split Blair from Tony Blair".into()));
        assert_eq!(s.entity_decisions().unwrap(), d);
        assert_eq!(s.entity_step(true).unwrap().map(|c| c.what), Some("merge Blair into Tony Blair".into()));
        assert!(s.entity_decisions().unwrap().is_empty());
        assert_eq!(s.entity_step(true).unwrap(), None);
        assert!(s.entity_step(false).unwrap().is_some());
        assert_eq!(s.entity_decisions().unwrap(), d, "redo brings the merge back");
    }

    #[test]
    fn a_change_worked_out_on_old_rows_is_refused() {
        let mut s = Store::open_in_memory().unwrap();
        let (tony, blair, cherie) = (m("Tony Blair"), m("Blair"), m("Cherie Blair"));
        let first = merge(&tony, &blair, &[], &[]).unwrap();
        let second = merge(&cherie, &blair, &[], &[]).unwrap();
        s.entity_edit(&first).unwrap();
        assert!(matches!(s.entity_edit(&second), Err(StoreError::Overtaken)));
        assert_eq!(s.entity_decisions().unwrap()[0].owner, tony);
    }
}
