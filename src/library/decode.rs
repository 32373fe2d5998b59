//! Bytes to UTF-8: gzip, byte-order marks, declared charsets, guessing, binary detection.

use std::io::Read;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use super::LoadError;

/// Text decoded from a file.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    /// Invalid bytes were replaced with U+FFFD, or the encoding had to be guessed.
    pub damaged: bool,
}

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Decompresses gzip data (recognised by its magic bytes, whatever the file is called),
/// refusing to inflate past `limit` bytes so that a small bomb cannot exhaust memory.
pub(crate) fn gunzip_if_needed(bytes: &[u8], limit: u64) -> Result<Option<Vec<u8>>, LoadError> {
    if !bytes.starts_with(&GZIP_MAGIC) {
        return Ok(None);
    }
    let mut out = Vec::new();
    let decoder = flate2::read::MultiGzDecoder::new(bytes);
    decoder
        .take(limit.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| LoadError::Gzip(e.to_string()))?;
    if out.len() as u64 > limit {
        return Err(LoadError::TooLarge { size: None, limit });
    }
    Ok(Some(out))
}

/// Decodes `bytes` to UTF-8. Order of trust: a byte-order mark, then valid UTF-8, then a
/// charset declared in an XML prolog or HTML `<meta>`, then chardetng's guess. Valid UTF-8
/// beats a declaration because pages that lie about their charset almost always lie that
/// way (a gb2312 meta over UTF-8 bytes), while legacy bytes are almost never valid UTF-8.
///
/// `transport`: the charset an HTTP `Content-Type` header named (a label such as
/// "iso-8859-1"), for downloaded documents. It ranks after valid UTF-8 and before the
/// document's own declaration, as the HTML and XML media-type rules put the transport first.
pub(crate) fn decode(bytes: &[u8], transport: Option<&str>) -> Result<Decoded, LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::Empty);
    }
    if let Some((text, damaged)) = decode_utf32(bytes) {
        return Ok(Decoded { text, damaged });
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(decode_with(enc, &bytes[bom_len..], false));
    }
    if let Some(enc) = sniff_utf16_without_bom(bytes) {
        return Ok(decode_with(enc, bytes, false));
    }
    if looks_binary(bytes) {
        return Err(LoadError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded { text: text.to_owned(), damaged: false });
    }
    if mostly_utf8(bytes) {
        // A UTF-8 file with a few stray bytes: keep UTF-8, replace the strays.
        return Ok(decode_with(UTF_8, bytes, true));
    }
    // The header's charset, unless it cannot be right: UTF-8 (these bytes are not), UTF-16
    // (no BOM and no UTF-16 shape was found above), or bytes it cannot decode. Servers stamp
    // "charset=utf-8" on everything; the document's own declaration is then the better word.
    let header = transport.and_then(|label| Encoding::for_label(label.trim().as_bytes()));
    if let Some(enc) = header.filter(|&e| e != UTF_8 && e != UTF_16LE && e != UTF_16BE) {
        let decoded = decode_with(enc, bytes, false);
        if !decoded.damaged {
            return Ok(decoded);
        }
    }
    if let Some(enc) = declared_charset(bytes) {
        return Ok(decode_with(enc, bytes, false));
    }
    // A guess may be wrong: say so through `damaged`.
    Ok(decode_with(guess_legacy(bytes), bytes, true))
}

/// chardetng's guess, except when there are only a few non-ASCII bytes: that is too little
/// evidence for its statistics (one `£` comes out as Polish `Ł`), and windows-1252, the
/// commonest legacy encoding and the web's generic fallback, is then the better bet.
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let high = bytes.iter().filter(|b| !b.is_ascii()).count();
    if high < 8 {
        return encoding_rs::WINDOWS_1252;
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(None, false)
}

fn decode_with(enc: &'static Encoding, bytes: &[u8], damaged: bool) -> Decoded {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    Decoded { text: text.into_owned(), damaged: damaged || had_errors }
}

/// UTF-32 is not in the Encoding Standard (so not in encoding_rs) but feeds do use it. Only
/// recognised with a BOM or an XML prolog (`<?` as 32-bit units).
fn decode_utf32(bytes: &[u8]) -> Option<(String, bool)> {
    let little = match bytes {
        [0xff, 0xfe, 0, 0, ..] | [b'<', 0, 0, 0, b'?', 0, 0, 0, ..] => true,
        [0, 0, 0xfe, 0xff, ..] | [0, 0, 0, b'<', 0, 0, 0, b'?', ..] => false,
        _ => return None,
    };
    let mut damaged = !bytes.len().is_multiple_of(4);
    let mut text = String::with_capacity(bytes.len() / 4);
    for unit in bytes.chunks_exact(4) {
        let arr = [unit[0], unit[1], unit[2], unit[3]];
        let v = if little { u32::from_le_bytes(arr) } else { u32::from_be_bytes(arr) };
        match char::from_u32(v) {
            Some('\u{feff}') if text.is_empty() => {}
            Some(c) => text.push(c),
            None => {
                damaged = true;
                text.push('\u{fffd}');
            }
        }
    }
    Some((text, damaged))
}

