//! The story open in the reader: its article, what the extractor suggested, the user's
//! annotations, the merge of both, and the spans to highlight, sorted for drawing and `]`/`[`.

use crate::annotate::{Annotation, Progress, Status, merge};
use crate::extract::{Facts, Label, Origin};
use crate::library::Article;

/// A highlighted span of the body: an entity mention or a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    /// Index into `facts.entities`.
    pub entity: usize,
    /// Index into `annotations` when the user decided about this span.
    pub annotation: Option<usize>,
    pub origin: Origin,
}

impl Mark {
    /// Accepted or added by the user (drawn differently from suggestions).
    pub fn is_accepted(&self, story: &OpenStory) -> bool {
        self.annotation.and_then(|i| story.annotations.get(i)).is_some_and(|a| a.status == Status::Accepted)
    }

    /// A suggestion no decision covers yet: the extractor's (or a name taught in another
    /// story), or an imported one.
    pub fn is_unjudged(&self, story: &OpenStory) -> bool {
        self.annotation.and_then(|i| story.annotations.get(i)).is_none_or(|a| a.status == Status::Suggested)
    }
}

/// One row of the side panel that can be selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelItem {
    Entity(usize),
    Quote(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct OpenStory {
    pub article: Article,
    /// The article's content hash, which annotations are made against.
    pub content_hash: String,
    /// The extractor's output, before the user's decisions.
    pub extracted: Facts,
    pub annotations: Vec<Annotation>,
    /// Annotations whose text could not be found again in a changed article.
    pub orphans: Vec<Annotation>,
    pub can_undo: bool,
    pub can_redo: bool,
    /// `extracted` with `annotations` applied: what is shown.
    pub facts: Facts,
    pub marks: Vec<Mark>,
    /// Selectable rows of the side panel, in the order drawn.
    pub panel: Vec<PanelItem>,
    /// Decisions made and suggestions waiting.
    pub progress: Progress,
}

/// The order of the side panel's sections.
pub const PANEL_LABELS: [Label; 5] = [Label::Per, Label::Org, Label::Loc, Label::Misc, Label::Date];

impl OpenStory {
    pub fn new(article: Article, facts: Facts) -> OpenStory {
        let mut story = OpenStory {
            article,
            content_hash: String::new(),
            extracted: facts,
            annotations: Vec::new(),
            orphans: Vec::new(),
            can_undo: false,
            can_redo: false,
            facts: Facts::default(),
            marks: Vec::new(),
            panel: Vec::new(),
            progress: Progress::default(),
        };
        story.rebuild();
        story
    }

    /// Replaces the annotations and recomputes what is shown.
    pub fn set_annotations(&mut self, annotations: Vec<Annotation>, can_undo: bool, can_redo: bool) {
        self.annotations = annotations;
        self.can_undo = can_undo;
        self.can_redo = can_redo;
        self.rebuild();
    }

    fn rebuild(&mut self) {
        self.facts = merge::merge(&self.extracted, &self.annotations);
        self.progress = crate::annotate::review::progress(&self.extracted, &self.annotations);
        let body_len = self.article.body.len();
        let mut marks: Vec<Mark> = self
            .facts
            .entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                e.mentions.iter().map(move |m| Mark {
                    start: m.start,
                    end: m.end,
                    label: e.label,
                    entity: i,
                    annotation: None,
                    origin: m.origin,
                })
            })
            .filter(|m| m.start < m.end && m.end <= body_len)
            .collect();
        marks.sort_by_key(|m| (m.start, m.end));
        // Overlapping spans cannot both be drawn; keep the first.
        marks.dedup_by(|later, earlier| later.start < earlier.end);
        for m in &mut marks {
            if m.origin == Origin::User {
                m.annotation = self.annotations.iter().position(|a| {
                    a.start == m.start
                        && a.end == m.end
                        && a.status != Status::Rejected
                        && !crate::annotate::corrections::is_correction(a)
                });
            }
        }
        self.marks = marks;
        let mut panel = Vec::new();
        for label in PANEL_LABELS {
            panel.extend(
                self.facts
                    .entities
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.label == label)
                    .map(|(i, _)| PanelItem::Entity(i)),
            );
        }
        panel.extend((0..self.facts.quotes.len()).map(PanelItem::Quote));
        self.panel = panel;
    }

    /// The first mark at or after byte `offset`.
    pub fn mark_at_or_after(&self, offset: usize) -> Option<usize> {
        let i = self.marks.partition_point(|m| m.start < offset);
        (i < self.marks.len()).then_some(i)
    }

    /// The mark that holds byte `offset`.
    pub fn mark_containing(&self, offset: usize) -> Option<usize> {
        let i = self.marks.partition_point(|m| m.end <= offset);
        self.marks.get(i).filter(|m| m.start <= offset).map(|_| i)
    }

    /// The mark covering `[start, end)` exactly.
    pub fn mark_at(&self, start: usize, end: usize) -> Option<usize> {
        self.marks.iter().position(|m| m.start == start && m.end == end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Entity, Mention};

    #[test]
    fn marks_are_sorted_without_overlaps_and_panel_groups_by_label() {
        let m = |s, e| Mention { start: s, end: e, text: String::new(), origin: Origin::Rule };
        let facts = Facts {
            entities: vec![
                Entity { label: Label::Loc, name: "Mali".into(), mentions: vec![m(10, 14), m(0, 4)] },
                Entity { label: Label::Per, name: "Goita".into(), mentions: vec![m(2, 6), m(20, 25)] },
            ],
            ..Facts::default()
        };
        let article = Article { body: "x".repeat(30), ..Article::default() };
        let story = OpenStory::new(article, facts);
        let spans: Vec<(usize, usize)> = story.marks.iter().map(|m| (m.start, m.end)).collect();
        assert_eq!(spans, vec![(0, 4), (10, 14), (20, 25)]);
        assert_eq!(story.panel, vec![PanelItem::Entity(1), PanelItem::Entity(0)]);
        assert_eq!(story.mark_at_or_after(5), Some(1));
        assert_eq!(story.mark_at_or_after(26), None);
    }

    #[test]
    fn annotations_become_marks_that_know_their_annotation() {
        let body = "la force Barkhane et le Mali".to_string();
        let article = Article { body: body.clone(), ..Article::default() };
        let mut story = OpenStory::new(article, Facts::default());
        let a = Annotation::new(&body, 9, 17, "ORG", Status::Accepted, "user");
        story.set_annotations(vec![a], true, false);
        assert_eq!(story.marks.len(), 1);
        assert_eq!(story.marks[0].annotation, Some(0));
        assert!(story.marks[0].is_accepted(&story));
    }
}
