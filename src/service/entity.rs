//! What the library knows about one person, organisation or place: the entity under all its
//! names (titles dropped, accents and case folded, a surname alone where the library's use of
//! it names one person, an acronym of its full name), the stories that mention it with the
//! sentence that does, the roles and quotes the texts give it, the entities that keep it
//! company more than chance would have it, and a timeline by month.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::annotate::entity_edit::{Decision, Member};
use crate::annotate::formats::offsets::OffsetTable;
use crate::extract::names::{core, initials, is_acronym_of, is_full_name, surname};
use crate::library::EntityHit;
use crate::library::align::SourceMap;
pub use crate::library::profile::{
    Alias, COMPANION_STORIES, CompanionRef, MentionRef, Profile, QuoteRef, RoleRef, StoryRef,
};
use crate::service::story::load_story;
use crate::store::{IndexedEntity, NameCount, Result, Store, entity_key};

/// A full name joins the stories that name the person by surname alone only when, among the
/// library's full names with that surname, it has at least this share of the stories.
const SURNAME_SHARE: f64 = 0.8;
/// A companion of an entity in many stories is one found with it in at least one in this many.
const COMPANION_SHARE: usize = 200;
/// How often a companion turns up at all is counted in the library's newest this many stories.
const COMPANION_BASE: usize = 10_000;

/// Stories whose mentions, sentences, roles and quotes are read (the newest); the rest are
/// listed and counted.
pub const DETAILED_STORIES: usize = 30;

/// Stories the page reads at first, and at a time as the reader scrolls down its list.
pub const PAGE_STORIES: usize = 100;

/// What a name finds.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup {
    Found(Box<Profile>),
    NotFound,
    /// Several entities, none far ahead of the others: (name, label, stories).
    Ambiguous(Vec<(String, String, usize)>),
}

/// The entity a name stands for, and its profile.
pub fn profile(store: &mut Store, name: &str) -> Result<Lookup> {
    Ok(match resolve(store, name)? {
        Resolved::Found(main, group, by_user) => {
            Lookup::Found(Box::new(build(store, &main, &group, &by_user)?))
        }
        Resolved::NotFound => Lookup::NotFound,
        Resolved::Ambiguous(list) => Lookup::Ambiguous(list),
    })
}

/// The stories about the entity a name stands for, under all its names, newest first (`r`
/// in the reader): cheap, no story is read, and of the stories the index lists only their
/// id, title, date and source are filled (the reader and the query filter want the ids). A
/// name that stands for no single entity gives the stories the index lists under that very
/// name.
pub fn related_stories(store: &Store, name: &str) -> Result<Vec<EntityHit>> {
    related(store, name, None)
}

/// The newest `limit` of `related_stories` (`r` in the reader: a person of a library of a
/// million is in tens of thousands of stories, and each story listed is a row of the file
/// read).
pub fn related_newest(store: &Store, name: &str, limit: usize) -> Result<Vec<EntityHit>> {
    related(store, name, Some(limit))
}

fn related(store: &Store, name: &str, limit: Option<usize>) -> Result<Vec<EntityHit>> {
    let Resolved::Found(_, group, _) = resolve(store, name)? else {
        let mut hits = store.entity_stories(name)?;
        hits.truncate(limit.unwrap_or(usize::MAX));
        return Ok(hits);
    };
    let labels: HashMap<i64, &str> = group.iter().map(|e| (e.id, e.label.as_str())).collect();
    let mut hits: Vec<EntityHit> = Vec::new();
    for s in store.entity_story_window(&member_ids(&group), 0, limit)? {
        // A story's rows come together (one a name of the entity it writes).
        if let Some(same) = hits.last_mut().filter(|h| h.story.id == s.story.id) {
            same.mentions += s.mentions;
            continue;
        }
        hits.push(EntityHit {
            label: labels.get(&s.entity).copied().unwrap_or_default().to_owned(),
            story: s.story,
            name: s.name,
            mentions: s.mentions,
        });
    }
    // Names the user taught are looked up in the text too (see `Store::entity_stories`).
    let seen = hits.iter().map(|h| h.story.id.clone()).collect();
    hits.extend(store.taught_stories(name, &seen)?);
    hits.sort_by(|a, b| b.story.date.cmp(&a.story.date));
    hits.truncate(limit.unwrap_or(usize::MAX));
    Ok(hits)
}

