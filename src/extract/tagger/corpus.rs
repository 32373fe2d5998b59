//! Training from corpus texts: the entry point behind `byline train`.
//!
//! ```text
//! byline train --lang fr --conll A.conllu [--conll B.conllu] [--hipe C.tsv] [--dev D.conllu]
//!              --out fr.model [--seed N] [--epochs N]
//! ```
//! The caller reads the files (this module does no I/O) and writes `Model::to_bytes()` to --out.

use super::conll::read_conll;
use super::hipe::read_hipe;
use super::model::Model;
use super::train::{EpochReport, TrainOptions, train};
use super::types::Sentence;

/// Corpus file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// CoNLL IOB/IOB2: `token TAB tag`, `idx TAB token TAB tag` or the 4-column CoNLL-2003 layout.
    Conll,
    /// HIPE-2020 TSV (NE-COARSE-LIT column; `time` dropped, `prod` → MISC).
    Hipe,
}

impl InputFormat {
    /// `.tsv` files are HIPE, everything else CoNLL.
    pub fn from_path(path: &str) -> InputFormat {
        if path.ends_with(".tsv") { InputFormat::Hipe } else { InputFormat::Conll }
    }
}

/// Sentences of one corpus text.
pub fn read_corpus(text: &str, format: InputFormat) -> Vec<Sentence> {
    match format {
        InputFormat::Conll => read_conll(text),
        InputFormat::Hipe => read_hipe(text),
    }
}

/// Where the development data (used to pick the best epoch) comes from.
#[derive(Debug, Clone, Copy, Default)]
pub enum Dev<'a> {
    /// No dev data: the last epoch is kept.
    #[default]
    None,
    /// Separate corpus texts.
    Texts(&'a [(String, InputFormat)]),
    /// Every n-th sentence of the FIRST input (index % n == n - 1) is held out, as for `fr.model`
    /// (`SplitEvery(10)`).
    SplitEvery(usize),
}

/// Sentences of several corpus texts, their documents kept apart.
fn concat(inputs: &[(String, InputFormat)]) -> Vec<Vec<Sentence>> {
    let mut offset = 0u32;
    inputs
        .iter()
        .map(|(text, fmt)| {
            let mut s = read_corpus(text, *fmt);
            let max = s.iter().map(|x| x.doc).max().unwrap_or(0);
            for x in &mut s {
                x.doc = x.doc.saturating_add(offset);
            }
            offset = offset.saturating_add(max).saturating_add(1);
            s
        })
        .collect()
}

/// Trains a model from corpus texts (`(file content, format)` pairs). With dev data the epoch
/// with the best dev F1 (PER/LOC/ORG) is kept; `progress` is called after every epoch.
/// Deterministic: same inputs and options give the same bytes.
pub fn train_files(
    inputs: &[(String, InputFormat)],
    dev: Dev,
    opts: &TrainOptions,
    progress: &mut dyn FnMut(EpochReport),
) -> Model {
    let mut train_set = Vec::new();
    let mut dev_set = Vec::new();
    for (i, sents) in concat(inputs).into_iter().enumerate() {
        match dev {
            Dev::SplitEvery(n) if i == 0 && n > 1 => {
                for (j, s) in sents.into_iter().enumerate() {
                    if j % n == n - 1 { dev_set.push(s) } else { train_set.push(s) }
                }
            }
            _ => train_set.extend(sents),
        }
    }
    if let Dev::Texts(t) = dev {
        dev_set.extend(concat(t).into_iter().flatten());
    }
    if let Some(f) = opts.token_features {
        for s in train_set.iter_mut().chain(dev_set.iter_mut()) {
            add_token_features(s, f);
        }
    }
    let dev_ref = (!dev_set.is_empty()).then_some(dev_set.as_slice());
    train(&train_set, dev_ref, opts, progress)
}

/// Fills a sentence's caller features.
fn add_token_features(s: &mut Sentence, f: super::train::TokenFeatures) {
    let words = s.word_refs();
    s.extra = f(&words).into_iter().map(|t| t.into_iter().map(str::to_owned).collect()).collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trains_from_texts() {
        let a = "Anna\tB-PER\nBerg\tI-PER\nvisited\tO\nOslo\tB-LOC\n\nOslo\tB-LOC\nis\tO\ncold\tO\n\n";
        let inputs = vec![(a.to_string(), InputFormat::Conll), (a.to_string(), InputFormat::Conll)];
        let opts = TrainOptions { epochs: 3, ..TrainOptions::default() };
        let mut epochs = 0;
        let m = train_files(&inputs, Dev::SplitEvery(2), &opts, &mut |_| epochs += 1);
        assert!(epochs >= 1);
        assert_eq!(m.tag(&["Oslo", "is", "cold"]).len(), 3);
        let m2 = train_files(&inputs, Dev::Texts(&inputs), &opts, &mut |_| {});
        assert!(m2.info().dev_f1.is_some());
        assert_eq!(InputFormat::from_path("x/dev.tsv"), InputFormat::Hipe);
    }
}
