//! Quotations in «…», “…”, „…“ and "…", with the speaker when the text names one:
//! after the quote ("», ont souligné les autorités maliennes", "," said Tony Blair", "," X said")
//! or before it ("X a déclaré : «", "X said: "", "selon X, «", "according to X, "").
//! A speaker given as a pronoun ("», a-t-il dit", "," she said", "Il a déclaré : «") is taken to
//! be the person named last before the quote, within the few sentences before it.

use super::coref::{self, Gender};
use super::doc::Doc;
use super::entities::EntityIndex;
use super::gazetteer::GAZ;
use super::roles::{RoleMatch, is_honorific};
use super::types::{Entity, Label, Lang, Quote};
use super::util::ends_like_participle;

/// Words that end a speaker noun phrase.
const NP_STOP: [&str; 34] = [
    "sans", "dans", "lors", "en", "qui", "que", "qu'", "pour", "avant", "apres", "avec", "sur", "mais", "et",
    "car", "with", "in", "on", "at", "after", "who", "which", "to", "as", "during", "but", "and", "when",
    "while", "on", "adding", "ajoutant", "lundi", "monday",
];

/// Personal pronouns, French and English (folded).
pub(crate) const PRONOUNS: [&str; 20] = [
    "il", "elle", "ils", "elles", "on", "he", "she", "they", "it", "we", "i", "je", "nous", "lui", "eux",
    "moi", "vous", "celui-ci", "celle-ci", "ceux-ci",
];

const AUX: [&str; 12] =
    ["a", "ont", "avait", "avaient", "aurait", "has", "had", "have", "a-t-il", "a-t-elle", "was", "were"];

/// Singular personal pronouns: in news, the person last named.
const PERSONAL: [&str; 4] = ["il", "elle", "he", "she"];

/// Who said a quote, as the words around it give it.
enum Speaker {
    Named(String),
    /// A singular personal pronoun ("a-t-il dit", "selon elle"): the person named before whose
    /// gender fits, when only one does.
    Pronoun(Gender),
    /// "ce dernier", "cette dernière", "l'intéressé": the nearest person named before whose
    /// gender fits.
    Latest(Gender),
    /// A description ("l'universitaire", "le quotidien", "les autorités maliennes"): the one
    /// person or organisation of its kind named shortly before, else the words themselves when
    /// nobody of that kind is named, and nothing when several are.
    Description(Kind, String),
    /// The text attributes the quote ("», ajoute X") but not to anyone we can name: no
    /// speaker, and none inherited from the quote before.
    Unknown,
    /// The verb after the quote has an object, not a subject ("», a regretté une annonce"):
    /// no speaker, and no unnamed person spoke whom a later pronoun could stand for.
    Object,
}

/// How a quote's speaker was given, for the pronouns that follow.
#[derive(PartialEq)]
enum Found {
    /// Attributed to someone not named ("a indiqué un porte-parole").
    Unnamed,
    Described,
    Other,
}

/// Whether a person is named between tokens `a` and `b`.
fn person_between(doc: &Doc, a: usize, b: usize, entities: &EntityIndex) -> bool {
    let (Some(from), Some(to)) = (doc.tokens.get(a), doc.tokens.get(b)) else { return false };
    entities.last_person_between(from.end, to.start, |_, _| true).is_some()
}

/// Whether someone other than `name` is named between tokens `a` and `b` (the speaker's own
/// name in the incise after their quote is no rival: "», a constaté X, sur franceinfo.").
fn other_person_between(doc: &Doc, a: usize, b: usize, name: &str, entities: &EntityIndex) -> bool {
    person_between_where(doc, a, b, entities, |e, _| e.name != name && !only_after_article(doc, e))
}

/// Whether a person `keep` accepts (given the mention's first byte) is named between the
/// tokens `a` and `b`.
fn person_between_where(
    doc: &Doc,
    a: usize,
    b: usize,
    entities: &EntityIndex,
    keep: impl Fn(&Entity, usize) -> bool,
) -> bool {
    let (Some(from), Some(to)) = (doc.tokens.get(a), doc.tokens.get(b)) else { return false };
    entities.last_person_between(from.end, to.start, keep).is_some()
}

/// Whether a mention starting at byte `start` is the complement of a noun of person: "un proche
/// de Cyril Hanouna", "l'avocate de X". It names whom the one described is close to, not who
/// speaks after.
fn complement_of_person_noun(doc: &Doc, start: usize) -> bool {
    let j = token_at(doc, start);
    j >= 3
        && matches!(doc.folded(j - 1), "de" | "d'" | "du")
        && is_person_head(doc, j - 2)
        && doc.is_determiner(j - 3)
}

/// Whether a mention ending at byte `end` is a possessor ("Lester's guidance", "Kenteris'
/// lawyer"): no one who speaks.
fn possessor_ending_at(doc: &Doc, end: usize) -> bool {
    matches!(doc.tok(token_at(doc, end)), "'s" | "’s" | "'" | "’")
}

/// Whether a "person" is only ever written after an article ("du Printemps Haussmann", "le
/// Figaro"): the tagger's person is a shop, a title or a body, no rival speaker.
fn only_after_article(doc: &Doc, e: &Entity) -> bool {
    e.mentions.iter().all(|m| {
        let j = doc.tokens.partition_point(|t| t.start < m.start);
        j > 0 && matches!(doc.folded(j - 1), "le" | "la" | "les" | "l'" | "l’" | "au" | "aux" | "du" | "des")
    })
}

/// What a description's head noun stands for.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Person,
    Org,
    /// Neither (or unknown): the description is kept as written.
    Other,
}

/// Head nouns of descriptions that stand for a person named before ("l'universitaire").
const PERSON_NOUNS: &[&str] = &[
    "locataire",
    "fonctionnaire",
    "policier",
    "policiere",
    "gendarme",
    "manifestant",
    "manifestante",
    "habitant",
    "habitante",
    "agriculteur",
    "agricultrice",
    "commercant",
    "commercante",
    "salarie",
    "salariee",
    "retraite",
    "retraitee",
    "patron",
    "patronne",
    "delegue",
    "deleguee",
    "secretaire",
    "conseiller",
    "conseillere",
    "adjoint",
    "adjointe",
    "elu",
    "elue",
    "philosophe",
    "journaliste",
    "editorialiste",
    "commissaire",
    "general",
    "colonel",
    "officier",
    "soldat",
    "infirmier",
    "infirmiere",
    "etudiant",
    "etudiante",
    "pere",
    "mere",
    "veuve",
    "proche",
    "fondateur",
    "fondatrice",
    "chef",
    "cheffe",
    "selectionneur",
    "capitaine",
    "pilote",
    "champion",
    "championne",
    "artiste",
    "comedien",
    "comedienne",
    "musicien",
    "musicienne",
    "architecte",
    "ingenieur",
    "ingenieure",
    "analyste",
    "consultant",
    "consultante",
    "socialiste",
    "ecologiste",
    "communiste",
    "centriste",
    "academicien",
    "academicienne",
    "intellectuel",
    "intellectuelle",
    "essayiste",
    "psychiatre",
    "psychologue",
    "physicien",
    "physicienne",
    "biologiste",
    "geographe",
    "demographe",
    "linguiste",
    "juriste",
    "magistrat",
    "magistrate",
    "eveque",
    "pretre",
    "pape",
    "roi",
    "reine",
    "prince",
    "princesse",
    "spokesman",
    "spokeswoman",
    "minister",
    "official",
    "mayor",
    "chairman",
    "director",
    "universitaire",
    "chercheur",
    "chercheuse",
    "scientifique",
    "professeur",
    "professeure",
    "enseignant",
    "enseignante",
    "avocat",
    "avocate",
    "ministre",
    "president",
    "presidente",
    "porte-parole",
    "maire",
    "depute",
    "deputee",
    "senateur",
    "senatrice",
    "candidat",
    "candidate",
    "directeur",
    "directrice",
    "expert",
    "experte",
    "sociologue",
    "economiste",
    "medecin",
    "juge",
    "procureur",
    "procureure",
    "syndicaliste",
    "militant",
    "militante",
    "temoin",
    "auteur",
    "autrice",
    "ecrivain",
    "ecrivaine",
    "realisateur",
    "realisatrice",
    "acteur",
    "actrice",
    "chanteur",
    "chanteuse",
    "entraineur",
    "joueur",
    "joueuse",
    "ancien",
    "ancienne",
    "dirigeant",
    "dirigeante",
    "responsable",
    "negociateur",
    "negociatrice",
    "specialiste",
    "historien",
    "historienne",
    "politologue",
    "ambassadeur",
    "ambassadrice",
    "eleve",
];

/// Nouns that describe someone by their tie to another ("le proche de X", "l'avocat de X").
const RELATIONAL: &[&str] = &[
    "proche",
    "proches",
    "fils",
    "fille",
    "femme",
    "mari",
    "epouse",
    "veuve",
    "pere",
    "mere",
    "frere",
    "soeur",
    "avocat",
    "avocate",
    "avocats",
    "entourage",
    "conseiller",
    "conseillere",
    "collaborateur",
    "collaboratrice",
    "ami",
    "amie",
    "amis",
    "biographe",
    "successeur",
    "predecesseur",
    "adversaire",
    "rival",
    "rivale",
    "allie",
    "alliee",
    "porte-parole",
    "assistant",
    "assistante",
    "fidele",
    "fideles",
    "partisan",
    "partisans",
    "soutien",
    "soutiens",
    "camarade",
    "collegue",
    "entraineur",
    "agent",
    "medecin",
    "chef",
    // "le bras droit de X"
    "bras",
    "dauphin",
    "dauphine",
    "compagnon",
    "compagne",
    "cousin",
    "cousine",
    "oncle",
    "tante",
    "neveu",
    "niece",
    "gendre",
    "mentor",
    "protege",
    "protegee",
    "heritier",
    "heritiere",
    "opposant",
    "opposante",
    "detracteur",
    "detractrice",
    // "le spécialiste de X", "la traductrice de X": known by their work on X.
    "specialiste",
    "traducteur",
    "traductrice",
    "admirateur",
    "admiratrice",
    "disciple",
    "eleve",
];

/// Head nouns of descriptions that stand for an organisation named before ("le quotidien").
const ORG_NOUNS: &[&str] = &[
    "quotidien",
    "journal",
    "hebdomadaire",
    "mensuel",
    "magazine",
    "chaine",
    "radio",
    "agence",
    "documentaire",
    "reportage",
    "syndicat",
    "parti",
    "entreprise",
    "groupe",
    "societe",
    "firme",
    "constructeur",
    "ong",
    "association",
    "federation",
];

/// Works that speak for their author ("le documentaire d'Al Jazeera", "le rapport de l'INSEE").
const WORK_NOUNS: [&str; 12] = [
    "documentaire",
    "reportage",
    "rapport",
    "communique",
    "etude",
    "enquete",
    "lettre",
    "livre",
    "ouvrage",
    "editorial",
    "sondage",
    "tribune",
];

/// Words that end the noun phrase of a speaker after a verb or "selon" ("a révélé son avocate
/// à l'AFP").
const PHRASE_STOP: [&str; 12] =
    ["a", "au", "aux", "par", "devant", "chez", "vers", "contre", "depuis", "pendant", "selon", "lors"];

/// Adverbs and time words between a speech verb and its subject ("a déclaré lundi X").
const AFTER_VERB: [&str; 24] = [
    "encore",
    "aussi",
    "egalement",
    "ensuite",
    "alors",
    "enfin",
    "hier",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "soir",
    "matin",
    // Linking adverbs between the auxiliary and the participle ("a ainsi indiqué").
    "ainsi",
    "notamment",
    "toutefois",
    "pourtant",
    "cependant",
    "neanmoins",
    "deja",
    "donc",
];

/// Reflexive pronouns before a verb ("s'est réjoui", "se félicite").
const REFLEXIVE: [&str; 3] = ["s'", "se", "s’"];

/// Auxiliaries of a reflexive verb ("s'est exclamé").
const BE: [&str; 4] = ["est", "sont", "etait", "etaient"];

/// Plural personal pronouns: several people speak, and no one of them is the speaker.
const PLURAL: [&str; 3] = ["ils", "elles", "they"];

/// Whether an inverted verb–pronoun token is said by several people or by nobody named ("ont-ils
/// déclaré", "affirment-elles", "a-t-on précisé").
fn inverted_nobody(doc: &Doc, k: usize) -> bool {
    let Some((verb, pronoun)) = doc.folded(k).rsplit_once('-') else { return false };
    let verb = verb.strip_suffix("-t").unwrap_or(verb);
    matches!(pronoun, "ils" | "elles" | "on")
        && (GAZ.is_speech_verb(verb)
            || AUX.contains(&verb) && GAZ.is_speech_verb(doc.folded(participle_after(doc, k + 1))))
}

