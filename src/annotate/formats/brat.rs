//! brat standoff: `<id>.txt` (the text, byte for byte) and `<id>.ann` per document.
//!
//! Offsets are code points of the `.txt` exactly as written: CRLF is kept and counts two. A tool
//! that rewrites line endings (an editor, `git` autocrlf) shifts every offset after the first line;
//! import catches that through the text check below.
//!
//! Export, per document (spans sorted by position, `T1`, `T2`, … in that order):
//! - `T<n>\t<LABEL> <start> <end>\t<text>`. A span that crosses a line break is written as brat
//!   writes it, as fragments `s1 e1;s2 e2` around the line breaks (`\n`, `\r`, U+0085, U+2028,
//!   U+2029), its text the fragments joined by a space; tabs in the text field become spaces.
//!   Line breaks at the very start or end of a span are not representable and are left out;
//! - `N<n>\tReference T<n> Wikidata:<Q-id>\t<text>` for a kb id (an id already written `DB:ID`
//!   keeps its own DB name);
//! - `*\tCoref T<a> T<b> …` for each entity with two or more mentions written (the entity id itself
//!   is not kept; import names each group after its first mention, `T<a>`);
//! - `R<n>\tSpeaker Arg1:T<quote> Arg2:T<mention>` for each relation (a quote whose speaker the
//!   user set): the quote is a `T` of type `Quote` of its own, the speaker's mention the `T` already
//!   written over it (one is added, under the mention's label, when it is not exported);
//! - `#<n>\tAnnotatorNotes T<n>\t<note>`, line breaks and tabs in the note turned into spaces. A
//!   person's roles are a note too, `Roles: a; b`, on the `T` of the mention they were set on
//!   (after the span's own note, ` | ` between). Not an attribute: brat attributes take values
//!   declared beforehand in `annotation.conf` (binary or one of a list), and roles are free text;
//!   brat shows a note in the span's tooltip and edits it in the span dialog. Not a `Role` span
//!   either: the roles the user types are not a stretch of the text.
//!
//! Plus `annotation.conf` (the labels used, `Coref`, `Speaker` from `Quote` to any entity when a
//! document has one, overlaps allowed) and, when there are kb ids,
//! `tools.conf` declaring the normalization databases, so the folder opens in brat as it is.
//! brat cannot say "rejected": rejected spans are not written; suggestions are unless
//! `reviewed_only`. Document meta is not written. Labels and kb ids containing whitespace are an
//! error (brat's line format cannot hold them). File names come from document ids, with characters
//! other than letters, digits, `.`, `_`, `-` replaced by `_` and a `-2`, `-3`… suffix on clashes.
//!
//! Import pairs `X.txt` with `X.ann` (a `.txt` without `.ann` is a document without spans; an
//! `.ann` without `.txt` is an error); other files are ignored. The document id is `X` (the file
//! name without extension). `T` lines give spans (a discontinuous span becomes its hull, from the
//! first fragment's start to the last fragment's end), `N` lines kb ids (`Wikidata:Q567` → `Q567`,
//! other databases keep their prefix; the first one wins), `#` lines notes (several are joined
//! with a line break), `*` lines entity groups (any equivalence type). `Speaker` relations
//! (`R`) become relations, and a `Quote` `T` at their `Arg1` is then no span; other relations,
//! events (`E`) and attributes (`A`, `M`) are read past, as are notes and normalizations attached to them
//! (an event's trigger is a `T` line and comes in as a span). A `T` line whose text field does not match the
//! `.txt` at its offsets (whitespace runs compared as one space) is an error.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;

use super::offsets::OffsetTable;
use super::{
    AnnotatedDoc, AnnotatedRelation, AnnotatedSpan, ExportOptions, FormatError, QUOTE_LABEL, RelationArg,
    SPEAKER_RELATION, SpanStatus, arg_offsets, cp_range, line_error, select, span_error,
};

const COREF: &str = "Coref";

