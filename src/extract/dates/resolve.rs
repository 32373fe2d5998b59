//! From what the words say ("vendredi", "le 1er janvier", "du 22 au 24 juin") to a value,
//! given the article's date, the tense of the clause and the full dates the text gives.

use super::calendar::{Ymd, day_index, iso, iso_month, iso_year, shift, valid, weekday};
use super::tense::Tense;

/// Which occurrence of a weekday the words around it point to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occurrence {
    /// Bare: resolved by the dates of the text and the tense.
    Bare,
    /// "lundi prochain", "next Monday": the first after the article date.
    Next,
    /// "lundi dernier", "last Monday": the last before the article date.
    Last,
    /// "ce lundi": as a bare weekday, but the nearest one when the tense says nothing.
    This,
    /// "un nouveau samedi (de manifestations)": the article's day or the first after it.
    Coming,
}

/// A date expression before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    /// A day (`d` given) or a month; the year may be left to the context.
    Date {
        y: Option<i32>,
        m: u32,
        d: Option<u32>,
    },
    Year(i32),
    /// Years a..=b: decades, centuries, "2010-2012".
    Years(i32, i32),
    /// Months a..=b of one year: "premier semestre 2012", "Q3".
    Months(Option<i32>, u32, u32),
    Weekday(u32, Occurrence),
    /// Days from the article's date ("hier" = -1).
    Days(i64),
    /// Days `a..=b` (0 = Monday) of the week `n` weeks from the article's: Monday to Sunday
    /// for a whole week.
    Weeks(i64, u32, u32),
    /// The month `n` months from the article's.
    MonthsAgo(i64),
    /// The year `n` years from the article's.
    YearsAgo(i64),
    /// From one to the other: "du 22 au 24 juin", "de janvier à mars 2012".
    Range(Box<When>, Box<When>),
    /// A date without year in the year `n` years from the article's ("… l'an prochain").
    InYear(Box<When>, i64),
    /// A date named from the last day the text named instead of the article's ("le lendemain",
    /// "ce jour-là", "deux mois plus tard"): `Days`, `MonthsAgo` or `YearsAgo`.
    After(Box<When>),
    /// Saturday and Sunday: "ce week-end", "le week-end dernier", "next weekend".
    Weekend(Occurrence),
    /// "cet hiver": months `a..=b` (winter runs into the next year), the season the article's
    /// day falls in, else the season as written (the tense places it).
    ThisSeason(Box<When>, u32, u32),
    /// A day written without year but with its weekday ("samedi 5 janvier"): the year is one
    /// where that day is that weekday.
    OnWeekday(Box<When>, u32),
}

impl When {
    /// Needs the article's date (or a year from the text) to mean anything: without it, it is
    /// not shown as a date.
    pub fn relative(&self) -> bool {
        match self {
            When::Weekday(..)
            | When::Days(_)
            | When::Weeks(..)
            | When::MonthsAgo(_)
            | When::YearsAgo(_)
            | When::InYear(..)
            | When::After(_)
            | When::Weekend(_)
            | When::ThisSeason(..) => true,
            // A month or part of a year without its year is the article's year's.
            When::Date { y: None, d: None, .. } | When::Months(None, ..) => true,
            When::Range(a, b) => a.relative() || b.relative() || self.lacks_year(),
            _ => false,
        }
    }

    /// Written without its year ("22 juin", "du 22 au 24 juin", "premier semestre").
    pub fn lacks_year(&self) -> bool {
        match self {
            When::Date { y: None, .. } | When::Months(None, ..) => true,
            When::Range(a, b) => a.lacks_year() && b.lacks_year(),
            When::OnWeekday(w, _) => w.lacks_year(),
            _ => false,
        }
    }

