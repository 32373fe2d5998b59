//! Plain text helpers shared by the model and the UI: display width, line wrapping,
//! accent-insensitive matching and dates as shown. Pure functions over `&str`, byte offsets
//! everywhere.

pub mod dates;
pub mod fold;
pub mod query;
pub mod width;
pub mod wrap;

pub use fold::{find_all_folded, find_terms, find_words};
pub use width::display_width;
pub use wrap::wrap;

use std::borrow::Cow;

/// The terms a library search looks for, for highlighting its hits: each "quoted phrase"
/// whole, each other word as typed — an elided word stays whole (« l'armée », « qu'il »), so
/// its article is not a term of its own — without the punctuation around it; a prefix query
/// keeps its `*`. Matched as whole words by [`find_words`].
pub fn query_terms(input: &str) -> Vec<String> {
    let mut terms = Vec::new();
    let mut rest = input;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        rest = &rest[start..];
        let (term, after) = match rest.strip_prefix('"') {
            Some(quoted) => {
                let end = quoted.find('"').unwrap_or(quoted.len());
                (
                    quoted[..end].split_whitespace().collect::<Vec<_>>().join(" "),
                    quoted.get(end + 1..).unwrap_or(""),
                )
            }
            None => {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                let token = &rest[..end];
                let prefix = token.ends_with('*');
                let word = token.trim_matches(|c: char| !c.is_alphanumeric());
                (if prefix && !word.is_empty() { format!("{word}*") } else { word.to_string() }, &rest[end..])
            }
        };
        if term.chars().any(char::is_alphanumeric) {
            terms.push(term);
        }
        rest = after;
    }
    terms
}

/// The alphanumeric runs of a query, as the full-text index's tokenizer sees them.
pub fn query_words(input: &str) -> Vec<String> {
    input.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Days in a month of the proleptic Gregorian calendar (0 for a month that is not 1 to 12).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Whether `url` names an http or https address (the scheme in any case: `HTTPS://` too).
pub fn is_web_address(url: &str) -> bool {
    let url = url.trim_start();
    ["http://", "https://"]
        .iter()
        .any(|scheme| url.get(..scheme.len()).is_some_and(|s| s.eq_ignore_ascii_case(scheme)))
}

/// `s` without control characters or bidi overrides, for strings that did not come through the
/// article loader (file names, error messages): nothing printed may drive the terminal.
pub fn printable(s: &str) -> Cow<'_, str> {
    let bad = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if s.chars().any(bad) {
        Cow::Owned(s.chars().map(|c| if bad(c) { '\u{FFFD}' } else { c }).collect())
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_terms_keep_elisions_phrases_and_prefixes() {
        assert_eq!(query_terms("l'armee"), ["l'armee"]);
        assert_eq!(
            query_terms("  \"coup  d’état\" jusqu'à mali* (russie), "),
            ["coup d’état", "jusqu'à", "mali*", "russie"]
        );
        assert!(query_terms("\" * , ").is_empty());
    }

    #[test]
    fn library_terms_match_whole_words_or_prefixes() {
        let body = "Mali, Malien, l’Armée et larmes ; qu’il parte.";
        let found = |q: &str| -> Vec<&str> {
            find_words(body, &query_terms(q)).into_iter().map(|r| &body[r]).collect()
        };
        assert_eq!(found("mali"), ["Mali"]);
        assert_eq!(found("mali*"), ["Mali", "Malien"]);
        assert_eq!(found("armee"), ["Armée"]);
        assert_eq!(found("l'armee"), ["l’Armée"]);
        assert_eq!(found("qu'il"), ["qu’il"]);
        // A lone letter is the elided article only, not every "l" inside a word.
        assert_eq!(found("l"), ["l"]);
    }
}
