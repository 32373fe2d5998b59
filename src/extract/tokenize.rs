//! Unicode-aware tokenizer keeping byte offsets.
//!
//! Hand-written scanner (no regex): words with inner hyphens, apostrophes and soft hyphens,
//! French elisions split off ("l'" + "Agence"), abbreviations and initials keep their dot,
//! numbers keep their group separators (1 000, 1.000,5, $1.13bn), URLs and e-mails are one token.
//! Everything else is one token per character (plus combining marks / emoji sequences).

use super::gazetteer::GAZ;
use super::types::Token;

/// French elided words (lowercase, without the apostrophe).
const ELISIONS: [&str; 15] =
    ["l", "d", "qu", "n", "s", "j", "c", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu"];

pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        let cl = c.len_utf8();
        if is_space(c) || c == '\u{00AD}' || is_invisible(c) || name_marker(text, i, c) {
            i += cl;
            continue;
        }
        if let Some(end) = scan_url(text, i) {
            out.push(Token { start: i, end });
            i = end;
            continue;
        }
        let currency_num = is_currency(c) && char_at(text, i + cl).is_some_and(|n| n.is_ascii_digit());
        if c.is_alphanumeric() || currency_num {
            if let Some(end) = scan_email(text, i) {
                out.push(Token { start: i, end });
                i = end;
                continue;
            }
            i = scan_word(text, i, &mut out);
            continue;
        }
        // Runs of dots are one token ("...").
        if c == '.' {
            let mut e = i + 1;
            while text.as_bytes().get(e) == Some(&b'.') {
                e += 1;
            }
            out.push(Token { start: i, end: e });
            i = e;
            continue;
        }
        let e = absorb_marks(text, i + cl);
        out.push(Token { start: i, end: e });
        i = e;
    }
    out
}

/// "remarque Eric*, retraité": the asterisk the press glues to a changed name (or to a word
/// with a footnote) is no word of the sentence.
fn name_marker(text: &str, i: usize, c: char) -> bool {
    if c != '*' || !char_before(text, i).is_some_and(char::is_alphabetic) {
        return false;
    }
    // ("Mathieu Laine* Fabien Clairefond": before another name it still parts the two.)
    let rest = text.get(i + 1..).unwrap_or("");
    let name_after =
        rest.starts_with(is_space) && rest.trim_start_matches(is_space).starts_with(char::is_uppercase);
    char_at(text, i + 1).is_none_or(|n| !n.is_alphanumeric()) && !name_after
}

pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{200B}' | '\u{FEFF}')
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200E}' | '\u{200F}' | '\u{2060}')
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '¥' | '₣' | '₹' | '₽')
}

/// Combining marks and joiners that belong to the preceding character.
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0E31..=0x0E3A
        | 0x0E47..=0x0E4E | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200D | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Absorb combining marks, variation selectors and ZWJ sequences (emoji) after `i`.
