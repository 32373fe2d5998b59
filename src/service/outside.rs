//! Out of the reader: which browser command opens a URL (from the config, else `$BROWSER`,
//! else `xdg-open`), whether it runs in the terminal (the reader then steps aside while it
//! runs), and the OSC 52 escape that puts text on the clipboard, over ssh and in tmux too.
//! Pure: the app loop runs the command and writes the escape.

/// A browser command ready to run: the program and its arguments, the address one of them
/// (never passed through a shell).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrowserCommand {
    pub argv: Vec<String>,
    /// A terminal browser (w3m, lynx…): it needs the terminal, so the reader is suspended.
    pub terminal: bool,
}

/// Browsers that draw in the terminal they are started from.
const TERMINAL_BROWSERS: [&str; 7] = ["w3m", "lynx", "links", "links2", "elinks", "browsh", "carbonyl"];

/// The command that opens `address`: `configured` (`[reader] browser`) over `env` (the value
/// of `$BROWSER`; of a colon-separated list, its first command) over `xdg-open`. Each `%s`
/// becomes the address (`%%` a `%`); without one, the address is the last argument.
/// `terminal` (`[reader] browser_is_terminal`) overrides the guess from the program's name.
pub fn browser_command(
    configured: Option<&str>,
    env: Option<&str>,
    terminal: Option<bool>,
    address: &str,
) -> Result<BrowserCommand, String> {
    let from_env = env.and_then(|e| e.split(':').map(str::trim).find(|c| !c.is_empty()));
    let line = configured.map(str::trim).filter(|c| !c.is_empty()).or(from_env).unwrap_or("xdg-open");
    let words = split_args(line)?;
    if words.first().is_none_or(|w| w.is_empty()) {
        return Err(format!("the browser command {line:?} names no program"));
    }
    let mut placed = false;
    let mut argv: Vec<String> = words
        .iter()
        .map(|w| {
            let (arg, had) = fill(w, address);
            placed |= had;
            arg
        })
        .collect();
    if !placed {
        argv.push(address.to_string());
    }
    let program = argv[0].rsplit('/').next().unwrap_or("").to_string();
    let terminal = terminal.unwrap_or(TERMINAL_BROWSERS.contains(&program.as_str()));
    Ok(BrowserCommand { argv, terminal })
}

/// `word` with `%s` replaced by `address` and `%%` by `%`; and whether it held a `%s`.
fn fill(word: &str, address: &str) -> (String, bool) {
    let mut out = String::with_capacity(word.len());
    let mut had = false;
    let mut chars = word.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('s') => {
                out.push_str(address);
                had = true;
            }
            Some('%') => out.push('%'),
            Some(other) => {
                out.push('%');
                out.push(other);
            }
            None => out.push('%'),
        }
    }
    (out, had)
}

/// Splits a command line into words as a POSIX shell would, without expanding anything:
/// blanks separate words, 'single quotes' keep everything, "double quotes" keep all but `\"`
/// and `\\`, a backslash outside quotes keeps the next character.
pub fn split_args(line: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => words.extend(word.take()),
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(c) => w.push(c),
                        None => return Err(format!("unclosed ' in the browser command {line:?}")),
                    }
                }
            }
            '"' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(c @ ('"' | '\\' | '$' | '`')) => w.push(c),
                            Some(c) => {
                                w.push('\\');
                                w.push(c);
                            }
                            None => return Err(format!("unclosed \" in the browser command {line:?}")),
                        },
                        Some(c) => w.push(c),
                        None => return Err(format!("unclosed \" in the browser command {line:?}")),
                    }
                }
            }
            '\\' => {
                let w = word.get_or_insert_with(String::new);
                if let Some(c) = chars.next() {
                    w.push(c);
                }
            }
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    Ok(words)
}

/// The OSC 52 escape that sets the clipboard to `text`: `ESC ] 52 ; c ; BASE64 BEL`.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 (RFC 4648), with padding.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://example.org/a?b=c&d='e'";

    fn argv(configured: Option<&str>, env: Option<&str>) -> Vec<String> {
        browser_command(configured, env, None, URL).unwrap().argv
    }

    #[test]
    fn the_address_replaces_percent_s_or_comes_last_as_one_argument() {
        assert_eq!(argv(None, Some("firefox --new-tab %s")), ["firefox", "--new-tab", URL]);
        assert_eq!(argv(None, Some("firefox")), ["firefox", URL]);
        assert_eq!(argv(None, None), ["xdg-open", URL]);
        assert_eq!(argv(None, Some("  ")), ["xdg-open", URL]);
        // The config wins over the environment; $BROWSER may list several, the first is used.
        assert_eq!(
            argv(Some("lynx -accept_all_cookies"), Some("firefox")),
            ["lynx", "-accept_all_cookies", URL]
        );
        assert_eq!(argv(None, Some("w3m:firefox")), ["w3m", URL]);
        // In a word of its own or inside one; %% is a percent sign.
        assert_eq!(
            argv(None, Some("browser --url=%s --zoom=100%%")),
            ["browser", &format!("--url={URL}"), "--zoom=100%"]
        );
    }

    #[test]
    fn quotes_and_backslashes_split_as_a_shell_would_without_running_one() {
        assert_eq!(
            argv(None, Some(r#""/opt/My Browser/bin/browser" --profile 'work stuff' a\ b "say \"hi\"" %s"#)),
            ["/opt/My Browser/bin/browser", "--profile", "work stuff", "a b", "say \"hi\"", URL]
        );
        assert_eq!(split_args("a '' b").unwrap(), ["a", "", "b"]);
        assert_eq!(split_args("'$HOME' `x` ;rm").unwrap(), ["$HOME", "`x`", ";rm"]);
        assert!(split_args("firefox 'open").is_err());
        assert!(split_args("firefox \"open").is_err());
        assert!(browser_command(Some("''"), None, None, URL).is_err());
    }

    #[test]
    fn terminal_browsers_are_known_by_name_or_by_the_config() {
        let term = |cmd: &str, is: Option<bool>| browser_command(Some(cmd), None, is, URL).unwrap().terminal;
        assert!(term("w3m", None));
        assert!(term("/usr/bin/lynx -nocolor %s", None));
        assert!(term("elinks", None));
        assert!(!term("firefox", None));
        assert!(!term("xdg-open", None));
        assert!(term("my-tui-browser", Some(true)));
        assert!(!term("w3m", Some(false)));
    }

    #[test]
    fn osc52_is_base64_between_the_escape_and_bel() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64("sécurité ✓".as_bytes()), "c8OpY3VyaXTDqSDinJM=");
        assert_eq!(base64(&[0xff, 0xfe, 0x00]), "//4A");
        assert_eq!(osc52("https://a.b/"), "\x1b]52;c;aHR0cHM6Ly9hLmIv\x07");
        // Whatever the text holds, the escape carries no control character of its own.
        let escape = osc52("\x1b]0;pwned\x07\n");
        assert!(escape[7..escape.len() - 1].chars().all(|c| c.is_ascii_alphanumeric() || "+/=".contains(c)));
    }
}
