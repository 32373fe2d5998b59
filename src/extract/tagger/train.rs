//! Averaged-perceptron training (Collins 2002) of emission and first-order transition weights.
//!
//! Features are hashed once, counted, and renumbered densely in first-seen order, so training is
//! a pure function of (data order, options): the only randomness is the seeded shuffle.

use std::collections::HashMap;

use super::emissions::new_model_id;
use super::eval::{Scores, evaluate};
use super::features::{self, DocStats, FEATURE_VERSION, doc_stats};
use super::hash::Rng;
use super::model::{Model, ModelInfo};
use super::table::FeatureTable;
use super::types::{NUM_TAGS, Sentence};
use super::viterbi::{self, Transitions};

const T: usize = NUM_TAGS;
/// Transition block layout inside the weight vectors: T*T pairs, then T start, then T end.
const NTRANS: usize = T * T + 2 * T;
/// Largest quantised weight; kept under i16::MAX so sums stay well inside i64 anyway.
const QMAX: f64 = 32_000.0;

#[derive(Clone, Debug)]
pub struct TrainOptions {
    pub epochs: usize,
    pub seed: u64,
    /// Features seen fewer times than this in the training data are not learnt.
    pub min_count: u32,
    /// Averaged weights with absolute value below this are dropped from the saved model
    /// (size control; an update is worth 1.0).
    pub prune_below: f32,
    /// Stop after this many epochs without a better dev F1 (PER/LOC/ORG). `None`: run all.
    pub patience: Option<usize>,
    /// Use document-level features (needs `Sentence::doc` to group sentences).
    pub doc_features: bool,
    /// Fraction of training sentences whose document-level features are computed from the
    /// sentence alone (as `Model::tag` does) instead of from their document.
    pub sentence_alone: f32,
    /// Probability of hiding a token's word-identity features during a training update.
    pub word_dropout: f32,
    pub lang: String,
    pub description: String,
    /// Caller features of each token of a sentence (gazetteer hits…), given to every training
    /// and dev sentence; the model records that it needs them (`ModelInfo::token_features`).
    pub token_features: Option<TokenFeatures>,
}

/// Per-token feature strings of a sentence's words (`extra[i]` for `words[i]`).
pub type TokenFeatures = fn(&[&str]) -> Vec<Vec<&'static str>>;

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 10,
            seed: 1,
            min_count: 1,
            prune_below: 0.0,
            patience: None,
            doc_features: true,
            word_dropout: 0.0,
            sentence_alone: 0.7,
            lang: String::new(),
            description: String::new(),
            token_features: None,
        }
    }
}

/// What happened in one epoch. `dev` is measured with the quantised, pruned model that would be
/// saved, tagging dev documents with [`Model::tag_document`].
#[derive(Clone, Debug)]
pub struct EpochReport {
    pub epoch: usize,
    pub train_tokens: usize,
    /// Tokens mis-tagged by the (unaveraged) perceptron while training this epoch.
    pub train_token_errors: usize,
    pub dev: Option<Scores>,
    /// Feature rows in the model built after this epoch.
    pub features: usize,
    /// True when this epoch's model is the best so far and is the one kept.
    pub best: bool,
}

/// A training sentence as dense feature indices. The word-identity features (exact and
/// lowercase word) are kept apart in `ident` so word dropout can hide them.
struct Encoded {
    feats: Vec<u32>,
    offsets: Vec<usize>,
    ident: Vec<[u32; 2]>,
    gold: Vec<u8>,
}

const NO_FEAT: u32 = u32::MAX;

fn sentence_features(s: &Sentence, doc: Option<&DocStats>) -> features::SentenceFeatures {
    let extra = (!s.extra.is_empty()).then_some(s.extra.as_slice());
    features::extract(&s.words, extra, doc)
}

