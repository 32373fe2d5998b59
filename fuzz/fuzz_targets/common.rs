//! Shared by the loader targets: parse one file's bytes under a given name and check only what
//! must hold whatever the input (no panic; ids present and unique within the file; paragraph
//! offsets slice the body).

use std::path::Path;

use byline::library::{Limits, parse_bytes};

pub fn load(name: &str, data: &[u8]) {
    let_byline_catch_feed_rs_panics(data);
    let path = Path::new(name);
    if let Ok(loaded) = parse_bytes(path, data, &Limits::default()) {
        assert!(!loaded.articles.is_empty(), "Ok with no article");
        let mut ids = std::collections::HashSet::new();
        for a in &loaded.articles {
            assert!(!a.id.is_empty(), "article without an id");
            assert!(ids.insert(a.id.as_str()), "id {:?} given twice in one file", a.id);
            assert_eq!(a.path, path);
            // Paragraph offsets are computed from pointers: they must slice the body.
            for (off, p) in a.paragraphs() {
                assert_eq!(&a.body[off..off + p.len()], p);
            }
            let _ = a.word_count();
        }
    }
}

/// byline runs feed-rs inside `catch_unwind` (library/feed.rs, `parse_feed`) and turns a panic
/// there into a load error: by design, not a crash. libfuzzer-sys's panic hook aborts on every
/// panic, caught or not, so this hook lets panics raised inside feed-rs or its quick-xml unwind
/// to byline's handler, and reports each distinct one once on stderr with the input saved to
/// `fuzz/artifacts/caught/` (they are upstream bugs, and a panic in the reader still runs
/// byline's terminal-restoring panic hook). Any other panic aborts as before; a feed-rs panic
/// that byline did not catch reaches libfuzzer-sys's own `catch_unwind` and aborts too.
pub fn let_byline_catch_feed_rs_panics(input: &[u8]) {
    use std::cell::RefCell;
    use std::collections::HashSet;
    use std::sync::{Mutex, Once};
    thread_local! { static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) }; }
    static SEEN: Mutex<Option<HashSet<String>>> = Mutex::new(None);
    static HOOK: Once = Once::new();
    INPUT.with(|i| {
        let mut i = i.borrow_mut();
        i.clear();
        i.extend_from_slice(input);
    });
    HOOK.call_once(|| {
        let abort_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let loc = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
            if !(loc.contains("/feed-rs-") || loc.contains("/quick-xml-")) {
                return abort_hook(info);
            }
            let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
            if seen.get_or_insert_with(HashSet::new).insert(loc.clone()) {
                let mut parts: Vec<&str> = loc.rsplit('/').take(3).collect();
                parts.reverse();
                let name = parts.join("_").replace(':', "_");
                let dir = std::env::var("BYLINE_FUZZ_CAUGHT_DIR").unwrap_or_else(|_| "fuzz/artifacts/caught".into());
                let file = format!("{dir}/caught-{name}");
                let saved = std::fs::create_dir_all(&dir)
                    .and_then(|_| INPUT.with(|i| std::fs::write(&file, &*i.borrow())))
                    .map_or_else(|e| format!("not saved: {e}"), |_| file);
                let msg = info.payload_as_str().unwrap_or("(non-string payload)");
                eprintln!("CAUGHT third-party panic at {loc}: {msg} (input: {saved})");
            }
        }));
    });
}
