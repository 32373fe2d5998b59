//! `byline doctor --sweep PATH`: loads every file under a folder and reports what happened to
//! each (loaded, loaded but damaged, rejected and why), the slowest files, and any panic or
//! hang (a per-file time limit) — the robustness check of the loaders on real data.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Result;

use crate::library::{Limits, load_file};

enum Outcome {
    Loaded { articles: usize, damaged: bool, warnings: usize },
    Rejected(String),
    Panicked(String),
}

/// The reason's kind, for counting ("malformed JSON at line 3…" → "malformed JSON").
fn reason_kind(reason: &str) -> String {
    let cut = reason.find([':', '(']).unwrap_or(reason.len());
    let kind = reason[..cut].trim();
    kind.split(" at line").next().unwrap_or(kind).to_string()
}

pub fn run(root: &Path, limit: Duration) -> Result<bool> {
    let (files, _) = crate::library::walk::every_file(root);
    let limits = Limits::default();
    let mut loaded = 0;
    let mut damaged = 0;
    let mut partial = 0;
    let mut articles = 0;
    let mut rejected: BTreeMap<String, usize> = BTreeMap::new();
    let mut panics = Vec::new();
    let mut hangs = Vec::new();
    let mut times: Vec<(Duration, PathBuf)> = Vec::new();
    let start = Instant::now();
    for file in &files {
        let (tx, rx) = mpsc::channel();
        let path = file.clone();
        let t = Instant::now();
        // A thread per file, so a hang is noticed and the sweep goes on.
        std::thread::spawn(move || {
            let outcome = match std::panic::catch_unwind(|| load_file(&path, &limits)) {
                Ok(Ok(l)) => Outcome::Loaded {
                    articles: l.articles.len(),
                    damaged: l.articles.iter().any(|a| a.damaged),
                    warnings: l.warnings.len(),
                },
                Ok(Err(e)) => Outcome::Rejected(e.reason()),
                Err(p) => Outcome::Panicked(
                    p.downcast_ref::<String>()
                        .cloned()
                        .or(p.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default(),
                ),
            };
            let _ = tx.send(outcome);
        });
        match rx.recv_timeout(limit) {
            Ok(outcome) => {
                times.push((t.elapsed(), file.clone()));
                match outcome {
                    Outcome::Loaded { articles: n, damaged: d, warnings: w } => {
                        loaded += 1;
                        articles += n;
                        damaged += usize::from(d);
                        partial += usize::from(w > 0);
                    }
                    Outcome::Rejected(reason) => *rejected.entry(reason_kind(&reason)).or_default() += 1,
                    Outcome::Panicked(msg) => panics.push((file.clone(), msg)),
                }
            }
            Err(_) => hangs.push(file.clone()),
        }
    }
    times.sort_by_key(|t| std::cmp::Reverse(t.0));
    let rejected_total: usize = rejected.values().sum();
    say!("swept {} files under {} in {:.1} s", files.len(), root.display(), start.elapsed().as_secs_f64())?;
    say!("| outcome | files |\n|---|---:|")?;
    say!("| loaded | {loaded} ({articles} articles) |")?;
    say!("| loaded, damaged (bytes replaced or encoding guessed) | {damaged} |")?;
    say!("| loaded, some items skipped | {partial} |")?;
    say!("| rejected with a reason | {rejected_total} |")?;
    for (kind, n) in &rejected {
        say!("|   {} | {n} |", crate::text::printable(kind))?;
    }
    say!("| panicked | {} |", panics.len())?;
    say!("| over the {:.0} s time limit | {} |", limit.as_secs_f64(), hangs.len())?;
    say!("slowest files:")?;
    for (d, p) in times.iter().take(5) {
        say!("  {:>8.1} ms  {}", d.as_secs_f64() * 1e3, crate::text::printable(&p.display().to_string()))?;
    }
    for (p, msg) in &panics {
        say!("PANIC {}: {}", p.display(), crate::text::printable(msg))?;
    }
    for p in &hangs {
        say!("HANG {}", p.display())?;
    }
    Ok(panics.is_empty() && hangs.is_empty())
}
