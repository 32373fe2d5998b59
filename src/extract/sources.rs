//! Sources the text cites: "selon l'Agence Ecofin", "d'après X", "according to Reuters",
//! "Reuters reported", "a rapporté X", "cité par X", "told the BBC".

use super::doc::Doc;
use super::entities::EntityIndex;
use super::gazetteer::{GAZ, phrase_key};
use super::media::{
    is_listed, is_network, joined_media, media_from, medium_end, medium_slot, sentence_reports_speech,
};
use super::quotes::{noun_phrase, phrase_name, speech_verb_at};
use super::reported::{reporting_body_fr, reporting_subject};
use super::roles::title_at;
use super::types::Label;

const REPORT_VERBS: [&str; 8] =
    ["reported", "reports", "reporte", "rapporte", "rapportent", "rapporté", "rapportait", "reporting"];

/// Institutions cited by their common name ("selon la police", "d'après l'opposition").
const INSTITUTIONS: [&str; 24] = [
    "police",
    "gendarmerie",
    "opposition",
    "gouvernement",
    "autorites",
    "parquet",
    "pompiers",
    "secours",
    "enqueteurs",
    "syndicats",
    "organisateurs",
    "prefecture",
    "mairie",
    "armee",
    "justice",
    "academies",
    "academie",
    "medias",
    "enquete",
    "ministere",
    "douanes",
    "procureur",
    "prosecutors",
    "the police",
];

/// What French ministries are "of", written in lower case after "ministère de" (folded
/// words): "le ministère de l'économie", "du ministère des affaires étrangères".
const MINISTRY_DOMAINS: [&[&str]; 24] = [
    &["economie"],
    &["interieur"],
    &["justice"],
    &["sante"],
    &["culture"],
    &["defense"],
    &["agriculture"],
    &["education", "nationale"],
    &["education"],
    &["travail"],
    &["environnement"],
    &["ecologie"],
    &["armees"],
    &["finances"],
    &["affaires", "etrangeres"],
    &["transports"],
    &["logement"],
    &["sports"],
    &["industrie"],
    &["budget"],
    &["outre-mer"],
    &["recherche"],
    &["enseignement", "superieur"],
    &["jeunesse"],
];

/// Participles of being asked, before "par" and the outlet that asked ("interrogé par
/// Libération").
const ASKED_BY: [&str; 16] = [
    "interroge",
    "interrogee",
    "interroges",
    "interrogees",
    "contacte",
    "contactee",
    "contactes",
    "contactees",
    "sollicite",
    "sollicitee",
    "sollicites",
    "sollicitees",
    "joint",
    "jointe",
    "joints",
    "jointes",
];

/// Participles of publishing, before "par" and the outlet.
const PUBLISHED: [&str; 16] = [
    "relaye",
    "relayee",
    "relayes",
    "relayees",
    "publie",
    "publiee",
    "publies",
    "publiees",
    "diffuse",
    "diffusee",
    "revele",
    "revelee",
    "devoile",
    "devoilee",
    "rapporte",
    "rapportee",
];

/// Nouns of documents and counts that carry their author's word: "selon un rapport de
/// l'INSEE", "selon les chiffres du ministère", "selon un décompte de l'AFP".
const DOCUMENTS: [&str; 35] = [
    "chiffres",
    "barometre",
    "indice",
    "statistiques",
    "calculs",
    "simulation",
    "simulations",
    "analyse",
    "propos",
    "declaration",
    "declarations",
    "evaluation",
    "decompte",
    "comptage",
    "estimation",
    "estimations",
    "donnees",
    "informations",
    "previsions",
    "projections",
    "recensement",
    "rapport",
    "classement",
    "palmares",
    "etude",
    "sondage",
    "communique",
    "enquete",
    "document",
    "note",
    "bilan",
    "report",
    "study",
    "survey",
    "statement",
];

/// English nouns of what a body publishes, before "from"/"by" and its name: "figures from
/// the ONS", "a statement by Sony", or after it: "the IFS' predictions".
const EVIDENCE: [&str; 14] = [
    "report",
    "study",
    "survey",
    "statement",
    "figures",
    "statistics",
    "data",
    "research",
    "predictions",
    "forecast",
    "forecasts",
    "estimates",
    "poll",
    "analysis",
];

/// Participles of making a document, before "by" and its author.
const MADE: [&str; 8] =
    ["published", "released", "commissioned", "compiled", "conducted", "produced", "issued", "out"];

/// At the English "by" `k`: a participle of making ("carried out") comes right before it and
/// a document noun a few words before that, in the same sentence ("the findings are being
/// published by", "the research, carried out by").
fn made_by(doc: &Doc, k: usize) -> bool {
    let Some(p) = k.checked_sub(1) else { return false };
    let participle = match doc.folded(p) {
        "out" => p > 0 && doc.folded(p - 1) == "carried",
        f => MADE.contains(&f),
    };
    let sentence = doc.sent_of.get(k);
    participle
        && (p.saturating_sub(6)..p).any(|j| {
            let f = doc.folded(j);
            doc.sent_of.get(j) == sentence && (EVIDENCE.contains(&f) || matches!(f, "findings" | "document"))
        })
}

/// Verbs by which an English document says what it found: "the WEF report shows".
const FINDING_VERBS: [&str; 22] = [
    "says",
    "said",
    "claims",
    "claimed",
    "shows",
    "showed",
    "found",
    "finds",
    "suggests",
    "suggested",
    "reveals",
    "revealed",
    "concludes",
    "concluded",
    "predicts",
    "predicted",
    "warns",
    "warned",
    "estimates",
    "estimated",
    "indicates",
    "indicated",
];

/// How many of `MEDIA` (the first ones) are always followed by the medium's own name.
const MEDIA_TITLES: usize = 11;

/// Words between "dans" and a newspaper's name: "dans les colonnes du Times", "dans le
/// quotidien espagnol El Pais".
const MEDIA: [&str; 15] = [
    "agence",
    "colonnes",
    "quotidien",
    "journal",
    "hebdomadaire",
    "magazine",
    "mensuel",
    "site",
    "chaine",
    "radio",
    "edition",
    "interview",
    "entretien",
    "emission",
    "tribune",
];

