//! Fetching against a local server on 127.0.0.1 (nothing else is ever contacted): every
//! failure a feed can have is reported as that feed's outcome and never stops the run.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use super::fetch::Outcome;
use super::store_items::Stored;
use super::subscriptions::Origin;
use super::test_server::{Reply, Server};
use super::*;
use crate::config::FetchConfig;
use crate::library::{Limits, load_paths};
use crate::store::Store;

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Local News</title><link>http://127.0.0.1/</link><language>fr</language>
<item><title>Premier article</title><link>/a/1</link><guid>local-1</guid>
<description>&lt;p&gt;Le premier texte.&lt;/p&gt;</description><pubDate>Mon, 21 Nov 2022 10:00:00 GMT</pubDate></item>
<item><title>Second</title><link>/a/2</link><description>Le second texte.</description></item>
</channel></rss>"#;

fn feed(url: String) -> Feed {
    Feed { url, name: None, tags: vec!["local".into()], full_text: false, origin: Origin::Store }
}

fn settings() -> FetchConfig {
    FetchConfig {
        concurrency: 4,
        timeout_secs: 2,
        max_bytes: 1024 * 1024,
        max_redirects: 3,
        ..FetchConfig::default()
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn routes(path: &str) -> Reply {
    match path {
        "/feed.xml" => Reply::ok("application/rss+xml", RSS),
        "/missing.xml" => Reply::status(404),
        "/broken.xml" => Reply::status(500),
        "/loop.xml" => {
            Reply::Full { status: 302, headers: vec![("Location", "/loop.xml".into())], body: vec![] }
        }
        "/slow.xml" => Reply::Slow(Duration::from_secs(10), RSS.into()),
        "/endless.xml" => Reply::Endless,
        "/malformed.xml" => Reply::ok("text/xml", "<rss version=\"2.0\"><channel><<title>>&&oops</rss>"),
        "/gzip.xml" => Reply::Full {
            status: 200,
            headers: vec![("Content-Encoding", "gzip".into())],
            body: gzip(RSS.replace("Local News", "Gzip News").as_bytes()),
        },
        "/deflate.xml" => Reply::Full {
            status: 200,
            headers: vec![("Content-Encoding", "deflate".into())],
            body: deflate(RSS.as_bytes()),
        },
        "/page.html" => {
            Reply::ok("text/html", "<html><head><title>x</title></head><body><p>menu</p></body></html>")
        }
        _ => Reply::status(404),
    }
}

fn outcome_of<'a>(report: &'a FetchReport, path: &str) -> &'a Outcome {
    &report.outcomes.iter().find(|o| o.url.ends_with(path)).unwrap().outcome
}

fn failure(report: &FetchReport, path: &str) -> String {
    match outcome_of(report, path) {
        Outcome::Failed(why) => why.clone(),
        other => panic!("{path}: expected a failure, got {other:?}"),
    }
}

