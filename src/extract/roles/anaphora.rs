//! Roles given through a description that stands for a person named nearby: "Pour Jean Dupont,
//! « … ». Le porte-parole du collectif se félicite …" → Jean Dupont, "porte-parole du collectif".
//! The description goes to a person only when one person, and only one, is named in its sentence
//! or the sentences on either side of it (quotations left out: the names a speaker quotes are not
//! who the narrative is about), and when no other person holds that title in the text.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::{RoleMatch, description_at, is_honorific, name_run, role_words, title_end, title_head};
use crate::extract::coref::{Gender, given_name_gender, noun_gender, word_gender};
use crate::extract::doc::Doc;
use crate::extract::gazetteer::GAZ;
use crate::extract::types::{Label, Lang};

/// A stretch of text naming someone (or something that might be someone): a run of capitalised
/// words with the key of the person it names.
pub(super) struct NameMention {
    pub(super) tokens: Range<usize>,
    pub(super) key: String,
    /// Known to be a person's name: a role's name, a given name opening it, an honorific.
    pub(super) person: bool,
}

/// Words after which a name or a description is a complement, not who the sentence is about:
/// "la veuve de l'ancien président", "une lettre au ministre", "un billet sur X", "devant X"
/// (folded).
const PREPOSITIONS: [&str; 24] = [
    "de", "d'", "du", "des", "a", "au", "aux", "par", "avec", "sur", "contre", "chez", "entre", "sans",
    "vers", "envers", "devant", "derriere", "apres", "avant", "selon", "comme", "malgre", "aupres",
];

/// Words after which a description opens a clause of its own: "…, et le ministre a ajouté",
/// "mais le président est visé" (folded).
const CLAUSE_OPENERS: [&str; 9] = [",", ";", ":", "et", "mais", "puis", "donc", "ainsi", "alors"];

/// The roles descriptions give the one person named just before them (French only).
pub(super) fn anaphoric_roles(doc: &Doc, found: &[RoleMatch], blocked: &[bool]) -> Vec<RoleMatch> {
    let mut out: Vec<RoleMatch> = Vec::new();
    if doc.lang != Lang::Fr {
        return out;
    }
    let quoted = doc.quoted();
    let mentions = name_mentions(doc, found, blocked, quoted);
    let in_found = super::covered_by(doc, found);
    // Which tokens a name covers, marked once rather than tested against every mention.
    let in_name = covered_by_names(doc, &mentions);
    let protagonist = protagonist(&mentions);
    // Where the first paragraph, the standfirst, ends.
    let lede_end = (1..doc.len()).find(|&i| doc.newline_before(i));
    // Where each title is first used: read once, when a first description needs it, instead of
    // reading every word before each description.
    let first_use = std::cell::OnceCell::new();
    // The (role, name) pairs given so far: a lookup, not a scan of `out` per description.
    let mut given: HashSet<(String, Range<usize>)> = HashSet::new();
    for (k, &in_quote) in quoted.iter().enumerate() {
        if in_quote || in_found.get(k).copied().unwrap_or(false) {
            continue;
        }
        let Some((head, false)) = title_head(doc, k) else { continue };
        let Some((rs, ce)) = description_at(doc, k, blocked) else { continue };
        if !opens_subject(doc, rs) || in_name.get(k).copied().unwrap_or(false) {
            continue;
        }
        let first_use = first_use.get_or_init(|| FirstUse::new(doc));
        if first_use.unnamed_before(&head, k) {
            continue;
        }
        let holder = sole_person_before(doc, &mentions, rs..ce)
            .or_else(|| named_next_in_lede(doc, &mentions, rs..ce, lede_end))
            .or_else(|| named_after_lede(doc, &mentions, found, (rs..ce, &head), lede_end))
            .or_else(|| topic_of_short_sentence(doc, &mentions, rs..ce))
            .or_else(|| last_named_before(doc, &mentions, rs..ce, &head, first_use))
            .or_else(|| introduced_next(doc, &mentions, found, rs..ce, &head))
            .or_else(|| protagonist.filter(|p| nobody_else_around(doc, &mentions, rs..ce, p)));
        let Some(holder) = holder else { continue };
        if !gender_agrees(doc, rs, title_end(doc, k), holder) {
            continue;
        }
        if !title_free_for(doc, found, &head, holder, (rs, ce)) || titled_otherwise(doc, found, &head, holder)
        {
            continue;
        }
        // "…, a déclaré Benjamin Griveaux. Le premier ministre a précisé …": an office of the
        // state goes only to one of its holders, or to someone the text gave that title.
        let titled_so = || {
            let holder_surname = surname(doc, &holder.tokens);
            found.iter().any(|r| {
                surname(doc, &r.name) == holder_surname && role_head(doc, r).is_some_and(|h| h == head)
            })
        };
        if !super::offices::may_hold_office(doc, &folded_words(doc, rs..ce), &holder.tokens) && !titled_so() {
            continue;
        }
        let Some(name) = fullest_mention(&mentions, &holder.key) else { continue };
        let role = doc.span_text(rs, ce).to_string();
        if given.insert((role.clone(), name.clone())) {
            out.push(RoleMatch { name, role_tokens: rs..title_end(doc, k), role });
        }
    }
    out
}

/// Where each title head is first used in the text, and first used after a word that brings in
/// someone the text does not name ("un", "son", …).
struct FirstUse {
    any: HashMap<String, usize>,
    unnamed: HashMap<String, usize>,
}

impl FirstUse {
    fn new(doc: &Doc) -> Self {
        let mut first = FirstUse { any: HashMap::new(), unnamed: HashMap::new() };
        for i in 0..doc.len() {
            let Some((h, _)) = title_head(doc, i) else { continue };
            if i > 0 && introduces_unnamed(doc, i - 1) {
                first.unnamed.entry(h.clone()).or_insert(i);
            }
            first.any.entry(h).or_insert(i);
        }
        first
    }

    /// Whether the title `head` was used before `k` (`last_named_before`).
    fn used_before(&self, head: &str, k: usize) -> bool {
        self.any.get(head).is_some_and(|&i| i < k)
    }

    /// Whether the title `head` was used before `k` for someone the text did not name: "son
    /// avocat a confirmé … a expliqué l'avocat", "un policier filmé … le policier".
    fn unnamed_before(&self, head: &str, k: usize) -> bool {
        self.unnamed.get(head).is_some_and(|&i| i < k)
    }
}

