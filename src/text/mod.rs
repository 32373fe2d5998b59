//! Plain text helpers shared by the model and the UI: display width, line wrapping and
//! accent-insensitive matching. Pure functions over `&str`, byte offsets everywhere.

pub mod fold;
pub mod width;
pub mod wrap;

pub use fold::{find_all_folded, find_terms};
pub use width::display_width;
pub use wrap::wrap;

use std::borrow::Cow;

/// `s` without control characters or bidi overrides, for strings that did not come through the
/// article loader (file names, error messages): nothing printed may drive the terminal.
pub fn printable(s: &str) -> Cow<'_, str> {
    let bad = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if s.chars().any(bad) {
        Cow::Owned(s.chars().map(|c| if bad(c) { '\u{FFFD}' } else { c }).collect())
    } else {
        Cow::Borrowed(s)
    }
}
