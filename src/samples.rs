//! The sample library bundled inside the binary, opened when byline starts with no paths and no
//! configured library: a welcome article that teaches the keys, and the reference article.

use std::path::Path;

use crate::library::{self, Article, Limits, Skipped};

const SAMPLES: &[(&str, &str)] = &[
    ("assets/welcome.md", include_str!("../assets/welcome.md")),
    ("assets/mali-russie-2022-11-21.txt", include_str!("../assets/mali-russie-2022-11-21.txt")),
];

/// Parses the bundled samples (they are files of this repository, so a failure is reported
/// like any other skipped file rather than trusted away).
pub fn load() -> (Vec<Article>, Vec<Skipped>) {
    let mut articles = Vec::new();
    let mut skipped = Vec::new();
    for (name, text) in SAMPLES {
        match library::parse_bytes(Path::new(name), text.as_bytes(), &Limits::default()) {
            Ok(parsed) => articles.extend(parsed.articles),
            Err(e) => skipped.push(Skipped { path: name.into(), reason: e.to_string() }),
        }
    }
    (articles, skipped)
}
