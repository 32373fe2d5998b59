//! Markdown with optional YAML (`---`) or TOML (`+++`) front matter, stripped to plain text.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::{Article, LoadError, clean, html_text, yaml_depth};

/// Front-matter values reduced to what an article needs.
#[derive(Debug, Default)]
struct Meta {
    title: Option<String>,
    date: Option<String>,
    author: Option<String>,
    source: Option<String>,
    url: Option<String>,
    lang: Option<String>,
    tags: Vec<String>,
    id: Option<String>,
}

/// A front-matter value: a scalar, or a list of scalars.
enum Val {
    One(String),
    Many(Vec<String>),
}

impl Val {
    fn first(self) -> Option<String> {
        match self {
            Val::One(s) => Some(s),
            Val::Many(v) => v.into_iter().next(),
        }
    }
    fn joined(self) -> String {
        match self {
            Val::One(s) => s,
            Val::Many(v) => v.join(", "),
        }
    }
    /// Tags: a list, or a comma-separated string.
    fn list(self) -> Vec<String> {
        match self {
            Val::One(s) => s.split(',').map(|t| t.trim().to_owned()).collect(),
            Val::Many(v) => v,
        }
    }
}

pub(crate) fn parse(text: &str) -> Result<Option<Article>, LoadError> {
    let (meta, body) = split_front_matter(text)?;
    let (mut paragraphs, first_is_h1) = to_paragraphs(body);
    let mut title = meta.title.unwrap_or_default();
    // The opening `# Heading` is the title when there is none, and is dropped from the body
    // when it only repeats the title.
    if first_is_h1
        && let Some(first) = paragraphs.first()
        && (title.is_empty() || clean::field(&title) == clean::field(first))
    {
        title = paragraphs.remove(0);
    }
    let body = clean::body(&paragraphs);
    if body.is_empty() {
        return Ok(None);
    }
    Ok(Some(Article {
        id: meta.id.unwrap_or_default(),
        title,
        body,
        date: meta.date,
        author: meta.author,
        source: meta.source,
        url: meta.url,
        lang: meta.lang,
        tags: meta.tags,
        ..Article::default()
    }))
}

/// Splits off front matter delimited by `---` (YAML) or `+++` (TOML) lines.
fn split_front_matter(text: &str) -> Result<(Meta, &str), LoadError> {
    let t = text.trim_start_matches(['\u{feff}', '\n', '\r', ' ']);
    for (fence, yaml) in [("---", true), ("+++", false)] {
        let Some(after) = t.strip_prefix(fence) else {
            continue;
        };
        let Some(after) = after.strip_prefix('\n').or_else(|| after.strip_prefix("\r\n")) else {
            continue;
        };
        // The closing fence is a line of its own (YAML also allows `...`).
        let mut offset = 0;
        for line in after.split_inclusive('\n') {
            let l = line.trim_end();
            if l == fence || (yaml && l == "...") {
                let raw = &after[..offset];
                let body = &after[offset + line.len()..];
                let meta = if yaml { yaml_meta(raw)? } else { toml_meta(raw)? };
                return Ok((meta, body));
            }
            offset += line.len();
        }
        return Err(LoadError::FrontMatter(format!("no closing {fence} line")));
    }
    Ok((Meta::default(), t))
}

fn yaml_meta(raw: &str) -> Result<Meta, LoadError> {
    if raw.trim().is_empty() {
        return Ok(Meta::default());
    }
    // The parser takes time quadratic in how deeply flow collections nest: refuse deep ones
    // before it runs.
    if let Some(line) = yaml_depth::too_deep(raw, yaml_depth::MAX_DEPTH) {
        return Err(LoadError::FrontMatter(format!(
            "YAML nested more than {} levels deep at line {line}",
            yaml_depth::MAX_DEPTH
        )));
    }
    let value: serde_norway::Value =
        serde_norway::from_str(raw).map_err(|e| LoadError::FrontMatter(format!("YAML: {e}")))?;
    let serde_norway::Value::Mapping(map) = value else {
        return Err(LoadError::FrontMatter("YAML front matter is not a mapping".into()));
    };
    let mut pairs = Vec::new();
    for (k, v) in map {
        if let (Some(k), Some(v)) = (k.as_str().map(str::to_ascii_lowercase), yaml_val(v)) {
            pairs.push((k, v));
        }
    }
    Ok(meta_from(pairs))
}

