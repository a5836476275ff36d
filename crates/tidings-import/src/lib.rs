//! Moving in: Blogger and WordPress exports read into plain structs, then
//! turned into one [`ImportBatch`] that the store writes all or nothing.
//!
//! Parsing is pure (bytes in, structs or items out), so every quirk of real
//! exports is unit-tested with strings. An import reads its file as a stream
//! and hands each item to the store as it is read (`outline` and `stream`
//! in each format's module); `parse` reads a file whole. This crate knows the export formats; it does not
//! know SQL (the store writes the batch) or HTTP (old addresses become rows the
//! web layer answers with 301s).

pub mod blogger;
pub mod export;
pub mod frontmatter;
mod input;
pub mod markdown;
pub mod media;
pub mod site_config;
mod text;
pub mod tidings;
pub mod wordpress;
mod xml;

pub use text::comment_text;

/// The owner's note for a post whose body nests past
/// [`tidings_render::MAX_NESTING`]: the import flattens it rather than refuse
/// the whole blog for one post (`sanitize_html` drops the tags past that
/// level and keeps their text), and says so, naming the post.
fn too_deep_note(post: std::fmt::Arguments<'_>, html: &str) -> Option<String> {
    tidings_render::check_nesting(html)
        .err()
        .map(|e| flattened_note(post, e))
}

fn flattened_note(post: impl std::fmt::Display, e: tidings_render::TooDeep) -> String {
    format!(
        "{post}: its body {e}; imported with the tags past that level left out, their text kept"
    )
}
/// Author HTML as a post stores it: sanitised, and what list pages show of
/// it when it has a jump break (empty when not), cut once here so no list
/// page parses a body.
fn stored_body(html: &str) -> (String, String) {
    let clean = tidings_render::sanitize_html(html);
    let teaser = tidings_render::teaser(&clean).unwrap_or_default();
    (clean, teaser)
}

pub use tidings_store::{ExportSnapshot, ImportBatch, ImportReport};

/// The largest Blogger or WordPress export one import reads, and the
/// largest export of any format read from a pipe: 256 MiB. A file is read
/// as a stream, but a pipe is held to be read twice, an XML record is held
/// whole and an import is one transaction, so without a limit an endless
/// stream (a pipe, `/dev/zero`) would exhaust memory or disk before any
/// error. Exports of even large blogs are a few tens of megabytes (bodies
/// are text; images are links). Our own format, which carries uploads, is
/// limited per record instead (`tidings/read.rs`).
pub const MAX_EXPORT_BYTES: u64 = 256 * 1024 * 1024;

/// Reads a whole export from `reader` (an opened file or pipe), refusing it
/// with an [`std::io::ErrorKind::FileTooLarge`] error as soon as it has seen
/// more than [`MAX_EXPORT_BYTES`], so memory stays bounded whatever comes in.
pub fn read_export(reader: impl std::io::Read) -> std::io::Result<Vec<u8>> {
    read_at_most(reader, MAX_EXPORT_BYTES)
}

fn read_at_most(mut reader: impl std::io::Read, limit: u64) -> std::io::Result<Vec<u8>> {
    // Read in chunks, then copy them into one buffer of the exact size,
    // dropping each chunk as it is copied: memory peaks near the file's size
    // (a growing buffer would hold the old and the doubled one at once), and
    // an endless stream is refused holding no more than the limit.
    const CHUNK: usize = 4 << 20;
    let mut chunks = Vec::new();
    let mut total: u64 = 0;
    loop {
        let mut chunk = vec![0u8; CHUNK];
        let mut filled = 0;
        while filled < CHUNK {
            match reader.read(&mut chunk[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        total += filled as u64;
        if total > limit {
            return Err(std::io::Error::new(
                std::io::ErrorKind::FileTooLarge,
                format!(
                    "the file is larger than {} MiB, the most one import reads",
                    limit / (1024 * 1024)
                ),
            ));
        }
        chunk.truncate(filled);
        let last = filled < CHUNK;
        chunks.push(chunk);
        if last {
            break;
        }
    }
    let mut bytes = Vec::with_capacity(total as usize);
    for chunk in chunks {
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

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

/// A post's description as an import keeps it: one line, cut to what a
/// post may hold (a summary, so nothing is refused), without characters
/// XML cannot carry.
pub(crate) fn description(s: &str) -> String {
    let line = one_line(&tidings_core::xml_chars::strip(s));
    line.chars()
        .take(tidings_core::Post::MAX_DESCRIPTION_CHARS)
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_stream_is_refused_at_the_limit() {
        let limit = 1024 * 1024;
        let e = read_at_most(std::io::repeat(b'<'), limit).unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::FileTooLarge);
        assert_eq!(
            e.to_string(),
            "the file is larger than 1 MiB, the most one import reads"
        );
        let exact = vec![b'x'; limit as usize];
        assert_eq!(read_at_most(&exact[..], limit).unwrap().len(), exact.len());
    }
}
