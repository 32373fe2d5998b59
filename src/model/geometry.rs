//! Where each pane goes for a terminal size. Pure arithmetic shared by `update()` (which needs
//! the article width to wrap text and the heights to page) and the UI (which draws there).

use super::Pane;

/// A rectangle in terminal cells (the UI converts it to the terminal library's rectangle).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Area {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

impl Area {
    /// Inside a one-cell border.
    pub fn inner(self) -> Area {
        Area {
            x: self.x.saturating_add(1),
            y: self.y.saturating_add(1),
            width: self.width.saturating_sub(2),
            height: self.height.saturating_sub(2),
        }
    }
}

pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// Below this width only two panes fit; below `ONE_PANE_WIDTH`, one.
const THREE_PANE_WIDTH: u16 = 100;
const ONE_PANE_WIDTH: u16 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    pub list: Option<Area>,
    pub article: Option<Area>,
    pub side: Option<Area>,
    pub status: Area,
    /// Too small to draw anything useful: the UI shows a message instead.
    pub too_small: bool,
}

impl Panes {
    pub fn compute(width: u16, height: u16, focus: Pane, side_enabled: bool) -> Panes {
        let status = Area { x: 0, y: height.saturating_sub(1), width, height: 1.min(height) };
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return Panes { status, too_small: true, ..Panes::default() };
        }
        let body_h = height - 1;
        let col = |x: u16, w: u16| Some(Area { x, y: 0, width: w, height: body_h });
        let list_w = (width / 4).clamp(24, 40);
        let side_w = (width / 4).clamp(26, 40);
        let mut panes = Panes { status, ..Panes::default() };
        if width >= THREE_PANE_WIDTH && side_enabled {
            panes.list = col(0, list_w);
            panes.side = col(width - side_w, side_w);
            panes.article = col(list_w, width - list_w - side_w);
        } else if width >= ONE_PANE_WIDTH {
            // Two panes: the focused one and its neighbour. A focused list takes half the
            // width, so titles and search snippets can be read; the article beside it is a
            // preview until it has the focus.
            if focus == Pane::Side && side_enabled {
                panes.article = col(0, width - side_w);
                panes.side = col(width - side_w, side_w);
            } else {
                let list_w = if focus == Pane::List { list_w.max(width / 2) } else { list_w };
                panes.list = col(0, list_w);
                panes.article = col(list_w, width - list_w);
            }
        } else {
            let only = col(0, width);
            match focus {
                Pane::List => panes.list = only,
                Pane::Article => panes.article = only,
                Pane::Side => panes.side = only,
            }
        }
        panes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminals_get_three_panes_that_tile_the_width() {
        let p = Panes::compute(120, 40, Pane::List, true);
        let (l, a, s) = (p.list.unwrap(), p.article.unwrap(), p.side.unwrap());
        assert_eq!(l.width + a.width + s.width, 120);
        assert_eq!((a.x, s.x), (l.width, l.width + a.width));
        assert_eq!(p.status, Area { x: 0, y: 39, width: 120, height: 1 });
    }

    #[test]
    fn narrow_terminals_keep_the_focused_pane() {
        let p = Panes::compute(80, 24, Pane::Side, true);
        assert!(p.side.is_some() && p.article.is_some() && p.list.is_none());
        let p = Panes::compute(80, 24, Pane::Article, true);
        assert!(p.list.is_some() && p.article.is_some() && p.side.is_none());
        let p = Panes::compute(50, 24, Pane::Article, true);
        assert!(p.article.is_some() && p.list.is_none() && p.side.is_none());
    }

    #[test]
    fn a_focused_list_takes_half_of_a_narrow_terminal() {
        let list = Panes::compute(80, 24, Pane::List, true);
        let reading = Panes::compute(80, 24, Pane::Article, true);
        assert_eq!((list.list.unwrap().width, list.article.unwrap().width), (40, 40));
        assert_eq!((reading.list.unwrap().width, reading.article.unwrap().width), (24, 56));
        // Three panes keep their widths whatever has the focus.
        assert_eq!(Panes::compute(120, 40, Pane::List, true), Panes::compute(120, 40, Pane::Article, true));
    }

    #[test]
    fn tiny_terminals_are_flagged() {
        for (w, h) in [(0, 0), (1, 1), (39, 40), (120, 9)] {
            assert!(Panes::compute(w, h, Pane::List, true).too_small, "{w}x{h}");
        }
    }
}
