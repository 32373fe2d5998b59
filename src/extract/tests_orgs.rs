//! French organisations, works and roles: acronyms, institutions in lower case, press titles,
//! cue words, titles before and after names. Sentences written for these tests.

use super::*;

fn ents(f: &Facts) -> Vec<(String, Label)> {
    f.entities.iter().flat_map(|e| e.mentions.iter().map(move |m| (m.text.clone(), e.label))).collect()
}

fn fr(text: &str) -> Facts {
    extract(text, &Options { lang: Some(Lang::Fr), ..Options::default() })
}

fn roles(f: &Facts) -> Vec<(String, String)> {
    f.people.iter().flat_map(|p| p.roles.iter().map(move |r| (p.name.clone(), r.clone()))).collect()
}

#[test]
fn acronyms_are_organisations_unless_common_nouns() {
    let f = fr("Le congrès du KPLD a désigné son candidat. La hausse du PIB et de la TVA inquiète \
                le XVe arrondissement, où l'on achète une carte SD.");
    let e = ents(&f);
    assert!(e.contains(&("KPLD".into(), Label::Org)), "{e:?}");
    for not in ["PIB", "TVA", "XVe", "SD"] {
        assert!(!e.iter().any(|(t, l)| t == not && *l == Label::Org), "{not}: {e:?}");
    }
}

#[test]
fn institutions_in_lower_case_and_press_titles() {
    let f = fr("Le ministère de l'Intérieur a saisi la commission européenne et le parquet fédéral, \
                selon Le Monde et le magazine Télérama.");
    let e = ents(&f);
    for org in
        ["ministère de l'Intérieur", "commission européenne", "parquet fédéral", "Le Monde", "Télérama"]
    {
        assert!(e.contains(&(org.into(), Label::Org)), "{org}: {e:?}");
    }
    let f = fr("Les députés se sont réunis à l'Assemblée hier. Le ministère des Affaires étrangères \
                a réagi.");
    let e = ents(&f);
    assert!(e.contains(&("Assemblée".into(), Label::Org)), "{e:?}");
    assert!(e.contains(&("ministère des Affaires étrangères".into(), Label::Org)), "{e:?}");
}

#[test]
fn works_and_products_are_not_people_or_places() {
    let f = fr("La fusée Falcon Heavy a décollé de Floride, et le film Tempête sur Orly sort mardi.");
    let e = ents(&f);
    assert!(!e.iter().any(|(t, l)| t.starts_with("Falcon") && *l != Label::Misc), "{e:?}");
}

#[test]
fn titles_before_names_and_appositions_give_roles() {
    let f = fr("Le ministre de l'Intérieur Christophe Castaner a parlé à Lyon.");
    let r = roles(&f);
    assert!(r.contains(&("Christophe Castaner".into(), "ministre de l'Intérieur".into())), "{r:?}");
    let f = fr("Selon les chercheurs Paul Martin et Jeanne Durand, la glace fond.");
    let r = roles(&f);
    assert!(r.contains(&("Paul Martin".into(), "chercheurs".into())), "{r:?}");
    assert!(r.contains(&("Jeanne Durand".into(), "chercheurs".into())), "{r:?}");
    let f = fr("Pierre Lambert, ancien footballeur, a ouvert une école à Nantes.");
    let r = roles(&f);
    assert!(r.contains(&("Pierre Lambert".into(), "ancien footballeur".into())), "{r:?}");
    let f = fr("Le conseil a jugé le maire PCF de Grigny trop prudent. Le président LR de la région \
                a répondu.");
    let r = roles(&f);
    assert!(r.is_empty(), "no verb as title, no party as a person: {r:?}");
    assert!(!ents(&f).iter().any(|(t, l)| t == "LR" && *l == Label::Per));
}

#[test]
fn streets_keep_their_type_word_and_areas_lose_theirs() {
    let f = fr("Les manifestants se sont rassemblés place Tahrir puis rue Georges Auric. La mise en \
                place Jean Martin l'a refusée.");
    let e = ents(&f);
    assert!(e.contains(&("place Tahrir".into(), Label::Loc)), "{e:?}");
    assert!(e.contains(&("rue Georges Auric".into(), Label::Loc)), "{e:?}");
    assert!(!e.iter().any(|(t, _)| t.starts_with("place Jean")), "{e:?}");
}

