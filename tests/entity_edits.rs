//! Merging and splitting entities as a user would: from the reader's keys (screens over
//! `TestBackend`, the store reopened as a restart does) and from the command line (each
//! command its own process), and undoing them back to the automatic grouping.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure should stop loudly

#[path = "support/command_line.rs"]
mod command_line;

use std::path::{Path, PathBuf};

use byline::config::{Config, keys::parse_script};
use byline::library::Limits;
use byline::model::Settings;
use byline::service::index::index_source;
use byline::service::{Session, Source};
use byline::store::Store;
use byline::ui::{self, Ctx, Theme};
use command_line::byline;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Ellen Carter, mayor, in two stories; "Nell Carter" in two others: a name the automatic
/// grouping never joins to hers (another full name), which the user knows is her.
const STORIES: &[(&str, &str, &str, &str)] = &[
    (
        "a",
        "Harbour plan approved",
        "2024-01-10",
        "Mayor Ellen Carter presented the harbour plan to the council with David Okafor. \"This is a good day for the town,\" Ellen Carter said.",
    ),
    (
        "b",
        "Budget vote delayed",
        "2024-01-25",
        "The budget vote was delayed again. Mayor Ellen Carter met David Okafor on Monday to discuss the delay.",
    ),
    (
        "c",
        "Nell at the port",
        "2024-02-02",
        "The mayor, known to everyone as Nell Carter, welcomed the ferry at the port. Nell Carter spoke for an hour.",
    ),
    (
        "d",
        "Market reopens",
        "2024-03-05",
        "Nell Carter cut the ribbon with Sam Reid when the market reopened.",
    ),
];

fn write_library(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for (file, title, date, body) in STORIES {
        let text = format!("---\ntitle: {title}\ndate: {date}\n---\n{body}\n");
        std::fs::write(dir.join(format!("{file}.md")), text).unwrap();
    }
}

/// A temporary folder with the library in `lib` and the database's path beside it.
fn library() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let (lib, db) = (dir.path().join("lib"), dir.path().join("byline.db"));
    write_library(&lib);
    (dir, lib, db)
}

/// A reader window over the library's database (indexed first), after `keys`.
fn window(lib: &Path, db: &Path, keys: &str) -> (Session, Config) {
    let config = Config::default();
    let mut store = Store::open(db).unwrap();
    let source = Source::Paths(vec![lib.to_path_buf()]);
    index_source(&mut store, &source, &Limits::default(), &mut |_, _| {}).unwrap();
    let mut session = Session::new(store, source.scopes(), 120, 30, Settings::default()).unwrap();
    session.press(&config, &parse_script(keys).unwrap());
    (session, config)
}

/// The screen as text, the test's temporary folder (shown as the story's path) written the
/// same in every run.
fn screen(session: &Session, config: &Config, dir: &Path) -> String {
    screen_of_width(session, config, dir, 120)
}

fn screen_of_width(session: &Session, config: &Config, dir: &Path, width: u16) -> String {
    let theme = Theme::new(config.theme.clone(), false);
    let ctx =
        Ctx { state: &session.state, theme: &theme, keymap: &config.keymap, config_labels: &config.labels };
    let mut terminal = Terminal::new(TestBackend::new(width, 30)).unwrap();
    terminal.draw(|f| ui::draw(f, &ctx)).unwrap();
    let dir = dir.display().to_string();
    let same = format!("/tmp/{}", "x".repeat(dir.chars().count().saturating_sub(5)));
    terminal.backend().to_string().replace(&dir, &same)
}

fn page_names(session: &Session) -> Vec<String> {
    let page = session.state.entity_page.as_ref().unwrap_or_else(|| panic!("{:?}", session.state.message));
    page.profile.aliases.iter().map(|a| a.name.clone()).collect()
}