#[test]
fn every_failure_is_reported_per_feed_and_the_others_go_on() {
    let server = Server::start(|r| routes(&r.path));
    let store = Store::open_in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let paths = [
        "/missing.xml",
        "/broken.xml",
        "/loop.xml",
        "/slow.xml",
        "/endless.xml",
        "/malformed.xml",
        "/page.html",
        "/gzip.xml",
        "/deflate.xml",
        "/feed.xml",
    ];
    let feeds: Vec<Feed> = paths.iter().map(|p| feed(server.url(p))).collect();
    let mut seen = Vec::new();
    let report = fetch_all(&store, &feeds, dir.path(), &settings(), &mut |done, total, label| {
        seen.push((done, total, label.to_string()))
    });
    assert_eq!(report.outcomes.len(), paths.len());
    assert_eq!(seen.len(), paths.len());
    assert_eq!(seen.last().map(|s| (s.0, s.1)), Some((paths.len(), paths.len())));

    assert_eq!(failure(&report, "/missing.xml"), "HTTP 404");
    assert_eq!(failure(&report, "/broken.xml"), "HTTP 500");
    assert_eq!(failure(&report, "/loop.xml"), "more than 3 redirects");
    assert_eq!(failure(&report, "/slow.xml"), "timed out after 2 s");
    assert_eq!(failure(&report, "/endless.xml"), "larger than the 1 MiB limit");
    let malformed = failure(&report, "/malformed.xml");
    assert!(!malformed.is_empty() && !malformed.contains('\n'), "{malformed}");
    assert_eq!(failure(&report, "/page.html"), "not a feed: an HTML page");
    for ok in ["/gzip.xml", "/deflate.xml", "/feed.xml"] {
        assert!(matches!(outcome_of(&report, ok), Outcome::Fetched(Stored { new: 2, .. })), "{ok}");
    }
    assert_eq!(report.new_stories(), 6);
    assert_eq!(report.failures().count(), 7);
    let summary = report.summary();
    assert!(summary.starts_with("10 feeds: 6 new stories, 7 failed ("), "{summary}");

    // What was stored loads like any other story, with the feed's tags and its title as source.
    let (articles, skipped) = load_paths(&[dir.path().to_path_buf()], &Limits::default());
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(articles.len(), 6);
    let first =
        articles.iter().find(|a| a.title == "Premier article" && a.source.as_deref() == Some("Local News"));
    let first = first.expect("the first item, stored");
    assert_eq!(first.body, "Le premier texte.");
    assert_eq!(first.url.as_deref(), Some(server.url("/a/1").as_str()));
    assert_eq!(first.lang.as_deref(), Some("fr"));
    assert_eq!(first.tags, ["local"]);
    assert!(articles.iter().any(|a| a.source.as_deref() == Some("Gzip News")));

    // Failures are recorded for `feeds list`.
    let status = store.feed_status(&server.url("/missing.xml")).unwrap();
    assert_eq!(status.status.as_deref(), Some("failed: HTTP 404"));
}

#[test]
fn fetching_again_never_duplicates_and_304_costs_nothing() {
    let server = Server::start(|r| {
        let fresh = r.header("if-none-match") == Some("\"v1\"")
            && r.header("if-modified-since") == Some("Mon, 21 Nov 2022 10:00:00 GMT");
        match r.path.as_str() {
            "/etag.xml" if fresh => Reply::Full { status: 304, headers: vec![], body: vec![] },
            "/etag.xml" => Reply::Full {
                status: 200,
                headers: vec![
                    ("ETag", "\"v1\"".into()),
                    ("Last-Modified", "Mon, 21 Nov 2022 10:00:00 GMT".into()),
                ],
                body: RSS.into(),
            },
            // No validators: downloaded each time, its items recognised.
            _ => routes(&r.path),
        }
    });
    let store = Store::open_in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let feeds = vec![feed(server.url("/etag.xml")), feed(server.url("/feed.xml"))];
    let first = fetch_all(&store, &feeds, dir.path(), &settings(), &mut |_, _, _| {});
    assert_eq!(first.new_stories(), 4, "{first:?}");
    let second = fetch_all(&store, &feeds, dir.path(), &settings(), &mut |_, _, _| {});
    assert_eq!(outcome_of(&second, "/etag.xml"), &Outcome::NotModified);
    assert_eq!(outcome_of(&second, "/feed.xml"), &Outcome::Fetched(Stored { known: 2, ..Stored::default() }));
    assert_eq!(second.summary(), "2 feeds: 0 new stories, 1 not modified");

    let requests = server.requests_for("/etag.xml");
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].header("if-none-match"), None);
    assert_eq!(requests[1].header("if-none-match"), Some("\"v1\""));
    assert_eq!(requests[1].header("if-modified-since"), Some("Mon, 21 Nov 2022 10:00:00 GMT"));
    assert!(
        requests[0].header("accept-encoding").is_some_and(|v| v.contains("gzip") && v.contains("deflate"))
    );
    let (articles, _) = load_paths(&[dir.path().to_path_buf()], &Limits::default());
    assert_eq!(articles.len(), 4);
}

