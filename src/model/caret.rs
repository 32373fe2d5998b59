//! The caret in the article text: a byte offset of the body, drawn in the article pane, moved
//! by word (`w`, `b`, `e`), by character (`h`, `l` and the arrows) and by line (the up and down
//! arrows), and put on a mention by `]`/`[`, a search hit or the facts panel. `v` selects from
//! it; on a mention it is that mention's entity cursor.

use super::annotating::{is_word, words};
use super::{AppState, LineKind, Pane};
use crate::text::display_width;

/// A move of the caret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaretMove {
    /// To the start of the next word.
    Word,
    /// To the last character of this word, or of the next.
    WordEnd,
    /// To the start of this word, or of the previous one.
    WordBack,
    Right,
    Left,
    LineDown,
    LineUp,
}

impl AppState {
    /// Where the caret is: where it was put, else at the start of the first body line in view.
    pub fn caret_offset(&self) -> Option<usize> {
        let open = self.open.as_ref()?;
        let reader = &self.reader;
        let top = || {
            reader.lines.iter().skip(reader.scroll).find(|l| l.kind == LineKind::Body).map(|l| l.range.start)
        };
        reader.caret.filter(|&c| c <= open.article.body.len()).or_else(top)
    }

    /// Moves the caret in the article (nothing happens elsewhere), keeping it in view; the
    /// entity cursor follows it onto (and off) mentions.
    pub(super) fn move_caret(&mut self, how: CaretMove) {
        if self.focus != Pane::Article {
            return;
        }
        let (Some(open), Some(at)) = (&self.open, self.caret_offset()) else { return };
        let text = open.article.body.as_str();
        let to = match how {
            CaretMove::Word => words(&text[at..]).find(|&(i, w)| i > 0 && is_word(w)).map(|(i, _)| at + i),
            CaretMove::WordEnd => {
                let after = at + text[at..].chars().next().map_or(0, char::len_utf8);
                words(&text[at..])
                    .map(|(i, w)| (at + i, w))
                    .find(|&(start, w)| is_word(w) && start + w.len() > after)
                    .map(|(start, w)| start + w.char_indices().next_back().map_or(0, |(i, _)| i))
            }
            CaretMove::WordBack => words(&text[..at]).rev().find(|&(_, w)| is_word(w)).map(|(i, _)| i),
            CaretMove::Right => {
                let next = at + text[at..].chars().next().map_or(0, char::len_utf8);
                text[next..].char_indices().find(|&(_, c)| c != '\n').map(|(i, _)| next + i)
            }
            CaretMove::Left => text[..at].char_indices().rev().find(|&(_, c)| c != '\n').map(|(i, _)| i),
            CaretMove::LineDown => self.line_step(at, true),
            CaretMove::LineUp => self.line_step(at, false),
        };
        let Some(to) = to else { return };
        self.reader.caret = Some(to);
        self.caret_moved();
        let line = self.reader.line_of(to);
        self.reader.reveal(line);
    }

    /// `w`, `b`, `e`, `l`, `h`: extend the selection being made, else move the caret.
    pub(super) fn extend_or_move(&mut self, extend: super::Extend, caret: CaretMove) {
        if self.selection.is_some() {
            self.extend_selection(extend);
        } else {
            self.move_caret(caret);
        }
    }

    /// The offset on the next (previous) body line at the caret's column, or that line's end.
    fn line_step(&self, at: usize, down: bool) -> Option<usize> {
        let open = self.open.as_ref()?;
        let text = open.article.body.as_str();
        let lines = &self.reader.lines;
        let here = self.reader.line_of(at);
        let column =
            lines.get(here).map_or(0, |l| display_width(&text[l.range.start..at.max(l.range.start)]));
        let body = |i: &usize| lines[*i].kind == LineKind::Body;
        let target = if down { (here + 1..lines.len()).find(body) } else { (0..here).rev().find(body) }?;
        // At the same column, or past the line's end its last character.
        Some(super::mouse::offset_at_column(text, lines[target].range.clone(), column))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Facts;
    use crate::library::{Article, StoryMeta};
    use crate::model::{Action, LoadedStory, Settings, update};

    const BODY: &str = "Selon l'Agence Ecofin, la convention a été signée.\n\nÀ Moscou, le ministre.";

    fn reading() -> AppState {
        let meta = StoryMeta { id: "a".into(), title: "T".into(), ..StoryMeta::default() };
        // 20 columns: the first paragraph wraps over three lines.
        let (mut state, _) = AppState::new(vec![meta], 24, 20, Settings::default());
        state.side_enabled = false;
        let article = Article { id: "a".into(), title: "T".into(), body: BODY.into(), ..Article::default() };
        let story = LoadedStory { article, facts: Facts::default(), ..LoadedStory::default() };
        update(&mut state, Action::StoryLoaded { story: Box::new(story) });
        state
    }

    fn at(state: &AppState) -> &str {
        &BODY[state.caret_offset().unwrap()..]
    }

    #[test]
    fn the_caret_moves_by_word_character_and_line() {
        let mut state = reading();
        assert_eq!(state.focus, Pane::Article);
        assert!(at(&state).starts_with("Selon"), "it starts at the top of the view");
        let mut go = |how| {
            state.move_caret(how);
            at(&state).chars().take(6).collect::<String>()
        };
        assert_eq!(go(CaretMove::Word), "l'Agen");
        assert_eq!(go(CaretMove::Word), "Agence", "an elision is a word of its own");
        assert_eq!(go(CaretMove::WordEnd), "e Ecof");
        assert_eq!(go(CaretMove::WordEnd), "n, la ");
        assert_eq!(go(CaretMove::WordBack), "Ecofin");
        assert_eq!(go(CaretMove::Right), "cofin,");
        assert_eq!(go(CaretMove::Left), "Ecofin");
        // Down a line, at the same column (or the line's end); the blank line between
        // paragraphs is passed over.
        assert_eq!(go(CaretMove::LineDown), "conven");
        assert_eq!(go(CaretMove::LineDown), "signée");
        assert_eq!(go(CaretMove::LineDown), "À Mosc");
        let mut state2 = reading();
        for _ in 0..40 {
            state2.move_caret(CaretMove::Word);
        }
        assert_eq!(at(&state2), "ministre.", "the last word; no further");
        let lines: Vec<&str> = state2
            .reader
            .lines
            .iter()
            .filter(|l| l.kind == LineKind::Body)
            .map(|l| &BODY[l.range.clone()])
            .collect();
        assert_eq!(
            lines,
            vec!["Selon l'Agence", "Ecofin, la", "convention a été", "signée.", "À Moscou, le", "ministre."]
        );
        state2.move_caret(CaretMove::LineUp);
        assert_eq!(at(&state2), "À Moscou, le ministre.", "up a line, at the same column");
        state2.move_caret(CaretMove::LineUp);
        assert_eq!(at(&state2), "signée.\n\nÀ Moscou, le ministre.", "up into the paragraph above");
    }
}
