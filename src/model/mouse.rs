//! What the mouse does, once `input` has found where it points (`Pointer`): the wheel scrolls
//! the pane under the pointer, a click in the list selects that story, a click on a word of
//! the article puts the caret there, a click elsewhere in a pane focuses it.

use super::{AppState, Effect, LineKind, Pane};
use crate::text::width::grapheme_width;

/// What a mouse event points at, in the state's own terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pointer {
    /// The wheel over a pane: `lines` down (negative: up).
    Scroll { pane: Pane, lines: isize },
    /// A click on row `row` of the list (an index into `StoryList::rows`).
    Story { row: usize },
    /// A click at display column `column` of laid-out article line `line`.
    Text { line: usize, column: usize },
    /// A click somewhere else in a pane.
    Pane(Pane),
}

impl AppState {
    pub(super) fn pointer(&mut self, pointer: Pointer, effects: &mut Vec<Effect>) {
        match pointer {
            Pointer::Scroll { pane: Pane::List, lines } => {
                let last = self.list.rows.len().saturating_sub(self.list_height());
                self.list.offset = self.list.offset.saturating_add_signed(lines).min(last);
                self.ask_snippets(effects);
            }
            Pointer::Scroll { pane: Pane::Article, lines } => {
                self.reader.scroll_by(lines);
                if self.reader.keep_caret_in_view() {
                    self.caret_moved();
                }
            }
            Pointer::Scroll { pane: Pane::Side, lines } => {
                self.focus_pane(Pane::Side);
                self.move_panel(lines);
            }
            Pointer::Story { row } if row < self.list.rows.len() => {
                self.focus_pane(Pane::List);
                let delta = row as isize - self.list.selected as isize;
                self.move_selection(delta, effects);
            }
            Pointer::Story { .. } => self.focus_pane(Pane::List),
            Pointer::Text { line, column } => {
                // Where the click is in the text as laid out now: focusing the article may
                // widen it (a narrow terminal) and wrap it again.
                let at = match (&self.open, self.reader.lines.get(line)) {
                    (Some(open), Some(l)) if l.kind == LineKind::Body && self.selection.is_none() => {
                        Some(offset_at_column(&open.article.body, l.range.clone(), column))
                    }
                    _ => None,
                };
                self.focus_pane(Pane::Article);
                if let Some(at) = at {
                    self.reader.caret = Some(at);
                    self.caret_moved();
                    let line = self.reader.line_of(at);
                    self.reader.reveal(line);
                }
            }
            Pointer::Pane(pane) => self.focus_pane(pane),
        }
    }

    /// Focuses a pane that is shown (the side panel only while enabled).
    fn focus_pane(&mut self, pane: Pane) {
        if self.focus == pane || (pane == Pane::Side && !self.side_enabled) {
            return;
        }
        self.focus = pane;
        self.relayout();
    }
}

