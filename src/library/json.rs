//! JSON articles: one object, an array of objects, or JSON Lines. A JSON Feed is a feed.

use serde_json::Value;

use super::txt::plain_paragraphs as txt_paragraphs;
use super::{Article, Ctx, ItemWarning, LoadError, Loaded, clean, feed, html_text};

pub(crate) fn parse(text: &str, ctx: &Ctx<'_>) -> Result<Loaded, LoadError> {
    // serde_json refuses nesting deeper than 128, so `[[[[…` is an error, not a stack overflow.
    let value: Value = serde_json::from_str(text).map_err(|e| LoadError::Json {
        line: e.line(),
        column: e.column(),
        message: message_of(&e),
    })?;
    if is_json_feed(&value) {
        return feed::parse(text, ctx);
    }
    let mut loaded = Loaded::default();
    match value {
        Value::Object(_) => match article_from(&value) {
            Ok(a) => loaded.articles.push(a),
            Err(why) => return Err(LoadError::NotArticle(why)),
        },
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let n = i + 1;
                if loaded.articles.len() >= ctx.limits.max_items_per_file {
                    loaded.warnings.push(cap_warning(items.len(), ctx));
                    break;
                }
                match article_from(item) {
                    Ok(mut a) => {
                        if a.id.is_empty() {
                            a.id = ctx.item_id(n);
                        }
                        loaded.articles.push(a);
                    }
                    Err(why) => loaded.warnings.push(ItemWarning::new(Some(n), format!("item {n}: {why}"))),
                }
            }
        }
        other => {
            return Err(LoadError::NotArticle(format!("top-level JSON {} is not an article", kind(&other))));
        }
    }
    Ok(loaded)
}

/// JSON Lines: a bad line is reported and skipped, the good ones load.
pub(crate) fn parse_lines(text: &str, ctx: &Ctx<'_>) -> Result<Loaded, LoadError> {
    let mut loaded = Loaded::default();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        if loaded.articles.len() >= ctx.limits.max_items_per_file {
            loaded.warnings.push(cap_warning(text.lines().count(), ctx));
            break;
        }
        let parsed = serde_json::from_str::<Value>(line)
            .map_err(|e| format!("{} at column {}", message_of(&e), e.column()))
            .and_then(|v| article_from(&v));
        match parsed {
            Ok(mut a) => {
                if a.id.is_empty() {
                    a.id = ctx.item_id(n);
                }
                loaded.articles.push(a);
            }
            Err(why) => loaded.warnings.push(ItemWarning::new(Some(n), why)),
        }
    }
    Ok(loaded)
}

fn cap_warning(total: usize, ctx: &Ctx<'_>) -> ItemWarning {
    let max = ctx.limits.max_items_per_file;
    ItemWarning::new(None, format!("only the first {max} of {total} items were loaded"))
}

fn is_json_feed(v: &Value) -> bool {
    v.get("version").and_then(Value::as_str).is_some_and(|s| {
        s.starts_with("https://jsonfeed.org/version/") || s.starts_with("http://jsonfeed.org/version/")
    })
}

/// serde_json's message without its " at line L column C" tail.
fn message_of(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// A scalar as text; an author object gives its name.
fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Object(m) => m.get("name").and_then(scalar),
        _ => None,
    }
}

fn list(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) => items.iter().filter_map(scalar).collect(),
        Value::String(s) => s.split(',').map(|t| t.trim().to_owned()).collect(),
        other => scalar(other).into_iter().collect(),
    }
}

