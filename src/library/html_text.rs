//! HTML to paragraphs: an iterative walk over a `scraper` DOM that cuts text into units at
//! block boundaries and skips what is never article text. Shared by page extraction and by
//! feed item content. Iterative on purpose: a page nested 100k deep must not overflow the stack.

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

/// A run of text between two block boundaries.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    pub text: String,
    /// Chars of `text` that sit inside links.
    pub link_chars: usize,
    /// Local name of the innermost block element holding the text.
    pub block: String,
}

impl Unit {
    pub fn chars(&self) -> usize {
        self.text.chars().filter(|c| !c.is_whitespace()).count()
    }
    pub fn link_density(&self) -> f64 {
        let n = self.chars();
        if n == 0 { 0.0 } else { self.link_chars as f64 / n as f64 }
    }
    pub fn is_heading(&self) -> bool {
        matches!(self.block.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
    }
}

/// How much to throw away while walking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Strictness {
    /// Tags that never hold article text, hidden elements.
    Tags,
    /// Also elements whose class/id say navigation, sharing, comments, promotions…
    Classes,
}

const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "canvas",
    "head",
    "title",
    "button",
    "select",
    "option",
    "textarea",
    "input",
    "nav",
    "aside",
    "footer",
    "header",
    "figure",
    "figcaption",
    "dialog",
    "menu",
    "video",
    "audio",
    "picture",
    "map",
    "label",
    "link",
    "meta",
];

const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hgroup",
    "html",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "ul",
    "caption",
    "legend",
];

/// Class/id fragments of boilerplate containers.
const UNLIKELY: &[&str] = &[
    "comment",
    "disqus",
    "share",
    "sharing",
    "social",
    "related",
    "recommend",
    "promo",
    "sidebar",
    "sponsor",
    "advert",
    "newsletter",
    "subscribe",
    "signup",
    "sign-up",
    "popup",
    "modal",
    "cookie",
    "breadcrumb",
    "pagination",
    "pager",
    "footer",
    "masthead",
    "menu",
    "navbar",
    "navigation",
    "toolbar",
    "widget",
    "banner",
    "outbrain",
    "taboola",
    "skyscraper",
    "shoutbox",
    "gdpr",
    "paywall",
    "most-read",
    "mostread",
    "more-stories",
    "trending",
    "caption",
    "byline",
    "author-bio",
    "tags",
    "hidden",
    "print-only",
    "sr-only",
    "visually-hidden",
];

/// Fragments that rescue an element from `UNLIKELY` (an "article-comments" wrapper is still
/// unlikely, but "main-content sidebar-aware" is not).
const MAYBE: &[&str] = &["article", "content", "main", "body", "entry", "story", "post-text"];

pub(crate) fn class_id(el: &scraper::node::Element) -> String {
    let mut s = String::new();
    if let Some(c) = el.attr("class") {
        s.push_str(c);
    }
    s.push(' ');
    if let Some(i) = el.attr("id") {
        s.push_str(i);
    }
    s.to_ascii_lowercase()
}

fn is_hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    el.attr("style").is_some_and(|st| {
        let st: String = st.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        st.contains("display:none") || st.contains("visibility:hidden")
    })
}

/// Whether the subtree at `node` is skipped entirely.
fn is_junk(node: ego_tree::NodeRef<'_, Node>, el: &scraper::node::Element, strict: Strictness) -> bool {
    let name = el.name();
    if SKIP_TAGS.contains(&name) || is_hidden(el) {
        return true;
    }
    if name == "form" {
        // Some sites wrap the whole page in a form: keep forms that hold paragraphs.
        let paragraphs = node
            .descendants()
            .filter(|n| n.value().as_element().is_some_and(|e| e.name() == "p"))
            .take(3)
            .count();
        return paragraphs < 3;
    }
    if strict == Strictness::Classes && !matches!(name, "html" | "body" | "article" | "main" | "a") {
        if let Some(role) = el.attr("role")
            && matches!(role, "navigation" | "complementary" | "contentinfo" | "dialog" | "menu" | "banner")
        {
            return true;
        }
        let ci = class_id(el);
        if ci.trim().is_empty() {
            return false;
        }
        return UNLIKELY.iter().any(|u| ci.contains(u)) && !MAYBE.iter().any(|m| ci.contains(m));
    }
    false
}