#[test]
fn an_acronym_defined_by_a_common_noun_is_no_organisation() {
    let f = fr("Le jeu est un tir objectif subjectif (TOS) très populaire ; le TOS domine le marché. \
                Le Parti ouvrier breton (POB) proteste.");
    let e = ents(&f);
    assert!(!e.iter().any(|(t, l)| t == "TOS" && *l == Label::Org), "{e:?}");
    assert!(e.iter().any(|(t, l)| t == "POB" && *l == Label::Org), "{e:?}");
}

#[test]
fn section_labels_of_press_pages_are_no_organisations() {
    let f = fr("VIDÉO - Le maire a reçu les habitants à Lille.\nLE SCAN POLITIQUE - Le Sénat vote.\n\
                » LIRE AUSSI - Les députés réunis\nBRUXELLES - La Commission européenne a parlé.");
    let e = ents(&f);
    for label in ["VIDÉO", "SCAN POLITIQUE", "LE SCAN POLITIQUE", "LIRE AUSSI"] {
        assert!(!e.iter().any(|(t, _)| t.contains(label)), "{label}: {e:?}");
    }
    assert!(e.contains(&("Sénat".into(), Label::Org)), "{e:?}");
    assert!(e.iter().any(|(t, l)| t == "BRUXELLES" && *l == Label::Loc), "a dateline stays: {e:?}");
}

#[test]
fn company_cue_words_make_an_unknown_name_a_company() {
    let f = fr("La start-up Quorvel recrute vingt ingénieurs. Le laboratoire Ambrelin ferme son usine \
                et l'enseigne Tistou baisse ses prix.");
    let e = ents(&f);
    for org in ["Quorvel", "Ambrelin", "Tistou"] {
        assert!(e.contains(&(org.into(), Label::Org)), "{org}: {e:?}");
    }
}

#[test]
fn an_embassy_named_by_its_country_adjective_is_an_organisation() {
    let f = fr("L'ambassade américaine a fermé ses portes. La délégation suédoise est partie d'Oslo.");
    let e = ents(&f);
    assert!(e.contains(&("ambassade américaine".into(), Label::Org)), "{e:?}");
    assert!(!e.iter().any(|(t, _)| t.contains("délégation")), "only diplomatic missions: {e:?}");
}

#[test]
fn the_subject_of_what_only_a_firm_does_is_a_company() {
    let f = fr("Titre\n\nEn mars, Veltrix a racheté son concurrent belge. Dormandel licencie 200 ouvriers \
                à Lille. Selon ses comptes, Hautbois a annoncé un bénéfice record.");
    let e = ents(&f);
    for org in ["Veltrix", "Dormandel", "Hautbois"] {
        assert!(e.contains(&(org.into(), Label::Org)), "{org}: {e:?}");
    }
    let f = fr("Titre\n\nL'homme d'affaires Bernard Tapie a parlé hier. Tapie a racheté un journal \
                et Paul Mercier a annoncé un bénéfice.");
    let e = ents(&f);
    assert!(!e.iter().any(|(t, l)| (t == "Tapie" || t == "Paul Mercier") && *l == Label::Org), "{e:?}");
}

#[test]
fn a_name_stops_at_a_dash_standing_alone() {
    let f =
        fr("Titre\n\nLe président reçoit les syndicats.\nLe cortège passe à Lyon - Voir sur Ouest Live\n");
    let e = ents(&f);
    assert!(e.contains(&("Lyon".into(), Label::Loc)), "{e:?}");
    assert!(!e.iter().any(|(t, _)| t.contains(" - ")), "{e:?}");
}

#[test]
fn french_common_nouns_written_as_acronyms_are_no_organisations() {
    let f = fr("Titre\n\nLes données (NDLR : provisoires) montrent que le RIC divise la CGT.");
    let e = ents(&f);
    assert!(!e.iter().any(|(t, _)| t == "NDLR" || t == "RIC"), "{e:?}");
    assert!(e.contains(&("CGT".into(), Label::Org)), "{e:?}");
    // The tagger takes this one for an organisation; the list overrules it.
    let e = ents(&fr("« Nous refusons la hausse (de la taxe, NDLR) », dit-il."));
    assert!(!e.iter().any(|(t, _)| t == "NDLR"), "{e:?}");
}

#[test]
fn a_models_designation_is_no_organisation() {
    let f = fr("Titre\n\nLes tirs de LBD-40 ont blessé des manifestants, selon la CGT. L'armée de l'air \
                aligne des KX-12 et le taux de CO2 grimpe.");
    let e = ents(&f);
    for not in ["LBD-40", "KX-12", "CO2"] {
        assert!(!e.iter().any(|(t, l)| t == not && *l == Label::Org), "{not}: {e:?}");
    }
    assert!(e.contains(&("CGT".into(), Label::Org)), "{e:?}");
    let e = ents(&fr("Titre\n\nLes militants de BRV-COP25 ont défilé."));
    assert!(e.contains(&("BRV-COP25".into(), Label::Org)), "{e:?}");
}

