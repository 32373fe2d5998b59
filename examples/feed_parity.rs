//! Feed parsing parity: the share of the reference parses' item titles (`*.serde.json`, as
//! feed-rs gives them, beside each feed file) that byline's file loader yields as story titles.
//!
//! `cargo run --release --example feed_parity -- [FEEDS_DIR] [--verbose]`
//! (FEEDS_DIR defaults to ../shared/data/feeds). Titles are compared after their markup is
//! dropped, the five XML entities written out and white space squeezed; an item of the
//! reference without a title is not counted. `--verbose` lists the titles not found.
#![allow(clippy::unwrap_used, clippy::expect_used)] // measuring code: a failure should stop it loudly

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use byline::library::{Limits, load_file};

/// A title as compared: no markup, entities written out, one space between words.
fn norm(title: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in title.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out);
        } else if p.to_string_lossy().ends_with(".serde.json") {
            out.push(p);
        }
    }
}

/// The feed file a reference parse belongs to: same stem, another extension.
fn feed_of(reference: &Path) -> Option<PathBuf> {
    let name = reference.file_name()?.to_string_lossy().into_owned();
    let stem = name.strip_suffix(".serde.json")?;
    let dir = reference.parent()?;
    let mut candidates: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            n != name && !n.ends_with(".serde.json") && n.rsplit_once('.').is_some_and(|(s, _)| s == stem)
        })
        .collect();
    candidates.sort();
    candidates.into_iter().next()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let dir = args.iter().find(|a| !a.starts_with("--")).map_or("../shared/data/feeds", String::as_str);
    let mut references = Vec::new();
    walk(Path::new(dir), &mut references);
    let limits = Limits::default();
    let (mut expected, mut found, mut files) = (0usize, 0usize, 0usize);
    let mut missing_by_file: Vec<(String, usize, usize)> = Vec::new();
    for reference in &references {
        let Some(feed) = feed_of(reference) else {
            eprintln!("no feed file for {}", reference.display());
            continue;
        };
        let value: serde_json::Value = serde_json::from_slice(&std::fs::read(reference).unwrap()).unwrap();
        let titles: Vec<String> = value["entries"]
            .as_array()
            .map(|entries| entries.iter().filter_map(|e| e["title"]["content"].as_str()).map(norm).collect())
            .unwrap_or_default();
        let titles: Vec<String> = titles.into_iter().filter(|t| !t.is_empty()).collect();
        if titles.is_empty() {
            continue;
        }
        files += 1;
        let mut ours: HashMap<String, usize> = HashMap::new();
        match load_file(&feed, &limits) {
            Ok(loaded) => {
                for a in loaded.articles {
                    *ours.entry(norm(&a.title)).or_default() += 1;
                }
            }
            Err(e) => eprintln!("{}: {}", feed.display(), e.reason()),
        }
        let mut missed = 0;
        for t in &titles {
            match ours.get_mut(t) {
                Some(n) if *n > 0 => *n -= 1,
                _ => {
                    missed += 1;
                    if verbose {
                        println!("  missing in {}: {t:?}", feed.display());
                    }
                }
            }
        }
        expected += titles.len();
        found += titles.len() - missed;
        if missed > 0 {
            missing_by_file.push((feed.display().to_string(), missed, titles.len()));
        }
    }
    for (file, missed, of) in &missing_by_file {
        println!("{missed:>4} of {of:>4} titles missing  {file}");
    }
    let share = if expected == 0 { 0.0 } else { 100.0 * found as f64 / expected as f64 };
    println!(
        "{found} of {expected} reference item titles yielded ({share:.1} %) over {files} feeds with titled items"
    );
}