/// Whether the word at `i` brings in someone the text does not name: "un", "son", "leur"…
fn introduces_unnamed(doc: &Doc, i: usize) -> bool {
    matches!(doc.folded(i), "un" | "une" | "son" | "sa" | "leur" | "notre" | "votre")
}

/// Which tokens the mentions cover.
fn covered_by_names(doc: &Doc, mentions: &[NameMention]) -> Vec<bool> {
    super::mark_tokens(doc, mentions.iter().map(|m| m.tokens.clone()))
}

/// Adverbs between a verb and the role it gives: "il est aussi l'auteur de …" (folded).
const COPULA_ADVERBS: [&str; 4] = ["aussi", "egalement", "actuellement", "desormais"];

/// "Jean Dupont a pris la parole. Il est le président du club", "Elle a été élue maire de Lyon":
/// a sentence opening with "il" or "elle" and a verb that gives a function ("est", "était",
/// "fut", "devient", "a été nommé") gives it to the one person the sentence before names, as the
/// subject of a clause or in a short sentence ("Le constat est de Jean Dupont."), when the
/// pronoun agrees with the given name. Nobody else may be named in that sentence: "il" could be
/// either.
pub(super) fn pronoun_copula_roles(doc: &Doc, found: &[RoleMatch], blocked: &[bool]) -> Vec<RoleMatch> {
    let mut out: Vec<RoleMatch> = Vec::new();
    if doc.lang != Lang::Fr {
        return out;
    }
    let quoted = doc.quoted();
    let mentions = name_mentions(doc, found, blocked, quoted);
    for (i, sentence) in doc.sentences.iter().enumerate().skip(1) {
        let p = fronted_pronoun(doc, sentence.clone(), &mentions).unwrap_or(sentence.start);
        let told = match doc.folded(p) {
            "il" => Gender::Male,
            "elle" => Gender::Female,
            _ => continue,
        };
        let verb = matches!(
            doc.folded(p + 1),
            "est" | "etait" | "fut" | "devient" | "sera" | "deviendra" | "reste" | "demeure" | "a" | "avait"
        );
        if quoted.get(p).copied().unwrap_or(true) || !verb {
            continue;
        }
        let Some(mut t) = super::copula_at(doc, p + 1) else { continue };
        while COPULA_ADVERBS.contains(&doc.folded(t)) {
            t += 1;
        }
        let Some((rs, te, ce)) = predicate_role(doc, t, blocked) else { continue };
        // "X est députée. Chef d'entreprise, elle a été élue en 2017. Elle est membre de …": a
        // sentence naming no one, with the same pronoun as its subject, speaks of the same
        // person: look one sentence further back (twice at most).
        let pronoun = doc.folded(p);
        let same_pronoun = |s: &Range<usize>| {
            s.clone().any(|j| doc.folded(j) == pronoun && (j == s.start || doc.tok(j - 1) == ","))
                && !mentions.iter().any(|m| s.contains(&m.tokens.start))
        };
        let mut b = i - 1;
        while b + 3 > i && b > 0 && doc.sentences.get(b).is_some_and(same_pronoun) {
            b -= 1;
        }
        let Some(before) = doc.sentences.get(b) else { continue };
        if !same_paragraph(doc, before.start, p) {
            continue;
        }
        let mut named = mentions.iter().filter(|m| before.contains(&m.tokens.start));
        let Some(first) = named.next() else { continue };
        let subject = names_subject(doc, first.tokens.start) || before.len() <= 12;
        let gender = given_name_gender(doc.span_text(first.tokens.start, first.tokens.end));
        if !first.person || !subject || !gender.fits(told) || !named.all(|m| m.key == first.key) {
            continue;
        }
        let Some(name) = fullest_mention(&mentions, &first.key) else { continue };
        for (a, b) in super::coordinated(doc, rs, ce) {
            let role = doc.span_text(a, b).to_string();
            if !out.iter().any(|r| r.role == role && r.name == name) {
                out.push(RoleMatch { name: name.clone(), role_tokens: rs..te, role });
            }
        }
    }
    out
}

/// "Âgé de 37 ans, il est …", "Depuis 2015, elle est …": the subject pronoun after a short
/// phrase fronting its sentence, which names no one and holds no clause of its own ("Quand il
/// est arrivé, elle …" is two people) nor says whose view it is ("Selon la police, il est
/// responsable de l'accident" is a claim, no role).
fn fronted_pronoun(doc: &Doc, sentence: Range<usize>, mentions: &[NameMention]) -> Option<usize> {
    let comma = (sentence.start + 1..(sentence.start + 10).min(sentence.end)).find(|&j| doc.tok(j) == ",")?;
    if !matches!(doc.folded(comma + 1), "il" | "elle") {
        return None;
    }
    let clause = (sentence.start..comma).any(|j| {
        matches!(
            doc.folded(j),
            "il" | "elle"
                | "ils"
                | "elles"
                | "on"
                | "quand"
                | "lorsque"
                | "lorsqu'"
                | "si"
                | "s'"
                | "comme"
                | "qui"
                | "que"
                | "qu'"
                | "puisque"
                | "alors"
                | "selon"
                | "apres"
                | "pour"
                | "suivant"
        )
    });
    let named = mentions.iter().any(|m| (sentence.start..comma).contains(&m.tokens.start));
    (!clause && !named).then_some(comma + 1)
}

/// The role a verb gives from `t` on: [article] ["un des"] [modifiers] TITLE complement
/// ("le président du club", "l'un des fondateurs du mouvement", "maire de Lyon"), not a title
/// someone else holds ("le conseiller de Jean Dupont" is a role, "le ministre Jean Dupont" is
/// his). Returns its start, the title's end and the role's end.
fn predicate_role(doc: &Doc, mut t: usize, blocked: &[bool]) -> Option<(usize, usize, usize)> {
    if matches!(doc.folded(t), "le" | "la" | "l'" | "un" | "une") && !super::one_of_at(doc, t) {
        t += 1;
    }
    let rs = t;
    if super::one_of_at(doc, t) {
        t += 2;
    }
    while super::PRE_MODIFIERS.contains(&doc.folded(t)) && !doc.cap(t) {
        t += 1;
    }
    if doc.cap(t) || super::party_member_at(doc, t) {
        return None;
    }
    let te = super::title_tail(doc, super::title_at(doc, t)?);
    if super::person_name(doc, te, blocked).is_some() || is_honorific(doc, te) {
        return None;
    }
    let ce = super::complement_end(doc, te, 12).max(te);
    // "il est l'auteur de Comprendre le monde": a role cut short by a work's title is no role.
    (!doc.is_determiner(ce)).then_some((rs, te, ce))
}

