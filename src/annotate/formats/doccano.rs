//! doccano sequence-labelling JSONL.
//!
//! Export: one line per document, `{"id": <doc id>, "text": …, "label": [[start, end, "LABEL"], …],
//! "meta": {…}}` (`meta` only when the document has some; doccano keeps unknown keys as metadata).
//! Offsets are code points. doccano has no way to say "rejected", nor room for kb ids, entity
//! grouping or notes: those are dropped. Suggestions are written unless `reviewed_only`.
//!
//! When some document has relations (a quote whose speaker the user set), the whole file is
//! written in doccano's relation-extraction form instead, one project type for all of it:
//! `"entities": [{"id", "start_offset", "end_offset", "label"}]` (ids 0, 1, … per document, spans
//! in position order, then a `Quote` entity per quote and the speaker's mention if it is no span
//! written) and `"relations": [{"id", "from_id", "to_id", "type"}]`, from the quote to the speaker.
//! Roles have no place in doccano and are left out.
//!
//! Import accepts `"label"` or `"labels"` (`[[start, end, label], …]`) and the relation-extraction
//! form `"entities": [{"start_offset", "end_offset", "label", …}]` (its `"relations"` of type `Speaker` become relations, a
//! `Quote` entity they start from then being no span; other types are ignored).
//! The id comes from `"id"` (string or number), else `<file>:<line>`; `meta` from a `"meta"` object
//! plus every other key that is not text, spans or id (`"Comments"`, custom columns…).

use serde_json::{Map, Value, json};

use super::offsets::OffsetTable;
use super::{
    AnnotatedDoc, AnnotatedRelation, AnnotatedSpan, ExportOptions, FormatError, Out, QUOTE_LABEL,
    RelationArg, SPEAKER_RELATION, SpanStatus, arg_offsets, cp_range, id_string, json_kind, jsonl_objects,
    line_error, offset_value, req_string, select,
};

const RESERVED: [&str; 6] = ["text", "label", "labels", "entities", "relations", "id"];

pub(super) fn export(docs: &[AnnotatedDoc], opts: &ExportOptions) -> Result<String, FormatError> {
    // doccano's relation projects read `entities` with ids and `relations`; a file with any
    // relation is written that way throughout, so that one project type imports it all.
    let relation_form = docs.iter().any(|d| !d.relations.is_empty());
    let mut out = String::new();
    for doc in docs {
        let table = OffsetTable::new(&doc.text);
        let selected = select(doc, &table, opts, false)?;
        let mut record = Map::new();
        record.insert("id".to_owned(), json!(doc.id));
        record.insert("text".to_owned(), json!(doc.text));
        if relation_form {
            let (entities, relations) = entities_and_relations(doc, &table, &selected)?;
            record.insert("entities".to_owned(), Value::Array(entities));
            record.insert("relations".to_owned(), Value::Array(relations));
        } else {
            let labels = selected.iter().map(|o| json!([o.cs, o.ce, o.span.label])).collect();
            record.insert("label".to_owned(), Value::Array(labels));
        }
        if !doc.meta.is_empty() {
            record.insert("meta".to_owned(), Value::Object(doc.meta.clone()));
        }
        out.push_str(&Value::Object(record).to_string());
        out.push('\n');
    }
    Ok(out)
}