#[test]
fn function_words_time_zones_and_common_nouns_in_capitals_are_no_organisations() {
    let f = fr("Titre\n\nNOUS Y ÉTIONS - Il ne faut RIEN lâcher, dit la CGT. Une publication partagée le \
                19 janv. 2019 à 3:18 PST. Un salarié en CDDU part en EHPAD.");
    let e = ents(&f);
    for not in ["NOUS", "RIEN", "PST", "CDDU", "EHPAD"] {
        assert!(!e.iter().any(|(t, l)| t == not && *l == Label::Org), "{not}: {e:?}");
    }
    assert!(e.contains(&("CGT".into(), Label::Org)), "{e:?}");
}

#[test]
fn a_ministers_portfolio_is_no_organisation() {
    let f = fr("Titre\n\nLe ministre de la Transition écologique, Paul Mercier, et la ministre de la \
                Cohésion des territoires ont visité Nancy.");
    let e = ents(&f);
    assert!(!e.iter().any(|(t, _)| t.starts_with("Transition") || t.starts_with("Cohésion")), "{e:?}");
    assert!(e.contains(&("Nancy".into(), Label::Loc)), "{e:?}");
}

#[test]
fn a_fixture_is_two_clubs() {
    let f = fr("Titre\n\nLe choc Rennes-Nantes aura lieu samedi à Rennes. Au programme aussi : \
                Brest-Lorient, Saint-Étienne-Dijon.\nLa ligne Paris-Lyon est fermée et Jean-Marc Dupont \
                attend. Pendant leur match, X-Ray, leur rival, a chuté.");
    let e = ents(&f);
    for club in ["Rennes", "Nantes", "Brest", "Lorient", "Saint-Étienne", "Dijon"] {
        assert!(e.contains(&(club.into(), Label::Org)), "{club}: {e:?}");
    }
    assert!(e.contains(&("Rennes".into(), Label::Loc)), "the city stays a place: {e:?}");
    assert!(!e.iter().any(|(t, l)| *l == Label::Org && (t == "Paris" || t == "Lyon")), "a route: {e:?}");
    assert!(!e.iter().any(|(t, l)| *l == Label::Org && t == "Ray"), "{e:?}");
}

#[test]
fn fixtures_in_a_list_joined_by_et_are_clubs_and_regions_stay_whole() {
    let f = fr("Titre\n\nQuatre affiches restent prévues: samedi à 20h00, Brest-Lorient et \
                Vannes-Quimper, puis dimanche Tours-Niort à 15h00 et Laval-Cholet à 17h00. Deux autres \
                matchs: Dijon-Paris SG. Les péages de Centre-Val-de-Loire, Pays-de-la-Loire, \
                Auvergne-Rhône-Alpes et Bourgogne-Franche-Comté sont bloqués. Des heurts à Saint-Malo ou \
                Saint-Lô, selon Jean-Marc, Marie-Claire et Paul-Henri.");
    let e = ents(&f);
    for club in
        ["Brest", "Lorient", "Vannes", "Quimper", "Tours", "Niort", "Laval", "Cholet", "Dijon", "Paris SG"]
    {
        assert!(e.contains(&(club.into(), Label::Org)), "{club}: {e:?}");
    }
    for part in [
        "Centre",
        "Val-de-Loire",
        "Auvergne",
        "Rhône-Alpes",
        "Auvergne-Rhône",
        "Alpes",
        "Bourgogne",
        "Saint",
        "Malo",
        "Lô",
        "Jean",
        "Claire",
    ] {
        assert!(!e.iter().any(|(t, l)| t == part && *l == Label::Org), "{part}: {e:?}");
    }
}

#[test]
fn a_listed_town_before_an_apposition_is_a_place() {
    let f = fr("Titre\n\nLes heurts ont continué samedi. À Quimperlé, un manifestant a été blessé. \
                Samedi à Fougères, un agent a été frappé. Au Havre, la police est intervenue.");
    let e = ents(&f);
    for town in ["Quimperlé", "Fougères", "Havre"] {
        assert!(e.contains(&(town.into(), Label::Loc)), "{town}: {e:?}");
    }
    assert!(f.people.is_empty(), "{:?}", f.people);
}

