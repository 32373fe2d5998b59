//! Who a pronoun ("a-t-elle ajouté", "selon lui") or a description ("la chercheuse", "ce
//! dernier") stands for: the nearest person named before it, in the same paragraph or the one
//! before, whose gender does not contradict the pronoun's; nobody when two people fit equally
//! (a wrong speaker is worse than none). Organisations never stand for "il"/"elle" here.

use std::sync::LazyLock;

use super::doc::Doc;
use super::entities::EntityIndex;
use super::gazetteer::GAZ;
use super::roles::RoleMatch;
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
pub(super) fn honorific_gender(folded: &str) -> Gender {
    match folded.trim_end_matches('.') {
        "m" | "mm" | "mr" | "monsieur" | "sir" | "lord" => Gender::Male,
        "mme" | "mmes" | "mlle" | "madame" | "mrs" | "ms" | "miss" | "dame" | "lady" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// A person's gender as the text shows it: the given name, else an honorific before a mention.
/// A name of one word is as often a surname ("Mr Sharon", "Mrs Stewart"): its honorific comes
/// first.
pub fn person_gender(doc: &Doc, e: &Entity) -> Gender {
    let given = given_name_gender(&e.name);
    let one_word = !e.name.contains(char::is_whitespace);
    if given != Gender::Unknown && !one_word {
        return given;
    }
    match honorific_of_mentions(doc, e) {
        // "Dr Stewart", "Sgt Sharon": a surname, of no gender the title tells.
        (Gender::Unknown, true) if one_word => Gender::Unknown,
        (Gender::Unknown, _) => given,
        (g, _) => g,
    }
}

/// The gender of the first gendered honorific written before one of `e`'s mentions, and
/// whether any honorific (also "Dr", "Prof") stands before one.
fn honorific_of_mentions(doc: &Doc, e: &Entity) -> (Gender, bool) {
    let mut any = false;
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
            return (g, true);
        }
        any |= GAZ.honorifics.contains(doc.folded(h));
    }
    (Gender::Unknown, any)
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

/// The gender an English noun of person marks ("spokeswoman", "actress", "wife" → female;
/// "husband" → male); unknown for most ("minister", "spokesperson", "chairman").
pub fn english_noun_gender(folded: &str) -> Gender {
    const FEMALE: [&str; 14] = [
        "wife",
        "mother",
        "daughter",
        "sister",
        "queen",
        "princess",
        "duchess",
        "girl",
        "lady",
        "widow",
        "grandmother",
        "niece",
        "aunt",
        "girlfriend",
    ];
    const MALE: [&str; 14] = [
        "husband",
        "father",
        "son",
        "brother",
        "king",
        "prince",
        "duke",
        "boy",
        "widower",
        "grandfather",
        "nephew",
        "uncle",
        "boyfriend",
        "lord",
    ];
    // "-woman" and "-ess" mark a woman; "-man" does not mark a man ("Mary Smith, the club's
    // chairman").
    let suffixed_female = ["woman", "women", "ess"].iter().any(|e| folded.ends_with(e));
    if FEMALE.contains(&folded) || suffixed_female && !folded.ends_with("ness") {
        Gender::Female
    } else if MALE.contains(&folded) || folded == "man" {
        Gender::Male
    } else {
        Gender::Unknown
    }
}

/// Byte offset where the paragraph before the one holding `pos` starts (blank lines skipped).
pub fn previous_paragraph_start(doc: &Doc, pos: usize) -> usize {
    previous_paragraph_start_from(doc, pos, 0)
}

/// `previous_paragraph_start`, or `floor` when that is further back: the look-back stops at
/// `floor` (many blank or page lines would otherwise be walked for every pronoun).
fn previous_paragraph_start_from(doc: &Doc, pos: usize, floor: usize) -> usize {
    let mut p = doc.line_start(pos);
    // Lines that are no prose of the article (a "» LIRE AUSSI" link, a video's title) do not
    // count as the paragraph before: news pages put them between two paragraphs of one story.
    let mut page_lines = 0;
    while p > floor {
        let prev = doc.line_start(p - 1);
        let line = doc.text.get(prev..p).unwrap_or("").trim();
        if !line.is_empty() {
            if is_page_line(line) && page_lines < 2 {
                page_lines += 1;
            } else {
                return prev.max(floor);
            }
        }
        p = prev;
    }
    floor
}

/// A line a news page adds between paragraphs: a link to another story ("» LIRE AUSSI - …",
/// "À lire aussi"), a video or a photo credit.
fn is_page_line(line: &str) -> bool {
    // A line opening on a closing guillemet or an arrow is a link to another story ("» EN
    // DIRECT - …", "» Suivez notre direct …", "» À VOIR AUSSI - …"): no prose opens so.
    if line.trim_start().strip_prefix(['»', '>']).is_some_and(|rest| rest.starts_with(char::is_whitespace)) {
        return true;
    }
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
    previous_paragraph_start_from(doc, pos, sentences_back(doc, k, MAX_SENTENCES_BACK))
}

/// Byte offset where the sentence `n` sentences before the one holding token `k` starts.
pub fn sentences_back(doc: &Doc, k: usize, n: usize) -> usize {
    let sentence = doc.sent_of.get(k).copied().unwrap_or(0);
    let first_tok = doc.sentences.get(sentence.saturating_sub(n)).map_or(0, |r| r.start);
    doc.tokens.get(first_tok).map_or(0, |t| t.start)
}

/// A name written once and in one word: "Sabrina", "Dupont".
pub fn lone_name(e: &Entity) -> bool {
    !(e.mentions.len() > 1 || e.name.contains(' '))
}

/// Whether a person's name is full enough to stand for a pronoun or a quote's speaker: written
/// more than once, with a given name and a surname, or a listed given name alone (the press
/// names the people it meets in the street so: "Sabrina, 40 ans, …"), not after an honorific or
/// a title, where it is a surname ("Prof Sharon"). A lone other word seen once may be a place or
/// a title the tagger took for a person.
pub fn full_enough(doc: &Doc, e: &Entity) -> bool {
    let surname = |start: usize| {
        let j = doc.tokens.partition_point(|t| t.start < start);
        j > 0 && (GAZ.honorifics.contains(doc.folded(j - 1)) || GAZ.is_title_word(doc.folded(j - 1)))
    };
    !lone_name(e)
        || GAZ.first_names.contains(fold_str(&e.name).as_str())
            && !e.mentions.iter().any(|m| surname(m.start))
}

/// The person a word of gender `gender` stands for, among the people named within the byte
/// `span` before it: the only one whose gender fits, or the nearest when it is the
/// only one whose gender is known to match. Names too thin to trust (a lone one-word name seen
/// once without an honorific, a lone given name of another paragraph) are not candidates.
pub fn resolve_person<'a>(
    doc: &Doc,
    span: std::ops::Range<usize>,
    gender: Gender,
    entities: &EntityIndex<'a>,
) -> Option<&'a Entity> {
    let (from, before) = (span.start, span.end);
    let quoted = quoted_spans(doc, from, before);
    let in_quote = |start: usize| quoted.iter().any(|q| q.contains(&start));
    // (last mention end, entity, gender)
    let mut found: Vec<(usize, &'a Entity, Gender)> = Vec::new();
    for e in entities.entities.iter().filter(|e| e.label == Label::Per) {
        // Someone the quoted words name ("(proches de l'essayiste X, NDLR), analyse-t-il") is
        // spoken of, not the one who speaks.
        let Some(last) = e
            .mentions
            .iter()
            .filter(|m| m.start >= from && m.end <= before && (!in_quote(m.start) || in_incise(doc, m.start)))
            .map(|m| m.end)
            .max()
        else {
            continue;
        };
        let honorific = e.mentions.iter().any(|m| {
            let j = doc.tokens.partition_point(|t| t.start < m.start);
            j > 0 && GAZ.honorifics.contains(doc.folded(j - 1))
        });
        // A lone given name ("Sabrina, 40 ans, …") in the pronoun's own paragraph: the press
        // names so the people it meets, and moves on to others with the next paragraph.
        let same_paragraph = doc.text.get(last..before).is_some_and(|t| !t.contains('\n'));
        if !(e.mentions.len() > 1
            || e.name.contains(' ')
            || honorific
            || full_enough(doc, e) && same_paragraph)
        {
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
    // A lone given name after a verb or a word of its clause ("Le maire a reçu Karim", "la mort
    // de Thomas"), not after a verb of saying: it keeps others from being guessed, it is no
    // guess itself.
    let object = |e: &Entity| {
        lone_name(e)
            && e.mentions.iter().all(|m| {
                let j = doc.tokens.partition_point(|t| t.start < m.start);
                // (Not whom the writer meets: "on croise Sabrina, 40 ans", "nous avons rencontré X".)
                let from = doc.sentence_start(j).unwrap_or(j);
                let met = (from..j).any(|q| matches!(doc.folded(q), "on" | "nous" | "je" | "j'"));
                j > 0
                    && doc.is_word(j - 1)
                    && !doc.cap(j - 1)
                    && !GAZ.is_speech_verb(doc.folded(j - 1))
                    && !met
            })
    };
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
        [(_, e, _, _)] => Some(*e).filter(|e| !object(e)),
        [(_, e, g, _), rest @ ..] => {
            let known = |x: Gender| gender != Gender::Unknown && x == gender;
            (known(*g) && !rest.iter().any(|r| known(r.2))).then_some(*e).filter(|e| !object(e))
        }
    }
}

/// The byte ranges between « and » (or “ and ”) that start in `from..before`; a quotation
/// still open at `before` runs to it.
fn quoted_spans(doc: &Doc, from: usize, before: usize) -> Vec<std::ops::Range<usize>> {
    let first = doc.tokens.partition_point(|t| t.start < from);
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for t in doc.tokens.get(first..).unwrap_or(&[]).iter().take_while(|t| t.start < before) {
        match &doc.text[t.start..t.end] {
            "«" | "“" => open = Some(t.end),
            "»" | "”" => {
                if let Some(o) = open.take() {
                    out.push(o..t.start);
                }
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        out.push(o..before);
    }
    out
}

/// Whether the name at byte `start` follows a speech verb closely: an attribution set inside a
/// quotation (« …, a déclaré la ministre, Jacqueline Gourault. … »), which names the speaker.
fn in_incise(doc: &Doc, start: usize) -> bool {
    let j = doc.tokens.partition_point(|t| t.start < start);
    (j.saturating_sub(14)..j).any(|v| super::quotes::speech_verb_at(doc, v))
}

/// How many tokens into a sentence a leading adverbial may run before its subject.
const SUBJECT_REACH: usize = 24;

/// Words that open an adverbial before a sentence's subject ("Comme X mercredi, Y a dit",
/// "Du côté des syndicats, X s'inquiète", "Lors du débat, X a lancé").
fn opens_adverbial(folded: &str) -> bool {
    matches!(
        folded,
        "comme"
            | "lors"
            | "apres"
            | "avant"
            | "depuis"
            | "pour"
            | "dans"
            | "en"
            | "a"
            | "au"
            | "aux"
            | "du"
            | "de"
            | "sur"
            | "face"
            | "lorsque"
            | "quand"
            | "alors"
            | "pourtant"
            | "mais"
            | "puis"
            | "ensuite"
            | "enfin"
            | "interroge"
            | "interrogee"
            | "invite"
            | "invitee"
            | "questionne"
            | "questionnee"
    )
}

/// Words before a title that still make a person's description ("l'ancien ministre", "le
/// nouveau président", "le premier ministre").
const TITLE_MODIFIERS: [&str; 9] =
    ["ancien", "ancienne", "nouveau", "nouvel", "nouvelle", "premier", "premiere", "actuel", "actuelle"];

/// Whether a (folded) word may stand between a determiner and a title ("l'ancienne ministre").
pub(super) fn is_title_modifier(folded: &str) -> bool {
    TITLE_MODIFIERS.contains(&folded)
}

/// A sentence opening at `p` with a person's title and no name ("Le président du parti",
/// "L'ancienne ministre"): its gender, from the determiner ("le", "la") or else the ending of
/// the word after it ("l'actuel", "l'ancienne").
/// A bare title ("Le ministre a …") is most often the person just named; one with its
/// complement ("Le président du parti") may be someone else.
fn titled_subject(doc: &Doc, p: usize) -> Option<Subject<'static>> {
    titled(doc, p).filter(|s| {
        matches!(s, Subject::Titled { title, .. } if matches!(doc.folded(title + 1), "de" | "du" | "des" | "d'"))
    })
}

/// A sentence framed as the word of someone known by a title ("D'après le ministre, …",
/// "Selon la présidente du parti, …").
fn framing_title(doc: &Doc, start: usize) -> Option<Subject<'static>> {
    match (doc.folded(start), doc.folded(start + 1)) {
        ("selon", _) => titled(doc, start + 1),
        ("d'", "apres") => titled(doc, start + 2),
        _ => None,
    }
}

/// Whether a capitalised word that names no person the recognizers found comes right before a
/// verb of saying in tokens `start..end` ("… Lord Rennard suggested", "… Jean Morel promet").
fn untagged_speaker(doc: &Doc, start: usize, end: usize, entities: &EntityIndex) -> bool {
    (start + 1..end).any(|j| {
        // "X a estimé", "X has said": the auxiliary between.
        let name = if j > start + 1 && matches!(doc.folded(j - 1), "a" | "avait" | "has" | "had") {
            j - 2
        } else {
            j - 1
        };
        // A capitalised article inside a name ("Marine Le Pen") is no article.
        let article = |i: usize| doc.is_determiner(i) && !(doc.cap(i) && i > start && doc.cap(i - 1));
        GAZ.is_speech_verb(doc.folded(j))
            && !doc.cap(j)
            && name > start
            && doc.cap(name)
            && doc.is_word(name)
            // Not a noun after an article or a preposition ("le chef de l'État promet").
            && !(article(name - 1) || matches!(doc.folded(name - 1), "de" | "d'" | "of"))
            && doc
                .tokens
                .get(name)
                .is_some_and(|t| entities.ending_at(t.end).is_none_or(|e| e.label != Label::Per))
    })
}

/// A sentence from token `start` (before `end`) framed as the word of a person named right
/// after "Selon" or "D'après" and followed by a comma ("Selon Paul Morel, …").
fn framing_name<'a>(doc: &Doc, start: usize, end: usize, entities: &EntityIndex<'a>) -> Option<&'a Entity> {
    let name = match (doc.folded(start), doc.folded(start + 1)) {
        ("selon", _) => start + 1,
        ("d'", "apres") => start + 2,
        _ => return None,
    };
    let (e, name_end) = doc.tokens.get(name).and_then(|t| entities.starting_at(t.start))?;
    let after = doc.tokens.partition_point(|t| t.start < name_end);
    (e.label == Label::Per && after < end && doc.tok(after) == ",").then_some(e)
}

