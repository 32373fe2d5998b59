//! The status line: mode, key hints generated from the keymap, the prompt, and position.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Ctx;
use crate::annotate::Status;
use crate::command::Command;
use crate::extract::Origin;
use crate::model::{AppState, Pane, PromptKind};
use crate::text::display_width;
use crate::text::width::truncate;

/// "k label": the command's first key and its hint label from the command table.
fn hint(ctx: &Ctx, cmd: Command) -> String {
    format!("{} {}", ctx.keymap.hint(cmd), cmd.hint_label())
}

/// "k1/k2 label": commands shown as one hint under a label that names them together.
fn group(ctx: &Ctx, cmds: &[Command], label: &str) -> String {
    format!("{} {label}", ctx.keymap.hint_keys(cmds))
}

/// Hints while annotating: a selection or a mention under the cursor waits for a decision.
fn annotate_hints(ctx: &Ctx) -> Option<(&'static str, String)> {
    let state = ctx.state;
    let labels: Vec<String> = ctx.config_labels.iter().map(|l| format!("{} {}", l.key, l.name)).collect();
    let labels = labels.join(" ");
    let cancel = group(ctx, &[Command::Back], "cancel");
    if state.selection.is_some() {
        let words =
            group(ctx, &[Command::ExtendWord, Command::ExtendWordBack, Command::ExtendWordEnd], "word");
        let chars = group(ctx, &[Command::ShrinkChar, Command::ExtendChar], "char");
        return Some((" SELECT ", [words, chars, labels, cancel].join(" · ")));
    }
    if let Some(choice) = &state.link_choice {
        let key = |name: &str| {
            ctx.config_labels.iter().find(|l| l.name == name).map_or(String::new(), |l| format!("{} ", l.key))
        };
        let text = format!(
            "{} is {}, {} is {}: which label wins? {}{} · {}{} · {cancel}",
            state.open.as_ref().and_then(|_| mention_text(state)).unwrap_or_default(),
            choice.mention_label,
            choice.target,
            choice.entity_label,
            key(&choice.mention_label),
            choice.mention_label,
            key(&choice.entity_label),
            choice.entity_label,
        );
        return Some((" LINK ", text));
    }
    if state.relabel_pending {
        return Some((" LABEL ", [labels, cancel].join(" · ")));
    }
    if state.focus == Pane::Article && state.reader.cursor.is_some() {
        const DECISIONS: [Command; 11] = [
            Command::EntityPage,
            Command::Accept,
            Command::Reject,
            Command::Delete,
            Command::ChangeLabel,
            Command::Link,
            Command::Note,
            Command::KbId,
            Command::NextUnjudged,
            Command::MergeEntity,
            Command::Undo,
        ];
        let mut hints: Vec<String> = DECISIONS.iter().map(|&c| hint(ctx, c)).collect();
        hints.push(group(ctx, &[Command::NextEntity, Command::PrevEntity], "next"));
        hints.push(hint(ctx, Command::Select));
        return Some((" MENTION ", hints.join(" · ")));
    }
    None
}

/// The text of the mention under the cursor.
fn mention_text(state: &AppState) -> Option<String> {
    let open = state.open.as_ref()?;
    let mark = open.marks.get(state.reader.cursor?)?;
    Some(crate::text::printable(open.article.body.get(mark.start..mark.end)?).into_owned())
}

/// What is known of the mention under the cursor, most telling first: label, decision (and
/// who proposed it), knowledge-base id, note, entity ("LOC accepted (model) · kb Q159 · note
/// «pays» · entity Russie").
pub fn mention_line(state: &AppState) -> Option<String> {
    let open = state.open.as_ref()?;
    let mark = *open.marks.get(state.reader.cursor?)?;
    let annotation = mark.annotation.and_then(|i| open.annotations.get(i));
    // Who proposed it: a name accepted in another story is "taught".
    let by = |origin: &str| if origin == "user" { "taught".to_string() } else { origin.to_string() };
    let mut parts = vec![match annotation {
        Some(a) => match (a.status, a.origin.as_str()) {
            (Status::Suggested, o) => format!("{} suggested ({})", a.label, by(o)),
            (_, "user") => format!("{} added by you", a.label),
            (_, o) => format!("{} accepted ({o})", a.label),
        },
        None => {
            let origin = match mark.origin {
                Origin::Rule => "rule",
                Origin::Gazetteer => "gazetteer",
                Origin::Model => "model",
                Origin::User => "user",
            };
            format!("{} suggested ({})", mark.label.as_str(), by(origin))
        }
    }];
    if let Some(kb) = annotation.and_then(|a| a.kb_id.as_deref()) {
        parts.push(format!("kb {kb}"));
    }
    if let Some(note) = annotation.and_then(|a| a.note.as_deref()) {
        parts.push(format!("note «{note}»"));
    }
    if let Some(entity) = open.facts.entities.get(mark.entity) {
        parts.push(format!("entity {}", entity.name));
    }
    Some(parts.join(" · "))
}

