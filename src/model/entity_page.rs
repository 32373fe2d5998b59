//! The entity page: what the library knows about the entity under the cursor (`p`), shown over
//! the panes, with its stories to choose from; `Enter` opens one in the reader at the entity's
//! first mention. `Tab` moves to the left column (names, roles, companions, quotes): `X` splits
//! the selected name out of the entity, `Enter` opens a companion's page or a quote's story.
//! `M` marks an entity and merges another into it, from the page or from a mention.

use super::{AppState, Effect, Overlay, Pane};
use crate::annotate::entity_edit::{EntityRequest, Target};
use crate::command::Command;
use crate::library::profile::{Profile, StoryRef};

/// The page as the state keeps it: the profile (plain data), the selected story and the
/// selected item of the left column, and which of the two the keys move.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityPage {
    pub profile: Profile,
    /// Index into `profile.stories`.
    pub selected: usize,
    /// Index into the left column's items (`left_item`).
    pub left: usize,
    pub focus: PageFocus,
    /// The next window of stories has been asked for and has not arrived yet.
    pub asking: bool,
}

/// The page asks for the next window of stories when the selection comes this close to the
/// last one it holds.
const ASK_AHEAD: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PageFocus {
    #[default]
    Stories,
    /// The left column: names, roles, companions, quotes.
    Facts,
}

/// An item of the page's left column, one under the other: each name, role, companion, quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeftItem {
    Name(usize),
    Role(usize),
    Companion(usize),
    Quote(usize),
}

impl EntityPage {
    pub fn new(profile: Profile) -> EntityPage {
        EntityPage { profile, selected: 0, left: 0, focus: PageFocus::Stories, asking: false }
    }

    /// How many items the left column holds.
    pub fn left_len(&self) -> usize {
        let p = &self.profile;
        p.aliases.len() + p.roles.len() + p.cooccurring.len() + p.quotes.len()
    }

