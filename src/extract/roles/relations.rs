//! Roles that say how someone stands to a person, a party or a movement, set in apposition after
//! their name: "X, proche de François Hollande", "X, soutien du mouvement depuis le début",
//! "X, figure de proue des « gilets jaunes »", "X, principal actionnaire de La Provence". These
//! nouns are no titles: before a name or alone they mostly mean something else ("avec le
//! soutien du maire, X", "proche de la gare"), so they are read only right after a name's comma
//! and only with their complement.

use super::{PRE_MODIFIERS, RoleMatch, complement_end, is_honorific, person_name, title_at, title_tail};
use crate::extract::doc::Doc;
use crate::extract::gazetteer::GAZ;
use crate::extract::types::Lang;
use crate::extract::util::ends_like_participle;

/// Nouns of standing in a camp or a body that take a complement with "de" (folded; singular and
/// plural). Personal ties ("ami", "fidèle") say less of a function and are left out.
const RELATION_NOUNS: [&str; 9] =
    ["proche", "proches", "soutien", "soutiens", "figure", "figures", "actionnaire", "allie", "alliee"];

/// The relation phrase at `t` after a name's comma (modifiers already skipped): its end, the
/// complement included. `None` when `t` holds no relation noun or no complement follows it.
pub(super) fn relation_role_end(doc: &Doc, t: usize, blocked: &[bool]) -> Option<usize> {
    if doc.lang != Lang::Fr || doc.cap(t) || !RELATION_NOUNS.contains(&doc.folded(t)) {
        return None;
    }
    let noun_end = compound_end(doc, t);
    if !matches!(doc.folded(noun_end), "de" | "du" | "des" | "d'") {
        return None;
    }
    // "proche de François Hollande": the complement is a person, whom the complement reader
    // would stop before.
    let complement = match person_name(doc, noun_end + 1, blocked) {
        Some(ne) if matches!(doc.folded(noun_end), "de" | "d'") && !repeats_a_word(doc, noun_end + 1..ne) => {
            ne
        }
        Some(_) => return None,
        None => complement_end(doc, noun_end, 12),
    };
    if complement <= noun_end + 1
        || !names_a_camp(doc, noun_end + 1)
        || (noun_end + 2..=complement).any(|j| participle_after_noun(doc, j))
    {
        return None;
    }
    Some(coordinated_title_end(doc, complement).unwrap_or(complement))
}

/// Nouns of a political or social camp one can be close to, back or stand for (folded).
const CAMP_NOUNS: [&str; 10] = [
    "mouvement",
    "parti",
    "contestation",
    "gouvernement",
    "majorite",
    "opposition",
    "gauche",
    "droite",
    "camp",
    "syndicat",
];

/// Whether the complement starting at `j` names whom or what one stands with: a name, words in
/// guillemets ("des « gilets jaunes »"), a title ("du président") or a camp ("du mouvement"), not
/// a thing or a state ("proche de la retraite", "soutien de famille").
fn names_a_camp(doc: &Doc, mut j: usize) -> bool {
    if doc.is_determiner(j) {
        j += 1;
    }
    let f = doc.folded(j);
    // (A title as written: "retraite" is no "retraité".)
    doc.cap(j) || doc.tok(j) == "«" || CAMP_NOUNS.contains(&f) || title_at(doc, j).is_some()
}

/// Whether a participle stands at `j` right after a noun: "soutien du « ras-le-bol fiscal »
/// exprimé par le mouvement" backs a thing described, not a person or a group ("du comité",
/// "de la majorité" are nouns after their article).
fn participle_after_noun(doc: &Doc, j: usize) -> bool {
    let written = doc.tok(j);
    let after_noun = !doc.is_determiner(j - 1)
        && !matches!(doc.folded(j - 1), "de" | "du" | "des" | "d'" | "a" | "au" | "aux");
    !doc.cap(j) && doc.is_word(j) && after_noun && ends_like_participle(written)
}

/// Where the relation noun of a phrase starting at `rs` ends (its article, "un des" and
/// modifiers skipped); `None` when no relation noun opens it. Only the noun is reserved: the names
/// in its complement ("proche de François Hollande") stay entities.
pub(super) fn relation_noun_end(doc: &Doc, rs: usize) -> Option<usize> {
    let mut j = rs;
    while matches!(doc.folded(j), "un" | "une" | "des") || PRE_MODIFIERS.contains(&doc.folded(j)) {
        j += 1;
    }
    RELATION_NOUNS.contains(&doc.folded(j)).then(|| compound_end(doc, j))
}

/// Whether a word comes twice in the name `name`: "Éric Drouet Éric Drouet" is a title line run
/// into the sentence after it, not one name.
fn repeats_a_word(doc: &Doc, name: std::ops::Range<usize>) -> bool {
    name.clone().any(|i| (i + 1..name.end).any(|j| doc.folded(j) == doc.folded(i)))
}

/// "figure de proue", "bras droit": the words that make one noun with the one at `t`.
fn compound_end(doc: &Doc, t: usize) -> usize {
    let figure = matches!(doc.folded(t), "figure" | "figures");
    if figure && doc.folded(t + 1) == "de" && doc.folded(t + 2) == "proue" { t + 3 } else { t + 1 }
}

/// "… et ancien responsable du comité": a second role joined by "et" after the complement ending
/// at `ce`. Returns where that role ends.
fn coordinated_title_end(doc: &Doc, ce: usize) -> Option<usize> {
    if doc.folded(ce) != "et" {
        return None;
    }
    let mut j = ce + 1;
    while PRE_MODIFIERS.contains(&doc.folded(j)) && !doc.cap(j) {
        j += 1;
    }
    let te = title_tail(doc, title_at(doc, j)?);
    Some(complement_end(doc, te, 12).max(te))
}

/// Whether the name `name` is known to be a person's: it opens with a listed given name and has a
/// surname, an honorific stands before it, or a role already found is theirs ("l'avocat X").
pub(super) fn known_person(doc: &Doc, name: &std::ops::Range<usize>, found: &[RoleMatch]) -> bool {
    let given = name.len() > 1 && GAZ.first_names.contains(doc.folded(name.start));
    let honorific = name.start > 0 && is_honorific(doc, name.start - 1);
    let org_cue = name.start > 0 && GAZ.org_before.contains(doc.folded(name.start - 1));
    !org_cue && (given || honorific || found.iter().any(|r| r.name == *name))
}
