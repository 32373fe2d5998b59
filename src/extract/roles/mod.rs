//! Titles and roles: "le colonel Assimi Goita", "President Joe Biden", "le ministre malien de la
//! Sécurité et de la Protection civile, Daoud Aly Mohammedine", "Mr Smith, chief executive of
//! Acme Corp". Each match gives a person name span (strong PER evidence) and the role text;
//! the role's tokens are reserved so the capitalised words inside it do not become entities.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

mod anaphora;
mod anaphora_en;
mod descriptions;
mod english;
mod kin;
mod offices;

pub(crate) use english::is_post_nominal;
pub(crate) use kin::is_kin_noun;
pub(crate) use offices::{listed_person_end, names_an_office};
mod relations;

use super::coref::{Gender, given_name_gender};
use super::doc::Doc;
use super::entities::EntityIndex;
use super::gazetteer::GAZ;
use super::types::{Entity, Label, Lang};
use super::util::ends_like_participle;

#[derive(Debug, Clone)]
pub struct RoleMatch {
    pub name: Range<usize>,
    pub role_tokens: Range<usize>,
    pub role: String,
}

impl RoleMatch {
    /// The person the recogniser found at this role's name, if it found one there.
    pub fn holder<'a>(&self, doc: &Doc, entities: &EntityIndex<'a>) -> Option<&'a Entity> {
        let start = doc.tokens.get(self.name.start)?.start;
        entities.starting_at(start).map(|(e, _)| e).filter(|e| e.label == Label::Per)
    }
}

/// Lowercase name particles allowed inside a person's name ("Charles de Gaulle").
pub const PARTICLES: [&str; 16] = [
    "de", "du", "van", "von", "der", "den", "da", "di", "dos", "del", "della", "bin", "ben", "al", "el",
    "ibn",
];

/// Words that end a role complement (verbs, relatives, conjunctions): the role is a noun phrase.
const COMPLEMENT_STOP: [&str; 72] = [
    // Adjectives that place the complement's noun: "directrice de ce théâtre proche de la gare".
    "proche", "pres", "situe", "situee", "contre", "apres", "avant", "pendant", "durant", "alors", "jusqu'",
    "qui", "que", "qu'", "dont", "ou", "who", "which", "that", "whose", "a", "ont", "est", "sont", "etait",
    "sera", "was", "is", "are", "were", "has", "have", "had", "will", "would", "said", "says", "told",
    "lors", "when", "selon", "ayant", "etant", "avait", "avaient", "fut", "doit", "devait", "va", "vont",
    "peut", "depuis", "lorsque", "lorsqu'", "quand", "mais", "car", "after", "before", "since", "until",
    "during", "serait", "seraient", "aurait", "auraient",
    // English conjunctions opening a clause of its own ("… for Million Dollar Baby while Foxx …").
    "while", "whilst", "whereas", "although", "though", "because",
];

pub(super) const MODIFIERS: [&str; 10] =
    ["former", "ancien", "ancienne", "ex", "new", "nouveau", "nouvelle", "current", "actuel", "actuelle"];

/// Lowercase words before a title that belong to the role: "ancien Premier ministre", "nouveau
/// directeur", "jeune manifestant", "premier adjoint", "shadow foreign secretary" (folded).
pub(super) const PRE_MODIFIERS: [&str; 44] = [
    // "the sixth seed", "le second adjoint".
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "premier",
    "premiere",
    "dernier",
    "derniere",
    "principal",
    "principale",
    "ancien",
    "ancienne",
    "anciens",
    "anciennes",
    "nouveau",
    "nouvel",
    "nouvelle",
    "nouveaux",
    "jeune",
    "jeunes",
    // "le célèbre marchand d'animaux X", "X, la fameuse chanteuse".
    "celebre",
    "fameux",
    "fameuse",
    "illustre",
    "famous",
    "futur",
    "future",
    "actuel",
    "actuelle",
    "autre",
    "former",
    "new",
    "previous",
    "shadow",
    "outgoing",
    "incoming",
    "acting",
    "interim",
    "ex",
];

/// Lowercase words after a title that belong to it: "président sortant", "candidat républicain"
/// (folded; nationality adjectives and party acronyms are handled apart).
const POST_MODIFIERS: [&str; 40] = [
    "sortant",
    // "le numéro un mondial".
    "mondial",
    "mondiale",
    // "l'auteur présumé de l'attentat", "la meurtrière présumée".
    "presume",
    "presumee",
    "apparente",
    "apparentee",
    "sortante",
    "dechu",
    "dechue",
    "interimaire",
    "adjoint",
    "adjointe",
    "honoraire",
    "designe",
    "designee",
    "elu",
    "elue",
    "republicain",
    "republicaine",
    "democrate",
    "socialiste",
    "conservateur",
    "conservatrice",
    "travailliste",
    "ecologiste",
    "centriste",
    "islamiste",
    "liberal",
    "liberale",
    "independant",
    "communiste",
    // "le leader syndical", "la représentante syndicale".
    "syndical",
    "syndicale",
    // "le pasteur évangélique X", "l'imam salafiste X", "le prêtre catholique X".
    "evangelique",
    "protestant",
    "catholique",
    "orthodoxe",
    "salafiste",
    "anglican",
];

/// The title head at k as listed: the word itself, without "ex-" ("ex-espion") or without the
/// plural ending ("les chercheurs"). A lowercase word must be written as listed, accents
/// included: "jugé" is a verb, not "juge". Returns (head, plural).
fn title_head(doc: &Doc, k: usize) -> Option<(String, bool)> {
    // Checked last: most words are no title, and this is called for every word.
    title_head_as_listed(doc, k).filter(|_| !english::not_a_title_here(doc, k))
}

fn title_head_as_listed(doc: &Doc, k: usize) -> Option<(String, bool)> {
    if english::lowercase_title_end(doc, k).is_some() {
        let plural = english::LOWERCASE_PLURAL_TITLES.contains(&doc.folded(k));
        return Some((doc.folded(k).to_string(), plural));
    }
    let f = doc.folded(k);
    // "la tête de liste" is a title; "la tête du cortège", "en tête" are not.
    if f == "tete" && !(doc.folded(k + 1) == "de" && doc.folded(k + 2) == "liste") {
        return None;
    }
    if matches!(f, "elu" | "elue" | "elus" | "elues") && !elected_one(doc, k) {
        return None;
    }
    if matches!(f, "leader" | "leaders") && leads_a_market(doc, k) {
        return None;
    }
    // "la figure du soldat X": the image of someone whose title follows. In English "figures"
    // are numbers.
    let of = matches!(doc.folded(k + 1), "de" | "du" | "d'");
    let titled = |j: usize| title_head(doc, j).is_some();
    let image = of && (titled(k + 2) || doc.is_determiner(k + 2) && titled(k + 3));
    if matches!(f, "figure" | "figures") && (image || doc.lang != super::types::Lang::Fr) {
        return None;
    }
    let written = doc.tok(k).to_lowercase();
    let written = written.strip_prefix("ex-").unwrap_or(&written);
    let f = f.strip_prefix("ex-").unwrap_or(f);
    // A capitalised profession mid-sentence is a surname ("Gerhard Berger").
    let initial = doc.info.get(k).is_some_and(|t| t.initial);
    // A lower-case word right after a capitalised one belongs to a name ("le Parti communiste").
    // In English the capitalised words name whom the title serves ("Tory leader", "Arsenal
    // manager"): `english_premodifiers` takes them into the role.
    if !doc.cap(k)
        && doc.lang == super::types::Lang::Fr
        && k > 0
        && doc.cap(k - 1)
        && doc.is_word(k - 1)
        && !doc.info.get(k - 1).is_some_and(|t| t.initial)
        && !doc.is_determiner(k - 1)
    {
        return None;
    }
    let listed = |head: &str, w: &str| {
        GAZ.title_heads.contains(head)
            && (doc.cap(k) || GAZ.title_heads_written.contains(w))
            && !(doc.cap(k) && !initial && GAZ.professions.contains(head))
    };
    if listed(f, written) {
        return Some((f.to_string(), false));
    }
    // "sous-préfet", "co-secrétaire", "coorganisateur", "vice-consul": a title with a prefix of
    // rank or of sharing is that title.
    // ("coprésidents": the plural too.)
    for (h, w) in TITLE_PREFIXES.iter().filter_map(|p| Some((f.strip_prefix(p)?, written.strip_prefix(p)?))) {
        if h.len() > 3 && listed(h, w) {
            return Some((h.to_string(), false));
        }
        if let (Some(hs), Some(ws)) = (h.strip_suffix('s'), w.strip_suffix('s'))
            && hs.len() > 3
            && !doc.cap(k)
            && listed(hs, ws)
        {
            return Some((hs.to_string(), true));
        }
    }
    let first_written = written.split('-').next().unwrap_or(written);
    // ("secrétaire-adjoint", "maire-adjointe": any title's deputy.)
    let deputy =
        |h: &&str| f.ends_with("-adjoint") || f.ends_with("-adjointe") || GAZ.professions.contains(*h);
    if let Some(head) = compound_head(f, written).filter(|h| deputy(h) && listed(h, first_written)) {
        return Some((head.to_string(), false));
    }
    // A capitalised plural is a name ("les Frères musulmans"), not people with a title.
    for end in ["s", "x"].iter().filter(|_| !doc.cap(k)) {
        if let (Some(h), Some(w)) = (f.strip_suffix(end), written.strip_suffix(end))
            && h.len() > 2
            && listed(h, w)
        {
            return Some((h.to_string(), true));
        }
    }
    None
}

/// Round numbers of years: "une cinquantaine d'années" (folded).
const AGE_ROUND: [&str; 8] = [
    "vingtaine",
    "trentaine",
    "quarantaine",
    "cinquantaine",
    "soixantaine",
    "septantaine",
    "huitantaine",
    "centaine",
];

/// An age after a noun at `j`: "de 53 ans", "d'une cinquantaine d'années" ("retraité de 53 ans"
/// is a retiree, aged 53). Returns its end.
pub(super) fn age_end(doc: &Doc, j: usize) -> Option<usize> {
    match doc.folded(j) {
        "de" if doc.tok(j + 1).starts_with(|c: char| c.is_ascii_digit())
            && matches!(doc.folded(j + 2), "ans" | "an") =>
        {
            Some(j + 3)
        }
        "d'" if doc.folded(j + 1) == "une"
            && AGE_ROUND.contains(&doc.folded(j + 2))
            && doc.folded(j + 3) == "d'"
            && doc.folded(j + 4) == "annees" =>
        {
            Some(j + 5)
        }
        _ => None,
    }
}

/// Prefixes of rank or of sharing that make a title of a title ("sous-préfet", "cofondateur").
const TITLE_PREFIXES: [&str; 5] = ["sous-", "co-", "vice-", "co", "vice"];

/// Whether "élu" at `k` is the noun, someone elected, not the participle ("a été élu maire", "élu
/// en 2014"): an article or a demonstrative before it and a complement ("de Vendée", "du parti")
/// or a party label ("l'élu LR") after it.
/// Right after a name's comma, a party or a union after it tells the noun too ("X, élu CGT,").
/// With an article, so does a person's name ("l'élu Matthieu Orphelin"): a participle never
/// stands between an article and a name.
fn elected_one(doc: &Doc, k: usize) -> bool {
    let before = if k > 0 { doc.folded(k - 1) } else { "" };
    let article = matches!(before, "l'" | "les" | "cet" | "cette" | "ces" | "un" | "une" | "des");
    let next = doc.folded(k + 1);
    // (A party's or a union's label, "CGT", "LR": "élu Michelin" is no one's title.)
    let party = is_party_label(doc, k + 1);
    let named = article && GAZ.first_names.contains(next) && doc.cap(k + 1) && doc.cap(k + 2);
    // "Ancienne élue locale, X", "un élu municipal": an adjective before or a level after makes
    // the participle a noun.
    let premodified = matches!(before, "ancien" | "ancienne" | "nouvel" | "nouvelle" | "jeune");
    let level = matches!(
        next,
        "local"
            | "locale"
            | "municipal"
            | "municipale"
            | "regional"
            | "regionale"
            | "departemental"
            | "departementale"
    );
    article && (matches!(next, "de" | "du" | "des" | "d'") || party || level)
        || named
        || before == "," && party
        || premodified
}

/// Titles (folded) of offices whose holders speak to the media, never work for them: after
/// them "sur BFMTV", "à l'AFP" is whom they spoke to ("technicien à France 3", "humoriste sur
/// France Inter", "journaliste à l'AFP" name an employer).
const SPEAKING_OFFICES: [&str; 22] = [
    "ministre",
    "porte-parole",
    "depute",
    "deputee",
    "eurodepute",
    "eurodeputee",
    "senateur",
    "senatrice",
    "maire",
    "procureur",
    "procureure",
    "prefet",
    "prefete",
    "candidat",
    "candidate",
    "gouverneur",
    "ambassadeur",
    "ambassadrice",
    "minister",
    "spokesman",
    "spokeswoman",
    "mp",
];

/// Whether the preposition at `j`, in the complement of a title ending at `from`, opens the
/// name of a medium the holder of a public office spoke to.
fn spoke_to_medium(doc: &Doc, from: usize, j: usize) -> bool {
    let office = (from.saturating_sub(3)..from).any(|t| SPEAKING_OFFICES.contains(&doc.folded(t)));
    let medium = |s: usize| crate::extract::media::medium_end(doc, s).is_some();
    // ("à l'AFP": past the article.)
    office
        && crate::extract::media::medium_slot(doc, j)
            .is_some_and(|s| medium(s) || doc.is_determiner(s) && medium(s + 1))
}

/// "market leader Best Buy", "le leader mondial des produits laitiers", "leader du marché":
/// a firm's standing in its market, not a person's office (the leader at `k`).
fn leads_a_market(doc: &Doc, k: usize) -> bool {
    let before = k.checked_sub(1).map_or("", |p| doc.folded(p));
    let market = |j: usize| matches!(doc.folded(j), "marche" | "secteur");
    before == "market"
        || matches!(doc.folded(k + 1), "mondial" | "mondiaux" | "europeen" | "europeens")
        || matches!(doc.folded(k + 1), "du" | "des") && market(k + 2)
}

/// The first half of a lower-case profession compound written with a hyphen:
/// "artisan-terrassier", "chauffeur-livreur", "médecin-chef" → "artisan", "chauffeur",
/// "medecin" (folded). Such a compound names a trade as its first half does.
fn compound_head<'f>(folded: &'f str, written: &str) -> Option<&'f str> {
    let (head, rest) = folded.split_once('-')?;
    let lower_word = |w: &str| w.len() > 2 && w.chars().all(|c| c.is_alphabetic() && !c.is_uppercase());
    (lower_word(head) && lower_word(rest) && !written.starts_with(char::is_uppercase)).then_some(head)
}

/// Longest title phrase starting at k: returns its end.
pub fn title_at(doc: &Doc, k: usize) -> Option<usize> {
    title_phrase_at(doc, k).map(|(end, _)| end)
}

/// Longest title phrase starting at k: its end, and whether the head was plural.
fn title_phrase_at(doc: &Doc, k: usize) -> Option<(usize, bool)> {
    let (head, plural) = title_head(doc, k)?;
    let mut key = head;
    let mut best =
        GAZ.titles.contains(&key).then_some(k + 1).or_else(|| english::lowercase_title_end(doc, k));
    for j in k + 1..(k + GAZ.max_title_len).min(doc.len()) {
        key.push(' ');
        key.push_str(doc.folded(j));
        if GAZ.titles.contains(&key) {
            best = Some(j + 1);
        }
    }
    best.map(|b| (b, plural))
}

/// Words right after a title that belong to it: nationality and party adjectives, party acronyms
/// ("député UMP", "président sortant", "ministre malien"). Returns the new end.
fn title_tail(doc: &Doc, mut te: usize) -> usize {
    loop {
        let f = doc.folded(te);
        let lower_adj = doc.is_word(te)
            && !doc.cap(te)
            && (GAZ.demonyms.contains_key(f) || POST_MODIFIERS.contains(&f) || movement_adjective(doc, te));
        if lower_adj || member_before_name(doc, te) || is_party_label(doc, te) || is_party_short_name(doc, te)
        {
            te += 1;
        } else {
            return te;
        }
    }
}

/// French adjectives of a movement or a doctrine, read after a title (folded, singular; the
/// parties' own are in `POST_MODIFIERS`). Listed: many words in "-iste" are nouns or verbs
/// ("le journaliste insiste").
const MOVEMENT_ADJECTIVES: [&str; 24] = [
    "feministe",
    "nationaliste",
    "independantiste",
    "separatiste",
    "souverainiste",
    "populiste",
    "gaulliste",
    "trotskiste",
    "anarchiste",
    "pacifiste",
    "royaliste",
    "altermondialiste",
    "antiraciste",
    "marxiste",
    "maoiste",
    "sioniste",
    "federaliste",
    "humaniste",
    "progressiste",
    "integriste",
    "salafiste",
    "autonomiste",
    "unioniste",
    "loyaliste",
];

/// A French adjective of a movement or a doctrine after a title: "la militante féministe", "les
/// leaders indépendantistes".
fn movement_adjective(doc: &Doc, k: usize) -> bool {
    let f = doc.folded(k);
    doc.lang == Lang::Fr && MOVEMENT_ADJECTIVES.contains(&f.strip_suffix('s').unwrap_or(f))
}

/// An all-caps word of two to six letters in French text: a party or organisation label ("UMP",
/// "PCF", "LR"), never a person's name on its own. (English headlines write names in capitals:
/// "President CLINTON".)
fn is_party_label(doc: &Doc, k: usize) -> bool {
    let t = doc.tok(k);
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    doc.lang == super::types::Lang::Fr
        && !doc.shouting
        && doc.info.get(k).is_some_and(|i| i.upper)
        && (2..=6).contains(&letters)
        && !t.contains('.')
}

/// A party's member noun, capitalised, before a name: "son collègue député Insoumis François
/// Ruffin". It belongs to the role, not to the name.
fn member_before_name(doc: &Doc, k: usize) -> bool {
    let f = doc.folded(k);
    let listed = |w: &str| PARTY_MEMBERS.contains(&w);
    doc.cap(k) && (listed(f) || f.strip_suffix('s').is_some_and(listed)) && doc.cap(k + 1)
}

/// Members of a party or a political family named as nouns (folded, as listed in titles.txt).
const PARTY_MEMBERS: [&str; 9] = [
    "socialiste",
    "republicain",
    "republicaine",
    "democrate",
    "ecologiste",
    "communiste",
    "centriste",
    "insoumis",
    "insoumise",
];

/// Whether the title at `k` names a party member ("le républicain Mitt Romney"). Such a word is a
/// role only right before the name: elsewhere it is mostly an adjective ("X, socialiste
/// convaincu") or a vote ("les socialistes").
fn party_member_at(doc: &Doc, k: usize) -> bool {
    title_head(doc, k).is_some_and(|(head, _)| PARTY_MEMBERS.contains(&head.as_str()))
}

/// A one-word organisation name written with inner capitals after a French title: "la députée
/// LaREM", "le président MoDem". Such a word is an abbreviation, never a given name.
fn is_party_short_name(doc: &Doc, k: usize) -> bool {
    let capitals = doc.tok(k).chars().filter(|c| c.is_uppercase()).count();
    doc.lang == super::types::Lang::Fr
        && capitals >= 2
        && !doc.info.get(k).is_some_and(|i| i.upper)
        && GAZ.phrases.get(doc.folded(k)).is_some_and(|e| e.label == super::types::Label::Org)
}

/// Words a lowercase French title can follow when it opens a noun phrase: articles, possessives,
/// prepositions, conjunctions, numbers and the adjectives the press puts before a function
/// (folded). After any other word the title is more likely a verb: "Le parti juge Christophe
/// Castaner incapable".
const BEFORE_TITLE: [&str; 48] = [
    "mon",
    "ma",
    "mes",
    "ton",
    "ta",
    "tes",
    "notre",
    "nos",
    "votre",
    "vos",
    "de",
    "par",
    "pour",
    "avec",
    "entre",
    "comme",
    "et",
    "ou",
    "ni",
    "selon",
    "chez",
    "sur",
    "sous",
    "vers",
    "contre",
    "sans",
    "dont",
    "que",
    "qu'",
    "quand",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "plusieurs",
    "certains",
    "certaines",
    "quelques",
    "nombreux",
    "nombreuses",
    "celebre",
    "grand",
    "grande",
    "eminent",
    "illustre",
    "premier",
    "premiere",
];

/// Titles that are also verb forms ("le parti juge X incapable", "un homme dirigeant l'usine").
const VERB_LIKE_TITLES: [&str; 7] = ["juge", "guide", "pilote", "garde", "arbitre", "preside", "figure"];

/// Whether the title at `k` opens a noun phrase: always for a capitalised or non-French title;
/// a lowercase French one after the start of a sentence, punctuation, an article or a word of
/// `BEFORE_TITLE` (the modifiers "ancien", "futur"… skipped).
fn title_opens_phrase(doc: &Doc, k: usize) -> bool {
    if english::verb_after_infinitive_marker(doc, k) || names_a_place(doc, k) {
        return false;
    }
    let f = doc.folded(k);
    let verb_like = VERB_LIKE_TITLES.contains(&f) || f.ends_with("ant");
    if !verb_like || doc.lang != super::types::Lang::Fr || doc.cap(k) {
        return true;
    }
    let rs = modifiers_back(doc, k);
    let Some(p) = rs.checked_sub(1) else { return true };
    let f = doc.folded(p);
    !doc.is_word(p)
        || doc.newline_before(rs)
        || doc.is_determiner(p)
        || BEFORE_TITLE.contains(&f)
        || f.starts_with(|c: char| c.is_ascii_digit())
        || is_honorific(doc, p)
}

/// Places named after someone, whose name a title may open: "rue du Général Alain de Bossieu",
/// "le lycée du Président Coty" (folded).
const NAMED_PLACES: [&str; 14] = [
    "rue",
    "avenue",
    "boulevard",
    "place",
    "quai",
    "allee",
    "impasse",
    "pont",
    "gare",
    "lycee",
    "college",
    "ecole",
    "stade",
    "hopital",
];

/// Whether the title at `k` opens the name of a place ("rue du Général X"): "rue", "avenue"…
/// then "du", "de la" or "de l'" right before it.
fn names_a_place(doc: &Doc, k: usize) -> bool {
    let back = |n: usize| k.checked_sub(n).map_or("", |j| doc.folded(j));
    let place = if back(1) == "du" {
        back(2)
    } else if back(2) == "de" && matches!(back(1), "la" | "l'") {
        back(3)
    } else {
        ""
    };
    // ("à la place du ministre X", "prendre la place du président": no square but a stand-in;
    // a square's name writes its title with a capital.)
    doc.lang == Lang::Fr && NAMED_PLACES.contains(&place) && (place != "place" || doc.cap(k))
}

/// Start of the role once the lowercase modifiers before the title are included.
fn modifiers_back(doc: &Doc, mut rs: usize) -> usize {
    // "Former Wimbledon champion X", "Ancien magistrat, X": capitalised only because it opens
    // the sentence. ("Autre avocat de X, Y": "autre" opening a sentence links it to the one
    // before.)
    let modifier = |p: usize| {
        PRE_MODIFIERS.contains(&doc.folded(p))
            && (!doc.cap(p) || opens_sentence(doc, p) && !doc.cap(p + 1) && doc.folded(p) != "autre")
    };
    while rs > 0 && modifier(rs - 1) && !doc.newline_before(rs) {
        rs -= 1;
    }
    rs
}

/// Whether token `k` is the first of its sentence or of its line.
fn opens_sentence(doc: &Doc, k: usize) -> bool {
    k == 0 || doc.newline_before(k) || doc.starts_sentence(k)
}

/// English: the capitalised words before a lowercase title that name whom or what the title
/// serves: "Tory leader", "Arsenal manager", "US Open champion", "National Bureau of Statistics
/// chief", "Nintendo Europe's general manager". Returns where they start (`k` when none).
fn english_premodifiers(doc: &Doc, k: usize, blocked: &[bool]) -> usize {
    let acronym = |i: usize| doc.info.get(i).is_some_and(|t| t.upper);
    if doc.lang != super::types::Lang::En {
        return k;
    }
    // "Labour MP": an all-capitals title takes them too. Before a capitalised title only a
    // nationality stays in the role as written ("Chinese Foreign Minister", "UK Foreign
    // Secretary"): a run of capitalised words there may be a name ending.
    if doc.cap(k) && !acronym(k) {
        return match k.checked_sub(1) {
            Some(p) if nationality(doc, p) && !blocked.get(p).copied().unwrap_or(true) => {
                // "South African President": a nationality of two words is whole.
                let two = p.checked_sub(1).filter(|&q| {
                    doc.cap(q) && GAZ.demonyms.contains_key(&format!("{} {}", doc.folded(q), doc.folded(p)))
                });
                two.unwrap_or(p)
            }
            _ => k,
        };
    }
    // "Liberal Party transport spokesman": lowercase nouns first, then the capitalised words.
    let k = english::noun_premodifiers(doc, k);
    let word = |i: usize| doc.cap(i) && doc.is_word(i) && !blocked.get(i).copied().unwrap_or(true);
    // A capitalised stop word inside a name ("Credit Suisse First Boston"), not opening it
    // ("In London").
    let inner_stop = |i: usize| i > 0 && word(i - 1) && !GAZ.is_stop(doc.folded(i - 1));
    // "New Zealand winger": "New" opens the place's name (opening a sentence it may be the
    // modifier: "New Southampton manager X").
    let opens_place = |i: usize| doc.folded(i) == "new" && word(i + 1) && !opens_sentence(doc, i);
    let capitalised = |i: usize| {
        word(i)
            && !(opens_sentence(doc, i) && english::NO_COMPLEMENT_OPENERS.contains(&doc.folded(i)))
            && (!GAZ.is_stop(doc.folded(i)) || acronym(i) || inner_stop(i) || opens_place(i))
            && !is_honorific(doc, i)
            && !GAZ.months.contains_key(doc.folded(i))
            && !GAZ.days.contains_key(doc.folded(i))
    };
    // "Kenteris' lawyer": the apostrophe alone after a name in -s.
    let possessive = |i: usize| match doc.tok(i) {
        "'s" | "’s" => true,
        "'" | "’" => i > 0 && doc.tok(i - 1).ends_with(['s', 'S']),
        _ => false,
    };
    // "the club's new manager", "the athletes' coach": a possessor after "the" is in the role
    // as written (never a pronoun's: "his lawyer" says "lawyer").
    let q = modifiers_back(doc, k);
    if q >= 3 && possessive(q - 1) && !doc.cap(q - 2) && doc.is_word(q - 2) && doc.folded(q - 3) == "the" {
        return q - 2;
    }
    let mut s = k;
    // "Nintendo Europe's general manager": the possessive closes the run; "Empire magazine's
    // reviews editor": a cue noun after the name too.
    if s >= 2 && possessive(s - 1) && capitalised(s - 2) {
        s -= 1;
    } else if s >= 3
        && possessive(s - 1)
        && GAZ.org_before.contains(doc.folded(s - 2))
        && !doc.cap(s - 2)
        && capitalised(s - 3)
    {
        s -= 2;
    }
    while s > 0 && !doc.newline_before(s) {
        let p = s - 1;
        // "Bank of England governor"; not "and", which joins two people ("French writer X and
        // Korean writer Y").
        // "R&B star", "Marks & Spencer boss": "&" joins too; "Chelsea's Portuguese boss": a
        // possessive inside the run.
        // ("Commission for Racial Equality chairman": "for" after a body's head word; "a bid
        // from Rangers for Scotland captain X" joins nothing.)
        let body_for = doc.folded(p) == "for"
            && p > 0
            && (GAZ.org_head.contains(doc.folded(p - 1)) || GAZ.org_suffix.contains(doc.folded(p - 1)));
        let joiner = ((doc.folded(p) == "of" || body_for) && s < k || english::inner_joiner(doc, p, s < k))
            && p > 0
            && capitalised(p - 1);
        if capitalised(p) || joiner {
            s = p;
        } else {
            // "ex-Downing Street media chief": "ex-" opens the run.
            s -= usize::from(english::ex_capitalised(doc, p));
            break;
        }
    }
    // "a bid from Manchester United for England striker X": a run after a preposition is the
    // object of something else; "for" there joins nothing.
    if let Some(f_at) = (s..k).rev().find(|&j| doc.folded(j) == "for")
        && s > 0
        && matches!(
            doc.folded(s - 1),
            "from" | "by" | "to" | "with" | "against" | "of" | "for" | "at" | "on" | "in"
        )
    {
        s = f_at + 1;
    }
    // Never start on a joiner or a possessive.
    // "Said Wales coach X": a verb opening the sentence is no part of the role.
    let verb = |s: usize| opens_sentence(doc, s) && GAZ.is_speech_verb(doc.folded(s));
    while s < k
        && (matches!(doc.folded(s), "of" | "for")
            || !doc.cap(s) && !english::ex_capitalised(doc, s)
            || verb(s))
    {
        s += 1;
    }
    s
}

