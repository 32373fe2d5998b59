//! A cap on how deeply YAML flow collections (`[…]`, `{…}`) nest, checked before the YAML
//! parser sees the front matter.
//!
//! libyaml (under serde_norway) keeps one possible simple key per open flow collection and
//! looks them all over for every token, so `[[[[…` 200,000 deep (400 KB) took 85 s to refuse:
//! quadratic in the size. Front matter is a few fields of metadata; the parser refuses nesting
//! past 128 anyway. This scan is one pass over the text. It knows quoted scalars, comments and
//! block scalars (`|`, `>`), and counts a bracket as opening a collection only where a node can
//! begin, so brackets inside text are not counted; where it guesses, it guesses deeper, which
//! costs nothing below the cap.

/// Flow collections nested deeper than this are refused.
pub(crate) const MAX_DEPTH: usize = 64;

/// The line (1-based) where flow collections first nest deeper than `max`, if they do.
pub(crate) fn too_deep(yaml: &str, max: usize) -> Option<usize> {
    let mut depth = 0usize;
    // Inside a quoted scalar (which may go on over several lines): its quote.
    let mut quote: Option<u8> = None;
    // Inside a literal or folded block scalar: the indentation of the line that opened it.
    let mut block_scalar: Option<usize> = None;
    for (n, line) in yaml.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(parent) = block_scalar {
            if line.trim().is_empty() || indent > parent {
                continue;
            }
            block_scalar = None;
        }
        let b = line.as_bytes();
        // Whether a node (a quoted scalar, a collection) may begin at the next character.
        let mut at_start = true;
        let mut i = 0;
        while let Some(&c) = b.get(i) {
            i += 1;
            match quote {
                Some(b'"') => {
                    match c {
                        b'\\' => i += 1,
                        b'"' => quote = None,
                        _ => {}
                    }
                    continue;
                }
                Some(q) => {
                    if c == q {
                        // `''` is a quote inside a single-quoted scalar.
                        if b.get(i) == Some(&q) {
                            i += 1;
                        } else {
                            quote = None;
                        }
                    }
                    continue;
                }
                None => {}
            }
            let next_is_blank = b.get(i).is_none_or(|&d| d == b' ' || d == b'\t');
            match c {
                b' ' | b'\t' => {}
                b'#' if i == 1 || matches!(b[i - 2], b' ' | b'\t') => break,
                b'"' | b'\'' if at_start => {
                    quote = Some(c);
                    at_start = false;
                }
                b'[' | b'{' if at_start || depth > 0 => {
                    depth += 1;
                    if depth > max {
                        return Some(n + 1);
                    }
                    at_start = true;
                }
                b']' | b'}' if depth > 0 => {
                    depth -= 1;
                    at_start = false;
                }
                b',' if depth > 0 => at_start = true,
                b':' if next_is_blank || depth > 0 => at_start = true,
                b'-' | b'?' if at_start && next_is_blank => {}
                b'|' | b'>' if at_start && depth == 0 => {
                    block_scalar = Some(indent);
                    break;
                }
                // An anchor or a tag comes before the node it names.
                b'&' | b'!' if at_start => {
                    while b.get(i).is_some_and(|&d| d != b' ' && d != b'\t') {
                        i += 1;
                    }
                }
                _ => at_start = false,
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_front_matter_is_shallow() {
        let yaml = "title: \"[[[[ not a list\"\nnote: 'it''s [[[[ text'\nsummary: see [1] and {2} # [[[[\n\
                    tags: [a, [b, c], {d: e}]\nauthor: {name: Ann}\nbody: |\n  [[[[[\n  {{{{{\nlang: fr\n\
                    list:\n  - [x]\n  - &a !!str [y]\n";
        assert_eq!(too_deep(yaml, 2), None);
    }

    #[test]
    fn deep_flow_collections_are_found_on_their_line() {
        assert_eq!(too_deep("title: x\ntags: [[[a]]]\n", 2), Some(2));
        assert_eq!(too_deep("a: [{b: [{c: d}]}]", 3), Some(1));
        assert_eq!(too_deep("a: [\n [\n  [\n   x]]]", 2), Some(3));
        assert_eq!(too_deep("- - [[[x]]]", 2), Some(1));
    }
}
