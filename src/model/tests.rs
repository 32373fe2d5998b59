//! `update()` driven by action scripts, with effects answered by hand: no store, no terminal.

use super::*;
use crate::annotate::Status;
use crate::command::Command as C;
use crate::extract::{Entity, Label, Mention, Origin};
use crate::library::SearchHit;

fn meta(id: &str, title: &str) -> StoryMeta {
    StoryMeta { id: id.into(), title: title.into(), ..StoryMeta::default() }
}

fn article(id: &str, paragraphs: usize) -> Article {
    let body: Vec<String> = (0..paragraphs)
        .map(|i| format!("Paragraphe {i} : la Russie et le Mali signent un accord."))
        .collect();
    Article { id: id.into(), title: format!("Titre {id}"), body: body.join("\n\n"), ..Article::default() }
}

/// Answers the effects the way the app would, from a fixed set of articles; returns what was
/// written (read flags, stars, scroll positions).
fn run(state: &mut AppState, actions: Vec<Action>) -> Vec<Effect> {
    let mut log = Vec::new();
    let mut queue: std::collections::VecDeque<Action> = actions.into();
    while let Some(action) = queue.pop_front() {
        for effect in update(state, action) {
            log.push(effect.clone());
            if let Effect::LoadStory { id } = effect {
                let a = article(&id, 30);
                let russie: Vec<Mention> = a
                    .body
                    .match_indices("Russie")
                    .map(|(s, t)| Mention {
                        start: s,
                        end: s + t.len(),
                        text: t.into(),
                        origin: Origin::Rule,
                    })
                    .collect();
                let facts = Facts {
                    entities: vec![Entity { label: Label::Loc, name: "Russie".into(), mentions: russie }],
                    ..Facts::default()
                };
                queue.push_back(loaded(a, facts));
            }
        }
    }
    log
}

fn new_state(n: usize) -> (AppState, Vec<Effect>) {
    let stories = (0..n).map(|i| meta(&format!("s{i}"), &format!("Story {i}"))).collect();
    let (mut state, effects) = AppState::new(stories, 120, 40, Settings::default());
    let mut log = effects.clone();
    for e in effects {
        if let Effect::LoadStory { id } = e {
            log.extend(run(&mut state, vec![loaded(article(&id, 30), Facts::default())]));
        }
    }
    (state, log)
}

fn loaded(article: Article, facts: Facts) -> Action {
    Action::StoryLoaded { story: Box::new(LoadedStory { article, facts, ..LoadedStory::default() }) }
}

fn cmds(list: &[C]) -> Vec<Action> {
    list.iter().map(|c| Action::Command(*c)).collect()
}

#[test]
fn the_first_story_is_loaded_at_start_and_moving_loads_the_next() {
    let (mut state, log) = new_state(3);
    assert_eq!(log[0], Effect::LoadStory { id: "s0".into() });
    assert_eq!(state.open.as_ref().map(|o| o.article.id.as_str()), Some("s0"));
    run(&mut state, cmds(&[C::Down]));
    assert_eq!(state.open.as_ref().map(|o| o.article.id.as_str()), Some("s1"));
    assert_eq!(state.focus, Pane::List);
}

#[test]
fn opening_marks_read_and_leaving_saves_the_scroll_position() {
    let (mut state, _) = new_state(2);
    let log = run(&mut state, cmds(&[C::Open, C::PageDown, C::NextStory]));
    assert!(log.contains(&Effect::SetRead { id: "s0".into(), read: true }));
    assert!(state.list.stories.get(0).unwrap().read());
    let saved = log.iter().find_map(|e| match e {
        Effect::SaveScroll { id, line } if id == "s0" => Some(*line),
        _ => None,
    });
    assert!(saved.is_some_and(|l| l > 0), "{log:?}");
    assert_eq!(state.focus, Pane::Article, "J keeps reading in the article");
}

#[test]
fn a_late_story_for_another_selection_is_dropped() {
    let (mut state, _) = new_state(2);
    update(&mut state, Action::Command(C::Down));
    update(&mut state, loaded(article("s0", 2), Facts::default()));
    assert_eq!(state.open.as_ref().map(|o| o.article.id.as_str()), Some("s0"), "still the old one");
    update(&mut state, loaded(article("s1", 2), Facts::default()));
    assert_eq!(state.open.as_ref().map(|o| o.article.id.as_str()), Some("s1"));
}