/// XML's autodetection table: `<?` (or `<` then a letter) as 16-bit units without a BOM.
fn sniff_utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    match bytes {
        [b'<', 0, c, 0, ..] if c.is_ascii_graphic() => Some(UTF_16LE),
        [0, b'<', 0, c, ..] if c.is_ascii_graphic() => Some(UTF_16BE),
        _ => None,
    }
}

/// NUL bytes, or many C0 controls, in the first 8 KiB: not a text file.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls =
        head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b)).count();
    controls * 20 > head.len()
}

/// True when the bytes hold real multi-byte UTF-8 sequences and invalid ones are rare.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            bad += 1;
        }
    }
    good > 0 && good >= bad
}

/// A charset declared in an XML prolog or an HTML `<meta>` near the start of the file.
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let label = find_label(&lower, b"encoding=").or_else(|| find_label(&lower, b"charset="))?;
    let enc = Encoding::for_label(label)?;
    // A UTF-16 label on ASCII-compatible bytes is a lie (HTML treats it as UTF-8).
    if enc == UTF_16LE || enc == UTF_16BE { Some(UTF_8) } else { Some(enc) }
}

fn find_label<'a>(lower: &'a [u8], key: &[u8]) -> Option<&'a [u8]> {
    let start = lower.windows(key.len()).position(|w| w == key)? + key.len();
    let rest = lower.get(start..)?;
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b' ' | b';' | b'>' | b'?' | b'/'))
        .unwrap_or(rest.len());
    let label = rest.get(..end)?;
    (!label.is_empty()).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_plain(bytes: &[u8]) -> Result<Decoded, LoadError> {
        decode(bytes, None)
    }

    #[test]
    fn a_header_charset_that_cannot_be_right_gives_way_to_the_declaration() {
        let latin1 = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>caf\xe9 cr\xe8me</t>";
        for header in ["utf-8", "UTF-16", "utf-16le"] {
            let d = decode(latin1, Some(header)).unwrap();
            assert_eq!(
                d.text, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>café crème</t>",
                "{header}"
            );
        }
        // A legacy charset in the header wins over the declaration.
        assert!(
            decode(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>\xa4</t>", Some("iso-8859-15"))
                .unwrap()
                .text
                .contains('€')
        );
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode_plain("café".as_bytes()).unwrap().text, "café");
        let with_bom = [&[0xef, 0xbb, 0xbf][..], "café".as_bytes()].concat();
        let d = decode_plain(&with_bom).unwrap();
        assert_eq!((d.text.as_str(), d.damaged), ("café", false));
    }

    #[test]
    fn utf16_with_bom_and_xml_without() {
        let mut le = vec![0xff, 0xfe];
        le.extend("é<x>".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode_plain(&le).unwrap().text, "é<x>");
        let be: Vec<u8> = "<?xml?>".encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode_plain(&be).unwrap().text, "<?xml?>");
    }

    #[test]
    fn utf32() {
        let mut le = vec![0xff, 0xfe, 0, 0];
        le.extend("ü<".chars().flat_map(|c| (c as u32).to_le_bytes()));
        assert_eq!(decode_plain(&le).unwrap().text, "ü<");
    }

    #[test]
    fn declared_latin1_in_xml_prolog() {
        let bytes = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\xe9</a>";
        let d = decode_plain(bytes).unwrap();
        assert_eq!(d.text, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>café</a>");
        assert!(!d.damaged);
    }

    #[test]
    fn lying_meta_loses_to_valid_utf8() {
        let html = "<meta charset=gb2312><p>北京 café</p>";
        assert_eq!(decode_plain(html.as_bytes()).unwrap().text, html);
    }

    #[test]
    fn undeclared_latin1_is_guessed_and_flagged() {
        let d = decode_plain(b"Chelsea have decided to write off a possible transfer fee for Mutu, a \xa315.8m signing from Parma last season.").unwrap();
        assert!(d.text.contains(" £15.8m signing"), "{}", d.text);
        assert!(d.damaged);
    }

    #[test]
    fn stray_byte_in_utf8_is_replaced_and_flagged() {
        let d = decode_plain(b"\xc3\xa9t\xc3\xa9 \xc3\xa0 x \xff y").unwrap();
        assert_eq!(d.text, "été à x \u{fffd} y");
        assert!(d.damaged);
    }

    #[test]
    fn binary_and_empty() {
        assert!(matches!(decode_plain(b""), Err(LoadError::Empty)));
        assert!(matches!(decode_plain(b"\x89PNG\r\n\x1a\n\0\0\0"), Err(LoadError::Binary)));
    }

    #[test]
    fn gzip_roundtrip_and_bomb_cap() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(&vec![b'a'; 10_000]).unwrap();
        let gz = enc.finish().unwrap();
        assert_eq!(gunzip_if_needed(&gz, 20_000).unwrap().unwrap().len(), 10_000);
        assert!(matches!(gunzip_if_needed(&gz, 1000), Err(LoadError::TooLarge { .. })));
        assert!(gunzip_if_needed(&gz[..gz.len() / 2], 20_000).is_err());
        assert!(gunzip_if_needed(b"plain", 10).unwrap().is_none());
    }
}
