//! French press attributions: the forms news sites use around quotes (continuations, "comme
//! l'a rappelé X", object pronouns before an inverted verb, link lines between paragraphs).
//! The sentences are written for these tests.

use super::tests_en_facts::{some, speakers};
use super::*;

#[test]
fn an_infinitive_speech_verb_goes_on_with_the_last_speaker() {
    for link in ["Avant de poursuivre", "Et d'ajouter", "Puis de conclure"] {
        let text = format!(
            "« Les artisans sont à bout », a déclaré lundi Pierre Garnier, président de la chambre. {link} : « Il faut des délais de paiement. »"
        );
        assert_eq!(speakers(&text), vec![some("Pierre Garnier"), some("Pierre Garnier")], "{link}");
    }
}

#[test]
fn comme_l_a_rappele_after_the_quote_names_the_speaker() {
    let s = speakers("Le projet reste « un sujet de discussion » comme l'a rappelé Hélène Morin mardi.");
    assert_eq!(s, vec![some("Hélène Morin")]);
    let s = speakers("« Rien n'est décidé », comme le souligne Hélène Morin.");
    assert_eq!(s, vec![some("Hélène Morin")]);
}

#[test]
fn an_object_pronoun_before_the_inverted_verb() {
    let s = speakers(
        "Paul Berger dirige la fédération depuis trois ans. « La saison est perdue », nous indiquait-il lundi.",
    );
    assert_eq!(s, vec![some("Paul Berger")]);
}

#[test]
fn a_link_line_between_paragraphs_does_not_cut_the_look_back() {
    let s = speakers(
        "Selon Claire Dumas, la situation est grave dans les hôpitaux de la région.\n\
         » LIRE AUSSI - Les urgences débordées\n\
         La responsable syndicale rappelle les chiffres. « Il manque trois cents lits », déplore-t-elle.",
    );
    assert_eq!(s, vec![some("Claire Dumas")]);
}

#[test]
fn speech_infinitives_are_known_through_their_third_person() {
    use super::quotes::tests_support::infinitive_is_speech;
    for v in ["ajouter", "conclure", "poursuivre", "repondre", "expliquer", "dire", "reconnaitre", "prevenir"]
    {
        assert!(infinitive_is_speech(v), "{v}");
    }
    for v in ["manger", "partir", "vendre", "construire"] {
        assert!(!infinitive_is_speech(v), "{v}");
    }
}

#[test]
fn on_at_a_named_institution_is_the_institution() {
    let s = speakers("« La réforme sera présentée en mars », confirme-t-on à l'Élysée.");
    assert_eq!(s, vec![some("Élysée")]);
    let s = speakers(
        "Hélène Morin a parlé mardi. « Une réunion aura lieu, indique-t-on au ministère de la Santé, avant l'été. »",
    );
    assert_ne!(s, vec![some("Hélène Morin")]);
    let s = speakers("« Nous n'en sommes pas là », glisse-t-on dans l'entourage du ministre.");
    assert_eq!(s, vec![None]);
}

#[test]
fn a_description_is_kept_apart_from_the_speaker() {
    let f = extract("« Les travaux commenceront en mars », a précisé le communiqué.", &Options::default());
    assert_eq!(f.quotes[0].speaker, None);
    assert_eq!(f.quotes[0].speaker_description.as_deref(), Some("le communiqué"));
}

#[test]
fn a_pronoun_carries_on_a_subject_introduced_by_its_title() {
    let s = speakers("Le sénateur Paul Morel a critiqué Jean Dupont. « C'est inacceptable », a-t-il dit.");
    assert_eq!(s, vec![some("Paul Morel")]);
    // A name completing the title is not the subject.
    let s =
        speakers("Le porte-parole de Jean Dupont a critiqué le projet. « C'est inacceptable », a-t-il dit.");
    assert_ne!(s, vec![some("Jean Dupont")]);
}

#[test]
fn a_quoted_fragment_after_the_subject_s_speech_verb_is_the_subject_s_word() {
    // The verb stands a few words before the fragment, past its complements.
    let s = speakers("Marc Renaud a de nouveau dénoncé jeudi à l'Assemblée une « trahison » des élus.");
    assert_eq!(s, vec![some("Marc Renaud")]);
    let s = speakers("Anne Perrin a répété devant les élus que la réforme restait « inacceptable ».");
    assert_eq!(s, vec![some("Anne Perrin")]);
}

#[test]
fn a_quoted_fragment_without_a_speech_verb_of_the_subject_has_no_speaker() {
    // A word heard, a garment worn: no speech verb introduces them.
    let s = speakers("Le navigateur Marc Renaud a entendu deux « bangs sourds » avant de rentrer.");
    assert_eq!(s, Vec::<Option<String>>::new());
    let s = speakers("Marc Renaud a annoncé son départ, vêtu d'un « gilet orange ».");
    assert_eq!(s, Vec::<Option<String>>::new());
}

#[test]
fn a_name_in_apposition_closing_a_sentence_is_not_its_subject() {
    // Jean Dupont is the complement's apposition: "lui" may be Paul Morel, the mayor described.
    let s = speakers(
        "Paul Morel est arrivé lundi à la mairie. Le maire nie toute rivalité avec le préfet, Jean Dupont. \
         Une rumeur « totalement sans fondement » selon lui.",
    );
    assert_eq!(s, vec![None]);
}

#[test]
fn a_pronoun_after_a_title_nobody_named_holds_has_no_speaker() {
    // Two men named before: the roles give the title to neither (fr-speakers6: with one man
    // named, the roles give it to him and the pronoun is him).
    let s = speakers(
        "Jean Dupont a quitté la réunion lundi avec Paul Morel. Le président du syndicat nie toute rivalité \
         avec le patronat. « Nous avançons ensemble », a-t-il ajouté.",
    );
    assert_eq!(s, vec![None]);
}

#[test]
fn a_pronoun_after_a_title_given_to_a_named_person_still_finds_them() {
    let s = speakers(
        "Jean Dupont, président du syndicat, a quitté la réunion lundi. Le président du syndicat nie \
         toute rivalité avec le patronat. « Nous avançons ensemble », a-t-il ajouté.",
    );
    assert_eq!(s, vec![some("Jean Dupont")]);
}

#[test]
fn a_pronoun_in_a_clause_before_the_main_one_is_its_subject() {
    // "elle" is Claire Dumas, named after it; the minister named before has no known gender.
    let s = speakers(
        "Le ministre Lambert a visité l'usine. Depuis qu'elle a déclaré « je ne reviendrai plus jamais ici », \
         Claire Dumas a quitté la région.",
    );
    assert_eq!(s, vec![some("Claire Dumas")]);
    // A woman named before is who "elle" stands for.
    let s = speakers(
        "Anne Perrin a visité l'usine. Depuis qu'elle a déclaré « je ne reviendrai plus jamais ici », \
         Claire Dumas a quitté la région.",
    );
    assert_ne!(s, vec![some("Claire Dumas")]);
}

#[test]
fn someone_known_by_a_tie_to_a_named_person_is_not_that_person() {
    for tie in ["L'ancien bras droit", "Le dauphin", "Le neveu", "Un opposant"] {
        let text = format!("{tie} de Marie Lenoir a dénoncé « une décision injuste et brutale ».");
        assert_ne!(speakers(&text), vec![some("Marie Lenoir")], "{tie}");
    }
}

#[test]
fn a_pronoun_after_a_sentence_framed_by_a_title_is_not_the_last_named() {
    // "il" is the minister, whom the text names nowhere; Paul Morel heads the police.
    let s = speakers(
        "Paul Morel, patron de la police, était présent.\nD'après le ministre, trois agents ont été blessés. \
         « Ils seront tous soignés », a-t-il précisé.",
    );
    assert_eq!(s, vec![None]);
}

#[test]
fn a_relative_clause_on_a_named_person_introduces_the_quote() {
    let s = speakers(
        "« Le seuil est trop haut », indique Paul Morel, qui juge « tout à fait possible » de le baisser.",
    );
    assert_eq!(s, vec![some("Paul Morel"), some("Paul Morel")]);
    // A relative clause without a speech verb introduces nothing.
    let s = speakers(
        "« Le seuil est trop haut », indique Paul Morel. La mairie a reçu Jean Dubois, qui portait « une pancarte sur le parvis ».",
    );
    assert_eq!(s.get(1), Some(&None), "{s:?}");
}

#[test]
fn fragments_in_a_sentence_framed_by_selon_lui_are_the_subject_s_words() {
    let s = speakers(
        "Paul Morel a annoncé mardi que les agents municipaux porteront un gilet. Selon lui, ces gilets \
         devront être « systématiquement » portés « en service » mais pas « en cas d'urgence ».",
    );
    assert_eq!(s, vec![some("Paul Morel"), some("Paul Morel"), some("Paul Morel")]);
    // When the sentence before names two people, the pronoun follows no subject: no guess.
    let s = speakers(
        "Le maire a reçu Paul Morel et Jean Dubois mardi. Selon lui, ces gilets devront être « systématiquement » portés.",
    );
    assert_eq!(s, Vec::<Option<String>>::new());
}

#[test]
fn a_pronoun_incise_goes_on_with_the_speaker_named_in_the_incise_before() {
    let s = speakers(
        "Jean Dubois a promis mardi des mesures pour les routiers. « Il y avait une quinzaine de dépôts \
         bloqués », a constaté Paul Morel, président de la fédération des transporteurs, sur France Info \
         mercredi matin. « La semaine prochaine, tout ira mieux », ajoute-t-il.",
    );
    assert_eq!(s, vec![some("Paul Morel"), some("Paul Morel")]);
    // Someone else named after the speaker may be who the pronoun stands for: no guess.
    let s = speakers(
        "Jean Dubois a promis mardi des mesures pour les routiers. « Il y avait une quinzaine de dépôts \
         bloqués », a constaté Paul Morel mercredi matin, en réponse à Jacques Martin. « La semaine \
         prochaine, tout ira mieux », ajoute-t-il.",
    );
    assert_eq!(s, vec![some("Paul Morel"), None]);
}

#[test]
fn a_titled_subject_before_a_colon_is_the_one_person_given_that_title() {
    let s = speakers(
        "Le maire de Lyon, Paul Morel, appelle à voter pour Jean Dubois.\n\
         Indépendant depuis 2007, le maire de Lyon prend peu de risque : « tous les sondages voient en Dubois le grand favori ».",
    );
    assert_eq!(s, vec![some("Paul Morel")]);
    // Two people given the title: no guess.
    let s = speakers(
        "Le maire de Lyon, Paul Morel, a reçu le maire de Paris, Jacques Martin.\n\
         Indépendant depuis 2007, le maire de Lyon prend peu de risque : « tous les sondages voient en Dubois le grand favori ».",
    );
    assert_eq!(s, vec![None]);
}

#[test]
fn a_fragment_coordinated_with_the_one_before_has_its_speaker() {
    let s = speakers(
        "Jean Dubois a promis des mesures. « Nous serons intransigeants », a-t-il martelé, appelant à \
         « la rigueur » et à la « transparence ».",
    );
    assert_eq!(s, vec![some("Jean Dubois"), some("Jean Dubois"), some("Jean Dubois")]);
    // A sentence end between them is no coordination.
    let s = speakers(
        "Jean Dubois a promis des mesures. « Nous serons intransigeants », a-t-il martelé, appelant à \
         « la rigueur ». Et la « transparence » reste un mot creux pour Paul Morel.",
    );
    assert_eq!(s.get(2), None, "{s:?}");
}

// fr-speakers6: descriptions that stand for the one person the text's roles give them to.

#[test]
fn a_description_is_the_one_person_holding_that_role() {
    // Another person is named before: only the role tells who "le premier ministre" is.
    let text = "Le débat revient. Cette demande de Marc Lenoir n'a cessé de se renforcer. Si bien que lundi, \
                Édouard Philippe lui a ouvert la porte dans un entretien. « Un bon outil pour la démocratie », \
                selon le premier ministre qui a posé des limites au texte.";
    assert_eq!(speakers(text), vec![some("Édouard Philippe")]);
    // Two people hold the role: no guess.
    let text = format!("Le premier ministre Manuel Valls avait démissionné en mars. {text}");
    assert_eq!(speakers(&text), vec![None]);
}

#[test]
fn a_pronoun_after_a_titled_subject_is_the_one_holder_of_that_role() {
    let text = "Christophe Castaner a parlé lundi. Le ministre de l'Intérieur veut désormais monter en première ligne. \
                La situation reste tendue dans plusieurs villes. Il a rendu hommage à Paul Morel, son ancien \
                adjoint. Le ministre de l'Intérieur se veut pourtant prudent. Il prévient : « Les problèmes \
                ne sont pas résolus pour autant, loin de là. »";
    assert_eq!(speakers(text), vec![some("Christophe Castaner")]);
    // A title nobody is given stays unnamed: Paul Morel is not the minister.
    let text = "La situation reste tendue dans plusieurs villes. Il a rendu hommage à Paul Morel, son ancien \
                adjoint. Le ministre de l'Intérieur se veut pourtant prudent. Il prévient : « Les problèmes \
                ne sont pas résolus pour autant, loin de là. »";
    assert_eq!(speakers(text), vec![None]);
}

#[test]
fn a_capitalised_title_before_the_name_after_the_verb_is_no_part_of_it() {
    let s = speakers(
        "\"This method can now be used for much more than just farming,\" said Professor Anna Kowalski of \
         the Polish research group AgriLab.",
    );
    assert_eq!(s, vec![some("Anna Kowalski")]);
    let s = speakers(
        "« Cette crise est la conséquence de décennies d'abandon », a déclaré mardi Mgr Paul Girard à une radio.",
    );
    assert_eq!(s, vec![some("Paul Girard")]);
}

#[test]
fn a_sentence_framed_by_a_title_gives_its_fragments_to_the_one_holder() {
    let text = "Le ministre de l'Intérieur, Jean Dupont, a reçu les syndicats. Paul Morel a demandé des garanties. \
                Selon le ministre de l'Intérieur, les caméras devront être « systématiquement » activées.";
    assert_eq!(speakers(text), vec![some("Jean Dupont")]);
    // Nobody holds the title (two people named before it): no speaker.
    let text = "Paul Morel et Marie Leroy ont demandé des garanties. \
                Selon le ministre de l'Intérieur, les caméras devront être « systématiquement » activées.";
    assert_eq!(speakers(text), Vec::<Option<String>>::new());
}

