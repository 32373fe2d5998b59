//! Who a pronoun ("a-t-elle ajouté", "selon lui") or a description ("la chercheuse", "ce
//! dernier") stands for: the nearest person named before it, in the same paragraph or the one
//! before, whose gender does not contradict the pronoun's; nobody when two people fit equally
//! (a wrong speaker is worse than none). Organisations never stand for "il"/"elle" here.

use std::sync::LazyLock;

use super::doc::Doc;
use super::entities::EntityIndex;
use super::gazetteer::GAZ;
use super::types::{Entity, Label, Lang};
use super::util::{FxMap, lines_with_sections};
use crate::text::fold::fold_str;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

impl Gender {
    /// Whether a person of gender `self` can be referred to by a word of gender `word`.
    pub fn fits(self, word: Gender) -> bool {
        self == Gender::Unknown || word == Gender::Unknown || self == word
    }
}

/// Given names by gender (general knowledge; names given to both are left out).
static GIVEN: LazyLock<FxMap<String, Gender>> = LazyLock::new(|| {
    let mut map: FxMap<String, Gender> = FxMap::default();
    for (section, line) in lines_with_sections(include_str!("../../assets/gazetteers/first_names.txt")) {
        let g = match section {
            "f" => Gender::Female,
            "m" => Gender::Male,
            _ => continue,
        };
        for name in line.split_whitespace() {
            let key = fold_str(name);
            match map.get(&key) {
                Some(&old) if old != g => {
                    map.insert(key, Gender::Unknown);
                }
                Some(_) => {}
                None => {
                    map.insert(key, g);
                }
            }
        }
    }
    map
});

/// The gender a given name tells ("Marine" → female, "Jean-Marie" → male).
pub fn given_name_gender(name: &str) -> Gender {
    let Some(first) = name.split_whitespace().next() else { return Gender::Unknown };
    let f = fold_str(first);
    if let Some(&g) = GIVEN.get(&f) {
        return g;
    }
    // "Jean-Marie", "Marie-Claire": the first part decides when the whole is not listed.
    f.split('-').next().and_then(|p| GIVEN.get(p)).copied().unwrap_or(Gender::Unknown)
}