#[test]
fn merging_from_the_keyboard_survives_a_restart_and_undo_gives_the_grouping_back() {
    let (dir, lib, db) = library();
    // The oldest story (Ellen Carter), her page, marked; then the Nell story's first mention.
    let (mut session, config) = window(&lib, &db, "G enter ] p");
    assert_eq!(page_names(&session), ["Ellen Carter"], "not joined automatically");
    session.press(&config, &parse_script("M q K K ]").unwrap());
    assert_eq!(session.state.merge_mark.as_ref().map(|m| m.name.as_str()), Some("Ellen Carter"));
    insta::assert_snapshot!(
        "merge_flow_marked_then_on_another_mention",
        screen(&session, &config, dir.path())
    );
    // On a narrow terminal with a crowded status line the pending merge still shows.
    let narrow = screen_of_width(&session, &config, dir.path(), 60);
    let status = narrow.lines().last().unwrap_or_default();
    assert!(status.contains("M merges into Ellen Carter"), "{status}");
    session.press(&config, &parse_script("M").unwrap());
    assert_eq!(session.state.message.as_deref(), Some("merge Nell Carter into Ellen Carter · u undoes"));
    assert!(session.state.merge_mark.is_none());
    session.press(&config, &parse_script("p").unwrap());
    assert_eq!(page_names(&session), ["Ellen Carter", "Nell Carter"]);
    insta::assert_snapshot!("entity_page_after_a_merge", screen(&session, &config, dir.path()));
    drop(session);

    // A restart: the new window finds them merged, from the other name too.
    let (mut session, config) = window(&lib, &db, "enter ] p");
    let page = session.state.entity_page.as_ref().unwrap();
    assert_eq!((page.profile.name.as_str(), page.profile.stories.len()), ("Ellen Carter", 4));
    // `u` on the page undoes the merge (the ended window's): the automatic grouping again.
    session.press(&config, &parse_script("u").unwrap());
    assert_eq!(session.state.message.as_deref(), Some("undone: merge Nell Carter into Ellen Carter"));
    assert_eq!(page_names(&session), ["Ellen Carter"]);
    session.press(&config, &parse_script("ctrl-r").unwrap());
    assert_eq!(page_names(&session), ["Ellen Carter", "Nell Carter"]);
}

#[test]
fn splitting_a_name_off_on_the_page_survives_a_restart() {
    let (dir, lib, db) = library();
    let (mut session, config) = window(&lib, &db, "G enter ] p M q K K ] M p");
    assert_eq!(page_names(&session), ["Ellen Carter", "Nell Carter"]);
    // To the names, the second one, split off.
    session.press(&config, &parse_script("tab j").unwrap());
    session.press(&config, &parse_script("X").unwrap());
    assert_eq!(session.state.message.as_deref(), Some("split Nell Carter from Ellen Carter · u undoes"));
    assert_eq!(page_names(&session), ["Ellen Carter"]);
    // The page covers the status line: it says what was done in place of its keys.
    let shown = screen(&session, &config, dir.path());
    assert!(shown.contains("│ split Nell Carter from Ellen Carter · u undoes"), "{shown}");
    // The page's own name is not split from itself.
    session.press(&config, &parse_script("k X").unwrap());
    assert!(session.state.message.as_deref().unwrap().contains("own name"), "{:?}", session.state.message);
    drop(session);
    let (session, _) = window(&lib, &db, "enter ] p");
    assert_eq!(page_names(&session), ["Nell Carter"], "split: her page is her own again");
}

