//! The status line: mode, key hints generated from the keymap, the prompt, and position.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Ctx;
use crate::config::Command;
use crate::model::{Pane, PromptKind};
use crate::text::display_width;

/// Commands worth a hint in each pane, most useful first; the keys come from the keymap.
fn hint_commands(pane: Pane) -> &'static [Command] {
    match pane {
        Pane::List => &[Command::Open, Command::Search, Command::NextPane, Command::Help, Command::Back],
        Pane::Article => &[
            Command::Search,
            Command::NextMatch,
            Command::NextStory,
            Command::NextPane,
            Command::Help,
            Command::Back,
        ],
        Pane::Side => &[Command::Down, Command::NextPane, Command::Help, Command::Back],
    }
}

fn hint_label(cmd: Command) -> &'static str {
    match cmd {
        Command::Open => "open",
        Command::Search => "search",
        Command::NextPane => "pane",
        Command::Help => "help",
        Command::Back => "back",
        Command::NextMatch => "next match",
        Command::NextStory => "next story",
        Command::Down => "scroll",
        _ => cmd.name(),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let state = ctx.state;
    let theme = ctx.theme;
    let mut left: Vec<Span> = Vec::new();
    if let Some(prompt) = &state.prompt {
        let label = match prompt.kind {
            PromptKind::FilterStories => " FILTER ",
            PromptKind::SearchArticle => " SEARCH ",
        };
        left.push(Span::styled(label, theme.badge()));
        left.push(Span::raw(format!(" /{}", prompt.text)));
        left.push(Span::styled("█", theme.accent()));
        left.push(Span::styled("  Enter search · Esc cancel", theme.dim()));
    } else {
        let mode = match state.focus {
            Pane::List => " LIST ",
            Pane::Article => " READ ",
            Pane::Side => " ABOUT ",
        };
        left.push(Span::styled(mode, theme.badge()));
        if let Some(message) = &state.message {
            left.push(Span::raw(format!(" {message}")));
        } else {
            for &cmd in hint_commands(state.focus) {
                let key = ctx.keymap.hint(cmd);
                if key.is_empty() {
                    continue;
                }
                left.push(Span::styled(format!(" {key}"), theme.accent()));
                left.push(Span::styled(format!(" {}", hint_label(cmd)), theme.dim()));
            }
        }
    }

    let mut right = Vec::new();
    let search = &state.reader.search;
    if !search.query.is_empty() && state.focus != Pane::List {
        let at = search.current.map_or(0, |i| i + 1);
        right.push(format!("match {at}/{}", search.matches.len()));
    }
    if let Some(filter) = &state.list.filter {
        right.push(format!("filter {filter:?}"));
    }
    if !state.skipped.is_empty() {
        let key = ctx.keymap.hint(Command::ShowSkipped);
        right.push(format!("{} skipped ({key})", state.skipped.len()));
    }
    let position = if state.list.visible.is_empty() { 0 } else { state.list.selected + 1 };
    right.push(format!("story {position}/{}", state.list.visible.len()));
    let right = format!("{} ", right.join(" · "));

    let left_width: usize = left.iter().map(|s| display_width(&s.content)).sum();
    let total = area.width as usize;
    let mut spans = left;
    let right_width = display_width(&right);
    if left_width + right_width < total {
        spans.push(Span::raw(" ".repeat(total - left_width - right_width)));
        spans.push(Span::styled(right, theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