fn encode(train: &[Sentence], opts: &TrainOptions) -> (Vec<Encoded>, Vec<u32>) {
    let (stats, owner) = doc_stats(train, opts.doc_features);
    // Some sentences see only themselves as their document, as `Model::tag` does, so the
    // model does not lean on document statistics that single-sentence tagging lacks.
    let mut rng = Rng::new(opts.seed ^ 0xd0c);
    let hashed: Vec<features::SentenceFeatures> = train
        .iter()
        .zip(&owner)
        .map(|(s, o)| {
            let alone = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
            match o {
                Some(_) if alone < f64::from(opts.sentence_alone) => {
                    let mut d = DocStats::default();
                    d.add_sentence(&s.words);
                    sentence_features(s, Some(&d))
                }
                Some(d) => sentence_features(s, Some(&stats[*d])),
                None => sentence_features(s, None),
            }
        })
        .collect();
    let mut counts: HashMap<u32, u32> = HashMap::new();
    for f in hashed.iter().flat_map(|h| &h.feats) {
        *counts.entry(*f).or_insert(0) += 1;
    }
    let mut index: HashMap<u32, u32> = HashMap::new();
    let mut keys = Vec::new();
    let mut out = Vec::with_capacity(train.len());
    for (s, h) in train.iter().zip(hashed) {
        let mut feats = Vec::with_capacity(h.feats.len());
        let mut offsets = vec![0];
        let mut ident = Vec::with_capacity(s.words.len());
        for i in 0..s.words.len() {
            let mut id_pair = [NO_FEAT; 2];
            for (j, &f) in h.token(i).iter().enumerate() {
                if counts.get(&f).copied().unwrap_or(0) < opts.min_count {
                    continue;
                }
                let id = *index.entry(f).or_insert_with(|| {
                    keys.push(f);
                    (keys.len() - 1) as u32
                });
                match j.checked_sub(features::IDENTITY_START) {
                    Some(k) if k < 2 => id_pair[k] = id,
                    _ => feats.push(id),
                }
            }
            offsets.push(feats.len());
            ident.push(id_pair);
        }
        // A sentence whose tags do not line up with its words cannot be learnt: leave it empty
        // (skipped) rather than index out of bounds.
        let gold = if s.tags.len() == s.words.len() {
            s.tags.iter().map(|t| t.index() as u8).collect()
        } else {
            Vec::new()
        };
        out.push(Encoded { feats, offsets, ident, gold });
    }
    (out, keys)
}

/// Perceptron state with the usual lazy-averaging trick: `avg = w - u / c`, where `u`
/// accumulates `c * delta` for every update made at step `c`.
struct Weights {
    w: Vec<i32>,
    u: Vec<i64>,
    tw: [i32; NTRANS],
    tu: [i64; NTRANS],
    c: i64,
}

impl Weights {
    fn bump(&mut self, idx: usize, d: i32) {
        self.w[idx] += d;
        self.u[idx] += self.c * i64::from(d);
    }

    fn bump_t(&mut self, idx: usize, d: i32) {
        self.tw[idx] += d;
        self.tu[idx] += self.c * i64::from(d);
    }

    fn current_transitions(&self) -> Transitions {
        let mut t = Transitions::default();
        for (i, v) in t.trans.iter_mut().chain(t.start.iter_mut()).chain(t.end.iter_mut()).enumerate() {
            *v = i64::from(self.tw[i]);
        }
        t
    }

    fn averaged(&self, w: i32, u: i64) -> f64 {
        f64::from(w) - u as f64 / self.c as f64
    }
}

#[derive(Default)]
struct Scratch {
    back: Vec<u8>,
    pred: Vec<u8>,
    active: Vec<bool>,
}

/// Features of token `i`: the identity pair (unless dropped) followed by the rest.
fn token_feats(e: &Encoded, i: usize, with_identity: bool) -> impl Iterator<Item = &u32> {
    let ident = if with_identity { &e.ident[i][..] } else { &[] };
    ident.iter().filter(|&&f| f != NO_FEAT).chain(&e.feats[e.offsets[i]..e.offsets[i + 1]])
}

fn train_sentence(
    e: &Encoded,
    wt: &mut Weights,
    tr: &Transitions,
    em: &mut Vec<i64>,
    scratch: &mut Scratch,
    dropout: Option<(&mut Rng, f32)>,
) -> usize {
    let n = e.gold.len();
    // Word dropout: hide the identity of some tokens so the model also learns to recognise
    // names from shape, affixes and context, as it must for words never seen in training.
    scratch.active.clear();
    scratch.active.resize(n, true);
    if let Some((rng, p)) = dropout {
        let threshold = (f64::from(p) * (1u64 << 53) as f64) as u64;
        for a in &mut scratch.active {
            *a = (rng.next_u64() >> 11) >= threshold;
        }
    }
    em.clear();
    em.resize(n * T, 0);
    for i in 0..n {
        let row = &mut em[i * T..(i + 1) * T];
        for &f in token_feats(e, i, scratch.active[i]) {
            let base = f as usize * T;
            for (r, &w) in row.iter_mut().zip(&wt.w[base..base + T]) {
                *r += i64::from(w);
            }
        }
    }
    let Scratch { back, pred, active } = scratch;
    viterbi::decode(em, tr, back, pred);
    let mut errors = 0;
    if pred.as_slice() != e.gold.as_slice() {
        for i in 0..n {
            let (g, p) = (usize::from(e.gold[i]), usize::from(pred[i]));
            if g != p {
                errors += 1;
                for &f in token_feats(e, i, active[i]) {
                    wt.bump(f as usize * T + g, 1);
                    wt.bump(f as usize * T + p, -1);
                }
            }
            let (gi, pi) = if i == 0 {
                (T * T + g, T * T + p)
            } else {
                let (gp, pp) = (usize::from(e.gold[i - 1]), usize::from(pred[i - 1]));
                (gp * T + g, pp * T + p)
            };
            if gi != pi {
                wt.bump_t(gi, 1);
                wt.bump_t(pi, -1);
            }
        }
        let (g, p) = (usize::from(e.gold[n - 1]), usize::from(pred[n - 1]));
        if g != p {
            wt.bump_t(T * T + T + g, 1);
            wt.bump_t(T * T + T + p, -1);
        }
    }
    wt.c += 1;
    errors
}

