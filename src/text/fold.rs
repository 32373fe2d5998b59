//! The one accent/case fold: search, the entity index, the extractor's dictionary lookups and
//! its name grouping all compare text through [`fold_char`], so a name cannot fold two ways.
//! `securite` finds « Sécurité », `l'etat` finds « l’État ». [`fold`] keeps the original byte
//! offset of every folded byte (matches are reported as byte ranges into the original text);
//! [`fold_str`] and [`fold_into`] are the fast forms for words and queries.
//!
//! The rule, character by character:
//! - ASCII is lower-cased (and nothing else is looked at for ASCII-only text);
//! - typographic apostrophes `’ ʼ ‘` become `'`; no-break, narrow no-break and thin spaces
//!   (U+00A0, U+202F, U+2009) become a space; the hyphen and the non-breaking hyphen (U+2010,
//!   U+2011) become `-`; the soft hyphen (U+00AD) is dropped;
//! - ligatures are spelled out as compatibility decomposition does (`œ` → `oe`, `æ` → `ae`,
//!   `ß` → `ss`, `ﬁ` → `fi`, `ﬂ` → `fl`, `ĳ` → `ij`), and `ø` becomes `o`;
//! - everything else is decomposed (NFD), its combining marks dropped — in every script, so a
//!   decomposed `e\u{301}` folds like `é` — and lower-cased; letters stay in their script
//!   (Greek and Cyrillic are lower-cased, not transliterated).

use std::ops::Range;

use unicode_normalization::char::{decompose_canonical, decompose_compatible, is_combining_mark};

/// Text folded for matching, with the original byte offset of every folded byte.
pub struct Folded {
    pub text: String,
    origin: Vec<usize>,
    origin_end: Vec<usize>,
}

/// Folds one character into `out` (see the module documentation for the rule). Pushes nothing
/// for a soft hyphen or a lone combining mark; never allocates beyond `out`'s own growth.
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        '’' | 'ʼ' | '‘' => out.push('\''),
        '\u{00A0}' | '\u{202F}' | '\u{2009}' => out.push(' '),
        '\u{2010}' | '\u{2011}' => out.push('-'),
        '\u{00AD}' => {}
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' | 'ẞ' => out.push_str("ss"),
        'ø' | 'Ø' => out.push('o'),
        // Latin presentation ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) and ĳ: their compatibility decomposition.
        '\u{FB00}'..='\u{FB06}' | 'ĳ' | 'Ĳ' => {
            decompose_compatible(c, |d| out.push(d.to_ascii_lowercase()));
        }
        _ => decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                out.extend(d.to_lowercase());
            }
        }),
    }
}

/// Appends the fold of `s` to `out`; ASCII-only text (most words) takes a fast path.
pub fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.extend(s.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    out.reserve(s.len());
    for c in s.chars() {
        fold_char(c, out);
    }
}

/// The fold of `s`: "État" → "etat", "l’Agence" → "l'agence".
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// The fold of `text`, keeping where each folded byte came from.
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
    fold(text).find_all(&fold_str(query))
}

/// Every hit of any of `terms` (case- and accent-insensitive), sorted, overlaps merged.
pub fn find_terms(body: &str, terms: &[String]) -> Vec<Range<usize>> {
    merge(terms.iter().flat_map(|t| find_all_folded(body, t)).collect())
}

/// Every whole-word hit of any of `terms` (case- and accent-insensitive), sorted, overlaps
/// merged: a term matches where no letter or digit touches it on either side, as the
/// full-text index matches words; a term ending in `*` may go on (a prefix).
pub fn find_words(body: &str, terms: &[String]) -> Vec<Range<usize>> {
    find_words_folded(&fold(body), body, terms)
}

