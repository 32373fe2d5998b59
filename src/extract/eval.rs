//! Evaluation: exact and overlap P/R/F1 of predicted entity spans against gold spans, and
//! parsers for CoNLL (IOB2) and HIPE-2020 TSV that rebuild the text so `extract()` can run on it.
//! Spans are (start, end, label) in any unit (token indices, bytes) as long as gold and
//! prediction use the same one.

use std::time::Instant;

use serde::Serialize;

use super::types::{Facts, Label, Lang};
use super::{Extractor, Options};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub label: Label,
}

/// A document rebuilt from an annotated corpus: text and gold spans (byte offsets).
#[derive(Debug, Clone, Default)]
pub struct GoldDoc {
    pub text: String,
    pub gold: Vec<Span>,
    pub tokens: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
#[serde(into = "CountsOut")]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    /// " P R F1 tp fp fn" as a table row's cells (percentages with one decimal).
    pub(crate) fn cells(&self) -> String {
        format!(
            " {:>6.1} {:>6.1} {:>6.1} {:>7} {:>7} {:>7}",
            100.0 * self.precision(),
            100.0 * self.recall(),
            100.0 * self.f1(),
            self.tp,
            self.fp,
            self.fn_
        )
    }
    pub(crate) fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

/// How `Counts` serialise: the counts and the derived percentages.
#[derive(Serialize)]
struct CountsOut {
    tp: usize,
    fp: usize,
    #[serde(rename = "fn")]
    fn_: usize,
    precision: f64,
    recall: f64,
    f1: f64,
}

impl From<Counts> for CountsOut {
    fn from(c: Counts) -> CountsOut {
        let pct = |x: f64| (x * 10_000.0).round() / 100.0;
        CountsOut {
            tp: c.tp,
            fp: c.fp,
            fn_: c.fn_,
            precision: pct(c.precision()),
            recall: pct(c.recall()),
            f1: pct(c.f1()),
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Exact match, over the labels present in gold.
    pub overall: Counts,
    /// Exact match over PER, LOC and ORG only (the usual headline figure).
    pub per_loc_org: Counts,
    /// Overlap match (same label, spans intersect; one-to-one), over the labels present in gold.
    pub overlap: Counts,
    /// Exact match per label present in gold.
    #[serde(serialize_with = "per_label_map")]
    pub per_label: Vec<(Label, Counts)>,
    pub docs: usize,
    /// Tokens of the evaluated texts (byline's tokenizer) and extraction time.
    pub tokens: usize,
    pub seconds: f64,
    pub tokens_per_second: f64,
    pub extractor: Extractor,
}

fn per_label_map<S: serde::Serializer>(v: &[(Label, Counts)], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut m = s.serialize_map(Some(v.len()))?;
    for (l, c) in v {
        m.serialize_entry(l.as_str(), c)?;
    }
    m.end()
}

impl Report {
    /// Plain-text table: per label, PER/LOC/ORG, all labels, overlap, then speed.
    pub fn table(&self) -> String {
        let mut s = self.to_table();
        s.push_str(&format!(
            "{} docs, {} tokens, {:.2} s, {:.0} tokens/s ({:?})\n",
            self.docs, self.tokens, self.seconds, self.tokens_per_second, self.extractor
        ));
        s
    }

    pub fn to_table(&self) -> String {
        let mut s =
            format!("{:<8} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}\n", "label", "P", "R", "F1", "tp", "fp", "fn");
        let row = |name: &str, c: &Counts| format!("{:<8}{}\n", name, c.cells());
        for (l, c) in &self.per_label {
            s.push_str(&row(l.as_str(), c));
        }
        s.push_str(&row("P/L/O", &self.per_loc_org));
        s.push_str(&row("exact", &self.overall));
        s.push_str(&row("overlap", &self.overlap));
        s
    }
}

/// Accumulates document scores.
#[derive(Debug, Clone, Default)]
pub struct Scorer {
    per: Vec<(Label, Counts)>,
    overlap_per: Vec<(Label, Counts)>,
    docs: usize,
    gold_labels: Vec<Label>,
}

impl Scorer {
    pub fn add(&mut self, gold: &[Span], pred: &[Span]) {
        self.docs += 1;
        for g in gold {
            if !self.gold_labels.contains(&g.label) {
                self.gold_labels.push(g.label);
            }
        }
        for l in Label::ALL {
            let g: Vec<&Span> = gold.iter().filter(|s| s.label == l).collect();
            let p: Vec<&Span> = pred.iter().filter(|s| s.label == l).collect();
            let tp =
                p.iter().filter(|ps| g.iter().any(|gs| gs.start == ps.start && gs.end == ps.end)).count();
            let c = Counts { tp, fp: p.len() - tp, fn_: g.len() - tp.min(g.len()) };
            match self.per.iter_mut().find(|(x, _)| *x == l) {
                Some((_, acc)) => acc.add(c),
                None => self.per.push((l, c)),
            }
            // Overlap: greedy one-to-one.
            let mut taken = vec![false; g.len()];
            let mut otp = 0;
            for ps in &p {
                if let Some(i) =
                    (0..g.len()).find(|&i| !taken[i] && g[i].start < ps.end && ps.start < g[i].end)
                {
                    taken[i] = true;
                    otp += 1;
                }
            }
            self.overlap_by(l, Counts { tp: otp, fp: p.len() - otp, fn_: g.len() - otp });
        }
    }

    fn overlap_by(&mut self, l: Label, c: Counts) {
        // Kept per label so that labels absent from gold can be excluded at the end.
        match self.overlap_per.iter_mut().find(|(x, _)| *x == l) {
            Some((_, acc)) => acc.add(c),
            None => self.overlap_per.push((l, c)),
        }
    }

    pub fn report(&self) -> Report {
        let mut r = Report { docs: self.docs, ..Default::default() };
        for l in Label::ALL {
            if !self.gold_labels.contains(&l) {
                continue;
            }
            if let Some((_, c)) = self.per.iter().find(|(x, _)| *x == l) {
                r.per_label.push((l, *c));
                r.overall.add(*c);
                if matches!(l, Label::Per | Label::Loc | Label::Org) {
                    r.per_loc_org.add(*c);
                }
            }
            for (_, c) in self.overlap_per.iter().filter(|(x, _)| *x == l) {
                r.overlap.add(*c);
            }
        }
        r
    }
}

/// Score one list of documents in one go.
pub fn score(gold: &[Vec<Span>], pred: &[Vec<Span>]) -> Report {
    let mut s = Scorer::default();
    for (g, p) in gold.iter().zip(pred) {
        s.add(g, p);
    }
    s.report()
}

/// Predicted spans (byte offsets) from extraction facts: entity mentions plus dates.
pub fn spans_of(facts: &Facts) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for e in &facts.entities {
        for m in &e.mentions {
            out.push(Span { start: m.start, end: m.end, label: e.label });
        }
    }
    out.sort();
    out.dedup();
    out
}

fn label_from_tag(t: &str) -> Option<Label> {
    match t.to_ascii_lowercase().as_str() {
        "per" | "pers" | "person" => Some(Label::Per),
        "loc" | "location" | "gpe" => Some(Label::Loc),
        "org" | "organization" | "organisation" => Some(Label::Org),
        "time" | "date" => Some(Label::Date),
        "" => None,
        _ => Some(Label::Misc),
    }
}

/// Incrementally builds text + gold spans from (token, tag, space_after) triples.
#[derive(Default)]
struct Builder {
    doc: GoldDoc,
    open: Option<(usize, usize, Label)>,
}

impl Builder {
    fn close(&mut self) {
        if let Some((s, e, l)) = self.open.take() {
            self.doc.gold.push(Span { start: s, end: e, label: l });
        }
    }
    fn push(&mut self, token: &str, tag: &str, sep_before: Option<&str>) {
        if !self.doc.text.is_empty()
            && let Some(sep) = sep_before
        {
            self.doc.text.push_str(sep);
        }
        let start = self.doc.text.len();
        self.doc.text.push_str(token);
        let end = self.doc.text.len();
        self.doc.tokens += 1;
        let (bio, ty) = match tag.split_once('-') {
            Some((b, t)) => (b, t),
            None => (tag, ""),
        };
        match (bio, label_from_tag(ty)) {
            ("B", Some(l)) => {
                self.close();
                self.open = Some((start, end, l));
            }
            ("I", Some(l)) => match &mut self.open {
                Some((_, e, ol)) if *ol == l => *e = end,
                _ => {
                    self.close();
                    self.open = Some((start, end, l));
                }
            },
            _ => self.close(),
        }
    }
    fn finish(mut self) -> GoldDoc {
        self.close();
        self.doc
    }
}

/// CoNLL with IOB2 tags: "idx TAB token TAB tag" or "token TAB tag" (tag = last column).
/// Sentences are separated by blank lines and joined with newlines; `-DOCSTART-` starts a new
/// document; `max_sentences` > 0 also cuts documents after that many sentences (for corpora of
/// independent sentences).
pub fn parse_conll(data: &str, max_sentences: usize) -> Vec<GoldDoc> {
    let mut docs = Vec::new();
    let mut b = Builder::default();
    let mut sentences = 0usize;
    let mut in_sentence = false;
    let mut sep: &str = " ";
    for line in data.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if in_sentence {
                sentences += 1;
                in_sentence = false;
                b.close();
                sep = "\n";
                if max_sentences > 0 && sentences >= max_sentences {
                    docs.push(std::mem::take(&mut b).finish());
                    sentences = 0;
                }
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (token, tag) = match cols.as_slice() {
            [_, tok, tag, ..] => (*tok, *tag),
            [tok, tag] => (*tok, *tag),
            _ => continue,
        };
        if token == "-DOCSTART-" {
            let d = std::mem::take(&mut b).finish();
            if !d.text.is_empty() {
                docs.push(d);
            }
            sentences = 0;
            continue;
        }
        b.push(token, tag.trim(), Some(sep));
        sep = " ";
        in_sentence = true;
    }
    let d = b.finish();
    if !d.text.is_empty() {
        docs.push(d);
    }
    docs
}

/// HIPE-2020 TSV: TOKEN, NE-COARSE-LIT (col 2), …, MISC (last column). `# …document_id` comment
/// lines start documents; `NoSpaceAfter` glues the next token.
pub fn parse_hipe(data: &str) -> Vec<GoldDoc> {
    let mut docs = Vec::new();
    let mut b = Builder::default();
    let mut space_next = true;
    for line in data.lines() {
        let line = line.trim_end_matches('\r');
        if line.starts_with('#') {
            if line.contains("document_id") {
                let d = std::mem::take(&mut b).finish();
                if !d.text.is_empty() {
                    docs.push(d);
                }
                space_next = true;
            }
            continue;
        }
        if line.trim().is_empty() || line.starts_with("TOKEN\t") {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(token), Some(tag)) = (cols.first(), cols.get(1)) else {
            continue;
        };
        let misc = cols.last().copied().unwrap_or("");
        b.push(token, tag.trim(), Some(if space_next { " " } else { "" }));
        space_next = !misc.split('|').any(|m| m == "NoSpaceAfter");
    }
    let d = b.finish();
    if !d.text.is_empty() {
        docs.push(d);
    }
    docs
}

/// Corpus formats `run` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// CoNLL IOB2 (`idx TAB token TAB tag` or `token TAB tag`).
    Conll,
    /// HIPE-2020 TSV.
    Hipe,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "conll" | "conllu" | "iob" | "iob2" => Some(Format::Conll),
            "hipe" | "tsv" => Some(Format::Hipe),
            _ => None,
        }
    }
}

