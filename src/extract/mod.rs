//! Extraction: text in, entities and facts out. Pure (no I/O).
//!
//! Pipeline: tokenize → sentences → language → dates → roles → recognizers (rules, plus any
//! extra recognizer or precomputed spans, e.g. a statistical tagger) → resolve overlaps →
//! group mentions into entities → facts (people and roles, quotes, sources, lede).

pub mod types;
pub use types::*;

mod coref;
mod dates;
mod doc;
mod entities;
pub mod eval;
pub mod eval_facts;
pub mod eval_spans;
mod gazetteer;
mod joint;
mod lang;
mod lists;
mod media;
mod merge;
pub mod names;
mod quotes;
mod recognize;
mod reported;
mod roles;
mod sentence;
mod sources;
mod spoken_of;
pub mod tagger;
mod tagger_recognizer;
mod tokenize;
mod util;

pub use dates::{civil_from_days, days_from_civil};
pub use doc::Doc;
pub use recognize::{Analysis, Recognizer, RuleRecognizer};
pub use tagger_recognizer::{
    MODEL_SCORE, ModelRecognizer, RawModelRecognizer, embedded_model_bytes, model_for, tagger_token_features,
};

/// Which recognizers run: the default is rules + tagger; the others exist for comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Extractor {
    /// Gazetteers, cue words and capitalisation only.
    Rules,
    /// The statistical tagger's spans as predicted (plus rule dates).
    Tagger,
    /// Rules + tagger, merged (what `extract` does).
    #[default]
    Combined,
}

impl Extractor {
    pub fn recognizers(self) -> &'static [&'static dyn Recognizer] {
        match self {
            Extractor::Rules => &[&RuleRecognizer],
            Extractor::Tagger => &[&RawModelRecognizer],
            Extractor::Combined => &[&RuleRecognizer, &ModelRecognizer],
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub lang: Option<Lang>,
    /// (year, month, day) of the article, used to resolve "mardi"/"Tuesday".
    pub article_date: Option<(i32, u32, u32)>,
}

pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize::tokenize(text)
}

/// Sentences as token-index ranges.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    sentence::sentences(text, tokens)
}

pub fn guess_lang(text: &str) -> Lang {
    lang::guess_lang(text)
}

/// The whole pipeline: rules + statistical tagger.
pub fn extract(text: &str, opts: &Options) -> Facts {
    extract_with(text, opts, &[])
}

/// The pipeline with one set of recognizers (`Extractor::Rules` for the rules alone).
pub fn extract_by(text: &str, opts: &Options, extractor: Extractor) -> Facts {
    extract_with_recognizers(text, opts, extractor.recognizers(), &[])
}

/// The pipeline (rules + tagger) plus spans proposed elsewhere (user suggestions).
/// They compete with the other candidates by `score` (see `Candidate`).
pub fn extract_with(text: &str, opts: &Options, extra: &[Candidate]) -> Facts {
    extract_with_recognizers(text, opts, Extractor::Combined.recognizers(), extra)
}

/// Full control: run the given recognizers (e.g. `[&RuleRecognizer, &tagger]`) and merge.
pub fn extract_with_recognizers(
    text: &str,
    opts: &Options,
    recognizers: &[&dyn Recognizer],
    extra: &[Candidate],
) -> Facts {
    let an = analyse(text, opts);
    let mut cands = Vec::new();
    for r in recognizers {
        r.recognize(&an, &mut cands);
    }
    if recognizers.iter().any(|r| r.tags_every_token()) {
        // The tagger has judged every word: rules override it only where they are confident.
        cands = merge::merge(text, cands);
    }
    // An honorific alone ("Mgr", "Maître" cut off the name after it) names no one; an acronym
    // written like one does ("MR", a party).
    cands.retain(|c| {
        let t = text.get(c.start..c.end).unwrap_or("").trim_end_matches('.');
        let acronym = t.chars().count() > 1 && t.chars().all(|ch| ch.is_uppercase());
        acronym || !gazetteer::GAZ.honorifics.contains(crate::text::fold::fold_str(t).as_str())
    });
    // Foreign spans must lie on char boundaries of this text.
    cands.extend(
        extra
            .iter()
            .filter(|c| {
                c.start < c.end
                    && text.is_char_boundary(c.start)
                    && text.is_char_boundary(c.end)
                    && c.end <= text.len()
            })
            .cloned(),
    );
    // Date spans take part in the merge so no entity overlaps a date.
    for d in &an.dates {
        cands.push(Candidate {
            start: d.fact.start,
            end: d.fact.end,
            label: Label::Date,
            origin: Origin::Rule,
            score: 0.95,
        });
    }
    let mut resolved = entities::resolve(cands);
    // Lists first: the document-wide vote then carries a list's label to the name's other
    // mentions.
    lists::harmonise_lists(text, &mut resolved);
    entities::harmonise(text, &mut resolved);
    facts(&an, &resolved, opts)
}

