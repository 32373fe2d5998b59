//! The statistical tagger as a `Recognizer`: tags the document's own tokens sentence by sentence
//! with the embedded model for its language and proposes PER/ORG/LOC/MISC spans (origin `Model`).
//! The spans are cleaned by general rules (see `clean`) before they meet the rule candidates.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

use super::doc::Doc;
use super::gazetteer::{GAZ, NAME_SMALL_WORDS, phrase_key};
use super::recognize::{Analysis, Recognizer};
use super::roles::{PARTICLES, is_honorific};
use super::tagger::{EntityLabel, Model, tags_to_spans};
use super::types::{Candidate, Label, Lang, Origin};
use super::util::starts_upper;

/// Score of a model span: above the capitalisation guesses of the rules (0.3–0.45), below
/// gazetteer and cue rules (0.75–0.95). See `Candidate::score`.
pub const MODEL_SCORE: f32 = 0.6;

static FR_BYTES: &[u8] = include_bytes!("../../assets/models/fr.model");
static EN_BYTES: &[u8] = include_bytes!("../../assets/models/en.model");
static FR: LazyLock<Option<Model>> = LazyLock::new(|| Model::from_bytes(FR_BYTES).ok());
static EN: LazyLock<Option<Model>> = LazyLock::new(|| Model::from_bytes(EN_BYTES).ok());

/// The model file embedded for a language (English for other languages).
pub fn embedded_model_bytes(lang: Lang) -> &'static [u8] {
    match lang {
        Lang::Fr => FR_BYTES,
        Lang::En | Lang::Other => EN_BYTES,
    }
}

/// The embedded model for a language (loaded on first use; English for other languages).
pub fn model_for(lang: Lang) -> Option<&'static Model> {
    match lang {
        Lang::Fr => FR.as_ref(),
        Lang::En | Lang::Other => EN.as_ref(),
    }
}

/// The caller features a new model for `lang` is trained with (`byline train`): French gets
/// the gazetteers' word features (`gazetteer::token_features`); English models stay without,
/// as CoNLL-2003 scores were measured.
pub fn tagger_token_features(lang: &str) -> Option<super::tagger::TokenFeatures> {
    (lang == "fr").then_some(super::gazetteer::token_features as super::tagger::TokenFeatures)
}

/// Proposes the tagger's spans, cleaned by `clean`.
pub struct ModelRecognizer;

/// The tagger's spans exactly as predicted (for comparison in evaluation).
pub struct RawModelRecognizer;

impl Recognizer for ModelRecognizer {
    fn recognize(&self, an: &Analysis, out: &mut Vec<Candidate>) {
        let mut parts = Vec::new();
        // Token spans proposed here, for the surnames said alone (see `lone_surnames`).
        let mut proposed: Vec<(usize, usize, Label)> = Vec::new();
        let rubric = super::recognize::rubric_mask(&an.doc);
        let things = super::recognize::acronyms_of_things(&an.doc);
        for (a, b, label) in model_spans(&an.doc) {
            // Section labels ("VIDÉO - …") are no names; fixtures ("PSG-OM") are two clubs,
            // which the rules give.
            if rubric.get(a..b).is_some_and(|r| r.iter().any(|&x| x))
                || (a..b).any(|k| super::recognize::fixture_at(&an.doc, k).is_some())
            {
                continue;
            }
            let b = end_before_break(&an.doc, a, b);
            // Bodies joined by hyphens: before `split` cuts "Europe 1-Le Parisien" at "Parisien".
            // Where the tagger reads a work (a programme: "le Grand Jury RTL-Le Figaro-LCI"),
            // the media name it.
            if let Some(bodies) = joined_organisations(&an.doc, a, b).filter(|_| label != Label::Misc) {
                push_organisations(&bodies, out);
                continue;
            }
            parts.clear();
            // A name a title introduces is a person of its own: "du site de Jababeka David
            // Quentin" → "Jababeka" | "David Quentin".
            // French only: English capitalises titles ("Major League Baseball", "Singer World
            // Series"), where the tagger's longer span is the better reading.
            let inner = an
                .roles
                .iter()
                .filter(|r| an.doc.lang == Lang::Fr && !an.doc.cap(r.role_tokens.start))
                .map(|r| &r.name)
                .find(|r| a <= r.start && r.end <= b && (a, b) != (r.start, r.end));
            if let Some(r) = inner {
                if a < r.start {
                    let before = if label == Label::Per { Label::Loc } else { label };
                    split(&an.doc, a, r.start, before, &mut parts);
                }
                parts.push((r.start, r.end, Label::Per));
                if r.end < b {
                    split(&an.doc, r.end, b, label, &mut parts);
                }
            } else {
                split(&an.doc, a, b, label, &mut parts);
            }
            for &(a, b, label) in &parts {
                let Some((a, b, mut label)) = clean(an, a, b, label) else { continue };
                if let Some(bodies) = joined_organisations(&an.doc, a, b).filter(|_| label != Label::Misc) {
                    push_organisations(&bodies, out);
                    continue;
                }
                if let Some((start, end)) = an.doc.byte_span(a, b) {
                    // "l'ACTA" where the text says "le traité ACTA": the thing, not a body.
                    if b == a + 1 && things.contains(an.doc.tok(a)) {
                        label = Label::Misc;
                    }
                    out.push(Candidate { start, end, label, origin: Origin::Model, score: MODEL_SCORE });
                    proposed.push((a, b, label));
                }
            }
        }
        for k in lone_surnames(an, &proposed) {
            if let Some((start, end)) = an.doc.byte_span(k, k + 1) {
                out.push(Candidate {
                    start,
                    end,
                    label: Label::Per,
                    origin: Origin::Model,
                    score: MODEL_SCORE,
                });
            }
        }
    }

    fn tags_every_token(&self) -> bool {
        true
    }
}

impl Recognizer for RawModelRecognizer {
    fn recognize(&self, an: &Analysis, out: &mut Vec<Candidate>) {
        for (a, b, label) in model_spans(&an.doc) {
            if let Some((start, end)) = an.doc.byte_span(a, b) {
                out.push(Candidate { start, end, label, origin: Origin::Model, score: MODEL_SCORE });
            }
        }
    }

    fn tags_every_token(&self) -> bool {
        true
    }
}

/// A name ends at a line break or a dash standing alone: "les Champs-Élysées - Regarder sur
/// Figaro Live" is a caption after the name, "Figaro Live⏎Les…" a new paragraph.
fn end_before_break(doc: &Doc, a: usize, b: usize) -> usize {
    (a + 1..b).find(|&i| doc.newline_before(i) || matches!(doc.tok(i), "-" | "–" | "—")).unwrap_or(b)
}

fn label_of(l: EntityLabel) -> Label {
    match l {
        EntityLabel::Per => Label::Per,
        EntityLabel::Loc => Label::Loc,
        EntityLabel::Org => Label::Org,
        EntityLabel::Misc => Label::Misc,
    }
}

