//! The article as every other part of byline sees it, whatever file it came from.

use std::path::PathBuf;
use std::sync::Arc;

/// One stored story. `body` is sanitised, NFC-normalised UTF-8 whose paragraphs are separated
/// by exactly one blank line ("\n\n"); each paragraph is a single line (soft line breaks inside a
/// paragraph are joined with a space). All entity and annotation offsets are byte offsets into
/// `body`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    /// Stable identifier: the source's own id when it has one, else derived from path (+ index
    /// inside multi-article files). Short, printable, no tabs.
    pub id: String,
    pub title: String,
    pub body: String,
    /// ISO 8601 date (`YYYY-MM-DD`, or a full RFC 3339 timestamp) when known.
    pub date: Option<String>,
    pub author: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// Language code as declared by the source ("fr", "en"), lower case.
    pub lang: Option<String>,
    pub tags: Vec<String>,
    /// The file this article came from.
    pub path: PathBuf,
    /// True when invalid bytes were replaced or the text was otherwise repaired while loading.
    pub damaged: bool,
    /// The text as the user gave it, which every offset byline prints or exports indexes: a
    /// text, Markdown or HTML file's whole decoded text (title line and front matter included),
    /// a JSON article's body string as given (a list of paragraphs joined by a blank line), a
    /// feed item's content as the feed gives it. `None` when not known (read from the store):
    /// `given_text` is then the body. `library::align` maps between the two.
    pub given: Option<Given>,
}

/// The text as the user gave it: whole while parsing, then (once the body is final) the few
/// edits that rebuild it from the body, which is what is kept and stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Given {
    Text(Arc<str>),
    /// `library::align::patch` of the given text against the body.
    Patch(String),
}

impl Article {
    /// The text offsets index: as given when known, else byline's own body.
    pub fn given_text(&self) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow;
        match &self.given {
            None => Cow::Borrowed(&self.body),
            Some(Given::Text(text)) => Cow::Borrowed(text),
            Some(Given::Patch(patch)) => {
                super::align::apply(&self.body, patch).map_or(Cow::Borrowed(&self.body), Cow::Owned)
            }
        }
    }

    /// Keeps the given text as a patch against the final body (`None` when they are equal).
    pub fn pack_given(&mut self) {
        if let Some(Given::Text(text)) = &self.given {
            self.given = super::align::patch(text, &self.body).map(Given::Patch);
        }
    }

    /// Paragraphs of the body with their byte offset into `body`.
    pub fn paragraphs(&self) -> impl Iterator<Item = (usize, &str)> {
        let base = self.body.as_ptr() as usize;
        self.body.split("\n\n").filter(|p| !p.is_empty()).map(move |p| (p.as_ptr() as usize - base, p))
    }

    /// Number of words in the body (Unicode word boundaries).
    pub fn word_count(&self) -> usize {
        use unicode_segmentation::UnicodeSegmentation;
        self.body.unicode_words().count()
    }

    /// Reading time in whole minutes at 230 words a minute, at least one.
    pub fn reading_minutes(&self) -> usize {
        self.word_count().div_ceil(230).max(1)
    }
}
