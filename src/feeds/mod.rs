//! Feeds: subscriptions (from the config file and from the library database), fetching them
//! over HTTP, and storing each new item as an article file for the library to index and for
//! reading offline. Nothing here draws; the CLI and the reader's app loop call in.

pub mod fetch;
pub mod full_text;
pub mod http;
pub mod opml;
pub mod store_items;
pub mod subscriptions;
pub mod sweep;
#[cfg(test)]
#[path = "../../tests/support/http_server.rs"]
mod test_server;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

pub use fetch::{FeedOutcome, FetchReport, fetch_all};
pub use subscriptions::Feed;

/// The folder under the data folder where fetched items are stored, one subfolder per feed.
pub fn feeds_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("feeds")
}

/// A folder name for a feed: readable (host and path), short, and unique to its URL.
pub fn slug(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let mut out = String::new();
    for c in rest.chars() {
        if out.len() >= 40 {
            break;
        }
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let readable = out.trim_end_matches('-');
    // The hash keeps two feeds whose readable parts agree (or were cut) apart.
    format!("{readable}-{:08x}", xxhash_rust::xxh3::xxh3_64(url.as_bytes()) as u32)
}