#[test]
fn lower_case_adjectives_belong_to_a_capitalised_name() {
    let f = fr("Titre\n\nLes élus du Conseil fédéral suprême ont voté mardi, et l'Institut \
                national a publié son rapport.");
    let e = ents(&f);
    for org in ["Conseil fédéral suprême", "Institut national"] {
        assert!(e.contains(&(org.into(), Label::Org)), "{org}: {e:?}");
    }
}

#[test]
fn a_section_label_after_a_dateline_is_no_entity() {
    let f = extract(
        "22 janvier 2019. - VIDÉO - Le ministre a répondu aux questions. 3 mars 2019. - LE SCAN POLITIQUE - Le débat continue.",
        &Options::default(),
    );
    let names: Vec<&str> = f.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(!names.iter().any(|n| n.contains("VIDÉO") || n.contains("SCAN")), "{names:?}");
}

// ---- fr-orgs6: members of parliament, English places and French towns ----

fn en(text: &str) -> Facts {
    extract(text, &Options { lang: Some(Lang::En), ..Options::default() })
}

/// Every name is among the mentions with that label.
fn assert_all(e: &[(String, Label)], names: &[&str], label: Label) {
    for name in names {
        assert!(e.contains(&((*name).into(), label)), "{name}: {e:?}");
    }
}

#[test]
fn a_member_of_parliament_is_no_part_of_the_party_or_seat_before_it() {
    let f = en("Sarah Pollard, the Labour MP, said the vote was lost. The former Glasgow Kelvin MP \
                now writes books, and several Conservative MPs abstained. The MEP said nothing.");
    let e = ents(&f);
    assert!(!e.iter().any(|(t, _)| t.contains("MP")), "{e:?}");
    assert!(e.contains(&("Labour".into(), Label::Org)), "{e:?}");
    assert!(e.contains(&("Conservative".into(), Label::Org)), "{e:?}");
    assert!(e.contains(&("Glasgow Kelvin".into(), Label::Loc)), "{e:?}");
}

#[test]
fn an_english_body_before_a_title_stays_a_name_when_its_first_word_is_common() {
    // "refugee" is written in lowercase before, and the body's name opens the sentence.
    let f = en("The UN refugee agency is worried. They refused to hear the case. Refugee Council \
                Chief Executive Maeve Sherlock called the plans dangerous.");
    let e = ents(&f);
    assert!(e.contains(&("Refugee Council".into(), Label::Org)), "{e:?}");
    assert!(!e.iter().any(|(t, _)| t.contains("Chief")), "{e:?}");
    assert_eq!(roles(&f), [("Maeve Sherlock".to_string(), "Refugee Council Chief Executive".to_string())]);
}

#[test]
fn an_acronym_the_text_defines_is_one_organisation_whatever_its_other_labels() {
    let f = en("The National Institute of Economic and Social Research (NIESR) said growth would slow. \
                According to NIESR, taxes must rise.");
    let names: Vec<&str> = f.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["National Institute of Economic and Social Research"], "{:?}", f.entities);
}

#[test]
fn english_streets_and_london_districts_are_places() {
    let f = en("Residents of Tower Hamlets marched from Bethnal Green to Cobbold Lane on Sunday, \
                and Diane Lane watched them.");
    let e = ents(&f);
    assert_all(&e, &["Tower Hamlets", "Bethnal Green", "Cobbold Lane"], Label::Loc);
    assert!(e.contains(&("Diane Lane".into(), Label::Per)), "{e:?}");
}

#[test]
fn a_town_with_its_departement_in_brackets_is_a_place() {
    let f = fr("Des blocages ont eu lieu dans plusieurs villes, comme Figeac (Lot), Millau (Aveyron) \
                ou Condom (Gers). Le député Jean Castel (Lozère) a réagi.");
    let e = ents(&f);
    assert!(e.contains(&("Condom".into(), Label::Loc)), "{e:?}");
    assert!(e.contains(&("Jean Castel".into(), Label::Per)), "{e:?}");
}

#[test]
fn the_management_of_a_firm_is_no_part_of_its_name() {
    let f = fr("Les salariés ont manifesté mardi. Selon la direction de Renault, le site restera \
                ouvert, et la direction régionale des Douanes enquête.");
    let e = ents(&f);
    assert!(e.contains(&("Renault".into(), Label::Org)), "{e:?}");
    assert!(!e.iter().any(|(t, _)| t.starts_with("direction de")), "{e:?}");
    assert!(e.contains(&("direction régionale des Douanes".into(), Label::Org)), "a body: {e:?}");
}

