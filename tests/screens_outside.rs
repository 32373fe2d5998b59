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

/// A folder of dated stories, indexed, shown at that size with `settings`.
fn dated(dir: &std::path::Path, width: u16, height: u16, settings: Settings) -> Session {
    let stories = [
        ("a", "Morning briefing", "2024-03-24T09:05:00+00:00"),
        ("b", "Storm warning for the coast", "2024-03-23T18:00:00Z"),
        ("c", "Market report", "2024-03-20"),
        ("d", "Election results are in", "2024-01-05T07:00:00+01:00"),
        ("e", "An old archive piece", "2023-11-02T12:00:00+01:00"),
    ];
    for (file, title, date) in stories {
        let body = format!("{title}. The council met on Monday and the mayor spoke to the press.");
        let front = format!("title: {title}\ndate: {date}\nurl: https://news.example/{file}");
        std::fs::write(dir.join(format!("{file}.md")), format!("---\n{front}\n---\n{body}\n")).unwrap();
    }
    let mut store = Store::open_in_memory().unwrap();
    let source = Source::Paths(vec![dir.to_path_buf()]);
    index_source(&mut store, &source, &Limits::default(), &mut |_, _| {}).unwrap();
    Session::new(store, source.scopes(), width, height, settings).unwrap()
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
    session.dispatch(sunday_evening());
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
    let mut session = dated(dir.path(), 120, 16, settings(DateFormat::Iso));
    session.dispatch(sunday_evening());
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
