//! Feature extraction. Every feature is a 32-bit hash of (template, value); the model keeps a
//! table from those ids to weight rows. Templates are numbered constants: renumbering them or
//! changing what they look at must bump [`FEATURE_VERSION`], which saved models record.

use rustc_hash::FxHashSet;

use super::hash::{combine, fold, hash_char, hash_str};

/// Version of the feature set; a model trained with another version is refused at load time.
pub(crate) const FEATURE_VERSION: u32 = 1;

/// Position of the exact-word feature in each token's list; the lowercase word follows it.
/// Training relies on this order for word dropout.
pub(crate) const IDENTITY_START: usize = 1;

/// Longest shape kept in full ("Xxxxxxxxxxxx…" beyond this is cut).
const MAX_SHAPE: usize = 10;
const MAX_AFFIX: usize = 5;

// Token flags.
const TITLE: u32 = 1;
const ALL_CAPS: u32 = 1 << 1;
const MIXED_CAPS: u32 = 1 << 2;
const HAS_DIGIT: u32 = 1 << 3;
const ALL_DIGIT: u32 = 1 << 4;
const HAS_HYPHEN: u32 = 1 << 5;
const HAS_APOS: u32 = 1 << 6;
const HAS_PERIOD: u32 = 1 << 7;
const NO_ALNUM: u32 = 1 << 8;
const INITIAL: u32 = 1 << 9;
const LONG: u32 = 1 << 10;
const DOC_LOWER: u32 = 1 << 11;
const DOC_TITLE_MID: u32 = 1 << 12;
const DOC_RUN_FIRST: u32 = 1 << 13;
const DOC_RUN_LAST: u32 = 1 << 14;
pub(crate) const NUM_FLAGS: u32 = 15;

// Templates.
const T_BIAS: u64 = 1;
const T_WORD: u64 = 2;
const T_LOWER: u64 = 3;
const T_SHAPE: u64 = 4;
const T_SHORT: u64 = 5;
const T_PRE: u64 = 10; // 10..15
const T_SUF: u64 = 20; // 20..25
const T_FLAG: u64 = 30;
const T_POS_SHAPE: u64 = 31;
const T_LOWER_AT: u64 = 40; // 40..45 by offset -2..+2
const T_SHORT_AT: u64 = 50; // 50..55
const T_BI_PREV: u64 = 60;
const T_BI_NEXT: u64 = 61;
const T_SHAPE_TRI: u64 = 62;
const T_PREV_LOWER_SHAPE: u64 = 63;
const T_NEXT_LOWER_SHAPE: u64 = 64;
const T_SUF3_AT: u64 = 70; // 70..75
const T_EXTRA: u64 = 80; // 80..83 by offset -1..+1
const T_HEADLINE: u64 = 90;
const T_WORD_AT: u64 = 91; // 91..93 by offset -1, +1

const BOS: u64 = 0x0b05;
const EOS: u64 = 0x0e05;

/// Per-token values precomputed once per sentence.
#[derive(Clone, Copy, Default)]
pub(crate) struct TokInfo {
    word: u64,
    lower: u64,
    shape: u64,
    short: u64,
    pre: [u64; MAX_AFFIX],
    suf: [u64; MAX_AFFIX],
    naff: usize,
    pub(crate) flags: u32,
    has_upper: bool,
}

/// Words whose lowercase form occurs in lowercase, and words seen capitalised after the first
/// position, somewhere in the document. They tell a headline's "BRUSSELS" or a sentence-initial
/// "Will" from ordinary words.
#[derive(Default)]
pub(crate) struct DocStats {
    lower_seen: FxHashSet<u64>,
    title_mid: FxHashSet<u64>,
    run_first: FxHashSet<u64>,
    run_last: FxHashSet<u64>,
}

impl DocStats {
    pub(crate) fn build<S: AsRef<str>>(sentences: &[&[S]]) -> DocStats {
        let mut d = DocStats::default();
        for sent in sentences {
            d.add_sentence(sent);
        }
        d
    }