#[test]
fn an_honorific_before_the_subject_name_keeps_it_the_subject() {
    let s = speakers(
        "Tom Becker won the seat in 2001. Mr Becker said he had accepted the offer to stand with \"great \
         pride and joy\".",
    );
    assert_eq!(s, vec![some("Tom Becker")]);
    // The subject of a sentence inside an earlier quotation is not the next quote's speaker.
    let s = speakers(
        "Judge Anna Reed, who issued the order at the local court, said she understood the reporters had to \
         earn a living. \"Mr Carter says he's willing to put up with some of it, but it's gone beyond that,\" \
         she said. \"I do believe the claim about the driving is a serious issue.\"",
    );
    assert_eq!(s, vec![some("Anna Reed"), some("Anna Reed")]);
}

#[test]
fn a_pronoun_after_an_unnamed_definite_speaker_is_nobody() {
    let s = speakers(
        "Lord Carter said the minister bypassed the board. The prime minister's official spokesman said the \
         board was still used on important issues. But he added: \"You cannot take every decision in a board.\"",
    );
    assert_eq!(s, vec![None]);
}

#[test]
fn pour_a_description_then_the_name_before_the_colon() {
    let s = speakers(
        "Le texte a été rejeté. Pour la principale association de défense des locataires, la CNL : « Le vote \
         est une victoire pour les locataires. »",
    );
    assert_eq!(s, vec![some("CNL")]);
    // A name inside the description, not after its comma, is not the speaker.
    let s = speakers(
        "Le texte a été rejeté. Pour la principale association de Lyon, le vote est « une victoire pour tous \
         les locataires de la ville ».",
    );
    assert_ne!(s, vec![some("Lyon")]);
}

// fr-speakers7: organisations and groups as speakers.

#[test]
fn selon_eux_stands_for_the_group_opening_the_sentence() {
    let s = speakers(
        "Les Verts ont quitté la réunion car selon eux, le projet relevait du « mépris des électeurs ».",
    );
    assert_eq!(s, vec![some("Les Verts")]);
    // Someone named between the group and the pronoun: no speaker.
    let s = speakers(
        "Les Verts ont rencontré Jean Dupont et Marie Durand car selon eux, le projet relevait du « mépris \
         des électeurs ».",
    );
    assert_ne!(s, vec![some("Les Verts")]);
}

#[test]
fn a_bare_work_speaks_for_the_author_given_it_before() {
    let s = speakers(
        "Un rapport de Greenpeace publié lundi critique la Commission européenne et Amnesty International. Il \
         estime que « les forêts reculent partout ». « Les coupes ont doublé en dix ans », ajoute le rapport.",
    );
    assert_eq!(s, vec![None, some("Greenpeace")]);
    // An author whose name opens in lower case.
    let s = speakers(
        "La fermeture a été confirmée dans un communiqué du ministère de la Santé. Les hôpitaux font « l'objet \
         d'une inspection qui durera jusqu'en juin », ajoute le communiqué.",
    );
    assert_eq!(s, vec![some("ministère de la Santé")]);
    // Two works of that kind by different authors: no speaker.
    let s = speakers(
        "Un rapport de Greenpeace et un rapport du WWF ont été publiés lundi. « Les coupes ont doublé en dix \
         ans », ajoute le rapport.",
    );
    assert_eq!(s, vec![None]);
}

#[test]
fn a_name_inside_the_quoted_words_is_no_pronoun_speaker() {
    // The essayist is named inside the philosopher's words: "rappelle-t-il" is not him.
    let s = speakers(
        "Le philosophe Alain Bertrand a été insulté samedi. «Il ne faut pas tout confondre, insiste-t-il. \
         Nous ne vivons pas le retour des années 30.»«Peut-être y a-t-il des gens, comme des proches \
         (de l'essayiste Marc Solal, NDLR), qui rêvent de haine, analyse-t-il. C'est la version hideuse.» \
         Ce n'est pas la première fois que le philosophe se fait agresser: «Cela m'était déjà arrivé en \
         2014, rappelle-t-il, ainsi qu'en 2016.»",
    );
    assert!(!s.contains(&some("Marc Solal")), "{s:?}");
    // A name in an attribution set inside the quotation still names the speaker.
    let s = speakers(
        "«Je pense que le président va devoir s'exprimer, a déclaré jeudi matin la ministre de la \
         Cohésion des territoires, Jeanne Roussel. Je suis persuadée qu'il le fera.» Reste à savoir \
         quand. «Il va décider lui quand il le fait», a poursuivi la ministre au micro de RMC.",
    );
    assert_eq!(s.last(), Some(&some("Jeanne Roussel")), "{s:?}");
}

#[test]
fn someone_of_a_named_person_is_not_that_person() {
    let s = speakers("\"We will appeal the ruling,\" said Mr Grant's lawyer.");
    assert_eq!(s, vec![None]);
    let s = speakers(
        "Tom Grant ran the campaign. Mr Grant's statement said: \"We made an impact on the issues.\"",
    );
    assert_eq!(s, vec![some("Tom Grant")]);
}

#[test]
fn a_person_given_another_profession_is_not_the_office_described() {
    // The philosopher is named before; "le ministre de l'Intérieur" is someone else.
    let s = speakers(
        "Le philosophe Alain Bertrand a été insulté samedi. Un suspect, « le principal auteur des \
         injures », selon le ministre de l'Intérieur, a été identifié.",
    );
    assert_eq!(s, vec![None]);
}

#[test]
fn the_same_title_with_another_complement_is_someone_else() {
    let text = "«Il s'agit d'une fermeture préventive», explique Claire Vidal, responsable presse du domaine. \
                À Paris, le constat est tout autre. «Nous avons dû fermer trois samedis de suite», rappelle la \
                responsable presse du Centre des monuments nationaux.";
    assert_eq!(speakers(text), vec![some("Claire Vidal"), None]);
    // A complement that says more is the same office.
    let text = "Paul Garnier, maire de Belflou dans l'Aude, a lancé la cagnotte. «Les problèmes vont arriver», \
                explique le maire de Belflou.";
    assert_eq!(speakers(text), vec![some("Paul Garnier")]);
}

#[test]
fn a_list_leader_described_by_the_party_is_not_the_party() {
    let s = speakers(
        "«J'attends une clarification», a déclaré la tête de liste Debout la France aux européennes.",
    );
    assert_ne!(s, vec![some("Debout la France")]);
    assert_eq!(s, vec![None]);
}

#[test]
fn a_partitive_phrase_opening_the_sentence_is_no_speaker() {
    let s = speakers(
        "Les propositions fusent. Du concret, c'est bien ce que propose JM qui explique qu'il «faut \
         d'abord diminuer les avantages des élus».",
    );
    assert_ne!(s, vec![some("Du concret")]);
}

#[test]
fn an_infinitive_with_its_own_subject_does_not_continue_the_last_speaker() {
    let s = speakers(
        "«Qui est-ce qui prend le taxi?», chante Léa Martin. Et le chœur de reprendre: «Les gentils et \
         les autres».",
    );
    assert_eq!(s, vec![some("Léa Martin"), None]);
}

#[test]
fn an_unnamed_speaker_goes_on_through_the_paragraph() {
    let s = speakers(
        "Peter Novak said the word headed his list. A spokesman for the Oxford University Press said \
         that the word was spreading. \"I think it was the word of last year,\" he said. \"Now we're getting \
         words that derive from it,\" he said. \"But,\" he added, \"it's a pretty recent thing.\"",
    );
    assert!(!s.contains(&some("Peter Novak")), "{s:?}");
}

#[test]
fn a_person_beside_the_description_in_one_sentence_is_someone_else() {
    let text = "6 décembre 2018. - Le premier ministre a défendu jeudi l'annulation de la mesure, niant tout \
                désaccord avec Paul Martin.\nComme une mise au point. «Cette taxe n'est pas dans le budget. \
                Elle est annulée», a répété le premier ministre à deux reprises.";
    assert_eq!(speakers(text), vec![None]);
    // In apposition, the name is the description's.
    let text = "Le maire de la ville, Pascal Roux, a fait retirer les horodateurs. «J'ai rencontré des \
                manifestants hier soir», a affirmé le maire à La Croix.";
    assert_eq!(speakers(text), vec![some("Pascal Roux")]);
}

// ---- fr-speakers8: a speaker is left unnamed rather than guessed ----

#[test]
fn a_pronoun_after_a_description_we_could_not_name_is_no_guess() {
    let text = "Paul Martin veut lancer une liste avec Jacques Durand.\nLe vote aura lieu en mai.\n\
                Vendredi, un long texte est paru sur sa page, adressé à Jacques Durand. «Tes amis ne sont pas \
                méchants», analyse le chanteur. Pour les internautes, le texte reste confus. «Qu'est-ce \
                qu'être avec nous?», se demande-t-il.";
    assert_eq!(speakers(text), vec![None, None]);
}

#[test]
fn a_description_after_an_unnamed_speaker_is_that_speaker() {
    let text = "Selon notre correspondant Marc Dupont, le conducteur a été libéré ce matin. «L'enquête \
                avance», a indiqué un porte-parole de la préfecture. «Les témoins seront entendus», a ajouté le \
                fonctionnaire.";
    assert_eq!(speakers(text), vec![None, None]);
    let text = "Anna Price of Save the Children said there were grave concerns. A spokesman for the Home Office \
                said it was wrong to suggest that. \"We are developing a returns programme,\" said the spokesman.";
    assert_eq!(speakers(text), vec![None]);
    // The same description after a named spokesman is that man.
    let text = "Marc Dupont, porte-parole de la préfecture, a confirmé l'arrestation. «Les témoins seront \
                entendus», a ajouté le porte-parole.";
    assert_eq!(speakers(text), vec![some("Marc Dupont")]);
}

#[test]
fn a_person_named_only_after_a_preposition_is_not_the_pronoun() {
    let text = "Le chanteur sait être ferme avec son ami Jacques Durand: «Tu ne dois pas te décourager», \
                explique-t-il.";
    assert_eq!(speakers(text), vec![None]);
    let text = "Le projet avance. Il s'est entretenu au téléphone avec le ministre allemand des Finances Olaf \
                Berger. «J'espère que l'Europe sera à la hauteur», a-t-il ajouté.";
    assert_eq!(speakers(text), vec![None]);
    // As the subject, the same man is the pronoun.
    let text = "Le projet avance. Le ministre allemand des Finances Olaf Berger s'est entretenu avec lui au \
                téléphone. «J'espère que l'Europe sera à la hauteur», a-t-il ajouté.";
    assert_eq!(speakers(text), vec![some("Olaf Berger")]);
}

#[test]
fn a_description_is_not_someone_named_only_after_a_preposition() {
    let text = "Le chanteur sait être ferme avec son ami Jacques Durand. Il lui offre une psychothérapie. «Nous \
                sommes l'armée de l'avenir», affirme l'ancien ami de Paul Roux.";
    assert_eq!(speakers(text), vec![None]);
    // After an adverbial "à l'AFP", the name is the verb's subject.
    let text = "«Le choc a été très violent», a expliqué à l'AFP Patrick Dumas. «L'embouteillage a duré \
                plusieurs heures», a indiqué le procureur.";
    assert_eq!(speakers(text), vec![some("Patrick Dumas"), some("Patrick Dumas")]);
}

#[test]
fn an_attribution_inside_the_quote_may_end_its_sentence() {
    let cases = [
        (
            "Claire Morel s'inquiète. «Il ne faut pas tout confondre, insiste-t-elle. Nous ne vivons pas le \
             retour des années 30.»",
            "Claire Morel",
        ),
        (
            "«Il faut anticiper, martèle Jean-Paul Lemaire. Sinon nous subirons la crise.»",
            "Jean-Paul Lemaire",
        ),
    ];
    for (text, name) in cases {
        assert_eq!(speakers(text), vec![some(name)], "{text}");
    }
}

#[test]
fn an_acronym_in_brackets_stays_inside_the_speaker_s_title() {
    let cases = [
        (
            "«C'est une bonne initiative», a estimé jeudi sur BFMTV le député Les Républicains (LR) Paul \
             Roux, soutien du mouvement.",
            "Paul Roux",
        ),
        (
            "«Nous anticipons une mobilisation plus faible», a expliqué vendredi le directeur général de la \
             police nationale (DGPN), Marc Vidal, au micro de France Inter.",
            "Marc Vidal",
        ),
    ];
    for (text, name) in cases {
        assert_eq!(speakers(text), vec![some(name)], "{text}");
    }
}

#[test]
fn someone_unnamed_inside_the_quotation_stops_the_last_speaker() {
    for verb in ["consent", "concède"] {
        let text = format!(
            "Devant eux, Paul Roux a parlé d'un «moment délicat». «On voit monter une colère \
             profonde», a-t-il déclaré. «C'est bien, il a changé de ton, {verb} un député. Mais on \
             l'a senti très énervé.»"
        );
        assert_eq!(speakers(&text), vec![some("Paul Roux"), some("Paul Roux"), None], "{text}");
    }
}

#[test]
fn the_other_side_of_a_relation_is_no_rival_for_the_pronoun() {
    let text = "Paul Roux a coupé court aux rumeurs sur des divergences entre lui et Jean Martin. «Il n'y a \
                aucune cacophonie», sur la taxe carbone, a-t-il martelé.";
    assert_eq!(speakers(text), vec![some("Paul Roux")]);
    // Beside the subject, the other man may be the one who speaks.
    let text = "Paul Roux et Jean Martin ont coupé court aux rumeurs. «Il n'y a aucune cacophonie», a-t-il \
                martelé.";
    assert_eq!(speakers(text), vec![None]);
}

#[test]
fn an_incise_far_into_the_quotation_still_names_the_speaker() {
    let text = "«Nous laissons à nos organisations départementales le choix de rejoindre le mouvement de la \
                fédération, indique Paul Roux, porte-parole de l'organisation. Nous nous retrouvons dans ses \
                revendications.»";
    assert_eq!(speakers(text), vec![some("Paul Roux")]);
}

#[test]
fn an_incise_closing_the_sentence_attributes_a_fragment_woven_into_it() {
    // The incise names the speaker of the whole sentence, however far the fragment stands.
    let s = speakers(
        "Le cortège ne passera pas devant le château, pas « immédiatement » à proximité, estime le préfet Jacques Morel.",
    );
    assert_eq!(s, vec![some("Jacques Morel")]);
    let s = speakers(
        "La hausse n'a été qu'un « prétexte » à un mécontentement plus général, soutenu par « plus de la moitié de la population », a fait remarquer Anne Vidal.",
    );
    assert_eq!(s, vec![some("Anne Vidal"), some("Anne Vidal")]);
}

