//! Dates named from the article's: "la semaine prochaine", "l'an dernier", "cette nuit", "il y
//! a 30 ans", "last month", "ten years ago"; the edges of a year ("fin 2014" → December, "début de
//! l'année" → January) and seasons ("printemps 2012" → March to June).

use super::super::doc::Doc;
use super::parse::year;
use super::resolve::When;

/// Words before a year that name its first or last month.
fn edge_month(f: &str) -> Option<u32> {
    match f {
        "debut" | "early" => Some(1),
        "fin" | "late" => Some(12),
        _ => None,
    }
}

/// "fin 2014" is December 2014, "début 2012" January; other parts keep the year ("mi-2012").
pub fn edge(cue: &str, w: When) -> When {
    match (edge_month(cue), w) {
        (Some(m), When::Year(y)) => When::Date { y: Some(y), m, d: None },
        (_, w) => w,
    }
}

/// "fin de l'année 2012", "début de l'année" (the article's), "the end of 2012".
pub fn edge_of_year(doc: &Doc, k: usize) -> Option<(usize, usize, When)> {
    let (m, mut i) = match (doc.folded(k), doc.folded(k + 1)) {
        ("end", "of") => (12, k + 2),
        ("beginning", "of") => (1, k + 2),
        (f, "de" | "d'") => (edge_month(f)?, k + 2),
        _ => return None,
    };
    let determined = matches!(doc.folded(i), "l'" | "the" | "cette");
    if determined {
        i += 1;
    }
    // "en fin d'année", but not "les fêtes de fin d'année" (a kind of holiday).
    let prev = k.checked_sub(1).map_or("", |p| doc.folded(p));
    let year_word = matches!(doc.folded(i), "annee" | "an" | "year")
        && (determined || matches!(prev, "en" | "ce" | "cette" | "in"));
    if year_word {
        i += 1;
    }
    let month = When::Date { y: None, m, d: None };
    match (year(doc.tok(i)), doc.folded(i)) {
        (Some(y), _) => Some((k, i + 1, When::Date { y: Some(y), m, d: None })),
        (None, "prochaine" | "prochain" | "next") if year_word => {
            Some((k, i + 1, When::InYear(Box::new(month), 1)))
        }
        (None, "derniere" | "dernier" | "last") if year_word => {
            Some((k, i + 1, When::InYear(Box::new(month), -1)))
        }
        (None, _) if year_word => Some((k, i, When::InYear(Box::new(month), 0))),
        _ => None,
    }
}

/// "en début de semaine" (Monday and Tuesday), "en fin de semaine prochaine" (Friday to Sunday).
pub fn edge_of_week(doc: &Doc, k: usize) -> Option<(usize, usize, When)> {
    let (a, b) = match edge_month(doc.folded(k))? {
        1 => (0, 1),
        _ => (4, 6),
    };
    let prev = k.checked_sub(1).map_or("", |p| doc.folded(p));
    if !matches!(prev, "en" | "ce" | "cette") || doc.folded(k + 1) != "de" || doc.folded(k + 2) != "semaine" {
        return None;
    }
    let (n, end) = match doc.folded(k + 3) {
        "prochaine" => (1, k + 4),
        "derniere" | "passee" => (-1, k + 4),
        _ => (0, k + 3),
    };
    Some((k, end, When::Weeks(n, a, b)))
}

/// A small number written in words or digits.
pub(crate) fn count(f: &str) -> Option<i64> {
    if let Ok(n) = f.parse::<i64>() {
        return (1..=2000).contains(&n).then_some(n);
    }
    const WORDS: [(&str, i64); 22] = [
        ("un", 1),
        ("une", 1),
        ("deux", 2),
        ("trois", 3),
        ("quatre", 4),
        ("cinq", 5),
        ("six", 6),
        ("sept", 7),
        ("huit", 8),
        ("neuf", 9),
        ("dix", 10),
        ("quinze", 15),
        ("vingt", 20),
        ("trente", 30),
        ("cinquante", 50),
        ("cent", 100),
        ("a", 1),
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("ten", 10),
        ("twenty", 20),
    ];
    WORDS.iter().find(|(w, _)| *w == f).map(|&(_, n)| n)
}

/// A unit of time and how many of it from the article's date: "30 ans" back → the year 30
/// years before.
fn shifted(unit: &str, n: i64) -> Option<When> {
    Some(match unit {
        "ans" | "an" | "annees" | "annee" | "years" | "year" => When::YearsAgo(n),
        "mois" | "months" | "month" => When::MonthsAgo(n),
        "semaines" | "semaine" | "weeks" | "week" => When::Weeks(n, 0, 6),
        "jours" | "jour" | "days" | "day" => When::Days(n),
        _ => return None,
    })
}

