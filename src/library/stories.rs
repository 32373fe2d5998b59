//! The story list's stories kept column by column (issue 20: a million stories on a laptop).
//! A `StoryMeta` costs ~400 bytes (six Strings, a Vec, their allocations); here a story costs
//! its id's, title's and date's bytes plus ~30: strings end to end in one buffer each, sources,
//! languages and tag sets stored once and referred to by number, flags as bits.

use std::collections::HashMap;

use super::{Review, StoryMeta};

/// What the list and its filters read of a story, whether a `StoryMeta` or a row of `Stories`.
pub trait StoryFields {
    fn id(&self) -> &str;
    fn title(&self) -> &str;
    fn date(&self) -> Option<&str>;
    fn source(&self) -> Option<&str>;
    fn lang(&self) -> Option<&str>;
    fn tags(&self) -> &[String];
    fn read(&self) -> bool;
    fn starred(&self) -> bool;
    fn review(&self) -> Review;
}

impl StoryFields for StoryMeta {
    fn id(&self) -> &str {
        &self.id
    }
    fn title(&self) -> &str {
        &self.title
    }
    fn date(&self) -> Option<&str> {
        self.date.as_deref()
    }
    fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }
    fn lang(&self) -> Option<&str> {
        self.lang.as_deref()
    }
    fn tags(&self) -> &[String] {
        &self.tags
    }
    fn read(&self) -> bool {
        self.read
    }
    fn starred(&self) -> bool {
        self.starred
    }
    fn review(&self) -> Review {
        self.review
    }
}

/// A reference reads as what it refers to (`iter()` over `&[StoryMeta]` gives references).
impl<T: StoryFields + ?Sized> StoryFields for &T {
    fn id(&self) -> &str {
        (**self).id()
    }
    fn title(&self) -> &str {
        (**self).title()
    }
    fn date(&self) -> Option<&str> {
        (**self).date()
    }
    fn source(&self) -> Option<&str> {
        (**self).source()
    }
    fn lang(&self) -> Option<&str> {
        (**self).lang()
    }
    fn tags(&self) -> &[String] {
        (**self).tags()
    }
    fn read(&self) -> bool {
        (**self).read()
    }
    fn starred(&self) -> bool {
        (**self).starred()
    }
    fn review(&self) -> Review {
        (**self).review()
    }
}

/// Strings end to end in one buffer, each found by where it ends: 4 bytes a string besides
/// its own, where a `String` takes 24 and an allocation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Arena {
    text: String,
    ends: Vec<u32>,
}

impl Arena {
    fn push(&mut self, s: &str) {
        // Offsets are 32 bits: past 4 GiB of one column (tens of millions of stories) a story
        // keeps an empty string rather than the reader failing.
        if self.text.len() + s.len() <= u32::MAX as usize {
            self.text.push_str(s);
        }
        self.ends.push(self.text.len() as u32);
    }

    fn get(&self, i: usize) -> &str {
        let start = i.checked_sub(1).and_then(|p| self.ends.get(p)).map_or(0, |&e| e as usize);
        let end = self.ends.get(i).map_or(start, |&e| e as usize);
        self.text.get(start..end).unwrap_or("")
    }

    fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

/// Values many stories share (a source, a language, a set of tags), each kept once; stories
/// refer to them by number, 0 standing for none.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shared<T: Eq + std::hash::Hash + Clone> {
    values: Vec<T>,
    numbers: HashMap<T, u32>,
}

impl<T: Eq + std::hash::Hash + Clone> Default for Shared<T> {
    fn default() -> Self {
        Shared { values: Vec::new(), numbers: HashMap::new() }
    }
}

impl<T: Eq + std::hash::Hash + Clone> Shared<T> {
    fn number(&mut self, value: T) -> u32 {
        if let Some(&n) = self.numbers.get(&value) {
            return n;
        }
        self.values.push(value.clone());
        let n = self.values.len() as u32;
        self.numbers.insert(value, n);
        n
    }

    fn get(&self, number: u32) -> Option<&T> {
        (number as usize).checked_sub(1).and_then(|i| self.values.get(i))
    }
}

