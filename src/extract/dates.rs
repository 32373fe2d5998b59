//! Date expressions in French and English, normalised to ISO 8601 when the text allows.
//!
//! Token patterns (weekday and article optional): "lundi 21 novembre 2022", "21 nov. 2022",
//! "November 21, 2022", "1er janvier", "mars 2020", "2022-11-21", "21/11/2022",
//! a year after a temporal preposition ("depuis 2021", "in 1999"), a bare weekday, resolved
//! against the article date (most recent such day on or before it; the next one after it with
//! "prochain"/"next", the one before it with "dernier"/"last"), and days named relative to the
//! article date ("hier", "demain", "yesterday", "avant-hier", optionally "… soir/morning").

use super::doc::Doc;
use super::gazetteer::GAZ;
use super::types::{DateFact, Lang};

/// A recognised date with its token range.
#[derive(Debug, Clone)]
pub struct DateMatch {
    pub tokens: std::ops::Range<usize>,
    pub fact: DateFact,
}

const YEAR_CUES: [&str; 32] = [
    "depuis",
    "en",
    "des",
    "jusqu'en",
    "avant",
    "apres",
    "fin",
    "debut",
    "mi",
    "annee",
    "l'an",
    "an",
    "courant",
    "printemps",
    "ete",
    "automne",
    "hiver",
    "since",
    "in",
    "by",
    "until",
    "till",
    "from",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "spring",
    "summer",
    "autumn",
    "winter",
];

const MONTH_CUES: [&str; 14] = [
    "en", "debut", "fin", "mi", "depuis", "mois", "since", "in", "early", "late", "last", "next", "this",
    "until",
];

/// Words naming a day by its distance in days from the article's date.
const RELATIVE_DAYS: [(&str, i64); 9] = [
    ("avant-hier", -2),
    ("hier", -1),
    ("aujourd'hui", 0),
    ("demain", 1),
    ("apres-demain", 2),
    ("yesterday", -1),
    ("today", 0),
    ("tonight", 0),
    ("tomorrow", 1),
];

/// A part of the day that may follow a relative day ("hier soir", "yesterday morning"); it
/// joins the date's span.
const PARTS_OF_DAY: [&str; 9] =
    ["matin", "midi", "apres-midi", "soir", "morning", "afternoon", "evening", "night", "soir-la"];

fn relative_day(doc: &Doc, k: usize) -> Option<i64> {
    let f = doc.folded(k).replace('\u{2019}', "'");
    let offset = RELATIVE_DAYS.iter().find(|(w, _)| *w == f).map(|&(_, n)| n)?;
    // "Today" or "Tomorrow" capitalised inside a sentence names something (a programme, a
    // party): not a date.
    let info = doc.info.get(k)?;
    (!info.cap || info.initial || doc.shouting).then_some(offset)
}

/// The day `offset` days from `day`, as YYYY-MM-DD.
fn shift_day(day: (i32, u32, u32), offset: i64) -> Option<String> {
    let (y, m, d) = day;
    if !valid(y, m, d) {
        return None;
    }
    let (ry, rm, rd) = civil_from_days(days_from_civil(y, m, d) + offset);
    Some(format!("{ry:04}-{rm:02}-{rd:02}"))
}

fn month(doc: &Doc, k: usize) -> Option<(u32, usize)> {
    let f = doc.folded(k);
    let m = *GAZ.months.get(f)?;
    // "May"/"mars"/"Mars" are ordinary words too: the caller demands a number next to them.
    let mut end = k + 1;
    // Short full names ("May", "juin") are not abbreviations: their dot ends the sentence.
    let full_name = matches!(f, "may" | "june" | "july" | "mai" | "juin" | "aout" | "mars");
    if !f.ends_with('.') && doc.tok(k + 1) == "." && f.len() <= 4 && !full_name {
        end += 1; // "Nov ." written with a separate dot
    }
    Some((m, end))
}

