//! The user's decisions laid over the extractor's suggestions: rejected spans disappear (and
//! stay gone when the article is re-extracted), accepted and imported spans replace whatever
//! overlapped them and join their entity (the linked one, else the one of the same name).

use super::types::{Annotation, Status};
use crate::extract::{Entity, Facts, Label, Mention, Origin};

/// The label an annotation is shown under; labels defined in the config count as MISC in the
/// facts (they keep their own name in the store and in exports).
pub fn display_label(label: &str) -> Label {
    Label::parse(label).unwrap_or(Label::Misc)
}

/// `facts` with `annotations` applied (annotations of other statuses than rejected become
/// mentions with origin `User`).
pub fn merge(facts: &Facts, annotations: &[Annotation]) -> Facts {
    let mut out = facts.clone();
    // Corrections of the facts (speakers, roles) are no entity mentions.
    super::corrections::apply(&mut out, annotations);
    let annotations: Vec<Annotation> =
        annotations.iter().filter(|a| !super::corrections::is_correction(a)).cloned().collect();
    let annotations = annotations.as_slice();
    if annotations.is_empty() {
        return out;
    }
    let shown: Vec<&Annotation> = annotations.iter().filter(|a| a.status != Status::Rejected).collect();
    for entity in &mut out.entities {
        entity.mentions.retain(|m| {
            let rejected = annotations
                .iter()
                .any(|a| a.status == Status::Rejected && a.start == m.start && a.end == m.end);
            let replaced = shown.iter().any(|a| a.overlaps(m.start, m.end));
            !rejected && !replaced
        });
    }
    for a in shown {
        let label = display_label(&a.label);
        let mention =
            Mention { start: a.start, end: a.end, text: a.quote.exact.clone(), origin: Origin::User };
        let name = a.entity.clone().unwrap_or_else(|| a.quote.exact.clone());
        let existing = out.entities.iter().position(|e| e.label == label && e.name == name).or_else(|| {
            // An unlinked mention joins an entity of its label that already has its text.
            (a.entity.is_none())
                .then(|| {
                    out.entities
                        .iter()
                        .position(|e| e.label == label && e.mentions.iter().any(|m| m.text == a.quote.exact))
                })
                .flatten()
        });
        match existing {
            Some(i) => out.entities[i].mentions.push(mention),
            None => out.entities.push(Entity { label, name, mentions: vec![mention] }),
        }
    }
    out.entities.retain(|e| !e.mentions.is_empty());
    for e in &mut out.entities {
        e.mentions.sort_by_key(|m| (m.start, m.end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(text: &str) -> Facts {
        let m = |w: &str| {
            let s = text.find(w).unwrap();
            Mention { start: s, end: s + w.len(), text: w.into(), origin: Origin::Model }
        };
        Facts {
            entities: vec![
                Entity { label: Label::Per, name: "Barkhane".into(), mentions: vec![m("Barkhane")] },
                Entity { label: Label::Loc, name: "Mali".into(), mentions: vec![m("Mali")] },
            ],
            ..Facts::default()
        }
    }

    const TEXT: &str = "la force Barkhane a quitté le Mali et Wagner est arrivé";

    fn ann(word: &str, label: &str, status: Status) -> Annotation {
        let s = TEXT.find(word).unwrap();
        Annotation::new(TEXT, s, s + word.len(), label, status, "user")
    }

    #[test]
    fn accepted_relabel_replaces_the_suggestion() {
        let merged = merge(&facts(TEXT), &[ann("Barkhane", "ORG", Status::Accepted)]);
        let b: Vec<&Entity> = merged.entities.iter().filter(|e| e.name == "Barkhane").collect();
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].label, Label::Org);
        assert_eq!(b[0].mentions[0].origin, Origin::User);
    }

    #[test]
    fn rejected_suggestions_disappear() {
        let merged = merge(&facts(TEXT), &[ann("Mali", "LOC", Status::Rejected)]);
        assert!(merged.entities.iter().all(|e| e.name != "Mali"));
    }

    #[test]
    fn added_spans_become_entities_and_links_group_them() {
        let mut w = ann("Wagner", "ORG", Status::Accepted);
        w.entity = Some("Groupe Wagner".into());
        let merged = merge(&facts(TEXT), &[w, ann("force Barkhane", "ORG", Status::Accepted)]);
        assert!(merged.entities.iter().any(|e| e.name == "Groupe Wagner" && e.label == Label::Org));
        assert!(merged.entities.iter().any(|e| e.name == "force Barkhane"));
        assert!(merged.entities.iter().all(|e| e.name != "Barkhane"), "overlapped suggestion replaced");
    }

    #[test]
    fn user_labels_show_as_misc() {
        assert_eq!(display_label("WEAPON"), Label::Misc);
        assert_eq!(display_label("org"), Label::Org);
    }
}