const READ: u8 = 1;
const STARRED: u8 = 2;
const DAMAGED: u8 = 4;
const DONE: u8 = 8;
const DATED: u8 = 16;
/// `totals` for a review never counted.
const NOT_COUNTED: u32 = u32::MAX;

/// The stories of the list, in order, by column.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stories {
    ids: Arena,
    titles: Arena,
    dates: Arena,
    sources: Vec<u32>,
    langs: Vec<u32>,
    tag_sets: Vec<u32>,
    flags: Vec<u8>,
    judged: Vec<u32>,
    totals: Vec<u32>,
    source_names: Shared<String>,
    lang_names: Shared<String>,
    tag_set_values: Shared<Vec<String>>,
}

impl Stories {
    pub fn len(&self) -> usize {
        self.flags.len()
    }

    pub fn is_empty(&self) -> bool {
        self.flags.is_empty()
    }

    pub fn push(&mut self, story: StoryMeta) {
        self.ids.push(&story.id);
        self.titles.push(&story.title);
        self.dates.push(story.date.as_deref().unwrap_or(""));
        self.sources.push(story.source.map_or(0, |s| self.source_names.number(s)));
        self.langs.push(story.lang.map_or(0, |l| self.lang_names.number(l)));
        let tags = if story.tags.is_empty() { 0 } else { self.tag_set_values.number(story.tags) };
        self.tag_sets.push(tags);
        let bit = |on: bool, bit: u8| if on { bit } else { 0 };
        self.flags.push(
            bit(story.read, READ)
                | bit(story.starred, STARRED)
                | bit(story.damaged, DAMAGED)
                | bit(story.date.is_some(), DATED),
        );
        self.judged.push(0);
        self.totals.push(NOT_COUNTED);
        self.set_review(self.len() - 1, story.review);
    }

    /// Gives back the room the columns' growth left (the list lives as long as the reader).
    pub fn shrink_to_fit(&mut self) {
        self.ids.shrink_to_fit();
        self.titles.shrink_to_fit();
        self.dates.shrink_to_fit();
        for column in
            [&mut self.sources, &mut self.langs, &mut self.tag_sets, &mut self.judged, &mut self.totals]
        {
            column.shrink_to_fit();
        }
        self.flags.shrink_to_fit();
    }

    pub fn get(&self, index: usize) -> Option<ListedStory<'_>> {
        (index < self.len()).then_some(ListedStory { stories: self, index })
    }

    pub fn iter(&self) -> impl Iterator<Item = ListedStory<'_>> + '_ {
        (0..self.len()).map(move |index| ListedStory { stories: self, index })
    }

    /// The story as a `StoryMeta` of its own (for a row that leaves the list).
    pub fn meta(&self, index: usize) -> Option<StoryMeta> {
        self.get(index).map(|s| s.to_meta())
    }

    pub fn set_read(&mut self, index: usize, read: bool) {
        self.set_flag(index, READ, read);
    }

    pub fn set_starred(&mut self, index: usize, starred: bool) {
        self.set_flag(index, STARRED, starred);
    }

    pub fn set_review(&mut self, index: usize, review: Review) {
        self.set_flag(index, DONE, review.done);
        if let Some(judged) = self.judged.get_mut(index) {
            *judged = u32::try_from(review.judged).unwrap_or(u32::MAX);
        }
        if let Some(total) = self.totals.get_mut(index) {
            *total = review.total.map_or(NOT_COUNTED, |t| u32::try_from(t).unwrap_or(NOT_COUNTED - 1));
        }
    }

    fn set_flag(&mut self, index: usize, bit: u8, on: bool) {
        if let Some(flags) = self.flags.get_mut(index) {
            *flags = if on { *flags | bit } else { *flags & !bit };
        }
    }

    fn flag(&self, index: usize, bit: u8) -> bool {
        self.flags.get(index).is_some_and(|f| f & bit != 0)
    }

    /// The stories counted by source and tag set together, a group for each pair some story
    /// has, in the order of their first stories: the feeds view's counts without going
    /// through every story's tags.
    pub fn groups(&self) -> Vec<StoryGroup<'_>> {
        let mut at: HashMap<(u32, u32), usize> = HashMap::new();
        let mut groups: Vec<StoryGroup> = Vec::new();
        let keys = self.sources.iter().zip(&self.tag_sets);
        for ((&source, &tags), flags) in keys.zip(&self.flags) {
            let slot = *at.entry((source, tags)).or_insert_with(|| {
                groups.push(StoryGroup {
                    source: self.source_names.get(source).map(String::as_str),
                    tags: self.tag_set_values.get(tags).map_or(&[], Vec::as_slice),
                    unread: 0,
                    total: 0,
                });
                groups.len() - 1
            });
            if let Some(group) = groups.get_mut(slot) {
                group.unread += usize::from(flags & READ == 0);
                group.total += 1;
            }
        }
        groups
    }

    /// Every source some story has, sorted.
    pub fn source_names(&self) -> Vec<String> {
        sorted(&self.source_names.values)
    }

    /// Every language some story has, sorted.
    pub fn lang_names(&self) -> Vec<String> {
        sorted(&self.lang_names.values)
    }
}