/// Every run of capitalised words outside quotations that may name a person: the names roles
/// already gave, runs of two words or more, and a lone capitalised word inside a sentence that
/// no list knows as a place, organisation or acronym. Counting too many keeps the rule silent;
/// counting too few would give a role to the wrong person.
pub(super) fn name_mentions(
    doc: &Doc,
    found: &[RoleMatch],
    blocked: &[bool],
    quoted: &[bool],
) -> Vec<NameMention> {
    let mut out: Vec<NameMention> = found
        .iter()
        .map(|r| NameMention { tokens: r.name.clone(), key: String::new(), person: true })
        .collect();
    let mut k = 0;
    while k < doc.len() {
        let honorific = is_honorific(doc, k);
        // "l'Américain Pete Selleck": the nationality before a name is no part of it.
        let demonym = !honorific
            && super::nationality(doc, k)
            && k > 0
            && matches!(doc.folded(k - 1), "l'" | "le" | "la")
            && doc.cap(k + 1);
        // "du Professeur Nobutaka Miura": a capitalised title of one word before a name is no
        // part of it, and tells a person.
        let titled = !honorific
            && !demonym
            && doc.cap(k)
            && super::title_at(doc, k) == Some(k + 1)
            && doc.cap(k + 1)
            && !doc.newline_before(k + 1);
        let honorific = honorific || titled;
        let start = if honorific || demonym { k + 1 } else { k };
        let run = (!quoted[k]).then(|| run_from(doc, start, blocked)).flatten();
        match run {
            // "sur BFM Business", "à la Banque de France": a name the lists know as an
            // organisation's or a place's, and nothing more, names nobody.
            Some(ne) if !honorific && listed_elsewhere(doc, start, ne) => k = ne,
            // "LE SCAN POLITIQUE -", "ENTRETIEN -": a label in capitals; "de l'Intérieur", "la
            // République", "du Mans": a lone word after an article is no surname.
            Some(ne)
                if !honorific
                    && (all_caps(doc, start, ne) || ne == start + 1 && after_article(doc, start)) =>
            {
                k = ne
            }
            // "South Bank Centre", "Acme Group": a run closed by a word of place or body.
            Some(ne) if !honorific && ne > start + 1 && names_a_thing(doc, ne - 1) => k = ne,
            // "Natif de Lyon, ce militaire": a word opening the sentence before "de" and a place
            // the lists know is no given name ("Charles de Gaulle" has one).
            Some(_) if !honorific && of_a_place_opening_sentence(doc, start) => k = start + 1,
            Some(ne) if ne > start + 1 || may_be_surname(doc, start) => {
                let person = honorific
                    || ne > start + 1 && GAZ.first_names.contains(doc.folded(start))
                    || ne == start + 2 && unknown_pair(doc, start);
                out.push(NameMention { tokens: start..ne, key: String::new(), person });
                k = ne;
            }
            Some(ne) => k = ne,
            None => k += 1,
        }
    }
    set_keys(doc, &mut out);
    out
}

/// Whether the capitalised word at `start` opens its sentence before "de" and a listed place.
fn of_a_place_opening_sentence(doc: &Doc, start: usize) -> bool {
    let of = matches!(doc.folded(start + 1), "de" | "d'");
    (start == 0 || doc.starts_sentence(start))
        && of
        && !GAZ.first_names.contains(doc.folded(start))
        && super::listed_name_at(doc, start + 2, Label::Loc).is_some()
}

/// Whether the run `start..ne` is, whole, a name the lists know as an organisation's or a
/// place's ("BFM Business", "Banque de France", "Seine-Saint-Denis"), with no given name opening it.
fn listed_elsewhere(doc: &Doc, start: usize, ne: usize) -> bool {
    !GAZ.first_names.contains(doc.folded(start))
        && [Label::Org, Label::Loc]
            .into_iter()
            .any(|label| super::listed_name_at(doc, start, label).is_some_and(|(_, e)| e == ne))
}

/// Whether every word of `start..ne` is written in capitals.
fn all_caps(doc: &Doc, start: usize, ne: usize) -> bool {
    (start..ne).all(|i| doc.info.get(i).is_some_and(|t| t.upper))
}

/// Whether an article or an article merged with "de" or "à", written in lowercase, stands right
/// before `k` ("the Tories" too): "Le Pen", "Le Drian" keep theirs.
fn after_article(doc: &Doc, k: usize) -> bool {
    k.checked_sub(1).is_some_and(|a| {
        !doc.cap(a)
            && matches!(doc.folded(a), "le" | "la" | "l'" | "les" | "du" | "des" | "au" | "aux" | "the")
    })
}

/// A run of capitalised words from `k`, also at the start of a paragraph (where `name_run`,
/// made for names inside a line, stops).
fn run_from(doc: &Doc, k: usize, blocked: &[bool]) -> Option<usize> {
    let opens_line = doc.newline_before(k) && doc.cap(k) && doc.is_word(k);
    if !opens_line || blocked.get(k).copied().unwrap_or(true) || GAZ.is_stop(doc.folded(k)) {
        return name_run(doc, k, blocked);
    }
    Some(name_run(doc, k + 1, blocked).filter(|_| !doc.newline_before(k + 1)).unwrap_or(k + 1))
}

/// Keys each mention by the person it names: a full name by its words, a lone surname by the
/// one full name ending with it ("Dupont" → "jean dupont"), or by itself when two full names
/// share it ("Jean Dupont", "Marie Dupont") so that it stays apart from both.
fn set_keys(doc: &Doc, mentions: &mut [NameMention]) {
    let words = |t: &Range<usize>| t.clone().map(|i| doc.folded(i)).collect::<Vec<_>>().join(" ");
    // By surname, the first full name ending with it and whether every other one is the same:
    // a lookup per mention, not a scan of every full name (quadratic on a long text).
    let mut owners: HashMap<String, (String, bool)> = HashMap::new();
    for m in mentions.iter().filter(|m| m.tokens.len() > 1) {
        let full = words(&m.tokens);
        match owners.entry(surname(doc, &m.tokens)) {
            Entry::Occupied(mut e) => {
                let (first, alone) = e.get_mut();
                *alone &= *first == full;
            }
            Entry::Vacant(e) => {
                e.insert((full, true));
            }
        }
    }
    for m in mentions.iter_mut() {
        m.key = match (m.tokens.len(), owners.get(&surname(doc, &m.tokens))) {
            (1, Some((owner, true))) => owner.clone(),
            _ => words(&m.tokens),
        };
    }
}

