//! Merging and splitting entities, and stepping those edits back and forth: the reader's keys
//! and `byline entity merge|split|undo|redo` both come here. The decisions are stored by the
//! store (`store/entity_decisions.rs`) and read back by `service::entity`, where they win over
//! the automatic grouping.

use super::entity::{Resolved, resolve};
use crate::annotate::entity_edit::{EntityChange, EntityRequest, Member, Target, merge, split};
use crate::store::{IndexedEntity, Result, Store, StoreError, entity_key};

/// What came of a request: done (the change made, or stepped), or refused with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Done(String),
    Refused(String),
}

fn member(e: &IndexedEntity) -> Member {
    Member { label: e.label.clone(), key: e.key.clone(), name: e.name.clone() }
}

/// The entity a target names and its names, or why there is none.
fn find(store: &Store, target: &Target) -> Result<std::result::Result<(Member, Vec<Member>), String>> {
    let quoted = crate::text::printable(&target.name).into_owned();
    if target.whole
        && let Resolved::Found(main, group, _) = resolve(store, &target.name)?
    {
        return Ok(Ok((member(&main), group.iter().map(member).collect())));
    }
    // That very name, under the label it was found with when known.
    let key = entity_key(&target.name);
    let exact: Vec<IndexedEntity> = store
        .entities_with_key_prefix(&key, 50)?
        .into_iter()
        .filter(|e| e.key == key && target.label.as_ref().is_none_or(|l| *l == e.label))
        .collect();
    match exact.as_slice() {
        [] if target.whole => {
            Ok(Err(format!("{quoted} is not one entity of the library (try `byline entity {quoted}`)")))
        }
        [] => Ok(Err(format!("{quoted} is not in the library's index"))),
        [e, ..] => Ok(Ok((member(e), vec![member(e)]))),
    }
}

/// Performs a request; the decisions are one transaction each.
pub fn perform(store: &mut Store, request: &EntityRequest) -> Result<Outcome> {
    let change = match request {
        EntityRequest::Undo | EntityRequest::Redo => {
            let undo = *request == EntityRequest::Undo;
            let (done, nothing) = if undo { ("undone", "undo") } else { ("redone", "redo") };
            return Ok(match store.entity_step(undo) {
                Ok(Some(change)) => Outcome::Done(format!("{done}: {}", change.what)),
                Ok(None) => Outcome::Refused(format!("no entity merge or split to {nothing}")),
                Err(StoreError::Overtaken) => Outcome::Refused(overtaken()),
                Err(e) => return Err(e),
            });
        }
        EntityRequest::Merge { into, other } => match merge_change(store, into, other)? {
            Ok(change) => change,
            Err(why) => return Ok(Outcome::Refused(why)),
        },
        EntityRequest::Split { entity, alias } => match split_change(store, entity, alias)? {
            Ok(change) => change,
            Err(why) => return Ok(Outcome::Refused(why)),
        },
    };
    match store.entity_edit(&change) {
        Ok(()) => Ok(Outcome::Done(change.what)),
        Err(StoreError::Overtaken) => Ok(Outcome::Refused(overtaken())),
        Err(e) => Err(e),
    }
}

fn overtaken() -> String {
    "another byline window changed these entities first: nothing was changed".into()
}

fn merge_change(
    store: &Store,
    into: &Target,
    other: &Target,
) -> Result<std::result::Result<EntityChange, String>> {
    // Into the entity the name stands for, whichever way it was named.
    let into = Target { whole: true, ..into.clone() };
    let (into, _) = match find(store, &into)? {
        Ok(found) => found,
        Err(why) => return Ok(Err(why)),
    };
    let asked = crate::text::printable(&other.name).into_owned();
    let (other, names) = match find(store, other)? {
        Ok(found) => found,
        Err(why) => return Ok(Err(why)),
    };
    let decisions = store.entity_decisions()?;
    Ok(merge(&into, &other, &names, &decisions)
        .ok_or_else(|| format!("{asked} and {} are one entity already", into.name)))
}