fn sorted(values: &[String]) -> Vec<String> {
    let mut v = values.to_vec();
    v.sort();
    v
}

impl FromIterator<StoryMeta> for Stories {
    fn from_iter<I: IntoIterator<Item = StoryMeta>>(iter: I) -> Stories {
        let mut stories = Stories::default();
        for story in iter {
            stories.push(story);
        }
        stories.shrink_to_fit();
        stories
    }
}

impl From<Vec<StoryMeta>> for Stories {
    fn from(stories: Vec<StoryMeta>) -> Stories {
        stories.into_iter().collect()
    }
}

/// Stories that share a source and a set of tags, counted (`Stories::groups`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryGroup<'a> {
    pub source: Option<&'a str>,
    pub tags: &'a [String],
    pub unread: usize,
    pub total: usize,
}

/// One story of `Stories`, read in place.
#[derive(Debug, Clone, Copy)]
pub struct ListedStory<'a> {
    stories: &'a Stories,
    index: usize,
}

impl<'a> ListedStory<'a> {
    /// Its position in the list.
    pub fn index(&self) -> usize {
        self.index
    }

    pub fn id(&self) -> &'a str {
        self.stories.ids.get(self.index)
    }

    pub fn title(&self) -> &'a str {
        self.stories.titles.get(self.index)
    }

    pub fn date(&self) -> Option<&'a str> {
        self.stories.flag(self.index, DATED).then(|| self.stories.dates.get(self.index))
    }

    pub fn source(&self) -> Option<&'a str> {
        let number = self.stories.sources.get(self.index).copied().unwrap_or(0);
        self.stories.source_names.get(number).map(String::as_str)
    }

    pub fn lang(&self) -> Option<&'a str> {
        let number = self.stories.langs.get(self.index).copied().unwrap_or(0);
        self.stories.lang_names.get(number).map(String::as_str)
    }

    pub fn tags(&self) -> &'a [String] {
        let number = self.stories.tag_sets.get(self.index).copied().unwrap_or(0);
        self.stories.tag_set_values.get(number).map_or(&[], Vec::as_slice)
    }

    pub fn read(&self) -> bool {
        self.stories.flag(self.index, READ)
    }

    pub fn starred(&self) -> bool {
        self.stories.flag(self.index, STARRED)
    }

    pub fn damaged(&self) -> bool {
        self.stories.flag(self.index, DAMAGED)
    }

    pub fn review(&self) -> Review {
        let judged = self.stories.judged.get(self.index).copied().unwrap_or(0);
        let total = self.stories.totals.get(self.index).copied().unwrap_or(NOT_COUNTED);
        Review {
            done: self.stories.flag(self.index, DONE),
            judged: judged as usize,
            total: (total != NOT_COUNTED).then_some(total as usize),
        }
    }

    pub fn to_meta(&self) -> StoryMeta {
        StoryMeta {
            id: self.id().to_string(),
            title: self.title().to_string(),
            date: self.date().map(str::to_string),
            source: self.source().map(str::to_string),
            lang: self.lang().map(str::to_string),
            damaged: self.damaged(),
            read: self.read(),
            starred: self.starred(),
            review: self.review(),
            tags: self.tags().to_vec(),
        }
    }
}

