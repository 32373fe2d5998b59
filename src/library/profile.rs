//! What the library knows about one entity, as plain data: its names, the stories that
//! mention it, its roles, quotes, companions and timeline. `service::entity` computes it; the
//! reader's entity page (`model`) shows it.

use serde::Serialize;

/// The company an entity keeps (`Profile::cooccurring`) is read in its newest this many
/// stories.
pub const COMPANION_STORIES: usize = 2000;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Alias {
    pub name: String,
    pub stories: usize,
    /// The name of the entity index it is (label and folded key), which a split takes out.
    #[serde(skip)]
    pub label: String,
    #[serde(skip)]
    pub key: String,
    /// "user" when the user's merge put it there (not the automatic grouping).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MentionRef {
    /// Code points into the story's text as given (the offset contract).
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StoryRef {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub name: String,
    pub mentions: usize,
    /// Where the story comes from (read for the newest stories only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The sentence of its first mention (read for the newest stories only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub offsets: Vec<MentionRef>,
    /// The first mention's byte offset in the story's text as the reader shows it (read for
    /// the newest stories only), where the entity page opens the story.
    #[serde(skip)]
    pub first_at: Option<usize>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RoleRef {
    pub role: String,
    pub stories: usize,
    pub first: Option<String>,
    pub last: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuoteRef {
    pub story: String,
    pub date: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CompanionRef {
    pub name: String,
    pub label: String,
    /// Stories that mention both.
    pub together: usize,
    /// Pointwise mutual information (natural log): how much more often than chance.
    pub association: f64,
}

#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct Profile {
    pub name: String,
    pub label: String,
    /// The folded key of its main name in the entity index.
    #[serde(skip)]
    pub key: String,
    pub aliases: Vec<Alias>,
    /// How many stories mention it (`stories` holds the newest of them, as many as asked).
    pub story_count: usize,
    /// Of those, the undated ones.
    #[serde(skip)]
    pub undated: usize,
    /// Its newest stories, newest first: the page's first window, and those it asked for
    /// since as the reader scrolled (`byline entity` lists them all).
    pub stories: Vec<StoryRef>,
    pub roles: Vec<RoleRef>,
    pub quotes: Vec<QuoteRef>,
    pub cooccurring: Vec<CompanionRef>,
    /// (YYYY-MM, stories); undated stories are not in it.
    pub timeline: Vec<(String, usize)>,
}
