//! The entity page, over the whole screen: who or what it is, under which names, in which
//! roles and when, a timeline by month, its companions, its quotes, and its stories to open.

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph, Sparkline};

use super::Ctx;
use crate::command::Command;
use crate::library::profile::{COMPANION_STORIES, Profile};
use crate::model::{EntityPage, PageFocus};
use crate::text::width::{display_width, prefix_fitting, truncate};

pub fn draw(frame: &mut Frame, screen: Rect, ctx: &Ctx, page: &EntityPage) {
    let p = &page.profile;
    let title = format!(" {} · {} · {} ", p.name, p.label, plural(p.story_count, "story", "stories"));
    let (body, hints) = super::over_panes(frame, screen, ctx, title);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(body);
    draw_left(frame, left, ctx, page);
    let [timeline, stories] = Layout::vertical([Constraint::Length(8), Constraint::Min(1)]).areas(right);
    draw_timeline(frame, timeline, ctx, p, p.undated);
    draw_stories(frame, stories, ctx, page);
    let keys: &[(&[Command], &str)] = match page.focus {
        PageFocus::Stories => &[
            (&[Command::Down, Command::Up], "move"),
            (&[Command::Open], "open the story at the mention"),
            (&[Command::NextPane], "names"),
            (&[Command::MergeEntity], "merge"),
            (&[Command::Back], "close"),
        ],
        PageFocus::Facts => &[
            (&[Command::Down, Command::Up], "move"),
            (&[Command::SplitName], "split the name off"),
            (&[Command::Open], "open"),
            (&[Command::MergeEntity], "merge"),
            (&[Command::Undo], "undo"),
            (&[Command::NextPane], "stories"),
            (&[Command::Back], "close"),
        ],
    };
    let keys: Vec<String> =
        keys.iter().map(|(cmds, what)| format!("{} {what}", ctx.keymap.hint_keys(cmds))).collect();
    // The page covers the status line: what the last key did is said here, else the keys.
    let line = match &ctx.state.message {
        Some(message) => Line::raw(format!(" {}", crate::text::printable(message))),
        None => Line::styled(format!(" {}", keys.join(" · ")), ctx.theme.dim()),
    };
    frame.render_widget(Paragraph::new(line), hints);
}

/// The left column, scrolled so that the selected item is in view, with a line saying there
/// is more above or below.
fn draw_left(frame: &mut Frame, area: Rect, ctx: &Ctx, page: &EntityPage) {
    let (mut lines, spans) = facts_lines(ctx, page, area.width as usize);
    let height = area.height as usize;
    let top = match (page.focus, spans.get(page.left)) {
        (PageFocus::Facts, Some(&(start, end))) => {
            // The selected item's last line above the bottom line (which may say there is
            // more); its first line below the top one (a section title, or "more above").
            let top = (end + 2).saturating_sub(height);
            top.min(start.saturating_sub(1))
        }
        _ => 0,
    };
    let total = lines.len();
    let mut shown: Vec<Line> = lines.drain(top.min(total)..).take(height).collect();
    let below = top + height < total;
    if below && let Some(last) = shown.last_mut() {
        *last = Line::styled("   ↓ more (Tab, then j/k)", ctx.theme.dim());
    }
    if top > 0
        && let Some(first) = shown.first_mut()
    {
        *first = Line::styled("   ↑ more", ctx.theme.dim());
    }
    frame.render_widget(Paragraph::new(shown), area);
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Names, roles, companions and quotes, one section under the other, a line each (a quote is
/// wrapped); with the first and last line of each item (in `EntityPage::left_item` order).
fn facts_lines<'a>(ctx: &Ctx, page: &EntityPage, width: usize) -> (Vec<Line<'a>>, Vec<(usize, usize)>) {
    let p = &page.profile;
    let room = width.saturating_sub(10);
    let mut lines: Vec<Line> = Vec::new();
    let mut spans = Vec::new();
    let selected = |i: usize| page.focus == PageFocus::Facts && page.left == i;
    let mut item = |lines: &mut Vec<Line<'a>>, mut item_lines: Vec<Line<'a>>| {
        if selected(spans.len()) {
            item_lines = item_lines.into_iter().map(|l| l.style(ctx.theme.selected(true))).collect();
        }
        spans.push((lines.len(), lines.len() + item_lines.len().max(1) - 1));
        lines.extend(item_lines);
    };
    let section = |lines: &mut Vec<Line<'a>>, title: &'static str| {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(title, ctx.theme.accent()));
    };
    section(&mut lines, " Names");
    for a in &p.aliases {
        let mut spans = vec![Span::raw(format!("   {} ({})", truncate(&a.name, room), a.stories))];
        if a.origin.is_some() {
            spans.push(Span::styled(" · merged by you", ctx.theme.dim()));
        }
        item(&mut lines, vec![Line::from(spans)]);
    }
    section(&mut lines, " Roles");
    if p.roles.is_empty() {
        lines.push(Line::styled("   none found", ctx.theme.dim()));
    }
    for r in &p.roles {
        let dates = match (r.first.as_deref().map(day), r.last.as_deref().map(day)) {
            (Some(f), Some(l)) if f != l => format!("{f} – {l}"),
            (Some(f), _) => f.to_owned(),
            (None, Some(l)) => l.to_owned(),
            (None, None) => "undated".into(),
        };
        item(
            &mut lines,
            vec![Line::from(vec![
                Span::raw(format!("   {} ", truncate(&r.role, room))),
                Span::styled(format!("({}, {dates})", r.stories), ctx.theme.dim()),
            ])],
        );
    }
    section(
        &mut lines,
        if p.story_count > COMPANION_STORIES { " Found with (newest 2,000 stories)" } else { " Found with" },
    );
    if p.cooccurring.is_empty() {
        lines.push(Line::styled("   no entity more often than chance", ctx.theme.dim()));
    }
    for c in &p.cooccurring {
        item(
            &mut lines,
            vec![Line::from(vec![
                Span::raw(format!("   {} ", truncate(&c.name, room))),
                Span::styled(
                    format!("{} · {} together · ×{:.1}", c.label, c.together, c.association.exp()),
                    ctx.theme.dim(),
                ),
            ])],
        );
    }
    section(&mut lines, " Quotes");
    if p.quotes.is_empty() {
        lines.push(Line::styled("   none found", ctx.theme.dim()));
    }
    for q in &p.quotes {
        let date = q.date.as_deref().map_or("undated", day);
        let text = format!("{date} «{}»", q.text);
        let wrapped = wrap(&text, width.saturating_sub(4).max(8));
        item(&mut lines, wrapped.into_iter().map(|l| Line::raw(format!("   {l}"))).collect());
    }
    (lines, spans)
}