impl StoryFields for ListedStory<'_> {
    fn id(&self) -> &str {
        ListedStory::id(self)
    }
    fn title(&self) -> &str {
        ListedStory::title(self)
    }
    fn date(&self) -> Option<&str> {
        ListedStory::date(self)
    }
    fn source(&self) -> Option<&str> {
        ListedStory::source(self)
    }
    fn lang(&self) -> Option<&str> {
        ListedStory::lang(self)
    }
    fn tags(&self) -> &[String] {
        ListedStory::tags(self)
    }
    fn read(&self) -> bool {
        ListedStory::read(self)
    }
    fn starred(&self) -> bool {
        ListedStory::starred(self)
    }
    fn review(&self) -> Review {
        ListedStory::review(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(i: usize) -> StoryMeta {
        StoryMeta {
            id: format!("id{i}"),
            title: if i.is_multiple_of(3) { String::new() } else { format!("Title {i} é") },
            date: (!i.is_multiple_of(4)).then(|| format!("2024-01-{:02}", i % 28 + 1)),
            source: (!i.is_multiple_of(5)).then(|| format!("S{}", i % 3)),
            lang: i.is_multiple_of(2).then(|| "fr".to_string()),
            damaged: i.is_multiple_of(7),
            read: i % 2 == 1,
            starred: i % 3 == 1,
            review: Review { done: i % 4 == 1, judged: i, total: (!i.is_multiple_of(6)).then_some(i * 2) },
            tags: (0..i % 3).map(|t| format!("t{t}")).collect(),
        }
    }

    #[test]
    fn every_story_reads_back_as_it_was_stored() {
        let originals: Vec<StoryMeta> = (0..200).map(story).collect();
        let stories = Stories::from(originals.clone());
        assert_eq!(stories.len(), 200);
        let back: Vec<StoryMeta> = stories.iter().map(|s| s.to_meta()).collect();
        assert_eq!(back, originals);
        assert!(stories.get(200).is_none());
    }

    #[test]
    fn marks_change_one_story_only() {
        let mut stories = Stories::from((0..10).map(story).collect::<Vec<_>>());
        let before: Vec<StoryMeta> = stories.iter().map(|s| s.to_meta()).collect();
        stories.set_read(4, true);
        let review = Review { done: true, judged: 3, total: None };
        stories.set_review(5, review);
        for (i, old) in before.iter().enumerate() {
            let now = stories.meta(i).unwrap();
            match i {
                4 => assert_eq!(now, StoryMeta { read: true, ..old.clone() }),
                5 => assert_eq!(now, StoryMeta { review, ..old.clone() }),
                _ => assert_eq!(&now, old),
            }
        }
    }

    #[test]
    fn groups_count_the_stories_of_each_source_and_tag_set() {
        let originals: Vec<StoryMeta> = (0..60).map(story).collect();
        let stories = Stories::from(originals.clone());
        let groups = stories.groups();
        for group in &groups {
            let members: Vec<&StoryMeta> = (originals.iter())
                .filter(|m| m.source.as_deref() == group.source && m.tags == group.tags)
                .collect();
            assert_eq!(group.total, members.len());
            assert_eq!(group.unread, members.iter().filter(|m| !m.read).count());
        }
        assert_eq!(groups.iter().map(|g| g.total).sum::<usize>(), 60);
        let first = |g: &StoryGroup| {
            originals.iter().position(|m| m.source.as_deref() == g.source && m.tags == g.tags)
        };
        assert!(
            groups.windows(2).all(|w| first(&w[0]) < first(&w[1])),
            "in the order of their first stories"
        );
    }

    #[test]
    fn shared_values_are_listed_once_sorted() {
        let stories = Stories::from((0..30).map(story).collect::<Vec<_>>());
        assert_eq!(stories.source_names(), vec!["S0", "S1", "S2"]);
        assert_eq!(stories.lang_names(), vec!["fr"]);
    }
}
