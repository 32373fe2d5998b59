//! The application state and the one function that changes it. `update()` is pure and total:
//! no I/O, no terminal; what needs the outside world comes back as `Effect`s for the app loop
//! to perform, and their results come in as `Action`s.

pub mod annotating;
pub mod geometry;
pub mod list;
pub mod reader;
pub mod story;

use crate::annotate::Annotation;
use crate::command::Command;
use crate::extract::Facts;
use crate::library::Article;
use crate::library::Skipped;
use crate::library::store::{AnnotationSet, Edit, EntityHit, SearchHit, StoryMeta, query_words};

pub use annotating::{Extend, Selection};
pub use geometry::{Area, Panes};
pub use list::{Filters, Row, StoryList};
pub use reader::{DocLine, LineKind, Reader};
pub use story::{Mark, OpenStory, PanelItem};

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
    /// Full-text search across the library.
    SearchLibrary,
    /// Search inside the open article.
    SearchArticle,
    /// Link the mention under the cursor to an entity (type-ahead over the story's entities).
    Link,
    /// A note on the mention under the cursor.
    Note,
    /// A knowledge-base id for the mention under the cursor.
    KbId,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub text: String,
}

/// Work for the app loop; each may answer with an `Action`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Read a story and its facts → `Action::StoryLoaded`.
    LoadStory {
        id: String,
    },
    SetRead {
        id: String,
        read: bool,
    },
    SetStarred {
        id: String,
        starred: bool,
    },
    SaveScroll {
        id: String,
        line: usize,
    },
    /// Full-text search → `Action::SearchResults`.
    Search {
        query: String,
    },
    /// Stories mentioning an entity → `Action::EntityResults`.
    EntityStories {
        name: String,
    },
    /// One annotation edit, one transaction → `Action::AnnotationsChanged`.
    Edit {
        article_id: String,
        content_hash: String,
        edit: Box<Edit>,
    },
    Undo {
        article_id: String,
        content_hash: String,
    },
    Redo {
        article_id: String,
        content_hash: String,
    },
    /// Library entity names starting with what was typed in the link prompt →
    /// `Action::LinkSuggestions`.
    SuggestEntities {
        typed: String,
    },
    /// Open a web page in the user's browser (http and https only, passed as an argument).
    OpenUrl(String),
    /// Fetch every feed in the background → `Action::FetchProgress`…, `Action::FetchDone`, then
    /// the library is re-indexed (`Action::IndexProgress`…, `Action::IndexDone`).
    Fetch,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Command(Command),
    Resize(u16, u16),
    PromptChar(char),
    PromptBackspace,
    PromptSubmit,
    PromptCancel,
    StoryLoaded {
        story: Box<LoadedStory>,
    },
    /// The story could not be read (message for the status line).
    StoryFailed {
        id: String,
        message: String,
    },
    /// The stories in scope, after (re)indexing.
    StoriesLoaded(Vec<StoryMeta>),
    SearchResults {
        query: String,
        hits: Vec<SearchHit>,
    },
    EntityResults {
        name: String,
        hits: Vec<EntityHit>,
    },
    IndexProgress {
        done: usize,
        total: usize,
    },
    IndexDone {
        skipped: Vec<Skipped>,
        summary: String,
    },
    /// `done` of `total` feeds fetched, the last one being `feed`.
    FetchProgress {
        done: usize,
        total: usize,
        feed: String,
    },
    /// Fetching ended: a one-line summary, and one line per feed that failed.
    FetchDone {
        summary: String,
        failures: Vec<String>,
    },
    /// An effect failed; the message is shown.
    Failed(String),
    /// A label key while a selection or a mention is under the cursor.
    ApplyLabel(String),
    /// Library entity names for the link prompt.
    LinkSuggestions(Vec<String>),
    /// The store's answer to an annotation edit, undo or redo.
    AnnotationsChanged {
        article_id: String,
        set: AnnotationSet,
    },
}

/// Everything the store gives for a story being opened.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LoadedStory {
    pub article: Article,
    pub content_hash: String,
    pub facts: Facts,
    pub annotations: AnnotationSet,
    /// Annotations that could not be re-anchored in a changed article.
    pub orphans: Vec<Annotation>,
    pub scroll: usize,
}