#[test]
fn full_text_takes_the_page_and_falls_back_to_the_feed() {
    let page = format!(
        "<html><head><title>Premier article</title><meta name=\"author\" content=\"Awa Diallo\"></head><body>\
         <nav><a href=\"/\">Accueil</a></nav><article><h1>Premier article</h1>{}</article></body></html>",
        "<p>Le texte complet de l'article, bien plus long que le résumé du flux, avec des détails, \
         des citations et des chiffres qui ne tiennent pas dans un extrait de quelques mots.</p>"
            .repeat(3)
    );
    let server = Server::start(move |r| match r.path.as_str() {
        "/a/1" => Reply::ok("text/html; charset=utf-8", page.clone()),
        "/a/2" => Reply::status(404),
        _ => routes(&r.path),
    });
    let store = Store::open_in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let feeds = vec![Feed { full_text: true, ..feed(server.url("/feed.xml")) }];
    let report = fetch_all(&store, &feeds, dir.path(), &settings(), &mut |_, _, _| {});
    assert_eq!(
        outcome_of(&report, "/feed.xml"),
        &Outcome::Fetched(Stored { new: 2, page_failures: 1, ..Stored::default() })
    );
    let (articles, _) = load_paths(&[dir.path().to_path_buf()], &Limits::default());
    let full = articles.iter().find(|a| a.title == "Premier article").unwrap();
    assert!(full.body.starts_with("Le texte complet"), "{}", full.body);
    assert!(!full.body.contains("Accueil"));
    let fallback = articles.iter().find(|a| a.title == "Second").unwrap();
    assert_eq!(fallback.body, "Le second texte.");
}

/// A feed of `n` items whose pages never answer in time.
fn feed_of_hanging_pages(n: usize) -> String {
    let items: String = (0..n)
        .map(|i| format!("<item><title>Item {i}</title><link>/hang/{i}</link><description>Texte {i}.</description></item>"))
        .collect();
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Hanging</title>{items}</channel></rss>"
    )
}

#[test]
fn full_text_stops_at_the_feeds_deadline_and_at_the_runs() {
    let server = Server::start(|r| match r.path.as_str() {
        "/hanging.xml" | "/hanging2.xml" => Reply::ok("application/rss+xml", feed_of_hanging_pages(30)),
        p if p.starts_with("/hang/") => Reply::Slow(Duration::from_secs(20), b"<p>late</p>".to_vec()),
        p => routes(p),
    });
    let store = Store::open_in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let hanging = |path: &str| Feed { full_text: true, ..feed(server.url(path)) };
    // 30 pages of a 2 s timeout each took 60 s for one feed: now a second for the feed.
    let settings = FetchConfig { full_text_feed_secs: 1, ..settings() };
    let start = std::time::Instant::now();
    let report = fetch_all(&store, &[hanging("/hanging.xml")], dir.path(), &settings, &mut |_, _, _| {});
    assert!(start.elapsed() < Duration::from_secs(5), "{:?}", start.elapsed());
    assert_eq!(
        outcome_of(&report, "/hanging.xml"),
        &Outcome::Fetched(Stored { new: 30, pages_out_of_time: 30, ..Stored::default() })
    );
    assert!(report.outcomes[0].line().contains("30 pages not fetched in time, feed text kept"));
    assert!(
        report.summary().contains("full text cut short by its time limit in 1 feed (30 pages not fetched)"),
        "{}",
        report.summary()
    );
    // The run's deadline holds across feeds, one after the other.
    let settings =
        FetchConfig { concurrency: 1, full_text_feed_secs: 100, full_text_run_secs: 1, ..settings };
    let dir = tempfile::tempdir().unwrap();
    let start = std::time::Instant::now();
    let feeds = [hanging("/hanging.xml"), hanging("/hanging2.xml")];
    let report = fetch_all(&store, &feeds, dir.path(), &settings, &mut |_, _, _| {});
    assert!(start.elapsed() < Duration::from_secs(5), "{:?}", start.elapsed());
    assert!(report.summary().contains("in 2 feeds (60 pages not fetched)"), "{}", report.summary());
}