/// A person's title after the determiner at `p` ("le président", "l'ancienne ministre"),
/// with the gender the words mark.
pub(super) fn titled(doc: &Doc, p: usize) -> Option<Subject<'static>> {
    if !doc.is_determiner(p) || matches!(doc.folded(p), "un" | "une" | "des" | "les") {
        return None;
    }
    let title = if TITLE_MODIFIERS.contains(&doc.folded(p + 1)) { p + 2 } else { p + 1 };
    if !GAZ.titles.contains(doc.folded(title)) {
        return None;
    }
    let gender = match word_gender(doc.folded(p)) {
        Gender::Unknown => noun_gender(doc.folded(p + 1)),
        g => g,
    };
    Some(Subject::Titled { gender, title })
}

/// What a sentence opens with as its subject.
pub enum Subject<'a> {
    Person(&'a Entity),
    /// "Il", "Elle": someone named further back.
    Pronoun(Gender),
    /// "Le porte-parole de X": a person known by a title that names someone else.
    Described,
    /// "Le président du parti": a person known by a title alone, of the gender its words mark;
    /// `title` is the title word's token.
    Titled {
        gender: Gender,
        title: usize,
    },
    Other,
}

/// French auxiliaries and modals as written (lower case, accents kept: "à" is no verb): a
/// title's complement never runs through them.
const FINITE_AUX: [&str; 14] = [
    "a", "avait", "ont", "avaient", "est", "était", "sont", "va", "doit", "veut", "peut", "aura", "sera",
    "s'est",
];

