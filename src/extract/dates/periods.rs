//! Dates longer than a day, kept whole: ranges ("du 22 au 24 juin", "entre 2008 et 2009",
//! "from 3 to 5 June", "2011-2012"), parts of a month or year ("mi-juin", "fin 2012", "premier
//! semestre 2012", "second quarter of 2012"), centuries ("XVe siècle", "the 15th century"),
//! decades ("les années 1990", "the 1990s"), lists of days ("les 21, 22 et 23 novembre"); then
//! the periods named from the article's date (`relative`).

use super::super::doc::Doc;
use super::super::gazetteer::GAZ;
use super::parse::{self, day_month, day_number, month, point, time_after, year};
use super::relative;
use super::resolve::{Occurrence, When};

/// How the two sides of a range are joined: "de … à …", "entre … et …".
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pairing {
    FromTo,
    Between,
}

/// A word opening a range; the range's span starts after it.
fn opener(f: &str) -> Option<Pairing> {
    match f {
        "du" | "de" | "d'" | "from" => Some(Pairing::FromTo),
        "entre" | "between" => Some(Pairing::Between),
        _ => None,
    }
}

/// Does the word join the two sides of this kind of range?
fn connects(f: &str, pairing: Pairing) -> bool {
    match pairing {
        Pairing::FromTo => matches!(f, "au" | "a" | "-" | "–" | "to" | "until" | "till" | "through"),
        Pairing::Between => matches!(f, "et" | "and"),
    }
}

/// Words before a month or a year that name a part of it; they join the span.
const PARTS: [&str; 7] = ["debut", "fin", "mi", "mid", "early", "late", "courant"];

/// A period starting at token k: (start, end, what it says).
pub fn period(doc: &Doc, k: usize) -> Option<(usize, usize, When)> {
    let f = doc.folded(k);
    if let Some(pairing) = opener(f)
        && let Some(found) = range(doc, k + 1, pairing)
    {
        return Some(found);
    }
    if let Some(found) = hyphenated(doc, k)
        .or_else(|| split_year(doc, k))
        .or_else(|| day_list(doc, k))
        .or_else(|| month_pair(doc, k))
    {
        return Some(found);
    }
    if let Some(found) = relative::edge_of_year(doc, k).or_else(|| relative::edge_of_week(doc, k)) {
        return Some(found);
    }
    if PARTS.contains(&f)
        && let Some((_, end, w)) = point(doc, k + 1)
        && matches!(w, When::Date { d: None, .. } | When::Year(_))
    {
        return Some((k, end, relative::edge(f, w)));
    }
    if let Some((end, w)) = part_of_year(doc, k) {
        return Some((k, end, w));
    }
    if let Some((end, w)) = century(doc, k) {
        return Some((k, end, w));
    }
    if let Some((end, w)) = decade(doc, k) {
        return Some((k, end, w));
    }
    relative::relative_period(doc, k)
}

/// One side of a range: a date, or a day number or year the other side completes.
enum Side {
    Date(usize, When),
    Day(usize, u32),
}

fn side(doc: &Doc, i: usize) -> Option<Side> {
    let i = if matches!(doc.folded(i), "le" | "the") { i + 1 } else { i };
    // "du lundi 3 au mercredi 5 juin": the weekday of the first day.
    let j = if GAZ.days.contains_key(doc.folded(i)) { i + 1 } else { i };
    if let Some((end, w)) = day_month(doc, j) {
        return Some(Side::Date(end, w));
    }
    if let Some((m, after)) = month(doc, i) {
        return match year(doc.tok(after)) {
            Some(y) => Some(Side::Date(after + 1, When::Date { y: Some(y), m, d: None })),
            None => Some(Side::Date(after, When::Date { y: None, m, d: None })),
        };
    }
    if let Some(y) = year(doc.tok(i)) {
        return Some(Side::Date(i + 1, When::Year(y)));
    }
    if let Some(&wd) = GAZ.days.get(doc.folded(i))
        && j == i + 1
        && day_number(doc.folded(j)).is_none()
    {
        return Some(Side::Date(j, When::Weekday(wd, Occurrence::Bare)));
    }
    day_number(doc.folded(j)).map(|d| Side::Day(j + 1, d))
}

