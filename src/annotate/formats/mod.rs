//! Annotation export and import: Prodigy, doccano, brat standoff, CoNLL IOB2, spaCy JSON and
//! EntityRuler patterns.
//!
//! Pure: strings in, strings out; no file system. The caller reads and writes the files.
//!
//! # Offsets
//! [`AnnotatedSpan`] offsets are UTF-8 byte offsets into [`AnnotatedDoc::text`], on char
//! boundaries, end exclusive (what Rust slices with). Every format here counts **Unicode code
//! points** (Python `str` indices), so an emoji outside the BMP counts 1, `e` + U+0301 counts 2,
//! and CRLF counts 2. Conversion goes through [`offsets::OffsetTable`] (O(log n) per offset).
//! The text is written exactly as given: no normalisation, CRLF kept (brat's `.txt` is the text
//! byte for byte, so its offsets count both `\r` and `\n`).
//!
//! # What each format keeps
//! | format | spans | rejected | suggested | kb id | entity | note | meta | speaker (relation) | roles | import |
//! |---|---|---|---|---|---|---|---|---|---|---|
//! | Prodigy | yes | `reject` records | yes (record then unanswered) | `kb_id` key | `entity` key | `note` key | `meta` (+ `id`) | `relations` (`head`, `child`, `head_span`, `child_span`, `label`) | `roles` key on the span | yes |
//! | doccano | yes | no | yes | no | no | no | `meta` | `relations` (`from_id`, `to_id`, `type`) over `entities` with ids | no | yes |
//! | brat | yes | no | yes | `N` Reference | `*` Coref | `#` AnnotatorNotes | no | `R` Speaker, quote a `Quote` `T` | `#` AnnotatorNotes | yes |
//! | CoNLL IOB2 | non-overlapping, token-aligned | no | yes | no | no | no | no | no | no | export only |
//! | spaCy JSON | non-overlapping | no | yes | no | no | no | no | no | no | export only |
//! | patterns | accepted, one per (label, text) | no | no | `id` | no | no | no | no | no | export only |
//!
//! The speaker and roles columns are the user's corrections of the facts
//! ([`AnnotatedDoc::relations`], [`AnnotatedDoc::roles`]): a quote whose speaker was set to an
//! entity is a [`SPEAKER_RELATION`] from the quote (head) to a mention of the speaker (child); a
//! speaker set to "unknown" gives nothing. A relation's ends are written even where they are no
//! exported span (the quote always; the speaker's mention when it is an unjudged suggestion left
//! out by `reviewed_only`). Import reads `Speaker` relations back into
//! [`AnnotatedDoc::relations`] (brat `R`, Prodigy `head_span`/`child_span`, doccano `from_id`/
//! `to_id`), the quotes at their heads then being no spans; roles are not read back (brat's come
//! back inside the note), and `byline import` does not yet turn relations into corrections.
//!
//! "suggested: yes" means suggestions are written when [`ExportOptions::reviewed_only`] is false;
//! with it set only accepted spans (and rejected ones, where the format can say so) are written.
//! The details and losses of each format are in its module's documentation (`prodigy.rs`, …).
//!
//! # Import
//! Imported spans keep the decision the file states: Prodigy's `"answer": "accept"` gives
//! [`SpanStatus::Accepted`] (and marks a document record [`AnnotatedDoc::reviewed`]),
//! `"reject"` gives [`SpanStatus::Rejected`] so that a rejected suggestion does not come back;
//! spans of formats that state no decision (doccano, brat) and of unanswered records arrive as
//! [`SpanStatus::Suggested`]. Malformed input is a
//! [`FormatError`] naming the file and line; nothing in here panics on input.

mod brat;
mod conll;
mod doccano;
pub mod offsets;
mod patterns;
mod prodigy;
mod spacy;
mod tokens;

#[cfg(test)]
mod tests;

use serde_json::{Map, Value};

use self::offsets::OffsetTable;

