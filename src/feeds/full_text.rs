//! One story's full text on demand: the web page of a story that came from a feed is
//! fetched, its main text extracted (as for `full_text` feeds) and written into the story's
//! stored file, so it stays for offline reading once the library is indexed again.

use std::path::Path;

use serde_json::Value;

use super::fetch::page_article;
use super::http::Client;
use super::store_items::{PageMiss, write_atomically};
use crate::config::FetchConfig;
use crate::library::Limits;
use crate::store::Store;

/// Fetches the page at `url` for the story `id` and keeps its text in the story's file under
/// `feeds_dir`. Returns what was done, for the status line, or why nothing was.
pub fn fetch_story(
    store: &Store,
    feeds_dir: &Path,
    settings: &FetchConfig,
    id: &str,
    url: &str,
) -> Result<String, String> {
    let stored = store
        .article(id)
        .map_err(|e| format!("reading the library: {e}"))?
        .ok_or("this story is no longer in the library")?;
    let path = stored.article.path;
    let inside = |p: &Path| {
        let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
        canonical(p).starts_with(canonical(feeds_dir))
    };
    if !inside(&path) || path.extension().is_none_or(|e| e != "json") {
        return Err(format!(
            "only stories fetched from a subscribed feed are kept in full (this one is the file {})",
            path.display()
        ));
    }
    let limits = Limits { max_file_bytes: settings.max_bytes, ..Limits::default() };
    let page = page_article(&Client::new(settings), url, &limits, None).map_err(|miss| match miss {
        PageMiss::Failed(why) => format!("{url}: {why}"),
        PageMiss::OutOfTime => format!("{url}: out of time"),
    })?;
    let words = |t: &str| t.split_whitespace().count();
    let (had, has) = (words(&stored.article.body), words(&page.body));
    if has <= had {
        return Err(format!("the page has no more text than the story ({has} words, the story {had})"));
    }
    let bytes = std::fs::read(&path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let mut value: Value =
        serde_json::from_slice(&bytes).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let Some(object) = value.as_object_mut() else {
        return Err(format!("{} is not a stored feed item", path.display()));
    };
    let paragraphs: Vec<Value> =
        page.body.split("\n\n").filter(|p| !p.trim().is_empty()).map(|p| Value::from(p.trim())).collect();
    object.insert("body".into(), Value::Array(paragraphs));
    for (key, field) in [("author", page.author), ("lang", page.lang)] {
        if object.get(key).is_none_or(Value::is_null)
            && let Some(v) = field
        {
            object.insert(key.into(), Value::from(v));
        }
    }
    let json = serde_json::to_vec_pretty(&value).map_err(|e| e.to_string())?;
    write_atomically(&path, &json).map_err(|e| format!("writing {}: {e}", path.display()))?;
    Ok(format!("full text kept: {has} words (the feed gave {had})"))
}
