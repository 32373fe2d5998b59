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

/// Function words that open a sentence before a name the tagger took them into ("Si X a …",
/// "Quand X écrit", "Seul X a …") (folded).
const FUNCTION_OPENERS: [&str; 18] = [
    "si", "quand", "lorsque", "seul", "seule", "mais", "pour", "avec", "sans", "depuis", "contre", "chez",
    "ainsi", "pourtant", "alors", "donc", "comment", "pourquoi",
];

/// Whether byte `at` opens a headline after a label and a dash or a colon ("» LIRE AUSSI -
/// Comment X veut …").
fn opens_headline(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("").trim_end_matches([' ', '\u{a0}']);
    before.ends_with(['-', '–', '—', ':']) && text.get(..at).is_some_and(|b| b.ends_with([' ', '\u{a0}']))
}

/// Whether the span `start..end`, written in capitals, is the name in a photo credit: capitals
/// up to a slash and an agency ("GEOFFROY VAN DER HASSELT/AFP"), or after « Crédits photo : ».
fn photo_credit(text: &str, start: usize, end: usize) -> bool {
    let span = text.get(start..end).unwrap_or("");
    let capitals = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars().all(|c| c.is_uppercase() || c == '-' || c == '\'')
    };
    if !span.split_whitespace().all(capitals) {
        return false;
    }
    let before = text.get(..start).unwrap_or("").trim_end();
    if before.ends_with("Crédits photo :") || before.ends_with("Crédit photo :") {
        return true;
    }
    // A given name and a surname at least, counting the words in capitals before the span
    // ("GEOFFROY VAN DER [HASSELT]/AFP"): "RTL/Le Figaro/LCI", "AC/DC" are no credit.
    let mut words = span.split_whitespace().count()
        + text
            .get(..start)
            .unwrap_or("")
            .rsplit(' ')
            .skip(1)
            .take_while(|w| !w.contains('\n') && capitals(w))
            .count();
    let mut rest = text.get(end..).unwrap_or("");
    loop {
        if let Some(agency) = rest.strip_prefix('/') {
            return words >= 2 && agency.chars().next().is_some_and(char::is_uppercase);
        }
        let Some(r) = rest.strip_prefix(' ') else { return false };
        let word = r.split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("");
        if !capitals(word) {
            return false;
        }
        words += 1;
        rest = r.get(word.len()..).unwrap_or("");
    }
}

/// Points of the compass closing a place's name ("sortie Vierzon Est", « Avignon Sud »).
const COMPASS_POINTS: [&str; 4] = ["Nord", "Sud", "Est", "Ouest"];

/// Words after which a capitalised one is no name but a word the sentence opens with: what
/// follows a comma after it (« Employée, elle a … », « Remonté, le manifestant … ») (folded).
const AFTER_AN_OPENING_WORD: [&str; 18] = [
    "il", "elle", "ils", "elles", "on", "je", "nous", "vous", "le", "la", "les", "l'", "l’", "qu'", "qu’",
    "c'", "c’", "ce",
];