#[test]
fn item_ids_are_stable_and_feed_specific() {
    let doc =
        crate::library::parse_feed_document(RSS.as_bytes(), Some("http://h/f"), None, &Limits::default())
            .unwrap();
    let a = store_items::item_id("http://h/f", &doc.items[0]);
    assert_eq!(a, store_items::item_id("http://h/f", &doc.items[0]));
    assert_ne!(a, store_items::item_id("http://h/g", &doc.items[0]));
    // Without a guid the link keys the item, so an edited title keeps the id.
    let mut edited = doc.items[1].clone();
    edited.article.title = "Second (corrigé)".into();
    assert_eq!(
        store_items::item_id("http://h/f", &doc.items[1]),
        store_items::item_id("http://h/f", &edited)
    );
}

#[test]
fn slugs_are_readable_and_distinct() {
    let a = slug("https://www.lemonde.fr/rss/une.xml");
    assert!(a.starts_with("lemonde-fr-rss-une-xml-"), "{a}");
    assert_ne!(a, slug("http://www.lemonde.fr/rss/une.xml"));
    assert!(!slug("https://x/").contains('/'));
    assert!(Path::new(&slug(&format!("https://{}", "é".repeat(300)))).components().count() == 1);
}

/// A feed without an encoding declaration is read in the charset its Content-Type names
/// (byte 0xA4 is "€" in ISO-8859-15, "¤" in the windows-1252 a guess would pick).
#[test]
fn the_content_type_charset_decodes_an_undeclared_feed() {
    let mut body =
        b"<rss version=\"2.0\"><channel><title>Prix</title><item><title>Le ticket passe \xe0 2 \xa4</title>\
        <description>Le prix du ticket passe \xe0 2 \xa4 lundi.</description></item></channel></rss>"
            .to_vec();
    body.extend_from_slice(b"\n");
    let server = Server::start(move |_| Reply::Full {
        status: 200,
        headers: vec![("Content-Type", "text/xml; charset=ISO-8859-15".into())],
        body: body.clone(),
    });
    let store = Store::open_in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let report =
        fetch_all(&store, &[feed(server.url("/prix.xml"))], dir.path(), &settings(), &mut |_, _, _| {});
    assert!(matches!(outcome_of(&report, "/prix.xml"), Outcome::Fetched(Stored { new: 1, .. })));
    let (articles, _) = load_paths(&[dir.path().to_path_buf()], &Limits::default());
    assert_eq!(articles.first().map(|a| a.title.as_str()), Some("Le ticket passe à 2 €"));
}

/// A feed that gives the same story a new guid on every fetch: the link recognises it.
#[test]
fn an_item_whose_guid_changes_on_every_fetch_is_stored_once() {
    let fetches = std::sync::atomic::AtomicUsize::new(0);
    let server = Server::start(move |_| {
        let n = fetches.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Reply::ok(
            "application/rss+xml",
            format!(
                "<rss version=\"2.0\"><channel><title>T</title><item><title>Same story</title>\
                 <link>http://127.0.0.1/story/7</link><guid isPermaLink=\"false\">gen-{n}</guid>\
                 <description>The same text every time.</description></item></channel></rss>"
            ),
        )
    });
    let store = Store::open_in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let feeds = [feed(server.url("/changing.xml"))];
    let first = fetch_all(&store, &feeds, dir.path(), &settings(), &mut |_, _, _| {});
    assert_eq!(first.new_stories(), 1);
    let second = fetch_all(&store, &feeds, dir.path(), &settings(), &mut |_, _, _| {});
    assert_eq!(
        outcome_of(&second, "/changing.xml"),
        &Outcome::Fetched(Stored { known: 1, ..Stored::default() })
    );
    let (articles, skipped) = load_paths(&[dir.path().to_path_buf()], &Limits::default());
    assert!(skipped.is_empty(), "the marker files are not articles: {skipped:?}");
    assert_eq!(articles.len(), 1);
}

/// Distinct items that share a link (episodes pointing at the show's page) are all kept.
#[test]
fn items_sharing_a_link_are_distinct_stories() {
    let server = Server::start(|_| {
        Reply::ok(
            "application/rss+xml",
            "<rss version=\"2.0\"><channel><title>Show</title>\
             <item><title>Episode 1</title><link>http://127.0.0.1/show</link><guid>ep-1</guid>\
             <description>First episode.</description></item>\
             <item><title>Episode 2</title><link>http://127.0.0.1/show</link><guid>ep-2</guid>\
             <description>Second episode.</description></item></channel></rss>",
        )
    });
    let store = Store::open_in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let report =
        fetch_all(&store, &[feed(server.url("/show.xml"))], dir.path(), &settings(), &mut |_, _, _| {});
    assert_eq!(report.new_stories(), 2);
}

