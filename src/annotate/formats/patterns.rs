//! spaCy EntityRuler / Prodigy match patterns, JSONL: `{"label", "pattern", "id"}`. Export only.
//!
//! One phrase pattern (a string, matched on the tokens of the string) per distinct (label, text)
//! among **accepted** spans, whatever `reviewed_only` says: patterns are rules, and only what a
//! person accepted should become one. Whitespace runs in the text become one space (a pattern
//! with a line break in it would never match). `id` (spaCy's `ent_id_`) is the first kb id seen
//! among the mentions with that (label, text), left out when none has one. Patterns come in the
//! order their first mention appears (documents in order, spans by position).

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::offsets::OffsetTable;
use super::{AnnotatedDoc, ExportOptions, FormatError, select};

pub(super) fn export(docs: &[AnnotatedDoc]) -> Result<String, FormatError> {
    let mut patterns: Vec<(String, String, Option<String>)> = Vec::new();
    let mut index: HashMap<(String, String), usize> = HashMap::new();
    for doc in docs {
        let table = OffsetTable::new(&doc.text);
        // reviewed_only without rejected: accepted spans only.
        for o in select(doc, &table, &ExportOptions { reviewed_only: true }, false)? {
            let text = doc.text[o.span.start..o.span.end].split_whitespace().collect::<Vec<_>>().join(" ");
            if text.is_empty() {
                continue;
            }
            let key = (o.span.label.clone(), text);
            match index.get(&key) {
                Some(&i) => {
                    if patterns[i].2.is_none() {
                        patterns[i].2.clone_from(&o.span.kb_id);
                    }
                }
                None => {
                    index.insert(key.clone(), patterns.len());
                    patterns.push((key.0, key.1, o.span.kb_id.clone()));
                }
            }
        }
    }
    let mut out = String::new();
    for (label, pattern, id) in patterns {
        let mut record = Map::new();
        record.insert("label".to_owned(), json!(label));
        record.insert("pattern".to_owned(), json!(pattern));
        if let Some(id) = id {
            record.insert("id".to_owned(), json!(id));
        }
        out.push_str(&Value::Object(record).to_string());
        out.push('\n');
    }
    Ok(out)
}