    /// The left column's item `i`.
    pub fn left_item(&self, i: usize) -> Option<LeftItem> {
        let p = &self.profile;
        let sections = [
            (p.aliases.len(), LeftItem::Name as fn(usize) -> LeftItem),
            (p.roles.len(), LeftItem::Role),
            (p.cooccurring.len(), LeftItem::Companion),
            (p.quotes.len(), LeftItem::Quote),
        ];
        let mut at = i;
        for (len, item) in sections {
            if at < len {
                return Some(item(at));
            }
            at -= len;
        }
        None
    }
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
        self.entity_page = Some(EntityPage::new(profile));
    }

    /// A command while the page is shown: moving through its stories or its left column,
    /// opening, merging, splitting, undoing those, closing.
    pub(super) fn entity_page_command(&mut self, cmd: Command, effects: &mut Vec<Effect>) {
        let Some(page) = &mut self.entity_page else { return };
        let len = match page.focus {
            PageFocus::Stories => page.profile.stories.len(),
            PageFocus::Facts => page.left_len(),
        };
        let at = match page.focus {
            PageFocus::Stories => &mut page.selected,
            PageFocus::Facts => &mut page.left,
        };
        let last = len.saturating_sub(1) as isize;
        let moved = |at: usize, delta: isize| (at as isize).saturating_add(delta).clamp(0, last) as usize;
        let delta = match cmd {
            Command::Down | Command::CaretDown => Some(1),
            Command::Up | Command::CaretUp => Some(-1),
            Command::PageDown | Command::HalfPageDown => Some(10),
            Command::PageUp | Command::HalfPageUp => Some(-10),
            Command::Top => Some(isize::MIN / 2),
            Command::Bottom => Some(isize::MAX / 2),
            _ => None,
        };
        if let Some(delta) = delta {
            *at = moved(*at, delta);
            self.ask_more_stories(effects);
            return;
        }
        match cmd {
            Command::NextPane | Command::PrevPane => {
                page.focus = match page.focus {
                    PageFocus::Stories => PageFocus::Facts,
                    PageFocus::Facts => PageFocus::Stories,
                }
            }
            Command::Open if page.focus == PageFocus::Facts => self.open_left_item(effects),
            Command::Open => self.open_from_page(effects),
            Command::MergeEntity => self.merge_entity(effects),
            Command::SplitName => self.split_name(effects),
            Command::Undo => self.step_entities(true, effects),
            Command::Redo => self.step_entities(false, effects),
            Command::Back => self.entity_page = None,
            Command::Quit => {
                self.save_scroll(effects);
                self.quit = true;
            }
            Command::Help => self.open_overlay(Overlay::Help),
            _ => {}
        }
    }

    /// Near the end of the stories the page holds, asks for the next window (once at a time).
    fn ask_more_stories(&mut self, effects: &mut Vec<Effect>) {
        let Some(page) = &mut self.entity_page else { return };
        let held = page.profile.stories.len();
        let near_end = page.selected + ASK_AHEAD >= held;
        if page.focus == PageFocus::Stories && near_end && held < page.profile.story_count && !page.asking {
            page.asking = true;
            effects.push(Effect::EntityPageMore { name: page.profile.name.clone(), skip: held });
        }
    }

    /// The next window of the page's stories has arrived: added, if the page shown is still
    /// the one that asked and holds what it held then.
    pub(super) fn entity_page_more(&mut self, name: &str, skip: usize, stories: Vec<StoryRef>) {
        let Some(page) = &mut self.entity_page else { return };
        if page.profile.name != name {
            return;
        }
        page.asking = false;
        if page.profile.stories.len() != skip {
            return;
        }
        if stories.is_empty() {
            // The library changed under the page: it holds all there is now.
            page.profile.story_count = skip;
        }
        page.profile.stories.extend(stories);
    }

    /// `M`: marks the entity under the cursor (its page, a mention, the facts panel); on another
    /// one, merges it into the marked one. `M` again on the marked one forgets the mark.
    pub(super) fn merge_entity(&mut self, effects: &mut Vec<Effect>) {
        let current = match &self.entity_page {
            Some(page) => Some(Target {
                name: page.profile.name.clone(),
                label: Some(page.profile.label.clone()),
                whole: true,
            }),
            None => self.current_entity_target(),
        };
        let Some(current) = current else {
            self.message = Some("select an entity first (] in the text, the side panel, or its page)".into());
            return;
        };
        let Some(into) = self.merge_mark.take() else {
            self.message = Some(format!(
                "{} marked: press M on another entity (a mention, the side panel, its page) to merge it into this one",
                current.name
            ));
            self.merge_mark = Some(current);
            return;
        };
        if into.name == current.name && into.label == current.label {
            self.message = Some(format!("{} is no longer marked for a merge", into.name));
            return;
        }
        self.message = Some(format!("merging {} into {}…", current.name, into.name));
        let page = self.entity_page.as_ref().map(|_| into.name.clone());
        self.entity_steps = true;
        effects.push(Effect::EntityEdit { request: EntityRequest::Merge { into, other: current }, page });
    }

    /// `X` on a name of the page's left column: that name becomes an entity of its own.
    fn split_name(&mut self, effects: &mut Vec<Effect>) {
        let Some(page) = &self.entity_page else { return };
        let alias = match (page.focus, page.left_item(page.left)) {
            (PageFocus::Facts, Some(LeftItem::Name(i))) => &page.profile.aliases[i],
            _ => {
                self.message = Some("select a name first (Tab to the names, j/k to one)".into());
                return;
            }
        };
        if alias.key == page.profile.key {
            self.message =
                Some(format!("{} is the entity's own name: split its other names away instead", alias.name));
            return;
        }
        let request = EntityRequest::Split { entity: page.profile.name.clone(), alias: alias.name.clone() };
        self.message = Some(format!("splitting {} from {}…", alias.name, page.profile.name));
        let page = Some(page.profile.name.clone());
        self.entity_steps = true;
        effects.push(Effect::EntityEdit { request, page });
    }

    /// `u` / `C-r` on the page, or in the reader right after a merge: the last merge or split
    /// stepped back or again.
    pub(super) fn step_entities(&mut self, undo: bool, effects: &mut Vec<Effect>) {
        let request = if undo { EntityRequest::Undo } else { EntityRequest::Redo };
        let page = self.entity_page.as_ref().map(|p| p.profile.name.clone());
        self.entity_steps = true;
        effects.push(Effect::EntityEdit { request, page });
    }

    /// The store's answer to a merge, a split or a step: said, and the page shown anew.
    pub(super) fn entity_edited(&mut self, message: String, refused: bool, page: Option<Box<Profile>>) {
        let stepped = message.starts_with("undone:") || message.starts_with("redone:");
        self.message = Some(if refused || stepped { message } else { format!("{message} · u undoes") });
        match (page, &mut self.entity_page) {
            (Some(profile), Some(shown)) => {
                let same = shown.profile.name == profile.name;
                let (selected, left, focus) = (shown.selected, shown.left, shown.focus);
                *shown = EntityPage::new(*profile);
                if same {
                    shown.focus = focus;
                    shown.selected = selected.min(shown.profile.stories.len().saturating_sub(1));
                    shown.left = left.min(shown.left_len().saturating_sub(1));
                }
            }
            (Some(profile), None) => self.entity_page = Some(EntityPage::new(*profile)),
            (None, Some(_)) if !refused => self.entity_page = None,
            (None, _) => {}
        }
    }

    /// `Enter` on the left column: a companion's page, or the story a quote is from.
    fn open_left_item(&mut self, effects: &mut Vec<Effect>) {
        let Some(page) = &self.entity_page else { return };
        match page.left_item(page.left) {
            Some(LeftItem::Companion(i)) => {
                let name = page.profile.cooccurring[i].name.clone();
                self.message = Some(format!("reading what the library knows of {name}…"));
                effects.push(Effect::EntityPage { name });
            }
            Some(LeftItem::Quote(i)) => {
                let id = page.profile.quotes[i].story.clone();
                let at = page.profile.stories.iter().find(|s| s.id == id).and_then(|s| s.first_at);
                self.open_story_from_page(PageJump { id, at }, effects);
            }
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
        self.open_story_from_page(jump, effects);
    }

    fn open_story_from_page(&mut self, jump: PageJump, effects: &mut Vec<Effect>) {
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
