//! English roles given through a description that opens a sentence and stands for someone named
//! just before: "David McLetchie has resigned … The Scottish Conservative leader had insisted
//! …", "But substitute Graham was on hand … The 19-year-old striker nodding home …". English news
//! writes this way sentence after sentence; the French rules (`anaphora`) read articles and
//! clauses English does not have.
//!
//! The description must say which one (an age, words qualifying the title, a complement: a bare
//! "The chairman said" may be anyone). It goes to someone only when the sentence before names one
//! person and nobody else (a sentence naming no one is passed over, twice at most), with no
//! pronoun before the name that may be who is described; when that person holds no other title
//! in the text, nobody else holds this one, and the text did not bring in someone unnamed with it
//! ("a spokesman said … The spokesman added").

use std::ops::Range;

use super::anaphora::{
    NameMention, fullest_mention, name_mentions, role_head, surname, title_free_for, titled_elsewhere,
};
use super::{
    RoleMatch, complement_end, english_premodifiers, is_honorific, modifiers_back, person_name, title_at,
    title_head, title_tail,
};
use crate::extract::doc::Doc;
use crate::extract::quotes::quoted_mask;
use crate::extract::types::Lang;

/// A description opening a sentence: its role's first token, the title's end, the role's end,
/// and the title's head.
struct Description {
    start: usize,
    title_end: usize,
    end: usize,
    head: String,
    /// A noun of `DESCRIPTION_HEADS`, no title: it says nothing against a title the person holds.
    descriptive: bool,
}

/// The roles English descriptions opening a sentence give the person named just before.
pub(super) fn english_anaphoric_roles(doc: &Doc, found: &[RoleMatch], blocked: &[bool]) -> Vec<RoleMatch> {
    let mut out: Vec<RoleMatch> = Vec::new();
    if doc.lang != Lang::En {
        return out;
    }
    // English news quotes with straight quotation marks.
    let quoted = quoted_mask(doc);
    let mentions = name_mentions(doc, found, blocked, &quoted);
    let in_found = |k: usize| found.iter().any(|r| r.role_tokens.contains(&k) || r.name.contains(&k));
    // Read once a text, when a description first asks.
    let unnamed = std::cell::OnceCell::new();
    // The roles found so far, those this pass gives included ("The chancellor also hailed …
    // The shadow chancellor said").
    let mut known: Vec<RoleMatch> = found.to_vec();
    for (i, sentence) in doc.sentences.iter().enumerate().skip(1) {
        let p = sentence.start;
        if doc.tok(p) != "The" || quoted.get(p).copied().unwrap_or(true) {
            continue;
        }
        let Some(d) = description_after(doc, p + 1, blocked) else { continue };
        let unnamed = unnamed.get_or_init(|| introduced_unnamed(doc, blocked));
        if (d.start..d.end).any(in_found) || unnamed.iter().any(|(h, at)| *h == d.head && *at < p) {
            continue;
        }
        let found = known.as_slice();
        let Some(holder) = holder_before(doc, &mentions, i, |m| other_office(doc, found, &d, m)) else {
            continue;
        };
        // "Former chancellor Gordon Brown spoke. The chancellor said": the one in office now.
        // Another office of the same title is no rival holder of this one either.
        let same_office: Vec<RoleMatch> =
            found.iter().filter(|r| !another_office(doc, r, &d)).cloned().collect();
        if other_office(doc, found, &d, holder)
            // "Andrew Marr, BBC political editor, … The prime minister": someone else.
            || !d.descriptive && titled_elsewhere(doc, found, &d.head, holder)
            || !title_free_for(doc, &same_office, &d.head, holder, (d.start, d.end))
        {
            continue;
        }
        // "The top seed … was leading when Nieminen pulled out": the one the sentence names
        // again is someone beside the one described.
        let last = surname(doc, &holder.tokens);
        let sentence_end = doc.sentences.get(i).map_or(d.end, |s| s.end);
        // ("… take the title of Lord Kinnock": a title of theirs makes it a name they bear.)
        let bare_again = |j: usize| doc.folded(j) == last && !(j > 0 && doc.cap(j - 1));
        if (d.end..sentence_end).any(bare_again) {
            continue;
        }
        let Some(name) = fullest_mention(&mentions, &holder.key) else { continue };
        let role = doc.span_text(d.start, d.end).to_string();
        if !out.iter().any(|r| r.role == role && r.name == name) {
            let r = RoleMatch { name, role_tokens: d.start..d.title_end, role };
            known.push(r.clone());
            out.push(r);
        }
    }
    out
}

