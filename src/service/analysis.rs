//! Runs the extractor over a stored article, with what the article's metadata tells it
//! (language, date), and shapes the result for the JSON output and the store's cache.

use crate::extract::{self, Facts, Lang, Options};
use crate::library::Article;
use crate::store::CachedFacts;

/// Bumped whenever extraction output changes, so cached facts are recomputed.
pub const EXTRACTOR_VERSION: u32 = 33;

/// Extraction options for an article: its declared language (unless `force_lang`), and its
/// date to resolve weekdays.
pub fn options_for(article: &Article, force_lang: Option<Lang>) -> Options {
    Options {
        lang: force_lang.or_else(|| article.lang.as_deref().and_then(Lang::from_code)),
        article_date: article.date.as_deref().and_then(parse_ymd),
    }
}

/// "2022-11-21", "2022-11-21T08:00:00Z" → (2022, 11, 21).
fn parse_ymd(s: &str) -> Option<(i32, u32, u32)> {
    let mut parts = s.get(..10)?.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok().filter(|m| (1..=12).contains(m))?;
    let d = parts.next()?.parse().ok().filter(|d| (1..=31).contains(d))?;
    Some((y, m, d))
}

/// Only this much of a body is analysed (about half a second of extraction): entities in the
/// rest of a longer article are not highlighted. Memory grows with the text analysed, and a
/// 50 MB article would otherwise take seconds and a gigabyte (see `cargo bench --bench limits`).
pub const MAX_ANALYSED_BYTES: usize = 4 * 1024 * 1024;

/// The part of a body that is analysed: all of it, or its first paragraphs up to the limit.
pub fn analysed_part(body: &str) -> &str {
    if body.len() <= MAX_ANALYSED_BYTES {
        return body;
    }
    let mut cut = MAX_ANALYSED_BYTES;
    while !body.is_char_boundary(cut) {
        cut -= 1;
    }
    match body[..cut].rfind("\n\n") {
        Some(p) if p > 0 => &body[..p],
        _ => &body[..cut],
    }
}

/// Loads the tagger models and word lists (done once, lazily) so that the first story opens
/// without waiting for them.
pub fn warm_up() {
    for (text, lang) in [("Le Mali et la Russie.", Lang::Fr), ("Reuters in London.", Lang::En)] {
        let _ = extract::extract(text, &Options { lang: Some(lang), article_date: None });
    }
}

/// Gives a story that declares no language the one its text is written in (French or
/// English; none when neither), so that the list can be filtered on it (`L`, `lang:`).
pub fn detect_lang(article: &mut Article) {
    if article.lang.is_none() {
        let lang = extract::guess_lang(analysed_part(&article.body));
        article.lang = (lang != Lang::Other).then(|| lang.code().to_string());
    }
}

pub fn facts_for(article: &Article, force_lang: Option<Lang>) -> Facts {
    extract::extract(analysed_part(&article.body), &options_for(article, force_lang))
}

/// The user's own gazetteer (names they accepted, with labels) found in an article: spans the
/// extractor must take as given.
pub fn user_name_candidates(text: &str, names: &[(String, String)]) -> Vec<extract::Candidate> {
    let mut out = Vec::new();
    for (name, label) in names {
        if name.is_empty() || crate::annotate::corrections::is_correction_label(label) {
            continue;
        }
        for (at, _) in text.match_indices(name.as_str()) {
            let end = at + name.len();
            let before = text[..at].chars().next_back();
            let after = text[end..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
                continue;
            }
            out.push(extract::Candidate {
                start: at,
                end,
                label: crate::annotate::merge::display_label(label),
                origin: extract::Origin::User,
                score: 1.0,
            });
        }
    }
    out
}

/// Facts for an article given cached extraction results and the user's gazetteer: the cache
/// when no user name occurs in the text, else a fresh extraction that takes them as given.
pub fn facts_with_user_names(article: &Article, cached: Option<Facts>, names: &[(String, String)]) -> Facts {
    let text = analysed_part(&article.body);
    let extra = user_name_candidates(text, names);
    match cached {
        Some(facts) if extra.is_empty() => facts,
        _ => extract::extract_with(text, &options_for(article, None), &extra),
    }
}

/// What the store caches: the facts as JSON (byte offsets, as `Facts` holds them) and the
/// entity list for the entity index.
pub fn cached(facts: &Facts) -> CachedFacts {
    CachedFacts { json: serde_json::to_string(facts).unwrap_or_default(), entities: entity_rows(facts) }
}

/// The entity index's rows for an article: (label, name, mentions), dates left out.
pub fn entity_rows(facts: &Facts) -> Vec<(String, String, usize)> {
    facts
        .entities
        .iter()
        .filter(|e| e.label != extract::Label::Date)
        .map(|e| (e.label.as_str().to_string(), e.name.clone(), e.mentions.len()))
        .collect()
}

/// Facts back from the cache; `None` if the JSON is from another shape.
pub fn from_cache(json: &str) -> Option<Facts> {
    serde_json::from_str(json).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_bodies_are_analysed_up_to_a_paragraph_within_the_limit() {
        let para = "é".repeat(1000);
        let body = vec![para.as_str(); 3000].join("\n\n");
        let part = analysed_part(&body);
        assert!(part.len() <= MAX_ANALYSED_BYTES && part.len() > MAX_ANALYSED_BYTES - 4000);
        assert!(part.ends_with('é') && body[part.len()..].starts_with("\n\n"));
        assert_eq!(analysed_part("court"), "court");
    }
}