#[test]
fn no_closing_incise_when_someone_else_or_a_participle_stands_in_the_sentence() {
    // The fragment's sentence names a person before the incise: theirs.
    let s = speakers(
        "Paul Berger a parlé d'un « désastre » pour la région, a rapporté mardi le journaliste Marc Lenoir.",
    );
    assert_eq!(s, vec![some("Paul Berger")]);
    // A participle after a comma qualifies a noun; it is no incise.
    let s = speakers("Le vieux « soldat » est venu protéger la flamme, menacée par les casseurs.");
    assert!(s.iter().all(Option::is_none), "{s:?}");
    // A capitalised quotation inside the sentence is a name.
    let s = speakers(
        "Les candidats de la liste « Ralliement d'initiative citoyenne » cherchent des fonds, précise Anne Vidal.",
    );
    assert!(s.iter().all(|sp| sp.as_deref() != Some("Anne Vidal")), "{s:?}");
}

#[test]
fn a_director_described_is_not_the_minister_named_before() {
    let s = speakers(
        "Le ministre de l'Intérieur, Paul Berger, a fait le bilan. « La nuit a été agitée », a déploré le ministre de l'Intérieur. À Troyes, « des personnes ont commis des dégradations », a déclaré le directeur général de la police nationale.",
    );
    assert_eq!(s, vec![some("Paul Berger"), None]);
}

#[test]
fn a_described_speaker_is_no_one_of_the_other_gender_holding_that_title() {
    let s = speakers(
        "Emmanuel Grégoire, premier adjoint de la maire PS Anne Hidalgo, a fait le bilan. « Honte aux pillards », écrit Paul Juppin dans un tweet. « Il faut que ce désordre cesse », poursuit le maire de Bordeaux.",
    );
    // The man who wrote the first goes on; not the woman the text calls "la maire".
    assert_eq!(s, vec![some("Paul Juppin"), some("Paul Juppin")]);
}

#[test]
fn after_a_speaker_described_and_unnamed_another_description_stays_unnamed() {
    let s = speakers(
        "Le maire, Paul Berger, a parlé mardi. « J'ai pris connaissance avec stupéfaction des propos du maire », a déclaré le préfet du département. « Il n'est pas acceptable de bloquer la police », s'insurge le représentant local de l'État.",
    );
    assert_eq!(s, vec![None, None]);
}

#[test]
fn someone_s_lawyer_introduced_without_a_name_is_not_the_client() {
    let s = speakers(
        "Éric Morel sera jugé en juin. Son avocat a confirmé sa remise en liberté. « Tout cela n'est que pure fantaisie », assure l'avocat.",
    );
    assert_eq!(s, vec![None]);
    // Named right after the possessive, the lawyer is that person.
    let s = speakers(
        "Éric Morel sera jugé en juin. Son avocat, Paul Berger, a confirmé sa remise en liberté. « Tout cela n'est que pure fantaisie », assure l'avocat.",
    );
    assert_eq!(s, vec![some("Paul Berger")]);
}

#[test]
fn a_subject_known_by_title_speaks_the_quote_after_its_verb() {
    let s = speakers(
        "Martine Aubry a reçu la presse jeudi à Lille. L'ancienne première secrétaire du PS pense que « le vrai remède serait de refaire de la politique ».",
    );
    assert_eq!(s, vec![some("Martine Aubry")]);
    // Nobody named fits the title: no speaker.
    let s = speakers(
        "Paul Berger a reçu la presse jeudi. La secrétaire d'État au Commerce a précisé qu'elle recevrait « les représentants des artisans en janvier ».",
    );
    assert_eq!(s, vec![None]);
}

#[test]
fn a_woman_described_is_not_a_man_whose_given_name_the_text_shows() {
    let s = speakers(
        "Francis Durand, président de la fédération, a répondu mardi. « Nous verrons en janvier ce qu'il faut faire », a indiqué la secrétaire d'État au Commerce.",
    );
    assert_eq!(s, vec![None]);
}

#[test]
fn a_fragment_after_a_pronoun_s_verb_of_saying_is_that_person_s() {
    let s = speakers(
        "Paul Berger a parlé vendredi à la radio. Il affirme que ses mots ont été sortis de leur « contexte ».",
    );
    assert_eq!(s, vec![some("Paul Berger")]);
    // The pronoun's own verb says nothing: the fragment is someone else's label.
    let s = speakers(
        "Paul Berger a parlé vendredi à la radio. Il voulait dégonfler la menace d'un « référendum anti-Berger » brandie par ses adversaires.",
    );
    assert!(s.iter().all(Option::is_none), "{s:?}");
}

#[test]
fn a_relative_clause_on_a_described_speaker_gives_the_quote_to_the_one_described() {
    let s = speakers(
        "Bruno Morel, maire de Belflou, a lancé une cagnotte. « Les problèmes vont arriver », explique le maire de Belflou, qui a dit agir après une « accumulation de tout ce qu'on voit ces dernières semaines ».",
    );
    assert_eq!(s, vec![some("Bruno Morel"), some("Bruno Morel")]);
    // Without a comma: "X qui estime que « … »".
    let s = speakers(
        "La séance a été vive mardi. Le texte a été voté par Paul Berger qui estime que la loi a « oublié les plus modestes de nos concitoyens ».",
    );
    assert_eq!(s, vec![some("Paul Berger")]);
}

#[test]
fn a_source_joined_by_a_hyphen_or_et_is_cited_too() {
    let f = extract(
        "Selon une enquête Ifop-Fiducial pour la radio, la cote du président a bondi. La dernière vague du baromètre, publiée ce mardi par Paris Match et Sud Radio, le montre.",
        &Options::default(),
    );
    for s in ["Ifop", "Fiducial", "Paris Match", "Sud Radio"] {
        assert!(f.sources.iter().any(|x| x == s), "{s}: {:?}", f.sources);
    }
}

#[test]
fn an_institution_with_its_complement_in_an_incise_is_a_source() {
    let f = extract(
        "Ces nouveaux abonnements, précise le ministère des Transports, sont un geste commercial. Le trafic reprendra lundi, a indiqué la préfecture du Calvados.",
        &Options::default(),
    );
    for s in ["ministère des Transports", "préfecture du Calvados"] {
        assert!(f.sources.iter().any(|x| x == s), "{s}: {:?}", f.sources);
    }
}

#[test]
fn an_organisation_in_an_incise_after_reported_words_is_a_source_not_after_a_quote() {
    let f = extract(
        "Le match a été reporté à la demande de la préfecture, a annoncé la Ligue de football professionnel. « Ce n'est pas une arme létale », a indiqué l'Unsa-Police.",
        &Options::default(),
    );
    assert!(f.sources.iter().any(|x| x == "Ligue de football professionnel"), "{:?}", f.sources);
    assert!(!f.sources.iter().any(|x| x.contains("Unsa")), "{:?}", f.sources);
}

#[test]
fn a_specific_description_resolved_as_a_speaker_is_a_role_of_that_person() {
    let roles_of = |text: &str, name: &str| {
        let f = extract(text, &Options::default());
        f.people.iter().find(|p| p.name == name).map(|p| p.roles.clone()).unwrap_or_default()
    };
    let aubry = roles_of(
        "Martine Aubry a reçu la presse jeudi à Lille. « Je condamne sa politique », a déclaré l'ancienne ministre de l'Emploi.",
        "Martine Aubry",
    );
    assert_eq!(aubry, vec!["ancienne ministre de l'Emploi".to_string()]);
    // A bare title may stand for someone the text leaves unnamed: no role from it.
    let berger = roles_of(
        "Paul Berger a frappé un gendarme samedi. « C'est de la violence gratuite », a confié le fonctionnaire.",
        "Paul Berger",
    );
    assert!(!berger.iter().any(|r| r.contains("fonctionnaire")), "{berger:?}");
    // An officer of justice described is no role of the person in the news.
    let durand = roles_of(
        "Le juge a entendu Paul Durand pendant trois heures mardi. « Les faits sont graves et établis », a estimé l'avocat général de Lyon.",
        "Paul Durand",
    );
    assert_eq!(durand, Vec::<String>::new());
}

#[test]
fn a_quotation_holding_guillemets_runs_to_its_own_closing_mark() {
    let f = extract(
        "Marine Morel soutient le mouvement. « Ce n'est jamais une mauvaise nouvelle. Une liste « gilets jaunes » ne me pose aucun problème », a assuré mercredi Marine Morel.",
        &Options::default(),
    );
    let q = f.quotes.iter().find(|q| q.text.starts_with("Ce n'est"));
    assert_eq!(q.map(|q| q.text.ends_with("aucun problème")), Some(true), "{:?}", f.quotes);
    assert_eq!(q.and_then(|q| q.speaker.as_deref()), Some("Marine Morel"));
}

#[test]
fn selon_opening_the_next_sentence_does_not_attribute_the_quote_before() {
    let s = speakers(
        "« Ne tombons pas dans ce piège, avertit Paul Berger, fondateur du collectif. Ce parti fragilise tout le monde. »Selon un sondage Ipsos, une telle liste prendrait des voix à tous.",
    );
    assert_eq!(s, vec![some("Paul Berger")]);
}

#[test]
fn an_incise_before_the_quotation_in_its_sentence_attributes_it() {
    let s = speakers(
        "Paul Berger a parlé jeudi. Les principales victimes, a-t-il ajouté, sont les « habitants des villages obligés de partir vivre en ville ».",
    );
    assert_eq!(s, vec![some("Paul Berger")]);
    // After a quotation's own incise, a word quoted in its apposition is a label.
    let s = speakers(
        "« On soutient les deux démarches », a indiqué Paul Berger, l'un des cinq députés « insoumis » présents.",
    );
    assert_eq!(s, vec![some("Paul Berger")]);
}

#[test]
fn a_closing_incise_does_not_override_a_subject_that_speaks() {
    // Each fragment is its sentence subject's word; nobody named speaks it, so it is dropped.
    let text = "Les syndicats dénoncent une « trahison » du gouvernement, a expliqué le préfet Marc Morel.";
    assert_eq!(speakers(text), Vec::<Option<String>>::new(), "{text}");
    // A subject that speaks its own fragment, named or described.
    let s = speakers("La CGT parle d'une « provocation » du gouvernement, a rappelé Marc Morel.");
    assert_eq!(s, vec![some("CGT")]);
    let s = speakers("Le Premier ministre avait parlé d'un « complot » contre lui, a rappelé Marc Morel.");
    assert_eq!(s, vec![some("Le Premier ministre")]);
}

#[test]
fn a_possessive_title_of_several_words_is_named_after_it() {
    let s = speakers(
        "Emmanuel Morel a reçu son Premier ministre, Édouard Dupuis, mardi. « Nous tiendrons », a déclaré le Premier ministre.",
    );
    assert_eq!(s, vec![some("Édouard Dupuis")]);
}

#[test]
fn a_fragment_reported_through_a_second_speaker_is_not_the_pronoun_s() {
    let s = speakers("Paul Berger a parlé. Il annonce que le ministre a qualifié la mesure d'« injuste ».");
    assert_eq!(s, Vec::<Option<String>>::new());
}

#[test]
fn a_relative_after_a_name_completing_a_noun_is_about_the_noun() {
    let s = speakers(
        "La fondation Jean Jaurès qui estime que « la gauche doit se rassembler vite » a publié une note.",
    );
    assert_eq!(s, vec![None]);
}

#[test]
fn selon_opening_the_next_paragraph_does_not_attribute_the_quote_before() {
    let s = speakers(
        "« Nous ne reculerons pas, a dit Paul Berger. Jamais. »\nSelon Marc Lenoir, la séance a été houleuse.",
    );
    assert_eq!(s, vec![some("Paul Berger")]);
}

// fr-speakers10: a word one person is quoted saying twice, dates never speak.

#[test]
fn a_word_the_same_person_is_quoted_saying_twice_keeps_its_speaker() {
    let text = "Le ministre Paul Lenoir a appelé à « l'apaisement » lundi devant les préfets. \
                Mardi, Paul Lenoir a de nouveau appelé à « l'apaisement » après les heurts.";
    assert_eq!(speakers(text), vec![some("Paul Lenoir"), some("Paul Lenoir")]);
    // A label quoted twice stays a label, with or without a verb of saying near it.
    let text = "Paul Lenoir a dénoncé les « casseurs » lundi. Les « casseurs » sont revenus mardi.";
    assert_eq!(speakers(text), Vec::<Option<String>>::new());
}

#[test]
fn a_date_opening_the_sentence_is_no_speaker() {
    let text = "Paul Lenoir dirige le club depuis trois ans. Le 8 décembre, il avait suscité une \
                polémique en appelant à « partir » avant la fin du match.";
    assert!(!speakers(text).contains(&some("Le 8 décembre")));
}

// fr-speakers10: verbs of saying that are nouns or adjectives elsewhere, names nobody tagged.

#[test]
fn a_verb_of_saying_that_is_also_a_noun_or_adjective_opens_an_incise_after_a_quote() {
    for verb in ["complète", "intime", "charge"] {
        let text = format!(
            "« Le calendrier sera tenu, sans retard », {verb} Odile Brard, la directrice du chantier."
        );
        assert_eq!(speakers(&text), vec![some("Odile Brard")], "{verb}");
    }
    // Elsewhere they are the adjective or the noun: no incise, no speaker.
    let text =
        "Odile Brard a publié la liste complète. « Le calendrier sera tenu, sans retard » est affiché.";
    assert_eq!(speakers(text), vec![None]);
}

/// The speakers `find_quotes` gives when the recogniser tagged nobody.
fn speakers_untagged(text: &str) -> Vec<Option<String>> {
    let doc = doc::Doc::new(text, Some(Lang::Fr));
    let index = entities::EntityIndex::new(&[]);
    quotes::find_quotes(&doc, &index, &[]).0.into_iter().map(|q| q.speaker).collect()
}

#[test]
fn a_name_nobody_tagged_after_the_incise_verb_may_have_a_complement_after_it() {
    let quote = "Le chanteur a publié un message. « Nous ne lâcherons rien, jamais », affirme Kolo Benz";
    // A capitalised word before something else is no name closing the clause.
    let cases = [
        (" devant ses fans.", some("Kolo Benz")),
        (".", some("Kolo Benz")),
        (" Music qui sort un disque.", None),
    ];
    for (after, speaker) in cases {
        assert_eq!(speakers_untagged(&format!("{quote}{after}")), vec![speaker], "{after}");
    }
}

