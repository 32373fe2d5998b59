//! Newspapers, broadcasters and agencies named in the text, and the places of speech where a
//! person's words reach the public through them: "sur RTL", "au micro de France Inter",
//! "invitée de LCI", "nos confrères du Parisien".

use std::sync::LazyLock;

use super::doc::Doc;
use super::gazetteer::phrase_key;
use super::quotes::speech_verb_at;
use super::util::{FxSet, lines_with_sections};

/// The forms of `assets/gazetteers/media.txt` and `outlets_en.txt`, folded: a title is
/// recognised whatever the entity recogniser made of it ("France 2" inside a show's name).
struct MediaForms {
    /// Folded keys of every form, also without a leading article ("figaro" for "Le Figaro").
    keys: FxSet<String>,
    /// The forms listed in lower case ("franceinfo"): only these match an uncapitalised word.
    lower: FxSet<String>,
    max_len: usize,
}

static MEDIA: LazyLock<MediaForms> = LazyLock::new(|| {
    let mut m = MediaForms { keys: FxSet::default(), lower: FxSet::default(), max_len: 1 };
    let no_abbreviations = FxSet::default();
    let lists = [
        include_str!("../../assets/gazetteers/media.txt"),
        include_str!("../../assets/gazetteers/outlets_en.txt"),
    ];
    for (_, line) in lists.into_iter().flat_map(lines_with_sections) {
        for form in line.split('|').map(str::trim).filter(|f| !f.is_empty()) {
            let key = phrase_key(form, &no_abbreviations);
            m.max_len = m.max_len.max(key.split(' ').count());
            if form.starts_with(char::is_lowercase) {
                m.lower.insert(key.clone());
            }
            if let Some(bare) = ["le ", "la ", "les ", "l' "].iter().find_map(|a| key.strip_prefix(a)) {
                m.keys.insert(bare.to_string());
            }
            m.keys.insert(key);
        }
    }
    m
});

/// Social networks carry a person's own words: that person is the source, not the network.
const NETWORKS: [&str; 9] =
    ["twitter", "facebook", "instagram", "youtube", "snapchat", "linkedin", "tiktok", "telegram", "whatsapp"];

/// Participles that put someone on the air: "interrogé sur RTL", "l'invitée de France Inter".
const ON_AIR: [&str; 14] = [
    "interroge",
    "interrogee",
    "interroges",
    "interrogees",
    "invite",
    "invitee",
    "invites",
    "invitees",
    "interviewe",
    "interviewee",
    "questionne",
    "questionnee",
    "interrogated",
    "interviewed",
];

/// Words before "sur" in a link to a video or a page, which is no place of speech.
const LINKS: [&str; 10] =
    ["regarder", "voir", "ecouter", "suivez", "suivre", "retrouvez", "retrouver", "lire", "abonnez", "nous"];

/// Nouns between a preposition and a broadcaster: "au micro de", "sur le plateau de",
/// "à l'antenne d'".
const STUDIO: [&str; 4] = ["micro", "antenne", "plateau", "ondes"];

/// Whether `name` is a listed newspaper, broadcaster or agency.
pub fn is_listed(name: &str) -> bool {
    MEDIA.keys.contains(&phrase_key(name, &FxSet::default()))
}

/// Whether `name` is a social network (also when a span runs on: "Twitter dimanche").
pub fn is_network(name: &str) -> bool {
    let first = name.split(' ').next().unwrap_or(name);
    NETWORKS.contains(&crate::text::fold::fold_str(first).as_str())
}

/// A listed newspaper, broadcaster or agency written at token `k`: the token after it.
pub fn medium_end(doc: &Doc, k: usize) -> Option<usize> {
    if !doc.is_word(k) {
        return None;
    }
    let mut key = String::new();
    let mut best = None;
    for j in k..(k + MEDIA.max_len).min(doc.len()) {
        if j > k {
            key.push(' ');
        }
        key.push_str(doc.folded(j));
        if MEDIA.keys.contains(&key) && (doc.cap(k) || MEDIA.lower.contains(&key)) {
            best = Some(j + 1);
        }
    }
    best
}

