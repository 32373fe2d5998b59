//! Screen snapshots for reading outside the reader's own panes: dates shown relative to a fixed
//! "now", the layout at 80×24, and what the mouse does.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failure should stop it loudly

use byline::config::{Config, keys::parse_script};
use byline::library::Limits;
use byline::model::{Action, Effect, Settings};
use byline::service::index::index_source;
use byline::service::{Session, Source};
use byline::store::Store;
use byline::text::dates::{DateFormat, Dates};
use byline::ui::{self, Ctx, Theme};
use chrono::DateTime;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(session: &Session, config: &Config) -> String {
    let state = &session.state;
    let mut terminal = Terminal::new(TestBackend::new(state.width, state.height)).unwrap();
    let theme = Theme::new(config.theme.clone(), config.no_color);
    let ctx = Ctx { state, theme: &theme, keymap: &config.keymap, config_labels: &config.labels };
    terminal.draw(|f| ui::draw(f, &ctx)).unwrap();
    terminal.backend().to_string()
}

/// The screen with the temporary folder's name written as "DIR" (padded to its width).
fn without(shown: &str, dir: &std::path::Path) -> String {
    let dir = dir.display().to_string();
    shown.replace(&dir, &format!("{:<1$}", "DIR", dir.chars().count()))
}

/// A folder of dated stories, indexed, shown at that size with `settings`, on Sunday evening
/// 24 March 2024.
fn dated(dir: &std::path::Path, width: u16, height: u16, settings: Settings) -> Session {
    let stories = [
        ("a", "Morning briefing", "2024-03-24T09:05:00+00:00"),
        ("b", "Storm warning for the coast", "2024-03-23T18:00:00Z"),
        ("c", "Market report", "2024-03-20"),
        ("d", "Election results are in", "2024-01-05T07:00:00+01:00"),
        ("e", "An old archive piece", "2023-11-02T12:00:00+01:00"),
    ];
    for (i, (file, title, date)) in stories.into_iter().enumerate() {
        // Of lengths that differ, so that a search ranks them in one order.
        let body = format!(
            "{title}. The council met on Monday. After a long debate on the harbour, the roads and the \
             schools of the town, the mayor spoke to the press about the budget for the coming year.{}",
            " It rained.".repeat(i)
        );
        let front = format!("title: {title}\ndate: {date}\nurl: https://news.example/{file}");
        std::fs::write(dir.join(format!("{file}.md")), format!("---\n{front}\n---\n{body}\n")).unwrap();
    }
    let mut store = Store::open_in_memory().unwrap();
    let source = Source::Paths(vec![dir.to_path_buf()]);
    index_source(&mut store, &source, &Limits::default(), &mut |_, _| {}).unwrap();
    let mut session = Session::new(store, source.scopes(), width, height, settings).unwrap();
    session.dispatch(sunday_evening());
    session
}

/// 20:30 UTC on Sunday 24 March 2024 (the tests' zone is UTC).
fn sunday_evening() -> Action {
    Action::Now(DateTime::parse_from_rfc3339("2024-03-24T20:30:00+00:00").unwrap())
}

#[test]
fn dates_in_the_list_and_header_are_relative_to_now() {
    let dir = tempfile::tempdir().unwrap();
    let config = Config::default();
    let mut session = dated(dir.path(), 120, 16, Settings::default());
    let shown = without(&screen(&session, &config), dir.path());
    insta::assert_snapshot!(shown);
    for date in ["09:05", "yesterday", "Wed", "5 Jan", "2 Nov 2023", "today 09:05"] {
        assert!(shown.contains(date), "{date} missing:\n{shown}");
    }
    // The day turns: the header follows without the story being reopened.
    session.dispatch(Action::Now(DateTime::parse_from_rfc3339("2024-03-25T08:00:00+00:00").unwrap()));
    assert!(session.state.reader.meta.starts_with("yesterday 09:05 · "), "{}", session.state.reader.meta);
}

