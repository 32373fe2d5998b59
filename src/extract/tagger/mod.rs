//! Statistical named-entity tagger: an averaged perceptron over hand-written token features with
//! first-order BIO transitions and constrained Viterbi decoding.
//!
//! ```text
//! conll.rs / hipe.rs  corpora → Sentence          features.rs  words → hashed feature ids
//! train.rs            Sentence → Model            viterbi.rs   best BIO path
//! model.rs            tagging API                 io.rs        model file (versioned, zlib)
//! eval.rs             exact-match P/R/F1          table.rs     feature id → weight row
//! corpus.rs           corpus texts → Model (`train_files`, behind `byline train`)
//! types.rs            labels, tags, spans         hash.rs      fixed hashing, seeded RNG
//! error.rs            TaggerError (loading only)  emissions.rs per-token scores, cached per word
//! ```
//! Prefer `Model::tag_document` over per-sentence `Model::tag` when a whole article is at hand:
//! document-level features add about one F1 point on CoNLL dev.
//! Self-contained: nothing here refers outside this folder.

mod conll;
mod corpus;
mod emissions;
mod error;
mod eval;
mod features;
mod hash;
mod hipe;
mod io;
mod model;
mod table;
mod train;
mod types;
mod viterbi;

pub use conll::{read_conll, write_conll};
pub use corpus::{Dev, InputFormat, read_corpus, train_files};
pub use error::TaggerError;
pub use eval::{Counts, Scores, evaluate};
pub use hipe::read_hipe;
pub use model::{Model, ModelInfo};
pub use train::{EpochReport, TokenFeatures, TrainOptions, train};
pub use types::{EntityLabel, NUM_TAGS, Sentence, Span, Tag, repair_bio, tags_to_spans};