/// The description from `t` on (the article before it): [an age] [modifiers and whom the title
/// serves] TITLE [complement], and then its verb, in lowercase: "The 28-year-old 800 metres
/// runner has", "The former Chelsea striker is", "The Wales coach said". Not a title a name
/// follows ("The Wales coach Mike Ruddock"): that is the holder's own, read where it stands.
fn description_after(doc: &Doc, t: usize, blocked: &[bool]) -> Option<Description> {
    // "The 28-year-old": an age says who, not what.
    let f = doc.folded(t);
    let aged = f.ends_with("-year-old") && f.starts_with(|c: char| c.is_ascii_digit());
    let t = if aged { t + 1 } else { t };
    let (k, head, te) = (t..t + 5).find_map(|k| match title_head(doc, k) {
        Some((head, false)) => Some((k, head, title_tail(doc, title_at(doc, k)?))),
        _ if !doc.cap(k) && DESCRIPTION_HEADS.contains(&doc.folded(k)) => {
            Some((k, doc.folded(k).to_string(), k + 1))
        }
        _ => None,
    })?;
    // Every word between the article and the title qualifies the title.
    if modifiers_back(doc, english_premodifiers(doc, k, blocked)) != t {
        return None;
    }
    if person_name(doc, te, blocked).is_some() || is_honorific(doc, te) {
        return None;
    }
    let ce = complement_end(doc, te, 8).max(te);
    // "The prime minister and his chancellor arrived": two subjects, the first bare.
    let another_subject = |j: usize| doc.is_determiner(j + 1) || is_possessive(doc, j + 1);
    if (te..ce).any(|j| matches!(doc.folded(j), "and" | "or") && another_subject(j)) {
        return None;
    }
    // "The barrister who had represented Mr Martin": a relative clause brings in someone new.
    let next = doc.folded(ce);
    let verb = doc.is_word(ce)
        && !doc.cap(ce)
        && !matches!(next, "and" | "or" | "of" | "'s" | "who" | "whose" | "that" | "which")
        && !names_another(doc, ce);
    // A bare title ("The chairman said", "The referee sent off") may be anyone in the story: only
    // a description that says which one (an age, words qualifying the title, a complement) is
    // the person just named.
    let specific = aged || k > t || ce > te;
    // "The judge remanded him in custody": the one named before is who it acts on.
    // (A text may end on the description: no sentence holds its end.)
    let sentence = *doc.sent_of.get(ce)?;
    let acts_on_him =
        (ce..ce + 12).take_while(|&j| doc.sent_of.get(j) == Some(&sentence)).any(|j| doc.folded(j) == "him");
    let descriptive = DESCRIPTION_HEADS.contains(&head.as_str());
    (verb && specific && !acts_on_him).then_some(Description {
        start: t,
        title_end: te,
        end: ce,
        head,
        descriptive,
    })
}

/// Whether the word at `j` is a possessive determiner ("his", "her", "their", "its").
fn is_possessive(doc: &Doc, j: usize) -> bool {
    matches!(doc.folded(j), "his" | "her" | "their" | "its")
}

/// Nouns that describe someone in the news without being titles: read only here, in lower case
/// after "The" opening a sentence, with words that say which one ("The punk pioneer follows …",
/// "The home favourite will face …"). Before a name they name works as often ("the favourite
/// Jonathan Strange").
/// ("youngster", "teenager", "favourite" are left out: as often someone else of the story, the
/// accused, a horse.)
const DESCRIPTION_HEADS: [&str; 3] = ["pioneer", "veteran", "icon"];

/// "The winner in the poetry category was Jean Valentine": the description's verb says who it
/// is, someone else.
fn names_another(doc: &Doc, ce: usize) -> bool {
    let sentence = doc.sent_of[ce];
    (ce..ce + 8)
        .take_while(|&j| doc.sent_of.get(j) == Some(&sentence))
        .find(|&j| matches!(doc.folded(j), "is" | "was"))
        .is_some_and(|j| doc.cap(j + 1))
}

/// The titles the text brings in with an indefinite article or a possessive, for someone it
/// does not name, and where: "a spokesman said … The spokesman added", "his lawyer …" ("the
/// prime minister's official spokesman": the words qualifying the title are passed over).
fn introduced_unnamed(doc: &Doc, blocked: &[bool]) -> Vec<(String, usize)> {
    (1..doc.len())
        .filter_map(|i| {
            let (head, _) = title_head(doc, i)?;
            let rs = modifiers_back(doc, english_premodifiers(doc, i, blocked));
            let p = rs.checked_sub(1)?;
            matches!(doc.folded(p), "a" | "an" | "his" | "her" | "their" | "its" | "one" | "'s" | "’s")
                .then_some((head, i))
        })
        .collect()
}