pub(super) fn export(
    docs: &[AnnotatedDoc],
    opts: &ExportOptions,
) -> Result<Vec<(String, String)>, FormatError> {
    let mut files = Vec::with_capacity(docs.len() * 2 + 2);
    let mut used = HashSet::new();
    let mut labels = BTreeSet::new();
    let mut dbs = BTreeSet::new();
    for doc in docs {
        let stem = unique_stem(&doc.id, &mut used);
        let ann = export_doc(doc, opts, &mut labels, &mut dbs)?;
        files.push((format!("{stem}.txt"), doc.text.clone()));
        files.push((format!("{stem}.ann"), ann));
    }
    let mut conf = String::from("# Written by byline: the entity labels of these documents.\n[entities]\n");
    for label in &labels {
        conf.push_str(label);
        conf.push('\n');
    }
    conf.push_str("\n[relations]\n");
    let _ = writeln!(conf, "{COREF}\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive");
    if docs.iter().any(|d| d.relations.iter().any(|r| r.label == SPEAKER_RELATION)) {
        let _ = writeln!(conf, "{SPEAKER_RELATION}\tArg1:{QUOTE_LABEL}, Arg2:<ENTITY>");
    }
    conf.push_str("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n[events]\n\n[attributes]\n");
    files.push(("annotation.conf".to_owned(), conf));
    if !dbs.is_empty() {
        let mut tools = String::from("[normalization]\n");
        for db in &dbs {
            if db == "Wikidata" {
                tools.push_str(
                    "Wikidata\tDB:<NONE>, <URL>:https://www.wikidata.org, <URLBASE>:https://www.wikidata.org/wiki/%s\n",
                );
            } else {
                let _ = writeln!(tools, "{db}\tDB:<NONE>");
            }
        }
        files.push(("tools.conf".to_owned(), tools));
    }
    Ok(files)
}

fn export_doc(
    doc: &AnnotatedDoc,
    opts: &ExportOptions,
    labels: &mut BTreeSet<String>,
    dbs: &mut BTreeSet<String>,
) -> Result<String, FormatError> {
    let table = OffsetTable::new(&doc.text);
    let spans = select(doc, &table, opts, false)?;
    let mut ann = String::new();
    let mut norms = String::new();
    let mut notes: Vec<(usize, String)> = Vec::new(); // (T number, note)
    let mut groups: Vec<Vec<usize>> = Vec::new(); // T numbers per entity, in order of first mention
    let mut group_of: HashMap<&str, usize> = HashMap::new();
    let mut written: Vec<(usize, usize, usize)> = Vec::new(); // (start, end, T number)
    let mut n_norm = 0;
    for (i, o) in spans.iter().enumerate() {
        let t = i + 1;
        let span = o.span;
        if span.label.chars().any(char::is_whitespace) {
            return Err(span_error(doc, span, "brat labels cannot contain whitespace"));
        }
        let text = textbound(&mut ann, doc, &table, t, &span.label, span.start, span.end)
            .map_err(|m| span_error(doc, span, m))?;
        labels.insert(span.label.clone());
        written.push((span.start, span.end, t));
        if let Some(kb) = &span.kb_id {
            if kb.is_empty() || kb.chars().any(char::is_whitespace) {
                return Err(span_error(doc, span, &format!("kb id {kb:?} is empty or contains whitespace")));
            }
            let (db, id) = kb.split_once(':').unwrap_or(("Wikidata", kb));
            dbs.insert(db.to_owned());
            n_norm += 1;
            let _ = writeln!(norms, "N{n_norm}\tReference T{t} {db}:{id}\t{text}");
        }
        if let Some(note) = &span.note {
            notes.push((t, note.clone()));
        }
        if let Some(entity) = &span.entity {
            match group_of.get(entity.as_str()) {
                Some(&g) => groups[g].push(t),
                None => {
                    group_of.insert(entity, groups.len());
                    groups.push(vec![t]);
                }
            }
        }
    }
    // Relations and roles point at a T line: the one written over the same text, else one added
    // (a quote under `Quote`, a mention under its own label).
    let mut next_t = spans.len() + 1;
    let mut t_for = |ann: &mut String, arg: &RelationArg, reuse: bool| -> Result<usize, FormatError> {
        arg_offsets(doc, &table, arg)?;
        if reuse && let Some(&(_, _, t)) = written.iter().find(|w| (w.0, w.1) == (arg.start, arg.end)) {
            return Ok(t);
        }
        let t = next_t;
        next_t += 1;
        textbound(ann, doc, &table, t, &arg.label, arg.start, arg.end).map_err(|m| arg_error(doc, arg, m))?;
        labels.insert(arg.label.clone());
        written.push((arg.start, arg.end, t));
        Ok(t)
    };
    let mut rels = String::new();
    for (r, rel) in doc.relations.iter().enumerate() {
        if rel.label.is_empty() || rel.label.chars().any(char::is_whitespace) {
            return Err(arg_error(doc, &rel.head, "brat relation types cannot contain whitespace"));
        }
        let head = t_for(&mut ann, &rel.head, rel.head.label != QUOTE_LABEL)?;
        let child = t_for(&mut ann, &rel.child, true)?;
        let _ = writeln!(rels, "R{}\t{} Arg1:T{head} Arg2:T{child}", r + 1, rel.label);
    }
    for roles in doc.roles.iter().filter(|r| !r.roles.is_empty()) {
        let t = t_for(&mut ann, &roles.person, true)?;
        let text = format!("Roles: {}", roles.roles.join("; "));
        match notes.iter_mut().find(|(n, _)| *n == t) {
            Some((_, note)) => {
                note.push_str(" | ");
                note.push_str(&text);
            }
            None => notes.push((t, text)),
        }
    }
    ann.push_str(&norms);
    ann.push_str(&rels);
    for members in groups.iter().filter(|m| m.len() >= 2) {
        let members: Vec<String> = members.iter().map(|t| format!("T{t}")).collect();
        let _ = writeln!(ann, "*\t{COREF} {}", members.join(" "));
    }
    for (n, (t, note)) in notes.iter().enumerate() {
        let note: String = note.chars().map(|c| if is_break(c) || c == '\t' { ' ' } else { c }).collect();
        let _ = writeln!(ann, "#{}\tAnnotatorNotes T{t}\t{note}", n + 1);
    }
    Ok(ann)
}

