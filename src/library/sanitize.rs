//! Removal of everything in untrusted text that could drive a terminal.
//!
//! Article text, titles, file names and error messages all pass through [`sanitize`] before
//! they reach the screen. What is removed: ESC and whole escape sequences (CSI, OSC, DCS, SOS,
//! PM, APC, nF and single-character escapes), their 8-bit C1 forms, every other C0 control but
//! `\n` (tab becomes a space, `\r\n` and `\r` become `\n`), DEL, the C1 range U+0080–U+009F,
//! and the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can
//! reorder what the reader sees ("Trojan Source"). U+2028/U+2029 become `\n`.
//! Kept on purpose: the plain marks U+200E/U+200F/U+061C (they cannot reorder text beyond
//! themselves and right-to-left prose needs them), NBSP, narrow NBSP, thin space, soft hyphen,
//! zero-width joiners (emoji sequences), and everything printable.

use std::borrow::Cow;

const ESC: char = '\u{1b}';
const BEL: char = '\u{07}';
/// 8-bit String Terminator.
const ST8: char = '\u{9c}';

/// Returns `text` without terminal controls; borrows when nothing had to change.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    match text.char_indices().find(|&(_, c)| needs_work(c)) {
        None => Cow::Borrowed(text),
        Some((first, _)) => {
            let mut out = String::with_capacity(text.len());
            out.push_str(&text[..first]);
            clean_into(&text[first..], &mut out);
            Cow::Owned(out)
        }
    }
}

