//! Resource limits: hostile or huge inputs load (or are refused) in bounded time and memory.
//! Each case runs in a child process so its peak memory (VmHWM) is its own.
//!
//!     cargo bench --bench limits
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and measuring code: a failure should stop it loudly

mod common;

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use byline::command::Command as Key;
use byline::config::Config;
use byline::library::{Limits, load_file};
use byline::model::{Action, Settings};
use byline::service::index::index_source;
use byline::service::{Session, Source};
use byline::store::Store;
use byline::ui::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Writes the input of one case.
fn make(case: &str, path: &Path) {
    let para = include_str!("../assets/mali-russie-2022-11-21.txt").replace('\n', "\n\n");
    let data: Vec<u8> = match case {
        "article-50MB" => {
            let mut s = String::from("A fifty megabyte story\n\n");
            while s.len() < 50_000_000 {
                s.push_str(&para);
            }
            s.into_bytes()
        }
        "line-5MB" => {
            let line = para.replace('\n', " ");
            let mut s = String::new();
            while s.len() < 5_000_000 {
                s.push_str(&line);
            }
            s.into_bytes()
        }
        "feed-20000-items" => {
            let mut s =
                String::from("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big</title>");
            for i in 0..20_000 {
                let _ = write!(
                    s,
                    "<item><title>Item {i}</title><link>http://x/{i}</link><description>Texte {i} de la dépêche.</description></item>"
                );
            }
            s.push_str("</channel></rss>");
            s.into_bytes()
        }
        "html-100000-deep" => {
            let mut s = String::from("<html><body>");
            s.push_str(&"<div>".repeat(100_000));
            s.push_str("<p>Deep text of the page, a paragraph long enough to be the main text.</p>");
            s.push_str(&"</div>".repeat(100_000));
            s.push_str("</body></html>");
            s.into_bytes()
        }
        "json-1000000-deep" => {
            let mut s = "[".repeat(1_000_000);
            s.push_str(&"]".repeat(1_000_000));
            s.into_bytes()
        }
        // Flow collections nested deep in YAML front matter (400 KB), and a mix of sequences
        // and mappings: libyaml's work per token grows with the depth.
        "yaml-400KB-nested" => nested_front_matter("---", "title: ", "[", "]", 200_000),
        "yaml-400KB-mixed" => nested_front_matter("---", "title: ", "[{a: ", "}]", 66_000),
        "toml-400KB-nested" => nested_front_matter("+++", "title = ", "[", "]", 200_000),
        // One word of 10 MB: opening it wraps it into 125,000 lines of 80 cells.
        "word-10MB" => {
            let mut s = String::from("One long word\n\n");
            s.push_str(&"abcdefghij".repeat(1_000_000));
            s.into_bytes()
        }
        _ => Vec::new(),
    };
    std::fs::write(path, data).expect("write case");
}

/// A Markdown story whose front matter (between `fence` lines) opens `n` collections at once.
fn nested_front_matter(fence: &str, key: &str, open: &str, close: &str, n: usize) -> Vec<u8> {
    format!("{fence}\n{key}{}{}\n{fence}\n\nThe body of the story.\n", open.repeat(n), close.repeat(n))
        .into_bytes()
}

/// In the child: load, and when it loaded analyse the first article as opening it does
/// (`analysis::facts_for`, which analyses at most `MAX_ANALYSED_BYTES`), and report.
fn run_case(case: &str, path: &Path) {
    let t = Instant::now();
    let outcome = load_file(path, &Limits::default());
    let loaded = t.elapsed();
    let (what, extract_ms) = match &outcome {
        Ok(l) => {
            let t = Instant::now();
            let mentions: usize = l
                .articles
                .iter()
                .take(1)
                .map(|a| byline::service::analysis::facts_for(a, None).entities.len())
                .sum();
            (
                format!("loaded {} article(s); first has {mentions} entities", l.articles.len()),
                t.elapsed().as_secs_f64() * 1e3,
            )
        }
        Err(e) => (format!("refused: {}", e.reason()), 0.0),
    };
    if outcome.is_ok() && case.starts_with("word") {
        open_in_reader(case, path);
    }
    println!(
        "{case:<18} load {:>8.0} ms  extract {:>8.0} ms  peak {:>6.0} MB  {what}",
        loaded.as_secs_f64() * 1e3,
        extract_ms,
        common::peak_mb()
    );
}

/// Indexes the file into a fresh database and opens its story as the reader does (the story
/// listed, loaded, laid out and drawn at 120×40), saying how long each took.
fn open_in_reader(case: &str, path: &Path) {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = Source::Paths(vec![path.to_path_buf()]);
    let mut store = Store::open(&dir.path().join("byline.db")).expect("open db");
    let t = Instant::now();
    index_source(&mut store, &source, &Limits::default(), &mut |_, _| {}).expect("index");
    let indexed = t.elapsed();
    let config = Config::default();
    let theme = Theme::new(config.theme.clone(), false);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
    let t = Instant::now();
    let mut session = Session::new(store, source.scopes(), 120, 40, Settings::default()).expect("session");
    session.dispatch(Action::Command(Key::Open));
    common::draw(&mut terminal, &session, &config, &theme);
    let lines = session.state.reader.lines.len();
    println!(
        "{case:<18} index {:>7.0} ms  open and draw {:>7.0} ms  ({lines} lines)",
        indexed.as_secs_f64() * 1e3,
        t.elapsed().as_secs_f64() * 1e3
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--case") {
        let (Some(case), Some(path)) = (args.get(i + 1), args.get(i + 2)) else { return };
        run_case(case, Path::new(path));
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let exe = std::env::current_exe().expect("own path");
    for (case, ext) in [
        ("article-50MB", "txt"),
        ("line-5MB", "txt"),
        ("feed-20000-items", "xml"),
        ("html-100000-deep", "html"),
        ("json-1000000-deep", "json"),
        ("yaml-400KB-nested", "md"),
        ("yaml-400KB-mixed", "md"),
        ("toml-400KB-nested", "md"),
        ("word-10MB", "txt"),
    ] {
        let path = dir.path().join(format!("{case}.{ext}"));
        make(case, &path);
        let status = Command::new(&exe).arg("--case").arg(case).arg(&path).status().expect("run case");
        if !status.success() {
            println!("{case:<18} FAILED: {status}");
        }
    }
}
