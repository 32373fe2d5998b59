//! The side panel: who is in the story and in what role, organisations, places, dates, quotes
//! with their speakers, sources, and what is known about the story itself.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Ctx, pane_block};
use crate::annotate::{Annotation, Status};
use crate::extract::{Entity, Label, Lang, Origin};
use crate::model::{OpenStory, Pane, PanelItem};
use crate::text::width::truncate;
use crate::text::wrap;

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let block = pane_block(ctx, Pane::Side, Line::from(" Facts "));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(open) = &ctx.state.open else { return };
    let text_area = Rect { x: inner.x + 1, width: inner.width.saturating_sub(1), ..inner };
    let (lines, selected_line) = panel_lines(ctx, open, text_area.width as usize);
    // Keep the selected row in view; otherwise the user's own scroll.
    let height = text_area.height as usize;
    let scroll = match selected_line {
        Some(l) if ctx.state.focus == Pane::Side && l + 2 > height => l + 2 - height,
        _ => 0,
    };
    frame.render_widget(Paragraph::new(lines).scroll((scroll.min(u16::MAX as usize) as u16, 0)), text_area);
}

/// The facts panel's sections, in the order they are drawn.
const ENTITY_SECTIONS: [(Label, &str); 5] = [
    (Label::Per, "People"),
    (Label::Org, "Organisations"),
    (Label::Loc, "Places"),
    (Label::Misc, "Other names"),
    (Label::Date, "Dates"),
];

/// All lines of the panel, and the line of the selected row.
fn panel_lines(ctx: &Ctx, open: &OpenStory, width: usize) -> (Vec<Line<'static>>, Option<usize>) {
    let mut panel = Panel { ctx, width, lines: Vec::new(), selected_line: None };
    for (label, title) in ENTITY_SECTIONS {
        panel.entities(open, label, title);
    }
    panel.quotes(open);
    panel.sources(&open.facts.sources);
    panel.orphans(&open.orphans);
    panel.about(open);
    (panel.lines, panel.selected_line)
}

/// The panel as it is built, one section after another.
struct Panel<'c> {
    ctx: &'c Ctx<'c>,
    width: usize,
    lines: Vec<Line<'static>>,
    /// The line of the selected row, once it is drawn.
    selected_line: Option<usize>,
}

