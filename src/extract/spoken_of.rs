//! A speaker is not whom their own words speak of in the third person: "« Il faut que le
//! président mette le cadre », a-t-il glissé" is not the president's, so when the pronoun could
//! be either of two men named before, it is the other one.

use std::ops::Range;

use super::coref::{self, Gender};
use super::doc::Doc;
use super::entities::EntityIndex;
use super::quotes::{is_person_head, not_only_complement, title_word};
use super::roles::RoleMatch;
use super::types::{Entity, Label};

/// The one person the pronoun before or after the quotation `quote` (its tokens, marks
/// included) may stand for once those its words speak of are left out: the people of its
/// gender named in reach before it, two or more, all but one named or described inside it.
pub(super) fn the_one_not_spoken_of(
    doc: &Doc,
    quote: Range<usize>,
    gender: Gender,
    entities: &EntityIndex,
    roles: &[RoleMatch],
) -> Option<String> {
    let from = coref::reach_start(doc, quote.start);
    let (open, close) = (doc.tokens.get(quote.start)?.start, doc.tokens.get(quote.end)?.start);
    let mut candidates: Vec<&Entity> = Vec::new();
    for e in entities.entities.iter().filter(|e| e.label == Label::Per) {
        let named_before = e.mentions.iter().any(|m| m.start >= from && m.end <= open);
        // A full name or one written twice: a lone word may be no one's.
        let known = e.name.contains(' ') || e.mentions.len() > 1;
        let surname = super::names::surname(&e.name);
        if named_before
            && known
            && coref::person_gender(doc, e).fits(gender)
            && !candidates.iter().any(|c| super::names::surname(&c.name) == surname)
        {
            candidates.push(e);
        }
    }
    // "« Je suis le président de tous les Français »", "« le maire que je suis »": words
    // describing their own speaker tell nothing against anyone.
    let of_themselves =
        (quote.start + 1..quote.end).any(|j| doc.folded(j) == "suis" || doc.folded(j) == "moi");
    if candidates.len() < 2 || of_themselves {
        return None;
    }
    let spoken_of = |e: &Entity| {
        e.mentions.iter().any(|m| m.start > open && m.end <= close)
            || described_inside(doc, &quote, e, entities, roles)
    };
    let mut left = candidates.into_iter().filter(|e| !spoken_of(e));
    let one = left.next()?;
    // The one left must be known to be of the pronoun's gender (a name nobody is known by,
    // "Despite Suprnova", is a tagging slip) and named as someone who acts, not only after a
    // preposition ("moderators on Suprnova").
    let gender_known = gender != Gender::Unknown && coref::person_gender(doc, one) == gender;
    if left.next().is_some() || !gender_known || !not_only_complement(doc, one, from..open) {
        return None;
    }
    // "X a rencontré un autoentrepreneur … il cherchait": someone unnamed met since may be who
    // the pronoun stands for.
    let last = one.mentions.iter().filter(|m| m.end <= open).map(|m| m.end).max()?;
    let after_last = doc.tokens.partition_point(|t| t.start < last);
    let someone_unnamed = (after_last..quote.start)
        .any(|j| matches!(doc.folded(j), "un" | "une" | "a" | "an") && is_person_head(doc, j + 1));
    (!someone_unnamed).then(|| one.name.clone())
}

/// Whether the quotation names `e` by the title of one of their roles after an article ("le
/// président", "du ministre").
fn described_inside(
    doc: &Doc,
    quote: &Range<usize>,
    e: &Entity,
    entities: &EntityIndex,
    roles: &[RoleMatch],
) -> bool {
    let their_roles: Vec<String> = roles
        .iter()
        .filter(|r| r.holder(doc, entities).is_some_and(|h| h.name == e.name))
        .map(|r| crate::text::fold::fold_str(&r.role))
        .collect();
    (quote.start + 1..quote.end).any(|j| {
        j > 0
            && matches!(doc.folded(j - 1), "le" | "la" | "l'" | "du" | "au" | "the")
            && their_roles.iter().any(|r| title_word(r) == Some(doc.folded(j)))
            // "le président Mitterrand" is someone named; "le préfet de Paris" is not the
            // préfet du Rhône.
            && !doc.cap(j + 1)
            && same_complement(doc, j, &their_roles)
    })
}

/// Whether the complement after the title at `j` ("le préfet de Paris"), if any, is one of the
/// holder's roles' (its first content word written in one of them).
fn same_complement(doc: &Doc, j: usize, their_roles: &[String]) -> bool {
    if !matches!(doc.folded(j + 1), "de" | "du" | "des" | "d'") {
        return true;
    }
    let word = if matches!(doc.folded(j + 2), "la" | "l'" | "le" | "les") { j + 3 } else { j + 2 };
    let word = doc.folded(word);
    their_roles.iter().any(|r| r.split([' ', '\'', '’']).any(|w| w == word))
}
