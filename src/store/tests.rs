use super::*;

fn article(id: &str, title: &str, body: &str, date: Option<&str>) -> Article {
    Article {
        id: id.into(),
        title: title.into(),
        body: body.into(),
        date: date.map(Into::into),
        ..Article::default()
    }
}

fn stamp(n: u128) -> FileStamp {
    FileStamp { size: 10, mtime_ns: 1, hash: n }
}

fn store_with_two() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    let a = article(
        "a",
        "Accord de sécurité",
        "Le Mali et la Russie signent un accord de sécurité.",
        Some("2022-11-21"),
    );
    let b = article("b", "Strong demand", "Demand for steel rose in Europe.", Some("2005-01-01"));
    let facts = CachedFacts { json: "{}".into(), entities: vec![("LOC".into(), "Russie".into(), 2)] };
    s.replace_file("/news/a.txt", stamp(1), &[(a, Some(facts))], 1).unwrap();
    s.replace_file("/news/b.txt", stamp(2), &[(b, None)], 1).unwrap();
    s
}

#[test]
fn stories_are_listed_newest_first_with_reading_state() {
    let s = store_with_two();
    let stories = s.stories_in(&[]).unwrap();
    assert_eq!(stories.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(), vec!["a", "b"]);
    assert!(!stories[0].read);
    s.set_read("a", true).unwrap();
    s.set_starred("b", true).unwrap();
    let stories = s.stories_in(&[]).unwrap();
    assert!(stories[0].read && !stories[0].starred);
    assert!(stories[1].starred && !stories[1].read);
}

#[test]
fn search_ignores_case_and_accents_and_marks_the_match() {
    let s = store_with_two();
    let hits = s.search("securite", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].story.id, "a");
    assert!(
        hits[0].snippet.iter().any(|(t, m)| *m && t.to_lowercase() == "sécurité"),
        "{:?}",
        hits[0].snippet
    );
    assert_eq!(s.search("\"signent un accord\"", 10).unwrap().len(), 1);
    assert_eq!(s.search("\"accord signent\"", 10).unwrap().len(), 0);
    assert_eq!(s.search("dem*", 10).unwrap().len(), 1);
    assert!(s.search("\"", 10).unwrap().is_empty());
}

#[test]
fn a_moved_file_keeps_its_reading_state() {
    let mut s = store_with_two();
    s.set_read("a", true).unwrap();
    s.set_scroll("a", 12).unwrap();
    let moved =
        article("a2", "Accord de sécurité", "Le Mali et la Russie signent un accord de sécurité.", None);
    s.remove_file("/news/a.txt").unwrap();
    s.replace_file("/archive/a.txt", stamp(1), &[(moved, None)], 1).unwrap();
    let stored = s.article("a2").unwrap().unwrap();
    assert_eq!(stored.scroll, 12);
    assert!(s.stories_in(&[]).unwrap().iter().find(|m| m.id == "a2").unwrap().read);
    assert!(s.article("a").unwrap().is_none());
}

#[test]
fn entities_index_their_stories() {
    let s = store_with_two();
    let hits = s.entity_stories("russie").unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!((hits[0].story.id.as_str(), hits[0].label.as_str(), hits[0].mentions), ("a", "LOC", 2));
    assert!(s.entity_stories("Mali").unwrap().is_empty());
}

/// A name the user accepted in one story finds the other stories that hold it, though the
/// extractor did not index it there.
#[test]
fn a_taught_name_finds_stories_the_index_missed() {
    let mut s = store_with_two();
    let c = article(
        "c",
        "Mali : élections",
        "Au Mali, le scrutin… Le MALI vote ; Malien n'est pas Mali.",
        Some("2023-01-01"),
    );
    s.replace_file("/news/c.txt", stamp(3), &[(c, None)], 1).unwrap();
    assert!(s.entity_stories("Mali").unwrap().is_empty());
    let text = "Le Mali et la Russie signent un accord de sécurité.";
    let mali = crate::annotate::Annotation::new(text, 3, 7, "LOC", crate::annotate::Status::Accepted, "user");
    s.edit("a", "h", crate::annotate::Edit::Add(mali)).unwrap();
    let hits = s.entity_stories("mali").unwrap();
    let found: Vec<(&str, &str, usize)> =
        hits.iter().map(|h| (h.story.id.as_str(), h.label.as_str(), h.mentions)).collect();
    assert_eq!(found, vec![("c", "LOC", 2), ("a", "LOC", 1)], "newest first, whole words as written only");
}

