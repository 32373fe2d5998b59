//! Quotations in «…», “…”, „…“ and "…", with the speaker when the text names one:
//! after the quote ("», ont souligné les autorités maliennes", "," said Tony Blair", "," X said")
//! or before it ("X a déclaré : «", "X said: "", "selon X, «", "according to X, "").
//! A speaker given as a pronoun ("», a-t-il dit", "," she said", "Il a déclaré : «") is taken to
//! be the person named last before the quote, within the few sentences before it.

use super::doc::Doc;
use super::entities::EntityIndex;
use super::gazetteer::GAZ;
use super::types::{Entity, Quote};

/// Words that end a speaker noun phrase.
const NP_STOP: [&str; 34] = [
    "sans", "dans", "lors", "en", "qui", "que", "qu'", "pour", "avant", "apres", "avec", "sur", "mais", "et",
    "car", "with", "in", "on", "at", "after", "who", "which", "to", "as", "during", "but", "and", "when",
    "while", "on", "adding", "ajoutant", "lundi", "monday",
];

const PRONOUNS: [&str; 14] =
    ["il", "elle", "ils", "elles", "on", "he", "she", "they", "it", "we", "i", "je", "nous", "lui"];

const AUX: [&str; 12] =
    ["a", "ont", "avait", "avaient", "aurait", "has", "had", "have", "a-t-il", "a-t-elle", "was", "were"];

/// Singular personal pronouns: in news, the person last named.
const PERSONAL: [&str; 4] = ["il", "elle", "he", "she"];

/// How many sentences back a pronoun looks for the person it stands for.
const PRONOUN_REACH: usize = 3;

/// Who a pronoun speaker is.
enum Speaker {
    Named(String),
    Pronoun,
}

/// The verb of an inverted verb–pronoun token ("ajoute-t-il" → "ajoute", "dit-elle" → "dit",
/// "a-t-il" → "a"), when the pronoun is a singular personal one.
fn inverted_verb(folded: &str) -> Option<&str> {
    let (verb, pronoun) = folded.rsplit_once('-')?;
    matches!(pronoun, "il" | "elle").then(|| verb.strip_suffix("-t").unwrap_or(verb))
}

fn closing_for(open: &str) -> Option<&'static [&'static str]> {
    match open {
        "«" => Some(&["»"]),
        "“" => Some(&["”", "“"]),
        "„" => Some(&["“", "”"]),
        "\"" => Some(&["\""]),
        _ => None,
    }
}

/// Which way a straight quotation mark faces, judged by the characters around it.
#[derive(PartialEq)]
enum Facing {
    Opening,
    Closing,
    Unclear,
}

fn facing(doc: &Doc, k: usize) -> Facing {
    let Some(t) = doc.tokens.get(k) else { return Facing::Unclear };
    let before = doc.text.get(..t.start).and_then(|s| s.chars().next_back());
    let after = doc.text.get(t.end..).and_then(|s| s.chars().next());
    let open_side = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || "([{—–-/".contains(c));
    let close_side = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || ".,;:!?)]}—–-".contains(c));
    match (open_side(before) && !close_side(after), close_side(after) && !open_side(before)) {
        (true, false) => Facing::Opening,
        (false, true) => Facing::Closing,
        _ => Facing::Unclear,
    }
}

pub fn find_quotes(doc: &Doc, entities: &EntityIndex) -> Vec<Quote> {
    let mut out = Vec::new();
    let n = doc.len();
    let mut k = 0;
    // The previous quote: its closing token, whether it ran on into this one without its
    // closing mark (news copy drops it when a quotation continues in a new paragraph), and its
    // speaker.
    let mut previous: Option<(usize, bool, Option<String>)> = None;
    while k < n {
        let Some(closers) = closing_for(doc.tok(k)) else {
            k += 1;
            continue;
        };
        let straight = doc.tok(k) == "\"";
        if straight && facing(doc, k) == Facing::Closing {
            k += 1;
            continue;
        }
        let Some(close) = (k + 1..n.min(k + 1500)).find(|&j| closers.contains(&doc.tok(j))) else {
            k += 1;
            continue;
        };
        let runs_on = straight && facing(doc, close) == Facing::Opening;
        let words = (k + 1..close).filter(|&j| doc.is_word(j)).count();
        let (Some(open_t), Some(close_t)) = (doc.tokens.get(k), doc.tokens.get(close)) else {
            break;
        };
        let inner = doc.text.get(open_t.end..close_t.start).unwrap_or("");
        let trimmed_start = open_t.end + (inner.len() - inner.trim_start_matches(is_trim).len());
        let inner_t = inner.trim_matches(is_trim);
        let start = trimmed_start;
        let end = start + inner_t.len();
        let after = if runs_on { None } else { speaker_after(doc, close + 1, entities) };
        let inherited = previous
            .take()
            .filter(|&(prev_close, ran_on, _)| ran_on || follows(doc, prev_close, k))
            .and_then(|p| p.2);
        let speaker = match after.or_else(|| speaker_before(doc, k, entities)) {
            Some(Speaker::Named(name)) => Some(name),
            Some(Speaker::Pronoun) => person_before(doc, k, entities).or(inherited),
            None => inherited,
        };
        if words >= 3 || speaker.is_some() && words >= 1 {
            out.push(Quote {
                start,
                end,
                text: inner_t.to_string(),
                speaker: speaker.clone(),
                speaker_origin: None,
            });
        }
        previous = Some((close, runs_on, speaker));
        // A run-on quote ends where the next one opens; that one starts from its opening mark.
        k = if runs_on { close } else { close + 1 };
    }
    out
}

