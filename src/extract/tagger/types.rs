//! Labels, BIO tags, sentences and span conversion.

use serde::{Deserialize, Serialize};

/// The four CoNLL entity classes the statistical tagger predicts. Dates are left to the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityLabel {
    Per,
    Loc,
    Org,
    Misc,
}

impl EntityLabel {
    pub const ALL: [EntityLabel; 4] =
        [EntityLabel::Per, EntityLabel::Loc, EntityLabel::Org, EntityLabel::Misc];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Per => "PER",
            EntityLabel::Loc => "LOC",
            EntityLabel::Org => "ORG",
            EntityLabel::Misc => "MISC",
        }
    }

    /// Accepts the CoNLL names and the usual long forms (PERSON, LOCATION, ORGANIZATION).
    pub fn parse(s: &str) -> Option<EntityLabel> {
        match s.trim().to_ascii_uppercase().as_str() {
            "PER" | "PERS" | "PERSON" => Some(EntityLabel::Per),
            "LOC" | "LOCATION" | "GPE" => Some(EntityLabel::Loc),
            "ORG" | "ORGANIZATION" | "ORGANISATION" => Some(EntityLabel::Org),
            "MISC" => Some(EntityLabel::Misc),
            _ => None,
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// One BIO tag. Index order (used in the model file): O, B-PER, I-PER, B-LOC, I-LOC, B-ORG, ...
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Tag {
    O,
    B(EntityLabel),
    I(EntityLabel),
}

/// Number of distinct tags (O + B/I for each label).
pub const NUM_TAGS: usize = 9;

impl Tag {
    pub fn index(self) -> usize {
        match self {
            Tag::O => 0,
            Tag::B(l) => 1 + 2 * l.index(),
            Tag::I(l) => 2 + 2 * l.index(),
        }
    }

    /// Inverse of [`Tag::index`]; out-of-range indices give `O` so callers never panic.
    pub fn from_index(i: usize) -> Tag {
        if i == 0 || i >= NUM_TAGS {
            return Tag::O;
        }
        let label = EntityLabel::ALL[(i - 1) / 2];
        if i % 2 == 1 { Tag::B(label) } else { Tag::I(label) }
    }

    pub fn label(self) -> Option<EntityLabel> {
        match self {
            Tag::O => None,
            Tag::B(l) | Tag::I(l) => Some(l),
        }
    }

    /// Parses "O", "B-PER", "I-LOC", also "S-"/"E-" (BIOES) as B/I. Unknown labels give None.
    pub fn parse(s: &str) -> Option<Tag> {
        let s = s.trim();
        if s == "O" || s == "_" || s.is_empty() {
            return Some(Tag::O);
        }
        let (prefix, label) = s.split_once(['-', '_'])?;
        let label = EntityLabel::parse(label)?;
        match prefix {
            "B" | "S" => Some(Tag::B(label)),
            "I" | "E" => Some(Tag::I(label)),
            _ => None,
        }
    }

    pub fn to_conll(self) -> String {
        match self {
            Tag::O => "O".to_string(),
            Tag::B(l) => format!("B-{}", l.as_str()),
            Tag::I(l) => format!("I-{}", l.as_str()),
        }
    }

    /// BIO constraint used in decoding: I-X may only follow B-X or I-X.
    pub(crate) fn allowed_after(prev: Option<Tag>, next: Tag) -> bool {
        match next {
            Tag::I(l) => matches!(prev, Some(Tag::B(p) | Tag::I(p)) if p == l),
            _ => true,
        }
    }
}

/// A training/evaluation sentence. `extra` holds optional per-token feature strings (gazetteer
/// hits and the like); it is either empty or as long as `words`. `doc` groups sentences of one
/// document so document-level features can be computed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Sentence {
    pub words: Vec<String>,
    pub tags: Vec<Tag>,
    #[serde(default)]
    pub extra: Vec<Vec<String>>,
    #[serde(default)]
    pub doc: u32,
}

impl Sentence {
    pub fn new(words: Vec<String>, tags: Vec<Tag>) -> Sentence {
        Sentence { words, tags, extra: Vec::new(), doc: 0 }
    }

    pub fn word_refs(&self) -> Vec<&str> {
        self.words.iter().map(String::as_str).collect()
    }
}

/// An entity in token indices: `start..end` (end exclusive).
pub type Span = (usize, usize, EntityLabel);

/// Turns IOB1 or damaged IOB2 into IOB2: an I-X that does not continue an X becomes B-X.
pub fn repair_bio(tags: &mut [Tag]) {
    let mut prev: Option<Tag> = None;
    for t in tags.iter_mut() {
        if let Tag::I(l) = *t
            && !Tag::allowed_after(prev, *t)
        {
            *t = Tag::B(l);
        }
        prev = Some(*t);
    }
}

/// Entity spans of an IOB2 sequence. A stray I-X (not after X) opens a new entity, as conlleval does.
pub fn tags_to_spans(tags: &[Tag]) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, EntityLabel)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let continues = matches!((t, open), (Tag::I(l), Some((_, o))) if l == o);
        if continues {
            continue;
        }
        if let Some((s, l)) = open.take() {
            spans.push((s, i, l));
        }
        if let Some(l) = t.label() {
            open = Some((i, l));
        }
    }
    if let Some((s, l)) = open {
        spans.push((s, tags.len(), l));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_index_roundtrip() {
        for i in 0..NUM_TAGS {
            assert_eq!(Tag::from_index(i).index(), i);
        }
        assert_eq!(Tag::from_index(99), Tag::O);
    }

    #[test]
    fn parse_tags() {
        assert_eq!(Tag::parse("B-PER"), Some(Tag::B(EntityLabel::Per)));
        assert_eq!(Tag::parse("I-ORG"), Some(Tag::I(EntityLabel::Org)));
        assert_eq!(Tag::parse("O"), Some(Tag::O));
        assert_eq!(Tag::parse("B-XYZ"), None);
    }

    #[test]
    fn repair_iob1() {
        let p = EntityLabel::Per;
        let mut t = vec![Tag::I(p), Tag::I(p), Tag::O, Tag::I(EntityLabel::Loc)];
        repair_bio(&mut t);
        assert_eq!(t, vec![Tag::B(p), Tag::I(p), Tag::O, Tag::B(EntityLabel::Loc)]);
    }

    #[test]
    fn spans_from_tags() {
        let p = EntityLabel::Per;
        let l = EntityLabel::Loc;
        let t = [Tag::B(p), Tag::I(p), Tag::B(p), Tag::O, Tag::I(l)];
        assert_eq!(tags_to_spans(&t), vec![(0, 2, p), (2, 3, p), (4, 5, l)]);
        assert!(tags_to_spans(&[]).is_empty());
    }
}
