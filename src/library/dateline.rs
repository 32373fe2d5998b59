//! The date a dateline gives at the very start of a text: « 29 mai 2012. - … », « 1er juillet
//! 2012 – … », "May 29, 2012 - …", "29 May 2012: …". News texts saved as plain text often
//! carry their date only there.

/// Month names and common abbreviations, French and English, to the month's number.
fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    let months: [&[&str]; 12] = [
        &["janvier", "janv", "january", "jan"],
        &["février", "fevrier", "févr", "fevr", "february", "feb"],
        &["mars", "march", "mar"],
        &["avril", "avr", "april", "apr"],
        &["mai", "may"],
        &["juin", "june", "jun"],
        &["juillet", "juil", "july", "jul"],
        &["août", "aout", "august", "aug"],
        &["septembre", "sept", "september", "sep"],
        &["octobre", "oct", "october"],
        &["novembre", "nov", "november"],
        &["décembre", "decembre", "déc", "dec", "december"],
    ];
    months.iter().position(|names| names.contains(&w.as_str())).map(|i| i as u32 + 1)
}

fn day(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(',');
    let digits = w.trim_end_matches(char::is_alphabetic);
    if !matches!(&w[digits.len()..], "" | "er" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(['.', ',', ':']);
    (w.len() == 4).then(|| w.parse().ok()).flatten().filter(|y| (1800..=2200).contains(y))
}

/// The ISO date (`YYYY-MM-DD`) of a dateline opening `text`: a day, a month name and a year
/// (either order of day and month), followed by a dash or a colon.
pub fn dateline_date(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().take(5).collect();
    let (d, m, y, rest) = match words.as_slice() {
        [a, b, c, rest @ ..] if day(a).is_some() && month(b).is_some() => {
            (day(a)?, month(b)?, year(c)?, rest)
        }
        [a, b, c, rest @ ..] if month(a).is_some() && day(b).is_some() => {
            (day(b)?, month(a)?, year(c)?, rest)
        }
        _ => return None,
    };
    // A dateline ends with a dash or a colon, on the year or just after it.
    let ends =
        words[2].ends_with(':') || rest.first().is_some_and(|w| matches!(*w, "-" | "–" | "—" | ":" | ".-"));
    ends.then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_english_datelines() {
        assert_eq!(dateline_date("29 mai 2012. - Un postier…").as_deref(), Some("2012-05-29"));
        assert_eq!(dateline_date("1er juillet 2012 – La France…").as_deref(), Some("2012-07-01"));
        assert_eq!(dateline_date("May 29, 2012 - The post office…").as_deref(), Some("2012-05-29"));
        assert_eq!(dateline_date("3rd March 2021: Officials said").as_deref(), Some("2021-03-03"));
    }

    #[test]
    fn a_date_in_a_sentence_is_no_dateline() {
        assert_eq!(dateline_date("29 mai 2012, le président a dit"), None);
        assert_eq!(dateline_date("Le 29 mai 2012 - pas au début"), None);
        assert_eq!(dateline_date("31 février"), None);
    }
}
