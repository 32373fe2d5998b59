//! A query (`text::query`) evaluated over the story list: the metadata terms (unread, starred,
//! tag, feed/source, lang, since/until) on each `StoryMeta`; the words, phrases and entities by
//! the stories the store found for each (`Found`, filled by `service::query`). Pure.

use std::collections::{HashMap, HashSet};

use super::{SearchHit, StoryFields};
use crate::extract::{civil_from_days, days_from_civil};
use crate::text::days_in_month;
use crate::text::fold::fold_str;
use crate::text::query::{DateSpec, Expr, Term, Unit};

/// What the store answered for a query, for `library::filter` to finish over the rows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outcome {
    /// Today, as a day number (for `since:7d`).
    pub today: i64,
    /// The words and phrases every match holds (as the search box writes them) and the
    /// full-text search's ranked hits for them, with snippets; `None` without such words.
    pub ranked: Option<(String, Vec<SearchHit>)>,
    /// The rest of the query, and what the store found for its words, phrases and entities.
    pub rest: Expr,
    pub found: Found,
}

impl Outcome {
    pub fn context(&self) -> Context<'_> {
        Context { today: self.today, found: &self.found }
    }
}

/// The stories (ids) the store found for each word, phrase and entity of a query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    sets: HashMap<String, HashSet<String>>,
}

impl Found {
    /// Records the stories that hold `term`.
    pub fn insert(&mut self, term: &Term, ids: impl IntoIterator<Item = String>) {
        if let Some(key) = store_key(term) {
            self.sets.entry(key).or_default().extend(ids);
        }
    }

    fn has(&self, term: &Term, id: &str) -> bool {
        store_key(term).and_then(|k| self.sets.get(&k)).is_some_and(|s| s.contains(id))
    }
}

/// The key of a term the store answers (words, phrases, entities); `None` for the others.
pub fn store_key(term: &Term) -> Option<String> {
    match term {
        Term::Word(w) => Some(format!("word {w}")),
        Term::Phrase(p) => Some(format!("phrase {p}")),
        Term::Entity(e) => Some(format!("entity {}", fold_str(e))),
        _ => None,
    }
}

/// What a query is evaluated against besides the story: today (days since 1970-01-01, for
/// `since:7d`) and what the store found.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub today: i64,
    pub found: &'a Found,
}

/// Whether the story matches the query. A term about something the story does not have (no
/// date, no language) does not match; its negation does.
pub fn matches<S: StoryFields + ?Sized>(expr: &Expr, meta: &S, ctx: Context) -> bool {
    match expr {
        Expr::All(v) => v.iter().all(|e| matches(e, meta, ctx)),
        Expr::Any(v) => v.iter().any(|e| matches(e, meta, ctx)),
        Expr::Not(e) => !matches(e, meta, ctx),
        Expr::Term(t) => term_matches(t, meta, ctx),
    }
}

fn term_matches<S: StoryFields + ?Sized>(term: &Term, meta: &S, ctx: Context) -> bool {
    let contains =
        |field: Option<&str>, part: &str| field.is_some_and(|f| fold_str(f).contains(&fold_str(part)));
    match term {
        Term::Unread => !meta.read(),
        Term::Read => meta.read(),
        Term::Starred => meta.starred(),
        Term::Tag(tag) => {
            let tag = fold_str(tag);
            meta.tags().iter().any(|t| fold_str(t) == tag)
        }
        Term::Source(name) => contains(meta.source(), name),
        Term::Lang(lang) => meta.lang().is_some_and(|l| l.eq_ignore_ascii_case(lang)),
        Term::Since(spec) => {
            day_of(meta).is_some_and(|d| d.as_bytes() >= day_key(*spec, ctx.today).as_bytes())
        }
        Term::Until(spec) => {
            day_of(meta).is_some_and(|d| d.as_bytes() <= day_key(*spec, ctx.today).as_bytes())
        }
        Term::Word(_) | Term::Phrase(_) | Term::Entity(_) => ctx.found.has(term, meta.id()),
        // Expanded before evaluation; one left over names nothing.
        Term::Saved(_) => false,
    }
}

