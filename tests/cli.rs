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

/// A library of three stories in `dir/news`, and a config with it and two saved queries.
fn query_library(dir: &std::path::Path) {
    let news = dir.join("news");
    std::fs::create_dir(&news).unwrap();
    std::fs::write(
        news.join("a.md"),
        "---\ntitle: Accord Mali Russie\ndate: 2024-03-10\nlang: fr\nsource: Le Monde\ntags: [Afrique]\n---\n\n\
         Le Mali a signé un accord de sécurité avec la Russie.\n",
    )
    .unwrap();
    std::fs::write(
        news.join("b.json"),
        r#"{"title": "Steel demand", "body": "Demand for steel rose in Europe.", "date": "2024-02-01T09:30:00+00:00",
            "lang": "en", "source": "BBC News", "tags": ["economy"]}"#,
    )
    .unwrap();
    std::fs::write(news.join("c.txt"), "Le coup d'État\n\nL'armée a pris le pouvoir après le coup d'État.\n")
        .unwrap();
    std::fs::write(
        dir.join("config.toml"),
        "[library]\npaths = [\"news\"]\n\n[[queries]]\nname = \"afrique\"\nquery = \"tag:afrique OR \\\"coup d'etat\\\"\"\n\n\
         [[queries]]\nname = \"english\"\nquery = \"lang:en\"\n",
    )
    .unwrap();
}

fn titles(out: &Output) -> Vec<String> {
    stdout(out).lines().map(|l| l.rsplit('\t').next().unwrap_or_default().to_string()).collect()
}

#[test]
fn list_takes_a_query_and_saved_queries() {
    let dir = tempfile::tempdir().unwrap();
    query_library(dir.path());
    let run = |args: &[&str]| byline(args, dir.path());
    assert_eq!(titles(&run(&["list"])).len(), 3, "without a query, as before");
    assert_eq!(titles(&run(&["list", "tag:afrique"])), ["Accord Mali Russie"]);
    assert_eq!(
        titles(&run(&["list", "--", "-lang:fr", "since:2024-01-01"])),
        ["Steel demand"],
        "arguments joined"
    );
    assert_eq!(
        titles(&run(&["list", "since:2024-01-01 -lang:fr", "--json"])).len(),
        1,
        "--json after the query"
    );
    assert_eq!(titles(&run(&["list", "\"coup d'etat\""])), ["Le coup d'État"]);
    assert_eq!(titles(&run(&["list", "--query", "afrique"])), ["Accord Mali Russie", "Le coup d'État"]);
    assert_eq!(titles(&run(&["list", "@afrique -tag:afrique"])), ["Le coup d'État"]);
    assert_eq!(titles(&run(&["list", "--query", "english", "steel"])), ["Steel demand"]);
    // A folder given names the scope; the other arguments are the query.
    let news = dir.path().join("news");
    assert_eq!(titles(&run(&["list", news.to_str().unwrap(), "feed:bbc"])), ["Steel demand"]);
    let none = run(&["list", "tag:nothing"]);
    assert_eq!((none.status.code(), stdout(&none)), (Some(1), String::new()), "no match: status 1");
    let unknown = run(&["list", "--query", "nope"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("afrique, english"));
}

#[test]
fn list_json_gives_iso_dates_tags_and_state() {
    let dir = tempfile::tempdir().unwrap();
    query_library(dir.path());
    let out = byline(&["list", "--json"], dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.len(), 3);
    let steel = rows.iter().find(|r| r["title"] == "Steel demand").unwrap();
    assert_eq!(steel["date"], "2024-02-01T09:30:00+00:00");
    assert_eq!(steel["tags"], serde_json::json!(["economy"]));
    assert_eq!((steel["lang"].as_str(), steel["read"].as_bool()), (Some("en"), Some(false)));
    let out = byline(&["list", "starred", "--json"], dir.path());
    assert_eq!(stdout(&out).trim(), "[]");
}

#[test]
fn a_bad_query_is_shown_with_a_caret_under_the_character() {
    let dir = tempfile::tempdir().unwrap();
    query_library(dir.path());
    for args in [&["list", "unread", "since:2024-13-01"][..], &["search", "unread since:2024-13-01"]] {
        let out = byline(args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("no such month (at character 19)"), "{err}");
        assert!(err.contains("\n  unread since:2024-13-01\n                    ^\n"), "{err}");
        assert!(out.stdout.is_empty());
    }
    // A saved query that does not parse stops byline with the file, the key and the caret.
    std::fs::write(dir.path().join("config.toml"), "[[queries]]\nname = \"x\"\nquery = \"tag:a (b\"\n")
        .unwrap();
    let out = byline(&["list"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 3, key `queries[1].query`: this parenthesis is not closed"), "{err}");
    assert!(err.contains("    tag:a (b\n          ^"), "{err}");
}

#[test]
fn search_keeps_plain_words_and_takes_the_query_language() {
    let dir = tempfile::tempdir().unwrap();
    query_library(dir.path());
    let plain = byline(&["search", "accord securite", "--json"], dir.path());
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&plain.stdout).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["matches"], serde_json::json!(["accord", "sécurité"]));
    assert_eq!(rows[0]["tags"], serde_json::json!(["Afrique"]));
    let out = byline(&["search", "-lang:en -tag:afrique"], dir.path());
    assert_eq!(titles_of_search(&out), ["Le coup d'État"]);
    let out = byline(&["search", "demand OR russie", "--json"], dir.path());
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.len(), 2);
    let out = byline(&["search", "steel lang:en"], dir.path());
    assert_eq!(titles_of_search(&out), ["Steel demand"]);
    assert!(stdout(&out).contains("[steel]"), "the words marked in the snippet: {}", stdout(&out));
}

