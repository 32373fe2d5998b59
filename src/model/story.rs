//! The story open in the reader: its article, what was extracted from it, and the spans to
//! highlight, sorted for drawing and for `]`/`[`.

use crate::extract::{Facts, Label};
use crate::library::Article;

/// A highlighted span of the body: an entity mention or a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    /// Index into `facts.entities`.
    pub entity: usize,
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
    pub facts: Facts,
    pub marks: Vec<Mark>,
    /// Selectable rows of the side panel, in the order drawn.
    pub panel: Vec<PanelItem>,
}

/// The order of the side panel's sections.
pub const PANEL_LABELS: [Label; 5] = [Label::Per, Label::Org, Label::Loc, Label::Misc, Label::Date];

impl OpenStory {
    pub fn new(article: Article, facts: Facts) -> OpenStory {
        let mut marks: Vec<Mark> = facts
            .entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                e.mentions.iter().map(move |m| Mark { start: m.start, end: m.end, label: e.label, entity: i })
            })
            .filter(|m| m.start < m.end && m.end <= article.body.len())
            .collect();
        marks.sort_by_key(|m| (m.start, m.end));
        // Overlapping spans cannot both be drawn; keep the first.
        marks.dedup_by(|later, earlier| later.start < earlier.end);
        let mut panel = Vec::new();
        for label in PANEL_LABELS {
            panel.extend(
                facts
                    .entities
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.label == label)
                    .map(|(i, _)| PanelItem::Entity(i)),
            );
        }
        panel.extend((0..facts.quotes.len()).map(PanelItem::Quote));
        OpenStory { article, facts, marks, panel }
    }

    /// The first mark at or after byte `offset`.
    pub fn mark_at_or_after(&self, offset: usize) -> Option<usize> {
        let i = self.marks.partition_point(|m| m.start < offset);
        (i < self.marks.len()).then_some(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Entity, Mention, Origin};

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
}
