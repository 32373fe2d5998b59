//! The sample library bundled inside the binary, opened when byline starts with no paths and no
//! configured library: a welcome article that teaches the keys, and the reference article.

/// (name, text) of each bundled file; the name picks the format.
pub const FILES: &[(&str, &str)] = &[
    ("assets/welcome.md", include_str!("../assets/welcome.md")),
    ("assets/mali-russie-2022-11-21.txt", include_str!("../assets/mali-russie-2022-11-21.txt")),
];
