//! The feeds view: the library's feeds and sources with their unread and total counts, shown
//! over the panes like newsboat's feed list. `Enter` narrows the story list to the entry
//! (composing with the other filters), `A` marks an entry's stories read; `u` undoes that.

use std::collections::BTreeMap;

use super::{AppState, Effect, Filters, Overlay, Pane};
use crate::command::Command;
use crate::library::StoryMeta;

/// What an entry of the feeds view stands for. New kinds (tags, saved queries shown as
/// virtual feeds) add a variant, a way to count their stories (`matches`) and a filter
/// (`apply`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum FeedKind {
    /// Every story: the filter this view sets is cleared.
    All,
    /// Stories whose `source` is this (a feed's name, a site, a source field in a file); the
    /// empty string stands for stories without a source.
    Source(String),
}

impl FeedKind {
    /// Whether `story` belongs to this entry.
    pub fn matches(&self, story: &StoryMeta) -> bool {
        match self {
            FeedKind::All => true,
            FeedKind::Source(s) => story.source.as_deref().unwrap_or("") == s,
        }
    }

    /// Narrows `filters` to this entry (replacing what another entry of the view set).
    pub fn apply(&self, filters: &mut Filters) {
        filters.source = match self {
            FeedKind::All => None,
            FeedKind::Source(s) => Some(s.clone()),
        };
    }

    /// The entry `filters` narrow to, as far as this view can tell.
    fn of(filters: &Filters) -> FeedKind {
        match &filters.source {
            Some(s) => FeedKind::Source(s.clone()),
            None => FeedKind::All,
        }
    }

    /// The name shown for the entry.
    pub fn label(&self) -> String {
        match self {
            FeedKind::All => "All stories".into(),
            FeedKind::Source(s) if s.is_empty() => "(no source)".into(),
            FeedKind::Source(s) => s.clone(),
        }
    }
}

/// One row of the view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedEntry {
    pub kind: FeedKind,
    pub unread: usize,
    pub total: usize,
}

/// The view as the state keeps it: its entries (recounted whenever the stories or their read
/// marks change) and the selected one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedsView {
    pub entries: Vec<FeedEntry>,
    pub selected: usize,
}

impl FeedsView {
    /// "All stories", then every source by name (stories without one last).
    pub fn count(stories: &[StoryMeta]) -> Vec<FeedEntry> {
        let mut by_source: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for m in stories {
            let slot = by_source.entry(m.source.as_deref().unwrap_or("")).or_default();
            slot.0 += usize::from(!m.read);
            slot.1 += 1;
        }
        let unsourced = by_source.remove("");
        let all = FeedEntry {
            kind: FeedKind::All,
            unread: stories.iter().filter(|m| !m.read).count(),
            total: stories.len(),
        };
        let mut entries = vec![all];
        let mut sources: Vec<FeedEntry> = by_source
            .into_iter()
            .map(|(s, (unread, total))| FeedEntry { kind: FeedKind::Source(s.to_string()), unread, total })
            .collect();
        sources.sort_by_cached_key(|e| e.kind.label().to_lowercase());
        entries.extend(sources);
        if let Some((unread, total)) = unsourced {
            entries.push(FeedEntry { kind: FeedKind::Source(String::new()), unread, total });
        }
        entries
    }

    pub fn selected(&self) -> Option<&FeedEntry> {
        self.entries.get(self.selected)
    }
}

/// Read marks set by one "mark all read", for `u` to take back: exactly the stories that were
/// unread, by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadStep {
    pub ids: Vec<String>,
    /// What was marked ("Le Monde", "the 12 stories listed"), for the status line.
    pub what: String,
}

impl AppState {
    /// `f`: the feeds view, on the entry the list is filtered to.
    pub(super) fn open_feeds_view(&mut self) {
        let entries = FeedsView::count(&self.list.stories);
        let current = FeedKind::of(&self.list.filters);
        let selected = entries.iter().position(|e| e.kind == current).unwrap_or(0);
        self.feeds_view = Some(FeedsView { entries, selected });
    }

