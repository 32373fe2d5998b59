//! Offset conversion between UTF-8 bytes (what Rust and byline use), Unicode code points (what
//! Python tools count: spaCy, Prodigy, doccano, brat) and UTF-16 code units (what JavaScript and
//! Java count: Label Studio before its fix, WebAnno TSV, INCEpTION).
//!
//! [`OffsetTable::new`] walks the text once and records every non-ASCII character (its position in
//! all three units and its width in bytes and UTF-16 units). Between two recorded characters the
//! text is ASCII, where the three units advance together, so every conversion is one binary search:
//! O(log n) time, and memory proportional to the number of non-ASCII characters only.
//!
//! Conversions return `None` for offsets past the end of the text, inside a multi-byte character
//! (byte offsets) or between the two halves of a surrogate pair (UTF-16 offsets); code point
//! offsets are always on a character boundary. The end of the text is a valid offset in every unit.

/// The unit a format counts offsets in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// UTF-8 bytes (Rust string indices).
    Byte,
    /// Unicode scalar values (Python `len`).
    CodePoint,
    /// UTF-16 code units (JavaScript `.length`, Java).
    Utf16,
}

/// One non-ASCII character: where it starts in each unit, and how wide it is.
#[derive(Debug, Clone, Copy)]
struct Wide {
    byte: usize,
    cp: usize,
    u16: usize,
    len8: u8,
    len16: u8,
}

/// Precomputed table for O(log n) offset conversions over one text.
#[derive(Debug, Clone)]
pub struct OffsetTable {
    wide: Vec<Wide>,
    len8: usize,
    len_cp: usize,
    len16: usize,
}

impl OffsetTable {
    pub fn new(text: &str) -> OffsetTable {
        let mut wide = Vec::new();
        let (mut cp, mut u16) = (0usize, 0usize);
        for (byte, c) in text.char_indices() {
            if !c.is_ascii() {
                // len_utf8() <= 4 and len_utf16() <= 2, so the narrowing is lossless.
                wide.push(Wide { byte, cp, u16, len8: c.len_utf8() as u8, len16: c.len_utf16() as u8 });
            }
            cp += 1;
            u16 += c.len_utf16();
        }
        OffsetTable { wide, len8: text.len(), len_cp: cp, len16: u16 }
    }

    /// Length of the text in bytes.
    pub fn byte_len(&self) -> usize {
        self.len8
    }

    /// Length of the text in code points.
    pub fn char_len(&self) -> usize {
        self.len_cp
    }

    /// Length of the text in UTF-16 code units.
    pub fn utf16_len(&self) -> usize {
        self.len16
    }