    /// The same, in year `y`.
    fn in_year(&self, y: i32) -> When {
        match *self {
            When::Date { y: None, m, d } => When::Date { y: Some(y), m, d },
            When::Months(None, a, b) => When::Months(Some(y), a, b),
            When::Range(ref a, ref b) => When::Range(Box::new(a.in_year(y)), Box::new(b.in_year(y))),
            When::OnWeekday(ref w, _) => w.in_year(y),
            _ => self.clone(),
        }
    }

    /// A day given in full by the text (day number, month and year), used to place the bare
    /// weekdays near it.
    pub fn explicit_day(&self) -> bool {
        matches!(self, When::Date { d: Some(_), .. } | When::OnWeekday(..))
    }
}

/// What resolution knows about the article.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The article's date (document date or dateline): relative expressions count from it.
    pub reference: Option<Ymd>,
    /// The date that gives a year to dates written without one: the reference, else the
    /// first full date of the text.
    pub year_anchor: Option<Ymd>,
    /// Full days the text gives ("vendredi 30 novembre").
    pub days: Vec<Ymd>,
    /// The last day named before the expression being resolved.
    pub last_day: Option<Ymd>,
    /// The start of the last date of any length named before it ("en 2004 … dix ans plus tard").
    pub last_start: Option<Ymd>,
}

/// A value as a first and last element, each already formatted.
struct Bounds {
    first: String,
    last: String,
}

impl Bounds {
    fn one(v: String) -> Bounds {
        Bounds { first: v.clone(), last: v }
    }

    fn value(self) -> String {
        if self.first == self.last { self.first } else { format!("{}/{}", self.first, self.last) }
    }
}

pub fn resolve(w: &When, tense: Tense, cx: &Context) -> Option<String> {
    bounds(w, tense, cx).map(Bounds::value)
}

