//! Narrowing the list: the unread/starred/source/language filters, a library search's hits
//! and the stories that mention an entity, and clearing them.

use super::Filters;
use super::{AppState, Effect, Pane, QueryFilter, list};
use crate::library::EntityHit;
use crate::library::filter::Outcome;
use crate::text::query::parse_with;

impl AppState {
    pub(super) fn clear_filters(&mut self) {
        let keep = self.list.selected().map(|m| m.id().to_string());
        self.list.filters = Filters::default();
        self.list.rebuild(keep.as_deref());
        self.reader.clear_search();
    }

    pub(super) fn refilter(&mut self, effects: &mut Vec<Effect>) {
        let keep = self.list.selected().map(|m| m.id().to_string());
        self.list.rebuild(keep.as_deref());
        let f = self.list.filters.describe();
        self.message = Some(if f.is_empty() {
            "filters cleared".into()
        } else {
            format!("{} of {} stories · {f}", self.list.rows.len(), self.list.stories.len())
        });
        self.selection_changed(effects);
    }

    /// A search's hits (story ids, best first, with their snippets when made) listed.
    pub(super) fn search_results(
        &mut self,
        query: String,
        hits: Vec<(String, Option<list::Snippet>)>,
        effects: &mut Vec<Effect>,
    ) {
        let again = std::mem::take(&mut self.search_rerun)
            && self.list.filters.search.as_ref().is_some_and(|(q, _)| *q == query);
        self.list_hits(query, hits, again, effects);
    }

    /// `search_results`; `again`: the same search run again over a list read again
    /// (`search_again`), which keeps the selection, the focus and the message. True when more
    /// stories match than the list shows.
    fn list_hits(
        &mut self,
        query: String,
        hits: Vec<(String, Option<list::Snippet>)>,
        again: bool,
        effects: &mut Vec<Effect>,
    ) -> bool {
        let keep = self.list.selected().map(|m| m.id().to_string()).filter(|_| again);
        // The store gives one hit more than the list shows when more match: the count shown
        // is then a floor, and the message says so rather than give the cap as the count.
        let more = hits.len() > list::SEARCH_SHOWN;
        let hits: Vec<(usize, Option<list::Snippet>)> = hits
            .into_iter()
            .take(list::SEARCH_SHOWN)
            .filter_map(|(id, s)| Some((self.list.index_of(&id)?, s)))
            .collect();
        let n = hits.len();
        self.list.filters.search = Some((query.clone(), hits));
        self.list.rebuild(keep.as_deref());
        if !again {
            self.focus = Pane::List;
            self.message = Some(match n {
                0 => format!("no story matches {query:?}"),
                1 => format!("1 story matches {query:?}"),
                _ if more => format!("{n}+ stories match {query:?} (the first {n} listed)"),
                _ => format!("{n} stories match {query:?}"),
            });
        }
        if let Some(open) = &self.open {
            // The selected story may already be open: highlight the query now.
            self.reader.search_words(&open.article, &query);
        }
        self.selection_changed(effects);
        more
    }

    /// The search prompt's text: plain words search as they always did; anything else of the
    /// query language goes to the store for its words and entities, then filters the rows. A
    /// query that does not parse says why, pointing at the character.
    pub(super) fn submit_query(&mut self, text: String, effects: &mut Vec<Effect>) {
        self.search_rerun = false;
        let expr = match parse_with(&text, &self.saved_queries) {
            Ok(expr) => expr,
            Err(e) => {
                self.message = Some(format!("query error at {}: {}", e.at + 1, e.marked(&text)));
                return;
            }
        };
        let (words, rest) = expr.clone().split_text();
        if rest.is_everything() && !words.is_empty() {
            self.list.filters.query = None;
            effects.push(Effect::Search { query: words });
        } else if expr.is_everything() {
            self.list.filters.search = None;
            self.list.filters.query = None;
            self.refilter(effects);
        } else {
            effects.push(Effect::Query { text, expr });
        }
    }