#[test]
fn saluer_after_its_auxiliary_opens_an_incise_after_a_quote() {
    let text = "« Je trouve ça très raisonnable, vraiment », a salué la députée Anne Garnier lundi.";
    assert_eq!(speakers(text), vec![some("Anne Garnier")]);
    // Not a verb of saying before its object.
    let text = "Anne Garnier a salué la mémoire du « soldat inconnu de la Marne » lundi.";
    assert_eq!(speakers(text), vec![None]);
}

#[test]
fn a_quotation_opening_the_sentence_after_a_long_incise_goes_on_with_its_speaker() {
    assert_second_speakers(
        "« Nous demandons une pause », commente à son tour Paul Lenoir, porte-parole du syndicat",
        &[
            (" des cadres de la sécurité intérieure, sur France Inter. ", some("Paul Lenoir")),
            // Someone else named in the sentence between: no guess.
            (", après une rencontre avec Marie Dubois à Lyon. ", None),
            // A new paragraph: no guess either.
            (" des cadres de la sécurité intérieure, sur France Inter.\n", None),
        ],
        "« Nous ne pouvons pas être partout. »",
    );
}

/// For each text between a quotation of Paul Lenoir and the next, the next one's speaker.
fn assert_second_speakers(first: &str, cases: &[(&str, Option<String>)], next: &str) {
    for (between, second) in cases {
        let text = format!("{first}{between}{next}");
        assert_eq!(speakers(&text), vec![some("Paul Lenoir"), second.clone()], "{between}");
    }
}

#[test]
fn a_colon_closing_the_incise_opens_the_same_speaker_s_next_quotation() {
    assert_second_speakers(
        "« Ce que j'ai vu samedi n'était pas pacifique »",
        &[
            (", a souligné Paul Lenoir :", some("Paul Lenoir")),
            (", ironise Paul Lenoir, qui précise :", some("Paul Lenoir")),
            (", a rappelé Paul Lenoir, avant de promettre :", some("Paul Lenoir")),
            // Someone else named before the colon: no guess.
            (", a dit Paul Lenoir à Marie Dubois, qui répond :", None),
        ],
        " « Quand les manifestations sont pacifiques, la force n'est jamais employée. »",
    );
}

#[test]
fn a_specialist_of_a_named_person_is_not_that_person() {
    let text = "« Ce sont bien ceux d'en bas qui se révoltent », estime le spécialiste de Victor Hugo.";
    assert_eq!(speakers(text), vec![None]);
}

#[test]
fn a_pulled_out_quote_s_caption_may_give_the_title_first_or_a_place_after_a_comma() {
    let quote = "Les élus ont reçu lundi les commerçants de la ville.\n\
                 «À travers les grands boulevards, c'est l'attractivité de tout notre pays qui est touchée»\n";
    let cases = [
        ("Le sénateur PS Paul Lenoir", some("Paul Lenoir")),
        ("Paul Lenoir, élu à la mairie", some("Paul Lenoir")),
        // Someone known by their tie to the person named is someone else.
        ("Un proche de Paul Lenoir", None),
        ("Le conseiller de Paul Lenoir", None),
    ];
    assert_each_speaker(cases.map(|(caption, speaker)| {
        (format!("{quote}{caption}\nEnsuite, les élus ont quitté la salle."), speaker)
    }));
}

#[test]
fn a_quotation_holding_the_named_subject_s_own_verb_is_theirs() {
    let cases = [
        ("Paul Lenoir, lui, a « simplement besoin de savoir qui ils sont ».", some("Paul Lenoir")),
        ("Avec la crise, Paul Lenoir doit « tout reprendre à zéro » cet hiver.", some("Paul Lenoir")),
        // A nickname after the name, or someone else's judgement of them: not their words.
        ("Paul Lenoir « le boxeur de Massy » s'est exprimé sur sa page.", None),
        ("Paul Lenoir est « très remonté contre la direction » depuis lundi.", None),
    ];
    assert_each_speaker(cases);
}

/// Each text has one quotation, with the speaker given.
fn assert_each_speaker<S: AsRef<str>>(cases: impl IntoIterator<Item = (S, Option<String>)>) {
    for (text, speaker) in cases {
        assert_eq!(speakers(text.as_ref()), vec![speaker], "{}", text.as_ref());
    }
}

#[test]
fn a_longer_quotation_coordinated_in_lower_case_goes_on_with_the_speaker() {
    let text = "Paul Lenoir s'est adressé aux élus, leur conseillant de « choisir des représentants » \
                et de « réfléchir longuement à la forme de leur engagement ».";
    assert_eq!(speakers(text), vec![some("Paul Lenoir"), some("Paul Lenoir")]);
}

#[test]
fn a_participle_clause_after_a_long_incise_goes_on_with_the_speaker() {
    let text = "« Il y a eu des réponses », s'est réjoui Paul Lenoir dimanche soir sur France Inter, \
                saluant les annonces « très importantes » du gouvernement.";
    assert_eq!(speakers(text), vec![some("Paul Lenoir"), some("Paul Lenoir")]);
}

#[test]
fn an_adverbial_between_the_infinitive_and_its_colon_still_goes_on() {
    for link in [
        "Et d'ajouter, à l'adresse de ses adversaires",
        "Avant de conclure sur une note d'espoir",
        "Et de s'interroger devant les caméras",
        "Avant de continuer",
        "Et de prévenir",
    ] {
        let text = format!(
            "« Les artisans sont à bout », a déclaré lundi Pierre Garnier, président de la chambre. {link} : « Il faut des délais de paiement. »"
        );
        assert_eq!(speakers(&text), vec![some("Pierre Garnier"), some("Pierre Garnier")], "{link}");
    }
    // A verb of saying of its own in the adverbial brings its own speaker.
    let text = "« Les artisans sont à bout », a déclaré lundi Pierre Garnier. Et d'ajouter ce que \
                confirme Sophie Lamarque, présidente du syndicat : « Il faut des délais de paiement. »";
    assert_ne!(speakers(text).get(1).cloned().flatten().as_deref(), Some("Pierre Garnier"));
}

#[test]
fn a_modal_before_the_verb_of_the_incise() {
    let cases = [
        ("« La reprise viendra au printemps », veut croire Paul Lenoir, économiste.", some("Paul Lenoir")),
        ("« Nous ne céderons rien », a voulu souligner Hélène Morin devant les élus.", some("Hélène Morin")),
        ("« Personne n'a sifflé », tient à signaler Paul Lenoir.", some("Paul Lenoir")),
        (
            "« Je mets en garde le gouvernement », avait cru bon de rappeler Hélène Morin.",
            some("Hélène Morin"),
        ),
        ("« Il faut agir vite », a notamment voulu prévenir Paul Lenoir.", some("Paul Lenoir")),
        ("« Je pense aux blessés », a continué Paul Lenoir.", some("Paul Lenoir")),
    ];
    assert_each_speaker(cases);
    // "croire à", "tenir" alone: no verb of saying.
    let s = speakers("Paul Lenoir tient le stand. « La reprise viendra », tient Hélène Morin à la main.");
    assert_ne!(s, vec![some("Hélène Morin")]);
}

#[test]
fn a_verb_of_saying_before_the_colon_in_a_later_clause() {
    let cases = [
        (
            "La salle restait silencieuse, tandis que Paul Lenoir lançait : « Nous irons jusqu'au bout de ce combat. »",
            some("Paul Lenoir"),
        ),
        (
            "Les critiques d'Hélène Morin contre la réforme ne sont pas nouvelles, et elle l'admet : « Je condamne cette politique depuis le début. »",
            some("Hélène Morin"),
        ),
    ];
    assert_each_speaker(cases);
}

#[test]
fn a_going_on_incise_with_a_description_naming_nobody_keeps_the_speaker() {
    let text = "Paul Lenoir a dîné avec Marc Dubois et Luc Morel. « Nous avons tout donné », a confié \
                Paul Lenoir. « Le public nous porte », continue le chanteur.";
    assert_eq!(speakers(text), vec![some("Paul Lenoir"), some("Paul Lenoir")]);
    let text = "Paul Lenoir a dîné avec Marc Dubois et Luc Morel. « Nous avons tout donné », a confié \
                Paul Lenoir. « Le public nous porte », a voulu souligner le chanteur.";
    assert_eq!(speakers(text), vec![some("Paul Lenoir"), some("Paul Lenoir")]);
}

#[test]
fn the_subject_is_checked_for_rivals_from_its_own_sentence_on() {
    // An earlier mention of the subject, before someone else of the same gender, does not make
    // that other person a rival in the subject's own sentence.
    let text = "Dans son message, Paul Lenoir s'adresse au président Marc Dubois.\n\
                Contacté par la radio, Paul Lenoir a expliqué qu'il sortait d'une réunion. \
                « Rien n'est encore décidé », a-t-il indiqué.";
    assert_eq!(speakers(text), vec![some("Paul Lenoir")]);
}

#[test]
fn a_sentence_framed_by_selon_and_a_name_gives_a_later_pronoun_its_person() {
    let text = "Paul Lenoir a rencontré Marc Dubois mardi. Selon Jacques Morel, les ventes ont \
                chuté de vingt pour cent en décembre. « La période des fêtes est cruciale », a-t-il alerté.";
    assert_eq!(speakers(text), vec![some("Jacques Morel")]);
}

#[test]
fn a_possessive_name_is_no_subject_for_a_later_pronoun() {
    let text = "Graham Norris has had the chance to fix the railways and has failed, Peter Hollis has said. \
                \"The network is heading in the wrong direction\", the opposition leader said in his speech. \
                Mr Norris's department was a \"clumsy, meddling office that decides what should be left to \
                the passengers,\" he added.";
    let s = speakers(text);
    assert_ne!(s.last().cloned().flatten().as_deref(), Some("Graham Norris"), "{s:?}");
}

#[test]
fn someone_untagged_who_speaks_between_stops_the_look_back() {
    let text = "Rail plan\n\nMr Hartley said the party would rely on local radio this time. Mr Hartley said no \
                decision had been taken over whether Peter Gould would have a role in the campaign. Green Party \
                chair Lord Ashworth suggested the government was avoiding questions about its record. \"The \
                minister seems to have vanished from the posters and the broadcasts,\" he said.";
    let s = speakers(text);
    assert!(!s.iter().flatten().any(|n| n.contains("Hartley") || n.contains("Gould")), "{s:?}");
}

#[test]
fn a_link_label_in_capitals_before_a_headline_name_and_its_topic() {
    let cases = [
        (
            "Le débat continue.\nÀ VOIR AUSSI - Hélène Morin sur la réforme des retraites : « Nous ne reculerons pas sur l'essentiel »\nLa suite demain.",
            some("Hélène Morin"),
        ),
        (
            "Le débat continue.\n» LIRE AUSSI - Paul Lenoir aux agriculteurs : « Il faut tenir bon encore un peu »\nLa suite demain.",
            some("Paul Lenoir"),
        ),
    ];
    assert_each_speaker(cases);
}

#[test]
fn a_name_behind_a_preposition_before_the_colon_is_not_the_speaker() {
    let cases = [
        (
            "Paul Lenoir a concédé au quotidien Ouest-Matin : « Moi-même, j'ai été très étonné par ces chiffres »",
            some("Paul Lenoir"),
        ),
        (
            "Dans son message, Paul Lenoir ajoute à l'adresse du président Marc Dubois : « Vous allez devoir répondre de tout cela »",
            some("Paul Lenoir"),
        ),
        (
            "Le chanteur Paul Lenoir a dit à l'encontre d'Hélène Morin : « Je comprends la colère de ces gens-là »",
            some("Paul Lenoir"),
        ),
        // An apposition after a comma still names the speaker.
        (
            "Comme l'a précisé l'ambassadeur de France, Paul Lenoir : « Nous suivons la situation de très près »",
            some("Paul Lenoir"),
        ),
    ];
    assert_each_speaker(cases);
}

#[test]
fn a_fragment_further_into_the_speaker_s_sentence_is_theirs() {
    let text = "La ministre de la Culture, Hélène Morin, a déclaré jeudi que la ville pouvait « accueillir le festival » \
                cet été « sans toucher aux subventions ».";
    assert_eq!(speakers(text), vec![some("Hélène Morin"), some("Hélène Morin")]);
    let text = "Le préfet de la région, Paul Lenoir, a affirmé qu'un « plan de circulation » sera appliqué \
                « dans tout le centre-ville », notamment près des écoles.";
    assert_eq!(speakers(text), vec![some("Paul Lenoir"), some("Paul Lenoir")]);
}

#[test]
fn a_fragment_after_a_charge_a_nickname_or_a_label_is_nobody_s() {
    // The charges after "pour", and the words after a participle of another act.
    let text = "Le maire, Paul Lenoir, a d'abord annoncé « une grève illimitée » avant d'être placé en garde à vue \
                pour « violences sur agent public ».";
    assert_eq!(speakers(text), vec![some("Paul Lenoir"), None]);
    let text = "Le maire, Paul Lenoir, a appelé à « bloquer le port » lundi, déclenchant une enquête pour \
                « entrave à la circulation ».";
    assert_eq!(speakers(text), vec![some("Paul Lenoir"), None]);
    // What follows a nickname is not the named person's words for that.
    let text = "Le maire, Paul Lenoir, dit « le Capitaine », a mis en doute le caractère « vraiment spontané et \
                populaire » des blocages.";
    assert_eq!(speakers(text).get(1), Some(&None));
    // Words quoted again and again are a label.
    let text = "Les « casques bleus de la mission » défilent. Le maire, Paul Lenoir, a dénoncé « une patience sans \
                limite » envers les « casques bleus de la mission » sur les barrages.";
    assert_eq!(speakers(text), vec![None, some("Paul Lenoir"), None]);
}

#[test]
fn a_quotation_standing_alone_after_a_sentence_about_its_speaker() {
    let text = "Dans une lettre ouverte, Jeanne Morel ne mâche pas ses mots. « Les élus ont tout oublié de leurs \
                promesses. » La suite est connue.";
    assert_eq!(speakers(text), vec![some("Jeanne Morel")]);
    // A line presenting an author, who opens by quoting someone else.
    let text = "Jeanne Morel est historienne. « Qu'est-ce que le peuple ? Tout. Que veut-il ? Tout. »";
    assert_eq!(speakers(text), vec![None]);
    // Another person named in the sentence before.
    let text =
        "Jeanne Morel a critiqué Paul Lenoir devant les élus. « Il faut changer de méthode au plus vite. »";
    assert_eq!(speakers(text), vec![None]);
    // A new paragraph.
    let text = "Jeanne Morel ne mâche pas ses mots.\n« Les maires n'ont plus aucun moyen d'agir. »";
    assert_eq!(speakers(text), vec![None]);
}

