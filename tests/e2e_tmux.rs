//! End to end: the real binary in a real terminal (tmux at 120×40), driven by keys, checked by
//! what a person would see. Skipped with a message when tmux is not installed (.ci/run installs it).

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
        // One server per test: tests run side by side in one process.
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

#[test]
fn read_search_and_quit_in_a_real_terminal() {
    let config_dir = tempfile::tempdir().unwrap();
    let data_dir = tempfile::tempdir().unwrap();
    let command = format!(
        "env BYLINE_CONFIG_DIR={} BYLINE_DATA_DIR={} {}",
        config_dir.path().display(),
        data_dir.path().display(),
        env!("CARGO_BIN_EXE_byline")
    );
    let Some(tmux) = Tmux::start(&command) else { return };
    let screen = tmux.wait_for("Welcome to byline");
    assert!(screen.contains("story 1/2"), "{screen}");

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
    let command = format!(
        "env BYLINE_CONFIG_DIR={} BYLINE_DATA_DIR={} {}",
        config_dir.path().display(),
        data_dir.path().display(),
        env!("CARGO_BIN_EXE_byline")
    );
    let Some(tmux) = Tmux::start(&command) else { return };
    tmux.wait_for("story 1/2");
    tmux.keys(&["F"]);
    let screen = tmux.wait_for("1 feed: 2 new stories");
    assert!(!screen.contains("failed"), "{screen}");
    let screen = tmux.wait_for("story 1/4");
    assert!(screen.contains("Une dépêche locale"), "{screen}");
    tmux.keys(&["Q"]);
    let start = Instant::now();
    while tmux.alive() && start.elapsed() < Duration::from_secs(5) {
        sleep(Duration::from_millis(50));
    }
    assert!(!tmux.alive(), "byline should have quit; screen:\n{}", tmux.screen());
}
