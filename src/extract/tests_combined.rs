//! Rules + tagger: the general corrections of the tagger and the merge policy.

use super::*;

fn ents(f: &Facts) -> Vec<(String, Label)> {
    f.entities.iter().flat_map(|e| e.mentions.iter().map(move |m| (m.text.clone(), e.label))).collect()
}

#[test]
fn rules_only_mode_still_available() {
    let text = "Le ministre de la Sécurité a rencontré le président à Bamako.";
    let f = extract_by(text, &Options::default(), Extractor::Rules);
    assert!(f.entities.iter().all(|e| e.mentions.iter().all(|m| m.origin != Origin::Model)));
    let f = extract(text, &Options::default());
    let e = ents(&f);
    assert!(e.contains(&("Bamako".into(), Label::Loc)), "{e:?}");
    assert!(!e.iter().any(|(t, _)| t == "Sécurité"), "{e:?}");
}

#[test]
fn coup_d_etat_and_role_words_are_not_entities() {
    let text = "Depuis le coup d'Etat de 2021, le ministre de la Défense et des Anciens combattants \
                Sadio Camara dirige l'armée. Le chef d'État a salué l'Accord.";
    let f = extract(text, &Options::default());
    let e = ents(&f);
    assert!(!e.iter().any(|(t, _)| t == "Etat" || t == "État" || t == "Défense"), "{e:?}");
    assert!(e.contains(&("Sadio Camara".into(), Label::Per)), "{e:?}");
    let f = extract(
        "Maternity leave should be in Labour's manifesto, the Trade and Industry Secretary has said. \
         The Defence Secretary and the Foreign Secretary met in London.",
        &Options::default(),
    );
    let e = ents(&f);
    assert!(!e.iter().any(|(t, _)| t.ends_with("Secretary")), "roles, not names: {e:?}");
    assert!(e.contains(&("London".into(), Label::Loc)), "{e:?}");
}

#[test]
fn organisation_cues_and_gazetteer_beat_the_tagger() {
    let f = extract(
        "Les mercenaires de l'organisation Wagner sont arrivés. L'Agence Ecofin cite Time Warner Inc.",
        &Options::default(),
    );
    let e = ents(&f);
    assert!(e.contains(&("Wagner".into(), Label::Org)), "{e:?}");
    assert!(e.contains(&("Agence Ecofin".into(), Label::Org)), "{e:?}");
    assert!(!e.iter().any(|(t, l)| t.starts_with("Time Warner") && *l == Label::Per), "{e:?}");
}

#[test]
fn one_label_per_name_in_a_document() {
    let text = "Bamako est calme. Les habitants de Bamako attendent. Bamako a accueilli le sommet. \
                À Bamako, la vie continue.";
    let f = extract(text, &Options::default());
    let labels: Vec<Label> = f
        .entities
        .iter()
        .filter(|e| e.mentions.iter().any(|m| m.text == "Bamako"))
        .map(|e| e.label)
        .collect();
    assert_eq!(labels, vec![Label::Loc], "{:?}", ents(&f));
}

#[test]
fn titles_stay_out_of_person_spans() {
    let f = extract("M. Jean Dupont et le président Emmanuel Macron sont à Paris.", &Options::default());
    let e = ents(&f);
    assert!(e.contains(&("Jean Dupont".into(), Label::Per)), "{e:?}");
    assert!(e.contains(&("Emmanuel Macron".into(), Label::Per)), "{e:?}");
    // In English "M." is an initial.
    let f = extract("M. Waugh scored 80 runs for Australia in Sydney.", &Options::default());
    assert!(ents(&f).iter().any(|(t, l)| t == "M. Waugh" && *l == Label::Per), "{:?}", ents(&f));
}

#[test]
fn eval_run_reports() {
    let data = "-DOCSTART-\tO\n\n0\tTony\tB-PER\n1\tBlair\tI-PER\n2\tvisited\tO\n3\tParis\tB-LOC\n4\t.\tO\n";
    let r = eval::run(data, eval::Format::Conll, Some(Lang::En));
    assert_eq!(r.docs, 1);
    assert_eq!(r.tokens, 5);
    assert_eq!(r.per_label.len(), 2);
    assert!(r.overall.f1() > 0.99, "{}", r.table());
    let json = serde_json::to_string(&r).unwrap_or_default();
    assert!(json.contains("\"PER\"") && json.contains("\"f1\":100.0"), "{json}");
    assert!(r.table().contains("P/L/O"));
    assert_eq!(eval::run("", eval::Format::Hipe, None).docs, 0);
}

