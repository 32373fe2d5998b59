//! What `byline import` does: each document of an annotation file is matched to a story of the
//! library (by byline's id, by the file its metadata names, or by its text, compared as the
//! alignment normalises it), and its spans are moved into that story's text. A document that
//! matches no story becomes one: it is written under the data folder, in a JSON Lines file
//! named after the import, and indexed like fetched feed items. Importing the same file again
//! adds nothing.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::annotate::formats::{AnnotatedDoc, SpanStatus, check_label};
use crate::annotate::{Annotation, Edit, Status};
use crate::library::Limits;
use crate::library::align::{SourceMap, same_text};
use crate::service::Source;
use crate::service::index::index_source;
use crate::store::{Result, Store};

/// What an import did, per document and per span.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ImportReport {
    /// Documents matched to a story already in the library.
    pub matched: usize,
    /// Documents that became stories of their own.
    pub created: usize,
    /// Documents (matched or created before) whose spans were all there already.
    pub unchanged: usize,
    /// Documents that could not be imported, with the reason.
    pub rejected: Vec<(String, String)>,
    pub spans_added: usize,
    /// Spans already stored with the same place, label and decision.
    pub spans_present: usize,
    /// Spans whose text could not be found in the story.
    pub spans_unplaced: usize,
    /// Spans refused, with the reason (a label no export format could write).
    pub spans_refused: Vec<String>,
}

impl ImportReport {
    pub fn summary(&self) -> String {
        format!(
            "{} documents: {} matched, {} created, {} unchanged, {} rejected; {} spans added, \
             {} already there, {} not found in their story's text, {} refused",
            self.matched + self.created + self.rejected.len(),
            self.matched,
            self.created,
            self.unchanged,
            self.rejected.len(),
            self.spans_added,
            self.spans_present,
            self.spans_unplaced,
            self.spans_refused.len()
        )
    }

    /// Whether nothing at all was matched or created.
    pub fn imported_nothing(&self) -> bool {
        self.matched == 0 && self.created == 0
    }
}

/// The story a document was matched to.
struct Matched {
    id: String,
    content_hash: String,
    body: String,
}

/// The file a document's metadata names, if any (Prodigy and doccano tools keep it there).
fn named_file(doc: &AnnotatedDoc) -> Option<&str> {
    ["path", "file", "filename", "file_name", "source_file", "source"]
        .iter()
        .find_map(|k| doc.meta.get(*k).and_then(|v| v.as_str()))
}

/// The story `doc` belongs to: (id, content hash, body).
fn find_story(store: &Store, doc: &AnnotatedDoc) -> Result<Option<Matched>> {
    for id in store.import_candidates(&doc.id, named_file(doc), &doc.text)? {
        let Some(stored) = store.article(&id)? else { continue };
        let article = &stored.article;
        if same_text(&article.given_text(), &doc.text) || same_text(&article.body, &doc.text) {
            return Ok(Some(Matched {
                id: article.id.clone(),
                content_hash: stored.content_hash,
                body: article.body.clone(),
            }));
        }
    }
    Ok(None)
}