/// Whether the token at `k` is a capitalised nationality ("Chinese", "British") or a country's
/// letters ("UK", "US").
pub(super) fn nationality(doc: &Doc, k: usize) -> bool {
    let country = || {
        doc.info.get(k).is_some_and(|t| t.upper)
            && GAZ.acronyms.get(doc.tok(k)).is_some_and(|e| e.label == super::types::Label::Loc)
    };
    doc.cap(k) && doc.is_word(k) && (GAZ.demonyms.contains_key(doc.folded(k)) || country())
}

pub fn is_honorific(doc: &Doc, k: usize) -> bool {
    let f = doc.folded(k);
    // "M." is Monsieur in French but an initial in English ("M. Waugh").
    if doc.lang == super::types::Lang::En && matches!(f, "m" | "m." | "mm" | "mm." | "me") {
        return false;
    }
    doc.cap(k) && GAZ.honorifics.contains(f)
}

/// A capitalised name starting at k (honorific skipped by the caller); returns its end.
pub fn name_run(doc: &Doc, k: usize, blocked: &[bool]) -> Option<usize> {
    name_run_from(doc, k, blocked, false)
}

/// `name_run`, where `opens_line` lets the name's first word open a line: a subject read back
/// from its verb ("Jean Dupont est avocat" opening a paragraph), not a name read on after a
/// title (a title ending one line says nothing of a name opening the next).
fn name_run_from(doc: &Doc, k: usize, blocked: &[bool], opens_line: bool) -> Option<usize> {
    let ok = |i: usize| {
        doc.cap(i)
            && doc.is_word(i)
            && !blocked.get(i).copied().unwrap_or(true)
            && !is_honorific(doc, i)
            && !GAZ.months.contains_key(doc.folded(i))
            && !GAZ.days.contains_key(doc.folded(i))
            && (!GAZ.is_stop(doc.folded(i)) || doc.info.get(i).is_some_and(|t| t.upper))
            && (!doc.newline_before(i) || opens_line && i == k)
    };
    if !ok(k) || doc.elision(k).is_some() {
        return None;
    }
    // The capitalised word after "Le"/"La" inside a name, even a title word ("Le Maire").
    let ok_after_article =
        |i: usize| doc.cap(i) && doc.is_word(i) && !doc.newline_before(i) && !GAZ.is_stop(doc.folded(i));
    let mut j = k + 1;
    loop {
        if ok(j) && !doc.newline_before(j) {
            j += 1;
        } else if (PARTICLES.contains(&doc.folded(j)) || doc.folded(j) == "d'") && !doc.cap(j) && ok(j + 1) {
            j += 2;
        } else if (matches!(doc.tok(j), "Le" | "La")
            || doc.cap(j)
                && PARTICLES.contains(&doc.folded(j))
                && listed_name_at(doc, j + 1, Label::Loc).is_none())
            && ok_after_article(j + 1)
            && !doc.newline_before(j)
        {
            // ("Caroline De Haas", "Karel De Gucht": a particle written with a capital.)
            // French surnames with a capitalised article: "Bruno Le Maire", "Marine Le Pen".
            j += 2;
        } else if glued_article(doc.tok(j)) && !doc.newline_before(j) {
            // Arabic surnames with their article: "Bachar el-Assad", "Omar el-Béchir".
            j += 1;
        } else {
            break;
        }
    }
    Some(j)
}

/// Arabic articles written lowercase and glued by a hyphen to the capitalised surname they open
/// ("el-Assad", "al-Zawahiri", "ad-Dawla").
const GLUED_ARTICLES: [&str; 8] = ["al", "el", "ad", "ed", "ar", "as", "ash", "az"];

/// Whether a token is a surname opened by a glued Arabic article: "el-Assad", not "elle-même".
fn glued_article(token: &str) -> bool {
    token.split_once('-').is_some_and(|(article, rest)| {
        GLUED_ARTICLES.contains(&article) && rest.chars().next().is_some_and(char::is_uppercase)
    })
}

/// Words that link a noun to its complement: after them an article or a noun still belongs to
/// the role ("directeur de la banque"), after any other word it does not.
const LINKS: [&str; 27] = [
    "de", "du", "des", "d'", "la", "le", "les", "l'", "of", "the", "a", "au", "aux", "en", "chez", "pour",
    "sur", "dans", "at", "for", "in", "and", "et", "par", "avec", "entre", "aupres",
];

/// Participles that name a function with the title ("secrétaire d'État chargé du Numérique",
/// "ministre délégué"); other participles after a role tell what the person did ("filmé").
const ROLE_PARTICIPLES: [&str; 8] =
    ["charge", "chargee", "delegue", "deleguee", "specialise", "specialisee", "associe", "associee"];

/// Whether the word at `j`, inside a role's complement that starts at `from`, starts something
/// else: an article or an adverb in -ment right after a noun or adjective ("juge les avocats",
/// "commissaire divisionnaire fraîchement distingué"), a participle just after the title
/// ("policier filmé"), "en train de", a date ("directeur de l'usine le 3 mars").
fn ends_noun_phrase(doc: &Doc, from: usize, j: usize) -> bool {
    let f = doc.folded(j);
    let written = doc.tok(j);
    let after_content = j > 0 && doc.is_word(j - 1) && !LINKS.contains(&doc.folded(j - 1));
    let lower = !doc.cap(j);
    let article = matches!(f, "le" | "la" | "les" | "l'");
    let adverb = lower && f.len() > 6 && f.ends_with("ment");
    // "le chef étoilé français X" keeps its participle, "le policier filmé en train de" does not.
    let next_lower_word = doc.is_word(j + 1)
        && !doc.cap(j + 1)
        && !GAZ.demonyms.contains_key(doc.folded(j + 1))
        && !POST_MODIFIERS.contains(&doc.folded(j + 1));
    let participle = lower
        && next_lower_word
        && j <= from + 1
        && ends_like_participle(written)
        && !ROLE_PARTICIPLES.contains(&f)
        && !POST_MODIFIERS.contains(&f)
        && !GAZ.title_heads.contains(f);
    let next = doc.folded(j + 1);
    let date = matches!(f, "le" | "l'" | "en" | "in" | "on")
        && (doc.tok(j + 1).starts_with(|c: char| c.is_ascii_digit())
            || GAZ.months.contains_key(next)
            || GAZ.days.contains_key(next))
        // "à l'Élysée ce mardi", "ce matin".
        || matches!(f, "ce" | "cette")
            && (GAZ.days.contains_key(next) || matches!(next, "matin" | "soir" | "week-end" | "mois" | "semaine"));
    let body_name = article && names_body(doc, j);
    // "président de la République de 1995 à 2007": a year opens a period, not a complement (but
    // "candidate à la présidentielle de 2007" names the election).
    let year = matches!(f, "de" | "d'")
        && doc.tok(j + 1).len() == 4
        && doc.tok(j + 1).chars().all(|c| c.is_ascii_digit())
        && matches!(doc.folded(j + 2), "a" | "au");
    // "un viticulteur de 49 ans": an age says nothing of the function.
    let age = f == "de" && doc.tok(j + 1).chars().all(|c| c.is_ascii_digit()) && doc.folded(j + 2) == "ans";
    after_content && (article && !body_name || adverb || participle)
        || f == "en" && next == "train"
        || date
        || age
        || year
}

/// Nouns of a group that the lists of organisation cues leave out (folded).
const GROUP_NOUNS: [&str; 4] = ["collectif", "fondation", "coalition", "federation"];

/// Whether the article at `j` opens the name of the body the noun before it names: "du collectif
/// la Quadrature du Net", "de l'association la Voix de l'enfant". The name belongs to the role.
fn names_body(doc: &Doc, j: usize) -> bool {
    let noun = doc.folded(j.saturating_sub(1));
    doc.cap(j + 1)
        && !doc.cap(j)
        && j > 0
        && !doc.cap(j - 1)
        && (GAZ.org_before.contains(noun) || GROUP_NOUNS.contains(&noun))
}

/// What a title can aim at with "à" right after it: "candidat à l'élection présidentielle",
/// "candidat à sa propre succession", "adjoint à la mairie", "professeur à l'université".
fn aim_after_a(doc: &Doc, a: usize) -> bool {
    let mut j = a + 1;
    if doc.is_determiner(j) || matches!(doc.folded(j), "sa" | "son" | "leur") {
        j += 1;
    }
    if doc.folded(j) == "propre" {
        j += 1;
    }
    matches!(
        doc.folded(j),
        "election"
            | "presidentielle"
            | "presidence"
            | "primaire"
            | "mairie"
            | "universite"
            | "succession"
            | "reelection"
            | "direction"
            | "tete"
    )
}

/// Whether "à" at `j`, in the complement of a title ending at `from`, opens the workplace of
/// the title's holder: a workplace by its name ("à l'hôpital Necker", "à l'université de
/// Lyon"), after a title that is a trade, not an office whose holders visit places ("la
/// ministre de la Santé à l'hôpital Necker mardi"; "l'ancien footballeur à l'hôpital depuis
/// trois jours" names none).
fn workplace_after(doc: &Doc, from: usize, j: usize) -> bool {
    let named = doc.cap(j + 3)
        || matches!(doc.folded(j + 3), "de" | "du" | "des" | "d'")
            && (doc.cap(j + 4) || doc.is_determiner(j + 4) && doc.cap(j + 5));
    let visitor = (from.saturating_sub(4)..from).any(|i| VISITING_OFFICES.contains(&doc.folded(i)));
    doc.is_determiner(j + 1) && is_workplace(doc.folded(j + 2)) && named && !visitor
}

/// Offices whose holders visit the places they are named at (folded).
const VISITING_OFFICES: [&str; 12] = [
    "ministre",
    "president",
    "presidente",
    "depute",
    "deputee",
    "senateur",
    "senatrice",
    "maire",
    "prefet",
    "prefete",
    "candidat",
    "candidate",
];

/// Nouns of places people work at, which "à" ties to the title before them: the public
/// institutions and a few more (folded).
fn is_workplace(noun: &str) -> bool {
    const MORE: [&str; 11] = [
        "hopital",
        "observatoire",
        "musee",
        "clinique",
        "faculte",
        "conservatoire",
        "theatre",
        "opera",
        "laboratoire",
        "bibliotheque",
        "maternite",
    ];
    GAZ.institution_head.contains(noun) || MORE.contains(&noun)
}

/// After a role, a word of time that qualifies it before the comma: "le guide religieux d'alors,
/// l'ayatollah X", "X, berger à l'époque,", "Directeur du musée depuis 2010, X", "maire de
/// 2008 à 2014,", "depuis trois ans,". Returns the token after it (`ce` when none).
fn after_time_qualifier(doc: &Doc, ce: usize) -> usize {
    let year = |j: usize| {
        let t = doc.tok(j);
        t.len() == 4 && t.starts_with(['1', '2']) && t.bytes().all(|b| b.is_ascii_digit())
    };
    let number = |j: usize| super::dates::small_count(doc.folded(j)).is_some();
    let month = |j: usize| GAZ.months.contains_key(doc.folded(j));
    // (Not "en 2009": "Victime de deux AVC en 2009, X" dates an event, no office.)
    let since = |f: &str| matches!(f, "depuis" | "jusqu'en" | "since" | "until");
    match (doc.folded(ce), doc.folded(ce + 1), doc.folded(ce + 2)) {
        ("d'", "alors", _) => ce + 2,
        ("de" | "a", "l'", "epoque") => ce + 3,
        (f, _, _) if since(f) && year(ce + 1) => ce + 2,
        (f, _, _) if since(f) && month(ce + 1) && year(ce + 2) => ce + 3,
        ("depuis" | "for", _, "ans" | "mois" | "years" | "months") if number(ce + 1) => ce + 3,
        ("de" | "from" | "entre" | "between", _, "a" | "to" | "et" | "and" | "-")
            if year(ce + 1) && year(ce + 3) =>
        {
            ce + 4
        }
        _ => ce,
    }
}

/// Words opening a circumstance set between commas after a title (folded): "en visite", "de
/// passage", "lors de", "sur place".
const CIRCUMSTANCE_OPENERS: [&str; 5] = ["en", "de", "lors", "sur", "dans"];

/// A circumstance between commas after the comma at `c` ("…, en visite sur l'île, X"): where
/// its closing comma stands. French only; it names no one and holds no title (", en présence
/// de son adjoint, X" names the adjoint), only lowercase words and listed places.
fn inserted_circumstance_end(doc: &Doc, c: usize) -> Option<usize> {
    if doc.lang != Lang::Fr || doc.tok(c) != "," || !CIRCUMSTANCE_OPENERS.contains(&doc.folded(c + 1)) {
        return None;
    }
    let close = (c + 2..(c + 9).min(doc.len())).find(|&j| doc.tok(j) == ",")?;
    let plain = |j: usize| {
        (doc.is_word(j) || doc.elision(j).is_some())
            && title_at(doc, j).is_none()
            && (!doc.cap(j) || listed_name_at(doc, j, Label::Loc).is_some())
    };
    (c + 1..close).all(plain).then_some(close)
}

/// "(OMS)" at `j`: an acronym in brackets, three tokens (quotes.rs reads speakers' titles with it too).
pub(super) fn bracketed_acronym(doc: &Doc, j: usize) -> bool {
    doc.tok(j) == "(" && doc.tok(j + 2) == ")" && doc.info.get(j + 1).is_some_and(|t| t.upper && t.word)
}

/// "(Paca)" at `j`: one capitalised word in brackets right after a name (a capitalised word or
/// a listed name, "La République en marche"), its short name or its leaning (French). Not
/// after a person's name ("le porte-parole d'Édouard Philippe (Horizons) X"), nor a given name
/// in brackets.
fn bracketed_gloss(doc: &Doc, j: usize) -> bool {
    // (Read for every word of a complement: the bracket first.)
    if doc.tok(j) != "(" || doc.tok(j + 2) != ")" {
        return false;
    }
    let given = |i: usize| GAZ.first_names.contains(doc.folded(i));
    let after_name = j > 1
        && doc.lang == Lang::Fr
        && doc.is_word(j - 1)
        && !given(j - 1)
        && !given(j - 2)
        && !given(j + 1)
        && (doc.cap(j - 1)
            || (j.saturating_sub(6)..j - 1)
                .any(|i| listed_name_at(doc, i, Label::Org).is_some_and(|(_, end)| end == j)));
    let capitalised = doc.cap(j + 1)
        || doc.tok(j + 1).strip_prefix("ex-").is_some_and(|r| r.starts_with(char::is_uppercase));
    // ("the Jazz Singer (1927)": a year is no name; "(ex-FN)" is.)
    let word = doc.is_word(j + 1)
        && doc.tok(j + 1).starts_with(char::is_alphabetic)
        && doc.tok(j + 1).chars().all(|c| c.is_alphabetic() || c == '-');
    after_name && capitalised && word && !doc.newline_before(j)
}

/// A name the lists know at token `j`, written capitalised, with its label: "Les Républicains",
/// "Debout la France", "Allemagne", "LR". Returns its list id and where it ends.
pub(super) fn listed_name_at(doc: &Doc, j: usize, label: Label) -> Option<(u32, usize)> {
    if !doc.cap(j) {
        return None;
    }
    if let Some(e) = GAZ.acronyms.get(doc.tok(j)).filter(|e| e.label == label) {
        return Some((e.id, j + 1));
    }
    let mut key = String::new();
    let mut best = None;
    for i in j..(j + GAZ.max_phrase_len).min(doc.len()) {
        if i > j {
            key.push(' ');
        }
        key.push_str(doc.folded(i));
        if !GAZ.phrase_prefixes.contains(&key) {
            break;
        }
        if let Some(e) = GAZ.phrases.get(&key).filter(|e| e.label == label) {
            best = Some((e.id, i + 1));
        }
    }
    best
}

/// A few words in guillemets inside a complement: "l'un des leaders des «gilets jaunes»".
/// Returns where the closing guillemet ends.
fn quoted_words(doc: &Doc, j: usize) -> Option<usize> {
    // Only a name after "des", "du", "de la": "porte-parole de la préfecture «rien n'est
    // décidé»" is a quotation. After a noun of naming ("du thème «s'enrichir dans la diversité
    // linguistique»", "auteur du livre «…»") the words are the title it names.
    let named = j > 0 && matches!(doc.folded(j - 1), "des" | "du" | "de" | "la" | "les" | "l'");
    let naming = j > 0 && NAMING_NOUNS.contains(&doc.folded(j - 1));
    if doc.tok(j) != "«" || !(named || naming) {
        return None;
    }
    let reach = if naming { 10 } else { 5 };
    let close = (j + 2..(j + reach).min(doc.len())).find(|&c| doc.tok(c) == "»")?;
    // ("monteuse de «Merci Patron!»": a title may end on its own mark.)
    let word = |i: usize| doc.is_word(i) || i + 1 == close && i > j + 1 && matches!(doc.tok(i), "!" | "?");
    (j + 1..close).all(|i| word(i) && (naming || doc.elision(i).is_none())).then_some(close + 1)
}

/// Nouns that name a work or a theme by its title in guillemets (folded).
const NAMING_NOUNS: [&str; 8] =
    ["theme", "livre", "film", "ouvrage", "spectacle", "slogan", "titre", "programme"];

/// A name in brackets after an acronym: "UC (Union centriste)". Returns where it ends.
fn bracketed_expansion(doc: &Doc, j: usize) -> Option<usize> {
    let after_acronym = j > 0 && doc.info.get(j - 1).is_some_and(|t| t.upper && t.word);
    if doc.tok(j) != "(" || !after_acronym || !doc.cap(j + 1) {
        return None;
    }
    (j + 2..(j + 8).min(doc.len()))
        .find(|&c| doc.tok(c) == ")")
        .filter(|&c| (j + 1..c).all(|i| doc.is_word(i)))
        .map(|c| c + 1)
}

/// Endings of French adjectives and nouns that a verb in the third person rarely has
/// ("métropolitain", "solidaire", "moyennes", "ardent", "science"; not "vient", "enseigne",
/// "publie").
const NOUN_OR_ADJECTIVE_ENDINGS: [&str; 44] = [
    "al", "ale", "ales", "aux", "el", "elle", "elles", "els", "ain", "aine", "aines", "ains", "ien", "ienne",
    "iennes", "iens", "en", "enne", "ennes", "ique", "iques", "aire", "aires", "iste", "istes", "ais",
    "aise", "aises", "if", "ive", "ives", "ifs", "eur", "euse", "eurs", "rice", "ant", "ante", "ants", "ent",
    "ents", "ion", "ions", "ence",
];

/// Whether "et" at `j` joins a clause of its own to the role, not more of it: a verb ("essayiste
/// et vient de publier", "docteur en droit et enseigne à Lyon"), a possessive ("ministre de
/// l'Intérieur et son secrétaire d'État") or another person's given name ("dirigeante de société
/// et Jean"). A title, an article, a preposition, an adjective or a name goes on with the role
/// ("conseiller municipal et métropolitain", "ministre de l'Économie et des Finances").
fn clause_after_and(doc: &Doc, j: usize) -> bool {
    let n = j + 1;
    let f = doc.folded(n);
    if doc.lang != super::types::Lang::Fr || !doc.is_word(n) {
        return false;
    }
    if matches!(f, "son" | "sa" | "ses" | "leur" | "leurs" | "ce" | "cet" | "cette" | "ces") {
        return true;
    }
    if doc.cap(n) {
        return GAZ.first_names.contains(f) && listed_name_at(doc, n, Label::Org).is_none();
    }
    let goes_on = LINKS.contains(&f)
        || doc.is_determiner(n)
        || MODIFIERS.contains(&f)
        || PRE_MODIFIERS.contains(&f)
        || title_at(doc, n).is_some()
        || f.starts_with(|c: char| c.is_ascii_digit())
        // A participle or an adjective in "-é": "élu et reconnu", "agréé".
        || ["é", "ée", "és", "ées"].iter().any(|e| doc.tok(n).ends_with(e))
        || !f.ends_with("ient") && NOUN_OR_ADJECTIVE_ENDINGS.iter().any(|e| f.ends_with(e));
    !goes_on
}

/// French adverbs that come after a verb or an adjective, never inside the noun complement of a
/// title.
const VERB_ADVERBS: [&str; 9] = [
    "desormais",
    "toujours",
    "deja",
    "pourtant",
    "egalement",
    "ensuite",
    "cependant",
    "neanmoins",
    "toutefois",
];

fn complement_end(doc: &Doc, from: usize, max: usize) -> usize {
    let mut j = from;
    let mut last_content = from;
    // The last English possessive read on ("of Toyota's US sales arm").
    let mut possessive: Option<usize> = None;
    while j < doc.len() && j < from + max {
        // "président du groupe Les Républicains", "député Les Républicains (LR)", "président de
        // Debout la France": a listed organisation's name belongs to the role, its capitalised
        // article included.
        // After "and" it is another subject: "The MP for Caerwen Vale and Plaid Cymru's leader".
        let joined = j > from && matches!(doc.folded(j - 1), "et" | "and");
        if let Some((_, end)) =
            listed_name_at(doc, j, Label::Org).filter(|_| !doc.newline_before(j) && !joined)
        {
            // A person after it is whose party it is, not part of the role: "du parti Debout la
            // France de Nicolas Dupont-Aignan" (but "de la fédération LR de Paris").
            j = end;
            last_content = end;
            let of = matches!(doc.folded(end), "de" | "d'");
            let listed = |i: usize| {
                listed_name_at(doc, i, Label::Loc).is_some() || listed_name_at(doc, i, Label::Org).is_some()
            };
            if of && doc.cap(end + 1) && !listed(end + 1) {
                return last_content;
            }
            continue;
        }
        if let Some(end) = quoted_words(doc, j).filter(|_| j > from) {
            j = end;
            last_content = end;
            continue;
        }
        if let Some(end) = bracketed_expansion(doc, j) {
            j = end;
            last_content = end;
            continue;
        }
        // "an analyst at Stone & McCarthy Research": "&" inside a firm's name.
        if doc.tok(j) == "&" && j > from && doc.cap(j - 1) && doc.cap(j + 1) && doc.is_word(j + 1) {
            j += 1;
            continue;
        }
        let f = doc.folded(j);
        // "à" is a preposition, part of the role before an institution's name ("professeur à
        // l'Université X") or a place right after the title ("avocat à Paris"), not before other
        // words ("berger en Kabylie à l'époque", "organise à Versailles"); "a" is the verb.
        let institution = j == from && doc.cap(j + 1)
            || doc.is_determiner(j + 1) && doc.cap(j + 2)
            || j == from && aim_after_a(doc, j)
            // "professeur de physique à l'université de Lyon", "médecin à l'hôpital X": a
            // workplace anywhere in the complement.
            || workplace_after(doc, from, j)
            // "procureur de la République à Toulon,": a known place closing the role.
            || doc.cap(j + 1) && GAZ.phrases.contains_key(doc.folded(j + 1)) && !doc.is_word(j + 2);
        // "head of that tribunal": a demonstrative after a preposition is a determiner, no
        // relative pronoun.
        let demonstrative = matches!(f, "that" | "this" | "these" | "those")
            && j > from
            && matches!(doc.folded(j - 1), "of" | "at" | "for" | "in" | "with")
            && doc.is_word(j + 1)
            && !doc.cap(j + 1)
            && !GAZ.is_stop(doc.folded(j + 1));
        let stop = COMPLEMENT_STOP.contains(&f) && !(doc.tok(j) == "à" && institution) && !demonstrative
            || ends_noun_phrase(doc, from, j)
            || english::ends_after_title(doc, from, j)
            // "élu président avec 13 millions de voix", not "ministre des Relations avec le Parlement"
            || f == "avec" && doc.tok(j + 1).starts_with(|c: char| c.is_ascii_digit())
            // "reçue par le ministre", not "président par intérim"
            || f == "par" && doc.is_determiner(j + 1)
            // "ministre sous Nicolas Sarkozy", "foreign secretary under Tony Blair": whom the
            // holder served, who holds no such title.
            || matches!(f, "sous" | "under") && doc.cap(j + 1)
            // "le député de la Somme au micro de RTL": where they speak (not "animateur au micro
            // d'Europe 1", a job).
            || j > from && crate::extract::media::studio_after(doc, j)
            // "le porte-parole du gouvernement sur BFMTV", "le procureur de Brest à l'AFP": the
            // outlet they spoke to, not their employer ("journaliste à l'AFP").
            || spoke_to_medium(doc, from, j)
            || age_end(doc, j).is_some()
            // "L'artiste y remercie X": a pronoun before its verb (not "Castilla y León").
            || f == "y" && doc.lang == Lang::Fr && j > 0 && !doc.cap(j - 1) && !doc.cap(j + 1)
            // "pour désigner": a purpose, not "pour l'Asie-Pacifique"
            || f == "pour" && !doc.cap(j + 1) && !doc.is_determiner(j + 1) && doc.elision(j + 1).is_none()
            // A verb follows: "… ne mette", "… s'est", "… d'ajouter".
            || matches!(f, "ne" | "n'" | "se" | "s'")
            // "élu délégué général samedi matin": a day says when, not what.
            || !doc.cap(j) && (GAZ.days.contains_key(f) || matches!(f, "hier" | "demain"))
            || matches!(f, "de" | "d'") && super::quotes::infinitive_of_speech(doc.folded(j + 1))
            || f == "et" && clause_after_and(doc, j)
            // "research director at Gartner and someone who has followed Yahoo": no title.
            || f == "and" && matches!(doc.folded(j + 1), "someone" | "somebody" | "anyone");
        // "directeur de l'Organisation mondiale de la santé (OMS)", "maire (PS) de Lille": an
        // acronym in brackets stays inside the role (its text leaves it out), as does a short
        // name glossing the capitalised name before it ("la région Provence-Alpes-Côte d'Azur
        // (Paca)", "La République en marche (LaREM)", "du groupe GDR (communistes)").
        if bracketed_acronym(doc, j) || bracketed_gloss(doc, j) {
            j += 3;
            last_content = j;
            continue;
        }
        // "chief operating officer of Toyota's US sales arm", "adviser to IMF's managing
        // director": an English possessive goes on into the noun it qualifies.
        if doc.lang == Lang::En
            && j > from
            && matches!(doc.tok(j), "'s" | "’s")
            && doc.is_word(j + 1)
            && !doc.newline_before(j + 1)
        {
            possessive = Some(j);
            j += 1;
            continue;
        }
        // These adverbs are never in a title's complement: they end the role ("ministre des
        // Affaires étrangères toujours en poste"), and after a listed name the word before them
        // is a verb ("le patron des Républicains voit désormais …").
        if doc.lang == Lang::Fr && j > from + 1 && VERB_ADVERBS.contains(&f) {
            let after_listed = (j.saturating_sub(6)..j - 1).any(|i| {
                listed_name_at(doc, i, Label::Org)
                    .or_else(|| listed_name_at(doc, i, Label::Loc))
                    .is_some_and(|(_, e)| e == j - 1)
            });
            if !doc.cap(j - 1) && doc.is_word(j - 1) && after_listed {
                last_content = last_content.min(j - 1);
            }
            break;
        }
        if !doc.is_word(j) || stop || GAZ.is_speech_verb(f) || doc.newline_before(j) {
            break;
        }
        if j > from
            && opens_name(doc, j)
            && !english::object_of_preposition(doc, from, j)
            && !named_after_someone(doc, j - 1)
        {
            break;
        }
        j += 1;
        if !matches!(
            f,
            "de" | "du"
                | "des"
                | "d'"
                | "la"
                | "le"
                | "les"
                | "l'"
                | "of"
                | "the"
                | "et"
                | "and"
                | "a"
                | "at"
                | "for"
                | "to"
                | "au"
                | "aux"
                | "en"
                | "chez"
        ) {
            last_content = j;
        }
    }
    // "director of Venice's famous La Fenice Theatre": a name cut off after the possessive's
    // modifiers leaves them hanging, so the role stops at the possessor.
    let cut_name = (last_content..j + 1).any(|i| doc.cap(i) && doc.is_word(i) && !doc.newline_before(i));
    match possessive {
        Some(p) if last_content > p && cut_name => p,
        _ => last_content,
    }
}