/// The spans as doccano entities (ids 0, 1, … in position order) plus one for each relation end
/// that is no span written (a quote under `Quote`), and the relations between them.
fn entities_and_relations(
    doc: &AnnotatedDoc,
    table: &OffsetTable,
    selected: &[Out<'_>],
) -> Result<(Vec<Value>, Vec<Value>), FormatError> {
    let mut ents: Vec<(usize, usize, String)> =
        selected.iter().map(|o| (o.cs, o.ce, o.span.label.clone())).collect();
    let mut id_of = |arg: &RelationArg, reuse: bool| -> Result<usize, FormatError> {
        let (cs, ce) = arg_offsets(doc, table, arg)?;
        if reuse && let Some(i) = ents.iter().position(|e| (e.0, e.1) == (cs, ce)) {
            return Ok(i);
        }
        ents.push((cs, ce, arg.label.clone()));
        Ok(ents.len() - 1)
    };
    let mut relations = Vec::with_capacity(doc.relations.len());
    for (r, rel) in doc.relations.iter().enumerate() {
        let from = id_of(&rel.head, rel.head.label != QUOTE_LABEL)?;
        let to = id_of(&rel.child, true)?;
        relations.push(json!({"id": r, "from_id": from, "to_id": to, "type": rel.label}));
    }
    let entities = ents
        .iter()
        .enumerate()
        .map(|(i, (s, e, label))| json!({"id": i, "start_offset": s, "end_offset": e, "label": label}))
        .collect();
    Ok((entities, relations))
}

pub(super) fn import(files: &[(String, String)]) -> Result<Vec<AnnotatedDoc>, FormatError> {
    let mut docs = Vec::new();
    for (file, contents) in files {
        for (line, record) in jsonl_objects(file, contents)? {
            let err = |m: String| line_error(file, line, m);
            let text = req_string(&record, "text").map_err(err)?;
            let id = match record.get("id") {
                None | Some(Value::Null) => format!("{file}:{line}"),
                Some(v) => id_string(v).ok_or_else(|| {
                    err(format!("\"id\" must be a string or a number, found {}", json_kind(v)))
                })?,
            };
            let mut doc = AnnotatedDoc::new(id, text);
            let table = OffsetTable::new(&doc.text);
            (doc.spans, doc.relations) = spans(&record, &table).map_err(err)?;
            for (key, value) in record {
                if key == "meta"
                    && let Value::Object(m) = value
                {
                    doc.meta.extend(m);
                } else if !RESERVED.contains(&key.as_str()) {
                    doc.meta.insert(key, value);
                }
            }
            docs.push(doc);
        }
    }
    Ok(docs)
}

type Spans = (Vec<AnnotatedSpan>, Vec<AnnotatedRelation>);

/// The spans of a record, and the `Speaker` relations of the relation form (a `Quote` entity at
/// the head of one is no span).
fn spans(record: &Map<String, Value>, table: &OffsetTable) -> Result<Spans, String> {
    let mut out = Vec::new();
    if let Some(entities) = record.get("entities") {
        let mut ids: Vec<Option<String>> = Vec::new();
        let Value::Array(entities) = entities else {
            return Err(format!("\"entities\" must be an array, found {}", json_kind(entities)));
        };
        for (n, e) in entities.iter().enumerate() {
            let at = |m: String| format!("entity {}: {m}", n + 1);
            let Value::Object(e) = e else {
                return Err(at(format!("expected an object, found {}", json_kind(e))));
            };
            let s = offset_value(e.get("start_offset"), "\"start_offset\"").map_err(at)?;
            let t = offset_value(e.get("end_offset"), "\"end_offset\"").map_err(at)?;
            let label = req_string(e, "label").map_err(at)?;
            out.push(span(table, s, t, label).map_err(at)?);
            ids.push(e.get("id").and_then(id_string));
        }
        let relations = speaker_relations(record, &mut out, &ids)?;
        return Ok((out, relations));
    }
    let (key, labels) = match (record.get("label"), record.get("labels")) {
        (Some(l), _) => ("label", l),
        (None, Some(l)) => ("labels", l),
        (None, None) => return Ok((out, Vec::new())),
    };
    let Value::Array(labels) = labels else {
        return Err(format!("{key:?} must be an array of [start, end, label], found {}", json_kind(labels)));
    };
    for (n, l) in labels.iter().enumerate() {
        let at = |m: String| format!("{key:?} item {}: {m}", n + 1);
        match l {
            Value::Array(triple) if triple.len() == 3 => {
                let s = offset_value(triple.first(), "start").map_err(at)?;
                let t = offset_value(triple.get(1), "end").map_err(at)?;
                let Some(label) = triple.get(2).and_then(Value::as_str) else {
                    return Err(at("the label (third item) must be a string".to_owned()));
                };
                out.push(span(table, s, t, label.to_owned()).map_err(at)?);
            }
            Value::String(_) => {
                return Err(at(
                    "a document-level (classification) label, not a span; expected [start, end, label]"
                        .to_owned(),
                ));
            }
            other => return Err(at(format!("expected [start, end, label], found {other}"))),
        }
    }
    Ok((out, Vec::new()))
}

/// The `Speaker` relations among `"relations"` (`from_id`, `to_id`, `type`), whose ends are
/// entities of `spans` by their ids; other relations are read past. Quotes they start from are
/// taken out of `spans`.
fn speaker_relations(
    record: &Map<String, Value>,
    spans: &mut Vec<AnnotatedSpan>,
    ids: &[Option<String>],
) -> Result<Vec<AnnotatedRelation>, String> {
    let Some(relations) = record.get("relations") else { return Ok(Vec::new()) };
    let Value::Array(relations) = relations else {
        return Err(format!("\"relations\" must be an array, found {}", json_kind(relations)));
    };
    let find = |v: Option<&Value>| {
        let id = v.and_then(id_string)?;
        ids.iter().position(|i| i.as_deref() == Some(id.as_str()))
    };
    let arg = |s: &AnnotatedSpan| RelationArg { start: s.start, end: s.end, label: s.label.clone() };
    let mut out = Vec::new();
    let mut quotes = Vec::new();
    for r in relations {
        let Value::Object(r) = r else { continue };
        if r.get("type").and_then(Value::as_str) != Some(SPEAKER_RELATION) {
            continue;
        }
        let (Some(from), Some(to)) = (find(r.get("from_id")), find(r.get("to_id"))) else {
            return Err(format!(
                "relation {} names an entity id the record does not have",
                Value::Object(r.clone())
            ));
        };
        out.push(AnnotatedRelation {
            label: SPEAKER_RELATION.to_owned(),
            head: arg(&spans[from]),
            child: arg(&spans[to]),
        });
        if spans[from].label == QUOTE_LABEL {
            quotes.push(from);
        }
    }
    let mut i = 0;
    spans.retain(|_| {
        i += 1;
        !quotes.contains(&(i - 1))
    });
    Ok(out)
}

fn span(table: &OffsetTable, start: usize, end: usize, label: String) -> Result<AnnotatedSpan, String> {
    let (start, end) = cp_range(table, start, end)?;
    Ok(AnnotatedSpan::new(start, end, label, SpanStatus::Suggested))
}
