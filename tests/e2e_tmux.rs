//! End to end: the real binary in a real terminal (tmux at 120×40), driven by keys, checked by
//! what a person would see. Skipped with a message when tmux is not installed (.ci/run installs it).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and measuring code: a failure should stop it loudly

#[path = "support/http_server.rs"]
mod http_server;

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(command: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().map(|o| !o.status.success()).unwrap_or(true) {
            eprintln!("skipped: tmux is not installed");
            return None;
        }
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let socket = format!("byline-e2e-{}-{n}", std::process::id());
        let status = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "e2e",
                "-x",
                "120",
                "-y",
                "40",
                command,
            ])
            .status()
            .expect("run tmux");
        assert!(status.success());
        Some(Tmux { socket })
    }

    fn tmux(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().expect("run tmux")
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "e2e", k]);
            sleep(Duration::from_millis(30));
        }
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    /// Waits up to 10 s for `text` to appear on the screen, and returns the screen.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "timed out waiting for {text:?}; screen:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    fn alive(&self) -> bool {
        self.tmux(&["has-session", "-t", "e2e"]).status.success()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

/// The command line that runs byline with its own config and data folders.
fn byline_in(config_dir: &std::path::Path, data_dir: &std::path::Path) -> String {
    format!(
        "env BYLINE_CONFIG_DIR={} BYLINE_DATA_DIR={} {}",
        config_dir.display(),
        data_dir.display(),
        env!("CARGO_BIN_EXE_byline")
    )
}

#[test]
fn read_search_and_quit_in_a_real_terminal() {
    let config_dir = tempfile::tempdir().unwrap();
    let data_dir = tempfile::tempdir().unwrap();
    let command = byline_in(config_dir.path(), data_dir.path());
    let Some(tmux) = Tmux::start(&command) else { return };
    // Both bundled stories listed (under load the first frame may come before the second).
    let screen = tmux.wait_for("story 1/2");
    assert!(screen.contains("Welcome to byline"), "{screen}");

    // Open the reference article and search it.
    tmux.keys(&["j", "Enter", "/", "Moscou", "Enter"]);
    let screen = tmux.wait_for("match 1/2");
    assert!(screen.contains("READ"), "{screen}");
    assert!(screen.contains("Daoud Aly Mohammedine"), "{screen}");

    // Help lists the keys; q closes it, clears the search, leaves the article, quits.
    tmux.keys(&["?"]);
    tmux.wait_for("Focus the next pane");
    tmux.keys(&["q", "q", "q"]);
    tmux.wait_for(" LIST ");
    tmux.keys(&["q"]);
    let start = Instant::now();
    while tmux.alive() && start.elapsed() < Duration::from_secs(5) {
        sleep(Duration::from_millis(50));
    }
    assert!(!tmux.alive(), "byline should have quit; screen:\n{}", tmux.screen());
}

/// Starts a shell in tmux whose first command runs byline and then records the terminal's
/// state once byline has exited.
fn shell_running(byline_args: &str, env: &str) -> Option<(Tmux, tempfile::TempDir)> {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().display();
    let tmux = Tmux::start("sh")?;
    tmux.tmux(&["pipe-pane", "-o", "-t", "e2e", &format!("cat >> {d}/raw")]);
    let command = format!(
        "env BYLINE_CONFIG_DIR={d} BYLINE_DATA_DIR={d}/data {env} {} {byline_args} 2>{d}/stderr; stty -a > {d}/stty; echo after-$((1+1))-exit",
        env!("CARGO_BIN_EXE_byline")
    );
    tmux.keys(&[&command, "Enter"]);
    Some((tmux, dir))
}

