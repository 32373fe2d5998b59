//! `byline entity NAME`: what the library knows of an entity, with every story of it; and
//! `byline entity merge|split|undo|redo`: the user's decisions about which names are one
//! entity, as the reader's `M` and `X` make them (one transaction each, undone by `u` in the
//! reader or `byline entity undo`).

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::Subcommand;

use super::store_cmds::{open_store, open_store_to_read, refresh, tsv};
use crate::annotate::entity_edit::{EntityRequest, Target};
use crate::config::Config;
use crate::service::entity::{self, Profile, StoryRef};
use crate::service::entity_edit::{Outcome, perform};
use crate::store::Store;
use crate::text::printable;

#[derive(Subcommand, Debug)]
pub enum EntityCmd {
    /// Make OTHER (the entity it names, under all its names) one entity with INTO, named as INTO.
    Merge { into: String, other: String },
    /// Take the name ALIAS out of the entity NAME: an entity of its own from now on.
    Split { name: String, alias: String },
    /// Undo the last merge or split.
    Undo,
    /// Redo the last merge or split undone.
    Redo,
}

pub fn run(command: EntityCmd, config: &Config) -> Result<ExitCode> {
    let mut store = open_store()?;
    refresh(&mut store, config)?;
    let whole = |name: String| Target { name, label: None, whole: true };
    let request = match command {
        EntityCmd::Merge { into, other } => EntityRequest::Merge { into: whole(into), other: whole(other) },
        EntityCmd::Split { name, alias } => EntityRequest::Split { entity: name, alias },
        EntityCmd::Undo => EntityRequest::Undo,
        EntityCmd::Redo => EntityRequest::Redo,
    };
    Ok(match perform(&mut store, &request)? {
        Outcome::Done(message) => {
            println!("{}", printable(&message));
            ExitCode::SUCCESS
        }
        Outcome::Refused(why) => {
            eprintln!("byline: {}", printable(&why));
            ExitCode::FAILURE
        }
    })
}

/// `byline entity NAME [--json] [--all]`: the entity's page as text (its newest stories, or
/// every one with `all`) or JSON (every story).
pub fn show(name: &str, json: bool, all: bool, config: &Config) -> Result<ExitCode> {
    let mut store = open_store_to_read()?;
    refresh(&mut store, config)?;
    let profile = match entity::profile(&mut store, name)? {
        entity::Lookup::Found(p) => p,
        entity::Lookup::NotFound => {
            eprintln!("byline: no person, organisation or place in the library is called {name:?}");
            return Ok(ExitCode::FAILURE);
        }
        entity::Lookup::Ambiguous(candidates) => {
            eprintln!("byline: {name:?} names several entities; give one of these:");
            for (n, label, stories) in candidates {
                eprintln!("  {}\t{label}\t{stories} stories", printable(&n));
            }
            return Ok(ExitCode::FAILURE);
        }
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    if json {
        write_json(&mut out, &store, &profile)?;
    } else {
        write_profile(&mut out, &store, &profile, all)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The profile as one JSON object, its stories last and all of them, written a window at a
/// time (a person of a large library is in tens of thousands).
fn write_json(out: &mut impl Write, store: &Store, p: &Profile) -> Result<()> {
    let mut fields = serde_json::to_value(p)?;
    if let Some(map) = fields.as_object_mut() {
        map.remove("stories");
    }
    let head = serde_json::to_string(&fields)?;
    let open = head.strip_suffix('}').unwrap_or(&head);
    let comma = if open.len() > 1 { "," } else { "" };
    write!(out, "{open}{comma}\"stories\":[")?;
    let mut first = true;
    each_story(store, p, |s| {
        write!(out, "{}{}", if first { "" } else { "," }, serde_json::to_string(s)?)?;
        first = false;
        Ok(())
    })?;
    writeln!(out, "]}}")?;
    Ok(())
}

/// The entity page as text: names, roles, quotes, company, timeline, then a story a line: the
/// page's newest, or every one with `all` (a person of a large library is in tens of
/// thousands, more than a terminal shows).
fn write_profile(out: &mut impl Write, store: &Store, p: &Profile, all: bool) -> Result<()> {
    writeln!(out, "{} ({}), {} stories", tsv(&p.name), p.label, p.story_count)?;
    let names: Vec<String> = p.aliases.iter().map(|a| format!("{} ×{}", tsv(&a.name), a.stories)).collect();
    writeln!(out, "names: {}", names.join(" · "))?;
    for r in &p.roles {
        let when = match (&r.first, &r.last) {
            (Some(a), Some(b)) if a != b => format!(" ({a} to {b})"),
            (Some(a), _) => format!(" ({a})"),
            _ => String::new(),
        };
        writeln!(out, "role: {} — {} stories{when}", tsv(&r.role), r.stories)?;
    }
    for q in &p.quotes {
        writeln!(out, "quote: «{}» ({})", tsv(&q.text), q.story)?;
    }
    let company: Vec<String> =
        p.cooccurring.iter().map(|c| format!("{} ({} together)", tsv(&c.name), c.together)).collect();
    if !company.is_empty() {
        writeln!(out, "with: {}", company.join(" · "))?;
    }
    let timeline: Vec<String> = p.timeline.iter().map(|(m, n)| format!("{m} {n}")).collect();
    if !timeline.is_empty() {
        writeln!(out, "timeline: {}", timeline.join(" · "))?;
    }
    if all {
        return each_story(store, p, |s| story_line(out, s));
    }
    for s in &p.stories {
        story_line(out, s)?;
    }
    let more = p.story_count.saturating_sub(p.stories.len());
    if more > 0 {
        writeln!(out, "… and {more} more stories (--all lists every story, as --json does)")?;
    }
    Ok(())
}

/// A story as `byline entity` lists it: id, date, the name written ×mentions, title, sentence.
fn story_line(out: &mut impl Write, s: &StoryRef) -> Result<()> {
    writeln!(
        out,
        "{}\t{}\t{} ×{}\t{}\t{}",
        s.id,
        s.date.as_deref().unwrap_or(""),
        tsv(&s.name),
        s.mentions,
        tsv(&s.title),
        tsv(s.sentence.as_deref().unwrap_or(""))
    )?;
    Ok(())
}

/// Every story of the entity, newest first: the profile's own (the newest read in detail),
/// then the rest in one pass over the entity's rows (their cards only).
fn each_story(store: &Store, p: &Profile, mut write: impl FnMut(&StoryRef) -> Result<()>) -> Result<()> {
    for s in &p.stories {
        write(s)?;
    }
    if p.story_count > p.stories.len() {
        for s in &entity::more_stories(store, &p.name, p.stories.len(), None)? {
            write(s)?;
        }
    }
    Ok(())
}
