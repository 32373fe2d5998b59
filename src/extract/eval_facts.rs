//! Facts evaluation: precision/recall/F1 of (quotation, speaker) pairs and of sources against a
//! gold set in JSON lines (`tests/data/wikinews-fr/gold.jsonl`: one article a line, offsets in code
//! points of the article text).
//!
//! Matching rules:
//! - a predicted quote matches a gold quote when their spans overlap;
//! - two names name the same thing when the last word of each (accents and case folded, words
//!   split at anything not a letter or digit) is one of the other's words: "Obama" = "Barack
//!   Obama", "Gilles-Éric Séralini" = "Séralini", but "Hassan, un autre manifestant" ≠ "Hassan";
//! - speakers: a predicted quote with a speaker is right (tp) when it overlaps a gold quote whose
//!   speaker it names; it is wrong (fp) when it overlaps no gold quote, a gold quote without a
//!   speaker, or names someone else; a second piece of the same gold quote with the right speaker
//!   (a quotation split in two) counts neither way, and so does a description ("son avocate",
//!   opening with a lower-case word) on a gold quote whose speaker the text does not name. A
//!   gold speaker no prediction names is a fn.
//!   A quote given without a speaker costs recall only: a wrong speaker is worse than none.
//! - sources: the distinct source names of an article, each gold name matched at most once.
//!
//! Entities, dates and roles, where an article has them, are scored by `eval_spans`.

use serde::{Deserialize, Serialize};

use super::eval::Counts;
use super::eval_spans::{self, GoldDate, GoldEntity, GoldRole, SpanCounts};
use super::types::Facts;

#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    pub start: usize,
    pub end: usize,
    pub speaker: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldSource {
    pub start: usize,
    pub end: usize,
    pub name: String,
}

/// One line of the gold file.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldArticle {
    pub file: String,
    pub split: String,
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
    #[serde(default)]
    pub sources: Vec<GoldSource>,
    /// PER/LOC/ORG mentions; absent when the article's entities are not annotated.
    #[serde(default)]
    pub entities: Option<Vec<GoldEntity>>,
    #[serde(default)]
    pub dates: Option<Vec<GoldDate>>,
    #[serde(default)]
    pub roles: Option<Vec<GoldRole>>,
}

/// Speakers and sources counts of a set of articles.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FactsCounts {
    pub articles: usize,
    pub speakers: Counts,
    pub sources: Counts,
    /// Entities, dates and roles of the annotated articles.
    pub annotations: SpanCounts,
}

impl FactsCounts {
    fn add(&mut self, o: &FactsCounts) {
        self.articles += o.articles;
        self.speakers.add(o.speakers);
        self.sources.add(o.sources);
        self.annotations.add(&o.annotations);
    }
}

