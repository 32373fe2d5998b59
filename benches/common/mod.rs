//! Helpers shared by the bench binaries (each uses some of them).
#![allow(dead_code)]

use byline::config::Config;
use byline::service::Session;
use byline::ui::{self, Ctx, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// This process's peak resident memory (VmHWM), in MB.
pub fn peak_mb() -> f64 {
    status_mb("VmHWM:")
}

/// A memory line of `/proc/self/status` ("VmRSS:", "VmHWM:"), in MB.
pub fn status_mb(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

/// The `.txt` files under a folder (and its subfolders), sorted.
pub fn txt_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read the articles folder").flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "txt") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Draws a session's screen as the app does.
pub fn draw(terminal: &mut Terminal<TestBackend>, session: &Session, config: &Config, theme: &Theme) {
    let state = &session.state;
    let ctx = Ctx { state, theme, keymap: &config.keymap, config_labels: &config.labels };
    terminal.draw(|f| ui::draw(f, &ctx)).expect("draw");
}
