//! Language guess from function words: French, English or other. Cheap and good enough to
//! label an article; the extraction rules themselves are bilingual.

use super::gazetteer::GAZ;
use super::types::{Lang, Token};
use crate::text::fold::fold_str;

pub fn guess_lang(text: &str) -> Lang {
    // Only the beginning matters; cut on a char boundary.
    let mut cut = text.len().min(4000);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = text.get(..cut).unwrap_or("");
    let tokens = super::tokenize::tokenize(head);
    guess_from_tokens(head, &tokens)
}

pub fn guess_from_tokens(text: &str, tokens: &[Token]) -> Lang {
    let (mut fr, mut en, mut words) = (0usize, 0usize, 0usize);
    for t in tokens.iter().take(600) {
        let Some(s) = text.get(t.start..t.end) else {
            continue;
        };
        if !s.chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        words += 1;
        let f = fold_str(s);
        let in_fr = GAZ.stop_fr.contains(&f);
        let in_en = GAZ.stop_en.contains(&f);
        if in_fr && !in_en {
            fr += 1;
        } else if in_en && !in_fr {
            en += 1;
        }
    }
    let hits = fr + en;
    if hits < 2 || hits * 10 < words {
        return Lang::Other;
    }
    if fr * 2 > en * 3 {
        Lang::Fr
    } else if en * 2 > fr * 3 {
        Lang::En
    } else {
        Lang::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses() {
        assert_eq!(guess_lang("Le gouvernement malien a signé un accord avec la Russie."), Lang::Fr);
        assert_eq!(guess_lang("The government said on Tuesday that it would sign the deal."), Lang::En);
        assert_eq!(guess_lang("Правительство подписало соглашение"), Lang::Other);
        assert_eq!(guess_lang(""), Lang::Other);
    }
}
