//! The story list pane.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Ctx, pane_block};
use crate::model::Pane;
use crate::text::width::truncate;

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let state = ctx.state;
    let list = &state.list;
    let position = if list.visible.is_empty() { 0 } else { list.selected + 1 };
    let mut title = format!(" Stories {position}/{} ", list.visible.len());
    if let Some(filter) = &list.filter {
        title = format!(" Stories {position}/{} · {} ", list.visible.len(), truncate(filter, 16));
    }
    let block = pane_block(ctx, Pane::List, Line::from(title));
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let focused = state.focus == Pane::List;
    let width = inner.width as usize;
    let mut lines = Vec::with_capacity(inner.height as usize);
    for (row, &index) in list.visible.iter().enumerate().skip(list.offset).take(inner.height as usize) {
        let Some(article) = state.stories.get(index) else { continue };
        let marker = if article.damaged { "!" } else { " " };
        let text = truncate(&article.title, width.saturating_sub(1));
        let mut line = Line::from(vec![Span::styled(marker, ctx.theme.error()), Span::raw(text)]);
        if row == list.selected {
            // Fill the row so the highlight spans the pane.
            let used = crate::text::display_width(&line.to_string());
            line.push_span(Span::raw(" ".repeat(width.saturating_sub(used))));
            line = line.style(ctx.theme.selected(focused));
        }
        lines.push(line);
    }
    if list.visible.is_empty() {
        let msg = if list.filter.is_some() {
            "No story matches. Esc clears the filter."
        } else {
            "No stories loaded."
        };
        lines.push(Line::styled(msg, ctx.theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