#[test]
fn star_and_read_toggles_write_through_effects() {
    let (mut state, _) = new_state(1);
    let log = run(&mut state, cmds(&[C::ToggleStar, C::ToggleRead, C::ToggleRead]));
    assert_eq!(
        log,
        vec![
            Effect::SetStarred { id: "s0".into(), starred: true },
            Effect::SetRead { id: "s0".into(), read: false },
            Effect::SetRead { id: "s0".into(), read: true },
        ]
    );
}

#[test]
fn back_clears_search_then_leaves_the_article_then_quits() {
    let (mut state, _) = new_state(2);
    let mut script = cmds(&[C::Open, C::Search]);
    script.extend("russie".chars().map(Action::PromptChar));
    script.push(Action::PromptSubmit);
    run(&mut state, script);
    assert_eq!(state.reader.search.matches.len(), 30);
    run(&mut state, cmds(&[C::NextMatch, C::NextMatch]));
    assert_eq!(state.reader.search.current, Some(2));
    run(&mut state, cmds(&[C::Back]));
    assert!(state.reader.search.matches.is_empty() && state.focus == Pane::Article);
    run(&mut state, cmds(&[C::Back]));
    assert_eq!(state.focus, Pane::List);
    assert!(!state.quit);
    run(&mut state, cmds(&[C::Back]));
    assert!(state.quit);
}

#[test]
fn entity_keys_walk_mentions_and_select_their_entity() {
    let (mut state, _) = new_state(1);
    // Reload with facts.
    run(&mut state, vec![Action::StoriesLoaded(Box::new(vec![meta("s0", "Story")].into()))]);
    state.open = None;
    run(
        &mut state,
        vec![Action::StoriesLoaded(Box::new(vec![meta("s0", "Story"), meta("s1", "Other")].into()))],
    );
    run(&mut state, cmds(&[C::Down, C::Up]));
    let open = state.open.as_ref().unwrap();
    assert_eq!(open.marks.len(), 30);
    run(&mut state, cmds(&[C::NextEntity, C::NextEntity, C::NextEntity]));
    assert_eq!(state.reader.cursor, Some(2));
    assert_eq!(state.reader.selected_entity, Some(0));
    run(&mut state, cmds(&[C::PrevEntity, C::PrevEntity, C::PrevEntity]));
    assert_eq!(state.reader.cursor, Some(29), "wraps around");
    let line = state.reader.line_of(state.open.as_ref().unwrap().marks[29].start);
    assert!(
        line >= state.reader.scroll && line < state.reader.scroll + state.reader.height,
        "mention in view"
    );
    let log = run(&mut state, cmds(&[C::RelatedStories]));
    assert_eq!(
        log,
        vec![Effect::EntityStories {
            name: "Russie".into(),
            newest: Some(crate::model::list::ENTITY_SHOWN + 1)
        }]
    );
}

#[test]
fn filters_compose_and_one_key_clears_them() {
    let (mut state, _) = new_state(4);
    run(&mut state, cmds(&[C::Down, C::ToggleStar, C::Down, C::ToggleStar, C::Down, C::ToggleRead]));
    run(&mut state, cmds(&[C::FilterStarred]));
    assert_eq!(state.list.rows.len(), 2);
    run(&mut state, cmds(&[C::FilterUnread]));
    assert_eq!(state.list.rows.len(), 2, "the two starred are unread");
    assert_eq!(state.list.filters.describe(), "unread · starred");
    run(&mut state, cmds(&[C::ClearFilters]));
    assert_eq!(state.list.rows.len(), 4);
}

