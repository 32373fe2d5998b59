//! The query language of the story list, `byline list` and `byline search`, parsed into a
//! typed tree. Pure: text in, tree (or an error at a character) out; evaluating it is the
//! library's (`library::filter`) and the store's (words, phrases, entities).
//!
//! ```text
//! query    := or
//! or       := and ("OR" and)*
//! and      := unary*                      terms side by side must all match
//! unary    := "-" unary | "(" or ")" | term
//! term     := "unread" | "read" | "starred"
//!           | FIELD ":" value             tag feed source lang since until entity
//!           | "@" NAME                    a saved query
//!           | "\"" words "\"" | word      full-text search (prefix* too)
//! value    := word | "\"" words "\""
//! date     := YYYY-MM-DD | N(d|w|m|y)    since:/until:, days weeks months years ago
//! ```

use std::fmt;

use super::days_in_month;

/// A parsed query: terms combined by AND, OR and NOT. `All(vec![])` matches every story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    All(Vec<Expr>),
    Any(Vec<Expr>),
    Not(Box<Expr>),
    Term(Term),
}

/// The empty query: every story.
impl Default for Expr {
    fn default() -> Self {
        Expr::All(Vec::new())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    Unread,
    Read,
    Starred,
    /// A tag, whole (case and accents ignored).
    Tag(String),
    /// Part of the story's feed or source name (case and accents ignored).
    Source(String),
    Lang(String),
    Since(DateSpec),
    Until(DateSpec),
    /// Stories that mention an entity, under any of its names.
    Entity(String),
    /// A word of the text (a trailing `*` makes it a prefix).
    Word(String),
    /// Words that follow each other in the text.
    Phrase(String),
    /// A saved query, by name (`@NAME`), until `Expr::expand` puts it in.
    Saved(String),
}

/// A day: as written, or some time before today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSpec {
    Day { year: i32, month: u32, day: u32 },
    Ago { n: u32, unit: Unit },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Days,
    Weeks,
    Months,
    Years,
}

/// What is wrong with a query, and where: `at` counts characters from 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    pub at: usize,
    pub message: String,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at character {})", self.message, self.at + 1)
    }
}

impl std::error::Error for QueryError {}

impl QueryError {
    fn new(at: usize, message: impl Into<String>) -> QueryError {
        QueryError { at, message: message.into() }
    }

    /// Two lines: the query (tabs and controls as spaces), then a caret under the character
    /// at fault, for a terminal.
    pub fn caret(&self, input: &str) -> String {
        let line: String = input.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        let pad: usize =
            line.chars().take(self.at).map(|c| crate::text::display_width(c.encode_utf8(&mut [0; 4]))).sum();
        format!("{line}\n{}^", " ".repeat(pad))
    }

    /// One line for a status bar: the query with the character at fault bracketed, then what
    /// is wrong.
    pub fn marked(&self, input: &str) -> String {
        let mut out = String::new();
        let mut chars = input.chars().map(|c| if c.is_control() { ' ' } else { c });
        out.extend(chars.by_ref().take(self.at));
        match chars.next() {
            Some(c) => {
                out.push('⟦');
                out.push(c);
                out.push('⟧');
                out.extend(chars);
            }
            None => out.push_str("⟦⟧"),
        }
        format!("{out} · {}", self.message)
    }
}

/// The fields a `name:value` term may name.
pub const FIELDS: [&str; 7] = ["tag", "feed", "source", "lang", "since", "until", "entity"];

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    /// A bare word (may be `field:value`, handled by the parser), with its value quoted or not.
    Word(String),
    /// `field:"quoted value"`: field, value, where the value starts.
    Field(String, String, usize),
    Phrase(String),
    Minus,
    Open,
    Close,
}

