//! Two reader windows on one data folder: neither undoes the other's work, a window that did
//! not see the other's change is told instead of writing over it, and one span holds one
//! decision per label however many windows judged it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failure should stop it loudly

use std::path::Path;

use byline::config::{Config, keys::parse_script};
use byline::library::Limits;
use byline::model::Settings;
use byline::service::index::index_source;
use byline::service::{Session, Source};
use byline::store::Store;

fn window(db: &Path) -> Session {
    let mut store = Store::open(db).unwrap();
    index_source(&mut store, &Source::Bundled, &Limits::default(), &mut |_, _| {}).unwrap();
    let mut s = Session::new(store, Source::Bundled.scopes(), 120, 40, Settings::default()).unwrap();
    // The reference article, on its first mention.
    s.press(&Config::default(), &parse_script("j enter ]").unwrap());
    s
}

fn press(s: &mut Session, keys: &str) {
    s.press(&Config::default(), &parse_script(keys).unwrap());
}

fn message(s: &Session) -> String {
    s.state.message.clone().unwrap_or_default()
}

/// (start, end, label, status) of the story's stored annotations.
fn rows(s: &Session) -> Vec<(usize, usize, String, String)> {
    let id = &s.state.open.as_ref().unwrap().article.id;
    let set = s.store.annotations(id).unwrap();
    set.annotations.iter().map(|a| (a.start, a.end, a.label.clone(), a.status.as_str().to_owned())).collect()
}

#[test]
fn two_windows_never_undo_overwrite_or_double_each_others_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("byline.db");
    let mut a = window(&db);
    let mut b = window(&db);

    // A accepts the first mention; B has nothing of its own to undo.
    press(&mut a, "a");
    assert_eq!(rows(&a).len(), 1);
    press(&mut b, "u");
    assert_eq!(rows(&a).len(), 1, "B's undo must not undo A's accept");

    // B still shows the story as it was: its decision on the same mention is refused, and B
    // now shows A's accept.
    press(&mut b, "x");
    assert!(message(&b).contains("another byline window changed"), "{}", message(&b));
    assert_eq!(rows(&a), rows(&b));
    assert_eq!(rows(&b)[0].3, "accepted");

    // Now up to date, B rejects it (the refused rejection kept its place on the mention): one
    // row, rejected — not an accepted and a rejected one.
    press(&mut b, "x");
    let now = rows(&b);
    assert_eq!(now.len(), 1, "{now:?}");
    assert_eq!(now[0].3, "rejected");

    // A did not see B's rejection: its undo refreshes instead; a second undo would step back
    // its accept, which B's rejection has overtaken, so nothing changes and A is told.
    press(&mut a, "u");
    assert!(message(&a).contains("another byline window changed"), "{}", message(&a));
    press(&mut a, "u");
    assert!(message(&a).contains("changed that annotation since"), "{}", message(&a));
    assert_eq!(rows(&a), now, "B's rejection stands");

    // When B's window ends, the next window can undo what B did (a restart).
    drop(b);
    let mut c = window(&db);
    let before = rows(&c);
    press(&mut c, "u");
    assert!(message(&c).starts_with("undone"), "{}", message(&c));
    assert_ne!(rows(&c), before);
}

#[test]
fn one_span_and_label_hold_one_decision() {
    use byline::annotate::{Annotation, Edit, Status};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("byline.db");
    let w = window(&db);
    let open = w.state.open.as_ref().unwrap();
    let (id, hash, body) = (open.article.id.clone(), open.content_hash.clone(), open.article.body.clone());
    drop(w);
    // Two processes that never saw each other (commands, imports) judge the same span.
    for status in [Status::Accepted, Status::Accepted, Status::Rejected] {
        let mut store = Store::open(&db).unwrap();
        store.edit(&id, &hash, Edit::Add(Annotation::new(&body, 0, 2, "PER", status, "user"))).unwrap();
    }
    let store = Store::open(&db).unwrap();
    let set = store.annotations(&id).unwrap();
    assert_eq!(set.annotations.len(), 1, "{:?}", set.annotations);
    assert_eq!(set.annotations[0].status, Status::Rejected, "the last decision stands");
}
