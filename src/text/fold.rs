//! Case- and accent-insensitive matching: `securite` finds « Sécurité », `l'etat` finds
//! « l’État ». Matches are reported as byte ranges into the original text.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Text folded for matching, with the original byte offset of every folded byte.
pub struct Folded {
    pub text: String,
    origin: Vec<usize>,
    origin_end: Vec<usize>,
}

/// Folds one character into `out`: decomposed, marks dropped, lower-cased, typographic
/// apostrophes and spaces unified.
fn fold_char(c: char, out: &mut String) {
    match c {
        '’' | 'ʼ' | '‘' => out.push('\''),
        '\u{00A0}' | '\u{202F}' | '\u{2009}' => out.push(' '),
        '\u{00AD}' => {}
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        _ => {
            for d in std::iter::once(c).nfd() {
                if !is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            }
        }
    }
}

pub fn fold(text: &str) -> Folded {
    let mut folded = Folded {
        text: String::with_capacity(text.len()),
        origin: Vec::with_capacity(text.len()),
        origin_end: Vec::with_capacity(text.len()),
    };
    for (i, c) in text.char_indices() {
        let before = folded.text.len();
        fold_char(c, &mut folded.text);
        let added = folded.text.len() - before;
        if added == 0 {
            // A lone combining mark or soft hyphen belongs to the character before it.
            if let Some(last) = folded.origin_end.last_mut() {
                *last = i + c.len_utf8();
            }
            continue;
        }
        folded.origin.extend(std::iter::repeat_n(i, added));
        folded.origin_end.extend(std::iter::repeat_n(i + c.len_utf8(), added));
    }
    folded
}

/// Folds a query the same way as the text.
pub fn fold_query(query: &str) -> String {
    let mut out = String::with_capacity(query.len());
    for c in query.chars() {
        fold_char(c, &mut out);
    }
    out
}

impl Folded {
    /// Every non-overlapping occurrence of an already folded `needle`, as original byte ranges.
    pub fn find_all(&self, needle: &str) -> Vec<Range<usize>> {
        if needle.is_empty() {
            return Vec::new();
        }
        self.text
            .match_indices(needle)
            .filter_map(|(at, m)| {
                let start = *self.origin.get(at)?;
                let end = *self.origin_end.get(at + m.len() - 1)?;
                Some(start..end)
            })
            .collect()
    }
}

/// Case- and accent-insensitive occurrences of `query` in `text`.
pub fn find_all_folded(text: &str, query: &str) -> Vec<Range<usize>> {
    fold(text).find_all(&fold_query(query))
}

/// Every hit of any of `terms` (case- and accent-insensitive), sorted, overlaps merged.
pub fn find_terms(body: &str, terms: &[String]) -> Vec<Range<usize>> {
    let mut hits: Vec<Range<usize>> = terms.iter().flat_map(|t| find_all_folded(body, t)).collect();
    hits.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(hits.len());
    for h in hits {
        match merged.last_mut() {
            Some(last) if h.start < last.end => last.end = last.end.max(h.end),
            _ => merged.push(h),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(text: &'a str, q: &str) -> Vec<&'a str> {
        find_all_folded(text, q).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn accents_and_case_are_ignored() {
        assert_eq!(found("La Sécurité et la sécurite", "securite"), vec!["Sécurité", "sécurite"]);
        assert_eq!(found("coup d’État", "d'etat"), vec!["d’État"]);
        assert_eq!(found("un mauvais œil", "oeil"), vec!["œil"]);
    }

    #[test]
    fn decomposed_input_maps_back_to_whole_characters() {
        let text = "Se\u{301}curite\u{301}";
        assert_eq!(found(text, "SÉCURITÉ"), vec![text]);
    }

    #[test]
    fn empty_query_finds_nothing() {
        assert!(find_all_folded("abc", "").is_empty());
    }
}