#[test]
fn surnames_with_a_capitalised_article_stay_whole_with_their_role() {
    // "Le Maire" is a surname here, not the title "maire".
    for (text, name, role) in [
        (
            "Le ministre de l'Économie et des Finances Bruno Le Maire a annoncé une hausse.",
            "Bruno Le Maire",
            "ministre de l'Économie et des Finances",
        ),
        ("La présidente du RN Marine Le Pen a réagi.", "Marine Le Pen", "présidente du RN"),
        (
            "Le ministre des Armées Jean-Yves Le Drian est arrivé.",
            "Jean-Yves Le Drian",
            "ministre des Armées",
        ),
    ] {
        let f = extract(text, &Options::default());
        let person = f.people.iter().find(|p| p.name == name);
        assert!(person.is_some_and(|p| p.roles.iter().any(|r| r == role)), "{text}: {:?}", f.people);
    }
}

#[test]
fn a_role_stops_where_a_verb_begins() {
    for (text, role) in [
        (
            "Paul Morel, directeur des campagnes du parti d'ajouter que rien n'est joué.",
            "directeur des campagnes du parti",
        ),
        (
            "On redoute que Paul Morel, porte-parole des commerçants ne quitte la réunion.",
            "porte-parole des commerçants",
        ),
    ] {
        let f = extract(text, &Options::default());
        let morel = f.people.iter().find(|p| p.name == "Paul Morel");
        assert!(
            morel.is_some_and(|p| p.roles.iter().all(|r| r == role) && !p.roles.is_empty()),
            "{text}: {:?}",
            f.people
        );
    }
}

// --- fr-orgs4: French organisations and places that generalise (issue 17) ---

/// One rule of fr-orgs4: a sentence written for it, the mentions it must give and the mentions
/// (with the label they must not have, or any label) it must not give.
struct FrCase {
    rule: &'static str,
    text: &'static str,
    want: &'static [(&'static str, Label)],
    absent: &'static [(&'static str, Option<Label>)],
}

