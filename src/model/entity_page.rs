//! The entity page: what the library knows about the entity under the cursor (`p`), shown over
//! the panes, with its stories to choose from; `Enter` opens one in the reader at the entity's
//! first mention.

use super::{AppState, Effect, Overlay, Pane};
use crate::command::Command;
use crate::library::profile::Profile;

/// The page as the state keeps it: the profile (plain data) and the selected story.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityPage {
    pub profile: Profile,
    /// Index into `profile.stories`.
    pub selected: usize,
}

/// A story opened from the page, waiting to arrive: its id and where the entity is first
/// mentioned in its text (bytes), if known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PageJump {
    id: String,
    at: Option<usize>,
}

impl AppState {
    /// `p`: asks for the page of the entity selected in the text or the facts panel.
    pub(super) fn ask_entity_page(&mut self, effects: &mut Vec<Effect>) {
        match self.current_entity_name() {
            Some(name) => {
                self.message = Some(format!("reading what the library knows of {name}…"));
                effects.push(Effect::EntityPage { name });
            }
            None => self.message = Some("select an entity first (] in the text, or the side panel)".into()),
        }
    }

    pub(super) fn entity_page_loaded(&mut self, profile: Profile) {
        self.message = None;
        self.entity_page = Some(EntityPage { profile, selected: 0 });
    }

    /// A command while the page is shown: moving through its stories, opening one, closing.
    pub(super) fn entity_page_command(&mut self, cmd: Command, effects: &mut Vec<Effect>) {
        let Some(page) = &mut self.entity_page else { return };
        let last = page.profile.stories.len().saturating_sub(1) as isize;
        let step = |page: &mut EntityPage, delta: isize| {
            page.selected = (page.selected as isize).saturating_add(delta).clamp(0, last) as usize;
        };
        match cmd {
            Command::Down | Command::CaretDown => step(page, 1),
            Command::Up | Command::CaretUp => step(page, -1),
            Command::PageDown | Command::HalfPageDown => step(page, 10),
            Command::PageUp | Command::HalfPageUp => step(page, -10),
            Command::Top => page.selected = 0,
            Command::Bottom => page.selected = last as usize,
            Command::Open => self.open_from_page(effects),
            Command::Back => self.entity_page = None,
            Command::Quit => {
                self.save_scroll(effects);
                self.quit = true;
            }
            Command::Help => self.open_overlay(Overlay::Help),
            _ => {}
        }
    }

    /// `Enter` on the page: the selected story in the reader (the filters that hide it are
    /// cleared), at the entity's first mention once it has arrived.
    fn open_from_page(&mut self, effects: &mut Vec<Effect>) {
        let Some(story) = self.entity_page.as_ref().and_then(|p| p.profile.stories.get(p.selected)) else {
            return;
        };
        let jump = PageJump { id: story.id.clone(), at: story.first_at };
        let Some(index) = self.list.index_of(&jump.id) else {
            self.message = Some("this story is not in the list (outside the library's scope)".into());
            return;
        };
        let row_of = |state: &AppState| state.list.rows.iter().position(|r| r.story == index);
        let row = match row_of(self) {
            Some(row) => row,
            None => {
                self.clear_filters();
                let Some(row) = row_of(self) else { return };
                row
            }
        };
        self.entity_page = None;
        self.selection = None;
        self.focus = Pane::Article;
        if row != self.list.selected {
            self.save_scroll(effects);
            self.list.selected = row;
            self.panel_selected = 0;
            self.panel_scroll = 0;
        }
        self.page_jump = Some(jump);
        self.selection_changed(effects);
        self.mark_read(effects);
        // Already open: no story to wait for.
        if self.open_is_selected() {
            self.arrived_from_page();
        }
    }

    /// A story opened from the page has arrived: the cursor goes to the entity's first mention.
    pub(super) fn arrived_from_page(&mut self) {
        let Some(jump) = self.page_jump.take() else { return };
        let Some(open) = self.open.as_ref().filter(|o| o.article.id == jump.id) else { return };
        self.focus = Pane::Article;
        let Some(at) = jump.at else { return };
        match open.mark_containing(at).or_else(|| open.mark_at_or_after(at)) {
            Some(i) => self.cursor_to_mark(i),
            None => {
                let line = self.reader.line_of(at);
                self.reader.reveal(line);
            }
        }
    }
}
