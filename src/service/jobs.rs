//! The work that runs on threads of its own while the reader stays responsive: indexing the
//! library, reading a long story list, fetching feeds. Each job opens its own database
//! connection and reports back as `Action`s on one channel, which the loop dispatches.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::config::Config;
use crate::feeds;
use crate::model::{Action, Effect};
use crate::service::index::{Stage, index_source_in_stages};
use crate::service::source::{Source, limits};
use crate::store::Store;

/// Starts background jobs for one reader: its config, database, source and feeds folder.
pub struct Jobs {
    tx: Sender<Action>,
    running: Arc<AtomicUsize>,
    config: Config,
    db_path: PathBuf,
    source: Source,
    feeds_dir: PathBuf,
}

/// Counts a job as running until it is dropped (also when the job's thread panics).
struct Running(Arc<AtomicUsize>);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

impl Jobs {
    /// The jobs, and the channel their actions arrive on.
    pub fn new(
        config: &Config,
        db_path: &Path,
        source: &Source,
        feeds_dir: &Path,
    ) -> (Jobs, Receiver<Action>) {
        let (tx, rx) = channel();
        let jobs = Jobs {
            tx,
            running: Arc::new(AtomicUsize::new(0)),
            config: config.clone(),
            db_path: db_path.to_path_buf(),
            source: source.clone(),
            feeds_dir: feeds_dir.to_path_buf(),
        };
        (jobs, rx)
    }

    /// Whether a job is still running (the loop then polls more often).
    pub fn busy(&self) -> bool {
        self.running.load(Ordering::Relaxed) > 0
    }

    /// Starts the job an effect asks for.
    pub fn start(&self, effect: Effect) {
        match effect {
            Effect::Fetch => self.fetch(),
            Effect::FetchStory { id, url } => self.fetch_story(id, url),
            _ => {}
        }
    }

    fn spawn(&self, job: impl FnOnce(&Sender<Action>) + Send + 'static) {
        self.running.fetch_add(1, Ordering::Relaxed);
        let (tx, running) = (self.tx.clone(), Running(self.running.clone()));
        std::thread::spawn(move || {
            let _running = running;
            job(&tx);
        });
    }

    /// Indexes the source: `IndexProgress`…, then `IndexDone`.
    pub fn index(&self) {
        let (db_path, source, limits) = (self.db_path.clone(), self.source.clone(), limits(&self.config));
        self.spawn(move |tx| index(tx, &db_path, &source, &limits));
    }

    /// Reads every story in scope (the first page is read before the first frame):
    /// `StoriesLoaded`.
    pub fn full_list(&self) {
        let (db_path, scopes) = (self.db_path.clone(), self.source.scopes());
        self.spawn(move |tx| {
            if let Ok(stories) = Store::open_or_read_only(&db_path).and_then(|(s, _)| s.story_list(&scopes)) {
                let _ = tx.send(Action::StoriesLoaded(Box::new(stories)));
            }
        });
    }

    /// Fetches every feed (`FetchProgress`…), re-indexes the library with the feeds folder
    /// (`IndexProgress`…, `IndexDone`), then says what was fetched (`FetchDone`, last, so it is
    /// the message left on screen).
    pub fn fetch(&self) {
        let (config, db_path, feeds_dir) =
            (self.config.clone(), self.db_path.clone(), self.feeds_dir.clone());
        let shows_feeds = self.source.shows_feeds();
        let source = self.source.clone().with_feeds(feeds_dir.clone());
        self.spawn(move |tx| {
            let fetched = Store::open(&db_path).map_err(|e| e.to_string()).and_then(|store| {
                let feeds = feeds::subscriptions::all(&config, &store).map_err(|e| e.to_string())?;
                let mut progress = |done, total, label: &str| {
                    let _ = tx.send(Action::FetchProgress { done, total, feed: label.to_string() });
                };
                Ok(feeds::fetch_all(&store, &feeds, &feeds_dir, &config.fetch, &mut progress))
            });
            let (summary, failures) = match fetched {
                Ok(report) => {
                    index(tx, &db_path, &source, &limits(&config));
                    let mut summary = report.summary();
                    if !shows_feeds && report.new_stories() > 0 {
                        summary.push_str(" (open byline without paths to read them)");
                    }
                    (summary, report.failures().filter_map(feeds::FeedOutcome::failure).collect())
                }
                Err(e) => (format!("fetching failed: {e}"), Vec::new()),
            };
            let _ = tx.send(Action::FetchDone { summary, failures });
        });
    }
}

