//! Whether the clause around a date speaks of the future or of the past: "doit recevoir
//! vendredi", "sera publié le 1er janvier", "will meet on Friday" against "a reçu vendredi",
//! "depuis mars", "met on Friday". The nearest cue word wins.

use super::super::doc::Doc;
use super::super::gazetteer::GAZ;
use super::super::types::Lang;
use super::super::util::ends_like_participle;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

/// Words that put what follows or precedes them in the future.
const FUTURE: [&str; 41] = [
    "ira",
    "irai",
    "doit",
    "doivent",
    "devra",
    "devront",
    "devrait",
    "devraient",
    "va",
    "vont",
    "allons",
    "prochain",
    "prochaine",
    "prochains",
    "prochaines",
    "prevu",
    "prevue",
    "prevus",
    "prevues",
    "attendu",
    "attendue",
    "attendus",
    "attendues",
    "prevoit",
    "programme",
    "programmee",
    "ici",
    "envisage",
    "will",
    "shall",
    "'ll",
    "wo",
    "due",
    "scheduled",
    "expected",
    "plans",
    "planned",
    "going",
    "upcoming",
    "next",
    "coming",
];

/// Words that put the clause in the past.
const PAST: [&str; 36] = [
    "ont",
    "avait",
    "avaient",
    "eu",
    "ete",
    "etait",
    "etaient",
    "fut",
    "furent",
    "depuis",
    "dernier",
    "derniere",
    "derniers",
    "dernieres",
    "passe",
    "passee",
    "since",
    "was",
    "were",
    "had",
    "did",
    "ago",
    "last",
    "said",
    "told",
    "came",
    "went",
    "took",
    "made",
    "met",
    "held",
    "left",
    "began",
    "won",
    "lost",
    "gave",
];

/// Words ending like a French future or conditional that are not verbs.
const NOT_FUTURE: [&str; 14] = [
    "front", "affront", "portrait", "trait", "extrait", "retrait", "attrait", "abstrait", "opera", "camera",
    "extra", "ultra", "vrai", "environs",
];

/// English words in -ed that are not past tenses.
const NOT_PAST_ED: [&str; 9] =
    ["need", "indeed", "speed", "proceed", "exceed", "succeed", "feed", "seed", "embed"];

fn cue(doc: &Doc, k: usize) -> Option<Tense> {
    let info = doc.info.get(k)?;
    if !info.word || (info.cap && !info.initial) {
        return None;
    }
    let f = info.folded.as_str();
    if FUTURE.contains(&f) {
        return Some(Tense::Future);
    }
    if doc.lang == Lang::Fr {
        if let Some(t) = french_cue(doc, k, f) {
            return Some(t);
        }
        // "qui devaient assister samedi": what was planned, before or after the article.
        if matches!(f, "devait" | "devaient") {
            return None;
        }
    }
    // French "a" (has) is a past auxiliary; "à" folds to the same form, so look at the raw word
    // ("a priori" is Latin).
    let has = doc.tok(k) == "a"
        && !matches!(doc.folded(k + 1), "priori" | "fortiori" | "posteriori" | "minima" | "contrario");
    if PAST.contains(&f) || (doc.lang == Lang::Fr && has) {
        return Some(Tense::Past);
    }
    if doc.lang == Lang::Fr && f.len() >= 4 && !NOT_FUTURE.contains(&f) {
        let future = ["ra", "rai", "rons", "rez", "ront", "rait", "raient", "rions", "riez"];
        if future.iter().any(|e| f.ends_with(e)) && !imperfect_of_r_stem(doc.tok(k), f) {
            return Some(Tense::Future);
        }
        if f.len() >= 5 && (f.ends_with("ait") || f.ends_with("aient")) {
            return Some(Tense::Past);
        }
    }
    if doc.lang == Lang::En && f.len() >= 5 && f.ends_with("ed") && !NOT_PAST_ED.contains(&f) {
        return Some(Tense::Past);
    }
    None
}

