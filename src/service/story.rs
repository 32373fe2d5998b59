//! Reading a story for the reader: the stored article, its facts (from the cache, or extracted
//! now and cached) with the names the user taught in other stories applied over them, and the
//! user's annotations re-anchored when the text changed since they were made.

use crate::annotate::Annotation;
use crate::annotate::anchor::reanchor_all;
use crate::model::LoadedStory;
use crate::service::analysis::{self, EXTRACTOR_VERSION};
use crate::store::{Result, Store};

/// Extracts and caches, on every core, the facts of those of `ids` not cached yet: a page
/// that reads many stories (an entity's) waits for the slowest part once, not for each story.
pub fn cache_facts(store: &mut Store, ids: &[String]) -> Result<()> {
    let mut missing = Vec::new();
    for id in ids {
        // Only the stories to extract are read: the others are read once, by their reader.
        if store.has_facts(id, EXTRACTOR_VERSION)? {
            continue;
        }
        if let Some(stored) = store.article(id)? {
            missing.push((id, stored));
        }
    }
    if missing.is_empty() {
        return Ok(());
    }
    let extracted = super::cores::map_on_cores(&missing, |(_, s)| {
        analysis::cached(&analysis::facts_for(&s.article, None))
    });
    // A story the extractor failed on is extracted again when it is read.
    for ((id, stored), facts) in missing.iter().zip(extracted) {
        if let Some(facts) = facts {
            // A failed cache write only costs a recomputation next time.
            let _ = store.put_facts(id, &stored.content_hash, EXTRACTOR_VERSION, &facts);
        }
    }
    Ok(())
}

/// The story `id` as the reader shows it, or `None` when the library no longer has it.
pub fn load_story(store: &mut Store, id: &str) -> Result<Option<LoadedStory>> {
    let Some(stored) = store.article(id)? else { return Ok(None) };
    let cached = store.facts(&stored.content_hash, EXTRACTOR_VERSION).ok().flatten();
    let cached = match cached.as_deref().and_then(analysis::from_cache) {
        Some(f) => Some(f),
        None => {
            let f = analysis::facts_for(&stored.article, None);
            // A failed cache write only costs a recomputation next time.
            let _ = store.put_facts(id, &stored.content_hash, EXTRACTOR_VERSION, &analysis::cached(&f));
            Some(f)
        }
    };
    // Names taught in other stories only: this story's own decisions are its annotations,
    // merged over the facts in the state, where undo and redo can take them away again.
    let names = store.user_gazetteer_for(id).unwrap_or_default();
    let facts = analysis::facts_with_user_names(&stored.article, cached, &names);
    let mut set = store.annotations(id)?;
    let body = &stored.article.body;
    let (in_place, moved): (Vec<Annotation>, Vec<Annotation>) =
        set.annotations.drain(..).partition(|a| body.get(a.start..a.end) == Some(a.quote.exact.as_str()));
    let (placed, orphans) = reanchor_all(body, moved);
    // Where they were found again is kept for next time, when the database can be written.
    if !placed.is_empty() && !store.is_read_only() {
        store.reanchor(&stored.content_hash, &placed)?;
    }
    set.annotations = in_place.into_iter().chain(placed).collect();
    set.annotations.sort_by_key(|a| (a.start, a.end, a.id));
    Ok(Some(LoadedStory {
        content_hash: stored.content_hash,
        facts,
        annotations: set,
        orphans,
        scroll: stored.scroll,
        article: stored.article,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Limits;
    use crate::service::Source;
    use crate::service::index::index_source;

    /// The facts of the stories asked for are cached (extracted on several threads), and a
    /// story read afterwards has the same facts as one extracted as it is read.
    #[test]
    fn facts_cached_ahead_are_the_facts_a_story_is_read_with() {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in [
            ("a.txt", "Visit\n\nGordon Brown met Angela Merkel in Berlin on Monday."),
            ("b.txt", "Vote\n\nLe ministre Bruno Le Maire a présenté le budget à Paris."),
            ("c.txt", "Floods\n\nThe Environment Agency warned York."),
        ] {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let source = Source::Paths(vec![dir.path().to_path_buf()]);
        let mut ahead = Store::open_in_memory().unwrap();
        index_source(&mut ahead, &source, &Limits::default(), &mut |_, _| {}).unwrap();
        let mut on_read = Store::open_in_memory().unwrap();
        index_source(&mut on_read, &source, &Limits::default(), &mut |_, _| {}).unwrap();
        let ids: Vec<String> = ahead.stories_in(&[]).unwrap().into_iter().map(|m| m.id).collect();
        let hashes: Vec<String> =
            ids.iter().map(|id| ahead.article(id).unwrap().unwrap().content_hash).collect();
        assert!(hashes.iter().all(|h| ahead.facts(h, EXTRACTOR_VERSION).unwrap().is_none()));

        cache_facts(&mut ahead, &ids).unwrap();
        for (id, hash) in ids.iter().zip(&hashes) {
            assert!(ahead.facts(hash, EXTRACTOR_VERSION).unwrap().is_some(), "{id} cached");
            let read = |s: &mut Store| load_story(s, id).unwrap().unwrap().facts;
            assert_eq!(read(&mut ahead), read(&mut on_read), "{id}");
        }
    }
}
