//! English quotes and roles: who speaks and who holds a title, in the forms English news uses.
//! The sentences are written for these tests.

use super::*;

/// The speaker of each quote of `text` (also used by `tests_quotes_press`).
pub(super) fn speakers(text: &str) -> Vec<Option<String>> {
    extract(text, &Options::default()).quotes.into_iter().map(|q| q.speaker).collect()
}

pub(super) fn some(name: &str) -> Option<String> {
    Some(name.to_string())
}

#[test]
fn the_one_told_is_not_the_speaker() {
    let s = speakers(
        "Martin Hale left the party on Monday. He told Sky News: \"I tried to change it from the inside.\"",
    );
    assert_eq!(s, vec![some("Martin Hale")]);
    let s = speakers(
        "Sarah Cole spoke on Tuesday. The minister told the Lords transport committee: \"The line will open in May.\"",
    );
    assert!(!s.contains(&some("Lords")), "{s:?}");
}

#[test]
fn a_pronoun_among_several_people_is_the_protagonist_named_just_before() {
    let text = "James Miller won in Madrid. \"It was good,\" said James Miller. Miller is fit again. \
                Peter Stone claimed the race would be between himself, Tom Okken and Paul Reina but \
                Miller is unfazed. He admitted: \"He looked quite good in his win.\"";
    assert_eq!(speakers(text), vec![some("James Miller"), some("James Miller")]);
    // Named only as a complement just before: no guess.
    let text = "James Miller won in Madrid. \"It was good,\" said James Miller. Miller is fit again. \
                Peter Stone and Tom Okken spoke about Miller. He admitted: \"He looked quite good.\"";
    assert_eq!(speakers(text)[1], None);
    // Named in a subordinate clause just before: not the protagonist.
    for last in [
        "Peter Stone was asked why Miller had left. He replied: \"The time had come.\"",
        "Peter Stone said that Miller may be interviewed. He added: \"The time had come.\"",
        "Peter Stone, who beat Tom Okken last year, praised Miller. He said: \"I have never seen it.\"",
    ] {
        let text = format!(
            "James Miller won in Madrid. \"It was good,\" said James Miller. Miller is fit again. {last}"
        );
        assert_ne!(speakers(&text)[1], some("James Miller"), "{last}");
    }
}

#[test]
fn a_possessor_in_the_incise_does_not_stop_the_speaker_going_on() {
    let text = "James Miller ran. \"That was my last decent year,\" said James Miller, who came back under \
                Peter Stone's shrewd guidance. \"Before, every race was like climbing a mountain.\"";
    assert_eq!(speakers(text), vec![some("James Miller"), some("James Miller")]);
    // Someone else named otherwise may be the one who speaks next.
    let text = "James Miller ran. \"That was my last decent year,\" said James Miller, who came back under \
                coach Peter Stone. \"Before, every race was like climbing a mountain.\"";
    assert_eq!(speakers(text)[1], None);
}

#[test]
fn names_inside_straight_quotes_do_not_make_a_protagonist() {
    let text = "James Miller won. \"Miller is fast,\" said Tom Okken. \"Miller is strong,\" said Paul Reina. \
                \"Miller is calm,\" said Peter Stone. Critics praised Miller and Stone. He said: \"I never saw it.\"";
    assert_eq!(speakers(text).last().cloned().flatten(), None);
}

#[test]
fn an_organisation_s_spokesman_named_after_it_speaks() {
    let s = speakers("\"He is now the clear favourite,\" said Ladbrokes spokesman Peter Shaw.");
    assert_eq!(s, vec![some("Peter Shaw")]);
}

#[test]
fn a_new_sentence_reporting_something_else_does_not_attribute_the_quote_before() {
    let s = speakers(
        "\"The party has tried this before and it will fail again.\" A Kent Police spokeswoman confirmed \
         that officers were looking at the leaflet.",
    );
    assert_eq!(s, vec![None]);
}

