//! Calendar arithmetic (proleptic Gregorian) and the value formats of a date.

pub use crate::text::days_in_month;

/// (year, month, day).
pub type Ymd = (i32, u32, u32);

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

pub fn civil_from_days(z: i64) -> Ymd {
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

pub fn valid(y: i32, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// Day number of a valid date.
pub fn day_index(day: Ymd) -> Option<i64> {
    let (y, m, d) = day;
    valid(y, m, d).then(|| days_from_civil(y, m, d))
}

/// The day `offset` days from `day`.
pub fn shift(day: Ymd, offset: i64) -> Option<Ymd> {
    Some(civil_from_days(day_index(day)? + offset))
}

pub fn iso(day: Ymd) -> String {
    let (y, m, d) = day;
    format!("{y:04}-{m:02}-{d:02}")
}

pub fn iso_month(y: i32, m: u32) -> String {
    format!("{y:04}-{m:02}")
}

pub fn iso_year(y: i32) -> String {
    format!("{y:04}")
}

/// (y, m, d) of a "YYYY-MM-DD" value.
pub fn parse_day(value: &str) -> Option<Ymd> {
    let mut parts = value.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    parts.next().is_none().then_some((y, m, d))
}
