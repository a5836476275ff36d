//! A theme's directory read into a `ThemeSource`: every `*.html` file is a
//! template, named by its path in the theme (`gadgets/labels.html`), and
//! every file under `static/` a static file. Anything else (a README, a
//! licence) is left alone. What cannot be read becomes a problem the admin
//! shows, never a failure: the built-in theme fills in.

use std::path::Path;

use tidings_theme::{Problem, ThemeSource};

/// A template larger than this is not read: the built-in one stays.
const MAX_TEMPLATE_BYTES: u64 = 1 << 20;
/// A static file larger than this is not served.
const MAX_FILE_BYTES: u64 = 16 << 20;
/// Files read from one theme at most, and how deep its folders go.
const MAX_FILES: usize = 1_000;
const MAX_DEPTH: usize = 8;

/// Reads the theme in `dir`.
pub(super) fn theme(dir: &Path) -> ThemeSource {
    let mut source = ThemeSource::default();
    if !dir.is_dir() {
        let name = dir.file_name().unwrap_or_default().to_string_lossy();
        source.problems.push(problem(
            &name,
            format!(
                "{} is not on this server: every node needs the theme in its own data directory",
                dir.display()
            ),
        ));
        return source;
    }
    let mut files = Vec::new();
    walk(dir, "", 0, &mut files, &mut source.problems);
    for (path, len) in files {
        let full = dir.join(&path);
        if let Some(rest) = path.strip_prefix("static/") {
            if len > MAX_FILE_BYTES {
                source.problems.push(too_large(&path, MAX_FILE_BYTES));
                continue;
            }
            match std::fs::read(&full) {
                Ok(body) => source.files.push((rest.to_owned(), body)),
                Err(e) => source.problems.push(problem(&path, e.to_string())),
            }
        } else if path.ends_with(".html") {
            if len > MAX_TEMPLATE_BYTES {
                source.problems.push(too_large(&path, MAX_TEMPLATE_BYTES));
                continue;
            }
            match std::fs::read_to_string(&full) {
                Ok(text) => source.templates.push((path, text)),
                Err(e) => source.problems.push(problem(&path, e.to_string())),
            }
        }
    }
    source
}

/// Every regular file under `dir` (by its path from the theme's root, with
/// `/` between folders) and its size; hidden files and folders left out.
fn walk(
    dir: &Path,
    prefix: &str,
    depth: usize,
    out: &mut Vec<(String, u64)>,
    problems: &mut Vec<Problem>,
) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return problems.push(problem(prefix, e.to_string())),
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        let path = format!("{prefix}{name}");
        // `metadata` follows a link, as serving the file would.
        let Ok(meta) = std::fs::metadata(entry.path()) else {
            continue;
        };
        if meta.is_dir() && depth < MAX_DEPTH {
            walk(&entry.path(), &format!("{path}/"), depth + 1, out, problems);
        } else if meta.is_file() {
            if out.len() == MAX_FILES {
                return problems.push(problem(
                    &path,
                    format!("a theme holds at most {MAX_FILES} files; the rest are left out"),
                ));
            }
            out.push((path, meta.len()));
        }
    }
}

/// The themes in `dir`: its folders whose names a blog's `theme` may take.
pub(super) fn names(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .filter(|n| tidings_core::blog::check_theme_name(n).is_ok())
        .collect();
    names.sort();
    names
}

fn problem(path: &str, message: String) -> Problem {
    Problem {
        template: path.to_owned(),
        line: None,
        message,
    }
}

fn too_large(path: &str, limit: u64) -> Problem {
    problem(path, format!("larger than {} KiB: left out", limit >> 10))
}
