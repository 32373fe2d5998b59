//! The application state and the one function that changes it. `update()` is pure and total:
//! no I/O, no terminal; what needs the outside world comes back as `Effect`s for the app loop
//! to perform, and their results come in as `Action`s.

pub mod annotating;
mod caret;
mod commands;
mod corrections;
pub mod entity_page;
pub mod feeds_view;
mod filters;
pub mod geometry;
pub mod linking;
pub mod list;
mod mouse;
mod navigation;
mod prompt;
pub mod reader;
mod review;
pub mod story;

use crate::annotate::Annotation;
use crate::annotate::entity_edit::{EntityRequest, Target};
use crate::annotate::{AnnotationSet, Change, Edit};
use crate::command::Command;
use crate::extract::Facts;
use crate::library::Article;
use crate::library::Skipped;
use crate::library::profile::Profile;
use crate::library::{EntityHit, Stories, StoryMeta};
use crate::text::dates::Dates;
use chrono::{DateTime, FixedOffset};

pub use annotating::{Extend, Selection};
pub use caret::CaretMove;
pub use entity_page::{EntityPage, LeftItem, PageFocus};
pub use feeds_view::{FeedEntry, FeedKind, FeedsView};
pub use geometry::{Area, Panes};
pub use list::{Filters, QueryFilter, ReviewFilter, Row, StoryList};
pub use mouse::Pointer;
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
    /// Who said the quote (type-ahead over the story's entities, or unknown).
    Speaker,
    /// The roles of a person.
    Role,
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
    /// Several stories marked read or unread in one transaction (mark all read, its undo).
    SetReadMany {
        ids: Vec<String>,
        read: bool,
    },
    SaveScroll {
        id: String,
        line: usize,
    },
    /// Full-text search, ranked ids only → `Action::SearchResults`.
    Search {
        query: String,
    },
    /// The snippets of a search's hits for the rows shown → `Action::Snippets`.
    Snippets {
        query: String,
        ids: Vec<String>,
    },
    /// What the store knows of a query's words, phrases and entities → `Action::QueryResults`.
    Query {
        text: String,
        expr: crate::text::query::Expr,
    },
    /// The saved queries' words and entities, to count them in the feeds view →
    /// `Action::SavedQueryOutcomes`.
    SavedQueries {
        queries: Vec<(String, crate::text::query::Expr)>,
    },
    /// Stories mentioning an entity → `Action::EntityResults`: the `newest` so many, or every
    /// one (`None`).
    EntityStories {
        name: String,
        newest: Option<usize>,
    },
    /// What the library knows of an entity → `Action::EntityPageLoaded`.
    EntityPage {
        name: String,
    },
    /// The next window of the stories of the entity page of `name`, past its `skip` newest →
    /// `Action::EntityPageMore`.
    EntityPageMore {
        name: String,
        skip: usize,
    },
    /// A merge or split of entities, or a step back or forth among them; then the page of
    /// `page`, when one is shown → `Action::EntityEdited`.
    EntityEdit {
        request: EntityRequest,
        page: Option<String>,
    },
    /// One annotation edit, one transaction → `Action::AnnotationsChanged`.
    Edit {
        article_id: String,
        content_hash: String,
        edit: Box<Edit>,
    },
    /// Several edits of one story in one transaction (each logged, so undone one at a time)
    /// → `Action::AnnotationsChanged`.
    EditAll {
        article_id: String,
        content_hash: String,
        edits: Vec<Edit>,
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
    /// Mark a story's review done (or not).
    SetReviewDone {
        id: String,
        done: bool,
    },
    /// Remember how much a story holds to judge (counted on the text with `content_hash`).
    SaveReviewTotal {
        id: String,
        content_hash: String,
        total: usize,
    },
    /// Open a web page in the user's browser (http and https only, passed as an argument).
    /// Performed by the app loop, which suspends the reader for a terminal browser.
    OpenUrl(String),
    /// Put text on the clipboard (OSC 52, written by the app loop to the terminal).
    Copy(String),
    /// Fetch every feed in the background → `Action::FetchProgress`…, `Action::FetchDone`, then
    /// the library is re-indexed (`Action::IndexProgress`…, `Action::IndexDone`).
    Fetch,
    /// Fetch the web page of a story that came from a feed, keep its main text in the
    /// story's stored file, re-index (in the background) → `Action::StoryFetched`.
    FetchStory {
        id: String,
        url: String,
    },
}

