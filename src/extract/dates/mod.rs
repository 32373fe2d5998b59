//! Date expressions in French and English, normalised to ISO 8601 when the text allows:
//! `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, and a range or period as `START/END`.
//!
//! Matching (`parse`, `periods`, `relative`) says what the words name ("vendredi", "le 1er
//! janvier", "du 22 au 24 juin", "XVe siècle"); resolution (`resolve`) gives it a value from the
//! article's date (the document date, else the dateline at the top of the text), the tense of
//! the clause (`tense`: "doit recevoir vendredi" is the coming Friday) and the full dates the
//! text gives (a bare "vendredi" near "vendredi 30 novembre" is that day). An expression that
//! only means something from the article's date ("hier", "la semaine prochaine", "en mars") and
//! cannot be resolved is not reported.

mod calendar;
mod parse;
mod periods;
mod relative;
mod resolve;
mod tense;

use super::doc::Doc;
use super::types::DateFact;
use calendar::parse_day;
pub use calendar::{Ymd, civil_from_days, days_from_civil, days_in_month};
pub(crate) use relative::count as small_count;
use resolve::{Context, Occurrence, When, resolve};

/// A recognised date with its token range.
#[derive(Debug, Clone)]
pub struct DateMatch {
    pub tokens: std::ops::Range<usize>,
    pub fact: DateFact,
}

/// How far into the text a dateline may start ("PARIS, 4 juillet 2012 -").
const DATELINE_TOKENS: usize = 8;
/// How far a dateline opening a line may be (after a title or a standfirst).
const DATELINE_REACH: usize = 150;

#[cfg(test)]
pub fn find_dates(doc: &Doc, article_date: Option<Ymd>) -> Vec<DateMatch> {
    find_dates_and_day(doc, article_date).0
}

/// The dates, and the article's own day: the one given, else its dateline's.
pub fn find_dates_and_day(doc: &Doc, article_date: Option<Ymd>) -> (Vec<DateMatch>, Option<Ymd>) {
    let found = scan(doc);
    let full = |(s, _, w): &&(usize, usize, When)| match *w {
        When::Date { y: Some(y), m, d: Some(d) } => Some((*s, (y, m, d))),
        _ => None,
    };
    let dateline = found.iter().find(|f| is_dateline(doc, f)).and_then(|f| full(&f)).map(|(_, d)| d);
    let reference = article_date.or(dateline);
    let mut cx = Context {
        reference,
        year_anchor: reference.or_else(|| found.iter().find_map(|f| full(&f)).map(|(_, d)| d)),
        days: Vec::new(),
        last_day: None,
        last_start: None,
    };
    // "ce jeudi" is the nearest Thursday unless a verb right beside it says otherwise: then it
    // is a bare weekday in that verb's tense ("se réunira ce jeudi", "ce samedi avait …").
    let beside: Vec<Option<tense::Tense>> = found
        .iter()
        .map(|(s, e, w)| {
            matches!(w, When::Weekday(_, Occurrence::This))
                .then(|| tense::adjacent_tense(doc, *s, *e))
                .flatten()
        })
        .collect();
    let found: Vec<(usize, usize, When)> = found
        .into_iter()
        .zip(&beside)
        .map(|((s, e, w), t)| match (w, t) {
            (When::Weekday(wd, Occurrence::This), Some(_)) => (s, e, When::Weekday(wd, Occurrence::Bare)),
            (w, _) => (s, e, w),
        })
        .collect();
    let tenses: Vec<tense::Tense> = found
        .iter()
        .zip(&beside)
        .map(|((s, e, w), t)| {
            // "à partir du 5 février", "dès le 1er mars": when a measure starts, which the
            // text may report in any tense ("a annoncé … à partir du 5 février"): the nearest.
            if w.lacks_year() && matches!(w, When::Date { d: Some(_), .. }) && starts_from(doc, *s) {
                return tense::Tense::Unknown;
            }
            // "les dernières semaines avant Noël": a holiday is the nearest one, whatever the
            // clause's tense (a participle before it may be any clause's).
            if w.lacks_year() && parse::is_holiday(doc, *s) {
                return tense::Tense::Unknown;
            }
            t.unwrap_or_else(|| tense::tense_at(doc, *s, *e))
        })
        .collect();
    let found = one_year_per_day(doc, found, &tenses, &cx);
    cx.days = found
        .iter()
        .zip(&tenses)
        .filter(|((_, _, w), _)| w.explicit_day())
        .filter_map(|((_, _, w), t)| parse_day(&resolve(w, *t, &cx)?))
        .collect();
    let quoted = doc.quoted();
    let mut out = Vec::with_capacity(found.len());
    for ((start, end, w), t) in found.into_iter().zip(tenses) {
        let value = resolve(&w, t, &cx);
        if value.is_none() && w.relative() {
            continue;
        }
        // A date counted from the last one does not move it ("6 mois plus tôt" twice), nor does
        // one inside a quotation: "«… au 1er janvier 2019», … son discours de la veille" counts
        // from the article's day.
        let counted = matches!(w, When::After(_)) || quoted.get(start).copied().unwrap_or(false);
        if let Some(day) = value.as_deref().and_then(parse_day).filter(|_| !counted) {
            cx.last_day = Some(day);
        }
        if let Some(first) = value.as_deref().and_then(start_of).filter(|_| !counted) {
            cx.last_start = Some(first);
        }
        let value = value.or_else(|| month_day(&w));
        if let Some((s, e)) = doc.byte_span(start, end) {
            let text = doc.text.get(s..e).unwrap_or("").to_string();
            out.push(DateMatch { tokens: start..end, fact: DateFact { start: s, end: e, text, value } });
        }
    }
    (out, reference)
}

