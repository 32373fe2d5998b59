//! How news names the same person or organisation in different ways: with or without a title
//! ("Mr Blair", « le colonel Goïta »), by surname alone once introduced, by initials ("EU",
//! « UMP »). Pure functions over names; the library decides with them which of its entities
//! are one (see `service::entity`).

use super::gazetteer::{GAZ, NAME_SMALL_WORDS};
use crate::text::fold::fold_str;

/// Words before a name that are not titles in the gazetteers but are not the name either.
const BEFORE_NAMES: &[&str] = &["le", "la", "les", "l'", "the", "ancien", "ancienne", "ex", "former"];

/// Whether a (folded) word stands before a name without being part of it: a civility
/// (`assets/gazetteers/honorifics.txt`), a title or the first word of one (`titles.txt`).
fn is_title_word(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    BEFORE_NAMES.contains(&w)
        || GAZ.honorifics.contains(w)
        || GAZ.titles.contains(w)
        || GAZ.title_heads.contains(w)
}

/// The name without the titles before it, folded: "Mr Tony Blair" → "tony blair",
/// « le colonel Assimi Goïta » → "assimi goita".
pub fn core(name: &str) -> String {
    let folded = fold_str(name);
    let words: Vec<&str> = folded.split_whitespace().collect();
    let first_name_word = words.iter().position(|w| !is_title_word(w)).unwrap_or(words.len());
    // A name that is only titles ("le Président") keeps them: it is what the text calls it.
    if first_name_word == words.len() {
        return words.join(" ");
    }
    words[first_name_word..].join(" ")
}

/// The last word of a person's name once titles are gone: what a text calls them after the
/// first mention.
pub fn surname(name: &str) -> Option<String> {
    core(name).split_whitespace().last().map(str::to_owned)
}

/// Whether `name` is a person's name given in full (at least a first name and a surname).
pub fn is_full_name(name: &str) -> bool {
    core(name).split_whitespace().count() >= 2
}

/// The initials of a multi-word name, leaving out function words: "European Union" → "eu",
/// « Union pour un mouvement populaire » → "ump". `None` for a name of one word.
pub fn initials(name: &str) -> Option<String> {
    let folded = fold_str(name);
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || c == '-' || c == '\'')
        .filter(|w| !w.is_empty() && !NAME_SMALL_WORDS.contains(w))
        .collect();
    (words.len() >= 2).then(|| words.iter().filter_map(|w| w.chars().next()).collect())
}

/// Whether `short` reads as an acronym (one word, two to eight letters, mostly capitals as
/// written) of `long`.
pub fn is_acronym_of(short: &str, long: &str) -> bool {
    let letters: String = short.chars().filter(|c| c.is_alphanumeric()).collect();
    looks_like_acronym(short) && initials(long).is_some_and(|i| i == fold_str(&letters))
}

/// Whether `s` is written like an acronym: one word of two to eight letters or figures, most of
/// them capitals ("CRIF", "UEJF", "Ofce").
pub fn looks_like_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphanumeric()).count();
    let capitals = s.chars().filter(|c| c.is_uppercase()).count();
    !s.contains(' ') && (2..=8).contains(&letters) && capitals * 2 > letters
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_not_part_of_the_name() {
        assert_eq!(core("Mr Tony Blair"), "tony blair");
        assert_eq!(core("le colonel Assimi Goïta"), "assimi goita");
        assert_eq!(core("Chancellor Gordon Brown"), "gordon brown");
        assert_eq!(core("Mr Blair"), "blair");
        assert_eq!(surname("Mme Ségolène Royal").as_deref(), Some("royal"));
        assert_eq!(core("le Président"), "le president", "a name that is only a title stays");
        assert!(is_full_name("Gordon Brown") && !is_full_name("Mr Brown"));
    }

    #[test]
    fn acronyms_and_their_expansions() {
        assert!(is_acronym_of("EU", "European Union"));
        assert!(is_acronym_of("UMP", "Union pour un mouvement populaire"));
        assert!(is_acronym_of("OTAN", "Organisation du traité de l'Atlantique Nord"));
        assert!(!is_acronym_of("Eu", "European Union"), "a word, not an acronym");
        assert!(!is_acronym_of("UN", "European Union"));
        assert!(!is_acronym_of("EU", "Union"));
    }
}
