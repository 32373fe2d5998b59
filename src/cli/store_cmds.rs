//! Commands over the library database: index, search, entity, doctor.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use serde::Serialize;

use crate::config::Config;
use crate::service::Source;
use crate::service::index::index_source;

use crate::library::StoryMeta;
use crate::service::index::IndexReport;
use crate::store::Store;

pub fn open_store() -> Result<Store> {
    let path = super::database_path()?;
    Store::open(&path).with_context(|| format!("opening the library database {}", path.display()))
}

/// Indexes a source, with a progress bar when stderr is a terminal.
pub fn index(store: &mut Store, source: &Source, config: &Config, verbose: bool) -> Result<IndexReport> {
    let limits = crate::service::source::limits(config);
    let bar = (verbose && io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {per_sec} eta {eta}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let mut progress = |done: usize, total: usize| {
        if let Some(bar) = &bar {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
    };
    let report = index_source(store, source, &limits, &mut progress)?;
    if let Some(bar) = bar {
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
    println!("{} in {:.1} s", report.summary(), start.elapsed().as_secs_f64());
    Ok(())
}

#[derive(Serialize)]
struct StoryOut<'a> {
    id: &'a str,
    title: &'a str,
    date: Option<&'a str>,
    source: Option<&'a str>,
    read: bool,
    starred: bool,
}

impl<'a> From<&'a StoryMeta> for StoryOut<'a> {
    fn from(m: &'a StoryMeta) -> Self {
        StoryOut {
            id: &m.id,
            title: &m.title,
            date: m.date.as_deref(),
            source: m.source.as_deref(),
            read: m.read,
            starred: m.starred,
        }
    }
}

fn tsv(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// Brings the index up to date with the library before a query; files that could not be read
/// are counted on stderr (`byline index` lists them).
fn refresh(store: &mut Store, config: &Config) -> Result<()> {
    let report = index(store, &super::source_of(&[], config), config, false)?;
    match report.skipped.len() {
        0 => {}
        1 => eprintln!("1 file skipped (`byline index` says why)"),
        n => eprintln!("{n} files skipped (`byline index` says why)"),
    }
    Ok(())
}

pub fn run_search(query: &str, json: bool, limit: usize, config: &Config) -> Result<()> {
    let mut store = open_store()?;
    refresh(&mut store, config)?;
    let hits = store.search(query, limit)?;
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
            .map(|h| HitOut {
                story: (&h.story).into(),
                snippet: h.snippet.iter().map(|(t, _)| t.as_str()).collect(),
                matches: h.snippet.iter().filter(|(_, m)| *m).map(|(t, _)| t.as_str()).collect(),
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string(&rows)?)?;
    } else {
        for h in &hits {
            // Matches are marked [like this] in plain output.
            let snippet: String =
                h.snippet.iter().map(|(t, m)| if *m { format!("[{t}]") } else { t.clone() }).collect();
            let m = &h.story;
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
    Ok(())
}

pub fn run_entity(name: &str, json: bool, config: &Config) -> Result<()> {
    let mut store = open_store()?;
    refresh(&mut store, config)?;
    let hits = store.entity_stories(name)?;
    let mut out = io::stdout().lock();
    if json {
        #[derive(Serialize)]
        struct EntityOut<'a> {
            #[serde(flatten)]
            story: StoryOut<'a>,
            label: &'a str,
            name: &'a str,
            mentions: usize,
        }
        let rows: Vec<EntityOut> = hits
            .iter()
            .map(|h| EntityOut {
                story: (&h.story).into(),
                label: &h.label,
                name: &h.name,
                mentions: h.mentions,
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string(&rows)?)?;
    } else {
        for h in &hits {
            let m = &h.story;
            writeln!(
                out,
                "{}\t{}\t{}\t{} ×{}\t{}",
                m.id,
                m.date.as_deref().unwrap_or(""),
                h.label,
                tsv(&h.name),
                h.mentions,
                tsv(&m.title)
            )?;
        }
    }
    Ok(())
}

pub fn run_doctor() -> Result<bool> {
    let store = open_store()?;
    let report = store.doctor()?;
    let healthy =
        report.iter().any(|l| l == "integrity: ok") && !report.iter().any(|l| l.contains("DAMAGED"));
    for line in report {
        println!("{line}");
    }
    Ok(healthy)
}