#[test]
fn associations_and_councils_named_with_lower_case_words_are_found_whole() {
    let f = fr("Le Conseil économique, social et environnemental a rendu son avis. Droit au logement \
                et la Manif pour tous ont manifesté, comme Place publique.");
    let e = ents(&f);
    assert_all(
        &e,
        &[
            "Conseil économique, social et environnemental",
            "Droit au logement",
            "Manif pour tous",
            "Place publique",
        ],
        Label::Org,
    );
}

#[test]
fn team_nicknames_and_names_ending_in_a_company_word_are_organisations() {
    let f = en("The Wallabies will face the Socceroos' rugby cousins next week, and Grantley Labs \
                said it would sponsor the match.");
    let e = ents(&f);
    assert_all(&e, &["Wallabies", "Grantley Labs"], Label::Org);
}

#[test]
fn acronyms_in_apposition_to_the_noun_of_a_thing_are_no_organisations() {
    let f = fr("Les physiciens utilisent un télescope spatial, le JWST. Deux détecteurs, KARMA et \
                ORION, mesurent les particules. Un porte-parole de la NASA a confirmé.");
    let e = ents(&f);
    for thing in ["JWST", "KARMA", "ORION"] {
        assert!(!e.iter().any(|(t, l)| t == thing && *l == Label::Org), "{thing}: {e:?}");
    }
    assert!(e.contains(&("NASA".into(), Label::Org)), "{e:?}");
}

#[test]
fn english_names_ending_in_an_event_word_are_events() {
    let f = en("The singer, who won two Brit Awards last year, will open the Kelso Music Festival \
                before running the Dunmore Marathon in April.");
    let e = ents(&f);
    for event in ["Kelso Music Festival", "Dunmore Marathon"] {
        assert!(e.iter().any(|(t, l)| t == event && *l == Label::Misc), "{event}: {e:?}");
    }
}

#[test]
fn the_words_after_mp_for_name_a_seat() {
    let f = en("Anna Reeve, the Labour MP, said the bill was unfair. The MP for Caerwen Vale and \
                Plaid Cymru's leader agreed.");
    let e = ents(&f);
    assert_all(&e, &["Caerwen Vale"], Label::Loc);
    assert_all(&e, &["Plaid Cymru"], Label::Org);
}

#[test]
fn two_listed_names_run_together_are_split() {
    let f = en("Voters in the north said Labour and Tories had failed them, as Gazprom and India \
                signed a gas deal.");
    let e = ents(&f);
    assert_all(&e, &["Labour", "Tories"], Label::Org);
    assert!(!e.iter().any(|(t, _)| t.contains(" and ")), "{e:?}");
}

// Review of fr-orgs6: the rules stop where ordinary text would fool them.
#[test]
fn seats_scores_parties_and_streets_stop_where_the_text_says_otherwise() {
    let en = |t: &str| extract(t, &Options { lang: Some(Lang::En), ..Options::default() });
    // A seat's second part does not run into the member's own name.
    let e = ents(&en("The MP for Grantham and Stamford John Hayes spoke first."));
    assert!(!e.iter().any(|(t, l)| t.contains("John") && *l == Label::Loc), "{e:?}");
    // Bracketed numbers in a list are minutes or poll figures, not départements.
    let e = ents(&fr("Selon le sondage, Macron (58) devance largement Mélenchon (42) au second tour."));
    assert!(!e.iter().any(|(t, l)| (t == "Macron" || t == "Mélenchon") && *l == Label::Loc), "{e:?}");
    // One unknown word before "MP" is no seat.
    let e = ents(&en("The Independent MP said the vote was lost."));
    assert!(!e.iter().any(|(t, l)| t == "Independent" && *l == Label::Loc), "{e:?}");
    // A name followed by a description of a person is no street.
    let e = ents(&en("Maura Lane, a nurse from Leeds, was among the victims."));
    assert!(!e.iter().any(|(t, l)| t == "Maura Lane" && *l == Label::Loc), "{e:?}");
    // An acronym after "l'accord, …" is a body, not an instrument.
    let e = ents(&fr("Les syndicats ont signé l'accord, le SNPL en tête. Le SNPL a salué une avancée."));
    assert!(e.iter().any(|(t, l)| t == "SNPL" && *l == Label::Org), "{e:?}");
}