/// Stories of the entity a name stands for, past the `skip` newest: the next window of its
/// page as the reader scrolls (`limit` of them), or every one left as `byline entity` prints
/// them all (`None`: one pass; windows of it read the rows before each window again). Their
/// cards only (id, title, date, source, the name written and the count of its mentions).
pub fn more_stories(store: &Store, name: &str, skip: usize, limit: Option<usize>) -> Result<Vec<StoryRef>> {
    let Resolved::Found(_, group, _) = resolve(store, name)? else { return Ok(Vec::new()) };
    Ok(story_refs(store.entity_story_window(&member_ids(&group), skip, limit)?))
}

fn member_ids(group: &[IndexedEntity]) -> Vec<i64> {
    group.iter().map(|e| e.id).collect()
}

/// The index's rows of a window of stories as the page lists them: one a story (its rows,
/// one a name of the entity it writes, come together), the mentions of its names added up.
fn story_refs(rows: Vec<crate::store::EntityStory>) -> Vec<StoryRef> {
    let mut stories: Vec<StoryRef> = Vec::new();
    for s in rows {
        if let Some(same) = stories.last_mut().filter(|last| last.id == s.story.id) {
            same.mentions += s.mentions;
            continue;
        }
        stories.push(StoryRef {
            id: s.story.id,
            title: s.story.title,
            date: s.story.date,
            source: s.story.source,
            name: s.name,
            mentions: s.mentions,
            path: None,
            url: None,
            sentence: None,
            offsets: Vec::new(),
            first_at: None,
        });
    }
    stories
}

/// What a name resolves to in the entity index.
pub(super) enum Resolved {
    /// The entity, all the index's entities that are it under other names, and which of those
    /// the user put there (merges).
    Found(IndexedEntity, Vec<IndexedEntity>, HashSet<i64>),
    NotFound,
    Ambiguous(Vec<(String, String, usize)>),
}

pub(super) fn resolve(store: &Store, name: &str) -> Result<Resolved> {
    let key = entity_key(name);
    if key.is_empty() {
        return Ok(Resolved::NotFound);
    }
    let decisions = store.entity_decisions()?;
    let mut found = store.entities_with_key_prefix(&key, 50)?;
    let exact: Vec<IndexedEntity> = found.iter().filter(|e| e.key == key).cloned().collect();
    // A name the user merged or split is where the user put it, whatever the grouping says.
    if let Some(d) = exact.iter().find_map(|e| decision_of(&decisions, e)) {
        let owner = store.entity_with_key(&d.owner.label, &d.owner.key)?;
        if let Some(main) =
            owner.or_else(|| exact.iter().find(|e| decision_of(&decisions, e).is_some()).cloned())
        {
            return decided_group(store, main, &decisions);
        }
    }
    if !exact.is_empty() {
        found = exact;
    }
    // A single word may be a surname: the full names the library gives it count too.
    let words: Vec<&str> = key.split_whitespace().collect();
    let full: Vec<IndexedEntity> = match words.as_slice() {
        [word] => store
            .entities_ending_with(word, 200)?
            .into_iter()
            .filter(|e| e.label == "PER" && is_full_name(&e.name))
            .collect(),
        _ => Vec::new(),
    };
    let listed = |found: &[IndexedEntity]| {
        Resolved::Ambiguous(found.iter().map(|e| (e.name.clone(), e.label.clone(), e.stories)).collect())
    };
    let main = match (pick(&full), full.is_empty()) {
        (Some(person), _) => person,
        (None, false) => return Ok(listed(&[full, found].concat())),
        // Entities written the same once titles are dropped are one ("Mr Blair", "Blair").
        (None, true) => match pick(&found) {
            Some(main) => main,
            None if found.is_empty() => return Ok(Resolved::NotFound),
            None => return Ok(listed(&found)),
        },
    };
    // The entity picked may have been merged into another by the user.
    let main = match decision_of(&decisions, &main) {
        Some(d) => store.entity_with_key(&d.owner.label, &d.owner.key)?.unwrap_or(main),
        None => main,
    };
    decided_group(store, main, &decisions)
}