impl Effect {
    /// Work that runs on a thread of its own, started by the loop's jobs.
    pub fn is_background(&self) -> bool {
        matches!(self, Effect::Fetch | Effect::FetchStory { .. })
    }
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
    StoriesLoaded(Box<Stories>),
    /// A search's hits (story ids), best first.
    SearchResults {
        query: String,
        ids: Vec<String>,
    },
    /// Snippets of a search's hits, by story id.
    Snippets {
        query: String,
        snippets: Vec<(String, list::Snippet)>,
    },
    EntityResults {
        name: String,
        hits: Vec<EntityHit>,
    },
    /// The store's answer to a query (`text`: as typed).
    QueryResults {
        text: String,
        outcome: Box<crate::library::filter::Outcome>,
    },
    /// What the store found for each saved query (by name).
    SavedQueryOutcomes(Vec<(String, crate::library::filter::Outcome)>),
    /// The profile of an entity, for its page.
    EntityPageLoaded(Box<Profile>),
    /// More stories for the entity page of `name`: those past its `skip` newest.
    EntityPageMore {
        name: String,
        skip: usize,
        stories: Vec<crate::library::profile::StoryRef>,
    },
    /// The store's answer to an entity edit: what was done (or why not), and the page asked
    /// for afterwards (`None` after a change: it is no longer one entity).
    EntityEdited {
        message: String,
        refused: bool,
        page: Option<Box<Profile>>,
    },
    IndexProgress {
        done: usize,
        total: usize,
    },
    /// The library is searchable; the entities of `done` of `total` new stories are extracted.
    AnalysisProgress {
        done: usize,
        total: usize,
    },
    IndexDone {
        skipped: Vec<Skipped>,
        summary: String,
        /// Stories were added, changed or removed (or annotations moved): the list is read again.
        changed: bool,
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
    /// A story's page was fetched and its text kept (`Ok`: what was done), or why not.
    StoryFetched {
        id: String,
        result: Result<String, String>,
    },
    /// An effect failed; the message is shown.
    Failed(String),
    /// The present moment, from the clock at the app's edge: dates are shown relative to it.
    Now(DateTime<FixedOffset>),
    /// The mouse, at something on the screen (`input` maps its position through the panes).
    Pointer(Pointer),
    /// A label key while a selection or a mention is under the cursor.
    ApplyLabel(String),
    /// Library entity names for the link prompt.
    LinkSuggestions(Vec<String>),
    /// The store's answer to an annotation edit, undo or redo (`step`: which of the last two,
    /// and what it stepped over).
    AnnotationsChanged {
        article_id: String,
        set: AnnotationSet,
        step: Option<Step>,
    },
}

/// An undo or a redo the store performed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub undo: bool,
    /// The edit undone or redone, as the user made it (`None`: there was nothing to step).
    pub change: Option<Box<Change>>,
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub mark_read_on_open: bool,
    /// `J`/`K` mark the story they leave read (and the one they open, with
    /// `mark_read_on_open`).
    pub mark_read_on_move: bool,
    /// Fetch every feed when the reader starts.
    pub refresh_on_start: bool,
    /// How dates are shown, and the present moment (`Action::Now` keeps it current).
    pub dates: Dates,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            mark_read_on_open: true,
            mark_read_on_move: true,
            refresh_on_start: false,
            dates: Dates::default(),
        }
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
    /// The page of an entity, shown over the panes.
    pub entity_page: Option<EntityPage>,
    /// The feeds and sources with their counts, shown over the panes.
    pub feeds_view: Option<FeedsView>,
    /// The stories each saved query matched when last counted (for the feeds view).
    saved_matches: feeds_view::SavedMatches,
    /// The "mark all read" steps `u` can undo (newest last), and those undone, for redo.
    read_undo: Vec<feeds_view::ReadStep>,
    read_redo: Vec<feeds_view::ReadStep>,
    /// The list shows an entry chosen in the feeds view: `q` goes back to the view.
    from_feeds: bool,
    /// The search or query shown was asked again over a list read again (`search_again`):
    /// its results keep the selection, the focus and the message.
    search_rerun: bool,
    /// A story opened from the entity page, waiting to arrive.
    page_jump: Option<entity_page::PageJump>,
    /// The entity marked to merge others into (`M`).
    pub merge_mark: Option<Target>,
    /// The last step of this window was an entity merge or split: `u` steps those.
    entity_steps: bool,
    pub prompt: Option<Prompt>,
    /// A one-line message for the status bar.
    pub message: Option<String>,
    /// Indexing progress while the library is being (re)indexed.
    pub indexing: Option<(usize, usize)>,
    /// Stories whose entities are extracted, and in all, once the text of a (re)index is in.
    pub analysing: Option<(usize, usize)>,
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
    /// What the speaker or roles prompt corrects.
    pub fact_target: Option<corrections::FactTarget>,
    /// A link across labels waits for the label key of the label that wins.
    pub link_choice: Option<linking::LinkChoice>,
    /// The span an edit was made on, to put the cursor back on it when the store answers.
    pending_cursor: Option<(usize, usize)>,
    /// Entity names from the whole library matching the link prompt.
    pub link_library: Vec<String>,
    /// A jump to the next story to review, waiting for that story to load.
    review_jump: Option<review::Jump>,
    /// The last review marked done or not (story id, done), for `u`; and the one undone, for
    /// redo.
    review_undo: Option<(String, bool)>,
    review_redo: Option<(String, bool)>,
    /// The saved queries (`[[queries]]`), for `@NAME` in the search prompt.
    pub saved_queries: Vec<crate::text::query::SavedQuery>,
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
            list: StoryList::new(stories.into()),
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
        if state.settings.refresh_on_start {
            state.feeds_command(&mut effects);
        }
        (state, effects)
    }

    pub fn panes(&self) -> Panes {
        Panes::compute(self.width, self.height, self.focus, self.side_enabled)
    }

    /// How many panes this terminal shows side by side (the side panel enabled): 3, 2 or 1.
    pub fn panes_beside(&self) -> usize {
        let p = Panes::compute(self.width, self.height, Pane::Article, true);
        [p.list, p.article, p.side].iter().filter(|a| a.is_some()).count()
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
        // While the list is hidden (a narrow terminal), as it will be when shown again.
        let list =
            self.panes().list.or(Panes::compute(self.width, self.height, Pane::List, self.side_enabled).list);
        let lines = list.map_or(1, |a| a.inner().height as usize);
        (lines / self.list.row_height()).max(1)
    }

    /// Is the open story the one under the list cursor?
    fn open_is_selected(&self) -> bool {
        match (&self.open, self.list.selected()) {
            (Some(open), Some(sel)) => open.article.id == sel.id(),
            _ => false,
        }
    }

    /// Re-lays the open story for the current size and keeps the list cursor in view.
    fn relayout(&mut self) {
        let height = self.list_height();
        self.list.scroll_into_view(height);
        let area = self.article_text_area();
        if let Some(open) = &self.open {
            let dates = &self.settings.dates;
            self.reader.show(&open.article, dates, area.width as usize, area.height as usize);
        }
    }

    /// After the list cursor moved: save where the old story was, ask for the new one.
    fn selection_changed(&mut self, effects: &mut Vec<Effect>) {
        self.relayout();
        self.ask_snippets(effects);
        if self.open_is_selected() {
            return;
        }
        self.save_scroll(effects);
        if let Some(meta) = self.list.selected() {
            effects.push(Effect::LoadStory { id: meta.id().to_string() });
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
        if let Some(m) = self.list.selected()
            && !m.read()
        {
            let (i, id) = (m.index(), m.id().to_string());
            self.list.set_read(i, true);
            effects.push(Effect::SetRead { id, read: true });
        }
    }

    /// Whether a label key means something now: a selection, or a mention under the cursor.
    pub fn expects_label(&self) -> bool {
        self.prompt.is_none()
            && self.entity_page.is_none()
            && self.feeds_view.is_none()
            && self.open.is_some()
            && self.focus != Pane::List
            && (self.selection.is_some() || self.reader.cursor.is_some() || self.link_choice.is_some())
    }

    fn story_loaded(&mut self, loaded: LoadedStory, effects: &mut Vec<Effect>) {
        let LoadedStory { article, content_hash, facts, annotations, orphans, scroll } = loaded;
        // A late answer for a story no longer selected is dropped.
        if self.list.selected().is_none_or(|m| m.id() != article.id) {
            return;
        }
        self.reader.story = None;
        self.selection = None;
        self.relabel_pending = false;
        self.link_choice = None;
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
            self.reader.search_words(&open.article, &query);
            self.reader.scroll_to(scroll);
        }
        if std::mem::take(&mut self.open_focus) && self.focus == Pane::List {
            self.focus = Pane::Article;
        }
        self.progress_changed(false, effects);
        self.arrived_for_review(effects);
        self.arrived_from_page();
    }
}