#[test]
fn a_comma_and_a_lower_case_word_end_a_name() {
    let f = fr("Un suspect a été identifié. D'après Le Parisien , l'homme serait «connu des services».");
    let e = ents(&f);
    assert!(!e.iter().any(|(t, _)| t.contains("homme")), "{e:?}");
}

#[test]
fn a_question_mark_ends_no_name() {
    let f = fr("Un suspect a été identifié, piste à l'étude selon Le Parisien ? Une source confirme.");
    let e = ents(&f);
    assert!(!e.iter().any(|(t, _)| t.ends_with('?')), "{e:?}");
    assert!(f.sources.iter().any(|s| s == "Le Parisien"), "{:?}", f.sources);
}

// ---- fr-orgs8: French press names (bodies joined by hyphens, …) ----

#[test]
fn bodies_joined_by_hyphens_are_each_an_organisation() {
    // Two listed media joined, and a polling firm joined to its partner after a poll word.
    let f = fr("Invité de la matinale Europe 1-Le Parisien, le député a répondu. Selon un sondage \
                Ipsos-Sopra Steria réalisé en ligne, la réforme divise.");
    let e = ents(&f);
    assert_all(&e, &["Europe 1", "Le Parisien", "Ipsos", "Sopra Steria"], Label::Org);
    // A listed paper written with a hyphen stays whole; a person's double name is no body; a
    // programme's title in guillemets is a work.
    let f = fr("Il a écrit à Ouest-France. Marie Dupont-Aignan est arrivée. Il était l'invité du «Grand \
                Jury RTL-Le Figaro» dimanche.");
    let e = ents(&f);
    assert!(e.contains(&("Ouest-France".into(), Label::Org)), "{e:?}");
    for part in ["Ouest", "France", "Aignan", "RTL", "Le Figaro"] {
        assert!(!e.iter().any(|(t, _)| t == part), "{part}: {e:?}");
    }
}

#[test]
fn parliamentary_groups_are_organisations_even_after_a_title() {
    let f = fr("Le président du groupe Union centriste a parlé. Les sénateurs Les Indépendants – \
                République et Territoires et les députés Libertés et Territoires voteront contre.");
    let e = ents(&f);
    assert_all(
        &e,
        &["Union centriste", "Les Indépendants – République et Territoires", "Libertés et Territoires"],
        Label::Org,
    );
    assert!(!e.iter().any(|(t, l)| t == "Libertés" && *l == Label::Per), "{e:?}");
}

#[test]
fn state_services_named_by_a_lower_case_domain_are_organisations() {
    let f = fr("La direction générale de la gendarmerie nationale a saisi l'inspection générale de \
                l'administration. Selon la direction générale de l'entreprise, rien ne change.");
    let e = ents(&f);
    assert_all(
        &e,
        &["direction générale de la gendarmerie nationale", "inspection générale de l'administration"],
        Label::Org,
    );
    assert!(!e.iter().any(|(t, _)| t.contains("entreprise")), "{e:?}");
}

#[test]
fn section_labels_joined_by_a_slash_or_following_one_another_are_no_names() {
    let f = fr("3 mars 2019. - LE SCAN SPORT/PHOTOS - Le club a gagné à Lyon.\n» À VOIR AUSSI - \
                DIAPORAMA: les supporters à Marseille\n» À VOIR - La fête à Nice\nVOTRE AVIS - Les \
                lecteurs répondent à Bordeaux.");
    let e = ents(&f);
    for label in ["SCAN", "PHOTOS", "DIAPORAMA", "VOIR", "VOTRE AVIS"] {
        assert!(!e.iter().any(|(t, _)| t.contains(label)), "{label}: {e:?}");
    }
    assert_all(&e, &["Lyon", "Marseille", "Nice", "Bordeaux"], Label::Loc);
}

#[test]
fn a_capitalised_street_word_opens_a_street() {
    let f = fr("Le bus passe par Avenue Marceau puis Boulevard Raspail. Place Beauvau, on se tait.");
    let e = ents(&f);
    assert_all(&e, &["Avenue Marceau", "Boulevard Raspail"], Label::Loc);
    assert!(!e.iter().any(|(t, l)| t == "Place Beauvau" && *l == Label::Loc), "{e:?}");
}

#[test]
fn the_name_of_an_affair_is_a_person() {
    let f = fr("Affaibli par l'affaire Kerbrat cet été, le gouvernement recule. L'affaire de Tarnac \
                revient à Rennes.");
    let e = ents(&f);
    assert!(e.contains(&("Kerbrat".into(), Label::Per)), "{e:?}");
    assert!(e.contains(&("Tarnac".into(), Label::Loc)), "{e:?}");
}