/// Whether the quote opening at token `open` continues the one closed at `prev_close`: same
/// paragraph, at most one short sentence between (the attribution: ""…," she said. "…""), and
/// the new quote opens a sentence. "… said. Critics disagreed. "…"" is someone else.
fn follows(doc: &Doc, prev_close: usize, open: usize) -> bool {
    let ends_sentence = |j: usize| matches!(doc.tok(j), "." | "!" | "?" | "…");
    open > prev_close
        && open - prev_close <= 12
        && (open == prev_close + 1 || ends_sentence(open - 1))
        && !(prev_close + 1..open.saturating_sub(1)).any(ends_sentence)
        && !(prev_close + 1..=open).any(|j| doc.newline_before(j))
}

/// The person named last before the quote opening at token `open`, within `PRONOUN_REACH`
/// sentences, leaving out names too thin to trust.
fn person_before(doc: &Doc, open: usize, entities: &EntityIndex) -> Option<String> {
    let sentence = *doc.sent_of.get(open)?;
    let first = doc.sentences.get(sentence.saturating_sub(PRONOUN_REACH))?.start;
    let from = doc.tokens.get(first)?.start;
    let before = doc.tokens.get(open)?.start;
    // A lone one-word name seen once, without "Mr" or "Mme" before it, is as likely a
    // mislabelled place in a list as a person.
    let salient = |e: &Entity, start: usize| {
        let k = doc.tokens.partition_point(|t| t.start < start);
        let honorific_before = k > 0 && GAZ.honorifics.contains(doc.folded(k - 1));
        e.mentions.len() > 1 || e.name.contains(' ') || honorific_before
    };
    entities.last_person_between(from, before, salient).map(|e| e.name.clone())
}

fn is_trim(c: char) -> bool {
    super::tokenize::is_space(c) || c == ','
}

