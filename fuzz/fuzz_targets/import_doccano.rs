#![no_main]
//! `annotate::formats::import` of one `doccano.jsonl` file as Doccano.

use libfuzzer_sys::fuzz_target;

use byline::annotate::formats::Format;

#[path = "import_common.rs"]
mod import_common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    import_common::check(&[("doccano.jsonl".to_owned(), text.to_owned())], Format::Doccano);
});
