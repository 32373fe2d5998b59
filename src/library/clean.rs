//! Turning parser output into the `Article` contract: sanitised, NFC, one line per paragraph.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::sanitize::sanitize;

/// Sanitises, NFC-normalises and squeezes a single-line field (title, author, …).
pub(crate) fn field(text: &str) -> String {
    squeeze(&nfc(&sanitize(text)))
}

/// Same as [`field`], `None` when nothing is left.
pub(crate) fn opt_field(text: Option<&str>) -> Option<String> {
    text.map(field).filter(|s| !s.is_empty())
}

/// Joins paragraphs into a body: each paragraph cleaned to one line, empty ones dropped,
/// separated by exactly "\n\n".
pub(crate) fn body<I, S>(paragraphs: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut out = String::new();
    for p in paragraphs {
        let p = field(p.as_ref());
        if p.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&p);
    }
    out
}

fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.nfc().collect())
    }
}

/// Collapses runs of ASCII whitespace to one space and trims all whitespace at the ends.
/// NBSP, U+202F and U+2009 inside the text are typography, not layout, so they stay.
pub(crate) fn squeeze(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}').chars() {
        if c.is_ascii_whitespace() || c == '\u{feff}' {
            pending_space = true;
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// A headline made from the start of the first sentence of `body`: at most about `max` chars,
/// cut on a word boundary with "…".
pub(crate) fn title_from_text(text: &str, max: usize) -> String {
    let first = text.split("\n\n").next().unwrap_or_default();
    let sentence = first_sentence(first);
    shorten(sentence.trim_end_matches('.'), max)
}

fn first_sentence(p: &str) -> &str {
    let mut prev_word_len = 0usize;
    let mut prev_upper_initial = false;
    for (i, c) in p.char_indices() {
        if matches!(c, '.' | '!' | '?' | '。' | '！' | '？') {
            let after = &p[i + c.len_utf8()..];
            let ends = after.is_empty()
                || matches!(c, '。' | '！' | '？')
                || (after.starts_with(' ') && !(c == '.' && prev_upper_initial));
            if ends && (prev_word_len > 1 || c != '.') {
                return &p[..i + c.len_utf8()];
            }
        }
        if c.is_alphanumeric() {
            prev_upper_initial = prev_word_len == 0 && c.is_uppercase();
            prev_word_len += 1;
        } else {
            prev_word_len = 0;
        }
    }
    p
}

/// Cuts `text` to at most `max` chars on a word boundary, adding "…" when it cut.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    let head = match head.rfind(' ') {
        Some(sp) if sp > cut / 2 => &head[..sp],
        _ => head,
    };
    format!("{}…", head.trim_end_matches([',', ';', ':', ' ', '-', '—']))
}

/// FNV-1a, 64 bits: tiny, stable across versions and platforms, good enough to name files.
pub(crate) fn hash_id(parts: &[&[u8]]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (n, part) in parts.iter().enumerate() {
        if n > 0 {
            // A separator that cannot occur in UTF-8, so ("ab","c") ≠ ("a","bc").
            h = (h ^ 0xff).wrapping_mul(0x0100_0000_01b3);
        }
        for &b in *part {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// An id given by the source, when usable as is (printable, short); otherwise its hash.
pub(crate) fn source_id(raw: &str) -> String {
    let clean = field(raw);
    if !clean.is_empty() && clean.len() <= 64 && !clean.contains(' ') {
        clean
    } else {
        hash_id(&[raw.as_bytes()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_joins_cleans_and_drops_empties() {
        let b = body(["  a\n b  ", "", " \t", "c\u{1b}[1md", "e\u{301}"]);
        assert_eq!(b, "a b\n\ncd\n\né");
    }

    #[test]
    fn squeeze_keeps_typographic_spaces() {
        assert_eq!(squeeze(" «\u{a0}oui\u{a0}»  x "), "«\u{a0}oui\u{a0}» x");
    }

    #[test]
    fn titles_from_first_sentence() {
        assert_eq!(title_from_text("Le Mali signe. Puis autre chose.", 80), "Le Mali signe");
        assert_eq!(title_from_text("M. Dupont est là. Fin", 80), "M. Dupont est là");
        let long = "Le gouvernement malien a signé un nouvel accord de coopération sécuritaire avec la Russie. Suite";
        let t = title_from_text(long, 80);
        assert!(t.ends_with('…') && t.chars().count() <= 81, "{t}");
        assert!(t.starts_with("Le gouvernement malien a signé un nouvel accord"));
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        assert_eq!(hash_id(&[b"a"]), hash_id(&[b"a"]));
        assert_ne!(hash_id(&[b"ab", b"c"]), hash_id(&[b"a", b"bc"]));
        assert_eq!(hash_id(&[b"a"]).len(), 16);
        assert_eq!(source_id("guid-42"), "guid-42");
        assert_eq!(source_id("has space\t").len(), 16);
    }
}
