//! First-order Viterbi decoding with the BIO constraint (I-X only after B-X or I-X, never first).
//! Scores are integers so training and tagging decode identically on every platform.

use std::sync::LazyLock;

use super::types::{NUM_TAGS, Tag};

const T: usize = NUM_TAGS;

/// Scores of a first-order chain: `trans[prev * T + cur]`, plus start and end scores.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Transitions {
    pub(crate) trans: [i64; T * T],
    pub(crate) start: [i64; T],
    pub(crate) end: [i64; T],
}

impl Default for Transitions {
    fn default() -> Self {
        Transitions { trans: [0; T * T], start: [0; T], end: [0; T] }
    }
}

/// Allowed-transition table, computed once from [`Tag::allowed_after`].
static ALLOWED: LazyLock<([bool; T * T], [bool; T])> = LazyLock::new(allowed);

fn allowed() -> ([bool; T * T], [bool; T]) {
    let mut pair = [false; T * T];
    let mut first = [false; T];
    for cur in 0..T {
        first[cur] = Tag::allowed_after(None, Tag::from_index(cur));
        for prev in 0..T {
            pair[prev * T + cur] = Tag::allowed_after(Some(Tag::from_index(prev)), Tag::from_index(cur));
        }
    }
    (pair, first)
}

/// Best tag indices for `n = emissions.len() / T` tokens. `emissions[i * T + t]` is the score of
/// tag `t` at token `i`. `back` is scratch space reused between calls.
pub(crate) fn decode(emissions: &[i64], tr: &Transitions, back: &mut Vec<u8>, out: &mut Vec<u8>) {
    out.clear();
    let n = emissions.len() / T;
    if n == 0 {
        return;
    }
    let (pair, first) = &*ALLOWED;
    const NEG: i64 = i64::MIN / 4;
    back.clear();
    back.resize(n * T, 0);
    let mut score = [NEG; T];
    for t in 0..T {
        if first[t] {
            score[t] = tr.start[t] + emissions[t];
        }
    }
    for i in 1..n {
        let mut next = [NEG; T];
        let em = &emissions[i * T..(i + 1) * T];
        for cur in 0..T {
            let mut best = NEG;
            let mut arg = 0u8;
            for prev in 0..T {
                if !pair[prev * T + cur] || score[prev] == NEG {
                    continue;
                }
                let s = score[prev] + tr.trans[prev * T + cur];
                if s > best {
                    best = s;
                    arg = prev as u8;
                }
            }
            if best > NEG {
                next[cur] = best + em[cur];
                back[i * T + cur] = arg;
            }
        }
        score = next;
    }
    let mut best = 0usize;
    let mut best_score = NEG;
    for (t, (&s, &e)) in score.iter().zip(&tr.end).enumerate() {
        if s > NEG && s + e > best_score {
            best_score = s + e;
            best = t;
        }
    }
    out.resize(n, 0);
    out[n - 1] = best as u8;
    for i in (1..n).rev() {
        out[i - 1] = back[i * T + usize::from(out[i])];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tagger::types::{EntityLabel, tags_to_spans};

    #[test]
    fn respects_bio_constraint() {
        // Emissions prefer I-PER everywhere; decoding must still start with B-PER.
        let ip = Tag::I(EntityLabel::Per).index();
        let mut em = vec![0i64; 3 * T];
        for i in 0..3 {
            em[i * T + ip] = 10;
        }
        let (mut back, mut out) = (Vec::new(), Vec::new());
        decode(&em, &Transitions::default(), &mut back, &mut out);
        let tags: Vec<Tag> = out.iter().map(|&t| Tag::from_index(t.into())).collect();
        assert_eq!(tags[0], Tag::B(EntityLabel::Per));
        assert_eq!(tags_to_spans(&tags), vec![(0, 3, EntityLabel::Per)]);
    }

    #[test]
    fn empty_and_huge_scores() {
        let (mut back, mut out) = (Vec::new(), Vec::new());
        decode(&[], &Transitions::default(), &mut back, &mut out);
        assert!(out.is_empty());
        let em = vec![i64::from(i32::MAX); 10_000 * T];
        decode(&em, &Transitions::default(), &mut back, &mut out);
        assert_eq!(out.len(), 10_000);
    }
}