/// `find_words` over a body already folded (`folded` is `fold(body)`), for callers that look
/// for several sets of terms in one text.
pub fn find_words_folded(folded: &Folded, body: &str, terms: &[String]) -> Vec<Range<usize>> {
    let mut hits: Vec<Range<usize>> = Vec::new();
    for term in terms {
        let prefix = term.ends_with('*');
        let word = fold_str(term.trim_end_matches('*'));
        let touches = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let word_end = |end: usize| {
            body[end..]
                .char_indices()
                .find(|&(_, c)| !c.is_alphanumeric())
                .map_or(body.len(), |(i, _)| end + i)
        };
        hits.extend(
            folded
                .find_all(&word)
                .into_iter()
                .filter(|r| {
                    !touches(body[..r.start].chars().next_back())
                        && (prefix || !touches(body[r.end..].chars().next()))
                })
                // A prefix lights its whole word, as the index matched it.
                .map(|r| if prefix { r.start..word_end(r.end) } else { r }),
        );
    }
    merge(hits)
}

/// Hits sorted, overlapping ones merged.
fn merge(mut hits: Vec<Range<usize>>) -> Vec<Range<usize>> {
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

    /// The extractor's word fold (these were its own tests before it shared this one).
    #[test]
    fn folds() {
        assert_eq!(fold_str("État"), "etat");
        assert_eq!(fold_str("l’Agence"), "l'agence");
        assert_eq!(fold_str("Côte d'Ivoire"), "cote d'ivoire");
        assert_eq!(fold_str("sécu\u{00AD}rité"), "securite");
        assert_eq!(fold_str("ŒUVRE"), "oeuvre");
    }

    /// The characters the search fold and the extractor's fold treated differently before they
    /// became one, with the rule chosen for each.
    const DISAGREED: [(&str, &str); 22] = [
        ("10\u{00A0}000", "10 000"),
        ("«\u{202F}oui\u{202F}»", "« oui »"),
        ("a\u{2009}b", "a b"),
        ("Jean\u{2011}Marie", "jean-marie"),
        ("Saint\u{2010}Denis", "saint-denis"),
        ("Œuvre", "oeuvre"),
        ("Lætitia", "laetitia"),
        ("Straße", "strasse"),
        ("STRAẞE", "strasse"),
        ("eﬃcace", "efficace"),
        ("ﬁnances", "finances"),
        ("ﬂeuve", "fleuve"),
        ("Ĳssel", "ijssel"),
        ("Søren Ørsted", "soren orsted"),
        ("Se\u{301}curite\u{301}", "securite"),
        ("Čapek Ćosić", "capek cosic"),
        ("Chișinău", "chisinau"),
        ("l’État l‘a dit lʼautre", "l'etat l'a dit l'autre"),
        ("sécu\u{00AD}rité", "securite"),
        ("ΑΘΗΝΑ Αθήνα", "αθηνα αθηνα"),
        ("МОСКВА", "москва"),
        ("İstanbul", "istanbul"),
    ];

    #[test]
    fn disagreeing_characters_fold_by_one_rule() {
        for (text, want) in DISAGREED {
            assert_eq!(fold_str(text), want, "{text:?}");
        }
    }

    #[test]
    fn search_fold_and_word_fold_agree() {
        let more = ["", "Paris", "PARIS", "\u{301}", "🙂", "ǅemal", "Dʼoh ﬅ", "x\u{00AD}"];
        for text in DISAGREED.iter().map(|(t, _)| *t).chain(more) {
            assert_eq!(fold(text).text, fold_str(text), "{text:?}");
        }
    }

    #[test]
    fn folded_characters_map_back_to_their_source() {
        assert_eq!(found("les ﬁnances", "finances"), vec!["ﬁnances"]);
        assert_eq!(found("Jean\u{2011}Marie Straße", "jean-marie strasse"), vec!["Jean\u{2011}Marie Straße"]);
        assert_eq!(found("10\u{202F}000 euros", "10 000"), vec!["10\u{202F}000"]);
        assert_eq!(found("Søren", "so"), vec!["Sø"]);
    }

    proptest::proptest! {
        #[test]
        fn search_fold_and_word_fold_agree_on_any_text(text in "\\PC{0,24}") {
            proptest::prop_assert_eq!(fold(&text).text, fold_str(&text));
        }
    }
}
