//! Corrections of the facts: who said a quote, what roles a person has. Each is kept as an
//! annotation, so that it is an edit like any other (one transaction, logged with its inverse,
//! undone and redone, found again by its text when the article changes) and outlives
//! re-extraction: label `SPEAKER` over the quote's words, its entity the speaker (none: not
//! known); label `ROLE` over a mention of the person, its entity the person, its note the roles
//! (`; ` between them, none: no role).

use super::types::{Annotation, Status};
use crate::extract::{Facts, Origin, Person};

pub const SPEAKER: &str = "SPEAKER";
pub const ROLE: &str = "ROLE";

/// Whether a label is a correction's rather than an entity's.
pub fn is_correction_label(label: &str) -> bool {
    label == SPEAKER || label == ROLE
}

pub fn is_correction(a: &Annotation) -> bool {
    is_correction_label(&a.label)
}

/// A person's roles as a correction's note holds them.
pub fn roles_of(note: Option<&str>) -> Vec<String> {
    note.unwrap_or_default().split(';').map(str::trim).filter(|r| !r.is_empty()).map(String::from).collect()
}

/// `facts` with the corrections among `annotations` applied (others are left alone): the
/// quote a speaker was set on (the one it overlaps most) gets that speaker, the person its
/// roles, with origin `User`.
pub fn apply(facts: &mut Facts, annotations: &[Annotation]) {
    for a in annotations.iter().filter(|a| a.status != Status::Rejected) {
        if a.label == SPEAKER {
            let shared = |s: usize, e: usize| e.min(a.end).saturating_sub(s.max(a.start));
            let quote = facts
                .quotes
                .iter_mut()
                .filter(|q| a.overlaps(q.start, q.end))
                .max_by_key(|q| shared(q.start, q.end));
            if let Some(q) = quote {
                q.speaker = a.entity.clone();
                q.speaker_origin = Some(Origin::User);
                q.speaker_description = None;
            }
        } else if a.label == ROLE
            && let Some(name) = &a.entity
        {
            let roles = roles_of(a.note.as_deref());
            match facts.people.iter_mut().find(|p| p.name == *name) {
                Some(p) => {
                    p.roles = roles;
                    p.roles_origin = Some(Origin::User);
                }
                None => {
                    facts.people.push(Person { name: name.clone(), roles, roles_origin: Some(Origin::User) })
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Quote;

    const TEXT: &str = "«Nous signons», a dit le ministre Daoud Aly Mohammedine.";

    #[test]
    fn a_speaker_and_roles_set_by_the_user_replace_the_extractor_s() {
        let mut facts = Facts {
            quotes: vec![Quote {
                start: 2,
                end: 14,
                text: "Nous signons".into(),
                speaker: Some("le ministre".into()),
                speaker_origin: None,
                speaker_description: None,
            }],
            people: vec![Person {
                name: "Daoud Aly Mohammedine".into(),
                roles: vec!["ministre".into()],
                roles_origin: None,
            }],
            ..Facts::default()
        };
        let mut speaker = Annotation::new(TEXT, 2, 14, SPEAKER, Status::Accepted, "user");
        speaker.entity = Some("Daoud Aly Mohammedine".into());
        let at = TEXT.find("Daoud").unwrap();
        let mut role = Annotation::new(TEXT, at, at + 21, ROLE, Status::Accepted, "user");
        role.entity = Some("Daoud Aly Mohammedine".into());
        role.note = Some("ministre de la Sécurité ; porte-parole".into());
        apply(&mut facts, &[speaker, role]);
        assert_eq!(facts.quotes[0].speaker.as_deref(), Some("Daoud Aly Mohammedine"));
        assert_eq!(facts.quotes[0].speaker_origin, Some(Origin::User));
        assert_eq!(facts.people[0].roles, vec!["ministre de la Sécurité", "porte-parole"]);
        assert_eq!(facts.people[0].roles_origin, Some(Origin::User));
        // Unknown: no speaker.
        let unknown = Annotation::new(TEXT, 2, 14, SPEAKER, Status::Accepted, "user");
        apply(&mut facts, &[unknown]);
        assert_eq!(facts.quotes[0].speaker, None);
    }
}