    /// Recounts the view's entries after the stories or their read marks changed, keeping the
    /// selected entry.
    pub(super) fn recount_feeds(&mut self) {
        let Some(view) = &self.feeds_view else { return };
        let keep = view.selected().map(|e| e.kind.clone());
        let entries = FeedsView::count(&self.list.stories);
        let selected = keep
            .and_then(|k| entries.iter().position(|e| e.kind == k))
            .unwrap_or(view.selected)
            .min(entries.len().saturating_sub(1));
        self.feeds_view = Some(FeedsView { entries, selected });
    }

    /// A command while the view is shown: moving, choosing an entry, marking it read, undoing
    /// that, closing.
    pub(super) fn feeds_view_command(&mut self, cmd: Command, effects: &mut Vec<Effect>) {
        let Some(view) = &mut self.feeds_view else { return };
        let last = view.entries.len().saturating_sub(1);
        let step = |view: &mut FeedsView, delta: isize| {
            view.selected = view.selected.saturating_add_signed(delta).min(last);
        };
        match cmd {
            Command::Down | Command::CaretDown | Command::NextStory => step(view, 1),
            Command::Up | Command::CaretUp | Command::PrevStory => step(view, -1),
            Command::PageDown | Command::HalfPageDown => step(view, 10),
            Command::PageUp | Command::HalfPageUp => step(view, -10),
            Command::Top => view.selected = 0,
            Command::Bottom => view.selected = last,
            Command::Open => self.choose_feed(effects),
            Command::MarkAllRead => {
                if let Some(kind) = view.selected().map(|e| e.kind.clone()) {
                    let ids: Vec<usize> =
                        (0..self.list.stories.len()).filter(|&i| kind.matches(&self.list.stories[i])).collect();
                    self.mark_all_read(&ids, kind.label(), effects);
                }
            }
            Command::Undo => {
                self.undo_read_step(true, effects);
            }
            Command::Redo => {
                self.undo_read_step(false, effects);
            }
            Command::Back | Command::FeedsView => self.feeds_view = None,
            Command::Quit => {
                self.save_scroll(effects);
                self.quit = true;
            }
            Command::Fetch => self.feeds_command(effects),
            Command::FilterUnread | Command::FilterStarred | Command::FilterLang => {
                self.feeds_view = None;
                self.command(cmd, effects);
                self.open_feeds_view();
            }
            Command::Help => self.open_overlay(Overlay::Help),
            Command::ShowSkipped => self.open_overlay(Overlay::Skipped),
            _ => {}
        }
    }

    /// `Enter` on an entry: the story list narrowed to it, the other filters kept.
    fn choose_feed(&mut self, effects: &mut Vec<Effect>) {
        let Some(entry) = self.feeds_view.take().and_then(|v| v.entries.into_iter().nth(v.selected)) else {
            return;
        };
        entry.kind.apply(&mut self.list.filters);
        self.focus = Pane::List;
        self.list.offset = 0;
        let keep = self.list.selected().map(|m| m.id.clone());
        self.list.rebuild(keep.as_deref());
        let f = self.list.filters.describe();
        self.message = Some(format!(
            "{} · {} of {} stories{}{f}",
            entry.kind.label(),
            self.list.rows.len(),
            self.list.stories.len(),
            if f.is_empty() { "" } else { " · " }
        ));
        self.selection_changed(effects);
    }

    /// `A` in the story list: every story listed (the current filters) marked read.
    pub(super) fn mark_listed_read(&mut self, effects: &mut Vec<Effect>) {
        let indices: Vec<usize> = self.list.rows.iter().map(|r| r.story).collect();
        let f = self.list.filters.describe();
        let what = if f.is_empty() { "all stories".to_string() } else { f };
        self.mark_all_read(&indices, what, effects);
    }

