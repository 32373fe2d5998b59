//! spaCy JSON: one `Doc.to_json()`-shaped object per line (JSONL), readable with
//! `Doc(nlp.vocab).from_json(json.loads(line))`. Export only.
//!
//! Each object has `text`, `ents` (`start`, `end`, `label`, code points), `sents` (`start`, `end`)
//! and `tokens` (`id`, `start`, `end`). Tokens come from [`super::tokens`] (split at entity edges,
//! spaCy's whitespace convention, so the text is rebuilt exactly); sentences from its splitter,
//! never cutting an entity. Line `i` is document `i` of the export (ids are not written).
//!
//! Lossy: `doc.ents` cannot overlap, so overlapping spans are resolved as for CoNLL (position
//! order, the longer first at equal starts, later overlapping spans dropped); kb ids, entity
//! grouping, notes, statuses and meta are not written; rejected spans never are, suggestions are
//! unless `reviewed_only`.

use serde_json::{Value, json};

use super::offsets::OffsetTable;
use super::tokens::{sentences, tokenize};
use super::{AnnotatedDoc, ExportOptions, FormatError, drop_overlaps, select};

pub(super) fn export(docs: &[AnnotatedDoc], opts: &ExportOptions) -> Result<String, FormatError> {
    let mut out = String::new();
    for doc in docs {
        let table = OffsetTable::new(&doc.text);
        let spans = drop_overlaps(select(doc, &table, opts, false)?);
        let starts: Vec<usize> = spans.iter().map(|o| o.span.start).collect();
        let ends: Vec<usize> = spans.iter().map(|o| o.span.end).collect();
        let keep: Vec<(usize, usize)> = spans.iter().map(|o| (o.span.start, o.span.end)).collect();
        let toks = tokenize(&doc.text, &starts, &ends);
        let cp = |b: usize| table.byte_to_char(b).unwrap_or_default();
        let ents: Vec<Value> =
            spans.iter().map(|o| json!({"start": o.cs, "end": o.ce, "label": o.span.label})).collect();
        let sents: Vec<Value> = sentences(&doc.text, &toks, &keep)
            .into_iter()
            .filter_map(|r| Some(json!({"start": cp(toks.get(r.start)?.start), "end": cp(toks.get(r.end.checked_sub(1)?)?.end)})))
            .collect();
        let tokens: Vec<Value> = toks
            .iter()
            .enumerate()
            .map(|(i, t)| json!({"id": i, "start": cp(t.start), "end": cp(t.end)}))
            .collect();
        let record = json!({"text": doc.text, "ents": ents, "sents": sents, "tokens": tokens});
        out.push_str(&record.to_string());
        out.push('\n');
    }
    Ok(out)
}
