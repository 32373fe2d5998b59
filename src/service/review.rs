//! Where the review of each story of a library stands, for `byline review`: done or not, and
//! the suggestions judged of all there are, counted exactly.

use crate::annotate::Progress;
use crate::annotate::review::progress;
use crate::library::{Scope, StoryMeta};
use crate::service::story::load_story;
use crate::store::{Result, Store};

/// One story's review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryProgress {
    pub meta: StoryMeta,
    pub progress: Progress,
}

impl StoryProgress {
    /// What `export --reviewed-only` takes: marked done, or nothing left to judge.
    pub fn complete(&self) -> bool {
        self.meta.review.done || self.progress.unjudged == 0
    }
}

/// The review of every story in `scopes` (all when empty), in the list's order. What a story
/// holds to judge is the count the reader kept when it last opened the story; a story never
/// opened (or whose count is out of date) is read and counted now, and its count kept.
pub fn library_progress(store: &mut Store, scopes: &[Scope]) -> Result<Vec<StoryProgress>> {
    let mut out = Vec::new();
    for meta in store.stories_in(scopes)? {
        let progress = match meta.review.total {
            Some(total) if total >= meta.review.judged => {
                Progress { judged: meta.review.judged, unjudged: total - meta.review.judged }
            }
            _ => {
                let Some(story) = load_story(store, &meta.id)? else { continue };
                let p = progress(&story.facts, &story.annotations.annotations);
                store.save_review_total(&meta.id, &story.content_hash, p.total())?;
                p
            }
        };
        out.push(StoryProgress { meta, progress });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::{Annotation, Edit, Status};
    use crate::library::{Limits, ReviewState};
    use crate::service::Source;
    use crate::service::index::index_source;

    #[test]
    fn every_story_is_counted_once_and_the_count_is_kept() {
        let mut store = Store::open_in_memory().unwrap();
        index_source(&mut store, &Source::Bundled, &Limits::default(), &mut |_, _| {}).unwrap();
        let scopes = Source::Bundled.scopes();
        let first = library_progress(&mut store, &scopes).unwrap();
        assert_eq!(first.len(), 2);
        assert!(first.iter().all(|s| s.progress.judged == 0 && s.progress.unjudged > 0 && !s.complete()));
        assert!(store.stories_in(&scopes).unwrap().iter().all(|m| m.review.total.is_some()), "counts kept");

        // One suggestion rejected: one judged, one fewer waiting, the same total.
        let mali = first.iter().find(|s| s.meta.title.contains("malien")).unwrap();
        let story = load_story(&mut store, &mali.meta.id).unwrap().unwrap();
        let m = &story.facts.entities[0].mentions[0];
        let a = Annotation::new(&story.article.body, m.start, m.end, "LOC", Status::Rejected, "model");
        store.edit(&mali.meta.id, &story.content_hash, Edit::Add(a)).unwrap();
        store.set_review_done(&mali.meta.id, true).unwrap();
        let after = library_progress(&mut store, &scopes).unwrap();
        let now = after.iter().find(|s| s.meta.id == mali.meta.id).unwrap();
        assert_eq!(now.progress.judged, 1);
        assert_eq!(now.progress.total(), mali.progress.total());
        assert_eq!(now.meta.review.state(), ReviewState::Done);
        assert!(now.complete());
    }
}