#[test]
fn a_body_ranked_among_others_leaves_de_to_the_place() {
    let f = fr("La plus vieille confédération de France appelle à la grève, comme le premier syndicat \
                de Belgique. La Banque de France reste prudente.");
    let e = ents(&f);
    assert_all(&e, &["France", "Belgique"], Label::Loc);
    assert!(e.contains(&("Banque de France".into(), Label::Org)), "{e:?}");
    assert!(!e.iter().any(|(t, _)| t.starts_with("confédération") || t.starts_with("syndicat")), "{e:?}");
}

#[test]
fn a_surname_said_alone_after_the_full_name_is_the_person() {
    let mention_at = |text: &str, f: &Facts, before: &str, word: &str| {
        let at = text.find(&format!("{before}{word}")).map(|i| i + before.len());
        f.entities.iter().find(|e| e.mentions.iter().any(|m| Some(m.start) == at)).map(|e| e.label)
    };
    let text = "Le ministre Gérald Vasseur a parlé lundi. «Vasseur veut diluer la colère», ironise un élu.";
    let f = fr(text);
    assert_eq!(mention_at(text, &f, "«", "Vasseur"), Some(Label::Per), "{:?}", ents(&f));
    // A thing named after the person is no mention of him.
    let text = "En 1950, Alan Turing explore le problème de l'intelligence dans son test de Turing.";
    let f = fr(text);
    assert_ne!(mention_at(text, &f, "test de ", "Turing"), Some(Label::Per), "{:?}", ents(&f));
}

#[test]
fn a_movement_named_by_a_noun_and_its_creed_is_whole() {
    let f = fr("Les militants de Génération identitaire ont défilé, soutenus par Alliance écologiste \
                indépendante.");
    let e = ents(&f);
    assert_all(&e, &["Génération identitaire", "Alliance écologiste indépendante"], Label::Org);
}

#[test]
fn the_state_with_its_adjective_and_a_night_are_no_names() {
    let f = fr("Le chef de l'État russe a répondu à l'État français, mais l'État islamique a \
                revendiqué l'attaque. Il a parlé lors d'une Nuit debout à Lyon.");
    let e = ents(&f);
    for not in ["État russe", "État français", "Nuit"] {
        assert!(!e.iter().any(|(t, _)| t == not), "{not}: {e:?}");
    }
    assert!(e.contains(&("État islamique".into(), Label::Org)), "{e:?}");
}

// ---- fr-orgs9: names of bodies abroad and at home (lower-case fields, …) ----

#[test]
fn a_capitalised_head_takes_its_lower_case_fields() {
    let f = fr("La Chambre des représentants a voté mardi. Le Conseil suprême des forces armées a \
                dissous l'assemblée, et le Parti de la liberté et de la justice proteste. Selon le \
                Centre national de recherches textuelles et lexicales, le mot est ancien.");
    let e = ents(&f);
    for org in [
        "Chambre des représentants",
        "Conseil suprême des forces armées",
        "Parti de la liberté et de la justice",
        "Centre national de recherches textuelles et lexicales",
    ] {
        assert!(e.contains(&(org.into(), Label::Org)), "{org}: {e:?}");
    }
}

#[test]
fn lower_case_fields_stop_at_a_capitalised_name_or_a_second_body() {
    let f = fr("Des chercheurs de l'Institut Max-Planck et de l'université de Gênes ont publié. \
                La Fédération des pêcheurs de Bretagne proteste.");
    let e = ents(&f);
    assert!(e.iter().all(|(t, _)| !t.contains("Max-Planck et")), "{e:?}");
    assert!(!e.iter().any(|(t, _)| t == "Fédération des pêcheurs"), "{e:?}");
}

#[test]
fn a_listed_body_then_de_and_its_leader_is_two_names() {
    let f = fr("Le Parti socialiste de François Hollande a gagné, la Ligue du Nord d'Umberto Bossi \
                a perdu et la Fed de New York attend.");
    let e = ents(&f);
    for (name, label) in [
        ("Parti socialiste", Label::Org),
        ("François Hollande", Label::Per),
        ("Ligue du Nord", Label::Org),
        ("Umberto Bossi", Label::Per),
    ] {
        assert!(e.contains(&(name.into(), label)), "{name}: {e:?}");
    }
    assert!(!e.iter().any(|(t, l)| t == "New York" && *l == Label::Per), "{e:?}");
}

