#![no_main]
//! Feeds: `library::parse_bytes` on a file named `x.xml` (RSS 0.9x/1.0/2.0, Atom; an HTML page
//! under that name is sniffed), and the same bytes as a downloaded feed through
//! `library::parse_feed_document` (which also takes JSON Feed, gzip and any encoding).

use libfuzzer_sys::fuzz_target;

use byline::library::{Limits, parse_feed_document};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::load("x.xml", data);
    let _ = parse_feed_document(data, Some("https://example.org/news/feed.xml"), None, &Limits::default());
});