fn yaml_scalar(v: &serde_norway::Value) -> Option<String> {
    use serde_norway::Value as Y;
    match v {
        Y::String(s) => Some(s.clone()),
        Y::Number(n) => Some(n.to_string()),
        Y::Bool(b) => Some(b.to_string()),
        // `author: {name: …}`
        Y::Mapping(m) => m.get("name").and_then(yaml_scalar),
        Y::Tagged(t) => yaml_scalar(&t.value),
        _ => None,
    }
}

fn yaml_val(v: serde_norway::Value) -> Option<Val> {
    match v {
        serde_norway::Value::Sequence(items) => {
            Some(Val::Many(items.iter().filter_map(yaml_scalar).collect()))
        }
        other => yaml_scalar(&other).map(Val::One),
    }
}

fn toml_meta(raw: &str) -> Result<Meta, LoadError> {
    let table: toml::Table =
        raw.parse().map_err(|e: toml::de::Error| LoadError::FrontMatter(format!("TOML: {}", e.message())))?;
    let pairs =
        table.into_iter().filter_map(|(k, v)| toml_val(&v).map(|v| (k.to_ascii_lowercase(), v))).collect();
    Ok(meta_from(pairs))
}

fn toml_scalar(v: &toml::Value) -> Option<String> {
    match v {
        toml::Value::String(s) => Some(s.clone()),
        toml::Value::Integer(i) => Some(i.to_string()),
        toml::Value::Float(f) => Some(f.to_string()),
        toml::Value::Boolean(b) => Some(b.to_string()),
        // Dates stay ISO strings, as written.
        toml::Value::Datetime(d) => Some(d.to_string()),
        toml::Value::Table(t) => t.get("name").and_then(toml_scalar),
        toml::Value::Array(_) => None,
    }
}

fn toml_val(v: &toml::Value) -> Option<Val> {
    match v {
        toml::Value::Array(items) => Some(Val::Many(items.iter().filter_map(toml_scalar).collect())),
        other => toml_scalar(other).map(Val::One),
    }
}

fn meta_from(pairs: Vec<(String, Val)>) -> Meta {
    let mut m = Meta::default();
    for (k, v) in pairs {
        match k.as_str() {
            "title" => m.title = v.first(),
            "date" | "published" | "pubdate" => m.date = m.date.or(v.first()),
            "author" | "authors" => m.author = Some(v.joined()),
            "source" | "publisher" | "site" => m.source = v.first(),
            "url" | "link" | "canonical" => m.url = v.first(),
            "lang" | "language" => m.lang = v.first(),
            "tags" | "keywords" | "categories" => m.tags.extend(v.list()),
            "id" => m.id = v.first(),
            _ => {}
        }
    }
    m
}