    /// Marks the unread stories among `indices` read, in one batch the store writes in one
    /// transaction, remembered for `u`.
    fn mark_all_read(&mut self, indices: &[usize], what: String, effects: &mut Vec<Effect>) {
        let mut ids = Vec::new();
        for &i in indices {
            if let Some(m) = self.list.stories.get_mut(i)
                && !m.read
            {
                m.read = true;
                ids.push(m.id.clone());
            }
        }
        if ids.is_empty() {
            self.message = Some(format!("{what}: nothing unread"));
            return;
        }
        let n = ids.len();
        self.message = Some(format!("{what}: {n} marked read (u undoes)"));
        effects.push(Effect::SetReadMany { ids: ids.clone(), read: true });
        // The newest step of all: the review's last step is older now.
        self.review_undo = None;
        self.review_redo = None;
        self.read_undo.push(ReadStep { ids, what });
        self.read_redo.clear();
        self.read_marks_changed(effects);
    }

    /// `u` (`undo`) or `C-r` (`redo`) on the last "mark all read". Returns whether there was
    /// one to step.
    pub(super) fn undo_read_step(&mut self, undo: bool, effects: &mut Vec<Effect>) -> bool {
        let (from, to) =
            if undo { (&mut self.read_undo, &mut self.read_redo) } else { (&mut self.read_redo, &mut self.read_undo) };
        let Some(step) = from.pop() else {
            if self.feeds_view.is_some() {
                self.message = Some(if undo { "nothing to undo" } else { "nothing to redo" }.into());
            }
            return false;
        };
        // Undo: the stories were unread before; redo: read again.
        let read = !undo;
        for id in &step.ids {
            if let Some(i) = self.list.index_of(id) {
                self.list.stories[i].read = read;
            }
        }
        effects.push(Effect::SetReadMany { ids: step.ids.clone(), read });
        self.message = Some(format!(
            "{}: {} marked read ({} stories)",
            if undo { "undone" } else { "redone" },
            step.what,
            step.ids.len()
        ));
        to.push(step);
        self.read_marks_changed(effects);
        true
    }

    /// `C-f`: the open story's web page fetched in the background and its main text kept.
    pub(super) fn fetch_story(&mut self, effects: &mut Vec<Effect>) {
        let story = match (&self.open, self.list.selected()) {
            (Some(open), _) => (open.article.id.clone(), open.article.url.clone()),
            (None, Some(m)) => (m.id.clone(), None),
            (None, None) => {
                self.message = Some("no story to fetch".into());
                return;
            }
        };
        match story {
            (id, Some(url)) if crate::text::is_web_address(&url) => {
                self.message = Some(format!("fetching the full text of {url}…"));
                effects.push(Effect::FetchStory { id, url });
            }
            (_, Some(_)) => self.message = Some("only http and https pages are fetched".into()),
            (_, None) => self.message = Some("this story has no link to fetch its full text from".into()),
        }
    }

    /// The page of a story was fetched (its text kept and the library re-indexed), or not:
    /// the story is read again when it is the one shown.
    pub(super) fn story_fetched(&mut self, id: &str, result: Result<String, String>, effects: &mut Vec<Effect>) {
        match result {
            Ok(done) => {
                self.message = Some(done);
                if self.list.selected().is_some_and(|m| m.id == id) {
                    self.saved_scroll = None;
                    effects.push(Effect::LoadStory { id: id.to_string() });
                }
            }
            Err(why) => self.message = Some(format!("full text not fetched: {why}")),
        }
    }

    /// An annotation edit or a review step is newer than any "mark all read": those can no
    /// longer be undone in order, so they are forgotten.
    pub(super) fn forget_read_steps(&mut self) {
        self.read_undo.clear();
        self.read_redo.clear();
    }

    /// After read marks changed in bulk: the rows (an unread filter hides the stories now
    /// read) and the view's counts.
    fn read_marks_changed(&mut self, effects: &mut Vec<Effect>) {
        let keep = self.list.selected().map(|m| m.id.clone());
        self.list.rebuild(keep.as_deref());
        self.recount_feeds();
        self.selection_changed(effects);
    }
}
