//! The offset contract and the interchange formats, as a person building a training set uses
//! them: offsets index the text the user gave (whatever byline rewrote for display), imports
//! find the user's own files without a prior `byline index`, re-imports add nothing, and an
//! import exported again gives back the same spans and labels.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failure should stop it loudly

#[path = "support/command_line.rs"]
mod command_line;
use command_line::byline;

use std::path::Path;
use std::process::Output;

use serde_json::{Value, json};

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Texts whose every line trips a normalisation byline applies for display: a title line, one
/// newline between paragraphs, soft hyphens, NBSP, decomposed accents, an emoji, CRLF.
const MALI: &str = "Visite au Mali\nLe ministre de la Sécu\u{AD}rité, Daoud Aly Mohammedine, est arrivé à Mos\u{AD}cou lundi.\nIl a rencontré Sergueï Lavrov au Kremlin.\n";
const BAMAKO: &str =
    "Bamako\r\nLe colonel Assimi\u{A0}Goi\u{308}ta a parle\u{301} 🎉 devant la presse à Bamako.\r\nFin.\r\n";
const PARIS: &str = "Emmanuel Macron était à Paris mardi, selon l'Élysée.";

/// (start, end) in code points of the first `word` in `text`.
fn cp(text: &str, word: &str) -> (usize, usize) {
    let at = text.find(word).unwrap_or_else(|| panic!("{word:?} not in {text:?}"));
    let start = text[..at].chars().count();
    (start, start + word.chars().count())
}

fn span(text: &str, word: &str, label: &str) -> Value {
    let (start, end) = cp(text, word);
    json!({"start": start, "end": end, "label": label})
}

/// A library folder with the two files, configured as the user's library.
fn library(dir: &Path) {
    let lib = dir.join("lib");
    std::fs::create_dir_all(&lib).unwrap();
    std::fs::write(lib.join("mali.txt"), MALI).unwrap();
    std::fs::write(lib.join("bamako.txt"), BAMAKO).unwrap();
    std::fs::write(dir.join("config.toml"), format!("[library]\npaths = [{:?}]\n", lib.to_str().unwrap()))
        .unwrap();
}

fn prodigy_dataset() -> Vec<Value> {
    vec![
        // Found by its text (no id, no file name).
        json!({"text": MALI, "answer": "accept", "spans": [
            span(MALI, "Daoud Aly Mohammedine", "PER"), span(MALI, "Mos\u{AD}cou", "LOC"),
            span(MALI, "Sergueï Lavrov", "PER"), span(MALI, "Kremlin", "LOC")]}),
        // Found by the file its metadata names.
        json!({"text": BAMAKO, "answer": "accept", "meta": {"path": "bamako.txt"}, "spans": [
            span(BAMAKO, "Assimi\u{A0}Goi\u{308}ta", "PER"), span(BAMAKO, "Bamako.", "LOC")]}),
        // In no file of the library: it becomes a story of its own.
        json!({"text": PARIS, "answer": "accept", "meta": {"id": "paris-1"}, "spans": [
            span(PARIS, "Emmanuel Macron", "PER"), span(PARIS, "Paris", "LOC"), span(PARIS, "Élysée", "ORG")]}),
    ]
}

