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
}

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