/// "il y a (tout juste) 30 ans", "il y a deux semaines", "ten years ago".
fn ago(doc: &Doc, k: usize) -> Option<(usize, usize, When)> {
    if doc.folded(k) == "il" && doc.folded(k + 1) == "y" && doc.folded(k + 2) == "a" {
        let mut i = k + 3;
        while i < k + 6
            && matches!(doc.folded(i), "tout" | "juste" | "pres" | "de" | "plus" | "environ" | "exactement")
        {
            i += 1;
        }
        let n = count(doc.folded(i))?;
        return Some((k, i + 2, shifted(doc.folded(i + 1), -n)?));
    }
    // "dans trois semaines": ahead.
    if doc.folded(k) == "dans" {
        let n = count(doc.folded(k + 1))?;
        return Some((k, k + 3, shifted(doc.folded(k + 2), n)?));
    }
    let n = count(doc.folded(k))?;
    let w = shifted(doc.folded(k + 1), -n)?;
    (doc.folded(k + 2) == "ago").then_some((k, k + 3, w))
}

/// "le lendemain", "la veille", "ce jour-là", "le même jour", "le jour même", "deux jours plus
/// tard", "six mois plus tôt", "two years later", "the next day": counted from the last day the
/// text named. "La veille de Noël" names its own day: not resolved here.
fn anaphor(doc: &Doc, k: usize) -> Option<(usize, usize, When)> {
    let after = |w: When| When::After(Box::new(w));
    // "deux jours plus tard", "trois ans après", "six mois plus tôt", "two days later".
    let after_number = k > 0 && (count(doc.folded(k - 1)).is_some() || doc.folded(k - 1) == "cent");
    if let Some(n) = count(doc.folded(k)).filter(|_| !after_number)
        && let Some(later) = shifted(doc.folded(k + 1), n)
    {
        // "trois jours après" the last day, not "trois jours après son hospitalisation".
        let (sign, end) = match (doc.folded(k + 2), doc.folded(k + 3)) {
            ("plus", "tard") => (1, k + 4),
            ("plus", "tot") => (-1, k + 4),
            ("later", _) => (1, k + 3),
            ("earlier", _) => (-1, k + 3),
            ("apres", next) if !doc.is_word(k + 3) && !next.is_empty() => (1, k + 3),
            _ => return None,
        };
        let w = if sign > 0 { later } else { shifted(doc.folded(k + 1), -n)? };
        return Some((k, end, after(w)));
    }
    let (n, end) = match (doc.folded(k), doc.folded(k + 1), doc.folded(k + 2)) {
        ("jour", "meme", _) => (0, k + 2),
        ("lendemain", ..) => (1, k + 1),
        ("veille", ..) => (-1, k + 1),
        ("jour-la", ..) => (0, k + 1),
        ("meme", "jour", _) | ("same", "day", _) => (0, k + 2),
        ("next" | "following", "day", _) => (1, k + 2),
        ("day", "before", _) | ("previous", "day", _) => (-1, k + 2),
        _ => return None,
    };
    let prev = k.checked_sub(1).map_or("", |p| doc.folded(p));
    let determined = matches!(prev, "le" | "la" | "ce" | "the" | "that");
    let of = matches!(doc.folded(end), "de" | "du" | "des" | "d'" | "of");
    (determined && !of).then_some((k, end, after(When::Days(n))))
}

/// "ce week-end", "le week-end dernier", "next weekend", "les émeutes du week-end".
fn weekend(doc: &Doc, k: usize) -> Option<(usize, usize, When)> {
    use super::resolve::Occurrence;
    if !matches!(doc.folded(k), "week-end" | "weekend") {
        return None;
    }
    let prev = k.checked_sub(1).map_or("", |p| doc.folded(p));
    let (which, start, end) = match (prev, doc.folded(k + 1)) {
        (_, "dernier" | "passe") => (Occurrence::Last, k, k + 2),
        (_, "prochain") => (Occurrence::Next, k, k + 2),
        ("last", _) => (Occurrence::Last, k - 1, k + 1),
        ("next", _) => (Occurrence::Next, k - 1, k + 1),
        ("ce" | "this", _) => (Occurrence::This, k - 1, k + 1),
        // "les émeutes du week-end": the one the tense says ("du week-end de Pâques" names
        // another).
        ("du", next) if !matches!(next, "de" | "du" | "des" | "d'") => (Occurrence::Bare, k, k + 1),
        _ => return None,
    };
    Some((start, end, When::Weekend(which)))
}

