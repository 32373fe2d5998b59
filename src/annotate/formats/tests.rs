//! Format tests: the shared vectors (`testdata/`, copied from the project's format vectors), round
//! trips through every importable format, edge cases and malformed input.

use serde_json::{Value, json};

use super::*;

const TEXT: &str = include_str!("testdata/doc.txt");
const ANN: &str = include_str!("testdata/doc.ann");
const IOB2: &str = include_str!("testdata/doc.iob2.conll");
const DOCCANO: &str = include_str!("testdata/doccano.jsonl");
const DOCCANO_REL: &str = include_str!("testdata/doccano_relations.jsonl");
const PRODIGY: &str = include_str!("testdata/prodigy.jsonl");
const SPACY: &str = include_str!("testdata/spacy_doc_to_json.json");
const PATTERNS: &str = include_str!("testdata/patterns.jsonl");

const ALL_ACCEPTED: ExportOptions = ExportOptions { reviewed_only: true };
const WITH_SUGGESTIONS: ExportOptions = ExportOptions { reviewed_only: false };

fn span(start: usize, end: usize, label: &str) -> AnnotatedSpan {
    AnnotatedSpan::new(start, end, label, SpanStatus::Accepted)
}

/// The vectors' document: `Angela Merkel met Emmanuel Macron in Paris on Monday. Merkel praised France.`
fn vector_doc() -> AnnotatedDoc {
    let text = TEXT.trim_end_matches('\n');
    assert_eq!(text.chars().count(), 76);
    let mut doc = AnnotatedDoc::new("doc", text);
    let table = [
        (0, 13, "PER", Some("Q567")),
        (18, 33, "PER", Some("Q3052772")),
        (37, 42, "LOC", Some("Q90")),
        (46, 52, "DATE", None),
        (54, 60, "PER", Some("Q567")),
        (69, 75, "LOC", Some("Q142")),
    ];
    for (s, e, label, kb) in table {
        let mut sp = span(s, e, label);
        sp.kb_id = kb.map(str::to_owned);
        doc.spans.push(sp);
    }
    doc.spans[0].entity = Some("merkel".into());
    doc.spans[4].entity = Some("merkel".into());
    doc.spans[3].note = Some("Relative date; resolve against dateline".into());
    doc.meta.insert("source".into(), json!("example"));
    doc
}

fn jsonl(s: &str) -> Vec<Value> {
    s.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

fn one_file(files: Vec<(String, String)>) -> String {
    assert_eq!(files.len(), 1, "one file expected");
    files.into_iter().next().map(|(_, c)| c).unwrap_or_default()
}

/// Keeps only `keys` of each object in an array.
fn project(v: &Value, keys: &[&str]) -> Vec<Value> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|o| {
            Value::Object(keys.iter().filter_map(|&k| Some((k.to_owned(), o.get(k)?.clone()))).collect())
        })
        .collect()
}

fn triples(doc: &AnnotatedDoc) -> Vec<(usize, usize, String)> {
    let mut v: Vec<_> = doc.spans.iter().map(|s| (s.start, s.end, s.label.clone())).collect();
    v.sort();
    v
}

/// The span of `doc` that `s` (read back from an export) came from.
fn original<'a>(doc: &'a AnnotatedDoc, s: &AnnotatedSpan) -> &'a AnnotatedSpan {
    doc.spans.iter().find(|o| (o.start, o.end, &o.label) == (s.start, s.end, &s.label)).expect("span")
}

// ---- vectors -----------------------------------------------------------------------------------

#[test]
fn prodigy_export_matches_vector() {
    let mut doc = vector_doc();
    doc.spans.push(AnnotatedSpan::new(37, 42, "LOC", SpanStatus::Rejected)); // the vector's reject record
    let out = one_file(export(&[doc], Format::Prodigy, &ALL_ACCEPTED).expect("export"));
    let got = jsonl(&out);
    let want = jsonl(PRODIGY);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0]["text"], want[0]["text"]);
    assert_eq!(got[0]["tokens"], want[0]["tokens"]);
    let span_keys = ["start", "end", "token_start", "token_end", "label"];
    assert_eq!(project(&got[0]["spans"], &span_keys), project(&want[0]["spans"], &span_keys));
    assert_eq!(got[0]["answer"], "accept");
    assert_eq!(got[0]["_view_id"], "ner_manual");
    assert_eq!(got[0]["meta"]["source"], "example");
    assert_eq!(got[0]["meta"]["id"], "doc");
    assert_eq!(got[0]["spans"][0]["kb_id"], "Q567");
    assert_eq!(got[1]["text"], want[1]["text"]);
    assert_eq!(
        project(&got[1]["spans"], &["start", "end", "label"]),
        project(&want[1]["spans"], &["start", "end", "label"])
    );
    assert_eq!(got[1]["answer"], "reject");
}

#[test]
fn prodigy_import_reads_vector() {
    let docs = import(&[("prodigy.jsonl".into(), PRODIGY.into())], Format::Prodigy).expect("import");
    assert_eq!(docs.len(), 1, "both records are about the same text");
    let doc = &docs[0];
    assert_eq!(doc.id, "prodigy.jsonl:1");
    assert_eq!(doc.text, vector_doc().text);
    assert_eq!(triples(doc), triples(&vector_doc()));
    assert_eq!(doc.meta.get("source"), Some(&json!("example")));
    for s in &doc.spans {
        // Paris was accepted, then rejected by the later binary record: the later answer wins.
        let want = if s.start == 37 { SpanStatus::Rejected } else { SpanStatus::Accepted };
        assert_eq!(s.status, want, "{s:?}");
    }
}