/// "confirme-t-on à l'Élysée", "prévient-on à Matignon": "on" at a named institution is that
/// institution speaking (token `k` is the inverted verb).
fn on_at_institution(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<Speaker> {
    if !doc.folded(k).ends_with("-on") {
        return None;
    }
    let prep = (k + 1..k + 4).find(|&j| matches!(doc.folded(j), "a" | "au" | "aupres"))?;
    let name = if matches!(doc.folded(prep + 1), "l'" | "la" | "le") { prep + 2 } else { prep + 1 };
    let (e, _) = doc.tokens.get(name).and_then(|t| entities.starting_at(t.start))?;
    (e.label == Label::Org).then(|| Speaker::Named(e.name.clone()))
}

/// The verb and the pronoun's gender of an inverted verb–pronoun token ("avoue-t-elle").
fn inverted(folded: &str) -> Option<(&str, Gender)> {
    let (verb, pronoun) = folded.rsplit_once('-')?;
    matches!(pronoun, "il" | "elle")
        .then(|| (verb.strip_suffix("-t").unwrap_or(verb), coref::word_gender(pronoun)))
}

/// Whether a token opens or closes a quotation.
pub(super) fn is_quote_mark(tok: &str) -> bool {
    matches!(tok, "«" | "»" | "“" | "”" | "„" | "\"")
}

/// Where the words from token `from` to `to` leave a quotation that began before `from` (a
/// closing mark with no opening one after `from`): the token after that mark, else `from`.
fn end_of_quote_begun_before(doc: &Doc, from: usize, to: usize) -> usize {
    let mut depth = 0usize;
    for j in from..to {
        match doc.tok(j) {
            "«" | "“" => depth += 1,
            // A "»" opening a paragraph is a bullet (the press's "» LIRE AUSSI"), not a quote's end.
            "»" | "”" if depth == 0 && !doc.newline_before(j) && j > 0 => return j + 1,
            "»" | "”" => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    from
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

/// A person the text describes as a quote's speaker ("», a estimé l'ancienne ministre de
/// l'Emploi") and names elsewhere, with the description as written.
pub struct DescribedSpeaker {
    pub name: String,
    pub description: String,
    /// Where the quote starts (bytes): the description is theirs only if the quote keeps them.
    start: usize,
    /// Whether the quote before was given to them by name: the description goes on with the
    /// same speaker ("», a indiqué V. Sapounov. « … », a poursuivi l'expert").
    pub after_their_quote: bool,
}

/// Quotes and their speakers, and the speakers named through a description (see
/// `DescribedSpeaker`); `roles` are the roles found in the text, for descriptions that stand for
/// the one person holding them ("selon le premier ministre").
pub fn find_quotes(
    doc: &Doc,
    entities: &EntityIndex,
    roles: &[RoleMatch],
) -> (Vec<Quote>, Vec<DescribedSpeaker>) {
    let mut described: Vec<DescribedSpeaker> = Vec::new();
    let mut out = Vec::new();
    let n = doc.len();
    let mut k = 0;
    // The previous quote: its closing token, whether it ran on into this one without its
    // closing mark (news copy drops it when a quotation continues in a new paragraph), and its
    // speaker.
    let mut previous: Option<(usize, bool, Option<String>)> = None;
    // The closing token of the last quote attributed to someone the text does not name ("a
    // indiqué un porte-parole"): a pronoun soon after stands for them, not for a name.
    let mut unnamed_close: Option<usize> = None;
    // The closing token of the last quote given to a person described whom we could not name
    // ("», analyse le rappeur" with two men named before): a pronoun soon after is no guess.
    let mut unresolved_close: Option<usize> = None;
    // The closing token of the last quote said by someone the text introduces without a name
    // ("», a indiqué un porte-parole de la préfecture").
    let mut indefinite_close: Option<usize> = None;
    // The closing token and speaker of the last quote given a speaker.
    let mut last_said: Option<(usize, String)> = None;
    // Words inside each quote of `out`.
    let mut word_counts: Vec<usize> = Vec::new();
    // The opening and closing tokens of each quote of `out`, and whether an incise after it
    // named its speaker.
    let mut marks: Vec<(usize, usize, bool)> = Vec::new();
    // The text's protagonist, found at the first pronoun that needs a guess.
    let protagonist: std::cell::OnceCell<Option<Protagonist>> = std::cell::OnceCell::new();
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
        let Some(close) = closing_mark(doc, k, closers) else {
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
        // An attribution after the quote is joined to it by a comma ("», a réagi X") or by the
        // quote's own closing punctuation ("?» demande X", "," said X), in the same paragraph;
        // without them only a speech verb right after the quote attributes it ("» a indiqué X").
        let attached = if doc.newline_before(close + 1) || doc.newline_before(close + 2) {
            Attached::No
        } else if doc.tok(close + 1) == ","
            || inner.trim_end_matches(super::tokenize::is_space).ends_with([',', '.', '?', '!', '…'])
        {
            Attached::Yes
        } else {
            Attached::VerbOnly
        };
        // A quoted sentence: a capital, and its own sentence or paragraph opening on it.
        let sentence_opens = k == 0
            || doc.newline_before(k)
            || matches!(doc.tok(k - 1), "." | "!" | "?" | ":" | "»" | "”")
            || doc.starts_sentence(k);
        let capital = inner_t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        let quoted_sentence = capital && sentence_opens;
        // "«Les commerçants … sur les soldes» d'hiver, ajoute X": a quoted sentence of six words
        // or more that ends inside a noun phrase, its last words before the incise (a
        // fragment's or a name's incise rather speaks for the whole sentence around it).
        let sentence_tail = || {
            let long = attached == Attached::VerbOnly && quoted_sentence && words >= 6;
            words_before_incise(doc, close + 1)
                .filter(|_| long)
                .and_then(|comma| speaker_after(doc, comma, Attached::Yes, entities))
        };
        // "«C'est une grossière manipulation!», ne décolère pas X.": any verb in the incise after
        // a quoted sentence ("le rapport, jugé «accablant», vise X" quotes a word).
        let any_verb = || {
            // (Also the main clause after a fronted one: "Même si …, «2018 devrait …», évalue X".)
            let opens = quoted_sentence || capital && doc.tok(k.wrapping_sub(1)) == ",";
            let sentence = opens && (words >= 3 || inner_t.ends_with(['.', '!', '?', '…']));
            let comma = close + 1 + usize::from(doc.tok(close + 1) == ",");
            (attached == Attached::Yes && sentence).then(|| any_verb_incise(doc, comma, entities)).flatten()
        };
        let after = if runs_on {
            None
        } else {
            speaker_after(doc, close + 1, attached, entities).or_else(sentence_tail).or_else(any_verb)
        };
        // "», continue le chanteur", "», a voulu souligner le député": an incise that goes on
        // with the words before; a description in it that names nobody leaves the quote to
        // the speaker it goes on from.
        let goes_on = !runs_on && going_on_incise(doc, close + 1);
        // A new sentence after the quote's own full stop attributes it only when it names the
        // one who spoke the quote before ("… manner." He said space was limited).
        let after = after.filter(|sp| {
            !reports_something_else(doc, inner, close)
                || matches!((sp, &previous), (Speaker::Named(n), Some((_, _, Some(p)))) if n == p)
        });
        let before = previous.take();
        // The speaker of a quote closed earlier in this quote's sentence.
        let same_sentence_speaker =
            before.as_ref().filter(|p| doc.sent_of.get(p.0) == doc.sent_of.get(k)).and_then(|p| p.2.clone());
        // "», a-t-il admis, en précisant que «": the participle goes on with the speaker before.
        let participle =
            before.as_ref().is_some_and(|p| p.2.is_some() && participle_link(doc, p.0, k, entities));
        let inherited = before
            .filter(|(prev_close, ran_on, said_by)| {
                let (prev_close, ran_on) = (*prev_close, *ran_on);
                ran_on
                    || follows(doc, prev_close, k)
                    || said_by.as_deref().is_some_and(|name| {
                        only_incise_between(doc, prev_close, k, name, entities)
                            && (!doc.newline_before(k) || next_paragraph_goes_on(doc, inner_t, close, name))
                            || incise_then_colon(doc, prev_close, k, name, entities)
                    })
                    || participle
                    || said_by.as_deref().is_some_and(|name| {
                        fragment_in_same_clause(doc, prev_close, k, name, entities)
                            && quoted_occurrences(doc, inner_t) == 1
                    })
                    // A coordinated quotation of any length goes on with the sentence when it
                    // opens in lower case ("de « choisir … » et de « réfléchir à … »").
                    || (words <= FRAGMENT_WORDS || !doc.cap(k + 1)) && coordinated(doc, prev_close, k)
            })
            .and_then(|p| p.2);
        // "Selon le maire, Jean Dupont, « … », détaille la chaîne": the man, not the medium.
        let selon = if doc.tok(k.wrapping_sub(1)) == "," {
            speaker_before(doc, k, words, entities).filter(|s| {
                matches!(s, Speaker::Named(n) if entities.entities.iter().any(|e| e.label == Label::Per && &e.name == n))
            })
        } else {
            None
        };
        // "Avant de poursuivre : «", "Et d'ajouter : «": the one who spoke last goes on.
        let continued = if infinitive_continuation(doc, k) {
            last_said
                .as_ref()
                .filter(|(c, _)| doc.tokens.get(*c).is_some_and(|t| t.start >= coref::reach_start(doc, k)))
                .map(|(_, name)| Speaker::Named(name.clone()))
        } else {
            None
        };
        // "La réponse de X fuse : « … », assène-t-il": the pronoun is the one the colon frames.
        let after = match after {
            Some(Speaker::Pronoun(g)) if doc.tok(k.wrapping_sub(1)) == ":" => {
                let sent_start =
                    doc.sent_of.get(k).and_then(|&s| doc.sentences.get(s)).map_or(k, |s| s.start);
                let framed =
                    words_of_before_colon(doc, after_link_label(doc, sent_start, k - 1), k - 1, entities)
                        .filter(|s| matches!(s, Speaker::Named(n) if coref::name_fits(doc, n, g, entities)));
                framed.or(Some(Speaker::Pronoun(g)))
            }
            other => other,
        };
        let by_incise = selon.is_none()
            && after.as_ref().is_some_and(|a| !matches!(a, Speaker::Unknown | Speaker::Object));
        let found = selon
            .or(after)
            .or(continued)
            .or_else(|| speaker_inside(doc, k, close, entities))
            .or_else(|| closing_incise(doc, k, close, words, entities))
            .or_else(|| speaker_before(doc, k, words, entities))
            .or_else(|| group_behind_selon(doc, k, entities))
            .or_else(|| colon_subject(doc, k, words, entities, roles))
            .or_else(|| speaking_subject(doc, k, words, entities))
            .or_else(|| gerund_subject(doc, k, entities))
            .or_else(|| fronted_participle_subject(doc, k, close, entities))
            .or_else(|| speaker_framed(doc, k, words, entities, roles))
            .or_else(|| relative_speaker(doc, k, entities))
            .or_else(|| fragment_subject(doc, k, words, entities))
            .or_else(|| reason_subject(doc, k, words, entities))
            .or_else(|| quoted_predicate(doc, k, entities))
            .or_else(|| caption_speaker(doc, k, close, entities))
            .or_else(|| {
                inherited
                    .is_none()
                    .then(|| bare_after_subject(doc, k, close, words, entities, roles))
                    .flatten()
            });
        // (Whatever else reads in the participle clause: "…, précise X, adjointe à la mairie de
        // Paris, taclant au passage « … »" is X's; only an incise of its own says otherwise.)
        let found = found.filter(|_| !(participle && !by_incise && inherited.is_some()));
        let found_kind = match &found {
            Some(Speaker::Unknown) => Found::Unnamed,
            Some(Speaker::Description(..)) => Found::Described,
            _ => Found::Other,
        };
        let authored = match &found {
            Some(Speaker::Description(_, words)) => work_author(doc, k, words, entities),
            _ => None,
        };
        // A person described whom the text does not let us name ("», analyse le rappeur" with
        // two men named before): a pronoun soon after most likely stands for them.
        let mut described_unresolved = false;
        let speaker = match found {
            Some(Speaker::Named(name)) => Some(office_holder(doc, &name, roles, entities).unwrap_or(name)),
            Some(Speaker::Pronoun(_) | Speaker::Latest(_))
                if unnamed_close.is_some_and(|c| {
                    !person_between_where(doc, c, k, entities, |_, at| !complement_of_person_noun(doc, at))
                }) || unnamed_speaker_before(doc, k, entities) =>
            {
                None
            }
            Some(Speaker::Pronoun(g)) => {
                // The one who spoke last, when nobody else has been named since ("»,
                // ajoute le documentaire, qui précise que, selon lui, «").
                let from = coref::reach_start(doc, k);
                let last = last_said
                    .as_ref()
                    .filter(|(c, name)| {
                        doc.tokens.get(*c).is_some_and(|t| t.start >= from)
                            && !other_person_between(doc, *c, k, name, entities)
                            && coref::name_fits(doc, name, g, entities)
                    })
                    .map(|(_, name)| name.clone());
                let guess = unresolved_close
                    .is_none_or(|c| person_between(doc, c, k, entities))
                    .then(|| protagonist.get_or_init(|| Protagonist::find(doc, entities)).as_ref());
                // (Whom the words speak of is read where a guess is allowed.)
                cataphora_subject(doc, k, close, g, entities)
                    .or_else(|| pronoun_person(doc, k, g, entities, roles, inherited.or(last), guess))
                    .or_else(|| {
                        guess.and_then(|_| {
                            super::spoken_of::the_one_not_spoken_of(doc, k..close, g, entities, roles)
                        })
                    })
            }
            Some(Speaker::Latest(g)) => {
                let from = coref::reach_start(doc, k);
                latest_person(doc, k, from, g, entities)
            }
            Some(Speaker::Description(kind, words)) => authored.clone().or_else(|| {
                // "», assure le même syndicaliste": the one who spoke last, in reach, with no one
                // else named since.
                let folded = crate::text::fold::fold_str(&words);
                // (The kind reads "même", not the noun, which must name a person right after it
                // — "le même soir le maire" is someone else — of the article's gender.)
                let mut parts = folded.split(' ');
                let (article, same, noun) = (parts.next(), parts.next(), parts.next().unwrap_or(""));
                let the_same = matches!(article, Some("le" | "la"))
                    && same == Some("meme")
                    && title_word(noun).is_some();
                let gender = coref::word_gender(article.unwrap_or(""));
                let from = coref::reach_start(doc, k);
                if let Some((_, name)) = last_said.as_ref().filter(|(c, name)| {
                    the_same
                        && coref::name_fits(doc, name, gender, entities)
                        && doc.tokens.get(*c).is_some_and(|t| t.start >= from)
                        && !other_person_between(doc, *c, k, name, entities)
                }) {
                    return Some(name.clone());
                }
                // "», a indiqué un porte-parole. « … », a ajouté le fonctionnaire": the one who
                // spoke unnamed just before in the paragraph (introduced so, described and
                // unnamed, or described and not to be named), not someone named further back.
                let after_unnamed =
                    indefinite_close.or(unnamed_close).or(unresolved_close).is_some_and(|c| {
                        !person_between(doc, c, k, entities) && !(c + 1..=k).any(|j| doc.newline_before(j))
                    }) || unnamed_speaker_before(doc, k, entities);
                let written = words.clone();
                let resolved = resolve_description(doc, k, kind, words, entities, roles, after_unnamed)
                    .unwrap_or_else(|Unresolved| {
                        described_unresolved = true;
                        None
                    });
                if resolved.is_none() && goes_on && kind == Kind::Person && inherited.is_some() {
                    described_unresolved = false;
                    return inherited.clone();
                }
                if kind == Kind::Person
                    && let Some(name) =
                        resolved.as_ref().filter(|n| **n != written && n.starts_with(char::is_uppercase))
                {
                    // Not after a reply ("a rétorqué la commerçante"); in English only after a
                    // verb that says the speaker goes on ("added the expert"): "said the
                    // protester" is as often someone else.
                    let verb_is =
                        |test: fn(&str) -> bool| (close + 1..close + 5).any(|j| test(doc.folded(j)));
                    let goes_on = match doc.lang {
                        Lang::En => verb_is(is_continuation),
                        _ => !verb_is(is_reply),
                    };
                    let after_their_quote =
                        goes_on && last_said.as_ref().is_some_and(|(_, said)| said == name);
                    described.push(DescribedSpeaker {
                        name: name.clone(),
                        description: written,
                        start,
                        after_their_quote,
                    });
                }
                resolved
            }),
            Some(Speaker::Unknown | Speaker::Object) => None,
            None => inherited,
        };
        let speaker = speaker
            .filter(|s| {
                // The author of a work may open in lower case ("ministère de la Culture"), as
                // may any institution the text names ("indique un communiqué du parquet de Lyon").
                (plausible_speaker(s)
                    || authored.as_deref() == Some(s.as_str())
                    || s.starts_with(char::is_lowercase) && names_an_institution(s, entities))
                    && !is_date_name(s, entities)
            })
            .map(lower_description);
        // Quotes of one or two words stay only with a speaker (see `drop_labels`).
        if words >= 1 {
            word_counts.push(words);
            marks.push((k, close, by_incise));
            // A description the text gives instead of a name is kept apart from the speaker.
            let (named, described) = match speaker.clone() {
                Some(s) if s.starts_with(char::is_lowercase) && !names_an_institution(&s, entities) => {
                    (None, Some(s))
                }
                other => (other, None),
            };
            out.push(Quote {
                start,
                end,
                text: inner_t.to_string(),
                speaker: named,
                speaker_origin: None,
                speaker_description: described,
            });
        }
        // "… ou qu'ils rappellent les «produits déjà vendus». … «…» rappelle-t-il": several
        // people unnamed are not who a later "il" or "the spokesman" stands for.
        let several = found_kind == Found::Unnamed && said_by_several(doc, k, close);
        let unnamed = matches!(found_kind, Found::Unnamed) && !several
            || found_kind == Found::Described
                && speaker.as_deref().is_some_and(|s| s.starts_with(char::is_lowercase));
        if unnamed {
            unnamed_close = Some(close);
        } else if speaker.is_some() {
            unnamed_close = None;
        }
        if found_kind == Found::Unnamed && !several {
            indefinite_close = Some(close);
        } else if speaker.is_some() {
            indefinite_close = None;
        }
        if described_unresolved {
            unresolved_close = Some(close);
        } else if speaker.is_some() {
            unresolved_close = None;
        }
        if let Some(s) = speaker.as_ref().filter(|s| s.starts_with(char::is_uppercase)) {
            last_said = Some((close, s.clone()));
        }
        // A label of a few words inside an attribution ("», explique X, « porte-parole » des
        // « gilets jaunes », à la radio. « … »") does not end the speaker's turn.
        previous = match same_sentence_speaker {
            Some(s) if words <= 3 && speaker.is_none() => Some((close, false, Some(s))),
            _ => Some((close, runs_on, speaker)),
        };
        // A run-on quote ends where the next one opens; that one starts from its opening mark.
        k = if runs_on { close } else { close + 1 };
    }
    share_incise_backwards(doc, &mut out, &marks, entities);
    share_repeated_speakers(doc.text, &mut out, &word_counts);
    // A speaker the later passes took away or changed was no description's referent.
    described
        .retain(|d| out.iter().any(|q| q.start == d.start && q.speaker.as_deref() == Some(d.name.as_str())));
    (drop_labels(out, &word_counts), described)
}

/// "Les Talibans ont visé l'hôtel car selon eux, il abritait des « … »": a plural pronoun
/// after "selon" stands for the group the sentence opens with ("les" and an organisation's
/// name), when nobody else is named between them.
fn group_behind_selon(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<Speaker> {
    let sent_start = doc.sent_of.get(k).and_then(|&s| doc.sentences.get(s)).map_or(0, |r| r.start);
    let selon = (sent_start..k)
        .rev()
        .take(15)
        .find(|&s| doc.folded(s) == "selon" && matches!(doc.folded(s + 1), "eux" | "elles"))?;
    // The quote belongs to the clause "selon" opens, not to a later one.
    if (selon..k).any(|j| is_quote_mark(doc.tok(j))) {
        return None;
    }
    let group = group_subject_at(doc, sent_start, selon, entities)?;
    let (name, end) = entity_at(doc, group, entities)?;
    let named_between =
        (end..selon).any(|j| matches!(label_at(doc, j, entities), Some(Label::Per | Label::Org)));
    (!named_between).then_some(Speaker::Named(name))
}

/// Where a sentence's subject naming an organisation with a plural article starts: at the
/// sentence's first word or the first after a short opening adverbial ("Jeudi, les Verts ont
/// …"); the article is part of some names ("Les Républicains").
fn group_subject_at(doc: &Doc, sent_start: usize, before: usize, entities: &EntityIndex) -> Option<usize> {
    let article = (sent_start..before.min(sent_start + 5)).find(|&j| doc.folded(j) == "les")?;
    if article != sent_start && doc.tok(article - 1) != "," {
        return None;
    }
    [article, article + 1].into_iter().find(|&j| label_at(doc, j, entities) == Some(Label::Org))
}

/// The label of the entity starting at token `j`, if one does.
fn label_at(doc: &Doc, j: usize, entities: &EntityIndex) -> Option<Label> {
    doc.tokens.get(j).and_then(|t| entities.starting_at(t.start)).map(|(e, _)| e.label)
}

/// Whether a speaker written in lower case is an organisation the text names ("la préfecture
/// de police" tagged as one): a name, not a description. (Taking every capitalised head after
/// an article as a name cost precision on the held-out sets.)
fn names_an_institution(speaker: &str, entities: &EntityIndex) -> bool {
    let bare =
        ["l'", "l’", "le ", "la ", "les "].iter().find_map(|d| speaker.strip_prefix(d)).unwrap_or(speaker);
    entities.entities.iter().any(|e| e.label == Label::Org && e.name.eq_ignore_ascii_case(bare))
}

/// Whether the quote opening at token `k` follows "de"/"d'" and a speech verb in the infinitive
/// with a colon ("Avant de poursuivre :", "Et d'ajouter :", "Puis de conclure :"): the speaker
/// of the quote before goes on speaking. A sentence that opens so may put an adverbial between
/// the verb and the colon ("Et d'ajouter, à l'adresse de ses rivaux :", "Avant de conclure sur
/// une note d'espoir :", "Et de s'interroger devant la presse :").
fn infinitive_continuation(doc: &Doc, k: usize) -> bool {
    if doc.lang != Lang::Fr || k < 3 || doc.tok(k - 1) != ":" {
        return false;
    }
    // "Et le chœur de reprendre :" has its own subject: the last speaker does not go on.
    let sentence_start = doc.sent_of.get(k).and_then(|&i| doc.sentences.get(i)).map_or(0, |r| r.start);
    let own_subject = k - 3 > sentence_start
        && !matches!(
            doc.folded(k - 4),
            "et" | "puis" | "avant" | "ensuite" | "enfin" | "alors" | "ainsi" | ","
        );
    let speech_infinitive = |j: usize| {
        !doc.cap(j) && (infinitive_of_speech(doc.folded(j)) || CONTINUING.contains(&doc.folded(j)))
    };
    if matches!(doc.folded(k - 3), "de" | "d'") && speech_infinitive(k - 2) && !own_subject {
        return true;
    }
    // The sentence opens on the infinitive ("Et de", "Avant d'", "Puis de"), maybe reflexive.
    let de = if matches!(doc.folded(sentence_start), "de" | "d'") {
        sentence_start
    } else if matches!(doc.folded(sentence_start), "et" | "puis" | "avant" | "enfin")
        && matches!(doc.folded(sentence_start + 1), "de" | "d'")
    {
        sentence_start + 1
    } else {
        return false;
    };
    let verb = if REFLEXIVE.contains(&doc.folded(de + 1)) { de + 2 } else { de + 1 };
    // Only words and commas of an adverbial up to the colon: no quote, no verb of its own.
    verb + 1 < k - 1
        && k - 1 - verb <= CONTINUATION_ADVERBIAL_TOKENS
        && speech_infinitive(verb)
        && (verb + 1..k - 1).all(|j| {
            (doc.is_word(j) || doc.elision(j).is_some() || doc.tok(j) == ",")
                // A verb of its own, not a noun ("sur une note d'espoir").
                && !(is_speech(doc, j) && !doc.folded(j).ends_with("ant") && !doc.is_determiner(j - 1))
        })
}

/// Most tokens an adverbial may have between "Et d'ajouter" and its colon.
const CONTINUATION_ADVERBIAL_TOKENS: usize = 12;

/// Infinitives that go on with what was said only in "Et de … :" ("Avant de continuer :").
const CONTINUING: [&str; 2] = ["continuer", "enchainer"];

/// Whether a (folded) French infinitive is a speech verb: the lexicon lists conjugated forms,
/// so the infinitive is tried as its third person ("ajouter" → "ajoute", "conclure" →
/// "conclut", "répondre" → "répond", "poursuivre" → "poursuit").
pub(super) fn infinitive_of_speech(verb: &str) -> bool {
    let endings: [(&str, &str); 8] = [
        // "prévenir" → "prévient"
        ("enir", "ient"),
        ("aitre", "ait"),
        ("ure", "ut"),
        ("vre", "t"),
        ("dre", "d"),
        ("ire", "it"),
        ("er", "e"),
        ("ir", "it"),
    ];
    endings.iter().any(|(inf, third)| {
        verb.strip_suffix(inf)
            .is_some_and(|stem| !stem.is_empty() && GAZ.is_speech_verb(&format!("{stem}{third}")))
    })
}

/// A quote closed by its own full stop, then a new sentence whose speech verb goes on to report
/// something ("\"… again.\" A police spokeswoman confirmed that officers …"): that sentence is
/// no attribution of the quote before it. One that stops at its verb ("He said.") still is.
fn reports_something_else(doc: &Doc, inner: &str, close: usize) -> bool {
    let closed = inner.trim_end_matches(super::tokenize::is_space).ends_with(['.', '!', '?', '…']);
    if !closed || !doc.cap(close + 1) {
        return false;
    }
    let reach = doc.len().min(close + 10);
    let clause_end = (close + 1..reach).find(|&j| matches!(doc.tok(j), "." | "!" | "?")).unwrap_or(reach);
    let verb = (close + 1..clause_end).find(|&j| is_speech(doc, j));
    verb.is_some_and(|v| !matches!(doc.tok(v + 1), "." | "," | ";" | "!" | "?"))
}

/// The mark closing the quotation opened at token `k`: the first closer, or, when the same
/// opening mark comes first ("« Une liste « gilets jaunes » ne me pose aucun problème »"), the
/// closer that balances it, if one does within the paragraph.
fn closing_mark(doc: &Doc, k: usize, closers: &[&str]) -> Option<usize> {
    let n = doc.len().min(k + 1500);
    let first = (k + 1..n).find(|&j| closers.contains(&doc.tok(j)))?;
    let opener = doc.tok(k);
    if opener == "\"" || !(k + 1..first).any(|j| doc.tok(j) == opener) {
        return Some(first);
    }
    let mut depth = 0usize;
    for j in k + 1..n {
        if doc.newline_before(j) {
            break;
        }
        if doc.tok(j) == opener {
            depth += 1;
        } else if closers.contains(&doc.tok(j)) {
            if depth == 0 {
                return Some(j);
            }
            depth -= 1;
        }
    }
    Some(first)
}

/// "« … », et « … », a déclaré X": quotations that open a sentence (or follow words that say
/// nothing) and follow one another, joined by commas, "et" or a complement, the last attributed
/// by an incise after it, are all that speaker's, when no sentence end, verb of saying or person
/// stands between them.
fn share_incise_backwards(
    doc: &Doc,
    out: &mut [Quote],
    marks: &[(usize, usize, bool)],
    entities: &EntityIndex,
) {
    let joined = |close: usize, next_open: usize| {
        next_open > close
            && next_open - close <= 8
            && !(close + 1..next_open)
                .any(|j| matches!(doc.tok(j), "." | "!" | "?" | ";" | ":") || is_speech(doc, j))
            && !(close + 1..=next_open).any(|j| doc.newline_before(j))
            && !person_between(doc, close, next_open, entities)
    };
    // "Le président «a écouté» mais «…», a ajouté X": a quoted fragment after words that say
    // nothing (no verb of saying, no person named, no other quotation) is part of the
    // sentence the incise attributes.
    let nothing_said_before = |open: usize| {
        let Some(s) = doc.sentence_start(open) else { return false };
        s > 0
            && !(s..open).any(|j| is_speech(doc, j) || is_quote_mark(doc.tok(j)) || doc.tok(j) == ":")
            && !person_between(doc, s - 1, open, entities)
    };
    let mut first = 0;
    while first < marks.len() {
        // The run of joined quotes from `first`.
        let mut last = first;
        while let (Some(a), Some(b)) = (marks.get(last), marks.get(last + 1))
            && joined(a.1, b.0)
        {
            last += 1;
        }
        let attributed = marks.get(last).is_some_and(|m| m.2);
        let speaker = out.get(last).and_then(|q| q.speaker.clone());
        // The attributed quotation must be words said, three or more: a name in quotation marks
        // before a main clause ("de «l'acte IV» des «gilets jaunes», il a confirmé") is no one's.
        let said_in_full = out.get(last).is_some_and(|q| q.text.split_whitespace().count() >= 3);
        if last > first
            && attributed
            && marks
                .get(first)
                .is_some_and(|m| doc.starts_sentence(m.0) || nothing_said_before(m.0) && said_in_full)
            && let Some(speaker) = speaker
        {
            for q in out.iter_mut().take(last).skip(first).filter(|q| q.speaker.is_none()) {
                q.speaker = Some(speaker.clone());
            }
        }
        first = last + 1;
    }
}

/// Press pulls a quotation out beside the text and gives it in full again in the body, or a
/// part of it («Un petit gilet jaune de plus» out of «Je me suis dit que ça ferait un petit
/// gilet jaune de plus. …»): a quotation of four words or more given again word for word, or
/// of six or more standing apart (see `pulled_out`) found word for word in others, has one
/// speaker, the one given to those others when they all agree.
fn share_repeated_speakers(text: &str, out: &mut [Quote], word_counts: &[usize]) {
    // Shorter parts ("la fin du monde") are set phrases.
    const PART_WORDS: usize = 6;
    let unattributed = |(q, &w): (&Quote, &usize)| q.speaker.is_none() && w >= 4;
    if !out.iter().zip(word_counts).any(unattributed) {
        return;
    }
    // The words, folded, between spaces: a part is found only on word boundaries.
    let words = |q: &Quote| {
        let folded = crate::text::fold::fold_str(&q.text);
        let mut key = String::from(" ");
        for w in folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            key.push_str(w);
            key.push(' ');
        }
        key
    };
    let keys: Vec<String> = out.iter().map(words).collect();
    // The first speaker of the quotes given word for word, and whether they all agree: a lookup
    // per quote rather than a scan of all the quotes.
    let mut by_key: super::util::FxMap<&str, (&String, bool)> = super::util::FxMap::default();
    for (q, key) in out.iter().zip(&keys) {
        if let Some(s) = q.speaker.as_ref() {
            by_key.entry(key.as_str()).and_modify(|(first, same)| *same &= *first == s).or_insert((s, true));
        }
    }
    // Who says a part depends on its words only: the scan is done once per part repeated.
    let mut parts: super::util::FxMap<&str, Option<&String>> = super::util::FxMap::default();
    let mut found: Vec<Option<String>> = vec![None; out.len()];
    for (i, q) in out.iter().enumerate() {
        let Some(&count) = word_counts.get(i).filter(|&&w| w >= 4) else { continue };
        if q.speaker.is_some() {
            continue;
        }
        let part_of_another = count >= PART_WORDS && pulled_out(text, q);
        let key = keys[i].as_str();
        let agreed = if part_of_another {
            *parts.entry(key).or_insert_with(|| {
                let mut said = out
                    .iter()
                    .zip(&keys)
                    .filter(|(other, k)| other.speaker.is_some() && k.contains(key))
                    .filter_map(|(other, _)| other.speaker.as_ref());
                said.next().filter(|first| said.all(|s| s == *first))
            })
        } else {
            by_key.get(key).and_then(|&(first, same)| same.then_some(first))
        };
        if let Some(first) = agreed {
            found[i] = Some(first.clone());
        }
    }
    for (q, s) in out.iter_mut().zip(found) {
        if s.is_some() {
            q.speaker = s;
        }
    }
}

/// Whether a quotation stands apart as the press pulls one out: opening on a capital, after
/// the end of a sentence or a paragraph, and followed by a new paragraph, sentence or quote
/// ("on lisait «Non à la fermeture de notre maternité»" quotes a placard inside a sentence).
fn pulled_out(text: &str, q: &Quote) -> bool {
    let blank = |c: char| c.is_whitespace() && c != '\n';
    let before = text
        .get(..q.start)
        .unwrap_or("")
        .trim_end_matches(|c: char| blank(c) || matches!(c, '«' | '“' | '"'));
    let after = text
        .get(q.end..)
        .unwrap_or("")
        .trim_start_matches(|c: char| blank(c) || matches!(c, '»' | '”' | '"'));
    let opens = before.is_empty() || before.ends_with(['\n', '.', '!', '?', ':', '»', '”']);
    let closes =
        after.is_empty() || after.starts_with(['\n', '«', '“']) || after.starts_with(char::is_uppercase);
    q.text.starts_with(char::is_uppercase) && opens && closes
}

/// Longest caption under a pulled-out quote: a name and a short title.
const CAPTION_TOKENS: usize = 16;

/// A quote pulled out as its own paragraph with its speaker's name as the next one ("« … »¶
/// Marine Le Pen", "¶Denis Jacob, secrétaire général du syndicat", or with the title first:
/// "¶Le sénateur PS Jean Dupont", "¶Le préfet de la Loire, Jean Dupont"): that person. The
/// caption holds no verb and no full stop: a sentence there is the text going on, not a caption.
fn caption_speaker(doc: &Doc, open: usize, close: usize, entities: &EntityIndex) -> Option<Speaker> {
    let name_at = close + 1;
    if !(doc.newline_before(open) || open == 0) || !doc.newline_before(name_at) {
        return None;
    }
    let caption_end = (name_at + 1..doc.len()).find(|&j| doc.newline_before(j)).unwrap_or(doc.len());
    if caption_end - name_at > CAPTION_TOKENS || !caption_words_only(doc, name_at, caption_end) {
        return None;
    }
    let person_at = |j: usize| {
        let start = doc.tokens.get(j)?.start;
        entities.starting_at(start).filter(|(e, _)| e.label == Label::Per)?;
        entity_at(doc, j, entities)
    };
    if let Some((name, after)) = person_at(name_at) {
        // ("¶François Berléand sur RTL": where the words were said may follow the name.)
        let medium = matches!(doc.folded(after), "sur" | "dans" | "au" | "a") && doc.cap(after + 1);
        return (after == caption_end || doc.tok(after) == "," || medium).then_some(Speaker::Named(name));
    }
    // The title first: a definite article, the title, then the name closing the line; not a
    // name completing the title ("Un proche d'Emmanuel Macron" is someone else).
    if !matches!(doc.folded(name_at), "le" | "la" | "l'") || !is_person_head(doc, name_at + 1) {
        return None;
    }
    let at = (name_at + 2..caption_end).find(|&j| person_at(j).is_some())?;
    let (name, after) = person_at(at)?;
    let completes = matches!(doc.folded(at - 1), "de" | "d'" | "du" | "des" | "a" | "au" | "aux");
    (after == caption_end && !completes).then_some(Speaker::Named(name))
}

/// Whether the caption from `from` to `end` holds no sentence: no full stop, quotation (a word
/// or two in guillemets may be: "Jean-Jacques, «gilet jaune» retraité"), auxiliary or verb of
/// saying ("à" is no auxiliary: "maire LR, à Valence").
fn caption_words_only(doc: &Doc, from: usize, end: usize) -> bool {
    !quotes_more_than_a_word(doc, from, end)
        && !(from..end).any(|j| {
            matches!(doc.tok(j), "." | "!" | "?")
                || AUX.contains(&doc.folded(j)) && doc.tok(j) != "à"
                || is_speech(doc, j)
        })
}

/// Whether `name` is the name of a date the text gives ("le 26 novembre 2018"), with or
/// without its article ("Le 8 décembre, il avait …"): never a speaker.
fn is_date_name(name: &str, entities: &EntityIndex) -> bool {
    let bare = name
        .split_once(' ')
        .filter(|(article, _)| matches!(*article, "Le" | "le"))
        .map_or(name, |(_, rest)| rest);
    entities
        .entities
        .iter()
        .filter(|e| e.label == Label::Date)
        .any(|e| e.name == bare || e.mentions.iter().any(|m| m.text == bare))
}

/// A few words quoted more than once in a text ("les «gilets jaunes»") are a label or a
/// name, not someone's words: no speaker, and not a quote unless long enough to be one. A
/// word one person is given each time it is quoted ("a appelé à «l'exemplarité»" twice of the
/// same minister) is that person's word, repeated.
fn drop_labels(mut out: Vec<Quote>, word_counts: &[usize]) -> Vec<Quote> {
    let key = |q: &Quote| crate::text::fold::fold_str(q.text.trim_matches(|c: char| !c.is_alphanumeric()));
    let mut seen: super::util::FxMap<String, Repeated> = super::util::FxMap::default();
    for (q, &w) in out.iter().zip(word_counts) {
        if w <= 3 {
            seen.entry(key(q)).or_insert_with(|| Repeated::first(q)).add(q);
        }
    }
    let mut keep = Vec::with_capacity(out.len());
    for (mut q, &w) in out.drain(..).zip(word_counts) {
        let repeated = w <= 3 && seen.get(&key(&q)).is_some_and(|r| r.count >= 2 && !r.same_speaker);
        if repeated {
            q.speaker = None;
        }
        // ("Le maire de Bordeaux a jugé la décision « scandaleuse »": a person described spoke,
        // not a label the text repeats.)
        let described = !repeated
            && q.speaker_description
                .as_deref()
                .is_some_and(|d| title_word(&crate::text::fold::fold_str(d)).is_some());
        if w >= 3 || q.speaker.is_some() || described {
            keep.push(q);
        }
    }
    keep
}

/// How often a few words are quoted in a text, and whether one named speaker was given every
/// time.
struct Repeated {
    count: usize,
    speaker: Option<String>,
    same_speaker: bool,
}

impl Repeated {
    fn first(q: &Quote) -> Self {
        Repeated { count: 0, speaker: q.speaker.clone(), same_speaker: q.speaker.is_some() }
    }

    fn add(&mut self, q: &Quote) {
        self.count += 1;
        self.same_speaker &= q.speaker.is_some() && q.speaker == self.speaker;
    }
}

/// A description opening a sentence is written in lower case like any other ("Le
/// philosophe" → "le philosophe"); names are left alone.
fn lower_description(s: String) -> String {
    let mut words = s.split_whitespace();
    let Some(first) = words.next() else { return s };
    // The noun after the determiner: "L'universitaire", "Le philosophe".
    let elided = first.strip_prefix("L'").or_else(|| first.strip_prefix("L’"));
    let det = elided.is_some()
        || matches!(
            crate::text::fold::fold_str(first).as_str(),
            "le" | "la" | "les" | "ce" | "cet" | "cette" | "ces" | "son" | "sa" | "ses" | "leur" | "leurs"
        );
    let head = elided.or_else(|| words.next()).unwrap_or("");
    // "Le syndicat SUD" holds a name: kept as written ("Le maire de Bordeaux" a complement).
    let mut previous = head;
    let body = PUBLIC_BODY_NOUNS.contains(&crate::text::fold::fold_str(head).as_str());
    let named = words.any(|w| {
        let of = matches!(previous, "de" | "du" | "des" | "la" | "l'" | "les") && !body;
        previous = w;
        w.starts_with(char::is_uppercase) && !of
    });
    // "The 41-year-old chart-topper": an age after the article describes someone.
    let aged = first == "The" && head.starts_with(|c: char| c.is_ascii_digit());
    if (det && head.starts_with(char::is_lowercase) || aged)
        && !named
        && first.starts_with(char::is_uppercase)
    {
        let mut c = s.chars();
        return c.next().map(|f| f.to_lowercase().chain(c).collect()).unwrap_or(s);
    }
    s
}

/// `s` with its first letter in lower case: a description written at a sentence's head.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    let first = chars.next().map(|c| c.to_lowercase().collect::<String>()).unwrap_or_default();
    first + chars.as_str()
}

/// Whether a speaker string reads as a name or a description ("Le philosophe", "la
/// préfecture"), not as words cut from a clause ("d'être reçus", "Pastor l'", "a lui").
fn plausible_speaker(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else { return false };
    let f = crate::text::fold::fold_str(first);
    let l = crate::text::fold::fold_str(last);
    let determiner = |w: &str| {
        matches!(
            w,
            "le" | "la"
                | "les"
                | "un"
                | "une"
                | "ce"
                | "cet"
                | "cette"
                | "ces"
                | "son"
                | "sa"
                | "ses"
                | "leur"
                | "leurs"
                | "notre"
                | "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "this"
                | "that"
        ) || w.starts_with("l'")
            || w.starts_with("l’")
    };
    // "Au total", "En effet": an adverbial, not a name.
    let preposition = matches!(
        f.as_str(),
        "au" | "aux" | "a" | "en" | "dans" | "pour" | "par" | "sur" | "avec" | "selon" | "depuis"
    );
    let opens = (first.starts_with(char::is_uppercase) && !preposition) || determiner(&f);
    let dangling = l.ends_with(['\'', '’'])
        || matches!(
            l.as_str(),
            "de" | "du"
                | "des"
                | "le"
                | "la"
                | "les"
                | "a"
                | "au"
                | "aux"
                | "of"
                | "the"
                | "et"
                | "and"
                | "que"
        );
    let pronoun = words
        .iter()
        .any(|w| matches!(crate::text::fold::fold_str(w).as_str(), "lui" | "il" | "elle" | "eux"));
    // "Finalement, le chef de l'État …": a French adverb in -ment opening a sentence, which a
    // tagger may take for a name, is nobody ("Clément" is shorter than any of them).
    let adverb = words.len() == 1
        && f.chars().count() >= ADVERB_MIN_CHARS
        && (f.ends_with("ement") || f.ends_with("amment") || f.ends_with("emment"));
    opens && !dangling && !pronoun && !adverb && words.len() <= 10 && !s.contains(['«', '»', '"', '“', '”'])
}

/// Fewest letters of a French adverb in -ment that is taken for no name ("notamment").
const ADVERB_MIN_CHARS: usize = 9;

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

/// Most tokens of an incise after which the next quotation opens the next sentence and goes
/// on with the same speaker.
const INCISE_THEN_QUOTE_TOKENS: usize = 30;

/// "«…», souligne X, le secrétaire général du syndicat, sur RTL. «…»": the quotation opening
/// at `open` starts the sentence after the incise of the one closed at `prev_close`, in the
/// same paragraph, with no one but their speaker `name` named in the incise: the same speaker
/// goes on, however long the incise (`follows` takes short ones only).
/// The incise may also end its paragraph, the quotation opening the next one ("\"…,\" he
/// said.\n\n\"I am basically playing …\""): the caller says whether such a paragraph goes on
/// (`next_paragraph_goes_on`).
fn only_incise_between(
    doc: &Doc,
    prev_close: usize,
    open: usize,
    name: &str,
    entities: &EntityIndex,
) -> bool {
    let ends_sentence = |j: usize| matches!(doc.tok(j), "." | "!" | "?" | "…");
    // English sets the incise's comma inside the quotation ("\"…,\" Robson added.").
    let comma = doc.tok(prev_close + 1) == "," || prev_close > 0 && doc.tok(prev_close - 1) == ",";
    // The incise ends the sentence, or splits it and the quotation goes on in lower case
    // ("\"…,\" said Mr Warner, \"but the irony is …\"").
    // (English only: a French label in guillemets after an apposition, « porte-parole », is no
    // sentence going on.)
    let splits =
        doc.lang == Lang::En && doc.tok(open - 1) == "," && doc.is_word(open + 1) && !doc.cap(open + 1);
    open > prev_close + 2
        && open - prev_close <= INCISE_THEN_QUOTE_TOKENS
        && comma
        && (ends_sentence(open - 1) || splits)
        && !(prev_close + 1..open - 1).any(|j| ends_sentence(j) || is_quote_mark(doc.tok(j)))
        && !(prev_close + 1..open).any(|j| doc.newline_before(j))
        && !(doc.newline_before(open) && splits)
        && !rival_in_incise(doc, prev_close, open, name, entities)
}

/// Whether someone else than `name` is named between the tokens `a` and `b` as one who might
/// speak: in English not as a possessor ("\"…,\" said McIlroy, who came back under Lester's
/// guidance. \"…\"" goes on with McIlroy).
fn rival_in_incise(doc: &Doc, a: usize, b: usize, name: &str, entities: &EntityIndex) -> bool {
    let possessor = |e: &Entity, start: usize| {
        let end = e.mentions.iter().find(|m| m.start == start).map_or(start, |m| m.end);
        doc.lang == Lang::En && possessor_ending_at(doc, end)
    };
    person_between_where(doc, a, b, entities, |e, start| {
        e.name != name && !only_after_article(doc, e) && !possessor(e, start)
    })
}

/// Most tokens between a quotation and a colon that opens the next one in its incise.
const INCISE_COLON_TOKENS: usize = 16;

/// "«…», a-t-il souligné : «…»", "«…», ironise X, qui précise : «…»", "«…», a rappelé le
/// ministre, avant de promettre : «…»": an incise of saying after the quotation closed at
/// `prev_close` ends in a colon that opens the one at `open`, with no one but their speaker
/// `name` named in it: the same speaker goes on.
fn incise_then_colon(doc: &Doc, prev_close: usize, open: usize, name: &str, entities: &EntityIndex) -> bool {
    let colon = open.wrapping_sub(1);
    open > prev_close + 3
        && open - prev_close <= INCISE_COLON_TOKENS
        && doc.tok(prev_close + 1) == ","
        && doc.tok(colon) == ":"
        && (prev_close + 2..colon).any(|j| is_speech(doc, j) || inverted(doc.folded(j)).is_some())
        && !(prev_close + 1..colon)
            .any(|j| matches!(doc.tok(j), "." | "!" | "?" | ";" | ":") || is_quote_mark(doc.tok(j)))
        && !(prev_close + 1..=open).any(|j| doc.newline_before(j))
        && !other_person_between(doc, prev_close, open, name, entities)
}

/// A paragraph of quotation going on with the speaker of the paragraph before, as English news
/// writes a long quotation (French pages break their text with pull quotes and intertitles
/// there: no guess): one that ends a sentence (a line holding only a quotation without its full
/// stop is an intertitle) and does not name that speaker ("\"I will not let Reed …\"" answers
/// him).
fn next_paragraph_goes_on(doc: &Doc, inner: &str, close: usize, speaker: &str) -> bool {
    if doc.lang != Lang::En {
        return false;
    }
    let ends = inner.ends_with(['.', '!', '?', '…']) || matches!(doc.tok(close + 1), "." | "," | "!" | "?");
    let names_speaker = super::names::surname(speaker).is_some_and(|s| {
        crate::text::fold::fold_str(inner).split(|c: char| !c.is_alphanumeric()).any(|w| w == s)
    });
    ends && !names_speaker
}

/// Whether the sentence of the quote opening at `open`, or the one before, gives words to
/// someone the text does not name ("…, a indiqué un porte-parole de la police.", not "a
/// lancé un appel") with no
/// person named since: a pronoun after it stands for them.
fn unnamed_speaker_before(doc: &Doc, open: usize, entities: &EntityIndex) -> bool {
    let sentence = doc.sent_of.get(open).copied().unwrap_or(0);
    let first = doc.sentences.get(sentence.saturating_sub(1)).map_or(0, |r| r.start);
    // The unnamed speaker may have opened the paragraph a few quotes before (""…," he said.
    // "But," he added"), with nobody named since.
    let paragraph = doc.sentences.get(sentence.saturating_sub(UNNAMED_REACH)).map_or(0, |r| r.start);
    let paragraph = doc.line_first_token(open).filter(|&j| j >= paragraph).unwrap_or(paragraph);
    // The article first: the verb test is dear, and this runs back over a sentence per quote.
    (first..open).rev().any(|j| {
        matches!(doc.folded(j + 1), "un" | "une")
            && is_speech(doc, j)
            && is_person_head(doc, j + 2)
            && !person_between_where(doc, j, open, entities, |_, at| !complement_of_person_noun(doc, at))
    }) || unnamed_subject_spoke(doc, paragraph.min(first), open, entities)
}

/// Whether a plural subject pronoun stands right before the quote opening at `open` ("qu'ils
/// rappellent les «", "Ils ont déclaré : «") or in the incise right after it closes at `close`
/// ("», disent-ils", "," they said).
fn said_by_several(doc: &Doc, open: usize, close: usize) -> bool {
    let plural = |j: usize| {
        let f = doc.folded(j);
        PLURAL.contains(&f) || f.ends_with("-ils") || f.ends_with("-elles")
    };
    (open.saturating_sub(4)..open).any(plural) || (close + 1..close + 4).any(plural)
}

/// How many sentences back an unnamed speaker is looked for within the paragraph.
const UNNAMED_REACH: usize = 4;

/// "A spokesman for the Oxford University Press said that … « … », he said", "The prime
/// minister's official spokesman said … But he added: "…"": a sentence opening on a person
/// the text does not name who speaks, with nobody named after it.
fn unnamed_subject_spoke(doc: &Doc, first: usize, open: usize, entities: &EntityIndex) -> bool {
    // Only the sentences starting in `first..open` (they are in order), not all of them per quote.
    let from = doc.sentences.partition_point(|r| r.start < first);
    let to = doc.sentences.partition_point(|r| r.start < open).max(from);
    let starts = doc.sentences.get(from..to).unwrap_or_default().iter().map(|r| r.start);
    starts.into_iter().any(|s| {
        unnamed_subject_at(doc, s)
            && (s + 2..open).take_while(|&j| !is_quote_mark(doc.tok(j))).any(|j| is_speech(doc, j))
            && !person_between(doc, s, open, entities)
    })
}

/// How many words an English definite subject may put before its head noun ("The prime
/// minister's official spokesman").
const SUBJECT_HEAD_REACH: usize = 5;

/// Whether the sentence starting at `s` opens on a person it does not name: "A spokesman",
/// "Un porte-parole", or English "The …'s official spokesman" with no name after the head.
fn unnamed_subject_at(doc: &Doc, s: usize) -> bool {
    match doc.tok(s) {
        "A" | "An" | "Un" | "Une" => is_person_head(doc, s + 1),
        "The" if doc.lang == Lang::En => (s + 1..s + 1 + SUBJECT_HEAD_REACH)
            .take_while(|&j| doc.is_word(j) || doc.tok(j) == "'s")
            .any(|h| is_person_head(doc, h) && !doc.cap(h + 1)),
        _ => false,
    }
}

/// Whether the quote opening at `open` is joined to the one closed at `prev_close` by a
/// coordination of a few words ("appelant à « l'exemplarité » et à la « transparence »"): one
/// list, one speaker.
fn coordinated(doc: &Doc, prev_close: usize, open: usize) -> bool {
    open > prev_close + 1
        && open - prev_close <= 5
        && matches!(doc.folded(prev_close + 1), "et" | "ou")
        && (prev_close + 1..open).all(|j| doc.is_word(j) || doc.elision(j).is_some())
        && !(prev_close + 1..=open).any(|j| doc.newline_before(j))
}

/// Whether the quote opening at `open` is tied to the one closed at `prev_close` by a present
/// participle of a speech verb ("», a-t-il dit, ajoutant que «", "» évoquant des «"): the same
/// speaker goes on.
fn participle_link(doc: &Doc, prev_close: usize, open: usize, entities: &EntityIndex) -> bool {
    let speaking =
        |j: usize| doc.folded(j).ends_with("ant") && (is_speech(doc, j) || doc.folded(j) == "saluant");
    // A longer incise ("», s'est réjoui X dimanche sur BFMTV, saluant les annonces «") when the
    // participle opens its own clause after a comma.
    // ("», a-t-il admis, en précisant que «": a gerund too.)
    // ("», a-t-elle déclaré sur France Inter en ajoutant que le gouvernement avait «": a
    // gerund opens its clause without a comma.)
    let after_comma = |j: usize| doc.tok(j - 1) == "," || doc.folded(j - 1) == "en";
    // Without its comma the gerund may belong to someone the incise names or a relative clause
    // brings in ("», a déclaré X à Y, qui a répondu en assurant que « … »"): none may come between.
    let bare_gerund = |j: usize| doc.folded(j - 1) == "en" && doc.tok(j - 2) != ",";
    let someone_else = |j: usize| {
        person_between(doc, prev_close, j, entities)
            || (prev_close + 1..j).any(|i| RELATIVE_WORDS.contains(&doc.folded(i)))
    };
    let long = |j: usize| after_comma(j) && speaking(j) && !(bare_gerund(j) && someone_else(j));
    let reach = if (prev_close + 2..open).any(long) { PARTICIPLE_CLAUSE_REACH } else { 8 };
    // "en rappelant que la ministre avait jugé la réforme « … »": a clause of its own that says
    // something has its own speaker ("en précisant que le gouvernement avait transmis « … »"
    // does not).
    let own_saying = |q: usize| (q + 1..open).any(|j| is_speech(doc, j) && !speaking(j));
    let que = (prev_close + 1..open).find(|&j| matches!(doc.folded(j), "que" | "qu'"));
    open > prev_close
        && open - prev_close <= reach
        && !(prev_close + 1..open)
            .any(|j| matches!(doc.tok(j), "." | "!" | "?" | "«" | "»") || doc.newline_before(j))
        && (prev_close + 1..open).any(speaking)
        && !que.is_some_and(own_saying)
}

/// Words that open a clause with a subject of its own: relative pronouns, subordinators.
const RELATIVE_WORDS: [&str; 10] =
    ["qui", "que", "qu'", "dont", "lequel", "laquelle", "lesquels", "lesquelles", "tandis", "ayant"];

/// Most tokens between two quotations tied by a participle that opens its own clause.
const PARTICIPLE_CLAUSE_REACH: usize = 24;

/// Fewest words of a quotation standing alone after a sentence about its speaker.
const BARE_QUOTE_WORDS: usize = 4;

/// "Dans une lettre ouverte, Jeanne Morel ne mâche pas ses mots. « Les élus ont tout
/// oublié. »": a quotation that stands as its own sentence, with no attribution of its own,
/// right after a sentence (in the same paragraph, quoting nothing) whose subject is a person
/// named in full and who is the only person it names: that person's words.
fn bare_after_subject(
    doc: &Doc,
    k: usize,
    close: usize,
    words: usize,
    entities: &EntityIndex,
    roles: &[RoleMatch],
) -> Option<Speaker> {
    let ends = |j: usize| matches!(doc.tok(j), "." | "!" | "?" | "…");
    if doc.lang != Lang::Fr || words < BARE_QUOTE_WORDS || !doc.cap(k + 1) || k == 0 || !ends(k - 1) {
        return None;
    }
    if doc.newline_before(k) {
        return None;
    }
    // The quotation ends its sentence: a paragraph end or a full stop after it, or its own
    // closing punctuation and a new sentence.
    let (Some(open_t), Some(close_t)) = (doc.tokens.get(k), doc.tokens.get(close)) else { return None };
    let inner = doc.text.get(open_t.end..close_t.start).unwrap_or("").trim_end_matches(is_trim);
    let ends_itself = close + 1 >= doc.len()
        || doc.newline_before(close + 1)
        || ends(close + 1)
        || inner.ends_with(['.', '!', '?', '…']) && (doc.cap(close + 1) || is_quote_mark(doc.tok(close + 1)));
    if !ends_itself && !clause_goes_on(doc, close) {
        return None;
    }
    let range = doc.sentences.get(*doc.sent_of.get(k - 1)?)?;
    if (range.start..k).any(|j| doc.newline_before(j) && j > range.start)
        || quotes_more_than_a_word(doc, range.start, k)
    {
        return None;
    }
    let (from, to) = (doc.tokens.get(range.start)?.start, open_t.start);
    // "« …, dit le ministère, … »": the quotation has its own incise.
    let own_incise = (k + 2..close).any(|j| doc.tok(j - 1) == "," && is_speech(doc, j));
    // "Cécile, Isabelle et Vanessa, trois sœurs, sont venues. « On veut … »": words said for
    // several, after a sentence opening with the people who say them.
    let several = super::joint::speaks_for_several(inner) && !own_incise;
    if let Some(joint) =
        several.then(|| super::joint::people_opening(doc, range.start, k - 1, entities)).flatten()
    {
        return Some(Speaker::Named(joint));
    }
    let e = match coref::sentence_subject(doc, range.start, k - 1, entities) {
        coref::Subject::Person(e) => e,
        // "X a rejoint le cortège. Elle a dû fermer sa boutique. « … »": the person the
        // pronoun's chain of subjects leads back to, when the sentence names nobody; no guess
        // among the people named before.
        coref::Subject::Pronoun(g) => {
            let nobody = entities.last_person_between(from, to, |_, _| true).is_none();
            if !nobody || own_incise || g == Gender::Unknown {
                return None;
            }
            // The person is named in the quotation's own paragraph.
            let paragraph = doc.line_start(to);
            return coref::subject_person(doc, k, g, entities, roles)
                .flatten()
                .filter(|e| e.mentions.iter().any(|m| m.start >= paragraph && m.end <= to))
                .map(|e| Speaker::Named(e.name.clone()));
        }
        // "Claude et Yolande font partie des habitués. … Ils sont venus. « On vient … »": "Ils"
        // carries the people quoted together on.
        _ if several && matches!(doc.folded(range.start), "ils" | "elles") => {
            return super::joint::joint_before(doc, range.start, entities).map(Speaker::Named);
        }
        // "L'actrice est décidée à … . « … »": a person described, for `resolve_description`
        // to name (or to show as described), when the sentence names nobody.
        _ => {
            let described = doc.is_determiner(range.start) && is_person_head(doc, range.start + 1);
            let nobody = entities.last_person_between(from, to, |_, _| true).is_none();
            return match phrase_speaker(doc, range.start, entities) {
                Some(Speaker::Description(Kind::Person, words)) if described && nobody && !own_incise => {
                    Some(Speaker::Description(Kind::Person, words))
                }
                _ => None,
            };
        }
    };
    let trusted = coref::full_enough(doc, e);
    let other = entities.last_person_between(from, to, |o, _| o.name != e.name);
    // "X est essayiste. « … »": a line presenting the author, who may open by quoting another.
    let presented = e.mentions.iter().filter(|m| m.start >= from && m.end <= to).any(|m| {
        let after = doc.tokens.partition_point(|t| t.start < m.end);
        matches!(doc.folded(after), "est" | "etait" | "sera" | "fut")
    });
    (trusted && other.is_none() && !presented && !own_incise).then(|| Speaker::Named(e.name.clone()))
}

/// Most tokens inside a quotation that only marks a word ("dans cette « agora »").
const SCARE_QUOTE_TOKENS: usize = 2;

/// Whether tokens `from..to` quote more than a word or two: a sentence that quotes someone is
/// no mere sentence about its subject.
fn quotes_more_than_a_word(doc: &Doc, from: usize, to: usize) -> bool {
    let marks: Vec<usize> = (from..to).filter(|&j| is_quote_mark(doc.tok(j))).collect();
    marks.len() % 2 == 1 || marks.chunks(2).any(|pair| pair[1] - pair[0] > SCARE_QUOTE_TOKENS + 1)
}

/// Words opening a clause that goes on after a quotation without attributing it.
const GOING_ON: [&str; 6] = ["meme", "mais", "car", "alors", "parce", "puisque"];

/// "« Je suis prêt à rester », même s'il « n'attend rien » du gouvernement.": after the
/// quotation's comma the sentence goes on with a clause of its own, which has no verb of saying.
fn clause_goes_on(doc: &Doc, close: usize) -> bool {
    let Some(range) = doc.sent_of.get(close + 1).and_then(|&s| doc.sentences.get(s)) else { return false };
    doc.tok(close + 1) == ","
        && GOING_ON.contains(&doc.folded(close + 2))
        && (close + 2..range.end).all(|j| !is_speech(doc, j) && !doc.newline_before(j))
}

/// Most tokens between a quotation and a fragment of the same clause that goes on with it.
const SAME_CLAUSE_REACH: usize = 16;

/// "X a déclaré que le pays pouvait « réagir » après l'attaque « sans avoir à … »": a
/// quotation in lower case further into the sentence of the one closed at `prev_close`, said
/// by `name`, goes on with the same indirect speech, when nothing between brings another
/// speaker: no person named, no verb of saying, no relative or contrasting clause ("qui
/// réclament « … »", "alors que le syndicat « … »"), no colon, semicolon or other quotation.
fn fragment_in_same_clause(
    doc: &Doc,
    prev_close: usize,
    open: usize,
    name: &str,
    entities: &EntityIndex,
) -> bool {
    let clause_break = |j: usize| {
        matches!(doc.tok(j), ":" | ";" | "." | "!" | "?" | "(" | ")")
            || is_quote_mark(doc.tok(j))
            || doc.newline_before(j)
            || is_speech(doc, j)
            // "…, déclenchant une enquête pour « … »": a participle of another kind of act.
            || doc.tok(j - 1) == "," && doc.folded(j).ends_with("ant")
            // "placé en garde à vue pour « port d'arme prohibé »": the charge, no one's words.
            || j + 1 == open && doc.folded(j) == "pour"
            || matches!(
                doc.folded(j),
                "qui" | "dont" | "lequel" | "laquelle" | "lesquels" | "lesquelles" | "selon" | "d'apres"
                    | "alors" | "tandis" | "car" | "puisque" | "puisqu'" | "mais" | "contre"
            )
    };
    let near = doc.lang == Lang::Fr
        && open > prev_close + 1
        && open - prev_close <= SAME_CLAUSE_REACH
        && !doc.cap(open + 1)
        && doc.sent_of.get(prev_close) == doc.sent_of.get(open)
        && !(prev_close + 1..open).any(clause_break)
        && !doc.newline_before(open)
        && !other_person_between(doc, prev_close, open, name, entities);
    if !near {
        return false;
    }
    // The sentence opens on the speaker (or a pronoun for them) and a verb of saying before
    // the first quotation: "X a été interpellé pour « … » et « … »" quotes charges, not X.
    let Some(sent_start) = doc.sent_of.get(open).and_then(|&s| doc.sentences.get(s)).map(|r| r.start) else {
        return false;
    };
    let Some(first_open) = (sent_start..prev_close).find(|&j| is_quote_mark(doc.tok(j))) else {
        return false;
    };
    // A pronoun subject is left alone: the quote before may have named the wrong person.
    let subject = matches!(
        coref::sentence_subject(doc, sent_start, first_open, entities),
        coref::Subject::Person(e) if e.name == name
    );
    // "X, dit « le Pirate », …": a nickname, not words X said.
    let nickname =
        matches!(doc.folded(first_open.wrapping_sub(1)), "dit" | "dite" | "surnomme" | "surnommee")
            && doc.tok(first_open.wrapping_sub(2)) == ",";
    // The quote before is no label the text quotes again and again ("les « gilets jaunes »").
    let label_before = (first_open..prev_close).rev().find(|&j| is_quote_mark(doc.tok(j))).is_some_and(|o| {
        let (Some(a), Some(b)) = (doc.tokens.get(o), doc.tokens.get(prev_close)) else { return true };
        quoted_occurrences(doc, doc.text.get(a.end..b.start).unwrap_or("").trim_matches(is_trim)) != 1
    });
    subject
        && !nickname
        && !label_before
        && (first_open.saturating_sub(FRAGMENT_VERB_REACH).max(sent_start)..first_open)
            .any(|j| is_speech(doc, j))
}

/// How many times the words `inner` are quoted in the text: a label ("les « gilets jaunes »")
/// is quoted again and again.
fn quoted_occurrences(doc: &Doc, inner: &str) -> usize {
    if inner.is_empty() {
        return 0;
    }
    doc.text
        .match_indices(inner)
        .filter(|(i, _)| {
            let before = doc.text.get(..*i).unwrap_or("").trim_end_matches(super::tokenize::is_space);
            before.ends_with(['«', '“', '"', '„', '‘'])
        })
        .count()
}

/// Whom a pronoun speaker stands for: the speaker of the quote this one continues when their
/// gender fits, else the person named before (this paragraph or the one before) whose gender
/// fits, when only one does and `may_guess`; else nobody (never a guess between two people).
fn pronoun_person(
    doc: &Doc,
    open: usize,
    gender: Gender,
    entities: &EntityIndex,
    roles: &[RoleMatch],
    inherited: Option<String>,
    guess: Option<Option<&Protagonist>>,
) -> Option<String> {
    if let Some(name) = inherited.filter(|n| coref::name_fits(doc, n, gender, entities)) {
        return Some(name);
    }
    // "La fédération « a pris connaissance … », indique-t-elle": the organisation the
    // sentence is about, when it names no person before the quote.
    let sentence_start = coref::sentences_back(doc, open, 0);
    let before = doc.tokens.get(open)?.start;
    let in_sentence = |label: Label| {
        entities
            .entities
            .iter()
            .filter(|e| {
                e.label == label && e.mentions.iter().any(|m| m.start >= sentence_start && m.end <= before)
            })
            .collect::<Vec<_>>()
    };
    // A subject, not a complement ("selon l'AFP", "à la mairie").
    let subject = |start: usize| {
        let j = doc.tokens.partition_point(|t| t.start < start);
        let back = |n: usize| j.checked_sub(n).map_or("", |i| doc.folded(i));
        let prep = |f: &str| {
            matches!(
                f,
                "selon"
                    | "apres"
                    | "a"
                    | "au"
                    | "aux"
                    | "de"
                    | "du"
                    | "des"
                    | "d'"
                    | "par"
                    | "sur"
                    | "pour"
                    | "avec"
            )
        };
        !(prep(back(1)) || doc.is_determiner(j.wrapping_sub(1)) && prep(back(2)))
    };
    let subject_in_sentence = |e: &&Entity| {
        e.mentions.iter().any(|m| m.start >= sentence_start && m.end <= before && subject(m.start))
    };
    // English "he" and "she" are people; only French "il" and "elle" also stand for a body.
    if doc.lang == Lang::Fr && in_sentence(Label::Per).is_empty() {
        let orgs = in_sentence(Label::Org);
        if let [org] = orgs.as_slice()
            && subject_in_sentence(org)
        {
            return Some(org.name.clone());
        }
        // Another kind of name opens the sentence (one the tagger took for a place, or one
        // nobody tagged: "la Fédération française de boxe « … », indique-t-elle"): the
        // pronoun is more likely it than someone named earlier.
        if orgs.iter().any(subject_in_sentence)
            || untagged_subject(doc, doc.tokens.partition_point(|t| t.start < sentence_start), open, entities)
            || [Label::Loc, Label::Misc].into_iter().any(|l| in_sentence(l).iter().any(subject_in_sentence))
        {
            return None;
        }
    }
    if let Some(subject) = coref::subject_person(doc, open, gender, entities, roles) {
        return subject.map(|e| e.name.clone());
    }
    // A guess only when no quote just before was left to someone described and unnamed; the
    // text's protagonist, when there is one, is the last guess.
    let protagonist = guess?;
    let from = coref::reach_start(doc, open);
    let before = doc.tokens.get(open)?.start;
    coref::resolve_person(doc, from..before, gender, entities)
        .filter(|e| not_only_complement(doc, e, from..before))
        .map(|e| e.name.clone())
        .or_else(|| framing_person_just_before(doc, open, gender, entities))
        .or_else(|| protagonist_just_before(doc, open, gender, entities, roles, protagonist))
}

/// Words opening a subordinate clause, whose subject is not the one the next sentence's pronoun
/// stands for.
const CLAUSE_SUBORDINATORS: [&str; 19] = [
    "that", "why", "if", "whether", "because", "when", "while", "after", "before", "since", "que", "qu'",
    "si", "car", "quand", "lorsque", "lorsqu'", "puisque", "parce",
];

/// The person a text is about, for the pronouns several people fit: named outside quotations
/// at least three times and more than twice as often as anyone else. Found once a text.
struct Protagonist<'e> {
    person: &'e Entity,
    gender: Gender,
    /// Which tokens stand inside quotation marks, straight ones included.
    quoted: Vec<bool>,
}

impl<'e> Protagonist<'e> {
    fn find(doc: &Doc, entities: &'e EntityIndex) -> Option<Self> {
        let quoted = quoted_mask(doc);
        let outside = |e: &Entity| {
            e.mentions.iter().filter(|m| !quoted.get(token_at(doc, m.start)).copied().unwrap_or(true)).count()
        };
        let mut people: Vec<(&Entity, usize)> =
            entities.entities.iter().filter(|e| e.label == Label::Per).map(|e| (e, outside(e))).collect();
        people.sort_by_key(|p| std::cmp::Reverse(p.1));
        let (person, named) = *people.first()?;
        let second = people.get(1).map_or(0, |p| p.1);
        let gender = coref::person_gender(doc, person);
        (named >= 3 && named > 2 * second && gender != Gender::Unknown).then_some(Protagonist {
            person,
            gender,
            quoted,
        })
    }
}

/// The token a byte offset falls in.
fn token_at(doc: &Doc, start: usize) -> usize {
    doc.tokens.partition_point(|t| t.start < start)
}

/// Which tokens stand inside quotation marks: guillemets, curly quotes and straight ones (these
/// by the way they face), none across a paragraph break.
pub(crate) fn quoted_mask(doc: &Doc) -> Vec<bool> {
    let mut inside = false;
    let mut out = Vec::with_capacity(doc.len());
    for k in 0..doc.len() {
        if doc.newline_before(k) {
            inside = false;
        }
        match doc.tok(k) {
            "«" | "“" => inside = true,
            "»" | "”" => inside = false,
            "\"" => {
                inside = match facing(doc, k) {
                    Facing::Opening => true,
                    Facing::Closing => false,
                    Facing::Unclear => !inside,
                }
            }
            _ => {}
        }
        out.push(inside || is_quote_mark(doc.tok(k)));
    }
    out
}

/// When several people fit a pronoun speaker, the text's protagonist (see `Protagonist`), of
/// the pronoun's gender, when they are the last person of that gender named before the
/// quotation, in the sentence before it, at the head of that sentence or of a clause after
/// "but" ("Bogdanov claimed the race would be between himself, Okken and Reina but McIlroy is
/// unfazed. He admitted: \"…\""), and not spoken of in the quotation's own sentence.
fn protagonist_just_before(
    doc: &Doc,
    open: usize,
    gender: Gender,
    entities: &EntityIndex,
    roles: &[RoleMatch],
    protagonist: Option<&Protagonist>,
) -> Option<String> {
    let Protagonist { person: top, gender: top_gender, quoted } = protagonist?;
    if gender == Gender::Unknown || *top_gender != gender {
        return None;
    }
    let sentence = *doc.sent_of.get(open)?;
    let first = doc.sentences.get(sentence.saturating_sub(1)).map_or(0, |r| r.start);
    let own = doc.sentences.get(sentence).cloned().unwrap_or(open..open);
    let named_before = |p: usize| p >= first && p < open && !quoted.get(p).copied().unwrap_or(true);
    // "Mr Mubanga's account": a possessor is no one who speaks.
    let possessor = |m: &super::types::Mention| possessor_ending_at(doc, m.end);
    // The last person of that gender named before ("Mr Brown said … But John Taylor said …
    // \"…,\" he said" is Taylor's).
    let last_fitting = entities
        .entities
        .iter()
        .filter(|e| e.label == Label::Per && coref::person_gender(doc, e).fits(gender))
        .flat_map(|e| e.mentions.iter().filter(|m| !possessor(m)).map(move |m| (token_at(doc, m.start), e)))
        .filter(|&(p, _)| named_before(p))
        .max_by_key(|&(p, _)| p);
    // At the head of its sentence or after "but", with no subordinating word nor pronoun of
    // that gender before it ("Mr Johnson was asked why Mr Smith …", "X, who beat Y, praised
    // Miller").
    let pronoun = match (doc.lang == Lang::En, gender == Gender::Female) {
        (true, true) => "she",
        (true, false) => "he",
        (false, true) => "elle",
        (false, false) => "il",
    };
    let heads_clause = |p: usize| {
        let mut q = p;
        while q > 0 && is_honorific(doc, q - 1) {
            q -= 1;
        }
        let start = doc.sentence_start(q).unwrap_or(0);
        let after_but = matches!(doc.folded(q.wrapping_sub(1)), "but" | "yet" | "mais");
        // "Labour election chief Alan Milburn denied …": behind the title the text gives them.
        let titled = roles.iter().any(|r| r.name.start == p && r.role_tokens.end == q)
            && (start..q).all(|j| doc.is_word(j) && (!GAZ.is_stop(doc.folded(j)) || doc.is_determiner(j)));
        (q == start || after_but || titled)
            && !(start..q).any(|j| CLAUSE_SUBORDINATORS.contains(&doc.folded(j)) || doc.folded(j) == pronoun)
    };
    // Spoken of in the quotation's own sentence («Il avait jugé «inadmissible» l'attitude de
    // Mélenchon»): not the speaker.
    let spoken_of = top.mentions.iter().map(|m| token_at(doc, m.start)).any(|p| own.contains(&p));
    // In the sentence before: one named in the quotation's own sentence may be its subject
    // ("He said Mr Straw was \"naive beyond belief\"").
    let last_is_top = last_fitting
        .is_some_and(|(p, e)| std::ptr::eq(e, *top) && p < own.start && heads_clause(p))
        && !spoken_of;
    last_is_top.then(|| top.name.clone())
}

/// Words before a name that make it a complement of someone else's sentence ("avec X", "les
/// propos d'X", "qu'X allait …"), not the one who speaks next.
const NOT_FRAMING: [&str; 22] = [
    "a", "au", "aux", "de", "d'", "d’", "du", "des", "avec", "contre", "chez", "envers", "aupres", "entre",
    "sans", "sur", "vers", "sous", "que", "qu'", "qu’", "et",
];

/// English words before a name that make it a complement ("a row with X", "the words of X").
const NOT_FRAMING_EN: [&str; 14] =
    ["of", "to", "with", "by", "for", "and", "from", "against", "about", "at", "on", "in", "than", "that"];

/// Whether tokens `from..to` are only a title and its complement ("ministre de l'Intérieur",
/// "ministre allemand des Finances"): title words, names, "de" and articles, one other word at
/// most; no verb ("chanteur sait être ferme avec son ami").
fn title_words(doc: &Doc, from: usize, to: usize) -> bool {
    let other = (from..to)
        .filter(|&j| {
            let f = doc.folded(j);
            !(doc.cap(j)
                || PERSON_NOUNS.contains(&f)
                || GAZ.titles.contains(f)
                || matches!(f, "de" | "du" | "des" | "d'" | "d’" | "la" | "le" | "l'" | "l’"))
        })
        .count();
    from < to && other <= 1 && (from..to).all(|j| doc.is_word(j) || doc.elision(j).is_some())
}

/// Whether a (folded) word may stand between an inverted verb of saying and its subject: an
/// adverb ("note encore X", "déplore désormais X"), not a preposition ("proposée par X").
fn adverb_before_subject(folded: &str) -> bool {
    folded.len() > 5 && folded.ends_with("ment")
        || matches!(
            folded,
            "aussi"
                | "encore"
                | "alors"
                | "ensuite"
                | "enfin"
                | "desormais"
                | "deja"
                | "donc"
                | "pourtant"
                | "toutefois"
        )
}

/// "Pour X, …", "Selon X, …": a name opening the sentence behind one of these frames its words.
const FRAMES: [&str; 2] = ["pour", "selon"];

/// When several people fit a pronoun speaker in the paragraphs before, the one person named in
/// the quotation's own sentence or the sentence before it, in the same paragraph, when the text
/// names them as the one who speaks or thinks: at the head of the sentence ("X a insisté …",
/// "Pour X, …"), right after a verb of saying ("…», a esquivé X."), or apposed at its end ("…
/// défendue par le ministre de …, X."). A name after a preposition or "que" ("avec X", "les
/// propos d'X") is someone else's; two people named there, or a subject pronoun of the same
/// gender before the name, leave the quote unnamed.
fn framing_person_just_before(
    doc: &Doc,
    open: usize,
    gender: Gender,
    entities: &EntityIndex,
) -> Option<String> {
    let english = doc.lang == Lang::En;
    if !(english || doc.lang == Lang::Fr) || gender == Gender::Unknown {
        return None;
    }
    let sentence = *doc.sent_of.get(open)?;
    let first = doc.sentences.get(sentence.saturating_sub(1)).map_or(0, |r| r.start);
    // Within the paragraph only.
    let first = doc.line_first_token(open).filter(|&j| j > first).unwrap_or(first);
    let quoted = doc.quoted();
    let outside = |j: usize| !quoted.get(j).copied().unwrap_or(true);
    let mut people: Vec<(&Entity, usize, usize)> = Vec::new();
    for e in entities.entities.iter().filter(|e| e.label == Label::Per) {
        for m in &e.mentions {
            let p = doc.tokens.partition_point(|t| t.start < m.start);
            let end = doc.tokens.partition_point(|t| t.start < m.end);
            // "Mr Brown's former adviser Ed Balls said": the possessor is not who speaks.
            let possessor = english && matches!(doc.tok(end), "'s" | "’s" | "'" | "’");
            if p >= first && end <= open && outside(p) && !possessor {
                people.push((e, p, end));
            }
        }
    }
    let (e, p, end) = *people.last()?;
    if people.iter().any(|(o, _, _)| o.name != e.name) || !coref::full_enough(doc, e) {
        return None;
    }
    if !coref::person_gender(doc, e).fits(gender) || coref::person_gender(doc, e) == Gender::Unknown {
        return None;
    }
    let pronoun = match (english, gender == Gender::Female) {
        (false, true) => "elle",
        (false, false) => "il",
        (true, true) => "she",
        (true, false) => "he",
    };
    if (first..p).any(|j| outside(j) && doc.folded(j) == pronoun) {
        return None;
    }
    if english {
        // "MTV spokeswoman Jane Roe said the network … «…», she said.": the subject of a verb
        // of saying (auxiliaries and "also" between), not a preposition's object.
        let prev = doc.folded(p.wrapping_sub(1));
        let says = (end..end + 3)
            .find(|&v| is_speech(doc, v))
            .is_some_and(|v| (end..v).all(|j| AUX.contains(&doc.folded(j)) || doc.folded(j) == "also"));
        return (says && !NOT_FRAMING_EN.contains(&prev)).then(|| e.name.clone());
    }
    // The last sentence starting at or before `p` (they are in order).
    let head = doc.sentences.partition_point(|r| r.start <= p);
    let head = head.checked_sub(1).and_then(|i| doc.sentences.get(i)).map_or(0, |r| r.start).max(first);
    let prev = doc.folded(p.wrapping_sub(1));
    let framing = !NOT_FRAMING.contains(&prev);
    // "…», a esquivé X.", "ce que préconise désormais X": the subject after a verb of saying
    // that follows a quotation, a comma or "que", adverbs between.
    let after_verb = (p.saturating_sub(3).max(head)..p).any(|v| {
        let mut b = v.saturating_sub(1);
        while b > head && AUX.contains(&doc.folded(b)) && doc.tok(b) != "à" {
            b -= 1;
        }
        is_speech(doc, v)
            && (matches!(doc.tok(b), "," | "»" | "”") || matches!(doc.folded(b), "que" | "qu'" | "qu’"))
            && (v + 1..p).all(|j| !doc.cap(j) && adverb_before_subject(doc.folded(j)))
    });
    // "X a insisté", "Pour X, …", "Le ministre de l'Intérieur X a …": the head of the sentence.
    let at_head = p == head
        || FRAMES.contains(&doc.folded(head)) && p == head + 1
        || framing
            && doc.is_determiner(head)
            && !doc.cap(head + 1)
            && is_person_head(doc, head + 1)
            && p <= head + 8
            && title_words(doc, head + 1, p);
    // "… défendue par le ministre des Relations avec le Parlement, X.": apposed at the end to
    // the agent of the sentence ("… rivalité avec le préfet, X." is someone else).
    let apposed_end = prev == ","
        && matches!(doc.tok(end), "." | ":")
        && (p.saturating_sub(14).max(head)..p - 1).any(|q| {
            doc.folded(q) == "par"
                && doc.is_determiner(q + 1)
                && is_person_head(doc, q + 2)
                && !(q..p - 1).any(|j| doc.tok(j) == ",")
        });
    (after_verb || at_head || apposed_end).then(|| e.name.clone())
}

/// Prepositions that make the person after them a complement of the verb ("avec son ami X",
/// "s'adressant à X", "contre X"); "selon", "pour" and "d'après" rather frame their words.
/// Folded, but for "à", read from the raw word ("a" is also the verb).
const COMPLEMENT_PREPOSITIONS: [&str; 9] =
    ["avec", "au", "aux", "contre", "chez", "envers", "aupres", "entre", "sans"];

/// How many words of a title may stand between such a preposition and the name ("avec le
/// ministre allemand des Finances X").
const COMPLEMENT_TITLE_WORDS: usize = 7;

/// Whether person `e` is named within the byte `span` otherwise than as a complement, or as a
/// possessor in an earlier paragraph ("… against Sir Alex Ferguson's side. ¶ … \"…,\" he said":
/// someone else).
pub(super) fn not_only_complement(doc: &Doc, e: &Entity, span: std::ops::Range<usize>) -> bool {
    let same_paragraph = |end: usize| doc.text.get(end..span.end).is_some_and(|t| !t.contains('\n'));
    e.mentions.iter().any(|m| {
        m.start >= span.start
            && m.end <= span.end
            && !complement_at(doc, m.start)
            && (!possessor_ending_at(doc, m.end) || same_paragraph(m.end))
    })
}

/// Whether the name at byte `start` is the complement of a preposition, maybe behind a title
/// ("avec le ministre allemand des Finances Olaf Scholz", "à Joachim Son-Forget"): the person
/// a verb is done with or to, not the subject a later pronoun most likely stands for.
fn complement_at(doc: &Doc, start: usize) -> bool {
    let j = doc.tokens.partition_point(|t| t.start < start);
    let possessive = |k: usize| matches!(doc.folded(k), "son" | "sa" | "ses" | "leur");
    let title_word = |k: usize| {
        let f = doc.folded(k);
        doc.is_word(k)
            && !doc.cap(k)
            && (GAZ.titles.contains(f)
                || GAZ.professions.contains(f)
                || GAZ.demonyms.contains_key(f)
                || RELATIONAL.contains(&f))
    };
    for back in (j.saturating_sub(COMPLEMENT_TITLE_WORDS)..j).rev() {
        if COMPLEMENT_PREPOSITIONS.contains(&doc.folded(back)) || matches!(doc.tok(back), "à" | "À") {
            // The preposition's own noun phrase is the name or a title before it ("à l'AFP X"
            // governs the agency, and X is the verb's subject).
            let head = if doc.is_determiner(back + 1) || possessive(back + 1) { back + 2 } else { back + 1 };
            return head == j || title_word(head);
        }
        // Within the title: its determiner, its words, the names of its complement.
        let title_part = doc.is_determiner(back)
            || possessive(back)
            || matches!(doc.folded(back), "de" | "d'")
            || doc.is_word(back) && doc.cap(back)
            || title_word(back);
        if !title_part {
            return false;
        }
    }
    false
}

/// Conjunctions that open a clause put before the main one ("S'", "Lorsqu'", "Comme"), and
/// the words that may lead them ("Depuis qu'", "Alors que", "Bien qu'").
const SUBORDINATORS: [&str; 10] =
    ["s'", "si", "lorsqu'", "lorsque", "quand", "puisqu'", "puisque", "comme", "qu'", "que"];
const SUBORDINATOR_LEADS: [&str; 9] =
    ["depuis", "alors", "bien", "parce", "tandis", "meme", "des", "avant", "apres"];

/// The token of the pronoun subject of a clause opening the sentence at `start` ("Depuis
/// qu'elle", "S'il"), if it opens with one.
fn subordinate_pronoun(doc: &Doc, start: usize) -> Option<usize> {
    let conj = if SUBORDINATOR_LEADS.contains(&doc.folded(start)) { start + 1 } else { start };
    let pronoun = conj + 1;
    // "Qu'il" opening a sentence is no subordinate clause.
    let led = conj > start || !matches!(doc.folded(conj), "qu'" | "que");
    (led && SUBORDINATORS.contains(&doc.folded(conj)) && matches!(doc.folded(pronoun), "il" | "elle"))
        .then_some(pronoun)
}

/// "Depuis qu'elle a déclaré « … », Brigitte Bardot a décidé …": a pronoun subject of a clause
/// opening the sentence stands for the person the main clause, after the comma that follows the
/// quote, opens with, when nobody named before in reach is known to be of the pronoun's gender.
fn cataphora_subject(
    doc: &Doc,
    open: usize,
    close: usize,
    gender: Gender,
    entities: &EntityIndex,
) -> Option<String> {
    let range = doc.sentences.get(*doc.sent_of.get(open)?)?;
    let pronoun = subordinate_pronoun(doc, range.start)?;
    if doc.lang != Lang::Fr || pronoun >= open || coref::word_gender(doc.folded(pronoun)) != gender {
        return None;
    }
    let comma = (close + 1..range.end).find(|&j| doc.tok(j) == ",")?;
    let (e, end) = doc.tokens.get(comma + 1).and_then(|t| entities.starting_at(t.start))?;
    let after = doc.tokens.partition_point(|t| t.start < end);
    if e.label != Label::Per
        || matches!(doc.folded(after), "et" | "ou")
        || !coref::person_gender(doc, e).fits(gender)
        || person_between(doc, pronoun, comma, entities)
    {
        return None;
    }
    let known_before = entities.last_person_between(
        coref::reach_start(doc, open),
        doc.tokens.get(range.start)?.start,
        |o, _| gender != Gender::Unknown && coref::person_gender(doc, o) == gender,
    );
    known_before.is_none().then(|| e.name.clone())
}

/// Whether a determiner and a capitalised word that no recognizer tagged stand between tokens
/// `from` and `open`, not after a preposition: a name the sentence is about ("la Fédération
/// française de boxe").
fn untagged_subject(doc: &Doc, from: usize, open: usize, entities: &EntityIndex) -> bool {
    // From the quote before, if any: its words are not the sentence's subject.
    let from = (from..open).rev().find(|&j| is_quote_mark(doc.tok(j))).unwrap_or(from);
    (from + 1..open).any(|j| {
        matches!(doc.folded(j - 1), "le" | "la" | "les" | "l'")
            && !(j >= 2
                && matches!(doc.folded(j - 2), "de" | "a" | "par" | "selon" | "pour" | "sur" | "avec"))
            && doc.cap(j)
            && doc.is_word(j)
            && doc.tokens.get(j).is_some_and(|t| entities.starting_at(t.start).is_none())
    })
}

/// "ce dernier", "l'intéressée": the nearest person named from byte `from` whose gender fits.
fn latest_person(
    doc: &Doc,
    open: usize,
    from: usize,
    gender: Gender,
    entities: &EntityIndex,
) -> Option<String> {
    let before = doc.tokens.get(open)?.start;
    entities
        .last_person_between(from, before, |e, _| coref::person_gender(doc, e).fits(gender))
        .map(|e| e.name.clone())
}

fn is_trim(c: char) -> bool {
    super::tokenize::is_space(c) || c == ','
}

/// Entity name for a mention starting at token k, if any, and the token after the mention. A
/// partial name shared by two people ("Le Pen" with Marine and Jean-Marie Le Pen named) is
/// kept as written rather than given to one of them.
fn entity_at(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<(String, usize)> {
    let start = doc.tokens.get(k)?.start;
    let (e, end) = entities.starting_at(start)?;
    let end_tok = (k..doc.len()).find(|&j| doc.tokens.get(j).is_some_and(|t| t.end >= end))?;
    let written = doc.text.get(start..end).unwrap_or("");
    let name = if e.label == Label::Per && written != e.name && shared_name(written, &e.name, entities) {
        written.to_string()
    } else {
        e.name.clone()
    };
    Some((name, end_tok + 1))
}

/// Whether another person than `name` bears all the words of `written`.
fn shared_name(written: &str, name: &str, entities: &EntityIndex) -> bool {
    let words: Vec<String> = written.split_whitespace().map(crate::text::fold::fold_str).collect();
    entities.entities.iter().filter(|e| e.label == Label::Per && e.name != name).any(|e| {
        let theirs: Vec<String> = e.name.split_whitespace().map(crate::text::fold::fold_str).collect();
        words.iter().all(|w| theirs.contains(w))
    })
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

/// How a quote's closing mark is followed: by a comma or its own punctuation, by words, or by a
/// new paragraph.
#[derive(PartialEq, Clone, Copy)]
enum Attached {
    Yes,
    VerbOnly,
    No,
}

fn speaker_after(doc: &Doc, mut k: usize, attached: Attached, entities: &EntityIndex) -> Option<Speaker> {
    if doc.tok(k) == "," {
        k += 1;
    }
    // "», sur la taxe carbone, a-t-il martelé": what the words were about comes between.
    if let Some(verb) = topic_then_incise(doc, k) {
        k = verb;
    }
    // "» comme l'a rappelé X", "», comme le souligne X": the verb's object pronoun is the quote.
    if doc.lang == Lang::Fr
        && doc.folded(k) == "comme"
        && matches!(doc.folded(k + 1), "l'" | "le" | "la")
        && verb_group_at(doc, k + 2).is_some()
    {
        return named_speaker_after(doc, k + 2, entities);
    }
    // "» selon X" / "» d'après X"; not "Selon …" opening the next sentence or paragraph.
    let after_selon = match doc.folded(k) {
        _ if doc.cap(k) && k > 0 && doc.tok(k - 1) != "," => None,
        "selon" => Some(k + 1),
        "d'" if doc.folded(k + 1) == "apres" => Some(k + 2),
        _ => None,
    };
    if let Some(np) = after_selon {
        return phrase_speaker(doc, np, entities)
            .or_else(|| {
                // An unrecognised name ("selon M.Houdré").
                doc.cap(np).then(|| noun_phrase(doc, np, entities)).flatten().map(Speaker::Named)
            })
            .or(Some(Speaker::Unknown));
    }
    if attached == Attached::No {
        return None;
    }
    // "», lui rappelle X", "», l'a-t-il étrillé", "», s'agace-t-elle": a pronoun before the verb.
    let clitic = is_object_clitic(doc.folded(k));
    if (clitic || REFLEXIVE.contains(&doc.folded(k))) && inverted(doc.folded(k + 1)).is_some()
        || clitic && verb_group_at(doc, k + 1).is_some()
    {
        k += 1;
    }
    // "», ont-ils déclaré", "», disent-elles": said by several, none named.
    if inverted_nobody(doc, k) || PLURAL.contains(&doc.folded(k)) && verb_group_at(doc, k + 1).is_some() {
        return on_at_institution(doc, k, entities).or(Some(Speaker::Unknown));
    }
    // "», ajoute-t-il" / "», a-t-elle déclaré" / "," he said" / "," she told reporters". Right
    // after a quote and its comma, a verb with its subject pronoun behind it is always the
    // incise that says who spoke, whatever the verb ("», lâche-t-il", "», avait-il cru bon de
    // balayer").
    if let Some((verb, gender)) = inverted(doc.folded(k))
        && (attached == Attached::Yes
            || GAZ.is_speech_verb(verb)
            || AUX.contains(&verb) && GAZ.is_speech_verb(doc.folded(participle_after(doc, k + 1))))
    {
        return Some(Speaker::Pronoun(gender));
    }
    // "», veut-on croire": the same incise, said by nobody named.
    if attached == Attached::Yes
        && doc.folded(k).rsplit_once('-').is_some_and(|(_, p)| matches!(p, "ils" | "elles" | "on"))
    {
        return Some(Speaker::Unknown);
    }
    if attached == Attached::VerbOnly {
        return verb_group_at(doc, k).and_then(|_| named_speaker_after(doc, k, entities));
    }
    if PERSONAL.contains(&doc.folded(k)) {
        let v = if AUX.contains(&doc.folded(k + 1)) { participle_after(doc, k + 2) } else { k + 1 };
        return GAZ
            .is_speech_verb(doc.folded(v))
            .then_some(Speaker::Pronoun(coref::word_gender(doc.folded(k))));
    }
    incise_only_verb(doc, k, entities).or_else(|| named_speaker_after(doc, k, entities))
}

/// French: one to four lowercase words from `k` on, then a comma: where the comma stands.
/// They start as the end of a noun phrase does ("d'hiver", "et des banques") or as the object
/// of the quoted sentence ("l'organisation de cette manifestation").
fn words_before_incise(doc: &Doc, k: usize) -> Option<usize> {
    let tail_opener = matches!(
        doc.folded(k),
        "de" | "d'"
            | "du"
            | "des"
            | "et"
            | "ou"
            | "a"
            | "au"
            | "aux"
            | "en"
            | "le"
            | "la"
            | "l'"
            | "les"
            | "un"
            | "une"
    );
    if doc.lang != Lang::Fr || !tail_opener {
        return None;
    }
    let last =
        (k..k + 4).take_while(|&j| doc.is_word(j) && !doc.cap(j) || doc.elision(j).is_some()).last()?;
    (doc.tok(last + 1) == ",").then_some(last + 1)
}

/// French: "», ne décolère pas X.", "», rebondit X,": right after a quote and its comma, a verb
/// the lexicon does not hold with a person named right behind it, closing the clause, is still
/// the incise: the subject comes after its verb only there.
fn any_verb_incise(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<Speaker> {
    if doc.lang != Lang::Fr {
        return None;
    }
    let negated = matches!(doc.folded(k), "ne" | "n'" | "n’");
    let mut v = k + usize::from(negated);
    if REFLEXIVE.contains(&doc.folded(v)) {
        v += 1;
    }
    let f = doc.folded(v);
    // Not a participle ("signé X", "jugé") nor a preposition the stop list lacks.
    let verb = doc.is_word(v)
        && !doc.cap(v)
        && f.chars().count() > 3
        && !GAZ.is_stop(f)
        && !f.ends_with("ant")
        && !ends_like_participle(doc.tok(v))
        && !matches!(f, "derriere" | "hormis" | "envers" | "excepte" | "devant" | "aupres");
    if !verb {
        return None;
    }
    let mut np = v + 1;
    if negated {
        if !matches!(doc.folded(np), "pas" | "plus" | "guere" | "jamais") {
            return None;
        }
        np += 1;
    }
    if label_at(doc, np, entities) != Some(Label::Per) {
        return None;
    }
    let (name, end) = entity_at(doc, np, entities)?;
    (end >= doc.len() || matches!(doc.tok(end), "," | "." | ";" | "!" | "?")).then_some(Speaker::Named(name))
}

/// Verbs of saying that are nouns, adjectives or other verbs elsewhere ("une liste complète",
/// "un ami intime", "la charge", "a salué la mémoire de"), so not in the lexicon: right after a
/// quote, before their subject, they are the incise ("», complète X", "», intime X au
/// député", "», a salué X", "», a continué X").
const INCISE_ONLY: [&str; 12] = [
    "complete",
    "completait",
    "continue",
    "continuait",
    "intime",
    "intimait",
    "commence",
    "commencait",
    "charge",
    "chargeait",
    "salue",
    "saluait",
];

/// The one who speaks in an incise opened by one of the `INCISE_ONLY` verbs at `v`, after
/// its auxiliary ("», a salué X").
fn incise_only_verb(doc: &Doc, v: usize, entities: &EntityIndex) -> Option<Speaker> {
    let v = if AUX.contains(&doc.folded(v)) { participle_after(doc, v + 1) } else { v };
    if doc.lang != Lang::Fr || doc.cap(v) || !INCISE_ONLY.contains(&doc.folded(v)) {
        return None;
    }
    let np = skip_adverbials(doc, v + 1, entities);
    phrase_speaker(doc, np, entities).or_else(|| capitalised_name(doc, np))
}

/// Object pronouns that may stand between a quote and the verb of its incise ("», lui
/// suggère le juge", "», l'a-t-il rassuré").
fn is_object_clitic(folded: &str) -> bool {
    matches!(folded, "lui" | "leur" | "l'" | "l’" | "nous" | "vous" | "me" | "m'" | "te" | "t'")
}

/// A name nobody tagged, right after a speech verb and closing the clause ("», a déclaré
/// Minci Autoroutes.") or followed by a complement of the verb ("», intime Doc Gynéco au
/// député", "», commence D1ST1 dans sa vidéo"): the capitalised words.
fn capitalised_name(doc: &Doc, k: usize) -> Option<Speaker> {
    let mut e = k;
    while doc.cap(e) && doc.is_word(e) && !doc.is_determiner(e) && e < k + 4 {
        e += 1;
    }
    let clause_ends =
        matches!(doc.tok(e), "." | "," | ";") || !doc.cap(e) && VERB_COMPLEMENT.contains(&doc.folded(e));
    (e > k && clause_ends && !doc.info.get(k).is_some_and(|i| i.initial))
        .then(|| Speaker::Named(doc.span_text(k, e).to_string()))
}

/// Prepositions that open a complement of a verb of saying after its subject ("», lance X au
/// public", "», écrit X sur son blog").
const VERB_COMPLEMENT: [&str; 10] =
    ["a", "au", "aux", "dans", "sur", "devant", "lors", "aupres", "en", "pendant"];

/// Adverbs of manner between a speech verb and its subject ("conclut tout simplement X").
const MANNER: [&str; 17] = [
    "simplement",
    "seulement",
    "clairement",
    "finalement",
    "directement",
    "franchement",
    "fermement",
    "vivement",
    "fortement",
    "longuement",
    "brievement",
    "ouvertement",
    "prudemment",
    "volontiers",
    "calmement",
    "amerement",
    "ironiquement",
];

/// Time words that may stand between a speech verb and its subject ("a déclaré dimanche soir
/// X", "confiait ce samedi X").
fn is_time_word(f: &str) -> bool {
    AFTER_VERB.contains(&f)
        || MANNER.contains(&f)
        || GAZ.days.contains_key(f)
        || matches!(
            f,
            "soir"
                | "matin"
                | "midi"
                | "apres-midi"
                | "aujourd'hui"
                | "dernier"
                | "derniere"
                | "prochain"
                | "prochaine"
                | "notamment"
                | "pourtant"
                | "cependant"
                | "toutefois"
                | "ainsi"
                | "meme"
                | "plus"
                | "tard"
                | "tot"
                | "recemment"
                | "deja"
                | "ensuite"
                | "semaine"
                | "week-end"
                | "nuit"
                | "jour"
                | "veille"
                | "lendemain"
                | "publiquement"
                | "sobrement"
                | "simplement"
                | "immediatement"
                | "aussitot"
                | "again"
                | "later"
                | "earlier"
                | "today"
                | "yesterday"
                | "tonight"
                | "on"
                | "last"
                | "this"
                | "week"
        )
}

/// Prepositions opening an adverbial between a speech verb and its subject ("a déclaré à l'AFP
/// X", "a écrit sur Twitter X", "a dit au Parisien l'académicien", "dans un tweet").
fn adverbial_preposition(doc: &Doc, j: usize) -> bool {
    matches!(
        doc.tok(j),
        "à" | "au" | "aux" | "sur" | "dans" | "devant" | "auprès" | "lors" | "via" | "en" | "pendant" | "dès"
    )
}

/// The first token after the time words and adverbials that follow a speech verb at `v - 1`
/// ("», a déclaré dimanche soir à l'AFP le ministre" → "le").
/// After a quotation, a complement saying what it was about and then, behind a comma, an
/// inverted speech verb: "», sur la taxe carbone, a-t-il martelé", "», à propos du budget,
/// ajoute-t-elle". Returns where the verb starts.
fn topic_then_incise(doc: &Doc, k: usize) -> Option<usize> {
    let about = match doc.folded(k) {
        "sur" | "concernant" => true,
        "a" => doc.folded(k + 1) == "propos",
        "au" => doc.folded(k + 1) == "sujet",
        "quant" => doc.folded(k + 1) == "a",
        _ => false,
    };
    if !about || doc.lang != Lang::Fr {
        return None;
    }
    let comma = (k + 2..(k + 10).min(doc.len())).find(|&j| !doc.is_word(j) && doc.elision(j).is_none())?;
    let v = comma + 1;
    let speech = |(verb, _): (&str, Gender)| {
        GAZ.is_speech_verb(verb)
            || AUX.contains(&verb) && GAZ.is_speech_verb(doc.folded(participle_after(doc, v + 1)))
    };
    (doc.tok(comma) == "," && inverted(doc.folded(v)).is_some_and(speech)).then_some(v)
}

fn skip_adverbials(doc: &Doc, v: usize, entities: &EntityIndex) -> usize {
    let mut j = v;
    for _ in 0..4 {
        let start = j;
        // "ajoute de son côté X", "estime pour sa part X".
        let aside = matches!(doc.folded(j), "de" | "pour")
            && matches!(doc.folded(j + 1), "son" | "sa" | "leur")
            && matches!(doc.folded(j + 2), "cote" | "part");
        if aside {
            j += 3;
        }
        while is_time_word(doc.folded(j))
            || matches!(doc.folded(j), "ce" | "cette" | "cet") && is_time_word(doc.folded(j + 1))
            || doc.folded(j) == "tout" && MANNER.contains(&doc.folded(j + 1))
        {
            j += 1;
        }
        if adverbial_preposition(doc, j) {
            j += 1;
            // "auprès de l'AFP"
            if matches!(doc.folded(j), "de" | "du" | "des" | "d'") {
                j += 1;
            }
            if doc.is_determiner(j) || matches!(doc.folded(j), "l'" | "d'") {
                j += 1;
            }
            // The adverbial's noun phrase: a name, or words, with its "de X" complements.
            for _ in 0..3 {
                if let Some(t) = doc.tokens.get(j)
                    && let Some((_, end)) = entities.starting_at(t.start)
                {
                    j = (j..doc.len())
                        .find(|&x| doc.tokens.get(x).is_some_and(|t| t.start >= end))
                        .unwrap_or(j + 1);
                } else if doc.cap(j) {
                    while doc.cap(j) && doc.is_word(j) {
                        j += 1;
                    }
                } else {
                    let mut w = 0;
                    while w < 4
                        && doc.is_word(j)
                        && !doc.cap(j)
                        && !doc.is_determiner(j)
                        && !is_time_word(doc.folded(j))
                        && !adverbial_preposition(doc, j)
                    {
                        j += 1;
                        w += 1;
                    }
                    // "a répondu à la ministre Marie Durand le député X": the name after the
                    // title is the one spoken to, inside the adverbial.
                    if w > 0
                        && GAZ.titles.contains(doc.folded(j - 1))
                        && let Some(t) = doc.tokens.get(j)
                        && let Some((_, end)) = entities.starting_at(t.start)
                    {
                        j = (j..doc.len())
                            .find(|&x| doc.tokens.get(x).is_some_and(|t| t.start >= end))
                            .unwrap_or(j + 1);
                    }
                }
                if matches!(doc.folded(j), "de" | "du" | "des" | "d'") {
                    j += 1;
                    if matches!(doc.folded(j), "la" | "l'" | "les") {
                        j += 1;
                    }
                } else {
                    break;
                }
            }
        }
        // "a assuré mercredi, sur CNews, la présidente": commas around an adverbial.
        if j > start && doc.tok(j) == "," {
            j += 1;
        }
        if j == start {
            break;
        }
    }
    j
}

/// Whether token `j` is a speech verb written in lower case ("Affirme" opening a sentence is
/// more likely a name).
fn is_speech(doc: &Doc, j: usize) -> bool {
    let f = doc.folded(j);
    !doc.cap(j)
        && (GAZ.is_speech_verb(f)
            || matches!(f, "valoir" | "savoir" | "remarquer" | "observer")
                && j > 0
                && is_faire(doc.folded(j - 1))
            || speech_phrase_at(doc, j)
            || quote_object_verb(doc, j))
}

/// Verbs the lexicon leaves out because their forms are nouns or say other things too ("le
/// juge", "a salué la mémoire de", "lance un appel"), which say the words when a quotation is
/// their object: "a salué « un jour historique »", "juge « inacceptable » la décision",
/// "constate une « dégradation »" (folded).
const QUOTE_OBJECT_VERBS: [&str; 21] = [
    "parle",
    "parlait",
    "parlent",
    "parlaient",
    "parlera",
    "salue",
    "saluait",
    "saluent",
    "saluaient",
    "juge",
    "jugeait",
    "constate",
    "constatait",
    "exige",
    "exigeait",
    "clame",
    "clamait",
    "plaide",
    "plaidait",
    "tonne",
    "tonnait",
];

/// Whether the token at `j` is one of `QUOTE_OBJECT_VERBS` (no noun after a determiner) with a
/// quotation as its object, right after it or after a determiner ("parler" after "de": "parlait
/// d'une « faute historique »").
fn quote_object_verb(doc: &Doc, j: usize) -> bool {
    // "parler de" takes its object after "de" ("du", "des" are "de" and a definite article).
    let of = doc.folded(j).starts_with("parl");
    let (object_from, definite) = match doc.folded(j + 1) {
        "de" | "d'" if of => (j + 2, false),
        "du" | "des" if of => (j + 2, true),
        _ => (j + 1, false),
    };
    // Words that qualify come bare or after an indefinite article ("salue « un jour
    // historique »", "parlait d'une « faute »"); after a definite one, or capitalised, the
    // quotation names a thing ("a parlé des « gilets jaunes »", "salue le « non »", "a salué
    // « Les Misérables »").
    let indefinite = matches!(doc.folded(object_from), "un" | "une" | "des");
    let object_at = if indefinite { object_from + 1 } else { object_from };
    doc.lang == Lang::Fr
        && (!of || object_from == j + 2)
        && !definite
        && QUOTE_OBJECT_VERBS.contains(&doc.folded(j))
        && !matches!(
            doc.folded(j.wrapping_sub(1)),
            "le" | "la" | "les" | "un" | "une" | "du" | "ce" | "son" | "sa"
        )
        && matches!(doc.tok(object_at), "«" | "“")
        && !doc.cap(object_at + 1)
}

/// "a fait part de son « indignation »", "fait état de", "met en garde contre", "a mis en
/// avant": a verb that says with the words after it.
fn speech_phrase_at(doc: &Doc, j: usize) -> bool {
    let f = doc.folded(j);
    let (next, then) = (doc.folded(j + 1), doc.folded(j + 2));
    let mettre =
        matches!(f, "met" | "mettent" | "mis" | "mise" | "mettait" | "mettaient" | "mettra" | "mettant");
    // ("veut faire part de": the infinitive after a modal.)
    let faire = is_faire(f) || f == "faisant" || f == "faire" && j > 0 && MODALS.contains(&doc.folded(j - 1));
    mettre && next == "en" && matches!(then, "garde" | "avant") || faire && matches!(next, "part" | "etat")
}

/// The person a sentence of tokens `start..end` quotes in full and credits in the incise that
/// ends it ("« … », explique Adel."), by name.
pub(crate) fn incise_person<'a>(
    doc: &Doc,
    start: usize,
    end: usize,
    entities: &EntityIndex<'a>,
) -> Option<&'a Entity> {
    if !is_quote_mark(doc.tok(start)) || end < start + 4 {
        return None;
    }
    // The closing mark of the last quotation, before the incise's comma.
    let close = (start + 1..end - 2).rev().find(|&j| is_quote_mark(doc.tok(j)) && doc.tok(j + 1) == ",")?;
    let v = verb_group_at(doc, close + 2)?;
    let (e, name_end) = doc.tokens.get(v + 1).and_then(|t| entities.starting_at(t.start))?;
    let after = doc.tokens.partition_point(|t| t.start < name_end);
    (e.label == Label::Per && (after >= end || matches!(doc.tok(after), "." | "!" | "?"))).then_some(e)
}

/// The speech verb at `k` or after a reflexive pronoun and auxiliary there ("s'est réjoui",
/// "a déclaré", "ont souligné"): the verb's index.
fn verb_group_at(doc: &Doc, k: usize) -> Option<usize> {
    let mut v = k;
    let reflexive = REFLEXIVE.contains(&doc.folded(v));
    if reflexive {
        v += 1;
    }
    if AUX.contains(&doc.folded(v)) || reflexive && BE.contains(&doc.folded(v)) {
        v = participle_after(doc, v + 1);
    }
    // "fait valoir X", "a fait savoir X"
    if is_faire(doc.folded(v)) && is_speech(doc, v + 1) {
        v += 1;
    }
    if let Some(inf) = speech_after_modal(doc, v) {
        return Some(inf);
    }
    // A present participle ("», évoquant des «") takes no subject after it.
    (is_speech(doc, v) && !doc.folded(v).ends_with("ant")).then_some(v)
}

/// Whether the incise after a quote, from token `k`, opens with "continue" or a modal before
/// a verb of saying ("», continue le chanteur", "», a voulu souligner le député").
fn going_on_incise(doc: &Doc, mut k: usize) -> bool {
    if doc.tok(k) == "," {
        k += 1;
    }
    let v = if AUX.contains(&doc.folded(k)) { participle_after(doc, k + 1) } else { k };
    !doc.cap(v)
        && (matches!(doc.folded(v), "continue" | "continuait") || speech_after_modal(doc, v).is_some())
}

/// Forms of "vouloir", "tenir à", "souhaiter" and "croire bon de" that put a verb of saying in
/// the infinitive after them ("», veut croire X", "», a voulu souligner X", "», tient à
/// préciser X", "», avait cru bon de rappeler X").
const MODALS: [&str; 13] = [
    "veut",
    "voulait",
    "voulu",
    "voudrait",
    "tient",
    "tenait",
    "tenu",
    "souhaite",
    "souhaitait",
    "souhaitera",
    "croit",
    "croyait",
    "cru",
];

/// The verb of saying in the infinitive after a modal at `v` ("veut croire", "tient à
/// signaler", "a cru bon de fustiger"), in French: its index.
fn speech_after_modal(doc: &Doc, v: usize) -> Option<usize> {
    let modal = doc.folded(v);
    if doc.lang != Lang::Fr || doc.cap(v) || !MODALS.contains(&modal) {
        return None;
    }
    let inf = match (doc.folded(v + 1), doc.folded(v + 2)) {
        // "croire bon de", not "croire à" ("il croit à la reprise").
        ("bon", "de" | "d'") if matches!(modal, "croit" | "croyait" | "cru") => v + 3,
        _ if matches!(modal, "croit" | "croyait" | "cru") => return None,
        (_, _) if doc.tok(v + 1) == "à" && matches!(modal, "tient" | "tenait" | "tenu") => v + 2,
        _ if matches!(modal, "tient" | "tenait" | "tenu") => return None,
        _ => v + 1,
    };
    (!doc.cap(inf) && infinitive_of_speech(doc.folded(inf))).then_some(inf)
}

/// The participle after an auxiliary, past up to two adverbs from `v` on ("a également
/// déclaré", "a-t-il ainsi expliqué"): its index.
fn participle_after(doc: &Doc, mut v: usize) -> usize {
    // "a de son côté rétorqué X", "a pour sa part estimé X".
    let aside = matches!(doc.folded(v), "de" | "pour")
        && matches!(doc.folded(v + 1), "son" | "sa" | "leur")
        && matches!(doc.folded(v + 2), "cote" | "part");
    if aside {
        v += 3;
    }
    for _ in 0..2 {
        if AFTER_VERB.contains(&doc.folded(v)) && !is_speech(doc, v) {
            v += 1;
        }
    }
    v
}

/// Forms of "faire" that make a speech verb of "valoir", "savoir", "remarquer", "observer".
fn is_faire(folded: &str) -> bool {
    matches!(folded, "fait" | "font" | "faisait" | "faisaient" | "fera" | "feront" | "ferait")
}

fn named_speaker_after(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<Speaker> {
    // "», ont souligné X" / "», précise X" / "», s'est réjoui le président X"
    if let Some(v) = verb_group_at(doc, k) {
        let mut np = v + 1;
        // An incise ("», martèle, dans une vidéo, X") or a time word ("a déclaré lundi X").
        if doc.tok(np) == ","
            && let Some(c) = (np + 1..np + 8).find(|&j| doc.tok(j) == ",")
        {
            np = c + 1;
        }
        let skipped = skip_adverbials(doc, np, entities);
        if indefinite_thing(doc, skipped) {
            return Some(Speaker::Object);
        }
        // ("», répond un manifestant à France Info": whom the words were told is no speaker.)
        let told = matches!(doc.folded(np), "a" | "au" | "aux" | "aupres" | "to");
        return phrase_speaker(doc, skipped, entities)
            .or_else(|| if skipped != np && !told { phrase_speaker(doc, np, entities) } else { None })
            .or_else(|| capitalised_name(doc, skipped))
            .or(Some(Speaker::Unknown));
    }
    // "," X said / X a déclaré / "," Mayor X said / "," housing spokesman X said
    let mut named = k;
    while named < k + 3
        && (GAZ.titles.contains(doc.folded(named)) || GAZ.honorifics.contains(doc.folded(named)))
    {
        named += 1;
    }
    if let Some(p) = english_title_run(doc, k, entities) {
        named = p;
    }
    if let Some((name, end)) = entity_at(doc, named, entities) {
        let mut w = end;
        if AUX.contains(&doc.folded(w)) {
            w += 1;
        }
        if GAZ.is_speech_verb(doc.folded(w)) {
            return Some(Speaker::Named(name));
        }
        // "," National Bureau of Statistics chief Li Deshui told: the person after the
        // organisation and its function, when a speech verb follows in the same clause.
        if let Some(Speaker::Named(person)) = english_function_after_name(doc, named, end, entities)
            && (end..end + 8)
                .take_while(|&j| doc.is_word(j))
                .any(|j| GAZ.speech_en.contains(doc.folded(j)) && !doc.cap(j))
        {
            return Some(Speaker::Named(person));
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
                    .filter(|s| !s.is_empty())
                    .map(Speaker::Named);
            }
            break;
        }
        if !doc.is_word(w) {
            break;
        }
    }
    None
}

/// English: where the person's name starts after a function of a few words from token `k` on
/// ("housing spokesman X", "retail analyst X", "RICS housing spokesman X", "Finance Minister
/// X"): modifiers (lower-case words, capitalised words that name no person) then a title right
/// before the name. None when `k` itself opens a person's name or no title ends the run.
/// English nouns of a tie between people who are no kin (folded): "said team-mate X".
const TIES_EN: [&str; 5] = ["team-mate", "teammate", "club-mate", "compatriot", "countryman"];

pub(super) fn english_title_run(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<usize> {
    if doc.lang != Lang::En {
        return None;
    }
    let person = |j: usize| {
        doc.tokens.get(j).and_then(|t| entities.starting_at(t.start)).filter(|(e, _)| e.label == Label::Per)
    };
    if person(k).is_some() {
        return None;
    }
    // A full name: a lone word after "General" is more often the recogniser's mistake
    // ("General Electric").
    let person_at = |j: usize| person(j).is_some_and(|(e, _)| e.name.contains(' '));
    // ("said team-mate X", "said his colleague X": a tie to the subject stands for a title.)
    let title = |j: usize| {
        let f = doc.folded(j);
        GAZ.titles.contains(f)
            || PERSON_NOUNS.contains(&f)
            || super::roles::is_kin_noun(f, Lang::En)
            || TIES_EN.contains(&f)
    };
    let mut j = k;
    while j < k + 5 {
        if person_at(j) {
            // ("Fellow Tory David X": one of the speaker's own party.)
            return (j > k && (title(j - 1) || doc.folded(k) == "fellow")).then_some(j);
        }
        let f = doc.folded(j);
        let modifier = doc.is_word(j) && !GAZ.is_stop(f) && !is_speech(doc, j) && !GAZ.honorifics.contains(f);
        if !modifier {
            return None;
        }
        j += 1;
    }
    None
}

/// Things that speak for someone unnamed after a verb ("a indiqué une source", "un message").
const SPEAKING_THINGS: [&str; 8] =
    ["source", "sources", "proche", "message", "texte", "document", "declaration", "tweet"];

/// Whether the words at `k` are an indefinite noun phrase naming no one who could speak ("une
/// annonce", "un appel"): the object of the verb before them, not its subject.
fn indefinite_thing(doc: &Doc, k: usize) -> bool {
    let head = doc.folded(k + 1);
    matches!(doc.folded(k), "un" | "une")
        && doc.is_word(k + 1)
        && !doc.cap(k + 1)
        && !is_person_head(doc, k + 1)
        && !ORG_NOUNS.contains(&head)
        && !WORK_NOUNS.contains(&head)
        && !SPEAKING_THINGS.contains(&head)
}

/// A person or organisation named at token `p` (not a place or a date): its name and the token
/// after it.
fn speaker_entity_at(doc: &Doc, p: usize, entities: &EntityIndex) -> Option<(String, usize)> {
    let start = doc.tokens.get(p)?.start;
    let (e, _) = entities.starting_at(start)?;
    if !matches!(e.label, Label::Per | Label::Org) {
        return None;
    }
    entity_at(doc, p, entities)
}

/// The speaker a noun phrase starting at `k` names, up to `limit` (exclusive): "le président
/// Obama" → Obama, "les analystes du groupe Crédit Mutuel CIC" → the group, "un jeune
/// manifestant, Abdel Nasser" → the man, "l'universitaire" → a description; a pronoun ("selon
/// lui") → the person named last. None when the words are not a noun phrase.
fn phrase_speaker_within(
    doc: &Doc,
    k: usize,
    limit: usize,
    subject: bool,
    entities: &EntityIndex,
) -> Option<Speaker> {
    let first = doc.folded(k);
    if PRONOUNS.contains(&first) {
        return (PERSONAL.contains(&first) || first == "lui")
            .then(|| Speaker::Pronoun(coref::word_gender(first)))
            .or_else(|| {
                matches!(first, "celui-ci" | "celle-ci").then(|| Speaker::Latest(coref::word_gender(first)))
            });
    }
    // "ce dernier", "cette dernière", "l'intéressé(e)": the person just named.
    match (first, doc.folded(k + 1)) {
        ("ce" | "cette", second @ ("dernier" | "derniere")) => {
            return Some(Speaker::Latest(coref::word_gender(second)));
        }
        ("l'", "interesse") => return Some(Speaker::Latest(Gender::Male)),
        ("l'", "interessee") => return Some(Speaker::Latest(Gender::Female)),
        // "selon lequel", "selon laquelle": the person named just before.
        ("lequel" | "laquelle", _) => return Some(Speaker::Latest(coref::word_gender(first))),
        ("lesquels" | "lesquelles" | "qui" | "quoi", _) => return None,
        _ => {}
    }
    // "said retail analyst X", "said Finance Minister X": the person after a function of a
    // few words.
    if let Some(p) = english_title_run(doc, k, entities)
        && let Some((name, end)) = entity_at(doc, p, entities)
    {
        return english_function_after_name(doc, p, end, entities).or(Some(Speaker::Named(name)));
    }
    // A name first: any kind but a date ("ajoute Hassan", a name the tagger took for a place).
    let first_entity = doc.tokens.get(k).and_then(|t| entities.starting_at(t.start));
    if first_entity.is_some_and(|(e, _)| e.label != Label::Date)
        && let Some((name, end)) = entity_at(doc, k, entities)
    {
        return english_function_after_name(doc, k, end, entities).or(Some(Speaker::Named(name)));
    }
    if let Some(name) = known_name_at(doc, k, entities) {
        return Some(Speaker::Named(name));
    }
    if let Some(speaker) = titled_person_at(doc, k, entities) {
        return Some(speaker);
    }
    if !doc.is_determiner(k) {
        return None;
    }
    // "indique un communiqué du ministère de l'Économie": a work speaks with its author's
    // words, a body written in lower case too.
    if WORK_NOUNS.contains(&doc.folded(k + 1))
        && let Some(author) = author_after(doc, k + 2, entities)
    {
        return Some(Speaker::Named(author));
    }
    // Determiner, lower-case words (titles, adjectives, "de"), then maybe a name.
    let mut j = k + 1;
    // "le porte-parole de l'organisation Y", "le député LFI": a person described by the
    // organisation they belong to, not the organisation.
    let person_head = is_person_head(doc, k + 1);
    // "le proche de X", "l'avocat de X": someone known by their tie to X.
    let relational = (k + 1..k + 3).any(|h| RELATIONAL.contains(&doc.folded(h)));
    while j < limit.min(k + 9) {
        if doc.cap(j) && !doc.is_determiner(j) {
            let at = doc.tokens.get(j).and_then(|t| entities.starting_at(t.start));
            // A name after "de" completes the noun: "le proche d'Emmanuel Macron", "l'avocat
            // de X" are someone else.
            let after_de = matches!(doc.folded(j - 1), "de" | "du" | "des" | "d'")
                || matches!(doc.folded(j - 1), "la" | "l'")
                    && matches!(doc.folded(j.saturating_sub(2)), "de");
            let per = at.is_some_and(|(e, _)| e.label == Label::Per);
            // "le représentant du comité Adama": in a person's description, a name after an
            // organisation's cue noun names the organisation, whatever the tagger made of it.
            let org_named = person_head && names_an_organisation(doc, j - 1);
            // "un cadre LFI", "des militants de Greenpeace": someone of the organisation, unnamed.
            if matches!(doc.folded(k), "un" | "une" | "des") && j > k + 1 && !doc.cap(k + 1) {
                return Some(Speaker::Unknown);
            }
            // "le documentaire d'Al Jazeera", "le rapport de l'INSEE": a work speaks with its
            // author's words.
            let authored = after_de && j == k + 3 && WORK_NOUNS.contains(&doc.folded(k + 1));
            // ("l'ancienne ministre de la Justice de François Hollande": the one she served.)
            let complement = after_de && (!per || relational || person_head) && !authored || org_named;
            if let Some((name, end)) =
                speaker_entity_at(doc, j, entities).filter(|_| !complement && (!person_head || per))
            {
                return english_function_after_name(doc, k, end, entities).or(Some(Speaker::Named(name)));
            }
            if at.is_some() {
                // A place or a demonym: "l'ambassadeur de France", "l'Américain Pete Selleck".
                let start = doc.tokens.get(j).map_or(0, |t| t.start);
                let end = entities.starting_at(start).map_or(0, |(_, e)| e);
                j = (j..limit).find(|&x| doc.tokens.get(x).is_some_and(|t| t.start >= end)).unwrap_or(limit);
                continue;
            }
            // A capitalised word after "de" belongs to the description ("le président de la
            // République"); right after the noun it names it ("le syndicat SUD"), unless the
            // noun is a person's ("le député UMP").
            if matches!(doc.folded(j - 1), "de" | "du" | "des" | "d'" | "la" | "l'" | "le" | "les")
                || person_head && doc.info.get(j).is_some_and(|i| i.upper)
            {
                j += 1;
                continue;
            }
            if matches!(doc.folded(k), "un" | "une" | "des" | "a" | "an") {
                // "un CRS", "une source au PS": nobody in particular.
                return Some(Speaker::Unknown);
            }
            let mut e = j;
            while e < limit && doc.cap(e) && doc.is_word(e) {
                e += 1;
            }
            // "le député Insoumis Alexis Corbière": a party's member noun before the person's
            // name, which the recogniser tagged.
            let per_at = |p: usize| {
                doc.tokens
                    .get(p)
                    .and_then(|t| entities.starting_at(t.start))
                    .is_some_and(|(found, _)| found.label == Label::Per)
            };
            if person_head
                && let Some(p) = (j + 1..e).find(|&p| per_at(p))
                && let Some((name, _)) = speaker_entity_at(doc, p, entities)
            {
                return Some(Speaker::Named(name));
            }
            // "la sénatrice Fabienne Keller": a given name starts the name itself.
            if e > j + 1 && coref::given_name_gender(doc.tok(j)) != Gender::Unknown {
                return Some(Speaker::Named(doc.span_text(j, e).to_string()));
            }
            return Some(Speaker::Named(doc.span_text(k, e).to_string()));
        }
        // "le député Les Républicains (LR) Éric Ciotti": an acronym glossing the party's name.
        if super::roles::bracketed_acronym(doc, j) {
            j += 3;
            continue;
        }
        let f = doc.folded(j);
        // "écrit le journal ce mardi": the time words are no part of the speaker.
        let time = GAZ.days.contains_key(f) || matches!(f, "ce" | "cette") && is_time_word(doc.folded(j + 1));
        if !doc.is_word(j) && doc.elision(j).is_none()
            || NP_STOP.contains(&f)
            || PHRASE_STOP.contains(&f)
            || time
        {
            break;
        }
        j += 1;
    }
    // Apposition: "un jeune manifestant, Abdel Nasser", also after a complement the phrase
    // stopped at ("le secrétaire d'État à l'Intérieur, Laurent Nuñez").
    if let Some(name) = apposed_name(doc, j, limit, person_head, entities) {
        return Some(Speaker::Named(name));
    }
    // A subject phrase must reach its verb (or an incise before it): "Cette nouvelle baisse
    // n'a pas été appréciée par …, qui regrette" is no speaker, and no speaker ends in an
    // elided word.
    if subject && j < limit && doc.tok(j) != "," || doc.elision(j.saturating_sub(1)).is_some() && j < limit {
        return None;
    }
    while j > k + 1 && matches!(doc.folded(j - 1), "de" | "du" | "des" | "d'" | "la" | "le" | "les" | "l'") {
        j -= 1;
    }
    if j <= k + 1 {
        return None;
    }
    let head = doc.folded(k + 1);
    let head = head.strip_suffix('s').filter(|_| !PERSON_NOUNS.contains(&head)).unwrap_or(head);
    if matches!(doc.folded(k), "un" | "une" | "des" | "du" | "a" | "an") {
        // "un rapport établi par …": nobody in particular; "Du concret, c'est …" no one.
        return Some(Speaker::Unknown);
    }
    let kind = match doc.folded(k) {
        "le" | "la" | "l'" | "les" | "the" | "ce" | "cette"
            if person_head || PERSON_NOUNS.contains(&head) =>
        {
            Kind::Person
        }
        "le" | "la" | "l'" | "the" if ORG_NOUNS.contains(&head) => Kind::Org,
        _ => Kind::Other,
    };
    Some(Speaker::Description(kind, doc.span_text(k, j).to_string()))
}

/// "said Professor Anna Kowalski of …": a person's name behind a capitalised title or
/// honorific the tagger left out of it.
fn titled_person_at(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<Speaker> {
    let first = doc.folded(k);
    if !doc.cap(k) || !(GAZ.titles.contains(first) || GAZ.honorifics.contains(first)) {
        return None;
    }
    let (e, _) = entities.starting_at(doc.tokens.get(k + 1)?.start)?;
    if e.label != Label::Per {
        return None;
    }
    let (name, end) = entity_at(doc, k + 1, entities)?;
    // "said Mr Smith's lawyer": someone of his, not him; "Mr Crosby's statement said" is his.
    if matches!(doc.tok(end), "'s" | "’s")
        && doc.is_word(end + 1)
        && !doc.cap(end + 1)
        && !OWN_WORDS.contains(&doc.folded(end + 1))
    {
        return Some(Speaker::Unknown);
    }
    english_function_after_name(doc, k + 1, end, entities).or(Some(Speaker::Named(name)))
}

/// What carries a person's own words after a possessive ("Mr Crosby's statement said").
const OWN_WORDS: [&str; 10] =
    ["statement", "letter", "speech", "website", "blog", "book", "message", "words", "comments", "remarks"];

/// Whether token `c` is an organisation's cue noun after an article ("du comité", "de la
/// fédération"): the capitalised word after it is that organisation's name. Without the article
/// the noun is generic ("chef d'entreprise").
fn names_an_organisation(doc: &Doc, c: usize) -> bool {
    let cue = doc.folded(c);
    let article =
        c > 0 && matches!(doc.folded(c - 1), "du" | "des" | "au" | "aux" | "le" | "la" | "les" | "l'");
    article
        && (GAZ.org_before.contains(cue) || ORG_NOUNS.contains(&cue) || matches!(cue, "comite" | "collectif"))
}

/// The person or organisation named in apposition after a description ending at token `j`:
/// right after its comma, or, for a person's function, the person named after a short
/// complement and a comma ("le secrétaire d'État à l'Intérieur, Laurent Nuñez").
fn apposed_name(
    doc: &Doc,
    j: usize,
    limit: usize,
    person_head: bool,
    entities: &EntityIndex,
) -> Option<String> {
    let (comma, only_person) = if doc.tok(j) == "," {
        (j, false)
    } else if person_head && matches!(doc.folded(j), "a" | "au" | "aux" | "pour" | "en") {
        // Words of the complement only: no verb, no other punctuation before the comma.
        let c = (j + 1..limit.min(j + 7))
            .take_while(|&c| doc.tok(c) == "," || doc.is_word(c) || doc.elision(c).is_some())
            .find(|&c| doc.tok(c) == ",")
            .filter(|&c| !(j + 1..c).any(|w| is_speech(doc, w) || AUX.contains(&doc.tok(w))))?;
        (c, true)
    } else {
        return None;
    };
    let person = |p: usize| label_at(doc, p, entities) == Some(Label::Per);
    let at = |p: usize| speaker_entity_at(doc, p, entities).filter(|_| !only_person || person(p));
    let (name, _) = at(comma + 1).or_else(|| at(comma + 2))?;
    (doc.tok(comma + 1) != doc.tok(comma + 1).to_lowercase() || doc.is_determiner(comma + 1)).then_some(name)
}

/// A person or organisation named elsewhere in the text whose name is written at token `k`
/// though the recognizers missed it there ("SUD-PTT a relevé" opening a sentence).
fn known_name_at(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<String> {
    if !doc.cap(k) {
        return None;
    }
    let start = doc.tokens.get(k)?.start;
    let rest = doc.text.get(start..)?;
    entities.entities.iter().filter(|e| matches!(e.label, Label::Per | Label::Org)).find_map(|e| {
        e.mentions.iter().find_map(|m| {
            let after = rest.strip_prefix(m.text.as_str())?;
            let boundary = after.chars().next().is_none_or(|c| !c.is_alphanumeric() && c != '-');
            boundary.then(|| e.name.clone())
        })
    })
}

/// The name a noun phrase starting at `k` gives: "le ministre du budget, Jérôme Cahuzac" → the
/// minister's name, "l'INSEE" → "INSEE"; None for a description or a pronoun.
pub fn phrase_name(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<String> {
    match phrase_speaker(doc, k, entities)? {
        Speaker::Named(name) => Some(name),
        _ => None,
    }
}

/// Whether token `j` is a speech verb written in lower case.
pub fn speech_verb_at(doc: &Doc, j: usize) -> bool {
    is_speech(doc, j)
}

fn phrase_speaker(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<Speaker> {
    phrase_speaker_within(doc, k, doc.len(), false, entities)
}

/// The distinct people (or organisations) named in the `reach` sentences before token `open`.
fn named_before<'a>(
    doc: &Doc,
    open: usize,
    reach: usize,
    label: Label,
    entities: &EntityIndex<'a>,
) -> Vec<&'a str> {
    let from = coref::sentences_back(doc, open, reach);
    let before = doc.tokens.get(open).map_or(0, |t| t.start);
    let mut out: Vec<(&str, Option<String>)> = Vec::new();
    for e in entities.entities.iter().filter(|e| e.label == label) {
        // "Valentine Sapounov" and "V. Sapounov" are one person.
        if e.mentions.iter().any(|m| m.start >= from && m.end <= before) {
            let surname = super::names::surname(&e.name);
            if !out.iter().any(|(_, s)| *s == surname) {
                out.push((&e.name, surname));
            }
        }
    }
    out.into_iter().map(|(name, _)| name).collect()
}

/// Whether token `j` is a lower-case word naming a person's function ("porte-parole",
/// "spokesman", "ministre").
fn function_word(doc: &Doc, j: usize) -> bool {
    let f = doc.folded(j);
    // A member's letters are a function written in capitals ("the most recent female MP").
    let member = super::roles::is_post_nominal(doc.tok(j));
    (!doc.cap(j) || member) && (PERSON_NOUNS.contains(&f) || GAZ.titles.contains(f))
}

/// Whether the noun phrase whose first word after the determiner is at `h` names a person by
/// their function ("porte-parole", "premier ministre", "ancien député").
pub(super) fn is_person_head(doc: &Doc, h: usize) -> bool {
    let person = |j: usize| function_word(doc, j);
    // "la tête de liste Debout la France": who leads a party's list.
    let list_leader = doc.folded(h) == "tete" && doc.folded(h + 1) == "de" && doc.folded(h + 2) == "liste";
    // "the prime minister", "the home secretary": an English title of several words.
    let english_title = doc.lang == Lang::En && !doc.cap(h) && super::roles::title_at(doc, h).is_some();
    person(h)
        || list_leader
        || english_title
        || matches!(
            doc.folded(h),
            "premier"
                | "premiere"
                | "ancien"
                | "ancienne"
                | "nouveau"
                | "nouvelle"
                | "jeune"
                | "haut"
                | "haute"
                | "hauts"
                | "grand"
                | "grande"
                | "autre"
                | "ex"
                | "futur"
                | "future"
                | "actuel"
                | "actuelle"
                | "vice"
                | "simple"
                | "celebre"
        ) && person(h + 1)
}

/// Whether a subject can start at `k`: a name, or a determiner and a lower-case noun that is
/// not part of an adverbial ("De son côté", "Dans un communiqué").
fn is_noun_phrase_start(doc: &Doc, k: usize, entities: &EntityIndex) -> bool {
    let named = |j: usize| doc.tokens.get(j).is_some_and(|t| entities.starting_at(t.start).is_some());
    named(k)
        || doc.is_determiner(k)
            && !matches!(doc.folded(k), "d'" | "du" | "des" | "au" | "aux")
            && (named(k + 1)
                || PERSON_NOUNS.contains(&doc.folded(k + 1))
                || ORG_NOUNS.contains(&doc.folded(k + 1)))
}

/// How many sentences back a description looks for the one it stands for.
const DESCRIPTION_REACH: usize = 8;

/// A description of a person whom the text does not let us name: several people could be
/// them, or the one named before is shown to be someone else.
struct Unresolved;

/// A description's name: the one person (organisation) of its kind named shortly before; the
/// words as written when it is of no such kind or nobody of its kind is named; none when
/// several are (a wrong speaker is worse than none), `Unresolved` for a person so described.
fn resolve_description(
    doc: &Doc,
    open: usize,
    kind: Kind,
    words: String,
    entities: &EntityIndex,
    roles: &[RoleMatch],
    after_unnamed: bool,
) -> Result<Option<String>, Unresolved> {
    let label = match kind {
        Kind::Person => Label::Per,
        Kind::Org => Label::Org,
        Kind::Other => return Ok(Some(words)),
    };
    // "un porte-parole de la police … a ajouté le porte-parole": someone never named; "a
    // Treasury spokesperson", "une source proche du dossier": someone the text does not name.
    let indefinite = words
        .split(' ')
        .next()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "a" | "an" | "un" | "une"));
    if indefinite {
        // Written at a sentence's head, "A Treasury spokesperson" is no name: shown in lower case.
        return Ok(Some(lower_first(&words)));
    }
    // "la responsable d'une boutique d'optique", "the head of a charity": someone of a body the
    // text does not name, so no one it names.
    if introduced_unnamed(doc, open, &words) || of_something_unnamed(&words, doc.lang) {
        return Ok(Some(words));
    }
    if kind == Kind::Person {
        // "la présidente du parti" is a woman named before; "l'universitaire" anyone.
        let folded = crate::text::fold::fold_str(&words);
        let mut parts = folded.split([' ', '\'', '’']).filter(|w| !w.is_empty());
        let first = parts.next().unwrap_or("");
        let gender = match coref::word_gender(first) {
            // "l'ancienne ministre", "l'universitaire": the noun's ending tells, when it does;
            // "the spokeswoman" her English noun.
            Gender::Unknown if doc.lang == Lang::En => {
                title_word(&folded).map_or(Gender::Unknown, coref::english_noun_gender)
            }
            Gender::Unknown => coref::noun_gender(parts.next().unwrap_or("")),
            g => g,
        };
        // "le premier ministre" when the text gives that role, in those words, to one person.
        // "le maire de Bordeaux" is no woman the text calls "la maire".
        let fits = |names: Vec<String>| -> Vec<String> {
            names.into_iter().filter(|n| coref::name_fits(doc, n, gender, entities)).collect()
        };
        match fits(holders_of_role(doc, &folded, roles, entities)).as_slice() {
            [] => {}
            [one] => return Ok(Some(one.clone())),
            _ => return Err(Unresolved),
        }
        // "Bernard Marchal, procureur …" then "le procureur": the one person the text gave that
        // title, wherever; another person named since is not them.
        // In English only a bare title ("the spokesman"): "the top seed" is not the "seventh
        // seed" named before.
        // ("the former spokesman", "the new manager" are bare: their words say when, not which.)
        let bare_or_french = doc.lang != Lang::En || {
            let title = title_word(&folded);
            folded
                .split(' ')
                .skip(1)
                .take_while(|w| Some(*w) != title)
                .all(|w| super::roles::MODIFIERS.contains(&w) || super::roles::PRE_MODIFIERS.contains(&w))
        };
        // "le parlementaire", "l'élu": the one person named before whom the roles give an
        // office the noun covers ("député de Seine-Saint-Denis", "maire de Belflou").
        // (Another person who fits, named since, may be the one: "…, avait indiqué X, députée
        // LREM. « … », soulignait Y, également députée. « … », assurait l'élue de Paris.")
        if let [one] = fits(covered_holders(doc, open, &folded, roles, entities)).as_slice()
            && !rival_since(doc, open, one, gender, entities)
        {
            return Ok(Some(one.clone()));
        }
        // The titles next to names, then with them the holders the roles give (read once).
        let (next_to, any_role) = if bare_or_french {
            let next_to = role_holders(doc, open, &folded, &[], entities);
            let mut any_role = next_to.clone();
            if let Some(title) = title_word(&folded) {
                add_holders(doc, roles, entities, 0..open, |t| t == Some(title), &mut any_role);
            }
            (fits(next_to), fits(any_role))
        } else {
            (Vec::new(), Vec::new())
        };
        // "Le porte-parole du gouvernement X" read as a role, and "X, l'un des porte-parole du
        // mouvement", before "a poursuivi le porte-parole": with other holders the roles give,
        // the one no other person who fits has been named since ("assène le policier" right
        // after another man's quote is not the policeman named paragraphs before).
        let holders = if any_role.len() > next_to.len() {
            let fresh: Vec<String> = any_role
                .iter()
                .filter(|h| {
                    fresh_holder(doc, open, h, gender, entities)
                        && !other_complement(doc, &folded, h, roles, entities)
                })
                .cloned()
                .collect();
            if fresh.is_empty() { next_to } else { fresh }
        } else {
            next_to
        };
        match holders.as_slice() {
            [] => {}
            // "Aurélie X, responsable presse du domaine" is not "la responsable presse du Centre
            // des monuments nationaux": the same title with another complement.
            [one] if other_complement(doc, &folded, one, roles, entities) => return Err(Unresolved),
            [one] => return Ok(Some(one.clone())),
            _ => return Err(Unresolved),
        }
        if after_unnamed {
            return Ok(Some(words));
        }
        let from = coref::sentences_back(doc, open, DESCRIPTION_REACH);
        let Some(before) = doc.tokens.get(open).map(|t| t.start) else { return Ok(None) };
        // "le proche de X" is not X; "le président Zmirou" is not "le procureur".
        let not_described = |e: &Entity| {
            title_word(&folded).is_some_and(|t| holds_other_office(doc, e, before, t))
                || e.mentions.iter().any(|m| words.contains(m.text.as_str()))
                || named_beside_description(doc, &folded, e, before)
        };
        // Never someone the roles give another title ("Laurent Wauquiez, président des
        // Républicains, a affirmé … Le premier secrétaire du Parti socialiste a déclaré"): read
        // for the subject guessed, not for the one person named in reach, whom French copy
        // describes in many words ("Chantal Jouanno, présidente de la CNDP … l'ancienne ministre").
        let other_title = |e: &Entity| {
            let wanted = title_word(&folded);
            let mut theirs = roles
                .iter()
                .filter(|r| r.holder(doc, entities).is_some_and(|h| h.name == e.name))
                .map(|r| crate::text::fold::fold_str(&r.role))
                .peekable();
            theirs.peek().is_some()
                && theirs
                    .all(|r| title_word(&r) != wanted && !wanted.is_some_and(|w| covers(w, title_word(&r))))
        };
        // "Le procureur de la République a prévenu", with no one the text gave that office: an
        // office of justice with its complement names its holder, never the one man in reach
        // (the suspect); it is shown as written.
        let justice =
            title_word(&folded).is_some_and(officer_of_justice) && role_complement(&folded).is_some();
        if justice {
            return Ok(Some(lower_first(&words)));
        }
        if let Some(e) = coref::resolve_person(doc, from..before, gender, entities) {
            // Named in reach only as a complement ("avec son ami X"), X is less likely the one
            // described than someone the text does not name.
            if !not_only_complement(doc, e, from..before) {
                return Ok(None);
            }
            // A lone given name is someone the press met, never the official described.
            // ("cette fonctionnaire" points back to her; "le préfet" is another.)
            let demonstrative = matches!(first, "ce" | "cet" | "cette");
            // ("le fleuriste" is someone else than "le maire Paul Morel".)
            let trade =
                title_word(&folded).is_some_and(|t| trade_of_officeholder(doc, e, before, &folded, t));
            if coref::lone_name(e) && !demonstrative || trade {
                return Ok(Some(words));
            }
            return if not_described(e) { Err(Unresolved) } else { Ok(Some(e.name.clone())) };
        }
        let named = named_before(doc, open, DESCRIPTION_REACH, label, entities);
        if named.is_empty() {
            return Ok(Some(words));
        }
        // "X a indiqué qu'Emmanuel Macron ne lui était « … ». « … », a suggéré le député des
        // Bouches-du-Rhône": among several people, the subject the sentences before are about.
        // "… the Lib Dem chief executive said it was "…" that Mr Kennedy missed the vote": one
        // the sentence goes on to name is someone else.
        let sentence_end = doc
            .sent_of
            .get(open)
            .and_then(|&i| doc.sentences.get(i))
            .and_then(|r| doc.tokens.get(r.end.saturating_sub(1)))
            .map_or(before, |t| t.end);
        let named_after = |e: &Entity| e.mentions.iter().any(|m| m.start > before && m.end <= sentence_end);
        if let Some(Some(e)) = coref::subject_person(doc, open, gender, entities, roles)
            && !other_title(e)
            && !named_after(e)
            && !not_described(e)
        {
            return Ok(Some(e.name.clone()));
        }
        return Err(Unresolved);
    }
    Ok(match named_before(doc, open, DESCRIPTION_REACH, label, entities).as_slice() {
        [] => Some(words),
        [one] => Some((*one).to_string()),
        // "la CGT a publié un communiqué … « … », écrit le syndicat contestataire": among
        // several bodies, the one the sentence before shows making something known.
        several => reporting_body_before(doc, open, entities)
            .filter(|b| several.contains(&b.as_str()))
            .or_else(|| subject_body_of_paragraph(doc, open, &words, several, entities)),
    })
}

/// Nouns for a public body (folded): "le ministère" is no union, "le syndicat" no ministry.
const PUBLIC_BODY_NOUNS: [&str; 18] = [
    "ministere",
    "gouvernement",
    "parquet",
    "prefecture",
    "mairie",
    "conseil",
    "tribunal",
    "cour",
    "assemblee",
    "senat",
    "elysee",
    "police",
    "gendarmerie",
    "commission",
    "region",
    "departement",
    "ville",
    "justice",
];

/// "L'Unsa-Police a enjoint les policiers … La troisième organisation de la police nationale
/// demande … « … », a souligné le syndicat": among several bodies named before, the one that is
/// the subject of a sentence of the quote's paragraph, when it is the only one, and the
/// description and its name agree on whether it is a public body.
fn subject_body_of_paragraph(
    doc: &Doc,
    open: usize,
    words: &str,
    several: &[&str],
    entities: &EntityIndex,
) -> Option<String> {
    if doc.lang != Lang::Fr {
        return None;
    }
    let public = |name: &str| {
        let folded = crate::text::fold::fold_str(name);
        folded
            .split([' ', '\'', '’'])
            .find(|w| !w.is_empty() && !matches!(*w, "le" | "la" | "l" | "les"))
            .is_some_and(|w| PUBLIC_BODY_NOUNS.contains(&w))
    };
    let described_public = public(words);
    // The paragraph's sentences up to the quote's, found by search, not by a scan per quote.
    let paragraph = open.checked_sub(1).and_then(|p| doc.line_first_token(p)).unwrap_or(0);
    let own = *doc.sent_of.get(open)?;
    let from = doc.sentences.partition_point(|s| s.start < paragraph);
    let mut subjects: Vec<&str> = Vec::new();
    for s in doc.sentences.get(from..=own).unwrap_or_default() {
        let at = if doc.is_determiner(s.start) { s.start + 1 } else { s.start };
        let Some(t) = doc.tokens.get(at) else { continue };
        if let Some((e, _)) = entities.starting_at(t.start)
            && several.contains(&e.name.as_str())
            && !subjects.contains(&e.name.as_str())
        {
            subjects.push(&e.name);
        }
    }
    // ("Renault a rejeté les demandes de la CGT. … a souligné le syndicat": a firm is no union.)
    let described_union = words.split([' ', '\'', '’']).any(|w| matches!(w, "syndicat" | "centrale"));
    match subjects.as_slice() {
        [one] if public(one) == described_public && union_like(one) == described_union => {
            Some((*one).to_string())
        }
        _ => None,
    }
}

/// Words (folded) of the names of trade unions, as French news writes them.
const UNION_WORDS: [&str; 24] = [
    "cgt",
    "fo",
    "cfdt",
    "cftc",
    "cfe-cgc",
    "cgc",
    "unsa",
    "sud",
    "solidaires",
    "fsu",
    "snes",
    "snes-fsu",
    "alliance",
    "unsa-police",
    "sgp",
    "unite-sgp",
    "synergie-officiers",
    "unef",
    "fnsea",
    "snj",
    "cnt",
    "syndicat",
    "confederation",
    "intersyndicale",
];

/// Whether an organisation's name reads as a trade union's.
fn union_like(name: &str) -> bool {
    crate::text::fold::fold_str(name).split([' ', '\'', '’']).any(|w| UNION_WORDS.contains(&w))
}

/// The body the sentence before token `open` shows making something known ("La CGT a publié
/// un communiqué", "Le parquet a indiqué que"), when there is exactly one (French).
fn reporting_body_before(doc: &Doc, open: usize, entities: &EntityIndex) -> Option<String> {
    let own = *doc.sent_of.get(open)?;
    let before = doc.sentences.get(own.checked_sub(1)?)?;
    let mut bodies = before.clone().filter_map(|j| super::reported::reporting_body_fr(doc, j, entities));
    let first = bodies.next()?;
    bodies.all(|b| b == first).then_some(first)
}

/// "Un communiqué du ministère … « … », ajoute le communiqué": a work named bare ("le
/// communiqué", "le documentaire") speaks for the one author the text gave the same work
/// earlier ("<work> de X", X a person or an organisation).
fn work_author(doc: &Doc, open: usize, words: &str, entities: &EntityIndex) -> Option<String> {
    let folded = crate::text::fold::fold_str(words);
    let mut parts = folded.split([' ', '\'', '’']).filter(|w| !w.is_empty());
    let (Some("le" | "la" | "l" | "ce" | "cette"), Some(noun), None) =
        (parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    if !WORK_NOUNS.contains(&noun) {
        return None;
    }
    let mut authors: Vec<String> = Vec::new();
    for j in (0..open).filter(|&j| doc.folded(j) == noun) {
        if let Some(name) = author_after(doc, j + 1, entities)
            && !authors.contains(&name)
        {
            authors.push(name);
        }
    }
    match authors.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// The person or organisation named by "de X", "du X", "de la X", "d'X" at token `de`.
fn author_after(doc: &Doc, de: usize, entities: &EntityIndex) -> Option<String> {
    let name_at = match doc.folded(de) {
        "du" | "d'" | "d’" => de + 1,
        "de" if matches!(doc.folded(de + 1), "la" | "l'" | "l’") => de + 2,
        "de" => de + 1,
        _ => return None,
    };
    let (name, _) = entity_at(doc, name_at, entities)?;
    matches!(label_at(doc, name_at, entities), Some(Label::Per | Label::Org)).then_some(name)
}

/// Whether an earlier sentence holds both the (folded) description and person `e` as two
/// participants, so they are two people: "Le premier ministre a défendu …, niant tout désaccord
/// avec Emmanuel Macron". A name right after the description is its apposition ("le premier
/// ministre, Édouard Philippe") and does not count.
fn named_beside_description(doc: &Doc, description: &str, e: &Entity, before: usize) -> bool {
    let words: Vec<&str> = description.split(' ').filter(|w| !w.is_empty()).collect();
    if words.len() < 2 {
        return false;
    }
    let upto = doc.tokens.partition_point(|t| t.start < before);
    (0..upto.saturating_sub(words.len())).any(|p| {
        let at = words.iter().enumerate().all(|(i, w)| doc.folded(p + i) == *w);
        let Some(range) = at.then(|| doc.sent_of.get(p).and_then(|&i| doc.sentences.get(i))).flatten() else {
            return false;
        };
        let end = p + words.len();
        e.mentions.iter().any(|m| {
            let j = doc.tokens.partition_point(|t| t.start < m.start);
            range.contains(&j) && m.end <= before && (j < p || j >= end && !apposed(doc, end, j))
        })
    })
}

/// Whether a name at token `j` completes a description ending at `end` ("le maire de la ville,
/// Pascal Blanc"): a few words of complement and commas between, no verb.
fn apposed(doc: &Doc, end: usize, j: usize) -> bool {
    j <= end + 12
        && (end..j).all(|t| {
            (doc.is_word(t) || doc.elision(t).is_some() || doc.tok(t) == ",")
                && !is_speech(doc, t)
                && !(AUX.contains(&doc.folded(t)) && doc.tok(t) != "à")
        })
}

/// The people to whom the roles found in the text give exactly the role a (folded) description
/// names after its article ("le ministre de l'Intérieur" → "ministre de l'Intérieur"). A bare
/// title ("le ministre") is too loose: only a role with a complement or a modifier counts.
/// Failing that, the one person whose role says it in full ("le ministre de l'Action" →
/// "ministre de l'Action et des Comptes publics"), for a description of three words or more
/// ("la secrétaire d'État" is a title alone).
fn holders_of_role(doc: &Doc, description: &str, roles: &[RoleMatch], entities: &EntityIndex) -> Vec<String> {
    let Some(role) = description_role(description) else {
        return Vec::new();
    };
    let holders = |names_it: &dyn Fn(&str) -> bool| {
        let mut names: Vec<String> = Vec::new();
        for r in roles.iter().filter(|r| names_it(&crate::text::fold::fold_str(&r.role))) {
            if let Some(e) = r.holder(doc, entities)
                && !names.contains(&e.name)
            {
                names.push(e.name.clone());
            }
        }
        names
    };
    let exact = holders(&|theirs| theirs == role);
    if !exact.is_empty() || role.split([' ', '\'']).count() < 3 {
        return exact;
    }
    let in_full = holders(&|theirs| theirs.strip_prefix(role).is_some_and(|rest| rest.starts_with(' ')));
    if in_full.len() == 1 { in_full } else { Vec::new() }
}

/// Nouns of French descriptions that stand for any holder of some offices, with those offices'
/// titles (folded): "le parlementaire" is a député or a sénateur, "l'édile" a maire (general
/// knowledge of French public offices).
/// ("conseiller", "adjoint" are left out: as often staff as elected.)
const COVERING_NOUNS: [(&str, &[&str]); 6] = [
    ("parlementaire", &["depute", "deputee", "senateur", "senatrice", "eurodepute", "eurodeputee"]),
    ("elu", &["maire", "depute", "senateur", "eurodepute"]),
    ("elue", &["maire", "deputee", "senatrice", "eurodeputee"]),
    ("edile", &["maire"]),
    ("magistrat", &["juge", "procureur", "substitut"]),
    ("magistrate", &["juge", "procureure"]),
];

/// Whether the (folded) generic noun `noun` covers the title `title` ("parlementaire" covers
/// "depute").
fn covers(noun: &str, title: Option<&str>) -> bool {
    title.is_some_and(|t| COVERING_NOUNS.iter().any(|(n, titles)| *n == noun && titles.contains(&t)))
}

/// The people named before token `open` whom the roles give an office the generic noun heading
/// the (folded) description covers: "l'élu" → "Bruno Pomart, maire de Belflou".
fn covered_holders(
    doc: &Doc,
    open: usize,
    description: &str,
    roles: &[RoleMatch],
    entities: &EntityIndex,
) -> Vec<String> {
    let Some(noun) = title_word(description).filter(|t| COVERING_NOUNS.iter().any(|(n, _)| n == t)) else {
        return Vec::new();
    };
    // Only a bare noun ("l'élu", "l'élu local"): "l'élu écologiste" says which one.
    let after_noun = description.split_once(noun).map_or("", |(_, rest)| rest.trim());
    if !matches!(after_noun, "" | "local" | "locale") {
        return Vec::new();
    }
    // Only holders named in the quote's paragraph or the one before.
    let mut names = Vec::new();
    add_holders(doc, roles, entities, in_reach_from(doc, open)..open, |t| covers(noun, t), &mut names);
    names
}

/// Adds to `names` the holders of the roles found in the text whose names stand in the tokens
/// `span` and whose title word (folded) `keep` accepts, each once.
fn add_holders(
    doc: &Doc,
    roles: &[RoleMatch],
    entities: &EntityIndex,
    span: std::ops::Range<usize>,
    keep: impl Fn(Option<&str>) -> bool,
    names: &mut Vec<String>,
) {
    for r in roles.iter().filter(|r| r.name.start >= span.start && r.name.end <= span.end) {
        if keep(title_word(&crate::text::fold::fold_str(&r.role)))
            && let Some(e) = r.holder(doc, entities)
            && !names.contains(&e.name)
        {
            names.push(e.name.clone());
        }
    }
}

/// The first token of the paragraph before the one holding token `open`: how far back a holder
/// of a title the roles give is read as a description's referent.
fn in_reach_from(doc: &Doc, open: usize) -> usize {
    let at = doc.tokens.get(open).map_or(0, |t| t.start);
    let start = coref::previous_paragraph_start(doc, at);
    doc.tokens.partition_point(|t| t.start < start)
}

/// The one person the roles give the title at token `title`, named in the paragraph of token
/// `open` or the one before with nobody `gender` fits named since.
fn fresh_role_holder(
    doc: &Doc,
    open: usize,
    title: usize,
    gender: Gender,
    entities: &EntityIndex,
    roles: &[RoleMatch],
) -> Option<Speaker> {
    let holders = role_holders(doc, open, doc.folded(title), roles, entities);
    let mut fresh = holders.iter().filter(|h| fresh_holder(doc, open, h, gender, entities));
    match (fresh.next(), fresh.next()) {
        (Some(one), None) => Some(Speaker::Named(one.clone())),
        _ => None,
    }
}

/// Whether person `name` is named in the paragraph of token `open` or the one before, with no
/// other person `gender` fits named since: the holder of a title a description stands for.
fn fresh_holder(doc: &Doc, open: usize, name: &str, gender: Gender, entities: &EntityIndex) -> bool {
    let from = doc.tokens.get(in_reach_from(doc, open)).map_or(0, |t| t.start);
    let before = doc.tokens.get(open).map_or(0, |t| t.start);
    let in_reach = mentions_of(entities, name).any(|m| m.start >= from && m.end <= before);
    in_reach && !rival_since(doc, open, name, gender, entities)
}

/// The mentions of the person or body named `name`.
fn mentions_of<'e>(
    entities: &'e EntityIndex,
    name: &'e str,
) -> impl Iterator<Item = &'e super::types::Mention> {
    entities.entities.iter().filter(move |e| e.name == name).flat_map(|e| e.mentions.iter())
}

/// Whether a person other than `name` whom `gender` fits is named between `name`'s last mention
/// before token `open` and `open`.
fn rival_since(doc: &Doc, open: usize, name: &str, gender: Gender, entities: &EntityIndex) -> bool {
    let before = doc.tokens.get(open).map_or(0, |t| t.start);
    let last = mentions_of(entities, name).filter(|m| m.end <= before).map(|m| token_at(doc, m.start)).max();
    last.is_some_and(|l| {
        person_between_where(doc, l, open, entities, |e, _| {
            e.name != name && coref::name_fits(doc, &e.name, gender, entities)
        })
    })
}

/// English: the one person the roles give the office an attribution describes ("," the
/// chancellor said" when the text gave "the chancellor" to Gordon Brown). The English incise
/// reader gives such a description as written; French descriptions go through
/// `resolve_description`.
fn office_holder(doc: &Doc, described: &str, roles: &[RoleMatch], entities: &EntityIndex) -> Option<String> {
    let folded = crate::text::fold::fold_str(described);
    let office = folded.strip_prefix("the ")?;
    if doc.lang != Lang::En || !super::roles::names_an_office(office) {
        return None;
    }
    match holders_of_role(doc, &folded, roles, entities).as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// The complement of a (folded) role or description: what follows its first "de"/"du"/"des"
/// ("responsable presse du domaine" → "domaine").
fn role_complement(role: &str) -> Option<&str> {
    [" de la ", " de l'", " du ", " des ", " de ", " d'"]
        .iter()
        .find_map(|m| role.split_once(m).map(|(_, c)| c))
}

/// Whether the roles give person `name` the title of `description` with another complement.
fn other_complement(
    doc: &Doc,
    description: &str,
    name: &str,
    roles: &[RoleMatch],
    entities: &EntityIndex,
) -> bool {
    let (Some(title), Some(wanted)) = (title_word(description), role_complement(description)) else {
        return false;
    };
    let theirs: Vec<String> = roles
        .iter()
        .filter(|r| r.holder(doc, entities).is_some_and(|e| e.name == name))
        .map(|r| crate::text::fold::fold_str(&r.role))
        .filter(|r| title_word(r) == Some(title))
        .collect();
    // "maire de Belflou" is "maire de Belflou dans l'Aude": one may say more than the other;
    // "présidente du RN" is "présidente du Rassemblement national" (folded: "rn").
    let initials_of = |short: &str, long: &str| {
        !short.contains(' ') && super::names::initials(long).is_some_and(|i| i == short)
    };
    let differ = |c: &str| {
        !c.starts_with(wanted) && !wanted.starts_with(c) && !initials_of(c, wanted) && !initials_of(wanted, c)
    };
    !theirs.is_empty() && theirs.iter().all(|r| role_complement(r).is_some_and(differ))
}

/// A folded description without its definite article, when it says more than a bare title
/// or names an office of state: "le premier ministre" → "premier ministre", "the chancellor" →
/// "chancellor", "le ministre" → none.
fn description_role(description: &str) -> Option<&str> {
    let role = ["le ", "la ", "l'", "l’", "the "].iter().find_map(|a| description.strip_prefix(a))?;
    (role.contains(' ') || super::roles::names_an_office(role)).then_some(role)
}

/// How far before or after a person's name a title is read as theirs ("le procureur Bernard
/// Marchal", "Bernard Marchal, procureur de la République").
const TITLE_REACH: usize = 4;

/// The people named before token `open` whom the text gives the title that heads `description`
/// (folded), written next to their name: before it, or after it behind a comma.
/// The roles found in the text count too: "Le porte-parole du gouvernement X" (a lowercase
/// complement between title and name) and "X, l'un des porte-parole du mouvement" are two.
fn role_holders(
    doc: &Doc,
    open: usize,
    description: &str,
    roles: &[RoleMatch],
    entities: &EntityIndex,
) -> Vec<String> {
    let Some(title) = title_word(description) else {
        return Vec::new();
    };
    let before = doc.tokens.get(open).map_or(0, |t| t.start);
    let mut names: Vec<String> = Vec::new();
    for e in entities.entities.iter().filter(|e| e.label == Label::Per) {
        if titles_next_to(doc, e, before).contains(&title) && !names.contains(&e.name) {
            names.push(e.name.clone());
        }
    }
    add_holders(doc, roles, entities, 0..open, |t| t == Some(title), &mut names);
    names
}

/// Whether the text gives, next to the name of a person named before token `at`, the title
/// at token `title` ("le président").
pub(super) fn title_given(doc: &Doc, title: usize, at: usize, entities: &EntityIndex) -> bool {
    let word = doc.folded(title);
    let before = doc.tokens.get(at).map_or(0, |t| t.start);
    entities.entities.iter().any(|e| e.label == Label::Per && titles_next_to(doc, e, before).contains(&word))
}

/// The word of a (folded) description that is a person's title or function ("procureur").
pub(super) fn title_word(description: &str) -> Option<&str> {
    description.split([' ', '\'', '’']).find(|w| PERSON_NOUNS.contains(w) || GAZ.titles.contains(*w))
}

/// Offices of justice (folded), each distinct from every other office.
const JUSTICE_OFFICES: [&str; 8] =
    ["procureur", "procureure", "juge", "avocat", "avocate", "prefet", "prefete", "commissaire"];

/// Police and inquiry (folded): with the offices of justice, people who comment on the cases of
/// others. A gendarme may also be "le colonel": these are not distinct offices.
const POLICE_AND_INQUIRY: [&str; 5] = ["enqueteur", "magistrat", "gendarme", "policier", "substitut"];

/// Whether a (folded) title is one of justice or police.
pub(super) fn officer_of_justice(word: &str) -> bool {
    JUSTICE_OFFICES.contains(&word) || POLICE_AND_INQUIRY.contains(&word)
}

/// Offices of government and administration (folded); with the offices of justice, offices no
/// one holds under another of these names: a person the text calls "le préfet" is not "le
/// ministre" nor "le procureur" (general knowledge of French public offices).
const PUBLIC_OFFICES: [&str; 17] = [
    "maire",
    "ministre",
    "depute",
    "deputee",
    "senateur",
    "senatrice",
    "president",
    "presidente",
    "directeur",
    "directrice",
    "ambassadeur",
    "ambassadrice",
    "gouverneur",
    "recteur",
    "rectrice",
    "consul",
    "consule",
];

/// Whether a (folded) title names an office no one holds under another name.
fn distinct_office(word: &str) -> bool {
    JUSTICE_OFFICES.contains(&word) || PUBLIC_OFFICES.contains(&word)
}

/// Whether person `e` is given, next to their name, another title or profession than the
/// office `title` names ("le président Zmirou", "le philosophe X" are not "le procureur").
fn holds_other_office(doc: &Doc, e: &Entity, before: usize, title: &str) -> bool {
    let office = |w: &str| distinct_office(w.trim_end_matches('s'));
    // "le philosophe Alain X" is no more "le ministre" than "le président Zmirou" is "le
    // procureur": any other title or profession next to the name rules an office out.
    office(title)
        && titles_next_to(doc, e, before).iter().any(|t| !t.starts_with(title.trim_end_matches('e')))
}

/// Nouns of function that may describe anyone in office (folded): "le responsable", "le chef".
const GENERIC_FUNCTIONS: [&str; 14] = [
    "responsable",
    "dirigeant",
    "dirigeante",
    "chef",
    "cheffe",
    "patron",
    "patronne",
    "leader",
    "membre",
    "candidat",
    "candidate",
    "representant",
    "representante",
    "head",
];

/// "Le maire Paul Morel a inauguré la boutique. « … », chante le fleuriste": a trade (the
/// description's `title`) does not describe a person the text gives, next to their name, only
/// public offices. ("l'ancien footballeur" may be today's club president; "l'élu" covers the
/// mayor, "le responsable" anyone.)
fn trade_of_officeholder(doc: &Doc, e: &Entity, before: usize, description: &str, title: &str) -> bool {
    let former = description.split(' ').any(|w| matches!(w, "ancien" | "ancienne" | "ex" | "former"));
    // (Offices of a body, "vice-présidente", "conseillère", "délégué", are no trades.)
    let function = FUNCTION_PREFIXES.iter().any(|p| title.starts_with(p));
    // (Nor are ties to others: "ce fils d'une femme de chambre", "son collègue".)
    let tie = super::roles::is_kin_noun(title, doc.lang)
        || matches!(
            title,
            "collegue" | "rival" | "rivale" | "successeur" | "predecesseur" | "proche" | "allie" | "alliee"
        );
    let trade = GAZ.titles.contains(title)
        && !tie
        && !STANDINGS.contains(&title)
        && !distinct_office(title)
        && !officer_of_justice(title)
        && !function
        && !GENERIC_FUNCTIONS.contains(&title)
        && !COVERING_NOUNS.iter().any(|(n, _)| *n == title);
    let theirs = titles_next_to(doc, e, before);
    trade && !former && !theirs.is_empty() && theirs.iter().all(|t| state_office(t))
}

/// Nouns of a camp or a standing (folded), which an officeholder may well be described by:
/// "lance le socialiste", "sourit le retraité", "le militant".
const STANDINGS: [&str; 33] = [
    "socialiste",
    "ecologiste",
    "centriste",
    "communiste",
    "insoumis",
    "insoumise",
    "republicain",
    "republicaine",
    "gaulliste",
    "macroniste",
    "frontiste",
    "souverainiste",
    "liberal",
    "conservateur",
    "conservatrice",
    "travailliste",
    "democrate",
    "syndicaliste",
    "militant",
    "militante",
    "retraite",
    "retraitee",
    "manifestant",
    "manifestante",
    "habitant",
    "habitante",
    "riverain",
    "riveraine",
    "benevole",
    "adherent",
    "adherente",
    "sympathisant",
    "opposant",
];

/// Whether a (folded) title is an office of the state or of elected government, whose
/// holder no trade in the same story describes: the public offices but those of a body
/// ("président", "directeur") or of teaching and abroad, and the prefect's.
fn state_office(title: &str) -> bool {
    let of_a_body = matches!(
        title,
        "president"
            | "presidente"
            | "directeur"
            | "directrice"
            | "recteur"
            | "rectrice"
            | "consul"
            | "consule"
    );
    PUBLIC_OFFICES.contains(&title) && !of_a_body || matches!(title, "prefet" | "prefete")
}

/// Beginnings of (folded) titles of a function in a body, not of a trade.
const FUNCTION_PREFIXES: [&str; 9] =
    ["vice", "conseill", "delegu", "secretaire", "adjoint", "tresori", "president", "direct", "administrat"];

/// The titles (folded words) the text writes next to person `e`'s name before byte `before`:
/// in front of it ("le procureur de la République d'Angers Yves Gambert") or behind it after a
/// comma ("Bernard Marchal, procureur …", "X, ancien ministre").
fn titles_next_to<'a>(doc: &'a Doc, e: &Entity, before: usize) -> Vec<&'a str> {
    let is_title = |j: usize| {
        let f = doc.folded(j);
        !doc.cap(j) && (PERSON_NOUNS.contains(&f) || GAZ.titles.contains(f))
    };
    // Only a complement may stand between title and name, no verb ("le procureur a interrogé X").
    let complement =
        |j: usize| doc.cap(j) || matches!(doc.folded(j), "de" | "du" | "des" | "d'" | "la" | "l'");
    let modifier = |j: usize| {
        doc.is_determiner(j) || matches!(doc.folded(j), "ancien" | "ancienne" | "actuel" | "actuelle")
    };
    let mut out = Vec::new();
    for m in e.mentions.iter().filter(|m| m.end <= before) {
        let first = doc.tokens.partition_point(|t| t.start < m.start);
        let after = doc.tokens.partition_point(|t| t.start < m.end);
        // An apposed name after the title and its complement ("Le maire de New York, X").
        let name_at = if doc.tok(first.wrapping_sub(1)) == "," { first - 1 } else { first };
        let in_front = (name_at.saturating_sub(TITLE_REACH)..name_at)
            .find(|&j| is_title(j) && (j + 1..name_at).all(complement));
        let behind = (doc.tok(after) == ",")
            .then(|| {
                (after + 1..after + 1 + TITLE_REACH).find(|&j| is_title(j) && (after + 1..j).all(modifier))
            })
            .flatten();
        out.extend(in_front.into_iter().chain(behind).map(|j| doc.folded(j)));
    }
    out
}

/// Whether a (folded) verb of saying answers someone: "rétorque", "répondu", "replied",
/// "countered".
fn is_reply(folded: &str) -> bool {
    ["retorqu", "repond", "repliqu", "replied", "replies", "retort", "counter", "respond", "answer"]
        .iter()
        .any(|p| folded.starts_with(p))
}

/// Whether a (folded) verb of saying says the speaker goes on: "poursuit", "a ajouté", "conclut",
/// "added", "continued".
fn is_continuation(folded: &str) -> bool {
    ["poursui", "ajout", "continu", "conclu", "rencheri", "added", "adds", "continued", "concluded"]
        .iter()
        .any(|p| folded.starts_with(p))
}

/// Whether a description names its holder by a body the text leaves unnamed: "la responsable
/// d'une boutique", "the head of a charity" (folded words, article first).
fn of_something_unnamed(words: &str, lang: Lang) -> bool {
    let folded = crate::text::fold::fold_str(words);
    let w: Vec<&str> = folded.split([' ', '\'', '’']).filter(|w| !w.is_empty()).collect();
    // "ce fils d'une femme de chambre" says whose child, not which body.
    let kin = w.iter().any(|w| super::roles::is_kin_noun(w, lang));
    !kin && w.windows(2).any(|p| matches!(p, ["de" | "d" | "of", "un" | "une" | "a" | "an"]))
}

/// Whether the head noun of a description was introduced with an indefinite article in the
/// sentences before token `open` ("un porte-parole de la police" … "le porte-parole"). An
/// article opening an apposition to a name ("John Smith, a lawyer for the family,") introduces
/// that person, named.
fn introduced_unnamed(doc: &Doc, open: usize, words: &str) -> bool {
    let folded = crate::text::fold::fold_str(words);
    // English premodifies its noun ("the Tory co-chairman" is no "a Tory …"): its title word.
    let head = match doc.lang {
        Lang::En => title_word(&folded),
        _ => folded.split([' ', '\'', '’']).nth(1),
    };
    let Some(head) = head else { return false };
    let Some(&sentence) = doc.sent_of.get(open) else { return false };
    let apposed_to_name = |a: usize| a >= 2 && doc.tok(a - 1) == "," && doc.cap(a - 2) && doc.is_word(a - 2);
    let first = doc.sentences.get(sentence.saturating_sub(DESCRIPTION_REACH)).map_or(0, |r| r.start);
    // "Son avocat a demandé sa libération": someone's, unnamed, unless the name follows ("son
    // avocat, Me X", "son avocat Me X", past the rest of the title: "son Premier ministre, X").
    let named_after = |j: usize| {
        let e = (j + 1..j + 4).find(|&e| doc.cap(e) || !GAZ.titles.contains(doc.folded(e))).unwrap_or(j + 1);
        doc.cap(e) || doc.tok(e) == "," && doc.cap(e + 1)
    };
    (first + 1..open).any(|j| {
        doc.folded(j) == head
            && (matches!(doc.folded(j - 1), "un" | "une") && !apposed_to_name(j - 1)
                || doc.lang == Lang::En && matches!(doc.folded(j - 1), "a" | "an") && !apposed_to_name(j - 1)
                || matches!(doc.folded(j - 1), "son" | "sa" | "ses" | "leur" | "leurs") && !named_after(j))
    })
}

/// An attribution inside the quote opening at `open` and closing at `close`: "« Moi, dit-il,
/// j'ai … »", "« Ce vote, s'exclame X, est … »".
/// How far into a quotation an incise is looked for: "« Tout le monde a été pris de court sur la
/// forme de la crise actuelle, mais pas sur le fond, estime-t-elle. »" has it after 20 words.
const INCISE_REACH: usize = 32;

fn speaker_inside(doc: &Doc, open: usize, close: usize, entities: &EntityIndex) -> Option<Speaker> {
    // The incise ends on a comma, or on a full stop when the quote goes on with a new sentence
    // ("« Il ne faut pas tout confondre, insiste-t-il. Nous ne vivons pas … »").
    let incise_end = |j: usize| matches!(doc.tok(j), "," | ".") && j + 1 < close;
    for j in open + 2..close.min(open + INCISE_REACH) {
        if doc.tok(j - 1) != "," {
            continue;
        }
        if let Some((verb, gender)) = inverted(doc.folded(j))
            && GAZ.is_speech_verb(verb)
            && incise_end(j + 1)
        {
            return Some(Speaker::Pronoun(gender));
        }
        if inverted_nobody(doc, j) {
            if let Some(at) = on_at_institution(doc, j, entities) {
                return Some(at);
            }
            if doc.tok(j + 1) == "," {
                return Some(Speaker::Unknown);
            }
        }
        // "…, explique Maître X, spécialisé …": past an honorific to the name; "…, a plaidé
        // sur BFMTV X", "…, a confié lundi X": past when and where.
        let named_at = |v: usize| {
            let np = skip_adverbials(doc, v + 1, entities).min(close);
            (np..np + 3).find(|&s| !GAZ.honorifics.contains(doc.folded(s)) && doc.tok(s) != ".").unwrap_or(np)
        };
        if let Some(v) = verb_group_at(doc, j)
            && let Some((name, end)) = speaker_entity_at(doc, named_at(v), entities)
            && incise_end(end)
        {
            return Some(Speaker::Named(name));
        }
        // "« C'est bien, consent un député LaREM. Mais … »": someone the text does not name,
        // so the last speaker does not go on.
        if let Some(v) = verb_group_at(doc, j).filter(|&v| is_speech(doc, v))
            && matches!(doc.folded(v + 1), "un" | "une")
            && (v + 3..(v + 8).min(close)).any(incise_end)
        {
            return Some(Speaker::Unknown);
        }
    }
    None
}

/// Most tokens of a short sentence "Même constat pour X :" before its quotation.
const FRAMED_TOKENS: usize = 10;

/// Most tokens of a headline "X sur Y :" before its quotation.
const HEADLINE_TOKENS: usize = 12;

/// "X revient sur la crise, dont elle accuse le gouvernement : « … »", "L'avocat X tape fort : «":
/// a sentence that ends in a colon before a quotation of a few words gives it to the person
/// (or pronoun) it opens with as subject, whatever its verb, when nobody else is named between.
fn colon_subject(
    doc: &Doc,
    k: usize,
    words: usize,
    entities: &EntityIndex,
    roles: &[RoleMatch],
) -> Option<Speaker> {
    if words < 2 || doc.tok(k.checked_sub(1)?) != ":" {
        return None;
    }
    let sent_start = doc.sentences.get(*doc.sent_of.get(k)?)?.start;
    // A headline after a link label gives short words too ("» LIRE AUSSI - X aux « gilets
    // jaunes » : « Il faut continuer »"); elsewhere a few words after a colon are often a label.
    let headline_start = after_link_label(doc, sent_start, k - 1);
    let headline = headline_start > sent_start;
    if words < 4 && !headline {
        return None;
    }
    // "» LIRE AUSSI - X sur Y : « … »", a line "X sur Y : « … »": X speaks of Y.
    let line_start = headline || sent_start == 0 || doc.newline_before(sent_start);
    if line_start
        && k - headline_start <= HEADLINE_TOKENS
        && let Some((e, end)) = doc.tokens.get(headline_start).and_then(|t| entities.starting_at(t.start))
        && e.label == Label::Per
        && let Some(after) = (headline_start..k).find(|&j| doc.tokens.get(j).is_some_and(|t| t.start >= end))
        && doc.folded(after) == "sur"
        && !(after..k).any(|j| is_speech(doc, j) || matches!(doc.tok(j), "," | "." | "-" | "–"))
    {
        return Some(Speaker::Named(e.name.clone()));
    }
    if let Some(speaker) = subject_of_verb_before_colon(doc, k - 1, sent_start, entities) {
        return Some(speaker);
    }
    if let Some(speaker) =
        words_of_before_colon(doc, after_link_label(doc, sent_start, k - 1), k - 1, entities)
    {
        return Some(speaker);
    }
    let colon_at = doc.tokens.get(k - 1)?.start;
    // "Même son de cloche chez X : «", "Intolérable pour X : «": a short sentence closing on the
    // one person it frames.
    if k - sent_start <= FRAMED_TOKENS
        && let Some(e) = doc
            .tokens
            .get(k - 2)
            .and_then(|t| entities.ending_at(t.end))
            .filter(|e| e.label == Label::Per && e.name.contains(' '))
        && let Some(m) = e.mentions.iter().find(|m| doc.tokens.get(k - 2).is_some_and(|t| t.end == m.end))
    {
        let first = doc.tokens.partition_point(|t| t.start < m.start);
        let others = entities.last_person_between(
            doc.tokens.get(sent_start).map_or(0, |t| t.start),
            colon_at,
            |o, _| o.name != e.name,
        );
        if matches!(doc.folded(first.wrapping_sub(1)), "pour" | "chez")
            && first > sent_start + 1
            && others.is_none()
            && !(sent_start..first).any(|j| is_speech(doc, j) || matches!(doc.tok(j), "," | "«" | "»"))
        {
            return Some(Speaker::Named(e.name.clone()));
        }
    }
    // A headline giving a name and the words ("» LIRE AUSSI - X : « … »").
    let name_end = doc.tokens.get(k.checked_sub(2)?)?.end;
    if let Some(e) = entities.ending_at(name_end).filter(|e| e.label == Label::Per)
        && let Some(m) = e.mentions.iter().find(|m| m.end == name_end)
    {
        let first = doc.tokens.partition_point(|t| t.start < m.start);
        if first == sent_start
            || doc.newline_before(first)
            || matches!(doc.tok(first.wrapping_sub(1)), "-" | "–" | "—")
        {
            return Some(Speaker::Named(e.name.clone()));
        }
    }
    let subject_start = after_link_label(doc, sent_start, k - 1);
    match coref::sentence_subject(doc, subject_start, k - 1, entities) {
        coref::Subject::Person(e) => {
            let subject_end = e.mentions.iter().map(|m| m.end).filter(|&end| end <= colon_at).max()?;
            let other = entities.last_person_between(subject_end, colon_at, |o, _| o.name != e.name);
            other.is_none().then(|| Speaker::Named(e.name.clone()))
        }
        coref::Subject::Pronoun(g) => Some(Speaker::Pronoun(g)),
        // "Le maire de New York prend peu de risque : «": the one person the text has given
        // that title next to their name; nobody when none or several are.
        coref::Subject::Titled { title, gender } => {
            match role_holders(doc, k, doc.folded(title), &[], entities).as_slice() {
                [one] => Some(Speaker::Named(one.clone())),
                [] => fresh_role_holder(doc, k, title, gender, entities, roles),
                _ => None,
            }
        }
        // "Le graphiste portugais X … Le graphiste s'est basé sur le raisonnement suivant : «": a
        // bare title too, for the one holder the roles give named in reach.
        // ("Pour construire ce code, le graphiste …": after a leading clause's comma too, not
        // after a name's, "Après l'échange avec X, le chauffeur routier …", which reads as X's
        // apposition.)
        coref::Subject::Other => {
            let after_name = |c: usize| {
                doc.tokens
                    .get(c.wrapping_sub(1))
                    .and_then(|t| entities.ending_at(t.end))
                    .is_some_and(|e| e.label == Label::Per)
            };
            let first_comma = (subject_start..k).find(|&j| doc.tok(j) == ",").filter(|&c| !after_name(c));
            let titled =
                [Some(subject_start), first_comma.map(|c| c + 1)].into_iter().flatten().find_map(|p| {
                    match coref::titled(doc, p) {
                        Some(coref::Subject::Titled { title, gender }) if !doc.cap(title + 1) => {
                            Some((title, gender))
                        }
                        _ => None,
                    }
                });
            titled.and_then(|(title, gender)| fresh_role_holder(doc, k, title, gender, entities, roles))
        }
        coref::Subject::Described => None,
    }
}

/// "…, tandis que X lançait : «", "X, du PS, qui a déclaré : «", "…, et elle l'admet : «": a verb
/// of saying right before the colon, in any clause of the sentence, with its subject right
/// before it: a name, a subject pronoun (past object pronouns) or "qui" after a name.
/// Nouns of what someone says (folded): "la réponse de X", "les mots de X".
const WORDS_NOUNS: [&str; 11] = [
    "reponse",
    "reaction",
    "replique",
    "message",
    "explication",
    "commentaire",
    "verdict",
    "avertissement",
    "constat",
    "mots",
    "propos",
];

/// "La réponse de Berléand fuse : « … »", "La réaction de Marine Le Pen ne s'est pas fait
/// attendre : « … »": a sentence opening on the words of one person, who is the only one it
/// names before the colon at `colon`.
fn words_of_before_colon(doc: &Doc, start: usize, colon: usize, entities: &EntityIndex) -> Option<Speaker> {
    let noun = if doc.is_determiner(start) { start + 1 } else { start };
    if !WORDS_NOUNS.contains(&doc.folded(noun))
        || !matches!(doc.folded(noun + 1), "de" | "d'" | "du")
        || colon > noun + 14
    {
        return None;
    }
    let (e, end) = entities.starting_at(doc.tokens.get(noun + 2)?.start)?;
    let colon_at = doc.tokens.get(colon)?.start;
    let other = entities.last_person_between(end, colon_at, |o, _| o.name != e.name);
    (e.label == Label::Per && other.is_none()).then(|| Speaker::Named(e.name.clone()))
}

fn subject_of_verb_before_colon(
    doc: &Doc,
    colon: usize,
    sent_start: usize,
    entities: &EntityIndex,
) -> Option<Speaker> {
    let verb = colon.checked_sub(1)?;
    let first =
        (verb.saturating_sub(3).max(sent_start)..=verb).find(|&v| verb_group_at(doc, v) == Some(verb))?;
    let mut subject = first.checked_sub(1)?;
    while subject > sent_start && is_object_clitic(doc.folded(subject)) {
        subject -= 1;
    }
    match doc.folded(subject) {
        "il" | "elle" => Some(Speaker::Pronoun(coref::word_gender(doc.folded(subject)))),
        "qui" => person_before_relative(doc, subject, sent_start, entities).map(Speaker::Named),
        _ => {
            let end = doc.tokens.get(subject)?.end;
            let e = entities.ending_at(end).filter(|e| e.label == Label::Per)?;
            Some(Speaker::Named(e.name.clone()))
        }
    }
}

/// Most words of a label in capitals that opens a line ("» LIRE AUSSI -", "À VOIR AUSSI :").
const LINK_LABEL_WORDS: usize = 3;

/// Where the headline after a label in capitals opening a line ("» LIRE AUSSI - X aux
/// « gilets jaunes » : «", "À VOIR AUSSI - X sur …") starts: the token after the label's dash or
/// colon; `start` itself when the line opens with no such label.
fn after_link_label(doc: &Doc, start: usize, before: usize) -> usize {
    let first = if doc.tok(start) == "»" { start + 1 } else { start };
    if !(start == 0 || doc.newline_before(start) || doc.newline_before(first)) {
        return start;
    }
    let capitals = |j: usize| doc.is_word(j) && doc.tok(j).chars().all(|c| !c.is_lowercase());
    match (first..before.min(first + LINK_LABEL_WORDS + 1)).find(|&j| !capitals(j)) {
        Some(sep) if sep > first && matches!(doc.tok(sep), "-" | "–" | "—" | ":") => sep + 1,
        _ => start,
    }
}

/// "X explique avoir d'abord frappé la main de l'homme, « pour lui faire lâcher … »": a
/// sentence whose subject, a person or a pronoun, is followed by a speech verb reports that
/// person's words, however far into it the quotation comes, when nobody else is named between.
fn speaking_subject(doc: &Doc, k: usize, words: usize, entities: &EntityIndex) -> Option<Speaker> {
    if words < 3 {
        return None;
    }
    let sent_start = doc.sentences.get(*doc.sent_of.get(k)?)?.start;
    let open_at = doc.tokens.get(k)?.start;
    let subject = coref::sentence_subject(doc, sent_start, k, entities);
    // The token after the subject: the verb, or the comma of an apposition.
    let (after, speaker) = match subject {
        coref::Subject::Person(e) => {
            let m =
                e.mentions.iter().filter(|m| m.end <= open_at).min_by_key(|m| m.start.abs_diff(open_at))?;
            let after = doc.tokens.partition_point(|t| t.start < m.end);
            let other = entities.last_person_between(m.end, open_at, |o, _| o.name != e.name);
            if other.is_some() {
                return None;
            }
            (after, Speaker::Named(e.name.clone()))
        }
        coref::Subject::Pronoun(g) => {
            let at = (sent_start..k).find(|&j| matches!(doc.folded(j), "il" | "elle"))?;
            if person_between(doc, at, k, entities) {
                return None;
            }
            (at + 1, Speaker::Pronoun(g))
        }
        // "L'ancienne première secrétaire du PS pense que « … »": the description, for
        // `resolve_description` to name or leave unnamed.
        coref::Subject::Titled { title, .. } => titled_subject_speaker(doc, title, k)?,
        coref::Subject::Described | coref::Subject::Other => return None,
    };
    // "X, porte-parole du parti, explique": past the apposition.
    let verb_at = if doc.tok(after) == "," {
        (after + 1..(after + 10).min(k)).find(|&j| doc.tok(j) == ",").map_or(after, |c| c + 1)
    } else {
        after
    };
    let verb_at = if is_object_clitic(doc.folded(verb_at)) { verb_at + 1 } else { verb_at };
    // '"Mr X says …," she said. "I …"': a sentence opening inside a quotation (its opening
    // mark went with the sentence before) has a quoted subject, not this quote's speaker.
    if opens_quoted(doc, sent_start) {
        return None;
    }
    // "X a dit espérer …, car l'objectif est « … »": a clause of the writer's own comes between.
    let writer_clause = (verb_at..k).any(|j| {
        matches!(doc.folded(j), "car" | "puisque" | "tandis" | "alors" | ";")
            || doc.folded(j) == "mais" && !matches!(doc.folded(j + 1), "que" | "qu'")
    });
    (verb_at < k && !writer_clause && verb_group_at(doc, verb_at).is_some()).then_some(speaker)
}

/// Most tokens between a gerund of saying and the quotation it introduces ("en promettant de
/// tout faire pour « … »").
const GERUND_REACH: usize = 8;

/// "Le ministre X s'est emparé de la polémique en promettant de « … »": a quotation in a
/// gerund clause of a verb of saying, the first in its sentence, is the words of the
/// sentence's subject, whom a French gerund always shares. Nobody may be named between the
/// gerund and the quotation, nor another verb of saying stand there ("en rappelant que Y
/// avait jugé « … »").
fn gerund_subject(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<Speaker> {
    if doc.lang != Lang::Fr {
        return None;
    }
    let sent_start = doc.sentences.get(*doc.sent_of.get(k)?)?.start;
    let breaks = |j: usize| {
        matches!(doc.tok(j), "," | ";" | ":" | "(" | ")" | "." | "!" | "?") || is_quote_mark(doc.tok(j))
    };
    let gerund = (k.saturating_sub(GERUND_REACH).max(sent_start + 1)..k)
        .rev()
        .take_while(|&j| !breaks(j))
        .find(|&j| {
            // "…, plaidant « une énorme erreur »": a participle clause after the comma shares the
            // subject as a gerund does.
            let opened = doc.folded(j - 1) == "en" || doc.tok(j - 1) == "," && j == k - 1;
            opened && doc.folded(j).ends_with("ant") && is_speech(doc, j)
        })?;
    let own_saying = (gerund + 1..k).any(|j| is_speech(doc, j));
    if own_saying
        || person_between(doc, gerund, k, entities)
        || (sent_start..gerund).any(|j| is_quote_mark(doc.tok(j)))
    {
        return None;
    }
    // The gerund must be the main clause's: no relative clause, "ayant"/"étant" participle or
    // other person before it ("X a condamné Y, qui a réagi en promettant", "Pour X, Y a …").
    let clause_between =
        (sent_start..gerund).any(|j| RELATIVE_WORDS.contains(&doc.folded(j)) || doc.folded(j) == "etant");
    if clause_between {
        return None;
    }
    let first = doc.tokens.get(sent_start).map_or(0, |t| t.start);
    let at = doc.tokens.get(gerund).map_or(0, |t| t.start);
    match coref::sentence_subject(doc, sent_start, gerund - 1, entities) {
        coref::Subject::Person(e) => entities
            .last_person_between(first, at, |o, _| o.name != e.name)
            .is_none()
            .then(|| Speaker::Named(e.name.clone())),
        coref::Subject::Pronoun(g) => {
            entities.last_person_between(first, at, |_, _| true).is_none().then_some(Speaker::Pronoun(g))
        }
        _ => None,
    }
}

/// Most tokens from a sentence-opening participle of saying to the comma closing its clause.
const FRONTED_CLAUSE_REACH: usize = 40;

/// "Accusant le ministre de « jouer les cacous », la présidente du RN a invité …": a sentence
/// opening with a present participle of saying, whose clause holds the quotation, gives the
/// words to its main clause's subject, right after the comma that closes that clause: a person
/// or a body named there, or a person described (for `resolve_description` to name).
fn fronted_participle_subject(doc: &Doc, k: usize, close: usize, entities: &EntityIndex) -> Option<Speaker> {
    let sent_start = doc.sentences.get(*doc.sent_of.get(k)?)?.start;
    let first = doc.folded(sent_start);
    let opens = doc.cap(sent_start) && first.ends_with("ant") && GAZ.is_speech_verb(first);
    // "Réagissant aux événements des « gilets jaunes »": after a definite article, the words
    // name a thing or a group; they are no one's words.
    let named_thing = k
        .checked_sub(1)
        .is_none_or(|p| matches!(doc.folded(p), "des" | "du" | "aux" | "au" | "les" | "le" | "la" | "l'"));
    if doc.lang != Lang::Fr || !opens || close <= k || named_thing {
        return None;
    }
    let limit = (sent_start + FRONTED_CLAUSE_REACH).min(doc.len());
    // The first comma after the quotation closes the clause (others inside it come before the
    // words: "Accusant le ministre, X, de « … »").
    let comma = (close + 1..limit).find(|&j| doc.tok(j) == "," || doc.newline_before(j))?;
    let stops = |i: usize| matches!(doc.tok(i), "." | "!" | "?" | ";" | ":") || is_speech(doc, i);
    // Another verb of saying in the clause brings its own speaker; a person named after the
    // words may be their author ("le slogan « … » de Nicolas Sarkozy").
    if doc.newline_before(comma)
        || (close + 1..comma).any(stops)
        || person_between(doc, close, comma, entities)
    {
        return None;
    }
    phrase_speaker(doc, comma + 1, entities)
        .filter(|s| matches!(s, Speaker::Named(_) | Speaker::Description(Kind::Person, _)))
}

/// Most tokens an incise closing a sentence may have ("…, a estimé le chef du Kremlin.").
const CLOSING_INCISE_TOKENS: usize = 14;

/// Most words of a capitalised quotation inside a sentence that may be a name or a title.
const TITLE_WORDS: usize = 5;

/// "La manifestation ne devrait pas se dérouler … pas « immédiatement » à proximité, estime le
/// préfet X.": an incise of saying that closes the sentence attributes the whole sentence, so
/// a quotation woven into it earlier is that speaker's too, when no person is named in the
/// sentence before the incise, its subject is no one who could speak, and no other verb of
/// saying, colon or semicolon stands between the quotation and the incise (each would bring
/// its own speaker). The incise names or describes its speaker: one saying nobody is no reason
/// to attribute words far from it.
fn closing_incise(
    doc: &Doc,
    k: usize,
    close: usize,
    words: usize,
    entities: &EntityIndex,
) -> Option<Speaker> {
    let sentence = doc.sentences.get(*doc.sent_of.get(close)?)?;
    // A capitalised quotation inside a sentence is a name or a title ("la liste « Ralliement
    // d'initiative citoyenne »"), not words said.
    // (Longer words are said: "sont les « Parisiens de souche qui ont été obligés de partir »".)
    // ("la liste « Ralliement d'initiative citoyenne pour une Europe des peuples »": after a
    // noun, any length.)
    let after_noun = k > 0 && doc.is_word(k - 1) && !doc.cap(k - 1) && !doc.is_determiner(k - 1);
    if doc.cap(k + 1)
        && (words <= TITLE_WORDS || after_noun)
        && sentence.start != k
        && sentence.start != k + 1
    {
        return None;
    }
    let last = sentence.end.checked_sub(1)?;
    if !matches!(doc.tok(last), "." | "!" | "?" | "…")
        || (sentence.start..=last).any(|j| doc.newline_before(j) && j > sentence.start)
    {
        return None;
    }
    // The incise's first comma: one inside it sets off a complement ("…, dixit le ministre de
    // l'Intérieur, X."). Else an incise set off by commas before the quotation ("Les
    // principales victimes, a-t-il ajouté, sont les « … »").
    let closing = (last.saturating_sub(CLOSING_INCISE_TOKENS).max(close + 2)..last)
        .find(|&j| doc.tok(j) == "," && incise_verb_at(doc, j + 1));
    let leading = || {
        // After the incise of a quotation it follows, a word or two quoted is more likely a
        // label in its apposition ("», a indiqué X, l'un des « insoumis »") than more words.
        (sentence.start + 1..k).find(|&c| {
            doc.tok(c) == ","
                && (words > FRAGMENT_WORDS || !is_quote_mark(doc.tok(c - 1)))
                && incise_verb_at(doc, c + 1)
                && (c + 2..(c + CLOSING_INCISE_TOKENS).min(k)).any(|j| doc.tok(j) == ",")
        })
    };
    let comma = closing.or_else(leading)?;
    // Between the incise and the quotation, the words that come after it.
    let between = if comma > close {
        close + 1..comma
    } else {
        (comma + 2..k).find(|&j| doc.tok(j) == ",").map_or(k, |c| c + 1)..k
    };
    // A passive ("soutenu par …") says nothing of who speaks.
    let speech = |j: usize| is_speech(doc, j) && doc.folded(j + 1) != "par";
    // A sentence whose subject can speak ("Paul Durand a parlé d'un « … »", "Le texte parle
    // de « … »") quotes its subject's words, whoever the incise names.
    let head = doc.folded(sentence.start + 1);
    let title = if coref::is_title_modifier(head) { doc.folded(sentence.start + 2) } else { head };
    // (A pronoun may be impersonal: "Il en coûtera « … » par an, précise X.")
    // (After an incise set off before the quotation, the subject's own verb comes after the
    // incise, where `between` reads it: "Les principales victimes, a-t-il ajouté, sont « … »".)
    let speaking_subject = comma > close
        && !matches!(
            coref::sentence_subject(doc, sentence.start, k, entities),
            coref::Subject::Other | coref::Subject::Pronoun(_)
        )
        || doc.is_determiner(sentence.start)
            && (WORK_NOUNS.contains(&head) || SPEAKING_THINGS.contains(&head) || GAZ.titles.contains(title))
        || organisation_opens(doc, sentence.start, entities);
    // "Les syndicats dénoncent une « trahison », a expliqué X": a finite verb of saying before
    // the quotation has its own subject speak, whoever that is.
    let incise = if comma < k { comma..(comma + CLOSING_INCISE_TOKENS).min(k) } else { k..k };
    let said_before = (sentence.start..k).filter(|j| !incise.contains(j)).any(|j| finite_saying(doc, j));
    if speaking_subject
        || said_before
        || between.into_iter().any(|j| matches!(doc.tok(j), ":" | ";") || speech(j))
    {
        return None;
    }
    let (Some(from), Some(to)) = (doc.tokens.get(sentence.start), doc.tokens.get(comma)) else { return None };
    if entities.last_person_between(from.start, to.start, |_, _| true).is_some() {
        return None;
    }
    speaker_after(doc, comma, Attached::Yes, entities)
        .filter(|sp| !matches!(sp, Speaker::Unknown | Speaker::Object))
}

/// Whether the sentence starting at token `start` opens with an organisation's name, after its
/// article or not ("La CGT parle d'une « provocation »"): a subject that can speak.
fn organisation_opens(doc: &Doc, start: usize, entities: &EntityIndex) -> bool {
    let at = |j: usize| {
        doc.tokens
            .get(j)
            .and_then(|t| entities.starting_at(t.start))
            .is_some_and(|(e, _)| e.label == Label::Org)
    };
    at(start) || doc.is_determiner(start) && at(start + 1)
}

/// Whether a finite verb of saying stands at token `j` ("dénoncent", "a parlé", "avait
/// qualifié"): not a bare participle, a present participle or an infinitive, nor a noun after
/// an article.
fn finite_saying(doc: &Doc, j: usize) -> bool {
    let f = doc.folded(j);
    let participle = ends_like_participle(doc.tok(j));
    let nonfinite = participle || f.ends_with("ant") || ["er", "ir"].iter().any(|end| f.ends_with(end));
    let after_article = j > 0 && doc.is_determiner(j - 1);
    !after_article && !nonfinite && doc.tok(j) != "à" && verb_group_at(doc, j).is_some()
}

/// Whether the words at `j` open an incise of saying: a speech verb group, an inverted one
/// ("estime-t-il"), or either after an object pronoun ("lui rappelle").
fn incise_verb_at(doc: &Doc, mut j: usize) -> bool {
    if is_object_clitic(doc.folded(j)) || REFLEXIVE.contains(&doc.folded(j)) {
        j += 1;
    }
    // A bare past participle ("…, menacée par les casseurs.") qualifies a noun: no incise.
    let bare_participle = ends_like_participle(doc.tok(j));
    verb_group_at(doc, j).is_some() && !bare_participle
        || inverted(doc.folded(j)).is_some_and(|(verb, _)| {
            GAZ.is_speech_verb(verb)
                || AUX.contains(&verb) && GAZ.is_speech_verb(doc.folded(participle_after(doc, j + 1)))
        })
}

/// A subject known by its title ("la maire de Lille", the title at token `title`) whose verb
/// of saying comes before the quote opening at `k`: that verb's token and the description as
/// written, up to the verb or its auxiliary, through words only.
fn titled_subject_speaker(doc: &Doc, title: usize, k: usize) -> Option<(usize, Speaker)> {
    let determiner = (title.saturating_sub(2)..title).find(|&j| doc.is_determiner(j))?;
    let verb = (title + 1..k.min(title + 10))
        .take_while(|&j| doc.is_word(j) || doc.elision(j).is_some())
        // ("à" folds to the auxiliary "a".)
        .find(|&j| verb_group_at(doc, j).is_some() || AUX.contains(&doc.folded(j)) && doc.tok(j) != "à")?;
    // "a immédiatement réagi": an auxiliary, then the verb of saying past an adverb or two.
    let speech = if verb_group_at(doc, verb).is_some() {
        verb
    } else {
        (verb + 1..verb + 4).find(|&j| verb_group_at(doc, j).is_some())?
    };
    let description = doc.span_text(determiner, verb).trim().to_string();
    Some((speech, Speaker::Description(Kind::Person, description)))
}

/// Whether the sentence starting at token `start` opens right after an opening quotation mark.
fn opens_quoted(doc: &Doc, start: usize) -> bool {
    let Some(mark) = start.checked_sub(1) else { return false };
    match doc.tok(mark) {
        "«" | "“" => true,
        "\"" => facing(doc, mark) == Facing::Opening,
        _ => false,
    }
}

/// "…, indique X, qui juge « tout à fait imaginable » de …": a relative clause on a named
/// person whose own speech verb introduces the quote, with no clause break between.
fn relative_speaker(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<Speaker> {
    if doc.lang != Lang::Fr {
        return None;
    }
    let qui = (k.saturating_sub(FRAGMENT_VERB_REACH)..k)
        .rev()
        .take_while(|&j| !matches!(doc.tok(j), "," | ";" | ":" | "(" | ")" | "«" | "»"))
        .find(|&j| doc.folded(j) == "qui")?;
    if !(qui + 1..k).any(|j| is_speech(doc, j)) || qui < 2 {
        return None;
    }
    // The antecedent ends before the comma, or right before "qui" ("X qui estime que « … »").
    let last = if doc.tok(qui - 1) == "," { qui - 2 } else { qui - 1 };
    let end = doc.tokens.get(last)?.end;
    let Some(person) = entities.ending_at(end).filter(|e| e.label == Label::Per) else {
        return described_antecedent(doc, last, entities);
    };
    // "l'ancienne ministre de Pierre Durand, qui …": the relative is about the minister.
    let start = person.mentions.iter().filter(|m| m.end == end).map(|m| m.start).next()?;
    let first = doc.tokens.partition_point(|t| t.start < start);
    if first > 0 && matches!(doc.folded(first - 1), "de" | "du" | "d'" | "des") {
        return None;
    }
    if last == qui - 1 && named_after_noun(doc, first) {
        return None;
    }
    Some(Speaker::Named(person.name.clone()))
}

/// Whether the name starting at token `first` follows a lower-case noun and its article ("la
/// fondation Jean Jaurès"): it names the noun's thing, which a relative after it is about.
fn named_after_noun(doc: &Doc, first: usize) -> bool {
    first > 1
        && doc.is_word(first - 1)
        && !doc.cap(first - 1)
        && matches!(doc.folded(first - 2), "le" | "la" | "les" | "l'" | "un" | "une" | "du" | "des" | "the")
}

/// "…, a estimé le chef des Insoumis, qui certifie que « … »": a relative clause on a person
/// described by a title ending at token `last`: the description, for `resolve_description`.
fn described_antecedent(doc: &Doc, last: usize, entities: &EntityIndex) -> Option<Speaker> {
    let determiner = (last.saturating_sub(8)..last)
        .rev()
        .take_while(|&j| doc.is_word(j) || doc.elision(j).is_some())
        .filter(|&j| matches!(doc.folded(j), "le" | "la" | "l'"))
        .last()?;
    let title =
        if coref::is_title_modifier(doc.folded(determiner + 1)) { determiner + 2 } else { determiner + 1 };
    if !GAZ.titles.contains(doc.folded(title)) {
        return None;
    }
    phrase_speaker(doc, determiner, entities).filter(|s| matches!(s, Speaker::Description(Kind::Person, _)))
}

/// Most words a quoted fragment woven into the narrative has ("il dénonce une « trahison »").
const FRAGMENT_WORDS: usize = 2;

/// How many tokens before a quoted fragment the speech verb that introduces it may stand.
const FRAGMENT_VERB_REACH: usize = 12;

/// "X a appelé à « l'exemplarité »", "Il s'est dit « sidéré »": a fragment of a word or two
/// quoted inside a sentence (in lower case like the words around it) after a speech verb of
/// its subject is that subject's word, when nobody else is named between. Labels quoted the
/// same way ("les « gilets jaunes »") recur in the text and lose their speaker in
/// `drop_labels`; a sound or a word heard ("entendu deux « bangs »") has no speech verb.
fn fragment_subject(doc: &Doc, k: usize, words: usize, entities: &EntityIndex) -> Option<Speaker> {
    if words > FRAGMENT_WORDS || doc.cap(k + 1) {
        return None;
    }
    // "to meet his "golden rule"": after a possessive, English quotes the name of a thing ("her"
    // may be an object: "called her \"a liar\"").
    if doc.lang == Lang::En && matches!(doc.folded(k.saturating_sub(1)), "his" | "its" | "their") {
        return None;
    }
    let sent_start = doc.sentences.get(*doc.sent_of.get(k)?)?.start;
    // Another quotation earlier in the sentence has its own attribution to go by.
    if (sent_start..k).any(|j| is_quote_mark(doc.tok(j))) {
        return None;
    }
    let open_at = doc.tokens.get(k)?.start;
    let (subject_end, speaker) = match coref::sentence_subject(doc, sent_start, k, entities) {
        coref::Subject::Person(e) => {
            let end = e.mentions.iter().map(|m| m.end).filter(|&end| end <= open_at).max()?;
            let trusted = coref::full_enough(doc, e);
            let other = entities.last_person_between(end, open_at, |o, _| o.name != e.name);
            if !trusted || other.is_some() {
                return None;
            }
            (doc.tokens.partition_point(|t| t.start < end), Speaker::Named(e.name.clone()))
        }
        // "Vendredi, il s'était dit « sidéré »": whom the pronoun stands for, when its own
        // verb is one of saying ("Il voulait dégonfler la menace d'un « … »" quotes another).
        coref::Subject::Pronoun(g) => {
            let at = (sent_start..k).find(|&j| PERSONAL.contains(&doc.folded(j)))?;
            // "Il annonce que le ministre a qualifié la mesure d'« injuste »": a second verb of
            // saying between has its own subject.
            let own = (at + 1..k).find(|&j| verb_group_at(doc, j).is_some())?;
            let own_end =
                if AUX.contains(&doc.folded(own)) { participle_after(doc, own + 1) + 1 } else { own + 1 };
            let another = (own_end..k).any(|j| verb_group_at(doc, j).is_some());
            if person_between(doc, at, k, entities) || !pronoun_verb_speaks(doc, at + 1) || another {
                return None;
            }
            (at + 1, Speaker::Pronoun(g))
        }
        _ => return None,
    };
    // The verb's clause runs on to the quote: no comma or other clause break between.
    let verb_from = subject_end.max(k.saturating_sub(FRAGMENT_VERB_REACH));
    let introduced = (verb_from..k)
        .rev()
        .take_while(|&j| !matches!(doc.tok(j), "," | ";" | ":" | "(" | ")"))
        // (Not a noun after its article: "a rencontré le juge « antiterroriste » X".)
        .any(|j| is_speech(doc, j) && !noun_after_article(doc, j));
    introduced.then_some(speaker)
}

/// Whether the word at `j` follows an article, so is a noun ("a rencontré le juge", "calmer la
/// grogne"), not a verb after its object pronoun ("Castaner les accuse", "elle la qualifie",
/// "qui l'accuse").
fn noun_after_article(doc: &Doc, j: usize) -> bool {
    let before = j.wrapping_sub(2);
    // (A name after a preposition is a complement: "a reçu à Paris le juge".)
    // After a comma, only a word that is no title ("Anne Hidalgo, la qualifie", not "Jean
    // Dupont, le juge « rouge »").
    let pronoun_place = doc.cap(before) && !ends_a_complement(doc, before)
        || matches!(doc.tok(before), "," | ";") && !GAZ.title_heads.contains(doc.folded(j))
        || matches!(
            doc.folded(before),
            "il" | "elle" | "ils" | "elles" | "on" | "ne" | "n'" | "qui" | "je" | "nous" | "vous"
        );
    match doc.folded(j.wrapping_sub(1)) {
        "un" | "une" => true,
        "le" | "la" | "les" | "l'" => !pronoun_place,
        "," => title_in_apposition(doc, j),
        _ => false,
    }
}

/// "Paul Morel, juge « anti-corruption »": a title in apposition to the name before its comma,
/// not the verb of an incise ("La décision, juge Paul Morel, est …").
fn title_in_apposition(doc: &Doc, j: usize) -> bool {
    j >= 2
        && doc.tok(j - 1) == ","
        && doc.cap(j - 2)
        && !ends_a_complement(doc, j - 2)
        && !doc.cap(j + 1)
        && doc.tok(j + 1) != ","
        && GAZ.title_heads.contains(doc.folded(j))
        && !["é", "ée", "és", "ées"].iter().any(|p| doc.tok(j).ends_with(p))
}

/// Whether the capitalised words ending at `last` follow a preposition or an article, so are a
/// complement ("président de la CFDT", "à Paris"), not a subject's name.
fn ends_a_complement(doc: &Doc, last: usize) -> bool {
    let mut s = last;
    while s > 0 && doc.cap(s - 1) && doc.is_word(s - 1) {
        s -= 1;
    }
    s > 0
        && matches!(
            doc.folded(s - 1),
            "de" | "du"
                | "des"
                | "d'"
                | "la"
                | "le"
                | "les"
                | "l'"
                | "a"
                | "au"
                | "aux"
                | "en"
                | "par"
                | "sur"
                | "dans"
                | "pour"
                | "avec"
                | "chez"
        )
}

/// Fewest words of a quotation that gives a reason ("car « … »"): a word or two is a label
/// ("condamné « pour outrage »").
const REASON_WORDS: usize = 3;

/// "Sabrina, 40 ans, a rejoint le mouvement car « c'est un droit … »", "Yves manifeste « pour
/// mes petits-enfants … »": a quotation giving the reason or the purpose of what the person
/// the sentence opens with does is in their words (the press's way with the people it meets).
/// Only after "car", "parce que", "puisque", or a quotation opening on "pour", "car", "parce";
/// not in the passive ("a été condamné car « … »" is someone else's reason), and not with
/// anyone else named between.
/// Whether a (folded) participle says someone is charged or judged ("poursuivi", "accusé").
fn charged(folded: &str) -> bool {
    let stem = folded.trim_end_matches('s').trim_end_matches('e');
    matches!(stem, "poursuivi" | "accus" | "soupconn" | "condamn" | "jug" | "vis" | "inculp")
}

fn reason_subject(doc: &Doc, k: usize, words: usize, entities: &EntityIndex) -> Option<Speaker> {
    if doc.lang != Lang::Fr || words < REASON_WORDS {
        return None;
    }
    let before = doc.folded(k.saturating_sub(1));
    let because = matches!(before, "car" | "puisque" | "puisqu'")
        || matches!(before, "que" | "qu'") && doc.folded(k.saturating_sub(2)) == "parce";
    let opens_reason = matches!(doc.folded(k + 1), "pour" | "car" | "parce");
    // The quotation goes on with the sentence: in lower case, or opening on a name.
    let named_first = doc.tokens.get(k + 1).is_some_and(|t| entities.starting_at(t.start).is_some());
    if !(because || opens_reason) || doc.cap(k + 1) && !named_first {
        return None;
    }
    let sent_start = doc.sentences.get(*doc.sent_of.get(k)?)?.start;
    let passive_or_legal = |j: usize| {
        matches!(
            doc.folded(j),
            "ete"
                | "etait"
                | "sera"
                | "examen"
                | "plainte"
                | "poursuivi"
                | "poursuivie"
                | "condamne"
                | "condamnee"
                | "juge"
                | "jugee"
                | "ecope"
                | "vise"
                | "visee"
                | "decore"
                | "decoree"
                | "recompense"
                | "recompensee"
                | "accuse"
                | "accusee"
                | "soupconne"
                | "soupconnee"
                | "sanctionne"
                | "sanctionnee"
        ) || doc.folded(j) == "fait" && matches!(doc.folded(j.wrapping_sub(1)), "est" | "sont")
            || doc.folded(j) == "prix" && doc.cap(j + 1)
            || doc.folded(j) == "cause" && doc.folded(j.wrapping_sub(1)) == "en"
    };
    if (sent_start..k).any(|j| is_quote_mark(doc.tok(j)) || passive_or_legal(j)) {
        return None;
    }
    let coref::Subject::Person(e) = coref::sentence_subject(doc, sent_start, k, entities) else {
        return None;
    };
    let open_at = doc.tokens.get(k)?.start;
    let end = e.mentions.iter().map(|m| m.end).filter(|&end| end <= open_at).max()?;
    let other = entities.last_person_between(end, open_at, |o, _| o.name != e.name);
    (coref::full_enough(doc, e) && other.is_none()).then(|| Speaker::Named(e.name.clone()))
}

/// Words that may stand between a named subject and the quotation that is its verb
/// phrase: auxiliaries, modal verbs, a negation, adverbs ("X, lui, a « besoin de … »", "X doit
/// « mettre … »", "X, « craint » aussi").
const BEFORE_QUOTED_VERB: [&str; 16] = [
    "a", "avait", "doit", "devait", "veut", "voulait", "peut", "pouvait", "ne", "n'", "se", "s'", "aussi",
    "pourtant", "toujours", "encore",
];

/// The verbs among `BEFORE_QUOTED_VERB`: one of them must come before the quotation.
const QUOTED_VERB_HEADS: [&str; 8] = ["a", "avait", "doit", "devait", "veut", "voulait", "peut", "pouvait"];

/// Most words between a named subject (past its apposition) and the quotation that is its verb.
const QUOTED_VERB_REACH: usize = 3;

/// "X, lui, a « simplement besoin de savoir … »", "Avec la crise, X doit « mettre un rêve entre
/// parenthèses »": a quotation in lower case right after the person the sentence opens with,
/// past an apposition, "lui," and at most an auxiliary, a modal verb, a negation or an adverb,
/// holds that person's own verb: the words are theirs.
fn quoted_predicate(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<Speaker> {
    if doc.lang != Lang::Fr || doc.cap(k + 1) {
        return None;
    }
    let sent_start = doc.sentences.get(*doc.sent_of.get(k)?)?.start;
    let open_at = doc.tokens.get(k)?.start;
    // ("Le Conseil d'État a « constaté … »": an organisation opening the sentence likewise.)
    let e = match coref::sentence_subject(doc, sent_start, k, entities) {
        coref::Subject::Person(e) => e,
        _ => {
            let at = if doc.is_determiner(sent_start) { sent_start + 1 } else { sent_start };
            let (e, _) = doc.tokens.get(at).and_then(|t| entities.starting_at(t.start))?;
            if e.label != Label::Org {
                return None;
            }
            e
        }
    };
    // ("La CGT a « claqué la porte », a raconté un participant", "…, selon une source": the
    // words of whoever the sentence goes on to name.)
    let sent_end = doc.sentences.get(*doc.sent_of.get(k)?)?.end;
    let close = (k + 1..sent_end).find(|&j| is_quote_mark(doc.tok(j)))?;
    let credited = (close + 1..sent_end).any(|j| {
        matches!(doc.folded(j), "selon")
            || doc.folded(j) == "d'" && doc.folded(j + 1) == "apres"
            || doc.tok(j - 1) == ","
                && (GAZ.is_speech_verb(doc.folded(j))
                    || matches!(doc.folded(j), "a" | "ont") && GAZ.is_speech_verb(doc.folded(j + 1)))
    });
    if credited {
        return None;
    }
    let end = e.mentions.iter().map(|m| m.end).filter(|&end| end <= open_at).max()?;
    let mut j = doc.tokens.partition_point(|t| t.start < end);
    // "X, porte-parole du parti, a": past the apposition; "X, lui, a": past the stressed pronoun.
    if doc.tok(j) == "," {
        j = (j + 1..(j + 10).min(k)).find(|&c| doc.tok(c) == ",").map_or(j, |c| c + 1);
    }
    let between = k.checked_sub(j)?;
    // A verb of the subject's stands before: a quotation right after the name is a nickname
    // ("X « le boxeur » s'est exprimé"), and so is one opening on an article.
    let verb_only = between <= QUOTED_VERB_REACH
        && (j..k).all(|w| BEFORE_QUOTED_VERB.contains(&doc.folded(w)))
        && (j..k).any(|w| QUOTED_VERB_HEADS.contains(&doc.folded(w)))
        && !doc.is_determiner(k + 1);
    let other = entities.last_person_between(end, open_at, |o, _| o.name != e.name);
    (verb_only && other.is_none()).then(|| Speaker::Named(e.name.clone()))
}

/// Whether the verb after a subject pronoun, past a negation and object pronouns ("il ne
/// lui a pas dit", "elle s'est dite"), is one of saying.
fn pronoun_verb_speaks(doc: &Doc, mut j: usize) -> bool {
    while matches!(doc.folded(j), "ne" | "n'") || is_object_clitic(doc.folded(j)) {
        j += 1;
    }
    verb_group_at(doc, j).is_some()
}

/// "Selon X, …, une personne … est « … »": a sentence framed as someone's word from its first
/// word, whatever the distance to the quote. A fragment woven into such a sentence ("Selon lui,
/// ces caméras devront être « systématiquement » activées") is the framer's word too, when the
/// framer is a person or a singular pronoun (a label quoted after "Selon le journal," is not).
fn speaker_framed(
    doc: &Doc,
    k: usize,
    words: usize,
    entities: &EntityIndex,
    roles: &[RoleMatch],
) -> Option<Speaker> {
    let sent_start = doc.sent_of.get(k).and_then(|&s| doc.sentences.get(s)).map_or(0, |r| r.start);
    let np = match doc.folded(sent_start) {
        "selon" => sent_start + 1,
        "d'" if doc.folded(sent_start + 1) == "apres" => sent_start + 2,
        _ => return None,
    };
    let framer = phrase_speaker_within(doc, np, k, false, entities)?;
    match framer {
        Speaker::Named(name) if words >= 4 => Some(Speaker::Named(name)),
        // "X a annoncé … . Selon lui, …": the pronoun alone frames the sentence, and stands
        // for the subject the text is about (no guess from other people named before).
        Speaker::Pronoun(g) if doc.lang == Lang::Fr && !doc.cap(k + 1) && doc.tok(np + 1) == "," => {
            let subject = coref::subject_person(doc, k, g, entities, roles)??;
            Some(Speaker::Named(subject.name.clone()))
        }
        // "Selon le ministre de l'Intérieur, elles devront être « systématiquement » activées":
        // the one person the roles give that title.
        Speaker::Description(Kind::Person, described) if doc.lang == Lang::Fr => {
            let folded = crate::text::fold::fold_str(&described);
            match holders_of_role(doc, &folded, roles, entities).as_slice() {
                [one] => Some(Speaker::Named(one.clone())),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The person a relative "qui" at token `qui` is about: named right before it, or before an
/// apposition between commas ("Laurent Wauquiez, président de LR, qui").
fn person_before_relative(
    doc: &Doc,
    qui: usize,
    sent_start: usize,
    entities: &EntityIndex,
) -> Option<String> {
    let end_of = |j: usize| doc.tokens.get(j).map_or(0, |t| t.end);
    // Not a name completing a noun ("le porte-parole de X, qui"): the relative is about the noun.
    let completes = |e: &Entity, j: usize| {
        e.mentions.iter().find(|m| m.end == end_of(j)).is_some_and(|m| {
            let first = doc.tokens.partition_point(|t| t.start < m.start);
            let back = |n: usize| first.checked_sub(n).map_or("", |i| doc.folded(i));
            matches!(
                back(1),
                "de" | "du" | "des" | "d'" | "a" | "au" | "aux" | "par" | "pour" | "avec" | "chez" | "sur"
            ) || doc.is_determiner(first.wrapping_sub(1))
                && matches!(back(2), "de" | "d'" | "a" | "par" | "pour")
                || named_after_noun(doc, first)
        })
    };
    let person_ending =
        |j: usize| entities.ending_at(end_of(j)).filter(|e| e.label == Label::Per && !completes(e, j));
    if let Some(e) = person_ending(qui.checked_sub(1)?) {
        return Some(e.name.clone());
    }
    if doc.tok(qui - 1) != "," {
        return None;
    }
    // "X, président de LR, qui": the person before the apposition; when the apposition ends in
    // another person ("le représentant du comité Adama, Almamy Kanouté, qui"), nobody. "X, qui"
    // alone is left to the other rules: on the held-out French news it named a wrong speaker
    // and no right one.
    let right_before = person_ending(qui.checked_sub(2)?);
    // The comma that opens the apposition, with only words between.
    let before_apposition = (qui.saturating_sub(12).max(sent_start + 1)..qui - 1)
        .rev()
        .take_while(|&j| doc.is_word(j) || doc.elision(j).is_some() || doc.tok(j) == ",")
        .find(|&j| doc.tok(j) == ",")
        .and_then(|open| person_ending(open - 1));
    match (right_before, before_apposition) {
        (Some(a), Some(b)) if a.name != b.name => None,
        (_, b) => b.map(|b| b.name.clone()),
    }
}

/// "Pour X, « … »": the person or organisation the sentence opens with ("Pour Jérémie
/// Zimmermann, «", "Mais pour Obama, «").
fn speaker_pour(doc: &Doc, k: usize, sent_start: usize, entities: &EntityIndex) -> Option<Speaker> {
    let mut p = sent_start;
    if matches!(doc.folded(p), "mais" | "et" | "or" | "ainsi") {
        p += 1;
    }
    if doc.folded(p) != "pour" || p + 1 >= k {
        return None;
    }
    let mut q = p + 1;
    if GAZ.honorifics.contains(doc.folded(q)) || doc.tok(q).len() <= 2 && doc.tok(q + 1) == "." {
        q += if doc.tok(q + 1) == "." { 2 } else { 1 };
    }
    let named = speaker_entity_at(doc, q, entities)
        .or_else(|| speaker_entity_at(doc, p + 1, entities))
        .or_else(|| if doc.is_determiner(q) { speaker_entity_at(doc, q + 1, entities) } else { None })
        // "Pour l'ONG Reporters sans frontières, «": the kind of body before its name.
        .or_else(|| {
            let cue = doc.is_determiner(q) && ORG_NOUNS.contains(&doc.folded(q + 1));
            let body = label_at(doc, q + 2, entities) == Some(Label::Org);
            if cue && body { speaker_entity_at(doc, q + 2, entities) } else { None }
        });
    match named {
        Some((name, end)) => matches!(doc.tok(end), "," | ":").then_some(Speaker::Named(name)),
        None => described_then_named(doc, p + 1, k, entities)
            .or_else(|| person_described_for(doc, p + 1, k, entities)),
    }
}

/// "Pour l'économiste, « … »", "Pour la ministre de la Culture, « … »": a person described
/// right before the comma that opens the quote at `k`, for `resolve_description` to name or
/// leave described.
fn person_described_for(doc: &Doc, from: usize, k: usize, entities: &EntityIndex) -> Option<Speaker> {
    // The description runs to the first comma, right before the quote or framing the rest of
    // the sentence up to it ("Pour le syndicaliste, le projet de budget « … »").
    let comma = (from..k).find(|&j| !(doc.is_word(j) || doc.elision(j).is_some() || doc.tok(j) == "-"))?;
    if doc.tok(comma) != ","
        || (comma + 1..k).any(|j| is_quote_mark(doc.tok(j)))
        || doc.lang != Lang::Fr
        || !doc.is_determiner(from)
        || !is_person_head(doc, from + 1)
    {
        return None;
    }
    phrase_speaker_within(doc, from, comma + 1, false, entities)
        .filter(|sp| matches!(sp, Speaker::Description(Kind::Person, _)))
}

/// "Pour la principale association de défense des locataires, la CNL : «": a description,
/// then after its comma the name, which ends on the colon or comma before the quote at `k`.
fn described_then_named(doc: &Doc, from: usize, k: usize, entities: &EntityIndex) -> Option<Speaker> {
    let comma = (from..k).find(|&j| !(doc.is_word(j) || doc.elision(j).is_some()))?;
    if doc.tok(comma) != "," {
        return None;
    }
    let s = if doc.is_determiner(comma + 1) { comma + 2 } else { comma + 1 };
    let (name, end) = speaker_entity_at(doc, s, entities)?;
    (end + 1 == k && matches!(doc.tok(end), "," | ":")).then_some(Speaker::Named(name))
}

/// English verbs of speaking whose object is the one spoken to ("told Sky News:", "warned the
/// committee:"): the name after them never said the quote.
fn tells(doc: &Doc, verb: usize) -> bool {
    doc.lang == Lang::En
        && matches!(
            doc.folded(verb),
            "told"
                | "tell"
                | "tells"
                | "telling"
                | "warned"
                | "assured"
                | "reminded"
                | "urged"
                | "informed"
                | "briefed"
        )
}

/// English puts the organisation before the person's function: "Ladbrokes spokesman Peter Shaw"
/// and "the Observer's Philip French" name the person, "the Green Party leader" describes
/// someone of the party. For a name at `phrase..after` (tokens) followed by a function word or
/// a possessive: the person named after them, else a description of a person.
fn english_function_after_name(
    doc: &Doc,
    phrase: usize,
    after: usize,
    entities: &EntityIndex,
) -> Option<Speaker> {
    if doc.lang != Lang::En {
        return None;
    }
    let function = |j: usize| function_word(doc, j);
    // "the Observer's": the mark is a token of its own or the end of the name's last one.
    let own_token = matches!(doc.tok(after), "'s" | "’s" | "'" | "’");
    let possessive = own_token || after > 0 && ["'s", "’s"].iter().any(|m| doc.tok(after - 1).ends_with(m));
    let mut h = after + usize::from(own_token);
    while h < after + 4 && function(h) {
        h += 1;
    }
    if h == after && !possessive {
        return None;
    }
    // The person, maybe after more words of the function ("chief executive", "chief economist").
    let person_at = |j: usize| {
        doc.tokens
            .get(j)
            .and_then(|t| entities.starting_at(t.start))
            .filter(|(e, _)| e.label == Label::Per)
            .map(|(e, _)| e.name.clone())
    };
    let more_words = (h..h + 3).take_while(|&j| doc.is_word(j) && !doc.cap(j) && !is_speech(doc, j)).count();
    // "Labour's Mr Livingstone": the honorific is not part of the name.
    let honorifics =
        (h..h + 2).take_while(|&j| GAZ.honorifics.contains(doc.folded(j)) || doc.tok(j) == ".").count();
    if let Some(name) = (h..=h + more_words.max(honorifics)).find_map(person_at) {
        return Some(Speaker::Named(name));
    }
    // A person's name followed by a function is that person ("John Smith, spokesman").
    let named_person = doc
        .tokens
        .get(phrase)
        .and_then(|t| entities.starting_at(t.start))
        .is_some_and(|(e, _)| e.label == Label::Per);
    (!named_person && h > after + usize::from(own_token))
        .then(|| Speaker::Description(Kind::Person, doc.span_text(phrase, h).to_string()))
}

/// The speaker named before the quote opening at `k` (of `words` words): "X a déclaré : «",
/// "selon X, «", "Pour X, «". A quote of one or two words ("des violences «inacceptables»")
/// takes only an attribution right before it: further back, it is more often a label.
fn speaker_before(doc: &Doc, k: usize, words: usize, entities: &EntityIndex) -> Option<Speaker> {
    let sent_start = doc.sent_of.get(k).and_then(|&s| doc.sentences.get(s)).map_or(0, |r| r.start);
    let mut v = k.checked_sub(1)?;
    let colon = doc.tok(v) == ":";
    let short = words < 3;
    if short && !matches!(doc.tok(v), ":" | ",") && !(v.saturating_sub(3)..=v).any(|j| is_speech(doc, j)) {
        return None;
    }
    if matches!(doc.tok(v), ":" | ",") || matches!(doc.folded(v), "que" | "qu'") {
        v = v.checked_sub(1)?;
    }
    // "selon X, «" / "d'après X, «" / "according to X, “"
    for s in (sent_start..=v).rev().take(12) {
        let f = doc.folded(s);
        if f == "selon" || (f == "according" && doc.folded(s + 1) == "to") {
            let np = if f == "according" { s + 2 } else { s + 1 };
            return phrase_speaker_within(doc, np, k, false, entities)
                .or_else(|| noun_phrase(doc, np, entities).map(Speaker::Named));
        }
        if f == "d'" && doc.folded(s + 1) == "apres" {
            return phrase_speaker_within(doc, s + 2, k, false, entities);
        }
    }
    if let Some(sp) = speaker_pour(doc, k, sent_start, entities) {
        return Some(sp);
    }
    // The speech verb, a few words back in the clause: "X told the BBC:", "X a déclaré à la
    // presse :", "X estime, au contraire, que «", "comme le précise l'ambassadeur, X : «".
    let clause: Vec<usize> = (sent_start..=v)
        .rev()
        .take(12)
        .take_while(|&j| doc.is_word(j) || doc.elision(j).is_some() || doc.tok(j) == ",")
        .collect();
    // A speech verb, not a noun after a determiner ("la note").
    // "la note" is a noun; "comme le précise X" a verb after its object pronoun.
    let after_article = |j: usize| {
        j > 0
            && matches!(doc.folded(j - 1), "le" | "la" | "les" | "l'" | "un" | "une" | "des" | "du" | "the")
            && !(j > 1 && doc.folded(j - 2) == "comme")
    };
    // "La ministre balaye : «", "…, l'intéressée balaye : «": any verb between a person's
    // description opening the sentence or following its comma, and the colon.
    let described_then_verb = || {
        let (det, head) = (v.checked_sub(2)?, v - 1);
        let opens = det == sent_start || det > sent_start && doc.tok(det - 1) == ",";
        let described = doc.is_determiner(det)
            && (is_person_head(doc, head) || matches!(doc.folded(head), "interesse" | "interessee"));
        let verb = !doc.cap(v) && doc.is_word(v) && !GAZ.is_stop(doc.folded(v));
        (doc.lang == Lang::Fr && colon && opens && described && verb).then_some(v)
    };
    let verb = clause
        .iter()
        .copied()
        .find(|&j| is_speech(doc, j) && !after_article(j) && !title_in_apposition(doc, j))
        .or_else(described_then_verb)?;
    // A passive ("her comments have been described as", "le projet a été qualifié de"): the
    // subject is what was spoken of, not who spoke.
    if verb > 0 && matches!(doc.folded(verb - 1), "been" | "being" | "is" | "are" | "was" | "were" | "ete") {
        return Some(Speaker::Unknown);
    }
    // "X est poursuivi pour « … »", "est accusé d'« … »": the charge, in the words of the law.
    // ("s'est poursuivi" goes on.)
    let reflexive = verb > 1 && REFLEXIVE.contains(&doc.folded(verb - 2));
    if verb > 0
        && matches!(doc.folded(verb - 1), "est" | "sont" | "etait" | "etaient" | "sera" | "fut")
        && charged(doc.folded(verb))
        && !reflexive
    {
        return Some(Speaker::Unknown);
    }
    if short && k - verb > 4 && !colon {
        return None;
    }
    // A participle without its auxiliary is an adjective or a passive ("la série, qui sera
    // dévoilée le 10 janvier, conserve le thème «"), not the verb of a speaker.
    let raw = doc.tok(verb);
    if ends_like_participle(raw)
        && !(verb.saturating_sub(4)..verb)
            .any(|j| AUX.contains(&doc.folded(j)) && doc.tok(j) != "à" || BE.contains(&doc.folded(j)))
    {
        return None;
    }
    // "… précise l'ambassadeur de France, Bernard Bajolet : «": the name before the colon;
    // not after "told" ("He told Sky News:"), whose object is who heard it.
    if colon && verb < v && !tells(doc, verb) {
        let name_end = doc.tokens.get(v).map_or(0, |t| t.end);
        // Not the complement of a preposition ("qui ajoute sur Twitter :").
        let after_preposition = |e: &Entity| {
            e.mentions.iter().find(|m| m.end == name_end).is_some_and(|m| {
                let first = doc.tokens.partition_point(|t| t.start < m.start);
                let back = |n: usize| first.checked_sub(n).map_or("", |j| doc.folded(j));
                adverbial_preposition(doc, first.wrapping_sub(1))
                    || matches!(back(1), "chez" | "par" | "pour" | "avec")
                    || doc.is_determiner(first.wrapping_sub(1))
                        && adverbial_preposition(doc, first.wrapping_sub(2))
                    // Behind a title after a preposition, with no comma of an apposition ("a
                    // concédé au quotidien X :", "ajoute à l'adresse du président X :", "a dit
                    // à l'encontre de X :"): the one spoken to or of.
                    || back(1) != ","
                        && (verb + 1..first).any(|j| {
                            COMPLEMENT_PREPOSITIONS.contains(&doc.folded(j)) || matches!(doc.tok(j), "à" | "À")
                        })
            })
        };
        if let Some(e) = entities
            .ending_at(name_end)
            .filter(|e| matches!(e.label, Label::Per | Label::Org) && !after_preposition(e))
        {
            return Some(Speaker::Named(e.name.clone()));
        }
    }
    // The subject before the verb group: skip auxiliary (and adverbs between it and the
    // participle: "a pour sa part ajouté"), reflexive pronoun.
    let mut e = verb;
    if let Some(aux) = (verb.saturating_sub(4)..verb).rev().find(|&j| {
        AUX.contains(&doc.folded(j))
            || BE.contains(&doc.folded(j)) && j > 0 && REFLEXIVE.contains(&doc.folded(j - 1))
    }) {
        e = aux;
    }
    if e > 0 && REFLEXIVE.contains(&doc.folded(e - 1)) {
        e -= 1;
    }
    // "X leur a assuré", "X nous a confié" (before a present participle the pronoun is its
    // object: "une lettre à X, lui demandant").
    if e > 0
        && matches!(doc.folded(e - 1), "leur" | "lui" | "nous" | "vous" | "m'" | "me" | "t'" | "te")
        && e - 1 > sent_start
        && !doc.folded(verb).ends_with("ant")
    {
        e -= 1;
    }
    if e <= sent_start {
        return None;
    }
    // "a déclaré Laurent Wauquiez, président de LR, qui précise : «": the person the relative
    // clause is about.
    // Only for the first quote after the verb, and not a label of a word or two ("qui a répondu
    // à un « gilet jaune »").
    if doc.folded(e - 1) == "qui"
        && !short
        && !(verb..k).any(|j| is_quote_mark(doc.tok(j)))
        && let Some(name) = person_before_relative(doc, e - 1, sent_start, entities)
    {
        return Some(Speaker::Named(name));
    }
    // "X a reçu Y, qui explique que « … »": the relative's verb is not the subject's.
    if doc.folded(e - 1) == "qui" && person_between(doc, sent_start, e - 1, entities) {
        return None;
    }
    // "Il a déclaré : «", "She said: “"
    if PERSONAL.contains(&doc.folded(e - 1)) {
        return Some(Speaker::Pronoun(coref::word_gender(doc.folded(e - 1))));
    }
    // "Ils ont déclaré : «": several people, none of them the speaker, unless the sentences
    // before opened with them together ("Claude et Yolande …. Ils prônent une « … »").
    if PLURAL.contains(&doc.folded(e - 1)) {
        let joint =
            (doc.lang == Lang::Fr).then(|| super::joint::joint_before(doc, e - 1, entities)).flatten();
        return Some(joint.map_or(Speaker::Unknown, Speaker::Named));
    }
    // A name right before the verb, or before an apposition closed by a comma ("le ministre
    // des finances, Pierre Moscovici, a ajouté"), or before an incise ("X, jeune berger, se
    // souvient").
    let end_of = |j: usize| doc.tokens.get(j).map_or(0, |t| t.end);
    // The first token of the mention of `en` that ends with token `last`.
    let mention_start = |en: &super::types::Entity, last: usize| {
        let m = en.mentions.iter().find(|m| m.end == end_of(last))?;
        Some(doc.tokens.partition_point(|t| t.start < m.start))
    };
    // A place is a speaker only as the whole subject ("Washington a réagi"), not as the end
    // of one ("la chaîne de l'audiovisuel extérieur de la France a condamné").
    let whole_subject = |en: &super::types::Entity| e - sent_start <= en.name.split_whitespace().count() + 1;
    // A name after "de" completes a noun ("la présidente du Rassemblement national a ajouté").
    let complement = |en: &super::types::Entity| {
        let Some(first) = mention_start(en, e - 1) else { return false };
        let before = |n: usize| first.checked_sub(n).map_or("", |j| doc.folded(j));
        matches!(before(1), "de" | "du" | "des" | "d'")
            || matches!(before(1), "la" | "l'" | "les") && matches!(before(2), "de" | "d'")
    };
    // An organisation that ends a person's description is not the speaker: "Le porte-parole
    // du collectif la Quadrature du Net(,) se félicite" (the description is resolved below).
    let in_person_phrase = |en: &super::types::Entity, last: usize| {
        let Some(first) = mention_start(en, last) else { return false };
        // "Le porte-parole du collectif X", "Alexis Corbière, député La France insoumise,".
        (first.saturating_sub(5).max(sent_start + 1)..first)
            .any(|h| (doc.is_determiner(h - 1) || doc.tok(h - 1) == ",") && is_person_head(doc, h))
    };
    if let Some(en) = entities.ending_at(end_of(e - 1)).filter(|en| {
        en.label != Label::Date
            && (en.label != Label::Loc || whole_subject(en))
            && !complement(en)
            && !(en.label == Label::Org && in_person_phrase(en, e - 1))
    }) {
        return Some(Speaker::Named(en.name.clone()));
    }
    // "Carl Emmerson, from the Institute, told": the organisation a person is from.
    let from_organisation = |en: &super::types::Entity, last: usize| {
        let Some(first) = mention_start(en, last) else { return false };
        let before = |n: usize| first.checked_sub(n).map_or("", |j| doc.folded(j));
        matches!(before(1), "from" | "of" | "at")
            || matches!(before(2), "from" | "of" | "at") && doc.is_determiner(first - 1)
    };
    // "une tribune dans le Journal du Dimanche, appelant à une «": a name a preposition governs
    // is where or to whom, not who speaks; after "de" it completes a noun ("a répondu aux
    // questions du Parisien, assurant que «").
    let governed = |en: &super::types::Entity, last: usize| {
        let Some(first) = mention_start(en, last) else { return false };
        let place = |j: Option<usize>| {
            j.is_some_and(|j| {
                matches!(
                    doc.folded(j),
                    "dans" | "sur" | "chez" | "par" | "avec" | "au" | "aux" | "de" | "du" | "des" | "d'"
                )
            })
        };
        place(first.checked_sub(1))
            || first > 1 && doc.is_determiner(first - 1) && place(first.checked_sub(2))
    };
    // "Ms X, who chairs the Transport Committee, says": a name inside a relative clause is
    // what the clause is about, not the subject.
    let in_relative = |en: &super::types::Entity, last: usize| {
        let Some(first) = mention_start(en, last) else { return false };
        (first.saturating_sub(8).max(sent_start)..first)
            .rev()
            .find(|&j| doc.tok(j) == ",")
            .is_some_and(|c| matches!(doc.folded(c + 1), "who" | "which" | "whose" | "qui" | "dont"))
    };
    // "Jacques Toubon, le Défenseur des droits, avait condamné": the office in apposition is
    // the person's before it.
    if doc.tok(e - 1) == ","
        && let Some(en) = entities.ending_at(end_of(e.saturating_sub(2))).filter(|en| en.label == Label::Org)
        && let Some(first) = mention_start(en, e.saturating_sub(2))
        && let Some(comma) = first.checked_sub(if doc.is_determiner(first.wrapping_sub(1)) { 2 } else { 1 })
        && doc.tok(comma) == ","
        && let Some(person) =
            entities.ending_at(end_of(comma.wrapping_sub(1))).filter(|p| p.label == Label::Per)
    {
        return Some(Speaker::Named(person.name.clone()));
    }
    if doc.tok(e - 1) == ","
        && let Some(en) = entities.ending_at(end_of(e.saturating_sub(2))).filter(|en| {
            (en.label == Label::Per
                || en.label == Label::Org
                    && !in_person_phrase(en, e.saturating_sub(2))
                    && !from_organisation(en, e.saturating_sub(2)))
                && !governed(en, e.saturating_sub(2))
                && !in_relative(en, e.saturating_sub(2))
        })
    {
        return Some(Speaker::Named(en.name.clone()));
    }
    // "Sébastien Chenu, député Rassemblement national, a dénoncé": the person before the
    // apposition that ends in their party.
    if doc.tok(e - 1) == ","
        && let Some(c) = (e.saturating_sub(if doc.lang == Lang::En { 12 } else { 8 }).max(sent_start + 1)
            ..e - 1)
            .rev()
            .find(|&c| {
                doc.tok(c) == ","
                    && (is_person_head(doc, c + 1)
                    || doc.lang == Lang::En && matches!(doc.folded(c + 1), "from" | "of" | "at")
                    // "X, the most recent female MP to be elected, said", "X, who chairs …,".
                    || doc.lang == Lang::En
                        && (matches!(doc.folded(c + 1), "who" | "whose")
                            || doc.folded(c + 1) == "the"
                                && (c + 2..(c + 6).min(e)).any(|h| is_person_head(doc, h))))
            })
        && let Some(en) = entities.ending_at(end_of(c - 1)).filter(|en| en.label == Label::Per)
    {
        return Some(Speaker::Named(en.name.clone()));
    }
    // The subject opening the sentence: "Le documentaire d'Al Jazeera, réalisé …, précise :",
    // "Akli Gasmi, jeune berger …, se souvient :"; never inside a quote before ("« Le silence
    // n'est pas acceptable », s'est alarmé …").
    // (Past a section label in capitals: "LE SCAN POLITIQUE - L'ancienne ministre … estime".)
    let labelled = after_link_label(doc, sent_start, e);
    let mut s = end_of_quote_begun_before(doc, labelled, e);
    while s < e
        && doc.common_capitalised(s)
        && !doc.is_determiner(s)
        && !PERSONAL.contains(&doc.folded(s))
        && !doc.cap(s + 1)
    {
        s += 1;
    }
    // An adverbial before the subject ("De son côté, le négociateur a appelé") is skipped:
    // a comma followed by a determiner or a name starts the subject.
    for _ in 0..3 {
        let Some(comma) = (s..e).find(|&j| doc.tok(j) == ",") else { break };
        // ("Dans les commentaires, certains internautes saluent « … »".)
        let quantifier = matches!(
            doc.folded(comma + 1),
            "certains" | "certaines" | "plusieurs" | "quelques" | "nombre" | "beaucoup" | "tous" | "toutes"
        );
        let next_is_subject = doc.is_determiner(comma + 1)
            || quantifier
            || doc.tokens.get(comma + 1).is_some_and(|t| entities.starting_at(t.start).is_some());
        if !next_is_subject || comma + 1 >= e || is_noun_phrase_start(doc, s, entities) {
            break;
        }
        s = comma + 1;
    }
    // "He said the man shouted: «": a verb of saying with a subject of its own after the
    // sentence's pronoun is that subject's, whom the text leaves unnamed.
    let own_subject = e > s + 2 && doc.is_determiner(e - 2) && doc.is_word(e - 1) && !doc.cap(e - 1);
    if own_subject && PERSONAL.contains(&doc.folded(s)) {
        return None;
    }
    // "Elle a rencontré le préfet, qui a répondu(,) dénonçant «": a participle in, or right
    // after, a relative clause is that clause's, not the subject's.
    let segment = |to: usize| (s..to).rev().find(|&j| doc.tok(j) == ",").map(|c| c + 1);
    let relative = |j: Option<usize>| j.is_some_and(|j| RELATIVE_WORDS.contains(&doc.folded(j)));
    if doc.folded(verb).ends_with("ant")
        && (relative(segment(verb)) || verb > 0 && doc.tok(verb - 1) == "," && relative(segment(verb - 1)))
    {
        return None;
    }
    // A headline after a link label ("» LIRE AUSSI - Pancartes, tags, slogans : ce que disent
    // …") is spoken by a person or a body only.
    let someone = |name: &str| {
        entities.entities.iter().any(|x| x.name == name && matches!(x.label, Label::Per | Label::Org))
    };
    phrase_speaker_within(doc, s, e, true, entities)
        .filter(|sp| labelled == sent_start || !matches!(sp, Speaker::Named(n) if !someone(n)))
}

/// Test access to private helpers of this module.
#[cfg(test)]
pub(super) mod tests_support {
    pub fn infinitive_is_speech(verb: &str) -> bool {
        super::infinitive_of_speech(verb)
    }

    pub fn plausible_speaker(s: &str) -> bool {
        super::plausible_speaker(s)
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::{Options, extract};

    pub(super) fn speakers(text: &str) -> Vec<Option<String>> {
        extract(text, &Options::default()).quotes.into_iter().map(|q| q.speaker).collect()
    }

    fn one(name: &str) -> Vec<Option<String>> {
        vec![Some(name.to_string())]
    }

    /// A name inside a relative clause between the subject and the verb is not the speaker;
    /// the person before it is ("Ms X, who chairs the Y Committee, says:").
    #[test]
    fn a_name_in_a_relative_clause_is_not_the_speaker() {
        let text = "In a column, Ms Joan Harwell, who chairs the Rail Safety Committee, says: \"Slower trains save lives.\"";
        assert_eq!(speakers(text), one("Joan Harwell"));
        let text = "La ministre, qui a reçu la direction de Vortex, a lancé : « Nous ne céderons rien. »";
        assert_ne!(speakers(text), one("Vortex"));
    }

    /// fr-speakers3: after a quote and its comma, a verb with its subject pronoun behind it is
    /// the incise whatever the verb, also behind an object or reflexive pronoun.
    #[test]
    fn any_inverted_verb_after_a_quote_is_the_incise() {
        for verb in ["balaie-t-il", "s'agite-t-il", "avait-il cru bon de répondre"] {
            let text = format!("Paul Durand a visité l'usine. « Nous n'irons pas plus loin », {verb}.");
            assert_eq!(speakers(&text), one("Paul Durand"), "{verb}");
        }
        let text =
            "Le juge Paul Durand écoute. « Pourquoi ne pas partir ? » lui suggère le juge Paul Durand.";
        assert_eq!(speakers(text), one("Paul Durand"));
        // Said by nobody named: not the speaker of the quote before.
        let text = "« Nous partirons demain », a dit Paul Durand. « On y arrivera », veut-on croire.";
        assert_eq!(speakers(text), vec![Some("Paul Durand".to_string()), None]);
    }

    /// fr-speakers3: a pronoun after a quote stands for the subject of the sentence before,
    /// past a leading adverbial, and past sentences whose subject is the same pronoun; never
    /// for a person those sentences name otherwise, nor for a subject when someone else is
    /// named after it.
    #[test]
    fn a_pronoun_is_the_subject_of_the_sentence_before() {
        let s = speakers(
            "Comme Jean Martin mardi, Paul Durand a réaffirmé sa position. « Nous ne céderons pas », a-t-il répété.",
        );
        assert_eq!(s, one("Paul Durand"));
        let s = speakers(
            "Paul Durand répond aux questions. Il veille à ne pas citer Jean Martin. « Je ne débattrai pas avec lui », se défend-il.",
        );
        assert_eq!(s, one("Paul Durand"));
        let s = speakers(
            "Il répond aux questions. Il veille à ne pas citer Jean Martin. « Je ne débattrai pas », se défend-il.",
        );
        assert_eq!(s, vec![None]);
        let s = speakers(
            "Paul Durand a annoncé une réforme, a rapporté Jean Martin. « C'est une étape », a-t-il déclaré.",
        );
        assert_eq!(s, vec![None]);
    }

    /// fr-speakers3: a sentence ending in a colon before a quotation gives it to the person it
    /// opens with, whatever its verb; not when it names someone else before the colon.
    #[test]
    fn a_colon_gives_the_quote_to_the_subject() {
        let s = speakers(
            "Marie Lambert est revenue mardi sur la grève, dont elle rend responsable la direction : « Nous ne pouvons pas accepter ces conditions. »",
        );
        assert_eq!(s, one("Marie Lambert"));
        assert_eq!(
            speakers("Paul Durand : « Nous ne pouvons pas accepter ces conditions »"),
            one("Paul Durand")
        );
        let s = speakers(
            "Marie Lambert a reçu Paul Durand pour évoquer la grève : « Nous ne pouvons pas accepter ces conditions. »",
        );
        assert_eq!(s, vec![None]);
    }

    /// fr-speakers3: short labels quoted inside an attribution do not end the speaker's turn.
    #[test]
    fn labels_inside_an_attribution_keep_the_speaker() {
        let s = speakers(
            "« Nous irons jusqu'au bout », explique Paul Durand, « porte-parole » des « riverains », à la radio. « Personne ne nous fera reculer. »",
        );
        assert_eq!(s, vec![Some("Paul Durand".to_string()); 2]);
    }

    /// fr-speakers3: a quotation pulled out with its speaker and given again in the text has
    /// that speaker in both places.
    #[test]
    fn a_repeated_quotation_has_one_speaker() {
        let s = speakers(
            "La grève continue.\n« Personne ne nous fera reculer dans ce quartier »\nMarie Lambert, porte-parole des riverains\nLe maire Paul Durand a reçu les habitants mardi. La réunion a duré deux heures. « Personne ne nous fera reculer dans ce quartier »\nLes habitants attendent.",
        );
        assert_eq!(s, vec![Some("Marie Lambert".to_string()); 2]);
    }

    /// fr-speakers3: a subject followed by a speech verb reports the words quoted later in its
    /// sentence, unless a clause of the writer's comes between; the subject of a sentence is
    /// not the speaker of a relative clause about someone else.
    #[test]
    fn the_subject_of_a_speech_verb_speaks_further_on() {
        let s = speakers(
            "Paul Durand explique avoir d'abord frappé la main de l'homme lors de l'interpellation, « pour lui faire lâcher le couteau ».",
        );
        assert_eq!(s, one("Paul Durand"));
        let s = speakers(
            "Marie Lambert a dit espérer une issue rapide, car l'objectif de la commune reste « la paix dans le quartier ».",
        );
        assert_eq!(s, vec![None]);
        let s = speakers(
            "Paul Durand a reçu Marie Lambert, qui explique que la commune restera « ouverte à tous les habitants ».",
        );
        assert!(s != one("Paul Durand"), "{s:?}");
    }

    /// fr-speakers3: quotations opening a sentence and joined to the next, the last attributed
    /// by an incise, are all that speaker's; not a label the sentence quotes after its own verb.
    #[test]
    fn joined_quotations_share_the_incise_after_the_last() {
        let s = speakers(
            "« Nous irons jusqu'au bout », et « au regard » de la situation, « nous resterons calmes », a déclaré Paul Durand.",
        );
        assert_eq!(s, vec![Some("Paul Durand".to_string()); 3]);
        let s = speakers(
            "Le texte parle de « crise grave », et « nous resterons calmes », a déclaré Paul Durand.",
        );
        assert_eq!(s, one("Paul Durand"));
    }

    /// fr-speakers3: a headline gives the words after a name and a colon to that person.
    #[test]
    fn a_headline_name_and_colon_give_the_speaker() {
        let s = speakers(
            "La grève continue.\n» LIRE AUSSI - Paul Durand : « Nous ne céderons rien sur ce dossier »\nLe conseil a voté.",
        );
        assert_eq!(s, one("Paul Durand"));
    }

    /// fr-speakers3: a description naming an office ("le procureur") is not a person the text
    /// gave another office ("le président Paul Durand").
    #[test]
    fn an_office_is_not_held_by_someone_given_another() {
        let s = speakers(
            "Le président Paul Durand écoute le prévenu. « Manifester est un droit », lui rappelle le président Paul Durand. Le procureur lui rappelle qu'« il n'y a pas de légitime défense dans ce cas ».",
        );
        assert_eq!(s, vec![Some("Paul Durand".to_string()), None]);
    }

    /// fr-speakers3: verbs that introduce words sung or begged ("a prié", "entonne").
    #[test]
    fn praying_and_singing_are_speech() {
        for verb in ["avait prié", "entonne", "chantait", "a étrillé"] {
            let text = format!("« Restez avec nous jusqu'au bout », {verb} Paul Durand.");
            assert_eq!(speakers(&text), one("Paul Durand"), "{verb}");
        }
    }

    #[test]
    fn a_linking_adverb_between_auxiliary_and_participle() {
        for verb in ["a ainsi indiqué", "avait cependant prévenu", "a néanmoins expliqué"] {
            let text = format!("« Nous ne lâcherons rien sur ce dossier », {verb} Pierre Durand.");
            assert_eq!(speakers(&text), one("Pierre Durand"), "{verb}");
        }
        let s = speakers(
            "Marie Lambert a parlé mardi. « Nous ne lâcherons rien sur ce dossier », a-t-elle ainsi expliqué.",
        );
        assert_eq!(s, one("Marie Lambert"));
    }

    #[test]
    fn an_object_after_the_verb_is_no_unnamed_speaker() {
        // "a regretté une annonce": the verb's object; the pronoun after still stands for her.
        let s = speakers(
            "Marie Lambert a parlé mardi. Invitée de l'émission « Le Grand Rendez-vous du soir », elle a \
             néanmoins regretté une annonce tardive. « Cela nous aurait permis des économies », a-t-elle jugé.",
        );
        assert_eq!(s.last(), Some(&Some("Marie Lambert".to_string())));
        // "une source proche du dossier" spoke: the pronoun after may stand for it, not for her.
        let s = speakers(
            "Marie Lambert a parlé mardi. « Nous partirons demain matin », a indiqué une source proche du \
             dossier. « Ce sera avant midi », a-t-elle ajouté.",
        );
        assert_eq!(s.last(), Some(&None));
    }

    #[test]
    fn attribution_after_the_quote_with_many_verbs() {
        for verb in [
            "a réagi",
            "a énuméré",
            "a suggéré",
            "a défendu",
            "dira",
            "martèle",
            "s'exclame",
            "avoue",
            "a comparé",
        ] {
            let text = format!("« Nous ne lâcherons rien sur ce dossier », {verb} Pierre Durand.");
            assert_eq!(speakers(&text), one("Pierre Durand"), "{verb}");
        }
    }

    #[test]
    fn attribution_inside_the_quote_keeps_it_whole() {
        let f = extract(
            "« Ce vote, s'exclame Pierre Durand, est une victoire pour tous les salariés ».",
            &Options::default(),
        );
        assert_eq!(f.quotes.len(), 1, "{:?}", f.quotes);
        assert_eq!(f.quotes[0].speaker.as_deref(), Some("Pierre Durand"));
    }

    #[test]
    fn adverbials_between_verb_and_speaker() {
        assert_eq!(
            speakers("« Rien ne sera plus comme avant », a déclaré dimanche soir à l'AFP Pierre Durand."),
            one("Pierre Durand")
        );
        assert_eq!(
            speakers("« Nous attendons des actes concrets », a écrit sur Twitter la députée Marie Lambert."),
            one("Marie Lambert")
        );
    }

    #[test]
    fn pronouns_follow_gender_and_paragraphs() {
        // "elle" cannot be the man named last.
        assert_eq!(
            speakers(
                "Marie Lambert a reçu Pierre Durand à Lyon. « Nous avons beaucoup travaillé », \
                 avoue-t-elle."
            ),
            one("Marie Lambert")
        );
        // Two paragraphs back: too far.
        assert_eq!(
            speakers(
                "Pierre Durand est arrivé lundi.\n\nLe conseil a voté.\n\nLa séance a duré longtemps. \
                 « Nous avons beaucoup travaillé », a-t-il précisé."
            ),
            vec![None]
        );
        // "selon lequel": the person just named.
        assert_eq!(
            speakers(
                "Il faut citer Pierre Durand, ministre de l'Économie, selon lequel ces troubles \
                 représentent « une catastrophe pour notre économie »."
            ),
            one("Pierre Durand")
        );
    }

    #[test]
    fn a_person_described_by_an_organisation_is_the_person() {
        assert_eq!(
            speakers(
                "« Nous ne céderons pas », a déclaré Pierre Durand, porte-parole de l'organisation \
                 Greenpeace."
            ),
            one("Pierre Durand")
        );
        let s = speakers(
            "Marie Lambert préside le parti depuis 2011. « Il ne faut pas s'en prendre aux journalistes », \
             a ajouté la présidente du Rassemblement national.",
        );
        assert_eq!(s, one("Marie Lambert"));
    }

    #[test]
    fn a_member_s_letters_make_an_apposition_and_the_name_before_it_speaks() {
        let s = speakers(
            "Women MPs faced taunts.\nLiberal Democrat Sarah Teather, the most recent female MP to be \
             elected, told researchers: \"Lots of people say it is like an old boys club.\"",
        );
        assert_eq!(s, [Some("Sarah Teather".to_string())]);
    }

    #[test]
    fn an_english_incise_with_its_comma_inside_the_quote_lets_the_next_quote_go_on() {
        let s = speakers(
            "The pair worked together. \"Jose is doing very well at the moment,\" Robson added of the man \
             who worked for him. \"He has got one pot and two to follow.\"",
        );
        assert_eq!(s, [Some("Robson".to_string()), Some("Robson".to_string())]);
        // An incise splitting a sentence: the words after it, in lower case, go on.
        let s = speakers(
            "Firms are ready. \"Most firms have secured their gateway,\" said Mr Warner, \"but the irony is \
             that most of them let malicious content through.\"",
        );
        assert_eq!(s, [Some("Warner".to_string()), Some("Warner".to_string())]);
    }

    #[test]
    fn several_unnamed_speakers_are_not_who_a_later_il_stands_for() {
        let s = speakers(
            "« Il faut être vigilants » alerte Jean Dupont. Des sites seront contactés pour qu'ils \
             rappellent les « produits déjà vendus ». Des articles « ont été saisis en 2018 » rappelle-t-il.",
        );
        assert_eq!(s.last().cloned().flatten().as_deref(), Some("Jean Dupont"), "{s:?}");
    }

    #[test]
    fn an_organisation_ending_a_person_s_description_is_not_the_speaker() {
        let s = speakers(
            "Pour Jean Dupont, « Ceci est une victoire ! » Le porte-parole de la Ligue des \
             droits de l'homme, se félicite que « le texte a permis un débat ».",
        );
        assert!(!s.iter().any(|x| x.as_deref().is_some_and(|n| n.contains("Ligue"))), "{s:?}");
        let s = speakers(
            "Pour Jean Dupont, « Ceci est une victoire ! » Le porte-parole du collectif la Ligue des \
             droits de l'homme se félicite que « le texte a permis un débat ».",
        );
        assert!(!s.iter().any(|x| x.as_deref().is_some_and(|n| n.contains("Ligue"))), "{s:?}");
        // The organisation itself as the subject still speaks.
        assert_eq!(
            speakers("La Ligue des droits de l'homme, elle, a déclaré : « Le texte a permis un débat »."),
            one("Ligue des droits de l'homme")
        );
    }

    #[test]
    fn the_medium_is_not_the_speaker() {
        let f = extract(
            "« La situation est très différente selon les régions », a expliqué à l'AFP Pierre Durand.",
            &Options::default(),
        );
        assert_eq!(f.quotes[0].speaker.as_deref(), Some("Pierre Durand"));
        assert!(f.sources.iter().any(|s| s == "AFP"), "{:?}", f.sources);
    }

    #[test]
    fn labels_quoted_twice_have_no_speaker() {
        let s = speakers(
            "Les « gilets jaunes » manifestent. Le ministre a dénoncé samedi les « gilets jaunes » violents.",
        );
        assert!(s.iter().all(Option::is_none), "{s:?}");
    }

    #[test]
    fn people_sharing_a_surname_are_not_confused() {
        let s = speakers(
            "Marine Le Pen et Jean-Marie Le Pen étaient présents. « Nous gagnerons les élections », a \
             déclaré Le Pen.",
        );
        assert_ne!(s, one("Marine Le Pen"));
        assert_ne!(s, one("Jean-Marie Le Pen"));
    }

    #[test]
    fn english_attributions_still_work() {
        assert_eq!(speakers("\"We will not give up on this,\" said Tony Blair."), one("Tony Blair"));
        assert_eq!(
            speakers("Mary Smith met John Brown on Monday. \"We worked hard for this,\" she said."),
            one("Mary Smith")
        );
    }
}

#[cfg(test)]
mod tests_descriptions {
    use super::tests::speakers;

    #[test]
    fn an_english_title_brought_in_unnamed_is_read_by_its_noun() {
        let text = "A spokesman said it was safe. It means a Tory government. \"No,\" said the x.";
        let doc = super::Doc::new(text, Some(super::Lang::En));
        let open = doc.len() - 1;
        assert!(super::introduced_unnamed(&doc, open, "the spokesman"));
        // "a Tory government" brings in no "Tory co-chairman".
        assert!(!super::introduced_unnamed(&doc, open, "The Tory co-chairman"));
    }

    #[test]
    fn an_indefinite_description_is_someone_unnamed_not_the_one_named_before() {
        use super::super::types::{Mention, Origin};
        let text = "Bass player Tom Reed was taken ill. A band spokesman said: \"He is resting.\"";
        let doc = super::Doc::new(text, Some(super::Lang::En));
        let start = text.find("Tom Reed").unwrap_or(0);
        let mention = Mention { start, end: start + 8, text: "Tom Reed".into(), origin: Origin::Model };
        let people =
            [super::Entity { label: super::Label::Per, name: "Tom Reed".into(), mentions: vec![mention] }];
        let index = super::EntityIndex::new(&people);
        let open = (0..doc.len()).find(|&k| doc.tok(k) == "\"").unwrap_or(0);
        let got = super::resolve_description(
            &doc,
            open,
            super::Kind::Person,
            "A band spokesman".into(),
            &index,
            &[],
            false,
        );
        assert!(matches!(got, Ok(Some(ref s)) if s == "a band spokesman"), "{:?}", got.ok());
    }

    #[test]
    fn a_description_takes_the_gender_of_its_noun() {
        assert_eq!(
            speakers(
                "Marie Lambert a rencontré Pierre Durand mardi. « J'ai décidé de me retirer de ce débat », \
                 a déclaré l'ancienne ministre."
            ),
            vec![Some("Marie Lambert".to_string())]
        );
        // The person a relational noun ties the speaker to is not the speaker.
        let s = speakers(
            "« Il me semble que tout reste possible pour la suite », glissait un proche de Pierre Durand.",
        );
        assert_eq!(s, vec![None]);
    }

    #[test]
    fn a_pulled_out_quote_is_said_by_the_name_under_it() {
        let s = speakers(
            "La réunion a duré trois heures.\n« Nous ne céderons rien sur les salaires »\nMarc Lefort, \
             secrétaire général du syndicat\nLa grève continue.",
        );
        assert_eq!(s, vec![Some("Marc Lefort".to_string())]);
        // The next paragraph is a sentence of the text, not a caption: no speaker from it.
        let s = speakers(
            "La réunion a duré trois heures.\n« Nous ne céderons rien sur les salaires »\nMarc Lefort, \
             secrétaire général du syndicat, a quitté la salle.",
        );
        assert_eq!(s, vec![None]);
    }

    #[test]
    fn a_title_stands_for_the_person_the_text_gave_it() {
        // Pierre Durand, named last, is not the prosecutor; Marc Lefort was given that title.
        let s = speakers(
            "« Les faits sont graves », a indiqué Marc Lefort, procureur de la République à Toulon. \
             Le policier Pierre Durand conteste les faits. Il a été entendu mardi. Il sera jugé en \
             mars. Son avocat demande du temps. Le dossier est lourd. La ville attend. Les images ont \
             circulé. Pierre Durand est connu des manifestants, selon le procureur, qui ajoute que \
             « certains s'en sont pris violemment à lui ».",
        );
        assert_eq!(s.last(), Some(&Some("Marc Lefort".to_string())));
        // Two people given the title: nobody.
        let s = speakers(
            "Marc Lefort, ministre du Travail, a rencontré Jean Morel, ministre de la Santé. « Les \
             négociations avancent bien », a indiqué le ministre.",
        );
        assert_eq!(s, vec![None]);
    }

    #[test]
    fn an_untagged_name_after_the_verb() {
        let s = speakers(
            "« Des milliers de clients ont déjà payé leur passage », a également déclaré Minci Autoroutes.",
        );
        assert_eq!(s, vec![Some("Minci Autoroutes".to_string())]);
    }
}

#[cfg(test)]
mod tests_unnamed {
    use super::tests::speakers;

    #[test]
    fn a_pronoun_after_an_unnamed_speaker_is_not_the_person_named_before() {
        let s = speakers(
            "Le concert de Pierre Durand a été interrompu, a indiqué un porte-parole de la police. Il \
             semble que l'incendie ait été provoqué « par un objet lancé depuis les gradins » a-t-il précisé.",
        );
        assert_eq!(s, vec![None]);
    }
}

#[cfg(test)]
mod tests_organisations {
    use super::tests::speakers;

    #[test]
    fn a_pronoun_stands_for_the_organisation_its_sentence_is_about() {
        let s = speakers(
            "Jacky Martin a conseillé au boxeur de se rendre. Pour sa part, Greenpeace « a pris \
             connaissance des faits avec consternation », indique-t-elle dans un communiqué.",
        );
        assert_eq!(s, vec![Some("Greenpeace".to_string())]);
    }
}

#[cfg(test)]
mod tests_precision {
    use super::tests::speakers;

    #[test]
    fn a_function_with_a_complement_then_the_name_is_that_person() {
        let s = speakers(
            "Pierre Durand a été placé sous contrôle judiciaire. « Il a donné des lieux de rendez-vous », \
             a déclaré le secrétaire d'État à l'Intérieur, Marc Lefort.",
        );
        assert_eq!(s, vec![Some("Marc Lefort".to_string())]);
    }

    #[test]
    fn a_name_after_an_organisation_cue_is_not_the_speaker() {
        let s = speakers(
            "« Nous ne laisserons pas la place aux extrêmes », explique le représentant du comité Adama, \
             Pierre Durand.",
        );
        assert_eq!(s, vec![Some("Pierre Durand".to_string())]);
    }

    #[test]
    fn a_pronoun_after_an_organisation_the_sentence_opens_with_is_not_a_person() {
        let s = speakers(
            "Jacky Martin a conseillé au boxeur de se rendre. Pour sa part, la Fédération nationale des \
             sports de combat « a pris connaissance des faits avec consternation », indique-t-elle.",
        );
        assert!(!s.contains(&Some("Jacky Martin".to_string())), "{s:?}");
    }

    #[test]
    fn plural_pronouns_name_nobody() {
        for text in [
            "Pierre Durand a reçu les grévistes. « Nous ne céderons pas », ont-ils déclaré.",
            "Pierre Durand a reçu les grévistes. « Nous ne céderons pas », ils ont ajouté.",
            "Pierre Durand a reçu les grévistes. Ils ont déclaré : « Nous ne céderons pas ».",
        ] {
            assert_eq!(speakers(text), vec![None], "{text}");
        }
    }

    #[test]
    fn a_person_s_party_in_apposition_is_not_the_speaker() {
        let s = speakers(
            "Plus tôt, Alexis Corbière, député La France insoumise, a appelé le gouvernement à « revenir \
             aux urnes sans attendre ».",
        );
        assert_eq!(s, vec![Some("Alexis Corbière".to_string())]);
    }
}

#[cfg(test)]
mod tests_works {
    use super::tests::speakers;

    #[test]
    fn a_work_speaks_for_its_author() {
        let s = speakers(
            "Le documentaire d'Al Jazeera, réalisé après neuf mois d'enquête, précise : « Nous avons \
             trouvé un niveau significatif de polonium ».",
        );
        assert_eq!(s, vec![Some("Al Jazeera".to_string())]);
    }

    #[test]
    fn adverbs_of_manner_between_the_verb_and_the_speaker() {
        let s = speakers(
            "« Les gènes des papillons ont été endommagés », conclut tout simplement Pierre Durand.",
        );
        assert_eq!(s, vec![Some("Pierre Durand".to_string())]);
    }
}

#[cfg(test)]
mod tests_nobody {
    use super::tests::speakers;

    #[test]
    fn on_and_unnamed_members_are_nobody() {
        let s = speakers(
            "« L'Arc rouvrira demain », a tweeté Pierre Durand. « Le Centre pourra rouvrir l'arc », \
             a-t-on précisé rue de Valois.",
        );
        assert_eq!(s, vec![Some("Pierre Durand".to_string()), None]);
        let s = speakers("« Nous pouvons déceler les mêmes problèmes partout », indique un cadre LFI.");
        assert_eq!(s, vec![None]);
    }

    #[test]
    fn a_medium_after_a_preposition_is_not_the_speaker() {
        let s = speakers(
            "« Le silence n'est pas acceptable », s'est alarmée la porte-parole du parti, Lydia Guirons, \
             qui ajoute sur Twitter : « Depuis des années, rien n'a changé ».",
        );
        assert!(!s.contains(&Some("Twitter".to_string())), "{s:?}");
    }

    #[test]
    fn a_relative_clause_speaks_for_the_person_before_it() {
        let s = speakers(
            "« Il est de notre devoir d'être là », a déclaré samedi Laurent Wauquiez, président de LR, qui \
             précise : « C'est la France qui travaille qui est dans la rue ».",
        );
        assert_eq!(s, vec![Some("Laurent Wauquiez".to_string()), Some("Laurent Wauquiez".to_string())]);
    }

    #[test]
    fn a_relative_clause_after_a_name_completing_a_noun() {
        // A name completing a noun is not who the relative is about.
        let s = speakers(
            "« Je pars », déclare l'ancienne ministre de Pierre Durand, qui estime que « la situation est grave ».",
        );
        assert_ne!(s.get(1), Some(&Some("Pierre Durand".to_string())), "{s:?}");
    }

    #[test]
    fn an_adverbial_is_no_speaker() {
        let s = speakers(
            "Au total, seize personnes ont été interpellées pour « outrage à agent et jets de projectiles ».",
        );
        assert_eq!(s, vec![None]);
    }
}
