//! The user's annotations and their edit log. Every edit is one transaction that changes the
//! annotations and appends the edit with its inverse, so a crash loses at most the edit in
//! flight, and undo/redo work across restarts.

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::{Result, Store, StoreError, sessions};
use crate::annotate::edit::{AnnotationSet, Change, Edit};
use crate::annotate::{Annotation, Quote, Status};

const COLUMNS: &str = "id, start, end, exact, prefix, suffix, label, entity, kb_id, note, status, origin";

fn row_to_annotation(r: &rusqlite::Row) -> rusqlite::Result<Annotation> {
    let status: String = r.get(10)?;
    Ok(Annotation {
        id: r.get(0)?,
        start: r.get::<_, i64>(1)?.max(0) as usize,
        end: r.get::<_, i64>(2)?.max(0) as usize,
        quote: Quote { exact: r.get(3)?, prefix: r.get(4)?, suffix: r.get(5)? },
        label: r.get(6)?,
        entity: r.get(7)?,
        kb_id: r.get(8)?,
        note: r.get(9)?,
        status: Status::parse(&status).unwrap_or(Status::Suggested),
        origin: r.get(11)?,
    })
}

fn get(tx: &Transaction, id: i64) -> Result<Option<Annotation>> {
    let sql = format!("SELECT {COLUMNS} FROM annotations WHERE id = ?1");
    Ok(tx.query_row(&sql, [id], row_to_annotation).optional()?)
}

fn write(tx: &Transaction, article_id: &str, content_hash: &str, change: &Change) -> Result<()> {
    match change {
        Change::Insert(a) => write_row(tx, article_id, content_hash, a)?,
        Change::Replace(_, a) => write_row(tx, article_id, content_hash, a)?,
        Change::Delete(a) => {
            tx.execute("DELETE FROM annotations WHERE id = ?1", [a.id])?;
        }
    }
    Ok(())
}

fn write_row(tx: &Transaction, article_id: &str, content_hash: &str, a: &Annotation) -> Result<()> {
    tx.execute(
        "INSERT OR REPLACE INTO annotations \
         (id, article_id, content_hash, start, end, exact, prefix, suffix, label, entity, kb_id, note, status, origin) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            a.id,
            article_id,
            content_hash,
            a.start as i64,
            a.end as i64,
            a.quote.exact,
            a.quote.prefix,
            a.quote.suffix,
            a.label,
            a.entity,
            a.kb_id,
            a.note,
            a.status.as_str(),
            a.origin
        ],
    )?;
    Ok(())
}

fn json(change: &Change) -> String {
    serde_json::to_string(change).unwrap_or_default()
}

/// One edit inside a transaction: the change against the stored row, written and logged with
/// its inverse; the article's redo history after it is dropped.
fn apply_edit(
    tx: &Transaction,
    session: Option<&str>,
    article_id: &str,
    content_hash: &str,
    edit: Edit,
) -> Result<()> {
    let change = match edit {
        // One decision per span and label: a second one (another window's, an import's)
        // replaces the first, so the story never holds two contradicting rows.
        Edit::Add(a) if let Some(before) = same_span(tx, article_id, &a)? => {
            let after = Annotation { id: before.id, ..a };
            (after != before).then(|| Change::Replace(Box::new(before), Box::new(after)))
        }
        Edit::Add(mut a) => {
            let next: i64 =
                tx.query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM annotations", [], |r| r.get(0))?;
            // Ids are never reused while the log can still bring an old one back.
            let logged: i64 = tx.query_row("SELECT COUNT(*) FROM edit_log", [], |r| r.get(0))?;
            a.id = next.max(logged + 1);
            while get(tx, a.id)?.is_some() {
                a.id += 1;
            }
            Edit::Add(a).change(None)
        }
        edit => {
            let current = match edit.target() {
                Some(id) => get(tx, id)?,
                None => None,
            };
            edit.change(current)
        }
    };
    if let Some(change) = change {
        write(tx, article_id, content_hash, &change)?;
        // This window's redo history is gone; another open window's stays its own.
        tx.execute(
            &format!("DELETE FROM edit_log WHERE article_id = ?1 AND undone = 1 AND {}", sessions::mine(2)),
            params![article_id, session],
        )?;
        tx.execute(
            "INSERT INTO edit_log (article_id, forward, inverse, session) VALUES (?1, ?2, ?3, ?4)",
            params![article_id, json(&change), json(&change.inverse()), session],
        )?;
        sessions::bump(tx, article_id)?;
    }
    Ok(())
}

