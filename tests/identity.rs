//! A story's identity is its text: the user's annotations follow a file that is renamed, moved
//! or copied, and wait (listed, exportable) while it is gone, never silently dropped.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failure should stop it loudly

#[path = "support/command_line.rs"]
mod command_line;
use command_line::byline;

use std::path::Path;
use std::process::Output;

const TEXT: &str = "Le colonel Assimi Goita a reçu à Bamako le ministre russe Sergueï Lavrov.\n";

fn ok(o: &Output) -> (String, String) {
    let (out, err) =
        (String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned());
    assert!(o.status.success(), "{out}\n{err}");
    (out, err)
}

/// The labels of the Prodigy export's spans, sorted.
fn exported_labels(dir: &Path) -> Vec<String> {
    let (out, _) = ok(&byline(&["export", "--format", "prodigy", "--reviewed-only"], dir));
    let mut labels: Vec<String> = out
        .lines()
        .flat_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["spans"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["label"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    labels.sort();
    labels
}

#[test]
fn annotations_follow_a_renamed_moved_deleted_and_restored_file() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    std::fs::create_dir_all(lib.join("sub")).unwrap();
    std::fs::write(lib.join("a.txt"), TEXT).unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        format!("[library]\npaths = [{:?}]\n", lib.to_str().unwrap()),
    )
    .unwrap();
    let chars = |w: &str| {
        let at = TEXT.find(w).unwrap();
        let s = TEXT[..at].chars().count();
        (s, s + w.chars().count())
    };
    let ((a, b), (c, d)) = (chars("Assimi Goita"), chars("Bamako"));
    let gold = serde_json::json!({"text": TEXT, "answer": "accept", "spans": [
        {"start": a, "end": b, "label": "PER"}, {"start": c, "end": d, "label": "LOC"}]});
    std::fs::write(dir.path().join("gold.jsonl"), format!("{gold}\n")).unwrap();
    ok(&byline(
        &["import", dir.path().join("gold.jsonl").to_str().unwrap(), "--format", "prodigy"],
        dir.path(),
    ));
    let want = vec!["LOC".to_string(), "PER".to_string()];
    assert_eq!(exported_labels(dir.path()), want);

    // Renamed, then moved into a subfolder: the next index takes the annotations along.
    std::fs::rename(lib.join("a.txt"), lib.join("b.txt")).unwrap();
    let (out, _) = ok(&byline(&["index"], dir.path()));
    assert!(out.contains("2 annotations followed their text"), "{out}");
    assert_eq!(exported_labels(dir.path()), want);
    std::fs::rename(lib.join("b.txt"), lib.join("sub/c.txt")).unwrap();
    ok(&byline(&["index"], dir.path()));
    assert_eq!(exported_labels(dir.path()), want);

    // Deleted: kept, said, listed by doctor and `export --orphans`.
    std::fs::remove_file(lib.join("sub/c.txt")).unwrap();
    ok(&byline(&["index"], dir.path()));
    let export = byline(&["export", "--format", "prodigy"], dir.path());
    let (_, err) = ok(&export);
    assert!(err.contains("2 annotations belong to stories no longer in the library"), "{err}");
    let (doctor, _) = ok(&byline(&["doctor"], dir.path()));
    assert!(doctor.contains("annotations whose story is no longer in the library: 2"), "{doctor}");
    let (orphans, _) = ok(&byline(&["export", "--orphans"], dir.path()));
    let texts: Vec<String> = orphans
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["text"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(texts, ["Assimi Goita", "Bamako"]);

    // Restored under yet another name: the annotations are back on it.
    std::fs::write(lib.join("restored.txt"), TEXT).unwrap();
    ok(&byline(&["index"], dir.path()));
    assert_eq!(exported_labels(dir.path()), want);
}

#[test]
fn two_files_giving_the_same_ids_are_two_sets_of_stories_whatever_the_order() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    std::fs::create_dir_all(&lib).unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        format!("[library]\npaths = [{:?}]\n", lib.to_str().unwrap()),
    )
    .unwrap();
    let items = |who: &str| {
        (1..=3)
            .map(|n| serde_json::json!({"id": n.to_string(), "title": format!("{who} {n}"), "body": format!("Texte {n} de {who}.")}).to_string())
            .collect::<Vec<_>>()
            .join("\n")
    };
    std::fs::write(lib.join("m.jsonl"), items("Mercredi")).unwrap();
    let (out, _) = ok(&byline(&["index"], dir.path()));
    assert!(out.contains("3 new or changed articles"), "{out}");
    // A file that sorts before it arrives later with the same ids.
    std::fs::write(lib.join("a.jsonl"), items("Lundi")).unwrap();
    ok(&byline(&["index"], dir.path()));
    let (list, _) = ok(&byline(&["list"], dir.path()));
    assert_eq!(list.lines().count(), 6, "{list}");
    for n in 1..=3 {
        assert!(
            list.lines().any(|l| l.starts_with(&format!("{n}\t")) && l.ends_with(&format!("Lundi {n}"))),
            "{list}"
        );
        assert!(
            list.lines().any(|l| l.starts_with(&format!("{n}~")) && l.ends_with(&format!("Mercredi {n}"))),
            "{list}"
        );
    }
    let (doctor, _) = ok(&byline(&["doctor"], dir.path()));
    assert!(doctor.contains("stories whose id another file gives too: 3"), "{doctor}");
    assert!(doctor.contains("full-text index: ok"), "{doctor}");
    // The same two files indexed in the other order give the same ids.
    let again = tempfile::tempdir().unwrap();
    let lib2 = again.path().join("lib");
    std::fs::create_dir_all(&lib2).unwrap();
    std::fs::write(
        again.path().join("config.toml"),
        format!("[library]\npaths = [{:?}]\n", lib2.to_str().unwrap()),
    )
    .unwrap();
    std::fs::write(lib2.join("a.jsonl"), items("Lundi")).unwrap();
    ok(&byline(&["index"], again.path()));
    std::fs::write(lib2.join("m.jsonl"), items("Mercredi")).unwrap();
    ok(&byline(&["index"], again.path()));
    let (list2, _) = ok(&byline(&["list"], again.path()));
    let ids = |l: &str| {
        let mut v: Vec<String> =
            l.lines().map(|x| x.split('\t').next().unwrap().split('~').next().unwrap().to_owned()).collect();
        v.sort();
        v
    };
    assert_eq!(ids(&list), ids(&list2));
    // Searching finds both texts: each story is in the full-text index.
    let (found, _) = ok(&byline(&["search", "Texte"], dir.path()));
    assert_eq!(found.lines().count(), 6, "{found}");
    // Every id a command prints works in every other.
    for line in found.lines() {
        let id = line.split('\t').next().unwrap();
        let (shown, _) = ok(&byline(&["show", id, "--plain"], dir.path()));
        let (facts, _) = ok(&byline(&["facts", id, "--json"], dir.path()));
        assert!(
            shown.contains("Texte") && facts.contains(&format!("\"id\":\"{id}\"")),
            "{id}: {shown} {facts}"
        );
    }
}