/// `text` cut into lines of at most `width` columns, between words where it can.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_owned();
        loop {
            let sep = usize::from(!line.is_empty());
            if display_width(&line) + sep + display_width(&word) <= width {
                if sep == 1 {
                    line.push(' ');
                }
                line.push_str(&word);
                break;
            }
            if !line.is_empty() {
                out.push(std::mem::take(&mut line));
                continue;
            }
            // A word longer than the line: cut it.
            let cut = prefix_fitting(&word, width).max(word.chars().next().map_or(1, char::len_utf8));
            out.push(word[..cut].to_owned());
            word = word[cut..].to_owned();
            if word.is_empty() {
                break;
            }
        }
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line);
    }
    out
}

/// Every month from the first to the last with a story, the newest `width` of them when
/// there are more (a library of a century of stories has more months than columns).
fn months(p: &Profile, width: usize) -> Vec<(String, u64)> {
    // Months counted from year 0, so that a range of them is a range of integers.
    let parse = |m: &str| -> Option<i64> {
        let (year, month): (i64, i64) = (m.get(..4)?.parse().ok()?, m.get(5..7)?.parse().ok()?);
        Some(year * 12 + month - 1)
    };
    let mut counted: HashMap<i64, u64> = HashMap::new();
    for (month, n) in &p.timeline {
        if let Some(at) = parse(month) {
            *counted.entry(at).or_default() += *n as u64;
        }
    }
    let (Some(&first), Some(&last)) = (counted.keys().min(), counted.keys().max()) else {
        return Vec::new();
    };
    let from = first.max(last - width.max(1) as i64 + 1);
    (from..=last)
        .map(|at| {
            let label = format!("{:04}-{:02}", at.div_euclid(12), at.rem_euclid(12) + 1);
            (label, counted.get(&at).copied().unwrap_or(0))
        })
        .collect()
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

/// The list's heading; while the newest stories only are read, which of them are shown.
fn stories_head(ctx: &Ctx, page: &EntityPage) -> Line<'static> {
    let p = &page.profile;
    let mut spans = vec![Span::styled(" Stories", ctx.theme.accent())];
    if p.stories.len() < p.story_count {
        let at = (page.selected + 1).min(p.stories.len());
        spans.push(Span::styled(
            format!(" · {at} of {} (newest first; more as you scroll)", p.story_count),
            ctx.theme.dim(),
        ));
    }
    Line::from(spans)
}

/// The stories, two lines each (date and title, then the sentence), the selected one kept in
/// view.
fn draw_stories(frame: &mut Frame, area: Rect, ctx: &Ctx, page: &EntityPage) {
    let [head, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    frame.render_widget(Paragraph::new(stories_head(ctx, page)), head);
    let shown = (list.height as usize / 2).max(1);
    let top = page.selected.saturating_sub(shown - 1);
    let width = list.width as usize;
    let mut lines = Vec::new();
    for (i, s) in page.profile.stories.iter().enumerate().skip(top).take(shown) {
        let date = s.date.as_deref().map_or("undated", day);
        let first = format!(" {date:<10}  {}", s.title);
        let style = if i == page.selected {
            ctx.theme.selected(page.focus == PageFocus::Stories)
        } else {
            ctx.theme.title()
        };
        lines.push(Line::styled(truncate(&first, width), style));
        let sentence = s.sentence.as_deref().unwrap_or("");
        lines.push(Line::styled(truncate(&format!("             {sentence}"), width), ctx.theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines), list);
}

/// The day of a stored date ("2026-10-29T00:29:35+00:00" → "2026-10-29"): the page shows
/// days, as its timeline counts them.
fn day(date: &str) -> &str {
    date.get(..10).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timeline_shows_the_newest_months_that_fit() {
        // A story a month for 150 years (1,800 months), more in the newest month.
        let mut p = Profile::default();
        for year in 1876..2026 {
            for month in 1..=12 {
                p.timeline.push((format!("{year:04}-{month:02}"), 1));
            }
        }
        p.timeline.push(("2025-12".into(), 4));
        let shown = months(&p, 40);
        assert_eq!(shown.len(), 40);
        assert_eq!(shown.last(), Some(&("2025-12".to_string(), 5)));
        assert_eq!(shown[0].0, "2022-09");
        // Fewer months than columns: all of them, the empty ones counted as 0.
        p.timeline = vec![("2024-01".into(), 2), ("2024-04".into(), 1)];
        let all: Vec<u64> = months(&p, 40).into_iter().map(|m| m.1).collect();
        assert_eq!(all, [2, 0, 0, 1]);
    }
}
