//! Terminal set-up and restoration. The terminal is restored on normal exit (guard), on error
//! (guard), on panic (hook chained before the default one) and on SIGTERM/SIGHUP (flag polled
//! by the loop, then the guard).

use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::cursor::Show;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Owns the terminal while the reader runs; dropping it restores the terminal.
pub struct TerminalGuard {
    pub terminal: Term,
    /// Mouse events are captured (`[reader] mouse`).
    mouse: bool,
    /// Raised: SIGINT and SIGQUIT do what they always do (end byline). Lowered while a program
    /// has the terminal, so that a Ctrl-C meant for it (it is in byline's process group) does
    /// not end byline too.
    interrupts: Option<Arc<AtomicBool>>,
}

/// Puts the terminal back: mouse capture off, cooked mode, main screen, cursor visible. Never
/// panics; errors are ignored because there is nothing better to do with them while exiting.
/// Turning off a mouse capture that was never on is harmless, so it is always done.
pub fn restore() {
    let _ = execute!(io::stdout(), DisableMouseCapture);
    let _ = disable_raw_mode();
    let _ = execute!(io::stdout(), LeaveAlternateScreen, Show);
}

/// Raw mode, the alternate screen, and the mouse when asked for.
fn enter(mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen)?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

impl TerminalGuard {
    pub fn new(mouse: bool) -> io::Result<TerminalGuard> {
        install_panic_hook();
        let setup = enter(mouse).and_then(|_| Terminal::new(CrosstermBackend::new(io::stdout())));
        match setup {
            Ok(mut terminal) => {
                let _ = terminal.hide_cursor();
                TERMINAL_HELD.store(true, Ordering::SeqCst);
                Ok(TerminalGuard { terminal, mouse, interrupts: interrupts_flag() })
            }
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }

    /// Gives the terminal to `run` (a terminal browser) as the shell left it, then takes it
    /// back and clears it for a full redraw. The caller stops reading terminal events first.
    pub fn suspend<R>(&mut self, run: impl FnOnce() -> R) -> io::Result<R> {
        restore();
        let hold = |on: bool| self.interrupts.iter().for_each(|f| f.store(on, Ordering::SeqCst));
        hold(false);
        let result = run();
        hold(true);
        enter(self.mouse)?;
        self.terminal.clear()?;
        let _ = self.terminal.hide_cursor();
        Ok(result)
    }

    /// Writes an escape sequence for the terminal itself (OSC 52) straight to it.
    pub fn write_escape(&mut self, escape: &str) -> io::Result<()> {
        use std::io::Write;
        let out = self.terminal.backend_mut();
        out.write_all(escape.as_bytes())?;
        out.flush()
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        TERMINAL_HELD.store(false, Ordering::SeqCst);
        restore();
    }
}

/// Whether a `TerminalGuard` holds the terminal (the panic hook restores it only then).
static TERMINAL_HELD: AtomicBool = AtomicBool::new(false);

/// The process's one panic hook, installed once (by the command line's entry point, and by the
/// first `TerminalGuard` in case a program starts the reader without it), chained before the
/// default hook.
pub fn install_panic_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // A parser panic that is caught and reported as a skipped file is not fatal: no
            // trace, and the terminal (and the screen) left alone.
            if crate::library::catching_panics() {
                return;
            }
            // Only the main thread's panic ends the reader; restoring the terminal under a
            // running reader would break it.
            if TERMINAL_HELD.load(Ordering::SeqCst) && std::thread::current().name() == Some("main") {
                restore();
            }
            default(info);
        }));
    });
}

/// SIGINT and SIGQUIT keep their default action while the returned flag is raised, and are
/// ignored while it is lowered (`None`: they could not be hooked, and keep their default).
fn interrupts_flag() -> Option<Arc<AtomicBool>> {
    let flag = Arc::new(AtomicBool::new(true));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGQUIT] {
        signal_hook::flag::register_conditional_default(signal, Arc::clone(&flag)).ok()?;
    }
    Some(flag)
}

/// A flag raised by SIGTERM or SIGHUP, for the event loop to notice and exit cleanly.
pub fn termination_flag() -> io::Result<Arc<AtomicBool>> {
    let flag = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&flag))?;
    }
    Ok(flag)
}
