//! A robustness sweep: every file under a folder goes through the same parser as a downloaded
//! feed, and comes back as items or as a one-line reason. Used on real-world and edge-case
//! feed collections (`byline feeds sweep PATH`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::library::{self, Limits};

#[derive(Debug, Clone, Default)]
pub struct SweepReport {
    pub files: usize,
    /// Files that parsed as feeds, and their items in all.
    pub parsed: usize,
    pub items: usize,
    /// Items without text of their own (kept for full-text fetching, never stored bare).
    pub items_without_text: usize,
    /// Feeds that parsed with no items at all.
    pub empty: usize,
    /// Items whose text was repaired or decoded with replacements.
    pub damaged_items: usize,
    /// (file, reason) for each file that is not a usable feed.
    pub failed: Vec<(PathBuf, String)>,
    /// The slowest file and how long it took.
    pub slowest: Option<(PathBuf, Duration)>,
    pub elapsed: Duration,
}

impl SweepReport {
    /// Failure reasons with how many files gave each, most frequent first. Reasons are cut
    /// at the first `:` past the kind, so "feed parse error: …line 3…" groups together.
    pub fn reasons(&self) -> Vec<(String, usize)> {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for (_, why) in &self.failed {
            let kind = match why.split_once(": ") {
                Some((head, _)) if head.len() < 40 => head.to_string(),
                _ => why.chars().take(60).collect(),
            };
            *counts.entry(kind).or_default() += 1;
        }
        let mut v: Vec<(String, usize)> = counts.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v
    }
}

/// Parses every (non-hidden) file under `root`, in name order.
pub fn sweep(root: &Path, limits: &Limits) -> SweepReport {
    let start = Instant::now();
    let mut report = SweepReport::default();
    let mut stack = vec![root.to_path_buf()];
    let mut files = Vec::new();
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            if dir == root && root.is_file() {
                files.push(root.to_path_buf());
            } else {
                report.failed.push((dir, "unreadable folder".into()));
            }
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            match entry.file_type() {
                Ok(t) if t.is_dir() => stack.push(path),
                Ok(t) if t.is_file() => files.push(path),
                _ => {}
            }
        }
    }
    files.sort();
    for path in files {
        report.files += 1;
        let t = Instant::now();
        let result = library::read_capped(&path, limits.max_file_bytes)
            .and_then(|bytes| library::parse_feed_document(&bytes, None, limits));
        let took = t.elapsed();
        if report.slowest.as_ref().is_none_or(|(_, d)| took > *d) {
            report.slowest = Some((path.clone(), took));
        }
        match result {
            Ok(doc) => {
                report.parsed += 1;
                report.items += doc.items.len();
                report.items_without_text += doc.items.iter().filter(|i| i.article.body.is_empty()).count();
                report.damaged_items += doc.items.iter().filter(|i| i.article.damaged).count();
                if doc.items.is_empty() {
                    report.empty += 1;
                }
            }
            Err(e) => report.failed.push((path, e.reason())),
        }
    }
    report.elapsed = start.elapsed();
    report
}