/// Writes `T<t>\t<label> <fragments>\t<text>` for `start..end` (bytes) and gives the text field.
fn textbound(
    ann: &mut String,
    doc: &AnnotatedDoc,
    table: &OffsetTable,
    t: usize,
    label: &str,
    start: usize,
    end: usize,
) -> Result<String, &'static str> {
    let frags = fragments(&doc.text, start, end);
    if frags.is_empty() {
        return Err("brat cannot store a span made only of line breaks");
    }
    let offsets: Vec<String> = frags
        .iter()
        .map(|&(s, e)| {
            format!(
                "{} {}",
                table.byte_to_char(s).unwrap_or_default(),
                table.byte_to_char(e).unwrap_or_default()
            )
        })
        .collect();
    let text: Vec<&str> = frags.iter().map(|&(s, e)| &doc.text[s..e]).collect();
    let text = text.join(" ").replace('\t', " ");
    let _ = writeln!(ann, "T{t}\t{label} {}\t{text}", offsets.join(";"));
    Ok(text)
}

fn arg_error(doc: &AnnotatedDoc, arg: &RelationArg, message: &str) -> FormatError {
    FormatError::Span {
        doc: doc.id.clone(),
        start: arg.start,
        end: arg.end,
        label: arg.label.clone(),
        message: message.to_owned(),
    }
}

fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// The byte ranges of `text[start..end]` between line breaks (empty pieces left out).
fn fragments(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = start;
    for (i, c) in text[start..end].char_indices() {
        if is_break(c) {
            if s < start + i {
                out.push((s, start + i));
            }
            s = start + i + c.len_utf8();
        }
    }
    if s < end {
        out.push((s, end));
    }
    out
}

/// A file-name-safe, unique stem for a document id.
fn unique_stem(id: &str, used: &mut HashSet<String>) -> String {
    let mut base: String = id
        .chars()
        .map(|c| if c.is_alphanumeric() || matches!(c, '.' | '_' | '-') { c } else { '_' })
        .collect();
    if base.starts_with('.') {
        base.replace_range(..1, "_");
    }
    if base.is_empty() {
        base = "doc".to_owned();
    }
    let mut stem = base.clone();
    let mut n = 2;
    while !used.insert(stem.clone()) {
        stem = format!("{base}-{n}");
        n += 1;
    }
    stem
}