/// The terminal is back in cooked mode, on the main screen, with the cursor visible and the
/// mouse no longer captured.
fn assert_restored(tmux: &Tmux, dir: &std::path::Path) {
    // The marker is computed by the shell so the echoed command line does not match it.
    tmux.wait_for("after-2-exit");
    let stty = std::fs::read_to_string(dir.join("stty")).unwrap();
    assert!(stty.contains(" icanon") && stty.contains(" echo"), "cooked mode: {stty}");
    let out = tmux.tmux(&["display", "-p", "-t", "e2e", "#{alternate_on} #{cursor_flag} #{mouse_any_flag}"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "0 1 0", "main screen, cursor visible, no mouse");
}

/// The pid of the program the pane's shell is running (byline).
fn byline_pid(tmux: &Tmux) -> Option<String> {
    let shell = tmux.tmux(&["display", "-p", "-t", "e2e", "#{pane_pid}"]);
    let shell = String::from_utf8_lossy(&shell.stdout).trim().to_string();
    let out = Command::new("pgrep").args(["-P", &shell]).output().ok()?;
    String::from_utf8_lossy(&out.stdout).lines().last().map(str::to_string)
}

#[test]
fn terminal_is_restored_after_sigterm_sighup_and_panic() {
    for signal in ["TERM", "HUP", "panic"] {
        let env = if signal == "panic" { "BYLINE_TEST_PANIC=1" } else { "" };
        let Some((tmux, dir)) = shell_running("", env) else { return };
        if signal != "panic" {
            tmux.wait_for("Welcome to byline");
            let pid = byline_pid(&tmux).expect("byline is running");
            Command::new("kill").args([&format!("-{signal}"), &pid]).status().unwrap();
        }
        assert_restored(&tmux, dir.path());
        if signal == "panic" {
            let stderr = std::fs::read_to_string(dir.path().join("stderr")).unwrap();
            assert!(
                stderr.contains("BYLINE_TEST_PANIC"),
                "the panic message is printed after restoring: {stderr}"
            );
        }
    }
}

#[test]
fn hostile_text_never_reaches_the_terminal() {
    let files = tempfile::tempdir().unwrap();
    let hostile = "Titre\u{1b}]0;PWNED\u{7} piégé\n\nCorps \u{1b}[31mRED\u{1b}[0m et \u{9b}2J fin \u{202e}evil\u{202c} \u{1b}P+q\u{1b}\\ ok.\n";
    std::fs::write(files.path().join("a.txt"), hostile).unwrap();
    std::fs::write(files.path().join("\u{1b}[31mname.txt"), "").unwrap();
    let arg = files.path().display().to_string();
    let Some((tmux, dir)) = shell_running(&arg, "") else { return };
    tmux.wait_for("Corps");
    tmux.keys(&["!"]);
    tmux.wait_for("empty file");
    tmux.keys(&["Q"]);
    // The marker is computed by the shell so the echoed command line does not match it.
    tmux.wait_for("after-2-exit");
    let raw = std::fs::read(dir.path().join("raw")).unwrap();
    let raw_text = String::from_utf8_lossy(&raw);
    assert!(raw_text.contains("Corps") && raw_text.contains("\u{1b}["), "the pane's raw output was captured");
    for bad in ["\u{1b}]0;PWNED", "\u{1b}[31mRED", "\u{1b}[31mname", "\u{202e}", "\u{1b}P+q"] {
        assert!(!raw_text.contains(bad), "{bad:?} reached the terminal");
    }
    assert!(!raw_text.contains('\u{9b}'), "8-bit CSI reached the terminal");
    let title = tmux.tmux(&["display", "-p", "-t", "e2e", "#{pane_title}"]);
    assert!(!String::from_utf8_lossy(&title.stdout).contains("PWNED"));
}

#[test]
fn closing_the_terminal_ends_byline_instead_of_spinning() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().display();
    let command =
        format!("env BYLINE_CONFIG_DIR={d} BYLINE_DATA_DIR={d}/data {}", env!("CARGO_BIN_EXE_byline"));
    let Some(tmux) = Tmux::start(&command) else { return };
    tmux.wait_for("Welcome to byline");
    let out = tmux.tmux(&["display", "-p", "-t", "e2e", "#{pane_pid}"]);
    let pid = String::from_utf8_lossy(&out.stdout).trim().to_string();
    tmux.tmux(&["kill-server"]);
    let start = Instant::now();
    let running = || {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .map(|s| s.split_whitespace().nth(2).is_none_or(|state| state != "Z"))
            .unwrap_or(false)
    };
    while running() && start.elapsed() < Duration::from_secs(5) {
        sleep(Duration::from_millis(50));
    }
    assert!(!running(), "byline kept running after its terminal closed");
}

