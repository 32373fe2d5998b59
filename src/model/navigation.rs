//! Moving around: the list cursor, scrolling the focused pane, the panes themselves, the
//! entity cursor in the text and the side panel's rows, and leaving (back, quit).

use super::{AppState, Effect, LineKind, Pane, PanelItem};

impl AppState {
    pub(super) fn move_selection(&mut self, delta: isize, effects: &mut Vec<Effect>) {
        let last = self.list.rows.len().saturating_sub(1);
        let before = self.list.selected;
        self.list.selected = self.list.selected.saturating_add_signed(delta).min(last);
        if self.list.selected != before {
            self.panel_selected = 0;
            self.panel_scroll = 0;
            // Reading on from the article: the next story is being read too.
            if self.focus != Pane::List {
                self.open_focus = true;
            }
            self.selection_changed(effects);
        }
    }

    /// `J`/`K`: the next or previous story. With `mark_read_on_move` the story left is marked
    /// read, and the story opened too when `mark_read_on_open` (as `Enter` does).
    pub(super) fn read_on(&mut self, delta: isize, effects: &mut Vec<Effect>) {
        let (before, left) = (self.list.selected, self.list.selected_index());
        self.move_selection(delta, effects);
        if !self.settings.mark_read_on_move || self.list.selected == before {
            return;
        }
        if let Some(m) = left.and_then(|i| self.list.stories.get(i))
            && !m.read()
        {
            let (i, id) = (m.index(), m.id().to_string());
            self.list.set_read(i, true);
            effects.push(Effect::SetRead { id, read: true });
        }
        self.mark_read(effects);
    }

    pub(super) fn page(&self) -> isize {
        match self.focus {
            Pane::List => self.list_height() as isize,
            _ => self.reader.height.max(1) as isize,
        }
    }

    pub(super) fn scroll_focused(&mut self, delta: isize, effects: &mut Vec<Effect>) {
        match self.focus {
            Pane::List => self.move_selection(delta, effects),
            Pane::Article => {
                self.reader.scroll_by(delta);
                if self.reader.keep_caret_in_view() {
                    self.caret_moved();
                }
            }
            Pane::Side => self.move_panel(delta),
        }
    }

    pub(super) fn move_panel(&mut self, delta: isize) {
        let Some(open) = &self.open else { return };
        let last = open.panel.len().saturating_sub(1);
        self.panel_selected = self.panel_selected.saturating_add_signed(delta).min(last);
        if let Some(PanelItem::Entity(e)) = open.panel.get(self.panel_selected) {
            self.reader.selected_entity = Some(*e);
        }
    }

    pub(super) fn cycle_focus(&mut self, forward: bool) {
        let mut order = vec![Pane::List, Pane::Article];
        if self.side_enabled {
            order.push(Pane::Side);
        }
        let at = order.iter().position(|p| *p == self.focus).unwrap_or(0);
        let n = order.len();
        self.focus = order[if forward { (at + 1) % n } else { (at + n - 1) % n }];
        if self.focus == Pane::Side {
            self.move_panel(0);
        }
        self.relayout();
    }

    pub(super) fn back(&mut self, effects: &mut Vec<Effect>) {
        if self.overlay.take().is_some() {
            return;
        }
        if self.selection.take().is_some()
            || std::mem::take(&mut self.relabel_pending)
            || self.link_choice.take().is_some()
        {
            self.message = Some("cancelled".into());
            return;
        }
        match self.focus {
            Pane::Article | Pane::Side if !self.reader.search.query.is_empty() => self.reader.clear_search(),
            Pane::Article | Pane::Side if self.reader.selected_entity.is_some() => {
                self.reader.selected_entity = None;
                self.reader.cursor = None;
            }
            Pane::Article | Pane::Side => {
                self.focus = Pane::List;
                self.relayout();
            }
            // A feed's stories, chosen in the feeds view: back to the view (as newsboat does).
            Pane::List if self.from_feeds => self.open_feeds_view(effects),
            Pane::List if !self.list.filters.is_empty() => self.clear_filters(),
            Pane::List => {
                self.save_scroll(effects);
                self.quit = true;
            }
        }
    }

