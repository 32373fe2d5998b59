//! Merging rule candidates with a sequence tagger's spans.
//!
//! Measured on held-out CoNLL/WikiNEuRal data, the tagger is right far more often than the
//! rules on boundaries: a gazetteer place inside a longer name ("canal de Panama", "Thrashers
//! d'Atlanta", "Hong Kong Open") or a cue run cut short are the rules' typical errors. So the
//! tagger's span is the default and a rule candidate replaces it only where it is confident:
//! - a gazetteer organisation or person on the same words (a listed place may stand for a team,
//!   a government or a person named after it: there the context, i.e. the tagger, decides; a
//!   listed French town is no person though);
//! - a longer gazetteer phrase or organisation cue run containing the tagger's span
//!   ("Fédération de Russie", "Agence Ecofin");
//! - a person named by a title or role (rule PER at `ROLE_SCORE`).
//!
//! Rule candidates that meet no tagger span are kept when they are confident.

use super::gazetteer::GAZ;
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

/// Whether `name` is a town of the list (or one named "Le …" without its article: "Havre").
fn is_town(name: &str) -> bool {
    let key = super::gazetteer::phrase_key(name, &GAZ.abbreviations);
    GAZ.towns.contains(&key) || GAZ.towns_after_contraction.contains(&key)
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
            // A French town is seldom a person's name (it may be its club: ORG stays).
            Origin::Gazetteer => {
                r.label != Label::Loc
                    || !matches!(m.label, Label::Org | Label::Per)
                    || r.score >= super::recognize::MULTIWORD_LISTED
                    || m.label == Label::Per && is_town(text.get(r.start..r.end).unwrap_or(""))
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
    model.retain_mut(|m| reread(text, m));
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

/// Words after which a lone unknown name is where someone comes from or lives: "Paul, qui vient
/// de Vernay", « originaire de Bréval » (folded, with the "de" or "d'" that follows them).
const FROM_A_PLACE: [&str; 11] = [
    "vient",
    "viennent",
    "venu",
    "venue",
    "venus",
    "venues",
    "originaire",
    "originaires",
    "natif",
    "native",
    "habitant",
];

/// Words that open a sentence before a name without being part of it: « Prénommée Agnès, elle… »,
/// « Originaire Lorient » written without its "de" (folded). Those in `FROM_A_PLACE` make the
/// name a place.
const OPENERS_BEFORE_A_NAME: [&str; 12] = [
    "prenomme",
    "prenommee",
    "surnomme",
    "surnommee",
    "baptise",
    "baptisee",
    "habitant",
    "habitante",
    "originaire",
    "natif",
    "native",
    "selon",
];

/// The words of `s` with their byte offsets.
fn words(s: &str) -> Vec<(usize, &str)> {
    s.split_whitespace().map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w)).collect()
}

/// Whether byte `at` opens a sentence or a line (only spaces since the last full stop, "!",
/// "?", closing quote or line break).
fn opens_sentence(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("").trim_end_matches([' ', '\u{a0}', '\t']);
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', '»', '"'])
}

/// Whether `word` (one word) is the surname of someone the text names with a given name
/// ("Macron" after "Emmanuel Macron").
fn surname_in_text(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text.get(..i).unwrap_or("");
        before.ends_with(' ')
            && before
                .trim_end()
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .is_some_and(|w| GAZ.first_names.contains(fold_str(w).as_str()))
    })
}

/// Common nouns before the name of a business, a school or a title of the press: what follows
/// them is that body, not a person, unless it opens with a given name ("le groupe Paul Morel").
const BODY_KINDS: [&str; 17] = [
    "societe",
    "entreprise",
    "groupe",
    "enseigne",
    "supermarche",
    "hypermarche",
    "magasin",
    "marque",
    "constructeur",
    "distributeur",
    "compagnie",
    "banque",
    "journal",
    "quotidien",
    "hebdomadaire",
    "magazine",
    "chaine",
];

/// Schools and places named after someone as often as not ("le lycée Jean-Marc Morel",
/// "l'aéroport Paul Vernet", "la passerelle Jean Morel"): the name is the school (an
/// organisation) or the place.
const SCHOOLS: [&str; 3] = ["lycee", "college", "universite"];
/// ("station" is left out: in English it is a broadcaster.)
const FACILITIES: [&str; 8] =
    ["aeroport", "gare", "stade", "hopital", "clinique", "passerelle", "rond-point", "commercial"];