/// An imperfect in "-rait"/"-raient" of a verb whose stem ends in "r" ("rentrait", "déclarait",
/// "montraient", "durait"), not a conditional ("serait", "devrait", "aurait", "mettrait"). A
/// conditional puts "r" after the infinitive's vowel or a doubled or "d"/"v"/"t" stem; the
/// imperfect keeps the stem's own letter before "r", which tells them apart: "-arait",
/// "-orait", an accented "-érait", "-ntrait", "-strait", "-brait", "-crait", "-grait", "-frait",
/// "-ourait", "-eurait", "-ouvrait", "-livrait", and "-urait" other than "aurait"/"saurait"/
/// "-clurait".
fn imperfect_of_r_stem(written: &str, folded: &str) -> bool {
    let stem = folded.strip_suffix("raient").or_else(|| folded.strip_suffix("rait"));
    let Some(stem) = stem.filter(|s| s.len() >= 2) else { return false };
    if written.ends_with("érait") || written.ends_with("éraient") || written.ends_with("èrait") {
        return true;
    }
    let ends = |e: &str| stem.ends_with(e);
    (ends("a") && !ends("au"))
        || ends("o")
        || ends("ou")
        || ends("eu")
        || ends("nt")
        || ends("st")
        || ends("ct")
        || ["b", "c", "g", "f", "p"].iter().any(|e| ends(e))
        || ends("ouv")
        || ends("uv") && !ends("uiv")
        || ends("liv")
        || ends("u") && !(ends("au") || ends("clu"))
}

/// Nouns and adverbs ending like an infinitive that can follow "de"/"à".
const NOT_INFINITIVE: [&str; 16] = [
    "premier", "dernier", "hier", "hiver", "janvier", "fevrier", "quartier", "dossier", "metier", "chantier",
    "avenir", "plaisir", "loisir", "desir", "soir", "espoir",
];

/// Whether a folded word looks like a French infinitive ("manifester", "venir").
fn is_infinitive(f: &str) -> bool {
    (f.ends_with("er") || f.ends_with("ir")) && f.len() >= 5 && !NOT_INFINITIVE.contains(&f)
}

/// An infinitive of what is planned right before the date: "appellent à manifester samedi",
/// "prévoient de manifester à partir de dimanche".
fn planned_infinitive(doc: &Doc, start: usize) -> bool {
    let mut k = start;
    while k > 0 && start - k < 4 && matches!(doc.folded(k - 1), "le" | "ce" | "des" | "partir" | "a" | "de") {
        k -= 1;
    }
    let Some(mut v) = k.checked_sub(1) else { return false };
    // "pour reprendre le mouvement dimanche", "à bloquer les routes samedi": past the object.
    let object = v >= 2
        && doc.is_word(v)
        && !doc.cap(v)
        && matches!(doc.folded(v - 1), "le" | "la" | "les" | "l'" | "leur" | "leurs" | "son" | "sa" | "ses");
    if object && !is_infinitive(doc.folded(v)) && is_infinitive(doc.folded(v - 2)) {
        v -= 2;
    }
    let f = doc.folded(v);
    let infinitive = is_infinitive(f);
    // "appelle à ne pas manifester samedi": past a negation.
    let mut b = v;
    if b >= 2
        && matches!(doc.folded(b - 1), "pas" | "plus" | "jamais")
        && matches!(doc.folded(b - 2), "ne" | "n'")
    {
        b -= 2;
    }
    infinitive && b > 0 && matches!(doc.tok(b - 1), "à" | "de" | "d'" | "d’" | "pour")
}

/// French verb forms that set the tense whatever their ending says: the compound past of
/// "avoir" in the future or the conditional ("aura vu samedi", "aurait été tué samedi").
fn french_cue(doc: &Doc, k: usize, f: &str) -> Option<Tense> {
    // "aurait dû intervenir en février": what was planned, before or after the article's day.
    if matches!(f, "aurait" | "auraient") && doc.tok(k + 1) == "dû" {
        return Some(Tense::Unknown);
    }
    if matches!(f, "aura" | "auront" | "aurait" | "auraient") && is_participle(doc, k + 1) {
        return Some(Tense::Past);
    }
    // The hearsay conditional of a verb of motion or change, conjugated with "être": "tout
    // serait parti de la publication, samedi" is what happened ("serait publié" may be to come).
    if matches!(f, "serait" | "seraient") && BE_VERB_PARTICIPLES.contains(&doc.folded(k + 1)) {
        return Some(Tense::Past);
    }
    None
}