/// The story's day as `YYYY-MM-DD`, when its date starts with one.
fn day_of<S: StoryFields + ?Sized>(meta: &S) -> Option<&str> {
    let day = meta.date()?.get(..10)?;
    let b = day.as_bytes();
    let shape =
        b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() });
    shape.then_some(day)
}

/// `expr` with each relative date term (`since:7d`) made the day it means `today`
/// (`since:2024-03-08`): worked out once for a query, not again for every story.
pub fn with_days(expr: Expr, today: i64) -> Expr {
    let day = |spec| {
        let (year, month, day) = civil(spec, today);
        DateSpec::Day { year, month, day }
    };
    match expr {
        Expr::All(v) => Expr::All(v.into_iter().map(|e| with_days(e, today)).collect()),
        Expr::Any(v) => Expr::Any(v.into_iter().map(|e| with_days(e, today)).collect()),
        Expr::Not(e) => Expr::Not(Box::new(with_days(*e, today))),
        Expr::Term(Term::Since(spec)) => Expr::Term(Term::Since(day(spec))),
        Expr::Term(Term::Until(spec)) => Expr::Term(Term::Until(day(spec))),
        Expr::Term(t) => Expr::Term(t),
    }
}

/// A day as `YYYY-MM-DD`, written without allocating (a filter compares every story's
/// date with it); a year of other than four digits is formatted.
enum DayKey {
    Bytes([u8; 10]),
    Text(String),
}

impl DayKey {
    fn as_bytes(&self) -> &[u8] {
        match self {
            DayKey::Bytes(b) => b,
            DayKey::Text(t) => t.as_bytes(),
        }
    }
}

fn day_key(spec: DateSpec, today: i64) -> DayKey {
    let (year, month, day) = civil(spec, today);
    let (Ok(y), true, true) = (u32::try_from(year), year <= 9999, month <= 99 && day <= 99) else {
        return DayKey::Text(resolve(spec, today));
    };
    let digit = |n: u32| b'0' + (n % 10) as u8;
    DayKey::Bytes([
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(month / 10),
        digit(month),
        b'-',
        digit(day / 10),
        digit(day),
    ])
}

