//! Titles and roles: "le colonel Assimi Goita", "President Joe Biden", "le ministre malien de la
//! Sécurité et de la Protection civile, Daoud Aly Mohammedine", "Mr Smith, chief executive of
//! Acme Corp". Each match gives a person name span (strong PER evidence) and the role text;
//! the role's tokens are reserved so the capitalised words inside it do not become entities.

use std::ops::Range;

use super::doc::Doc;
use super::gazetteer::GAZ;

#[derive(Debug, Clone)]
pub struct RoleMatch {
    pub name: Range<usize>,
    pub role_tokens: Range<usize>,
    pub role: String,
}

/// Lowercase name particles allowed inside a person's name ("Charles de Gaulle").
pub const PARTICLES: [&str; 16] = [
    "de", "du", "van", "von", "der", "den", "da", "di", "dos", "del", "della", "bin", "ben", "al", "el",
    "ibn",
];

/// Words that end a role complement (verbs, relatives): the role is a noun phrase.
const COMPLEMENT_STOP: [&str; 30] = [
    "qui", "que", "qu'", "dont", "ou", "who", "which", "that", "whose", "a", "ont", "est", "sont", "etait",
    "sera", "was", "is", "are", "were", "has", "have", "had", "will", "would", "said", "says", "told",
    "lors", "when", "selon",
];

const MODIFIERS: [&str; 10] =
    ["former", "ancien", "ancienne", "ex", "new", "nouveau", "nouvelle", "current", "actuel", "actuelle"];

/// Longest title phrase starting at k: returns its end.
pub fn title_at(doc: &Doc, k: usize) -> Option<usize> {
    let first = doc.folded(k);
    if !GAZ.title_heads.contains(first) {
        return None;
    }
    let mut key = String::with_capacity(32);
    let mut best = None;
    for j in k..(k + GAZ.max_title_len).min(doc.len()) {
        if j > k {
            key.push(' ');
        }
        key.push_str(doc.folded(j));
        if GAZ.titles.contains(&key) {
            best = Some(j + 1);
        }
    }
    best
}

pub fn is_honorific(doc: &Doc, k: usize) -> bool {
    let f = doc.folded(k);
    // "M." is Monsieur in French but an initial in English ("M. Waugh").
    if doc.lang == super::types::Lang::En && matches!(f, "m" | "m." | "mm" | "mm." | "me") {
        return false;
    }
    doc.cap(k) && GAZ.honorifics.contains(f)
}

/// A capitalised name starting at k (honorific skipped by the caller); returns its end.
pub fn name_run(doc: &Doc, k: usize, blocked: &[bool]) -> Option<usize> {
    let ok = |i: usize| {
        doc.cap(i)
            && doc.is_word(i)
            && !blocked.get(i).copied().unwrap_or(true)
            && !is_honorific(doc, i)
            && !GAZ.months.contains_key(doc.folded(i))
            && !GAZ.days.contains_key(doc.folded(i))
            && (!GAZ.is_stop(doc.folded(i)) || doc.info.get(i).is_some_and(|t| t.upper))
            && !doc.newline_before(i)
    };
    if !ok(k) || doc.elision(k).is_some() {
        return None;
    }
    let mut j = k + 1;
    loop {
        if ok(j) && !doc.newline_before(j) {
            j += 1;
        } else if PARTICLES.contains(&doc.folded(j)) && !doc.cap(j) && ok(j + 1) {
            j += 2;
        } else {
            break;
        }
    }
    Some(j)
}

fn complement_end(doc: &Doc, from: usize, max: usize) -> usize {
    let mut j = from;
    let mut last_content = from;
    while j < doc.len() && j < from + max {
        let f = doc.folded(j);
        if !doc.is_word(j) || COMPLEMENT_STOP.contains(&f) || GAZ.is_speech_verb(f) || doc.newline_before(j) {
            break;
        }
        j += 1;
        if !matches!(
            f,
            "de" | "du"
                | "des"
                | "d'"
                | "la"
                | "le"
                | "les"
                | "l'"
                | "of"
                | "the"
                | "et"
                | "and"
                | "a"
                | "at"
                | "for"
                | "au"
                | "aux"
        ) {
            last_content = j;
        }
    }
    last_content
}