#[test]
fn a_quotation_standing_alone_after_a_sentence_about_a_person_described() {
    let text = "Jeanne Morel a quitté la salle sous les huées. L'ancienne ministre a aussi vanté son bilan devant \
                la presse. « J'ai inventé la concertation il y a dix ans. »";
    assert_eq!(speakers(text), vec![some("Jeanne Morel")]);
}

#[test]
fn a_quotation_standing_alone_after_a_pronoun_subject_follows_its_chain_in_the_paragraph() {
    let text = "Jeanne Morel tient une boulangerie à Lille. Elle a dû fermer sa boutique samedi. « Nous avons perdu \
                la moitié de notre chiffre. »";
    assert_eq!(speakers(text), vec![some("Jeanne Morel")]);
    // The person is named in the paragraph before: no guess.
    let text = "Jeanne Morel tient une boulangerie à Lille.\nElle a dû fermer sa boutique samedi. « Nous avons \
                perdu le tiers de notre chiffre. »";
    assert_eq!(speakers(text), vec![None]);
    // A pronoun of the other gender.
    let text = "Paul Lenoir tient une boulangerie à Lille. Elle a dû fermer sa boutique samedi. « Nous avons \
                perdu le quart de notre chiffre. »";
    assert_eq!(speakers(text), vec![None]);
}

#[test]
fn an_adverb_opening_the_sentence_is_no_speaker() {
    use super::quotes::tests_support::plausible_speaker as plausible_speaker_for_tests;
    for adverb in ["Finalement", "Évidemment", "Notamment"] {
        assert!(!plausible_speaker_for_tests(adverb), "{adverb}");
    }
    for name in ["Clément", "Jeanne Morel", "Laurent"] {
        assert!(plausible_speaker_for_tests(name), "{name}");
    }
}

#[test]
fn any_link_line_opening_on_a_guillemet_does_not_cut_the_look_back() {
    for link in [
        "» EN DIRECT - Suivez la grève des « cheminots »",
        "» À VOIR AUSSI - Les images de la manifestation",
        "» Suivez notre direct sur la mobilisation",
    ] {
        let text = format!(
            "Invité de la radio dimanche, Paul Morin ne décolère pas. « La réforme est injuste », a-t-il lancé.\n\
             {link}\n\
             « Nous irons jusqu'au bout », a-t-il poursuivi."
        );
        let s = speakers(&text);
        assert_eq!(s.first(), Some(&some("Paul Morin")), "{link}");
        assert_eq!(s.last(), Some(&some("Paul Morin")), "{link}");
    }
}

#[test]
fn a_pronoun_speaker_among_several_people_is_the_one_framed_just_before() {
    let opening = "Jacques Brun et Paul Morin se sont opposés lundi soir sur la taxe.";
    // "Pour X, …" opening the sentence before.
    let text = format!(
        "{opening} Pour Paul Morin, la réforme doit attendre l'été. « Les familles ne peuvent plus payer », a-t-il assuré."
    );
    assert_eq!(speakers(&text), vec![some("Paul Morin")]);
    // The subject after an inverted verb of saying, an adverb between.
    let text = format!(
        "{opening} Le budget reste serré, note encore Paul Morin, à la tête de la fédération. « Nous devons tenir », souligne-t-il."
    );
    assert_eq!(speakers(&text), vec![some("Paul Morin")]);
    // Apposed at the end of the sentence before.
    let text = format!(
        "{opening} Une position partagée par le président de la fédération des artisans, Paul Morin. « Nous devons tenir », a-t-il déclaré."
    );
    assert_eq!(speakers(&text), vec![some("Paul Morin")]);
    // The agent of a passive, someone spoken of, a pronoun of the other gender: nobody.
    let text = format!(
        "{opening} La réforme a été proposée par Paul Morin en mai. « Nous devons tenir », souligne-t-il."
    );
    assert_eq!(speakers(&text), vec![None]);
    let text =
        format!("{opening} Il a critiqué les propos de Paul Morin. « Nous devons tenir », souligne-t-il.");
    assert_eq!(speakers(&text), vec![None]);
    let text = format!(
        "{opening} Pour Paul Morin, la réforme doit attendre l'été. « Les familles ne peuvent plus payer », a-t-elle assuré."
    );
    assert_eq!(speakers(&text), vec![None]);
}

#[test]
fn a_headline_gives_its_person_short_words_and_speaks_of_the_one_after_sur() {
    // After a link label, a quotation of three words is the headline's.
    let text = "La grève se poursuit.\n» LIRE AUSSI - Paul Morin aux « cheminots » : « Tenez bon ensemble »\nLa suite demain.";
    assert_eq!(speakers(text).last(), Some(&some("Paul Morin")));
    // "X sur Y :" opening a line or after a label: X speaks of Y.
    let text = "La grève se poursuit.\nPaul Morin sur Jacques Brun : « Sa nomination est une bonne nouvelle pour la ville » - Regarder la vidéo\nLa suite demain.";
    assert_eq!(speakers(text), vec![some("Paul Morin")]);
    let text = "La grève se poursuit.\n» À VOIR AUSSI - Paul Morin sur Jacques Brun : « Sa nomination est une bonne nouvelle pour la ville »";
    assert_eq!(speakers(text), vec![some("Paul Morin")]);
    // Short words after a colon in prose stay a label, no speaker's.
    let text = "Paul Morin a lu la pancarte : « Tenez bon »";
    assert!(speakers(text).iter().all(Option::is_none));
}

#[test]
fn a_name_only_ever_written_after_an_article_is_no_rival_speaker() {
    // "Le Robert", a dictionary the tagger may take for a person, does not cut the speaker's turn.
    let text = "Le dictionnaire Le Robert propose d'élire le mot de l'année.\n«Les mots disent l'époque», concède \
                Claire Morin, directrice éditoriale au dictionnaire Le Robert. «D'autres mots ont retenu notre \
                attention parce qu'ils changent de sens.»";
    assert_eq!(speakers(text), vec![some("Claire Morin"), some("Claire Morin")]);
}

#[test]
fn a_short_sentence_framing_one_person_before_a_colon_gives_them_the_words() {
    for frame in ["Même son de cloche chez", "Intolérable pour", "Même constat pour"] {
        let text = format!(
            "Jacques Brun a ouvert la séance lundi. {frame} Paul Morin : « Nous ne pouvons pas attendre plus longtemps. »"
        );
        assert_eq!(speakers(&text), vec![some("Paul Morin")], "{frame}");
    }
    // A longer sentence, or another person named in it, frames nobody.
    let text = "Une longue banderole a été déployée devant la mairie pour Paul Morin : « Nous ne pouvons pas attendre plus longtemps. »";
    assert_eq!(speakers(text), vec![None]);
    // With its own subject, the sentence is that subject's (as before), never the one framed.
    let text =
        "Jacques Brun a écrit une lettre pour Paul Morin : « Nous ne pouvons pas attendre plus longtemps. »";
    assert_eq!(speakers(text), vec![some("Jacques Brun")]);
}

#[test]
fn a_lawyer_s_honorific_is_not_part_of_the_name_nor_a_name_alone() {
    let opts = crate::extract::Options::default();
    let text =
        "Le procès s'ouvre lundi. « Mon client est innocent », a déclaré Maître Paul Roux à la sortie.";
    let f = crate::extract::extract(text, &opts);
    let speakers: Vec<_> = f.quotes.iter().map(|q| q.speaker.clone()).collect();
    assert_eq!(speakers, vec![Some("Paul Roux".to_string())]);
    // An incise inside the quotation, past the honorific.
    let text = "Le code est clair. « La liberté de se vêtir n'est pas fondamentale, explique Maître Paul \
                Roux, spécialisé en droit social. Elle peut être restreinte. »";
    let f = crate::extract::extract(text, &opts);
    let speakers: Vec<_> = f.quotes.iter().map(|q| q.speaker.clone()).collect();
    assert_eq!(speakers, vec![Some("Paul Roux".to_string())]);
    assert!(f.entities.iter().all(|e| e.name != "Maître"), "{:?}", f.entities);
}

#[test]
fn a_name_completing_a_noun_before_the_comma_is_not_who_speaks() {
    // The newspaper asked the questions; the participle is the subject's.
    let text = "Le débat continue. François Roussel a répondu aux questions du Parisien, assurant que \
                l'exécutif « poursuivrait la trajectoire prévue ».";
    assert_eq!(speakers(text), vec![some("François Roussel")]);
    // The deputy of someone is not that someone.
    let text = "Le débat continue. Interrogée sur CNews, Élise Ferrand, suppléante de Benjamin Garnier, a \
                reconnu ne pas connaître « le montant précis du Smic ».";
    assert_ne!(speakers(text), vec![some("Benjamin Garnier")]);
}

#[test]
fn a_description_after_several_people_is_the_subject_the_sentences_are_about() {
    // Macron is named in the subordinate clause; the one speaking is the subject.
    let text = "Le débat continue. Reçu à l'Élysée, Jean-Luc Morel a indiqué qu'Emmanuel Macron ne lui \
                était « pas apparu déterminé ». « Mieux vaudrait un référendum », a suggéré le député \
                des Landes.";
    assert_eq!(speakers(text).last(), Some(&some("Jean-Luc Morel")));
    // Never someone the text gave another title.
    let text = "Le débat continue. Florian Martel a dénoncé les propos. Laurent Vasseur, président des \
                Républicains, a affirmé que le gouvernement devait « ne pas provoquer ». Le premier \
                secrétaire du Parti socialiste a déclaré : « Au début on croit que c'est un fake. »";
    assert_ne!(speakers(text).last(), Some(&some("Laurent Vasseur")));
}

#[test]
fn a_body_described_after_making_something_known_is_that_body() {
    let text = "Les syndicats se sont réunis au siège de la CFDT jeudi. Pourtant, la CGT a publié un \
                communiqué allant à rebours de cette déclaration. « Nous condamnons l'attitude du \
                gouvernement », écrit le syndicat contestataire.";
    assert_eq!(speakers(text), vec![some("CGT")]);
}

#[test]
fn an_incise_of_any_verb_names_the_person_after_it() {
    // Verbs the lexicon does not hold, negated or not, with the subject inverted after them.
    let s = speakers(
        "Marie Dupuis est venue samedi. «C'est une grossière manipulation!», ne décolère pas Marie Dupuis.",
    );
    assert_eq!(s, vec![some("Marie Dupuis")]);
    let s = speakers("«On a tout à craindre pour janvier», prophétise Paul Roux, qui s'inquiète.");
    assert_eq!(s, vec![some("Paul Roux")]);
    // A preposition is no verb: the name after it said nothing.
    let s = speakers("«On a tout à craindre pour janvier», avec Paul Roux.");
    assert_eq!(s, vec![None]);
    // Words or names quoted inside a sentence are no one's words there.
    for text in [
        "Le rapport, jugé «accablant», vise Jean Dupont.",
        "Le film «Les Misérables», signé Ladj Ly, sort mercredi.",
        "Les élus «Les Républicains», derrière Laurent Wauquiez, refusent.",
    ] {
        assert!(speakers(text).iter().all(Option::is_none), "{text}");
    }
}

#[test]
fn an_aside_and_the_end_of_a_phrase_before_the_incise() {
    let s = speakers(
        "«Les commerçants sont très inquiets sur les soldes» d'hiver, ajoute de son côté Paul Roux, directeur chez Bonial.",
    );
    assert_eq!(s, vec![some("Paul Roux")]);
    let s = speakers("«C'est une avancée», a affirmé pour sa part Marie Dupuis, du syndicat Alliance.");
    assert_eq!(s, vec![some("Marie Dupuis")]);
    let s = speakers(
        "Marie Dupuis a parlé lundi. «Des casseurs ont jeté des pierres sur la préfecture» et des banques, a-t-elle précisé.",
    );
    assert_eq!(s, vec![some("Marie Dupuis")]);
    // Words said inside someone else's sentence are not the reporter's.
    let s = speakers(
        "Le maire a lancé «Je ne démissionnerai jamais de ce poste» devant ses adjoints, raconte Marie Dupuis.",
    );
    assert_ne!(s, vec![some("Marie Dupuis")]);
}

#[test]
fn a_body_named_after_its_kind_frames_the_quote() {
    let s = speakers("Pour l'ONG Reporters sans frontières, «il faut lancer un cri d'alarme».");
    assert_eq!(s, vec![some("Reporters sans frontières")]);
}

#[test]
fn a_pulled_out_part_of_a_quote_has_its_speaker() {
    let text = "Marie Dupuis était sur place samedi.\n«Un petit gilet jaune de plus»\n«Je me suis dit que ça \
                ferait un petit gilet jaune de plus. Mais tout était fini», raconte Marie Dupuis.";
    assert_eq!(speakers(text), vec![some("Marie Dupuis"), some("Marie Dupuis")]);
    // Words one speaker takes from another open on no capital: not a pulled-out quote.
    let text = "Le chef de l'État aurait dit qu'il n'avait «pas les mots d'un gitan du tout».\n«Il \
                n'a pas les mots d'un gitan du tout, c'est une injure», dénonce Paul Roux.";
    assert_eq!(speakers(text)[0], None);
    // A placard read inside a sentence is not the words of the one who quotes it later.
    let text = "Sur les pancartes, on lisait «Non à la fermeture de notre maternité» en lettres rouges.\n\
                «Quand je lis “Non à la fermeture de notre maternité”, je comprends leur colère», a réagi \
                Jean Dupont.";
    assert_eq!(speakers(text)[0], None);
}

#[test]
fn the_protagonist_spoken_of_or_named_in_a_subordinate_clause_is_no_pronoun_s_speaker() {
    let text = "Jean Dupont est venu lundi. Jean Dupont a parlé. Jean Dupont est parti. Même colère \
                de la part du porte-parole Paul Roux quand Jean Dupont avait critiqué les perquisitions. \
                Il avait alors jugé «inadmissible et scandaleuse» l'attitude de Jean Dupont.";
    assert_ne!(speakers(text).last().cloned().flatten().as_deref(), Some("Jean Dupont"));
}

