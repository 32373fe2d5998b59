//! The entity page, over the whole screen: who or what it is, under which names, in which
//! roles and when, a timeline by month, its companions, its quotes, and its stories to open.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Clear, Paragraph, Sparkline, Wrap};

use super::Ctx;
use crate::command::Command;
use crate::library::profile::Profile;
use crate::model::EntityPage;
use crate::text::width::truncate;

pub fn draw(frame: &mut Frame, screen: Rect, ctx: &Ctx, page: &EntityPage) {
    let p = &page.profile;
    let undated = p.stories.iter().filter(|s| s.date.is_none()).count();
    let title = format!(" {} · {} · {} ", p.name, p.label, plural(p.stories.len(), "story", "stories"));
    let block =
        Block::bordered().title(Span::styled(title, ctx.theme.title())).border_style(ctx.theme.border(true));
    frame.render_widget(Clear, screen);
    let inner = block.inner(screen);
    frame.render_widget(block, screen);
    let [body, hints] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(body);
    frame.render_widget(
        Paragraph::new(facts_lines(ctx, p, left.width as usize)).wrap(Wrap { trim: false }),
        left,
    );
    let [timeline, stories] = Layout::vertical([Constraint::Length(8), Constraint::Min(1)]).areas(right);
    draw_timeline(frame, timeline, ctx, p, undated);
    draw_stories(frame, stories, ctx, page);
    let keys = [
        (&[Command::Down, Command::Up][..], "move"),
        (&[Command::Open][..], "open the story at the mention"),
        (&[Command::Back][..], "close"),
    ]
    .map(|(cmds, what)| format!("{} {what}", ctx.keymap.hint_keys(cmds)));
    frame.render_widget(
        Paragraph::new(Line::styled(format!(" {}", keys.join(" · ")), ctx.theme.dim())),
        hints,
    );
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Names, roles, companions and quotes, one section under the other.
fn facts_lines<'a>(ctx: &Ctx, p: &Profile, width: usize) -> Vec<Line<'a>> {
    let room = width.saturating_sub(10);
    let mut lines = vec![Line::styled(" Names", ctx.theme.accent())];
    for a in &p.aliases {
        lines.push(Line::from(format!("   {} ({})", truncate(&a.name, room), a.stories)));
    }
    lines.push(Line::default());
    lines.push(Line::styled(" Roles", ctx.theme.accent()));
    if p.roles.is_empty() {
        lines.push(Line::styled("   none found", ctx.theme.dim()));
    }
    for r in &p.roles {
        let dates = match (&r.first, &r.last) {
            (Some(f), Some(l)) if f != l => format!("{f} – {l}"),
            (Some(f), _) => f.clone(),
            (None, Some(l)) => l.clone(),
            (None, None) => "undated".into(),
        };
        lines.push(Line::from(vec![
            Span::raw(format!("   {} ", truncate(&r.role, room))),
            Span::styled(format!("({}, {dates})", r.stories), ctx.theme.dim()),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::styled(" Found with", ctx.theme.accent()));
    if p.cooccurring.is_empty() {
        lines.push(Line::styled("   no entity more often than chance", ctx.theme.dim()));
    }
    for c in &p.cooccurring {
        lines.push(Line::from(vec![
            Span::raw(format!("   {} ", truncate(&c.name, room))),
            Span::styled(
                format!("{} · {} together · ×{:.1}", c.label, c.together, c.association.exp()),
                ctx.theme.dim(),
            ),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::styled(" Quotes", ctx.theme.accent()));
    if p.quotes.is_empty() {
        lines.push(Line::styled("   none found", ctx.theme.dim()));
    }
    for q in &p.quotes {
        let date = q.date.as_deref().unwrap_or("undated");
        lines.push(Line::from(vec![
            Span::styled(format!("   {date} "), ctx.theme.dim()),
            Span::raw(format!("«{}»", q.text)),
        ]));
    }
    lines
}

/// Every month from the first to the last with a story (the last ones that fit `width`).
fn months(p: &Profile, width: usize) -> Vec<(String, u64)> {
    let parse =
        |m: &str| -> Option<(i32, u32)> { Some((m.get(..4)?.parse().ok()?, m.get(5..7)?.parse().ok()?)) };
    let counted: Vec<((i32, u32), u64)> =
        p.timeline.iter().filter_map(|(m, n)| Some((parse(m)?, *n as u64))).collect();
    let (Some(first), Some(last)) = (counted.iter().map(|c| c.0).min(), counted.iter().map(|c| c.0).max())
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut at = first;
    while at <= last && out.len() < 1200 {
        let n = counted.iter().filter(|c| c.0 == at).map(|c| c.1).sum();
        out.push((format!("{:04}-{:02}", at.0, at.1), n));
        at = if at.1 == 12 { (at.0 + 1, 1) } else { (at.0, at.1 + 1) };
    }
    let skip = out.len().saturating_sub(width.max(1));
    out.split_off(skip)
}

fn draw_timeline(frame: &mut Frame, area: Rect, ctx: &Ctx, p: &Profile, undated: usize) {
    let [head, chart, axis] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1), Constraint::Length(1)]).areas(area);
    let width = area.width.saturating_sub(2) as usize;
    let months = months(p, width);
    let peak = months.iter().map(|m| m.1).max().unwrap_or(0);
    let mut head_spans = vec![Span::styled(" Timeline by month", ctx.theme.accent())];
    if peak > 0 {
        head_spans.push(Span::styled(format!(" · at most {peak} a month"), ctx.theme.dim()));
    }
    if undated > 0 {
        head_spans.push(Span::styled(format!(" · {undated} undated"), ctx.theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(head_spans)), head);
    if months.is_empty() {
        frame.render_widget(Paragraph::new(Line::styled("   no dated story", ctx.theme.dim())), chart);
        return;
    }
    let chart = Rect { x: chart.x + 1, width: chart.width.saturating_sub(2), ..chart };
    // Few months: a bar each, named and counted; many: one column each.
    if months.len() * 8 <= chart.width as usize {
        let group: Vec<Bar> = months
            .iter()
            .map(|(m, n)| Bar::default().value(*n).label(Line::from(m.clone())).style(ctx.theme.accent()))
            .collect();
        // The bars' labels take the axis line.
        frame.render_widget(
            BarChart::default().data(BarGroup::default().bars(&group)).bar_width(7).bar_gap(1),
            Rect { height: chart.height + 1, ..chart },
        );
        return;
    }
    let data: Vec<u64> = months.iter().map(|m| m.1).collect();
    frame.render_widget(Sparkline::default().data(&data).style(ctx.theme.accent()), chart);
    let first = &months[0].0;
    let last = &months[months.len() - 1].0;
    let axis_text = if first == last {
        format!(" {first}")
    } else {
        let gap = width.saturating_sub(first.len()).max(last.len() + 1);
        format!(" {first}{last:>gap$}")
    };
    frame.render_widget(Paragraph::new(Line::styled(axis_text, ctx.theme.dim())), axis);
}

/// The stories, two lines each (date and title, then the sentence), the selected one kept in
/// view.
fn draw_stories(frame: &mut Frame, area: Rect, ctx: &Ctx, page: &EntityPage) {
    let [head, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    frame.render_widget(Paragraph::new(Line::styled(" Stories", ctx.theme.accent())), head);
    let shown = (list.height as usize / 2).max(1);
    let top = page.selected.saturating_sub(shown - 1);
    let width = list.width as usize;
    let mut lines = Vec::new();
    for (i, s) in page.profile.stories.iter().enumerate().skip(top).take(shown) {
        let date = s.date.as_deref().map_or("undated", |d| d.get(..10).unwrap_or(d));
        let first = format!(" {date:<10}  {}", s.title);
        let style = if i == page.selected { ctx.theme.selected(true) } else { ctx.theme.title() };
        lines.push(Line::styled(truncate(&first, width), style));
        let sentence = s.sentence.as_deref().unwrap_or("");
        lines.push(Line::styled(truncate(&format!("             {sentence}"), width), ctx.theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines), list);
}
