//! The side panel: what is known about the story — its metadata, size and reading time.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Ctx, pane_block};
use crate::model::Pane;
use crate::text::wrap;

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let block = pane_block(ctx, Pane::Side, Line::from(" About "));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some((_, article)) = ctx.state.selected_story() else { return };
    let width = inner.width.saturating_sub(1) as usize;
    let mut lines: Vec<Line> = Vec::new();
    let mut field = |name: &'static str, value: &str| {
        if value.trim().is_empty() {
            return;
        }
        lines.push(Line::styled(name, ctx.theme.accent()));
        for r in wrap(value, width.saturating_sub(2)) {
            lines.push(Line::from(vec![Span::raw("  "), Span::raw(value[r].to_string())]));
        }
    };
    field("Title", &article.title);
    field("Date", article.date.as_deref().unwrap_or(""));
    field("Source", article.source.as_deref().unwrap_or(""));
    field("Author", article.author.as_deref().unwrap_or(""));
    field("Language", article.lang.as_deref().unwrap_or(""));
    field("Tags", &article.tags.join(", "));
    field("URL", article.url.as_deref().unwrap_or(""));
    let words = article.word_count();
    field("Length", &format!("{words} words · {} min read", article.reading_minutes()));
    field("File", &article.path.display().to_string());
    if article.damaged {
        lines.push(Line::styled("Damaged: invalid bytes were replaced", ctx.theme.error()));
    }
    let scroll = ctx.state.side_scroll.min(lines.len().saturating_sub(1));
    let paragraph = Paragraph::new(lines).scroll((scroll.min(u16::MAX as usize) as u16, 0));
    frame.render_widget(paragraph, Rect { x: inner.x + 1, width: inner.width.saturating_sub(1), ..inner });
}