/// The model was trained on CoNLL-style text: straight quotes and apostrophes, no soft hyphens.
fn normalise(tok: &str) -> Cow<'_, str> {
    match tok {
        "«" | "»" | "“" | "”" | "„" => return Cow::Borrowed("\""),
        "‘" => return Cow::Borrowed("'"),
        _ => {}
    }
    if tok.contains(['’', '\u{00AD}']) {
        Cow::Owned(
            tok.chars().filter(|&c| c != '\u{00AD}').map(|c| if c == '’' { '\'' } else { c }).collect(),
        )
    } else {
        Cow::Borrowed(tok)
    }
}

/// Model spans in document token indices.
fn model_spans(doc: &Doc) -> Vec<(usize, usize, Label)> {
    let Some(model) = model_for(doc.lang) else {
        return Vec::new();
    };
    let words: Vec<Cow<str>> = (0..doc.len()).map(|k| normalise(doc.tok(k))).collect();
    let refs: Vec<&str> = words.iter().map(|w| w.as_ref()).collect();
    let sents: Vec<(usize, &[&str])> =
        doc.sentences.iter().filter_map(|r| Some((r.start, refs.get(r.clone())?))).collect();
    let slices: Vec<&[&str]> = sents.iter().map(|s| s.1).collect();
    let tags = if model.info().token_features {
        let extra: Vec<Vec<Vec<&str>>> = slices.iter().map(|s| super::gazetteer::token_features(s)).collect();
        model.tag_document_with(&slices, &extra)
    } else {
        model.tag_document(&slices)
    };
    let mut out = Vec::new();
    for ((offset, _), t) in sents.iter().zip(&tags) {
        for (a, b, l) in tags_to_spans(t) {
            out.push((offset + a, offset + b, label_of(l)));
        }
    }
    out
}

