//! Resource limits: hostile or huge inputs load (or are refused) in bounded time and memory.
//! Each case runs in a child process so its peak memory (VmHWM) is its own.
//!
//!     cargo bench --bench limits
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and measuring code: a failure should stop it loudly

mod common;

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use byline::library::{Limits, load_file};

/// Writes the input of one case.
fn make(case: &str, path: &Path) {
    let para = include_str!("../assets/mali-russie-2022-11-21.txt").replace('\n', "\n\n");
    let data: Vec<u8> = match case {
        "article-50MB" => {
            let mut s = String::from("A fifty megabyte story\n\n");
            while s.len() < 50_000_000 {
                s.push_str(&para);
            }
            s.into_bytes()
        }
        "line-5MB" => {
            let line = para.replace('\n', " ");
            let mut s = String::new();
            while s.len() < 5_000_000 {
                s.push_str(&line);
            }
            s.into_bytes()
        }
        "feed-20000-items" => {
            let mut s =
                String::from("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big</title>");
            for i in 0..20_000 {
                let _ = write!(
                    s,
                    "<item><title>Item {i}</title><link>http://x/{i}</link><description>Texte {i} de la dépêche.</description></item>"
                );
            }
            s.push_str("</channel></rss>");
            s.into_bytes()
        }
        "html-100000-deep" => {
            let mut s = String::from("<html><body>");
            s.push_str(&"<div>".repeat(100_000));
            s.push_str("<p>Deep text of the page, a paragraph long enough to be the main text.</p>");
            s.push_str(&"</div>".repeat(100_000));
            s.push_str("</body></html>");
            s.into_bytes()
        }
        "json-1000000-deep" => {
            let mut s = "[".repeat(1_000_000);
            s.push_str(&"]".repeat(1_000_000));
            s.into_bytes()
        }
        _ => Vec::new(),
    };
    std::fs::write(path, data).expect("write case");
}

/// In the child: load, and when it loaded analyse the first article as opening it does
/// (`analysis::facts_for`, which analyses at most `MAX_ANALYSED_BYTES`), and report.
fn run_case(case: &str, path: &Path) {
    let t = Instant::now();
    let outcome = load_file(path, &Limits::default());
    let loaded = t.elapsed();
    let (what, extract_ms) = match &outcome {
        Ok(l) => {
            let t = Instant::now();
            let mentions: usize = l
                .articles
                .iter()
                .take(1)
                .map(|a| byline::service::analysis::facts_for(a, None).entities.len())
                .sum();
            (
                format!("loaded {} article(s); first has {mentions} entities", l.articles.len()),
                t.elapsed().as_secs_f64() * 1e3,
            )
        }
        Err(e) => (format!("refused: {}", e.reason()), 0.0),
    };
    println!(
        "{case:<18} load {:>8.0} ms  extract {:>8.0} ms  peak {:>6.0} MB  {what}",
        loaded.as_secs_f64() * 1e3,
        extract_ms,
        common::peak_mb()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--case") {
        let (Some(case), Some(path)) = (args.get(i + 1), args.get(i + 2)) else { return };
        run_case(case, Path::new(path));
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let exe = std::env::current_exe().expect("own path");
    for (case, ext) in [
        ("article-50MB", "txt"),
        ("line-5MB", "txt"),
        ("feed-20000-items", "xml"),
        ("html-100000-deep", "html"),
        ("json-1000000-deep", "json"),
    ] {
        let path = dir.path().join(format!("{case}.{ext}"));
        make(case, &path);
        let status = Command::new(&exe).arg("--case").arg(case).arg(&path).status().expect("run case");
        if !status.success() {
            println!("{case:<18} FAILED: {status}");
        }
    }
}
