//! byline: a terminal news reader for close reading.
//!
//! # Layers
//!
//! Data flows one way, from files to the screen. Top to bottom; a module imports only those
//! below it:
//!
//! ```text
//!  cli/              commands and printing; starts the reader (app::run)
//!  app.rs  tui.rs    the loop only; the terminal and the one panic hook
//!  ui/               draws &AppState, nothing else
//!  service/          use-cases: source, index, analysis, story, effects, session, jobs
//!  input.rs          terminal keys → KeyChord → Action (through the keymap)
//!  store/  feeds/    the SQLite database; subscriptions, HTTP, OPML
//!  model/            AppState, Action, Effect, update(): pure and total
//!  config/           TOML parsed from &str: keymap, theme, labels, feeds
//!  library/  extract/  annotate/    formats, rows, alignment; extraction; annotations (pure)
//!  command.rs  text/                bindable commands; fold, width, wrap, dates (pure)
//! ```
//!
//! Only `ui`, `input`, `app` and `tui` use the terminal crates.
//!
//! Who may import whom:
//! - `text` imports nothing of byline; `command` neither.
//! - `library` (article formats, file walk, the plain rows and scopes the state shows),
//!   `extract` (pure: text in, spans out) and `annotate` (the annotation model, its edit
//!   algebra with inverses, re-anchoring, export formats) import `text` and each other's types
//!   only (`annotate` uses `extract`'s).
//! - `store` is the SQLite database: it imports `library`, `annotate`, `text`. Nothing in
//!   `model`, `ui`, `input`, `extract` or `annotate` names `rusqlite` or the store.
//! - `feeds` imports `library`, `store`, `config`.
//! - `model` is pure and total: `library`, `extract`, `annotate`, `command`, `text`; never
//!   `config`, `store`, a terminal crate or `std::fs`.
//! - `config` parses TOML from `&str` (keymap, theme, labels) over `command`, and `text` for
//!   the date formats.
//! - `service` holds every use-case the reader and the command line share, over all of the
//!   above: the loop and the CLI call it and never reimplement it.
//! - `ui` draws `&AppState` and nothing else; `input` turns terminal keys into `Action`s.
//! - `app` is the loop only; only `cli` (the binary's entry point) calls it.
//!
//! A newcomer's path: `service::story::load_story` (how a story reaches the screen),
//! `service::effects::perform` (what each `model::Effect` does), `cli::annotations` (what
//! `byline export` does).

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
pub mod service;
pub mod store;
pub mod text;
pub mod tui;
pub mod ui;
