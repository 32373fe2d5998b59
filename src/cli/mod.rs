//! Command line: the reader (default) and scriptable subcommands. Config is loaded and checked
//! here, before the terminal is touched.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};

use crate::config::Config;
use crate::extract::Lang;
use crate::service::Source;

/// `println!` that hands the error back when nothing reads the output any more (`byline
/// doctor | head`) instead of panicking; `main` then ends quietly.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)
    }};
}

mod annotations;
mod entity_cmds;
mod facts;
mod feeds_cmds;
mod nlp;
mod query_cmds;
mod review;
mod store_cmds;
mod sweep;
use crate::library::{self, Article, Limits, Skipped};

#[derive(Parser, Debug)]
#[command(
    name = "byline",
    version,
    about = "A terminal news reader for close reading",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Articles or folders to open (folders are searched recursively). Without paths: the
    /// configured library, else the bundled samples.
    pub paths: Vec<PathBuf>,
    /// Use this config file instead of the one in the config folder.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Cmd>,
}

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Print one line per article: ID, DATE, SOURCE, TITLE separated by tabs, newest first.
    /// Arguments that name existing files or folders are the scope (default: the library); the
    /// others are a query (`unread tag:world -lang:en since:7d entity:"Tony Blair" words`; see
    /// README, Queries).
    List {
        /// Files or folders, then the query's terms (after `--` when the first starts with `-`:
        /// `byline list -- -tag:sport`).
        args: Vec<String>,
        /// A saved query (`[[queries]]` in the config), ANDed with the query given.
        #[arg(long, value_name = "NAME")]
        query: Option<String>,
        /// A JSON array of stories (id, title, date as ISO 8601, source, lang, tags, read,
        /// starred).
        #[arg(long)]
        json: bool,
    },
    /// Print an article: title, metadata, then the body.
    Show {
        /// An article ID (as `byline list` prints it, or a unique prefix) or a file path.
        target: String,
        /// No styling, no wrapping: the header, a blank line, the body exactly as stored.
        #[arg(long)]
        plain: bool,
    },
    /// Index the library (or the given files and folders) into the database: only new or
    /// changed files are read.
    Index {
        paths: Vec<PathBuf>,
        /// Drop the cached articles, index and facts first (reading state is kept).
        #[arg(long)]
        rebuild: bool,
    },
    /// Full-text search of titles and bodies: words (all must match, case and accents
    /// ignored), "a phrase", prefix*; and the rest of the query language (README, Queries).
    Search {
        #[arg(allow_hyphen_values = true)]
        query: String,
        #[arg(long)]
        json: bool,
        /// At most this many results, best first.
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// What the library knows of an entity (person, organisation, place) under all its names:
    /// its stories newest first, roles, quotes, company, timeline. `merge`, `split`, `undo` and
    /// `redo` change which names are one entity (an entity called "merge": `entity -- merge`).
    #[command(args_conflicts_with_subcommands = true)]
    Entity {
        #[command(subcommand)]
        command: Option<entity_cmds::EntityCmd>,
        #[arg(required = true)]
        name: Option<String>,
        /// Every story, as JSON (the page's other fields first).
        #[arg(long)]
        json: bool,
        /// List every story, not only the newest the page shows.
        #[arg(long)]
        all: bool,
    },
    /// Check the library database and say what was found, without writing to it; with --sweep,
    /// load every file under a folder and report what happened to each.
    Doctor {
        #[arg(long, value_name = "PATH", conflicts_with = "salvage")]
        sweep: Option<PathBuf>,
        /// Copy what can be read of your annotations (with their undo log), read marks and
        /// stars, reviews and feed subscriptions from a damaged database into a fresh one, which
        /// takes its place; the damaged file is kept beside it.
        #[arg(long)]
        salvage: bool,
        /// Per-file time limit of the sweep, in seconds.
        #[arg(long, default_value_t = 10)]
        timeout: u64,
    },
    /// Export your annotations (and, unless --reviewed-only, the suggestions you have not
    /// judged) for NLP tools. Offsets are in code points; CoNLL IOB2 is lossy (whole tokens
    /// only, no overlaps, statuses, links or notes).
    Export {
        #[arg(long, value_parser = ["prodigy", "doccano", "brat", "conll", "spacy-json", "patterns"], required_unless_present = "orphans")]
        format: Option<String>,
        /// Output file (a folder for brat); standard output when absent.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Only spans you accepted or rejected.
        #[arg(long)]
        reviewed_only: bool,
        /// Overwrite an existing output file.
        #[arg(long)]
        force: bool,
        /// Write instead, as JSON Lines, the annotations whose story is no longer in the library
        /// (its file deleted, or changed and moved at once): each with its text and context.
        #[arg(long)]
        orphans: bool,
    },
    /// Where the review of each story stands: not started, in progress or done, and the
    /// suggestions judged of all there are (STATE, JUDGED/TOTAL, ID, TITLE separated by tabs;
    /// a summary on standard error).
    Review {
        /// Files or folders (default: the library).
        paths: Vec<PathBuf>,
        /// One JSON object per story and line: id, title, state, judged, unjudged, total, done,
        /// and complete (what `export --reviewed-only` takes).
        #[arg(long)]
        json: bool,
    },
    /// Import annotations made elsewhere. Spans keep the decision the file states (Prodigy's
    /// accept and reject answers); others arrive as suggestions to review. Each document goes to
    /// the story with its id, file or text; one that matches none becomes a story of its own.
    /// Importing the same file again adds nothing.
    Import {
        /// The file (for brat: an .ann file or a folder of .txt/.ann pairs).
        file: PathBuf,
        #[arg(long, value_parser = ["prodigy", "doccano", "brat"])]
        format: String,
        /// The file holds finished annotations (doccano and brat cannot say so): its spans are
        /// accepted and each document's review is complete.
        #[arg(long)]
        finished: bool,
    },
    /// Score the extractor on gold data: exact-match precision/recall/F1 overall and per label,
    /// overlap F1, and tokens per second.
    Eval {
        file: PathBuf,
        /// conll (token TAB tag, or idx TAB token TAB tag) or hipe (HIPE-2020 TSV); default
        /// from the extension (.tsv is hipe).
        #[arg(long, value_parser = ["conll", "hipe"])]
        format: Option<String>,
        #[arg(long, value_parser = ["fr", "en"])]
        lang: Option<String>,
        #[arg(long)]
        json: bool,
        /// Score only every N-th sentence/document (index % N == N-1): the part that
        /// `train --split-dev N` held out.
        #[arg(long, value_name = "N")]
        every: Option<usize>,
        /// rules, tagger or combined (the default, what byline uses).
        #[arg(long, default_value = "combined", value_parser = ["rules", "tagger", "combined"])]
        extractor: String,
        /// Score facts (speakers of quotations, sources) against a JSON-lines gold file such as
        /// tests/data/wikinews-fr/gold.jsonl (the default for a .jsonl file).
        #[arg(long)]
        facts: bool,
        /// With facts: also list each wrong or missed speaker and source (never those of the
        /// held-out "test" split).
        #[arg(long)]
        errors: bool,
    },
    /// Train an entity tagger model (averaged perceptron) from CoNLL or HIPE files.
    Train {
        #[arg(long, value_parser = ["fr", "en"])]
        lang: String,
        /// CoNLL training files (2 or 3 columns, IOB/IOB2).
        #[arg(long, num_args = 1..)]
        conll: Vec<PathBuf>,
        /// HIPE-2020 TSV training files.
        #[arg(long, num_args = 1..)]
        hipe: Vec<PathBuf>,
        /// Held-out data: F1 is reported per epoch and the best epoch kept.
        #[arg(long)]
        dev: Option<PathBuf>,
        /// Without --dev: hold out every N-th sentence of the first file.
        #[arg(long, value_name = "N")]
        split_dev: Option<usize>,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, default_value_t = 15)]
        epochs: usize,
        /// Also learn from the annotations you accepted in the reader.
        #[arg(long)]
        with_annotations: bool,
    },
    /// Download every feed's new stories (the config file's [[feeds]] and `byline feeds add`'s),
    /// store them for offline reading under the data folder, and index them. Exits with 1 when
    /// a feed failed (the others are fetched all the same).
    Fetch,
    /// Feed subscriptions: add, list, remove, OPML import and export, and a parsing sweep.
    Feeds {
        #[command(subcommand)]
        command: feeds_cmds::FeedsCmd,
    },
    /// Print the people (with roles), organisations, places, dates, quotes and sources found
    /// in each article of a file.
    Facts {
        /// An article file (or an ID); files holding several articles print one result each.
        target: String,
        /// One JSON object per article and line (offsets in code points into the body as
        /// `show --plain` prints it).
        #[arg(long)]
        json: bool,
        /// Force the language instead of the article's own or the guessed one.
        #[arg(long, value_parser = ["fr", "en"])]
        lang: Option<String>,
    },
}

