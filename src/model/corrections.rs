//! Correcting the facts from the keyboard: `"` sets who said the quote under the caret (or the
//! panel's cursor), choosing among the story's entities as one types, or not known; `T` edits
//! the roles of the person there. Each is an annotation edit (see `annotate::corrections`), so
//! undo, redo and the store's log treat it like any other.

use super::{AppState, Effect, Pane, PanelItem, Prompt, PromptKind};
use crate::annotate::corrections::{ROLE, SPEAKER};
use crate::annotate::{Annotation, Edit, Status};
use crate::extract::Label;

/// What a correction prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactTarget {
    /// A quote (index into the shown facts' quotes).
    Quote(usize),
    /// A person (index into the shown facts' entities).
    Person(usize),
}

/// What typing "unknown" (or nothing) in the speaker prompt means: no speaker is named.
pub const UNKNOWN: &str = "unknown";

impl AppState {
    /// The quote under the panel's cursor (facts pane) or holding the caret (article).
    fn quote_here(&self) -> Option<usize> {
        let open = self.open.as_ref()?;
        match self.focus {
            Pane::Side => match open.panel.get(self.panel_selected)? {
                PanelItem::Quote(q) => Some(*q),
                PanelItem::Entity(_) => None,
            },
            _ => {
                let caret = self.reader.caret?;
                open.facts.quotes.iter().position(|q| q.start <= caret && caret < q.end)
            }
        }
    }

    /// The person under the panel's cursor or the entity cursor.
    fn person_here(&self) -> Option<usize> {
        let open = self.open.as_ref()?;
        let entity = match self.focus {
            Pane::Side => match open.panel.get(self.panel_selected)? {
                PanelItem::Entity(e) => *e,
                PanelItem::Quote(_) => return None,
            },
            _ => open.marks.get(self.reader.cursor?)?.entity,
        };
        open.facts.entities.get(entity).filter(|e| e.label == Label::Per).map(|_| entity)
    }

    /// `"`: opens the speaker prompt for the quote here.
    pub(super) fn start_speaker(&mut self) {
        match self.quote_here() {
            Some(q) => {
                self.fact_target = Some(FactTarget::Quote(q));
                self.prompt = Some(Prompt { kind: PromptKind::Speaker, text: String::new() });
            }
            None => self.message = Some("put the caret in a quote (or select it in the facts panel)".into()),
        }
    }

    /// `T`: opens the roles prompt for the person here, with the roles shown now.
    pub(super) fn start_role(&mut self) {
        let Some(e) = self.person_here() else {
            self.message = Some("move to a person (] in the text, or the facts panel)".into());
            return;
        };
        let Some(open) = &self.open else { return };
        let name = &open.facts.entities[e].name;
        let roles = open.facts.people.iter().find(|p| p.name == *name).map(|p| p.roles.join("; "));
        self.fact_target = Some(FactTarget::Person(e));
        self.prompt = Some(Prompt { kind: PromptKind::Role, text: roles.unwrap_or_default() });
    }

    /// Speakers matching what was typed: the story's entities (people and organisations first).
    pub fn speaker_candidates(&self, typed: &str) -> Vec<String> {
        let Some(open) = &self.open else { return Vec::new() };
        let typed = crate::text::fold::fold_str(typed);
        let mut entities: Vec<&crate::extract::Entity> = open
            .facts
            .entities
            .iter()
            .filter(|e| e.label != Label::Date && crate::text::fold::fold_str(&e.name).contains(&typed))
            .collect();
        entities.sort_by_key(|e| !matches!(e.label, Label::Per | Label::Org));
        let mut names: Vec<String> = entities.into_iter().map(|e| e.name.clone()).collect();
        let mut seen = std::collections::HashSet::new();
        names.retain(|n| seen.insert(n.clone()));
        names
    }

