//! The read path on a library already indexed (issue 20 point 2), in-process: the first frame,
//! the whole list, library search over a query set (median and p95), a filtered list, the
//! entity page and `r`, and the resident memory after all that. `scripts/scale.py` runs it on
//! the libraries it builds (10k, 100k, 1M stories) and prints the curve.
//!
//!     cargo bench --bench scale -- DATA_DIR [QUERY...] [--since DAYS] [--entity NAME] [--json]
//!
//! DATA_DIR holds `byline.db` (a `BYLINE_DATA_DIR`). Without queries, a set of very common words,
//! rarer ones and phrases is used.
#![allow(clippy::unwrap_used, clippy::expect_used)] // measuring code: a failure should stop it loudly

mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use byline::command::Command;
use byline::config::Config;
use byline::library::filter::{Context, Found, matches, with_days};
use byline::model::list::ENTITY_SHOWN;
use byline::model::{Action, Effect, Settings};
use byline::service::Session;
use byline::service::entity::{Lookup, profile, related_newest, related_stories};
use byline::store::Store;
use byline::text::query::parse;
use byline::ui::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const QUERIES: &[&str] = &[
    "government",
    "said",
    "the",
    "minister",
    "Yukos",
    "broadband",
    "Eurovision",
    "\"prime minister\"",
    "\"chancellor gordon brown\"",
    "economy growth",
];

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn rss_mb() -> f64 {
    common::status_mb("VmRSS:")
}

/// CPU time this thread has run, in ms (the wall time of a busy machine is mostly waiting).
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    stat.split_whitespace().next().and_then(|ns| ns.parse::<f64>().ok()).unwrap_or(0.0) / 1e6
}