#[test]
fn snippets_are_asked_for_the_rows_shown_and_the_page_below_once() {
    let (mut state, _) = new_state(200);
    let ids: Vec<String> = (0..200).rev().map(|i| format!("s{i}")).collect();
    let log = run(&mut state, vec![Action::SearchResults { query: "russie".into(), ids: ids.clone() }]);
    let asked = |log: &[Effect]| -> Vec<String> {
        log.iter()
            .filter_map(|e| match e {
                Effect::Snippets { query, ids } if query == "russie" => Some(ids.clone()),
                _ => None,
            })
            .flatten()
            .collect()
    };
    let shown = state.list_height();
    assert_eq!(asked(&log), ids[..2 * shown], "the hits on screen and one page below, best first");
    let snippet = vec![("Russie".to_string(), true)];
    run(
        &mut state,
        vec![Action::Snippets { query: "russie".into(), snippets: vec![(ids[0].clone(), snippet.clone())] }],
    );
    assert_eq!(state.list.snippet(&state.list.rows[0]), Some(&snippet));
    assert_eq!(state.list.snippet(&state.list.rows[1]), Some(&Vec::new()), "asked, not yet made");
    let log = run(&mut state, cmds(&[C::Down]));
    assert!(asked(&log).is_empty(), "nothing asked twice");
    let log = run(&mut state, cmds(&[C::PageDown, C::PageDown]));
    assert_eq!(asked(&log).first(), Some(&ids[2 * shown]), "the next rows when scrolled to");
    // The snippets of a search since replaced are not shown.
    run(&mut state, vec![Action::SearchResults { query: "mali".into(), ids: ids.clone() }]);
    run(
        &mut state,
        vec![Action::Snippets { query: "russie".into(), snippets: vec![(ids[0].clone(), snippet)] }],
    );
    assert_eq!(state.list.snippet(&state.list.rows[0]), Some(&Vec::new()));
}

#[test]
fn a_search_runs_again_over_the_whole_list_keeping_the_selection() {
    let (mut state, _) = new_state(3);
    let ids = || vec!["s7".to_string(), "s1".to_string()];
    run(&mut state, vec![Action::SearchResults { query: "russie".into(), ids: ids() }]);
    let listed = |state: &AppState| -> Vec<String> {
        state.list.rows.iter().map(|r| state.list.stories.get(r.story).unwrap().id().to_string()).collect()
    };
    assert_eq!(listed(&state), ["s1"], "s7 is not read yet");
    state.message = Some("something else".into());
    state.focus = Pane::Article;
    let whole: Vec<StoryMeta> = (0..10).map(|i| meta(&format!("s{i}"), "Story")).collect();
    let log = run(&mut state, vec![Action::StoriesLoaded(Box::new(whole.into()))]);
    assert!(log.contains(&Effect::Search { query: "russie".into() }), "{log:?}");
    run(&mut state, vec![Action::SearchResults { query: "russie".into(), ids: ids() }]);
    assert_eq!(listed(&state), ["s7", "s1"]);
    assert_eq!(state.list.selected().map(|m| m.id()), Some("s1"), "the selection kept");
    assert_eq!((state.focus, state.message.as_deref()), (Pane::Article, Some("something else")));
    // The same search typed again, as any new search, takes the focus and says how many.
    run(&mut state, vec![Action::SearchResults { query: "russie".into(), ids: ids() }]);
    assert_eq!((state.focus, state.list.selected), (Pane::List, 0));
    assert_eq!(state.message.as_deref(), Some("2 stories match \"russie\""));
}

#[test]
fn a_search_cut_to_the_rows_the_list_shows_says_more_match() {
    use crate::model::list::SEARCH_SHOWN;
    let (mut state, _) = new_state(SEARCH_SHOWN + 1);
    let ids: Vec<String> = (0..=SEARCH_SHOWN).map(|i| format!("s{i}")).collect();
    run(&mut state, vec![Action::SearchResults { query: "said".into(), ids: ids.clone() }]);
    assert_eq!(state.list.rows.len(), SEARCH_SHOWN, "the hit past the cap is not listed");
    assert_eq!(
        state.message.as_deref(),
        Some(format!("{SEARCH_SHOWN}+ stories match \"said\" (the first {SEARCH_SHOWN} listed)").as_str())
    );
    run(&mut state, vec![Action::SearchResults { query: "said".into(), ids: ids[..SEARCH_SHOWN].to_vec() }]);
    assert_eq!(state.message.as_deref(), Some(format!("{SEARCH_SHOWN} stories match \"said\"").as_str()));
}