pub fn find_sources(doc: &Doc, entities: &EntityIndex) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // A social network is where one writes ("a écrit sur Twitter"), not who reports; cited as
    // the company ("selon Facebook") it is a source, pushed with `cited`.
    let cited_network = networks_cited(doc, entities);
    let mut push = |s: Option<String>| {
        if let Some(s) = s
            && !out.iter().any(|o| same_source(o, &s))
            && (!is_network(&s) || cited_network.contains(&s))
            && (s.chars().any(char::is_uppercase) || is_institution(&s) || is_domain(&s) || is_listed(&s))
        {
            // One body under its name and its acronym is one source, named in full.
            if let Some(o) = out.iter_mut().find(|o| is_acronym_of(o, &s)) {
                *o = s;
            } else if !out.iter().any(|o| is_acronym_of(&s, o)) {
                out.push(s);
            }
        }
    };
    let n = doc.len();
    for k in 0..n {
        // "sur RTL", "au micro de France Inter", "invitée de LCI" in a sentence that reports
        // what someone said: the broadcaster or newspaper carried it.
        if let Some(s) = medium_slot(doc, k)
            && medium_end(doc, s).is_some()
            && sentence_reports_speech(doc, k)
        {
            for (a, b) in media_from(doc, s) {
                push(Some(outlet_name(doc, a, b, entities)));
            }
            continue;
        }
        // "invité du «Grand Jury» RTL-Le Figaro-LCI": outlets joined into one word.
        if let Some(s) = medium_slot(doc, k)
            && sentence_reports_speech(doc, k)
        {
            let joined = joined_media(doc, s);
            if !joined.is_empty() {
                for name in joined {
                    push(Some(name));
                }
                continue;
            }
        }
        // "Tony Blair has said he …": who reports in indirect speech (English only).
        push(reporting_subject(doc, k, entities));
        push(reporting_body_fr(doc, k, entities));
        let f = doc.folded(k);
        match f {
            // "selon laquelle …": what someone holds, said just before.
            "selon" if matches!(doc.folded(k + 1), "lequel" | "laquelle" | "lesquels" | "lesquelles") => {}
            "selon" => {
                for s in cited_from(doc, k + 1, entities) {
                    push(Some(s));
                }
            }
            "d'" if doc.folded(k + 1) == "apres" => {
                for s in cited_from(doc, k + 2, entities) {
                    push(Some(s));
                }
            }
            "according" if doc.folded(k + 1) == "to" => push(after_article(doc, k + 2, entities)),
            "citing" => push(after_article(doc, k + 1, entities)),
            // "de l'avis de X", "de l'opinion d'X"
            "avis" | "opinion"
                if doc.folded(k.wrapping_sub(1)) == "l'"
                    && (f == "avis" || doc.folded(k.wrapping_sub(2)) == "de")
                    && matches!(doc.folded(k + 1), "de" | "d'") =>
            {
                push(after_article(doc, k + 2, entities))
            }
            // "a déclaré à l'AFP", "a confié au Figaro", "a indiqué X sur France Inter"
            // "à la tribune du Sénat" is where one speaks, not who reports it.
            _ if matches!(doc.tok(k), "à" | "au" | "aux" | "sur")
                && (k.saturating_sub(6)..k).any(|j| speech_verb_at(doc, j))
                && doc.folded(k + 2) != "tribune" =>
            {
                let s = if doc.is_determiner(k + 1) && doc.tok(k + 1) != "a" { k + 2 } else { k + 1 };
                push(medium_at(doc, s, entities).or_else(|| in_media(doc, k + 1, entities)));
            }
            // "dans un communiqué du ministère de la Culture": the document's author.
            "dans" if doc.is_determiner(k + 1) && DOCUMENTS.contains(&doc.folded(k + 2)) => {
                push(document_author(doc, k + 3, entities))
            }
            // "écrivait dans Le Monde le journaliste X": a listed outlet after a verb of saying.
            "dans"
                if (k.saturating_sub(6)..k).any(|j| speech_verb_at(doc, j))
                    && let Some(&(a, b)) = media_from(doc, k + 1).first() =>
            {
                push(Some(outlet_name(doc, a, b, entities)))
            }
            "dans" => push(in_media(doc, k + 1, entities)),
            // "(Avec AFP)": the agency whose dispatches the article draws on.
            "avec" if k > 0 && doc.tok(k - 1) == "(" => {
                if let Some(&(a, b)) = media_from(doc, k + 1).first()
                    && doc.tok(b) == ")"
                {
                    push(Some(outlet_name(doc, a, b, entities)));
                }
            }
            // "indique un communiqué du ministère de l'Agriculture": the document's author.
            _ if speech_verb_at(doc, k)
                && doc.is_determiner(k + 1)
                && DOCUMENTS.contains(&doc.folded(k + 2))
                && matches!(doc.folded(k + 3), "de" | "du" | "des" | "d'" | "by" | "from") =>
            {
                if doc.lang == super::types::Lang::En {
                    push(english_evidence_author(doc, k + 2, entities).flatten())
                } else {
                    push(document_author(doc, k + 3, entities))
                }
            }
            // "nos confrères de Réunion la 1ère"
            "confreres" if matches!(doc.folded(k + 1), "de" | "du" | "d'") => {
                push(org_at(doc, k + 2, entities).or_else(|| capitalised_run(doc, k + 2, entities)))
            }
            // "…, a constaté France Bleu", "écrit Le Monde": a listed medium as the subject.
            // It ends the clause: "said CCTV footage" is no attribution.
            _ if let Some(e) = clause_ending_medium(doc, k) => {
                push(Some(doc.span_text(k + 1, e).to_string()))
            }
            // "Le trafic reprendra lundi, a annoncé la SNCF.": an organisation reporting in an
            // incise that closes the clause.
            _ if let Some(name) = incise_organisation(doc, k, entities) => push(Some(name)),
            // "…, a indiqué la police.", "…, précise le ministère des Transports, …"
            _ if speech_verb_at(doc, k)
                && matches!(doc.folded(k + 1), "la" | "le" | "les" | "l'")
                && INSTITUTIONS.contains(&doc.folded(k + 2)) =>
            {
                let end = institution_end(doc, k + 2);
                if end > k + 2 && matches!(doc.tok(end), "." | "," | ";") {
                    push(Some(doc.span_text(k + 2, end).to_string()))
                }
            }
            // "Interrogé par Libération, le politologue …", "Contactée par Le Figaro, la
            // mairie a expliqué": the outlet that was given the words (a medium only: "contacté
            // par la mairie", "interrogé par des journalistes" name no source).
            _ if ASKED_BY.contains(&f) && doc.folded(k + 1) == "par" => {
                let s = if doc.is_determiner(k + 2) { k + 3 } else { k + 2 };
                // The article may be part of the name ("La Montagne").
                let whole = media_from(doc, k + 2);
                let listed = whole
                    .first()
                    .or(media_from(doc, s).first())
                    .map(|&(a, b)| outlet_name(doc, a, b, entities));
                push(listed.or_else(|| in_media(doc, k + 2, entities)).or_else(|| {
                    org_at(doc, s, entities)
                        .filter(|name| is_listed(name) || is_listed(&format!("Le {name}")))
                }))
            }
            // "The findings are being published by the X", "The research, carried out by
            // professor X, says": who made the document.
            "by" if doc.lang == super::types::Lang::En && made_by(doc, k) => {
                // Past lower-case descriptions: "by transport expert professor X".
                push(
                    (k + 1..k + 7)
                        .take_while(|&j| {
                            doc.is_word(j)
                                && (doc.cap(j) || !GAZ.is_stop(doc.folded(j)) || doc.folded(j) == "the")
                        })
                        .find_map(|j| org_or_person_at(doc, j, entities)),
                )
            }
            // "In an article for the Guardian newspaper, X says": the paper that carried it.
            "for" | "in"
                if doc.lang == super::types::Lang::En
                    && k > 0
                    && matches!(
                        doc.folded(k - 1),
                        "article" | "column" | "piece" | "editorial" | "writing"
                    )
                    && sentence_reports_speech(doc, k) =>
            {
                let s = if doc.folded(k + 1) == "the" { k + 2 } else { k + 1 };
                push(
                    medium_at(doc, s, entities).or_else(|| {
                        media_from(doc, s).first().map(|&(a, b)| outlet_name(doc, a, b, entities))
                    }),
                )
            }
            "cite" | "citee" | "cites" if doc.folded(k + 1) == "par" => {
                push(after_article(doc, k + 2, entities))
            }
            // "une vidéo relayée par le site Freedom", "révélé par Le Monde", "publiée ce mardi
            // par Paris Match et Sud Radio": an outlet only, and those joined to it.
            _ if PUBLISHED.contains(&f)
                && let Some(par) = par_after(doc, k) =>
            {
                let s = if doc.is_determiner(par + 1) { par + 2 } else { par + 1 };
                let source = medium_at(doc, s, entities).or_else(|| in_media(doc, par + 1, entities));
                for s in with_joined(doc, par + 1, source, entities) {
                    push(Some(s));
                }
            }
            // "figures from the Office for National Statistics", "a statement by Sony".
            _ if EVIDENCE.contains(&f) && matches!(doc.folded(k + 1), "from" | "by") => {
                let s = if doc.folded(k + 2) == "the" { k + 3 } else { k + 2 };
                push(org_or_person_at(doc, s, entities))
            }
            // "a University College London study found", "the WEF report shows": the author
            // named before an English document that says something.
            _ if doc.lang == super::types::Lang::En
                && (EVIDENCE.contains(&f) || matches!(f, "findings" | "document"))
                && FINDING_VERBS.contains(&doc.folded(k + 1)) =>
            {
                // Not "a Nokia-sponsored survey", nor a sentence's opening word ("Future
                // research found").
                let author = k.checked_sub(1).filter(|&p| {
                    let modifier =
                        doc.tok(p).rsplit('-').next().is_some_and(|w| w.starts_with(char::is_lowercase));
                    let opening =
                        doc.info.get(p).is_some_and(|i| i.initial) && doc.lower_seen.contains(doc.folded(p));
                    doc.cap(p) && !modifier && !opening
                });
                push(author.and_then(|p| org_ending_at(doc, p, entities)))
            }
            // "the Institute for Fiscal Studies' predictions", "Sony's statement".
            "'s" | "'" | "’s" | "’" if EVIDENCE.contains(&doc.folded(k + 1)) => {
                push(k.checked_sub(1).and_then(|p| org_ending_at(doc, p, entities)))
            }
            // "a spokesman for Sony said", "un porte-parole de la SNCF a indiqué": the body
            // (or person) the spokesman speaks for.
            "spokesman" | "spokeswoman" | "spokesperson" | "porte-parole"
                if sentence_reports_speech(doc, k)
                    && matches!(doc.folded(k + 1), "for" | "of" | "de" | "du" | "d'") =>
            {
                let mut s = k + 2;
                if matches!(doc.folded(s), "the" | "la" | "l'") {
                    s += 1;
                }
                push(spoken_for(doc, s, entities))
            }
            // "an Apple spokesman said": the organisation named right before.
            "spokesman" | "spokeswoman" | "spokesperson"
                if sentence_reports_speech(doc, k)
                    && let Some(name) = k.checked_sub(1).and_then(|p| spokesman_body(doc, p, entities)) =>
            {
                push(Some(name))
            }
            "told" => {
                // "told the BBC" / "told Reuters": only an organisation counts, a listed
                // outlet with its whole name ("BBC Radio 4").
                let s = if doc.folded(k + 1) == "the" { k + 2 } else { k + 1 };
                let outlet = media_from(doc, s).first().map(|&(a, b)| outlet_name(doc, a, b, entities));
                push(outlet.or_else(|| org_at(doc, s, entities)));
            }
            // "said in a statement to Reuters": a listed outlet after a speech verb.
            "to" if (k.saturating_sub(6)..k).any(|j| speech_verb_at(doc, j)) => {
                let s = if doc.folded(k + 1) == "the" { k + 2 } else { k + 1 };
                push(media_from(doc, s).first().map(|&(a, b)| outlet_name(doc, a, b, entities)));
            }
            _ if REPORT_VERBS.contains(&f) => {
                // "Reuters reported" (entity just before) or "rapporte X" (after).
                if let Some(p) = k.checked_sub(1) {
                    push(org_ending_at(doc, p, entities));
                }
                push(medium_at(doc, k + 1, entities).or_else(|| {
                    if doc.is_determiner(k + 1) { medium_at(doc, k + 2, entities) } else { None }
                }));
            }
            _ => {}
        }
    }
    // "The Parents Television Council (PTC) … The PTC said": an acronym the text spells out
    // is named in full.
    for source in &mut out {
        if let Some(full) = spelled_out(doc, source, entities) {
            *source = full;
        }
    }
    out
}

