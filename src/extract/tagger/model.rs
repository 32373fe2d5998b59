//! The trained model and the tagging API.

use serde::{Deserialize, Serialize};

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

    /// Entity spans `(start, end_exclusive, label)` in token indices.
    pub fn entities(&self, words: &[&str]) -> Vec<Span> {
        tags_to_spans(&self.tag(words))
    }

    /// Entity spans with caller features, see [`Model::tag_with`].
    pub fn entities_with(&self, words: &[&str], extra: Option<&[Vec<&str>]>) -> Vec<Span> {
        tags_to_spans(&self.tag_with(words, extra))
    }

    pub(crate) fn tag_inner<W: AsRef<str>, E: AsRef<str>>(
        &self,
        words: &[W],
        extra: Option<&[Vec<E>]>,
        doc: Option<&DocStats>,
    ) -> Vec<Tag> {
        let f = features::extract(words, extra, doc);
        let n = words.len();
        let mut em = vec![0i64; n * NUM_TAGS];
        let mut acc = [0i64; NUM_TAGS];
        for i in 0..n {
            acc.fill(0);
            for &id in f.token(i) {
                if let Some(row) = self.table.get(id)
                    && let Some(w) = self.weights.get(row * NUM_TAGS..(row + 1) * NUM_TAGS)
                {
                    for (a, &x) in acc.iter_mut().zip(w) {
                        *a += i64::from(x);
                    }
                }
            }
            for (e, &a) in em[i * NUM_TAGS..(i + 1) * NUM_TAGS].iter_mut().zip(&acc) {
                *e = a;
            }
        }
        let (mut back, mut out) = (Vec::new(), Vec::new());
        viterbi::decode(&em, &self.trans, &mut back, &mut out);
        out.into_iter().map(|t| Tag::from_index(usize::from(t))).collect()
    }
}