/// `search` prints ID, DATE, TITLE, SNIPPET.
fn titles_of_search(out: &Output) -> Vec<String> {
    stdout(out).lines().map(|l| l.split('\t').nth(2).unwrap_or_default().to_string()).collect()
}

#[test]
fn eval_errors_list_the_dev_split_and_never_the_held_out_one() {
    let dir = tempfile::tempdir().unwrap();
    let texts = dir.path().join("texts");
    std::fs::create_dir(&texts).unwrap();
    // Both articles quote someone the extractor does not name: each split has one mistake.
    let text = "Le texte dit : « Nous partirons demain matin », sans plus.\n";
    std::fs::write(texts.join("a.txt"), text).unwrap();
    std::fs::write(texts.join("b.txt"), text).unwrap();
    let quote = r#""quotes": [{"start": 16, "end": 42, "speaker": "Jeanne Martin", "speaker_span": null}], "sources": []"#;
    let gold = format!(
        "{{\"file\": \"a.txt\", \"split\": \"dev\", {quote}}}\n{{\"file\": \"b.txt\", \"split\": \"test\", {quote}}}\n"
    );
    let file = dir.path().join("gold.jsonl");
    std::fs::write(&file, gold).unwrap();
    let out = byline(&["eval", file.to_str().unwrap(), "--errors"], dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    assert!(text.contains("a.txt ") && text.contains("speaker"), "{text}");
    assert!(!text.contains("b.txt"), "{text}");
    assert!(text.contains("mistakes of the held-out test split, not listed: 1"), "{text}");
    let json = stdout(&byline(&["eval", file.to_str().unwrap(), "--json"], dir.path()));
    assert!(json.contains("a.txt") && !json.contains("b.txt"), "{json}");
}

#[test]
fn facts_give_an_office_to_whom_held_it_on_the_article_s_day() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.txt");
    let text = "6 décembre 2018. - Édouard Philippe a défendu l'annulation de la taxe. «Elle est \
                annulée», a répété le premier ministre sur TF1.\n";
    std::fs::write(&file, text).unwrap();
    let out = byline(&["facts", file.to_str().unwrap(), "--json"], dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let facts: serde_json::Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    let person =
        facts["people"].as_array().unwrap().iter().find(|p| p["name"] == "Édouard Philippe").unwrap();
    assert_eq!(person["roles"], serde_json::json!(["premier ministre"]), "{facts}");
    assert_eq!(facts["quotes"][0]["speaker"], "Édouard Philippe", "{facts}");
    // Twenty years on, the same words name someone else: no role, no speaker.
    std::fs::write(&file, text.replace("2018", "2038")).unwrap();
    let out = byline(&["facts", file.to_str().unwrap(), "--json"], dir.path());
    let facts: serde_json::Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    let person =
        facts["people"].as_array().unwrap().iter().find(|p| p["name"] == "Édouard Philippe").unwrap();
    assert_eq!(person["roles"], serde_json::json!([]), "{facts}");
}

/// An undated English text (a saved page): the one holder of the office the text names is given
/// it, and a quote the description attributes is theirs; naming a second holder gives neither.
#[test]
fn facts_give_an_office_to_the_one_holder_an_undated_text_names() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.txt");
    let text = "Brown tours Africa\nGordon Brown is on a week-long tour of Africa.\n\"We make this offer \
                unilaterally,\" the chancellor said.\n";
    std::fs::write(&file, text).unwrap();
    let out = byline(&["facts", file.to_str().unwrap(), "--json", "--lang", "en"], dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let facts: serde_json::Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    let person = facts["people"].as_array().unwrap().iter().find(|p| p["name"] == "Gordon Brown").unwrap();
    assert_eq!(person["roles"], serde_json::json!(["chancellor"]), "{facts}");
    assert_eq!(facts["quotes"][0]["speaker"], "Gordon Brown", "{facts}");
    // With a second prime minister named, "the prime minister" may be either.
    let text = "Tony Blair and Gordon Brown met.\n\"We agree,\" the prime minister said.\n";
    std::fs::write(&file, text).unwrap();
    let out = byline(&["facts", file.to_str().unwrap(), "--json", "--lang", "en"], dir.path());
    let facts: serde_json::Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    assert!(
        facts["people"].as_array().unwrap().iter().all(|p| p["roles"] == serde_json::json!([])),
        "{facts}"
    );
    assert!(facts["quotes"][0]["speaker"].is_null(), "{facts}");
}

/// `facts --json` on English news: roles as written (a nationality before a capitalised title, a
/// possessor before a lowercase one), a fragment quoted in reported speech given to its subject,
/// and a particle surname merged with the full name. The session's start binary gave "Foreign
/// Secretary", "lawyer", dropped the unattributed fragment, and kept "Le Drian" as a person of
/// its own.
#[test]
fn facts_json_reads_english_roles_as_written_and_fragments_in_reported_speech() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.txt");
    let text = "Straw in talks\nUK Foreign Secretary Jack Straw met Kenteris' lawyer Gregory Ioannidis on \
                Monday. Jack Straw says the case will be \"an issue\" for months.\n";
    std::fs::write(&file, text).unwrap();
    let out = byline(&["facts", file.to_str().unwrap(), "--json", "--lang", "en"], dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let facts: serde_json::Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    let roles = |name: &str| {
        facts["people"].as_array().unwrap().iter().find(|p| p["name"] == name).map(|p| p["roles"].clone())
    };
    assert_eq!(roles("Jack Straw"), Some(serde_json::json!(["UK Foreign Secretary"])), "{facts}");
    assert_eq!(roles("Gregory Ioannidis"), Some(serde_json::json!(["Kenteris' lawyer"])), "{facts}");
    assert_eq!(facts["quotes"][0]["speaker"], "Jack Straw", "{facts}");
    let text = "Le Drian parle\nJean-Yves Le Drian a parlé dimanche. Selon Le Drian, le pays doit changer.\n";
    std::fs::write(&file, text).unwrap();
    let out = byline(&["facts", file.to_str().unwrap(), "--json", "--lang", "fr"], dir.path());
    let facts: serde_json::Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    let names: Vec<&str> =
        facts["people"].as_array().unwrap().iter().filter_map(|p| p["name"].as_str()).collect();
    assert_eq!(names, vec!["Jean-Yves Le Drian"], "{facts}");
}

/// `facts --json` on English news: a quotation after an incise whose comma stands inside the
/// quotation, or after an incise splitting a sentence, goes on with the incise's speaker; the
/// name before an apposition speaks, not the party label opening the sentence.
#[test]
fn facts_json_reads_english_incises_and_appositions() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.txt");
    let text = "Firms warned\n\"Most firms have secured their gateway,\" said Tim Warner, head of research at \
                Finjan. \"Attacks are getting creative.\"\n\"Many block e-mail,\" said Mr Warner, \"but the irony \
                is that most let content through.\"\nLiberal Democrat Sarah Teather, the most recent female MP \
                to be elected, told researchers: \"It is like an old boys club.\"\n";
    std::fs::write(&file, text).unwrap();
    let out = byline(&["facts", file.to_str().unwrap(), "--json", "--lang", "en"], dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let facts: serde_json::Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    let speakers: Vec<&str> =
        facts["quotes"].as_array().unwrap().iter().map(|q| q["speaker"].as_str().unwrap_or("")).collect();
    assert_eq!(
        speakers,
        ["Tim Warner", "Tim Warner", "Tim Warner", "Tim Warner", "Sarah Teather"],
        "{facts}"
    );
}

/// `facts --json` on a press story: a fragment woven into a sentence is the speaker's its
/// closing incise names, the description a quote's speaker is named through is their role, and
/// two institutes joined by a hyphen are both sources.
#[test]
fn facts_json_reads_incises_described_speakers_and_joined_sources() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.txt");
    let text = "Le débat continue\n\n\
                Martine Morel a reçu la presse jeudi à Lille. « Je condamne cette politique », a \
                déclaré l'ancienne ministre de l'Emploi.\n\
                Le cortège ne passera pas devant le château, pas « immédiatement » à proximité, \
                estime le préfet Jacques Brun.\n\
                Selon une enquête Ifop-Fiducial pour la radio, la cote du président a bondi.\n";
    std::fs::write(&file, text).unwrap();
    let out = byline(&["facts", file.to_str().unwrap(), "--json"], dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let facts: serde_json::Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    let speakers: Vec<(&str, &str)> = facts["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| (q["text"].as_str().unwrap(), q["speaker"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(
        speakers,
        [("Je condamne cette politique", "Martine Morel"), ("immédiatement", "Jacques Brun")],
        "{facts}"
    );
    let morel = facts["people"].as_array().unwrap().iter().find(|p| p["name"] == "Martine Morel").unwrap();
    assert_eq!(morel["roles"], serde_json::json!(["ancienne ministre de l'Emploi"]), "{facts}");
    assert_eq!(facts["sources"], serde_json::json!(["Ifop", "Fiducial"]), "{facts}");
}

/// `byline facts --json` on one JSON-lines story of that title, day and body (French).
/// The speaker of each quotation of `facts --json`, in order (null where none).
fn quote_speakers(facts: &serde_json::Value) -> Vec<serde_json::Value> {
    facts["quotes"].as_array().unwrap().iter().map(|q| q["speaker"].clone()).collect()
}

fn facts_of_story(title: &str, date: &str, body: &str) -> serde_json::Value {
    facts_of_story_in("fr", title, date, body)
}

/// `facts --json` of one story in `lang`.
fn facts_of_story_in(lang: &str, title: &str, date: &str, body: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.jsonl");
    let line = serde_json::json!({"title": title, "date": date, "lang": lang, "body": body});
    std::fs::write(&file, format!("{line}\n")).unwrap();
    let out = byline(&["facts", file.to_str().unwrap(), "--json"], dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap()
}

/// The (text, value) of each date of `facts --json`.
fn dates_of(facts: &serde_json::Value) -> Vec<(&str, &str)> {
    facts["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["text"].as_str().unwrap(), d["value"].as_str().unwrap_or("")))
        .collect()
}

/// `facts --json` on a dated press story: the outlet that asked and the person behind a
/// document are the sources, each once; a coming Saturday is read in the tense of its clause,
/// not the incise after it; the Journal du Dimanche is no date.
#[test]
fn facts_json_reads_press_sources_and_dates_in_their_tense() {
    let body = "Interrogé par Libération, le politologue juge la réforme fragile. Selon la déclaration \
                du ministre de l'Intérieur, Paul Morel, le calme est revenu. Le musée sera fermé \
                samedi, a annoncé la mairie, qui craint un nouveau samedi de violences, a-t-on appris \
                dans le Journal du Dimanche.";
    let facts = facts_of_story("Le calme", "2018-11-27", body);
    let sources = facts["sources"].as_array().unwrap();
    assert!(sources.contains(&serde_json::json!("Libération")), "{facts}");
    assert!(sources.contains(&serde_json::json!("Paul Morel")), "{facts}");
    assert_eq!(dates_of(&facts), [("samedi", "2018-12-01"), ("samedi", "2018-12-01")], "{facts}");
}

/// A spokesman's body and a communiqué's author are sources; a holiday and two months in a row
/// are dates resolved from the story's day.
#[test]
fn facts_json_reads_spokesmen_communiques_and_holidays() {
    let body = "Les ventes de novembre et décembre ont déçu, a indiqué une porte-parole de la SNCF. \
                Les jouets étaient non conformes, indique un communiqué du ministère de l'Agriculture. \
                Les magasins se sont refaits avant Noël.";
    let facts = facts_of_story("Les ventes", "2019-01-07", body);
    let sources = facts["sources"].as_array().unwrap();
    assert!(sources.contains(&serde_json::json!("SNCF")), "{facts}");
    assert!(sources.contains(&serde_json::json!("ministère de l'Agriculture")), "{facts}");
    assert_eq!(
        dates_of(&facts),
        [("novembre et décembre", "2018-11/2018-12"), ("Noël", "2018-12-25")],
        "{facts}"
    );
}

/// `facts --json` on a press story: an incise of a verb the lexicon does not hold, one past
/// « de son côté », a quotation pulled out of a longer one, and a body named after its kind
/// all name their speaker; a title word after a given name is a surname.
#[test]
fn facts_json_reads_any_incise_and_pulled_out_quotes() {
    let body = "Marion Maréchal était sur place samedi.\n«Un petit gilet jaune de plus»\n«C'est une \
                grossière manipulation!», ne décolère pas Marion Maréchal. «Je me suis dit que ça \
                ferait un petit gilet jaune de plus, voilà tout», ironise-t-elle. «Les commerçants \
                sont très inquiets pour les soldes», ajoute de son côté Paul Roux. Pour l'ONG \
                Reporters sans frontières, «il faut lancer un cri d'alarme».";
    let facts = facts_of_story("Le calme", "2018-11-27", body);
    let speakers: Vec<&str> =
        facts["quotes"].as_array().unwrap().iter().map(|q| q["speaker"].as_str().unwrap_or("")).collect();
    assert_eq!(
        speakers,
        ["Marion Maréchal", "Marion Maréchal", "Marion Maréchal", "Paul Roux", "Reporters sans frontières"],
        "{facts}"
    );
}

#[test]
fn facts_json_reads_a_standfirst_description_and_a_body_s_statement() {
    let body = "Invité de la radio ce matin, le président de la FNSEA a estimé que les réponses du \
                gouvernement étaient «soit insuffisantes, soit pas encore trouvées».\nNe rien lâcher. \
                Depuis le début de la crise, Paul Morel semble décidé à se faire entendre. «Cela paraît \
                une solution d'apaisement», a-t-il admis, en précisant que «ce n'est pas là-dessus \
                qu'il a été consulté». Les jouets sont «dangereux pour les enfants», indique un \
                communiqué du ministère de l'Économie.";
    let facts = facts_of_story("Le calme", "2018-11-27", body);
    assert_eq!(facts["people"][0]["name"], "Paul Morel", "{facts}");
    assert_eq!(facts["people"][0]["roles"], serde_json::json!(["président de la FNSEA"]), "{facts}");
    let speakers: Vec<&str> =
        facts["quotes"].as_array().unwrap().iter().map(|q| q["speaker"].as_str().unwrap_or("")).collect();
    assert_eq!(speakers, ["Paul Morel", "Paul Morel", "Paul Morel", "ministère de l'Économie"], "{facts}");
}

#[test]
fn facts_json_reads_descriptions_kin_and_leaves_an_unnamed_shopkeeper_unnamed() {
    let body = "Le yéti existerait, selon Valentine Sapounov, un habitant de Tomsk. \
                «Nous pouvons confirmer ces traces», a indiqué V. Sapounov. «L'ADN a permis de \
                l'établir», a poursuivi l'expert. Il est venu avec sa femme Tatiana. «Nous avons eu \
                très peur ce samedi-là», explique la responsable d'une boutique du boulevard.";
    let facts = facts_of_story("Le yéti", "2012-10-31", body);
    let roles = |name: &str| {
        facts["people"].as_array().unwrap().iter().find(|p| p["name"] == name).map(|p| p["roles"].clone())
    };
    assert_eq!(roles("Valentine Sapounov"), Some(serde_json::json!(["habitant de Tomsk"])), "{facts}");
    assert_eq!(roles("V. Sapounov"), Some(serde_json::json!(["expert"])), "{facts}");
    assert_eq!(roles("Tatiana"), Some(serde_json::json!(["femme"])), "{facts}");
    let speakers: Vec<&str> =
        facts["quotes"].as_array().unwrap().iter().map(|q| q["speaker"].as_str().unwrap_or("")).collect();
    assert_eq!(speakers, ["V. Sapounov", "V. Sapounov", ""], "{facts}");
}

#[test]
fn facts_json_reads_statuses_prefixed_titles_and_tells_groups_from_people() {
    let body = "Gilles Martin, retraité de 53 ans, est venu. Marie Cornet, sous-préfet des Ardennes, \
                l'a reçu. Selon Boris Kalin, l'un des organisateurs, ils resteront. «Nous resterons», \
                a dit Jean Roux, l'un des trois.";
    let facts = facts_of_story("Manifestation", "2018-12-01", body);
    let roles = |facts: &serde_json::Value, name: &str| {
        facts["people"].as_array().unwrap().iter().find(|p| p["name"] == name).map(|p| p["roles"].clone())
    };
    assert_eq!(roles(&facts, "Gilles Martin"), Some(serde_json::json!(["retraité"])), "{facts}");
    assert_eq!(
        roles(&facts, "Marie Cornet"),
        Some(serde_json::json!(["sous-préfet des Ardennes"])),
        "{facts}"
    );
    assert_eq!(roles(&facts, "Boris Kalin"), Some(serde_json::json!(["un des organisateurs"])), "{facts}");
    assert_eq!(roles(&facts, "Jean Roux"), Some(serde_json::json!([])), "{facts}");
    let body = "The figures come from analysts Gartner. World Cup winners Lawrence Dallaglio, Neil Back \
                and Martin Johnson have retired. The Archbishop of Cardiff, the Most Reverend Peter \
                Smith, spoke.";
    let facts = facts_of_story_in("en", "Retired", "2005-01-10", body);
    assert_eq!(roles(&facts, "Gartner"), None, "a group is no person: {facts}");
    for name in ["Lawrence Dallaglio", "Neil Back", "Martin Johnson"] {
        assert_eq!(roles(&facts, name), Some(serde_json::json!(["World Cup winners"])), "{facts}");
    }
    assert_eq!(roles(&facts, "Peter Smith"), Some(serde_json::json!(["Archbishop of Cardiff"])), "{facts}");
}

#[test]
fn facts_json_reads_gerunds_covering_nouns_glosses_and_english_but_subjects() {
    let body = "Le ministre de l'Intérieur Paul Berger s'est emparé de la polémique en promettant de \
                « tout faire pour que l'auteur soit condamné ».\n\n\
                Une cagnotte a été ouverte par Marc Leroy, maire de Belflou. « Je veux fédérer \
                autour des forces de l'ordre », a expliqué l'élu.\n\n\
                La présidente de la région Provence-Alpes-Côte d'Azur (Paca) Claire Dumas a réagi.";
    let facts = facts_of_story("Polémique", "2019-01-09", body);
    let speakers = quote_speakers(&facts);
    assert_eq!(speakers, vec![serde_json::json!("Paul Berger"), serde_json::json!("Marc Leroy")], "{facts}");
    let roles = |name: &str| {
        facts["people"].as_array().unwrap().iter().find(|p| p["name"] == name).map(|p| p["roles"].clone())
    };
    assert_eq!(
        roles("Claire Dumas"),
        Some(serde_json::json!(["présidente de la région Provence-Alpes-Côte d'Azur"])),
        "{facts}"
    );
    let body = "Gordon Hale said the rules were fair. But David Marsh said the system was a folly. \
                \"The pact has turned out to be a fake,\" he said.";
    let facts = facts_of_story_in("en", "Pact", "2005-01-10", body);
    assert_eq!(facts["quotes"][0]["speaker"], "David Marsh", "{facts}");
}

/// `facts --json` on the people the press meets by their given name, a quoted reason, an
/// organisation under its name and acronym (speaking under the one written nearest its quote),
/// and an English title's complement opening a sentence.
#[test]
fn facts_json_reads_given_names_reasons_acronyms_and_english_title_complements() {
    let body = "Des milliers de manifestants ont défilé.\n\n\
                Sabrina, 40 ans, a rejoint le mouvement car «c'est un droit constitutionnel, le \
                peuple est souverain». «Bientôt ce gouvernement ne sera plus là», prévient-elle.\n\n\
                L'Union des étudiants juifs de France (UEJF) a réagi. «Cet acte est dans la suite \
                des précédents», a dénoncé l'association. L'UEJF a porté plainte.";
    let facts = facts_of_story("Manifestation", "2019-01-09", body);
    let speakers = quote_speakers(&facts);
    let (sabrina, uejf) = (serde_json::json!("Sabrina"), serde_json::json!("UEJF"));
    assert_eq!(speakers, vec![sabrina.clone(), sabrina, uejf], "{facts}");
    let orgs: Vec<&serde_json::Value> =
        facts["entities"].as_array().unwrap().iter().filter(|e| e["label"] == "ORG").collect();
    assert_eq!(orgs.len(), 1, "one organisation under both names: {facts}");
    let body = "The science is settled. Science Minister Lord Sainsbury gave £2m to the party.";
    let facts = facts_of_story_in("en", "Gift", "2005-01-10", body);
    assert_eq!(facts["people"][0]["roles"], serde_json::json!(["Science Minister"]), "{facts}");
}

/// `facts --json` names people quoted together as one speaker and reads a pulled-out quote's
/// caption that says where the words were said.
#[test]
fn facts_json_names_joint_speakers_and_captions_with_a_medium() {
    // (Paragraphs one a line, as the press's JSON gives them.)
    let body = "Des milliers de manifestants ont défilé.\n\
                Claude et Yolande, en revanche, font partie des habitués. «On vient à chaque fois \
                qu'il y a une marche pour le climat».\n\
                «Moi, depuis le début, je ne les soutiens pas»\n\
                François Berléand sur RTL\n";
    let facts = facts_of_story("Manifestation", "2019-01-09", body);
    let speakers = quote_speakers(&facts);
    assert_eq!(
        speakers,
        vec![serde_json::json!("Claude et Yolande"), serde_json::json!("François Berléand")],
        "{facts}"
    );
}

#[test]
fn facts_json_gives_a_pronoun_the_one_its_words_do_not_speak_of_and_reads_a_fronted_participle() {
    let body = "Le président Paul Roussel a reçu Jean Morel, ministre des Finances, dimanche.\n\
                Selon Jean Morel, Paul Roussel devra trancher. «Il faut que le président annonce des \
                mesures fortes», a-t-il glissé.\n\
                Marine Durand, présidente du RN, était invitée. Accusant Jean Morel de «jouer les \
                cacous», la présidente du Rassemblement national a réclamé des mesures.\n";
    let facts = facts_of_story("Entretien", "2018-12-09", body);
    let speakers = quote_speakers(&facts);
    assert_eq!(
        speakers,
        vec![serde_json::json!("Jean Morel"), serde_json::json!("Marine Durand")],
        "{facts}"
    );
}

/// `facts --json` past a section label in capitals, with an office in apposition, an incise read
/// past where it was said, and a former office opening a sentence.
#[test]
fn facts_json_reads_labels_offices_in_apposition_incises_and_former_offices() {
    let body = "LE SCAN POLITIQUE - L'ancienne ministre de la Justice de François Hollande estime que \
                « la responsabilité de la gauche » est lourde.\n\
                Jeudi, Jacques Toubin, le Défenseur des droits, avait condamné l'usage des LBD « devant \
                l'évidence de leur dangerosité ».\n\
                « Il faut une pause sur la hausse des carburants, a plaidé sur BFMTV Paul Vigier, député \
                de l'Hérault. Je pense qu'une majorité nous suit. »\n\
                Ancien magistrat, Guy Canivet juge la loi sévèrement.";
    let facts = facts_of_story("Débat", "2019-01-09", body);
    let speakers = quote_speakers(&facts);
    assert_eq!(
        speakers,
        vec![serde_json::Value::Null, serde_json::json!("Jacques Toubin"), serde_json::json!("Paul Vigier")],
        "{facts}"
    );
    let roles = |name: &str| {
        facts["people"].as_array().unwrap().iter().find(|p| p["name"] == name).map(|p| p["roles"].clone())
    };
    assert_eq!(roles("Guy Canivet"), Some(serde_json::json!(["Ancien magistrat"])), "{facts}");
}

/// `facts --json` with a quotation that is the object of « saluer », « le même » + a person's
/// noun, a role after « occupe le poste de », and the verb after an apposition.
#[test]
fn facts_json_reads_quoted_objects_the_same_speaker_posts_and_roles_after_an_apposition() {
    let body = "Le président américain Paul Roussel a salué « un jour historique ».\n\
                « Le problème est grave », déplore Jean Morel. Cette base ressemble au fichier des \
                stades. « Cette mesure a eu des effets », assure le même syndicaliste.\n\
                Marie Durand occupe le poste de directrice financière depuis 2010. Anne Vidal, \
                avocate, est devenue ministre.";
    let facts = facts_of_story("Réactions", "2019-01-09", body);
    let speakers = quote_speakers(&facts);
    assert_eq!(
        speakers,
        vec![
            serde_json::json!("Paul Roussel"),
            serde_json::json!("Jean Morel"),
            serde_json::json!("Jean Morel")
        ],
        "{facts}"
    );
    let roles = |name: &str| {
        facts["people"].as_array().unwrap().iter().find(|p| p["name"] == name).map(|p| p["roles"].clone())
    };
    assert_eq!(roles("Marie Durand"), Some(serde_json::json!(["directrice financière"])), "{facts}");
    assert_eq!(roles("Anne Vidal"), Some(serde_json::json!(["avocate", "ministre"])), "{facts}");
}
