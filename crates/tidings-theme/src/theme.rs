//! A blog's own theme: templates that replace the built-in ones by file
//! name, and static files served under names carrying their content's hash.
//!
//! A theme is compiled once when it is read (every template parsed then,
//! never per request) and rendered with the same one-template cost as the
//! built-in theme. Whatever in it fails, to parse or to render, costs the
//! reader nothing: that page is drawn by the built-in theme instead, and the
//! failure is kept, with its template and line, for the admin to show and
//! logged the first time it happens (not at every request).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use minijinja::Value;

use crate::files::{content_type_of, hashed_name};
use crate::templates::{RenderError, Templates};

/// What a theme's directory holds, read by the caller (this crate does no
/// I/O): templates by their path in the theme (`base.html`,
/// `gadgets/labels.html`) and static files by their path under `static/`.
#[derive(Default)]
pub struct ThemeSource {
    pub templates: Vec<(String, String)>,
    pub files: Vec<(String, Vec<u8>)>,
    /// What reading the directory ran into (a file too large, not UTF-8,
    /// a directory missing on this node), kept with the theme's own.
    pub problems: Vec<Problem>,
}

/// Something wrong with a theme, as the admin shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// The template or file, as named in the theme.
    pub template: String,
    pub line: Option<usize>,
    pub message: String,
}

impl Problem {
    /// A template's syntax or render error, where minijinja says it is.
    fn from_error(template: &str, e: &minijinja::Error) -> Self {
        let message = match e.detail() {
            Some(detail) => format!("{}: {detail}", e.kind()),
            None => e.kind().to_string(),
        };
        Self {
            template: e.name().unwrap_or(template).to_owned(),
            line: e.line(),
            message,
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}, line {line}: {}", self.template, self.message),
            None => write!(f, "{}: {}", self.template, self.message),
        }
    }
}

/// One static file of a theme.
pub struct ThemeFile {
    /// Its path under the theme's `static/`, e.g. `simple.css`.
    pub name: String,
    /// That path with its content's hash, e.g. `simple.1a2b3c4d5e6f.css`.
    pub hashed: String,
    pub content_type: &'static str,
    pub body: Arc<[u8]>,
}

/// Where a theme's static files are served, under their hashed names.
pub const FILES_PATH: &str = "/theme-files/";

/// A theme ready to draw pages: the built-in one, or a blog's own.
pub struct Theme {
    /// The directory's name; empty for the built-in theme.
    name: String,
    /// The theme's templates over the built-in ones; `None`: the built-in
    /// theme, drawn by the caller's templates alone.
    templates: Option<Templates>,
    files: Vec<ThemeFile>,
    problems: Mutex<Vec<Problem>>,
}

impl Theme {
    /// The built-in theme: every page from the embedded templates.
    pub fn builtin() -> Self {
        Self {
            name: String::new(),
            templates: None,
            files: Vec::new(),
            problems: Mutex::default(),
        }
    }

    /// Compiles theme `name` from what its directory holds: every template
    /// parsed now; one that does not parse is left out (the built-in one of
    /// its name stays) and kept as a problem.
    pub fn compile(name: &str, source: ThemeSource) -> Self {
        let files: Vec<ThemeFile> = source
            .files
            .into_iter()
            .map(|(path, body)| ThemeFile {
                hashed: hashed_name(&path, &body),
                content_type: content_type_of(&path),
                name: path,
                body: body.into(),
            })
            .collect();
        let mut urls = crate::files::urls()
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect::<BTreeMap<_, _>>();
        for f in &files {
            urls.insert(f.name.clone(), format!("{FILES_PATH}{}", f.hashed));
        }
        let mut problems = source.problems;
        let own = source
            .templates
            .iter()
            .map(|(path, text)| (path.clone(), text.clone()));
        let templates = Templates::themed(urls, own, |path, e| {
            problems.push(Problem::from_error(path, e));
        });
        for p in &problems {
            tracing::warn!("theme {name}: {p}");
        }
        Self {
            name: name.to_owned(),
            templates: Some(templates),
            files,
            problems: Mutex::new(problems),
        }
    }

    /// The theme's name; empty for the built-in theme.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Renders `template` in this theme; if the theme's version fails, the
    /// built-in one (`builtin`) draws the page, and the failure is kept
    /// (and logged the first time).
    pub fn render(
        &self,
        builtin: &Templates,
        template: &str,
        ctx: Value,
    ) -> Result<String, RenderError> {
        let Some(own) = &self.templates else {
            return builtin.render(template, ctx);
        };
        match own.render_raw(template, ctx.clone()) {
            Ok(html) => Ok(html),
            Err(e) => {
                self.keep(Problem::from_error(template, &e));
                builtin.render(template, ctx)
            }
        }
    }

    /// Keeps `problem` unless it is known, logging it the first time.
    fn keep(&self, problem: Problem) {
        let mut kept = self.problems.lock().unwrap_or_else(|e| e.into_inner());
        if !kept.contains(&problem) {
            tracing::warn!(
                "theme {}: {problem}; the built-in template drew the page",
                self.name
            );
            kept.push(problem);
        }
    }

    /// What went wrong with this theme so far on this node: its reading,
    /// its parsing, and every distinct render failure.
    pub fn problems(&self) -> Vec<Problem> {
        self.problems
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The static file served under `hashed`.
    pub fn file(&self, hashed: &str) -> Option<&ThemeFile> {
        self.files.iter().find(|f| f.hashed == hashed)
    }
}

/// Every file `tidings theme export` writes, by its path in the theme:
/// the reader pages' templates and the built-in stylesheet under `static/`.
/// The admin's templates and files are not a theme's: a theme never
/// changes the admin, so a broken one cannot lock its owner out.
pub fn builtin_files() -> Vec<(String, &'static [u8])> {
    let templates = crate::templates::public_templates()
        .map(|(name, source)| (name.to_owned(), source.as_bytes()));
    let files =
        crate::files::public_files().map(|f| (format!("static/{}", f.name), f.body.as_bytes()));
    templates.chain(files).collect()
}

#[cfg(test)]
mod tests;
