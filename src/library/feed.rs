//! Feeds (RSS 0.9x/1.0/2.0, Atom, JSON Feed) through feed-rs: one article per item.

use feed_rs::model::{Entry, Feed, Text};

use super::txt::plain_paragraphs;
use super::{Article, Ctx, ItemWarning, LoadError, Loaded, clean, html_text};

/// `text` is already UTF-8 (decode.rs honoured BOMs and declared charsets), so the XML
/// declaration is dropped: feed-rs would otherwise decode the bytes a second time by it.
pub(crate) fn parse(text: &str, ctx: &Ctx<'_>) -> Result<Loaded, LoadError> {
    let xml = strip_xml_declaration(text);
    let first = parse_feed(xml);
    let mut repaired = false;
    let feed = match first {
        Ok(feed) if !feed.entries.is_empty() => feed,
        first => match super::xml_repair::repair(xml).map(|x| parse_feed(&x)) {
            Some(Ok(feed)) if first.as_ref().map_or(true, |f| feed.entries.len() > f.entries.len()) => {
                repaired = true;
                feed
            }
            _ => first?,
        },
    };
    let mut loaded = Loaded::default();
    let total = feed.entries.len();
    for (i, entry) in feed.entries.iter().enumerate() {
        if loaded.articles.len() >= ctx.limits.max_items_per_file {
            let max = ctx.limits.max_items_per_file;
            loaded
                .warnings
                .push(ItemWarning::new(None, format!("only the first {max} of {total} items were loaded")));
            break;
        }
        let n = i + 1;
        match article_from(&feed, entry) {
            Some(mut a) => {
                // Text that only parsed after repairs may differ from what was meant.
                a.damaged |= repaired;
                loaded.articles.push(a);
            }
            None => loaded
                .warnings
                .push(ItemWarning::new(Some(n), format!("item {n}: no text (no content or summary)"))),
        }
    }
    if total == 0 {
        loaded.warnings.push(ItemWarning::new(None, "feed has no items"));
    }
    Ok(loaded)
}

/// One feed-rs parse. A fresh parser each time: a feed-rs `Parser` keeps media state and
/// asserts if reused. Unwinding is caught as a last line of defence against a bug in the
/// parser on hostile input (the process panic hook still runs).
fn parse_feed(xml: &str) -> Result<Feed, LoadError> {
    let run = || feed_rs::parser::Builder::new().build().parse(xml.as_bytes());
    match std::panic::catch_unwind(run) {
        Ok(Ok(feed)) => Ok(feed),
        Ok(Err(e)) => Err(LoadError::Feed(e.to_string())),
        Err(_) => Err(LoadError::Feed("the feed parser crashed on this file".into())),
    }
}

fn strip_xml_declaration(text: &str) -> &str {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if t.starts_with("<?xml")
        && let Some(end) = t.find("?>")
    {
        return &t[end + 2..];
    }
    t
}

fn is_html(t: &Text) -> bool {
    let sub = t.content_type.subty().as_str();
    sub.eq_ignore_ascii_case("html")
        || sub.eq_ignore_ascii_case("xhtml+xml")
        || html_text::looks_like_html(&t.content)
}

fn text_paragraphs(body: &str, html: bool) -> Vec<String> {
    if html || html_text::looks_like_html(body) {
        html_text::fragment_paragraphs(body)
    } else {
        plain_paragraphs(body)
    }
}

fn article_from(feed: &Feed, entry: &Entry) -> Option<Article> {
    let from_content = entry.content.as_ref().and_then(|c| {
        let body = c.body.as_deref()?;
        let sub = c.content_type.subty().as_str().to_ascii_lowercase();
        Some(text_paragraphs(body, sub.contains("html")))
    });
    let paragraphs = from_content
        .filter(|p| !p.is_empty())
        .or_else(|| entry.summary.as_ref().map(|s| text_paragraphs(&s.content, is_html(s))))
        .filter(|p| !p.is_empty())
        .or_else(|| {
            entry
                .media
                .iter()
                .find_map(|m| m.description.as_ref())
                .map(|d| text_paragraphs(&d.content, is_html(d)))
        })?;
    let body = clean::body(&paragraphs);
    if body.is_empty() {
        return None;
    }
    let title = entry
        .title
        .as_ref()
        .map(|t| if is_html(t) { html_text::fragment_line(&t.content) } else { t.content.clone() })
        .unwrap_or_default();
    let names = |people: &[feed_rs::model::Person]| {
        let v: Vec<String> =
            people.iter().filter_map(|p| p.name.clone()).filter(|n| !n.trim().is_empty()).collect();
        (!v.is_empty()).then(|| v.join(", "))
    };
    let url = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.clone());
    let tags = entry.categories.iter().map(|c| c.label.clone().unwrap_or_else(|| c.term.clone())).collect();
    Some(Article {
        id: clean::hash_id(&[feed.id.as_bytes(), entry.id.as_bytes()]),
        title,
        body,
        date: entry.published.or(entry.updated).map(|d| d.to_rfc3339()),
        author: names(&entry.authors).or_else(|| names(&feed.authors)),
        source: feed
            .title
            .as_ref()
            .map(|t| if is_html(t) { html_text::fragment_line(&t.content) } else { t.content.clone() }),
        url,
        lang: entry.language.clone().or_else(|| feed.language.clone()),
        tags,
        ..Article::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Limits;
    use std::path::Path;

    fn run(text: &str) -> Result<Loaded, LoadError> {
        let limits = Limits::default();
        parse(text, &Ctx { id_base: Path::new("f.xml"), limits: &limits })
    }

    #[test]
    fn rss_items_become_articles() {
        let rss = r#"
<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Le Journal</title><link>https://j.example</link><language>fr</language>
<item><title>Premier</title><link>https://j.example/1</link><guid>g1</guid>
<description>&lt;p&gt;Un &lt;b&gt;texte&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Deux.&lt;/p&gt;</description>
<pubDate>Mon, 21 Nov 2022 10:00:00 GMT</pubDate><category>Afrique</category></item>
<item><title>Sans texte</title><link>https://j.example/2</link></item>
</channel></rss>"#;
        let l = run(rss).unwrap();
        assert_eq!(l.articles.len(), 1);
        let a = &l.articles[0];
        assert_eq!(a.title, "Premier");
        assert_eq!(a.body, "Un texte.\n\nDeux.");
        assert_eq!(a.source.as_deref(), Some("Le Journal"));
        assert_eq!(a.url.as_deref(), Some("https://j.example/1"));
        assert_eq!(a.date.as_deref(), Some("2022-11-21T10:00:00+00:00"));
        assert_eq!(a.lang.as_deref(), Some("fr"));
        assert_eq!(a.tags, ["Afrique"]);
        assert_eq!(l.warnings.len(), 1);
        assert_eq!(l.warnings[0].line, Some(2));
    }

    #[test]
    fn atom_and_truncated() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id>
<entry><id>urn:1</id><title type="html">&lt;i&gt;Hi&lt;/i&gt; there</title><updated>2020-01-02T03:04:05Z</updated>
<content type="html">&lt;p&gt;Body&lt;/p&gt;</content><author><name>Zed</name></author></entry></feed>"#;
        let l = run(atom).unwrap();
        assert_eq!(l.articles[0].title, "Hi there");
        assert_eq!(l.articles[0].author.as_deref(), Some("Zed"));
        assert!(run(&atom[..atom.len() / 2]).is_err() || run(&atom[..atom.len() / 2]).is_ok());
    }
}