const FR_ORG_CASES: &[FrCase] = &[
    FrCase {
        rule: "a lower-case article is no part of a listed place",
        text: "Le cyclone a touché l'île de la Réunion mardi, puis la Réunion a levé l'alerte.",
        want: &[("Réunion", Label::Loc)],
        absent: &[("la Réunion", None)],
    },
    FrCase {
        rule: "broadcasters written in lower case are organisations",
        text: "La ministre s'est exprimée sur franceinfo, puis le maire a répondu sur France inter.",
        want: &[("franceinfo", Label::Org), ("France inter", Label::Org)],
        absent: &[("France", None)],
    },
    FrCase {
        rule: "a party named with its plural article is the party",
        text: "Au Parlement, les Patriotes et les Verts ont voté contre le texte du gouvernement.",
        want: &[("Patriotes", Label::Org), ("Verts", Label::Org)],
        absent: &[],
    },
    FrCase {
        rule: "French départements are places",
        text: "Le Haut-Rhin et les Pyrénées-Atlantiques ont pris un arrêté, comme la Seine-Maritime.",
        want: &[
            ("Haut-Rhin", Label::Loc),
            ("Pyrénées-Atlantiques", Label::Loc),
            ("Seine-Maritime", Label::Loc),
        ],
        absent: &[],
    },
    FrCase {
        rule: "a listed place opening a longer unknown name is not that place",
        text: "Le skipper a abandonné la course du Vendée Globe après une avarie au large.",
        want: &[],
        absent: &[("Vendée", Some(Label::Loc))],
    },
    FrCase {
        rule: "riot police and party members are no organisation",
        text: "Les CRS ont chargé les manifestants. Les Insoumis ont dénoncé la violence de la charge.",
        want: &[],
        absent: &[("CRS", None), ("Insoumis", None)],
    },
    FrCase {
        rule: "a name spelt out before its acronym is whole, and the acronym is it everywhere",
        text: "La Fédération des usagers de la bicyclette (Fub) se réjouit du plan. La Fub le dit.",
        want: &[("Fédération des usagers de la bicyclette", Label::Org)],
        absent: &[("Fub", Some(Label::Loc)), ("Fub", Some(Label::Per))],
    },
    FrCase {
        rule: "a prefecture named by its town gives the town",
        text: "La préfecture de Rennes a interdit le défilé. La préfecture de police a publié un bilan.",
        want: &[("Rennes", Label::Loc), ("préfecture de police", Label::Org)],
        absent: &[("préfecture de Rennes", None)],
    },
    FrCase {
        rule: "a listed acronym written as a word is the organisation",
        text: "Les alliés de l'Otan se réunissent. Le président de la Fnsea a rencontré les éleveurs.",
        want: &[("Otan", Label::Org), ("Fnsea", Label::Org)],
        absent: &[],
    },
    FrCase {
        rule: "a word also written in lower case is no acronym",
        text: "Raid aérien sur la ville: le raid a fait trois morts.",
        want: &[],
        absent: &[("Raid", Some(Label::Org))],
    },
    FrCase {
        rule: "a body named by its field keeps the field",
        text: "La Fédération française de judo a suspendu le club. L'Office national des forêts gère le bois.",
        want: &[("Fédération française de judo", Label::Org), ("Office national des forêts", Label::Org)],
        absent: &[],
    },
    FrCase {
        rule: "a verb after a body is no field",
        text: "Le maire a demandé à la Commission européenne de lever les sanctions de vendredi.",
        want: &[("Commission européenne", Label::Org)],
        absent: &[],
    },
    FrCase {
        rule: "a town whose article melts into de is found without it",
        text: "Des milliers de manifestants ont occupé la place Tahrir du Caire vendredi.",
        want: &[("place Tahrir", Label::Loc), ("Caire", Label::Loc)],
        absent: &[],
    },
    FrCase {
        rule: "a branch of a listed union, a publisher after its cue, a product after its cue",
        text: "La CGT-Cheminots a protesté. Son roman paraît aux éditions Gallimard. Un cocktail Molotov \
               a été lancé pendant que la foule chantait la Marseillaise.",
        want: &[("CGT-Cheminots", Label::Org), ("Gallimard", Label::Org)],
        absent: &[("Molotov", Some(Label::Per)), ("Molotov", Some(Label::Loc)), ("Marseillaise", None)],
    },
    FrCase {
        rule: "an acronym the text writes after the noun of a thing names the thing everywhere",
        text: "Le Parlement a rejeté le traité TALEX mardi. Pour ses opposants, le TALEX menaçait les libertés.",
        want: &[],
        absent: &[("TALEX", Some(Label::Org))],
    },
    FrCase {
        rule: "a preposition opening the sentence is no part of the name; a body's statement",
        text: "Chez Soprelec, on refuse de commenter. Les ventes baissent, selon un communiqué de Telvia.",
        want: &[("Telvia", Label::Org)],
        absent: &[("Chez Soprelec", None)],
    },
    FrCase {
        rule: "the chamber of an assembly is no place",
        text: "Les députés de gauche ont quitté l'Hémicycle en signe de protestation.",
        want: &[],
        absent: &[("Hémicycle", None)],
    },
];

#[test]
fn french_organisation_and_place_rules_of_fr_orgs4() {
    for case in FR_ORG_CASES {
        let found = ents(&extract(case.text, &Options { lang: Some(Lang::Fr), article_date: None }));
        for &(name, label) in case.want {
            assert!(found.contains(&(name.to_string(), label)), "{}: {name} {label:?}: {found:?}", case.rule);
        }
        for &(name, label) in case.absent {
            let bad = found.iter().any(|(t, l)| t == name && label.is_none_or(|x| x == *l));
            assert!(!bad, "{}: {name} {label:?}: {found:?}", case.rule);
        }
    }
}

// ---- fr-roles4: roles given by a description standing for the person named just before ----

/// The roles the facts give the person named `name`.
fn roles_of(f: &Facts, name: &str) -> Vec<String> {
    f.people.iter().filter(|p| p.name == name).flat_map(|p| p.roles.clone()).collect()
}

#[test]
fn a_description_after_the_one_person_named_gives_that_person_a_role() {
    let cases = [
        (
            "Jean Dupont a ouvert la séance lundi à Lyon. Le président du syndicat a ensuite rappelé les \
             revendications des adhérents.",
            "président du syndicat",
        ),
        (
            "« Nous irons jusqu'au bout », souligne Marie Durand. La chercheuse décrit une enquête de trois \
             ans dans les villages de montagne.",
            "chercheuse",
        ),
    ];
    for (text, role) in cases {
        let f = extract(text, &Options::default());
        let name = if text.contains("Dupont") { "Jean Dupont" } else { "Marie Durand" };
        assert!(roles_of(&f, name).iter().any(|r| r == role), "{text}: {:?}", f.people);
    }
}