/// Whether the one-word span `word` at `start..end` is a capitalised common word opening its
/// sentence, not a name: an adverb (« Finalement, »), an imperative with its pronoun
/// (« Rappelez-vous »), or a word the text writes nowhere but at the head of a sentence followed
/// by a comma and a pronoun or an article (« Employée, elle a rejoint … », also where the page
/// prints the paragraph twice). A given name never is.
fn opening_common_word(text: &str, start: usize, end: usize, word: &str) -> bool {
    if !opens_sentence(text, start) || GAZ.first_names.contains(fold_str(word).as_str()) {
        return false;
    }
    // Written nowhere but at the head of a sentence (a page may print a paragraph twice).
    let whole_word = |i: usize| {
        !text.get(..i).unwrap_or("").chars().next_back().is_some_and(char::is_alphanumeric)
            && !text.get(i + word.len()..).unwrap_or("").chars().next().is_some_and(char::is_alphanumeric)
    };
    if !text.match_indices(word).filter(|&(i, _)| whole_word(i)).all(|(i, _)| opens_sentence(text, i)) {
        return false;
    }
    let folded = fold_str(word);
    if folded.len() > 6 && folded.ends_with("ment") && word.chars().all(char::is_alphabetic) {
        return true;
    }
    if ["-vous", "-nous", "-toi", "-moi"].iter().any(|p| folded.ends_with(p)) {
        return true;
    }
    let Some(rest) = text.get(end..).and_then(|t| t.strip_prefix(", ")) else {
        return false;
    };
    let next = rest.split_whitespace().next().unwrap_or("");
    // « qu'il » → « qu' ».
    let next = match next.char_indices().find(|&(_, c)| matches!(c, '\'' | '’')) {
        Some((i, c)) => next.get(..i + c.len_utf8()).unwrap_or(next),
        None => next,
    };
    let next = fold_str(next);
    AFTER_AN_OPENING_WORD.contains(&next.as_str())
}

/// Whether the one-word span `word` at `start..end` is the capitalised first word of a common
/// phrase the text also writes in lower case ("des Gilets jaunes" beside "les gilets", « la Taxe
/// intérieure » beside « une taxe », "le Black block"): the next word is in lower case and the
/// word is no listed name, given name, nationality, point of the compass or surname of someone
/// the text names.
fn capitalised_common_word(text: &str, start: usize, end: usize, word: &str) -> bool {
    let next_lower = text
        .get(end..)
        .and_then(|t| t.strip_prefix(' '))
        .and_then(|t| t.chars().next())
        .is_some_and(char::is_lowercase);
    let mut chars = word.chars();
    let Some(first) = chars.next().filter(|c| c.is_uppercase()) else {
        return false;
    };
    if !next_lower || word.contains(['-', '\'', '’', '.']) || chars.clone().any(|c| !c.is_lowercase()) {
        return false;
    }
    let folded = fold_str(word);
    if GAZ.first_names.contains(folded.as_str())
        || GAZ.demonyms.contains_key(folded.as_str())
        || COMPASS_POINTS.contains(&word)
        || GAZ.acronyms.contains_key(word)
        || GAZ.phrases.contains_key(&super::gazetteer::phrase_key(word, &GAZ.abbreviations))
        || is_town(word)
    {
        return false;
    }
    let lower: String = first.to_lowercase().chain(chars).collect();
    // A word of its own, not part of a compound or an address ("huaral.org").
    let before_ok =
        |t: &str| !t.chars().next_back().is_some_and(|c| c.is_alphanumeric() || "-./@".contains(c));
    let after_ok = |t: &str| {
        let mut cs = t.chars();
        match cs.next() {
            Some(c) if c.is_alphanumeric() || "-/@".contains(c) => false,
            Some('.') => !cs.next().is_some_and(char::is_alphanumeric),
            _ => true,
        }
    };
    let written_lower = text.match_indices(lower.as_str()).any(|(i, _)| {
        before_ok(text.get(..i).unwrap_or("")) && after_ok(text.get(i + lower.len()..).unwrap_or(""))
    });
    written_lower && start < end && !surname_in_text(text, word) && !after_a_name(text, word)
}

/// Whether `word` follows, somewhere in the text, a capitalised word that is no function word:
/// the last word of a name ("Dai Young" beside "a young man"), not a phrase opening a sentence
/// (« Des Gilets jaunes »).
fn after_a_name(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let Some(before) = text.get(..i).and_then(|t| t.strip_suffix(' ')) else {
            return false;
        };
        let prev = before.rsplit(char::is_whitespace).next().unwrap_or("");
        prev.chars().next().is_some_and(char::is_uppercase)
            && prev.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
            // An initial or an abbreviation ("J.", "Mr."), not the end of a sentence.
            && (!prev.ends_with('.') || prev.chars().count() <= 3)
            && !GAZ.is_stop(&fold_str(prev))
    })
}

