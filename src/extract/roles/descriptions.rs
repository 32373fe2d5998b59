//! Descriptions in apposition that hold no listed title: "X, a trader at Mellon Financial,", "X,
//! the man behind OptInRealBig.com,", "X, a keen gardener,", "X, un habitant du quartier,". An
//! article right after a person's name and its comma, and a noun phrase closed by punctuation or
//! a relative clause, say what the text takes them to be, whatever the noun.

use std::ops::Range;

use super::{
    COMPLEMENT_STOP, RoleMatch, age_end, complement_end, is_honorific, relations, title_at, verb_closes,
};
use crate::extract::doc::Doc;
use crate::extract::gazetteer::GAZ;
use crate::extract::types::Lang;

/// Nouns of time and quantity: "X, the next day,", "X, a year later,", "X, la veille,", "X, une
/// nouvelle fois," date or count what follows; they describe no one (folded).
const NOT_DESCRIPTIONS: [&str; 48] = [
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "time",
    "times",
    "moment",
    "while",
    "decade",
    "morning",
    "evening",
    "night",
    "weekend",
    "afternoon",
    "few",
    "lot",
    "bit",
    "number",
    "couple",
    "same",
    "rest",
    "other",
    "jour",
    "jours",
    "semaine",
    "mois",
    "an",
    "ans",
    "annee",
    "annees",
    "fois",
    "matin",
    "soir",
    "nuit",
    "veille",
    "lendemain",
    "week-end",
    "apres-midi",
    "peu",
    "instant",
    "meme",
    "reste",
    "autre",
    "moment-la",
];

/// Words that end a description and leave it whole: a relative pronoun ("X, a senior KGB officer
/// who became …": the role is what comes before it).
/// ("which", "that" are left out: "X, a decision that baffled fans" describes a thing.)
const RELATIVES: [&str; 4] = ["who", "whose", "qui", "dont"];

/// Nouns of events, acts and things held that an apposition after a name may describe instead of
/// the person: "replaced by X, a decision that …", "X, un sourire aux lèvres," (folded).
const EVENTS_AND_THINGS: [&str; 30] = [
    "decision",
    "move",
    "choice",
    "crime",
    "finish",
    "goal",
    "series",
    "victory",
    "defeat",
    "win",
    "success",
    "hit",
    "hour",
    "minute",
    "choix",
    "victoire",
    "defaite",
    "succes",
    "hommage",
    "geste",
    "coup",
    "heure",
    "brin",
    "sourire",
    "verre",
    "cigarette",
    "larme",
    "main",
    "film",
    "vote",
];

/// Words for anyone at all: alone they say nothing of who the person is ("X, un homme qui a
/// tout perdu") (folded).
const ANYONE: [&str; 10] =
    ["homme", "femme", "man", "woman", "person", "personne", "garcon", "fille", "boy", "girl"];

