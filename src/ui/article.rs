//! The article pane: the wrapped lines laid out by the model, with entity mentions coloured by
//! label, the selected entity's mentions emphasised, and search hits marked.

use std::borrow::Cow;
use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Ctx, pane_block};
use crate::command::Command;
use crate::extract::Label;
use crate::model::{LineKind, Mark, OpenStory, Pane};

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let state = ctx.state;
    let reader = &state.reader;
    let mut block = pane_block(ctx, Pane::Article, Line::from(" Article "));
    // The facts are not on screen (a narrow terminal, or hidden): the key that shows them.
    if state.open.is_some() && state.panes().side.is_none() {
        let key = ctx.keymap.hint(Command::ToggleSide);
        if !key.is_empty() {
            let hint = format!(" {key} {} ", Command::ToggleSide.hint_label());
            block = block.title_top(Line::styled(hint, ctx.theme.dim()).right_aligned());
        }
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(open) = &state.open else {
        let msg = if state.list.rows.is_empty() { " No story selected." } else { " Loading…" };
        frame.render_widget(Paragraph::new(Line::styled(msg, ctx.theme.dim())), inner);
        return;
    };
    // One column of padding each side, as `AppState::article_text_area` assumes.
    let text_area = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
    let article = &open.article;
    let mut lines = Vec::with_capacity(text_area.height as usize);
    for line in reader.lines.iter().skip(reader.scroll).take(text_area.height as usize) {
        let r = line.range.clone();
        lines.push(match line.kind {
            LineKind::Title => Line::styled(visible(article.title.get(r).unwrap_or("")), ctx.theme.title()),
            LineKind::Meta => Line::styled(visible(reader.meta.get(r).unwrap_or("")), ctx.theme.dim()),
            LineKind::Blank => Line::default(),
            LineKind::Body => body_line(ctx, open, r),
        });
    }
    frame.render_widget(Paragraph::new(lines), text_area);
}

/// Splits a body line wherever a mark or a search hit starts or ends, and styles each piece.
fn body_line<'a>(ctx: &Ctx, open: &'a OpenStory, range: Range<usize>) -> Line<'a> {
    let reader = &ctx.state.reader;
    let body = &open.article.body;
    let marks = &open.marks;
    let selection = ctx.state.selection.filter(|s| s.start < range.end && range.start < s.end);
    let hits = &reader.search.matches;
    let first_mark = marks.partition_point(|m| m.end <= range.start);
    let first_hit = hits.partition_point(|h| h.end <= range.start);
    let marks_here: Vec<(usize, &Mark)> =
        marks.iter().enumerate().skip(first_mark).take_while(|(_, m)| m.start < range.end).collect();
    let hits_here: Vec<(usize, &Range<usize>)> =
        hits.iter().enumerate().skip(first_hit).take_while(|(_, h)| h.start < range.end).collect();

    let mut cuts = vec![range.start, range.end];
    for (_, m) in &marks_here {
        cuts.extend([m.start, m.end]);
    }
    for (_, h) in &hits_here {
        cuts.extend([h.start, h.end]);
    }
    if let Some(sel) = selection {
        cuts.extend([sel.start, sel.end]);
    }
    // The caret once placed (a caret key, a mention, a search hit), while the article has the
    // focus and no selection is being made.
    let caret = reader
        .caret
        .filter(|_| ctx.state.focus == Pane::Article && ctx.state.selection.is_none())
        .filter(|&c| range.start <= c && c < range.end)
        .and_then(|c| body[c..].chars().next().map(|ch| c..c + ch.len_utf8()));
    if let Some(c) = &caret {
        cuts.extend([c.start, c.end]);
    }
    cuts.retain(|&c| c >= range.start && c <= range.end && body.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();

    let mut spans = Vec::with_capacity(cuts.len());
    for pair in cuts.windows(2) {
        let (s, e) = (pair[0], pair[1]);
        let mut style = Style::new();
        if let Some((i, m)) = marks_here.iter().find(|(_, m)| m.start <= s && e <= m.end) {
            style = ctx.theme.label(m.label);
            // A label of the config's own, with the colour it gives.
            let own = m
                .annotation
                .and_then(|a| open.annotations.get(a))
                .and_then(|a| ctx.config_labels.iter().find(|l| l.name == a.label))
                .filter(|l| Label::parse(&l.name).is_none());
            if let Some(l) = own {
                style = ctx.theme.user_label(l.color);
            }
            if m.is_accepted(open) {
                style = ctx.theme.accepted(style);
            }
            if reader.selected_entity == Some(m.entity) {
                style = ctx.theme.selected_mention(style, reader.cursor == Some(*i));
            }
        }
        if let Some((i, _)) = hits_here.iter().find(|(_, h)| h.start <= s && e <= h.end) {
            style = style.patch(ctx.theme.search_match(reader.search.current == Some(*i)));
        }
        if selection.is_some_and(|sel| sel.start <= s && e <= sel.end) {
            style = style.patch(ctx.theme.selection());
        }
        if caret.as_ref().is_some_and(|c| c.start <= s && e <= c.end) {
            style = style.patch(ctx.theme.caret());
        }
        spans.push(Span::styled(visible(&body[s..e]), style));
    }
    Line::from(spans)
}

/// Text as drawn: soft hyphens are invisible inside a line.
fn visible(s: &str) -> Cow<'_, str> {
    if s.contains('\u{00AD}') { Cow::Owned(s.replace('\u{00AD}', "")) } else { Cow::Borrowed(s) }
}
