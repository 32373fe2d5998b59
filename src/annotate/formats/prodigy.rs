//! Prodigy JSONL (what `prodigy db-out` writes and `db-in` / `ner.manual` read).
//!
//! Export, per document:
//! - one `ner_manual` record: `text`, `meta` (the document's meta plus `"id"`: the document id,
//!   which replaces a meta key of that name),
//!   `tokens` (`text`, `start`, `end`, `id`, `ws`, from [`super::tokens`], split at span edges),
//!   `spans` (`start`, `end`, `token_start`, `token_end` — inclusive —, `label`, and when set
//!   `kb_id`, `entity`, `note`: our own extra keys, not part of Prodigy's format),
//!   `"_view_id": "ner_manual"`;
//!   `roles` (a list of strings) on the span of a person whose roles the user set (our own key);
//!   `relations` when the document has some (a quote whose speaker the user set), each as
//!   `rel.manual` writes it: `head` and `child` (the index of the last token of each end),
//!   `head_span` and `child_span` (`start`, `end`, `token_start`, `token_end`, `label`: the quote
//!   under `Quote`, the speaker's mention under its label) and `label` (`Speaker`). The tokens are
//!   split at the ends' edges too. The quote is not added to `spans` (it is no entity);
//!   `"answer": "accept"` when every span in it is accepted; when suggestions are included
//!   (`reviewed_only` off and the document has some) the record has no answer: it is a
//!   pre-annotated task to correct in `ner.manual`, not a claim that a person accepted it;
//! - one binary `ner` record per rejected span (`"spans": [one span]`, `"answer": "reject"`,
//!   `"_view_id": "ner"`, same `meta`), written whatever `reviewed_only` says.
//!
//! Overlapping spans are written as they are (Prodigy's `spans.manual` shows them; `ner.manual`
//! expects none). Offsets are code points.
//!
//! Import: records are grouped into documents by `meta.id` (string or number), or by identical text
//! when there is no id; a document without `meta.id` gets the id `<file>:<line>` of its first record.
//! `meta` (minus `id`) comes from the first record that has one. Spans of `accept` records arrive
//! as accepted (an accepted document record also marks the document reviewed), of unanswered
//! records as suggested, of `reject` records as rejected; `ignore` records add no spans.
//! The same (start, end, label) seen again replaces the earlier one (later answers win). Tokens and
//! `token_start`/`token_end` are not read back: character offsets are the truth.
//! `relations` labelled `Speaker` with a `head_span` and a `child_span` are read back (of records
//! not rejected); others, and relations given by token indices only, are read past. `roles` is not.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::offsets::OffsetTable;
use super::tokens::{Tok, token_ending, token_starting, tokenize};
use super::{
    AnnotatedDoc, AnnotatedRelation, AnnotatedSpan, ExportOptions, FormatError, Out, RelationArg,
    SPEAKER_RELATION, SpanStatus, arg_offsets, cp_range, id_string, jsonl_objects, line_error, offset_value,
    opt_string, req_string, select, span_error,
};

pub(super) fn export(docs: &[AnnotatedDoc], opts: &ExportOptions) -> Result<String, FormatError> {
    let mut out = String::new();
    for doc in docs {
        let table = OffsetTable::new(&doc.text);
        let (rejected, main): (Vec<Out<'_>>, Vec<Out<'_>>) =
            select(doc, &table, opts, true)?.into_iter().partition(|o| o.span.status == SpanStatus::Rejected);
        let mut meta = doc.meta.clone();
        meta.insert("id".to_owned(), Value::String(doc.id.clone()));

        let args = doc.relations.iter().flat_map(|r| [&r.head, &r.child]);
        let mut starts: Vec<usize> = main.iter().map(|o| o.span.start).collect();
        let mut ends: Vec<usize> = main.iter().map(|o| o.span.end).collect();
        for arg in args.clone() {
            arg_offsets(doc, &table, arg)?;
            starts.push(arg.start);
            ends.push(arg.end);
        }
        let toks = tokenize(&doc.text, &starts, &ends);
        let cp = |b: usize| table.byte_to_char(b).unwrap_or_default();
        let tokens: Vec<Value> = toks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                json!({"text": &doc.text[t.start..t.end], "start": cp(t.start), "end": cp(t.end), "id": i, "ws": t.ws})
            })
            .collect();
        let mut spans = Vec::with_capacity(main.len());
        for o in &main {
            let (Some(ts), Some(te)) = (token_starting(&toks, o.span.start), token_ending(&toks, o.span.end))
            else {
                return Err(span_error(doc, o.span, "internal error: span does not align with tokens"));
            };
            let mut s = span_json(o);
            s.insert("token_start".to_owned(), json!(ts));
            s.insert("token_end".to_owned(), json!(te));
            let roles =
                doc.roles.iter().find(|r| (r.person.start, r.person.end) == (o.span.start, o.span.end));
            if let Some(r) = roles {
                s.insert("roles".to_owned(), json!(r.roles));
            }
            spans.push(Value::Object(s));
        }
        let mut relations = Vec::with_capacity(doc.relations.len());
        for rel in &doc.relations {
            let (head, head_span) = rel_span(doc, &table, &toks, &rel.head)?;
            let (child, child_span) = rel_span(doc, &table, &toks, &rel.child)?;
            relations.push(json!({
                "head": head,
                "child": child,
                "head_span": head_span,
                "child_span": child_span,
                "label": rel.label,
            }));
        }
        let mut record = Map::new();
        record.insert("text".to_owned(), json!(doc.text));
        record.insert("meta".to_owned(), Value::Object(meta.clone()));
        record.insert("tokens".to_owned(), Value::Array(tokens));
        record.insert("spans".to_owned(), Value::Array(spans));
        if !relations.is_empty() {
            record.insert("relations".to_owned(), Value::Array(relations));
        }
        record.insert("_view_id".to_owned(), json!("ner_manual"));
        if main.iter().all(|o| o.span.status == SpanStatus::Accepted) {
            record.insert("answer".to_owned(), json!("accept"));
        }
        push_line(&mut out, &Value::Object(record));

        for o in &rejected {
            let record = json!({
                "text": doc.text,
                "meta": meta,
                "spans": [Value::Object(span_json(o))],
                "_view_id": "ner",
                "answer": "reject",
            });
            push_line(&mut out, &record);
        }
    }
    Ok(out)
}