#[test]
fn any_verb_between_a_description_and_the_colon_introduces_its_words() {
    let text = "Marie Dupuis est venue lundi. À ceux qui parlent de retour, l'intéressée balaye: «C'est \
                un mouvement populaire et apolitique.»";
    assert_eq!(speakers(text), vec![some("Marie Dupuis")]);
    // The description is the verb's object, not its subject: no speaker from it.
    let text = "Marie Dupuis est venue lundi. Paul Roux accueille la ministre: «Bienvenue à tous dans \
                notre belle ville.»";
    assert_ne!(speakers(text), vec![some("Marie Dupuis")]);
}

#[test]
fn a_gerund_after_a_pronoun_incise_goes_on_with_its_speaker() {
    let text = "Paul Roux était à Matignon lundi. «Cela paraît une solution d'apaisement», a-t-il admis, \
                en précisant que «ce n'est pas là-dessus qu'il a été consulté».";
    assert_eq!(speakers(text), vec![some("Paul Roux"), some("Paul Roux")]);
}

#[test]
fn a_fragment_before_the_quotation_an_incise_attributes_in_its_sentence_is_that_speaker_s() {
    let text = "Marie Dupuis était à l'Élysée lundi. Le président «a écouté» mais «la question reste de \
                savoir s'il a entendu», a ajouté Marie Dupuis.";
    assert_eq!(speakers(text), vec![some("Marie Dupuis"), some("Marie Dupuis")]);
    // A verb of saying before the fragment brings its own speaker.
    let text = "Marie Dupuis était à l'Élysée lundi. Paul Roux a dit qu'il «a écouté» mais «la question \
                reste de savoir s'il a entendu», a ajouté Marie Dupuis.";
    assert_ne!(speakers(text).first().cloned().flatten().as_deref(), Some("Marie Dupuis"));
    // Before a name quoted ahead of a main clause (no words said), the fragment stays unattributed.
    let text = "Jean Dupont a parlé lundi. S'exprimant au lendemain de «l'acte IV» des «gilets jaunes», il \
                a confirmé que le chef de l'État allait parler.";
    assert_eq!(speakers(text).first().cloned().flatten(), None);
}

#[test]
fn a_work_of_a_body_named_in_lower_case_speaks_with_its_words() {
    let text = "Les jouets vendus en ligne sont «dangereux pour les enfants», indique un communiqué du \
                ministère de l'Économie.";
    assert_eq!(speakers(text), vec![some("ministère de l'Économie")]);
    let text = "«Le lien n'est pas avéré avec le mouvement», réagit-on à la mairie de Paris.";
    assert_eq!(speakers(text), vec![some("mairie de Paris")]);
}

#[test]
fn a_participle_after_a_long_apposition_goes_on_with_the_speaker() {
    let text = "«Ces informations n'ont pas été utilisées par le ministère», précise Marie Dupuis, \
                adjointe (PS) chargée de la sécurité à la mairie de Paris, taclant au passage «les failles \
                du dispositif».";
    assert_eq!(speakers(text), vec![some("Marie Dupuis"), some("Marie Dupuis")]);
}

#[test]
fn a_description_of_someone_of_an_unnamed_body_is_no_one_named() {
    let f = extract(
        "Emmanuel Macron a parlé samedi. « Nous avons eu très peur ce samedi-là », explique la responsable d'une boutique d'optique du boulevard.",
        &Options::default(),
    );
    assert_eq!(f.quotes[0].speaker, None);
    // Kin say whose child, not which body: the son is the man named before.
    let f = extract(
        "Le ministre Mounir Mahjoubi a parlé à l'AFP. « C'est le mouvement de ceux qui se sentent humiliés », plaide ce fils d'une femme de chambre.",
        &Options::default(),
    );
    assert_eq!(f.quotes[0].speaker.as_deref(), Some("Mounir Mahjoubi"));
}

#[test]
fn a_bare_description_of_the_one_who_spoke_before_is_their_role() {
    let f = extract(
        "Le yéti existe, a annoncé Valentine Sapounov. « Nous pouvons confirmer ces traces », a indiqué V. Sapounov. « L'ADN a permis de l'établir », a poursuivi l'expert.",
        &Options::default(),
    );
    let roles: Vec<&str> = f.people.iter().flat_map(|p| p.roles.iter().map(String::as_str)).collect();
    assert_eq!(roles, ["expert"]);
}

#[test]
fn a_party_member_noun_between_title_and_name_leaves_the_name_the_speaker() {
    let s = speakers(
        "« C'est la boulette du roi », a estimé sur BFMTV le député Insoumis Paul Berger. Il insiste.",
    );
    assert_eq!(s, vec![some("Paul Berger")]);
}

#[test]
fn a_generic_noun_stands_for_the_one_holder_of_an_office_it_covers() {
    // "l'élu", "l'édile", "le parlementaire": the one person named before whom the roles give an
    // office the noun covers, though another man is named before.
    let s = speakers(
        "Il a invité Marc Leroy à reverser l'argent. Une cagnotte a été ouverte par Paul Berger, maire de Belflou. « Je veux fédérer autour des forces de l'ordre », a expliqué l'élu.",
    );
    assert_eq!(s, vec![some("Paul Berger")]);
    let s = speakers(
        "Paul Berger, maire de Valence, s'inquiète. « On va mettre la ville sous cloche », a précisé l'édile.",
    );
    assert_eq!(s, vec![some("Paul Berger")]);
    // Another woman named since may be the one: no speaker rather than a wrong one.
    let s = speakers(
        "« Nous demandons un effort », avait indiqué Claire Dumas, députée LREM. « Nous écoutons », soulignait Hélène Morin, également députée de la majorité. « Le travail est enclenché », assurait l'élue de Paris.",
    );
    assert_eq!(s, vec![some("Claire Dumas"), some("Hélène Morin"), None]);
}

#[test]
fn among_holders_of_a_title_the_description_is_the_one_named_last() {
    // Both men are spokesmen; the one named last, with no other man since, is the one meant.
    let s = speakers(
        "Les appels sont lancés par Marc Leroy, l'un des porte-parole du mouvement.\n\
         Le porte-parole du gouvernement Paul Berger s'est exprimé mardi. « Ce sont des gens sincères », a-t-il dit. « Et j'ai toujours dissocié les factieux », a poursuivi le porte-parole.",
    );
    assert_eq!(s, vec![some("Paul Berger"), some("Paul Berger")]);
    // A policeman the roles name paragraphs before is not the one who speaks after another
    // man's quote.
    let s = speakers(
        "Le policier de la brigade fluviale Marc Leroy s'inquiète.\n\
         « Je n'aime pas ce discours », tranche Paul Berger, secrétaire général du syndicat. « Les syndicats n'ont aucune légitimité », assène le policier.",
    );
    assert_eq!(s, vec![some("Paul Berger"), None]);
}

#[test]
fn a_quotation_in_a_gerund_clause_of_saying_is_the_subject_s() {
    let s = speakers(
        "Le ministre de l'Intérieur Paul Berger s'est aussi emparé de la polémique en promettant de « tout faire pour que l'auteur soit condamné ».",
    );
    assert_eq!(s, vec![some("Paul Berger")]);
    // A pronoun subject stands for the person named before.
    let s = speakers(
        "Paul Berger a longtemps relevé ce malaise. Et il y a fait allusion en évoquant « ces vies empêchées de ceux qui travaillent dur ».",
    );
    assert_eq!(s, vec![some("Paul Berger")]);
    // Someone named after the gerund has their own words, not the subject's.
    let s = speakers(
        "Paul Berger a réagi en rappelant que Marc Leroy avait jugé la réforme « injuste et brutale pour tous ».",
    );
    assert_eq!(s, vec![some("Marc Leroy")]);
}

#[test]
fn a_gerund_belongs_to_its_own_clause_s_subject() {
    // A relative clause or another person before the gerund brings its own subject.
    let s = speakers(
        "« Nous irons jusqu'au bout », a déclaré Jean Dupont à Paul Martin, qui lui a répondu en assurant que la réforme serait « un échec ».",
    );
    assert_eq!(s, vec![some("Jean Dupont"), some("Paul Martin")]);
    let s = speakers(
        "« La loi sera votée », a assuré Claire Dumas devant les députés, provoquant la colère d'Hélène Morin qui a réagi en dénonçant un « coup de force ».",
    );
    assert_eq!(s, vec![some("Claire Dumas"), None]);
    // An object after the gerund is no rival: the words are still the speaker's.
    let s = speakers(
        "« Ils ne sont pas écoutés », a-t-il poursuivi en appelant Paul Martin à « comprendre ses erreurs et à les corriger ».",
    );
    assert_eq!(s.len(), 2);
    assert_eq!(s[0], s[1]);
    // "La députée a interpellé X en dénonçant": X is the verb's object, not the subject.
    let s = speakers("La députée a interpellé Paul Martin en dénonçant « des violences policières graves ».");
    assert_eq!(s, vec![None]);
}

#[test]
fn a_covering_noun_needs_an_elected_office_in_reach() {
    // A "conseiller" may be staff: no "élu".
    let s = speakers(
        "Le président de la région, Marc Leroy, a reçu les manifestants. Son conseiller Paul Martin a pris des notes. « Nous allons débloquer des fonds », a promis l'élu.",
    );
    assert_ne!(s, vec![some("Paul Martin")]);
}

#[test]
fn a_trade_described_is_no_one_named_before_in_another_role() {
    let s = speakers(
        "Le maire Paul Martin est arrivé sur place. « Nous avons été attaqués », a raconté le conducteur du bus.",
    );
    assert_ne!(s, vec![some("Paul Martin")]);
}

#[test]
fn a_bare_title_before_a_colon_is_the_one_holder_the_roles_give_in_reach() {
    let s = speakers(
        "Le graphiste portugais Paul Berger a conçu un code. Pour construire ce code, le graphiste s'est basé sur le raisonnement suivant : « Dans les écoles, on donne aux enfants cinq tubes de gouache. »",
    );
    assert_eq!(s, vec![some("Paul Berger")]);
    // After a name's comma the title reads as that person's apposition: no speaker.
    let s = speakers(
        "Paul Berger, chauffeur routier, a lancé le mouvement. Après l'échange avec le ministre Marc Leroy, le chauffeur routier s'est ainsi exprimé : « On avait plus de souhaits que ça, bien plus. »",
    );
    assert_ne!(s, vec![some("Marc Leroy")]);
}

#[test]
fn an_office_of_justice_is_never_the_one_man_in_reach() {
    // The suspect is the only man named: the prosecutor is someone else, shown as written.
    let s = speakers(
        "Il s'appelle Paul Berger, a 29 ans, et court toujours. Le tireur présumé est poursuivi par la police. Quatre de ses proches ont été placés en garde à vue. Le procureur de la République a prévenu : « L'enquête ne fait que commencer. »",
    );
    assert_eq!(s, vec![None]);
}

#[test]
fn people_met_in_the_street_are_named_by_their_given_name() {
    // A given name and an age open the paragraph: a person, and the one "il" stands for.
    let s = speakers(
        "Les manifestants ont défilé samedi.\n\n\
         Max, 24 ans, proteste «contre la hausse du prix de l'essence» conclut-il.",
    );
    assert_eq!(s, vec![some("Max")]);
    let s = speakers(
        "Les manifestants ont défilé samedi.\n\n\
         Sabrina, 40 ans, est venue de Lille. «Bientôt ce gouvernement ne sera plus là», prévient-elle.",
    );
    assert_eq!(s, vec![some("Sabrina")]);
    // A given name alone in the paragraph before is too far: "il" may be anyone since.
    let s = speakers(
        "Les manifestants ont défilé samedi, raconte Hervé.\n\n\
         Le responsable du collectif est arrivé en retard. «Nous resterons toute la nuit», a-t-il dit.",
    );
    assert_eq!(s, vec![None]);
}

#[test]
fn whom_the_words_were_told_is_no_speaker() {
    let s = speakers("Il pleuvait. «On n'est pas des voyous», un «gilet jaune» répond à Jean Dupont.");
    assert_eq!(s.first(), Some(&None), "{s:?}");
    // "… de X": whom the one described is close to does not speak after them.
    let s = speakers(
        "Le plateau est prêt. «Les Français parleront aux Français», résume un proche de Cyril \
         Hanouna. Les questions viendront des réseaux. «C'est ça, la télévision moderne», poursuit-il.",
    );
    assert_eq!(s, vec![None, None]);
}

#[test]
fn a_listed_office_holder_opening_a_paragraph_is_its_subject() {
    // "Bruno Le Maire" reads as a given name, an article and a title; the lists know him.
    let s = speakers(
        "Titre\n\nLe président de la République doit parler lundi. Emmanuel Macron l'a promis.\n\n\
         Bruno Le Maire a estimé que les charges devaient être repoussées. «Nous avons demandé un \
         geste», a-t-il ajouté.",
    );
    assert_eq!(s, vec![some("Bruno Le Maire")]);
}

#[test]
fn a_name_written_with_a_no_break_space_is_named_with_a_plain_one() {
    let f = extract(
        "«Il a échoué», a fustigé Marine Le\u{a0}Pen, lundi.",
        &Options { lang: Some(Lang::Fr), ..Options::default() },
    );
    assert_eq!(f.quotes[0].speaker.as_deref(), Some("Marine Le Pen"));
    assert!(f.people.iter().any(|p| p.name == "Marine Le Pen"), "{:?}", f.people);
}

#[test]
fn a_quote_after_a_sentence_about_a_friend_or_a_given_name_opening_the_paragraph() {
    // "son ami Valentin" is the subject, as a title before a name would be.
    let s = speakers(
        "Le temps est gris. Sous sa capuche, son ami Valentin a envie de débattre. «L'innovation \
         technologique ne suffit pas, on le sait.» De quoi faire sortir le sujet.",
    );
    assert_eq!(s, vec![some("Valentin")]);
    let s = speakers(
        "Titre\n\nSabrina était déjà là aux précédents rendez-vous. Cette fois, elle est là avec des \
         amis. «On a brainstormé pendant dix minutes!» En résulte un jeu de mots.",
    );
    assert_eq!(s, vec![some("Sabrina")]);
}

#[test]
fn a_quoted_reason_is_the_words_of_the_subject() {
    let s = speakers(
        "Les cortèges ont grossi.\n\nSabrina Lenoir a rejoint le mouvement car «c'est un droit \
         constitutionnel, le peuple est souverain».",
    );
    assert_eq!(s, vec![some("Sabrina Lenoir")]);
    let s =
        speakers("Les cortèges ont grossi. Yves Morin manifeste «pour mes petits-enfants, qui paieront».");
    assert_eq!(s, vec![some("Yves Morin")]);
    // A reason in the passive is someone else's; a label of a word or two is no quotation of theirs.
    let s = speakers("Les cortèges ont grossi. Yves Morin a été interpellé car «il menaçait les agents».");
    assert_eq!(s, vec![None]);
    let s = speakers("Les cortèges ont grossi. Yves Morin a été condamné «pour outrage».");
    assert!(s.iter().all(Option::is_none), "{s:?}");
}

