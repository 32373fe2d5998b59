//! The state and the store together, effects performed synchronously: what the reader's loop
//! drives, and what tests and benchmarks drive without a terminal.

use std::collections::VecDeque;

use anyhow::Result;

use crate::config::{Config, KeyChord};
use crate::library::Scope;
use crate::model::{Action, AppState, Effect, Settings, update};
use crate::service::effects::perform;
use crate::store::Store;

/// What `update()` needs from the config.
pub fn settings(config: &Config) -> Settings {
    Settings {
        mark_read_on_open: config.mark_read_on_open,
        mark_read_on_move: config.mark_read_on_move,
        refresh_on_start: config.fetch.refresh_on_start,
        dates: Default::default(),
    }
}

/// Stories read before the first frame; a larger library's list is completed by a job.
pub const FIRST_PAGE: usize = 300;

pub struct Session {
    pub state: AppState,
    pub store: Store,
    pub scopes: Vec<Scope>,
    /// Effects that run on a thread of their own, for the loop to start.
    jobs: Vec<Effect>,
    /// Effects that need the terminal (a browser, the clipboard), for the loop to perform.
    outside: Vec<Effect>,
}

impl Session {
    /// A session showing the first `FIRST_PAGE` stories in scope (`reload` reads them all).
    pub fn new(
        store: Store,
        scopes: Vec<Scope>,
        width: u16,
        height: u16,
        settings: Settings,
    ) -> Result<Session> {
        let (mut session, effects) = Session::start(store, scopes, width, height, settings)?;
        session.perform_all(effects);
        Ok(session)
    }

    /// The session before its first story is read: the caller draws the list first, then
    /// performs the returned effects (reading and analysing the story).
    pub fn start(
        store: Store,
        scopes: Vec<Scope>,
        width: u16,
        height: u16,
        settings: Settings,
    ) -> Result<(Session, Vec<Effect>)> {
        let mut store = store;
        // This window's undo and redo are its own (store/sessions.rs).
        store.begin_session()?;
        let stories = store.stories_page(&scopes, Some(FIRST_PAGE))?;
        let (state, effects) = AppState::new(stories, width, height, settings);
        Ok((Session { state, store, scopes, jobs: Vec::new(), outside: Vec::new() }, effects))
    }

    /// Performs effects and the effects of their answers, until none is left; background work
    /// is set aside for `take_jobs`.
    pub fn perform_all(&mut self, effects: Vec<Effect>) {
        let mut queue: VecDeque<Effect> = effects.into();
        while let Some(effect) = queue.pop_front() {
            if effect.is_background() {
                self.jobs.push(effect);
                continue;
            }
            if matches!(effect, Effect::OpenUrl(_) | Effect::Copy(_)) {
                self.outside.push(effect);
                continue;
            }
            for action in perform(&mut self.store, effect) {
                queue.extend(update(&mut self.state, action));
            }
        }
    }

    pub fn dispatch(&mut self, action: Action) {
        let effects = update(&mut self.state, action);
        self.perform_all(effects);
    }

    /// Feeds chords the way the loop does (through the keymap and the open prompt).
    pub fn press(&mut self, config: &Config, chords: &[KeyChord]) {
        for &chord in chords {
            if let Some(action) = crate::input::action_for(chord, config, &self.state) {
                self.dispatch(action);
            }
        }
    }

    /// The background jobs asked for since the last call.
    pub fn take_jobs(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.jobs)
    }

    /// The effects that need the terminal, asked for since the last call.
    pub fn take_outside(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.outside)
    }

    /// Reloads the stories in scope from the store (after indexing).
    pub fn reload(&mut self) {
        match self.store.story_list(&self.scopes) {
            Ok(stories) => self.dispatch(Action::StoriesLoaded(Box::new(stories))),
            Err(e) => self.dispatch(Action::Failed(format!("reading the library: {e}"))),
        }
    }
}
