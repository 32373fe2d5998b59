//! Reported (indirect) speech in English: who the text cites when it gives their words without
//! quotation marks — "Tony Blair has said he does not want higher rates", "Andrew Stoddart
//! said that …". The English guideline counts that subject as a source; a speaker whose words
//! are only given between quotation marks is not one. The French guideline does not ("X a
//! indiqué que" is no source there: both French gold sets leave it out), so French text is
//! left alone.

use super::doc::Doc;
use super::entities::EntityIndex;
use super::quotes::{self, speech_verb_at};
use super::types::{Label, Lang};

/// Auxiliaries and adverbs allowed between the subject and its speech verb ("has also said").
const BETWEEN: [&str; 11] = [
    "has",
    "have",
    "had",
    "also",
    "already",
    "previously",
    "earlier",
    "later",
    "now",
    "recently",
    "repeatedly",
];

/// Verbs whose reported clause may come without "that" ("said he would"); others ("confirmed
/// the deal", "claimed the title", "proposed the idea") take an object there.
const CLAUSE_VERBS: [&str; 12] = [
    "said", "says", "insists", "insisted", "believes", "believed", "thinks", "thought", "argues", "argued",
    "reckons", "stated",
];

/// Prepositions that make the name before the verb their object, not the verb's subject
/// ("damages from the Daily Telegraph said", "the dismantling of the Springboks suggested").
/// "for" is not one: "a spokesman for X said that" cites X.
const PREPOSITIONS: [&str; 11] =
    ["from", "by", "with", "against", "to", "in", "on", "at", "of", "over", "about"];

/// Words that open an English clause given without "that": "said he would", "said the
/// plan was fair".
const CLAUSE_OPENERS: [&str; 20] = [
    "he", "she", "it", "they", "we", "i", "there", "this", "these", "those", "the", "a", "an", "his", "her",
    "its", "their", "our", "some", "no",
];

/// How far after the verb its "that" may come ("said in a statement on Monday that").
const THAT_REACH: usize = 8;

