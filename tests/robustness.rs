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

/// Starts byline as `command_line::byline` runs it, its output piped.
fn spawn_byline(args: &[&str], dir: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .env("BYLINE_CONFIG_DIR", dir)
        .env("BYLINE_DATA_DIR", dir.join("data"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run byline")
}

/// Runs byline as `command_line::byline` does, killed after `limit`: `None` when it did not end.
fn byline_within(args: &[&str], dir: &Path, limit: Duration) -> Option<Output> {
    let mut child = spawn_byline(args, dir);
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

/// The library database of a test folder.
fn database(dir: &Path) -> std::path::PathBuf {
    dir.join("data").join("byline.db")
}

/// A library of one story, indexed, with the user's work in the database: an accepted
/// annotation, a star and a read mark, a finished review and a feed subscription.
fn library_with_work(dir: &Path) -> String {
    library_with_a_story(dir);
    let indexed = byline(&["index"], dir);
    assert!(indexed.status.success(), "{}", text(&indexed.stderr));
    let added = byline(&["feeds", "add", "https://news.example.org/rss.xml"], dir);
    assert!(added.status.success(), "{}", text(&added.stderr));
    let mut store = byline::store::Store::open(&database(dir)).unwrap();
    let id = store.stories_in(&[]).unwrap()[0].id.clone();
    let stored = store.article(&id).unwrap().unwrap();
    let at = stored.article.body.find("Bamako").unwrap();
    let mention = byline::annotate::Annotation::new(
        &stored.article.body,
        at,
        at + "Bamako".len(),
        "LOC",
        byline::annotate::Status::Accepted,
        "user",
    );
    store.edit(&id, &stored.content_hash, byline::annotate::Edit::Add(mention)).unwrap();
    store.set_starred(&id, true).unwrap();
    store.set_read(&id, true).unwrap();
    store.set_review_done(&id, true).unwrap();
    id
}

/// Overwrites the first page of a table's tree with garbage.
fn damage_table(db: &Path, table: &str) {
    let (root, page_size): (i64, i64) = {
        let conn = rusqlite::Connection::open(db).unwrap();
        let root = conn
            .query_row("SELECT rootpage FROM sqlite_master WHERE name = ?1", [table], |r| r.get(0))
            .unwrap();
        let size = conn.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
        (root, size)
    };
    let mut bytes = std::fs::read(db).unwrap();
    let start = ((root - 1) * page_size) as usize;
    for (i, b) in bytes[start..start + page_size as usize].iter_mut().enumerate() {
        *b = (i * 7 + 13) as u8;
    }
    std::fs::write(db, bytes).unwrap();
}

fn file_hash(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn a_damaged_database_is_read_where_it_can_be_and_its_work_salvaged() {
    let dir = tempfile::tempdir().unwrap();
    let id = library_with_work(dir.path());
    let db = database(dir.path());
    damage_table(&db, "entities");
    let before = file_hash(&db);

    let doctor = byline(&["doctor"], dir.path());
    let report = text(&doctor.stdout);
    assert_eq!(doctor.status.code(), Some(1), "{report}");
    assert!(report.contains("integrity: DAMAGED"), "{report}");
    assert!(report.contains("byline doctor --salvage"), "{report}");
    assert!(file_hash(&db) == before, "doctor wrote to the damaged file");

    let found = byline(&["search", "Bamako", "--json"], dir.path());
    assert!(found.status.success(), "{}", text(&found.stderr));
    assert!(text(&found.stdout).contains("\"starred\":true"), "{}", text(&found.stdout));
    let exported = byline(&["export", "--format", "prodigy"], dir.path());
    assert!(exported.status.success(), "{}", text(&exported.stderr));
    assert!(text(&exported.stdout).contains("Bamako"), "{}", text(&exported.stdout));
    let listed = byline(&["list"], dir.path());
    assert!(text(&listed.stdout).contains("Le Mali signe"));

    let salvage = byline(&["doctor", "--salvage"], dir.path());
    let said = text(&salvage.stdout);
    assert!(salvage.status.success(), "{said}{}", text(&salvage.stderr));
    for saved in [
        "1 annotations",
        "1 edits in the undo log",
        "1 read marks",
        "1 review states",
        "1 feed subscriptions",
    ] {
        assert!(said.contains(saved), "{saved}: {said}");
    }
    let kept: Vec<_> = std::fs::read_dir(dir.path().join("data"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.starts_with("byline.db.damaged-"))
        .collect();
    assert!(!kept.is_empty(), "the damaged file is kept");
    assert!(byline(&["index"], dir.path()).status.success());
    let doctor = byline(&["doctor"], dir.path());
    assert!(doctor.status.success(), "{}", text(&doctor.stdout));
    let found = byline(&["search", "Bamako", "--json"], dir.path());
    assert!(text(&found.stdout).contains("\"read\":true,\"starred\":true"), "{}", text(&found.stdout));
    let exported = byline(&["export", "--format", "prodigy", "--reviewed-only"], dir.path());
    assert!(text(&exported.stdout).contains("Bamako"), "{}", text(&exported.stdout));
    let feeds = byline(&["feeds", "list"], dir.path());
    assert!(text(&feeds.stdout).contains("news.example.org"));
    let store = byline::store::Store::open(&database(dir.path())).unwrap();
    assert!(store.review_done(&id).unwrap());
}

#[test]
fn a_truncated_or_overwritten_database_never_panics_nor_is_written() {
    for damage in ["truncated", "not a database"] {
        let dir = tempfile::tempdir().unwrap();
        library_with_work(dir.path());
        let db = database(dir.path());
        {
            let conn = rusqlite::Connection::open(&db).unwrap();
            conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
        }
        let mut bytes = std::fs::read(&db).unwrap();
        if damage == "truncated" {
            bytes.truncate(bytes.len() * 2 / 5);
        } else {
            bytes[..100].fill(b'x');
        }
        std::fs::write(&db, &bytes).unwrap();

        let doctor = byline(&["doctor"], dir.path());
        let report = text(&doctor.stdout);
        assert_eq!(doctor.status.code(), Some(1), "{damage}: {report}{}", text(&doctor.stderr));
        assert!(report.contains("byline doctor --salvage"), "{damage}: {report}");
        assert!(file_hash(&db) == bytes, "{damage}: doctor wrote to the damaged file");
        for args in [&["search", "Bamako"][..], &["export", "--format", "prodigy"]] {
            let out = byline(args, dir.path());
            let err = text(&out.stderr);
            assert_ne!(out.status.code(), Some(101), "{damage}: {args:?} panicked: {err}");
            assert!(!err.contains("panicked"), "{damage}: {args:?}: {err}");
            if !out.status.success() {
                assert!(err.contains("byline doctor --salvage"), "{damage}: {args:?}: {err}");
                // SQLite's message once, not three times over.
                let said = err.lines().next().unwrap_or_default();
                let told = said.matches("malformed").count() + said.matches("not a database").count();
                assert_eq!(told, 1, "{err}");
            }
        }
        // Nothing can be read of a database whose list of tables is gone: a fresh one takes
        // its place (byline works again) and the damaged file is kept.
        let salvage = byline(&["doctor", "--salvage"], dir.path());
        let said = text(&salvage.stdout);
        assert_eq!(salvage.status.code(), Some(1), "{damage}: {said}{}", text(&salvage.stderr));
        assert!(said.contains("nothing could be read from the damaged database"), "{damage}: {said}");
        assert!(said.contains("the damaged database is kept as"), "{damage}: {said}");
        assert!(byline(&["index"], dir.path()).status.success(), "{damage}");
        assert!(byline(&["doctor"], dir.path()).status.success(), "{damage}");
    }
}

#[test]
fn a_read_only_data_folder_can_be_read_searched_and_exported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    library_with_work(dir.path());
    let data = dir.path().join("data");
    let set_mode = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    set_mode(&database(dir.path()), 0o444);
    set_mode(&data, 0o555);
    // As root, permissions stop nothing: then there is nothing to test.
    let probe = data.join("probe");
    if std::fs::write(&probe, b"x").is_ok() {
        let _ = std::fs::remove_file(&probe);
        set_mode(&data, 0o700);
        eprintln!("the data folder stays writable (running as root?): test skipped");
        return;
    }
    let outcomes: Vec<(Vec<&str>, Output)> = [
        vec!["search", "Bamako"],
        vec!["export", "--format", "prodigy"],
        vec!["doctor"],
        vec!["list"],
        vec!["feeds", "list"],
    ]
    .into_iter()
    .map(|args| {
        let out = byline(&args, dir.path());
        (args, out)
    })
    .collect();
    set_mode(&data, 0o700);
    set_mode(&database(dir.path()), 0o600);
    for (args, out) in &outcomes {
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    }
    assert!(text(&outcomes[0].1.stdout).contains("Le Mali signe"));
    assert!(text(&outcomes[1].1.stdout).contains("Bamako"));
}

#[test]
fn o_opens_an_address_whatever_the_case_of_its_scheme() {
    use byline::command::Command as Key;
    use byline::model::{Action, AppState, Effect, LoadedStory, Settings, update};
    let story = byline::library::StoryMeta { id: "s".into(), title: "T".into(), ..Default::default() };
    let (mut state, _) = AppState::new(vec![story], 120, 40, Settings::default());
    let article = byline::library::Article {
        id: "s".into(),
        title: "T".into(),
        body: "Le texte.".into(),
        url: Some("HTTPS://Example.org/un article".into()),
        ..Default::default()
    };
    update(
        &mut state,
        Action::StoryLoaded { story: Box::new(LoadedStory { article, ..Default::default() }) },
    );
    let effects = update(&mut state, Action::Command(Key::OpenUrl));
    assert_eq!(effects, [Effect::OpenUrl("HTTPS://Example.org/un article".into())], "{:?}", state.message);
    assert_eq!(
        byline::service::effects::web_address("HTTPS://Example.org/un article").unwrap(),
        "https://example.org/un%20article"
    );
}

/// Runs byline with its output read by no one: the pipe is closed before it writes a line.
fn byline_into_a_closed_pipe(args: &[&str], dir: &Path) -> Output {
    let mut child = spawn_byline(args, dir);
    drop(child.stdout.take());
    child.wait_with_output().expect("output")
}

#[test]
fn output_cut_short_by_head_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let feeds: String =
        (0..2000).map(|i| format!("[[feeds]]\nurl = \"https://site{i}.example.org/rss.xml\"\n")).collect();
    std::fs::write(dir.path().join("config.toml"), feeds).unwrap();
    assert!(byline(&["index"], dir.path()).status.success());
    for args in [&["feeds", "list"][..], &["doctor"], &["list"], &["search", "Mali"]] {
        let out = byline_into_a_closed_pipe(args, dir.path());
        let err = text(&out.stderr);
        assert!(!err.contains("panicked") && !err.contains("Broken pipe"), "{args:?}: {err}");
        assert!(out.status.success(), "{args:?}: {:?} {err}", out.status);
    }
}

#[test]
fn export_never_writes_over_the_library_database() {
    let dir = tempfile::tempdir().unwrap();
    library_with_work(dir.path());
    let db = database(dir.path());
    let link = dir.path().join("link.db");
    std::os::unix::fs::symlink(&db, &link).unwrap();
    for out in [db.clone(), link, dir.path().join("data/../data/byline.db")] {
        let written =
            byline(&["export", "--format", "prodigy", "--out", out.to_str().unwrap(), "--force"], dir.path());
        assert_eq!(written.status.code(), Some(2), "{out:?}");
        assert!(text(&written.stderr).contains("is the library database: byline never writes over it"));
    }
    assert!(byline(&["doctor"], dir.path()).status.success(), "the database is whole");
    let opml = byline(&["feeds", "export", db.to_str().unwrap(), "--force"], dir.path());
    assert!(text(&opml.stderr).contains("is the library database"), "{}", text(&opml.stderr));
}

#[test]
fn a_config_link_that_leads_nowhere_or_loops_is_an_error_saying_so() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::os::unix::fs::symlink(dir.path().join("moved-away.toml"), &config).unwrap();
    let out = byline(&["list"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("config.toml is a symbolic link to") && err.contains("which does not exist"),
        "{err}"
    );
    std::fs::remove_file(&config).unwrap();
    std::os::unix::fs::symlink(&config, &config).unwrap();
    let out = byline(&["list"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("is a symbolic link that loops"), "{}", text(&out.stderr));
}

#[test]
fn search_with_a_missing_library_folder_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library_with_a_story(dir.path());
    assert!(byline(&["index"], dir.path()).status.success());
    std::fs::rename(&lib, dir.path().join("elsewhere")).unwrap();
    for args in [&["search", "Bamako"][..], &["entity", "Bamako"]] {
        let out = byline(args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert!(err.contains("lib (`[library] paths` in the config file) cannot be found"), "{err}");
    }
    // Nothing was taken out of the index meanwhile.
    std::fs::rename(dir.path().join("elsewhere"), &lib).unwrap();
    let found = byline(&["search", "Bamako"], dir.path());
    assert!(text(&found.stdout).contains("Le Mali signe"));
}

#[test]
fn an_import_too_large_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("huge.jsonl");
    // Sparse: 300 MiB on paper, nothing on disk.
    std::fs::File::create(&big).unwrap().set_len(300 * 1024 * 1024).unwrap();
    let out = byline(&["import", big.to_str().unwrap(), "--format", "prodigy"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("huge.jsonl is too large to import: an import reads at most 256 MiB"), "{err}");
}