/// The name the text gives in full before the acronym `short` between brackets: "the
/// Parents Television Council (PTC)".
fn spelled_out(doc: &Doc, short: &str, entities: &EntityIndex) -> Option<String> {
    if short.chars().count() < 3 || !short.chars().all(char::is_uppercase) {
        return None;
    }
    (2..doc.len()).find_map(|k| {
        if doc.tok(k) != short || doc.tok(k - 1) != "(" || doc.tok(k + 1) != ")" {
            return None;
        }
        let end = doc.tokens.get(k - 2)?.end;
        entities.ending_at(end).map(|e| e.name.clone()).filter(|long| is_acronym_of(short, long))
    })
}

/// Who a spokesman speaks for, named from token `s`: a body or a person whose name ends the
/// phrase ("for Sony said", "for the Home Office,"), not a possessor ("for Manchester's Trafford
/// Centre") nor the start of a longer title ("for European Justice and Home Affairs
/// Commissioner X").
fn spoken_for(doc: &Doc, s: usize, entities: &EntityIndex) -> Option<String> {
    let Some((e, end)) = entities
        .starting_at(doc.tokens.get(s)?.start)
        .filter(|(e, _)| matches!(e.label, Label::Org | Label::Per))
    else {
        return described_body(doc, s, entities);
    };
    let after = doc.tokens.partition_point(|t| t.start < end);
    // "for the Department for Culture, Media and Sport": a comma before a list of capitalised
    // words goes on with the name, which the recogniser cut (not "du RN, Jean Dupont").
    let cut = doc.tok(after) == ","
        && (after + 1..after + 4)
            .take_while(|&j| doc.cap(j) || matches!(doc.tok(j), "and" | "&"))
            .any(|j| matches!(doc.tok(j), "and" | "&"));
    let ends = !matches!(doc.tok(after), "'s" | "’s" | "and" | "et") && !doc.cap(after) && !cut;
    ends.then(|| e.name.clone())
}

/// The organisation ending at token `p` after a determiner: "an [Apple] spokesman", "a [Home
/// Office] spokeswoman" (not "Mr Blair's spokesman": a person's words go through the quote).
fn spokesman_body(doc: &Doc, p: usize, entities: &EntityIndex) -> Option<String> {
    let end = doc.tokens.get(p)?.end;
    let e = entities.ending_at(end).filter(|e| e.label == Label::Org)?;
    let start = e.mentions.iter().find(|m| m.end == end)?.start;
    let first = doc.tokens.partition_point(|t| t.start < start);
    (first > 0 && matches!(doc.folded(first - 1), "a" | "an" | "the")).then(|| e.name.clone())
}

/// Whether two names cite one source: the same words, with or without their article ("Le
/// Figaro", "Figaro").
fn same_source(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        let f = crate::text::fold::fold_str(s);
        ["le ", "la ", "les ", "l'", "the "]
            .iter()
            .find_map(|a| f.strip_prefix(a))
            .map_or(f.clone(), str::to_string)
    };
    key(a) == key(b)
}

/// Whether `short` is the acronym of `long`: the initials of its capitalised words ("BPI",
/// "British Phonographic Industry"; "RAD", "Royal Academy of Dance"; "FCD", "Fédération du
/// commerce et de la distribution" takes the content words' initials too). Three letters at
/// least: "PS" is not "Public Sénat".
fn is_acronym_of(short: &str, long: &str) -> bool {
    if short.chars().count() < 3 || !short.chars().all(|c| c.is_uppercase()) || !long.contains(' ') {
        return false;
    }
    let initials = |all: bool| -> String {
        long.split([' ', '-', '\''])
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase) || all && w.chars().count() > 3)
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .collect()
    };
    initials(false) == short || initials(true) == short
}

/// Social networks named right after "selon" or "d'après" ("selon Facebook"): the company
/// cited as a source.
fn networks_cited(doc: &Doc, entities: &EntityIndex) -> Vec<String> {
    (1..doc.len())
        .filter(|&k| {
            doc.folded(k - 1) == "selon"
                || doc.folded(k - 1) == "apres" && k >= 2 && doc.folded(k - 2) == "d'"
        })
        .filter_map(|k| org_at(doc, k, entities))
        .filter(|name| is_network(name))
        .collect()
}