    pub(crate) fn add_sentence<S: AsRef<str>>(&mut self, words: &[S]) {
        let mut prev_opens = true;
        // Current run of title-case words: (start index, lowercase hash of its first word).
        let mut run: Option<(usize, u64)> = None;
        let mut prev_lower_h = 0u64;
        for (i, w) in words.iter().enumerate() {
            let w = w.as_ref();
            let mut has_alpha = false;
            let mut has_upper = false;
            let mut has_lower = false;
            for c in w.chars() {
                if c.is_alphabetic() {
                    has_alpha = true;
                    has_upper |= c.is_uppercase();
                    has_lower |= c.is_lowercase();
                }
            }
            if has_alpha && !has_upper {
                self.lower_seen.insert(hash_str(w));
            }
            let title = w.chars().next().is_some_and(char::is_uppercase) && has_lower;
            let lower_h = hash_str(&w.to_lowercase());
            if title && !prev_opens {
                self.title_mid.insert(lower_h);
            }
            // Multi-word capitalised names: remember their first and last words, so a later
            // bare "Clinton" knows it ended "Bill Clinton" earlier.
            match (title, run) {
                (true, None) => run = Some((i, lower_h)),
                (false, Some((start, first))) => {
                    if i - start >= 2 {
                        self.run_first.insert(first);
                        self.run_last.insert(prev_lower_h);
                    }
                    run = None;
                }
                _ => {}
            }
            prev_lower_h = lower_h;
            // After sentence-like punctuation or an opening quote, capitals are not informative.
            prev_opens = matches!(
                w,
                "." | "!" | "?" | ":" | ";" | "\"" | "«" | "“" | "(" | "-" | "--" | "—" | "'" | "``"
            );
        }
        if let Some((start, first)) = run
            && words.len() - start >= 2
        {
            self.run_first.insert(first);
            self.run_last.insert(prev_lower_h);
        }
    }
}

/// Statistics of each document (consecutive sentences sharing `Sentence::doc`) and, per
/// sentence, the index of its document's statistics (`None` when disabled).
pub(crate) fn doc_stats(
    data: &[super::types::Sentence],
    enabled: bool,
) -> (Vec<DocStats>, Vec<Option<usize>>) {
    if !enabled {
        return (Vec::new(), vec![None; data.len()]);
    }
    let mut stats: Vec<DocStats> = Vec::new();
    let mut owner = Vec::with_capacity(data.len());
    for (i, s) in data.iter().enumerate() {
        if i == 0 || data[i - 1].doc != s.doc {
            stats.push(DocStats::default());
        }
        if let Some(d) = stats.last_mut() {
            d.add_sentence(&s.words);
        }
        owner.push(Some(stats.len() - 1));
    }
    (stats, owner)
}

