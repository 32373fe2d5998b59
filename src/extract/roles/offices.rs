//! Roles from who held an office on the article's day: "«…», a répété le premier ministre" in a
//! French article of December 2018 that names Édouard Philippe is his; "the chancellor" in a
//! British article of 2005 that names Gordon Brown is his. The table of holders
//! (`assets/gazetteers/office_holders.txt`) is general knowledge of the world; a description
//! goes to its holder only when the text names that holder, and never when the text gives the
//! same office to someone else ("le premier ministre canadien Stephen Harper"). A text of unknown
//! day gives it to the one holder of any time it names, if only one (`sole_named_holder`).

use std::ops::Range;
use std::sync::LazyLock;

use super::{RoleMatch, is_honorific, listed_name_at};
use crate::extract::coref::{Gender, given_name_gender, honorific_gender};
use crate::extract::dates::{Ymd, days_from_civil};
use crate::extract::doc::Doc;
use crate::extract::gazetteer::{GAZ, phrase_key};
use crate::extract::types::{Label, Lang};
use crate::extract::util::{FxMap, FxSet, lines_with_sections};
use crate::text::fold::fold_str;

/// Which country a description means when the text names none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Country {
    /// "le premier ministre" in French news: France's.
    Default(u32),
    /// "le président": the text must say of which country.
    Named,
    /// The pope, the UN secretary-general.
    None,
}

/// A way the news names an office without naming its holder.
struct Description {
    lang: Lang,
    words: Vec<String>,
    office: String,
    country: Country,
}

struct Holder {
    offices: Vec<String>,
    country: Option<u32>,
    /// The folded words of each way the press writes the holder's name.
    names: Vec<Vec<String>>,
    from: i64,
    /// The first day out of office; none while in office.
    until: Option<i64>,
}

struct Offices {
    descriptions: Vec<Description>,
    /// Folded first words of the descriptions (quick reject).
    first_words: FxSet<String>,
    holders: Vec<Holder>,
}

static OFFICES: LazyLock<Offices> = LazyLock::new(load);

/// The office holders' names of two words or more, by their first folded word: people the news
/// names often, whom a tagger may miss ("Bruno Le Maire", read as an article and a title).
static LISTED_PEOPLE: LazyLock<FxMap<String, Vec<Vec<String>>>> = LazyLock::new(|| {
    let mut out: FxMap<String, Vec<Vec<String>>> = FxMap::default();
    for name in OFFICES.holders.iter().flat_map(|h| h.names.iter()).filter(|n| n.len() > 1) {
        let forms = out.entry(name[0].clone()).or_default();
        if !forms.contains(name) {
            forms.push(name.clone());
        }
    }
    out
});

/// Where the name of a listed office holder written from token `k` on ends (the longest form),
/// when its words are capitalised as a name's are (a particle may be lowercase: "de").
pub(crate) fn listed_person_end(doc: &Doc, k: usize) -> Option<usize> {
    let forms = LISTED_PEOPLE.get(doc.folded(k))?;
    forms
        .iter()
        .filter(|words| {
            words.iter().enumerate().all(|(i, w)| {
                doc.folded(k + i) == w
                    && (doc.cap(k + i) || matches!(w.as_str(), "de" | "du" | "d'" | "von" | "van"))
            })
        })
        .map(|words| k + words.len())
        .max()
}

/// The folded tokens of a phrase, cut as the text's tokenizer cuts it.
fn folded_words(phrase: &str) -> Vec<String> {
    crate::extract::tokenize(phrase).iter().filter_map(|t| phrase.get(t.start..t.end)).map(fold_str).collect()
}

fn country_id(name: &str) -> Option<u32> {
    GAZ.phrases.get(&phrase_key(name, &GAZ.abbreviations)).map(|e| e.id)
}

fn day_number(s: &str) -> Option<i64> {
    let mut parts = s.split('-').map(|p| p.parse::<u32>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    Some(days_from_civil(i32::try_from(y).ok()?, m, d))
}

fn load() -> Offices {
    let mut out = Offices { descriptions: Vec::new(), first_words: FxSet::default(), holders: Vec::new() };
    let data = include_str!("../../../assets/gazetteers/office_holders.txt");
    for (section, line) in lines_with_sections(data) {
        let fields: Vec<&str> = line.split('|').map(str::trim).collect();
        match (section, fields.as_slice()) {
            ("descriptions", [lang, phrase, office, country]) => {
                let lang = if *lang == "en" { Lang::En } else { Lang::Fr };
                let country = match *country {
                    "-" => Country::Named,
                    "*" => Country::None,
                    name => match country_id(name) {
                        Some(id) => Country::Default(id),
                        None => continue,
                    },
                };
                let words = folded_words(phrase);
                let Some(first) = words.first() else { continue };
                out.first_words.insert(first.clone());
                out.descriptions.push(Description { lang, words, office: (*office).to_string(), country });
            }
            ("holders", [offices, country, names, from, until]) => {
                let Some(from) = day_number(from) else { continue };
                let country = match *country {
                    "*" => None,
                    name => match country_id(name) {
                        Some(id) => Some(id),
                        None => continue,
                    },
                };
                out.holders.push(Holder {
                    offices: offices.split(',').map(|o| o.trim().to_string()).collect(),
                    country,
                    names: names.split(';').map(folded_words).filter(|w| !w.is_empty()).collect(),
                    from,
                    until: day_number(until),
                });
            }
            _ => {}
        }
    }
    out
}

/// Whether the folded words (spaces between them) are, whole, a way the news names an office
/// without its holder: "chancellor", "prime minister", "premier ministre".
pub(crate) fn names_an_office(folded: &str) -> bool {
    described_office(folded, None).is_some()
}

/// The description the folded words are, whole (in `lang` when given). Compared word by word:
/// this runs for every description of a person in a text.
fn described_office(folded: &str, lang: Option<Lang>) -> Option<&'static Description> {
    OFFICES.descriptions.iter().find(|d| {
        lang.is_none_or(|l| d.lang == l) && d.words.iter().map(String::as_str).eq(folded.split(' '))
    })
}

