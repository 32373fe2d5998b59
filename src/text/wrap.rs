//! Greedy line wrapping on Unicode line-break opportunities (UAX #14, via `unicode-linebreak`),
//! measured in terminal cells. Returns byte ranges so callers can style spans of the original
//! text (entities, search hits) without copying it.

use std::ops::Range;

use super::width::{display_width, first_grapheme_len, prefix_fitting};

/// Wraps one paragraph (no newlines) to `width` cells. Each range excludes the trailing spaces
/// at a break. An empty paragraph gives no lines.
///
/// Linear in the paragraph's length: the width of the current line is kept as it grows, each
/// piece of text between two break opportunities is measured at most twice, and a word wider
/// than the line is cut without measuring the rest of it again for every line.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line_start = 0;
    // End of the last break opportunity that still fits on the current line.
    let mut fit_end: Option<usize> = None;
    // The cells of `text[line_start..measured]`, `measured` being the last break considered.
    let (mut measured, mut cells) = (0, 0);
    for (brk, _) in unicode_linebreak::linebreaks(text) {
        if brk <= line_start || (!break_allowed(text, brk) && brk < text.len()) {
            continue;
        }
        cells += display_width(&text[measured..brk]);
        measured = brk;
        let segment = &text[line_start..brk];
        let trailing = display_width(&segment[segment.trim_end().len()..]);
        if cells - trailing.min(cells) <= width {
            fit_end = Some(brk);
            continue;
        }
        // The segment ending at `brk` does not fit: close the line at the last fit.
        if let Some(end) = fit_end.take().filter(|&e| e > line_start) {
            lines.push(line_start..line_start + text[line_start..end].trim_end().len());
            line_start = end;
        }
        // A single word wider than the line is cut by cells; each cut reads only what it takes.
        loop {
            let rest = text[line_start..brk].trim_end();
            let cut = prefix_fitting(rest, width);
            if cut == rest.len() {
                break;
            }
            let cut = cut.max(first_grapheme_len(rest));
            lines.push(line_start..line_start + cut);
            line_start += cut;
        }
        cells = display_width(&text[line_start..brk]);
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

    /// The greedy wrap stated plainly (every candidate line measured whole): what `wrap` must
    /// agree with, only slower.
    fn plain_wrap(text: &str, width: usize) -> Vec<Range<usize>> {
        let mut lines = Vec::new();
        let (mut start, mut fit) = (0, None);
        for (brk, _) in unicode_linebreak::linebreaks(text) {
            if brk <= start || (!break_allowed(text, brk) && brk < text.len()) {
                continue;
            }
            if display_width(text[start..brk].trim_end()) <= width {
                fit = Some(brk);
                continue;
            }
            if let Some(end) = fit.take().filter(|&e| e > start) {
                lines.push(start..start + text[start..end].trim_end().len());
                start = end;
            }
            while display_width(text[start..brk].trim_end()) > width {
                let cut = prefix_fitting(&text[start..brk], width).max(first_grapheme_len(&text[start..]));
                lines.push(start..start + cut);
                start += cut;
            }
            fit = (brk > start).then_some(brk);
        }
        let rest = text[start..].trim_end();
        if !rest.is_empty() {
            lines.push(start..start + rest.len());
        }
        lines
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_plain_greedy_wrap(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "bc", "défg", " ", "  ", "-", "日本", "e\u{301}", "\u{200B}", "«\u{202F}", "\u{202F}»",
                    " :", "🦀", "\u{00A0}", "xxxxxxxxxxxx",
                ]),
                0..40,
            ),
            width in 1usize..14,
        ) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(wrap(&text, width), plain_wrap(&text, width));
        }
    }

    #[test]
    fn a_word_of_megabytes_is_cut_into_full_lines() {
        // Measuring the rest of the word again for every line took minutes here; the speed is
        // `cargo bench`'s to watch, not a timed assertion's.
        let word = "abcdefghij".repeat(400_000);
        let cut = wrap(&word, 80);
        assert_eq!(cut.len(), 50_000);
        assert!(cut.iter().all(|r| r.len() == 80));
        let zero_width = "\u{200B}".repeat(300_000);
        assert_eq!(wrap(&zero_width, 10).len(), 1);
    }

    #[test]
    fn empty_gives_no_lines() {
        assert!(wrap("", 10).is_empty());
        assert!(wrap("   ", 10).is_empty());
    }
}