/// The day a date term means, as `YYYY-MM-DD`.
pub fn resolve(spec: DateSpec, today: i64) -> String {
    let (year, month, day) = civil(spec, today);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The day a date term means: (year, month, day).
fn civil(spec: DateSpec, today: i64) -> (i32, u32, u32) {
    match spec {
        DateSpec::Day { year, month, day } => (year, month, day),
        DateSpec::Ago { n, unit: Unit::Days } => civil_from_days(today - i64::from(n)),
        DateSpec::Ago { n, unit: Unit::Weeks } => civil_from_days(today - 7 * i64::from(n)),
        DateSpec::Ago { n, unit } => {
            let (y, m, d) = civil_from_days(today);
            let months = if unit == Unit::Years { 12 * i64::from(n) } else { i64::from(n) };
            let index = i64::from(y) * 12 + i64::from(m) - 1 - months;
            let (y, m) = (index.div_euclid(12) as i32, index.rem_euclid(12) as u32 + 1);
            (y, m, d.min(days_in_month(y, m)))
        }
    }
}

/// Today's day number from a Unix time in seconds (UTC).
pub fn day_number(unix_secs: u64) -> i64 {
    (unix_secs / 86_400) as i64
}

/// `YYYY-MM-DD` of a day number.
pub fn day_string(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The day number of `YYYY-MM-DD`.
pub fn day_from_string(s: &str) -> Option<i64> {
    let mut parts = s.get(..10)?.split('-').map(|p| p.parse::<u32>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    Some(days_from_civil(y as i32, m, d))
}

/// The stories of `stories` that match, in their order; `HashSet` of ids for quick lookups.
pub fn matching_ids<S: StoryFields>(
    expr: &Expr,
    stories: impl IntoIterator<Item = S>,
    ctx: Context,
) -> HashSet<String> {
    stories.into_iter().filter(|m| matches(expr, m, ctx)).map(|m| m.id().to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::StoryMeta;
    use crate::text::query::parse;

    fn story(
        id: &str,
        date: &str,
        source: &str,
        lang: &str,
        tags: &[&str],
        read: bool,
        starred: bool,
    ) -> StoryMeta {
        StoryMeta {
            id: id.into(),
            title: id.into(),
            date: (!date.is_empty()).then(|| date.into()),
            source: Some(source.into()),
            lang: Some(lang.into()),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            read,
            starred,
            ..StoryMeta::default()
        }
    }

    fn library() -> Vec<StoryMeta> {
        vec![
            story(
                "a",
                "2024-03-10T08:00:00+01:00",
                "Le Monde — International",
                "fr",
                &["Afrique", "Mali"],
                false,
                true,
            ),
            story("b", "2024-02-01", "BBC News", "en", &["world"], true, false),
            story("c", "", "Radio France Internationale", "fr", &["Économie"], false, false),
            story("d", "2023-12-31", "BBC Sport", "en", &[], true, true),
        ]
    }

    fn run(query: &str, found: &Found) -> Vec<String> {
        let today = day_from_string("2024-03-15").unwrap();
        let expr = parse(query).unwrap();
        let run = |expr: &Expr| -> Vec<String> {
            library()
                .iter()
                .filter(|m| matches(expr, m, Context { today, found }))
                .map(|m| m.id.clone())
                .collect()
        };
        let found = run(&expr);
        // Relative dates made days once for the query (`with_days`) match the same stories.
        assert_eq!(run(&with_days(expr, today)), found, "{query}");
        found
    }

    #[test]
    fn metadata_terms() {
        let none = Found::default();
        assert_eq!(run("unread", &none), ["a", "c"]);
        assert_eq!(run("starred -unread", &none), ["d"]);
        assert_eq!(run("read", &none), ["b", "d"]);
        assert_eq!(run("tag:mali", &none), ["a"], "tags whole, case ignored");
        assert_eq!(run("tag:economie", &none), ["c"], "accents ignored");
        assert_eq!(run("tag:mal", &none), Vec::<String>::new());
        assert_eq!(run("feed:bbc", &none), ["b", "d"], "a part of the name");
        assert_eq!(run("source:\"monde — inter\"", &none), ["a"]);
        assert_eq!(run("source:france", &none), ["c"]);
        assert_eq!(run("lang:FR", &none), ["a", "c"]);
        assert_eq!(run("-lang:fr", &none), ["b", "d"]);
        assert_eq!(run("", &none), ["a", "b", "c", "d"]);
        assert_eq!(run("lang:fr OR starred", &none), ["a", "c", "d"]);
    }

    #[test]
    fn dates_absolute_and_relative() {
        let none = Found::default();
        assert_eq!(run("since:2024-02-01", &none), ["a", "b"], "inclusive; no date never matches");
        assert_eq!(run("until:2024-01-31", &none), ["d"]);
        assert_eq!(run("since:7d", &none), ["a"]);
        assert_eq!(run("since:2w", &none), ["a"]);
        assert_eq!(run("since:2m", &none), ["a", "b"]);
        assert_eq!(run("since:1y", &none), ["a", "b", "d"]);
        assert_eq!(run("-since:7d", &none), ["b", "c", "d"], "the undated story is not recent");
        let today = day_from_string("2024-03-31").unwrap();
        assert_eq!(resolve(DateSpec::Ago { n: 1, unit: Unit::Months }, today), "2024-02-29");
        assert_eq!(resolve(DateSpec::Ago { n: 3, unit: Unit::Months }, today), "2023-12-31");
        assert_eq!(
            resolve(DateSpec::Ago { n: 1, unit: Unit::Years }, day_from_string("2024-02-29").unwrap()),
            "2023-02-28"
        );
        assert_eq!(day_string(day_number(86_400 * 365)), "1971-01-01");
    }

    #[test]
    fn store_terms_use_what_the_store_found() {
        let mut found = Found::default();
        found.insert(&Term::Word("mali".into()), ["a".to_string(), "c".to_string()]);
        found.insert(&Term::Entity("Tony Blair".into()), ["b".to_string()]);
        assert_eq!(run("mali", &found), ["a", "c"]);
        assert_eq!(run("mali -unread", &found), Vec::<String>::new());
        assert_eq!(run("-mali lang:en", &found), ["b", "d"]);
        assert_eq!(run("entity:\"tony  BLAIR\"", &found), ["b"], "the name as folded");
        assert_eq!(run("russie", &found), Vec::<String>::new(), "a term not looked up matches nothing");
    }
}
