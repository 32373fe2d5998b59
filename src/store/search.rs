//! Finding stories: full-text search with snippets, the stories of an entity (and of the names
//! the user taught), the entity names for type-ahead, and the stories an imported document may
//! be.

use std::collections::HashSet;

use rusqlite::{OptionalExtension, params};
use unicode_normalization::UnicodeNormalization;

use super::{
    MAX_PHRASE_STORIES, Result, STORY_COLUMNS, Store, entity_key, fts_query, query, story_from_row,
    tags_from_row,
};
use crate::library::rows::Snippet;
use crate::library::{EntityHit, SearchHit, StoryMeta};

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

/// The most recently indexed matches a search ranks (see `Store::search`).
pub const RANKED_CANDIDATES: i64 = 10_000;

impl Store {
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

    /// Full-text search over titles and bodies, best first (BM25, titles weighted). See
    /// `fts_query` for the syntax. A word most stories hold ("said", "government") is ranked
    /// among its `RANKED_CANDIDATES` most recently indexed stories, not over the whole library:
    /// ranking costs a look-up a candidate, and a million stories would take seconds.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let Some(fts) = fts_query(query) else { return Ok(Vec::new()) };
        let rowids = self.ranked_rowids(&fts, limit)?;
        let sql = format!(
            "SELECT {STORY_COLUMNS}, a.body, a.tags FROM articles a LEFT JOIN reading_state r USING (content_hash) \
             WHERE a.rowid = ?1"
        );
        let mut row_stmt = self.conn.prepare_cached(&sql)?;
        let terms = crate::text::query_terms(query);
        let mut hits = Vec::with_capacity(rowids.len());
        for rowid in rowids {
            let hit = row_stmt
                .query_row([rowid], |row| {
                    let body = super::packed::body_from_row(row, 8)?;
                    let story = StoryMeta { tags: tags_from_row(row, 9)?, ..story_from_row(row, 0)? };
                    Ok(SearchHit { story, snippet: query::snippet(&body, &terms) })
                })
                .optional()?;
            hits.extend(hit);
        }
        Ok(hits)
    }

    /// The rowids of the best `limit` matches of an FTS5 query. Ranking touches only the
    /// index (the newest candidates first, in rowid order, which the index gives without
    /// sorting); no story is read.
    fn ranked_rowids(&self, fts: &str, limit: usize) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT rowid FROM (SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ?1 \
             ORDER BY rowid DESC LIMIT ?3) ORDER BY rank LIMIT ?2",
        )?;
        let rowids = stmt.query_map(params![fts, limit as i64, RANKED_CANDIDATES], |r| r.get(0))?;
        Ok(rowids.collect::<rusqlite::Result<_>>()?)
    }

    /// The ids of `search`'s hits, best first, without their bodies or snippets: the reader
    /// lists up to 500 hits and makes snippets for the few rows it shows (`snippets`).
    pub fn search_ranked(&self, query: &str, limit: usize) -> Result<Vec<String>> {
        let Some(fts) = fts_query(query) else { return Ok(Vec::new()) };
        let mut stmt = self.conn.prepare_cached("SELECT id FROM articles WHERE rowid = ?1")?;
        let mut ids = Vec::new();
        for rowid in self.ranked_rowids(&fts, limit)? {
            ids.extend(stmt.query_row([rowid], |r| r.get::<_, String>(0)).optional()?);
        }
        Ok(ids)
    }

    /// The snippets `search` makes for `query`, of the stories `ids` (those gone are left out).
    pub fn snippets(&self, query: &str, ids: &[String]) -> Result<Vec<(String, Snippet)>> {
        let terms = crate::text::query_terms(query);
        let mut stmt = self.conn.prepare_cached("SELECT body FROM articles WHERE id = ?1")?;
        let mut snippets = Vec::with_capacity(ids.len());
        for id in ids {
            let body = stmt.query_row([id], |row| super::packed::body_from_row(row, 0)).optional()?;
            snippets.extend(body.map(|body| (id.clone(), query::snippet(&body, &terms))));
        }
        Ok(snippets)
    }

    /// The ids of every story the full-text index finds for `query` (the search box's syntax),
    /// unranked and without limit: a query's negated or alternative words.
    pub fn search_ids(&self, query: &str) -> Result<Vec<String>> {
        let Some(fts) = fts_query(query) else { return Ok(Vec::new()) };
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id FROM articles a WHERE a.rowid IN \
             (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1)",
        )?;
        let rows = stmt.query_map([fts], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Stories that mention an entity (any label), newest first. A name the user accepted in
    /// some story is looked up in every story's text as well: the extractor may have missed it
    /// in stories indexed before the user taught it, and those are not re-indexed.
    pub fn entity_stories(&self, name: &str) -> Result<Vec<EntityHit>> {
        let mut hits = self.indexed_entity_stories(name)?;
        let seen: HashSet<String> = hits.iter().map(|h| h.story.id.clone()).collect();
        let more = self.taught_stories(name, &seen)?;
        if !more.is_empty() {
            hits.extend(more);
            hits.sort_by(|a, b| b.story.date.cmp(&a.story.date));
        }
        Ok(hits)
    }

    /// When the user taught `name` (accepted it in a story), the stories whose text holds it
    /// as written, but those in `seen`.
    pub fn taught_stories(&self, name: &str, seen: &HashSet<String>) -> Result<Vec<EntityHit>> {
        let key = entity_key(name);
        let taught = self.user_gazetteer()?.into_iter().find(|(text, _)| entity_key(text) == key);
        let Some((text, label)) = taught else { return Ok(Vec::new()) };
        let more = self.phrase_stories(&text)?.into_iter().filter(|(story, _)| !seen.contains(&story.id));
        Ok(more
            .map(|(story, mentions)| EntityHit { story, label: label.clone(), name: text.clone(), mentions })
            .collect())
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
            let body = super::packed::body_from_row(row, 8)?;
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
}
