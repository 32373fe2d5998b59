//! English roles: the lowercase nouns a title is compounded with ("transport spokesman", "road
//! safety head"), two roles joined by "and", a run of ranks standing before a name after a comma
//! ("the head of the unit, Detective Chief Superintendent, Jane Reed") and the letters after a
//! name ("Jane Reed MP").

use std::ops::Range;

use super::super::doc::Doc;
use super::super::gazetteer::GAZ;
use super::super::types::{Label, Lang};
use super::{MODIFIERS, PRE_MODIFIERS, RoleMatch, title_at};

/// Plural nouns that still qualify a title ("sports minister", "home affairs spokesman", "human
/// rights lawyer"); other words in -s before a title are mostly verbs ("Labour wants").
const PLURAL_NOUN_MODIFIERS: [&str; 32] = [
    "reviews",
    "telecoms",
    "markets",
    "securities",
    "equities",
    "commodities",
    "systems",
    "logistics",
    "pensions",
    "drugs",
    "weapons",
    "elections",
    "schools",
    "exports",
    "sports",
    "arts",
    "news",
    "affairs",
    "rights",
    "customs",
    "communications",
    "relations",
    "resources",
    "services",
    "operations",
    "sales",
    "games",
    "works",
    "economics",
    "politics",
    "athletics",
    "electronics",
];

/// Words after which a noun phrase opens: articles, possessives, prepositions, conjunctions.
/// After a pronoun, a modal or an adverb a verb comes first ("they eye captain X", "has already
/// lost winger X"); after "to" too when it is one of `TO_VERBS`.
const OPENS_NOUN_PHRASE: [&str; 66] = [
    "the",
    "behind",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "of",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "into",
    "as",
    "like",
    "alongside",
    "including",
    "between",
    "among",
    "about",
    "against",
    "after",
    "before",
    "under",
    "over",
    "without",
    "within",
    "via",
    "and",
    "or",
    "but",
    "nor",
    "then",
    "to",
    "how",
    "when",
    "where",
    "why",
    "while",
    "if",
    "because",
    "since",
    "until",
    "although",
    "though",
    "than",
    "whether",
    "yet",
    "so",
    "either",
    "neither",
    "both",
    "each",
    "every",
    "another",
];

/// Pronouns a verb follows: capitalised at the start of a sentence they still open no noun
/// phrase ("They eye captain X").
const SUBJECT_PRONOUNS: [&str; 8] = ["i", "you", "he", "she", "it", "we", "they", "who"];

/// Verbs that follow "to" before a title and its holder ("to oust chairman X", "to support
/// prime minister X"): after "to" these are no nouns qualifying the title.
const TO_VERBS: [&str; 24] = [
    "oust",
    "push",
    "support",
    "succeed",
    "sign",
    "face",
    "back",
    "help",
    "visit",
    "challenge",
    "persuade",
    "allow",
    "force",
    "congratulate",
    "recruit",
    "lure",
    "poach",
    "convince",
    "stop",
    "defeat",
    "play",
    "watch",
    "remove",
    "suspend",
];

/// Words opening an English sentence that are no complement of the title after them, though
/// capitalised there (folded): prepositions, greetings, moods ("Despite Home Secretary X",
/// "Furious Chelsea manager X").
pub(super) const NO_COMPLEMENT_OPENERS: [&str; 27] = [
    "despite",
    "unlike",
    "like",
    "outside",
    "inside",
    "once",
    "dear",
    "welcome",
    "sorry",
    "hello",
    "thanks",
    "behind",
    "beside",
    "alongside",
    "against",
    "without",
    "within",
    "amid",
    "among",
    "towards",
    "toward",
    "including",
    "following",
    "angry",
    "furious",
    "delighted",
    "frustrated",
];

/// Nouns of time, which date what follows rather than qualify it ("last year actor X", "the first
/// time actress X").
const TIME_NOUNS: [&str; 19] = [
    "today",
    "tonight",
    "tomorrow",
    "yesterday",
    "year",
    "minute",
    "week",
    "month",
    "day",
    "time",
    "season",
    "night",
    "morning",
    "afternoon",
    "evening",
    "weekend",
    "decade",
    "century",
    "hour",
];

/// Verb forms that take a person as object, before a title and its holder ("a poll saw director
/// X", "nominees include singer X", "Chelsea brought striker X on").
const VERBS: [&str; 48] = [
    "upset",
    "include",
    "marry",
    "prevent",
    "sue",
    "feature",
    "meet",
    "join",
    "beat",
    "win",
    "lose",
    "keep",
    "hold",
    "bring",
    "find",
    "appoint",
    "elect",
    "replace",
    "urge",
    "ask",
    "thank",
    "praise",
    "blame",
    "criticise",
    "criticize",
    "accuse",
    "sack",
    "hire",
    "let",
    "make",
    "take",
    "give",
    "get",
    "put",
    "see",
    "saw",
    "gave",
    "became",
    "become",
    "took",
    "made",
    "won",
    "met",
    "lost",
    "got",
    "kept",
    "brought",
    "found",
];

/// Nouns in -ing that qualify a title ("marketing director", "banking analyst"); other words in
/// -ing before a title are participles ("leading", "visiting").
const ING_NOUNS: [&str; 18] = [
    "housing",
    "marketing",
    "banking",
    "building",
    "training",
    "funding",
    "planning",
    "advertising",
    "engineering",
    "publishing",
    "licensing",
    "broadcasting",
    "manufacturing",
    "shipping",
    "clothing",
    "accounting",
    "mining",
    "polling",
];

/// Whether the lowercase word at `i` can qualify a title after it as a noun or an adjective:
/// not a function word, a reporting verb, an adverb, a participle, a number or a verb in -s.
fn noun_modifier(doc: &Doc, i: usize) -> bool {
    !doc.cap(i) && modifier_word(doc, i)
}

