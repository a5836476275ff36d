//! Where an imported file is served once `--fetch-media` copied it: its old
//! upload path under `/media/` (`…/wp-content/uploads/2011/07/img.jpg` →
//! `/media/2011/07/img.jpg`), spelled so that it is safe as a file path in
//! the data directory and as a URL path without escaping.

/// The prefix every local copy is served under.
pub const PREFIX: &str = "/media/";

/// The most path segments a local path keeps (the last ones).
const MAX_SEGMENTS: usize = 8;
/// The most bytes one segment keeps.
const MAX_SEGMENT: usize = 100;

/// The path a copy of the file at `url` is served at: what follows
/// `/wp-content/uploads/` (or a multisite's `/files/`, or else the whole
/// path), each segment spelled with ASCII letters, digits, `.`, `-` and `_`
/// only. `None` when no file name is left.
pub fn local_path(url: &str) -> Option<String> {
    let path = crate::url_path(url)?;
    let path = path.split('?').next().unwrap_or_default();
    let upload = ["/wp-content/uploads/", "/files/"]
        .iter()
        .find_map(|marker| path.find(marker).map(|i| &path[i + marker.len()..]))
        .unwrap_or(path);
    let mut segments: Vec<String> = upload
        .split('/')
        .map(|s| segment(&crate::wordpress::percent_decode(s)))
        .collect();
    // The file name is the last segment, never a directory moved up.
    if segments.last().is_none_or(String::is_empty) {
        return None;
    }
    segments.retain(|s| !s.is_empty());
    let keep = &segments[segments.len().saturating_sub(MAX_SEGMENTS)..];
    Some(format!("{PREFIX}{}", keep.join("/")))
}

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

/// Whether `path` is one [`local_path`] could answer: `/media/` and safe,
/// non-empty segments. Files named in an import are checked with this
/// before anything is served from them.
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

/// The addresses by which posts may link the file at `url`: as given, over
/// the other scheme, and scheme-relative (`//host/path`).
pub fn old_urls(url: &str) -> Vec<String> {
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return vec![url.to_owned()];
    };
    vec![
        format!("https://{rest}"),
        format!("http://{rest}"),
        format!("//{rest}"),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upload_paths_are_kept_and_made_safe() {
        assert_eq!(
            local_path("https://example.org/wp-content/uploads/2011/07/img.jpg").as_deref(),
            Some("/media/2011/07/img.jpg")
        );
        assert_eq!(
            local_path("https://wpthemetestdata.files.wordpress.com/2008/06/canola2.jpg?w=300")
                .as_deref(),
            Some("/media/2008/06/canola2.jpg")
        );
        assert_eq!(
            local_path("http://example.org/blog/files/2010/01/caf%C3%A9 au lait.png").as_deref(),
            Some("/media/2010/01/caf-au-lait.png")
        );
        assert_eq!(
            local_path("http://example.org/wp-content/uploads/../../etc/.passwd").as_deref(),
            Some("/media/etc/passwd")
        );
        assert_eq!(
            local_path("http://example.org/wp-content/uploads/2011/"),
            None
        );
        assert_eq!(
            local_path("http://example.org/wp-content/uploads/2011/.."),
            None
        );
        assert_eq!(local_path("http://example.org"), None);
        assert_eq!(local_path("mailto:x"), None);
    }

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
        assert_eq!(
            old_urls("https://h/a.jpg"),
            ["https://h/a.jpg", "http://h/a.jpg", "//h/a.jpg"]
        );
    }
}