#[test]
fn a_description_is_nobody_s_role_when_the_text_does_not_tie_it() {
    for text in [
        // Two people named before it.
        "Jean Dupont et Marie Durand ont ouvert la séance. Le président du syndicat a rappelé les \
         revendications.",
        // The person named is the object of the verb.
        "Le maire a reçu Jean Dupont lundi à Lyon. Le président du syndicat a rappelé les revendications.",
        // Someone the speaker talks about.
        "Jean Dupont estime que le ministre de l'Intérieur a menti aux députés.",
        // The title was first given to someone the text does not name.
        "Jean Dupont a été entendu lundi. Son avocat a demandé sa libération. « Il est innocent », a \
         expliqué l'avocat.",
        // A new paragraph.
        "Jean Dupont a ouvert la séance lundi à Lyon.\nLe président du syndicat a rappelé les revendications.",
    ] {
        let f = extract(text, &Options::default());
        assert!(roles_of(&f, "Jean Dupont").is_empty(), "{text}: {:?}", f.people);
    }
}

#[test]
fn a_party_name_with_inner_capitals_after_a_title_belongs_to_the_role() {
    let text = "Hier soir, la députée LaREM Claire Martin a voté contre le budget de la commune.";
    let f = extract(text, &Options::default());
    assert_eq!(roles_of(&f, "Claire Martin"), vec!["députée LaREM".to_string()], "{:?}", f.people);
    assert!(roles_of(&f, "LaREM").is_empty(), "{:?}", f.people);
}

#[test]
fn a_party_member_named_as_a_noun_before_the_name_is_a_role_and_only_there() {
    let f = extract("Mardi, la socialiste Claire Martin a voté contre le budget.", &Options::default());
    assert_eq!(roles_of(&f, "Claire Martin"), vec!["socialiste".to_string()], "{:?}", f.people);
    // An adjective in apposition, and a description: no role.
    let f = extract(
        "Mardi, Claire Martin, socialiste depuis toujours, a voté contre. L'écologiste a dénoncé le budget.",
        &Options::default(),
    );
    assert!(roles_of(&f, "Claire Martin").is_empty(), "{:?}", f.people);
}

#[test]
fn a_description_after_selon_or_d_apres_names_who_spoke() {
    let text = "Claire Martin a présenté lundi le plan de la région. D'après la présidente de la région, les \
                travaux commenceront en mai.";
    let f = extract(text, &Options::default());
    assert!(roles_of(&f, "Claire Martin").iter().any(|r| r == "présidente de la région"), "{:?}", f.people);
}

#[test]
fn an_affiliation_participle_stays_in_the_role() {
    let f = extract("Claire Martin, députée apparentée LR, a voté contre le budget.", &Options::default());
    assert_eq!(roles_of(&f, "Claire Martin"), vec!["députée apparentée LR".to_string()], "{:?}", f.people);
}

#[test]
fn a_role_aims_at_the_head_of_something_and_stops_before_a_place_adjective() {
    let f = extract("Claire Martin, candidate à la tête d'une liste régionale, a voté.", &Options::default());
    assert_eq!(
        roles_of(&f, "Claire Martin"),
        vec!["candidate à la tête d'une liste régionale".to_string()],
        "{:?}",
        f.people
    );
    let f = extract("Claire Martin, directrice de ce musée proche de la gare, a voté.", &Options::default());
    assert!(roles_of(&f, "Claire Martin").iter().all(|r| !r.contains("gare")), "{:?}", f.people);
}

#[test]
fn a_plural_title_before_a_comma_is_not_the_role_of_one_name_after_it() {
    let f = extract(
        "Deux manifestants ont été blessés par des policiers, Jean Dupont a annoncé une enquête.",
        &Options::default(),
    );
    assert!(roles_of(&f, "Jean Dupont").is_empty(), "{:?}", f.people);
    let f =
        extract("Selon les chercheurs, Jean Dupont et Marie Durand, le lac a baissé.", &Options::default());
    assert_eq!(roles_of(&f, "Marie Durand"), vec!["chercheurs".to_string()], "{:?}", f.people);
}

