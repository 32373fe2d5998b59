//! Linking a mention to an entity of the story that has another label: one of the two labels
//! must win, or the panel would show the entity twice (once under each label). The reader asks
//! which; the answer is a label key, and the edits that follow make one entity of them.

use super::{AppState, Effect, Mark};
use crate::annotate::{Annotation, Edit, Status};

/// A link waiting for the user to say which label wins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkChoice {
    /// The entity linked to (its name), its label and the mention's.
    pub target: String,
    pub entity_label: String,
    pub mention_label: String,
}

impl AppState {
    /// Enter in the link prompt with `target` chosen: when the story has an entity of that name
    /// under another label than the mention's, asks which label wins (true); else false.
    pub(super) fn ask_which_label(&mut self, target: &str) -> bool {
        let Some((mark, ann)) = self.cursor_mark() else { return false };
        let Some(open) = &self.open else { return false };
        let Some(entity) = open.facts.entities.iter().find(|e| e.name == target) else { return false };
        if entity.label == mark.label {
            return false;
        }
        let mention_label = ann.map_or_else(|| mark.label.as_str().to_string(), |a| a.label);
        self.link_choice = Some(LinkChoice {
            target: target.to_string(),
            entity_label: entity.label.as_str().to_string(),
            mention_label,
        });
        true
    }

    /// The label key answering `ask_which_label`: the mention takes the entity's label, or the
    /// entity's mentions all take the mention's. One transaction; each edit is undone on its
    /// own.
    pub(super) fn finish_link_with_label(
        &mut self,
        choice: LinkChoice,
        label: &str,
        effects: &mut Vec<Effect>,
    ) {
        if label != choice.entity_label && label != choice.mention_label {
            self.message = Some(format!(
                "press the key of {} or of {} (Esc cancels)",
                choice.mention_label, choice.entity_label
            ));
            self.link_choice = Some(choice);
            return;
        }
        let Some((mark, ann)) = self.cursor_mark() else { return };
        let Some(open) = &self.open else { return };
        let target = Some(choice.target.clone());
        let mut edits = Vec::new();
        // The mention, under the winning label, in the entity.
        match ann {
            Some(a) => {
                if a.label != label {
                    edits.push(Edit::SetLabel { id: a.id, label: label.to_string() });
                }
                edits.push(Edit::Link { id: a.id, entity: target.clone() });
            }
            None => edits.push(Edit::Add(decided(open, &mark, label, target.clone()))),
        }
        // The entity's other mentions, when its label lost.
        if label != choice.entity_label {
            let others = open
                .marks
                .iter()
                .filter(|m| open.facts.entities.get(m.entity).is_some_and(|e| e.name == choice.target));
            for m in others.filter(|m| (m.start, m.end) != (mark.start, mark.end)) {
                match m.annotation.and_then(|i| open.annotations.get(i)) {
                    Some(a) => {
                        edits.push(Edit::SetLabel { id: a.id, label: label.to_string() });
                        if a.entity != target {
                            edits.push(Edit::Link { id: a.id, entity: target.clone() });
                        }
                    }
                    None => edits.push(Edit::Add(decided(open, m, label, target.clone()))),
                }
            }
        }
        let (article_id, content_hash) = (open.article.id.clone(), open.content_hash.clone());
        self.pending_cursor = Some((mark.start, mark.end));
        self.forget_review_steps();
        let n = edits.len();
        effects.push(Effect::EditAll { article_id, content_hash, edits });
        let steps = if n > 1 { format!(" ({n} edits, u undoes one at a time)") } else { String::new() };
        self.message = Some(format!("linked to {} as {label}{steps}", choice.target));
    }
}

