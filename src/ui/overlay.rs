//! Popups drawn over the panes: help (generated from the keymap) and the skipped files.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::Ctx;
use crate::command::Command;
use crate::model::Overlay;
use crate::text::width::truncate;

pub fn draw(frame: &mut Frame, screen: Rect, ctx: &Ctx, overlay: Overlay) {
    let width = (screen.width.saturating_sub(4)).min(90);
    let height = screen.height.saturating_sub(4).max(3);
    let area = Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + (screen.height.saturating_sub(height)) / 2,
        width,
        height,
    };
    let (title, lines) = match overlay {
        Overlay::Help => (" Keys — any other key closes ", help_lines(ctx)),
        Overlay::Skipped => (" Files that could not be loaded ", skipped_lines(ctx, width as usize)),
    };
    let block = Block::bordered().title(title).border_style(ctx.theme.border(true));
    let scroll = ctx.state.overlay_scroll.min(lines.len().saturating_sub(1));
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: false }).scroll((scroll as u16, 0)),
        area,
    );
}

fn help_lines<'a>(ctx: &Ctx) -> Vec<Line<'a>> {
    let scroll_keys = ctx.keymap.hint_keys(&[Command::Down, Command::Up]);
    let mut lines =
        vec![Line::styled(format!(" {scroll_keys} scroll this list"), ctx.theme.dim()), Line::default()];
    for (cmd, keys) in ctx.keymap.bindings() {
        let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
        let keys = if keys.is_empty() { "(unbound)".to_string() } else { keys.join(", ") };
        lines.push(Line::from(vec![
            Span::styled(format!(" {keys:<14}"), ctx.theme.accent()),
            Span::raw(format!(" {}", cmd.description())),
        ]));
    }
    // The label keys come from the config's labels, not the keymap.
    lines.push(Line::default());
    lines.push(Line::styled(
        " Labels: on a selection (v) or a mention, a label key applies it",
        ctx.theme.accent(),
    ));
    for label in ctx.config_labels {
        lines.push(Line::from(vec![
            Span::styled(format!(" {:<14}", label.key.to_string()), ctx.theme.accent()),
            Span::raw(format!(" {}", label.name)),
        ]));
    }
    lines.push(Line::styled(
        " In the link, note and kb id prompts: Enter saves (an empty note or id clears it), Esc cancels",
        ctx.theme.dim(),
    ));
    lines
}

fn skipped_lines<'a>(ctx: &Ctx, width: usize) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    if !ctx.state.fetch_failures.is_empty() {
        lines.push(Line::styled(" Feeds that failed in the last fetch", ctx.theme.accent()));
        for f in &ctx.state.fetch_failures {
            lines.push(Line::from(format!("   {}", truncate(f, width.saturating_sub(6)))));
        }
        lines.push(Line::default());
    }
    if ctx.state.skipped.is_empty() {
        lines.push(Line::styled(" Every file loaded.", ctx.theme.dim()));
        return lines;
    }
    for s in &ctx.state.skipped {
        lines.push(Line::styled(
            format!(" {}", truncate(&s.path.display().to_string(), width.saturating_sub(4))),
            ctx.theme.accent(),
        ));
        lines.push(Line::from(format!("   {}", s.reason)));
    }
    lines
}
