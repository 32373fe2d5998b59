//! Whole-pipeline tests: the fixture files in `tests/fixtures/`, `load_paths`, and hostile
//! bytes thrown at every parser.

use std::path::{Path, PathBuf};

use super::*;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn load(name: &str) -> Result<Loaded, LoadError> {
    load_file(&fixtures().join(name), &Limits::default())
}

fn one(name: &str) -> Article {
    let l = load(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(l.articles.len(), 1, "{name}");
    l.articles.into_iter().next().unwrap()
}

/// The `Article` contract, checked on everything that loads.
fn assert_contract(a: &Article) {
    assert!(!a.body.is_empty(), "empty body in {:?}", a.path);
    for p in a.body.split("\n\n") {
        assert!(!p.is_empty() && !p.contains('\n'), "bad paragraph {p:?}");
        assert_eq!(p.trim(), p, "untrimmed paragraph {p:?}");
    }
    let fields = [
        Some(&a.title),
        a.date.as_ref(),
        a.author.as_ref(),
        a.source.as_ref(),
        a.url.as_ref(),
        a.lang.as_ref(),
    ];
    for s in fields.into_iter().flatten().chain(&a.tags).chain([&a.body]) {
        assert!(matches!(sanitize(s), std::borrow::Cow::Borrowed(_)), "unsanitised {s:?}");
        assert!(unicode_normalization::is_nfc(s), "not NFC {s:?}");
    }
    assert!(!a.title.contains('\n'));
    assert!(
        !a.id.is_empty() && a.id.chars().all(|c| !c.is_control() && !c.is_whitespace()),
        "bad id {:?}",
        a.id
    );
}

#[test]
fn txt_with_title() {
    let a = one("title.txt");
    assert_contract(&a);
    assert_eq!(a.title, "Mali signs security pact with Russia");
    assert!(a.body.starts_with("The Malian government"));
    assert_eq!(a.paragraphs().count(), 2);
    assert!(!a.damaged);
}

#[test]
fn txt_without_title() {
    let a = one("no_title.txt");
    assert_contract(&a);
    assert!(a.title.starts_with("Le gouvernement malien a signé"), "{}", a.title);
    assert!(a.body.starts_with("Le gouvernement malien"));
    assert_eq!(a.paragraphs().count(), 2);
}

#[test]
fn markdown_yaml_and_toml() {
    let a = one("front_yaml.md");
    assert_contract(&a);
    assert_eq!(a.title, "Le Mali signe un accord");
    assert_eq!(a.date.as_deref(), Some("2022-11-21"));
    assert_eq!(a.lang.as_deref(), Some("fr"));
    assert_eq!(a.tags, ["Mali", "Russie"]);
    assert_eq!(
        a.body,
        "Le gouvernement malien a signé un nouvel accord avec la Russie.\n\nContexte\n\nBarkhane a quitté le pays\n\nWagner est présent depuis 2021"
    );
    let b = one("front_toml.md");
    assert_contract(&b);
    assert_eq!(b.date.as_deref(), Some("2005-02-10"));
    assert_eq!(b.tags, ["oil", "markets"]);
    assert_eq!(b.paragraphs().count(), 2);
}

#[test]
fn json_object_array_and_lines() {
    let a = one("article.json");
    assert_contract(&a);
    assert_eq!(a.id, "ecofin-2022-11-21");
    assert_eq!(a.paragraphs().count(), 2);

    let l = load("articles.json").unwrap();
    assert_eq!(l.articles.len(), 2);
    assert_eq!(l.articles[1].body, "The second story is HTML.\n\nIt has two paragraphs.");
    l.articles.iter().for_each(assert_contract);

    let l = load("articles.jsonl").unwrap();
    assert_eq!(l.articles.len(), 3);
    assert_eq!(l.warnings.len(), 1);
    assert_eq!(l.warnings[0].line, Some(3));
    l.articles.iter().for_each(assert_contract);
}

#[test]
fn html_page() {
    let a = one("page.html");
    assert_contract(&a);
    assert_eq!(a.title, "Deutsche attacks Yukos case");
    assert_eq!(a.source.as_deref(), Some("The Daily Example"));
    assert_eq!(a.author.as_deref(), Some("Jane Reporter"));
    assert_eq!(a.lang.as_deref(), Some("en"));
    assert_eq!(a.paragraphs().count(), 3, "{}", a.body);
    for junk in ["Home", "Share on", "Related", "Copyright", "tracking", "font-family"] {
        assert!(!a.body.contains(junk), "{junk}");
    }
}

#[test]
fn feeds() {
    let rss = load("feed.rss").unwrap();
    assert_eq!(rss.articles.len(), 2);
    assert_eq!(rss.articles[0].source.as_deref(), Some("Example News"));
    assert_eq!(rss.articles[0].paragraphs().count(), 2);
    let atom = load("feed.atom").unwrap();
    assert_eq!(atom.articles[0].author.as_deref(), Some("Rédaction"));
    let json = load("feed.json").unwrap();
    assert_eq!(json.articles.len(), 2);
    assert_eq!(json.articles[0].body, "Hello world.");
    for a in rss.articles.iter().chain(&atom.articles).chain(&json.articles) {
        assert_contract(a);
        assert!(
            a.url.is_some() && a.date.is_some()
                || a.title == "Dollar gains on Greenspan speech"
                || a.title == "Second item"
        );
    }
}

#[test]
fn encodings() {
    let a = one("latin1.txt");
    assert_contract(&a);
    assert_eq!(a.title, "Prix du café en hausse");
    assert!(a.body.contains("coûte"));
    assert!(a.damaged, "a guessed encoding is flagged");
    let u = one("utf16.txt");
    assert_contract(&u);
    assert_eq!(u.title, "Ünïcödé title");
    assert!(!u.damaged);
}

#[test]
fn empty_and_binary_are_errors() {
    assert!(matches!(load("empty.txt"), Err(LoadError::Empty)));
    assert!(matches!(load("binary.txt"), Err(LoadError::Binary)));
    assert!(matches!(load("missing.txt"), Err(LoadError::Io(_))));
}

#[test]
fn load_paths_walks_folders() {
    let (articles, skipped) = load_paths(&[fixtures()], &Limits::default());
    // 2 txt + 2 md + 1 + 2 + 3 json + 1 html + 2 rss + 1 atom + 2 json feed + latin1 + utf16
    assert_eq!(articles.len(), 18, "{:#?}", articles.iter().map(|a| &a.path).collect::<Vec<_>>());
    let mut ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), articles.len(), "ids are unique");
    let reasons: Vec<String> = skipped.iter().map(|s| s.to_string()).collect();
    assert_eq!(skipped.len(), 4, "{reasons:#?}");
    // A file of another kind is left out, and said (issue 18: they vanished uncounted).
    assert!(reasons.iter().any(|r| r.ends_with("fixtures: 1 files of other kinds left out (.csv 1)")));
    assert!(reasons.iter().any(|r| r.ends_with("articles.jsonl:3: key must be a string at column 2")));
    assert!(reasons.iter().any(|r| r.ends_with("empty.txt: empty file")));
    assert!(reasons.iter().any(|r| r.ends_with("binary.txt: binary file (not text)")));
    assert!(!articles.iter().any(|a| a.path.ends_with(".hidden.txt") || a.path.ends_with("notes.csv")));
    articles.iter().for_each(assert_contract);
}

