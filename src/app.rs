//! The event loop and the effects it performs: reads terminal events, turns them into actions,
//! runs `update()`, performs the effects against the store, draws when something changed.
//! Indexing and fetching feeds run on threads of their own, each with its own database
//! connection, and report back through a channel as actions.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use crossterm::event::{self, Event};

use crate::analysis::{self, EXTRACTOR_VERSION};
use crate::annotate::Annotation;
use crate::annotate::anchor::reanchor_all;
use crate::config::{Config, KeyChord};
use crate::feeds;
use crate::input;
use crate::library::index::{self, Analyser, IndexReport, Scope};
use crate::library::store::{CachedFacts, Store};
use crate::library::{Article, Limits};
use crate::model::{Action, AppState, Effect, LoadedStory, Settings, update};
use crate::tui::{self, TerminalGuard};
use crate::ui::{self, Ctx, Theme};

/// What the reader shows: files and folders, or the samples bundled in the binary; either
/// with the folder where fetched feed items are stored.
#[derive(Debug, Clone)]
pub enum Source {
    Paths(Vec<PathBuf>),
    Bundled,
    WithFeeds(Box<Source>, PathBuf),
}

impl Source {
    pub fn scopes(&self) -> Vec<Scope> {
        match self {
            Source::Paths(paths) => index::scopes(paths),
            Source::Bundled => vec![Scope::Under(index::BUNDLED_PREFIX.to_string())],
            Source::WithFeeds(library, feeds) => {
                let mut scopes = library.scopes();
                scopes.extend(index::scopes(std::slice::from_ref(feeds)));
                scopes
            }
        }
    }

    /// This source with the feeds folder added, unless it has it.
    pub fn with_feeds(self, feeds: PathBuf) -> Source {
        match self {
            Source::WithFeeds(..) => self,
            library => Source::WithFeeds(Box::new(library), feeds),
        }
    }
}

/// Indexing keeps only the entity index; the facts are cached when a story is first opened.
fn run_extractor(article: &Article) -> CachedFacts {
    CachedFacts { json: String::new(), entities: analysis::entity_rows(&analysis::facts_for(article, None)) }
}

pub const ANALYSER: Analyser<'static> = Analyser { version: EXTRACTOR_VERSION, run: &run_extractor };

/// Indexes a source into the store, reporting progress.
pub fn index_source(
    store: &mut Store,
    source: &Source,
    limits: &Limits,
    progress: &mut dyn FnMut(usize, usize),
) -> crate::library::store::Result<IndexReport> {
    match source {
        Source::Paths(paths) => index::index_paths(store, paths, limits, ANALYSER, progress),
        Source::Bundled => index::index_bundled(store, crate::samples::FILES, ANALYSER),
        Source::WithFeeds(library, feeds) => {
            let mut report = index_source(store, library, limits, progress)?;
            let more = index::index_paths(store, std::slice::from_ref(feeds), limits, ANALYSER, progress)?;
            report.files += more.files;
            report.parsed += more.parsed;
            report.unchanged += more.unchanged;
            report.removed += more.removed;
            report.articles += more.articles;
            report.skipped.extend(more.skipped);
            Ok(report)
        }
    }
}

/// Reads a story for the reader: the article, its facts (cached, or extracted now; the user's
/// own names applied), and its annotations re-anchored if the text changed since.
pub fn load_story(store: &mut Store, id: &str) -> crate::library::store::Result<Option<LoadedStory>> {
    let Some(stored) = store.article(id)? else { return Ok(None) };
    let cached = store.facts(&stored.content_hash, EXTRACTOR_VERSION).ok().flatten();
    let cached = match cached.as_deref().and_then(analysis::from_cache) {
        Some(f) => Some(f),
        None => {
            let f = analysis::facts_for(&stored.article, None);
            // A failed cache write only costs a recomputation next time.
            let _ = store.put_facts(id, &stored.content_hash, EXTRACTOR_VERSION, &analysis::cached(&f));
            Some(f)
        }
    };
    let names = store.user_gazetteer().unwrap_or_default();
    let facts = analysis::facts_with_user_names(&stored.article, cached, &names);
    let mut set = store.annotations(id)?;
    let body = &stored.article.body;
    let (in_place, moved): (Vec<Annotation>, Vec<Annotation>) =
        set.annotations.drain(..).partition(|a| body.get(a.start..a.end) == Some(a.quote.exact.as_str()));
    let (placed, orphans) = reanchor_all(body, moved);
    if !placed.is_empty() {
        store.reanchor(&stored.content_hash, &placed)?;
    }
    set.annotations = in_place.into_iter().chain(placed).collect();
    set.annotations.sort_by_key(|a| (a.start, a.end, a.id));
    Ok(Some(LoadedStory {
        content_hash: stored.content_hash,
        facts,
        annotations: set,
        orphans,
        scroll: stored.scroll,
        article: stored.article,
    }))
}