/// General corrections of the tagger's known errors. Returns the trimmed span or None.
fn clean(an: &Analysis, mut a: usize, mut b: usize, label: Label) -> Option<(usize, usize, Label)> {
    let doc = &an.doc;
    let in_date = |k: usize| an.in_date.get(k).copied().unwrap_or(false);
    let in_role = |k: usize| an.in_role.get(k).copied().unwrap_or(false);
    // Capitalised words of a role phrase ("ministre de la Sécurité") are not names; a name in
    // it is ("maire de New York", "président de l'Autorité palestinienne").
    // ("Refugee Council Chief Executive X": an English body's name ends on its head word and
    // stays, even when its first word is written in lowercase elsewhere.)
    let english_body = doc.lang == Lang::En
        && (a..b).filter(|&k| doc.cap(k)).count() >= 2
        && GAZ.org_head.contains(doc.folded(b.saturating_sub(1)));
    if (a..b).all(in_role)
        && !english_body
        && (a..b).all(|k| {
            let f = doc.folded(k);
            !doc.cap(k) || GAZ.not_entities.contains(f) || doc.lower_seen.contains(f) || GAZ.is_stop(f)
        })
    {
        return None;
    }
    // Date words and stray quotes or commas at the edges are not part of the name.
    let edge = |k: usize| {
        in_date(k) || matches!(doc.tok(k), "\"" | "«" | "»" | "“" | "”" | "," | ";" | ":" | "'" | "?")
    };
    let cut_date = in_date(a) || in_date(b.saturating_sub(1));
    while a < b && edge(a) {
        a += 1;
    }
    while b > a && edge(b - 1) {
        b -= 1;
    }
    // A name does not end on a lower-case function word: "la Bastille et [Mai 68]" once the
    // date is cut off.
    let connector =
        |k: usize| !doc.cap(k) && matches!(doc.folded(k), "et" | "ou" | "and" | "or" | "de" | "of");
    while b > a + 1 && connector(b - 1) {
        b -= 1;
    }
    if cut_date {
        // "[Mai 68] par Maurice Tournier": nor begin on one once a date is cut off before it
        // ("de Gaulle" otherwise keeps its "de"); "la bataille de [Mai 68]" leaves no name.
        while a + 1 < b && (connector(a) || doc.folded(a) == "par" || doc.folded(a) == "by") {
            a += 1;
        }
        if !(a..b).any(|k| doc.cap(k)) {
            return None;
        }
    }
    // "D'après Le Parisien, l'homme serait": a comma followed by a lower-case word ends the
    // name (names with a comma go on with a capital: "Rennes, Bretagne" is two anyway).
    if let Some(c) =
        (a + 1..b).find(|&k| doc.tok(k) == "," && (!doc.cap(k + 1) || doc.elision(k + 1).is_some()))
    {
        b = c;
    }
    // "the Labour MP", "the former Glasgow Kelvin MP": a member of a parliament is a title, not
    // part of the party or seat before it; alone it names no one.
    let label = if b > a && is_member_acronym(doc.tok(b - 1)) {
        while b > a && is_member_acronym(doc.tok(b - 1)) {
            b -= 1;
        }
        if a >= b {
            return None;
        }
        party_or_seat(doc, a, b, label)
    } else {
        label
    };
    // Titles and honorifics stay out of person spans ("M. Dupont", "président Macron"), and a
    // person's name starts with a capital ("2 Gilles Jacquier", "de Michelin").
    if label == Label::Per {
        while a + 1 < b
            && (in_role(a)
                || is_honorific(doc, a)
                || GAZ.is_title_word(doc.folded(a))
                || !(doc.cap(a) || PARTICLES.contains(&doc.folded(a))))
        {
            a += 1;
        }
        if !(doc.cap(a) || PARTICLES.contains(&doc.folded(a))) {
            return None;
        }
    }
    // "Chez Soprelec, on …", "Selon Reuters": a preposition opening the sentence is no part of
    // the name that follows it (a listed name keeps its first word: "En Marche").
    if b > a + 1
        && doc.info.get(a).is_some_and(|t| t.initial)
        && SENTENCE_OPENERS.contains(&doc.folded(a))
        && doc.cap(a + 1)
        && !GAZ.phrases.contains_key(&span_key(doc, a, b))
    {
        a += 1;
    }
    // "L'Italie", "Le BEA" at the start of a sentence: the article is not part of a listed name.
    if b > a + 1
        && doc.info.get(a).is_some_and(|t| t.initial)
        && doc.is_determiner(a)
        && !GAZ.phrases.contains_key(&span_key(doc, a, b))
        && (GAZ.phrases.contains_key(&span_key(doc, a + 1, b))
            || GAZ.acronyms.contains_key(doc.tok(a + 1))
            // "Le FC Séville", "La Banque postale": an acronym or a body's head word opens the
            // name, the article before it is the sentence's.
            || is_caps_word(doc.tok(a + 1))
            || GAZ.org_head.contains(doc.folded(a + 1)))
    {
        a += 1;
    }
    // "l'État du New Jersey" names the state "New Jersey"; "secrétaire d'État chargée de
    // l'Égalité", "d'État aux Affaires" are the end of a role, no name at all.
    if doc.lang == Lang::Fr && b > a + 1 && matches!(doc.folded(a), "etat" | "etats") {
        match state_word_end(doc, a, b) {
            Some(name) => a = name,
            None if matches!(doc.folded(a + 1), "charge" | "chargee" | "aux" | "au" | "a") => return None,
            // "l'État français", "le chef de l'État russe": the common noun and its adjective
            // ("État islamique" is listed).
            None if b == a + 2 && !doc.cap(a + 1) && listed_label(doc, a, b).is_none() => return None,
            None => {}
        }
    }
    // A cue word or article the tagger took into the name: "revue Nature" → "Nature", "la
    // province de Luxembourg" → "Luxembourg"; natural features keep theirs ("lac Michigan").
    let mut after_cue = false;
    // "l'ONG Greenpeace": a cue noun written as an acronym is no part of the name either.
    let acronym_cue = |k: usize| GAZ.common_acronyms.contains(doc.tok(k)) && is_cue(doc.folded(k));
    while b > a + 1 && (!doc.cap(a) || acronym_cue(a)) && !listed_as_written(doc, a, b) {
        let f = doc.folded(a);
        // "l'agence américaine Moody's": a nationality adjective is no part of the name either.
        if doc.is_determiner(a)
            || is_cue(f)
            || GAZ.demonyms.contains_key(f)
            || after_cue && matches!(f, "de" | "d'" | "international" | "internationale")
        {
            after_cue |= is_cue(f);
            a += 1;
        } else {
            break;
        }
    }
    if b > a + 1 && is_connector(doc.folded(b - 1)) {
        b = name_after_connector(doc, a, b);
    }
    // Nationality words: "les Britanniques" are people, not a place.
    let mut label = label;
    if doc.lang == Lang::Fr {
        label = match cue_before(doc, a) {
            // "le film Skyfall", "la fusée Falcon 9", "le boson de Higgs": not a person, place or
            // organisation (MISC keeps the words from the other recognizers).
            Some(Cue::Work) => Label::Misc,
            // "le groupe Ansar Eddine", "le magazine Télérama"; a person named in full after
            // "du groupe" stays a person.
            Some(Cue::Org)
                if !(label == Label::Per && b > a + 1 && GAZ.first_names.contains(doc.folded(a))) =>
            {
                Label::Org
            }
            Some(Cue::Loc) if label != Label::Org => Label::Loc,
            _ => label,
        };
        // "aux éditions du Seuil", "(éd. du Cerf, 2017)": a publishing house.
        if publisher_before(doc, a) {
            label = Label::Org;
        }
        // "le général de Gaulle", "le maréchal de Lattre": after a rank, "de" opens a surname.
        if let Some(particle) = particle_after_rank(doc, a) {
            a = particle;
            label = Label::Per;
        }
        // "le fondateur de Doctissimo", "la Fage, syndicat majoritaire": what the context says
        // of an unlisted name.
        if matches!(label, Label::Loc | Label::Per)
            && !GAZ.phrases.contains_key(&span_key(doc, a, b))
            && !GAZ.first_names.contains(doc.folded(a))
            && (label == Label::Loc && member_of_before(doc, a) || organisation_apposition(doc, a, b))
        {
            label = Label::Org;
        }
        // "Langon (Gironde)", "Joigny (89)": the press names a town with its département in
        // brackets; a person so named comes with a given name ("Ingrid Dupont (Eure)").
        if label == Label::Per
            && b == a + 1
            && !GAZ.first_names.contains(doc.folded(a))
            && department_after(doc, b)
        {
            label = Label::Loc;
        }
        // "l'affaire Benalla": French names an affair after the person at its heart; a place
        // comes with "de" ("l'affaire de Tarnac"), a firm is listed or read as one.
        if label == Label::Loc
            && b == a + 1
            && doc.folded(a.wrapping_sub(1)) == "affaire"
            && listed_label(doc, a, b).is_none()
        {
            label = Label::Per;
        }
        // "Veltrix a racheté son concurrent": what only a firm does.
        if matches!(label, Label::Per | Label::Loc | Label::Misc)
            && super::recognize::company_subject(doc, a, b)
        {
            label = Label::Org;
        }
        // A title in guillemets (« Skyfall ») is a work, unless the lists know the name.
        if matches!(doc.tok(a.wrapping_sub(1)), "«" | "“")
            && matches!(doc.tok(b), "»" | "”")
            && !GAZ.phrases.contains_key(&span_key(doc, a, b))
        {
            label = Label::Misc;
        }
    }
    // A name ending in a company word is no person ("Dana Air", "Warner Bros", "Acme Corp").
    if label == Label::Per && b > a + 1 && GAZ.org_suffix.contains(doc.folded(b - 1)) {
        label = Label::Org;
    }
    // "Brick Lane", "Abbey Road": a name ending in a street word is a street, unless a given
    // name opens it ("Nathan Lane").
    if label == Label::Per
        && b > a + 1
        && doc.cap(b - 1)
        && STREET_ENDS.contains(&doc.folded(b - 1))
        && !GAZ.first_names.contains(doc.folded(a))
        && !person_apposition_after(doc, b)
    {
        label = Label::Loc;
    }
    // "the MP for Hornsey and Wood Green": the words after "MP for" name the seat he holds.
    if doc.lang == Lang::En
        && let Some(end) = seat_after_member(doc, a, b)
    {
        b = end;
        label = Label::Loc;
    }
    // "the Brit Awards", "the London Marathon", "the Davis Cup": an English name ending in an
    // event word is an event, not a body, person or place.
    if doc.lang == Lang::En && b > a + 1 && EVENT_ENDS.contains(&doc.folded(b - 1)) {
        label = Label::Misc;
    }
    // "CGT-Cheminots", "FO-Police": a listed organisation's acronym joined to a word is a
    // branch of it.
    if b == a + 1 && label != Label::Org && branch_of_listed_acronym(doc.tok(a)) {
        label = Label::Org;
    }
    // A name that opens with a listed organisation is that organisation or a branch of it
    // ("Vinci Autoroutes", "Samsung Electronics", "France Bleu Provence"), not a person or place.
    if matches!(label, Label::Per | Label::Loc)
        && b > a + 1
        && listed_prefix(doc, a, b).map(|p| p.1) == Some(Label::Org)
    {
        label = Label::Org;
    }
    if b == a + 1 && label == Label::Loc && GAZ.demonyms.contains_key(doc.folded(a)) {
        label = Label::Misc;
    }
    // "les Tibétains", "six Étrusques": a people (plural of a nationality noun), not a place.
    if b == a + 1 && doc.lang == Lang::Fr && is_people_plural(doc, a) {
        label = Label::Misc;
    }
    if a >= b || (a..b).any(in_date) {
        return None;
    }
    // French: a run of capitalised words all written in lowercase elsewhere in the text ("un
    // Accord de Coopération militaire") is emphasis, unless a cue word heads it ("Banque
    // mondiale") or the gazetteer lists it. One capital plus lowercase words ("Empire ottoman")
    // is the French way to write a name and stays.
    if doc.lang == Lang::Fr
        && (a..b).filter(|&k| doc.cap(k)).count() >= 2
        && (a..b).all(|k| !doc.cap(k) || doc.lower_seen.contains(doc.folded(k)))
        && !GAZ.org_head.contains(doc.folded(a))
        && !GAZ.loc_head.contains(doc.folded(a))
        && !GAZ.phrases.contains_key(&span_key(doc, a, b))
    {
        return None;
    }
    // A phrase ending in a title word is a role, not a name: "Trade and Industry Secretary",
    // "Defence Minister", "Premier Ministre" (unless the gazetteer lists it); after a given
    // name alone it is a surname ("Marion Maréchal", "Carole King").
    // ("Mary Queen of Scots": a title with its complement is one.)
    // ("The Victoria Premier": a given name that is also a place opens a title there.)
    let given_then_surname = b == a + 2
        && GAZ.first_names.contains(doc.folded(a))
        && GAZ.phrases.get(doc.folded(a)).is_none_or(|g| g.label != Label::Loc)
        && !matches!(doc.folded(b), "of" | "de" | "du" | "des" | "d'");
    if b > a + 1
        && !given_then_surname
        && GAZ.is_title_word(doc.folded(b - 1))
        && !doc.info.get(b - 1).is_some_and(|t| t.upper)
        && !GAZ.phrases.contains_key(&span_key(doc, a, b))
    {
        return None;
    }
    // A lone capitalised common noun ("coup d'Etat", "la Sécurité"), month or title word, or
    // a French common noun written as an acronym ("NDLR", "PIB").
    if b == a + 1 {
        let f = doc.folded(a);
        if GAZ.not_entities.contains(f)
            || doc.lang == Lang::Fr && GAZ.common_acronyms.contains(doc.tok(a))
            || GAZ.months.contains_key(f)
            || GAZ.days.contains_key(f)
            || (GAZ.is_title_word(f) && !doc.info.get(a).is_some_and(|t| t.upper))
            || GAZ.is_stop(f)
        {
            return None;
        }
    }
    Some((a, b, label))
}

