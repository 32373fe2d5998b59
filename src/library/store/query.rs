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
            let words: Vec<String> = words_of(&after[..end]).collect();
            if !words.is_empty() {
                terms.push(format!("\"{}\"", words.join(" ")));
            }
            rest = after.get(end + 1..).unwrap_or("");
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let token = &rest[..end];
            let prefix = token.ends_with('*');
            let words: Vec<String> = words_of(token).collect();
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

/// The alphanumeric runs of `s`, as FTS5's unicode61 tokenizer would see them.
fn words_of(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string)
}

/// The words a query looks for, for highlighting hits in an opened article (prefix queries
/// keep their `*` off; matching is accent-insensitive anyway).
pub fn query_words(input: &str) -> Vec<String> {
    words_of(input).collect()
}

/// Splits a snippet marked with \x02 … \x03 (as `Store::search` asks SQLite for) into
/// (text, is_match) pieces. The markers cannot occur in article text: the loader strips
/// control characters.
pub fn split_snippet(snippet: &str) -> Vec<(String, bool)> {
    let mut pieces = Vec::new();
    let mut in_match = false;
    for part in snippet.split(['\u{2}', '\u{3}']) {
        if !part.is_empty() {
            pieces.push((part.replace('\n', " "), in_match));
        }
        in_match = !in_match;
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
    fn snippets_split_on_markers() {
        assert_eq!(
            split_snippet("la \u{2}Sécurité\u{3} et"),
            vec![("la ".to_string(), false), ("Sécurité".to_string(), true), (" et".to_string(), false)]
        );
    }
}