/// A taught acronym does not match the same letters in lower case ("US" is not "us").
#[test]
fn a_taught_acronym_keeps_its_case() {
    let mut s = Store::open_in_memory().unwrap();
    let a = article("a", "Trade", "The US and China agreed.", Some("2023-01-01"));
    let b = article("b", "Letter", "He wrote to us about it.", Some("2023-02-01"));
    s.replace_file("/news/a.txt", stamp(1), &[(a, None)], 1).unwrap();
    s.replace_file("/news/b.txt", stamp(2), &[(b, None)], 1).unwrap();
    let us = crate::annotate::Annotation::new(
        "The US and China agreed.",
        4,
        6,
        "LOC",
        crate::annotate::Status::Accepted,
        "user",
    );
    s.edit("a", "h", crate::annotate::Edit::Add(us)).unwrap();
    let ids: Vec<String> = s.entity_stories("US").unwrap().into_iter().map(|h| h.story.id).collect();
    assert_eq!(ids, vec!["a"]);
}

#[test]
fn rebuilding_the_cache_keeps_reading_state() {
    let mut s = store_with_two();
    s.set_starred("a", true).unwrap();
    s.rebuild_cache().unwrap();
    assert_eq!(s.article_count().unwrap(), 0);
    let a = article("a", "Accord de sécurité", "Le Mali et la Russie signent un accord de sécurité.", None);
    s.replace_file("/news/a.txt", stamp(1), &[(a, None)], 1).unwrap();
    assert!(s.stories_in(&[]).unwrap()[0].starred);
}

#[test]
fn reading_state_set_while_the_cache_is_rebuilt_is_stored() {
    let mut s = store_with_two();
    s.rebuild_cache().unwrap();
    // The rebuild has dropped both stories and indexed neither again yet: stars and read marks
    // set now were dropped without a word.
    s.set_read("a", true).unwrap();
    s.set_starred("b", true).unwrap();
    let a = article("a", "Accord de sécurité", "Le Mali et la Russie signent un accord de sécurité.", None);
    s.replace_file("/news/a.txt", stamp(1), &[(a, None)], 1).unwrap();
    s.set_starred("a", true).unwrap();
    let b = article("b", "Strong demand", "Demand for steel rose in Europe.", Some("2005-01-01"));
    s.replace_file("/news/b.txt", stamp(2), &[(b, None)], 1).unwrap();
    let stories = s.stories_in(&[]).unwrap();
    let state: Vec<(&str, bool, bool)> = stories.iter().map(|m| (m.id.as_str(), m.read, m.starred)).collect();
    assert_eq!(state, [("b", false, true), ("a", true, true)], "undated last");
    let err = s.set_read("no-such-story", true).unwrap_err().to_string();
    assert!(err.contains("not in the library index: not saved"), "{err}");
}

#[test]
fn doctor_reports_a_healthy_database() {
    let s = store_with_two();
    let report = s.doctor().unwrap();
    assert!(report.contains(&"integrity: ok".to_string()), "{report:?}");
    assert!(report.contains(&"full-text index: ok".to_string()), "{report:?}");
    assert!(report.contains(&"articles: 2".to_string()), "{report:?}");
}

#[test]
fn two_connections_share_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/byline.db");
    let mut one = Store::open(&path).unwrap();
    let two = Store::open(&path).unwrap();
    one.replace_file("/x.txt", stamp(3), &[(article("x", "X", "body", None), None)], 1).unwrap();
    two.set_read("x", true).unwrap();
    assert!(one.stories_in(&[]).unwrap()[0].read);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("sub")).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "data dir is private");
    }
}