pub fn main() -> ExitCode {
    crate::tui::install_panic_hook();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // The reader of the output has gone (`byline feeds list | head`): nothing left to say.
        Err(e) if broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("byline: {}", crate::text::printable(&one_line_chain(&e)));
            if damaged_database(&e)
                && let Ok(path) = database_path()
            {
                eprintln!("byline: {}", store_cmds::rescue_advice(&path));
            }
            ExitCode::from(2)
        }
    }
}

/// The error and its causes on one line, each said once: SQLite's message came back in the
/// store's error, again as its cause and again as that one's (`Error code 11: …`).
fn one_line_chain(e: &anyhow::Error) -> String {
    let mut line = String::new();
    let mut last = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        let repeated = line.contains(&text) || (!last.is_empty() && text.contains(&last));
        if !repeated {
            if !line.is_empty() {
                line.push_str(": ");
            }
            line.push_str(&text);
        }
        last = text;
    }
    line
}

fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<io::Error>().is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe))
}

/// Whether SQLite said the library database is damaged, somewhere in the chain.
fn damaged_database(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<crate::store::StoreError>().is_some_and(crate::store::StoreError::is_damage)
            || c.downcast_ref::<rusqlite::Error>().is_some_and(crate::store::is_damage)
    })
}

fn run(cli: Cli) -> Result<ExitCode> {
    let config = load_config(cli.config.as_deref())?;
    match cli.command {
        None => {
            let missing: Vec<&PathBuf> = cli.paths.iter().filter(|p| !p.exists()).collect();
            if !missing.is_empty() && missing.len() == cli.paths.len() {
                let names: Vec<String> = missing.iter().map(|p| p.display().to_string()).collect();
                bail!("no such file or folder: {}", crate::text::printable(&names.join(", ")));
            }
            if cli.paths.is_empty() {
                // The reader shows fetched feeds: the folder must exist to be in its scope. A data
                // folder that cannot be written is read as it is.
                let dir = feeds_dir()?;
                if let Err(e) = std::fs::create_dir_all(&dir) {
                    eprintln!("byline: cannot create {}: {e}", dir.display());
                }
            }
            let source = source_of(&cli.paths, &config);
            crate::app::run(&config, &database_path()?, source, &feeds_dir()?)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Cmd::List { args, query, json }) => {
            // Existing files and folders are the scope; the rest is the query.
            let (paths, words): (Vec<String>, Vec<String>) =
                args.into_iter().partition(|a| Path::new(a).exists());
            let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
            if json || query.is_some() || !words.is_empty() {
                let expr = match query_cmds::query_of(&words.join(" "), query.as_deref(), &config) {
                    Ok(expr) => expr,
                    Err(code) => return Ok(code),
                };
                return query_cmds::run_list(&paths, expr, json, &config);
            }
            let (stories, skipped) = load_library(&paths, &config);
            print_skipped(&skipped);
            let mut out = io::stdout().lock();
            for a in &stories {
                let field = |s: &Option<String>| s.as_deref().map(one_field).unwrap_or_default();
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    one_field(&a.id),
                    field(&a.date),
                    field(&a.source),
                    one_field(&a.title)
                )?;
            }
            Ok(if stories.is_empty() { ExitCode::FAILURE } else { ExitCode::SUCCESS })
        }
        Some(Cmd::Show { target, plain }) => {
            let articles = find_articles(&target, &config)?;
            let mut out = io::stdout().lock();
            let styled = !plain && io::stdout().is_terminal() && !config.no_color;
            for (i, a) in articles.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                write_article(&mut out, a, styled)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Cmd::Index { paths, rebuild }) => {
            store_cmds::run_index(&paths, &config, rebuild)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Cmd::Search { query, json, limit }) => store_cmds::run_search(&query, json, limit, &config),
        Some(Cmd::Entity { command: Some(command), .. }) => entity_cmds::run(command, &config),
        Some(Cmd::Entity { name, json, all, .. }) => {
            entity_cmds::show(name.as_deref().unwrap_or_default(), json, all, &config)
        }
        Some(Cmd::Export { format: _, out, orphans: true, force, .. }) => {
            annotations::run_export_orphans(out.as_deref(), force)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Cmd::Export { format, out, reviewed_only, force, .. }) => {
            annotations::run_export(
                format.as_deref().unwrap_or_default(),
                out.as_deref(),
                reviewed_only,
                force,
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Cmd::Review { paths, json }) => {
            review::run_review(&paths, json, &config)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Cmd::Import { file, format, finished }) => {
            annotations::run_import(&file, &format, finished, &config)
        }
        Some(Cmd::Eval { file, format, lang, json, every, extractor, facts, errors }) => {
            let extractor = match extractor.as_str() {
                "rules" => crate::extract::Extractor::Rules,
                "tagger" => crate::extract::Extractor::Tagger,
                _ => crate::extract::Extractor::Combined,
            };
            let lang = lang.as_deref().and_then(Lang::from_code);
            nlp::run_eval(nlp::EvalArgs {
                file: &file,
                format: format.as_deref(),
                lang,
                json,
                every,
                extractor,
                facts,
                errors,
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Cmd::Train { lang, conll, hipe, dev, split_dev, out, seed, epochs, with_annotations }) => {
            let args =
                nlp::TrainArgs { lang, conll, hipe, dev, split_dev, out, seed, epochs, with_annotations };
            nlp::run_train(args)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Cmd::Doctor { sweep: Some(path), timeout, .. }) => {
            let clean = sweep::run(&path, std::time::Duration::from_secs(timeout))?;
            Ok(if clean { ExitCode::SUCCESS } else { ExitCode::FAILURE })
        }
        Some(Cmd::Doctor { sweep: None, salvage: true, .. }) => {
            Ok(if store_cmds::run_salvage()? { ExitCode::SUCCESS } else { ExitCode::FAILURE })
        }
        Some(Cmd::Doctor { sweep: None, .. }) => {
            Ok(if store_cmds::run_doctor()? { ExitCode::SUCCESS } else { ExitCode::FAILURE })
        }
        Some(Cmd::Fetch) => feeds_cmds::run_fetch(&config),
        Some(Cmd::Feeds { command }) => feeds_cmds::run(command, &config),
        Some(Cmd::Facts { target, json, lang }) => {
            let articles = find_articles(&target, &config)?;
            facts::print(&articles, json, lang.as_deref().and_then(Lang::from_code))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Tabs and newlines would break the one-line, tab-separated output.
fn one_field(s: &str) -> String {
    s.chars().map(|c| if c == '\t' || c == '\n' || c == '\r' { ' ' } else { c }).collect()
}

fn print_skipped(skipped: &[Skipped]) {
    for s in skipped {
        eprintln!("skipped: {s}");
    }
}

/// The config file: `--config`, else `config.toml` in `BYLINE_CONFIG_DIR` or the platform's
/// config folder. A missing file is the defaults; a bad one is an error.
pub fn load_config(explicit: Option<&Path>) -> Result<Config> {
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => config_dir().map(|d| d.join("config.toml")),
    };
    // Only a config folder with nothing named `config.toml` means the defaults: a link that
    // leads nowhere or loops is an error, not silently no config.
    let mut config = match path {
        Some(path) if explicit.is_some() || std::fs::symlink_metadata(&path).is_ok() => {
            let bytes = crate::library::read_capped(&path, MAX_CONFIG_BYTES)
                .map_err(|e| config_unreadable(&path, e))?;
            let text = String::from_utf8(bytes)
                .map_err(|_| anyhow::anyhow!("config {} is not UTF-8 text", path.display()))?;
            Config::parse(&text, &path)?
        }
        _ => Config::default(),
    };
    config.no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    Ok(config)
}

/// A config file is a few kilobytes; this is far more than any.
const MAX_CONFIG_BYTES: u64 = 4 * 1024 * 1024;

/// Why the config file could not be read, saying what a symbolic link does wrong.
fn config_unreadable(path: &Path, e: library::LoadError) -> anyhow::Error {
    let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let target = std::fs::read_link(path).map(|t| t.display().to_string()).unwrap_or_default();
    let why = match &e {
        library::LoadError::Io(io) if link && io.raw_os_error() == Some(libc::ELOOP) => {
            format!("is a symbolic link that loops ({target})")
        }
        library::LoadError::Io(io) if link && io.kind() == io::ErrorKind::NotFound => {
            format!("is a symbolic link to {target}, which does not exist")
        }
        other => format!("cannot be read: {}", other.reason()),
    };
    anyhow::anyhow!("the config file {} {}", path.display(), crate::text::printable(&why))
}

pub fn config_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("BYLINE_CONFIG_DIR") {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "byline").map(|d| d.config_dir().to_path_buf())
}

pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("BYLINE_DATA_DIR") {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "byline").map(|d| d.data_dir().to_path_buf())
}

/// What the reader opens: the given paths, else the configured library (else the samples)
/// with the fetched feeds when there are any.
pub fn source_of(paths: &[PathBuf], config: &Config) -> Source {
    if !paths.is_empty() {
        return Source::Paths(paths.to_vec());
    }
    let library = if config.library_paths.is_empty() {
        Source::Bundled
    } else {
        Source::Paths(config.library_paths.clone())
    };
    match feeds_dir() {
        Ok(dir) if dir.is_dir() => library.with_feeds(dir),
        _ => library,
    }
}

/// Where fetched feed items are stored: `feeds/` in the data folder.
pub fn feeds_dir() -> Result<PathBuf> {
    Ok(crate::feeds::feeds_dir(&data_dir().context("no data folder: set BYLINE_DATA_DIR")?))
}

/// The library database in the data folder.
pub fn database_path() -> Result<PathBuf> {
    let dir = data_dir().context("no data folder: set BYLINE_DATA_DIR")?;
    Ok(dir.join("byline.db"))
}

/// The articles of a source read straight from the files (for the scriptable commands).
pub fn load_library(paths: &[PathBuf], config: &Config) -> (Vec<Article>, Vec<Skipped>) {
    let limits = crate::service::source::limits(config);
    load_source(&source_of(paths, config), &limits)
}

fn load_source(source: &Source, limits: &Limits) -> (Vec<Article>, Vec<Skipped>) {
    match source {
        Source::Paths(paths) => library::load_paths(paths, limits),
        Source::Bundled => {
            let mut articles = Vec::new();
            let mut skipped = Vec::new();
            for (name, text) in crate::samples::FILES {
                match library::parse_bytes(Path::new(name), text.as_bytes(), limits) {
                    Ok(loaded) => articles.extend(loaded.articles),
                    Err(e) => skipped.push(Skipped { path: name.into(), reason: e.reason(), line: None }),
                }
            }
            (articles, skipped)
        }
        Source::WithFeeds(library, feeds) => {
            let (mut articles, mut skipped) = load_source(library, limits);
            let (more, more_skipped) = library::load_paths(std::slice::from_ref(feeds), limits);
            articles.extend(more);
            skipped.extend(more_skipped);
            (articles, skipped)
        }
    }
}

/// `show`'s target: an existing path, else an article id (or unique id prefix) in the library.
fn find_articles(target: &str, config: &Config) -> Result<Vec<Article>> {
    let path = Path::new(target);
    if path.exists() {
        let (articles, skipped) = load_library(&[path.to_path_buf()], config);
        print_skipped(&skipped);
        if articles.is_empty() {
            bail!("no article could be loaded from {target}");
        }
        return Ok(articles);
    }
    // An id: the library's, as every other command sees it (`list`, `search`, `entity`, the
    // reader), from the store once the library is indexed.
    let mut store = store_cmds::open_store()?;
    store_cmds::index(&mut store, &source_of(&[], config), config, false)?;
    if let Some(found) = store.article(target)? {
        return Ok(vec![found.article]);
    }
    let matching = store.ids_starting_with(target, 2)?;
    match matching.as_slice() {
        [one] => Ok(store.article(one)?.map(|f| f.article).into_iter().collect()),
        [] => bail!("no article with id {target:?} and no such file (ids: `byline list`)"),
        _ => bail!("several articles have ids starting with {target:?}; give more of the id"),
    }
}

/// The article as `show` prints it: the header lines, a blank line, then the body verbatim
/// (offsets printed by other commands index into this body).
pub fn write_article(out: &mut impl Write, a: &Article, styled: bool) -> io::Result<()> {
    if styled {
        writeln!(out, "\x1b[1m{}\x1b[0m", a.title)?;
    } else {
        writeln!(out, "{}", a.title)?;
    }
    let fields = [
        ("Date", a.date.clone()),
        ("Source", a.source.clone()),
        ("Author", a.author.clone()),
        ("URL", a.url.clone()),
        ("Lang", a.lang.clone()),
        ("Tags", (!a.tags.is_empty()).then(|| a.tags.join(", "))),
        ("ID", Some(a.id.clone())),
        ("File", Some(a.path.display().to_string())),
        ("Damaged", a.damaged.then(|| "invalid bytes were replaced".to_string())),
    ];
    for (name, value) in fields {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            writeln!(out, "{name}: {}", crate::text::printable(&v))?;
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", a.body)
}

/// Writes an output file, refusing to replace an existing one unless `force`, and the library
/// database (or its log) even then.
fn write_new(path: &Path, contents: &str, force: bool) -> Result<()> {
    if let Ok(db) = database_path()
        && store_cmds::sqlite_files(&db).iter().any(|f| same_file(f, path))
    {
        anyhow::bail!("{} is the library database: byline never writes over it", path.display());
    }
    if path.exists() && !force {
        anyhow::bail!("{} exists: use --force to overwrite it", path.display());
    }
    std::fs::write(path, contents).with_context(|| format!("writing {}", path.display()))
}

/// Whether two paths name one existing file (through links, other spellings, hard links).
fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) else { return false };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        x.dev() == y.dev() && x.ino() == y.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (x, y);
        std::fs::canonicalize(a).ok() == std::fs::canonicalize(b).ok()
    }
}
