//! Dates as a reader wants them: stored as RFC 3339 (`2024-03-24T20:00:00+00:00`) or a bare
//! day (`2024-03-24`), shown in local time relative to now ("14:05" today, "yesterday", "Mon",
//! "3 Mar", "3 Mar 2023"), as ISO, or through a strftime pattern. Pure: "now" and the time
//! zone are given by the caller (the app reads the clock), so a screen drawn with the same
//! `now` is the same screen.

use std::fmt::Write;

use chrono::format::{Item, StrftimeItems};
use chrono::{DateTime, Datelike, FixedOffset, Local, NaiveDate, NaiveTime, Offset, Timelike, Utc};

/// How dates are shown in the story list and the article header (`[reader] date_format`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum DateFormat {
    /// Compact and relative to today: "14:05", "yesterday", "Mon", "3 Mar", "3 Mar 2023"; the
    /// header adds the time ("yesterday 14:05").
    #[default]
    Relative,
    /// As stored: "2024-03-24" in the list, "2024-03-24 20:00" (local time) in the header.
    Iso,
    /// A strftime pattern ("%d/%m/%Y %H:%M"), checked when the config is read; a day without a
    /// time leaves out nothing, its time is midnight.
    Pattern(String),
}

impl DateFormat {
    /// "relative", "iso", or a strftime pattern (it must hold a `%` specifier, all valid).
    pub fn parse(text: &str) -> Result<DateFormat, String> {
        match text.trim() {
            "relative" => Ok(DateFormat::Relative),
            "iso" => Ok(DateFormat::Iso),
            p if p.contains('%') => {
                if StrftimeItems::new(p).any(|i| matches!(i, Item::Error)) {
                    Err(format!("{p:?} is not a valid strftime pattern"))
                } else {
                    Ok(DateFormat::Pattern(p.to_string()))
                }
            }
            other => Err(format!(
                "{other:?}: expected \"relative\", \"iso\" or a strftime pattern such as \"%d %b %Y\""
            )),
        }
    }
}

/// The time zone dates are shown in. The reader uses the system's; the default (what tests
/// get) is UTC, so that a screen does not depend on the machine that draws it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// The system's (`TZ`, else /etc/localtime).
    Local,
    /// A fixed offset (tests; UTC is offset 0).
    Fixed(FixedOffset),
}

impl Default for Zone {
    fn default() -> Self {
        Zone::utc()
    }
}

impl Zone {
    pub fn utc() -> Zone {
        Zone::Fixed(Utc.fix())
    }

    fn convert(self, at: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
        match self {
            Zone::Local => at.with_timezone(&Local).fixed_offset(),
            Zone::Fixed(offset) => at.with_timezone(&offset),
        }
    }
}

/// What showing a date needs: the format, the zone, and the present moment (given by the app
/// at its edge; without it, relative dates are shown in full, as if from another year).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dates {
    pub format: DateFormat,
    pub zone: Zone,
    pub now: Option<DateTime<FixedOffset>>,
}

/// A stored date, read: a moment, or a day with no time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    At(DateTime<FixedOffset>),
    Day(NaiveDate),
}

fn read(stored: &str) -> Option<When> {
    let s = stored.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(s) {
        return Some(When::At(at));
    }
    // "2024-03-24 20:00:00+00:00" and friends.
    for f in ["%Y-%m-%d %H:%M:%S%:z", "%Y-%m-%dT%H:%M%:z", "%Y-%m-%d %H:%M%:z"] {
        if let Ok(at) = DateTime::parse_from_str(s, f) {
            return Some(When::At(at));
        }
    }
    NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok().map(When::Day)
}

const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

impl Dates {
    /// The date for a list row: short (at most 10 columns in the relative form). A date that
    /// cannot be read is shown as stored.
    pub fn short(&self, stored: &str) -> String {
        self.show(stored, false)
    }

    /// The date for the article header: the short form with the time of day when there is one.
    pub fn long(&self, stored: &str) -> String {
        self.show(stored, true)
    }

    fn show(&self, stored: &str, long: bool) -> String {
        let Some(when) = read(stored) else { return stored.trim().to_string() };
        let (day, time) = match when {
            When::At(at) => {
                let local = self.zone.convert(at);
                (local.date_naive(), Some((local.hour(), local.minute(), local)))
            }
            When::Day(day) => (day, None),
        };
        match &self.format {
            DateFormat::Iso => match time {
                Some((h, m, _)) if long => format!("{day} {h:02}:{m:02}"),
                _ => day.to_string(),
            },
            DateFormat::Pattern(p) => {
                let mut out = String::new();
                let items = StrftimeItems::new(p);
                let written = match time {
                    Some((_, _, local)) => write!(out, "{}", local.format_with_items(items)),
                    None => write!(out, "{}", day.and_time(NaiveTime::MIN).format_with_items(items)),
                };
                // A pattern a day cannot fill (a zone for a bare day): the day as ISO.
                if written.is_err() { day.to_string() } else { out }
            }
            DateFormat::Relative => {
                let today = self.now.map(|now| self.zone.convert(now).date_naive());
                let clock = time.map(|(h, m, _)| format!("{h:02}:{m:02}"));
                let named = relative_day(day, today);
                match (named, clock) {
                    (RelDay::Today, Some(c)) if !long => c,
                    (RelDay::Today, Some(c)) => format!("today {c}"),
                    (RelDay::Today, None) => "today".into(),
                    (d, Some(c)) if long => format!("{} {c}", d.text(day, true)),
                    (d, _) => d.text(day, long),
                }
            }
        }
    }
}

