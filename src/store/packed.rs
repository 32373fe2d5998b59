//! Story bodies as stored: raw deflate (flate2). News text takes half its room this way, and
//! a body is inflated in microseconds when a story is opened or a search hit needs its
//! snippet.

use std::io::{Read, Write};

use flate2::Compression;
use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;

/// A story's text as stored in `articles.body`, compressed: a flag ('1' when the text as
/// given differs from the body, '0' when not), the patch that rebuilds it (library/align.rs)
/// when there is one, a NUL (which a JSON patch never holds), then the body.
pub(super) fn pack(body: &str, given: Option<&str>) -> Vec<u8> {
    let mut out = DeflateEncoder::new(Vec::with_capacity(body.len() / 2 + 16), Compression::new(LEVEL));
    let head = match given {
        Some(patch) => format!("1{patch}\0"),
        None => "0\0".to_string(),
    };
    // Writing to a Vec cannot fail.
    let written = out.write_all(head.as_bytes()).and_then(|_| out.write_all(body.as_bytes()));
    written.and_then(|_| out.finish()).unwrap_or_default()
}

/// miniz's level 4: as small as level 6 and 9 on news text and as fast as any (level 1 is a
/// cruder mode, 9 % larger).
const LEVEL: u32 = 4;

/// The body and the patch to the text as given of a stored story (column `at` of `row`).
pub(super) fn stored_text(row: &rusqlite::Row, at: usize) -> rusqlite::Result<(String, Option<String>)> {
    let packed: Vec<u8> = row.get(at)?;
    unpack(&packed)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(at, rusqlite::types::Type::Blob, e.into()))
}

/// The body of a stored story (column `at` of `row`).
pub(super) fn body_from_row(row: &rusqlite::Row, at: usize) -> rusqlite::Result<String> {
    stored_text(row, at).map(|(body, _)| body)
}

/// The body and patch `pack` compressed.
pub(super) fn unpack(packed: &[u8]) -> std::io::Result<(String, Option<String>)> {
    let mut text = String::with_capacity(packed.len() * 3);
    DeflateDecoder::new(packed).read_to_string(&mut text)?;
    let bad = || std::io::Error::new(std::io::ErrorKind::InvalidData, "not a stored body");
    let head_len = text.find('\0').ok_or_else(bad)?;
    let given = match text[..head_len].split_at_checked(1) {
        Some(("1", patch)) => Some(patch.to_string()),
        Some(("0", "")) => None,
        _ => return Err(bad()),
    };
    text.drain(..=head_len);
    Ok((text, given))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_comes_back_as_it_was_and_smaller() {
        let text =
            "Le gouvernement malien a signé un accord.\n\n« Au cours de la visite », a dit le ministre. "
                .repeat(20);
        let packed = pack(&text, None);
        assert!(packed.len() < text.len() / 2, "{} of {}", packed.len(), text.len());
        assert_eq!(unpack(&packed).unwrap(), (text.clone(), None));
        assert_eq!(unpack(&pack("", None)).unwrap(), (String::new(), None));
        let patch = r#"["<p>",[0,41],"</p>"]"#;
        assert_eq!(
            unpack(&pack("a\0b", Some(patch))).unwrap(),
            ("a\0b".to_string(), Some(patch.to_string()))
        );
        assert_eq!(unpack(&pack("", Some(""))).unwrap(), (String::new(), Some(String::new())));
    }

    #[test]
    fn bytes_that_are_not_deflate_are_an_error() {
        // Block type 3 is reserved: no deflate stream starts so.
        assert!(unpack(b"\x07plain text, never compressed").is_err());
        // Deflate, but no flag and NUL before the body.
        let mut plain = DeflateEncoder::new(Vec::new(), Compression::fast());
        plain.write_all(b"just a body").unwrap();
        assert!(unpack(&plain.finish().unwrap()).is_err());
    }
}