#[test]
fn dates_as_iso_or_a_pattern() {
    let dir = tempfile::tempdir().unwrap();
    let config = Config::default();
    let settings = |format| Settings { dates: Dates { format, ..Dates::default() }, ..Settings::default() };
    let session = dated(dir.path(), 120, 16, settings(DateFormat::Iso));
    assert!(session.state.reader.meta.starts_with("2024-03-24 09:05 · "), "{}", session.state.reader.meta);
    let shown = screen(&session, &config);
    assert!(shown.contains("│●Election result… 2024-01-05│"), "{shown}");
    let pattern = DateFormat::parse("%d/%m/%y").unwrap();
    let session = dated(dir.path(), 120, 16, settings(pattern));
    let shown = screen(&session, &config);
    assert!(shown.contains(" 02/11/23│"), "{shown}");
}

#[test]
fn y_copies_the_url_or_the_selection_for_the_terminal_to_carry() {
    let dir = tempfile::tempdir().unwrap();
    let config = Config::default();
    let mut session = dated(dir.path(), 120, 16, Settings::default());
    session.press(&config, &parse_script("y").unwrap());
    assert_eq!(
        session.take_outside(),
        vec![Effect::Copy("https://news.example/a".into())],
        "{:?}",
        session.state.message
    );
    assert_eq!(session.state.message.as_deref(), Some("copied the URL https://news.example/a"));
    // A selection: its text, and the selection ends.
    session.press(&config, &parse_script("enter v w w y").unwrap());
    assert_eq!(session.take_outside(), vec![Effect::Copy("Morning briefing. The".into())]);
    assert_eq!(session.state.message.as_deref(), Some("copied «Morning briefing. The»"));
    assert!(session.state.selection.is_none());
    let shown = screen(&session, &config);
    assert!(shown.contains("copied «Morning briefing. The»"), "{shown}");
    // o asks the loop to open the address (the loop runs the browser).
    session.press(&config, &parse_script("o").unwrap());
    assert_eq!(session.take_outside(), vec![Effect::OpenUrl("https://news.example/a".into())]);
}

#[test]
fn reading_at_80x24_names_the_key_that_shows_the_facts() {
    let config = Config::default();
    let mut store = Store::open_in_memory().unwrap();
    index_source(&mut store, &Source::Bundled, &Limits::default(), &mut |_, _| {}).unwrap();
    let mut session = Session::new(store, Source::Bundled.scopes(), 80, 24, Settings::default()).unwrap();
    session.press(&config, &parse_script("j enter").unwrap());
    let reading = screen(&session, &config);
    assert!(reading.contains("─ i facts ┐"), "{reading}");
    insta::assert_snapshot!("reading_at_80x24", reading);
    // The key shows the facts in the list's place, and again gives the list back.
    session.press(&config, &parse_script("i").unwrap());
    let facts = screen(&session, &config);
    assert!(
        facts.contains("┌ Facts") && !facts.contains("┌ Stories") && !facts.contains("i facts"),
        "{facts}"
    );
    assert!(facts.contains("Daoud Aly Mohammedine"), "{facts}");
    insta::assert_snapshot!("facts_at_80x24", facts);
    session.press(&config, &parse_script("i").unwrap());
    assert_eq!(screen(&session, &config), reading);
    // A rebound key is the one named.
    let config = Config::parse("[keys]\ntoggle_side = [\"F2\"]\n", std::path::Path::new("c.toml")).unwrap();
    assert!(screen(&session, &config).contains("─ F2 facts ┐"));
}

#[test]
fn a_search_at_80x24_shows_titles_and_the_words_found() {
    let dir = tempfile::tempdir().unwrap();
    let config = Config::default();
    let mut session = dated(dir.path(), 80, 24, Settings::default());
    session.press(&config, &parse_script("/ p r e s s enter").unwrap());
    let shown = without(&screen(&session, &config), dir.path());
    insta::assert_snapshot!(shown);
    // The focused list has half the width: whole titles, and each snippet shows the word found.
    assert!(shown.contains("│●Storm warning for the coast yesterday│"), "{shown}");
    // The snippet is cut before the word found, so that it shows near the start.
    assert_eq!(shown.matches("│  …spoke to the press about").count(), 5, "{shown}");
}
