//! Loading stored articles from files: plain text, Markdown, JSON / JSON Lines, HTML pages and
//! feeds (RSS, Atom, JSON Feed). Parsing is pure ([`parse_bytes`]); I/O lives in
//! [`load_file`] and [`load_paths`].

pub mod align;
pub mod article;
mod clean;
pub mod dateline;
mod decode;
mod feed;
pub mod filter;
mod html;
mod html_depth;
mod html_text;
mod json;
mod markdown;
pub mod profile;
pub mod rows;
pub mod sanitize;
pub mod scope;
pub mod stories;
#[cfg(test)]
mod tests;
mod txt;
pub mod walk;
mod xml_repair;
mod yaml_depth;

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

pub use article::{Article, Given};
pub use feed::{FeedDoc, FeedItem};
pub use rows::{EntityHit, Review, ReviewState, SearchHit, StoryMeta};
pub use sanitize::sanitize;
pub use scope::Scope;
pub use stories::{ListedStory, Stories, StoryFields, StoryGroup};
pub use walk::load_paths;

thread_local! {
    /// Set while a parser from another crate runs under `catch_parser_panic`.
    static CATCHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs a third-party parser, turning a panic inside it (a bug on hostile input) into `None`.
/// While it runs, `catching_panics()` is true on this thread, so the process panic hook can
/// stay quiet (the file is reported as skipped instead) and leave the terminal alone.
pub fn catch_parser_panic<T>(f: impl FnOnce() -> T) -> Option<T> {
    CATCHING.with(|c| c.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok();
    CATCHING.with(|c| c.set(false));
    result
}

/// Whether the current thread is inside `catch_parser_panic`.
pub fn catching_panics() -> bool {
    CATCHING.with(|c| c.get())
}

/// A file (or one item of a file) that could not be loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    /// One line, sanitised.
    pub reason: String,
    /// Line (JSON Lines) or item number (arrays, feeds) inside the file, 1-based, when only
    /// part of the file was skipped.
    pub line: Option<usize>,
}

impl fmt::Display for Skipped {
    /// `file.jsonl:3: expected value at column 1`, or `file.txt: empty file`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = sanitize::one_line(&self.path.to_string_lossy(), 300);
        match self.line {
            Some(n) => write!(f, "{path}:{n}: {}", self.reason),
            None => write!(f, "{path}: {}", self.reason),
        }
    }
}

/// Caps that keep one hostile or huge file from taking the whole load down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file read, and largest size a gzip file may inflate to.
    pub max_file_bytes: u64,
    /// Items kept from one multi-article file (feed, JSON array, JSON Lines).
    pub max_items_per_file: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_file_bytes: 50 * 1024 * 1024, max_items_per_file: 20_000 }
    }
}

/// Articles parsed from one file, plus the items of it that were left out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub warnings: Vec<ItemWarning>,
}

/// One item of a multi-article file that was left out (bad JSON line, item without text,
/// items past the cap).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemWarning {
    /// 1-based line (JSON Lines) or item number (arrays, feeds); `None` for the whole file.
    pub line: Option<usize>,
    /// One line, sanitised.
    pub message: String,
}

impl ItemWarning {
    pub(crate) fn new(line: Option<usize>, message: impl AsRef<str>) -> Self {
        ItemWarning { line, message: sanitize::one_line(message.as_ref(), 300) }
    }
}

/// Why a whole file could not be loaded. Every message is one line.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("empty file")]
    Empty,
    #[error("binary file (not text)")]
    Binary,
    #[error("too large: {} (limit {limit} bytes)", size.map_or("inflates past the limit".to_owned(), |s| format!("{s} bytes")))]
    TooLarge { size: Option<u64>, limit: u64 },
    #[error("unreadable: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}, not a regular file")]
    NotRegular(&'static str),
    #[error("corrupt gzip data: {0}")]
    Gzip(String),
    #[error("malformed JSON at line {line}, column {column}: {message}")]
    Json { line: usize, column: usize, message: String },
    #[error("not an article: {0}")]
    NotArticle(String),
    #[error("bad front matter: {0}")]
    FrontMatter(String),
    #[error("feed parse error: {0}")]
    Feed(String),
    #[error("not a feed: {0}")]
    NotFeed(String),
    #[error("no article text found")]
    NoBody,
    #[error("no usable items ({count} left out; first: {first})")]
    NoItems { count: usize, first: String },
}

