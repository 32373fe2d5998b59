//! Small shared helpers: accent/case folding and fast-hashing tables for words.

/// Fast hashing for the word tables (SipHash would dominate lookups of short words).
pub type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;
pub type FxSet<K> = rustc_hash::FxHashSet<K>;

/// Lowercase, strip Latin diacritics, unify apostrophes, drop soft hyphens.
/// "État" → "etat", "l’Agence" → "l'agence". Used for every dictionary lookup.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

pub fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.extend(s.bytes().map(|b| b.to_ascii_lowercase() as char));
        return;
    }
    for c in s.chars() {
        match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => {
                out.push('a')
            }
            'ç' | 'Ç' | 'ć' | 'č' => out.push('c'),
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' | 'ě' => out.push('e'),
            'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' | 'Ì' => out.push('i'),
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'ø' | 'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' | 'Ø' => {
                out.push('o')
            }
            'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => out.push('u'),
            'ÿ' | 'ý' | 'Ý' => out.push('y'),
            'ñ' | 'Ñ' | 'ń' => out.push('n'),
            'š' | 'Š' | 'ș' | 'ş' => out.push('s'),
            'ž' | 'Ž' => out.push('z'),
            'ț' | 'ţ' => out.push('t'),
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            '’' | 'ʼ' | '‘' => out.push('\''),
            '\u{00AD}' => {}
            '\u{2011}' | '\u{2010}' => out.push('-'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// Parse a word list: trims, skips blank lines and `#` comments. Sections (`[name]`) are
/// returned as (section, line) pairs; lines before any header get section "".
pub fn lines_with_sections(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut section = "";
    data.lines().filter_map(move |raw| {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        if line.starts_with('[') && line.ends_with(']') && line.len() > 2 {
            section = line.get(1..line.len() - 1).unwrap_or("");
            return None;
        }
        Some((section, line))
    })
}

pub fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

pub fn starts_upper(s: &str) -> bool {
    first_char(s).is_some_and(char::is_uppercase)
}

pub fn starts_lower(s: &str) -> bool {
    first_char(s).is_some_and(char::is_lowercase)
}

/// At least two letters and no lowercase letter ("NATO", "U.S.").
pub fn all_upper(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds() {
        assert_eq!(fold("État"), "etat");
        assert_eq!(fold("l’Agence"), "l'agence");
        assert_eq!(fold("Côte d'Ivoire"), "cote d'ivoire");
        assert_eq!(fold("sécu\u{00AD}rité"), "securite");
        assert_eq!(fold("ŒUVRE"), "oeuvre");
    }
}