/// The subject a sentence opens with, in tokens `from..to`: a name or a personal pronoun at
/// its start (after "Mais", "Puis"), or right after a leading adverbial and its comma ("Comme
/// X mardi, Y a réaffirmé"); not two people ("X et Y ont dit").
pub fn sentence_subject<'a>(doc: &Doc, from: usize, to: usize, entities: &EntityIndex<'a>) -> Subject<'a> {
    let person_at = |q: usize| {
        doc.tokens
            .get(q)
            .and_then(|t| entities.starting_at(t.start))
            .is_some_and(|(e, _)| e.label == Label::Per)
    };
    let subject_at = |p: usize| {
        if p >= to {
            return Subject::Other;
        }
        if matches!(doc.folded(p), "il" | "elle") {
            return Subject::Pronoun(word_gender(doc.folded(p)));
        }
        // "Lui était déjà venu …": the stressed pronoun opening the sentence is its subject
        // (further in, "lui" is an object: "Elle lui a dit").
        if p == from && doc.folded(p) == "lui" && doc.cap(p) && doc.lang == Lang::Fr {
            return Subject::Pronoun(Gender::Male);
        }
        // A title opening the sentence: "Le sénateur Paul Morel a …" is Paul Morel; in "Le
        // porte-parole de Jean Dupont a …" the name completes the title, whose holder is not named.
        let mut p = p;
        // "Mr Galloway said …", "Mme Morin a …": an honorific the name was tagged without.
        if GAZ.honorifics.contains(doc.folded(p)) && person_at(p + 1) {
            p += 1;
        }
        // "Shadow chancellor Oliver Letwin said …", "Fellow Tory David X said …".
        // (Not through a verb: "Police arrested Labour MP X" names the object.)
        if let Some(q) = super::quotes::english_title_run(doc, p, entities)
            && (p..q).all(|j| !doc.folded(j).ends_with("ed"))
        {
            p = q;
        }
        // ("Son ami Valentin a envie de débattre": a noun of kinship or friendship likewise.)
        // (A kin noun only after a possessive, the name right after it: "Une femme interpelle X",
        // "Sa mère raconte X" have X for object.)
        let kin = !GAZ.titles.contains(doc.folded(p + 1))
            && super::roles::is_kin_noun(doc.folded(p + 1), doc.lang)
            && matches!(doc.folded(p), "son" | "sa" | "ses" | "leur" | "leurs" | "his" | "her" | "their");
        if doc.is_determiner(p) && (GAZ.titles.contains(doc.folded(p + 1)) || kin) {
            // ("La députée a interpellé X": the name after a verb is its object.)
            let name = (p + 2..to.min(p + 8))
                .take_while(|&q| {
                    (doc.is_word(q) || doc.elision(q).is_some()) && !FINITE_AUX.contains(&doc.tok(q))
                })
                .find(|&q| person_at(q));
            match name {
                Some(q) if matches!(doc.folded(q - 1), "de" | "du" | "des" | "d'") => {
                    return Subject::Described;
                }
                Some(q) if kin && q != p + 2 && !(q == p + 3 && doc.tok(p + 2) == ",") => {}
                Some(q) => p = q,
                None => {}
            }
        }
        let Some((e, end)) = doc.tokens.get(p).and_then(|t| entities.starting_at(t.start)) else {
            return Subject::Other;
        };
        let after = doc.tokens.partition_point(|t| t.start < end);
        // "Mr Blair's government was …": the name owns the subject, it is not the subject.
        if doc.text.get(end..).is_some_and(|rest| rest.starts_with("'s") || rest.starts_with("’s")) {
            return Subject::Other;
        }
        // "… avec le premier ministre, Édouard Philippe.": a name closing the sentence after a
        // comma is in apposition to a complement, no subject.
        let closes_sentence = matches!(doc.tok(after), "." | "!" | "?");
        if p > from && doc.tok(p - 1) == "," && closes_sentence {
            return Subject::Other;
        }
        if e.label == Label::Per && !matches!(doc.folded(after), "et" | "ou" | "and" | "or") {
            Subject::Person(e)
        } else {
            Subject::Other
        }
    };
    let mut p = from;
    let conjunction = match doc.lang {
        Lang::En => matches!(doc.folded(p), "but" | "and" | "yet"),
        _ => matches!(doc.folded(p), "mais" | "et" | "puis" | "ensuite" | "enfin" | "or"),
    };
    if conjunction && doc.tok(p + 1) != "," {
        p += 1;
    }
    match subject_at(p) {
        Subject::Other => {
            // An adverbial ("Comme X mardi,") or an apposition naming nobody ("Membre du
            // groupe, qui rassemble …, X"): the subject after one of its commas.
            let adverbial = opens_adverbial(doc.folded(from));
            let names_nobody = |comma: usize| {
                let (Some(a), Some(b)) = (doc.tokens.get(from), doc.tokens.get(comma)) else { return false };
                entities.last_person_between(a.start, b.start, |_, _| true).is_none()
            };
            let after_comma = (from + 1..to.min(from + SUBJECT_REACH))
                .filter(|&j| doc.tok(j) == ",")
                .take_while(|&comma| adverbial || names_nobody(comma))
                .map(|comma| subject_at(comma + 1))
                .find(|s| !matches!(s, Subject::Other));
            // "Indépendant depuis 2007, le maire de New York prend …": a title after the
            // leading words, when no name follows a later comma ("le maire, sans étiquette, X").
            let titled_after_comma = || {
                (from + 1..to.min(from + SUBJECT_REACH))
                    .filter(|&j| doc.tok(j) == ",")
                    .take_while(|&comma| adverbial || names_nobody(comma))
                    .find_map(|comma| titled_subject(doc, comma + 1))
            };
            after_comma
                .or_else(|| titled_subject(doc, p))
                .or_else(titled_after_comma)
                .unwrap_or(Subject::Other)
        }
        found => found,
    }
}