/// A full date at the top of the text, or opening a line near it and followed by a dash
/// ("4 juillet 2012. - Après trois ans…", after a title line).
/// Whether the date at token `s` is where something starts: "à partir du", "dès le".
fn starts_from(doc: &Doc, s: usize) -> bool {
    let before = |n: usize| s.checked_sub(n).map_or("", |j| doc.folded(j));
    matches!((before(2), before(1)), ("partir", "du" | "de") | ("des", "le"))
}

/// A day written several times without its year ("à partir du 1er février", "les hausses du
/// 1er février") names one day: when the tenses of its mentions give it different years, the
/// year nearest the article's date is taken for all of them. A mention that names its year in
/// words ("le 1er janvier de l'année en cours") keeps its own.
fn one_year_per_day(
    doc: &Doc,
    mut found: Vec<(usize, usize, When)>,
    tenses: &[tense::Tense],
    cx: &Context,
) -> Vec<(usize, usize, When)> {
    let Some(anchor) = cx.year_anchor else { return found };
    let Some(anchor_index) = calendar::day_index(anchor) else { return found };
    let resolved: Vec<Option<(u32, u32, i32)>> = found
        .iter()
        .zip(tenses)
        .map(|((_, end, w), t)| match *w {
            When::Date { y: None, m, d: Some(d) } if !year_in_words_after(doc, *end) => {
                let day = parse_day(&resolve(w, *t, cx)?)?;
                Some((m, d, day.0))
            }
            _ => None,
        })
        .collect();
    let distance = |y: i32, m: u32, d: u32| calendar::day_index((y, m, d)).map(|i| (i - anchor_index).abs());
    // The years each day was given, grouped once (a long text may hold thousands of dates).
    let mut years: super::util::FxMap<(u32, u32), Vec<i32>> = super::util::FxMap::default();
    for &(m, d, y) in resolved.iter().flatten() {
        years.entry((m, d)).or_default().push(y);
    }
    let nearest: super::util::FxMap<(u32, u32), i32> = years
        .into_iter()
        .filter(|(_, ys)| ys.iter().any(|&y| y != ys[0]))
        .filter_map(|((m, d), ys)| {
            let y = ys.into_iter().min_by_key(|&y| distance(y, m, d).unwrap_or(i64::MAX))?;
            Some(((m, d), y))
        })
        .collect();
    for (f, r) in found.iter_mut().zip(&resolved) {
        if let Some(&(m, d, _)) = r.as_ref()
            && let Some(&y) = nearest.get(&(m, d))
        {
            f.2 = When::Date { y: Some(y), m, d: Some(d) };
        }
    }
    found
}

/// "… de l'année en cours", "… de cette année", "… of last year" right after a date.
fn year_in_words_after(doc: &Doc, end: usize) -> bool {
    matches!(doc.folded(end), "de" | "d'" | "of")
        && (end + 1..end + 3).any(|j| matches!(doc.folded(j), "annee" | "an" | "year"))
}

fn is_dateline(doc: &Doc, (start, end, w): &(usize, usize, When)) -> bool {
    if !matches!(w, When::Date { y: Some(_), d: Some(_), .. }) {
        return false;
    }
    let dash = |k: usize| matches!(doc.tok(k), "-" | "–" | "—");
    let followed = dash(*end) || (doc.tok(*end) == "." && dash(end + 1));
    *start < DATELINE_TOKENS || (*start < DATELINE_REACH && doc.newline_before(*start) && followed)
}

/// The first day of a value: "2004" → 2004-01-01, "2011-05/2011-09" → 2011-05-01.
fn start_of(value: &str) -> Option<Ymd> {
    let first = value.split('/').next()?;
    let mut parts = first.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next().map_or(Some(1), |m| m.parse().ok())?;
    let d = parts.next().map_or(Some(1), |d| d.parse().ok())?;
    Some((y, m, d))
}

/// A day with no year and nothing to give it one: ISO 8601 truncated form --MM-DD.
fn month_day(w: &When) -> Option<String> {
    match *w {
        When::Date { y: None, m, d: Some(d) } if d <= days_in_month(2000, m) => {
            Some(format!("--{m:02}-{d:02}"))
        }
        When::OnWeekday(ref w, _) => month_day(w),
        _ => None,
    }
}

/// Every date expression of the text, left to right, not overlapping: (start, end, what).
fn scan(doc: &Doc) -> Vec<(usize, usize, When)> {
    let mut out = Vec::new();
    let n = doc.len();
    let mut k = 0;
    while k < n {
        let found =
            if doc.is_word(k) { periods::period(doc, k).or_else(|| parse::point(doc, k)) } else { None };
        match found {
            Some((start, end, w)) if end > start => {
                let (end, w) = with_relative_year(doc, end, w);
                out.push((start, end, w));
                k = end.max(k + 1);
            }
            _ => k += 1,
        }
    }
    out
}

/// "du 6 au 15 septembre l'an prochain", "en juin de l'année dernière": a date without year
/// followed by a year named from the article's.
fn with_relative_year(doc: &Doc, end: usize, w: When) -> (usize, When) {
    if !w.lacks_year() {
        return (end, w);
    }
    let mut j = end;
    while j < end + 2 && matches!(doc.folded(j), "de" | "d'" | "l'" | "la" | "of") {
        j += 1;
    }
    match periods::period(doc, j) {
        Some((_, e, When::YearsAgo(n))) => (e, When::InYear(Box::new(w), n)),
        _ => (end, w),
    }
}

#[cfg(test)]
mod tests;
