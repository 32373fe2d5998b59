//! HTML pages: metadata from `<meta>` tags, main text by a readability-style score.
//!
//! Every text unit of 25+ chars scores 1 + its commas + one point per 100 chars (at most 3),
//! lowered by its link density, and gives that score to the five elements above its block
//! (fully to the parent, halved to the grandparent, then a third, …). Containers start from
//! a score set by their tag and by class/id hints. The best container after a link-density
//! penalty wins; siblings that score close to it (or are clean paragraphs) join it.

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node, Selector};

use super::html_text::{self, Strictness, Unit};
use super::{Article, clean};

pub(crate) fn parse(text: &str) -> Option<Article> {
    let doc = Html::parse_document(&super::html_depth::cap_nesting(text));
    let meta = Meta::read(&doc);
    let mut paragraphs = extract(&doc, Strictness::Classes);
    if paragraphs.iter().map(|u| u.chars()).sum::<usize>() < 250 {
        // Class hints can be wrong (a whole site called "sidebar-layout"): retry without them.
        let lenient = extract(&doc, Strictness::Tags);
        if lenient.iter().map(|u| u.chars()).sum::<usize>()
            > paragraphs.iter().map(|u| u.chars()).sum::<usize>()
        {
            paragraphs = lenient;
        }
    }
    let title = meta.title.clone().unwrap_or_default();
    // The headline is the title, not body text.
    let norm_title = normalize(&title);
    while let Some(first) = paragraphs.first() {
        let same = !norm_title.is_empty() && normalize(&first.text) == norm_title;
        if same || (first.block == "h1" && paragraphs.len() > 1) {
            paragraphs.remove(0);
        } else {
            break;
        }
    }
    let body = clean::body(paragraphs.iter().map(|u| u.text.as_str()));
    if body.is_empty() {
        return None;
    }
    Some(Article {
        title,
        body,
        date: meta.date,
        author: meta.author,
        source: meta.source,
        url: meta.url,
        lang: meta.lang,
        tags: meta.tags,
        ..Article::default()
    })
}

