//! Display width of text in terminal cells, measured per grapheme cluster exactly as ratatui
//! measures what it draws: an emoji ZWJ sequence, a flag, a keycap or a skin-toned emoji is one
//! cluster of one width. Measuring character by character instead (a family is four emoji, a
//! keycap one digit) made lines the drawing cut short, and left cells the diff never rewrote.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Characters that are kept in the text but never drawn (soft hyphen, zero-width joiners are
/// already width 0 in `unicode-width`).
pub fn is_invisible(c: char) -> bool {
    c == '\u{00AD}'
}

/// Width of one character in terminal cells; control characters count as zero because they
/// never reach the screen (the loader strips them). Only right for a character that is a whole
/// grapheme cluster: text is measured with [`display_width`].
pub fn char_width(c: char) -> usize {
    if is_invisible(c) { 0 } else { c.width().unwrap_or(0) }
}

/// Width of one grapheme cluster, as ratatui gives it the cells it draws it in.
pub fn grapheme_width(g: &str) -> usize {
    let mut chars = g.chars();
    match (chars.next(), chars.next()) {
        (None, _) => 0,
        (Some(c), None) => char_width(c),
        (Some(c), Some(_)) if is_invisible(c) => display_width(&g[c.len_utf8()..]),
        _ => g.width(),
    }
}

/// Width of a string in terminal cells.
pub fn display_width(s: &str) -> usize {
    if s.is_ascii() {
        return s.bytes().filter(|b| !b.is_ascii_control()).count();
    }
    s.graphemes(true).map(grapheme_width).sum()
}

/// The longest prefix of `s` that fits in `max` cells, as a byte length; never inside a
/// grapheme cluster.
pub fn prefix_fitting(s: &str, max: usize) -> usize {
    let mut used = 0;
    for (i, g) in s.grapheme_indices(true) {
        let w = grapheme_width(g);
        if used + w > max {
            return i;
        }
        used += w;
    }
    s.len()
}

/// The byte length of the first grapheme cluster of `s` (what a cut must keep to make progress).
pub fn first_grapheme_len(s: &str) -> usize {
    s.graphemes(true).next().map_or(0, str::len)
}

/// `s` shortened to at most `max` cells, with an ellipsis when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if display_width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let cut = prefix_fitting(s, max - 1);
    format!("{}…", s[..cut].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_of_accents_cjk_emoji() {
        assert_eq!(display_width("sécurité"), 8);
        assert_eq!(display_width("e\u{301}"), 1, "combining acute adds no cell");
        assert_eq!(display_width("日本"), 4);
        assert_eq!(display_width("🦀"), 2);
        assert_eq!(display_width("co\u{00AD}opération"), 11);
    }

    /// Each sequence is one cluster, as wide as ratatui draws it, and never cut inside.
    #[test]
    fn emoji_sequences_are_measured_and_cut_whole() {
        for (seq, cells) in [
            ("👨\u{200D}👩\u{200D}👧\u{200D}👦", 2), // family (ZWJ)
            ("🇫🇷", 2),                               // flag (regional indicator pair)
            ("👍🏽", 2),                               // skin tone
            ("1\u{FE0F}\u{20E3}", 2),                // keycap
            ("❤\u{FE0F}", 2),                        // emoji presentation selector
        ] {
            assert_eq!(display_width(seq), cells, "{seq}");
            let text = format!("ab{seq}cd");
            assert_eq!(prefix_fitting(&text, 3), 2, "{seq} is not split");
            assert_eq!(prefix_fitting(&text, 4), 2 + seq.len(), "{seq} fits whole");
            assert_eq!(first_grapheme_len(&text[2..]), seq.len());
            let line = ratatui::text::Line::raw(text.clone());
            assert_eq!(display_width(&text), line.width(), "{seq}: as ratatui measures it");
        }
    }

    #[test]
    fn truncate_never_exceeds_width() {
        assert_eq!(truncate("Le Mali signe", 7), "Le Mal…");
        assert_eq!(truncate("日本語のニュース", 5), "日本…");
        assert_eq!(truncate("court", 10), "court");
        assert_eq!(truncate("abc", 0), "");
        for max in 0..12 {
            assert!(display_width(&truncate("日本語のニュース🦀", max)) <= max);
        }
    }
}
