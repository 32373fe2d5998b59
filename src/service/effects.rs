//! Performing the state's effects: each `Effect` that `update()` returns is carried out against
//! the store (or the desktop, for a URL), and its answer comes back as the next `Action`.

use crate::model::{Action, Effect};
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
                Ok(set) => Some(Action::AnnotationsChanged { article_id, set }),
                Err(e) => failed("saving the annotation", &e),
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
        Effect::Fetch => None,
    }
}

/// Opens an http(s) URL with `$BROWSER` or `xdg-open`, the URL passed as one argument (never
/// through a shell), without waiting.
pub fn open_url(url: &str) -> std::io::Result<()> {
    let address = web_address(url).map_err(std::io::Error::other)?;
    let browser =
        std::env::var("BROWSER").ok().filter(|b| !b.trim().is_empty()).unwrap_or_else(|| "xdg-open".into());
    std::process::Command::new(browser.trim())
        .arg(address)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|_| ())
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

fn undo_redo(store: &mut Store, article_id: String, content_hash: &str, undo: bool) -> Option<Action> {
    let stepped =
        if undo { store.undo(&article_id, content_hash) } else { store.redo(&article_id, content_hash) };
    match stepped.and_then(|_| store.annotations(&article_id)) {
        Ok(set) => Some(Action::AnnotationsChanged { article_id, set }),
        Err(e) => Some(Action::Failed(format!("{}: {e}", if undo { "undo" } else { "redo" }))),
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