/// Tokens, sentences, dates and roles: what recognizers get to look at.
pub fn analyse<'a>(text: &'a str, opts: &Options) -> Analysis<'a> {
    let doc = Doc::new(text, opts.lang);
    let (dates, day) = dates::find_dates_and_day(&doc, opts.article_date);
    let mut in_date = vec![false; doc.len()];
    for d in &dates {
        for k in d.tokens.clone() {
            if let Some(b) = in_date.get_mut(k) {
                *b = true;
            }
        }
    }
    let roles = roles::find_roles(&doc, &in_date, day);
    let mut in_role = vec![false; doc.len()];
    for r in &roles {
        for k in r.role_tokens.clone() {
            if let Some(b) = in_role.get_mut(k) {
                *b = true;
            }
        }
    }
    Analysis { doc, dates, roles, in_date, in_role }
}

fn facts(an: &Analysis, resolved: &[Candidate], _opts: &Options) -> Facts {
    let doc = &an.doc;
    let mut ents = entities::group(doc.text, resolved);
    // Dates as entities too (for highlighting), grouped by value, else by text.
    let mut date_ents: Vec<Entity> = Vec::new();
    // Lookups, not a scan of every date per date: the first date found at each span, and where
    // the entity of each name sits in `date_ents` (kept in the order names first come).
    let mut date_at: std::collections::HashMap<(usize, usize), &dates::DateMatch> =
        std::collections::HashMap::new();
    for d in &an.dates {
        date_at.entry((d.fact.start, d.fact.end)).or_insert(d);
    }
    let mut ent_of_name: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for c in resolved.iter().filter(|c| c.label == Label::Date) {
        let Some(d) = date_at.get(&(c.start, c.end)) else {
            continue;
        };
        let name = d.fact.value.clone().unwrap_or_else(|| d.fact.text.clone());
        let m = Mention { start: c.start, end: c.end, text: d.fact.text.clone(), origin: c.origin };
        match ent_of_name.get(&name).and_then(|&i| date_ents.get_mut(i)) {
            Some(e) => e.mentions.push(m),
            None => {
                ent_of_name.insert(name.clone(), date_ents.len());
                date_ents.push(Entity { label: Label::Date, name, mentions: vec![m] });
            }
        }
    }
    ents.extend(date_ents);

    // People and their roles.
    // Which person each role names, by the byte span of the name (a lookup, not a scan of
    // every mention for every role).
    let mut role_at: std::collections::HashMap<(usize, usize), Vec<&str>> = std::collections::HashMap::new();
    for r in &an.roles {
        if let Some(span) = doc.byte_span(r.name.start, r.name.end) {
            role_at.entry(span).or_default().push(&r.role);
        }
    }
    // A role whose name the recogniser read a little longer or shorter ("Jeroen" of "Jeroen van
    // der Veer", "Hans Arne Kristiansen" for "Arne Kristiansen") goes to the person whose mention
    // holds it or lies inside it.
    let per_spans: std::collections::HashSet<(usize, usize)> = ents
        .iter()
        .filter(|e| e.label == Label::Per)
        .flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end)))
        .collect();
    // Only when one person's mention nests there ("Henri de Saint Pierre" read as "Henri" and
    // "Saint Pierre" is two) and no other entity is written at that very span.
    let nested = |a: (usize, usize), b: (usize, usize)| a.0 <= b.0 && b.1 <= a.1 || b.0 <= a.0 && a.1 <= b.1;
    let other_spans: std::collections::HashSet<(usize, usize)> =
        ents.iter().flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end))).collect();
    let mut loose: Vec<((usize, usize), &str)> = role_at
        .iter()
        .filter(|(span, _)| !other_spans.contains(span))
        .filter(|(span, _)| per_spans.iter().filter(|p| nested(**p, **span)).count() == 1)
        .flat_map(|(&span, roles)| roles.iter().map(move |r| (span, *r)))
        .collect();
    // In the text's order, not the map's: the roles are listed as they come.
    loose.sort_by_key(|(span, _)| *span);
    let mut people: Vec<Person> = Vec::new();
    for e in ents.iter().filter(|e| e.label == Label::Per) {
        let mut roles: Vec<String> = Vec::new();
        // ("chef de l'Etat", "chef de l'État": one role however the text spells it.)
        let mut keys: Vec<String> = Vec::new();
        for m in &e.mentions {
            let span = (m.start, m.end);
            let loose_here = loose.iter().filter(|(s, _)| nested(*s, span)).map(|(_, r)| *r);
            for role in role_at.get(&span).into_iter().flatten().copied().chain(loose_here) {
                let key = crate::text::fold::fold_str(role);
                if !keys.contains(&key) {
                    keys.push(key);
                    roles.push(role.to_string());
                }
            }
        }
        people.push(Person { name: e.name.clone(), roles, roles_origin: None });
    }
    let index = entities::EntityIndex::new(&ents);
    let (mut quotes, described) = quotes::find_quotes(doc, &index, &an.roles);
    organisations_as_written(&ents, &mut quotes);
    add_described_roles(&mut people, &described);
    let sources = sources::find_sources(doc, &index);
    let lede =
        doc.sentences.first().map(|r| doc.span_text(r.start, r.end).to_string()).filter(|s| !s.is_empty());
    Facts {
        lang: Some(doc.lang),
        entities: ents,
        dates: an.dates.iter().map(|d| d.fact.clone()).collect(),
        quotes,
        people,
        sources,
        lede,
    }
}

