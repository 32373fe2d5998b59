//! The query language's use-case, shared by the reader and the command line: the store looks
//! up a query's words, phrases and entities (the same full-text search as the search box, the
//! same entity lookup as `r` and `byline entity`), then `library::filter` evaluates the query
//! over the story rows. Also: the saved queries (`[[queries]]`) and how many stories each matches.

use std::collections::HashSet;

use crate::library::StoryMeta;
use crate::library::filter::{self, Found, Outcome};
use crate::store::{Result, Store};
use crate::text::query::{Expr, SavedQuery, Term, parse_with};

/// Today's day number, from the clock.
pub fn today() -> i64 {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    filter::day_number(secs)
}

/// Looks up what the store must for `expr`. With `rank`, the words and phrases every match
/// holds are searched ranked (at most `rank` hits, best first, with snippets); without, every
/// term is looked up whole (for counting).
pub fn resolve(store: &Store, expr: Expr, rank: Option<usize>, today: i64) -> Result<Outcome> {
    let (ranked, rest) = match rank {
        Some(limit) => {
            let (text, rest) = expr.split_text();
            let ranked =
                if text.is_empty() { None } else { Some((text.clone(), store.search(&text, limit)?)) };
            (ranked, rest)
        }
        None => (None, expr),
    };
    let mut found = Found::default();
    for term in rest.terms() {
        let ids: Vec<String> = match term {
            Term::Word(w) => store.search_ids(w)?,
            Term::Phrase(p) => store.search_ids(&format!("\"{p}\""))?,
            Term::Entity(name) => crate::service::entity::related_stories(store, name)?
                .into_iter()
                .map(|h| h.story.id)
                .collect(),
            _ => continue,
        };
        found.insert(term, ids);
    }
    Ok(Outcome { today, ranked, rest, found })
}

/// One story a query matched, with its snippet when words ranked it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub story: StoryMeta,
    pub snippet: Option<Vec<(String, bool)>>,
}

/// The stories of `stories` that match: ranked by the query's words when it has some (best
/// first, at most `limit`), else in the rows' order.
pub fn select(outcome: &Outcome, stories: &[StoryMeta], limit: usize) -> Vec<Match> {
    let ctx = outcome.context();
    match &outcome.ranked {
        Some((_, hits)) => {
            let by_id: std::collections::HashMap<&str, &StoryMeta> =
                stories.iter().map(|m| (m.id.as_str(), m)).collect();
            hits.iter()
                .filter_map(|h| {
                    let meta = by_id.get(h.story.id.as_str())?;
                    filter::matches(&outcome.rest, meta, ctx)
                        .then(|| Match { story: (*meta).clone(), snippet: Some(h.snippet.clone()) })
                })
                .take(limit)
                .collect()
        }
        None => stories
            .iter()
            .filter(|m| filter::matches(&outcome.rest, m, ctx))
            .take(limit)
            .map(|m| Match { story: m.clone(), snippet: None })
            .collect(),
    }
}

/// How many stories of `stories` each saved query matches (for showing them as virtual feeds
/// with counts): one entry per saved query, in order; a query that does not parse counts 0.
pub fn count_saved(
    store: &Store,
    saved: &[SavedQuery],
    stories: &[StoryMeta],
) -> Result<Vec<(String, usize)>> {
    let today = today();
    let mut counts = Vec::with_capacity(saved.len());
    for s in saved {
        let n = match parse_with(&s.query, saved) {
            Ok(expr) => {
                let outcome = resolve(store, expr, None, today)?;
                let ids: HashSet<String> = filter::matching_ids(&outcome.rest, stories, outcome.context());
                ids.len()
            }
            Err(_) => 0,
        };
        counts.push((s.name.clone(), n));
    }
    Ok(counts)
}
