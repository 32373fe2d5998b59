//! Reviewing stories: each story's progress kept in the list as its annotations change, the
//! queue of suggestions to judge (within the story, then on to the next story that has some),
//! and marking a story's review done (undone by `u`).

use super::{AppState, Effect, Pane};
use crate::library::Review;

/// A jump to another story with something to judge, waiting for that story to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Jump {
    forward: bool,
    /// The story the jump started from: arriving there again means nothing is left.
    from: String,
}

impl AppState {
    /// The review of the story open in the reader, as the list holds it.
    pub fn open_review(&self) -> Option<Review> {
        let open = self.open.as_ref()?;
        let i = self.list.index_of(&open.article.id)?;
        self.list.stories.get(i).map(|m| m.review())
    }

    /// After the open story was loaded or its annotations changed: the list holds its progress,
    /// and the store is asked to keep how much it has to judge when that changed. The last
    /// decision of a story says so.
    pub(super) fn progress_changed(&mut self, after_edit: bool, effects: &mut Vec<Effect>) {
        let Some(open) = &self.open else { return };
        let progress = open.progress;
        let id = &open.article.id;
        let listed = self.list.index_of(id);
        let before = listed.and_then(|i| self.list.stories.get(i)).map(|m| m.review()).unwrap_or_default();
        if let Some(i) = listed {
            let now = Review { judged: progress.judged, total: Some(progress.total()), ..before };
            self.list.stories.set_review(i, now);
        }
        if before.total != Some(progress.total()) {
            effects.push(Effect::SaveReviewTotal {
                id: id.clone(),
                content_hash: open.content_hash.clone(),
                total: progress.total(),
            });
        }
        let finished = before.unjudged().is_none_or(|u| u > 0) && progress.unjudged == 0;
        if after_edit && finished && !before.done && progress.total() > 0 {
            let said = self.message.take().map(|m| format!("{m} · ")).unwrap_or_default();
            self.message = Some(format!(
                "{said}all {} judged: D marks the story done, }} goes on to the next",
                progress.total()
            ));
        }
    }

    /// `}`/`{`: the next (previous) suggestion to judge in the open story, around the story from
    /// the cursor; once none is left, or the story is marked done, the first (last) of the next
    /// (previous) story in the list that has some.
    pub(super) fn step_unjudged(&mut self, forward: bool, effects: &mut Vec<Effect>) {
        if self.list.rows.is_empty() {
            self.message = Some("no stories".into());
            return;
        }
        if !self.open_is_selected() {
            self.message = Some("the story is still loading".into());
            return;
        }
        let from_list = self.focus == Pane::List;
        if !self.open_review().is_some_and(|r| r.done)
            && let Some(i) = self.unjudged_mark(forward, from_list)
        {
            if from_list {
                self.focus = Pane::Article;
                self.relayout();
            }
            self.cursor_to_mark(i);
            return;
        }
        let from = self.open.as_ref().map(|o| o.article.id.clone()).unwrap_or_default();
        self.go_to_story_to_review(Jump { forward, from }, effects);
    }

    /// The unjudged mark met first walking forward (back) from the entity cursor around the
    /// story; without a cursor, from the top of the view (the story's start with `from_start`).
    fn unjudged_mark(&self, forward: bool, from_start: bool) -> Option<usize> {
        let open = self.open.as_ref()?;
        let n = open.marks.len();
        // The walk starts at `first` (which counts itself unless it has the cursor).
        let (first, counts_itself) = match self.reader.cursor {
            Some(i) if !from_start => (i.min(n), false),
            _ => {
                let top = if from_start { 0 } else { self.view_start() };
                (open.mark_at_or_after(top).unwrap_or(n), true)
            }
        };
        let walk: Vec<usize> = if forward {
            let start = if counts_itself { first } else { first + 1 }.min(n);
            (start..n).chain(0..start).collect()
        } else {
            (0..first).rev().chain((first..n).rev()).collect()
        };
        walk.into_iter().find(|&i| open.marks[i].is_unjudged(open))
    }

    /// The row of the next (previous) story after the selected one, around the list, that is
    /// not done and may have something to judge (a story never opened may).
    fn story_to_review(&self, forward: bool) -> Option<usize> {
        let rows = &self.list.rows;
        let n = rows.len();
        let at = self.list.selected;
        (1..n).map(|k| if forward { (at + k) % n } else { (at + n - k) % n }).find(|&row| {
            let review = self.list.stories.get(rows[row].story).map(|m| m.review()).unwrap_or_default();
            !review.done && review.unjudged() != Some(0)
        })
    }

