//! The small tokenizer and sentence splitter the token-based formats (Prodigy, spaCy JSON, CoNLL)
//! need. Self-contained on purpose: the formats must not change when the extractor's tokenizer
//! does, and the rules are simple enough to state here.
//!
//! Tokens are built from grapheme clusters, so a base letter with its combining marks, an emoji
//! ZWJ sequence or a CRLF pair is never cut (unless a span boundary falls inside it):
//! - runs of letters/digits are one token (plus `.`/`,` between two digits, `1,000.5`, and soft
//!   hyphens U+00AD inside words); every other non-space grapheme is a token of its own;
//! - whitespace follows spaCy's convention: one plain space U+0020 right after a token is that
//!   token's trailing whitespace (`ws`); any other whitespace (newlines, tabs, NBSP, a second
//!   space) is a whitespace token. Concatenating `text + (ws ? " " : "")` gives the text back;
//! - every span start and end becomes a token boundary (tokens are split there), so spans always
//!   cover whole tokens, even when they start or stop inside a word.
//!
//! All offsets are byte offsets; callers convert them to their format's unit.

use unicode_segmentation::UnicodeSegmentation;

/// One token: byte range, whether a single U+0020 follows it, whether it is whitespace itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub ws: bool,
    pub space: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Space,
    Other,
}

/// Tokenizes `text`, making every offset in `starts` and `ends` (span starts and ends, in bytes on
/// char boundaries) a token boundary. `starts` and `ends` need not be sorted.
pub(crate) fn tokenize(text: &str, starts: &[usize], ends: &[usize]) -> Vec<Tok> {
    let mut cuts: Vec<usize> = starts.iter().chain(ends).copied().collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut span_starts = starts.to_vec();
    span_starts.sort_unstable();
    let mut span_ends = ends.to_vec();
    span_ends.sort_unstable();

    let mut out: Vec<Tok> = Vec::new();
    for (start, end, class) in pieces(text) {
        // Split the piece at every cut strictly inside it.
        let first = cuts.partition_point(|&c| c <= start);
        let inner = cuts[first..].iter().take_while(|&&c| c < end);
        let mut s = start;
        for &c in inner.chain(std::iter::once(&end)) {
            push(&mut out, text, s, c, class == Class::Space, &span_starts, &span_ends);
            s = c;
        }
    }
    out
}

/// Appends one token, turning a leading U+0020 of a whitespace token into the previous token's
/// trailing `ws` when no span needs a boundary at that space.
fn push(
    out: &mut Vec<Tok>,
    text: &str,
    mut start: usize,
    end: usize,
    space: bool,
    starts: &[usize],
    ends: &[usize],
) {
    if space
        && text.as_bytes().get(start) == Some(&b' ')
        && let Some(prev) = out.last_mut()
        && !prev.space
        && !prev.ws
        && prev.end == start
        && starts.binary_search(&start).is_err()
        && ends.binary_search(&(start + 1)).is_err()
    {
        prev.ws = true;
        start += 1;
    }
    if start < end {
        out.push(Tok { start, end, ws: false, space });
    }
}

/// Natural token pieces before span cuts: (start, end, class).
fn pieces(text: &str) -> Vec<(usize, usize, Class)> {
    let graphemes: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
    let class_of = |g: &str| match g.chars().next() {
        Some(c) if c.is_whitespace() => Class::Space,
        Some(c) if c.is_alphanumeric() => Class::Word,
        _ => Class::Other,
    };
    let mut out: Vec<(usize, usize, Class)> = Vec::new();
    for (i, &(start, g)) in graphemes.iter().enumerate() {
        let end = start + g.len();
        let mut class = class_of(g);
        if class == Class::Other && joins_word(g, graphemes.get(i.wrapping_sub(1)), graphemes.get(i + 1)) {
            class = Class::Word;
        }
        match out.last_mut() {
            Some(last) if last.2 == class && class != Class::Other && last.1 == start => last.1 = end,
            _ => out.push((start, end, class)),
        }
    }
    out
}

/// Whether a non-alphanumeric grapheme stays inside a word: `.`/`,` between digits, a soft
/// hyphen between letters.
fn joins_word(g: &str, prev: Option<&(usize, &str)>, next: Option<&(usize, &str)>) -> bool {
    let last = prev.and_then(|p| p.1.chars().next_back());
    let first = next.and_then(|n| n.1.chars().next());
    match g {
        "." | "," => last.is_some_and(|c| c.is_ascii_digit()) && first.is_some_and(|c| c.is_ascii_digit()),
        "\u{AD}" => last.is_some_and(char::is_alphanumeric) && first.is_some_and(char::is_alphanumeric),
        _ => false,
    }
}

/// Index of the token starting at byte `b`.
pub(crate) fn token_starting(toks: &[Tok], b: usize) -> Option<usize> {
    toks.binary_search_by_key(&b, |t| t.start).ok()
}

/// Index of the token ending at byte `b`.
pub(crate) fn token_ending(toks: &[Tok], b: usize) -> Option<usize> {
    toks.binary_search_by_key(&b, |t| t.end).ok()
}