#[test]
fn a_party_before_leader_is_not_the_speaker() {
    let s = speakers("The Green Party leader said: \"Our institutions are changing too.\"");
    assert!(!s.contains(&some("Green Party")), "{s:?}");
}

#[test]
fn what_comments_are_described_as_has_no_speaker() {
    let s = speakers("Her comments have been described as \"reckless\" by the residents' association.");
    assert!(!s.iter().flatten().any(|n| n.contains("comments")), "{s:?}");
}

#[test]
fn a_person_from_an_organisation_speaks_not_the_organisation() {
    let s = speakers(
        "Anna Price, from the Institute for Fiscal Studies, told the BBC: \"The sums do not add up.\"",
    );
    assert_eq!(s, vec![some("Anna Price")]);
    let s = speakers("Tom Reed, of Barclays Capital, said: \"Rates will stay where they are.\"");
    assert_eq!(s, vec![some("Tom Reed")]);
}

#[test]
fn a_new_sentence_naming_the_speaker_of_the_quote_before_goes_on_attributing() {
    let s = speakers(
        "\"We will rebuild the hall,\" said Omar Malik. \"It is the ideal place for the school.\" Malik \
         said space was limited.",
    );
    assert_eq!(s, vec![some("Omar Malik"), some("Omar Malik")]);
}

#[test]
fn a_person_named_after_a_possessive_speaks() {
    let s = speakers("\"It is the best film of the year,\" said the Guardian's Laura Jenkins.");
    assert_eq!(s, vec![some("Laura Jenkins")]);
}

#[test]
fn a_function_of_several_words_between_organisation_and_person() {
    let s = speakers("\"We expect growth to slow,\" said Nordbank chief economist Helen Ward.");
    assert_eq!(s, vec![some("Helen Ward")]);
}

#[test]
fn he_after_a_party_quote_is_the_party_s_man_never_the_party() {
    let s = speakers(
        "Labour's Mr Dunmore, who says he is \"standing firm\", spoke on Tuesday. He said to reporters: \
         \"I will not apologise.\"",
    );
    assert_eq!(s, vec![some("Dunmore"), some("Dunmore")]);
}

#[test]
fn an_adverb_opening_a_sentence_holds_no_role() {
    let f = extract(
        "Speaking on Tuesday, President Morales said the vote was fair. Later, the prime minister's \
         official spokesman urged calm.",
        &Options::default(),
    );
    let people: Vec<&str> = f.people.iter().map(|p| p.name.as_str()).collect();
    assert!(!people.contains(&"Tuesday") && !people.contains(&"Later"), "{people:?}");
}

#[test]
fn a_company_after_a_title_is_no_person() {
    let f = extract(
        "\"Spreads will narrow,\" said Tom Baker, director of fixed-income research with Harbour Securities \
         Inc. Ann Lee, executive director of the industry-funded National Road Safety Campaign, agreed.",
        &Options::default(),
    );
    let people: Vec<&str> = f.people.iter().map(|p| p.name.as_str()).collect();
    assert!(!people.iter().any(|p| p.contains("Securities") || p.contains("Campaign")), "{people:?}");
}

#[test]
fn an_organisation_and_its_function_before_the_person_who_speaks() {
    let s = speakers(
        "\"Sales will recover next year,\" Northwind Foods chief executive Anna Keller said on Monday.",
    );
    assert_eq!(s, vec![some("Anna Keller")]);
    let s =
        speakers("\"The plan needs time,\" National Office of Trade chief Wang Lei told a news conference.");
    assert_eq!(s, vec![some("Wang Lei")]);
}

#[test]
fn a_title_word_after_an_honorific_is_a_surname() {
    let s = speakers("Ms Bishop has held the seat since 2001. She said: \"I will stand again next year.\"");
    assert_eq!(s, vec![some("Bishop")]);
    let f = extract("Mr King told the court he had done nothing wrong.", &Options::default());
    assert!(f.entities.iter().any(|e| e.name == "King" && e.label == Label::Per), "{:?}", f.entities);
}