/// Applies one action and returns the effects for the app loop. Pure and total.
pub fn update(state: &mut AppState, action: Action) -> Vec<Effect> {
    let mut effects = Vec::new();
    let focus = state.focus;
    // A message lasts until the user's next key (answers from the store keep it).
    if matches!(
        action,
        Action::Command(_)
            | Action::PromptChar(_)
            | Action::PromptBackspace
            | Action::PromptSubmit
            | Action::PromptCancel
            | Action::ApplyLabel(_)
            | Action::Pointer(Pointer::Story { .. } | Pointer::Text { .. })
    ) {
        state.message = None;
    }
    match action {
        Action::Resize(w, h) => {
            state.width = w;
            state.height = h;
            state.relayout();
            state.ask_snippets(&mut effects);
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
        Action::StoryLoaded { story } => state.story_loaded(*story, &mut effects),
        Action::StoryFailed { id, message } => {
            if state.list.selected().is_some_and(|m| m.id() == id) {
                state.open = None;
                state.reader = Reader::default();
            }
            state.message = Some(message);
        }
        Action::StoriesLoaded(stories) => {
            let was_empty = state.list.stories.is_empty();
            let single = stories.len() == 1;
            state.list.replace(*stories);
            if was_empty && single {
                state.focus = Pane::Article;
            }
            state.selection_changed(&mut effects);
            state.recount_feeds();
            state.search_again(&mut effects);
        }
        Action::SearchResults { query, ids } => {
            state.search_results(query, ids.into_iter().map(|id| (id, None)).collect(), &mut effects)
        }
        Action::Snippets { query, snippets } => state.list.fill_snippets(&query, snippets),
        Action::EntityResults { name, hits } => state.entity_results(name, hits, &mut effects),
        Action::QueryResults { text, outcome } => state.query_results(text, *outcome, &mut effects),
        Action::SavedQueryOutcomes(outcomes) => state.saved_query_outcomes(outcomes),
        Action::EntityPageLoaded(profile) => state.entity_page_loaded(*profile),
        Action::EntityPageMore { name, skip, stories } => state.entity_page_more(&name, skip, stories),
        Action::EntityEdited { message, refused, page } => state.entity_edited(message, refused, page),
        Action::IndexProgress { done, total } => state.indexing = Some((done, total)),
        Action::AnalysisProgress { done, total } => {
            state.indexing = None;
            state.analysing = Some((done, total));
        }
        Action::IndexDone { skipped, summary, .. } => {
            state.indexing = None;
            state.analysing = None;
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
        Action::StoryFetched { id, result } => state.story_fetched(&id, result, &mut effects),
        Action::Failed(message) => state.message = Some(message),
        Action::Pointer(pointer) => state.pointer(pointer, &mut effects),
        Action::Now(now) => {
            state.settings.dates.now = Some(now);
            if let Some(open) = &state.open {
                state.reader.refresh_meta(&open.article, &state.settings.dates);
            }
        }
        Action::ApplyLabel(label) => state.apply_label(&label, &mut effects),
        Action::AnnotationsChanged { article_id, set, step } => {
            let edited = step.is_none();
            state.annotations_changed(&article_id, set, step);
            state.progress_changed(edited, &mut effects);
        }
    }
    // The panes' widths may follow the focus (a narrow terminal): the text is laid out again.
    if state.focus != focus {
        state.relayout();
    }
    effects
}

#[cfg(test)]
mod tests;