/// One document with its annotated spans, as exported or imported. Offsets are BYTE offsets into
/// `text` (on char boundaries, end exclusive); every format converts to its own units.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AnnotatedDoc {
    pub id: String,
    pub text: String,
    pub spans: Vec<AnnotatedSpan>,
    /// Title, source, URL… carried where the format has room for it.
    pub meta: Map<String, Value>,
    /// Whether the file says a person judged the whole document (Prodigy's `"answer": "accept"`
    /// on a document record): its accepted spans are then all its entities.
    pub reviewed: bool,
    /// Relations between spans: who said a quote ([`SPEAKER_RELATION`], head the quote, child a
    /// mention of the speaker). Their ends need not be among `spans`: each format adds what it
    /// needs to point at them.
    pub relations: Vec<AnnotatedRelation>,
    /// A person's roles as the user set them, on a mention of the person.
    pub roles: Vec<AnnotatedRoles>,
}

/// The relation from a quote (head) to a mention of its speaker (child).
pub const SPEAKER_RELATION: &str = "Speaker";
/// The type a quote is written under where it must be a span of its own (brat, doccano).
pub const QUOTE_LABEL: &str = "Quote";

/// One end of a relation, or the mention roles are given on: BYTE offsets like a span's, and
/// the label it is written under when the format needs it as a span.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RelationArg {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

/// A directed, labelled relation between two stretches of a document's text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AnnotatedRelation {
    pub label: String,
    pub head: RelationArg,
    pub child: RelationArg,
}

/// The roles a person holds (none: the user said none), given on a mention of the person.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AnnotatedRoles {
    pub person: RelationArg,
    pub roles: Vec<String>,
}

/// One labelled mention.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AnnotatedSpan {
    pub start: usize,
    pub end: usize,
    pub label: String,
    /// Entity grouping: mentions of one entity share it.
    pub entity: Option<String>,
    /// Knowledge-base id, e.g. a Wikidata Q-id (`Q567`). An id with a `DB:` prefix
    /// (`GeoNames:2988507`) names its knowledge base; one without is taken to be Wikidata.
    pub kb_id: Option<String>,
    pub status: SpanStatus,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpanStatus {
    Accepted,
    Rejected,
    Suggested,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Prodigy,
    Doccano,
    Brat,
    Conll,
    SpacyJson,
    Patterns,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ExportOptions {
    /// Only accepted spans (and rejected ones where the format can say so); otherwise suggestions
    /// are written too.
    pub reviewed_only: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("{format} is export only: it cannot be imported")]
    ExportOnly { format: Format },
    #[error("{file}, line {line}: {message}")]
    Line { file: String, line: usize, message: String },
    #[error("{file}: {message}")]
    File { file: String, message: String },
    #[error("document {doc:?}, span {start}..{end} {label:?}: {message}")]
    Span { doc: String, start: usize, end: usize, label: String, message: String },
}

impl AnnotatedDoc {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> AnnotatedDoc {
        AnnotatedDoc { id: id.into(), text: text.into(), ..AnnotatedDoc::default() }
    }
}

impl AnnotatedSpan {
    pub fn new(start: usize, end: usize, label: impl Into<String>, status: SpanStatus) -> AnnotatedSpan {
        AnnotatedSpan { start, end, label: label.into(), entity: None, kb_id: None, status, note: None }
    }
}

impl Format {
    pub const ALL: [Format; 6] =
        [Format::Prodigy, Format::Doccano, Format::Brat, Format::Conll, Format::SpacyJson, Format::Patterns];

    /// The name used on the command line and in messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Prodigy => "prodigy",
            Format::Doccano => "doccano",
            Format::Brat => "brat",
            Format::Conll => "conll",
            Format::SpacyJson => "spacy-json",
            Format::Patterns => "patterns",
        }
    }

    pub fn can_import(self) -> bool {
        matches!(self, Format::Prodigy | Format::Doccano | Format::Brat)
    }

    /// File name of the single file an export produces; `None` for brat (a file pair per document).
    pub fn file_name(self) -> Option<&'static str> {
        match self {
            Format::Prodigy => Some("prodigy.jsonl"),
            Format::Doccano => Some("doccano.jsonl"),
            Format::Brat => None,
            Format::Conll => Some("annotations.conll"),
            Format::SpacyJson => Some("spacy.jsonl"),
            Format::Patterns => Some("patterns.jsonl"),
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "prodigy" => Ok(Format::Prodigy),
            "doccano" => Ok(Format::Doccano),
            "brat" => Ok(Format::Brat),
            "conll" | "iob2" | "iob" => Ok(Format::Conll),
            "spacy-json" | "spacy_json" | "spacy" => Ok(Format::SpacyJson),
            "patterns" => Ok(Format::Patterns),
            other => Err(format!(
                "unknown annotation format {other:?} (expected one of: {})",
                Format::ALL.map(Format::name).join(", ")
            )),
        }
    }
}