#[test]
fn two_writers_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    {
        let mut s = Store::open(&path).unwrap();
        let articles: Vec<(Article, Option<CachedFacts>)> = (0..50)
            .map(|i| (article(&format!("a{i}"), &format!("T{i}"), &format!("body {i}"), None), None))
            .collect();
        s.replace_file("/lib.jsonl", stamp(9), &articles, 1).unwrap();
    }
    // Two instances: one stars every even story, the other annotates and marks odd ones read,
    // at the same time, each with its own connection.
    let handles: Vec<_> = (0..2)
        .map(|who| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut s = Store::open(&path).unwrap();
                for i in (who..50).step_by(2) {
                    let id = format!("a{i}");
                    if who == 0 {
                        s.set_starred(&id, true).unwrap();
                    } else {
                        s.set_read(&id, true).unwrap();
                        let body = format!("body {i}");
                        let a = crate::annotate::Annotation::new(
                            &body,
                            0,
                            4,
                            "ORG",
                            crate::annotate::Status::Accepted,
                            "user",
                        );
                        s.edit(&id, "h", crate::annotate::Edit::Add(a)).unwrap();
                    }
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let s = Store::open(&path).unwrap();
    let stories = s.stories_in(&[]).unwrap();
    assert_eq!(stories.iter().filter(|m| m.starred).count(), 25);
    assert_eq!(stories.iter().filter(|m| m.read).count(), 25);
    assert_eq!(s.all_annotations().unwrap().len(), 25);
    assert!(s.doctor().unwrap().contains(&"integrity: ok".to_string()));
}

/// Found by fuzzing (search): a snippet starting after a multi-byte space (U+00A0) sliced
/// inside it and panicked, on everyday French text.
#[test]
fn snippets_start_after_multibyte_spaces() {
    let mut s = Store::open_in_memory().unwrap();
    let a = article("a", "t", "«\u{a0}anticonstitutionnellement\u{a0}», dit Bamako.", None);
    let b = article("b", "t", &format!("{}\u{a0}Mali signe.", "x".repeat(30)), None);
    s.replace_file("/news/a.txt", stamp(1), &[(a, None)], 1).unwrap();
    s.replace_file("/news/b.txt", stamp(2), &[(b, None)], 1).unwrap();
    assert_eq!(s.search("Bamako", 10).unwrap().len(), 1);
    assert_eq!(s.search("mali", 10).unwrap().len(), 1);
}

#[test]
fn one_batch_that_rewrites_its_own_stories_keeps_the_full_text_index_exact() {
    // Text and entity rows are indexed at the end of a batch: stories replaced, moved or
    // removed earlier in the same batch must not leave stale or doubled entries.
    let mut s = Store::open_in_memory().unwrap();
    // Each story names one place, its entity.
    let replace = |path: &str, n: u128, articles: Vec<(Article, &str)>| FileOp::Replace {
        path: path.into(),
        stamp: stamp(n),
        articles: articles
            .into_iter()
            .map(|(a, place)| {
                let facts =
                    CachedFacts { json: String::new(), entities: vec![("LOC".into(), place.into(), 1)] };
                (a, Some(facts))
            })
            .collect(),
    };
    let ops = vec![
        replace(
            "/n/a.txt",
            1,
            vec![(article("a", "Harbour strike", "Dockers walked out in Antwerp.", None), "Antwerp")],
        ),
        // The same file again in the batch, with new text.
        replace(
            "/n/a.txt",
            2,
            vec![(article("a", "Harbour deal", "Dockers returned to work.", None), "Rotterdam")],
        ),
        // The same id twice in one file: the second wins.
        replace(
            "/n/b.txt",
            3,
            vec![
                (article("b", "Glacier survey", "Ice cores from Greenland.", None), "Greenland"),
                (article("b", "Glacier report", "Meltwater lakes in Svalbard.", None), "Svalbard"),
            ],
        ),
        // A story that moves to another file within the batch (the index removes the files that
        // are gone before it writes new ones; a file still there would keep its story).
        replace("/n/c.txt", 4, vec![(article("c", "Orchestra tour", "Concerts in Vienna.", None), "Vienna")]),
        FileOp::Remove { path: "/n/c.txt".into() },
        replace(
            "/n/d.txt",
            5,
            vec![(article("c", "Orchestra tour", "Concerts in Vienna and Prague.", None), "Prague")],
        ),
        replace(
            "/n/e.txt",
            6,
            vec![(article("e", "Lighthouse sale", "Keepers leave the island.", None), "Skerries")],
        ),
        FileOp::Remove { path: "/n/e.txt".into() },
    ];
    s.apply(&ops, 1).unwrap();

    fn found(s: &Store, q: &str) -> Vec<String> {
        let mut v: Vec<String> = s.search(q, 10).unwrap().into_iter().map(|h| h.story.id).collect();
        v.sort();
        v
    }
    // Every entity row with the story it points at (None: a row left behind by a gone story).
    fn entity_rows(s: &Store) -> Vec<(String, Option<String>)> {
        let mut stmt = s
            .conn
            .prepare(
                "SELECT COALESCE(m.name, e.name), a.id FROM entity_mentions m JOIN entities e ON e.id = m.entity \
                 LEFT JOIN articles a ON a.rowid = m.article ORDER BY 1",
            )
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<rusqlite::Result<_>>().unwrap()
    }
    let row = |place: &str, id: &str| (place.to_string(), Some(id.to_string()));
    assert!(found(&s, "Antwerp").is_empty() && found(&s, "strike").is_empty());
    assert_eq!(found(&s, "returned"), ["a"]);
    assert!(found(&s, "Greenland").is_empty());
    assert_eq!(found(&s, "Svalbard"), ["b"]);
    assert_eq!(found(&s, "Prague"), ["c"]);
    assert_eq!(found(&s, "Vienna"), ["c"]);
    assert!(found(&s, "Lighthouse").is_empty() && found(&s, "island").is_empty());
    assert_eq!(entity_rows(&s), [row("Prague", "c"), row("Rotterdam", "a"), row("Svalbard", "b")]);
    let entities =
        |s: &Store| -> i64 { s.conn.query_row("SELECT count(*) FROM entities", [], |r| r.get(0)).unwrap() };
    assert_eq!(entities(&s), 3, "entities of replaced stories are gone");
    let report = s.doctor().unwrap();
    assert!(report.contains(&"full-text index: ok".to_string()), "{report:?}");
    assert!(report.contains(&"articles: 3".to_string()), "{report:?}");

    // A later batch replacing stories indexed by an earlier one.
    s.apply(
        &[replace("/n/b.txt", 7, vec![(article("b", "Glacier map", "Fjords of Norway.", None), "Norway")])],
        1,
    )
    .unwrap();
    assert!(found(&s, "Svalbard").is_empty());
    assert_eq!(found(&s, "Norway"), ["b"]);
    assert_eq!(entity_rows(&s), [row("Norway", "b"), row("Prague", "c"), row("Rotterdam", "a")]);
    assert_eq!(entities(&s), 3);
    assert!(s.doctor().unwrap().contains(&"full-text index: ok".to_string()));
}

#[test]
fn a_version_6_database_is_migrated_to_batch_text_indexing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    {
        let s = Store::open(&path).unwrap();
        // Put back what version 6 had: text indexed by an insert trigger.
        s.conn
            .execute_batch(
                "CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
                     INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
                 END;
                 PRAGMA user_version = 6;",
            )
            .unwrap();
    }
    let mut s = Store::open(&path).unwrap();
    let version: i64 = s.conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, schema::SCHEMA_VERSION);
    let triggers: i64 = s
        .conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'articles_ai'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(triggers, 0);
    s.replace_file(
        "/n/a.txt",
        stamp(1),
        &[(article("a", "Tide tables", "Spring tides in Brest.", None), None)],
        1,
    )
    .unwrap();
    s.replace_file(
        "/n/a.txt",
        stamp(2),
        &[(article("a", "Tide tables", "Neap tides in Brest.", None), None)],
        1,
    )
    .unwrap();
    assert_eq!(s.search("neap", 10).unwrap().len(), 1);
    assert!(s.search("spring", 10).unwrap().is_empty());
    assert!(s.doctor().unwrap().contains(&"full-text index: ok".to_string()));
}

