//! Annotation keypress cost on a 50,000-word article: each key is handled (update, the store
//! write it causes, the re-merge of annotations) and the screen redrawn at 120×40. Reports the
//! mean and worst time per key. Self-contained: the article is the bundled reference article
//! repeated.
//!
//!     cargo bench --bench annotate
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and measuring code: a failure should stop it loudly

use std::time::{Duration, Instant};

use byline::config::{Config, keys::parse_script};
use byline::library::Limits;
use byline::model::Settings;
use byline::service::index::index_source;
use byline::service::{Session, Source};
use byline::store::Store;
use byline::ui::{self, Ctx, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    let reference = include_str!("../assets/mali-russie-2022-11-21.txt");
    let words_each = reference.split_whitespace().count();
    let copies = 50_000usize.div_ceil(words_each);
    let body: Vec<&str> = std::iter::repeat_n(reference.trim(), copies).collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("long.txt");
    std::fs::write(&file, format!("A very long story\n\n{}", body.join("\n"))).expect("write");

    let config = Config::default();
    let mut store = Store::open(&dir.path().join("b.db")).expect("store");
    let source = Source::Paths(vec![file]);
    index_source(&mut store, &source, &Limits::default(), &mut |_, _| {}).expect("index");
    let t = Instant::now();
    let mut session = Session::new(store, source.scopes(), 120, 40, Settings::default()).expect("session");
    let open = session.state.open.as_ref().expect("the story is open");
    println!(
        "article: {} words, {} entity mentions; opened in {:.0} ms",
        open.article.word_count(),
        open.marks.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    let theme = Theme::new(config.theme.clone(), false);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");

    let script = "enter G g ] ] a ] x ] c 3 u ctrl-r v w w e 2 u ctrl-r ] = W a g enter b l h";
    let mut per_key: Vec<(String, Duration)> = Vec::new();
    for round in 0..5 {
        for key in script.split_whitespace() {
            let chords = parse_script(key).expect("key");
            let t = Instant::now();
            session.press(&config, &chords);
            let state = &session.state;
            terminal
                .draw(|f| {
                    ui::draw(
                        f,
                        &Ctx { state, theme: &theme, keymap: &config.keymap, config_labels: &config.labels },
                    )
                })
                .expect("draw");
            if round > 0 {
                per_key.push((key.to_string(), t.elapsed()));
            }
        }
    }
    let total: Duration = per_key.iter().map(|(_, d)| *d).sum();
    let (worst_key, worst) = per_key.iter().max_by_key(|(_, d)| *d).cloned().unwrap_or_default();
    println!(
        "{} keypresses with redraw: mean {:.2} ms, worst {:.2} ms (`{worst_key}`)",
        per_key.len(),
        total.as_secs_f64() * 1e3 / per_key.len() as f64,
        worst.as_secs_f64() * 1e3
    );
    let annotations = session.state.open.as_ref().map_or(0, |o| o.annotations.len());
    println!("annotations at the end: {annotations}");
}
