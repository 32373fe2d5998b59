//! The only place that knows crossterm's key and mouse events: turns keys into `KeyChord`s,
//! and chords into `Action`s through the keymap (or into prompt editing while a prompt is
//! open); mouse events into `Action::Pointer` through the panes' geometry.

use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::command::Command;
use crate::config::{Config, Key, KeyChord};
use crate::model::{Action, AppState, Area, Pane, Pointer};

/// Lines one notch of the wheel scrolls.
const WHEEL_LINES: isize = 3;

/// A key press as a chord; releases and keys byline has no name for give `None`.
pub fn chord_of(event: &KeyEvent) -> Option<KeyChord> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let m = event.modifiers;
    let key = match event.code {
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab if m.contains(KeyModifiers::SHIFT) => Key::BackTab,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::F(n) => Key::F(n),
        _ => return None,
    };
    // Shift is part of the character itself ('G'), and implied by BackTab.
    let shift = m.contains(KeyModifiers::SHIFT) && !matches!(key, Key::Char(_) | Key::BackTab);
    let ctrl = m.contains(KeyModifiers::CONTROL);
    let key = match key {
        Key::Char(c) if ctrl => Key::Char(c.to_ascii_lowercase()),
        k => k,
    };
    Some(KeyChord { key, ctrl, alt: m.contains(KeyModifiers::ALT), shift })
}

/// What a chord does in this state: edits the prompt while one is open; applies a label when a
/// selection or a mention waits for one; else runs the bound command.
pub fn action_for(chord: KeyChord, config: &Config, state: &AppState) -> Option<Action> {
    let keymap = &config.keymap;
    if state.prompt.is_some() {
        return match chord.key {
            _ if keymap.command(&chord) == Some(Command::Quit) && chord.ctrl => {
                Some(Action::Command(Command::Quit))
            }
            Key::Enter => Some(Action::PromptSubmit),
            Key::Esc => Some(Action::PromptCancel),
            Key::Backspace => Some(Action::PromptBackspace),
            Key::Char(c) if !chord.ctrl && !chord.alt => Some(Action::PromptChar(c)),
            _ => None,
        };
    }
    if state.expects_label()
        && let Some(label) = config.labels.iter().find(|l| l.key == chord)
    {
        return Some(Action::ApplyLabel(label.name.clone()));
    }
    keymap.command(&chord).map(Action::Command)
}

