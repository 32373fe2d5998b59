//! Commands over the library database: index, search, entity, doctor.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use serde::Serialize;

use crate::config::Config;
use crate::service::Source;
use crate::service::index::{Stage, index_source_in_stages};

use super::query_cmds::StoryOut;
use crate::library::StoryMeta;
use crate::service::index::IndexReport;
use crate::store::Store;

pub fn open_store() -> Result<Store> {
    let path = super::database_path()?;
    Store::open(&path).with_context(|| format!("opening the library database {}", path.display()))
}

/// The library database for a command that only reads it: opened to be written when it can be
/// (so the index is brought up to date first), else read as it is, which is said once.
pub fn open_store_to_read() -> Result<Store> {
    let path = super::database_path()?;
    let (store, why) = Store::open_or_read_only(&path)
        .with_context(|| format!("opening the library database {}", path.display()))?;
    if let Some(why) = why {
        eprintln!(
            "byline: the library database {} cannot be written ({}): reading it as it is",
            path.display(),
            crate::text::printable(&why.to_string())
        );
    }
    Ok(store)
}

/// What to do with a damaged library database.
pub fn rescue_advice(path: &std::path::Path) -> String {
    format!(
        "The library database {} is damaged. Your own work in it (annotations and their undo log, read marks \
         and stars, reviews, feed subscriptions) can be copied into a fresh database with `byline doctor \
         --salvage`, which keeps the damaged file beside it. Articles and the index are then rebuilt from your \
         files by `byline index`.",
        path.display()
    )
}

/// Indexes a source, with a progress bar when stderr is a terminal; `verbose` also says when
/// the library became searchable (before the entities are extracted).
pub fn index(store: &mut Store, source: &Source, config: &Config, verbose: bool) -> Result<IndexReport> {
    let limits = crate::service::source::limits(config);
    let start = std::time::Instant::now();
    let bar = |what: &str| {
        (verbose && io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new(0);
            bar.set_style(
                indicatif::ProgressStyle::with_template(&format!(
                    "{{bar:40}} {{pos}}/{{len}} {what} {{per_sec}} eta {{eta}}"
                ))
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        })
    };
    let show = |bar: &Option<indicatif::ProgressBar>, done: usize, total: usize| {
        if let Some(bar) = bar {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
    };
    let (files, analysis) = (bar("files"), bar("stories analysed"));
    let mut stage = |stage: Stage| match stage {
        Stage::Files { done, total } => show(&files, done, total),
        Stage::Searchable => {
            if let Some(bar) = &files {
                bar.finish_and_clear();
            }
        }
        // There are entities to extract: the text is in, the library searchable.
        Stage::Analysis { done: 0, total } if verbose => {
            let took = start.elapsed().as_secs_f64();
            eprintln!("searchable after {took:.1} s; extracting the entities of {total} stories…");
        }
        Stage::Analysis { done, total } => show(&analysis, done, total),
    };
    let report = index_source_in_stages(store, source, &limits, &mut stage)?;
    if let Some(bar) = analysis {
        bar.finish_and_clear();
    }
    Ok(report)
}

pub fn run_index(paths: &[PathBuf], config: &Config, rebuild: bool) -> Result<()> {
    let mut store = open_store()?;
    if rebuild {
        store.rebuild_cache()?;
    }
    let start = std::time::Instant::now();
    let report = index(&mut store, &super::source_of(paths, config), config, true)?;
    for s in &report.skipped {
        eprintln!("skipped: {s}");
    }
    say!("{} in {:.1} s", report.summary(), start.elapsed().as_secs_f64())?;
    Ok(())
}

pub(super) fn tsv(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// Brings the index up to date with the library before a query; files that could not be read
/// are counted on stderr (`byline index` lists them). A configured library folder that is not
/// there is an error (indexing would take its stories out). A store that cannot be written is
/// queried as it is.
pub(super) fn refresh(store: &mut Store, config: &Config) -> Result<()> {
    let missing: Vec<String> = config
        .library_paths
        .iter()
        .filter(|p| std::fs::metadata(p).is_err())
        .map(|p| crate::text::printable(&p.display().to_string()).into_owned())
        .collect();
    if !missing.is_empty() {
        anyhow::bail!(
            "the library path{} {} (`[library] paths` in the config file) cannot be found",
            if missing.len() == 1 { "" } else { "s" },
            missing.join(", ")
        );
    }
    if store.is_read_only() {
        return Ok(());
    }
    let report = match index(store, &super::source_of(&[], config), config, false) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("byline: the index could not be brought up to date ({e:#}): searching it as it is");
            return Ok(());
        }
    };
    match report.skipped.len() {
        0 => {}
        1 => eprintln!("1 file skipped (`byline index` says why)"),
        n => eprintln!("{n} files skipped (`byline index` says why)"),
    }
    Ok(())
}