/// A relation end as `rel.manual` writes it: the index of its last token, and the span
/// (`start`, `end`, `token_start`, `token_end` inclusive, `label`).
fn rel_span(
    doc: &AnnotatedDoc,
    table: &OffsetTable,
    toks: &[Tok],
    arg: &RelationArg,
) -> Result<(usize, Value), FormatError> {
    let (cs, ce) = arg_offsets(doc, table, arg)?;
    let (Some(ts), Some(te)) = (token_starting(toks, arg.start), token_ending(toks, arg.end)) else {
        return Err(FormatError::Span {
            doc: doc.id.clone(),
            start: arg.start,
            end: arg.end,
            label: arg.label.clone(),
            message: "internal error: relation end does not align with tokens".to_owned(),
        });
    };
    let span = json!({"start": cs, "end": ce, "token_start": ts, "token_end": te, "label": arg.label});
    Ok((te, span))
}

fn span_json(o: &Out<'_>) -> Map<String, Value> {
    let mut s = Map::new();
    s.insert("start".to_owned(), json!(o.cs));
    s.insert("end".to_owned(), json!(o.ce));
    s.insert("label".to_owned(), json!(o.span.label));
    for (key, value) in [("kb_id", &o.span.kb_id), ("entity", &o.span.entity), ("note", &o.span.note)] {
        if let Some(v) = value {
            s.insert(key.to_owned(), json!(v));
        }
    }
    s
}

fn push_line(out: &mut String, v: &Value) {
    out.push_str(&v.to_string());
    out.push('\n');
}