/// The user's decision about an entity of the index, if any.
fn decision_of<'a>(decisions: &'a [Decision], e: &IndexedEntity) -> Option<&'a Decision> {
    decisions.iter().find(|d| d.member.label == e.label && d.member.key == e.key)
}

/// The entity `main` under all its names: the automatic grouping's, but for the names the
/// user put elsewhere, and the names the user merged into it. A name split out is alone.
fn decided_group(store: &Store, main: IndexedEntity, decisions: &[Decision]) -> Result<Resolved> {
    let is_main = |m: &Member| m.label == main.label && m.key == main.key;
    let split_out = decision_of(decisions, &main).is_some_and(|d| d.is_split());
    let mut group: Vec<IndexedEntity> = if split_out {
        vec![main.clone()]
    } else {
        group_of(store, &main)?
            .into_iter()
            .filter(|e| e.id == main.id || decision_of(decisions, e).is_none_or(|d| is_main(&d.owner)))
            .collect()
    };
    let mut by_user = HashSet::new();
    for d in decisions.iter().filter(|d| is_main(&d.owner) && !d.is_split()) {
        if let Some(e) = store.entity_with_key(&d.member.label, &d.member.key)? {
            by_user.insert(e.id);
            if !group.iter().any(|g| g.id == e.id) {
                group.push(e);
            }
        }
    }
    Ok(Resolved::Found(main, group, by_user))
}

/// The entity most of the stories mean, if one is far enough ahead of the others.
/// Entities with the same name once titles are dropped are counted together, whatever label
/// the extractor gave each story's mention (its type errors do not make two entities).
fn pick(found: &[IndexedEntity]) -> Option<IndexedEntity> {
    let mut by_core: HashMap<String, usize> = HashMap::new();
    for e in found {
        *by_core.entry(core(&e.name)).or_default() += e.stories;
    }
    let total: usize = by_core.values().sum();
    let (top_core, top) = by_core.iter().max_by_key(|(k, n)| (**n, std::cmp::Reverse((*k).clone())))?;
    (*top as f64 >= SURNAME_SHARE * total as f64)
        .then(|| found.iter().filter(|e| &core(&e.name) == top_core).max_by_key(|e| e.stories))?
        .cloned()
}

/// The index's entities that are `main` under another name.
fn group_of(store: &Store, main: &IndexedEntity) -> Result<Vec<IndexedEntity>> {
    let main_core = core(&main.name);
    let mut group = vec![main.clone()];
    if main.label == "PER" {
        let Some(last) = surname(&main.name) else { return Ok(group) };
        let same_surname: Vec<IndexedEntity> =
            store.entities_ending_with(&last, 200)?.into_iter().filter(|e| e.label == "PER").collect();
        let full_stories = |pred: &dyn Fn(&str) -> bool| -> usize {
            same_surname
                .iter()
                .filter(|e| is_full_name(&e.name) && pred(&core(&e.name)))
                .map(|e| e.stories)
                .sum()
        };
        let mine = full_stories(&|c| c == main_core);
        let all = full_stories(&|_| true);
        let dominant = all > 0 && mine as f64 >= SURNAME_SHARE * all as f64;
        for e in same_surname.iter().filter(|e| e.id != main.id) {
            let c = core(&e.name);
            // Titled forms of the same full name always; the surname alone when this person
            // is the one the library's full names with it mostly mean.
            if c == main_core || (c == last && dominant && is_full_name(&main.name)) {
                group.push(e.clone());
            }
        }
    } else if let Some(short) = initials(&main.name) {
        for e in store.entities_with_key_prefix(&short, 20)? {
            if e.key == short && e.label == main.label && is_acronym_of(&e.name, &main.name) {
                group.push(e);
            }
        }
    }
    Ok(group)
}

