#![no_main]
//! `config::Config::parse` on arbitrary text: a bad config is an error naming file, line and
//! key, never a panic.

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = byline::config::Config::parse(text, Path::new("c.toml"));
});
