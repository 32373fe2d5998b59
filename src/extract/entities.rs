//! Merge candidate mentions from all recognizers, then group mentions into entities.
//!
//! Merge: highest score wins on overlap (ties: longer span, then earlier), so confident
//! gazetteer/cue spans beat a model, and a model beats the capitalisation fallbacks.
//! Grouping: gazetteer aliases share an id (Russie / Fédération de Russie); a person's short
//! mention joins the full name it is part of (Goita → Assimi Goita); otherwise same folded text.

use super::gazetteer::{GAZ, phrase_key};
use super::types::{Candidate, Entity, Label, Mention, Origin};
use super::util::{FxMap, all_upper};
use crate::text::fold::fold_str;

pub fn resolve(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    cands.retain(|c| c.start < c.end);
    cands.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then((y.end - y.start).cmp(&(x.end - x.start)))
            .then(x.start.cmp(&y.start))
    });
    // Kept spans by start; they never overlap, so only the last one starting before a
    // candidate's end can overlap it (a linear scan here was quadratic on long texts).
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut kept: Vec<Candidate> = Vec::with_capacity(cands.len());
    for c in cands {
        let clash = taken.range(..c.end).next_back().is_some_and(|(_, &end)| end > c.start);
        if !clash {
            taken.insert(c.start, c.end);
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.start);
    kept
}

/// Gazetteer entry (id, label) of a mention's text.
fn gazetteer_entry(text: &str) -> Option<(u32, Label)> {
    if let Some(e) = GAZ.acronyms.get(text) {
        return Some((e.id, e.label));
    }
    GAZ.phrases.get(&phrase_key(text, &GAZ.abbreviations)).map(|e| (e.id, e.label))
}

/// One label per name within a document: every mention with the same (folded) text gets the
/// label of the strongest evidence: the user's, else a gazetteer's, else a two-thirds majority
/// (ties: the higher total score). "Bamako" tagged PER once and LOC three times becomes LOC.
pub fn harmonise(text: &str, cands: &mut [Candidate]) {
    let mut votes: FxMap<String, [(u32, f32); 4]> = FxMap::default();
    // An acronym the text spells out ("l'Institut national de l'audiovisuel (Ina)") names
    // that organisation wherever it occurs: as strong a vote as a listed name.
    for (acronym, _) in defined_acronyms(text, cands) {
        votes.entry(acronym).or_default()[1].0 += 100;
    }
    let mut keys: Vec<Option<String>> = Vec::with_capacity(cands.len());
    for c in cands.iter() {
        let Some(li) = label_index(c.label).filter(|_| !inside_a_word(text, c)) else {
            keys.push(None);
            continue;
        };
        let key = fold_str(text.get(c.start..c.end).unwrap_or(""));
        let v = votes.entry(key.clone()).or_default();
        let (count, weight) = match c.origin {
            Origin::User => (1000, 1000.0),
            // A listed place may also name a team or a person ("New York", "Jordan"): a strong
            // vote, not a veto. Listed organisations and people decide. A French town of the
            // list is the place where the tagger read a person (see `merge`), and no more than
            // one vote where it reads its club ("Castres a battu Agen").
            Origin::Gazetteer if c.label == Label::Loc && GAZ.towns.contains(key.as_str()) => (1, c.score),
            Origin::Gazetteer if c.label == Label::Loc => (2, c.score),
            Origin::Gazetteer => (100, 100.0),
            _ => (1, c.score),
        };
        v[li].0 += count;
        v[li].1 += weight;
        keys.push(Some(key));
    }
    for (c, key) in cands.iter_mut().zip(keys) {
        let Some(v) = key.and_then(|k| votes.get(&k)) else { continue };
        // All-caps mentions come from headlines and results tables, where the same word is a
        // city in the dateline and a team in the table: leave their labels alone.
        let t = text.get(c.start..c.end).unwrap_or("");
        if c.origin == Origin::User || (t.chars().filter(|ch| ch.is_alphabetic()).count() > 1 && all_upper(t))
        {
            continue;
        }
        let mut best = 0;
        for i in 1..4 {
            if (v[i].0, v[i].1) > (v[best].0, v[best].1) {
                best = i;
            }
        }
        // Without a user or gazetteer decision, a clear majority is needed: the same string may
        // name a city and its team within one sports report.
        let total: u32 = v.iter().map(|x| x.0).sum();
        // A name of several words read as a person here and an organisation there, never as
        // a place, is one of them: "Ask Jeeves" five times ORG and three times PER.
        let person_or_body = v[2].0 == 0 && v[3].0 == 0 && t.contains(' ') && best < 2;
        if v[best].0 >= 100 || v[best].0 * 3 >= total * 2 || person_or_body && v[best].0 * 2 > total {
            c.label = LABELS[best];
        }
    }
}

