//! Display width of text in terminal cells.

use unicode_width::UnicodeWidthChar;

/// Characters that are kept in the text but never drawn (soft hyphen, zero-width joiners are
/// already width 0 in `unicode-width`).
pub fn is_invisible(c: char) -> bool {
    c == '\u{00AD}'
}

/// Width of one character in terminal cells; control characters count as zero because they
/// never reach the screen (the loader strips them).
pub fn char_width(c: char) -> usize {
    if is_invisible(c) { 0 } else { c.width().unwrap_or(0) }
}

/// Width of a string in terminal cells.
pub fn display_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// The longest prefix of `s` that fits in `max` cells, as a byte length.
pub fn prefix_fitting(s: &str, max: usize) -> usize {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        let w = char_width(c);
        if used + w > max {
            return i;
        }
        used += w;
    }
    s.len()
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