    /// Enter in the speaker or roles prompt.
    pub(super) fn finish_correction(&mut self, typed: &str, effects: &mut Vec<Effect>) {
        let (Some(target), Some(open)) = (self.fact_target.take(), &self.open) else { return };
        let body = &open.article.body;
        let (edit, message) = match target {
            FactTarget::Quote(q) => {
                let Some(quote) = open.facts.quotes.get(q) else { return };
                let speaker = if typed.is_empty() || typed.eq_ignore_ascii_case(UNKNOWN) {
                    None
                } else {
                    Some(
                        self.speaker_candidates(typed)
                            .into_iter()
                            .next()
                            .unwrap_or_else(|| typed.to_string()),
                    )
                };
                let existing = open
                    .annotations
                    .iter()
                    .find(|a| a.label == SPEAKER && a.overlaps(quote.start, quote.end));
                let edit = match existing {
                    Some(a) => Edit::Link { id: a.id, entity: speaker.clone() },
                    None => {
                        let mut a =
                            Annotation::new(body, quote.start, quote.end, SPEAKER, Status::Accepted, "user");
                        a.entity = speaker.clone();
                        Edit::Add(a)
                    }
                };
                self.pending_cursor = Some((quote.start, quote.end));
                (edit, format!("speaker: {}", speaker.as_deref().unwrap_or(UNKNOWN)))
            }
            FactTarget::Person(e) => {
                let Some(entity) = open.facts.entities.get(e) else { return };
                let Some(first) = entity.mentions.first() else { return };
                let roles = crate::annotate::corrections::roles_of(Some(typed));
                let note = (!roles.is_empty()).then(|| roles.join("; "));
                let existing = open
                    .annotations
                    .iter()
                    .find(|a| a.label == ROLE && a.entity.as_ref() == Some(&entity.name));
                let edit = match existing {
                    Some(a) => Edit::SetNote { id: a.id, note: note.clone() },
                    None => {
                        let mut a =
                            Annotation::new(body, first.start, first.end, ROLE, Status::Accepted, "user");
                        a.entity = Some(entity.name.clone());
                        a.note = note.clone();
                        Edit::Add(a)
                    }
                };
                let said = note.unwrap_or_else(|| "no role".into());
                (edit, format!("roles of {}: {said}", entity.name))
            }
        };
        effects.extend(self.edit(edit));
        self.message = Some(message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::AnnotationSet;
    use crate::command::Command as C;
    use crate::extract::{Entity, Facts, Mention, Origin, Person, Quote};
    use crate::library::{Article, StoryMeta};
    use crate::model::{Action, LoadedStory, Settings, update};

    const TEXT: &str = "«Nous signons», a dit le colonel Assimi Goita.";

    fn open() -> AppState {
        let at = TEXT.find("Assimi").unwrap();
        let goita = Mention { start: at, end: at + 12, text: "Assimi Goita".into(), origin: Origin::Model };
        let facts = Facts {
            entities: vec![Entity { label: Label::Per, name: "Assimi Goita".into(), mentions: vec![goita] }],
            quotes: vec![Quote {
                start: 2,
                end: 14,
                text: "Nous signons".into(),
                speaker: None,
                speaker_origin: None,
                speaker_description: None,
            }],
            people: vec![Person {
                name: "Assimi Goita".into(),
                roles: vec!["colonel".into()],
                roles_origin: None,
            }],
            ..Facts::default()
        };
        let meta = StoryMeta { id: "a".into(), title: "T".into(), ..StoryMeta::default() };
        let (mut state, _) = AppState::new(vec![meta], 120, 40, Settings::default());
        let article = Article { id: "a".into(), title: "T".into(), body: TEXT.into(), ..Article::default() };
        update(
            &mut state,
            Action::StoryLoaded { story: Box::new(LoadedStory { article, facts, ..LoadedStory::default() }) },
        );
        state
    }

    /// Types `text` in the open prompt, submits it, and stores the edit it asks for.
    fn answer(state: &mut AppState, text: &str, stored: &mut Vec<Annotation>) {
        let mut effects = Vec::new();
        for c in text.chars() {
            effects.extend(update(state, Action::PromptChar(c)));
        }
        effects.extend(update(state, Action::PromptSubmit));
        for e in effects {
            if let Effect::Edit { edit, .. } = e {
                let edit = match *edit {
                    Edit::Add(a) => Edit::Add(Annotation { id: stored.len() as i64 + 1, ..a }),
                    e => e,
                };
                let current = edit.target().and_then(|id| stored.iter().find(|a| a.id == id).cloned());
                if let Some(change) = edit.change(current) {
                    change.apply(stored);
                }
            }
        }
        let set = AnnotationSet { annotations: stored.clone(), can_undo: true, can_redo: false };
        update(state, Action::AnnotationsChanged { article_id: "a".into(), set, step: None });
    }

    #[test]
    fn the_speaker_and_the_roles_are_set_from_the_keyboard() {
        let mut state = open();
        let mut stored = Vec::new();
        state.reader.caret = Some(5);
        update(&mut state, Action::Command(C::SetSpeaker));
        assert_eq!(state.prompt.as_ref().map(|p| p.kind), Some(PromptKind::Speaker));
        assert_eq!(state.speaker_candidates("goi"), vec!["Assimi Goita".to_string()]);
        answer(&mut state, "goi", &mut stored);
        let quote = &state.open.as_ref().unwrap().facts.quotes[0];
        assert_eq!(
            (quote.speaker.as_deref(), quote.speaker_origin),
            (Some("Assimi Goita"), Some(Origin::User))
        );
        assert_eq!(state.message.as_deref(), Some("speaker: Assimi Goita"));
        // Not known after all: the same annotation, no speaker.
        state.reader.caret = Some(5);
        update(&mut state, Action::Command(C::SetSpeaker));
        answer(&mut state, "", &mut stored);
        assert_eq!(stored.len(), 1);
        assert_eq!(state.open.as_ref().unwrap().facts.quotes[0].speaker, None);

        update(&mut state, Action::Command(C::NextEntity));
        update(&mut state, Action::Command(C::EditRole));
        assert_eq!(state.prompt.as_ref().map(|p| p.text.as_str()), Some("colonel"), "the roles shown now");
        if let Some(p) = &mut state.prompt {
            p.text.clear();
        }
        answer(&mut state, "président de la transition; colonel", &mut stored);
        let person = &state.open.as_ref().unwrap().facts.people[0];
        assert_eq!(person.roles, vec!["président de la transition", "colonel"]);
        assert_eq!(person.roles_origin, Some(Origin::User));
        // Neither is a decision about a suggestion, nor an entity.
        let open = state.open.as_ref().unwrap();
        assert_eq!((open.progress.judged, open.progress.unjudged), (0, 1));
        assert_eq!(open.facts.entities.len(), 1);
    }
}
