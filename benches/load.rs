//! Start-up benchmark: loads a folder given by path and reports articles/s (parsing alone, and
//! indexing with extraction into a fresh database), time to first frame cold and warm, and the
//! cost of a keypress with its redraw.
//!
//!     cargo bench --bench load -- ../shared/data/articles/bbc-en
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and measuring code: a failure should stop it loudly

mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use byline::command::Command;
use byline::config::Config;
use byline::library::{self, Limits};
use byline::model::{Action, Settings};
use byline::service::index::index_source;
use byline::service::{Session, Source};
use byline::store::Store;
use byline::ui::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let Some(path) = std::env::args().skip(1).find(|a| !a.starts_with("--")).map(PathBuf::from) else {
        eprintln!("usage: cargo bench --bench load -- PATH (a folder of articles)");
        return;
    };
    let config = Config::default();
    let theme = Theme::new(config.theme.clone(), false);
    let source = Source::Paths(vec![path.clone()]);

    let start = Instant::now();
    let (articles, skipped) = library::load_paths(std::slice::from_ref(&path), &Limits::default());
    let parsed = start.elapsed();

    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("byline.db");
    // Cold: an empty database; the first frame comes before indexing (which runs on a thread
    // in the app).
    let start = Instant::now();
    let store = Store::open(&db).expect("open db");
    let session = Session::new(store, source.scopes(), 120, 40, Settings::default()).expect("session");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
    common::draw(&mut terminal, &session, &config, &theme);
    let cold_frame = start.elapsed();

    let mut store = Store::open(&db).expect("open db");
    let start = Instant::now();
    let report = index_source(&mut store, &source, &Limits::default(), &mut |_, _| {}).expect("index");
    let indexed = start.elapsed();
    drop(store);

    let start = Instant::now();
    let store = Store::open(&db).expect("open db");
    let mut session = Session::new(store, source.scopes(), 120, 40, Settings::default()).expect("session");
    common::draw(&mut terminal, &session, &config, &theme);
    let warm_frame = start.elapsed();

    let presses = 1_000;
    let t = Instant::now();
    for i in 0..presses {
        let cmd = if i % 2 == 0 { Command::Down } else { Command::Up };
        session.dispatch(Action::Command(cmd));
        common::draw(&mut terminal, &session, &config, &theme);
    }
    let per_key = t.elapsed() / presses;

    let n = articles.len();
    println!("path                       {}", path.display());
    println!("articles                   {n} ({} skipped)", skipped.len());
    println!(
        "parse only                 {:.0} ms = {:.0} articles/s",
        ms(parsed),
        n as f64 / parsed.as_secs_f64()
    );
    println!(
        "index (parse + extract + store) {:.0} ms = {:.0} articles/s",
        ms(indexed),
        report.articles as f64 / indexed.as_secs_f64()
    );
    println!("first frame, cold start    {:.1} ms (list fills in as indexing proceeds)", ms(cold_frame));
    println!(
        "first frame, warm start    {:.1} ms ({} stories)",
        ms(warm_frame),
        session.state.list.stories.len()
    );
    println!("keypress + redraw          {:.3} ms (list j/k: loads the story, 120x40)", ms(per_key));
}