/// The folded last word of a name.
pub(super) fn surname(doc: &Doc, name: &Range<usize>) -> String {
    doc.folded(name.end.saturating_sub(1)).to_string()
}

/// A lone capitalised word that could be a surname: not the first word of a sentence, not a
/// known place, organisation or acronym.
fn may_be_surname(doc: &Doc, k: usize) -> bool {
    let first_of_sentence = doc.starts_sentence(k);
    let f = doc.folded(k);
    // "this year's Meltdown festival", "the Acme group": English names a thing before its noun.
    let thing_after = doc.lang == crate::extract::types::Lang::En
        && !doc.cap(k + 1)
        && ENGLISH_THING_NOUNS.contains(&doc.folded(k + 1));
    !first_of_sentence
        && !thing_after
        && !doc.info.get(k).is_some_and(|t| t.initial)
        && !GAZ.phrases.contains_key(f)
        && !GAZ.acronyms.contains_key(doc.tok(k))
        && !GAZ.demonyms.contains_key(f)
        // "Vendredi à Besançon, l'humoriste …": a French town is no surname either.
        && !(doc.lang == Lang::Fr && GAZ.towns.contains(f))
}

/// Whether the two capitalised words at `start` read as a person's given name and surname the
/// lists do not know ("Kareyce Fotso", "Pete Selleck"): mixed case, mid-sentence, not opening a
/// paragraph, and no word or the pair a listed place, body, nationality, title or common word.
fn unknown_pair(doc: &Doc, start: usize) -> bool {
    let word_ok = |i: usize| {
        let f = doc.folded(i);
        doc.is_word(i)
            && !doc.info.get(i).is_some_and(|t| t.upper || t.initial)
            && !GAZ.is_stop(f)
            && !GAZ.phrases.contains_key(f)
            && !GAZ.demonyms.contains_key(f)
            && !GAZ.title_heads.contains(f)
            && !GAZ.org_head.contains(f)
            && !GAZ.org_suffix.contains(f)
            && !GAZ.loc_head.contains(f)
            && !ENGLISH_THING_NOUNS.contains(&f)
    };
    // "les Vieilles Charrues", "le film Blue Velvet": after an article or a work's noun, a thing.
    let before = start.checked_sub(1).map_or("", |p| doc.folded(p));
    let thing_before = start > 0 && (doc.is_determiner(start - 1) || GAZ.work_before.contains(before));
    // Where a person is named: after "de", "selon", "par", "avec", "pour", a verb of saying or a
    // comma ("la remarque de Kareyce Fotso"); after another verb or a preposition of place or
    // time, a work or a venue as often ("a découvert Blue Velvet", "avant Vieilles Charrues").
    let person_slot =
        matches!(before, "de" | "d'" | "selon" | "par" | "avec" | "pour" | "by" | "with" | "of")
            || GAZ.is_speech_verb(before)
            || start > 0 && doc.tok(start - 1) == ",";
    !doc.starts_sentence(start)
        && !doc.newline_before(start)
        && !thing_before
        && person_slot
        && word_ok(start)
        && word_ok(start + 1)
        && !listed_elsewhere(doc, start, start + 2)
}

/// Whether the capitalised word at `j`, closing a run, names a place, a body or a thing (its
/// folded form heads or closes such names: "Centre", "Group", "University", "Festival").
fn names_a_thing(doc: &Doc, j: usize) -> bool {
    let f = doc.folded(j);
    GAZ.org_head.contains(f)
        || GAZ.org_suffix.contains(f)
        || GAZ.loc_head.contains(f)
        || ENGLISH_THING_NOUNS.contains(&f)
}

/// English nouns after a capitalised word that make it the name of a thing, a body or an event
/// ("the Meltdown festival", "the Acme group"), not someone's surname (folded).
const ENGLISH_THING_NOUNS: [&str; 24] = [
    "festival",
    "show",
    "group",
    "firm",
    "company",
    "band",
    "club",
    "party",
    "awards",
    "award",
    "ceremony",
    "campaign",
    "project",
    "programme",
    "series",
    "album",
    "film",
    "game",
    "prize",
    "report",
    "inquiry",
    "centre",
    "scheme",
    "tour",
];

/// Whether the description starting at `rs` (its article before it) is the subject of its
/// clause: the article opens the sentence or a clause ("…, le ministre a ajouté"), or follows a
/// speech verb set after a quotation ("», a poursuivi l'expert"). After a verb of its own it is
/// an object ("il a appelé le chef de l'État"); after "que", someone the speaker talks about.
fn opens_subject(doc: &Doc, rs: usize) -> bool {
    let Some(article) = rs.checked_sub(1) else { return false };
    if !matches!(doc.folded(article), "le" | "la" | "l'" | "ce" | "cet" | "cette") {
        return false;
    }
    let Some(before) = article.checked_sub(1) else { return true };
    let sentence_start = doc.starts_sentence(article);
    let after_quote = |v: usize| (v.saturating_sub(3)..v).any(|i| matches!(doc.tok(i), "»" | "”" | ","));
    // "« … ! » Le porte-parole a ajouté": a capitalised article after a quotation opens a sentence.
    let after_quotation = matches!(doc.tok(before), "»" | "”") && doc.cap(article);
    sentence_start
        || after_quotation
        || CLAUSE_OPENERS.contains(&doc.folded(before))
        || opens_adverbial_clause(doc, before)
        || cites(doc, before)
        || GAZ.speech_fr.contains(doc.folded(before)) && after_quote(before)
}

