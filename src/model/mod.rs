//! The application state and the one function that changes it. `update()` is pure and total:
//! no I/O, no terminal, any action in any state gives a valid state.

pub mod geometry;
pub mod reader;

use crate::config::Command;
use crate::library::{Article, Skipped};
use crate::text::find_all_folded;

pub use geometry::{Area, Panes};
pub use reader::{DocLine, LineKind, Reader};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    List,
    Article,
    Side,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Skipped,
}

/// What a one-line prompt in the status bar is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// Filter the story list by a word of its title or text.
    FilterStories,
    /// Search inside the open article.
    SearchArticle,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Command(Command),
    Resize(u16, u16),
    PromptChar(char),
    PromptBackspace,
    PromptSubmit,
    PromptCancel,
}

/// The story list: which stories are shown (after the filter) and which is selected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoryList {
    /// Indices into `AppState::stories` of the stories shown, in order.
    pub visible: Vec<usize>,
    /// Position in `visible`.
    pub selected: usize,
    /// First row drawn.
    pub offset: usize,
    pub filter: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct AppState {
    pub stories: Vec<Article>,
    pub skipped: Vec<Skipped>,
    pub list: StoryList,
    pub reader: Reader,
    pub focus: Pane,
    pub side_enabled: bool,
    pub side_scroll: usize,
    pub overlay: Option<Overlay>,
    pub overlay_scroll: usize,
    pub prompt: Option<Prompt>,
    /// A one-line message for the status bar (e.g. "no match").
    pub message: Option<String>,
    pub width: u16,
    pub height: u16,
    pub quit: bool,
}

impl AppState {
    /// A state showing `stories`; a single story opens straight in the article pane.
    pub fn new(stories: Vec<Article>, skipped: Vec<Skipped>, width: u16, height: u16) -> AppState {
        let mut state = AppState {
            list: StoryList { visible: (0..stories.len()).collect(), ..StoryList::default() },
            stories,
            skipped,
            side_enabled: true,
            width,
            height,
            ..AppState::default()
        };
        if state.stories.len() == 1 {
            state.focus = Pane::Article;
        }
        state.sync_reader();
        state
    }

    pub fn panes(&self) -> Panes {
        Panes::compute(self.width, self.height, self.focus, self.side_enabled)
    }

    /// The story under the list cursor.
    pub fn selected_story(&self) -> Option<(usize, &Article)> {
        let index = *self.list.visible.get(self.list.selected)?;
        Some((index, self.stories.get(index)?))
    }

    /// Article text area: inside the border, with one column of padding each side.
    pub fn article_text_area(&self) -> Option<Area> {
        let inner = self.panes().article?.inner();
        Some(Area { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner })
    }

    fn list_height(&self) -> usize {
        self.panes().list.map_or(1, |a| a.inner().height as usize).max(1)
    }

    /// Lays the selected story out for the current article area and keeps the list cursor
    /// in view. Called after anything that changes the selection or the size.
    fn sync_reader(&mut self) {
        let height = self.list_height();
        let list = &mut self.list;
        list.selected = list.selected.min(list.visible.len().saturating_sub(1));
        if list.selected < list.offset {
            list.offset = list.selected;
        } else if list.selected >= list.offset + height {
            list.offset = list.selected + 1 - height;
        }
        // Lay out even when the pane is hidden (one-pane mode) so paging works on return.
        let area = self.article_text_area().unwrap_or(Area {
            width: self.width.saturating_sub(4),
            height: self.height.saturating_sub(3),
            ..Area::default()
        });
        let selected = self.selected_story().map(|(i, _)| i);
        match selected {
            Some(i) => {
                let article = &self.stories[i];
                self.reader.show(i, article, area.width as usize, area.height as usize);
            }
            None => self.reader = Reader::default(),
        }
    }

    fn move_selection(&mut self, delta: isize) {
        let last = self.list.visible.len().saturating_sub(1);
        let before = self.list.selected;
        self.list.selected = self.list.selected.saturating_add_signed(delta).min(last);
        if self.list.selected != before {
            self.side_scroll = 0;
            self.sync_reader();
        }
    }

    fn apply_filter(&mut self, query: Option<String>) {
        let current = self.selected_story().map(|(i, _)| i);
        self.list.visible = match &query {
            Some(q) => (0..self.stories.len())
                .filter(|&i| {
                    let a = &self.stories[i];
                    !find_all_folded(&a.title, q).is_empty() || !find_all_folded(&a.body, q).is_empty()
                })
                .collect(),
            None => (0..self.stories.len()).collect(),
        };
        self.list.filter = query;
        self.list.selected =
            current.and_then(|c| self.list.visible.iter().position(|&i| i == c)).unwrap_or(0);
        if let Some(q) = &self.list.filter {
            self.message = Some(format!("{} stories match {q:?}", self.list.visible.len()));
        }
        self.sync_reader();
    }