#[test]
fn the_stories_of_an_entity_cut_to_the_newest_say_more_mention_it() {
    use crate::library::EntityHit;
    use crate::model::list::ENTITY_SHOWN;
    let (mut state, _) = new_state(ENTITY_SHOWN + 1);
    let hit = |i: usize| EntityHit {
        story: meta(&format!("s{i}"), "Story"),
        label: "PER".into(),
        name: "Tony Blair".into(),
        mentions: 1,
    };
    let hits: Vec<EntityHit> = (0..=ENTITY_SHOWN).map(hit).collect();
    run(&mut state, vec![Action::EntityResults { name: "Tony Blair".into(), hits: hits.clone() }]);
    assert_eq!(state.list.rows.len(), ENTITY_SHOWN);
    let message = state.message.clone().unwrap_or_default();
    assert!(message.ends_with(&format!("(its newest {ENTITY_SHOWN}: more stories mention it)")), "{message}");
    run(&mut state, vec![Action::EntityResults { name: "Tony Blair".into(), hits: hits[1..].to_vec() }]);
    assert!(!state.message.clone().unwrap_or_default().contains("more stories"));
    // With a search shown, its hits need not be among the entity's newest: every story is
    // asked for and kept, so the oldest one the search found is listed.
    let oldest = format!("s{ENTITY_SHOWN}");
    run(&mut state, cmds(&[C::ClearFilters]));
    run(&mut state, vec![Action::SearchResults { query: "harbour".into(), ids: vec![oldest.clone()] }]);
    assert_eq!(state.entity_stories_cap(), None);
    run(&mut state, vec![Action::EntityResults { name: "Tony Blair".into(), hits }]);
    let listed: Vec<&str> =
        state.list.rows.iter().filter_map(|r| state.list.stories.get(r.story)).map(|m| m.id()).collect();
    assert_eq!(listed, [oldest.as_str()]);
}

#[test]
fn search_results_replace_the_list_and_highlight_in_the_text() {
    let (mut state, _) = new_state(3);
    let ids = vec!["s2".to_string(), "s1".to_string()];
    let log = run(&mut state, vec![Action::SearchResults { query: "russie".into(), ids }]);
    assert_eq!(state.list.rows.len(), 2);
    assert_eq!(state.list.selected().map(|m| m.id()), Some("s2"));
    assert!(log.contains(&Effect::LoadStory { id: "s2".into() }));
    assert_eq!(state.reader.search.matches.len(), 30, "the query's words are highlighted");
}

#[test]
fn any_size_and_any_key_keeps_the_state_valid() {
    let (mut state, _) = new_state(5);
    for (w, h) in [(1, 1), (400, 120), (39, 9), (60, 20), (120, 40)] {
        run(&mut state, vec![Action::Resize(w, h)]);
        for &c in crate::command::Command::ALL {
            if c != C::Quit && c != C::Back {
                run(&mut state, vec![Action::Command(c)]);
            }
        }
        assert!(state.list.selected < state.list.rows.len().max(1));
        assert!(state.reader.scroll <= state.reader.max_scroll());
    }
}

#[test]
fn fetch_runs_once_at_a_time_and_keeps_its_summary_over_progress() {
    let (mut state, _) = new_state(3);
    assert_eq!(update(&mut state, Action::Command(C::Fetch)), vec![Effect::Fetch]);
    assert_eq!(state.fetching, Some((0, 0)));
    assert!(update(&mut state, Action::Command(C::Fetch)).is_empty());
    assert_eq!(state.message.as_deref(), Some("already fetching the feeds"));
    update(&mut state, Action::FetchProgress { done: 1, total: 2, feed: "A".into() });
    assert_eq!(state.fetching, Some((1, 2)));
    update(
        &mut state,
        Action::FetchDone { summary: "2 feeds: 3 new stories".into(), failures: vec!["B: HTTP 500".into()] },
    );
    assert_eq!(state.fetching, None);
    assert_eq!(state.fetch_failures, ["B: HTTP 500"]);
    // Indexing progress that follows does not wipe the summary.
    update(&mut state, Action::IndexProgress { done: 1, total: 9 });
    assert_eq!(state.message.as_deref(), Some("2 feeds: 3 new stories"));
    assert_eq!(update(&mut state, Action::Command(C::Fetch)), vec![Effect::Fetch]);
}

const GOITA: &str = "Le colonel Assimi Goita a parlé à Moscou. Goita a signé.";

/// What the extractor finds in `GOITA`: one person, named in full, then by surname.
fn goita_facts() -> Facts {
    let mention = |start: usize, text: &str| Mention {
        start,
        end: start + text.len(),
        text: text.into(),
        origin: Origin::Model,
    };
    let person = Entity {
        label: Label::Per,
        name: "Assimi Goita".into(),
        mentions: vec![
            mention(GOITA.find("Assimi").unwrap(), "Assimi Goita"),
            mention(GOITA.rfind("Goita").unwrap(), "Goita"),
        ],
    };
    Facts { entities: vec![person], ..Facts::default() }
}