fn build(
    store: &mut Store,
    main: &IndexedEntity,
    group: &[IndexedEntity],
    by_user: &HashSet<i64>,
) -> Result<Profile> {
    let ids = member_ids(group);
    let counts = store.entity_counts(&ids)?;
    let mut stories = story_refs(store.entity_story_window(&ids, 0, Some(PAGE_STORIES))?);
    let aliases = aliases(&counts.names, group, by_user);
    let names: Vec<String> = aliases.iter().map(|a| core(&a.name)).collect();
    let mut roles: BTreeMap<String, RoleRef> = BTreeMap::new();
    let mut quotes = Vec::new();
    let detailed: Vec<String> = stories.iter().take(DETAILED_STORIES).map(|s| s.id.clone()).collect();
    crate::service::story::cache_facts(store, &detailed)?;
    for story in stories.iter_mut().take(DETAILED_STORIES) {
        read_story(store, story, &names, &mut roles, &mut quotes)?;
    }
    let mut roles: Vec<RoleRef> = roles.into_values().collect();
    roles.sort_by(|a, b| b.stories.cmp(&a.stories).then(a.role.cmp(&b.role)));
    Ok(Profile {
        name: main.name.clone(),
        label: main.label.clone(),
        key: main.key.clone(),
        aliases,
        cooccurring: companions(store, &ids, counts.stories)?,
        story_count: counts.stories,
        undated: counts.undated,
        stories,
        roles,
        quotes,
        timeline: counts.months,
    })
}

/// The entity's names, most written first, each with the entity of the index it is and
/// whether the user's merge put it there.
fn aliases(names: &[NameCount], group: &[IndexedEntity], by_user: &HashSet<i64>) -> Vec<Alias> {
    let members: HashMap<i64, &IndexedEntity> = group.iter().map(|e| (e.id, e)).collect();
    let mut aliases: Vec<Alias> = names
        .iter()
        .map(|n| {
            let e = members.get(&n.entity);
            Alias {
                name: n.name.clone(),
                stories: n.stories,
                label: e.map(|e| e.label.clone()).unwrap_or_default(),
                key: e.map(|e| e.key.clone()).unwrap_or_default(),
                origin: by_user.contains(&n.entity).then_some("user"),
            }
        })
        .collect();
    aliases.sort_by(|a, b| b.stories.cmp(&a.stories).then(a.name.cmp(&b.name)));
    aliases
}

/// The entities found with it in at least two stories (and at least one in
/// `COMPANION_SHARE` of its own: a few stories out of thousands say nothing), by pointwise
/// mutual information; in the `COMPANION_STORIES` of its stories indexed last, against how
/// often each turns up in the library's `COMPANION_BASE` stories indexed last.
fn companions(store: &Store, ids: &[i64], own_stories: usize) -> Result<Vec<CompanionRef>> {
    let own_stories = own_stories.min(COMPANION_STORIES);
    let min_together = (own_stories / COMPANION_SHARE).max(2);
    let (found, total) = store.companions(ids, min_together, COMPANION_STORIES, COMPANION_BASE)?;
    let mut out: Vec<CompanionRef> = found
        .into_iter()
        .map(|c| {
            let expected = own_stories as f64 * c.stories as f64 / total.max(1) as f64;
            CompanionRef {
                association: (c.together as f64 / expected.max(f64::MIN_POSITIVE)).ln(),
                name: c.name,
                label: c.label,
                together: c.together,
            }
        })
        .filter(|c| c.association > 0.0)
        .collect();
    out.sort_by(|a, b| b.association.total_cmp(&a.association).then(b.together.cmp(&a.together)));
    out.truncate(15);
    Ok(out)
}