/// A participle of what came out or happened, used as an adjective right before the date: "un
/// texte paru fin décembre", "l'agression survenue samedi soir", "le budget voté fin décembre",
/// "la promesse formulée à la fin de l'année" (not after "sera", "être", nor a participle of
/// what is planned: "le match prévu jeudi").
fn event_participle_before(doc: &Doc, start: usize) -> bool {
    let mut k = start;
    let skip = |w: &str| matches!(w, "le" | "en" | "fin" | "debut" | "mi" | "a" | "la" | "l'" | "au");
    while k > 0 && start - k < 3 && skip(doc.folded(k - 1)) {
        k -= 1;
    }
    let Some(p) = k.checked_sub(1) else { return false };
    let f = doc.folded(p);
    let written = doc.tok(p);
    let accented = ends_like_participle(written) && f.len() >= 4;
    // "la soirée samedi", "une journée": after a determiner or a preposition it is a noun.
    let noun = p.checked_sub(1).is_some_and(|b| {
        doc.is_determiner(b)
            || matches!(doc.folded(b), "de" | "du" | "des" | "d'" | "a" | "au" | "aux" | "par")
    });
    // A weekday after any participle is left to the sentence: "les événements annulés samedi"
    // are mostly still to come.
    let weekday = GAZ.days.contains_key(doc.folded(start));
    let happened = EVENT_PARTICIPLES.contains(&f)
        || accented && !noun && !weekday && !PLANNED_PARTICIPLES.contains(&masculine(f));
    // "ne seront pas augmentés au 1er janvier": the auxiliary decides, over a negation.
    let mut a = p;
    while a > 0 && matches!(doc.folded(a - 1), "pas" | "plus" | "jamais" | "ne" | "n'") {
        a -= 1;
    }
    let auxiliary = a.checked_sub(1).is_some_and(|a| {
        matches!(doc.folded(a), "sera" | "seront" | "etre" | "serait" | "est" | "sont" | "a" | "ont")
    });
    happened && !auxiliary
}

/// A participle's masculine singular: "reportées" → "reporte" (folded).
fn masculine(f: &str) -> &str {
    let f = f.strip_suffix('s').unwrap_or(f);
    f.strip_suffix("ee").map_or(f, |_| &f[..f.len() - 1])
}

/// Participles of what is planned: the date after them may be to come ("prévu jeudi").
const PLANNED_PARTICIPLES: [&str; 12] = [
    "prevu",
    "programme",
    "attendu",
    "fixe",
    "envisage",
    "reporte",
    "repousse",
    "decale",
    "renvoye",
    "organise",
    "convoque",
    "planifie",
];
/// Participles of verbs conjugated with "être" in compound tenses (motion and change).
const BE_VERB_PARTICIPLES: [&str; 24] = [
    "parti", "partie", "partis", "arrive", "arrivee", "arrives", "mort", "morte", "morts", "venu", "venue",
    "venus", "alle", "allee", "entre", "sorti", "sortie", "tombe", "tombee", "reste", "devenu", "decede",
    "survenu", "survenue",
];

/// Participles of publishing and happening that date a past event when used as adjectives.
const EVENT_PARTICIPLES: [&str; 12] = [
    "paru", "parue", "parus", "parues", "survenu", "survenue", "survenus", "decede", "decedee", "publie",
    "publiee", "sorti",
];

/// Short past participles the endings below miss ("a dit aujourd'hui", "aura vu samedi").
const SHORT_PARTICIPLES: [&str; 11] =
    ["dit", "mis", "pu", "eu", "vu", "su", "lu", "du", "pris", "fait", "ri"];

/// A French past participle at token `j` by its form ("aboli", "annoncé", "été", "mis"); "plus",
/// "lieu" ("aura lieu") are not.
pub(super) fn is_participle(doc: &Doc, j: usize) -> bool {
    let t = doc.tok(j);
    let f = doc.folded(j);
    if SHORT_PARTICIPLES.contains(&f) {
        return true;
    }
    let accented = ends_like_participle(t);
    let other = f.len() > 3
        && ["i", "it", "is", "u", "us", "ert", "int", "ait"].iter().any(|e| f.ends_with(e))
        && !matches!(
            f,
            "plus" | "aussi" | "depuis" | "mais" | "tout" | "nuit" | "huit" | "ceux" | "jusqu'ici" | "lieu"
        );
    doc.is_word(j) && (accented || other)
}