/// The description after the comma at `comma` that follows the person's name `name`: the start
/// and end of its words (article left out) and the end of the noun it opens with, before any
/// complement. `None` unless an article opens it and punctuation, a line's end or a relative
/// pronoun closes it.
pub(super) fn description_after(
    doc: &Doc,
    name: &Range<usize>,
    comma: usize,
    found: &[RoleMatch],
) -> Option<(usize, usize, usize)> {
    let t = comma + 1;
    // French descriptions with "le"/"la" are as often a state of the body ("X, la voix cassée,",
    // "X, le dos large,"): only the indefinite article is read there.
    let english = doc.lang == Lang::En;
    // "X, l'un des organisateurs,", "X, one of the organisers,": one of many, whatever the
    // noun; the role keeps "un des".
    let one_of = one_of_many(doc, t);
    let (indefinite, definite) = match doc.lang {
        _ if one_of.is_some() => (true, false),
        Lang::En => (matches!(doc.tok(t), "a" | "an"), doc.tok(t) == "the"),
        _ => (matches!(doc.tok(t), "un" | "une"), false),
    };
    if !(indefinite || definite) || doc.newline_before(t) {
        return None;
    }
    // ("le chauffeur routier X, une des figures du mouvement": one of a group of people is the
    // titled person, not what the title and the name make together.)
    let titled = name.start > 0 && !doc.cap(name.start - 1) && title_at(doc, name.start - 1).is_some();
    if !(stands_alone(doc, name.start, definite) || one_of.is_some() && titled) {
        return None;
    }
    if !relations::known_person(doc, name, found) {
        return None;
    }
    let rs = one_of.map_or(t + 1, |(_, after)| after);
    // The noun and the words that qualify it: lowercase words (an age in figures too) up to a
    // preposition, punctuation or a relative pronoun.
    let in_noun = |j: usize| {
        let f = doc.folded(j);
        let age = j == rs && doc.tok(j).starts_with(|c: char| c.is_ascii_digit());
        // "a senior KGB officer", "a well-known Silicon Valley journalist": names qualify the noun.
        let inner_name = j > rs && doc.cap(j) && !GAZ.first_names.contains(f);
        (doc.is_word(j) && (!doc.cap(j) || inner_name) || age)
            && !is_preposition(doc, j)
            && !ends_phrase(doc, j)
            // "X, a decision he later regretted" is a clause.
            && !crate::extract::quotes::PRONOUNS.contains(&f)
            && !(english && f.ends_with("ly"))
    };
    let mut noun_end = rs;
    while noun_end < rs + 6 && in_noun(noun_end) {
        noun_end += 1;
    }
    while noun_end > rs && doc.cap(noun_end - 1) {
        noun_end -= 1;
    }
    let thing = (rs..noun_end).any(|j| EVENTS_AND_THINGS.contains(&doc.folded(j)))
        || noun_end == rs + 1 && ANYONE.contains(&doc.folded(rs)) && !is_preposition(doc, noun_end);
    if noun_end == rs || thing || doc.cap(noun_end) || NOT_DESCRIPTIONS.contains(&doc.folded(noun_end)) {
        return None;
    }
    let mut ce = noun_end;
    if is_preposition(doc, noun_end) && age_end(doc, noun_end).is_none() {
        ce = complement_end(doc, noun_end, 12);
        // "the man behind OptInRealBig.com": a preposition no title's complement opens.
        if ce == noun_end {
            ce = noun_end + 1;
            while ce < noun_end + 10 && doc.is_word(ce) && !ends_phrase(doc, ce) {
                ce += 1;
            }
        }
    }
    // "un fonctionnaire de 33 ans qui manifeste": the age stays out of the role.
    let after = age_end(doc, ce).unwrap_or(ce);
    // "Then, says Mr X, the blogging world found out": a definite description closed by a comma
    // is an apposition only when the clause's verb follows it.
    let comma_closes = doc.tok(after) == "," && (indefinite || verb_closes(doc, after + 1));
    let closed = after >= doc.len()
        || comma_closes
        // "OptInRealBig.com": a full stop inside a word ends no sentence.
        || doc.tok(after) == "." && (after + 1 >= doc.len() || doc.starts_sentence(after + 1))
        || matches!(doc.tok(after), ";" | ")" | ":")
        || doc.newline_before(after)
        || RELATIVES.contains(&doc.folded(after));
    // "X, the fans and the staff": a list of what someone thanks, not what X is.
    let list =
        (rs..ce).any(|j| matches!(doc.folded(j), "and" | "et" | "or" | "ou") && doc.is_determiner(j + 1));
    let honorific_next = ce < doc.len() && is_honorific(doc, ce);
    let of_a_plural = one_of.is_none() || plural_noun_ends(doc, rs, noun_end);
    let start = one_of.map_or(rs, |(o, _)| o);
    (closed && !list && !honorific_next && of_a_plural).then_some((start, ce, noun_end))
}

/// French nouns of where someone lives, what they do for a living or what befell them, which no
/// title list holds: "X, retraitée, raconte", "X, habitant d'Épernon,". Before a name or opening
/// a sentence they are as often participles or adjectives ("Habitant Épernon, il …", "la rue
/// commerçante"), so they are read only in apposition, bare, after a name's comma (folded).
const STATUS_NOUNS: [&str; 24] = [
    "habitant",
    "habitante",
    "riverain",
    "riveraine",
    "retraite",
    "retraitee",
    "salarie",
    "salariee",
    "eleve",
    "survivant",
    "survivante",
    "rescape",
    "rescapee",
    "electeur",
    "electrice",
    "sympathisant",
    "sympathisante",
    "benevole",
    "adherent",
    "adherente",
    "employe",
    "employee",
    "voisin",
    "voisine",
];