#[test]
fn a_description_opening_a_sentence_after_a_quotation_stands_for_the_speaker() {
    let text =
        "Pour Jean Dupont, « cette loi est une victoire ! » Le porte-parole de l'association salue le vote.";
    let f = extract(text, &Options::default());
    assert!(
        roles_of(&f, "Jean Dupont").iter().any(|r| r == "porte-parole de l'association"),
        "{:?}",
        f.people
    );
}

#[test]
fn a_description_of_the_other_gender_is_not_the_role_of_the_person_named_before() {
    let text = "Jean Dupont a ouvert la séance lundi à Lyon. La présidente du syndicat a ensuite rappelé les \
                revendications des adhérents.";
    let f = extract(text, &Options::default());
    assert!(roles_of(&f, "Jean Dupont").is_empty(), "{:?}", f.people);
}

#[test]
fn a_name_in_the_paragraph_before_does_not_make_a_description_ambiguous() {
    let text = "Le texte a été rédigé par Marie Durand.\nJean Dupont a ouvert la séance lundi. Le président du \
                syndicat a ensuite rappelé les revendications.";
    let f = extract(text, &Options::default());
    assert!(roles_of(&f, "Jean Dupont").iter().any(|r| r == "président du syndicat"), "{:?}", f.people);
    assert!(roles_of(&f, "Marie Durand").is_empty(), "{:?}", f.people);
}

// ---- fr-orgs5 (issue 17): French organisations and places ----

/// Whether the extractor finds every (name, label) of `wanted` in `text` (the entities on failure).
fn finds(text: &str, wanted: &[(&str, Label)]) -> Result<(), Vec<(String, Label)>> {
    let found = ents(&extract(text, &Options::default()));
    let all = wanted.iter().all(|&(name, label)| found.contains(&(name.to_string(), label)));
    if all { Ok(()) } else { Err(found) }
}

#[test]
fn a_listed_paper_after_a_capitalised_preposition_keeps_its_article() {
    assert_eq!(
        finds("Selon Le Parisien, le conseil se réunira jeudi.", &[("Le Parisien", Label::Org)]),
        Ok(())
    );
    assert_eq!(finds("Pour Le Monde, la réforme échoue.", &[("Le Monde", Label::Org)]), Ok(()));
}

#[test]
fn the_name_after_editions_du_is_a_publishing_house() {
    assert_eq!(
        finds("Il a signé un essai (éd. du Verger, 2016) puis un récit.", &[("Verger", Label::Org)]),
        Ok(())
    );
    let novel = "Son deuxième roman paraît aux éditions de la Baleine cet hiver.";
    assert_eq!(finds(novel, &[("Baleine", Label::Org)]), Ok(()));
    assert!(
        finds("Il vit au bord du Rhône depuis dix ans.", &[("Rhône", Label::Org)]).is_err(),
        "a place after du"
    );
}

#[test]
fn listed_papers_and_agencies_written_as_words_are_organisations() {
    let report = "Selon L'Opinion, un rapport de l'Ademe chiffre le coût. Le Cevipof publie son baromètre.";
    let bodies = [("L'Opinion", Label::Org), ("Ademe", Label::Org), ("Cevipof", Label::Org)];
    assert_eq!(finds(report, &bodies), Ok(()));
}

#[test]
fn a_capitalised_administration_noun_alone_is_no_place() {
    let text = "La Préfecture a interdit le rassemblement. Il a fleuri la tombe du Soldat inconnu, puis \
                l'Hôtel a fermé.";
    let found = ents(&extract(text, &Options::default()));
    for word in ["Préfecture", "Soldat", "Hôtel"] {
        assert!(!found.iter().any(|(t, _)| t == word), "{word}: {found:?}");
    }
}

#[test]
fn the_state_word_stays_out_of_a_state_s_name() {
    let storm = "La tempête a touché terre lundi dans l'État du Nouveau-Mexique et dans l'État de Bahia.";
    assert_eq!(finds(storm, &[("Nouveau-Mexique", Label::Loc), ("Bahia", Label::Loc)]), Ok(()));
    let role = "La secrétaire d'État chargée de l'Égalité a parlé avec le secrétaire d'État aux Transports.";
    let found = ents(&extract(role, &Options::default()));
    assert!(!found.iter().any(|(t, _)| t.starts_with("État")), "{found:?}");
}

#[test]
fn an_airport_is_named_without_its_type_word() {
    let flight = "L'avion s'est posé à l'aéroport international Kotoka, puis à l'aéroport de Nice.";
    assert_eq!(finds(flight, &[("Kotoka", Label::Loc), ("Nice", Label::Loc)]), Ok(()));
}

