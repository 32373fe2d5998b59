//! Re-anchoring: when an article's text changes, each annotation is found again by its quote
//! (exact text, then the context around it), near where it was. One that cannot be found is
//! reported for review, never dropped.

use super::types::Annotation;

/// Where `ann` lies in `text` now: its old range if the text there is unchanged, else the
/// occurrence of its exact text whose context matches best (ties: nearest the old place).
pub fn reanchor(text: &str, ann: &Annotation) -> Option<(usize, usize)> {
    let exact = &ann.quote.exact;
    if exact.is_empty() {
        return None;
    }
    if text.get(ann.start..ann.end) == Some(exact.as_str()) {
        return Some((ann.start, ann.end));
    }
    let mut best: Option<(usize, usize, usize)> = None; // (score, distance, start)
    for (at, _) in text.match_indices(exact.as_str()) {
        let before = &text[..at];
        let after = &text[at + exact.len()..];
        let score = common_suffix(before, &ann.quote.prefix) + common_prefix(after, &ann.quote.suffix);
        let distance = at.abs_diff(ann.start);
        let better = match best {
            None => true,
            Some((s, d, _)) => score > s || (score == s && distance < d),
        };
        if better {
            best = Some((score, distance, at));
        }
    }
    best.map(|(_, _, at)| (at, at + exact.len()))
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count()
}

/// Re-anchors every annotation: (moved or unchanged annotations, orphans).
pub fn reanchor_all(text: &str, anns: Vec<Annotation>) -> (Vec<Annotation>, Vec<Annotation>) {
    let mut placed = Vec::with_capacity(anns.len());
    let mut orphans = Vec::new();
    for mut a in anns {
        match reanchor(text, &a) {
            Some((s, e)) => {
                a.start = s;
                a.end = e;
                placed.push(a);
            }
            None => orphans.push(a),
        }
    }
    (placed, orphans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::Status;

    fn ann(text: &str, word: &str, nth: usize) -> Annotation {
        let (s, _) = text.match_indices(word).nth(nth).unwrap();
        Annotation::new(text, s, s + word.len(), "ORG", Status::Accepted, "user")
    }

    #[test]
    fn unchanged_text_keeps_the_range() {
        let text = "la force Barkhane et Barkhane encore";
        let a = ann(text, "Barkhane", 1);
        assert_eq!(reanchor(text, &a), Some((a.start, a.end)));
    }

    #[test]
    fn edited_text_finds_the_same_occurrence_by_context() {
        let old = "Paris a dit. Puis la force Barkhane est partie. Barkhane reviendra ?";
        let a = ann(old, "Barkhane", 0);
        let new = "Hier, Paris a dit beaucoup. Puis la force Barkhane est partie. Barkhane reviendra ?";
        let (s, e) = reanchor(new, &a).unwrap();
        assert_eq!(&new[s..e], "Barkhane");
        assert!(new[..s].ends_with("la force "), "the first one, by its prefix");
        let b = ann(old, "Barkhane", 1);
        let (s, _) = reanchor(new, &b).unwrap();
        assert!(new[s..].starts_with("Barkhane reviendra"));
    }

    #[test]
    fn a_deleted_quote_is_an_orphan_not_dropped() {
        let old = "la force Barkhane";
        let a = ann(old, "Barkhane", 0);
        let (placed, orphans) = reanchor_all("la force a quitté le pays", vec![a.clone()]);
        assert!(placed.is_empty());
        assert_eq!(orphans, vec![a]);
    }
}
