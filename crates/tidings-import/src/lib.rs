//! Moving in: Blogger and WordPress exports read into plain structs, then
//! turned into one [`ImportBatch`] that the store writes all or nothing.
//!
//! Parsing is pure (bytes in, structs out), so every quirk of real exports is
//! unit-tested with strings. This crate knows the export formats; it does not
//! know SQL (the store writes the batch) or HTTP (old addresses become rows the
//! web layer answers with 301s).

pub mod blogger;
pub mod export;
pub mod frontmatter;
pub mod markdown;
mod text;
pub mod tidings;
pub mod wordpress;
mod xml;

pub use text::comment_text;
pub use tidings_store::{ImportBatch, ImportReport, Snapshot};

/// Why a file cannot be imported, with the line where that was found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}", line.map(|l| format!("line {l}: ")).unwrap_or_default())]
pub struct ParseError {
    pub line: Option<u64>,
    pub message: String,
}

impl ParseError {
    pub(crate) fn at(line: u64, message: impl Into<String>) -> Self {
        Self {
            line: Some(line),
            message: message.into(),
        }
    }
}

/// A title, label or name as we store it: one line, trimmed.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Labels without blanks or duplicates, in their first order.
pub(crate) fn dedup_labels(labels: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in labels {
        let l = one_line(&l);
        if !l.is_empty() && !out.contains(&l) {
            out.push(l);
        }
    }
    out
}

/// The path (and query) of a URL, without scheme, host or fragment:
/// `https://x.blogspot.com/2014/05/a.html#more` → `/2014/05/a.html`.
pub(crate) fn url_path(url: &str) -> Option<String> {
    let rest = url
        .trim()
        .strip_prefix("https://")
        .or_else(|| url.trim().strip_prefix("http://"))?;
    let path = match rest.find('/') {
        Some(i) => &rest[i..],
        None => "/",
    };
    let path = path.split('#').next().unwrap_or("/");
    Some(path.to_owned())
}