/// Where a day stands from today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RelDay {
    Today,
    Yesterday,
    /// Two to six days ago.
    ThisWeek,
    ThisYear,
    Other,
}

fn relative_day(day: NaiveDate, today: Option<NaiveDate>) -> RelDay {
    let Some(today) = today else { return RelDay::Other };
    match (today - day).num_days() {
        0 => RelDay::Today,
        1 => RelDay::Yesterday,
        2..=6 => RelDay::ThisWeek,
        _ if day.year() == today.year() => RelDay::ThisYear,
        _ => RelDay::Other,
    }
}

impl RelDay {
    fn text(self, day: NaiveDate, long: bool) -> String {
        let month = MONTHS[day.month0() as usize];
        let weekday = WEEKDAYS[day.weekday().num_days_from_monday() as usize];
        match self {
            RelDay::Today => "today".into(),
            RelDay::Yesterday => "yesterday".into(),
            RelDay::ThisWeek if long => format!("{weekday} {} {month}", day.day()),
            RelDay::ThisWeek => weekday.into(),
            RelDay::ThisYear if long => format!("{weekday} {} {month}", day.day()),
            RelDay::ThisYear => format!("{} {month}", day.day()),
            RelDay::Other => format!("{} {month} {}", day.day(), day.year()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(format: DateFormat) -> Dates {
        let now = DateTime::parse_from_rfc3339("2024-03-24T20:30:00+00:00").unwrap();
        Dates { format, zone: Zone::utc(), now: Some(now) }
    }

    #[test]
    fn relative_dates_are_compact_and_unambiguous() {
        let d = dates(DateFormat::Relative);
        let cases = [
            ("2024-03-24T14:05:00+00:00", "14:05", "today 14:05"),
            // Stored in another zone: shown in the reader's (here UTC).
            ("2024-03-24T16:05:00+02:00", "14:05", "today 14:05"),
            ("2024-03-23T23:59:00Z", "yesterday", "yesterday 23:59"),
            ("2024-03-19T08:00:00+00:00", "Tue", "Tue 19 Mar 08:00"),
            ("2024-03-03", "3 Mar", "Sun 3 Mar"),
            ("2024-03-24", "today", "today"),
            ("2023-12-31T10:00:00+00:00", "31 Dec 2023", "31 Dec 2023 10:00"),
            // A date to come (a scheduled item, a clock that is wrong).
            ("2024-05-01", "1 May", "Wed 1 May"),
            ("2025-01-01", "1 Jan 2025", "1 Jan 2025"),
            ("sometime in May", "sometime in May", "sometime in May"),
        ];
        for (stored, short, long) in cases {
            assert_eq!((d.short(stored).as_str(), d.long(stored).as_str()), (short, long), "{stored}");
        }
    }

    #[test]
    fn the_day_turns_at_local_midnight() {
        // 23:30 UTC on the 24th is already the 25th at UTC+2: "today" there, and the story of
        // 20:00 UTC is shown at 22:00.
        let mut d = dates(DateFormat::Relative);
        d.now = Some(DateTime::parse_from_rfc3339("2024-03-24T23:30:00+00:00").unwrap());
        d.zone = Zone::Fixed(FixedOffset::east_opt(2 * 3600).unwrap());
        assert_eq!(d.short("2024-03-24T20:00:00+00:00"), "yesterday");
        assert_eq!(d.long("2024-03-24T22:30:00+00:00"), "today 00:30");
    }

    #[test]
    fn without_now_dates_are_shown_in_full() {
        let d = Dates { now: None, ..dates(DateFormat::Relative) };
        assert_eq!(d.short("2024-03-24T14:05:00+00:00"), "24 Mar 2024");
        assert_eq!(d.long("2024-03-24T14:05:00+00:00"), "24 Mar 2024 14:05");
    }

    #[test]
    fn iso_and_patterns() {
        let iso = dates(DateFormat::Iso);
        assert_eq!(iso.short("2024-03-24T14:05:00+00:00"), "2024-03-24");
        assert_eq!(iso.long("2024-03-24T14:05:00+01:00"), "2024-03-24 13:05");
        let p = dates(DateFormat::parse("%d/%m/%Y %H:%M").unwrap());
        assert_eq!(p.short("2024-03-24T14:05:00+00:00"), "24/03/2024 14:05");
        assert_eq!(p.long("2024-03-24"), "24/03/2024 00:00");
        assert_eq!(DateFormat::parse(" relative "), Ok(DateFormat::Relative));
        assert!(DateFormat::parse("%Q %").is_err());
        assert!(DateFormat::parse("fancy").is_err());
    }
}
