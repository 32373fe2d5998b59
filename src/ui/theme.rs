//! The one place that turns the configured colours into terminal styles. With `NO_COLOR` every
//! style that carries meaning falls back to attributes (bold, underline, reverse).

use ratatui::style::{Color, Modifier, Style};

use crate::config::{self, ThemeColors};
use crate::extract::Label;

#[derive(Debug, Clone)]
pub struct Theme {
    colors: ThemeColors,
    no_color: bool,
}

fn color(c: config::Color) -> Color {
    use config::Color as C;
    match c {
        C::Reset => Color::Reset,
        C::Black => Color::Black,
        C::Red => Color::Red,
        C::Green => Color::Green,
        C::Yellow => Color::Yellow,
        C::Blue => Color::Blue,
        C::Magenta => Color::Magenta,
        C::Cyan => Color::Cyan,
        C::Gray => Color::Gray,
        C::DarkGray => Color::DarkGray,
        C::LightRed => Color::LightRed,
        C::LightGreen => Color::LightGreen,
        C::LightYellow => Color::LightYellow,
        C::LightBlue => Color::LightBlue,
        C::LightMagenta => Color::LightMagenta,
        C::LightCyan => Color::LightCyan,
        C::White => Color::White,
        C::Indexed(i) => Color::Indexed(i),
        C::Rgb(r, g, b) => Color::Rgb(r, g, b),
    }
}

impl Theme {
    pub fn new(colors: ThemeColors, no_color: bool) -> Theme {
        Theme { colors, no_color }
    }

    fn fg(&self, c: config::Color) -> Style {
        if self.no_color { Style::new() } else { Style::new().fg(color(c)) }
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(self.colors.accent).add_modifier(Modifier::BOLD)
        } else {
            self.fg(self.colors.dim)
        }
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        if self.no_color { Style::new().add_modifier(Modifier::DIM) } else { self.fg(self.colors.dim) }
    }

    pub fn accent(&self) -> Style {
        self.fg(self.colors.accent).add_modifier(Modifier::BOLD)
    }

    /// The selected row of a list.
    pub fn selected(&self, focused: bool) -> Style {
        if self.no_color || !focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().bg(color(self.colors.selection)).fg(Color::White).add_modifier(Modifier::BOLD)
        }
    }

    /// A search hit; the current one stands out more.
    pub fn search_match(&self, current: bool) -> Style {
        let base = if self.no_color {
            Style::new().add_modifier(Modifier::UNDERLINED)
        } else {
            Style::new().bg(color(self.colors.search_match)).fg(Color::Black)
        };
        if current { base.add_modifier(Modifier::REVERSED | Modifier::BOLD) } else { base }
    }

    /// An entity mention or date in the text, by label. Without colour each label gets its
    /// own attributes so they stay apart.
    pub fn label(&self, label: Label) -> Style {
        if self.no_color {
            let m = match label {
                Label::Per => Modifier::BOLD,
                Label::Org => Modifier::UNDERLINED,
                Label::Loc => Modifier::ITALIC,
                Label::Misc => Modifier::BOLD | Modifier::ITALIC,
                Label::Date => Modifier::UNDERLINED | Modifier::ITALIC,
            };
            return Style::new().add_modifier(m);
        }
        let c = match label {
            Label::Per => self.colors.per,
            Label::Org => self.colors.org,
            Label::Loc => self.colors.loc,
            Label::Misc => self.colors.misc,
            Label::Date => self.colors.date,
        };
        Style::new().fg(color(c))
    }

    /// A mention under one of the config's own labels: its `color` (shown as MISC without
    /// colour, or when the label has none).
    pub fn user_label(&self, c: Option<config::Color>) -> Style {
        match c {
            Some(c) if !self.no_color => Style::new().fg(color(c)),
            _ => self.label(Label::Misc),
        }
    }

    /// Mentions of the selected entity; the one under the cursor stands out most.
    pub fn selected_mention(&self, base: Style, cursor: bool) -> Style {
        let base = base.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        if cursor { base.add_modifier(Modifier::REVERSED) } else { base }
    }

    /// The caret in the article text: the character it is on.
    pub fn caret(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// Words being selected for annotation.
    pub fn selection(&self) -> Style {
        if self.no_color {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
        } else {
            Style::new().bg(color(self.colors.accent)).fg(Color::Black)
        }
    }

    /// A mention the user accepted or added (suggestions are drawn plain in their colour).
    pub fn accepted(&self, base: Style) -> Style {
        base.add_modifier(Modifier::BOLD)
    }

    pub fn error(&self) -> Style {
        if self.no_color {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new().fg(Color::LightRed)
        }
    }

    pub fn badge(&self) -> Style {
        if self.no_color {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new().bg(color(self.colors.accent)).fg(Color::Black).add_modifier(Modifier::BOLD)
        }
    }
}