fn write_jsonl(path: &Path, records: &[Value]) {
    let lines: Vec<String> = records.iter().map(Value::to_string).collect();
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

/// (text, sorted (start, end, label)) of every record.
/// A document's text and its sorted (start, end, label) spans.
type Spans = (String, Vec<(u64, u64, String)>);

fn spans_by_text(records: &[Value]) -> Vec<Spans> {
    let mut out: Vec<Spans> = records
        .iter()
        .map(|r| {
            let mut spans: Vec<(u64, u64, String)> = r["spans"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|s| {
                            (
                                s["start"].as_u64().unwrap(),
                                s["end"].as_u64().unwrap(),
                                s["label"].as_str().unwrap().to_owned(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            spans.sort();
            (r["text"].as_str().unwrap().to_owned(), spans)
        })
        .collect();
    out.sort();
    out
}

fn read_jsonl(text: &str) -> Vec<Value> {
    text.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn facts_offsets_index_the_file_as_given() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bamako.txt");
    std::fs::write(&file, BAMAKO).unwrap();
    let out = ok(&byline(&["facts", file.to_str().unwrap(), "--json"], dir.path()));
    let facts: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    let chars: Vec<char> = BAMAKO.chars().collect();
    let mut seen = 0;
    for e in facts["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            let (s, t) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
            assert_eq!(chars[s..t].iter().collect::<String>(), m["text"].as_str().unwrap());
            seen += 1;
        }
    }
    assert!(seen >= 2, "{out}");
}

#[test]
fn facts_offsets_index_a_jsonl_body_as_given() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.jsonl");
    write_jsonl(
        &file,
        &[json!({"id": "m", "title": "Mali", "body": MALI}), json!({"id": "b", "body": BAMAKO})],
    );
    let out = ok(&byline(&["facts", file.to_str().unwrap(), "--json"], dir.path()));
    for (line, body) in out.lines().zip([MALI, BAMAKO]) {
        let facts: Value = serde_json::from_str(line).unwrap();
        let chars: Vec<char> = body.chars().collect();
        let spans = facts["entities"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|e| e["mentions"].as_array().unwrap().clone());
        let mut n = 0;
        for m in spans.chain(facts["dates"].as_array().unwrap().clone()) {
            let (s, t) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
            assert_eq!(chars[s..t].iter().collect::<String>(), m["text"].as_str().unwrap(), "{line}");
            n += 1;
        }
        assert!(n >= 2, "{line}");
    }
}

#[test]
fn prodigy_import_finds_the_users_files_creates_the_rest_and_exports_the_same_spans() {
    let dir = tempfile::tempdir().unwrap();
    library(dir.path());
    let dataset = prodigy_dataset();
    let input = dir.path().join("gold.jsonl");
    write_jsonl(&input, &dataset);

    // No `byline index` first.
    let first = ok(&byline(&["import", input.to_str().unwrap(), "--format", "prodigy"], dir.path()));
    assert!(
        first.contains("3 documents: 2 matched, 1 created, 0 unchanged, 0 rejected; 9 spans added"),
        "{first}"
    );
    let again = ok(&byline(&["import", input.to_str().unwrap(), "--format", "prodigy"], dir.path()));
    assert!(again.contains("3 matched, 0 created, 3 unchanged, 0 rejected; 0 spans added"), "{again}");

    // The created story is a story like any other: listed and searchable.
    let found = ok(&byline(&["search", "Élysée"], dir.path()));
    assert!(found.contains("Emmanuel Macron"), "{found}");

    for reviewed_only in [false, true] {
        let out = dir.path().join(format!("out-{reviewed_only}.jsonl"));
        let mut args = vec!["export", "--format", "prodigy", "--out", out.to_str().unwrap()];
        if reviewed_only {
            args.push("--reviewed-only");
        }
        ok(&byline(&args, dir.path()));
        let exported = read_jsonl(&std::fs::read_to_string(&out).unwrap());
        assert!(exported.iter().all(|r| r["answer"] == "accept"), "{exported:?}");
        assert_eq!(spans_by_text(&exported), spans_by_text(&dataset), "reviewed_only: {reviewed_only}");
    }
}

#[test]
fn doccano_and_brat_files_of_finished_work_round_trip() {
    for format in ["doccano", "brat"] {
        let dir = tempfile::tempdir().unwrap();
        library(dir.path());
        // The Prodigy dataset, exported by byline as this format, is the input.
        let gold = dir.path().join("gold.jsonl");
        write_jsonl(&gold, &prodigy_dataset());
        ok(&byline(&["import", gold.to_str().unwrap(), "--format", "prodigy"], dir.path()));
        let first = dir.path().join(format!("first.{format}"));
        ok(&byline(&["export", "--format", format, "--out", first.to_str().unwrap()], dir.path()));

        let other = tempfile::tempdir().unwrap();
        library(other.path());
        let report =
            ok(&byline(&["import", first.to_str().unwrap(), "--format", format, "--finished"], other.path()));
        assert!(report.contains("2 matched, 1 created"), "{format}: {report}");
        let second = other.path().join(format!("second.{format}"));
        ok(&byline(
            &["export", "--format", format, "--out", second.to_str().unwrap(), "--reviewed-only"],
            other.path(),
        ));
        if format == "doccano" {
            let (a, b) =
                (std::fs::read_to_string(&first).unwrap(), std::fs::read_to_string(&second).unwrap());
            let key = |text: &str| {
                let mut v: Vec<(String, String)> = read_jsonl(text)
                    .iter()
                    .map(|r| (r["text"].to_string(), r["label"].to_string()))
                    .collect();
                v.sort();
                v
            };
            assert_eq!(key(&a), key(&b));
        } else {
            let anns = |d: &Path| {
                let mut v: Vec<(String, String)> = std::fs::read_dir(d)
                    .unwrap()
                    .map(|e| e.unwrap().path())
                    .filter(|p| p.extension().is_some_and(|e| e == "ann"))
                    .map(|p| {
                        let txt = std::fs::read_to_string(p.with_extension("txt")).unwrap();
                        let mut lines: Vec<String> = std::fs::read_to_string(&p)
                            .unwrap()
                            .lines()
                            .filter(|l| l.starts_with('T'))
                            .map(|l| l.split_once('\t').map_or(l, |(_, rest)| rest).to_owned())
                            .collect();
                        lines.sort();
                        (txt, lines.join("\n"))
                    })
                    .collect();
                v.sort();
                v
            };
            assert_eq!(anns(&first), anns(&second));
        }
    }
}

#[test]
fn an_import_that_matches_nothing_fails_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("empty-texts.jsonl");
    write_jsonl(&input, &[json!({"text": "   ", "spans": []})]);
    let out = byline(&["import", input.to_str().unwrap(), "--format", "prodigy"], dir.path());
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no text") && err.contains("nothing was imported"), "{err}");
}

#[test]
fn import_refuses_labels_no_export_could_write_and_export_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("labels.jsonl");
    let bad = json!({"text": PARIS, "answer": "accept", "spans": [
        span(PARIS, "Emmanuel Macron", "PER"), span(PARIS, "Paris", "PLACE NAME"), span(PARIS, "Élysée", "ORG\u{1b}[31m")]});
    write_jsonl(&input, &[bad]);
    let out = byline(&["import", input.to_str().unwrap(), "--format", "prodigy"], dir.path());
    let report = ok(&out);
    assert!(report.contains("1 spans added") && report.contains("2 refused"), "{report}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("spaces or control characters") && !err.contains('\u{1b}'), "{err}");
    for format in ["prodigy", "doccano", "conll", "spacy-json"] {
        ok(&byline(&["export", "--format", format], dir.path()));
    }
}
