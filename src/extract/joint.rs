//! Speakers who speak together: "Claude et Yolande, en revanche, font partie des habitués. « On
//! vient à chaque fois … »". The press meets couples and groups and quotes them as one; their
//! words are theirs together, named as the text names them ("Claude et Yolande").

use super::doc::Doc;
use super::entities::EntityIndex;
use super::types::Label;

/// Most people a list of joint speakers names ("Cécile, Isabelle et Vanessa").
const MOST_PEOPLE: usize = 4;

/// The people a sentence of tokens `start..end` opens with as its subject when they are two or
/// more joined by "et" ("Claude et Yolande font …", "Cécile, Isabelle et Vanessa, trois sœurs,
/// …"): their names as one speaker, "Claude et Yolande". Nothing when any of them is no person
/// or a verb does not follow the list (a comma and an apposition may come between).
pub fn people_opening(doc: &Doc, start: usize, end: usize, entities: &EntityIndex) -> Option<String> {
    let mut names: Vec<&str> = Vec::new();
    let mut j = start;
    loop {
        let (e, e_end) = doc.tokens.get(j).and_then(|t| entities.starting_at(t.start))?;
        if e.label != Label::Per {
            return None;
        }
        names.push(doc.text.get(doc.tokens.get(j)?.start..e_end)?);
        j = doc.tokens.partition_point(|t| t.start < e_end);
        match doc.folded(j) {
            "," if names.len() < MOST_PEOPLE && person_at(doc, j + 1, entities) => j += 1,
            // (The name after "et" counts too: at most `MOST_PEOPLE` in all.)
            "et" if names.len() < MOST_PEOPLE && person_at(doc, j + 1, entities) => {
                j += 1;
                let (_, last_end) = doc.tokens.get(j).and_then(|t| entities.starting_at(t.start))?;
                names.push(doc.text.get(doc.tokens.get(j)?.start..last_end)?);
                j = doc.tokens.partition_point(|t| t.start < last_end);
                break;
            }
            _ => return None,
        }
    }
    // The verb: right after the list, or after an apposition closed by its comma.
    let verb_at = if doc.tok(j) == "," {
        (j + 1..end.min(j + 12)).find(|&c| doc.tok(c) == ",").map(|c| c + 1)?
    } else {
        j
    };
    let verb = verb_at < end && !doc.cap(verb_at) && doc.is_word(verb_at) && !doc.is_determiner(verb_at);
    let text = names.join(", ");
    // "Claude, Yolande" → "Claude et Yolande": the last comma is the text's "et".
    let joined = match text.rsplit_once(", ") {
        Some((first, last)) => format!("{first} et {last}"),
        None => text,
    };
    verb.then_some(joined)
}

fn person_at(doc: &Doc, j: usize, entities: &EntityIndex) -> bool {
    doc.tokens.get(j).and_then(|t| entities.starting_at(t.start)).is_some_and(|(e, _)| e.label == Label::Per)
}

/// Whether the quoted words speak for several ("on", "nous", "notre"): a couple's or a group's
/// words, not one person's ("je", "moi").
pub fn speaks_for_several(inner: &str) -> bool {
    let words: Vec<String> = inner
        .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    let plural = words.iter().any(|w| matches!(w.as_str(), "on" | "nous" | "notre" | "nos"));
    let singular = words.iter().any(|w| {
        matches!(w.as_str(), "je" | "moi" | "mon" | "ma" | "mes")
            || w.starts_with("j'")
            || w.starts_with("j’")
    });
    plural && !singular
}

/// Most sentences back a plural pronoun ("ils", "elles") may carry joint speakers.
const SENTENCES_BACK: usize = 3;

/// "Claude et Yolande … . Végétariens, ils prônent une « prise de conscience »": the joint
/// speakers a sentence before the token `k`, in its paragraph, opens with, when the sentences
/// between name no one else.
pub fn joint_before(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<String> {
    let own = *doc.sent_of.get(k)?;
    for back in 1..=SENTENCES_BACK {
        let range = doc.sentences.get(own.checked_sub(back)?)?;
        // Not across a paragraph.
        if (range.start + 1..=k).any(|j| doc.newline_before(j)) {
            return None;
        }
        if let Some(joint) = people_opening(doc, range.start, range.end, entities) {
            return Some(joint);
        }
        // Between, only their own words or sentences the same "ils"/"elles" opens: any other
        // sentence may bring in another group ("Les syndicats sont furieux. Ils dénoncent …").
        let quotation = super::quotes::is_quote_mark(doc.tok(range.start));
        let carried =
            (range.start..range.end.min(range.start + 4)).any(|j| matches!(doc.folded(j), "ils" | "elles"));
        if !quotation && !carried {
            return None;
        }
        let (a, b) = (doc.tokens.get(range.start)?, doc.tokens.get(range.end.saturating_sub(1))?);
        if entities.last_person_between(a.start, b.end, |_, _| true).is_some() {
            return None;
        }
    }
    None
}