/// `GOITA` open, the cursor on the surname.
fn goita_on_the_surname() -> AppState {
    let (mut state, _) = new_state(1);
    let article = Article { id: "s0".into(), body: GOITA.into(), ..Article::default() };
    run(&mut state, vec![loaded(article, goita_facts())]);
    run(&mut state, cmds(&[C::NextEntity, C::NextEntity]));
    state
}

/// The annotation the state asks the store to add.
fn added(effects: &[Effect]) -> Option<&Annotation> {
    effects.iter().find_map(|e| match e {
        Effect::Edit { edit, .. } => match edit.as_ref() {
            Edit::Add(a) => Some(a),
            _ => None,
        },
        _ => None,
    })
}

#[test]
fn a_judged_suggestion_keeps_its_entity_unless_linked_elsewhere() {
    let entity_of = |actions: Vec<Action>| {
        let mut state = goita_on_the_surname();
        let log = run(&mut state, actions);
        let a = added(&log).unwrap_or_else(|| panic!("an annotation is added: {log:?}"));
        assert_eq!(a.quote.exact, "Goita");
        (a.label.clone(), a.status, a.entity.clone())
    };
    let goita = Some("Assimi Goita".to_string());
    let per = "PER".to_string();
    assert_eq!(entity_of(cmds(&[C::Accept])), (per.clone(), Status::Accepted, goita.clone()));
    assert_eq!(entity_of(cmds(&[C::Reject])), (per.clone(), Status::Rejected, goita.clone()));
    let relabel = vec![Action::ApplyLabel("ORG".into())];
    assert_eq!(entity_of(relabel), ("ORG".into(), Status::Accepted, goita.clone()));
    let mut note = cmds(&[C::Note]);
    note.extend("chef".chars().map(Action::PromptChar));
    note.push(Action::PromptSubmit);
    assert_eq!(entity_of(note), (per.clone(), Status::Accepted, goita));
    let mut link = cmds(&[C::Link]);
    link.extend("le chef".chars().map(Action::PromptChar));
    link.push(Action::PromptSubmit);
    assert_eq!(entity_of(link), (per, Status::Accepted, Some("le chef".into())));
}

#[test]
fn the_status_line_names_each_kind_of_edit() {
    use super::annotating::describe;
    let extracted = goita_facts();
    let at = |w: &str| GOITA.rfind(w).unwrap();
    let goita = at("Goita");
    let on_goita = |label: &str, status| Annotation::new(GOITA, goita, goita + 5, label, status, "model");
    let insert = |a: Annotation| describe(&Change::Insert(a), &extracted);
    let accepted = Annotation { entity: Some("Assimi Goita".into()), ..on_goita("PER", Status::Accepted) };
    assert_eq!(insert(accepted.clone()), "accept Goita");
    assert_eq!(insert(on_goita("PER", Status::Accepted)), "accept Goita");
    assert_eq!(insert(on_goita("ORG", Status::Accepted)), "label ORG Goita");
    assert_eq!(insert(Annotation { origin: "user".into(), ..accepted.clone() }), "label PER Goita");
    let moscou = Annotation::new(GOITA, at("Moscou"), at("Moscou") + 6, "LOC", Status::Accepted, "user");
    assert_eq!(insert(moscou), "label LOC Moscou");
    let elsewhere = Annotation { entity: Some("Goïta".into()), ..accepted.clone() };
    assert_eq!(insert(elsewhere.clone()), "link Goita to Goïta");
    assert_eq!(insert(on_goita("PER", Status::Rejected)), "reject Goita");
    assert_eq!(insert(Annotation { note: Some("colonel".into()), ..accepted.clone() }), "note on Goita");
    assert_eq!(insert(Annotation { kb_id: Some("Q1".into()), ..accepted.clone() }), "kb id Q1 on Goita");
    assert_eq!(describe(&Change::Delete(accepted.clone()), &extracted), "delete Goita");
    let replace = |after: Annotation| {
        describe(&Change::Replace(Box::new(accepted.clone()), Box::new(after)), &extracted)
    };
    assert_eq!(replace(Annotation { label: "ORG".into(), ..accepted.clone() }), "label ORG Goita");
    assert_eq!(replace(Annotation { status: Status::Rejected, ..accepted.clone() }), "reject Goita");
    assert_eq!(replace(elsewhere), "link Goita to Goïta");
    assert_eq!(replace(Annotation { entity: None, ..accepted.clone() }), "unlink Goita");
    assert_eq!(replace(Annotation { note: None, ..accepted.clone() }), "edit Goita");
    let noted = Annotation { note: Some("colonel".into()), ..accepted.clone() };
    let unnoted = describe(&Change::Replace(Box::new(noted), Box::new(accepted.clone())), &extracted);
    assert_eq!(unnoted, "delete the note on Goita");
    assert_eq!(replace(Annotation { kb_id: Some("Q1".into()), ..accepted.clone() }), "kb id Q1 on Goita");
}

