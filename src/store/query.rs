//! The search box's syntax, turned into a safe FTS5 query: words must all match (case and
//! accents ignored by the index), "quoted words" match as a phrase, a trailing * matches a
//! prefix. Nothing the user types can produce an FTS5 syntax error.

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

/// Characters of context shown before and after the first hit in a snippet: little before,
/// so the hit shows even in a narrow list.
const SNIPPET_BEFORE: usize = 24;
const SNIPPET_CONTEXT: usize = 100;

/// A one-line excerpt of `body` around the first occurrence of any of `terms` (case and
/// accents ignored), as (text, is_match) pieces with every occurrence inside marked.
pub fn snippet(body: &str, terms: &[String]) -> Vec<(String, bool)> {
    let hits = crate::text::find_terms(body, terms);
    let Some(first) = hits.first() else {
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
    fn snippets_mark_every_hit_near_the_first() {
        let body = format!("{} la Sécurité et la securite. {}", "x ".repeat(100), "y ".repeat(100));
        let pieces = snippet(&body, &["securite".to_string()]);
        let marked: Vec<&str> = pieces.iter().filter(|(_, m)| *m).map(|(t, _)| t.as_str()).collect();
        assert_eq!(marked, vec!["Sécurité", "securite"]);
        assert_eq!(pieces.first().map(|(t, _)| t.as_str()), Some("…"));
        assert!(snippet("court", &["absent".to_string()]).iter().all(|(_, m)| !m));
    }
}