/// The person the description opening sentence `i` stands for: the one person the sentence
/// before names, with no pronoun before that names someone else ("He was promoted following the
/// departure of Arthur Cox. The former England defender …" is not Cox), the sentence not itself
/// about someone described.
/// People `elsewhere` says hold another office of the same title are not counted ("… dubbing Mr
/// Brown \"Sir Wastealot\". The shadow chancellor said": Mr Brown is the chancellor).
fn holder_before<'m>(
    doc: &Doc,
    mentions: &'m [NameMention],
    i: usize,
    elsewhere: impl Fn(&NameMention) -> bool,
) -> Option<&'m NameMention> {
    let named_in = |s: &Range<usize>| {
        mentions.iter().filter(|m| s.contains(&m.tokens.start) && !elsewhere(m)).collect::<Vec<_>>()
    };
    // A sentence naming no one (a quotation, "He won in 2002.") is about the same person: look
    // further back, twice at most.
    // ("The victim was found dead. The judge …": a sentence about someone described stops it.)
    let described = |s: &Range<usize>| doc.tok(s.start) == "The";
    let mut b = i.checked_sub(1)?;
    let mut named = named_in(doc.sentences.get(b)?);
    while named.is_empty() && b + 3 > i && b > 0 {
        if described(doc.sentences.get(b)?) {
            return None;
        }
        b -= 1;
        named = named_in(doc.sentences.get(b)?);
    }
    let first = *named.first()?;
    let sentence = doc.sentences.get(b)?;
    let pronoun = (sentence.start..first.tokens.start).any(|j| PRONOUNS.contains(&doc.folded(j)));
    // "The Australian world number three strolled … as Minar won the next five. The top seed
    // …": a sentence about someone described goes on about them.
    let described = described(sentence);
    // "Hreidarsson received Danny Murphy's free-kick.": a word opening the sentence is no
    // mention (it may be any word), but it names someone when the text names them elsewhere.
    let s0 = sentence.start;
    let unlisted_surname = doc.cap(s0)
        && !mentions.iter().any(|m| m.tokens.contains(&s0))
        && mentions.iter().any(|m| m.key != first.key && surname(doc, &m.tokens) == doc.folded(s0));
    (!pronoun && !described && !unlisted_surname && named.iter().all(|m| m.key == first.key)).then_some(first)
}

/// Whether the person `m` names holds another office of the description's title (see
/// `another_office`).
fn other_office(doc: &Doc, found: &[RoleMatch], d: &Description, m: &NameMention) -> bool {
    found.iter().any(|r| surname(doc, &r.name) == surname(doc, &m.tokens) && another_office(doc, r, d))
}

/// Whether role `r` has the description's title for another office: one of them says
/// "shadow", "deputy", "vice", "assistant" or "former" and the other does not ("chancellor"
/// against "shadow chancellor").
fn another_office(doc: &Doc, r: &RoleMatch, d: &Description) -> bool {
    const OTHER: [&str; 6] = ["shadow", "deputy", "vice", "assistant", "former", "ex"];
    let marked = |w: &str| OTHER.contains(&w) || w.starts_with("ex-");
    let described = (d.start..d.end).any(|i| marked(doc.folded(i)));
    let held = r.role.to_lowercase().split_whitespace().any(marked);
    role_head(doc, r).is_some_and(|h| h == d.head) && held != described
}

/// Pronouns that speak of someone a sentence does not name (folded).
const PRONOUNS: [&str; 8] = ["he", "she", "his", "her", "they", "their", "him", "i"];

#[cfg(test)]
mod tests {
    use crate::extract::types::Lang;

    fn assert_cases(cases: &[(&str, &[(&str, &str)])]) {
        super::super::tests::assert_cases_in(Some(Lang::En), cases);
    }

    #[test]
    fn a_description_opening_a_sentence_is_the_one_person_named_before() {
        assert_cases(&[
            (
                "Mr Jane Roberts then cut the budget. The Welsh finance minister said the money had gone.",
                &[("Jane Roberts", "Welsh finance minister")],
            ),
            // An age is left out of the role; a sentence naming no one is passed over.
            (
                "Tom Hardy won in Leeds. \"I was ready.\" The 24-year-old sprinter has won twice since.",
                &[("Tom Hardy", "sprinter")],
            ),
        ]);
    }

