//! `byline eval` (score the extractor on gold data) and `byline train` (train a tagger model).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::extract::eval::{self, Format};
use crate::extract::eval_facts;
use crate::extract::tagger::{self, Dev, InputFormat, TrainOptions};
use crate::extract::{Extractor, Lang};

pub struct EvalArgs<'a> {
    pub file: &'a Path,
    pub format: Option<&'a str>,
    pub lang: Option<Lang>,
    pub json: bool,
    /// Only every N-th document (index % N == N - 1): the held-out split `train --split-dev N`
    /// leaves out.
    pub every: Option<usize>,
    pub extractor: Extractor,
    /// Score facts against a JSON-lines gold file (also when the file ends in .jsonl).
    pub facts: bool,
    /// With facts: list the mistakes.
    pub errors: bool,
}

pub fn run_eval(args: EvalArgs) -> Result<()> {
    let EvalArgs { file, format, lang, json, every, extractor, facts, errors } = args;
    if facts || file.extension().is_some_and(|e| e == "jsonl") {
        return run_facts_eval(file, lang, json, errors, extractor);
    }
    let text = std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let format = match format {
        Some(f) => Format::parse(f).with_context(|| format!("unknown format {f:?}: use conll or hipe"))?,
        None if file.extension().is_some_and(|e| e == "tsv") => Format::Hipe,
        None => Format::Conll,
    };
    let mut docs = eval::parse(&text, format);
    if let Some(n) = every.filter(|&n| n > 1) {
        docs = docs.into_iter().enumerate().filter(|(i, _)| i % n == n - 1).map(|(_, d)| d).collect();
    }
    let report = eval::run_docs(&docs, lang, extractor);
    if json {
        say!("{}", serde_json::to_string(&report)?)?;
    } else {
        std::io::Write::write_all(&mut std::io::stdout().lock(), report.table().as_bytes())?;
    }
    Ok(())
}

/// `byline eval gold.jsonl`: speakers and sources against the gold facts; each line's `file` is
/// read from `texts/` next to the gold file.
fn run_facts_eval(
    file: &Path,
    lang: Option<Lang>,
    json: bool,
    errors: bool,
    extractor: Extractor,
) -> Result<()> {
    let data = std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let gold = eval_facts::parse_gold(&data).with_context(|| format!("parsing {}", file.display()))?;
    let dir = file.parent().unwrap_or(Path::new(".")).join("texts");
    let opts = crate::extract::Options { lang, ..Default::default() };
    let mut per_article = Vec::new();
    let mut mistakes = Vec::new();
    for g in &gold {
        let path = dir.join(&g.file);
        let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        let facts = crate::extract::extract_by(&text, &opts, extractor);
        per_article.push((g.split.clone(), eval_facts::score_article(&text, g, &facts, &mut mistakes)));
    }
    let mut report = eval_facts::report(&per_article, mistakes);
    // The held-out split's mistakes are never listed: reading them would fit rules to it.
    let held_out = report.errors.iter().filter(|e| e.split == "test").count();
    report.errors.retain(|e| e.split != "test");
    if json {
        say!("{}", serde_json::to_string(&report)?)?;
        return Ok(());
    }
    let mut out = report.table();
    if errors {
        for e in &report.errors {
            out.push_str(&format!(
                "{} {}: {:?} gold {:?} predicted {:?}\n",
                e.file, e.kind, e.text, e.gold, e.predicted
            ));
        }
        if held_out > 0 {
            out.push_str(&format!("mistakes of the held-out test split, not listed: {held_out}\n"));
        }
    }
    std::io::Write::write_all(&mut std::io::stdout().lock(), out.as_bytes())?;
    Ok(())
}

pub struct TrainArgs {
    pub lang: String,
    pub conll: Vec<PathBuf>,
    pub hipe: Vec<PathBuf>,
    pub dev: Option<PathBuf>,
    pub split_dev: Option<usize>,
    pub out: PathBuf,
    pub seed: u64,
    pub epochs: usize,
    /// Also train on the user's accepted annotations (as CoNLL, through the export code).
    pub with_annotations: bool,
}

pub fn run_train(args: TrainArgs) -> Result<()> {
    if args.conll.is_empty() && args.hipe.is_empty() && !args.with_annotations {
        bail!("no training data: give --conll FILE, --hipe FILE or --with-annotations");
    }
    let read = |p: &PathBuf, f: InputFormat| -> Result<(String, InputFormat)> {
        Ok((std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?, f))
    };
    let mut inputs = Vec::new();
    for p in &args.conll {
        inputs.push(read(p, InputFormat::Conll)?);
    }
    for p in &args.hipe {
        inputs.push(read(p, InputFormat::Hipe)?);
    }
    if args.with_annotations {
        let mut store = super::store_cmds::open_store()?;
        // The annotated stories as the user corrected them: accepted spans, plus the extractor's
        // suggestions not judged (labelling those O would teach the tagger false negatives);
        // rejected spans are left out.
        let docs = crate::service::export::annotated_docs(&mut store, false)?.docs;
        let files = crate::annotate::formats::export(
            &docs,
            crate::annotate::formats::Format::Conll,
            &crate::annotate::formats::ExportOptions { reviewed_only: false },
        )?;
        let conll: String = files.into_iter().map(|(_, c)| c).collect();
        eprintln!("training also on {} annotated stories", docs.len());
        inputs.push((conll, InputFormat::Conll));
    }
    let dev_texts = match &args.dev {
        Some(p) => vec![read(p, InputFormat::from_path(&p.to_string_lossy()))?],
        None => Vec::new(),
    };
    let dev = match (args.dev.is_some(), args.split_dev) {
        (true, _) => Dev::Texts(&dev_texts),
        (false, Some(n)) => Dev::SplitEvery(n),
        (false, None) => Dev::None,
    };
    let opts = TrainOptions {
        epochs: args.epochs,
        seed: args.seed,
        patience: Some(4),
        lang: args.lang.clone(),
        description: format!("byline train --lang {} (seed {})", args.lang, args.seed),
        token_features: crate::extract::tagger_token_features(&args.lang),
        ..TrainOptions::default()
    };
    let mut progress = |r: tagger::EpochReport| {
        let dev = r.dev.as_ref().map_or(String::from("no dev set"), |s| {
            format!("dev F1 PER/LOC/ORG {:.2}, all {:.2}", 100.0 * s.plo().f1(), 100.0 * s.all().f1())
        });
        eprintln!(
            "epoch {:>2}: {} training errors / {} tokens; {dev}{}",
            r.epoch,
            r.train_token_errors,
            r.train_tokens,
            if r.best { " *" } else { "" }
        );
    };
    let model = tagger::train_files(&inputs, dev, &opts, &mut progress);
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    say!("wrote {} ({} bytes, {} features)", args.out.display(), bytes.len(), model.num_features())?;
    Ok(())
}
