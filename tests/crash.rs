//! Crash safety: a child process applies a scripted sequence of annotation edits and is killed
//! with SIGKILL at a random moment; afterwards the stored annotations are exactly those after a
//! prefix of the script, and the database passes `PRAGMA integrity_check`. 100 trials.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and measuring code: a failure should stop it loudly

use std::process::{Command, Stdio};
use std::time::Duration;

use byline::annotate::Edit;
use byline::annotate::{Annotation, Status};
use byline::store::Store;

const TEXT: &str = include_str!("../assets/mali-russie-2022-11-21.txt");
const CHILD_ENV: &str = "BYLINE_CRASH_CHILD_DB";

/// The scripted edits: adds on successive words with rotating labels, and relabels.
fn script() -> Vec<Edit> {
    let labels = ["PER", "ORG", "LOC", "MISC", "DATE"];
    let mut edits = Vec::new();
    let words: Vec<(usize, &str)> = TEXT.split_word_bound_indices_simple().into_iter().take(60).collect();
    for (i, (at, w)) in words.iter().enumerate() {
        let a = Annotation::new(TEXT, *at, at + w.len(), labels[i % 5], Status::Accepted, "user");
        edits.push(Edit::Add(a));
        if i % 3 == 2 {
            // Ids are deterministic: the i-th add gets id i+1 in a fresh database.
            edits.push(Edit::SetLabel { id: (i as i64) + 1, label: "ORG".into() });
        }
    }
    edits
}

trait Words {
    fn split_word_bound_indices_simple(&self) -> Vec<(usize, &str)>;
}

impl Words for str {
    /// Whitespace-separated words with their offsets (enough for a script).
    fn split_word_bound_indices_simple(&self) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in self.char_indices() {
            match (c.is_whitespace(), start) {
                (true, Some(s)) => {
                    out.push((s, &self[s..i]));
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        out
    }
}

/// Runs in the child: applies the script, one transaction per edit.
#[test]
fn crash_child() {
    let Some(db) = std::env::var_os(CHILD_ENV) else { return };
    let mut store = Store::open(std::path::Path::new(&db)).unwrap();
    for edit in script() {
        store.edit("story", "hash", edit).unwrap();
        // Edits come at a person's pace; spacing them spreads the script over the kill window.
        std::thread::sleep(Duration::from_millis(3));
    }
}

/// The annotations after each prefix of the script.
fn expected_states() -> Vec<Vec<Annotation>> {
    let mut store = Store::open_in_memory().unwrap();
    let mut states = vec![Vec::new()];
    for edit in script() {
        states.push(store.edit("story", "hash", edit).unwrap().annotations);
    }
    states
}

#[test]
fn kill_9_at_any_moment_loses_at_most_the_edit_in_flight() {
    let states = expected_states();
    let exe = std::env::current_exe().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut seen_partial = 0;
    for trial in 0..100u64 {
        let db = dir.path().join(format!("t{trial}.db"));
        let mut child = Command::new(&exe)
            .args(["--exact", "crash_child", "--nocapture", "--test-threads", "1"])
            .env(CHILD_ENV, &db)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Spread the kill over the child's life (start-up, migration, the edits).
        let delay = (trial * 7919) % 300;
        std::thread::sleep(Duration::from_millis(delay));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        if !db.exists() {
            continue;
        }
        let store = Store::open(&db).unwrap();
        let report = store.doctor().unwrap();
        assert!(report.contains(&"integrity: ok".to_string()), "trial {trial}: {report:?}");
        let now = store.annotations("story").unwrap().annotations;
        let prefix = states.iter().position(|s| *s == now);
        assert!(prefix.is_some(), "trial {trial}: the stored annotations are not a prefix of the script");
        if prefix.is_some_and(|p| p > 0 && p < states.len() - 1) {
            seen_partial += 1;
        }
    }
    eprintln!("{seen_partial} of 100 trials were killed in the middle of the script");
    assert!(seen_partial > 0, "no trial killed the child mid-script: the test proved nothing");
}
