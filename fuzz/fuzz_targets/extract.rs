#![no_main]
//! `extract::extract`: pure, text in, spans out. Every span it returns is a byte range of the
//! text, on char boundaries, and the text it carries is that slice.
//!
//! The first byte picks the options (language given or guessed, article date or none) so
//! that the date and language paths are reached; the rest is the text.

use libfuzzer_sys::fuzz_target;

use byline::extract::{Lang, Options, extract};

fn check(text: &str, what: &str, start: usize, end: usize, slice: Option<&str>) {
    assert!(start <= end && end <= text.len(), "{what} {start}..{end} outside a text of {} bytes", text.len());
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what} {start}..{end} not on char boundaries"
    );
    if let Some(s) = slice {
        assert_eq!(s, &text[start..end], "{what} {start}..{end}: its text is not the slice");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&opt, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let opts = Options {
        lang: match opt & 3 {
            0 => None,
            1 => Some(Lang::Fr),
            2 => Some(Lang::En),
            _ => Some(Lang::Other),
        },
        article_date: (opt & 4 != 0).then_some((2022, 11, 21)),
    };
    let facts = extract(text, &opts);
    for e in &facts.entities {
        for m in &e.mentions {
            check(text, "mention", m.start, m.end, Some(&m.text));
        }
    }
    for d in &facts.dates {
        check(text, "date", d.start, d.end, Some(&d.text));
    }
    for q in &facts.quotes {
        check(text, "quote", q.start, q.end, Some(&q.text));
    }
});