/// What went wrong in one article, for reading the errors.
#[derive(Debug, Clone, Serialize)]
pub struct FactsError {
    pub file: String,
    /// The article's split ("dev", "test"): `eval --errors` hides the held-out split's mistakes.
    pub split: String,
    pub kind: &'static str,
    /// The start of the quote or the source.
    pub text: String,
    pub gold: Option<String>,
    pub predicted: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct FactsReport {
    /// (split, counts), splits in order of first appearance, then "all".
    pub splits: Vec<(String, FactsCounts)>,
    pub errors: Vec<FactsError>,
}

impl FactsReport {
    pub fn table(&self) -> String {
        let head = format!(" {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}", "P", "R", "F1", "tp", "fp", "fn");
        let mut s = format!("{:<8}{:>9}  speakers{head}  |  sources{head}\n", "split", "articles");
        for (name, c) in &self.splits {
            s.push_str(&format!(
                "{:<8}{:>9}          {}  |         {}\n",
                name,
                c.articles,
                c.speakers.cells(),
                c.sources.cells()
            ));
        }
        if self.splits.iter().all(|(_, c)| c.annotations.annotated == 0) {
            return s;
        }
        // Entities are PER/LOC/ORG, exact span and label; "untyped" the same spans, any label.
        let f1 = |c: &Counts| format!("{:>6.1}", 100.0 * c.f1());
        s.push_str(&format!(
            "\n{:<8}{:>9}  F1: {:>6} {:>6} {:>6} {:>8}  |  entities{head}  |  dates{head}  |  roles{head}\n",
            "split", "annotated", "PER", "LOC", "ORG", "untyped"
        ));
        for (name, c) in &self.splits {
            let a = &c.annotations;
            s.push_str(&format!(
                "{:<8}{:>9}      {} {} {} {:>8}  |          {}  |       {}  |       {}\n",
                name,
                a.annotated,
                f1(&a.per),
                f1(&a.loc),
                f1(&a.org),
                f1(&a.untyped),
                a.entities.cells(),
                a.dates.cells(),
                a.roles.cells()
            ));
        }
        s
    }
}

/// Parse the gold file (blank lines skipped).
pub fn parse_gold(data: &str) -> Result<Vec<GoldArticle>, serde_json::Error> {
    data.lines().filter(|l| !l.trim().is_empty()).map(serde_json::from_str).collect()
}

fn words(name: &str) -> Vec<String> {
    crate::text::fold::fold_str(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether two names name the same person or body (see the module's matching rule).
pub fn same_name(a: &str, b: &str) -> bool {
    let (wa, wb) = (words(a), words(b));
    match (wa.last(), wb.last()) {
        (Some(la), Some(lb)) => wb.contains(la) && wa.contains(lb),
        _ => false,
    }
}

/// A speaker given as a description, not a name: it opens with a lower-case word ("son
/// avocate", "les autorités maliennes").
fn is_description(speaker: &str) -> bool {
    speaker.chars().next().is_some_and(char::is_lowercase)
}

fn excerpt(text: &str, start: usize, end: usize) -> String {
    let s = text.get(start..end).unwrap_or("");
    let mut out: String = s.chars().take(40).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// Score one article: `text` is the article, `facts` what the extractor found in it.
pub fn score_article(
    text: &str,
    gold: &GoldArticle,
    facts: &Facts,
    errors: &mut Vec<FactsError>,
) -> FactsCounts {
    let mut c = FactsCounts { articles: 1, ..FactsCounts::default() };
    let spans: Vec<(usize, usize)> = gold.quotes.iter().map(|q| (q.start, q.end)).collect();
    let gq: Vec<(usize, usize, Option<&str>)> = eval_spans::to_bytes(text, &spans)
        .into_iter()
        .zip(&gold.quotes)
        .map(|((s, e), q)| (s, e, q.speaker.as_deref()))
        .collect();
    let mut matched = vec![false; gq.len()];
    let mut errs: Vec<FactsError> = Vec::new();
    let mut push = |kind, at: (usize, usize), g: Option<&str>, p: Option<&str>| {
        errs.push(FactsError {
            file: gold.file.clone(),
            split: gold.split.clone(),
            kind,
            text: excerpt(text, at.0, at.1),
            gold: g.map(str::to_string),
            predicted: p.map(str::to_string),
        })
    };
    for q in &facts.quotes {
        let Some(speaker) = q.speaker.as_deref() else { continue };
        let overlapping: Vec<usize> =
            (0..gq.len()).filter(|&i| gq[i].0 < q.end && q.start < gq[i].1).collect();
        let right = overlapping.iter().copied().find(|&i| gq[i].2.is_some_and(|g| same_name(g, speaker)));
        match right {
            Some(i) if matched[i] => {}
            Some(i) => {
                matched[i] = true;
                c.speakers.tp += 1;
            }
            // A description ("son avocate") on a quote whose speaker the text does not name.
            None if is_description(speaker) && overlapping.iter().any(|&i| gq[i].2.is_none()) => {}
            None => {
                c.speakers.fp += 1;
                let g = overlapping.first().and_then(|&i| gq[i].2);
                push("wrong speaker", (q.start, q.end), g, Some(speaker));
            }
        }
    }
    for (i, &(s, e, g)) in gq.iter().enumerate() {
        if g.is_some() && !matched[i] {
            c.speakers.fn_ += 1;
            let predicted = facts
                .quotes
                .iter()
                .find(|q| q.start < e && s < q.end && q.speaker.is_some())
                .and_then(|q| q.speaker.as_deref());
            if predicted.is_none() {
                push("missed speaker", (s, e), g, None);
            }
        }
    }
    // Sources: distinct names on both sides.
    let mut gs: Vec<&GoldSource> = Vec::new();
    for s in &gold.sources {
        if !gs.iter().any(|o| same_name(&o.name, &s.name)) {
            gs.push(s);
        }
    }
    let mut used = vec![false; gs.len()];
    for p in &facts.sources {
        match (0..gs.len()).find(|&i| !used[i] && same_name(&gs[i].name, p)) {
            Some(i) => {
                used[i] = true;
                c.sources.tp += 1;
            }
            None if gs.iter().any(|g| same_name(&g.name, p)) => {}
            None => {
                c.sources.fp += 1;
                push("wrong source", (0, 0), None, Some(p));
            }
        }
    }
    for (i, g) in gs.iter().enumerate() {
        if !used[i] {
            c.sources.fn_ += 1;
            let (s, e) = eval_spans::to_bytes(text, &[(g.start, g.end)])[0];
            push("missed source", (s, e), Some(&g.name), None);
        }
    }
    let mut span_errs = Vec::new();
    c.annotations = eval_spans::score(
        text,
        gold.entities.as_deref(),
        gold.dates.as_deref(),
        gold.roles.as_deref(),
        facts,
        &mut span_errs,
    );
    errs.extend(span_errs.into_iter().map(|(kind, text, gold_v, predicted)| FactsError {
        file: gold.file.clone(),
        split: gold.split.clone(),
        kind,
        text,
        gold: gold_v,
        predicted,
    }));
    errors.extend(errs);
    c
}

/// Sum per split (in order of first appearance) and over all articles.
pub fn report(per_article: &[(String, FactsCounts)], errors: Vec<FactsError>) -> FactsReport {
    let mut splits: Vec<(String, FactsCounts)> = Vec::new();
    let mut all = FactsCounts::default();
    for (split, c) in per_article {
        match splits.iter_mut().find(|(s, _)| s == split) {
            Some((_, t)) => t.add(c),
            None => splits.push((split.clone(), c.clone())),
        }
        all.add(c);
    }
    splits.push(("all".to_string(), all));
    FactsReport { splits, errors }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::types::Quote;

    #[test]
    fn names_match_on_last_words() {
        assert!(same_name("Barack Obama", "Obama"));
        assert!(same_name("Gilles-Éric Séralini", "Gilles-Eric SERALINI"));
        assert!(!same_name("Hassan", "Hassan, un autre manifestant"));
        assert!(!same_name("Mitt Romney", "Barack Obama"));
        assert!(!same_name("", "Obama"));
    }

    #[test]
    fn speakers_and_sources_are_counted() {
        // Offsets in code points: "é" is one code point, two bytes.
        let text = "Été. « Un deux trois », dit Marie Curie. « Quatre cinq » selon l'AFP.";
        let g: GoldArticle = serde_json::from_str(
            r#"{"file":"a","split":"dev","quotes":[{"start":7,"end":20,"speaker":"Marie Curie"},
               {"start":43,"end":54,"speaker":null}],"sources":[{"start":65,"end":68,"name":"AFP"}]}"#,
        )
        .unwrap();
        let at = |s: &str| text.find(s).unwrap();
        let quote = |s: &str, speaker: Option<&str>| Quote {
            start: at(s),
            end: at(s) + s.len(),
            text: s.to_string(),
            speaker: speaker.map(str::to_string),
            speaker_origin: None,
            speaker_description: None,
        };
        let facts = Facts {
            quotes: vec![
                quote("Un deux", Some("Curie")),
                quote("trois", Some("Marie Curie")),
                quote("Quatre cinq", Some("Pierre")),
                quote("cinq", Some("son avocate")),
            ],
            sources: vec!["AFP".into(), "Reuters".into()],
            ..Facts::default()
        };
        let mut errors = Vec::new();
        let c = score_article(text, &g, &facts, &mut errors);
        // Two pieces of one quote with the right speaker: one tp; a speaker on a quote the gold
        // leaves without one: fp.
        assert_eq!(c.speakers, Counts { tp: 1, fp: 1, fn_: 0 });
        assert_eq!(c.sources, Counts { tp: 1, fp: 1, fn_: 0 });
        assert_eq!(errors.len(), 2);
        let none = Facts::default();
        let c = score_article(text, &g, &none, &mut errors);
        assert_eq!(c.speakers, Counts { tp: 0, fp: 0, fn_: 1 });
        assert_eq!(c.sources, Counts { tp: 0, fp: 0, fn_: 1 });
        let r = report(&[("dev".into(), c.clone()), ("test".into(), c)], Vec::new());
        assert_eq!(r.splits.len(), 3);
        assert_eq!(r.splits[2].1.speakers.fn_, 2);
    }
}
