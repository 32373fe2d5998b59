use super::*;
use calendar::Ymd;

fn dates(s: &str, art: Option<(i32, u32, u32)>) -> Vec<(String, Option<String>)> {
    let doc = Doc::new(s, None);
    find_dates(&doc, art).into_iter().map(|d| (d.fact.text, d.fact.value)).collect()
}

fn one(s: &str) -> Option<String> {
    dates(s, None).into_iter().next().and_then(|d| d.1)
}

#[test]
fn calendar_math() {
    assert_eq!(calendar::weekday(2022, 11, 21), 1);
    assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
    let monday = Some((2022, 11, 21));
    assert_eq!(dates("Il est venu mardi.", monday), vec![("mardi".into(), Some("2022-11-15".into()))]);
    assert_eq!(dates("Il est venu lundi.", monday), vec![("lundi".into(), Some("2022-11-21".into()))]);
}

#[test]
fn french_and_english() {
    assert_eq!(
        dates("publié lundi 21 novembre 2022.", None),
        vec![("lundi 21 novembre 2022".into(), Some("2022-11-21".into()))]
    );
    assert_eq!(one("le 21 nov. 2022"), Some("2022-11-21".into()));
    assert_eq!(one("on November 21, 2022, he"), Some("2022-11-21".into()));
    assert_eq!(one("on 21 November 2022"), Some("2022-11-21".into()));
    assert_eq!(one("le 1er janvier"), Some("--01-01".into()));
    // A dateline anchors the year-less dates of the text.
    let text = "22 juin 2012. - La console sortira le 28 juillet.";
    let doc = Doc::new(text, None);
    let values: Vec<Option<String>> = find_dates(&doc, None).into_iter().map(|d| d.fact.value).collect();
    assert_eq!(values, vec![Some("2012-06-22".into()), Some("2012-07-28".into())]);
    assert_eq!(
        dates("le 1er janvier", Some((2023, 5, 2))).first().and_then(|d| d.1.clone()),
        Some("2023-01-01".into())
    );
    assert_eq!(dates("depuis 2021, la Russie", None), vec![("2021".into(), Some("2021".into()))]);
    assert_eq!(dates("en mars 2020", None), vec![("mars 2020".into(), Some("2020-03".into()))]);
    assert_eq!(one("le 2022-11-21"), Some("2022-11-21".into()));
    assert_eq!(one("le 21/11/2022"), Some("2022-11-21".into()));
    assert_eq!(one("le 31 février 2022"), None);
}

#[test]
fn weekdays_and_non_dates() {
    // A text opening "de 2000 …" is read without looking before its first word (it panicked in
    // debug builds).
    assert!(dates("de 2000 manifestants", Some((2018, 12, 4))).len() <= 1);
    // "hier" as the past in general is no date.
    for text in [
        "Leur colère ne date pas d'hier.",
        "Il appartient au monde d'hier.",
        "Les héros d'hier et d'aujourd'hui.",
    ] {
        assert!(dates(text, Some((2018, 12, 4))).iter().all(|d| d.0 != "hier"), "{text}");
    }
    assert_eq!(
        dates("Il est venu mardi.", Some((2022, 11, 21))),
        vec![("mardi".into(), Some("2022-11-15".into()))]
    );
    // Without the article's date a weekday means nothing: not reported.
    assert!(dates("He came on Tuesday.", None).is_empty());
    assert!(dates("Il a 2021 moutons et 300 vaches, 12 mai", None).iter().all(|d| d.0 != "2021"));
    assert!(dates("You may go. Mars is red.", None).is_empty());
    assert!(dates("It is what we may in time accept.", None).is_empty());
    // A month without year and nothing to give it one is not reported.
    assert!(dates("Work starts in May.", None).is_empty());
    assert_eq!(
        dates("Work starts in May.", Some((2024, 3, 14))),
        vec![("May".into(), Some("2024-05".into()))]
    );
    assert_eq!(dates("closed since May.", Some((2024, 3, 14))), vec![("May".into(), Some("2023-05".into()))]);
    assert!(dates("the Sunday Times said", None).is_empty());
    assert!(dates("a-t-il expliqué au Journal du Dimanche.", Some((2019, 1, 28))).is_empty());
    // "un nouveau samedi": the coming one, that day itself on a Saturday; "un autre": none.
    let coming = |date| dates("On craint un nouveau samedi de violences.", Some(date));
    assert_eq!(coming((2018, 12, 4)), vec![("samedi".into(), Some("2018-12-08".into()))]);
    assert_eq!(coming((2018, 12, 8)), vec![("samedi".into(), Some("2018-12-08".into()))]);
    assert!(dates("Il y eut un autre samedi de violences.", Some((2018, 12, 4))).is_empty());
    // French writes weekdays in lower case: before a name it is still the day.
    let thursday = Some((2018, 12, 20));
    let said =
        dates("« Nous restons mobilisés », a déclaré jeudi Vladimir Poutine devant la presse.", thursday);
    assert_eq!(said, vec![("jeudi".into(), Some("2018-12-20".into()))]);
}