/// Reads one story's facts for the entity: where it is mentioned (in the text as given), the
/// sentence of its first mention, the roles and the quotes given to it.
fn read_story(
    store: &mut Store,
    story: &mut StoryRef,
    names: &[String],
    roles: &mut BTreeMap<String, RoleRef>,
    quotes: &mut Vec<QuoteRef>,
) -> Result<()> {
    let Some(loaded) = load_story(store, &story.id)? else { return Ok(()) };
    let is_it = |n: &str| names.contains(&core(n));
    let article = &loaded.article;
    story.path = Some(article.path.to_string_lossy().into_owned()).filter(|p| !p.is_empty());
    story.url.clone_from(&article.url);
    let given = article.given_text();
    let map = SourceMap::new(&given, &article.body);
    let table = OffsetTable::new(&given);
    for e in loaded.facts.entities.iter().filter(|e| is_it(&e.name)) {
        for m in &e.mentions {
            let placed = map.to_source(&given, &article.body, m.start..m.end).and_then(|r| {
                Some(MentionRef {
                    start: table.byte_to_char(r.start)?,
                    end: table.byte_to_char(r.end)?,
                    text: given.get(r)?.to_owned(),
                })
            });
            story.offsets.extend(placed);
            story.first_at = Some(story.first_at.map_or(m.start, |at| at.min(m.start)));
            if story.sentence.is_none() {
                story.sentence = Some(sentence_around(&article.body, m.start));
            }
        }
    }
    // A story counts once for a role, however many of the entity's names it gives it to.
    let mut counted = HashSet::new();
    for p in loaded.facts.people.iter().filter(|p| is_it(&p.name)) {
        for role in p.roles.iter().filter(|r| counted.insert(crate::text::fold::fold_str(r))) {
            count_role(roles, role, &story.date);
        }
    }
    // A quote names an organisation as the text writes it nearest ("CRIF"): any of the
    // names its mentions here have.
    let written_here = |s: &str| {
        loaded
            .facts
            .entities
            .iter()
            .any(|e| is_it(&e.name) && e.mentions.iter().any(|m| core(&m.text) == core(s)))
    };
    for q in loaded
        .facts
        .quotes
        .iter()
        .filter(|q| q.speaker.as_deref().is_some_and(|s| is_it(s) || written_here(s)))
    {
        quotes.push(QuoteRef { story: story.id.clone(), date: story.date.clone(), text: q.text.clone() });
    }
    Ok(())
}

/// A role one more story gives the entity, with its date. Roles that differ only by case or
/// accents ("Leader" opening a sentence, "leader" inside one) are one role, shown in lower
/// case when a story writes it so.
fn count_role(roles: &mut BTreeMap<String, RoleRef>, role: &str, date: &Option<String>) {
    let r = roles.entry(crate::text::fold::fold_str(role)).or_insert(RoleRef {
        role: role.to_owned(),
        stories: 0,
        first: date.clone(),
        last: date.clone(),
    });
    if role.to_lowercase() == role {
        r.role = role.to_owned();
    }
    r.stories += 1;
    if *date < r.first {
        r.first = date.clone();
    }
    if *date > r.last {
        r.last = date.clone();
    }
}