/// Whether the name starting at `ns` is who its clause is about: it opens the sentence or a
/// clause ("Pour X, …" too), or follows a speech verb ("souligne X"). A name after another word
/// is an object or a complement ("il a cité X", "un billet sur X").
fn names_subject(doc: &Doc, ns: usize) -> bool {
    let start = if ns > 0 && is_honorific(doc, ns - 1) { ns - 1 } else { ns };
    let opens = |i: usize| doc.starts_sentence(i);
    let Some(before) = start.checked_sub(1) else { return true };
    let word = doc.folded(before);
    let speech = |w: &str| GAZ.speech_fr.contains(w) && !PREPOSITIONS.contains(&w);
    // "a déclaré jeudi X", "a affirmé mardi soir X": a day between the verb and its subject.
    let mut verb = before;
    while verb > 0 && verb + 3 > before && is_time_word(doc, verb) {
        verb -= 1;
    }
    // A name after an honorific is read only in the older positions: the honorific would be
    // left out of the person's name and read as a name of its own ("a déclaré mardi Mgr X").
    let bare = start == ns;
    opens(start)
        || CLAUSE_OPENERS.contains(&word)
        || matches!(doc.tok(before), "»" | "”")
        || speech(word)
        || bare && verb < before && speech(doc.folded(verb))
        || word == "pour" && opens(before)
        || opinion_of(doc, before)
        || bare && opens_subordinate(doc, before)
}

/// Whether "de" at `de` closes a frame opening a clause that gives someone's view, as "selon"
/// does: "De l'avis de X, …", "De l'opinion de X", "Aux yeux de X".
fn opinion_of(doc: &Doc, de: usize) -> bool {
    let f = |i: usize| doc.folded(i);
    let opens = |i: usize| i == 0 || doc.starts_sentence(i) || f(i - 1) == ",";
    if de < 2 || !matches!(f(de), "de" | "d'") {
        return false;
    }
    match (f(de - 2), f(de - 1)) {
        ("l'", "avis" | "opinion") => de >= 3 && f(de - 3) == "de" && opens(de - 3),
        ("aux", "yeux") => opens(de - 2),
        _ => false,
    }
}

/// Words of time that may stand between a verb of saying and its subject (folded).
fn is_time_word(doc: &Doc, k: usize) -> bool {
    let f = doc.folded(k);
    !doc.cap(k) && (GAZ.days.contains_key(f) || matches!(f, "hier" | "soir" | "matin" | "apres-midi"))
}

/// Words opening a subordinate clause whose subject follows: "la ville où X est né", "à laquelle
/// X est opposée", "quand X sort de son silence", "alors qu'X" (folded). A bare "que" is left
/// out: "la même raison que X", "plus que X" compare.
const SUBORDINATORS: [&str; 10] = [
    "dont",
    "quand",
    "lorsque",
    "lorsqu'",
    "laquelle",
    "lequel",
    "lesquels",
    "lesquelles",
    "puisque",
    "puisqu'",
];

/// Whether the token at `k` opens a clause of cause or concession, whose subject may be the
/// person the sentence before named: "même si l'animateur se considère …", "parce que le
/// ministre …". (Not "que" after a verb of saying: "X estime que l'ancien boxeur a perdu les
/// pédales" speaks of someone else.)
fn opens_adverbial_clause(doc: &Doc, k: usize) -> bool {
    let f = doc.folded(k);
    let after = |heads: &[&str]| k > 0 && heads.contains(&doc.folded(k - 1));
    // (Not "alors que", "tandis que", "quand", "lorsque", a bare "si": they set the person
    // against, or beside, someone else: "Alors que le ministre défend sa réforme, le député …",
    // "Lorsque le juge l'a interrogé, il …".)
    matches!(f, "car" | "puisque" | "puisqu'")
        || f == "si" && after(&["meme"])
        || matches!(f, "que" | "qu'") && after(&["parce"])
}

/// Whether the token at `k` opens a subordinate clause: a word of `SUBORDINATORS`, "où", or
/// "que" after "alors", "tandis", "parce", "bien" or a verb of saying ("estime que X").
fn opens_subordinate(doc: &Doc, k: usize) -> bool {
    let f = doc.folded(k);
    if doc.tok(k) == "où" || SUBORDINATORS.contains(&f) {
        return true;
    }
    let Some(p) = k.checked_sub(1).filter(|_| matches!(f, "que" | "qu'")) else { return false };
    let head = doc.folded(p);
    matches!(head, "alors" | "tandis" | "parce" | "bien")
        || GAZ.speech_fr.contains(head) && !PREPOSITIONS.contains(&head)
}

/// "selon" or "d'après" at `k`, or "Pour" opening the sentence: what follows is who said it.
fn cites(doc: &Doc, k: usize) -> bool {
    doc.folded(k) == "selon"
        || doc.folded(k) == "apres" && k > 0 && doc.folded(k - 1) == "d'"
        // "Pour le syndicaliste, le projet …": the sentence frames the words as theirs.
        || doc.folded(k) == "pour" && doc.starts_sentence(k)
}

/// Whether the description's article agrees with the holder's given name: "la" is a woman,
/// "le" a man: "Jean Dupont a parlé. La ministre a ajouté" is someone else.
/// After another article, or none, the title's own ending or its modifier's tells it
/// ("l'actrice", "l'ancienne ministre").
fn gender_agrees(doc: &Doc, rs: usize, te: usize, holder: &NameMention) -> bool {
    let told = match article_gender(doc, rs) {
        Gender::Unknown => (rs..te)
            .map(|i| noun_gender(doc.folded(i)))
            .find(|g| *g != Gender::Unknown)
            .unwrap_or(Gender::Unknown),
        g => g,
    };
    told == Gender::Unknown
        || given_name_gender(doc.span_text(holder.tokens.start, holder.tokens.end)).fits(told)
}

/// The gender the article or demonstrative before the description at `rs` marks ("la", "cette"
/// → female; "le", "ce", "cet" → male); unknown after "l'", "du", "au".
fn article_gender(doc: &Doc, rs: usize) -> Gender {
    rs.checked_sub(1).map_or(Gender::Unknown, |a| match doc.folded(a) {
        f @ ("la" | "cette" | "le" | "ce" | "cet") => word_gender(f),
        _ => Gender::Unknown,
    })
}

/// Whether the holder was just named with a role of another title: "le président Zmirou. Le
/// procureur lui rappelle" is someone else.
fn titled_otherwise(doc: &Doc, found: &[RoleMatch], head: &str, holder: &NameMention) -> bool {
    found.iter().any(|r| r.name == holder.tokens && role_head(doc, r).is_some_and(|h| h != head))
}