pub fn find_roles(doc: &Doc, blocked: &[bool]) -> Vec<RoleMatch> {
    let mut out = Vec::new();
    let n = doc.len();
    let mut k = 0;
    while k < n {
        // Pattern 1 and 2: TITLE [demonym] Name  /  TITLE complement , Name
        if let Some(mut te) = title_at(doc, k) {
            while doc.is_word(te) && !doc.cap(te) && GAZ.demonyms.contains_key(doc.folded(te)) {
                te += 1;
            }
            let mut ns = te;
            if is_honorific(doc, ns) {
                ns += 1;
            }
            if let Some(ne) = name_run(doc, ns, blocked) {
                // "President Bush" but not "Minister Of…": the name must not be another title.
                if title_at(doc, ns).is_none() {
                    let rs = extend_back(doc, k, blocked);
                    out.push(RoleMatch {
                        name: ns..ne,
                        role_tokens: rs..te,
                        role: doc.span_text(rs, te).to_string(),
                    });
                    k = ne;
                    continue;
                }
            }
            let ce = complement_end(doc, te, 14);
            if doc.tok(ce) == "," {
                let mut ns = ce + 1;
                if is_honorific(doc, ns) {
                    ns += 1;
                }
                if let Some(ne) = name_run(doc, ns, blocked)
                    && (ne - ns >= 2 || GAZ.first_names.contains(doc.folded(ns)))
                {
                    out.push(RoleMatch {
                        name: ns..ne,
                        role_tokens: k..ce,
                        role: doc.span_text(k, ce).to_string(),
                    });
                    k = ne;
                    continue;
                }
            }
        }
        // Pattern 3: Name , [det] [modifier] TITLE complement
        if doc.tok(k) == "," && k > 0 && doc.cap(k - 1) {
            let mut ns = k - 1;
            while ns > 0
                && (doc.cap(ns - 1) && doc.is_word(ns - 1) || PARTICLES.contains(&doc.folded(ns - 1)))
                && !doc.newline_before(ns)
            {
                ns -= 1;
            }
            while ns < k
                && (is_honorific(doc, ns)
                    || doc.common_capitalised(ns)
                    || PARTICLES.contains(&doc.folded(ns)))
            {
                ns += 1;
            }
            let place = GAZ.phrases.contains_key(doc.folded(ns)) || GAZ.acronyms.contains_key(doc.tok(ns));
            let mut t = k + 1;
            if matches!(doc.folded(t), "the" | "a" | "an" | "le" | "la" | "l'" | "un" | "une") {
                t += 1;
            }
            let role_start = t;
            while MODIFIERS.contains(&doc.folded(t)) || doc.tok(t) == "-" {
                t += 1;
            }
            if ns < k
                && !place
                && !blocked.get(ns).copied().unwrap_or(true)
                && let Some(te) = title_at(doc, t)
            {
                let mut te = te;
                while doc.is_word(te) && !doc.cap(te) && GAZ.demonyms.contains_key(doc.folded(te)) {
                    te += 1;
                }
                let ce = complement_end(doc, te, 12).max(te);
                out.push(RoleMatch {
                    name: ns..k,
                    role_tokens: role_start..ce,
                    role: doc.span_text(role_start, ce).to_string(),
                });
                k = ce;
                continue;
            }
        }
        k += 1;
    }
    out
}

/// English pre-modifiers of a capitalised title: "Trade and Industry Secretary".
fn extend_back(doc: &Doc, k: usize, blocked: &[bool]) -> usize {
    if !doc.cap(k) {
        return k;
    }
    let mut s = k;
    while s > 0 {
        let p = s - 1;
        let f = doc.folded(p);
        let joiner = matches!(f, "and" | "&") && doc.cap(p.wrapping_sub(1));
        let cap_ok = doc.cap(p)
            && doc.is_word(p)
            && !doc.common_capitalised(p)
            && !GAZ.is_stop(f)
            && !GAZ.phrases.contains_key(f)
            && !GAZ.acronyms.contains_key(doc.tok(p))
            && !GAZ.demonyms.contains_key(f)
            && !blocked.get(p).copied().unwrap_or(true);
        if (cap_ok || joiner) && !doc.newline_before(s) {
            s = p;
        } else {
            break;
        }
    }
    // Never start on a joiner.
    while s < k && matches!(doc.folded(s), "and" | "&") {
        s += 1;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(s: &str) -> Vec<(String, String)> {
        let doc = Doc::new(s, None);
        let blocked = vec![false; doc.len()];
        find_roles(&doc, &blocked)
            .into_iter()
            .map(|r| (doc.span_text(r.name.start, r.name.end).to_string(), r.role))
            .collect()
    }

    #[test]
    fn patterns() {
        assert_eq!(
            roles("l'arrivée du colonel Assimi Goita par"),
            vec![("Assimi Goita".into(), "colonel".into())]
        );
        assert_eq!(
            roles("du ministre malien de la Sécurité et de la Protection civile, Daoud Aly Mohammedine, sur"),
            vec![(
                "Daoud Aly Mohammedine".into(),
                "ministre malien de la Sécurité et de la Protection civile".into()
            )]
        );
        assert_eq!(roles("said President Joe Biden."), vec![("Joe Biden".into(), "President".into())]);
        assert_eq!(
            roles("Mr Smith, chief executive of Acme Corp, said"),
            vec![("Smith".into(), "chief executive of Acme Corp".into())]
        );
        assert_eq!(
            roles("John Smith, the chief executive of Acme, said"),
            vec![("John Smith".into(), "chief executive of Acme".into())]
        );
        assert_eq!(
            roles("le président russe Vladimir Poutine"),
            vec![("Vladimir Poutine".into(), "président russe".into())]
        );
        assert_eq!(
            roles("Trade and Industry Secretary Patricia Hewitt said"),
            vec![("Patricia Hewitt".into(), "Trade and Industry Secretary".into())]
        );
    }
}
