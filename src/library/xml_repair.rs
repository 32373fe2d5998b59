//! Second-chance repairs for feeds that strict XML refuses, tried only after a first parse
//! failed or found nothing: HTML named entities (`&eacute;`, undefined in XML) become
//! numeric references, bare `&` becomes `&amp;`, an `<rss>` root without `version` is taken
//! as RSS 2.0, UserLand's old RSS 2 default namespace is dropped, and e-mail addresses
//! touching a non-ASCII character get an ASCII space between them.

use std::borrow::Cow;

const XML_ENTITIES: &[&str] = &["amp", "lt", "gt", "quot", "apos"];

/// Returns the repaired text, or `None` when there was nothing to repair.
pub(crate) fn repair(xml: &str) -> Option<String> {
    let declarations = drop_stray_declarations(xml);
    let emails = space_out_emails(&declarations);
    let entities = fix_entities(&emails);
    let changed = [&declarations, &emails, &entities].iter().any(|c| matches!(c, Cow::Owned(_)));
    let root_fixed = match fix_rss_root(&entities) {
        Cow::Owned(s) => Some(s),
        Cow::Borrowed(_) => None,
    };
    root_fixed.or_else(|| changed.then(|| entities.into_owned()))
}

/// An XML declaration anywhere but at the very start (pasted documents, concatenated feeds) is
/// invalid, and one naming an encoding makes the XML reader abort: drop them.
fn drop_stray_declarations(xml: &str) -> Cow<'_, str> {
    let body_start = xml.len() - xml.trim_start().len();
    let Some(first) = xml[body_start..].find("<?xml").map(|i| body_start + i).filter(|&i| i > body_start)
    else {
        return Cow::Borrowed(xml);
    };
    let mut out = String::with_capacity(xml.len());
    out.push_str(&xml[..first]);
    let mut rest = &xml[first..];
    while let Some(at) = rest.find("<?xml") {
        out.push_str(&rest[..at]);
        rest = match rest[at..].find("?>") {
            Some(end) => &rest[at + end + 2..],
            None => "",
        };
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// feed-rs takes an author's name to end one byte before the e-mail address (or start one byte
/// after it) and panics when that byte sits inside a character, as in `Jean «jd@example.org»`.
/// A space on each side where an address touches a non-ASCII character keeps it whole.
fn space_out_emails(text: &str) -> Cow<'_, str> {
    let is_local = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
    let is_domain = |c: char| c.is_ascii_alphanumeric() || ".-".contains(c);
    let mut cuts = Vec::new();
    for (at, _) in text.match_indices('@') {
        let start = text[..at]
            .rfind(|c: char| !is_local(c))
            .map_or(0, |i| i + text[i..].chars().next().map_or(1, char::len_utf8));
        let end = text[at + 1..].find(|c: char| !is_domain(c)).map_or(text.len(), |i| at + 1 + i);
        if start == at || end == at + 1 {
            continue;
        }
        if text[..start].chars().next_back().is_some_and(|c| !c.is_ascii()) {
            cuts.push(start);
        }
        if text[end..].chars().next().is_some_and(|c| !c.is_ascii()) {
            cuts.push(end);
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(text);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() + cuts.len());
    let mut last = 0;
    for cut in cuts {
        out.push_str(&text[last..cut]);
        out.push(' ');
        last = cut;
    }
    out.push_str(&text[last..]);
    Cow::Owned(out)
}

fn fix_entities(xml: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut last = 0;
    let mut i = 0;
    let b = xml.as_bytes();
    while let Some(off) = b.get(i..).and_then(|s| s.iter().position(|&c| c == b'&' || c == b'<')) {
        let at = i + off;
        let rest = &xml[at..];
        if rest.starts_with("<![CDATA[") {
            // CDATA is literal: copy it untouched.
            i = rest.find("]]>").map_or(xml.len(), |e| at + e + 3);
            continue;
        }
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(xml.len(), |e| at + e + 3);
            continue;
        }
        if rest.starts_with('<') {
            i = at + 1;
            continue;
        }
        let name_len = rest[1..].find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(rest.len() - 1);
        let name = &rest[1..1 + name_len];
        let terminated = rest[1 + name_len..].starts_with(';');
        // Numeric references are XML already (or quick-xml reports them).
        let replacement = if rest[1..].starts_with('#') || (terminated && XML_ENTITIES.contains(&name)) {
            None
        } else if terminated && !name.is_empty() {
            let key = format!("{name};");
            Some(match markup5ever::data::NAMED_ENTITIES.get(key.as_str()) {
                Some(&(a, 0)) => (format!("&#{a};"), name_len + 2),
                Some(&(a, b2)) => (format!("&#{a};&#{b2};"), name_len + 2),
                None => ("&amp;".to_owned(), 1),
            })
        } else {
            Some(("&amp;".to_owned(), 1))
        };
        if let Some((text, consumed)) = replacement {
            out.push_str(&xml[last..at]);
            out.push_str(&text);
            last = at + consumed;
            i = last;
        } else {
            i = at + 1;
        }
    }
    if last == 0 {
        return Cow::Borrowed(xml);
    }
    out.push_str(&xml[last..]);
    Cow::Owned(out)
}