#[test]
fn a_version_7_entity_index_moves_to_integer_ids_with_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    {
        let mut s = Store::open(&path).unwrap();
        let facts = |entities: &[(&str, &str, usize)]| CachedFacts {
            json: String::new(),
            entities: entities.iter().map(|(l, n, m)| (l.to_string(), n.to_string(), *m)).collect(),
        };
        s.replace_file(
            "/n/a.txt",
            stamp(1),
            &[
                (article("a", "Port", "Brest.", Some("2026-01-02")), Some(facts(&[("LOC", "Brest", 2)]))),
                (article("b", "Quai", "BREST.", Some("2026-01-03")), Some(facts(&[("LOC", "BREST", 1)]))),
            ],
            1,
        )
        .unwrap();
        // Put back version 7's entity index, one text row per story and entity.
        s.conn
            .execute_batch(
                "CREATE TABLE entity_index (key TEXT NOT NULL, label TEXT NOT NULL, name TEXT NOT NULL,
                     article INTEGER NOT NULL, mentions INTEGER NOT NULL, PRIMARY KEY (key, label, article)
                 ) WITHOUT ROWID;
                 INSERT INTO entity_index SELECT e.key, e.label, COALESCE(m.name, e.name), m.article, m.mentions
                     FROM entity_mentions m JOIN entities e ON e.id = m.entity;
                 DROP TRIGGER articles_ad_entities;
                 DROP TABLE entity_mentions;
                 DROP TABLE entities;
                 CREATE TRIGGER articles_ad_entities AFTER DELETE ON articles BEGIN
                     DELETE FROM entity_index WHERE article = old.rowid;
                 END;
                 PRAGMA user_version = 7;",
            )
            .unwrap();
    }
    let mut s = Store::open(&path).unwrap();
    let version: i64 = s.conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, schema::SCHEMA_VERSION);
    let hits: Vec<(String, String, usize)> =
        s.entity_stories("brest").unwrap().into_iter().map(|h| (h.story.id, h.name, h.mentions)).collect();
    assert_eq!(hits, [("b".into(), "BREST".into(), 1), ("a".into(), "Brest".into(), 2)]);
    assert_eq!(s.entity_names("bre", 5).unwrap().len(), 1);
    // The migrated index keeps working: a story removed takes its rows along.
    s.remove_file("/n/a.txt").unwrap();
    assert!(s.entity_stories("Brest").unwrap().is_empty());
    assert!(s.entity_names("bre", 5).unwrap().is_empty());
    let entities: i64 = s.conn.query_row("SELECT count(*) FROM entities", [], |r| r.get(0)).unwrap();
    assert_eq!(entities, 0, "an entity no story mentions is dropped");
}

