//! What `byline export` writes: every annotated story as a document in the text the user gave
//! (so a tool reading the offsets against its own copy finds the mentions), with the user's
//! decisions and, unless only reviewed work is asked for, the suggestions not judged yet.

use crate::annotate::corrections::{ROLE, SPEAKER, is_correction, roles_of};
use crate::annotate::formats::{
    AnnotatedDoc, AnnotatedRelation, AnnotatedRoles, AnnotatedSpan, QUOTE_LABEL, RelationArg,
    SPEAKER_RELATION, SpanStatus,
};
use crate::annotate::{Annotation, Status};
use crate::extract::{Facts, Mention};
use crate::library::align::SourceMap;
use crate::model::LoadedStory;
use crate::service::story::load_story;
use crate::store::{Result, Store};

/// The documents to export and what was left out or written in byline's own text.
#[derive(Debug, Default)]
pub struct ExportSet {
    pub docs: Vec<AnnotatedDoc>,
    /// Stories left out by `reviewed_only` because some suggestion is still unjudged.
    pub unreviewed: usize,
    /// Documents written in byline's text because a span could not be placed in the given text.
    pub in_own_text: usize,
}

fn span_status(status: Status) -> SpanStatus {
    match status {
        Status::Accepted => SpanStatus::Accepted,
        Status::Rejected => SpanStatus::Rejected,
        Status::Suggested => SpanStatus::Suggested,
    }
}

fn span_of(a: &Annotation) -> AnnotatedSpan {
    AnnotatedSpan {
        start: a.start,
        end: a.end,
        label: a.label.clone(),
        entity: a.entity.clone(),
        kb_id: a.kb_id.clone(),
        status: span_status(a.status),
        note: a.note.clone(),
    }
}

/// The extractor's mentions the user has not judged (no annotation overlaps them), as
/// suggestions of their entity.
fn unjudged(story: &LoadedStory) -> Vec<AnnotatedSpan> {
    let anns: Vec<&Annotation> = story.annotations.annotations.iter().filter(|a| !is_correction(a)).collect();
    let mut out = Vec::new();
    for e in &story.facts.entities {
        for m in e.mentions.iter().filter(|m| !anns.iter().any(|a| a.overlaps(m.start, m.end))) {
            let mut span = AnnotatedSpan::new(m.start, m.end, e.label.as_str(), SpanStatus::Suggested);
            span.entity = Some(e.name.clone());
            out.push(span);
        }
    }
    out
}

/// The user's corrections of the facts as relations and roles, in byline's text: each quote
/// whose speaker the user set to an entity, to the mention of that entity nearest the quote (a
/// speaker set to "unknown", or to an entity without a mention, gives nothing); each person's
/// roles on the mention the user gave them on.
fn corrections(story: &LoadedStory) -> (Vec<AnnotatedRelation>, Vec<AnnotatedRoles>) {
    let anns = &story.annotations.annotations;
    let facts: Facts = crate::annotate::merge::merge(&story.facts, anns);
    let mut relations = Vec::new();
    let mut roles = Vec::new();
    for a in anns.iter().filter(|a| a.status != Status::Rejected) {
        let Some(name) = &a.entity else { continue };
        if a.label == SPEAKER {
            let distance = |m: &Mention| {
                if m.end <= a.start { a.start - m.end } else { m.start.saturating_sub(a.end) }
            };
            let nearest = facts
                .entities
                .iter()
                .filter(|e| e.name == *name)
                .flat_map(|e| e.mentions.iter().map(move |m| (e, m)))
                .filter(|(_, m)| !a.overlaps(m.start, m.end))
                .min_by_key(|(_, m)| (distance(m), m.start));
            if let Some((e, m)) = nearest {
                relations.push(AnnotatedRelation {
                    label: SPEAKER_RELATION.to_owned(),
                    head: RelationArg { start: a.start, end: a.end, label: QUOTE_LABEL.to_owned() },
                    child: RelationArg { start: m.start, end: m.end, label: e.label.as_str().to_owned() },
                });
            }
        } else if a.label == ROLE {
            let label = facts.entities.iter().find(|e| e.name == *name).map_or("PER", |e| e.label.as_str());
            roles.push(AnnotatedRoles {
                person: RelationArg { start: a.start, end: a.end, label: label.to_owned() },
                roles: roles_of(a.note.as_deref()),
            });
        }
    }
    (relations, roles)
}