/// Where documents that match no story are written: one JSON Lines file per import file.
fn created_file(dir: &Path, import_name: &str) -> PathBuf {
    let stem: String = Path::new(import_name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
        .collect();
    dir.join(format!("{}.jsonl", if stem.is_empty() { "import" } else { &stem }))
}

/// A document as a JSON Lines article: its text is the body exactly as given. Its id is kept
/// unless a story of the library has it already (the new story is then found by its text).
fn article_line(store: &Store, doc: &AnnotatedDoc) -> Result<String> {
    let mut record = serde_json::Map::new();
    if !doc.id.trim().is_empty() && store.article(&doc.id)?.is_none() {
        record.insert("id".into(), doc.id.clone().into());
    }
    for key in ["title", "url", "date", "lang", "source"] {
        if let Some(v) = doc.meta.get(key).filter(|v| v.is_string()) {
            record.insert(key.into(), v.clone());
        }
    }
    record.insert("body".into(), doc.text.clone().into());
    Ok(serde_json::Value::Object(record).to_string())
}

/// Adds the documents that match no story to the import's file under `dir` (the lines it
/// holds already are kept), then indexes that file.
fn create_stories(store: &mut Store, docs: &[&AnnotatedDoc], dir: &Path, import_name: &str) -> Result<()> {
    let io = |e: std::io::Error| crate::store::StoreError::Schema(format!("writing imported stories: {e}"));
    std::fs::create_dir_all(dir).map_err(io)?;
    let path = created_file(dir, import_name);
    let mut contents = std::fs::read_to_string(&path).unwrap_or_default();
    if !contents.is_empty() && !contents.ends_with('\n') {
        contents.push('\n');
    }
    for doc in docs {
        contents.push_str(&article_line(store, doc)?);
        contents.push('\n');
    }
    // Written aside and renamed into place: a crash leaves the old file or the new one.
    let partial = path.with_extension("jsonl.partial");
    std::fs::write(&partial, contents).and_then(|_| std::fs::rename(&partial, &path)).map_err(io)?;
    index_source(store, &Source::Paths(vec![path]), &Limits::default(), &mut |_, _| {})?;
    Ok(())
}

/// Imports `docs` (read from the file `import_name`); documents that match no story become
/// stories under `created_dir`. `finished`: the file holds finished annotations (its spans are
/// accepted and each document's review is complete), for formats that cannot say so.
pub fn import_docs(
    store: &mut Store,
    mut docs: Vec<AnnotatedDoc>,
    import_name: &str,
    created_dir: &Path,
    finished: bool,
) -> Result<ImportReport> {
    if finished {
        for doc in &mut docs {
            doc.reviewed = true;
            for s in doc.spans.iter_mut().filter(|s| s.status == SpanStatus::Suggested) {
                s.status = SpanStatus::Accepted;
            }
        }
    }
    let mut report = ImportReport::default();
    let mut batch = Batch::default();
    let mut found = Vec::with_capacity(docs.len());
    for doc in &docs {
        found.push(find_story(store, doc)?);
    }
    let missing: Vec<&AnnotatedDoc> = docs
        .iter()
        .zip(&found)
        .filter(|(d, f)| f.is_none() && !d.text.trim().is_empty())
        .map(|(d, _)| d)
        .collect();
    let created_any = !missing.is_empty();
    if created_any {
        create_stories(store, &missing, created_dir, import_name)?;
    }
    for (doc, story) in docs.iter().zip(found) {
        let (story, created) = match story {
            Some(story) => (story, false),
            None if doc.text.trim().is_empty() => {
                report.rejected.push((doc.id.clone(), "the document has no text".into()));
                continue;
            }
            None => match find_story(store, doc)? {
                Some(story) => (story, true),
                None => {
                    report.rejected.push((doc.id.clone(), "its text could not be stored as a story".into()));
                    continue;
                }
            },
        };
        let before = (report.spans_added, report.spans_unplaced);
        add_spans(store, doc, &story, &mut report, &mut batch)?;
        // A document judged whole is a finished review: the extractor's other suggestions for
        // it are not entities.
        if doc.reviewed && doc.spans.iter().all(|s| s.status != SpanStatus::Suggested) {
            batch.done.push(story.id.clone());
        }
        let added = report.spans_added > before.0 || report.spans_unplaced > before.1;
        match (created, added) {
            (true, _) => report.created += 1,
            (false, true) => report.matched += 1,
            (false, false) => {
                report.matched += 1;
                report.unchanged += 1;
            }
        }
    }
    // Every span of the file in one transaction: all of it is imported, or (on an error)
    // none of it.
    store.edit_all(batch.edits)?;
    for id in batch.done {
        store.set_review_done(&id, true)?;
    }
    Ok(report)
}

/// The edits an import makes, written together at the end.
#[derive(Default)]
struct Batch {
    edits: Vec<(String, String, Edit)>,
    /// (story, start, end, label) of the spans already in `edits`.
    spans: HashSet<(String, usize, usize, String)>,
    /// Stories whose review the file says is complete.
    done: Vec<String>,
}

/// Adds a document's spans to its story as suggestions (rejections stay rejections), skipping
/// those already stored.
fn add_spans(
    store: &mut Store,
    doc: &AnnotatedDoc,
    story: &Matched,
    report: &mut ImportReport,
    batch: &mut Batch,
) -> Result<()> {
    let map = SourceMap::new(&doc.text, &story.body);
    let existing = store.annotations(&story.id)?.annotations;
    for s in &doc.spans {
        if let Err(why) = check_label(&s.label) {
            report.spans_refused.push(format!("document {}: {why}", crate::text::printable(&doc.id)));
            continue;
        }
        let Some(range) = map.to_body(&doc.text, &story.body, s.start..s.end) else {
            report.spans_unplaced += 1;
            continue;
        };
        let status = match s.status {
            SpanStatus::Rejected => Status::Rejected,
            SpanStatus::Accepted => Status::Accepted,
            SpanStatus::Suggested => Status::Suggested,
        };
        // Whatever was decided about this span and label before (here or by an earlier import)
        // stands: the user's decisions win over an import.
        let present =
            existing.iter().any(|a| a.start == range.start && a.end == range.end && a.label == s.label);
        let key = (story.id.clone(), range.start, range.end, s.label.clone());
        if present || !batch.spans.insert(key) {
            report.spans_present += 1;
            continue;
        }
        let mut a = Annotation::new(&story.body, range.start, range.end, &s.label, status, "import");
        a.entity = s.entity.clone();
        a.kb_id = s.kb_id.clone();
        a.note = s.note.clone();
        batch.edits.push((story.id.clone(), story.content_hash.clone(), Edit::Add(a)));
        report.spans_added += 1;
    }
    Ok(())
}