/// The one person named before the description `d` (in its sentence or the one before, as the
/// subject of a clause) when nobody else is named around it in its paragraph up to the end of
/// the next sentence; the names inside the description itself left out ("le
/// président de Michelin"). A description names back: "X a parlé. Le ministre a ajouté", not "Le
/// ministre a parlé. X a ajouté" (but for the lede: `named_next_in_lede`).
fn sole_person_before<'m>(
    doc: &Doc,
    mentions: &'m [NameMention],
    d: Range<usize>,
) -> Option<&'m NameMention> {
    let mut around = mentions_around(doc, mentions, &d);
    let first = around.next()?;
    let before = first.tokens.start < d.start && names_subject(doc, first.tokens.start);
    (before && first.person && around.all(|m| m.key == first.key)).then_some(first)
}

/// "… a reçu le soutien de Marie Durand. La présidente du parti a dénoncé …": a description
/// opening its sentence names the one person the sentence before named, even as an object,
/// when nobody else is named around it and its title was not used before in the text (for
/// someone it did not name: "Le ministre a reçu Jean Dupont. Le ministre a dit …").
fn last_named_before<'m>(
    doc: &Doc,
    mentions: &'m [NameMention],
    d: Range<usize>,
    head: &str,
    first_use: &FirstUse,
) -> Option<&'m NameMention> {
    let sentence = doc.sent_of[d.start];
    // The article opens the sentence: "La présidente du parti a dénoncé".
    if !article_opens_sentence(doc, d.start) || first_use.used_before(head, d.start) {
        return None;
    }
    // "Il a reçu Jean Dupont. Le ministre …": the pronoun may be the one described, and so may
    // the owner of a possessive ("Son attitude tranche avec celle de Jean Dupont. Le patron …").
    let before = doc.sentences.get(sentence.checked_sub(1)?)?;
    // ("réclame pour sa part Jean Dupont", "de son côté": the speaker's own).
    let possessive = |i: usize| {
        matches!(doc.folded(i), "son" | "sa" | "ses" | "leur" | "leurs")
            && !matches!(doc.folded(i + 1), "part" | "cote")
    };
    // "Le maire a reçu Jean Dupont.": a person the sentence describes may be the one described.
    let someone_else =
        |i: usize| SUBJECT_PRONOUNS.contains(&doc.folded(i)) || possessive(i) || title_head(doc, i).is_some();
    if before.clone().any(someone_else) {
        return None;
    }
    let mut around = mentions_around(doc, mentions, &d);
    let first = around.next()?;
    let in_before = before.contains(&first.tokens.start);
    (in_before && first.person && around.all(|m| m.key == first.key)).then_some(first)
}

/// The folded words of tokens `d`, spaces between them.
fn folded_words(doc: &Doc, d: Range<usize>) -> String {
    d.map(|i| doc.folded(i)).collect::<Vec<_>>().join(" ")
}

/// Whether the article right before a description starting at `start` opens its sentence.
fn article_opens_sentence(doc: &Doc, start: usize) -> bool {
    start.checked_sub(1).is_some_and(|a| doc.starts_sentence(a))
}

/// "Le secrétaire général de la Francophonie ne se remet pas de cette gifle. De l'opinion
/// d'Abdou Diouf, …": a description opening its sentence, then the next sentence brings someone
/// in as the one who speaks, named for the first time, the journalist's way of introducing a
/// person. Only when the description's sentence names nobody, the next names one person only,
/// who holds no title of another kind, and whoever the sentence before names does ("Abdou Diouf
/// est tout ouïe. Le président de Michelin examine le thème. De l'avis de Pete Selleck, …").
fn introduced_next<'m>(
    doc: &Doc,
    mentions: &'m [NameMention],
    found: &[RoleMatch],
    d: Range<usize>,
    head: &str,
) -> Option<&'m NameMention> {
    let sentence = doc.sent_of[d.start];
    let opens = article_opens_sentence(doc, d.start);
    let next = doc.sentences.get(sentence + 1)?;
    // "Le chef du gouvernement … . « … », a cinglé François Bayrou": an office of the state has
    // its holder of the day, whom the next speaker need not be.
    let office = super::names_an_office(&folded_words(doc, d.clone()));
    if !opens || office || !same_paragraph(doc, d.start, next.start) {
        return None;
    }
    let in_sentence = |s: usize, m: &NameMention| doc.sent_of[m.tokens.start] == s;
    if mentions.iter().any(|m| in_sentence(sentence, m) && !d.contains(&m.tokens.start)) {
        return None;
    }
    let mut named = mentions.iter().filter(|m| in_sentence(sentence + 1, m));
    let first = named.next()?;
    let known_before = mentions.iter().any(|m| m.key == first.key && m.tokens.start < d.start);
    if known_before || !named.all(|m| m.key == first.key) || fullest_mention(mentions, &first.key).is_none() {
        return None;
    }
    // Brought in as the one who speaks: "a expliqué X", "De l'avis de X" ("Le procureur a
    // requis dix ans. Jean Dupont est resté impassible." is the accused).
    // "De l'avis de l'Américain Pete Selleck": a nationality and its article before the name.
    let mut at = first.tokens.start;
    if at > 2 && super::nationality(doc, at - 1) && matches!(doc.folded(at - 2), "l'" | "le" | "la") {
        at -= 2;
    }
    let presented = at > 0 && (GAZ.speech_fr.contains(doc.folded(at - 1)) || opinion_of(doc, at - 1));
    let before_ok = sentence.checked_sub(1).is_none_or(|b| {
        mentions.iter().filter(|m| in_sentence(b, m)).all(|m| titled_elsewhere(doc, found, head, m))
    });
    (presented && before_ok && !titled_elsewhere(doc, found, head, first)).then_some(first)
}

/// Whether the person `m` names holds a role of another title than `head` somewhere in the
/// text ("Abdou Diouf, secrétaire général de la Francophonie" is no "président de Michelin").
pub(super) fn titled_elsewhere(doc: &Doc, found: &[RoleMatch], head: &str, m: &NameMention) -> bool {
    found.iter().any(|r| {
        surname(doc, &r.name) == surname(doc, &m.tokens) && role_head(doc, r).is_some_and(|h| h != head)
    })
}