/// Whether the person at `name` may be the one the folded description (spaces between the
/// words) stands for: always, unless it is, whole, an office of a country the text need not
/// name ("le premier ministre", "le chef de l'État"), whose holders the table lists; then only
/// a listed holder of that office (of any time or country) may be.
pub(crate) fn may_hold_office(doc: &Doc, folded: &str, name: &Range<usize>) -> bool {
    let Some(d) = described_office(folded, Some(doc.lang)) else {
        return true;
    };
    if !matches!(d.country, Country::Default(_)) {
        return true;
    }
    let last = surname(doc, name);
    OFFICES
        .holders
        .iter()
        .filter(|h| h.offices.contains(&d.office))
        .any(|h| h.names.iter().any(|n| n.last().is_some_and(|w| w == last)))
}

/// An office named at some tokens of the text.
#[derive(Debug, Clone, Copy)]
struct OfficeAt<'o> {
    office: &'o str,
    /// The country the text names with it, if it names one.
    named: Option<u32>,
    /// The country meant: the one named, else the description's default.
    country: Option<u32>,
    /// Where the role's words start and end (qualifier included).
    start: usize,
    end: usize,
    /// Where the words to reserve end: before the first capitalised word inside the phrase
    /// ("hôte de Matignon": Matignon stays a place).
    reserved_end: usize,
}

/// The longest description written from token `k` on, in the text's language.
fn description_at(doc: &Doc, k: usize) -> Option<&'static Description> {
    if !OFFICES.first_words.contains(doc.folded(k)) {
        return None;
    }
    OFFICES
        .descriptions
        .iter()
        .filter(|d| d.lang == doc.lang)
        .filter(|d| d.words.iter().enumerate().all(|(i, w)| k + i < doc.len() && doc.folded(k + i) == w))
        .max_by_key(|d| d.words.len())
}

/// A country named at token `j`: a demonym ("britannique", "German") or a country's name or
/// acronym ("Allemagne", "US"); a place, not an organisation ("le président d'Odoxa" names no
/// country). Returns the country and where its words end.
fn country_at(doc: &Doc, j: usize) -> Option<(u32, usize)> {
    if let Some(&id) = GAZ.demonyms.get(doc.folded(j)) {
        return Some((id, j + 1));
    }
    // "France Télévisions" is no country: a longer listed name starts there.
    let place = listed_name_at(doc, j, Label::Loc)?;
    let longer = listed_name_at(doc, j, Label::Org).is_some_and(|(_, end)| end > place.1);
    (!longer).then_some(place)
}

/// The country a description names after it: "britannique", "des États-Unis", "of France".
fn country_after(doc: &Doc, e: usize) -> Option<(u32, usize)> {
    if doc.lang == Lang::Fr
        && !doc.cap(e)
        && let Some(&id) = GAZ.demonyms.get(doc.folded(e))
    {
        return Some((id, e + 1));
    }
    let of = matches!(doc.folded(e), "de" | "du" | "des" | "d'" | "of");
    let the = usize::from(matches!(doc.folded(e + 1), "la" | "l'" | "the"));
    of.then(|| country_at(doc, e + 1 + the)).flatten()
}

/// The country a description's words name, and where they end: after them ("premier ministre
/// britannique"), or with its last word ("président de la République tchèque", where the
/// République opens the country's own name).
fn country_of(doc: &Doc, phrase_end: usize) -> Option<(u32, usize)> {
    let own = phrase_end.checked_sub(1).and_then(|last| country_at(doc, last));
    own.filter(|&(_, end)| end > phrase_end).or_else(|| country_after(doc, phrase_end))
}

/// Words between a definite article and an office that keep it the one in office now.
const CURRENT: [&str; 3] = ["actuel", "actuelle", "current"];

