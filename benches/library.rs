//! Library scale benchmark (issue: store). Each phase runs as its own process so that its peak
//! memory (VmHWM) is its own. `scripts/bench-library.sh` runs them all; by hand:
//!
//!     cargo bench --bench library -- generate ../shared/data/articles/bbc-en /tmp/lib 100000
//!     cargo bench --bench library -- index /tmp/lib /tmp/lib.db
//!     cargo bench --bench library -- warm /tmp/lib /tmp/lib.db
//!     cargo bench --bench library -- search /tmp/lib.db
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and measuring code: a failure should stop it loudly

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use byline::config::Config;
use byline::library::Limits;
use byline::model::Settings;
use byline::service::index::index_source;
use byline::service::{Session, Source};
use byline::store::Store;
use byline::ui::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Writes `count` article files made from the source's .txt files, each made unique by a
/// numbered title so that no two share content.
fn generate(source: &Path, out: &Path, count: usize) {
    let mut inputs: Vec<Vec<u8>> =
        common::txt_files(source).iter().map(|p| std::fs::read(p).expect("read article")).collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no .txt files under {}", source.display());
    for i in 0..count {
        let dir = out.join(format!("{:03}", i / 1000));
        std::fs::create_dir_all(&dir).expect("mkdir");
        let text = &inputs[i % inputs.len()];
        let mut bytes = format!("Copy {i}: ").into_bytes();
        bytes.extend_from_slice(text);
        std::fs::write(dir.join(format!("{i}.txt")), bytes).expect("write");
    }
    println!("generated {count} articles in {}", out.display());
}

fn index(lib: &Path, db: &Path) {
    let mut store = Store::open(db).expect("open db");
    let start = Instant::now();
    let source = Source::Paths(vec![lib.to_path_buf()]);
    let report = index_source(&mut store, &source, &Limits::default(), &mut |_, _| {}).expect("index");
    let took = start.elapsed();
    let size = std::fs::metadata(db).map(|m| m.len()).unwrap_or(0)
        + std::fs::metadata(db.with_extension("db-wal")).map(|m| m.len()).unwrap_or(0);
    println!(
        "index: {} articles from {} files in {:.1} s = {:.0} articles/s (extraction included); unchanged {}",
        report.articles,
        report.files,
        took.as_secs_f64(),
        report.articles as f64 / took.as_secs_f64(),
        report.unchanged
    );
    println!("database size: {:.1} MB", size as f64 / 1e6);
    println!("index peak memory: {:.0} MB", common::peak_mb());
}

fn warm(lib: &Path, db: &Path) {
    {
        // Where the time goes: opening, listing.
        let t = Instant::now();
        let store = Store::open(db).expect("open db");
        let opened = t.elapsed();
        let scopes = Source::Paths(vec![lib.to_path_buf()]).scopes();
        let t = Instant::now();
        let n = store.stories_in(&scopes).expect("stories").len();
        println!("  (open {:.1} ms, list {n} stories {:.1} ms)", ms(opened), ms(t.elapsed()));
    }
    let start = Instant::now();
    let store = Store::open(db).expect("open db");
    let config = Config::default();
    let source = Source::Paths(vec![lib.to_path_buf()]);
    // As the app does: the extractor warms up on a thread, the list is drawn, then the first
    // story is read and analysed.
    let warm = std::thread::spawn(byline::service::analysis::warm_up);
    let (mut session, first) =
        Session::start(store, source.scopes(), 120, 40, Settings::default()).expect("session");
    let theme = Theme::new(config.theme.clone(), false);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
    common::draw(&mut terminal, &session, &config, &theme);
    let first_frame = start.elapsed();
    session.perform_all(first);
    common::draw(&mut terminal, &session, &config, &theme);
    let with_story = start.elapsed();
    let _ = warm.join();
    println!(
        "warm start to first frame: {:.1} ms (first {} stories listed); first story shown at {:.1} ms",
        ms(first_frame),
        session.state.list.stories.len(),
        ms(with_story)
    );
    let mut session = session;
    let t = Instant::now();
    session.reload();
    println!(
        "whole list read after the first frame (on a thread in the app): {:.1} ms, {} stories",
        ms(t.elapsed()),
        session.state.list.stories.len()
    );
    println!("warm start peak memory: {:.0} MB", common::peak_mb());
}

fn search(db: &Path) {
    let store = Store::open(db).expect("open db");
    let queries = [
        "government",
        "economy",
        "election",
        "\"prime minister\"",
        "football",
        "film",
        "oil price",
        "blair",
        "technolog*",
        "mobile phone",
        "champion",
        "court",
        "tax",
        "music",
        "growth",
        "labour party",
        "chelsea",
        "microsoft",
        "budget deficit",
        "securite",
    ];
    let mut times = Vec::new();
    let mut total_hits = 0;
    for round in 0..5 {
        for q in queries {
            let t = Instant::now();
            let hits = store.search(q, 200).expect("search");
            let took = t.elapsed();
            if round > 0 {
                times.push(took);
                total_hits += hits.len();
            }
        }
    }
    times.sort();
    let pct = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    println!(
        "search ({} queries, top 200, ranked, with snippets): median {:.1} ms, p95 {:.1} ms, max {:.1} ms; {} hits",
        times.len(),
        ms(pct(0.5)),
        ms(pct(0.95)),
        ms(pct(1.0)),
        total_hits
    );
    println!("search peak memory: {:.0} MB", common::peak_mb());
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let p = |i: usize| args.get(i).map(PathBuf::from);
    match args.first().map(String::as_str) {
        Some("generate") => {
            let (Some(src), Some(out)) = (p(1), p(2)) else { return usage() };
            generate(&src, &out, args.get(3).and_then(|n| n.parse().ok()).unwrap_or(100_000));
        }
        Some("index") => match (p(1), p(2)) {
            (Some(lib), Some(db)) => index(&lib, &db),
            _ => usage(),
        },
        Some("warm") => match (p(1), p(2)) {
            (Some(lib), Some(db)) => warm(&lib, &db),
            _ => usage(),
        },
        Some("search") => match p(1) {
            Some(db) => search(&db),
            None => usage(),
        },
        _ => usage(),
    }
}

fn usage() {
    eprintln!(
        "usage: cargo bench --bench library -- generate SRC OUT [N] | index LIB DB | warm LIB DB | search DB"
    );
}
