//! Merging rule candidates with a sequence tagger's spans.
//!
//! Measured on held-out CoNLL/WikiNEuRal data, the tagger is right far more often than the
//! rules on boundaries: a gazetteer place inside a longer name ("canal de Panama", "Thrashers
//! d'Atlanta", "Hong Kong Open") or a cue run cut short are the rules' typical errors. So the
//! tagger's span is the default and a rule candidate replaces it only where it is confident:
//! - a gazetteer organisation or person on the same words (a listed place may stand for a team,
//!   a government or a person named after it: there the context, i.e. the tagger, decides);
//! - a longer gazetteer phrase or organisation cue run containing the tagger's span
//!   ("Fédération de Russie", "Agence Ecofin");
//! - a person named by a title or role (rule PER at `ROLE_SCORE`).
//!
//! Rule candidates that meet no tagger span are kept when they are confident.

use super::types::{Candidate, Label, Origin};
use crate::text::fold::fold_str;

/// Rule scores at or above this are cue rules (role names 0.85, organisation cues 0.8).
const CUE_SCORE: f32 = 0.8;
/// Place phrases built by a rule with their type word ("place Tahrir") score this.
const PHRASE_SCORE: f32 = 0.85;

fn overlaps(a: &Candidate, b: &Candidate) -> bool {
    a.start < b.end && b.start < a.end
}

fn confident(r: &Candidate) -> bool {
    match r.origin {
        Origin::Gazetteer | Origin::User => true,
        Origin::Rule => r.score >= CUE_SCORE,
        Origin::Model => false,
    }
}

/// Words that head the names of bodies and of events alike (folded).
const BODY_OR_EVENT_HEADS: [&str; 12] = [
    "ligue",
    "league",
    "coupe",
    "cup",
    "conference",
    "sommet",
    "summit",
    "championnat",
    "tournoi",
    "festival",
    "forum",
    "salon",
];

/// Whether the candidate's first word is one of `BODY_OR_EVENT_HEADS`.
fn opens_with_event_word(text: &str, c: &Candidate) -> bool {
    let words = text.get(c.start..c.end).unwrap_or("");
    let first = words.split(|ch: char| !ch.is_alphanumeric()).next().unwrap_or("");
    BODY_OR_EVENT_HEADS.contains(&fold_str(first).as_str())
}

/// Does rule candidate `r` beat tagger span `m` (they overlap)?
fn rule_wins(text: &str, r: &Candidate, m: &Candidate) -> bool {
    if r.origin == Origin::User {
        return true;
    }
    let same = r.start == m.start && r.end == m.end;
    let contains = r.start <= m.start && r.end >= m.end && !same;
    if same {
        // A listed place may stand for a team, a government or a person named after it
        // ("Jordan", "Washington"): the tagger's ORG/PER reading of the context wins (the
        // document-wide vote in `entities::harmonise` still sees the gazetteer elsewhere).
        // Otherwise listed names (a listed place of several words too: "Fédération de
        // Russie"), role-introduced names and organisation cues win.
        return match r.origin {
            Origin::Gazetteer => {
                r.label != Label::Loc
                    || !matches!(m.label, Label::Org | Label::Per)
                    || r.score >= super::recognize::MULTIWORD_LISTED
            }
            // A competition or meeting headed by a word that also heads bodies ("Ligue des
            // champions" and "Ligue arabe") is an event where the tagger reads one.
            Origin::Rule
                if r.label == Label::Org && m.label == Label::Misc && opens_with_event_word(text, r) =>
            {
                false
            }
            Origin::Rule => {
                r.score >= CUE_SCORE && matches!(r.label, Label::Per | Label::Org)
                    || r.score >= PHRASE_SCORE && r.label == Label::Loc
            }
            _ => false,
        };
    }
    contains
        && (r.origin == Origin::Gazetteer
            || (r.score >= CUE_SCORE && r.label == Label::Org)
            || (r.score >= PHRASE_SCORE && r.label == Label::Loc))
}

/// Keeps tagger spans and the rule candidates that beat them (see module doc). Dates and other
/// candidates not from rules/gazetteers pass through untouched.
pub fn merge(text: &str, cands: Vec<Candidate>) -> Vec<Candidate> {
    let (mut model, others): (Vec<Candidate>, Vec<Candidate>) =
        cands.into_iter().partition(|c| c.origin == Origin::Model);
    // The tagger's spans do not overlap one another: sorted by start, their ends are sorted
    // too, so the spans a rule candidate overlaps are found by binary search.
    model.sort_by_key(|m| (m.start, m.end));
    let mut out = Vec::with_capacity(model.len() + others.len());
    let mut model_lost = vec![false; model.len()];
    for r in others {
        if r.label == Label::Date || r.origin == Origin::User {
            out.push(r);
            continue;
        }
        let first = model.partition_point(|m| m.end <= r.start);
        let hits: Vec<usize> = (first..model.len())
            .take_while(|&i| model[i].start < r.end)
            .filter(|&i| overlaps(&r, &model[i]))
            .collect();
        if hits.is_empty() {
            if confident(&r) {
                out.push(r);
            }
            continue;
        }
        if hits.iter().all(|&i| rule_wins(text, &r, &model[i])) {
            for i in hits {
                model_lost[i] = true;
            }
            out.push(r);
        }
    }
    out.extend(model.into_iter().zip(model_lost).filter(|(_, lost)| !lost).map(|(m, _)| m));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, words: &str, label: Label, origin: Origin, score: f32) -> Candidate {
        let start = text.find(words).unwrap_or(0);
        Candidate { start, end: start + words.len(), label, origin, score }
    }

    #[test]
    fn an_event_under_a_bodys_head_word_keeps_the_taggers_reading() {
        let text = "La Ligue Europa reprend et la Ligue arabe se réunit.";
        let cands = vec![
            span(text, "Ligue Europa", Label::Org, Origin::Rule, CUE_SCORE),
            span(text, "Ligue Europa", Label::Misc, Origin::Model, 0.5),
            span(text, "Ligue arabe", Label::Org, Origin::Rule, CUE_SCORE),
            span(text, "Ligue arabe", Label::Org, Origin::Model, 0.5),
        ];
        let merged = merge(text, cands);
        let label_of = |w: &str| merged.iter().find(|c| text.get(c.start..c.end) == Some(w)).map(|c| c.label);
        assert_eq!(label_of("Ligue Europa"), Some(Label::Misc));
        assert_eq!(label_of("Ligue arabe"), Some(Label::Org));
    }
}