/// At the speech verb `k`: the named person or organisation that is its subject, when what
/// follows is reported speech rather than a quotation.
pub fn reporting_subject(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<String> {
    if doc.lang != Lang::En || !speech_verb_at(doc, k) {
        return None;
    }
    let mut s = k.checked_sub(1)?;
    while BETWEEN.contains(&doc.folded(s)) && s + 3 > k {
        s = s.checked_sub(1)?;
    }
    let end = doc.tokens.get(s)?.end;
    let subject = entities.ending_at(end)?;
    let first = subject.mentions.iter().find(|m| m.end == end).map(|m| m.start)?;
    let first_tok = doc.tokens.partition_point(|t| t.start < first);
    let named = match subject.label {
        Label::Per => !follows_article(doc, first_tok),
        Label::Org => true,
        _ => false,
    };
    let reported = introduces_reported_content(doc, k) || closes_unquoted_report(doc, first_tok, k);
    (reported && named && is_subject(doc, first_tok) && !common_word_opening(doc, first_tok, s))
        .then(|| subject.name.clone())
}

/// "Taxes will rise if Labour wins, Tory leader Michael Howard has claimed.": the attribution
/// ends a sentence whose words before the comma are not quoted.
fn closes_unquoted_report(doc: &Doc, first: usize, verb: usize) -> bool {
    let Some(range) = doc.sent_of.get(verb).and_then(|&i| doc.sentences.get(i)) else { return false };
    let ends_sentence = matches!(doc.tok(verb + 1), "." | "") || verb + 1 >= range.end;
    // The subject's title may come between the comma and the name ("Tory leader").
    let comma = (first.saturating_sub(4)..first).rev().find(|&j| doc.tok(j) == ",");
    ends_sentence
        && comma.is_some_and(|c| {
            c > range.start
                && (c + 1..first).all(|j| doc.is_word(j))
                && !(range.start..c).any(|j| is_quote_mark(doc, j))
        })
}

/// A quotation mark; a straight or curly apostrophe only when it stands apart from the word
/// before (an opening single quote), not a possessive ("the Tories' plan").
fn is_quote_mark(doc: &Doc, j: usize) -> bool {
    match doc.tok(j) {
        "‘" => true,
        "'" | "’" => j
            .checked_sub(1)
            .is_none_or(|p| doc.tokens.get(p).map(|t| t.end) != doc.tokens.get(j).map(|t| t.start)),
        tok => quotes::is_quote_mark(tok),
    }
}

/// Whether the name starting at token `first` is a subject, not the object of a preposition
/// ("damages from the Daily Telegraph said") or the last of a name cut by "and" ("the
/// Department for Culture, Media and Sport said").
fn is_subject(doc: &Doc, first: usize) -> bool {
    let Some(mut before) = first.checked_sub(1) else { return true };
    // "Media and Sport": "and" inside a capitalised name; "new talent and MTV reckons" is fine.
    if matches!(doc.folded(before), "and" | "&") && before.checked_sub(1).is_some_and(|p| doc.cap(p)) {
        return false;
    }
    if doc.folded(before) == "the" {
        let Some(b) = before.checked_sub(1) else { return true };
        before = b;
    }
    !PREPOSITIONS.contains(&doc.folded(before))
}

/// A person's name takes no article: after "the", a capitalised word is a description or a
/// recogniser's mistake ("The Baker said that …"), not a person's name.
fn follows_article(doc: &Doc, first: usize) -> bool {
    first.checked_sub(1).is_some_and(|b| matches!(doc.folded(b), "the" | "a" | "an"))
}

/// A one-word name opening a sentence that the text also writes in lower case ("Everybody
/// says that …"): a common word taken for a name.
fn common_word_opening(doc: &Doc, first: usize, last: usize) -> bool {
    first == last
        && doc.info.get(first).is_some_and(|i| i.initial)
        && doc.lower_seen.contains(doc.folded(first))
}

/// Whether the words after the verb at `k` are reported content: "that" right after it, after
/// a time or manner adverbial ("said on Monday that", "said in a statement that"), or after
/// the one told ("told reporters that"); or a clause opened at once ("said he would"). A
/// "that" further on is a relative ("said goodbye to the staff that had served him").
fn introduces_reported_content(doc: &Doc, k: usize) -> bool {
    let english_clause = CLAUSE_VERBS.contains(&doc.folded(k))
        && CLAUSE_OPENERS.contains(&doc.folded(k + 1))
        && !doc.newline_before(k + 1);
    let Some(that) = (k + 1..k + 1 + THAT_REACH)
        .take_while(|&j| j < doc.len() && !doc.newline_before(j) && !ends_reach(doc.tok(j)))
        .find(|&j| doc.folded(j) == "that")
    else {
        return english_clause;
    };
    english_clause
        || that == k + 1
        || ADVERBIAL_OPENERS.contains(&doc.folded(k + 1))
        || TELLING.contains(&doc.folded(k))
}

/// Words opening an adverbial between a speech verb and its "that".
const ADVERBIAL_OPENERS: [&str; 16] = [
    "on",
    "in",
    "at",
    "during",
    "last",
    "this",
    "earlier",
    "later",
    "yesterday",
    "today",
    "also",
    "again",
    "previously",
    "recently",
    "repeatedly",
    "after",
];

/// Verbs whose object (the one told) comes before "that": "told reporters that".
const TELLING: [&str; 8] =
    ["told", "tells", "telling", "warned", "assured", "informed", "reminded", "briefed"];

fn ends_reach(tok: &str) -> bool {
    matches!(tok, "." | ";" | ":" | "!" | "?") || quotes::is_quote_mark(tok)
}

#[cfg(test)]
mod tests {
    use crate::extract::{Options, extract};

    fn sources(text: &str) -> Vec<String> {
        extract(text, &Options::default()).sources
    }

    #[test]
    fn named_subject_of_reported_speech_is_a_source() {
        let cases = [
            ("Tony Blair has said he does not want higher tax rates for top earners.", "Tony Blair"),
            ("Andrew Stoddart said that the project had been driven by a new desire.", "Andrew Stoddart"),
            ("Mary Robinson said on Monday that the talks would resume in spring.", "Mary Robinson"),
            ("A spokesman for the Royal Society said that the report was accurate.", "Royal Society"),
            (
                "Fuel duty will rise if the plan passes, shadow chancellor Oliver Grant has claimed.",
                "Oliver Grant",
            ),
            ("The Tories' plan will fail, Oliver Grant has claimed.", "Oliver Grant"),
            ("Oliver Grant told reporters that the plan would fail.", "Oliver Grant"),
            ("Ms Anna Grant said it was difficult to say how quickly that would happen.", "Anna Grant"),
        ];
        for (text, want) in cases {
            let got = sources(text);
            assert!(got.iter().any(|s| s == want), "{want}: {got:?} in {text}");
        }
    }

    #[test]
    fn quoted_words_and_pronouns_make_no_reported_source() {
        for text in [
            "\"We will win,\" Tony Blair said. \"The plan is fair.\"",
            "Tony Blair said: \"We will win the next election.\"",
            "\"We will win the next election, and soon,\" Tony Blair said.",
            "« Nous gagnerons », a déclaré Jean Dupont lundi soir.",
            "Jean Dupont a déclaré : « Nous gagnerons. »",
            "He said that the plan was fair and would be kept.",
            // French guidelines cite no one for indirect speech.
            "Jean Dupont a indiqué que le trafic reprendrait lundi matin.",
            // An object of a preposition is not the subject; an object after the verb is no clause.
            "Mr Grant, who won damages from the Daily Mail said he was pleased with the result.",
            "The dismantling of the Wallabies suggested that the team was in decline.",
            "Pierre Martin claimed the title with a late goal in the second half.",
            // A later "that" is a relative pronoun, not the start of reported words.
            "Tony Blair said goodbye to the staff that had served him for years.",
            "A spokesman for the Department for Culture, Media and Sport said there were no plans.",
            "The Baker said that bread would cost more next year.",
        ] {
            let got = sources(text);
            assert!(got.is_empty(), "{got:?} in {text}");
        }
    }
}