/// A 301 is followed, said in the summary and remembered: the next fetch asks the new address.
/// A 302 is followed but not remembered. The items keep the subscription's ids either way.
#[test]
fn a_permanent_move_is_remembered_and_a_temporary_one_is_not() {
    let server = Server::start(|r| match r.path.as_str() {
        "/old.xml" => {
            Reply::Full { status: 301, headers: vec![("Location", "/feed.xml".into())], body: vec![] }
        }
        "/away.xml" => {
            Reply::Full { status: 302, headers: vec![("Location", "/feed.xml".into())], body: vec![] }
        }
        "/file.xml" => Reply::Full {
            status: 301,
            headers: vec![("Location", "file:///etc/passwd".into())],
            body: vec![],
        },
        path => routes(path),
    });
    let store = Store::open_in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let feeds = [feed(server.url("/old.xml")), feed(server.url("/away.xml")), feed(server.url("/file.xml"))];
    let first = fetch_all(&store, &feeds, dir.path(), &settings(), &mut |_, _, _| {});
    let moved = first.outcomes.iter().find(|o| o.url.ends_with("/old.xml")).unwrap();
    assert_eq!(moved.moved_to.as_deref(), Some(server.url("/feed.xml").as_str()));
    assert!(moved.line().contains("moved permanently to http://"), "{}", moved.line());
    assert_eq!(first.outcomes.iter().find(|o| o.url.ends_with("/away.xml")).unwrap().moved_to, None);
    assert_eq!(failure(&first, "/file.xml"), "bad redirect: to a file: address");
    assert_eq!(first.new_stories(), 4);

    let second = fetch_all(&store, &feeds, dir.path(), &settings(), &mut |_, _, _| {});
    assert_eq!(second.new_stories(), 0, "same items, same ids");
    assert_eq!(second.outcomes[0].moved_to, None, "said once");
    assert_eq!(server.requests_for("/old.xml").len(), 1, "asked at the new address the second time");
    assert_eq!(server.requests_for("/away.xml").len(), 2);
}

/// A feed known by its ETag moves: the 301 leads to a 304, and the move is still remembered.
/// When the new address later disappears (404), the subscribed address is asked again.
#[test]
fn a_move_answered_by_304_is_remembered_and_a_vanished_new_address_is_dropped() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU8, Ordering};
    // 0: the feed at its first address; 1: moved to /new.xml; 2: /new.xml gone, old one back.
    let phase = Arc::new(AtomicU8::new(0));
    let server = {
        let phase = phase.clone();
        Server::start(move |r| {
            let etagged =
                Reply::Full { status: 200, headers: vec![("ETag", "\"v1\"".into())], body: RSS.into() };
            let current = r.header("if-none-match") == Some("\"v1\"");
            match (phase.load(Ordering::SeqCst), r.path.as_str()) {
                (0 | 2, "/first.xml") if current => Reply::status(304),
                (0 | 2, "/first.xml") => etagged,
                (1, "/first.xml") => {
                    Reply::Full { status: 301, headers: vec![("Location", "/new.xml".into())], body: vec![] }
                }
                (1, "/new.xml") if current => Reply::status(304),
                _ => Reply::status(404),
            }
        })
    };
    let store = Store::open_in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let feeds = [feed(server.url("/first.xml"))];
    let fetch = || fetch_all(&store, &feeds, dir.path(), &settings(), &mut |_, _, _| {});
    assert_eq!(fetch().new_stories(), 2);

    phase.store(1, Ordering::SeqCst);
    let moved = fetch();
    assert_eq!(moved.outcomes[0].outcome, Outcome::NotModified);
    assert_eq!(moved.outcomes[0].moved_to.as_deref(), Some(server.url("/new.xml").as_str()));
    assert!(
        moved.outcomes[0].line().contains("(moved permanently to http://"),
        "{}",
        moved.outcomes[0].line()
    );
    assert_eq!(fetch().outcomes[0].outcome, Outcome::NotModified);
    assert_eq!(server.requests_for("/first.xml").len(), 2, "the third fetch went straight to /new.xml");

    phase.store(2, Ordering::SeqCst);
    assert_eq!(fetch().outcomes[0].outcome, Outcome::NotModified, "back at the first address");
    assert_eq!(store.feed_validators(&server.url("/first.xml")).unwrap().moved_to, None);
}