/// Whether the word at `i`, whatever its case, has the shape of a noun or an adjective
/// qualifying a title (see `noun_modifier`).
pub(super) fn modifier_word(doc: &Doc, i: usize) -> bool {
    let f = doc.folded(i);
    if is_distance(f) {
        return true;
    }
    let plural =
        f.len() > 3 && f.ends_with('s') && !f.ends_with("ss") && !f.ends_with("us") && !f.ends_with("is");
    doc.is_word(i)
        && f.chars().all(|c| c.is_alphabetic() || c == '-')
        && f.len() > 1
        && !GAZ.is_stop(f)
        && !GAZ.is_speech_verb(f)
        && !MODIFIERS.contains(&f)
        && !PRE_MODIFIERS.contains(&f)
        && !OPENS_NOUN_PHRASE.contains(&f)
        && !TIME_NOUNS.contains(&f)
        && !VERBS.contains(&f)
        && !(f.len() > 4
            && (f.ends_with("ly") || f.ends_with("ed") || f.ends_with("ing") && !ING_NOUNS.contains(&f)))
        && (!plural || PLURAL_NOUN_MODIFIERS.contains(&f))
}

/// English: the lowercase words (up to three, and two more joined by "and") right before the
/// lowercase title at `k` that
/// qualify it: "transport spokesman", "road safety head", "ex-Tory education secretary",
/// "conservative activist". They must follow a word opening a noun phrase, punctuation, a
/// capitalised word or a modifier ("former"), never a word that may be a verb or comes before
/// one ("Labour backs coach X", "they eye captain X").
/// Returns where they start (`k` when none).
pub(super) fn noun_premodifiers(doc: &Doc, k: usize) -> usize {
    if doc.lang != Lang::En || doc.cap(k) {
        return k;
    }
    let mut s = k;
    while s > 0 && k - s < 3 && !doc.newline_before(s) && noun_modifier(doc, s - 1) {
        s -= 1;
        // "news and features editor", "mergers and acquisitions chief": two nouns joined.
        // ("linguist and political analyst", "friend and fellow broadcaster" are two roles.)
        let joined = |i: usize| {
            noun_modifier(doc, i)
                && title_at(doc, i).is_none()
                && !super::is_kin_noun(doc.folded(i), Lang::En)
        };
        if s >= 2 && doc.folded(s - 1) == "and" && joined(s - 2) && !doc.newline_before(s - 1) {
            s -= 2;
        }
    }
    // "singer/actor", "writer/director": two titles joined by a slash are one role.
    if s == k && s >= 2 && doc.tok(s - 1) == "/" && !doc.newline_before(s - 1) && noun_modifier(doc, s - 2) {
        s -= 2;
    }
    let Some(p) = s.checked_sub(1).filter(|_| s < k && !doc.newline_before(s)) else { return s };
    let f = doc.folded(p);
    let upper = |i: usize| doc.info.get(i).is_some_and(|t| t.upper);
    let infinitive = f == "to" && TO_VERBS.contains(&doc.folded(s));
    let boundary = (!doc.is_word(p) || OPENS_NOUN_PHRASE.contains(&f)) && !infinitive
        || doc.tok(p).starts_with(|c: char| c.is_ascii_digit())
        || doc.cap(p) && !GAZ.is_speech_verb(f) && (!SUBJECT_PRONOUNS.contains(&f) || upper(p))
        || MODIFIERS.contains(&f)
        || PRE_MODIFIERS.contains(&f);
    if boundary { s } else { k }
}

/// "ex-Labour", "ex-Downing": a capitalised word after "ex-", which opens the premodifiers of a
/// title ("ex-Downing Street media chief").
pub(super) fn ex_capitalised(doc: &Doc, p: usize) -> bool {
    doc.lang == Lang::En
        && doc.is_word(p)
        && doc.tok(p).strip_prefix("ex-").is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase()))
}

/// English titles that are verbs as often: after a modal or "was to" ("will host", "was to
/// star X"); after another "to" only those rarely a noun there ("to rival Apple's iPod"; not
/// "talked to coach X", "promoted to head coach").
const EN_VERB_LIKE_TITLES: [&str; 11] =
    ["rival", "host", "coach", "manage", "chair", "head", "judge", "champion", "star", "partner", "lead"];
const EN_VERB_AFTER_TO: [&str; 6] = ["rival", "host", "manage", "chair", "judge", "partner"];

/// English: whether the lowercase title at `k` is a verb after "to" or a modal ("to rival",
/// "will host"): no title there.
pub(super) fn verb_after_infinitive_marker(doc: &Doc, k: usize) -> bool {
    let f = doc.folded(k);
    if doc.lang != Lang::En || doc.cap(k) || !EN_VERB_LIKE_TITLES.contains(&f) {
        return false;
    }
    let Some(p) = k.checked_sub(1) else { return false };
    let modal = matches!(
        doc.folded(p),
        "will" | "would" | "could" | "can" | "may" | "might" | "should" | "must" | "shall"
    );
    let to = doc.folded(p) == "to";
    let was_to = to && matches!(doc.folded(p.wrapping_sub(1)), "was" | "were" | "is" | "are" | "be");
    modal || was_to || to && EN_VERB_AFTER_TO.contains(&f)
}

/// English: whether the capitalised title at `k..te` stands in the name of a work written with a
/// capitalised "And" beside it ("Desplechin's Kings And Queen, Kechiche's L'Esquive"): no role.
pub(super) fn in_work_title(doc: &Doc, k: usize, te: usize) -> bool {
    let capital_and = |j: usize| doc.tok(j) == "And" && !super::opens_sentence(doc, j);
    doc.lang == Lang::En && doc.cap(k) && (k.checked_sub(1).is_some_and(capital_and) || capital_and(te))
}

/// English: whether the name at `ns..ne` is one word in capitals ("analysts IDC", "broadcaster
/// ITV"): an organisation's letters, no person a title is given to.
pub(super) fn lone_acronym(doc: &Doc, ns: usize, ne: usize) -> bool {
    doc.lang == Lang::En && ne == ns + 1 && doc.info.get(ns).is_some_and(|t| t.upper)
}

/// English: whether a possessive and a lowercase word stand between the capitalised word at `t`
/// and the title at `j` ("Russia's biggest oil producer"): such a title is read as a possessive
/// one, which says who someone is only of a known person.
pub(super) fn lowercase_after_possessive(doc: &Doc, t: usize, j: usize) -> bool {
    let possessive = (t..j).any(|i| matches!(doc.tok(i), "'s" | "’s"));
    possessive && (t..j).any(|i| doc.is_word(i) && !doc.cap(i))
}

