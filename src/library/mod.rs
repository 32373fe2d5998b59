//! Loading stored articles. (Placeholder module surface until the format loaders land.)

pub mod article;

use std::path::PathBuf;

pub use article::Article;

/// A file that could not be loaded, with a one-line reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

/// Size and count limits applied while loading.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_file_bytes: u64,
    pub max_items_per_file: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_file_bytes: 50 * 1024 * 1024, max_items_per_file: 20_000 }
    }
}

pub struct Parsed {
    pub articles: Vec<Article>,
    pub warnings: Vec<String>,
}

// TEMPORARY: plain text only, replaced by the format loaders.
pub fn parse_bytes(path: &std::path::Path, bytes: &[u8], _limits: &Limits) -> Result<Parsed, String> {
    let text = String::from_utf8_lossy(bytes);
    let paras: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let (title, body) = match paras.split_first() {
        Some((t, rest)) if t.len() < 90 && !rest.is_empty() => {
            (t.trim_start_matches("# ").to_string(), rest.join("\n\n"))
        }
        _ => (paras.first().map(|p| p.chars().take(60).collect()).unwrap_or_default(), paras.join("\n\n")),
    };
    Ok(Parsed {
        articles: vec![Article {
            id: format!("{:x}", path.display().to_string().len()),
            title,
            body,
            path: path.to_path_buf(),
            ..Article::default()
        }],
        warnings: vec![],
    })
}

pub fn load_paths(paths: &[PathBuf], limits: &Limits) -> (Vec<Article>, Vec<Skipped>) {
    let mut out = (Vec::new(), Vec::new());
    for p in paths {
        match std::fs::read(p) {
            Ok(b) => match parse_bytes(p, &b, limits) {
                Ok(parsed) => out.0.extend(parsed.articles),
                Err(reason) => out.1.push(Skipped { path: p.clone(), reason }),
            },
            Err(e) => out.1.push(Skipped { path: p.clone(), reason: e.to_string() }),
        }
    }
    out
}
pub mod store;