/// Trades the press gives people in apposition ("Gabriel François, chaudronnier, ", "Moussa,
/// vigile,"), folded. Before a name or as a description they are as often someone unnamed ("a
/// raconté le conducteur du bus") or an employer's trade ("le technicien Orange"): like the
/// statuses, they are read only bare after a name's comma.
const TRADES: [&str; 40] = [
    "chaudronnier",
    "chaudronniere",
    "ambulancier",
    "ambulanciere",
    "cariste",
    "vigile",
    "cheminot",
    "cheminote",
    "soudeur",
    "soudeuse",
    "macon",
    "plombier",
    "electricien",
    "electricienne",
    "menuisier",
    "charpentier",
    "magasinier",
    "magasiniere",
    "manutentionnaire",
    "eboueur",
    "factrice",
    "conducteur",
    "conductrice",
    "mecanicien",
    "mecanicienne",
    "garagiste",
    "douanier",
    "douaniere",
    "technicien",
    "technicienne",
    "caissier",
    "caissiere",
    "serveur",
    "serveuse",
    "estheticienne",
    "educateur",
    "educatrice",
    "osteopathe",
    "kinesitherapeute",
    "pharmacienne",
];

/// The bare status phrase at `t` after a name's comma (modifiers skipped): its end, a complement
/// included ("habitant du quartier"), when punctuation closes it. French only.
pub(super) fn status_role_end(doc: &Doc, t: usize) -> Option<usize> {
    let status = |j: usize| STATUS_NOUNS.contains(&doc.folded(j)) || TRADES.contains(&doc.folded(j));
    if doc.lang != Lang::Fr || doc.cap(t) || !status(t) {
        return None;
    }
    // "cheminot retraité": a trade and a status.
    let t = if !doc.cap(t + 1) && STATUS_NOUNS.contains(&doc.folded(t + 1)) { t + 1 } else { t };
    let ce = if is_preposition(doc, t + 1) { complement_end(doc, t + 1, 12) } else { t + 1 };
    // "retraitée de 61 ans,": the age closes nothing and stays out of the role.
    let after = age_end(doc, ce).unwrap_or(ce);
    let closed = after >= doc.len()
        || matches!(doc.tok(after), "," | "." | ";" | ")" | ":")
        || doc.newline_before(after);
    closed.then_some(ce)
}

/// "l'un des", "une des", "one of the", "one of Britain's" at `t`: where "un"/"one" stands and
/// where the noun phrase after it starts.
fn one_of_many(doc: &Doc, t: usize) -> Option<(usize, usize)> {
    match doc.lang {
        Lang::En => super::english::one_of_end(doc, t).map(|after| (t, after)),
        _ => {
            let o = if doc.folded(t) == "l'" { t + 1 } else { t };
            super::one_of_at(doc, o).then_some((o, o + 2))
        }
    }
}

/// Words in the plural after "one of" that are no noun: numbers, pronouns, adjectives standing
/// alone ("l'un des trois", "l'un des leurs", "one of the others", "l'un des meilleurs").
const NOT_PLURAL_NOUNS: [&str; 33] = [
    "siens",
    "siennes",
    "miens",
    "tiens",
    "ours",
    "theirs",
    "yours",
    "those",
    "these",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "dix",
    "leurs",
    "notres",
    "votres",
    "autres",
    "rares",
    "meilleurs",
    "meilleures",
    "premiers",
    "premieres",
    "derniers",
    "dernieres",
    "seuls",
    "seules",
    "others",
    "ones",
    "few",
    "many",
    "best",
];

/// Whether the words `rs..noun_end` after "one of" end on a plural noun: "l'un des cinq
/// députés", "one of Britain's richest men", not "l'un des plus beaux", "one of the most
/// successful", "one of the two".
fn plural_noun_ends(doc: &Doc, rs: usize, noun_end: usize) -> bool {
    let last = doc.folded(noun_end - 1);
    let adjective_only = matches!(doc.folded(rs), "plus" | "moins" | "most" | "least") && noun_end <= rs + 2;
    let irregular = matches!(last, "men" | "women" | "people" | "children");
    let plural = last.ends_with(['s', 'x']) && !last.ends_with("ss") || irregular;
    plural
        && !adjective_only
        && !NOT_PLURAL_NOUNS.contains(&last)
        && !last.starts_with(|c: char| c.is_ascii_digit())
}

