//! Screen snapshots: the app (state + in-memory store) driven by scripted keys in the config's
//! own key syntax, drawn on ratatui's TestBackend at fixed sizes.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and measuring code: a failure should stop it loudly

use byline::config::{Config, keys::parse_script};
use byline::library::Limits;
use byline::model::{Action, Settings};
use byline::service::index::index_source;
use byline::service::{Session, Source};
use byline::store::Store;
use byline::ui::{self, Ctx, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

fn screen(session: &Session, config: &Config) -> Terminal<TestBackend> {
    let state = &session.state;
    let mut terminal = Terminal::new(TestBackend::new(state.width, state.height)).unwrap();
    let theme = Theme::new(config.theme.clone(), config.no_color);
    terminal
        .draw(|f| {
            ui::draw(f, &Ctx { state, theme: &theme, keymap: &config.keymap, config_labels: &config.labels })
        })
        .unwrap();
    terminal
}

/// The titles of the list's rows, in order.
fn listed_titles(session: &Session) -> Vec<&str> {
    let list = &session.state.list;
    list.rows.iter().map(|r| list.stories.get(r.story).unwrap().title()).collect()
}

fn session_with(config: &Config, width: u16, height: u16, keys: &str) -> Session {
    session_over(Store::open_in_memory().unwrap(), config, width, height, keys)
}

/// The sample library indexed into `store`, shown at that size after `keys`.
fn session_over(mut store: Store, config: &Config, width: u16, height: u16, keys: &str) -> Session {
    index_source(&mut store, &Source::Bundled, &Limits::default(), &mut |_, _| {}).unwrap();
    let mut session =
        Session::new(store, Source::Bundled.scopes(), width, height, Settings::default()).unwrap();
    session.press(config, &parse_script(keys).unwrap());
    session
}

fn app(width: u16, height: u16, keys: &str) -> (Session, Config) {
    let config = Config::default();
    (session_with(&config, width, height, keys), config)
}

/// The cells drawn with a style, as text (to check what colour carries).
fn cells_where(terminal: &Terminal<TestBackend>, pred: impl Fn(&ratatui::buffer::Cell) -> bool) -> String {
    terminal.backend().buffer().content().iter().filter(|c| pred(c)).map(|c| c.symbol()).collect()
}

/// The cells of the article pane drawn with a style, as text.
fn article_cells_where(
    session: &Session,
    terminal: &Terminal<TestBackend>,
    pred: impl Fn(&ratatui::buffer::Cell) -> bool,
) -> String {
    let article = session.state.panes().article.unwrap();
    (article.y..article.y + article.height)
        .flat_map(|y| (article.x..article.x + article.width).map(move |x| (x, y)))
        .map(|(x, y)| &terminal.backend().buffer()[(x, y)])
        .filter(|c| pred(c))
        .map(|c| c.symbol())
        .collect()
}

#[test]
fn sample_library_at_120x40() {
    let (session, config) = app(120, 40, "");
    insta::assert_snapshot!(screen(&session, &config).backend());
}

#[test]
fn reference_article_at_80x24() {
    let (session, config) = app(80, 24, "j enter");
    insta::assert_snapshot!(screen(&session, &config).backend());
}

#[test]
fn too_small_terminal_says_so() {
    let (session, config) = app(30, 8, "");
    insta::assert_snapshot!(screen(&session, &config).backend());
}

#[test]
fn help_is_generated_from_the_keymap() {
    let config =
        Config::parse("[keys]\nnext_story = [\"ctrl-n\"]\n", std::path::Path::new("c.toml")).unwrap();
    let session = session_with(&config, 100, 40, "?");
    let shown = screen(&session, &config).backend().to_string();
    assert!(shown.contains("C-n") && shown.contains("Next story"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn article_search_highlights_hits_and_counts_them() {
    let (session, config) = app(120, 40, "j enter / s e c u r i t a i r e enter");
    let terminal = screen(&session, &config);
    insta::assert_snapshot!(terminal.backend());
    let current =
        cells_where(&terminal, |c| c.bg == Color::Yellow && c.modifier.contains(Modifier::REVERSED));
    assert_eq!(current, "sécuritaire");
    let all = cells_where(&terminal, |c| c.bg == Color::Yellow);
    assert_eq!(all.chars().count(), "sécuritaire".chars().count() * 2, "both hits are highlighted");
}

#[test]
fn library_search_lists_matching_stories_with_snippets() {
    let (session, config) = app(120, 40, "/ E c o f i n enter");
    assert_eq!(session.state.list.rows.len(), 1);
    let terminal = screen(&session, &config);
    insta::assert_snapshot!(terminal.backend());
    assert!(cells_where(&terminal, |c| c.bg == Color::Yellow).contains("Ecofin"));
}

#[test]
fn entities_are_coloured_by_label_and_listed_with_roles() {
    let (session, config) = app(120, 40, "j enter");
    let terminal = screen(&session, &config);
    insta::assert_snapshot!(terminal.backend());
    let places = cells_where(&terminal, |c| c.fg == Color::LightGreen);
    assert!(places.contains("Russie") && places.contains("Moscou"), "{places}");
    let people = cells_where(&terminal, |c| c.fg == Color::LightYellow);
    assert!(people.contains("Daoud Aly Mohammedine"), "{people}");
    let orgs = cells_where(&terminal, |c| c.fg == Color::LightCyan);
    assert!(orgs.contains("Wagner") && orgs.contains("Barkhane"), "{orgs}");
}

#[test]
fn next_entity_selects_and_emphasises_every_mention() {
    let (session, config) = app(120, 40, "j enter ] ]");
    let terminal = screen(&session, &config);
    insta::assert_snapshot!(terminal.backend());
    let reader = &session.state.reader;
    let open = session.state.open.as_ref().unwrap();
    let entity = &open.facts.entities[reader.selected_entity.unwrap()];
    // Inside the article pane (the list's unfocused selection is reversed too).
    let cursor = article_cells_where(&session, &terminal, |c| c.modifier.contains(Modifier::REVERSED));
    let cursor_mention = &open.marks[reader.cursor.unwrap()];
    assert_eq!(
        cursor.replace(' ', ""),
        open.article.body[cursor_mention.start..cursor_mention.end].replace(' ', "")
    );
    assert!(entity.mentions.iter().any(|m| m.start == cursor_mention.start));
}

#[test]
fn no_color_keeps_labels_apart_with_attributes() {
    let config = Config { no_color: true, ..Config::default() };
    let session = session_with(&config, 120, 40, "j enter");
    let terminal = screen(&session, &config);
    assert!(
        terminal.backend().buffer().content().iter().all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    let underlined = cells_where(&terminal, |c| c.modifier == Modifier::UNDERLINED);
    assert!(underlined.contains("Wagner"), "ORG is underlined: {underlined}");
    let italic = cells_where(&terminal, |c| c.modifier == Modifier::ITALIC);
    assert!(italic.contains("Moscou"), "LOC is italic: {italic}");
}

#[test]
fn side_panel_enter_jumps_to_the_entity() {
    let (session, config) = app(120, 40, "j enter tab j j enter");
    assert_eq!(session.state.focus, byline::model::Pane::Article);
    assert!(session.state.reader.selected_entity.is_some());
    insta::assert_snapshot!(screen(&session, &config).backend());
}

#[test]
fn annotating_barkhane_as_org_from_the_keyboard() {
    // Search puts the cursor on the word, v selects it, 2 labels it ORG.
    let (mut session, config) = app(120, 40, "j enter / B a r k h a n e enter v");
    let sel = session.state.selection.expect("a selection");
    let body = &session.state.open.as_ref().unwrap().article.body;
    assert_eq!(&body[sel.start..sel.end], "Barkhane");
    insta::assert_snapshot!("selecting", screen(&session, &config).backend());
    session.press(&config, &parse_script("2").unwrap());
    let open = session.state.open.as_ref().unwrap();
    assert_eq!(open.annotations.len(), 1);
    assert_eq!(open.annotations[0].label, "ORG");
    assert!(
        open.facts.entities.iter().any(|e| e.name == "Barkhane" && e.label == byline::extract::Label::Org)
    );
    insta::assert_snapshot!("labelled", screen(&session, &config).backend());
    // Undo removes it, redo brings it back.
    session.press(&config, &parse_script("u").unwrap());
    assert!(session.state.open.as_ref().unwrap().annotations.is_empty());
    session.press(&config, &parse_script("ctrl-r").unwrap());
    assert_eq!(session.state.open.as_ref().unwrap().annotations.len(), 1);
}

#[test]
fn rejecting_a_suggestion_hides_it_and_extending_a_selection_by_words() {
    let (mut session, config) = app(120, 40, "j enter ]");
    let open = session.state.open.as_ref().unwrap();
    let first = open.marks[session.state.reader.cursor.unwrap()];
    let text = open.article.body[first.start..first.end].to_string();
    session.press(&config, &parse_script("x").unwrap());
    let open = session.state.open.as_ref().unwrap();
    assert!(open.marks.iter().all(|m| m.start != first.start), "{text} is hidden");
    assert_eq!(open.annotations[0].status, byline::annotate::Status::Rejected);

    session.press(&config, &parse_script("/ A g e n c e enter v w").unwrap());
    let sel = session.state.selection.unwrap();
    let body = session.state.open.as_ref().unwrap().article.body.clone();
    assert_eq!(&body[sel.start..sel.end], "Agence Ecofin");
    session.press(&config, &parse_script("h h").unwrap());
    let sel = session.state.selection.unwrap();
    assert_eq!(&body[sel.start..sel.end], "Agence Ecof");
    session.press(&config, &parse_script("esc").unwrap());
    assert!(session.state.selection.is_none());
}

#[test]
fn fetching_shows_progress_then_the_summary_and_failures() {
    let (mut session, config) = app(120, 20, "F");
    // The key asks the loop for a background fetch and the status line says so at once.
    assert_eq!(session.take_jobs(), vec![byline::model::Effect::Fetch]);
    session.dispatch(Action::FetchProgress { done: 2, total: 5, feed: "Le Journal".into() });
    let during = screen(&session, &config).backend().to_string();
    insta::assert_snapshot!("fetching_in_progress", during);
    // A second press while fetching starts nothing.
    session.press(&config, &parse_script("F").unwrap());
    assert!(session.take_jobs().is_empty());

    session.dispatch(Action::FetchDone {
        summary: "5 feeds: 7 new stories, 1 not modified, 1 failed (Le Journal: HTTP 404)".into(),
        failures: vec!["Le Journal: HTTP 404".into()],
    });
    insta::assert_snapshot!("fetch_done", screen(&session, &config).backend());
    session.press(&config, &parse_script("!").unwrap());
    let overlay = screen(&session, &config).backend().to_string();
    assert!(
        overlay.contains("Feeds that failed in the last fetch") && overlay.contains("Le Journal: HTTP 404")
    );
}

#[test]
fn notes_and_knowledge_base_ids_are_kept_on_the_mention() {
    let (mut session, config) = app(120, 40, "j enter / M o s c o u enter ] @ Q 6 4 9 enter");
    let open = session.state.open.as_ref().unwrap();
    let moscou = open.annotations.iter().find(|a| a.quote.exact == "Moscou").expect("annotated");
    assert_eq!(moscou.kb_id.as_deref(), Some("Q649"));
    session.press(&config, &parse_script("; c a p i t a l e enter").unwrap());
    let open = session.state.open.as_ref().unwrap();
    assert_eq!(open.annotations.len(), 1, "the same annotation got the note");
    assert_eq!(open.annotations[0].note.as_deref(), Some("capitale"));
    insta::assert_snapshot!(screen(&session, &config).backend());
}

#[test]
fn linking_offers_entities_from_the_whole_library() {
    // In the welcome story, "Rus" finds Russie, which only the other story mentions.
    let (mut session, config) = app(120, 40, "enter ] = R u s");
    assert!(session.state.link_library.iter().any(|n| n == "Russie"), "{:?}", session.state.link_library);
    let shown = screen(&session, &config).backend().to_string();
    assert!(shown.contains("LINK TO") && shown.contains("Russie"), "{shown}");
    session.press(&config, &parse_script("enter").unwrap());
    let open = session.state.open.as_ref().unwrap();
    assert_eq!(open.annotations.len(), 1);
    assert_eq!(open.annotations[0].entity.as_deref(), Some("Russie"));
}

/// An English story's facts: quotes in English quotation marks, a speaker given as "she"
/// resolved to the person named before, a day named relative to the article's date.
#[test]
fn english_quotes_with_their_speakers() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("harbour.md"),
        "---\ntitle: Harbour plan approved\ndate: 2024-03-14\n---\n\
         The council approved the harbour plan yesterday. Mayor Ellen Carter spoke after the vote.\n\n\
         \"This is a good day for the town,\" she said. \"Work starts in May.\"\n",
    )
    .unwrap();
    let config = Config::default();
    let mut store = Store::open_in_memory().unwrap();
    let source = Source::Paths(vec![dir.path().to_path_buf()]);
    index_source(&mut store, &source, &Limits::default(), &mut |_, _| {}).unwrap();
    // 14 rows: the panel ends before the story's (temporary, so changing) path.
    let mut session = Session::new(store, source.scopes(), 100, 14, Settings::default()).unwrap();
    session.press(&config, &parse_script("enter").unwrap());
    insta::assert_snapshot!(screen(&session, &config).backend());
}

/// A label of the config's own is drawn in the colour it gives.
#[test]
fn a_config_label_is_drawn_in_its_colour() {
    let config = Config::parse(
        "[[labels]]\nname = \"FORCE\"\nkey = \"6\"\ncolor = \"red\"\n",
        std::path::Path::new("test.toml"),
    )
    .expect("config parses");
    let mut session = session_with(&config, 120, 40, "j enter / B a r k h a n e enter v");
    // 6 labels the selection; q then clears the search, whose highlight would cover the word.
    session.press(&config, &parse_script("6 q").unwrap());
    assert_eq!(session.state.open.as_ref().unwrap().annotations[0].label, "FORCE");
    let terminal = screen(&session, &config);
    let red = cells_where(&terminal, |c| c.fg == Color::Red);
    assert!(red.contains("Barkhane"), "drawn in red: {red:?}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_facts_panel_hints_come_from_the_command_table() {
    let (session, config) = app(120, 30, "j tab tab");
    let shown = screen(&session, &config).backend().to_string();
    let status = shown.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or_default();
    assert!(status.contains("j down") && status.contains("? help"), "{status}");
    insta::assert_snapshot!(shown);
}

/// What the reader shows of the open story: its annotations, the facts (panel), the spans
/// highlighted in the text.
fn shown(
    session: &Session,
) -> (Vec<byline::annotate::Annotation>, byline::extract::Facts, Vec<byline::model::Mark>) {
    let open = session.state.open.as_ref().expect("a story is open");
    (open.annotations.clone(), open.facts.clone(), open.marks.clone())
}

/// Undo and redo after a restart step the screen exactly as they did before it.
#[test]
fn undo_and_redo_after_a_restart_show_what_they_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("byline.db");
    let config = Config::default();
    let reopen = |keys: &str| session_over(Store::open(&path).unwrap(), &config, 120, 40, keys);
    let press = |session: &mut Session, keys: &str| session.press(&config, &parse_script(keys).unwrap());

    let mut before = reopen("j enter / M o s c o u enter ] a");
    let accepted = shown(&before);
    press(&mut before, "/ A s s i m i enter v w 1");
    let labelled = shown(&before);
    assert_eq!(labelled.0.len(), 2, "Moscou accepted, Assimi Goita labelled");
    press(&mut before, "u");
    assert_eq!(shown(&before), accepted);
    press(&mut before, "u");
    let untouched = shown(&before);
    assert!(untouched.0.is_empty());
    press(&mut before, "ctrl-r");
    assert_eq!(shown(&before), accepted);
    // Reopened in the same session (back to the list, another story, this one again).
    let message = |session: &Session| session.state.message.clone().unwrap_or_default();
    press(&mut before, "q q k j enter");
    assert_eq!(shown(&before), accepted, "the story reopens as it was left");
    press(&mut before, "u");
    assert_eq!((shown(&before), message(&before).as_str()), (untouched.clone(), "undone: accept Moscou"));
    press(&mut before, "ctrl-r");
    drop(before);

    let mut after = reopen("j enter");
    assert_eq!(shown(&after), accepted, "the story reopens as it was left after a restart");
    press(&mut after, "ctrl-r");
    assert_eq!(shown(&after), labelled);
    assert_eq!(message(&after), "redone: label PER Assimi Goita");
    press(&mut after, "u");
    assert_eq!(shown(&after), accepted);
    assert_eq!(message(&after), "undone: label PER Assimi Goita");
    press(&mut after, "u");
    assert_eq!(shown(&after), untouched, "Moscou is a suggestion again, in the text and the panel");
    assert_eq!(message(&after), "undone: accept Moscou");
    let open = after.state.open.as_ref().unwrap();
    let cursor = open.marks[after.state.reader.cursor.expect("the cursor is on what changed")];
    assert_eq!(&open.article.body[cursor.start..cursor.end], "Moscou");
    // Moscou a suggestion under the cursor, in its label's colour; no ✓ in the panel; the
    // status line names what was undone.
    let terminal = screen(&after, &config);
    insta::assert_snapshot!("undone_after_a_restart", terminal.backend());
    let cursor = article_cells_where(&after, &terminal, |c| c.modifier.contains(Modifier::REVERSED));
    assert_eq!(cursor, "Moscou");
    assert!(article_cells_where(&after, &terminal, |c| c.fg == Color::LightGreen).contains("Moscou"));
    press(&mut after, "u");
    assert_eq!(message(&after), "nothing to undo");
}

/// Accepting a mention named otherwise than its entity keeps it in that entity: the panel
/// still shows one Russie, of three mentions, now with a ✓.
#[test]
fn an_accepted_suggestion_stays_in_its_entity() {
    let (session, config) = app(120, 40, "j enter / f e d e r a t i o n enter ] a");
    let open = session.state.open.as_ref().unwrap();
    let accepted = &open.annotations[0];
    assert_eq!(accepted.quote.exact, "Fédération de Russie");
    assert_eq!(accepted.entity.as_deref(), Some("Russie"));
    let russie: Vec<_> = open.facts.entities.iter().filter(|e| e.name.contains("Russie")).collect();
    assert_eq!(russie.len(), 1, "{russie:?}");
    assert_eq!(russie[0].mentions.len(), 3);
    let shown = screen(&session, &config).backend().to_string();
    assert!(shown.contains("Russie ×3 ✓"), "{shown}");
    insta::assert_snapshot!(shown);
}

/// The review queue: `}` goes to the next suggestion to judge, the status line and the story's
/// row count the decisions, `D` marks the story done (✓ in the list) and the review filter
/// keeps the stories still to review.
#[test]
fn reviewing_shows_progress_in_the_list_and_the_status_line() {
    let (mut session, config) = app(120, 40, "j enter } a } x }");
    let open = session.state.open.as_ref().unwrap();
    assert_eq!(open.progress.judged, 2);
    let cursor = open.marks[session.state.reader.cursor.unwrap()];
    assert!(open.marks[..session.state.reader.cursor.unwrap()].iter().all(|m| !m.is_unjudged(open)));
    assert!(cursor.is_unjudged(open), "the cursor is on the first suggestion still to judge");
    let shown = screen(&session, &config).backend().to_string();
    assert!(shown.contains("2/19 judged") && shown.contains("… 2/19│"), "{shown}");
    insta::assert_snapshot!("review_in_progress", shown);

    session.press(&config, &parse_script("D").unwrap());
    let review = session.state.list.selected().unwrap().review();
    assert!(review.done);
    insta::assert_snapshot!("review_done", screen(&session, &config).backend());
    session.press(&config, &parse_script("q q R").unwrap());
    let rows = listed_titles(&session);
    assert_eq!(rows, vec!["Welcome to byline"]);
    assert!(screen(&session, &config).backend().to_string().contains("to review (BS clears)"));
}

/// Judging keeps the place: after `x` the next `]` goes on from the mention rejected (not from
/// the top), and `d` on a suggestion says that `x` is the way to reject it.
#[test]
fn judging_keeps_the_place_and_d_refuses_a_suggestion() {
    let (mut session, config) = app(120, 40, "j enter ] ] ]");
    let under_cursor = |session: &Session| {
        let open = session.state.open.as_ref().unwrap();
        let mark = open.marks[session.state.reader.cursor.expect("a mention has the cursor")];
        open.article.body[mark.start..mark.end].to_string()
    };
    let third = under_cursor(&session);
    let fourth = {
        let open = session.state.open.as_ref().unwrap();
        let mark = open.marks[session.state.reader.cursor.unwrap() + 1];
        open.article.body[mark.start..mark.end].to_string()
    };
    session.press(&config, &parse_script("x").unwrap());
    assert_eq!(session.state.message, Some(format!("rejected {third}")));
    session.press(&config, &parse_script("] d").unwrap());
    assert_eq!(under_cursor(&session), fourth);
    let shown = screen(&session, &config).backend().to_string();
    assert!(shown.contains("x rejects it (not a name)"), "{shown}");
    insta::assert_snapshot!(shown);
}

/// A caret in the text: the arrows move it by line, `w`/`b`/`e` by word, and `v` selects from
/// wherever it is, a mention or not.
#[test]
fn the_caret_moves_anywhere_and_v_selects_there() {
    let (mut session, config) = app(120, 40, "j enter down w");
    let terminal = screen(&session, &config);
    let caret = article_cells_where(&session, &terminal, |c| c.modifier.contains(Modifier::REVERSED));
    assert_eq!(caret, "s", "the caret is drawn on the first letter of « sécuritaire »");
    insta::assert_snapshot!("caret_in_the_text", terminal.backend());
    session.press(&config, &parse_script("v e").unwrap());
    let sel = session.state.selection.unwrap();
    let body = session.state.open.as_ref().unwrap().article.body.clone();
    assert_eq!(&body[sel.start..sel.end], "sécuritaire avec");
    session.press(&config, &parse_script("4").unwrap());
    let open = session.state.open.as_ref().unwrap();
    assert_eq!(open.annotations.len(), 1);
    assert_eq!(
        (open.annotations[0].quote.exact.as_str(), open.annotations[0].label.as_str()),
        ("sécuritaire avec", "MISC")
    );
    // b goes back a word, across the line's start, and e to a word's end.
    session.press(&config, &parse_script("b b e").unwrap());
    let at = session.state.caret_offset().unwrap();
    assert_eq!(&body[at..at + 1], "e", "the end of « de », the first line's last word");
}

/// Everything set on a mention is visible: the status line gives its label, decision, origin,
/// knowledge-base id, note and entity; the facts panel marks the id and the note (✎); the help
/// lists the label keys beside the commands.
#[test]
fn everything_set_on_a_mention_is_visible() {
    let keys = "j enter / M o s c o u enter ] @ Q 6 4 9 enter ; c a p i t a l e enter l";
    let (mut session, config) = app(140, 40, keys);
    let shown = screen(&session, &config).backend().to_string();
    let status = shown.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or_default();
    assert!(
        status.contains("LOC accepted (gazetteer) · kb Q649 · note «capitale» · entity Moscou"),
        "{status}"
    );
    assert!(shown.contains("Moscou ×2 ✓ Q649 ✎"), "{shown}");
    insta::assert_snapshot!(shown);
    // A suggestion says what proposed it.
    session.press(&config, &parse_script("]").unwrap());
    let shown = screen(&session, &config).backend().to_string();
    assert!(shown.contains(" suggested ("), "{shown}");

    // Down the help, page by page, to its labels.
    session.press(&config, &parse_script("?").unwrap());
    let mut help = screen(&session, &config).backend().to_string();
    let shows_labels = |help: &str| help.lines().any(|l| l.contains(&format!(" {:<14} DATE", "5")));
    for _ in 0..12 {
        if shows_labels(&help) {
            break;
        }
        session.press(&config, &parse_script("space").unwrap());
        help = screen(&session, &config).backend().to_string();
    }
    assert!(help.contains("Labels: on a selection (v) or a mention") || shows_labels(&help), "{help}");
    for (key, label) in [("1", "PER"), ("2", "ORG"), ("5", "DATE")] {
        assert!(help.lines().any(|l| l.contains(&format!(" {key:<14} {label}"))), "{key} {label}: {help}");
    }
}

/// Linking a mention to an entity of another label asks which label wins; the answer makes
/// one entity (no twin under each label).
#[test]
fn linking_across_labels_asks_which_label_wins() {
    let (mut session, config) = app(120, 40, "j enter / K r e m l i n enter ] = R u s s i e enter");
    let shown = screen(&session, &config).backend().to_string();
    assert!(shown.contains("Kremlin is ORG, Russie is LOC: which label wins? 2 ORG · 3 LOC"), "{shown}");
    insta::assert_snapshot!(shown);
    session.press(&config, &parse_script("3").unwrap());
    let open = session.state.open.as_ref().unwrap();
    let russie: Vec<_> = open.facts.entities.iter().filter(|e| e.name == "Russie").collect();
    assert_eq!(russie.len(), 1, "{russie:?}");
    assert_eq!(russie[0].label, byline::extract::Label::Loc);
    assert_eq!(russie[0].mentions.len(), 4, "Kremlin joined Russie");
    assert!(open.facts.entities.iter().all(|e| e.name != "Kremlin"));
}

/// Correcting a quote's speaker from the facts panel: the prompt offers the story's entities as
/// one types; the panel shows the speaker set (✓) at once; undo takes it back; it outlives a
/// restart.
#[test]
fn a_quote_s_speaker_is_corrected_from_the_facts_panel() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("byline.db");
    let config = Config::default();
    let mut session = session_over(Store::open(&path).unwrap(), &config, 120, 40, "j enter tab G \" D a o");
    let shown = screen(&session, &config).backend().to_string();
    assert!(
        shown.contains("SPEAKER") && shown.contains("→ Daoud Aly Mohammedine · unknown (empty)"),
        "{shown}"
    );
    session.press(&config, &parse_script("enter").unwrap());
    let open = session.state.open.as_ref().unwrap();
    let last = open.facts.quotes.last().unwrap();
    assert_eq!(last.speaker.as_deref(), Some("Daoud Aly Mohammedine"));
    let shown = screen(&session, &config).backend().to_string();
    assert!(
        shown.contains("— Daoud Aly Mohammedine") && shown.contains("│     ✓ "),
        "marked as set by you: {shown}"
    );
    insta::assert_snapshot!(shown);
    session.press(&config, &parse_script("u").unwrap());
    let undone = session.state.open.as_ref().unwrap().facts.quotes.last().unwrap();
    // Back to what the extractor found: no name, the text's description of the speaker.
    assert_eq!(
        (undone.speaker.as_deref(), undone.speaker_description.as_deref()),
        (None, Some("le communiqué malien"))
    );
    assert!(
        session
            .state
            .message
            .as_deref()
            .unwrap_or_default()
            .starts_with("undone: speaker Daoud Aly Mohammedine of «")
    );
    session.press(&config, &parse_script("ctrl-r").unwrap());
    drop(session);
    let after = session_over(Store::open(&path).unwrap(), &config, 120, 40, "j enter");
    let quote = after.state.open.as_ref().unwrap().facts.quotes.last().unwrap().clone();
    assert_eq!(
        (quote.speaker.as_deref(), quote.speaker_origin),
        (Some("Daoud Aly Mohammedine"), Some(byline::extract::Origin::User))
    );
}

#[test]
fn entity_page_of_a_mention() {
    let (session, config) = app(120, 40, "j enter ] p");
    assert!(session.state.entity_page.is_some(), "{:?}", session.state.message);
    insta::assert_snapshot!(screen(&session, &config).backend());
}

/// A small library about one person: dated stories over several months and one undated, a
/// role, a quote, a companion; the page shows them, and Enter opens the selected story at
/// the person's first mention.
#[test]
fn entity_page_of_a_person_across_stories() {
    let dir = tempfile::tempdir().unwrap();
    let stories = [
        (
            "a",
            "Harbour plan approved",
            // A feed's timestamp: the page shows its day.
            Some("2024-01-10T08:30:00+00:00"),
            "Mayor Ellen Carter presented the harbour plan to the council with David Okafor. \"This is a good day for the town,\" Ellen Carter said.",
        ),
        (
            "b",
            "Budget vote delayed",
            Some("2024-01-25"),
            "The budget vote was delayed again. Mayor Ellen Carter met David Okafor on Monday to discuss the delay.",
        ),
        (
            "c",
            "New ferry line",
            Some("2024-04-02"),
            "A new ferry line opens in spring. Ellen Carter welcomed the news at the port.",
        ),
        (
            "d",
            "Town hall meeting",
            None,
            "Residents asked questions at the town hall. Ellen Carter answered for two hours.",
        ),
        (
            "e",
            "Rain floods the market",
            Some("2024-02-14"),
            "Heavy rain flooded the market square on Tuesday. Shops stayed closed.",
        ),
        (
            "f",
            "School reopens",
            Some("2024-03-01"),
            "The school reopened after the repairs. Pupils returned on Monday.",
        ),
    ];
    for (file, title, date, body) in stories {
        let date = date.map_or(String::new(), |d| format!("date: {d}\n"));
        std::fs::write(
            dir.path().join(format!("{file}.md")),
            format!("---\ntitle: {title}\n{date}---\n{body}\n"),
        )
        .unwrap();
    }
    let config = Config::default();
    let mut store = Store::open_in_memory().unwrap();
    let source = Source::Paths(vec![dir.path().to_path_buf()]);
    index_source(&mut store, &source, &Limits::default(), &mut |_, _| {}).unwrap();
    let mut session = Session::new(store, source.scopes(), 120, 30, Settings::default()).unwrap();
    let first = session.state.list.selected().unwrap().title().to_string();
    assert_eq!(first, "New ferry line", "newest first");
    session.press(&config, &parse_script("enter ] p").unwrap());
    let page = session.state.entity_page.as_ref().unwrap_or_else(|| panic!("{:?}", session.state.message));
    assert_eq!(page.profile.name, "Ellen Carter");
    let second = page.profile.stories[1].title.clone();
    insta::assert_snapshot!(screen(&session, &config).backend());
    // The second story of the page, opened at the first mention.
    session.press(&config, &parse_script("j enter").unwrap());
    let state = &session.state;
    assert!(state.entity_page.is_none());
    let open = state.open.as_ref().unwrap();
    assert_eq!(open.article.title, second);
    let mark = open.marks[state.reader.cursor.expect("the cursor is on the mention")];
    assert!(open.article.body[mark.start..mark.end].contains("Carter"));
}

/// Emoji sequences (ZWJ families, flags, skin tones, keycaps, VS16) take the cells the terminal
/// gives them, and moving to the next story redraws every cell: nothing of the previous story
/// survives ratatui's diff (the frame drawn over the old one equals a frame drawn afresh).
#[test]
fn emoji_sequences_leave_nothing_behind_in_the_next_story() {
    let dir = tempfile::tempdir().unwrap();
    let emoji = "Family 👨‍👩‍👧‍👦 and 👩🏽‍💻 coders; flags 🇫🇷🇬🇧🇺🇦; thumbs 👍🏽👍🏿; keycaps 1️⃣ #️⃣ *️⃣; \
                 hearts ❤️ ♥️; CJK 日本語; combining e\u{301}; rainbow 🏳️‍🌈 end.";
    let body: String = (0..12).map(|i| format!("{i} {emoji}\n\n")).collect();
    std::fs::write(
        dir.path().join("a.md"),
        format!("---\ntitle: Emoji 🇫🇷 day\ndate: 2024-03-15\n---\n{body}"),
    )
    .unwrap();
    let plain: String =
        (0..40).map(|i| format!("Line {i} of plain text, nothing wide at all here.\n")).collect();
    std::fs::write(dir.path().join("b.md"), format!("---\ntitle: Plain day\ndate: 2024-03-14\n---\n{plain}"))
        .unwrap();
    let config = Config::default();
    let source = Source::Paths(vec![dir.path().to_path_buf()]);
    let theme = Theme::new(config.theme.clone(), config.no_color);
    for (width, height) in [(120, 40), (80, 24), (61, 20)] {
        let mut session =
            Session::new(store_copy(&source), source.scopes(), width, height, Settings::default()).unwrap();
        let mut live = Terminal::new(TestBackend::new(width, height)).unwrap();
        // The live terminal is drawn as the reader draws it, frame after frame.
        let mut painter = ui::Painter::default();
        let mut draw = |session: &Session, terminal: &mut Terminal<TestBackend>| {
            let state = &session.state;
            let ctx = Ctx { state, theme: &theme, keymap: &config.keymap, config_labels: &config.labels };
            painter.draw(terminal, &ctx).unwrap();
        };
        session.press(&config, &parse_script("enter").unwrap());
        let title = &session.state.open.as_ref().unwrap().article.title;
        assert!(title.starts_with("Emoji"), "{title}");
        draw(&session, &mut live);
        assert_eq!(
            drawn_text(&session, &screen(&session, &config)),
            visible_text(&session),
            "at {width}×{height}, every grapheme of the lines on screen is drawn (none cut at a line's end)"
        );
        // Scroll through the emoji story so every line of it has been on screen.
        session.press(&config, &parse_script("space space").unwrap());
        draw(&session, &mut live);
        session.press(&config, &parse_script("J").unwrap());
        assert!(session.state.open.as_ref().unwrap().article.title.starts_with("Plain"));
        draw(&session, &mut live);
        let fresh = screen(&session, &config);
        let (old, new) = (live.backend().buffer(), fresh.backend().buffer());
        let differing: Vec<(u16, u16, String, String)> = new
            .area
            .positions()
            .filter(|&p| old[p] != new[p])
            .map(|p| (p.x, p.y, old[p].symbol().to_string(), new[p].symbol().to_string()))
            .collect();
        assert!(
            differing.is_empty(),
            "at {width}×{height}, cells left from the emoji story: {differing:?}\n{}\n{}",
            live.backend(),
            fresh.backend()
        );
        let wide: Vec<char> = emoji.chars().filter(|c| !c.is_ascii()).collect();
        let article = session.state.panes().article.unwrap();
        let left: String = (article.y..article.y + article.height)
            .flat_map(|y| (article.x..article.x + article.width).map(move |x| (x, y)))
            .map(|p| old[p].symbol())
            .filter(|s| s.chars().any(|c| wide.contains(&c)))
            .collect();
        assert!(left.is_empty(), "at {width}×{height}, emoji story cells in the plain story: {left:?}");
    }

    /// The article's text area as drawn, without blanks.
    fn drawn_text(session: &Session, terminal: &Terminal<TestBackend>) -> String {
        let a = session.state.panes().article.unwrap();
        let buffer = terminal.backend().buffer();
        (a.y + 1..a.y + a.height - 1)
            .flat_map(|y| (a.x + 2..a.x + a.width - 2).map(move |x| (x, y)))
            .map(|p| buffer[p].symbol())
            .collect::<String>()
            .split_whitespace()
            .collect()
    }

    /// The lines the reader lays out on screen, without blanks.
    fn visible_text(session: &Session) -> String {
        let (reader, open) = (&session.state.reader, session.state.open.as_ref().unwrap());
        let rows = session.state.panes().article.unwrap().height as usize - 2;
        let text = |l: &byline::model::DocLine| match l.kind {
            byline::model::LineKind::Title => &open.article.title[l.range.clone()],
            byline::model::LineKind::Meta => &reader.meta[l.range.clone()],
            byline::model::LineKind::Blank => "",
            byline::model::LineKind::Body => &open.article.body[l.range.clone()],
        };
        reader
            .lines
            .iter()
            .skip(reader.scroll)
            .take(rows)
            .map(text)
            .collect::<String>()
            .split_whitespace()
            .collect()
    }

    fn store_copy(source: &Source) -> Store {
        let mut store = Store::open_in_memory().unwrap();
        index_source(&mut store, source, &Limits::default(), &mut |_, _| {}).unwrap();
        store
    }
}

/// A folder of stories from three sources (and one without), indexed; the session after `keys`.
fn sources_library(dir: &std::path::Path, keys: &str) -> (Session, Config) {
    let stories = [
        ("a", "Le Monde", "Accord signé à Bamako", "2024-03-01"),
        ("b", "Le Monde", "Les marchés reculent", "2024-03-02"),
        ("c", "Le Monde", "Une nouvelle ligne de ferry", "2024-03-03"),
        ("d", "RFI", "Élections au Sénégal", "2024-03-04"),
        ("e", "Hacker News", "Show HN, a terminal reader", "2024-03-05"),
        ("f", "", "Notes without a source", "2024-03-06"),
    ];
    for (file, source, title, date) in stories {
        let source = if source.is_empty() { String::new() } else { format!("source: {source}\n") };
        let text = format!("---\ntitle: {title}\ndate: {date}\n{source}---\nThe text of {title}.\n");
        std::fs::write(dir.join(format!("{file}.md")), text).unwrap();
    }
    let config = Config::default();
    let mut store = Store::open_in_memory().unwrap();
    let source = Source::Paths(vec![dir.to_path_buf()]);
    index_source(&mut store, &source, &Limits::default(), &mut |_, _| {}).unwrap();
    let settings = Settings { mark_read_on_open: false, ..Settings::default() };
    let mut session = Session::new(store, source.scopes(), 80, 24, settings).unwrap();
    session.press(&config, &parse_script(keys).unwrap());
    (session, config)
}

#[test]
fn feeds_view_lists_sources_with_unread_counts() {
    let dir = tempfile::tempdir().unwrap();
    // One story of RFI read, then the view on Le Monde.
    let (session, config) = sources_library(dir.path(), "G m f j j");
    let view = session.state.feeds_view.as_ref().unwrap();
    assert_eq!((view.entries[0].unread, view.entries[0].total), (5, 6));
    let terminal = screen(&session, &config);
    // The selected entry stands out; so do the entries with unread stories.
    let selected = cells_where(&terminal, |c| c.bg == Color::Blue);
    assert_eq!(selected.trim_end(), "N 2/3  Le Monde");
    let bold = cells_where(&terminal, |c| c.modifier.contains(Modifier::BOLD) && c.bg != Color::Blue);
    assert!(bold.contains("N 1/1  RFI") && bold.contains("N 1/1  Hacker News"), "{bold}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn feeds_view_after_marking_a_feed_read_and_choosing_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, config) = sources_library(dir.path(), "f j j A");
    assert_eq!(session.state.message.as_deref(), Some("Le Monde: 3 marked read (u undoes)"));
    insta::assert_snapshot!("feeds_view_marked_read", screen(&session, &config).backend());
    session.press(&config, &parse_script("enter").unwrap());
    assert!(session.state.feeds_view.is_none());
    insta::assert_snapshot!("feeds_view_chosen", screen(&session, &config).backend());
    // The marks are in the store: a new session over it counts them.
    let read = session.store.stories_in(&session.scopes).unwrap().iter().filter(|m| m.read).count();
    assert_eq!(read, 3);
    session.press(&config, &parse_script("u").unwrap());
    let read = session.store.stories_in(&session.scopes).unwrap().iter().filter(|m| m.read).count();
    assert_eq!(read, 0, "undo restores the marks in the store");
}

/// The keys that type `text` in a prompt.
fn typed(text: &str) -> String {
    text.chars()
        .map(|c| if c == ' ' { "space".to_string() } else { c.to_string() })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_query_in_the_search_prompt_filters_the_list_and_says_how_many_match() {
    let keys = format!("/ {} enter", typed("accord -lang:en -starred"));
    let (session, config) = app(120, 30, &keys);
    let rows = listed_titles(&session);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].starts_with("Le gouvernement malien"), "{rows:?}");
    let terminal = screen(&session, &config);
    insta::assert_snapshot!(terminal.backend());
    let status = session.state.message.clone().unwrap_or_default();
    assert_eq!(status, "1 story matches \"accord -lang:en -starred\"");
    // The word of the query is highlighted in the snippet; the other terms are not words.
    assert!(cells_where(&terminal, |c| c.bg == Color::Yellow).contains("accord"));
    // Without the negation, the other story is left out by its language instead.
    let (session, _) = app(120, 30, &format!("/ {} enter", typed("lang:en")));
    assert_eq!(session.state.list.rows.len(), 1);
    assert_eq!(session.state.list.selected().map(|m| m.title()), Some("Welcome to byline"));
}

#[test]
fn a_query_error_points_at_the_character_in_the_status_line() {
    let (session, config) = app(120, 30, &format!("/ {} enter", typed("unread bogus:x")));
    assert_eq!(session.state.list.rows.len(), 2, "the list is left as it was");
    let terminal = screen(&session, &config);
    insta::assert_snapshot!(terminal.backend());
    let message = session.state.message.clone().unwrap_or_default();
    assert!(message.contains("unknown field \"bogus\""), "{message}");
    assert!(message.starts_with("query error at 8: unread ⟦b⟧ogus:x · "), "{message}");
}

#[test]
fn a_saved_query_by_name_in_the_search_prompt() {
    let config = Config::default();
    let mut session = session_with(&config, 120, 30, "");
    session.state.saved_queries =
        vec![byline::text::query::SavedQuery { name: "help".into(), query: "tag:HELP".into() }];
    session.press(&config, &parse_script(&format!("/ {} enter", typed("@help unread"))).unwrap());
    assert_eq!(session.state.list.rows.len(), 1);
    assert_eq!(session.state.list.selected().map(|m| m.title()), Some("Welcome to byline"));
    session.press(&config, &parse_script(&format!("/ {} enter", typed("@nope"))).unwrap());
    let message = session.state.message.clone().unwrap_or_default();
    assert!(message.contains("no saved query is called \"nope\""), "{message}");
}

/// Tags and saved queries are entries of the feeds view, with their counts: a tag narrows the
/// list to its stories, a saved query (a virtual feed) runs as typed in the search prompt.
#[test]
fn feeds_view_lists_tags_and_saved_queries_as_feeds() {
    let dir = tempfile::tempdir().unwrap();
    let stories = [
        ("a", "Le Monde", "[mali, Économie]", "Accord signé à Bamako", "Le ministre a signé un accord."),
        ("b", "Le Monde", "[economie]", "Les marchés reculent", "Les marchés reculent encore."),
        ("c", "RFI", "[Mali]", "Une route rouverte", "La route vers Gao a rouvert."),
        ("d", "RFI", "[]", "Élections au Sénégal", "Le scrutin aura lieu dimanche."),
    ];
    for (i, (file, source, tags, title, body)) in stories.into_iter().enumerate() {
        let text = format!(
            "---\ntitle: {title}\ndate: 2024-03-0{}\nsource: {source}\ntags: {tags}\n---\n{body}\n",
            i + 1
        );
        std::fs::write(dir.path().join(format!("{file}.md")), text).unwrap();
    }
    let config = Config::default();
    let mut store = Store::open_in_memory().unwrap();
    let source = Source::Paths(vec![dir.path().to_path_buf()]);
    index_source(&mut store, &source, &Limits::default(), &mut |_, _| {}).unwrap();
    let settings = Settings { mark_read_on_open: false, ..Settings::default() };
    let mut session = Session::new(store, source.scopes(), 100, 20, settings).unwrap();
    session.state.saved_queries =
        vec![byline::text::query::SavedQuery { name: "sahel".into(), query: "tag:mali OR scrutin".into() }];
    // The first story read, then the view.
    session.press(&config, &parse_script("G m f").unwrap());
    let view = session.state.feeds_view.as_ref().unwrap();
    let entry = |label: &str| {
        let e = view.entries.iter().find(|e| e.kind.label() == label).unwrap_or_else(|| panic!("{label}"));
        (e.unread, e.total)
    };
    assert_eq!(entry("@sahel"), (2, 3), "tag:mali (a read, c) or the word (d)");
    // Tags are one entry whatever their case and accents, named as the newest story writes it.
    assert_eq!(entry("#Mali"), (1, 2));
    assert_eq!(entry("#economie"), (1, 2));
    assert_eq!(entry("RFI"), (2, 2));
    insta::assert_snapshot!(screen(&session, &config).backend());

    // A tag narrows the list to its stories.
    let at = |label: &str, s: &Session| {
        s.state.feeds_view.as_ref().unwrap().entries.iter().position(|e| e.kind.label() == label).unwrap()
    };
    let down = |n: usize| vec!["j"; n].join(" ");
    session.press(&config, &parse_script(&format!("g {} enter", down(at("#Mali", &session)))).unwrap());
    let titles = |s: &Session| -> Vec<String> { listed_titles(s).into_iter().map(str::to_string).collect() };
    assert_eq!(titles(&session), ["Une route rouverte", "Accord signé à Bamako"]);
    // The saved query, as a feed: its stories, and the tag's filter gone.
    session.press(&config, &parse_script("f").unwrap());
    session.press(&config, &parse_script(&format!("g {} enter", down(at("@sahel", &session)))).unwrap());
    assert_eq!(titles(&session), ["Élections au Sénégal", "Une route rouverte", "Accord signé à Bamako"]);
    assert!(session.state.list.filters.tag.is_none());
}

/// While the entities of new stories are extracted, the status line says how far it has come;
/// indexing done, it goes.
#[test]
fn entity_extraction_progress_shows_in_the_status_line() {
    let (mut session, config) = app(120, 30, "");
    session.dispatch(Action::AnalysisProgress { done: 256, total: 1000 });
    let shown = screen(&session, &config).backend().to_string();
    let status = shown.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or_default().to_string();
    assert!(status.contains("entities 256/1000"), "{status}");
    insta::assert_snapshot!(status);
    session.dispatch(Action::IndexDone { skipped: Vec::new(), summary: "done".into(), changed: true });
    let shown = screen(&session, &config).backend().to_string();
    assert!(!shown.contains("entities 256"), "{shown}");
}

/// A search whose hits pass the most the list shows: the status line says more stories
/// match than are listed, not the cap as the count.
#[test]
fn a_search_with_more_hits_than_the_list_shows() {
    use byline::model::list::SEARCH_SHOWN;
    let dir = tempfile::tempdir().unwrap();
    for i in 0..=SEARCH_SHOWN {
        std::fs::write(
            dir.path().join(format!("s{i:03}.md")),
            format!(
                "---\ntitle: Harbour notice {i}\ndate: 2024-01-01T{:02}:{:02}:00Z\n---\nThe harbour opens at {i}.\n",
                i / 60,
                i % 60
            ),
        )
        .unwrap();
    }
    let config = Config::default();
    let mut store = Store::open_in_memory().unwrap();
    let source = Source::Paths(vec![dir.path().to_path_buf()]);
    index_source(&mut store, &source, &Limits::default(), &mut |_, _| {}).unwrap();
    // 80 columns: the facts pane, which shows the file's (temporary) path, is not drawn.
    let mut session = Session::new(store, source.scopes(), 80, 12, Settings::default()).unwrap();
    // The whole list, as the reader reads it after its first page.
    let whole = session.store.story_list(&source.scopes()).unwrap();
    session.dispatch(Action::StoriesLoaded(Box::new(whole)));
    let ids: Vec<String> = session.state.list.stories.iter().map(|m| m.id().to_string()).collect();
    assert_eq!(ids.len(), SEARCH_SHOWN + 1);
    session.dispatch(Action::SearchResults { query: "harbour".into(), ids });
    insta::assert_snapshot!(screen(&session, &config).backend());
}