pub(super) fn import(files: &[(String, String)]) -> Result<Vec<AnnotatedDoc>, FormatError> {
    let mut docs: Vec<AnnotatedDoc> = Vec::new();
    let mut by_key: HashMap<(bool, String), usize> = HashMap::new();
    let mut tables: Vec<OffsetTable> = Vec::new();
    // Per document: (start, end, label) → index in its spans, so a later answer replaces it.
    let mut seen: Vec<HashMap<(usize, usize, String), usize>> = Vec::new();
    for (file, contents) in files {
        for (line, record) in jsonl_objects(file, contents)? {
            let err = |m: String| line_error(file, line, m);
            let text = req_string(&record, "text").map_err(err)?;
            let meta = match record.get("meta") {
                None | Some(Value::Null) => Map::new(),
                Some(Value::Object(m)) => m.clone(),
                Some(other) => {
                    return Err(err(format!(
                        "\"meta\" must be an object, found {}",
                        super::json_kind(other)
                    )));
                }
            };
            let id = meta.get("id").and_then(id_string);
            let status = match record.get("answer") {
                None | Some(Value::Null) => Some(SpanStatus::Suggested),
                Some(Value::String(a)) if a == "accept" => Some(SpanStatus::Accepted),
                Some(Value::String(a)) if a == "reject" => Some(SpanStatus::Rejected),
                Some(Value::String(a)) if a == "ignore" => None,
                Some(other) => {
                    return Err(err(format!(
                        "unknown answer {other} (expected \"accept\", \"reject\" or \"ignore\")"
                    )));
                }
            };

            let key = match &id {
                Some(id) => (true, id.clone()),
                None => (false, text.clone()),
            };
            let index = match by_key.get(&key) {
                Some(&i) => {
                    if docs[i].text != text {
                        return Err(err(format!(
                            "record for document {:?} has a different text",
                            docs[i].id
                        )));
                    }
                    i
                }
                None => {
                    let mut doc =
                        AnnotatedDoc::new(id.clone().unwrap_or_else(|| format!("{file}:{line}")), text);
                    tables.push(OffsetTable::new(&doc.text));
                    seen.push(HashMap::new());
                    doc.meta = meta.clone();
                    doc.meta.remove("id");
                    docs.push(doc);
                    by_key.insert(key, docs.len() - 1);
                    docs.len() - 1
                }
            };
            // An accepted document record (not a binary one about a single span) is a judgement
            // of the whole text.
            let binary = record.get("_view_id").and_then(Value::as_str) == Some("ner");
            if status == Some(SpanStatus::Accepted) && !binary {
                docs[index].reviewed = true;
            }
            if docs[index].meta.is_empty() && !meta.is_empty() {
                docs[index].meta = meta;
                docs[index].meta.remove("id");
            }

            let spans = match record.get("spans") {
                None | Some(Value::Null) => continue,
                Some(Value::Array(a)) => a,
                Some(other) => {
                    return Err(err(format!(
                        "\"spans\" must be an array, found {}",
                        super::json_kind(other)
                    )));
                }
            };
            let Some(status) = status else { continue };
            for (n, span) in spans.iter().enumerate() {
                let span = read_span(span, &tables[index], status)
                    .map_err(|m| err(format!("span {}: {m}", n + 1)))?;
                let spans = &mut docs[index].spans;
                match seen[index].get(&(span.start, span.end, span.label.clone())) {
                    Some(&i) => spans[i] = span,
                    None => {
                        seen[index].insert((span.start, span.end, span.label.clone()), spans.len());
                        spans.push(span);
                    }
                }
            }
            if status == SpanStatus::Rejected {
                continue;
            }
            let relations = match record.get("relations") {
                None | Some(Value::Null) => continue,
                Some(Value::Array(a)) => a,
                Some(other) => {
                    return Err(err(format!(
                        "\"relations\" must be an array, found {}",
                        super::json_kind(other)
                    )));
                }
            };
            for (n, rel) in relations.iter().enumerate() {
                let rel = read_relation(rel, &tables[index])
                    .map_err(|m| err(format!("relation {}: {m}", n + 1)))?;
                if let Some(rel) = rel
                    && !docs[index].relations.contains(&rel)
                {
                    docs[index].relations.push(rel);
                }
            }
        }
    }
    Ok(docs)
}

/// A `Speaker` relation with its `head_span` and `child_span` (others, and relations given by
/// token indices only, are read past).
fn read_relation(v: &Value, table: &OffsetTable) -> Result<Option<AnnotatedRelation>, String> {
    let Value::Object(obj) = v else {
        return Err(format!("expected an object, found {}", super::json_kind(v)));
    };
    if obj.get("label").and_then(Value::as_str) != Some(SPEAKER_RELATION) {
        return Ok(None);
    }
    let arg = |key: &str| -> Result<Option<RelationArg>, String> {
        let Some(Value::Object(s)) = obj.get(key) else { return Ok(None) };
        let start = offset_value(s.get("start"), "\"start\"")?;
        let end = offset_value(s.get("end"), "\"end\"")?;
        let (start, end) = cp_range(table, start, end)?;
        let label = opt_string(s, "label")?.unwrap_or_default();
        Ok(Some(RelationArg { start, end, label }))
    };
    let (Some(head), Some(child)) = (arg("head_span")?, arg("child_span")?) else { return Ok(None) };
    Ok(Some(AnnotatedRelation { label: SPEAKER_RELATION.to_owned(), head, child }))
}

fn read_span(v: &Value, table: &OffsetTable, status: SpanStatus) -> Result<AnnotatedSpan, String> {
    let Value::Object(obj) = v else {
        return Err(format!("expected an object, found {}", super::json_kind(v)));
    };
    let start = offset_value(obj.get("start"), "\"start\"")?;
    let end = offset_value(obj.get("end"), "\"end\"")?;
    let label = req_string(obj, "label")?;
    let (start, end) = cp_range(table, start, end)?;
    Ok(AnnotatedSpan {
        start,
        end,
        label,
        entity: opt_string(obj, "entity")?,
        kb_id: opt_string(obj, "kb_id")?,
        status,
        note: opt_string(obj, "note")?,
    })
}
