//! Plain rows the store returns and the state shows: a story's metadata without its body,
//! search hits and entity hits. No SQLite here, so the pure state can import them.

/// What the story list needs of an article, without its body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoryMeta {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub lang: Option<String>,
    pub damaged: bool,
    pub read: bool,
    pub starred: bool,
    /// How far its review has come (the default when the store was not asked).
    pub review: Review,
    /// Its tags: the feed's configured tags, front matter `tags`/`keywords`, JSON `tags`, feed
    /// item categories (filled in the list's rows; empty in search and entity hits).
    pub tags: Vec<String>,
}

/// Where a story's review stands, as the list shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Review {
    /// The user marked the review complete.
    pub done: bool,
    /// Suggestions accepted or rejected, and spans added.
    pub judged: usize,
    /// Everything there is to judge, as counted when the story was last opened (`None`: never).
    pub total: Option<usize>,
}

/// The three states a story's review goes through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReviewState {
    NotStarted,
    InProgress,
    Done,
}

impl ReviewState {
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewState::NotStarted => "not started",
            ReviewState::InProgress => "in progress",
            ReviewState::Done => "done",
        }
    }
}

impl Review {
    pub fn state(&self) -> ReviewState {
        if self.done {
            ReviewState::Done
        } else if self.judged > 0 {
            ReviewState::InProgress
        } else {
            ReviewState::NotStarted
        }
    }

    /// Suggestions still waiting for a decision, when known.
    pub fn unjudged(&self) -> Option<usize> {
        self.total.map(|t| t.saturating_sub(self.judged))
    }
}

/// A search snippet as (text, is_match) pieces.
pub type Snippet = Vec<(String, bool)>;

/// One search result: the story and a snippet whose matched words are marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub story: StoryMeta,
    /// The snippet as (text, is_match) pieces.
    pub snippet: Vec<(String, bool)>,
}

/// A story that mentions an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityHit {
    pub story: StoryMeta,
    pub label: String,
    pub name: String,
    pub mentions: usize,
}