/// Settings `update()` needs from the config.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub mark_read_on_open: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { mark_read_on_open: true }
    }
}

#[derive(Debug, Clone, Default)]
pub struct AppState {
    pub settings: Settings,
    pub list: StoryList,
    pub skipped: Vec<Skipped>,
    /// The story shown in the reader, once loaded.
    pub open: Option<OpenStory>,
    pub reader: Reader,
    pub focus: Pane,
    pub side_enabled: bool,
    /// Selected row of the side panel (index into `OpenStory::panel`) and its scroll.
    pub panel_selected: usize,
    pub panel_scroll: usize,
    pub overlay: Option<Overlay>,
    pub overlay_scroll: usize,
    pub prompt: Option<Prompt>,
    /// A one-line message for the status bar.
    pub message: Option<String>,
    /// Indexing progress while the library is being (re)indexed.
    pub indexing: Option<(usize, usize)>,
    /// Feeds fetched so far and in all, while fetching (total 0: starting).
    pub fetching: Option<(usize, usize)>,
    /// The feeds that failed in the last fetch, one line each (feed: reason).
    pub fetch_failures: Vec<String>,
    pub width: u16,
    pub height: u16,
    pub quit: bool,
    /// The scroll line last saved for the open story, to save only changes.
    saved_scroll: Option<usize>,
    /// A story that should take the focus when it arrives (opened from the list).
    open_focus: bool,
    /// The words being selected for annotation.
    pub selection: Option<Selection>,
    /// `c` was pressed: the next label key relabels the mention under the cursor.
    pub relabel_pending: bool,
    /// The span an edit was made on, to put the cursor back on it when the store answers.
    pending_cursor: Option<(usize, usize)>,
    /// Entity names from the whole library matching the link prompt.
    pub link_library: Vec<String>,
}

impl AppState {
    /// A state listing `stories`; returns the effects that load the first story. A library of
    /// one story opens it straight in the article pane.
    pub fn new(
        stories: Vec<StoryMeta>,
        width: u16,
        height: u16,
        settings: Settings,
    ) -> (AppState, Vec<Effect>) {
        let single = stories.len() == 1;
        let mut state = AppState {
            settings,
            list: StoryList::new(stories),
            side_enabled: true,
            width,
            height,
            ..AppState::default()
        };
        let mut effects = Vec::new();
        if single {
            state.focus = Pane::Article;
        }
        state.selection_changed(&mut effects);
        if single {
            state.mark_read(&mut effects);
        }
        (state, effects)
    }

    pub fn panes(&self) -> Panes {
        Panes::compute(self.width, self.height, self.focus, self.side_enabled)
    }

    /// Article text area: inside the border, with one column of padding each side.
    pub fn article_text_area(&self) -> Area {
        match self.panes().article {
            Some(a) => {
                let inner = a.inner();
                Area { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner }
            }
            // Hidden (one-pane mode): lay out as if it had the whole screen.
            None => Area {
                width: self.width.saturating_sub(4),
                height: self.height.saturating_sub(3),
                ..Area::default()
            },
        }
    }

    fn list_height(&self) -> usize {
        let lines = self.panes().list.map_or(1, |a| a.inner().height as usize);
        (lines / self.list.row_height()).max(1)
    }

    /// Is the open story the one under the list cursor?
    fn open_is_selected(&self) -> bool {
        match (&self.open, self.list.selected()) {
            (Some(open), Some(sel)) => open.article.id == sel.id,
            _ => false,
        }
    }

    /// Re-lays the open story for the current size and keeps the list cursor in view.
    fn relayout(&mut self) {
        let height = self.list_height();
        self.list.scroll_into_view(height);
        let area = self.article_text_area();
        if let Some(open) = &self.open {
            self.reader.show(&open.article, area.width as usize, area.height as usize);
        }
    }

