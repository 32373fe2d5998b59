//! Shared by the annotation import targets: import, then check what the module promises of
//! every imported span (UTF-8 byte offsets into the doc's text, on char boundaries, end
//! exclusive).

use byline::annotate::formats::{Format, import};

pub fn check(files: &[(String, String)], format: Format) {
    let Ok(docs) = import(files, format) else { return };
    for doc in &docs {
        for s in &doc.spans {
            assert!(
                s.start <= s.end && s.end <= doc.text.len(),
                "span {}..{} outside a text of {} bytes",
                s.start,
                s.end,
                doc.text.len()
            );
            assert!(
                doc.text.is_char_boundary(s.start) && doc.text.is_char_boundary(s.end),
                "span {}..{} not on char boundaries of {:?}",
                s.start,
                s.end,
                doc.text
            );
        }
    }
}