#[test]
fn next_and_last_weekdays() {
    // 2022-11-21 is a Monday.
    let monday = Some((2022, 11, 21));
    assert_eq!(dates("lundi prochain", monday), vec![("lundi prochain".into(), Some("2022-11-28".into()))]);
    assert_eq!(dates("next Friday", monday), vec![("next Friday".into(), Some("2022-11-25".into()))]);
    assert_eq!(dates("mardi dernier", monday), vec![("mardi dernier".into(), Some("2022-11-15".into()))]);
    assert_eq!(dates("last Monday", monday), vec![("last Monday".into(), Some("2022-11-14".into()))]);
    assert_eq!(dates("on Monday", monday), vec![("Monday".into(), Some("2022-11-21".into()))]);
}

#[test]
fn days_relative_to_the_article_date() {
    let day = Some((2023, 3, 1));
    assert_eq!(
        dates("Il est arrivé hier soir et repart demain.", day),
        vec![("hier soir".into(), Some("2023-02-28".into())), ("demain".into(), Some("2023-03-02".into()))]
    );
    assert_eq!(dates("aujourd’hui", day), vec![("aujourd’hui".into(), Some("2023-03-01".into()))]);
    // With a present of having or counting, "aujourd'hui" means nowadays.
    for text in [
        "Il y avait 20 000 emplois en 2010 et il n'y en a plus que 9 000 aujourd'hui.",
        "La commune compte aujourd'hui 3 000 habitants.",
        "On a aujourd'hui un pays qui doute.",
    ] {
        assert!(dates(text, day).iter().all(|(s, _)| !s.contains("aujourd")), "{text}");
    }
    // An event of the day keeps its date, also after "a".
    for text in [
        "Le pays a officiellement aboli la censure aujourd'hui.",
        "Le ministre a aujourd'hui annoncé sa démission.",
        "Il a dit aujourd'hui qu'il partirait.",
        "À Lyon aujourd'hui, les trams ne circulent pas.",
        "A Marseille aujourd'hui, le mistral souffle.",
        "C'est aujourd'hui que les candidats passent l'examen.",
    ] {
        assert!(dates(text, day).iter().any(|(s, v)| s.contains("aujourd") && v.is_some()), "{text}");
    }
    assert_eq!(dates("avant-hier", day), vec![("avant-hier".into(), Some("2023-02-27".into()))]);
    assert_eq!(
        dates("Police said yesterday morning that", day),
        vec![("yesterday morning".into(), Some("2023-02-28".into()))]
    );
    assert!(dates("He left today.", None).is_empty());
    // A capitalised "Today" inside a sentence names a programme.
    assert!(dates("he told BBC Radio 4's Today programme", day).is_empty());
    assert_eq!(dates("Today, he said", day), vec![("Today".into(), Some("2023-03-01".into()))]);
}