/// Whether a change applies to the rows as they are: the annotation it replaces or deletes is
/// there unchanged, the one it inserts is not there.
fn applies(tx: &Transaction, change: &Change) -> Result<bool> {
    Ok(match change {
        Change::Insert(a) => get(tx, a.id)?.is_none(),
        Change::Delete(a) => get(tx, a.id)?.as_ref() == Some(a),
        Change::Replace(before, _) => get(tx, before.id)?.as_ref() == Some(before.as_ref()),
    })
}

/// The annotation of a story on the same span with the same label, if any.
fn same_span(tx: &Transaction, article_id: &str, a: &Annotation) -> Result<Option<Annotation>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM annotations WHERE article_id = ?1 AND start = ?2 AND end = ?3 AND label = ?4"
    );
    Ok(tx
        .query_row(&sql, params![article_id, a.start as i64, a.end as i64, a.label], row_to_annotation)
        .optional()?)
}

impl Store {
    /// The annotations of an article, in text order, with undo/redo availability.
    pub fn annotations(&self, article_id: &str) -> Result<AnnotationSet> {
        let sql = format!("SELECT {COLUMNS} FROM annotations WHERE article_id = ?1 ORDER BY start, end, id");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let annotations =
            stmt.query_map([article_id], row_to_annotation)?.collect::<rusqlite::Result<_>>()?;
        let session = self.session.id.as_deref();
        let flag = |undone: i64| -> Result<bool> {
            Ok(self.conn.query_row(
                &format!(
                    "SELECT EXISTS (SELECT 1 FROM edit_log WHERE article_id = ?1 AND undone = ?2 AND {})",
                    sessions::mine(3)
                ),
                params![article_id, undone, session],
                |r| r.get(0),
            )?)
        };
        self.saw(article_id, sessions::version(&self.conn, article_id)?);
        Ok(AnnotationSet { annotations, can_undo: flag(0)?, can_redo: flag(1)? })
    }

