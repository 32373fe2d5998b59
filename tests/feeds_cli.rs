//! `byline feeds …` and `byline fetch` as a user runs them, against a server on 127.0.0.1
//! started here (nothing else is contacted).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and measuring code: a failure should stop it loudly

#[path = "support/command_line.rs"]
mod command_line;
use command_line::byline;

#[path = "support/http_server.rs"]
mod http_server;

use std::process::Output;

use http_server::{Reply, Server};

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Local News</title><language>fr</language>
<item><title>Premier article</title><link>/a/1</link><guid>local-1</guid>
<description>Le premier texte parle de Bamako.</description><pubDate>Mon, 21 Nov 2022 10:00:00 GMT</pubDate></item>
<item><title>Second</title><link>/a/2</link><description>Le second texte.</description></item>
</channel></rss>"#;

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

#[test]
fn subscribe_fetch_read_offline_export_import_remove() {
    let server = Server::start(|r| match r.path.as_str() {
        "/feed.xml" => Reply::ok("application/rss+xml", RSS),
        _ => Reply::status(404),
    });
    let dir = tempfile::tempdir().unwrap();
    let missing = server.url("/gone.xml");
    std::fs::write(
        dir.path().join("config.toml"),
        format!("[fetch]\ntimeout_secs = 5\n\n[[feeds]]\nurl = \"{missing}\"\nname = \"Missing\"\n"),
    )
    .unwrap();
    let feed = server.url("/feed.xml");

    let out = byline(&["feeds", "add", &feed, "--name", "Local", "--tag", "local"], dir.path());
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(text(&out).trim(), "subscribed to Local");
    assert!(text(&byline(&["feeds", "add", &feed], dir.path())).contains("already subscribed"));
    assert!(!byline(&["feeds", "add", "ftp://nope"], dir.path()).status.success());

    let list = text(&byline(&["feeds", "list"], dir.path()));
    assert_eq!(list.lines().count(), 2, "{list}");
    assert!(list.contains("Missing\tconfig; never fetched"), "{list}");
    assert!(list.contains("Local\tadded; tags: local; never fetched"), "{list}");

    // One feed fails: the other is fetched all the same, and the exit code says so.
    let out = byline(&["fetch"], dir.path());
    let shown = text(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(shown.contains("  +2 new       Local"), "{shown}");
    assert!(shown.contains("FAILED        Missing: HTTP 404"), "{shown}");
    assert!(shown.contains("2 feeds: 2 new stories, 1 failed (Missing: HTTP 404)"), "{shown}");
    assert!(shown.contains("indexed: 2 files"), "{shown}");

    let again = text(&byline(&["fetch"], dir.path()));
    assert!(again.contains("  +0 new       Local"), "{again}");

    // Indexed for search, and listed with the library; readable once the server is gone.
    let found = text(&byline(&["search", "Bamako"], dir.path()));
    assert!(found.contains("Premier article"), "{found}");
    drop(server);
    let listed = text(&byline(&["list"], dir.path()));
    assert!(listed.contains("\tLocal\tPremier article"), "{listed}");
    assert_eq!(listed.lines().count(), 4, "the two samples and the two items: {listed}");

    let opml = dir.path().join("subs.opml");
    let out = byline(&["feeds", "export", opml.to_str().unwrap()], dir.path());
    assert!(out.status.success(), "{}", text(&out));
    let written = std::fs::read_to_string(&opml).unwrap();
    assert!(written.contains(&feed) && written.contains(&missing), "{written}");
    // An existing file is replaced only with --force.
    let out = byline(&["feeds", "export", opml.to_str().unwrap()], dir.path());
    assert!(!out.status.success() && text(&out).contains("use --force"), "{}", text(&out));
    let out = byline(&["feeds", "export", "--force", opml.to_str().unwrap()], dir.path());
    assert!(out.status.success(), "{}", text(&out));

    let out = byline(&["feeds", "remove", "missing"], dir.path());
    assert!(!out.status.success());
    assert!(text(&out).contains("is in the config file"), "{}", text(&out));
    let out = byline(&["feeds", "remove", "Local"], dir.path());
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("its stories stay in"), "{}", text(&out));
    assert_eq!(text(&byline(&["feeds", "list"], dir.path())).lines().count(), 1);

    let out = byline(&["feeds", "import", opml.to_str().unwrap()], dir.path());
    assert!(text(&out).contains("2 feeds in"), "{}", text(&out));
    assert!(text(&out).contains("1 added, 1 already subscribed, 0 left out"), "{}", text(&out));
}

#[test]
fn sweep_reports_counts_and_reasons() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.xml"), RSS).unwrap();
    std::fs::write(dir.path().join("page.html"), "<!DOCTYPE html><html><body><p>Hi</p></body></html>")
        .unwrap();
    std::fs::write(dir.path().join("broken.xml"), "<rss><channel><item><title>x</ti").unwrap();
    let out = byline(&["feeds", "sweep", dir.path().to_str().unwrap()], dir.path());
    let shown = text(&out);
    assert!(out.status.success(), "{shown}");
    assert!(shown.starts_with("3 files: "), "{shown}");
    assert!(shown.contains("not a feed: an HTML page"), "{shown}");
}