/// Exports `docs` as `format`: a list of (file name, contents). brat gives a `.txt` and an `.ann`
/// per document plus `annotation.conf` (and `tools.conf` when there are kb ids); every other
/// format gives one file named by [`Format::file_name`].
pub fn export(
    docs: &[AnnotatedDoc],
    format: Format,
    opts: &ExportOptions,
) -> Result<Vec<(String, String)>, FormatError> {
    let contents = match format {
        Format::Brat => return brat::export(docs, opts),
        Format::Prodigy => prodigy::export(docs, opts)?,
        Format::Doccano => doccano::export(docs, opts)?,
        Format::Conll => conll::export(docs, opts)?,
        Format::SpacyJson => spacy::export(docs, opts)?,
        Format::Patterns => patterns::export(docs)?,
    };
    Ok(vec![(format.file_name().unwrap_or("annotations").to_owned(), contents)])
}

/// Imports (file name, contents) pairs written in `format`. Prodigy and doccano read every file as
/// JSONL; brat pairs `X.txt` with `X.ann` and ignores other files (`*.conf`, …).
pub fn import(files: &[(String, String)], format: Format) -> Result<Vec<AnnotatedDoc>, FormatError> {
    match format {
        Format::Prodigy => prodigy::import(files),
        Format::Doccano => doccano::import(files),
        Format::Brat => brat::import(files),
        Format::Conll | Format::SpacyJson | Format::Patterns => Err(FormatError::ExportOnly { format }),
    }
}

// ---- shared helpers ----------------------------------------------------------------------------

/// A span chosen for export, with its offsets in code points.
pub(crate) struct Out<'a> {
    pub span: &'a AnnotatedSpan,
    pub cs: usize,
    pub ce: usize,
}

/// The spans of `doc` to write: accepted ones, suggested ones unless `reviewed_only`, rejected ones
/// when `rejected` is set. Checked (non-empty, in the text, on char boundaries, labelled) and
/// sorted by position.
pub(crate) fn select<'a>(
    doc: &'a AnnotatedDoc,
    table: &OffsetTable,
    opts: &ExportOptions,
    rejected: bool,
) -> Result<Vec<Out<'a>>, FormatError> {
    let mut out = Vec::new();
    for span in &doc.spans {
        let wanted = match span.status {
            SpanStatus::Accepted => true,
            SpanStatus::Suggested => !opts.reviewed_only,
            SpanStatus::Rejected => rejected,
        };
        if !wanted {
            continue;
        }
        let bad = |message: &str| span_error(doc, span, message);
        if span.start >= span.end {
            return Err(bad("empty or reversed span"));
        }
        if span.end > doc.text.len() {
            return Err(bad(&format!("past the end of the text ({} bytes)", doc.text.len())));
        }
        let (Some(cs), Some(ce)) = (table.byte_to_char(span.start), table.byte_to_char(span.end)) else {
            return Err(bad("offset inside a UTF-8 character"));
        };
        if span.label.trim().is_empty() {
            return Err(bad("empty label"));
        }
        if span.label.chars().any(char::is_control) {
            return Err(bad("label with control characters"));
        }
        out.push(Out { span, cs, ce });
    }
    out.sort_by_key(|o| (o.span.start, o.span.end));
    Ok(out)
}

/// Checks a relation end (in the text, on char boundaries, non-empty, labelled) and gives its
/// offsets in code points.
pub(crate) fn arg_offsets(
    doc: &AnnotatedDoc,
    table: &OffsetTable,
    arg: &RelationArg,
) -> Result<(usize, usize), FormatError> {
    let bad = |message: &str| FormatError::Span {
        doc: doc.id.clone(),
        start: arg.start,
        end: arg.end,
        label: arg.label.clone(),
        message: message.to_owned(),
    };
    if arg.start >= arg.end || arg.end > doc.text.len() {
        return Err(bad("relation end empty, reversed or past the end of the text"));
    }
    if let Err(m) = check_label(&arg.label) {
        return Err(bad(&m));
    }
    match (table.byte_to_char(arg.start), table.byte_to_char(arg.end)) {
        (Some(s), Some(e)) => Ok((s, e)),
        _ => Err(bad("offset inside a UTF-8 character")),
    }
}

