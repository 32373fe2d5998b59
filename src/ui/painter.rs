//! Putting frames on a terminal. ratatui sends only the cells that changed, trusting that the
//! terminal gives every grapheme the cells `unicode-width` does. Terminals disagree on emoji
//! sequences (ZWJ families, flags, skin tones, keycaps, emoji presentation): one draws a family
//! in 2 cells, another in 8, tmux a keycap in 1. Wherever they differ, cells ratatui believes
//! covered keep what was there before — glyphs of the previous story. So after a frame that held
//! any such cell, the next one is drawn in full.

use ratatui::Terminal;
use ratatui::backend::Backend;

use super::{Ctx, draw};
use crate::text::width::grapheme_width;

/// Draws frames, in full after one whose cells the terminal may have drawn at other widths.
#[derive(Debug, Default)]
pub struct Painter {
    full_next: bool,
}

impl Painter {
    pub fn draw<B: Backend>(&mut self, terminal: &mut Terminal<B>, ctx: &Ctx) -> Result<(), B::Error> {
        if std::mem::take(&mut self.full_next) {
            terminal.clear()?;
        }
        let frame = terminal.draw(|f| draw(f, ctx))?;
        self.full_next = frame.buffer.content().iter().any(|c| width_in_doubt(c.symbol()));
        Ok(())
    }
}

/// Whether terminals may draw this cell's grapheme at another width than ratatui counts: wide
/// characters, and clusters built with joiners, selectors, keycaps, skin tones or flags.
fn width_in_doubt(symbol: &str) -> bool {
    if symbol.len() == 1 {
        return false;
    }
    grapheme_width(symbol) > 1
        || symbol.chars().any(|c| {
            matches!(c, '\u{200D}' | '\u{FE0F}' | '\u{20E3}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{1F1E6}'..='\u{1F1FF}')
        })
}

#[cfg(test)]
mod tests {
    use super::width_in_doubt;

    #[test]
    fn which_cells_terminals_may_draw_otherwise() {
        for doubtful in ["👨\u{200D}👩\u{200D}👧", "🇫🇷", "👍🏽", "1\u{FE0F}\u{20E3}", "❤\u{FE0F}", "日", "🦀"]
        {
            assert!(width_in_doubt(doubtful), "{doubtful}");
        }
        for plain in ["a", " ", "é", "e\u{301}", "’", "«"] {
            assert!(!width_in_doubt(plain), "{plain}");
        }
    }
}