impl LoadError {
    /// The message as a sanitised single line, ready for the screen.
    pub fn reason(&self) -> String {
        sanitize::one_line(&self.to_string(), 300)
    }
}

/// The formats byline reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Json,
    JsonLines,
    Html,
    /// RSS 0.9x/1.0/2.0 or Atom (JSON Feed arrives as `Json` and is recognised inside).
    Feed,
}

/// The format an extension promises (`.gz` is looked through), `None` when it says nothing.
pub fn format_of(path: &Path) -> Option<Format> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = Path::new(name).extension()?.to_str()?;
    Some(match ext {
        "txt" | "text" => Format::Text,
        "md" | "markdown" => Format::Markdown,
        "json" => Format::Json,
        "jsonl" | "ndjson" => Format::JsonLines,
        "html" | "htm" | "xhtml" => Format::Html,
        "xml" | "rss" | "atom" | "rdf" => Format::Feed,
        _ => return None,
    })
}

/// Parses one file's bytes. Pure: `path` only names the file, picks the format by extension
/// (content is sniffed when the extension says nothing or `.xml` holds an HTML page) and
/// seeds the ids.
pub fn parse_bytes(path: &Path, bytes: &[u8], limits: &Limits) -> Result<Loaded, LoadError> {
    parse_with_id_base(path, path, bytes, limits)
}

/// Parses a downloaded feed (RSS, Atom or JSON Feed; gzip, BOMs, declared and undeclared
/// encodings handled as for files). `base_url` resolves relative links. An HTML page or
/// anything else that is not a feed is an error saying so.
pub fn parse_feed_document(
    bytes: &[u8],
    base_url: Option<&str>,
    charset: Option<&str>,
    limits: &Limits,
) -> Result<FeedDoc, LoadError> {
    let decoded = decoded_text(bytes, charset, limits)?;
    let text = decoded.text.as_str();
    match sniff(text) {
        Format::Feed => {}
        Format::Json if text.contains("jsonfeed.org/version/") => {}
        Format::Json | Format::JsonLines => {
            return Err(LoadError::NotFeed("JSON without a jsonfeed.org version".into()));
        }
        Format::Html => {
            return Err(LoadError::NotFeed(match root_element(text.trim_start()) {
                Some(root) if root != "html" && !root.starts_with('!') => {
                    format!("XML whose root is <{}>", sanitize::one_line(&root, 40))
                }
                None => "no element at all".into(),
                _ => "an HTML page".into(),
            }));
        }
        _ => {
            return Err(LoadError::NotFeed("neither XML nor JSON".into()));
        }
    }
    let mut doc = feed::items(text, base_url, limits.max_items_per_file)?;
    if decoded.damaged {
        for item in &mut doc.items {
            item.article.damaged = true;
        }
    }
    Ok(doc)
}

/// Reads a file (no more than the limit) and parses it. Ids are derived from the canonical
/// path so that `./a.txt` and `a.txt` name the same article.
pub fn load_file(path: &Path, limits: &Limits) -> Result<Loaded, LoadError> {
    let bytes = read_capped(path, limits.max_file_bytes)?;
    let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    parse_with_id_base(path, &canonical, &bytes, limits)
}

/// Reads a whole file, no more than `limit` bytes. Only regular files are read: a named pipe
/// would block until something writes to it (forever, for a FIFO named `*.txt` in the
/// library), a device may never end, a socket cannot be opened.
pub fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    regular_file(&std::fs::metadata(path)?)?;
    let file = open_without_blocking(path)?;
    // What was opened may not be what was looked at: look again.
    let meta = file.metadata()?;
    regular_file(&meta)?;
    let size = meta.len();
    if size > limit {
        return Err(LoadError::TooLarge { size: Some(size), limit });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // The file may grow between stat and read: never take more than the limit.
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(LoadError::TooLarge { size: Some(bytes.len() as u64), limit });
    }
    Ok(bytes)
}

