//! Exact-match entity scoring (conlleval style): an entity counts only if its start, end and
//! label all match.

use serde::Serialize;

use super::features::doc_stats;
use super::model::Model;
use super::types::{EntityLabel, Sentence, Tag, tags_to_spans};

/// Tags `data` with `model` and scores it against the gold tags. With `by_document`, sentences
/// sharing `Sentence::doc` are tagged as one document (as [`Model::tag_document`] does);
/// otherwise each sentence alone (as [`Model::tag`]).
pub fn evaluate(model: &Model, data: &[Sentence], by_document: bool) -> Scores {
    let use_doc = model.info().doc_features;
    let (stats, owner) = doc_stats(data, use_doc && by_document);
    let mut scores = Scores::default();
    for (s, o) in data.iter().zip(owner) {
        let extra = (!s.extra.is_empty()).then_some(s.extra.as_slice());
        let pred = match o {
            Some(d) => model.tag_inner(&s.words, extra, Some(&stats[d])),
            None if use_doc => {
                let mut d = super::features::DocStats::default();
                d.add_sentence(&s.words);
                model.tag_inner(&s.words, extra, Some(&d))
            }
            None => model.tag_inner(&s.words, extra, None),
        };
        scores.add(&s.tags, &pred);
    }
    scores
}

pub use crate::extract::eval::Counts;

/// Counts per label, in [`EntityLabel::ALL`] order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Scores {
    pub per_label: [Counts; 4],
}

impl Scores {
    /// Adds one sentence's gold and predicted tags (lengths may differ: extra tokens count as O).
    pub fn add(&mut self, gold: &[Tag], pred: &[Tag]) {
        let g = tags_to_spans(gold);
        let p = tags_to_spans(pred);
        for s in &p {
            let c = &mut self.per_label[s.2.index()];
            if g.contains(s) {
                c.tp += 1;
            } else {
                c.fp += 1;
            }
        }
        for s in &g {
            if !p.contains(s) {
                self.per_label[s.2.index()].fn_ += 1;
            }
        }
    }

    pub fn label(&self, l: EntityLabel) -> Counts {
        self.per_label[l.index()]
    }

    /// Micro-average over the given labels.
    pub fn over(&self, labels: &[EntityLabel]) -> Counts {
        let mut c = Counts::default();
        for l in labels {
            c.add(self.per_label[l.index()]);
        }
        c
    }

    /// PER/LOC/ORG micro-average (the figure spaCy comparisons use).
    pub fn plo(&self) -> Counts {
        self.over(&[EntityLabel::Per, EntityLabel::Loc, EntityLabel::Org])
    }

    /// All four labels.
    pub fn all(&self) -> Counts {
        self.over(&EntityLabel::ALL)
    }

    /// A small Markdown table: label, P, R, F1 (in percent), gold count.
    pub fn table(&self) -> String {
        let mut s = String::from("| label | P | R | F1 | gold |\n|---|---|---|---|---|\n");
        let mut row = |name: &str, c: Counts| {
            s.push_str(&format!(
                "| {name} | {:.2} | {:.2} | {:.2} | {} |\n",
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1(),
                c.tp + c.fn_
            ));
        };
        for l in EntityLabel::ALL {
            row(l.as_str(), self.label(l));
        }
        row("PER/LOC/ORG", self.plo());
        row("all four", self.all());
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityLabel::*;

    #[test]
    fn exact_match() {
        let mut s = Scores::default();
        let gold = [Tag::B(Per), Tag::I(Per), Tag::O, Tag::B(Loc)];
        let pred = [Tag::B(Per), Tag::O, Tag::O, Tag::B(Loc)];
        s.add(&gold, &pred);
        assert_eq!(s.label(Per), Counts { tp: 0, fp: 1, fn_: 1 });
        assert_eq!(s.label(Loc), Counts { tp: 1, fp: 0, fn_: 0 });
        assert!((s.plo().f1() - 0.5).abs() < 1e-9);
        assert_eq!(Scores::default().all().f1(), 0.0);
    }
}