/// The person a pronoun before token `open` stands for by being the subject the text is
/// about: the subject of the quote's sentence before it, else of the sentences before (within
/// the look-back of `reach_start`) while they name nobody else ("X s'inquiète des suites. « … »,
/// estime-t-il"). A sentence whose subject is a pronoun of the same gender carries the same
/// person: the look-back goes on past it, and the people it names otherwise are not candidates
/// ("X répond. Il veille à ne pas citer Y. « … », se défend-il" → X). `Some(None)` when such a
/// chain finds no named subject; `None` when the text shows no subject to follow (or one of the
/// other gender).
pub fn subject_person<'a>(
    doc: &Doc,
    open: usize,
    gender: Gender,
    entities: &EntityIndex<'a>,
    roles: &[RoleMatch],
) -> Option<Option<&'a Entity>> {
    // A title whose holder the roles name: that person, when their gender fits the pronoun.
    let holder = |title: usize| role_holder_at(doc, role_start(doc, title), roles, entities);
    let titled_holder = |title: usize| holder(title).filter(|e| person_gender(doc, e).fits(gender));
    let reach = reach_start(doc, open);
    let own = doc.sent_of.get(open).copied()?;
    let mut chain = false;
    let give_up = |chain: bool| chain.then_some(None);
    for back in 0..=MAX_SENTENCES_BACK {
        let Some(range) = own.checked_sub(back).and_then(|i| doc.sentences.get(i)) else {
            return give_up(chain);
        };
        let end = if back == 0 { open } else { range.end };
        if end <= range.start {
            continue;
        }
        if doc.tokens.get(range.start).is_none_or(|t| t.start < reach) {
            return give_up(chain);
        }
        // "D'après le ministre, … . « … », a-t-il précisé": the minister, whom the look-back
        // can name only when the text gives someone that title.
        if back > 0
            && let Some(Subject::Titled { gender: g, title }) = framing_title(doc, range.start)
            && g.fits(gender)
            && !super::quotes::title_given(doc, title, range.start, entities)
        {
            return Some(titled_holder(title));
        }
        // "Selon X, les ventes ont chuté de 20 %. « … », a-t-il ajouté": the person the
        // sentence before is the word of.
        if back > 0
            && let Some(e) = framing_name(doc, range.start, end, entities)
        {
            let sentence_from = doc.tokens.get(range.start).map_or(reach, |t| t.start);
            let fits = trusted_subject(doc, e, end, sentence_from, gender, entities);
            return if fits { Some(Some(e)) } else { give_up(chain) };
        }
        // "« … », explique Adel. Lui était déjà venu …": the speaker the incise names is whom
        // the sentence is about.
        let subject = match super::quotes::incise_person(doc, range.start, end, entities) {
            Some(e) if back > 0 => Subject::Person(e),
            _ => sentence_subject(doc, range.start, end, entities),
        };
        // "Liberal Democrat chief executive Lord Rennard suggested …": someone whose name no
        // recognizer tagged speaks in the quote's sentence or one between; the look-back cannot
        // go past them.
        if matches!(subject, Subject::Other) && untagged_speaker(doc, range.start, end, entities) {
            return give_up(chain);
        }
        match subject {
            Subject::Person(e) => {
                // The subject's mention in this sentence, not an earlier one in the look-back.
                let sentence_from = doc.tokens.get(range.start).map_or(reach, |t| t.start);
                // (A lone given name only within the pronoun's paragraph.)
                let lone = lone_name(e);
                let crosses = (range.start + 1..=open).any(|j| doc.newline_before(j));
                let fits =
                    trusted_subject(doc, e, end, sentence_from, gender, entities) && !(lone && crosses);
                return if fits { Some(Some(e)) } else { give_up(chain) };
            }
            // The quote's own sentence opening with a pronoun: that is the pronoun resolved.
            Subject::Pronoun(_) if back == 0 => {}
            Subject::Pronoun(g) if g == gender => {
                chain = true;
                continue;
            }
            Subject::Pronoun(_) => return give_up(chain),
            // "Le porte-parole de X a critiqué …. « … », a-t-il dit": the unnamed spokesman,
            // not X; no guess.
            Subject::Described if back > 0 => return Some(None),
            // "Le président du parti nie toute rivalité avec X. « … », a-t-il dit": a title
            // the text gives no one named is someone the look-back cannot name (X is not the
            // president); no guess.
            Subject::Titled { gender: g, title }
                if back > 0
                    && g.fits(gender)
                    && !super::quotes::title_given(doc, title, range.start, entities) =>
            {
                return Some(titled_holder(title));
            }
            // "Bernard Cazeneuve, ancien premier ministre … L'ancien premier ministre s'en prend
            // au pouvoir d'Emmanuel Macron. « … », dit-il": the one person whose role the
            // subject writes out, when the sentence names others only after "de" (not "…,
            // selon André Bourlard", whose word the sentence is).
            Subject::Titled { gender: g, title }
                if back > 0
                    && g.fits(gender)
                    && let Some(holder) = titled_holder(title)
                    && only_complements_besides(doc, holder, range.start, end, entities) =>
            {
                return Some(Some(holder));
            }
            // "Le ministre de l'Économie X a reçu les patrons. Le ministre de l'Intérieur a réuni
            // les préfets. « … », a-t-il affirmé": an office the text gives no one, not X's.
            Subject::Titled { gender: g, title }
                if back > 0 && g.fits(gender) && office_of_another(doc, title, roles) =>
            {
                return Some(None);
            }
            Subject::Described | Subject::Titled { .. } | Subject::Other => {}
        }
        let (Some(a), Some(b)) = (doc.tokens.get(range.start), doc.tokens.get(end.saturating_sub(1))) else {
            return give_up(chain);
        };
        if !chain && entities.last_person_between(a.start, b.end, |_, _| true).is_some() {
            return None;
        }
    }
    give_up(chain)
}

