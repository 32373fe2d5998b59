//! Main-text extraction quality: token-level precision / recall / F1 of the extracted body
//! against gold text, averaged over pages.
//!
//! `cargo run --release --example html_eval -- [scrapinghub|readability] [DATA_DIR]`
//! (DATA_DIR defaults to ../shared/data/html). Tokens are runs of word characters
//! (Unicode word boundaries), compared as bags, as in the benchmark's own evaluation.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and measuring code: a failure should stop it loudly

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use byline::library::{Limits, parse_bytes};
use unicode_segmentation::UnicodeSegmentation;

fn tokens(text: &str) -> HashMap<&str, usize> {
    let mut bag = HashMap::new();
    for w in text.unicode_words() {
        *bag.entry(w).or_insert(0) += 1;
    }
    bag
}

fn prf(pred: &str, gold: &str) -> (f64, f64, f64) {
    let (p, g) = (tokens(pred), tokens(gold));
    let common: usize = p.iter().map(|(w, n)| (*n).min(g.get(w).copied().unwrap_or(0))).sum();
    let (np, ng) = (p.values().sum::<usize>(), g.values().sum::<usize>());
    let precision = if np == 0 { if ng == 0 { 1.0 } else { 0.0 } } else { common as f64 / np as f64 };
    let recall = if ng == 0 { 1.0 } else { common as f64 / ng as f64 };
    let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
    (precision, recall, f1)
}

/// (name, html path, gold text)
fn scrapinghub(dir: &Path) -> Vec<(String, PathBuf, String)> {
    let gt = std::fs::read_to_string(dir.join("ground-truth.json")).expect("ground-truth.json");
    let gt: HashMap<String, serde_json::Value> = serde_json::from_str(&gt).expect("json");
    let mut v: Vec<_> = gt
        .into_iter()
        .map(|(k, e)| {
            let body = e["articleBody"].as_str().unwrap_or_default().to_owned();
            (k.clone(), dir.join("html").join(format!("{k}.html.gz")), body)
        })
        .collect();
    v.sort();
    v
}

fn readability(dir: &Path) -> Vec<(String, PathBuf, String)> {
    let mut v = Vec::new();
    let mut pages: Vec<_> = std::fs::read_dir(dir.join("test-pages"))
        .expect("test-pages")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    pages.sort();
    for p in pages {
        if let Ok(gold) = std::fs::read_to_string(p.join("expected.derived.txt")) {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            v.push((name, p.join("source.html"), gold));
        }
    }
    v
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let which = args.first().map_or("scrapinghub", String::as_str);
    let base = PathBuf::from(args.get(1).map_or("../shared/data/html", String::as_str));
    let docs = match which {
        "readability" => readability(&base.join("readability")),
        _ => scrapinghub(&base.join("scrapinghub")),
    };
    let limits = Limits::default();
    let mut scores = Vec::new();
    for (name, path, gold) in &docs {
        let bytes = std::fs::read(path).expect("read page");
        let body = match parse_bytes(path, &bytes, &limits) {
            Ok(l) => l.articles.into_iter().next().map(|a| a.body).unwrap_or_default(),
            Err(_) => String::new(),
        };
        let s = prf(&body, gold);
        scores.push((s, name.clone()));
    }
    let n = scores.len() as f64;
    let mean = |f: fn(&(f64, f64, f64)) -> f64| scores.iter().map(|(s, _)| f(s)).sum::<f64>() / n;
    println!("{which}: {} pages", scores.len());
    println!("mean precision {:.3}  recall {:.3}  F1 {:.3}", mean(|s| s.0), mean(|s| s.1), mean(|s| s.2));
    scores.sort_by(|a, b| a.0.2.total_cmp(&b.0.2));
    let median = scores.get(scores.len() / 2).map_or(0.0, |s| s.0.2);
    println!("median F1 {median:.3}; pages with F1 < 0.5: {}", scores.iter().filter(|s| s.0.2 < 0.5).count());
    println!("worst pages:");
    for ((p, r, f), name) in scores.iter().take(12) {
        println!("  F1 {f:.2}  P {p:.2}  R {r:.2}  {name}");
    }
}
