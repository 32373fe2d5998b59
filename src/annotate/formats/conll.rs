//! CoNLL-style IOB2: `token<TAB>TAG` per line, a blank line after each sentence. Export only.
//!
//! Lossy by nature, and these are the rules:
//! - tokens come from [`super::tokens`] and are split at span edges, so every span covers whole
//!   tokens (a span on `Merkel` in `Merkels` gives the tokens `Merkel` `s`); whitespace is not
//!   written at all (the text cannot be rebuilt exactly: spaces, line breaks and CRLF are lost);
//! - overlapping spans cannot be tagged: spans are taken in position order (the longer first at
//!   equal starts) and a span overlapping one already taken is dropped;
//! - kb ids, entity grouping, notes, statuses and document meta are dropped; rejected spans are
//!   never written, suggestions are unless `reviewed_only`;
//! - sentences come from the splitter in [`super::tokens`] and never cut a written span;
//! - with more than one document, each starts with a `-DOCSTART-<TAB>O` line and a blank line
//!   (the CoNLL 2003 convention that `spacy convert -n` understands); a single document has none.
//!
//! Labels containing whitespace are an error (the tag column cannot hold them).

use super::offsets::OffsetTable;
use super::tokens::{sentences, tokenize};
use super::{AnnotatedDoc, ExportOptions, FormatError, drop_overlaps, select, span_error};

pub(super) fn export(docs: &[AnnotatedDoc], opts: &ExportOptions) -> Result<String, FormatError> {
    let mut out = String::new();
    for doc in docs {
        let table = OffsetTable::new(&doc.text);
        let spans = drop_overlaps(select(doc, &table, opts, false)?);
        if let Some(o) = spans.iter().find(|o| o.span.label.chars().any(char::is_whitespace)) {
            return Err(span_error(doc, o.span, "CoNLL tags cannot contain whitespace"));
        }
        let starts: Vec<usize> = spans.iter().map(|o| o.span.start).collect();
        let ends: Vec<usize> = spans.iter().map(|o| o.span.end).collect();
        let keep: Vec<(usize, usize)> = spans.iter().map(|o| (o.span.start, o.span.end)).collect();
        let toks = tokenize(&doc.text, &starts, &ends);
        if docs.len() > 1 {
            out.push_str("-DOCSTART-\tO\n\n");
        }
        let mut next = 0; // first span that may still contain a token
        let mut inside: Option<usize> = None; // the span the previous written token was in
        for sent in sentences(&doc.text, &toks, &keep) {
            let mut wrote = false;
            for t in toks[sent].iter().filter(|t| !t.space) {
                while next < spans.len() && spans[next].span.end <= t.start {
                    next += 1;
                }
                let tag = match spans.get(next) {
                    Some(o) if o.span.start <= t.start && t.end <= o.span.end => {
                        let prefix = if inside == Some(next) { "I" } else { "B" };
                        inside = Some(next);
                        format!("{prefix}-{}", o.span.label)
                    }
                    _ => {
                        inside = None;
                        "O".to_owned()
                    }
                };
                out.push_str(&doc.text[t.start..t.end]);
                out.push('\t');
                out.push_str(&tag);
                out.push('\n');
                wrote = true;
            }
            if wrote {
                out.push('\n');
            }
        }
    }
    Ok(out)
}
