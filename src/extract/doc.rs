//! The analysed document shared by all pipeline stages: tokens, sentences and per-token facts
//! computed once (folded form, capitalisation, sentence-initial flag).

use std::cell::OnceCell;
use std::ops::Range;

use super::gazetteer::GAZ;
use super::types::{Lang, Token};
use super::util::{FxSet, all_upper, starts_lower, starts_upper};
use crate::text::fold::fold_into;

#[derive(Debug, Clone, Default)]
pub struct TokInfo {
    /// Lowercased, accent-stripped form.
    pub folded: String,
    /// Starts with a letter or digit.
    pub word: bool,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// All letters uppercase (two or more).
    pub upper: bool,
    /// First word of a sentence, or first word after an opening quotation mark.
    pub initial: bool,
}

pub struct Doc<'a> {
    pub text: &'a str,
    pub lang: Lang,
    pub tokens: Vec<Token>,
    pub info: Vec<TokInfo>,
    pub sentences: Vec<Range<usize>>,
    /// Sentence index of each token.
    pub sent_of: Vec<usize>,
    /// Folded forms seen written in lowercase somewhere in the text (evidence of a common word).
    pub lower_seen: FxSet<String>,
    /// The text is mostly uppercase (headline-style): capitalisation carries no information.
    pub shouting: bool,
    /// Byte offsets of the text's newlines, in order: a line's start is a binary search away
    /// rather than a scan back over the line.
    pub newlines: Vec<usize>,
    /// `quoted_tokens`, computed on first use: some tests read it for every quote.
    quoted: OnceCell<Vec<bool>>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, lang: Option<Lang>) -> Doc<'a> {
        let tokens = super::tokenize::tokenize(text);
        let sentences = super::sentence::sentences(text, &tokens);
        let lang = lang.unwrap_or_else(|| super::lang::guess_from_tokens(text, &tokens));
        let mut info: Vec<TokInfo> = Vec::with_capacity(tokens.len());
        let mut lower_seen = FxSet::default();
        let mut upper_words = 0usize;
        let mut words = 0usize;
        for t in &tokens {
            let s = text.get(t.start..t.end).unwrap_or("");
            let mut folded = String::with_capacity(s.len());
            fold_into(s, &mut folded);
            let first = s.chars().next();
            let word = first.is_some_and(char::is_alphanumeric);
            let cap = starts_upper(s);
            let upper = cap && all_upper(s);
            if word && !first.is_some_and(|c| c.is_ascii_digit()) {
                words += 1;
                if upper {
                    upper_words += 1;
                }
            }
            if word && starts_lower(s) && !lower_seen.contains(&folded) {
                lower_seen.insert(folded.clone());
            }
            info.push(TokInfo { folded, word, cap, upper, initial: false });
        }
        let mut sent_of = vec![0usize; tokens.len()];
        for (si, r) in sentences.iter().enumerate() {
            for k in r.clone() {
                if let Some(s) = sent_of.get_mut(k) {
                    *s = si;
                }
            }
            if let Some(first_word) = r.clone().find(|&k| info.get(k).is_some_and(|i| i.word))
                && let Some(i) = info.get_mut(first_word)
            {
                i.initial = true;
            }
        }
        // Words right after an opening quote, a colon or a dash start a clause.
        for k in 1..info.len() {
            let prev = text.get(tokens[k - 1].start..tokens[k - 1].end).unwrap_or("");
            if matches!(prev, "«" | "“" | "„" | "\"" | ":" | "—" | "–" | "(" | "‘") && info[k].word
            {
                info[k].initial = true;
            }
        }
        let shouting = words >= 6 && upper_words * 10 >= words * 6;
        let newlines = text.match_indices('\n').map(|(i, _)| i).collect();
        Doc {
            text,
            lang,
            tokens,
            info,
            sentences,
            sent_of,
            lower_seen,
            shouting,
            newlines,
            quoted: OnceCell::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Surface text of token `k` ("" when out of range).
    pub fn tok(&self, k: usize) -> &'a str {
        self.tokens.get(k).and_then(|t| self.text.get(t.start..t.end)).unwrap_or("")
    }

    pub fn folded(&self, k: usize) -> &str {
        self.info.get(k).map_or("", |i| i.folded.as_str())
    }

    pub fn cap(&self, k: usize) -> bool {
        self.info.get(k).is_some_and(|i| i.cap)
    }

    pub fn is_word(&self, k: usize) -> bool {
        self.info.get(k).is_some_and(|i| i.word)
    }

    /// Text covering tokens `a..b`.
    pub fn span_text(&self, a: usize, b: usize) -> &'a str {
        let (Some(s), Some(e)) = (self.tokens.get(a), b.checked_sub(1).and_then(|l| self.tokens.get(l)))
        else {
            return "";
        };
        self.text.get(s.start..e.end).unwrap_or("")
    }

    pub fn byte_span(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let s = self.tokens.get(a)?;
        let e = self.tokens.get(b.checked_sub(1)?)?;
        (s.start <= e.end).then_some((s.start, e.end))
    }

    /// The first token of the sentence holding token `k`.
    pub fn sentence_start(&self, k: usize) -> Option<usize> {
        self.sent_of.get(k).and_then(|&s| self.sentences.get(s)).map(|r| r.start)
    }

    /// Whether token `k` opens its sentence.
    pub fn starts_sentence(&self, k: usize) -> bool {
        self.sentence_start(k) == Some(k)
    }

    /// Byte offset where the line holding byte `pos` starts: just after the last newline before
    /// it (0 when `pos` is out of the text or inside a character).
    pub fn line_start(&self, pos: usize) -> usize {
        if self.text.get(..pos).is_none() {
            return 0;
        }
        let before = self.newlines.partition_point(|&n| n < pos);
        before.checked_sub(1).and_then(|i| self.newlines.get(i)).map_or(0, |n| n + 1)
    }

    /// The last token at or before `k` with a newline before it (`newline_before`), found from
    /// the newline offsets rather than by a scan back over the line.
    pub fn line_first_token(&self, k: usize) -> Option<usize> {
        let at = self.tokens.get(k)?.start;
        let line = self.line_start(at);
        if line == 0 {
            return None;
        }
        let j = self.tokens.partition_point(|t| t.start < line);
        if self.newline_before(j) {
            return Some(j);
        }
        // A newline inside a token: no gap holds it, look further back.
        (0..=k).rev().find(|&j| self.newline_before(j))
    }

    /// The first token after `k` with a newline before it, found from the newline offsets.
    pub fn next_line_first_token(&self, k: usize) -> Option<usize> {
        let at = self.tokens.get(k)?.end;
        let next = *self.newlines.get(self.newlines.partition_point(|&n| n < at))?;
        let j = self.tokens.partition_point(|t| t.start < next);
        if j > k && self.newline_before(j) {
            return Some(j);
        }
        // A newline inside a token: no gap holds it, look further on.
        (k + 1..self.len()).find(|&j| self.newline_before(j))
    }

    /// True when a newline lies between token k-1 and k.
    pub fn newline_before(&self, k: usize) -> bool {
        let (Some(p), Some(t)) = (k.checked_sub(1).and_then(|p| self.tokens.get(p)), self.tokens.get(k))
        else {
            return false;
        };
        self.text.get(p.end..t.start).is_some_and(|g| g.contains('\n'))
    }

    /// A capitalised word that is probably an ordinary word capitalised by position:
    /// sentence-initial function word, or a word also written in lowercase in the text.
    pub fn common_capitalised(&self, k: usize) -> bool {
        let Some(i) = self.info.get(k) else {
            return false;
        };
        if GAZ.is_stop(&i.folded) && (i.initial || !i.upper) {
            return true;
        }
        i.initial && (self.lower_seen.contains(&i.folded) || GAZ.is_speech_verb(&i.folded))
    }

    /// Folded form of an elided token without its apostrophe ("l'" → "l").
    pub fn elision(&self, k: usize) -> Option<&str> {
        let f = self.folded(k);
        f.strip_suffix('\'')
    }

    /// Which tokens sit inside guillemets or typographic double quotes. A quotation left open
    /// ends with its paragraph.
    pub fn quoted_tokens(&self) -> Vec<bool> {
        let mut inside = false;
        let mut out = Vec::with_capacity(self.len());
        for k in 0..self.len() {
            if self.newline_before(k) {
                inside = false;
            }
            out.push(match self.tok(k) {
                "«" | "“" => {
                    inside = true;
                    true
                }
                "»" | "”" => {
                    inside = false;
                    true
                }
                _ => inside,
            });
        }
        out
    }

    /// `quoted_tokens`, computed once for the document.
    pub fn quoted(&self) -> &[bool] {
        self.quoted.get_or_init(|| self.quoted_tokens())
    }

    /// Is token k a determiner or elided article?
    pub fn is_determiner(&self, k: usize) -> bool {
        matches!(
            self.folded(k),
            "le" | "la"
                | "les"
                | "l'"
                | "un"
                | "une"
                | "des"
                | "du"
                | "au"
                | "aux"
                | "the"
                | "a"
                | "an"
                | "d'"
                | "ce"
                | "cet"
                | "cette"
                | "son"
                | "sa"
                | "ses"
                | "leur"
                | "leurs"
                | "his"
                | "her"
                | "its"
                | "their"
        )
    }
}