/// Whether every format can write `label`: one word of printable characters, not too long
/// (brat separates fields with spaces, CoNLL tags cannot hold them; Prodigy would take spaces).
/// Import checks it, so that nothing imported makes a later export fail.
pub fn check_label(label: &str) -> Result<(), String> {
    if label.trim().is_empty() {
        return Err("empty label".into());
    }
    if label.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("label {:?} has spaces or control characters", crate::text::printable(label)));
    }
    if label.chars().count() > 64 {
        return Err("label longer than 64 characters".into());
    }
    Ok(())
}

pub(crate) fn span_error(doc: &AnnotatedDoc, span: &AnnotatedSpan, message: &str) -> FormatError {
    FormatError::Span {
        doc: doc.id.clone(),
        start: span.start,
        end: span.end,
        label: span.label.clone(),
        message: message.to_owned(),
    }
}

/// Keeps the first of overlapping spans in position order (longest first at equal starts) and
/// drops the later ones, for formats that cannot represent overlaps.
pub(crate) fn drop_overlaps(spans: Vec<Out<'_>>) -> Vec<Out<'_>> {
    let mut spans = spans;
    spans.sort_by_key(|o| (o.span.start, std::cmp::Reverse(o.span.end)));
    let mut kept: Vec<Out<'_>> = Vec::with_capacity(spans.len());
    for o in spans {
        if kept.last().is_none_or(|k| o.span.start >= k.span.end) {
            kept.push(o);
        }
    }
    kept
}

pub(crate) type JsonObject = Map<String, Value>;

pub(crate) fn line_error(file: &str, line: usize, message: impl Into<String>) -> FormatError {
    FormatError::Line { file: file.to_owned(), line, message: message.into() }
}

/// The non-blank lines of a JSONL file parsed as JSON objects: (1-based line number, object).
pub(crate) fn jsonl_objects(file: &str, contents: &str) -> Result<Vec<(usize, JsonObject)>, FormatError> {
    let contents = contents.strip_prefix('\u{FEFF}').unwrap_or(contents);
    let mut out = Vec::new();
    for (i, raw) in contents.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(line).map_err(|e| {
            let full = e.to_string();
            let suffix = format!(" at line {} column {}", e.line(), e.column());
            let msg = full.strip_suffix(&suffix).unwrap_or(&full);
            line_error(file, i + 1, format!("invalid JSON at column {}: {msg}", e.column()))
        })?;
        match value {
            Value::Object(map) => out.push((i + 1, map)),
            other => {
                return Err(line_error(
                    file,
                    i + 1,
                    format!("expected one JSON object per line (JSONL), found {}", json_kind(&other)),
                ));
            }
        }
    }
    Ok(out)
}

pub(crate) fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// An id given as a string or a number.
pub(crate) fn id_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A JSON offset: a non-negative integer.
pub(crate) fn offset_value(v: Option<&Value>, what: &str) -> Result<usize, String> {
    match v {
        Some(Value::Number(n)) => n
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| format!("{what} must be a non-negative integer, found {n}")),
        Some(other) => Err(format!("{what} must be a non-negative integer, found {}", json_kind(other))),
        None => Err(format!("{what} is missing")),
    }
}

/// Code point offsets from a file → byte offsets into `text`, checked.
pub(crate) fn cp_range(table: &OffsetTable, start: usize, end: usize) -> Result<(usize, usize), String> {
    if start >= end {
        return Err(format!("empty or reversed span {start}..{end}"));
    }
    let len = table.char_len();
    match (table.char_to_byte(start), table.char_to_byte(end)) {
        (Some(s), Some(e)) => Ok((s, e)),
        _ => Err(format!("span {start}..{end} is past the end of the text ({len} code points)")),
    }
}

/// An optional string field.
pub(crate) fn opt_string(obj: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(format!("{key:?} must be a string, found {}", json_kind(other))),
    }
}

/// A required string field.
pub(crate) fn req_string(obj: &Map<String, Value>, key: &str) -> Result<String, String> {
    opt_string(obj, key)?.ok_or_else(|| format!("{key:?} is missing"))
}
