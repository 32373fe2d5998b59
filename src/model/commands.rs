//! What each bindable command does, by area: moving around, searching, filters, annotating,
//! the library's own state (read, star, URL) and feeds. The areas' helpers live in
//! `navigation`, `filters`, `annotating` and `prompt`.

use super::{AppState, CaretMove, Effect, Extend, Overlay, Pane, Prompt, PromptKind};
use crate::command::Command;

impl AppState {
    pub(super) fn command(&mut self, cmd: Command, effects: &mut Vec<Effect>) {
        if let Some(overlay) = self.overlay {
            self.overlay_command(overlay, cmd);
            return;
        }
        if self.entity_page.is_some() {
            self.entity_page_command(cmd, effects);
            return;
        }
        if self.feeds_view.is_some() {
            self.feeds_view_command(cmd, effects);
            return;
        }
        use Command::*;
        match cmd {
            Down | Up | CaretDown | CaretUp | HalfPageDown | HalfPageUp | PageDown | PageUp | Top
            | Bottom | NextPane | PrevPane | Open | Back | Quit | NextStory | PrevStory | NextEntity
            | PrevEntity | ToggleSide | ShowSkipped | Help => self.navigation_command(cmd, effects),
            Search | NextMatch | PrevMatch => self.search_command(cmd),
            FilterUnread | FilterStarred | FilterSource | FilterLang | FilterReview | ClearFilters
            | RelatedStories => self.filter_command(cmd, effects),
            Select | ExtendWord | ExtendWordEnd | ExtendWordBack | ExtendChar | ShrinkChar | Accept
            | Reject | Delete | Link | ChangeLabel | Note | KbId | Undo | Redo => {
                self.annotation_command(cmd, effects)
            }
            EntityPage => self.ask_entity_page(effects),
            MergeEntity => self.merge_entity(effects),
            SplitName => self.message = Some("open an entity's page (p) to split a name out of it".into()),
            SetSpeaker => self.start_speaker(),
            EditRole => self.start_role(),
            NextUnjudged => self.step_unjudged(true, effects),
            PrevUnjudged => self.step_unjudged(false, effects),
            ReviewDone => self.toggle_review_done(effects),
            ToggleRead | ToggleStar | OpenUrl => self.library_command(cmd, effects),
            Copy => self.copy(effects),
            Fetch => self.feeds_command(effects),
            FeedsView => self.open_feeds_view(effects),
            MarkAllRead => self.mark_listed_read(effects),
            FetchStory => self.fetch_story(effects),
        }
    }

    fn navigation_command(&mut self, cmd: Command, effects: &mut Vec<Effect>) {
        match cmd {
            Command::Down => self.scroll_focused(1, effects),
            Command::Up => self.scroll_focused(-1, effects),
            Command::CaretDown if self.focus == Pane::Article => self.move_caret(CaretMove::LineDown),
            Command::CaretUp if self.focus == Pane::Article => self.move_caret(CaretMove::LineUp),
            Command::CaretDown => self.scroll_focused(1, effects),
            Command::CaretUp => self.scroll_focused(-1, effects),
            Command::HalfPageDown => self.scroll_focused((self.page() / 2).max(1), effects),
            Command::HalfPageUp => self.scroll_focused(-(self.page() / 2).max(1), effects),
            Command::PageDown => self.scroll_focused(self.page().max(1), effects),
            Command::PageUp => self.scroll_focused(-self.page().max(1), effects),
            Command::Top => self.scroll_focused(isize::MIN / 2, effects),
            Command::Bottom => self.scroll_focused(isize::MAX / 2, effects),
            Command::NextPane => self.cycle_focus(true),
            Command::PrevPane => self.cycle_focus(false),
            Command::Open => match self.focus {
                Pane::List if self.list.selected().is_some() => {
                    self.focus = Pane::Article;
                    self.relayout();
                    self.mark_read(effects);
                }
                Pane::Side => self.jump_to_panel_item(),
                _ => {}
            },
            Command::Back => self.back(effects),
            Command::Quit => {
                self.save_scroll(effects);
                self.quit = true;
            }
            Command::NextStory => self.read_on(1, effects),
            Command::PrevStory => self.read_on(-1, effects),
            Command::NextEntity => self.step_entity(true),
            Command::PrevEntity => self.step_entity(false),
            // Where the facts cannot stand beside the article and the list, the key shows them
            // in the list's place (and again, hides them); elsewhere it shows or hides the panel.
            Command::ToggleSide if self.panes_beside() < 3 => {
                if self.focus == Pane::Side {
                    self.focus = Pane::Article;
                } else {
                    self.side_enabled = true;
                    self.focus = Pane::Side;
                    self.move_panel(0);
                }
                self.relayout();
            }
            Command::ToggleSide => {
                self.side_enabled = !self.side_enabled;
                if !self.side_enabled && self.focus == Pane::Side {
                    self.focus = Pane::Article;
                }
                self.relayout();
            }
            Command::ShowSkipped => self.open_overlay(Overlay::Skipped),
            Command::Help => self.open_overlay(Overlay::Help),
            _ => {}
        }
    }

    fn search_command(&mut self, cmd: Command) {
        if cmd == Command::Search {
            let kind = match self.focus {
                Pane::List => PromptKind::SearchLibrary,
                _ => PromptKind::SearchArticle,
            };
            self.prompt = Some(Prompt { kind, text: String::new() });
            return;
        }
        self.reader.step_match(cmd == Command::NextMatch);
        if self.reader.search.query.is_empty() {
            self.message = Some("no search: press / to search this article".into());
        }
    }