/// Documents of an annotated corpus. CoNLL files with `-DOCSTART-` lines give one document per
/// article; without them (WikiNEuRal) every sentence is its own document, as they are unrelated.
pub fn parse(text: &str, format: Format) -> Vec<GoldDoc> {
    match format {
        Format::Hipe => parse_hipe(text),
        Format::Conll => parse_conll(text, if text.contains("-DOCSTART-") { 0 } else { 1 }),
    }
}

/// Evaluate the default extractor (rules + tagger) on a corpus given as text: what
/// `byline eval FILE --format conll|hipe [--lang fr|en] [--json]` reports. `lang: None` guesses
/// the language of each document.
pub fn run(text: &str, format: Format, lang: Option<Lang>) -> Report {
    run_docs(&parse(text, format), lang, Extractor::Combined)
}

/// Evaluate one extractor on parsed documents (e.g. a held-out subset).
pub fn run_docs(docs: &[GoldDoc], lang: Option<Lang>, extractor: Extractor) -> Report {
    let opts = Options { lang, ..Options::default() };
    // Load models and gazetteers before timing.
    let _ = super::extract_by("Paris", &opts, extractor);
    let mut scorer = Scorer::default();
    let mut tokens = 0usize;
    let t0 = Instant::now();
    for d in docs {
        let facts = super::extract_by(&d.text, &opts, extractor);
        scorer.add(&d.gold, &spans_of(&facts));
    }
    let seconds = t0.elapsed().as_secs_f64();
    for d in docs {
        tokens += super::tokenize(&d.text).len();
    }
    let mut r = scorer.report();
    r.tokens = tokens;
    r.seconds = seconds;
    r.tokens_per_second = if seconds > 0.0 { tokens as f64 / seconds } else { 0.0 };
    r.extractor = extractor;
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conll_parse_and_score() {
        let data = "-DOCSTART-\tO\n\n0\tTony\tB-PER\n1\tBlair\tI-PER\n2\tvisited\tO\n3\tParis\tB-LOC\n\n0\tEU\tB-ORG\n";
        let docs = parse_conll(data, 0);
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.text, "Tony Blair visited Paris\nEU");
        assert_eq!(d.gold.len(), 3);
        assert_eq!(&d.text[d.gold[0].start..d.gold[0].end], "Tony Blair");
        let pred = vec![
            Span { start: 0, end: 10, label: Label::Per },
            Span { start: 19, end: 24, label: Label::Org },
            Span { start: 25, end: 27, label: Label::Org },
        ];
        let r = score(std::slice::from_ref(&d.gold), &[pred]);
        assert_eq!(r.overall, Counts { tp: 2, fp: 1, fn_: 1 });
        assert!((r.overall.f1() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(r.per_label.len(), 3);
        assert!(r.per_label.iter().all(|(l, _)| *l != Label::Misc && *l != Label::Date));
        // two-column form, one sentence per document
        let docs = parse_conll("Paris\tB-LOC\n\nRome\tB-LOC\n", 1);
        assert_eq!(docs.len(), 2);
    }

    #[test]
    fn hipe_parse() {
        let data = "TOKEN\tNE-COARSE-LIT\tX\tMISC\n# hipe2022:document_id = a\nM\tB-pers\tO\tNoSpaceAfter\n.\tI-pers\tO\t_\nDupont\tI-pers\tO\tNoSpaceAfter\n,\tO\tO\t_\nle\tO\tO\t_\n3\tB-time\tO\t_\naoût\tI-time\tO\tNoSpaceAfter|EndOfSentence\n.\tO\tO\t_\n# hipe2022:document_id = b\nGenève\tB-loc\tO\t_\nSA\tB-prod\tO\t_\n";
        let docs = parse_hipe(data);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "M. Dupont, le 3 août.");
        let g: Vec<(&str, Label)> =
            docs[0].gold.iter().map(|s| (&docs[0].text[s.start..s.end], s.label)).collect();
        assert_eq!(g, vec![("M. Dupont", Label::Per), ("3 août", Label::Date)]);
        assert_eq!(docs[1].gold[1].label, Label::Misc);
    }

    #[test]
    fn overlap_scores() {
        let gold = vec![Span { start: 0, end: 9, label: Label::Per }];
        let pred = vec![Span { start: 3, end: 9, label: Label::Per }];
        let r = score(&[gold], &[pred]);
        assert_eq!(r.overall.tp, 0);
        assert_eq!(r.overlap.tp, 1);
    }
}