/// `day`: the article's day, which says who held the offices it names without a name.
pub fn find_roles(doc: &Doc, blocked: &[bool], day: Option<(i32, u32, u32)>) -> Vec<RoleMatch> {
    let mut out = Vec::new();
    let n = doc.len();
    let mut k = 0;
    while k < n {
        // Pattern 1 and 2: TITLE [demonym] Name  /  TITLE complement , Name  /  TITLE complement Name
        if let Some((te, plural)) = title_phrase_at(doc, k)
            && title_opens_phrase(doc, k)
            && !english::in_work_title(doc, k, te)
        {
            let te = title_tail(doc, te);
            let title_start = extend_back(doc, k, blocked);
            let premodifiers = english_premodifiers(doc, title_start, blocked);
            let rs = modifiers_back(doc, premodifiers);
            // "Arsenal manager": the club stays an entity, only the title is reserved.
            let reserved = if premodifiers < title_start { title_start } else { rs };
            // "un des leaders du mouvement, X": one of them, the role keeps "un des".
            let (rs, plural) = match rs.checked_sub(2).filter(|&o| one_of_at(doc, o)) {
                Some(o) => (o, false),
                None => (rs, plural),
            };
            let mut ns = te;
            // "du «porte-parole» Éric Drouet": a title the writer keeps at a distance is still
            // the one the text gives.
            if doc.tok(ns) == "»" && k > 0 && doc.tok(k - 1) == "«" {
                ns += 1;
            }
            if is_honorific(doc, ns) {
                ns += 1;
            }
            let premodified = premodifiers < title_start;
            if let Some(ne) = person_name(doc, ns, blocked)
                // "President Bush" but not "Minister Of…": the name must not be another title.
                && title_at(doc, ns).is_none()
                && !english::lone_acronym(doc, ns, ne)
                // "General Electric", "General Motors": a listed body opening with a title.
                && listed_name_at(doc, k, Label::Org).is_none_or(|(_, end)| end <= ns)
                && (!premodified || names_someone_served(doc, k, te, ns..ne))
                // "Grammy Award winners U2", "FA Cup winners Wimbledon, Coventry and Portsmouth":
                // groups' names after a plural title; people's have a given name or two words.
                && (!plural
                    || next_listed_name(doc, ne, blocked).is_some_and(|full| ne > ns + 1 || ns > te || full)
                    || GAZ.first_names.contains(doc.folded(ns))
                    || doc.lang == Lang::Fr)
            {
                let role = doc.span_text(rs, te).to_string();
                k = push_named(doc, blocked, &mut out, ns..ne, reserved..te, role, plural);
                continue;
            }
            // "Chinese counterpart Minister Li Zhaoxing to discuss …, Hong Kong": after premodifiers
            // only a title of function with a lowercase complement, if any, is read on.
            let relation =
                RELATIONS.contains(&doc.folded(k)) || doc.cap(te) && doc.lang == super::types::Lang::En;
            if premodified && relation || party_member_at(doc, k) {
                k += 1;
                continue;
            }
            let ce = complement_end(doc, te, 14);
            // (Only a title fronting its sentence: "Il était député de 2012 à 2017, X lui a succédé".)
            // (Past premodifiers and a preposition: "Ancien maire de Lyon de 2001 à 2017, X",
            // "Selon le préfet de 2017 à 2019, X"; no verb or subject pronoun before the title.)
            let sentence_from = (rs.saturating_sub(4)..=rs).rev().find(|&j| doc.starts_sentence(j));
            let fronted = sentence_from.is_some_and(|from| {
                (from..rs).all(|j| {
                    !matches!(
                        doc.folded(j),
                        "il" | "elle"
                            | "ils"
                            | "elles"
                            | "on"
                            | "a"
                            | "avait"
                            | "est"
                            | "etait"
                            | "fut"
                            | "sont"
                            | "ont"
                            | "sera"
                            | "he"
                            | "she"
                            | "they"
                            | "was"
                            | "is"
                            | "were"
                            | "had"
                            | "has"
                    )
                })
            });
            let then = matches!((doc.folded(ce), doc.folded(ce + 1)), ("d'", "alors") | ("de" | "a", "l'"));
            let comma = if fronted || then { after_time_qualifier(doc, ce) } else { ce };
            // "la ministre des Outre-mer, en visite sur l'île, Annick Girardin,": a circumstance
            // between commas before the name, when the title opens its clause ("Pour le
            // ministre, en revanche, X" and "Convoqué par le procureur, en fin de matinée, X" are
            // no appositions).
            let opens_clause = rs > 0
                && doc.is_determiner(rs - 1)
                && (rs == 1 || doc.starts_sentence(rs - 1) || !doc.is_word(rs - 2));
            let comma = inserted_circumstance_end(doc, comma)
                .filter(|&c| {
                    opens_clause && person_name(doc, c + 1, blocked).is_some_and(|ne| doc.tok(ne) == ",")
                })
                .unwrap_or(comma);
            // "Avec X, président de A, Z propose": a title without its article after a person's
            // comma is their apposition, not the next name's. (Not after a place, a day or a
            // medium, "Lundi, ministre de l'Intérieur, X"; nor "one of" or a possessor's title,
            // "England captain X, Leicester's director of rugby, Y".)
            let apposed = rs >= 2
                && doc.tok(rs - 1) == ","
                && person_before_comma(doc, rs - 1)
                && !one_of_at(doc, rs)
                && !(rs..k).any(|j| matches!(doc.tok(j), "'s" | "’s"));
            if doc.tok(comma) == "," && !apposed {
                let mut ns = comma + 1;
                // "The Archbishop of Cardiff, the Most Reverend Peter Smith,".
                if let Some(after) = english::style_end(doc, ns) {
                    ns = after;
                }
                if is_honorific(doc, ns) {
                    ns += 1;
                }
                // "le guide religieux de l'Iran, l'ayatollah Ali Khamenei": both roles are his;
                // the second is read when the loop reaches it. ("Parmi les victimes, le
                // boulanger X": a plural title names a group, not the one named after it.)
                if doc.is_determiner(ns)
                    && !plural
                    && let Some(inner) = title_at(doc, ns + 1)
                    && let Some(ne) = person_name(doc, inner, blocked)
                {
                    out.push(RoleMatch {
                        name: inner..ne,
                        role_tokens: reserved..ce,
                        role: doc.span_text(rs, ce).to_string(),
                    });
                    k = ns + 1;
                    continue;
                }
                // "blessés par des policiers, Jean Dupont a dit": a plural title names a group
                // that a single name after the comma is not.
                // "Le président de la fédération, M. Dupont": an honorific tells a surname (in
                // English "…the general election, Mr Kennedy said" it follows no apposition).
                let honoured = ns > comma + 1 && doc.lang == super::types::Lang::Fr;
                // "The head of the unit, Detective Superintendent, Jane Reed": the ranks are hers.
                let ranks = english::title_run_end(doc, ns);
                if let Some(re) = ranks
                    && doc.tok(re) == ","
                    && let Some(ne) = person_name(doc, re + 1, blocked).filter(|&ne| ne >= re + 3)
                {
                    let role = doc.span_text(rs, ce).to_string();
                    out.push(RoleMatch { name: re + 1..ne, role_tokens: reserved..ce, role });
                    k = ns;
                    continue;
                }
                if let Some(ne) = person_name(doc, ns, blocked).filter(|_| ranks.is_none())
                    && (ne - ns >= 2 || GAZ.first_names.contains(doc.folded(ns)) || honoured)
                    && (!plural || another_name_after(doc, ne, blocked))
                {
                    let role = doc.span_text(rs, ce).to_string();
                    k = push_named(doc, blocked, &mut out, ns..ne, reserved..ce, role, plural);
                    continue;
                }
            }
            // "le ministre de l'Intérieur Christophe Castaner", "la porte-parole du gouvernement
            // Najat Vallaud-Belkacem": the name closes the complement without a comma.
            if let Some((ns, ne)) = name_closing_complement(doc, te, ce, blocked) {
                // "des figures du mouvement comme Jean Dupont": the name is one of them.
                let re = if ns > te && doc.folded(ns - 1) == "comme" { ns - 1 } else { ns };
                let role = doc.span_text(rs, re).to_string();
                k = push_named(doc, blocked, &mut out, ns..ne, reserved..ns, role, plural);
                continue;
            }
        }
        // "Jane Reed MP".
        if let Some(end) = english::post_nominal(doc, k, &mut out) {
            k = end;
            continue;
        }
        // "Liberal Democrat Jane Reed".
        if let Some(end) = english::party_member_before_name(doc, k, blocked, &mut out) {
            k = end;
            continue;
        }
        // Pattern 4: Name [qui] est / fut / a été élu [det] TITLE complement
        if let Some((role, rs, ce)) = copula_role(doc, k, blocked) {
            k = role.role_tokens.end.max(k + 1);
            // "X est avocat et essayiste": two roles.
            for (a, b) in coordinated(doc, rs, ce) {
                out.push(RoleMatch { role: doc.span_text(a, b).to_string(), ..role.clone() });
            }
            continue;
        }
        // Pattern 3b: Name le/la TITLE complement — an apposition written without its comma.
        if let Some(end) = unpunctuated_apposition(doc, k, blocked, &mut out) {
            k = end;
            continue;
        }
        // Pattern 3: Name [(PARTY)] , [age ,] [det] [modifier] TITLE complement [, more roles]
        // "Jean Dupont (PS), maire de Lille": the party in brackets is no part of the name.
        let name_end = if k >= 4 && bracketed_acronym(doc, k - 3) { k - 3 } else { k };
        let glued_surname = name_end > 1 && glued_article(doc.tok(name_end - 1)) && doc.cap(name_end - 2);
        // "Henri d'Orléans - comte de Paris et prétendant au trône -,": an apposition between
        // dashes, kept only when its closing dash follows it.
        let dash = matches!(doc.tok(k), "-" | "–" | "—") && !doc.newline_before(k);
        if (doc.tok(k) == "," || dash) && name_end > 0 && (doc.cap(name_end - 1) || glued_surname) {
            // "Liberal Democrat Sarah Teather, the most recent female MP …": a name a title just
            // gave starts where that role said, not at the capitalised title before it.
            // (A one-word capitalised title, "Cardinal", "President", is read into the name by
            // the recognisers: the name keeps it.)
            let ns = out
                .iter()
                .rev()
                .find(|r| {
                    r.name.end == name_end && !(r.role_tokens.len() == 1 && doc.cap(r.role_tokens.start))
                })
                .map_or_else(|| name_start_before(doc, name_end), |r| r.name.start);
            // "Florence Dupont", "Maurice Lévy": a given name that is also a place opens a name.
            let given = name_end > ns + 1 && GAZ.first_names.contains(doc.folded(ns));
            let place = !given
                && (GAZ.phrases.contains_key(doc.folded(ns)) || GAZ.acronyms.contains_key(doc.tok(ns)));
            // "Finalement, l'élu …": an adverb opening the sentence names no one.
            let adverb = name_end == ns + 1
                && opens_sentence(doc, ns)
                && doc.folded(ns).len() > 6
                && doc.folded(ns).ends_with("ment")
                && !GAZ.first_names.contains(doc.folded(ns));
            // "Agriculteurs, cheminots, lycéens": a list of plural nouns opening the sentence.
            let plural_list = name_end == ns + 1
                && (opens_sentence(doc, ns) || ns > 0 && !doc.is_word(ns - 1) && doc.tok(ns - 1) != ",")
                && doc.folded(ns).ends_with('s')
                && !GAZ.first_names.contains(doc.folded(ns))
                && title_head(doc, k + 1).is_some_and(|(_, plural)| plural);
            if ns < name_end
                && !place
                && !adverb
                && !plural_list
                && (name_end > ns + 1 || !is_party_label(doc, ns))
                && !blocked.get(ns).copied().unwrap_or(true)
                && !after_article(doc, ns)
                && !subject_after_cited(doc, ns, k, blocked)
                && let before = out.len()
                && let Some(end) = appositions(doc, ns..name_end, k, blocked, &mut out)
            {
                if !dash || matches!(doc.tok(end), "-" | "–" | "—") {
                    k = end;
                    // "Marie Durand, avocate, est devenue ministre": the verb after the apposition.
                    if doc.tok(end) == ","
                        && let Some((role, rs, ce)) = copula_role_of(doc, end + 1, ns..name_end, blocked)
                    {
                        k = role.role_tokens.end.max(end + 1);
                        for (a, b) in coordinated(doc, rs, ce) {
                            out.push(RoleMatch { role: doc.span_text(a, b).to_string(), ..role.clone() });
                        }
                    }
                    continue;
                }
                out.truncate(before);
            }
        }
        k += 1;
    }
    // Who held an office on the article's day decides who its descriptions are, before the
    // rules that read them as the person named nearby.
    // The descriptions read as another role of a titled person do not build on these: "le
    // président de la République" given by the table is no title to restate.
    let kin = kin::kin_roles(doc, blocked, &out);
    out.extend(kin);
    let (offices, vetoes) = offices::office_roles(doc, &out, day);
    let allowed = |r: &RoleMatch| !vetoes.iter().any(|v| v.forbids(doc, r));
    let described = described_roles(doc, &out, blocked);
    out.extend(described.into_iter().filter(allowed));
    out.extend(offices);
    let anaphoric: Vec<RoleMatch> =
        anaphora::anaphoric_roles(doc, &out, blocked).into_iter().filter(allowed).collect();
    let mut more = !anaphoric.is_empty();
    out.extend(anaphoric);
    let described_en: Vec<RoleMatch> =
        anaphora_en::english_anaphoric_roles(doc, &out, blocked).into_iter().filter(allowed).collect();
    out.extend(described_en);
    let pronouns: Vec<RoleMatch> =
        anaphora::pronoun_copula_roles(doc, &out, blocked).into_iter().filter(allowed).collect();
    more |= !pronouns.is_empty();
    out.extend(pronouns);
    // A role read from a description may itself be restated later ("…, juge le président du
    // MoDem. … le patron du MoDem se veut prudent").
    if more {
        let restated = described_roles(doc, &out, blocked);
        out.extend(restated.into_iter().filter(allowed));
    }
    english::split_post_nominals(doc, &mut out);
    for r in &mut out {
        r.role = without_brackets(&r.role);
    }
    // "guitarist with", "Premier ministre par": words cut off before their object are dropped;
    // "head to Brussels to meet with" is a clause read too far, no role.
    for r in &mut out {
        r.role = without_dangling(&r.role);
    }
    out.retain(|r| !r.role.is_empty());
    out
}

/// Words no role ends on: a preposition, a conjunction or a pronoun waiting for what follows
/// (lowercase).
const DANGLING: [&str; 33] = [
    "with",
    "to",
    "of",
    "the",
    "and",
    "for",
    "in",
    "at",
    "by",
    "as",
    "de",
    "du",
    "des",
    "et",
    "pour",
    "par",
    "à",
    "au",
    "aux",
    "sur",
    "avec",
    "chez",
    "en",
    "dans",
    "il",
    "elle",
    "y",
    "devant",
    "derrière",
    "vers",
    "contre",
    "entre",
    "sous",
];

/// `role` without the words it ends on that wait for more; empty when more than three words
/// are left, a clause rather than a title.
fn without_dangling(role: &str) -> String {
    let words: Vec<&str> = role.split(' ').collect();
    let keep =
        words.iter().rposition(|w| !DANGLING.contains(&w.to_lowercase().as_str())).map_or(0, |i| i + 1);
    if keep == words.len() {
        role.to_string()
    } else if keep > 0 && keep <= 3 {
        words[..keep].join(" ")
    } else {
        String::new()
    }
}