/// Performs one effect against the store; the answer, if any, is the next action.
pub fn perform(store: &mut Store, effect: Effect) -> Option<Action> {
    let failed = |what: &str, e: &dyn std::fmt::Display| Some(Action::Failed(format!("{what}: {e}")));
    match effect {
        Effect::LoadStory { id } => match load_story(store, &id) {
            Ok(Some(story)) => Some(Action::StoryLoaded { story: Box::new(story) }),
            Ok(None) => {
                Some(Action::StoryFailed { id, message: "this story is no longer in the library".into() })
            }
            Err(e) => Some(Action::StoryFailed { id, message: format!("could not read the story: {e}") }),
        },
        Effect::Edit { article_id, content_hash, edit } => {
            match store.edit(&article_id, &content_hash, *edit) {
                Ok(set) => Some(Action::AnnotationsChanged { article_id, set }),
                Err(e) => failed("saving the annotation", &e),
            }
        }
        Effect::SuggestEntities { typed } => match store.entity_names(&typed, 8) {
            Ok(names) => Some(Action::LinkSuggestions(names)),
            Err(e) => failed("entity index", &e),
        },
        Effect::OpenUrl(url) => open_url(&url).err().map(|e| Action::Failed(format!("opening the URL: {e}"))),
        Effect::Undo { article_id, content_hash } => undo_redo(store, article_id, &content_hash, true),
        Effect::Redo { article_id, content_hash } => undo_redo(store, article_id, &content_hash, false),
        Effect::SetRead { id, read } => {
            store.set_read(&id, read).err().and_then(|e| failed("saving read state", &e))
        }
        Effect::SetStarred { id, starred } => {
            store.set_starred(&id, starred).err().and_then(|e| failed("saving star", &e))
        }
        Effect::SaveScroll { id, line } => {
            store.set_scroll(&id, line).err().and_then(|e| failed("saving position", &e))
        }
        Effect::Search { query } => match store.search(&query, 500) {
            Ok(hits) => Some(Action::SearchResults { query, hits }),
            Err(e) => failed("search", &e),
        },
        Effect::EntityStories { name } => match store.entity_stories(&name) {
            Ok(hits) => Some(Action::EntityResults { name, hits }),
            Err(e) => failed("entity index", &e),
        },
        // Background work: `Session` queues it for the loop (see `take_jobs`).
        Effect::Fetch => None,
    }
}

/// Opens an http(s) URL with `$BROWSER` or `xdg-open`, the URL passed as one argument (never
/// through a shell), without waiting.
pub fn open_url(url: &str) -> std::io::Result<()> {
    let safe =
        (url.starts_with("http://") || url.starts_with("https://")) && !url.chars().any(char::is_control);
    if !safe {
        return Err(std::io::Error::other("only http and https addresses are opened"));
    }
    let browser =
        std::env::var("BROWSER").ok().filter(|b| !b.trim().is_empty()).unwrap_or_else(|| "xdg-open".into());
    std::process::Command::new(browser.trim())
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|_| ())
}

fn undo_redo(store: &mut Store, article_id: String, content_hash: &str, undo: bool) -> Option<Action> {
    let stepped =
        if undo { store.undo(&article_id, content_hash) } else { store.redo(&article_id, content_hash) };
    match stepped.and_then(|_| store.annotations(&article_id)) {
        Ok(set) => Some(Action::AnnotationsChanged { article_id, set }),
        Err(e) => Some(Action::Failed(format!("{}: {e}", if undo { "undo" } else { "redo" }))),
    }
}

