//! Property tests (stable Rust, proptest): whatever the input, byline answers with an article
//! or an error, draws any size, and keeps `update()` total; undo after an edit restores the
//! annotations as they were.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and measuring code: a failure should stop it loudly

use std::path::Path;

use byline::annotate::Edit;
use byline::command::Command;
use byline::config::Config;
use byline::library::{Limits, parse_bytes};
use byline::model::{Action, Settings};
use byline::service::index::index_source;
use byline::service::{Session, Source};
use byline::store::Store;
use byline::ui::{self, Ctx, Theme};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const EXTENSIONS: [&str; 11] =
    ["txt", "md", "json", "jsonl", "html", "xml", "rss", "atom", "rdf", "gz", "bin"];

fn session() -> Session {
    let mut store = Store::open_in_memory().unwrap();
    index_source(&mut store, &Source::Bundled, &Limits::default(), &mut |_, _| {}).unwrap();
    Session::new(store, Source::Bundled.scopes(), 120, 40, Settings::default()).unwrap()
}

fn draw(session: &Session, config: &Config, w: u16, h: u16) {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let theme = Theme::new(config.theme.clone(), false);
    let state = &session.state;
    terminal
        .draw(|f| {
            ui::draw(f, &Ctx { state, theme: &theme, keymap: &config.keymap, config_labels: &config.labels })
        })
        .unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_give_an_article_or_an_error(bytes in proptest::collection::vec(any::<u8>(), 0..2048), ext in 0..EXTENSIONS.len()) {
        let name = format!("input.{}", EXTENSIONS[ext]);
        if let Ok(loaded) = parse_bytes(Path::new(&name), &bytes, &Limits::default()) {
            for a in loaded.articles {
                let clean = !a.body.chars().any(|c| c.is_control() && c != '\n');
                prop_assert!(clean, "control characters reached the body");
            }
        }
    }

    #[test]
    fn text_like_input_never_panics(text in "\\PC{0,400}", ext in 0..EXTENSIONS.len()) {
        let name = format!("input.{}", EXTENSIONS[ext]);
        let _ = parse_bytes(Path::new(&name), text.as_bytes(), &Limits::default());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn any_actions_at_any_size_keep_the_state_valid(
        script in proptest::collection::vec((0..Command::ALL.len(), any::<char>()), 0..60),
        sizes in proptest::collection::vec((1u16..=400, 1u16..=120), 1..4),
    ) {
        let config = Config::default();
        let mut s = session();
        for (w, h) in sizes {
            s.dispatch(Action::Resize(w, h));
            for &(i, c) in &script {
                let cmd = Command::ALL[i];
                if matches!(cmd, Command::Quit) {
                    continue;
                }
                s.dispatch(Action::Command(cmd));
                if s.state.prompt.is_some() {
                    s.dispatch(Action::PromptChar(c));
                }
                s.dispatch(Action::ApplyLabel("ORG".into()));
            }
            draw(&s, &config, w, h);
            let list = &s.state.list;
            prop_assert!(list.rows.is_empty() || list.selected < list.rows.len());
            prop_assert!(s.state.reader.scroll <= s.state.reader.max_scroll());
        }
    }

    #[test]
    fn undo_after_an_edit_restores_the_annotations(
        edits in proptest::collection::vec((0usize..300, 1usize..30, 0usize..5), 1..8),
    ) {
        let mut store = Store::open_in_memory().unwrap();
        let text = include_str!("../assets/mali-russie-2022-11-21.txt");
        let labels = ["PER", "ORG", "LOC", "MISC", "DATE"];
        for (at, len, label) in edits {
            let start = (0..=at.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            let end = (start + len).min(text.len());
            let end = (end..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
            prop_assume!(end > start);
            let before = store.annotations("a").unwrap().annotations;
            let a = byline::annotate::Annotation::new(text, start, end, labels[label], byline::annotate::Status::Accepted, "user");
            // One decision per span and label: the same one again changes nothing and logs
            // nothing to undo.
            let again = before.iter().any(|b| b.start == a.start && b.end == a.end && b.label == a.label);
            let after = store.edit("a", "h", Edit::Add(a)).unwrap().annotations;
            if again {
                prop_assert_eq!(&after, &before);
                continue;
            }
            prop_assert_eq!(after.len(), before.len() + 1);
            prop_assert!(store.undo("a", "h").unwrap().is_some());
            prop_assert_eq!(store.annotations("a").unwrap().annotations, before);
            prop_assert!(store.redo("a", "h").unwrap().is_some());
            prop_assert_eq!(store.annotations("a").unwrap().annotations, after);
        }
    }
}
