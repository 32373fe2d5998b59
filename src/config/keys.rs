//! Key chords as data: parsed from the same strings in the config file, in tests and in help.
//! This module knows nothing of the terminal library; `input.rs` converts terminal events to `KeyChord`.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

/// One key press with its modifiers. Shift is folded into the character for printable keys
/// ("G", not "shift-g"), so it only appears with named keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyChord {
    pub key: Key,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

impl KeyChord {
    pub const fn plain(key: Key) -> KeyChord {
        KeyChord { key, ctrl: false, alt: false, shift: false }
    }
    pub const fn ch(c: char) -> KeyChord {
        KeyChord::plain(Key::Char(c))
    }
    pub const fn ctrl(c: char) -> KeyChord {
        KeyChord { key: Key::Char(c), ctrl: true, alt: false, shift: false }
    }

    /// Parses "j", "G", "ctrl-d", "C-d", "alt-x", "shift-tab", "enter", "pagedown", "f5", "space".
    pub fn parse(text: &str) -> Result<KeyChord, String> {
        let mut chord = KeyChord::plain(Key::Esc);
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let prefix = ["ctrl-", "c-", "alt-", "a-", "m-", "shift-", "s-"]
                .into_iter()
                .find(|p| lower.starts_with(p) && rest.len() > p.len());
            let Some(p) = prefix else { break };
            match p {
                "ctrl-" | "c-" => chord.ctrl = true,
                "alt-" | "a-" | "m-" => chord.alt = true,
                _ => chord.shift = true,
            }
            rest = &rest[p.len()..];
        }
        let mut chars = rest.chars();
        chord.key = match (chars.next(), chars.next()) {
            (Some(c), None) => {
                if chord.shift && c.is_ascii_alphabetic() {
                    chord.shift = false;
                    Key::Char(c.to_ascii_uppercase())
                } else if chord.ctrl && c.is_ascii_uppercase() {
                    Key::Char(c.to_ascii_lowercase())
                } else {
                    Key::Char(c)
                }
            }
            _ => named_key(&rest.to_ascii_lowercase()).ok_or_else(|| format!("unknown key {text:?}"))?,
        };
        if chord.key == Key::Tab && chord.shift {
            chord = KeyChord::plain(Key::BackTab);
        }
        Ok(chord)
    }
}

fn named_key(name: &str) -> Option<Key> {
    Some(match name {
        "enter" | "return" | "cr" => Key::Enter,
        "esc" | "escape" => Key::Esc,
        "tab" => Key::Tab,
        "backtab" => Key::BackTab,
        "backspace" | "bs" => Key::Backspace,
        "delete" | "del" => Key::Delete,
        "up" => Key::Up,
        "down" => Key::Down,
        "left" => Key::Left,
        "right" => Key::Right,
        "home" => Key::Home,
        "end" => Key::End,
        "pageup" | "pgup" => Key::PageUp,
        "pagedown" | "pgdn" => Key::PageDown,
        "space" => Key::Char(' '),
        "minus" => Key::Char('-'),
        _ => {
            let n: u8 = name.strip_prefix('f')?.parse().ok()?;
            if (1..=24).contains(&n) {
                Key::F(n)
            } else {
                return None;
            }
        }
    })
}

impl fmt::Display for KeyChord {
    /// The short form shown in help and hints ("j", "C-d", "S-Tab", "PgDn").
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("C-")?;
        }
        if self.alt {
            f.write_str("M-")?;
        }
        if self.shift {
            f.write_str("S-")?;
        }
        match self.key {
            Key::Char(' ') => f.write_str("Space"),
            Key::Char(c) => write!(f, "{c}"),
            Key::Enter => f.write_str("Enter"),
            Key::Esc => f.write_str("Esc"),
            Key::Tab => f.write_str("Tab"),
            Key::BackTab => f.write_str("S-Tab"),
            Key::Backspace => f.write_str("BS"),
            Key::Delete => f.write_str("Del"),
            Key::Up => f.write_str("↑"),
            Key::Down => f.write_str("↓"),
            Key::Left => f.write_str("←"),
            Key::Right => f.write_str("→"),
            Key::Home => f.write_str("Home"),
            Key::End => f.write_str("End"),
            Key::PageUp => f.write_str("PgUp"),
            Key::PageDown => f.write_str("PgDn"),
            Key::F(n) => write!(f, "F{n}"),
        }
    }
}

/// Parses a space-separated script of chords ("j j ctrl-d / S e c enter"), as tests and the
/// `--keys` option use. A literal space is written "space".
pub fn parse_script(script: &str) -> Result<Vec<KeyChord>, String> {
    script.split_whitespace().map(KeyChord::parse).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_config_spellings() {
        assert_eq!(KeyChord::parse("j"), Ok(KeyChord::ch('j')));
        assert_eq!(KeyChord::parse("G"), Ok(KeyChord::ch('G')));
        assert_eq!(KeyChord::parse("shift-g"), Ok(KeyChord::ch('G')));
        assert_eq!(KeyChord::parse("ctrl-d"), Ok(KeyChord::ctrl('d')));
        assert_eq!(KeyChord::parse("C-d"), Ok(KeyChord::ctrl('d')));
        assert_eq!(KeyChord::parse("shift-tab"), Ok(KeyChord::plain(Key::BackTab)));
        assert_eq!(KeyChord::parse("PgDn"), Ok(KeyChord::plain(Key::PageDown)));
        assert_eq!(KeyChord::parse("f5"), Ok(KeyChord::plain(Key::F(5))));
        assert_eq!(KeyChord::parse("-"), Ok(KeyChord::ch('-')));
        assert!(KeyChord::parse("ctrl-foo").is_err());
        assert!(KeyChord::parse("").is_err());
        assert!(KeyChord::parse("f99").is_err());
    }

    #[test]
    fn display_round_trips_through_parse_for_common_keys() {
        for k in ["j", "G", "C-d", "Enter", "Esc", "Tab", "PgDn", "Space", "/", "?"] {
            let chord = KeyChord::parse(k).unwrap();
            assert_eq!(KeyChord::parse(&chord.to_string()), Ok(chord), "{k}");
        }
    }
}