#[test]
fn an_organisation_and_the_acronym_it_defines_are_one_speaker() {
    let f = extract(
        "Titre\n\nL'Union des étudiants juifs de France (UEJF) a réagi. «Cet acte est dans la \
         suite des précédents», a dénoncé l'association. L'UEJF a porté plainte.",
        &Options { lang: Some(Lang::Fr), ..Options::default() },
    );
    let orgs: Vec<&str> =
        f.entities.iter().filter(|e| e.label == Label::Org).map(|e| e.name.as_str()).collect();
    assert_eq!(orgs, ["Union des étudiants juifs de France"]);
    // (It speaks under the name written nearest before the quotation.)
    assert_eq!(f.quotes[0].speaker.as_deref(), Some("UEJF"));
    // An organisation opening the sentence, its verb inside the quotation.
    let s = speakers(
        "Titre\n\nLe Conseil d'État a «constaté que l'usage de l'arme avait blessé des manifestants».",
    );
    assert_eq!(s, vec![some("Conseil d'État")]);
}

#[test]
fn a_lone_given_name_is_no_guess_for_others_words() {
    let not_named = |text: &str, who: &str| {
        let s = speakers(text);
        assert!(!s.iter().any(|x| x.as_deref() == Some(who)), "{who}: {s:?} in {text}");
    };
    // A common word opening a line is no given name there.
    not_named(
        "Titre\n\nNoël approche et les commerçants s'inquiètent. «Les ventes ont chuté», affirme le \
         président de l'association.",
        "Noël",
    );
    // Someone met, received or described is not who speaks after.
    not_named(
        "Titre\n\nLe maire a reçu Karim, 40 ans, dans son bureau. «Nous allons agir», a-t-il promis.",
        "Karim",
    );
    not_named(
        "Titre\n\nUne femme interpelle Emmanuel Macron. «Vous nous avez abandonnés», lance-t-elle.",
        "Emmanuel Macron",
    );
    not_named(
        "Titre\n\nCamille, 35 ans, est enseignante.\n\nLa ministre est arrivée en retard. «Je suis \
         venue écouter», a-t-elle répondu.",
        "Camille",
    );
    // A legal wording in guillemets is no reason the subject gives.
    let s = speakers(
        "Titre\n\nJean Dupont, mis en examen «pour homicide involontaire aggravé», a été remis en liberté.",
    );
    assert!(s.iter().all(Option::is_none), "{s:?}");
}

#[test]
fn words_the_sentence_credits_to_someone_else_are_not_the_organisation_s() {
    let s = speakers("Titre\n\nLa CGT a «claqué la porte de la réunion», a raconté un participant.");
    assert!(!s.iter().any(|x| x.as_deref() == Some("CGT")), "{s:?}");
    let s = speakers(
        "Titre\n\nLe parquet de Paris a «ouvert une enquête préliminaire», selon une source judiciaire.",
    );
    assert!(s.iter().all(Option::is_none), "{s:?}");
}

#[test]
fn a_bare_quotation_after_a_sentence_about_its_subject() {
    // The sentence goes on after the quotation with a clause that attributes nothing.
    let s = speakers(
        "Titre\n\nDidier, 52 ans, cariste, est venu à Paris à vélo pour éviter les blocages. «Je suis \
         prêt à rester toute la journée», même s'il n'attend rien du gouvernement.",
    );
    assert_eq!(s, vec![Some("Didier".to_string())]);
    // A word in guillemets does not make the sentence before a quotation; "Lui" opening a
    // sentence carries the speaker the incise before named.
    let s = speakers(
        "Titre\n\n«On est là pour le climat», explique Adel. Lui était déjà venu à Nuit debout, et il \
         retrouve dans cette «agora» l'envie d'échanger. «Les problèmes touchent aussi le climat.»",
    );
    assert_eq!(s, vec![Some("Adel".to_string()), Some("Adel".to_string())]);
    // Not when the clause after the quotation credits it to someone else.
    let s = speakers(
        "Titre\n\nDidier est venu à Paris à vélo pour éviter les blocages. «Je suis prêt à rester \
         toute la journée», mais c'est ce que dit son voisin.",
    );
    assert_eq!(s, vec![None]);
}

#[test]
fn an_organisation_speaks_under_the_name_written_nearest_its_quote() {
    let s = speakers(
        "Titre\n\n«Nous ne bloquerons pas les dépôts», a indiqué lundi la Fédération nationale des \
         transports routiers (FNTR).\n\nMardi, la FNTR a changé de ton. «Les blocages continueront jusqu'à vendredi», a prévenu la FNTR.",
    );
    assert_eq!(
        s,
        vec![Some("Fédération nationale des transports routiers".to_string()), Some("FNTR".to_string())]
    );
    // The name in the quote's own incise comes first.
    let s = speakers(
        "Titre\n\nLa Confédération générale du travail (CGT) appelle à la grève. «Nous ne lâcherons \
         rien», a déclaré la Confédération générale du travail.",
    );
    assert_eq!(s, vec![some("Confédération générale du travail")]);
}

#[test]
fn a_pronoun_subject_carries_to_a_verb_after_its_comma() {
    // "Il a …, plaidant « … »", "Il a …, a plaidé « … »": the pronoun opening the sentence is
    // the subject of the participle or of the second verb.
    for tail in ["plaidant «une énorme erreur»", "a plaidé «une énorme erreur»"] {
        let s = speakers(&format!(
            "Titre\n\nFranck Dubosc a affirmé son soutien. Puis il a réaffirmé son soutien, {tail}."
        ));
        assert_eq!(s, vec![Some("Franck Dubosc".to_string())], "{tail}");
    }
}

#[test]
fn speech_phrases_and_a_changed_name_s_asterisk() {
    let s = speakers(
        "Titre\n\nLe Conseil représentatif des institutions juives de France a fait part de son \
         «indignation». La CPME a elle aussi mis en garde les manifestants: «nous n'accepterons pas \
         que les entreprises soient pénalisées». Michel Lavastrou, délégué CGT, a fait état d'une \
         «grève depuis mardi».",
    );
    assert_eq!(
        s,
        vec![
            some("Conseil représentatif des institutions juives de France"),
            some("CPME"),
            some("Michel Lavastrou")
        ]
    );
    // The asterisk of a changed name is no part of it, nor a word between the name and its comma.
    let s = speakers(
        "Titre\n\nLe cortège avance. «C'est vrai que c'est une cacophonie, remarque Eric*, retraité, \
         alors que le défilé fait demi-tour.»",
    );
    assert_eq!(s, vec![some("Eric")]);
}

#[test]
fn a_caption_may_say_where_and_mark_a_word() {
    let s = speakers(
        "Titre\n\nLe comédien a parlé.\n«Moi, depuis le début, je ne les soutiens pas»\nFrançois Berléand sur \
         RTL\nPeu d'insulaires ont manifesté.\n«Si nous ne sommes pas plus nombreux, nous n'arriverons à \
         rien»\nJean-Jacques, «gilet jaune» retraité\n",
    );
    assert_eq!(s, vec![some("François Berléand"), some("Jean-Jacques")]);
    // A caption quoting a sentence is the text going on.
    let s = speakers(
        "Titre\n\nLe comédien a parlé.\n«Moi, depuis le début, je ne les soutiens pas»\nFrançois Berléand \
         répète «je ne changerai pas d'avis»\n",
    );
    assert_eq!(s.first(), Some(&None), "{s:?}");
}

#[test]
fn people_quoted_together_speak_as_one() {
    let s = speakers(
        "Titre\n\nClaude et Yolande, en revanche, font partie des habitués. «On vient à chaque fois \
         qu'il y a une marche». Végétariens, ils prônent une «prise de conscience collective».",
    );
    assert_eq!(s, vec![some("Claude et Yolande"), some("Claude et Yolande")]);
    let s = speakers(
        "Titre\n\nCécile, Isabelle et Vanessa, trois sœurs, sont venues de Lyon. «On veut que ça \
         change vraiment.»",
    );
    assert_eq!(s, vec![some("Cécile, Isabelle et Vanessa")]);
    let s = speakers(
        "Titre\n\nAudrey et Sébastien gagnent 1600 euros par mois. Très remontés, ils ont dit: «Nous \
         ne lâcherons rien tant que rien ne change.»",
    );
    assert_eq!(s, vec![some("Audrey et Sébastien")]);
    // Words said by one ("je") are not the pair's; "ils" after another person named is no one.
    let s = speakers(
        "Titre\n\nClaude et Yolande font partie des habitués. «Je viens à chaque fois qu'il y a une \
         marche».\n\nClaude et Yolande sont là. Paul Morel les accompagne. Ils ont dit: «Nous ne \
         lâcherons rien tant que rien ne change.»",
    );
    assert_eq!(s, vec![None, None]);
}

#[test]
fn ils_after_another_group_is_not_the_pair() {
    // A sentence between that brings in another group ("les syndicats", "les policiers").
    for between in ["Les syndicats sont furieux.", "Leurs voisins, eux, restent chez eux."] {
        let s = speakers(&format!(
            "Titre\n\nClaude et Yolande sont venus de Lyon. {between} Ils expliquent : «Nous ne \
             lâcherons rien tant que rien ne change.»"
        ));
        assert_eq!(s, vec![None], "{between}");
    }
    // Five people are more than a pair's list.
    let s = speakers(
        "Titre\n\nAnne, Paul, Marie, Jeanne et Louis manifestent. Ils disent : «Nous ne partirons pas \
         d'ici.»",
    );
    assert_eq!(s, vec![None]);
}

#[test]
fn a_participle_after_a_relative_clause_is_that_clause_s() {
    for tail in ["qui a répondu, dénonçant", "qui a répondu en dénonçant"] {
        let s = speakers(&format!(
            "Titre\n\nMarie Durand était à Lille. Elle a rencontré le préfet, {tail} «un texte injuste»."
        ));
        assert_eq!(s, vec![None], "{tail}");
    }
}

#[test]
fn a_description_shortening_the_one_role_that_says_it_in_full() {
    // "le ministre de l'Action" is the minister of "l'Action et des Comptes publics" named
    // before, when nobody else holds a role that begins so.
    let s = speakers(
        "Le ministre de l'Action et des Comptes publics, Paul Roussel, a reçu Anne Morel et Jean Dupont. « Nous avons loupé quelque chose », a reconnu le ministre de l'Action.",
    );
    assert_eq!(s, vec![some("Paul Roussel")]);
    // A title alone ("la secrétaire d'État") is no role said in part: two of them, none.
    let s = speakers(
        "Anne Roux, secrétaire d'État à la Santé, et Marie Morel, secrétaire d'État aux Sports, ont parlé. « Rien n'est décidé », a dit la secrétaire d'État.",
    );
    assert_eq!(s, vec![None]);
}

#[test]
fn a_speaker_is_not_whom_their_own_words_speak_of() {
    // Two men named before the pronoun: the president the words speak of is not the speaker.
    let s = speakers(
        "Le président Paul Roussel a reçu Jean Morel, ministre des Finances. Selon Jean Morel, Paul Roussel devra trancher. « Il faut que le président annonce des mesures fortes », a-t-il glissé.",
    );
    assert_eq!(s, vec![some("Jean Morel")]);
    // Words describing their own speaker, or naming another holder of the title, tell nothing.
    for words in
        ["Je suis le président de tous les Français", "Comme le disait le président Mitterrand, il faut agir"]
    {
        let s = speakers(&format!(
            "Le président Paul Roussel a reçu Jean Morel, ministre des Finances. Selon Jean Morel, Paul Roussel devra trancher. « {words} », a-t-il glissé."
        ));
        assert_eq!(s, vec![None], "{words}");
    }
    // Words that speak of neither leave both possible: no one.
    let s = speakers(
        "Paul Roussel a reçu Jean Morel. Selon Jean Morel, Paul Roussel devra trancher. « Il faut agir vite », a-t-il dit.",
    );
    assert_eq!(s, vec![None]);
    let s = speakers(
        "William Hale believes Joe Morton is perfectly suited to the job. \"He is the best manager I have had, Morton thinks of everything,\" he said.",
    );
    assert_eq!(s, vec![some("William Hale")]);
}

#[test]
fn a_sentence_opening_with_a_participle_of_saying_gives_its_words_to_the_main_subject() {
    let s = speakers(
        "Marine Morel, présidente du RN, était invitée dimanche. Accusant Paul Roux de « jouer les cacous », la présidente du Rassemblement national a invité le gouvernement à la modestie.",
    );
    assert_eq!(s, vec![some("Marine Morel")]);
    let s =
        speakers("Réclamant un « retour sur investissement », le syndicat Alliance a demandé des moyens.");
    assert_eq!(s, vec![some("Alliance")]);
    // The main subject right after the clause is no one; someone named after the words may be
    // their author.
    let s = speakers(
        "Réclamant une « hausse des salaires », des milliers de personnes ont défilé samedi, Paul Roux en tête.",
    );
    assert_eq!(s, vec![None]);
    let s = speakers(
        "Rappelant le slogan « Travailler plus pour gagner plus » de Nicolas Sarkozy, Paul Roux a ironisé.",
    );
    assert_eq!(s, vec![None]);
    // After a definite article the words name a group: no one said them.
    let s = speakers(
        "Réagissant aux événements des « gilets jaunes » sans les nommer, le chef de l'État Paul Roux a parlé.",
    );
    assert_eq!(s, Vec::<Option<String>>::new());
}

#[test]
fn a_pronoun_after_a_subject_writing_out_someone_s_role() {
    // The minister the role names, though the sentence names another man after "de".
    let s = speakers(
        "Le ministre de l'Intérieur Christophe Morel est venu. Sur les points soulevés, le ministre de l'Intérieur a défendu la stratégie de Paul Roux. « Je ne fais plus la distinction », a-t-il insisté.",
    );
    assert_eq!(s, vec![some("Christophe Morel")]);
    // A sentence that is another man's word ("selon Paul Roux") leaves the pronoun open.
    let s = speakers(
        "Le ministre de l'Intérieur Christophe Morel est venu. Le ministre de l'Intérieur s'expose à des critiques, selon Paul Roux. « Je ne fais plus la distinction », a-t-il insisté.",
    );
    assert_eq!(s, vec![None]);
}

