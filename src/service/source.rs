//! What the reader shows: files and folders the user named, or the samples bundled in the
//! binary, either with the folder where fetched feed items are stored; and the file limits the
//! config sets for reading them.

use std::path::PathBuf;

use crate::config::Config;
use crate::library::Limits;
use crate::library::scope::{self, Scope};

/// The library a reader or a command works on.
#[derive(Debug, Clone)]
pub enum Source {
    Paths(Vec<PathBuf>),
    Bundled,
    WithFeeds(Box<Source>, PathBuf),
}

impl Source {
    /// The store keys of the stories this source shows.
    pub fn scopes(&self) -> Vec<Scope> {
        match self {
            Source::Paths(paths) => scope::scopes(paths),
            Source::Bundled => vec![Scope::Under(scope::BUNDLED_PREFIX.to_string())],
            Source::WithFeeds(library, feeds) => {
                let mut scopes = library.scopes();
                scopes.extend(scope::scopes(std::slice::from_ref(feeds)));
                scopes
            }
        }
    }

    /// This source with the feeds folder added, unless it has it.
    pub fn with_feeds(self, feeds: PathBuf) -> Source {
        match self {
            Source::WithFeeds(..) => self,
            library => Source::WithFeeds(Box::new(library), feeds),
        }
    }

    /// Whether fetched feed items are part of this source.
    pub fn shows_feeds(&self) -> bool {
        matches!(self, Source::WithFeeds(..))
    }
}

/// The limits on the files read, as the config sets them.
pub fn limits(config: &Config) -> Limits {
    Limits { max_file_bytes: config.max_file_bytes, max_items_per_file: config.max_items_per_file }
}