    fn go_to_story_to_review(&mut self, jump: Jump, effects: &mut Vec<Effect>) {
        let found = self.story_to_review(jump.forward);
        let target = found.and_then(|row| self.list.stories.get(self.list.rows[row].story));
        match (found, target) {
            (Some(row), Some(meta)) if meta.id() != jump.from => {
                self.review_jump = Some(jump);
                self.open_focus = true;
                self.move_selection(row as isize - self.list.selected as isize, effects);
            }
            _ => {
                let hidden = if self.list.filters.is_empty() { "" } else { " (filters hide some stories)" };
                self.message = Some(format!("nothing left to judge in the list{hidden}"));
            }
        }
    }

    /// A story reached by `}`/`{` has loaded: the cursor goes to its first (last) suggestion to
    /// judge; a story that has none after all is passed over.
    pub(super) fn arrived_for_review(&mut self, effects: &mut Vec<Effect>) {
        let Some(jump) = self.review_jump.take() else { return };
        self.reader.cursor = None;
        match self.unjudged_mark(jump.forward, true) {
            Some(i) if !self.open_review().is_some_and(|r| r.done) => {
                self.cursor_to_mark(i);
                let left = self.open.as_ref().map_or(0, |o| o.progress.unjudged);
                self.message = Some(format!("next story to review: {left} to judge"));
            }
            _ => self.go_to_story_to_review(jump, effects),
        }
    }

    /// `D`: marks the review of the open story (of the selected one, from the list) done, or
    /// not done again.
    pub(super) fn toggle_review_done(&mut self, effects: &mut Vec<Effect>) {
        let id = match (&self.open, self.focus) {
            (Some(open), Pane::Article | Pane::Side) => Some(open.article.id.clone()),
            _ => self.list.selected().map(|m| m.id().to_string()),
        };
        let Some(review) = id
            .as_deref()
            .and_then(|id| self.list.index_of(id))
            .and_then(|i| self.list.stories.get(i))
            .map(|m| m.review())
        else {
            self.message = Some("no story to mark done".into());
            return;
        };
        let (Some(id), done) = (id, !review.done) else { return };
        self.entity_steps = false;
        self.set_review_done(&id, done, effects);
        self.review_undo = Some((id, done));
        self.review_redo = None;
        self.forget_read_steps();
        self.message = Some(match (done, review.unjudged()) {
            (false, _) => "review reopened: not done".into(),
            (true, Some(0)) => "review done · } goes on to the next story to review".into(),
            (true, Some(left)) => {
                format!("review done: its {left} unjudged suggestions are left out of exports · u undoes")
            }
            (true, None) => "review done · u undoes".into(),
        });
    }

    fn set_review_done(&mut self, id: &str, done: bool, effects: &mut Vec<Effect>) {
        if let Some(m) = self.list.index_of(id).and_then(|i| self.list.stories.get(i)) {
            let (i, review) = (m.index(), Review { done, ..m.review() });
            self.list.stories.set_review(i, review);
        }
        effects.push(Effect::SetReviewDone { id: id.to_string(), done });
    }

    /// `u` / `C-r` right after marking the open story done (or not): steps that back or again.
    /// Returns whether it did.
    pub(super) fn step_review_done(&mut self, undo: bool, effects: &mut Vec<Effect>) -> bool {
        let Some(open_id) = self.open.as_ref().map(|o| o.article.id.clone()) else { return false };
        let slot = if undo { &mut self.review_undo } else { &mut self.review_redo };
        let Some((id, done)) = slot.take_if(|(id, _)| *id == open_id) else { return false };
        self.set_review_done(&id, if undo { !done } else { done }, effects);
        let what = if done { "mark done" } else { "mark not done" };
        self.message = Some(format!("{}: {what}", if undo { "undone" } else { "redone" }));
        let other = if undo { &mut self.review_redo } else { &mut self.review_undo };
        *other = Some((id, done));
        true
    }

