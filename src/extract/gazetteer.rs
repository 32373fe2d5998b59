//! Word lists and gazetteers, loaded once from `assets/gazetteers/` (embedded at compile time).
//!
//! Phrases are stored as their folded token sequence joined by single spaces ("cote d' ivoire"),
//! tokenized with the same tokenizer as the text, so a lookup is a walk over folded tokens.
//! Acronyms ("US", "EU") are kept in a separate case-sensitive table so "us" never matches.

use std::sync::LazyLock;

use super::types::Label;
use super::util::{FxMap, FxSet, lines_with_sections, starts_upper};
use crate::text::fold::fold_str;

macro_rules! gaz {
    ($name:literal) => {
        include_str!(concat!("../../assets/gazetteers/", $name))
    };
}

/// Small words inside a name, folded: its acronym leaves them out (« Union pour un mouvement
/// populaire » → UMP, "jeu de tir à la première personne" → FPS) and they may join two
/// capitalised parts of it ("Banque de France", "Bank of England"). Elided articles are listed
/// both as tokens ("l'") and as the word split at the apostrophe ("l").
pub const NAME_SMALL_WORDS: [&str; 28] = [
    "of", "the", "and", "for", "in", "on", "to", "a", "an", "de", "du", "des", "d", "d'", "la", "le", "les",
    "l", "l'", "et", "pour", "un", "une", "en", "au", "aux", "sur", "par",
];

/// One named thing from a gazetteer line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazEntry {
    pub id: u32,
    pub label: Label,
    /// Bit i set: token i of the form is capitalised, so the text's token must be too
    /// ("Le Monde" is not "le monde").
    pub cap_mask: u16,
    /// The title without its article ("Figaro" of "Le Figaro"): a name only where French has
    /// contracted the article into a preposition ("du Figaro", "au Monde", "des Echos").
    pub after_contraction: bool,
}

/// Prepositions that absorb the article "le"/"les" of a title: "de le Figaro" is "du Figaro".
const CONTRACTIONS: [&str; 4] = ["du", "au", "des", "aux"];

/// A title's form without its leading article "Le"/"Les" ("Le Monde" → "Monde").
fn without_article(form: &str) -> Option<&str> {
    form.strip_prefix("Le ").or_else(|| form.strip_prefix("Les ")).filter(|rest| starts_upper(rest))
}