/// The state and the store together, with effects performed synchronously: what the loop
/// does, and what tests drive.
pub struct Session {
    pub state: AppState,
    pub store: Store,
    pub scopes: Vec<Scope>,
    /// Effects that run on a thread of their own, for the loop to start.
    jobs: Vec<Effect>,
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
        let stories = store.stories_page(&scopes, Some(FIRST_PAGE))?;
        let (state, effects) = AppState::new(stories, width, height, settings);
        Ok((Session { state, store, scopes, jobs: Vec::new() }, effects))
    }

    pub fn perform_all(&mut self, effects: Vec<Effect>) {
        let mut queue: VecDeque<Effect> = effects.into();
        while let Some(effect) = queue.pop_front() {
            if effect == Effect::Fetch {
                self.jobs.push(effect);
                continue;
            }
            if let Some(action) = perform(&mut self.store, effect) {
                queue.extend(update(&mut self.state, action));
            }
        }
    }

    pub fn dispatch(&mut self, action: Action) {
        let effects = update(&mut self.state, action);
        self.perform_all(effects);
    }

    /// Feeds chords the way the loop does.
    pub fn press(&mut self, config: &Config, chords: &[KeyChord]) {
        for &chord in chords {
            if let Some(action) = input::action_for(chord, config, &self.state) {
                self.dispatch(action);
            }
        }
    }

    /// The background jobs asked for since the last call.
    pub fn take_jobs(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.jobs)
    }

    /// Reloads the stories in scope from the store (after indexing).
    pub fn reload(&mut self) {
        match self.store.stories_in(&self.scopes) {
            Ok(stories) => self.dispatch(Action::StoriesLoaded(stories)),
            Err(e) => self.dispatch(Action::Failed(format!("reading the library: {e}"))),
        }
    }
}