#[test]
fn one_story_s_page_is_kept_in_its_stored_file_and_failures_change_nothing() {
    let page = format!(
        "<html><head><title>Premier</title></head><body><article><h1>Premier</h1>{}</article></body></html>",
        "<p>Le texte complet de la page, bien plus long que le titre seul que le flux donnait.</p>".repeat(3)
    );
    let rss = r#"<rss version="2.0"><channel><title>Titres</title>
<item><title>Premier</title><link>/a/1</link></item>
<item><title>Second</title><link>/a/2</link></item>
<item><title>Court</title><link>/a/3</link></item></channel></rss>"#;
    let server = Server::start(move |r| match r.path.as_str() {
        "/feed.xml" => Reply::ok("application/rss+xml", rss),
        "/a/1" => Reply::ok("text/html; charset=utf-8", page.clone()),
        "/a/3" => Reply::ok("text/html", "<html><body><p>Court.</p></body></html>"),
        _ => Reply::status(404),
    });
    let dir = tempfile::tempdir().unwrap();
    let feeds_dir = dir.path().join("feeds");
    let mut store = Store::open_in_memory().unwrap();
    fetch_all(&store, &[feed(server.url("/feed.xml"))], &feeds_dir, &settings(), &mut |_, _, _| {});
    // A file of the user's own, outside the feeds folder.
    let own = dir.path().join("own.json");
    std::fs::write(&own, r#"{"id": "own", "title": "Mine", "body": "Mine.", "url": "http://x/"}"#).unwrap();
    let roots = [feeds_dir.clone(), own.clone()];
    let index = |store: &mut Store| {
        let source = crate::service::Source::Paths(roots.to_vec());
        crate::service::index::index_source(store, &source, &Limits::default(), &mut |_, _| {}).unwrap();
    };
    index(&mut store);
    let stories = store.stories_in(&crate::library::scope::scopes(&roots)).unwrap();
    let id = |title: &str| stories.iter().find(|m| m.title == title).unwrap().id.clone();
    let fetch = |store: &Store, title: &str, path: &str| {
        super::full_text::fetch_story(store, &feeds_dir, &settings(), &id(title), &server.url(path))
    };
    let files_before = walk_bytes(&feeds_dir);
    let missing = fetch(&store, "Second", "/a/2").unwrap_err();
    assert!(missing.ends_with("/a/2: HTTP 404"), "{missing}");
    let short = fetch(&store, "Court", "/a/3").unwrap_err();
    assert!(short.starts_with("the page has no more text than the story"), "{short}");
    let own_story = fetch(&store, "Mine", "/a/1").unwrap_err();
    assert!(own_story.contains("only stories fetched from a subscribed feed"), "{own_story}");
    assert_eq!(walk_bytes(&feeds_dir), files_before, "failures write nothing");

    let kept = fetch(&store, "Premier", "/a/1").unwrap();
    assert!(kept.starts_with("full text kept: "), "{kept}");
    index(&mut store);
    let article = store.article(&id("Premier")).unwrap().unwrap().article;
    assert!(article.body.starts_with("Le texte complet de la page"), "{}", article.body);
    assert_eq!((article.title.as_str(), article.source.as_deref()), ("Premier", Some("Titres")));
}

/// Every file under `dir` with its bytes, in path order.
fn walk_bytes(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        if entry.path().is_dir() {
            files.extend(walk_bytes(&entry.path()));
        } else {
            files.push((entry.path(), std::fs::read(entry.path()).unwrap()));
        }
    }
    files.sort();
    files
}
