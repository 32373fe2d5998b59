//! Feeds (RSS 0.9x/1.0/2.0, Atom, JSON Feed) through feed-rs: one article per item.

use std::borrow::Cow;

use feed_rs::model::{Entry, Feed, Text};

use super::txt::plain_paragraphs;
use super::{Article, Ctx, ItemWarning, LoadError, Loaded, clean, html_text};

/// `text` is already UTF-8 (decode.rs honoured BOMs and declared charsets), so the XML
/// declaration is dropped: feed-rs would otherwise decode the bytes a second time by it.
pub(crate) fn parse(text: &str, ctx: &Ctx<'_>) -> Result<Loaded, LoadError> {
    let (feed, repaired) = parse_repairing(text, &Options::default())?;
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

#[derive(Default)]
struct Options {
    /// Where the feed came from, to resolve relative links.
    base_url: Option<String>,
    /// Leave items without an id of their own with an empty one.
    own_ids_only: bool,
}

/// Parses, and retries on a repaired copy when the text as given yields no items (or fewer).
/// `true` when the repaired copy was used.
fn parse_repairing(text: &str, options: &Options) -> Result<(Feed, bool), LoadError> {
    let declared = strip_xml_declaration(text);
    let xml = super::xml_repair::expand_internal_entities(&declared);
    let first = parse_feed(&xml, options);
    Ok(match first {
        Ok(feed) if !feed.entries.is_empty() => (feed, false),
        first => match super::xml_repair::repair(&xml).map(|x| parse_feed(&x, options)) {
            Some(Ok(feed)) if first.as_ref().map_or(true, |f| feed.entries.len() > f.entries.len()) => {
                (feed, true)
            }
            // The parser crashed on the text as given and the repaired copy says what is wrong.
            Some(Err(second)) if matches!(&first, Err(LoadError::Feed(m)) if m == PARSER_CRASHED) => {
                return Err(second);
            }
            _ => (first?, false),
        },
    })
}

/// One item of a downloaded feed: what identifies it, and the article made of it.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedItem {
    /// The item's own identifier (RSS guid, Atom id, JSON Feed id), when it has one.
    pub guid: Option<String>,
    /// Title, date, author, source, link, language and tags; `body` is empty when the item
    /// carries no text of its own (a link-only feed).
    pub article: Article,
}

/// A downloaded feed: its title and items, in feed order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FeedDoc {
    pub title: Option<String>,
    pub items: Vec<FeedItem>,
    /// Items past `max_items_per_file`, left out.
    pub dropped: usize,
}

/// The items of a feed document (already decoded to UTF-8). Unlike the file loader, items
/// without text are kept (their page may be fetched), and item ids are the feed's own.
pub(crate) fn items(text: &str, base_url: Option<&str>, max_items: usize) -> Result<FeedDoc, LoadError> {
    let options = Options { base_url: base_url.map(str::to_string), own_ids_only: true };
    let (feed, repaired) = parse_repairing(text, &options)?;
    let total = feed.entries.len();
    let items = feed
        .entries
        .iter()
        .take(max_items)
        .map(|entry| {
            let mut article = article_meta(&feed, entry);
            if let Some((body, given)) = entry_body(entry).or_else(|| title_only(&article)) {
                article.body = body;
                article.given = Some(super::Given::Text(given.into()));
            }
            article.damaged |= repaired;
            let guid = Some(entry.id.trim()).filter(|id| !id.is_empty()).map(str::to_string);
            FeedItem { guid, article }
        })
        .collect();
    Ok(FeedDoc { title: feed_title(&feed), items, dropped: total.saturating_sub(max_items) })
}

const PARSER_CRASHED: &str = "the feed parser crashed on this file";

/// One feed-rs parse. A fresh parser each time: a feed-rs `Parser` keeps media state and
/// asserts if reused. A panic in it (quick-xml asserts on some encodings declared late) is
/// caught as a last line of defence and the file is reported as skipped.
fn parse_feed(xml: &str, options: &Options) -> Result<Feed, LoadError> {
    let run = || {
        let mut builder = feed_rs::parser::Builder::new().base_uri(options.base_url.as_deref());
        if options.own_ids_only {
            // An empty id says "the feed gave none" instead of one made up from the title.
            builder = builder.id_generator(|_, _, _| String::new());
        }
        builder.build().parse(xml.as_bytes())
    };
    match super::catch_parser_panic(run).ok_or(()) {
        Ok(Ok(feed)) => Ok(feed),
        // feed-rs says "no root element" of an <rss> with no <channel> too.
        Ok(Err(e)) if e.to_string().ends_with("no root element") => {
            Err(LoadError::Feed("no channel or entries inside the root element".into()))
        }
        Ok(Err(e)) => Err(LoadError::Feed(e.to_string())),
        Err(_) => Err(LoadError::Feed(PARSER_CRASHED.into())),
    }
}

fn strip_xml_declaration(text: &str) -> Cow<'_, str> {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    // Comments before the declaration are not well-formed XML, but feeds have them: skip
    // them to find it, and keep them.
    let mut rest = t;
    while let Some(after) = rest.trim_start().strip_prefix("<!--") {
        match after.find("-->") {
            Some(end) => rest = &after[end + 3..],
            None => break,
        }
    }
    let rest_trimmed = rest.trim_start();
    if rest_trimmed.starts_with("<?xml")
        && let Some(end) = rest_trimmed.find("?>")
    {
        let before = &t[..t.len() - rest_trimmed.len()];
        let after = &rest_trimmed[end + 2..];
        return if before.is_empty() { Cow::Borrowed(after) } else { Cow::Owned(format!("{before}{after}")) };
    }
    Cow::Borrowed(t)
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
    let mut article = article_meta(feed, entry);
    let (body, given) = entry_body(entry).or_else(|| title_only(&article))?;
    article.body = body;
    article.given = Some(super::Given::Text(given.into()));
    article.id = clean::hash_id(&[feed.id.as_bytes(), entry.id.as_bytes()]);
    Some(article)
}

