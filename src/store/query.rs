//! The search box's syntax, turned into a safe FTS5 query: words must all match (case and
//! accents ignored by the index), "quoted words" match as a phrase, a trailing * matches a
//! prefix. Nothing the user types can produce an FTS5 syntax error.

use crate::text::fold::{Folded, find_words_folded, fold};

/// The FTS5 query for what the user typed, or `None` when there is nothing to search for.
pub fn fts_query(input: &str) -> Option<String> {
    let mut terms = Vec::new();
    let mut rest = input;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        rest = &rest[start..];
        if let Some(after) = rest.strip_prefix('"') {
            let end = after.find('"').unwrap_or(after.len());
            let words: Vec<String> = crate::text::query_words(&after[..end]);
            if !words.is_empty() {
                terms.push(format!("\"{}\"", words.join(" ")));
            }
            rest = after.get(end + 1..).unwrap_or("");
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let token = &rest[..end];
            let prefix = token.ends_with('*');
            let words: Vec<String> = crate::text::query_words(token);
            // "l'Etat" is two words to the tokenizer; keep them together as a phrase.
            if !words.is_empty() {
                let star = if prefix { "*" } else { "" };
                terms.push(format!("\"{}\"{star}", words.join(" ")));
            }
            rest = &rest[end..];
        }
    }
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Characters of context shown before and after the hit in a snippet: little before, so the
/// hit shows even in a narrow list.
const SNIPPET_BEFORE: usize = 24;
const SNIPPET_CONTEXT: usize = 100;

/// The hit a snippet is taken around: the first of those with the most different terms in
/// the snippet's reach (a phrase's words together beat a lone common word at the top).
fn best_hit(folded: &Folded, body: &str, terms: &[String]) -> Option<std::ops::Range<usize>> {
    let per_term: Vec<Vec<std::ops::Range<usize>>> =
        terms.iter().map(|t| find_words_folded(folded, body, std::slice::from_ref(t))).collect();
    let mut starts: Vec<&std::ops::Range<usize>> = per_term.iter().flatten().collect();
    starts.sort_by_key(|r| r.start);
    // Enough to find a good place; a common word can have thousands of hits.
    starts.truncate(500);
    let reach = 4 * SNIPPET_CONTEXT;
    let terms_near = |at: usize| {
        per_term.iter().filter(|hits| hits.iter().any(|h| h.start >= at && h.start < at + reach)).count()
    };
    let mut best: Option<(&std::ops::Range<usize>, usize)> = None;
    for hit in starts {
        let n = terms_near(hit.start);
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((hit, n));
        }
    }
    best.map(|(h, _)| h.clone())
}

/// A one-line excerpt of `body` around the best occurrence of `terms` (whole words, case and
/// accents ignored), as (text, is_match) pieces with every occurrence inside marked.
pub fn snippet(body: &str, terms: &[String]) -> Vec<(String, bool)> {
    // Folded once for every look-up below (snippets are made for every hit shown).
    let folded = fold(body);
    let hits = find_words_folded(&folded, body, terms);
    let Some(first) = best_hit(&folded, body, terms) else {
        let end = body.char_indices().nth(2 * SNIPPET_CONTEXT).map_or(body.len(), |(i, _)| i);
        return vec![(body[..end].replace("\n\n", " ").replace('\n', " "), false)];
    };
    let mut start = body[..first.start].char_indices().rev().nth(SNIPPET_BEFORE - 1).map_or(0, |(i, _)| i);
    // Start on a word.
    // (NBSP and thin spaces are several bytes: step over the whole character.)
    if start > 0
        && let Some((space, c)) = body[start..first.start].char_indices().find(|(_, c)| c.is_whitespace())
    {
        start += space + c.len_utf8();
    }
    let end =
        body[first.end..].char_indices().nth(SNIPPET_CONTEXT).map_or(body.len(), |(i, _)| first.end + i);
    let mut pieces = Vec::new();
    let mut at = start;
    if start > 0 {
        pieces.push(("…".to_string(), false));
    }
    for h in hits.iter().filter(|h| h.start >= start && h.end <= end) {
        if h.start > at {
            pieces.push((body[at..h.start].replace("\n\n", " ").replace('\n', " "), false));
        }
        pieces.push((body[h.start..h.end].to_string(), true));
        at = h.end;
    }
    if at < end {
        pieces.push((body[at..end].replace("\n\n", " ").replace('\n', " "), false));
    }
    if end < body.len() {
        pieces.push(("…".to_string(), false));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_phrases_and_prefixes() {
        assert_eq!(fts_query("securite russie").as_deref(), Some("\"securite\" \"russie\""));
        assert_eq!(fts_query("\"coup d'Etat\"").as_deref(), Some("\"coup d Etat\""));
        assert_eq!(fts_query("mali*").as_deref(), Some("\"mali\"*"));
        assert_eq!(fts_query("l'Etat").as_deref(), Some("\"l Etat\""));
    }

    #[test]
    fn nothing_typed_can_break_the_query() {
        for input in ["", "   ", "\"", "\"\"", "*", "AND OR NOT", "(a", "a:b", "^x", "NEAR(a b)", "\"open"] {
            if let Some(q) = fts_query(input) {
                assert!(q.starts_with('"'), "{input:?} → {q:?}");
                assert_eq!(q.matches('"').count() % 2, 0, "{input:?} → {q:?}");
            }
        }
        assert_eq!(fts_query("AND").as_deref(), Some("\"AND\""));
    }

    #[test]
    fn elided_words_are_matched_whole_and_the_snippet_goes_where_the_terms_meet() {
        let body = format!(
            "Le débat a duré. {} Selon le ministre, l’Armée malienne et l'armée russe ont signé.",
            "Des mots sans rapport. ".repeat(40)
        );
        let terms = crate::text::query_terms("l'armee signé");
        assert_eq!(terms, ["l'armee", "signé"]);
        let pieces = snippet(&body, &terms);
        let marked: Vec<&str> = pieces.iter().filter(|(_, m)| *m).map(|(t, _)| t.as_str()).collect();
        assert_eq!(marked, vec!["l’Armée", "l'armée", "signé"]);
        // A single letter is a word, not every "d" of the text.
        let d = snippet("coup d'État, d’autres", &crate::text::query_terms("\"coup d'etat\""));
        let marked: Vec<&str> = d.iter().filter(|(_, m)| *m).map(|(t, _)| t.as_str()).collect();
        assert_eq!(marked, vec!["coup d'État"]);
    }

    #[test]
    fn snippets_mark_every_hit_near_the_first() {
        let body = format!("{} la Sécurité et la securite. {}", "x ".repeat(100), "y ".repeat(100));
        let pieces = snippet(&body, &["securite".to_string()]);
        let marked: Vec<&str> = pieces.iter().filter(|(_, m)| *m).map(|(t, _)| t.as_str()).collect();
        assert_eq!(marked, vec!["Sécurité", "securite"]);
        assert_eq!(pieces.first().map(|(t, _)| t.as_str()), Some("…"));
        assert!(snippet("court", &["absent".to_string()]).iter().all(|(_, m)| !m));
    }
}
