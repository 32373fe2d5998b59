//! Writing a batch of files' stories: the ids they are stored under, the text as given, the
//! facts cache and the entity rows.

use rusqlite::{OptionalExtension, params};

use super::{CachedFacts, FileStamp, Result, content_hash, pending};
use crate::library::{Article, Given};

/// Writes a file's stories in place of those it had; `packed` holds their text as stored when
/// it was packed ahead (else it is packed here).
pub(super) fn replace_file<'a>(
    tx: &rusqlite::Transaction,
    (path, stamp): (&'a str, FileStamp),
    articles: &'a [(Article, Option<CachedFacts>)],
    packed: &[super::PackedText],
    extractor: u32,
    text: &mut pending::PendingRows<'a>,
) -> Result<()> {
    text.flush_if_holds_path(tx, path)?;
    tx.prepare_cached("DELETE FROM articles WHERE path = ?1")?.execute([path])?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO articles (id, path, content_hash, title, body, date, author, source, url, lang, tags, damaged) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) \
         ON CONFLICT (id) DO UPDATE SET path = excluded.path, content_hash = excluded.content_hash, \
            title = excluded.title, body = excluded.body, date = excluded.date, author = excluded.author, \
            source = excluded.source, url = excluded.url, lang = excluded.lang, tags = excluded.tags, \
            damaged = excluded.damaged \
         RETURNING rowid",
    )?;
    for (i, (a, facts)) in articles.iter().enumerate() {
        let (id, new) = claim_id(tx, &a.id, path)?;
        // An id written earlier in the batch (this file or another) is about to be replaced.
        text.flush_if_holds_id(tx, &id)?;
        let hash = content_hash(a);
        let tags = serde_json::to_string(&a.tags).unwrap_or_else(|_| "[]".into());
        let packed_here;
        let body = match packed.get(i) {
            Some(p) => &p.0,
            None => {
                packed_here = pack_article(a);
                &packed_here
            }
        };
        let rowid: i64 = insert.query_row(
            params![
                id, path, hash, a.title, body, a.date, a.author, a.source, a.url, a.lang, tags, a.damaged
            ],
            |r| r.get(0),
        )?;
        text.add(rowid, &id, path, &a.title, &a.body);
        // A new row has no tags, entity rows or place in the queue to take out (those of a
        // story deleted go with it: the delete triggers): a cold index skips three statements
        // a story.
        if !new {
            clear_tags(tx, rowid)?;
        }
        add_tags(tx, rowid, &a.tags)?;
        match facts {
            Some(facts) => write_facts(tx, rowid, &hash, extractor, facts, text)?,
            None => super::analysis_queue::enqueue(tx, rowid, !new)?,
        }
    }
    tx.prepare_cached(
        "INSERT INTO files (path, size, mtime_ns, hash) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, hash = excluded.hash",
    )?
    .execute(params![path, stamp.size as i64, stamp.mtime_ns, format!("{:032x}", stamp.hash)])?;
    Ok(())
}

/// A story's rows of `story_tags`, replacing those it had: one per tag, by its folded key.
pub(super) fn write_tags(tx: &rusqlite::Transaction, rowid: i64, tags: &[String]) -> rusqlite::Result<()> {
    clear_tags(tx, rowid)?;
    add_tags(tx, rowid, tags)
}

fn clear_tags(tx: &rusqlite::Transaction, rowid: i64) -> rusqlite::Result<()> {
    tx.prepare_cached("DELETE FROM story_tags WHERE article = ?1")?.execute([rowid])?;
    Ok(())
}

fn add_tags(tx: &rusqlite::Transaction, rowid: i64, tags: &[String]) -> rusqlite::Result<()> {
    if tags.is_empty() {
        return Ok(());
    }
    let mut insert =
        tx.prepare_cached("INSERT OR IGNORE INTO story_tags (key, article, tag) VALUES (?1, ?2, ?3)")?;
    for tag in tags {
        let key = super::entity_key(tag);
        if !key.is_empty() {
            insert.execute(params![key, rowid, tag])?;
        }
    }
    Ok(())
}

/// The id story `id` of the file `path` is stored under. Two files may give the same id (two
/// snapshots of a feed, JSON files numbering their items from 1): both are kept, as two
/// stories. The file whose path sorts first keeps the id as given, whatever the order they
/// were indexed in; the other's is the id with `~` and a hash of its path. When a file that
/// sorts first arrives later, the story holding the id moves to its own suffixed id, with its
/// annotations, edit log and review state. With the id, whether no story had it (the story
/// is then written as a new row).
fn claim_id(tx: &rusqlite::Transaction, id: &str, path: &str) -> Result<(String, bool)> {
    let holder: Option<String> = tx
        .prepare_cached("SELECT path FROM articles WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    let Some(holder) = holder else { return Ok((id.to_owned(), true)) };
    if holder == path {
        return Ok((id.to_owned(), false));
    }
    if path > holder.as_str() {
        return Ok((shared_id(id, path), false));
    }
    let moved = shared_id(id, &holder);
    // The holder keeps its row, and so its text in the index (or waiting in the batch): only
    // a change of title or body takes a story's text out (the update trigger).
    tx.execute("UPDATE articles SET id = ?2 WHERE id = ?1", params![id, moved])?;
    for table in ["annotations", "edit_log", "review_state"] {
        tx.execute(&format!("UPDATE {table} SET article_id = ?2 WHERE article_id = ?1"), params![id, moved])?;
    }
    Ok((id.to_owned(), false))
}

/// The id of a story whose id another file gives too: the id and a hash of its own path.
fn shared_id(id: &str, path: &str) -> String {
    format!("{id}~{:08x}", xxhash_rust::xxh3::xxh3_64(path.as_bytes()) as u32)
}

/// A story's text as `articles.body` holds it.
pub(super) fn pack_article(a: &Article) -> Vec<u8> {
    super::packed::pack(&a.body, given_patch(a).as_deref())
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
pub(super) fn write_facts<'a>(
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
    forget_entities(tx, article)?;
    tx.prepare_cached("DELETE FROM to_analyse WHERE article = ?1")?.execute([article])?;
    pending.add_entities(article, &facts.entities);
    Ok(())
}

/// Takes a story's entity rows out of the index, and as the delete trigger does (schema.rs),
/// the entities no other story mentions.
pub(super) fn forget_entities(tx: &rusqlite::Transaction, article: i64) -> Result<()> {
    tx.prepare_cached(
        "DELETE FROM entities WHERE id IN (SELECT entity FROM entity_mentions WHERE article = ?1) \
         AND NOT EXISTS (SELECT 1 FROM entity_mentions m WHERE m.entity = entities.id AND m.article <> ?1)",
    )?
    .execute([article])?;
    tx.prepare_cached("DELETE FROM entity_mentions WHERE article = ?1")?.execute([article])?;
    Ok(())
}
