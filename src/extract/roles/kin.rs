//! Kin and friends before a name: "his wife Audrey", "the Queen's grandson, Prince Harry", "his
//! friend, the producer Quincy Jones", "sa veuve Sandrine", "la nièce de Marine Le Pen, Marion
//! Maréchal". Kin nouns are no titles: capitalised or alone they name shows and things as often
//! ("Wife Swap"), so they are read only in lower case after a possessive (or with their "de"/"of"
//! complement after an article), right before the person's name.

use super::{RoleMatch, complement_end, is_honorific, person_name, relations, title_at, title_tail};
use crate::extract::doc::Doc;
use crate::extract::gazetteer::GAZ;
use crate::extract::types::Lang;

/// English nouns of kinship and close ties (folded).
const KIN_EN: [&str; 32] = [
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "sister",
    "father",
    "mother",
    "grandson",
    "granddaughter",
    "grandfather",
    "grandmother",
    "widow",
    "widower",
    "girlfriend",
    "boyfriend",
    "fiancee",
    "fiance",
    "cousin",
    "nephew",
    "niece",
    "uncle",
    "aunt",
    "friend",
    "stepson",
    "stepdaughter",
    "stepfather",
    "stepmother",
    "partner",
    "colleague",
    "son-in-law",
    "daughter-in-law",
];

/// French nouns of kinship and close ties (folded). "femme" and "ami" take no "de" complement
/// here ("la femme d'affaires" is a title of its own).
const KIN_FR: [&str; 30] = [
    "femme",
    "mari",
    "fils",
    "fille",
    "frere",
    "soeur",
    "epouse",
    "epoux",
    "pere",
    "mere",
    "compagnon",
    "compagne",
    "ami",
    "amie",
    "neveu",
    "niece",
    "oncle",
    "tante",
    "cousin",
    "cousine",
    "petit-fils",
    "petite-fille",
    "veuve",
    "veuf",
    "gendre",
    "belle-fille",
    "beau-frere",
    "belle-soeur",
    "beau-pere",
    "belle-mere",
];

/// Words between a possessive and the kin noun that belong to the role ("his younger brother",
/// "sa jeune sœur") (folded).
const KIN_MODIFIERS: [&str; 20] = [
    "late",
    "former",
    "elder",
    "younger",
    "eldest",
    "youngest",
    "close",
    "best",
    "old",
    "long-time",
    "longtime",
    "estranged",
    "new",
    "jeune",
    "petit",
    "petite",
    "grand",
    "grande",
    "ancien",
    "ancienne",
];

/// The kin roles of the text, one per kin noun read before a name.
pub(super) fn kin_roles(doc: &Doc, blocked: &[bool], found: &[RoleMatch]) -> Vec<RoleMatch> {
    let mut out = Vec::new();
    for k in 1..doc.len() {
        if doc.cap(k) || !is_kin(doc, k) {
            continue;
        }
        // Some are titles too ("veuve"): the title's reading may have given the role already.
        if let Some(r) = possessed_kin(doc, k, blocked, found).or_else(|| kin_of(doc, k, blocked, found))
            && !found.iter().any(|f| f.name == r.name && f.role_tokens.contains(&k))
        {
            out.push(r);
        }
    }
    out
}

fn is_kin(doc: &Doc, k: usize) -> bool {
    is_kin_noun(doc.folded(k), doc.lang)
}

/// Whether a folded word is a noun of kinship or close ties in `lang` ("wife", « sœur »).
pub(crate) fn is_kin_noun(folded: &str, lang: Lang) -> bool {
    match lang {
        Lang::En => KIN_EN.contains(&folded),
        _ => KIN_FR.contains(&folded),
    }
}

/// "his wife Audrey", "the Queen's grandson, Prince Harry", "sa veuve Sandrine": a possessive,
/// modifiers, the kin noun at `k`, then the name (after a comma and a title of their own, maybe).
/// A pronoun possessor is left out of the role, a named one kept ("Queen's grandson").
fn possessed_kin(doc: &Doc, k: usize, blocked: &[bool], found: &[RoleMatch]) -> Option<RoleMatch> {
    let mut p = k - 1;
    while p > 0 && KIN_MODIFIERS.contains(&doc.folded(p)) && !doc.cap(p) {
        p -= 1;
    }
    let pronoun = match doc.lang {
        Lang::En => matches!(doc.folded(p), "his" | "her" | "their"),
        _ => matches!(doc.folded(p), "sa" | "son" | "leur"),
    };
    // "the Queen's grandson", "Nogar's son": one capitalised word before the mark.
    let rs = if pronoun { p + 1 } else { named_possessor(doc, p)? };
    let ne_ns = name_after(doc, k + 1, blocked, found)?;
    Some(RoleMatch {
        name: ne_ns.0..ne_ns.1,
        role_tokens: k..k + 1,
        role: doc.span_text(rs, k + 1).to_string(),
    })
}

/// Where the English possessor whose mark is at `p` starts: its capitalised words ("the Queen's",
/// "Elton John's"). None for another mark, or a possessor with "of" ("The Prince of Wales's son":
/// whose words start where, the capitals do not say).
fn named_possessor(doc: &Doc, p: usize) -> Option<usize> {
    if doc.lang != Lang::En || !matches!(doc.tok(p), "'s" | "’s") {
        return None;
    }
    let mut s = p;
    while s > 0 && doc.cap(s - 1) && doc.is_word(s - 1) && !doc.is_determiner(s - 1) {
        s -= 1;
    }
    let of = s >= 2 && doc.folded(s - 1) == "of" && doc.cap(s - 2);
    // "Mr Conlon's father": the honorific is no part of whose.
    if s + 1 < p && is_honorific(doc, s) {
        s += 1;
    }
    (s < p && !of).then_some(s)
}