fn needs_work(c: char) -> bool {
    matches!(c,
        '\0'..='\u{09}' | '\u{0b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn clean_into(text: &str, out: &mut String) {
    // Offsets past which no terminator exists: an unterminated sequence is then known at once,
    // which keeps the whole pass linear even on hostile input.
    let last_st = text.rfind([ST8]).max(text.rfind("\u{1b}\\"));
    let last_bel = text.rfind(BEL).max(last_st);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        let pos = text.len() - rest.len();
        let next = rest.chars().next();
        match c {
            ESC => match next {
                Some('[') => rest = skip_csi(&rest[1..]),
                Some(']') => rest = skip_string(&rest[1..], true, last_bel, pos + 1),
                Some('P' | 'X' | '^' | '_') => rest = skip_string(&rest[1..], false, last_st, pos + 1),
                // nF escapes (ESC ( B, ESC # 8…): intermediates then one final byte.
                Some(' '..='/') => {
                    rest = rest.trim_start_matches(|c| matches!(c, ' '..='/'));
                    rest = rest.strip_prefix(|c| matches!(c, '0'..='~')).unwrap_or(rest);
                }
                // Single-character escapes (ESC c, ESC 7, ESC =, ESC \ …).
                Some('0'..='~') => rest = &rest[1..],
                _ => {}
            },
            '\u{9b}' => rest = skip_csi(rest),
            '\u{9d}' => rest = skip_string(rest, true, last_bel, pos),
            '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => rest = skip_string(rest, false, last_st, pos),
            '\r' => {
                rest = rest.strip_prefix('\n').unwrap_or(rest);
                out.push('\n');
            }
            '\t' => out.push(' '),
            '\n' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            c if c.is_control() || is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
}

/// Skips CSI parameter and intermediate bytes, then one final byte. Anything else ends the
/// sequence (as in terminals) and is processed as ordinary text.
fn skip_csi(rest: &str) -> &str {
    let rest = rest.trim_start_matches(|c| matches!(c, '0'..='?' | ' '..='/'));
    rest.strip_prefix(|c| matches!(c, '@'..='~')).unwrap_or(rest)
}

/// Skips an OSC (ends at BEL or ST) or DCS/SOS/PM/APC (ends at ST) body. `pos` is the byte
/// offset of `rest` in the whole text. A sequence that never terminates only loses its
/// introducer: the rest stays as (now inert) text instead of swallowing the article.
fn skip_string(rest: &str, bel_ends: bool, last_term: Option<usize>, pos: usize) -> &str {
    if last_term.is_none_or(|t| t < pos) {
        return rest;
    }
    let mut it = rest.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let end = match c {
            BEL if bel_ends => i + 1,
            ST8 => i + c.len_utf8(),
            ESC if it.peek().map(|&(_, n)| n) == Some('\\') => i + 2,
            _ => continue,
        };
        return &rest[end..];
    }
    rest
}

/// Sanitises and flattens to one line: for file names, error messages and skip reasons.
pub fn one_line(text: &str, max_chars: usize) -> String {
    let clean = sanitize(text);
    let mut out = String::with_capacity(clean.len().min(max_chars * 4));
    let mut count = 0;
    for word in clean.split_ascii_whitespace() {
        if count > 0 {
            out.push(' ');
            count += 1;
        }
        for c in word.chars() {
            if count >= max_chars {
                out.push('…');
                return out;
            }
            out.push(c);
            count += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(t: &str) -> String {
        sanitize(t).into_owned()
    }

    #[test]
    fn clean_text_is_borrowed() {
        for t in [
            "",
            "plain ascii",
            "Le Mali «signe» l’accord — café, 北京, 🇫🇷👩‍👩‍👧",
            "nbsp\u{a0}narrow\u{202f}thin\u{2009}soft\u{ad}hyphen",
            "two\n\nparagraphs",
            "rtl marks \u{200e}\u{200f}\u{61c} kept",
        ] {
            assert!(matches!(sanitize(t), Cow::Borrowed(_)), "{t:?}");
        }
    }

    #[test]
    fn csi_sequences_vanish_whole() {
        assert_eq!(s("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(s("\u{1b}[2J\u{1b}[H\u{1b}[?1049hx"), "x");
        assert_eq!(s("\u{1b}[38;2;255;0;0mX"), "X");
        // 8-bit CSI
        assert_eq!(s("a\u{9b}31mb"), "ab");
    }

    #[test]
    fn osc_and_string_sequences_vanish_whole() {
        assert_eq!(s("a\u{1b}]0;evil title\u{07}b"), "ab");
        assert_eq!(s("a\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\b"), "alinkb");
        assert_eq!(s("a\u{1b}]52;c;ZXZpbA==\u{9c}b"), "ab");
        assert_eq!(s("a\u{1b}Pq#0;2;0;0;0\u{1b}\\b"), "ab");
        assert_eq!(s("a\u{1b}_apc\u{1b}\\b\u{1b}^pm\u{1b}\\c\u{1b}Xsos\u{1b}\\d"), "abcd");
        assert_eq!(s("a\u{9d}0;t\u{07}b"), "ab");
        assert_eq!(s("a\u{90}dcs\u{9c}b"), "ab");
    }

    #[test]
    fn unterminated_string_keeps_text_but_no_controls() {
        assert_eq!(s("a\u{1b}]0;title without end"), "a0;title without end");
        assert_eq!(s("x\u{1b}"), "x");
        assert_eq!(s("x\u{1b}["), "x");
    }

    #[test]
    fn single_char_and_nf_escapes() {
        assert_eq!(s("a\u{1b}cb"), "ab");
        assert_eq!(s("a\u{1b}7\u{1b}8b"), "ab");
        assert_eq!(s("a\u{1b}(Bb"), "ab");
        assert_eq!(s("a\u{1b}#8b"), "ab");
        assert_eq!(s("a\u{1b}\u{1b}[1mb"), "ab");
    }

    #[test]
    fn controls_removed_or_mapped() {
        assert_eq!(s("a\r\nb\rc\nd"), "a\nb\nc\nd");
        assert_eq!(s("a\tb"), "a b");
        assert_eq!(s("a\u{0}b\u{7}c\u{8}d\u{7f}e"), "abcde");
        assert_eq!(s("a\u{85}b\u{80}\u{9f}c"), "abc");
        assert_eq!(s("a\u{2028}b\u{2029}c"), "a\nb\nc");
        assert_eq!(s("\u{0c}\u{0b}x"), "x");
    }

    #[test]
    fn bidi_overrides_removed() {
        assert_eq!(s("access\u{202e}\u{2066}level\u{2069}\u{202c}"), "accesslevel");
        assert_eq!(s("\u{202a}\u{202b}\u{202d}x\u{2067}\u{2068}"), "x");
    }

    #[test]
    fn french_typography_and_emoji_survive() {
        let t = "«\u{a0}Bonjour\u{202f}!\u{a0}» l’été d’au\u{ad}jour\u{2009}d’hui 😀\t";
        assert_eq!(s(t), "«\u{a0}Bonjour\u{202f}!\u{a0}» l’été d’au\u{ad}jour\u{2009}d’hui 😀 ");
    }

    #[test]
    fn one_line_flattens_and_truncates() {
        assert_eq!(one_line("a\n\nb\u{1b}[1m  c", 80), "a b c");
        assert_eq!(one_line("abcdef", 3), "abc…");
    }

    #[test]
    fn every_output_is_control_free() {
        // A crude fuzz over a mix of dangerous characters.
        let alphabet = ['\u{1b}', '[', ']', '\u{7}', '\\', 'P', 'm', '\u{9b}', '\u{9c}', 'a', '\r'];
        let mut seed = 0x2545_f491_u32;
        for _ in 0..2000 {
            let mut t = String::new();
            for _ in 0..12 {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                t.push(alphabet[(seed % alphabet.len() as u32) as usize]);
            }
            let out = s(&t);
            assert!(!out.chars().any(|c| (c.is_control() && c != '\n') || is_bidi_control(c)));
        }
    }
}
