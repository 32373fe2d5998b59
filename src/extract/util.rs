//! Small shared helpers: fast-hashing tables for words and word-list parsing. The accent/case
//! fold is `crate::text::fold`, the one the search and the entity index use.

/// Fast hashing for the word tables (SipHash would dominate lookups of short words).
pub type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;
pub type FxSet<K> = rustc_hash::FxHashSet<K>;

/// Parse a word list: trims, skips blank lines and `#` comments. Sections (`[name]`) are
/// returned as (section, line) pairs; lines before any header get section "".
pub fn lines_with_sections(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut section = "";
    data.lines().filter_map(move |raw| {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        if line.starts_with('[') && line.ends_with(']') && line.len() > 2 {
            section = line.get(1..line.len() - 1).unwrap_or("");
            return None;
        }
        Some((section, line))
    })
}

pub fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

pub fn starts_upper(s: &str) -> bool {
    first_char(s).is_some_and(char::is_uppercase)
}

pub fn starts_lower(s: &str) -> bool {
    first_char(s).is_some_and(char::is_lowercase)
}

/// Ends as a past participle of the first group is written ("-é", "-ée", "-és", "-ées"):
/// "déclaré", "menacée". Accents matter, so this reads the word as written, not folded.
pub fn ends_like_participle(written: &str) -> bool {
    ["é", "ée", "és", "ées"].iter().any(|end| written.ends_with(end))
}

/// Written with Roman numeral letters only ("XIV", "MMXII"): a numeral, not an acronym.
pub fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
}

/// At least two letters and no lowercase letter ("NATO", "U.S.").
pub fn all_upper(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}