#[test]
fn salvage_reads_around_a_damaged_page() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("byline.db");
    let body = "x".repeat(200);
    {
        let mut s = Store::open(&path).unwrap();
        s.replace_file("/a.txt", stamp(1), &[(article("a", "A", &body, None), None)], 1).unwrap();
        for i in 0..400 {
            let mut a = crate::annotate::Annotation::new(
                &body,
                // One annotation per span and label: every one a span of its own.
                i % 190,
                i % 190 + 1 + i / 190,
                "LOC",
                crate::annotate::Status::Accepted,
                "user",
            );
            a.note = Some(format!("note {i:04} {}", "n".repeat(60)));
            s.edit("a", "h", crate::annotate::Edit::Add(a)).unwrap();
        }
        s.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").unwrap();
    }
    // Garbage over the page that holds note 0200 (a leaf of the annotations table).
    let mut bytes = std::fs::read(&path).unwrap();
    let size = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    assert_eq!(size as i64, PAGE_SIZE, "a new database has pages of PAGE_SIZE");
    // The row's label and note lie side by side in the table (the edit log has them in JSON).
    let page = bytes.chunks(size).position(|p| p.windows(12).any(|w| w == b"LOCnote 0200")).unwrap();
    bytes[page * size..(page + 1) * size].fill(0x5a);
    std::fs::write(&path, &bytes).unwrap();

    let damaged = Store::open_read_only(&path).unwrap();
    let report = damaged.doctor().unwrap();
    assert!(report.iter().any(|l| l.starts_with("integrity: DAMAGED")), "{report:?}");
    let mut fresh = Store::open(&dir.path().join("fresh.db")).unwrap();
    let saved = salvage(&damaged, &mut fresh).unwrap();
    let annotations = &saved[0];
    assert_eq!(annotations.table, "annotations");
    assert!(annotations.trouble.is_some(), "{annotations:?}");
    // One page holds a few dozen of them; the rows before it and after it are saved.
    assert!((300..400).contains(&annotations.saved), "{annotations:?}");
    let notes: Vec<String> =
        fresh.annotations("a").unwrap().annotations.into_iter().filter_map(|a| a.note).collect();
    assert!(
        notes.iter().any(|n| n.starts_with("note 0000")) && notes.iter().any(|n| n.starts_with("note 0399"))
    );
    assert_eq!(saved[1].table, "edit_log");
    assert!(saved[1].saved >= 300, "{:?}", saved[1]);
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "the damaged file is not written");
}

#[test]
fn tags_are_listed_with_the_stories_and_counted_and_a_version_11_database_gets_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    let tagged = |id: &str, tags: &[&str]| Article {
        tags: tags.iter().map(|t| t.to_string()).collect(),
        ..article(id, id, "Body text.", None)
    };
    {
        let mut s = Store::open(&path).unwrap();
        s.replace_file("/n/a.txt", stamp(1), &[(tagged("a", &["Économie", "Mali"]), None)], 1).unwrap();
        s.replace_file("/n/b.txt", stamp(2), &[(tagged("b", &["economie"]), None)], 1).unwrap();
        s.replace_file("/n/c.txt", stamp(3), &[(tagged("c", &[]), None)], 1).unwrap();
        s.set_read("b", true).unwrap();
        let stories = s.stories_in(&[]).unwrap();
        let a = stories.iter().find(|m| m.id == "a").unwrap();
        assert_eq!(a.tags, ["Économie", "Mali"]);
        let counts = s.tag_counts().unwrap();
        assert_eq!(
            counts,
            [
                TagCount { tag: "economie".into(), stories: 2, unread: 1 },
                TagCount { tag: "Mali".into(), stories: 1, unread: 1 },
            ]
        );
        // Version 11 had no tag rows.
        s.conn
            .execute_batch("DROP TABLE story_tags; DROP TRIGGER articles_ad_tags; PRAGMA user_version = 11;")
            .unwrap();
    }
    let mut s = Store::open(&path).unwrap();
    assert_eq!(s.tag_counts().unwrap().len(), 2, "filled from the articles' tags");
    // A story re-indexed with other tags, or gone, takes its old ones away.
    s.replace_file("/n/a.txt", stamp(4), &[(tagged("a", &["Sahel"]), None)], 1).unwrap();
    s.remove_file("/n/b.txt").unwrap();
    let tags: Vec<String> = s.tag_counts().unwrap().into_iter().map(|t| t.tag).collect();
    assert_eq!(tags, ["Sahel"]);
    s.rebuild_cache().unwrap();
    assert!(s.tag_counts().unwrap().is_empty());
}