#[test]
fn annotate_barkhane_quit_reopen_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().display();
    let env = format!("env BYLINE_CONFIG_DIR={d} BYLINE_DATA_DIR={d}/data");
    let bin = env!("CARGO_BIN_EXE_byline");
    let Some(tmux) = Tmux::start(&format!("{env} {bin}")) else { return };
    tmux.wait_for("Welcome to byline");
    // Open the reference article, find Barkhane, select it and label it ORG (2).
    tmux.keys(&["j", "Enter", "/", "Barkhane", "Enter", "v"]);
    tmux.wait_for("SELECT");
    tmux.keys(&["2"]);
    tmux.wait_for("labelled ORG");
    quit(&tmux);
    drop(tmux);

    // Reopen: the annotation is there (✓ beside Barkhane in the facts).
    let Some(tmux) = Tmux::start(&format!("{env} {bin}")) else { return };
    tmux.wait_for("Welcome to byline");
    tmux.keys(&["j"]);
    tmux.wait_for("Barkhane ✓");
    tmux.keys(&["Q"]);
    drop(tmux);

    // One label is not a complete review: --reviewed-only leaves the story out and says so.
    let partial = Command::new("sh")
        .args(["-c", &format!("{env} {bin} export --format prodigy --reviewed-only")])
        .output()
        .unwrap();
    assert!(partial.status.success() && partial.stdout.is_empty());
    assert!(String::from_utf8_lossy(&partial.stderr).contains("left out 1 stories"));
    let out =
        Command::new("sh").args(["-c", &format!("{env} {bin} export --format prodigy")]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let jsonl = String::from_utf8_lossy(&out.stdout);
    let record: serde_json::Value = serde_json::from_str(jsonl.lines().next().expect("one record")).unwrap();
    let text = record["text"].as_str().unwrap();
    let spans = record["spans"].as_array().unwrap();
    let barkhane: Vec<&serde_json::Value> = spans
        .iter()
        .filter(|s| {
            let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
            text.chars().skip(a).take(b - a).collect::<String>() == "Barkhane"
        })
        .collect();
    assert_eq!(barkhane.len(), 1, "{jsonl}");
    assert_eq!(barkhane[0]["label"], "ORG");
}

#[test]
fn the_fetch_key_fetches_in_the_background_and_lists_the_new_stories() {
    let rss = r#"<rss version="2.0"><channel><title>Loopback News</title>
<item><title>Une dépêche locale</title><link>/a/1</link><description>Texte de la dépêche.</description></item>
<item><title>Another local story</title><link>/a/2</link><description>Its text.</description></item>
</channel></rss>"#;
    let server = http_server::Server::start(move |r| match r.path.as_str() {
        "/feed.xml" => http_server::Reply::ok("application/rss+xml", rss),
        _ => http_server::Reply::status(404),
    });
    let config_dir = tempfile::tempdir().unwrap();
    let data_dir = tempfile::tempdir().unwrap();
    std::fs::write(
        config_dir.path().join("config.toml"),
        format!("[[feeds]]\nurl = \"{}\"\n", server.url("/feed.xml")),
    )
    .unwrap();
    let command = byline_in(config_dir.path(), data_dir.path());
    let Some(tmux) = Tmux::start(&command) else { return };
    tmux.wait_for("story 1/2");
    tmux.keys(&["F"]);
    let screen = tmux.wait_for("1 feed: 2 new stories");
    assert!(!screen.contains("failed"), "{screen}");
    let screen = tmux.wait_for("story 1/4");
    assert!(screen.contains("Une dépêche locale"), "{screen}");
    quit(&tmux);
}

