//! Incremental indexing of article files into the store. A file is re-read only when its size
//! or modification time changed, and re-parsed only when its bytes did; files that are gone
//! drop out. Files are read by reader threads, parsed by worker threads (one per core), and
//! written in batches by one thread: the library is searchable then. The entities of the new
//! stories are extracted after that, a batch at a time on every core (`analyse_pending`);
//! what an interrupted run leaves is done by the next one.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError, mpsc};
use std::time::UNIX_EPOCH;

use crate::library::scope::{BUNDLED_PREFIX, in_scope, path_key, scopes};
use crate::library::{self, Article, Limits, Skipped};
use crate::service::analysis;
use crate::service::source::Source;
use crate::store::{CachedFacts, FileOp, FileStamp, PackedText, Result, Store};

/// What an indexing run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexReport {
    pub files: usize,
    pub parsed: usize,
    pub unchanged: usize,
    pub removed: usize,
    pub articles: usize,
    /// Annotations moved to the story that now has their text (a file renamed or moved).
    pub rehomed: usize,
    pub skipped: Vec<Skipped>,
    /// Stories whose entities were extracted.
    pub analysed: usize,
}

/// How far an indexing run has come, for a progress display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Files read and written: `done` of `total`.
    Files { done: usize, total: usize },
    /// Every file is written: the library is searchable.
    Searchable,
    /// Stories whose entities are extracted: `done` of `total`.
    Analysis { done: usize, total: usize },
}

impl IndexReport {
    /// Whether the stories listed may differ from before the run.
    pub fn changed(&self) -> bool {
        self.parsed > 0 || self.removed > 0 || self.rehomed > 0 || self.articles > 0
    }

    pub fn summary(&self) -> String {
        let mut s = format!(
            "{} files: {} read, {} unchanged, {} removed; {} new or changed articles",
            self.files, self.parsed, self.unchanged, self.removed, self.articles
        );
        if self.analysed > 0 {
            s.push_str(&format!("; entities extracted from {} stories", self.analysed));
        }
        if self.rehomed > 0 {
            s.push_str(&format!("; {} annotations followed their text to its new file", self.rehomed));
        }
        if !self.skipped.is_empty() {
            s.push_str(&format!("; {} skipped", self.skipped.len()));
        }
        s
    }
}

/// Extraction run on each new article (passed in so the library does not depend on it), and
/// the version of the extractor, which keys the cached results.
#[derive(Clone, Copy)]
pub struct Analyser<'a> {
    pub version: u32,
    pub run: &'a (dyn Fn(&Article) -> CachedFacts + Sync),
}

enum Outcome {
    /// No file: the writer's wait for one ran out.
    Waited,
    Unchanged,
    Touched(String, FileStamp),
    /// The file's stories, with their text packed as the store keeps it.
    Parsed(String, FileStamp, Vec<(Article, Option<CachedFacts>)>, Vec<PackedText>, Vec<Skipped>),
    Failed(String, Skipped),
}

fn stamp_of(meta: &std::fs::Metadata, hash: u128) -> FileStamp {
    let mtime_ns = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos().min(i64::MAX as u128) as i64);
    FileStamp { size: meta.len(), mtime_ns, hash }
}

/// A changed file's bytes, read by a reader thread, waiting for a parse worker.
struct ReadFile<'a> {
    path: &'a Path,
    key: String,
    stamp: FileStamp,
    bytes: Vec<u8>,
}

enum Step<'a> {
    Done(Outcome),
    Parse(ReadFile<'a>),
}

/// The I/O half of indexing a file: unchanged (size and mtime, then hash) or its bytes.
fn read_file<'a>(path: &'a Path, key: String, known: Option<FileStamp>, limits: &Limits) -> Step<'a> {
    let fail = |key: String, reason: String| {
        Step::Done(Outcome::Failed(key, Skipped { path: path.to_path_buf(), reason, line: None }))
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return fail(key, format!("unreadable: {e}")),
    };
    let quick = stamp_of(&meta, 0);
    if let Some(k) = known
        && k.size == quick.size
        && k.mtime_ns == quick.mtime_ns
    {
        return Step::Done(Outcome::Unchanged);
    }
    let bytes = match library::read_capped(path, limits.max_file_bytes) {
        Ok(b) => b,
        Err(e) => return fail(key, e.reason()),
    };
    let stamp = stamp_of(&meta, xxhash_rust::xxh3::xxh3_128(&bytes));
    if known.is_some_and(|k| k.hash == stamp.hash) {
        return Step::Done(Outcome::Touched(key, stamp));
    }
    Step::Parse(ReadFile { path, key, stamp, bytes })
}

