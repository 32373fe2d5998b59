//! The scriptable commands, run as a user would run them.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and measuring code: a failure should stop it loudly

#[path = "support/command_line.rs"]
mod command_line;
use command_line::byline;

use std::process::Output;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn list_prints_id_date_source_title_for_the_samples() {
    let dir = tempfile::tempdir().unwrap();
    let out = byline(&["list"], dir.path());
    assert!(out.status.success());
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    for line in &lines {
        assert_eq!(line.split('\t').count(), 4, "{line:?}");
    }
    assert!(lines.iter().any(|l| l.ends_with("\tWelcome to byline")), "{text}");
}

#[test]
fn show_plain_prints_header_blank_line_then_body() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.txt");
    std::fs::write(&file, "A headline\n\nFirst paragraph.\nSecond paragraph.\n").unwrap();
    let out = byline(&["show", file.to_str().unwrap(), "--plain"], dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    assert!(text.starts_with("A headline\n"), "{text}");
    let (_, body) = text.split_once("\n\n").unwrap();
    assert_eq!(body, "First paragraph.\n\nSecond paragraph.\n");
}

#[test]
fn show_by_id_opens_what_list_printed() {
    let dir = tempfile::tempdir().unwrap();
    let list = stdout(&byline(&["list"], dir.path()));
    let line = list.lines().find(|l| l.ends_with("\tWelcome to byline")).expect("welcome listed");
    let id = line.split('\t').next().unwrap();
    let out = byline(&["show", id, "--plain"], dir.path());
    assert!(out.status.success());
    assert!(stdout(&out).starts_with("Welcome to byline\n"));
}

#[test]
fn show_unknown_id_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = byline(&["show", "no-such-id"], dir.path());
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no article with id \"no-such-id\""), "{err}");
}

#[test]
fn a_bad_config_is_reported_with_file_line_and_key_before_anything_else() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.toml"), "[library]\npaths = []\n\n[theme]\nper = \"blurple\"\n")
        .unwrap();
    let out = byline(&[], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("config.toml, line 5, key `theme.per`"), "{err}");
    assert!(out.stdout.is_empty(), "the terminal was not touched");
}

#[test]
fn configured_library_paths_are_used() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("news")).unwrap();
    std::fs::write(dir.path().join("news/a.txt"), "Local story\n\nBody.\n").unwrap();
    std::fs::write(dir.path().join("config.toml"), "[library]\npaths = [\"news\"]\n").unwrap();
    let text = stdout(&byline(&["list"], dir.path()));
    assert!(text.trim_end().ends_with("\tLocal story"), "{text}");
    assert_eq!(text.lines().count(), 1);
}

#[test]
fn help_and_version() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&["--help"][..], &["list", "--help"], &["show", "--help"], &["--version"]] {
        let out = byline(args, dir.path());
        assert!(out.status.success(), "{args:?}");
        assert!(!out.stdout.is_empty());
    }
}

#[test]
fn only_http_and_https_urls_are_ever_opened() {
    for bad in ["file:///etc/passwd", "javascript:alert(1)", "ftp://x", "https://x\n; rm -rf /", "-h", ""] {
        assert!(byline::service::effects::web_address(bad).is_err(), "{bad:?} must be refused");
    }
}

#[test]
fn review_prints_each_story_s_progress_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let out = byline(&["review"], dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 2, "{text}");
    for line in text.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 4, "{line:?}");
        assert_eq!(fields[0], "not started");
        let (judged, total) = fields[1].split_once('/').unwrap();
        assert_eq!(judged, "0");
        assert!(total.parse::<usize>().unwrap() > 0, "{line}");
    }
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("2 stories: 0 done, 0 in progress, 2 not started"), "{summary}");

    let out = byline(&["review", "--json"], dir.path());
    let records: Vec<serde_json::Value> =
        stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(records.len(), 2);
    for r in &records {
        assert_eq!(r["state"], "not started");
        assert_eq!(r["judged"], 0);
        assert_eq!(r["total"], r["unjudged"]);
        assert_eq!(r["complete"], false);
    }
}

/// A speaker the user set in the reader is what `facts --json` gives, with its origin; it is
/// not exported as an entity span.
#[test]
fn facts_json_gives_the_speaker_the_user_set() {
    use byline::annotate::corrections::SPEAKER;
    use byline::annotate::{Annotation, Edit, Status};
    let dir = tempfile::tempdir().unwrap();
    let list = stdout(&byline(&["list"], dir.path()));
    let id = list.lines().find(|l| !l.ends_with("Welcome to byline")).unwrap().split('\t').next().unwrap();
    {
        let mut store = byline::store::Store::open(&dir.path().join("data/byline.db")).unwrap();
        let source = byline::service::Source::Bundled;
        byline::service::index::index_source(&mut store, &source, &Default::default(), &mut |_, _| {})
            .unwrap();
        let story = byline::service::story::load_story(&mut store, id).unwrap().unwrap();
        let q = story.facts.quotes.last().unwrap();
        let mut a = Annotation::new(&story.article.body, q.start, q.end, SPEAKER, Status::Accepted, "user");
        a.entity = Some("Daoud Aly Mohammedine".into());
        store.edit(id, &story.content_hash, Edit::Add(a)).unwrap();
    }
    let out = byline(&["facts", id, "--json"], dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let facts: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    let quotes = facts["quotes"].as_array().unwrap();
    let last = quotes.last().unwrap();
    assert_eq!(
        (last["speaker"].as_str(), last["speaker_origin"].as_str()),
        (Some("Daoud Aly Mohammedine"), Some("user"))
    );
    assert!(quotes[0].get("speaker_origin").is_none(), "the extractor's speakers have no origin field");

    let export = stdout(&byline(&["export", "--format", "prodigy"], dir.path()));
    assert!(!export.is_empty() && !export.contains(SPEAKER), "{export}");
}