/// An accepted annotation of mention `mark` under `label`, in entity `entity`.
fn decided(open: &super::OpenStory, mark: &Mark, label: &str, entity: Option<String>) -> Annotation {
    let mut a = super::annotating::annotation_for(open, mark, label, Status::Accepted);
    a.entity = entity;
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::AnnotationSet;
    use crate::command::Command as C;
    use crate::extract::{Entity, Facts, Label, Mention, Origin};
    use crate::library::{Article, StoryMeta};
    use crate::model::{Action, LoadedStory, Settings, update};

    const TEXT: &str = "Le groupe Wagner recrute. Wagner dément.";

    /// The story open, the cursor on the second « Wagner », which the extractor took for a
    /// person; then linked to « groupe Wagner » (an organisation) and answered with `label`.
    fn link_answered(label: &str) -> (AppState, Vec<Effect>) {
        let mention = |w: &str, at: usize| Mention {
            start: at,
            end: at + w.len(),
            text: w.into(),
            origin: Origin::Model,
        };
        let facts = Facts {
            entities: vec![
                Entity {
                    label: Label::Org,
                    name: "groupe Wagner".into(),
                    mentions: vec![mention("groupe Wagner", 3)],
                },
                Entity {
                    label: Label::Per,
                    name: "Wagner".into(),
                    mentions: vec![mention("Wagner", TEXT.rfind("Wagner").unwrap())],
                },
            ],
            ..Facts::default()
        };
        let meta = StoryMeta { id: "a".into(), title: "T".into(), ..StoryMeta::default() };
        let (mut state, _) = AppState::new(vec![meta], 120, 40, Settings::default());
        let article = Article { id: "a".into(), title: "T".into(), body: TEXT.into(), ..Article::default() };
        let story = LoadedStory { article, facts, ..LoadedStory::default() };
        update(&mut state, Action::StoryLoaded { story: Box::new(story) });
        let mut actions =
            vec![Action::Command(C::NextEntity), Action::Command(C::NextEntity), Action::Command(C::Link)];
        actions.extend("groupe".chars().map(Action::PromptChar));
        actions.push(Action::PromptSubmit);
        for a in actions {
            let effects = update(&mut state, a);
            assert!(effects.iter().all(|e| matches!(e, Effect::SuggestEntities { .. })), "{effects:?}");
        }
        assert!(state.link_choice.is_some(), "the reader asks which label wins");
        let effects = update(&mut state, Action::ApplyLabel(label.into()));
        (state, effects)
    }

    /// Performs the edits as the store would and answers with the annotations.
    fn stored(state: &mut AppState, effects: Vec<Effect>) {
        let mut annotations = Vec::new();
        for effect in effects {
            let Effect::EditAll { edits, .. } = effect else { continue };
            for (i, edit) in edits.into_iter().enumerate() {
                let edit = match edit {
                    Edit::Add(a) => Edit::Add(Annotation { id: i as i64 + 1, ..a }),
                    e => e,
                };
                let current = edit
                    .target()
                    .and_then(|id| annotations.iter().find(|a: &&Annotation| a.id == id).cloned());
                if let Some(change) = edit.change(current) {
                    change.apply(&mut annotations);
                }
            }
        }
        let set = AnnotationSet { annotations, can_undo: true, can_redo: false };
        update(state, Action::AnnotationsChanged { article_id: "a".into(), set, step: None });
    }

    fn entities(state: &AppState) -> Vec<(Label, String, usize)> {
        let facts = &state.open.as_ref().unwrap().facts;
        facts.entities.iter().map(|e| (e.label, e.name.clone(), e.mentions.len())).collect()
    }

    #[test]
    fn linking_across_labels_asks_which_wins_and_makes_one_entity() {
        let (mut state, effects) = link_answered("ORG");
        assert_eq!(state.message.as_deref(), Some("linked to groupe Wagner as ORG"));
        stored(&mut state, effects);
        assert_eq!(entities(&state), vec![(Label::Org, "groupe Wagner".into(), 2)]);

        let (mut state, effects) = link_answered("PER");
        stored(&mut state, effects);
        assert_eq!(entities(&state), vec![(Label::Per, "groupe Wagner".into(), 2)], "no twin left behind");

        // Another label is not an answer; Esc cancels.
        let (mut state, effects) = link_answered("LOC");
        assert!(effects.is_empty() && state.link_choice.is_some());
        update(&mut state, Action::Command(C::Back));
        assert!(state.link_choice.is_none());
    }
}
