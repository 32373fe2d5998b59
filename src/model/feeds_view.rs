//! The feeds view: the library's feeds and sources with their unread and total counts, shown
//! over the panes like newsboat's feed list. `Enter` narrows the story list to the entry
//! (composing with the other filters), `A` marks an entry's stories read; `u` undoes that.
//! With the feeds too: `C-f` asks for one story's full text from its web page.

use std::collections::{BTreeMap, HashSet};

use super::{AppState, Effect, Filters, Overlay, Pane};
use crate::command::Command;
use crate::library::{Stories, StoryFields, StoryGroup};
use crate::text::query::parse_with;

/// What an entry of the feeds view stands for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum FeedKind {
    /// Every story: the filter this view sets is cleared.
    All,
    /// A saved query of the config (`[[queries]]`), by name: a virtual feed.
    Saved(String),
    /// Stories whose `source` is this (a feed's name, a site, a source field in a file); the
    /// empty string stands for stories without a source.
    Source(String),
    /// Stories with this tag (a feed's tags, a file's tags or keywords, a feed item's
    /// categories).
    Tag(String),
}

/// The stories each saved query matches (by id), as last counted: the store answers for
/// their words and entities (`Effect::SavedQueries`).
pub type SavedMatches = Vec<(String, HashSet<String>)>;

impl FeedKind {
    /// Whether `story` belongs to this entry.
    pub fn matches(&self, story: &impl StoryFields, saved: &SavedMatches) -> bool {
        match self {
            FeedKind::All => true,
            FeedKind::Saved(name) => saved.iter().any(|(n, ids)| n == name && ids.contains(story.id())),
            FeedKind::Source(s) => story.source().unwrap_or("") == s,
            FeedKind::Tag(t) => super::list::has_tag(story, t),
        }
    }

    /// Narrows `filters` to this entry (replacing what another entry of the view set). A saved
    /// query runs as typed in the search prompt (`choose_feed`).
    pub fn apply(&self, filters: &mut Filters) {
        (filters.source, filters.tag) = match self {
            FeedKind::All | FeedKind::Saved(_) => (None, None),
            FeedKind::Source(s) => (Some(s.clone()), None),
            FeedKind::Tag(t) => (None, Some(t.clone())),
        };
    }

    /// The entry `filters` narrow to, as far as this view can tell.
    fn of(filters: &Filters) -> FeedKind {
        let saved =
            filters.query.as_ref().and_then(|q| q.text.strip_prefix('@')).filter(|n| !n.contains(' '));
        match (&filters.source, &filters.tag, saved) {
            (Some(s), _, _) => FeedKind::Source(s.clone()),
            (None, Some(t), _) => FeedKind::Tag(t.clone()),
            (None, None, Some(name)) => FeedKind::Saved(name.to_string()),
            (None, None, None) => FeedKind::All,
        }
    }