/// The organisation that is the subject of the incise of saying at token `k` after reported
/// words ("Le trafic reprendra lundi, a annoncé la SNCF.", "…, précise Airbus,"): the verb after
/// a comma (and its auxiliary), the name right after it (and its article), ending the clause.
fn incise_organisation(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<String> {
    let english = doc.lang == super::types::Lang::En;
    if !(english || doc.lang == super::types::Lang::Fr) || !speech_verb_at(doc, k) || doc.cap(k) {
        return None;
    }
    let first =
        if k > 0 && matches!(doc.folded(k - 1), "a" | "avait" | "ont" | "avaient" | "has" | "have" | "had") {
            k - 1
        } else {
            k
        };
    // After a quotation the organisation is its speaker, not a source.
    let comma = first.checked_sub(1)?;
    if doc.tok(comma) != "," || comma > 0 && super::quotes::is_quote_mark(doc.tok(comma - 1)) {
        return None;
    }
    let name_at = if matches!(doc.folded(k + 1), "la" | "le" | "les" | "l'" | "the") { k + 2 } else { k + 1 };
    let (e, end) = entities.starting_at(doc.tokens.get(name_at)?.start)?;
    let after = doc.tokens.partition_point(|t| t.start < end);
    // "…, said the IMF on Tuesday.": an English day or place may close the incise.
    let closes =
        matches!(doc.tok(after), "." | "," | ";") || english && matches!(doc.folded(after), "on" | "in");
    (e.label == Label::Org && closes).then(|| e.name.clone())
}

/// "par" after a participle of publishing, past a time complement ("publiée ce mardi par").
fn par_after(doc: &Doc, k: usize) -> Option<usize> {
    (k + 1..k + 4).take_while(|&j| doc.is_word(j)).find(|&j| doc.folded(j) == "par").filter(|&par| {
        (k + 1..par).all(|j| {
            matches!(doc.folded(j), "ce" | "hier" | "matin" | "soir") || GAZ.days.contains_key(doc.folded(j))
        })
    })
}

/// The source cited from token `np` on ("selon X", "d'après X"): a web address or a name, and
/// the organisations joined to it.
fn cited_from(doc: &Doc, np: usize, entities: &EntityIndex) -> Vec<String> {
    let source = domain_at(doc, np).or_else(|| after_article(doc, np, entities));
    with_joined(doc, np, source, entities)
}

/// A cited source and the sources joined to it (see `joined_sources`), in text order.
fn with_joined(doc: &Doc, from: usize, source: Option<String>, entities: &EntityIndex) -> Vec<String> {
    let partners = joined_sources(doc, from, source.as_deref(), entities);
    source.into_iter().chain(partners).collect()
}

/// How far after the cue word a cited source's name may start ("selon le dernier sondage X").
const SOURCE_NAME_REACH: usize = 8;

/// The organisations joined to the source `name` cited from token `from` on: by a hyphen
/// ("selon le sondage Ifop-Fiducial": both institutes) or by "et" ("publié par Paris Match et
/// Sud Radio": both outlets).
fn joined_sources(doc: &Doc, from: usize, name: Option<&str>, entities: &EntityIndex) -> Vec<String> {
    let mut out = Vec::new();
    let Some(name) = name else { return out };
    let Some((mut end, label)) = (from..from + SOURCE_NAME_REACH).find_map(|j| {
        let (e, end) = entities.starting_at(doc.tokens.get(j)?.start)?;
        (e.name == name).then_some((end, e.label))
    }) else {
        return out;
    };
    loop {
        let rest = doc.text.get(end..).unwrap_or("");
        let (gap, and) = if rest.starts_with('-') {
            (1, false)
        } else if rest.starts_with(" et ") {
            (4, true)
        } else {
            break;
        };
        // Organisations joined by a hyphen or "et"; people by "et" ("selon les économistes
        // Jeanne Roux et Paul Morel").
        let joined = |e: &super::types::Entity| {
            e.label == Label::Org || and && label == Label::Per && e.label == label
        };
        let Some((e, next_end)) = entities.starting_at(end + gap).filter(|(e, _)| joined(e)) else {
            break;
        };
        out.push(e.name.clone());
        end = next_end;
    }
    out
}

fn is_institution(name: &str) -> bool {
    let f = crate::text::fold::fold_str(name);
    let words: Vec<&str> = f.split([' ', '\'']).filter(|w| !w.is_empty()).collect();
    let ministry = words.first() == Some(&"ministere") && words.len() <= 6;
    ministry || (words.len() <= 3 && words.iter().take(2).any(|w| INSTITUTIONS.contains(w)))
}

/// "le quotidien espagnol El Pais", "les colonnes du Times" starting at `k`: the newspaper.
fn in_media(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<String> {
    let mut media = false;
    // "le quotidien", "les colonnes du": a title follows, whatever the tagger took it for.
    let mut title = false;
    for j in k..k + 5 {
        if doc.cap(j) {
            if title {
                let start = doc.tokens.get(j).map_or(0, |t| t.start);
                let named = entities.starting_at(start).filter(|(e, _)| e.label != Label::Date);
                return named.map(|(e, _)| e.name.clone()).or_else(|| capitalised_run(doc, j, entities));
            }
            return if media { medium_at(doc, j, entities) } else { None };
        }
        if !doc.is_word(j) && doc.elision(j).is_none() {
            return None;
        }
        let f = doc.folded(j);
        media |= MEDIA.contains(&f);
        title |= MEDIA.iter().take(MEDIA_TITLES).any(|m| *m == f);
    }
    None
}

/// After the speech verb at `k`, a listed medium that ends the clause: its end ("…, a constaté
/// France Bleu."; "said CCTV footage" is no attribution).
fn clause_ending_medium(doc: &Doc, k: usize) -> Option<usize> {
    if !speech_verb_at(doc, k) {
        return None;
    }
    medium_end(doc, k + 1).filter(|&e| matches!(doc.tok(e), "," | "." | ";" | ""))
}

/// The author named after a document noun ending before `k`: "un rapport établi par
/// l'INSEE", "un communiqué de la police londonienne", "du ministère de la Culture".
fn document_author(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<String> {
    (k..k + 9).take_while(|&j| !matches!(doc.tok(j), "," | "." | ";" | ":" | "«" | "(")).find_map(|j| {
        // "les chiffres communiqués par François Baroin", "une étude de Jean Dupont".
        let by_person = j > 0 && matches!(doc.folded(j - 1), "par" | "de" | "d'");
        let person = by_person.then(|| person_at(doc, j, entities)).flatten();
        // "le rapport annuel de la Fevad (Fédération …)": a name no list knows, after "de la",
        // "du", "par".
        let of = j > k
            && matches!(doc.folded(j - 1), "la" | "l'" | "du" | "des" | "par" | "by")
            && !doc.tok(j).contains('-')
            && (k..j).all(|i| {
                let f = doc.folded(i);
                // "le rapport annuel de la …": one adjective after the noun.
                let adjective = i == k && doc.is_word(i) && !doc.cap(i) && !GAZ.is_stop(f);
                matches!(f, "de" | "la" | "l'" | "du" | "des" | "par" | "by") || adjective
            });
        // A capitalised word no list knows is a name when its expansion follows ("la Fevad
        // (Fédération …)"), not always ("l'ADN").
        let expanded = || capitalised_run(doc, j, entities).filter(|_| doc.tok(j + 1) == "(");
        let unknown = of.then(|| evidence_body_at(doc, j, entities).or_else(expanded)).flatten();
        org_at(doc, j, entities).or(person).or(unknown).or_else(|| in_media(doc, j, entities)).or_else(|| {
            (INSTITUTIONS.contains(&doc.folded(j)) && doc.is_determiner(j - 1))
                .then(|| institution_phrase(doc, j))
                .flatten()
        })
    })
}

/// The listed outlet at tokens `a..b`, or the organisation the recogniser found there when
/// it names a part of the outlet ("BBC News Online", "BBC Radio Scotland"); a name running on
/// into a person ("BBC Mr Howard") is cut back to the outlet.
fn outlet_name(doc: &Doc, a: usize, b: usize, entities: &EntityIndex) -> String {
    let listed = doc.span_text(a, b).to_string();
    let Some(start) = doc.tokens.get(a).map(|t| t.start) else { return listed };
    let longer = entities.starting_at(start).filter(|(e, end)| {
        matches!(e.label, Label::Org | Label::Misc) && doc.tokens.get(b).is_some_and(|t| t.start < *end)
    });
    match longer.and_then(|(_, end)| doc.text.get(start..end)) {
        Some(name) if doc.cap(b) && !GAZ.honorifics.contains(doc.folded(b)) => name.to_string(),
        _ => listed,
    }
}

/// An institution by its common noun, with the capitalised complement that names it
/// ("ministère de la Culture"), or the noun alone ("police").
fn institution_phrase(doc: &Doc, j: usize) -> Option<String> {
    let end = institution_end(doc, j);
    (end > j).then(|| doc.span_text(j, end).to_string())
}

/// Where the institution named from token `j` on ends (see `institution_phrase`).
fn institution_end(doc: &Doc, j: usize) -> usize {
    // "la préfecture de police": an institution's name in lower case.
    if doc.folded(j) == "prefecture" && doc.folded(j + 1) == "de" && doc.folded(j + 2) == "police" {
        return j + 3;
    }
    let named = matches!(doc.folded(j + 1), "de" | "du" | "des" | "d'");
    let mut e = j + 2;
    if named && doc.is_determiner(e) && !doc.cap(e) {
        e += 1;
    }
    // "le ministère de l'économie": a ministry's domain is often written in lower case.
    if named && doc.folded(j) == "ministere" && !doc.cap(e) {
        return match MINISTRY_DOMAINS
            .iter()
            .find(|d| d.iter().enumerate().all(|(i, w)| doc.folded(e + i) == *w))
        {
            Some(d) => e + d.len(),
            None => j,
        };
    }
    // "le ministère" alone refers back to one named before: no name of its own.
    if doc.folded(j) == "ministere" && !named {
        return j;
    }
    if !(named && doc.cap(e) && doc.is_word(e)) {
        return j + 1;
    }
    // "ministère de l'Action et des Comptes publics": a second branch of the name.
    let mut end = e + 1;
    if doc.folded(end) == "et" && matches!(doc.folded(end + 1), "de" | "du" | "des" | "la" | "l'" | "d'") {
        // Content words only: "… et des comptes publics a annoncé" stops before "a".
        let words = (end + 2..end + 5).take_while(|&w| doc.is_word(w) && !GAZ.is_stop(doc.folded(w))).count();
        if words > 0 {
            end += 2 + words;
        }
    }
    end
}

/// A web site named by its address after "selon": "selon mon-essence.fr".
fn domain_at(doc: &Doc, k: usize) -> Option<String> {
    let mut e = k;
    while e + 1 < doc.len()
        && e < k + 8
        && doc.tokens.get(e + 1).map(|t| t.start) == doc.tokens.get(e).map(|t| t.end)
        && (doc.is_word(e + 1) || matches!(doc.tok(e + 1), "." | "-"))
    {
        e += 1;
    }
    let s = doc.span_text(k, e + 1).trim_end_matches('.');
    is_domain(s).then(|| s.to_string())
}

/// "mon-essence.fr", "lemonde.fr": a word, a dot and a short top-level domain.
fn is_domain(s: &str) -> bool {
    let Some((name, tld)) = s.rsplit_once('.') else { return false };
    !name.is_empty()
        && !name.contains(' ')
        && (2..=4).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_lowercase())
        && name.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '.'))
}

