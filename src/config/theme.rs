//! Colours as the config names them. The UI turns these into terminal colours; this module
//! only parses and holds them.

use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    Reset,
    Black,
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    Gray,
    DarkGray,
    LightRed,
    LightGreen,
    LightYellow,
    LightBlue,
    LightMagenta,
    LightCyan,
    White,
    Indexed(u8),
    Rgb(u8, u8, u8),
}

impl FromStr for Color {
    type Err = String;

    /// Names ("lightblue", "dark_gray"), "#rrggbb", or a 256-colour index ("208").
    fn from_str(s: &str) -> Result<Color, String> {
        let name: String =
            s.trim().to_ascii_lowercase().chars().filter(|c| *c != '_' && *c != '-' && *c != ' ').collect();
        let named = match name.as_str() {
            "reset" | "default" | "none" => Color::Reset,
            "black" => Color::Black,
            "red" => Color::Red,
            "green" => Color::Green,
            "yellow" => Color::Yellow,
            "blue" => Color::Blue,
            "magenta" => Color::Magenta,
            "cyan" => Color::Cyan,
            "gray" | "grey" => Color::Gray,
            "darkgray" | "darkgrey" => Color::DarkGray,
            "lightred" => Color::LightRed,
            "lightgreen" => Color::LightGreen,
            "lightyellow" => Color::LightYellow,
            "lightblue" => Color::LightBlue,
            "lightmagenta" => Color::LightMagenta,
            "lightcyan" => Color::LightCyan,
            "white" => Color::White,
            _ => {
                if let Some(hex) = name.strip_prefix('#') {
                    let v = u32::from_str_radix(hex, 16).ok().filter(|_| hex.len() == 6);
                    let v = v.ok_or_else(|| format!("bad colour {s:?}: expected #rrggbb"))?;
                    return Ok(Color::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8));
                }
                return name.parse::<u8>().map(Color::Indexed).map_err(|_| {
                    format!("unknown colour {s:?}: use a name such as \"lightblue\", \"#rrggbb\" or 0-255")
                });
            }
        };
        Ok(named)
    }
}

/// The colours of every part of the screen that carries meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeColors {
    pub accent: Color,
    pub selection: Color,
    pub search_match: Color,
    pub dim: Color,
    pub per: Color,
    pub org: Color,
    pub loc: Color,
    pub misc: Color,
    pub date: Color,
}

impl Default for ThemeColors {
    fn default() -> Self {
        ThemeColors {
            accent: Color::Cyan,
            selection: Color::Blue,
            search_match: Color::Yellow,
            dim: Color::DarkGray,
            per: Color::LightYellow,
            org: Color::LightCyan,
            loc: Color::LightGreen,
            misc: Color::LightMagenta,
            date: Color::LightBlue,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_hex_and_indexes() {
        assert_eq!("LightBlue".parse(), Ok(Color::LightBlue));
        assert_eq!("dark_gray".parse(), Ok(Color::DarkGray));
        assert_eq!("#ff8000".parse(), Ok(Color::Rgb(255, 128, 0)));
        assert_eq!("208".parse(), Ok(Color::Indexed(208)));
        assert!("#ff80".parse::<Color>().is_err());
        assert!("blurple".parse::<Color>().is_err());
    }
}
