//! byline: a terminal news reader for close reading.
//!
//! Data flows one way: `library` loads articles, `model::update` changes the state in response
//! to actions, `ui` draws the state; `input` turns keys into actions and `app` runs the loop.

pub mod analysis;
pub mod annotate;
pub mod app;
pub mod cli;
pub mod command;
pub mod config;
pub mod extract;
pub mod feeds;
pub mod input;
pub mod library;
pub mod model;
pub mod samples;
pub mod text;
pub mod tui;
pub mod ui;