#[test]
fn doccano_export_matches_vector() {
    let out = one_file(export(&[vector_doc()], Format::Doccano, &ALL_ACCEPTED).expect("export"));
    let got = jsonl(&out);
    let want = jsonl(DOCCANO);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["text"], want[0]["text"]);
    assert_eq!(got[0]["label"], want[0]["label"]);
    assert_eq!(got[0]["id"], "doc");
    assert_eq!(got[0]["meta"], json!({"source": "example"}));
}

#[test]
fn doccano_import_reads_both_vectors() {
    for (name, contents) in [("doccano.jsonl", DOCCANO), ("doccano_relations.jsonl", DOCCANO_REL)] {
        let docs = import(&[(name.into(), contents.into())], Format::Doccano).expect(name);
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].text, vector_doc().text);
        assert_eq!(triples(&docs[0]), triples(&vector_doc()), "{name}");
        assert!(docs[0].spans.iter().all(|s| s.status == SpanStatus::Suggested));
        assert_eq!(docs[0].id, format!("{name}:1"));
    }
}

#[test]
fn brat_export_matches_vector() {
    let files = export(&[vector_doc()], Format::Brat, &ALL_ACCEPTED).expect("export");
    let get = |n: &str| files.iter().find(|(name, _)| name == n).map(|(_, c)| c.as_str()).expect(n);
    assert_eq!(get("doc.txt"), vector_doc().text);
    // The vector also has a relation (R1) and an attribute (A1), which byline does not model.
    let want: Vec<&str> = ANN.lines().filter(|l| !l.starts_with('R') && !l.starts_with('A')).collect();
    let got: Vec<&str> = get("doc.ann").lines().collect();
    assert_eq!(got, want);
    let conf = get("annotation.conf");
    assert!(conf.contains("[entities]\nDATE\nLOC\nPER\n"), "{conf}");
    assert!(get("tools.conf").starts_with("[normalization]\nWikidata\t"));
}

#[test]
fn brat_import_reads_vector() {
    let files = vec![
        ("doc.txt".to_owned(), TEXT.to_owned()),
        ("doc.ann".to_owned(), ANN.to_owned()),
        ("annotation.conf".to_owned(), "[entities]\nPER\n".to_owned()),
    ];
    let docs = import(&files, Format::Brat).expect("import");
    assert_eq!(docs.len(), 1);
    let (doc, want) = (&docs[0], vector_doc());
    assert_eq!(doc.id, "doc");
    assert_eq!(triples(doc), triples(&want));
    for (got, want) in doc.spans.iter().zip(&want.spans) {
        assert_eq!((got.start, &got.kb_id, &got.note), (want.start, &want.kb_id, &want.note));
        assert_eq!(got.status, SpanStatus::Suggested);
    }
    assert_eq!(doc.spans[0].entity.as_deref(), Some("T1"));
    assert_eq!(doc.spans[4].entity.as_deref(), Some("T1"));
    assert!(doc.spans.iter().enumerate().all(|(i, s)| s.entity.is_some() == (i == 0 || i == 4)));
}

