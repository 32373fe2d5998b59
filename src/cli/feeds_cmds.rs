//! `byline fetch` and `byline feeds …`: subscriptions, OPML, fetching with progress and a
//! summary, and the parsing sweep.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Subcommand;

use super::store_cmds::{index, open_store, open_store_to_read};
use crate::config::Config;
use crate::feeds::subscriptions::{self, Added, Origin};
use crate::feeds::{self, opml, sweep};
use crate::service::Source;

use crate::text::printable;

#[derive(Subcommand, Debug)]
pub enum FeedsCmd {
    /// Subscribe to a feed (kept in the library database; `[[feeds]]` in the config file works
    /// too).
    Add {
        url: String,
        #[arg(long)]
        name: Option<String>,
        /// A tag for every story of this feed (repeatable).
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// Fetch each item's web page and keep its main text instead of the feed's excerpt.
        #[arg(long)]
        full_text: bool,
    },
    /// List every subscription (config file and database) with its last fetch.
    List,
    /// Unsubscribe from a feed, by URL or name. Its stored stories stay unless --purge.
    Remove {
        target: String,
        /// Also delete the stories stored from this feed.
        #[arg(long)]
        purge: bool,
    },
    /// Subscribe to every feed of an OPML file (folders and categories become tags).
    Import { file: PathBuf },
    /// Write every subscription as OPML, to FILE or standard output.
    Export {
        file: Option<PathBuf>,
        /// Overwrite FILE if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Parse every file under PATH as a downloaded feed; print the counts and each failure.
    Sweep {
        path: PathBuf,
        /// List every failing file with its reason (default: the reasons with their counts).
        #[arg(long)]
        verbose: bool,
    },
}

pub fn run(cmd: FeedsCmd, config: &Config) -> Result<ExitCode> {
    match cmd {
        FeedsCmd::Add { url, name, tags, full_text } => {
            let store = open_store()?;
            match subscriptions::add(config, &store, &url, name.as_deref(), &tags, full_text)? {
                Added::New(feed) => say!("subscribed to {}", printable(feed.label()))?,
                Added::AlreadyInConfig => say!("{} is already in the config file", printable(url.trim()))?,
                Added::AlreadySubscribed => say!("already subscribed to {}", printable(url.trim()))?,
            }
        }
        FeedsCmd::List => list(config)?,
        FeedsCmd::Remove { target, purge } => {
            let store = open_store()?;
            let feed = subscriptions::remove(config, &store, &target)?;
            say!("unsubscribed from {}", printable(feed.label()))?;
            let folder = super::feeds_dir()?.join(feeds::slug(&feed.url));
            if purge && folder.is_dir() {
                std::fs::remove_dir_all(&folder).with_context(|| format!("deleting {}", folder.display()))?;
                // Drop the deleted stories from the index now rather than at the next index.
                index(&mut open_store()?, &Source::Paths(vec![super::feeds_dir()?]), config, false)?;
                say!("deleted its stored stories ({})", folder.display())?;
            } else if folder.is_dir() {
                say!("its stories stay in {} (--purge deletes them)", folder.display())?;
            }
        }
        FeedsCmd::Import { file } => {
            let text = std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            let text = String::from_utf8_lossy(&text);
            let found = opml::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            let store = open_store()?;
            let report = subscriptions::import(config, &store, &found)?;
            for (url, why) in &report.rejected {
                eprintln!("left out: {}: {}", printable(url), printable(why));
            }
            say!(
                "{} feeds in {}: {} added, {} already subscribed, {} left out",
                found.len(),
                file.display(),
                report.added,
                report.already,
                report.rejected.len()
            )?;
        }
        FeedsCmd::Export { file, force } => {
            let store = open_store_to_read()?;
            let feeds = subscriptions::all(config, &store)?;
            let text = opml::write("byline subscriptions", &subscriptions::to_opml(&feeds));
            match file {
                Some(path) => {
                    super::write_new(&path, &text, force)?;
                    eprintln!("{} feeds written to {}", feeds.len(), path.display());
                }
                None => io::stdout().lock().write_all(text.as_bytes())?,
            }
        }
        FeedsCmd::Sweep { path, verbose } => return run_sweep(&path, verbose, config),
    }
    Ok(ExitCode::SUCCESS)
}

fn list(config: &Config) -> Result<()> {
    let store = open_store_to_read()?;
    let feeds = subscriptions::all(config, &store)?;
    if feeds.is_empty() {
        say!("no feeds: add one with `byline feeds add URL` or [[feeds]] in the config file")?;
        return Ok(());
    }
    let mut out = io::stdout().lock();
    for f in &feeds {
        let status = store.feed_status(&f.url)?;
        let mut notes = vec![match f.origin {
            Origin::Config => "config".to_string(),
            Origin::Store => "added".to_string(),
        }];
        if f.full_text {
            notes.push("full text".into());
        }
        if !f.tags.is_empty() {
            notes.push(format!("tags: {}", f.tags.join(", ")));
        }
        notes.push(match status.status {
            Some(s) => format!("last fetch: {s}"),
            None => "never fetched".into(),
        });
        if let Some(to) = store.feed_validators(&f.url)?.moved_to {
            notes.push(format!("moved permanently to {to}"));
        }
        writeln!(
            out,
            "{}\t{}\t{}",
            printable(&f.url),
            printable(f.name.as_deref().unwrap_or("")),
            printable(&notes.join("; "))
        )?;
    }
    Ok(())
}

/// `byline fetch`: every feed, a progress bar on a terminal, one line per feed, a summary,
/// then the feeds folder is indexed.
pub fn run_fetch(config: &Config) -> Result<ExitCode> {
    let mut store = open_store()?;
    let feeds = subscriptions::all(config, &store)?;
    if feeds.is_empty() {
        say!("no feeds: add one with `byline feeds add URL` or [[feeds]] in the config file")?;
        return Ok(ExitCode::SUCCESS);
    }
    let dir = super::feeds_dir()?;
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let bar = io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(feeds.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} feeds {wide_msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let mut progress = |done: usize, _total: usize, label: &str| {
        if let Some(bar) = &bar {
            bar.set_position(done as u64);
            bar.set_message(printable(label).to_string());
        }
    };
    let report = feeds::fetch_all(&store, &feeds, &dir, &config.fetch, &mut progress);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    for o in &report.outcomes {
        say!("{}", printable(&o.line()))?;
    }
    say!("{} in {:.1} s", report.summary(), report.elapsed.as_secs_f64())?;
    let indexed = index(&mut store, &Source::Paths(vec![dir]), config, true)?;
    for s in &indexed.skipped {
        eprintln!("skipped: {s}");
    }
    say!("indexed: {}", indexed.summary())?;
    Ok(if report.failures().next().is_some() { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn run_sweep(path: &std::path::Path, verbose: bool, config: &Config) -> Result<ExitCode> {
    if !path.exists() {
        bail!("no such file or folder: {}", path.display());
    }
    let limits = crate::service::source::limits(config);
    let report = sweep::sweep(path, &limits);
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "{} files: {} parsed as feeds ({} items, {} without text, {} repaired or with replaced bytes; \
         {} feeds with no items), {} not usable",
        report.files,
        report.parsed,
        report.items,
        report.items_without_text,
        report.damaged_items,
        report.empty,
        report.failed.len()
    )?;
    if verbose {
        for (file, why) in &report.failed {
            writeln!(out, "  {}: {}", file.display(), printable(why))?;
        }
    } else {
        for (why, n) in report.reasons() {
            writeln!(out, "  {n:>4}  {}", printable(&why))?;
        }
    }
    if report.oracle_checked > 0 {
        writeln!(
            out,
            "item counts equal to the expected parse (NAME.serde.json): {}/{}",
            report.oracle_checked - report.oracle_mismatches.len(),
            report.oracle_checked
        )?;
        for (file, got, expected) in &report.oracle_mismatches {
            writeln!(out, "  {}: {got} items, expected {expected}", file.display())?;
        }
    }
    if let Some((file, took)) = &report.slowest {
        writeln!(
            out,
            "slowest: {} in {} ms; all in {:.2} s",
            file.display(),
            took.as_millis(),
            report.elapsed.as_secs_f64()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
