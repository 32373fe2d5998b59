//! A cap on element nesting before HTML reaches html5ever.
//!
//! html5ever checks "is there a <p> in scope" by scanning the whole stack of open elements,
//! so a page nested 100k deep takes ~25 s to parse (quadratic). Browsers cap the depth
//! (Blink at 512); we drop start/end tags nested deeper than [`MAX_DEPTH`], keeping their text.
//! The scan is approximate (no full tokenizer) but only ever changes absurdly deep pages.

use std::borrow::Cow;

pub(crate) const MAX_DEPTH: usize = 256;

/// Elements that never nest (void) or usually close implicitly: not counted.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    "p", "li", "dt", "dd", "option", "tr", "td", "th", "param", "keygen",
];
/// Elements whose content is raw text: skipped to their end tag.
const RAW: &[&str] = &["script", "style", "textarea", "title", "xmp", "plaintext", "noscript", "iframe"];

pub(crate) fn cap_nesting(html: &str) -> Cow<'_, str> {
    cap_at(html, MAX_DEPTH)
}

fn cap_at(html: &str, max: usize) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut drops: Vec<(usize, usize)> = Vec::new();
    let (mut depth, mut dropped_open) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = b.get(i..).and_then(|s| s.iter().position(|&c| c == b'<')) {
        let start = i + off;
        let rest = &b[start..];
        if rest.starts_with(b"<!--") {
            i = find(b, start + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = find(b, start, b">").map_or(b.len(), |e| e + 1);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_end = b[name_start..]
            .iter()
            .position(|c| !c.is_ascii_alphanumeric() && *c != b'-' && *c != b':')
            .map_or(b.len(), |p| name_start + p);
        if name_end == name_start || !b[name_start].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let end = tag_end(b, name_end);
        let name = html[name_start..name_end].to_ascii_lowercase();
        let self_closing = end >= 2 && b.get(end - 2) == Some(&b'/');
        if closing {
            if !FLAT.contains(&name.as_str()) {
                if dropped_open > 0 {
                    dropped_open -= 1;
                    drops.push((start, end));
                } else {
                    depth = depth.saturating_sub(1);
                }
            }
        } else if RAW.contains(&name.as_str()) {
            let close = format!("</{name}");
            let lower_find = find_ci(b, end, close.as_bytes());
            i = lower_find.unwrap_or(b.len());
            continue;
        } else if !self_closing && !FLAT.contains(&name.as_str()) {
            if depth >= max {
                dropped_open += 1;
                drops.push((start, end));
            } else {
                depth += 1;
            }
        }
        i = end;
    }
    if drops.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut last = 0;
    for (s, e) in drops {
        out.push_str(&html[last..s]);
        last = e;
    }
    out.push_str(&html[last..]);
    Cow::Owned(out)
}

/// Index just past the `>` ending a tag, skipping quoted attribute values.
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (k, &c) in b.iter().enumerate().skip(from) {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, b'>') => return k + 1,
            _ => {}
        }
    }
    b.len()
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

fn find_ci(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle)).map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_untouched() {
        let html =
            "<html><body><div><p>a<p>b<br><img src='x>y'></div><script>if (a<b) {}</script></body></html>";
        assert!(matches!(cap_nesting(html), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_tags_are_dropped_text_kept() {
        let html = "<div><div><div><div>x</div></div></div></div>";
        assert_eq!(cap_at(html, 2), "<div><div>x</div></div>");
    }
}