/// English: where the role text `role` starts, the words before its reserved tokens included
/// ("EBay president and chief executive": only "president and chief executive" is reserved).
pub(super) fn written_start(doc: &Doc, reserved: &Range<usize>, role: &str) -> usize {
    if doc.lang != Lang::En {
        return reserved.start;
    }
    (reserved.start.saturating_sub(8)..=reserved.start)
        .find(|&t| doc.span_text(t, reserved.end) == role)
        .unwrap_or(reserved.start)
}

/// English titles (assets/gazetteers/titles.txt, "roles-en") that are no titles in other
/// languages ("le designer" of French is read as before), nor in the plural in English: "critics",
/// "journalists" are mostly a group that says something ("critics say"), not a title before a
/// name.
const ENGLISH_ONLY_TITLES: [&str; 12] = [
    "organiser",
    "organizer",
    "controller",
    "co-chairman",
    "co-chairwoman",
    "journalist",
    "columnist",
    "critic",
    "pundit",
    "rapper",
    "designer",
    "supermodel",
];

/// Whether the word at `k` is one of the titles above read where it is none: in another language
/// or in the plural.
pub(super) fn not_a_title_here(doc: &Doc, k: usize) -> bool {
    let f = doc.folded(k);
    let singular = f.strip_suffix('s').unwrap_or(f);
    if doc.lang != Lang::En {
        return ENGLISH_ONLY_TITLES.contains(&f) || ENGLISH_ONLY_TITLES.contains(&singular);
    }
    singular != f && ENGLISH_ONLY_TITLES.contains(&singular)
}

/// English: where the title starts after "one of the", "one of his" or "one of Ms X's" at `k`
/// ("X, one of the ringleaders, …", "X, one of Ms Clarkson's lawyers"): the role keeps the
/// words, like "l'un des" in French.
pub(super) fn one_of_end(doc: &Doc, k: usize) -> Option<usize> {
    if doc.lang != Lang::En || doc.folded(k) != "one" || doc.folded(k + 1) != "of" {
        return None;
    }
    if matches!(doc.folded(k + 2), "the" | "his" | "her" | "their" | "its" | "our") {
        return Some(k + 3);
    }
    // A possessor of a few capitalised words (an honorific included).
    let possessive =
        (k + 3..k + 7).take_while(|&i| doc.cap(i - 1)).find(|&i| matches!(doc.tok(i), "'s" | "’s"));
    possessive.filter(|_| doc.cap(k + 2)).map(|p| p + 1)
}

/// English: where the article after an adverb opening an apposition stands ("twice a Heineken
/// Cup winner", "now a lecturer", "himself a former minister"), and whether the role keeps the
/// adverb: a count does ("twice a … winner" says more than "winner"), time and emphasis do not.
pub(super) fn adverb_before_article(doc: &Doc, t: usize) -> Option<(usize, bool)> {
    let f = doc.folded(t);
    let count = matches!(f, "twice" | "once");
    let other = matches!(f, "now" | "also" | "still" | "himself" | "herself");
    (doc.lang == Lang::En
        && !doc.cap(t)
        && (count || other)
        && matches!(doc.folded(t + 1), "a" | "an" | "the"))
    .then_some((t + 1, count))
}

/// A race's distance written as one word ("200m", "1500m", "10km"): it qualifies a title ("the
/// 200m champion").
pub(super) fn is_distance(f: &str) -> bool {
    // "5m" in the press is five million as often ("a 5m deal"): only the distances raced.
    const RACED: [&str; 10] = ["60", "100", "110", "200", "400", "800", "1500", "3000", "5000", "10000"];
    match f.strip_suffix("km") {
        Some(n) => !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()),
        None => f.strip_suffix('m').is_some_and(|n| RACED.contains(&n)),
    }
}

/// Words of an English apposition that qualify its title without being part of any list of
/// modifiers: an age ("the 25-year-old striker") and the order or standing of the holder ("the
/// most recent female MP", "another co-chairman", "the sole European").
pub(super) fn apposition_modifier(doc: &Doc, t: usize) -> bool {
    let f = doc.folded(t);
    doc.lang == Lang::En
        && !doc.cap(t)
        && (matches!(
            f,
            "another" | "first" | "last" | "sole" | "only" | "most" | "recent" | "female" | "male"
        ) || f.ends_with("-year-old") && f.starts_with(|c: char| c.is_ascii_digit())
            // "a two-time Grand Slam winner", "the double Olympic champion".
            || f.ends_with("-time") && !f.starts_with("full") && !f.starts_with("part")
            || matches!(f, "double" | "triple")
            // "the 2000 Olympic 200m champion": the year and the distance of a title won.
            || f.len() == 4 && (f.starts_with("19") || f.starts_with("20")) && f.chars().all(|c| c.is_ascii_digit())
            || is_distance(f))
}

/// Whether a token is a member's letters written after a name ("MP", "MEP", "QC").
pub(crate) fn is_post_nominal(tok: &str) -> bool {
    POST_NOMINALS.contains(&tok)
}

/// English titles that are common words or names too, kept out of the title list and read here
/// only in lower case and in the singular: capitalised mid-sentence they open a name ("Star
/// Wars", "the Daily Star", "Brett Lock", "The Legend of Zelda", "Dungeon Keeper", "Michael
/// Winner", "the Centre for Policy Studies"), in the plural they are verbs as often ("the film
/// stars X"). "Bath prop X", "Hollywood star X", "Wasps centre X", "Booker winner X".
const LOWERCASE_TITLES: [&str; 10] =
    ["keeper", "prop", "lock", "hooker", "centre", "winner", "star", "co-star", "superstar", "legend"];

/// The plurals of `LOWERCASE_TITLES` that are never verbs: "World Cup winners X and Y".
pub(super) const LOWERCASE_PLURAL_TITLES: [&str; 3] = ["winners", "legends", "superstars"];

/// Titles of fame and sport positions that take no complement: "star of Crouching Tiger, Hidden
/// Dragon", "given a star on the Walk of Fame", "co-star with X", "the centre of attention",
/// "winner of the Blue Peter Book Award" name works, places, partners, things and prizes, not
/// whom the holder serves.
const NO_COMPLEMENT_TITLES: [&str; 6] = ["star", "co-star", "superstar", "legend", "centre", "winner"];