/// The CPU half: parse the bytes, and compress the stories' text (which would take a quarter
/// of the one writing thread's time). The entities are extracted once the text is written.
fn parse_file(file: ReadFile, limits: &Limits) -> Outcome {
    let path = file.path;
    match library::parse_bytes(Path::new(&file.key), &file.bytes, limits) {
        Ok(loaded) => {
            let warnings = loaded
                .warnings
                .into_iter()
                .map(|w| Skipped { path: path.to_path_buf(), reason: w.message, line: w.line })
                .collect();
            let articles: Vec<_> = loaded
                .articles
                .into_iter()
                .map(|mut a| {
                    analysis::detect_lang(&mut a);
                    (a, None)
                })
                .collect();
            let packed = articles.iter().map(|(a, _)| PackedText::of(a)).collect();
            Outcome::Parsed(file.key, file.stamp, articles, packed, warnings)
        }
        Err(e) => {
            Outcome::Failed(file.key, Skipped { path: path.to_path_buf(), reason: e.reason(), line: None })
        }
    }
}

/// How many stories (or other changes to files) go into one write transaction: a batch is
/// written once it has this many. Larger batches write each touched page of the entity and
/// full-text indexes fewer times (a cold index of 100,000 articles spent 29 s in the kernel
/// with 2,048, 35 s with 512), ...
const BATCH: usize = 2048;

/// ... but a batch is written after this long anyway, so the list fills in steadily.
const BATCH_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

/// Parsed files waiting for the writer, at most.
const WRITE_QUEUE: usize = 1024;

/// Threads reading files. They mostly wait on the disk: several keep requests in flight so a
/// cold cache does not leave the parse workers idle.
const READERS: usize = 4;

/// Files read ahead of the parse workers, at most.
const READ_AHEAD: usize = 64;

/// Indexes every article file under `roots` and drops the files under them that are gone;
/// the new stories wait for their entities. `stage` is called from the calling thread as
/// files are written.
///
/// Three stages: reader threads check stamps and read changed files, parse workers (one per
/// core) parse, and the calling thread writes in batches.
fn index_files(
    store: &mut Store,
    roots: &[PathBuf],
    limits: &Limits,
    extractor: u32,
    stage: &mut dyn FnMut(Stage),
) -> Result<IndexReport> {
    let mut progress = |done, total| stage(Stage::Files { done, total });
    let (files, mut skipped) = library::walk::article_files(roots);
    let known = store.file_stamps()?;
    let keys: Vec<String> = files.iter().map(|f| path_key(f)).collect();
    let mut report = IndexReport { files: files.len(), ..IndexReport::default() };
    // Files indexed before under these roots that the walk no longer finds go first, so that
    // a file moved or renamed gets back the story ids it gave before.
    let found: HashSet<&String> = keys.iter().collect();
    let scopes = scopes(roots);
    let gone: Vec<FileOp> = known
        .keys()
        .filter(|k| !found.contains(k) && in_scope(k, &scopes))
        .map(|k| FileOp::Remove { path: k.clone() })
        .collect();
    report.removed = gone.len();
    store.apply(&gone, extractor)?;

    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
    let (tx, rx) = mpsc::sync_channel::<Outcome>(WRITE_QUEUE);
    let (read_tx, read_rx) = mpsc::sync_channel::<ReadFile>(READ_AHEAD);
    // Shared by the workers; dropped with the last of them, which stops the readers.
    let read_rx = Arc::new(Mutex::new(read_rx));
    std::thread::scope(|scope| -> Result<()> {
        for _ in 0..READERS {
            let (tx, read_tx) = (tx.clone(), read_tx.clone());
            let (files, keys, known, next) = (&files, &keys, &known, &next);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let (Some(file), Some(key)) = (files.get(i), keys.get(i)) else { break };
                    let sent = match read_file(file, key.clone(), known.get(key).copied(), limits) {
                        Step::Done(outcome) => tx.send(outcome).is_ok(),
                        Step::Parse(read) => read_tx.send(read).is_ok(),
                    };
                    if !sent {
                        break;
                    }
                }
            });
        }
        for _ in 0..workers {
            let (tx, read_rx) = (tx.clone(), Arc::clone(&read_rx));
            scope.spawn(move || {
                loop {
                    // The lock is held only while waiting for the next file.
                    let next = read_rx.lock().unwrap_or_else(PoisonError::into_inner).recv();
                    let Ok(read) = next else { break };
                    if tx.send(parse_file(read, limits)).is_err() {
                        break;
                    }
                }
            });
        }
        drop((tx, read_tx, read_rx));
        let mut ops = Vec::with_capacity(BATCH);
        // Stories (and other changes) waiting in `ops`.
        let mut waiting = 0;
        let mut since = std::time::Instant::now();
        let mut done = 0;
        loop {
            // A batch is written when its time is up even if no file comes meanwhile: a large
            // feed file takes seconds to parse, and the files written before it waited that
            // long (and the writer with them).
            let next = if ops.is_empty() {
                rx.recv().map_err(|_| mpsc::RecvTimeoutError::Disconnected)
            } else {
                rx.recv_timeout(BATCH_WAIT.saturating_sub(since.elapsed()))
            };
            let outcome = match next {
                Ok(outcome) => outcome,
                // Time is up for the batch waiting.
                Err(mpsc::RecvTimeoutError::Timeout) => Outcome::Waited,
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            };
            let none_waiting = ops.is_empty();
            match outcome {
                Outcome::Waited => {}
                Outcome::Unchanged => {
                    done += 1;
                    report.unchanged += 1;
                }
                Outcome::Touched(key, stamp) => {
                    done += 1;
                    report.unchanged += 1;
                    ops.push(FileOp::Touch { path: key, stamp });
                    waiting += 1;
                }
                Outcome::Parsed(key, stamp, articles, packed, warnings) => {
                    done += 1;
                    report.parsed += 1;
                    report.articles += articles.len();
                    skipped.extend(warnings);
                    waiting += articles.len().max(1);
                    ops.push(FileOp::ReplacePacked { path: key, stamp, articles, packed });
                }
                Outcome::Failed(key, skip) => {
                    done += 1;
                    skipped.push(skip);
                    // A file that no longer parses keeps nothing stale in the list.
                    if known.contains_key(&key) {
                        ops.push(FileOp::Remove { path: key });
                        waiting += 1;
                    }
                }
            }
            if none_waiting && !ops.is_empty() {
                // The wait counts from the first file waiting, not from the last write.
                since = std::time::Instant::now();
            }
            if waiting >= BATCH || (!ops.is_empty() && since.elapsed() >= BATCH_WAIT) {
                store.apply(&std::mem::take(&mut ops), extractor)?;
                waiting = 0;
                progress(done, files.len());
            }
        }
        store.apply(&ops, extractor)?;
        progress(done, files.len());
        Ok(())
    })?;

    // A file renamed, moved or copied: the user's annotations follow its text.
    report.rehomed = store.rehome_annotations()?;
    report.skipped = skipped;
    Ok(report)
}