#[test]
fn a_version_11_database_gets_the_entities_last_words_and_the_decision_tables() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    {
        let mut s = Store::open(&path).unwrap();
        let facts = CachedFacts { json: "{}".into(), entities: vec![("PER".into(), "Tony Blair".into(), 1)] };
        let a = article("a", "Visit", "Tony Blair in Oslo.", None);
        s.replace_file("/n/a.txt", stamp(1), &[(a, Some(facts))], 1).unwrap();
        // Version 11 had no last words and no decisions.
        s.conn
            .execute_batch(
                "DROP INDEX entities_last; ALTER TABLE entities DROP COLUMN last;
                 DROP TABLE entity_decisions; DROP TABLE entity_edit_log; PRAGMA user_version = 11;",
            )
            .unwrap();
    }
    let s = Store::open(&path).unwrap();
    let found = s.entities_ending_with("blair", 10).unwrap();
    assert_eq!(found.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["Tony Blair"]);
    assert!(s.entity_decisions().unwrap().is_empty());
}

#[test]
fn a_version_14_database_gets_its_bodies_compressed_and_stays_searchable() {
    const PATCH: &str = r#"["<p>",[0,1860],"</p>"]"#;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    let body = "Le Mali et la Russie signent un accord de sécurité à Moscou. ".repeat(30);
    // A library of version 14 had pages of 4 KiB.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA page_size = 4096; CREATE TABLE x (y); DROP TABLE x;")
        .unwrap();
    {
        let mut s = Store::open(&path).unwrap();
        assert_eq!(s.conn.pragma_query_value(None, "page_size", |r| r.get::<_, i64>(0)).unwrap(), 4096);
        let facts = CachedFacts { json: String::new(), entities: vec![("LOC".into(), "Moscou".into(), 30)] };
        s.replace_file("/n/a.txt", stamp(1), &[(article("a", "Accord", &body, None), Some(facts))], 1)
            .unwrap();
        s.replace_file("/n/b.txt", stamp(2), &[(article("b", "Steel", "Demand for steel.", None), None)], 1)
            .unwrap();
        s.set_read("a", true).unwrap();
        // Put back what version 14 had: the body as text, an index reading it from the articles.
        s.conn
            .execute_batch("DROP TRIGGER articles_ad; DROP TRIGGER articles_au; DROP TABLE articles_fts;")
            .unwrap();
        s.conn.execute("ALTER TABLE articles ADD COLUMN given TEXT", []).unwrap();
        s.conn
            .execute("UPDATE articles SET body = ?2, given = ?3 WHERE id = ?1", params!["a", body, PATCH])
            .unwrap();
        s.conn
            .execute("UPDATE articles SET body = ?2 WHERE id = ?1", params!["b", "Demand for steel."])
            .unwrap();
        s.conn
            .execute_batch(
                "CREATE VIRTUAL TABLE articles_fts USING fts5(
                     title, body, content='articles', content_rowid='rowid',
                     tokenize='unicode61 remove_diacritics 2');
                 CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
                     INSERT INTO articles_fts(articles_fts, rowid, title, body)
                         VALUES ('delete', old.rowid, old.title, old.body);
                 END;
                 CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
                     INSERT INTO articles_fts(articles_fts, rowid, title, body)
                         VALUES ('delete', old.rowid, old.title, old.body);
                 END;
                 INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
                 PRAGMA user_version = 14;",
            )
            .unwrap();
    }
    let mut s = Store::open(&path).unwrap();
    let version: i64 = s.conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, schema::SCHEMA_VERSION);
    let pragma = |name: &str| {
        s.conn.pragma_query_value(None, name, |r| r.get::<_, rusqlite::types::Value>(0)).unwrap()
    };
    use rusqlite::types::Value;
    assert_eq!(pragma("page_size"), Value::Integer(PAGE_SIZE), "rewritten in the new page size");
    assert_eq!(pragma("freelist_count"), Value::Integer(0), "and compacted");
    assert_eq!(pragma("journal_mode"), Value::Text("wal".into()));
    let (kinds, stored): (String, i64) = s
        .conn
        .query_row("SELECT group_concat(DISTINCT typeof(body)), sum(length(body)) FROM articles", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(kinds, "blob");
    assert!((stored as usize) < body.len() / 4, "{stored} bytes stored for {}", body.len());
    let a = s.article("a").unwrap().unwrap();
    assert_eq!(a.article.body, body);
    assert_eq!(
        a.article.given,
        Some(Given::Patch(PATCH.into())),
        "the patch to the text as given moves along"
    );
    let left: Option<String> = s.conn.query_row("SELECT max(given) FROM articles", [], |r| r.get(0)).unwrap();
    assert_eq!(left, None, "the old column is emptied");
    assert!(s.stories_in(&[]).unwrap().iter().any(|m| m.id == "a" && m.read), "the reading state is kept");
    assert_eq!(s.entity_stories("Moscou").unwrap().len(), 1, "the entity index is kept");
    let hits = s.search("securite moscou", 10).unwrap();
    assert_eq!(hits.iter().map(|h| h.story.id.as_str()).collect::<Vec<_>>(), ["a"]);
    assert!(hits[0].snippet.iter().any(|(text, hit)| *hit && text == "sécurité"), "{:?}", hits[0].snippet);
    assert_eq!(s.search("\"demand for steel\"", 10).unwrap().len(), 1);
    // The new index keeps up with changes: a story replaced leaves its old words behind.
    s.replace_file("/n/b.txt", stamp(3), &[(article("b", "Steel", "Supply of iron.", None), None)], 1)
        .unwrap();
    assert!(s.search("demand", 10).unwrap().is_empty());
    assert_eq!(s.search("iron", 10).unwrap().len(), 1);
    s.remove_file("/n/a.txt").unwrap();
    assert!(s.search("moscou", 10).unwrap().is_empty());
    assert!(s.doctor().unwrap().contains(&"full-text index: ok".to_string()));
}