/// French adjectives before a document noun: "selon un premier bilan", "les derniers chiffres".
const DOCUMENT_ADJECTIVES: [&str; 16] = [
    "recent",
    "recente",
    "recents",
    "recentes",
    "premier",
    "premiers",
    "premiere",
    "premieres",
    "dernier",
    "derniers",
    "derniere",
    "dernieres",
    "nouveau",
    "nouveaux",
    "nouvelle",
    "nouvelles",
];

fn after_article(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<String> {
    // A report, a study, a poll, a count: its author ("selon un rapport établi par l'INSEE",
    // "selon les premiers chiffres du ministère").
    let head = if doc.is_determiner(k) { k + 1 } else { k };
    // "according to new figures released on Tuesday by the BPI": the body behind them, or no
    // source when none is named ("according to official data").
    if doc.lang == super::types::Lang::En
        && let Some(author) = english_evidence_author(doc, head, entities)
    {
        return author;
    }
    let french_adjective =
        doc.lang == super::types::Lang::Fr && DOCUMENT_ADJECTIVES.contains(&doc.folded(head));
    let noun = head + usize::from(french_adjective);
    if DOCUMENTS.contains(&doc.folded(noun)) {
        return document_author(doc, noun + 1, entities)
            .or_else(|| named_document(doc, noun + 1, entities))
            .or_else(|| document_of_titled_person(doc, noun + 1, entities));
    }
    // "selon le ministère de l'économie": a ministry by its domain in lower case; "selon le
    // ministère" alone refers back to one named before.
    if doc.folded(head) == "ministere" && !(head + 1..head + 4).any(|j| doc.cap(j)) {
        return institution_phrase(doc, head);
    }
    // "selon la formule de X": the person who put it so, when one is named.
    if FIGURES_OF_SPEECH.contains(&doc.folded(head)) && doc.lang == super::types::Lang::Fr {
        return (head + 1..head + 5)
            .take_while(|&j| doc.is_word(j) || doc.elision(j).is_some())
            .find_map(|j| person_at(doc, j, entities));
    }
    if let Some(name) = described_body(doc, head, entities).or_else(|| described_person(doc, k, entities)) {
        return Some(name);
    }
    // "according to Mr Smith's lawyer": an unnamed person of someone's, no source; "the
    // BBC's Nick Robinson" names one.
    if possessed_description(doc, k) {
        return None;
    }
    // "selon le ministre de l'Intérieur" with no name: a description of someone, who is
    // not named here, nor is the body the title names ("selon le directeur général des
    // Galeries Lafayette"); "selon le secrétaire d'État à l'Intérieur Laurent Nuñez" names him.
    let title = title_at(doc, head).is_some() && !doc.cap(head);
    if title && doc.lang == super::types::Lang::Fr {
        return name_after_title(doc, head, entities);
    }
    if let Some(name) = phrase_name(doc, k, entities) {
        return Some(name);
    }
    if title {
        // In English a lower-case title before a name describes a firm as often ("according to
        // analysts Gartner").
        return None;
    }
    if let Some(named) = thing_cited(doc, k, head, entities) {
        return named;
    }
    let np = noun_phrase(doc, k, entities)?;
    // Strip a leading article from plain noun phrases: "l'Agence Ecofin" → "Agence Ecofin".
    let trimmed =
        ["l'", "l’", "la ", "le ", "les ", "the "].iter().find_map(|a| np.strip_prefix(a)).unwrap_or(&np);
    // An institution by its common name: the noun alone ("les médias occidentaux" → "médias").
    if !trimmed.chars().any(char::is_uppercase) {
        let folded = crate::text::fold::fold_str(trimmed);
        if let Some(i) = folded.split(' ').take(2).position(|w| INSTITUTIONS.contains(&w))
            && let Some(word) = trimmed.split(' ').nth(i)
        {
            let police = folded.split(' ').skip(i).take(3).eq(["prefecture", "de", "police"]);
            return Some(if police {
                trimmed.split(' ').skip(i).take(3).collect::<Vec<_>>().join(" ")
            } else {
                word.to_string()
            });
        }
    }
    Some(trimmed.to_string())
}

/// Words that end a title's complement before any name: a second person ("selon le procureur
/// et Didier Andrieux"), a relative clause or a verb.
const TITLE_COMPLEMENT_STOP: [&str; 12] =
    ["et", "ou", "qui", "que", "qu'", "dont", "mais", "a", "ont", "est", "sont", "avait"];

/// The person named right after the title at `head` and its complement ("le secrétaire d'État
/// à l'Intérieur Laurent Nuñez"), or between commas after it ("du ministre de l'Intérieur,
/// Christophe Castaner, …"); a name after "de" is someone the title relates to ("le
/// conseiller de Jean Dupont"), not its holder.
fn name_after_title(doc: &Doc, head: usize, entities: &EntityIndex) -> Option<String> {
    let mut j = head;
    // ("le président de la Fédération du commerce et de la distribution (FCD) Jacques
    // Creyssel": a complement joined by "et de", an acronym in brackets.)
    while j < head + 16 {
        j += 1;
        if doc.tok(j) == "(" && doc.tok(j + 2) == ")" && doc.cap(j + 1) {
            j += 2;
            continue;
        }
        // (Not "et de Marie Durand": a second person the title relates to.)
        if doc.folded(j) == "et" && matches!(doc.folded(j + 1), "de" | "du" | "des" | "d'") && !doc.cap(j + 2)
        {
            continue;
        }
        let start = doc.tokens.get(j)?.start;
        if let Some((e, _)) = entities.starting_at(start).filter(|(e, _)| e.label == Label::Per) {
            let related = matches!(doc.folded(j - 1), "de" | "du" | "des" | "d'");
            return (!related).then(|| e.name.clone());
        }
        if doc.tok(j) == "," {
            let (e, end) = entities.starting_at(doc.tokens.get(j + 1)?.start)?;
            let after = doc.tokens.partition_point(|t| t.start < end);
            // "…, Michel Dupont interrogé par LCI": a participle closes the name too.
            let participle = doc.is_word(after)
                && !doc.cap(after)
                && ["é", "ée", "és", "ées"].iter().any(|e| doc.tok(after).ends_with(e));
            let closed = matches!(doc.tok(after), "," | "." | ";" | ":") || participle;
            return (e.label == Label::Per && closed).then(|| e.name.clone());
        }
        if !doc.is_word(j) && doc.elision(j).is_none() || TITLE_COMPLEMENT_STOP.contains(&doc.tok(j)) {
            return None;
        }
    }
    None
}

/// A document known by its author's name right after its noun, maybe past one word of subject:
/// "le baromètre EY", "le dernier baromètre sécurité Odoxa-Fiducial", "l'indice CNCC".
fn named_document(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<String> {
    let subject = doc.is_word(k) && !doc.cap(k) && !GAZ.is_stop(doc.folded(k));
    let at = if subject { k + 1 } else { k };
    if !doc.cap(at) || doc.info.get(at).is_some_and(|i| i.initial) {
        return None;
    }
    match entities.starting_at(doc.tokens.get(at)?.start) {
        Some((e, _)) if matches!(e.label, Label::Org | Label::Misc) => Some(e.name.clone()),
        Some(_) => None,
        None => capitalised_run(doc, at, entities),
    }
}

/// Lower-case words allowed between "published" and "by": "released on Tuesday by", "carried
/// out last year by".
const EVIDENCE_GAP: [&str; 9] = ["on", "out", "last", "this", "week", "month", "year", "earlier", "jointly"];

/// An English document or count named from `head` on, past up to three lower-case modifiers
/// ("figures", "a recent impact study", "official data"): `Some` of the body or person it is
/// "by" or "from", reached past a participle and a time ("released on Tuesday by"), or
/// `Some(None)` when the text names none; `None` when the phrase is no document.
fn english_evidence_author(doc: &Doc, head: usize, entities: &EntityIndex) -> Option<Option<String>> {
    // The phrase's head noun is the last lower-case word before the participle or "by": in
    // "blog analysis firm Technorati" it is "firm", no document.
    let noun = (head..head + 4)
        .take_while(|&j| doc.is_word(j) && !doc.cap(j) && !matches!(doc.folded(j), "by" | "from"))
        .take_while(|&j| j == head || !doc.folded(j).ends_with("ed"))
        .last()
        .filter(|&j| EVIDENCE.contains(&doc.folded(j)) || matches!(doc.folded(j), "findings" | "numbers"))?;
    let by = (noun + 1..noun + 6)
        .take_while(|&j| {
            let f = doc.folded(j);
            let day = GAZ.days.contains_key(f);
            doc.is_word(j)
                && (day || !doc.cap(j))
                && (matches!(f, "by" | "from") || f.ends_with("ed") || EVIDENCE_GAP.contains(&f) || day)
        })
        .find(|&j| matches!(doc.folded(j), "by" | "from"));
    let Some(by) = by else { return Some(None) };
    let mut s = by + 1;
    // "research from a City investment bank": someone unnamed.
    if matches!(doc.folded(s), "a" | "an" | "some" | "one") {
        return Some(None);
    }
    if doc.folded(s) == "the" {
        s += 1;
    }
    // "by the country's State Planning Organisation": past a possessed common noun.
    if doc.is_word(s) && !doc.cap(s) && matches!(doc.tok(s + 1), "'s" | "’s") {
        s += 2;
    }
    Some(
        evidence_body_at(doc, s, entities)
            .or_else(|| described_body(doc, s, entities))
            .or_else(|| capitalised_run(doc, s, entities))
            // "by UK-based research consultancy Analysys": an organisation further on.
            .or_else(|| document_author(doc, s, entities)),
    )
}

/// The body or person named at token `k` after a document's "by"/"from": an organisation, a
/// person, or a name the recogniser took for something else when no gazetteer lists it as a
/// place or a people ("figures gathered by Netcraft"; not "data from India", "by the
/// Liberians", nor a description like "UK-based").
fn evidence_body_at(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<String> {
    let (e, _) = entities.starting_at(doc.tokens.get(k)?.start)?;
    let folded = crate::text::fold::fold_str(&e.name);
    let listed_place = [GAZ.phrases.get(&phrase_key(&e.name, &GAZ.abbreviations)), GAZ.acronyms.get(&e.name)]
        .iter()
        .any(|g| g.is_some_and(|g| g.label == Label::Loc));
    let ok = match e.label {
        Label::Org | Label::Per => true,
        Label::Misc | Label::Loc => {
            !listed_place && !GAZ.demonyms.contains_key(&folded) && !folded.ends_with("-based")
        }
        _ => false,
    };
    ok.then(|| e.name.clone())
}

/// The person holding the title after a document's "de" ("selon la déclaration du ministre de
/// l'Intérieur, Christophe Castaner"; "selon un dernier bilan du ministre de l'Intérieur
/// Christophe Castaner").
fn document_of_titled_person(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<String> {
    let head = match doc.folded(k) {
        "du" | "des" => k + 1,
        "de" if matches!(doc.folded(k + 1), "la" | "l'") => k + 2,
        _ => return None,
    };
    (title_at(doc, head).is_some() && !doc.cap(head)).then(|| name_after_title(doc, head, entities)).flatten()
}

/// Determiners of something unnamed or the paper's own: "une source policière", "des images",
/// "notre sondage", "nos confrères".
const UNNAMED_DETERMINERS: [&str; 14] = [
    "un",
    "une",
    "des",
    "de",
    "d'",
    "plusieurs",
    "certains",
    "certaines",
    "notre",
    "nos",
    "son",
    "sa",
    "ses",
    "leurs",
];

/// Nouns of what carries words or pictures, not of who speaks: "selon une information de
/// L'Opinion", "d'après des images de BFMTV".
const CARRIERS: [&str; 12] = [
    "source",
    "sources",
    "article",
    "images",
    "video",
    "information",
    "elements",
    "documents",
    "texte",
    "internautes",
    "lettre",
    "site",
];

/// A way of putting it: "selon la formule de X", "selon les mots de X" cite X, if a person.
const FIGURES_OF_SPEECH: [&str; 5] = ["formule", "mots", "expression", "termes", "mot"];

/// The phrase from token `k` (head noun at `head`) cites something said or shown rather than
/// someone: `Some` of the organisation or outlet it names ("une source policière interrogée par
/// l'AFP" -> AFP, "notre sondage Odoxa" -> Odoxa), `Some(None)` when it names none; `None` when
/// the phrase is someone's description, for the other rules.
fn thing_cited(doc: &Doc, k: usize, head: usize, entities: &EntityIndex) -> Option<Option<String>> {
    if doc.lang != super::types::Lang::Fr || title_at(doc, head).is_some() {
        return None;
    }
    let head_word = doc.folded(head + usize::from(DOCUMENT_ADJECTIVES.contains(&doc.folded(head))));
    let unnamed = UNNAMED_DETERMINERS.contains(&doc.folded(k)) && !doc.cap(head);
    if !unnamed && !CARRIERS.contains(&head_word) {
        return None;
    }
    let named = (head..head + 12)
        .take_while(|&j| !matches!(doc.tok(j), "," | "." | ";" | ":" | "«" | ""))
        .find_map(|j| {
            let listed = media_from(doc, j).first().map(|&(a, b)| outlet_name(doc, a, b, entities));
            listed.or_else(|| org_at(doc, j, entities))
        });
    Some(named)
}

/// Head nouns of a description put before a body's name: "blog analysis firm Technorati",
/// "US research firm Pew Internet", "le cabinet d'études Xerfi".
const BODY_NOUNS: [&str; 31] = [
    "firm",
    "body",
    "office",
    "analysts",
    "analyst",
    "researchers",
    "think-tank",
    "regulator",
    "company",
    "group",
    "agency",
    "institute",
    "consultancy",
    "organisation",
    "organization",
    "charity",
    "watchdog",
    "website",
    "pollster",
    "bank",
    "cabinet",
    "institut",
    "societe",
    "groupe",
    "agence",
    "organisme",
    "association",
    "observatoire",
    "federation",
    "syndicat",
    "banque",
];

/// A body named after its description, starting at `k`: the name that follows a body noun
/// reached through lower-case words and place names ("according to US research firm Pew
/// Internet" → "Pew Internet", not "US" nor the whole phrase).
fn described_body(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<String> {
    let mut j = k;
    while j < k + 6 {
        // A capitalised body noun starts the name itself ("l'Agence Ecofin").
        // "industry watchdog, Ofcom, …": the name between commas.
        let comma = usize::from(doc.tok(j + 1) == "," && doc.lang == super::types::Lang::En);
        if BODY_NOUNS.contains(&doc.folded(j)) && !doc.cap(j) && doc.cap(j + 1 + comma) {
            let start = doc.tokens.get(j + 1 + comma)?.start;
            if comma == 1 {
                let (e, end) = entities.starting_at(start)?;
                let after = doc.tokens.partition_point(|t| t.start < end);
                return (matches!(e.label, Label::Org | Label::Misc | Label::Per) && doc.tok(after) == ",")
                    .then(|| e.name.clone());
            }
            return match entities.starting_at(start) {
                Some((e, _)) if !matches!(e.label, Label::Loc | Label::Date) => Some(e.name.clone()),
                Some(_) => None,
                None => capitalised_run(doc, j + 1, entities),
            };
        }
        let start = doc.tokens.get(j)?.start;
        match entities.starting_at(start) {
            // "US research firm": a place describing the body.
            Some((e, end)) if e.label == Label::Loc => {
                j = (j..k + 6).find(|&t| doc.tokens.get(t).is_some_and(|t| t.end >= end))? + 1;
            }
            Some(_) => return None,
            None if doc.is_word(j) && !doc.cap(j) || doc.elision(j).is_some() => j += 1,
            None => return None,
        }
    }
    None
}

/// A person the paper describes by its tie to them before naming them: "selon notre
/// correspondante Fanny Hardy", "according to our reporter John Smith" → the name.
fn described_person(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<String> {
    if !matches!(doc.folded(k), "notre" | "nos" | "our") {
        return None;
    }
    let name = (k + 1..k + 4).take_while(|&j| !doc.is_word(j) || !doc.cap(j)).last().map_or(k + 1, |j| j + 1);
    let start = doc.tokens.get(name)?.start;
    let (e, _) = entities.starting_at(start)?;
    (e.label == Label::Per && (k + 1..name).all(|j| doc.is_word(j))).then(|| e.name.clone())
}

/// Whether the phrase at `k` is "Name's <common noun>": a possessive, within a few words,
/// followed by a lower-case word.
fn possessed_description(doc: &Doc, k: usize) -> bool {
    (k..k + 6)
        .take_while(|&j| doc.is_word(j) || matches!(doc.tok(j), "'s" | "’s" | "'" | "’"))
        .find(|&j| matches!(doc.tok(j), "'s" | "’s"))
        .is_some_and(|j| doc.is_word(j + 1) && !doc.cap(j + 1))
}

/// The name of the entity starting at token `k`, when its label is one of `labels`.
fn named_at(doc: &Doc, k: usize, entities: &EntityIndex, labels: &[Label]) -> Option<String> {
    let start = doc.tokens.get(k)?.start;
    entities.starting_at(start).map(|(e, _)| e).filter(|e| labels.contains(&e.label)).map(|e| e.name.clone())
}

fn org_at(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<String> {
    named_at(doc, k, entities, &[Label::Org])
}

fn person_at(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<String> {
    named_at(doc, k, entities, &[Label::Per])
}

fn org_or_person_at(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<String> {
    named_at(doc, k, entities, &[Label::Org, Label::Per])
}

fn org_ending_at(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<String> {
    let end = doc.tokens.get(k)?.end;
    entities.ending_at(end).filter(|e| is_medium(e)).map(|e| e.name.clone())
}

/// A name that can be a newspaper, an agency or a broadcaster: an organisation, a work, or a
/// "place" no gazetteer lists as one ("France Inter", "Lyon Capitale" taken for places).
fn is_medium(e: &super::types::Entity) -> bool {
    match e.label {
        Label::Org | Label::Misc => true,
        Label::Loc => {
            e.name.contains(' ')
                && GAZ
                    .phrases
                    .get(&phrase_key(&e.name, &GAZ.abbreviations))
                    .is_none_or(|g| g.label != Label::Loc)
        }
        _ => false,
    }
}

/// The medium named at token `k`.
fn medium_at(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<String> {
    let start = doc.tokens.get(k)?.start;
    entities.starting_at(start).map(|(e, _)| e).filter(|e| is_medium(e)).map(|e| e.name.clone())
}

/// Capitalised words from token `k` ("RIA Novosti") where no entity was found.
fn capitalised_run(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<String> {
    let start = doc.tokens.get(k)?.start;
    if entities.starting_at(start).is_some() || doc.info.get(k).is_some_and(|i| i.initial) {
        return None;
    }
    let mut e = k;
    while doc.cap(e) && doc.is_word(e) && e < k + 4 {
        e += 1;
    }
    (e > k).then(|| doc.span_text(k, e).to_string())
}

#[cfg(test)]
mod tests {
    use crate::extract::{Options, extract};

    fn sources(text: &str) -> Vec<String> {
        extract(text, &Options::default()).sources
    }

    /// Each text gives exactly these sources, in this order.
    fn expect_exactly(cases: &[(&str, &[&str])]) {
        for (text, want) in cases {
            assert_eq!(sources(text), want.iter().map(|w| w.to_string()).collect::<Vec<_>>(), "{text}");
        }
    }

    /// None of the texts gives a source.
    fn expect_none(texts: &[&str]) {
        for text in texts {
            let got = sources(text);
            assert!(got.is_empty(), "{got:?} in {text}");
        }
    }

    #[test]
    fn a_title_with_a_long_complement_or_an_acronym_before_the_name() {
        expect_exactly(&[
            (
                "Selon le président de la Fédération du commerce et de la distribution, Jacques Creyssel, les pertes sont lourdes.",
                &["Jacques Creyssel"],
            ),
            (
                "Selon le président de la Fédération du commerce et de la distribution (FCD) Jacques Creyssel, les pertes sont lourdes.",
                &["Jacques Creyssel"],
            ),
        ]);
        // A name after "de" is whom the title relates to.
        expect_none(&[
            "Selon le conseiller du ministre et de Jacques Creyssel, les pertes sont lourdes.",
            "Selon l'avocat de la famille et de Marie Durand, Paul Morel, la plainte est recevable.",
        ]);
    }

    #[test]
    fn french_source_cues() {
        let cases = [
            ("Selon la police, trois personnes ont été blessées lors de la manifestation.", "police"),
            ("D'après l'opposition, le texte sera rejeté au Sénat la semaine prochaine.", "opposition"),
            ("« Nous restons mobilisés », a déclaré Pierre Durand à l'AFP.", "AFP"),
            ("« Le texte est mauvais », a déclaré Marie Lambert sur France Inter.", "France Inter"),
            (
                "Selon le président du conseil du CERN, Michel Spiro, la découverte est majeure.",
                "Michel Spiro",
            ),
            ("Le ministre a répondu dans les colonnes du Times aux critiques des syndicats.", "Times"),
        ];
        for (text, want) in cases {
            let got = sources(text);
            assert!(got.iter().any(|s| s == want), "{want}: {got:?} in {text}");
        }
        let got = sources("Selon le président du conseil du CERN, Michel Spiro, la découverte est majeure.");
        assert!(!got.iter().any(|s| s == "CERN"), "{got:?}");
    }

    /// Press attributions to broadcasters, web sites and documents.
    #[test]
    fn media_and_documents_as_sources() {
        let cases: [(&str, &[&str]); 12] = [
            ("De l'opinion de Paul Lemaire, la réforme arrive trop tard.", &["Paul Lemaire"]),
            ("Une vidéo relayée par le site local Info Vallée montre les dégâts.", &["Info Vallée"]),
            (
                "« Nous irons jusqu'au bout », a affirmé Paul Martin au micro de France Inter.",
                &["France Inter"],
            ),
            ("Interrogée mardi sur RTL, la ministre a défendu son projet de loi.", &["RTL"]),
            ("Sur RMC/BFMTV, le député a dit qu'il voterait contre.", &["RMC", "BFMTV"]),
            ("« Il y a du mieux », a déclaré le maire sur franceinfo ce matin.", &["franceinfo"]),
            ("La circulation a repris vers midi, a constaté France Bleu.", &["France Bleu"]),
            ("Selon prix-carburants.fr, trente stations sont à sec.", &["prix-carburants.fr"]),
            (
                "La date a été confirmée dans un communiqué du ministère de la Culture.",
                &["ministère de la Culture"],
            ),
            (
                "Selon les premiers chiffres du ministère de l'Intérieur, ils étaient 8 000.",
                &["ministère de l'Intérieur"],
            ),
            ("Selon un décompte de l'AFP, trente blocages ont eu lieu.", &["AFP"]),
            ("La route a été coupée, selon notre correspondant Paul Lemaire, vers midi.", &["Paul Lemaire"]),
        ];
        for (text, want) in cases {
            let got = sources(text);
            for w in want {
                assert!(got.iter().any(|s| s == w), "{w}: {got:?} in {text}");
            }
            // The author alone, not the document's phrase ("chiffres du ministère …").
            assert!(
                got.iter().all(|s| !s.starts_with("chiffres")
                    && !s.contains("décompte")
                    && !s.starts_with("notre")),
                "{got:?}"
            );
        }
    }

    /// A title with its complement before the name, documents known by their author, and
    /// people joined by "et".
    #[test]
    fn titled_people_and_authored_documents() {
        let cases: [(&str, &[&str]); 13] = [
            (
                "Trente sites ont été évacués, selon le secrétaire d'État à l'Intérieur Paul Morel.",
                &["Paul Morel"],
            ),
            ("Selon la préfecture de police, 300 personnes étaient présentes.", &["préfecture de police"]),
            ("Le nombre de comptes a doublé, selon Facebook, en un an.", &["Facebook"]),
            (
                "La facture atteint deux millions, selon les chiffres communiqués par Jeanne Roux, maire de la ville.",
                &["Jeanne Roux"],
            ),
            (
                "Le dispositif coûte cher, selon les économistes Jeanne Roux et Paul Morel.",
                &["Jeanne Roux", "Paul Morel"],
            ),
            ("La France reste attractive, selon le baromètre BVA publié mardi.", &["BVA"]),
            (
                "Selon la déclaration du ministre de l'Intérieur, Paul Morel, le calme est revenu.",
                &["Paul Morel"],
            ),
            (
                "Selon un dernier bilan du ministre de l'Intérieur Paul Morel, on compte dix blessés.",
                &["Paul Morel"],
            ),
            ("Selon une récente enquête de l'Insee, les prix ont monté.", &["Insee"]),
            (
                "Les jouets sont dangereux, indique un communiqué du ministère de l'économie publié lundi.",
                &["ministère de l'économie"],
            ),
            (
                "Selon le ministère des affaires étrangères, trois ressortissants sont retenus.",
                &["ministère des affaires étrangères"],
            ),
            // A domain no list knows, or none, names no ministry.
            ("Selon le ministère de tutelle, le budget est tenu.", &[]),
            ("Selon le ministère, le budget est tenu.", &[]),
        ];
        expect_exactly(&cases);
        // A second person after "et" is no holder of the title; someone the title relates to
        // ("le conseiller de X") is not its holder either.
        expect_none(&[
            "Il était armé selon le procureur et Paul Morel « a voulu le neutraliser ».",
            "Le texte sera retiré, selon le conseiller de Paul Morel.",
            "On a écrit sur Twitter que le texte serait retiré.",
        ]);
    }

    /// The outlet that asked, the outlet or body named in what carries the words, each source
    /// once; ways of putting it and "selon laquelle" are no sources.
    #[test]
    fn outlets_behind_unnamed_carriers() {
        let cases: [(&str, &[&str]); 6] = [
            ("Interrogé par Libération, le politologue juge la réforme fragile.", &["Libération"]),
            ("Contactée par La Montagne, la mairie a refusé de répondre.", &["La Montagne"]),
            ("Dix blessés sont à déplorer, selon une source policière interrogée par l'AFP.", &["AFP"]),
            ("Selon un article du Courrier picard, le maire a démissionné.", &["Courrier picard"]),
            (
                "Selon Le Figaro, le texte sera retiré. « C'est fini », a confié le ministre au Figaro.",
                &["Le Figaro"],
            ),
            ("Selon notre sondage Odoxa, les Français approuvent.", &["Odoxa"]),
        ];
        expect_exactly(&cases);
        expect_none(&[
            "Il a rappelé la règle selon laquelle le Sénat a le dernier mot.",
            "C'est, selon la formule consacrée, « une ruse de l'histoire ».",
            "Contacté par la mairie, le propriétaire a refusé de vendre.",
        ]);
    }

    /// English outlets with their whole name.
    #[test]
    fn english_outlets_as_sources() {
        let cases = [
            ("\"We will not give up,\" he told BBC Radio 4's Today programme.", "BBC Radio 4"),
            ("Speaking on Sky News, the minister said the plan was fair.", "Sky News"),
            ("The company said in a statement to Reuters that it would appeal.", "Reuters"),
            ("He told the BBC News website that the fans deserved better.", "BBC News website"),
            (
                "According to US research firm Harvest Analytics a blog is created every second.",
                "Harvest Analytics",
            ),
            ("According to blog analysis firm Bloglens the number of blogs has doubled.", "Bloglens"),
            (
                "Figures from the Office for National Statistics show a rise in prices.",
                "Office for National Statistics",
            ),
            ("According to the BBC's Nick Robinson, the vote was close.", "Nick Robinson"),
            (
                "He pointed to the Institute for Fiscal Studies' predictions of a gap.",
                "Institute for Fiscal Studies",
            ),
        ];
        for (text, want) in cases {
            let got = sources(text);
            assert_eq!(got, vec![want.to_string()], "{text}");
        }
        // An outlet named as a receiver, with no speech verb before it, is no source.
        assert!(sources("The rights were sold to ITV for three years.").is_empty());
    }

    /// French press conventions: the outlet where words were written, the agency an article
    /// draws on, a communiqué's author, a federation known by its acronym; a title's body is
    /// no source, the person after the title is, closed by a colon or a participle.
    #[test]
    fn press_sources_in_french() {
        expect_exactly(&[
            ("«La ville dort», écrivait dans Le Monde le journaliste Paul Durand.", &["Le Monde"]),
            ("Le calme est revenu dans la soirée.\n(Avec AFP)", &["AFP"]),
            (
                "Invité du «Grand Débat» RTL-Le Figaro-LCI, dimanche, le ministre a déclaré que tout allait bien.",
                &["RTL", "Le Figaro", "LCI"],
            ),
            (
                "Sur le plateau de «Questions du soir» RMC/BFMTV, la députée a affirmé que le texte passerait.",
                &["RMC", "BFMTV"],
            ),
            (
                "Les jouets étaient non conformes, indique un communiqué du ministère de l'Agriculture.",
                &["ministère de l'Agriculture"],
            ),
            (
                "Les ventes ont doublé, selon le rapport annuel de la Fipad (Fédération des industries de la vente). Des chiffres records.",
                &["Fipad"],
            ),
            (
                "Un slogan mensonger selon le ministre des Affaires étrangères, Jean-Paul Marchal: la foule criait.",
                &["Jean-Paul Marchal"],
            ),
            (
                "La foule comptait 18.000 personnes, selon le préfet de police, Michel Dardenne interrogé par LCI.",
                &["Michel Dardenne", "LCI"],
            ),
        ]);
        expect_none(&["Les soldes ne rattraperont rien, selon le directeur général des Galeries Lumière."]);
    }

    /// A body named in full and by its acronym is one source, in full.
    #[test]
    fn acronym_and_full_name_are_one_source() {
        expect_exactly(&[(
            "Sales fell, according to figures from the British Widget Industry (BWI). The BWI also said prices rose, a BWI spokesman said.",
            &["British Widget Industry"],
        )]);
        assert!(super::is_acronym_of("FCD", "Fédération du commerce et de la distribution"));
        assert!(!super::is_acronym_of("PS", "Public Sénat"));
    }

    /// A spokesman's words come from the body (or person) they speak for, when named.
    #[test]
    fn spokesmen_cite_who_they_speak_for() {
        expect_exactly(&[
            ("A Home Office spokesman said the plan was fair.", &["Home Office"]),
            ("Tim Walker, spokesman for security firm Vireon, said the virus was new.", &["Vireon"]),
            ("A spokeswoman for Sony said sales were up.", &["Sony"]),
            ("Les vitrines ont été brisées, a indiqué une porte-parole de la SNCF.", &["SNCF"]),
        ]);
        expect_none(&["A spokesman for his father declined to comment."]);
    }

    /// English figures, studies and reports give the body behind them, reached past modifiers,
    /// a participle, a day and a description; unnamed authors and peoples give nothing.
    #[test]
    fn english_documents_give_their_author() {
        expect_exactly(&[
            (
                "Sales rose, according to new figures released on Monday by the Widget Trade Council.",
                &["Widget Trade Council"],
            ),
            (
                "Budgets will grow, according to a recent impact study by the country's Planning Bureau.",
                &["Planning Bureau"],
            ),
            ("Young voters are bored, according to a report by UK think-tank Civitas.", &["Civitas"]),
            ("According to figures gathered by industry watchdog, Ofcom, the growth goes on.", &["Ofcom"]),
            (
                "Prices fell by 3%, according to figures from the Office for National Statistics.",
                &["Office for National Statistics"],
            ),
            ("Growth slowed, according to state statistics body INSEE.", &["INSEE"]),
            ("Fewer people drive to work, the World Bank report said on Monday.", &["World Bank"]),
            ("A Widget Trade Council survey found that sales had dropped.", &["Widget Trade Council"]),
            (
                "The Parents Viewing Council (PVC) is angry. The PVC report said the shows were crude.",
                &["Parents Viewing Council"],
            ),
            (
                "Fewer lives would be lost. The findings are being published by the Royal Automobile Club as MPs vote.",
                &["Royal Automobile Club"],
            ),
            (
                "The research, carried out by transport expert professor John Allsop, says lives would be saved.",
                &["John Allsop"],
            ),
            ("Fares will rise next year, say the Liberal Democrats.", &["Liberal Democrats"]),
            (
                "Growth will slow, said the International Monetary Fund on Tuesday.",
                &["International Monetary Fund"],
            ),
            ("In an article for the Guardian newspaper, Ms Smith says the plan is wrong.", &["Guardian"]),
        ]);
        expect_none(&[
            "Shops cut prices by 24%, according to research from a City investment bank.",
            "Exports fell, according to official data.",
            "Aid fell, according to data provided by the Liberians.",
            // A place's figures name no author, nor a sponsor or a sentence's first word.
            "Exports fell, US figures showed.",
            "A Widget-sponsored survey found that sales had dropped.",
            "Future research found that the future is bright.",
            // Made by, but no document: a car, a person's reply.
            "The car was produced by hand in a small shed near Leeds.",
            "\"We will win,\" said the Liberal Democrats on Monday.",
        ]);
    }

    /// Social networks, video links, a rostrum and an unnamed official are no sources.
    #[test]
    fn places_of_speech_that_are_no_source() {
        for text in [
            "« Rien ne change », a-t-il écrit sur Twitter dimanche soir.",
            "« Nous resterons là » - Regarder sur Figaro Live",
            "« Le pays est uni », a déclaré le Premier ministre à la tribune du Sénat.",
            "Selon le ministre de l'Intérieur, les chiffres sont stables depuis un an.",
            "He said CCTV footage showed the start of the fight.",
            "According to Mr Smith's lawyer, the fine will be paid.",
            "Le match sera diffusé sur France 2 samedi soir.",
        ] {
            let got = sources(text);
            assert!(got.is_empty(), "{got:?} in {text}");
        }
    }
}