#[test]
fn a_trade_does_not_describe_the_mayor_in_reach() {
    let s = speakers(
        "Le maire Paul Morel a inauguré la boutique. « Prends ton destin en mains », chante le fleuriste.",
    );
    assert_eq!(s, vec![None]);
    let q = &extract(
        "Le maire Paul Morel a inauguré la boutique. « Prends ton destin en mains », chante le fleuriste.",
        &Options::default(),
    )
    .quotes[0];
    assert_eq!(q.speaker_description.as_deref(), Some("le fleuriste"));
    // The trade he was given, or a noun that covers his office, is his.
    let s = speakers(
        "Le fleuriste Paul Morel a ouvert la boutique. « Prends ton destin en mains », chante le fleuriste.",
    );
    assert_eq!(s, vec![some("Paul Morel")]);
    let s =
        speakers("Le maire Paul Morel a inauguré la boutique. « Prends ton destin en mains », dit l'élu.");
    assert_eq!(s, vec![some("Paul Morel")]);
}

#[test]
fn an_incise_inside_the_quote_reads_past_when_and_where() {
    for incise in ["a plaidé sur BFMTV", "a plaidé lundi", "a assuré à l'AFP"] {
        let text = format!(
            "« Il faut une pause sur la hausse des carburants, {incise} Paul Vigier, député de l'Hérault. Je pense qu'une majorité nous suit. »"
        );
        assert_eq!(speakers(&text), vec![some("Paul Vigier")], "{incise}");
    }
}

#[test]
fn an_aside_between_auxiliary_and_participle_keeps_the_speaker() {
    for aside in ["de son côté", "pour sa part"] {
        let text = format!(
            "« C'est l'État qui va devoir payer », a {aside} rétorqué le ministre de l'Écologie François Rugier, sur Europe 1."
        );
        assert_eq!(speakers(&text), vec![some("François Rugier")], "{aside}");
    }
}

#[test]
fn a_described_body_is_the_one_its_paragraph_has_as_subject() {
    let s = speakers(
        "L'Unsa-Police a enjoint les policiers à se lancer dans un mouvement dès ce mardi. La troisième \
         organisation représentative de la police nationale demande à être reçue. « Les ronds-points ne \
         sont pas réservés aux manifestants », a souligné le syndicat dans un communiqué.",
    );
    assert_eq!(s, vec![some("Unsa-Police")]);
    // A public body is not what "le syndicat" describes.
    let s = speakers(
        "Le ministère de l'Intérieur a reçu mardi les représentants de la police nationale et de la \
         CGT. « Rien n'a été décidé », a déclaré le syndicat.",
    );
    assert_ne!(s, vec![some("ministère de l'Intérieur")]);
}

#[test]
fn the_words_of_someone_before_a_colon_are_theirs() {
    let s = speakers("La réaction de Marine Lemaire ne s'est pas fait attendre : « C'est une honte. »");
    assert_eq!(s, vec![some("Marine Lemaire")]);
    // The pronoun after the quote is the one the colon frames, not the man who asked.
    let s = speakers(
        "Le journaliste Éric Dussart l'interroge. La réponse de François Berlin fuse : « Tout le monde est lâche », assène-t-il.",
    );
    assert_eq!(s, vec![some("François Berlin")]);
    // A colon after words of someone else's is no frame of theirs.
    let s = speakers("La réponse de Paul Morel à Jean Dupont est claire : « Non. »");
    assert_ne!(s, vec![some("Paul Morel")]);
}

#[test]
fn an_office_in_apposition_is_the_person_s_before_it() {
    let s = speakers(
        "Jeudi dernier, Jacques Toubin, le Défenseur des droits, avait condamné l'usage des LBD « devant l'évidence de leur dangerosité ».",
    );
    assert_eq!(s, vec![some("Jacques Toubin")]);
}

#[test]
fn a_section_label_and_the_one_a_description_served_are_no_speakers() {
    let text = "LE SCAN POLITIQUE - L'ancienne ministre de la Justice de François Hollande estime que « la responsabilité de la gauche » est lourde.";
    let f = extract(text, &Options::default());
    assert_eq!(f.quotes.len(), 1);
    assert_eq!(f.quotes[0].speaker, None);
    // A description with a place in it is shown as a description, not as a name.
    let text = "INTERVIEW - Le député du Val-de-Marne estime que le débat est un « plan de communication pour rien ».";
    let f = extract(text, &Options::default());
    assert_eq!(f.quotes[0].speaker, None);
    assert_eq!(f.quotes[0].speaker_description.as_deref(), Some("le député du Val-de-Marne"));
}

#[test]
fn a_camp_or_a_standing_may_describe_the_mayor_and_a_firm_is_no_union() {
    let s = speakers(
        "Le maire Paul Morel accueille les visiteurs. « Soyez les bienvenus », lance le socialiste.",
    );
    assert_eq!(s, vec![some("Paul Morel")]);
    let s = speakers(
        "Renault a rejeté mardi les demandes de la CGT et de FO. Le constructeur juge la grève illégale. « Nous ne céderons pas », a souligné le syndicat.",
    );
    assert_eq!(s, vec![None]);
}

#[test]
fn a_short_quote_of_a_person_described_stays() {
    let f = extract("Le maire de Bordeaux a jugé la décision « scandaleuse ».", &Options::default());
    assert_eq!(f.quotes.len(), 1);
    assert_eq!(f.quotes[0].speaker_description.as_deref(), Some("le maire de Bordeaux"));
}

#[test]
fn a_charge_in_the_passive_is_no_one_s_words() {
    let s = speakers(
        "Éric Drouet est poursuivi pour « organisation de manifestations sans déclaration préalable ».",
    );
    assert_eq!(s, vec![None]);
    let s =
        speakers("Le chanteur Jean Martin est accusé d'« agression sexuelle sur mineur » par la plaignante.");
    assert_eq!(s, vec![None]);
    // The active voice still speaks.
    let s = speakers("Éric Drouet a dénoncé une « organisation de manifestations sans déclaration ».");
    assert_eq!(s, vec![some("Éric Drouet")]);
}

#[test]
fn the_one_spoken_to_after_the_verb_is_no_speaker() {
    for verb in ["a répondu", "a de son côté répondu"] {
        let text = format!("« Vous avez tort », {verb} à la ministre Marie Durand le député Jean Dupont.");
        assert_eq!(speakers(&text), vec![some("Jean Dupont")], "{verb}");
    }
}

#[test]
fn a_quotation_that_is_the_object_of_saluer_juger_or_constater_is_the_subject_s() {
    let s = speakers("Le président américain Barack Obama a salué « un jour historique ».");
    assert_eq!(s, vec![some("Barack Obama")]);
    let s = speakers("Jean Dupont juge « inacceptable » la décision du tribunal.");
    assert_eq!(s, vec![some("Jean Dupont")]);
    let s = speakers("Marie Durand constate une « dégradation » du climat social.");
    assert_eq!(s, vec![some("Marie Durand")]);
    // A noun after its article is no verb.
    let s = speakers("Paul Martin a rencontré le juge « antiterroriste » Marc Trévidic.");
    assert!(s.iter().all(Option::is_none), "{s:?}");
}

#[test]
fn a_quantified_subject_after_a_fronted_adverbial_is_the_speaker_not_the_adverbial() {
    let s = speakers("Dans les commentaires, certains internautes saluent une « très bonne décision ».");
    assert_eq!(s, vec![None]);
}

#[test]
fn parler_de_cingler_and_a_person_described_after_pour() {
    let s = speakers("L'économiste Thomas Piketty parlait d'une « faute historique ».");
    assert_eq!(s, vec![some("Thomas Piketty")]);
    let s = speakers("« On ne peut pas gouverner contre le peuple », a cinglé François Bayrou, vendredi.");
    assert_eq!(s, vec![some("François Bayrou")]);
    let s = speakers(
        "L'économiste Thomas Piketty critique la réforme. Pour l'économiste, « les plus hauts patrimoines se portent très bien ».",
    );
    assert_eq!(s, vec![some("Thomas Piketty")]);
    // Not a place or a body after "Pour".
    let s = speakers("Jean Dupont est venu. Pour la ville, « les travaux sont finis ».");
    assert_eq!(s, vec![None]);
}

#[test]
fn an_incise_before_the_quotation_names_its_speaker_even_after_a_subject_that_could_speak() {
    for incise in ["a ajouté Vladimir Poutine", "a-t-il ajouté"] {
        let text = format!(
            "Vladimir Poutine a parlé lundi. Les principales victimes, {incise}, sont les « Parisiens de \
             souche qui ont été obligés de partir »."
        );
        assert_eq!(speakers(&text), vec![some("Vladimir Poutine")], "{text}");
    }
    // A short capitalised quotation inside the sentence is a name.
    let s = speakers(
        "Vladimir Poutine a parlé lundi. La liste, a-t-il ajouté, s'appelle « Ralliement citoyen ».",
    );
    assert!(s.iter().all(Option::is_none), "{s:?}");
}

#[test]
fn a_quoted_thing_named_after_parler_or_saluer_is_no_one_s_words() {
    for text in [
        "Emmanuel Macron a parlé des « gilets jaunes » lors de ses vœux.",
        "Jean Dupont a salué « Les Misérables », la comédie musicale.",
        "Marine Le Pen a salué le « non » des électeurs italiens.",
    ] {
        let s = speakers(text);
        assert!(s.iter().all(Option::is_none), "{text}: {s:?}");
    }
    // A name of a list after its noun, however long, at the head of a closing incise.
    let s = speakers(
        "Il présentera la liste « Ralliement d'initiative citoyenne pour une Europe des peuples » aux européennes, a précisé Jean Dupont.",
    );
    assert!(s.iter().all(Option::is_none), "{s:?}");
}

#[test]
fn a_verb_after_its_object_pronoun_still_introduces_a_fragment() {
    let s = speakers("Christophe Castaner les accuse de « lâcheté » face aux casseurs.");
    assert_eq!(s, vec![some("Christophe Castaner")]);
    let s = speakers("La maire de Paris, Anne Hidalgo, la qualifie d'« erreur historique ».");
    assert_eq!(s, vec![some("Anne Hidalgo")]);
}

#[test]
fn a_pronoun_after_a_subject_holding_another_office_is_not_the_minister_named_before() {
    let s = speakers(
        "Le ministre de l'Économie Bruno Le Maire a reçu les patrons lundi. Le ministre de l'Intérieur a, lui, \
         réuni les préfets. « La sécurité est notre priorité », a-t-il affirmé.",
    );
    assert_eq!(s, vec![None]);
    // The same office restated is the same man.
    let s = speakers(
        "Le ministre de l'Économie Bruno Le Maire a reçu les patrons lundi. Le ministre de l'Économie a ensuite \
         réuni les préfets. « La sécurité est notre priorité », a-t-il affirmé.",
    );
    assert_eq!(s, vec![some("Bruno Le Maire")]);
}

#[test]
fn a_title_in_apposition_is_no_verb_of_saying() {
    let s = speakers("Paul Morel, juge « anti-corruption » depuis 2015, a ouvert une enquête préliminaire.");
    assert!(s.iter().all(Option::is_none), "{s:?}");
    // The verb of an incise, or after the apposition with its own comma, still says.
    let s = speakers("La décision, juge Paul Morel, est « scandaleuse ».");
    assert_eq!(s, vec![some("Paul Morel")]);
    let s = speakers(
        "Denis Gravouil, secrétaire général de la CGT-Spectacle, juge, au regard des annonces, « inadmissible que le président tourne le dos aux salariés ».",
    );
    assert_eq!(s, vec![some("Denis Gravouil")]);
}

#[test]
fn the_same_person_described_is_the_one_who_spoke_last() {
    let s = speakers(
        "« Le problème est grave », déplore Stanislas Gaudon, porte-parole du syndicat Alliance. Cette base \
         ressemble au fichier des stades. « Cette mesure a eu des effets concrets », assure le même syndicaliste.",
    );
    assert_eq!(s, vec![some("Stanislas Gaudon"), some("Stanislas Gaudon")]);
    // Not past someone else named, nor for a body.
    let s = speakers(
        "« Le problème est grave », déplore Stanislas Gaudon. Marie Durand a répondu. « Cette mesure a eu des \
         effets concrets », assure le même syndicaliste.",
    );
    assert_eq!(s.get(1), Some(&None), "{s:?}");
}

#[test]
fn faire_part_after_a_modal_says() {
    let s = speakers("François Ruffin veut faire part de la « beauté » des moments partagés.");
    assert_eq!(s, vec![some("François Ruffin")]);
}

#[test]
fn pour_and_a_person_described_frames_the_quotation_later_in_the_sentence() {
    let s = speakers(
        "Le budget est insuffisant, relève Frédéric Lagache, secrétaire général adjoint d'Alliance. Pour le \
         syndicaliste, le projet de budget « doit prendre en considération un plan de modernisation ».",
    );
    assert_eq!(s, vec![some("Frédéric Lagache")]);
    // A body or a place is no person described.
    let s = speakers("Jean Dupont est venu. Pour la ville, le projet « est une chance pour tous ».");
    assert_eq!(s, vec![None]);
}

#[test]
fn second_review_cases_keep_their_speakers() {
    // A title after an organisation's name is a verb's subject, not an apposition.
    let s = speakers("Jean Dupont, président de la CFDT, juge « inacceptable » la réforme des retraites.");
    assert_eq!(s, vec![some("Jean Dupont")]);
    // A place after a preposition is no subject before an object pronoun.
    let s = speakers("Emmanuel Macron a reçu à Paris le juge « antiterroriste » Paul Morel.");
    assert!(s.iter().all(Option::is_none), "{s:?}");
    // « le même » needs its noun right after it and the speaker's gender.
    for incise in ["explique le même soir le maire", "assure la même syndicaliste"] {
        let text = format!(
            "« Le problème est grave », déplore Stanislas Gaudon. « Cette mesure a eu des effets concrets », {incise}."
        );
        assert_eq!(speakers(&text).get(1), Some(&None), "{text}");
    }
    // The same office restated with fewer words is the same person.
    let s = speakers(
        "Agnès Buzyn, ministre des Solidarités et de la Santé, a visité l'hôpital lundi. La ministre de la Santé a \
         ensuite réuni les médecins. « Nous agirons », a-t-elle affirmé.",
    );
    assert_eq!(s, vec![some("Agnès Buzyn")]);
}
