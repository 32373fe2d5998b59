//! How far the review of one story has come: the suggestions the user has judged (accepted,
//! rejected, or replaced by a span of their own) and those still waiting. One definition for
//! the reader's progress, its review queue and `export --reviewed-only`.

use super::types::{Annotation, Status};
use crate::extract::Facts;

/// Decisions made and suggestions waiting in one story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Annotations that state a decision: accepted (or added) and rejected spans.
    pub judged: usize,
    /// The extractor's mentions no annotation covers, and imported suggestions.
    pub unjudged: usize,
}

impl Progress {
    /// Everything there is to judge: "12/40 judged" shows `judged` of this.
    pub fn total(&self) -> usize {
        self.judged + self.unjudged
    }
}

/// The progress of a story whose extractor found `extracted` (before the user's decisions)
/// and whose annotations are `annotations`. A mention counts as judged once any annotation
/// overlaps it; mentions overlapping each other count once (the reader shows one of them).
pub fn progress(extracted: &Facts, annotations: &[Annotation]) -> Progress {
    // Corrections of the facts (speakers, roles) are no decisions about suggestions.
    let annotations: Vec<&Annotation> =
        annotations.iter().filter(|a| !super::corrections::is_correction(a)).collect();
    let mut open: Vec<(usize, usize)> = extracted
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end)))
        .filter(|&(s, e)| s < e && !annotations.iter().any(|a| a.overlaps(s, e)))
        .collect();
    open.sort_unstable();
    open.dedup_by(|later, earlier| later.0 < earlier.1);
    let suggested = annotations.iter().filter(|a| a.status == Status::Suggested).count();
    Progress { judged: annotations.len() - suggested, unjudged: open.len() + suggested }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Entity, Label, Mention, Origin};

    const TEXT: &str = "la force Barkhane a quitté le Mali pour Bamako";

    fn facts() -> Facts {
        let m = |w: &str| {
            let s = TEXT.find(w).unwrap();
            Mention { start: s, end: s + w.len(), text: w.into(), origin: Origin::Model }
        };
        Facts {
            entities: vec![
                Entity { label: Label::Org, name: "Barkhane".into(), mentions: vec![m("Barkhane")] },
                // Two overlapping suggestions count once.
                Entity {
                    label: Label::Org,
                    name: "force Barkhane".into(),
                    mentions: vec![m("force Barkhane")],
                },
                Entity { label: Label::Loc, name: "Mali".into(), mentions: vec![m("Mali"), m("Bamako")] },
            ],
            ..Facts::default()
        }
    }

    fn ann(word: &str, status: Status) -> Annotation {
        let s = TEXT.find(word).unwrap();
        Annotation::new(TEXT, s, s + word.len(), "LOC", status, "model")
    }

    #[test]
    fn judged_and_waiting_suggestions_are_counted() {
        assert_eq!(progress(&facts(), &[]), Progress { judged: 0, unjudged: 3 });
        let p = progress(&facts(), &[ann("Mali", Status::Rejected), ann("Bamako", Status::Accepted)]);
        assert_eq!((p.judged, p.unjudged, p.total()), (2, 1, 3));
        // An added span counts as a decision; an imported suggestion waits for one.
        let p = progress(&facts(), &[ann("quitté", Status::Accepted), ann("Mali", Status::Suggested)]);
        assert_eq!((p.judged, p.unjudged), (1, 3));
        let all = [
            ann("force Barkhane", Status::Accepted),
            ann("Mali", Status::Rejected),
            ann("Bamako", Status::Accepted),
        ];
        assert_eq!(progress(&facts(), &all).unjudged, 0);
    }
}
