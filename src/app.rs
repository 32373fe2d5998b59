//! The reader's loop and nothing else: read a terminal event, turn it into an action, let the
//! session run `update()` and perform the effects, start the background jobs asked for,
//! dispatch what those jobs report, and draw when something changed. Every use-case it runs
//! lives in `service`.

use std::path::Path;
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use crossterm::event::{self, Event};

use crate::config::Config;
use crate::input;
use crate::model::{Action, Effect};
use crate::service::Source;
use crate::service::analysis;
use crate::service::effects::web_address;
use crate::service::jobs::Jobs;
use crate::service::outside;
use crate::service::session::{FIRST_PAGE, Session};
use crate::store::Store;
use crate::text::dates::{Dates, Zone};
use crate::tui::{self, TerminalGuard};
use crate::ui::{self, Ctx, Theme};

/// While indexing, the list is refreshed from the store at most this often.
const RELOAD_EVERY: Duration = Duration::from_secs(1);
/// A read of the whole list not in after this long is taken as failed.
const LIST_READ_GIVEN_UP: Duration = Duration::from_secs(60);

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

    let mut guard = TerminalGuard::new(config.mouse).context("setting up the terminal")?;
    let events = spawn_event_reader();
    let size = guard.terminal.size()?;
    let mut settings = crate::service::session::settings(config);
    settings.dates = Dates { format: config.date_format.clone(), zone: Zone::Local, now: Some(now()) };
    // Load the extractor's models and word lists while the database is read and the list drawn.
    std::thread::spawn(analysis::warm_up);
    let (mut session, first_effects) =
        Session::start(store, source.scopes(), size.width, size.height, settings)?;
    session.state.saved_queries = config.queries.clone();
    let listing = (session.state.list.stories.len() >= FIRST_PAGE).then(Instant::now);
    if listing.is_some() {
        jobs.full_list();
    }
    let mut reader = Reader {
        session,
        config,
        theme: Theme::new(config.theme.clone(), config.no_color),
        painter: ui::Painter::default(),
        jobs,
        background,
        first_effects: Some(first_effects),
        dirty: true,
        panic_after_draw: std::env::var_os("BYLINE_TEST_PANIC").is_some(),
        last_reload: Instant::now(),
        listing,
        list_again: false,
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
    painter: ui::Painter,
    jobs: Jobs,
    background: Receiver<Action>,
    /// The first story's effects, performed once the list has been drawn.
    first_effects: Option<Vec<Effect>>,
    dirty: bool,
    /// Test-only: the terminal-safety tests make the reader panic once it has drawn a story.
    panic_after_draw: bool,
    last_reload: Instant,
    /// Since when the whole list is being read on a thread (`Jobs::full_list`): a million
    /// stories take seconds, which the loop must not wait for.
    listing: Option<Instant>,
    /// The list changed while it was being read: read it again once that read is in.
    list_again: bool,
    /// The minute last told to the state (`Action::Now`).
    minute: i64,
}

