#![no_main]
//! `feeds::opml::parse` (subscriptions import): broken or foreign XML is an error, never a
//! panic. What it reads must survive `opml::write` and a second parse.

use libfuzzer_sys::fuzz_target;

use byline::feeds::opml;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(feeds) = opml::parse(text) {
        let written = opml::write("byline", &feeds);
        if let Err(e) = opml::parse(&written) {
            panic!("byline's own OPML does not parse back: {e}\n{written}");
        }
    }
});