    /// An annotation edit starts a new history: marking done is no longer the last step.
    pub(super) fn forget_review_steps(&mut self) {
        self.review_undo = None;
        self.review_redo = None;
        self.forget_read_steps();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::{Annotation, AnnotationSet, Edit};
    use crate::command::Command as C;
    use crate::extract::{Entity, Facts, Label, Mention, Origin};
    use crate::library::{Article, ReviewState, StoryMeta};
    use crate::model::{Action, LoadedStory, ReviewFilter, Settings, update};

    const TEXT: &str = "Le colonel Assimi Goita a parlé à Moscou avec la Russie.";

    fn facts() -> Facts {
        let m = |w: &str| {
            let s = TEXT.find(w).unwrap();
            Mention { start: s, end: s + w.len(), text: w.into(), origin: Origin::Model }
        };
        let e = |label, w: &str| Entity { label, name: w.into(), mentions: vec![m(w)] };
        Facts {
            entities: vec![e(Label::Per, "Assimi Goita"), e(Label::Loc, "Moscou"), e(Label::Loc, "Russie")],
            ..Facts::default()
        }
    }

    /// The state and a store in memory: annotations by story.
    struct App {
        state: AppState,
        annotations: std::collections::HashMap<String, Vec<Annotation>>,
        log: Vec<Effect>,
    }

    impl App {
        /// Three stories (s0, s1, s2) whose reviews are as given.
        fn new(reviews: [Review; 3]) -> App {
            let stories = reviews
                .iter()
                .enumerate()
                .map(|(i, r)| StoryMeta {
                    id: format!("s{i}"),
                    title: format!("Story {i}"),
                    review: *r,
                    ..Default::default()
                })
                .collect();
            let (state, effects) = AppState::new(stories, 120, 40, Settings::default());
            let mut app = App { state, annotations: Default::default(), log: Vec::new() };
            app.perform(effects);
            app
        }

        fn perform(&mut self, effects: Vec<Effect>) {
            let mut queue: std::collections::VecDeque<Effect> = effects.into();
            while let Some(effect) = queue.pop_front() {
                self.log.push(effect.clone());
                let answer = match effect {
                    Effect::LoadStory { id } => {
                        let article = Article { id: id.clone(), body: TEXT.into(), ..Article::default() };
                        let annotations = self.annotations.get(&id).cloned().unwrap_or_default();
                        let set = AnnotationSet { annotations, can_undo: false, can_redo: false };
                        let story = LoadedStory {
                            article,
                            facts: facts(),
                            annotations: set,
                            ..LoadedStory::default()
                        };
                        Action::StoryLoaded { story: Box::new(story) }
                    }
                    Effect::Edit { article_id, edit, .. } => {
                        let list = self.annotations.entry(article_id.clone()).or_default();
                        let current = edit.target().and_then(|id| list.iter().find(|a| a.id == id).cloned());
                        let edit = match *edit {
                            Edit::Add(a) => Edit::Add(Annotation { id: list.len() as i64 + 1, ..a }),
                            e => e,
                        };
                        if let Some(change) = edit.change(current) {
                            change.apply(list);
                        }
                        let set =
                            AnnotationSet { annotations: list.clone(), can_undo: true, can_redo: false };
                        Action::AnnotationsChanged { article_id, set, step: None }
                    }
                    _ => continue,
                };
                queue.extend(update(&mut self.state, answer));
            }
        }

        fn press(&mut self, cmds: &[C]) {
            for &c in cmds {
                let effects = update(&mut self.state, Action::Command(c));
                self.perform(effects);
            }
        }

        fn under_cursor(&self) -> (&str, &str) {
            let open = self.state.open.as_ref().unwrap();
            let mark = open.marks[self.state.reader.cursor.expect("a mention has the cursor")];
            (open.article.id.as_str(), &TEXT[mark.start..mark.end])
        }

        fn review(&self, id: &str) -> Review {
            self.state.list.stories.get(self.state.list.index_of(id).unwrap()).unwrap().review()
        }
    }

    #[test]
    fn the_queue_walks_the_suggestions_then_the_next_story_to_review() {
        let done = Review { done: true, ..Review::default() };
        let mut app = App::new([Review::default(), done, Review::default()]);
        app.press(&[C::Open, C::NextUnjudged]);
        assert_eq!(app.under_cursor(), ("s0", "Assimi Goita"));
        assert_eq!(app.review("s0"), Review { done: false, judged: 0, total: Some(3) });
        assert!(app.log.contains(&Effect::SaveReviewTotal {
            id: "s0".into(),
            content_hash: String::new(),
            total: 3
        }));
        app.press(&[C::Accept, C::NextUnjudged]);
        assert_eq!(app.under_cursor(), ("s0", "Moscou"));
        assert_eq!(app.review("s0").judged, 1);
        assert_eq!(app.review("s0").state(), ReviewState::InProgress);
        // Back to the one before: none (Goita is judged), so around to the last.
        app.press(&[C::PrevUnjudged]);
        assert_eq!(app.under_cursor(), ("s0", "Russie"));
        app.press(&[C::Reject, C::NextUnjudged, C::Reject]);
        assert_eq!(app.review("s0"), Review { done: false, judged: 3, total: Some(3) });
        assert!(app.state.message.as_deref().unwrap().contains("all 3 judged"), "{:?}", app.state.message);
        // Nothing left here: on to the next story that is not done (s1 is), at its first.
        app.press(&[C::NextUnjudged]);
        assert_eq!(app.under_cursor(), ("s2", "Assimi Goita"));
        assert_eq!(app.state.focus, Pane::Article);
        // Marked done, s2 is passed over too: nothing is left.
        app.press(&[C::ReviewDone]);
        assert!(app.log.contains(&Effect::SetReviewDone { id: "s2".into(), done: true }));
        app.press(&[C::NextUnjudged]);
        assert_eq!(app.state.message.as_deref(), Some("nothing left to judge in the list"));
        assert_eq!(app.under_cursor().0, "s2");
    }

    #[test]
    fn marking_done_is_undone_by_u_and_redone() {
        let mut app = App::new([Review::default(); 3]);
        app.press(&[C::Open, C::ReviewDone]);
        assert!(app.review("s0").done);
        assert!(app.state.message.as_deref().unwrap().contains("3 unjudged suggestions are left out"));
        app.press(&[C::Undo]);
        assert!(!app.review("s0").done);
        assert_eq!(app.state.message.as_deref(), Some("undone: mark done"));
        assert_eq!(app.log.last(), Some(&Effect::SetReviewDone { id: "s0".into(), done: false }));
        app.press(&[C::Redo]);
        assert!(app.review("s0").done);
        // From the list, D marks the selected story.
        app.press(&[C::Back, C::Down, C::ReviewDone]);
        assert!(app.review("s1").done);
    }

    #[test]
    fn the_review_filter_cycles_through_the_states() {
        let started = Review { judged: 2, total: Some(5), ..Review::default() };
        let done = Review { done: true, ..Review::default() };
        let mut app = App::new([Review::default(), started, done]);
        let shown = |app: &App| -> Vec<String> {
            app.state
                .list
                .rows
                .iter()
                .map(|r| app.state.list.stories.get(r.story).unwrap().id().to_string())
                .collect()
        };
        let mut seen = Vec::new();
        for _ in 0..5 {
            app.press(&[C::FilterReview]);
            seen.push((app.state.list.filters.review, shown(&app)));
        }
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            seen,
            vec![
                (Some(ReviewFilter::ToDo), ids(&["s0", "s1"])),
                (Some(ReviewFilter::NotStarted), ids(&["s0"])),
                (Some(ReviewFilter::InProgress), ids(&["s1"])),
                (Some(ReviewFilter::Done), ids(&["s2"])),
                (None, ids(&["s0", "s1", "s2"])),
            ]
        );
    }