/// `Ok` for a regular file; what it is instead, as an error.
fn regular_file(meta: &std::fs::Metadata) -> Result<(), LoadError> {
    if meta.is_file() {
        return Ok(());
    }
    let mut kind = if meta.is_dir() { "a folder" } else { "not a regular file" };
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            kind = "a named pipe (FIFO)";
        } else if t.is_socket() {
            kind = "a socket";
        } else if t.is_char_device() || t.is_block_device() {
            kind = "a device";
        }
    }
    Err(LoadError::NotRegular(kind))
}

/// Opens a file for reading; on Unix without waiting, so that a named pipe put in place of a
/// file after it was looked at cannot block (reading a regular file never waits anyway).
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// A file's bytes as text: size-checked, gunzipped if need be (within the same limit),
/// decoded, without a leading BOM; an empty text is an error.
/// `charset`: what the HTTP header said, for downloaded documents.
fn decoded_text(bytes: &[u8], charset: Option<&str>, limits: &Limits) -> Result<decode::Decoded, LoadError> {
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(LoadError::TooLarge { size: Some(bytes.len() as u64), limit: limits.max_file_bytes });
    }
    let inflated = decode::gunzip_if_needed(bytes, limits.max_file_bytes)?;
    let mut decoded = decode::decode(inflated.as_deref().unwrap_or(bytes), charset)?;
    let bom = decoded.text.len() - decoded.text.trim_start_matches('\u{feff}').len();
    decoded.text.drain(..bom);
    if decoded.text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    Ok(decoded)
}

fn parse_with_id_base(
    path: &Path,
    id_base: &Path,
    bytes: &[u8],
    limits: &Limits,
) -> Result<Loaded, LoadError> {
    let decoded = decoded_text(bytes, None, limits)?;
    let text = decoded.text.as_str();
    let format = match format_of(path) {
        Some(Format::Feed) if sniff(text) == Format::Html => Format::Html,
        Some(f) => f,
        None => sniff(text),
    };
    let ctx = Ctx { id_base, limits };
    let mut loaded = match format {
        Format::Text => single(txt::parse(text)),
        Format::Markdown => single(markdown::parse(text)?),
        Format::Json => json::parse(text, &ctx)?,
        Format::JsonLines => json::parse_lines(text, &ctx)?,
        Format::Html => single(html::parse(text)),
        Format::Feed => feed::parse(text, &ctx)?,
    };
    if loaded.articles.is_empty() {
        return Err(match loaded.warnings.first() {
            None => LoadError::NoBody,
            Some(w) if loaded.warnings.len() == 1 && w.line.is_none() => {
                LoadError::NotArticle(w.message.clone())
            }
            Some(w) => LoadError::NoItems {
                count: loaded.warnings.len(),
                first: match w.line {
                    Some(n) => format!("{n}: {}", w.message),
                    None => w.message.clone(),
                },
            },
        });
    }
    if matches!(format, Format::Text | Format::Markdown | Format::Html) {
        // One article from the whole file: its offsets index the file's text.
        let given: std::sync::Arc<str> = text.into();
        for a in loaded.articles.iter_mut().filter(|a| a.given.is_none()) {
            a.given = Some(Given::Text(given.clone()));
        }
    }
    finish(&mut loaded.articles, path, id_base, decoded.damaged);
    Ok(loaded)
}

/// What multi-article parsers need to name items and cap them.
pub(crate) struct Ctx<'a> {
    pub id_base: &'a Path,
    pub limits: &'a Limits,
}

impl Ctx<'_> {
    /// Id for item `n` of a file when the item has none of its own.
    pub(crate) fn item_id(&self, n: usize) -> String {
        clean::hash_id(&[self.id_base.as_os_str().as_encoded_bytes(), n.to_string().as_bytes()])
    }
}

fn single(article: Option<Article>) -> Loaded {
    Loaded { articles: article.into_iter().collect(), warnings: Vec::new() }
}