/// A role as written without what it says in brackets: "sénateur du Rassemblement national
/// (RN)" → "sénateur du Rassemblement national", "maire (PS) de Lille" → "maire de Lille".
fn without_brackets(role: &str) -> String {
    if !role.contains('(') {
        return role.to_string();
    }
    let mut out = String::with_capacity(role.len());
    let mut depth = 0usize;
    for c in role.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a lowercase article or "du"/"au" comes right before the capitalised word at `ns`:
/// "le Brexit, le président de la République a dit" names a thing, not a person.
fn after_article(doc: &Doc, ns: usize) -> bool {
    let Some(p) = ns.checked_sub(1) else { return false };
    !doc.cap(p) && matches!(doc.folded(p), "le" | "la" | "les" | "l'" | "du" | "au" | "aux" | "des")
}

/// Whether the name at `ns` is cited ("Selon X,", "Pour X,", "D'après X,") and the description
/// after its comma at `comma` is the subject of the clause that follows: "Selon Jean Dupont, le
/// chef de l'État ne souhaite pas …" speaks of someone else. An apposition ends on punctuation
/// or a relative clause.
/// French past participles in -i and -u that open a sentence ("Affaibli par …", "Reçu par …").
const PARTICIPLES_I_U: [&str; 16] = [
    "affaibli",
    "affaiblie",
    "recu",
    "recue",
    "elu",
    "elue",
    "suivi",
    "suivie",
    "soutenu",
    "soutenue",
    "conduit",
    "conduite",
    "interrompu",
    "interrompue",
    "saisi",
    "saisie",
];

fn subject_after_cited(doc: &Doc, ns: usize, comma: usize, blocked: &[bool]) -> bool {
    let before = |i: usize| ns.checked_sub(i).map_or("", |p| doc.folded(p));
    let cited = matches!(before(1), "selon" | "pour") || before(1) == "apres" && before(2) == "d'";
    // "Affaibli par le départ de ses élus vers X, le patron du parti voit …": the name closes a
    // participle clause opening the sentence, whose subject is the description after it.
    let in_participle_clause = || {
        let start = doc.sentence_start(ns).unwrap_or(0);
        let opener = doc.tok(start);
        let participle = ends_like_participle(opener) || PARTICIPLES_I_U.contains(&doc.folded(start));
        doc.lang == Lang::Fr
            && start + 2 < ns
            && doc.cap(start)
            && participle
            && !(start..ns).any(|j| doc.tok(j) == ",")
            && matches!(before(1), "par" | "vers" | "avec" | "contre" | "chez" | "de" | "a" | "sur")
    };
    let article = matches!(doc.folded(comma + 1), "le" | "la" | "l'");
    (cited || in_participle_clause())
        && article
        && apposed_role(doc, comma + 1, blocked).is_some_and(|(_, ce)| {
            // "selon X, le secrétaire d'État qui s'exprimait": a relative clause says more of X.
            doc.is_word(ce) && !matches!(doc.folded(ce), "et" | "ou" | "qui" | "que" | "qu'" | "dont")
        })
}

/// The roles set in apposition after the name `name`, from the comma at `comma` on: "X,
/// directeur de Y,", "X, 45 ans, chauffeur de taxi,", "X, maire de Lyon, ancien ministre,".
/// Returns where the last role ends, `None` when no role follows.
fn appositions(
    doc: &Doc,
    name: Range<usize>,
    comma: usize,
    blocked: &[bool],
    out: &mut Vec<RoleMatch>,
) -> Option<usize> {
    let mut comma = comma;
    let mut end = None;
    loop {
        let mut t = comma + 1;
        // An age between commas says nothing of the function: "X, 45 ans, directeur", "X, 25,
        // the Wales fly-half".
        let english_age = doc.lang == Lang::En && doc.tok(t).len() <= 3 && doc.tok(t + 1) == ",";
        if doc.tok(t).starts_with(|c: char| c.is_ascii_digit()) && (doc.folded(t + 1) == "ans" || english_age)
        {
            t += if english_age { 1 } else { 2 };
            // "Yves, 70 ans et retraité,": the function joined to the age.
            let joined = doc.lang == Lang::Fr && doc.folded(t) == "et";
            if doc.tok(t) != "," && !joined {
                return end;
            }
            comma = t;
            continue;
        }
        let Some((role_start, ce)) = apposed_role(doc, t, blocked) else {
            // "X, de l'Université de Lyon, a dit": the body a person speaks for, as the first
            // apposition of a name known to be a person's.
            if end.is_none()
                && relations::known_person(doc, &name, out)
                && let Some(ae) = affiliation_end(doc, t)
            {
                out.push(RoleMatch { name, role_tokens: t..t + 1, role: doc.span_text(t, ae).to_string() });
                return Some(ae);
            }
            // "X, a trader at Mellon Financial,": a description with its article, whatever its noun.
            if end.is_none()
                && let Some((rs, ce, noun_end)) = descriptions::description_after(doc, &name, comma, out)
            {
                out.push(RoleMatch {
                    name,
                    role_tokens: rs..noun_end,
                    role: doc.span_text(rs, ce).to_string(),
                });
                return Some(ce);
            }
            return end;
        };
        // "To a packed audience at Gateshead's Sage Centre, the chancellor said …": a description
        // with its article, then a verb of saying, is the subject of the sentence a fronted
        // phrase opened, not an apposition to the name ending that phrase.
        // The same in French: "Nommé par Gérard Larcher, le professeur de sciences politiques
        // est …", "… Jean-Baptiste Lemoyne, le ministre a martelé".
        if end.is_none() && matches!(doc.folded(t), "the" | "le" | "la" | "l'") && verb_closes(doc, ce) {
            return end;
        }
        // "X, secrétaire du syndicat Y, proche de la CFDT": after a first role, a relation may be
        // the body's as well as the person's.
        let relation_end = relations::relation_noun_end(doc, role_start);
        if end.is_some() && (opens_clause(doc, t, ce) || relation_end.is_some()) {
            return end;
        }
        // "le syndicat Alliance, proche de la droite", "Acme, Russia's biggest oil producer": a
        // relation or a possessive title says nothing of who the name is, so it needs a name known
        // to be a person's.
        let possessive = title_after_premodifiers(doc, role_start, blocked).is_none()
            && title_after_possessive(doc, role_start).is_some();
        let nouns = english::title_after_nouns(doc, role_start).is_some();
        // "Katerina Thanou, the women's 100m silver medallist", "Thanou, the …" once she was
        // named in full: a full name stands for a person (English).
        if (relation_end.is_some() || possessive || nouns)
            && !relations::known_person(doc, &name, out)
            && !((nouns || possessive)
                && (looks_like_full_name(doc, &name) || named_in_full_before(doc, &name)))
        {
            return end;
        }
        // "Pour Jean Dupont, retraités, chômeurs et étudiants sont …": a plural title without
        // article after a name is a list of its own, or the title of several ("Claude et
        // Yolande, retraités", which this rule, reading the last name only, cannot share out).
        let head = title_after_premodifiers(doc, role_start, blocked).unwrap_or(role_start);
        if doc.lang == Lang::Fr
            && role_start == t
            && !one_of_at(doc, role_start)
            && title_head(doc, head).is_some_and(|(_, plural)| plural)
        {
            return end;
        }
        let reserved_end = relation_end.unwrap_or(ce);
        for (a, b) in coordinated(doc, role_start, ce) {
            out.push(RoleMatch {
                name: name.clone(),
                role_tokens: title_after_premodifiers(doc, role_start, blocked).unwrap_or(role_start)
                    ..reserved_end,
                role: doc.span_text(a, b).to_string(),
            });
        }
        end = Some(ce);
        comma = after_time_qualifier(doc, ce);
        if doc.tok(comma) != "," {
            return end;
        }
    }
}

/// "de l'Université de Lyon", "du Collectif pour le climat", "de la CGT", "d'Attac" at `t`, in
/// apposition after a person's name: the body they belong to or speak for, a listed
/// organisation, an acronym or a name opened by a word of organisation ("Université",
/// "Collectif", "Institut"), never a place ("de Lyon", "de la Tour Eiffel"), closed by
/// punctuation. Returns its end (French only).
fn affiliation_end(doc: &Doc, t: usize) -> Option<usize> {
    if doc.lang != super::types::Lang::Fr
        || !matches!(doc.folded(t), "de" | "du" | "des" | "d'")
        || doc.cap(t)
    {
        return None;
    }
    let j = if doc.folded(t) == "de" && matches!(doc.folded(t + 1), "la" | "l'") { t + 2 } else { t + 1 };
    let upper = doc.info.get(j).is_some_and(|i| i.upper) && (2..=6).contains(&doc.tok(j).chars().count());
    let acronym = upper && GAZ.acronyms.get(doc.tok(j)).is_none_or(|e| e.label == Label::Org);
    let org = listed_name_at(doc, j, Label::Org).is_some() || GAZ.org_head.contains(doc.folded(j)) || acronym;
    if !doc.cap(j) || !org || listed_name_at(doc, j, Label::Loc).is_some() {
        return None;
    }
    let ae = complement_end(doc, t, 12);
    let closed = ae >= doc.len() || matches!(doc.tok(ae), "," | "." | ";" | ")") || doc.newline_before(ae);
    (ae > j && closed).then_some(ae)
}

/// Whether the description from `t` to `ce`, after a first apposition, is the subject of the
/// sentence's verb rather than one more apposition: "sur X, une des figures du mouvement, le
/// leader du parti a provoqué la surprise". A definite description followed by a word (its verb).
fn opens_clause(doc: &Doc, t: usize, ce: usize) -> bool {
    matches!(doc.folded(t), "le" | "la" | "l'")
        && doc.is_word(ce)
        && !matches!(doc.folded(ce), "qui" | "et" | "ou" | "dont" | "depuis")
}

/// "explique Joe Martin le vice-président de l'usine", "fait de Jean Dupont le premier maire
/// écologiste": a definite article right after a full name opens a role in apposition when a
/// title follows it. The name must open with a known given name, and the title must not be a verb
/// form ("Jean Dupont la juge incapable"). Returns where the role ends.
fn unpunctuated_apposition(doc: &Doc, k: usize, blocked: &[bool], out: &mut Vec<RoleMatch>) -> Option<usize> {
    if doc.lang != super::types::Lang::Fr || !matches!(doc.folded(k), "le" | "la" | "l'") || doc.cap(k) {
        return None;
    }
    let last = k.checked_sub(1).filter(|&l| doc.cap(l) && doc.is_word(l))?;
    let ns = name_start_before(doc, k);
    // A name the lists do not know opens a person's name right after a verb of saying ("»,
    // explique Joechen Zaumseil le vice-président"), unless the lists know the whole run as an
    // organisation's or a place's.
    let given = GAZ.first_names.contains(doc.folded(ns))
        || ns > 0
            && GAZ.speech_fr.contains(doc.folded(ns - 1))
            && !doc.cap(ns - 1)
            && ![Label::Org, Label::Loc].into_iter().any(|l| listed_name_at(doc, ns, l).is_some());
    let full_name = k >= ns + 2 && given && !doc.newline_before(k);
    if !full_name || blocked.get(ns).copied().unwrap_or(true) || subject_name(doc, ns, blocked)? < k {
        return None;
    }
    let verb_like = (k + 1..k + 4).any(|i| VERB_LIKE_TITLES.contains(&doc.folded(i)));
    if verb_like {
        return None;
    }
    apposed_role(doc, k, blocked)?;
    appositions(doc, ns..k, last, blocked, out)
}

/// A surname alone that the text wrote before after a capitalised word, as a full name
/// ("Katerina Thanou" … "Thanou, the …").
fn named_in_full_before(doc: &Doc, name: &Range<usize>) -> bool {
    name.len() == 1
        && (1..name.start).any(|j| {
            doc.folded(j) == doc.folded(name.start)
                && doc.cap(j - 1)
                && looks_like_full_name(doc, &(j - 1..j + 1))
        })
}

/// English: whether `name` reads as a person's full name though the lists know neither word
/// ("Reidar Wasenius", "Miles Shipside"): two or three capitalised words, none in capitals
/// only, no organisation's head or suffix among them, and the whole listed as no organisation
/// or place. With a title after nouns in apposition ("…, commercial director at Rightmove,")
/// that is enough; "Gazneft, an oil producer," or "Acme Corp, a chip maker," are not read so.
fn looks_like_full_name(doc: &Doc, name: &Range<usize>) -> bool {
    let words_ok = || {
        name.clone().all(|i| {
            let f = doc.folded(i);
            doc.cap(i)
                && doc.is_word(i)
                && !doc.info.get(i).is_some_and(|t| t.upper)
                && !GAZ.org_head.contains(f)
                && !GAZ.org_suffix.contains(f)
                && !GAZ.is_stop(f)
        })
    };
    let listed =
        || [Label::Org, Label::Loc].into_iter().any(|l| listed_name_at(doc, name.start, l).is_some());
    doc.lang == Lang::En && (2..=3).contains(&name.len()) && words_ok() && !listed()
}

/// Whether the word at `ce`, right after a description, is a verb of its own: a verb of saying,
/// or a copula or an auxiliary ("est", "a", "was", "has") that an apposition closed by its
/// comma would not leave there.
fn verb_closes(doc: &Doc, ce: usize) -> bool {
    let f = doc.folded(ce);
    // A participle qualifies the description ("l'ex-boxeur poursuivi pour …").
    let speech = match doc.lang {
        Lang::En => GAZ.speech_en.contains(f),
        _ => {
            GAZ.speech_fr.contains(f)
                && (f.ends_with('e') || f.ends_with("ent"))
                && !ends_like_participle(&doc.tok(ce).to_lowercase())
        }
    };
    // "à la fonction publique" folds to "a": the verb is written without its accent.
    let auxiliary = doc.tok(ce) == "a"
        || matches!(
            f,
            "est" | "sont" | "ont" | "etait" | "avait" | "fut" | "is" | "was" | "has" | "had" | "will"
        );
    doc.is_word(ce) && !doc.cap(ce) && (speech || auxiliary)
}

/// A role phrase in apposition starting at `t`: [det] ["un des"] [modifiers] TITLE complement.
/// Returns its start (after the article) and end. None when the title is another person's: a
/// name right after it or after its complement ("X, le préfet Y", "X, le préfet du Rhône, Y").
fn apposed_role(doc: &Doc, mut t: usize, blocked: &[bool]) -> Option<(usize, usize)> {
    // "X, twice a Heineken Cup winner, …", "X, now a lecturer, …": the adverb and its article
    // stay in the role as written.
    if let Some((after, keep)) = english::adverb_before_article(doc, t) {
        let (rs, ce) = apposed_role(doc, after, blocked)?;
        return Some((if keep { t } else { rs }, ce));
    }
    // "X, élu maire en 2014,", "X, aujourd'hui député,", "X, lui-même ancien ministre,": a
    // participle of becoming or an adverb of time before the title is no part of it.
    // ("X, élu CGT,": an elected one of a party or a union, the noun.)
    if doc.lang == Lang::Fr && !doc.cap(t) && LEAD_INS.contains(&doc.folded(t)) && !elected_one(doc, t) {
        return apposed_role(doc, t + 1, blocked);
    }
    // "Jean Dupont, président du club, et Marie Durand, sa vice-présidente".
    // ("M. Mercier, notre ambassadeur à Madrid": the paper's own.)
    let possessive = matches!(doc.folded(t), "son" | "sa" | "leur" | "notre" | "votre")
        && doc.lang == super::types::Lang::Fr;
    let article =
        possessive || matches!(doc.folded(t), "the" | "a" | "an" | "le" | "la" | "l'" | "un" | "une");
    if article && !one_of_at(doc, t) {
        t += 1;
    }
    let role_start = t;
    let mut one_of_many = false;
    // "l'un des leaders du mouvement", "one of the ringleaders": the role keeps "un des".
    if one_of_at(doc, t) {
        t += 2;
    } else if let Some(after) = english::one_of_end(doc, t) {
        t = after;
        one_of_many = true;
    }
    // "X, Premier ministre japonais": a modifier that opens a title of its own is that title.
    let modifier = |t: usize| {
        MODIFIERS.contains(&doc.folded(t))
            || PRE_MODIFIERS.contains(&doc.folded(t))
            || english::apposition_modifier(doc, t)
    };
    while modifier(t) && title_at(doc, t).is_none() || doc.tok(t) == "-" {
        t += 1;
    }
    if party_member_at(doc, t) {
        return None;
    }
    // "Avec X, président de A, Z propose": a title without its article after a person's comma
    // is theirs (see `person_before_comma`).
    let bare_after_person = !article
        && role_start > 0
        && doc.tok(role_start - 1) == ","
        && person_before_comma(doc, role_start - 1)
        && title_after_possessive(doc, t).is_none();
    let t = title_after_premodifiers(doc, t, blocked)
        .or_else(|| title_after_possessive(doc, t))
        .or_else(|| english::title_after_nouns(doc, t))
        .unwrap_or(t);
    // "one of the chief critics": one of many holds a plural title ("chief" is none here).
    if one_of_many && !title_head(doc, t).is_some_and(|(_, plural)| plural) {
        return None;
    }
    let Some(te) = title_at(doc, t).map(|e| title_tail(doc, e)) else {
        // "X, proche de Y": a noun of relation is read only here, with its complement.
        // "X, autre figure de la contestation": "autre" says there are more, not what X is.
        let start = if doc.folded(role_start) == "autre" { role_start + 1 } else { role_start };
        return relations::relation_role_end(doc, t, blocked)
            .or_else(|| descriptions::status_role_end(doc, t))
            .map(|ce| (start, ce));
    };
    if person_name(doc, te, blocked).is_some() || is_honorific(doc, te) {
        return None;
    }
    let ce = complement_end(doc, te, 12).max(te);
    // "X, directeur de Y, Z, directrice de W": a name with a role of its own in apposition is
    // the next of a list, not the holder of this title.
    let listed = |ne: usize| doc.tok(ne) == "," && !article && apposed_role(doc, ne + 1, blocked).is_some();
    let next_name = doc.tok(ce) == ","
        && !bare_after_person
        && person_name(doc, ce + 1, blocked).is_some_and(|ne| ne >= ce + 3 && !listed(ne))
        || name_closing_complement(doc, te, ce, blocked).is_some();
    (!next_name).then_some((role_start, ce))
}

/// Whether the words before the comma at `comma` are a person's name: a capitalised run opened
/// by a listed given name or an honorific, which no list knows as a place.
fn person_before_comma(doc: &Doc, comma: usize) -> bool {
    if comma == 0 || !doc.cap(comma - 1) || !doc.is_word(comma - 1) {
        return false;
    }
    let ns = name_start_before(doc, comma);
    // ("Le bureau comprend Numa Matthey, secrétaire, Alfred Perroset": two or three capitalised
    // words no list knows read as a name, the untitled given name's owner; not after a
    // preposition or an article, "Au Grand Palais, directeur de …, X".)
    // ("Football Club Nantes, entraîneur, X": a word of a body's name makes it no one's.)
    let body_word = |i: usize| GAZ.org_head.contains(doc.folded(i)) || GAZ.org_suffix.contains(doc.folded(i));
    let full_name = (2..=3).contains(&(comma - ns))
        && ns.checked_sub(1).is_some_and(|p| !GAZ.is_stop(doc.folded(p)))
        && !(ns..comma).any(body_word)
        && (ns..comma).all(|i| doc.cap(i) && doc.is_word(i) && !doc.info.get(i).is_some_and(|t| t.upper))
        && listed_name_at(doc, ns, Label::Org).is_none();
    (relations::known_person(doc, &(ns..comma), &[]) || full_name || follows_listed_title(doc, ns))
        && listed_name_at(doc, ns, Label::Loc).is_none()
}

/// "MM. Emile Schaeffer, président, Numa Matthey, secrétaire": the name starting at `ns` follows
/// a title set between commas after the list's previous name, so it is one more member of the
/// list, a person even when their given name is not known.
fn follows_listed_title(doc: &Doc, ns: usize) -> bool {
    let Some(after) = ns.checked_sub(1).filter(|&c| doc.tok(c) == ",") else { return false };
    (after.saturating_sub(6)..after)
        .rev()
        .find(|&c| doc.tok(c) == ",")
        .is_some_and(|c| c > 0 && doc.cap(c - 1) && doc.is_word(c - 1) && title_at(doc, c + 1) == Some(after))
}

/// French words that may open an apposition before its title: participles of becoming and
/// adverbs of time, of self or of addition ("X, également députée de la majorité") (folded).
const LEAD_INS: [&str; 26] = [
    "elu",
    "elue",
    "elus",
    "elues",
    "reelu",
    "reelue",
    "devenu",
    "devenue",
    "devenus",
    "nomme",
    "nommee",
    "nommes",
    "designe",
    "designee",
    "promu",
    "promue",
    "aujourd'hui",
    "desormais",
    "actuellement",
    "lui-meme",
    "elle-meme",
    "toujours",
    "encore",
    "egalement",
    "aussi",
    "deja",
];

/// Titles that tell how someone stands to another, not what they do: "German rival Deutsche
/// Boerse" names a company as often as a person (folded).
const RELATIONS: [&str; 4] = ["rival", "rivals", "counterpart", "counterparts"];

/// Whether the name after an English premodified title (`title` its first word, `te` its end)
/// is a person serving what the premodifiers name: the title is one of function, not of
/// relation, and the name is a full name, a name after "Mr" or a word no list knows as a place
/// or an organisation ("Lancashire rivals Blackburn").
fn names_someone_served(doc: &Doc, title: usize, te: usize, name: Range<usize>) -> bool {
    let lone_known = name.len() == 1
        && (GAZ.phrases.contains_key(doc.folded(name.start))
            || doc.info.get(name.start).is_some_and(|t| t.upper));
    !RELATIONS.contains(&doc.folded(title)) && (name.start > te || !lone_known)
}

/// English: the lowercase title that the capitalised words at `t` lead up to ("X, Nintendo
/// Europe's general manager, said").
fn title_after_premodifiers(doc: &Doc, t: usize, blocked: &[bool]) -> Option<usize> {
    if doc.lang != super::types::Lang::En || !doc.cap(t) || title_at(doc, t).is_some() {
        return None;
    }
    (t + 1..t + 7)
        .find(|&j| {
            // "X, Labour MP for Leeds Central": the member's letters are the title, in capitals.
            (!doc.cap(j) || english::is_post_nominal(doc.tok(j)))
                && title_at(doc, j).is_some()
                && english_premodifiers(doc, j, blocked) == t
        })
        .filter(|&j| !english::lowercase_after_possessive(doc, t, j))
}

/// English: the title after a possessive and a few lowercase words, "X, the firm's chief
/// executive", "X, the UK's first black cabinet minister": the role keeps the possessor.
fn title_after_possessive(doc: &Doc, t: usize) -> Option<usize> {
    if doc.lang != super::types::Lang::En || !matches!(doc.tok(t + 1), "'s" | "’s") || !doc.is_word(t) {
        return None;
    }
    // "the women's 100m silver medallist": a distance among the words.
    let lower = |j: usize| doc.is_word(j) && !doc.cap(j) || english::is_distance(doc.folded(j));
    (t + 2..t + 5).take_while(|&j| lower(j)).find(|&j| title_at(doc, j).is_some())
}

/// "un des" / "une des" at `k`: one of a group named by a plural title.
pub(super) fn one_of_at(doc: &Doc, k: usize) -> bool {
    matches!(doc.folded(k), "un" | "une") && doc.folded(k + 1) == "des"
}

/// Roles the text gives a named person through a description elsewhere: "le président François
/// Hollande … estime le président de la République". A definite description ("le"/"la"/"l'"/
/// "du"/"au" + title + complement) with no name of its own goes to the one person whose role has
/// the same title and says less ("président" → "président de la République"); none when two
/// people hold that title or the description says something else ("président américain").
fn described_roles(doc: &Doc, found: &[RoleMatch], blocked: &[bool]) -> Vec<RoleMatch> {
    let mut out: Vec<RoleMatch> = Vec::new();
    if doc.lang != super::types::Lang::Fr {
        return out;
    }
    let in_found = covered_by(doc, found);
    // Read once, when a first description needs them: every description would read them again.
    let titles = std::cell::OnceCell::new();
    // The (role, name) pairs given so far: a lookup, not a scan of `out` per description.
    let mut given: HashSet<(String, Range<usize>)> = HashSet::new();
    for k in 0..doc.len() {
        if doc.cap(k) || in_found.get(k).copied().unwrap_or(false) {
            continue;
        }
        let Some((head, false)) = title_head(doc, k) else { continue };
        let Some((rs, ce)) = description_at(doc, k, blocked) else { continue };
        let titles = titles.get_or_init(|| FoundTitles::new(doc, found));
        let Some(holder) = sole_holder(doc, titles, &head, (rs, ce)) else { continue };
        let role = doc.span_text(rs, ce).to_string();
        if given.insert((role.clone(), holder.name.clone())) {
            out.push(RoleMatch { name: holder.name.clone(), role_tokens: rs..title_end(doc, k), role });
        }
    }
    out
}

/// Which tokens a role found, or its holder's name, covers: marked once, where a test per token
/// would scan every role.
pub(super) fn covered_by(doc: &Doc, found: &[RoleMatch]) -> Vec<bool> {
    mark_tokens(doc, found.iter().flat_map(|r| [r.role_tokens.clone(), r.name.clone()]))
}

/// The document's tokens, those inside any of `ranges` marked.
pub(super) fn mark_tokens(doc: &Doc, ranges: impl Iterator<Item = Range<usize>>) -> Vec<bool> {
    let mut marked = vec![false; doc.len()];
    for k in ranges.flatten() {
        if let Some(c) = marked.get_mut(k) {
            *c = true;
        }
    }
    marked
}

/// What `sole_holder` reads of the roles found, read once for all descriptions: each role's
/// written words (`written_role_words` may tokenise the role again), and the roles by title head
/// and by function, each list in the order found.
struct FoundTitles<'r> {
    roles: Vec<(&'r RoleMatch, Vec<String>)>,
    by_head: HashMap<String, Vec<usize>>,
    by_function: HashMap<Vec<String>, Vec<usize>>,
}

impl<'r> FoundTitles<'r> {
    fn new(doc: &Doc, found: &'r [RoleMatch]) -> Self {
        let mut titles =
            FoundTitles { roles: Vec::new(), by_head: HashMap::new(), by_function: HashMap::new() };
        for (i, r) in found.iter().enumerate() {
            // The head of the role's first title word.
            if let Some((h, _)) = r.role_tokens.clone().find_map(|t| title_head(doc, t)) {
                titles.by_head.entry(h).or_default().push(i);
            }
            let written = written_role_words(doc, r);
            titles.by_function.entry(function_words(&written)).or_default().push(i);
            titles.roles.push((r, written));
        }
        titles
    }

    /// The roles with the title `head` or the function `function`, in the order found.
    fn same_title(&self, head: &str, function: &[String]) -> Vec<&(&'r RoleMatch, Vec<String>)> {
        let heads = self.by_head.get(head).into_iter().flatten();
        let functions = self.by_function.get(function).into_iter().flatten();
        let mut at: Vec<usize> = heads.chain(functions).copied().collect();
        at.sort_unstable();
        at.dedup();
        at.into_iter().filter_map(|i| self.roles.get(i)).collect()
    }
}

/// The definite description whose title is at `k`, without a name of its own: its start (the
/// modifiers included, the article left out) and end.
fn description_at(doc: &Doc, k: usize, blocked: &[bool]) -> Option<(usize, usize)> {
    let rs = modifiers_back(doc, k);
    // "cette serveuse en Corrèze", "cet ancien membre de l'armée de l'air": a demonstrative
    // points back as surely as the article does.
    if !matches!(doc.folded(rs.checked_sub(1)?), "le" | "la" | "l'" | "du" | "au" | "ce" | "cet" | "cette") {
        return None;
    }
    if party_member_at(doc, k) {
        return None;
    }
    let te = title_tail(doc, title_at(doc, k)?);
    if person_name(doc, te, blocked).is_some() || is_honorific(doc, te) {
        return None;
    }
    let ce = complement_end(doc, te, 12).max(te);
    let named_after = doc.tok(ce) == "," && person_name(doc, ce + 1, blocked).is_some()
        || name_closing_complement(doc, te, ce, blocked).is_some();
    (!named_after).then_some((rs, description_end(doc, te, ce)))
}

/// Prepositions and articles that chain a description's complements (folded).
const DESCRIPTION_LINKS: [&str; 14] =
    ["de", "du", "des", "d'", "la", "le", "les", "l'", "a", "au", "aux", "en", "pour", "chez"];

/// Where a description's complement ends: it is a chain of prepositions each followed by one
/// word or one capitalised name ("de la République", "de Michelin Amérique du Nord"). A
/// description with no name after it runs on into its verb otherwise: "le maire de New York
/// prend peu de risque", "le romancier ne semble pas".
fn description_end(doc: &Doc, te: usize, ce: usize) -> usize {
    let is_link = |i: usize| DESCRIPTION_LINKS.contains(&doc.folded(i)) && doc.tok(i) != "a";
    let mut end = te;
    let mut j = te;
    // "le ministre chargé des Collectivités territoriales": the participle names the function.
    if j < ce && ROLE_PARTICIPLES.contains(&doc.folded(j)) && is_link(j + 1) {
        j += 1;
        end = j;
    }
    // "le ministre de l'Europe et des Affaires étrangères": a complement joined by "et de".
    let joined = |i: usize| {
        let of = match doc.folded(i + 1) {
            "de" | "d'" => i + 2 + usize::from(matches!(doc.folded(i + 2), "la" | "l'")),
            "du" | "des" => i + 2,
            _ => return false,
        };
        i > te && doc.folded(i) == "et" && doc.cap(of)
    };
    let link = |i: usize| is_link(i) || joined(i);
    while j < ce && link(j) {
        while j < ce && link(j) {
            j += 1;
        }
        // "ce leader des «gilets jaunes»": the name the writer keeps in guillemets.
        // ("accuse le président de «trahison»": after a bare "de", a charge.)
        if let Some(after) = quoted_words(doc, j).filter(|&a| a <= ce && doc.folded(j - 1) != "de") {
            j = after;
            end = j;
            continue;
        }
        if j >= ce || !doc.is_word(j) || doc.is_determiner(j) || gerund_at(doc, j) {
            break;
        }
        j += 1;
        while j < ce && doc.cap(j) && doc.cap(j - 1) {
            j += 1;
        }
        // "du Rassemblement national", "de l'Assemblée nationale": the name's adjective.
        if j < ce && doc.cap(j - 1) && name_adjective(doc, j) {
            j += 1;
        }
        end = j;
    }
    end
}

/// Whether "en" and a present participle open a gerund at `j` ("l'ancien animateur de la chaîne
/// en faisant allusion"): the description ends before it.
fn gerund_at(doc: &Doc, j: usize) -> bool {
    j > 0 && doc.folded(j - 1) == "en" && !doc.cap(j) && doc.folded(j).ends_with("ant")
}

/// Whether the lowercase word at `j` is an adjective that the capitalised name before it takes
/// ("Front national", "Parti socialiste", "Conseil constitutionnel"): a demonym or a common
/// adjective ending, never a verb form.
fn name_adjective(doc: &Doc, j: usize) -> bool {
    let f = doc.folded(j);
    let endings = ["al", "ale", "aux", "ales", "iste", "istes", "el", "elle", "aire", "aires"];
    !doc.cap(j)
        && doc.is_word(j)
        && (GAZ.demonyms.contains_key(f)
            || endings.iter().any(|e| f.ends_with(e))
            || NAME_ADJECTIVES.contains(&f))
}

/// Adjectives of the names of ministries and public bodies whose ending a verb shares ("indique",
/// "étrangères" is no verb but ends like "libères"): "Transition écologique", "Fonction
/// publique", "Affaires étrangères", "Économie numérique" (folded).
const NAME_ADJECTIVES: [&str; 11] = [
    "ecologique",
    "publique",
    "publiques",
    "public",
    "publics",
    "solidaire",
    "economique",
    "numerique",
    "etrangere",
    "etrangeres",
    "solidaires",
];

/// End of the title phrase at `k` with its adjectives ("président sortant").
fn title_end(doc: &Doc, k: usize) -> usize {
    title_at(doc, k).map_or(k + 1, |te| title_tail(doc, te))
}

/// The folded words of a role, its modifiers ("ancien", "nouveau"…) left out.
fn role_words(doc: &Doc, rs: usize, ce: usize) -> Vec<String> {
    (rs..ce)
        .filter(|&i| doc.is_word(i) && !PRE_MODIFIERS.contains(&doc.folded(i)))
        .map(|i| doc.folded(i).to_string())
        .collect()
}

/// The modifiers ("ancien", "futur"…) among the tokens `span`, folded.
fn modifiers_in<'d>(doc: &'d Doc, span: Range<usize>) -> Vec<&'d str> {
    span.map(|i| doc.folded(i)).filter(|f| PRE_MODIFIERS.contains(f)).collect()
}

/// The folded words of the role `r` as written, modifiers left out. A role read from a
/// description reserves only its title ("ancien président"), so its text is read again.
fn written_role_words(doc: &Doc, r: &RoleMatch) -> Vec<String> {
    if doc.span_text(r.role_tokens.start, r.role_tokens.end) == r.role {
        return role_words(doc, r.role_tokens.start, r.role_tokens.end);
    }
    let text = Doc::new(&r.role, Some(doc.lang));
    role_words(&text, 0, text.len())
}

/// Heads that name who leads a body, said one for another before the same complement: "le
/// patron du MoDem" is "le président du MoDem" (folded).
const LEADER_HEADS: [&str; 8] =
    ["president", "presidente", "patron", "patronne", "chef", "leader", "dirigeant", "dirigeante"];

/// A role's folded words as the function they name: "ex-" dropped (it is a modifier), "chef de
/// l'État" said as "président de la République", and a leader's head with a complement as
/// "président" ("patron du MoDem" → "president du modem").
fn function_words(words: &[String]) -> Vec<String> {
    let mut out: Vec<String> = words.iter().map(|w| w.strip_prefix("ex-").unwrap_or(w).to_string()).collect();
    if out.starts_with(&["chef", "de", "l'", "etat"].map(String::from)) {
        out.splice(0..4, ["president", "de", "la", "republique"].map(String::from));
    } else if out.len() > 1 && LEADER_HEADS.contains(&out[0].as_str()) {
        out[0] = "president".to_string();
    }
    out
}

/// The modifiers of the tokens `span` as they date the function: "ex-chef" and "ex" are
/// "ancien".
fn function_modifiers<'d>(doc: &'d Doc, span: Range<usize>) -> Vec<&'d str> {
    span.filter_map(|i| match doc.folded(i) {
        f if f.starts_with("ex-") || f == "ex" => Some("ancien"),
        "ancienne" => Some("ancien"),
        f if PRE_MODIFIERS.contains(&f) => Some(f),
        _ => None,
    })
    .collect()
}

/// The role of the one person whose role has the title `head` and whose words begin `words`
/// while saying less; None when nobody or several people hold such a title.
fn sole_holder<'r>(
    doc: &Doc,
    found: &FoundTitles<'r>,
    head: &str,
    (rs, ce): (usize, usize),
) -> Option<&'r RoleMatch> {
    let words = role_words(doc, rs, ce);
    let function = function_words(&words);
    let same_title = found.same_title(head, &function);
    let surname = |r: &RoleMatch| doc.folded(r.name.end - 1).to_string();
    let first = same_title.first()?.0;
    if same_title.iter().any(|(r, _)| surname(r) != surname(first)) {
        return None;
    }
    // The description must say more than a role the person already has, never something else.
    // "l'ancien maire" is not "le maire"; "le président américain" may be another president.
    // "le patron du MoDem" restates "président du MoDem", "l'ex-chef de l'État" "ancien
    // président de la République": the same function in other words.
    let modifiers = function_modifiers(doc, rs..ce);
    let extends = |r: &RoleMatch, have_written: &[String]| {
        let says_more = have_written.len() < words.len() && words.starts_with(have_written);
        // "le président X … le chef de l'État" may be two people: a restatement must be whole.
        let restates = function_words(have_written) == function && have_written != words;
        (says_more || restates)
            && !words[have_written.len().min(words.len())..]
                .iter()
                .any(|w| GAZ.demonyms.contains_key(w.as_str()))
            && function_modifiers(doc, r.role_tokens.clone()) == modifiers
    };
    same_title.into_iter().find(|(r, have)| extends(r, have) || abbreviates(doc, r, &words)).map(|(r, _)| *r)
}

/// Whether the description `words` gives the role `r` again with the acronym its brackets
/// taught: "président de l'Union française des industries pétrolières (Ufip)" → "le président
/// de l'Ufip".
fn abbreviates(doc: &Doc, r: &RoleMatch, words: &[String]) -> bool {
    let have = role_words(doc, r.role_tokens.start, r.role_tokens.end);
    let Some((acronym, prefix)) = words.split_last() else { return false };
    // The brackets may close the role or follow it ("(Ufip)" is no all-capitals acronym).
    let taught = (r.role_tokens.start..r.role_tokens.end + 1).any(|i| {
        doc.tok(i) == "(" && doc.tok(i + 2) == ")" && doc.cap(i + 1) && doc.folded(i + 1) == acronym
    });
    taught
        && prefix.len() >= 2
        && have.len() > words.len()
        && have.starts_with(prefix)
        && modifiers_in(doc, r.role_tokens.clone()).is_empty()
}