    /// After the list cursor moved: save where the old story was, ask for the new one.
    fn selection_changed(&mut self, effects: &mut Vec<Effect>) {
        self.relayout();
        if self.open_is_selected() {
            return;
        }
        self.save_scroll(effects);
        if let Some(meta) = self.list.selected() {
            effects.push(Effect::LoadStory { id: meta.id.clone() });
        } else {
            self.open = None;
            self.reader = Reader::default();
        }
    }

    fn save_scroll(&mut self, effects: &mut Vec<Effect>) {
        if let Some(open) = &self.open
            && self.saved_scroll != Some(self.reader.scroll)
        {
            effects.push(Effect::SaveScroll { id: open.article.id.clone(), line: self.reader.scroll });
            self.saved_scroll = Some(self.reader.scroll);
        }
    }

    fn mark_read(&mut self, effects: &mut Vec<Effect>) {
        if !self.settings.mark_read_on_open {
            return;
        }
        if let Some(i) = self.list.selected_index()
            && !self.list.stories[i].read
        {
            self.list.stories[i].read = true;
            effects.push(Effect::SetRead { id: self.list.stories[i].id.clone(), read: true });
        }
    }

    fn move_selection(&mut self, delta: isize, effects: &mut Vec<Effect>) {
        let last = self.list.rows.len().saturating_sub(1);
        let before = self.list.selected;
        self.list.selected = self.list.selected.saturating_add_signed(delta).min(last);
        if self.list.selected != before {
            self.panel_selected = 0;
            self.panel_scroll = 0;
            // Reading on from the article: the next story is being read too.
            if self.focus != Pane::List {
                self.open_focus = true;
            }
            self.selection_changed(effects);
        }
    }

    fn page(&self) -> isize {
        match self.focus {
            Pane::List => self.list_height() as isize,
            _ => self.reader.height.max(1) as isize,
        }
    }

    fn scroll_focused(&mut self, delta: isize, effects: &mut Vec<Effect>) {
        match self.focus {
            Pane::List => self.move_selection(delta, effects),
            Pane::Article => self.reader.scroll_by(delta),
            Pane::Side => self.move_panel(delta),
        }
    }