/// A capitalised plural with a nationality ending after "les", "des" or a number, not a listed
/// place ("les Pays-Bas", "les Comores" are).
fn is_people_plural(doc: &Doc, a: usize) -> bool {
    const ENDINGS: [&str; 10] = ["ains", "ais", "ois", "iens", "eens", "ites", "ques", "ins", "ards", "ols"];
    let f = doc.folded(a);
    let before = doc.folded(a.wrapping_sub(1));
    doc.cap(a)
        && ENDINGS.iter().any(|e| f.len() > e.len() + 2 && f.ends_with(e))
        && !GAZ.phrases.contains_key(f)
        && (matches!(before, "les" | "des" | "aux" | "ces")
            || before.starts_with(|c: char| c.is_ascii_digit()))
}

/// The label of a listed name that is exactly span a..b.
fn listed_label(doc: &Doc, a: usize, b: usize) -> Option<Label> {
    if b == a + 1
        && let Some(e) = GAZ.acronyms.get(doc.tok(a))
    {
        return Some(e.label);
    }
    GAZ.phrases.get(&span_key(doc, a, b)).map(|e| e.label)
}

/// Span a..b as two listed names joined by "and"/"et", each with its own label.
fn two_listed_names(doc: &Doc, a: usize, b: usize) -> Option<[(usize, usize, Label); 2]> {
    if listed_label(doc, a, b).is_some() {
        return None;
    }
    (a + 1..b.saturating_sub(1))
        .filter(|&j| matches!(doc.folded(j), "and" | "et"))
        .find_map(|j| Some([(a, j, listed_label(doc, a, j)?), (j + 1, b, listed_label(doc, j + 1, b)?)]))
}

/// The acronyms of a member of a parliament or assembly, singular and plural (MP, MEP, MSP).
fn is_member_acronym(t: &str) -> bool {
    matches!(t, "MP" | "MPs" | "MEP" | "MEPs" | "MSP" | "MSPs")
}

/// What a name before "MP" is: a party ("Labour", "Conservative MPs"), the member himself
/// ("Keith Vaz MP", a given name first) or else the seat he holds ("Glasgow Kelvin MP").
fn party_or_seat(doc: &Doc, a: usize, b: usize, label: Label) -> Label {
    let listed = listed_label(doc, a, b);
    if listed == Some(Label::Org) || b == a + 1 && PARTY_ADJECTIVES.contains(&doc.folded(a)) {
        Label::Org
    } else if label == Label::Per && GAZ.first_names.contains(doc.folded(a)) {
        Label::Per
    } else if (a..b).any(|j| PARTY_WORDS.contains(&doc.folded(j))) {
        // "Scottish Labour MPs"
        Label::Org
    } else if b == a + 1 && listed != Some(Label::Loc) {
        // "the Independent MP", "the Respect MP": one unknown word is neither seat nor body.
        Label::Misc
    } else {
        Label::Loc
    }
}

/// Words that make a name before "MP" a party ("Scottish Labour", "Ulster Unionist").
const PARTY_WORDS: [&str; 7] =
    ["labour", "tory", "tories", "conservative", "unionist", "nationalist", "democrat"];

/// A French département in brackets at token `k`: its number ("(89)", "(2A)") or its name
/// ("(Gironde)", "(Seine-et-Marne)", "(Var)").
fn department_after(doc: &Doc, k: usize) -> bool {
    if doc.tok(k) != "(" {
        return false;
    }
    let Some(close) = (k + 2..k + 6).find(|&i| doc.tok(i) == ")") else { return false };
    let inside = span_key(doc, k + 1, close);
    let number = close == k + 2
        && (matches!(inside.as_str(), "2a" | "2b")
            || (2..=3).contains(&inside.len()) && inside.chars().all(|c| c.is_ascii_digit()));
    // Several bracketed numbers in one sentence are scores or poll figures ("Giroud (23),
    // Mbappé (67)"), not départements.
    number && bracketed_numbers_in_sentence(doc, k) == 1
        || SHORT_DEPARTMENTS.contains(&inside.as_str())
        || GAZ.phrases.get(&inside).is_some_and(|e| e.label == Label::Loc)
}

/// How many "(number)" the sentence of token `k` holds.
fn bracketed_numbers_in_sentence(doc: &Doc, k: usize) -> usize {
    let Some(range) = doc.sent_of.get(k).and_then(|&i| doc.sentences.get(i)) else { return 0 };
    range
        .clone()
        .filter(|&j| {
            doc.tok(j) == "("
                && doc.tok(j + 2) == ")"
                && doc.tok(j + 1).starts_with(|c: char| c.is_ascii_digit())
        })
        .count()
}

/// Départements whose names are also common words, left out of `regions.txt` (folded).
const SHORT_DEPARTMENTS: [&str; 5] = ["ain", "aube", "cher", "lot", "var"];

/// The last word of the name of an English event: a contest, prize or festival (folded).
const EVENT_ENDS: [&str; 13] = [
    "award",
    "awards",
    "cup",
    "championship",
    "championships",
    "open",
    "trophy",
    "prize",
    "prix",
    "olympics",
    "marathon",
    "festival",
    "classic",
];

/// ", a nurse", ", who", ", aged 34", ", 34,": what follows a person's name, not a street's.
fn person_apposition_after(doc: &Doc, b: usize) -> bool {
    doc.tok(b) == ","
        && (matches!(doc.folded(b + 1), "a" | "an" | "who" | "aged")
            || doc.tok(b + 1).chars().all(|c| c.is_ascii_digit()) && doc.tok(b + 2) == ",")
}