/// Indexes in-memory files (the bundled samples) under `BUNDLED_PREFIX`.
pub fn index_bundled(store: &mut Store, files: &[(&str, &str)], analyse: Analyser) -> Result<IndexReport> {
    let known: HashMap<String, FileStamp> = store.file_stamps()?;
    let mut report = IndexReport { files: files.len(), ..IndexReport::default() };
    let mut ops = Vec::new();
    for (name, text) in files {
        let key = format!("{BUNDLED_PREFIX}{name}");
        let stamp = FileStamp {
            size: text.len() as u64,
            mtime_ns: 0,
            hash: xxhash_rust::xxh3::xxh3_128(text.as_bytes()),
        };
        if known.get(&key) == Some(&stamp) {
            report.unchanged += 1;
            continue;
        }
        // Parsed under its own name so ids match what `byline list` prints for the samples.
        match library::parse_bytes(Path::new(name), text.as_bytes(), &Limits::default()) {
            Ok(loaded) => {
                report.parsed += 1;
                report.articles += loaded.articles.len();
                let articles = loaded
                    .articles
                    .into_iter()
                    .map(|mut a| {
                        analysis::detect_lang(&mut a);
                        a
                    })
                    .map(|a| ((analyse.run)(&a), a))
                    .map(|(f, a)| (a, Some(f)))
                    .collect();
                ops.push(FileOp::Replace { path: key, stamp, articles });
            }
            Err(e) => {
                report.skipped.push(Skipped { path: PathBuf::from(name), reason: e.reason(), line: None })
            }
        }
    }
    store.apply(&ops, analyse.version)?;
    Ok(report)
}

/// Indexing keeps only the entity index; the facts are cached when a story is first opened.
fn run_extractor(article: &Article) -> CachedFacts {
    CachedFacts { json: String::new(), entities: analysis::entity_rows(&analysis::facts_for(article, None)) }
}

/// The shipped extractor, as indexing runs it.
pub const ANALYSER: Analyser<'static> =
    Analyser { version: analysis::EXTRACTOR_VERSION, run: &run_extractor };