/// "la veuve de l'ancien président, Souha Arafat", "the widow of Kurt Cobain, Courtney Love": an
/// article, the kin noun at `k` and its complement, a comma, the name.
fn kin_of(doc: &Doc, k: usize, blocked: &[bool], found: &[RoleMatch]) -> Option<RoleMatch> {
    let article = match doc.lang {
        Lang::En => doc.folded(k - 1) == "the",
        _ => {
            matches!(doc.folded(k - 1), "la" | "le" | "l'")
                && !matches!(doc.folded(k), "femme" | "ami" | "amie")
        }
    };
    let of = matches!(doc.folded(k + 1), "of" | "de" | "du" | "d'");
    if !article || !of {
        return None;
    }
    let ce = complement_end(doc, k + 1, 12);
    if ce <= k + 2 || doc.tok(ce) != "," {
        return None;
    }
    let (ns, ne) = name_after(doc, ce + 1, blocked, found)?;
    // "The son of the former president, Hosni Mubarak": a title in the complement given to the
    // name makes the name the complement's person.
    if found.iter().any(|r| r.name == (ns..ne) && r.role_tokens.start > k && r.role_tokens.end <= ce) {
        return None;
    }
    Some(RoleMatch { name: ns..ne, role_tokens: k..k + 1, role: doc.span_text(k, ce).to_string() })
}

/// The person's name from `j` on, past a comma, an article and a title of their own ("his
/// friend, the producer Quincy Jones"): known to be a person's (a listed given name, an honorific
/// or a role found), and closing its phrase.
fn name_after(doc: &Doc, mut j: usize, blocked: &[bool], found: &[RoleMatch]) -> Option<(usize, usize)> {
    // "Following the death of his wife, John Smith moved": after a comma the name must close an
    // apposition, not open the clause.
    let after_comma = doc.tok(j) == ",";
    if after_comma {
        j += 1;
    }
    if matches!(doc.folded(j), "the" | "le" | "la" | "l'") && !doc.cap(j) && title_at(doc, j + 1).is_some() {
        j += 1;
    }
    if let Some(te) = title_at(doc, j) {
        j = title_tail(doc, te);
    }
    if is_honorific(doc, j) {
        j += 1;
    }
    let ne = person_name(doc, j, blocked)?;
    let name = j..ne;
    let given_alone = ne == j + 1 && GAZ.first_names.contains(doc.folded(j));
    let closes = ne >= doc.len() || !doc.is_word(ne) || !doc.cap(ne);
    let apposed = !after_comma || ne >= doc.len() || matches!(doc.tok(ne), "," | "." | ";" | ")");
    (closes && apposed && (given_alone || relations::known_person(doc, &name, found))).then_some((j, ne))
}

#[cfg(test)]
mod tests {
    use crate::extract::types::Lang;

    fn assert_cases(lang: Lang, cases: &[(&str, &[(&str, &str)])]) {
        super::super::tests::assert_cases_in(Some(lang), cases);
    }

    #[test]
    fn english_kin_after_a_possessive() {
        assert_cases(
            Lang::En,
            &[
                ("He arrived with his wife Audrey on Monday.", &[("Audrey", "wife")]),
                ("He thanked his younger brother Tom Reed.", &[("Tom Reed", "younger brother")]),
                // Given names of the English-speaking world ("Lynda", "Tommy") tell a person.
                (
                    "Hill formed a company with her friend Lynda Obst, making films.",
                    &[("Lynda Obst", "friend")],
                ),
                ("He thanked his son Tommy Reed.", &[("Tommy Reed", "son")]),
                (
                    "The Queen's grandson, Prince Harry, apologised.",
                    &[("Harry", "Prince"), ("Harry", "Queen's grandson")],
                ),
                ("Elton John's partner, David Furnish, spoke.", &[("David Furnish", "Elton John's partner")]),
                ("Mr Conlon's father Giuseppe died in jail.", &[("Giuseppe", "Conlon's father")]),
                // A possessor with "of" is the title's reading ("Prince of …"), not the kin's; a
                // kin noun ending an opening phrase gives nothing.
                (
                    "The Prince of Wales's son, Prince Harry, spoke.",
                    &[("Prince Harry", "Prince of Wales's son")],
                ),
                ("Following the death of his wife, John Smith moved to Spain.", &[]),
                (
                    "It came from his friend, the producer Quincy Jones, who praised him.",
                    &[("Quincy Jones", "producer"), ("Quincy Jones", "friend")],
                ),
                // Capitalised or without a possessive, a kin noun names a show or a thing.
                ("She watched Wife Swap on Channel 4.", &[]),
                ("The wife Audrey met was kind.", &[]),
            ],
        );
    }

    #[test]
    fn french_kin_after_a_possessive_or_with_its_complement() {
        assert_cases(
            Lang::Fr,
            &[
                ("Il est venu avec sa veuve Sandrine mardi.", &[("Sandrine", "veuve")]),
                (
                    "Le reportage a convaincu la veuve de l'ancien président, Souha Arafat, de parler.",
                    &[("Souha Arafat", "veuve de l'ancien président")],
                ),
                // "la femme d'affaires" is a title of its own, not a wife.
                ("Il a vu la femme d'affaires, Marie Durand, hier.", &[("Marie Durand", "femme d'affaires")]),
                ("Il a vu la femme de ménage, Marie Durand, hier.", &[]),
            ],
        );
    }
}
