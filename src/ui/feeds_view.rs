//! The feeds view, over the panes (the status line stays): every feed and source with its
//! unread and total counts, "All stories" first, the selected entry highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::Ctx;
use crate::command::Command;
use crate::model::{FeedKind, FeedsView};
use crate::text::printable;
use crate::text::width::{display_width, truncate};

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx, view: &FeedsView) {
    let (unread, total) = view.entries.first().map_or((0, 0), |e| (e.unread, e.total));
    let count = |of: fn(&FeedKind) -> bool| view.entries.iter().filter(|e| of(&e.kind)).count();
    let mut parts = Vec::new();
    for (n, one, many) in [
        (count(|k| matches!(k, FeedKind::Source(_))), "source", "sources"),
        (count(|k| matches!(k, FeedKind::Tag(_))), "tag", "tags"),
        (count(|k| matches!(k, FeedKind::Saved(_))), "saved query", "saved queries"),
    ] {
        if n > 0 || one == "source" {
            parts.push(format!("{n} {}", if n == 1 { one } else { many }));
        }
    }
    let title = format!(" Feeds · {} · {unread} unread of {total} ", parts.join(" · "));
    let (list, hints) = super::over_panes(frame, area, ctx, title);
    let shown = (list.height as usize).max(1);
    let top = view.selected.saturating_sub(shown - 1);
    let width = list.width as usize;
    // The counts column is as wide as the widest count.
    let digits = view.entries.first().map_or(1, |e| e.total.to_string().len());
    let lines: Vec<Line> = view
        .entries
        .iter()
        .enumerate()
        .skip(top)
        .take(shown)
        .map(|(i, e)| {
            let counts = format!(" {:>digits$}/{:<digits$}  ", e.unread, e.total);
            let label = truncate(&printable(&e.kind.label()), width.saturating_sub(counts.len() + 1));
            let style = if i == view.selected {
                ctx.theme.selected(true)
            } else if e.unread > 0 {
                ctx.theme.title().add_modifier(Modifier::BOLD)
            } else {
                ctx.theme.dim()
            };
            let mark = if e.unread > 0 { "N" } else { " " };
            let text = format!("{mark}{counts}{label}");
            let pad = width.saturating_sub(display_width(&text));
            Line::styled(format!("{text}{}", " ".repeat(pad)), style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    let keys = [
        (&[Command::Down, Command::Up][..], "move"),
        (&[Command::Open][..], "list its stories"),
        (&[Command::MarkAllRead][..], "mark read"),
        (&[Command::Undo][..], "undo"),
        (&[Command::Fetch][..], "fetch"),
        (&[Command::Back][..], "close"),
    ]
    .map(|(cmds, what)| format!("{} {what}", ctx.keymap.hint_keys(cmds)));
    frame.render_widget(
        Paragraph::new(Line::styled(truncate(&format!(" {}", keys.join(" · ")), width), ctx.theme.dim())),
        hints,
    );
}