    pub(super) fn query_results(&mut self, text: String, outcome: Outcome, effects: &mut Vec<Effect>) {
        let again = std::mem::take(&mut self.search_rerun)
            && self.list.filters.query.as_ref().is_some_and(|q| q.text == text);
        let keep = self.list.selected().map(|m| m.id().to_string()).filter(|_| again);
        let ranked = outcome.ranked.clone();
        self.list.filters.query = Some(QueryFilter { text: text.clone(), outcome });
        if !again {
            self.focus = Pane::List;
        }
        // The words ranked: those whose hits were cut to the first the list shows.
        let mut cut = None;
        match ranked {
            Some((words, hits)) => {
                // An empty snippet: not made (`service::query::resolve_for_list`).
                let hits = hits.into_iter().map(|h| (h.story.id, Some(h.snippet).filter(|s| !s.is_empty())));
                if self.list_hits(words.clone(), hits.collect(), again, effects) {
                    cut = Some(words);
                }
            }
            None => {
                self.list.filters.search = None;
                self.reader.clear_search();
                self.list.rebuild(keep.as_deref());
                self.selection_changed(effects);
            }
        }
        if again {
            return;
        }
        // Hits and the other terms together: what the list shows.
        let n = self.list.rows.len();
        self.message = Some(match (n, cut) {
            (0, None) => format!("no story matches {text:?}"),
            (1, None) => format!("1 story matches {text:?}"),
            (n, None) => format!("{n} stories match {text:?}"),
            (n, Some(words)) => format!(
                "{n} stories match {text:?} among the first {} found for {words:?}",
                list::SEARCH_SHOWN
            ),
        });
    }

    /// The search or query shown, run again over the list read again: its hits were found
    /// among the stories the list held (a search typed before a large list was read whole
    /// found only those of its first page), and new stories may match.
    pub(super) fn search_again(&mut self, effects: &mut Vec<Effect>) {
        let effect = match (&self.list.filters.query, &self.list.filters.search) {
            (Some(q), _) => parse_with(&q.text, &self.saved_queries)
                .ok()
                .map(|expr| Effect::Query { text: q.text.clone(), expr }),
            (None, Some((query, _))) => Some(Effect::Search { query: query.clone() }),
            (None, None) => None,
        };
        self.search_rerun = effect.is_some();
        effects.extend(effect);
    }

    /// Asks for the snippets of the search results shown and of the page below (a search
    /// lists up to 500 hits; reading every story for its snippet made the search slow).
    pub(super) fn ask_snippets(&mut self, effects: &mut Vec<Effect>) {
        let rows_shown = self.list_height();
        if let Some((query, ids)) = self.list.snippets_wanted(2 * rows_shown) {
            effects.push(Effect::Snippets { query, ids });
        }
    }

    /// How many of an entity's stories `r` lists, the newest (`None`: all). A search or query
    /// shown lists its own hits, which need not be among the entity's newest stories: then
    /// every story of the entity is asked for, so that none of the hits is missed.
    pub(super) fn entity_stories_cap(&self) -> Option<usize> {
        let f = &self.list.filters;
        (f.search.is_none() && f.query.is_none()).then_some(list::ENTITY_SHOWN)
    }

    /// The stories that mention an entity (`r`), newest first: the newest `ENTITY_SHOWN`
    /// unless a search is shown, and the status line says when more mention it (the store is
    /// asked for one more).
    pub(super) fn entity_results(&mut self, name: String, hits: Vec<EntityHit>, effects: &mut Vec<Effect>) {
        let cap = self.entity_stories_cap().unwrap_or(usize::MAX);
        let more = hits.len() > cap;
        let hits: Vec<usize> =
            hits.iter().take(cap).filter_map(|h| self.list.index_of(&h.story.id)).collect();
        self.list.filters.entity = Some((name, hits));
        self.focus = Pane::List;
        self.refilter(effects);
        if let Some(message) = self.message.as_mut().filter(|_| more) {
            message.push_str(&format!(" (its newest {cap}: more stories mention it)"));
        }
    }
}