fn day_number(s: &str) -> Option<u32> {
    let digits: &str = s.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = &s[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !matches!(suffix, "" | "er" | "re" | "st" | "nd" | "rd" | "th" | "e") {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year(s: &str) -> Option<i32> {
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = s.parse().ok()?;
    (1800..=2100).contains(&y).then_some(y)
}

pub use crate::text::days_in_month;

/// Days since 1970-01-01 (proleptic Gregorian), after H. Hinnant's algorithm.
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((y + i64::from(m <= 2)) as i32, m, d)
}

/// ISO weekday, 1 = Monday.
pub fn weekday(y: i32, m: u32, d: u32) -> u32 {
    // 1970-01-01 was a Thursday (4).
    ((days_from_civil(y, m, d) + 3).rem_euclid(7) + 1) as u32
}

fn valid(y: i32, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// Which occurrence of a weekday the words around it point to.
#[derive(Clone, Copy, PartialEq)]
enum Occurrence {
    /// Bare: the most recent on or before the article date (news reports what happened).
    Recent,
    /// "lundi prochain", "next Monday": the first after the article date.
    Next,
    /// "lundi dernier", "last Monday": the last before the article date.
    Last,
}

fn resolve_occurrence(article: (i32, u32, u32), wd: u32, which: Occurrence) -> Option<String> {
    let (y, m, d) = article;
    if !valid(y, m, d) {
        return None;
    }
    let cur = i64::from(weekday(y, m, d));
    let wd = i64::from(wd);
    let offset = match which {
        Occurrence::Recent => -(cur - wd).rem_euclid(7),
        Occurrence::Last => -((cur - wd - 1).rem_euclid(7) + 1),
        Occurrence::Next => (wd - cur - 1).rem_euclid(7) + 1,
    };
    shift_day(article, offset)
}

fn iso_day(y: Option<i32>, m: u32, d: u32) -> Option<String> {
    match y {
        Some(y) if valid(y, m, d) => Some(format!("{y:04}-{m:02}-{d:02}")),
        Some(_) => None,
        // No year in the text: ISO 8601 truncated form --MM-DD.
        None if d <= days_in_month(2000, m) => Some(format!("--{m:02}-{d:02}")),
        None => None,
    }
}

/// Numeric forms: "2022-11-21" (one token) and "21/11/2022" or "21.11.2022" (d/m/y in French).
fn numeric_date(doc: &Doc, k: usize) -> Option<(usize, String)> {
    let t = doc.tok(k);
    let parts: Vec<&str> = t.split('-').collect();
    if parts.len() == 3
        && let (Some(y), Ok(m), Ok(d)) = (year(parts[0]), parts[1].parse::<u32>(), parts[2].parse::<u32>())
        && parts[1].len() == 2
        && parts[2].len() == 2
        && valid(y, m, d)
    {
        return Some((k + 1, format!("{y:04}-{m:02}-{d:02}")));
    }
    // a / b / yyyy with no spaces between the five tokens
    let sep = doc.tok(k + 1);
    if (sep == "/" || sep == ".") && doc.tok(k + 3) == sep {
        let adjacent = (k..k + 4).all(|i| match (doc.tokens.get(i), doc.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        });
        let a: u32 = doc.tok(k).parse().ok()?;
        let b: u32 = doc.tok(k + 2).parse().ok()?;
        let y = year(doc.tok(k + 4))?;
        if !adjacent || doc.tok(k).len() > 2 || doc.tok(k + 2).len() > 2 {
            return None;
        }
        let (d, m) = if a > 12 || doc.lang != Lang::En { (a, b) } else { (b, a) };
        if valid(y, m, d) {
            return Some((k + 5, format!("{y:04}-{m:02}-{d:02}")));
        }
    }
    None
}

pub fn find_dates(doc: &Doc, article_date: Option<(i32, u32, u32)>) -> Vec<DateMatch> {
    let found = find_dates_from(doc, article_date);
    if article_date.is_some() {
        return found;
    }
    // No article date: news puts one near the top (a dateline, "22 juin 2012. - "). The first
    // full date of the text anchors the dates that lack a year, and weekdays.
    let anchor = found.iter().find_map(|d| full_date(d.fact.value.as_deref()?));
    match anchor {
        Some(anchor) => find_dates_from(doc, Some(anchor)),
        None => found,
    }
}

/// (y, m, d) of a "YYYY-MM-DD" value.
fn full_date(value: &str) -> Option<(i32, u32, u32)> {
    let mut parts = value.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    parts.next().is_none().then_some((y, m, d))
}

fn find_dates_from(doc: &Doc, article_date: Option<(i32, u32, u32)>) -> Vec<DateMatch> {
    let mut out = Vec::new();
    let n = doc.len();
    let mut k = 0;
    while k < n {
        if let Some((end, value, start)) = match_at(doc, k, article_date) {
            if let Some((s, e)) = doc.byte_span(start, end) {
                out.push(DateMatch {
                    tokens: start..end,
                    fact: DateFact {
                        start: s,
                        end: e,
                        text: doc.text.get(s..e).unwrap_or("").to_string(),
                        value,
                    },
                });
            }
            k = end.max(k + 1);
        } else {
            k += 1;
        }
    }
    out
}

/// Try to match a date starting at token k. Returns (end token, value, start token).
fn match_at(doc: &Doc, k: usize, article: Option<(i32, u32, u32)>) -> Option<(usize, Option<String>, usize)> {
    let info = doc.info.get(k)?;
    if !info.word {
        return None;
    }
    if info.folded.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && let Some((end, v)) = numeric_date(doc, k)
    {
        return Some((end, Some(v), k));
    }
    let start = k;
    let mut i = k;
    let wd = GAZ.days.get(doc.folded(i)).copied();
    if wd.is_some() {
        i += 1;
        if doc.tok(i) == "," {
            i += 1;
        }
        if matches!(doc.folded(i), "le" | "the") {
            i += 1;
        }
    }
    // DAY MONTH [YEAR]
    if let Some(d) = day_number(doc.folded(i))
        && let Some((m, after)) = month(doc, i + 1)
    {
        let mut end = after;
        if doc.tok(end) == "," {
            end += 1;
        }
        let y = year(doc.tok(end));
        let end = if y.is_some() { end + 1 } else { after };
        let y = y.or_else(|| article.map(|a| a.0));
        return Some((end, iso_day(y, m, d), start));
    }
    // MONTH DAY[,] [YEAR]  /  MONTH YEAR
    if let Some((m, after)) = month(doc, i) {
        if let Some(d) = day_number(doc.folded(after)) {
            let mut end = after + 1;
            if doc.tok(end) == "," {
                end += 1;
            }
            if let Some(y) = year(doc.tok(end)) {
                return Some((end + 1, iso_day(Some(y), m, d), start));
            }
            return Some((after + 1, iso_day(article.map(|a| a.0), m, d), start));
        }
        let mut yk = after;
        if doc.tok(yk) == "," {
            yk += 1;
        }
        if let Some(y) = year(doc.tok(yk)) {
            return Some((yk + 1, Some(format!("{y:04}-{m:02}")), start));
        }
        // "en mars", "in March": month alone after a temporal cue.
        if wd.is_none() && k > 0 && MONTH_CUES.contains(&doc.folded(k - 1)) && !doc.cap(k + 1) {
            let lower_ok = doc.info.get(i).is_some_and(|t| !t.cap) || doc.lang == Lang::En;
            // "may" is a month only written "May" inside a sentence ("in May", not "may").
            let may_ok = doc.folded(i) != "may" || doc.info.get(i).is_some_and(|t| t.cap && !t.initial);
            if lower_ok && may_ok {
                // The month of the article's year, when the article has a date; "depuis mai",
                // "since May" in a March article is last year's May.
                let past = matches!(doc.folded(k - 1), "depuis" | "since");
                let value =
                    article.map(|(y, am, _)| format!("{:04}-{m:02}", if past && m > am { y - 1 } else { y }));
                return Some((after, value, start));
            }
        }
    }
    if let Some(wd) = wd {
        // Bare weekday; "Sunday Times" (followed by a name) is not a date.
        if doc.cap(k + 1) && !doc.info.get(k + 1).is_some_and(|t| t.initial) {
            return None;
        }
        let (which, start, end) = match (k.checked_sub(1).map(|p| doc.folded(p)), doc.folded(k + 1)) {
            (_, "prochain" | "prochaine") => (Occurrence::Next, start, k + 2),
            (_, "dernier" | "derniere") => (Occurrence::Last, start, k + 2),
            (Some("next"), _) => (Occurrence::Next, k - 1, k + 1),
            (Some("last"), _) => (Occurrence::Last, k - 1, k + 1),
            _ => (Occurrence::Recent, start, k + 1),
        };
        let value = article.and_then(|a| resolve_occurrence(a, wd, which));
        return Some((end, value, start));
    }
    if let Some(offset) = relative_day(doc, k) {
        let end = if PARTS_OF_DAY.contains(&doc.folded(k + 1)) { k + 2 } else { k + 1 };
        return Some((end, article.and_then(|a| shift_day(a, offset)), k));
    }
    // Year after a temporal cue.
    if let Some(y) = year(doc.tok(k))
        && k > 0
        && YEAR_CUES.contains(&doc.folded(k - 1))
    {
        return Some((k + 1, Some(format!("{y:04}")), k));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(s: &str, art: Option<(i32, u32, u32)>) -> Vec<(String, Option<String>)> {
        let doc = Doc::new(s, None);
        find_dates(&doc, art).into_iter().map(|d| (d.fact.text, d.fact.value)).collect()
    }

    fn one(s: &str) -> Option<String> {
        dates(s, None).into_iter().next().and_then(|d| d.1)
    }

    #[test]
    fn calendar_math() {
        assert_eq!(weekday(2022, 11, 21), 1);
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
        assert_eq!(resolve_occurrence((2022, 11, 21), 2, Occurrence::Recent).as_deref(), Some("2022-11-15"));
        assert_eq!(resolve_occurrence((2022, 11, 21), 1, Occurrence::Recent).as_deref(), Some("2022-11-21"));
    }

    #[test]
    fn french_and_english() {
        assert_eq!(
            dates("publié lundi 21 novembre 2022.", None),
            vec![("lundi 21 novembre 2022".into(), Some("2022-11-21".into()))]
        );
        assert_eq!(one("le 21 nov. 2022"), Some("2022-11-21".into()));
        assert_eq!(one("on November 21, 2022, he"), Some("2022-11-21".into()));
        assert_eq!(one("on 21 November 2022"), Some("2022-11-21".into()));
        assert_eq!(one("le 1er janvier"), Some("--01-01".into()));
        // A dateline anchors the year-less dates of the text.
        let text = "22 juin 2012. - La console sortira le 28 juillet.";
        let doc = Doc::new(text, None);
        let values: Vec<Option<String>> = find_dates(&doc, None).into_iter().map(|d| d.fact.value).collect();
        assert_eq!(values, vec![Some("2012-06-22".into()), Some("2012-07-28".into())]);
        assert_eq!(
            dates("le 1er janvier", Some((2023, 5, 2))).first().and_then(|d| d.1.clone()),
            Some("2023-01-01".into())
        );
        assert_eq!(dates("depuis 2021, la Russie", None), vec![("2021".into(), Some("2021".into()))]);
        assert_eq!(dates("en mars 2020", None), vec![("mars 2020".into(), Some("2020-03".into()))]);
        assert_eq!(one("le 2022-11-21"), Some("2022-11-21".into()));
        assert_eq!(one("le 21/11/2022"), Some("2022-11-21".into()));
        assert_eq!(one("le 31 février 2022"), None);
    }

    #[test]
    fn weekdays_and_non_dates() {
        assert_eq!(
            dates("Il est venu mardi.", Some((2022, 11, 21))),
            vec![("mardi".into(), Some("2022-11-15".into()))]
        );
        assert_eq!(dates("He came on Tuesday.", None), vec![("Tuesday".into(), None)]);
        assert!(dates("Il a 2021 moutons et 300 vaches, 12 mai", None).iter().all(|d| d.0 != "2021"));
        assert!(dates("You may go. Mars is red.", None).is_empty());
        assert!(dates("It is what we may in time accept.", None).is_empty());
        assert_eq!(dates("Work starts in May.", None), vec![("May".into(), None)]);
        assert_eq!(
            dates("Work starts in May.", Some((2024, 3, 14))),
            vec![("May".into(), Some("2024-05".into()))]
        );
        assert_eq!(
            dates("closed since May.", Some((2024, 3, 14))),
            vec![("May".into(), Some("2023-05".into()))]
        );
        assert!(dates("the Sunday Times said", None).is_empty());
    }

    #[test]
    fn next_and_last_weekdays() {
        // 2022-11-21 is a Monday.
        let monday = Some((2022, 11, 21));
        assert_eq!(
            dates("lundi prochain", monday),
            vec![("lundi prochain".into(), Some("2022-11-28".into()))]
        );
        assert_eq!(dates("next Friday", monday), vec![("next Friday".into(), Some("2022-11-25".into()))]);
        assert_eq!(dates("mardi dernier", monday), vec![("mardi dernier".into(), Some("2022-11-15".into()))]);
        assert_eq!(dates("last Monday", monday), vec![("last Monday".into(), Some("2022-11-14".into()))]);
        assert_eq!(dates("on Monday", monday), vec![("Monday".into(), Some("2022-11-21".into()))]);
    }

    #[test]
    fn days_relative_to_the_article_date() {
        let day = Some((2023, 3, 1));
        assert_eq!(
            dates("Il est arrivé hier soir et repart demain.", day),
            vec![
                ("hier soir".into(), Some("2023-02-28".into())),
                ("demain".into(), Some("2023-03-02".into()))
            ]
        );
        assert_eq!(dates("aujourd’hui", day), vec![("aujourd’hui".into(), Some("2023-03-01".into()))]);
        assert_eq!(dates("avant-hier", day), vec![("avant-hier".into(), Some("2023-02-27".into()))]);
        assert_eq!(
            dates("Police said yesterday morning that", day),
            vec![("yesterday morning".into(), Some("2023-02-28".into()))]
        );
        assert_eq!(dates("He left today.", None), vec![("today".into(), None)]);
        // A capitalised "Today" inside a sentence names a programme.
        assert!(dates("he told BBC Radio 4's Today programme", day).is_empty());
        assert_eq!(dates("Today, he said", day), vec![("Today".into(), Some("2023-03-01".into()))]);
    }
}