/// The last word of an English street's name (folded).
const STREET_ENDS: [&str; 8] =
    ["street", "road", "avenue", "lane", "square", "terrace", "crescent", "boulevard"];

/// The end of a seat's name that starts at `a`, right after "MP for": the span, and a second
/// capitalised part after "and" ("Grantham and Stamford") unless that part is a listed name
/// ("… and Plaid Cymru's leader").
fn seat_after_member(doc: &Doc, a: usize, b: usize) -> Option<usize> {
    let member = a.checked_sub(2).filter(|&m| is_member_acronym(doc.tok(m)))?;
    if doc.folded(member + 1) != "for" {
        return None;
    }
    // The tagger's span itself may run into the member's name ("Stamford Derek"): cut there.
    let b = (a + 1..b).find(|&j| doc.cap(j) && GAZ.first_names.contains(doc.folded(j))).unwrap_or(b);
    let second = b + 1;
    if doc.folded(b) != "and" || !doc.cap(second) || doc.newline_before(second) {
        return Some(b);
    }
    // At most two words, and not into the member's own name ("… and Sheppey Derek Wyatt").
    let mut end = second;
    while doc.cap(end)
        && doc.is_word(end)
        && !doc.newline_before(end)
        && end < second + 2
        && !(end > second && GAZ.first_names.contains(doc.folded(end)))
    {
        end += 1;
    }
    Some(if GAZ.phrases.contains_key(&span_key(doc, second, end)) { b } else { end })
}

/// Adjectives British and Irish news use alone for a party's members ("a Conservative MP").
const PARTY_ADJECTIVES: [&str; 5] = ["conservative", "unionist", "nationalist", "liberal", "green"];

/// de, du, des, d', la, l': words that join the parts of a name but never end it.
fn is_connector(folded: &str) -> bool {
    matches!(folded, "de" | "du" | "des" | "d'" | "la" | "l'")
}

/// A span the tagger ended on "de"/"des" ("Conseil national des", "Institut national de"): the
/// name goes on with the lower-case noun after it and its adjectives ("… des barreaux", "… de la
/// statistique"); without such a noun the connectors are dropped. Returns the new end.
fn name_after_connector(doc: &Doc, a: usize, b: usize) -> usize {
    let mut j = b;
    while is_connector(doc.folded(j)) && !doc.cap(j) && !doc.newline_before(j) && j < b + 2 {
        j += 1;
    }
    let noun = doc.is_word(j) && !doc.cap(j) && !doc.newline_before(j) && !GAZ.is_stop(doc.folded(j));
    if !noun {
        let mut end = b;
        while end > a + 1 && is_connector(doc.folded(end - 1)) {
            end -= 1;
        }
        return end;
    }
    let mut end = j + 1;
    while !doc.cap(end) && !doc.newline_before(end) && GAZ.institution_word.contains(doc.folded(end)) {
        end += 1;
    }
    end
}

/// Nouns of administrative areas, of the State's seats and of airports named by their town or
/// patron, left out of a place's name ("la ville de Gao", "la préfecture de Lille", "l'aéroport
/// international Kotoka").
const AREA_NOUNS: [&str; 17] = [
    "aeroport",
    "prefecture",
    "sous-prefecture",
    "ville",
    "village",
    "region",
    "province",
    "departement",
    "commune",
    "quartier",
    "capitale",
    "localite",
    "comte",
    "canton",
    "arrondissement",
    "district",
    "municipalite",
];

fn is_cue(f: &str) -> bool {
    GAZ.org_before.contains(f) || AREA_NOUNS.contains(&f) || GAZ.work_before.contains(f)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Org,
    Loc,
    Work,
}

/// The common noun that introduces the name at token a, looking back over up to two adjectives
/// ("le groupe islamiste Ansar Eddine", "la fusée américaine Falcon 9", "la ville de Gao",
/// "le boson de Higgs").
fn cue_before(doc: &Doc, a: usize) -> Option<Cue> {
    let mut q = a;
    let mut after_de = false;
    for step in 0..4 {
        q = q.checked_sub(1)?;
        let f = doc.folded(q);
        if doc.cap(q) || !doc.is_word(q) {
            return None;
        }
        if after_de {
            // Only places and eponyms take "de": "le film de Spielberg" names the director.
            return if GAZ.loc_before.contains(f) {
                Some(Cue::Loc)
            } else if GAZ.eponym_before.contains(f) {
                Some(Cue::Work)
            } else {
                None
            };
        }
        if GAZ.work_before.contains(f) {
            return Some(Cue::Work);
        }
        if GAZ.org_before.contains(f) {
            return Some(Cue::Org);
        }
        if GAZ.loc_before.contains(f) {
            return Some(Cue::Loc);
        }
        if step == 0 && matches!(f, "de" | "d'") {
            after_de = true;
            continue;
        }
        if step >= 2 || GAZ.is_stop(f) || GAZ.is_speech_verb(f) || GAZ.titles.contains(f) {
            return None;
        }
    }
    None
}

/// Where the name starts after "État de/du/d'" opening span a..b ("État du New Jersey" →
/// "New Jersey"), when a capitalised word follows the preposition.
fn state_word_end(doc: &Doc, a: usize, b: usize) -> Option<usize> {
    let name = a + 2;
    (name < b && matches!(doc.folded(a + 1), "de" | "du" | "d'") && doc.cap(name)).then_some(name)
}

/// The "de" before token a when a military or church rank precedes it ("le général de
/// Gaulle", "l'abbé de Lamennais"): these ranks take a surname, never a place or a body.
fn particle_after_rank(doc: &Doc, a: usize) -> Option<usize> {
    // Not "lieutenant" or "capitaine": "les lieutenants de Marine Le Pen" serve someone.
    const RANKS: [&str; 6] = ["general", "marechal", "amiral", "colonel", "abbe", "cardinal"];
    let particle = a.checked_sub(1)?;
    let rank = particle.checked_sub(1)?;
    // "délégué général de Procos", "secrétaire général de l'ONU": after a title, "général"
    // qualifies it and "de" opens the body it heads.
    let qualifies_title =
        rank.checked_sub(1).is_some_and(|t| !doc.cap(t) && GAZ.titles.contains(doc.folded(t)));
    let is_rank = RANKS.contains(&doc.folded(rank)) && !doc.cap(rank) && !qualifies_title;
    // An acronym or a listed name after the rank is its army or party ("le général de l'OTAN").
    let surname =
        doc.cap(a) && !doc.info.get(a).is_some_and(|t| t.upper) && !GAZ.phrase_heads.contains(doc.folded(a));
    (doc.tok(particle) == "de" && is_rank && surname).then_some(particle)
}

fn push_organisations(bodies: &[(usize, usize)], out: &mut Vec<Candidate>) {
    for &(start, end) in bodies {
        out.push(Candidate { start, end, label: Label::Org, origin: Origin::Model, score: MODEL_SCORE });
    }
}