/// A season and its months (winter runs into the next year).
fn season(f: &str) -> Option<(u32, u32)> {
    Some(match f {
        "printemps" | "spring" => (3, 6),
        "ete" | "summer" => (6, 9),
        "automne" | "autumn" | "fall" => (9, 12),
        "hiver" | "winter" => (12, 3),
        _ => return None,
    })
}

/// "printemps 2012", "l'été 2012", "summer of 2012", "cet hiver". "Été" alone is also a
/// participle ("a été"): without a year it needs a determiner.
fn season_of(doc: &Doc, k: usize) -> Option<(usize, usize, When)> {
    let (a, b) = season(doc.folded(k))?;
    let mut i = k + 1;
    if matches!(doc.folded(i), "de" | "of") {
        i += 1;
    }
    let y = year(doc.tok(i));
    let prev = k.checked_sub(1).map_or("", |p| doc.folded(p));
    let this = matches!(prev, "cet" | "ce" | "cette" | "this");
    // "l'été dernier", "au printemps prochain": the tense of the word places it.
    let told = matches!(doc.folded(k + 1), "dernier" | "prochain");
    if y.is_none() && !this && !told {
        return None;
    }
    let end = match (y, told) {
        (Some(_), _) => i + 1,
        (None, true) => k + 2,
        (None, false) => k + 1,
    };
    let start = if this { k - 1 } else { k };
    let w = if a < b {
        When::Months(y, a, b)
    } else {
        let first = When::Date { y, m: a, d: None };
        When::Range(Box::new(first), Box::new(When::Date { y: y.map(|y| y + 1), m: b, d: None }))
    };
    // "cet hiver" in February is the winter under way, whatever the tense.
    let w = if this && y.is_none() { When::ThisSeason(Box::new(w), a, b) } else { w };
    Some((start, end, w))
}

/// "la semaine prochaine", "le mois dernier", "l'an dernier", "cette année", "next week",
/// "last year", "ce matin", "this morning".
pub fn relative_period(doc: &Doc, k: usize) -> Option<(usize, usize, When)> {
    let f = doc.folded(k);
    let next = doc.folded(k + 1);
    let unit = |u: &str, n: i64| -> Option<When> {
        Some(match u {
            "semaine" | "week" => When::Weeks(n, 0, 6),
            "mois" | "month" => When::MonthsAgo(n),
            "an" | "annee" | "year" => When::YearsAgo(n),
            _ => return None,
        })
    };
    if let Some(found) =
        ago(doc, k).or_else(|| season_of(doc, k)).or_else(|| anaphor(doc, k)).or_else(|| weekend(doc, k))
    {
        return Some(found);
    }
    // "cette nuit", "la nuit dernière", "last night": the night before the article's day.
    let night = When::Range(Box::new(When::Days(-1)), Box::new(When::Days(0)));
    if (f == "nuit" && matches!(next, "derniere" | "passee")) || (f == "last" && next == "night") {
        return Some((k, k + 2, night));
    }
    if matches!(f, "cette") && next == "nuit" {
        return Some((k, k + 2, night));
    }
    let step = match next {
        "prochain" | "prochaine" => Some(1),
        "dernier" | "derniere" | "passe" | "passee" => Some(-1),
        _ => None,
    };
    if let Some(n) = step
        && let Some(w) = unit(f, n)
    {
        return Some((k, k + 2, w));
    }
    let this = match f {
        "ce" | "cet" | "cette" | "this" => Some(0),
        "next" => Some(1),
        "last" => Some(-1),
        _ => None,
    }?;
    if let Some(w) = unit(next, this) {
        // "ce mois-ci" is one token with its particle only when hyphenated.
        return Some((k, k + 2, w));
    }
    // "ce jour." is the article's day; "à ce jour" means "until now", "ce jour inaugural" or
    // "en ce jour de …" name a day of their own.
    let until_now = k > 0 && matches!(doc.folded(k - 1), "a" | "jusqu'a" | "en");
    if f == "ce" && next == "jour" && !until_now && !doc.is_word(k + 2) {
        return Some((k, k + 2, When::Days(0)));
    }
    if this == 0
        && matches!(next, "mois-ci" | "matin" | "soir" | "apres-midi" | "morning" | "afternoon" | "evening")
    {
        let w = if next == "mois-ci" { When::MonthsAgo(0) } else { When::Days(0) };
        return Some((k, k + 2, w));
    }
    None
}