/// English: where a style of address before a name ends, "the Most Reverend", "the Right
/// Honourable", "the Rev" (`k` on "the").
pub(super) fn style_end(doc: &Doc, k: usize) -> Option<usize> {
    if doc.lang != Lang::En || doc.folded(k) != "the" {
        return None;
    }
    let j = if matches!(doc.tok(k + 1), "Most" | "Right" | "Rt" | "Very") { k + 2 } else { k + 1 };
    if !matches!(doc.tok(j), "Reverend" | "Rev" | "Honourable" | "Hon") {
        return None;
    }
    // "the Rt Hon.", "the Rev.": the abbreviation's full stop.
    Some(if doc.tok(j + 1) == "." { j + 2 } else { j + 1 })
}

/// English: where the title at `k` read here ends: one of `LOWERCASE_TITLES`, "number eight"
/// (the rugby position: "Wales number eight X"), "host" after a noun or a modifier and "forward"
/// after a team's name or a modifier (else they are a verb and an adverb), in lower case or
/// opening a sentence.
pub(super) fn lowercase_title_end(doc: &Doc, k: usize) -> Option<usize> {
    let initial = doc.info.get(k).is_some_and(|t| t.initial);
    if doc.lang != Lang::En || doc.cap(k) && !initial {
        return None;
    }
    let f = doc.folded(k);
    let p = k.checked_sub(1).filter(|&p| !doc.newline_before(k) && doc.is_word(p));
    let modifier = |p: usize| MODIFIERS.contains(&doc.folded(p)) || PRE_MODIFIERS.contains(&doc.folded(p));
    // "chat show host X", "outgoing host X", not "Chelsea host Birmingham", "will host X".
    // ", host of BBC Radio's chart show": in apposition before its complement.
    let apposed = || k > 0 && doc.tok(k - 1) == "," && doc.folded(k + 1) == "of";
    let host = f == "host"
        && (apposed() || p.is_some_and(|p| !doc.cap(p) && (noun_modifier(doc, p) || modifier(p))));
    // "Ulster forward X", "former forward X", not "come forward", "put forward X".
    let forward = f == "forward"
        && p.is_some_and(|p| {
            doc.cap(p) && !GAZ.is_stop(doc.folded(p)) && !super::opens_sentence(doc, p) || modifier(p)
        });
    // "Former Scotland international X", "a Wales international": a player capped by a country
    // (not opening a sentence: "… France. International X" is another sentence's word).
    let capped = f == "international"
        && p.is_some_and(|p| {
            doc.cap(p)
                && GAZ.phrases.get(doc.folded(p)).is_some_and(|g| g.label == Label::Loc)
                && !super::opens_sentence(doc, k)
        });
    // "bass player X", "a former Davis Cup player for Australia", "England player X": a player of
    // a game, an instrument or a side; not an award ("player of the year"), a part ("a player in
    // the role of"), a machine ("DVD player", "media player") or a figure of speech ("a major
    // player on the market", "team player").
    let device_or_figure = |p: usize| {
        doc.info.get(p).is_some_and(|t| t.upper)
            || matches!(
                doc.folded(p),
                "media"
                    | "record"
                    | "music"
                    | "video"
                    | "team"
                    | "key"
                    | "major"
                    | "power"
                    | "dvd"
                    | "cd"
                    | "mp3"
            )
    };
    let player = f == "player"
        && !matches!(doc.folded(k + 1), "of" | "in" | "on" | "from" | "to" | "who" | "with")
        && p.is_some_and(|p| {
            !device_or_figure(p) && (noun_modifier(doc, p) || doc.cap(p) && !super::opens_sentence(doc, p))
        });
    if LOWERCASE_TITLES.contains(&f)
        || LOWERCASE_PLURAL_TITLES.contains(&f)
        || host
        || forward
        || capped
        || player
    {
        Some(k + 1)
    } else if f == "number" && (doc.tok(k + 1) == "eight" || ranked(doc, k)) {
        Some(k + 2)
    } else if f == "world" && doc.folded(k + 1) == "number" && ranked(doc, k + 1) {
        // "who beat world number five X": the rank is one title, whatever the verb before.
        Some(k + 3)
    } else {
        None
    }
}

/// Ranks written out ("world number one", "the British number two").
const RANKS: [&str; 10] = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/// "former number one X", "British number two X", "world number 3 X": a player's rank after a
/// word that says whose or when ("number eight" alone is a rugby position, read apart).
fn ranked(doc: &Doc, k: usize) -> bool {
    let digits = |j: usize| !doc.tok(j).is_empty() && doc.tok(j).bytes().all(|b| b.is_ascii_digit());
    let written = RANKS.contains(&doc.folded(k + 1)) || doc.tok(k + 1).len() <= 3 && digits(k + 1);
    let before = k.checked_sub(1).map(|p| doc.folded(p));
    // A name with a number in it is a record's or a team's ("former number one Band Aid 20").
    let numbered = (k + 2..k + 5).take_while(|&j| doc.cap(j) || digits(j)).any(digits);
    written
        && !numbered
        && (matches!(before, Some("world" | "former" | "ex" | "new" | "current"))
            || k.checked_sub(1).is_some_and(|p| super::nationality(doc, p)))
}

/// Words that carry an English title on into its complement: "chief executive of Acme",
/// "president and chief executive", "minister without portfolio".
const CARRY_ON: [&str; 19] = [
    "of", "at", "for", "in", "to", "on", "with", "from", "and", "or", "without", "within", "under", "over",
    "between", "among", "against", "into", "about",
];

/// Nouns that close a compound title the lists do not hold whole: "chief technology officer",
/// "best actress winner", "chief medical adviser".
const COMPOUND_HEADS: [&str; 7] =
    ["officer", "winner", "accountant", "adviser", "advisor", "engineer", "designer"];

