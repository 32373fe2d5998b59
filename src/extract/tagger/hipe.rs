//! HIPE-2020 TSV reader (historical French newspapers).
//!
//! Columns: TOKEN, NE-COARSE-LIT, …, MISC (last). We read NE-COARSE-LIT and map
//! pers→PER, loc→LOC, org→ORG, prod→MISC, and drop `time` (→ O): dates are a separate DATE
//! label in byline, found by rules, and CoNLL-style MISC never contains dates, so teaching the
//! model that dates are MISC would hurt. `# ` lines are comments; a `document_id` comment starts a
//! new document; `EndOfSentence` in the MISC column (or a blank line) ends a sentence.

use super::types::{EntityLabel, Sentence, Tag, repair_bio};

fn map_tag(raw: &str) -> Tag {
    let Some((prefix, kind)) = raw.trim().split_once('-') else {
        return Tag::O;
    };
    // Fine-grained values ("loc.adm.town") may appear if the wrong column is used; keep the head.
    let kind = kind.split('.').next().unwrap_or("");
    let label = match kind {
        "pers" => EntityLabel::Per,
        "loc" => EntityLabel::Loc,
        "org" => EntityLabel::Org,
        "prod" | "other" => EntityLabel::Misc,
        _ => return Tag::O,
    };
    match prefix {
        "B" => Tag::B(label),
        "I" => Tag::I(label),
        _ => Tag::O,
    }
}

pub fn read_hipe(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    let mut doc = 0u32;
    let mut seen_doc = false;
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
        if line.starts_with('#') {
            if line.contains("document_id") {
                flush(&mut cur, &mut out, doc);
                if seen_doc {
                    doc += 1;
                }
                seen_doc = true;
            }
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.first() == Some(&"TOKEN") {
            continue; // header
        }
        let token = fields.first().copied().unwrap_or("").trim();
        if token.is_empty() {
            continue;
        }
        let tag = fields.get(1).map_or(Tag::O, |t| map_tag(t));
        cur.words.push(token.to_string());
        cur.tags.push(tag);
        let misc = if fields.len() >= 3 { fields.last().copied().unwrap_or("") } else { "" };
        if misc.split('|').any(|m| m == "EndOfSentence") {
            flush(&mut cur, &mut out, doc);
        }
    }
    flush(&mut cur, &mut out, doc);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_hipe_tsv() {
        let text = "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tMISC\n\
                    # hipe2022:document_id = A\n\
                    Le\tO\tO\t_\n\
                    maire\tB-pers\tO\t_\n\
                    Dupuis\tI-pers\tO\t_\n\
                    de\tO\tO\t_\n\
                    Genève\tB-loc\tO\tNoSpaceAfter\n\
                    .\tO\tO\tEndOfSentence\n\
                    Le\tB-time\tO\t_\n\
                    3\tI-time\tO\t_\n\
                    mai\tI-time\tO\tEndOfLine|EndOfSentence\n\
                    # hipe2022:document_id = B\n\
                    Journal\tB-prod\tO\t_\n\
                    \tO\tO\t_\n";
        let s = read_hipe(text);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].words.len(), 6);
        assert_eq!(s[0].tags[1], Tag::B(EntityLabel::Per));
        assert_eq!(s[0].tags[4], Tag::B(EntityLabel::Loc));
        assert!(s[1].tags.iter().all(|t| *t == Tag::O));
        assert_eq!(s[2].tags, vec![Tag::B(EntityLabel::Misc)]);
        assert_eq!(s[0].doc, s[1].doc);
        assert_ne!(s[1].doc, s[2].doc);
    }
}
