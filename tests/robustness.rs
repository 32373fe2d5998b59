//! What must never hang, panic or lose the user's work, run as a user would run byline: files
//! that are not files, damaged and read-only databases, closed pipes, odd paths.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and measuring code: a failure should stop it loudly

#[path = "support/command_line.rs"]
mod command_line;
use command_line::byline;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs byline as `command_line::byline` does, killed after `limit`: `None` when it did not end.
fn byline_within(args: &[&str], dir: &Path, limit: Duration) -> Option<Output> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .env("BYLINE_CONFIG_DIR", dir)
        .env("BYLINE_DATA_DIR", dir.join("data"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run byline");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > limit {
            child.kill().expect("kill");
            child.wait().expect("reap");
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Some(child.wait_with_output().expect("output"))
}

/// A library folder with one story, configured as the library.
fn library_with_a_story(dir: &Path) -> std::path::PathBuf {
    let lib = dir.join("lib");
    std::fs::create_dir_all(&lib).unwrap();
    std::fs::write(
        lib.join("story.txt"),
        "Le Mali signe\n\nLe gouvernement malien a signé un accord à Bamako.\n",
    )
    .unwrap();
    std::fs::write(dir.join("config.toml"), format!("[library]\npaths = [{:?}]\n", lib.to_str().unwrap()))
        .unwrap();
    lib
}

#[test]
fn a_named_pipe_in_the_library_is_skipped_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library_with_a_story(dir.path());
    let fifo = lib.join("pipe.txt");
    match Command::new("mkfifo").arg(&fifo).status() {
        Ok(s) if s.success() => {}
        _ => {
            eprintln!("no mkfifo here: test skipped");
            return;
        }
    }
    for args in [&["index"][..], &["list"], &["search", "Bamako"], &["list", fifo.to_str().unwrap()]] {
        let out = byline_within(args, dir.path(), Duration::from_secs(60))
            .unwrap_or_else(|| panic!("`byline {}` hung on a named pipe", args.join(" ")));
        let err = text(&out.stderr);
        if args[0] == "search" {
            assert!(err.contains("1 file skipped"), "{args:?}: {err}");
        } else {
            assert!(err.contains("pipe.txt: a named pipe (FIFO), not a regular file"), "{args:?}: {err}");
        }
        if args.len() == 2 && args[0] == "list" {
            assert!(!out.status.success(), "nothing to list");
        } else {
            assert!(out.status.success(), "{args:?}: {err}");
        }
    }
    let found = byline(&["search", "Bamako"], dir.path());
    assert!(text(&found.stdout).contains("Le Mali signe"), "{}", text(&found.stdout));
}
