//! byline: a terminal news reader for close reading.
//!
//! # Layers
//!
//! Data flows one way, from files to the screen; each layer imports only the ones below it.
//!
//! ```text
//!  cli/ ─────────────┐          app.rs (the loop) ── tui.rs (terminal, the one panic hook)
//!   (commands,       │            │        │
//!    printing)       ▼            ▼        ▼
//!               service/  ◄──── input.rs   ui/  (draws &AppState; the only users of ratatui/
//!   use-cases: source,   │      (keys →     │    crossterm, with app.rs, tui.rs, input.rs)
//!   index, analysis,     │       Action)    │
//!   story, effects,      │        │         │
//!   session, jobs        ▼        ▼         ▼
//!               store/  feeds/   model/  (AppState, Action, Effect, update(): pure)
//!   (SQLite)     │        │        │
//!                ▼        ▼        ▼
//!        library/   extract/   annotate/   config/ ─► command  (bindable commands)
//!   (formats, rows)  (pure)    (pure: edits, formats)
//!                ▼        ▼        ▼
//!                        text/  (fold, width, wrap: pure)
//! ```
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
//! - `config` parses TOML from `&str` (keymap, theme, labels) over `command`.
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
