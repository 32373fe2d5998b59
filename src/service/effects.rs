//! Performing the state's effects: each `Effect` that `update()` returns is carried out against
//! the store (or the desktop, for a URL), and its answer comes back as the next `Action`.

use crate::model::{Action, Effect, Step};
use crate::service::story::load_story;
use crate::store::Store;

/// Performs one effect; the answer, if any, is the next action. Background work
/// (`Effect::Fetch`) is not performed here: `Session` hands it to the loop's jobs.
pub fn perform(store: &mut Store, effect: Effect) -> Option<Action> {
    let failed = |what: &str, e: &dyn std::fmt::Display| Some(Action::Failed(format!("{what}: {e}")));
    match effect {
        Effect::LoadStory { id } => match load_story(store, &id) {
            Ok(Some(story)) => Some(Action::StoryLoaded { story: Box::new(story) }),
            Ok(None) => {
                Some(Action::StoryFailed { id, message: "this story is no longer in the library".into() })
            }
            Err(e) => Some(Action::StoryFailed { id, message: format!("could not read the story: {e}") }),
        },
        Effect::Edit { article_id, content_hash, edit } => {
            match store.edit(&article_id, &content_hash, *edit) {
                Ok(set) => Some(Action::AnnotationsChanged { article_id, set, step: None }),
                Err(e) => failed("saving the annotation", &e),
            }
        }
        Effect::EditAll { article_id, content_hash, edits } => {
            let edits = edits.into_iter().map(|e| (article_id.clone(), content_hash.clone(), e)).collect();
            match store.edit_all(edits).and_then(|()| store.annotations(&article_id)) {
                Ok(set) => Some(Action::AnnotationsChanged { article_id, set, step: None }),
                Err(e) => failed("saving the annotations", &e),
            }
        }
        Effect::SuggestEntities { typed } => match store.entity_names(&typed, 8) {
            Ok(names) => Some(Action::LinkSuggestions(names)),
            Err(e) => failed("entity index", &e),
        },
        Effect::OpenUrl(url) => open_url(&url).err().map(|e| Action::Failed(format!("opening the URL: {e}"))),
        Effect::Undo { article_id, content_hash } => undo_redo(store, article_id, &content_hash, true),
        Effect::Redo { article_id, content_hash } => undo_redo(store, article_id, &content_hash, false),
        Effect::SetRead { id, read } => {
            store.set_read(&id, read).err().and_then(|e| failed("saving read state", &e))
        }
        Effect::SetStarred { id, starred } => {
            store.set_starred(&id, starred).err().and_then(|e| failed("saving star", &e))
        }
        Effect::SaveScroll { id, line } => {
            store.set_scroll(&id, line).err().and_then(|e| failed("saving position", &e))
        }
        Effect::Search { query } => match store.search(&query, 500) {
            Ok(hits) => Some(Action::SearchResults { query, hits }),
            Err(e) => failed("search", &e),
        },
        Effect::EntityStories { name } => match store.entity_stories(&name) {
            Ok(hits) => Some(Action::EntityResults { name, hits }),
            Err(e) => failed("entity index", &e),
        },
        Effect::SetReviewDone { id, done } => {
            store.set_review_done(&id, done).err().and_then(|e| failed("saving the review state", &e))
        }
        Effect::SaveReviewTotal { id, content_hash, total } => store
            .save_review_total(&id, &content_hash, total)
            .err()
            .and_then(|e| failed("saving the review progress", &e)),
        Effect::Fetch => None,
    }
}

/// Opens an http(s) URL with `$BROWSER` or `xdg-open`, the URL passed as one argument (never
/// through a shell), without waiting.
pub fn open_url(url: &str) -> std::io::Result<()> {
    let safe =
        (url.starts_with("http://") || url.starts_with("https://")) && !url.chars().any(char::is_control);
    if !safe {
        return Err(std::io::Error::other("only http and https addresses are opened"));
    }
    let browser =
        std::env::var("BROWSER").ok().filter(|b| !b.trim().is_empty()).unwrap_or_else(|| "xdg-open".into());
    std::process::Command::new(browser.trim())
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|_| ())
}

/// Undoes or redoes the story's last edit; the answer carries the change stepped over, for the
/// status line to name.
fn undo_redo(store: &mut Store, article_id: String, content_hash: &str, undo: bool) -> Option<Action> {
    let stepped =
        if undo { store.undo(&article_id, content_hash) } else { store.redo(&article_id, content_hash) };
    match stepped.and_then(|change| Ok((change, store.annotations(&article_id)?))) {
        Ok((change, set)) => Some(Action::AnnotationsChanged {
            article_id,
            set,
            step: Some(Step { undo, change: change.map(Box::new) }),
        }),
        Err(e) => Some(Action::Failed(format!("{}: {e}", if undo { "undo" } else { "redo" }))),
    }
}