/// Walks `root` in document order and hands each text unit to `on_unit` together with the
/// stack of open elements (outermost first) and the index in it of the unit's block element.
pub(crate) fn walk(
    root: ego_tree::NodeRef<'_, Node>,
    strict: Strictness,
    mut on_unit: impl FnMut(Unit, &[NodeId], Option<usize>),
) {
    struct Open {
        id: NodeId,
        block: bool,
        name: String,
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut block_idx: Vec<usize> = Vec::new();
    let mut ids: Vec<NodeId> = Vec::new();
    let mut skipping: Option<NodeId> = None;
    let mut cur = String::new();
    let mut link_chars = 0usize;
    let mut in_link = 0usize;
    let mut in_pre = 0usize;

    let mut flush =
        |cur: &mut String, link_chars: &mut usize, stack: &[Open], block_idx: &[usize], ids: &[NodeId]| {
            if cur.chars().any(|c| !c.is_whitespace()) {
                let bi = block_idx.last().copied();
                let block = bi.and_then(|i| stack.get(i)).map(|o| o.name.clone()).unwrap_or_default();
                let unit = Unit { text: std::mem::take(cur), link_chars: *link_chars, block };
                on_unit(unit, ids, bi);
            }
            cur.clear();
            *link_chars = 0;
        };

    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(el) => {
                        if node.id() != root.id() && is_junk(node, el, strict) {
                            skipping = Some(node.id());
                            continue;
                        }
                        let name = el.name();
                        if matches!(name, "br" | "hr" | "img") {
                            if name != "img" {
                                flush(&mut cur, &mut link_chars, &stack, &block_idx, &ids);
                            }
                            continue;
                        }
                        let block = BLOCK_TAGS.contains(&name);
                        if block {
                            flush(&mut cur, &mut link_chars, &stack, &block_idx, &ids);
                            block_idx.push(stack.len());
                        }
                        in_link += usize::from(name == "a");
                        in_pre += usize::from(name == "pre");
                        stack.push(Open { id: node.id(), block, name: name.to_owned() });
                        ids.push(node.id());
                    }
                    Node::Text(t) => {
                        if in_pre > 0 && t.contains('\n') {
                            // Preformatted text keeps its lines: one unit each.
                            let mut parts = t.split('\n').peekable();
                            while let Some(part) = parts.next() {
                                cur.push_str(part);
                                if parts.peek().is_some() {
                                    flush(&mut cur, &mut link_chars, &stack, &block_idx, &ids);
                                }
                            }
                        } else {
                            if in_link > 0 {
                                link_chars += t.chars().filter(|c| !c.is_whitespace()).count();
                            }
                            cur.push_str(t);
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(s) = skipping {
                    if s == node.id() {
                        skipping = None;
                    }
                    continue;
                }
                if stack.last().is_some_and(|o| o.id == node.id())
                    && let Some(open) = stack.last()
                {
                    if open.block {
                        flush(&mut cur, &mut link_chars, &stack, &block_idx, &ids);
                        block_idx.pop();
                    }
                    in_link -= usize::from(open.name == "a");
                    in_pre -= usize::from(open.name == "pre");
                    stack.pop();
                    ids.pop();
                }
            }
        }
    }
    flush(&mut cur, &mut link_chars, &stack, &block_idx, &ids);
}

/// Paragraphs of an HTML fragment (feed content, raw HTML inside Markdown or JSON).
pub(crate) fn fragment_paragraphs(html: &str) -> Vec<String> {
    let doc = Html::parse_fragment(&super::html_depth::cap_nesting(html));
    let mut out = Vec::new();
    walk(doc.tree.root(), Strictness::Tags, |u, _, _| {
        if u.chars() > 0 {
            out.push(u.text);
        }
    });
    out
}

/// Plain text of an HTML snippet on one line (titles given as HTML).
pub(crate) fn fragment_line(html: &str) -> String {
    fragment_paragraphs(html).join(" ")
}

/// Text of an element, whitespace as found.
pub(crate) fn element_text(el: ElementRef<'_>) -> String {
    el.text().collect()
}

/// True when `s` looks like HTML markup rather than plain text.
pub(crate) fn looks_like_html(s: &str) -> bool {
    let lower = s.get(..s.len().min(4096)).unwrap_or(s).to_ascii_lowercase();
    [
        "<p>",
        "<p ",
        "</p>",
        "<br",
        "<div",
        "</a>",
        "<li>",
        "<h1",
        "<h2",
        "<em>",
        "<strong>",
        "<span",
        "<img",
        "<blockquote",
    ]
    .iter()
    .any(|t| lower.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragment_blocks_become_paragraphs() {
        let p = fragment_paragraphs(
            "<p>One <b>bold</b> <a href=x>link</a>.</p><script>evil()</script><ul><li>a</li><li>b</li></ul>Tail<br>after",
        );
        assert_eq!(p, ["One bold link.", "a", "b", "Tail", "after"]);
    }

    #[test]
    fn pre_keeps_lines() {
        let p = fragment_paragraphs("<pre>let a = 1;\nlet b = 2;</pre>");
        assert_eq!(p, ["let a = 1;", "let b = 2;"]);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(100_000) + "deep text" + &"</div>".repeat(100_000);
        assert_eq!(fragment_paragraphs(&html), ["deep text"]);
    }

    #[test]
    fn html_detection() {
        assert!(looks_like_html("<p>Hello</p>"));
        assert!(!looks_like_html("2 < 3 and 4 > 1"));
    }
}