/// Most bytes from a quote's end to the name in its incise ("», a déclaré la …").
const INCISE_BYTES: usize = 40;

/// "Le Conseil représentatif des institutions juives de France (CRIF) a fait part de son
/// « indignation »": an organisation known by a name and the acronym the text defines speaks
/// under the one written in the quote's incise, else nearest before the quote (else the first
/// after it), as a reader checking the quote finds it. A person keeps their full name.
fn organisations_as_written(ents: &[Entity], quotes: &mut [Quote]) {
    for q in quotes.iter_mut() {
        let Some(e) =
            q.speaker.as_deref().and_then(|s| ents.iter().find(|e| e.name == s && e.label != Label::Per))
        else {
            continue;
        };
        let form = |m: &Mention| m.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let acronym = names::looks_like_acronym;
        let abbreviated = e.mentions.iter().any(|m| {
            let f = form(m);
            f != e.name && (acronym(&f) != acronym(&e.name))
        });
        if !abbreviated {
            continue;
        }
        // The incise right after the quote first ("« … », a déclaré la Confédération générale
        // du travail"), else the nearest before, else the first after.
        let after = || e.mentions.iter().filter(|m| m.start >= q.end).min_by_key(|m| m.start);
        let incise = after().filter(|m| m.start - q.end <= INCISE_BYTES);
        let nearest = incise
            .or_else(|| e.mentions.iter().filter(|m| m.end <= q.start).max_by_key(|m| m.end))
            .or_else(after);
        if let Some(m) = nearest {
            q.speaker = Some(form(m));
        }
    }
}

/// The descriptions quotes give their named speakers, as roles of those people, when the
/// description is specific: a title with a named complement ("», a estimé l'ancienne ministre de
/// l'Emploi" → "ancienne ministre de l'Emploi"), or any title for the one who spoke the quote
/// before ("», a indiqué V. Sapounov. « … », a poursuivi l'expert" → "expert"). Not a bare title
/// otherwise ("le fonctionnaire" may be someone the text leaves unnamed), nor a demonstrative
/// ("cette habitante de …"), nor what a role of the person already says, nor the same title with
/// another complement, nor words that run on into a verb.
fn add_described_roles(people: &mut [Person], described: &[quotes::DescribedSpeaker]) {
    use crate::text::fold::fold_str;
    for d in described {
        let Some(person) = people.iter_mut().find(|p| p.name == d.name) else { continue };
        let role = without_article(&d.description);
        let key = fold_str(role);
        let head = quotes::title_word(&key);
        let named_complement = role
            .split_once([' ', '\''])
            .is_some_and(|(_, rest)| rest.split([' ', '\'', '’']).any(|w| w.starts_with(char::is_uppercase)));
        // "l'humoriste avait retourné sa veste": a clause, not a description.
        let lower = role.to_lowercase();
        let verb = lower.split([' ', '\'', '’']).any(|w| DESCRIPTION_VERBS.contains(&w));
        let demonstrative = ["ce ", "cet ", "cette "].iter().any(|d| key.starts_with(d));
        let said = person.roles.iter().any(|r| {
            let r = fold_str(r);
            r.contains(&key) || quotes::title_word(&r) == head
        });
        // "a estimé l'avocat général de Lyon" after "Le juge a entendu X": officers of justice
        // and police speak of the people in the news, and a guess there is most often wrong.
        let officer = head.is_some_and(quotes::officer_of_justice);
        // "the Gloucester fly-half": English names the body before the title.
        // ("Premier ministre" is a French title written with its capital.)
        let first_word = key.split([' ', '\'']).next().unwrap_or("");
        let named_before_title = role.starts_with(char::is_uppercase)
            && role.contains(' ')
            && !gazetteer::GAZ.title_heads.contains(first_word);
        let specific = named_complement || named_before_title || d.after_their_quote;
        if head.is_none() || !specific || verb || demonstrative || said || officer {
            continue;
        }
        person.roles.push(role.to_string());
    }
}

/// Auxiliaries and copulas that no description holds: where one stands, the words read as the
/// speaker's description run on into a clause. ("a" is left out: "à" folds to it, and English
/// writes it as an article.)
const DESCRIPTION_VERBS: [&str; 15] = [
    "avait", "est", "était", "sont", "ont", "sera", "fut", "is", "was", "has", "had", "are", "were", "will",
    "would",
];

/// A description without its leading definite article ("l'ancienne ministre" → "ancienne
/// ministre").
fn without_article(description: &str) -> &str {
    let lower = description.to_lowercase();
    for article in ["le ", "la ", "les ", "l'", "l’", "the "] {
        if lower.starts_with(article) {
            return description.get(article.len()..).unwrap_or(description).trim_start();
        }
    }
    description
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod tests_combined;

#[cfg(test)]
mod tests_en_facts;
#[cfg(test)]
mod tests_orgs;
#[cfg(test)]
mod tests_quotes_press;
