//! Extraction speed: tokens per second of the whole pipeline (rules, tagger, facts) on a folder
//! of articles, one core, with rules alone and the tagger alone for comparison; and the time to
//! load each embedded tagger model.
//!
//!     cargo bench --bench extract -- ../shared/data/articles/bbc-en
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and measuring code: a failure should stop it loudly

use std::path::PathBuf;
use std::time::Instant;

use byline::extract::tagger::Model;
use byline::extract::{Extractor, Lang, Options, embedded_model_bytes, extract_by, tokenize};
use byline::library::{Limits, load_paths};

fn main() {
    let Some(path) = std::env::args().skip(1).find(|a| !a.starts_with("--")).map(PathBuf::from) else {
        eprintln!("usage: cargo bench --bench extract -- PATH (a folder of articles)");
        return;
    };
    for (lang, name) in [(Lang::En, "en"), (Lang::Fr, "fr")] {
        let bytes = embedded_model_bytes(lang);
        let mut times: Vec<f64> = (0..11)
            .map(|_| {
                let t = Instant::now();
                let model = Model::from_bytes(bytes).expect("embedded model loads");
                std::hint::black_box(&model);
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!("model {name}: {} bytes, load {:.1} ms (median of 11)", bytes.len(), times[5]);
    }
    let (articles, _) = load_paths(std::slice::from_ref(&path), &Limits::default());
    let tokens: usize = articles.iter().map(|a| tokenize(&a.body).len()).sum();
    // Warm the models and gazetteers so the first article does not pay for loading them.
    let opts = Options::default();
    let _ = extract_by("Warm up with Paris and Reuters.", &opts, Extractor::Combined);
    let _ = extract_by(
        "Le Mali et la Russie.",
        &Options { lang: Some(Lang::Fr), ..opts.clone() },
        Extractor::Combined,
    );
    println!("{} articles, {tokens} tokens (byline's tokenizer)", articles.len());
    for (extractor, label) in [
        (Extractor::Combined, "whole pipeline"),
        (Extractor::Rules, "rules only"),
        (Extractor::Tagger, "tagger only"),
    ] {
        let t = Instant::now();
        let mut entities = 0;
        for a in &articles {
            entities += extract_by(&a.body, &opts, extractor).entities.len();
        }
        let secs = t.elapsed().as_secs_f64();
        println!(
            "{label:<15} {:.2} s = {:.0} tokens/s, {:.0} articles/s ({entities} entities)",
            secs,
            tokens as f64 / secs,
            articles.len() as f64 / secs
        );
    }
}
