//! The side panel: who is in the story and in what role, organisations, places, dates, quotes
//! with their speakers, sources, and what is known about the story itself.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Ctx, pane_block};
use crate::extract::{Label, Lang};
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

fn heading<'a>(ctx: &Ctx, text: &'a str) -> Line<'a> {
    Line::styled(text, ctx.theme.accent())
}

/// All lines of the panel, and the line of the selected row.
fn panel_lines<'a>(ctx: &Ctx, open: &'a OpenStory, width: usize) -> (Vec<Line<'a>>, Option<usize>) {
    let state = ctx.state;
    let theme = ctx.theme;
    let facts = &open.facts;
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = None;
    let focused = state.focus == Pane::Side;
    let wrapped = |text: &str, indent: usize, style: Style| -> Vec<Line<'static>> {
        wrap(text, width.saturating_sub(indent).max(1))
            .into_iter()
            .map(|r| {
                Line::from(vec![Span::raw(" ".repeat(indent)), Span::styled(text[r].to_string(), style)])
            })
            .collect()
    };

    for (label, title) in [
        (Label::Per, "People"),
        (Label::Org, "Organisations"),
        (Label::Loc, "Places"),
        (Label::Misc, "Other names"),
        (Label::Date, "Dates"),
    ] {
        let items: Vec<(usize, usize)> = open
            .panel
            .iter()
            .enumerate()
            .filter_map(|(row, item)| match item {
                PanelItem::Entity(e) if facts.entities.get(*e).is_some_and(|x| x.label == label) => {
                    Some((row, *e))
                }
                _ => None,
            })
            .collect();
        if items.is_empty() {
            continue;
        }
        lines.push(heading(ctx, title));
        for (row, e) in items {
            let entity = &facts.entities[e];
            let is_row = row == state.panel_selected;
            let marker = if state.reader.selected_entity == Some(e) { "▸ " } else { "  " };
            let mut count = if entity.mentions.len() > 1 {
                format!(" ×{}", entity.mentions.len())
            } else {
                String::new()
            };
            // The user has decided about (some of) this entity's mentions.
            if entity.mentions.iter().any(|m| m.origin == crate::extract::Origin::User) {
                count.push_str(" ✓");
            }
            let name = match label {
                // Dates show their normalised value and the words the text used.
                Label::Date => match entity.mentions.first() {
                    Some(m) if m.text != entity.name => format!("{}  {}", entity.name, m.text),
                    _ => entity.name.clone(),
                },
                _ => entity.name.clone(),
            };
            let text = truncate(&format!("{name}{count}"), width.saturating_sub(2));
            let mut style = theme.label(label);
            if is_row && focused {
                style = theme.selected(true);
            }
            if is_row {
                selected_line = Some(lines.len());
            }
            lines.push(Line::from(vec![Span::raw(marker), Span::styled(text, style)]));
            if label == Label::Per
                && let Some(person) = facts.people.iter().find(|p| p.name == entity.name)
            {
                for role in &person.roles {
                    lines.extend(wrapped(role, 4, theme.dim()));
                }
            }
        }
    }

    if !facts.quotes.is_empty() {
        lines.push(heading(ctx, "Quotes"));
        for (row, item) in open.panel.iter().enumerate() {
            let PanelItem::Quote(q) = item else { continue };
            let Some(quote) = facts.quotes.get(*q) else { continue };
            if row == state.panel_selected {
                selected_line = Some(lines.len());
            }
            let style =
                if row == state.panel_selected && focused { theme.selected(true) } else { Style::new() };
            let (open_mark, close_mark) = quote_marks(facts.lang);
            let text = truncate(&format!("{open_mark}{}{close_mark}", quote.text), width.saturating_sub(2));
            lines.push(Line::from(vec![Span::raw("  "), Span::styled(text, style)]));
            let speaker = quote.speaker.as_deref().unwrap_or("speaker not named");
            lines.extend(wrapped(&format!("— {speaker}"), 4, theme.dim()));
        }
    }
    if !facts.sources.is_empty() {
        lines.push(heading(ctx, "Sources"));
        for s in &facts.sources {
            lines.extend(wrapped(s, 2, Style::new()));
        }
    }

    if !open.orphans.is_empty() {
        lines.push(Line::styled("Not found in the changed text", theme.error()));
        for a in &open.orphans {
            lines.extend(wrapped(&format!("{} «{}»", a.label, a.quote.exact), 2, theme.dim()));
        }
    }

    let article = &open.article;
    lines.push(heading(ctx, "About"));
    lines.extend(wrapped(&state.reader.meta, 2, theme.dim()));
    for value in [&article.author, &article.url].into_iter().flatten() {
        lines.extend(wrapped(value, 2, theme.dim()));
    }
    if !article.tags.is_empty() {
        lines.extend(wrapped(&format!("tags: {}", article.tags.join(", ")), 2, theme.dim()));
    }
    lines.extend(wrapped(&crate::text::printable(&article.path.display().to_string()), 2, theme.dim()));
    (lines, selected_line)
}

/// Quotation marks in the article's own typography: «…» in French, “…” otherwise.
fn quote_marks(lang: Option<Lang>) -> (&'static str, &'static str) {
    match lang {
        Some(Lang::Fr) => ("«", "»"),
        _ => ("“", "”"),
    }
}
