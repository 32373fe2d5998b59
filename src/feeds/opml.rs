//! OPML, the file feed readers exchange subscriptions in: reading (folders and `category`
//! become tags) and writing. Pure: text in, text out.

use quick_xml::events::{BytesStart, Event};

/// One feed found in (or written to) an OPML file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OpmlFeed {
    pub url: String,
    pub name: Option<String>,
    pub tags: Vec<String>,
}

/// The feeds of an OPML document, in document order. An outline without `xmlUrl` is a folder:
/// its title becomes a tag of the feeds inside it. Fails only when the XML is broken before
/// any feed was read.
pub fn parse(text: &str) -> Result<Vec<OpmlFeed>, String> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut feeds = Vec::new();
    // One entry per open <outline>: the folder name it adds, if it is a folder.
    let mut open: Vec<Option<String>> = Vec::new();
    let mut saw_opml = false;
    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) if feeds.is_empty() => {
                return Err(format!("malformed OPML at byte {}: {e}", reader.error_position()));
            }
            // Keep what was read before the damage.
            Err(_) => break,
        };
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref().eq_ignore_ascii_case("opml") => {
                saw_opml = true;
            }
            Event::Start(e) if is_outline(&e) => {
                let outline = read_outline(&e);
                if let Some(feed) = outline.as_feed(&open) {
                    feeds.push(feed);
                    open.push(None);
                } else {
                    open.push(outline.label());
                }
            }
            Event::Empty(e) if is_outline(&e) => {
                if let Some(feed) = read_outline(&e).as_feed(&open) {
                    feeds.push(feed);
                }
            }
            Event::End(e) if e.local_name().as_ref().eq_ignore_ascii_case("outline") => {
                open.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_opml {
        return Err("not an OPML file (no <opml> element)".into());
    }
    Ok(feeds)
}

fn is_outline(e: &BytesStart) -> bool {
    e.local_name().as_ref().eq_ignore_ascii_case("outline")
}

#[derive(Default)]
struct Outline {
    xml_url: Option<String>,
    title: Option<String>,
    text: Option<String>,
    category: Option<String>,
}

impl Outline {
    fn label(&self) -> Option<String> {
        self.title.clone().or_else(|| self.text.clone()).filter(|s| !s.is_empty())
    }

    fn as_feed(&self, open: &[Option<String>]) -> Option<OpmlFeed> {
        let url = self.xml_url.clone().filter(|u| !u.is_empty())?;
        let mut tags: Vec<String> = open.iter().flatten().cloned().collect();
        // `category` holds comma-separated tags or /slash/paths.
        for part in self.category.iter().flat_map(|c| c.split([',', '/'])) {
            let part = part.trim();
            if !part.is_empty() {
                tags.push(part.to_string());
            }
        }
        let mut unique = Vec::new();
        for t in tags {
            if !unique.contains(&t) {
                unique.push(t);
            }
        }
        Some(OpmlFeed { url, name: self.label(), tags: unique })
    }
}

fn read_outline(e: &BytesStart) -> Outline {
    let mut o = Outline::default();
    for attr in e.attributes().flatten() {
        // An undefined entity in one value costs that value its unescaping, not the import.
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map(|v| v.trim().to_string())
            .unwrap_or_else(|_| attr.value.trim().to_string());
        match attr.key.local_name().as_ref().to_ascii_lowercase().as_str() {
            "xmlurl" => o.xml_url = Some(value),
            "title" => o.title = Some(value),
            "text" => o.text = Some(value),
            "category" => o.category = Some(value),
            _ => {}
        }
    }
    o
}

/// An OPML 2.0 document listing `feeds` (tags go into `category`, comma-separated).
pub fn write(title: &str, feeds: &[OpmlFeed]) -> String {
    let esc = |s: &str| quick_xml::escape::escape(s).replace('\n', "&#10;");
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n");
    out.push_str(&format!("  <head>\n    <title>{}</title>\n  </head>\n  <body>\n", esc(title)));
    for f in feeds {
        let name = f.name.as_deref().unwrap_or(&f.url);
        out.push_str(&format!(
            "    <outline type=\"rss\" text=\"{}\" title=\"{}\" xmlUrl=\"{}\"",
            esc(name),
            esc(name),
            esc(&f.url)
        ));
        if !f.tags.is_empty() {
            // A comma inside a tag would split it on the way back in.
            let tags: Vec<String> = f.tags.iter().map(|t| t.replace([',', '/'], " ")).collect();
            out.push_str(&format!(" category=\"{}\"", esc(&tags.join(","))));
        }
        out.push_str("/>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_and_categories_become_tags() {
        let text = r#"<?xml version="1.0"?>
<opml version="1.0"><head><title>Mine</title></head><body>
  <outline text="News">
    <outline text="Le Monde" type="rss" xmlUrl="https://www.lemonde.fr/rss/une.xml" category="/fr,world"/>
    <outline title="Tech &amp; Co" text="ignored" xmlUrl="https://t.example/feed"></outline>
  </outline>
  <outline text="Loose" xmlUrl="http://l.example/rss" />
  <outline text="folder without feeds"/>
</body></opml>"#;
        let feeds = parse(text).unwrap();
        assert_eq!(
            feeds,
            vec![
                OpmlFeed {
                    url: "https://www.lemonde.fr/rss/une.xml".into(),
                    name: Some("Le Monde".into()),
                    tags: vec!["News".into(), "fr".into(), "world".into()],
                },
                OpmlFeed {
                    url: "https://t.example/feed".into(),
                    name: Some("Tech & Co".into()),
                    tags: vec!["News".into()],
                },
                OpmlFeed { url: "http://l.example/rss".into(), name: Some("Loose".into()), tags: vec![] },
            ]
        );
    }

    #[test]
    fn write_then_parse_round_trips() {
        let feeds = vec![
            OpmlFeed {
                url: "https://a.example/rss?x=1&y=2".into(),
                name: Some("A \"quoted\" <name>".into()),
                tags: vec!["one".into(), "two".into()],
            },
            OpmlFeed { url: "http://b.example/".into(), name: None, tags: vec![] },
        ];
        let text = write("byline", &feeds);
        let back = parse(&text).unwrap();
        assert_eq!(back[0], feeds[0]);
        assert_eq!(back[1].url, feeds[1].url);
        assert_eq!(back[1].name.as_deref(), Some("http://b.example/"));
    }

    #[test]
    fn broken_or_foreign_files_are_errors() {
        assert!(parse("<opml><body><outline xmlUrl=").is_err());
        assert!(parse("<rss><channel/></rss>").unwrap_err().contains("not an OPML"));
        assert!(parse("").is_err());
    }
}