    /// The name shown for the entry.
    pub fn label(&self) -> String {
        match self {
            FeedKind::All => "All stories".into(),
            FeedKind::Saved(name) => format!("@{name}"),
            FeedKind::Source(s) if s.is_empty() => "(no source)".into(),
            FeedKind::Source(s) => s.clone(),
            FeedKind::Tag(t) => format!("#{t}"),
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
    /// "All stories", the saved queries (in the config's order), every source by name, every
    /// tag, and the stories without a source last.
    pub fn count(stories: &Stories, saved: &SavedMatches) -> Vec<FeedEntry> {
        let tally = |slot: &mut (usize, usize), group: &StoryGroup| {
            slot.0 += group.unread;
            slot.1 += group.total;
        };
        let mut by_source: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        // Tags by their folded form (as `tag:` matches), shown as first written.
        let mut by_tag: BTreeMap<String, (&str, (usize, usize))> = BTreeMap::new();
        // By group of stories sharing source and tags: a tag is folded once a group, not once
        // a story (a million stories).
        for group in stories.groups() {
            tally(by_source.entry(group.source.unwrap_or("")).or_default(), &group);
            let mut seen = HashSet::new();
            for t in group.tags {
                let key = crate::text::fold::fold_str(t);
                if seen.insert(key.clone()) {
                    tally(&mut by_tag.entry(key).or_insert((t.as_str(), (0, 0))).1, &group);
                }
            }
        }
        let unsourced = by_source.remove("");
        let all = FeedEntry {
            kind: FeedKind::All,
            unread: stories.iter().filter(|m| !m.read()).count(),
            total: stories.len(),
        };
        let mut entries = vec![all];
        for (name, ids) in saved {
            let (mut unread, mut total) = (0, 0);
            for m in stories.iter().filter(|m| ids.contains(m.id())) {
                unread += usize::from(!m.read());
                total += 1;
            }
            entries.push(FeedEntry { kind: FeedKind::Saved(name.clone()), unread, total });
        }
        let mut sources: Vec<FeedEntry> = by_source
            .into_iter()
            .map(|(s, (unread, total))| FeedEntry { kind: FeedKind::Source(s.to_string()), unread, total })
            .collect();
        sources.sort_by_cached_key(|e| e.kind.label().to_lowercase());
        entries.extend(sources);
        entries.extend(by_tag.into_values().map(|(t, (unread, total))| FeedEntry {
            kind: FeedKind::Tag(t.to_string()),
            unread,
            total,
        }));
        if let Some((unread, total)) = unsourced {
            entries.push(FeedEntry { kind: FeedKind::Source(String::new()), unread, total });
        }
        entries
    }

    pub fn selected(&self) -> Option<&FeedEntry> {
        self.entries.get(self.selected)
    }
}

/// "Mark all read" steps kept for `u`; older ones are dropped.
const MAX_READ_STEPS: usize = 50;

/// Read marks set by one "mark all read", for `u` to take back: exactly the stories that were
/// unread, by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadStep {
    pub ids: Vec<String>,
    /// What was marked ("Le Monde", "the 12 stories listed"), for the status line.
    pub what: String,
}

impl AppState {
    /// `f`: the feeds view, on the entry the list is filtered to. The saved queries are
    /// counted again (the store answers for their words and entities).
    pub(super) fn open_feeds_view(&mut self, effects: &mut Vec<Effect>) {
        let queries: Vec<(String, crate::text::query::Expr)> = self
            .saved_queries
            .iter()
            .filter_map(|q| Some((q.name.clone(), parse_with(&q.query, &self.saved_queries).ok()?)))
            .collect();
        if !queries.is_empty() {
            effects.push(Effect::SavedQueries { queries });
        }
        let entries = FeedsView::count(&self.list.stories, &self.saved_matches);
        let current = FeedKind::of(&self.list.filters);
        let selected = entries.iter().position(|e| e.kind == current).unwrap_or(0);
        self.feeds_view = Some(FeedsView { entries, selected });
        self.from_feeds = false;
    }

    /// Recounts the view's entries after the stories or their read marks changed, keeping the
    /// selected entry.
    pub(super) fn recount_feeds(&mut self) {
        let Some(view) = &self.feeds_view else { return };
        let keep = view.selected().map(|e| e.kind.clone());
        let entries = FeedsView::count(&self.list.stories, &self.saved_matches);
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
                    let ids: Vec<usize> = (self.list.stories.iter())
                        .filter(|m| kind.matches(m, &self.saved_matches))
                        .map(|m| m.index())
                        .collect();
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
                self.open_feeds_view(effects);
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
        self.focus = Pane::List;
        self.from_feeds = true;
        if let FeedKind::Saved(name) = &entry.kind {
            entry.kind.apply(&mut self.list.filters);
            self.submit_query(format!("@{name}"), effects);
            return;
        }
        if matches!(FeedKind::of(&self.list.filters), FeedKind::Saved(_)) {
            // Another entry replaces the saved query's filter.
            self.list.filters.query = None;
            self.list.filters.search = None;
        }
        entry.kind.apply(&mut self.list.filters);
        self.refilter(effects);
    }

