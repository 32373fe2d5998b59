//! Single dates: "lundi 21 novembre 2022", "21 nov. 2022", "November 21, 2022", "1er janvier",
//! "mars 2020", "2022-11-21", "21/11/2022", a month or a year after a temporal word ("en mars",
//! "depuis 2021"), a bare year where nothing makes it a quantity, weekdays ("mardi", "lundi
//! prochain", "last Friday") and days named from the article's date ("hier soir", "tomorrow").

use super::super::doc::Doc;
use super::super::gazetteer::GAZ;
use super::super::types::Lang;
use super::calendar::valid;
use super::resolve::{Occurrence, When};
use super::tense::is_participle;

const YEAR_CUES: [&str; 37] = [
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
    "an",
    "courant",
    "printemps",
    "ete",
    "automne",
    "hiver",
    "saison",
    "exercice",
    "budget",
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
    "year",
    "during",
    "ici",
];

const MONTH_CUES: [&str; 17] = [
    "en", "debut", "fin", "mi", "depuis", "mois", "since", "in", "early", "late", "last", "next", "this",
    "until", "ici", "jusqu'en", "courant",
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
    let f = doc.folded(k);
    let offset = RELATIVE_DAYS.iter().find(|(w, _)| *w == f).map(|&(_, n)| n)?;
    // "Today" or "Tomorrow" capitalised inside a sentence names something (a programme, a
    // party): not a date.
    let info = doc.info.get(k)?;
    (!info.cap || info.initial || doc.shouting)
        .then_some(offset)
        .filter(|_| !means_nowadays(doc, k) && !yesteryear(doc, k))
}

/// "hier" meaning the past in general: "cela ne date pas d'hier", "le monde d'hier", "les
/// héros d'hier et d'aujourd'hui".
fn yesteryear(doc: &Doc, k: usize) -> bool {
    if doc.folded(k) != "hier" || k < 2 || doc.folded(k - 1) != "d'" {
        return false;
    }
    let before = doc.folded(k - 2);
    let not_new = before == "pas" && k >= 3 && doc.folded(k - 3).starts_with("dat");
    let and_today =
        doc.folded(k + 1) == "et" && doc.folded(k + 2) == "d'" && doc.folded(k + 3) == "aujourd'hui";
    not_new || before == "monde" || and_today
}

/// Present forms of "avoir" and of verbs of counting and holding: with them "aujourd'hui"
/// states how things are now ("il n'y en a plus que 11 000 aujourd'hui", "la ville compte
/// aujourd'hui 3 000 habitants"), not the day of the article.
const HAVE_NOW: [&str; 11] =
    ["a", "ai", "as", "avons", "avez", "ont", "compte", "comptent", "possede", "possedent", "emploie"];

/// "aujourd'hui" meaning "nowadays": after a present of having or counting in its clause, with
/// no participle after that verb ("a aboli la censure aujourd'hui", "a aujourd'hui annoncé"
/// are the day's events).
fn means_nowadays(doc: &Doc, k: usize) -> bool {
    if doc.folded(k) != "aujourd'hui" {
        return false;
    }
    let clause = (k.saturating_sub(5)..k).rev().take_while(|&j| doc.is_word(j) || doc.elision(j).is_some());
    // By the written form: folded, the preposition "à" ("À", "A" opening a sentence) is "a" too.
    let have = |j: usize| HAVE_NOW.contains(&doc.folded(j)) && (doc.folded(j) != "a" || doc.tok(j) == "a");
    let Some(verb) = clause.filter(|&j| have(j)).last() else {
        return false;
    };
    // "a lieu aujourd'hui" is the day's event, as a participle would make it.
    !(verb + 1..k + 2).filter(|&j| j != k).any(|j| is_participle(doc, j) || doc.folded(j) == "lieu")
}