/// Whether the title at `title`, with its complement ("ministre de l'Intérieur"), is an office
/// other than every role of that title the text gives (all with a complement of their own:
/// "ministre de l'Économie"), so held by someone else.
fn office_of_another(doc: &Doc, title: usize, roles: &[RoleMatch]) -> bool {
    const LINKS: [&str; 8] = ["de", "du", "des", "d'", "la", "le", "l'", "et"];
    let head = doc.folded(title);
    if !matches!(doc.folded(title + 1), "de" | "du" | "des" | "d'") {
        return false;
    }
    // The names in the description's complement ("de la Santé", "du Nord").
    let named: Vec<&str> = (title + 1..(title + 1 + ROLE_TOKENS).min(doc.len()))
        .take_while(|&i| LINKS.contains(&doc.folded(i)) || doc.cap(i) && doc.is_word(i))
        .filter(|&i| doc.cap(i))
        .map(|i| doc.folded(i))
        .collect();
    let mut same_title =
        roles.iter().map(|r| fold_str(&r.role)).filter(|r| r.split(' ').any(|w| w == head)).peekable();
    // Each role of that title has a complement sharing no name with it ("ministre de l'Économie"
    // against "de l'Intérieur"; "des Solidarités et de la Santé" is "de la Santé").
    !named.is_empty()
        && same_title.peek().is_some()
        && same_title.all(|r| {
            let after: Vec<&str> = r.split([' ', '\'']).skip_while(|w| *w != head).skip(1).collect();
            after.first().is_some_and(|w| matches!(*w, "de" | "du" | "des" | "d"))
                && !named.iter().any(|n| after.contains(n))
        })
}