/// Splits tokens into sentences; returns token index ranges covering all tokens, in order.
///
/// A sentence ends after `.`, `!`, `?`, `…` (plus any closing quotes or brackets after it) when
/// whitespace follows, and at a paragraph break (whitespace with two or more line breaks).
/// Whitespace tokens stay with the sentence before them. No boundary is placed strictly inside
/// one of `keep` (byte ranges, sorted and non-overlapping: the entities written out), so a
/// sentence never cuts a span.
pub(crate) fn sentences(text: &str, toks: &[Tok], keep: &[(usize, usize)]) -> Vec<std::ops::Range<usize>> {
    let inside_kept = |pos: usize| {
        let before = keep.partition_point(|&(s, _)| s < pos);
        before.checked_sub(1).and_then(|i| keep.get(i)).is_some_and(|&(_, e)| pos < e)
    };
    let mut out = Vec::new();
    let mut sent_start = 0;
    let mut terminal = false; // the last word-ish token ended a sentence
    let mut gap = false; // whitespace since that token
    let mut paragraph = false; // a paragraph break since the last non-space token
    for (i, t) in toks.iter().enumerate() {
        let s = &text[t.start..t.end];
        if t.space {
            gap = true;
            paragraph |= s.chars().filter(|&c| c == '\n').count() >= 2
                || (!s.contains('\n') && s.chars().filter(|&c| c == '\r').count() >= 2);
            continue;
        }
        let boundary = (paragraph || (terminal && gap && !is_terminal(s) && !is_closer(s))) && i > sent_start;
        if boundary && !inside_kept(t.start) {
            out.push(sent_start..i);
            sent_start = i;
        }
        // Closing quotes and brackets after a terminal keep the sentence open until the next word.
        terminal = is_terminal(s) || (terminal && is_closer(s));
        gap = t.ws;
        paragraph = false;
    }
    if sent_start < toks.len() {
        out.push(sent_start..toks.len());
    }
    out
}

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…" | "。" | "！" | "？" | "‼" | "⁇" | "⁈" | "⁉")
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "'" | "»" | "”" | "’" | ")" | "]" | "}" | "›")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, starts: &[usize], ends: &[usize]) -> Vec<String> {
        tokenize(text, starts, ends)
            .iter()
            .map(|t| format!("{}{}", &text[t.start..t.end], if t.ws { "_" } else { "" }))
            .collect()
    }

    fn rebuilt(text: &str, toks: &[Tok]) -> String {
        toks.iter().map(|t| format!("{}{}", &text[t.start..t.end], if t.ws { " " } else { "" })).collect()
    }

    #[test]
    fn splits_words_and_punctuation() {
        assert_eq!(
            words("Angela Merkel met Macron. l'Agence, 1,000.5 km", &[], &[]),
            ["Angela_", "Merkel_", "met_", "Macron", "._", "l", "'", "Agence", ",_", "1,000.5_", "km"]
        );
    }

    #[test]
    fn whitespace_follows_spacy() {
        let text = "a  b\r\n\r\nc\u{a0}d ";
        let toks = tokenize(text, &[], &[]);
        assert_eq!(words(text, &[], &[]), ["a_", " ", "b", "\r\n\r\n", "c", "\u{a0}", "d_"]);
        assert_eq!(rebuilt(text, &toks), text);
    }

    #[test]
    fn graphemes_stay_whole() {
        assert_eq!(words("Cafe\u{301} 😊👩‍👩‍👧!", &[], &[]), ["Cafe\u{301}_", "😊", "👩‍👩‍👧", "!"]);
    }

    #[test]
    fn spans_cut_tokens() {
        // "Merkels" with a span on "Merkel"; a span that includes the following space.
        let text = "Merkels met Paris today";
        assert_eq!(words(text, &[0], &[6]), ["Merkel", "s_", "met_", "Paris_", "today"]);
        let toks = tokenize(text, &[12], &[18]);
        assert_eq!(words(text, &[12], &[18]), ["Merkels_", "met_", "Paris", " ", "today"]);
        assert_eq!(rebuilt(text, &toks), text);
        // a span starting at a space
        assert_eq!(words("a b", &[1], &[3]), ["a", " ", "b"]);
    }

    #[test]
    fn sentence_split() {
        let text = "Angela Merkel met Emmanuel Macron in Paris on Monday. Merkel praised France.";
        let toks = tokenize(text, &[], &[]);
        let sents = sentences(text, &toks, &[]);
        assert_eq!(sents, [0..10, 10..14]);
        let text = "He said «Yes.» Then left!\n\nTitle\nNext line";
        let toks = tokenize(text, &[], &[]);
        let sents: Vec<String> = sentences(text, &toks, &[])
            .into_iter()
            .map(|r| text[toks[r.start].start..toks[r.end - 1].end].to_owned())
            .collect();
        assert_eq!(sents, ["He said «Yes.»", "Then left!\n\n", "Title\nNext line"]);
        // no boundary inside a kept span
        let text = "Mr. Smith";
        let toks = tokenize(text, &[0], &[9]);
        assert_eq!(sentences(text, &toks, &[(0, 9)]).len(), 1);
        assert_eq!(sentences(text, &toks, &[]).len(), 2);
    }
}