    /// Length of the text in `unit`.
    pub fn len(&self, unit: Unit) -> usize {
        match unit {
            Unit::Byte => self.len8,
            Unit::CodePoint => self.len_cp,
            Unit::Utf16 => self.len16,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len8 == 0
    }

    /// Byte offset → code point offset.
    pub fn byte_to_char(&self, byte: usize) -> Option<usize> {
        self.convert(byte, Unit::Byte, Unit::CodePoint)
    }

    /// Code point offset → byte offset.
    pub fn char_to_byte(&self, cp: usize) -> Option<usize> {
        self.convert(cp, Unit::CodePoint, Unit::Byte)
    }

    /// Byte offset → UTF-16 offset.
    pub fn byte_to_utf16(&self, byte: usize) -> Option<usize> {
        self.convert(byte, Unit::Byte, Unit::Utf16)
    }

    /// UTF-16 offset → byte offset.
    pub fn utf16_to_byte(&self, u16: usize) -> Option<usize> {
        self.convert(u16, Unit::Utf16, Unit::Byte)
    }

    /// Byte offset → offset in `unit`.
    pub fn from_byte(&self, byte: usize, unit: Unit) -> Option<usize> {
        self.convert(byte, Unit::Byte, unit)
    }

    /// Offset in `unit` → byte offset.
    pub fn to_byte(&self, offset: usize, unit: Unit) -> Option<usize> {
        self.convert(offset, unit, Unit::Byte)
    }

    /// Converts `offset` counted in `from` to the same position counted in `to`.
    pub fn convert(&self, offset: usize, from: Unit, to: Unit) -> Option<usize> {
        if offset > self.len(from) {
            return None;
        }
        // The last non-ASCII character starting at or before `offset`.
        let n = self.wide.partition_point(|w| at(w, from) <= offset);
        let Some(w) = n.checked_sub(1).and_then(|i| self.wide.get(i)) else {
            return Some(offset); // only ASCII before: all units agree
        };
        let start = at(w, from);
        if offset == start {
            return Some(at(w, to));
        }
        let width_from = width(w, from);
        if offset < start + width_from {
            return None; // inside the character
        }
        // ASCII from the end of `w` to `offset`.
        Some(at(w, to) + width(w, to) + (offset - start - width_from))
    }
}

fn at(w: &Wide, unit: Unit) -> usize {
    match unit {
        Unit::Byte => w.byte,
        Unit::CodePoint => w.cp,
        Unit::Utf16 => w.u16,
    }
}

fn width(w: &Wide, unit: Unit) -> usize {
    match unit {
        Unit::Byte => usize::from(w.len8),
        Unit::CodePoint => 1,
        Unit::Utf16 => usize::from(w.len16),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Straightforward O(n) reference conversion.
    fn naive(text: &str, offset: usize, from: Unit, to: Unit) -> Option<usize> {
        let (mut b, mut c, mut u) = (0, 0, 0);
        let pick = |b: usize, c: usize, u: usize, unit: Unit| match unit {
            Unit::Byte => b,
            Unit::CodePoint => c,
            Unit::Utf16 => u,
        };
        for ch in text.chars() {
            if pick(b, c, u, from) == offset {
                return Some(pick(b, c, u, to));
            }
            b += ch.len_utf8();
            c += 1;
            u += ch.len_utf16();
        }
        (pick(b, c, u, from) == offset).then_some(pick(b, c, u, to))
    }

    #[test]
    fn offset_units_vector() {
        let v: serde_json::Value =
            serde_json::from_str(include_str!("testdata/offset_units.json")).expect("vector parses");
        let text = v["text"].as_str().expect("text");
        let get = |prefix: &str| -> (usize, usize) {
            let (_, arr) =
                v.as_object().expect("object").iter().find(|(k, _)| k.starts_with(prefix)).expect(prefix);
            let n = |i: usize| arr[i].as_u64().expect("number") as usize;
            (n(0), n(1))
        };
        let (c0, c1) = get("codepoint");
        let (u0, u1) = get("utf16");
        let (b0, b1) = get("utf8");
        let t = OffsetTable::new(text);
        assert_eq!(&text[b0..b1], v["entity"].as_str().expect("entity"));
        assert_eq!(t.byte_to_char(b0), Some(c0));
        assert_eq!(t.byte_to_char(b1), Some(c1));
        assert_eq!(t.byte_to_utf16(b0), Some(u0));
        assert_eq!(t.byte_to_utf16(b1), Some(u1));
        assert_eq!(t.char_to_byte(c0), Some(b0));
        assert_eq!(t.utf16_to_byte(u1), Some(b1));
        assert_eq!(t.convert(c0, Unit::CodePoint, Unit::Utf16), Some(u0));
    }

    #[test]
    fn matches_naive_on_mixed_text() {
        let text = "Café 😊 e\u{301}t\u{e9}\r\nZ\u{fc}rich 👩‍👩‍👧 a\u{10FFFF}b";
        let t = OffsetTable::new(text);
        assert_eq!(t.byte_len(), text.len());
        assert_eq!(t.char_len(), text.chars().count());
        assert_eq!(t.utf16_len(), text.encode_utf16().count());
        let units = [Unit::Byte, Unit::CodePoint, Unit::Utf16];
        for from in units {
            for to in units {
                for off in 0..=t.len(from) + 2 {
                    assert_eq!(
                        t.convert(off, from, to),
                        naive(text, off, from, to),
                        "{off} {from:?}->{to:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn rejects_offsets_inside_characters() {
        let t = OffsetTable::new("a😊b");
        assert_eq!(t.byte_to_char(2), None); // inside the 4-byte emoji
        assert_eq!(t.utf16_to_byte(2), None); // between the surrogates
        assert_eq!(t.utf16_to_byte(3), Some(5));
        assert_eq!(t.char_to_byte(3), Some(6));
        assert_eq!(t.char_to_byte(4), None);
    }

    #[test]
    fn empty_and_ascii() {
        let t = OffsetTable::new("");
        assert!(t.is_empty());
        assert_eq!(t.char_to_byte(0), Some(0));
        assert_eq!(t.char_to_byte(1), None);
        let t = OffsetTable::new("plain ascii");
        assert_eq!(t.byte_to_utf16(11), Some(11));
        assert_eq!(t.byte_to_utf16(12), None);
    }
}
