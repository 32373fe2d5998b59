//! Fetching every feed: a bounded pool of worker threads, one feed at a time each; every
//! feed's outcome (new stories, not modified, or why it failed) is reported and recorded, and
//! one feed failing never stops the others.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::http::{Client, Fetched, HttpError, Want};
use super::store_items::{self, PageMiss, Stored};
use super::{Feed, slug};
use crate::config::FetchConfig;
use crate::library::{self, Limits};
use crate::store::{Store, Validators};

/// How one feed went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// 304: nothing new, nothing downloaded.
    NotModified,
    Fetched(Stored),
    Failed(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedOutcome {
    pub url: String,
    pub label: String,
    pub outcome: Outcome,
    /// The new address, when the feed said on this fetch that it moved permanently.
    pub moved_to: Option<String>,
}

impl FeedOutcome {
    /// One line for the summary: `+3 new  Le Monde`, `failed  Le Monde: HTTP 404`.
    pub fn line(&self) -> String {
        match &self.outcome {
            Outcome::NotModified => match &self.moved_to {
                Some(to) => format!("  not modified  {} (moved permanently to {to})", self.label),
                None => format!("  not modified  {}", self.label),
            },
            Outcome::Fetched(s) => {
                let mut line = format!("{:>4} new       {}", format!("+{}", s.new), self.label);
                let mut notes = Vec::new();
                if s.no_text > 0 {
                    notes.push(format!("{} without text", s.no_text));
                }
                if s.page_failures > 0 {
                    notes.push(format!("{} pages unreadable, feed text kept", s.page_failures));
                }
                if s.pages_out_of_time > 0 {
                    notes.push(format!("{} pages not fetched in time, feed text kept", s.pages_out_of_time));
                }
                if let Some(to) = &self.moved_to {
                    notes.push(format!("moved permanently to {to}"));
                }
                if !notes.is_empty() {
                    line.push_str(&format!(" ({})", notes.join(", ")));
                }
                line
            }
            Outcome::Failed(why) => format!("  FAILED        {}: {why}", self.label),
        }
    }

    /// `label: reason` when the feed failed.
    pub fn failure(&self) -> Option<String> {
        match &self.outcome {
            Outcome::Failed(why) => Some(format!("{}: {why}", self.label)),
            _ => None,
        }
    }

    /// What is recorded in the database as the feed's last status.
    fn status(&self) -> String {
        match &self.outcome {
            Outcome::NotModified => "not modified".into(),
            Outcome::Fetched(s) => format!("{} new", s.new),
            Outcome::Failed(why) => format!("failed: {why}"),
        }
    }
}

/// Every feed's outcome, in subscription order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FetchReport {
    pub outcomes: Vec<FeedOutcome>,
    pub elapsed: Duration,
}

impl FetchReport {
    pub fn new_stories(&self) -> usize {
        self.outcomes.iter().map(|o| if let Outcome::Fetched(s) = &o.outcome { s.new } else { 0 }).sum()
    }

    pub fn failures(&self) -> impl Iterator<Item = &FeedOutcome> {
        self.outcomes.iter().filter(|o| matches!(o.outcome, Outcome::Failed(_)))
    }

    /// One line: `5 feeds: 12 new stories, 1 not modified, 1 failed (Le Monde: HTTP 404)`.
    pub fn summary(&self) -> String {
        let n = self.outcomes.len();
        if n == 0 {
            return "no feeds to fetch (add one with `byline feeds add URL`)".into();
        }
        let not_modified = self.outcomes.iter().filter(|o| o.outcome == Outcome::NotModified).count();
        let failed: Vec<&FeedOutcome> = self.failures().collect();
        let new = self.new_stories();
        let mut s = format!(
            "{n} feed{}: {new} new stor{}",
            if n == 1 { "" } else { "s" },
            if new == 1 { "y" } else { "ies" }
        );
        if not_modified > 0 {
            s.push_str(&format!(", {not_modified} not modified"));
        }
        let late: Vec<usize> = self
            .outcomes
            .iter()
            .filter_map(|o| match &o.outcome {
                Outcome::Fetched(s) if s.pages_out_of_time > 0 => Some(s.pages_out_of_time),
                _ => None,
            })
            .collect();
        if !late.is_empty() {
            let pages: usize = late.iter().sum();
            s.push_str(&format!(
                ", full text cut short by its time limit in {} feed{} ({pages} page{} not fetched)",
                late.len(),
                if late.len() == 1 { "" } else { "s" },
                if pages == 1 { "" } else { "s" }
            ));
        }
        if let Some(first) = failed.first() {
            let why = match &first.outcome {
                Outcome::Failed(why) => why.as_str(),
                _ => "",
            };
            s.push_str(&format!(", {} failed ({}: {why}", failed.len(), first.label));
            s.push_str(if failed.len() > 1 { ", …)" } else { ")" });
        }
        s
    }
}