/// Splits the query into tokens with the character each starts at.
fn lex(input: &str) -> Result<Vec<(usize, Tok)>, QueryError> {
    let chars: Vec<char> = input.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    let quoted = |start: usize| -> Result<(String, usize), QueryError> {
        // `start` is the opening quote; returns the inside and the index after the closing one.
        let mut j = start + 1;
        while j < chars.len() && !is_quote(chars[j]) {
            j += 1;
        }
        if j >= chars.len() {
            return Err(QueryError::new(start, "this quote is not closed"));
        }
        Ok((chars[start + 1..j].iter().collect(), j + 1))
    };
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if is_quote(c) {
            let (inside, next) = quoted(i)?;
            toks.push((i, Tok::Phrase(inside)));
            i = next;
        } else if c == '(' {
            toks.push((i, Tok::Open));
            i += 1;
        } else if c == ')' {
            toks.push((i, Tok::Close));
            i += 1;
        } else if c == '-' {
            toks.push((i, Tok::Minus));
            i += 1;
        } else {
            let start = i;
            while i < chars.len()
                && !chars[i].is_whitespace()
                && !is_quote(chars[i])
                && !matches!(chars[i], '(' | ')')
            {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            if word.ends_with(':')
                && i < chars.len()
                && is_quote(chars[i])
                && field_name(&word[..word.len() - 1])
            {
                let (inside, next) = quoted(i)?;
                toks.push((start, Tok::Field(word[..word.len() - 1].to_string(), inside, i + 1)));
                i = next;
            } else {
                toks.push((start, Tok::Word(word)));
            }
        }
    }
    Ok(toks)
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»')
}

/// Whether `name` looks like a field name (letters only), known or not.
fn field_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic())
}

struct Parser {
    toks: Vec<(usize, Tok)>,
    pos: usize,
    /// Characters in the input, for errors at its end.
    len: usize,
}

/// Parses a query. Never panics; an empty query is `Expr::All(vec![])`.
pub fn parse(input: &str) -> Result<Expr, QueryError> {
    let mut p = Parser { toks: lex(input)?, pos: 0, len: input.chars().count() };
    let expr = p.or(0)?;
    if let Some((at, _)) = p.toks.get(p.pos) {
        return Err(QueryError::new(*at, "this closing parenthesis has no opening one"));
    }
    Ok(expr)
}

/// Parentheses nested deeper than this are refused (the parser recurses on them).
const MAX_DEPTH: usize = 32;

impl Parser {
    fn peek(&self) -> Option<&(usize, Tok)> {
        self.toks.get(self.pos)
    }

    fn is_or(&self) -> bool {
        matches!(self.peek(), Some((_, Tok::Word(w))) if w == "OR")
    }

    fn or(&mut self, depth: usize) -> Result<Expr, QueryError> {
        let mut alternatives = vec![self.and(depth)?];
        while self.is_or() {
            let at = self.toks[self.pos].0;
            self.pos += 1;
            let next = self.and(depth)?;
            if next == Expr::All(vec![]) {
                return Err(QueryError::new(at, "OR needs a term on both sides"));
            }
            alternatives.push(next);
        }
        if alternatives.len() == 1 {
            return Ok(alternatives.remove(0));
        }
        if alternatives.contains(&Expr::All(vec![])) {
            let at =
                self.toks.iter().find(|(_, t)| matches!(t, Tok::Word(w) if w == "OR")).map_or(0, |(a, _)| *a);
            return Err(QueryError::new(at, "OR needs a term on both sides"));
        }
        Ok(Expr::Any(alternatives))
    }

    fn and(&mut self, depth: usize) -> Result<Expr, QueryError> {
        let mut terms = Vec::new();
        while let Some((_, tok)) = self.peek() {
            if matches!(tok, Tok::Close) || self.is_or() {
                break;
            }
            if let Some(t) = self.unary(depth)? {
                terms.push(t);
            }
        }
        Ok(if terms.len() == 1 { terms.remove(0) } else { Expr::All(terms) })
    }