#[test]
fn merge_split_and_undo_from_the_command_line_each_in_its_own_process() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    write_library(&lib);
    std::fs::write(dir.path().join("config.toml"), format!("[library]\npaths = [{:?}]\n", lib)).unwrap();
    let run = |args: &[&str]| {
        let out = byline(args, dir.path());
        let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
        (out.status.code(), text)
    };
    let profile = |name: &str| -> serde_json::Value {
        let out = byline(&["entity", name, "--json"], dir.path());
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let names = |v: &serde_json::Value| -> Vec<String> {
        v["aliases"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(names(&profile("Ellen Carter")), ["Ellen Carter"]);
    assert_eq!(
        run(&["entity", "merge", "Ellen Carter", "Nell Carter"]),
        (Some(0), "merge Nell Carter into Ellen Carter\n".into())
    );
    let merged = profile("Nell Carter");
    assert_eq!(merged["name"], "Ellen Carter");
    assert_eq!(merged["stories"].as_array().unwrap().len(), 4);
    let nell = merged["aliases"].as_array().unwrap().iter().find(|a| a["name"] == "Nell Carter").unwrap();
    assert_eq!(nell["origin"], "user");
    let (code, said) = run(&["entity", "merge", "Ellen Carter", "Nell Carter"]);
    assert_eq!(code, Some(1));
    assert!(said.contains("one entity already"), "{said}");

    assert_eq!(run(&["entity", "split", "Ellen Carter", "Nell Carter"]).0, Some(0));
    assert_eq!(names(&profile("Nell Carter")), ["Nell Carter"]);
    assert_eq!(names(&profile("Ellen Carter")), ["Ellen Carter"]);
    // Undo the split: merged again; undo the merge: the automatic grouping.
    assert_eq!(run(&["entity", "undo"]), (Some(0), "undone: split Nell Carter from Ellen Carter\n".into()));
    assert_eq!(profile("Nell Carter")["name"], "Ellen Carter");
    assert_eq!(run(&["entity", "undo"]).0, Some(0));
    assert_eq!(names(&profile("Nell Carter")), ["Nell Carter"]);
    assert_eq!(names(&profile("Ellen Carter")), ["Ellen Carter"]);
    let (code, said) = run(&["entity", "undo"]);
    assert_eq!(code, Some(1));
    assert!(said.contains("no entity merge or split to undo"), "{said}");
    assert_eq!(run(&["entity", "redo"]).0, Some(0));
    assert_eq!(profile("Ellen Carter")["stories"].as_array().unwrap().len(), 4);
}

/// A page whose names do not fit the screen: after Tab the keys move through them and the left
/// column scrolls to keep the selected one in view, saying there is more above and below.
#[test]
fn the_page_s_left_column_scrolls_to_the_selected_name() {
    use byline::library::profile::{Alias, Profile, QuoteRef};
    use byline::model::Action;
    let (dir, lib, db) = library();
    let (mut session, config) = window(&lib, &db, "");
    let aliases = (0..40)
        .map(|i| Alias {
            name: format!("Name number {i}"),
            stories: 40 - i,
            label: "PER".into(),
            key: format!("name number {i}"),
            origin: None,
        })
        .collect();
    let quote =
        |i| QuoteRef { story: "a".into(), date: None, text: format!("Quote {i}, said at length ").repeat(4) };
    let profile = Profile {
        name: "Name number 0".into(),
        label: "PER".into(),
        key: "name number 0".into(),
        aliases,
        quotes: (0..3).map(quote).collect(),
        ..Profile::default()
    };
    session.dispatch(Action::EntityPageLoaded(Box::new(profile)));
    let top = screen(&session, &config, dir.path());
    assert!(top.contains("↓ more") && !top.contains("↑ more"), "{top}");
    session.press(&config, &parse_script(&format!("tab {}", "j ".repeat(30))).unwrap());
    let scrolled = screen(&session, &config, dir.path());
    assert!(scrolled.contains("Name number 30 (10)") && scrolled.contains("↑ more"), "{scrolled}");
    assert!(!scrolled.contains("Name number 2 "), "{scrolled}");
    insta::assert_snapshot!("entity_page_left_column_scrolled", scrolled);
    // To the end: the quotes, wrapped, and nothing more below.
    session.press(&config, &parse_script("G").unwrap());
    let bottom = screen(&session, &config, dir.path());
    assert!(bottom.contains("Quote 2, said at length") && !bottom.contains("↓ more"), "{bottom}");
}

/// `count` stories, each a council meeting the mayor Ellen Carter opened, a day apart.
fn write_council_meetings(lib: &Path, count: usize) {
    std::fs::create_dir_all(lib).unwrap();
    for i in 0..count {
        let (month, day) = (i / 28 % 12 + 1, i % 28 + 1);
        let text = format!(
            "---\ntitle: Council meeting {i}\ndate: 2023-{month:02}-{day:02}\n---\n\
             Mayor Ellen Carter opened council meeting number {i} in the town hall. \
             Ellen Carter said the harbour would reopen.\n"
        );
        std::fs::write(lib.join(format!("s{i:03}.md")), text).unwrap();
    }
}

/// `byline entity NAME` lists the page's newest stories and says how many more there are;
/// `--all` and `--json` list every story, each once.
#[test]
fn the_command_line_page_lists_the_newest_stories_and_all_on_request() {
    use byline::service::entity::PAGE_STORIES;
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let count = PAGE_STORIES + 30;
    write_council_meetings(&lib, count);
    std::fs::write(dir.path().join("config.toml"), format!("[library]\npaths = [{:?}]\n", lib)).unwrap();
    let story_lines = |args: &[&str]| -> (Vec<String>, String) {
        let out = byline(args, dir.path());
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let ids = text
            .lines()
            .filter(|l| l.contains("Council meeting"))
            .map(|l| l.split('\t').next().unwrap().to_owned());
        (ids.collect(), text)
    };
    let (newest, text) = story_lines(&["entity", "Ellen Carter"]);
    assert_eq!(newest.len(), PAGE_STORIES, "{text}");
    assert!(text.contains("… and 30 more stories"), "{text}");
    let (all, text) = story_lines(&["entity", "Ellen Carter", "--all"]);
    assert_eq!(all.iter().collect::<std::collections::HashSet<_>>().len(), count, "{text}");
    assert_eq!(all.len(), count);
    assert_eq!(all[..PAGE_STORIES], newest[..], "the newest first, in the page's order");
    assert!(!text.contains("more stories"));
    let out = byline(&["entity", "Ellen Carter", "--json"], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> =
        json["stories"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, all.iter().map(String::as_str).collect::<Vec<_>>());
}

/// A person in more stories than the page reads at first: it shows the newest, says how many
/// there are, and asks for the next ones as the selection nears the end of those it holds.
#[test]
fn the_page_reads_more_stories_as_the_reader_scrolls() {
    use byline::service::entity::{PAGE_STORIES, profile};
    let dir = tempfile::tempdir().unwrap();
    let (lib, db) = (dir.path().join("lib"), dir.path().join("byline.db"));
    let count = PAGE_STORIES + 30;
    write_council_meetings(&lib, count);
    let (mut session, config) = window(&lib, &db, "");
    let byline::service::entity::Lookup::Found(found) = profile(&mut session.store, "Ellen Carter").unwrap()
    else {
        panic!("Ellen Carter is in the index")
    };
    session.dispatch(byline::model::Action::EntityPageLoaded(found));
    let page = session.state.entity_page.as_ref().unwrap();
    assert_eq!((page.profile.stories.len(), page.profile.story_count), (PAGE_STORIES, count));
    assert_eq!(page.profile.timeline.iter().map(|m| m.1).sum::<usize>(), count, "every story is counted");
    let first = screen(&session, &config, dir.path());
    assert!(first.contains(&format!("Stories · 1 of {count}")), "{first}");
    insta::assert_snapshot!("entity_page_holds_the_newest_stories", first);
    // Far enough down, the next window arrives; the stories are all there, each once.
    session.press(&config, &parse_script(&"j ".repeat(PAGE_STORIES - 15)).unwrap());
    let page = session.state.entity_page.as_ref().unwrap();
    assert_eq!(page.profile.stories.len(), count);
    let ids: std::collections::HashSet<&str> = page.profile.stories.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.len(), count);
    assert!(!screen(&session, &config, dir.path()).contains(&format!(" of {count}")));
    session.press(&config, &parse_script("G").unwrap());
    assert_eq!(session.state.entity_page.as_ref().unwrap().selected, count - 1);
}

/// A library of schema 16 (before the entity rows carried their story's day) is upgraded in
/// place: the stars, read marks, annotations and the user's merges are all still there, and
/// the entity page is read from the upgraded rows.
#[test]
fn a_schema_16_library_is_upgraded_with_everything_the_user_made() {
    let (_dir, lib, db) = library();
    // The oldest story opened and read, starred; its first suggestion accepted; a merge.
    let (session, _) = window(&lib, &db, "G enter s ] a q G enter ] p M q K K ] M");
    assert_eq!(session.state.message.as_deref(), Some("merge Nell Carter into Ellen Carter · u undoes"));
    drop(session);
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "DROP TRIGGER articles_au_day; ALTER TABLE entity_mentions DROP COLUMN day;
             CREATE INDEX articles_card ON articles(rowid, date, id, title, source);
             PRAGMA user_version = 16;",
        )
        .unwrap();
    }
    let (mut session, config) = window(&lib, &db, "");
    let story = session.state.list.stories.iter().find(|s| s.starred()).expect("the star is kept");
    assert!(story.read(), "the read mark is kept");
    let id = story.id().to_owned();
    assert_eq!(session.store.annotations(&id).unwrap().annotations.len(), 1, "the annotation is kept");
    session.press(&config, &parse_script("G enter ] p").unwrap());
    assert_eq!(page_names(&session), ["Ellen Carter", "Nell Carter"], "the merge is kept");
    let page = session.state.entity_page.as_ref().unwrap();
    assert_eq!(page.profile.story_count, 4);
    let months: Vec<&str> = page.profile.timeline.iter().map(|m| m.0.as_str()).collect();
    assert_eq!(months, ["2024-01", "2024-02", "2024-03"], "the days were filled in");
}
