//! Sentence splitter over tokens. Abbreviations and initials keep their dot inside the token,
//! so a standalone "." is a real full stop; we still refuse to split before a lowercase word.

use std::ops::Range;

use super::gazetteer::GAZ;
use super::types::Token;
use super::util::{starts_lower, starts_upper};
use crate::text::fold::fold_str;

fn is_closer(s: &str) -> bool {
    matches!(s, "»" | "”" | "\"" | "’" | "'" | ")" | "]" | "}" | "“")
}

pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let tok = |k: usize| tokens.get(k).and_then(|t| text.get(t.start..t.end)).unwrap_or("");
    let gap_has_newline = |k: usize| {
        // newline between token k and k+1
        match (tokens.get(k), tokens.get(k + 1)) {
            (Some(a), Some(b)) => text.get(a.end..b.start).is_some_and(|g| g.contains('\n')),
            _ => false,
        }
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut k = 0;
    while k < tokens.len() {
        let t = tok(k);
        let mut end_here = gap_has_newline(k);
        if !end_here {
            let terminal = matches!(t, "." | "!" | "?" | "…" | "?!" | "!?") || t.starts_with("..");
            // A dotted acronym ("U.S.") or "etc." can end a sentence when a capitalised
            // function word follows.
            let abbrev_end = t.len() > 2
                && t.ends_with('.')
                && (t.matches('.').count() >= 2 || t == "etc.")
                && starts_upper(tok(k + 1))
                && GAZ.is_stop(&fold_str(tok(k + 1)));
            if terminal || abbrev_end {
                // Absorb closing quotes/brackets and further terminal marks.
                let mut j = k;
                while j + 1 < tokens.len() && !gap_has_newline(j) {
                    let n = tok(j + 1);
                    if is_closer(n) || matches!(n, "." | "!" | "?") {
                        j += 1;
                    } else {
                        break;
                    }
                }
                let next = tok(j + 1);
                if j + 1 >= tokens.len()
                    || gap_has_newline(j)
                    || !starts_lower(next) && !matches!(next, "," | ";" | ":")
                {
                    k = j;
                    end_here = true;
                }
            }
        }
        if end_here {
            out.push(start..k + 1);
            start = k + 1;
        }
        k += 1;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tokenize::tokenize;
    use super::*;

    fn sents(s: &str) -> Vec<String> {
        let t = tokenize(s);
        sentences(s, &t).into_iter().map(|r| s[t[r.start].start..t[r.end - 1].end].to_string()).collect()
    }

    #[test]
    fn splits() {
        assert_eq!(
            sents("Il pleut. M. Dupont sort. Le Dr. Who arrive."),
            vec!["Il pleut.", "M. Dupont sort.", "Le Dr. Who arrive."]
        );
        assert_eq!(sents("J. K. Rowling wrote it. Then?"), vec!["J. K. Rowling wrote it.", "Then?"]);
        assert_eq!(sents("He lives in the U.S. The end."), vec!["He lives in the U.S.", "The end."]);
        assert_eq!(sents("«Oui !» a-t-il dit. Fin"), vec!["«Oui !» a-t-il dit.", "Fin"]);
        assert_eq!(sents("Titre\nCorps du texte."), vec!["Titre", "Corps du texte."]);
        assert_eq!(sents("Il a dit « Non. » Puis rien."), vec!["Il a dit « Non. »", "Puis rien."]);
        assert!(sents("").is_empty());
    }
}
