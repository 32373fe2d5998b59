//! Annotation export and import formats.

pub mod offsets;
