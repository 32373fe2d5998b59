//! The trained model and the tagging API.

use serde::{Deserialize, Serialize};

use super::emissions;
use super::features::{self, DocStats, FEATURE_VERSION};
use super::table::FeatureTable;
use super::types::{NUM_TAGS, Span, Tag, tags_to_spans};
use super::viterbi::{self, Transitions};

/// Descriptive data stored in the model file (JSON inside the binary container).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelInfo {
    /// Language code the model was trained for ("en", "fr"); informative only.
    pub lang: String,
    /// Free text: training data, options.
    pub description: String,
    /// Whether document-level features ("seen lowercase / capitalised elsewhere") were used.
    pub doc_features: bool,
    /// Epoch whose averaged weights were kept (1-based).
    pub epoch: usize,
    /// Dev F1 (PER/LOC/ORG, exact match, percent) measured during training, if a dev set was given.
    pub dev_f1: Option<f64>,
    pub feature_version: u32,
    /// Whether the model was trained with caller features per token (`TrainOptions::
    /// token_features`): the tagger must then give the same ones (`Model::tag_document_with`).
    /// Absent in older model files, which had none.
    #[serde(default)]
    pub token_features: bool,
}

impl Default for ModelInfo {
    fn default() -> Self {
        ModelInfo {
            lang: String::new(),
            description: String::new(),
            doc_features: true,
            epoch: 0,
            dev_f1: None,
            feature_version: FEATURE_VERSION,
            token_features: false,
        }
    }
}

/// Averaged-perceptron sequence tagger with quantised weights. Cheap to share (`&self` only).
#[derive(Clone, Debug)]
pub struct Model {
    pub(crate) info: ModelInfo,
    pub(crate) table: FeatureTable,
    /// `NUM_TAGS` quantised weights per feature row.
    pub(crate) weights: Vec<i16>,
    pub(crate) trans: Transitions,
    /// Identity for the per-thread caches of [`super::emissions`]; weights never change after
    /// a model is built, so clones may share it.
    pub(crate) id: u64,
}

impl Model {
    pub fn info(&self) -> &ModelInfo {
        &self.info
    }

    /// Number of weight rows (features) kept in the model.
    pub fn num_features(&self) -> usize {
        self.table.len()
    }

    /// BIO tags for one tokenised sentence. Never panics; an empty sentence gives an empty vector.
    pub fn tag(&self, words: &[&str]) -> Vec<Tag> {
        self.tag_with(words, None)
    }

    /// Like [`Model::tag`], with optional caller features per token (`extra[i]` for `words[i]`,
    /// e.g. `"gaz:country"`, `"gaz:first_name"`). Features the model never saw are ignored, so
    /// a model trained without them works unchanged.
    pub fn tag_with(&self, words: &[&str], extra: Option<&[Vec<&str>]>) -> Vec<Tag> {
        let doc = self.info.doc_features.then(|| {
            let mut d = DocStats::default();
            d.add_sentence(words);
            d
        });
        self.tag_inner(words, extra, doc.as_ref())
    }

    /// Tags the sentences of one document together, so document-level features see all of it
    /// (a headline "BRUSSELS" vs. "Brussels" later in the text). Same result shape as calling
    /// [`Model::tag`] per sentence.
    pub fn tag_document(&self, sentences: &[&[&str]]) -> Vec<Vec<Tag>> {
        let doc = self.info.doc_features.then(|| DocStats::build(sentences));
        let none: Option<&[Vec<&str>]> = None;
        sentences.iter().map(|s| self.tag_inner(s, none, doc.as_ref())).collect()
    }

    /// [`Model::tag_document`] with caller features: `extra[s][i]` for word `i` of sentence `s`.
    pub fn tag_document_with(&self, sentences: &[&[&str]], extra: &[Vec<Vec<&str>>]) -> Vec<Vec<Tag>> {
        let doc = self.info.doc_features.then(|| DocStats::build(sentences));
        sentences
            .iter()
            .enumerate()
            .map(|(k, s)| self.tag_inner(s, extra.get(k).map(Vec::as_slice), doc.as_ref()))
            .collect()
    }

    /// Entity spans `(start, end_exclusive, label)` in token indices.
    pub fn entities(&self, words: &[&str]) -> Vec<Span> {
        tags_to_spans(&self.tag(words))
    }

    /// Entity spans with caller features, see [`Model::tag_with`].
    pub fn entities_with(&self, words: &[&str], extra: Option<&[Vec<&str>]>) -> Vec<Span> {
        tags_to_spans(&self.tag_with(words, extra))
    }

    /// Weights of a feature, if the model has it.
    #[inline]
    pub(crate) fn row(&self, feature: u32) -> Option<&[i16]> {
        let row = self.table.get(feature)?;
        self.weights.get(row * NUM_TAGS..(row + 1) * NUM_TAGS)
    }

    /// Adds the weights of the features `ids` to `acc` (features the model lacks add nothing).
    pub(crate) fn add_weights(&self, ids: &[u32], acc: &mut [i64]) {
        for w in ids.iter().filter_map(|&id| self.row(id)) {
            for (a, &x) in acc.iter_mut().zip(w) {
                *a += i64::from(x);
            }
        }
    }

    /// Emission scores summed feature by feature: the reference the cached path (plus
    /// `add_extra_weights` for caller features) must equal.
    #[cfg(test)]
    pub(crate) fn emissions_by_feature<W: AsRef<str>, E: AsRef<str>>(
        &self,
        words: &[W],
        extra: Option<&[Vec<E>]>,
        doc: Option<&DocStats>,
    ) -> Vec<i64> {
        let f = features::extract(words, extra, doc);
        let mut em = vec![0i64; words.len() * NUM_TAGS];
        for (i, acc) in em.chunks_exact_mut(NUM_TAGS).enumerate() {
            self.add_weights(f.token(i), acc);
        }
        em
    }

    /// Adds the weights of the caller features to cached emission scores (they are the last
    /// features of each token and depend on nothing else: see `features::emit_extra`).
    pub(crate) fn add_extra_weights<E: AsRef<str>>(&self, extra: &[Vec<E>], em: &mut [i64]) {
        let mut ids = Vec::new();
        for (i, acc) in em.chunks_exact_mut(NUM_TAGS).enumerate() {
            ids.clear();
            features::emit_extra(i, extra, &mut |template, value| {
                ids.push(features::feature_id(template, value));
            });
            self.add_weights(&ids, acc);
        }
    }

    pub(crate) fn tag_inner<W: AsRef<str>, E: AsRef<str>>(
        &self,
        words: &[W],
        extra: Option<&[Vec<E>]>,
        doc: Option<&DocStats>,
    ) -> Vec<Tag> {
        let mut em = emissions::emissions(self, words, doc);
        if let Some(extra) = extra {
            self.add_extra_weights(extra, &mut em);
        }
        let (mut back, mut out) = (Vec::new(), Vec::new());
        viterbi::decode(&em, &self.trans, &mut back, &mut out);
        out.into_iter().map(|t| Tag::from_index(usize::from(t))).collect()
    }
}
