//! The feeds to fetch: the config file's `[[feeds]]` and the subscriptions added by command
//! (kept in the library database so they survive without touching the user's config file),
//! merged by URL with the config file winning.

use anyhow::{Result, bail};

use super::opml::OpmlFeed;
use crate::config::{Config, FeedConfig, check_feed_url};
use crate::store::{Store, StoredFeed};

/// Where a subscription is kept, which decides where it can be removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Config,
    Store,
}

/// One feed to fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub url: String,
    pub name: Option<String>,
    pub tags: Vec<String>,
    pub full_text: bool,
    pub origin: Origin,
}

impl Feed {
    /// What the feed is called in messages: its name, else its URL.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.url)
    }

    fn from_config(f: &FeedConfig) -> Feed {
        Feed {
            url: f.url.clone(),
            name: f.name.clone(),
            tags: f.tags.clone(),
            full_text: f.full_text,
            origin: Origin::Config,
        }
    }

    fn from_store(f: StoredFeed) -> Feed {
        Feed { url: f.url, name: f.name, tags: f.tags, full_text: f.full_text, origin: Origin::Store }
    }
}

/// Every subscription: the config file's first, in file order, then the database's.
pub fn all(config: &Config, store: &Store) -> Result<Vec<Feed>> {
    let mut feeds: Vec<Feed> = config.feeds.iter().map(Feed::from_config).collect();
    for stored in store.feeds()? {
        if !feeds.iter().any(|f| f.url == stored.url) {
            feeds.push(Feed::from_store(stored));
        }
    }
    Ok(feeds)
}

/// What `add` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    New(Feed),
    AlreadyInConfig,
    AlreadySubscribed,
}

/// Subscribes to a feed (kept in the database).
pub fn add(
    config: &Config,
    store: &Store,
    url: &str,
    name: Option<&str>,
    tags: &[String],
    full_text: bool,
) -> Result<Added> {
    let url = check_feed_url(url).map_err(anyhow::Error::msg)?;
    if config.feeds.iter().any(|f| f.url == url) {
        return Ok(Added::AlreadyInConfig);
    }
    let stored = StoredFeed {
        url,
        name: name.map(str::trim).filter(|n| !n.is_empty()).map(str::to_string),
        tags: tags.iter().map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect(),
        full_text,
    };
    if !store.add_feed(&stored)? {
        return Ok(Added::AlreadySubscribed);
    }
    Ok(Added::New(Feed::from_store(stored)))
}

/// Unsubscribes from the feed whose URL (or name, ignoring case) is `target`. A feed from the
/// config file is left alone: the error says to remove it there.
pub fn remove(config: &Config, store: &Store, target: &str) -> Result<Feed> {
    let target = target.trim();
    let feeds = all(config, store)?;
    let matches =
        |f: &&Feed| f.url == target || f.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(target));
    let found: Vec<&Feed> = feeds.iter().filter(matches).collect();
    let feed = match found.as_slice() {
        [] => bail!("no feed with the URL or name {target:?} (see `byline feeds list`)"),
        [one] => *one,
        _ => bail!("{} feeds are named {target:?}; give the URL", found.len()),
    };
    if feed.origin == Origin::Config {
        bail!("{} is in the config file: remove its [[feeds]] block there", feed.url);
    }
    store.remove_feed(&feed.url)?;
    Ok(feed.clone())
}

/// What an OPML import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Imported {
    pub added: usize,
    pub already: usize,
    /// (URL, why it was left out)
    pub rejected: Vec<(String, String)>,
}

pub fn import(config: &Config, store: &Store, feeds: &[OpmlFeed]) -> Result<Imported> {
    let mut report = Imported::default();
    for f in feeds {
        match add(config, store, &f.url, f.name.as_deref(), &f.tags, false) {
            Ok(Added::New(_)) => report.added += 1,
            Ok(Added::AlreadyInConfig | Added::AlreadySubscribed) => report.already += 1,
            Err(e) => report.rejected.push((f.url.clone(), e.to_string())),
        }
    }
    Ok(report)
}

/// Every subscription as OPML entries, for export.
pub fn to_opml(feeds: &[Feed]) -> Vec<OpmlFeed> {
    feeds
        .iter()
        .map(|f| OpmlFeed { url: f.url.clone(), name: f.name.clone(), tags: f.tags.clone() })
        .collect()
}