fn normalize(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

#[derive(Debug, Default)]
struct Meta {
    title: Option<String>,
    date: Option<String>,
    author: Option<String>,
    source: Option<String>,
    url: Option<String>,
    lang: Option<String>,
    tags: Vec<String>,
}

fn sel(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

impl Meta {
    fn read(doc: &Html) -> Meta {
        let mut named: HashMap<String, String> = HashMap::new();
        let mut tags = Vec::new();
        if let Some(s) = sel("meta") {
            for m in doc.select(&s) {
                let el = m.value();
                let Some(content) = el.attr("content").map(str::trim).filter(|c| !c.is_empty()) else {
                    continue;
                };
                for key in [el.attr("property"), el.attr("name"), el.attr("itemprop")].into_iter().flatten() {
                    // `property` may hold several space-separated names.
                    for k in key.split_whitespace() {
                        let k = k.to_ascii_lowercase();
                        if k == "article:tag" {
                            tags.push(content.to_owned());
                        }
                        named.entry(k).or_insert_with(|| content.to_owned());
                    }
                }
            }
        }
        let get = |keys: &[&str]| keys.iter().find_map(|k| named.get(*k).cloned());
        let first_text = |css: &str| {
            sel(css).and_then(|s| {
                doc.select(&s).map(|e| clean::field(&html_text::element_text(e))).find(|t| !t.is_empty())
            })
        };
        let attr_of = |css: &str, attr: &str| {
            sel(css).and_then(|s| doc.select(&s).find_map(|e| e.value().attr(attr).map(str::to_owned)))
        };
        let title = get(&["og:title", "twitter:title", "dc.title", "headline"])
            .or_else(|| first_text("h1"))
            .or_else(|| first_text("title"));
        let author =
            get(&["author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author"])
                .filter(|a| !a.starts_with("http"))
                .or_else(|| first_text("[rel=author], [itemprop=author] [itemprop=name], .byline .author"));
        let date = get(&[
            "article:published_time",
            "datepublished",
            "date",
            "dc.date",
            "dc.date.issued",
            "pubdate",
            "publish-date",
            "sailthru.date",
            "article:modified_time",
        ])
        .or_else(|| attr_of("time[datetime]", "datetime"));
        let url = get(&["og:url"]).or_else(|| attr_of("link[rel=canonical]", "href"));
        let lang = attr_of("html[lang]", "lang")
            .or_else(|| get(&["og:locale", "language", "content-language"]))
            .map(|l| l.replace('_', "-"));
        if tags.is_empty()
            && let Some(k) = get(&["keywords", "news_keywords"])
        {
            tags = k.split(',').map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).take(20).collect();
        }
        Meta { title, date, author, source: get(&["og:site_name", "application-name"]), url, lang, tags }
    }
}

/// Starting score of a container: by tag, plus class/id hints.
fn initial_score(el: &scraper::node::Element) -> f64 {
    let tag = match el.name() {
        "article" => 10.0,
        "div" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    tag + class_weight(el)
}

const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "post",
    "text",
    "blog",
    "story",
    "prose",
    "rich-text",
    "richtext",
];
const NEGATIVE: &[&str] = &[
    "comment",
    "com-",
    "contact",
    "footer",
    "footnote",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "tool",
    "widget",
    "social",
    "nav",
    "menu",
    "teaser",
    "card",
    "hidden",
];

fn class_weight(el: &scraper::node::Element) -> f64 {
    let ci = html_text::class_id(el);
    let mut w = 0.0;
    if NEGATIVE.iter().any(|n| ci.contains(n)) {
        w -= 25.0;
    }
    if POSITIVE.iter().any(|p| ci.contains(p)) {
        w += 25.0;
    }
    w
}

/// Picks the main content and returns its text units in document order.
fn extract(doc: &Html, strict: Strictness) -> Vec<Unit> {
    let root = body_or_root(doc);
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    html_text::walk(root, strict, |unit, ids, block| {
        let n = unit.chars();
        if n < 25 || unit.is_heading() {
            return;
        }
        let commas = unit.text.chars().filter(|c| matches!(c, ',' | '，' | '、' | '،')).count();
        let score = (1.0 + commas as f64 + (n as f64 / 100.0).min(3.0)) * (1.0 - unit.link_density());
        // A unit's own block is the "paragraph"; its ancestors are the candidates.
        let top = block.unwrap_or(ids.len().saturating_sub(1));
        for level in 0..5usize {
            let Some(idx) = top.checked_sub(level + 1) else {
                break;
            };
            let Some(&id) = ids.get(idx) else { break };
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            let entry = scores.entry(id).or_insert_with(|| {
                doc.tree.get(id).and_then(|n| n.value().as_element().map(initial_score)).unwrap_or(0.0)
            });
            *entry += score / divider;
        }
    });
    let mut ranked: Vec<(NodeId, f64)> = scores.iter().map(|(&id, &s)| (id, s)).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    // The link-density penalty needs a subtree walk: only worth it for the leaders.
    let mut best: Option<(NodeId, f64)> = None;
    for &(id, raw) in ranked.iter().take(15) {
        let Some(node) = doc.tree.get(id) else {
            continue;
        };
        let (chars, links) = text_and_links(node, strict);
        let density = if chars == 0 { 1.0 } else { links as f64 / chars as f64 };
        let s = raw * (1.0 - density);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((id, s));
        }
    }
    let Some((mut top, top_score)) = best else {
        return all_units(root, strict);
    };
    // A lone child holds nothing its parent does not: climb to the parent.
    while let Some(node) = doc.tree.get(top)
        && let Some(parent) = node.parent()
        && parent.id() != root.id()
        && parent.value().is_element()
        && parent.children().filter(|c| c.value().is_element()).count() == 1
    {
        top = parent.id();
    }
    let mut roots = vec![top];
    if let Some(node) = doc.tree.get(top)
        && let Some(parent) = node.parent()
    {
        roots = siblings_to_keep(node, parent, top_score, &scores, strict);
    }
    let mut out = Vec::new();
    for id in roots {
        if let Some(node) = doc.tree.get(id) {
            html_text::walk(node, strict, |u, _, _| {
                // Lists of links inside the article are "read more" blocks.
                if !(u.link_density() > 0.5 && (u.block == "li" || u.chars() < 120)) {
                    out.push(u);
                }
            });
        }
    }
    out
}

fn body_or_root(doc: &Html) -> ego_tree::NodeRef<'_, Node> {
    sel("body").and_then(|s| doc.select(&s).next()).map(|b| *b).unwrap_or_else(|| doc.tree.root())
}

fn all_units(root: ego_tree::NodeRef<'_, Node>, strict: Strictness) -> Vec<Unit> {
    let mut out = Vec::new();
    html_text::walk(root, strict, |u, _, _| out.push(u));
    out
}