/// The text of an item that has a title or a link but no text of its own (link aggregators,
/// RDF feeds): its title, else its link, so that it is kept as a story — the reader shows it,
/// `o` opens it, full-text fetching replaces it with the page's text.
fn title_only(meta: &Article) -> Option<(String, String)> {
    let text = Some(meta.title.trim()).filter(|t| !t.is_empty()).or(meta.url.as_deref())?;
    let body = clean::body([text]);
    (!body.is_empty()).then(|| (body, text.to_string()))
}

fn feed_title(feed: &Feed) -> Option<String> {
    feed.title
        .as_ref()
        .map(|t| if is_html(t) { html_text::fragment_line(&t.content) } else { t.content.clone() })
}

/// The item's text: its content, else its summary, else a media description, with that
/// field's own text as the feed gives it; `None` when it has none.
fn entry_body(entry: &Entry) -> Option<(String, String)> {
    let from_content = entry.content.as_ref().and_then(|c| {
        let body = c.body.as_deref()?;
        let sub = c.content_type.subty().as_str().to_ascii_lowercase();
        Some((text_paragraphs(body, sub.contains("html")), body))
    });
    let (paragraphs, given) = from_content
        .filter(|(p, _)| !p.is_empty())
        .or_else(|| {
            entry.summary.as_ref().map(|s| (text_paragraphs(&s.content, is_html(s)), s.content.as_str()))
        })
        .filter(|(p, _)| !p.is_empty())
        .or_else(|| {
            entry
                .media
                .iter()
                .find_map(|m| m.description.as_ref())
                .map(|d| (text_paragraphs(&d.content, is_html(d)), d.content.as_str()))
        })?;
    let body = clean::body(&paragraphs);
    (!body.is_empty()).then(|| (body, given.to_string()))
}

/// Everything about an item but its text and id.
fn article_meta(feed: &Feed, entry: &Entry) -> Article {
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
    Article {
        title,
        date: entry.published.or(entry.updated).map(|d| d.to_rfc3339()),
        author: names(&entry.authors).or_else(|| names(&feed.authors)),
        source: feed_title(feed),
        url,
        lang: entry.language.clone().or_else(|| feed.language.clone()),
        tags,
        ..Article::default()
    }
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
        assert_eq!(l.articles.len(), 2, "an item with a title and no text is kept");
        let a = &l.articles[0];
        assert_eq!(a.title, "Premier");
        assert_eq!(a.body, "Un texte.\n\nDeux.");
        assert_eq!(a.source.as_deref(), Some("Le Journal"));
        assert_eq!(a.url.as_deref(), Some("https://j.example/1"));
        assert_eq!(a.date.as_deref(), Some("2022-11-21T10:00:00+00:00"));
        assert_eq!(a.lang.as_deref(), Some("fr"));
        assert_eq!(a.tags, ["Afrique"]);
        let bare = &l.articles[1];
        assert_eq!((bare.title.as_str(), bare.body.as_str()), ("Sans texte", "Sans texte"));
        assert_eq!(bare.url.as_deref(), Some("https://j.example/2"));
        assert!(l.warnings.is_empty());
        // Neither a title nor a link: nothing to show, said as before.
        let empty =
            run(r#"<rss version="2.0"><channel><title>J</title><item><guid>x</guid></item></channel></rss>"#);
        assert!(empty.is_ok_and(|l| l.articles.is_empty() && l.warnings.len() == 1));
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

    #[test]
    fn items_keep_their_own_ids_links_and_textless_entries() {
        let rss = r#"<rss version="2.0"><channel><title>J</title>
<item><title>One</title><link>/a/1</link><guid>tag:j,1</guid><description>Text one.</description></item>
<item><title>Link only</title><link>https://j.example/2</link></item>
<item><title>No id</title><description>Three.</description></item>
</channel></rss>"#;
        let doc = items(rss, Some("https://j.example/feed.xml"), 10).unwrap();
        assert_eq!(doc.title.as_deref(), Some("J"));
        assert_eq!(doc.items.len(), 3);
        assert_eq!(doc.items[0].guid.as_deref(), Some("tag:j,1"));
        assert_eq!(doc.items[0].article.url.as_deref(), Some("https://j.example/a/1"));
        assert_eq!(doc.items[0].article.body, "Text one.");
        assert_eq!(doc.items[1].article.body, "Link only", "kept, its title for its text");
        assert_eq!(doc.items[1].article.title, "Link only");
        assert_eq!(doc.items[2].guid, None);
        let capped = items(rss, None, 2).unwrap();
        assert_eq!((capped.items.len(), capped.dropped), (2, 1));
    }

    #[test]
    fn a_declaration_after_comments_is_dropped_and_the_comments_kept() {
        let t = "<!-- hi -->\n<?xml version=\"1.0\"?>\n<rss/>";
        assert_eq!(strip_xml_declaration(t), "<!-- hi -->\n\n<rss/>");
        assert_eq!(strip_xml_declaration("\n<?xml version=\"1.0\"?><rss/>"), "<rss/>");
        assert_eq!(strip_xml_declaration("<rss/>"), "<rss/>");
    }
}