    fn move_panel(&mut self, delta: isize) {
        let Some(open) = &self.open else { return };
        let last = open.panel.len().saturating_sub(1);
        self.panel_selected = self.panel_selected.saturating_add_signed(delta).min(last);
        if let Some(PanelItem::Entity(e)) = open.panel.get(self.panel_selected) {
            self.reader.selected_entity = Some(*e);
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
        if self.focus == Pane::Side {
            self.move_panel(0);
        }
        self.relayout();
    }

    fn back(&mut self, effects: &mut Vec<Effect>) {
        if self.overlay.take().is_some() {
            return;
        }
        if self.selection.take().is_some() || std::mem::take(&mut self.relabel_pending) {
            self.message = Some("cancelled".into());
            return;
        }
        match self.focus {
            Pane::Article | Pane::Side if !self.reader.search.query.is_empty() => self.reader.clear_search(),
            Pane::Article | Pane::Side if self.reader.selected_entity.is_some() => {
                self.reader.selected_entity = None;
                self.reader.cursor = None;
            }
            Pane::Article | Pane::Side => {
                self.focus = Pane::List;
                self.relayout();
            }
            Pane::List if !self.list.filters.is_empty() => self.clear_filters(),
            Pane::List => {
                self.save_scroll(effects);
                self.quit = true;
            }
        }
    }

    fn clear_filters(&mut self) {
        let keep = self.list.selected().map(|m| m.id.clone());
        self.list.filters = Filters::default();
        self.list.rebuild(keep.as_deref());
        self.reader.clear_search();
    }

    fn refilter(&mut self, effects: &mut Vec<Effect>) {
        let keep = self.list.selected().map(|m| m.id.clone());
        self.list.rebuild(keep.as_deref());
        let f = self.list.filters.describe();
        self.message = Some(if f.is_empty() {
            "filters cleared".into()
        } else {
            format!("{} of {} stories · {f}", self.list.rows.len(), self.list.stories.len())
        });
        self.selection_changed(effects);
    }

    /// `]`/`[`: the next/previous highlighted mention from the cursor (or from the view).
    fn step_entity(&mut self, forward: bool) {
        let Some(open) = &self.open else { return };
        if open.marks.is_empty() {
            self.message = Some("no entities in this story".into());
            return;
        }
        let n = open.marks.len();
        let next = match self.reader.cursor {
            Some(i) if forward => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
            None => {
                // From the current search hit (search moves the cursor), else from the view.
                let hit = self.reader.search.current.and_then(|i| self.reader.search.matches.get(i));
                let top = hit.map(|h| h.start).unwrap_or_else(|| {
                    self.reader
                        .lines
                        .get(self.reader.scroll)
                        .map_or(0, |l| if l.kind == LineKind::Body { l.range.start } else { 0 })
                });
                let first = open.mark_at_or_after(top).unwrap_or(0);
                if forward { first } else { (first + n - 1) % n }
            }
        };
        let mark = open.marks[next];
        self.reader.cursor = Some(next);
        self.reader.selected_entity = Some(mark.entity);
        if let Some(pos) = open.panel.iter().position(|p| *p == PanelItem::Entity(mark.entity)) {
            self.panel_selected = pos;
        }
        let line = self.reader.line_of(mark.start);
        self.reader.reveal(line);
    }

    /// Enter in the side panel: jump to the selected entity's first mention (or the quote).
    fn jump_to_panel_item(&mut self) {
        let Some(open) = &self.open else { return };
        let start = match open.panel.get(self.panel_selected) {
            Some(PanelItem::Entity(e)) => {
                self.reader.selected_entity = Some(*e);
                let first = open.marks.iter().position(|m| m.entity == *e);
                self.reader.cursor = first;
                first.map(|i| open.marks[i].start)
            }
            Some(PanelItem::Quote(q)) => open.facts.quotes.get(*q).map(|q| q.start),
            None => None,
        };
        if let Some(start) = start {
            let line = self.reader.line_of(start);
            self.reader.reveal(line);
            self.focus = Pane::Article;
            self.relayout();
        }
    }

    /// The entity under the panel cursor (side pane) or the entity cursor (article).
    fn current_entity_name(&self) -> Option<String> {
        let open = self.open.as_ref()?;
        let index = match self.focus {
            Pane::Side => match open.panel.get(self.panel_selected)? {
                PanelItem::Entity(e) => *e,
                PanelItem::Quote(_) => return None,
            },
            _ => self.reader.selected_entity?,
        };
        Some(open.facts.entities.get(index)?.name.clone())
    }

    fn command(&mut self, cmd: Command, effects: &mut Vec<Effect>) {
        if let Some(overlay) = self.overlay {
            self.overlay_command(overlay, cmd);
            return;
        }
        match cmd {
            Command::Down => self.scroll_focused(1, effects),
            Command::Up => self.scroll_focused(-1, effects),
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
            Command::NextStory => self.move_selection(1, effects),
            Command::PrevStory => self.move_selection(-1, effects),
            Command::Search => {
                let kind = match self.focus {
                    Pane::List => PromptKind::SearchLibrary,
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
            Command::NextEntity => self.step_entity(true),
            Command::PrevEntity => self.step_entity(false),
            Command::RelatedStories => match self.current_entity_name() {
                Some(name) => effects.push(Effect::EntityStories { name }),
                None => {
                    self.message = Some("select an entity first (] in the text, or the side panel)".into())
                }
            },
            Command::ToggleRead => {
                if let Some(i) = self.list.selected_index() {
                    let m = &mut self.list.stories[i];
                    m.read = !m.read;
                    effects.push(Effect::SetRead { id: m.id.clone(), read: m.read });
                    self.message = Some(if m.read { "marked read" } else { "marked unread" }.into());
                }
            }
            Command::ToggleStar => {
                if let Some(i) = self.list.selected_index() {
                    let m = &mut self.list.stories[i];
                    m.starred = !m.starred;
                    effects.push(Effect::SetStarred { id: m.id.clone(), starred: m.starred });
                    self.message = Some(if m.starred { "starred" } else { "unstarred" }.into());
                }
            }
            Command::FilterUnread => {
                self.list.filters.unread = !self.list.filters.unread;
                self.refilter(effects);
            }
            Command::FilterStarred => {
                self.list.filters.starred = !self.list.filters.starred;
                self.refilter(effects);
            }
            Command::FilterSource => {
                self.list.cycle_source();
                self.refilter(effects);
            }
            Command::FilterLang => {
                self.list.cycle_lang();
                self.refilter(effects);
            }
            Command::ClearFilters => {
                self.clear_filters();
                self.message = Some("filters cleared".into());
                self.selection_changed(effects);
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
            Command::Select => self.start_selection(),
            Command::ExtendWord => self.extend_selection(Extend::Word),
            Command::ExtendWordEnd => self.extend_selection(Extend::WordEnd),
            Command::ExtendWordBack => self.extend_selection(Extend::WordBack),
            Command::ExtendChar => self.extend_selection(Extend::Char),
            Command::ShrinkChar => self.extend_selection(Extend::ShrinkChar),
            Command::Accept => self.accept(effects),
            Command::Reject => self.reject(false, effects),
            Command::Delete => self.reject(true, effects),
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
            Command::OpenUrl => match self.open.as_ref().and_then(|o| o.article.url.clone()) {
                Some(url) if url.starts_with("http://") || url.starts_with("https://") => {
                    self.message = Some(format!("opening {url}"));
                    effects.push(Effect::OpenUrl(url));
                }
                Some(_) => self.message = Some("only http and https addresses are opened".into()),
                None => self.message = Some("this story has no URL".into()),
            },
            Command::Undo => self.undo_redo(true, effects),
            Command::Redo => self.undo_redo(false, effects),
            Command::Fetch if self.fetching.is_some() => {
                self.message = Some("already fetching the feeds".into());
            }
            Command::Fetch => {
                self.fetching = Some((0, 0));
                self.message = Some("fetching the feeds…".into());
                effects.push(Effect::Fetch);
            }
        }
    }

    /// Whether a label key means something now: a selection, or a mention under the cursor.
    pub fn expects_label(&self) -> bool {
        self.prompt.is_none()
            && self.open.is_some()
            && self.focus != Pane::List
            && (self.selection.is_some() || self.reader.cursor.is_some())
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

    fn submit_prompt(&mut self, effects: &mut Vec<Effect>) {
        let Some(prompt) = self.prompt.take() else { return };
        let query = prompt.text.trim().to_string();
        match prompt.kind {
            PromptKind::SearchLibrary if query.is_empty() => {
                self.list.filters.search = None;
                self.refilter(effects);
            }
            PromptKind::SearchLibrary => effects.push(Effect::Search { query }),
            PromptKind::Link => {
                self.finish_link(&query, effects);
                self.link_library.clear();
            }
            PromptKind::Note => self.finish_field(annotating::Field::Note, &query, effects),
            PromptKind::KbId => self.finish_field(annotating::Field::KbId, &query, effects),
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

    fn story_loaded(&mut self, loaded: LoadedStory) {
        let LoadedStory { article, content_hash, facts, annotations, orphans, scroll } = loaded;
        // A late answer for a story no longer selected is dropped.
        if self.list.selected().is_none_or(|m| m.id != article.id) {
            return;
        }
        self.reader.story = None;
        self.selection = None;
        self.relabel_pending = false;
        let mut open = OpenStory::new(article, facts);
        open.content_hash = content_hash;
        open.orphans = orphans;
        open.set_annotations(annotations.annotations, annotations.can_undo, annotations.can_redo);
        if !open.orphans.is_empty() {
            self.message = Some(format!(
                "{} annotation(s) could not be found in the changed text: listed in the side panel",
                open.orphans.len()
            ));
        }
        self.open = Some(open);
        self.relayout();
        self.reader.scroll_to(scroll);
        self.saved_scroll = Some(self.reader.scroll);
        // A library search carries over: its words are highlighted in the text.
        if let (Some((query, _)), Some(open)) = (&self.list.filters.search, &self.open) {
            let query = query.clone();
            self.reader.search(&open.article, &query, query_words(&query));
            self.reader.scroll_to(scroll);
        }
        if std::mem::take(&mut self.open_focus) && self.focus == Pane::List {
            self.focus = Pane::Article;
        }
    }

    fn search_results(&mut self, query: String, hits: Vec<SearchHit>, effects: &mut Vec<Effect>) {
        let hits: Vec<(usize, list::Snippet)> =
            hits.into_iter().filter_map(|h| Some((self.list.index_of(&h.story.id)?, h.snippet))).collect();
        let n = hits.len();
        self.list.filters.search = Some((query.clone(), hits));
        self.focus = Pane::List;
        self.list.rebuild(None);
        self.message = Some(match n {
            0 => format!("no story matches {query:?}"),
            1 => format!("1 story matches {query:?}"),
            _ => format!("{n} stories match {query:?}"),
        });
        if let Some(open) = &self.open {
            // The selected story may already be open: highlight the query now.
            self.reader.search(&open.article, &query, query_words(&query));
        }
        self.selection_changed(effects);
    }

    fn entity_results(&mut self, name: String, hits: Vec<EntityHit>, effects: &mut Vec<Effect>) {
        let hits: Vec<usize> = hits.iter().filter_map(|h| self.list.index_of(&h.story.id)).collect();
        self.list.filters.entity = Some((name, hits));
        self.focus = Pane::List;
        self.refilter(effects);
    }
}

/// Applies one action and returns the effects for the app loop. Pure and total.
pub fn update(state: &mut AppState, action: Action) -> Vec<Effect> {
    let mut effects = Vec::new();
    // A message lasts until the user's next key (answers from the store keep it).
    if matches!(
        action,
        Action::Command(_)
            | Action::PromptChar(_)
            | Action::PromptBackspace
            | Action::PromptSubmit
            | Action::PromptCancel
            | Action::ApplyLabel(_)
    ) {
        state.message = None;
    }
    match action {
        Action::Resize(w, h) => {
            state.width = w;
            state.height = h;
            state.relayout();
        }
        Action::Command(cmd) => state.command(cmd, &mut effects),
        Action::PromptChar(c) => {
            if let Some(p) = &mut state.prompt
                && !c.is_control()
            {
                p.text.push(c);
            }
            state.suggest_links(&mut effects);
        }
        Action::PromptBackspace => {
            if let Some(p) = &mut state.prompt {
                p.text.pop();
            }
            state.suggest_links(&mut effects);
        }
        Action::LinkSuggestions(names) => state.link_library = names,
        Action::PromptCancel => {
            state.prompt = None;
            state.link_library.clear();
        }
        Action::PromptSubmit => state.submit_prompt(&mut effects),
        Action::StoryLoaded { story } => state.story_loaded(*story),
        Action::StoryFailed { id, message } => {
            if state.list.selected().is_some_and(|m| m.id == id) {
                state.open = None;
                state.reader = Reader::default();
            }
            state.message = Some(message);
        }
        Action::StoriesLoaded(stories) => {
            let was_empty = state.list.stories.is_empty();
            let single = stories.len() == 1;
            state.list.replace(stories);
            if was_empty && single {
                state.focus = Pane::Article;
            }
            state.selection_changed(&mut effects);
        }
        Action::SearchResults { query, hits } => state.search_results(query, hits, &mut effects),
        Action::EntityResults { name, hits } => state.entity_results(name, hits, &mut effects),
        Action::IndexProgress { done, total } => state.indexing = Some((done, total)),
        Action::IndexDone { skipped, summary } => {
            state.indexing = None;
            state.skipped = skipped;
            state.message = Some(summary);
        }
        Action::FetchProgress { done, total, feed } => {
            state.fetching = Some((done, total));
            if state.message.as_deref().is_some_and(|m| m.starts_with("fetching")) {
                state.message = Some(format!("fetching the feeds… {feed}"));
            }
        }
        Action::FetchDone { summary, failures } => {
            state.fetching = None;
            state.fetch_failures = failures;
            state.message = Some(summary);
        }
        Action::Failed(message) => state.message = Some(message),
        Action::ApplyLabel(label) => state.apply_label(&label, &mut effects),
        Action::AnnotationsChanged { article_id, set } => state.annotations_changed(&article_id, set),
    }
    effects
}

#[cfg(test)]
mod tests;