/// Whether the name starting at `ns` can take an apposition of its own. "For X, the problem, …":
/// a definite description after a name that ends a phrase is as often the clause's subject, so it
/// needs the name to open its clause, follow a verb of saying or be cited ("selon X"). Any
/// description stands for more than the name after a title or "and" ("featuring tycoon X, a
/// ratings hit", "Y and bassist X, a trio"), and for something else after "avec" ("a lancé, avec
/// X, un appel au calme").
fn stands_alone(doc: &Doc, ns: usize, definite: bool) -> bool {
    let mut p = ns;
    while p > 0 && is_honorific(doc, p - 1) {
        p -= 1;
    }
    let Some(p) = p.checked_sub(1) else { return true };
    let f = doc.folded(p);
    let cited = f == "selon"
        || f == "apres" && p > 0 && doc.folded(p - 1) == "d'"
        || f == "to" && p > 0 && doc.folded(p - 1) == "according";
    // "Then, says Mr X, the blogging world found out": an incise inside the sentence.
    let incise = p > 0 && doc.tok(p - 1) == ",";
    let saying = GAZ.is_speech_verb(f) && !(definite && incise);
    let opens = !doc.is_word(p) || doc.newline_before(p + 1) || saying || cited;
    let joined = matches!(f, "and" | "et" | "or" | "ou" | "with" | "avec")
        || !doc.cap(p) && title_at(doc, p).is_some();
    opens || !definite && !joined
}

/// Whether the word at `j` ends a description's words: a verb, a relative pronoun, a word of
/// time.
fn ends_phrase(doc: &Doc, j: usize) -> bool {
    let f = doc.folded(j);
    RELATIVES.contains(&f)
        || COMPLEMENT_STOP.contains(&f)
        || GAZ.is_speech_verb(f)
        || NOT_DESCRIPTIONS.contains(&f)
}

/// Prepositions that open a description's complement ("a trader at …", "un habitant du …").
fn is_preposition(doc: &Doc, j: usize) -> bool {
    matches!(
        doc.folded(j),
        "of" | "at"
            | "for"
            | "with"
            | "from"
            | "in"
            | "to"
            | "behind"
            | "on"
            | "de"
            | "du"
            | "des"
            | "d'"
            | "au"
            | "aux"
            | "en"
            | "chez"
            | "pour"
            | "dans"
            | "sur"
    ) && !doc.cap(j)
        || doc.tok(j) == "à"
}

#[cfg(test)]
mod tests {
    use crate::extract::types::Lang;

    fn assert_cases(lang: Lang, cases: &[(&str, &[(&str, &str)])]) {
        super::super::tests::assert_cases_in(Some(lang), cases);
    }

    #[test]
    fn an_english_description_with_its_article_whatever_its_noun() {
        assert_cases(
            Lang::En,
            &[
                (
                    "Ian Gunner, a trader at Mellon Financial, said the dollar fell.",
                    &[("Ian Gunner", "trader at Mellon Financial")],
                ),
                (
                    "\"It fell,\" said Ian Gunner, a trader at Mellon Financial.",
                    &[("Ian Gunner", "trader at Mellon Financial")],
                ),
                ("John Smith, a keen gardener, said he was pleased.", &[("John Smith", "keen gardener")]),
                // A relative clause ends the role; names may qualify the noun.
                (
                    "Oleg Gordievsky, a senior KGB officer who became an agent, spoke.",
                    &[("Oleg Gordievsky", "senior KGB officer")],
                ),
                (
                    "Scott Richter, the man behind the site, said lawsuits had forced it.",
                    &[("Scott Richter", "man behind the site")],
                ),
                (
                    "John Smith, one of Britain's richest men, said it was over.",
                    &[("John Smith", "one of Britain's richest men")],
                ),
                ("John Smith, one of the organisers, said so.", &[("John Smith", "one of the organisers")]),
            ],
        );
    }