/// Whether the name at byte `start` follows the word of a publisher (« (éd. Perrin) », « aux
/// éditions Pierre Morel », « (éd. L'Artilleur) »): the publishing house, an organisation.
fn after_publisher_word(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let before = ["L'", "L’", "l'", "l’", "Le ", "La ", "Les "]
        .iter()
        .find_map(|a| before.strip_suffix(a))
        .unwrap_or(before);
    let Some(before) = before.strip_suffix(' ') else {
        return false;
    };
    let prev = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    matches!(fold_str(prev).as_str(), "ed." | "editions" | "edition")
}

/// Plural nouns of inhabitants ("les Savoyards", « aux Français »): endings (folded).
const INHABITANTS_ENDINGS: [&str; 9] =
    ["ais", "ois", "aises", "oises", "ains", "aines", "iens", "iennes", "ards"];

/// Whether the one-word span at `start` is the name of a people or of inhabitants after a
/// plural determiner (« les Savoyards », « 90 % des Français »): a group, not a person or a
/// place.
fn inhabitants_after_plural(text: &str, start: usize, word: &str) -> bool {
    let before = text.get(..start).unwrap_or("");
    if !before.ends_with(' ') {
        return false;
    }
    let prev = before.split_whitespace().next_back().map(fold_str).unwrap_or_default();
    if !matches!(prev.as_str(), "les" | "des" | "aux" | "ces" | "deux" | "nos" | "vos" | "leurs") {
        return false;
    }
    let folded = fold_str(word);
    GAZ.demonyms.contains_key(folded.as_str())
        || INHABITANTS_ENDINGS.iter().any(|e| folded.len() > e.len() + 2 && folded.ends_with(e))
}

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
const BODY_KINDS: [&str; 28] = [
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
    "media",
    "site",
    "assureur",
    "assureur-credit",
    "studio",
    "editeur",
    "operateur",
    "fabricant",
    "equipementier",
    "laboratoire",
    "syndicat",
];

/// Schools and places named after someone as often as not ("le lycée Jean-Marc Morel",
/// "l'aéroport Paul Vernet", "la passerelle Jean Morel"): the name is the school (an
/// organisation) or the place.
const SCHOOLS: [&str; 4] = ["lycee", "college", "universite", "ecole"];
/// ("station" is left out: in English it is a broadcaster.)
const FACILITIES: [&str; 11] = [
    "aeroport",
    "gare",
    "stade",
    "hopital",
    "clinique",
    "passerelle",
    "rond-point",
    "commercial",
    "theatre",
    "salle",
    "musee",
];

