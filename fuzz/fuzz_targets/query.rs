#![no_main]
//! The query language (`/` in the reader, `byline list/search`, `[[queries]]`) on arbitrary
//! text: a query parses or its error points at a character of it, never a panic; what parses
//! splits into its words and the rest, and filters story rows.

use byline::library::StoryMeta;
use byline::library::filter::{Context, Found, matching_ids};
use byline::text::query::{SavedQuery, parse_with};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let saved = [SavedQuery { name: "s".into(), query: "tag:x OR \"a b\"".into() }];
    match parse_with(text, &saved) {
        Ok(expr) => {
            let stories = [StoryMeta {
                id: "a".into(),
                title: "Un titre".into(),
                date: Some("2024-03-01".into()),
                tags: vec!["x".into()],
                ..StoryMeta::default()
            }];
            let found = Found::default();
            let _ = matching_ids(&expr, &stories, Context { today: 19_800, found: &found });
            let _ = expr.split_text();
        }
        Err(e) => {
            assert!(e.at <= text.chars().count(), "the error points inside the query");
            let _ = e.marked(text);
        }
    }
});
