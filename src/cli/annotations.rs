//! `byline export` and `byline import`: the user's annotations to and from the formats NLP
//! tools read (see `annotate::formats`).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use std::process::ExitCode;

use crate::annotate::formats::{self, ExportOptions, Format};
use crate::config::Config;
use crate::service::export::annotated_docs;
use crate::service::import::import_docs;

pub fn run_export(format: &str, out: Option<&Path>, reviewed_only: bool, force: bool) -> Result<()> {
    let format: Format = format.parse().map_err(anyhow::Error::msg)?;
    let mut store = super::store_cmds::open_store_to_read()?;
    let set = annotated_docs(&mut store, reviewed_only)?;
    if set.unreviewed > 0 {
        eprintln!(
            "left out {} stories whose review is not complete (suggestions not yet accepted or rejected)",
            set.unreviewed
        );
    }
    if set.in_own_text > 0 {
        eprintln!(
            "{} documents are written in byline's text (some span could not be placed in the text as given)",
            set.in_own_text
        );
    }
    let orphans = store.orphaned_annotations()?.len();
    if orphans > 0 {
        eprintln!(
            "{orphans} annotations belong to stories no longer in the library; `byline export --orphans` writes them"
        );
    }
    let docs = set.docs;
    let files = formats::export(&docs, format, &ExportOptions { reviewed_only })?;
    match (out, format) {
        (None, Format::Brat) => bail!("brat writes a file pair per document: give --out FOLDER"),
        (None, _) => {
            let mut stdout = std::io::stdout().lock();
            for (_, contents) in &files {
                stdout.write_all(contents.as_bytes())?;
            }
        }
        (Some(dir), Format::Brat) => {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            for (name, contents) in &files {
                super::write_new(&dir.join(name), contents, force)?;
            }
            eprintln!("wrote {} files to {}", files.len(), dir.display());
        }
        (Some(path), _) => {
            let contents: String = files.iter().map(|(_, c)| c.as_str()).collect();
            super::write_new(path, &contents, force)?;
            eprintln!("wrote {} documents to {}", docs.len(), path.display());
        }
    }
    Ok(())
}

/// The annotations whose story is gone, one JSON object a line: the story id they were made on,
/// the span's text with its context, label, decision and the rest.
pub fn run_export_orphans(out: Option<&Path>, force: bool) -> Result<()> {
    let store = super::store_cmds::open_store()?;
    let orphans = store.orphaned_annotations()?;
    let mut lines = String::new();
    for (story, a) in &orphans {
        let record = serde_json::json!({
            "story": story, "text": a.quote.exact, "prefix": a.quote.prefix, "suffix": a.quote.suffix,
            "label": a.label, "status": a.status.as_str(), "entity": a.entity, "kb_id": a.kb_id,
            "note": a.note, "origin": a.origin,
        });
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    match out {
        Some(path) => {
            super::write_new(path, &lines, force)?;
            eprintln!("wrote {} annotations to {}", orphans.len(), path.display());
        }
        None => std::io::stdout().lock().write_all(lines.as_bytes())?,
    }
    Ok(())
}

/// The most an import reads, all its files together: it holds them, and what it makes of them,
/// in memory at once.
pub const MAX_IMPORT_BYTES: u64 = 256 * 1024 * 1024;

/// The (name, contents) files an import reads: the file itself, or for brat a folder's (or a
/// file's sibling) `.txt`/`.ann` pairs. More than `MAX_IMPORT_BYTES` in all is refused before
/// anything is read.
fn import_files(path: &Path, format: Format) -> Result<Vec<(String, String)>> {
    let left = std::cell::Cell::new(MAX_IMPORT_BYTES);
    let read = |p: &Path| -> Result<(String, String)> {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let bytes = crate::library::read_capped(p, left.get()).map_err(|e| match e {
            crate::library::LoadError::TooLarge { .. } => anyhow::anyhow!(
                "{} is too large to import: an import reads at most {} MiB (split the file)",
                p.display(),
                MAX_IMPORT_BYTES / (1024 * 1024)
            ),
            other => anyhow::anyhow!("reading {}: {}", p.display(), other.reason()),
        })?;
        left.set(left.get() - bytes.len() as u64);
        let text =
            String::from_utf8(bytes).with_context(|| format!("reading {}: not UTF-8 text", p.display()))?;
        Ok((name, text))
    };
    if format != Format::Brat {
        return Ok(vec![read(path)?]);
    }
    let paths: Vec<PathBuf> = if path.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(path)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        v.sort();
        v.into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "ann")).collect()
    } else {
        vec![path.with_extension("txt"), path.with_extension("ann")]
    };
    paths.iter().map(|p| read(p)).collect()
}

pub fn run_import(path: &Path, format: &str, finished: bool, config: &Config) -> Result<ExitCode> {
    let format: Format = format.parse().map_err(anyhow::Error::msg)?;
    if !format.can_import() {
        bail!("{format} is export only: import reads prodigy, doccano or brat");
    }
    let docs = formats::import(&import_files(path, format)?, format)?;
    let mut store = super::store_cmds::open_store()?;
    // The library is indexed first (incrementally), so that documents find the stories of
    // files never indexed before.
    let source = super::source_of(&[], config);
    super::store_cmds::index(&mut store, &source, config, false)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let created_dir = super::feeds_dir()?.join(IMPORTED_FOLDER);
    let report = import_docs(&mut store, docs, &name, &created_dir, finished)?;
    for (id, reason) in &report.rejected {
        eprintln!("rejected: document {}: {reason}", crate::text::printable(id));
    }
    for why in &report.spans_refused {
        eprintln!("refused a span: {why}");
    }
    say!("{}", report.summary())?;
    if report.created > 0 {
        say!("new stories are kept in {}", created_dir.display())?;
    }
    if report.imported_nothing() {
        eprintln!("byline: nothing was imported from {}", path.display());
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// The folder, inside the feeds folder (so the reader shows and indexes it with fetched
/// items), where imported documents that matched no story are kept.
pub const IMPORTED_FOLDER: &str = "_imported";