/// The start of a definite description whose office starts at `k`, and the country an English
/// description names before it ("the British prime minister", "Britain's prime minister").
/// None when anything else stands between the article and the office ("l'ancien premier
/// ministre", "the former chancellor", "the then prime minister"), or no article.
fn definite_start(doc: &Doc, k: usize) -> Option<(usize, Option<u32>)> {
    let mut s = k;
    let mut named = None;
    if doc.lang == Lang::En && s > 0 {
        let possessive = s >= 2 && matches!(doc.tok(s - 1), "'s" | "’s");
        let at = if possessive { s - 2 } else { s - 1 };
        // "Britain's", "the US president", "the German chancellor".
        for c in at.saturating_sub(2)..=at {
            if let Some((id, _)) = country_at(doc, c).filter(|&(_, end)| end == at + 1) {
                named = Some(id);
                s = c;
                if possessive {
                    return Some((s, named));
                }
                break;
            }
        }
    }
    if s > 0 && CURRENT.contains(&doc.folded(s - 1)) {
        s -= 1;
    }
    let article = doc.folded(s.checked_sub(1)?);
    matches!(article, "le" | "la" | "l'" | "du" | "au" | "the").then_some((s, named))
}

/// The office a definite description at token `k` names, with its country.
fn office_at(doc: &Doc, k: usize) -> Option<OfficeAt<'static>> {
    let d = description_at(doc, k)?;
    // "l'organisation et son secrétaire général": an office of no country may follow a
    // possessive, the body it belongs to being the office's own.
    let possessed = || {
        let possessive = matches!(doc.folded(k.checked_sub(1)?), "son" | "sa");
        (possessive && matches!(d.country, Country::None)).then_some((k, None))
    };
    let (start, before) = definite_start(doc, k).or_else(possessed)?;
    let phrase_end = k + d.words.len();
    let after = country_of(doc, phrase_end);
    let named = before.or(after.map(|(id, _)| id));
    let end = after.map_or(phrase_end, |(_, e)| e);
    let country = country_meant(doc, d, named, phrase_end)?;
    let reserved_end = (k + 1..phrase_end).find(|&i| doc.cap(i)).unwrap_or(phrase_end);
    Some(OfficeAt { office: &d.office, named, country, start, end, reserved_end })
}

/// The country a description means: the one the text names, else its default when nothing
/// after it says otherwise; `Some(None)` for an office of no country, `None` when the text must
/// name the country and does not ("le président du groupe").
fn country_meant(doc: &Doc, d: &Description, named: Option<u32>, phrase_end: usize) -> Option<Option<u32>> {
    match (named, d.country) {
        (Some(id), _) => Some(Some(id)),
        (None, Country::Default(id)) if !says_more(doc, phrase_end) => Some(Some(id)),
        (None, Country::None) => Some(None),
        (None, Country::Default(_) | Country::Named) => None,
    }
}

/// Whether the words after a description name something its default country does not: "le
/// président de la République islamique", "… de la République Tchèque".
fn says_more(doc: &Doc, e: usize) -> bool {
    let f = doc.folded(e);
    let adjective = ["ique", "ain", "aine", "ien", "ienne", "ais", "aise", "al", "ale", "ois", "oise"];
    doc.is_word(e) && !doc.newline_before(e) && (doc.cap(e) || adjective.iter().any(|a| f.ends_with(a)))
}

/// Words after a description that put it at another time: "le président de l'époque", "le
/// premier ministre d'alors", "the prime minister at the time", "le premier ministre désigné".
fn of_another_time(doc: &Doc, e: usize) -> bool {
    let w = |i: usize| doc.folded(i);
    // The holder to come, not yet known: "le premier ministre désigné".
    matches!(w(e), "designe" | "designee")
        || w(e) == "de" && w(e + 1) == "l'" && w(e + 2) == "epoque"
        || w(e) == "d'" && w(e + 1) == "alors"
        || w(e) == "at" && w(e + 1) == "the" && w(e + 2) == "time"
}

/// The holder of `office` in `country` on day `day`.
fn holder_on(office: &str, country: Option<u32>, day: i64) -> Option<&'static Holder> {
    OFFICES.holders.iter().find(|h| {
        h.country == country
            && h.offices.iter().any(|o| o == office)
            && h.from <= day
            && h.until.is_none_or(|u| day < u)
    })
}

/// The next holder of `office` in `country` after day `day`, within a year: who was elected.
fn next_holder(office: &str, country: Option<u32>, day: i64) -> Option<&'static Holder> {
    OFFICES
        .holders
        .iter()
        .filter(|h| h.country == country && h.offices.iter().any(|o| o == office))
        .filter(|h| h.from > day && h.from - day <= 366)
        .min_by_key(|h| h.from)
}

