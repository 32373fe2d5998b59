//! Plain text helpers shared by the model and the UI: display width, line wrapping and
//! accent-insensitive matching. Pure functions over `&str`, byte offsets everywhere.

pub mod fold;
pub mod width;
pub mod wrap;

pub use fold::{find_all_folded, find_terms};
pub use width::display_width;
pub use wrap::wrap;

use std::borrow::Cow;

/// The words a search query looks for, for highlighting hits in an opened article: the
/// alphanumeric runs, as the full-text index sees them (a prefix query's `*` is dropped;
/// matching is accent-insensitive anyway).
pub fn query_words(input: &str) -> Vec<String> {
    input.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Whether `url` names an http or https address (the scheme in any case: `HTTPS://` too).
pub fn is_web_address(url: &str) -> bool {
    let url = url.trim_start();
    ["http://", "https://"]
        .iter()
        .any(|scheme| url.get(..scheme.len()).is_some_and(|s| s.eq_ignore_ascii_case(scheme)))
}

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