/// What a mouse event does here: the wheel scrolls the pane under the pointer (a popup while
/// one is open), a left click selects, places the caret or focuses. Other buttons, drags and
/// anything while a prompt is open do nothing.
pub fn mouse_action(event: &MouseEvent, state: &AppState) -> Option<Action> {
    let (x, y) = (event.column, event.row);
    let wheel = match event.kind {
        MouseEventKind::ScrollDown => Some(WHEEL_LINES),
        MouseEventKind::ScrollUp => Some(-WHEEL_LINES),
        MouseEventKind::Down(MouseButton::Left) => None,
        _ => return None,
    };
    if state.prompt.is_some() {
        return None;
    }
    if state.overlay.is_some() || state.entity_page.is_some() {
        let step = if wheel? > 0 { Command::Down } else { Command::Up };
        return Some(Action::Command(step));
    }
    let panes = state.panes();
    let inside = |a: Area| x >= a.x && x < a.x + a.width && y >= a.y && y < a.y + a.height;
    let pane = [(panes.list, Pane::List), (panes.article, Pane::Article), (panes.side, Pane::Side)]
        .into_iter()
        .find_map(|(area, pane)| area.filter(|&a| inside(a)).map(|a| (pane, a)));
    let (pane, area) = pane?;
    if let Some(lines) = wheel {
        return Some(Action::Pointer(Pointer::Scroll { pane, lines }));
    }
    let pointer = match pane {
        Pane::List if inside(area.inner()) => {
            let row = usize::from(y - area.inner().y) / state.list.row_height().max(1);
            Pointer::Story { row: state.list.offset + row }
        }
        Pane::Article if inside(state.article_text_area()) => {
            let text = state.article_text_area();
            Pointer::Text {
                line: state.reader.scroll + usize::from(y - text.y),
                column: usize::from(x - text.x),
            }
        }
        pane => Pointer::Pane(pane),
    };
    Some(Action::Pointer(pointer))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifted_letters_and_ctrl_keys_become_config_chords() {
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(chord_of(&ev), Some(KeyChord::ch('G')));
        let ev = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(chord_of(&ev), Some(KeyChord::ctrl('d')));
        let ev = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(chord_of(&ev), KeyChord::parse("backtab").ok());
    }

    #[test]
    fn prompt_takes_letters_that_are_commands_elsewhere() {
        let config = Config::default();
        let mut state = AppState::default();
        assert_eq!(action_for(KeyChord::ch('q'), &config, &state), Some(Action::Command(Command::Back)));
        state.prompt =
            Some(crate::model::Prompt { kind: crate::model::PromptKind::SearchArticle, text: String::new() });
        assert_eq!(action_for(KeyChord::ch('q'), &config, &state), Some(Action::PromptChar('q')));
        assert_eq!(action_for(KeyChord::ctrl('c'), &config, &state), Some(Action::Command(Command::Quit)));
    }

    #[test]
    fn label_keys_only_apply_to_a_selection_or_mention() {
        let config = Config::default();
        let state = AppState::default();
        assert_eq!(action_for(KeyChord::ch('2'), &config, &state), None);
    }

    fn mouse(kind: MouseEventKind, column: u16, row: u16) -> MouseEvent {
        MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE }
    }

    #[test]
    fn the_mouse_maps_through_the_panes() {
        use crate::library::StoryMeta;
        let stories =
            (0..9).map(|i| StoryMeta { id: format!("{i}"), title: format!("S{i}"), ..StoryMeta::default() });
        let (mut state, _) = AppState::new(stories.collect(), 120, 40, crate::model::Settings::default());
        let panes = state.panes();
        let (list, article, side) = (panes.list.unwrap(), panes.article.unwrap(), panes.side.unwrap());
        let at = |kind, x, y, state: &AppState| mouse_action(&mouse(kind, x, y), state);
        let down = MouseEventKind::ScrollDown;
        let click = MouseEventKind::Down(MouseButton::Left);
        assert_eq!(
            at(down, article.x + 5, 10, &state),
            Some(Action::Pointer(Pointer::Scroll { pane: Pane::Article, lines: 3 }))
        );
        assert_eq!(
            at(MouseEventKind::ScrollUp, side.x + 1, 3, &state),
            Some(Action::Pointer(Pointer::Scroll { pane: Pane::Side, lines: -3 }))
        );
        // The list's first row is under its top border; its offset counts.
        assert_eq!(at(click, list.x + 3, 1, &state), Some(Action::Pointer(Pointer::Story { row: 0 })));
        state.list.offset = 2;
        assert_eq!(at(click, list.x + 3, 4, &state), Some(Action::Pointer(Pointer::Story { row: 5 })));
        assert_eq!(at(click, list.x, 4, &state), Some(Action::Pointer(Pointer::Pane(Pane::List))), "border");
        // The article's text starts after its border and a column of padding.
        state.reader.scroll = 7;
        assert_eq!(
            at(click, article.x + 2 + 4, 1 + 3, &state),
            Some(Action::Pointer(Pointer::Text { line: 10, column: 4 }))
        );
        assert_eq!(at(click, article.x + 1, 5, &state), Some(Action::Pointer(Pointer::Pane(Pane::Article))));
        // The status line, other buttons, moves: nothing.
        assert_eq!(at(click, 3, 39, &state), None);
        assert_eq!(at(MouseEventKind::Down(MouseButton::Right), list.x + 3, 1, &state), None);
        assert_eq!(at(MouseEventKind::Moved, list.x + 3, 1, &state), None);
        // A popup takes the wheel; a prompt takes nothing.
        state.overlay = Some(crate::model::Overlay::Help);
        assert_eq!(at(down, 3, 3, &state), Some(Action::Command(Command::Down)));
        assert_eq!(at(click, 3, 3, &state), None);
        state.overlay = None;
        state.prompt =
            Some(crate::model::Prompt { kind: crate::model::PromptKind::SearchLibrary, text: String::new() });
        assert_eq!(at(down, article.x + 5, 10, &state), None);
    }
}