/// The label of a name that follows the common noun of its kind (see `BODY_KINDS`, `SCHOOLS`,
/// `FACILITIES`) right before byte `start`; "commercial" only after "centre".
fn named_after_its_kind(text: &str, start: usize, first_word: &str) -> Option<Label> {
    let before = text.get(..start)?;
    if !before.ends_with(' ') {
        return None;
    }
    let mut prev = before.split_whitespace().rev();
    // "l'aéroport" → "aéroport".
    let mut whole = prev.next()?;
    let mut word = whole.rsplit(['\'', '’']).next()?;
    if !word.chars().next().is_some_and(char::is_lowercase) {
        return None;
    }
    let given_name = GAZ.first_names.contains(fold_str(first_word.split('-').next().unwrap_or("")).as_str());
    // A nationality between the kind and the name ("le média américain X"). (Not a nationality
    // alone: « le suédois Stefan Edberg » is a person in much writing.)
    if GAZ.demonyms.contains_key(fold_str(word).as_str()) {
        whole = prev.next()?;
        word = whole.rsplit(['\'', '’']).next()?;
    }
    let kind = fold_str(word);
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
    if ws.len() >= 2 {
        let first = fold_str(ws[0].1);
        // « Si X a … », « Quand X écrit … ».
        if m.label != Label::Misc
            && (opens_sentence(text, m.start) || opens_headline(text, m.start))
            && FUNCTION_OPENERS.contains(&first.as_str())
            && !GAZ.first_names.contains(first.as_str())
        {
            m.start += ws[1].0;
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
    if photo_credit(text, m.start, m.end) {
        return false;
    }
    if m.label != Label::Org && after_publisher_word(text, m.start) {
        m.label = Label::Org;
        return true;
    }
    // « Avignon Sud », "la sortie Vierzon Est": no one's name ends with a point of the compass.
    if m.label == Label::Per && ws.len() >= 2 && ws.last().is_some_and(|w| COMPASS_POINTS.contains(&w.1)) {
        m.label = Label::Loc;
        return true;
    }
    if m.label == Label::Per && ws.len() == 1 && opening_common_word(text, m.start, m.end, span) {
        return false;
    }
    if matches!(m.label, Label::Per | Label::Loc) && ws.len() == 1 {
        if capitalised_common_word(text, m.start, m.end, span) {
            return false;
        }
        if inhabitants_after_plural(text, m.start, span) {
            m.label = Label::Misc;
            return true;
        }
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

    #[test]
    fn businesses_after_their_kind_and_a_nationality_are_organisations() {
        let text = "Le média américain Vorlax publie, le studio français Kermadec aussi. Le réseau \
                    appartient au suédois Tordesa. Le syndicat Vigilance proteste au théâtre \
                    Mervan, comme l'écrivain américain Paul Morel.";
        assert_eq!(reread_one(text, "Vorlax", Label::Per), ("Vorlax".into(), Label::Org));
        assert_eq!(reread_one(text, "Kermadec", Label::Per), ("Kermadec".into(), Label::Org));
        // A nationality alone may stand for a person.
        assert_eq!(reread_one(text, "Tordesa", Label::Per), ("Tordesa".into(), Label::Per));
        assert_eq!(reread_one(text, "Vigilance", Label::Per), ("Vigilance".into(), Label::Org));
        assert_eq!(reread_one(text, "Mervan", Label::Per), ("Mervan".into(), Label::Loc));
        // Not a kind of business: the writer stays a person.
        assert_eq!(reread_one(text, "Paul Morel", Label::Per), ("Paul Morel".into(), Label::Per));
    }

    #[test]
    fn the_capitalised_head_of_a_common_phrase_is_no_name() {
        let text = "Des Gilets jaunes bloquent la route; les gilets sont partout. La Taxe intérieure \
                    monte, la taxe aussi. Paul Morel parle à Morel et Vernay hier. Tours sont là, \
                    à Tours rien.";
        let dropped = |w: &str, label: Label| {
            let mut c = span(text, w, label, Origin::Model, 0.6);
            !reread(text, &mut c)
        };
        assert!(dropped("Gilets", Label::Loc));
        assert!(dropped("Taxe", Label::Per));
        // A surname of someone named, an unknown word, a listed town: names.
        assert!(!dropped("Morel", Label::Per));
        assert!(!dropped("Vernay", Label::Loc));
        // The last word of a name the text gives in full, however common the word.
        let text = "Coach Dai Tenby praised a tenby man. Tenby told us he was happy.";
        let mut c = span(text, "Tenby told", Label::Per, Origin::Model, 0.6);
        c.end = c.start + "Tenby".len();
        assert!(reread(text, &mut c));
    }

    #[test]
    fn a_publisher_is_an_organisation() {
        let text = "Son essai (éd. Vorlange, 2018) et son roman (éd. L'Estuaire) paraissent aux \
                    éditions Paul Morel, comme le dit Paul Morel.";
        assert_eq!(reread_one(text, "Vorlange", Label::Loc), ("Vorlange".into(), Label::Org));
        assert_eq!(reread_one(text, "Estuaire", Label::Loc), ("Estuaire".into(), Label::Org));
        assert_eq!(reread_one(text, "Paul Morel", Label::Per), ("Paul Morel".into(), Label::Org));
        let mut c = span(text, "Paul Morel.", Label::Per, Origin::Model, 0.6);
        c.end -= 1;
        assert!(reread(text, &mut c));
        assert_eq!(c.label, Label::Per);
    }

    #[test]
    fn function_words_opening_a_sentence_are_no_part_of_a_name() {
        let text = "Il pleut. Si Morel a dit oui, tout va. Quand Morel écrit, il rit. Seul Vernet reste.";
        assert_eq!(reread_one(text, "Si Morel", Label::Per), ("Morel".into(), Label::Per));
        assert_eq!(reread_one(text, "Quand Morel", Label::Per), ("Morel".into(), Label::Per));
        assert_eq!(reread_one(text, "Seul Vernet", Label::Per), ("Vernet".into(), Label::Per));
        let text = "Le budget.\n» LIRE AUSSI - Comment Vernet veut baisser l'impôt";
        assert_eq!(reread_one(text, "Comment Vernet", Label::Per), ("Vernet".into(), Label::Per));
    }

    #[test]
    fn a_photo_credit_is_no_name_of_the_story() {
        let text = "La foule. PAUL VAN DER MOREL/AFP\nLe cortège. Crédits photo : JEAN VERNET\nLe \
                    député JEAN MORIN parle à l'AFP.";
        for w in ["PAUL", "VAN", "MOREL", "JEAN VERNET"] {
            // (Each word alone, as the tagger reads some credits.)
            let mut c = span(text, w, Label::Misc, Origin::Model, 0.6);
            assert!(!reread(text, &mut c), "{w}");
        }
        let mut c = span(text, "JEAN MORIN", Label::Per, Origin::Model, 0.6);
        assert!(reread(text, &mut c));
        let text = "Invité du Grand Jury RTL/Le Figaro/LCI, il parle.";
        let mut c = span(text, "RTL", Label::Org, Origin::Model, 0.6);
        assert!(reread(text, &mut c), "one word before a slash is no credit");
    }

    #[test]
    fn capitalised_words_opening_a_sentence_and_places_of_the_compass_are_no_people() {
        let text = "Elle a 40 ans. Employée, elle vote. Finalement, il part. Rappelez-vous cela. \
                    Morel, le maire, parle; Morel reste. Lucie, elle, attend. La sortie Vernay Sud \
                    ferme. Les Savoyards et 90 % des Français râlent, comme les Dupont.";
        let dropped = |w: &str| {
            let mut c = span(text, w, Label::Per, Origin::Model, 0.6);
            !reread(text, &mut c)
        };
        assert!(dropped("Employée"));
        assert!(dropped("Finalement"));
        assert!(dropped("Rappelez-vous"));
        // A surname the text writes again, a given name: names.
        assert!(!dropped("Morel"));
        assert!(!dropped("Lucie"));
        assert_eq!(reread_one(text, "Vernay Sud", Label::Per), ("Vernay Sud".into(), Label::Loc));
        assert_eq!(reread_one(text, "Savoyards", Label::Per), ("Savoyards".into(), Label::Misc));
        assert_eq!(reread_one(text, "Français", Label::Per), ("Français".into(), Label::Misc));
        assert_eq!(reread_one(text, "Dupont", Label::Per), ("Dupont".into(), Label::Per));
    }

    #[test]
    fn an_opening_word_of_a_paragraph_printed_twice_is_no_person() {
        let text = "La réforme devait aider les artisans. Pire, elle les pénalise. \n\
                    La réforme devait aider les artisans. Pire, elle les pénalise. Garnier, le maire, \
                    proteste. Selon Garnier, rien ne change.";
        let dropped = |w: &str| {
            let mut c = span(text, w, Label::Per, Origin::Model, 0.6);
            !reread(text, &mut c)
        };
        assert!(dropped("Pire"));
        // A surname the text also writes inside a sentence stays a name.
        assert!(!dropped("Garnier"));
    }
}
