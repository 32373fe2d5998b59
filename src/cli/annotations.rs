//! `byline export` and `byline import`: the user's annotations to and from the formats NLP
//! tools read (see `annotate::formats`).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::annotate::Edit;
use crate::annotate::formats::{self, AnnotatedDoc, AnnotatedSpan, ExportOptions, Format, SpanStatus};
use crate::annotate::{Annotation, Status};
use crate::store::Store;

fn span_status(status: Status) -> SpanStatus {
    match status {
        Status::Accepted => SpanStatus::Accepted,
        Status::Rejected => SpanStatus::Rejected,
        Status::Suggested => SpanStatus::Suggested,
    }
}

fn span_of(a: &Annotation) -> AnnotatedSpan {
    AnnotatedSpan {
        start: a.start,
        end: a.end,
        label: a.label.clone(),
        entity: a.entity.clone(),
        kb_id: a.kb_id.clone(),
        status: span_status(a.status),
        note: a.note.clone(),
    }
}

/// Every annotated story as a document: the user's spans, and (unless `reviewed_only`) the
/// extractor's suggestions the user has not decided about.
pub fn annotated_docs(store: &mut Store, reviewed_only: bool) -> Result<Vec<AnnotatedDoc>> {
    let mut docs = Vec::new();
    for (id, _) in store.all_annotations()? {
        let Some(story) = crate::service::story::load_story(store, &id)? else { continue };
        let mut doc = AnnotatedDoc::new(&story.article.id, &story.article.body);
        doc.meta.insert("title".into(), story.article.title.clone().into());
        if let Some(url) = &story.article.url {
            doc.meta.insert("url".into(), url.clone().into());
        }
        let anns = &story.annotations.annotations;
        doc.spans.extend(anns.iter().map(span_of));
        if !reviewed_only {
            for e in &story.facts.entities {
                for m in e.mentions.iter().filter(|m| !anns.iter().any(|a| a.overlaps(m.start, m.end))) {
                    let mut span =
                        AnnotatedSpan::new(m.start, m.end, e.label.as_str(), SpanStatus::Suggested);
                    span.entity = Some(e.name.clone());
                    doc.spans.push(span);
                }
            }
        }
        doc.spans.sort_by_key(|s| (s.start, s.end));
        docs.push(doc);
    }
    Ok(docs)
}

pub fn run_export(format: &str, out: Option<&Path>, reviewed_only: bool, force: bool) -> Result<()> {
    let format: Format = format.parse().map_err(anyhow::Error::msg)?;
    let mut store = super::store_cmds::open_store()?;
    let docs = annotated_docs(&mut store, reviewed_only)?;
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

/// The (name, contents) files an import reads: the file itself, or for brat a folder's (or a
/// file's sibling) `.txt`/`.ann` pairs.
fn import_files(path: &Path, format: Format) -> Result<Vec<(String, String)>> {
    let read = |p: &Path| -> Result<(String, String)> {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        Ok((name, std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?))
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

pub fn run_import(path: &Path, format: &str) -> Result<()> {
    let format: Format = format.parse().map_err(anyhow::Error::msg)?;
    if !format.can_import() {
        bail!("{format} is export only: import reads prodigy, doccano or brat");
    }
    let docs = formats::import(&import_files(path, format)?, format)?;
    let mut store = super::store_cmds::open_store()?;
    let (mut spans, mut unmatched) = (0, 0);
    for doc in docs {
        let Some((article_id, hash)) = store.find_article(&doc.id, &doc.text)? else {
            unmatched += 1;
            eprintln!("skipped: document {:?}: no story in the library has this id or text", doc.id);
            continue;
        };
        for s in doc.spans {
            let status = match s.status {
                SpanStatus::Rejected => Status::Rejected,
                _ => Status::Suggested,
            };
            let mut a = Annotation::new(&doc.text, s.start, s.end, &s.label, status, "import");
            a.entity = s.entity;
            a.kb_id = s.kb_id;
            a.note = s.note;
            store.edit(&article_id, &hash, Edit::Add(a))?;
            spans += 1;
        }
    }
    println!("imported {spans} spans as suggestions; {unmatched} documents matched no story");
    Ok(())
}
