//! The article pane: the wrapped lines laid out by the model, with search hits styled.

use std::borrow::Cow;
use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Ctx, pane_block};
use crate::model::{LineKind, Pane};

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let state = ctx.state;
    let reader = &state.reader;
    let block = pane_block(ctx, Pane::Article, Line::from(" Article "));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(article) = reader.story.and_then(|i| state.stories.get(i)) else {
        frame.render_widget(Paragraph::new(Line::styled(" No story selected.", ctx.theme.dim())), inner);
        return;
    };
    // One column of padding each side, as `AppState::article_text_area` assumes.
    let text_area = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
    let matches = &reader.search.matches;
    let mut lines = Vec::with_capacity(text_area.height as usize);
    for line in reader.lines.iter().skip(reader.scroll).take(text_area.height as usize) {
        lines.push(match line.kind {
            LineKind::Title => Line::styled(visible(&article.title[line.range.clone()]), ctx.theme.title()),
            LineKind::Meta => Line::styled(visible(&reader.meta[line.range.clone()]), ctx.theme.dim()),
            LineKind::Blank => Line::default(),
            LineKind::Body => {
                body_line(ctx, &article.body, line.range.clone(), matches, reader.search.current)
            }
        });
    }
    frame.render_widget(Paragraph::new(lines), text_area);
}

/// Splits a body line at search-hit boundaries so hits can be styled.
fn body_line<'a>(
    ctx: &Ctx,
    body: &'a str,
    range: Range<usize>,
    matches: &[Range<usize>],
    current: Option<usize>,
) -> Line<'a> {
    let mut spans = Vec::new();
    let mut at = range.start;
    // Hits are sorted; find the first that may touch this line.
    let first = matches.partition_point(|m| m.end <= range.start);
    for (i, m) in matches.iter().enumerate().skip(first) {
        if m.start >= range.end {
            break;
        }
        let (s, e) = (m.start.max(range.start), m.end.min(range.end));
        if s > at {
            spans.push(Span::raw(visible(&body[at..s])));
        }
        spans.push(Span::styled(visible(&body[s..e]), ctx.theme.search_match(current == Some(i))));
        at = e;
    }
    if at < range.end {
        spans.push(Span::raw(visible(&body[at..range.end])));
    }
    Line::from(spans).style(Style::new())
}

/// Text as drawn: soft hyphens are invisible inside a line.
fn visible(s: &str) -> Cow<'_, str> {
    if s.contains('\u{00AD}') { Cow::Owned(s.replace('\u{00AD}', "")) } else { Cow::Borrowed(s) }
}
