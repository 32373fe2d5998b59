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

fn french(text: &str) -> Vec<(String, Label)> {
    ents(&extract(text, &Options { lang: Some(Lang::Fr), article_date: None }))
}

#[test]
fn a_lowercase_article_is_no_part_of_a_listed_place() {
    let e = french("Le cyclone a touché l'île de la Réunion mardi, puis la Réunion a levé l'alerte.");
    assert!(e.contains(&("Réunion".into(), Label::Loc)), "{e:?}");
    assert!(!e.iter().any(|(t, _)| t.starts_with("la ")), "{e:?}");
}

#[test]
fn broadcasters_written_in_lower_case_are_organisations() {
    let e = french("La ministre s'est exprimée sur franceinfo, puis le maire a répondu sur France inter.");
    assert!(e.contains(&("franceinfo".into(), Label::Org)), "{e:?}");
    assert!(e.contains(&("France inter".into(), Label::Org)), "{e:?}");
    assert!(!e.iter().any(|(t, _)| t == "France"), "{e:?}");
}

#[test]
fn a_party_named_with_its_plural_article_is_the_party() {
    let e = french("Au Parlement, les Patriotes et les Verts ont voté contre le texte du gouvernement.");
    assert!(e.contains(&("Patriotes".into(), Label::Org)), "{e:?}");
    assert!(e.contains(&("Verts".into(), Label::Org)), "{e:?}");
}

#[test]
fn french_departements_are_places() {
    let e = french("Le Haut-Rhin et les Pyrénées-Atlantiques ont pris un arrêté, comme la Seine-Maritime.");
    for place in ["Haut-Rhin", "Pyrénées-Atlantiques", "Seine-Maritime"] {
        assert!(e.contains(&(place.into(), Label::Loc)), "{place}: {e:?}");
    }
}

#[test]
fn a_listed_place_opening_a_longer_name_is_not_that_place() {
    let e = french("Le skipper a abandonné la course du Vendée Globe après une avarie au large.");
    assert!(!e.iter().any(|(t, l)| t == "Vendée" && *l == Label::Loc), "{e:?}");
}

#[test]
fn riot_police_and_party_members_are_no_organisation() {
    let e = french("Les CRS ont chargé les manifestants. Les Insoumis ont dénoncé la violence de la charge.");
    assert!(!e.iter().any(|(t, _)| t == "CRS" || t == "Insoumis"), "{e:?}");
}

#[test]
fn a_name_spelt_out_before_its_acronym_is_whole() {
    let e = french("La Fédération des usagers de la bicyclette (Fub) se réjouit du plan. La Fub le dit.");
    assert!(e.contains(&("Fédération des usagers de la bicyclette".into(), Label::Org)), "{e:?}");
    assert!(e.iter().filter(|(t, _)| t == "Fub").all(|(_, l)| *l == Label::Org), "{e:?}");
}

#[test]
fn a_prefecture_named_by_its_town_gives_the_town() {
    let e =
        french("La préfecture de Rennes a interdit le défilé. La préfecture de police a publié un bilan.");
    assert!(e.contains(&("Rennes".into(), Label::Loc)), "{e:?}");
    assert!(!e.iter().any(|(t, _)| t == "préfecture de Rennes"), "{e:?}");
    assert!(e.contains(&("préfecture de police".into(), Label::Org)), "{e:?}");
}

#[test]
fn a_listed_acronym_written_as_a_word_is_the_organisation() {
    let e = french("Les alliés de l'Otan se réunissent. Le président de la Fnsea a rencontré les éleveurs.");
    assert!(e.contains(&("Otan".into(), Label::Org)), "{e:?}");
    assert!(e.contains(&("Fnsea".into(), Label::Org)), "{e:?}");
    let e = french("Raid aérien sur la ville: le raid a fait trois morts.");
    assert!(!e.iter().any(|(t, l)| t == "Raid" && *l == Label::Org), "a word seen in lower case: {e:?}");
}

#[test]
fn a_body_named_by_its_field_keeps_the_field() {
    let e = french(
        "La Fédération française de judo a suspendu le club. L'Office national des forêts gère le bois.",
    );
    assert!(e.contains(&("Fédération française de judo".into(), Label::Org)), "{e:?}");
    assert!(e.contains(&("Office national des forêts".into(), Label::Org)), "{e:?}");
    let e = french("Le maire a demandé à la Commission européenne de lever les sanctions de vendredi.");
    assert!(e.contains(&("Commission européenne".into(), Label::Org)), "a verb is no field: {e:?}");
}

#[test]
fn a_town_whose_article_melts_into_de_is_found_without_it() {
    let e = french("Des milliers de manifestants ont occupé la place Tahrir du Caire vendredi.");
    assert!(e.contains(&("place Tahrir".into(), Label::Loc)), "{e:?}");
    assert!(e.contains(&("Caire".into(), Label::Loc)), "{e:?}");
}