#[derive(Default)]
pub struct Gazetteers {
    /// Folded phrase → entry (places and organisations).
    pub phrases: FxMap<String, GazEntry>,
    /// Exact-case acronyms → entry.
    pub acronyms: FxMap<String, GazEntry>,
    /// Folded first tokens of all phrases (quick reject).
    pub phrase_heads: FxSet<String>,
    /// Every phrase key and each of its leading parts ("federation", "federation de"): a walk
    /// over the text stops as soon as its words begin no listed phrase.
    pub phrase_prefixes: FxSet<String>,
    pub max_phrase_len: usize,
    /// Canonical (first) name of each gazetteer id.
    pub names: Vec<String>,
    /// Folded demonym form → country id.
    pub demonyms: FxMap<String, u32>,
    /// Folded title phrases.
    pub titles: FxSet<String>,
    pub title_heads: FxSet<String>,
    /// Titles that are professions and often surnames too ("berger", "pasteur"): a capitalised
    /// one mid-sentence is a name.
    pub professions: FxSet<String>,
    /// First words of titles, lowercase with their accents ("député", "juge": "jugé" is a verb).
    pub title_heads_written: FxSet<String>,
    pub max_title_len: usize,
    pub honorifics: FxSet<String>,
    pub org_head: FxSet<String>,
    pub org_suffix: FxSet<String>,
    pub org_before: FxSet<String>,
    /// Nouns before the name of a work or product ("le film Skyfall", "la fusée Falcon 9").
    pub work_before: FxSet<String>,
    /// Nouns naming a thing after a person with de/d' ("le boson de Higgs").
    pub eponym_before: FxSet<String>,
    /// Lowercase nouns heading an institution's name ("ministère de l'Intérieur").
    pub institution_head: FxSet<String>,
    /// Lowercase words inside or closing an institution's name ("d'appel", "étrangères").
    pub institution_word: FxSet<String>,
    /// Lowercase domains of the State's services, closing a directorate's or inspectorate's name
    /// ("direction générale de la police nationale", "inspection générale des services").
    pub institution_domain: FxSet<String>,
    /// Nouns of a numbered military unit ("le 2e régiment").
    pub military_unit: FxSet<String>,
    /// Arms and kinds closing a military unit's name ("d'infanterie", "parachutiste").
    pub military_word: FxSet<String>,
    /// Verbs only a firm is the subject of ("racheté", "licencie").
    pub company_verb: FxSet<String>,
    /// Verbs that report a firm's figures ("annoncé", "publie").
    pub company_report: FxSet<String>,
    /// The figures a firm reports ("bénéfice", "chiffre d'affaires").
    pub company_figure: FxSet<String>,
    pub loc_head: FxSet<String>,
    /// Phrase keys of the French towns of `cities.txt` `[towns]`, read in French text only
    /// (`recognize::gazetteer_at`): places even where the tagger reads a person (see `merge`).
    pub towns: FxSet<String>,
    /// The most words of a town's name.
    pub max_town_len: usize,
    /// Towns named "Le …" without their article, as "au", "du" leave them ("au Havre").
    pub towns_after_contraction: FxSet<String>,
    pub loc_suffix: FxSet<String>,
    pub loc_before: FxSet<String>,
    pub loc_prep: FxSet<String>,
    /// Lowercase type words that are part of a street's or square's name ("place Tahrir").
    pub street: FxSet<String>,
    pub first_names: FxSet<String>,
    /// Folded month form → 1..=12.
    pub months: FxMap<String, u32>,
    /// Folded weekday form → 1 (Monday) ..= 7.
    pub days: FxMap<String, u32>,
    pub speech_fr: FxSet<String>,
    pub speech_en: FxSet<String>,
    pub stop_fr: FxSet<String>,
    pub stop_en: FxSet<String>,
    pub not_entities: FxSet<String>,
    /// All-caps words that are not organisations ("PIB", "TVA", "SMS"), exact case.
    pub common_acronyms: FxSet<&'static str>,
    /// Case-sensitive, without the dot.
    pub abbreviations: FxSet<&'static str>,
    /// Folded words of the press's section labels ("VIDÉO -", "LE SCAN POLITIQUE -").
    pub rubric_words: FxSet<String>,
}

pub static GAZ: LazyLock<Gazetteers> = LazyLock::new(load);

fn is_acronym(form: &str) -> bool {
    let letters = form.chars().filter(|c| c.is_alphabetic()).count();
    (2..=5).contains(&letters) && form.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.')
}