#[test]
fn annotations_of_a_story_gone_move_to_the_story_with_its_text() {
    let mut s = Store::open_in_memory().unwrap();
    let story = article("a", "Accord", "Le Mali signe un accord avec la Russie.", None);
    let hash = content_hash(&story);
    s.replace_file("/n/a.txt", stamp(1), &[(story.clone(), None)], 1).unwrap();
    let other = article("c", "Steel", "Demand for steel.", None);
    s.replace_file("/n/c.txt", stamp(2), &[(other, None)], 1).unwrap();
    let mention =
        crate::annotate::Annotation::new(&story.body, 3, 7, "LOC", crate::annotate::Status::Accepted, "user");
    s.edit("a", &hash, crate::annotate::Edit::Add(mention)).unwrap();
    assert_eq!(s.rehome_annotations().unwrap(), 0, "nothing to move while the story is there");
    // The file is renamed: its story comes back under another id.
    s.remove_file("/n/a.txt").unwrap();
    s.replace_file("/n/b.txt", stamp(1), &[(Article { id: "b".into(), ..story }, None)], 1).unwrap();
    assert_eq!(s.rehome_annotations().unwrap(), 1);
    let moved = s.annotations("b").unwrap().annotations;
    assert_eq!(moved.iter().map(|a| a.label.as_str()).collect::<Vec<_>>(), ["LOC"]);
    assert!(s.annotations("a").unwrap().annotations.is_empty());
    assert!(s.annotations("c").unwrap().annotations.is_empty());
}

#[test]
fn the_story_count_is_read_from_the_full_text_index_and_follows_removals() {
    let mut s = store_with_two();
    assert_eq!(s.story_count().unwrap(), 2);
    s.remove_file("/news/b.txt").unwrap();
    assert_eq!(s.story_count().unwrap(), 1);
    let many: Vec<(Article, Option<CachedFacts>)> =
        (0..300).map(|i| (article(&format!("m{i}"), "Title", "Some words.", None), None)).collect();
    s.replace_file("/news/many.json", stamp(3), &many, 1).unwrap();
    // 301 takes two bytes as a varint.
    assert_eq!(s.story_count().unwrap(), 301);
}

/// A story written as a new row skips taking out tags, entity rows and a queue place it cannot
/// have; a row that takes the rowid of a story deleted (the last one) gets none of its rows.
#[test]
fn a_new_row_in_the_rowid_of_a_story_gone_starts_clean() {
    let mut s = Store::open_in_memory().unwrap();
    let mut old = article("old", "Old", "Gordon Brown spoke in Leeds.", None);
    old.tags = vec!["Politics".into()];
    let facts = CachedFacts { json: String::new(), entities: vec![("PER".into(), "Gordon Brown".into(), 1)] };
    s.replace_file("/lib/old.txt", stamp(1), &[(old, Some(facts))], 1).unwrap();
    let rowid = |s: &Store, id: &str| -> i64 {
        s.conn.query_row("SELECT rowid FROM articles WHERE id = ?1", [id], |r| r.get(0)).unwrap()
    };
    let gone = rowid(&s, "old");
    s.remove_file("/lib/old.txt").unwrap();
    s.replace_file("/lib/new.txt", stamp(2), &[(article("new", "New", "Rain in York.", None), None)], 1)
        .unwrap();
    assert_eq!(rowid(&s, "new"), gone, "the rowid is taken again");
    assert!(s.tag_counts().unwrap().is_empty());
    assert!(s.entity_stories("Gordon Brown").unwrap().is_empty());
    assert_eq!(s.analysis_pending().unwrap(), 1);
    // Written again (no longer new), it keeps one set of rows.
    let mut again = article("new", "New", "Rain in York again.", None);
    again.tags = vec!["Weather".into()];
    s.replace_file("/lib/new.txt", stamp(3), &[(again.clone(), None)], 1).unwrap();
    s.replace_file("/lib/new.txt", stamp(4), &[(again, None)], 1).unwrap();
    let tags = s.tag_counts().unwrap();
    assert_eq!(tags.iter().map(|t| (t.tag.as_str(), t.stories)).collect::<Vec<_>>(), [("Weather", 1)]);
    assert_eq!(s.analysis_pending().unwrap(), 1);
}

