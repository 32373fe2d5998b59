//! Start-up benchmark: loads a folder given by path, then builds the state and draws the first
//! frame, and reports articles/s and time to first frame; then the cost of a keypress + redraw.
//!
//!     cargo bench --bench load -- ../shared/data/articles/bbc-en

use std::path::PathBuf;
use std::time::{Duration, Instant};

use byline::config::{Command, Config};
use byline::library::{self, Limits};
use byline::model::{Action, AppState, update};
use byline::ui::{self, Ctx, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    let Some(path) = std::env::args().skip(1).find(|a| !a.starts_with("--")).map(PathBuf::from) else {
        eprintln!("usage: cargo bench --bench load -- PATH (a folder of articles)");
        return;
    };
    let config = Config::default();
    let theme = Theme::new(config.theme.clone(), false);
    let start = Instant::now();
    let (stories, skipped) = library::load_paths(std::slice::from_ref(&path), &Limits::default());
    let loaded = start.elapsed();
    let count = stories.len();
    let mut state = AppState::new(stories, skipped, 120, 40);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    let draw = |terminal: &mut Terminal<TestBackend>, state: &AppState| {
        terminal.draw(|f| ui::draw(f, &Ctx { state, theme: &theme, keymap: &config.keymap })).expect("draw");
    };
    draw(&mut terminal, &state);
    let first_frame = start.elapsed();

    let presses = 2_000;
    let t = Instant::now();
    for i in 0..presses {
        let cmd = if i % 2 == 0 { Command::Down } else { Command::Up };
        update(&mut state, Action::Command(cmd));
        draw(&mut terminal, &state);
    }
    let per_key = t.elapsed() / presses;

    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!("path                 {}", path.display());
    println!("articles             {count} ({} skipped)", state.skipped.len());
    println!(
        "load                 {:.1} ms ({:.0} articles/s)",
        ms(loaded),
        count as f64 / loaded.as_secs_f64()
    );
    println!("time to first frame  {:.1} ms", ms(first_frame));
    println!("keypress + redraw    {:.3} ms (list j/k, 120x40)", ms(per_key));
}
