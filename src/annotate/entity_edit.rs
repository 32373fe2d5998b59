//! The user's decisions about which names are one entity across the library: a merge puts the
//! names of one entity under another, a split takes one name out of its entity. They are
//! stored as rows "this name (label, folded key) belongs to that entity" and win over the
//! automatic grouping; each edit is a `EntityChange` of such rows with an exact inverse, for
//! undo and redo. Pure: the store writes the rows, `service::entity` reads them.

use serde::{Deserialize, Serialize};

/// A name of the entity index: its label and folded key, and how it is written (for messages).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub label: String,
    pub key: String,
    pub name: String,
}

impl Member {
    /// Whether both are the same name of the index (how they are written aside).
    pub fn same(&self, other: &Member) -> bool {
        self.label == other.label && self.key == other.key
    }
}

/// "`member` belongs to the entity named by `owner`"; a member that owns itself was split out:
/// an entity of its own, whatever the automatic grouping would say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub member: Member,
    pub owner: Member,
}

impl Decision {
    pub fn is_split(&self) -> bool {
        self.member.same(&self.owner)
    }
}

/// An entity named in a request: by a name, with the label it was found under when known.
/// `whole`: the entity that name stands for, all its names (from its page, or the command
/// line); otherwise that very name (a mention in a story).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub name: String,
    pub label: Option<String>,
    pub whole: bool,
}

/// What the user asks of the entities (the reader's keys, the command line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntityRequest {
    /// `other` joins the entity `into` stands for.
    Merge {
        into: Target,
        other: Target,
    },
    /// The name `alias` leaves the entity `entity` stands for, as an entity of its own.
    Split {
        entity: String,
        alias: String,
    },
    Undo,
    Redo,
}

/// One row of the decisions before and after an edit (`None`: no row).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowChange {
    pub member: Member,
    pub before: Option<Member>,
    pub after: Option<Member>,
}

/// What the user did, said in a few words ("merge Blair into Tony Blair"), and the rows it
/// changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityChange {
    pub what: String,
    pub rows: Vec<RowChange>,
}

impl EntityChange {
    pub fn inverse(&self) -> EntityChange {
        EntityChange {
            what: self.what.clone(),
            rows: self
                .rows
                .iter()
                .map(|r| RowChange {
                    member: r.member.clone(),
                    before: r.after.clone(),
                    after: r.before.clone(),
                })
                .collect(),
        }
    }

    /// Applies the change to decisions in memory, as the store does to its rows.
    pub fn apply(&self, decisions: &mut Vec<Decision>) {
        for r in &self.rows {
            decisions.retain(|d| !d.member.same(&r.member));
            if let Some(owner) = &r.after {
                decisions.push(Decision { member: r.member.clone(), owner: owner.clone() });
            }
        }
    }
}

/// The change that merges the entity `other` (all of the names it has now: `other_names`) into
/// the entity `into`, given the decisions as they are. Names already decided to belong to
/// `other` follow it. `None` when they are one entity already.
pub fn merge(
    into: &Member,
    other: &Member,
    other_names: &[Member],
    decisions: &[Decision],
) -> Option<EntityChange> {
    if into.same(other) {
        return None;
    }
    let mut members: Vec<Member> = Vec::new();
    let mut add = |m: &Member| {
        if !members.iter().any(|x| x.same(m)) {
            members.push(m.clone());
        }
    };
    add(other);
    other_names.iter().for_each(&mut add);
    decisions.iter().filter(|d| d.owner.same(other)).for_each(|d| add(&d.member));
    let rows: Vec<RowChange> = members
        .into_iter()
        .filter(|m| !m.same(into))
        .map(|m| RowChange {
            before: decisions.iter().find(|d| d.member.same(&m)).map(|d| d.owner.clone()),
            after: Some(into.clone()),
            member: m,
        })
        .filter(|r| r.before.as_ref().is_none_or(|b| !b.same(into)))
        .collect();
    (!rows.is_empty())
        .then(|| EntityChange { what: format!("merge {} into {}", other.name, into.name), rows })
}

/// The change that takes the names `aliases` out of the entity `entity`, as an entity of their
/// own (the first of them names it); the names that were merged into them follow. `None` when
/// there is nothing to take out.
pub fn split(entity: &Member, aliases: &[Member], decisions: &[Decision]) -> Option<EntityChange> {
    let head = aliases.first()?;
    if aliases.iter().any(|a| a.same(entity)) {
        return None;
    }
    let mut rows = Vec::new();
    for (i, a) in aliases.iter().enumerate() {
        let before = decisions.iter().find(|d| d.member.same(a)).map(|d| d.owner.clone());
        let after = if i == 0 { a.clone() } else { head.clone() };
        if before.as_ref().is_some_and(|b| b.same(&after)) {
            continue;
        }
        rows.push(RowChange { member: a.clone(), before, after: Some(after) });
    }
    (!rows.is_empty())
        .then(|| EntityChange { what: format!("split {} from {}", head.name, entity.name), rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(label: &str, name: &str) -> Member {
        Member { label: label.into(), key: name.to_lowercase(), name: name.into() }
    }

    #[test]
    fn a_merge_moves_the_names_and_what_was_merged_into_them() {
        let tony = m("PER", "Tony Blair");
        let blair = m("PER", "Blair");
        let mr = m("PER", "Mr Blair");
        let tb = m("PER", "TB");
        // TB was merged into Blair earlier.
        let decisions = vec![Decision { member: tb.clone(), owner: blair.clone() }];
        let change = merge(&tony, &blair, std::slice::from_ref(&mr), &decisions).unwrap();
        assert_eq!(change.what, "merge Blair into Tony Blair");
        let mut after = decisions.clone();
        change.apply(&mut after);
        for name in [&blair, &mr, &tb] {
            assert!(after.iter().any(|d| d.member.same(name) && d.owner.same(&tony)), "{name:?}");
        }
        let mut undone = after.clone();
        change.inverse().apply(&mut undone);
        assert_eq!(undone, decisions);
        assert_eq!(merge(&tony, &tony, &[], &decisions), None, "one entity already");
    }

    #[test]
    fn a_split_makes_the_name_its_own_entity_and_undoes_exactly() {
        let tony = m("PER", "Tony Blair");
        let blair = m("PER", "Blair");
        let decisions = vec![Decision { member: blair.clone(), owner: tony.clone() }];
        let change = split(&tony, std::slice::from_ref(&blair), &decisions).unwrap();
        let mut after = decisions.clone();
        change.apply(&mut after);
        assert_eq!(after, vec![Decision { member: blair.clone(), owner: blair.clone() }]);
        assert!(after[0].is_split());
        change.inverse().apply(&mut after);
        assert_eq!(after, decisions);
        assert_eq!(split(&tony, std::slice::from_ref(&tony), &decisions), None, "not its own main name");
        let mut split_again = decisions.clone();
        change.apply(&mut split_again);
        assert_eq!(split(&tony, &[blair], &split_again), None, "split already");
    }
}
