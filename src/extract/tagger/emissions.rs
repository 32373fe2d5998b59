//! Emission scores (one per token and tag) for tagging, memoised per word.
//!
//! All but six of a token's 30-odd features depend on one word only: the token's own (word,
//! affixes, shapes) and those its neighbours give it (`w[-1]=…`, `shape[+2]=…`), or on its
//! flags. Each is a table probe, and the probes dominated indexing time. Their weights are
//! summed once per word and kept in a per-thread cache, so a word seen before costs one hash
//! lookup; only the position and pair features are looked up per token. The sums are integers,
//! so the scores are exactly those of [`super::features::extract`] summed feature by feature
//! (tested).

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use rustc_hash::FxHashMap;

use super::features::{
    self, DocStats, Emit, NEIGHBOURS, NUM_FLAGS, TokInfo, doc_flags, feature_id, word_info,
};
use super::model::Model;
use super::types::NUM_TAGS;

/// Words kept per model and thread before the cache starts again (about 10 MB).
const CACHE_WORDS: usize = 32_768;

/// Models with a cache on one thread: a library mixing French and English stories switches
/// between the two shipped models at every story.
const CACHED_MODELS: usize = 2;

type Row = [i32; NUM_TAGS];

/// What one word contributes, whatever the document and position.
struct WordScores {
    info: TokInfo,
    own: Row,
    /// As the neighbour `NEIGHBOURS[k]` away from the token being scored.
    around: [Row; 4],
}

/// A model's cached sums on this thread.
struct Cache {
    model: u64,
    index: FxHashMap<Box<str>, u32>,
    words: Vec<WordScores>,
    flags: [Row; NUM_FLAGS as usize],
    /// Neighbour features past the sentence's edges, by neighbour.
    edges: [Row; 4],
    /// Scratch list of feature ids.
    ids: Vec<u32>,
}

thread_local! {
    static CACHES: RefCell<Vec<Cache>> = const { RefCell::new(Vec::new()) };
}

static NEXT_MODEL_ID: AtomicU64 = AtomicU64::new(1);

/// A fresh identity for a model, so caches of different models never mix.
pub(crate) fn new_model_id() -> u64 {
    NEXT_MODEL_ID.fetch_add(1, Ordering::Relaxed)
}

/// Feature ids of a group, in `ids` (cleared first).
fn collect(ids: &mut Vec<u32>, group: impl FnOnce(Emit)) {
    ids.clear();
    group(&mut |template, value| ids.push(feature_id(template, value)));
}

/// Weight sums of the features a group emits.
fn sum(model: &Model, ids: &mut Vec<u32>, group: impl FnOnce(Emit)) -> Row {
    collect(ids, group);
    let mut wide = [0i64; NUM_TAGS];
    model.add_weights(ids, &mut wide);
    // A group holds at most a few dozen i16 weights per tag: the sum fits.
    wide.map(|x| x as i32)
}

fn add(acc: &mut [i64], row: &Row) {
    for (a, &x) in acc.iter_mut().zip(row) {
        *a += i64::from(x);
    }
}

impl Cache {
    fn new(model: &Model) -> Cache {
        let ids = &mut Vec::new();
        Cache {
            model: model.id,
            index: FxHashMap::default(),
            words: Vec::new(),
            flags: std::array::from_fn(|bit| sum(model, ids, |e| features::emit_flags(1 << bit, e))),
            edges: std::array::from_fn(|k| sum(model, ids, |e| features::emit_as_neighbour(k, None, e))),
            ids: Vec::new(),
        }
    }

    fn word(&mut self, model: &Model, word: &str) -> u32 {
        if let Some(&i) = self.index.get(word) {
            return i;
        }
        let info = word_info(word);
        let ids = &mut self.ids;
        let scores = WordScores {
            info,
            own: sum(model, ids, |e| features::emit_own(&info, e)),
            around: std::array::from_fn(|k| {
                sum(model, ids, |e| features::emit_as_neighbour(k, Some(&info), e))
            }),
        };
        let i = self.words.len() as u32;
        self.words.push(scores);
        self.index.insert(word.into(), i);
        i
    }
}