#[test]
fn english_role_modifiers_and_musicians() {
    let roles = |text: &str, name: &str| -> Vec<String> {
        let f = extract(text, &Options::default());
        f.people.iter().filter(|p| p.name == name).flat_map(|p| p.roles.clone()).collect()
    };
    let r = roles("The shadow home secretary Peter Lane said the bill was flawed.", "Peter Lane");
    assert_eq!(r, vec!["shadow home secretary".to_string()]);
    let r = roles("The club named its new head coach Sam Ortiz on Monday.", "Sam Ortiz");
    assert_eq!(r, vec!["new head coach".to_string()]);
    let r = roles("The band formed when drummer Tom Reid met them at college.", "Tom Reid");
    assert_eq!(r, vec!["drummer".to_string()]);
}

#[test]
fn a_pronoun_after_an_unnamed_spokesman_has_no_named_speaker() {
    let s = speakers(
        "Tom Reid said the figures were good. A spokesman for the Harbour Trust said that the plan was late. \"We expect delays,\" he said.",
    );
    assert_eq!(s, vec![None]);
}

#[test]
fn a_pronoun_goes_to_the_one_who_said_something_just_before_not_an_earlier_woman() {
    let text = "The row began after Laura Finch's remarks at a gala last year. The firm was quick to \
                apologise. Company spokeswoman Anna Marsh said the network followed the rules. \
                \"It's unfair to single us out,\" she said.";
    assert_eq!(speakers(text), vec![some("Anna Marsh")]);
    // Named after a preposition, she is spoken of, not speaking.
    let text = "The row began after Laura Finch's remarks at a gala last year. The firm was quick to \
                apologise. The board met with Anna Marsh said to be angry. \
                \"It's unfair to single us out,\" she said.";
    assert_ne!(speakers(text), vec![some("Anna Marsh")]);
}

#[test]
fn a_function_of_several_words_before_the_name_after_a_quote() {
    for attribution in [
        "housing spokesman Ian Perry said.",
        "said retail analyst Ian Perry of Widget Securities.",
        "Finance Minister Ian Perry told the news agency.",
        "said Swedish trades union official Ian Perry.",
    ] {
        let text = format!("Title\n\n\"The slowdown has given buyers more power,\" {attribution}");
        assert_eq!(speakers(&text), vec![some("Ian Perry")], "{attribution}");
    }
}

#[test]
fn a_possessor_in_the_sentence_before_is_no_rival_speaker() {
    let text = "The minister Tom Hale spoke on Monday. The debate went on late. Lib Dem spokesman Sir Ivor \
                Grant said Tom Hale's statement did not clear up the issues. \"Only the fullest disclosure \
                will do,\" he said.";
    assert_eq!(speakers(text), vec![some("Ivor Grant")]);
}

#[test]
fn an_office_of_several_words_as_subject_names_its_holder_and_a_ranked_title_no_other_rank() {
    // "The prime minister said he was "…"": the one holder of the office the text names.
    let s = speakers(
        "Tony Blair says his standing will matter. The prime minister said he was \"up for it\" as \
         the country waits.",
    );
    assert_eq!(s, vec![some("Tony Blair")]);
    // "the top seed" is not the "seventh seed" named before.
    let s = speakers(
        "Roger Federer beat seventh seed Feliciano Lopez. Federer was happy. \"I am playing so well,\" \
         said the top seed.",
    );
    assert!(!s.contains(&some("Feliciano Lopez")), "{s:?}");
}

#[test]
fn a_short_fragment_in_reported_speech_is_the_subject_s_word_but_not_a_possessed_thing_s_name() {
    let s = speakers(
        "Tony Blair says his personal standing in the eyes of voters will be \"an issue\" in the election.",
    );
    assert_eq!(s, vec![some("Tony Blair")]);
    let s = speakers("Gordon Brown said he was on course to meet his \"golden rule\" over the cycle.");
    assert!(!s.contains(&some("Gordon Brown")), "{s:?}");
}