/// Internal entities expanded at the most, and the longest value taken.
const MAX_ENTITIES: usize = 256;
const MAX_ENTITY_VALUE: usize = 4096;

/// A document with an internal DTD subset (`<!DOCTYPE rss [ <!ENTITY agency "AFP"> ]>`), which
/// feed parsers refuse or pass over: the doctype is taken out and its general entities with a
/// plain value are written out where the text refers to them. Nothing outside the document is
/// ever read (`SYSTEM` and `PUBLIC` entities stay references, which the entity repair then
/// handles), a value that refers to other entities or holds markup is not used, and a value is
/// inserted as written, never expanded again: the text grows by what it refers to, at most by
/// its own length plus a megabyte.
pub(crate) fn expand_internal_entities(xml: &str) -> Cow<'_, str> {
    let Some(start) = doctype_start(xml) else { return Cow::Borrowed(xml) };
    let Some(end) = super::declaration_end(&xml[start..]).map(|e| start + e) else {
        return Cow::Borrowed(xml);
    };
    let decl = &xml[start..end];
    let (Some(open), Some(close)) = (decl.find('['), decl.rfind(']')) else { return Cow::Borrowed(xml) };
    let entities = if open < close { internal_entities(&decl[open + 1..close]) } else { Vec::new() };
    let body = &xml[end + 1..];
    // What the expansions may add to the text, in bytes.
    let mut budget: usize = 1 << 20;
    let mut out = String::with_capacity(xml.len());
    out.push_str(&xml[..start]);
    let mut rest = body;
    while let Some(at) = rest.find(['&', '<']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with("<![CDATA[") {
            // CDATA is literal.
            let len = rest.find("]]>").map_or(rest.len(), |e| e + 3);
            out.push_str(&rest[..len]);
            rest = &rest[len..];
            continue;
        }
        let value = rest.strip_prefix('&').and_then(|r| {
            let (name, _) = r.split_once(';')?;
            entities.iter().find(|(n, _)| *n == name).map(|(n, v)| (n.len() + 2, *v))
        });
        match value {
            Some((len, value)) if value.len() <= budget => {
                budget -= value.len().saturating_sub(len);
                out.push_str(value);
                rest = &rest[len..];
            }
            _ => {
                out.push_str(&rest[..1]);
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Where the doctype starts, if the prolog has one.
fn doctype_start(xml: &str) -> Option<usize> {
    let mut at = 0;
    loop {
        let t = &xml[at..];
        let skipped = t.len() - t.trim_start().len();
        at += skipped;
        let t = &xml[at..];
        if t.starts_with("<?") {
            at += t.find("?>")? + 2;
        } else if t.starts_with("<!--") {
            at += t.find("-->")? + 3;
        } else if t.get(..9).is_some_and(|d| d.eq_ignore_ascii_case("<!DOCTYPE")) {
            return Some(at);
        } else {
            return None;
        }
    }
}

/// The general entities an internal subset declares with a plain value: `(name, value)`.
fn internal_entities(subset: &str) -> Vec<(&str, &str)> {
    let mut found = Vec::new();
    for decl in subset.split("<!ENTITY").skip(1) {
        let decl = decl.trim_start();
        // Parameter entities (`%`) only serve the DTD itself.
        if decl.starts_with('%') || found.len() >= MAX_ENTITIES {
            continue;
        }
        let Some((name, rest)) = decl.split_once(char::is_whitespace) else { continue };
        let rest = rest.trim_start();
        let Some(quote) = rest.chars().next().filter(|&q| q == '"' || q == '\'') else { continue };
        let Some(value) = rest[1..].split(quote).next() else { continue };
        let plain =
            !value.contains('<') && value.match_indices('&').all(|(i, _)| value[i..].starts_with("&#"));
        if plain && value.len() <= MAX_ENTITY_VALUE && !name.is_empty() {
            found.push((name, value));
        }
    }
    found
}

fn fix_rss_root(xml: &str) -> Cow<'_, str> {
    let Some(start) = xml.find("<rss") else {
        return Cow::Borrowed(xml);
    };
    let Some(len) = xml[start..].find('>') else {
        return Cow::Borrowed(xml);
    };
    let tag = &xml[start..start + len];
    let mut new_tag = tag.replace(" xmlns=\"http://backend.userland.com/rss2\"", "");
    if !new_tag.contains("version=") {
        new_tag = new_tag.replacen("<rss", "<rss version=\"2.0\"", 1);
    }
    if new_tag == tag {
        return Cow::Borrowed(xml);
    }
    Cow::Owned(format!("{}{}{}", &xml[..start], new_tag, &xml[start + len..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_are_repaired_outside_cdata() {
        let xml = "<t>caf&eacute; &amp; AT&T &nbsp;&#233;<![CDATA[a &nbsp; b]]></t>";
        assert_eq!(
            repair(xml).unwrap(),
            "<t>caf&#233; &amp; AT&amp;T &#160;&#233;<![CDATA[a &nbsp; b]]></t>"
        );
        assert_eq!(repair("<t>fine &amp; &#1;</t>"), None);
    }

    #[test]
    fn emails_touching_non_ascii_characters_are_spaced_out() {
        assert_eq!(
            repair("<author>Jean «jd@example.org»</author>").unwrap(),
            "<author>Jean « jd@example.org »</author>"
        );
        assert_eq!(repair("<author>jd@example.org (Jean Dupont)</author>"), None);
        assert_eq!(repair("<a>é@é</a>"), None, "no address, nothing to do");
    }

    #[test]
    fn internal_entities_are_written_out_and_nothing_else_is_read() {
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n <!ENTITY agency \"Agence Ecofin\">\n \
                   <!ENTITY copy '&#169;'>\n <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n \
                   <!ENTITY lol2 \"&agency;&agency;\">\n <!ENTITY % p \"x\">\n <!ELEMENT rss ANY>\n]>\n\
                   <rss><d>Selon &agency; &copy; 2022 &xxe; &lol2; &amp;<![CDATA[&agency;]]></d></rss>";
        assert_eq!(
            expand_internal_entities(xml),
            "<?xml version=\"1.0\"?>\n\n<rss><d>Selon Agence Ecofin &#169; 2022 &xxe; &lol2; &amp;<![CDATA[&agency;]]></d></rss>"
        );
        assert!(matches!(expand_internal_entities("<rss><d>&agency;</d></rss>"), Cow::Borrowed(_)));
        assert!(matches!(expand_internal_entities("<!DOCTYPE html>\n<rss/>"), Cow::Borrowed(_)));
    }

    #[test]
    fn expansion_is_bounded() {
        let value = "x".repeat(MAX_ENTITY_VALUE);
        let refs = "&e;".repeat(10_000);
        let xml = format!("<!DOCTYPE r [<!ENTITY e \"{value}\">]><r>{refs}</r>");
        let out = expand_internal_entities(&xml);
        assert!(out.len() <= xml.len() + (1 << 20), "{}", out.len());
        assert!(out.ends_with("&e;</r>"), "the rest stays references");
    }

    #[test]
    fn rss_root_without_version() {
        assert_eq!(repair("<rss>\n<channel/></rss>").unwrap(), "<rss version=\"2.0\">\n<channel/></rss>");
        assert_eq!(
            repair("<rss version=\"2.0\" xmlns=\"http://backend.userland.com/rss2\">").unwrap(),
            "<rss version=\"2.0\">"
        );
    }
}
