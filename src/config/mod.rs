//! Configuration: TOML parsed from a string (the caller reads the file), every key optional,
//! defaults built in. Errors name the file, the line and the key so they can be printed before
//! the terminal is touched.

pub mod keymap;
pub mod keys;
mod sections;
pub mod theme;

use std::fmt;
use std::path::{Path, PathBuf};

use sections::{RawConfig, Source};

use crate::text::dates::DateFormat;

/// The bindable commands live in `crate::command`; re-exported for the code that names them here.
pub use keymap::Keymap;
pub use keys::{Key, KeyChord};
pub use theme::{Color, ThemeColors};

/// The example shipped at the top of the repository; it documents every option and sets each
/// to its default (a test holds it to that).
pub const EXAMPLE: &str = include_str!("../../config.example.toml");

/// An annotation label: its name (as stored and exported), the key that applies it, and the
/// colour it is drawn in (labels beyond the five built-in ones).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelDef {
    pub name: String,
    pub key: KeyChord,
    pub color: Option<Color>,
}

fn default_labels() -> Vec<LabelDef> {
    ["PER", "ORG", "LOC", "MISC", "DATE"]
        .iter()
        .enumerate()
        .map(|(i, name)| LabelDef {
            name: name.to_string(),
            key: KeyChord::ch(char::from(b'1' + i as u8)),
            color: None,
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Files and folders opened when byline starts without paths.
    pub library_paths: Vec<PathBuf>,
    /// Files larger than this are skipped with a reason.
    pub max_file_bytes: u64,
    /// Items kept from one multi-article file (feed, JSON array, JSON Lines).
    pub max_items_per_file: usize,
    /// Opening a story marks it read.
    pub mark_read_on_open: bool,
    /// `J`/`K` mark the story they leave read (and the one they open, with
    /// `mark_read_on_open`).
    pub mark_read_on_move: bool,
    /// How the list and the article header show dates.
    pub date_format: DateFormat,
    /// The browser command for `open_url` (over `$BROWSER`); `%s` is the address.
    pub browser: Option<String>,
    /// The browser runs in the terminal (the reader steps aside); `None`: guessed from its name.
    pub browser_is_terminal: Option<bool>,
    /// Mouse capture: the wheel scrolls, a click selects (off: the terminal's own selection).
    pub mouse: bool,
    pub keymap: Keymap,
    /// Annotation labels, built-in first.
    pub labels: Vec<LabelDef>,
    pub theme: ThemeColors,
    /// Set from the environment (`NO_COLOR`), not the file: draw with attributes only.
    pub no_color: bool,
    /// `[[feeds]]`: subscriptions kept in the config file (those added by `byline feeds add`
    /// live in the library database and are merged with these).
    pub feeds: Vec<FeedConfig>,
    pub fetch: FetchConfig,
    /// `[[queries]]`: saved queries (`@NAME` in a query, `byline list --query NAME`).
    pub queries: Vec<crate::text::query::SavedQuery>,
}

/// One `[[feeds]]` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedConfig {
    pub url: String,
    pub name: Option<String>,
    pub tags: Vec<String>,
    /// Fetch each item's web page and keep its main text rather than the feed's excerpt.
    pub full_text: bool,
}

/// `[fetch]`: how feeds are downloaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchConfig {
    /// Feeds downloaded at the same time.
    pub concurrency: usize,
    /// Longest a single request may take, body included.
    pub timeout_secs: u64,
    /// Largest feed or page accepted, after decompression.
    pub max_bytes: u64,
    /// Redirects followed before a request fails.
    pub max_redirects: u32,
    /// Longest the item pages of one feed may take to fetch (`full_text` feeds), in seconds.
    pub full_text_feed_secs: u64,
    /// Longest the item pages of all feeds may take to fetch in one run, in seconds.
    pub full_text_run_secs: u64,
    /// The reader fetches every feed in the background when it starts.
    pub refresh_on_start: bool,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            concurrency: 4,
            timeout_secs: 20,
            max_bytes: 10 * 1024 * 1024,
            max_redirects: 5,
            full_text_feed_secs: 60,
            full_text_run_secs: 300,
            refresh_on_start: false,
        }
    }
}