/// "22 au 24 juin", "2008 et 2009", "janvier à mars 2012" from token i (after the opener):
/// (start, end, range), the start after an article ("entre [le 2 et le 6 janvier]").
fn range(doc: &Doc, i: usize, pairing: Pairing) -> Option<(usize, usize, When)> {
    let start = if matches!(doc.folded(i), "le" | "the") { i + 1 } else { i };
    let first = side(doc, start)?;
    let after_first = match first {
        Side::Date(e, _) | Side::Day(e, _) => e,
    };
    if !connects(doc.folded(after_first), pairing) {
        return None;
    }
    let Side::Date(end, second) = side(doc, after_first + 1)? else {
        return None;
    };
    let first = match (first, &second) {
        (Side::Day(_, d1), When::Date { m, d: Some(d2), .. }) => {
            // "du 28 au 3 juillet": the first day is in the month before.
            let m1 = match (d1 > *d2, *m) {
                (false, m) => m,
                (true, 1) => 12,
                (true, m) => m - 1,
            };
            When::Date { y: None, m: m1, d: Some(d1) }
        }
        (Side::Date(_, When::Year(a)), When::Year(b))
            if a < *b && *b <= LAST_YEAR && !time_after(doc, end) =>
        {
            return Some((start, end, When::Years(a, *b)));
        }
        (Side::Date(_, a @ When::Date { d: Some(_), .. }), When::Date { d: Some(_), .. }) => a,
        (Side::Date(_, a @ When::Date { d: None, .. }), When::Date { d: None, .. }) => a,
        (Side::Date(_, a @ When::Weekday(..)), When::Weekday(..)) => a,
        _ => return None,
    };
    Some((start, end, When::Range(Box::new(first), Box::new(second))))
}

/// The last year a range of years may reach ("between 2000 and 2100 GMT" is a time).
const LAST_YEAR: i32 = 2060;

/// "2003/2004", "2003/04": a year written over two (fiscal, academic, season).
fn split_year(doc: &Doc, k: usize) -> Option<(usize, usize, When)> {
    let a = year(doc.tok(k))?;
    if doc.tok(k + 1) != "/" {
        return None;
    }
    let t = doc.tok(k + 2);
    let b = if t.len() == 2 { a - a % 100 + t.parse::<i32>().ok()? } else { year(t)? };
    (b == a + 1).then_some((k, k + 3, When::Years(a, b)))
}

/// "les 21, 22 et 23 novembre", "1er et 2 décembre 2012", "mardi 3 et mercredi 4 juillet",
/// "le 4 et le 5 mai", "14 and 15 May": consecutive days of one month, kept as one range from
/// the first to the last.
fn day_list(doc: &Doc, k: usize) -> Option<(usize, usize, When)> {
    // An article or a weekday before a day number joins nothing: skip them.
    let skip = |i: usize| {
        let i = if matches!(doc.folded(i), "le" | "the") { i + 1 } else { i };
        if GAZ.days.contains_key(doc.folded(i)) { i + 1 } else { i }
    };
    let first_at = skip(k);
    if first_at > k && !GAZ.days.contains_key(doc.folded(k)) {
        return None; // the article before the first day stays out of the span
    }
    let first = day_number(doc.folded(first_at))?;
    let mut i = first_at + 1;
    let mut last = first;
    loop {
        match doc.folded(i) {
            "," => i += 1,
            "et" | "and" => {
                let (end, w) = day_month(doc, skip(i + 1))?;
                let When::Date { y, m, d: Some(d) } = w else { return None };
                if d != last + 1 {
                    return None;
                }
                let day = |d| When::Date { y, m, d: Some(d) };
                return Some((k, end, When::Range(Box::new(day(first)), Box::new(w))));
            }
            _ => return None,
        }
        i = skip(i);
        last = day_number(doc.folded(i)).filter(|&d| d == last + 1)?;
        i += 1;
    }
}

/// "de novembre et décembre", "en janvier février 2018": two months in a row, kept as one
/// period, after a word that introduces a time (French, lower case: "Mars" is a planet too).
fn month_pair(doc: &Doc, k: usize) -> Option<(usize, usize, When)> {
    let cue = k.checked_sub(1).map(|p| doc.folded(p))?;
    if doc.lang != super::super::types::Lang::Fr || !matches!(cue, "de" | "d'" | "en" | "depuis" | "mois") {
        return None;
    }
    let lower = |i: usize| doc.info.get(i).is_some_and(|t| !t.cap);
    let (first, after) = parse::month(doc, k).filter(|_| lower(k))?;
    let second_at = if doc.folded(after) == "et" { after + 1 } else { after };
    let (last, end) = parse::month(doc, second_at).filter(|_| lower(second_at))?;
    if last != first + 1 {
        return None;
    }
    match year(doc.tok(end)) {
        Some(y) => Some((k, end + 1, When::Months(Some(y), first, last))),
        None => Some((k, end, When::Months(None, first, last))),
    }
}