/// English: whether the lowercase word at `j`, right after the title ending at `from`, ends the
/// role. A title goes on with a preposition or a conjunction ("chief executive of Acme",
/// "president and chief executive") or into a compound it heads ("chief technology officer");
/// any other word is a verb or a participle ("X, the winger showed his pace", "a lawyer
/// representing the family") or a noun of something else ("the general election").
pub(super) fn ends_after_title(doc: &Doc, from: usize, j: usize) -> bool {
    let f = doc.folded(j);
    let lower = |t: usize| doc.is_word(t) && !doc.cap(t);
    let head = |t: usize| lower(t) && (title_at(doc, t).is_some() || COMPOUND_HEADS.contains(&doc.folded(t)));
    // "ambassadors include actors": a verb is no part of the compound.
    let compound = (j..j + 3).take_while(|&t| head(t) || noun_modifier(doc, t)).any(head);
    // (Their plurals too: "winners", "legends".)
    let fame = from > 0
        && (NO_COMPLEMENT_TITLES.contains(&doc.folded(from - 1))
            || LOWERCASE_PLURAL_TITLES.contains(&doc.folded(from - 1)));
    doc.lang == Lang::En && j == from && (lower(j) && !CARRY_ON.contains(&f) && !compound || fame)
}

/// English: whether the name at `j` stands right after the preposition at `te` that follows a
/// title: "economist with ABN Amro", "spokesman for Tony Blair" name the body or the person the
/// holder works for, not the holder (who is named after a longer complement: "minister for Europe
/// Jane Reed"); the name belongs to the complement ("X, economist with ABN Amro, said").
pub(super) fn object_of_preposition(doc: &Doc, te: usize, j: usize) -> bool {
    doc.lang == Lang::En
        && j == te + 1
        && matches!(doc.folded(te), "with" | "for" | "at" | "from" | "to" | "in" | "on")
}

/// English: whether the token at `p` joins two capitalised words before a title: "&" ("R&B
/// star", "Marks & Spencer boss"), or a possessive after the first capitalised word of the run
/// has been taken (`inside`): "Chelsea's Portuguese boss", "London's Labour mayor".
pub(super) fn inner_joiner(doc: &Doc, p: usize, inside: bool) -> bool {
    doc.tok(p) == "&" || inside && matches!(doc.tok(p), "'s" | "’s")
}

/// English: the lowercase title that lowercase nouns at `t` lead up to, modifiers skipped: "X, a
/// transport expert at the university", "X, former road safety head". Such a title says who
/// someone is only of a known person ("Acme, an oil producer").
pub(super) fn title_after_nouns(doc: &Doc, t: usize) -> Option<usize> {
    if doc.lang != Lang::En {
        return None;
    }
    let mut s = t;
    while (MODIFIERS.contains(&doc.folded(s)) || PRE_MODIFIERS.contains(&doc.folded(s))) && !doc.cap(s) {
        s += 1;
    }
    if doc.cap(s) || title_at(doc, s).is_some() || !noun_modifier(doc, s) {
        return None;
    }
    (s + 1..s + 4).find(|&j| !doc.cap(j) && title_at(doc, j).is_some() && noun_premodifiers(doc, j) == s)
}

/// English: where the role after "and" at `i` starts when "and" joins two roles ("PTC president
/// and conservative activist", "chairman and chief executive"): a title, maybe after "a" and
/// modifiers or qualifying words, before `ce`.
pub(super) fn second_role_after_and(doc: &Doc, i: usize, ce: usize) -> Option<usize> {
    if doc.lang != Lang::En || doc.folded(i) != "and" {
        return None;
    }
    let mut j = i + 1;
    if matches!(doc.folded(j), "a" | "an") {
        j += 1;
    }
    let start = j;
    while PRE_MODIFIERS.contains(&doc.folded(j)) && !doc.cap(j) {
        j += 1;
    }
    (j..(j + 4).min(ce)).find(|&t| {
        title_at(doc, t).is_some_and(|te| te <= ce)
            && (t == j || !doc.cap(t) && noun_premodifiers(doc, t) == j)
    })?;
    Some(start)
}

/// English: a run of capitalised ranks at `ns` ("Acting Detective Chief Superintendent"), read
/// as the title it is, not a name. Returns its end when the run holds nothing but the title and
/// its modifiers.
pub(super) fn title_run_end(doc: &Doc, ns: usize) -> Option<usize> {
    if doc.lang != Lang::En || !doc.cap(ns) {
        return None;
    }
    let mut t = ns;
    while doc.cap(t) && PRE_MODIFIERS.contains(&doc.folded(t)) {
        t += 1;
    }
    let te = title_at(doc, t).filter(|_| doc.cap(t))?;
    let capitalised_after = doc.cap(te) && doc.is_word(te) && !doc.newline_before(te);
    (!capitalised_after && te > t).then_some(te)
}

/// Parties whose name is also the noun for a member, written before a member's name: "Liberal
/// Democrat Jane Reed", "Tory Tom Baker", "Republican Tom Baker" (folded words).
const PARTY_NOUNS: [&[&str]; 6] =
    [&["liberal", "democrat"], &["lib", "dem"], &["tory"], &["conservative"], &["republican"], &["democrat"]];

/// English: a party noun at `k` right before a full name opening with a known given name
/// ("Liberal Democrat Jane Reed said"): the party is the person's role, as "le républicain X" is
/// in French. The noun must open its phrase (a sentence, or after punctuation or a lowercase
/// word): "the Young Conservative Tom Baker" or "Tory Shadow Chancellor" are other names and
/// titles. Pushes the role and returns the token after the name.
pub(super) fn party_member_before_name(
    doc: &Doc,
    k: usize,
    blocked: &[bool],
    out: &mut Vec<RoleMatch>,
) -> Option<usize> {
    if doc.lang != Lang::En || doc.shouting || !doc.cap(k) {
        return None;
    }
    let words =
        PARTY_NOUNS.iter().find(|w| (0..w.len()).all(|i| doc.folded(k + i) == w[i] && doc.cap(k + i)))?;
    let ns = k + words.len();
    let opens = k == 0 || !doc.is_word(k - 1) || !doc.cap(k - 1) || super::opens_sentence(doc, k);
    if !opens || doc.newline_before(ns) || !GAZ.first_names.contains(doc.folded(ns)) {
        return None;
    }
    let ne = super::person_name(doc, ns, blocked).filter(|&ne| ne >= ns + 2)?;
    if title_at(doc, ns + 1).is_some() {
        return None;
    }
    out.push(RoleMatch { name: ns..ne, role_tokens: k..ns, role: doc.span_text(k, ns).to_string() });
    Some(ne)
}

