//! The annotation edit algebra: what the user asks for (`Edit`), the primitive `Change` it
//! becomes against the current annotations, and each change's exact inverse (undo/redo). Pure:
//! the store applies changes to its rows in one transaction; `Change::apply` does the same to a
//! list in memory, which is what the tests check the inverses against.

use serde::{Deserialize, Serialize};

use super::{Annotation, Status};

/// A primitive change to the annotations table; each has an exact inverse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    Insert(Annotation),
    Delete(Annotation),
    /// (before, after) of one annotation.
    Replace(Box<Annotation>, Box<Annotation>),
}

impl Change {
    pub fn inverse(&self) -> Change {
        match self {
            Change::Insert(a) => Change::Delete(a.clone()),
            Change::Delete(a) => Change::Insert(a.clone()),
            Change::Replace(before, after) => Change::Replace(after.clone(), before.clone()),
        }
    }
}

/// What the user asked for; the store turns it into a `Change` against the current rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// A new annotation (added, or a suggestion accepted/rejected).
    Add(Annotation),
    Remove {
        id: i64,
    },
    SetLabel {
        id: i64,
        label: String,
    },
    SetStatus {
        id: i64,
        status: Status,
    },
    SetNote {
        id: i64,
        note: Option<String>,
    },
    SetKbId {
        id: i64,
        kb_id: Option<String>,
    },
    Link {
        id: i64,
        entity: Option<String>,
    },
}

/// The annotations of one article and whether undo/redo have something to do.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AnnotationSet {
    pub annotations: Vec<Annotation>,
    pub can_undo: bool,
    pub can_redo: bool,
}

impl Edit {
    /// The id of the annotation this edit changes (`None` for `Add`, whose id the store picks).
    pub fn target(&self) -> Option<i64> {
        match self {
            Edit::Add(_) => None,
            Edit::Remove { id }
            | Edit::SetLabel { id, .. }
            | Edit::SetStatus { id, .. }
            | Edit::SetNote { id, .. }
            | Edit::SetKbId { id, .. }
            | Edit::Link { id, .. } => Some(*id),
        }
    }

    /// The change this edit makes, given the annotation it targets as it is now (`None` when
    /// it is gone: the edit then changes nothing). A relabelled mention counts as accepted.
    pub fn change(self, current: Option<Annotation>) -> Option<Change> {
        let replace =
            |before: Annotation, after: Annotation| Change::Replace(Box::new(before), Box::new(after));
        match self {
            Edit::Add(a) => Some(Change::Insert(a)),
            Edit::Remove { .. } => current.map(Change::Delete),
            Edit::SetLabel { label, .. } => {
                current.map(|b| replace(b.clone(), Annotation { label, status: Status::Accepted, ..b }))
            }
            Edit::SetStatus { status, .. } => current.map(|b| replace(b.clone(), Annotation { status, ..b })),
            Edit::SetNote { note, .. } => current.map(|b| replace(b.clone(), Annotation { note, ..b })),
            Edit::SetKbId { kb_id, .. } => current.map(|b| replace(b.clone(), Annotation { kb_id, ..b })),
            Edit::Link { entity, .. } => current.map(|b| replace(b.clone(), Annotation { entity, ..b })),
        }
    }
}

impl Change {
    /// Applies the change to annotations in memory, as the store does to its rows: an insert or
    /// a replacement writes the annotation under its id, a delete removes that id.
    pub fn apply(&self, annotations: &mut Vec<Annotation>) {
        let (id, row) = match self {
            Change::Insert(a) => (a.id, Some(a)),
            Change::Replace(_, a) => (a.id, Some(a.as_ref())),
            Change::Delete(a) => (a.id, None),
        };
        annotations.retain(|a| a.id != id);
        annotations.extend(row.cloned());
        annotations.sort_by_key(|a| (a.start, a.end, a.id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::Quote;

    fn mention(id: i64, start: usize, exact: &str, label: &str, status: Status) -> Annotation {
        Annotation {
            id,
            start,
            end: start + exact.len(),
            quote: Quote { exact: exact.into(), prefix: String::new(), suffix: String::new() },
            label: label.into(),
            entity: None,
            kb_id: None,
            note: None,
            status,
            origin: "model".into(),
        }
    }

    fn set() -> Vec<Annotation> {
        let goita = Annotation {
            note: Some("colonel".into()),
            entity: Some("Assimi Goïta".into()),
            ..mention(2, 20, "Assimi Goita", "PER", Status::Accepted)
        };
        vec![mention(1, 0, "Bamako", "LOC", Status::Suggested), goita]
    }

    /// Every kind of edit, each on an annotation of `set()` (or a new one).
    fn every_edit() -> Vec<Edit> {
        vec![
            Edit::Add(mention(3, 40, "Moscou", "LOC", Status::Accepted)),
            Edit::Remove { id: 1 },
            Edit::SetLabel { id: 1, label: "ORG".into() },
            Edit::SetStatus { id: 1, status: Status::Rejected },
            Edit::SetNote { id: 2, note: Some("président de la transition".into()) },
            Edit::SetNote { id: 2, note: None },
            Edit::SetKbId { id: 2, kb_id: Some("Q42".into()) },
            Edit::Link { id: 1, entity: Some("Bamako".into()) },
            Edit::Link { id: 2, entity: None },
        ]
    }

    fn change_of(edit: Edit, annotations: &[Annotation]) -> Option<Change> {
        let current = edit.target().and_then(|id| annotations.iter().find(|a| a.id == id).cloned());
        edit.change(current)
    }

    #[test]
    fn every_edit_is_undone_exactly_by_its_inverse() {
        for edit in every_edit() {
            let before = set();
            let change =
                change_of(edit.clone(), &before).unwrap_or_else(|| panic!("{edit:?} changes nothing"));
            let mut after = before.clone();
            change.apply(&mut after);
            assert_ne!(after, before, "{edit:?} must change the set");
            let mut undone = after.clone();
            change.inverse().apply(&mut undone);
            assert_eq!(undone, before, "undoing {edit:?}");
            // Redo after undo gives the edited set again.
            change.apply(&mut undone);
            assert_eq!(undone, after, "redoing {edit:?}");
        }
    }

    #[test]
    fn the_inverse_of_the_inverse_is_the_change() {
        for edit in every_edit() {
            let change = change_of(edit, &set()).unwrap_or_else(|| panic!("no change"));
            assert_eq!(change.inverse().inverse(), change);
        }
    }

    #[test]
    fn relabelling_accepts_and_an_edit_of_a_missing_annotation_changes_nothing() {
        let Some(Change::Replace(before, after)) =
            change_of(Edit::SetLabel { id: 1, label: "ORG".into() }, &set())
        else {
            panic!("a relabel is a replacement")
        };
        assert_eq!((before.label.as_str(), before.status), ("LOC", Status::Suggested));
        assert_eq!((after.label.as_str(), after.status), ("ORG", Status::Accepted));
        assert_eq!(change_of(Edit::Remove { id: 99 }, &set()), None);
        assert_eq!(change_of(Edit::SetStatus { id: 99, status: Status::Accepted }, &set()), None);
    }
}