    /// One term, negated or in parentheses; `None` for a word that searches nothing
    /// (punctuation only).
    fn unary(&mut self, depth: usize) -> Result<Option<Expr>, QueryError> {
        let Some((at, tok)) = self.toks.get(self.pos).cloned() else {
            return Err(QueryError::new(self.len, "a term is missing here"));
        };
        self.pos += 1;
        match tok {
            Tok::Minus => {
                match self.peek() {
                    None => return Err(QueryError::new(at, "nothing after this minus to leave out")),
                    Some((_, Tok::Close)) => {
                        return Err(QueryError::new(at, "nothing after this minus to leave out"));
                    }
                    Some((next, _)) if *next != at + 1 => {
                        return Err(QueryError::new(at, "a minus goes right before the term it leaves out"));
                    }
                    _ => {}
                }
                if self.is_or() {
                    return Err(QueryError::new(at, "a minus cannot leave out OR"));
                }
                if depth >= MAX_DEPTH {
                    return Err(QueryError::new(at, "minus signs nested too deep"));
                }
                match self.unary(depth + 1)? {
                    Some(e) => Ok(Some(Expr::Not(Box::new(e)))),
                    None => Err(QueryError::new(at + 1, "nothing here to leave out")),
                }
            }
            Tok::Open => {
                if depth >= MAX_DEPTH {
                    return Err(QueryError::new(at, "parentheses nested too deep"));
                }
                let inner = self.or(depth + 1)?;
                match self.peek() {
                    Some((_, Tok::Close)) => self.pos += 1,
                    _ => return Err(QueryError::new(at, "this parenthesis is not closed")),
                }
                if inner == Expr::All(vec![]) {
                    return Err(QueryError::new(at, "nothing inside these parentheses"));
                }
                Ok(Some(inner))
            }
            Tok::Close => Err(QueryError::new(at, "this closing parenthesis has no opening one")),
            Tok::Phrase(p) => {
                let words = p.split_whitespace().collect::<Vec<_>>().join(" ");
                if !words.chars().any(char::is_alphanumeric) {
                    return Err(QueryError::new(at, "nothing to search for between these quotes"));
                }
                Ok(Some(Expr::Term(Term::Phrase(words))))
            }
            Tok::Field(name, value, value_at) => field(&name, at, &value, value_at).map(Some),
            Tok::Word(w) => word(&w, at),
        }
    }
}

fn word(w: &str, at: usize) -> Result<Option<Expr>, QueryError> {
    match w {
        "unread" => return Ok(Some(Expr::Term(Term::Unread))),
        "read" => return Ok(Some(Expr::Term(Term::Read))),
        "starred" => return Ok(Some(Expr::Term(Term::Starred))),
        _ => {}
    }
    if let Some(name) = w.strip_prefix('@') {
        if name.is_empty() {
            return Err(QueryError::new(at, "@ needs the name of a saved query"));
        }
        return Ok(Some(Expr::Term(Term::Saved(name.to_string()))));
    }
    // `name:value` with a letters-only name is a field; an unknown one is an error (a typo of a
    // field), unless nothing or a `/` follows the colon: a word before a colon, an address.
    let known = |name: &str| FIELDS.contains(&name.to_ascii_lowercase().as_str());
    if let Some((name, value)) = w.split_once(':')
        && field_name(name)
        && (known(name) || !(value.is_empty() || value.starts_with('/')))
    {
        let value_at = at + name.chars().count() + 1;
        return field(name, at, value, value_at).map(Some);
    }
    if !w.chars().any(char::is_alphanumeric) {
        return Ok(None);
    }
    Ok(Some(Expr::Term(Term::Word(w.to_string()))))
}

fn field(name: &str, at: usize, value: &str, value_at: usize) -> Result<Expr, QueryError> {
    let lower = name.to_ascii_lowercase();
    if !FIELDS.contains(&lower.as_str()) {
        return Err(QueryError::new(at, format!("unknown field {name:?} (fields: {})", FIELDS.join(", "))));
    }
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if value.is_empty() {
        return Err(QueryError::new(value_at, format!("{lower}: needs a value")));
    }
    let term = match lower.as_str() {
        "tag" => Term::Tag(value),
        "feed" | "source" => Term::Source(value),
        "lang" => Term::Lang(value.to_lowercase()),
        "entity" => Term::Entity(value),
        "since" => Term::Since(date(&value, value_at)?),
        _ => Term::Until(date(&value, value_at)?),
    };
    Ok(Expr::Term(term))
}

