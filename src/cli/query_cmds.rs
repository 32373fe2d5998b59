//! `byline list QUERY` and `byline search QUERY`: the query language from the command line
//! (`service::query` does the work; this prints it). A query that does not parse is shown with
//! a caret under the character at fault, and the command exits 2.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use crate::config::Config;
use crate::library::StoryMeta;
use crate::service::query::{Match, resolve, select, today};
use crate::store::Store;
use crate::text::query::{Expr, parse_with};

/// A story as `--json` prints it: the date as stored (ISO 8601).
#[derive(Serialize)]
pub(super) struct StoryOut<'a> {
    id: &'a str,
    title: &'a str,
    date: Option<&'a str>,
    source: Option<&'a str>,
    lang: Option<&'a str>,
    tags: &'a [String],
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
            lang: m.lang.as_deref(),
            tags: &m.tags,
            read: m.read,
            starred: m.starred,
        }
    }
}

/// The query of `list`'s arguments and `--query NAME`; `Err` carries the exit code after the
/// error was printed.
pub(super) fn query_of(
    text: &str,
    saved: Option<&str>,
    config: &Config,
) -> std::result::Result<Expr, ExitCode> {
    let mut text = text.trim().to_string();
    if let Some(name) = saved {
        if !config.queries.iter().any(|q| q.name.eq_ignore_ascii_case(name)) {
            let names: Vec<&str> = config.queries.iter().map(|q| q.name.as_str()).collect();
            eprintln!(
                "byline: no saved query is called {name:?} ([[queries]] in the config: {})",
                if names.is_empty() { "none".to_string() } else { names.join(", ") }
            );
            return Err(ExitCode::from(2));
        }
        text = if text.is_empty() { format!("@{name}") } else { format!("@{name} ({text})") };
    }
    parse_with(&text, &config.queries).map_err(|e| {
        eprintln!("byline: query error: {e}");
        for line in e.caret(&text).lines() {
            eprintln!("  {line}");
        }
        ExitCode::from(2)
    })
}

/// `byline list [PATH...] [QUERY] [--query NAME] [--json]` once a query or `--json` is given:
/// the stories in scope (from the index, brought up to date) that match, newest first.
pub(super) fn run_list(paths: &[PathBuf], expr: Expr, json: bool, config: &Config) -> Result<ExitCode> {
    let mut store = super::store_cmds::open_store_to_read()?;
    let source = super::source_of(paths, config);
    if !store.is_read_only() {
        let report = super::store_cmds::index(&mut store, &source, config, false)?;
        for s in &report.skipped {
            eprintln!("skipped: {s}");
        }
    }
    let stories = store.stories_in(&source.scopes())?;
    let found = matching(&store, expr, None, &stories, usize::MAX)?;
    let mut out = io::stdout().lock();
    if json {
        let rows: Vec<StoryOut> = found.iter().map(|m| (&m.story).into()).collect();
        writeln!(out, "{}", serde_json::to_string(&rows)?)?;
    } else {
        for m in &found {
            let s = &m.story;
            let field = |f: &Option<String>| f.as_deref().map(super::one_field).unwrap_or_default();
            writeln!(
                out,
                "{}\t{}\t{}\t{}",
                super::one_field(&s.id),
                field(&s.date),
                field(&s.source),
                super::one_field(&s.title)
            )?;
        }
    }
    Ok(if found.is_empty() { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// The stories of `stories` that match `expr`: ranked by its words (at most `rank`, looked up
/// a few times over, since the other terms may leave some out), else in the rows' order.
pub(super) fn matching(
    store: &Store,
    expr: Expr,
    rank: Option<usize>,
    stories: &[StoryMeta],
    limit: usize,
) -> Result<Vec<Match>> {
    let outcome = resolve(store, expr, rank.map(|n| n.saturating_mul(10).max(500)), today())?;
    Ok(select(&outcome, stories, limit))
}
