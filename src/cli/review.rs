//! `byline review`: where the review of each story stands.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use crate::config::Config;
use crate::library::ReviewState;
use crate::service::review::library_progress;

/// One line per story (state, judged/total, id, title; tab-separated), or one JSON object per
/// line, then a summary on standard error.
pub fn run_review(paths: &[PathBuf], json: bool, config: &Config) -> Result<()> {
    let mut store = super::store_cmds::open_store()?;
    let source = super::source_of(paths, config);
    super::store_cmds::index(&mut store, &source, config, false)?;
    let stories = library_progress(&mut store, &source.scopes())?;
    let mut out = std::io::stdout().lock();
    let mut states = [0usize; 3];
    let (mut judged, mut total) = (0, 0);
    for s in &stories {
        let state = s.meta.review.state();
        states[state as usize] += 1;
        judged += s.progress.judged;
        total += s.progress.total();
        if json {
            let record = serde_json::json!({
                "id": s.meta.id, "title": s.meta.title, "state": state.as_str(),
                "judged": s.progress.judged, "unjudged": s.progress.unjudged, "total": s.progress.total(),
                "done": s.meta.review.done, "complete": s.complete(),
            });
            writeln!(out, "{record}")?;
        } else {
            let field =
                |s: &str| -> String { s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect() };
            writeln!(
                out,
                "{}\t{}/{}\t{}\t{}",
                state.as_str(),
                s.progress.judged,
                s.progress.total(),
                field(&s.meta.id),
                field(&s.meta.title)
            )?;
        }
    }
    eprintln!(
        "{} stories: {} done, {} in progress, {} not started; {judged} of {total} suggestions judged",
        stories.len(),
        states[ReviewState::Done as usize],
        states[ReviewState::InProgress as usize],
        states[ReviewState::NotStarted as usize],
    );
    Ok(())
}