fn article_from(v: &Value) -> Result<Article, String> {
    let Value::Object(m) = v else {
        return Err(format!("expected an article object, found {}", kind(v)));
    };
    let get = |keys: &[&str]| keys.iter().find_map(|k| m.get(*k)).filter(|v| !v.is_null());
    let paragraphs: Vec<String> = match get(&["body", "text", "content"]) {
        Some(Value::String(s)) if html_text::looks_like_html(s) => html_text::fragment_paragraphs(s),
        Some(Value::String(s)) => txt_paragraphs(s),
        // A body given as a list of paragraphs.
        Some(Value::Array(items)) => items.iter().filter_map(scalar).collect(),
        Some(other) => return Err(format!("body is a {}, not text", kind(other))),
        None => return Err("no body (expected \"body\", \"text\" or \"content\")".into()),
    };
    let body = clean::body(&paragraphs);
    if body.is_empty() {
        return Err("empty body".into());
    }
    let given: std::sync::Arc<str> = match get(&["body", "text", "content"]) {
        Some(Value::String(s)) => s.as_str().into(),
        _ => paragraphs.join("\n\n").into(),
    };
    let one = |keys: &[&str]| get(keys).and_then(scalar);
    Ok(Article {
        id: one(&["id", "guid"]).unwrap_or_default(),
        title: one(&["title", "headline"]).unwrap_or_default(),
        body,
        date: one(&["date", "published", "date_published", "datePublished"]),
        author: get(&["author", "authors", "byline"]).map(|a| list(a).join(", ")),
        source: one(&["source", "publisher", "site"]),
        url: one(&["url", "link"]),
        lang: one(&["lang", "language"]),
        tags: get(&["tags", "keywords"]).map(list).unwrap_or_default(),
        given: Some(super::Given::Text(given)),
        ..Article::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Limits;
    use std::path::Path;

    fn ctx() -> (Limits, &'static Path) {
        (Limits::default(), Path::new("/tmp/x.json"))
    }

    #[test]
    fn object_with_aliases() {
        let (limits, p) = ctx();
        let c = Ctx { id_base: p, limits: &limits };
        let l = parse(
            r#"{"title":"T","text":"Para one.\n\nPara two.","tags":"a, b","author":{"name":"Ann"},"id":42}"#,
            &c,
        )
        .unwrap();
        let a = &l.articles[0];
        assert_eq!((a.title.as_str(), a.body.as_str()), ("T", "Para one.\n\nPara two."));
        assert_eq!(a.tags, ["a", "b"]);
        assert_eq!(a.author.as_deref(), Some("Ann"));
        assert_eq!(a.id, "42");
    }

    #[test]
    fn array_with_a_bad_item() {
        let (limits, p) = ctx();
        let c = Ctx { id_base: p, limits: &limits };
        let l = parse(r#"[{"body":"x"},{"title":"no body"},3]"#, &c).unwrap();
        assert_eq!(l.articles.len(), 1);
        assert_eq!(l.warnings.len(), 2);
        assert_eq!(l.warnings[0].line, Some(2));
    }

    #[test]
    fn jsonl_reports_bad_lines() {
        let (limits, p) = ctx();
        let c = Ctx { id_base: p, limits: &limits };
        let l = parse_lines("{\"body\":\"a\"}\n\n{oops\n{\"body\":\"b\"}\n", &c).unwrap();
        assert_eq!(l.articles.len(), 2);
        assert_eq!(l.warnings, [ItemWarning::new(Some(3), "key must be a string at column 2")]);
        assert_ne!(l.articles[0].id, l.articles[1].id);
    }

    #[test]
    fn malformed_and_deep_json_are_errors() {
        let (limits, p) = ctx();
        let c = Ctx { id_base: p, limits: &limits };
        assert!(matches!(parse("{\n\"a\": }", &c), Err(LoadError::Json { line: 2, .. })));
        let deep = "[".repeat(100_000);
        assert!(matches!(parse(&deep, &c), Err(LoadError::Json { .. })));
    }

    #[test]
    fn item_cap() {
        let limits = Limits { max_items_per_file: 2, ..Limits::default() };
        let c = Ctx { id_base: Path::new("a"), limits: &limits };
        let l = parse(r#"[{"body":"1"},{"body":"2"},{"body":"3"}]"#, &c).unwrap();
        assert_eq!(l.articles.len(), 2);
        assert_eq!(l.warnings.len(), 1);
    }
}