fn bounds(w: &When, tense: Tense, cx: &Context) -> Option<Bounds> {
    let reference = cx.reference;
    Some(match *w {
        When::Date { y, m, d } => {
            let y = match y {
                Some(y) => y,
                None => year_for(m, d, tense, cx.year_anchor?),
            };
            match d {
                Some(d) => Bounds::one(valid(y, m, d).then(|| iso((y, m, d)))?),
                None => Bounds::one(iso_month(y, m)),
            }
        }
        When::Year(y) => Bounds::one(iso_year(y)),
        When::Years(a, b) => Bounds { first: iso_year(a), last: iso_year(b) },
        When::Months(y, a, b) => {
            // In the past, a period under way is this year's ("les ventes de novembre et
            // décembre ont déçu" on 30 November): its first month places it.
            let placing = if tense == Tense::Past && a <= b { a } else { b };
            let y = match y {
                Some(y) => y,
                None => year_for(placing, None, tense, cx.year_anchor?),
            };
            Bounds { first: iso_month(y, a), last: iso_month(y, b) }
        }
        When::Weekday(wd, which) => Bounds::one(iso(weekday_day(reference?, wd, which, tense, &cx.days)?)),
        When::Days(n) => Bounds::one(iso(shift(reference?, n)?)),
        When::After(ref w) => {
            // Days and weeks count from a day; months and years from any date.
            // With no date named before it, "la veille" is the day before the article's ("son
            // discours de la veille"); "le lendemain" or "deux jours plus tard" would be a guess.
            let from = match **w {
                When::MonthsAgo(_) | When::YearsAgo(_) => cx.last_start,
                When::Days(-1) => cx.last_day.or(reference),
                _ => cx.last_day,
            };
            let from_last = Context { reference: Some(from?), ..Context::default() };
            bounds(w, tense, &from_last)?
        }
        When::OnWeekday(ref w, wd) => {
            let When::Date { y: None, m, d: Some(d) } = **w else {
                return bounds(w, tense, cx);
            };
            let anchor = cx.year_anchor?;
            let y = year_for(m, Some(d), tense, anchor);
            // Only a year far from the article's date is put in doubt: near it, a weekday
            // that does not fit is more likely the writer's slip.
            let distance =
                |y: i32| (day_index((y, m, d)).unwrap_or(0) - day_index(anchor).unwrap_or(0)).abs();
            let far = distance(y) > 120;
            // A year where the weekday fits, but within a year of the article: "jeudi 10
            // décembre" in January 2019 is a slip, not December 2020.
            let fits = |y: i32| valid(y, m, d) && weekday(y, m, d) == wd && distance(y) <= 366;
            let y = if far { [y, y + 1, y - 1].into_iter().find(|&y| fits(y)).unwrap_or(y) } else { y };
            Bounds::one(valid(y, m, d).then(|| iso((y, m, d)))?)
        }
        When::ThisSeason(ref written, a, b) => {
            let (y, m, _) = reference?;
            let within = if a < b { (a..=b).contains(&m) } else { m >= a || m <= b };
            match (within, a < b) {
                (false, _) => bounds(written, tense, cx)?,
                (true, true) => Bounds { first: iso_month(y, a), last: iso_month(y, b) },
                (true, false) => {
                    let start = if m >= a { y } else { y - 1 };
                    Bounds { first: iso_month(start, a), last: iso_month(start + 1, b) }
                }
            }
        }
        When::Weekend(which) => {
            let saturday = weekday_day(reference?, 6, which, tense, &[])?;
            Bounds { first: iso(saturday), last: iso(shift(saturday, 1)?) }
        }
        When::Weeks(n, a, b) => {
            let r = reference?;
            let monday = shift(r, 7 * n - i64::from(weekday(r.0, r.1, r.2)) + 1)?;
            Bounds { first: iso(shift(monday, i64::from(a))?), last: iso(shift(monday, i64::from(b))?) }
        }
        When::MonthsAgo(n) => {
            let (y, m, _) = reference?;
            let months = i64::from(y) * 12 + i64::from(m) - 1 + n;
            let y = i32::try_from(months.div_euclid(12)).ok()?;
            Bounds::one(iso_month(y, months.rem_euclid(12) as u32 + 1))
        }
        When::YearsAgo(n) => Bounds::one(iso_year(reference?.0 + i32::try_from(n).ok()?)),
        // "voté à la fin de l'année" in a January article is last year's end: with a tense, the
        // year of "l'année" is found as for a month written without one.
        When::InYear(ref w, 0)
            if tense != Tense::Unknown
                && let When::Date { y: None, m, d } = **w =>
        {
            bounds(&w.in_year(year_for(m, d, tense, reference?)), tense, cx)?
        }
        When::InYear(ref w, n) => bounds(&w.in_year(reference?.0 + i32::try_from(n).ok()?), tense, cx)?,
        When::Range(ref a, ref b) => {
            let end = bounds(b, tense, cx)?;
            let start = bounds(&with_year_of(a, b, &end.last), tense, cx)?;
            Bounds { first: start.first, last: end.last }
        }
    })
}

/// The first side of a range takes its year from the second ("du 22 juin au 3 juillet 2012"),
/// the year before when it would come after it ("du 28 décembre au 3 janvier 2013").
fn with_year_of(a: &When, b: &When, b_value: &str) -> When {
    let Some(y) = b_value.get(..4).and_then(|y| y.parse::<i32>().ok()) else {
        return a.clone();
    };
    // "de lundi à mercredi": the Monday before that Wednesday.
    if let When::Weekday(wd, _) = *a
        && let Some(day) = super::calendar::parse_day(b_value)
        && let Some((y, m, d)) = shift(day, -i64::from((weekday(day.0, day.1, day.2) + 7 - wd) % 7))
    {
        return When::Date { y: Some(y), m, d: Some(d) };
    }
    let b_key = match *b {
        When::Date { m, d, .. } => (m, d.unwrap_or(31)),
        When::Months(_, _, m) => (m, 31),
        _ => return a.clone(),
    };
    match *a {
        When::Date { y: None, m, d } => {
            let y = if (m, d.unwrap_or(1)) > b_key { y - 1 } else { y };
            When::Date { y: Some(y), m, d }
        }
        When::Months(None, first, last) => {
            When::Months(Some(if first > b_key.0 { y - 1 } else { y }), first, last)
        }
        _ => a.clone(),
    }
}

