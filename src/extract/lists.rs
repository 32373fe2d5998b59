//! One label across a list of names. In "Leicester, Somerset, Basingstoke, Dorset and Torbay"
//! the items are of one kind; a model that calls one of them a person is wrong about that one.
//! The label most items carry (at least half, and more than any other) goes to the items the
//! model labelled alone; rules, gazetteers and the user keep theirs.

use super::types::{Candidate, Label, Origin};

/// A list needs this many items before it says anything about their kind.
const MIN_ITEMS: usize = 3;

/// What may separate two items of a list: a comma, a conjunction, or both.
fn is_separator(gap: &str) -> bool {
    if gap.contains('\n') {
        return false;
    }
    let g = gap.trim();
    match g.strip_prefix(',').map_or(g, str::trim_start) {
        "" => gap.contains(','),
        g => matches!(g, "and" | "et" | "or" | "ou" | "&"),
    }
}

pub fn harmonise_lists(text: &str, cands: &mut [Candidate]) {
    let mut start = 0;
    while start < cands.len() {
        let mut end = start + 1;
        while end < cands.len()
            && is_item(&cands[end])
            && is_item(&cands[end - 1])
            && text.get(cands[end - 1].end..cands[end].start).is_some_and(is_separator)
        {
            end += 1;
        }
        if end - start >= MIN_ITEMS && has_a_comma(text, &cands[start..end]) {
            relabel(&mut cands[start..end]);
        }
        start = end;
    }
}

fn is_item(c: &Candidate) -> bool {
    matches!(c.label, Label::Per | Label::Org | Label::Loc | Label::Misc)
}

/// "A and B and C" is rarely a list of one kind; "A, B and C" is.
fn has_a_comma(text: &str, items: &[Candidate]) -> bool {
    items.windows(2).any(|w| text.get(w[0].end..w[1].start).is_some_and(|g| g.contains(',')))
}

fn relabel(items: &mut [Candidate]) {
    let labels = [Label::Per, Label::Org, Label::Loc, Label::Misc];
    let count = |l: Label| items.iter().filter(|c| c.label == l).count();
    let mut counts: Vec<(usize, Label)> = labels.iter().map(|&l| (count(l), l)).collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.0));
    let (top, label) = counts[0];
    if top * 2 < items.len() || counts[1].0 == top {
        return;
    }
    for c in items.iter_mut().filter(|c| c.origin == Origin::Model) {
        c.label = label;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(text: &str, word: &str, label: Label, origin: Origin) -> Candidate {
        let start = text.find(word).expect("word in text");
        Candidate { start, end: start + word.len(), label, origin, score: 0.8 }
    }

    fn labels(text: &str, items: &[(&str, Label, Origin)]) -> Vec<Label> {
        let mut cands: Vec<Candidate> = items.iter().map(|&(w, l, o)| cand(text, w, l, o)).collect();
        harmonise_lists(text, &mut cands);
        cands.iter().map(|c| c.label).collect()
    }

    #[test]
    fn the_odd_item_of_a_list_takes_the_label_of_most() {
        let text = "He visits Leicester, Somerset, Dorset and Torbay this week.";
        let items = [
            ("Leicester", Label::Loc, Origin::Model),
            ("Somerset", Label::Loc, Origin::Model),
            ("Dorset", Label::Per, Origin::Model),
            ("Torbay", Label::Loc, Origin::Model),
        ];
        assert_eq!(labels(text, &items), vec![Label::Loc; 4]);
    }

    #[test]
    fn mixed_or_short_lists_and_trusted_labels_are_left_alone() {
        let text = "Paris and Berlin met Merkel.";
        let items = [
            ("Paris", Label::Loc, Origin::Model),
            ("Berlin", Label::Loc, Origin::Model),
            ("Merkel", Label::Per, Origin::Model),
        ];
        assert_eq!(labels(text, &items), vec![Label::Loc, Label::Loc, Label::Per], "not a list");
        let text = "France, Germany, the EU and Nato";
        let items = [
            ("France", Label::Loc, Origin::Model),
            ("Germany", Label::Loc, Origin::Model),
            ("EU", Label::Org, Origin::Model),
            ("Nato", Label::Org, Origin::Model),
        ];
        assert_eq!(
            labels(text, &items),
            vec![Label::Loc, Label::Loc, Label::Org, Label::Org],
            "a gap with 'the'"
        );
        let text = "Blair, Brown, Prescott and Straw";
        let items = [
            ("Blair", Label::Per, Origin::Model),
            ("Brown", Label::Per, Origin::Model),
            ("Prescott", Label::Loc, Origin::Gazetteer),
            ("Straw", Label::Per, Origin::Model),
        ];
        assert_eq!(labels(text, &items)[2], Label::Loc, "a gazetteer keeps its label");
        let text = "Paris, Lyon, Bouygues, Total";
        let items = [
            ("Paris", Label::Loc, Origin::Model),
            ("Lyon", Label::Loc, Origin::Model),
            ("Bouygues", Label::Org, Origin::Model),
            ("Total", Label::Org, Origin::Model),
        ];
        assert_eq!(labels(text, &items), vec![Label::Loc, Label::Loc, Label::Org, Label::Org], "a tie");
    }
}