pub(super) fn import(files: &[(String, String)]) -> Result<Vec<AnnotatedDoc>, FormatError> {
    let mut anns: HashMap<&str, (&str, &str)> = HashMap::new();
    for (name, contents) in files {
        if let Some(stem) = name.strip_suffix(".ann")
            && anns.insert(stem, (name, contents)).is_some()
        {
            return Err(FormatError::File { file: name.clone(), message: "given twice".to_owned() });
        }
    }
    let mut docs = Vec::new();
    let mut seen = HashSet::new();
    for (name, text) in files {
        let Some(stem) = name.strip_suffix(".txt") else { continue };
        if !seen.insert(stem) {
            return Err(FormatError::File { file: name.clone(), message: "given twice".to_owned() });
        }
        let mut doc = AnnotatedDoc::new(stem, text.clone());
        if let Some((ann_name, ann)) = anns.get(stem) {
            (doc.spans, doc.relations) = parse_ann(ann_name, ann, text)?;
        }
        docs.push(doc);
    }
    if let Some((stem, (ann_name, _))) = anns.iter().find(|(stem, _)| !seen.contains(*stem)) {
        return Err(FormatError::File {
            file: (*ann_name).to_owned(),
            message: format!("no matching {stem}.txt"),
        });
    }
    Ok(docs)
}