/// French text names a person in full once, then by the surname alone, which the tagger misses
/// where a sentence or a quotation opens with it ("«Macron veut…", "a interrogé Kanner."). The
/// tokens, outside every proposed span, that repeat the last word of a person named with a
/// listed given name: capitalised, never written in lower case in the text, not listed as
/// another name, not naming a thing after the person, and not next to another capitalised word
/// (a different person or a longer name).
fn lone_surnames(an: &Analysis, proposed: &[(usize, usize, Label)]) -> Vec<usize> {
    let doc = &an.doc;
    if doc.lang != Lang::Fr {
        return Vec::new();
    }
    // A set: a long text proposes the same surname many times, and every token is looked up.
    let surnames: HashSet<&str> = proposed
        .iter()
        .filter(|&&(a, b, label)| {
            label == Label::Per && b >= a + 2 && GAZ.first_names.contains(doc.folded(a))
        })
        .map(|&(_, b, _)| doc.folded(b - 1))
        .filter(|f| f.chars().count() >= 3 && !doc.lower_seen.contains(*f) && !GAZ.phrases.contains_key(*f))
        .collect();
    if surnames.is_empty() {
        return Vec::new();
    }
    let mut covered = vec![false; doc.len()];
    for &(a, b, _) in proposed {
        for c in covered.iter_mut().take(b).skip(a) {
            *c = true;
        }
    }
    let capitalised_word = |i: usize| i < doc.len() && doc.is_word(i) && doc.cap(i);
    (0..doc.len())
        .filter(|&k| {
            !covered[k]
                && doc.cap(k)
                && surnames.contains(doc.folded(k))
                && !an.in_date.get(k).copied().unwrap_or(false)
                // "le test de Turing", "la loi Taubira": a thing named after the person.
                && !matches!(cue_before(doc, k), Some(Cue::Work))
                && !capitalised_word(k + 1)
                && !k.checked_sub(1).is_some_and(capitalised_word)
        })
        .collect()
}

/// Words before the name of the firms that made a poll: "un sondage Odoxa-Dentsu Consulting",
/// "l'enquête Ifop-Fiducial", "le baromètre Kantar-Onepoint".
const POLL_WORDS: [&str; 6] = ["sondage", "sondages", "enquete", "enquetes", "barometre", "etude"];

/// French joins with hyphens the names of bodies that did a thing together: the media a poll
/// is for ("LCI-RTL-Le Figaro", "Radio Classique-Le Figaro") and the polling firm with its
/// partner ("sondage Ifop-Fiducial", "enquête Odoxa-Dentsu Consulting"). The byte spans of the
/// parts, when span a..b is no listed name itself and at least two parts are listed
/// organisations, or one is and a poll word comes before. A branch ("CGT-Cheminots") or a
/// person's double name has neither.
pub(super) fn joined_organisations(doc: &Doc, a: usize, b: usize) -> Option<Vec<(usize, usize)>> {
    let (start, end) = doc.byte_span(a, b)?;
    let text = doc.text.get(start..end)?;
    // A programme's title in guillemets («Grand Jury RTL-LCI-Le Figaro») is a work.
    let title = matches!(doc.tok(a.wrapping_sub(1)), "«" | "“");
    if doc.lang != Lang::Fr || !text.contains('-') || title || listed_label(doc, a, b).is_some() {
        return None;
    }
    let parts = hyphen_joined_names(text);
    if parts.len() < 2 {
        return None;
    }
    let listed = parts.iter().filter(|&&(s, e)| text.get(s..e).is_some_and(listed_organisation)).count();
    let after_poll_word = a.checked_sub(1).is_some_and(|p| POLL_WORDS.contains(&doc.folded(p)));
    (listed >= 2 || listed == 1 && after_poll_word)
        .then(|| parts.into_iter().map(|(s, e)| (start + s, start + e)).collect())
}

/// The parts of a name joined by hyphens between a letter or digit and a capital ("LCI-RTL-Le
/// Figaro" → LCI | RTL | Le Figaro), as byte ranges; empty when any part starts in lower case.
fn hyphen_joined_names(text: &str) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut from = 0;
    for (i, _) in text.match_indices('-') {
        let joins_words = text.get(..i).and_then(|l| l.chars().last()).is_some_and(char::is_alphanumeric)
            && text.get(i + 1..).is_some_and(starts_upper);
        if joins_words {
            parts.push((from, i));
            from = i + 1;
        }
    }
    parts.push((from, text.len()));
    if parts.iter().all(|&(s, e)| text.get(s..e).is_some_and(starts_upper)) { parts } else { Vec::new() }
}

/// Whether a name is a listed organisation (acronym or phrase).
fn listed_organisation(name: &str) -> bool {
    let entry = GAZ.acronyms.get(name).or_else(|| GAZ.phrases.get(&phrase_key(name, &GAZ.abbreviations)));
    entry.is_some_and(|e| e.label == Label::Org && !e.after_contraction)
}

/// "éditions du", "éd. de la", "Éditions des" just before token a: French names a publishing
/// house by the word "éditions" (abbreviated "éd.") and a contracted article; the name after it
/// is the house ("les éditions Gallimard" go through the cue words).
fn publisher_before(doc: &Doc, a: usize) -> bool {
    let Some(mut q) = a.checked_sub(1) else { return false };
    if doc.folded(q) == "la" {
        let Some(p) = q.checked_sub(1) else { return false };
        q = p;
    }
    if !matches!(doc.folded(q), "du" | "de" | "des" | "d'") {
        return false;
    }
    let Some(mut noun) = q.checked_sub(1) else { return false };
    if doc.tok(noun) == "." {
        let Some(p) = noun.checked_sub(1) else { return false };
        noun = p;
    }
    matches!(doc.folded(noun), "editions" | "ed" | "ed.")
}

/// The end and label of the longest listed name that starts span a..b and ends before b (none
/// when the span opens with a given name: "Harrison Ford").
fn listed_prefix(doc: &Doc, a: usize, b: usize) -> Option<(usize, Label)> {
    if GAZ.first_names.contains(doc.folded(a)) {
        return None;
    }
    (a + 1..b).rev().find_map(|e| {
        let entry = match GAZ.phrases.get(&span_key(doc, a, e)) {
            Some(entry) => Some(entry),
            None if e == a + 1 => GAZ.acronyms.get(doc.tok(a)),
            None => None,
        };
        entry.filter(|x| !x.after_contraction && (a..e).all(|k| doc.cap(k))).map(|x| (e, x.label))
    })
}

/// Someone's place in an organisation, before "de"/"du"/"d'" and its name: "le fondateur de
/// Doctissimo", "porte-parole d'Alternatiba", "les militants du NPA". Unlike "maire de",
/// "député de" or "président de", these do not take a place.
fn member_of_before(doc: &Doc, a: usize) -> bool {
    const MEMBERS: [&str; 24] = [
        // "selon un communiqué de Telvia": what a body publishes.
        "communique",
        "communiques",
        "fondateur",
        "fondatrice",
        "cofondateur",
        "cofondatrice",
        "patron",
        "patronne",
        "pdg",
        "porte-parole",
        "dirigeant",
        "dirigeante",
        "dirigeants",
        "militant",
        "militante",
        "militants",
        "adherent",
        "adherents",
        "salarie",
        "salaries",
        "employe",
        "employes",
        "actionnaire",
        "actionnaires",
    ];
    let before = |back: usize| a.checked_sub(back).map_or("", |i| doc.folded(i));
    match before(1) {
        "de" | "d'" | "du" | "des" => MEMBERS.contains(&before(2)),
        // "de la", "de l'".
        "la" | "l'" => before(2) == "de" && MEMBERS.contains(&before(3)),
        _ => false,
    }
}