#[test]
fn load_paths_survives_symlink_loops_and_missing_paths() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("a.txt"), "Title\n\nBody text.").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path(), sub.join("loop")).unwrap();
    let missing = dir.path().join("nope.txt");
    let (articles, skipped) = load_paths(&[dir.path().to_path_buf(), missing], &Limits::default());
    assert_eq!(articles.len(), 1);
    assert_eq!(skipped.len(), 1);
    assert!(skipped[0].reason.starts_with("unreadable"));
}

#[test]
fn same_file_twice_gets_distinct_ids() {
    let f = fixtures().join("title.txt");
    let (articles, _) = load_paths(&[f.clone(), f], &Limits::default());
    assert_eq!(articles.len(), 2);
    assert_ne!(articles[0].id, articles[1].id);
}

#[test]
fn size_limits() {
    let limits = Limits { max_file_bytes: 10, ..Limits::default() };
    let r = parse_bytes(Path::new("a.txt"), b"more than ten bytes", &limits);
    assert!(matches!(r, Err(LoadError::TooLarge { size: Some(19), limit: 10 })));
    assert_eq!(r.unwrap_err().reason(), "too large: 19 bytes (limit 10 bytes)");
}

#[test]
fn escape_sequences_never_survive() {
    let evil = "Title\u{1b}]0;pwned\u{7}\n\nBody \u{1b}[2J\u{1b}[31mred\u{9b}0m \u{202e}txt.exe\r\n";
    for ext in ["txt", "md", "html"] {
        let l = parse_bytes(Path::new(&format!("x.{ext}")), evil.as_bytes(), &Limits::default()).unwrap();
        for a in &l.articles {
            assert_contract(a);
            assert!(!a.body.contains("pwned") && !a.title.contains("pwned"));
        }
    }
}