/// Emission scores of a sentence, `NUM_TAGS` per token, as the sum of every feature's weights.
pub(crate) fn emissions<W: AsRef<str>>(model: &Model, words: &[W], doc: Option<&DocStats>) -> Vec<i64> {
    CACHES.with_borrow_mut(|caches| {
        let at = match caches.iter().position(|c| c.model == model.id) {
            Some(at) if caches[at].words.len() < CACHE_WORDS => at,
            Some(at) => {
                caches[at] = Cache::new(model);
                at
            }
            None => {
                if caches.len() >= CACHED_MODELS {
                    caches.remove(0);
                }
                caches.push(Cache::new(model));
                caches.len() - 1
            }
        };
        let cache = &mut caches[at];
        let ids: Vec<u32> = words.iter().map(|w| cache.word(model, w.as_ref())).collect();
        let infos: Vec<TokInfo> = ids
            .iter()
            .map(|&i| {
                let mut t = cache.words[i as usize].info;
                t.flags |= doc_flags(&t, doc);
                t
            })
            .collect();
        let n = words.len();
        let headline = features::is_headline(&infos);
        let mut em = vec![0i64; n * NUM_TAGS];
        for (i, (acc, t)) in em.chunks_exact_mut(NUM_TAGS).zip(&infos).enumerate() {
            add(acc, &cache.words[ids[i] as usize].own);
            for (bit, row) in cache.flags.iter().enumerate() {
                if t.flags & (1 << bit) != 0 {
                    add(acc, row);
                }
            }
            for (k, &d) in NEIGHBOURS.iter().enumerate() {
                let row = match i.checked_add_signed(d).and_then(|j| ids.get(j)) {
                    Some(&j) => &cache.words[j as usize].around[k],
                    None => &cache.edges[k],
                };
                add(acc, row);
            }
            let prev = i.checked_sub(1).and_then(|j| infos.get(j));
            collect(&mut cache.ids, |e| {
                features::emit_position(t, i, n, headline, e);
                features::emit_pairs(prev, t, infos.get(i + 1), e);
            });
            model.add_weights(&cache.ids, acc);
        }
        em
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped(name: &str) -> Model {
        let path = format!("{}/assets/models/{name}.model", env!("CARGO_MANIFEST_DIR"));
        Model::from_bytes(&std::fs::read(path).expect("model file")).expect("model")
    }

    const SENTENCES: &[&[&str]] = &[
        &["Jean-Luc", "Mélenchon", "a", "rencontré", "Emmanuel", "Macron", "à", "Paris", "."],
        &["BRUSSELS", "TALKS", "FAIL", "AGAIN"],
        &["«", "Nous", "irons", "»", ",", "a", "dit", "M.", "Dupont", "le", "3", "mai", "2022", "."],
        &["The", "Federal", "Reserve", "said", "on", "Tuesday", "that", "Jerome", "Powell", "would", "speak"],
        &["Paris"],
        &[],
        &["", "\u{0301}", "🙂🙂", "ǅemal", "İstanbul", "ß", "l'ONU", "Saint-Étienne", "Paris", "Paris"],
    ];

    /// Cached scores equal the feature-by-feature sums, with and without document statistics,
    /// for words seen for the first time and again, and after switching models.
    #[test]
    fn cached_scores_equal_the_sum_of_every_feature() {
        let models = [shipped("fr"), shipped("en")];
        let doc = DocStats::build(SENTENCES);
        let none: Option<&[Vec<&str>]> = None;
        for round in 0..3 {
            for model in &models {
                for words in SENTENCES {
                    for stats in [None, Some(&doc)] {
                        let expected = model.emissions_by_feature(words, none, stats);
                        assert_eq!(emissions(model, words, stats), expected, "round {round}: {words:?}");
                    }
                }
            }
        }
    }

    /// Caller features (gazetteer hits) added on top of the cached scores give the same sums.
    #[test]
    fn caller_features_add_up_like_the_others() {
        let model = shipped("fr");
        let words = SENTENCES[0];
        let extra: Vec<Vec<&str>> =
            words.iter().map(|w| if w.len() > 3 { vec!["LOC", "first"] } else { vec![] }).collect();
        let mut cached = emissions(&model, words, None);
        model.add_extra_weights(&extra, &mut cached);
        assert_eq!(cached, model.emissions_by_feature(words, Some(extra.as_slice()), None));
    }

    #[test]
    fn a_full_cache_starts_again_with_the_same_scores() {
        let model = shipped("en");
        let words: Vec<String> = (0..CACHE_WORDS + 10).map(|i| format!("w{i}")).collect();
        let none: Option<&[Vec<&str>]> = None;
        // One sentence may overfill the cache; the next one starts a fresh cache.
        let first = emissions(&model, &words, None);
        assert_eq!(first, model.emissions_by_feature(&words, none, None));
        let later = emissions(&model, SENTENCES[0], None);
        assert_eq!(later, model.emissions_by_feature(SENTENCES[0], none, None));
        CACHES.with_borrow(|c| assert!(c.iter().all(|c| c.words.len() < CACHE_WORDS)));
    }
}