fn story_ref(id: &str, first_at: Option<usize>) -> crate::library::profile::StoryRef {
    crate::library::profile::StoryRef {
        id: id.into(),
        title: format!("Story {id}"),
        date: None,
        source: None,
        name: "Russie".into(),
        mentions: 1,
        path: None,
        url: None,
        sentence: None,
        offsets: Vec::new(),
        first_at,
    }
}

#[test]
fn enter_on_the_entity_page_opens_the_story_at_the_mention() {
    let (mut state, _) = new_state(5);
    let body = article("s3", 30).body;
    let at = body.find("Paragraphe 20").unwrap()
        + body[body.find("Paragraphe 20").unwrap()..].find("Russie").unwrap();
    let profile = crate::library::profile::Profile {
        name: "Russie".into(),
        label: "LOC".into(),
        key: "russie".into(),
        aliases: Vec::new(),
        story_count: 2,
        undated: 2,
        stories: vec![story_ref("s1", None), story_ref("s3", Some(at))],
        roles: Vec::new(),
        quotes: Vec::new(),
        cooccurring: Vec::new(),
        timeline: Vec::new(),
    };
    run(&mut state, vec![Action::EntityPageLoaded(Box::new(profile))]);
    assert!(state.entity_page.is_some());
    // Keys go to the page while it is shown: j moves its selection, not the list's.
    run(&mut state, vec![Action::Command(C::Down), Action::Command(C::Down)]);
    assert_eq!(state.entity_page.as_ref().unwrap().selected, 1);
    assert_eq!(state.list.selected, 0);
    let log = run(&mut state, vec![Action::Command(C::Open)]);
    assert!(log.contains(&Effect::LoadStory { id: "s3".into() }), "{log:?}");
    assert!(state.entity_page.is_none());
    assert_eq!(state.focus, Pane::Article);
    let open = state.open.as_ref().unwrap();
    assert_eq!(open.article.id, "s3");
    let mark = open.marks[state.reader.cursor.expect("the cursor is on the mention")];
    assert_eq!(mark.start, at);
    let line = state.reader.line_of(at);
    assert!(line >= state.reader.scroll && line < state.reader.scroll + state.reader.height);
}

#[test]
fn the_entity_page_closes_with_back_and_asks_for_an_entity() {
    let (mut state, _) = new_state(2);
    let log = run(&mut state, vec![Action::Command(C::EntityPage)]);
    assert!(log.is_empty(), "no entity selected: nothing asked");
    assert!(state.message.as_deref().unwrap().contains("select an entity"));
    // The next story arrives with its facts (see `run`); ] selects its first mention.
    run(&mut state, vec![Action::Command(C::Open), Action::Command(C::NextStory)]);
    run(&mut state, vec![Action::Command(C::NextEntity)]);
    let log = run(&mut state, vec![Action::Command(C::EntityPage)]);
    assert_eq!(log, vec![Effect::EntityPage { name: "Russie".into() }]);
    let profile = crate::library::profile::Profile {
        name: "Russie".into(),
        label: "LOC".into(),
        key: "russie".into(),
        aliases: Vec::new(),
        story_count: 0,
        undated: 0,
        stories: Vec::new(),
        roles: Vec::new(),
        quotes: Vec::new(),
        cooccurring: Vec::new(),
        timeline: Vec::new(),
    };
    run(&mut state, vec![Action::EntityPageLoaded(Box::new(profile)), Action::Command(C::Open)]);
    assert!(state.entity_page.is_some(), "Enter without stories keeps the page");
    run(&mut state, vec![Action::Command(C::Back)]);
    assert!(state.entity_page.is_none());
    assert_eq!(state.focus, Pane::Article, "q closes the page only");
}