fn nasty_inputs() -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = vec![
        ("zero".into(), vec![]),
        ("utf8 bom".into(), vec![0xef, 0xbb, 0xbf]),
        ("utf16 bom".into(), vec![0xff, 0xfe]),
        ("utf16be bom odd".into(), vec![0xfe, 0xff, 0x00]),
        ("utf32 bom".into(), vec![0xff, 0xfe, 0, 0, 0x41]),
        ("spaces".into(), b" \n\r\n\t ".to_vec()),
        ("deep json".into(), "[".repeat(100_000).into_bytes()),
        ("deep json objects".into(), "{\"a\":".repeat(100_000).into_bytes()),
        ("deep html".into(), ("<div>".repeat(100_000) + "x").into_bytes()),
        ("deep mixed html".into(), "<b><i><table><tr><td><a>".repeat(20_000).into_bytes()),
        ("deep quotes".into(), (">".repeat(50_000) + " x").into_bytes()),
        ("deep lists".into(), (0..2000).map(|i| format!("{}- x\n", "  ".repeat(i))).collect::<String>().into_bytes()),
        ("lone surrogate escape".into(), br#"{"body":"\ud800 x"}"#.to_vec()),
        ("front matter only".into(), b"---\ntitle: x\n---\n".to_vec()),
        ("unclosed front matter".into(), b"+++\ntitle = 1".to_vec()),
        ("yaml bomb".into(), b"---\na: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\ntags: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n---\nbody\n".to_vec()),
        ("xml entity bomb".into(), b"<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><rss version=\"2.0\"><channel><item><description>&c;&c;&c;</description></item></channel></rss>".to_vec()),
        ("truncated feed".into(), b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>a</title><description>text".to_vec()),
        ("truncated gzip".into(), vec![0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03, 0xf3]),
        ("escape soup".into(), b"\x1b]0;\x1b[\x1bP\x9b\x1b".to_vec()),
        ("nul in text".into(), b"ok\0text".to_vec()),
        ("long line".into(), vec![b'a'; 200_000]),
        ("jsonfeed without items".into(), br#"{"version":"https://jsonfeed.org/version/1","title":"x"}"#.to_vec()),
        ("jsonfeed bad items".into(), br#"{"version":"https://jsonfeed.org/version/1","items":[1,"x",null,{"id":[]}]}"#.to_vec()),
        ("html in xml".into(), b"<!DOCTYPE html><html><body><p>Page posing as a feed.</p></body></html>".to_vec()),
    ];
    // Random bytes, with a fixed xorshift seed so failures reproduce.
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    for n in [1usize, 7, 64, 1000, 20_000] {
        let bytes = (0..n)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                (seed >> 24) as u8
            })
            .collect();
        v.push((format!("random {n}"), bytes));
    }
    // Every prefix-truncation of a real feed and page.
    let rss = std::fs::read(fixtures().join("feed.rss")).unwrap_or_default();
    let html = std::fs::read(fixtures().join("page.html")).unwrap_or_default();
    for cut in (0..rss.len()).step_by(37) {
        v.push((format!("rss cut at {cut}"), rss[..cut].to_vec()));
    }
    for cut in (0..html.len()).step_by(53) {
        v.push((format!("html cut at {cut}"), html[..cut].to_vec()));
    }
    v
}

#[test]
fn nothing_panics_on_nasty_bytes() {
    let limits = Limits::default();
    for (name, bytes) in nasty_inputs() {
        for ext in ["txt", "md", "json", "jsonl", "html", "xml", "rss", "atom", "bin", ""] {
            let path = PathBuf::from(format!("nasty.{ext}"));
            match parse_bytes(&path, &bytes, &limits) {
                Ok(l) => l.articles.iter().for_each(assert_contract),
                Err(e) => {
                    let r = e.reason();
                    assert!(!r.is_empty() && !r.contains('\n'), "{name}.{ext}: {r:?}");
                }
            }
        }
    }
}

#[test]
fn deep_json_is_an_error_not_a_crash() {
    let deep = "[".repeat(100_000);
    let r = parse_bytes(Path::new("d.json"), deep.as_bytes(), &Limits::default());
    assert!(matches!(r, Err(LoadError::Json { .. })), "{r:?}");
}

#[test]
fn gzip_is_looked_through() {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(b"<rss version=\"2.0\"><channel><title>Z</title><item><description>Zipped.</description></item></channel></rss>").unwrap();
    let gz = enc.finish().unwrap();
    let l = parse_bytes(Path::new("feed.xml"), &gz, &Limits::default()).unwrap();
    assert_eq!(l.articles[0].body, "Zipped.");
}

#[cfg(unix)]
#[test]
fn odd_file_names_and_unreadable_files_are_handled() {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    // A name that is not UTF-8, and one with an escape sequence in it.
    let latin1 = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(dir.path().join(latin1), "Un titre\n\nUn corps de texte.").unwrap();
    std::fs::write(dir.path().join("\u{1b}[31mred.txt"), "Red\n\nText.").unwrap();
    let locked = dir.path().join("locked.txt");
    std::fs::write(&locked, "Locked\n\nText.").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable_anyway = std::fs::read(&locked).is_ok(); // root reads everything
    let (articles, skipped) = load_paths(&[dir.path().to_path_buf()], &Limits::default());
    let expected = if readable_anyway { 3 } else { 2 };
    assert_eq!(articles.len(), expected, "{skipped:?}");
    for s in &skipped {
        assert!(!s.to_string().contains('\u{1b}'), "skip reasons are printable: {s}");
    }
    for a in &articles {
        assert!(!a.id.contains('\t'));
    }
    if !readable_anyway {
        assert!(skipped.iter().any(|s| s.path == locked && s.reason.contains("unreadable")), "{skipped:?}");
    }
}

/// Found by fuzzing (load_feed): an XML declaration naming an encoding in the middle of a feed
/// made quick-xml (inside feed-rs) panic. The panic is caught, and the repair pass drops the
/// stray declaration so the item still loads.
#[test]
fn a_stray_xml_declaration_inside_a_feed_neither_panics_nor_loses_the_item() {
    let feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>T</title>\
        <item><title>A</title><description>before\n<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\nafter\
        </description></item></channel></rss>\n";
    let loaded = parse_bytes(Path::new("x.xml"), feed.as_bytes(), &Limits::default()).expect("loads");
    assert_eq!(loaded.articles.len(), 1);
    assert!(loaded.articles[0].body.contains("before") && loaded.articles[0].body.contains("after"));
    assert!(!crate::library::catching_panics(), "the guard is released");
}

/// Found by fuzzing (load_feed): feed-rs slices an author string assuming one-byte delimiters
/// around the e-mail; with «» the parser panicked and the whole feed was lost. The panic is
/// caught and the retry, with the address spaced out, loads the item and its author.
#[test]
fn feed_author_with_guillemets_around_the_email() {
    let feed = "<rss version=\"2.0\"><channel><title>t</title><item><title>Un</title>\
        <author>Jean Dupont «jd@example.org»</author><description>Texte.</description></item></channel></rss>";
    let loaded = parse_bytes(Path::new("f.xml"), feed.as_bytes(), &Limits::default()).expect("repaired");
    assert_eq!(loaded.articles.len(), 1);
    let author = loaded.articles[0].author.as_deref().unwrap_or_default();
    assert!(author.contains("Jean Dupont"), "{author:?}");
    let inside = "<rss version=\"2.0\"><channel><title>t</title><item><title>Un</title>\
        <description>Texte.</description><?xml version=\"1.0\" encoding=\"windows-1252\"?></item></channel></rss>";
    let loaded = parse_bytes(Path::new("g.xml"), inside.as_bytes(), &Limits::default()).expect("repaired");
    assert_eq!(loaded.articles.len(), 1);
}

/// Found by fuzzing (load_feed): when feed-rs crashes on a broken feed and the repaired copy
/// still does not parse, the reason given is what is wrong with the file, not "crashed".
#[test]
fn a_broken_feed_that_crashed_the_parser_is_refused_with_the_real_reason() {
    let feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>T</title>\
        <item><title>A</title><description>before\n<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n<feed>after\
        </description></item></channel></rss>\n";
    let err = parse_bytes(Path::new("x.xml"), feed.as_bytes(), &Limits::default()).expect_err("broken");
    let reason = err.reason();
    assert!(!reason.contains("crashed") && reason.contains("ill-formed"), "{reason}");
}

#[test]
fn a_feed_with_an_internal_dtd_subset_reads_as_a_feed_from_a_file_and_over_http() {
    let feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE rss [\n  <!ENTITY agency \"Agence Ecofin\">\n  \
                <!ELEMENT rss ANY>\n]>\n<rss version=\"2.0\"><channel><title>DTD News</title><item><title>First story</title>\
                <link>http://x/1</link><description>Selon &agency;, le texte de la dépêche.</description></item></channel></rss>";
    // Read as an HTML page (a doctype whose subset holds `>`), and refused over HTTP.
    let loaded = parse_bytes(Path::new("feed.xml"), feed.as_bytes(), &Limits::default()).unwrap();
    let titles: Vec<&str> = loaded.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["First story"]);
    assert_eq!(loaded.articles[0].body, "Selon Agence Ecofin, le texte de la dépêche.");
    let doc =
        parse_feed_document(feed.as_bytes(), Some("http://x/feed.xml"), None, &Limits::default()).unwrap();
    assert_eq!(doc.items.len(), 1);
    assert_eq!(doc.title.as_deref(), Some("DTD News"));
}