/// Waits up to 5 s for byline to quit after `Q`.
fn quit(tmux: &Tmux) {
    tmux.keys(&["Q"]);
    let start = Instant::now();
    while tmux.alive() && start.elapsed() < Duration::from_secs(5) {
        sleep(Duration::from_millis(50));
    }
    assert!(!tmux.alive(), "byline should have quit; screen:\n{}", tmux.screen());
}

/// A review of the reference article to done, from the keyboard: the first suggestion to judge
/// rejected, a name the extractor missed selected with the caret and labelled, a quote's speaker
/// corrected, the story marked done; after a restart the list shows it done, `facts --json`
/// gives the speaker set, and the reviewed-only export holds both decisions.
#[test]
fn review_the_reference_article_to_done_restart_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().display();
    let env = format!("env BYLINE_CONFIG_DIR={d} BYLINE_DATA_DIR={d}/data");
    let bin = env!("CARGO_BIN_EXE_byline");
    let Some(tmux) = Tmux::start(&format!("{env} {bin}")) else { return };
    tmux.wait_for("Welcome to byline");
    tmux.keys(&["j", "Enter"]);
    tmux.wait_for("0/19 judged");
    // } goes to the first suggestion to judge; x rejects it.
    tmux.keys(&["}"]);
    let screen = tmux.wait_for("suggested (");
    assert!(screen.contains("MENTION"), "{screen}");
    tmux.keys(&["x"]);
    tmux.wait_for("1/19 judged");
    // « Accord de Coopération » is no mention: the caret goes there from « signature » by word,
    // v selects it, 4 labels it MISC.
    tmux.keys(&["/", "signature", "Enter", "w", "w", "w", "v", "e", "e"]);
    tmux.wait_for("SELECT");
    tmux.keys(&["4"]);
    tmux.wait_for("labelled MISC");
    tmux.wait_for("2/20 judged");
    // The last quote's speaker, from the facts panel: " then a few letters, Enter.
    tmux.keys(&["Tab", "G", "\"", "Daoud", "Enter"]);
    tmux.wait_for("speaker: Daoud Aly Mohammedine");
    tmux.keys(&["D"]);
    tmux.wait_for("review done");
    quit(&tmux);
    drop(tmux);

    // After a restart: done in the list and in the status line.
    let Some(tmux) = Tmux::start(&format!("{env} {bin}")) else { return };
    tmux.wait_for("Welcome to byline");
    let screen = tmux.wait_for("✓");
    assert!(screen.contains("… ✓") || screen.contains(" ✓│"), "{screen}");
    tmux.keys(&["j", "Enter"]);
    tmux.wait_for("done · 2/20 judged");
    quit(&tmux);
    drop(tmux);

    let run = |args: &str| {
        let out = Command::new("sh").args(["-c", &format!("{env} {bin} {args}")]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let id = run("list")
        .lines()
        .find(|l| !l.ends_with("Welcome to byline"))
        .unwrap()
        .split('\t')
        .next()
        .unwrap()
        .to_string();
    let facts: serde_json::Value = serde_json::from_str(run(&format!("facts {id} --json")).trim()).unwrap();
    let last = facts["quotes"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (last["speaker"].as_str(), last["speaker_origin"].as_str()),
        (Some("Daoud Aly Mohammedine"), Some("user"))
    );
    let review = Command::new("sh").args(["-c", &format!("{env} {bin} review --json")]).output().unwrap();
    let review = String::from_utf8_lossy(&review.stdout);
    assert!(review.contains(r#""state":"done""#) && review.contains(r#""judged":2"#), "{review}");
    let out = Command::new("sh")
        .args(["-c", &format!("{env} {bin} export --format prodigy --reviewed-only")])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let jsonl = String::from_utf8_lossy(&out.stdout);
    let records: Vec<serde_json::Value> = jsonl.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let text_of = |r: &serde_json::Value, s: &serde_json::Value| {
        let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
        r["text"].as_str().unwrap().chars().skip(a).take(b - a).collect::<String>()
    };
    let accepted = records.iter().find(|r| r["_view_id"] == "ner_manual").expect("the document");
    let spans = accepted["spans"].as_array().unwrap();
    assert_eq!(spans.len(), 1, "{jsonl}");
    assert_eq!(
        (text_of(accepted, &spans[0]), spans[0]["label"].as_str()),
        ("Accord de Coopération".into(), Some("MISC"))
    );
    let rejected: Vec<&serde_json::Value> = records.iter().filter(|r| r["answer"] == "reject").collect();
    assert_eq!(rejected.len(), 1, "{jsonl}");
    // The corrected speaker goes out as a relation from the quote to his mention.
    let relations = accepted["relations"].as_array().expect("relations");
    assert_eq!(relations.len(), 1, "{jsonl}");
    assert_eq!(relations[0]["label"], "Speaker");
    assert_eq!(text_of(accepted, &relations[0]["child_span"]), "Daoud Aly Mohammedine", "{jsonl}");
}

/// A newsboat user's round: a loopback feed of title-only items (and two with text) added and
/// fetched from the command line; in the reader the feeds view, the feed, a story, back, mark
/// the feed read, back to the feeds view (0 unread), undo; the full text of a title-only item fetched with `C-f`.
#[test]
fn a_feed_read_as_a_newsboat_user_would() {
    let rss = r#"<rss version="2.0"><channel><title>Loopback News</title>
<item><title>Title only one</title><link>/p/1</link><pubDate>Fri, 01 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Title only two</title><link>/p/2</link><pubDate>Thu, 29 Feb 2024 10:00:00 GMT</pubDate></item>
<item><title>Title only three</title><link>/p/3</link><pubDate>Wed, 28 Feb 2024 10:00:00 GMT</pubDate></item>
<item><title>Title only four</title><link>/p/4</link><pubDate>Tue, 27 Feb 2024 10:00:00 GMT</pubDate></item>
<item><title>With text one</title><link>/p/5</link><description>Some text of its own.</description><pubDate>Mon, 26 Feb 2024 10:00:00 GMT</pubDate></item>
<item><title>With text two</title><link>/p/6</link><description>More text of its own.</description><pubDate>Sun, 25 Feb 2024 10:00:00 GMT</pubDate></item>
</channel></rss>"#;
    let paragraph = "The harbour council met on Monday and approved the plan for the new ferry line, \
                     which will link the two towns twice a day from the spring onwards.";
    let page = format!(
        "<html><head><title>Title only one</title></head><body><article><h1>Title only one</h1>\
         <p>{paragraph}</p><p>{paragraph}</p><p>Fetched in full from the page.</p></article></body></html>"
    );
    let server = http_server::Server::start(move |r| match r.path.as_str() {
        "/feed.xml" => http_server::Reply::ok("application/rss+xml", rss),
        "/p/1" => http_server::Reply::ok("text/html; charset=utf-8", page.clone()),
        _ => http_server::Reply::status(404),
    });
    let config_dir = tempfile::tempdir().unwrap();
    let data_dir = tempfile::tempdir().unwrap();
    let cli = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_byline"))
            .args(args)
            .env("BYLINE_CONFIG_DIR", config_dir.path())
            .env("BYLINE_DATA_DIR", data_dir.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    cli(&["feeds", "add", &server.url("/feed.xml")]);
    cli(&["fetch"]);
    let Some(tmux) = Tmux::start(&byline_in(config_dir.path(), data_dir.path())) else { return };
    tmux.wait_for("/8 · 8 unread");

    // Keys, then what the screen says once they are done.
    let step = |keys: &[&str], text: &str| {
        tmux.keys(keys);
        tmux.wait_for(text)
    };

    // The feeds view, with the feed's counts; the feed chosen.
    let screen = step(&["f"], "Loopback News");
    assert!(screen.contains("6/6  Loopback News"), "{screen}");
    assert!(screen.contains("8/8  All stories"), "{screen}");
    step(&["j", "j", "Enter"], "6 of 8 stories · source Loopback News");

    // A title-only story opens with its title as its text; back to the list.
    let screen = step(&["g", "Enter"], " READ ");
    assert!(screen.contains("Title only one"), "{screen}");
    step(&["q"], " LIST ");

    // Mark all read, and back from the feed's stories to the feeds view (as in newsboat): the
    // feed counts 0 unread; undo gives the five back.
    step(&["A"], "source Loopback News: 5 marked read (u undoes)");
    let screen = step(&["q"], "Feeds ·");
    assert!(screen.contains("0/6  Loopback News"), "{screen}");
    let screen = step(&["u"], "undone: source Loopback News marked read (5 stories)");
    assert!(screen.contains("5/6  Loopback News"), "{screen}");
    step(&["q"], " LIST ");

    // The title-only story's page, fetched in full and kept.
    step(&["C-f"], "full text kept");
    let screen = tmux.wait_for("Fetched in full from the page.");
    assert!(screen.contains("harbour council"), "{screen}");
    quit(&tmux);
    // Kept for offline reading: the stored item holds the page's text.
    let found = cli(&["search", "ferry"]);
    assert!(found.contains("Title only one"), "{found}");
}

#[test]
fn a_terminal_browser_gets_the_terminal_and_gives_it_back_and_the_mouse_clicks() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A stand-in terminal browser: says what it was given, reads a line from the terminal.
    let browser = d.join("fake-w3m");
    std::fs::write(
        &browser,
        format!(
            "#!/bin/sh\necho \"browser got $# args: [$1] [$2]\"\nread line\necho \"$line\" > {}/typed\n",
            d.display()
        ),
    )
    .unwrap();
    Command::new("chmod").arg("+x").arg(&browser).status().unwrap();
    let config =
        format!("[reader]\nbrowser = \"'{}' --tab %s\"\nbrowser_is_terminal = true\n", browser.display());
    std::fs::write(d.join("config.toml"), config).unwrap();
    std::fs::write(
        d.join("a.md"),
        "---\ntitle: Harbour\ndate: 2024-03-02\nurl: https://news.example/a b\n---\nThe harbour reopened.\n",
    )
    .unwrap();
    // Dated, so the list's order does not depend on which file was indexed first.
    std::fs::write(d.join("b.md"), "---\ntitle: Ferries\ndate: 2024-03-01\n---\nFerries run again.\n")
        .unwrap();
    let command = format!("{} {}/a.md {}/b.md", byline_in(d, &d.join("data")), d.display(), d.display());
    let Some(tmux) = Tmux::start(&command) else { return };
    tmux.wait_for("story 1/2");
    // The story is read (and has its address) once its text is drawn.
    tmux.wait_for("The harbour reopened.");
    tmux.keys(&["o"]);
    // One argument for the address, encoded; the reader has left the screen.
    let screen = tmux.wait_for("browser got 2 args: [--tab] [https://news.example/a%20b]");
    assert!(!screen.contains("Stories"), "{screen}");
    tmux.keys(&["typed by hand", "Enter"]);
    tmux.wait_for("Stories 1/2");
    assert_eq!(
        std::fs::read_to_string(d.join("typed")).unwrap().trim(),
        "typed by hand",
        "its keys were its own"
    );
    // Ctrl-C in the browser ends the browser, not byline.
    tmux.keys(&["o"]);
    tmux.wait_for("browser got 2 args");
    tmux.keys(&["C-c"]);
    tmux.wait_for("ended with signal");
    tmux.wait_for("Stories 1/2");
    // Keys reach the reader again; a click on the second row selects it.
    tmux.keys(&["j"]);
    tmux.wait_for("Stories 2/2");
    tmux.tmux(&["send-keys", "-t", "e2e", "-l", "\x1b[<0;5;2M"]);
    tmux.wait_for("Stories 1/2");
}
