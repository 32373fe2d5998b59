//! The story list: every story in scope, the filters laid over them, and the rows shown.

use crate::library::filter::{Outcome, matches};
use crate::library::{ListedStory, Review, ReviewState, Stories, StoryFields};

/// Filters that compose; each narrows the rows further.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub unread: bool,
    pub starred: bool,
    pub source: Option<String>,
    /// Stories with this tag (case and accents ignored).
    pub tag: Option<String>,
    pub lang: Option<String>,
    /// Stories mentioning an entity: its name and the matching story indices (newest first).
    pub entity: Option<(String, Vec<usize>)>,
    /// A full-text search: the query and the hits (story index, snippet), best first. A
    /// snippet is made when its row is shown (`None`: not asked for yet; empty: asked).
    pub search: Option<(String, SearchHits)>,
    /// Stories by the state of their review.
    pub review: Option<ReviewFilter>,
    /// A query's terms other than the words that rank `search` (see `library::filter`).
    pub query: Option<QueryFilter>,
}

/// A query filtering the list: as typed, and what is left to evaluate on each row once its
/// ranking words went to `Filters::search`, with what the store found for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryFilter {
    pub text: String,
    pub outcome: Outcome,
}

/// Which stories the review filter shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewFilter {
    /// Not marked done: the review queue.
    ToDo,
    NotStarted,
    InProgress,
    Done,
}

impl ReviewFilter {
    /// The filter's cycle: none, to do, not started, in progress, done, none again.
    pub fn next(current: Option<ReviewFilter>) -> Option<ReviewFilter> {
        match current {
            None => Some(ReviewFilter::ToDo),
            Some(ReviewFilter::ToDo) => Some(ReviewFilter::NotStarted),
            Some(ReviewFilter::NotStarted) => Some(ReviewFilter::InProgress),
            Some(ReviewFilter::InProgress) => Some(ReviewFilter::Done),
            Some(ReviewFilter::Done) => None,
        }
    }

    pub fn passes(self, review: &Review) -> bool {
        match self {
            ReviewFilter::ToDo => review.state() != ReviewState::Done,
            ReviewFilter::NotStarted => review.state() == ReviewState::NotStarted,
            ReviewFilter::InProgress => review.state() == ReviewState::InProgress,
            ReviewFilter::Done => review.state() == ReviewState::Done,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ReviewFilter::ToDo => "to review",
            ReviewFilter::NotStarted => "not started",
            ReviewFilter::InProgress => "in progress",
            ReviewFilter::Done => "reviewed",
        }
    }
}

pub use crate::library::rows::Snippet;

/// The most hits of a library search the list shows (the store is asked for one more, to
/// know whether more stories match).
pub const SEARCH_SHOWN: usize = 500;
/// The most stories `r` lists of an entity, newest first (the store is asked for one more).
pub const ENTITY_SHOWN: usize = 2000;

/// A search's hits: (story index, snippet), best first (see `Filters::search`).
pub type SearchHits = Vec<(usize, Option<Snippet>)>;

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// "unread · starred · source BBC · entity Russie · search "x"" for the status line.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.unread {
            parts.push("unread".to_string());
        }
        if self.starred {
            parts.push("starred".to_string());
        }
        if let Some(s) = &self.source {
            parts.push(if s.is_empty() { "no source".into() } else { format!("source {s}") });
        }
        if let Some(t) = &self.tag {
            parts.push(format!("tag {t}"));
        }
        if let Some(l) = &self.lang {
            parts.push(format!("lang {l}"));
        }
        if let Some((name, _)) = &self.entity {
            parts.push(format!("entity {name}"));
        }
        match (&self.query, &self.search) {
            (Some(q), _) => parts.push(format!("query {:?}", q.text)),
            (None, Some((q, _))) => parts.push(format!("search {q:?}")),
            (None, None) => {}
        }
        if let Some(r) = self.review {
            parts.push(r.as_str().to_string());
        }
        parts.join(" · ")
    }
}