/// Whether the people tokens `from..to` name, but `holder`, are all named after "de" ("le
/// pouvoir d'Emmanuel Macron").
fn only_complements_besides(
    doc: &Doc,
    holder: &Entity,
    from: usize,
    to: usize,
    entities: &EntityIndex,
) -> bool {
    let (Some(a), Some(b)) = (doc.tokens.get(from), doc.tokens.get(to.saturating_sub(1))) else {
        return false;
    };
    let after_de = |at: usize| {
        let j = doc.tokens.partition_point(|t| t.start < at);
        j > 0 && matches!(doc.folded(j - 1), "de" | "d'" | "du")
    };
    entities.last_person_between(a.start, b.end, |o, at| o.name != holder.name && !after_de(at)).is_none()
}

/// The token where the role around title word `title` starts: its modifier, if it has one
/// ("premier ministre", "ancien ministre").
fn role_start(doc: &Doc, title: usize) -> usize {
    match title.checked_sub(1) {
        Some(m) if TITLE_MODIFIERS.contains(&doc.folded(m)) => m,
        _ => title,
    }
}

/// How many tokens a role written in the text is compared over.
const ROLE_TOKENS: usize = 12;

/// The one person to whom the roles found in the text give the role written from token `p` on
/// ("leader de La France insoumise a …" → the party leader the text named); none when no role
/// or the roles of several people are written there. A bare title ("ministre") may be anyone
/// and is left out.
pub fn role_holder_at<'a>(
    doc: &Doc,
    p: usize,
    roles: &[RoleMatch],
    entities: &EntityIndex<'a>,
) -> Option<&'a Entity> {
    let written = fold_str(doc.span_text(p, (p + ROLE_TOKENS).min(doc.len())));
    let mut holder: Option<&'a Entity> = None;
    for r in roles {
        let role = fold_str(&r.role);
        let rest = written.strip_prefix(role.as_str());
        if !role.contains(' ') || rest.is_none_or(|rest| rest.starts_with(char::is_alphanumeric)) {
            continue;
        }
        let Some(e) = r.holder(doc, entities) else {
            continue;
        };
        match holder {
            Some(h) if h.name != e.name => return None,
            _ => holder = Some(e),
        }
    }
    holder
}