/// Entity name for a mention starting at token k, if any.
fn entity_at(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<(String, usize)> {
    let start = doc.tokens.get(k)?.start;
    let (e, end) = entities.starting_at(start)?;
    let end_tok = (k..doc.len()).find(|&j| doc.tokens.get(j).is_some_and(|t| t.end >= end))?;
    Some((e.name.clone(), end_tok + 1))
}

/// Noun phrase starting at k: determiner + words up to punctuation or a stop word.
pub fn noun_phrase(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<String> {
    let mut s = k;
    if PRONOUNS.contains(&doc.folded(s)) {
        return None;
    }
    // A named entity directly (possibly after an article).
    if let Some((name, _)) = entity_at(doc, s, entities) {
        return Some(name);
    }
    if doc.is_determiner(s)
        && let Some((name, _)) = entity_at(doc, s + 1, entities)
    {
        return Some(name);
    }
    let mut j = s;
    while j < doc.len() && j < s + 8 {
        let f = doc.folded(j);
        if !doc.is_word(j) && doc.elision(j).is_none()
            || NP_STOP.contains(&f)
            || (j > s && doc.newline_before(j))
        {
            break;
        }
        j += 1;
    }
    // Drop a trailing determiner/preposition.
    while j > s
        && matches!(doc.folded(j - 1), "de" | "du" | "des" | "d'" | "la" | "le" | "les" | "l'" | "of" | "the")
    {
        j -= 1;
    }
    if j == s {
        return None;
    }
    if doc.folded(s) == "selon" || doc.folded(s) == "according" {
        s += 1;
    }
    let t = doc.span_text(s, j);
    (!t.is_empty()).then(|| t.to_string())
}

fn speaker_after(doc: &Doc, mut k: usize, entities: &EntityIndex) -> Option<Speaker> {
    if matches!(doc.tok(k), "," | ".") && doc.tok(k) == "," {
        k += 1;
    }
    // "», ajoute-t-il" / "», a-t-elle déclaré" / "," he said" / "," she told reporters"
    if let Some(verb) = inverted_verb(doc.folded(k))
        && (GAZ.is_speech_verb(verb) || AUX.contains(&verb) && GAZ.is_speech_verb(doc.folded(k + 1)))
    {
        return Some(Speaker::Pronoun);
    }
    if PERSONAL.contains(&doc.folded(k)) {
        let v = if AUX.contains(&doc.folded(k + 1)) { k + 2 } else { k + 1 };
        return GAZ.is_speech_verb(doc.folded(v)).then_some(Speaker::Pronoun);
    }
    named_speaker_after(doc, k, entities).map(Speaker::Named)
}

fn named_speaker_after(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<String> {
    // "», ont souligné X" / "», précise X" / "," said X"
    let mut v = k;
    if AUX.contains(&doc.folded(v)) {
        v += 1;
    }
    // Inverted pronoun with hyphen ("a-t-il souligné") is one token or two; skip "-t-il".
    if GAZ.is_speech_verb(doc.folded(v)) && !doc.cap(v) {
        // "» ajoute-t-il" style: nothing named.
        return noun_phrase(doc, v + 1, entities);
    }
    // "," X said / X a déclaré / "," Mayor X said
    let mut named = k;
    while named < k + 3
        && (GAZ.titles.contains(doc.folded(named)) || GAZ.honorifics.contains(doc.folded(named)))
    {
        named += 1;
    }
    if let Some((name, end)) = entity_at(doc, named, entities) {
        let mut w = end;
        if AUX.contains(&doc.folded(w)) {
            w += 1;
        }
        if GAZ.is_speech_verb(doc.folded(w)) {
            return Some(name);
        }
    }
    // "," the minister said  (short NP then verb)
    for w in k + 1..(k + 6).min(doc.len()) {
        if GAZ.speech_en.contains(doc.folded(w)) && !doc.cap(w) {
            if doc.is_determiner(k) {
                return noun_phrase(doc, k, entities)
                    .map(|s| {
                        let verb = doc.tok(w);
                        s.trim_end_matches(verb).trim().to_string()
                    })
                    .filter(|s| !s.is_empty());
            }
            break;
        }
        if !doc.is_word(w) {
            break;
        }
    }
    None
}

fn speaker_before(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<Speaker> {
    let mut v = k.checked_sub(1)?;
    if matches!(doc.tok(v), ":" | ",") {
        v = v.checked_sub(1)?;
    }
    // "selon X, «" / "according to X, “"
    let sent_start = doc.sent_of.get(k).and_then(|&s| doc.sentences.get(s)).map_or(0, |r| r.start);
    for s in (sent_start..=v).rev().take(8) {
        let f = doc.folded(s);
        if f == "selon" || (f == "according" && doc.folded(s + 1) == "to") {
            let np = if f == "according" { s + 2 } else { s + 1 };
            return noun_phrase(doc, np, entities).map(Speaker::Named);
        }
    }
    // The verb may come a few words before the colon: "X told the BBC:", "X a déclaré à
    // la presse :", "X said in a statement:".
    if doc.tok(k.saturating_sub(1)) == ":" {
        let clause =
            (sent_start..=v).rev().take(6).take_while(|&j| doc.is_word(j) || doc.elision(j).is_some());
        v = clause.into_iter().find(|&j| GAZ.is_speech_verb(doc.folded(j)) && !doc.cap(j)).unwrap_or(v);
    }
    if !GAZ.is_speech_verb(doc.folded(v)) {
        return None;
    }
    // subject before the verb (and auxiliary)
    let mut e = v;
    if e > 0 && AUX.contains(&doc.folded(e - 1)) {
        e -= 1;
    }
    // "Il a déclaré : «", "She said: “"
    if e > sent_start && PERSONAL.contains(&doc.folded(e - 1)) {
        return Some(Speaker::Pronoun);
    }
    let mut s = e;
    while s > sent_start && doc.is_word(s - 1) && e - s < 8 {
        s -= 1;
    }
    while s < e && (doc.common_capitalised(s) && !doc.is_determiner(s)) {
        s += 1;
    }
    if s >= e || PRONOUNS.contains(&doc.folded(s)) {
        return None;
    }
    // Prefer a named entity ending right before the verb ("Le porte-parole Jean Dupont a dit").
    for p in s..e {
        if let Some((name, end)) = entity_at(doc, p, entities)
            && end == e
        {
            return Some(Speaker::Named(name));
        }
    }
    Some(Speaker::Named(doc.span_text(s, e).to_string()))
}