/// One token holding a range or a part: "22-24" (before a month), "2011-2012", "mi-juin",
/// "mid-June", "mi-2012", "1990s".
fn hyphenated(doc: &Doc, k: usize) -> Option<(usize, usize, When)> {
    let t = doc.tok(k);
    if let Some((a, b)) = t.split_once(['-', '–']) {
        // "2011-2012", "1939-45".
        let yb = match (year(a), b.len()) {
            (Some(ya), 2) => b.parse::<i32>().ok().map(|n| ya - ya % 100 + n),
            _ => year(b),
        };
        if let (Some(ya), Some(yb)) = (year(a), yb) {
            return (ya < yb).then_some((k, k + 1, When::Years(ya, yb)));
        }
        if let (Some(da), Some(db)) = (day_number(a), day_number(b))
            && let Some((m, after)) = month(doc, k + 1)
            && da < db
        {
            let y = year(doc.tok(after));
            let end = if y.is_some() { after + 1 } else { after };
            let day = |d| When::Date { y, m, d: Some(d) };
            return Some((k, end, When::Range(Box::new(day(da)), Box::new(day(db)))));
        }
        let prefix = crate::text::fold::fold_str(a);
        if matches!(prefix.as_str(), "mi" | "mid") {
            if let Some(y) = year(b) {
                return Some((k, k + 1, When::Year(y)));
            }
            let m = *GAZ.months.get(&crate::text::fold::fold_str(b))?;
            let y = year(doc.tok(k + 1));
            let end = if y.is_some() { k + 2 } else { k + 1 };
            return Some((k, end, When::Date { y, m, d: None }));
        }
    }
    decade_word(t).map(|(a, b)| (k, k + 1, When::Years(a, b)))
}

/// "1990s", "90s".
fn decade_word(t: &str) -> Option<(i32, i32)> {
    let digits = t.strip_suffix('s')?;
    let y = match digits.len() {
        4 => year(digits)?,
        2 => 1900 + digits.parse::<i32>().ok()?,
        _ => return None,
    };
    (y % 10 == 0).then_some((y, y + 9))
}

/// "les années 1990", "années 80".
fn decade(doc: &Doc, k: usize) -> Option<(usize, When)> {
    if doc.folded(k) != "annees" {
        return None;
    }
    let t = doc.tok(k + 1);
    let y = match t.len() {
        4 => year(t)?,
        2 => 1900 + t.parse::<i32>().ok()?,
        _ => return None,
    };
    (y % 10 == 0).then_some((k + 2, When::Years(y, y + 9)))
}

/// Ordinal of a part of a year: 1 for "premier", "1er", "first", "1st"...
fn ordinal(f: &str) -> Option<u32> {
    Some(match f {
        "premier" | "1er" | "first" | "1st" => 1,
        "second" | "seconde" | "deuxieme" | "2e" | "2eme" | "2nd" => 2,
        "troisieme" | "3e" | "3eme" | "third" | "3rd" => 3,
        "quatrieme" | "4e" | "4eme" | "fourth" | "4th" => 4,
        _ => return None,
    })
}

/// "premier semestre 2012", "troisième trimestre", "first half of 2012", "Q3 2012".
fn part_of_year(doc: &Doc, k: usize) -> Option<(usize, When)> {
    let f = doc.folded(k);
    let (n, len, unit_end) = if let Some(q) = f.strip_prefix('q').and_then(|q| q.parse::<u32>().ok()) {
        (q, 3, k + 1)
    } else {
        let n = ordinal(f)?;
        let len = match doc.folded(k + 1) {
            "semestre" | "half" => 6,
            "trimestre" | "quarter" => 3,
            _ => return None,
        };
        (n, len, k + 2)
    };
    // "the first half" alone is a match's; "the first half of 2012" a year's.
    let needs_year = doc.folded(unit_end - 1) == "half" || f.starts_with('q');
    if n == 0 || n * len > 12 {
        return None;
    }
    let mut i = unit_end;
    if matches!(doc.folded(i), "de" | "du" | "d'" | "of") {
        i += 1;
    }
    if matches!(doc.folded(i), "l'" | "the") && matches!(doc.folded(i + 1), "annee" | "year") {
        i += 2;
    }
    let y = year(doc.tok(i));
    let relative_year = matches!(doc.folded(i), "next" | "last" | "this");
    if y.is_none() && needs_year && !relative_year {
        return None;
    }
    let end = if y.is_some() { i + 1 } else { unit_end };
    Some((end, When::Months(y, (n - 1) * len + 1, n * len)))
}

/// Roman numeral I to XXI.
fn roman(s: &str) -> Option<i32> {
    let mut total = 0;
    let mut prev = 0;
    for c in s.chars().rev() {
        let v = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            _ => return None,
        };
        total += if v < prev { -v } else { v };
        prev = prev.max(v);
    }
    (1..=21).contains(&total).then_some(total)
}

/// "XVe siècle", "20e siècle", "the 15th century".
fn century(doc: &Doc, k: usize) -> Option<(usize, When)> {
    if !matches!(doc.folded(k + 1), "siecle" | "century") {
        return None;
    }
    let t = doc.tok(k);
    let num = ["ème", "eme", "er", "e", "th", "st", "nd", "rd"].iter().find_map(|s| t.strip_suffix(s))?;
    let c = match num.parse::<i32>() {
        Ok(c) if (1..=21).contains(&c) => c,
        Ok(_) => return None,
        Err(_) => roman(num)?,
    };
    Some((k + 2, When::Years((c - 1) * 100 + 1, c * 100)))
}