    fn filter_command(&mut self, cmd: Command, effects: &mut Vec<Effect>) {
        match cmd {
            Command::FilterUnread => self.list.filters.unread = !self.list.filters.unread,
            Command::FilterStarred => self.list.filters.starred = !self.list.filters.starred,
            Command::FilterSource => self.list.cycle_source(),
            Command::FilterLang => self.list.cycle_lang(),
            Command::FilterReview => {
                self.list.filters.review = super::ReviewFilter::next(self.list.filters.review)
            }
            Command::ClearFilters => {
                self.clear_filters();
                self.message = Some("filters cleared".into());
                self.selection_changed(effects);
                return;
            }
            Command::RelatedStories => {
                match self.current_entity_name() {
                    Some(name) => {
                        let newest = self.entity_stories_cap().map(|n| n + 1);
                        effects.push(Effect::EntityStories { name, newest })
                    }
                    None => {
                        self.message =
                            Some("select an entity first (] in the text, or the side panel)".into())
                    }
                }
                return;
            }
            _ => return,
        }
        self.refilter(effects);
    }

    fn annotation_command(&mut self, cmd: Command, effects: &mut Vec<Effect>) {
        match cmd {
            Command::Select => self.start_selection(),
            Command::ExtendWord => self.extend_or_move(Extend::Word, CaretMove::Word),
            Command::ExtendWordEnd => self.extend_or_move(Extend::WordEnd, CaretMove::WordEnd),
            Command::ExtendWordBack => self.extend_or_move(Extend::WordBack, CaretMove::WordBack),
            Command::ExtendChar => self.extend_or_move(Extend::Char, CaretMove::Right),
            Command::ShrinkChar => self.extend_or_move(Extend::ShrinkChar, CaretMove::Left),
            Command::Accept => self.accept(effects),
            Command::Reject => self.reject(effects),
            Command::Delete => self.delete(effects),
            Command::Link => self.start_link(),
            Command::ChangeLabel => {
                if self.reader.cursor.is_some() && self.open.is_some() {
                    self.relabel_pending = true;
                    self.message = Some("press a label key (the status line lists them)".into());
                } else {
                    self.message = Some("move to a mention with ] first".into());
                }
            }
            Command::Note => self.start_field_prompt(PromptKind::Note),
            Command::KbId => self.start_field_prompt(PromptKind::KbId),
            Command::Undo | Command::Redo if self.entity_steps => {
                self.step_entities(cmd == Command::Undo, effects)
            }
            Command::Undo => self.undo_redo(true, effects),
            Command::Redo => self.undo_redo(false, effects),
            _ => {}
        }
    }

    fn library_command(&mut self, cmd: Command, effects: &mut Vec<Effect>) {
        match cmd {
            Command::ToggleRead => {
                if let Some(m) = self.list.selected() {
                    let (i, id, read) = (m.index(), m.id().to_string(), !m.read());
                    self.list.set_read(i, read);
                    effects.push(Effect::SetRead { id, read });
                    self.message = Some(if read { "marked read" } else { "marked unread" }.into());
                }
            }
            Command::ToggleStar => {
                if let Some(m) = self.list.selected() {
                    let (i, id, starred) = (m.index(), m.id().to_string(), !m.starred());
                    self.list.stories.set_starred(i, starred);
                    effects.push(Effect::SetStarred { id, starred });
                    self.message = Some(if starred { "starred" } else { "unstarred" }.into());
                }
            }
            Command::OpenUrl => match self.open.as_ref().and_then(|o| o.article.url.clone()) {
                Some(url) if crate::text::is_web_address(&url) => {
                    self.message = Some(format!("opening {url}"));
                    effects.push(Effect::OpenUrl(url));
                }
                Some(_) => self.message = Some("only http and https addresses are opened".into()),
                None => self.message = Some("this story has no URL".into()),
            },
            _ => {}
        }
    }

    /// `y`: the selected text while selecting, else the story's URL, to the clipboard.
    fn copy(&mut self, effects: &mut Vec<Effect>) {
        /// More than this is not sent: terminals cap what an OSC 52 escape may carry.
        const MAX_COPY: usize = 64 * 1024;
        let selected = self.selection.and_then(|s| self.open.as_ref()?.article.body.get(s.start..s.end));
        let (text, what) = match (selected, self.open.as_ref().and_then(|o| o.article.url.as_deref())) {
            (Some(text), _) => {
                let preview = crate::text::width::truncate(&crate::text::printable(text), 40);
                // As drawn: soft hyphens are invisible in the text, and left out of the copy.
                (text.replace('\u{00AD}', ""), format!("«{preview}»"))
            }
            (None, Some(url)) => (url.to_string(), format!("the URL {}", crate::text::printable(url))),
            (None, None) => {
                self.message = Some("this story has no URL to copy (v selects text to copy)".into());
                return;
            }
        };
        if text.len() > MAX_COPY {
            self.message = Some(format!("too long to copy ({} KiB; at most 64)", text.len() / 1024));
            return;
        }
        if selected.is_some() {
            self.selection = None;
        }
        self.message = Some(format!("copied {what}"));
        effects.push(Effect::Copy(text));
    }

    pub(super) fn feeds_command(&mut self, effects: &mut Vec<Effect>) {
        if self.fetching.is_some() {
            self.message = Some("already fetching the feeds".into());
            return;
        }
        self.fetching = Some((0, 0));
        self.message = Some("fetching the feeds…".into());
        effects.push(Effect::Fetch);
    }
}