#[test]
fn a_version_16_database_gets_the_days_of_its_entity_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    {
        let mut s = Store::open(&path).unwrap();
        let facts = CachedFacts { json: String::new(), entities: vec![("LOC".into(), "Moscou".into(), 2)] };
        let stories = [
            (article("a", "Accord", "À Moscou.", Some("2022-11-21T10:00:00+01:00")), Some(facts.clone())),
            (article("b", "Visite", "Moscou.", None), Some(facts)),
        ];
        s.replace_file("/n/a.txt", stamp(1), &stories, 1).unwrap();
        // Version 16: no days, the index of story cards.
        s.conn
            .execute_batch(
                "DROP TRIGGER articles_au_day; ALTER TABLE entity_mentions DROP COLUMN day;
                 CREATE INDEX articles_card ON articles(rowid, date, id, title, source);
                 PRAGMA user_version = 16;",
            )
            .unwrap();
    }
    let s = Store::open(&path).unwrap();
    let version: i64 = s.conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, schema::SCHEMA_VERSION);
    let ids: Vec<i64> = s.entities_ending_with("moscou", 10).unwrap().iter().map(|e| e.id).collect();
    let window = s.entity_story_window(&ids, 0, None).unwrap();
    assert_eq!(
        window.iter().map(|c| (c.story.title.as_str(), c.mentions)).collect::<Vec<_>>(),
        [("Accord", 2), ("Visite", 2)],
        "the dated story first"
    );
    let counts = s.entity_counts(&ids).unwrap();
    assert_eq!((counts.stories, counts.undated), (2, 1));
    assert_eq!(counts.months, [("2022-11".to_string(), 1)]);
    let cards: i64 = s
        .conn
        .query_row("SELECT count(*) FROM sqlite_master WHERE name = 'articles_card'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(cards, 0, "the index of story cards is gone");
}

/// A story's date changed in place moves its entity rows to its new day.
#[test]
fn an_entity_row_follows_its_story_to_a_new_date() {
    let mut s = Store::open_in_memory().unwrap();
    let facts = CachedFacts { json: String::new(), entities: vec![("LOC".into(), "Brest".into(), 1)] };
    let story = |date: &str| (article("a", "Port", "Brest.", Some(date)), Some(facts.clone()));
    s.replace_file("/n/a.txt", stamp(1), &[story("2020-01-05")], 1).unwrap();
    let ids: Vec<i64> = s.entities_ending_with("brest", 10).unwrap().iter().map(|e| e.id).collect();
    assert_eq!(s.entity_counts(&ids).unwrap().months, [("2020-01".to_string(), 1)]);
    s.conn.execute("UPDATE articles SET date = '2021-03-04T09:00:00Z' WHERE id = 'a'", []).unwrap();
    assert_eq!(s.entity_counts(&ids).unwrap().months, [("2021-03".to_string(), 1)]);
}

/// A word most stories hold is ranked among its newest matches only: the best match of all,
/// indexed first, is past the candidates once `RANKED_CANDIDATES` newer stories hold the word.
#[test]
fn a_common_word_is_ranked_among_its_newest_matches() {
    let mut s = Store::open_in_memory().unwrap();
    let best = article("best", "Said said said", "Said, said and said again.", None);
    s.replace_file("/n/best.txt", stamp(1), &[(best, None)], 1).unwrap();
    assert_eq!(s.search("said", 5).unwrap()[0].story.id, "best");
    let n = super::search::RANKED_CANDIDATES as usize;
    let many: Vec<(Article, Option<CachedFacts>)> =
        (0..n).map(|i| (article(&format!("m{i}"), "Title", "He said so.", None), None)).collect();
    s.replace_file("/n/many.json", stamp(2), &many, 1).unwrap();
    let hits = s.search("said", 5).unwrap();
    assert_eq!(hits.len(), 5);
    assert!(hits.iter().all(|h| h.story.id != "best"), "ranked past the newest {n} matches");
    // A rarer word is ranked over all its matches.
    assert_eq!(s.search("again", 5).unwrap()[0].story.id, "best");
}