    /// `]`/`[`: the next/previous highlighted mention from the cursor (or from the view).
    pub(super) fn step_entity(&mut self, forward: bool) {
        let Some(open) = &self.open else { return };
        if open.marks.is_empty() {
            self.message = Some("no entities in this story".into());
            return;
        }
        let n = open.marks.len();
        let next = match self.reader.cursor {
            Some(i) if forward => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
            None => {
                let first = open.mark_at_or_after(self.view_start()).unwrap_or(0);
                if forward { first } else { (first + n - 1) % n }
            }
        };
        self.cursor_to_mark(next);
    }

    /// Where a walk through the text starts without a cursor: the caret (a search hit moves
    /// it), else the top of the view.
    pub(super) fn view_start(&self) -> usize {
        self.reader.caret.unwrap_or_else(|| {
            self.reader
                .lines
                .get(self.reader.scroll)
                .map_or(0, |l| if l.kind == LineKind::Body { l.range.start } else { 0 })
        })
    }

    /// Puts the entity cursor on mark `i`, selects its entity (here and in the side panel)
    /// and scrolls it into view.
    pub(super) fn cursor_to_mark(&mut self, i: usize) {
        let Some(open) = &self.open else { return };
        let Some(&mark) = open.marks.get(i) else { return };
        self.reader.cursor = Some(i);
        self.reader.caret = Some(mark.start);
        self.reader.selected_entity = Some(mark.entity);
        if let Some(pos) = open.panel.iter().position(|p| *p == PanelItem::Entity(mark.entity)) {
            self.panel_selected = pos;
        }
        let line = self.reader.line_of(mark.start);
        self.reader.reveal(line);
    }

    /// The caret moved: the entity cursor is on the mention it is in (its entity selected), or
    /// on none.
    pub(super) fn caret_moved(&mut self) {
        let Some(open) = &self.open else { return };
        let was = self.reader.cursor;
        self.reader.cursor = self.reader.caret.and_then(|c| open.mark_containing(c));
        match self.reader.cursor.and_then(|i| open.marks.get(i)) {
            Some(mark) => {
                self.reader.selected_entity = Some(mark.entity);
                if let Some(pos) = open.panel.iter().position(|p| *p == PanelItem::Entity(mark.entity)) {
                    self.panel_selected = pos;
                }
            }
            None if was.is_some() => self.reader.selected_entity = None,
            None => {}
        }
    }

    /// Enter in the side panel: jump to the selected entity's first mention (or the quote).
    pub(super) fn jump_to_panel_item(&mut self) {
        let Some(open) = &self.open else { return };
        let start = match open.panel.get(self.panel_selected) {
            Some(PanelItem::Entity(e)) => {
                self.reader.selected_entity = Some(*e);
                let first = open.marks.iter().position(|m| m.entity == *e);
                self.reader.cursor = first;
                first.map(|i| open.marks[i].start)
            }
            Some(PanelItem::Quote(q)) => open.facts.quotes.get(*q).map(|q| q.start),
            None => None,
        };
        if let Some(start) = start {
            self.reader.caret = Some(start);
            let line = self.reader.line_of(start);
            self.reader.reveal(line);
            self.focus = Pane::Article;
            self.relayout();
        }
    }

    /// The entity under the panel cursor (side pane) or the entity cursor (article).
    pub(super) fn current_entity_name(&self) -> Option<String> {
        Some(self.current_entity()?.name.clone())
    }

    /// The entity under the cursor as a merge names it: that very name, with its label.
    pub(super) fn current_entity_target(&self) -> Option<crate::annotate::entity_edit::Target> {
        let e = self.current_entity()?;
        Some(crate::annotate::entity_edit::Target {
            name: e.name.clone(),
            label: Some(e.label.as_str().to_owned()),
            whole: false,
        })
    }

    fn current_entity(&self) -> Option<&crate::extract::Entity> {
        let open = self.open.as_ref()?;
        let index = match self.focus {
            Pane::Side => match open.panel.get(self.panel_selected)? {
                PanelItem::Entity(e) => *e,
                PanelItem::Quote(_) => return None,
            },
            _ => self.reader.selected_entity?,
        };
        open.facts.entities.get(index)
    }
}