impl Reader<'_> {
    fn run(&mut self, guard: &mut TerminalGuard, events: &Events, stop: &AtomicBool) -> Result<()> {
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
            for effect in self.session.take_outside() {
                self.outside(guard, events, effect);
            }
            self.dispatch_background();
            self.tick();
            let timeout = Duration::from_millis(if self.busy() { 50 } else { 250 });
            match events.rx.recv_timeout(timeout) {
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
        self.painter.draw(&mut guard.terminal, &ctx)?;
        self.dirty = self.first_effects.is_some();
        if self.panic_after_draw && state.open.is_some() {
            panic!("BYLINE_TEST_PANIC: a panic while the reader runs");
        }
        Ok(())
    }

    /// Dispatches what the background jobs reported. While indexing, the list is refreshed
    /// from the store now and then, so stories show as they arrive: read on a thread, one read
    /// at a time, and only when the library's story count moved (an unchanged library of a
    /// million stories re-checked at start is not read again and again).
    fn dispatch_background(&mut self) {
        while let Ok(action) = self.background.try_recv() {
            self.dirty = true;
            match &action {
                Action::IndexProgress { .. } if self.last_reload.elapsed() > RELOAD_EVERY => {
                    self.last_reload = Instant::now();
                    let count = self.session.store.story_count().ok();
                    if count.is_some_and(|n| n != self.session.state.list.stories.len()) {
                        self.reload_list();
                    }
                }
                // Every file is written: the whole library is listed and searchable.
                // Reading 100,000 stories again takes a moment: only when something changed.
                Action::AnalysisProgress { done: 0, .. } | Action::IndexDone { changed: true, .. } => {
                    self.reload_list()
                }
                Action::StoriesLoaded(_) => {
                    self.listing = None;
                    if std::mem::take(&mut self.list_again) {
                        self.reload_list();
                    }
                }
                _ => {}
            }
            self.session.dispatch(action);
        }
    }

    /// Reads the whole list again on a thread (`Action::StoriesLoaded`), or once the read
    /// under way is in (one that failed says nothing: after a minute, it is given up).
    fn reload_list(&mut self) {
        if self.listing.is_some_and(|since| since.elapsed() < LIST_READ_GIVEN_UP) {
            self.list_again = true;
        } else {
            self.listing = Some(Instant::now());
            self.jobs.full_list();
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
            Event::Mouse(mouse) => input::mouse_action(&mouse, &self.session.state),
            _ => None,
        };
        if let Some(action) = action {
            self.session.dispatch(action);
            self.dirty = true;
        }
    }

    /// Performs what needs the terminal: a browser (the reader steps aside for one that runs in
    /// the terminal), the clipboard (an OSC 52 escape). A failure is said in the status line.
    fn outside(&mut self, guard: &mut TerminalGuard, events: &Events, effect: Effect) {
        let failed = match effect {
            Effect::OpenUrl(url) => self.open_url(guard, events, &url).err(),
            Effect::Copy(text) => {
                guard.write_escape(&outside::osc52(&text)).err().map(|e| format!("copying: {e}"))
            }
            _ => None,
        };
        if let Some(message) = failed {
            self.session.dispatch(Action::Failed(message));
        }
        self.dirty = true;
    }

    /// Opens an http(s) address with the configured browser, `$BROWSER` or `xdg-open`, the
    /// address one argument (never through a shell). A graphical browser runs detached with no
    /// terminal; a terminal browser gets the terminal until it exits.
    fn open_url(&mut self, guard: &mut TerminalGuard, events: &Events, url: &str) -> Result<(), String> {
        let address = web_address(url).map_err(str::to_string)?;
        let env = std::env::var("BROWSER").ok();
        let config = self.config;
        let browser = outside::browser_command(
            config.browser.as_deref(),
            env.as_deref(),
            config.browser_is_terminal,
            &address,
        )?;
        let program = browser.argv[0].clone();
        let mut command = std::process::Command::new(&program);
        command.args(&browser.argv[1..]);
        if !browser.terminal {
            let mut child = command
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .map_err(|e| format!("opening the URL with {program}: {e}"))?;
            // Reaped when it exits, so it leaves no zombie behind.
            std::thread::spawn(move || child.wait());
            return Ok(());
        }
        events.pause();
        let status = guard.suspend(|| command.status());
        events.resume();
        // The terminal may have changed size meanwhile.
        if let Ok(size) = guard.terminal.size() {
            self.session.dispatch(Action::Resize(size.width, size.height));
        }
        match status {
            Err(e) => Err(format!("taking the terminal back from {program}: {e}")),
            Ok(Err(e)) => Err(format!("opening the URL with {program}: {e}")),
            Ok(Ok(status)) if !status.success() => Err(format!("{program} ended with {status}")),
            Ok(Ok(_)) => Ok(()),
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

/// The terminal's events, read on a thread of their own so the loop can notice a termination
/// signal even when reading blocks or spins (crossterm loops on end-of-file once the terminal
/// is gone). Reading stops while a terminal browser has the terminal, so that its keys are its.
struct Events {
    rx: Receiver<std::io::Result<Event>>,
    /// Asked by the loop: stop reading.
    paused: Arc<AtomicBool>,
    /// Said by the reader: not reading.
    parked: Arc<AtomicBool>,
}

impl Events {
    /// Stops reading and waits (a moment at most) until the reader is not reading.
    fn pause(&self) {
        self.parked.store(false, Ordering::SeqCst);
        self.paused.store(true, Ordering::SeqCst);
        let start = Instant::now();
        while !self.parked.load(Ordering::SeqCst) && start.elapsed() < Duration::from_secs(1) {
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    fn resume(&self) {
        self.paused.store(false, Ordering::SeqCst);
    }
}

fn spawn_event_reader() -> Events {
    let (tx, rx) = mpsc::sync_channel(64);
    let paused = Arc::new(AtomicBool::new(false));
    let parked = Arc::new(AtomicBool::new(false));
    let (pause, park) = (Arc::clone(&paused), Arc::clone(&parked));
    std::thread::spawn(move || {
        loop {
            if pause.load(Ordering::SeqCst) {
                park.store(true, Ordering::SeqCst);
                std::thread::sleep(Duration::from_millis(10));
                continue;
            }
            // Polled, not read, so that a pause is noticed within this time.
            let event = match event::poll(Duration::from_millis(100)) {
                Ok(false) => continue,
                Ok(true) => event::read(),
                Err(e) => Err(e),
            };
            let failed = event.is_err();
            if tx.send(event).is_err() || failed {
                break;
            }
        }
    });
    Events { rx, paused, parked }
}

/// The present moment, read here at the edge so that `update()` and drawing stay pure.
fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::Utc::now().fixed_offset()
}
