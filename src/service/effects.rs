//! Performing the state's effects: each `Effect` that `update()` returns is carried out against
//! the store, and its answer comes back as the next `Action`. What needs the terminal (a
//! browser, the clipboard) is the app loop's: `Session` sets it aside (see `service::outside`).

use crate::annotate::AnnotationSet;
use crate::annotate::entity_edit::EntityRequest;
use crate::model::{Action, Effect, Step};
use crate::service::entity::Lookup;
use crate::service::entity_edit::Outcome;
use crate::service::story::load_story;
use crate::store::{Store, StoreError};

/// The most hits a search lists (the search box's and a query's).
/// One hit more than the list shows: the list then knows more stories match.
const SEARCH_HITS: usize = crate::model::list::SEARCH_SHOWN + 1;

/// Performs one effect; the answers are the next actions.
pub fn perform(store: &mut Store, effect: Effect) -> Vec<Action> {
    match effect {
        Effect::Edit { article_id, content_hash, edit } => {
            match store.edit(&article_id, &content_hash, *edit) {
                Ok(set) => vec![Action::AnnotationsChanged { article_id, set, step: None }],
                // Another window changed the story first: nothing was written; the story is shown
                // as it is now, and the user decides again.
                Err(StoreError::Stale(set)) => refreshed(article_id, *set),
                Err(e) => vec![Action::Failed(format!("saving the annotation: {e}"))],
            }
        }
        Effect::EditAll { article_id, content_hash, edits } => {
            let edits = edits.into_iter().map(|e| (article_id.clone(), content_hash.clone(), e)).collect();
            match store.edit_all(edits).and_then(|()| store.annotations(&article_id)) {
                Ok(set) => vec![Action::AnnotationsChanged { article_id, set, step: None }],
                Err(StoreError::Stale(set)) => refreshed(article_id, *set),
                Err(e) => vec![Action::Failed(format!("saving the annotations: {e}"))],
            }
        }
        Effect::Undo { article_id, content_hash } => undo_redo(store, article_id, &content_hash, true),
        Effect::SetReadMany { ids, read } => match store.set_read_many(&ids, read) {
            Ok(()) => Vec::new(),
            Err(e) => vec![Action::Failed(format!("saving read marks: {e}"))],
        },
        Effect::Redo { article_id, content_hash } => undo_redo(store, article_id, &content_hash, false),
        effect => perform_one(store, effect).into_iter().collect(),
    }
}

/// Performs one effect; the answer, if any, is the next action. Background work
/// (`Effect::Fetch`) is not performed here: `Session` hands it to the loop's jobs.
fn perform_one(store: &mut Store, effect: Effect) -> Option<Action> {
    let failed = |what: &str, e: &dyn std::fmt::Display| Some(Action::Failed(format!("{what}: {e}")));
    match effect {
        Effect::LoadStory { id } => match load_story(store, &id) {
            Ok(Some(story)) => Some(Action::StoryLoaded { story: Box::new(story) }),
            Ok(None) => {
                Some(Action::StoryFailed { id, message: "this story is no longer in the library".into() })
            }
            Err(e) => Some(Action::StoryFailed { id, message: format!("could not read the story: {e}") }),
        },
        Effect::SuggestEntities { typed } => match store.entity_names(&typed, 8) {
            Ok(names) => Some(Action::LinkSuggestions(names)),
            Err(e) => failed("entity index", &e),
        },
        Effect::SetRead { id, read } => {
            store.set_read(&id, read).err().and_then(|e| failed("saving read state", &e))
        }
        Effect::SetStarred { id, starred } => {
            store.set_starred(&id, starred).err().and_then(|e| failed("saving star", &e))
        }
        Effect::SaveScroll { id, line } => {
            store.set_scroll(&id, line).err().and_then(|e| failed("saving position", &e))
        }
        // Ranked ids only: snippets are made for the rows shown (`Effect::Snippets`).
        Effect::Search { query } => match store.search_ranked(&query, SEARCH_HITS) {
            Ok(ids) => Some(Action::SearchResults { query, ids }),
            Err(e) => failed("search", &e),
        },
        Effect::Snippets { query, ids } => match store.snippets(&query, &ids) {
            Ok(snippets) => Some(Action::Snippets { query, snippets }),
            Err(e) => failed("search", &e),
        },
        Effect::Query { text, expr } => {
            let today = crate::service::query::today();
            match crate::service::query::resolve_for_list(store, expr, SEARCH_HITS, today) {
                Ok(outcome) => Some(Action::QueryResults { text, outcome: Box::new(outcome) }),
                Err(e) => failed("query", &e),
            }
        }
        Effect::SavedQueries { queries } => {
            let today = crate::service::query::today();
            let outcomes: crate::store::Result<Vec<_>> = queries
                .into_iter()
                .map(|(name, expr)| Ok((name, crate::service::query::resolve(store, expr, None, today)?)))
                .collect();
            match outcomes {
                Ok(outcomes) => Some(Action::SavedQueryOutcomes(outcomes)),
                Err(e) => failed("saved queries", &e),
            }
        }
        Effect::EntityStories { name, newest } => {
            let hits = match newest {
                Some(n) => crate::service::entity::related_newest(store, &name, n),
                None => crate::service::entity::related_stories(store, &name),
            };
            match hits {
                Ok(hits) => Some(Action::EntityResults { name, hits }),
                Err(e) => failed("entity index", &e),
            }
        }
        Effect::EntityPageMore { name, skip } => {
            match crate::service::entity::more_stories(
                store,
                &name,
                skip,
                Some(crate::service::entity::PAGE_STORIES),
            ) {
                Ok(stories) => Some(Action::EntityPageMore { name, skip, stories }),
                Err(e) => failed("entity index", &e),
            }
        }
        Effect::EntityPage { name } => match crate::service::entity::profile(store, &name) {
            Ok(Lookup::Found(profile)) => Some(Action::EntityPageLoaded(profile)),
            Ok(Lookup::NotFound) => Some(Action::Failed(format!("{name} is not in the library's index"))),
            Ok(Lookup::Ambiguous(list)) => {
                let names: Vec<String> =
                    list.iter().take(5).map(|(n, l, s)| format!("{n} ({l}, {s})")).collect();
                Some(Action::Failed(format!("{name} may be several entities: {}", names.join(", "))))
            }
            Err(e) => failed("entity profile", &e),
        },
        Effect::EntityEdit { request, page } => Some(entity_edit(store, &request, page.as_deref())),
        Effect::SetReviewDone { id, done } => {
            store.set_review_done(&id, done).err().and_then(|e| failed("saving the review state", &e))
        }
        Effect::SaveReviewTotal { id, content_hash, total } => store
            .save_review_total(&id, &content_hash, total)
            .err()
            .and_then(|e| failed("saving the review progress", &e)),
        // Performed by `perform`; background work by `Session`'s jobs; the browser and the
        // clipboard by the app loop, which owns the terminal.
        Effect::Edit { .. }
        | Effect::EditAll { .. }
        | Effect::Undo { .. }
        | Effect::Redo { .. }
        | Effect::SetReadMany { .. }
        | Effect::Fetch
        | Effect::FetchStory { .. }
        | Effect::OpenUrl(_)
        | Effect::Copy(_) => None,
    }
}

