//! The stories whose entities are still to be extracted. Indexing writes a story's text (and
//! so makes it searchable) without waiting for the extractor; the entity index is filled
//! afterwards, a batch at a time, from this queue (service/index.rs `analyse_pending`).

use rusqlite::{TransactionBehavior, params};

use super::write::{forget_entities, write_facts};
use super::{
    CachedFacts, Result, STORED_ARTICLE_COLUMNS, STORED_ARTICLE_WIDTH, Store, StoredArticle, pending,
    stored_article,
};

/// A story taken from the queue: its row and what the extractor reads.
#[derive(Debug, Clone)]
pub struct Queued {
    pub rowid: i64,
    pub story: StoredArticle,
}

/// Puts a story on the queue; the entity rows of its previous text (`replacing` one) go now
/// (they describe a text that is no longer there).
pub(super) fn enqueue(tx: &rusqlite::Transaction, article: i64, replacing: bool) -> Result<()> {
    if replacing {
        forget_entities(tx, article)?;
    }
    tx.prepare_cached("INSERT OR IGNORE INTO to_analyse (article) VALUES (?1)")?.execute([article])?;
    Ok(())
}

impl Store {
    /// How many stories wait for their entities to be extracted.
    pub fn analysis_pending(&self) -> Result<usize> {
        Ok(self.conn.query_row("SELECT count(*) FROM to_analyse", [], |r| r.get::<_, i64>(0))? as usize)
    }

    /// Up to `n` stories from the queue, in the order they were indexed.
    pub fn next_to_analyse(&self, n: usize) -> Result<Vec<Queued>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {STORED_ARTICLE_COLUMNS}, q.article FROM to_analyse q JOIN articles a ON a.rowid = q.article \
             LEFT JOIN reading_state r USING (content_hash) ORDER BY q.article LIMIT ?1"
        ))?;
        // The queue's column comes after the article's.
        let rows = stmt.query_map([n as i64], |row| {
            Ok(Queued { rowid: row.get(STORED_ARTICLE_WIDTH)?, story: stored_article(row)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Stores the entities extracted for queued stories and takes them off the queue, in one
    /// transaction. A story indexed again meanwhile (another text, or gone) keeps its place
    /// in the queue, or is skipped: what was extracted from the old text is dropped.
    pub fn put_analysed(&mut self, done: &[(Queued, CachedFacts)], extractor: u32) -> Result<usize> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut pending = pending::PendingRows::default();
        let mut written = 0;
        for (queued, facts) in done {
            let current: Option<String> = tx
                .prepare_cached(
                    "SELECT a.content_hash FROM to_analyse q JOIN articles a ON a.rowid = q.article \
                     WHERE q.article = ?1",
                )?
                .query_row(params![queued.rowid], |r| r.get(0))
                .ok();
            if current.as_deref() != Some(queued.story.content_hash.as_str()) {
                continue;
            }
            write_facts(&tx, queued.rowid, &queued.story.content_hash, extractor, facts, &mut pending)?;
            written += 1;
        }
        pending.flush(&tx)?;
        tx.commit()?;
        Ok(written)
    }
}