/// The label of a name that follows the common noun of its kind (see `BODY_KINDS`, `SCHOOLS`,
/// `FACILITIES`) right before byte `start`; "commercial" only after "centre".
fn named_after_its_kind(text: &str, start: usize, first_word: &str) -> Option<Label> {
    let before = text.get(..start)?;
    if !before.ends_with(' ') {
        return None;
    }
    let mut prev = before.split_whitespace().rev();
    // "l'aéroport" → "aéroport".
    let word = prev.next()?.rsplit(['\'', '’']).next()?;
    if !word.chars().next().is_some_and(char::is_lowercase) {
        return None;
    }
    let kind = fold_str(word);
    let given_name = GAZ.first_names.contains(fold_str(first_word.split('-').next().unwrap_or("")).as_str());
    if SCHOOLS.contains(&kind.as_str()) {
        return Some(Label::Org);
    }
    if FACILITIES.contains(&kind.as_str()) {
        let centre = kind != "commercial" || prev.next().is_some_and(|w| fold_str(w) == "centre");
        return centre.then_some(Label::Loc);
    }
    (BODY_KINDS.contains(&kind.as_str()) && !given_name).then_some(Label::Org)
}

/// General corrections of the tagger's spans, from their own words and the words just before
/// them. Returns false when the span is no name at all.
/// - A word opening the sentence before a name is not part of it (« Prénommée Agnès »); when it
///   tells where someone lives or comes from, the name is a place (« Habitant Bréval »).
/// - A pronoun, a reporting verb or an elided word after a name ends it ("Conseil rappelle",
///   « le Sénat y », « Paul Morel m' »).
/// - A lone unknown "person" where someone comes from (« qui vient de Vernay », « originaire de
///   Bréval ») or opening a sentence after « À » with a comma after it (« À Vernay, … ») is a
///   place.
fn reread(text: &str, m: &mut Candidate) -> bool {
    if m.label == Label::Date {
        return true;
    }
    let span = text.get(m.start..m.end).unwrap_or("");
    let ws = words(span);
    // Leading opener.
    if ws.len() >= 2 {
        let first = fold_str(ws[0].1);
        // A capitalised « Selon » is an opener wherever it is.
        if (opens_sentence(text, m.start) || first == "selon")
            && OPENERS_BEFORE_A_NAME.contains(&first.as_str())
            && !GAZ.first_names.contains(first.as_str())
        {
            m.start += ws[1].0;
            if FROM_A_PLACE.contains(&first.as_str()) && ws.len() == 2 {
                m.label = Label::Loc;
            }
            return reread(text, m);
        }
    }
    // Trailing pronoun, verb or elided word.
    if let Some(&(_, last)) = ws.last().filter(|_| ws.len() >= 2) {
        let folded = fold_str(last);
        let lower = last.chars().next().is_some_and(char::is_lowercase);
        if lower
            && (matches!(folded.as_str(), "y" | "en")
                || last.ends_with(['\'', '’'])
                // A finite form: participles ("accusé", "abondant") end names too.
                || GAZ.speech_fr.contains(folded.as_str()) && !last.ends_with(['é', 's', 't']) && !last.ends_with("ée"))
        {
            m.end = m.start + ws[ws.len() - 2].0 + ws[ws.len() - 2].1.len();
            return reread(text, m);
        }
    }
    if m.label == Label::Per
        && let Some(label) = named_after_its_kind(text, m.start, ws.first().map_or("", |w| w.1))
    {
        m.label = label;
        return true;
    }
    if m.label == Label::Per && ws.len() == 1 {
        let folded = fold_str(span);
        let before = text.get(..m.start).unwrap_or("");
        let prev: Vec<&str> = before.split_whitespace().rev().take(2).collect();
        let after_from = match prev.as_slice() {
            [de, from, ..] if matches!(*de, "de" | "du") => FROM_A_PLACE.contains(&fold_str(from).as_str()),
            _ => false,
        } || before.ends_with(['\'', '’']) && {
            let w = before.trim_end_matches(['\'', '’']);
            let w = w.strip_suffix(['d', 'D']).unwrap_or("x").split_whitespace().next_back().unwrap_or("");
            FROM_A_PLACE.contains(&fold_str(w).as_str())
        };
        let trimmed = before.trim_end();
        let a_town_opening = ["À ", "A "]
            .iter()
            .any(|a| before.ends_with(a) && opens_sentence(text, trimmed.len() - a.trim_end().len()))
            && text.get(m.end..).is_some_and(|t| t.starts_with(','));
        // The scan of the whole text for the surname comes last: it is the costly test.
        if (after_from || a_town_opening)
            && !GAZ.first_names.contains(folded.as_str())
            && !surname_in_text(text, span)
        {
            m.label = Label::Loc;
        }
    }
    !text.get(m.start..m.end).unwrap_or("").trim().is_empty()
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

    #[test]
    fn a_listed_town_is_no_person() {
        let text = "Des barrages à Quimperlé et à Jordan.";
        let cands = vec![
            span(text, "Quimperlé", Label::Loc, Origin::Gazetteer, 0.9),
            span(text, "Quimperlé", Label::Per, Origin::Model, 0.6),
            span(text, "Jordan", Label::Loc, Origin::Gazetteer, 0.9),
            span(text, "Jordan", Label::Per, Origin::Model, 0.6),
        ];
        let merged = merge(text, cands);
        let label_of = |w: &str| merged.iter().find(|c| text.get(c.start..c.end) == Some(w)).map(|c| c.label);
        assert_eq!(label_of("Quimperlé"), Some(Label::Loc));
        assert_eq!(label_of("Jordan"), Some(Label::Per), "not a French town: the tagger decides");
    }

    fn reread_one(text: &str, words: &str, label: Label) -> (String, Label) {
        let mut c = span(text, words, label, Origin::Model, 0.6);
        assert!(reread(text, &mut c));
        (text.get(c.start..c.end).unwrap_or("").to_string(), c.label)
    }

    #[test]
    fn words_around_a_taggers_name_are_read_again() {
        let text = "Julien, qui vient de Vernay, attend. À Lormont, la foule grossit. Prénommée Agnès, \
                    elle vote. Habitant Bréval depuis peu, il roule. Le Conseil rappelle la règle. \
                    Plus loin, Selon Radio Vernon, tout va bien. Ce choix vient de Morel, dit Paul Morel.";
        assert_eq!(reread_one(text, "Vernay", Label::Per), ("Vernay".into(), Label::Loc));
        assert_eq!(reread_one(text, "Lormont", Label::Per), ("Lormont".into(), Label::Loc));
        assert_eq!(reread_one(text, "Prénommée Agnès", Label::Per), ("Agnès".into(), Label::Per));
        assert_eq!(reread_one(text, "Habitant Bréval", Label::Per), ("Bréval".into(), Label::Loc));
        assert_eq!(reread_one(text, "Conseil rappelle", Label::Org), ("Conseil".into(), Label::Org));
        assert_eq!(reread_one(text, "Selon Radio Vernon", Label::Per), ("Radio Vernon".into(), Label::Per));
        // The surname of someone the text names in full stays a person.
        assert_eq!(reread_one(text, "Morel", Label::Per), ("Morel".into(), Label::Per));
        assert_eq!(reread_one(text, "Julien", Label::Per), ("Julien".into(), Label::Per));
        let text = "Le lycée Jean Vautrin ferme, le centre commercial Grand Lac aussi, comme le \
                    supermarché Dumont et l'aéroport Paul Vernet, mais le groupe Paul Morel reste.";
        assert_eq!(reread_one(text, "Jean Vautrin", Label::Per), ("Jean Vautrin".into(), Label::Org));
        assert_eq!(reread_one(text, "Grand Lac", Label::Per), ("Grand Lac".into(), Label::Loc));
        assert_eq!(reread_one(text, "Dumont", Label::Per), ("Dumont".into(), Label::Org));
        assert_eq!(reread_one(text, "Paul Vernet", Label::Per), ("Paul Vernet".into(), Label::Loc));
        assert_eq!(reread_one(text, "Paul Morel", Label::Per), ("Paul Morel".into(), Label::Per));
    }
}