    fn page(&self) -> isize {
        match self.focus {
            Pane::List => self.list_height() as isize,
            _ => self.reader.height.max(1) as isize,
        }
    }

    fn scroll_focused(&mut self, delta: isize) {
        match self.focus {
            Pane::List => self.move_selection(delta),
            Pane::Article => self.reader.scroll_by(delta),
            Pane::Side => self.side_scroll = self.side_scroll.saturating_add_signed(delta),
        }
    }

    fn cycle_focus(&mut self, forward: bool) {
        let mut order = vec![Pane::List, Pane::Article];
        if self.side_enabled {
            order.push(Pane::Side);
        }
        let at = order.iter().position(|p| *p == self.focus).unwrap_or(0);
        let n = order.len();
        self.focus = order[if forward { (at + 1) % n } else { (at + n - 1) % n }];
        self.sync_reader();
    }

    fn back(&mut self) {
        if self.overlay.take().is_some() {
            return;
        }
        match self.focus {
            Pane::Article | Pane::Side if !self.reader.search.query.is_empty() => self.reader.clear_search(),
            Pane::Article | Pane::Side => {
                self.focus = Pane::List;
                self.sync_reader();
            }
            Pane::List if self.list.filter.is_some() => self.apply_filter(None),
            Pane::List => self.quit = true,
        }
    }

    fn command(&mut self, cmd: Command) {
        if let Some(overlay) = self.overlay {
            self.overlay_command(overlay, cmd);
            return;
        }
        match cmd {
            Command::Down => self.scroll_focused(1),
            Command::Up => self.scroll_focused(-1),
            Command::HalfPageDown => self.scroll_focused((self.page() / 2).max(1)),
            Command::HalfPageUp => self.scroll_focused(-(self.page() / 2).max(1)),
            Command::PageDown => self.scroll_focused(self.page().max(1)),
            Command::PageUp => self.scroll_focused(-self.page().max(1)),
            Command::Top => self.scroll_focused(isize::MIN / 2),
            Command::Bottom => self.scroll_focused(isize::MAX / 2),
            Command::NextPane => self.cycle_focus(true),
            Command::PrevPane => self.cycle_focus(false),
            Command::Open => {
                if self.focus == Pane::List && self.selected_story().is_some() {
                    self.focus = Pane::Article;
                    self.sync_reader();
                }
            }
            Command::Back => self.back(),
            Command::Quit => self.quit = true,
            Command::NextStory => self.move_selection(1),
            Command::PrevStory => self.move_selection(-1),
            Command::Search => {
                let kind = match self.focus {
                    Pane::List => PromptKind::FilterStories,
                    _ => PromptKind::SearchArticle,
                };
                self.prompt = Some(Prompt { kind, text: String::new() });
            }
            Command::NextMatch | Command::PrevMatch => {
                self.reader.step_match(cmd == Command::NextMatch);
                if self.reader.search.query.is_empty() {
                    self.message = Some("no search: press / to search this article".into());
                }
            }
            Command::ToggleSide => {
                self.side_enabled = !self.side_enabled;
                if !self.side_enabled && self.focus == Pane::Side {
                    self.focus = Pane::Article;
                }
                self.sync_reader();
            }
            Command::ShowSkipped => self.open_overlay(Overlay::Skipped),
            Command::Help => self.open_overlay(Overlay::Help),
        }
    }

    fn open_overlay(&mut self, overlay: Overlay) {
        self.overlay = Some(overlay);
        self.overlay_scroll = 0;
    }

    fn overlay_command(&mut self, overlay: Overlay, cmd: Command) {
        match cmd {
            Command::Down => self.overlay_scroll += 1,
            Command::Up => self.overlay_scroll = self.overlay_scroll.saturating_sub(1),
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

    fn submit_prompt(&mut self) {
        let Some(prompt) = self.prompt.take() else { return };
        let query = prompt.text.trim().to_string();
        match prompt.kind {
            PromptKind::FilterStories => self.apply_filter((!query.is_empty()).then_some(query)),
            PromptKind::SearchArticle if query.is_empty() => self.reader.clear_search(),
            PromptKind::SearchArticle => {
                if let Some(i) = self.selected_story().map(|(i, _)| i) {
                    self.reader.search(&self.stories[i], &query);
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

/// Applies one action. Pure and total.
pub fn update(state: &mut AppState, action: Action) {
    state.message = None;
    match action {
        Action::Resize(w, h) => {
            state.width = w;
            state.height = h;
            state.sync_reader();
        }
        Action::Command(cmd) => state.command(cmd),
        Action::PromptChar(c) => {
            if let Some(p) = &mut state.prompt
                && !c.is_control()
            {
                p.text.push(c);
            }
        }
        Action::PromptBackspace => {
            if let Some(p) = &mut state.prompt {
                p.text.pop();
            }
        }
        Action::PromptCancel => state.prompt = None,
        Action::PromptSubmit => state.submit_prompt(),
    }
}
