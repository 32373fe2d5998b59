//! Loading many files and folders: recursion, ordering, skipping, unique ids.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{Article, Limits, Skipped, format_of, load_file, unique_id};

/// Loads files and folders (recursively, in name order). Hidden entries inside folders are
/// skipped, symlink loops are not followed twice, and files with unknown extensions inside
/// folders are ignored silently (they are not articles). A file named explicitly is always
/// tried, its format sniffed if need be. Known files that fail, and bad items inside files
/// that partly loaded, come back as [`Skipped`]. Ids are unique across the whole load.
pub fn load_paths(paths: &[PathBuf], limits: &Limits) -> (Vec<Article>, Vec<Skipped>) {
    let mut articles = Vec::new();
    let mut skipped = Vec::new();
    let mut seen_ids = HashSet::new();
    let mut seen_dirs = HashSet::new();
    for path in paths {
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                skipped.push(skip(path, format!("unreadable: {e}")));
                continue;
            }
        };
        let files = if meta.is_dir() {
            files_under(path, &mut seen_dirs, &mut skipped, &is_article)
        } else {
            vec![path.clone()]
        };
        for file in files {
            load_one(&file, limits, &mut articles, &mut skipped, &mut seen_ids);
        }
    }
    (articles, skipped)
}

/// The article files under `paths` (files named explicitly are always included), in load
/// order, and the paths that could not be read.
pub fn article_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Skipped>) {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    let mut seen_dirs = HashSet::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => files.extend(files_under(path, &mut seen_dirs, &mut skipped, &is_article)),
            Ok(_) => files.push(path.clone()),
            Err(e) => skipped.push(skip(path, format!("unreadable: {e}"))),
        }
    }
    (files, skipped)
}

/// Every file under `root` (or `root` itself when it is a file), whatever its kind, walked as
/// the library is (name order, hidden entries skipped, symlink loops ended), and the paths
/// that could not be read: for the robustness sweeps.
pub fn every_file(root: &Path) -> (Vec<PathBuf>, Vec<Skipped>) {
    let mut skipped = Vec::new();
    let files = match std::fs::metadata(root) {
        Ok(m) if m.is_dir() => files_under(root, &mut HashSet::new(), &mut skipped, &|_| true),
        Ok(_) => vec![root.to_path_buf()],
        Err(e) => {
            skipped.push(skip(root, format!("unreadable: {e}")));
            Vec::new()
        }
    };
    (files, skipped)
}

fn is_article(path: &Path) -> bool {
    format_of(path).is_some()
}

fn skip(path: &Path, reason: impl AsRef<str>) -> Skipped {
    Skipped { path: path.to_path_buf(), reason: super::sanitize::one_line(reason.as_ref(), 300), line: None }
}

fn load_one(
    file: &Path,
    limits: &Limits,
    articles: &mut Vec<Article>,
    skipped: &mut Vec<Skipped>,
    seen_ids: &mut HashSet<String>,
) {
    match load_file(file, limits) {
        Ok(loaded) => {
            for w in loaded.warnings {
                skipped.push(Skipped { path: file.to_path_buf(), reason: w.message, line: w.line });
            }
            for mut a in loaded.articles {
                unique_id(&mut a.id, seen_ids);
                articles.push(a);
            }
        }
        Err(e) => skipped.push(skip(file, e.reason())),
    }
}

/// The files under `dir` that `wanted` accepts, depth first, sorted by name at each level.
/// Iterative, and each directory is entered once (by canonical path), so symlink loops end.
fn files_under(
    dir: &Path,
    seen_dirs: &mut HashSet<PathBuf>,
    skipped: &mut Vec<Skipped>,
    wanted: &dyn Fn(&Path) -> bool,
) -> Vec<PathBuf> {
    let mut others = std::collections::BTreeMap::new();
    let out = walk(dir, seen_dirs, skipped, wanted, &mut others);
    // Files of other kinds are not articles, but they are said, not silently passed over.
    let count: usize = others.values().sum();
    if count > 0 {
        let kinds: Vec<String> = others.iter().map(|(ext, n)| format!("{ext} {n}")).collect();
        let reason = format!("{count} files of other kinds left out ({})", kinds.join(", "));
        skipped.push(skip(dir, reason));
    }
    out
}

/// `files_under`'s walk; the files `wanted` leaves out are counted by extension in `others`.
fn walk(
    dir: &Path,
    seen_dirs: &mut HashSet<PathBuf>,
    skipped: &mut Vec<Skipped>,
    wanted: &dyn Fn(&Path) -> bool,
    others: &mut std::collections::BTreeMap<String, usize>,
) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let canonical = std::fs::canonicalize(&d).unwrap_or_else(|_| d.clone());
        if !seen_dirs.insert(canonical) {
            continue;
        }
        let entries = match std::fs::read_dir(&d) {
            Ok(rd) => rd,
            Err(e) => {
                skipped.push(skip(&d, format!("unreadable: {e}")));
                continue;
            }
        };
        let mut names: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .map(|e| e.path())
            .collect();
        names.sort();
        let mut subdirs = Vec::new();
        for p in names {
            // `metadata` follows symlinks: a link to a folder is walked (once), a dangling
            // link to a wanted file is reported.
            match std::fs::metadata(&p) {
                Ok(m) if m.is_dir() => subdirs.push(p),
                Ok(_) if wanted(&p) => out.push(p),
                Ok(_) => {
                    let ext =
                        p.extension().map_or("no extension".into(), |e| format!(".{}", e.to_string_lossy()));
                    *others.entry(ext).or_default() += 1;
                }
                Err(e) if wanted(&p) => skipped.push(skip(&p, format!("unreadable: {e}"))),
                Err(_) => {}
            }
        }
        // Files of a folder come before its subfolders; subfolders in name order.
        stack.extend(subdirs.into_iter().rev());
    }
    out
}