/// Quantises the averaged weights into a [`Model`]: one scale for everything (emissions and
/// transitions), so decoding on integers ranks paths exactly as the float weights would, up to
/// rounding.
fn build_model(wt: &Weights, keys: &[u32], opts: &TrainOptions, info: ModelInfo) -> Model {
    let avg: Vec<f64> = wt.w.iter().zip(&wt.u).map(|(&w, &u)| wt.averaged(w, u)).collect();
    let tavg: Vec<f64> = wt.tw.iter().zip(&wt.tu).map(|(&w, &u)| wt.averaged(w, u)).collect();
    let max = avg.iter().chain(&tavg).fold(0.0f64, |m, v| m.max(v.abs())).max(1e-9);
    let scale = QMAX / max;
    let prune = f64::from(opts.prune_below);
    let mut rows: Vec<(u32, [i16; T])> = Vec::new();
    for (r, &key) in keys.iter().enumerate() {
        let mut q = [0i16; T];
        let mut any = false;
        for (t, qv) in q.iter_mut().enumerate() {
            let a = avg[r * T + t];
            if a.abs() < prune {
                continue;
            }
            *qv = (a * scale).round().clamp(-QMAX, QMAX) as i16;
            any |= *qv != 0;
        }
        if any {
            rows.push((key, q));
        }
    }
    rows.sort_unstable_by_key(|r| r.0);
    let mut trans = Transitions::default();
    for (i, v) in trans.trans.iter_mut().chain(trans.start.iter_mut()).chain(trans.end.iter_mut()).enumerate()
    {
        *v = (tavg[i] * scale).round() as i64;
    }
    Model {
        info,
        table: FeatureTable::new(rows.iter().map(|r| r.0).collect()),
        weights: rows.iter().flat_map(|r| r.1).collect(),
        trans,
        id: new_model_id(),
    }
}

