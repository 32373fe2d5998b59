//! Feed subscriptions added by command, and what the last fetch of each feed left behind
//! (HTTP validators for the next conditional request, when, and how it went).

use rusqlite::{OptionalExtension, params};

use super::{Result, Store};

/// A subscription as stored.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoredFeed {
    pub url: String,
    pub name: Option<String>,
    pub tags: Vec<String>,
    pub full_text: bool,
}

/// What a server said to identify the version it sent, echoed back on the next request.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// Where the feed moved permanently (a 301 or 308 all the way), to request instead of the
    /// subscribed address; the subscription itself, and the ids of its items, stay as they are.
    pub moved_to: Option<String>,
}

/// The last fetch of a feed: when (Unix seconds) and a one-line outcome.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FeedStatus {
    pub fetched_at: Option<i64>,
    pub status: Option<String>,
}

impl Store {
    /// The subscriptions added by command, oldest first.
    pub fn feeds(&self) -> Result<Vec<StoredFeed>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT url, name, tags, full_text FROM feeds ORDER BY added_at, url")?;
        let rows = stmt.query_map([], |r| {
            let tags: String = r.get(2)?;
            Ok(StoredFeed {
                url: r.get(0)?,
                name: r.get(1)?,
                // A damaged tags column loses the tags, not the subscription.
                tags: serde_json::from_str(&tags).unwrap_or_default(),
                full_text: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds a subscription; `false` when one with that URL exists already (left as it is).
    pub fn add_feed(&self, feed: &StoredFeed) -> Result<bool> {
        let tags = serde_json::to_string(&feed.tags).unwrap_or_else(|_| "[]".into());
        let n = self.conn.execute(
            "INSERT INTO feeds (url, name, tags, full_text) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (url) DO NOTHING",
            params![feed.url, feed.name, tags, feed.full_text],
        )?;
        Ok(n > 0)
    }

    /// Removes a subscription and its fetch state; `false` when there was none.
    pub fn remove_feed(&self, url: &str) -> Result<bool> {
        let n = self.conn.execute("DELETE FROM feeds WHERE url = ?1", [url])?;
        self.conn.execute("DELETE FROM feed_http WHERE url = ?1", [url])?;
        Ok(n > 0)
    }

    pub fn feed_validators(&self, url: &str) -> Result<Validators> {
        let v = self
            .conn
            .query_row("SELECT etag, last_modified, moved_to FROM feed_http WHERE url = ?1", [url], |r| {
                Ok(Validators { etag: r.get(0)?, last_modified: r.get(1)?, moved_to: r.get(2)? })
            })
            .optional()?;
        Ok(v.unwrap_or_default())
    }

    /// Records a fetch. `validators` replace the stored ones when given (a 200 with new items
    /// written); `None` keeps them (a 304, or a failure: the next request stays conditional on
    /// what was last stored successfully).
    pub fn record_fetch(&self, url: &str, validators: Option<&Validators>, status: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO feed_http (url, fetched_at, status) VALUES (?1, unixepoch(), ?2) \
             ON CONFLICT (url) DO UPDATE SET fetched_at = excluded.fetched_at, status = excluded.status",
            params![url, status],
        )?;
        if let Some(v) = validators {
            self.conn.execute(
                "UPDATE feed_http SET etag = ?2, last_modified = ?3, moved_to = ?4 WHERE url = ?1",
                params![url, v.etag, v.last_modified, v.moved_to],
            )?;
        }
        Ok(())
    }

    pub fn feed_status(&self, url: &str) -> Result<FeedStatus> {
        let s = self
            .conn
            .query_row("SELECT fetched_at, status FROM feed_http WHERE url = ?1", [url], |r| {
                Ok(FeedStatus { fetched_at: r.get(0)?, status: r.get(1)? })
            })
            .optional()?;
        Ok(s.unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subscriptions_add_once_list_and_remove() {
        let s = Store::open_in_memory().unwrap();
        let feed = StoredFeed {
            url: "https://a.example/feed".into(),
            name: Some("A".into()),
            tags: vec!["news".into()],
            full_text: true,
        };
        assert!(s.add_feed(&feed).unwrap());
        assert!(!s.add_feed(&StoredFeed { name: None, ..feed.clone() }).unwrap());
        assert_eq!(s.feeds().unwrap(), vec![feed.clone()]);
        assert!(s.remove_feed(&feed.url).unwrap());
        assert!(!s.remove_feed(&feed.url).unwrap());
        assert!(s.feeds().unwrap().is_empty());
    }

    #[test]
    fn validators_survive_a_304_and_a_cache_rebuild() {
        let mut s = Store::open_in_memory().unwrap();
        let url = "http://127.0.0.1/f";
        assert_eq!(s.feed_validators(url).unwrap(), Validators::default());
        let v = Validators {
            etag: Some("\"v1\"".into()),
            last_modified: None,
            moved_to: Some("http://127.0.0.1/g".into()),
        };
        s.record_fetch(url, Some(&v), "2 new").unwrap();
        s.record_fetch(url, None, "not modified").unwrap();
        s.rebuild_cache().unwrap();
        assert_eq!(s.feed_validators(url).unwrap(), v);
        assert_eq!(s.feed_status(url).unwrap().status.as_deref(), Some("not modified"));
    }

    #[test]
    fn a_version_1_database_gains_the_feed_tables() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE reading_state (content_hash TEXT PRIMARY KEY); PRAGMA user_version = 1;",
        )
        .unwrap();
        super::super::schema::migrate(&mut conn).unwrap().unwrap();
        let n: i64 = conn.query_row("SELECT count(*) FROM feeds", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 0);
        let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(v, super::super::schema::SCHEMA_VERSION);
    }
}
