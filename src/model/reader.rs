//! The article as laid out for reading: wrapped lines over byte ranges of the title, a metadata
//! line and the body, plus scrolling and in-article search. Pure: recomputed when the story,
//! the width or the query changes, never while drawing.

use std::ops::Range;

use crate::library::Article;
use crate::text::dates::Dates;
use crate::text::{find_terms, find_words, wrap};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A line of the article's title (range into `Article::title`).
    Title,
    /// The metadata line (range into `Reader::meta`).
    Meta,
    Blank,
    /// A line of the body (range into `Article::body`).
    Body,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine {
    pub kind: LineKind,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// As typed (shown in the status line).
    pub query: String,
    /// What is looked for: the query itself, or each term of a library search.
    pub terms: Vec<String>,
    /// Terms match whole words (a library search, as its index does), not anywhere.
    pub whole_words: bool,
    /// Byte ranges of the hits in the body, in order.
    pub matches: Vec<Range<usize>>,
    pub current: Option<usize>,
}

impl Search {
    fn find(&self, body: &str) -> Vec<Range<usize>> {
        if self.whole_words { find_words(body, &self.terms) } else { find_terms(body, &self.terms) }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reader {
    /// Id of the story laid out.
    pub story: Option<String>,
    pub meta: String,
    pub lines: Vec<DocLine>,
    /// First line shown.
    pub scroll: usize,
    /// Text width and height the lines were laid out for.
    pub width: usize,
    pub height: usize,
    pub search: Search,
    /// The mark (`OpenStory::marks`) the entity cursor is on, moved by `]`/`[`.
    pub cursor: Option<usize>,
    /// The entity whose mentions are all emphasised.
    pub selected_entity: Option<usize>,
    /// Where the caret is in the body (a byte offset): on the mention the entity cursor is on,
    /// the search hit, or just after a mention judged away. Walks through the text start here.
    pub caret: Option<usize>,
}

/// "Mon 21 Nov 2022 · Agence Ecofin · fr · 512 words · 3 min", the date shown as `dates` says.
pub fn meta_line(article: &Article, dates: &Dates) -> String {
    let words = article.word_count();
    let date = article.date.as_deref().filter(|d| !d.trim().is_empty()).map(|d| dates.long(d));
    let mut parts: Vec<String> = date
        .into_iter()
        .chain([&article.source, &article.author, &article.lang].into_iter().flatten().cloned())
        .filter(|s| !s.trim().is_empty())
        .collect();
    parts.push(format!("{words} word{}", if words == 1 { "" } else { "s" }));
    parts.push(format!("{} min", article.reading_minutes()));
    if article.damaged {
        parts.push("damaged: invalid bytes replaced".into());
    }
    parts.join(" · ")
}

/// Lays an article out at `width` cells: title, metadata, a blank line, then paragraphs
/// separated by blank lines.
pub fn layout(article: &Article, meta: &str, width: usize) -> Vec<DocLine> {
    let mut lines = Vec::new();
    let title = article.title.trim_end();
    for r in wrap(title, width) {
        lines.push(DocLine { kind: LineKind::Title, range: r });
    }
    for r in wrap(meta, width) {
        lines.push(DocLine { kind: LineKind::Meta, range: r });
    }
    for (offset, para) in article.paragraphs() {
        lines.push(DocLine { kind: LineKind::Blank, range: 0..0 });
        for r in wrap(para, width) {
            lines.push(DocLine { kind: LineKind::Body, range: offset + r.start..offset + r.end });
        }
    }
    lines
}

impl Reader {
    /// Shows `article` (index `story`) laid out for a `width`×`height` text area; keeps the
    /// scroll position when only the size changed.
    pub fn show(&mut self, article: &Article, dates: &Dates, width: usize, height: usize) {
        let same_story = self.story.as_deref() == Some(article.id.as_str());
        if same_story && self.width == width && self.height == height && !self.lines.is_empty() {
            return;
        }
        // Keep the line at the top of the view in place across re-wraps.
        let anchor = self.top_offset();
        if !same_story {
            self.meta = meta_line(article, dates);
            self.search.matches = self.search.find(&article.body);
            self.search.current = None;
            self.cursor = None;
            self.selected_entity = None;
            self.caret = None;
        }
        self.story = Some(article.id.clone());
        self.width = width;
        self.height = height;
        self.lines = layout(article, &self.meta, width.max(1));
        self.scroll = match (same_story, anchor) {
            (true, Some(offset)) => self.line_of(offset),
            _ => 0,
        };
        self.clamp_scroll();
    }

    /// The metadata line again (the day turned, so "today" became "yesterday"), the view kept.
    pub fn refresh_meta(&mut self, article: &Article, dates: &Dates) {
        let meta = meta_line(article, dates);
        if meta == self.meta || self.story.as_deref() != Some(article.id.as_str()) {
            return;
        }
        let anchor = self.top_offset();
        self.meta = meta;
        self.lines = layout(article, &self.meta, self.width.max(1));
        self.scroll = anchor.map_or(self.scroll, |offset| self.line_of(offset));
        self.clamp_scroll();
    }

    fn top_offset(&self) -> Option<usize> {
        let line = self.lines.get(self.scroll)?;
        (line.kind == LineKind::Body).then_some(line.range.start)
    }

    /// The line that contains body byte `offset` (the last one starting at or before it).
    pub fn line_of(&self, offset: usize) -> usize {
        let mut found = 0;
        for (i, line) in self.lines.iter().enumerate() {
            if line.kind == LineKind::Body && line.range.start <= offset {
                found = i;
            } else if line.kind == LineKind::Body {
                break;
            }
        }
        found
    }

    pub fn max_scroll(&self) -> usize {
        self.lines.len().saturating_sub(self.height.max(1))
    }

    pub fn scroll_by(&mut self, delta: isize) {
        self.scroll = self.scroll.saturating_add_signed(delta);
        self.clamp_scroll();
    }

    pub fn scroll_to(&mut self, line: usize) {
        self.scroll = line;
        self.clamp_scroll();
    }

    fn clamp_scroll(&mut self) {
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// After scrolling: a caret that left the view comes back to its first (or last) line.
    /// Returns whether it moved.
    pub fn keep_caret_in_view(&mut self) -> bool {
        let Some(caret) = self.caret else { return false };
        let line = self.line_of(caret);
        let last = (self.scroll + self.height.max(1)).min(self.lines.len()).saturating_sub(1);
        let body_line = |i: usize| self.lines.get(i).filter(|l| l.kind == LineKind::Body);
        let moved = if line < self.scroll {
            (self.scroll..=last).find_map(body_line).map(|l| l.range.start)
        } else if line > last {
            (self.scroll..=last).rev().find_map(body_line).map(|l| l.range.start)
        } else {
            return false;
        };
        self.caret = moved;
        true
    }

    /// Scrolls so that `line` is visible, a third of the way down when it has to move.
    pub fn reveal(&mut self, line: usize) {
        let h = self.height.max(1);
        if line < self.scroll || line >= self.scroll + h {
            self.scroll_to(line.saturating_sub(h / 3));
        }
    }

    /// Runs a search over the body and moves to the first hit at or after the view.
    /// Looks for `query` anywhere in the text (the reader's own search).
    pub fn search(&mut self, article: &Article, query: &str, terms: Vec<String>) {
        self.search.whole_words = false;
        self.show_search(article, query, terms);
    }

    /// Shows a library search's hits in the text: its terms, as whole words.
    pub fn search_words(&mut self, article: &Article, query: &str) {
        self.search.whole_words = true;
        self.show_search(article, query, crate::text::query_terms(query));
    }

    fn show_search(&mut self, article: &Article, query: &str, terms: Vec<String>) {
        self.search.query = query.to_string();
        self.search.terms = terms;
        self.search.matches = self.search.find(&article.body);
        let top =
            self.lines.get(self.scroll).filter(|l| l.kind == LineKind::Body).map_or(0, |l| l.range.start);
        self.search.current = self.search.matches.iter().position(|m| m.start >= top).or(
            // Wrap around to the first hit.
            (!self.search.matches.is_empty()).then_some(0),
        );
        self.reveal_current();
    }

    pub fn clear_search(&mut self) {
        self.search = Search::default();
    }

    /// Moves to the next (`forward`) or previous hit, wrapping around.
    pub fn step_match(&mut self, forward: bool) {
        let n = self.search.matches.len();
        if n == 0 {
            return;
        }
        self.search.current = Some(match (self.search.current, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        });
        self.reveal_current();
    }

    fn reveal_current(&mut self) {
        if let Some(m) = self.search.current.and_then(|i| self.search.matches.get(i)) {
            self.caret = Some(m.start);
            let line = self.line_of(m.start);
            self.reveal(line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(body: &str) -> Article {
        Article { title: "Titre".into(), body: body.into(), ..Article::default() }
    }

    #[test]
    fn layout_has_title_meta_then_paragraphs_with_blank_lines() {
        let a = article("Un deux trois.\n\nQuatre cinq.");
        let meta = meta_line(&a, &Dates::default());
        let lines = layout(&a, &meta, 8);
        let kinds: Vec<LineKind> = lines.iter().map(|l| l.kind).collect();
        use LineKind::*;
        assert_eq!(kinds[0], Title);
        assert!(kinds.contains(&Meta));
        let body: Vec<&str> =
            lines.iter().filter(|l| l.kind == Body).map(|l| &a.body[l.range.clone()]).collect();
        assert_eq!(body, vec!["Un deux", "trois.", "Quatre", "cinq."]);
        assert_eq!(kinds.iter().filter(|k| **k == Blank).count(), 2);
    }

    #[test]
    fn search_finds_hits_and_steps_around() {
        let a = article("Sécurité d'abord.\n\nLa securite ensuite. SÉCURITÉ enfin.");
        let mut r = Reader::default();
        r.show(&a, &Dates::default(), 20, 5);
        r.search(&a, "securite", vec!["securite".into()]);
        assert_eq!(r.search.matches.len(), 3);
        assert_eq!(r.search.current, Some(0));
        r.step_match(false);
        assert_eq!(r.search.current, Some(2));
        r.step_match(true);
        assert_eq!(r.search.current, Some(0));
        r.search(&a, "absent", vec!["absent".into()]);
        assert_eq!(r.search.current, None);
        r.step_match(true);
        assert_eq!(r.search.current, None);
    }

    #[test]
    fn resizing_keeps_the_top_line_and_clamps_scroll() {
        let body: Vec<String> = (0..40).map(|i| format!("Paragraphe numéro {i} avec des mots.")).collect();
        let a = article(&body.join("\n\n"));
        let mut r = Reader::default();
        r.show(&a, &Dates::default(), 30, 10);
        let body_line = (41..r.lines.len()).find(|&i| r.lines[i].kind == LineKind::Body).unwrap();
        r.scroll_to(body_line);
        let top = r.top_offset().unwrap();
        r.show(&a, &Dates::default(), 12, 10);
        let line = &r.lines[r.scroll];
        assert!(line.range.start <= top && top < line.range.end, "{line:?} should hold {top}");
        r.scroll_by(10_000);
        assert_eq!(r.scroll, r.max_scroll());
        r.scroll_by(-10_000);
        assert_eq!(r.scroll, 0);
    }
}
