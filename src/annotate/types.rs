//! The annotation model.

use serde::{Deserialize, Serialize};

/// What the user decided about a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Proposed (imported from another tool); shown like the extractor's suggestions.
    Suggested,
    /// Added or confirmed by the user.
    Accepted,
    /// The user said this span is not that entity; the extractor's suggestion stays hidden.
    Rejected,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Suggested => "suggested",
            Status::Accepted => "accepted",
            Status::Rejected => "rejected",
        }
    }
    pub fn parse(s: &str) -> Option<Status> {
        match s {
            "suggested" => Some(Status::Suggested),
            "accepted" => Some(Status::Accepted),
            "rejected" => Some(Status::Rejected),
            _ => None,
        }
    }
}

/// The text an annotation covers with a little context either side (as the W3C Web
/// Annotation TextQuoteSelector), so it can be found again when the article changes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Quote {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// Characters of context kept either side of an annotation.
pub const QUOTE_CONTEXT: usize = 32;

impl Quote {
    /// The quote of `text[start..end]` (a char-boundary range).
    pub fn of(text: &str, start: usize, end: usize) -> Quote {
        let start = start.min(text.len());
        let end = end.clamp(start, text.len());
        let before = text.get(..start).unwrap_or("");
        let after = text.get(end..).unwrap_or("");
        let prefix_start = before.char_indices().rev().nth(QUOTE_CONTEXT - 1).map_or(0, |(i, _)| i);
        let suffix_end = after.char_indices().nth(QUOTE_CONTEXT).map_or(after.len(), |(i, _)| i);
        Quote {
            exact: text.get(start..end).unwrap_or("").to_string(),
            prefix: before[prefix_start..].to_string(),
            suffix: after[..suffix_end].to_string(),
        }
    }
}

/// One annotation: a span of an article's body with the user's decision about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    /// The store's id (stable across undo/redo).
    pub id: i64,
    /// Byte range into the article body.
    pub start: usize,
    pub end: usize,
    pub quote: Quote,
    /// PER, ORG, LOC, MISC, DATE or a label from the config.
    pub label: String,
    /// Canonical name of the entity this mention belongs to, when linked.
    pub entity: Option<String>,
    /// Knowledge-base id, e.g. a Wikidata Q-id.
    pub kb_id: Option<String>,
    pub note: Option<String>,
    pub status: Status,
    /// What proposed the span before the user's decision ("user", "model", "rule",
    /// "gazetteer", "import").
    pub origin: String,
}

impl Annotation {
    pub fn new(
        text: &str,
        start: usize,
        end: usize,
        label: &str,
        status: Status,
        origin: &str,
    ) -> Annotation {
        Annotation {
            id: 0,
            start,
            end,
            quote: Quote::of(text, start, end),
            label: label.to_string(),
            entity: None,
            kb_id: None,
            note: None,
            status,
            origin: origin.to_string(),
        }
    }

    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        self.start < end && start < self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_keeps_context_on_char_boundaries() {
        let text = "Selon l'Agence Ecofin, la force Barkhane a quitté le Mali.";
        let s = text.find("Barkhane").unwrap();
        let q = Quote::of(text, s, s + "Barkhane".len());
        assert_eq!(q.exact, "Barkhane");
        assert!(q.prefix.ends_with("la force "));
        assert!(q.suffix.starts_with(" a quitté"));
        let q = Quote::of("é", 0, 2);
        assert_eq!((q.exact.as_str(), q.prefix.as_str(), q.suffix.as_str()), ("é", "", ""));
    }
}