/// Checks a feed address: http or https with a host. Returns it trimmed.
pub fn check_feed_url(url: &str) -> Result<String, String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("{url:?} is not an http:// or https:// address"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.starts_with(':') {
        return Err(format!("{url:?} has no host"));
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("{url:?} contains spaces or control characters"));
    }
    Ok(url.to_string())
}

impl Default for Config {
    fn default() -> Self {
        Config {
            library_paths: Vec::new(),
            max_file_bytes: 50 * 1024 * 1024,
            max_items_per_file: 20_000,
            mark_read_on_open: true,
            mark_read_on_move: true,
            date_format: DateFormat::default(),
            browser: None,
            browser_is_terminal: None,
            mouse: true,
            keymap: Keymap::default(),
            labels: default_labels(),
            theme: ThemeColors::default(),
            no_color: false,
            feeds: Vec::new(),
            fetch: FetchConfig::default(),
            queries: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub key: Option<String>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "config error in {}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        if let Some(key) = &self.key {
            write!(f, ", key `{key}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Parses a config file's text. `file` is only used in error messages; relative library
    /// paths are resolved against the file's folder. Sections are read in this order, and the
    /// first error is the one reported.
    pub fn parse(text: &str, file: &Path) -> Result<Config, ConfigError> {
        let src = Source { text, file };
        let raw: RawConfig = toml::from_str(text).map_err(|e| src.toml_error(&e))?;
        let mut config = Config::default();
        sections::library(&src, &raw.library, &mut config)?;
        sections::reader(&src, &raw.reader, &mut config)?;
        sections::theme(&src, &raw.theme, &mut config.theme)?;
        sections::fetch(&src, &raw.fetch, &mut config.fetch)?;
        config.feeds = sections::feeds(&src, &raw.feeds)?;
        config.queries = sections::queries(&src, &raw.queries)?;
        sections::keys(&src, &raw.keys, &mut config.keymap)?;
        sections::labels(&src, &raw.labels, &config.keymap, &mut config.labels)?;
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::Command;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, Path::new("/cfg/config.toml"))
    }

    #[test]
    fn saved_queries_are_checked_and_errors_point_at_the_character() {
        let config = parse("[[queries]]\nname = \"matin\"\nquery = \"unread lang:fr -tag:sport\"\n").unwrap();
        assert_eq!(config.queries[0].name, "matin");
        assert_eq!(config.queries[0].query, "unread lang:fr -tag:sport");
        let e = parse("[[queries]]\nname = \"a\"\nquery = \"unread\"\n\n[[queries]]\nname = \"b\"\nquery = \"unread bogus:x\"\n")
            .unwrap_err();
        assert_eq!((e.line, e.key.as_deref()), (Some(7), Some("queries[2].query")));
        assert!(e.message.contains("unknown field \"bogus\""), "{e}");
        assert!(e.message.ends_with("    unread bogus:x\n           ^"), "{e}");
        let e = parse("[[queries]]\nname = \"a\"\nquery = \"@b\"\n").unwrap_err();
        assert!(e.message.contains("cannot use another"), "{e}");
        let e = parse("[[queries]]\nname = \"a b\"\nquery = \"x\"\n").unwrap_err();
        assert_eq!(e.key.as_deref(), Some("queries[1].name"));
    }

    #[test]
    fn empty_file_is_the_defaults() {
        assert_eq!(parse("").unwrap(), Config::default());
    }

    #[test]
    fn example_parses_to_the_defaults_and_names_every_command() {
        assert_eq!(parse(EXAMPLE).unwrap(), Config::default());
        for cmd in Command::ALL {
            assert!(
                EXAMPLE.contains(&format!("\n{} = ", cmd.name())),
                "{} missing from config.example.toml",
                cmd.name()
            );
        }
    }

    #[test]
    fn keys_are_rebindable() {
        let config = parse("[keys]\ndown = [\"n\", \"ctrl-n\"]\n").unwrap();
        assert_eq!(config.keymap.command(&KeyChord::ch('n')), Some(Command::Down));
        assert_eq!(config.keymap.command(&KeyChord::ctrl('n')), Some(Command::Down));
        assert_eq!(config.keymap.command(&KeyChord::ch('j')), None);
    }

    #[test]
    fn unknown_keys_name_file_line_and_key() {
        let err = parse("[library]\npaths = []\ncolour = 3\n").unwrap_err();
        assert_eq!(err.line, Some(3));
        assert_eq!(err.key.as_deref(), Some("colour"));
        assert!(
            err.to_string().starts_with("config error in /cfg/config.toml, line 3, key `colour`"),
            "{err}"
        );

        let err = parse("[keys]\n\nscroll_sideways = [\"x\"]\n").unwrap_err();
        assert_eq!((err.line, err.key.as_deref()), (Some(3), Some("keys.scroll_sideways")));

        let err = parse("[unknown]\n").unwrap_err();
        assert_eq!(err.line, Some(1));
    }

    #[test]
    fn bad_values_are_errors_with_their_line() {
        let err = parse("[theme]\nper = \"blurple\"\n").unwrap_err();
        assert_eq!((err.line, err.key.as_deref()), (Some(2), Some("theme.per")));
        let err = parse("[keys]\ndown = [\"ctrl-nope\"]\n").unwrap_err();
        assert_eq!((err.line, err.key.as_deref()), (Some(2), Some("keys.down")));
        let err = parse("[keys]\ndown = [\"x\"]\nup = [\"x\"]\n").unwrap_err();
        assert_eq!((err.line, err.key.as_deref()), (Some(3), Some("keys.up")));
        let err = parse("[library]\nmax_file_mb = \"big\"\n").unwrap_err();
        assert_eq!((err.line, err.key.as_deref()), (Some(2), Some("library.max_file_mb")));
        // A value of the wrong type names its key, wherever it is.
        let err = parse("# a comment\n[reader]\n\nmark_read_on_open = 3\n").unwrap_err();
        assert_eq!((err.line, err.key.as_deref()), (Some(4), Some("reader.mark_read_on_open")));
        assert!(err.to_string().contains("key `reader.mark_read_on_open`"), "{err}");
        let err = parse("[fetch]\nconcurrency = \"many\"\n").unwrap_err();
        assert_eq!(err.key.as_deref(), Some("fetch.concurrency"));
        assert!(parse("not toml at all [").is_err());
    }

    #[test]
    fn reader_settings_for_dates_browser_and_mouse() {
        let config = parse(
            "[reader]\ndate_format = \"%d/%m %H:%M\"\nbrowser = \" w3m %s \"\nbrowser_is_terminal = true\nmouse = false\n",
        )
        .unwrap();
        assert_eq!(config.date_format, DateFormat::Pattern("%d/%m %H:%M".into()));
        assert_eq!(config.browser.as_deref(), Some("w3m %s"));
        assert_eq!((config.browser_is_terminal, config.mouse), (Some(true), false));
        let err = parse("[reader]\n\ndate_format = \"soon\"\n").unwrap_err();
        assert_eq!((err.line, err.key.as_deref()), (Some(3), Some("reader.date_format")));
        assert!(parse("[reader]\ndate_format = \"iso\"\n").unwrap().date_format == DateFormat::Iso);
    }

    #[test]
    fn user_labels_are_added_and_checked() {
        let config = parse("[[labels]]\nname = \"WEAPON\"\nkey = \"6\"\ncolor = \"red\"\n").unwrap();
        assert_eq!(config.labels.len(), 6);
        assert_eq!(config.labels[5].key, KeyChord::ch('6'));
        let err = parse("[[labels]]\nname = \"X\"\nkey = \"j\"\n").unwrap_err();
        assert_eq!((err.line, err.key.as_deref()), (Some(3), Some("labels.X")));
        assert!(parse("[[labels]]\nname = \"X\"\nkey = \"1\"\n").is_err(), "1 is PER's");
    }

    #[test]
    fn feeds_and_fetch_settings() {
        let config = parse(
            "[fetch]\nconcurrency = 2\ntimeout_secs = 5\nmax_feed_mb = 1\nmax_redirects = 0\n\
             full_text_feed_secs = 30\nfull_text_run_secs = 120\nrefresh_on_start = true\n\n\
             [[feeds]]\nurl = \"https://a.example/rss\"\nname = \"A\"\ntags = [\"x\", \" \"]\nfull_text = true\n\n\
             [[feeds]]\nurl = \" http://b.example/atom \"\n",
        )
        .unwrap();
        assert_eq!(
            config.fetch,
            FetchConfig {
                concurrency: 2,
                timeout_secs: 5,
                max_bytes: 1024 * 1024,
                max_redirects: 0,
                full_text_feed_secs: 30,
                full_text_run_secs: 120,
                refresh_on_start: true
            }
        );
        assert_eq!(config.feeds.len(), 2);
        assert_eq!(
            config.feeds[0],
            FeedConfig {
                url: "https://a.example/rss".into(),
                name: Some("A".into()),
                tags: vec!["x".into()],
                full_text: true
            }
        );
        assert_eq!(config.feeds[1].url, "http://b.example/atom");
        assert!(!config.feeds[1].full_text);
    }

    #[test]
    fn bad_feeds_name_their_line_and_key() {
        let err = parse("[[feeds]]\nurl = \"ftp://x\"\n").unwrap_err();
        assert_eq!((err.line, err.key.as_deref()), (Some(2), Some("feeds[1].url")));
        let err = parse("[[feeds]]\nurl = \"http://x/\"\n[[feeds]]\n\nurl = \"http://x/\"\n").unwrap_err();
        assert_eq!((err.line, err.key.as_deref()), (Some(5), Some("feeds[2].url")));
        assert!(err.message.contains("twice"), "{err}");
        let err = parse("[[feeds]]\nname = \"no url\"\n").unwrap_err();
        assert!(err.message.contains("url"), "{err}");
        let err = parse("[[feeds]]\nurl = \"http://x/\"\nfulltext = true\n").unwrap_err();
        assert_eq!((err.line, err.key.as_deref()), (Some(3), Some("fulltext")));
        let err = parse("[fetch]\ntimeout_secs = 0\n").unwrap_err();
        assert_eq!((err.line, err.key.as_deref()), (Some(2), Some("fetch.timeout_secs")));
    }

    #[test]
    fn the_example_feeds_block_parses_once_uncommented() {
        let block: String = EXAMPLE
            .lines()
            .skip_while(|l| !l.starts_with("# [[feeds]]"))
            .take_while(|l| l.starts_with('#'))
            .map(|l| format!("{}\n", l.trim_start_matches('#').trim_start()))
            .collect();
        let config = parse(&block).unwrap();
        assert_eq!(config.feeds.len(), 1);
        assert_eq!(config.feeds[0].tags, ["world", "fr"]);
    }

    #[test]
    fn feed_urls_are_checked() {
        assert_eq!(check_feed_url(" https://a.b/c?d ").unwrap(), "https://a.b/c?d");
        assert!(check_feed_url("a.b/rss").is_err());
        assert!(check_feed_url("http:///rss").is_err());
        assert!(check_feed_url("http://a b/").is_err());
    }

    #[test]
    fn relative_library_paths_are_resolved_against_the_config_folder() {
        let config = parse("[library]\npaths = [\"news\", \"/abs\"]\n").unwrap();
        assert_eq!(config.library_paths, vec![PathBuf::from("/cfg/news"), PathBuf::from("/abs")]);
    }
}