/// One row of the list: 16 bytes, as a million of them may be listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Index into `StoryList::stories`.
    pub story: usize,
    /// Its place among the search hits (`Filters::search`), whose snippet it shows.
    pub hit: Option<u32>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoryList {
    pub stories: Stories,
    /// Indices into `stories` by the hash of their ids, to find a story by id: 4 bytes a story
    /// where a map would keep a second copy of every id. Hashes, not the ids, are sorted: a
    /// million ids took the loop a second to sort, their hashes a few milliseconds.
    by_id: Vec<u32>,
    pub filters: Filters,
    pub rows: Vec<Row>,
    /// How many of `rows` are unread (the list's title says it): counted when the rows are
    /// made and kept by `set_read`, not counted over a million rows each frame.
    unread_rows: usize,
    /// Position in `rows`.
    pub selected: usize,
    /// First row drawn.
    pub offset: usize,
}

impl StoryList {
    pub fn new(stories: Stories) -> StoryList {
        let mut list = StoryList::default();
        list.replace(stories);
        list
    }

    /// Replaces the stories (after indexing), keeping the selection on the same story and
    /// dropping filter results that refer to stories that are gone.
    pub fn replace(&mut self, stories: Stories) {
        let selected_id = self.selected().map(|m| m.id().to_string());
        let old = std::mem::replace(&mut self.stories, stories);
        self.by_id = sorted_by_id_hash(&self.stories);
        let remap = |i: usize| old.get(i).and_then(|m| self.index_of(m.id()));
        let entity_hits =
            self.filters.entity.as_ref().map(|(_, hits)| hits.iter().filter_map(|&i| remap(i)).collect());
        let search_hits =
            self.filters.search.as_ref().map(|(_, hits)| {
                hits.iter().filter_map(|(i, s)| remap(*i).map(|j| (j, s.clone()))).collect()
            });
        if let (Some((_, hits)), Some(new)) = (&mut self.filters.entity, entity_hits) {
            *hits = new;
        }
        if let (Some((_, hits)), Some(new)) = (&mut self.filters.search, search_hits) {
            *hits = new;
        }
        self.rebuild(selected_id.as_deref());
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        let hash = id_hash(id);
        let hash_at = |i: u32| self.stories.get(i as usize).map_or(u64::MAX, |m| id_hash(m.id()));
        let from = self.by_id.partition_point(|&i| hash_at(i) < hash);
        self.by_id[from..]
            .iter()
            .take_while(|&&i| hash_at(i) == hash)
            .map(|&i| i as usize)
            .find(|&i| self.stories.get(i).is_some_and(|m| m.id() == id))
    }

