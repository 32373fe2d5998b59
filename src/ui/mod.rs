//! Drawing. Every function here takes the state by shared reference and only draws: layout
//! decisions that `update()` also needs live in `model::geometry`.

mod article;
mod entity_page;
mod feeds_view;
mod list;
mod overlay;
mod painter;
mod side;
mod status;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::config::{Keymap, LabelDef};
use crate::model::{AppState, Area, Pane};
pub use painter::Painter;
pub use theme::Theme;

/// What every view needs besides the state.
pub struct Ctx<'a> {
    pub state: &'a AppState,
    pub theme: &'a Theme,
    pub keymap: &'a Keymap,
    pub config_labels: &'a [LabelDef],
}

pub fn rect(a: Area) -> Rect {
    Rect::new(a.x, a.y, a.width, a.height)
}

/// Draws the whole screen for `state`.
pub fn draw(frame: &mut Frame, ctx: &Ctx) {
    let state = ctx.state;
    let area = frame.area();
    let panes = state.panes();
    if panes.too_small {
        let msg = format!(
            "Terminal too small: {}×{}. byline needs at least {}×{}.",
            area.width,
            area.height,
            crate::model::geometry::MIN_WIDTH,
            crate::model::geometry::MIN_HEIGHT
        );
        frame.render_widget(Paragraph::new(msg).style(ctx.theme.error()).wrap(Wrap { trim: true }), area);
        return;
    }
    if let Some(a) = panes.list {
        list::draw(frame, rect(a), ctx);
    }
    if let Some(a) = panes.article {
        article::draw(frame, rect(a), ctx);
    }
    if let Some(a) = panes.side {
        side::draw(frame, rect(a), ctx);
    }
    status::draw(frame, rect(panes.status), ctx);
    if let Some(view) = &state.feeds_view {
        let body = Rect { height: area.height.saturating_sub(1), ..area };
        feeds_view::draw(frame, body, ctx, view);
    }
    if let Some(page) = &state.entity_page {
        entity_page::draw(frame, area, ctx, page);
    }
    if let Some(overlay) = state.overlay {
        overlay::draw(frame, area, ctx, overlay);
    }
}

/// A screen drawn over the panes (the feeds view, an entity page): cleared, bordered, titled;
/// returns its body and its last line, for key hints.
fn over_panes(frame: &mut Frame, area: Rect, ctx: &Ctx, title: String) -> (Rect, Rect) {
    let block = Block::bordered()
        .title(ratatui::text::Span::styled(title, ctx.theme.title()))
        .border_style(ctx.theme.border(true));
    frame.render_widget(ratatui::widgets::Clear, area);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [body, hints] = ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Min(1),
        ratatui::layout::Constraint::Length(1),
    ])
    .areas(inner);
    (body, hints)
}

/// A bordered pane whose border shows whether it has the focus.
fn pane_block<'a>(ctx: &Ctx, pane: Pane, title: Line<'a>) -> Block<'a> {
    Block::bordered().title(title).border_style(ctx.theme.border(ctx.state.focus == pane))
}