/// Markdown to paragraphs; also says whether the first block was a level-1 heading.
fn to_paragraphs(md: &str) -> (Vec<String>, bool) {
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut first_h1 = false;
    let mut image_depth = 0usize;
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        if !cur.trim().is_empty() {
            out.push(std::mem::take(cur));
        }
        cur.clear();
    };
    for event in Parser::new_ext(md, opts) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut cur, &mut out);
                if level == HeadingLevel::H1 && out.is_empty() {
                    first_h1 = true;
                }
            }
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            Event::Start(
                Tag::Paragraph
                | Tag::Item
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::TableRow
                | Tag::TableHead
                | Tag::FootnoteDefinition(_),
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::FootnoteDefinition,
            ) => flush(&mut cur, &mut out),
            Event::End(TagEnd::CodeBlock) => {
                // Code keeps its lines: one paragraph each, since a paragraph is one line.
                for line in std::mem::take(&mut cur).lines() {
                    if !line.trim().is_empty() {
                        out.push(line.to_owned());
                    }
                }
            }
            Event::End(TagEnd::TableCell) => cur.push_str(" | "),
            Event::Text(t) | Event::Code(t) if image_depth == 0 => cur.push_str(&t),
            Event::SoftBreak | Event::HardBreak => cur.push(' '),
            Event::Html(h) => {
                flush(&mut cur, &mut out);
                out.extend(html_text::fragment_paragraphs(&h));
            }
            Event::InlineHtml(_) => {}
            _ => {}
        }
    }
    flush(&mut cur, &mut out);
    for p in &mut out {
        let trimmed = p.trim_end().trim_end_matches('|').trim_end();
        p.truncate(trimmed.len());
    }
    (out, first_h1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter_and_stripping() {
        let md = "---\ntitle: \"Le Mali signe\"\ndate: 2022-11-21\nauthor: [A. B, C. D]\ntags: mali, russie\nlang: FR\n---\n\n# Le Mali signe\n\nUn *accord* de **sécurité** avec [la Russie](https://x.example).\n\n## Contexte\n\n- premier point\n- second `point`\n\n```\nlet x = 1;\nlet y = 2;\n```\n\n> Une citation\n> sur deux lignes.\n";
        let a = parse(md).unwrap().unwrap();
        assert_eq!(a.title, "Le Mali signe");
        assert_eq!(a.date.as_deref(), Some("2022-11-21"));
        assert_eq!(a.author.as_deref(), Some("A. B, C. D"));
        assert_eq!(a.tags, ["mali", "russie"]);
        assert_eq!(
            a.body,
            "Un accord de sécurité avec la Russie.\n\nContexte\n\npremier point\n\nsecond point\n\nlet x = 1;\n\nlet y = 2;\n\nUne citation sur deux lignes."
        );
    }

    #[test]
    fn toml_front_matter_with_native_date() {
        let md = "+++\ntitle = \"T\"\ndate = 2022-11-21T10:00:00Z\ntags = [\"a\", \"b\"]\nauthor = { name = \"Ann\" }\n+++\nBody ![alt text](i.png) text.\n";
        let a = parse(md).unwrap().unwrap();
        assert_eq!(a.title, "T");
        assert_eq!(a.date.as_deref(), Some("2022-11-21T10:00:00Z"));
        assert_eq!(a.tags, ["a", "b"]);
        assert_eq!(a.author.as_deref(), Some("Ann"));
        assert_eq!(a.body, "Body text.");
    }

    #[test]
    fn heading_is_title_without_front_matter() {
        let a = parse("# My title\n\nText *here*.\n").unwrap().unwrap();
        assert_eq!((a.title.as_str(), a.body.as_str()), ("My title", "Text here."));
    }

    #[test]
    fn deeply_nested_front_matter_is_refused_at_once() {
        for (open, close) in [("[", "]"), ("[{a: ", "}]")] {
            let n = 400_000 / open.len() / 2;
            let md = format!("---\ntitle: {}{}\n---\nBody.\n", open.repeat(n), close.repeat(n));
            // The YAML parser took 85 s to refuse the first one: it is refused before parsing.
            let err = parse(&md).unwrap_err().to_string();
            assert!(err.contains("nested more than 64 levels deep at line 1"), "{err}");
        }
        let md = "---\ntitle: \"[[[[\"\ntags: [a, [b]]\n---\nBody.\n";
        assert_eq!(parse(md).unwrap().unwrap().title, "[[[[");
    }

    #[test]
    fn bad_front_matter_is_an_error() {
        assert!(parse("---\ntitle: [unclosed\n---\nx\n").is_err());
        assert!(parse("---\ntitle: x\nno end\n").is_err());
        assert!(parse("+++\n= broken\n+++\nx\n").is_err());
    }
}