/// The mentions outside the description `d`, in its paragraph, from the sentence before it to the
/// sentence after it, in text order, but for those after it in its own sentence and the people
/// after it whose given name its article does not fit.
/// When the description follows a quotation ("« … » a poursuivi l'expert"), the quotation's
/// sentences name nobody the narrative is about: the window reaches back to the sentence before
/// the quotation opened, in the paragraph where it opened.
fn mentions_around<'m>(
    doc: &Doc,
    mentions: &'m [NameMention],
    d: &Range<usize>,
) -> impl Iterator<Item = &'m NameMention> {
    let sentence = doc.sent_of[d.start];
    let opening = quotation_just_before(doc, d.start);
    let first = opening.map_or(sentence, |o| doc.sent_of[o]);
    let window = first.saturating_sub(1)..=sentence + 1;
    let (start, d) = (d.start, d.clone());
    // "La ministre réclame un geste. Paul Morel y est favorable": a person named after the
    // description whose given name its article does not fit is not who it names. (Before it,
    // "Jean Dupont et Marie Durand ont ouvert la séance. Le président …" may be a third person.)
    let told = article_gender(doc, start);
    // The paragraphs' bounds, found once: a test per mention would read the text between them
    // again for every description (cubic on a long paragraph of descriptions).
    let paragraph = paragraph_of(doc, start);
    let opening_paragraph = opening.map(|o| paragraph_of(doc, o));
    mentions.iter().filter(move |m| {
        let at = m.tokens.start;
        let other_gender =
            || at >= d.end && m.person && !given_name_gender(doc.span_text(at, m.tokens.end)).fits(told);
        let before_quotation =
            opening.zip(opening_paragraph.as_ref()).is_some_and(|(o, p)| at < o && p.contains(&at));
        // "La présidente du parti a dénoncé les choix de Jean Dupont": a name after the
        // description in its own clause is someone it speaks of, not who it describes.
        let later_in_clause = at >= d.end && doc.sent_of[at] == sentence;
        window.contains(&doc.sent_of[at])
            && !d.contains(&at)
            && !later_in_clause
            && (paragraph.contains(&at) || before_quotation)
            && !other_gender()
    })
}

/// The tokens of the paragraph holding token `k`, found from the document's line starts.
fn paragraph_of(doc: &Doc, k: usize) -> Range<usize> {
    let start = doc.line_first_token(k).unwrap_or(0);
    start..doc.next_line_first_token(k).unwrap_or(doc.len())
}

/// Where the quotation closing right before the description at `start` opened ("« … », a
/// poursuivi l'expert"): the closing guillemet within the six tokens before, the opening one
/// the nearest before it. Only a quotation that is the speaker's own words: the description is
/// in an incise of the sentence the quotation closes, or the quotation opens its sentence
/// ("« … » L'expert ajoute …"); a fragment quoted inside a narrative sentence ("il dit s'être
/// « défendu ». Le gendarme …") leaves the narrative sentence in the window.
fn quotation_just_before(doc: &Doc, start: usize) -> Option<usize> {
    let close = (start.saturating_sub(6)..start).rev().find(|&i| matches!(doc.tok(i), "»" | "”"))?;
    let open = (close.saturating_sub(300)..close).rev().find(|&i| matches!(doc.tok(i), "«" | "“"))?;
    let incise = doc.sent_of[close] == doc.sent_of[start];
    let opens_sentence = open == 0 || doc.newline_before(open) || doc.sent_of[open - 1] != doc.sent_of[open];
    (incise || opens_sentence).then_some(open)
}

/// Subject pronouns: a sentence with one of them is about someone it does not name (folded).
const SUBJECT_PRONOUNS: [&str; 9] = ["il", "elle", "ils", "elles", "on", "je", "j'", "nous", "vous"];

/// A short sentence that only names someone, without a verb of theirs, then a description opening
/// the next: "Nouvelle démonstration jeudi avec Jean Dupont. Le ministre a été interpellé …",
/// "C'est la remarque de Marie Lenoir. La médaillée d'argent se plaint …", "Même surprise pour
/// Jean Dupont. Interrogé sur RTL, l'ancien candidat …". The name is who the text is about
/// though it is no subject. Only when that sentence names nobody else and has no subject pronoun,
/// and nobody else is named up to the end of the sentence after the description's.
fn topic_of_short_sentence<'m>(
    doc: &Doc,
    mentions: &'m [NameMention],
    d: Range<usize>,
) -> Option<&'m NameMention> {
    let sentence = doc.sent_of[d.start];
    let before = doc.sentences.get(sentence.checked_sub(1)?)?;
    let short = before.len() <= 12 && same_paragraph(doc, before.start, d.start);
    // The description comes early in its sentence: "Interrogé mercredi sur RTL, l'ancien …".
    let early = d.start < doc.sentences.get(sentence)?.start + 8;
    // "Le président Jean Roux a visité Lyon.": a titled name is no bare mention of a topic.
    let pronoun_or_title =
        before.clone().any(|i| SUBJECT_PRONOUNS.contains(&doc.folded(i)) || title_head(doc, i).is_some());
    if !short || !early || pronoun_or_title {
        return None;
    }
    let mut around = mentions_around(doc, mentions, &d);
    let first = around.next()?;
    let in_before = before.contains(&first.tokens.start);
    (in_before && first.person && first.tokens.len() > 1 && around.all(|m| m.key == first.key))
        .then_some(first)
}

/// The person a text is about, when it is about one: named (outside quotations) at least
/// three times and more than twice as often as anyone else. A profile or an interview
/// describes its subject many ways ("l'élu béarnais", "le député de l'Oise", "l'ancien
/// ministre") far from the name.
fn protagonist(mentions: &[NameMention]) -> Option<&NameMention> {
    // In the order keys first come (the sort below is stable: ties go to the first named), with
    // each key's place in a map rather than found by a scan per mention.
    let mut counts: Vec<(&str, usize)> = Vec::new();
    let mut place: HashMap<&str, usize> = HashMap::new();
    for m in mentions {
        match place.get(m.key.as_str()).and_then(|&i| counts.get_mut(i)) {
            Some((_, n)) => *n += 1,
            None => {
                place.insert(&m.key, counts.len());
                counts.push((&m.key, 1));
            }
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let (key, top) = *counts.first()?;
    let second = counts.get(1).map_or(0, |c| c.1);
    let person = mentions.iter().filter(|m| m.key == key).find(|m| m.person && m.tokens.len() > 1)?;
    (top >= 3 && top > 2 * second).then_some(person)
}

/// Whether nobody but `who` is named around the description `d` (see `mentions_around`).
fn nobody_else_around(doc: &Doc, mentions: &[NameMention], d: Range<usize>, who: &NameMention) -> bool {
    mentions_around(doc, mentions, &d).all(|m| m.key == who.key)
}

/// The lede names someone first by a description, then by name as the subject of the next
/// sentence: "… la maire de Lille a longuement évoqué la politique nationale. Martine Aubry
/// appelle …". Only in the article's first paragraph, when nobody else is named in either
/// sentence.
fn named_next_in_lede<'m>(
    doc: &Doc,
    mentions: &'m [NameMention],
    d: Range<usize>,
    lede_end: Option<usize>,
) -> Option<&'m NameMention> {
    let sentence = doc.sent_of[d.start];
    // The cheap test first; no line break before the description (`lede_end` is the first).
    if sentence > 2 || lede_end.is_some_and(|e| e <= d.start) {
        return None;
    }
    let next = doc.sentences.get(sentence + 1)?;
    if doc.newline_before(next.start) {
        return None;
    }
    // A section label in capitals ("LE SCAN POLITIQUE -") names no one.
    let label = |m: &NameMention| m.tokens.clone().all(|i| doc.info.get(i).is_some_and(|t| t.upper));
    let mut around = mentions.iter().filter(|m| {
        let s = doc.sent_of[m.tokens.start];
        (s == sentence || s == sentence + 1) && !d.contains(&m.tokens.start) && !label(m)
    });
    let first = around.next()?;
    let opens_next = first.tokens.start == next.start;
    (opens_next && first.person && first.tokens.len() > 1 && around.all(|m| m.key == first.key))
        .then_some(first)
}

