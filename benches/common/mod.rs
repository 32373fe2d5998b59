//! Helpers shared by the bench binaries (each uses some of them).
#![allow(dead_code)]

use byline::config::Config;
use byline::service::Session;
use byline::ui::{self, Ctx, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// This process's peak resident memory (VmHWM), in MB.
pub fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

/// Draws a session's screen as the app does.
pub fn draw(terminal: &mut Terminal<TestBackend>, session: &Session, config: &Config, theme: &Theme) {
    let state = &session.state;
    let ctx = Ctx { state, theme, keymap: &config.keymap, config_labels: &config.labels };
    terminal.draw(|f| ui::draw(f, &ctx)).expect("draw");
}
