//! The query language's use-case, shared by the reader and the command line: the store looks
//! up a query's words, phrases and entities (the same full-text search as the search box, the
//! same entity lookup as `r` and `byline entity`), then `library::filter` evaluates the query
//! over the story rows. Also: the saved queries (`[[queries]]`) and how many stories each matches.

use std::collections::HashSet;

use crate::library::filter::{self, Found, Outcome};
use crate::library::{SearchHit, StoryMeta};
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
    resolve_with(store, expr, rank, today, |text, limit| store.search(text, limit))
}

/// `resolve` for the story list, ranked (at most `rank` hits): a hit carries its story's id
/// only (the list holds the rest) and no snippet (the list asks for those of the rows it
/// shows, `Effect::Snippets`), so no story is read.
pub fn resolve_for_list(store: &Store, expr: Expr, rank: usize, today: i64) -> Result<Outcome> {
    resolve_with(store, expr, Some(rank), today, |text, limit| {
        let ids = store.search_ranked(text, limit)?;
        let story = |id| StoryMeta { id, ..StoryMeta::default() };
        Ok(ids.into_iter().map(|id| SearchHit { story: story(id), snippet: Vec::new() }).collect())
    })
}

/// `resolve` with `search` ranking the query's words.
fn resolve_with(
    store: &Store,
    expr: Expr,
    rank: Option<usize>,
    today: i64,
    search: impl Fn(&str, usize) -> Result<Vec<SearchHit>>,
) -> Result<Outcome> {
    let (ranked, rest) = match rank {
        Some(limit) => {
            let (text, rest) = expr.split_text();
            let ranked = if text.is_empty() { None } else { Some((text.clone(), search(&text, limit)?)) };
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
    // Relative dates made days once here, not for every story the filter reads.
    Ok(Outcome { today, ranked, rest: filter::with_days(rest, today), found })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{Limits, filter::day_from_string};
    use crate::service::Source;
    use crate::service::index::index_source;

    /// Three stories in three formats, indexed (extraction included) into a fresh store.
    fn library() -> (tempfile::TempDir, Store, Vec<StoryMeta>) {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
        write(
            "a.md",
            "---\ntitle: Accord entre le Mali et la Russie\ndate: 2024-03-10\nlang: fr\nsource: Le Monde\n\
             tags: [Afrique, Défense]\n---\n\nLe Mali a signé un accord de sécurité avec la Russie à Moscou.\n",
        );
        write(
            "b.json",
            r#"{"title": "Steel demand rises", "body": "Demand for steel rose in Europe, Tony Blair said in London.",
                "date": "2024-02-01", "lang": "en", "source": "BBC News", "tags": ["economy"]}"#,
        );
        write(
            "c.txt",
            "Le coup d'État à Bamako\n\nL'armée a pris le pouvoir à Bamako après le coup d'État. Tony Blair n'a \
             rien dit.\n",
        );
        let mut store = Store::open_in_memory().unwrap();
        let source = Source::Paths(vec![dir.path().to_path_buf()]);
        index_source(&mut store, &source, &Limits::default(), &mut |_, _| {}).unwrap();
        let stories = store.stories_in(&source.scopes()).unwrap();
        assert_eq!(stories.len(), 3);
        (dir, store, stories)
    }

    fn titles(store: &Store, stories: &[StoryMeta], query: &str, rank: Option<usize>) -> Vec<String> {
        let today = day_from_string("2024-03-15").unwrap();
        let outcome = resolve(store, parse_with(query, &[]).unwrap(), rank, today).unwrap();
        let mut found: Vec<String> =
            select(&outcome, stories, usize::MAX).into_iter().map(|m| m.story.title).collect();
        if rank.is_none() {
            found.sort();
        }
        found
    }

    #[test]
    fn the_list_s_ranking_and_its_snippets_are_the_search_s() {
        let (_dir, store, _) = library();
        for query in ["Tony Blair", "bamako", "accord russie", "nothing-like-this"] {
            let full = store.search(query, 10).unwrap();
            let ids: Vec<String> = full.iter().map(|h| h.story.id.clone()).collect();
            assert_eq!(store.search_ranked(query, 10).unwrap(), ids, "{query}");
            let made: Vec<(String, Vec<(String, bool)>)> =
                full.into_iter().map(|h| (h.story.id, h.snippet)).collect();
            assert_eq!(store.snippets(query, &ids).unwrap(), made, "{query}");
        }
        assert_eq!(store.search_ranked("tony blair", 10).unwrap().len(), 2);
        let today = day_from_string("2024-03-15").unwrap();
        let outcome = resolve_for_list(&store, parse_with("tony -bamako", &[]).unwrap(), 10, today).unwrap();
        let (_, hits) = outcome.ranked.unwrap();
        assert!(hits.iter().all(|h| h.snippet.is_empty() && !h.story.id.is_empty()), "{hits:?}");
    }

    #[test]
    fn queries_over_a_small_library() {
        let (_dir, store, stories) = library();
        let t = |q: &str| titles(&store, &stories, q, None);
        let mali = "Accord entre le Mali et la Russie";
        let steel = "Steel demand rises";
        let coup = "Le coup d'État à Bamako";
        assert_eq!(t("tag:afrique"), [mali], "front matter tags");
        assert_eq!(t("tag:defense"), [mali], "accents ignored");
        assert_eq!(t("tag:ECONOMY"), [steel], "JSON tags");
        assert_eq!(t("source:bbc"), [steel]);
        assert_eq!(t("feed:monde"), [mali]);
        assert_eq!(t("since:2w"), [mali]);
        assert_eq!(t("until:2024-02-01"), [steel]);
        assert_eq!(t("\"coup d'etat\""), [coup], "elisions and accents, as the search box");
        assert_eq!(t("l’armee"), [coup], "a typographic apostrophe too");
        assert_eq!(t("bamako -\"coup d'etat\""), Vec::<String>::new());
        assert_eq!(t("-\"coup d'etat\" -lang:en"), [mali], "a story without a language is not English");
        assert_eq!(t("steel OR armée"), [coup, steel]);
        assert_eq!(t("unread -tag:economy"), [mali, coup]);
        assert_eq!(t("entity:\"Tony Blair\""), [coup, steel], "the entity index, as `r` uses it");
        assert_eq!(t("entity:blair -lang:en"), [coup], "a surname stands for the one full name");
        assert_eq!(t("entity:Moscou"), [mali]);
        assert_eq!(t("mosc*"), [mali], "a prefix");
    }

    #[test]
    fn words_rank_and_make_snippets_and_saved_queries_count() {
        let (_dir, store, stories) = library();
        let today = day_from_string("2024-03-15").unwrap();
        let outcome =
            resolve(&store, parse_with("demand -tag:afrique", &[]).unwrap(), Some(50), today).unwrap();
        assert_eq!(outcome.ranked.as_ref().map(|(words, _)| words.as_str()), Some("demand"));
        let found = select(&outcome, &stories, 10);
        assert_eq!(found.len(), 1);
        let snippet = found[0].snippet.clone().unwrap_or_default();
        assert!(snippet.iter().any(|(t, hit)| *hit && t == "Demand"), "{snippet:?}");
        assert_eq!(found[0].story.tags, ["economy"], "the row's metadata, tags included");

        let saved = [
            SavedQuery { name: "fr".into(), query: "-lang:en".into() },
            SavedQuery { name: "blair".into(), query: "entity:\"Tony Blair\" @fr".into() },
            SavedQuery { name: "afrique".into(), query: "tag:afrique OR bamako".into() },
        ];
        let counts = count_saved(&store, &saved, &stories).unwrap();
        assert_eq!(counts, [("fr".to_string(), 2), ("blair".to_string(), 1), ("afrique".to_string(), 2)]);
        assert!(parse_with("@fr mali", &saved).is_ok());
        let e = parse_with("mali @nope", &saved).unwrap_err();
        assert_eq!((e.at, e.message.as_str()), (5, "no saved query is called \"nope\""));
    }
}
