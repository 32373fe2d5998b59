//! Plain text: a paragraph per line or per blank-line-separated block, an optional headline.

use super::Article;
use super::clean;

/// Parses a text file. `None` when there is no text at all.
pub(crate) fn parse(text: &str) -> Option<Article> {
    let text = super::sanitize(text);
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let start = lines.iter().position(|l| !l.trim().is_empty())?;
    let lines = &lines[start..];

    let mut title = String::new();
    let mut rest = lines;
    if is_headline(lines) {
        title = lines[0].trim().to_owned();
        rest = &lines[1..];
    }
    let body = clean::body(paragraphs(rest));
    if body.is_empty() {
        if title.is_empty() {
            return None;
        }
        // A lone short line: it is the text, not a headline over nothing.
        return Some(Article { body: clean::body([title]), ..Article::default() });
    }
    if title.is_empty() {
        title = clean::title_from_text(&skip_dateline(&body), 80);
    }
    let date = super::dateline::dateline_date(&body);
    Some(Article { title, body, date, ..Article::default() })
}

/// Paragraphs of plain text that has no headline (JSON bodies, feed summaries).
pub(crate) fn plain_paragraphs(text: &str) -> Vec<String> {
    let text = super::sanitize(text);
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    paragraphs(&lines)
}

/// A first line that reads like a headline: short, no final period, and followed by a blank
/// line (BBC style) or itself clearly a title (few words, no sentence punctuation inside).
fn is_headline(lines: &[&str]) -> bool {
    let Some(first) = lines.first().map(|l| l.trim()) else {
        return false;
    };
    let Some(next) = lines.get(1) else {
        return false;
    };
    let chars = first.chars().count();
    if chars == 0 || chars > 150 || first.ends_with(['.', ',', ';', ':']) {
        return false;
    }
    if next.trim().is_empty() {
        return true;
    }
    let words = first.split_whitespace().count();
    words <= 12 && !first.contains(". ") && lines.iter().skip(1).any(|l| l.chars().count() > chars)
}

/// Paragraphs: one per line, unless the text is soft-wrapped (blank-line-separated blocks
/// whose inner lines are of a wrapped width), in which case a block is one paragraph.
fn paragraphs<'a>(lines: &[&'a str]) -> Vec<String> {
    let blocks: Vec<Vec<&'a str>> =
        lines.split(|l| l.trim().is_empty()).filter(|b| !b.is_empty()).map(<[&str]>::to_vec).collect();
    if is_soft_wrapped(&blocks) {
        blocks.iter().map(|b| b.join(" ")).collect()
    } else {
        lines.iter().map(|l| (*l).to_owned()).collect()
    }
}

fn is_soft_wrapped(blocks: &[Vec<&str>]) -> bool {
    if blocks.len() < 2 && blocks.first().is_none_or(|b| b.len() < 3) {
        return false;
    }
    // Lines that are followed by another line of the same block.
    let inner: Vec<usize> = blocks
        .iter()
        .flat_map(|b| b.iter().take(b.len().saturating_sub(1)))
        .map(|l| l.chars().count())
        .collect();
    if inner.is_empty() {
        return false;
    }
    let wrapped = inner.iter().filter(|&&n| (30..=110).contains(&n)).count();
    let longest = blocks.iter().flatten().map(|l| l.chars().count()).max().unwrap_or(0);
    wrapped * 10 >= inner.len() * 8 && longest <= 120
}

/// Drops a leading "29 mai 2012. - " dateline before deriving a title.
fn skip_dateline(body: &str) -> String {
    if let Some((head, rest)) = body.split_once(" - ")
        && head.chars().count() <= 30
        && head.chars().any(|c| c.is_ascii_digit())
    {
        return rest.to_owned();
    }
    body.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bbc_style_title_then_blank_line() {
        let a =
            parse("Ad sales boost Time Warner profit\n\nQuarterly profits jumped.\n\nThe firm said so.\n")
                .unwrap();
        assert_eq!(a.title, "Ad sales boost Time Warner profit");
        assert_eq!(a.body, "Quarterly profits jumped.\n\nThe firm said so.");
    }

    #[test]
    fn paragraph_per_line_without_title() {
        let text = "Le gouvernement malien a signé un nouvel accord de coopération sécuritaire avec la Russie. L'annonce a été faite lundi.\nSelon l'Agence Ecofin, la convention a été signée.\n";
        let a = parse(text).unwrap();
        assert!(a.title.starts_with("Le gouvernement malien a signé"), "{}", a.title);
        assert!(a.title.ends_with('…'));
        assert_eq!(a.body.split("\n\n").count(), 2);
        assert!(a.body.starts_with("Le gouvernement malien"));
    }

    #[test]
    fn wikinews_dateline_is_not_the_title() {
        let a =
            parse("29 mai 2012. - Un postier a été retrouvé mort. Le syndicat a réagi.\nLa Poste a nié.\n")
                .unwrap();
        assert_eq!(a.title, "Un postier a été retrouvé mort");
        assert!(a.body.starts_with("29 mai 2012. - Un postier"));
    }

    #[test]
    fn soft_wrapped_blocks_are_joined() {
        let text = "A short title\n\nThis paragraph was wrapped by an editor at about seventy\ncolumns, so its lines must be joined back together with\nspaces.\n\nAnd a second paragraph that was also wrapped at the same\nwidth by the same editor.\n";
        let a = parse(text).unwrap();
        assert_eq!(a.title, "A short title");
        assert_eq!(
            a.body,
            "This paragraph was wrapped by an editor at about seventy columns, so its lines must be joined back together with spaces.\n\nAnd a second paragraph that was also wrapped at the same width by the same editor."
        );
    }

    #[test]
    fn crlf_and_leading_blank_lines() {
        let a = parse("\r\n\r\nTitle here\r\n\r\nBody one.\r\nBody two.\r\n").unwrap();
        assert_eq!(a.title, "Title here");
        assert_eq!(a.body, "Body one.\n\nBody two.");
    }

    #[test]
    fn single_line_is_body() {
        let a = parse("Just one line").unwrap();
        assert_eq!(a.body, "Just one line");
        assert!(parse(" \n\n ").is_none());
    }
}