/// Parses one `.ann` file against its text.
/// Parses one `.ann` file against its text: its spans, and its `Speaker` relations (whose
/// `Quote` heads are then no spans).
fn parse_ann(
    file: &str,
    ann: &str,
    text: &str,
) -> Result<(Vec<AnnotatedSpan>, Vec<AnnotatedRelation>), FormatError> {
    let mut speakers: Vec<(&str, &str)> = Vec::new(); // (Arg1, Arg2) of Speaker relations
    let table = OffsetTable::new(text);
    let mut spans: Vec<AnnotatedSpan> = Vec::new();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut later: Vec<(usize, &str, &str, Option<&str>)> = Vec::new(); // line, id, middle, text
    let mut others: HashSet<&str> = HashSet::new(); // relation, event and attribute ids
    let lines = ann.strip_prefix('\u{FEFF}').unwrap_or(ann).split('\n');
    for (i, raw) in lines.enumerate() {
        let line = i + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if raw.trim().is_empty() {
            continue;
        }
        let err = |m: String| line_error(file, line, m);
        let mut fields = raw.splitn(3, '\t');
        let id = fields.next().unwrap_or_default();
        let Some(middle) = fields.next() else {
            return Err(err(format!(
                "expected tab-separated fields (ID<TAB>annotation<TAB>text), found {raw:?}"
            )));
        };
        let tail = fields.next();
        match id.chars().next() {
            Some('T') => {
                let span = parse_textbound(middle, tail, text, &table).map_err(err)?;
                if ids.insert(id, spans.len()).is_some() {
                    return Err(err(format!("duplicate id {id}")));
                }
                spans.push(span);
            }
            Some('N' | '#' | '*') => later.push((line, id, middle, tail)),
            Some('R' | 'E' | 'A' | 'M') => {
                let mut words = middle.split_whitespace();
                if id.starts_with('R') && words.next() == Some(SPEAKER_RELATION) {
                    let (a, b) = (words.next().unwrap_or_default(), words.next().unwrap_or_default());
                    if let (Some(h), Some(c)) = (a.strip_prefix("Arg1:"), b.strip_prefix("Arg2:")) {
                        speakers.push((h, c));
                    }
                }
                others.insert(id);
            }
            _ => {
                return Err(err(format!("unknown annotation id {id:?} (expected T, N, #, *, R, E, A or M)")));
            }
        }
    }

    let mut parent: Vec<usize> = (0..spans.len()).collect();
    for (line, id, middle, tail) in later {
        let err = |m: String| line_error(file, line, m);
        let mut words = middle.split_whitespace();
        let kind = words.next().unwrap_or_default();
        // The span a line refers to; None for a relation, event or attribute (read past).
        let target = |name: Option<&str>| -> Result<Option<usize>, FormatError> {
            let name = name.ok_or_else(|| err(format!("{kind} without a target id")))?;
            match ids.get(name) {
                Some(&i) => Ok(Some(i)),
                None if others.contains(name) => Ok(None),
                None => Err(err(format!("{name} is not an annotation of this file"))),
            }
        };
        if id.starts_with('*') {
            let members: Vec<Option<usize>> = words.map(|w| target(Some(w))).collect::<Result<_, _>>()?;
            let members: Vec<usize> = members.into_iter().flatten().collect();
            for pair in members.windows(2) {
                let (a, b) = (find(&mut parent, pair[0]), find(&mut parent, pair[1]));
                parent[a.max(b)] = a.min(b);
            }
        } else if id.starts_with('N') {
            let t = target(words.next())?;
            let reference = words.next().ok_or_else(|| err("normalization without DB:ID".to_owned()))?;
            let Some((db, kb)) =
                reference.split_once(':').filter(|(db, kb)| !db.is_empty() && !kb.is_empty())
            else {
                return Err(err(format!("expected DB:ID, found {reference:?}")));
            };
            let Some(t) = t else { continue };
            let span = &mut spans[t];
            if span.kb_id.is_none() {
                span.kb_id = Some(if db == "Wikidata" { kb.to_owned() } else { reference.to_owned() });
            }
        } else {
            let Some(t) = target(words.next())? else { continue };
            let note = tail.unwrap_or_default().to_owned();
            let span = &mut spans[t];
            span.note = Some(match span.note.take() {
                Some(prev) => format!("{prev}\n{note}"),
                None => note,
            });
        }
    }
    // Entity groups of two or more mentions, named after their first mention.
    let mut names = vec![""; spans.len()];
    for (&name, &i) in &ids {
        names[i] = name;
    }
    let mut sizes = vec![0usize; spans.len()];
    for i in 0..spans.len() {
        let root = find(&mut parent, i);
        sizes[root] += 1;
    }
    for (i, span) in spans.iter_mut().enumerate() {
        let root = find(&mut parent, i);
        if sizes[root] >= 2 {
            span.entity = Some(names[root].to_owned());
        }
    }
    // Speaker relations between spans of this file; a quote that is the head of one is no span.
    let arg = |name: &str| ids.get(name).copied();
    let relation_arg = |s: &AnnotatedSpan| RelationArg { start: s.start, end: s.end, label: s.label.clone() };
    let mut relations = Vec::new();
    let mut quotes = HashSet::new();
    for (h, c) in speakers {
        if let (Some(h), Some(c)) = (arg(h), arg(c)) {
            relations.push(AnnotatedRelation {
                label: SPEAKER_RELATION.to_owned(),
                head: relation_arg(&spans[h]),
                child: relation_arg(&spans[c]),
            });
            if spans[h].label == QUOTE_LABEL {
                quotes.insert(h);
            }
        }
    }
    let spans = spans.into_iter().enumerate().filter(|(i, _)| !quotes.contains(i)).map(|(_, s)| s).collect();
    Ok((spans, relations))
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// `LABEL s e[;s e…]` plus the optional text field → a span (the hull of the fragments).
fn parse_textbound(
    middle: &str,
    tail: Option<&str>,
    text: &str,
    table: &OffsetTable,
) -> Result<AnnotatedSpan, String> {
    let (label, offsets) =
        middle.split_once(' ').ok_or_else(|| format!("expected \"LABEL start end\", found {middle:?}"))?;
    if label.is_empty() {
        return Err("empty label".to_owned());
    }
    let mut frags = Vec::new();
    for frag in offsets.split(';') {
        let nums: Vec<&str> = frag.split_whitespace().collect();
        let parsed: Option<Vec<usize>> = nums.iter().map(|n| n.parse().ok()).collect();
        match parsed.as_deref() {
            Some(&[s, e]) if s <= e => frags.push((s, e)),
            _ => return Err(format!("bad offsets {frag:?} (expected \"start end\" with start <= end)")),
        }
    }
    let start = frags.iter().map(|f| f.0).min().unwrap_or_default();
    let end = frags.iter().map(|f| f.1).max().unwrap_or_default();
    let (bs, be) = cp_range(table, start, end)?;
    if let Some(given) = tail {
        let mut pieces = Vec::with_capacity(frags.len());
        for &(s, e) in &frags {
            let (Some(s), Some(e)) = (table.char_to_byte(s), table.char_to_byte(e)) else {
                return Err(format!("fragment {s} {e} is past the end of the text"));
            };
            pieces.push(&text[s..e]);
        }
        let expected = pieces.join(" ");
        if squash(&expected) != squash(given) {
            return Err(format!(
                "text {given:?} does not match the document text {expected:?} at {offsets} \
                 (were the .txt line endings or encoding changed?)"
            ));
        }
    }
    Ok(AnnotatedSpan::new(bs, be, label, SpanStatus::Suggested))
}

/// Whitespace runs → one space, trimmed.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
