//! Extraction: text in, entities and facts out. Pure.

pub mod types;

pub use types::*;