/// Commands worth a hint in each pane, most useful first; the keys come from the keymap.
fn hint_commands(pane: Pane) -> &'static [Command] {
    match pane {
        Pane::List => &[
            Command::Open,
            Command::Search,
            Command::ToggleStar,
            Command::FilterUnread,
            Command::Fetch,
            Command::NextPane,
            Command::Help,
            Command::Back,
        ],
        Pane::Article => &[
            Command::Search,
            Command::NextMatch,
            Command::NextEntity,
            Command::NextStory,
            Command::NextPane,
            Command::Help,
            Command::Back,
        ],
        Pane::Side => &[
            Command::Down,
            Command::Open,
            Command::EntityPage,
            Command::RelatedStories,
            Command::MergeEntity,
            Command::NextPane,
            Command::Help,
        ],
    }
}

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let state = ctx.state;
    let theme = ctx.theme;
    let mut right = Vec::new();
    let search = &state.reader.search;
    if !search.query.is_empty() && state.focus != Pane::List {
        let at = search.current.map_or(0, |i| i + 1);
        right.push(format!("match {at}/{}", search.matches.len()));
    }
    match state.fetching {
        Some((_, 0)) => right.push("fetching…".to_string()),
        Some((done, total)) => right.push(format!("fetching {done}/{total}")),
        None => {}
    }
    if let Some((done, total)) = state.indexing {
        right.push(format!("indexing {done}/{total}"));
    }
    if let Some((done, total)) = state.analysing {
        right.push(format!("entities {done}/{total}"));
    }
    let filters = state.list.filters.describe();
    if !filters.is_empty() {
        let key = ctx.keymap.hint(Command::ClearFilters);
        right.push(format!("{filters} ({key} clears)"));
    }
    if !state.skipped.is_empty() {
        let key = ctx.keymap.hint(Command::ShowSkipped);
        right.push(format!("{} skipped ({key})", state.skipped.len()));
    }
    if !state.fetch_failures.is_empty() {
        let key = ctx.keymap.hint(Command::ShowSkipped);
        let n = state.fetch_failures.len();
        right.push(format!("{n} feed{} failed ({key})", if n == 1 { "" } else { "s" }));
    }
    if state.focus != Pane::List
        && let Some(review) = state.open_review()
    {
        let judged = format!("{}/{} judged", review.judged, review.total.unwrap_or(review.judged));
        right.push(if review.done { format!("done · {judged}") } else { judged });
    }
    let position = if state.list.rows.is_empty() { 0 } else { state.list.selected + 1 };
    right.push(format!("story {position}/{}", state.list.rows.len()));
    let right = format!("{} ", right.join(" · "));

    let mut left: Vec<Span> = Vec::new();
    if let Some(prompt) = &state.prompt {
        let label = match prompt.kind {
            PromptKind::SearchLibrary => " SEARCH LIBRARY ",
            PromptKind::Link => " LINK TO ",
            PromptKind::Note => " NOTE ",
            PromptKind::KbId => " KB ID ",
            PromptKind::Speaker => " SPEAKER ",
            PromptKind::Role => " ROLES ",
            PromptKind::SearchArticle => " SEARCH ",
        };
        left.push(Span::styled(label, theme.badge()));
        left.push(Span::raw(format!(" {}", prompt.text)));
        left.push(Span::styled("█", theme.accent()));
        if prompt.kind == PromptKind::Link {
            let names = state.link_candidates(&prompt.text);
            let shown: Vec<&str> = names.iter().take(4).map(String::as_str).collect();
            let hint =
                if shown.is_empty() { "a new entity of this name".to_string() } else { shown.join(" · ") };
            left.push(Span::styled(format!("  → {hint}"), theme.dim()));
        } else if prompt.kind == PromptKind::Speaker {
            let names = state.speaker_candidates(&prompt.text);
            let mut shown: Vec<&str> = names.iter().take(4).map(String::as_str).collect();
            shown.push("unknown (empty)");
            left.push(Span::styled(format!("  → {}", shown.join(" · ")), theme.dim()));
        } else if prompt.kind == PromptKind::Role {
            left.push(Span::styled("  Enter save (; between roles, empty: none) · Esc cancel", theme.dim()));
        } else if matches!(prompt.kind, PromptKind::Note | PromptKind::KbId) {
            left.push(Span::styled("  Enter save (empty clears) · Esc cancel", theme.dim()));
        } else {
            left.push(Span::styled("  Enter search · Esc cancel", theme.dim()));
        }
    } else {
        let mode = match state.focus {
            Pane::List => " LIST ",
            Pane::Article => " READ ",
            Pane::Side => " FACTS ",
        };
        let annotating = annotate_hints(ctx);
        let mode = annotating.as_ref().map_or(mode, |(badge, _)| *badge);
        left.push(Span::styled(mode, theme.badge()));
        // A pending merge waits for the user's next `M`: first on the line, so nothing crowds it out.
        if let Some(mark) = &state.merge_mark {
            let key = ctx.keymap.hint(Command::MergeEntity);
            left.push(Span::styled(
                format!(" {key} merges into {} │", crate::text::printable(&mark.name)),
                theme.accent(),
            ));
        }
        // On a mention: what is known of it, after the message or before the keys (cut to fit).
        let mention =
            annotating.as_ref().filter(|(badge, _)| *badge == " MENTION ").and_then(|_| mention_line(state));
        if let Some(message) = &state.message {
            left.push(Span::raw(format!(" {message}")));
            if let Some(line) = &mention {
                left.push(Span::styled(" │", theme.dim()));
                left.push(Span::raw(format!(" {}", crate::text::printable(line))));
            }
        } else if let Some((_, hints)) = annotating {
            if let Some(line) = &mention {
                left.push(Span::raw(format!(" {}", crate::text::printable(line))));
                left.push(Span::styled(" │", theme.dim()));
            }
            left.push(Span::styled(format!(" {hints}"), theme.dim()));
        } else {
            // Hints in order of use, as many as fit beside the right-hand side.
            let lead: usize = left.iter().map(|s| display_width(&s.content)).sum();
            let mut used = lead + display_width(&right) + 1;
            for &cmd in hint_commands(state.focus) {
                let key = ctx.keymap.hint(cmd);
                let label = cmd.hint_label();
                let width = display_width(&key) + display_width(label) + 2;
                if key.is_empty() || used + width > area.width as usize {
                    continue;
                }
                used += width;
                left.push(Span::styled(format!(" {key}"), theme.accent()));
                left.push(Span::styled(format!(" {label}"), theme.dim()));
            }
        }
    }

    let total = area.width as usize;
    let right_width = display_width(&right);
    // The right-hand side (progress, position) stays: long hints are cut to leave it room.
    fit(&mut left, total.saturating_sub(right_width + 1).max(total / 2));
    let left_width: usize = left.iter().map(|s| display_width(&s.content)).sum();
    let mut spans = left;
    if left_width + right_width < total {
        spans.push(Span::raw(" ".repeat(total - left_width - right_width)));
        spans.push(Span::styled(right, theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Cuts `spans` to `width` columns: the span that crosses it is truncated, those after it go.
fn fit(spans: &mut Vec<Span>, width: usize) {
    let mut used = 0;
    for i in 0..spans.len() {
        let w = display_width(&spans[i].content);
        if used + w > width {
            let cut = truncate(&spans[i].content, width - used);
            spans[i].content = cut.into();
            spans.truncate(i + 1);
            return;
        }
        used += w;
    }
}
