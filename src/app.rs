//! The reader's loop and nothing else: read a terminal event, turn it into an action, let the
//! session run `update()` and perform the effects, start the background jobs asked for,
//! dispatch what those jobs report, and draw when something changed. Every use-case it runs
//! lives in `service`.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use crossterm::event::{self, Event};

use crate::config::Config;
use crate::input;
use crate::model::{Action, Effect, Settings};
use crate::service::Source;
use crate::service::analysis;
use crate::service::jobs::Jobs;
use crate::service::session::{FIRST_PAGE, Session};
use crate::store::Store;
use crate::text::dates::{Dates, Zone};
use crate::tui::{self, TerminalGuard};
use crate::ui::{self, Ctx, Theme};

/// While indexing, the list is refreshed from the store at most this often.
const RELOAD_EVERY: Duration = Duration::from_secs(1);

/// Runs the reader until the user quits or the process is asked to terminate. Fetched feed
/// items are stored under `feeds_dir`.
pub fn run(config: &Config, db_path: &Path, source: Source, feeds_dir: &Path) -> Result<()> {
    // A database that cannot be written (a read-only folder, a damaged file) is read as it is;
    // the indexing job says so.
    let (store, _) = Store::open_or_read_only(db_path)
        .with_context(|| format!("opening the library database {}", db_path.display()))?;
    let stop = tui::termination_flag().context("installing signal handlers")?;
    // Index on a thread of its own; the list shows what the store has meanwhile.
    let (jobs, background) = Jobs::new(config, db_path, &source, feeds_dir);
    jobs.index();

    let mut guard = TerminalGuard::new().context("setting up the terminal")?;
    let events = spawn_event_reader();
    let size = guard.terminal.size()?;
    let dates = Dates { format: config.date_format.clone(), zone: Zone::Local, now: Some(now()) };
    let settings = Settings { mark_read_on_open: config.mark_read_on_open, dates };
    // Load the extractor's models and word lists while the database is read and the list drawn.
    std::thread::spawn(analysis::warm_up);
    let (session, first_effects) = Session::start(store, source.scopes(), size.width, size.height, settings)?;
    if session.state.list.stories.len() >= FIRST_PAGE {
        jobs.full_list();
    }
    let mut reader = Reader {
        session,
        config,
        theme: Theme::new(config.theme.clone(), config.no_color),
        jobs,
        background,
        first_effects: Some(first_effects),
        dirty: true,
        panic_after_draw: std::env::var_os("BYLINE_TEST_PANIC").is_some(),
        last_reload: Instant::now(),
        minute: 0,
    };
    let result = reader.run(&mut guard, &events, &stop);
    reader.leave();
    drop(guard);
    // The indexer's and the fetcher's writes are transactional (item files are renamed into
    // place); they may be abandoned mid-run.
    result
}

/// The loop's state: the session, what it draws with, and the jobs it started.
struct Reader<'a> {
    session: Session,
    config: &'a Config,
    theme: Theme,
    jobs: Jobs,
    background: Receiver<Action>,
    /// The first story's effects, performed once the list has been drawn.
    first_effects: Option<Vec<Effect>>,
    dirty: bool,
    /// Test-only: the terminal-safety tests make the reader panic once it has drawn a story.
    panic_after_draw: bool,
    last_reload: Instant,
    /// The minute last told to the state (`Action::Now`).
    minute: i64,
}

impl Reader<'_> {
    fn run(
        &mut self,
        guard: &mut TerminalGuard,
        events: &Receiver<std::io::Result<Event>>,
        stop: &AtomicBool,
    ) -> Result<()> {
        while !self.session.state.quit && !stop.load(Ordering::Relaxed) {
            if self.dirty {
                self.draw(guard)?;
                // The first frame shows the list; then the first story is read and analysed.
                if let Some(effects) = self.first_effects.take() {
                    self.session.perform_all(effects);
                    continue;
                }
            }
            for job in self.session.take_jobs() {
                self.jobs.start(job);
            }
            self.dispatch_background();
            self.tick();
            let timeout = Duration::from_millis(if self.busy() { 50 } else { 250 });
            match events.recv_timeout(timeout) {
                Ok(Ok(event)) => self.handle_event(event),
                Ok(Err(e)) => return Err(e.into()),
                Err(RecvTimeoutError::Timeout) => {}
                // The terminal is gone: leave as if asked to.
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        Ok(())
    }

    fn draw(&mut self, guard: &mut TerminalGuard) -> Result<()> {
        let (state, config) = (&self.session.state, self.config);
        let ctx = Ctx { state, theme: &self.theme, keymap: &config.keymap, config_labels: &config.labels };
        guard.terminal.draw(|frame| ui::draw(frame, &ctx))?;
        self.dirty = self.first_effects.is_some();
        if self.panic_after_draw && state.open.is_some() {
            panic!("BYLINE_TEST_PANIC: a panic while the reader runs");
        }
        Ok(())
    }

    /// Dispatches what the background jobs reported. While indexing, the list is refreshed
    /// from the store now and then, so stories show as they arrive.
    fn dispatch_background(&mut self) {
        while let Ok(action) = self.background.try_recv() {
            self.dirty = true;
            match &action {
                Action::IndexProgress { .. } if self.last_reload.elapsed() > RELOAD_EVERY => {
                    self.session.reload();
                    self.last_reload = Instant::now();
                }
                Action::IndexDone { .. } => self.session.reload(),
                _ => {}
            }
            self.session.dispatch(action);
        }
    }

    /// Tells the state the time once a minute, so "today" and "yesterday" stay true.
    fn tick(&mut self) {
        let now = now();
        let minute = now.timestamp().div_euclid(60);
        if minute != self.minute {
            self.minute = minute;
            self.session.dispatch(Action::Now(now));
            self.dirty = true;
        }
    }

    fn busy(&self) -> bool {
        self.jobs.busy() || self.session.state.fetching.is_some()
    }

    fn handle_event(&mut self, event: Event) {
        let action = match event {
            Event::Key(key) => {
                input::chord_of(&key).and_then(|c| input::action_for(c, self.config, &self.session.state))
            }
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            _ => None,
        };
        if let Some(action) = action {
            self.session.dispatch(action);
            self.dirty = true;
        }
    }

    /// Leaving: the scroll position of the open story is saved by Quit/Back; a termination
    /// signal saves it here.
    fn leave(&mut self) {
        if !self.session.state.quit {
            self.session.dispatch(Action::Command(crate::command::Command::Quit));
        }
    }
}

/// Reads terminal events on a thread of its own, so the loop can notice a termination signal
/// even when reading blocks or spins (crossterm loops on end-of-file once the terminal is gone).
fn spawn_event_reader() -> Receiver<std::io::Result<Event>> {
    let (tx, rx) = mpsc::sync_channel(64);
    std::thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if tx.send(event).is_err() || failed {
                break;
            }
        }
    });
    rx
}

/// The present moment, read here at the edge so that `update()` and drawing stay pure.
fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::Utc::now().fixed_offset()
}