    /// The content hash the annotations of an article were made against (any one of them).
    pub fn annotated_hash(&self, article_id: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT content_hash FROM annotations WHERE article_id = ?1 LIMIT 1",
                [article_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Applies one edit in one transaction, logging it with its inverse; the redo history
    /// after it is dropped. Returns the article's annotations afterwards.
    ///
    /// When this window showed the story's annotations and another window has changed them
    /// since, nothing is written: `StoreError::Stale` carries them as they are now.
    pub fn edit(&mut self, article_id: &str, content_hash: &str, edit: Edit) -> Result<AnnotationSet> {
        let seen = self.seen(article_id);
        let session = self.session.id.clone();
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if seen.is_some_and(|v| v != sessions::version(&tx, article_id).unwrap_or(v)) {
            drop(tx);
            return Err(StoreError::Stale(Box::new(self.annotations(article_id)?)));
        }
        apply_edit(&tx, session.as_deref(), article_id, content_hash, edit)?;
        tx.commit()?;
        self.annotations(article_id)
    }

    /// Applies edits of any stories in one transaction: all of them, or (on an error) none.
    /// Each is logged as by `edit`, so each can be undone.
    pub fn edit_all(&mut self, edits: Vec<(String, String, Edit)>) -> Result<()> {
        let session = self.session.id.clone();
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut changed = Vec::new();
        for (article_id, content_hash, edit) in edits {
            apply_edit(&tx, session.as_deref(), &article_id, &content_hash, edit)?;
            changed.push(article_id);
        }
        let versions: Vec<(String, i64)> = changed
            .into_iter()
            .map(|id| sessions::version(&tx, &id).map(|v| (id, v)))
            .collect::<Result<_>>()?;
        tx.commit()?;
        for (id, version) in versions {
            self.saw(&id, version);
        }
        Ok(())
    }

    /// Undoes the last edit of an article; returns that edit's change as it was made (`None`
    /// when there is nothing to undo).
    pub fn undo(&mut self, article_id: &str, content_hash: &str) -> Result<Option<Change>> {
        self.step(article_id, content_hash, true)
    }

    /// Redoes the last undone edit of an article; returns its change (`None` when there is
    /// nothing to redo).
    pub fn redo(&mut self, article_id: &str, content_hash: &str) -> Result<Option<Change>> {
        self.step(article_id, content_hash, false)
    }

    fn step(&mut self, article_id: &str, content_hash: &str, undo: bool) -> Result<Option<Change>> {
        let seen = self.seen(article_id);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if seen.is_some_and(|v| v != sessions::version(&tx, article_id).unwrap_or(v)) {
            drop(tx);
            return Err(StoreError::Stale(Box::new(self.annotations(article_id)?)));
        }
        // Only this window's edits (and those of no window still open): never another's.
        let sql = if undo {
            format!(
                "SELECT seq, forward, inverse FROM edit_log WHERE article_id = ?1 AND undone = 0 AND {} \
                 ORDER BY seq DESC LIMIT 1",
                sessions::mine(2)
            )
        } else {
            format!(
                "SELECT seq, forward, inverse FROM edit_log WHERE article_id = ?1 AND undone = 1 AND {} \
                 ORDER BY seq ASC LIMIT 1",
                sessions::mine(2)
            )
        };
        let session = self.session.id.as_deref();
        let entry: Option<(i64, String, String)> = tx
            .query_row(&sql, params![article_id, session], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let Some((seq, forward, inverse)) = entry else { return Ok(None) };
        let read = |json: &str| -> Result<Change> {
            serde_json::from_str(json)
                .map_err(|e| super::StoreError::Schema(format!("edit log entry {seq} is unreadable: {e}")))
        };
        let forward = read(&forward)?;
        let applied = if undo { read(&inverse)? } else { forward.clone() };
        if !applies(&tx, &applied)? {
            // Another window changed that annotation since: stepping back would undo its work
            // too. The entry is dropped (undo moves on to older ones) and nothing changes.
            tx.execute("DELETE FROM edit_log WHERE seq = ?1", [seq])?;
            tx.commit()?;
            return Err(StoreError::Overtaken);
        }
        write(&tx, article_id, content_hash, &applied)?;
        tx.execute("UPDATE edit_log SET undone = ?2 WHERE seq = ?1", params![seq, undo])?;
        sessions::bump(&tx, article_id)?;
        let version = sessions::version(&tx, article_id)?;
        tx.commit()?;
        // This window's own change: it is up to date.
        self.saw(article_id, version);
        Ok(Some(forward))
    }

    /// Moves annotations to new ranges after re-anchoring (a new version of the article).
    pub fn reanchor(&mut self, content_hash: &str, placed: &[Annotation]) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        for a in placed {
            tx.execute(
                "UPDATE annotations SET start = ?2, end = ?3, content_hash = ?4 WHERE id = ?1",
                params![a.id, a.start as i64, a.end as i64, content_hash],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Every annotated article id with its annotations, for export.
    pub fn all_annotations(&self) -> Result<Vec<(String, Vec<Annotation>)>> {
        // The article id after the annotation's columns, so `row_to_annotation` reads the rest.
        let sql =
            format!("SELECT {COLUMNS}, article_id FROM annotations ORDER BY article_id, start, end, id");
        let mut stmt = self.conn.prepare(&sql)?;
        let mut out: Vec<(String, Vec<Annotation>)> = Vec::new();
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(12)?, row_to_annotation(r)?)))?;
        for row in rows {
            let (id, a) = row?;
            match out.last_mut() {
                Some((last, list)) if *last == id => list.push(a),
                _ => out.push((id, vec![a])),
            }
        }
        Ok(out)
    }

    /// Moves the annotations of stories no longer in the library to the story that now has
    /// their text (same content hash: a file renamed, moved or copied), with their edit log and
    /// review state. Returns how many annotations moved.
    pub fn rehome_annotations(&mut self) -> Result<usize> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let moves: Vec<(String, String)> = {
            // The stories are not indexed by content hash: one pass over them finds the first
            // story with each text an orphan had (none at all when no annotation is orphaned).
            let mut stmt = tx.prepare(
                "WITH orphans AS (SELECT DISTINCT n.article_id, n.content_hash FROM annotations n \
                     WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = n.article_id)), \
                 homes AS (SELECT a.content_hash, a.id, min(a.rowid) FROM articles a \
                     WHERE EXISTS (SELECT 1 FROM orphans) \
                     AND a.content_hash IN (SELECT content_hash FROM orphans) GROUP BY a.content_hash) \
                 SELECT DISTINCT o.article_id, h.id FROM orphans o LEFT JOIN homes h USING (content_hash)",
            )?;
            let rows =
                stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?)))?;
            rows.filter_map(|r| r.map(|(old, new)| new.map(|new| (old, new))).transpose())
                .collect::<rusqlite::Result<_>>()?
        };
        let mut moved = 0;
        for (old, new) in &moves {
            moved += tx
                .execute("UPDATE annotations SET article_id = ?2 WHERE article_id = ?1", params![old, new])?;
            tx.execute("UPDATE edit_log SET article_id = ?2 WHERE article_id = ?1", params![old, new])?;
            tx.execute(
                "INSERT OR IGNORE INTO review_state (article_id, done, updated_at) \
                 SELECT ?2, done, updated_at FROM review_state WHERE article_id = ?1",
                params![old, new],
            )?;
            tx.execute("DELETE FROM review_state WHERE article_id = ?1", [old])?;
        }
        tx.commit()?;
        Ok(moved)
    }

    /// The annotations whose story is no longer in the library (its file deleted, or changed
    /// and moved at once), by the story id they were made on.
    pub fn orphaned_annotations(&self) -> Result<Vec<(String, Annotation)>> {
        let sql = format!(
            "SELECT {COLUMNS}, article_id FROM annotations n \
             WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = n.article_id) ORDER BY article_id, start"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(12)?, row_to_annotation(r)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Marks a story's review complete (or not).
    pub fn set_review_done(&self, article_id: &str, done: bool) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO review_state (article_id, done) VALUES (?1, ?2) \
                 ON CONFLICT (article_id) DO UPDATE SET done = excluded.done, updated_at = unixepoch()",
            )?
            .execute(params![article_id, done])?;
        Ok(())
    }

    /// Whether a story's review was marked complete.
    pub fn review_done(&self, article_id: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT done FROM review_state WHERE article_id = ?1")?
            .query_row([article_id], |r| r.get::<_, bool>(0))
            .optional()?
            .unwrap_or(false))
    }

    /// Accepted annotations' (text, label) across the library: the user's own gazetteer.
    pub fn user_gazetteer(&self) -> Result<Vec<(String, String)>> {
        self.accepted_names(None)
    }

    /// The user's gazetteer as it applies to one article: the names accepted in the other
    /// articles. The article's own decisions are laid over its suggestions as annotations, which
    /// undo takes away again; taught back to the extractor they would outlive their undo.
    pub fn user_gazetteer_for(&self, article_id: &str) -> Result<Vec<(String, String)>> {
        self.accepted_names(Some(article_id))
    }

    fn accepted_names(&self, except: Option<&str>) -> Result<Vec<(String, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT exact, label FROM annotations \
             WHERE status = 'accepted' AND length(exact) > 1 AND article_id IS NOT ?1",
        )?;
        let rows = stmt.query_map([except], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "la force Barkhane a quitté le Mali";

    fn barkhane() -> Annotation {
        Annotation::new(TEXT, 9, 17, "ORG", Status::Accepted, "model")
    }

    #[test]
    fn edits_undo_and_redo_survive_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.db");
        {
            let mut s = Store::open(&path).unwrap();
            let set = s.edit("a1", "h", Edit::Add(barkhane())).unwrap();
            assert_eq!(set.annotations.len(), 1);
            let id = set.annotations[0].id;
            s.edit("a1", "h", Edit::SetLabel { id, label: "MISC".into() }).unwrap();
            assert!(s.undo("a1", "h").unwrap().is_some());
        }
        let mut s = Store::open(&path).unwrap();
        let set = s.annotations("a1").unwrap();
        assert_eq!(set.annotations[0].label, "ORG", "the relabel was undone before the restart");
        assert!(set.can_undo && set.can_redo);
        // Each step answers with the change it stepped over, as it was made.
        let relabel = |c: Option<Change>| match c {
            Some(Change::Replace(before, after)) => Some((before.label, after.label)),
            _ => None,
        };
        let relabelled = Some(("ORG".to_string(), "MISC".to_string()));
        assert_eq!(relabel(s.redo("a1", "h").unwrap()), relabelled);
        assert_eq!(s.annotations("a1").unwrap().annotations[0].label, "MISC");
        assert_eq!(relabel(s.undo("a1", "h").unwrap()), relabelled);
        assert!(matches!(s.undo("a1", "h").unwrap(), Some(Change::Insert(a)) if a.label == "ORG"));
        assert!(s.annotations("a1").unwrap().annotations.is_empty());
        assert_eq!(s.undo("a1", "h").unwrap(), None, "nothing left to undo");
        assert!(matches!(s.redo("a1", "h").unwrap(), Some(Change::Insert(_))));
        assert_eq!(s.annotations("a1").unwrap().annotations[0].label, "ORG");
    }

    #[test]
    fn a_new_edit_drops_the_redo_history() {
        let mut s = Store::open_in_memory().unwrap();
        s.edit("a1", "h", Edit::Add(barkhane())).unwrap();
        s.undo("a1", "h").unwrap();
        let mali = Annotation::new(TEXT, 30, 34, "LOC", Status::Rejected, "model");
        let set = s.edit("a1", "h", Edit::Add(mali)).unwrap();
        assert!(!set.can_redo);
        assert_eq!(set.annotations.len(), 1);
        assert_eq!(set.annotations[0].status, Status::Rejected);
    }

    #[test]
    fn accepted_names_form_the_user_gazetteer() {
        let mut s = Store::open_in_memory().unwrap();
        s.edit("a1", "h", Edit::Add(barkhane())).unwrap();
        s.edit("a1", "h", Edit::Add(Annotation::new(TEXT, 30, 34, "LOC", Status::Rejected, "model")))
            .unwrap();
        assert_eq!(s.user_gazetteer().unwrap(), vec![("Barkhane".to_string(), "ORG".to_string())]);
    }

    #[test]
    fn an_article_is_taught_only_the_names_accepted_in_other_articles() {
        let mut s = Store::open_in_memory().unwrap();
        s.edit("a1", "h", Edit::Add(barkhane())).unwrap();
        let at = TEXT.find("Mali").unwrap();
        let mali = Annotation::new(TEXT, at, at + 4, "LOC", Status::Accepted, "model");
        s.edit("a2", "h", Edit::Add(mali)).unwrap();
        let mali = vec![("Mali".to_string(), "LOC".to_string())];
        assert_eq!(s.user_gazetteer_for("a1").unwrap(), mali);
        assert_eq!(s.user_gazetteer_for("a3").unwrap().len(), 2);
    }
}