/// The press opens with a standfirst that describes its subject and a body that names them:
/// "Invité d'Europe 1, le président du MoDem a estimé que les réponses d'Emmanuel Macron …
/// ¶ Ne surtout pas relâcher la pression. Depuis le début de la crise, François Bayrou semble …".
/// A description in the first paragraph's first two sentences goes to the first person the
/// second paragraph names as a subject, when the first paragraph names people only as
/// complements, nobody else is named as a subject before them, and they are not named in the
/// first paragraph or hold a title of another kind.
fn named_after_lede<'m>(
    doc: &Doc,
    mentions: &'m [NameMention],
    found: &[RoleMatch],
    (d, head): (Range<usize>, &str),
    lede_end: Option<usize>,
) -> Option<&'m NameMention> {
    let lede_end = lede_end.filter(|&e| d.start < e)?;
    // A title of a body the text names ("le président du MoDem", "le maire de Pau"): "le
    // président du club", "l'avocate de la famille" may be anyone in the story.
    if !d.clone().skip(1).any(|i| doc.cap(i) && doc.is_word(i)) {
        return None;
    }
    // Its first two sentences, a dateline aside ("30 novembre 2018."), and a description
    // standing as a subject of its own ("Après le rappeur et l'humoriste, …" is a complement).
    let dateline = doc
        .sentences
        .first()
        .is_some_and(|s| s.len() <= 5 && doc.folded(s.start).starts_with(|c: char| c.is_ascii_digit()));
    let article = d.start.checked_sub(1)?;
    let own = article == 0 || doc.folded(article - 1) != "et";
    // "Le chef de l'État aurait dit …": an office of the state has a holder the body need not name.
    let office = super::names_an_office(&folded_words(doc, d.clone()));
    if doc.sent_of[d.start] > 1 + usize::from(dateline) || !own || office {
        return None;
    }
    let body_end = (lede_end + 1..doc.len()).find(|&i| doc.newline_before(i)).unwrap_or(doc.len());
    // A section label in capitals ("LE SCAN POLITIQUE -") names no one.
    let label = |m: &NameMention| m.tokens.clone().all(|i| doc.info.get(i).is_some_and(|t| t.upper));
    // "les réponses d'Emmanuel Macron et Édouard Philippe": a name joined to a complement is one.
    let subject = |m: &NameMention| {
        let s = m.tokens.start;
        let joined = s >= 2
            && doc.folded(s - 1) == "et"
            && mentions.iter().any(|o| o.tokens.end == s - 1 && !names_subject(doc, o.tokens.start));
        !label(m) && names_subject(doc, s) && !joined
    };
    let mut named = mentions.iter().filter(|m| m.tokens.start < body_end && !d.contains(&m.tokens.start));
    if named.clone().any(|m| m.tokens.start < lede_end && subject(m)) {
        return None;
    }
    let first = named.find(|m| m.tokens.start >= lede_end && subject(m))?;
    // "Nommé par le président du Sénat Gérard Larcher, le professeur …": the one the
    // standfirst names is not the one it describes.
    let in_lede = mentions.iter().any(|m| m.key == first.key && m.tokens.start < lede_end);
    let person = fullest_mention(mentions, &first.key).is_some();
    (person && !in_lede && !titled_elsewhere(doc, found, head, first)).then_some(first)
}

/// Whether no line break falls between tokens `a` and `b`.
fn same_paragraph(doc: &Doc, a: usize, b: usize) -> bool {
    !(a.min(b) + 1..=a.max(b)).any(|i| doc.newline_before(i))
}

/// Whether the description's title `head` may be the holder's: nobody else has a role with that
/// title but with another complement ("ministre de l'Économie" is not "ministre du Travail"), and
/// the holder's own roles with it say the same, less or more ("président" and "président du
/// parti"), never something else ("ministre de la Justice").
pub(super) fn title_free_for(
    doc: &Doc,
    found: &[RoleMatch],
    head: &str,
    holder: &NameMention,
    (rs, ce): (usize, usize),
) -> bool {
    let words = role_words(doc, rs, ce);
    let same = |have: &[String]| words.starts_with(have) || have.starts_with(&words);
    found.iter().filter(|r| role_head(doc, r).as_deref() == Some(head)).all(|r| {
        if surname(doc, &r.name) == surname(doc, &holder.tokens) {
            return same(&role_words(doc, r.role_tokens.start, r.role_tokens.end));
        }
        // "Jean Roux, ministre de l'Économie, … Marie Durand … La ministre du Travail": another
        // person's title with another complement is another office.
        let have = super::written_role_words(doc, r);
        have.len() > 1 && words.len() > 1 && !same(&have)
    })
}

/// The title head of a role found with a name.
pub(super) fn role_head(doc: &Doc, r: &RoleMatch) -> Option<String> {
    r.role_tokens.clone().find_map(|i| title_head(doc, i)).map(|(h, _)| h)
}

/// The longest mention known to be the person keyed `key`: the span their entity will have.
pub(super) fn fullest_mention(mentions: &[NameMention], key: &str) -> Option<Range<usize>> {
    mentions.iter().filter(|m| m.key == key && m.person).map(|m| m.tokens.clone()).max_by_key(|t| t.len())
}