/// The media named from token `k` on, one after another, as token ranges: "RMC/BFMTV",
/// "RTL, LCI et Le Figaro".
pub fn media_from(doc: &Doc, k: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = k;
    while let Some(end) = medium_end(doc, at) {
        out.push((at, end));
        if !matches!(doc.tok(end), "/" | "-" | "," | "et" | "and") {
            break;
        }
        at = end + 1;
    }
    out
}

/// Media written as one hyphenated word run from token `k` on: "RTL-Le Figaro-LCI" (two
/// tokens for the tokenizer, three outlets), "RMC/BFMTV". Names as written; empty unless the
/// run opens on a listed outlet joined by a hyphen to another.
pub fn joined_media(doc: &Doc, k: usize) -> Vec<String> {
    if !doc.tok(k).contains('-') {
        return Vec::new();
    }
    let run = (k..k + 6).take_while(|&j| doc.is_word(j) || matches!(doc.tok(j), "/" | "-"));
    let words: Vec<&str> = run.flat_map(|j| doc.tok(j).split(['-', '/']).filter(|w| !w.is_empty())).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let found = (1..=MEDIA.max_len.min(words.len() - i)).rev().find(|&n| {
            let key = phrase_key(&words[i..i + n].join(" "), &FxSet::default());
            words[i].starts_with(char::is_uppercase) && MEDIA.keys.contains(&key)
        });
        let Some(n) = found else { break };
        out.push(words[i..i + n].join(" "));
        i += n;
    }
    if out.len() < 2 { Vec::new() } else { out }
}

/// Whether the preposition at `k` opens a studio word: "au micro", "sur le plateau de",
/// "à l'antenne" say where someone speaks, not what they are.
pub fn studio_after(doc: &Doc, k: usize) -> bool {
    let prep = matches!(doc.folded(k), "sur" | "au") || doc.tok(k) == "à";
    let s = if doc.is_determiner(k + 1) { k + 2 } else { k + 1 };
    prep && STUDIO.contains(&doc.folded(s))
}

/// Where a broadcaster or newspaper starts after the preposition at `k` ("sur", "à", "au",
/// "aux", or "de" after an on-air word): skips "le plateau de", "micro du", "l'antenne d'".
pub fn medium_slot(doc: &Doc, k: usize) -> Option<usize> {
    let prep = doc.folded(k);
    let after_on_air = matches!(prep, "de" | "du" | "d'")
        && k > 0
        && (ON_AIR.contains(&doc.folded(k - 1)) || doc.folded(k - 1) == "confreres");
    // "à" by its written form: folded, it is also the verb "a".
    if !matches!(prep, "sur" | "au" | "aux" | "on") && doc.tok(k) != "à" && !after_on_air {
        return None;
    }
    // "Regarder sur Figaro Live", "Suivez-nous sur …": a link, not a place of speech.
    if k > 0 && LINKS.contains(&doc.folded(k - 1)) {
        return None;
    }
    let mut s = k + 1;
    if doc.is_determiner(s) && STUDIO.contains(&doc.folded(s + 1)) {
        s += 1;
    }
    if STUDIO.contains(&doc.folded(s)) && matches!(doc.folded(s + 1), "de" | "du" | "d'") {
        s += 2;
    }
    // "invité du «Grand Jury» RTL-Le Figaro-LCI": past a programme's title in guillemets to
    // the outlets that air it.
    if doc.tok(s) == "«"
        && let Some(close) = (s + 1..s + 8).find(|&j| doc.tok(j) == "»")
        && (medium_end(doc, close + 1).is_some() || !joined_media(doc, close + 1).is_empty())
    {
        s = close + 1;
    }
    Some(s)
}

/// The sentence of token `k` reports speech: a speech verb or an on-air participle. A quote
/// alone is no sign: the press puts labels in guillemets too («gilets jaunes»).
pub fn sentence_reports_speech(doc: &Doc, k: usize) -> bool {
    let Some(range) = doc.sent_of.get(k).and_then(|&s| doc.sentences.get(s)) else {
        return false;
    };
    range.clone().any(|j| speech_verb_at(doc, j) || ON_AIR.contains(&doc.folded(j)))
}