/// CoNLL as (token, tag) sentences, ignoring how many blank lines separate them.
fn conll_sentences(s: &str) -> Vec<Vec<(String, String)>> {
    let mut out = vec![Vec::new()];
    for line in s.lines() {
        match line.split_once('\t') {
            Some((tok, tag)) => out.last_mut().expect("non-empty").push((tok.to_owned(), tag.to_owned())),
            None if out.last().is_some_and(|s| !s.is_empty()) => out.push(Vec::new()),
            None => {}
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

#[test]
fn conll_export_matches_vector() {
    let out = one_file(export(&[vector_doc()], Format::Conll, &ALL_ACCEPTED).expect("export"));
    assert_eq!(conll_sentences(&out), conll_sentences(IOB2));
    assert!(out.ends_with(".\tO\n\n"));
}

#[test]
fn spacy_export_matches_vector() {
    let out = one_file(export(&[vector_doc()], Format::SpacyJson, &ALL_ACCEPTED).expect("export"));
    let got = jsonl(&out);
    let want: Value = serde_json::from_str(SPACY).expect("vector");
    assert_eq!(got, vec![want]);
}

#[test]
fn patterns_export_covers_vector() {
    let out = one_file(export(&[vector_doc()], Format::Patterns, &ALL_ACCEPTED).expect("export"));
    let got = jsonl(&out);
    for want in jsonl(PATTERNS).into_iter().filter(|p| p["pattern"].is_string()) {
        assert!(got.contains(&want), "missing {want}");
    }
    assert_eq!(got.len(), 6);
    assert_eq!(got[3], json!({"label": "DATE", "pattern": "Monday"}));
    assert_eq!(got[4], json!({"label": "PER", "pattern": "Merkel", "id": "Q567"}));
}

// ---- round trips -------------------------------------------------------------------------------

/// Astral emoji (and a ZWJ sequence), combining marks, CRLF, a span across a line break, a span
/// ending inside a word, overlapping spans and a span at the very end of the text.
fn tricky_doc() -> AnnotatedDoc {
    let text =
        "Café 😊 owners met in Zürich.\r\nJose\u{301} Garci\u{301}a spoke 👩‍👩‍👧 «Merci»\r\n\r\nEnd in Bamako";
    let mut doc = AnnotatedDoc::new("tricky one/1", text);
    let at = |needle: &str| text.find(needle).expect(needle);
    let mut add = |start: usize, end: usize, label: &str| {
        doc.spans.push(span(start, end, label));
        doc.spans.len() - 1
    };
    let cafe = at("Café");
    add(cafe, cafe + "Café 😊 owners".len(), "ORG");
    add(cafe, cafe + "Café".len(), "ORG"); // overlaps the one above
    let emoji = at("😊");
    add(emoji, emoji + "😊".len(), "MISC");
    let z = at("Zürich");
    let zurich = add(z, z + "Zürich".len(), "LOC");
    add(z, z + "Zür".len(), "MISC"); // ends inside a word
    let j = at("Jose\u{301}");
    let jose = add(j, j + "Jose\u{301} Garci\u{301}a".len(), "PER");
    add(z, j + "Jose\u{301}".len(), "MISC"); // crosses the CRLF
    let fam = at("👩");
    add(fam, fam + "👩‍👩‍👧".len(), "MISC");
    let m = at("Merci");
    add(m, m + "Merci".len(), "MISC");
    let b = at("Bamako");
    let bamako = add(b, text.len(), "LOC"); // at the very end
    doc.spans[zurich].kb_id = Some("Q72".into());
    doc.spans[jose].kb_id = Some("GeoNames:123".into());
    doc.spans[jose].note = Some("two combining\nacutes".into());
    doc.spans[bamako].entity = Some("place".into());
    doc.spans[zurich].entity = Some("place".into());
    doc.meta.insert("title".into(), json!("Tricky «text»"));
    doc
}

fn round_trip(format: Format, docs: &[AnnotatedDoc]) -> Vec<AnnotatedDoc> {
    let files = export(docs, format, &WITH_SUGGESTIONS).expect("export");
    import(&files, format).expect("import")
}

#[test]
fn prodigy_round_trip() {
    let mut doc = tricky_doc();
    doc.spans.push(AnnotatedSpan::new(0, 1, "PER", SpanStatus::Rejected));
    let back = round_trip(Format::Prodigy, std::slice::from_ref(&doc));
    assert_eq!(back.len(), 1);
    assert_eq!((&back[0].id, &back[0].text, &back[0].meta), (&doc.id, &doc.text, &doc.meta));
    assert_eq!(triples(&back[0]), triples(&doc));
    for s in &back[0].spans {
        let orig = original(&doc, s);
        assert_eq!((&s.kb_id, &s.entity, &s.note), (&orig.kb_id, &orig.entity, &orig.note));
        // A record holding suggestions has no answer: its spans come back as suggestions.
        let has_suggestions = doc.spans.iter().any(|s| s.status == SpanStatus::Suggested);
        let want = match orig.status {
            SpanStatus::Rejected => SpanStatus::Rejected,
            _ if has_suggestions => SpanStatus::Suggested,
            status => status,
        };
        assert_eq!(s.status, want);
    }
}

#[test]
fn prodigy_tokens_rebuild_text_and_align() {
    let doc = tricky_doc();
    let out = one_file(export(std::slice::from_ref(&doc), Format::Prodigy, &ALL_ACCEPTED).expect("export"));
    let rec = &jsonl(&out)[0];
    let chars: Vec<char> = doc.text.chars().collect();
    let mut rebuilt = String::new();
    for (i, t) in rec["tokens"].as_array().expect("tokens").iter().enumerate() {
        let (s, e) = (t["start"].as_u64().expect("start") as usize, t["end"].as_u64().expect("end") as usize);
        let piece: String = chars[s..e].iter().collect();
        assert_eq!(t["text"], piece.as_str());
        assert_eq!(t["id"], i);
        rebuilt.push_str(&piece);
        if t["ws"] == true {
            rebuilt.push(' ');
        }
    }
    assert_eq!(rebuilt, doc.text);
    let tokens = rec["tokens"].as_array().expect("tokens");
    for s in rec["spans"].as_array().expect("spans") {
        let ts = s["token_start"].as_u64().expect("ts") as usize;
        let te = s["token_end"].as_u64().expect("te") as usize;
        assert_eq!(tokens[ts]["start"], s["start"]);
        assert_eq!(tokens[te]["end"], s["end"]);
    }
}

#[test]
fn doccano_round_trip() {
    let doc = tricky_doc();
    let back = round_trip(Format::Doccano, std::slice::from_ref(&doc));
    assert_eq!(back.len(), 1);
    assert_eq!((&back[0].id, &back[0].text, &back[0].meta), (&doc.id, &doc.text, &doc.meta));
    assert_eq!(triples(&back[0]), triples(&doc));
}

#[test]
fn brat_round_trip() {
    let doc = tricky_doc();
    let files = export(std::slice::from_ref(&doc), Format::Brat, &WITH_SUGGESTIONS).expect("export");
    let txt = files.iter().find(|(n, _)| n == "tricky_one_1.txt").expect("txt");
    assert_eq!(txt.1, doc.text, "the .txt is the text as is, CRLF included");
    let ann = &files.iter().find(|(n, _)| n == "tricky_one_1.ann").expect("ann").1;
    // "Zürich.\r\nJosé" is written as two fragments around the line break; code points count
    // the emoji once and both CR and LF.
    assert!(ann.contains("\tMISC 21 28;30 35\tZürich. Jose\u{301}\n"), "{ann}");
    assert!(ann.contains("#1\tAnnotatorNotes T"), "{ann}");
    assert!(ann.contains("two combining acutes"), "{ann}");
    let back = import(&files, Format::Brat).expect("import");
    assert_eq!(back.len(), 1);
    assert_eq!((&back[0].id, &back[0].text), (&"tricky_one_1".to_owned(), &doc.text));
    assert_eq!(triples(&back[0]), triples(&doc));
    for s in &back[0].spans {
        let orig = original(&doc, s);
        assert_eq!(s.kb_id, orig.kb_id);
        assert_eq!(s.note, orig.note.as_ref().map(|n| n.replace('\n', " ")));
        assert_eq!(s.entity.is_some(), orig.entity.is_some(), "{s:?}");
    }
    let grouped: Vec<_> =
        back[0].spans.iter().filter(|s| s.entity.is_some()).map(|s| s.entity.clone()).collect();
    assert!(grouped.len() == 2 && grouped[0] == grouped[1]);
}

#[test]
fn round_trips_keep_several_documents_apart() {
    let docs = vec![
        vector_doc(),
        tricky_doc(),
        AnnotatedDoc::new("empty", ""),
        AnnotatedDoc::new("plain", "No spans."),
    ];
    for format in [Format::Prodigy, Format::Doccano, Format::Brat] {
        let back = round_trip(format, &docs);
        assert_eq!(back.len(), docs.len(), "{format}");
        for (b, d) in back.iter().zip(&docs) {
            assert_eq!(b.text, d.text, "{format}");
            assert_eq!(triples(b), triples(d), "{format}");
        }
    }
}

#[test]
fn same_text_twice_stays_two_documents() {
    let docs = vec![AnnotatedDoc::new("a", "Paris"), AnnotatedDoc::new("b", "Paris")];
    for format in [Format::Prodigy, Format::Doccano, Format::Brat] {
        let back = round_trip(format, &docs);
        assert_eq!(back.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["a", "b"], "{format}");
    }
}

// ---- options, edge cases -----------------------------------------------------------------------

fn mixed_doc() -> AnnotatedDoc {
    let mut doc = AnnotatedDoc::new("m", "Alpha Beta Gamma");
    doc.spans.push(AnnotatedSpan::new(0, 5, "A", SpanStatus::Accepted));
    doc.spans.push(AnnotatedSpan::new(6, 10, "B", SpanStatus::Suggested));
    doc.spans.push(AnnotatedSpan::new(11, 16, "C", SpanStatus::Rejected));
    doc
}

fn labels_written(format: Format, opts: &ExportOptions) -> String {
    let files = export(&[mixed_doc()], format, opts).expect("export");
    let all: String = files.iter().filter(|(n, _)| !n.ends_with(".conf")).map(|(_, c)| c.as_str()).collect();
    ["A", "B", "C"]
        .iter()
        .filter(|l| {
            all.contains(&format!("\"{l}\""))
                || all.contains(&format!("-{l}\n"))
                || all.contains(&format!("\t{l} "))
        })
        .copied()
        .collect()
}

#[test]
fn reviewed_only_selects_spans() {
    for format in [Format::Doccano, Format::Brat, Format::Conll, Format::SpacyJson] {
        assert_eq!(labels_written(format, &ALL_ACCEPTED), "A", "{format}");
        assert_eq!(labels_written(format, &WITH_SUGGESTIONS), "AB", "{format}");
    }
    // Prodigy can say "rejected"; patterns only ever come from accepted spans.
    assert_eq!(labels_written(Format::Prodigy, &ALL_ACCEPTED), "AC");
    assert_eq!(labels_written(Format::Prodigy, &WITH_SUGGESTIONS), "ABC");
    assert_eq!(labels_written(Format::Patterns, &WITH_SUGGESTIONS), "A");
}

#[test]
fn prodigy_record_with_suggestions_has_no_answer() {
    let out = one_file(export(&[mixed_doc()], Format::Prodigy, &WITH_SUGGESTIONS).expect("export"));
    let recs = jsonl(&out);
    assert_eq!(recs.len(), 2);
    assert!(recs[0].get("answer").is_none(), "a pre-annotated task, not an accepted one");
    assert_eq!(recs[1]["answer"], "reject");
    let out = one_file(export(&[mixed_doc()], Format::Prodigy, &ALL_ACCEPTED).expect("export"));
    assert_eq!(jsonl(&out)[0]["answer"], "accept");
}

#[test]
fn empty_doc_and_doc_without_spans() {
    let docs = [AnnotatedDoc::new("empty", ""), AnnotatedDoc::new("none", "Nothing to see here.")];
    for format in Format::ALL {
        for doc in &docs {
            let files = export(std::slice::from_ref(doc), format, &WITH_SUGGESTIONS).expect("export");
            if format.can_import() {
                let back = import(&files, format).expect("import");
                assert_eq!(back.len(), 1, "{format}");
                assert_eq!(back[0].text, doc.text);
                assert!(back[0].spans.is_empty());
            }
        }
    }
    let spacy = one_file(export(&docs[..1], Format::SpacyJson, &ALL_ACCEPTED).expect("export"));
    assert_eq!(jsonl(&spacy)[0], json!({"text": "", "ents": [], "sents": [], "tokens": []}));
    assert_eq!(one_file(export(&docs[..1], Format::Conll, &ALL_ACCEPTED).expect("export")), "");
    assert_eq!(one_file(export(&docs, Format::Patterns, &ALL_ACCEPTED).expect("export")), "");
    assert_eq!(
        export(&[], Format::Prodigy, &ALL_ACCEPTED).expect("export"),
        [("prodigy.jsonl".to_owned(), String::new())]
    );
}

#[test]
fn overlaps_conll_and_spacy_keep_the_first() {
    let mut doc = AnnotatedDoc::new("o", "New York City is big");
    doc.spans.push(span(4, 8, "LOC")); // "York": starts later, dropped
    doc.spans.push(span(0, 13, "LOC")); // "New York City": first
    doc.spans.push(span(9, 20, "MISC")); // overlaps the first: dropped
    doc.spans.push(span(17, 20, "ADJ")); // "big": kept
    let conll = one_file(export(std::slice::from_ref(&doc), Format::Conll, &ALL_ACCEPTED).expect("export"));
    assert_eq!(conll, "New\tB-LOC\nYork\tI-LOC\nCity\tI-LOC\nis\tO\nbig\tB-ADJ\n\n");
    let spacy =
        one_file(export(std::slice::from_ref(&doc), Format::SpacyJson, &ALL_ACCEPTED).expect("export"));
    assert_eq!(
        jsonl(&spacy)[0]["ents"],
        json!([{"start": 0, "end": 13, "label": "LOC"}, {"start": 17, "end": 20, "label": "ADJ"}])
    );
    // Formats that can hold overlaps keep them all.
    for format in [Format::Prodigy, Format::Doccano, Format::Brat] {
        assert_eq!(round_trip(format, std::slice::from_ref(&doc))[0].spans.len(), 4, "{format}");
    }
}

#[test]
fn conll_several_documents_and_adjacent_spans() {
    let mut a = AnnotatedDoc::new("a", "Paris\n\nLondon");
    a.spans.push(span(0, 5, "LOC"));
    let mut b = AnnotatedDoc::new("b", "AB");
    b.spans.push(span(0, 1, "X"));
    b.spans.push(span(1, 2, "X"));
    let out = one_file(export(&[a, b], Format::Conll, &ALL_ACCEPTED).expect("export"));
    assert_eq!(out, "-DOCSTART-\tO\n\nParis\tB-LOC\n\nLondon\tO\n\n-DOCSTART-\tO\n\nA\tB-X\nB\tB-X\n\n");
}

#[test]
fn spacy_tokens_rebuild_text_with_crlf_and_emoji() {
    let doc = tricky_doc();
    let out = one_file(export(std::slice::from_ref(&doc), Format::SpacyJson, &ALL_ACCEPTED).expect("export"));
    let rec = &jsonl(&out)[0];
    let chars: Vec<char> = doc.text.chars().collect();
    let tokens = rec["tokens"].as_array().expect("tokens");
    let mut prev_end = 0;
    for t in tokens {
        let (s, e) = (t["start"].as_u64().expect("s") as usize, t["end"].as_u64().expect("e") as usize);
        // between tokens: nothing, or exactly one plain space (spaCy's trailing whitespace)
        let gap: String = chars[prev_end..s].iter().collect();
        assert!(gap.is_empty() || gap == " ", "gap {gap:?}");
        prev_end = e;
    }
    assert_eq!(prev_end, chars.len());
    for ent in rec["ents"].as_array().expect("ents") {
        assert!(
            tokens.iter().any(|t| t["start"] == ent["start"])
                && tokens.iter().any(|t| t["end"] == ent["end"])
        );
    }
    let sents = rec["sents"].as_array().expect("sents");
    assert_eq!(sents.first().map(|s| &s["start"]), Some(&json!(0)));
    assert_eq!(sents.last().map(|s| &s["end"]), Some(&json!(chars.len())));
}

#[test]
fn patterns_dedupe_and_normalise_whitespace() {
    let mut a = AnnotatedDoc::new("a", "Angela\nMerkel and Angela Merkel");
    a.spans.push(span(0, 13, "PER"));
    let mut second = span(18, 31, "PER");
    second.kb_id = Some("Q567".into());
    a.spans.push(second);
    a.spans.push(AnnotatedSpan::new(18, 24, "PER", SpanStatus::Suggested));
    let out = one_file(export(&[a], Format::Patterns, &WITH_SUGGESTIONS).expect("export"));
    assert_eq!(jsonl(&out), [json!({"label": "PER", "pattern": "Angela Merkel", "id": "Q567"})]);
}

#[test]
fn export_rejects_bad_spans() {
    let cases: [(usize, usize, &str, &str); 5] = [
        (3, 3, "PER", "empty"),
        (0, 99, "PER", "past the end"),
        (1, 3, "PER", "inside a UTF-8 character"),
        (0, 2, " ", "empty label"),
        (4, 2, "PER", "reversed"),
    ];
    for (s, e, label, why) in cases {
        let mut doc = AnnotatedDoc::new("bad", "é and more");
        doc.spans.push(span(s, e, label));
        for format in Format::ALL {
            let err = export(std::slice::from_ref(&doc), format, &ALL_ACCEPTED).expect_err(why);
            assert!(err.to_string().contains(why), "{format}: {err}");
            assert!(err.to_string().contains("\"bad\""), "{err}");
        }
    }
    let mut doc = AnnotatedDoc::new("bad", "Work of art");
    doc.spans.push(span(0, 11, "WORK OF ART"));
    for format in [Format::Brat, Format::Conll] {
        let err = export(std::slice::from_ref(&doc), format, &ALL_ACCEPTED).expect_err("whitespace label");
        assert!(err.to_string().contains("whitespace"), "{err}");
    }
    assert!(export(std::slice::from_ref(&doc), Format::Prodigy, &ALL_ACCEPTED).is_ok());
}

#[test]
fn brat_file_names_are_safe_and_unique() {
    let docs = [
        AnnotatedDoc::new("a/b", "x"),
        AnnotatedDoc::new("a?b", "y"),
        AnnotatedDoc::new("", "z"),
        AnnotatedDoc::new(".hidden", "w"),
    ];
    let files = export(&docs, Format::Brat, &ALL_ACCEPTED).expect("export");
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).filter(|n| n.ends_with(".txt")).collect();
    assert_eq!(names, ["a_b.txt", "a_b-2.txt", "doc.txt", "_hidden.txt"]);
    assert!(!files.iter().any(|(n, _)| n == "tools.conf"), "no kb ids, no tools.conf");
}

#[test]
fn format_names() {
    for f in Format::ALL {
        assert_eq!(f.name().parse::<Format>(), Ok(f));
        assert_eq!(f.file_name().is_none(), f == Format::Brat);
    }
    assert!("xml".parse::<Format>().is_err());
}

// ---- malformed input ---------------------------------------------------------------------------

fn import_err(format: Format, files: &[(&str, &str)]) -> String {
    let files: Vec<(String, String)> =
        files.iter().map(|(n, c)| ((*n).to_owned(), (*c).to_owned())).collect();
    import(&files, format).expect_err("malformed input must be an error").to_string()
}

#[test]
fn export_only_formats_refuse_import() {
    for format in [Format::Conll, Format::SpacyJson, Format::Patterns] {
        let err = import(&[("x".into(), "x".into())], format).expect_err("export only");
        assert!(err.to_string().contains("export only"), "{err}");
    }
}

#[test]
fn malformed_jsonl_names_the_line() {
    let good = r#"{"text": "Paris", "label": [[0, 5, "LOC"]]}"#;
    let cases: Vec<(String, &str)> = vec![
        (format!("{good}\n{{\"text\": \"Par"), "line 2: invalid JSON"),
        (format!("{good}\n\n[1, 2]"), "line 3: expected one JSON object per line"),
        ("{\"label\": []}".to_owned(), "line 1: \"text\" is missing"),
        ("{\"text\": 5}".to_owned(), "line 1: \"text\" must be a string"),
        (
            r#"{"text": "Paris", "label": [[0, 9, "LOC"]]}"#.to_owned(),
            "past the end of the text (5 code points)",
        ),
        (r#"{"text": "Paris", "label": [[3, 1, "LOC"]]}"#.to_owned(), "reversed"),
        (r#"{"text": "Paris", "label": [[-1, 2, "LOC"]]}"#.to_owned(), "non-negative integer"),
        (r#"{"text": "Paris", "label": [[0, 2]]}"#.to_owned(), "expected [start, end, label]"),
        (r#"{"text": "Paris", "label": ["positive"]}"#.to_owned(), "classification"),
        (r#"{"text": "Paris", "label": {"a": 1}}"#.to_owned(), "must be an array"),
        (
            r#"{"text": "Paris", "entities": [{"start_offset": 0, "label": "LOC"}]}"#.to_owned(),
            "\"end_offset\" is missing",
        ),
        ("\u{0}garbage".to_owned(), "line 1: invalid JSON"),
    ];
    for (input, want) in &cases {
        let err = import_err(Format::Doccano, &[("in.jsonl", input)]);
        assert!(err.contains(want) && err.starts_with("in.jsonl, line "), "{input:?}: {err}");
    }
    let prodigy_cases = [
        (r#"{"text": "Paris", "spans": [{"start": 0, "end": 5}]}"#, "span 1: \"label\" is missing"),
        (r#"{"text": "Paris", "spans": [{"start": 0, "end": 6, "label": "LOC"}]}"#, "past the end"),
        (r#"{"text": "Paris", "spans": [{"start": "0", "end": 5, "label": "LOC"}]}"#, "non-negative integer"),
        (r#"{"text": "Paris", "spans": 3}"#, "must be an array"),
        (r#"{"text": "Paris", "answer": "maybe"}"#, "unknown answer"),
        (r#"{"text": "Paris", "meta": []}"#, "\"meta\" must be an object"),
        (
            "{\"text\": \"A\", \"meta\": {\"id\": 1}}\n{\"text\": \"B\", \"meta\": {\"id\": 1}}",
            "line 2: record for document \"1\" has a different text",
        ),
    ];
    for (input, want) in prodigy_cases {
        let err = import_err(Format::Prodigy, &[("p.jsonl", input)]);
        assert!(err.contains(want) && err.starts_with("p.jsonl, line "), "{input:?}: {err}");
    }
}

#[test]
fn malformed_brat_names_the_line() {
    let text = "Angela Merkel\r\nin Paris";
    let cases = [
        ("T1\tPER 0 13\tAngela Merkel\nT2 LOC 18 23 Paris", "line 2: expected tab-separated fields"),
        ("T1\tPER 0 x\tAngela", "line 1: bad offsets"),
        ("T1\tPER 0 99\tAngela", "past the end"),
        ("T1\tPER\tAngela", "expected \"LABEL start end\""),
        ("T1\tPER 0 13\tAngela Merkel\nT1\tPER 0 6\tAngela", "line 2: duplicate id T1"),
        (
            "T1\tPER 0 13\tAngela Merkel\nN1\tReference T9 Wikidata:Q1\tx",
            "line 2: T9 is not an annotation of this file",
        ),
        ("T1\tPER 0 13\tAngela Merkel\nN1\tReference T1 Q567\tx", "expected DB:ID"),
        ("T1\tPER 0 13\tAngela Merkel\n*\tCoref T1 T2", "line 2: T2 is not"),
        ("X1\tfoo", "unknown annotation id"),
        // The offsets of a file whose CRLF became LF: the text no longer matches.
        ("T1\tLOC 17 22\tParis", "does not match the document text"),
    ];
    for (ann, want) in cases {
        let err = import_err(Format::Brat, &[("d.txt", text), ("d.ann", ann)]);
        assert!(err.contains(want) && err.starts_with("d.ann, line "), "{ann:?}: {err}");
    }
    let err = import_err(Format::Brat, &[("lonely.ann", "T1\tPER 0 1\tA")]);
    assert!(err.contains("no matching lonely.txt"), "{err}");
    // the right offsets count both CR and LF
    let ok = import(
        &[("d.txt".into(), text.into()), ("d.ann".into(), "T1\tLOC 18 23\tParis\r\n".into())],
        Format::Brat,
    );
    assert_eq!(ok.map(|d| triples(&d[0])), Ok(vec![(18, 23, "LOC".to_owned())]));
}

#[test]
fn brat_discontinuous_spans_become_their_hull_and_relations_are_read_past() {
    let files = [
        ("d.txt".to_owned(), "North and South Korea".to_owned()),
        (
            "d.ann".to_owned(),
            "T1\tLOC 0 5;16 21\tNorth Korea\nR1\tRel Arg1:T1 Arg2:T1\t\nA1\tNeg T1\n\
             #1\tAnnotatorNotes R1\tabout the relation\n*\tEquiv T1 R1\n"
                .to_owned(),
        ),
    ];
    let docs = import(&files, Format::Brat).expect("import");
    assert_eq!(triples(&docs[0]), [(0, 21, "LOC".to_owned())]);
    assert_eq!((&docs[0].spans[0].note, &docs[0].spans[0].entity), (&None, &None));
}

/// Every prefix of a valid file is either imported or refused; nothing panics.
#[test]
fn truncated_input_never_panics() {
    let docs = [tricky_doc(), vector_doc()];
    for format in [Format::Prodigy, Format::Doccano, Format::Brat] {
        let files = export(&docs, format, &WITH_SUGGESTIONS).expect("export");
        for (i, (name, contents)) in files.iter().enumerate() {
            let cuts: Vec<usize> = contents.char_indices().map(|(b, _)| b).step_by(3).collect();
            for cut in cuts {
                let mut damaged = files.clone();
                damaged[i] = (name.clone(), contents[..cut].to_owned());
                let _ = import(&damaged, format);
            }
        }
    }
    for garbage in [
        "\u{feff}",
        "\t\t\t",
        "T\t \t",
        "N1\tReference",
        "*\t",
        "#1\tAnnotatorNotes",
        "T1\tA 1 0",
        "T1\tA 0;",
    ] {
        let _ = import(&[("g.txt".into(), "abc".into()), ("g.ann".into(), garbage.into())], Format::Brat);
        let _ = import(&[("g.jsonl".into(), garbage.into())], Format::Prodigy);
        let _ = import(&[("g.jsonl".into(), garbage.into())], Format::Doccano);
    }
}

// ---- corrections: speakers as relations, roles -------------------------------------------------

const QUOTED: &str = "«Nous signons», a dit le ministre Daoud Aly Mohammedine à N’Djaména.";

fn cp(text: &str, b: usize) -> usize {
    text[..b].chars().count()
}

/// A document whose quote's speaker the user set (to the mention after it), with roles on that
/// mention; the place name is only a suggestion.
fn quoted_doc() -> AnnotatedDoc {
    let mut doc = AnnotatedDoc::new("quoted", QUOTED);
    let q = QUOTED.find("Nous").expect("quote");
    let p = QUOTED.find("Daoud").expect("person");
    let person = (p, p + "Daoud Aly Mohammedine".len());
    let mut per = span(person.0, person.1, "PER");
    per.note = Some("cabinet list".into());
    doc.spans.push(per);
    let n = QUOTED.find("N’Dj").expect("place");
    doc.spans.push(AnnotatedSpan::new(n, QUOTED.len() - 1, "LOC", SpanStatus::Suggested));
    doc.relations.push(AnnotatedRelation {
        label: SPEAKER_RELATION.into(),
        head: RelationArg { start: q, end: q + "Nous signons".len(), label: QUOTE_LABEL.into() },
        child: RelationArg { start: person.0, end: person.1, label: "PER".into() },
    });
    doc.roles.push(AnnotatedRoles {
        person: RelationArg { start: person.0, end: person.1, label: "PER".into() },
        roles: vec!["ministre de la Sécurité".into(), "porte-parole".into()],
    });
    doc
}

#[test]
fn brat_writes_a_speaker_relation_to_a_quote_and_roles_as_a_note() {
    let files = export(&[quoted_doc()], Format::Brat, &WITH_SUGGESTIONS).expect("export");
    let get = |n: &str| files.iter().find(|(name, _)| name == n).map(|(_, c)| c.as_str()).expect(n);
    let p = cp(QUOTED, QUOTED.find("Daoud").expect("person"));
    let n = cp(QUOTED, QUOTED.find("N’Dj").expect("place"));
    let want = [
        format!("T1\tPER {p} {}\tDaoud Aly Mohammedine", p + 21),
        format!("T2\tLOC {n} {}\tN’Djaména", n + 9),
        "T3\tQuote 1 13\tNous signons".to_owned(),
        "R1\tSpeaker Arg1:T3 Arg2:T1".to_owned(),
        "#1\tAnnotatorNotes T1\tcabinet list | Roles: ministre de la Sécurité; porte-parole".to_owned(),
    ];
    let got: Vec<&str> = get("quoted.ann").lines().collect();
    assert_eq!(got, want);
    let conf = get("annotation.conf");
    assert!(conf.contains("[entities]\nLOC\nPER\nQuote\n"), "{conf}");
    assert!(conf.contains("\nSpeaker\tArg1:Quote, Arg2:<ENTITY>\n"), "{conf}");
    // The speaker's mention is written for the relation even when only reviewed spans are.
    let mut doc = quoted_doc();
    doc.spans[0].status = SpanStatus::Suggested;
    doc.spans[0].note = None;
    let files = export(&[doc], Format::Brat, &ALL_ACCEPTED).expect("export");
    let ann = get_file(&files, "quoted.ann");
    let want = [
        "T1\tQuote 1 13\tNous signons".to_owned(),
        format!("T2\tPER {p} {}\tDaoud Aly Mohammedine", p + 21),
        "R1\tSpeaker Arg1:T1 Arg2:T2".to_owned(),
        "#1\tAnnotatorNotes T2\tRoles: ministre de la Sécurité; porte-parole".to_owned(),
    ];
    assert_eq!(ann.lines().collect::<Vec<_>>(), want);
}

fn get_file<'a>(files: &'a [(String, String)], name: &str) -> &'a str {
    files.iter().find(|(n, _)| n == name).map(|(_, c)| c.as_str()).expect(name)
}

#[test]
fn prodigy_writes_relations_as_rel_manual_does() {
    let out = one_file(export(&[quoted_doc()], Format::Prodigy, &WITH_SUGGESTIONS).expect("export"));
    let record = &jsonl(&out)[0];
    let tokens = record["tokens"].as_array().expect("tokens");
    let p = cp(QUOTED, QUOTED.find("Daoud").expect("person"));
    let rels = record["relations"].as_array().expect("relations");
    assert_eq!(rels.len(), 1);
    let rel = &rels[0];
    assert_eq!(rel["label"], "Speaker");
    assert_eq!(rel["head_span"]["start"], 1);
    assert_eq!(rel["head_span"]["end"], 13);
    assert_eq!(rel["head_span"]["label"], "Quote");
    assert_eq!(rel["child_span"]["start"], p);
    assert_eq!(rel["child_span"]["end"], p + 21);
    assert_eq!(rel["child_span"]["label"], "PER");
    // head and child are the last token of each span; the tokens cover exactly the spans.
    for (end, span) in [("head", "head_span"), ("child", "child_span")] {
        let (ts, te) = (&rel[span]["token_start"], &rel[span]["token_end"]);
        assert_eq!(rel[end], *te);
        let first = &tokens[ts.as_u64().expect("index") as usize];
        let last = &tokens[te.as_u64().expect("index") as usize];
        assert_eq!((&first["start"], &last["end"]), (&rel[span]["start"], &rel[span]["end"]));
    }
    // The quote is no entity span; the person's span carries the roles.
    let spans = record["spans"].as_array().expect("spans");
    assert!(spans.iter().all(|s| s["label"] != "Quote"));
    assert_eq!(spans[0]["roles"], json!(["ministre de la Sécurité", "porte-parole"]));
    // A document without corrections has no relations key.
    let out = one_file(export(&[vector_doc()], Format::Prodigy, &ALL_ACCEPTED).expect("export"));
    assert!(jsonl(&out)[0].get("relations").is_none());
}

#[test]
fn doccano_writes_entities_with_ids_and_relations() {
    let docs = [quoted_doc(), vector_doc()];
    let out = one_file(export(&docs, Format::Doccano, &WITH_SUGGESTIONS).expect("export"));
    let lines = jsonl(&out);
    let p = cp(QUOTED, QUOTED.find("Daoud").expect("person"));
    let n = cp(QUOTED, QUOTED.find("N’Dj").expect("place"));
    assert_eq!(
        lines[0]["entities"],
        json!([
            {"id": 0, "start_offset": p, "end_offset": p + 21, "label": "PER"},
            {"id": 1, "start_offset": n, "end_offset": n + 9, "label": "LOC"},
            {"id": 2, "start_offset": 1, "end_offset": 13, "label": "Quote"},
        ])
    );
    assert_eq!(lines[0]["relations"], json!([{"id": 0, "from_id": 2, "to_id": 0, "type": "Speaker"}]));
    assert!(lines[0].get("label").is_none());
    // The whole file is in the relation form, the same keys as doccano's own relation export.
    assert_eq!(lines[1]["relations"], json!([]));
    assert_eq!(lines[1]["entities"].as_array().map(Vec::len), Some(6));
    let sample = jsonl(DOCCANO_REL);
    let keys = |v: &Value| -> Vec<String> {
        let mut k: Vec<String> = v["entities"][0].as_object().expect("entity").keys().cloned().collect();
        k.extend(v["relations"][0].as_object().expect("relation").keys().cloned());
        k.sort();
        k
    };
    assert_eq!(keys(&lines[0]), keys(&sample[0]));
    // Without relations the file stays in the sequence-labelling form.
    let out = one_file(export(&[vector_doc()], Format::Doccano, &ALL_ACCEPTED).expect("export"));
    assert!(jsonl(&out)[0].get("relations").is_none());
}

#[test]
fn conll_and_spacy_leave_relations_out() {
    let plain = AnnotatedDoc { relations: Vec::new(), roles: Vec::new(), ..quoted_doc() };
    for format in [Format::Conll, Format::SpacyJson, Format::Patterns] {
        let with = export(&[quoted_doc()], format, &WITH_SUGGESTIONS).expect("export");
        let without = export(std::slice::from_ref(&plain), format, &WITH_SUGGESTIONS).expect("export");
        assert_eq!(with, without, "{format}");
    }
}

#[test]
fn speaker_relations_round_trip_through_brat_prodigy_and_doccano() {
    let doc = quoted_doc();
    for format in [Format::Brat, Format::Prodigy, Format::Doccano] {
        let back = round_trip(format, std::slice::from_ref(&doc));
        assert_eq!(back[0].relations, doc.relations, "{format}");
        // The quote comes back as the relation's head, not as an entity span.
        assert_eq!(triples(&back[0]), triples(&doc), "{format}");
    }
}