/// The year of a day or month written without one: the anchor's, or the one before or after
/// it as the tense says; without a tense, the nearest one, news reporting the past more than
/// announcing the future.
fn year_for(m: u32, d: Option<u32>, tense: Tense, anchor: Ymd) -> i32 {
    let (ay, am, ad) = anchor;
    let day = d.unwrap_or(15).min(28);
    let diff = day_index((ay, m, day)).unwrap_or(0) - day_index((ay, am, ad)).unwrap_or(0);
    let same_month = m == am;
    match tense {
        // A day a few weeks back in a clause about the future is more often a comparison ("sera
        // accrue, contre 16 escadrons le 24 novembre") than next year's; a month just past is
        // next year's ("baisseront d'ici juin" in July).
        Tense::Future if diff < if d.is_some() { -45 } else { -7 } && !same_month => ay + 1,
        Tense::Past if diff > 7 && !same_month => ay - 1,
        Tense::Unknown if diff > 92 => ay - 1,
        Tense::Unknown if diff < -300 => ay + 1,
        _ => ay,
    }
}

/// How many days from the weekday `cur` to the nearest weekday `wd` (0 = Monday), before or
/// after: -3..=3.
fn nearest_offset(cur: i64, wd: i64) -> i64 {
    let last = -(cur - wd).rem_euclid(7);
    if last < -3 { last + 7 } else { last }
}

/// The day a weekday names: one the text gives in full within a week of the article that agrees
/// with the tense, else the next one (future) or the last one (past) as the tense says; without
/// a tense, the one the text gives, else the last one.
fn weekday_day(reference: Ymd, wd: u32, which: Occurrence, tense: Tense, days: &[Ymd]) -> Option<Ymd> {
    let r = day_index(reference)?;
    let cur = i64::from(weekday(reference.0, reference.1, reference.2));
    let wd_i = i64::from(wd);
    let offset = match which {
        Occurrence::Last => -((cur - wd_i - 1).rem_euclid(7) + 1),
        Occurrence::Next => (wd_i - cur - 1).rem_euclid(7) + 1,
        Occurrence::Coming => (wd_i - cur).rem_euclid(7),
        // "ce samedi" two days or less away is that one, before or after the article's day,
        // whatever the tense: "la forte mobilisation de ce samedi" on a Monday, "fermera ce
        // samedi" on a Friday (in every gold set it is never further). Further, the tense says.
        Occurrence::This if nearest_offset(cur, wd_i).abs() <= 2 => nearest_offset(cur, wd_i),
        Occurrence::Bare | Occurrence::This => {
            let given = days.iter().filter_map(|&d| {
                let i = day_index(d)?;
                ((i - r).abs() <= 6 && weekday(d.0, d.1, d.2) == wd).then_some(i - r)
            });
            let agrees = |o: &i64| match tense {
                Tense::Future => *o >= 0,
                Tense::Past => *o <= 0,
                Tense::Unknown => true,
            };
            let given: Vec<i64> = given.collect();
            let pick = given.iter().copied().filter(agrees).min_by_key(|o| o.abs());
            match (pick, tense) {
                (Some(o), _) => o,
                (None, Tense::Future) => (wd_i - cur).rem_euclid(7),
                (None, Tense::Past) => -(cur - wd_i).rem_euclid(7),
                (None, Tense::Unknown) => {
                    let last = -(cur - wd_i).rem_euclid(7);
                    let nearest = if which == Occurrence::This { nearest_offset(cur, wd_i) } else { last };
                    given.iter().copied().min_by_key(|o| o.abs()).unwrap_or(nearest)
                }
            }
        }
    };
    shift(reference, offset)
}