fn absorb_marks(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(text, i) {
        if c == '\u{200D}' {
            i += c.len_utf8();
            if let Some(n) = char_at(text, i) {
                i += n.len_utf8();
            }
        } else if is_mark(c) {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

fn starts_with_ci(hay: &str, needle: &str) -> bool {
    hay.get(..needle.len()).is_some_and(|h| h.eq_ignore_ascii_case(needle))
}

fn scan_url(text: &str, i: usize) -> Option<usize> {
    let rest = text.get(i..)?;
    if !(starts_with_ci(rest, "http://") || starts_with_ci(rest, "https://") || starts_with_ci(rest, "www."))
    {
        return None;
    }
    let mut end = i;
    for (off, c) in rest.char_indices() {
        if is_space(c) || matches!(c, '<' | '>' | '"' | '«' | '»' | '“' | '”') {
            break;
        }
        end = i + off + c.len_utf8();
    }
    // Trailing sentence punctuation is not part of the URL.
    while let Some(c) = char_before(text, end) {
        if end > i + 4 && matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '\'' | '’') {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    (end > i + 4).then_some(end)
}

fn scan_email(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut j = i;
    // Local part: ASCII only, short.
    while j < bytes.len() && j - i < 64 {
        let b = bytes[j];
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-') {
            j += 1;
        } else {
            break;
        }
    }
    if j == i || bytes.get(j) != Some(&b'@') {
        return None;
    }
    let dom_start = j + 1;
    let mut k = dom_start;
    let mut dots = 0;
    while k < bytes.len() {
        let b = bytes[k];
        if b.is_ascii_alphanumeric() || b == b'-' {
            k += 1;
        } else if b == b'.' && bytes.get(k + 1).is_some_and(|n| n.is_ascii_alphanumeric()) {
            dots += 1;
            k += 1;
        } else {
            break;
        }
    }
    (dots > 0 && k > dom_start + 2).then_some(k)
}

fn is_elision(word: &str) -> bool {
    word.len() <= 7 && ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(word))
}

fn is_abbreviation(word: &str) -> bool {
    GAZ.abbreviations.contains(word)
}

/// Scan one word starting at `i`; pushes one or more tokens, returns the end offset.
fn scan_word(text: &str, i: usize, out: &mut Vec<Token>) -> usize {
    let mut start = i;
    let mut j = i;
    // Is the token so far a number (digits and group separators, optional currency prefix)?
    let mut numeric = true;
    let mut group_len = 0usize;
    // Start of the current dot-separated segment (for U.S.A. style acronyms).
    let mut seg_start = i;
    if let Some(c) = char_at(text, j)
        && is_currency(c)
    {
        j += c.len_utf8();
        seg_start = j;
    }
    loop {
        // Core run of word characters.
        while let Some(c) = char_at(text, j) {
            if is_word_char(c) {
                if c.is_ascii_digit() {
                    group_len += 1;
                } else if !is_mark(c) {
                    numeric = false;
                }
                j += c.len_utf8();
            } else if c == '\u{00AD}' && char_at(text, j + 2).is_some_and(is_word_char) {
                j += 2; // soft hyphen inside a word is part of it
            } else {
                break;
            }
        }
        let Some(c) = char_at(text, j) else { break };
        let next = char_at(text, j + c.len_utf8());
        let prev = char_before(text, j);
        match c {
            '-' | '\u{2011}' if next.is_some_and(char::is_alphanumeric) => {
                numeric = false;
                j += c.len_utf8();
                seg_start = j;
            }
            '\'' | '’' | 'ʼ' if next.is_some_and(char::is_alphabetic) => {
                let word = text.get(start..j).unwrap_or("");
                let after = j + c.len_utf8();
                if is_elision(word) {
                    out.push(Token { start, end: after });
                    start = after;
                    j = after;
                    seg_start = after;
                    numeric = true;
                    group_len = 0;
                } else if matches!(next, Some('s' | 'S'))
                    && !char_at(text, after + 1).is_some_and(char::is_alphanumeric)
                {
                    // English possessive: "Blair's" → "Blair" + "'s".
                    out.push(Token { start, end: j });
                    out.push(Token { start: j, end: after + 1 });
                    return after + 1;
                } else {
                    numeric = false;
                    j = after;
                }
            }
            '.' | ','
                if prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit()) =>
            {
                j += 1;
                group_len = 0;
            }
            '.' => {
                let seg = text.get(seg_start..j).unwrap_or("");
                let word = text.get(start..j).unwrap_or("");
                let seg_chars = seg.chars().count();
                let single_upper = seg_chars == 1 && seg.chars().all(char::is_uppercase);
                let single_lower_acr = seg_chars == 1
                    && seg.chars().all(char::is_lowercase)
                    && (next.is_some_and(char::is_alphabetic) || word.contains('.'));
                let dotted = word.contains('.') && seg_chars <= 2;
                if is_abbreviation(word) || single_upper || single_lower_acr || dotted {
                    j += 1;
                    numeric = false;
                    seg_start = j;
                    // Continue only for dotted acronyms ("U.S.A."), not "M. Dupont".
                    if next.is_some_and(char::is_alphabetic)
                        && char_at(text, j + next.map_or(0, char::len_utf8)) == Some('.')
                    {
                        continue;
                    }
                    break;
                }
                break;
            }
            c if numeric && group_len > 0 && group_len <= 3 && is_space(c) && c != '\n' => {
                // "1 000" / "1 000 000": exactly three digits after the space.
                let after = j + c.len_utf8();
                let b = text.as_bytes();
                let three = (0..3).all(|k| b.get(after + k).is_some_and(u8::is_ascii_digit));
                let stop = !char_at(text, after + 3).is_some_and(char::is_alphanumeric);
                if three && stop && prev.is_some_and(|p| p.is_ascii_digit()) {
                    j = after;
                    group_len = 0;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    if j > start {
        out.push(Token { start, end: j });
    }
    j.max(i + char_at(text, i).map_or(1, char::len_utf8))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| &s[t.start..t.end]).collect()
    }

    #[test]
    fn elisions_and_hyphens() {
        assert_eq!(toks("l'Agence d’Etat"), vec!["l'", "Agence", "d’", "Etat"]);
        assert_eq!(toks("jusqu'à lorsqu'il"), vec!["jusqu'", "à", "lorsqu'", "il"]);
        assert_eq!(toks("Jean-Pierre ouest-africain"), vec!["Jean-Pierre", "ouest-africain"]);
        assert_eq!(toks("aujourd'hui O'Brien"), vec!["aujourd'hui", "O'Brien"]);
        assert_eq!(toks("Blair's plan"), vec!["Blair", "'s", "plan"]);
    }

    #[test]
    fn the_asterisk_of_a_changed_name_is_no_token() {
        assert_eq!(toks("remarque Eric*, retraité"), vec!["remarque", "Eric", ",", "retraité"]);
        // Not between words or figures, nor opening one.
        assert_eq!(toks("2*3 *note"), vec!["2", "*", "3", "*", "note"]);
        // Before another name it parts the two.
        assert_eq!(toks("Mathieu Laine* Fabien"), vec!["Mathieu", "Laine", "*", "Fabien"]);
    }

    #[test]
    fn abbreviations() {
        assert_eq!(toks("M. Dupont et Mme Durand"), vec!["M.", "Dupont", "et", "Mme", "Durand"]);
        assert_eq!(toks("the U.S. and Dr. Who"), vec!["the", "U.S.", "and", "Dr.", "Who"]);
        assert_eq!(toks("St. Louis, J. K. Rowling."), vec!["St.", "Louis", ",", "J.", "K.", "Rowling", "."]);
        assert_eq!(toks("la fin."), vec!["la", "fin", "."]);
        assert_eq!(toks("e.g. this"), vec!["e.g.", "this"]);
    }

    #[test]
    fn numbers() {
        assert_eq!(toks("1 000 soldats"), vec!["1 000", "soldats"]);
        assert_eq!(toks("1\u{00A0}000\u{202F}000 €"), vec!["1\u{00A0}000\u{202F}000", "€"]);
        assert_eq!(toks("1.000,5 et 3,5"), vec!["1.000,5", "et", "3,5"]);
        assert_eq!(toks("$1.13bn profit"), vec!["$1.13bn", "profit"]);
        assert_eq!(toks("en 2021 200 morts"), vec!["en", "2021", "200", "morts"]);
        assert_eq!(toks("2022."), vec!["2022", "."]);
    }

    #[test]
    fn urls_emails_quotes() {
        assert_eq!(toks("voir https://ex.com/a?b=1. Fin"), vec!["voir", "https://ex.com/a?b=1", ".", "Fin"]);
        assert_eq!(toks("mail a.b@ex.org."), vec!["mail", "a.b@ex.org", "."]);
        assert_eq!(toks("«\u{202F}Oui\u{00A0}»"), vec!["«", "Oui", "»"]);
        assert_eq!(toks("«Au cours»"), vec!["«", "Au", "cours", "»"]);
        assert_eq!(toks("sécu\u{00AD}rité"), vec!["sécu\u{00AD}rité"]);
    }

    #[test]
    fn odd_input() {
        assert!(tokenize("").is_empty());
        assert_eq!(toks("e\u{301}te\u{301}"), vec!["e\u{301}te\u{301}"]);
        assert_eq!(toks("👍🏽 ok"), vec!["👍🏽", "ok"]);
        assert_eq!(toks("..."), vec!["..."]);
        for s in ["'", "’", "-", "$", "l'", "a.", "1 00", "\u{00AD}", "x\u{00AD}", "@", "a@", "http://"] {
            let t = tokenize(s);
            for tok in &t {
                assert!(s.get(tok.start..tok.end).is_some());
            }
        }
    }
}
