//! The story list pane: unread/starred markers, titles, and snippets for search results.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Ctx, pane_block};
use crate::library::{Review, ReviewState};
use crate::model::Pane;
use crate::text::display_width;
use crate::text::width::truncate;

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let state = ctx.state;
    let list = &state.list;
    let theme = ctx.theme;
    let position = if list.rows.is_empty() { 0 } else { list.selected + 1 };
    let unread = list.rows.iter().filter(|r| list.stories.get(r.story).is_some_and(|m| !m.read)).count();
    let mut title = format!(" Stories {position}/{} ", list.rows.len());
    if unread > 0 {
        let long = format!("{title}· {unread} unread ");
        if display_width(&long) + 2 <= area.width as usize {
            title = long;
        }
    }
    let block = pane_block(ctx, Pane::List, Line::from(title));
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let focused = state.focus == Pane::List;
    let width = inner.width as usize;
    let row_height = list.row_height();
    let mut lines = Vec::with_capacity(inner.height as usize);
    let rows_shown = (inner.height as usize / row_height).max(1);
    for (i, row) in list.rows.iter().enumerate().skip(list.offset).take(rows_shown) {
        let Some(meta) = list.stories.get(row.story) else { continue };
        let marker = if meta.damaged {
            Span::styled("!", theme.error())
        } else if meta.starred {
            Span::styled("★", theme.accent())
        } else if !meta.read {
            Span::styled("●", theme.accent())
        } else {
            Span::raw(" ")
        };
        let title_style = if meta.read { Style::new() } else { theme.title() };
        // Where its review stands, at the right: "12/40" judged, ✓ done.
        let review = review_badge(&meta.review).filter(|b| display_width(b) + 8 <= width);
        let room = width.saturating_sub(1 + review.as_ref().map_or(0, |b| display_width(b) + 1));
        let title = truncate(&meta.title, room);
        let mut line = Line::from(vec![marker, Span::styled(title, title_style)]);
        if let Some(badge) = review {
            let used = 1 + display_width(&line.spans[1].content);
            line.push_span(Span::raw(" ".repeat(width.saturating_sub(used + display_width(&badge)))));
            line.push_span(Span::styled(badge, theme.dim()));
        }
        if i == list.selected {
            pad(&mut line, width);
            line = line.style(theme.selected(focused));
        }
        lines.push(line);
        if let Some(snippet) = &row.snippet {
            lines.push(snippet_line(ctx, snippet, width));
        }
    }
    if list.rows.is_empty() {
        let msg = if list.filters.is_empty() {
            if state.indexing.is_some() { " Indexing…" } else { " No stories loaded." }
        } else {
            " No story matches. Backspace clears the filters."
        };
        lines.push(Line::styled(msg, theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A story's review as its row ends: judged of all ("12/40") while in progress, ✓ when done,
/// nothing before it starts.
pub fn review_badge(review: &Review) -> Option<String> {
    match review.state() {
        ReviewState::NotStarted => None,
        ReviewState::InProgress => {
            Some(format!("{}/{}", review.judged, review.total.unwrap_or(review.judged)))
        }
        ReviewState::Done => Some("✓".into()),
    }
}

/// Fills the row so a highlight spans the pane.
fn pad(line: &mut Line, width: usize) {
    let used: usize = line.spans.iter().map(|s| display_width(&s.content)).sum();
    line.push_span(Span::raw(" ".repeat(width.saturating_sub(used))));
}

/// A snippet on one line, its matched words highlighted, cut to the width.
fn snippet_line<'a>(ctx: &Ctx, snippet: &[(String, bool)], width: usize) -> Line<'a> {
    let mut spans = vec![Span::raw("  ")];
    let mut room = width.saturating_sub(2);
    for (text, is_match) in snippet {
        if room == 0 {
            break;
        }
        let piece = truncate(text, room);
        room = room.saturating_sub(display_width(&piece));
        let style = if *is_match { ctx.theme.search_match(false) } else { ctx.theme.dim() };
        spans.push(Span::styled(piece, style));
    }
    Line::from(spans)
}