/// A name followed by a comma and an organisation noun in apposition, bare or with "un"/"une":
/// "la Fage, syndicat majoritaire", "Febelfin, une fédération de banques". Not after a place
/// preposition ("À Avignon, la préfecture…" opens a clause), nor with "la"/"le" (the same).
fn organisation_apposition(doc: &Doc, a: usize, b: usize) -> bool {
    let after_place_word = a.checked_sub(1).is_some_and(|p| GAZ.loc_prep.contains(doc.folded(p)));
    if doc.tok(b) != "," || after_place_word {
        return false;
    }
    let noun = if matches!(doc.folded(b + 1), "un" | "une") { b + 2 } else { b + 1 };
    !doc.cap(noun)
        && (GAZ.org_before.contains(doc.folded(noun)) || GAZ.institution_head.contains(doc.folded(noun)))
}

/// Gazetteer key of tokens a..b (folded words joined by spaces).
/// A word made of a listed organisation's acronym, a hyphen and more ("CGT-Spectacle").
fn branch_of_listed_acronym(t: &str) -> bool {
    t.split_once('-').is_some_and(|(head, rest)| {
        !rest.is_empty() && GAZ.acronyms.get(head).is_some_and(|e| e.label == Label::Org)
    })
}

/// Prepositions and adverbs that open a French sentence before a name ("Chez Renault, …",
/// "Selon Reuters", "Ainsi Julien …"); possessives are left out ("Notre-Dame").
const SENTENCE_OPENERS: [&str; 24] = [
    "chez", "selon", "pour", "avec", "dans", "sur", "sous", "par", "sans", "vers", "contre", "entre",
    "depuis", "pendant", "avant", "apres", "malgre", "parmi", "ainsi", "alors", "aussi", "puis", "ensuite",
    "outre",
];

/// Whether tokens a..b are a listed name with the capitals its list form has: "la Réunion"
/// after "l'île de" is not the listed "La Réunion" (its article is no part of the name there).
fn listed_as_written(doc: &Doc, a: usize, b: usize) -> bool {
    GAZ.phrases
        .get(&span_key(doc, a, b))
        .is_some_and(|e| (a..b).all(|i| e.cap_mask & (1 << (i - a).min(15)) == 0 || doc.cap(i)))
}

pub(super) fn span_key(doc: &Doc, a: usize, b: usize) -> String {
    let mut key = String::new();
    for k in a..b {
        if k > a {
            key.push(' ');
        }
        key.push_str(doc.folded(k));
    }
    key
}

/// Lowercase words that may join two capitalised parts of one name ("Banque de France",
/// "Ligue contre le cancer"): the small words of names and a few prepositions.
fn is_joiner(folded: &str) -> bool {
    const PREPOSITIONS: [&str; 9] = ["contre", "sans", "avec", "sous", "entre", "dans", "da", "di", "del"];
    NAME_SMALL_WORDS.contains(&folded) || PREPOSITIONS.contains(&folded)
}

/// The tagger sometimes runs a name into the next one: "Autorité palestinienne Yasser Arafat",
/// "Camerounais Greg Belobo". A capitalised word right after an ordinary lowercase word (not a
/// joiner) inside a span that started with a capital begins a second name; a leading
/// nationality word before a name is split off the same way.
/// A word of two to six capital letters, not a Roman numeral ("AFP", "PASOK"; not "XIV").
fn is_caps_word(t: &str) -> bool {
    (2..=6).contains(&t.chars().count()) && t.chars().all(char::is_uppercase) && !super::util::is_roman(t)
}

/// Where an organisation at the start of span a..b ends when a person's full name follows it
/// inside the span: an all-caps acronym or a listed organisation, then a given name, or an
/// honorific and at least one more word.
fn organisation_before_person(doc: &Doc, a: usize, b: usize) -> Option<usize> {
    let acronym = is_caps_word(doc.tok(a)) && doc.cap(a + 1) && !is_caps_word(doc.tok(a + 1));
    let end = if acronym { a + 1 } else { listed_prefix(doc, a, b).filter(|p| p.1 == Label::Org)?.0 };
    let next = doc.folded(end);
    // "à l'AFP Luc, …": a lone given name is a person too.
    let person = end < b && GAZ.first_names.contains(next) || end + 2 <= b && GAZ.honorifics.contains(next);
    person.then_some(end)
}

/// Most words a leader's name after "de" may have ("Marine Le Pen", "Asif Ali Zardari").
const MAX_LEADER_WORDS: usize = 4;

/// Where "de"/"d'" stands in a span made of a listed organisation, "de" and a person's full
/// name: two to four capitalised words, not a listed name, the first a given name or no listed
/// name nor place word ("le Fatah de Mahmoud Abbas"; not "la Fed de New York").
pub(super) fn leader_after_listed_body(doc: &Doc, a: usize, b: usize) -> Option<usize> {
    let de = (a + 1..b).find(|&j| matches!(doc.folded(j), "de" | "d'") && !doc.cap(j))?;
    let tail = de + 1..b;
    let body_listed = listed_label(doc, a, de) == Some(Label::Org);
    let name_like = (2..=MAX_LEADER_WORDS).contains(&tail.len())
        && tail.clone().all(|k| doc.cap(k) && doc.is_word(k))
        && (listed_label(doc, de + 1, de + 2).is_none() || GAZ.first_names.contains(doc.folded(de + 1)))
        && listed_label(doc, de + 1, b).is_none()
        && !GAZ.loc_head.contains(doc.folded(de + 1));
    (body_listed && name_like).then_some(de)
}