/// Letters after a name that give an office: "Jane Reed MP", "Jane Reed QC".
const POST_NOMINALS: [&str; 4] = ["MP", "MEP", "MSP", "QC"];

/// English: "Jane Reed MP": the letters at `k` after a full name opening with a known given name
/// give its office. Pushes the role and returns the token after the letters.
pub(super) fn post_nominal(doc: &Doc, k: usize, out: &mut Vec<RoleMatch>) -> Option<usize> {
    if doc.lang != Lang::En || !POST_NOMINALS.contains(&doc.tok(k)) || doc.shouting {
        return None;
    }
    let word =
        |i: usize| doc.cap(i) && doc.is_word(i) && !GAZ.is_stop(doc.folded(i)) && !doc.newline_before(i + 1);
    let mut ns = k;
    while ns > 0 && k - ns < 3 && word(ns - 1) {
        ns -= 1;
    }
    // Only a full name: a given name, then one or two capitalised words, nothing capitalised
    // before it ("the Labour MP" is a title before a name, read elsewhere).
    let before_is_name = ns > 0 && doc.cap(ns - 1) && doc.is_word(ns - 1) && !doc.newline_before(ns);
    if k < ns + 2 || before_is_name || !GAZ.first_names.contains(doc.folded(ns)) {
        return None;
    }
    out.push(RoleMatch { name: ns..k, role_tokens: k..k + 1, role: doc.tok(k).to_string() });
    Some(k + 1)
}