    #[test]
    fn a_noun_describing_someone_is_read_after_the_one_named_whatever_their_title() {
        assert_cases(&[
            (
                "Rock star Patti Smith has been made artistic director of the festival, to be held at London's \
                 South Bank Centre.\n\nThe punk pioneer follows Morrissey in directing the concerts.",
                &[
                    ("Patti Smith", "Rock star"),
                    ("Patti Smith", "artistic director of the festival"),
                    ("Patti Smith", "punk pioneer"),
                ],
            ),
            // Two subjects, the first bare: "The prime minister and his chancellor arrived" (the
            // office table alone gives "prime minister", the one holder of any time named).
            (
                "Tony Blair spoke in Leeds.\n\nThe prime minister and his chancellor arrived within seconds of each other.",
                &[("Tony Blair", "prime minister")],
            ),
            // Named again in the description's sentence: someone beside the one described.
            (
                "Federer's route was made easy when opponent Jarkko Nieminen was forced to retire.\n\nThe top seed and defending champion was leading when Nieminen pulled out.",
                &[],
            ),
            (
                "Neil Kinnock has joined the Lords.\n\nThe former Labour leader said he would take the title of Lord Kinnock of Bedwellty.",
                &[("Neil Kinnock", "former Labour leader")],
            ),
            // Bare, it may be anyone.
            (
                "Rock star Patti Smith has been made artistic director of the festival.\n\nThe pioneer follows Morrissey in directing the concerts.",
                &[("Patti Smith", "Rock star"), ("Patti Smith", "artistic director of the festival")],
            ),
        ]);
    }

    #[test]
    fn a_description_with_someone_else_in_view_names_nobody() {
        assert_cases(&[
            // Two people named.
            ("Tom Hardy beat Sam Cole. The sprinter said he was happy.", &[]),
            // A pronoun before the name: "he" may be who is described.
            ("He was promoted after Sam Cole left. The former England defender said it was time.", &[]),
            // A surname opening the sentence that the text names elsewhere.
            ("Cole passed to Tom Hardy. The striker scored. Sam Cole left.", &[]),
            // The sentence before is about someone described.
            ("The Australian champion strolled as Tom Hardy won. The top seed recovered.", &[]),
            // Someone unnamed brought in with the title, a relative clause, a name after the verb.
            ("A spokesman met Tom Hardy. The spokesman said no.", &[]),
            ("The prime minister's official spokesman met Tom Hardy. The spokesman said no.", &[]),
            ("Tom Hardy was jailed. The barrister who had represented him said no.", &[]),
            ("Tom Hardy won the prize. The winner in the poetry category was Sam Cole.", &[]),
            // A bare title may be anyone in the story; a description acting on "him" is not him;
            // a sentence about someone described stops the look back.
            ("Mark Evans was sacked in March. The chairman said the club needed a fresh start.", &[]),
            (
                "Mark Evans, 34, was charged on Monday. The victim was found dead in her flat. The \
                 Crown Court judge remanded him in custody.",
                &[],
            ),
            ("Mark Evans was charged on Monday. The Crown Court judge remanded him in custody.", &[]),
        ]);
    }

    #[test]
    fn a_description_of_another_title_or_a_title_held_before_names_nobody() {
        assert_cases(&[
            (
                "BBC political editor Andrew Marr spoke. The prime minister said the war was right.",
                &[("Andrew Marr", "BBC political editor")],
            ),
            (
                "Former coach Tom Hardy spoke. The coach said the team was ready.",
                &[("Tom Hardy", "Former coach")],
            ),
        ]);
    }

    #[test]
    fn another_office_of_the_same_title_is_no_rival() {
        assert_cases(&[(
            "Chancellor Tom Hardy spoke on Monday. He hailed the growth. But Peter Cole, for the \
             Tories, attacked the debt, dubbing Mr Hardy a spendthrift. The shadow chancellor said the \
             rule had failed.",
            &[("Tom Hardy", "Chancellor"), ("Peter Cole", "shadow chancellor")],
        )]);
    }

    #[test]
    fn creators_directors_of_a_kind_and_who_was_made_one() {
        assert_cases(&[
            (
                "The prize went to Tom Hardy, creator of The Bright Hours, on Monday.",
                &[("Tom Hardy", "creator of The Bright Hours")],
            ),
            (
                "Jane Roberts has been made artistic director of the festival.",
                &[("Jane Roberts", "artistic director of the festival")],
            ),
            ("Jane Roberts was made redundant last year.", &[]),
        ]);
    }

    #[test]
    fn a_plural_title_names_each_of_the_people_joined_by_and() {
        assert_cases(&[(
            "She trained in Kenya with 1500m runners Ann Lee and Mary Stone.",
            &[("Ann Lee", "1500m runners"), ("Mary Stone", "1500m runners")],
        )]);
    }
}
