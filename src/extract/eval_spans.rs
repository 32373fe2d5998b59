//! Scoring of entities, dates and roles against the gold facts file (`eval_facts` reads it and
//! scores quotations and sources; this module does the annotations made per article in
//! `tests/data/wikinews-fr/ann/`).
//!
//! Matching rules:
//! - entities: PER/LOC/ORG mentions, exact span and label (MISC and DATE are not scored); the
//!   same spans with any of the three labels are counted apart ("untyped"), to tell boundary
//!   errors from type errors;
//! - dates: a predicted date is right when it overlaps a gold date with the same value (`null` =
//!   `null`), each gold date matched once; a predicted date that overlaps a gold one with another
//!   value is wrong (fp) and the gold one missed (fn);
//! - roles: distinct (person, role) pairs of an article; the person by `same_name`, the role
//!   equal once case, accents, punctuation and a leading article are set aside.

use serde::{Deserialize, Serialize};

use super::eval::Counts;
use super::eval_facts::same_name;
use super::types::{Facts, Label};

#[derive(Debug, Clone, Deserialize)]
pub struct GoldEntity {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldDate {
    pub start: usize,
    pub end: usize,
    pub value: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldRole {
    pub person: String,
    pub role: String,
}

/// Counts for the annotations of a set of articles.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SpanCounts {
    /// Articles with entity/date/role annotations.
    pub annotated: usize,
    /// PER, LOC, ORG together, exact span and label.
    pub entities: Counts,
    pub per: Counts,
    pub loc: Counts,
    pub org: Counts,
    /// The same spans, any of the three labels.
    pub untyped: Counts,
    pub dates: Counts,
    pub roles: Counts,
}

impl SpanCounts {
    pub fn add(&mut self, o: &SpanCounts) {
        self.annotated += o.annotated;
        for (a, b) in [
            (&mut self.entities, o.entities),
            (&mut self.per, o.per),
            (&mut self.loc, o.loc),
            (&mut self.org, o.org),
            (&mut self.untyped, o.untyped),
            (&mut self.dates, o.dates),
            (&mut self.roles, o.roles),
        ] {
            a.add(b);
        }
    }
}

/// One mistake: its kind, the text at the span (or the name), what the gold and the prediction say.
pub type SpanError = (&'static str, String, Option<String>, Option<String>);

const SCORED: [Label; 3] = [Label::Per, Label::Loc, Label::Org];

/// Spans in bytes of the text; gold offsets are code points.
pub(super) fn to_bytes(text: &str, cps: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    starts.push(text.len());
    let at = |cp: usize| starts.get(cp).copied().unwrap_or(text.len());
    cps.iter().map(|&(s, e)| (at(s), at(e))).collect()
}

fn span_text(text: &str, s: usize, e: usize) -> String {
    text.get(s..e).unwrap_or("").to_string()
}

/// Count matches of predicted and gold keys (each matched at most once); the unmatched ones
/// become errors through `miss`.
fn match_exact<K: PartialEq + Clone>(
    predicted: &[K],
    gold: &[K],
    mut wrong: impl FnMut(&K),
    mut missed: impl FnMut(&K),
) -> Counts {
    let mut used = vec![false; gold.len()];
    let mut c = Counts::default();
    for p in predicted {
        match (0..gold.len()).find(|&i| !used[i] && gold[i] == *p) {
            Some(i) => {
                used[i] = true;
                c.tp += 1;
            }
            None => {
                c.fp += 1;
                wrong(p);
            }
        }
    }
    for (i, g) in gold.iter().enumerate() {
        if !used[i] {
            c.fn_ += 1;
            missed(g);
        }
    }
    c
}

fn entities(text: &str, gold: &[GoldEntity], facts: &Facts, c: &mut SpanCounts, errs: &mut Vec<SpanError>) {
    let cps: Vec<(usize, usize)> = gold.iter().map(|g| (g.start, g.end)).collect();
    let gold: Vec<(usize, usize, String)> =
        to_bytes(text, &cps).into_iter().zip(gold).map(|((s, e), g)| (s, e, g.label.clone())).collect();
    let mut predicted: Vec<(usize, usize, String)> = Vec::new();
    for ent in facts.entities.iter().filter(|e| SCORED.contains(&e.label)) {
        for m in &ent.mentions {
            let key = (m.start, m.end, ent.label.as_str().to_string());
            if !predicted.contains(&key) {
                predicted.push(key);
            }
        }
    }
    let mut wrong = |(s, e, l): &(usize, usize, String)| {
        let g = gold.iter().find(|g| g.0 == *s && g.1 == *e).map(|g| g.2.clone());
        errs.push(("wrong entity", span_text(text, *s, *e), g, Some(l.clone())));
    };
    let mut missed_list = Vec::new();
    c.entities = match_exact(&predicted, &gold, &mut wrong, |g| missed_list.push(g.clone()));
    for (s, e, l) in missed_list {
        if !predicted.iter().any(|p| p.0 == s && p.1 == e) {
            errs.push(("missed entity", span_text(text, s, e), Some(l), None));
        }
    }
    for (label, counts) in [("PER", &mut c.per), ("LOC", &mut c.loc), ("ORG", &mut c.org)] {
        let p: Vec<_> = predicted.iter().filter(|k| k.2 == label).cloned().collect();
        let g: Vec<_> = gold.iter().filter(|k| k.2 == label).cloned().collect();
        *counts = match_exact(&p, &g, |_| {}, |_| {});
    }
    let bare = |v: &[(usize, usize, String)]| {
        let mut out: Vec<(usize, usize)> = v.iter().map(|k| (k.0, k.1)).collect();
        out.dedup();
        out
    };
    c.untyped = match_exact(&bare(&predicted), &bare(&gold), |_| {}, |_| {});
}

fn dates(text: &str, gold: &[GoldDate], facts: &Facts, c: &mut SpanCounts, errs: &mut Vec<SpanError>) {
    let cps: Vec<(usize, usize)> = gold.iter().map(|g| (g.start, g.end)).collect();
    let spans = to_bytes(text, &cps);
    let mut used = vec![false; gold.len()];
    for d in &facts.dates {
        let hit = (0..gold.len())
            .find(|&i| !used[i] && spans[i].0 < d.end && d.start < spans[i].1 && gold[i].value == d.value);
        match hit {
            Some(i) => {
                used[i] = true;
                c.dates.tp += 1;
            }
            None => {
                c.dates.fp += 1;
                let g = (0..gold.len())
                    .find(|&i| spans[i].0 < d.end && d.start < spans[i].1)
                    .map(|i| gold[i].value.clone().unwrap_or_else(|| "null".into()));
                errs.push((
                    "wrong date",
                    d.text.clone(),
                    g,
                    Some(d.value.clone().unwrap_or_else(|| "null".into())),
                ));
            }
        }
    }
    for (i, g) in gold.iter().enumerate() {
        if !used[i] {
            c.dates.fn_ += 1;
            let (s, e) = spans[i];
            if !facts.dates.iter().any(|d| s < d.end && d.start < e) {
                errs.push(("missed date", span_text(text, s, e), g.value.clone(), None));
            }
        }
    }
}

/// A role as compared: folded, words only, without a leading article.
fn role_key(role: &str) -> String {
    let folded = crate::text::fold::fold_str(role);
    let words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let skip = match words.first() {
        Some(&("le" | "la" | "l" | "les" | "un" | "une" | "the" | "a" | "an")) => 1,
        _ => 0,
    };
    words[skip..].join(" ")
}

fn roles(gold: &[GoldRole], facts: &Facts, c: &mut SpanCounts, errs: &mut Vec<SpanError>) {
    let mut g: Vec<(String, String)> = Vec::new();
    for r in gold {
        let key = (r.person.clone(), role_key(&r.role));
        if !g.iter().any(|o| same_name(&o.0, &key.0) && o.1 == key.1) {
            g.push(key);
        }
    }
    let mut used = vec![false; g.len()];
    let mut seen: Vec<(String, String)> = Vec::new();
    for p in &facts.people {
        for role in &p.roles {
            let key = (p.name.clone(), role_key(role));
            if seen.iter().any(|o| same_name(&o.0, &key.0) && o.1 == key.1) {
                continue;
            }
            seen.push(key.clone());
            match (0..g.len()).find(|&i| !used[i] && same_name(&g[i].0, &key.0) && g[i].1 == key.1) {
                Some(i) => {
                    used[i] = true;
                    c.roles.tp += 1;
                }
                None => {
                    c.roles.fp += 1;
                    errs.push(("wrong role", p.name.clone(), None, Some(role.clone())));
                }
            }
        }
    }
    for (i, (person, role)) in g.iter().enumerate() {
        if !used[i] {
            c.roles.fn_ += 1;
            errs.push(("missed role", person.clone(), Some(role.clone()), None));
        }
    }
}

/// Score one article's annotations; `None` for an article that has none.
pub fn score(
    text: &str,
    gold_entities: Option<&[GoldEntity]>,
    gold_dates: Option<&[GoldDate]>,
    gold_roles: Option<&[GoldRole]>,
    facts: &Facts,
    errs: &mut Vec<SpanError>,
) -> SpanCounts {
    // A gold set may annotate dates and roles without entities (a press set); it is still
    // an annotated article.
    let mut c = SpanCounts {
        annotated: usize::from(gold_entities.is_some() || gold_dates.is_some() || gold_roles.is_some()),
        ..Default::default()
    };
    if let Some(g) = gold_entities {
        entities(text, g, facts, &mut c, errs);
    }
    if let Some(g) = gold_dates {
        dates(text, g, facts, &mut c, errs);
    }
    if let Some(g) = gold_roles {
        roles(g, facts, &mut c, errs);
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::types::{DateFact, Entity, Mention, Origin, Person};

    fn mention(text: &str, s: &str) -> Mention {
        let start = text.find(s).unwrap();
        Mention { start, end: start + s.len(), text: s.into(), origin: Origin::Rule }
    }

    #[test]
    fn entities_dates_and_roles_are_counted() {
        // "É" is two bytes and one code point: gold offsets are code points.
        let text = "Élysée. Le ministre Manuel Valls est à Paris le 3 juillet, puis vendredi.";
        let cp = |s: &str| text[..text.find(s).unwrap()].chars().count();
        let ge =
            |s: &str, l: &str| GoldEntity { start: cp(s), end: cp(s) + s.chars().count(), label: l.into() };
        let gold_e = vec![ge("Élysée", "ORG"), ge("Manuel Valls", "PER"), ge("Paris", "LOC")];
        let gd = |s: &str, v: Option<&str>| GoldDate {
            start: cp(s),
            end: cp(s) + s.len(),
            value: v.map(Into::into),
        };
        let gold_d = vec![gd("3 juillet", Some("2012-07-03")), gd("vendredi", Some("2012-07-06"))];
        let gold_r = vec![GoldRole { person: "Manuel Valls".into(), role: "ministre".into() }];
        let ent = |label, s: &str| Entity { label, name: s.into(), mentions: vec![mention(text, s)] };
        let date = |s: &str, v: &str| DateFact {
            start: text.find(s).unwrap(),
            end: text.find(s).unwrap() + s.len(),
            text: s.into(),
            value: Some(v.into()),
        };
        let facts = Facts {
            entities: vec![ent(Label::Loc, "Élysée"), ent(Label::Per, "Valls"), ent(Label::Loc, "Paris")],
            dates: vec![date("3 juillet", "2012-07-03"), date("vendredi", "2012-06-29")],
            people: vec![Person {
                name: "Valls".into(),
                roles: vec!["le Ministre".into(), "maire".into()],
                roles_origin: None,
            }],
            ..Facts::default()
        };
        let mut errs = Vec::new();
        let c = score(text, Some(&gold_e), Some(&gold_d), Some(&gold_r), &facts, &mut errs);
        assert_eq!(c.entities, Counts { tp: 1, fp: 2, fn_: 2 });
        assert_eq!(c.untyped, Counts { tp: 2, fp: 1, fn_: 1 });
        assert_eq!(c.org, Counts { tp: 0, fp: 0, fn_: 1 });
        assert_eq!(c.dates, Counts { tp: 1, fp: 1, fn_: 1 });
        assert_eq!(c.roles, Counts { tp: 1, fp: 1, fn_: 0 });
        assert!(
            errs.iter().any(|e| e.0 == "wrong entity" && e.1 == "Élysée" && e.2.as_deref() == Some("ORG"))
        );
        let none = score(text, None, None, None, &facts, &mut errs);
        assert_eq!(none.annotated, 0);
        assert_eq!(none.entities, Counts::default());
    }

    #[test]
    fn roles_compare_without_case_accents_or_article() {
        assert_eq!(role_key("le Ministre de l'Intérieur"), role_key("ministre de l’interieur"));
        assert_ne!(role_key("ministre"), role_key("ministre de l'Intérieur"));
    }
}
