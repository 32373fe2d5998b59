#![no_main]
//! `annotate::formats::import` of a brat pair: the input is `doc.txt`, a NUL byte, then
//! `doc.ann` (no NUL: the whole input is the text and the .ann is empty).

use libfuzzer_sys::fuzz_target;

use byline::annotate::formats::Format;

#[path = "import_common.rs"]
mod import_common;

fuzz_target!(|data: &[u8]| {
    let (txt, ann) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let (Ok(txt), Ok(ann)) = (std::str::from_utf8(txt), std::str::from_utf8(ann)) else { return };
    let files = [("doc.txt".to_owned(), txt.to_owned()), ("doc.ann".to_owned(), ann.to_owned())];
    import_common::check(&files, Format::Brat);
});
