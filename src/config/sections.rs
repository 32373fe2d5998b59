//! The config file as TOML gives it (`Raw*`), and one function per section that checks it and
//! lays it over the defaults. Every error goes through [`Source`], so each names the file, the
//! line and the key the same way.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::{Config, ConfigError, FeedConfig, FetchConfig, KeyChord, Keymap, LabelDef, ThemeColors};
use crate::command::Command;
use crate::text::query::SavedQuery;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawConfig {
    #[serde(default)]
    pub library: RawLibrary,
    #[serde(default)]
    pub reader: RawReader,
    #[serde(default)]
    pub theme: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    pub keys: BTreeMap<Spanned<String>, Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    pub labels: Vec<Spanned<RawLabel>>,
    #[serde(default)]
    pub feeds: Vec<Spanned<RawFeed>>,
    #[serde(default)]
    pub fetch: RawFetch,
    #[serde(default)]
    pub queries: Vec<Spanned<RawQuery>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuery {
    name: Spanned<String>,
    query: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLabel {
    name: Spanned<String>,
    key: Spanned<String>,
    color: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFeed {
    url: Spanned<String>,
    name: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    full_text: bool,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFetch {
    concurrency: Option<Spanned<u64>>,
    timeout_secs: Option<Spanned<u64>>,
    max_feed_mb: Option<Spanned<u64>>,
    max_redirects: Option<u32>,
    full_text_feed_secs: Option<Spanned<u64>>,
    full_text_run_secs: Option<Spanned<u64>>,
    refresh_on_start: Option<bool>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawReader {
    mark_read_on_open: Option<bool>,
    mark_read_on_move: Option<bool>,
    date_format: Option<Spanned<String>>,
    browser: Option<String>,
    browser_is_terminal: Option<bool>,
    mouse: Option<bool>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLibrary {
    paths: Option<Vec<PathBuf>>,
    max_file_mb: Option<Spanned<u64>>,
    max_items_per_file: Option<Spanned<usize>>,
}

/// The file being parsed: its text (to turn byte spans into line numbers) and its name.
pub(super) struct Source<'a> {
    pub text: &'a str,
    pub file: &'a Path,
}

impl Source<'_> {
    /// The error shared by every section: file, line of `span` (when known), key, message.
    fn error(&self, span: Option<Range<usize>>, key: Option<&str>, message: String) -> ConfigError {
        let line_of = |offset: usize| {
            let before = self.text.as_bytes().get(..offset).unwrap_or(self.text.as_bytes());
            before.iter().filter(|&&b| b == b'\n').count() + 1
        };
        ConfigError {
            file: self.file.to_path_buf(),
            line: span.map(|s| line_of(s.start)),
            key: key.map(str::to_string),
            message,
        }
    }

    /// An error about the value at `span` of `key`.
    fn at(&self, span: Range<usize>, key: &str, message: String) -> ConfigError {
        self.error(Some(span), Some(key), message)
    }

    /// TOML that does not parse or does not fit the schema; an unknown field names its key.
    pub fn toml_error(&self, e: &toml::de::Error) -> ConfigError {
        let message = e.message().trim().to_string();
        let key = message
            .split('`')
            .nth(1)
            .filter(|_| message.starts_with("unknown field"))
            .map(str::to_string)
            .or_else(|| e.span().and_then(|span| self.key_at(span.start)));
        self.error(e.span(), key.as_deref(), message)
    }

    /// The dotted key whose value is at byte `at` ("reader.mark_read_on_open"): the key before
    /// the `=` on that line, under the nearest table header above it.
    fn key_at(&self, at: usize) -> Option<String> {
        let before = self.text.get(..at)?;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = self.text.get(line_start..)?.lines().next()?;
        let (key, _) = line.split_once('=')?;
        let key = key.trim().trim_matches(['"', '\'']);
        if key.is_empty() || key.contains(char::is_whitespace) {
            return None;
        }
        let table = before[..line_start].lines().rev().map(str::trim).find(|l| l.starts_with('['));
        let table = table.map(|t| t.trim_matches(['[', ']']).trim());
        Some(match table {
            Some(t) if !t.is_empty() => format!("{t}.{key}"),
            _ => key.to_string(),
        })
    }

    /// The value of a count that must not be zero.
    fn at_least_one<T: Copy + PartialEq + From<u8>>(
        &self,
        v: &Spanned<T>,
        key: &str,
    ) -> Result<T, ConfigError> {
        if *v.get_ref() == T::from(0) {
            Err(self.at(v.span(), key, "must be at least 1".into()))
        } else {
            Ok(*v.get_ref())
        }
    }
}

/// `[library]`: paths (relative ones against the config file's folder) and size limits.
pub(super) fn library(src: &Source, raw: &RawLibrary, config: &mut Config) -> Result<(), ConfigError> {
    if let Some(paths) = &raw.paths {
        let base = src.file.parent().unwrap_or(Path::new(""));
        config.library_paths = paths.iter().map(|p| base.join(expand_home(p))).collect();
    }
    if let Some(mb) = &raw.max_file_mb {
        config.max_file_bytes = src.at_least_one(mb, "library.max_file_mb")?.saturating_mul(1024 * 1024);
    }
    if let Some(n) = &raw.max_items_per_file {
        config.max_items_per_file = src.at_least_one(n, "library.max_items_per_file")?;
    }
    Ok(())
}

/// `[reader]`.
pub(super) fn reader(src: &Source, raw: &RawReader, config: &mut Config) -> Result<(), ConfigError> {
    if let Some(v) = raw.mark_read_on_open {
        config.mark_read_on_open = v;
    }
    if let Some(v) = raw.mark_read_on_move {
        config.mark_read_on_move = v;
    }
    if let Some(f) = &raw.date_format {
        config.date_format = crate::text::dates::DateFormat::parse(f.get_ref())
            .map_err(|m| src.at(f.span(), "reader.date_format", m))?;
    }
    config.browser = raw.browser.as_deref().map(str::trim).filter(|b| !b.is_empty()).map(str::to_string);
    config.browser_is_terminal = raw.browser_is_terminal;
    if let Some(v) = raw.mouse {
        config.mouse = v;
    }
    Ok(())
}

/// `[theme]`: one colour per known name.
pub(super) fn theme(
    src: &Source,
    raw: &BTreeMap<Spanned<String>, Spanned<String>>,
    theme: &mut ThemeColors,
) -> Result<(), ConfigError> {
    for (name, value) in raw {
        let key = format!("theme.{}", name.get_ref());
        let slot = match name.get_ref().as_str() {
            "accent" => &mut theme.accent,
            "selection" => &mut theme.selection,
            "search_match" => &mut theme.search_match,
            "dim" => &mut theme.dim,
            "per" => &mut theme.per,
            "org" => &mut theme.org,
            "loc" => &mut theme.loc,
            "misc" => &mut theme.misc,
            "date" => &mut theme.date,
            _ => return Err(src.at(name.span(), &key, "unknown theme colour".into())),
        };
        *slot = value.get_ref().parse().map_err(|m| src.at(value.span(), &key, m))?;
    }
    Ok(())
}

/// `[fetch]`: how feeds are downloaded.
pub(super) fn fetch(src: &Source, raw: &RawFetch, fetch: &mut FetchConfig) -> Result<(), ConfigError> {
    if let Some(n) = &raw.concurrency {
        // More than 32 at once is never polite to anyone's server, nor useful on 2 cores.
        fetch.concurrency = src.at_least_one(n, "fetch.concurrency")?.min(32) as usize;
    }
    if let Some(s) = &raw.timeout_secs {
        fetch.timeout_secs = src.at_least_one(s, "fetch.timeout_secs")?;
    }
    if let Some(mb) = &raw.max_feed_mb {
        fetch.max_bytes = src.at_least_one(mb, "fetch.max_feed_mb")?.saturating_mul(1024 * 1024);
    }
    if let Some(n) = raw.max_redirects {
        fetch.max_redirects = n;
    }
    if let Some(s) = &raw.full_text_feed_secs {
        fetch.full_text_feed_secs = src.at_least_one(s, "fetch.full_text_feed_secs")?;
    }
    if let Some(s) = &raw.full_text_run_secs {
        fetch.full_text_run_secs = src.at_least_one(s, "fetch.full_text_run_secs")?;
    }
    if let Some(v) = raw.refresh_on_start {
        fetch.refresh_on_start = v;
    }
    Ok(())
}

/// `[[feeds]]`: checked addresses, each listed once; names and tags trimmed.
pub(super) fn feeds(src: &Source, raw: &[Spanned<RawFeed>]) -> Result<Vec<FeedConfig>, ConfigError> {
    let mut feeds: Vec<FeedConfig> = Vec::with_capacity(raw.len());
    for (i, feed) in raw.iter().enumerate() {
        let key = format!("feeds[{}].url", i + 1);
        let f = feed.get_ref();
        let url = super::check_feed_url(f.url.get_ref()).map_err(|m| src.at(f.url.span(), &key, m))?;
        if feeds.iter().any(|c| c.url == url) {
            return Err(src.at(f.url.span(), &key, format!("{url} is listed twice")));
        }
        feeds.push(FeedConfig {
            url,
            name: f.name.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_string),
            tags: f.tags.iter().map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect(),
            full_text: f.full_text,
        });
    }
    Ok(feeds)
}

/// `[[queries]]`: saved queries, each name once (one word); each query parses, and names no
/// other saved query. An error points at the character at fault under the query.
pub(super) fn queries(src: &Source, raw: &[Spanned<RawQuery>]) -> Result<Vec<SavedQuery>, ConfigError> {
    use crate::text::query::{Term, parse};
    let mut out: Vec<SavedQuery> = Vec::with_capacity(raw.len());
    for (i, q) in raw.iter().enumerate() {
        let q = q.get_ref();
        let key = |field: &str| format!("queries[{}].{field}", i + 1);
        let name = q.name.get_ref().trim();
        if name.is_empty() || name.contains(char::is_whitespace) || name.starts_with('@') {
            let m = format!("{name:?}: a saved query's name is one word (used as @NAME)");
            return Err(src.at(q.name.span(), &key("name"), m));
        }
        if out.iter().any(|o| o.name.eq_ignore_ascii_case(name)) {
            return Err(src.at(q.name.span(), &key("name"), format!("{name:?} is named twice")));
        }
        let text = q.query.get_ref();
        let caret = |e: &crate::text::query::QueryError| {
            let lines: Vec<String> = e.caret(text).lines().map(|l| format!("    {l}")).collect();
            format!("{e}\n{}", lines.join("\n"))
        };
        let expr = parse(text).map_err(|e| src.at(q.query.span(), &key("query"), caret(&e)))?;
        if let Some(at) = expr
            .terms()
            .iter()
            .any(|t| matches!(t, Term::Saved(_)))
            .then(|| text.chars().position(|c| c == '@'))
        {
            let e = crate::text::query::QueryError {
                at: at.unwrap_or(0),
                message: "a saved query cannot use another saved query".into(),
            };
            return Err(src.at(q.query.span(), &key("query"), caret(&e)));
        }
        out.push(SavedQuery { name: name.to_string(), query: text.clone() });
    }
    Ok(out)
}

/// `[keys]`: each named command gets the user's chords; one chord cannot serve two of them.
pub(super) fn keys(
    src: &Source,
    raw: &BTreeMap<Spanned<String>, Spanned<Vec<Spanned<String>>>>,
    keymap: &mut Keymap,
) -> Result<(), ConfigError> {
    let mut claimed: BTreeMap<KeyChord, String> = BTreeMap::new();
    for (name, keys) in raw {
        let key = format!("keys.{}", name.get_ref());
        let cmd = Command::from_name(name.get_ref()).ok_or_else(|| {
            src.at(name.span(), &key, "unknown command (see `byline --help` or config.example.toml)".into())
        })?;
        let mut chords = Vec::new();
        for k in keys.get_ref() {
            let chord = KeyChord::parse(k.get_ref()).map_err(|m| src.at(k.span(), &key, m))?;
            if let Some(other) = claimed.insert(chord, name.get_ref().clone()) {
                return Err(src.at(
                    k.span(),
                    &key,
                    format!("{:?} is already bound to `{other}`", k.get_ref()),
                ));
            }
            chords.push(chord);
        }
        keymap.rebind(cmd, &chords);
    }
    Ok(())
}

/// `[[labels]]`: user labels added to (or replacing) the built-in ones, on keys no command
/// and no other label has.
pub(super) fn labels(
    src: &Source,
    raw: &[Spanned<RawLabel>],
    keymap: &Keymap,
    labels: &mut Vec<LabelDef>,
) -> Result<(), ConfigError> {
    for label in raw {
        let label = label.get_ref();
        let name = label.name.get_ref().trim().to_string();
        let key_name = format!("labels.{name}");
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(src.at(label.name.span(), "labels.name", "a label name is one word".into()));
        }
        let key = KeyChord::parse(label.key.get_ref()).map_err(|m| src.at(label.key.span(), &key_name, m))?;
        if let Some(cmd) = keymap.command(&key) {
            let msg = format!("{:?} is already bound to `{}`", label.key.get_ref(), cmd.name());
            return Err(src.at(label.key.span(), &key_name, msg));
        }
        let color = match &label.color {
            Some(c) => Some(c.get_ref().parse().map_err(|m| src.at(c.span(), &key_name, m))?),
            None => None,
        };
        let def = LabelDef { name: name.clone(), key, color };
        match labels.iter_mut().find(|l| l.name.eq_ignore_ascii_case(&name)) {
            Some(existing) => *existing = def,
            None => labels.push(def),
        }
    }
    for (i, l) in labels.iter().enumerate() {
        if let Some(other) = labels[..i].iter().find(|o| o.key == l.key) {
            return Err(src.error(
                None,
                Some(&format!("labels.{}", l.name)),
                format!("key {} is also the key of {}", l.key, other.name),
            ));
        }
    }
    Ok(())
}

fn expand_home(path: &Path) -> PathBuf {
    match (path.strip_prefix("~"), directories::BaseDirs::new()) {
        (Ok(rest), Some(dirs)) => dirs.home_dir().join(rest),
        _ => path.to_path_buf(),
    }
}
