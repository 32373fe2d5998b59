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
use crate::text::width::{prefix_fitting, truncate};

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let state = ctx.state;
    let list = &state.list;
    let theme = ctx.theme;
    let position = if list.rows.is_empty() { 0 } else { list.selected + 1 };
    let unread = list.unread_rows();
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
    let date_width = date_column(ctx, list.offset, rows_shown, width);
    for (i, row) in list.rows.iter().enumerate().skip(list.offset).take(rows_shown) {
        let Some(meta) = list.stories.get(row.story) else { continue };
        let marker = if meta.damaged() {
            Span::styled("!", theme.error())
        } else if meta.starred() {
            Span::styled("★", theme.accent())
        } else if !meta.read() {
            Span::styled("●", theme.accent())
        } else {
            Span::raw(" ")
        };
        let title_style = if meta.read() { Style::new() } else { theme.title() };
        // At the right: where its review stands ("12/40" judged, ✓ done), then its date.
        let review = review_badge(&meta.review()).filter(|b| display_width(b) + 8 <= width);
        let date = meta.date().filter(|_| date_width > 0).map(|d| state.settings.dates.short(d));
        let right: Vec<String> = review.into_iter().chain(date).collect();
        let right = right.join(" ");
        let room = width.saturating_sub(1 + if right.is_empty() { 0 } else { display_width(&right) + 1 });
        let title = truncate(meta.title(), room);
        let mut line = Line::from(vec![marker, Span::styled(title, title_style)]);
        if !right.is_empty() {
            let used = 1 + display_width(&line.spans[1].content);
            line.push_span(Span::raw(" ".repeat(width.saturating_sub(used + display_width(&right)))));
            line.push_span(Span::styled(right, theme.dim()));
        }
        if i == list.selected {
            pad(&mut line, width);
            line = line.style(theme.selected(focused));
        }
        lines.push(line);
        if let Some(snippet) = list.snippet(row) {
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

/// The widest date of the rows in view, or 0 when showing dates would leave the titles fewer
/// than `MIN_TITLE` columns: then no row shows its date (a column that comes and goes from
/// one row to the next reads worse than none).
fn date_column(ctx: &Ctx, offset: usize, shown: usize, width: usize) -> usize {
    const MIN_TITLE: usize = 14;
    let list = &ctx.state.list;
    let widest = list
        .rows
        .iter()
        .skip(offset)
        .take(shown)
        .filter_map(|r| list.stories.get(r.story)?.date())
        .map(|d| display_width(&ctx.state.settings.dates.short(d)))
        .max()
        .unwrap_or(0);
    if widest > 0 && width >= 1 + MIN_TITLE + 1 + widest { widest } else { 0 }
}

/// Fills the row so a highlight spans the pane.
fn pad(line: &mut Line, width: usize) {
    let used: usize = line.spans.iter().map(|s| display_width(&s.content)).sum();
    line.push_span(Span::raw(" ".repeat(width.saturating_sub(used))));
}

/// A snippet on one line, its matched words highlighted, cut to the width. When the first
/// match would come late (a narrow pane), the text before it is cut so that the match shows
/// near the start, after an ellipsis.
fn snippet_line<'a>(ctx: &Ctx, snippet: &[(String, bool)], width: usize) -> Line<'a> {
    let mut spans = vec![Span::raw("  ")];
    let mut room = width.saturating_sub(2);
    let before: usize = snippet.iter().take_while(|(_, m)| !m).map(|(t, _)| display_width(t)).sum();
    let total: usize = snippet.iter().map(|(t, _)| display_width(t)).sum();
    let lead = room / 4;
    let mut skip = if total > room && before > lead && before < total { before - lead } else { 0 };
    if skip > 0 {
        spans.push(Span::styled("…", ctx.theme.dim()));
        room = room.saturating_sub(1);
    }
    for (text, is_match) in snippet {
        if room == 0 {
            break;
        }
        let mut text = text.as_str();
        if skip > 0 {
            let w = display_width(text);
            if w <= skip {
                skip -= w;
                continue;
            }
            // Back to the start of the word cut into, when that costs little of the lead.
            let cut = prefix_fitting(text, skip);
            let word =
                text[..cut].rfind(' ').map(|i| i + 1).filter(|&i| display_width(&text[i..cut]) <= lead);
            text = text[word.unwrap_or(cut)..].trim_start_matches('…');
            skip = 0;
        }
        let piece = truncate(text, room);
        let cut = piece.len() < text.len();
        room = room.saturating_sub(display_width(&piece));
        let style = if *is_match { ctx.theme.search_match(false) } else { ctx.theme.dim() };
        spans.push(Span::styled(piece, style));
        // Cut short: its ellipsis ends the line (the snippet's own would double it).
        if cut {
            break;
        }
    }
    Line::from(spans)
}