    /// What the store found for the saved queries: the stories each matches, then the view
    /// recounted.
    pub(super) fn saved_query_outcomes(&mut self, outcomes: Vec<(String, crate::library::filter::Outcome)>) {
        self.saved_matches = outcomes
            .into_iter()
            .map(|(name, o)| {
                (name, crate::library::filter::matching_ids(&o.rest, self.list.stories.iter(), o.context()))
            })
            .collect();
        self.recount_feeds();
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
            if let Some(m) = self.list.stories.get(i)
                && !m.read()
            {
                ids.push(m.id().to_string());
                self.list.set_read(i, true);
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
        if self.read_undo.len() > MAX_READ_STEPS {
            self.read_undo.remove(0);
        }
        self.read_redo.clear();
        self.read_marks_changed(effects);
    }

    /// `u` (`undo`) or `C-r` (`redo`) on the last "mark all read". Returns whether there was
    /// one to step.
    pub(super) fn undo_read_step(&mut self, undo: bool, effects: &mut Vec<Effect>) -> bool {
        let (from, to) = if undo {
            (&mut self.read_undo, &mut self.read_redo)
        } else {
            (&mut self.read_redo, &mut self.read_undo)
        };
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
                self.list.set_read(i, read);
            }
        }
        effects.push(Effect::SetReadMany { ids: step.ids.clone(), read });
        let n = step.ids.len();
        self.message = Some(format!(
            "{}: {} marked read ({n} stor{})",
            if undo { "undone" } else { "redone" },
            step.what,
            if n == 1 { "y" } else { "ies" }
        ));
        to.push(step);
        self.read_marks_changed(effects);
        true
    }