/// Types `text` in the library search prompt and submits it; the effects it asked for.
fn submit_search(state: &mut AppState, text: &str) -> Vec<Effect> {
    let mut actions = vec![Action::Command(C::Search)];
    actions.extend(text.chars().map(Action::PromptChar));
    actions.push(Action::PromptSubmit);
    actions.into_iter().flat_map(|a| update(state, a)).collect()
}

#[test]
fn the_search_prompt_sends_plain_words_as_before_and_a_query_to_the_store() {
    let (mut state, _) = new_state(4);
    let mut metas: Vec<StoryMeta> = state.list.stories.iter().map(|m| m.to_meta()).collect();
    metas[1].read = true;
    metas[2].tags = vec!["Économie".into()];
    state.list.replace(metas.into());
    let effects = submit_search(&mut state, "securite russie");
    assert!(effects.contains(&Effect::Search { query: "securite russie".into() }), "{effects:?}");
    let effects = submit_search(&mut state, "unread -tag:economie russie");
    let Some(Effect::Query { text, expr }) =
        effects.iter().find(|e| matches!(e, Effect::Query { .. })).cloned()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(text, "unread -tag:economie russie");
    // The store found "russie" in three stories; the rest is evaluated on the rows.
    let (words, rest) = expr.split_text();
    let hits = ["s3", "s2", "s1"]
        .iter()
        .map(|id| SearchHit { story: meta(id, id), snippet: vec![("russie".into(), true)] })
        .collect();
    let outcome =
        crate::library::filter::Outcome { today: 0, ranked: Some((words, hits)), rest, ..Default::default() };
    run(&mut state, vec![Action::QueryResults { text, outcome: Box::new(outcome) }]);
    let shown: Vec<&str> =
        state.list.rows.iter().map(|r| state.list.stories.get(r.story).unwrap().id()).collect();
    assert_eq!(shown, ["s3"], "ranked by the words; s2 has the tag, s1 is read");
    assert_eq!(state.message.as_deref(), Some("1 story matches \"unread -tag:economie russie\""));
    assert_eq!(state.reader.search.query, "russie", "the words are highlighted in the open story");
    // An error is said with the character at fault; the filter stays.
    let effects = submit_search(&mut state, "unread (tag:a");
    assert!(effects.iter().all(|e| !matches!(e, Effect::Query { .. } | Effect::Search { .. })));
    assert_eq!(
        state.message.as_deref(),
        Some("query error at 8: unread ⟦(⟧tag:a · this parenthesis is not closed")
    );
    assert_eq!(state.list.rows.len(), 1);
    // An empty prompt clears the query, as it clears a search.
    submit_search(&mut state, "");
    assert_eq!(state.list.rows.len(), 4);
    assert!(state.list.filters.is_empty());
}

/// A profile for the entity page: its names (the first is its own), a role, a companion.
fn page_profile(name: &str, aliases: &[&str]) -> crate::library::profile::Profile {
    use crate::library::profile::{Alias, CompanionRef, Profile, RoleRef};
    let alias = |n: &&str| Alias {
        name: n.to_string(),
        stories: 1,
        label: "LOC".into(),
        key: n.to_lowercase(),
        origin: None,
    };
    Profile {
        name: name.into(),
        label: "LOC".into(),
        key: name.to_lowercase(),
        aliases: aliases.iter().map(alias).collect(),
        story_count: 1,
        undated: 1,
        stories: vec![story_ref("s1", None)],
        roles: vec![RoleRef { role: "capitale".into(), stories: 1, first: None, last: None }],
        quotes: Vec::new(),
        cooccurring: vec![CompanionRef {
            name: "Moscou".into(),
            label: "LOC".into(),
            together: 2,
            association: 1.0,
        }],
        timeline: Vec::new(),
    }
}

