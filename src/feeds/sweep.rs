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
    /// Feeds with an expected parse beside them (`NAME.serde.json`, feed-rs's fixture
    /// format): how many were compared, and those whose item count differs (file, got, expected).
    pub oracle_checked: usize,
    pub oracle_mismatches: Vec<(PathBuf, usize, usize)>,
    /// The slowest file and how long it took.
    pub slowest: Option<(PathBuf, Duration)>,
    pub elapsed: Duration,
}

impl SweepReport {
    /// Failure reasons with how many files gave each, most frequent first. Details after a
    /// third `: ` (positions, the parser's own words) are cut so like failures group.
    pub fn reasons(&self) -> Vec<(String, usize)> {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for (_, why) in &self.failed {
            let kind: String = why.splitn(4, ": ").take(3).collect::<Vec<_>>().join(": ");
            let kind = if kind.chars().count() > 90 { kind.chars().take(90).collect() } else { kind };
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
    let (mut files, unreadable) = library::walk::every_file(root);
    report.failed.extend(unreadable.into_iter().map(|s| (s.path, s.reason)));
    files.sort();
    for path in files {
        report.files += 1;
        let t = Instant::now();
        let result = library::read_capped(&path, limits.max_file_bytes)
            .and_then(|bytes| library::parse_feed_document(&bytes, None, None, limits));
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
                if let Some(expected) = expected_items(&path) {
                    report.oracle_checked += 1;
                    if expected != doc.items.len() {
                        report.oracle_mismatches.push((path.clone(), doc.items.len(), expected));
                    }
                }
            }
            Err(e) => report.failed.push((path, e.reason())),
        }
    }
    report.elapsed = start.elapsed();
    report
}

/// The number of entries in `NAME.serde.json` beside `NAME.EXT`, when there is one.
fn expected_items(path: &Path) -> Option<usize> {
    let stem = path.file_stem()?.to_string_lossy();
    let oracle = path.with_file_name(format!("{stem}.serde.json"));
    let text = std::fs::read_to_string(oracle).ok()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    Some(value.get("entries")?.as_array()?.len())
}