/// The month a token names, and the token after it (after a detached abbreviation dot).
pub fn month(doc: &Doc, k: usize) -> Option<(u32, usize)> {
    let f = doc.folded(k);
    let m = *GAZ.months.get(f)?;
    // "depuis sept jours": "sept" without its dot is the number unless a number is next to it.
    if f == "sept"
        && !is_number(doc.folded(k + 1))
        && !k.checked_sub(1).is_some_and(|p| is_number(doc.folded(p)))
    {
        return None;
    }
    // "May"/"mars"/"Mars" are ordinary words too: the caller demands a number next to them.
    let mut end = k + 1;
    // Short full names ("May", "juin") are not abbreviations: their dot ends the sentence.
    let full_name = matches!(f, "may" | "june" | "july" | "mai" | "juin" | "aout" | "mars");
    if !f.ends_with('.') && doc.tok(k + 1) == "." && f.len() <= 4 && !full_name {
        end += 1; // "Nov ." written with a separate dot
    }
    Some((m, end))
}

pub fn day_number(s: &str) -> Option<u32> {
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

pub fn year(s: &str) -> Option<i32> {
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = s.parse().ok()?;
    (1800..=2100).contains(&y).then_some(y)
}

/// Numeric forms: "2022-11-21" (one token) and "21/11/2022" or "21.11.2022" (d/m/y in French).
fn numeric_date(doc: &Doc, k: usize) -> Option<(usize, When)> {
    let t = doc.tok(k);
    let full = |y: i32, m: u32, d: u32| valid(y, m, d).then_some(When::Date { y: Some(y), m, d: Some(d) });
    let parts: Vec<&str> = t.split('-').collect();
    if let [ys, ms, ds] = parts[..]
        && let (Some(y), Ok(m), Ok(d)) = (year(ys), ms.parse::<u32>(), ds.parse::<u32>())
        && ms.len() == 2
        && ds.len() == 2
    {
        return Some((k + 1, full(y, m, d)?));
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
        return Some((k + 5, full(y, m, d)?));
    }
    None
}

/// "21 novembre [2022]" at token i (the day number): end token and the date.
pub fn day_month(doc: &Doc, i: usize) -> Option<(usize, When)> {
    let d = day_number(doc.folded(i))?;
    let (m, after) = month(doc, i + 1)?;
    let mut end = after;
    if doc.tok(end) == "," {
        end += 1;
    }
    match year(doc.tok(end)).or_else(|| short_year(doc, after)) {
        Some(y) => Some((end + 1, When::Date { y: Some(y), m, d: Some(d) })),
        None => Some((after, When::Date { y: None, m, d: Some(d) })),
    }
}

/// A year of the last century in two digits closing the phrase: "le 30 mai 68,", "le 6 février
/// 34, les forces de l'ordre", "mai 68." (below 30 it could be this century's: left out), or
/// after a capitalised month ("Mai 68 a changé").
fn short_year(doc: &Doc, k: usize) -> Option<i32> {
    let t = doc.tok(k);
    // "Mai 68 est parti de la jeunesse": a capitalised month names the period whatever follows
    // ("en mai 68 députés" could be a count).
    let named_period = k > 0 && doc.cap(k - 1) && doc.tok(k + 1) != "000";
    let closes = named_period || matches!(doc.tok(k + 1), "," | "." | ";" | ":" | ")" | "?" | "!" | "");
    let n: i32 = t.parse().ok().filter(|_| t.len() == 2 && closes)?;
    (n >= 30).then_some(1900 + n)
}

/// "novembre 21[, 2022]" or "novembre 2022" ("Mai 1968") after the month.
fn month_first(doc: &Doc, after: usize, m: u32) -> Option<(usize, When)> {
    if let Some(d) = day_number(doc.folded(after)) {
        let mut end = after + 1;
        if doc.tok(end) == "," {
            end += 1;
        }
        if let Some(y) = year(doc.tok(end)) {
            return Some((end + 1, When::Date { y: Some(y), m, d: Some(d) }));
        }
        return Some((after + 1, When::Date { y: None, m, d: Some(d) }));
    }
    let mut yk = after;
    if doc.tok(yk) == "," {
        yk += 1;
    }
    // "en mai 68,", "des airs de Mai 68": the month of that year, also when its name is
    // written with a capital for what happened then.
    let short = || short_year(doc, yk).filter(|_| doc.lang == Lang::Fr);
    let y = year(doc.tok(yk)).or_else(short)?;
    Some((yk + 1, When::Date { y: Some(y), m, d: None }))
}

/// A month alone after a temporal word: "en mars", "in March".
/// Nouns of the parts of a month, before "de" and its name.
const MONTH_PARTS: [&str; 9] =
    ["mois", "week-ends", "weekends", "semaines", "dimanches", "samedis", "jours", "soldes", "vacances"];

fn bare_month(doc: &Doc, k: usize, m: u32, after: usize) -> Option<(usize, When)> {
    // "au mois de juin", "au mois d'août".
    // "les week-ends de janvier", "les quatre dimanches de janvier": days of that month.
    // "à partir de janvier": from that month on.
    let of_month = k > 1
        && matches!(doc.folded(k - 1), "de" | "d'")
        && (MONTH_PARTS.contains(&doc.folded(k - 2)) || doc.folded(k - 2) == "partir");
    if k == 0 || !(MONTH_CUES.contains(&doc.folded(k - 1)) || of_month) || doc.cap(after) {
        return None;
    }
    let info = doc.info.get(k)?;
    let lower_ok = !info.cap || doc.lang == Lang::En;
    // "may" is a month only written "May" inside a sentence ("in May", not "may").
    let may_ok = doc.folded(k) != "may" || (info.cap && !info.initial);
    (lower_ok && may_ok).then_some((after, When::Date { y: None, m, d: None }))
}

/// Words before a number that make it a quantity or a label ("plus de 2000", "page 2012").
const QUANTITY_BEFORE: [&str; 28] = [
    "plus", "moins", "pres", "environ", "quelque", "quelques", "les", "des", "ces", "nos", "vos", "leurs",
    "ses", "some", "about", "over", "than", "the", "those", "n°", "no", "numero", "page", "p.", "article",
    "route", "vol.", "version",
];

/// Words that may follow a year (function words); a year followed by another lower-case word
/// is taken for a quantity ("2000 manifestants").
const AFTER_YEAR: [&str; 52] = [
    "et", "ou", "a", "au", "aux", "pour", "avec", "dans", "contre", "lors", "quand", "ont", "sont", "est",
    "etait", "ne", "n'", "se", "s'", "il", "elle", "ils", "elles", "on", "mais", "qui", "que", "qu'", "dont",
    "ou", "puis", "selon", "sur", "par", "en", "du", "le", "la", "les", "l'", "the", "and", "or", "to",
    "for", "with", "when", "was", "were", "is", "has", "had",
];

/// English words that end a year's phrase only after "of"/"for" ("the word of 2004 by a
/// publisher"); after a verb the number is a quantity ("sold 1800 in the first week").
const AFTER_YEAR_WEAK: [&str; 13] =
    ["by", "at", "in", "as", "but", "which", "that", "after", "before", "from", "it", "they", "there"];

/// Words before a year that let it be followed by "de"/"des" ("pour 2019 des recettes", not
/// "2000 des manifestants").
const WEAK_YEAR_CUES: [&str; 7] = ["pour", "de", "d'", "du", "of", "for", "l'annee"];

/// A year alone, where nothing makes it a quantity ("2021 moutons", "plus de 2000") or part of
/// a name ("Euro 2012").
fn bare_year(doc: &Doc, k: usize) -> Option<(usize, When)> {
    let Some(y) = year(doc.tok(k)) else { return early_year(doc, k) };
    let prev = k.checked_sub(1).map_or("", |p| doc.folded(p));
    if YEAR_CUES.contains(&prev) {
        return Some((k + 1, When::Year(y)));
    }
    if !(1800..=2050).contains(&y) {
        return None;
    }
    if k > 0 {
        let prev_info = doc.info.get(k - 1)?;
        let before = doc.tok(k.saturating_sub(2));
        let name = prev_info.word && prev_info.cap && !prev_info.initial;
        // "plus de 2000", "1 500 ou 2000", "3 x 2000".
        let counted = matches!(prev, "de" | "of")
            && k.checked_sub(2).is_some_and(|q| QUANTITY_BEFORE.contains(&doc.folded(q)));
        let other_bound = matches!(prev, "et" | "a" | "ou" | "and" | "to" | "or" | "," | "/" | "+" | "x")
            && is_number(before)
            && year(before).is_none();
        if QUANTITY_BEFORE.contains(&prev) || name || is_number(prev) || counted || other_bound {
            return None;
        }
    }
    let follows_ok = match doc.info.get(k + 1) {
        None => true,
        Some(n) if !n.word => match doc.folded(k + 1) {
            // "● 1995: une mobilisation", not "20:30".
            ":" => !is_number(doc.folded(k + 2)),
            f => !matches!(f, "%" | "€" | "$" | "£" | "/" | "°" | "h" | "-"),
        },
        Some(n) if is_number(&n.folded) => false,
        Some(n) => {
            let f = n.folded.as_str();
            n.cap
                || AFTER_YEAR.contains(&f)
                || (WEAK_YEAR_CUES.contains(&prev)
                    && (matches!(f, "de" | "des" | "d'") || AFTER_YEAR_WEAK.contains(&f)))
        }
    };
    // "between 2000 and 2100 GMT": two times.
    let time = time_after(doc, k + 1) || (is_number(doc.folded(k + 2)) && time_after(doc, k + 3));
    (follows_ok && !time).then_some((k + 1, When::Year(y)))
}

/// A year before 1800 after "en"/"in" that ends the phrase: "s'est illustré en 1791 en …".
fn early_year(doc: &Doc, k: usize) -> Option<(usize, When)> {
    let t = doc.tok(k);
    let y: i32 = t.parse().ok().filter(|_| t.len() == 4)?;
    let prev = k.checked_sub(1).map_or("", |p| doc.folded(p));
    let ends = doc
        .info
        .get(k + 1)
        .is_none_or(|n| !n.word && doc.tok(k + 1) != "%" || AFTER_YEAR.contains(&n.folded.as_str()));
    ((1000..1800).contains(&y) && matches!(prev, "en" | "in") && ends).then_some((k + 1, When::Year(y)))
}

/// A time zone or hour word after a number: the number was a time.
pub fn time_after(doc: &Doc, k: usize) -> bool {
    matches!(doc.folded(k), "gmt" | "bst" | "utc" | "cet" | "h" | "heures" | "hours" | "hrs")
}

fn is_number(f: &str) -> bool {
    f.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// A single date at token k: (start, end, what it says).
pub fn point(doc: &Doc, k: usize) -> Option<(usize, usize, When)> {
    let info = doc.info.get(k)?;
    if !info.word {
        return None;
    }
    if is_number(&info.folded)
        && let Some((end, w)) = numeric_date(doc, k)
    {
        return Some((k, end, w));
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
    let dated = day_month(doc, i).or_else(|| {
        let (m, after) = month(doc, i)?;
        month_first(doc, after, m).or_else(|| bare_month(doc, k, m, after).filter(|_| wd.is_none()))
    });
    if let Some((end, w)) = dated {
        // "samedi 5 janvier": the weekday tells the year.
        let w = match (wd, &w) {
            (Some(wd), When::Date { y: None, d: Some(_), .. }) => When::OnWeekday(Box::new(w), wd),
            _ => w,
        };
        // "le 16 juillet prochain", "en juin dernier".
        let next = matches!(doc.folded(end), "prochain" | "prochaine" | "dernier" | "derniere");
        let end = if next && w.lacks_year() { end + 1 } else { end };
        return Some((start, end, w));
    }
    if let Some(wd) = wd {
        // Bare weekday; "Sunday Times" (followed by a name) is not a date, nor "le troisième
        // samedi de mobilisation" (which one the text does not say). French writes weekdays in
        // lower case: "a déclaré jeudi Vladimir Poutine" is a date before a name.
        let lower_case_french = doc.lang == Lang::Fr && !doc.cap(k);
        if doc.cap(k + 1) && !doc.info.get(k + 1).is_some_and(|t| t.initial) && !lower_case_french {
            return None;
        }
        // "Le Parisien Dimanche", "le Journal du Dimanche": a capitalised weekday inside a name.
        let named_by = |p: usize| doc.cap(p) && doc.is_word(p);
        if doc.cap(k)
            && !doc.info.get(k).is_some_and(|t| t.initial)
            && k > 0
            && (named_by(k - 1) || k > 1 && matches!(doc.folded(k - 1), "du" | "de") && named_by(k - 2))
        {
            return None;
        }
        let prev = k.checked_sub(1).map_or("", |p| doc.folded(p));
        // "ouvrir le dimanche": a French weekday after "le" with no day number is a habit.
        if doc.lang == Lang::Fr && matches!(prev, "le" | "les") && !PARTS_OF_DAY.contains(&doc.folded(k + 1))
        {
            return None;
        }
        // "un dimanche trop près des fêtes", "chaque samedi", "quel(s) dimanche(s)": no one day.
        let indefinite = matches!(prev, "un" | "une" | "chaque" | "quel" | "a" | "every" | "each")
            && k.checked_sub(1).is_some_and(|p| doc.tok(p) != "à");
        // "un nouveau samedi de manifestations": the coming one (today's, if it is that day);
        // "un autre samedi": which one is not said.
        let after_un = k.checked_sub(2).is_some_and(|p| matches!(doc.folded(p), "un" | "une" | "an"));
        if after_un && prev == "nouveau" {
            return Some((k, k + 1, When::Weekday(wd, Occurrence::Coming)));
        }
        let indefinite = indefinite || after_un && matches!(prev, "autre" | "another");
        if indefinite || doc.tok(k + 1) == "(" {
            return None;
        }
        if prev.ends_with("ieme")
            || matches!(prev, "premier" | "first" | "second" | "third")
            || prev.ends_with("th")
        {
            return None;
        }
        let (which, start, end) = match (k.checked_sub(1).map(|p| doc.folded(p)), doc.folded(k + 1)) {
            (_, "prochain" | "prochaine") => (Occurrence::Next, start, k + 2),
            (_, "dernier" | "derniere") => (Occurrence::Last, start, k + 2),
            (Some("next"), _) => (Occurrence::Next, k - 1, k + 1),
            (Some("last"), _) => (Occurrence::Last, k - 1, k + 1),
            (Some("ce"), _) => (Occurrence::This, start, k + 1),
            _ => (Occurrence::Bare, start, k + 1),
        };
        let end = if PARTS_OF_DAY.contains(&doc.folded(end)) { end + 1 } else { end };
        return Some((start, end, When::Weekday(wd, which)));
    }
    if let Some(offset) = relative_day(doc, k) {
        let end = if PARTS_OF_DAY.contains(&doc.folded(k + 1)) { k + 2 } else { k + 1 };
        return Some((k, end, When::Days(offset)));
    }
    if let Some(found) = holiday(doc, k) {
        return Some(found);
    }
    bare_year(doc, k).map(|(end, w)| (k, end, w))
}

/// Words before "Noël" that make it the day ("à Noël", "d'ici Noël"), not the season or a
/// name ("les fêtes de Noël", "le père Noël").
const BEFORE_CHRISTMAS: [&str; 9] = ["a", "avant", "apres", "depuis", "vers", "pour", "ici", "entre", "ce"];

/// Whether a holiday on a fixed day is named at token `k` (see `holiday`).
pub fn is_holiday(doc: &Doc, k: usize) -> bool {
    holiday(doc, k).is_some()
}

/// A holiday on a fixed day, with its year if written: "à Noël", "Noël 2018", "la
/// Saint-Sylvestre", "le Nouvel An", "le jour de l'An", "Christmas Day", "New Year's Day".
fn holiday(doc: &Doc, k: usize) -> Option<(usize, usize, When)> {
    let prev = k.checked_sub(1).map_or("", |p| doc.folded(p));
    let (m, d, end) = match (doc.tok(k), doc.tok(k + 1)) {
        ("Noël", _) if year(doc.tok(k + 1)).is_some() || BEFORE_CHRISTMAS.contains(&prev) => (12, 25, k + 1),
        ("Saint-Sylvestre", _) if prev == "la" => (12, 31, k + 1),
        ("Nouvel", "An") if matches!(prev, "le" | "du" | "au" | "ce") => (1, 1, k + 2),
        ("jour", "de") if matches!(doc.tok(k + 2), "l'" | "l’") && doc.tok(k + 3) == "An" => (1, 1, k + 4),
        ("Christmas", "Day" | "Eve") => (12, if doc.tok(k + 1) == "Eve" { 24 } else { 25 }, k + 2),
        ("Boxing", "Day") => (12, 26, k + 2),
        ("New", "Year's" | "Year’s") if doc.tok(k + 2) == "Day" => (1, 1, k + 3),
        _ => return None,
    };
    match year(doc.tok(end)) {
        Some(y) => Some((k, end + 1, When::Date { y: Some(y), m, d: Some(d) })),
        None => Some((k, end, When::Date { y: None, m, d: Some(d) })),
    }
}
