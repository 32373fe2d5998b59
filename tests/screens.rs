//! Screen snapshots: the app driven by scripted keys (the config's own key syntax), drawn on
//! ratatui's TestBackend at fixed sizes.

use byline::app::press;
use byline::config::{Config, keys::parse_script};
use byline::model::AppState;
use byline::ui::{self, Ctx, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

fn screen(state: &AppState, config: &Config) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(state.width, state.height)).unwrap();
    let theme = Theme::new(config.theme.clone(), config.no_color);
    terminal.draw(|f| ui::draw(f, &Ctx { state, theme: &theme, keymap: &config.keymap })).unwrap();
    terminal
}

fn app(width: u16, height: u16, keys: &str) -> (AppState, Config) {
    let config = Config::default();
    let (stories, skipped) = byline::samples::load();
    let mut state = AppState::new(stories, skipped, width, height);
    press(&mut state, &config, &parse_script(keys).unwrap());
    (state, config)
}

#[test]
fn sample_library_at_120x40() {
    let (state, config) = app(120, 40, "");
    insta::assert_snapshot!(screen(&state, &config).backend());
}

#[test]
fn reference_article_at_80x24() {
    let (state, config) = app(80, 24, "j enter");
    insta::assert_snapshot!(screen(&state, &config).backend());
}

#[test]
fn too_small_terminal_says_so() {
    let (state, config) = app(30, 8, "");
    insta::assert_snapshot!(screen(&state, &config).backend());
}

#[test]
fn help_is_generated_from_the_keymap() {
    let config =
        Config::parse("[keys]\nnext_story = [\"ctrl-n\"]\n", std::path::Path::new("c.toml")).unwrap();
    let (stories, skipped) = byline::samples::load();
    let mut state = AppState::new(stories, skipped, 100, 34);
    press(&mut state, &config, &parse_script("?").unwrap());
    let shown = screen(&state, &config).backend().to_string();
    assert!(shown.contains("C-n") && shown.contains("Next story"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn article_search_highlights_hits_and_counts_them() {
    let (state, config) = app(120, 40, "j enter / s e c u r i t a i r e enter");
    let terminal = screen(&state, &config);
    insta::assert_snapshot!(terminal.backend());
    // The current hit is drawn reversed, the others not.
    let buffer = terminal.backend().buffer();
    let reversed: String = buffer
        .content()
        .iter()
        .filter(|c| c.bg == Color::Yellow && c.modifier.contains(Modifier::REVERSED))
        .map(|c| c.symbol())
        .collect();
    assert_eq!(reversed, "sécuritaire");
    let hits = buffer.content().iter().filter(|c| c.bg == Color::Yellow).count();
    assert_eq!(hits, "sécuritaire".chars().count() * 2, "both hits are highlighted");
}

#[test]
fn list_filter_narrows_the_stories() {
    let (state, config) = app(120, 40, "/ E c o f i n enter");
    assert_eq!(state.list.visible.len(), 1);
    insta::assert_snapshot!(screen(&state, &config).backend());
}
