//! The event loop: reads terminal events, turns them into actions, runs `update()`, draws when
//! something changed.

use std::sync::atomic::Ordering;
use std::time::Duration;

use anyhow::{Context, Result};
use crossterm::event::{self, Event};

use crate::config::{Config, KeyChord};
use crate::input;
use crate::library::{Article, Skipped};
use crate::model::{Action, AppState, update};
use crate::tui::{self, TerminalGuard};
use crate::ui::{self, Ctx, Theme};

/// Runs the reader until the user quits or the process is asked to terminate.
pub fn run(config: &Config, stories: Vec<Article>, skipped: Vec<Skipped>) -> Result<()> {
    let stop = tui::termination_flag().context("installing signal handlers")?;
    let mut guard = TerminalGuard::new().context("setting up the terminal")?;
    let size = guard.terminal.size()?;
    let mut state = AppState::new(stories, skipped, size.width, size.height);
    let theme = Theme::new(config.theme.clone(), config.no_color);
    let mut dirty = true;
    while !state.quit && !stop.load(Ordering::Relaxed) {
        if dirty {
            guard.terminal.draw(|frame| {
                ui::draw(frame, &Ctx { state: &state, theme: &theme, keymap: &config.keymap })
            })?;
            dirty = false;
        }
        if !event::poll(Duration::from_millis(200))? {
            continue;
        }
        let action = match event::read()? {
            Event::Key(key) => input::chord_of(&key)
                .and_then(|c| input::action_for(c, &config.keymap, state.prompt.is_some())),
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            _ => None,
        };
        if let Some(action) = action {
            update(&mut state, action);
            dirty = true;
        }
    }
    Ok(())
}

/// Feeds a scripted sequence of chords to the state the way the loop does, for tests.
pub fn press(state: &mut AppState, config: &Config, chords: &[KeyChord]) {
    for &chord in chords {
        if let Some(action) = input::action_for(chord, &config.keymap, state.prompt.is_some()) {
            update(state, action);
        }
    }
}
