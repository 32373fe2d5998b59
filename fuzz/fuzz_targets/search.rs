#![no_main]
//! The search box: `store::fts_query` must turn anything typed into a valid FTS5 query, so a real
//! in-memory store with a few articles runs `Store::search` and must not return an error (an FTS5
//! syntax error would be one) nor panic (snippets slice the bodies around the hits).
//!
//! The bodies hold French typography (U+00A0 inside «…»). `BYLINE_FUZZ_ASCII_BODIES=1` swaps it
//! for plain spaces: a way to keep fuzzing the query side while the snippet crash on a
//! multi-byte space (fuzz/README.md, crash 1) is unfixed.

use std::sync::Mutex;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

use byline::library::Article;
use byline::store::{FileStamp, Store, fts_query};

fn store() -> &'static Mutex<Store> {
    static STORE: OnceLock<Mutex<Store>> = OnceLock::new();
    STORE.get_or_init(|| {
        let mut s = Store::open_in_memory().expect("in-memory store");
        let docs = [
            ("a", "Accord de sécurité", "Le Mali et la Russie signent un accord de sécurité. L'État « coopère » à Bamako.", Some("2022-11-21")),
            ("b", "Strong demand", "Demand for steel rose in Europe; Deutsche Bank's analysts said so.", Some("2005-01-01")),
            ("c", "Ünïcödé 東京 🎉", "été — «guillemets»\u{a0}: l’économie, 東京 and 🎉 party; ﬁnance ŉ İstanbul.", None),
        ];
        let ascii = std::env::var_os("BYLINE_FUZZ_ASCII_BODIES").is_some_and(|v| v == "1");
        for (n, (id, title, body, date)) in docs.into_iter().enumerate() {
            let body = if ascii { body.replace('\u{a0}', " ") } else { body.to_owned() };
            let a = Article {
                id: id.into(),
                title: title.into(),
                body,
                date: date.map(Into::into),
                ..Article::default()
            };
            let stamp = FileStamp { size: 10, mtime_ns: 1, hash: n as u128 + 1 };
            s.replace_file(&format!("/news/{id}.txt"), stamp, &[(a, None)], 1).expect("insert");
        }
        Mutex::new(s)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else { return };
    let _ = fts_query(query);
    let s = store().lock().unwrap_or_else(|e| e.into_inner());
    if let Err(e) = s.search(query, 10) {
        panic!("search({query:?}) failed: {e:#} (fts query {:?})", fts_query(query));
    }
});