/// Whether person `e`, subject of a sentence ending before token `end`, can be who a pronoun of
/// `gender` stands for: a name full enough to trust, of a fitting gender, and no other person
/// of fitting gender named later in the sentence ("X a annoncé …, a rapporté Y": Y may speak).
/// `sentence_from` is the byte where the sentence starts: the subject is its first mention there.
fn trusted_subject(
    doc: &Doc,
    e: &Entity,
    end: usize,
    sentence_from: usize,
    gender: Gender,
    entities: &EntityIndex,
) -> bool {
    let trusted = full_enough(doc, e);
    let subject_end = e.mentions.iter().filter(|m| m.start >= sentence_from).map(|m| m.end).min();
    let sentence_end = doc.tokens.get(end.saturating_sub(1)).map_or(0, |t| t.end);
    // A rival is someone who may speak: named after a comma or a speech verb ("…, a rapporté
    // Y"), or beside the subject ("X et Y ont"); not the object or complement of the
    // subject's verb ("X a critiqué Y", "X a reçu les élus de Y").
    let may_speak = |start: usize| {
        let j = doc.tokens.partition_point(|t| t.start < start);
        let back = |n: usize| j.checked_sub(n).map_or("", |i| doc.folded(i));
        // An inverted speech verb: after a comma or a quote, maybe behind its auxiliary
        // (", a rapporté Y", "», précise le maire Y"); "X a critiqué Y" is no inversion.
        let inverted_at = |v: usize| {
            GAZ.is_speech_verb(back(v))
                && (matches!(back(v + 1), "," | "»" | "\"")
                    || matches!(back(v + 1), "a" | "avait" | "ont")
                        && matches!(back(v + 2), "," | "»" | "\""))
        };
        // "entre lui et Emmanuel Macron", "between him and Y": the other side of a relation.
        let between = matches!(back(1), "et" | "and")
            && (matches!(back(2), "entre" | "between") || matches!(back(3), "entre" | "between"));
        // "McClaren also praised winger X and strikers Y and Z": the objects of an English
        // verb in the past, listed, speak no more than the first.
        let back_at = |i: usize, n: usize| i.checked_sub(n).map_or("", |x| doc.folded(x));
        let mut i = j;
        while i > 0 && {
            let f = doc.folded(i - 1);
            let title = |w: &str| GAZ.titles.contains(w);
            doc.cap(i - 1) || title(f) || f.strip_suffix('s').is_some_and(title) || matches!(f, "and" | ",")
        } {
            i -= 1;
        }
        // (The verb's first object right after it, and no passive: "Owen was substituted and
        // Rooney scored", "Mourinho celebrated, Wenger fumed" list no objects.)
        let object = doc.lang == Lang::En && i > 0 && {
            let f = doc.folded(i - 1);
            f.len() > 3
                && f.ends_with("ed")
                && !GAZ.is_speech_verb(f)
                && !matches!(doc.folded(i), "and" | ",")
                && !matches!(
                    back_at(i, 2),
                    "was" | "were" | "been" | "be" | "being" | "is" | "are" | "got" | "get"
                )
        };
        if object {
            return false;
        }
        matches!(back(1), "," | "et" | "and" | ":" | "(") && !between
            || inverted_at(1)
            || (GAZ.titles.contains(back(1)) || doc.is_determiner(j.wrapping_sub(1))) && inverted_at(2)
            || GAZ.titles.contains(back(1)) && !GAZ.is_speech_verb(back(2)) && back(2) != "a"
    };
    let rival = subject_end.is_some_and(|from| {
        entities
            .last_person_between(from, sentence_end, |o, start| {
                o.name != e.name && person_gender(doc, o).fits(gender) && may_speak(start)
            })
            .is_some()
    });
    trusted && !rival && person_gender(doc, e).fits(gender)
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
        let doc = Doc::new(t, Some(Lang::Fr));
        let pos = t.find("Trois").unwrap_or(0);
        assert_eq!(&t[previous_paragraph_start(&doc, pos)..pos], "Deux deux.\n");
        assert_eq!(previous_paragraph_start(&doc, 1), 0);
    }

    #[test]
    fn link_lines_opening_on_a_guillemet_are_page_lines() {
        for line in
            ["» EN DIRECT - Les dernières informations", "» Suivez notre direct", "> À VOIR - La vidéo"]
        {
            assert!(is_page_line(line), "{line}");
        }
        // Prose, and a guillemet glued to its word, are not.
        assert!(!is_page_line("Il a conclu : « Rien n'est fait. »"));
        assert!(!is_page_line("»Non«"));
    }
}