/// Whether a story's review is complete: marked done (by the user, or by an imported file of
/// finished annotations), or no suggestion of the extractor's or of an import waits for a
/// decision.
pub fn is_reviewed(store: &Store, story: &LoadedStory) -> Result<bool> {
    Ok(store.review_done(&story.article.id)?
        || crate::annotate::review::progress(&story.facts, &story.annotations.annotations).unjudged == 0)
}

/// One story as a document: the spans moved into the text as given when every one of them
/// can be placed there exactly, else the document is byline's own text (its offsets then
/// index that text, which the document carries).
fn document(story: &LoadedStory, spans: Vec<AnnotatedSpan>) -> (AnnotatedDoc, bool) {
    let article = &story.article;
    let given = article.given_text();
    let map = SourceMap::new(&given, &article.body);
    let place = |a: &RelationArg| {
        let r = map.to_source(&given, &article.body, a.start..a.end)?;
        Some(RelationArg { start: r.start, end: r.end, label: a.label.clone() })
    };
    let (relations, roles) = corrections(story);
    let placed: Option<Vec<AnnotatedSpan>> = spans
        .iter()
        .map(|s| {
            let r = map.to_source(&given, &article.body, s.start..s.end)?;
            Some(AnnotatedSpan { start: r.start, end: r.end, ..s.clone() })
        })
        .collect();
    let placed_relations: Option<Vec<AnnotatedRelation>> = relations
        .iter()
        .map(|r| {
            Some(AnnotatedRelation { label: r.label.clone(), head: place(&r.head)?, child: place(&r.child)? })
        })
        .collect();
    let placed_roles: Option<Vec<AnnotatedRoles>> = roles
        .iter()
        .map(|r| Some(AnnotatedRoles { person: place(&r.person)?, roles: r.roles.clone() }))
        .collect();
    let (text, spans, relations, roles, own) = match (placed, placed_relations, placed_roles) {
        (Some(s), Some(r), Some(o)) => (given.to_string(), s, r, o, false),
        _ => (article.body.clone(), spans, relations, roles, true),
    };
    let mut doc = AnnotatedDoc::new(&article.id, text);
    doc.spans = spans;
    doc.relations = relations;
    doc.roles = roles;
    doc.spans.sort_by_key(|s| (s.start, s.end));
    doc.meta.insert("title".into(), article.title.clone().into());
    if let Some(url) = &article.url {
        doc.meta.insert("url".into(), url.clone().into());
    }
    let path = article.path.to_string_lossy();
    if !path.is_empty() {
        doc.meta.insert("path".into(), path.into_owned().into());
    }
    (doc, own)
}