#[test]
fn m_marks_an_entity_then_merges_another_into_it_and_u_steps_that_back() {
    use crate::annotate::entity_edit::{EntityRequest, Target};
    let (mut state, _) = new_state(2);
    run(&mut state, cmds(&[C::Open, C::NextStory]));
    run(&mut state, cmds(&[C::NextEntity]));
    assert!(run(&mut state, cmds(&[C::MergeEntity])).is_empty(), "the first M only marks");
    let russie = Target { name: "Russie".into(), label: Some("LOC".into()), whole: false };
    assert_eq!(state.merge_mark, Some(russie.clone()));
    // M again on the same entity forgets the mark.
    run(&mut state, cmds(&[C::MergeEntity]));
    assert_eq!(state.merge_mark, None);
    assert!(state.message.as_deref().unwrap().contains("no longer marked"));
    run(&mut state, cmds(&[C::MergeEntity]));
    // On another entity's page, M merges it into the marked one; the page then shows that one.
    run(&mut state, vec![Action::EntityPageLoaded(Box::new(page_profile("Moscou", &["Moscou"])))]);
    let log = run(&mut state, cmds(&[C::MergeEntity]));
    let moscou = Target { name: "Moscou".into(), label: Some("LOC".into()), whole: true };
    assert_eq!(
        log,
        vec![Effect::EntityEdit {
            request: EntityRequest::Merge { into: russie, other: moscou },
            page: Some("Russie".into())
        }]
    );
    assert_eq!(state.merge_mark, None);
    let merged = page_profile("Russie", &["Russie", "Moscou"]);
    run(
        &mut state,
        vec![Action::EntityEdited {
            message: "merge Moscou into Russie".into(),
            refused: false,
            page: Some(Box::new(merged)),
        }],
    );
    assert_eq!(state.entity_page.as_ref().unwrap().profile.name, "Russie");
    assert_eq!(state.message.as_deref(), Some("merge Moscou into Russie · u undoes"));
    // u on the page steps entity edits; and in the reader right after one, too.
    let log = run(&mut state, cmds(&[C::Undo]));
    assert_eq!(log, vec![Effect::EntityEdit { request: EntityRequest::Undo, page: Some("Russie".into()) }]);
    run(&mut state, cmds(&[C::Back]));
    let log = run(&mut state, cmds(&[C::Redo]));
    assert_eq!(log, vec![Effect::EntityEdit { request: EntityRequest::Redo, page: None }]);
}

#[test]
fn the_page_s_left_column_takes_the_keys_after_tab_and_x_splits_the_selected_name() {
    use crate::annotate::entity_edit::EntityRequest;
    use crate::model::{LeftItem, PageFocus};
    let (mut state, _) = new_state(2);
    let profile = page_profile("Russie", &["Russie", "Fédération de Russie"]);
    run(&mut state, vec![Action::EntityPageLoaded(Box::new(profile))]);
    assert!(run(&mut state, cmds(&[C::SplitName])).is_empty());
    assert!(state.message.as_deref().unwrap().contains("select a name first"));
    run(&mut state, cmds(&[C::NextPane, C::Down]));
    let page = state.entity_page.as_ref().unwrap();
    assert_eq!((page.focus, page.left, page.selected), (PageFocus::Facts, 1, 0));
    let log = run(&mut state, cmds(&[C::SplitName]));
    let split = EntityRequest::Split { entity: "Russie".into(), alias: "Fédération de Russie".into() };
    assert_eq!(log, vec![Effect::EntityEdit { request: split, page: Some("Russie".into()) }]);
    // Its own name is not split from it.
    assert!(run(&mut state, cmds(&[C::Up, C::SplitName])).is_empty());
    assert!(state.message.as_deref().unwrap().contains("own name"));
    // Past the names: the role, then the companion (the last item), whose page Enter opens.
    run(&mut state, cmds(&[C::Bottom, C::Down]));
    let page = state.entity_page.as_ref().unwrap();
    assert_eq!((page.left_len(), page.left_item(page.left)), (4, Some(LeftItem::Companion(0))));
    assert_eq!(page.left_item(2), Some(LeftItem::Role(0)));
    let log = run(&mut state, cmds(&[C::Open]));
    assert_eq!(log, vec![Effect::EntityPage { name: "Moscou".into() }]);
    // A refused edit keeps the page; Tab goes back to the stories.
    run(&mut state, vec![Action::EntityEdited { message: "no".into(), refused: true, page: None }]);
    run(&mut state, cmds(&[C::PrevPane]));
    assert_eq!(state.entity_page.as_ref().unwrap().focus, PageFocus::Stories);
}
