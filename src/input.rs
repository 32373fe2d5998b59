//! The only place that knows crossterm's key events: turns them into `KeyChord`s, and chords
//! into `Action`s through the keymap (or into prompt editing while a prompt is open).

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::command::Command;
use crate::config::{Config, Key, KeyChord};
use crate::model::{Action, AppState};

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
}