fn load() -> Gazetteers {
    let mut g = Gazetteers::default();
    // The tokenizer itself needs the abbreviation list: fill it first, and phrase tokenization
    // below only uses words that do not depend on it.
    for (_, line) in lines_with_sections(gaz!("abbreviations.txt")) {
        g.abbreviations.insert(line);
    }
    for (file, label) in [
        (gaz!("countries.txt"), Label::Loc),
        (gaz!("cities.txt"), Label::Loc),
        (gaz!("regions.txt"), Label::Loc),
        (gaz!("orgs.txt"), Label::Org),
        (gaz!("media.txt"), Label::Org),
    ] {
        for (sec, line) in lines_with_sections(file) {
            let id = g.names.len() as u32;
            // Towns are kept apart from the phrases: only French text reads them (see
            // `towns`), and the tagger, trained before they were listed, never sees them.
            if sec == "towns" {
                for form in line.split('|').map(str::trim).filter(|f| !f.is_empty()) {
                    let key = phrase_key(form, &g.abbreviations);
                    g.max_town_len = g.max_town_len.max(key.split(' ').count());
                    g.towns.insert(key);
                    // "au Havre", "du Mans": the article melts into the preposition.
                    if let Some(bare) = form.strip_prefix("Le ") {
                        g.towns_after_contraction.insert(phrase_key(bare, &g.abbreviations));
                    }
                }
                continue;
            }
            let mut forms = line.split('|').map(str::trim).filter(|f| !f.is_empty());
            let Some(first) = forms.next() else { continue };
            g.names.push(first.to_string());
            for form in std::iter::once(first).chain(forms) {
                let entry = GazEntry { id, label, cap_mask: cap_mask(form), after_contraction: false };
                if is_acronym(form) {
                    g.acronyms.entry(form.trim_end_matches('.').to_string()).or_insert(entry);
                    g.acronyms.entry(form.to_string()).or_insert(entry);
                    continue;
                }
                g.add_phrase(form, entry);
                // "du Figaro", and likewise "du Caire", "au Mans": the article of a title or of
                // a town's name melts into the preposition.
                if let Some(bare) = without_article(form) {
                    g.add_phrase(
                        bare,
                        GazEntry { cap_mask: cap_mask(bare), after_contraction: true, ..entry },
                    );
                }
            }
        }
    }
    for (_, line) in lines_with_sections(gaz!("demonyms.txt")) {
        let mut parts = line.split('|').map(str::trim);
        let Some(country) = parts.next() else {
            continue;
        };
        let key = phrase_key(country, &g.abbreviations);
        let Some(entry) = g.phrases.get(&key).copied() else {
            continue;
        };
        let Some(masc) = parts.next() else { continue };
        for f in french_forms(&fold_str(masc)) {
            g.demonyms.insert(f, entry.id);
        }
        for f in parts {
            let f = fold_str(f);
            g.demonyms.insert(format!("{f}s"), entry.id);
            g.demonyms.insert(f, entry.id);
        }
    }
    for (sec, line) in lines_with_sections(gaz!("titles.txt")) {
        let key = phrase_key(line, &g.abbreviations);
        if sec == "professions" && !g.titles.contains(&key) {
            g.professions.insert(key.clone());
        }
        g.max_title_len = g.max_title_len.max(key.split(' ').count());
        if let Some(h) = key.split(' ').next() {
            g.title_heads.insert(h.to_string());
        }
        if let Some(h) = line.split_whitespace().next() {
            g.title_heads_written.insert(h.to_lowercase());
        }
        g.titles.insert(key);
    }
    for (_, line) in lines_with_sections(gaz!("honorifics.txt")) {
        let f = fold_str(line);
        g.honorifics.insert(f.trim_end_matches('.').to_string());
        g.honorifics.insert(format!("{}.", f.trim_end_matches('.')));
    }
    for (sec, line) in lines_with_sections(gaz!("org_cues.txt")) {
        let set = match sec {
            "head" => &mut g.org_head,
            "suffix" => &mut g.org_suffix,
            "institution" => &mut g.institution_head,
            "institution_word" => &mut g.institution_word,
            "institution_domain" => &mut g.institution_domain,
            "military_unit" => &mut g.military_unit,
            "military_word" => &mut g.military_word,
            "company_verb" => &mut g.company_verb,
            "company_report" => &mut g.company_report,
            "company_figure" => &mut g.company_figure,
            _ => &mut g.org_before,
        };
        set.insert(fold_str(line));
    }
    for (sec, line) in lines_with_sections(gaz!("loc_cues.txt")) {
        let set = match sec {
            "head" => &mut g.loc_head,
            "suffix" => &mut g.loc_suffix,
            "prep" => &mut g.loc_prep,
            "street" => &mut g.street,
            _ => &mut g.loc_before,
        };
        set.insert(fold_str(line));
    }
    for (sec, line) in lines_with_sections(gaz!("work_cues.txt")) {
        let set = if sec == "eponym" { &mut g.eponym_before } else { &mut g.work_before };
        set.insert(fold_str(line));
    }
    for (_, line) in lines_with_sections(gaz!("first_names.txt")) {
        g.first_names.insert(fold_str(line));
    }
    for (sec, line) in lines_with_sections(gaz!("calendar.txt")) {
        let mut parts = line.split('|');
        let Some(n) = parts.next().and_then(|n| n.trim().parse::<u32>().ok()) else {
            continue;
        };
        let map = if sec == "days" { &mut g.days } else { &mut g.months };
        for f in parts {
            map.insert(fold_str(f.trim()), n);
        }
    }
    for (sec, line) in lines_with_sections(gaz!("speech_verbs.txt")) {
        let set = if sec == "en" { &mut g.speech_en } else { &mut g.speech_fr };
        set.insert(fold_str(line));
    }
    for (sec, line) in lines_with_sections(gaz!("stopwords.txt")) {
        let set = if sec == "en" { &mut g.stop_en } else { &mut g.stop_fr };
        for w in line.split_whitespace() {
            set.insert(fold_str(w));
        }
    }
    for (sec, line) in lines_with_sections(gaz!("not_entities.txt")) {
        if sec == "acronyms" {
            g.common_acronyms.extend(line.split_whitespace());
        } else {
            g.not_entities.insert(fold_str(line));
        }
    }
    for (_, line) in lines_with_sections(gaz!("rubrics.txt")) {
        g.rubric_words.insert(fold_str(line));
    }
    g
}