fn shape_char(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() || c.is_alphabetic() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// A token's values: [`word_info`] plus the document flags.
fn token_info(word: &str, doc: Option<&DocStats>) -> TokInfo {
    let mut t = word_info(word);
    t.flags |= doc_flags(&t, doc);
    t
}

/// Flags from the document's statistics (none without them or for a word with no capital).
pub(crate) fn doc_flags(t: &TokInfo, doc: Option<&DocStats>) -> u32 {
    let Some(d) = doc.filter(|_| t.has_upper) else { return 0 };
    let mut flags = 0;
    if d.lower_seen.contains(&t.lower) {
        flags |= DOC_LOWER;
    }
    if d.title_mid.contains(&t.lower) {
        flags |= DOC_TITLE_MID;
    }
    if d.run_first.contains(&t.lower) {
        flags |= DOC_RUN_FIRST;
    }
    if d.run_last.contains(&t.lower) {
        flags |= DOC_RUN_LAST;
    }
    flags
}

/// What a word says by itself, whatever the document: hashes and word flags.
pub(crate) fn word_info(word: &str) -> TokInfo {
    // Shape strings are hashed as they would be built, never built: this runs for every token
    // of every article indexed.
    let mut shape_h = hash_str("");
    let mut short_h = shape_h;
    let mut flags = 0u32;
    let (mut n, mut upper, mut lowr, mut digit, mut alpha) = (0usize, 0usize, 0usize, 0usize, 0);
    let mut upper_after_first = false;
    let mut last_short = '\0';
    for (i, c) in word.chars().enumerate() {
        n += 1;
        let s = shape_char(c);
        if i < MAX_SHAPE {
            shape_h = hash_char(shape_h, s);
        }
        if s != last_short {
            short_h = hash_char(short_h, s);
            last_short = s;
        }
        if c.is_alphabetic() {
            alpha += 1;
        }
        if c.is_uppercase() {
            upper += 1;
            if i > 0 {
                upper_after_first = true;
            }
        } else if c.is_lowercase() {
            lowr += 1;
        } else if c.is_numeric() {
            digit += 1;
        }
        match c {
            '-' | '‐' | '–' => flags |= HAS_HYPHEN,
            '\'' | '’' => flags |= HAS_APOS,
            '.' => flags |= HAS_PERIOD,
            _ => {}
        }
    }
    if word.chars().next().is_some_and(char::is_uppercase) {
        flags |= TITLE;
    }
    if upper > 0 && lowr == 0 && alpha >= 2 {
        flags |= ALL_CAPS;
    }
    if upper_after_first && lowr > 0 {
        flags |= MIXED_CAPS;
    }
    if digit > 0 {
        flags |= HAS_DIGIT;
        if digit == n {
            flags |= ALL_DIGIT;
        }
    }
    if alpha == 0 && digit == 0 {
        flags |= NO_ALNUM;
    }
    if upper == 1 && alpha == 1 && (n == 1 || (n == 2 && word.ends_with('.'))) {
        flags |= INITIAL;
    }
    if n > 12 {
        flags |= LONG;
    }
    let lower = word.to_lowercase();
    let mut info = TokInfo {
        word: hash_str(word),
        lower: hash_str(&lower),
        shape: shape_h,
        short: short_h,
        flags,
        has_upper: upper > 0,
        ..TokInfo::default()
    };
    // Affixes of 1..=MAX_AFFIX characters of the lowercase form (never split a UTF-8 sequence).
    let mut prefix_h = hash_str("");
    for (k, c) in lower.chars().take(MAX_AFFIX).enumerate() {
        prefix_h = hash_char(prefix_h, c);
        info.pre[k] = prefix_h;
        info.naff = k + 1;
    }
    for (k, (start, _)) in lower.char_indices().rev().take(MAX_AFFIX).enumerate() {
        info.suf[k] = hash_str(&lower[start..]);
    }
    info
}

/// Receives the features of a token as (template, value) pairs.
pub(crate) type Emit<'a> = &'a mut dyn FnMut(u64, u64);

/// The id of a feature.
pub(crate) fn feature_id(template: u64, value: u64) -> u32 {
    fold(combine(template, value))
}

// The features of token `i` come in groups, emitted in this order by [`extract`]. Groups that
// depend on a single word (its own, and what it says as a neighbour) can be summed once per
// word; `emissions.rs` relies on that.

/// Features of the word itself (bias, word, lowercase, shapes, affixes).
pub(crate) fn emit_own(t: &TokInfo, emit: Emit) {
    emit(T_BIAS, 0);
    emit(T_WORD, t.word);
    emit(T_LOWER, t.lower);
    emit(T_SHAPE, t.shape);
    emit(T_SHORT, t.short);
    for k in 0..t.naff {
        emit(T_PRE + k as u64, t.pre[k]);
        emit(T_SUF + k as u64, t.suf[k]);
    }
}

/// One feature per set flag bit.
pub(crate) fn emit_flags(flags: u32, emit: Emit) {
    for bit in 0..NUM_FLAGS {
        if flags & (1 << bit) != 0 {
            emit(T_FLAG, u64::from(bit));
        }
    }
}

/// Features of the token's place in the sentence (`i` of `n`) and of an all-caps headline.
pub(crate) fn emit_position(t: &TokInfo, i: usize, n: usize, headline: bool, emit: Emit) {
    let pos = if i == 0 {
        1
    } else if i + 1 == n {
        2
    } else {
        3
    };
    emit(T_POS_SHAPE, combine(pos, t.short));
    if headline {
        emit(T_HEADLINE, t.short);
    }
}

/// Offsets of the neighbours that features look at, in emission order.
pub(crate) const NEIGHBOURS: [isize; 4] = [-2, -1, 1, 2];

fn edge(d: isize) -> u64 {
    if d < 0 { BOS } else { EOS }
}

/// Lowercase form and short shape of the neighbour `NEIGHBOURS[k]` (`None`: past an edge).
pub(crate) fn emit_window(k: usize, nb: Option<&TokInfo>, emit: Emit) {
    let d = NEIGHBOURS[k];
    emit(T_LOWER_AT + k as u64, nb.map_or(edge(d), |t| t.lower));
    emit(T_SHORT_AT + k as u64, nb.map_or(edge(d), |t| t.short));
}

/// Three-letter suffix of the previous (`k` = 0) or next (`k` = 1) token.
pub(crate) fn emit_next_suffix(k: usize, nb: Option<&TokInfo>, emit: Emit) {
    let value = nb.map_or(edge(2 * k as isize - 1), |t| t.suf[t.naff.min(3).saturating_sub(1)]);
    emit(T_SUF3_AT + k as u64, value);
}

/// Exact form of the previous (`k` = 0) or next (`k` = 1) token.
pub(crate) fn emit_next_word(k: usize, nb: Option<&TokInfo>, emit: Emit) {
    emit(T_WORD_AT + k as u64, nb.map_or(edge(2 * k as isize - 1), |t| t.word));
}

/// Every neighbour feature a word gives the token `NEIGHBOURS[k]` away from it.
pub(crate) fn emit_as_neighbour(k: usize, nb: Option<&TokInfo>, emit: Emit) {
    emit_window(k, nb, emit);
    if let Some(next) = [None, Some(0), Some(1), None][k] {
        emit_next_suffix(next, nb, emit);
        emit_next_word(next, nb, emit);
    }
}

/// Features of the token with its previous and next tokens together.
pub(crate) fn emit_pairs(prev: Option<&TokInfo>, t: &TokInfo, next: Option<&TokInfo>, emit: Emit) {
    let prev_lower = prev.map_or(BOS, |p| p.lower);
    let next_lower = next.map_or(EOS, |n| n.lower);
    emit(T_BI_PREV, combine(prev_lower, t.lower));
    emit(T_BI_NEXT, combine(t.lower, next_lower));
    let prev_short = prev.map_or(BOS, |p| p.short);
    let next_short = next.map_or(EOS, |n| n.short);
    emit(T_SHAPE_TRI, combine(combine(prev_short, t.short), next_short));
    emit(T_PREV_LOWER_SHAPE, combine(prev_lower, t.short));
    emit(T_NEXT_LOWER_SHAPE, combine(t.short, next_lower));
}

/// Whether a sentence is a headline in capitals (capitalisation then means nothing).
pub(crate) fn is_headline(infos: &[TokInfo]) -> bool {
    let cased = infos.iter().filter(|t| t.flags & NO_ALNUM == 0 && t.flags & ALL_DIGIT == 0);
    cased.clone().count() >= 2 && cased.clone().all(|t| t.flags & ALL_CAPS != 0)
}

/// Caller features (gazetteer hits…) of tokens `i - 1`, `i` and `i + 1`, as token `i` sees them.
/// They come last in a token's list and depend on nothing else, so a tagger may add their
/// weights on top of the cached scores of the other features.
pub(crate) fn emit_extra<E: AsRef<str>>(i: usize, extra: &[Vec<E>], emit: Emit) {
    for (k, d) in [-1isize, 0, 1].into_iter().enumerate() {
        let Some(list) = i.checked_add_signed(d).and_then(|j| extra.get(j)) else {
            continue;
        };
        for s in list {
            emit(T_EXTRA + k as u64, hash_str(s.as_ref()));
        }
    }
}

/// Flat features of a sentence: token `i` owns `feats[offsets[i]..offsets[i + 1]]`.
#[derive(Default)]
pub(crate) struct SentenceFeatures {
    pub(crate) feats: Vec<u32>,
    pub(crate) offsets: Vec<usize>,
}

impl SentenceFeatures {
    pub(crate) fn token(&self, i: usize) -> &[u32] {
        &self.feats[self.offsets[i]..self.offsets[i + 1]]
    }
}

/// Computes the features of every token. `extra[i]` are caller-supplied strings for token `i`
/// (gazetteer hits…); a missing or short `extra` just adds nothing.
pub(crate) fn extract<W: AsRef<str>, E: AsRef<str>>(
    words: &[W],
    extra: Option<&[Vec<E>]>,
    doc: Option<&DocStats>,
) -> SentenceFeatures {
    let infos: Vec<TokInfo> = words.iter().map(|w| token_info(w.as_ref(), doc)).collect();
    let n = infos.len();
    let headline = is_headline(&infos);
    let mut out = SentenceFeatures { feats: Vec::with_capacity(n * 48), offsets: Vec::with_capacity(n + 1) };
    out.offsets.push(0);
    let at = |i: usize, d: isize| i.checked_add_signed(d).and_then(|j| infos.get(j));
    for (i, t) in infos.iter().enumerate() {
        let f = &mut out.feats;
        let emit = &mut |template: u64, value: u64| f.push(feature_id(template, value));
        emit_own(t, emit);
        emit_flags(t.flags, emit);
        emit_position(t, i, n, headline, emit);
        for (k, &d) in NEIGHBOURS.iter().enumerate() {
            emit_window(k, at(i, d), emit);
        }
        for k in 0..2 {
            emit_next_suffix(k, at(i, 2 * k as isize - 1), emit);
        }
        for k in 0..2 {
            emit_next_word(k, at(i, 2 * k as isize - 1), emit);
        }
        emit_pairs(at(i, -1), t, at(i, 1), emit);
        if let Some(extra) = extra {
            emit_extra(i, extra, emit);
        }
        out.offsets.push(out.feats.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: Option<&[Vec<&str>]> = None;

    #[test]
    fn deterministic_and_bounded() {
        let words = ["Jean", "Dupont", "vit", "à", "Saint-Étienne", "."];
        let a = extract(&words, NONE, None);
        let b = extract(&words, NONE, None);
        assert_eq!(a.feats, b.feats);
        assert_eq!(a.offsets.len(), words.len() + 1);
        assert!(a.feats.iter().all(|&f| f != 0));
    }

    #[test]
    fn odd_input_does_not_panic() {
        let words = ["", "\u{0301}", "🙂🙂", "ǅemal", "\u{00AD}x", "İstanbul", "ß"];
        let f = extract(&words, NONE, None);
        assert_eq!(f.offsets.len(), words.len() + 1);
        let empty: [&str; 0] = [];
        assert!(extract(&empty, NONE, None).feats.is_empty());
    }

    #[test]
    fn extra_features_change_output_and_tolerate_short_lists() {
        let words = ["Paris", "brille"];
        let extra = vec![vec!["gaz:city"]];
        let with = extract(&words, Some(&extra), None);
        let without = extract(&words, NONE, None);
        assert!(with.feats.len() > without.feats.len());
    }

    #[test]
    fn doc_stats_flags() {
        let s1 = ["WILL", "SMITH", "WINS"];
        let s2 = ["Yesterday", "Smith", "said", "he", "will", "win"];
        let d = DocStats::build(&[&s1[..], &s2[..]]);
        let will = token_info("WILL", Some(&d));
        let smith = token_info("SMITH", Some(&d));
        assert!(will.flags & DOC_LOWER != 0);
        assert!(smith.flags & DOC_TITLE_MID != 0);
        assert!(smith.flags & DOC_LOWER == 0);
    }

    #[test]
    fn feature_ids_are_pinned() {
        // Saved models hold these ids: any change here must bump FEATURE_VERSION and retrain.
        let words =
            ["Jean-Luc", "ÉTAIT", "à", "l'ONU", "le", "3", "mai", "2022", ",", "Σίσυφος", "🙂x", "ǅemal", ""];
        let f = extract(&words, NONE, None);
        let digest = f.feats.iter().fold(hash_str(""), |h, &id| combine(h, u64::from(id)));
        assert_eq!(f.feats.len(), PINNED_COUNT);
        assert_eq!(digest, PINNED_DIGEST);
    }
    const PINNED_COUNT: usize = 391;
    const PINNED_DIGEST: u64 = 2357322732738525127;
}
