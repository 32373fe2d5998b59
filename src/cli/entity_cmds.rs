//! `byline entity merge|split|undo|redo`: the user's decisions about which names are one
//! entity, as the reader's `M` and `X` make them (one transaction each, undone by `u` in the
//! reader or `byline entity undo`).

use std::process::ExitCode;

use anyhow::Result;
use clap::Subcommand;

use super::store_cmds::{open_store, refresh};
use crate::annotate::entity_edit::{EntityRequest, Target};
use crate::config::Config;
use crate::service::entity_edit::{Outcome, perform};
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
