//! Plain types produced by the extraction pipeline. Offsets are byte offsets into the text that
//! was given to `extract()`, always on char boundaries, end exclusive.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Lang {
    #[serde(rename = "fr")]
    Fr,
    #[serde(rename = "en")]
    En,
    #[serde(rename = "other")]
    Other,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Other => "other",
        }
    }
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().get(..2)? {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Label {
    #[serde(rename = "PER")]
    Per,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "LOC")]
    Loc,
    #[serde(rename = "MISC")]
    Misc,
    #[serde(rename = "DATE")]
    Date,
}

impl Label {
    pub const ALL: [Label; 5] = [Label::Per, Label::Org, Label::Loc, Label::Misc, Label::Date];
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
            Label::Date => "DATE",
        }
    }
    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// Which part of the pipeline proposed a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    Rule,
    Gazetteer,
    Model,
    User,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub origin: Origin,
}

/// An entity groups the mentions that name the same thing ("Assimi Goita", "Goita").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub label: Label,
    /// Canonical name: the longest / most complete mention.
    pub name: String,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateFact {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// ISO 8601 value ("2022-11-21", "2022-11", "2021") when the text allows, else None.
    pub value: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Span of the quoted words, without the quotation marks.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Who said it: a name the text gives ("Marine Le Pen", "le syndicat SUD"), never a
    /// description, so that nothing shown as the speaker is a guess.
    pub speaker: Option<String>,
    /// `User` when the user set the speaker (none: as the extractor found it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_origin: Option<Origin>,
    /// How the text describes a speaker it does not name ("le porte-parole du gouvernement",
    /// "the spokesman"): shown apart from the speaker, never counted as one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    /// Roles as stated in the text ("ministre malien de la Sécurité et de la Protection civile").
    pub roles: Vec<String>,
    /// `User` when the user set the roles (none: as the extractor found them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles_origin: Option<Origin>,
}

/// Everything extracted from one text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Facts {
    pub lang: Option<Lang>,
    pub entities: Vec<Entity>,
    pub dates: Vec<DateFact>,
    pub quotes: Vec<Quote>,
    pub people: Vec<Person>,
    /// Sources the text cites ("Agence Ecofin").
    pub sources: Vec<String>,
    /// The first sentence.
    pub lede: Option<String>,
}

/// A proposed entity mention before merging. Recognizers (rules, gazetteers, a statistical
/// tagger) all produce these; `extract_with` merges them. Added for the recognizer stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    pub origin: Origin,
    /// Confidence in 0..=1. On overlaps the higher score wins: gazetteer and cue rules use
    /// 0.75–0.95, fallback guesses 0.3–0.45, so a model at ~0.6 overrides only the guesses.
    pub score: f32,
}