/// The address a browser is given for `url`: http or https (the scheme in any case), without
/// control characters, written out in full with what an address may not hold as it is (spaces,
/// quotes…) percent-encoded; or why it is not opened.
pub fn web_address(url: &str) -> Result<String, &'static str> {
    let url = url.trim();
    if !crate::text::is_web_address(url) || url.chars().any(char::is_control) {
        return Err("only http and https addresses are opened");
    }
    match url::Url::parse(url) {
        Ok(parsed) if matches!(parsed.scheme(), "http" | "https") => Ok(parsed.into()),
        _ => Err("not a valid web address"),
    }
}

/// A merge, split, undo or redo of entities, and the page asked for afterwards.
fn entity_edit(store: &mut Store, request: &EntityRequest, page: Option<&str>) -> Action {
    let (message, refused) = match crate::service::entity_edit::perform(store, request) {
        Ok(Outcome::Done(message)) => (message, false),
        Ok(Outcome::Refused(why)) => (why, true),
        Err(e) => (format!("saving the entity edit: {e}"), true),
    };
    let page = match page.filter(|_| !refused).map(|name| crate::service::entity::profile(store, name)) {
        Some(Ok(Lookup::Found(profile))) => Some(profile),
        _ => None,
    };
    Action::EntityEdited { message, refused, page }
}

/// Another window changed the story first: nothing was written; the story is shown as it is
/// now, and the user decides again.
fn refreshed(article_id: String, set: AnnotationSet) -> Vec<Action> {
    vec![
        Action::AnnotationsChanged { article_id, set, step: None },
        Action::Failed(
            "another byline window changed this story's annotations first: shown as they are now, nothing \
             was saved; do it again if you still want it"
                .into(),
        ),
    ]
}

/// Undoes or redoes the story's last edit; the answer carries the change stepped over, for the
/// status line to name.
fn undo_redo(store: &mut Store, article_id: String, content_hash: &str, undo: bool) -> Vec<Action> {
    let stepped =
        if undo { store.undo(&article_id, content_hash) } else { store.redo(&article_id, content_hash) };
    match stepped.and_then(|change| Ok((change, store.annotations(&article_id)?))) {
        Ok((change, set)) => vec![Action::AnnotationsChanged {
            article_id,
            set,
            step: Some(Step { undo, change: change.map(Box::new) }),
        }],
        Err(StoreError::Stale(set)) => refreshed(article_id, *set),
        Err(e) => vec![Action::Failed(format!("{}: {e}", if undo { "undo" } else { "redo" }))],
    }
}

#[cfg(test)]
mod tests {
    use super::web_address;

    #[test]
    fn any_case_of_the_scheme_is_opened_and_spaces_are_encoded() {
        assert_eq!(web_address("HTTPS://Example.org/a").unwrap(), "https://example.org/a");
        assert_eq!(web_address("Http://example.org").unwrap(), "http://example.org/");
        assert_eq!(
            web_address(" https://example.org/un article?q=le mali#une note ").unwrap(),
            "https://example.org/un%20article?q=le%20mali#une%20note"
        );
        assert_eq!(
            web_address("https://example.org/\"quoted\"").unwrap(),
            "https://example.org/%22quoted%22"
        );
        for bad in ["HTTPS://x\n; rm -rf /", "ftp://x", "https://exa mple.org/", "mailto:a@b", "HTTP:/x"] {
            assert!(web_address(bad).is_err(), "{bad:?}");
        }
    }
}