/// Where the text names `holder`: the first whole name, trying the table's forms in order, then
/// the surname of a form alone. A one-word
/// form counts only after a title ("le pape François"); a surname alone ("Macron") only when it
/// cannot be a common word, a month or another person's given name.
fn named_at(doc: &Doc, holder: &Holder) -> Option<Range<usize>> {
    let capitalised = |i: usize| doc.cap(i) && doc.is_word(i) && !doc.newline_before(i);
    let after_title =
        |s: usize| s > 0 && GAZ.title_heads.contains(doc.folded(s - 1)) && !doc.newline_before(s);
    // "Mme Macron" is not Emmanuel Macron.
    let gender = holder.names.first().map_or(Gender::Unknown, |w| given_name_gender(&w.join(" ")));
    let honorific_fits = |h: usize| is_honorific(doc, h) && gender.fits(honorific_gender(doc.folded(h)));
    let alone = |s: usize, e: usize| {
        // "Pour Macron", "M. Macron", "le président Macron"; not "Jean Macron".
        let before_ok = s == 0
            || !capitalised(s - 1) && !is_honorific(doc, s - 1)
            || GAZ.is_stop(doc.folded(s - 1))
            || after_title(s)
            || honorific_fits(s - 1);
        (e >= doc.len() || !capitalised(e)) && before_ok
    };
    let find = |words: &[String], whole: &dyn Fn(usize, usize) -> bool| {
        (0..doc.len().saturating_sub(words.len().saturating_sub(1))).find_map(|s| {
            let e = s + words.len();
            let same = words.iter().enumerate().all(|(i, w)| doc.folded(s + i) == w && doc.cap(s + i));
            (same && whole(s, e)).then_some(s..e)
        })
    };
    let full = holder.names.iter().find_map(|words| {
        let one_word = words.len() == 1;
        let ends = |e: usize| e >= doc.len() || !capitalised(e);
        find(words, &|s, e| if one_word { after_title(s) && ends(e) } else { ends(e) })
    });
    full.or_else(|| {
        holder.names.iter().filter(|w| w.len() > 1).find_map(|words| {
            let surname = words.last()?;
            let common = surname.chars().count() < 4
                || GAZ.is_stop(surname)
                || GAZ.months.contains_key(surname.as_str())
                || GAZ.days.contains_key(surname.as_str())
                || GAZ.title_heads.contains(surname.as_str())
                || GAZ.first_names.contains(surname.as_str());
            if common {
                return None;
            }
            find(std::slice::from_ref(surname), &alone)
        })
    })
}

/// Words before an office that make its holder someone of the past or the future, or the
/// opposition's counterpart ("shadow chancellor Oliver Letwin" is not the chancellor).
const NOT_IN_OFFICE: [&str; 9] =
    ["ancien", "ancienne", "ex", "former", "late", "futur", "future", "then", "shadow"];

/// The folded last word of the name at `name`: how two mentions are told to be one person.
fn surname<'d>(doc: &'d Doc, name: &Range<usize>) -> &'d str {
    doc.folded(name.end.saturating_sub(1))
}

/// Whether a role says its holder is out of the office it names: a word of `NOT_IN_OFFICE` in
/// its words as written ("Former chancellor", whose reserved tokens may start at the title) or
/// among its tokens.
fn out_of_office(doc: &Doc, r: &RoleMatch) -> bool {
    r.role_tokens.clone().any(|i| NOT_IN_OFFICE.contains(&doc.folded(i)))
        || fold_str(&r.role).split(|c: char| !c.is_alphanumeric()).any(|w| NOT_IN_OFFICE.contains(&w))
}

/// Whether a role found with a name gives `office` to someone other than the holder named at
/// `name`, in the same country or in one the description did not say ("le premier ministre
/// canadien Stephen Harper … le premier ministre").
fn held_by_another(doc: &Doc, found: &[RoleMatch], at: &OfficeAt, name: &Range<usize>) -> bool {
    found.iter().any(|r| {
        // (country named, country meant) of the same office in this role, if it names it.
        // "président du groupe" is not the office.
        let theirs = r.role_tokens.clone().find_map(|i| {
            let d = description_at(doc, i).filter(|d| d.office == at.office)?;
            let phrase_end = i + d.words.len();
            let named = country_of(doc, phrase_end).map(|(id, _)| id);
            match country_meant(doc, d, named, phrase_end) {
                Some(country) => Some((named, country)),
                // "le premier ministre québécois": some country's, so a rival all the same.
                None if d.country != Country::Named => Some((None, None)),
                None => None,
            }
        });
        let past = out_of_office(doc, r);
        theirs.is_some_and(|(their_named, their_country)| {
            surname(doc, &r.name) != surname(doc, name)
                && !past
                && (at.named.is_none() || their_named.is_none() || their_country == at.country)
        })
    })
}

/// Whether a description that names no country may mean another country's holder the text
/// names: "Justin Trudeau a réuni les provinces. Le premier ministre a promis …" in a French
/// article, "Angela Merkel … The chancellor said Germany would …" in a British one.
/// Without the article's day (`None`), a holder of any time counts.
fn another_country_holder_named(
    doc: &Doc,
    at: &OfficeAt,
    holder: &Holder,
    day: Option<i64>,
    named: &mut Named,
) -> bool {
    at.named.is_none()
        && OFFICES.holders.iter().any(|h| {
            !std::ptr::eq(h, holder)
                && h.country != at.country
                && h.offices.iter().any(|o| o == at.office)
                && day.is_none_or(|day| h.from <= day && h.until.is_none_or(|u| day < u))
                && named.at(doc, h).is_some()
        })
}

