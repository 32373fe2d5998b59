//! The one-line prompt (search, link, note, knowledge-base id) and the popups (help,
//! skipped files): what a submitted prompt does, and what keys do while a popup is open.

use super::{AppState, Effect, Overlay, PromptKind, annotating};
use crate::command::Command;

impl AppState {
    pub(super) fn open_overlay(&mut self, overlay: Overlay) {
        self.overlay = Some(overlay);
        self.overlay_scroll = 0;
    }

    pub(super) fn overlay_command(&mut self, overlay: Overlay, cmd: Command) {
        match cmd {
            Command::Down | Command::CaretDown => self.overlay_scroll += 1,
            Command::Up | Command::CaretUp => self.overlay_scroll = self.overlay_scroll.saturating_sub(1),
            Command::PageDown | Command::HalfPageDown => self.overlay_scroll += 10,
            Command::PageUp | Command::HalfPageUp => {
                self.overlay_scroll = self.overlay_scroll.saturating_sub(10)
            }
            Command::Top => self.overlay_scroll = 0,
            Command::Quit => self.quit = true,
            Command::Help if overlay != Overlay::Help => self.open_overlay(Overlay::Help),
            Command::ShowSkipped if overlay != Overlay::Skipped => self.open_overlay(Overlay::Skipped),
            // Any other key closes the overlay, as a reader expects from a popup.
            _ => self.overlay = None,
        }
    }

    pub(super) fn submit_prompt(&mut self, effects: &mut Vec<Effect>) {
        let Some(prompt) = self.prompt.take() else { return };
        let query = prompt.text.trim().to_string();
        match prompt.kind {
            PromptKind::SearchLibrary if query.is_empty() => {
                self.list.filters.search = None;
                self.list.filters.query = None;
                self.refilter(effects);
            }
            PromptKind::SearchLibrary => self.submit_query(query, effects),
            PromptKind::Link => {
                self.finish_link(&query, effects);
                self.link_library.clear();
            }
            PromptKind::Note => self.finish_field(annotating::Field::Note, &query, effects),
            PromptKind::KbId => self.finish_field(annotating::Field::KbId, &query, effects),
            PromptKind::Speaker | PromptKind::Role => self.finish_correction(&query, effects),
            PromptKind::SearchArticle if query.is_empty() => self.reader.clear_search(),
            PromptKind::SearchArticle => {
                if let Some(open) = &self.open {
                    self.reader.search(&open.article, &query, vec![query.clone()]);
                    let n = self.reader.search.matches.len();
                    self.message = Some(match n {
                        0 => format!("no match for {query:?}"),
                        1 => "1 match".into(),
                        _ => format!("{n} matches"),
                    });
                }
            }
        }
    }
}