/// Where the capitalised name ending before token `end` starts, honorifics and capitalised
/// common words left out ("M. Jean Dupont" → "Jean"); `end` when there is none.
fn name_start_before(doc: &Doc, end: usize) -> usize {
    let mut ns = end;
    while ns > 0
        && (doc.cap(ns - 1) && doc.is_word(ns - 1)
            || PARTICLES.contains(&doc.folded(ns - 1))
            || glued_article(doc.tok(ns - 1)))
        && !doc.newline_before(ns)
        // "la cagnotte Leetchi de Christophe Dettinger": a given name after "de" opens the name.
        && !(ns < end && PARTICLES.contains(&doc.folded(ns - 1)) && GAZ.first_names.contains(doc.folded(ns)))
    {
        ns -= 1;
    }
    // "Vendredi, le préfet", "à l'AFP Bernard Marchal": a day, a month or an acronym before the
    // name is not part of it.
    let not_name = |i: usize| {
        is_honorific(doc, i)
            || doc.common_capitalised(i)
            || PARTICLES.contains(&doc.folded(i))
            || GAZ.days.contains_key(doc.folded(i))
            || GAZ.months.contains_key(doc.folded(i))
            || i + 1 < end && doc.info.get(i).is_some_and(|t| t.upper) && doc.tok(i).chars().count() > 1
            // "l'Américain Pete Selleck": a nationality before the name is no part of it.
            || i + 1 < end && GAZ.demonyms.contains_key(doc.folded(i))
            // "al-Qaïda" opens no person's name: the article only follows a given name.
            || glued_article(doc.tok(i))
    };
    while ns < end && not_name(ns) {
        ns += 1;
    }
    // "Seul Paul Morel, député du Gard, a voté contre": a word opening the sentence before a
    // given name and a surname is no part of the name.
    if ns + 3 <= end
        && doc.lang == super::types::Lang::Fr
        && opens_sentence(doc, ns)
        && !GAZ.first_names.contains(doc.folded(ns))
        && GAZ.first_names.contains(doc.folded(ns + 1))
        && !PARTICLES.contains(&doc.folded(ns + 2))
    {
        ns += 1;
    }
    // "a dit à Reuters David Michaux", "confie au Figaro Jean Dupont": the organisation spoken
    // to is no part of the full name after it.
    let spoken_to = ns.checked_sub(1).is_some_and(|p| matches!(doc.folded(p), "a" | "au" | "aux"));
    if spoken_to
        && !GAZ.first_names.contains(doc.folded(ns))
        && let Some((_, e)) = listed_name_at(doc, ns, Label::Org)
        && e + 2 <= end
        && GAZ.first_names.contains(doc.folded(e))
    {
        ns = e;
    }
    ns
}

/// The verb group at `k` that gives the subject a function: "est", "fut", "était", "devient",
/// "est devenu", "a été élu", "a été nommée". Returns the token after it.
fn copula_at(doc: &Doc, k: usize) -> Option<usize> {
    let participle = |j: usize| {
        matches!(
            doc.folded(j),
            "elu"
                | "elue"
                | "reelu"
                | "reelue"
                | "nomme"
                | "nommee"
                | "designe"
                | "designee"
                | "investi"
                | "investie"
                | "devenu"
                | "devenue"
                | "proclame"
                | "proclamee"
                | "sacre"
                | "sacree"
                | "promu"
                | "promue"
        )
    };
    if doc.lang == super::types::Lang::En {
        return english_copula_at(doc, k);
    }
    let mut j = match doc.folded(k) {
        "est" | "etait" | "fut" | "devient" | "redevient" | "sera" | "deviendra" | "reste" | "demeure" => {
            k + 1
        }
        // "désigner Xi Jinping comme successeur de Hu Jintao", "X en tant que président".
        "comme" => k + 1,
        "en" if doc.folded(k + 1) == "tant" && doc.folded(k + 2) == "que" => k + 3,
        "a" | "avait" if doc.tok(k) != "à" && doc.folded(k + 1) == "ete" && participle(k + 2) => k + 3,
        // "X occupe le poste de directeur financier", "a occupé la fonction de".
        // (And "assurera la fonction de", "exerce les fonctions de".)
        "occupe" | "occupait" | "occupera" | "assure" | "assurait" | "assurera" | "exerce" | "exercait"
        | "exercera" => post_named(doc, k + 1)?,
        "a" | "avait" if doc.tok(k) != "à" && matches!(doc.folded(k + 1), "occupe" | "assure" | "exerce") => {
            post_named(doc, k + 2)?
        }
        _ => return None,
    };
    if j == k + 1 && participle(j) {
        j += 1;
    }
    // "nommé au poste de ministre de la Défense": the post is the title after it.
    Some(post_named(doc, j).unwrap_or(j))
}

/// The token after "le poste de", "au poste de", "la fonction de", "les fonctions de" at `j`.
fn post_named(doc: &Doc, j: usize) -> Option<usize> {
    let post = match (doc.folded(j), doc.folded(j + 1)) {
        ("le" | "au", "poste") | ("la", "fonction") | ("les" | "aux", "fonctions") => j + 2,
        _ => return None,
    };
    matches!(doc.folded(post), "de" | "d'").then_some(post + 1)
}

/// English verb groups that give the subject a function: "is", "was", "became", "is to
/// become", "was appointed (as)", "has been", "served as". Returns the token after it.
fn english_copula_at(doc: &Doc, k: usize) -> Option<usize> {
    let f = |i: usize| doc.folded(i);
    // ("has been made artistic director": "made" with a title after it only.)
    let appointed = |j: usize| matches!(f(j), "appointed" | "named" | "elected" | "re-elected" | "made");
    let after_appointed = |j: usize| if f(j) == "as" { j + 1 } else { j };
    let from = match f(k) {
        "is" | "was" if f(k + 1) == "to" && f(k + 2) == "become" => k + 3,
        "is" | "was" | "becomes" | "became" => k + 1,
        "has" | "had" | "have" if f(k + 1) == "been" => k + 2,
        "served" | "serves" | "serving" if f(k + 1) == "as" => return Some(k + 2),
        _ => return None,
    };
    // "who is also a director": an adverb before the role.
    let from = if matches!(f(from), "also" | "now" | "currently" | "still") { from + 1 } else { from };
    Some(if appointed(from) { after_appointed(from + 1) } else { from })
}

/// Where the subject of the verb at `k` ends: before "(,) qui"/"(,) who", before an age between commas
/// ("Mr Boateng, 53, is to become"), or right before the verb.
fn subject_end(doc: &Doc, k: usize) -> usize {
    let before = doc.folded(k.saturating_sub(1));
    let age = k >= 3
        && doc.tok(k - 1) == ","
        && doc.tok(k - 2).chars().all(|c| c.is_ascii_digit())
        && doc.tok(k - 3) == ",";
    if matches!(before, "qui" | "who") {
        // "X, who served as": the comma before the relative is not the name's.
        if doc.tok(k.saturating_sub(2)) == "," { k - 2 } else { k - 1 }
    } else if before == "," && doc.folded(k) == "en" {
        k - 1
    } else if age {
        k - 3
    } else if k >= 4 && doc.tok(k - 1) == "," && doc.folded(k - 2) == "ans" && doc.tok(k - 4) == "," {
        // "Jean Dupont, 45 ans, est le nouveau directeur".
        k - 4
    } else if k >= 3
        && doc.folded(k - 1) == "ans"
        && doc.tok(k - 3) == ","
        && doc.tok(k - 2).bytes().all(|b| b.is_ascii_digit())
    {
        // "Éric Drouet, 33 ans est aussi …": the age's closing comma left out.
        k - 3
    } else if k >= 3
        && doc.tok(k - 1) == ","
        && matches!(doc.folded(k - 2), "lui" | "elle")
        && doc.tok(k - 3) == ","
        && doc.lang == super::types::Lang::Fr
    {
        // "Julien Terrier, lui, est un autoentrepreneur": the pronoun only stresses the subject.
        k - 3
    } else {
        k
    }
}

/// "Ahmad Chafiq qui fut l'ancien premier ministre de X", "Mohamed Morsi a été élu président de
/// l'Égypte": the role the verb at `k` gives the full name just before it.
/// Returns the role with its start and end (the role's text runs from one to the other).
fn copula_role(doc: &Doc, k: usize, blocked: &[bool]) -> Option<(RoleMatch, usize, usize)> {
    copula_at(doc, k)?;
    k.checked_sub(1)?;
    let name_end = subject_end(doc, k);
    let ns = name_start_before(doc, name_end);
    // A full name or a name after "Mr", not a capitalised word opening the sentence ("Le
    // président est").
    let honoured = ns > 0 && is_honorific(doc, ns - 1) && doc.lang == super::types::Lang::En;
    // "Ioannidis, who is …" once the text wrote "Gregory Ioannidis".
    // ("Lord Roberts of Conwy, who was": a place after "of" is no surname.) Looked up only for a
    // one-word subject: the look-up reads the text before.
    let surname_of_full = || {
        doc.lang == super::types::Lang::En
            && !(ns > 0 && doc.folded(ns - 1) == "of")
            && named_in_full_before(doc, &(ns..name_end))
    };
    if name_end < ns + 2 && !(honoured && name_end > ns) && !surname_of_full()
        || blocked.get(ns).copied().unwrap_or(true)
        || subject_name(doc, ns, blocked)? < name_end
    {
        return None;
    }
    copula_role_of(doc, k, ns..name_end, blocked)
}

/// The role the copula or verb of becoming at `k` gives the subject `name` (`copula_role`; also
/// after the subject's apposition: "Marie Durand, avocate, est devenue ministre").
fn copula_role_of(
    doc: &Doc,
    k: usize,
    name: Range<usize>,
    blocked: &[bool],
) -> Option<(RoleMatch, usize, usize)> {
    let mut t = copula_at(doc, k)?;
    // "est aussi un des initiateurs", "est également conseiller municipal".
    if doc.lang == super::types::Lang::Fr && matches!(doc.folded(t), "aussi" | "egalement" | "desormais") {
        t += 1;
    }
    let (ns, name_end) = (name.start, name.end);
    // "L'épouse de Paul Morel, elle, est infirmière": a name after "de" completes the subject
    // set apart by the pronoun or the age, it is not the subject ("mécontents de X comme
    // président" is read as before); "X, lui, est …" is a man, "X, elle, est …" a woman.
    if doc.lang == super::types::Lang::Fr {
        let complement = name_end < k && ns > 0 && matches!(doc.folded(ns - 1), "de" | "d'" | "du");
        let stressed = match doc.folded(k.saturating_sub(2)) {
            "lui" if doc.tok(k - 1) == "," => Gender::Male,
            "elle" if doc.tok(k - 1) == "," => Gender::Female,
            _ => Gender::Unknown,
        };
        if complement || !given_name_gender(doc.span_text(ns, name_end)).fits(stressed) {
            return None;
        }
    }
    // "est l'un des initiateurs du mouvement": one of them, the role keeps "un des".
    if doc.folded(t) == "l'" && one_of_at(doc, t + 1) {
        t += 1;
    }
    let one_of = one_of_at(doc, t);
    if matches!(doc.folded(t), "le" | "la" | "l'" | "un" | "une" | "the" | "a" | "an") && !one_of {
        t += 1;
    }
    let rs = t;
    if one_of {
        t += 2;
    }
    while PRE_MODIFIERS.contains(&doc.folded(t)) && !doc.cap(t) {
        t += 1;
    }
    if party_member_at(doc, t) {
        return None;
    }
    // "is to become the UK's high commissioner": only the title is reserved. "who is a law
    // lecturer", "was the firm's chief executive": the nouns and the possessor are the role's.
    // Only in a relative clause: "Blair is a good prime minister" judges, it does not present.
    let relative = doc.folded(k.saturating_sub(1)) == "who";
    let t = title_after_premodifiers(doc, t, blocked)
        .or_else(|| title_after_possessive(doc, t).filter(|_| relative))
        .or_else(|| english::title_after_nouns(doc, t).filter(|_| relative))
        .unwrap_or(t);
    let rs_reserved = if t > rs && doc.cap(rs) { t } else { rs };
    let te = title_tail(doc, title_at(doc, t)?);
    // "Jean Dupont comme le président X": the title is X's.
    if person_name(doc, te, blocked).is_some() {
        return None;
    }
    let ce = complement_end(doc, te, 12).max(te);
    // Only the title is reserved: the complement's names are entities ("d'Hosni Moubarak").
    let role = RoleMatch {
        name: ns..name_end,
        role_tokens: rs_reserved..te,
        role: doc.span_text(rs, ce).to_string(),
    };
    Some((role, rs, ce))
}

/// Two roles joined by "et": "comédien et humoriste français", "mathématicien britannique et
/// l'un des pionniers de l'informatique" → each apart (the second from "un des").
fn coordinated(doc: &Doc, rs: usize, ce: usize) -> Vec<(usize, usize)> {
    for i in rs + 1..ce {
        if let Some(s2) = english::second_role_after_and(doc, i, ce) {
            return vec![(rs, i), (s2, ce)];
        }
        if doc.folded(i) != "et" {
            continue;
        }
        let mut j = i + 1;
        if matches!(doc.folded(j), "l'" | "le" | "la") {
            j += 1;
        }
        // "proche de X et ancien responsable du comité": the modifiers open the second role.
        let first_word = j;
        while PRE_MODIFIERS.contains(&doc.folded(j)) && !doc.cap(j) {
            j += 1;
        }
        let second = if matches!(doc.folded(j), "un" | "une") && matches!(doc.folded(j + 1), "des" | "de") {
            title_at(doc, j + 2).map(|_| j)
        } else {
            title_at(doc, j).map(|_| first_word)
        };
        if let Some(s2) = second {
            return vec![(rs, i), (s2, ce)];
        }
    }
    vec![(rs, ce)]
}

/// A person's name at ns: a capitalised run that is not a party label alone ("le président LR").
fn person_name(doc: &Doc, ns: usize, blocked: &[bool]) -> Option<usize> {
    person_name_from(doc, ns, blocked, false)
}

/// The subject's name at `ns`, read back from the verb or the apposition after it: it may open
/// a paragraph.
fn subject_name(doc: &Doc, ns: usize, blocked: &[bool]) -> Option<usize> {
    person_name_from(doc, ns, blocked, true)
}

fn person_name_from(doc: &Doc, ns: usize, blocked: &[bool], opens_line: bool) -> Option<usize> {
    // "le général De Gaulle": a capitalised particle opens the surname.
    let cap_particle = doc.cap(ns) && PARTICLES.contains(&doc.folded(ns)) && !doc.newline_before(ns + 1);
    if cap_particle && !blocked.get(ns).copied().unwrap_or(true) {
        return name_run(doc, ns + 1, blocked);
    }
    // "l'inspecteur N'Guma", "N'Golo Kanté", "O'Neill": a capital letter and an apostrophe
    // glued to a capitalised word open a name.
    if glued_initial(doc, ns) && !blocked.get(ns).copied().unwrap_or(true) {
        return name_run(doc, ns + 1, blocked);
    }
    let ne = name_run_from(doc, ns, blocked, opens_line)?;
    // "la tête de liste Insoumise", "le candidat Républicain": a party's member noun alone,
    // capitalised, qualifies the title.
    let member = doc.lang == Lang::Fr && PARTY_MEMBERS.contains(&doc.folded(ns));
    (!(ne == ns + 1 && (is_party_label(doc, ns) || member))).then_some(ne)
}

/// "N'", "M'", "O'" glued to the capitalised word after it ("N'Guma"): part of a name, not an
/// elided "ne" or "me" ("N'importe").
fn glued_initial(doc: &Doc, k: usize) -> bool {
    let glued = doc.tokens.get(k).zip(doc.tokens.get(k + 1)).is_some_and(|(a, b)| a.end == b.start);
    matches!(doc.tok(k), "N'" | "M'" | "O'" | "N’" | "M’" | "O’")
        && glued
        && doc.cap(k + 1)
        && doc.is_word(k + 1)
}

/// Whether a person's name starts at `j` inside a title's complement and so closes it: a given
/// name, or two capitalised words after a lower-case word that is neither a connector nor an
/// organisation's, work's or place's cue ("le champion du monde d'échecs Garry Kasparov", not
/// "le ministre des Affaires étrangères", "le président du groupe Crédit Mutuel").
fn opens_name(doc: &Doc, j: usize) -> bool {
    let p = doc.folded(j.saturating_sub(1));
    let connector = matches!(
        p,
        "de" | "du"
            | "des"
            | "d'"
            | "la"
            | "le"
            | "les"
            | "l'"
            | "of"
            | "the"
            | "a"
            | "au"
            | "aux"
            | "en"
            | "chez"
            | "pour"
            | "sur"
            | "dans"
            | "at"
            | "for"
            | "in"
            | "to"
    );
    let is_cue = |w: &str| {
        GAZ.org_before.contains(w)
            || GAZ.work_before.contains(w)
            || GAZ.loc_before.contains(w)
            || GAZ.street.contains(w)
    };
    let cue = is_cue(p) || words_before_adjective(doc, j).any(is_cue);
    let after_lower = j > 0 && doc.is_word(j - 1) && !doc.cap(j - 1);
    // "François de Rugy": a particle inside the name.
    let second = if PARTICLES.contains(&doc.folded(j + 1)) && !doc.cap(j + 1) { j + 2 } else { j + 1 };
    doc.cap(j)
        && doc.cap(second)
        && doc.is_word(second)
        && !doc.newline_before(second)
        && !is_party_label(doc, j)
        && !member_before_name(doc, j)
        && !connector
        && !cue
        && (GAZ.first_names.contains(doc.folded(j)) || after_lower)
}

/// The lowercase words (up to three, no link word) right before `j` after the one before it:
/// the adjectives and their noun in "l'organisation juive américaine [American Jewish
/// Committee]" → "juive", "organisation" (folded).
fn words_before_adjective<'d>(doc: &'d Doc, j: usize) -> impl Iterator<Item = &'d str> {
    let lower = |i: usize| !doc.cap(i) && doc.is_word(i) && !LINKS.contains(&doc.folded(i));
    (j.saturating_sub(4)..j.saturating_sub(1))
        .rev()
        .take_while(move |&i| lower(i) && lower(i + 1))
        .map(|i| doc.folded(i))
}

/// Within a title's complement te..ce, the person's name that closes it: a given name, or two
/// capitalised words after a lowercase word that is not a connector ("du gouvernement Najat
/// Vallaud-Belkacem"). Returns the name's span.
fn name_closing_complement(doc: &Doc, te: usize, ce: usize, blocked: &[bool]) -> Option<(usize, usize)> {
    // English: a complement opens with a preposition, or the name follows a title of its own
    // or the noun closing a compound title ("head coach X", "chief finance officer X", "Best
    // actress winner X"); "after the sixth seed beat Rafael Nadal" has a verb there.
    let english = doc.lang == super::types::Lang::En;
    let preposition = matches!(doc.folded(te), "of" | "at" | "for" | "in" | "to" | "on" | "with" | "from");
    (te + 1..=ce).find_map(|j| {
        if english::object_of_preposition(doc, te, j) {
            return None;
        }
        let compound_end =
            title_head(doc, j - 1).is_some() || matches!(doc.folded(j - 1), "officer" | "winner");
        if english && !preposition && !compound_end {
            return None;
        }
        // "adviser to President Vladimir Putin", "special advisor to Chancellor Gordon Brown":
        // a name with a title of its own after the preposition is whom the holder serves.
        // ("director of television Jana Bennett": a lowercase noun closing the complement is
        // no title of the name's own.)
        if english && preposition && compound_end && (doc.cap(j - 1) || title_at(doc, j - 1).is_some()) {
            return None;
        }
        // "le patron des Républicains voit … glisser vers Marine Le Pen": a name governed by
        // another preposition than "de" is the object of a verb the complement ran over.
        let governed = !english
            && matches!(
                doc.folded(j - 1),
                "vers" | "pour" | "avec" | "contre" | "sur" | "par" | "chez" | "entre" | "sans"
            )
            && !doc.cap(j - 1);
        if governed {
            return None;
        }
        let listed = listed_name_at(doc, j, Label::Org).is_some();
        // "de la Fondation Jérôme Lejeune": a name after the capitalised head of a body named
        // after someone is the body's ("de la Commission José Manuel Barroso" is the man).
        let named_body = j > 0 && named_after_someone(doc, j - 1);
        let ne = person_name(doc, j, blocked).filter(|_| opens_name(doc, j) && !listed && !named_body)?;
        (ne >= ce && ne - j >= 2).then_some((j, ne))
    })
}

/// Heads of the bodies and places named after a person (folded): "Fondation Jérôme Lejeune",
/// "lycée Victor Hugo", "Institut Pasteur", "the John Innes Centre" is not among them (the
/// name comes first in English).
const NAMED_AFTER_SOMEONE: [&str; 15] = [
    "fondation",
    "institut",
    "lycee",
    "college",
    "ecole",
    "hopital",
    "musee",
    "stade",
    "universite",
    "centre",
    "rue",
    "avenue",
    "boulevard",
    "place",
    "foundation",
];

/// Whether token `k` heads a body or a place named after the person whose name follows:
/// capitalised ("Fondation Jérôme Lejeune"), or in lower case as French writes them ("lycée
/// Victor Hugo", "rue Jean Jaurès").
fn named_after_someone(doc: &Doc, k: usize) -> bool {
    NAMED_AFTER_SOMEONE.contains(&doc.folded(k)) && (doc.cap(k) || doc.lang == Lang::Fr)
}

/// Pushes the role of the person at `name`, and of the others a plural title names with them
/// ("les chercheurs Jean Dupont et Marie Durand"). Returns where to go on.
fn push_named(
    doc: &Doc,
    blocked: &[bool],
    out: &mut Vec<RoleMatch>,
    name: Range<usize>,
    role_tokens: Range<usize>,
    role: String,
    plural: bool,
) -> usize {
    let mut end = name.end;
    // "le comédien et humoriste français X": two roles.
    let rs = english::written_start(doc, &role_tokens, &role);
    let roles: Vec<String> = match coordinated(doc, rs, role_tokens.end).as_slice() {
        [_] => vec![role],
        pairs => pairs.iter().map(|&(a, b)| doc.span_text(a, b).to_string()).collect(),
    };
    for role in &roles {
        out.push(RoleMatch { name: name.clone(), role_tokens: role_tokens.clone(), role: role.clone() });
    }
    while plural && (doc.tok(end) == "," || is_and(doc, end)) {
        let mut ns = end + 1;
        if is_and(doc, ns) {
            ns += 1;
        }
        let honoured = is_honorific(doc, ns);
        if honoured {
            ns += 1;
        }
        let Some(ne) = person_name(doc, ns, blocked).filter(|&ne| ne - ns >= 2 || honoured) else { break };
        // "the defenders X and Y, and Jane Hill, the club doctor": a name with its own
        // apposition is someone else.
        if doc.lang == Lang::En && doc.tok(ne) == "," && doc.is_determiner(ne + 1) {
            break;
        }
        for role in &roles {
            out.push(RoleMatch { name: ns..ne, role_tokens: role_tokens.clone(), role: role.clone() });
        }
        end = ne;
    }
    end
}

/// Whether another person's name follows the name ending at `ne`: ", Marie Durand", "et Marie
/// Durand".
fn another_name_after(doc: &Doc, ne: usize, blocked: &[bool]) -> bool {
    next_listed_name(doc, ne, blocked).is_some()
}

/// The name listed after the one ending at `ne` (", Marie Durand", "et Marie Durand", "and Mr
/// Magnier"), if any: whether it is written in full, two words or after an honorific ("A-list
/// singers Madonna, Sir Elton John and Usher" lists people).
fn next_listed_name(doc: &Doc, ne: usize, blocked: &[bool]) -> Option<bool> {
    let ns = if doc.tok(ne) == "," || is_and(doc, ne) { ne + 1 } else { return None };
    let ns = if is_and(doc, ns) { ns + 1 } else { ns };
    // "Irish billionaires Mr McManus and Mr Magnier".
    let honoured = is_honorific(doc, ns);
    let ns = if honoured { ns + 1 } else { ns };
    person_name(doc, ns, blocked).map(|e| honoured || e > ns + 1)
}

/// The conjunction "et" ("and" in English, in lowercase) at `k`.
fn is_and(doc: &Doc, k: usize) -> bool {
    if doc.lang == Lang::Fr { doc.folded(k) == "et" } else { doc.tok(k) == "and" }
}

