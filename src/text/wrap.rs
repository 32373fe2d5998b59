//! Greedy line wrapping on Unicode line-break opportunities (UAX #14, via `unicode-linebreak`),
//! measured in terminal cells. Returns byte ranges so callers can style spans of the original
//! text (entities, search hits) without copying it.

use std::ops::Range;

use super::width::{display_width, prefix_fitting};

/// Wraps one paragraph (no newlines) to `width` cells. Each range excludes the trailing spaces
/// at a break. An empty paragraph gives no lines.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line_start = 0;
    // End of the last break opportunity that still fits on the current line.
    let mut fit_end: Option<usize> = None;
    for (brk, _) in unicode_linebreak::linebreaks(text) {
        if brk <= line_start || (!break_allowed(text, brk) && brk < text.len()) {
            continue;
        }
        let candidate = text[line_start..brk].trim_end();
        if display_width(candidate) <= width {
            fit_end = Some(brk);
            continue;
        }
        // The segment ending at `brk` does not fit: close the line at the last fit.
        if let Some(end) = fit_end.take().filter(|&e| e > line_start) {
            lines.push(line_start..line_start + text[line_start..end].trim_end().len());
            line_start = end;
        }
        // A single word wider than the line is cut by cells.
        while display_width(text[line_start..brk].trim_end()) > width {
            let cut = prefix_fitting(&text[line_start..brk], width).max(first_char_len(&text[line_start..]));
            lines.push(line_start..line_start + cut);
            line_start += cut;
        }
        fit_end = (brk > line_start).then_some(brk);
    }
    if line_start < text.len() {
        let rest = text[line_start..].trim_end();
        if !rest.is_empty() {
            lines.push(line_start..line_start + rest.len());
        }
    }
    lines
}

fn first_char_len(s: &str) -> usize {
    s.chars().next().map_or(1, char::len_utf8)
}

/// French typography puts (thin) spaces inside «guillemets» and before ; : ! ? — UAX #14 allows
/// a break at some of them (U+2009, or a plain space), which would strand the mark on its own line.
fn break_allowed(text: &str, brk: usize) -> bool {
    let before = text[..brk].trim_end_matches(is_space);
    let after = text[brk..].trim_start_matches(is_space);
    if before.ends_with('«') || before.ends_with('“') {
        return false;
    }
    !matches!(after.chars().next(), Some('»' | '”' | ';' | ':' | '!' | '?')) || before.len() == brk // no space before the mark: UAX #14 already decided
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_on_spaces_within_width() {
        assert_eq!(lines("one two three", 7), vec!["one two", "three"]);
        assert_eq!(
            lines("Le gouvernement malien a signé un accord", 17),
            vec!["Le gouvernement", "malien a signé un", "accord"]
        );
    }

    #[test]
    fn guillemets_with_thin_spaces_stay_with_their_words() {
        let text = "il a dit «\u{202F}oui\u{202F}» puis «\u{2009}non\u{2009}» et enfin : bon";
        for width in 8..30 {
            for l in lines(text, width) {
                assert!(!l.trim().starts_with('»'), "width {width}: {l:?}");
                assert!(!l.trim_end().ends_with('«'), "width {width}: {l:?}");
                assert!(!l.trim().starts_with(':'), "width {width}: {l:?}");
            }
        }
    }

    #[test]
    fn nbsp_is_not_a_break() {
        assert_eq!(lines("aa 10\u{00A0}000 bb", 6), vec!["aa", "10\u{00A0}000", "bb"]);
    }

    #[test]
    fn long_words_are_cut_by_cells_and_cjk_fits() {
        assert_eq!(lines("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        for l in lines("日本語のニュースを読む", 5) {
            assert!(display_width(l) <= 5, "{l:?}");
        }
        assert_eq!(lines("🦀🦀🦀", 1).len(), 3, "a wide char wider than the line still advances");
    }

    #[test]
    fn covers_every_word_once() {
        let text = "Selon l'Agence Ecofin, la nouvelle convention a été signée à Moscou.";
        for width in 1..40 {
            let joined: String = lines(text, width).concat().split_whitespace().collect();
            let expected: String = text.split_whitespace().collect();
            assert_eq!(joined, expected, "width {width}");
        }
    }

    #[test]
    fn empty_gives_no_lines() {
        assert!(wrap("", 10).is_empty());
        assert!(wrap("   ", 10).is_empty());
    }
}