/// Guesses the format from the text itself.
fn sniff(text: &str) -> Format {
    let t = text.trim_start();
    if t.starts_with('{') || t.starts_with('[') {
        let lines = t.lines().filter(|l| !l.trim().is_empty()).take(3).collect::<Vec<_>>();
        let jsonl = lines.len() > 1
            && lines.iter().all(|l| l.trim_start().starts_with('{') && l.trim_end().ends_with('}'));
        return if jsonl { Format::JsonLines } else { Format::Json };
    }
    if t.starts_with("---") || t.starts_with("+++") {
        return Format::Markdown;
    }
    if t.starts_with('<') {
        return match root_element(t).as_deref().map(local_name) {
            Some("rss" | "feed" | "rdf" | "entry" | "channel") => Format::Feed,
            Some(_) | None => Format::Html,
        };
    }
    Format::Text
}

/// An element name without its namespace prefix (`a:feed` is a feed, `rdf:RDF` an RSS 1.0).
fn local_name(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// Lower-cased name of the first element, skipping the prolog, comments and doctype.
fn root_element(mut t: &str) -> Option<String> {
    loop {
        t = t.trim_start();
        if let Some(rest) = t.strip_prefix("<?") {
            t = rest.split_once("?>")?.1;
        } else if let Some(rest) = t.strip_prefix("<!--") {
            t = rest.split_once("-->")?.1;
        } else if t.starts_with("<!") {
            let end = declaration_end(t)?;
            let (decl, rest) = (&t[..end], &t[end + 1..]);
            // An HTML doctype with no element after it is still a page; when an element
            // follows, it decides (feeds copied from pages keep the page's doctype).
            if decl.to_ascii_lowercase().contains("html") && !rest.trim_start().starts_with('<') {
                return Some("html".into());
            }
            t = rest;
        } else {
            let rest = t.strip_prefix('<')?;
            let end = rest.find(|c: char| c.is_whitespace() || c == '>' || c == '/').unwrap_or(rest.len());
            return Some(rest[..end].to_ascii_lowercase());
        }
    }
}

/// The index of the `>` that ends the declaration `t` starts with (`<!DOCTYPE …>`): past a
/// bracketed internal subset, whose own declarations hold `>` too, and past quoted strings.
pub(crate) fn declaration_end(t: &str) -> Option<usize> {
    let mut quote = None;
    let mut subset = false;
    for (i, c) in t.char_indices() {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[') => subset = true,
            (None, ']') => subset = false,
            (None, '>') if !subset => return Some(i),
            _ => {}
        }
    }
    None
}

/// Applies the article contract to every field and makes ids unique within the file.
fn finish(articles: &mut [Article], path: &Path, id_base: &Path, damaged: bool) {
    let single = articles.len() == 1;
    let mut seen = std::collections::HashSet::new();
    for (n, a) in articles.iter_mut().enumerate() {
        a.path = path.to_path_buf();
        a.pack_given();
        a.damaged |= damaged || a.body.contains('\u{fffd}');
        a.title = clean::field(&a.title);
        if a.title.is_empty() {
            a.title = clean::title_from_text(&a.body, 80);
        }
        for f in [&mut a.date, &mut a.author, &mut a.source, &mut a.url] {
            *f = clean::opt_field(f.as_deref());
        }
        a.lang = clean::opt_field(a.lang.as_deref()).map(|l| l.to_lowercase());
        let mut tags: Vec<String> = Vec::new();
        for t in a.tags.iter().map(|t| clean::field(t)) {
            if !t.is_empty() && !tags.contains(&t) {
                tags.push(t);
            }
        }
        a.tags = tags;
        a.id = if !a.id.is_empty() {
            clean::source_id(&a.id)
        } else if single {
            clean::hash_id(&[id_base.as_os_str().as_encoded_bytes()])
        } else {
            clean::hash_id(&[id_base.as_os_str().as_encoded_bytes(), n.to_string().as_bytes()])
        };
        unique_id(&mut a.id, &mut seen);
    }
}

/// Appends `~2`, `~3`… to an id already in `seen`.
pub(crate) fn unique_id(id: &mut String, seen: &mut std::collections::HashSet<String>) {
    if !seen.contains(id.as_str()) {
        seen.insert(id.clone());
        return;
    }
    let mut k = 2;
    while seen.contains(&format!("{id}~{k}")) {
        k += 1;
    }
    id.push_str(&format!("~{k}"));
    seen.insert(id.clone());
}
