//! Story bodies as stored: raw deflate (flate2), at its fastest level. News text takes half
//! its room this way, and a body is inflated in microseconds when a story is opened or a
//! search hit needs its snippet.

use std::io::{Read, Write};

use flate2::Compression;
use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;

/// A body compressed for the `articles.body` column.
pub(super) fn pack(text: &str) -> Vec<u8> {
    let mut out = DeflateEncoder::new(Vec::with_capacity(text.len() / 2 + 16), Compression::fast());
    // Writing to a Vec cannot fail; an error here would leave the text stored as it is.
    match out.write_all(text.as_bytes()).and_then(|_| out.finish()) {
        Ok(packed) => packed,
        Err(_) => text.as_bytes().to_vec(),
    }
}

/// The text of a stored body (column `at` of `row`).
pub(super) fn body_from_row(row: &rusqlite::Row, at: usize) -> rusqlite::Result<String> {
    let packed: Vec<u8> = row.get(at)?;
    unpack(&packed)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(at, rusqlite::types::Type::Blob, e.into()))
}

/// The text `pack` compressed.
pub(super) fn unpack(packed: &[u8]) -> std::io::Result<String> {
    let mut text = String::with_capacity(packed.len() * 3);
    DeflateDecoder::new(packed).read_to_string(&mut text)?;
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_comes_back_as_it_was_and_smaller() {
        let text =
            "Le gouvernement malien a signé un accord.\n\n« Au cours de la visite », a dit le ministre. "
                .repeat(20);
        let packed = pack(&text);
        assert!(packed.len() < text.len() / 2, "{} of {}", packed.len(), text.len());
        assert_eq!(unpack(&packed).unwrap(), text);
        assert_eq!(unpack(&pack("")).unwrap(), "");
    }

    #[test]
    fn bytes_that_are_not_deflate_are_an_error() {
        // Block type 3 is reserved: no deflate stream starts so.
        assert!(unpack(b"\x07plain text, never compressed").is_err());
    }
}