    pub fn selected(&self) -> Option<ListedStory<'_>> {
        self.rows.get(self.selected).and_then(|r| self.stories.get(r.story))
    }

    pub fn selected_index(&self) -> Option<usize> {
        self.rows.get(self.selected).map(|r| r.story)
    }

    /// Recomputes the rows from the filters, keeping `keep` selected when still shown.
    pub fn rebuild(&mut self, keep: Option<&str>) {
        let f = &self.filters;
        // Folded once, not once a story.
        let tag = f.tag.as_deref().map(crate::text::fold::fold_str);
        let passes = |m: ListedStory| {
            (!f.unread || !m.read())
                && (!f.starred || m.starred())
                // The empty source stands for stories without one (the feeds view lists them).
                && f.source.as_ref().is_none_or(|s| m.source().unwrap_or("") == s)
                && tag.as_ref().is_none_or(|t| has_folded_tag(&m, t))
                && f.lang.as_ref().is_none_or(|l| m.lang() == Some(l.as_str()))
                && f.review.is_none_or(|r| r.passes(&m.review()))
                && f.query.as_ref().is_none_or(|q| matches(&q.outcome.rest, &m, q.outcome.context()))
        };
        let entity_set: Option<std::collections::HashSet<usize>> =
            f.entity.as_ref().map(|(_, hits)| hits.iter().copied().collect());
        let in_entity = |i: usize| entity_set.as_ref().is_none_or(|s| s.contains(&i));
        self.rows = match &f.search {
            Some((_, hits)) => (hits.iter().enumerate())
                .filter(|(_, (i, _))| self.stories.get(*i).is_some_and(passes) && in_entity(*i))
                .map(|(hit, (i, _))| Row { story: *i, hit: u32::try_from(hit).ok() })
                .collect(),
            None => (self.stories.iter())
                .filter(|&m| passes(m) && in_entity(m.index()))
                .map(|m| Row { story: m.index(), hit: None })
                .collect(),
        };
        self.unread_rows =
            self.rows.iter().filter(|r| self.stories.get(r.story).is_some_and(|m| !m.read())).count();
        self.selected = keep
            .and_then(|id| {
                self.rows.iter().position(|r| self.stories.get(r.story).is_some_and(|m| m.id() == id))
            })
            .unwrap_or(0)
            .min(self.rows.len().saturating_sub(1));
        self.offset = self.offset.min(self.selected);
    }

    /// How many of the rows are unread.
    pub fn unread_rows(&self) -> usize {
        self.unread_rows
    }

    /// Marks a story read or unread, keeping the count of unread rows.
    pub fn set_read(&mut self, index: usize, read: bool) {
        if self.stories.get(index).is_none_or(|m| m.read() == read) {
            return;
        }
        self.stories.set_read(index, read);
        if self.shows(index) {
            self.unread_rows = if read { self.unread_rows.saturating_sub(1) } else { self.unread_rows + 1 };
        }
    }

    /// Whether a row shows the story: the rows of a search (500 at most) are in the order of
    /// its hits, any others in the order of the stories.
    fn shows(&self, index: usize) -> bool {
        if self.filters.search.is_some() {
            self.rows.iter().any(|r| r.story == index)
        } else {
            self.rows.binary_search_by_key(&index, |r| r.story).is_ok()
        }
    }

    /// The snippet a search result shows under its title.
    pub fn snippet(&self, row: &Row) -> Option<&Snippet> {
        let (_, hits) = self.filters.search.as_ref()?;
        hits.get(row.hit? as usize).and_then(|(_, snippet)| snippet.as_ref())
    }

    /// The search's query and the ids of the stories of the `rows` rows from the first shown
    /// whose snippets were never asked for; they are marked asked.
    pub fn snippets_wanted(&mut self, rows: usize) -> Option<(String, Vec<String>)> {
        let (query, hits) = self.filters.search.as_mut()?;
        let mut ids = Vec::new();
        for row in self.rows.iter().skip(self.offset).take(rows) {
            let Some((story, snippet @ None)) = row.hit.and_then(|h| hits.get_mut(h as usize)) else {
                continue;
            };
            ids.extend(self.stories.get(*story).map(|m| m.id().to_string()));
            *snippet = Some(Vec::new());
        }
        (!ids.is_empty()).then(|| (query.clone(), ids))
    }

    /// Snippets the store made for the search `query` (one since replaced is ignored).
    pub fn fill_snippets(&mut self, query: &str, snippets: Vec<(String, Snippet)>) {
        let indices: Vec<(Option<usize>, Snippet)> =
            snippets.into_iter().map(|(id, snippet)| (self.index_of(&id), snippet)).collect();
        let Some((_, hits)) = self.filters.search.as_mut().filter(|(q, _)| q == query) else { return };
        for (index, snippet) in indices {
            if let Some(hit) = hits.iter_mut().find(|(story, _)| Some(*story) == index) {
                hit.1 = Some(snippet);
            }
        }
    }

    /// Next value of a cycling filter: none → first → … → last → none.
    fn cycle(current: &Option<String>, values: &[String]) -> Option<String> {
        match current {
            None => values.first().cloned(),
            Some(c) => values.iter().position(|v| v == c).and_then(|i| values.get(i + 1)).cloned(),
        }
    }

    pub fn cycle_source(&mut self) {
        let values = self.stories.source_names();
        self.filters.source = Self::cycle(&self.filters.source, &values);
    }

    pub fn cycle_lang(&mut self) {
        let values = self.stories.lang_names();
        self.filters.lang = Self::cycle(&self.filters.lang, &values);
    }

    /// Lines a row takes: search results show a snippet under the title.
    pub fn row_height(&self) -> usize {
        if self.filters.search.is_some() { 2 } else { 1 }
    }

    /// Keeps the selection within `height` rows of the offset.
    pub fn scroll_into_view(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
    }
}

fn id_hash(id: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(id.as_bytes())
}