/// A mention that is part of a hyphenated word ("Lyon" of the fixture "Lyon-Marseille"): the
/// rule that cut it out gave its label, which neither votes for nor takes the label of the same
/// name elsewhere (the city).
fn inside_a_word(text: &str, c: &Candidate) -> bool {
    text.get(..c.start).is_some_and(|t| t.ends_with('-'))
        || text.get(c.end..).is_some_and(|t| t.starts_with('-'))
}

/// Folded acronyms written in brackets right after the organisation they abbreviate, each with
/// that organisation's folded name: "Institut national de l'audiovisuel (Ina)", "Parti
/// socialiste (PS)".
fn defined_acronyms(text: &str, cands: &[Candidate]) -> Vec<(String, String)> {
    cands
        .windows(2)
        .filter(|w| {
            let (long, short) = (&w[0], &w[1]);
            let between = text.get(long.end..short.start).unwrap_or("");
            long.label == Label::Org
                && between.trim() == "("
                && text.get(short.end..).is_some_and(|rest| rest.trim_start().starts_with(')'))
                && abbreviates(
                    text.get(short.start..short.end).unwrap_or(""),
                    text.get(long.start..long.end).unwrap_or(""),
                )
        })
        .map(|w| {
            let fold = |c: &Candidate| fold_str(text.get(c.start..c.end).unwrap_or(""));
            (fold(&w[1]), fold(&w[0]))
        })
        .collect()
}

/// Whether `short` is made of the initials of `long`'s words, as French writes acronyms in
/// capitals or not ("PS", "Ina", "Unef").
fn abbreviates(short: &str, long: &str) -> bool {
    let letters = short.chars().count();
    (2..=8).contains(&letters)
        && short.chars().all(char::is_alphabetic)
        && super::util::starts_upper(short)
        && super::names::initials(long).is_some_and(|i| i == fold_str(short))
}

const LABELS: [Label; 4] = [Label::Per, Label::Org, Label::Loc, Label::Misc];

fn label_index(l: Label) -> Option<usize> {
    LABELS.iter().position(|&x| x == l)
}

struct Group {
    label: Label,
    mentions: Vec<(Mention, f32)>,
    gaz: Option<u32>,
}

