//! The commands a user can bind, each with its config name, the description shown in help and
//! its default keys. This one table is the source of the keymap, the help screen and the hints,
//! so they cannot drift apart.

macro_rules! commands {
    ($( $variant:ident => $name:literal, $desc:literal, [$($key:literal),*]; )*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Command { $($variant),* }

        impl Command {
            pub const ALL: &'static [Command] = &[$(Command::$variant),*];

            /// The name used in `[keys]` of the config file.
            pub fn name(self) -> &'static str {
                match self { $(Command::$variant => $name),* }
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
    Down => "down", "Move down / scroll down a line", ["j", "down"];
    Up => "up", "Move up / scroll up a line", ["k", "up"];
    Top => "top", "Go to the top", ["g", "home"];
    Bottom => "bottom", "Go to the bottom", ["G", "end"];
    HalfPageDown => "half_page_down", "Half a page down", ["ctrl-d"];
    HalfPageUp => "half_page_up", "Half a page up", ["ctrl-u"];
    PageDown => "page_down", "A page down", ["pagedown", "space"];
    PageUp => "page_up", "A page up", ["pageup"];
    NextPane => "next_pane", "Focus the next pane", ["tab"];
    PrevPane => "prev_pane", "Focus the previous pane", ["backtab"];
    Open => "open", "Open the story / jump to the entity", ["enter"];
    Back => "back", "Back (close, leave the article, quit from the list)", ["q", "esc"];
    Quit => "quit", "Quit byline", ["Q", "ctrl-c"];
    NextStory => "next_story", "Next story", ["J"];
    PrevStory => "prev_story", "Previous story", ["K"];
    Search => "search", "Search (the library from the list, the text from the article)", ["/"];
    NextMatch => "next_match", "Next search match", ["n"];
    PrevMatch => "prev_match", "Previous search match", ["N"];
    NextEntity => "next_entity", "Next entity mention in the text", ["]"];
    PrevEntity => "prev_entity", "Previous entity mention in the text", ["["];
    RelatedStories => "related_stories", "Stories that mention the selected entity", ["r"];
    ToggleRead => "toggle_read", "Mark the story read / unread", ["m"];
    ToggleStar => "toggle_star", "Star / unstar the story", ["s"];
    FilterUnread => "filter_unread", "Show only unread stories (toggle)", ["U"];
    FilterStarred => "filter_starred", "Show only starred stories (toggle)", ["*"];
    FilterSource => "filter_source", "Filter by source (cycles through the sources)", ["S"];
    FilterLang => "filter_lang", "Filter by language (cycles)", ["L"];
    ClearFilters => "clear_filters", "Clear every filter and search", ["backspace"];
    Select => "select", "Annotate: start a selection on the word at the cursor", ["v"];
    ExtendWord => "extend_word", "Selection: extend to the next word", ["w"];
    ExtendWordEnd => "extend_word_end", "Selection: extend to the end of the next word", ["e"];
    ExtendWordBack => "extend_word_back", "Selection: extend back by a word", ["b"];
    ExtendChar => "extend_char", "Selection: one character more", ["l"];
    ShrinkChar => "shrink_char", "Selection: one character less", ["h"];
    Accept => "accept", "Accept the suggestion under the cursor", ["a"];
    Reject => "reject", "Reject the suggestion under the cursor (it stays hidden)", ["x"];
    Delete => "delete", "Delete the annotation under the cursor", ["d"];
    Link => "link", "Link the mention to another entity (type to choose)", ["="];
    ChangeLabel => "change_label", "Change the label of the mention (then a label key)", ["c"];
    Note => "note", "Write a note on the mention under the cursor", [";"];
    KbId => "kb_id", "Set the knowledge-base id (e.g. Wikidata Q42) of the mention", ["@"];
    OpenUrl => "open_url", "Open the story's URL in the browser ($BROWSER or xdg-open)", ["o"];
    Undo => "undo", "Undo the last annotation edit", ["u"];
    Redo => "redo", "Redo", ["ctrl-r"];
    ToggleSide => "toggle_side", "Show or hide the side panel", ["i"];
    ShowSkipped => "show_skipped", "List the files (and feeds) that could not be loaded", ["!"];
    Fetch => "fetch", "Fetch new stories from the feeds (in the background)", ["F"];
    Help => "help", "Show this help", ["?", "f1"];
}