/// The gender of an honorific ("M." → male, "Mme" → female).
fn honorific_gender(folded: &str) -> Gender {
    match folded.trim_end_matches('.') {
        "m" | "mm" | "mr" | "monsieur" | "sir" | "lord" => Gender::Male,
        "mme" | "mmes" | "mlle" | "madame" | "mrs" | "ms" | "miss" | "dame" | "lady" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// A person's gender as the text shows it: the given name, else an honorific before a mention.
pub fn person_gender(doc: &Doc, e: &Entity) -> Gender {
    let g = given_name_gender(&e.name);
    if g != Gender::Unknown {
        return g;
    }
    for m in &e.mentions {
        let k = doc.tokens.partition_point(|t| t.start < m.start);
        if k == 0 {
            continue;
        }
        // "M. Dupont", "Mme Dupont" (the dot may be its own token).
        let mut h = k - 1;
        if doc.tok(h) == "." && h > 0 {
            h -= 1;
        }
        let g = honorific_gender(doc.folded(h));
        if g != Gender::Unknown {
            return g;
        }
    }
    Gender::Unknown
}

/// The gender a pronoun or determiner marks ("elle", "-t-elle", "la", "cette" → female).
pub fn word_gender(folded: &str) -> Gender {
    match folded {
        "il" | "lui" | "he" | "him" | "his" | "le" | "ce" | "cet" | "celui-ci" | "lequel" | "dernier" => {
            Gender::Male
        }
        "elle" | "she" | "her" | "la" | "cette" | "celle-ci" | "laquelle" | "derniere" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// The gender a French noun or adjective's ending marks ("ancienne", "directrice" → female;
/// "ancien", "directeur" → male); unknown for epicene words ("ministre", "universitaire").
pub fn noun_gender(folded: &str) -> Gender {
    const FEMALE: [&str; 8] = ["ienne", "trice", "euse", "iere", "elle", "ante", "ente", "ee"];
    const MALE: [&str; 7] = ["ien", "teur", "eur", "ier", "ant", "ent", "el"];
    if FEMALE.iter().any(|e| folded.ends_with(e)) {
        Gender::Female
    } else if MALE.iter().any(|e| folded.ends_with(e)) {
        Gender::Male
    } else {
        Gender::Unknown
    }
}

/// Byte offset where the paragraph holding byte `pos` starts.
fn paragraph_start(text: &str, pos: usize) -> usize {
    text.get(..pos).and_then(|s| s.rfind('\n')).map_or(0, |i| i + 1)
}

/// Byte offset where the paragraph before the one holding `pos` starts (blank lines skipped).
pub fn previous_paragraph_start(text: &str, pos: usize) -> usize {
    let mut p = paragraph_start(text, pos);
    // Lines that are no prose of the article (a "» LIRE AUSSI" link, a video's title) do not
    // count as the paragraph before: news pages put them between two paragraphs of one story.
    let mut page_lines = 0;
    while p > 0 {
        let prev = paragraph_start(text, p - 1);
        let line = text.get(prev..p).unwrap_or("").trim();
        if !line.is_empty() {
            if is_page_line(line) && page_lines < 2 {
                page_lines += 1;
            } else {
                return prev;
            }
        }
        p = prev;
    }
    0
}

/// A line a news page adds between paragraphs: a link to another story ("» LIRE AUSSI - …",
/// "À lire aussi"), a video or a photo credit.
fn is_page_line(line: &str) -> bool {
    let folded = fold_str(line);
    let folded = folded.trim_start_matches(['»', '>', '-', ' ']);
    ["lire aussi", "a lire aussi", "a voir aussi", "voir aussi", "credits photo", "regarder sur"]
        .iter()
        .any(|p| folded.starts_with(p))
        || folded.contains("- regarder sur")
}

/// At most this many sentences back, whatever the paragraphs.
const MAX_SENTENCES_BACK: usize = 4;

/// Where the look-back for the person a pronoun at token `k` stands for starts (a byte offset):
/// the start of the paragraph before, and no more than a few sentences back.
pub fn reach_start(doc: &Doc, k: usize) -> usize {
    let pos = doc.tokens.get(k).map_or(0, |t| t.start);
    previous_paragraph_start(doc.text, pos).max(sentences_back(doc, k, MAX_SENTENCES_BACK))
}

/// Byte offset where the sentence `n` sentences before the one holding token `k` starts.
pub fn sentences_back(doc: &Doc, k: usize, n: usize) -> usize {
    let sentence = doc.sent_of.get(k).copied().unwrap_or(0);
    let first_tok = doc.sentences.get(sentence.saturating_sub(n)).map_or(0, |r| r.start);
    doc.tokens.get(first_tok).map_or(0, |t| t.start)
}

/// The person a word of gender `gender` stands for, among the people named within the byte
/// `span` before it: the only one whose gender fits, or the nearest when it is the
/// only one whose gender is known to match. Names too thin to trust (a lone one-word name seen
/// once without an honorific) are not candidates.
pub fn resolve_person<'a>(
    doc: &Doc,
    span: std::ops::Range<usize>,
    gender: Gender,
    entities: &EntityIndex<'a>,
) -> Option<&'a Entity> {
    let (from, before) = (span.start, span.end);
    // (last mention end, entity, gender)
    let mut found: Vec<(usize, &'a Entity, Gender)> = Vec::new();
    for e in entities.entities.iter().filter(|e| e.label == Label::Per) {
        let Some(last) =
            e.mentions.iter().filter(|m| m.start >= from && m.end <= before).map(|m| m.end).max()
        else {
            continue;
        };
        let honorific = e.mentions.iter().any(|m| {
            let j = doc.tokens.partition_point(|t| t.start < m.start);
            j > 0 && GAZ.honorifics.contains(doc.folded(j - 1))
        });
        if !(e.mentions.len() > 1 || e.name.contains(' ') || honorific) {
            continue;
        }
        // An acronym ("LCI") is no person's name.
        if super::util::all_upper(&e.name) && !e.name.contains(' ') {
            continue;
        }
        // A "person" only ever written after an article ("au Monde", "le Figaro") is a title.
        let after_article = |start: usize| {
            let j = doc.tokens.partition_point(|t| t.start < start);
            j > 0 && matches!(doc.folded(j - 1), "le" | "la" | "les" | "l'" | "au" | "aux" | "du" | "des")
        };
        if e.mentions.iter().all(|m| after_article(m.start)) {
            continue;
        }
        let g = person_gender(doc, e);
        if g.fits(gender) {
            found.push((last, e, g));
        }
    }
    found.sort_by_key(|&(end, _, _)| std::cmp::Reverse(end));
    // "Valentine Sapounov" and "V. Sapounov" are one person.
    let mut distinct: Vec<(usize, &'a Entity, Gender, Option<String>)> = Vec::new();
    for (end, e, g) in found {
        let surname = super::names::surname(&e.name);
        if !distinct.iter().any(|d| d.3 == surname) {
            distinct.push((end, e, g, surname));
        }
    }
    match distinct.as_slice() {
        [] => None,
        [(_, e, _, _)] => Some(*e),
        [(_, e, g, _), rest @ ..] => {
            let known = |x: Gender| gender != Gender::Unknown && x == gender;
            (known(*g) && !rest.iter().any(|r| known(r.2))).then_some(*e)
        }
    }
}

/// Whether the person named `name` (a speaker found elsewhere) can be called by a word of
/// gender `gender`.
pub fn name_fits(doc: &Doc, name: &str, gender: Gender, entities: &EntityIndex) -> bool {
    match entities.entities.iter().find(|e| e.label == Label::Per && e.name == name) {
        Some(e) => person_gender(doc, e).fits(gender),
        // English "he" and "she" are never an organisation or a place.
        None if doc.lang == Lang::En
            && gender != Gender::Unknown
            && entities.entities.iter().any(|e| e.name == name) =>
        {
            false
        }
        None => given_name_gender(name).fits(gender),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_have_a_gender() {
        assert_eq!(given_name_gender("Marine Le Pen"), Gender::Female);
        assert_eq!(given_name_gender("Jean-Marie Le Pen"), Gender::Male);
        assert_eq!(given_name_gender("Camille Martin"), Gender::Unknown);
        assert_eq!(given_name_gender("Jean-Kévin Dupont"), Gender::Male);
    }

    #[test]
    fn paragraphs() {
        let t = "Un.\n\nDeux deux.\nTrois.";
        let pos = t.find("Trois").unwrap_or(0);
        assert_eq!(&t[previous_paragraph_start(t, pos)..pos], "Deux deux.\n");
        assert_eq!(previous_paragraph_start(t, 1), 0);
    }
}