/// English: a name read with the letters after it ("the Tory frontbencher Jane Reed MP"): the
/// roles are given to the name without the letters as well (the recogniser may have read either),
/// with the letters as one more role.
pub(super) fn split_post_nominals(doc: &Doc, out: &mut Vec<RoleMatch>) {
    if doc.lang != Lang::En || doc.shouting {
        return;
    }
    let mut more = Vec::new();
    for r in out.iter() {
        let last = r.name.end.saturating_sub(1);
        if r.name.len() >= 3 && POST_NOMINALS.contains(&doc.tok(last)) {
            let name = r.name.start..last;
            more.push(RoleMatch {
                name: name.clone(),
                role_tokens: r.role_tokens.clone(),
                role: r.role.clone(),
            });
            more.push(RoleMatch { name, role_tokens: last..last + 1, role: doc.tok(last).to_string() });
        }
    }
    for m in more {
        if !out.iter().any(|r| r.name == m.name && r.role == m.role) {
            out.push(m);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_cases(cases: &[(&str, &[(&str, &str)])]) {
        super::super::tests::assert_cases_in(Some(Lang::En), cases);
    }

    #[test]
    fn lowercase_nouns_before_a_title() {
        assert_cases(&[
            (
                "The study, led by housing expert professor Tom Baker, says rents will rise.",
                &[("Tom Baker", "housing expert professor")],
            ),
            (
                "Water safety head Anna Clarke said the lakes were cold.",
                &[("Anna Clarke", "Water safety head")],
            ),
            (
                "Green Party health spokesman Tom Baker said the wards were full.",
                &[("Tom Baker", "Green Party health spokesman")],
            ),
            (
                "And ex-Liberal housing secretary Anna Clarke recalled the debate.",
                &[("Anna Clarke", "ex-Liberal housing secretary")],
            ),
            (
                "The former home affairs spokesman Tom Baker said so.",
                &[("Tom Baker", "former home affairs spokesman")],
            ),
            // A word that may be a verb, an adverb or a participle is no part of the role.
            ("The club appointed coach Tom Baker on Friday.", &[("Tom Baker", "coach")]),
            ("Rovers backs manager Tom Baker despite the defeat.", &[("Tom Baker", "manager")]),
            ("She recently met manager Tom Baker at the ground.", &[("Tom Baker", "manager")]),
        ]);
    }

    #[test]
    fn premodifiers_before_two_roles_and_a_verb_after_the_title() {
        assert_cases(&[
            (
                "Acme president and chief executive Tom Baker said so.",
                &[("Tom Baker", "Acme president"), ("Tom Baker", "chief executive")],
            ),
            (
                "The ex-Downing Street press chief Tom Baker spoke.",
                &[("Tom Baker", "ex-Downing Street press chief")],
            ),
            ("He passed to Tom Baker, the winger showed his pace.", &[("Tom Baker", "winger")]),
            ("They eye captain Tom Baker for the job.", &[("Tom Baker", "captain")]),
            ("Yet aviation analyst Tom Baker disagreed.", &[("Tom Baker", "aviation analyst")]),
            ("Wales pick either fly-half Tom Baker or Jim Reed.", &[("Tom Baker", "fly-half")]),
            ("Last year actor Tom Baker won.", &[("Tom Baker", "actor")]),
            (
                "The rights were sold to record producer Tom Baker in 1990.",
                &[("Tom Baker", "record producer")],
            ),
            ("The board moved to oust chairman Tom Baker.", &[("Tom Baker", "chairman")]),
            (
                "Tom Baker, chief technology officer at Acme, said so.",
                &[("Tom Baker", "chief technology officer at Acme")],
            ),
            ("Tom Baker, a lawyer representing the family, said so.", &[("Tom Baker", "lawyer")]),
            ("Its ambassadors include actors Tom Baker and others.", &[("Tom Baker", "actors")]),
        ]);
    }

    #[test]
    fn lowercase_nouns_in_apposition() {
        assert_cases(&[
            (
                "Tom Baker, a transport expert at the university, said so.",
                &[("Tom Baker", "transport expert at the university")],
            ),
            ("Anna Clarke, former road safety head, said so.", &[("Anna Clarke", "former road safety head")]),
            ("Gazneft, an oil producer, said profits rose.", &[]),
            // An English possessive goes on into the noun it qualifies, but not into a name
            // after its modifiers.
            (
                "Tom Baker, chief operating officer of Toyota's US sales arm, said so.",
                &[("Tom Baker", "chief operating officer of Toyota's US sales arm")],
            ),
            (
                "Tom Baker, director of Venice's famous La Fenice Theatre, said so.",
                &[("Tom Baker", "director of Venice")],
            ),
            (
                "Tom Baker, host of BBC Radio's chart show, said so.",
                &[("Tom Baker", "host of BBC Radio's chart show")],
            ),
            (
                "Tom Baker, counsel for the petitioners, said so.",
                &[("Tom Baker", "counsel for the petitioners")],
            ),
            // A titled name after the preposition is whom the holder serves.
            (
                "Tom Baker, economic adviser to President Vladimir Putin, said so.",
                &[("Tom Baker", "economic adviser to President")],
            ),
            // A member's letters after a party, an age between commas, a trade.
            (
                "Tom Baker, Labour MP for Leeds Central, said so.",
                &[("Tom Baker", "Labour MP for Leeds Central")],
            ),
            ("Tom Baker, 25, the Wales fly-half, said so.", &[("Tom Baker", "Wales fly-half")]),
            ("Tom Baker, 25, a teacher from Leeds, was hurt.", &[("Tom Baker", "teacher from Leeds")]),
            // A count before the article stays in the role; time and emphasis do not.
            (
                "Tom Baker, twice a Heineken Cup winner, said so.",
                &[("Tom Baker", "twice a Heineken Cup winner")],
            ),
            ("Tom Baker, now a lecturer at Leeds, said so.", &[("Tom Baker", "lecturer at Leeds")]),
            (
                "Tom Baker, a two-time Grand Slam winner, said so.",
                &[("Tom Baker", "two-time Grand Slam winner")],
            ),
            // One of many, ages, order and standing.
            (
                "Tom Baker, one of Ms Clarkson's lawyers, said so.",
                &[("Tom Baker", "one of Ms Clarkson's lawyers")],
            ),
            ("Tom Baker, one of the ringleaders, was Russian.", &[("Tom Baker", "one of the ringleaders")]),
            // Plural nouns and nouns joined by "and" qualify a title; two titles stay two roles.
            (
                "\"It is good,\" said Tom Baker, telecoms analyst at Dresdner Kleinwort.",
                &[("Tom Baker", "telecoms analyst at Dresdner Kleinwort")],
            ),
            (
                "Tom Baker, operations and safety editor at Flight International, said so.",
                &[("Tom Baker", "operations and safety editor at Flight International")],
            ),
            (
                "Tom Baker, lawyer and political analyst, said so.",
                &[("Tom Baker", "lawyer"), ("Tom Baker", "political analyst")],
            ),
            // No title ("chief" is none here), but a description of one of many.
            (
                "Tom Baker, one of the chief critics of the plan, said so.",
                &[("Tom Baker", "one of the chief critics of the plan")],
            ),
            ("Tom Baker, the 25-year-old striker, said so.", &[("Tom Baker", "25-year-old striker")]),
            (
                "Tom Baker, the most recent female MP to be elected, said so.",
                &[("Tom Baker", "most recent female MP to be elected")],
            ),
            // A name a party label gave keeps its start for the apposition after it.
            (
                "Liberal Democrat Sarah Teather, another co-chairman of the group, said so.",
                &[
                    ("Sarah Teather", "Liberal Democrat"),
                    ("Sarah Teather", "another co-chairman of the group"),
                ],
            ),
            // "the agent has confirmed": the description is the subject of its own verb.
            ("She is to marry Jordan Bratman, the singer's agent has confirmed.", &[]),
            // A fronted phrase ends with a name; the description after it is the subject.
            ("To a packed audience at the Sage Centre, the chancellor said the cuts were wrong.", &[]),
            ("Tom Baker, the chancellor, said so.", &[("Tom Baker", "chancellor")]),
            (
                "It was hard. Said Rovers assistant coach Tom Baker: \"We were poor.\"",
                &[("Tom Baker", "Rovers assistant coach")],
            ),
        ]);
    }

    #[test]
    fn two_roles_joined_by_and() {
        assert_cases(&[
            (
                "Tom Baker, ABC chairman and veteran activist said the show was crude.",
                &[("Tom Baker", "ABC chairman"), ("Tom Baker", "veteran activist")],
            ),
            (
                "Tom Baker, chairman and chief executive of Acme, said so.",
                &[("Tom Baker", "chairman"), ("Tom Baker", "chief executive of Acme")],
            ),
            (
                "Tom Baker, chairman of Smith and Jones, said so.",
                &[("Tom Baker", "chairman of Smith and Jones")],
            ),
        ]);
    }

    #[test]
    fn a_run_of_ranks_before_the_name() {
        assert_cases(&[(
            "The head of the unit, Acting Detective Chief Superintendent, Anna Clarke, said the gang was caught.",
            &[("Anna Clarke", "head of the unit"), ("Anna Clarke", "Acting Detective Chief Superintendent")],
        )]);
    }

    #[test]
    fn a_player_of_a_game_an_instrument_or_a_side() {
        assert_cases(&[
            ("The bass player Tom Reed left the band.", &[("Tom Reed", "bass player")]),
            (
                "Tom Reed, a former Davis Cup player for Australia, won.",
                &[("Tom Reed", "former Davis Cup player for Australia")],
            ),
            // An award, a part in a film: no player of anything.
            ("Tom Reed was named player of the year.", &[]),
            ("It has a media player Tom Reed wrote.", &[]),
            ("The DVD player Tom Reed bought broke.", &[]),
            ("The record player Tom Reed bought broke.", &[]),
        ]);
    }

    #[test]
    fn a_player_s_rank_and_a_magazine_s_editor() {
        assert_cases(&[
            ("He coached former number one Ivan Lendl.", &[("Ivan Lendl", "former number one")]),
            ("British number two Tim Henman won.", &[("Tim Henman", "British number two")]),
            (
                "Moya then upset world number seven Guillermo Coria 6-4.",
                &[("Guillermo Coria", "world number seven")],
            ),
            // A number alone is no rank ("the number one Ivan Lendl" says nothing of whose), nor
            // before a name with a number in it (a record's).
            ("The number one Ivan Lendl won.", &[]),
            ("It knocked former number one Band Aid 20 off the top spot.", &[]),
            (
                "Empire magazine's reviews editor Dan Jolin said the film had a chance.",
                &[("Dan Jolin", "Empire magazine's reviews editor")],
            ),
        ]);
    }

    #[test]
    fn capped_players_joined_titles_and_names_that_are_not_people() {
        assert_cases(&[
            (
                "Former Scotland international Tom Baker fears the worst.",
                &[("Tom Baker", "Former Scotland international")],
            ),
            (
                "He met Tom Baker, a former Wales international, in Cardiff.",
                &[("Tom Baker", "former Wales international")],
            ),
            ("The award goes to French singer/actor, Tom Baker.", &[("Tom Baker", "French singer/actor")]),
            ("Lester worked with 800m runner Tom Baker for years.", &[("Tom Baker", "800m runner")]),
            // An international meeting, a work's title, an organisation's letters or name.
            ("The international Tom Baker cup was held.", &[]),
            ("Her films include Anna Clarke's Kings And Queen, Tom Baker's Red Sky.", &[]),
            ("Sales will grow, thinks Tom Baker of analysts IDC.", &[]),
            ("US behemoth General Electric posted a jump in sales.", &[]),
            ("Nothing is there to rival Tom Baker's new phone.", &[]),
            ("The film was to star Tom Baker and Anna Clarke.", &[]),
            ("Ireland were indebted to skipper Tom Baker.", &[("Tom Baker", "skipper")]),
            ("He talked to coach Tom Baker after the game.", &[("Tom Baker", "coach")]),
            ("Director of television Tom Baker said so.", &[("Tom Baker", "Director of television")]),
            ("She is adviser to chancellor Tom Baker.", &[("Tom Baker", "chancellor")]),
        ]);
    }

    #[test]
    fn sport_press_and_arts_titles() {
        assert_cases(&[
            ("Rovers prop Tom Baker will start on Saturday.", &[("Tom Baker", "Rovers prop")]),
            ("Tory co-chairman Anna Clarke said so.", &[("Anna Clarke", "Tory co-chairman")]),
            ("The book by journalist Tom Baker sold well.", &[("Tom Baker", "journalist")]),
            ("Hollywood star Tom Baker arrived late.", &[("Tom Baker", "Hollywood star")]),
            ("The save by keeper Tom Baker kept them level.", &[("Tom Baker", "keeper")]),
            // Capitalised mid-sentence or in the plural, these are names and verbs.
            ("The film stars Tom Baker and Anna Clarke.", &[]),
            ("He still loves Star Wars and Lock Stock.", &[]),
            ("The Daily Star said Brett Lock was right.", &[]),
            ("But critics Tom Baker and Anna Clarke were not impressed.", &[]),
            ("Last year R&B star Tom Baker sang.", &[("Tom Baker", "R&B star")]),
            ("He said Rovers' Welsh boss Tom Baker smiled.", &[("Tom Baker", "Welsh boss")]),
            (
                "Then Chelsea's Portuguese boss Tom Baker smiled.",
                &[("Tom Baker", "Chelsea's Portuguese boss")],
            ),
            ("She is due to marry fellow tennis star Tom Baker.", &[("Tom Baker", "star")]),
            (
                "Anna Clarke, star of The Long Road, Lost Days and Red Sky, is in town.",
                &[("Anna Clarke", "star")],
            ),
            ("The team could not hold Tom Baker, the legend of the club.", &[("Tom Baker", "legend")]),
            ("He passed to Rovers centre Tom Baker, who scored.", &[("Tom Baker", "Rovers centre")]),
            ("Booker winner Anna Clarke read first.", &[("Anna Clarke", "Booker winner")]),
            ("Wales number eight Tom Baker is injured.", &[("Tom Baker", "Wales number eight")]),
            ("The film was made by Michael Winner in 1974.", &[]),
            ("The chat show host Tom Baker left.", &[("Tom Baker", "chat show host")]),
            ("Rovers host Tom Baker's old club on Saturday.", &[]),
            ("The club will host Tom Baker and his wife.", &[]),
            ("He passed to Ulster forward Tom Baker, who scored.", &[("Tom Baker", "Ulster forward")]),
            ("The plan was put forward Tom Baker said.", &[]),
            ("She is the winner of two Gold Star Awards this year.", &[]),
            ("She finished a minute behind winner Anna Clarke.", &[("Anna Clarke", "winner")]),
        ]);
        super::super::tests::assert_cases_in(
            Some(Lang::Fr),
            &[
                ("La grande star Paul Martin a chanté hier.", &[]),
                ("Le designer Paul Martin expose.", &[]),
                ("La star Paul Martin a chanté.", &[]),
            ],
        );
    }

    #[test]
    fn a_party_noun_before_a_full_name() {
        assert_cases(&[
            (
                "Liberal Democrat Anna Clarke told the committee it was wrong.",
                &[("Anna Clarke", "Liberal Democrat")],
            ),
            ("The plan was attacked by Tory Tom Baker on Monday.", &[("Tom Baker", "Tory")]),
            ("Democrat Tom Baker lost the race.", &[("Tom Baker", "Democrat")]),
            // Inside a longer name, or before a title, it is no member's role.
            ("The Young Conservative Tom Baker said so.", &[]),
            ("Tory Shadow Chancellor Tom Baker said so.", &[("Tom Baker", "Shadow Chancellor")]),
        ]);
    }

    #[test]
    fn a_name_right_after_the_preposition_is_no_holder() {
        assert_cases(&[
            ("The fall was steep, said an economist with Acme Capital Group.", &[]),
            ("A spokesman for Tom Baker declined to comment.", &[]),
            ("The minister for Europe Tom Baker said so.", &[("Tom Baker", "minister for Europe")]),
            (
                "Anna Clarke, economist with Acme Capital Group, said so.",
                &[("Anna Clarke", "economist with Acme Capital Group")],
            ),
        ]);
    }

    #[test]
    fn letters_after_a_name() {
        assert_cases(&[
            ("The report was written with the help of Anna Clarke MP and others.", &[("Anna Clarke", "MP")]),
            ("The Labour MP said it was wrong.", &[]),
            (
                "The Tory frontbencher Anna Clarke MP demanded a vote.",
                &[
                    ("Anna Clarke MP", "Tory frontbencher"),
                    ("Anna Clarke", "Tory frontbencher"),
                    ("Anna Clarke", "MP"),
                ],
            ),
        ]);
    }
}
