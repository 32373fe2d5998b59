//! CoNLL readers: 2 columns (token, tag), 3 columns (index, token, tag) and the original
//! space-separated 4-column CoNLL-2003 layout (token, POS, chunk, tag).

use super::types::{Sentence, Tag, repair_bio};

/// Reads CoNLL text into sentences. Blank lines separate sentences, `-DOCSTART-` lines separate
/// documents (and are skipped), `#` comment lines are ignored, tags in IOB1 are converted to IOB2.
/// Unknown tags are read as `O` rather than failing: the data is silver/noisy anyway.
/// Without any `-DOCSTART-`, each sentence is its own document (`Sentence::doc` = its index):
/// unrelated Wikipedia sentences must not share document-level statistics.
pub fn read_conll(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    let mut doc = 0u32;
    let mut saw_docstart = false;
    let flush = |cur: &mut Sentence, out: &mut Vec<Sentence>, doc: u32| {
        if !cur.words.is_empty() {
            let mut s = std::mem::take(cur);
            repair_bio(&mut s.tags);
            s.doc = doc;
            out.push(s);
        }
    };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut cur, &mut out, doc);
            continue;
        }
        if line.starts_with("# ") || line == "#" {
            continue;
        }
        let fields: Vec<&str> =
            if line.contains('\t') { line.split('\t').collect() } else { line.split_whitespace().collect() };
        let (token, tag) = match fields.as_slice() {
            [token] => (*token, "O"),
            [token, tag] => (*token, *tag),
            [idx, token, tag] if idx.trim().parse::<u64>().is_ok() => (*token, *tag),
            [token, .., tag] => (*token, *tag),
            [] => continue,
        };
        if token == "-DOCSTART-" {
            saw_docstart = true;
            flush(&mut cur, &mut out, doc);
            if !out.is_empty() {
                doc += 1;
            }
            continue;
        }
        cur.words.push(token.to_string());
        cur.tags.push(Tag::parse(tag).unwrap_or(Tag::O));
    }
    flush(&mut cur, &mut out, doc);
    if !saw_docstart {
        for (i, s) in out.iter_mut().enumerate() {
            s.doc = i as u32;
        }
    }
    out
}

/// Writes sentences back as 2-column CoNLL (token TAB tag), blank line between sentences.
pub fn write_conll(sentences: &[Sentence]) -> String {
    let mut s = String::new();
    for sent in sentences {
        for (w, t) in sent.words.iter().zip(&sent.tags) {
            s.push_str(w);
            s.push('\t');
            s.push_str(&t.to_conll());
            s.push('\n');
        }
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tagger::types::EntityLabel::*;

    #[test]
    fn three_columns_with_docstart() {
        let text = "0\t-DOCSTART-\tO\n\n0\tAnna\tB-PER\n1\tsings\tO\n\n0\tin\tO\n1\tRome\tB-LOC\n\n\
                    0\t-DOCSTART-\tO\n\n0\tBob\tB-PER\n";
        let s = read_conll(text);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].words, vec!["Anna", "sings"]);
        assert_eq!(s[1].tags, vec![Tag::O, Tag::B(Loc)]);
        assert_eq!(s[0].doc, s[1].doc);
        assert_ne!(s[1].doc, s[2].doc);
    }

    #[test]
    fn two_columns_iob1() {
        let s = read_conll("Jean\tI-PER\nDupont\tI-PER\nà\tO\nLyon\tI-LOC\r\n");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].tags, vec![Tag::B(Per), Tag::I(Per), Tag::O, Tag::B(Loc)]);
    }

    #[test]
    fn four_columns_spaces_and_junk() {
        let s = read_conll("EU NNP B-NP I-ORG\nrejects VBZ B-VP O\n\n\n\nweird\tB-FOO\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tags, vec![Tag::B(Org), Tag::O]);
        assert_eq!(s[1].tags, vec![Tag::O]);
        assert_ne!(s[0].doc, s[1].doc, "no DOCSTART: one document per sentence");
        assert!(read_conll("").is_empty());
    }

    #[test]
    fn write_roundtrip() {
        let s = read_conll("Anna\tB-PER\nKarenina\tI-PER\n");
        assert_eq!(read_conll(&write_conll(&s)), s);
    }
}