fn text_and_links(node: ego_tree::NodeRef<'_, Node>, strict: Strictness) -> (usize, usize) {
    let (mut chars, mut links) = (0, 0);
    html_text::walk(node, strict, |u, _, _| {
        chars += u.chars();
        links += u.link_chars;
    });
    (chars, links)
}

/// The top candidate plus those of its siblings that look like more of the same article.
fn siblings_to_keep(
    top: ego_tree::NodeRef<'_, Node>,
    parent: ego_tree::NodeRef<'_, Node>,
    top_score: f64,
    scores: &HashMap<NodeId, f64>,
    strict: Strictness,
) -> Vec<NodeId> {
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = top.value().as_element().and_then(|e| e.attr("class"));
    let mut keep = Vec::new();
    for sib in parent.children() {
        if sib.id() == top.id() {
            keep.push(sib.id());
            continue;
        }
        let Some(el) = sib.value().as_element() else {
            continue;
        };
        let mut score = scores.get(&sib.id()).copied().unwrap_or(0.0);
        if top_class.is_some() && el.attr("class") == top_class {
            score += top_score * 0.2;
        }
        let ok = if score >= threshold {
            true
        } else if el.name() == "p" {
            let (chars, links) = text_and_links(sib, strict);
            let density = if chars == 0 { 1.0 } else { links as f64 / chars as f64 };
            let text = ElementRef::wrap(sib).map(html_text::element_text).unwrap_or_default();
            (chars > 80 && density < 0.25) || (chars > 0 && density == 0.0 && text.trim_end().ends_with('.'))
        } else {
            false
        };
        if ok {
            keep.push(sib.id());
        }
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r##"<!doctype html><html lang="fr"><head>
<meta charset="utf-8"><title>Le Mali signe - Journal</title>
<meta property="og:title" content="Le Mali signe un accord">
<meta property="og:site_name" content="Journal">
<meta property="og:url" content="https://journal.example/mali">
<meta property="article:published_time" content="2022-11-21T10:00:00Z">
<meta name="author" content="Ann Auteur">
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script>
</head><body>
<header><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav></header>
<div class="layout">
<article class="article-body">
<h1>Le Mali signe un accord</h1>
<p>Le gouvernement malien a signé un nouvel accord de coopération sécuritaire avec la Russie, selon un communiqué publié lundi.</p>
<p>Selon l'Agence Ecofin, la nouvelle convention a été signée à l'occasion d'une visite officielle à Moscou, du ministre malien.</p>
<div class="share-buttons"><a href="#">Partager sur X</a> <a href="#">Facebook</a></div>
<p>Les deux ministres ont procédé à la signature d'un accord, portant, entre autres, sur la sécurité et le renseignement.</p>
<!-- a comment that is not text -->
</article>
<aside class="related"><h2>À lire aussi</h2><ul><li><a href="/a">Autre article sur le Mali et la Russie</a></li></ul></aside>
</div>
<form><input name="q"><button>Chercher</button></form>
<footer>© Journal 2022, tous droits réservés, mentions légales, contact</footer>
</body></html>"##;

    #[test]
    fn page_metadata_and_main_text() {
        let a = parse(PAGE).unwrap();
        assert_eq!(a.title, "Le Mali signe un accord");
        assert_eq!(a.source.as_deref(), Some("Journal"));
        assert_eq!(a.url.as_deref(), Some("https://journal.example/mali"));
        assert_eq!(a.date.as_deref(), Some("2022-11-21T10:00:00Z"));
        assert_eq!(a.author.as_deref(), Some("Ann Auteur"));
        assert_eq!(a.lang.as_deref(), Some("fr"));
        let paras: Vec<&str> = a.body.split("\n\n").collect();
        assert_eq!(paras.len(), 3, "{}", a.body);
        assert!(paras[0].starts_with("Le gouvernement malien"));
        for junk in ["Accueil", "Partager", "lire aussi", "Chercher", "droits", "not text", "color"] {
            assert!(!a.body.contains(junk), "{junk} leaked: {}", a.body);
        }
    }

    #[test]
    fn page_without_markup_hints_still_yields_text() {
        let a = parse("<html><body><div>Just some text in a div, with nothing else around it at all.</div></body></html>").unwrap();
        assert_eq!(a.body, "Just some text in a div, with nothing else around it at all.");
    }

    #[test]
    fn deeply_nested_page() {
        let html = "<html><body>".to_owned()
            + &"<div>".repeat(100_000)
            + "<p>deep, deep text</p>"
            + &"</div>".repeat(100_000);
        let a = parse(&html).unwrap();
        assert_eq!(a.body, "deep, deep text");
    }
}
