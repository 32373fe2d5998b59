//! The keymap: which chord runs which command, built from the defaults with the user's
//! `[keys]` table laid over them.

use std::collections::{BTreeMap, HashMap};

use super::keys::KeyChord;
use crate::command::Command;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    by_chord: HashMap<KeyChord, Command>,
    by_command: BTreeMap<Command, Vec<KeyChord>>,
}

impl Default for Keymap {
    fn default() -> Self {
        let mut map = Keymap { by_chord: HashMap::new(), by_command: BTreeMap::new() };
        for &cmd in Command::ALL {
            for key in cmd.default_keys() {
                // The defaults are written in this crate; a typo is caught by the tests.
                if let Ok(chord) = KeyChord::parse(key) {
                    map.bind(chord, cmd);
                }
            }
        }
        map
    }
}

impl Keymap {
    /// The command bound to a chord.
    pub fn command(&self, chord: &KeyChord) -> Option<Command> {
        self.by_chord.get(chord).copied()
    }

    /// The chords bound to a command, in the order they were given.
    pub fn keys(&self, cmd: Command) -> &[KeyChord] {
        self.by_command.get(&cmd).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The first key of a command as shown in hints ("?"), or "" if unbound.
    pub fn hint(&self, cmd: Command) -> String {
        self.keys(cmd).first().map(ToString::to_string).unwrap_or_default()
    }

    /// The first key of each of `cmds` that is bound, joined by "/" ("j/k"), for hints that
    /// show several commands under one label.
    pub fn hint_keys(&self, cmds: &[Command]) -> String {
        let keys: Vec<String> = cmds.iter().map(|&c| self.hint(c)).filter(|k| !k.is_empty()).collect();
        keys.join("/")
    }

    fn bind(&mut self, chord: KeyChord, cmd: Command) {
        if let Some(old) = self.by_chord.insert(chord, cmd)
            && let Some(keys) = self.by_command.get_mut(&old)
        {
            keys.retain(|k| *k != chord);
        }
        self.by_command.entry(cmd).or_default().push(chord);
    }

    /// Replaces a command's keys with `chords`. A chord the user gives takes it from whatever
    /// command had it by default; two user bindings of one chord are refused by the caller.
    pub fn rebind(&mut self, cmd: Command, chords: &[KeyChord]) {
        if let Some(old) = self.by_command.remove(&cmd) {
            for chord in old {
                self.by_chord.remove(&chord);
            }
        }
        self.by_command.insert(cmd, Vec::new());
        for &chord in chords {
            self.bind(chord, cmd);
        }
    }

    /// All bindings in command order, for help.
    pub fn bindings(&self) -> impl Iterator<Item = (Command, &[KeyChord])> {
        Command::ALL.iter().map(|&c| (c, self.keys(c)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_key_parses_and_is_unique() {
        let mut seen = HashMap::new();
        for &cmd in Command::ALL {
            assert!(!cmd.default_keys().is_empty(), "{} has no default key", cmd.name());
            for key in cmd.default_keys() {
                let chord = KeyChord::parse(key).unwrap_or_else(|e| panic!("{e}"));
                if let Some(other) = seen.insert(chord, cmd) {
                    panic!("{key} bound to both {} and {}", other.name(), cmd.name());
                }
            }
        }
    }

    #[test]
    fn rebinding_takes_the_chord_from_its_default_owner() {
        let mut map = Keymap::default();
        map.rebind(Command::Down, &[KeyChord::ch('n')]);
        assert_eq!(map.command(&KeyChord::ch('n')), Some(Command::Down));
        assert_eq!(map.command(&KeyChord::ch('j')), None);
        assert!(map.keys(Command::NextMatch).is_empty());
        assert_eq!(map.keys(Command::Down), &[KeyChord::ch('n')]);
    }

    #[test]
    fn hint_keys_join_the_first_bound_key_of_each_command() {
        let mut map = Keymap::default();
        assert_eq!(map.hint_keys(&[Command::Down, Command::Up]), "j/k");
        map.rebind(Command::Up, &[]);
        assert_eq!(map.hint_keys(&[Command::Down, Command::Up]), "j");
    }
}