/// Reads terminal events on a thread of its own, so the loop can notice a termination signal
/// even when reading blocks or spins (crossterm loops on end-of-file once the terminal is gone).
fn spawn_event_reader() -> mpsc::Receiver<std::io::Result<Event>> {
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

/// Stories read before the first frame; a larger library's list is completed on a thread.
pub const FIRST_PAGE: usize = 300;

/// What the background threads report to the loop.
enum Msg {
    /// The whole list, read after the first frame.
    Stories(Vec<crate::library::store::StoryMeta>),
    IndexProgress(usize, usize),
    IndexDone(Result<IndexReport, String>),
    FetchProgress(usize, usize, String),
    FetchDone {
        summary: String,
        failures: Vec<String>,
    },
}

/// Indexes `source` on its own connection, reporting progress, then says it is done.
fn index_in_background(tx: &mpsc::Sender<Msg>, db_path: &Path, source: &Source, limits: &Limits) {
    let result = Store::open(db_path).map_err(|e| e.to_string()).and_then(|mut store| {
        let mut progress = |done, total| {
            let _ = tx.send(Msg::IndexProgress(done, total));
        };
        index_source(&mut store, source, limits, &mut progress).map_err(|e| e.to_string())
    });
    let _ = tx.send(Msg::IndexDone(result));
}

/// Fetches every feed, then re-indexes the library with the feeds folder, on a thread of
/// its own. The fetch summary comes last, so it is the message left on screen.
fn spawn_fetch(tx: mpsc::Sender<Msg>, config: &Config, db_path: &Path, source: &Source, feeds_dir: &Path) {
    let (config, db_path, feeds_dir) = (config.clone(), db_path.to_path_buf(), feeds_dir.to_path_buf());
    let shows_feeds = matches!(source, Source::WithFeeds(..));
    let source = source.clone().with_feeds(feeds_dir.clone());
    std::thread::spawn(move || {
        let fetched = Store::open(&db_path).map_err(|e| e.to_string()).and_then(|store| {
            let feeds = feeds::subscriptions::all(&config, &store).map_err(|e| e.to_string())?;
            let mut progress = |done, total, label: &str| {
                let _ = tx.send(Msg::FetchProgress(done, total, label.to_string()));
            };
            Ok(feeds::fetch_all(&store, &feeds, &feeds_dir, &config.fetch, &mut progress))
        });
        let (summary, failures) = match fetched {
            Ok(report) => {
                let limits = crate::cli::limits(&config);
                index_in_background(&tx, &db_path, &source, &limits);
                let mut summary = report.summary();
                if !shows_feeds && report.new_stories() > 0 {
                    summary.push_str(" (open byline without paths to read them)");
                }
                (summary, report.failures().filter_map(feeds::FeedOutcome::failure).collect())
            }
            Err(e) => (format!("fetching failed: {e}"), Vec::new()),
        };
        let _ = tx.send(Msg::FetchDone { summary, failures });
    });
}

/// Runs the reader until the user quits or the process is asked to terminate. Fetched feed
/// items are stored under `feeds_dir`.
pub fn run(config: &Config, db_path: &Path, source: Source, feeds_dir: &Path) -> Result<()> {
    let store = Store::open(db_path)
        .with_context(|| format!("opening the library database {}", db_path.display()))?;
    let stop = tui::termination_flag().context("installing signal handlers")?;
    let limits = crate::cli::limits(config);

    // Index on a thread of its own; the list shows what the store has meanwhile.
    let (tx, rx) = mpsc::channel();
    let tx_list = tx.clone();
    let indexer = {
        let (tx, db_path, source) = (tx.clone(), db_path.to_path_buf(), source.clone());
        std::thread::spawn(move || index_in_background(&tx, &db_path, &source, &limits))
    };

    let mut guard = TerminalGuard::new().context("setting up the terminal")?;
    let events = spawn_event_reader();
    let size = guard.terminal.size()?;
    let settings = Settings { mark_read_on_open: config.mark_read_on_open };
    // Load the extractor's models and word lists while the database is read and the list drawn.
    std::thread::spawn(analysis::warm_up);
    let (mut session, first_effects) =
        Session::start(store, source.scopes(), size.width, size.height, settings)?;
    let mut first_effects = Some(first_effects);
    if session.state.list.stories.len() >= FIRST_PAGE {
        let (tx, db_path, scopes) = (tx_list, db_path.to_path_buf(), source.scopes());
        std::thread::spawn(move || {
            if let Ok(stories) = Store::open(&db_path).and_then(|s| s.stories_in(&scopes)) {
                let _ = tx.send(Msg::Stories(stories));
            }
        });
    }
    let theme = Theme::new(config.theme.clone(), config.no_color);
    let mut dirty = true;
    let mut indexing = true;
    let mut last_reload = Instant::now();
    // Test-only: the terminal-safety tests make the reader panic once it has drawn.
    let panic_after_draw = std::env::var_os("BYLINE_TEST_PANIC").is_some();
    while !session.state.quit && !stop.load(Ordering::Relaxed) {
        if dirty {
            let state = &session.state;
            guard.terminal.draw(|frame| {
                ui::draw(
                    frame,
                    &Ctx { state, theme: &theme, keymap: &config.keymap, config_labels: &config.labels },
                )
            })?;
            dirty = false;
            // The first frame shows the list; then the first story is read and analysed.
            if let Some(effects) = first_effects.take() {
                session.perform_all(effects);
                dirty = true;
                continue;
            }
            if panic_after_draw && state.open.is_some() {
                panic!("BYLINE_TEST_PANIC: a panic while the reader runs");
            }
        }
        for job in session.take_jobs() {
            if job == Effect::Fetch {
                spawn_fetch(tx.clone(), config, db_path, &source, feeds_dir);
            }
        }
        while let Ok(msg) = rx.try_recv() {
            dirty = true;
            match msg {
                Msg::Stories(stories) => session.dispatch(Action::StoriesLoaded(stories)),
                Msg::IndexProgress(done, total) => {
                    indexing = true;
                    session.dispatch(Action::IndexProgress { done, total });
                    // Show stories as they arrive, without reloading on every batch.
                    if last_reload.elapsed() > Duration::from_secs(1) {
                        session.reload();
                        last_reload = Instant::now();
                    }
                }
                Msg::IndexDone(Ok(report)) => {
                    indexing = false;
                    session.reload();
                    let summary = report.summary();
                    session.dispatch(Action::IndexDone { skipped: report.skipped, summary });
                }
                Msg::IndexDone(Err(e)) => {
                    indexing = false;
                    session.dispatch(Action::IndexDone {
                        skipped: Vec::new(),
                        summary: format!("indexing failed: {e}"),
                    });
                }
                Msg::FetchProgress(done, total, feed) => {
                    session.dispatch(Action::FetchProgress { done, total, feed })
                }
                Msg::FetchDone { summary, failures } => {
                    session.dispatch(Action::FetchDone { summary, failures })
                }
            }
        }
        let busy = indexing || session.state.fetching.is_some();
        let timeout = Duration::from_millis(if busy { 50 } else { 250 });
        let event = match events.recv_timeout(timeout) {
            Ok(Ok(event)) => event,
            Ok(Err(e)) => return Err(e.into()),
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            // The terminal is gone: leave as if asked to.
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        };
        let action = match event {
            Event::Key(key) => {
                input::chord_of(&key).and_then(|c| input::action_for(c, config, &session.state))
            }
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            _ => None,
        };
        if let Some(action) = action {
            session.dispatch(action);
            dirty = true;
        }
    }
    // Leaving: the scroll position of the open story is saved by Quit/Back; a termination
    // signal saves it here.
    if !session.state.quit {
        session.dispatch(Action::Command(crate::config::Command::Quit));
    }
    drop(guard);
    // The indexer's and the fetcher's writes are transactional (item files are renamed into
    // place); they may be abandoned mid-run.
    drop(indexer);
    Ok(())
}
