//! Reading a story for the reader: the stored article, its facts (from the cache, or extracted
//! now and cached) with the names the user taught in other stories applied over them, and the
//! user's annotations re-anchored when the text changed since they were made.

use crate::annotate::Annotation;
use crate::annotate::anchor::reanchor_all;
use crate::model::LoadedStory;
use crate::service::analysis::{self, EXTRACTOR_VERSION};
use crate::store::{Result, Store};

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