/// The character of `text[range]` under display column `column` (counted from the range's
/// start), or the line's last character past its end.
pub(super) fn offset_at_column(text: &str, range: std::ops::Range<usize>, column: usize) -> usize {
    let line = text.get(range.clone()).unwrap_or("");
    let mut width = 0;
    // By grapheme cluster, as the line is drawn (an emoji sequence is one cluster).
    for (i, g) in unicode_segmentation::UnicodeSegmentation::grapheme_indices(line, true) {
        width += grapheme_width(g);
        if width > column {
            return range.start + i;
        }
    }
    range.start + line.char_indices().next_back().map_or(0, |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Facts;
    use crate::library::{Article, StoryMeta};
    use crate::model::{Action, LoadedStory, Settings, update};

    const BODY: &str = "Selon l'Agence Ecofin, la convention a été signée.\n\nÀ Moscou, le ministre.";

    fn reading(stories: usize) -> AppState {
        let metas = (0..stories)
            .map(|i| StoryMeta { id: format!("s{i}"), title: format!("Story {i}"), ..StoryMeta::default() })
            .collect();
        let (mut state, _) = AppState::new(metas, 120, 20, Settings::default());
        let article = Article { id: "s0".into(), title: "T".into(), body: BODY.into(), ..Article::default() };
        let story = LoadedStory { article, facts: Facts::default(), ..LoadedStory::default() };
        update(&mut state, Action::StoryLoaded { story: Box::new(story) });
        state
    }

    #[test]
    fn a_click_on_a_word_puts_the_caret_on_it() {
        let mut state = reading(3);
        let line = state.reader.lines.iter().position(|l| l.kind == LineKind::Body).unwrap();
        // "Selon l'Agence Ecofin": column 15 is the E of Ecofin.
        let effects = update(&mut state, Action::Pointer(Pointer::Text { line, column: 15 }));
        assert!(effects.is_empty());
        assert_eq!(state.focus, Pane::Article);
        assert!(BODY[state.reader.caret.unwrap()..].starts_with("Ecofin"));
        // Past the end of the line: its last character; on the title: nothing moves.
        update(&mut state, Action::Pointer(Pointer::Text { line, column: 500 }));
        let caret = state.reader.caret.unwrap();
        assert_eq!(&BODY[caret..caret + 1], ".");
        update(&mut state, Action::Pointer(Pointer::Text { line: 0, column: 3 }));
        assert_eq!(state.reader.caret, Some(caret));
    }

    #[test]
    fn a_click_in_a_preview_that_widens_lands_on_the_word_clicked() {
        // 80 columns: the focused list has half the width, the article preview is narrow.
        let mut state = reading(3);
        update(&mut state, Action::Resize(80, 20));
        state.focus = Pane::List;
        update(&mut state, Action::Resize(80, 20));
        let narrow = state.reader.width;
        let line = state.reader.lines.iter().position(|l| l.kind == LineKind::Body).unwrap() + 1;
        let clicked = state.reader.lines[line].range.start;
        update(&mut state, Action::Pointer(Pointer::Text { line, column: 0 }));
        assert!(state.reader.width > narrow, "the article took the focus and the width");
        assert_ne!(state.reader.lines[line].range.start, clicked, "the text was wrapped again");
        assert_eq!(state.reader.caret, Some(clicked), "on the word that was under the pointer");
    }

    #[test]
    fn a_click_in_the_list_selects_that_story_and_asks_for_it() {
        let mut state = reading(5);
        state.focus = Pane::Article;
        let effects = update(&mut state, Action::Pointer(Pointer::Story { row: 3 }));
        assert_eq!((state.focus, state.list.selected), (Pane::List, 3));
        assert_eq!(effects, vec![Effect::LoadStory { id: "s3".into() }]);
        // A row past the last: the list takes the focus, the selection stays.
        let effects = update(&mut state, Action::Pointer(Pointer::Story { row: 9 }));
        assert!(effects.is_empty());
        assert_eq!(state.list.selected, 3);
    }

    #[test]
    fn the_wheel_scrolls_the_pane_under_it_without_moving_the_focus() {
        let mut state = reading(60);
        state.focus = Pane::List;
        update(&mut state, Action::Pointer(Pointer::Scroll { pane: Pane::List, lines: 3 }));
        assert_eq!((state.list.offset, state.list.selected), (3, 0), "the view moves, not the selection");
        update(&mut state, Action::Pointer(Pointer::Scroll { pane: Pane::List, lines: 1000 }));
        assert_eq!(state.list.offset, 60 - state.list_height(), "not past the last row");
        update(&mut state, Action::Pointer(Pointer::Scroll { pane: Pane::List, lines: -1000 }));
        assert_eq!(state.list.offset, 0);
        // A long article scrolls under the pointer while the list keeps the focus.
        let long: Vec<String> = (0..80).map(|i| format!("Paragraph {i}.")).collect();
        let article =
            Article { id: "s0".into(), title: "T".into(), body: long.join("\n\n"), ..Article::default() };
        update(
            &mut state,
            Action::StoryLoaded { story: Box::new(LoadedStory { article, ..LoadedStory::default() }) },
        );
        update(&mut state, Action::Pointer(Pointer::Scroll { pane: Pane::Article, lines: 3 }));
        assert_eq!((state.reader.scroll, state.focus), (3, Pane::List));
        update(&mut state, Action::Pointer(Pointer::Scroll { pane: Pane::Article, lines: -5 }));
        assert_eq!(state.reader.scroll, 0);
    }
}