#[test]
fn a_club_named_stade_and_its_towns_adjective_is_a_club() {
    let f = fr("Le Stade rochelais a battu Castres au stade Marcel-Deflandre.");
    let e = ents(&f);
    assert!(e.contains(&("Stade rochelais".into(), Label::Org)), "{e:?}");
}

#[test]
fn a_capitalised_head_runs_past_a_state_services_domain() {
    let f = fr("Une étude de l'Institut national de la santé et de la recherche médicale paraît.");
    let e = ents(&f);
    assert!(
        e.contains(&("Institut national de la santé et de la recherche médicale".into(), Label::Org)),
        "{e:?}"
    );
}

#[test]
fn a_name_runs_to_its_acronym_in_brackets() {
    let f = fr("Le Mouvement pour l'unicité et le jihad en Afrique de l'Ouest (Mujao) menace. Le \
                Conseil des ministres adopte le budget (PLF) mercredi.");
    let e = ents(&f);
    let long = "Mouvement pour l'unicité et le jihad en Afrique de l'Ouest";
    assert!(e.contains(&(long.into(), Label::Org)), "{e:?}");
    assert!(!e.iter().any(|(t, _)| t.contains("budget")), "another initial: {e:?}");
}

#[test]
fn a_cue_noun_written_as_an_acronym_stays_out_of_the_name() {
    let e = ents(&fr("L'ONG Greenpeace a dénoncé le projet de forage."));
    assert_all(&e, &["Greenpeace"], Label::Org);
    assert!(e.iter().all(|(t, _)| !t.starts_with("ONG")), "the cue stays out: {e:?}");
}

#[test]
fn the_article_opening_a_sentence_is_no_part_of_a_club_or_bodys_name() {
    let e = ents(&fr("Le FC Séville s'est qualifié hier soir."));
    assert_all(&e, &["FC Séville"], Label::Org);
    assert!(e.iter().all(|(t, _)| !t.starts_with("Le ")), "{e:?}");
}

#[test]
fn common_given_names_of_the_news_tell_a_gender() {
    use super::coref::{Gender, given_name_gender};
    for name in [
        "Valentine Morvandieu",
        "Priscilla Quelvennec",
        "Yolande Carabasse",
        "Svetlana Orlova",
        "Clémentine Dupuis",
    ] {
        assert_eq!(given_name_gender(name), Gender::Female, "{name}");
    }
    for name in
        ["Armand Quelvennec", "Mounir Belkacem", "Jean-Christophe Morel", "Rory Dunmore", "Yusuf Demir"]
    {
        assert_eq!(given_name_gender(name), Gender::Male, "{name}");
    }
    assert_eq!(given_name_gender("Sacha Morel"), Gender::Unknown, "given to both");
    // A given name that is as often a surname or a place is left out.
    for word in ["francisco", "filippo", "franz", "cesar"] {
        assert!(!super::gazetteer::GAZ.first_names.contains(word), "{word}");
    }
}

#[test]
fn publishing_houses_are_organisations() {
    let f = fr("Son dernier essai, Les Rivages du doute (Plon, 2019), prolonge celui qu'il avait donné \
                à L'Harmattan. Sa biographie de Colbert paraîtra chez Albin Michel.");
    let e = ents(&f);
    for org in ["Plon", "L'Harmattan", "Albin Michel"] {
        assert!(e.contains(&(org.into(), Label::Org)), "{org}: {e:?}");
    }
}

#[test]
fn a_surname_opening_with_a_particle_is_the_person_named_in_full() {
    let people = |text: &str| fr(text).people.into_iter().map(|p| p.name).collect::<Vec<_>>();
    let text = "Jean-Yves Le Drian a parlé dimanche. Selon Le Drian, le pays doit changer. \
                Robert De Niro est arrivé. De Niro a salué la foule.";
    let names = people(text);
    assert!(names.contains(&"Jean-Yves Le Drian".to_string()), "{names:?}");
    assert!(!names.iter().any(|n| n == "Le Drian" || n == "De Niro"), "{names:?}");
    // Two people share the surname: « Le Pen » alone names neither.
    let text = "Marine Le Pen a répondu à Jean-Marie Le Pen. Selon Le Pen, le parti doit changer.";
    let names = people(text);
    assert!(names.contains(&"Marine Le Pen".to_string()) && names.contains(&"Jean-Marie Le Pen".to_string()));
    assert!(names.iter().any(|n| n == "Le Pen"), "{names:?}");
}