/// Indices of `stories` sorted by the hash of their ids (`StoryList::by_id`).
fn sorted_by_id_hash(stories: &Stories) -> Vec<u32> {
    let mut by_hash: Vec<(u64, u32)> = stories.iter().map(|m| (id_hash(m.id()), m.index() as u32)).collect();
    by_hash.sort_unstable();
    by_hash.into_iter().map(|(_, i)| i).collect()
}

/// Whether the story has the tag, case and accents ignored (as `tag:` matches).
pub fn has_tag(story: &impl StoryFields, tag: &str) -> bool {
    has_folded_tag(story, &crate::text::fold::fold_str(tag))
}

/// `has_tag` for a tag already folded.
fn has_folded_tag(story: &impl StoryFields, folded: &str) -> bool {
    story.tags().iter().any(|t| crate::text::fold::fold_str(t) == folded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::StoryMeta;

    fn meta(id: &str, source: &str, read: bool, starred: bool) -> StoryMeta {
        StoryMeta {
            id: id.into(),
            title: id.into(),
            source: Some(source.into()),
            read,
            starred,
            lang: Some("en".into()),
            ..StoryMeta::default()
        }
    }

    fn ids(list: &StoryList) -> Vec<&str> {
        list.rows.iter().map(|r| list.stories.get(r.story).unwrap().id()).collect()
    }

    #[test]
    fn filters_compose_and_clear() {
        let mut list = StoryList::new(Stories::from(vec![
            meta("a", "BBC", false, true),
            meta("b", "BBC", true, true),
            meta("c", "RFI", false, false),
        ]));
        list.filters.unread = true;
        list.rebuild(None);
        assert_eq!(ids(&list), vec!["a", "c"]);
        list.filters.starred = true;
        list.rebuild(None);
        assert_eq!(ids(&list), vec!["a"]);
        list.filters = Filters::default();
        list.cycle_source();
        list.cycle_source();
        list.rebuild(None);
        assert_eq!(ids(&list), vec!["c"]);
        list.cycle_source();
        assert_eq!(list.filters.source, None, "cycles back to no filter");
    }

    #[test]
    fn every_story_is_found_by_its_id_and_no_other_id_is() {
        let list = StoryList::new((0..2000).map(|i| meta(&format!("s{i}"), "x", false, false)).collect());
        assert!((0..2000).all(|i| list.index_of(&format!("s{i}")) == Some(i)));
        assert_eq!(list.index_of("s2000"), None);
        assert_eq!(StoryList::default().index_of("s1"), None);
    }

    #[test]
    fn the_unread_count_follows_marks_on_rows_shown_and_not_others() {
        let mut list = StoryList::new(Stories::from(vec![
            meta("a", "BBC", false, false),
            meta("b", "RFI", false, false),
            meta("c", "BBC", true, false),
        ]));
        assert_eq!(list.unread_rows(), 2);
        list.filters.source = Some("BBC".into());
        list.rebuild(None);
        assert_eq!(list.unread_rows(), 1, "a");
        list.set_read(0, true);
        list.set_read(0, true);
        assert_eq!(list.unread_rows(), 0, "once, however often it is marked");
        list.set_read(1, true);
        assert_eq!(list.unread_rows(), 0, "b is not shown");
        list.set_read(2, false);
        assert_eq!(list.unread_rows(), 1, "c is");
        list.filters.search = Some(("q".into(), vec![(2, None), (0, None)]));
        list.rebuild(None);
        list.set_read(0, false);
        assert_eq!(list.unread_rows(), 2, "a search's rows, in its order");
    }

    #[test]
    fn replacing_stories_keeps_the_selection_and_remaps_hits() {
        let mut list =
            StoryList::new(Stories::from(vec![meta("a", "x", false, false), meta("b", "x", false, false)]));
        list.filters.search = Some(("q".into(), vec![(1, None), (0, None)]));
        list.rebuild(Some("a"));
        assert_eq!((ids(&list), list.selected), (vec!["b", "a"], 1));
        list.replace(Stories::from(vec![meta("new", "x", false, false), meta("a", "x", false, false)]));
        assert_eq!(ids(&list), vec!["a"], "hit on the removed story dropped, the other remapped");
        assert_eq!(list.selected().map(|m| m.id()), Some("a"));
    }
}