impl Jobs {
    /// Fetches one story's page and keeps its text (`feeds::full_text`), re-indexes the library
    /// with the feeds folder when it did, then says how it went (`StoryFetched`).
    pub fn fetch_story(&self, id: String, url: String) {
        let (config, db_path, feeds_dir) =
            (self.config.clone(), self.db_path.clone(), self.feeds_dir.clone());
        let source = self.source.clone().with_feeds(feeds_dir.clone());
        self.spawn(move |tx| {
            let result = Store::open(&db_path).map_err(|e| e.to_string()).and_then(|store| {
                feeds::full_text::fetch_story(&store, &feeds_dir, &config.fetch, &id, &url)
            });
            if result.is_ok() {
                index(tx, &db_path, &source, &limits(&config));
            }
            let _ = tx.send(Action::StoryFetched { id, result });
        });
    }
}

/// Indexes `source` on a connection of its own, reporting progress, then says it is done.
fn index(tx: &Sender<Action>, db_path: &Path, source: &Source, limits: &crate::library::Limits) {
    let mut progress = |stage| {
        let action = match stage {
            Stage::Files { done, total } => Action::IndexProgress { done, total },
            Stage::Analysis { done, total } => Action::AnalysisProgress { done, total },
            Stage::Searchable => return,
        };
        let _ = tx.send(action);
    };
    let result = match Store::open_or_read_only(db_path) {
        Ok((mut store, None)) => {
            index_source_in_stages(&mut store, source, limits, &mut progress).and_then(|mut report| {
                // Annotations whose story is gone are listed with what could not be loaded (`!`).
                let orphans = store.orphaned_annotations()?.len();
                if orphans > 0 {
                    report.skipped.push(crate::library::Skipped {
                        path: "(your annotations)".into(),
                        reason: format!(
                            "{orphans} annotations belong to stories no longer in the library: kept; \
                         `byline export --orphans` writes them"
                        ),
                        line: None,
                    });
                }
                Ok(report)
            })
        }
        Ok((_, Some(why))) => {
            let summary =
                format!("not indexed: the library database cannot be written ({why}); reading it as it is");
            let _ = tx.send(Action::IndexDone { skipped: Vec::new(), summary, changed: false });
            return;
        }
        Err(e) => Err(e),
    };
    let done = match result {
        Ok(report) => Action::IndexDone {
            summary: report.summary(),
            changed: report.changed(),
            skipped: report.skipped,
        },
        // What was written before the failure is listed.
        Err(e) => {
            Action::IndexDone { skipped: Vec::new(), summary: format!("indexing failed: {e}"), changed: true }
        }
    };
    let _ = tx.send(done);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::{Annotation, Edit, Status};

    #[test]
    fn indexing_lists_annotations_whose_story_is_gone_with_what_was_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("byline.db");
        let mut store = Store::open(&db).unwrap();
        let text = "Le colonel Assimi Goita.";
        let a = Annotation::new(text, 11, 23, "PER", Status::Accepted, "user");
        store.edit("a-story-whose-file-was-deleted", "hash", Edit::Add(a)).unwrap();
        drop(store);
        let (tx, rx) = channel();
        index(&tx, &db, &Source::Bundled, &crate::library::Limits::default());
        let done = rx.try_iter().find(|a| matches!(a, Action::IndexDone { .. }));
        let Some(Action::IndexDone { skipped, .. }) = done else { panic!("no IndexDone") };
        let listed: Vec<&str> = skipped.iter().map(|s| s.reason.as_str()).collect();
        assert!(
            listed.iter().any(|r| r.starts_with("1 annotations belong to stories no longer")),
            "{listed:?}"
        );
    }
}