/// Folded token sequence of a phrase, joined by spaces. Uses a simple whitespace/apostrophe
/// split equivalent to the tokenizer for gazetteer-style text (the tokenizer depends on GAZ).
pub fn phrase_key(s: &str, _abbr: &FxSet<&'static str>) -> String {
    let s = &spaced(s);
    let mut out = String::with_capacity(s.len() + 4);
    for word in s.split_whitespace() {
        let f = fold_str(word);
        // Split French elisions: "d'ivoire" → "d' ivoire"; "l'ouest" → "l' ouest".
        let mut rest = f.as_str();
        if let Some(pos) = rest.find('\'') {
            let (head, tail) = rest.split_at(pos + 1);
            let h = head.trim_end_matches('\'');
            if matches!(
                h,
                "l" | "d" | "qu" | "n" | "s" | "j" | "c" | "m" | "t" | "jusqu" | "lorsqu" | "puisqu"
            ) && !tail.is_empty()
            {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(head);
                rest = tail;
            }
        }
        if !out.is_empty() {
            out.push(' ');
        }
        // The tokenizer splits an English possessive off: "Moody's" → "Moody" + "'s".
        match rest.strip_suffix("'s").filter(|stem| !stem.is_empty() && !stem.ends_with('\'')) {
            Some(stem) => {
                out.push_str(stem);
                out.push_str(" 's");
            }
            None => out.push_str(rest),
        }
    }
    out
}