pub fn run_search(query: &str, json: bool, limit: usize, config: &Config) -> Result<ExitCode> {
    let expr = match super::query_cmds::query_of(query, None, config) {
        Ok(expr) => expr,
        Err(code) => return Ok(code),
    };
    let mut store = open_store_to_read()?;
    refresh(&mut store, config)?;
    let (_, rest) = expr.clone().split_text();
    let hits: Vec<(StoryMeta, Vec<(String, bool)>)> = if rest.is_everything() {
        // Plain words, as the search box always took them.
        store.search(query, limit)?.into_iter().map(|h| (h.story, h.snippet)).collect()
    } else {
        let stories = store.stories_in(&[])?;
        let found = super::query_cmds::matching(&store, expr, Some(limit), &stories, limit)?;
        found.into_iter().map(|m| (m.story, m.snippet.unwrap_or_default())).collect()
    };
    let mut out = io::stdout().lock();
    if json {
        #[derive(Serialize)]
        struct HitOut<'a> {
            #[serde(flatten)]
            story: StoryOut<'a>,
            snippet: String,
            matches: Vec<&'a str>,
        }
        let rows: Vec<HitOut> = hits
            .iter()
            .map(|(story, snippet)| HitOut {
                story: story.into(),
                snippet: snippet.iter().map(|(t, _)| t.as_str()).collect(),
                matches: snippet.iter().filter(|(_, m)| *m).map(|(t, _)| t.as_str()).collect(),
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string(&rows)?)?;
    } else {
        for (m, snippet) in &hits {
            // Matches are marked [like this] in plain output.
            let snippet: String =
                snippet.iter().map(|(t, m)| if *m { format!("[{t}]") } else { t.clone() }).collect();
            writeln!(
                out,
                "{}\t{}\t{}\t{}",
                m.id,
                m.date.as_deref().unwrap_or(""),
                tsv(&m.title),
                tsv(&snippet)
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `byline doctor`: checks the library database without writing to it. Returns whether it is
/// healthy.
pub fn run_doctor() -> Result<bool> {
    let path = super::database_path()?;
    let mut out = io::stdout().lock();
    if !path.exists() {
        writeln!(out, "no library database yet at {} (`byline index` makes it)", path.display())?;
        return Ok(true);
    }
    let report = match Store::open_read_only(&path).and_then(|store| store.doctor()) {
        Ok(report) => report,
        Err(e) => {
            writeln!(out, "database: cannot be read: {}", crate::text::printable(&e.to_string()))?;
            writeln!(out, "{}", rescue_advice(&path))?;
            return Ok(false);
        }
    };
    let healthy =
        report.iter().any(|l| l == "integrity: ok") && !report.iter().any(|l| l.contains("DAMAGED"));
    for line in &report {
        writeln!(out, "{line}")?;
    }
    if !report.iter().any(|l| l == "integrity: ok") {
        writeln!(out, "{}", rescue_advice(&path))?;
    }
    Ok(healthy)
}

/// `byline doctor --salvage`: copies what can be read of the user's data into a fresh database,
/// which takes the damaged one's place; the damaged file is kept beside it under another name.
pub fn run_salvage() -> Result<bool> {
    let path = super::database_path()?;
    if !path.exists() {
        anyhow::bail!("no library database at {}: nothing to salvage", path.display());
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let fresh = path.with_file_name(format!("{name}.salvaging"));
    for leftover in sqlite_files(&fresh) {
        // A salvage interrupted before: its half-made copy.
        let _ = std::fs::remove_file(leftover);
    }
    let (saved, unreadable) = {
        let mut target =
            Store::open(&fresh).with_context(|| format!("making a fresh database at {}", fresh.display()))?;
        match Store::open_read_only(&path) {
            Ok(source) => (crate::store::salvage(&source, &mut target)?, None),
            // Not even its list of tables can be read: the fresh database starts empty, so
            // that byline works again, and the damaged file is kept for other tools.
            Err(e) => (Vec::new(), Some(e)),
        }
    };
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let kept = path.with_file_name(format!("{name}.damaged-{stamp}"));
    // The damaged file goes aside with its write-ahead log, and the fresh one takes its name.
    for (from, to) in sqlite_files(&path).into_iter().zip(sqlite_files(&kept)) {
        if from.exists() {
            std::fs::rename(&from, &to).with_context(|| format!("moving {} aside", from.display()))?;
        }
    }
    for (from, to) in sqlite_files(&fresh).into_iter().zip(sqlite_files(&path)) {
        if from.exists() {
            std::fs::rename(&from, &to)
                .with_context(|| format!("putting the fresh database at {}", to.display()))?;
        }
    }
    let mut out = io::stdout().lock();
    match &unreadable {
        Some(e) => writeln!(
            out,
            "nothing could be read from the damaged database ({}); a fresh, empty one is at {}",
            crate::text::printable(&e.to_string()),
            path.display()
        )?,
        None => {
            writeln!(out, "saved into a fresh database at {}:", path.display())?;
            for table in &saved {
                writeln!(out, "  {}", crate::text::printable(&table.line()))?;
            }
        }
    }
    writeln!(out, "the damaged database is kept as {}", kept.display())?;
    if unreadable.is_some() {
        writeln!(out, "(`sqlite3 {} .recover` may get more out of it)", kept.display())?;
    }
    writeln!(out, "`byline index` now rebuilds the articles and the index from your files")?;
    Ok(unreadable.is_none() && saved.iter().all(|t| t.trouble.is_none()))
}

/// A database file and the write-ahead log and index SQLite keeps beside it.
pub(super) fn sqlite_files(db: &std::path::Path) -> [PathBuf; 3] {
    let name = db.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    [db.to_path_buf(), db.with_file_name(format!("{name}-wal")), db.with_file_name(format!("{name}-shm"))]
}