/// Fetches `feeds` into `dir` (one subfolder per feed), at most `settings.concurrency` at
/// once, recording validators and outcomes in `store`. `progress(done, total, label)` runs on
/// the calling thread as each feed finishes.
pub fn fetch_all(
    store: &Store,
    feeds: &[Feed],
    dir: &Path,
    settings: &FetchConfig,
    progress: &mut dyn FnMut(usize, usize, &str),
) -> FetchReport {
    let start = Instant::now();
    // Item pages (full text) are fetched until then, whichever feed asks.
    let run_deadline = start + Duration::from_secs(settings.full_text_run_secs);
    // Read on this thread: the workers never touch the database.
    let validators: Vec<Validators> =
        feeds.iter().map(|f| store.feed_validators(&f.url).unwrap_or_default()).collect();
    let client = Client::new(settings);
    let next = AtomicUsize::new(0);
    let workers = settings.concurrency.clamp(1, feeds.len().max(1));
    let (tx, rx) = mpsc::channel::<(usize, FeedOutcome, Option<Validators>)>();
    let mut outcomes: Vec<Option<FeedOutcome>> = vec![None; feeds.len()];
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let tx = tx.clone();
            let (client, next, validators) = (&client, &next, &validators);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(feed) = feeds.get(i) else { break };
                    let known = validators.get(i).cloned().unwrap_or_default();
                    // A bug met on one feed's data costs that feed, not the run.
                    let run = || fetch_one(client, feed, &known, dir, settings, run_deadline);
                    let (outcome, fresh) = crate::library::catch_parser_panic(run).unwrap_or_else(|| {
                        (Outcome::Failed("internal error while reading this feed".into()), None)
                    });
                    let moved_to = fresh
                        .as_ref()
                        .and_then(|f| f.moved_to.clone())
                        .filter(|to| known.moved_to.as_ref() != Some(to));
                    let done = FeedOutcome {
                        url: feed.url.clone(),
                        label: feed.label().to_string(),
                        outcome,
                        moved_to,
                    };
                    if tx.send((i, done, fresh)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut done = 0;
        for (i, outcome, fresh) in rx {
            done += 1;
            // The run goes on without a record: it only makes the next request unconditional.
            let _ = store.record_fetch(&outcome.url, fresh.as_ref(), &outcome.status());
            progress(done, feeds.len(), &outcome.label);
            if let Some(slot) = outcomes.get_mut(i) {
                *slot = Some(outcome);
            }
        }
    });
    FetchReport { outcomes: outcomes.into_iter().flatten().collect(), elapsed: start.elapsed() }
}

/// One feed: download (conditionally), parse, store the new items. Returns the validators to
/// keep when everything was stored. Item pages are fetched for at most
/// `settings.full_text_feed_secs`, and not after `run_deadline`.
fn fetch_one(
    client: &Client,
    feed: &Feed,
    known: &Validators,
    dir: &Path,
    settings: &FetchConfig,
    run_deadline: Instant,
) -> (Outcome, Option<Validators>) {
    // A feed that moved permanently is asked for at its new address; if that is gone (404,
    // 410), at the subscribed one again, and the move is forgotten.
    let mut kept_move = known.moved_to.clone();
    let mut answer = client.get(kept_move.as_deref().unwrap_or(&feed.url), Want::Feed, known);
    if kept_move.is_some() && matches!(answer, Err(HttpError::Status(404 | 410))) {
        kept_move = None;
        answer = client.get(&feed.url, Want::Feed, known);
    }
    let (bytes, validators, final_url, charset) = match answer {
        Ok(Fetched::NotModified { moved_to }) => {
            let moved_to = moved_to.or(kept_move);
            // Only a change of address is worth recording after a 304.
            let fresh = (moved_to != known.moved_to).then(|| Validators { moved_to, ..known.clone() });
            return (Outcome::NotModified, fresh);
        }
        Ok(Fetched::Body { bytes, validators, final_url, moved_to, charset }) => {
            let validators = Validators { moved_to: moved_to.or(kept_move), ..validators };
            (bytes, validators, final_url, charset)
        }
        Err(e) => return (Outcome::Failed(e.to_string()), None),
    };
    let limits = Limits { max_file_bytes: settings.max_bytes, ..Limits::default() };
    let doc = match library::parse_feed_document(&bytes, Some(&final_url), charset.as_deref(), &limits) {
        Ok(doc) => doc,
        Err(e) => return (Outcome::Failed(e.reason()), None),
    };
    let deadline = run_deadline.min(Instant::now() + Duration::from_secs(settings.full_text_feed_secs));
    let page_text = |url: &str| page_article(client, url, &limits, Some(deadline));
    let page: Option<&store_items::PageText> = if feed.full_text { Some(&page_text) } else { None };
    let folder = dir.join(slug(&feed.url));
    match store_items::store_new(feed, &doc, &folder, page) {
        Ok(stored) => (Outcome::Fetched(stored), Some(validators)),
        Err(e) => (Outcome::Failed(format!("cannot store items in {}: {e}", folder.display())), None),
    }
}

/// Fetches an item's web page (by `deadline`, when given) and returns its main text as an
/// article, or why not.
pub fn page_article(
    client: &Client,
    url: &str,
    limits: &Limits,
    deadline: Option<Instant>,
) -> Result<library::Article, PageMiss> {
    let failed = |why: String| PageMiss::Failed(why);
    match client.get_until(url, Want::Page, &Validators::default(), deadline) {
        Ok(Fetched::Body { bytes, .. }) => {
            let loaded = library::parse_bytes(Path::new("page.html"), &bytes, limits)
                .map_err(|e| failed(e.reason()))?;
            loaded.articles.into_iter().next().ok_or_else(|| failed("no article text found".into()))
        }
        Ok(Fetched::NotModified { .. }) => Err(failed("not modified".into())),
        // A request cut short by the deadline is out of time, whatever ended it (a timer may
        // fire a little early).
        Err(e)
            if e == HttpError::OutOfTime
                || deadline.is_some_and(|d| Instant::now() + Duration::from_millis(100) >= d) =>
        {
            Err(PageMiss::OutOfTime)
        }
        Err(e) => Err(failed(e.to_string())),
    }
}
