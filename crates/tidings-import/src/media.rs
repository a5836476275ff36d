//! Where an attachment of ours is served, as our own export names it: an
//! upload's original (`/media/u/…`), or a copy that versions before uploads
//! made in the data directory under the file's old upload path
//! (`/media/2011/07/img.jpg`), still served. Either is checked before it is
//! imported: safe as a file path in the data directory and as a URL path
//! without escaping.

/// The prefix every attachment of ours is served under.
pub const PREFIX: &str = "/media/";

/// The most path segments a local path keeps (the last ones).
const MAX_SEGMENTS: usize = 8;
/// The most bytes one segment keeps.
const MAX_SEGMENT: usize = 100;

/// One path segment, made safe: other characters become `-` (one for a run),
/// and leading dots go, so no segment is `.`, `..` or a hidden file.
fn segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
            c
        } else {
            '-'
        };
        if !(c == '-' && out.ends_with('-')) {
            out.push(c);
        }
    }
    let out = out.trim_start_matches('.');
    let mut end = out.len().min(MAX_SEGMENT);
    while !out.is_char_boundary(end) {
        end -= 1;
    }
    out[..end].to_owned()
}

/// Whether `path` is `/media/` and safe, non-empty segments. Files named in
/// an import are checked with this before anything is served from them.
pub fn is_local_path(path: &str) -> bool {
    let Some(rest) = path.strip_prefix(PREFIX) else {
        return false;
    };
    let segments: Vec<&str> = rest.split('/').collect();
    segments.len() <= MAX_SEGMENTS
        && segments
            .iter()
            .all(|s| !s.is_empty() && *s == segment(s) && s.len() <= MAX_SEGMENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_safe_local_paths_pass() {
        assert!(is_local_path("/media/2011/07/img.jpg"));
        for bad in [
            "/media/",
            "/media/../x",
            "/media/a//b",
            "/media/.hidden",
            "/p/x.html",
            "/media/a b",
            "/media/a\\b",
        ] {
            assert!(!is_local_path(bad), "{bad}");
        }
    }
}