/// Trains a model. With `dev`, the kept model is the epoch with the best dev F1 (PER/LOC/ORG);
/// without it, the last epoch. `progress` is called after every epoch.
pub fn train(
    train: &[Sentence],
    dev: Option<&[Sentence]>,
    opts: &TrainOptions,
    progress: &mut dyn FnMut(EpochReport),
) -> Model {
    let (data, keys) = encode(train, opts);
    let nf = keys.len();
    let mut wt = Weights { w: vec![0; nf * T], u: vec![0; nf * T], tw: [0; NTRANS], tu: [0; NTRANS], c: 1 };
    let mut order: Vec<usize> = (0..data.len()).filter(|&i| !data[i].gold.is_empty()).collect();
    let train_tokens: usize = order.iter().map(|&i| data[i].gold.len()).sum();
    let mut rng = Rng::new(opts.seed);
    let mut em = Vec::new();
    let mut scratch = Scratch::default();
    let mut drop_rng = Rng::new(opts.seed.wrapping_add(1));
    let mut best: Option<(f64, Model)> = None;
    let mut last: Option<Model> = None;
    let mut since_best = 0;
    for epoch in 1..=opts.epochs.max(1) {
        rng.shuffle(&mut order);
        let mut errors = 0;
        for &i in &order {
            let tr = wt.current_transitions();
            let dropout = (opts.word_dropout > 0.0).then_some((&mut drop_rng, opts.word_dropout));
            errors += train_sentence(&data[i], &mut wt, &tr, &mut em, &mut scratch, dropout);
        }
        let info = ModelInfo {
            lang: opts.lang.clone(),
            description: opts.description.clone(),
            doc_features: opts.doc_features,
            epoch,
            dev_f1: None,
            feature_version: FEATURE_VERSION,
            token_features: opts.token_features.is_some(),
        };
        let mut model = build_model(&wt, &keys, opts, info);
        let dev_scores = dev.map(|d| evaluate(&model, d, true));
        let mut is_best = dev_scores.is_none();
        if let Some(s) = &dev_scores {
            let f1 = 100.0 * s.plo().f1();
            model.info.dev_f1 = Some((f1 * 100.0).round() / 100.0);
            if best.as_ref().is_none_or(|(b, _)| f1 > *b) {
                is_best = true;
                since_best = 0;
            } else {
                since_best += 1;
            }
        }
        progress(EpochReport {
            epoch,
            train_tokens,
            train_token_errors: errors,
            dev: dev_scores,
            features: model.num_features(),
            best: is_best,
        });
        if dev.is_some() {
            if is_best {
                let f1 = dev_scores.as_ref().map_or(0.0, |s| 100.0 * s.plo().f1());
                best = Some((f1, model));
            }
            if opts.patience.is_some_and(|p| since_best >= p) {
                break;
            }
        } else {
            last = Some(model);
        }
    }
    match (best, last) {
        (Some((_, m)), _) | (None, Some(m)) => m,
        (None, None) => build_model(&wt, &keys, opts, ModelInfo::default()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tagger::types::{EntityLabel::*, Tag};

    fn sent(words: &str, tags: &[Tag]) -> Sentence {
        Sentence::new(words.split(' ').map(String::from).collect(), tags.to_vec())
    }

    fn toy() -> Vec<Sentence> {
        use Tag::*;
        vec![
            sent("Anna Berg visited Oslo .", &[B(Per), I(Per), O, B(Loc), O]),
            sent("Carl works for Acme Corp", &[B(Per), O, O, B(Org), I(Org)]),
            sent("Oslo is cold", &[B(Loc), O, O]),
            sent("Dana Smith joined Acme Corp in Rome", &[B(Per), I(Per), O, B(Org), I(Org), O, B(Loc)]),
            sent("the cat sat", &[O, O, O]),
        ]
    }

    #[test]
    fn learns_toy_data_deterministically() {
        let data = toy();
        let opts = TrainOptions { epochs: 8, seed: 3, ..TrainOptions::default() };
        let mut reports = Vec::new();
        let m1 = train(&data, Some(&data), &opts, &mut |r| reports.push(r));
        assert!(!reports.is_empty());
        let last = reports.last().map(|r| r.dev.map(|d| d.all().f1()));
        assert!(last.flatten().is_some());
        let m2 = train(&data, Some(&data), &opts, &mut |_| {});
        assert_eq!(m1.to_bytes(), m2.to_bytes());
        let tags = m1.tag(&["Anna", "Berg", "visited", "Oslo", "."]);
        assert_eq!(tags[0], Tag::B(Per));
        assert_eq!(tags[3], Tag::B(Loc));
    }

    #[test]
    fn mismatched_sentence_is_skipped() {
        let mut data = toy();
        data[0].tags.pop();
        data[1].tags.push(Tag::O);
        let m = train(&data, Some(&data), &TrainOptions::default(), &mut |_| {});
        assert_eq!(m.tag(&["Oslo"]).len(), 1);
    }

    #[test]
    fn degenerate_inputs() {
        let m = train(&[], None, &TrainOptions::default(), &mut |_| {});
        assert!(m.tag(&[]).is_empty());
        let long: Vec<&str> = (0..10_000).map(|i| if i % 7 == 0 { "Zed" } else { "x" }).collect();
        assert_eq!(m.tag(&long).len(), 10_000);
        let m = train(&toy(), None, &TrainOptions::default(), &mut |_| {});
        assert_eq!(m.tag(&["", "\u{200B}", "🙂", "Ǆ", "\u{202E}x", "a\u{0000}b"]).len(), 6);
        let long: Vec<&str> = (0..10_000).map(|i| ["Anna", "Oslo", "the", "«"][i % 4]).collect();
        assert_eq!(m.tag(&long).len(), 10_000);
        let docs = m.tag_document(&[&["Anna", "Berg"], &[], &["Oslo"]]);
        assert_eq!(docs.iter().map(Vec::len).collect::<Vec<_>>(), vec![2, 0, 1]);
        let extra = vec![vec!["gaz:city"]; 1];
        assert_eq!(m.tag_with(&["Oslo", "is", "cold"], Some(&extra)).len(), 3);
        let spans = m.entities(&["Anna", "Berg", "visited", "Oslo", "."]);
        assert!(spans.iter().all(|&(s, e, _)| s < e && e <= 5));
    }
}