#[test]
fn a_surname_two_people_share_joins_the_one_named_first() {
    let text = "Tony Blair spoke on Monday. Cherie Blair was there. Blair left at noon.";
    let f = extract(text, &Options::default());
    let at = text.rfind("Blair").unwrap_or(0);
    let owner = f.entities.iter().find(|e| e.mentions.iter().any(|m| m.start == at)).map(|e| e.name.as_str());
    assert_eq!(owner, Some("Tony Blair"), "{:?}", f.entities);
}

#[test]
fn a_paragraph_of_quotation_goes_on_with_the_speaker_of_the_paragraph_before() {
    let text = "Jobs grew in December.\n\n\"It was a respectable report,\" said Michael Moran, analyst at \
                Daiwa Securities.\n\n\"Payroll growth was a little lighter than forecast.\"\n";
    assert_eq!(speakers(text), vec![some("Michael Moran"), some("Michael Moran")]);
    // A quotation naming that speaker answers them; a line without its full stop is an intertitle.
    let text =
        "The row grew.\n\n\"He must go,\" said Jack Reed.\n\n\"I will not let Reed set the agenda.\"\n";
    assert_eq!(speakers(text).last(), Some(&None));
    let text = "The row grew.\n\n\"He must go,\" said Jack Reed.\n\n\"Our lives are a party\"\n\nThe march went on.\n";
    assert_eq!(speakers(text).get(1), Some(&None));
}

#[test]
fn a_possessor_in_an_earlier_paragraph_is_no_pronoun_s_speaker() {
    let text = "Hull were rewarded with a home tie against Sir Peter Crane's side.\n\n\
                The manager was delighted with the draw. \"We've got our work cut out next week,\" he said.";
    assert_eq!(speakers(text), vec![None]);
    // In the paragraph that names him, he may be who goes on.
    let text = "Sir Peter Crane's speech was well received on Monday. \"We've got our work cut out next \
                week,\" he said.";
    assert_eq!(speakers(text), vec![some("Peter Crane")]);
}

#[test]
fn a_spokesman_brought_in_unnamed_or_of_the_other_gender_is_no_one_named() {
    // "A spokesman said …" then "said the spokesman": the same man, unnamed.
    let s = speakers(
        "President Pervez Musharraf arrived on Monday. A spokesman said his safety had not been compromised. \"We cannot discuss it,\" said the spokesman.",
    );
    assert_eq!(s, vec![None]);
    // A spokeswoman is no man named before.
    let s = speakers(
        "Matthew Taylor complained about the calls. \"The guidance is clear,\" said the spokeswoman.",
    );
    assert_eq!(s, vec![None]);
}

#[test]
fn a_title_brought_in_with_a_name_is_that_person_and_a_reply_describes_no_one() {
    let s = speakers(
        "John Smith, a lawyer for the family, said they would appeal. \"It is a disgrace,\" said the lawyer.",
    );
    assert_eq!(s, vec![some("John Smith")]);
    let f =
        extract("\"It is bad,\" said John Smith. \"He is wrong,\" replied the expert.", &Options::default());
    assert!(f.people.iter().all(|p| p.roles.is_empty()), "{:?}", f.people);
    // A text may end on a description.
    let f = extract(
        "Rock star Patti Smith has been made artistic director of the festival.\n\nThe punk pioneer",
        &Options::default(),
    );
    assert!(f.people.iter().any(|p| p.name == "Patti Smith"));
}

