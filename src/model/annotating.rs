//! Annotation from the keyboard: word selections, labels, accepting/rejecting suggestions,
//! deleting, linking, undo/redo. The model decides; the store applies each edit in its own
//! transaction (an `Effect`) and answers with the article's annotations.

use unicode_segmentation::UnicodeSegmentation;

use super::{AppState, Effect, Pane, Prompt, PromptKind};
use crate::annotate::{Annotation, Change, Edit, Status};
use crate::extract::Facts;

/// A selection of the body being made with `v`, `w`/`b`/`e`, `h`/`l`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    pub start: usize,
    pub end: usize,
}

pub(super) fn is_word(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

/// Length of a French elision at the start of a word ("l'", "qu’"), which is a word of its
/// own for selecting ("l'Agence" selects as "l'" + "Agence").
fn elision_len(word: &str) -> usize {
    const ELIDED: [&str; 12] = ["l", "d", "qu", "n", "s", "j", "c", "m", "t", "jusqu", "lorsqu", "puisqu"];
    for apostrophe in ['\'', '’'] {
        if let Some(i) = word.find(apostrophe) {
            let head = &word[..i];
            let rest = &word[i + apostrophe.len_utf8()..];
            if !rest.is_empty() && ELIDED.iter().any(|e| e.eq_ignore_ascii_case(head)) {
                return i + apostrophe.len_utf8();
            }
        }
    }
    0
}

/// Word segments of `text` (UAX #29, French elisions split off) with their offsets.
pub(super) fn words(text: &str) -> impl DoubleEndedIterator<Item = (usize, &str)> {
    text.split_word_bound_indices().flat_map(|(i, w)| {
        let cut = elision_len(w);
        let (first, second) = if cut > 0 { (&w[..cut], Some((i + cut, &w[cut..]))) } else { (w, None) };
        std::iter::once((i, first)).chain(second)
    })
}

/// The word containing or following byte `at` (the next word when `at` is between words).
fn word_at(text: &str, at: usize) -> Option<(usize, usize)> {
    let at = at.min(text.len());
    // Back up to the start of the paragraph to see whole words.
    let para_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    words(&text[para_start..])
        .map(|(i, w)| (para_start + i, para_start + i + w.len(), w))
        .find(|&(_, end, w)| end > at && is_word(w))
        .map(|(s, e, _)| (s, e))
}

/// End of the first word that ends after `end`.
fn next_word_end(text: &str, end: usize) -> Option<usize> {
    words(text.get(end..)?)
        .take_while(|(_, w)| !w.contains('\n'))
        .find(|(_, w)| is_word(w))
        .map(|(i, w)| end + i + w.len())
}

/// Start of the last word that starts before `start`.
fn prev_word_start(text: &str, start: usize) -> Option<usize> {
    words(text.get(..start)?)
        .rev()
        .take_while(|(_, w)| !w.contains('\n'))
        .find(|(_, w)| is_word(w))
        .map(|(i, _)| i)
}

impl AppState {
    fn annotating_article(&self) -> bool {
        self.open.is_some() && self.focus != Pane::List
    }

    pub(super) fn start_selection(&mut self) {
        if !self.annotating_article() {
            self.message = Some("open a story to annotate it".into());
            return;
        }
        let Some(open) = &self.open else { return };
        match word_at(&open.article.body, self.caret_offset().unwrap_or(0)) {
            Some((start, end)) => {
                self.selection = Some(super::annotating::Selection { start, end });
                self.relabel_pending = false;
            }
            None => self.message = Some("no word here to select".into()),
        }
    }

    pub(super) fn extend_selection(&mut self, how: Extend) {
        let (Some(sel), Some(open)) = (self.selection, &self.open) else { return };
        let text = &open.article.body;
        let mut sel = sel;
        match how {
            Extend::Word | Extend::WordEnd => {
                if let Some(e) = next_word_end(text, sel.end) {
                    sel.end = e;
                }
            }
            Extend::WordBack => {
                if let Some(s) = prev_word_start(text, sel.start) {
                    sel.start = s;
                }
            }
            Extend::Char => {
                if let Some(c) = text[sel.end..].chars().next().filter(|c| *c != '\n') {
                    sel.end += c.len_utf8();
                }
            }
            Extend::ShrinkChar => {
                if let Some(c) = text[sel.start..sel.end].chars().next_back()
                    && sel.end - c.len_utf8() > sel.start
                {
                    sel.end -= c.len_utf8();
                }
            }
        }
        self.selection = Some(sel);
        let line = self.reader.line_of(sel.end.saturating_sub(1));
        self.reader.reveal(line);
    }

    /// The mark under the entity cursor, with its annotation if the user decided about it.
    pub(super) fn cursor_mark(&self) -> Option<(super::Mark, Option<Annotation>)> {
        let open = self.open.as_ref()?;
        let mark = *open.marks.get(self.reader.cursor?)?;
        Some((mark, mark.annotation.and_then(|i| open.annotations.get(i)).cloned()))
    }

    /// The mark under the cursor, its annotation and its text; without one, says where to go.
    fn mention_to_judge(&mut self) -> Option<(super::Mark, Option<Annotation>, String)> {
        let Some((mark, ann)) = self.cursor_mark() else {
            self.message = Some("move to a mention with ] first".into());
            return None;
        };
        let text = self.open.as_ref()?.article.body.get(mark.start..mark.end)?.to_string();
        Some((mark, ann, text))
    }

    pub(super) fn edit(&mut self, edit: Edit) -> Option<Effect> {
        self.forget_review_steps();
        self.entity_steps = false;
        let open = self.open.as_ref()?;
        Some(Effect::Edit {
            article_id: open.article.id.clone(),
            content_hash: open.content_hash.clone(),
            edit: Box::new(edit),
        })
    }

    /// A label key: labels the selection, or relabels the mention under the cursor.
    pub(super) fn apply_label(&mut self, label: &str, effects: &mut Vec<Effect>) {
        if let Some(choice) = self.link_choice.take() {
            self.finish_link_with_label(choice, label, effects);
            return;
        }
        let Some(open) = &self.open else { return };
        let text = &open.article.body;
        if let Some(sel) = self.selection.take() {
            let ann = Annotation::new(text, sel.start, sel.end, label, Status::Accepted, "user");
            self.pending_cursor = Some((sel.start, sel.end));
            effects.extend(self.edit(Edit::Add(ann)));
            self.message = Some(format!("labelled {label}"));
            return;
        }
        let Some((mark, ann)) = self.cursor_mark() else {
            self.message = Some("select words with v first, or move to a mention with ]".into());
            return;
        };
        self.relabel_pending = false;
        let edit = match ann {
            Some(a) => Edit::SetLabel { id: a.id, label: label.to_string() },
            None => Edit::Add(annotation_for(open, &mark, label, Status::Accepted)),
        };
        self.pending_cursor = Some((mark.start, mark.end));
        effects.extend(self.edit(edit));
        self.message = Some(format!("relabelled {label}"));
    }

    pub(super) fn accept(&mut self, effects: &mut Vec<Effect>) {
        let Some((mark, ann)) = self.cursor_mark() else {
            self.message = Some("move to a suggestion with ] first".into());
            return;
        };
        let Some(open) = &self.open else { return };
        let edit = match ann {
            Some(a) if a.status == Status::Accepted => {
                self.message = Some("already accepted".into());
                return;
            }
            Some(a) => Edit::SetStatus { id: a.id, status: Status::Accepted },
            None => Edit::Add(annotation_for(open, &mark, mark.label.as_str(), Status::Accepted)),
        };
        self.pending_cursor = Some((mark.start, mark.end));
        effects.extend(self.edit(edit));
        self.message = Some("accepted".into());
    }

    /// `x`: rejects the suggestion under the cursor (it stays hidden, also when the story is
    /// analysed again); a span of the user's own is taken away. The place stays: the cursor
    /// is just after the mention, for `]` and `}` to go on from there.
    pub(super) fn reject(&mut self, effects: &mut Vec<Effect>) {
        let Some((mark, ann, text)) = self.mention_to_judge() else { return };
        let Some(open) = &self.open else { return };
        let edit = match ann {
            Some(a) if a.origin == "user" => Edit::Remove { id: a.id },
            Some(a) => Edit::SetStatus { id: a.id, status: Status::Rejected },
            None => Edit::Add(annotation_for(open, &mark, mark.label.as_str(), Status::Rejected)),
        };
        self.pending_cursor = Some((mark.start, mark.end));
        effects.extend(self.edit(edit));
        self.message = Some(format!("rejected {text}"));
    }

    /// `d`: deletes an annotation of the user's: a span they added, or their decision about a
    /// suggestion (which then waits to be judged again). A suggestion is not deleted: `x`
    /// rejects it.
    pub(super) fn delete(&mut self, effects: &mut Vec<Effect>) {
        let Some((mark, ann, text)) = self.mention_to_judge() else { return };
        match ann {
            Some(a) if a.status != Status::Suggested => {
                self.message = Some(if a.origin == "user" {
                    format!("deleted {text}")
                } else {
                    format!("deleted your decision on {text}: a suggestion again")
                });
                self.pending_cursor = Some((mark.start, mark.end));
                effects.extend(self.edit(Edit::Remove { id: a.id }));
            }
            _ => {
                self.message =
                    Some(format!("{text} is a suggestion, not yours to delete: x rejects it (not a name)"))
            }
        }
    }

    pub(super) fn start_link(&mut self) {
        if self.cursor_mark().is_none() {
            self.message = Some("move to a mention with ] first".into());
            return;
        }
        self.prompt = Some(Prompt { kind: PromptKind::Link, text: String::new() });
    }

    /// While the link prompt is open, asks the store for library entities matching it.
    pub(super) fn suggest_links(&mut self, effects: &mut Vec<Effect>) {
        match &self.prompt {
            Some(Prompt { kind: PromptKind::Link, text }) if !text.trim().is_empty() => {
                effects.push(Effect::SuggestEntities { typed: text.clone() })
            }
            _ => self.link_library.clear(),
        }
    }

    /// Entity names matching what was typed, for the link prompt: the open story's first,
    /// then the library's.
    pub fn link_candidates(&self, typed: &str) -> Vec<String> {
        let mut names = self.story_link_candidates(typed);
        for n in &self.link_library {
            if !names.contains(n) {
                names.push(n.clone());
            }
        }
        names
    }

    fn story_link_candidates(&self, typed: &str) -> Vec<String> {
        let Some(open) = &self.open else { return Vec::new() };
        let typed = crate::text::fold::fold_str(typed);
        let mut names: Vec<String> = open
            .facts
            .entities
            .iter()
            .map(|e| e.name.clone())
            .filter(|n| crate::text::fold::fold_str(n).contains(&typed))
            .collect();
        names.sort();
        names.dedup();
        names
    }

    /// Enter in the link prompt: links to the first matching entity, or to a new one of that
    /// name.
    pub(super) fn finish_link(&mut self, typed: &str, effects: &mut Vec<Effect>) {
        let target = self.link_candidates(typed).into_iter().next().unwrap_or_else(|| typed.to_string());
        if target.is_empty() {
            return;
        }
        if self.ask_which_label(&target) {
            return;
        }
        let Some((mark, ann)) = self.cursor_mark() else { return };
        let Some(open) = &self.open else { return };
        let edit = match ann {
            Some(a) => Edit::Link { id: a.id, entity: Some(target.clone()) },
            None => {
                let mut a = annotation_for(open, &mark, mark.label.as_str(), Status::Accepted);
                a.entity = Some(target.clone());
                Edit::Add(a)
            }
        };
        self.pending_cursor = Some((mark.start, mark.end));
        effects.extend(self.edit(edit));
        self.message = Some(format!("linked to {target}"));
    }

    pub(super) fn start_field_prompt(&mut self, kind: PromptKind) {
        let Some((_, ann)) = self.cursor_mark() else {
            self.message = Some("move to a mention with ] first".into());
            return;
        };
        let text = match kind {
            PromptKind::Note => ann.and_then(|a| a.note).unwrap_or_default(),
            _ => ann.and_then(|a| a.kb_id).unwrap_or_default(),
        };
        self.prompt = Some(Prompt { kind, text });
    }

    /// Enter in the note or knowledge-base id prompt (empty clears it).
    pub(super) fn finish_field(&mut self, field: Field, value: &str, effects: &mut Vec<Effect>) {
        let Some((mark, ann)) = self.cursor_mark() else { return };
        let Some(open) = &self.open else { return };
        let value = (!value.is_empty()).then(|| value.to_string());
        let edit = match (ann, field) {
            (Some(a), Field::Note) => Edit::SetNote { id: a.id, note: value },
            (Some(a), Field::KbId) => Edit::SetKbId { id: a.id, kb_id: value },
            (None, _) => {
                let mut a = annotation_for(open, &mark, mark.label.as_str(), Status::Accepted);
                match field {
                    Field::Note => a.note = value,
                    Field::KbId => a.kb_id = value,
                }
                Edit::Add(a)
            }
        };
        self.pending_cursor = Some((mark.start, mark.end));
        effects.extend(self.edit(edit));
        self.message = Some(match field {
            Field::Note => "note saved".into(),
            Field::KbId => "knowledge-base id saved".into(),
        });
    }

    pub(super) fn undo_redo(&mut self, undo: bool, effects: &mut Vec<Effect>) {
        // The newest step first: a "mark all read" or a review marked done (at most one of
        // them is pending, each forgets the other), else the story's annotation log.
        if self.undo_read_step(undo, effects) || self.step_review_done(undo, effects) {
            return;
        }
        let Some(open) = &self.open else { return };
        let possible = if undo { open.can_undo } else { open.can_redo };
        if !possible {
            self.message = Some(if undo { "nothing to undo" } else { "nothing to redo" }.into());
            return;
        }
        let (article_id, content_hash) = (open.article.id.clone(), open.content_hash.clone());
        effects.push(if undo {
            Effect::Undo { article_id, content_hash }
        } else {
            Effect::Redo { article_id, content_hash }
        });
    }

    /// After the store answered an edit: show the new annotations, keep the cursor on the span
    /// that was edited. After an undo or a redo the span it changed gets the cursor, in view,
    /// and the status line names the edit ("undone: accept Moscou").
    pub(super) fn annotations_changed(
        &mut self,
        article_id: &str,
        set: crate::annotate::AnnotationSet,
        step: Option<super::Step>,
    ) {
        let Some(open) = &mut self.open else { return };
        if open.article.id != article_id {
            return;
        }
        if let Some(step) = step {
            let (done, nothing) = if step.undo { ("undone", "undo") } else { ("redone", "redo") };
            self.message = Some(match &step.change {
                Some(change) => format!("{done}: {}", describe(change, &open.extracted)),
                None => format!("nothing to {nothing}"),
            });
            self.pending_cursor = step.change.as_ref().map(|c| {
                let a = changed(c);
                (a.start, a.end)
            });
        }
        open.set_annotations(set.annotations, set.can_undo, set.can_redo);
        if let Some((s, e)) = self.pending_cursor.take() {
            // On the span, or just after it when it is no longer a mention (rejected, deleted).
            self.reader.cursor = open.mark_at(s, e);
            self.reader.caret = Some(if self.reader.cursor.is_some() { s } else { e });
            self.reader.selected_entity =
                self.reader.cursor.and_then(|c| open.marks.get(c)).map(|m| m.entity);
            let line = self.reader.line_of(s);
            self.reader.reveal(line);
        } else {
            let n = open.marks.len();
            self.reader.cursor = self.reader.cursor.filter(|&c| c < n);
            let entities = open.facts.entities.len();
            self.reader.selected_entity = self.reader.selected_entity.filter(|&e| e < entities);
        }
        let rows = open.panel.len();
        self.panel_selected = self.panel_selected.min(rows.saturating_sub(1));
    }
}

/// An annotation recording a decision about the extractor's mention `mark`, under `label`: it
/// keeps the entity the mention belongs to (its coreference chain in exports), unless the
/// caller links it elsewhere.
pub(super) fn annotation_for(
    open: &super::OpenStory,
    mark: &super::Mark,
    label: &str,
    status: Status,
) -> Annotation {
    let mut a =
        Annotation::new(&open.article.body, mark.start, mark.end, label, status, origin_name(mark.origin));
    a.entity = open.facts.entities.get(mark.entity).map(|e| e.name.clone());
    a
}

/// The annotation a change leaves (or, for a deletion, takes away).
fn changed(change: &Change) -> &Annotation {
    match change {
        Change::Insert(a) | Change::Delete(a) => a,
        Change::Replace(_, after) => after,
    }
}

/// What the user did, as the status line names it ("accept Moscou", "label PER Assimi Goita",
/// "link Goita to Assimi Goita"), read from the change it made; `extracted` holds the story's
/// suggestions.
pub(super) fn describe(change: &Change, extracted: &Facts) -> String {
    let a = changed(change);
    if crate::annotate::corrections::is_correction(a) {
        let undo = if matches!(change, Change::Delete(_)) { "delete the " } else { "" };
        return format!("{undo}{}", described_correction(a));
    }
    match change {
        Change::Delete(a) => format!("delete {}", a.quote.exact),
        Change::Insert(a) => described_insert(a, extracted),
        Change::Replace(before, after) => described_replace(before, after),
    }
}

/// A new annotation that repeats the suggestion at its span (label, origin, entity) accepted
/// it; one that differs in label labelled it, in entity linked it.
fn described_insert(a: &Annotation, extracted: &Facts) -> String {
    let text = &a.quote.exact;
    if a.status != Status::Accepted {
        return judged(a);
    }
    if a.note.is_some() {
        return format!("note on {text}");
    }
    if let Some(kb) = &a.kb_id {
        return format!("kb id {kb} on {text}");
    }
    let suggested = extracted.entities.iter().find(|e| {
        e.label.as_str() == a.label
            && e.mentions
                .iter()
                .any(|m| m.start == a.start && m.end == a.end && origin_name(m.origin) == a.origin)
    });
    match suggested {
        Some(e) if a.entity.as_ref().is_some_and(|linked| *linked != e.name) => linked(a),
        Some(_) => judged(a),
        None => format!("label {} {text}", a.label),
    }
}

/// A changed annotation, by the first field that differs.
fn described_replace(before: &Annotation, a: &Annotation) -> String {
    let text = &a.quote.exact;
    if before.label != a.label {
        format!("label {} {text}", a.label)
    } else if before.status != a.status {
        judged(a)
    } else if before.entity != a.entity {
        linked(a)
    } else if before.note != a.note {
        let verb = if a.note.is_some() { "note on" } else { "delete the note on" };
        format!("{verb} {text}")
    } else if before.kb_id != a.kb_id {
        match &a.kb_id {
            Some(kb) => format!("kb id {kb} on {text}"),
            None => format!("delete the kb id on {text}"),
        }
    } else {
        format!("edit {text}")
    }
}

/// "speaker Assimi Goita of «Au cours de…»", "roles of Assimi Goita".
fn described_correction(a: &Annotation) -> String {
    if a.label == crate::annotate::corrections::SPEAKER {
        let quote = crate::text::width::truncate(&a.quote.exact, 24);
        format!("speaker {} of «{quote}»", a.entity.as_deref().unwrap_or("unknown"))
    } else {
        format!("roles of {}", a.entity.as_deref().unwrap_or(&a.quote.exact))
    }
}

/// "accept Moscou", "reject Moscou", "suggest LOC Moscou".
fn judged(a: &Annotation) -> String {
    match a.status {
        Status::Accepted => format!("accept {}", a.quote.exact),
        Status::Rejected => format!("reject {}", a.quote.exact),
        Status::Suggested => format!("suggest {} {}", a.label, a.quote.exact),
    }
}

/// "link Goita to Assimi Goita", "unlink Goita".
fn linked(a: &Annotation) -> String {
    match &a.entity {
        Some(entity) => format!("link {} to {entity}", a.quote.exact),
        None => format!("unlink {}", a.quote.exact),
    }
}

/// The origin of a span as stored with an annotation.
fn origin_name(origin: crate::extract::Origin) -> &'static str {
    match origin {
        crate::extract::Origin::Rule => "rule",
        crate::extract::Origin::Gazetteer => "gazetteer",
        crate::extract::Origin::Model => "model",
        crate::extract::Origin::User => "user",
    }
}

/// The free-text fields of an annotation set from a prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Note,
    KbId,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extend {
    Word,
    WordEnd,
    WordBack,
    Char,
    ShrinkChar,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_around_and_after_offsets() {
        let t = "Selon l'Agence Ecofin, la force Barkhane.\n\nSuite.";
        let ecofin = t.find("Ecofin").unwrap();
        assert_eq!(word_at(t, ecofin + 2), Some((ecofin, ecofin + 6)));
        assert_eq!(word_at(t, ecofin + 6).map(|(s, e)| &t[s..e]), Some("la"), "after a word: the next");
        let agence = t.find("Agence").unwrap();
        assert_eq!(next_word_end(t, agence + 6).map(|e| &t[agence..e]), Some("Agence Ecofin"));
        assert_eq!(prev_word_start(t, ecofin).map(|s| &t[s..ecofin + 6]), Some("Agence Ecofin"));
        let barkhane_end = t.find("Barkhane").unwrap() + 8;
        assert_eq!(next_word_end(t, barkhane_end), None, "selections stay in their paragraph");
    }
}