fn values(s: &str, art: Option<(i32, u32, u32)>) -> Vec<(String, String)> {
    dates(s, art).into_iter().map(|(t, v)| (t, v.unwrap_or_default())).collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn weekdays_follow_the_tense_and_the_dates_of_the_text() {
    // 2012-11-27 is a Tuesday.
    let tuesday = Some((2012, 11, 27));
    assert_eq!(
        values("Il doit recevoir vendredi le ministre.", tuesday),
        pairs(&[("vendredi", "2012-11-30")])
    );
    assert_eq!(values("Il a reçu vendredi le ministre.", tuesday), pairs(&[("vendredi", "2012-11-23")]));
    assert_eq!(
        values("Le président recevra lundi les syndicats.", tuesday),
        pairs(&[("lundi", "2012-12-03")])
    );
    assert_eq!(
        values("Il la recevait vendredi 30 novembre. Selon lui, vendredi sera décisif.", tuesday),
        pairs(&[("vendredi 30 novembre", "2012-11-30"), ("vendredi", "2012-11-30")])
    );
    assert_eq!(values("The minister will meet them on Friday.", tuesday), pairs(&[("Friday", "2012-11-30")]));
    assert_eq!(values("The minister met them on Friday.", tuesday), pairs(&[("Friday", "2012-11-23")]));
}

#[test]
fn relative_periods() {
    let day = Some((2012, 7, 4)); // a Wednesday
    assert_eq!(
        values("La semaine prochaine, l'an dernier, le mois dernier, cette année.", day),
        pairs(&[
            ("semaine prochaine", "2012-07-09/2012-07-15"),
            ("an dernier", "2011"),
            ("mois dernier", "2012-06"),
            ("cette année", "2012"),
        ])
    );
    assert_eq!(
        values("Last year and next month, this week.", day),
        pairs(&[("Last year", "2011"), ("next month", "2012-08"), ("this week", "2012-07-02/2012-07-08")])
    );
    assert_eq!(values("Il est arrivé ce matin.", day), pairs(&[("ce matin", "2012-07-04")]));
    assert!(dates("La semaine prochaine, l'an dernier.", None).is_empty());
}

#[test]
fn quantities_are_not_ranges() {
    // Not ranges: quantities.
    assert!(dates("de 2 à 3 millions", Some((2012, 6, 5))).is_empty());
}

#[test]
fn bare_years() {
    assert_eq!(values("Le budget 2013 a été voté.", None), pairs(&[("2013", "2013")]));
    assert_eq!(values("La crise de 2008, qui", None), pairs(&[("2008", "2008")]));
    assert!(dates("plus de 2000 personnes", None).is_empty());
    assert!(dates("l'Euro 2012 commence", None).is_empty());
    assert!(dates("entre 1500 et 2000 personnes", None).is_empty());
    // English function words after a year end its phrase as French ones do.
    assert_eq!(values("It was named the word of 2004 by a publisher.", None), pairs(&[("2004", "2004")]));
    assert!(dates("More than 2000 by the end of the day.", None).is_empty());
    assert!(dates("They sold 1800 in the first week.", None).is_empty());
    assert!(dates("Organisers expected 2000 at the stadium.", None).is_empty());
}

#[test]
fn dates_with_their_own_tense_and_year() {
    // A dateline opening the line after a title line.
    let text = "Un titre sur une ligne, adopté en janvier 2012 par vingt pays\n4 juillet 2012. - Il est arrivé hier.";
    let found: Vec<Option<String>> =
        find_dates(&Doc::new(text, None), None).into_iter().map(|d| d.fact.value).collect();
    assert_eq!(found.last(), Some(&Some("2012-07-03".to_string())));
}

#[test]
fn resolved_dates() {
    // (article date, text, the date found, its value)
    let cases: &[(Ymd, &str, &str, &str)] = &[
        // days and months without year follow the tense
        ((2012, 11, 20), "La hausse est prévue au 1er janvier.", "1er janvier", "2013-01-01"),
        // a hearsay conditional past and a participle of what happened point back
        ((2019, 1, 8), "Tout serait parti d'une vidéo publiée samedi vers midi.", "samedi", "2019-01-05"),
        ((2019, 1, 8), "Il a lu un texte paru fin décembre dans un quotidien.", "fin décembre", "2018-12"),
        ((2019, 1, 8), "Le livre sera publié le 20 mars.", "20 mars", "2019-03-20"),
        // "aura" before a noun is the future, not a compound past ("aura des blessés")
        ((2018, 12, 4), "Si ça repart comme ça samedi, il y aura des blessés.", "samedi", "2018-12-08"),
        // a weekday that fits no nearby year is the writer's slip, not a date years away
        ((2019, 1, 8), "Il devra se rendre au siège jeudi 10 décembre.", "jeudi 10 décembre", "2019-12-10"),
        ((2012, 11, 20), "Les travaux commenceront en février.", "février", "2013-02"),
        ((2012, 11, 20), "Il est né le 14 février.", "14 février", "2012-02-14"),
        ((2013, 1, 10), "Il a été arrêté le 3 décembre.", "3 décembre", "2012-12-03"),
        // ranges and periods
        ((2012, 6, 5), "du 22 au 24 juin", "22 au 24 juin", "2012-06-22/2012-06-24"),
        ((2012, 6, 5), "du 28 juin au 3 juillet 2013", "28 juin au 3 juillet 2013", "2013-06-28/2013-07-03"),
        ((2012, 6, 5), "entre 2008 et 2009", "2008 et 2009", "2008/2009"),
        ((2012, 6, 5), "de janvier à mars 2012", "janvier à mars 2012", "2012-01/2012-03"),
        ((2012, 6, 5), "from 3 to 5 June", "3 to 5 June", "2012-06-03/2012-06-05"),
        ((2012, 6, 5), "la saison 2011-2012", "2011-2012", "2011/2012"),
        ((2012, 6, 5), "à la mi-juin", "mi-juin", "2012-06"),
        ((2012, 6, 5), "by mid-June", "mid-June", "2012-06"),
        ((2012, 6, 5), "mi-2012", "mi-2012", "2012"),
        ((2012, 6, 5), "au premier semestre 2012", "premier semestre 2012", "2012-01/2012-06"),
        ((2012, 6, 5), "in the first half of 2012", "first half of 2012", "2012-01/2012-06"),
        ((2012, 6, 5), "au XVe siècle", "XVe siècle", "1401/1500"),
        ((2012, 6, 5), "in the 19th century", "19th century", "1801/1900"),
        ((2012, 6, 5), "les années 1990", "années 1990", "1990/1999"),
        ((2012, 6, 5), "in the 1990s", "1990s", "1990/1999"),
        // weekday ranges and this weekday
        ((2018, 11, 19), "Ils ont pillé de lundi à mardi.", "lundi à mardi", "2018-11-12/2018-11-13"),
        ((2018, 11, 19), "La situation reste préoccupante ce mardi.", "mardi", "2018-11-20"),
        ((2018, 11, 19), "Il a mobilisé 3000 hommes pour samedi.", "samedi", "2018-11-24"),
        ((2018, 12, 13), "Le gouvernement a demandé de ne pas manifester samedi.", "samedi", "2018-12-15"),
        (
            (2018, 12, 5),
            "Les routiers menacent de bloquer le pays dès dimanche soir.",
            "dimanche soir",
            "2018-12-09",
        ),
        // a day a few weeks back in a future clause is this year's; a year in two digits
        (
            (2018, 12, 6),
            "La présence sera accrue, contre 16 escadrons le 24 novembre.",
            "24 novembre",
            "2018-11-24",
        ),
        ((2019, 1, 28), "Le défilé du 30 mai 68, un sursaut populaire.", "30 mai 68", "1968-05-30"),
        // the incise of saying after the date is not its tense; "a priori" is no auxiliary
        ((2018, 11, 27), "Le musée sera fermé samedi, a annoncé la mairie.", "samedi", "2018-12-01"),
        ((2018, 11, 27), "Il dévoilera, a priori vendredi, sa méthode.", "vendredi", "2018-11-30"),
        ((2018, 11, 27), "Le ministre qui, samedi, précisera « le calendrier ».", "samedi", "2018-12-01"),
        ((2018, 11, 27), "La CGT n'ira pas vendredi aux vœux du ministre.", "vendredi", "2018-11-30"),
        // dates with their own tense and year
        ((2012, 7, 4), "du 6 au 15 mai l'an prochain", "6 au 15 mai l'an prochain", "2013-05-06/2013-05-15"),
        ((2012, 7, 4), "Ils ont été arrêtés en juin dernier.", "juin dernier", "2012-06"),
        ((2012, 7, 4), "Il est attendu à Alger le 16 juillet prochain.", "16 juillet prochain", "2012-07-16"),
        ((2012, 7, 4), "Il est attendu dans le New Jersey mercredi.", "mercredi", "2012-07-04"),
        // edges of a year, seasons, nights, time ago, lists of days
        ((2012, 7, 4), "ils partiront fin 2014.", "fin 2014", "2014-12"),
        ((2012, 7, 4), "avant la fin de l'année 2012", "fin de l'année 2012", "2012-12"),
        ((2012, 11, 7), "depuis le début de l'année en Indonésie", "début de l'année", "2012-01"),
        ((2018, 12, 20), "une hausse graduelle à partir de janvier", "janvier", "2019-01"),
        ((2018, 12, 20), "la mesure entrera en vigueur courant février", "courant février", "2019-02"),
        // where a measure starts is the nearest such day, whatever tense reports it
        ((2018, 12, 24), "Il a annoncé une prime à partir du 5 février.", "5 février", "2019-02-05"),
        ((2018, 12, 24), "La grève a duré à partir du 17 novembre.", "17 novembre", "2018-11-17"),
        // "aurait dû" is a plan, not the past: the nearest February
        ((2019, 1, 30), "La hausse aurait dû intervenir en février.", "février", "2019-02"),
        // "l'année" with a tense: last year's end in January, next year's start in December.
        ((2019, 1, 30), "le budget voté à la fin de l'année par le Parlement", "fin de l'année", "2018-12"),
        ((2018, 12, 24), "le projet sera présenté en début d'année", "début d'année", "2019-01"),
        ((2012, 7, 4), "un projet soumis en début d'année prochaine", "début d'année prochaine", "2013-01"),
        ((2012, 7, 4), "le conflit survenu au printemps 2012", "printemps 2012", "2012-03/2012-06"),
        ((2012, 7, 4), "Cette nuit, les talibans ont attaqué", "Cette nuit", "2012-07-03/2012-07-04"),
        ((2012, 7, 4), "Créé il y a 30 ans, ce terminal", "il y a 30 ans", "1982"),
        ((2012, 7, 4), "The firm was founded ten years ago.", "ten years ago", "2002"),
        ((2012, 7, 4), "Il reviendra dans trois semaines.", "dans trois semaines", "2012-07-23/2012-07-29"),
        ((2012, 11, 1), "ravagé en début de semaine", "début de semaine", "2012-10-29/2012-10-30"),
        ((2018, 12, 28), "un acte I avait eu lieu le samedi 5 janvier", "samedi 5 janvier", "2019-01-05"),
        ((2012, 7, 4), "Ils ont manifesté ce week-end.", "ce week-end", "2012-06-30/2012-07-01"),
        ((2012, 7, 4), "les prix baisseront d'ici juin", "juin", "2013-06"),
        ((2012, 7, 4), "au mois d'août dernier", "août dernier", "2011-08"),
        ((2012, 11, 7), "Il a plu l'été dernier.", "été dernier", "2012-06/2012-09"),
        ((2012, 11, 7), "les 21, 22 et 23 novembre", "21, 22 et 23 novembre", "2012-11-21/2012-11-23"),
        ((2012, 7, 1), "mardi 3 et mercredi 4 juil.", "mardi 3 et mercredi 4 juil.", "2012-07-03/2012-07-04"),
        ((2012, 7, 1), "réunis le 4 et le 5 juillet", "4 et le 5 juillet", "2012-07-04/2012-07-05"),
        ((2012, 11, 7), "les 1er et 2 décembre 2012", "1er et 2 décembre 2012", "2012-12-01/2012-12-02"),
    ];
    for (day, input, text, value) in cases {
        assert_eq!(values(input, Some(*day)), pairs(&[(text, value)]), "{input}");
    }
}

#[test]
fn coordinations_and_counted_weekdays_are_not_ranges() {
    let day = Some((2012, 6, 5));
    assert_eq!(values("la révolution de 2004 et 2005", day), pairs(&[("2004", "2004"), ("2005", "2005")]));
    assert_eq!(values("entre le 2 et le 6 juin", day), pairs(&[("2 et le 6 juin", "2012-06-02/2012-06-06")]));
    assert!(dates("lors du troisième samedi de mobilisation", day).is_empty());
    // A match's halves, a time, a year over two.
    assert!(dates("He scored in the second half.", day).is_empty());
    assert!(dates("les fêtes de fin d'année", day).is_empty());
    assert!(dates("la veille de Noël", day).is_empty());
    // A day counted from the last one the text named.
    let found = values("Il est arrivé le 3 juin 2012. Le lendemain, il partait.", None);
    assert_eq!(found, pairs(&[("3 juin 2012", "2012-06-03"), ("lendemain", "2012-06-04")]));
    let found = values("La révolution orange de 2004. Dix ans plus tard, à Kiev.", None);
    assert_eq!(found, pairs(&[("2004", "2004"), ("Dix ans plus tard", "2014")]));
    let found = values("Il est arrivé le 3 juin 2012. Deux mois plus tard, il partait.", None);
    assert_eq!(found, pairs(&[("3 juin 2012", "2012-06-03"), ("Deux mois plus tard", "2012-08")]));
    assert!(dates("tuned in between 2000 and 2100 GMT", day).is_empty());
    assert_eq!(values("In 2003/2004, searches rose.", day), pairs(&[("2003/2004", "2003/2004")]));
    assert_eq!(
        values("in the first half of next year", day),
        pairs(&[("first half of next year", "2013-01/2013-06")])
    );
}

#[test]
fn years_and_quantities() {
    let found = values("Un décret de 2011 mais, en 1939-45, la Commune (1870). ● 1995: une grève", None);
    assert_eq!(
        found,
        pairs(&[("2011", "2011"), ("1939-45", "1939/1945"), ("1870", "1870"), ("1995", "1995")])
    );
    for quantity in [
        "un salaire de 2000 euros",
        "près de 2000 dans toute la France",
        "les 2000 la semaine",
        "2000 des manifestants",
        "à 20:30",
    ] {
        assert!(dates(quantity, None).is_empty(), "{quantity}");
    }
}

#[test]
fn a_date_far_from_its_verb_takes_the_tense_of_the_sentence() {
    // 2012-11-27 is a Tuesday. The verb that makes the second day future is many words back.
    let tuesday = Some((2012, 11, 27));
    assert_eq!(
        values(
            "Les températures devraient dépasser les normales de saison dans toute la région du nord au sud et sur les côtes vendredi.",
            tuesday
        ),
        pairs(&[("vendredi", "2012-11-30")])
    );
    assert_eq!(
        values(
            "Les températures ont dépassé les normales de saison dans toute la région du nord au sud et sur les côtes vendredi.",
            tuesday
        ),
        pairs(&[("vendredi", "2012-11-23")])
    );
}

/// Press habits: a planned action in the infinitive, a compound past in the future, weekdays
/// that name no one day, and "sept" the number.
#[test]
fn press_weekdays_and_their_tense() {
    let monday = Some((2018, 11, 26));
    // An infinitive of what is planned points to the coming Saturday.
    assert_eq!(
        values("Les syndicats appellent à manifester samedi devant la mairie.", monday),
        pairs(&[("samedi", "2018-12-01")])
    );
    assert_eq!(
        values("Les agriculteurs ont décidé de défiler à partir de dimanche soir.", monday),
        pairs(&[("dimanche soir", "2018-12-02")])
    );
    // An imperfect in "-rait" of a stem in "r" is a past, a conditional is not.
    let sunday_feb = Some((2019, 2, 17));
    assert_eq!(
        values(
            "C'est la haine qui s'est déversée samedi après-midi sur lui, alors qu'il rentrait.",
            sunday_feb
        ),
        pairs(&[("samedi après-midi", "2019-02-16")])
    );
    assert_eq!(
        values("Le cortège s'est formé samedi, comme le montrait la vidéo.", sunday_feb),
        pairs(&[("samedi", "2019-02-16")])
    );
    assert_eq!(
        values("Le ministre se rendrait samedi à Lyon.", sunday_feb),
        pairs(&[("samedi", "2019-02-23")])
    );
    // "aura vu", "aurait été": a past seen from now.
    let sunday = Some((2018, 12, 16));
    assert_eq!(
        values("La journée organisée samedi aura vu une baisse de la mobilisation.", sunday),
        pairs(&[("samedi", "2018-12-15")])
    );
    // Habits and indefinite weekdays are no dates.
    for text in [
        "Les commerces pourront ouvrir le dimanche toute l'année.",
        "Un dimanche trop proche des fêtes attire peu de clients.",
        "Chaque samedi, le marché s'installe sur la place.",
        "Il faut savoir pour quel(s) dimanche(s) la dérogation vaut.",
        "Elle l'a dit dans un entretien au Journal Dimanche.",
    ] {
        assert!(dates(text, monday).is_empty(), "{text}: {:?}", dates(text, monday));
    }
    // "sept" is a month only next to a number.
    assert!(dates("Ils bloquaient le dépôt depuis sept jours.", monday).is_empty());
    assert_eq!(one("le 12 sept. 2018"), Some("2018-09-12".into()));
}

#[test]
fn months_and_early_years_in_phrases() {
    let friday = Some((2019, 1, 18));
    assert_eq!(
        values("Les magasins ouvriront tous les week-ends de janvier.", friday),
        pairs(&[("janvier", "2019-01")])
    );
    assert_eq!(
        dates("Il s'est illustré en 1791 en reconnaissant le roi.", None),
        vec![("1791".into(), Some("1791".into()))]
    );
    // A quantity stays a quantity.
    assert!(dates("Il a été tiré en 1500 exemplaires.", None).is_empty());
    // Two months in a row are one period; a year after the second is both's.
    let monday = Some((2019, 1, 7));
    assert_eq!(
        values("Les ventes de novembre et décembre ont déçu, comme en janvier février 2018.", monday),
        pairs(&[("novembre et décembre", "2018-11/2018-12"), ("janvier février 2018", "2018-01/2018-02")])
    );
    // A period under way when the text is written is this year's, also in the past tense.
    assert_eq!(
        values("Les ventes de novembre et décembre ont déçu les commerçants.", Some((2018, 11, 30))),
        pairs(&[("novembre et décembre", "2018-11/2018-12")])
    );
    // Not months far apart, nor a planet.
    assert!(values("Il a parlé de Mars et Vénus.", monday).is_empty());
    // "du week-end": the weekend the tense says.
    assert_eq!(
        values("Le procureur recevait la ministre en marge des émeutes du week-end.", Some((2018, 12, 3))),
        pairs(&[("week-end", "2018-12-01/2018-12-02")])
    );
    assert!(values("Le programme du week-end de Pâques est prêt.", Some((2018, 12, 3))).is_empty());
    // Holidays on a fixed day: the nearest one unless the year is written; not the season.
    let late_november = Some((2018, 11, 30));
    assert_eq!(
        values(
            "Ils ont perdu les semaines avant Noël, et fêteront la Saint-Sylvestre ensemble.",
            late_november
        ),
        pairs(&[("Noël", "2018-12-25"), ("Saint-Sylvestre", "2018-12-31")])
    );
    assert_eq!(
        values("Les ventes de Noël 2017 avaient déçu.", late_november),
        pairs(&[("Noël 2017", "2017-12-25")])
    );
    assert_eq!(
        values("Il reviendra après le jour de l'An.", Some((2018, 12, 28))),
        pairs(&[("jour de l'An", "2019-01-01")])
    );
    assert!(values("Le marché de Noël et le père Noël attirent les enfants.", late_november).is_empty());
    // A last-century year closing a question.
    assert_eq!(
        values("Peut-on comparer ce mouvement à celui de mai 68?", monday),
        pairs(&[("mai 68", "1968-05")])
    );
    // The period named with a capital, whatever follows; a lower-case month before a count is
    // no year.
    assert_eq!(
        values("Selon lui, Mai 68 est parti de la jeunesse.", monday),
        pairs(&[("Mai 68", "1968-05")])
    );
    let count = values("Il a recruté en mai 68 techniciens.", monday);
    assert!(count.iter().all(|(_, v)| !v.starts_with("1968")), "{count:?}");
}

#[test]
fn this_weekday_is_the_nearest_one_when_it_is_close() {
    // Monday 10 December 2018: the Saturday just gone, though the sentence looks ahead.
    let monday = Some((2018, 12, 10));
    let text = "Le président s'adressera aux Français après la forte mobilisation de ce samedi.";
    assert_eq!(values(text, monday), pairs(&[("samedi", "2018-12-08")]));
    // Friday 21 December 2018: tomorrow, though the sentence is in the past.
    let friday = Some((2018, 12, 21));
    let text = "La direction a pris la décision de ne pas ouvrir ce samedi.";
    assert_eq!(values(text, friday), pairs(&[("samedi", "2018-12-22")]));
    // A verb right beside it outweighs the nearest day.
    let saturday = Some((2018, 12, 8));
    assert_eq!(values("Le comité se réunira ce jeudi.", saturday), pairs(&[("jeudi", "2018-12-13")]));
    let thursday = Some((2018, 12, 6));
    assert_eq!(
        values("La manifestation de ce samedi avait rassemblé du monde.", thursday),
        pairs(&[("samedi", "2018-12-01")])
    );
    // Wednesday: three days either way, so the tense decides.
    let wednesday = Some((2012, 7, 4));
    assert_eq!(values("Ils ont manifesté ce samedi.", wednesday), pairs(&[("samedi", "2012-06-30")]));
}

#[test]
fn a_participle_before_the_date_places_it_in_the_past() {
    // Wednesday 30 January 2019.
    let art = Some((2019, 1, 30));
    let text = "Le budget voté fin décembre augmentera le pouvoir d'achat.";
    assert_eq!(values(text, art), pairs(&[("fin décembre", "2018-12")]));
    // Planned, or a noun: the tense of the sentence decides.
    let text = "Le match prévu samedi se jouera à huis clos.";
    assert_eq!(values(text, art), pairs(&[("samedi", "2019-02-02")]));
    let text = "Les ministres ne seront pas augmentés fin février.";
    assert_eq!(values(text, art), pairs(&[("fin février", "2019-02")]));
}

#[test]
fn this_season_is_the_one_under_way() {
    // Tuesday 5 February 2019: "cet hiver" is the winter of 2018-2019, even in the past tense.
    let art = Some((2019, 2, 5));
    let text = "Le chef de l'État s'est jeté dans le débat qu'il a lancé cet hiver.";
    assert_eq!(values(text, art), pairs(&[("cet hiver", "2018-12/2019-03")]));
}

#[test]
fn a_date_inside_a_quotation_is_no_anchor_for_the_day_before() {
    // Thursday 6 December 2018.
    let art = Some((2018, 12, 6));
    let text = "Il annonce «la suppression des hausses prévues au 1er janvier 2019», comme dans son \
                discours de la veille.";
    assert_eq!(values(text, art), pairs(&[("1er janvier 2019", "2019-01-01"), ("veille", "2018-12-05")]));
    let text = "La réunion reportée au 15 février portera sur le budget.";
    assert_eq!(values(text, Some((2019, 1, 30))), pairs(&[("15 février", "2019-02-15")]));
    // "Le lendemain" with no day before it would be a guess: it is no date.
    let text = "Le suspect a été interpellé. Le lendemain, il était remis en liberté.";
    assert_eq!(values(text, art), pairs(&[]));
    // A quotation left open ends with its paragraph.
    let text = "Il écrit «La Nuit, a paru en 2012.\nLe 3 mars 2015, il a été réédité. La veille, il signait.";
    assert_eq!(
        values(text, art),
        pairs(&[("2012", "2012"), ("3 mars 2015", "2015-03-03"), ("veille", "2015-03-02")])
    );
}

#[test]
fn a_day_written_several_times_without_its_year_is_one_day() {
    let january = Some((2019, 1, 17));
    let text = "Les sociétés ont annoncé mettre en place des abonnements à partir du 1er février. \
                Ils seront disponibles sur tout le réseau à partir du 1er février. \
                Elles avaient intérêt à ne pas remettre en cause les hausses du 1er février.";
    assert_eq!(
        values(text, january),
        pairs(&[("1er février", "2019-02-01"), ("1er février", "2019-02-01"), ("1er février", "2019-02-01")])
    );
    // A mention that names its year in words keeps it.
    let november = Some((2018, 11, 28));
    let text = "Les taxes augmenteront au 1er janvier prochain. \
                Le ministre a rappelé le niveau fixé au 1er janvier de l'année en cours.";
    assert_eq!(
        values(text, november),
        pairs(&[("1er janvier prochain", "2019-01-01"), ("1er janvier", "2018-01-01")])
    );
}