#[test]
fn a_surname_alone_takes_its_honorifics_gender_not_a_given_names() {
    // "Sharon", "Stewart" are given names too; as surnames after "Mr", "Mrs" they are a man and
    // a woman whatever the given names say.
    let text = "Mr Sharon had earlier told the cabinet about the plan. \"Security comes first,\" he said.";
    assert_eq!(speakers(text), vec![some("Sharon")]);
    let text = "Mrs Stewart denied the charges on Monday. \"I followed the rules,\" she said.";
    assert_eq!(speakers(text), vec![some("Stewart")]);
    // A woman quoted after Mr Sharon is not him.
    let text = "Crowds gathered as Mr Sharon visited the site. One woman, a mother of six, refused to \
                leave. \"This is our home,\" she said.";
    assert_eq!(speakers(text), vec![None]);
    // "Dr", "Prof" tell no gender: the given name "Stewart" is a surname here.
    let text =
        "Prof Sharon, an expert witness, disagreed with Dr Stewart. \"The evidence is thin,\" he said.";
    assert_eq!(speakers(text), vec![None]);
}

#[test]
fn a_sentence_opening_on_but_or_a_title_keeps_its_subject_for_the_pronoun_after() {
    // "But X said …", "Shadow chancellor X said …": X is the subject a "he said" after stands for.
    let s = speakers(
        "Gordon Hale said the new rules were fair. But David Marsh said the system was a folly. \"The essential point is that the pact has turned out to be a fake,\" he said.",
    );
    assert_eq!(s, vec![some("David Marsh")]);
    let s = speakers(
        "Gordon Hale said the new rules were fair. Shadow chancellor David Marsh said the plans were wrong. \"The essential point is that the pact has turned out to be a fake,\" he said.",
    );
    assert_eq!(s, vec![some("David Marsh")]);
    let s = speakers(
        "Gordon Hale said the new rules were fair. Fellow Tory David Marsh said the plans were wrong. \"The essential point is that the pact has turned out to be a fake,\" he said.",
    );
    assert_eq!(s, vec![some("David Marsh")]);
}

#[test]
fn a_title_run_through_a_verb_is_the_object_not_the_subject() {
    let s = speakers(
        "Home Secretary David Blunkett announced the inquiry on Monday. Police arrested Labour MP John Smith. \"The law applies to everyone,\" he said.",
    );
    assert_ne!(s, vec![some("John Smith")]);
}

#[test]
fn objects_of_a_past_verb_are_no_rivals_and_a_team_mate_speaks() {
    // The players McClaren praised do not speak; "he" is McClaren.
    let s = speakers(
        "Title\n\nSteve McClaren also praised winger Stewart Downing and strikers Mark Viduka and \
         Jimmy Hasselbaink. He added: \"If Stewart keeps playing like this he will be picked.\"",
    );
    assert_eq!(s, vec![some("Steve McClaren")]);
    let s = speakers(
        "Title\n\nTaylor was injured. \"Simon is one of Scotland's truly world class players,\" said \
         team-mate Chris Paterson.",
    );
    assert_eq!(s, vec![some("Chris Paterson")]);
}

#[test]
fn a_passive_or_intransitive_verb_lists_no_objects() {
    let s = speakers(
        "Title\n\nMichael Owen was substituted and Wayne Rooney scored twice. He said: \"It was a great feeling.\"",
    );
    assert!(!s.iter().any(|x| x.as_deref() == Some("Michael Owen")), "{s:?}");
}

#[test]
fn a_verb_of_saying_with_its_own_subject_after_the_pronoun_is_that_subject_s() {
    let s = speakers(
        "Title\n\nRobert Kilroy-Silk was attacked. He said the man shouted: \"You have offended my \
         religion, I am doing this in the name of Islam.\"",
    );
    assert_eq!(s, vec![None]);
}

#[test]
fn an_age_after_the_article_is_no_speaker_s_name() {
    let s = speakers(
        "Title\n\n\"I thought I should explain myself,\" said George Michael. The 41-year-old \
         chart-topper told reporters he wanted to \"move his career into a different form\". \"I'm \
         still going to be making music,\" he said.",
    );
    assert!(!s.iter().flatten().any(|n| n.starts_with("The ")), "{s:?}");
}