/// Every annotated story as a document. With `reviewed_only`, only stories whose review is
/// complete, with the user's decisions only; otherwise every annotated story, with the
/// extractor's suggestions not judged yet as well (none for a story marked done: its review
/// said they are not entities).
pub fn annotated_docs(store: &mut Store, reviewed_only: bool) -> Result<ExportSet> {
    let mut set = ExportSet::default();
    for (id, _) in store.all_annotations()? {
        let Some(story) = load_story(store, &id)? else { continue };
        if reviewed_only && !is_reviewed(store, &story)? {
            set.unreviewed += 1;
            continue;
        }
        let mut spans: Vec<AnnotatedSpan> =
            story.annotations.annotations.iter().filter(|a| !is_correction(a)).map(span_of).collect();
        if !reviewed_only && !store.review_done(&id)? {
            spans.extend(unjudged(&story));
        }
        let (doc, own) = document(&story, spans);
        set.in_own_text += usize::from(own);
        set.docs.push(doc);
    }
    Ok(set)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::Edit;
    use crate::annotate::corrections::is_correction_label;
    use crate::annotate::formats::{ExportOptions, Format, export};
    use crate::library::Limits;
    use crate::service::Source;
    use crate::service::index::index_source;

    /// The reference article, indexed, with one of its suggestions rejected.
    fn store_with_one_rejection() -> (Store, String) {
        let mut store = Store::open_in_memory().unwrap();
        index_source(&mut store, &Source::Bundled, &Limits::default(), &mut |_, _| {}).unwrap();
        let id = store
            .stories_in(&Source::Bundled.scopes())
            .unwrap()
            .iter()
            .find(|s| s.title.contains("Mali") || s.title.contains("malien"))
            .unwrap()
            .id
            .clone();
        let story = load_story(&mut store, &id).unwrap().unwrap();
        let m = &story.facts.entities[0].mentions[0];
        let a = Annotation::new(&story.article.body, m.start, m.end, "LOC", Status::Rejected, "model");
        store.edit(&id, &story.content_hash, Edit::Add(a)).unwrap();
        (store, id)
    }

    #[test]
    fn reviewed_only_leaves_out_a_story_whose_suggestions_are_not_all_judged() {
        let (mut store, id) = store_with_one_rejection();
        let set = annotated_docs(&mut store, true).unwrap();
        assert!(set.docs.is_empty(), "a story with unjudged suggestions is not gold data");
        assert_eq!(set.unreviewed, 1);
        // Without the flag the story goes out with its suggestions, not as "no entities".
        let all = annotated_docs(&mut store, false).unwrap();
        assert!(all.docs[0].spans.iter().filter(|s| s.status == SpanStatus::Suggested).count() > 3);
        // Marked done, its review is complete: the rejection is all it says.
        store.set_review_done(&id, true).unwrap();
        let done = annotated_docs(&mut store, true).unwrap();
        assert_eq!(done.docs.len(), 1);
        assert!(done.docs[0].spans.iter().all(|s| s.status == SpanStatus::Rejected));
    }

    #[test]
    fn exported_offsets_index_the_text_as_given() {
        let (mut store, _) = store_with_one_rejection();
        let doc = annotated_docs(&mut store, false).unwrap().docs.remove(0);
        let file = crate::samples::FILES.iter().find(|(n, _)| n.contains("mali")).unwrap().1;
        assert_eq!(doc.text, file, "the document is the file as given");
        for s in &doc.spans {
            assert!(doc.text.get(s.start..s.end).is_some_and(|t| !t.trim().is_empty()), "{s:?}");
        }
    }

    #[test]
    fn a_corrected_speaker_goes_out_as_a_relation_and_an_unknown_one_does_not() {
        let (mut store, id) = store_with_one_rejection();
        let story = load_story(&mut store, &id).unwrap().unwrap();
        let quote = story.facts.quotes[0].clone();
        let person = story.facts.entities.iter().find(|e| e.label.as_str() == "PER").unwrap().clone();
        let body = &story.article.body;
        let mut speaker = Annotation::new(body, quote.start, quote.end, SPEAKER, Status::Accepted, "user");
        speaker.entity = Some(person.name.clone());
        store.edit(&id, &story.content_hash, Edit::Add(speaker)).unwrap();
        let m = &person.mentions[0];
        let mut role = Annotation::new(body, m.start, m.end, ROLE, Status::Accepted, "user");
        role.entity = Some(person.name.clone());
        role.note = Some("ministre ; porte-parole".into());
        store.edit(&id, &story.content_hash, Edit::Add(role)).unwrap();
        let doc = annotated_docs(&mut store, false).unwrap().docs.remove(0);
        assert_eq!(doc.relations.len(), 1);
        let rel = &doc.relations[0];
        assert_eq!((rel.label.as_str(), rel.head.label.as_str()), (SPEAKER_RELATION, QUOTE_LABEL));
        assert_eq!(&doc.text[rel.head.start..rel.head.end], quote.text);
        let said_by = &doc.text[rel.child.start..rel.child.end];
        assert!(person.mentions.iter().any(|m| m.text == said_by), "{said_by:?}");
        assert_eq!(doc.roles.len(), 1);
        assert_eq!(doc.roles[0].roles, vec!["ministre", "porte-parole"]);
        assert_eq!(&doc.text[doc.roles[0].person.start..doc.roles[0].person.end], m.text);
        assert!(doc.spans.iter().all(|s| !is_correction_label(&s.label)), "corrections are no spans");
        // Every format that has relations writes it.
        for format in [Format::Brat, Format::Prodigy, Format::Doccano] {
            let files = export(std::slice::from_ref(&doc), format, &ExportOptions::default()).unwrap();
            assert!(files.iter().any(|(_, c)| c.contains("Speaker")), "{format}");
        }
        // Set to unknown (no entity): nothing goes out for it.
        let story = load_story(&mut store, &id).unwrap().unwrap();
        let old = story.annotations.annotations.iter().find(|a| a.label == SPEAKER).unwrap().id;
        store.edit(&id, &story.content_hash, Edit::Link { id: old, entity: None }).unwrap();
        let doc = annotated_docs(&mut store, false).unwrap().docs.remove(0);
        assert!(doc.relations.is_empty());
    }
}
