//! Which stories a list shows: the files and folders the reader was opened on, as keys into
//! the store (canonical paths as text), and the prefix of the bundled samples.

use std::path::{Path, PathBuf};

/// Which stories a list shows: those from exactly one file, or from under a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    File(String),
    /// A path prefix ending with a separator.
    Under(String),
}

/// Prefix of the paths under which the bundled samples are stored.
pub const BUNDLED_PREFIX: &str = "bundled:";

/// The store key of a file: its canonical path as text.
pub fn path_key(path: &Path) -> String {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()).to_string_lossy().into_owned()
}

/// The scopes of the given roots (files or folders).
pub fn scopes(roots: &[PathBuf]) -> Vec<Scope> {
    roots
        .iter()
        .map(|r| {
            let key = path_key(r);
            if r.is_dir() {
                Scope::Under(if key.ends_with('/') { key } else { format!("{key}/") })
            } else {
                Scope::File(key)
            }
        })
        .collect()
}

pub fn in_scope(key: &str, scopes: &[Scope]) -> bool {
    scopes.iter().any(|s| match s {
        Scope::File(f) => key == f,
        Scope::Under(prefix) => key.starts_with(prefix.as_str()),
    })
}