/// `2024-03-01`, or `7d`, `2w`, `3m`, `1y` (days, weeks, months, years ago).
fn date(value: &str, at: usize) -> Result<DateSpec, QueryError> {
    let bad = |offset: usize, what: &str| QueryError::new(at + offset, what.to_string());
    if let Some(last) = value.chars().last()
        && last.is_ascii_alphabetic()
    {
        let digits = &value[..value.len() - last.len_utf8()];
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(bad(
                0,
                "a date is YYYY-MM-DD or a number of days, weeks, months or years (7d, 2w, 3m, 1y)",
            ));
        }
        let unit = match last.to_ascii_lowercase() {
            'd' => Unit::Days,
            'w' => Unit::Weeks,
            'm' => Unit::Months,
            'y' => Unit::Years,
            _ => return Err(bad(digits.len(), "the unit is d (days), w (weeks), m (months) or y (years)")),
        };
        let n: u32 = digits.parse().ok().filter(|&n| n <= 100_000).ok_or_else(|| bad(0, "too far back"))?;
        return Ok(DateSpec::Ago { n, unit });
    }
    let parts: Vec<&str> = value.split('-').collect();
    let number = |i: usize, len: usize| -> Option<u32> {
        let p = parts.get(i)?;
        (p.len() == len && p.chars().all(|c| c.is_ascii_digit())).then(|| p.parse().ok()).flatten()
    };
    let shape = "a date is YYYY-MM-DD or a number of days, weeks, months or years (7d, 2w, 3m, 1y)";
    let (Some(year), Some(month), Some(day)) = (number(0, 4), number(1, 2), number(2, 2)) else {
        return Err(bad(0, shape));
    };
    if parts.len() != 3 {
        return Err(bad(0, shape));
    }
    if !(1..=12).contains(&month) {
        return Err(bad(5, "no such month"));
    }
    if day == 0 || day > days_in_month(year as i32, month) {
        return Err(bad(8, "no such day in that month"));
    }
    Ok(DateSpec::Day { year: year as i32, month, day })
}

/// A saved query (`[[queries]]` in the config): its name and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedQuery {
    pub name: String,
    pub query: String,
}

/// Parses a query and puts in the saved queries it names (`@NAME`). A saved query cannot name
/// another; an unknown name is an error at its `@`.
pub fn parse_with(input: &str, saved: &[SavedQuery]) -> Result<Expr, QueryError> {
    let expr = parse(input)?;
    let lookup = |name: &str| {
        let s = saved.iter().find(|s| s.name.eq_ignore_ascii_case(name))?;
        parse(&s.query).ok().filter(|e| !e.terms().iter().any(|t| matches!(t, Term::Saved(_))))
    };
    expr.expand(&lookup).map_err(|message| {
        // Point at the first `@` of a name that is not saved.
        let at = input
            .char_indices()
            .filter(|(_, c)| *c == '@')
            .find(|(i, _)| {
                let name: String =
                    input[i + 1..].chars().take_while(|c| !c.is_whitespace() && *c != ')').collect();
                lookup(&name).is_none()
            })
            .map_or(0, |(i, _)| input[..i].chars().count());
        QueryError { at, message }
    })
}

impl Expr {
    /// Every term, in order (inside negations and alternatives too).
    pub fn terms(&self) -> Vec<&Term> {
        let mut out = Vec::new();
        self.walk(&mut |t| out.push(t));
        out
    }

    fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Term)) {
        match self {
            Expr::All(v) | Expr::Any(v) => v.iter().for_each(|e| e.walk(f)),
            Expr::Not(e) => e.walk(f),
            Expr::Term(t) => f(t),
        }
    }

    /// The saved queries it names put in (`saved` gives a name's query, already expanded);
    /// an unknown name is an error naming it.
    pub fn expand(self, saved: &dyn Fn(&str) -> Option<Expr>) -> Result<Expr, String> {
        Ok(match self {
            Expr::All(v) => Expr::All(v.into_iter().map(|e| e.expand(saved)).collect::<Result<_, _>>()?),
            Expr::Any(v) => Expr::Any(v.into_iter().map(|e| e.expand(saved)).collect::<Result<_, _>>()?),
            Expr::Not(e) => Expr::Not(Box::new(e.expand(saved)?)),
            Expr::Term(Term::Saved(name)) => {
                saved(&name).ok_or_else(|| format!("no saved query is called {name:?}"))?
            }
            t => t,
        })
    }

    /// Splits off the words and phrases that every match must contain (those ANDed at the
    /// top, not negated): the full-text search ranks by them and takes its snippets around
    /// them. Returns them as the search box writes them (phrases quoted) and what is left.
    pub fn split_text(self) -> (String, Expr) {
        let terms = match self {
            Expr::All(v) => v,
            e => vec![e],
        };
        let mut text = Vec::new();
        let mut rest = Vec::new();
        for t in terms {
            match t {
                Expr::Term(Term::Word(w)) => text.push(w),
                Expr::Term(Term::Phrase(p)) => text.push(format!("\"{p}\"")),
                e => rest.push(e),
            }
        }
        let rest = if rest.len() == 1 { rest.remove(0) } else { Expr::All(rest) };
        (text.join(" "), rest)
    }

    /// Whether it matches every story (no term at all).
    pub fn is_everything(&self) -> bool {
        matches!(self, Expr::All(v) if v.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(t: Term) -> Expr {
        Expr::Term(t)
    }

    fn err(input: &str) -> QueryError {
        match parse(input) {
            Err(e) => e,
            Ok(e) => panic!("{input:?} parsed as {e:?}"),
        }
    }

    #[test]
    fn every_term_kind() {
        let q = parse(
            "unread read starred tag:Monde feed:bbc source:Le_Monde lang:FR since:2024-03-01 until:7d \
             entity:\"Tony Blair\" sécurité \"coup d'État\" mali* @matin",
        )
        .unwrap();
        assert_eq!(
            q,
            Expr::All(vec![
                term(Term::Unread),
                term(Term::Read),
                term(Term::Starred),
                term(Term::Tag("Monde".into())),
                term(Term::Source("bbc".into())),
                term(Term::Source("Le_Monde".into())),
                term(Term::Lang("fr".into())),
                term(Term::Since(DateSpec::Day { year: 2024, month: 3, day: 1 })),
                term(Term::Until(DateSpec::Ago { n: 7, unit: Unit::Days })),
                term(Term::Entity("Tony Blair".into())),
                term(Term::Word("sécurité".into())),
                term(Term::Phrase("coup d'État".into())),
                term(Term::Word("mali*".into())),
                term(Term::Saved("matin".into())),
            ])
        );
        let units: Vec<Expr> =
            ["2w", "3m", "1y"].iter().map(|u| parse(&format!("since:{u}")).unwrap()).collect();
        assert_eq!(
            units,
            [Unit::Weeks, Unit::Months, Unit::Years].map(|unit| term(Term::Since(DateSpec::Ago {
                n: if unit == Unit::Weeks {
                    2
                } else if unit == Unit::Months {
                    3
                } else {
                    1
                },
                unit
            })))
        );
    }

    #[test]
    fn negation_or_and_parentheses() {
        assert_eq!(parse("-tag:sport").unwrap(), Expr::Not(Box::new(term(Term::Tag("sport".into())))));
        assert_eq!(
            parse("mali -\"coup d'etat\" -unread").unwrap(),
            Expr::All(vec![
                term(Term::Word("mali".into())),
                Expr::Not(Box::new(term(Term::Phrase("coup d'etat".into())))),
                Expr::Not(Box::new(term(Term::Unread))),
            ])
        );
        assert_eq!(
            parse("lang:fr OR lang:en starred").unwrap(),
            Expr::Any(vec![
                term(Term::Lang("fr".into())),
                Expr::All(vec![term(Term::Lang("en".into())), term(Term::Starred)]),
            ])
        );
        assert_eq!(
            parse("-(tag:a OR tag:b)").unwrap(),
            Expr::Not(Box::new(Expr::Any(vec![term(Term::Tag("a".into())), term(Term::Tag("b".into()))])))
        );
        // "or" in lower case is a word; so is a word with a hyphen inside.
        assert_eq!(
            parse("or porte-parole").unwrap(),
            Expr::All(vec![term(Term::Word("or".into())), term(Term::Word("porte-parole".into()))])
        );
    }

    #[test]
    fn quoting() {
        assert_eq!(parse("«  la   Russie »").unwrap(), term(Term::Phrase("la Russie".into())));
        assert_eq!(parse("entity:“Assimi Goïta”").unwrap(), term(Term::Entity("Assimi Goïta".into())));
        assert_eq!(parse("source:\"Le Monde\"").unwrap(), term(Term::Source("Le Monde".into())));
        // Punctuation alone searches nothing, as in the search box before.
        assert_eq!(parse("— ,").unwrap(), Expr::All(vec![]));
        assert_eq!(parse("   ").unwrap(), Expr::All(vec![]));
        // A colon after something that is not a field name is part of the word.
        assert_eq!(parse("10:30").unwrap(), term(Term::Word("10:30".into())));
        assert_eq!(parse("Bamako:").unwrap(), term(Term::Word("Bamako:".into())));
        assert_eq!(parse("https://x.example/a").unwrap(), term(Term::Word("https://x.example/a".into())));
    }

    #[test]
    fn errors_point_at_the_character() {
        let cases: [(&str, usize, &str); 14] = [
            ("mali \"coup d'etat", 5, "not closed"),
            ("foo:bar", 0, "unknown field"),
            ("unread bogus:x", 7, "unknown field"),
            ("tag:", 4, "needs a value"),
            ("since:2024-13-01", 11, "no such month"),
            ("since:2024-02-30", 14, "no such day"),
            ("until:yesterday", 6, "a date is"),
            ("since:7x", 7, "the unit"),
            ("mali -", 5, "nothing after"),
            ("- mali", 0, "right before"),
            ("(tag:a", 0, "not closed"),
            ("tag:a)", 5, "no opening"),
            ("OR mali", 0, "both sides"),
            ("@", 0, "saved query"),
        ];
        for (input, at, says) in cases {
            let e = err(input);
            assert_eq!(e.at, at, "{input:?}: {e}");
            assert!(e.message.contains(says), "{input:?}: {e}");
        }
        assert_eq!(err("mali OR").at, 5);
        assert_eq!(err("é tag:").at, 6, "positions count characters, not bytes");
        assert_eq!(err("\"\"").message, "nothing to search for between these quotes");
    }

    #[test]
    fn errors_are_shown_with_a_caret_and_marked() {
        let e = err("unread bogus:x");
        assert_eq!(e.caret("unread bogus:x"), "unread bogus:x\n       ^");
        assert_eq!(e.marked("unread bogus:x").split(" · ").next(), Some("unread ⟦b⟧ogus:x"));
        let e = err("tag:");
        assert_eq!(e.marked("tag:"), "tag:⟦⟧ · tag: needs a value");
        // Wide characters take two columns.
        let e = err("東京 foo:x");
        assert_eq!(e.caret("東京 foo:x"), "東京 foo:x\n     ^");
    }

    #[test]
    fn saved_queries_expand_and_text_splits_off() {
        let saved = |name: &str| (name == "matin").then(|| parse("unread lang:fr").unwrap());
        let q = parse("@matin mali -tag:sport").unwrap().expand(&saved).unwrap();
        assert_eq!(q.terms().len(), 4);
        assert!(parse("@soir").unwrap().expand(&saved).unwrap_err().contains("soir"));
        let (text, rest) = parse("mali \"la Russie\" -tag:sport").unwrap().split_text();
        assert_eq!(text, "mali \"la Russie\"");
        assert_eq!(rest, Expr::Not(Box::new(term(Term::Tag("sport".into())))));
        let (text, rest) = parse("securite russie").unwrap().split_text();
        assert_eq!((text.as_str(), rest.is_everything()), ("securite russie", true));
    }

    #[test]
    fn deep_parentheses_are_refused_not_overflowed() {
        let deep = format!("{}a{}", "(".repeat(10_000), ")".repeat(10_000));
        assert!(err(&deep).message.contains("too deep"));
        assert!(parse(&"-".repeat(10_000)).is_err());
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_errors_point_inside(input in "\\PC{0,40}|[-()\"«»:@ a-zOR]{0,30}|(tag|since|until|entity|lang|feed):[-0-9a-z\"]{0,12}") {
            match parse(&input) {
                Ok(_) => {}
                Err(e) => {
                    proptest::prop_assert!(e.at <= input.chars().count());
                    let _ = e.caret(&input);
                    let _ = e.marked(&input);
                }
            }
        }
    }
}