/// The sentence of `body` around byte `at`, on one line.
fn sentence_around(body: &str, at: usize) -> String {
    let at = at.min(body.len());
    let before = &body[..at];
    let start = before.rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
    let end = body[at..].find(['.', '!', '?', '\n']).map_or(body.len(), |i| at + i + 1);
    crate::library::sanitize::one_line(body[start..end].trim(), 400)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::extract::{Entity, Facts, Label, Mention, Origin};
    use crate::library::Article;
    use crate::store::{FileOp, FileStamp};

    #[test]
    fn roles_differing_only_by_case_are_one_role() {
        let mut roles = BTreeMap::new();
        let day = |d: &str| Some(d.to_owned());
        count_role(&mut roles, "Leader", &day("2024-03-01"));
        count_role(&mut roles, "leader", &day("2024-01-01"));
        count_role(&mut roles, "chancellor", &day("2024-02-01"));
        let leader = &roles[&crate::text::fold::fold_str("leader")];
        assert_eq!(roles.len(), 2);
        assert_eq!((leader.role.as_str(), leader.stories), ("leader", 2));
        assert_eq!(
            (leader.first.as_deref(), leader.last.as_deref()),
            (Some("2024-01-01"), Some("2024-03-01"))
        );
    }

    /// A library whose stories mention the given (label, name) entities, one story each.
    pub(in crate::service) fn library(stories: &[(&str, &[(&str, &str)])]) -> Store {
        let undated: Vec<DatedStory> = stories.iter().map(|(id, entities)| (*id, None, *entities)).collect();
        library_dated(&undated)
    }

    /// The same, each story with its date.
    /// A story of a test library: id, date, (label, name) of each entity it mentions.
    type DatedStory<'a> = (&'a str, Option<&'a str>, &'a [(&'a str, &'a str)]);

    fn library_dated(stories: &[DatedStory]) -> Store {
        let mut store = Store::open_in_memory().unwrap();
        let ops: Vec<FileOp> = stories
            .iter()
            .enumerate()
            .map(|(i, (id, date, entities))| FileOp::Replace {
                path: format!("/lib/{id}.txt"),
                stamp: FileStamp { size: i as u64, mtime_ns: 0, hash: i as u128 },
                articles: vec![(
                    Article {
                        id: id.to_string(),
                        title: id.to_string(),
                        body: format!("Story {id}."),
                        date: date.map(str::to_owned),
                        ..Article::default()
                    },
                    // Cached as the extractor's own facts, so reading the story keeps them.
                    Some(crate::service::analysis::cached(&Facts {
                        entities: entities
                            .iter()
                            .map(|(l, n)| Entity {
                                label: Label::parse(l).unwrap(),
                                name: n.to_string(),
                                mentions: vec![Mention {
                                    start: 0,
                                    end: 5,
                                    text: "Story".into(),
                                    origin: Origin::Model,
                                }],
                            })
                            .collect(),
                        ..Facts::default()
                    })),
                )],
            })
            .collect();
        store.apply(&ops, crate::service::analysis::EXTRACTOR_VERSION).unwrap();
        store
    }

    pub(in crate::service) fn names(lookup: Lookup) -> Vec<String> {
        match lookup {
            Lookup::Found(p) => p.aliases.iter().map(|a| a.name.clone()).collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_surname_alone_joins_the_person_the_library_means_by_it() {
        let mut stories: Vec<(String, Vec<(&str, &str)>)> = Vec::new();
        for i in 0..9 {
            stories.push((format!("full{i}"), vec![("PER", "Tony Blair")]));
        }
        stories.push(("cherie".into(), vec![("PER", "Cherie Blair")]));
        stories.push(("bare1".into(), vec![("PER", "Blair")]));
        stories.push(("bare2".into(), vec![("PER", "Mr Blair")]));
        let refs: Vec<(&str, &[(&str, &str)])> =
            stories.iter().map(|(id, e)| (id.as_str(), e.as_slice())).collect();
        let mut store = library(&refs);
        let tony = names(profile(&mut store, "tony blair").unwrap());
        assert_eq!(tony, ["Tony Blair", "Blair", "Mr Blair"]);
        // Asked by surname, the library answers with the person it means.
        let blair = names(profile(&mut store, "Blair").unwrap());
        assert_eq!(blair[0], "Tony Blair", "{blair:?}");
        // Cherie Blair is never given Tony's surname-only stories, nor he hers.
        assert_eq!(names(profile(&mut store, "Cherie Blair").unwrap()), ["Cherie Blair"]);
        // `r` in the reader lists the same stories: his, under every name, not hers.
        let related: Vec<String> =
            related_stories(&store, "Tony Blair").unwrap().into_iter().map(|h| h.story.id).collect();
        assert_eq!(related.len(), 11, "{related:?}");
        assert!(!related.contains(&"cherie".to_string()));
    }

    #[test]
    fn people_who_share_a_surname_stay_apart() {
        let mut store = library(&[
            ("a", &[("PER", "Gordon Brown")]),
            ("b", &[("PER", "Gordon Brown")]),
            ("c", &[("PER", "Nick Brown")]),
            ("d", &[("PER", "Nick Brown")]),
            ("e", &[("PER", "Brown")]),
        ]);
        assert_eq!(names(profile(&mut store, "Gordon Brown").unwrap()), ["Gordon Brown"]);
        let Lookup::Ambiguous(candidates) = profile(&mut store, "Brown").unwrap() else {
            panic!("ambiguous")
        };
        let listed: Vec<&str> = candidates.iter().map(|(n, _, _)| n.as_str()).collect();
        assert!(listed.contains(&"Gordon Brown") && listed.contains(&"Nick Brown"), "{listed:?}");
        assert_eq!(profile(&mut store, "Nobody").unwrap(), Lookup::NotFound);
    }

    #[test]
    fn accents_case_titles_and_acronyms_are_one_entity() {
        let mut store = library(&[
            ("a", &[("PER", "Assimi Goïta"), ("ORG", "Union européenne")]),
            ("b", &[("PER", "le colonel Assimi Goita"), ("ORG", "UE")]),
            ("c", &[("PER", "ASSIMI GOITA"), ("ORG", "Union Européenne")]),
        ]);
        let goita = names(profile(&mut store, "Assimi Goita").unwrap());
        assert_eq!(goita.len(), 3, "{goita:?}");
        let union = names(profile(&mut store, "union europeenne").unwrap());
        assert!(union.contains(&"UE".to_string()), "{union:?}");
    }

    #[test]
    fn the_page_lists_the_stories_from_the_entity_rows_as_from_the_stories_rows() {
        let mut store = library(&[
            ("a", &[("PER", "Tony Blair")]),
            ("b", &[("PER", "Mr Blair"), ("PER", "Tony Blair")]),
            ("c", &[("PER", "Tony Blair")]),
        ]);
        let ids: Vec<i64> = store.entities_ending_with("blair", 10).unwrap().iter().map(|e| e.id).collect();
        let brief = |rows: Vec<crate::store::EntityStory>| -> Vec<(String, String, Option<String>, i64, String, usize)> {
            let mut rows: Vec<_> = rows
                .into_iter()
                .map(|r| (r.story.id, r.story.title, r.story.date, r.entity, r.name, r.mentions))
                .collect();
            rows.sort();
            rows
        };
        let window = brief(store.entity_story_window(&ids, 0, None).unwrap());
        assert_eq!(window.len(), 4, "{window:?}");
        assert_eq!(window, brief(store.stories_of_entities(&ids).unwrap()));
        let Lookup::Found(p) = profile(&mut store, "Tony Blair").unwrap() else { panic!("found") };
        assert_eq!((p.stories.len(), p.story_count), (3, 3));
    }

    #[test]
    fn a_quote_credited_to_the_acronym_the_story_writes_is_the_organisation_s() {
        let mention = |text: &str| Mention { start: 0, end: 5, text: text.into(), origin: Origin::Model };
        let facts = Facts {
            entities: vec![Entity {
                label: Label::Org,
                name: "Conseil représentatif des institutions juives de France".into(),
                mentions: vec![
                    mention("Conseil représentatif des institutions juives de France"),
                    mention("CRIF"),
                ],
            }],
            quotes: vec![crate::extract::Quote {
                start: 0,
                end: 5,
                text: "un acte odieux".into(),
                speaker: Some("CRIF".into()),
                speaker_origin: None,
                speaker_description: None,
            }],
            ..Facts::default()
        };
        let mut store = Store::open_in_memory().unwrap();
        let article =
            Article { id: "a".into(), title: "a".into(), body: "Story a.".into(), ..Article::default() };
        let ops = vec![FileOp::Replace {
            path: "/lib/a.txt".into(),
            stamp: FileStamp { size: 1, mtime_ns: 0, hash: 1 },
            articles: vec![(article, Some(crate::service::analysis::cached(&facts)))],
        }];
        store.apply(&ops, crate::service::analysis::EXTRACTOR_VERSION).unwrap();
        let Lookup::Found(p) =
            profile(&mut store, "Conseil représentatif des institutions juives de France").unwrap()
        else {
            panic!("found")
        };
        assert_eq!(p.quotes.len(), 1, "{:?}", p.quotes);
    }

    /// A library of `n` stories naming Tony Blair, story `i` dated day `i` (2001-01-01 on).
    fn dated_library(n: usize) -> Store {
        let first = chrono::NaiveDate::from_ymd_opt(2001, 1, 1).unwrap();
        let ids: Vec<String> = (0..n).map(|i| format!("s{i:03}")).collect();
        let dates: Vec<String> = (0..n).map(|i| (first + chrono::Days::new(i as u64)).to_string()).collect();
        let blair: &[(&str, &str)] = &[("PER", "Tony Blair")];
        let refs: Vec<DatedStory> =
            ids.iter().zip(&dates).map(|(id, date)| (id.as_str(), Some(date.as_str()), blair)).collect();
        library_dated(&refs)
    }

    #[test]
    fn the_page_holds_the_newest_stories_and_counts_them_all() {
        let n = PAGE_STORIES + 30;
        let mut store = dated_library(n);
        let Lookup::Found(p) = profile(&mut store, "Tony Blair").unwrap() else { panic!("found") };
        assert_eq!((p.stories.len(), p.story_count, p.undated), (PAGE_STORIES, n, 0));
        assert_eq!(p.stories[0].id, format!("s{:03}", n - 1), "the newest first");
        // The timeline counts every story by month, not only those held.
        assert_eq!(p.timeline.iter().map(|m| m.1).sum::<usize>(), n);
        assert_eq!(p.timeline[0], ("2001-01".to_string(), 31));
        // The next window goes on where the first stopped, and the two hold every story once.
        let more = more_stories(&store, "Tony Blair", p.stories.len(), Some(PAGE_STORIES)).unwrap();
        assert_eq!(more.len(), 30);
        assert_eq!(more[0].id, format!("s{:03}", n - 1 - PAGE_STORIES));
        let all: HashSet<String> = p.stories.iter().chain(&more).map(|s| s.id.clone()).collect();
        assert_eq!(all.len(), n);
        // `r` lists the newest it is asked for, newest first.
        let newest: Vec<String> =
            related_newest(&store, "Tony Blair", 3).unwrap().into_iter().map(|h| h.story.id).collect();
        assert_eq!(newest, [format!("s{:03}", n - 1), format!("s{:03}", n - 2), format!("s{:03}", n - 3)]);
    }

    #[test]
    fn companions_are_ranked_by_association_not_by_count() {
        let mut stories: Vec<(String, Vec<(&str, &str)>)> = Vec::new();
        // "London" is in every story; "Mahmoud Abbas" only where Blair is.
        for i in 0..6 {
            stories.push((
                format!("b{i}"),
                vec![("PER", "Tony Blair"), ("LOC", "London"), ("PER", "Mahmoud Abbas")],
            ));
        }
        for i in 0..30 {
            stories.push((format!("o{i}"), vec![("LOC", "London")]));
        }
        let refs: Vec<(&str, &[(&str, &str)])> =
            stories.iter().map(|(id, e)| (id.as_str(), e.as_slice())).collect();
        let mut store = library(&refs);
        let Lookup::Found(p) = profile(&mut store, "Tony Blair").unwrap() else { panic!("found") };
        assert_eq!(
            p.cooccurring.first().map(|c| c.name.as_str()),
            Some("Mahmoud Abbas"),
            "{:?}",
            p.cooccurring
        );
    }
}