/// The tense of a verb right beside "ce <weekday>": "se réunira ce jeudi", "ce samedi avait
/// rassemblé". Only such a verb outweighs the nearest day ("de ne pas ouvrir ce samedi").
pub fn adjacent_tense(doc: &Doc, start: usize, end: usize) -> Option<Tense> {
    let before = start.checked_sub(2).filter(|_| matches!(doc.folded(start - 1), "ce" | "cet"));
    before.and_then(|b| cue(doc, b)).or_else(|| cue(doc, end))
}

/// Whether a comma at `c` opens an incise of saying in French: ", a annoncé la mairie", ", ont
/// indiqué les pompiers", ", précise-t-il".
fn incise_of_saying(doc: &Doc, c: usize) -> bool {
    if doc.lang != Lang::Fr || doc.tok(c) != "," {
        return false;
    }
    let verb = if matches!(doc.tok(c + 1), "a" | "ont" | "avait" | "avaient") { c + 2 } else { c + 1 };
    // Its subject follows it, maybe past where it was said ("a annoncé la société", "a plaidé
    // sur BFMTV X", "précise-t-il"); "qui, en juin, relevait
    // «…»" is the clause's own verb after a time phrase.
    let inverted = doc.tok(verb).contains('-')
        || doc.is_determiner(verb + 1)
        || doc.cap(verb + 1)
        || matches!(doc.tok(verb + 1), "sur" | "à" | "au" | "dans" | "devant" | "lors");
    inverted && super::super::quotes::speech_verb_at(doc, verb)
}

/// How many words before and after a date are searched for a cue.
const LEFT_REACH: usize = 10;
const RIGHT_REACH: usize = 8;

/// The tense of the clause holding tokens `start..end`: the nearest cue word within the
/// sentence (a few words either side), the left one first at equal distance.
pub fn tense_at(doc: &Doc, start: usize, end: usize) -> Tense {
    let Some(&sent) = doc.sent_of.get(start) else {
        return Tense::Unknown;
    };
    let range = doc.sentences.get(sent).cloned().unwrap_or(start..end);
    // "le 16 juillet prochain", "en juin dernier": the date says it itself.
    if let Some(t) = (start..end).rev().find_map(|k| match doc.folded(k) {
        "prochain" | "prochaine" => Some(Tense::Future),
        "dernier" | "derniere" => Some(Tense::Past),
        _ => None,
    }) {
        return t;
    }
    // "pour samedi", "for Friday": what is planned.
    if start > range.start && matches!(doc.folded(start - 1), "pour" | "for") {
        return Tense::Future;
    }
    if doc.lang == Lang::Fr && planned_infinitive(doc, start) {
        return Tense::Future;
    }
    if doc.lang == Lang::Fr && event_participle_before(doc, start) {
        return Tense::Past;
    }
    // "la tour sera fermée samedi, a annoncé la société": the incise of saying after the date
    // reports the clause, it is not the date's.
    let right_end =
        (end..(end + RIGHT_REACH).min(range.end)).find(|&c| incise_of_saying(doc, c)).unwrap_or(range.end);
    for dist in 1..=LEFT_REACH {
        if let Some(k) = start.checked_sub(dist).filter(|&k| k >= range.start)
            && let Some(t) = cue(doc, k)
        {
            return t;
        }
        let k = end + dist - 1;
        if dist <= RIGHT_REACH
            && k < right_end
            && let Some(t) = cue(doc, k)
        {
            return t;
        }
    }
    // No cue near the date: the sentence's first verb before it sets the tense of a list that
    // goes on ("devrait atteindre 32 °C dimanche … et 31 °C lundi").
    (range.start..start.saturating_sub(LEFT_REACH)).rev().find_map(|k| cue(doc, k)).unwrap_or(Tense::Unknown)
}