impl Panel<'_> {
    fn heading(&mut self, text: &'static str) {
        self.lines.push(Line::styled(text, self.ctx.theme.accent()));
    }

    /// `text` wrapped to the panel's width after `indent` spaces.
    fn wrapped(&mut self, text: &str, indent: usize, style: Style) {
        for r in wrap(text, self.width.saturating_sub(indent).max(1)) {
            let line =
                Line::from(vec![Span::raw(" ".repeat(indent)), Span::styled(text[r].to_string(), style)]);
            self.lines.push(line);
        }
    }

    /// The style of the row about to be pushed: `base`, or the selection's when it is the
    /// selected row of the focused panel. Notes the line of the selected row.
    fn row_style(&mut self, row: usize, base: Style) -> Style {
        let state = self.ctx.state;
        if row != state.panel_selected {
            return base;
        }
        self.selected_line = Some(self.lines.len());
        if state.focus == Pane::Side { self.ctx.theme.selected(true) } else { base }
    }

    /// One label's entities under `title`; people with the roles the text gives them.
    fn entities(&mut self, open: &OpenStory, label: Label, title: &'static str) {
        let facts = &open.facts;
        let rows: Vec<(usize, &Entity, usize)> = open
            .panel
            .iter()
            .enumerate()
            .filter_map(|(row, item)| match item {
                PanelItem::Entity(e) => {
                    facts.entities.get(*e).filter(|x| x.label == label).map(|entity| (row, entity, *e))
                }
                _ => None,
            })
            .collect();
        if rows.is_empty() {
            return;
        }
        self.heading(title);
        for (row, entity, index) in rows {
            self.entity_row(row, entity, index);
            if label == Label::Per
                && let Some(person) = facts.people.iter().find(|p| p.name == entity.name)
            {
                // Roles the user set are marked ✓ (none set: "no role").
                let yours = person.roles_origin == Some(Origin::User);
                let mark = if yours { " ✓" } else { "" };
                for role in &person.roles {
                    self.wrapped(&format!("{role}{mark}"), 4, self.ctx.theme.dim());
                }
                if yours && person.roles.is_empty() {
                    self.wrapped("no role ✓", 4, self.ctx.theme.dim());
                }
            }
        }
    }

    /// An entity's name (a date's value and its words), its mention count, and ✓ when the user
    /// has decided about some of its mentions; ▸ marks the entity selected in the text.
    fn entity_row(&mut self, row: usize, entity: &Entity, index: usize) {
        let marker = if self.ctx.state.reader.selected_entity == Some(index) { "▸ " } else { "  " };
        let mut count =
            if entity.mentions.len() > 1 { format!(" ×{}", entity.mentions.len()) } else { String::new() };
        if entity.mentions.iter().any(|m| m.origin == Origin::User) {
            count.push_str(" ✓");
        }
        // What the user set on its mentions: knowledge-base ids, and ✎ for a note.
        let open = self.ctx.state.open.as_ref();
        let annotations: Vec<&Annotation> = open
            .map(|o| {
                o.annotations
                    .iter()
                    .filter(|a| a.status != Status::Rejected)
                    .filter(|a| entity.mentions.iter().any(|m| m.start == a.start && m.end == a.end))
                    .collect()
            })
            .unwrap_or_default();
        let mut ids: Vec<&str> = annotations.iter().filter_map(|a| a.kb_id.as_deref()).collect();
        ids.dedup();
        for id in ids {
            count.push_str(&format!(" {id}"));
        }
        if annotations.iter().any(|a| a.note.is_some()) {
            count.push_str(" ✎");
        }
        let name = match entity.mentions.first() {
            Some(m) if entity.label == Label::Date && m.text != entity.name => {
                format!("{}  {}", entity.name, m.text)
            }
            _ => entity.name.clone(),
        };
        let text = truncate(&format!("{name}{count}"), self.width.saturating_sub(2));
        let style = self.row_style(row, self.ctx.theme.label(entity.label));
        self.lines.push(Line::from(vec![Span::raw(marker), Span::styled(text, style)]));
    }

    /// Quotations in the article's typography, each with its speaker.
    fn quotes(&mut self, open: &OpenStory) {
        let facts = &open.facts;
        if facts.quotes.is_empty() {
            return;
        }
        self.heading("Quotes");
        let (open_mark, close_mark) = quote_marks(facts.lang);
        for (row, item) in open.panel.iter().enumerate() {
            let PanelItem::Quote(q) = item else { continue };
            let Some(quote) = facts.quotes.get(*q) else { continue };
            let style = self.row_style(row, Style::new());
            let text =
                truncate(&format!("{open_mark}{}{close_mark}", quote.text), self.width.saturating_sub(2));
            self.lines.push(Line::from(vec![Span::raw("  "), Span::styled(text, style)]));
            let yours = quote.speaker_origin == Some(Origin::User);
            let speaker = match (quote.speaker.as_deref(), yours, quote.speaker_description.as_deref()) {
                (Some(s), _, _) => s.to_string(),
                (None, true, _) => "unknown".to_string(),
                (None, false, Some(d)) => format!("{d} (not named)"),
                (None, false, None) => "speaker not named".to_string(),
            };
            let mark = if yours { " ✓" } else { "" };
            self.wrapped(&format!("— {speaker}{mark}"), 4, self.ctx.theme.dim());
        }
    }

    /// Whom the text cites.
    fn sources(&mut self, sources: &[String]) {
        if sources.is_empty() {
            return;
        }
        self.heading("Sources");
        for s in sources {
            self.wrapped(s, 2, Style::new());
        }
    }

    /// The user's annotations that no longer anchor in the changed text.
    fn orphans(&mut self, orphans: &[Annotation]) {
        if orphans.is_empty() {
            return;
        }
        self.lines.push(Line::styled("Not found in the changed text", self.ctx.theme.error()));
        for a in orphans {
            self.wrapped(&format!("{} «{}»", a.label, a.quote.exact), 2, self.ctx.theme.dim());
        }
    }

    /// The story itself: its metadata line, author, address, tags and file.
    fn about(&mut self, open: &OpenStory) {
        let (state, dim) = (self.ctx.state, self.ctx.theme.dim());
        let article = &open.article;
        self.heading("About");
        self.wrapped(&state.reader.meta, 2, dim);
        for value in [&article.author, &article.url].into_iter().flatten() {
            self.wrapped(value, 2, dim);
        }
        if !article.tags.is_empty() {
            self.wrapped(&format!("tags: {}", article.tags.join(", ")), 2, dim);
        }
        self.wrapped(&crate::text::printable(&article.path.display().to_string()), 2, dim);
    }
}

/// Quotation marks in the article's own typography: «…» in French, “…” otherwise.
fn quote_marks(lang: Option<Lang>) -> (&'static str, &'static str) {
    match lang {
        Some(Lang::Fr) => ("«", "»"),
        _ => ("“", "”"),
    }
}