/// Stories analysed per transaction: large enough that writing is a small part of the time,
/// small enough that an interrupted run loses little and the entity index fills steadily.
const ANALYSIS_BATCH: usize = 256;

/// Extracts the entities of every story waiting for them (see `store::analysis_queue`), on
/// every core, a batch per transaction; returns how many were stored. `progress(done, total)`.
pub fn analyse_pending(
    store: &mut Store,
    analyse: Analyser,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<usize> {
    let total = store.analysis_pending()?;
    let (mut done, mut stored) = (0, 0);
    if total > 0 {
        progress(0, total);
    }
    let mut seen = HashSet::new();
    loop {
        let batch = store.next_to_analyse(ANALYSIS_BATCH)?;
        // A story the store keeps giving back (indexed again meanwhile, say) is left for the
        // next run rather than extracted forever.
        let new = batch.iter().filter(|q| seen.insert(q.rowid)).count();
        if new == 0 {
            break;
        }
        let facts = super::cores::map_on_cores(&batch, |q| (analyse.run)(&q.story.article));
        done += batch.len();
        // A story the extractor failed on stays queued: opening it analyses it again.
        let analysed: Vec<_> = batch.into_iter().zip(facts).filter_map(|(q, f)| Some((q, f?))).collect();
        stored += store.put_analysed(&analysed, analyse.version)?;
        progress(done, total.max(done));
    }
    Ok(stored)
}

/// Indexes a source into the store, reporting progress as (files done, files in all); the
/// entities of the new stories are extracted before it returns.
pub fn index_source(
    store: &mut Store,
    source: &Source,
    limits: &Limits,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<IndexReport> {
    index_source_in_stages(store, source, limits, &mut |stage| {
        if let Stage::Files { done, total } = stage {
            progress(done, total);
        }
    })
}

/// Indexes a source into the store: its files (the library is searchable then), then the
/// entities of the new stories.
pub fn index_source_in_stages(
    store: &mut Store,
    source: &Source,
    limits: &Limits,
    stage: &mut dyn FnMut(Stage),
) -> Result<IndexReport> {
    // The index pages of a large library stay in memory while its batches are written (with
    // the reading connection's 2 MiB, a cold index of 100,000 stories read them back from the
    // kernel all along).
    store.with_large_cache(|store| {
        let mut report = index_files_of(store, source, limits, stage)?;
        stage(Stage::Searchable);
        report.analysed =
            analyse_pending(store, ANALYSER, &mut |done, total| stage(Stage::Analysis { done, total }))?;
        Ok(report)
    })
}

/// The files stage of `index_source_in_stages`.
fn index_files_of(
    store: &mut Store,
    source: &Source,
    limits: &Limits,
    stage: &mut dyn FnMut(Stage),
) -> Result<IndexReport> {
    let version = ANALYSER.version;
    match source {
        Source::Paths(paths) => index_files(store, paths, limits, version, stage),
        Source::Bundled => index_bundled(store, crate::samples::FILES, ANALYSER),
        Source::WithFeeds(library, feeds) => {
            let mut report = index_files_of(store, library, limits, stage)?;
            let more = index_files(store, std::slice::from_ref(feeds), limits, version, stage)?;
            report.files += more.files;
            report.parsed += more.parsed;
            report.unchanged += more.unchanged;
            report.removed += more.removed;
            report.articles += more.articles;
            report.rehomed += more.rehomed;
            report.skipped.extend(more.skipped);
            Ok(report)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let stories = [
            ("a.txt", "Harbour plan\n\nMayor Ellen Carter met Gordon Brown in Leeds on Monday."),
            ("b.txt", "Budget vote\n\nGordon Brown said the Treasury would publish the figures."),
            ("c.txt", "Floods\n\nThe Environment Agency warned residents of York."),
        ];
        for (name, text) in stories {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        dir
    }

    /// The text is written (searchable) before any entity is extracted; the entity index that
    /// follows is the one extraction during indexing gave.
    #[test]
    fn a_library_is_searchable_before_its_entities_and_they_follow() {
        let dir = library();
        let roots = [dir.path().to_path_buf()];
        let mut store = Store::open_in_memory().unwrap();
        index_files(&mut store, &roots, &Limits::default(), ANALYSER.version, &mut |_| {}).unwrap();
        assert_eq!(store.analysis_pending().unwrap(), 3);
        assert_eq!(store.search("Treasury", 10).unwrap().len(), 1, "searchable already");
        assert!(store.entity_stories("Gordon Brown").unwrap().is_empty(), "no entities yet");

        let mut seen = Vec::new();
        let stored =
            analyse_pending(&mut store, ANALYSER, &mut |done, total| seen.push((done, total))).unwrap();
        assert_eq!(stored, 3);
        assert_eq!(seen.first(), Some(&(0, 3)));
        assert_eq!(seen.last(), Some(&(3, 3)));
        assert_eq!(store.analysis_pending().unwrap(), 0);
        assert_eq!(store.entity_stories("Gordon Brown").unwrap().len(), 2);

        // The same stories with their entities extracted as they are written.
        let mut inline = Store::open_in_memory().unwrap();
        let mut articles: Vec<Article> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .flat_map(|p| {
                library::parse_bytes(&p, &std::fs::read(&p).unwrap(), &Limits::default()).unwrap().articles
            })
            .collect();
        articles.sort_by(|a, b| a.id.cmp(&b.id));
        for (i, a) in articles.into_iter().enumerate() {
            let facts = run_extractor(&a);
            let stamp = FileStamp { size: i as u64, mtime_ns: 0, hash: i as u128 };
            inline
                .replace_file(&format!("/x/{i}.txt"), stamp, &[(a, Some(facts))], ANALYSER.version)
                .unwrap();
        }
        for name in ["Gordon Brown", "Ellen Carter", "Leeds", "York", "Environment Agency", "Treasury"] {
            let ids = |s: &Store| {
                let mut v: Vec<String> =
                    s.entity_stories(name).unwrap().into_iter().map(|h| h.story.id).collect();
                v.sort();
                v
            };
            assert_eq!(ids(&store), ids(&inline), "{name}");
        }
    }

    /// Plain text declares no language: the one it is written in is stored, for `L` and `lang:`.
    #[test]
    fn stories_without_a_declared_language_get_the_detected_one() {
        let dir = library();
        std::fs::write(
            dir.path().join("d.txt"),
            "Budget\n\nLe gouvernement a présenté le budget de la ville.",
        )
        .unwrap();
        std::fs::write(dir.path().join("e.txt"), "Ψ\n\nΚαλημέρα κόσμε, σήμερα βρέχει.").unwrap();
        let roots = [dir.path().to_path_buf()];
        let mut store = Store::open_in_memory().unwrap();
        index_files(&mut store, &roots, &Limits::default(), ANALYSER.version, &mut |_| {}).unwrap();
        let mut langs: Vec<(String, Option<String>)> =
            store.stories_in(&[]).unwrap().into_iter().map(|m| (m.title, m.lang)).collect();
        langs.sort();
        let expected = [("Budget", Some("fr")), ("Budget vote", Some("en")), ("Floods", Some("en"))];
        for (title, lang) in expected {
            assert!(langs.contains(&(title.to_string(), lang.map(String::from))), "{title}: {langs:?}");
        }
        assert!(langs.contains(&("Ψ".to_string(), None)), "neither French nor English: {langs:?}");
    }

    /// A story indexed again with another text while its entities wait is analysed from the
    /// new text; a story that is gone leaves the queue with it.
    #[test]
    fn the_queue_follows_changed_and_removed_files() {
        let dir = library();
        let roots = [dir.path().to_path_buf()];
        let mut store = Store::open_in_memory().unwrap();
        index_files(&mut store, &roots, &Limits::default(), ANALYSER.version, &mut |_| {}).unwrap();
        let stale = store.next_to_analyse(10).unwrap();
        std::fs::write(dir.path().join("b.txt"), "Budget vote\n\nNick Clegg said the Treasury would wait.")
            .unwrap();
        std::fs::remove_file(dir.path().join("c.txt")).unwrap();
        index_files(&mut store, &roots, &Limits::default(), ANALYSER.version, &mut |_| {}).unwrap();
        assert_eq!(store.analysis_pending().unwrap(), 2, "c.txt is gone, b.txt waits once");
        // What was extracted from the old texts is not stored.
        let old: Vec<_> =
            stale.into_iter().map(|q| (run_extractor(&q.story.article), q)).map(|(f, q)| (q, f)).collect();
        assert_eq!(store.put_analysed(&old, ANALYSER.version).unwrap(), 1, "only a.txt is unchanged");
        analyse_pending(&mut store, ANALYSER, &mut |_, _| {}).unwrap();
        assert_eq!(store.analysis_pending().unwrap(), 0);
        let brown = store.entity_stories("Gordon Brown").unwrap();
        assert_eq!(brown.iter().map(|h| h.story.title.as_str()).collect::<Vec<_>>(), ["Harbour plan"]);
        assert_eq!(store.entity_stories("Nick Clegg").unwrap().len(), 1);
        assert!(store.entity_stories("York").unwrap().is_empty());
    }
}