pub fn group(text: &str, resolved: &[Candidate]) -> Vec<Entity> {
    // (An acronym the text defines for two different names is neither's: "Business Software
    // Alliance (BSA)" … "Building Societies Association (BSA)".)
    let mut expansions: FxMap<String, Option<String>> = FxMap::default();
    for (acronym, long) in defined_acronyms(text, resolved) {
        let slot = expansions.entry(acronym).or_insert_with(|| Some(long.clone()));
        if slot.as_deref() != Some(long.as_str()) {
            *slot = None;
        }
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: FxMap<(u8, String), usize> = FxMap::default();
    // Folded single words of multi-word person names → group index.
    let mut person_parts: FxMap<String, usize> = FxMap::default();
    // How often each full name and each lone word of another label occur.
    let mut full_count: FxMap<String, usize> = FxMap::default();
    let mut other_count: FxMap<String, usize> = FxMap::default();
    // First pass: multi-word person names define the people.
    for c in resolved.iter() {
        let t = text.get(c.start..c.end).unwrap_or("");
        if c.label != Label::Per {
            if !t.contains(char::is_whitespace) {
                *other_count.entry(fold_str(t)).or_default() += 1;
            }
            continue;
        }
        let words: Vec<&str> = t.split_whitespace().collect();
        if words.len() < 2 {
            continue;
        }
        *full_count.entry(fold_str(t)).or_default() += 1;
        let key = (0u8, fold_str(t));
        if let std::collections::hash_map::Entry::Vacant(v) = by_key.entry(key) {
            v.insert(groups.len());
            groups.push(Group { label: Label::Per, mentions: Vec::new(), gaz: None });
        }
    }
    // "Le Drian" is "Jean-Yves Le Drian" once the text has named him in full.
    let surnames = particle_surnames(&by_key);
    for (key, gi) in by_key.iter_mut() {
        if let Some(&owner) = surnames.get(&key.1).filter(|_| key.0 == 0) {
            *gi = owner;
        }
    }
    for (key, &gi) in by_key.iter() {
        for (i, w) in key.1.split_whitespace().enumerate() {
            // A first word that occurs alone with another label much more often than the full
            // name is not this person: "Fukushima" ×10 as a place, "Fukushima Daiichi" once as a
            // (mistaken) person.
            let full = full_count.get(&key.1).copied().unwrap_or(0);
            if i == 0 && other_count.get(w).copied().unwrap_or(0) >= full + 2 {
                continue;
            }
            if w.chars().count() > 1 && !super::roles::PARTICLES.contains(&w) {
                // A surname two people share ("Tony Blair", "Cherie Blair") is the one the
                // text named first (groups are numbered in text order).
                let owner = person_parts.entry(w.to_string()).or_insert(gi);
                *owner = (*owner).min(gi);
            }
        }
    }
    for c in resolved {
        if c.label == Label::Date {
            continue;
        }
        let t = text.get(c.start..c.end).unwrap_or("");
        let mention = Mention { start: c.start, end: c.end, text: t.to_string(), origin: c.origin };
        let folded = fold_str(t);
        let single = !t.contains(char::is_whitespace);
        let gi = if let Some(&gi) = surnames.get(&folded).filter(|_| c.origin != Origin::Gazetteer) {
            // "Le Drian" after "Jean-Yves Le Drian", whatever a recogniser typed it as.
            gi
        } else if let Some(&gi) = by_key.get(&(0, folded.clone())).filter(|_| c.label == Label::Per) {
            gi
        } else if let Some(&gi) =
            person_parts.get(&folded).filter(|_| single && c.score < 0.8 || c.label == Label::Per)
        {
            // A surname alone: joins the person unless a gazetteer/cue said otherwise.
            gi
        } else if c.label == Label::Misc && c.origin == Origin::Rule && c.score <= 0.3 {
            // Lone unknown capitalised word that is not part of a known person: too unsure.
            continue;
        } else if let Some((id, _)) = gazetteer_entry(t)
            .filter(|&(_, l)| c.origin == Origin::Gazetteer || (c.origin == Origin::Model && l == c.label))
        {
            // Tagger mentions of a listed name join its entity (one "Russie", whoever found it).
            let key = (1u8, id.to_string());
            *by_key.entry(key).or_insert_with(|| {
                groups.push(Group { label: c.label, mentions: Vec::new(), gaz: Some(id) });
                groups.len() - 1
            })
        } else {
            // "l'Union des étudiants juifs de France (UEJF)": the acronym the text defines is
            // the same organisation, wherever it occurs.
            let name = expansions
                .get(&folded)
                .cloned()
                .flatten()
                .filter(|_| c.label != Label::Per)
                .unwrap_or(folded);
            let key = (2u8, name);
            *by_key.entry(key).or_insert_with(|| {
                groups.push(Group { label: c.label, mentions: Vec::new(), gaz: None });
                groups.len() - 1
            })
        };
        if let Some(g) = groups.get_mut(gi) {
            g.mentions.push((mention, c.score));
        }
    }
    // The label of a group is that of its most confident mention.
    let mut out = Vec::with_capacity(groups.len());
    for mut g in groups {
        if g.mentions.is_empty() {
            continue;
        }
        g.mentions.sort_by_key(|(m, _)| m.start);
        if let Some((_, _)) = g.mentions.iter().max_by(|a, b| a.1.total_cmp(&b.1)) {
            let best = g.mentions.iter().max_by(|a, b| a.1.total_cmp(&b.1)).map(|m| m.1).unwrap_or(0.0);
            // Person groups stay persons (their key came from a PER span).
            if g.label != Label::Per
                && let Some(lbl) = label_of_best(&g, best, resolved)
            {
                g.label = lbl;
            }
        }
        let name = canonical(&g);
        out.push(Entity { label: g.label, name, mentions: g.mentions.into_iter().map(|(m, _)| m).collect() });
    }
    out.sort_by_key(|e| e.mentions.first().map_or(0, |m| m.start));
    out
}

/// Articles that open a surname of several words besides the particles of `roles::PARTICLES`
/// ("de", "van", "el" …): « Le Drian », « Le Pen », « La Fontaine » (folded).
const SURNAME_OPENERS: [&str; 2] = ["le", "la"];

/// The surnames of several words that open with a particle ("le drian" in "jean-yves le
/// drian"), each with the one person whose name ends with it; a surname two people share
/// (Marine and Jean-Marie Le Pen) names neither.
fn particle_surnames(by_key: &FxMap<(u8, String), usize>) -> FxMap<String, usize> {
    let mut owner: FxMap<String, Option<usize>> = FxMap::default();
    for ((kind, key), &gi) in by_key {
        let words: Vec<&str> = key.split_whitespace().collect();
        if *kind != 0 || words.len() < 3 {
            continue;
        }
        let opens = |w: &&str| SURNAME_OPENERS.contains(w) || super::roles::PARTICLES.contains(w);
        // The particle stands after a given name: "jean-yves le drian", not "le drian" itself.
        for i in 1..words.len() - 1 {
            if opens(&words[i]) {
                let tail = words[i..].join(" ");
                match owner.get(&tail) {
                    Some(Some(g)) if *g != gi => {
                        owner.insert(tail, None);
                    }
                    Some(_) => {}
                    None => {
                        owner.insert(tail, Some(gi));
                    }
                }
                break;
            }
        }
    }
    owner.into_iter().filter_map(|(k, g)| g.map(|g| (k, g))).collect()
}

fn label_of_best(g: &Group, best: f32, resolved: &[Candidate]) -> Option<Label> {
    let (m, _) = g.mentions.iter().find(|(_, s)| *s >= best)?;
    resolved.iter().find(|c| c.start == m.start && c.end == m.end).map(|c| c.label)
}

/// The name an entity is shown and keyed by, its spaces plain ("Bruno Le\u{a0}Maire" with a
/// no-break space is "Bruno Le Maire").
fn canonical(g: &Group) -> String {
    written_name(g).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Gazetteer entities: most frequent form (ties: the first); others: the longest mention.
fn written_name(g: &Group) -> String {
    if g.gaz.is_some() {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for (m, _) in &g.mentions {
            match counts.iter_mut().find(|(t, _)| *t == m.text) {
                Some(e) => e.1 += 1,
                None => counts.push((&m.text, 1)),
            }
        }
        let max = counts.iter().map(|c| c.1).max().unwrap_or(0);
        return counts.iter().find(|c| c.1 == max).map(|c| c.0.to_string()).unwrap_or_default();
    }
    g.mentions
        .iter()
        .map(|(m, _)| m.text.as_str())
        .max_by_key(|t| (t.chars().count(), std::cmp::Reverse(0)))
        .unwrap_or("")
        .to_string()
}

/// How many person mentions a look-back considers at most.
const MAX_PEOPLE_LOOKED_AT: usize = 32;

/// Where each entity mention starts and ends, for the fact rules that ask "is there an entity
/// here?" once per cue (a scan of every mention per question was quadratic on long texts).
pub struct EntityIndex<'a> {
    pub entities: &'a [Entity],
    /// Mention start byte → (entity index, mention end byte).
    by_start: std::collections::HashMap<usize, (usize, usize)>,
    /// Mention end byte → entity index.
    by_end: std::collections::HashMap<usize, usize>,
    /// (start, end, entity index) of every person mention, by start.
    people: Vec<(usize, usize, usize)>,
}

impl<'a> EntityIndex<'a> {
    pub fn new(entities: &'a [Entity]) -> EntityIndex<'a> {
        let mut by_start = std::collections::HashMap::new();
        let mut by_end = std::collections::HashMap::new();
        let mut people = Vec::new();
        for (i, e) in entities.iter().enumerate() {
            for m in &e.mentions {
                by_start.entry(m.start).or_insert((i, m.end));
                by_end.entry(m.end).or_insert(i);
                if e.label == super::types::Label::Per {
                    people.push((m.start, m.end, i));
                }
            }
        }
        people.sort_unstable();
        EntityIndex { entities, by_start, by_end, people }
    }

    /// The person accepted by `keep(entity, mention start)` whose mention ends last before byte
    /// `before`, among the mentions starting at or after byte `from`.
    pub fn last_person_between(
        &self,
        from: usize,
        before: usize,
        keep: impl Fn(&Entity, usize) -> bool,
    ) -> Option<&'a Entity> {
        let upto = self.people.partition_point(|&(start, _, _)| start < before);
        let from_idx = self.people.partition_point(|&(start, _, _)| start < from);
        self.people
            .get(from_idx..upto)?
            .iter()
            .rev()
            .filter(|&&(_, end, _)| end <= before)
            // Bounded: a text without sentence ends must not make each look-up scan it all.
            .take(MAX_PEOPLE_LOOKED_AT)
            .filter_map(|&(start, _, i)| Some((self.entities.get(i)?, start)))
            .find(|&(e, start)| keep(e, start))
            .map(|(e, _)| e)
    }

    /// The entity with a mention starting at byte `start`, and that mention's end.
    pub fn starting_at(&self, start: usize) -> Option<(&'a Entity, usize)> {
        let &(i, end) = self.by_start.get(&start)?;
        Some((self.entities.get(i)?, end))
    }

    /// The entity with a mention ending at byte `end`.
    pub fn ending_at(&self, end: usize) -> Option<&'a Entity> {
        self.entities.get(*self.by_end.get(&end)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(text: &str, nth: usize, word: &str, label: Label) -> Candidate {
        let start = text.match_indices(word).nth(nth).map(|(i, _)| i).expect("word in text");
        Candidate { start, end: start + word.len(), label, origin: Origin::Model, score: 0.6 }
    }

    #[test]
    fn an_acronym_spelt_out_names_the_organisation_everywhere() {
        let text = "L'Institut national de l'audiovisuel (Ina) reporte le festival, précise l'Ina. \
                    Selon l'Ina, puis Ina.";
        let mut cands = vec![
            cand(text, 0, "Institut national de l'audiovisuel", Label::Org),
            cand(text, 0, "Ina", Label::Loc),
            cand(text, 1, "Ina", Label::Loc),
            cand(text, 2, "Ina", Label::Loc),
            cand(text, 3, "Ina", Label::Per),
        ];
        harmonise(text, &mut cands);
        assert!(cands.iter().all(|c| c.label == Label::Org), "{cands:?}");
    }

    #[test]
    fn a_listed_town_is_one_vote_against_its_club() {
        let text = "Castres a battu Agen. Castres mène, Castres gagne.";
        let mut cands = vec![
            cand(text, 0, "Castres", Label::Org),
            cand(text, 1, "Castres", Label::Org),
            cand(text, 2, "Castres", Label::Loc),
        ];
        cands[2].origin = Origin::Gazetteer;
        cands[2].score = 0.9;
        harmonise(text, &mut cands);
        assert!(cands.iter().all(|c| c.label == Label::Org), "{cands:?}");
    }

    #[test]
    fn a_name_read_as_person_and_organisation_takes_the_majority() {
        let text = "Zed Works grew. Zed Works hired. Zed Works sold. Zed Works paid. Zed Works won.";
        let labels = [Label::Org, Label::Per, Label::Org, Label::Per, Label::Org];
        let mut cands: Vec<Candidate> =
            labels.iter().enumerate().map(|(i, &l)| cand(text, i, "Zed Works", l)).collect();
        harmonise(text, &mut cands);
        assert!(cands.iter().all(|c| c.label == Label::Org), "{cands:?}");
        // A place among the readings keeps the two-thirds rule (a city and its team).
        let mut cands: Vec<Candidate> = [Label::Org, Label::Loc, Label::Org, Label::Loc, Label::Org]
            .iter()
            .enumerate()
            .map(|(i, &l)| cand(text, i, "Zed Works", l))
            .collect();
        harmonise(text, &mut cands);
        assert_eq!(cands.iter().filter(|c| c.label == Label::Loc).count(), 2, "{cands:?}");
    }

    #[test]
    fn brackets_after_a_non_matching_name_define_nothing() {
        let text = "Le Parti socialiste (UMP) et Paris (PS) puis UMP.";
        let cands = [
            cand(text, 0, "Parti socialiste", Label::Org),
            cand(text, 0, "UMP", Label::Loc),
            cand(text, 0, "Paris", Label::Loc),
            cand(text, 0, "PS", Label::Loc),
        ];
        assert!(defined_acronyms(text, &cands).is_empty());
        assert!(abbreviates("Unef", "Union nationale des étudiants de France"));
        assert!(!abbreviates("unef", "Union nationale des étudiants de France"), "lower case");
    }
}