/// Where the text names each holder, looked for once per text however often an office is
/// named. The text's capitalised words are gathered first: a holder whose surname the text
/// never writes (most of the table, in most texts) costs one lookup, not a scan of the text.
struct Named<'d> {
    capitalised: FxSet<&'d str>,
    found: Vec<(&'static Holder, Option<Range<usize>>)>,
}

impl<'d> Named<'d> {
    fn new(doc: &'d Doc) -> Self {
        let capitalised = (0..doc.len()).filter(|&i| doc.cap(i)).map(|i| doc.folded(i)).collect();
        Named { capitalised, found: Vec::new() }
    }

    /// Where the text names `holder` (see `named_at`).
    fn at(&mut self, doc: &Doc, holder: &'static Holder) -> Option<Range<usize>> {
        if let Some((_, name)) = self.found.iter().find(|(h, _)| std::ptr::eq(*h, holder)) {
            return name.clone();
        }
        // Every form `named_at` accepts ends with a capitalised word of the holder's name.
        let written = holder
            .names
            .iter()
            .any(|w| w.last().is_some_and(|last| self.capitalised.contains(last.as_str())));
        let name = if written { named_at(doc, holder) } else { None };
        self.found.push((holder, name.clone()));
        name
    }
}

/// For a text whose day is unknown (a saved page, an undated archive): the one person the text
/// names who held the office at some time, whoever it was: "Gordon Brown … a claim denied by
/// the chancellor". None when the text names two holders of it ("Tony Blair … Gordon Brown …
/// the prime minister"): either may be meant.
fn sole_named_holder(doc: &Doc, at: &OfficeAt, names: &mut Named) -> Option<(&'static Holder, Range<usize>)> {
    let mut named: Option<(&'static Holder, Range<usize>)> = None;
    for h in
        OFFICES.holders.iter().filter(|h| h.country == at.country && h.offices.iter().any(|o| o == at.office))
    {
        let Some(name) = names.at(doc, h) else { continue };
        match &named {
            // Two lines of the table for one name (two terms) are one person.
            Some((_, first)) if *first == name => {}
            Some(_) => return None,
            None => named = Some((h, name)),
        }
    }
    named
}

/// Whether, in a text of unknown day, the roles found give the holder named at `name` this
/// office in the past ("former chancellor Gordon Brown": the chancellor is someone else now) or
/// another office of the table ("Prime Minister Gordon Brown": once chancellor, no longer).
fn holder_titled_otherwise(
    doc: &Doc,
    found: &[RoleMatch],
    at: &OfficeAt,
    holder: &Holder,
    name: &Range<usize>,
) -> bool {
    found.iter().filter(|r| surname(doc, &r.name) == surname(doc, name)).any(|r| {
        let past = out_of_office(doc, r);
        let office = r.role_tokens.clone().find_map(|i| description_at(doc, i).map(|d| d.office.as_str()));
        office.is_some_and(|o| past && o == at.office || !holder.offices.iter().any(|h| h == o))
    })
}

/// A description of an office whose holder on the article's day is known: only that holder
/// may be given it, whoever the text names nearby.
pub(super) struct Veto {
    description: Range<usize>,
    holder: &'static Holder,
    /// Whether the text names the holder: if not, no one it names holds the office.
    named: bool,
}

impl Veto {
    /// Whether `r`, a role read from a description, gives the office to someone else.
    pub(super) fn forbids(&self, doc: &Doc, r: &RoleMatch) -> bool {
        let last = doc.folded(r.name.end.saturating_sub(1));
        self.description.contains(&r.role_tokens.start)
            && (!self.named || !self.holder.names.iter().any(|n| n.last().is_some_and(|w| w == last)))
    }
}

/// The roles the definite descriptions of offices give to the people who held them on `day`,
/// when the text names them, and the descriptions whose holder is known.
pub(super) fn office_roles(doc: &Doc, found: &[RoleMatch], day: Option<Ymd>) -> (Vec<RoleMatch>, Vec<Veto>) {
    let mut out: Vec<RoleMatch> = Vec::new();
    let mut vetoes = Vec::new();
    let day = day.map(|(y, m, d)| days_from_civil(y, m, d));
    let in_found = |k: usize| found.iter().any(|r| r.role_tokens.contains(&k) || r.name.contains(&k));
    let mut named: Option<Named> = None;
    // The holder behind each role pushed, for the undated check of their terms, and how many
    // descriptions gave it.
    let mut holders: Vec<&Holder> = Vec::new();
    let mut counts: Vec<usize> = Vec::new();
    for k in 0..doc.len() {
        // The office test first: a hash lookup rejects almost every word.
        let Some(mut at) = office_at(doc, k) else { continue };
        if in_found(k) {
            continue;
        }
        // "le président américain élu": the next holder, up to his first day.
        let elected = matches!(doc.folded(at.end), "elu" | "elue" | "elect");
        if elected {
            at.end += 1;
        }
        // "le premier ministre Édouard Philippe": a name of its own is the title path's.
        let named_next = doc.cap(at.end) && doc.is_word(at.end) && !doc.newline_before(at.end);
        if named_next || of_another_time(doc, at.end) {
            continue;
        }
        // Built once, for the first description that needs a holder's name.
        let named = named.get_or_insert_with(|| Named::new(doc));
        let (holder, name) = match day {
            Some(day) => {
                let holder = if elected {
                    next_holder(at.office, at.country, day)
                } else {
                    holder_on(at.office, at.country, day)
                };
                let Some(holder) = holder else { continue };
                let Some(name) = named.at(doc, holder) else {
                    vetoes.push(Veto { description: at.start..at.end, holder, named: false });
                    continue;
                };
                (holder, name)
            }
            // Who was elected is unknown without the day.
            None if elected => continue,
            None => match sole_named_holder(doc, &at, named) {
                Some(found_holder) => found_holder,
                None => continue,
            },
        };
        if held_by_another(doc, found, &at, &name)
            || another_country_holder_named(doc, &at, holder, day, named)
        {
            continue;
        }
        if day.is_none() && holder_titled_otherwise(doc, found, &at, holder, &name) {
            continue;
        }
        // Without the day the holder is only the likeliest: others are not forbidden it.
        if day.is_some() {
            vetoes.push(Veto { description: at.start..at.end, holder, named: true });
        }
        let role = doc.span_text(at.start, at.end).to_string();
        let folded = fold_str(&role);
        let known =
            |r: &RoleMatch| surname(doc, &r.name) == surname(doc, &name) && fold_str(&r.role) == folded;
        if let Some(i) = out.iter().position(known) {
            counts[i] += 1;
        } else if !found.iter().any(known) {
            out.push(RoleMatch { name, role_tokens: at.start..at.reserved_end, role });
            holders.push(holder);
            counts.push(1);
        }
    }
    if day.is_none() {
        out = consistent_in_time(doc, out, &holders, &counts);
    }
    (out, vetoes)
}

/// The undated roles whose holder's terms fit together: one person given two offices they never
/// held at once ("the chancellor" and "the prime minister", both read as Gordon Brown in a text
/// that does not name Tony Blair) keeps the one the text describes more often ("the chancellor"
/// four times, "the prime minister" once), and neither when the text describes both as often,
/// since its time is unknown. `counts`: how many descriptions gave each role.
fn consistent_in_time(
    doc: &Doc,
    roles: Vec<RoleMatch>,
    holders: &[&Holder],
    counts: &[usize],
) -> Vec<RoleMatch> {
    let overlap =
        |a: &Holder, b: &Holder| a.until.is_none_or(|u| b.from < u) && b.until.is_none_or(|u| a.from < u);
    let keep: Vec<bool> = (0..roles.len())
        .map(|i| {
            (0..roles.len()).all(|j| {
                surname(doc, &roles[j].name) != surname(doc, &roles[i].name)
                    || overlap(holders[i], holders[j])
                    || counts[i] > counts[j]
            })
        })
        .collect();
    roles.into_iter().zip(keep).filter_map(|(r, k)| k.then_some(r)).collect()
}

#[cfg(test)]
mod tests {
    use crate::extract::{Facts, Lang, Options, extract};

    fn facts(text: &str, lang: Lang, day: (i32, u32, u32)) -> Facts {
        extract(text, &Options { lang: Some(lang), article_date: Some(day) })
    }

    fn roles_of(f: &Facts, name: &str) -> Vec<String> {
        f.people.iter().filter(|p| p.name == name).flat_map(|p| p.roles.clone()).collect()
    }

    const PHILIPPE: &str = "Édouard Philippe a réuni les députés de la majorité mardi soir. «Nous ne \
        reculerons pas sur l'essentiel», a répété le premier ministre devant eux.";

    #[test]
    fn an_office_of_no_country_after_a_possessive_and_presidents_of_other_states() {
        let text = "L'organisation s'interroge sur le départ de son secrétaire général de la Francophonie. \
                    Abdou Diouf quitte Québec.";
        let f = facts(text, Lang::Fr, (2012, 7, 4));
        assert_eq!(roles_of(&f, "Abdou Diouf"), ["secrétaire général de la Francophonie"]);
        let text = "Le président égyptien a parlé au Caire. Mohamed Morsi a reçu les juges.";
        assert_eq!(roles_of(&facts(text, Lang::Fr, (2012, 11, 26)), "Mohamed Morsi"), ["président égyptien"]);
        // A possessive before an office of a country: whose, the text does not say.
        let text = "Le pays et son premier ministre hésitent. Édouard Philippe a parlé.";
        assert!(roles_of(&facts(text, Lang::Fr, (2018, 12, 5)), "Édouard Philippe").is_empty());
    }

    #[test]
    fn the_prime_minister_of_the_day_is_the_one_named() {
        let f = facts(PHILIPPE, Lang::Fr, (2018, 12, 5));
        assert_eq!(roles_of(&f, "Édouard Philippe"), ["premier ministre"]);
        let quote = f.quotes.iter().find(|q| q.text.starts_with("Nous ne"));
        assert_eq!(quote.and_then(|q| q.speaker.as_deref()), Some("Édouard Philippe"));
    }

    #[test]
    fn a_man_named_out_of_office_is_not_given_it() {
        // In 2021 the prime minister was someone else: Édouard Philippe was then mayor.
        let f = facts(PHILIPPE, Lang::Fr, (2021, 3, 2));
        assert!(roles_of(&f, "Édouard Philippe").is_empty());
    }

    #[test]
    fn another_prime_minister_in_the_text_makes_the_description_ambiguous() {
        let text = "Le premier ministre canadien Justin Trudeau a rencontré Édouard Philippe à \
            Paris. Le premier ministre a ensuite visité une usine.";
        let f = facts(text, Lang::Fr, (2018, 6, 7));
        assert!(!roles_of(&f, "Édouard Philippe").iter().any(|r| r.contains("ministre")));
    }

    #[test]
    fn a_former_holder_is_not_the_office_of_the_day() {
        let text = "Édouard Philippe était à Rouen. L'ancien premier ministre a parlé longtemps.";
        let f = facts(text, Lang::Fr, (2018, 6, 7));
        assert!(!roles_of(&f, "Édouard Philippe").iter().any(|r| r == "premier ministre"));
    }

    #[test]
    fn a_description_of_another_time_is_not_the_holder_of_the_day() {
        let text = "Jean Castex a rappelé les réformes de 2019. Le premier ministre de l'époque \
            avait défendu le texte.";
        let f = facts(text, Lang::Fr, (2021, 6, 7));
        assert!(!roles_of(&f, "Jean Castex").iter().any(|r| r == "premier ministre"));
    }

    #[test]
    fn the_president_of_a_firm_holds_no_office_of_state() {
        let text = "Selon Jean Dupont, président d'Ipsos, les Français doutent de l'initiative \
            lancée par Emmanuel Macron. Ils ne croient pas ce que promet le chef de l'État.";
        let f = facts(text, Lang::Fr, (2019, 1, 10));
        assert_eq!(roles_of(&f, "Emmanuel Macron"), ["chef de l'État"]);
    }

    #[test]
    fn every_line_of_the_table_is_read() {
        let data = include_str!("../../../assets/gazetteers/office_holders.txt");
        let lines = |section: &str| {
            crate::extract::util::lines_with_sections(data).filter(|(s, _)| *s == section).count()
        };
        assert_eq!(super::OFFICES.descriptions.len(), lines("descriptions"));
        assert_eq!(super::OFFICES.holders.len(), lines("holders"));
        assert!(
            super::OFFICES.holders.iter().all(|h| !h.names.is_empty() && h.until.is_none_or(|u| u > h.from))
        );
    }

    #[test]
    fn a_seat_of_power_names_its_holder() {
        let text = "Vladimir Poutine a reçu le ministre. Le chef du Kremlin a salué «un dialogue utile».";
        let f = facts(text, Lang::Fr, (2019, 2, 1));
        assert_eq!(roles_of(&f, "Vladimir Poutine"), ["chef du Kremlin"]);
    }

    #[test]
    fn the_head_of_an_international_body_may_be_named_after_the_description() {
        let text = "La secrétaire générale de la Francophonie a ouvert le forum. Louise Mushikiwabo \
            a rappelé l'importance de la langue.";
        let f = facts(text, Lang::Fr, (2019, 6, 3));
        assert_eq!(roles_of(&f, "Louise Mushikiwabo"), ["secrétaire générale de la Francophonie"]);
    }

    #[test]
    fn a_surname_alone_names_the_holder_unless_it_is_a_common_word() {
        let text = "Pour Macron, la réforme est urgente. Le chef de l'État l'a redit mardi.";
        let f = facts(text, Lang::Fr, (2019, 1, 10));
        assert_eq!(roles_of(&f, "Macron"), ["chef de l'État"]);
        // "May" is a month before it is Theresa May.
        let text = "The talks with Mr Smith began in May. The prime minister said little.";
        let f = facts(text, Lang::En, (2017, 9, 4));
        assert!(f.people.iter().all(|p| p.roles.iter().all(|r| r != "prime minister")), "{:?}", f.people);
    }

    #[test]
    fn review_cases_give_the_office_to_no_one_else() {
        let day = (2018, 12, 7);
        for (text, name) in [
            // A longer listed name is no country; "la République islamique" is not France.
            (
                "Le président de France Télévisions, Paul Roux, a reçu Emmanuel Macron. Le président \
                 de la République a salué son action.",
                "",
            ),
            (
                "Hassan Rohani a eu Emmanuel Macron au téléphone. Le président de la République \
                 islamique a dénoncé les sanctions.",
                "Emmanuel Macron",
            ),
            // A woman with the holder's surname; the holder to come.
            ("Mme Macron a visité l'hôpital. Le chef de l'État doit s'y rendre.", "Macron"),
            // Another country's prime minister named.
            (
                "Édouard Philippe a présenté le budget.\nÀ Ottawa, Justin Trudeau a réuni les \
                 provinces. Le premier ministre a promis des fonds.",
                "Édouard Philippe",
            ),
        ] {
            let f = facts(text, Lang::Fr, day);
            if name.is_empty() {
                assert_eq!(roles_of(&f, "Emmanuel Macron"), ["président de la République"], "{text}");
            } else {
                assert!(roles_of(&f, name).is_empty(), "{text}: {:?}", f.people);
            }
        }
        // The president-elect is the next one.
        let text = "Barack Obama a ordonné une enquête. Donald Trump a réagi. Le président américain élu a \
            critiqué la CIA.";
        let f = facts(text, Lang::Fr, (2016, 12, 12));
        assert!(roles_of(&f, "Barack Obama").is_empty(), "{:?}", f.people);
        assert_eq!(roles_of(&f, "Donald Trump"), ["président américain élu"]);
    }

    #[test]
    fn a_president_needs_a_country() {
        let text = "Donald Trump a tweeté samedi. Le président américain critique l'accord. Le \
            président a ensuite quitté la salle.";
        let f = facts(text, Lang::Fr, (2018, 12, 8));
        assert_eq!(roles_of(&f, "Donald Trump"), ["président américain"]);
    }

    #[test]
    fn english_chancellor_and_german_chancellor() {
        let day = (2005, 3, 9);
        let text =
            "Gordon Brown will present his budget next week. The chancellor said taxes would not rise.";
        assert_eq!(roles_of(&facts(text, Lang::En, day), "Gordon Brown"), ["chancellor"]);
        let text = "Gerhard Schroeder spoke in Berlin. The German chancellor said he agreed.";
        assert_eq!(roles_of(&facts(text, Lang::En, day), "Gerhard Schroeder"), ["German chancellor"]);
        // Both named: "the chancellor" may be either.
        let text = "Gordon Brown met Gerhard Schroeder. The chancellor said Germany would agree.";
        let f = facts(text, Lang::En, day);
        assert!(f.people.iter().all(|p| p.roles.iter().all(|r| r != "chancellor")), "{:?}", f.people);
    }

    fn undated(text: &str) -> Facts {
        extract(text, &Options { lang: Some(Lang::En), article_date: None })
    }

    #[test]
    fn without_the_day_the_one_holder_named_is_given_the_office() {
        let text = "Gordon Brown must open his books, say the Lib Dems. Experts see a black hole, a claim \
            denied by the chancellor.";
        assert_eq!(roles_of(&undated(text), "Gordon Brown"), ["chancellor"]);
        // The opposition's counterpart is no rival holder.
        let text = "Shadow chancellor Oliver Letwin attacked Gordon Brown. The chancellor said taxes would \
            not rise.";
        let f = undated(text);
        assert_eq!(roles_of(&f, "Gordon Brown"), ["chancellor"]);
        assert_eq!(roles_of(&f, "Oliver Letwin"), ["Shadow chancellor"]);
        // The description that attributes a quotation names him too.
        let text =
            "Gordon Brown is touring Africa.\n\"We make this offer unilaterally,\" the chancellor said.";
        let quote = undated(text).quotes.into_iter().next();
        assert_eq!(quote.and_then(|q| q.speaker).as_deref(), Some("Gordon Brown"));
    }

    #[test]
    fn without_the_day_two_holders_named_or_two_terms_give_nothing() {
        // Both were prime minister: either may be meant.
        let text = "Tony Blair and Gordon Brown spoke. The prime minister said the war was right.";
        let f = undated(text);
        assert!(f.people.iter().all(|p| p.roles.is_empty()), "{:?}", f.people);
        // One man never chancellor and prime minister at once: the text's time is unknown.
        let text = "Gordon Brown spoke in Gateshead. The chancellor said the vote was near. The prime \
            minister will speak on Saturday.";
        assert_eq!(roles_of(&undated(text), "Gordon Brown"), Vec::<String>::new());
        // The office the text describes more often is the one it means.
        let text = "Gordon Brown spoke in Gateshead. The chancellor said the vote was near. The prime \
            minister will speak on Saturday. The chancellor also hailed growth.";
        assert_eq!(roles_of(&undated(text), "Gordon Brown"), ["chancellor"]);
        // A former holder named as such is not the one in office.
        let text = "Former chancellor Gordon Brown spoke. The chancellor said taxes would not rise.";
        assert_eq!(roles_of(&undated(text), "Gordon Brown"), ["Former chancellor"]);
    }

    #[test]
    fn a_one_word_name_counts_only_after_its_title() {
        let pope = "Le pape François a reçu des enfants. Le souverain pontife les a bénis.";
        let f = facts(pope, Lang::Fr, (2015, 5, 4));
        assert_eq!(roles_of(&f, "François"), ["pape", "souverain pontife"]);
        let other = "François Hollande a reçu des enfants. Le souverain pontife les a bénis.";
        let f = facts(other, Lang::Fr, (2015, 5, 4));
        assert!(roles_of(&f, "François Hollande").is_empty());
    }
}
