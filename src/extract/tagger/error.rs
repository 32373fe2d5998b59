//! Errors of the tagger (model loading only: tagging and reading corpora cannot fail).

use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum TaggerError {
    #[error("not a byline tagger model (bad magic bytes)")]
    BadMagic,
    #[error("unsupported model format version {0}")]
    UnsupportedVersion(u16),
    #[error("model uses feature set {found}, this build understands {expected}; retrain the model")]
    FeatureVersion { found: u32, expected: u32 },
    #[error("model file is truncated")]
    Truncated,
    #[error("model file is corrupt: {0}")]
    Corrupt(&'static str),
}
