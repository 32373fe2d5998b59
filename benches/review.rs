//! Review keypresses in a 10,000-story library: each key is handled (update, the store write
//! it causes, the next story read when the queue moves on) and the screen redrawn at 120×40.
//! Reports, per key, the median and the worst time. Self-contained: the library is the
//! bundled reference article copied 10,000 times (each copy's title numbered), indexed into a
//! fresh database; all but one story in a thousand are marked done, so that `}` past the end
//! of a story walks a thousand rows of the list to the next story to review.
//!
//!     cargo bench --bench review
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and measuring code: a failure should stop it loudly

mod common;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use byline::config::{Config, keys::parse_script};
use byline::library::Limits;
use byline::model::Settings;
use byline::service::index::index_source;
use byline::service::{Session, Source};
use byline::store::Store;
use byline::ui::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const STORIES: usize = 10_000;
/// One story in this many is left to review.
const EVERY: usize = 1_000;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let reference = include_str!("../assets/mali-russie-2022-11-21.txt");
    let dir = tempfile::tempdir().expect("temp dir");
    let lib = dir.path().join("lib");
    for i in 0..STORIES {
        let sub = lib.join(format!("{:02}", i / 1000));
        std::fs::create_dir_all(&sub).expect("mkdir");
        std::fs::write(sub.join(format!("{i}.txt")), format!("Copy {i}: {reference}")).expect("write");
    }
    let db = dir.path().join("byline.db");
    let source = Source::Paths(vec![lib]);
    let t = Instant::now();
    let mut store = Store::open(&db).expect("store");
    index_source(&mut store, &source, &Limits::default(), &mut |_, _| {}).expect("index");
    println!("indexed {STORIES} stories in {:.1} s", t.elapsed().as_secs_f64());
    let stories = store.stories_in(&source.scopes()).expect("stories");
    for (i, meta) in stories.iter().enumerate() {
        if i % EVERY != EVERY - 1 {
            store.set_review_done(&meta.id, true).expect("done");
        }
    }
    drop(store);

    let config = Config::default();
    let theme = Theme::new(config.theme.clone(), false);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
    let t = Instant::now();
    let store = Store::open(&db).expect("store");
    let listed = store.stories_in(&source.scopes()).expect("stories");
    println!(
        "the list with each story's review state: {} stories in {:.1} ms",
        listed.len(),
        ms(t.elapsed())
    );
    let mut session = Session::new(store, source.scopes(), 120, 40, Settings::default()).expect("session");
    session.reload();
    common::draw(&mut terminal, &session, &config, &theme);

    // From the first story (done): on to the next one to review, judge there, mark it done,
    // undo and redo that, on to the next; the review filter's cycle over the whole list.
    let round = "} } a } x } a { D u ctrl-r } } a D R R R R R";
    let mut per_key: BTreeMap<String, Vec<Duration>> = BTreeMap::new();
    let mut across = Vec::new();
    for _ in 0..8 {
        for key in round.split_whitespace() {
            let chords = parse_script(key).expect("key");
            let before = session.state.list.selected;
            let t = Instant::now();
            session.press(&config, &chords);
            common::draw(&mut terminal, &session, &config, &theme);
            let took = t.elapsed();
            if session.state.list.selected != before && key == "}" {
                across.push(took);
            } else {
                per_key.entry(key.to_string()).or_default().push(took);
            }
        }
    }
    let stats = |v: &mut Vec<Duration>| {
        v.sort();
        (ms(v[v.len() / 2]), ms(*v.last().unwrap_or(&Duration::ZERO)), v.len())
    };
    println!("key (120x40, handled and redrawn)      median     worst   presses");
    if !across.is_empty() {
        let (median, worst, n) = stats(&mut across);
        println!("}} to the next story to review      {median:8.2} ms {worst:8.2} ms {n:6}");
    }
    for (key, mut times) in per_key {
        let (median, worst, n) = stats(&mut times);
        println!("{key:<34} {median:8.2} ms {worst:8.2} ms {n:6}");
    }
    let open = session.state.open.as_ref().expect("a story is open");
    println!(
        "at the end: story {} of {}, {}/{} judged in it",
        session.state.list.selected + 1,
        session.state.list.rows.len(),
        open.progress.judged,
        open.progress.total()
    );
}
