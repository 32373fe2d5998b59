//! Stores a feed's new items as article files: one JSON file per item under
//! `FEEDS_DIR/<feed-slug>/<id>.json`, in the loader's JSON article format, so the library
//! indexes and extracts them like any other story and they stay readable offline. The id comes
//! from the feed URL and the item's own id (or link), so fetching again never duplicates.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::json;

use super::Feed;
use crate::library::{Article, FeedDoc, FeedItem};

/// The stable id of an item: from the feed URL and the item's guid, else its link, else its
/// title and date (an item with none of these is keyed by its text).
pub fn item_id(feed_url: &str, item: &FeedItem) -> String {
    let a = &item.article;
    let key = match (&item.guid, &a.url) {
        (Some(guid), _) => format!("guid\u{0}{guid}"),
        (None, Some(url)) => format!("link\u{0}{url}"),
        (None, None) => {
            format!("text\u{0}{}\u{0}{}\u{0}{}", a.title, a.date.as_deref().unwrap_or(""), a.body)
        }
    };
    hashed_id(feed_url, &key)
}

/// An item's id by its link and title, when it has a guid too: some feeds make up a new guid
/// on every fetch for the same story, and this catches them. The title is part of it because
/// distinct items may share a link (podcast episodes pointing at the show's page).
fn link_id(feed_url: &str, item: &FeedItem) -> Option<String> {
    item.guid.as_ref()?;
    let link = item.article.url.as_deref()?;
    Some(hashed_id(feed_url, &format!("link+title\u{0}{link}\u{0}{}", item.article.title)))
}

/// The hidden file that says "an item with this link is stored" (hidden: not indexed).
fn link_marker(dir: &Path, link_id: &str) -> PathBuf {
    dir.join(format!(".{link_id}.link"))
}

fn hashed_id(feed_url: &str, key: &str) -> String {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(feed_url.as_bytes());
    h.update(&[0xff]);
    h.update(key.as_bytes());
    format!("{:016x}", h.digest128() as u64)
}

/// What storing one feed's items did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stored {
    /// Items written for the first time.
    pub new: usize,
    /// Items already stored by an earlier fetch.
    pub known: usize,
    /// Items with no text (and no page text when `full_text`), not stored; retried next time.
    pub no_text: usize,
    /// Pages that could not be fetched or gave no text (the feed's own text was kept).
    pub page_failures: usize,
    /// Pages not fetched because the time for full text (the feed's or the run's) ran out
    /// (the feed's own text was kept).
    pub pages_out_of_time: usize,
}

/// Why an item's page gave no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageMiss {
    Failed(String),
    /// The time for fetching pages ran out before this one was (fully) fetched.
    OutOfTime,
}

/// Fetches an item's page and returns its main text, or why not.
pub type PageText<'a> = dyn Fn(&str) -> Result<Article, PageMiss> + 'a;

/// Writes the items of `doc` that are not stored yet into `dir` (the feed's own folder).
/// With `page`, each new item's page is fetched and its main text kept when it has more to
/// say than the feed.
pub fn store_new(feed: &Feed, doc: &FeedDoc, dir: &Path, page: Option<&PageText>) -> std::io::Result<Stored> {
    std::fs::create_dir_all(dir)?;
    let mut stored = Stored::default();
    for item in &doc.items {
        let id = item_id(&feed.url, item);
        let path = dir.join(format!("{id}.json"));
        let marker = link_id(&feed.url, item).map(|l| link_marker(dir, &l));
        if path.exists() || marker.as_ref().is_some_and(|m| m.exists()) {
            stored.known += 1;
            continue;
        }
        let mut article = item.article.clone();
        if let (Some(page), Some(url)) = (page, item.article.url.as_deref()) {
            match page(url) {
                Ok(p) if p.body.chars().count() > article.body.chars().count() => {
                    article.body = p.body;
                    article.author = article.author.or(p.author);
                    article.lang = article.lang.or(p.lang);
                }
                Ok(_) => {}
                Err(PageMiss::Failed(_)) => stored.page_failures += 1,
                Err(PageMiss::OutOfTime) => stored.pages_out_of_time += 1,
            }
        }
        if article.body.trim().is_empty() {
            stored.no_text += 1;
            continue;
        }
        write_atomically(&path, &to_json(feed, doc, &id, &article))?;
        if let Some(marker) = marker {
            std::fs::write(marker, id.as_bytes())?;
        }
        stored.new += 1;
    }
    Ok(stored)
}

/// The article as the JSON loader reads it. The body goes in as a list of paragraphs, which
/// the loader takes verbatim: a string that looks like HTML would be parsed as HTML again.
fn to_json(feed: &Feed, doc: &FeedDoc, id: &str, a: &Article) -> Vec<u8> {
    let paragraphs: Vec<&str> = a.body.split("\n\n").filter(|p| !p.trim().is_empty()).collect();
    let mut tags = a.tags.clone();
    for t in &feed.tags {
        if !tags.contains(t) {
            tags.push(t.clone());
        }
    }
    let source = feed.name.clone().or_else(|| a.source.clone()).or_else(|| doc.title.clone());
    let value = json!({
        "id": id,
        "title": a.title,
        "body": paragraphs,
        "date": a.date,
        "author": a.author,
        "source": source,
        "url": a.url,
        "lang": a.lang,
        "tags": tags,
        "feed": feed.url,
    });
    // A `Value` built here always serialises.
    serde_json::to_vec_pretty(&value).unwrap_or_default()
}

/// Writes through a hidden temporary file and a rename, so a crash never leaves half an
/// article for the indexer (hidden files are not indexed).
pub(super) fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp: PathBuf = path.with_file_name(format!(".{name}.tmp"));
    let mut file = std::fs::File::create(&tmp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&tmp, path)
}