/// English pre-modifiers of a capitalised title: "Trade and Industry Secretary".
fn extend_back(doc: &Doc, k: usize, blocked: &[bool]) -> usize {
    if !doc.cap(k) {
        return k;
    }
    let mut s = k;
    while s > 0 {
        let p = s - 1;
        let f = doc.folded(p);
        let joiner = matches!(f, "and" | "&") && doc.cap(p.wrapping_sub(1));
        // "Science Minister Lord Sainsbury" opening a sentence, though "science" is written in
        // lowercase elsewhere: a noun before a title is its complement ("Yesterday Prime
        // Minister X", "Asked Home Secretary X" are no nouns).
        let initial_noun = || {
            doc.info.get(p).is_some_and(|i| i.initial)
                && english::modifier_word(doc, p)
                && !GAZ.days.contains_key(f)
                && !GAZ.months.contains_key(f)
                && !english::NO_COMPLEMENT_OPENERS.contains(&f)
        };
        // ("Despite Home Secretary X", "Furious Chelsea manager X": the sentence's first word.)
        let opener =
            doc.info.get(p).is_some_and(|i| i.initial) && english::NO_COMPLEMENT_OPENERS.contains(&f);
        let cap_ok = doc.cap(p)
            && doc.is_word(p)
            && !opener
            && (!doc.common_capitalised(p) || initial_noun())
            && !GAZ.is_stop(f)
            && !GAZ.phrases.contains_key(f)
            && !GAZ.acronyms.contains_key(doc.tok(p))
            && !GAZ.demonyms.contains_key(f)
            && !blocked.get(p).copied().unwrap_or(true);
        if (cap_ok || joiner) && !doc.newline_before(s) {
            s = p;
        } else {
            break;
        }
    }
    // Never start on a joiner.
    while s < k && matches!(doc.folded(s), "and" | "&") {
        s += 1;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(s: &str) -> Vec<(String, String)> {
        roles_in(s, None)
    }

    /// The (name, role) pairs of a text read in `lang` (guessed when `None`).
    pub(super) fn roles_in(s: &str, lang: Option<crate::extract::types::Lang>) -> Vec<(String, String)> {
        let doc = Doc::new(s, lang);
        let blocked = vec![false; doc.len()];
        find_roles(&doc, &blocked, None)
            .into_iter()
            .map(|r| (doc.span_text(r.name.start, r.name.end).to_string(), r.role))
            .collect()
    }

    /// Each text gives exactly the expected (name, role) pairs, in order.
    #[test]
    fn a_name_governed_by_a_verb_after_a_title_is_not_its_holder() {
        assert_cases_in(
            Some(crate::extract::types::Lang::Fr),
            &[
                (
                    "Affaibli par le départ de ses élus vers Jean Dupont, le patron des Républicains voit désormais son \
                     aile dure glisser vers Marie Durand.",
                    &[],
                ),
                (
                    "Le patron des Républicains Jean Dupont a parlé.",
                    &[("Jean Dupont", "patron des Républicains")],
                ),
            ],
        );
    }

    fn assert_cases(cases: &[(&str, &[(&str, &str)])]) {
        assert_cases_in(None, cases);
    }

    /// The same, for texts read in `lang`.
    pub(super) fn assert_cases_in(
        lang: Option<crate::extract::types::Lang>,
        cases: &[(&str, &[(&str, &str)])],
    ) {
        for (text, expected) in cases {
            let want: Vec<(String, String)> =
                expected.iter().map(|(n, r)| (n.to_string(), r.to_string())).collect();
            assert_eq!(roles_in(text, lang), want, "{text}");
        }
    }

    #[test]
    fn a_description_before_its_own_verb_is_no_apposition() {
        assert_cases(&[
            ("Invité ce mardi par Cyril Hanouna, l'humoriste a expliqué son choix.", &[]),
            ("Elle a signé avec Jean Roux, le chanteur propose une liste.", &[]),
            // An apposition closed by its comma, or followed by a participle or a preposition.
            (
                "Olivier Dussopt, le secrétaire d'État à la fonction publique.",
                &[("Olivier Dussopt", "secrétaire d'État")],
            ),
            (
                "La cagnotte de Jean Roux, l'ex-boxeur poursuivi pour violences, a fermé.",
                &[("Jean Roux", "ex-boxeur")],
            ),
        ]);
    }

    #[test]
    fn a_body_named_after_someone_keeps_the_name() {
        assert_cases_in(
            Some(crate::extract::types::Lang::Fr),
            &[
                (
                    "Olivier Ruisseau, chargé de communication de la Fondation Jérôme Lejeune, a parlé.",
                    &[("Olivier Ruisseau", "chargé de communication de la Fondation Jérôme Lejeune")],
                ),
                (
                    "Jean Dupont, professeur au lycée Victor Hugo, a parlé.",
                    &[("Jean Dupont", "professeur au lycée Victor Hugo")],
                ),
                // A body's head that is no one's name leaves the holder named after it.
                (
                    "L'ancien président de la Commission José Manuel Barroso a parlé.",
                    &[("José Manuel Barroso", "ancien président de la Commission")],
                ),
            ],
        );
    }

    #[test]
    fn apposition_without_comma_after_a_verb_of_saying() {
        assert_cases(&[
            (
                "« Nous visons 500 millions », explique Joechen Zaumseil le vice-président de l'usine.",
                &[("Joechen Zaumseil", "vice-président de l'usine")],
            ),
            // A name unknown to the lists needs the verb of saying before it.
            ("Le choix de Joechen Zaumseil le vice-président a surpris.", &[]),
        ]);
    }

    #[test]
    fn patterns() {
        assert_eq!(
            roles("l'arrivée du colonel Assimi Goita par"),
            vec![("Assimi Goita".into(), "colonel".into())]
        );
        assert_eq!(
            roles("du ministre malien de la Sécurité et de la Protection civile, Daoud Aly Mohammedine, sur"),
            vec![(
                "Daoud Aly Mohammedine".into(),
                "ministre malien de la Sécurité et de la Protection civile".into()
            )]
        );
        assert_eq!(roles("said President Joe Biden."), vec![("Joe Biden".into(), "President".into())]);
        assert_eq!(
            roles("Mr Smith, chief executive of Acme Corp, said"),
            vec![("Smith".into(), "chief executive of Acme Corp".into())]
        );
        assert_eq!(
            roles("John Smith, the chief executive of Acme, said"),
            vec![("John Smith".into(), "chief executive of Acme".into())]
        );
        assert_eq!(
            roles("le président russe Vladimir Poutine"),
            vec![("Vladimir Poutine".into(), "président russe".into())]
        );
        assert_eq!(
            roles("Trade and Industry Secretary Patricia Hewitt said"),
            vec![("Patricia Hewitt".into(), "Trade and Industry Secretary".into())]
        );
    }

    /// (text, expected (name, role) pairs): French roles with complements, names closing them,
    /// coordinated titles and roles given by a verb.
    const FRENCH: &[(&str, &[(&str, &str)])] = &[
        // "à" is a preposition before an institution.
        (
            "selon Jean Dupont, professeur à l'Université de Lyon, une personne",
            &[("Jean Dupont", "professeur à l'Université de Lyon")],
        ),
        // A name closes a complement even when more words follow.
        (
            "comme le champion du monde d'échecs Garry Kasparov et une sélection d'informaticiens",
            &[("Garry Kasparov", "champion du monde d'échecs")],
        ),
        (
            "Le comédien et humoriste français Mouss Diouf est mort",
            &[("Mouss Diouf", "comédien"), ("Mouss Diouf", "humoriste français")],
        ),
        (
            "Jean Dupont a été élu président de la Ligue avec 13 millions de voix",
            &[("Jean Dupont", "président de la Ligue")],
        ),
        ("Le président est arrivé.", &[]),
        (
            "parmi lesquels le ministre de la Transition écologique François de Rugy, ont",
            &[("François de Rugy", "ministre de la Transition écologique")],
        ),
        (
            "selon Marc Fesneau, ministre des Relations avec le Parlement, qui",
            &[("Marc Fesneau", "ministre des Relations avec le Parlement")],
        ),
        // An agent after "par" is someone else.
        (
            "la réception des policiers à Beauvau par le ministre de l'Intérieur, Christophe Castaner, en",
            &[("Christophe Castaner", "ministre de l'Intérieur")],
        ),
        (
            "selon Hélène Baudchon, économiste chez BNP Paribas, la",
            &[("Hélène Baudchon", "économiste chez BNP Paribas")],
        ),
        (
            "Jean Dupont, président par intérim du club, a",
            &[("Jean Dupont", "président par intérim du club")],
        ),
        // A party label or a new paragraph opens no name.
        (
            "Agnès Evren, présidente de la fédération LR de Paris, a eu",
            &[("Agnès Evren", "présidente de la fédération LR de Paris")],
        ),
        (
            "Aurore Bergé, porte-parole des députés LaREM\nDans la majorité",
            &[("Aurore Bergé", "porte-parole des députés LaREM")],
        ),
        // A name after a work's cue is no person.
        ("a révélé le comédien dans la série Julie Lescaut, dans laquelle", &[]),
        // A party's adjective inside its name is no title; a purpose ends a complement.
        ("le congrès du Parti communiste chinois pour désigner Xi Jinping comme", &[]),
        (
            "après la libération de la prix Nobel de la paix Aung San Suu Kyi.",
            &[("Aung San Suu Kyi", "prix Nobel de la paix")],
        ),
        // Time words end a complement.
        (
            "Akli Gasmi, jeune berger en Kabylie à l'époque, se souvient",
            &[("Akli Gasmi", "jeune berger en Kabylie")],
        ),
        // fr-roles3: "comme" and "en tant que" give a role like "est"; a word of time after a
        // role before its comma is skipped.
        (
            "pour désigner Paul Martin comme successeur de Jean Roux, les délégués",
            &[("Paul Martin", "successeur de Jean Roux")],
        ),
        ("Paul Martin, en tant que président du jury, a tranché.", &[("Paul Martin", "président du jury")]),
        ("Jean Dupont comme le président Paul Martin ont signé.", &[("Paul Martin", "président")]),
        (
            "les partisans du chef religieux d'alors, l'imam Karim Benali, ont",
            &[("Karim Benali", "chef religieux"), ("Karim Benali", "imam")],
        ),
        ("Akli Gasmi, jeune berger à l'époque, raconte.", &[("Akli Gasmi", "jeune berger")]),
        // fr-roles3: a given name that is also a place still opens a person's name; an acronym
        // in brackets stays in the role's words, and out of its text.
        ("Florence Dupont, directrice de l'école, a parlé.", &[("Florence Dupont", "directrice de l'école")]),
        ("Ils sont allés à Florence, capitale de la Toscane, hier.", &[]),
        (
            "Le directeur de l'Organisation mondiale de la santé (OMS), Paul Martin, a parlé.",
            &[("Paul Martin", "directeur de l'Organisation mondiale de la santé")],
        ),
        // The annotators write a role without its brackets, and a listed party's name, its
        // capitalised article included, belongs to it.
        (
            "Le président du groupe Les Républicains, Bruno Retailleau, a accusé le gouvernement.",
            &[("Bruno Retailleau", "président du groupe Les Républicains")],
        ),
        (
            "Le président de Debout la France, Nicolas Dupont-Aignan, craint un coup politique.",
            &[("Nicolas Dupont-Aignan", "président de Debout la France")],
        ),
        (
            "«C'est une bonne initiative», a estimé jeudi le député Les Républicains (LR) Éric Ciotti.",
            &[("Éric Ciotti", "député Les Républicains")],
        ),
        (
            "Le président du groupe UC (Union centriste), Hervé Marseille, a demandé des clarifications.",
            &[("Hervé Marseille", "président du groupe UC")],
        ),
        (
            "Jean Dupont, délégué du parti Debout la France de Nicolas Dupont-Aignan dans la Somme, a parlé.",
            &[("Jean Dupont", "délégué du parti Debout la France")],
        ),
        ("L'inspecteur N'Guma a ouvert une enquête.", &[("N'Guma", "inspecteur")]),
        (
            "Affaiblie, la tête de liste La France insoumise (LFI) Marie Dupont préfère se taire.",
            &[("Marie Dupont", "tête de liste La France insoumise")],
        ),
        ("Il marchait en tête du cortège, Jean Dupont à ses côtés.", &[]),
        // The lede names her by her office first, then by name.
        (
            "LE SCAN POLITIQUE - À l'occasion de ses vœux, la maire de Lille a évoqué la politique \
             nationale. Martine Dupont appelle à plus de justice sociale.",
            &[("Martine Dupont", "maire de Lille")],
        ),
        (
            "Le débat est lancé.\nÀ l'occasion de ses vœux, la maire de Lille a évoqué la politique \
             nationale. Martine Dupont appelle à plus de justice sociale.",
            &[],
        ),
        (
            "Son collègue député Insoumis Jean Dupont n'a pas attendu.",
            &[("Jean Dupont", "collègue député Insoumis")],
        ),
        (
            "Selon Jean Dupont, porte-parole de la préfecture «rien n'est décidé», a-t-il dit.",
            &[("Jean Dupont", "porte-parole de la préfecture")],
        ),
        (
            "Il a répondu à Paul Martin, l'un des porte-parole des «bonnets rouges», hier.",
            &[("Paul Martin", "un des porte-parole des «bonnets rouges»")],
        ),
        ("Paul Martin, maire (PS) de Lille, a parlé.", &[("Paul Martin", "maire de Lille")]),
        ("La chancelière allemande Angela Merkel a parlé.", &[("Angela Merkel", "chancelière allemande")]),
        // fr-roles3: "premier" before a title and a place after "à" closing it belong to the role.
        (
            "selon le premier adjoint au maire de Lille, Paul Martin, la ville",
            &[("Paul Martin", "premier adjoint au maire de Lille")],
        ),
        (
            "a indiqué Paul Martin, procureur de la République à Lyon, qui",
            &[("Paul Martin", "procureur de la République à Lyon")],
        ),
        // fr-roles3: a description without a name goes to the one person holding that title,
        // when it says more than the role already given; never across a demonym, "ancien" or a
        // second holder.
        (
            "Le président Jean Roux a visité Lyon. « Rien n'est joué », estime le président de la République.",
            &[("Jean Roux", "président"), ("Jean Roux", "président de la République")],
        ),
        (
            "Le président Jean Roux a visité Lyon. Le président américain a téléphoné.",
            &[("Jean Roux", "président")],
        ),
        (
            "Le président Jean Roux a reçu le président Paul Vidal. Le président de la République a parlé.",
            &[("Jean Roux", "président"), ("Paul Vidal", "président")],
        ),
        ("Le maire Paul Roux a parlé. L'ancien maire de la ville est venu.", &[("Paul Roux", "maire")]),
        (
            "Le maire Paul Roux a parlé. Le maire de Nantes prend peu de risque.",
            &[("Paul Roux", "maire"), ("Paul Roux", "maire de Nantes")],
        ),
        // fr-roles3: where a role ends, appositions after a name, words before a name that are
        // not part of it.
        // An article after a noun starts another phrase: the title is "avocats".
        (
            "a plaidé devant les juges les avocats des deux prévenus, Paul Roux et Léa Morin.",
            &[("Paul Roux", "avocats des deux prévenus"), ("Léa Morin", "avocats des deux prévenus")],
        ),
        // An adverb, a participle telling what was done, a date end the role.
        (
            "Marc Giraud, inspecteur principal récemment promu à Lille, a parlé.",
            &[("Marc Giraud", "inspecteur principal")],
        ),
        ("Hugo Perrin, commandant filmé samedi à Lyon, a été suspendu.", &[("Hugo Perrin", "commandant")]),
        ("le chef étoilé italien Marco Bellini a ouvert", &[("Marco Bellini", "chef étoilé italien")]),
        ("Léa Morin, directrice du musée en 2019, a démissionné.", &[("Léa Morin", "directrice du musée")]),
        // A day, an acronym, another name before the person are not the person.
        ("Mardi, la ministre de la Santé, a visité l'hôpital.", &[]),
        ("a confié à l'AFP Paul Roux, maire de Dijon, dimanche.", &[("Paul Roux", "maire de Dijon")]),
        (
            "la cagnotte Tipeee de Christophe Martin, l'ex-boxeur poursuivi pour violences, a fermé.",
            &[("Christophe Martin", "ex-boxeur")],
        ),
        (
            "La maire du quartier, Jeanne d'Hauteville, appelle au calme.",
            &[("Jeanne d'Hauteville", "maire du quartier")],
        ),
        ("Selon le général De Lattre, la ville tient.", &[("De Lattre", "général")]),
        // A title followed by its own name is not an apposition to the word before.
        ("Ce jeudi en Bretagne, le président Macron a débattu.", &[("Macron", "président")]),
        (
            "ont été nommés l'ancien patron de la SNCF Jean Roux, la présidente de la Cnil Marie Lenoir, et",
            &[("Jean Roux", "ancien patron de la SNCF"), ("Marie Lenoir", "présidente de la Cnil")],
        ),
        // An age between commas, several roles in a row, "un des".
        (
            "Karim Benali, 32 ans, professeur de mathématiques à Lyon, raconte.",
            &[("Karim Benali", "professeur de mathématiques à Lyon")],
        ),
        (
            "Paul Martin, maire de Lyon, ancien député du Rhône, a démissionné.",
            &[("Paul Martin", "maire de Lyon"), ("Paul Martin", "ancien député du Rhône")],
        ),
        (
            "Éric Durand, l'un des fondateurs du collectif, a répondu.",
            &[("Éric Durand", "un des fondateurs du collectif")],
        ),
        (
            "un des leaders du mouvement, Éric Durand, a menacé",
            &[("Éric Durand", "un des leaders du mouvement")],
        ),
        (
            "Guy Lemaire, un ancien membre du Conseil d'État, a été nommé.",
            &[("Guy Lemaire", "ancien membre du Conseil d'État")],
        ),
        // A title that is also a verb, after a noun, is the verb.
        ("Le syndicat juge Paul Martin responsable de la crise.", &[]),
        // "candidat à" an election keeps its aim.
        (
            "Marc Lenoir, candidat à l'élection présidentielle, a promis des réformes.",
            &[("Marc Lenoir", "candidat à l'élection présidentielle")],
        ),
        ("ANALYSE - Le premier ministre, Paul Martin, a précisé", &[("Paul Martin", "premier ministre")]),
        // A name opening a paragraph is the subject of the verb after it.
        ("Le débat a repris lundi.\nJean Dupont est avocat à Lyon.", &[("Jean Dupont", "avocat à Lyon")]),
        ("Le débat a repris.\n\nMarie Durand est députée du Gard.", &[("Marie Durand", "députée du Gard")]),
        // "et" and a verb open a clause of its own; two titles are two roles.
        ("Marie Durand est essayiste et vient de publier un livre.", &[("Marie Durand", "essayiste")]),
        ("Paul Morel est avocat et essayiste.", &[("Paul Morel", "avocat"), ("Paul Morel", "essayiste")]),
        (
            "Selon Paul Morel, docteur en droit et enseigne à Lyon, la loi",
            &[("Paul Morel", "docteur en droit")],
        ),
        (
            "Jean Dupont, ministre de la Ville et son conseiller ont visité",
            &[("Jean Dupont", "ministre de la Ville")],
        ),
        (
            "Jean Dupont, conseiller municipal et métropolitain de Lyon, a dit",
            &[("Jean Dupont", "conseiller municipal et métropolitain de Lyon")],
        ),
        // "il"/"elle" and a verb of function after a sentence naming one person.
        (
            "Jean Dupont a pris la parole lundi. Il est le président du club de Lyon.",
            &[("Jean Dupont", "président du club de Lyon")],
        ),
        (
            "Le constat est de Marie Durand. Elle est aussi l'une des fondatrices du collectif.",
            &[("Marie Durand", "une des fondatrices du collectif")],
        ),
        ("Jean Dupont a rencontré Paul Morel. Il est le président du club.", &[]),
        ("Seul Paul Morel, député du Gard, a voté contre.", &[("Paul Morel", "député du Gard")]),
        (
            "Marie Durand est députée du Gard. Avocate, elle a été élue en 2017. Elle est membre de la commission des Finances.",
            &[("Marie Durand", "députée du Gard"), ("Marie Durand", "membre de la commission des Finances")],
        ),
        ("Marie Durand a pris la parole. Il est le président du club.", &[]),
        // "Natif de Lyon" is no name that would stand between them.
        (
            "Julien Terrier est venu. Natif de Lyon, ce militaire a travaillé dans plusieurs secteurs.",
            &[("Julien Terrier", "militaire")],
        ),
        // After a short phrase fronting the sentence; in the future.
        (
            "Paul Martin a été condamné. Âgé de 37 ans, il est conseiller municipal d'Évry.",
            &[("Paul Martin", "conseiller municipal d'Évry")],
        ),
        (
            "Julien Terrier a 31 ans. Il sera porte-parole en Haute-Garonne.",
            &[("Julien Terrier", "porte-parole en Haute-Garonne")],
        ),
        ("Paul Martin est arrivé. Quand il est parti, elle est présidente du club.", &[]),
        // A fronted view says whose claim it is: no role.
        ("Paul Morel a grandi à Nantes. Selon la police, il est responsable de l'accident.", &[]),
        ("Jean Dupont a pris la parole.\nIl est le président du club.", &[]),
        ("Jean Dupont a parlé. Il est l'auteur de Comprendre le monde.", &[]),
        (
            "Jean Dupont est historien et homme politique.",
            &[("Jean Dupont", "historien"), ("Jean Dupont", "homme politique")],
        ),
        ("Paul Morel a été sacré champion de France en 2010.", &[("Paul Morel", "champion de France")]),
        // The body a person speaks for, in apposition; not a place.
        (
            "Le projet avance, explique Jean Dupont, de l'Université de Lyon, dans un communiqué.",
            &[("Jean Dupont", "de l'Université de Lyon")],
        ),
        ("Le projet avance, explique Marie Durand, de la CGT.", &[("Marie Durand", "de la CGT")]),
        ("Le projet avance, explique Jean Dupont, de Lyon, dans un communiqué.", &[]),
        ("Finalement, le maire et cette figure du mouvement se parleront.", &[]),
        // Titles of learning, trades and family.
        (
            "Selon le recteur de l'académie, Jean Dupont, les cours reprendront.",
            &[("Jean Dupont", "recteur de l'académie")],
        ),
        ("Le lanceur d'alerte Paul Morel a témoigné.", &[("Paul Morel", "lanceur d'alerte")]),
        ("Il a reçu la nièce de Paul Morel, Marie Durand, hier.", &[("Marie Durand", "nièce de Paul Morel")]),
        (
            "Jean Dupont, qui a été élu délégué général samedi matin, a parlé.",
            &[("Jean Dupont", "délégué général")],
        ),
    ];

    #[test]
    fn french_roles() {
        assert_cases(FRENCH);
        let r = roles("son rival Ahmad Chafiq qui fut l'ancien premier ministre d'Hosni Moubarak.");
        assert!(
            r.contains(&("Ahmad Chafiq".into(), "ancien premier ministre d'Hosni Moubarak".into())),
            "{r:?}"
        );
    }

    #[test]
    fn a_title_after_the_comma_keeps_the_role_before_it() {
        let r = roles("des portraits du guide religieux de l'Iran, l'ayatollah Ali Khamenei, ainsi que");
        assert!(r.contains(&("Ali Khamenei".into(), "guide religieux de l'Iran".into())), "{r:?}");
        assert!(r.contains(&("Ali Khamenei".into(), "ayatollah".into())), "{r:?}");
    }

    // fr-roles6: English premodifiers of a lowercase title, capitalised because they name whom
    // the title serves, belong to the role; a modifier opening the sentence too.
    const ENGLISH_PREMODIFIED: &[(&str, &[(&str, &str)])] = &[
        (
            "The deal is fair, said Leeds manager Tom Baker after the match.",
            &[("Tom Baker", "Leeds manager")],
        ),
        (
            "The deal is fair, Green Party leader Anna Price told the BBC.",
            &[("Anna Price", "Green Party leader")],
        ),
        (
            "Prices rose sharply in the last year, Bank of Scotland economist Mark Reid said on Monday.",
            &[("Mark Reid", "Bank of Scotland economist")],
        ),
        (
            "Sales grew in the last year, said Tom Baker, Acme Europe's managing director, on Friday.",
            &[("Tom Baker", "Acme Europe's managing director")],
        ),
        ("Former Leeds captain Tom Baker said he would stay.", &[("Tom Baker", "Former Leeds captain")]),
        (
            "Rates will fall, said Lloyds First Capital analyst Ruth Cole on Monday.",
            &[("Ruth Cole", "Lloyds First Capital analyst")],
        ),
        ("The vote was close, Labour spokesman Mr Reid said.", &[("Reid", "Labour spokesman")]),
        // A verb gives the role ("is to become", "was appointed", "served as"); time ends it.
        (
            "The minister said that Mr Hale, 61, is to become the UK's ambassador to South Korea in March.",
            &[("Hale", "UK's ambassador to South Korea")],
        ),
        (
            "It was known that Tom Baker was appointed chief executive after the merger of the two firms.",
            &[("Tom Baker", "chief executive")],
        ),
        (
            "It was known that Ruth Cole, who served as director of the firm, will leave.",
            &[("Ruth Cole", "director of the firm")],
        ),
        // Relations are not functions; "and" joins two people, not two words of one name.
        ("The bid came from German rival Acme Boerse on Monday.", &[]),
        (
            "He will meet Spanish counterpart Minister Luis Ortega to discuss trade, Madrid said.",
            &[("Luis Ortega", "Minister")],
        ),
        (
            "Welsh writer Tom Baker and Irish writer Ruth Cole shared the prize.",
            &[("Tom Baker", "Welsh writer"), ("Ruth Cole", "Irish writer")],
        ),
    ];

    #[test]
    fn english_premodified_titles() {
        assert_cases(ENGLISH_PREMODIFIED);
    }

    #[test]
    fn english_premodifiers_are_no_reserved_tokens() {
        let doc = Doc::new("The deal is fair, said Leeds manager Tom Baker after the match.", None);
        let found = find_roles(&doc, &vec![false; doc.len()], None);
        let reserved: Vec<&str> =
            found.iter().flat_map(|r| r.role_tokens.clone()).map(|k| doc.tok(k)).collect();
        assert_eq!(reserved, vec!["manager"]);
    }

    // fr-roles6: a description restating a role in other words goes to its holder; a name after
    // an article is a thing; after "Selon X," a description followed by its verb is a subject.
    const FRENCH_RESTATED: &[(&str, &[(&str, &str)])] = &[
        (
            "Le président du Modem, Paul Morel, a parlé hier à Nancy. Malgré tout, le patron du Modem reste prudent.",
            &[("Paul Morel", "président du Modem"), ("Paul Morel", "patron du Modem")],
        ),
        (
            "Paul Morel, ancien président de la République, a parlé à Tulle. Pour l'ex-chef de l'État, la crise est grave.",
            &[("Paul Morel", "ancien président de la République"), ("Paul Morel", "ex-chef de l'État")],
        ),
        // A bare title may be another head of state's; a former one is not the current one.
        (
            "Le président Paul Morel a parlé à Tulle. Pour le chef de l'État, la crise est grave.",
            &[("Paul Morel", "président")],
        ),
        (
            "Paul Morel, ancien président de la République, a parlé à Tulle. Le chef de l'État a répondu.",
            &[("Paul Morel", "ancien président de la République")],
        ),
        ("Le sommet qui entérinait le Brexit, le président de la République a parlé.", &[]),
        ("Selon Paul Morel, le chef de l'État ne souhaite pas parler avant samedi.", &[]),
        // An organisation's cue before adjectives still tells its name from a person's;
        // "présumé" belongs to the role.
        (
            "a écrit Marie Lenoir, directrice de l'association caritative française Secours Populaire.",
            &[("Marie Lenoir", "directrice de l'association caritative française Secours Populaire")],
        ),
        (
            "la traque de Marc Giraud, l'auteur présumé du vol, se poursuit.",
            &[("Marc Giraud", "auteur présumé du vol")],
        ),
        // A role read from a description is restated later; a name keeps its adjective.
        (
            "Paul Morel a parlé hier. « Rien n'est joué », estime le président du Sénat. Plus tard, le patron du Sénat se veut prudent.",
            &[("Paul Morel", "président du Sénat"), ("Paul Morel", "patron du Sénat")],
        ),
        (
            "La présidente Léa Morel a parlé. « Rien n'est joué », estime la présidente du Front national.",
            &[("Léa Morel", "présidente"), ("Léa Morel", "présidente du Front national")],
        ),
        (
            "selon Paul Morel, le secrétaire d'État à l'Intérieur qui parlait sur RTL.",
            &[("Paul Morel", "secrétaire d'État à l'Intérieur")],
        ),
    ];

    #[test]
    fn french_descriptions_restating_a_role() {
        assert_cases(FRENCH_RESTATED);
    }

    // fr-roles9: nouns of relation or standing in apposition after a name.
    const FRENCH_RELATIONS: &[(&str, &[(&str, &str)])] = &[
        (
            "l'avocat Paul Morel, proche de Jean Martin et ancien responsable du comité d'éthique du parti durant la campagne, a parlé.",
            &[
                ("Paul Morel", "avocat"),
                ("Paul Morel", "proche de Jean Martin"),
                ("Paul Morel", "ancien responsable du comité d'éthique du parti"),
            ],
        ),
        (
            "Face caméra, Léa Morel, soutien du mouvement depuis le début, ne dit rien.",
            &[("Léa Morel", "soutien du mouvement")],
        ),
        (
            "Marc Giraud, figure de proue du mouvement des « gilets jaunes » a publié un message.",
            &[("Marc Giraud", "figure de proue du mouvement des « gilets jaunes »")],
        ),
        (
            "Il évoque le rôle de Paul Morel, principal actionnaire de La Dépêche, qui avait reçu des manifestants.",
            &[("Paul Morel", "principal actionnaire de La Dépêche")],
        ),
        // Without their complement, or before a name, these nouns are no roles.
        ("Avec le soutien de la région, Paul Morel a ouvert la séance.", &[]),
        ("Paul Morel, proche, a parlé.", &[]),
        ("Paul Morel, soutien indéfectible, a parlé.", &[]),
        (
            "le député Paul Morel, soutien du « ras-le-bol » exprimé par le mouvement, a parlé.",
            &[("Paul Morel", "député")],
        ),
        (
            "selon Paul Morel, le secrétaire général du syndicat Force police, proche de la CGT.",
            &[("Paul Morel", "secrétaire général du syndicat Force police")],
        ),
        ("Jean Morel, soutien de Marc Giraud Marc Giraud s'est imposé.", &[]),
        ("le syndicat Alliance, proche de la droite, a appelé à manifester.", &[]),
        ("Jean Morel, proche de la retraite, a parlé.", &[]),
        ("Les élus de Vendôme, proches du maire, ont parlé.", &[]),
        // After a first apposition, a definite description before its verb is the subject.
        (
            "En écrivant sur Marc Giraud, une des figures du mouvement, le leader du parti a provoqué la surprise.",
            &[("Marc Giraud", "une des figures du mouvement")],
        ),
    ];

    #[test]
    fn french_relations_in_apposition() {
        assert_cases(FRENCH_RELATIONS);
    }

    // fr-roles9: British offices and police ranks written capitalised, in apposition or before
    // a name; without the listed compound, "Secretary" or "Constable" was read as a name.
    const ENGLISH_CAPITALISED_OFFICES: &[(&str, &[(&str, &str)])] = &[
        (
            "Mike Dunn, Chief Constable of West Yorkshire, said the force was ready for the match.",
            &[("Mike Dunn", "Chief Constable of West Yorkshire")],
        ),
        (
            "Peter Hale, Chief Secretary to the Treasury, is to step down at the next election.",
            &[("Peter Hale", "Chief Secretary to the Treasury")],
        ),
        (
            "Detective Chief Inspector Anne Wood said the man had been arrested.",
            &[("Anne Wood", "Detective Chief Inspector")],
        ),
    ];

    #[test]
    fn english_capitalised_offices() {
        assert_cases(ENGLISH_CAPITALISED_OFFICES);
    }

    // fr-roles9: a short sentence that only names someone, then a description opening the next.
    const FRENCH_TOPIC_THEN_DESCRIPTION: &[(&str, &[(&str, &str)])] = &[
        (
            "Le mouvement touche aussi les élus. Nouvelle démonstration jeudi matin avec Jean Dupont. Le ministre chargé des Collectivités territoriales a été interpellé dans la rue.",
            &[("Jean Dupont", "ministre chargé des Collectivités territoriales")],
        ),
        (
            "Les artistes attendent. C'est la remarque de Marie Lenoir. La présidente du syndicat se plaint de la politique du club.",
            &[("Marie Lenoir", "présidente du syndicat")],
        ),
        // A subject pronoun in the short sentence is someone else, maybe the one described.
        (
            "Le mouvement touche aussi les élus. Il a reçu Jean Dupont. Le ministre a été interpellé dans la rue.",
            &[],
        ),
        // A name of the other gender is not the one described.
        (
            "Le mouvement touche aussi les élus. Nouvelle démonstration avec Marie Lenoir. Le ministre a été interpellé.",
            &[],
        ),
        // The one person the sentence before names, even as an object, when the title is new.
        (
            "Le projet a reçu le soutien de Marie Durand, samedi, après un long débat au conseil. La présidente du parti a dénoncé la loi.",
            &[("Marie Durand", "présidente du parti")],
        ),
        ("Le ministre a longuement reçu Jean Dupont à Paris lundi. Le ministre a dit non.", &[]),
        (
            "Son attitude tranche avec celle de Jean Dupont, samedi à Paris. Le patron du syndicat se tait.",
            &[],
        ),
        (
            "Un débat sur les salaires, réclame pour sa part Jean Dupont. Le patron du syndicat se tait.",
            &[("Jean Dupont", "patron du syndicat")],
        ),
    ];

    #[test]
    fn french_topic_then_description() {
        assert_cases(FRENCH_TOPIC_THEN_DESCRIPTION);
    }

    #[test]
    fn a_description_after_a_town_or_opening_a_clause_of_time_or_contrast() {
        assert_cases(&[
            (
                "Franck Dubosc a renié le mouvement. Vendredi à Besançon, l'humoriste a précisé sa pensée.",
                &[("Franck Dubosc", "humoriste")],
            ),
            (
                "Cyril Hanouna s'est vu propulsé porte-voix du mouvement. Même si l'animateur se considère comme un simple relais.",
                &[("Cyril Hanouna", "animateur")],
            ),
            // After "que" and a verb of saying, the description is whom the speaker talks about.
            ("Laurent Boucher estime que l'ancien boxeur a perdu les pédales.", &[]),
            // "Pour le syndicaliste, …" frames the words as the person's.
            (
                "Le budget est insuffisant, relève Frédéric Lagache. Pour le syndicaliste, le projet doit changer.",
                &[("Frédéric Lagache", "syndicaliste")],
            ),
            // A title opening a street's name gives no one a role.
            ("Les locaux sont rue du Général Alain de Bossieu, dans le XVe arrondissement.", &[]),
            // "à la place du ministre X" is no square.
            (
                "Il a pris la place du ministre de l'Intérieur Gérald Darmanin.",
                &[("Gérald Darmanin", "ministre de l'Intérieur")],
            ),
            // A clause of time or contrast may set someone else beside the person.
            ("Jean Dupont a été entendu. Lorsque le juge l'a interrogé, il a gardé le silence.", &[]),
        ]);
    }

    #[test]
    fn a_role_spelt_two_ways_is_one() {
        let f = crate::extract::extract(
            "Le chef de l'Etat Emmanuel Macron a parlé. Le chef de l'État Emmanuel Macron a répondu.",
            &crate::extract::Options { lang: Some(crate::extract::types::Lang::Fr), ..Default::default() },
        );
        let roles: Vec<&Vec<String>> = f.people.iter().map(|p| &p.roles).collect();
        assert_eq!(roles, [&vec!["chef de l'Etat".to_string()]]);
    }

    #[test]
    fn a_standfirst_describes_whom_the_body_names_first() {
        assert_cases(&[
            (
                "Invité de la radio ce matin, le président de la FNSEA a estimé que les réponses de Jean Roux étaient insuffisantes.\nNe rien lâcher. Depuis le début de la crise, Paul Morel semble décidé à se faire entendre.",
                &[("Paul Morel", "président de la FNSEA")],
            ),
            // A title of no body the text names may be anyone in the story.
            (
                "Le président du club a annoncé lundi le départ de l'entraîneur.\nAprès trois saisons, Jean Dupont quitte donc Lyon.",
                &[],
            ),
            // The standfirst names him: the description is someone else.
            (
                "Nommé lundi par le maire Paul Morel à Lyon, le professeur de droit sera le garant du débat.\nPaul Morel a annoncé jeudi son choix.",
                &[("Paul Morel", "maire")],
            ),
            // A title of the other gender, a description joined to another by "et".
            (
                "Dans une vidéo, l'actrice a dit son soutien au mouvement.\nDix ans avant, Paul Morel avait porté le gilet.",
                &[],
            ),
            (
                "Après le rappeur et l'humoriste, une autre voix se joint au mouvement.\nDix ans avant, Paul Morel avait porté le gilet.",
                &[],
            ),
        ]);
    }

    #[test]
    fn a_description_after_a_name_the_lists_do_not_know() {
        assert_cases(&[
            (
                "C'est la remarque de Kareyce Fotso. La médaillée d'argent des jeux de Beyrouth se plaint de la politique.",
                &[("Kareyce Fotso", "médaillée d'argent des jeux de Beyrouth")],
            ),
            // A place or a body closing the run is nobody described.
            (
                "C'est la remarque du Centre Pompidou. La médaillée d'argent des jeux de Beyrouth se plaint de la politique.",
                &[],
            ),
        ]);
    }

    #[test]
    fn a_description_then_a_person_named_for_the_first_time() {
        assert_cases(&[
            (
                "Les invités ne sont pas venus. Le président de la fondation ne décolère pas. De l'avis de Jean Dupont, la faute est au ministère.",
                &[("Jean Dupont", "président de la fondation")],
            ),
            // A nationality before the name is no part of it.
            (
                "Les invités ne sont pas venus. Le président de la fondation ne décolère pas. De l'avis de l'Américain Pete Selleck, la faute est au ministère.",
                &[("Pete Selleck", "président de la fondation")],
            ),
            // Named before: the description may be someone else.
            (
                "Jean Dupont est arrivé lundi. Les invités ne sont pas venus. Le président de la fondation ne décolère pas. Selon Jean Dupont, la faute est au ministère.",
                &[],
            ),
            // Not brought in as the one who speaks.
            (
                "La journée a été calme.\nLes débats ont duré trois jours. Le procureur a requis dix ans de prison. Jean Dupont est resté impassible.",
                &[],
            ),
            // Someone untitled named in the sentence before may be the one described.
            (
                "Marc Petit écoute. Le président de la fondation ne décolère pas. De l'avis de Jean Dupont, la faute est au ministère.",
                &[],
            ),
            // Two people in the next sentence.
            (
                "Les invités ne sont pas venus. Le président de la fondation ne décolère pas. Jean Dupont et Marc Petit ont écrit au ministère.",
                &[],
            ),
            // "De l'avis de X, …" makes X who the clause is about: the description after the
            // speech verb is his.
            (
                "De l'avis de Jean Dupont, la faute est au ministère. Par ailleurs, poursuit l'ancien ministre, une langue doit vivre.",
                &[("Jean Dupont", "ancien ministre")],
            ),
        ]);
    }

    // fr-roles9: "élu" is a title only as a noun with its complement or party label.
    const FRENCH_ELECTED: &[(&str, &[(&str, &str)])] = &[
        (
            "Jean-Yves Le Drian ne sort que rarement de sa réserve. Pourtant, dimanche, le ministre de l'Europe et des Affaires étrangères s'est dit inquiet.",
            &[("Jean-Yves Le Drian", "ministre de l'Europe et des Affaires étrangères")],
        ),
        (
            "Gérald Darmanin a parlé. Le ministre de l'Action et des Comptes publics a ajouté qu'il viendrait.",
            &[("Gérald Darmanin", "ministre de l'Action et des Comptes publics")],
        ),
        (
            "Anne Morel, avocate, est devenue ministre.",
            &[("Anne Morel", "avocate"), ("Anne Morel", "ministre")],
        ),
        (
            "Anne Morel, figure de l'opposition, a été élue députée.",
            &[("Anne Morel", "figure de l'opposition"), ("Anne Morel", "députée")],
        ),
        (
            "Paul Morel - ancien ministre de la Défense - a démissionné.",
            &[("Paul Morel", "ancien ministre de la Défense")],
        ),
        (
            "Décédé lundi, Paul Morel - prétendant au trône -, a parlé.",
            &[("Paul Morel", "prétendant au trône")],
        ),
        // No closing dash: no apposition.
        ("Paul Morel - ministre de la Défense a démissionné.", &[]),
        (
            "« Il faut évaluer », a déclaré Paul Morel. Depuis, le premier ministre a précisé qu'un comité serait nommé.",
            &[],
        ),
        (
            "Édouard Philippe a parlé mardi. Le premier ministre a ajouté qu'il viendrait.",
            &[("Édouard Philippe", "premier ministre")],
        ),
        (
            "Le chef du gouvernement devra dialoguer. « On ne peut pas gouverner contre le peuple », a cinglé Paul Morel.",
            &[],
        ),
        (
            "Paul Morel occupe le poste de directeur financier depuis 2010.",
            &[("Paul Morel", "directeur financier")],
        ),
        (
            "Anne Morel a été nommée au poste d'ambassadrice en Chine.",
            &[("Anne Morel", "ambassadrice en Chine")],
        ),
        (
            "Paul Morel a occupé les fonctions de directeur de cabinet.",
            &[("Paul Morel", "directeur de cabinet")],
        ),
        (
            "Paul Morel, qui assurera la fonction de directeur de campagne, envisage un financement.",
            &[("Paul Morel", "directeur de campagne")],
        ),
        ("Paul Morel, l'actuel détenteur du titre, a perdu.", &[("Paul Morel", "actuel détenteur du titre")]),
        (
            "Paul Morel, l'ancien garde du corps du roi, a témoigné.",
            &[("Paul Morel", "ancien garde du corps du roi")],
        ),
        ("Le poste de directeur est vacant. Paul Morel occupe le poste de garde.", &[]),
        (
            "L'élu du parti Les Républicains Paul Morel a comparé le président à un roi.",
            &[("Paul Morel", "élu du parti Les Républicains")],
        ),
        (
            "Paul Morel a accusé le gouvernement. S'il a salué la fin de la taxe, l'élu de Vendée a jugé la mesure tardive.",
            &[("Paul Morel", "élu de Vendée")],
        ),
        // The participle is no title.
        ("Paul Morel a été élu de justesse. Léa Morel, élue en 2014, a réagi.", &[]),
        ("Le conseil a élu Paul Morel à la présidence.", &[]),
    ];

    #[test]
    fn french_elected() {
        assert_cases(FRENCH_ELECTED);
    }

    // fr-roles9: the one a holder served under holds no such title.
    const SERVED_UNDER: &[(&str, &[(&str, &str)])] = &[
        ("Paul Morel, ministre sous Nicolas Sarkozy, a dit non.", &[("Paul Morel", "ministre")]),
        (
            "John Smith, who was foreign secretary under Tony Blair, said the war was legal.",
            &[("John Smith", "foreign secretary")],
        ),
    ];

    #[test]
    fn served_under_is_no_holder() {
        assert_cases(SERVED_UNDER);
    }

    // fr-roles9: English titles after a possessive, given to a name known to be a person's.
    const ENGLISH_POSSESSIVE_TITLES: &[(&str, &[(&str, &str)])] = &[
        (
            "John Smith, the firm's chief executive, said profits were up.",
            &[("John Smith", "firm's chief executive")],
        ),
        (
            "Mary Jones, the UK's first black chief constable, said the force was ready.",
            &[("Mary Jones", "UK's first black chief constable")],
        ),
        ("Gazneft, Russia's biggest oil producer, said profits were up.", &[]),
    ];

    #[test]
    fn english_possessive_titles() {
        assert_cases(ENGLISH_POSSESSIVE_TITLES);
    }

    // The role as written keeps a nationality before a capitalised title and a possessor before
    // a lowercase one; a pronoun's possession is left out.
    const ENGLISH_TITLES_AS_WRITTEN: &[(&str, &[(&str, &str)])] = &[
        ("UK Foreign Secretary Jack Straw said he was pleased.", &[("Jack Straw", "UK Foreign Secretary")]),
        (
            "Chinese Foreign Minister Li Zhaoxing met South African President Thabo Mbeki.",
            &[("Li Zhaoxing", "Chinese Foreign Minister"), ("Thabo Mbeki", "South African President")],
        ),
        ("Kenteris' lawyer Gregory Ioannidis said nothing.", &[("Gregory Ioannidis", "Kenteris' lawyer")]),
        ("The club's new manager Harry Redknapp said so.", &[("Harry Redknapp", "club's new manager")]),
        ("He hired his lawyer John Smith.", &[("John Smith", "lawyer")]),
        (
            "Jane Lush, controller of entertainment commissioning, said so.",
            &[("Jane Lush", "controller of entertainment commissioning")],
        ),
        (
            "She was found by a US record executive, Steve Greenberg.",
            &[("Steve Greenberg", "US record executive")],
        ),
        // Years and distances of a title won; a possessor after a full name nobody listed.
        (
            "Kostas Kenteris, the 2000 Olympic 200m champion, left.",
            &[("Kostas Kenteris", "2000 Olympic 200m champion")],
        ),
        (
            "Katerina Thanou, the women's 100m silver medallist, left.",
            &[("Katerina Thanou", "women's 100m silver medallist")],
        ),
        // A relative clause presents; a judgement does not.
        (
            "Gregory Ioannidis, who is a law lecturer at the University of Buckingham, spoke.",
            &[("Gregory Ioannidis", "law lecturer at the University of Buckingham")],
        ),
        ("John Smith, who is also a director of the club, left.", &[("John Smith", "director of the club")]),
        ("Tony Blair is a good prime minister and 38 per cent agree.", &[]),
        // A conjunction opens a clause of its own: the complement stops before it.
        (
            "Jane Doe, spokeswoman for the club while John Smith was away, said so.",
            &[("Jane Doe", "spokeswoman for the club")],
        ),
        ("Met at noon, President Jacques Chirac said so.", &[("Jacques Chirac", "President")]),
    ];

    #[test]
    fn english_titles_keep_nationality_and_possessor() {
        assert_cases_in(Some(crate::extract::types::Lang::En), ENGLISH_TITLES_AS_WRITTEN);
    }

    // fr-roles10: "Premier ministre" written capitalised in apposition is one title, not the
    // modifier "premier" before "ministre".
    const CAPITALISED_PREMIER: &[(&str, &[(&str, &str)])] = &[
        ("Kenji Sato, Premier ministre japonais, a parlé.", &[("Kenji Sato", "Premier ministre japonais")]),
        (
            "Kenji Sato, le Premier ministre du Japon, a parlé.",
            &[("Kenji Sato", "Premier ministre du Japon")],
        ),
        ("Kenji Sato, ancien ministre, a parlé.", &[("Kenji Sato", "ancien ministre")]),
    ];

    #[test]
    fn capitalised_premier_ministre_in_apposition() {
        assert_cases(CAPITALISED_PREMIER);
    }

    // fr-roles10: an Arabic surname glued to its article ("el-Hassan") belongs to the name; a
    // nationality before a name ("l'Américain") does not.
    const NAME_BOUNDS: &[(&str, &[(&str, &str)])] = &[
        ("Le président syrien Karim el-Hassan a parlé.", &[("Karim el-Hassan", "président syrien")]),
        ("Omar el-Khatib, président du Conseil, a parlé.", &[("Omar el-Khatib", "président du Conseil")]),
        (
            "Selon le ministre de l'Information, Omar al-Khatib, la ville est tombée.",
            &[("Omar al-Khatib", "ministre de l'Information")],
        ),
        ("Le réseau al-Qaïda, chef de file du djihad, a revendiqué l'attaque.", &[]),
        (
            "L'Américain Pete Walker, président de la société, a parlé.",
            &[("Pete Walker", "président de la société")],
        ),
    ];

    #[test]
    fn glued_articles_and_nationalities_around_names() {
        assert_cases(NAME_BOUNDS);
    }

    // fr-roles10: offices held together, ranks and results in sport, "dernier" before a title.
    const RANKS_AND_JOINT_OFFICES: &[(&str, &[(&str, &str)])] = &[
        ("Paul Morel, député-maire de Nice, a parlé.", &[("Paul Morel", "député-maire de Nice")]),
        ("Paul Morel, numéro un mondial, a gagné.", &[("Paul Morel", "numéro un mondial")]),
        ("La médaillée d'argent Anne Morel a parlé.", &[("Anne Morel", "médaillée d'argent")]),
        (
            "Paul Morel, dernier Premier ministre du roi, a perdu.",
            &[("Paul Morel", "dernier Premier ministre du roi")],
        ),
        (
            "Le vainqueur du Tour de France, Paul Morel, a parlé.",
            &[("Paul Morel", "vainqueur du Tour de France")],
        ),
    ];

    #[test]
    fn ranks_and_joint_offices() {
        assert_cases(RANKS_AND_JOINT_OFFICES);
    }

    // fr-roles10: trades of science, sport and daily life, envoys; an age closes a role.
    const TRADES_AND_AGES: &[(&str, &[(&str, &str)])] = &[
        ("Selon Paul Morel, volcanologue, l'éruption continue.", &[("Paul Morel", "volcanologue")]),
        ("La sprinteuse Anne Morel a gagné.", &[("Anne Morel", "sprinteuse")]),
        ("L'émissaire de l'ONU, Paul Morel, est arrivé.", &[("Paul Morel", "émissaire de l'ONU")]),
        ("« Tout va bien », a dit Paul Morel, un viticulteur de 49 ans.", &[("Paul Morel", "viticulteur")]),
        (
            "Paul Morel, professeur de physique à l'université de Lyon, a témoigné.",
            &[("Paul Morel", "professeur de physique à l'université de Lyon")],
        ),
        (
            "Anne Morel, médecin à l'hôpital de la Pitié-Salpêtrière, a témoigné.",
            &[("Anne Morel", "médecin à l'hôpital de la Pitié-Salpêtrière")],
        ),
        ("Paul Morel, berger en Kabylie à l'époque, a témoigné.", &[("Paul Morel", "berger en Kabylie")]),
        // A place visited or stayed at, not the workplace of a trade.
        (
            "Anne Morel, ministre de la Santé à l'hôpital Necker ce mardi, a parlé.",
            &[("Anne Morel", "ministre de la Santé")],
        ),
        (
            "Paul Morel, ancien footballeur à l'hôpital depuis trois jours, a parlé.",
            &[("Paul Morel", "ancien footballeur")],
        ),
        ("Paul Morel, détenteur de 5 % du capital, a parlé.", &[]),
        ("Le film est fait avec Anne Morel, déjà monteuse du film.", &[("Anne Morel", "monteuse du film")]),
        (
            "Le film est fait avec Anne Morel, monteuse de «Merci Patron!», et Paul.",
            &[("Anne Morel", "monteuse de «Merci Patron!»")],
        ),
    ];

    #[test]
    fn trades_envoys_and_ages() {
        assert_cases(TRADES_AND_AGES);
    }

    #[test]
    fn copulas_after_a_stressed_pronoun_or_an_age_and_one_of_many() {
        assert_cases_in(
            Some(Lang::Fr),
            &[
                (
                    "Julien Morel, lui, est un autoentrepreneur de 31 ans.",
                    &[("Julien Morel", "autoentrepreneur")],
                ),
                (
                    "Éric Morel, 33 ans est aussi un des initiateurs du mouvement.",
                    &[("Éric Morel", "un des initiateurs du mouvement")],
                ),
                (
                    "Anne Morel est également conseillère municipale.",
                    &[("Anne Morel", "conseillère municipale")],
                ),
                // "lui" after a verb is its object, not a stressed subject.
                ("Paul Roux a parlé à Anne Morel, lui, est resté.", &[]),
                // A name after "de" is no subject; "lui" is no woman.
                ("L'épouse de Paul Morel, elle, est infirmière à Lyon.", &[]),
                ("Anne Morel, lui, est cheminot.", &[]),
            ],
        );
    }

    #[test]
    fn demonstratives_point_back_to_the_one_just_named() {
        assert_cases_in(
            Some(Lang::Fr),
            &[
                (
                    "Ou encore Marine Morel. Agée de 22 ans, cette serveuse en Corrèze anime le groupe.",
                    &[("Marine Morel", "serveuse en Corrèze")],
                ),
                // The demonstrative's gender must fit the given name.
                ("Ou encore Marine Morel. Agé de 22 ans, ce serveur anime le groupe.", &[]),
                // The words in guillemets after "des" name the group the title leads.
                (
                    "Éric Morel a été interpellé. Ce leader des «gilets jaunes» appelait au blocage.",
                    &[("Éric Morel", "leader des «gilets jaunes»")],
                ),
            ],
        );
    }

    #[test]
    fn crafts_famous_ones_the_paper_s_own_and_movements() {
        assert_cases_in(
            Some(Lang::Fr),
            &[
                ("Jean Martin, 36 ans, sertisseur, a été blessé.", &[("Jean Martin", "sertisseur")]),
                ("Le libraire Paul Morel a fermé boutique.", &[("Paul Morel", "libraire")]),
                (
                    "Henri Morel, le célèbre correspondant parisien du Times, raconte.",
                    &[("Henri Morel", "célèbre correspondant parisien du Times")],
                ),
                // The paper's own envoy: the role leaves "notre" out as it does "son".
                ("M. Morel, notre ambassadeur à Madrid, est sorti.", &[("Morel", "ambassadeur à Madrid")]),
                (
                    "La militante féministe Anne Morel a dénoncé ces propos.",
                    &[("Anne Morel", "militante féministe")],
                ),
                // "insiste" is a verb, no adjective of the title.
                (
                    "Paul Morel, de l'AFP, a parlé. Le journaliste insiste sur les délais.",
                    &[("Paul Morel", "de l'AFP"), ("Paul Morel", "journaliste")],
                ),
                // A particle with a capital stays inside the name.
                ("La militante Caroline De Haas a dénoncé ces propos.", &[("Caroline De Haas", "militante")]),
                // Not before a place the lists know: "De Lyon" says where.
                ("Le maire Paul Morel De Lyon a démissionné.", &[("Paul Morel", "maire")]),
                // A group before the comma is not the one person named after it.
                ("Parmi les victimes, le boulanger Jean Martin a péri.", &[("Jean Martin", "boulanger")]),
            ],
        );
    }

    // fr-roles10: a party in brackets after a name, a surname after an honorific, a period of
    // years after a role.
    const AROUND_APPOSITIONS: &[(&str, &[(&str, &str)])] = &[
        ("Paul Morel (PS), maire de Lille, a parlé.", &[("Paul Morel", "maire de Lille")]),
        ("Le président de la fédération, M. Morel, a parlé.", &[("Morel", "président de la fédération")]),
        ("Paul Morel, président du club de 1995 à 2007, a parlé.", &[("Paul Morel", "président du club")]),
        (
            "L'ancienne candidate à la présidentielle de 2007 Anne Morel a parlé.",
            &[("Anne Morel", "ancienne candidate à la présidentielle de 2007")],
        ),
    ];

    #[test]
    fn party_honorific_and_period_around_appositions() {
        assert_cases(AROUND_APPOSITIONS);
    }

    #[test]
    fn member_nouns_studios_prefixed_titles_and_bare_titles_after_a_name() {
        assert_cases_in(
            Some(Lang::Fr),
            &[
                // "Insoumise" is what she stands for, no person of its own.
                (
                    "Il parle avec Manon Aubry, tête de liste Insoumise pour les européennes.",
                    &[("Manon Aubry", "tête de liste Insoumise pour les européennes")],
                ),
                ("Il parle avec le candidat Républicain aux européennes.", &[]),
                (
                    "Son collègue député Insoumis François Ruffin est venu.",
                    &[("François Ruffin", "collègue député Insoumis")],
                ),
                // "au micro de RTL" says where they speak.
                (
                    "«Paris a une responsabilité», déclare le maire de Lyon, Jean Dupont, au micro de RTL.",
                    &[("Jean Dupont", "maire de Lyon")],
                ),
                (
                    "Jean Dupont, député de la Somme sur le plateau de BFMTV, a parlé.",
                    &[("Jean Dupont", "député de la Somme")],
                ),
                (
                    "Lundi, ministre de l'Intérieur, Gérald Darmanin, a parlé.",
                    &[("Gérald Darmanin", "ministre de l'Intérieur")],
                ),
                // A participle of becoming or an adverb of time before the title is no part of it.
                ("Jean Dupont, élu maire en 2014, a parlé.", &[("Jean Dupont", "maire")]),
                ("Jean Dupont, aujourd'hui député, a parlé.", &[("Jean Dupont", "député")]),
                ("Jean Dupont, nommé par le président, a parlé.", &[]),
                // A capitalised title before a name in the sentence before is no part of the
                // name; a theme's title in guillemets belongs to the role.
                (
                    "Le constat est du Professeur Jean Dupont. Il est le conférencier du thème « s'enrichir \
                     dans la diversité ». Le recteur est parti.",
                    &[
                        ("Jean Dupont", "Professeur"),
                        ("Jean Dupont", "conférencier du thème « s'enrichir dans la diversité »"),
                    ],
                ),
                ("Une œuvre de l'artiste Banksy a été vendue.", &[("Banksy", "artiste")]),
                // "y" between two capitalised words is Spanish "and".
                (
                    "Il a rencontré le président de la Junta de Castilla y León, Jean Dupont, hier.",
                    &[("Jean Dupont", "président de la Junta de Castilla y León")],
                ),
                // Words cut off before their object are dropped.
                (
                    "Pierre Durand, encore ministre il y a deux ans, a parlé.",
                    &[("Pierre Durand", "ministre")],
                ),
                // A pronoun before its verb ends a complement.
                (
                    "L'artiste y remercie aussi Jean Dupont, un entrepreneur.",
                    &[("Jean Dupont", "entrepreneur")],
                ),
                // A studio right after the title is part of the job.
                (
                    "Jean Dupont, animateur au micro d'Europe 1, a parlé.",
                    &[("Jean Dupont", "animateur au micro d'Europe 1")],
                ),
                // A prefix of rank or of sharing makes a title of a title.
                (
                    "Marie Cornet, sous-préfet des Ardennes, a parlé.",
                    &[("Marie Cornet", "sous-préfet des Ardennes")],
                ),
                ("Jean Dupont, cofondateur du site, a parlé.", &[("Jean Dupont", "cofondateur du site")]),
                // A title without its article after a name's comma is that name's.
                (
                    "Co-signée avec Jean Dupont, président de l'Alliance, Paul Martin propose une liste.",
                    &[("Jean Dupont", "président de l'Alliance")],
                ),
                (
                    "Sur BFM TV, un des leaders du mouvement, Éric Drouet, a parlé.",
                    &[("Éric Drouet", "un des leaders du mouvement")],
                ),
            ],
        );
    }

    // fr-roles10: English titles of sport, the arts and business; a place's "New" before a
    // title; a verb between a title and a name gives the name no role.
    const ENGLISH_TRADES: &[(&str, &[(&str, &str)])] = &[
        ("He lost to sixth seed John Parker in Sydney.", &[("John Parker", "sixth seed")]),
        (
            "The match was led by New Zealand winger Tom Harris on Sunday.",
            &[("Tom Harris", "New Zealand winger")],
        ),
        ("The film was praised by novelist Mary Jones last week.", &[("Mary Jones", "novelist")]),
        ("Costa will face Ivan Petrov after the sixth seed beat John Parker 6-2.", &[]),
        (
            "Bruce Miller, chief finance officer, said profits rose.",
            &[("Bruce Miller", "chief finance officer")],
        ),
        // Trades of the English press no list held: "physio", "campaigner".
        (
            "The campaign was led by road safety campaigner Jane Hill on Sunday.",
            &[("Jane Hill", "road safety campaigner")],
        ),
        ("Wales physio Mark Davies said he was fit.", &[("Mark Davies", "Wales physio")]),
        // A title without its article after a name's comma is that name's, not the next one's.
        (
            "Real losses have been suffered, observed Jack Boorman, adviser to the managing director, Rodrigo Rato.",
            &[("Jack Boorman", "adviser to the managing director")],
        ),
    ];

    #[test]
    fn english_trades_and_compounds() {
        assert_cases(ENGLISH_TRADES);
    }

    #[test]
    fn english_plural_titles_and_styles_of_address() {
        assert_cases_in(
            Some(Lang::En),
            &[
                // A plural title is a group's before one name ("analysts Gartner") and people's before a
                // list ("World Cup winners …", "billionaires Mr X and Mr Y").
                ("The figures come from analysts Gartner and show a fall.", &[]),
                (
                    "World Cup winners Lawrence Dallaglio, Neil Back and Martin Johnson retired.",
                    &[
                        ("Lawrence Dallaglio", "World Cup winners"),
                        ("Neil Back", "World Cup winners"),
                        ("Martin Johnson", "World Cup winners"),
                    ],
                ),
                (
                    "Irish billionaires Mr McManus and Mr Magnier rejected the bid.",
                    &[("McManus", "Irish billionaires"), ("Magnier", "Irish billionaires")],
                ),
                ("Former FA Cup winners Wimbledon, Coventry and Portsmouth went out.", &[]),
                // A title without its article after a place or a day is the next name's.
                (
                    "In Washington, spokesman for the State Department, Richard Boucher, said so.",
                    &[("Richard Boucher", "spokesman for the State Department")],
                ),
                (
                    "England captain Martin Johnson, Leicester's director of rugby, Dean Richards, and coach Andy \
             Robinson met.",
                    &[
                        ("Martin Johnson", "England captain"),
                        ("Dean Richards", "Leicester's director of rugby"),
                        ("Andy Robinson", "coach"),
                    ],
                ),
                ("Pete Townshend, guitarist with The Who, said so.", &[("Pete Townshend", "guitarist")]),
                // A style of address is no part of the name.
                (
                    "The Archbishop of Cardiff, the Most Reverend Peter Smith, told the BBC so.",
                    &[("Peter Smith", "Archbishop of Cardiff")],
                ),
            ],
        );
    }

    // fr-roles10: more verbs that give a function ("sera", "reste"), an age between the name and
    // the verb, a possessive opening an apposition.
    const COPULAS_AND_POSSESSIVES: &[(&str, &[(&str, &str)])] = &[
        ("Paul Morel sera le candidat du parti.", &[("Paul Morel", "candidat du parti")]),
        ("Paul Morel reste le président du club.", &[("Paul Morel", "président du club")]),
        ("Paul Morel, 45 ans, est le nouveau directeur.", &[("Paul Morel", "nouveau directeur")]),
        (
            "« Il est innocent », plaide Anne Morel, son avocate commise d'office.",
            &[("Anne Morel", "avocate commise d'office")],
        ),
        ("Le reste est à venir.", &[]),
    ];

    #[test]
    fn copulas_ages_and_possessive_appositions() {
        assert_cases(COPULAS_AND_POSSESSIVES);
    }

    // fr-roles11: a description after a quotation looks for its person before the quotation
    // opened, when the quotation is the speaker's own words (an incise, or a quotation opening
    // its sentence), not a fragment quoted inside a narrative sentence.
    const AFTER_QUOTATIONS: &[(&str, &[(&str, &str)])] = &[
        (
            "Paul Morel a répondu aux questions. « Nous avons trop attendu. Il faut agir vite », a poursuivi le sociologue.",
            &[("Paul Morel", "sociologue")],
        ),
        (
            "Paul Morel parle vite. « Rien ne change. Rien ne bouge. » Le géographe ajoute une nuance.",
            &[("Paul Morel", "géographe")],
        ),
        ("Paul Morel a parlé à la radio. Il dit s'être « défendu ». Le gendarme a été blessé.", &[]),
        // A gerund ends the description.
        (
            "Paul Morel a parlé. « Je suis fatigué », a lancé l'ancien animateur de la radio en faisant allusion au public.",
            &[("Paul Morel", "ancien animateur de la radio")],
        ),
    ];

    // fr-roles11: people listed with their roles; the medium spoken to before a full name.
    const LISTS_AND_MEDIA: &[(&str, &[(&str, &str)])] = &[
        (
            "Hier, Paul Morel, directeur de la rédaction, Léa Durand, directrice de la radio, ont répondu.",
            &[("Paul Morel", "directeur de la rédaction"), ("Léa Durand", "directrice de la radio")],
        ),
        // The title after an article is the next name's.
        ("Hier, Lyon, le préfet du Rhône, Paul Morel, a parlé.", &[("Paul Morel", "préfet du Rhône")]),
        (
            "« Nous restons », a dit à Reuters Paul Morel, secrétaire national du syndicat.",
            &[("Paul Morel", "secrétaire national du syndicat")],
        ),
        (
            "« Nous restons », confie au Figaro Léa Durand, directrice des études de l'institut.",
            &[("Léa Durand", "directrice des études de l'institut")],
        ),
        // A word no list knows as an organisation stays in the run.
        (
            "Aux côtés du secrétaire d'État au Tourisme Paul Morel, le ministre a parlé.",
            &[("Paul Morel", "secrétaire d'État au Tourisme")],
        ),
    ];

    // fr-roles11: trades and figures of a movement.
    const TRADES_AND_FIGURES: &[(&str, &[(&str, &str)])] = &[
        ("Paul Morel, lycéen de 17 ans, a manifesté.", &[("Paul Morel", "lycéen")]),
        ("Paul Morel, jeune intérimaire, a manifesté.", &[("Paul Morel", "jeune intérimaire")]),
        (
            "Paul Morel, une des figures du mouvement, a manifesté.",
            &[("Paul Morel", "une des figures du mouvement")],
        ),
        ("La figure du collectif Paul Morel a manifesté.", &[("Paul Morel", "figure du collectif")]),
        ("Son nom figure Paul Morel.", &[]),
        ("Le film reprend la figure du soldat Paul Morel.", &[("Paul Morel", "soldat")]),
        ("Il cite les députés de la majorité comme Paul Morel.", &[("Paul Morel", "députés de la majorité")]),
    ];

    #[test]
    fn trades_and_figures() {
        assert_cases(TRADES_AND_FIGURES);
    }

    #[test]
    fn lists_and_media_before_names() {
        assert_cases(LISTS_AND_MEDIA);
    }

    #[test]
    fn descriptions_after_quotations() {
        assert_cases(AFTER_QUOTATIONS);
    }

    /// A profile names its subject often and describes them far from the name.
    const PROFILE: &str = "Marie Durand n'est pas tendre avec le gouvernement. Marie Durand le dit \
        depuis des mois.\n« Je conteste la profondeur des réformes. Tout manque d'humanité. »\nSurtout, \
        la députée de l'Oise regrette le manque d'écoute. Marie Durand votera contre le texte.";

    #[test]
    fn a_description_far_from_any_name_is_the_protagonist_s() {
        assert_cases(&[(PROFILE, &[("Marie Durand", "députée de l'Oise")])]);
        // Another person named as often: nobody is the text's subject.
        let two = format!("{PROFILE} Jean Roux, Jean Roux et Jean Roux aussi.");
        assert_cases(&[(two.as_str(), &[])]);
    }

    // fr-roles13: a description's window leaves out the names the lists know as organisations
    // or places, and the names after it in its own sentence; another person's title with another
    // complement is another office.
    const DESCRIPTION_WINDOW: &[(&str, &[(&str, &str)])] = &[
        (
            "Un plan critiqué par Marie Durand. La ministre du Travail, qui parlait sur France Inter, a promis une hausse.",
            &[("Marie Durand", "ministre du Travail")],
        ),
        (
            "Marie Durand a reçu les syndicats. La présidente du parti a ensuite dénoncé les choix de Jean Roux.",
            &[("Marie Durand", "présidente du parti")],
        ),
        (
            "Jean Roux, ministre de l'Économie, a présenté le budget.\nMarie Durand a reçu les syndicats. La ministre du Travail a promis une hausse.",
            &[("Jean Roux", "ministre de l'Économie"), ("Marie Durand", "ministre du Travail")],
        ),
        // "Le ministre" could be either of them.
        (
            "Jean Roux, ministre de l'Économie, a présenté le budget.\nPaul Morel a reçu les syndicats. Le ministre a promis une hausse.",
            &[("Jean Roux", "ministre de l'Économie")],
        ),
    ];

    #[test]
    fn description_window() {
        assert_cases(DESCRIPTION_WINDOW);
    }

    // fr-roles13: a name after a verb of saying and a day, or opening a subordinate clause, is
    // the subject the description after it names back; a name after a comparing "que" is not.
    const SUBJECT_OF_A_CLAUSE: &[(&str, &[(&str, &str)])] = &[
        (
            "Les ventes de jouets ont nettement baissé depuis le début du mois de décembre, a déclaré jeudi Paul Morel. Pour autant, le président de la fédération reste prudent.",
            &[("Paul Morel", "président de la fédération")],
        ),
        (
            "Mais quand Marie Durand sort de son silence, la ministre ne fait pas dans la nuance.",
            &[("Marie Durand", "ministre")],
        ),
        (
            "Il a invoqué la même raison que Paul Morel lors de sa longue réunion avec les élus du département. Pour autant, le président de la région reste prudent.",
            &[],
        ),
    ];

    #[test]
    fn subject_of_a_clause() {
        assert_cases(SUBJECT_OF_A_CLAUSE);
    }

    // fr-roles13: a word in capitals and a lone capitalised word after an article ("de
    // l'Intérieur", "la Fondation") name nobody around a description; "Le Pen" still does.
    const NO_NAME_AROUND: &[(&str, &[(&str, &str)])] = &[
        (
            "Marie Durand a salué le travail de la Fondation avec l'équipe KRTV. La ministre a promis une hausse.",
            &[("Marie Durand", "ministre")],
        ),
        (
            "Il a aussi reçu Paul Le Pen. Marie Durand a parlé avec Le Pen. La ministre a promis une hausse.",
            &[],
        ),
    ];

    #[test]
    fn no_name_around() {
        assert_cases(NO_NAME_AROUND);
    }

    // fr-roles13: the adjective of a ministry's name and "syndical" belong to a description.
    const DESCRIPTION_ADJECTIVES: &[(&str, &[(&str, &str)])] = &[
        (
            "Paul Morel a parlé hier. Le ministre de la Transition écologique a défendu la taxe.",
            &[("Paul Morel", "ministre de la Transition écologique")],
        ),
        (
            "Marie Morel a parlé hier. La représentante syndicale a défendu la grève.",
            &[("Marie Morel", "représentante syndicale")],
        ),
        ("Le leader syndical Paul Morel a parlé.", &[("Paul Morel", "leader syndical")]),
        // A verb after the ministry is no part of it.
        (
            "Paul Morel a parlé hier. Le ministre de la Santé indique que la grève continue.",
            &[("Paul Morel", "ministre de la Santé")],
        ),
    ];

    #[test]
    fn description_adjectives() {
        assert_cases(DESCRIPTION_ADJECTIVES);
    }

    // fr-roles13: a person named after a description whose given name its article does not fit
    // is not in its window.
    const GENDER_IN_WINDOW: &[(&str, &[(&str, &str)])] = &[
        (
            "Le débat continue.\nUne solution à laquelle Marie Durand est opposée. La ministre réclame un geste. Paul Morel y est favorable.",
            &[("Marie Durand", "ministre")],
        ),
        (
            "Le débat continue.\nUne solution à laquelle Marie Durand est opposée. La ministre réclame un geste. Julie Morel y est favorable.",
            &[],
        ),
    ];

    #[test]
    fn gender_in_window() {
        assert_cases(GENDER_IN_WINDOW);
    }

    // fr-roles13: "édile" (a mayor) and "garde des Sceaux" (the minister of Justice) are titles.
    const MAYOR_AND_KEEPER: &[(&str, &[(&str, &str)])] = &[
        ("Paul Morel a parlé hier. L'édile a défendu la taxe.", &[("Paul Morel", "édile")]),
        ("Paul Morel, garde des Sceaux, a parlé.", &[("Paul Morel", "garde des Sceaux")]),
    ];

    #[test]
    fn mayor_and_keeper_of_the_seals() {
        assert_cases(MAYOR_AND_KEEPER);
    }

    #[test]
    fn bracketed_glosses_quoted_titles_and_elected_ones() {
        use crate::extract::types::Lang;
        assert_cases_in(
            Some(Lang::Fr),
            &[
                // A short name or a leaning in brackets after a name stays inside the role.
                (
                    "Une cagnotte a été lancée par le président de la région Provence-Alpes-Côte d'Azur (Paca) Renaud Muselier.",
                    &[("Renaud Muselier", "président de la région Provence-Alpes-Côte d'Azur")],
                ),
                (
                    "Les députés La République en marche (LaREM) Bertrand Sorre et Patrick Vignal sont pour.",
                    &[
                        ("Bertrand Sorre", "députés La République en marche"),
                        ("Patrick Vignal", "députés La République en marche"),
                    ],
                ),
                (
                    "Il a salué la présidente du Rassemblement national (ex-FN), Marine Le Pen, hier.",
                    &[("Marine Le Pen", "présidente du Rassemblement national")],
                ),
                // A title in guillemets is still the one the text gives.
                (
                    "Il raconte l'interpellation du «porte-parole» Éric Drouet samedi.",
                    &[("Éric Drouet", "porte-parole")],
                ),
                // "élu" is the noun between an article and a name, or before a party or a union.
                (
                    "Le seul à s'en émouvoir est l'élu Matthieu Orphelin, hier.",
                    &[("Matthieu Orphelin", "élu")],
                ),
                ("Selon Fabien Cros, élu CGT, la grève est reconductible.", &[("Fabien Cros", "élu CGT")]),
                ("Jean Dupont, élu en 2014, a parlé.", &[]),
                ("Jean Dupont, élu maire en 2014, a parlé.", &[("Jean Dupont", "maire")]),
                (
                    "Christian Bougard, 57 ans, demandeur d'emploi, manifeste.",
                    &[("Christian Bougard", "demandeur d'emploi")],
                ),
                // Trades, in apposition.
                ("Gabriel François, chaudronnier, ne décolère pas.", &[("Gabriel François", "chaudronnier")]),
                ("Moussa, vigile, raconte sa journée.", &[("Moussa", "vigile")]),
                // A trade is read only in apposition: before a name it is as often an employer's
                // ("le technicien Orange").
                ("Le technicien Orange est intervenu mardi.", &[]),
                ("José Espinosa, cheminot retraité, manifeste.", &[("José Espinosa", "cheminot retraité")]),
                // A circumstance after a title that opens no clause of its own.
                ("Pour le ministre, en revanche, Jean-Luc Mélenchon porte une responsabilité.", &[]),
                ("Convoqué par le procureur, en fin de matinée, Jean Dupont a reconnu les faits.", &[]),
                // A list of plural nouns is no one's name and roles.
                ("» LIRE AUSSI - Agriculteurs, cheminots, lycéens: la contestation se propage", &[]),
                // A circumstance between commas before the name; not one naming someone else.
                (
                    "Le ministre de l'Intérieur, en visite à Lyon, Gérard Collomb, a parlé.",
                    &[("Gérard Collomb", "ministre de l'Intérieur")],
                ),
                (
                    "Le maire de Lyon, en présence de son adjoint, Jean Dupont, a parlé.",
                    &[("Jean Dupont", "adjoint")],
                ),
                // An adverb of addition before an apposed title is no part of it.
                (
                    "« Oui », soulignait Hélène Morin, également députée de la majorité.",
                    &[("Hélène Morin", "députée de la majorité")],
                ),
            ],
        );
        // No gloss after a person's name, nor a given name in brackets; "élu" before a firm is
        // no title.
        assert_cases_in(
            Some(Lang::Fr),
            &[
                ("Le porte-parole d'Édouard Philippe (Horizons) Gilles Boyer a réagi.", &[]),
                ("Marie Durand, élue Renault, a critiqué le projet.", &[]),
            ],
        );
        // A year in brackets is no name's gloss.
        assert_cases_in(
            Some(Lang::En),
            &[(
                "Among them were Al Jolson in the Jazz Singer (1927), Humphrey Bogart in Casablanca (1944).",
                &[],
            )],
        );
    }

    #[test]
    fn a_body_s_name_with_for_or_an_ampersand_stays_whole_in_the_role() {
        use crate::extract::types::Lang;
        assert_cases_in(
            Some(Lang::En),
            &[
                (
                    "Commission for Racial Equality chairman Trevor Phillips said applications were down.",
                    &[("Trevor Phillips", "Commission for Racial Equality chairman")],
                ),
                (
                    "\"We see evidence,\" said Ken Kim, an analyst at Stone & McCarthy Research.",
                    &[("Ken Kim", "analyst at Stone & McCarthy Research")],
                ),
                (
                    "The members include Nobel economics laureate William Sharpe.",
                    &[("William Sharpe", "Nobel economics laureate")],
                ),
                ("Namibian athlete Frankie Fredericks won.", &[("Frankie Fredericks", "Namibian athlete")]),
                (
                    "The head of that tribunal, Kostas Panagopoulos, said it had not been proven.",
                    &[("Kostas Panagopoulos", "head of that tribunal")],
                ),
                // "for" after a club's name joins nothing, nor after a preposition; "that" as a
                // pronoun ends the complement.
                (
                    "Everton have rejected a bid from Manchester United for England striker Wayne Rooney.",
                    &[("Wayne Rooney", "England striker")],
                ),
                (
                    "John Reid, the minister in charge of that, said no.",
                    &[("John Reid", "minister in charge")],
                ),
                // "for" after a club's name joins nothing.
                (
                    "Blackburn have rejected a third bid from Rangers for Scotland captain Barry Ferguson.",
                    &[("Barry Ferguson", "Scotland captain")],
                ),
            ],
        );
    }

    #[test]
    fn a_noun_opening_the_sentence_before_a_capitalised_title_is_its_complement() {
        use crate::extract::types::Lang;
        // The noun is written in lowercase elsewhere, which makes its capital look positional.
        assert_cases_in(
            Some(Lang::En),
            &[
                (
                    "He left science for politics. Science Minister Lord Sainsbury gave £2m.",
                    &[("Sainsbury", "Science Minister")],
                ),
                (
                    "Aid is international. International Development Secretary Hilary Benn will visit.",
                    &[("Hilary Benn", "International Development Secretary")],
                ),
                // A day's word or an adverb opening the sentence is no complement.
                (
                    "We met tonight. Tonight Health Secretary John Reid spoke.",
                    &[("John Reid", "Health Secretary")],
                ),
                (
                    "It was said yesterday. Yesterday Prime Minister Tony Blair spoke.",
                    &[("Tony Blair", "Prime Minister")],
                ),
                // Nor a preposition or a mood, written in lowercase elsewhere or not.
                (
                    "It passed despite a revolt. Despite Home Secretary David Blunkett's assurances, it failed.",
                    &[("David Blunkett", "Home Secretary")],
                ),
                (
                    "Despite Home Secretary David Blunkett's assurances, it failed.",
                    &[("David Blunkett", "Home Secretary")],
                ),
                (
                    "Furious Chelsea manager Jose Mourinho said it was wrong.",
                    &[("Jose Mourinho", "Chelsea manager")],
                ),
            ],
        );
    }

    #[test]
    fn a_fronted_title_keeps_its_holder_past_a_time_qualifier() {
        use crate::extract::types::Lang;
        assert_cases_in(
            Some(Lang::Fr),
            &[
                (
                    "Directeur du musée depuis 2010, Paul Martin a ouvert une salle.",
                    &[("Paul Martin", "Directeur du musée")],
                ),
                (
                    "Maire de Lyon de 2001 à 2017, Gérard Collomb a annoncé un plan.",
                    &[("Gérard Collomb", "Maire de Lyon")],
                ),
                (
                    "Ministre depuis trois ans, Marie Durand a annoncé un plan.",
                    &[("Marie Durand", "Ministre")],
                ),
                // A year alone dates an event, not an office; a title inside the sentence is no
                // fronted apposition.
                ("Victime de deux accidents en 2009, Paul Martin souffrait de séquelles.", &[]),
                ("Il était député de 2012 à 2017, Marie Leroy lui a succédé.", &[]),
                (
                    "Ancien maire de Lyon de 2001 à 2017, Gérard Collomb est revenu.",
                    &[("Gérard Collomb", "Ancien maire de Lyon")],
                ),
            ],
        );
    }

    #[test]
    fn a_title_between_commas_in_a_list_is_the_name_before() {
        use crate::extract::types::Lang;
        assert_cases_in(
            Some(Lang::Fr),
            &[
                (
                    "Le bureau comprend Numa Matthey, secrétaire, Alfred Perroset, secrétaire-adjoint, et Paul Roux.",
                    &[("Numa Matthey", "secrétaire"), ("Alfred Perroset", "secrétaire-adjoint")],
                ),
                (
                    "Le bureau comprend MM. Emile Schaeffer, président, Louis Thorens, vice-président, Numa \
                     Matthey, secrétaire.",
                    &[
                        ("Emile Schaeffer", "président"),
                        ("Louis Thorens", "vice-président"),
                        ("Numa Matthey", "secrétaire"),
                    ],
                ),
                // A body's name is no one: the title goes to the name after it.
                (
                    "Étaient présents : Football Club Nantes, entraîneur, Paul Morel.",
                    &[("Paul Morel", "entraîneur")],
                ),
                // A place is no one: the title goes to the name after it.
                (
                    "Au Grand Palais, directeur de la programmation, Jean Dupont a parlé.",
                    &[("Jean Dupont", "directeur de la programmation")],
                ),
            ],
        );
    }

    #[test]
    fn the_medium_spoken_to_is_no_part_of_the_role() {
        use crate::extract::types::Lang;
        assert_cases_in(
            Some(Lang::Fr),
            &[
                (
                    "Benjamin Griveaux, le porte-parole du gouvernement sur BFMTV, a dit non.",
                    &[("Benjamin Griveaux", "porte-parole du gouvernement")],
                ),
                (
                    "Jean Dupont, journaliste à l'AFP, a écrit un livre.",
                    &[("Jean Dupont", "journaliste à l'AFP")],
                ),
                // An employer, whatever the trade.
                (
                    "Paul Roche, technicien à France 3, a écrit un livre.",
                    &[("Paul Roche", "technicien à France 3")],
                ),
            ],
        );
        assert_cases_in(
            Some(Lang::En),
            &[(
                "G Money, a presenter on the BBC's music station 1Xtra, said so.",
                &[("G Money", "presenter on the BBC's music station 1Xtra")],
            )],
        );
    }

    #[test]
    fn a_leader_of_a_market_is_a_firm() {
        use crate::extract::types::Lang;
        assert_cases_in(
            Some(Lang::Fr),
            &[
                (
                    "Paul Morel a visité l'usine de Danone lundi. Ce leader mondial des produits laitiers a annoncé des bénéfices.",
                    &[],
                ),
                ("Le leader du marché, Jean Dupont, a parlé.", &[]),
                ("Le leader du mouvement, Paul Morel, a parlé.", &[("Paul Morel", "leader du mouvement")]),
            ],
        );
        assert_cases_in(
            Some(Lang::En),
            &[("The rest was bought by market leader Diageo, which said so.", &[])],
        );
    }

    #[test]
    fn a_fronted_title_keeps_its_modifier_of_time() {
        use crate::extract::types::Lang;
        assert_cases_in(
            Some(Lang::Fr),
            &[
                // A former office is not a present one.
                (
                    "Ancien magistrat, Guy Canivet juge la loi sévèrement.",
                    &[("Guy Canivet", "Ancien magistrat")],
                ),
                (
                    "Ancienne élue locale, Céline Pina critique le projet.",
                    &[("Céline Pina", "Ancienne élue locale")],
                ),
                ("Organiste depuis 20 ans, Guy Bovet prendra sa retraite.", &[("Guy Bovet", "Organiste")]),
                (
                    "M. Paul Hagenbeck, le célèbre marchand d'animaux de Hambourg, a dit oui.",
                    &[("Paul Hagenbeck", "célèbre marchand d'animaux de Hambourg")],
                ),
                // "Autre" links the sentence to the one before; it is no part of the office.
                (
                    "Autre avocat de la famille, Paul Martin a demandé un report.",
                    &[("Paul Martin", "avocat de la famille")],
                ),
                // The participle stays a verb.
                ("Il a été élu local en 2008. Jean Dupont a parlé.", &[]),
            ],
        );
    }

    #[test]
    fn a_function_joined_to_the_age_is_a_role() {
        use crate::extract::types::Lang;
        assert_cases_in(
            Some(Lang::Fr),
            &[
                ("Yves, 70 ans et retraité, manifeste dans le calme.", &[("Yves", "retraité")]),
                ("Marie Durand, 45 ans et infirmière, manifeste.", &[("Marie Durand", "infirmière")]),
            ],
        );
    }

    #[test]
    fn trades_of_people_met_and_one_of_a_group_after_a_titled_name() {
        use crate::extract::types::Lang;
        assert_cases_in(
            Some(Lang::Fr),
            &[
                (
                    "Moussa Diallo, vigile devant le magasin, surveille la rue.",
                    &[("Moussa Diallo", "vigile")],
                ),
                (
                    "Paul Lefèvre, ancien routier et retraité, manifeste.",
                    &[("Paul Lefèvre", "ancien routier"), ("Paul Lefèvre", "retraité")],
                ),
                (
                    "Ils étaient menés par le chauffeur Éric Drouet, une des figures du mouvement.",
                    &[("Éric Drouet", "chauffeur"), ("Éric Drouet", "une des figures du mouvement")],
                ),
                // Adjectives and participles of the same words are no titles.
                ("Il a descendu la rue commerçante Sainte-Catherine avec sa femme.", &[]),
                ("Habitant Épernon depuis dix ans, il a pris le train.", &[]),
            ],
        );
    }
}