    #[test]
    fn judging_keeps_the_place_and_d_deletes_only_what_is_yours() {
        let mut app = App::new([Review::default(); 3]);
        app.press(&[C::Open, C::NextEntity, C::NextEntity]);
        assert_eq!(app.under_cursor(), ("s0", "Moscou"));
        app.press(&[C::Reject]);
        assert_eq!(app.state.reader.cursor, None, "Moscou is no longer a mention");
        let after_moscou = TEXT.find("Moscou").unwrap() + "Moscou".len();
        assert_eq!(app.state.reader.caret, Some(after_moscou), "the caret is just after it");
        assert_eq!(app.state.message.as_deref(), Some("rejected Moscou"));
        app.press(&[C::NextEntity]);
        assert_eq!(app.under_cursor(), ("s0", "Russie"), "] goes on from there, not from the top");

        let edits = |app: &App| app.log.iter().filter(|e| matches!(e, Effect::Edit { .. })).count();
        let before = edits(&app);
        app.press(&[C::Delete]);
        assert_eq!(edits(&app), before, "a suggestion is not deleted");
        assert!(app.state.message.as_deref().unwrap().contains("x rejects it"), "{:?}", app.state.message);

        app.press(&[C::Accept]);
        assert_eq!(app.under_cursor(), ("s0", "Russie"), "accepting keeps the cursor on it");
        let effects = update(&mut app.state, Action::ApplyLabel("ORG".into()));
        app.perform(effects);
        assert_eq!(app.under_cursor(), ("s0", "Russie"), "relabelling too");
        app.press(&[C::Delete]);
        assert_eq!(app.under_cursor(), ("s0", "Russie"), "deleting the decision brings the suggestion back");
        assert_eq!(app.state.message.as_deref(), Some("deleted your decision on Russie: a suggestion again"));
        assert!(app.state.open.as_ref().unwrap().annotations.iter().all(|a| a.quote.exact != "Russie"));
    }
}