fn split_change(
    store: &Store,
    entity: &str,
    alias: &str,
) -> Result<std::result::Result<EntityChange, String>> {
    let quoted = crate::text::printable(entity).into_owned();
    let Resolved::Found(main, group, _) = resolve(store, entity)? else {
        return Ok(Err(format!("{quoted} is not one entity of the library (try `byline entity {quoted}`)")));
    };
    let key = entity_key(alias);
    let alias_name = crate::text::printable(alias).into_owned();
    if key == main.key {
        return Ok(Err(format!(
            "{alias_name} is {}'s own name: split its other names away instead",
            main.name
        )));
    }
    let aliases: Vec<Member> = group.iter().filter(|e| e.key == key).map(member).collect();
    if aliases.is_empty() {
        let names: Vec<&str> = group.iter().map(|e| e.name.as_str()).collect();
        return Ok(Err(format!("{alias_name} is not a name of {}: {}", main.name, names.join(", "))));
    }
    let decisions = store.entity_decisions()?;
    Ok(split(&member(&main), &aliases, &decisions)
        .ok_or_else(|| format!("{alias_name} is on its own already")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::entity::tests::{library, names};
    use crate::service::entity::{Lookup, profile, related_stories};

    fn whole(name: &str) -> Target {
        Target { name: name.into(), label: None, whole: true }
    }

    fn done(outcome: Outcome) -> String {
        match outcome {
            Outcome::Done(m) => m,
            Outcome::Refused(why) => panic!("refused: {why}"),
        }
    }

    /// Tony Blair's library: his full name in 4 stories, his surname alone in 2, Cherie's name
    /// in 1, and "Tony" (a first name the grouping never joins) in 2.
    fn blairs() -> Store {
        library(&[
            ("t1", &[("PER", "Tony Blair")]),
            ("t2", &[("PER", "Tony Blair")]),
            ("t3", &[("PER", "Tony Blair")]),
            ("t4", &[("PER", "Tony Blair")]),
            ("b1", &[("PER", "Blair")]),
            ("b2", &[("PER", "Mr Blair")]),
            ("c1", &[("PER", "Cherie Blair")]),
            ("y1", &[("PER", "Tony")]),
            ("y2", &[("PER", "Tony")]),
        ])
    }

    fn related(store: &Store, name: &str) -> Vec<String> {
        let mut ids: Vec<String> =
            related_stories(store, name).unwrap().into_iter().map(|h| h.story.id).collect();
        ids.sort();
        ids
    }

    #[test]
    fn a_merge_wins_over_the_grouping_everywhere_and_undo_restores_it() {
        let mut store = blairs();
        assert_eq!(names(profile(&mut store, "Tony").unwrap()), ["Tony"], "never joined automatically");
        let merge = EntityRequest::Merge { into: whole("Tony Blair"), other: whole("Tony") };
        assert_eq!(done(perform(&mut store, &merge).unwrap()), "merge Tony into Tony Blair");
        // The page, `r` and a look-up by the merged name all give the one entity.
        let Lookup::Found(p) = profile(&mut store, "Tony Blair").unwrap() else { panic!("found") };
        assert_eq!(p.stories.len(), 8);
        let tony = p.aliases.iter().find(|a| a.name == "Tony").unwrap();
        assert_eq!((tony.stories, tony.origin), (2, Some("user")));
        assert_eq!(p.aliases.iter().find(|a| a.name == "Blair").unwrap().origin, None);
        let Lookup::Found(by_tony) = profile(&mut store, "Tony").unwrap() else { panic!("found") };
        assert_eq!(by_tony.name, "Tony Blair");
        assert!(related(&store, "Tony").contains(&"y1".to_string()));
        assert!(related(&store, "Tony Blair").contains(&"y2".to_string()));
        assert!(!related(&store, "Tony Blair").contains(&"c1".to_string()));
        // Merging again is refused; undo gives the automatic grouping back.
        let again = perform(&mut store, &merge).unwrap();
        assert!(matches!(&again, Outcome::Refused(why) if why.contains("one entity already")), "{again:?}");
        assert_eq!(
            done(perform(&mut store, &EntityRequest::Undo).unwrap()),
            "undone: merge Tony into Tony Blair"
        );
        assert_eq!(names(profile(&mut store, "Tony").unwrap()), ["Tony"]);
        assert_eq!(related(&store, "Tony Blair"), ["b1", "b2", "t1", "t2", "t3", "t4"]);
        assert_eq!(
            done(perform(&mut store, &EntityRequest::Redo).unwrap()),
            "redone: merge Tony into Tony Blair"
        );
        assert_eq!(related(&store, "Tony").len(), 8);
    }

    #[test]
    fn a_split_wins_over_the_grouping_and_follows_a_later_merge() {
        let mut store = blairs();
        let split = EntityRequest::Split { entity: "Tony Blair".into(), alias: "Blair".into() };
        assert_eq!(done(perform(&mut store, &split).unwrap()), "split Blair from Tony Blair");
        let tony = names(profile(&mut store, "Tony Blair").unwrap());
        assert_eq!(tony, ["Tony Blair", "Mr Blair"], "the titled form stays with him");
        // Asked by the split name, the library answers with it alone (not Tony Blair).
        assert_eq!(names(profile(&mut store, "Blair").unwrap()), ["Blair"]);
        assert_eq!(related(&store, "Blair"), ["b1"]);
        assert!(!related(&store, "Tony Blair").contains(&"b1".to_string()));
        // Its own name cannot be split from an entity, nor a name it does not have.
        for (alias, why) in [("Tony Blair", "own name"), ("Cherie Blair", "not a name of")] {
            let refused = perform(
                &mut store,
                &EntityRequest::Split { entity: "Tony Blair".into(), alias: alias.into() },
            )
            .unwrap();
            assert!(matches!(&refused, Outcome::Refused(w) if w.contains(why)), "{refused:?}");
        }
        // A mention's very name can be merged into another entity afterwards.
        let into_cherie = EntityRequest::Merge {
            into: whole("Cherie Blair"),
            other: Target { name: "Blair".into(), label: Some("PER".into()), whole: false },
        };
        done(perform(&mut store, &into_cherie).unwrap());
        let Lookup::Found(p) = profile(&mut store, "Blair").unwrap() else { panic!("found") };
        assert_eq!(p.name, "Cherie Blair");
        assert_eq!(p.stories.len(), 2);
        assert_eq!(related(&store, "Cherie Blair"), ["b1", "c1"]);
        assert!(!related(&store, "Tony Blair").contains(&"b1".to_string()));
    }
}