/// The form with spaces around the punctuation the tokenizer makes tokens of inside a word:
/// "Yahoo!" → "Yahoo !", "CD&V" → "CD & V", "Canal+", "Le Vif/L'Express", "Jeuxvideo.com", and the
/// comma of "Conseil économique, social et environnemental".
fn spaced(form: &str) -> String {
    let mut out = String::with_capacity(form.len() + 8);
    let mut chars = form.chars().peekable();
    while let Some(c) = chars.next() {
        let dot_in_word = c == '.' && chars.peek().is_some_and(|n| n.is_lowercase());
        if matches!(c, '!' | '&' | '+' | '/' | ',') || dot_in_word {
            out.push(' ');
            out.push(c);
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

fn cap_mask(form: &str) -> u16 {
    let form = &spaced(form);
    let mut mask = 0u16;
    let mut i = 0;
    for word in form.split_whitespace() {
        // An elided article is its own token ("d'" + "Ivoire").
        let parts: Vec<&str> = match word.find(['\'', '’']) {
            Some(p) if p <= 6 && word.len() > p + 3 => {
                vec![word.get(..p).unwrap_or(""), word.get(p + 1..).unwrap_or("")]
            }
            _ => vec![word],
        };
        for part in parts {
            if starts_upper(part) && i < 16 {
                mask |= 1 << i;
            }
            i += 1;
        }
    }
    mask
}

/// French adjective inflection: masculine singular → the four forms.
fn french_forms(m: &str) -> Vec<String> {
    let fem = if m.ends_with('e') {
        m.to_string()
    } else if m.ends_with("ien") || m.ends_with("en") && !m.ends_with("ain") {
        format!("{m}ne")
    } else if let Some(stem) = m.strip_suffix("if") {
        format!("{stem}ive")
    } else if m.ends_with("c") {
        format!("{m}que")
    } else {
        format!("{m}e")
    };
    let plural = |s: &str| {
        if s.ends_with('s') || s.ends_with('x') {
            s.to_string()
        } else if let Some(stem) = s.strip_suffix("al") {
            format!("{stem}aux")
        } else {
            format!("{s}s")
        }
    };
    let mp = plural(m);
    let fp = format!("{fem}s");
    vec![m.to_string(), mp, fem, fp]
}

impl Gazetteers {
    /// Lists one form of a place or organisation. The first definition wins (countries before
    /// cities: "Mexico" is the country; "Le Monde" before its contracted "Monde"); a later form
    /// of the same name only relaxes the capitals it needs or where it may stand.
    fn add_phrase(&mut self, form: &str, entry: GazEntry) {
        let key = phrase_key(form, &self.abbreviations);
        self.max_phrase_len = self.max_phrase_len.max(key.split(' ').count());
        if let Some(head) = key.split(' ').next() {
            self.phrase_heads.insert(head.to_string());
        }
        for (i, _) in key.match_indices(' ') {
            self.phrase_prefixes.insert(key[..i].to_string());
        }
        self.phrase_prefixes.insert(key.clone());
        // Two forms of one name that differ only in case ("Franceinfo|franceinfo", "France
        // Info|France info"): a capital is needed only where every form has one.
        self.phrases
            .entry(key)
            .and_modify(|e| {
                if e.id != entry.id {
                    return;
                }
                if e.after_contraction == entry.after_contraction {
                    e.cap_mask &= entry.cap_mask;
                } else if e.after_contraction {
                    // "Les Patriotes|Patriotes": the bare form listed on its own is a name
                    // anywhere, not only after "des"/"aux".
                    *e = entry;
                }
            })
            .or_insert(entry);
    }

    /// A title or function word that is never a name on its own ("président", "ministre"), as
    /// opposed to professions that are also surnames ("Berger").
    pub fn is_title_word(&self, folded: &str) -> bool {
        self.titles.contains(folded) && !self.professions.contains(folded)
    }

    /// "du", "au", "des", "aux": a preposition with the article "le"/"les" in it.
    pub fn is_contraction(&self, folded: &str) -> bool {
        CONTRACTIONS.contains(&folded)
    }

    pub fn is_stop(&self, folded: &str) -> bool {
        self.stop_fr.contains(folded) || self.stop_en.contains(folded)
    }
    pub fn is_speech_verb(&self, folded: &str) -> bool {
        self.speech_fr.contains(folded) || self.speech_en.contains(folded)
    }
}

/// What the lists say of each word of a sentence, as feature strings for the tagger
/// (`extra[i]` for `words[i]`): inside a listed place or organisation (`LOC`/`ORG`, its first
/// word also `…<`), a given name, a nationality word, or a cue word before a name (organisation,
/// place, work, institution, title, honorific). The tagger learns how far to trust each.
pub fn token_features(words: &[&str]) -> Vec<Vec<&'static str>> {
    let g = &*GAZ;
    let folded: Vec<String> = words.iter().map(|w| fold_str(w)).collect();
    let mut out: Vec<Vec<&'static str>> = vec![Vec::new(); words.len()];
    let mut i = 0;
    while i < words.len() {
        match g.listed_at(words, &folded, i) {
            Some((end, label)) => {
                let (first, inside) = match label {
                    Label::Org => ("ORG<", "ORG"),
                    _ => ("LOC<", "LOC"),
                };
                out[i].push(first);
                for feats in out.iter_mut().take(end).skip(i) {
                    feats.push(inside);
                }
                i = end;
            }
            None => i += 1,
        }
    }
    for (k, (f, feats)) in folded.iter().zip(out.iter_mut()).enumerate() {
        let capitalised = words.get(k).is_some_and(|w| starts_upper(w));
        if capitalised && g.first_names.contains(f) {
            feats.push("first");
        }
        if g.demonyms.contains_key(f) {
            feats.push("demonym");
        }
        if capitalised {
            continue;
        }
        for (set, name) in [
            (&g.org_before, "cue:org"),
            (&g.loc_before, "cue:loc"),
            (&g.work_before, "cue:work"),
            (&g.institution_head, "cue:institution"),
            (&g.honorifics, "cue:honorific"),
        ] {
            if set.contains(f) {
                feats.push(name);
            }
        }
        if g.is_title_word(f) {
            feats.push("cue:title");
        }
    }
    out
}

impl Gazetteers {
    /// The longest listed place or organisation starting at word `i` (its end and label): an
    /// acronym as written, or a phrase whose capitalised forms are capitalised in the text.
    fn listed_at(&self, words: &[&str], folded: &[String], i: usize) -> Option<(usize, Label)> {
        let word = words.get(i)?;
        if let Some(e) = self.acronyms.get(*word) {
            return Some((i + 1, e.label));
        }
        if !self.phrase_heads.contains(folded.get(i)?.as_str()) {
            return None;
        }
        let mut key = String::new();
        let mut best = None;
        for j in i..(i + self.max_phrase_len).min(words.len()) {
            if j > i {
                key.push(' ');
            }
            key.push_str(&folded[j]);
            if !self.phrase_prefixes.contains(&key) {
                break;
            }
            if let Some(e) = self.phrases.get(&key)
                && (i..=j).all(|k| e.cap_mask & (1 << (k - i).min(15)) == 0 || starts_upper(words[k]))
                && (!e.after_contraction || i.checked_sub(1).is_some_and(|p| self.is_contraction(&folded[p])))
            {
                best = Some((j + 1, e.label));
            }
        }
        // A lone lowercase function word that happens to be listed is no evidence.
        best.filter(|&(end, _)| end > i + 1 || starts_upper(word) || !self.is_stop(&folded[i]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads() {
        let g = &*GAZ;
        assert!(g.phrases.contains_key("russie"));
        assert!(g.phrases.contains_key("federation de russie"));
        assert!(g.phrases.contains_key("cote d' ivoire"));
        assert!(g.phrases.contains_key("moody 's"), "split as the tokenizer splits it");
        assert!(g.acronyms.contains_key("US"));
        assert!(!g.phrases.contains_key("us"));
        let mali = g.phrases["mali"].id;
        for f in ["malien", "malienne", "maliens", "maliennes", "malian", "malians"] {
            assert_eq!(g.demonyms.get(f), Some(&mali), "{f}");
        }
        assert_eq!(g.demonyms.get("russe"), g.phrases.get("russie").map(|e| &e.id));
        assert!(g.titles.contains("porte-parole"));
        assert!(g.titles.contains("chief executive"));
        assert_eq!(g.months.get("nov."), Some(&11));
        assert_eq!(g.days.get("mardi"), Some(&2));
        assert!(g.speech_fr.contains("souligne"));
        assert!(g.names.len() > 500);
    }
}

#[cfg(test)]
mod key_tests {
    use super::*;

    /// Every listed form's key is the text's folded tokens, or the form can never match.
    #[test]
    fn phrase_keys_follow_the_tokenizer() {
        let mut wrong = Vec::new();
        for file in [
            gaz!("countries.txt"),
            gaz!("cities.txt"),
            gaz!("regions.txt"),
            gaz!("orgs.txt"),
            gaz!("media.txt"),
        ] {
            for (_, line) in lines_with_sections(file) {
                for form in line.split('|').map(str::trim).filter(|f| !f.is_empty() && !is_acronym(f)) {
                    let tokens: Vec<String> = crate::extract::tokenize(form)
                        .iter()
                        .map(|t| fold_str(form.get(t.start..t.end).unwrap_or("")))
                        .collect();
                    let key = phrase_key(form, &GAZ.abbreviations);
                    if tokens.join(" ") != key {
                        wrong.push(format!("{form}: {key} vs {}", tokens.join(" ")));
                    }
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