    #[test]
    fn no_description_where_the_words_say_when_list_more_or_describe_a_group() {
        assert_cases(
            Lang::En,
            &[
                ("John Smith, a year later, said so.", &[]),
                ("He thanked John Smith, the fans and the staff.", &[]),
                // After a title or "and" the apposition may stand for more than the name.
                (
                    "The show features tycoon Donald Trump, a ratings hit for NBC.",
                    &[("Donald Trump", "tycoon")],
                ),
                // A definite description in an incise is the clause's subject.
                ("Then, says John Smith, the blogging world found out.", &[]),
                // An event or a clause in apposition is no description of the person.
                ("He was replaced by Michael Owen, a decision that baffled fans.", &[]),
                ("He spoke to Tony Blair, a decision he later regretted.", &[]),
                ("John Smith, one of the best, said it was over.", &[]),
                ("John Smith, one of the others, said it was over.", &[]),
                ("John Smith, one of the most successful, said it was over.", &[]),
                ("A stop inside a word: John Smith, the man behind Optin.com and spam, said so.", &[]),
            ],
        );
    }

    #[test]
    fn a_french_description_needs_the_indefinite_article() {
        assert_cases(
            Lang::Fr,
            &[
                (
                    "Selon Jean Dupont, un habitant du quartier, la situation est grave.",
                    &[("Jean Dupont", "habitant du quartier")],
                ),
                (
                    "Marie Martin, une mère de famille, raconte son histoire.",
                    &[("Marie Martin", "mère de famille")],
                ),
                // "la voix cassée", "le dos large": a state of the body, not what they are.
                ("Jean Dupont, la voix cassée, a parlé.", &[]),
                ("Pour Jean Dupont, la réforme, qui est attendue, sera votée.", &[]),
                ("Il a lancé, avec Jean Dupont, un appel au calme.", &[]),
                ("Jean Dupont, une nouvelle fois, a refusé.", &[]),
                // "a" is the verb, not "à".
                ("D'après Marie Martin, une solution a été trouvée.", &[]),
                ("Jean Dupont, un sourire aux lèvres, a parlé.", &[]),
                ("Il a rencontré Jean Dupont, un homme qui a tout perdu.", &[]),
            ],
        );
    }

    #[test]
    fn a_french_status_bare_in_apposition_an_age_left_out_one_of_many() {
        assert_cases(
            Lang::Fr,
            &[
                (
                    "Jean Dupont, habitant du quartier, raconte la scène.",
                    &[("Jean Dupont", "habitant du quartier")],
                ),
                (
                    "«C'est trop tard», regrette Josette, retraitée. Elle est partie.",
                    &[("Josette", "retraitée")],
                ),
                // Opening a sentence or after a noun it is a participle or an adjective.
                ("Habitant Épernon, Cédric Martin a pris le train.", &[]),
                ("Dans la rue commerçante Sainte-Catherine, Jean Dupont a parlé.", &[]),
                // Closed by no punctuation it is no apposition.
                ("Jean Dupont, habitant Lyon depuis vingt ans, a parlé.", &[]),
                // An age stays out of the role.
                ("Gilles Martin, retraité de 53 ans, est venu.", &[("Gilles Martin", "retraité")]),
                (
                    "Selon David Martin, un fonctionnaire de 33 ans qui manifeste, «c'est trop».",
                    &[("David Martin", "fonctionnaire")],
                ),
                (
                    "Jean Dupont, agriculteur d'une cinquantaine d'années, a parlé.",
                    &[("Jean Dupont", "agriculteur")],
                ),
                // One of many, whatever the noun, when it is a plural noun.
                (
                    "Boris Martin, l'un des organisateurs, a parlé.",
                    &[("Boris Martin", "un des organisateurs")],
                ),
                (
                    "Jean Dupont, l'un des plus grands architectes du monde, a parlé.",
                    &[("Jean Dupont", "un des plus grands architectes du monde")],
                ),
                ("Jean Dupont, l'un des plus beaux, a parlé.", &[]),
                ("Luc Henry, l'un des meilleurs, a parlé.", &[]),
                ("Jean Roux, l'un des trois, a parlé.", &[]),
                ("Olivier Garcia, l'un des leurs, a parlé.", &[]),
                ("Le club a perdu Jean Roux, l'un des siens, samedi.", &[]),
                // A status in the plural is no one's.
                ("Pour Jean Dupont, retraités, chômeurs et étudiants sont les premières victimes.", &[]),
            ],
        );
    }
}