fn split(doc: &Doc, a: usize, b: usize, label: Label, out: &mut Vec<(usize, usize, Label)>) {
    // "Labour and Tories", "Gazprom and India": two listed names the tagger ran together.
    if let Some(pair) = two_listed_names(doc, a, b) {
        out.extend(pair);
        return;
    }
    let mut start = a;
    // French: "a expliqué à l'AFP Pierre Durand", "BFMTV Laetitia Dewalle": an acronym or a
    // listed organisation run into the full name of a person (a listed first name or an
    // honorific follows it) is the organisation, then the person.
    if doc.lang == Lang::Fr
        && let Some(org_end) = organisation_before_person(doc, a, b)
    {
        out.push((a, org_end, Label::Org));
        start = org_end;
    }
    // "le Likoud de Benyamin Netanyahou", "la Ligue du Nord d'Umberto Bossi": a listed body
    // then "de" and its leader's full name.
    if doc.lang == Lang::Fr
        && label == Label::Org
        && let Some(de) = leader_after_listed_body(doc, a, b)
    {
        out.push((a, de, Label::Org));
        out.push((de + 1, b, Label::Per));
        return;
    }
    if b > a + 1
        && doc.cap(a)
        && GAZ.demonyms.contains_key(doc.folded(a))
        && GAZ.first_names.contains(doc.folded(a + 1))
    {
        out.push((a, a + 1, Label::Misc));
        start = a + 1;
    }
    // French only: English capitalises every word of a name, so the pattern does not arise.
    // Titles of works (MISC) keep their inner capitals ("Boris the Spider").
    if matches!(label, Label::Org | Label::Loc) && doc.lang == Lang::Fr && doc.cap(start) {
        for j in start + 2..b {
            let p = doc.folded(j - 1);
            if doc.cap(j)
                && doc.is_word(j - 1)
                && !doc.cap(j - 1)
                && !is_joiner(p)
                && !p.ends_with('\'')
                && (j + 1..b).all(|k| doc.cap(k) || !doc.is_word(k))
            {
                out.push((start, j, label));
                start = j;
                break;
            }
        }
    }
    let rest_label = if start > a && (b - start >= 2 || GAZ.first_names.contains(doc.folded(start))) {
        // What follows a nationality or an institution is, in news, mostly a person.
        if GAZ.org_head.contains(doc.folded(start)) || GAZ.phrases.contains_key(&span_key(doc, start, b)) {
            label
        } else {
            Label::Per
        }
    } else {
        label
    };
    out.push((start, b, rest_label));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Options, extract};

    fn doc(text: &str) -> Doc<'_> {
        Doc::new(text, Some(Lang::Fr))
    }

    fn org_mentions(text: &str) -> Vec<String> {
        let f = extract(text, &Options { lang: Some(Lang::Fr), ..Options::default() });
        f.entities
            .iter()
            .filter(|e| e.label == Label::Org)
            .flat_map(|e| e.mentions.iter().map(|m| m.text.clone()))
            .collect()
    }

    #[test]
    fn a_span_cut_at_a_date_drops_the_connector_before_it() {
        let an = crate::extract::analyse(
            "Depuis la Bastille et Mai 68, la France a vu des barricades.",
            &Options { lang: Some(Lang::Fr), ..Options::default() },
        );
        let d = &an.doc;
        let bastille = (0..d.len()).find(|&k| d.tok(k) == "Bastille").unwrap();
        let year = (0..d.len()).find(|&k| d.tok(k) == "68").unwrap();
        let (a, b, _) = clean(&an, bastille, year + 1, Label::Misc).unwrap();
        assert_eq!(d.span_text(a, b), "Bastille");
        let an = crate::extract::analyse(
            "La bataille de Mai 68 est finie, écrit Mai 68 par Paul Martin.",
            &Options { lang: Some(Lang::Fr), ..Options::default() },
        );
        let d = &an.doc;
        let year = (0..d.len()).find(|&k| d.tok(k) == "68").unwrap();
        assert_eq!(clean(&an, 1, year + 1, Label::Misc), None, "no name left: {}", d.span_text(1, year + 1));
        let paul = (0..d.len()).find(|&k| d.tok(k) == "Paul").unwrap();
        let (a, b, _) = clean(&an, paul - 3, paul + 2, Label::Misc).unwrap();
        assert_eq!(d.span_text(a, b), "Paul Martin");
    }

    #[test]
    fn numbered_military_units_are_organisations() {
        let orgs = org_mentions(
            "Les soldats du 9e régiment d'infanterie de marine ont rejoint la 11e brigade \
             parachutiste près de la frontière.",
        );
        assert!(orgs.contains(&"9e régiment d'infanterie de marine".to_string()), "{orgs:?}");
        assert!(orgs.contains(&"11e brigade parachutiste".to_string()), "{orgs:?}");
    }

    #[test]
    fn a_number_before_an_ordinary_noun_is_no_unit() {
        let orgs = org_mentions("Le club a fini 2e division et la 3e compagnie aérienne du pays recrute.");
        assert!(orgs.iter().all(|t| !t.starts_with("2e") && !t.starts_with("3e")), "{orgs:?}");
    }

    #[test]
    fn a_title_without_its_contracted_article_is_the_paper() {
        let orgs = org_mentions(
            "« Nous irons », a déclaré Paul Martin au Figaro. Selon des informations du Parisien, \
             la Coupe du Monde aura lieu.",
        );
        assert!(orgs.contains(&"Figaro".to_string()), "{orgs:?}");
        assert!(orgs.contains(&"Parisien".to_string()), "{orgs:?}");
        assert!(!orgs.iter().any(|o| o == "Monde"), "inside a name, 'du Monde' is no paper: {orgs:?}");
    }

    #[test]
    fn a_listed_name_with_a_possessive_is_found_whole() {
        let orgs =
            org_mentions("Titre\n\nLa note baisse. McDonald's a ouvert un restaurant et Moody's a parlé.");
        for org in ["McDonald's", "Moody's"] {
            assert!(orgs.contains(&org.to_string()), "{org}: {orgs:?}");
        }
    }

    #[test]
    fn a_listed_organisation_opens_a_longer_name() {
        let d = doc("Vinci Autoroutes publie un communiqué avec Harrison Ford .");
        assert_eq!(listed_prefix(&d, 0, 2), Some((1, Label::Org)));
        assert_eq!(listed_prefix(&d, 6, 8), None, "a given name opens a person's name");
    }

    #[test]
    fn the_context_tells_an_unlisted_organisation() {
        let d = doc("le fondateur de Doctissimo et les militants de l'Unef , le maire de Lille");
        assert!(member_of_before(&d, 3));
        assert!(member_of_before(&d, 9));
        assert!(!member_of_before(&d, 14), "a mayor's 'de' takes a place");
        let d = doc("la Fage , syndicat étudiant . À Avignon , la préfecture . Febelfin , une fédération");
        assert!(organisation_apposition(&d, 1, 2));
        assert!(!organisation_apposition(&d, 7, 8), "a clause after a place");
        assert!(organisation_apposition(&d, 12, 13));
    }

    #[test]
    fn a_name_cut_on_a_connector_takes_the_noun_after_it() {
        let d = doc("le Conseil national des services publics a voté , puis l'Office central de , dit-on");
        assert_eq!(name_after_connector(&d, 1, 4), 6, "the noun and its adjective");
        assert_eq!(d.tok(11), "Office");
        assert_eq!(name_after_connector(&d, 11, 14), 13, "no noun follows: the connector goes");
    }

    #[test]
    fn an_organisation_run_into_a_person_is_split_off() {
        let d = doc("une image BFMTV Marie Dewalle et Reuters Jean Dupont puis Reuters Dupont");
        assert_eq!(organisation_before_person(&d, 2, 5), Some(3));
        assert_eq!(organisation_before_person(&d, 6, 9), Some(7));
        assert_eq!(organisation_before_person(&d, 10, 12), None, "no given name follows");
        let d = doc("a déclaré à l'AFP Luc , un voisin");
        assert_eq!(organisation_before_person(&d, 4, 6), Some(5), "a lone given name");
    }
}