    /// `C-f`: the open story's web page fetched in the background and its main text kept.
    pub(super) fn fetch_story(&mut self, effects: &mut Vec<Effect>) {
        let story = match (&self.open, self.list.selected()) {
            (Some(open), _) => (open.article.id.clone(), open.article.url.clone()),
            (None, Some(m)) => (m.id().to_string(), None),
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
    pub(super) fn story_fetched(
        &mut self,
        id: &str,
        result: Result<String, String>,
        effects: &mut Vec<Effect>,
    ) {
        match result {
            Ok(done) => {
                self.message = Some(done);
                if self.list.selected().is_some_and(|m| m.id() == id) {
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
        let keep = self.list.selected().map(|m| m.id().to_string());
        self.list.rebuild(keep.as_deref());
        self.recount_feeds();
        self.selection_changed(effects);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::AnnotationSet;
    use crate::command::Command as C;
    use crate::library::{Article, StoryMeta};
    use crate::model::{Action, LoadedStory, Settings, update};

    fn story(id: &str, source: Option<&str>, read: bool) -> StoryMeta {
        StoryMeta {
            id: id.into(),
            title: format!("Story {id}"),
            source: source.map(str::to_string),
            read,
            ..StoryMeta::default()
        }
    }

    /// Runs `actions`, answering each story load with an article that has a link (and one undo
    /// step); returns every effect.
    fn run(state: &mut AppState, actions: Vec<Action>) -> Vec<Effect> {
        let mut log = Vec::new();
        let mut queue: std::collections::VecDeque<Action> = actions.into();
        while let Some(action) = queue.pop_front() {
            for effect in update(state, action) {
                if let Effect::LoadStory { id } = &effect {
                    queue.push_back(loaded(id));
                }
                log.push(effect);
            }
        }
        log
    }

    /// A story as the store gives it: with a link, and an annotation edit to undo.
    fn loaded(id: &str) -> Action {
        let article = Article {
            id: id.into(),
            title: id.into(),
            body: "Un texte.".into(),
            url: Some(format!("https://example.org/{id}")),
            ..Article::default()
        };
        let annotations = AnnotationSet { can_undo: true, ..AnnotationSet::default() };
        Action::StoryLoaded {
            story: Box::new(LoadedStory { article, annotations, ..LoadedStory::default() }),
        }
    }

    fn cmds(list: &[C]) -> Vec<Action> {
        list.iter().map(|c| Action::Command(*c)).collect()
    }

    /// Four stories: two of Le Monde (one read), one of RFI, one without a source.
    fn library(settings: Settings) -> AppState {
        let stories = vec![
            story("m1", Some("Le Monde"), false),
            story("m2", Some("Le Monde"), true),
            story("r1", Some("RFI"), false),
            story("x1", None, false),
        ];
        let (mut state, effects) = AppState::new(stories, 120, 40, settings);
        let loads = effects.iter().filter_map(|e| match e {
            Effect::LoadStory { id } => Some(loaded(id)),
            _ => None,
        });
        run(&mut state, loads.collect());
        state
    }

    fn counts(state: &AppState) -> Vec<(String, usize, usize)> {
        let view = state.feeds_view.as_ref().expect("the feeds view is open");
        view.entries.iter().map(|e| (e.kind.label(), e.unread, e.total)).collect()
    }

    fn listed(state: &AppState) -> Vec<&str> {
        state.list.rows.iter().map(|r| state.list.stories.get(r.story).unwrap().id()).collect()
    }

    fn read_marks(effects: &[Effect]) -> Vec<(Vec<String>, bool)> {
        effects
            .iter()
            .filter_map(|e| match e {
                Effect::SetReadMany { ids, read } => Some((ids.clone(), *read)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_view_counts_unread_and_total_per_source_all_stories_first() {
        let mut state = library(Settings::default());
        run(&mut state, cmds(&[C::FeedsView]));
        let owned = |(l, u, t): (&str, usize, usize)| (l.to_string(), u, t);
        assert_eq!(
            counts(&state),
            [("All stories", 3, 4), ("Le Monde", 1, 2), ("RFI", 1, 1), ("(no source)", 1, 1)].map(owned)
        );
        run(&mut state, cmds(&[C::Back]));
        assert!(state.feeds_view.is_none());
    }

    #[test]
    fn enter_lists_the_feed_s_stories_with_the_other_filters_kept() {
        let mut state = library(Settings::default());
        run(&mut state, cmds(&[C::FilterUnread, C::FeedsView, C::Down, C::Open]));
        assert!(state.feeds_view.is_none());
        assert_eq!(listed(&state), vec!["m1"], "Le Monde's unread story only");
        run(&mut state, cmds(&[C::FeedsView]));
        assert_eq!(state.feeds_view.as_ref().map(|v| v.selected), Some(1), "opens on the feed listed");
        run(&mut state, cmds(&[C::Bottom, C::Open]));
        assert_eq!(listed(&state), vec!["x1"], "the stories without a source");
        run(&mut state, cmds(&[C::FeedsView, C::Top, C::Open]));
        assert_eq!(listed(&state), vec!["m1", "r1", "x1"], "all stories, still unread only");
        // Back from a feed's stories: the feeds view again; then back to the list, and on.
        run(&mut state, cmds(&[C::FeedsView, C::Down, C::Open, C::Open, C::Back, C::Back]));
        assert_eq!(state.feeds_view.as_ref().map(|v| v.selected), Some(1), "back on Le Monde");
        run(&mut state, cmds(&[C::Back, C::Back]));
        assert!(state.feeds_view.is_none() && state.list.filters.is_empty() && !state.quit);
        run(&mut state, cmds(&[C::Back]));
        assert!(state.quit);
    }

    #[test]
    fn marking_a_feed_read_writes_one_batch_and_undo_restores_exactly_the_marks_before() {
        let mut state = library(Settings::default());
        let before: Vec<bool> = state.list.stories.iter().map(|m| m.read()).collect();
        let effects = run(&mut state, cmds(&[C::FeedsView, C::Down, C::MarkAllRead]));
        assert_eq!(read_marks(&effects), vec![(vec!["m1".to_string()], true)], "m2 was read already");
        assert_eq!(counts(&state)[1], ("Le Monde".into(), 0, 2));
        assert_eq!(counts(&state)[0], ("All stories".into(), 2, 4));
        let effects = run(&mut state, cmds(&[C::Undo]));
        assert_eq!(read_marks(&effects), vec![(vec!["m1".to_string()], false)]);
        assert_eq!(state.list.stories.iter().map(|m| m.read()).collect::<Vec<_>>(), before);
        assert_eq!(counts(&state)[1], ("Le Monde".into(), 1, 2));
        let effects = run(&mut state, cmds(&[C::Redo]));
        assert_eq!(read_marks(&effects), vec![(vec!["m1".to_string()], true)]);
        let effects = run(&mut state, cmds(&[C::Undo, C::Undo]));
        assert_eq!(read_marks(&effects).len(), 1, "one step to undo, then nothing");
        assert_eq!(state.message.as_deref(), Some("nothing to undo"));
    }

    #[test]
    fn a_in_the_list_marks_what_is_listed_and_u_undoes_it_before_the_annotation_log() {
        let mut state = library(Settings { mark_read_on_open: false, ..Settings::default() });
        state.list.filters.source = Some("Le Monde".into());
        state.list.rebuild(None);
        let effects = run(&mut state, cmds(&[C::MarkAllRead]));
        assert_eq!(read_marks(&effects), vec![(vec!["m1".to_string()], true)]);
        assert!(!state.list.stories.get(2).unwrap().read(), "RFI is not listed: untouched");
        // The open story has an annotation edit to undo: the newer step goes first.
        let effects = run(&mut state, cmds(&[C::Undo]));
        assert_eq!(read_marks(&effects), vec![(vec!["m1".to_string()], false)]);
        assert!(!effects.iter().any(|e| matches!(e, Effect::Undo { .. })));
        let effects = run(&mut state, cmds(&[C::Undo]));
        assert!(effects.iter().any(|e| matches!(e, Effect::Undo { .. })), "then the annotation log");
        // An annotation edit after a "mark all read" is the newest step: `u` undoes it.
        run(&mut state, cmds(&[C::MarkAllRead]));
        let mut edit = cmds(&[C::Open, C::Select]);
        edit.push(Action::ApplyLabel("PER".into()));
        let effects = run(&mut state, edit);
        assert!(effects.iter().any(|e| matches!(e, Effect::Edit { .. })), "{effects:?}");
        let effects = run(&mut state, cmds(&[C::Undo]));
        assert!(read_marks(&effects).is_empty() && effects.iter().any(|e| matches!(e, Effect::Undo { .. })));
    }

    #[test]
    fn next_and_previous_story_mark_read_as_enter_does() {
        let mut state = library(Settings::default());
        run(&mut state, cmds(&[C::ToggleRead, C::Open]));
        assert!(state.list.stories.get(0).unwrap().read(), "Enter marks read");
        run(&mut state, cmds(&[C::NextStory]));
        assert!(state.list.stories.get(1).unwrap().read());
        let effects = run(&mut state, cmds(&[C::NextStory]));
        assert!(effects.contains(&Effect::SetRead { id: "r1".into(), read: true }));
        assert!(state.list.stories.get(2).unwrap().read(), "the story opened by J is read");
        // Without marking on open, J marks the story it leaves only.
        let mut state = library(Settings { mark_read_on_open: false, ..Settings::default() });
        let effects = run(&mut state, cmds(&[C::NextStory, C::NextStory]));
        assert!(effects.contains(&Effect::SetRead { id: "m1".into(), read: true }));
        assert!(state.list.stories.get(0).unwrap().read() && !state.list.stories.get(2).unwrap().read());
        // Turned off: J moves and marks nothing.
        let off = Settings { mark_read_on_move: false, mark_read_on_open: false, ..Settings::default() };
        let mut state = library(off);
        let effects = run(&mut state, cmds(&[C::NextStory, C::NextStory, C::PrevStory]));
        assert!(!effects.iter().any(|e| matches!(e, Effect::SetRead { .. })));
        assert!(!state.list.stories.get(0).unwrap().read());
    }

    #[test]
    fn refresh_on_start_fetches_once_the_reader_starts() {
        let on = Settings { refresh_on_start: true, ..Settings::default() };
        let (state, effects) = AppState::new(vec![story("a", None, false)], 120, 40, on);
        assert!(effects.contains(&Effect::Fetch) && state.fetching.is_some());
        let (_, effects) = AppState::new(vec![story("a", None, false)], 120, 40, Settings::default());
        assert!(!effects.contains(&Effect::Fetch));
    }

    #[test]
    fn fetching_a_story_s_page_asks_for_it_and_reloads_the_story_when_kept() {
        let mut state = library(Settings::default());
        run(&mut state, cmds(&[C::NextStory]));
        let effects = run(&mut state, cmds(&[C::FetchStory]));
        assert!(
            effects.contains(&Effect::FetchStory { id: "m2".into(), url: "https://example.org/m2".into() })
        );
        let effects = run(
            &mut state,
            vec![Action::StoryFetched { id: "m2".into(), result: Ok("full text kept: 300 words".into()) }],
        );
        assert!(effects.contains(&Effect::LoadStory { id: "m2".into() }), "{effects:?}");
        assert_eq!(state.message.as_deref(), Some("full text kept: 300 words"));
        run(&mut state, vec![Action::StoryFetched { id: "m2".into(), result: Err("HTTP 404".into()) }]);
        assert_eq!(state.message.as_deref(), Some("full text not fetched: HTTP 404"));
    }
}
