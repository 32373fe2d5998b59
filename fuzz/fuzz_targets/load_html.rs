#![no_main]
//! `library::parse_bytes` on a file named `x.html`.

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::load("x.html", data);
});