#[test]
fn a_rank_before_de_and_a_capital_names_a_person() {
    let history = "La statue du général de Gaulle a été rhabillée, comme celle du maréchal de Lattre.";
    assert_eq!(finds(history, &[("de Gaulle", Label::Per), ("de Lattre", Label::Per)]), Ok(()));
    let place = "Le général a quitté la préfecture de Lyon avant le défilé.";
    assert_eq!(finds(place, &[("Lyon", Label::Loc)]), Ok(()));
    // After a title "général" qualifies it: the body it heads is no surname.
    let body = "Selon Paul Roux, délégué général de Procos, les ventes baissent.";
    let found = ents(&extract(body, &Options::default()));
    assert!(!found.iter().any(|(t, l)| t.contains("Procos") && *l == Label::Per), "{found:?}");
}

#[test]
fn a_title_word_after_a_given_name_is_a_surname() {
    let text = "Depuis son retrait, les prises de parole de Marion Maréchal sont rares.";
    assert_eq!(finds(text, &[("Marion Maréchal", Label::Per)]), Ok(()));
    // A title with its complement stays one phrase ("Mary Queen of Scots" is no "Mary Queen").
    let found =
        ents(&extract("The book is a life of Mary Queen of Scots, by John Guy.", &Options::default()));
    assert!(!found.iter().any(|(t, l)| t == "Mary Queen" && *l == Label::Per), "{found:?}");
}

// ---- fr-roles5: French roles ----

#[test]
fn a_role_in_apposition_without_its_comma_after_a_full_name() {
    let f =
        extract("Le contrat a été signé, explique Paul Martin le directeur de l'usine.", &Options::default());
    assert_eq!(roles_of(&f, "Paul Martin"), vec!["directeur de l'usine".to_string()], "{:?}", f.people);
    let f =
        extract("Ce vote fait de Jeanne Roux la première maire écologiste de la ville.", &Options::default());
    assert_eq!(
        roles_of(&f, "Jeanne Roux"),
        vec!["première maire écologiste de la ville".to_string()],
        "{:?}",
        f.people
    );
    // "la" is a pronoun before a verb form: no role.
    let f = extract("Le parti de Jean Dupont la juge incapable de gouverner.", &Options::default());
    assert!(roles_of(&f, "Jean Dupont").is_empty(), "{:?}", f.people);
}

#[test]
fn a_description_with_the_acronym_its_brackets_taught_is_the_same_role() {
    let text = "Le trafic reprend, a constaté Paul Martin, président de l'Union française des industries \
                pétrolières (Ufip), lundi. Des pénuries restent possibles, prévient le président de l'Ufip.";
    let f = extract(text, &Options::default());
    assert!(roles_of(&f, "Paul Martin").iter().any(|r| r == "président de l'Ufip"), "{:?}", f.people);
    // Another acronym is another body.
    let f = extract(&text.replace("de l'Ufip.", "de la FNT."), &Options::default());
    assert!(roles_of(&f, "Paul Martin").iter().all(|r| !r.contains("FNT")), "{:?}", f.people);
}

#[test]
fn a_profession_compound_with_a_hyphen_is_a_role() {
    let f =
        extract("Le moratoire nous aide, a expliqué Julien Marchal, artisan-plombier.", &Options::default());
    assert_eq!(roles_of(&f, "Julien Marchal"), vec!["artisan-plombier".to_string()], "{:?}", f.people);
    // A title that is no profession does not lend its compounds: "chef-lieu" is a town.
    let f = extract("Le cortège a rejoint Jean Morel, chef-lieu de la colère.", &Options::default());
    assert!(roles_of(&f, "Jean Morel").is_empty(), "{:?}", f.people);
}

#[test]
fn the_name_of_a_body_after_its_noun_stays_in_the_role() {
    let f = extract(
        "Paul Roux, porte-parole du collectif la Voix des Usagers, a salué le vote.",
        &Options::default(),
    );
    assert_eq!(
        roles_of(&f, "Paul Roux"),
        vec!["porte-parole du collectif la Voix des Usagers".to_string()],
        "{:?}",
        f.people
    );
    // After a noun that names no body the article opens something else.
    let f = extract("Paul Roux, directeur du musée la veille de Noël, a salué le vote.", &Options::default());
    assert!(roles_of(&f, "Paul Roux").iter().all(|r| !r.contains("veille")), "{:?}", f.people);
}