/// The `q`-quantile of sorted timings.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: cargo bench --bench scale -- DATA_DIR [QUERY...] [--since DAYS] [--entity NAME]");
        return;
    };
    let (mut queries, mut since, mut entity, mut json) = (Vec::new(), None, "Tony Blair".to_string(), false);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--since" => since = args.next(),
            "--entity" => entity = args.next().expect("a name"),
            "--json" => json = true,
            _ => queries.push(a),
        }
    }
    if queries.is_empty() {
        queries = QUERIES.iter().map(|q| q.to_string()).collect();
    }
    let db = dir.join("byline.db");
    let config = Config::default();
    let theme = Theme::new(config.theme.clone(), false);
    let mut out: Vec<(String, f64)> = Vec::new();

    // The first frame: the first page of the list, drawn.
    let t = Instant::now();
    let store = Store::open(&db).expect("open");
    out.push(("open_ms".into(), ms(t.elapsed())));
    let t1 = Instant::now();
    store.stories_page(&[], Some(byline::service::session::FIRST_PAGE)).expect("page");
    out.push(("first_page_ms".into(), ms(t1.elapsed())));
    let mut session = Session::new(store, Vec::new(), 120, 40, Settings::default()).expect("session");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
    common::draw(&mut terminal, &session, &config, &theme);
    out.push(("first_frame_ms".into(), ms(t.elapsed())));
    out.push(("rss_first_frame_mb".into(), rss_mb()));

    // The whole list, as the reader completes it after the first frame: read (on a thread in
    // the reader), then taken in by the state (on the thread that draws).
    let t = Instant::now();
    let whole = session.store.story_list(&session.scopes).expect("list");
    out.push(("full_list_read_ms".into(), ms(t.elapsed())));
    let t1 = Instant::now();
    session.dispatch(Action::StoriesLoaded(Box::new(whole)));
    common::draw(&mut terminal, &session, &config, &theme);
    out.push(("full_list_taken_ms".into(), ms(t1.elapsed())));
    out.push(("full_list_ms".into(), ms(t.elapsed())));
    let stories = session.state.list.stories.len();
    out.push(("stories".into(), stories as f64));
    // The feeds view's counts over the whole list (opened, then closed).
    let t = Instant::now();
    session.dispatch(Action::Command(Command::FeedsView));
    common::draw(&mut terminal, &session, &config, &theme);
    out.push(("feeds_view_ms".into(), ms(t.elapsed())));
    session.dispatch(Action::Command(Command::Back));
    out.push(("rss_after_list_mb".into(), rss_mb()));

    // Library search as the search box runs it (500 hits at most, snippets for the rows shown
    // and the page below), then drawn.
    let (mut all, mut all_cpu) = (Vec::new(), Vec::new());
    for q in &queries {
        let (mut times, mut cpu) = (Vec::new(), Vec::new());
        let mut found = 0;
        for _ in 0..5 {
            let (t, c) = (Instant::now(), cpu_ms());
            session.perform_all(vec![Effect::Search { query: q.clone() }]);
            common::draw(&mut terminal, &session, &config, &theme);
            times.push(ms(t.elapsed()));
            cpu.push(cpu_ms() - c);
            found = session.state.list.rows.len();
        }
        times.sort_by(f64::total_cmp);
        cpu.sort_by(f64::total_cmp);
        if !json {
            println!(
                "search {q:<28} {found:>4} shown  median {:7.1} ms (cpu {:6.1})  max {:7.1} ms",
                times[2], cpu[2], times[4]
            );
        }
        all.extend(times);
        all_cpu.extend(cpu);
    }
    all.sort_by(f64::total_cmp);
    all_cpu.sort_by(f64::total_cmp);
    out.push(("search_median_ms".into(), quantile(&all, 0.5)));
    out.push(("search_p95_ms".into(), quantile(&all, 0.95)));
    out.push(("search_cpu_median_ms".into(), quantile(&all_cpu, 0.5)));
    out.push(("search_cpu_p95_ms".into(), quantile(&all_cpu, 0.95)));
    out.push(("rss_after_search_mb".into(), rss_mb()));

    // A filtered list of about a tenth of the library (the newest stories, by date).
    let days = since.unwrap_or_else(|| (stories / 10 / 24).max(1).to_string());
    let text = format!("since:{days}d");
    let mut times = Vec::new();
    for _ in 0..5 {
        session.perform_all(vec![Effect::Search { query: "Yukos".into() }]);
        let expr = parse(&text).expect("query");
        let t = Instant::now();
        session.perform_all(vec![Effect::Query { text: text.clone(), expr }]);
        common::draw(&mut terminal, &session, &config, &theme);
        times.push(ms(t.elapsed()));
    }
    times.sort_by(f64::total_cmp);
    out.push(("filtered_rows".into(), session.state.list.rows.len() as f64));
    out.push(("filtered_list_ms".into(), times[2]));
    // The filter alone over the whole list: its relative date worked out for every story (as
    // before `with_days`) or once for the query.
    let today = byline::service::query::today();
    let expr = parse(&text).expect("query");
    let found = Found::default();
    let ctx = Context { today, found: &found };
    let list = &session.state.list.stories;
    for (name, expr) in [("filter_each_story_ms", expr.clone()), ("filter_once_ms", with_days(expr, today))] {
        let (best, _) = (0..5)
            .map(|_| {
                let t = Instant::now();
                let n = list.iter().filter(|m| matches(&expr, m, ctx)).count();
                (ms(t.elapsed()), n)
            })
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .expect("runs");
        out.push((name.into(), best));
    }

    // The entity page (first open, then again) and `r`.
    let t = Instant::now();
    let found = profile(&mut session.store, &entity).expect("profile");
    out.push(("entity_page_first_ms".into(), ms(t.elapsed())));
    let t = Instant::now();
    profile(&mut session.store, &entity).expect("profile");
    out.push(("entity_page_ms".into(), ms(t.elapsed())));
    let story_count = match found {
        Lookup::Found(p) => p.story_count,
        _ => 0,
    };
    out.push(("entity_stories".into(), story_count as f64));
    // `r` as the reader asks it (the newest, one more than listed), then every story (the
    // `entity:` query term).
    let t = Instant::now();
    related_newest(&session.store, &entity, ENTITY_SHOWN + 1).expect("related");
    out.push(("entity_r_ms".into(), ms(t.elapsed())));
    let t = Instant::now();
    related_stories(&session.store, &entity).expect("related");
    out.push(("entity_all_stories_ms".into(), ms(t.elapsed())));
    out.push(("rss_end_mb".into(), rss_mb()));

    if json {
        let fields: Vec<String> = out.iter().map(|(k, v)| format!("\"{k}\": {v:.3}")).collect();
        println!("{{{}}}", fields.join(", "));
    } else {
        for (k, v) in &out {
            println!("{k:<24} {v:10.1}");
        }
    }
}
