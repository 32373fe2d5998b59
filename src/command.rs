//! The commands a user can bind, each with its config name, the short label shown after its key
//! in the status-line hints, the description shown in help and its default keys. This one table
//! is the source of the keymap, the help screen and the hints, so they cannot drift apart.

macro_rules! commands {
    ($( $variant:ident => $name:literal, $hint:literal, $desc:literal, [$($key:literal),*]; )*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Command { $($variant),* }

        impl Command {
            pub const ALL: &'static [Command] = &[$(Command::$variant),*];

            /// The name used in `[keys]` of the config file.
            pub fn name(self) -> &'static str {
                match self { $(Command::$variant => $name),* }
            }

            /// The short label a hint shows after the command's key ("/ search").
            pub fn hint_label(self) -> &'static str {
                match self { $(Command::$variant => $hint),* }
            }

            pub fn description(self) -> &'static str {
                match self { $(Command::$variant => $desc),* }
            }

            pub fn default_keys(self) -> &'static [&'static str] {
                match self { $(Command::$variant => &[$($key),*]),* }
            }

            pub fn from_name(name: &str) -> Option<Command> {
                match name { $($name => Some(Command::$variant),)* _ => None }
            }
        }
    };
}

commands! {
    Down => "down", "down", "Move down / scroll down a line", ["j"];
    Up => "up", "up", "Move up / scroll up a line", ["k"];
    CaretDown => "caret_down", "line down", "Article: the caret a line down (elsewhere: move down)", ["down"];
    CaretUp => "caret_up", "line up", "Article: the caret a line up (elsewhere: move up)", ["up"];
    Top => "top", "top", "Go to the top", ["g", "home"];
    Bottom => "bottom", "bottom", "Go to the bottom", ["G", "end"];
    HalfPageDown => "half_page_down", "half page down", "Half a page down", ["ctrl-d"];
    HalfPageUp => "half_page_up", "half page up", "Half a page up", ["ctrl-u"];
    PageDown => "page_down", "page down", "A page down", ["pagedown", "space"];
    PageUp => "page_up", "page up", "A page up", ["pageup"];
    NextPane => "next_pane", "pane", "Focus the next pane", ["tab"];
    PrevPane => "prev_pane", "previous pane", "Focus the previous pane", ["backtab"];
    Open => "open", "open", "Open the story / jump to the entity", ["enter"];
    Back => "back", "back", "Back (close, leave the article, quit from the list)", ["q", "esc"];
    Quit => "quit", "quit", "Quit byline", ["Q", "ctrl-c"];
    NextStory => "next_story", "next story", "Next story", ["J"];
    PrevStory => "prev_story", "previous story", "Previous story", ["K"];
    Search => "search", "search", "Search (the library from the list, the text from the article)", ["/"];
    NextMatch => "next_match", "next match", "Next search match", ["n"];
    PrevMatch => "prev_match", "previous match", "Previous search match", ["N"];
    NextEntity => "next_entity", "entity", "Next entity mention in the text", ["]"];
    PrevEntity => "prev_entity", "previous entity", "Previous entity mention in the text", ["["];
    EntityPage => "entity_page", "page", "The selected entity's page: names, roles, timeline, quotes, stories", ["p"];
    RelatedStories => "related_stories", "related", "Stories that mention the selected entity", ["r"];
    MergeEntity => "merge_entity", "merge", "Merge entities: mark one, then press on another to merge it in", ["M"];
    SplitName => "split_name", "split", "Entity page: the selected name becomes an entity of its own", ["X"];
    ToggleRead => "toggle_read", "read", "Mark the story read / unread", ["m"];
    ToggleStar => "toggle_star", "star", "Star / unstar the story", ["s"];
    FilterUnread => "filter_unread", "unread", "Show only unread stories (toggle)", ["U"];
    FilterStarred => "filter_starred", "starred", "Show only starred stories (toggle)", ["*"];
    FilterSource => "filter_source", "source", "Filter by source (cycles through the sources)", ["S"];
    FilterLang => "filter_lang", "language", "Filter by language (cycles)", ["L"];
    ClearFilters => "clear_filters", "clear", "Clear every filter and search", ["backspace"];
    Select => "select", "select", "Annotate: start a selection on the word at the caret", ["v"];
    ExtendWord => "extend_word", "word", "Caret to the next word (selecting: extend to the next word)", ["w"];
    ExtendWordEnd => "extend_word_end", "word end", "Caret to the end of the word (selecting: extend to the next word's end)", ["e"];
    ExtendWordBack => "extend_word_back", "word back", "Caret back a word (selecting: extend back by a word)", ["b"];
    ExtendChar => "extend_char", "char", "Caret a character right (selecting: one character more)", ["l", "right"];
    ShrinkChar => "shrink_char", "char back", "Caret a character left (selecting: one character less)", ["h", "left"];
    Accept => "accept", "accept", "Accept the suggestion under the cursor", ["a"];
    Reject => "reject", "reject", "Reject the suggestion under the cursor (it stays hidden)", ["x"];
    Delete => "delete", "delete", "Delete your annotation under the cursor (x rejects a suggestion)", ["d"];
    Link => "link", "link", "Link the mention to another entity (type to choose)", ["="];
    ChangeLabel => "change_label", "label", "Change the label of the mention (then a label key)", ["c"];
    Note => "note", "note", "Write a note on the mention under the cursor", [";"];
    KbId => "kb_id", "kb id", "Set the knowledge-base id (e.g. Wikidata Q42) of the mention", ["@"];
    SetSpeaker => "set_speaker", "speaker", "Set who said the quote at the caret or in the facts panel (type to choose)", ["\""];
    EditRole => "edit_role", "role", "Edit the roles of the person at the caret or in the facts panel", ["T"];
    OpenUrl => "open_url", "browser", "Open the story's URL in the browser ([reader] browser, $BROWSER or xdg-open)", ["o"];
    Copy => "copy", "copy", "Copy the story's URL (selecting: the selected text) to the clipboard", ["y"];
    NextUnjudged => "next_unjudged", "next to judge", "Review: the next suggestion to judge (the next story's once this one is done)", ["}"];
    PrevUnjudged => "prev_unjudged", "prev to judge", "Review: the previous suggestion to judge", ["{"];
    ReviewDone => "review_done", "story done", "Review: mark the story done (again: not done; u undoes)", ["D"];
    FilterReview => "filter_review", "review state", "Filter by review state (cycles: to do, not started, in progress, done)", ["R"];
    Undo => "undo", "undo", "Undo the last annotation edit (on an entity page, or after a merge: the last merge or split)", ["u"];
    Redo => "redo", "redo", "Redo", ["ctrl-r"];
    ToggleSide => "toggle_side", "facts", "Show or hide the facts panel (narrow terminals: in place of the list)", ["i"];
    ShowSkipped => "show_skipped", "skipped", "List the files (and feeds) that could not be loaded", ["!"];
    Fetch => "fetch", "fetch", "Fetch new stories from the feeds (in the background)", ["F"];
    FeedsView => "feeds_view", "feeds", "The feeds and sources with their unread counts (Enter lists one)", ["f"];
    MarkAllRead => "mark_all_read", "all read", "Mark every story listed (in the feeds view: of the feed) read; u undoes", ["A"];
    FetchStory => "fetch_story", "full text", "Fetch the story's web page and keep its full text (feed items)", ["ctrl-f"];
    Help => "help", "help", "Show this help", ["?", "f1"];
}

#[cfg(test)]
mod tests {
    use super::Command;

    #[test]
    fn every_command_has_a_short_hint_label_of_its_own() {
        let mut seen = std::collections::HashSet::new();
        for &cmd in Command::ALL {
            let label = cmd.hint_label();
            assert!(!label.is_empty() && label.len() <= 16, "{}: {label:?}", cmd.name());
            assert!(seen.insert(label), "{} shares its hint label {label:?}", cmd.name());
            assert_eq!(Command::from_name(cmd.name()), Some(cmd));
        }
    }
}
