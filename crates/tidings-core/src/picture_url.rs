//! The address of a picture's largest copy, from the address of any size of
//! it, for `import … --fetch-media`: a moved-in blog links one picture at
//! several sizes, and it is fetched once, at the largest.
//!
//! Recognised by the shape of the path alone, never by the host (a blog's
//! pictures may be served from a mirror or, in tests, from 127.0.0.1):
//!
//! - Blogger's size segment before the file name, `…/s320/x.jpg`,
//!   `…/w640-h400-c/x.jpg` (Picasa's `bp.blogspot.com` and
//!   `blogger.googleusercontent.com/img/…`): the largest is `…/s0/x.jpg`;
//! - Blogger's size suffix on the last segment, `…/AVvX…=s1600`,
//!   `…=w640-h400`: the largest is `…=s0`;
//! - WordPress's sized copies, `…/img-300x200.jpg`: the original is
//!   `…/img.jpg` ([`wordpress_original`]).

/// The address of the largest copy of the picture at `url`: Blogger's size
/// (a path segment or a `=` suffix, see the module) made `s0`; `None` when
/// `url` names no size.
pub fn blogger_largest(url: &str) -> Option<String> {
    let (before, query) = split_query(url);
    let path_start = path_start(before)?;
    let (dir, name) = before.rsplit_once('/')?;
    if dir.len() < path_start || name.is_empty() {
        return None;
    }
    // `…/AVvX…=s1600`: the suffix of the last segment.
    if let Some((stem, size)) = name.rsplit_once('=')
        && !stem.is_empty()
        && is_size(size)
    {
        return (size != "s0").then(|| format!("{dir}/{stem}=s0{query}"));
    }
    // `…/s320/x.jpg`: the segment before the file name.
    let (parent, size) = dir.rsplit_once('/')?;
    if parent.len() < path_start || !is_size(size) || size == "s0" {
        return None;
    }
    Some(format!("{parent}/s0/{name}{query}"))
}

/// The original of a WordPress sized copy (`…/img-300x200.jpg` →
/// `…/img.jpg`); `None` when the file name has no `-WxH` before its
/// extension.
pub fn wordpress_original(url: &str) -> Option<String> {
    let (before, _) = split_query(url);
    let (dir, name) = before.rsplit_once('/')?;
    let (stem, ext) = name.rsplit_once('.')?;
    let (base, size) = stem.rsplit_once('-')?;
    let (w, h) = size.split_once('x')?;
    let digits = |s: &str| !s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit());
    (!base.is_empty() && !ext.is_empty() && digits(w) && digits(h))
        .then(|| format!("{dir}/{base}.{ext}"))
}

/// `url` before and from its query or fragment.
fn split_query(url: &str) -> (&str, &str) {
    let at = url.find(['?', '#']).unwrap_or(url.len());
    url.split_at(at)
}

/// Where the path of an absolute (`scheme://host/…`) or scheme-relative
/// (`//host/…`) address starts; `None` for any other.
fn path_start(url: &str) -> Option<usize> {
    let after_scheme = match url.find("//") {
        Some(i) if url[..i].is_empty() || url[..i].ends_with(':') => i + 2,
        _ => return None,
    };
    url[after_scheme..].find('/').map(|i| after_scheme + i)
}

/// Blogger's size: `s320`, `s1600-h`, `w640-h400`, `w400-h300-p-k-no-nu`:
/// `s`, `w` or `h` with a number, then options of letters and digits.
fn is_size(s: &str) -> bool {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or_default();
    let sized = |p: &str| {
        p.len() >= 2
            && matches!(p.as_bytes()[0], b's' | b'w' | b'h')
            && p[1..].bytes().all(|b| b.is_ascii_digit())
    };
    s.len() <= 60
        && sized(first)
        && parts.all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blogger_sizes_become_the_largest() {
        let cases = [
            (
                "https://1.bp.blogspot.com/-Ab/VX/AAAAAAAA/Yz/s320/lake.jpg",
                Some("https://1.bp.blogspot.com/-Ab/VX/AAAAAAAA/Yz/s0/lake.jpg"),
            ),
            (
                "http://127.0.0.1:8000/-Ab/VX/AAAAAAAA/Yz/s1600-h/lake.jpg",
                Some("http://127.0.0.1:8000/-Ab/VX/AAAAAAAA/Yz/s0/lake.jpg"),
            ),
            (
                "https://blogger.googleusercontent.com/img/b/R29v/AVvXsE/w640-h400-c/lake.jpg",
                Some("https://blogger.googleusercontent.com/img/b/R29v/AVvXsE/s0/lake.jpg"),
            ),
            (
                "https://blogger.googleusercontent.com/img/b/R29v/AVvXsEh=s1600",
                Some("https://blogger.googleusercontent.com/img/b/R29v/AVvXsEh=s0"),
            ),
            (
                "//blogger.googleusercontent.com/img/a/AVvXsEh=w640-h400?x=1",
                Some("//blogger.googleusercontent.com/img/a/AVvXsEh=s0?x=1"),
            ),
        ];
        for (url, largest) in cases {
            assert_eq!(blogger_largest(url).as_deref(), largest, "{url}");
        }
        for same in [
            "https://1.bp.blogspot.com/-Ab/s0/lake.jpg",
            "https://example.org/photos/lake.jpg",
            "https://example.org/s320",
            "https://example.org/summer/lake.jpg",
            "https://example.org/s320x/lake.jpg",
            "/media/u/ab.jpg",
            "s320/lake.jpg",
            "https://example.org/a=b",
        ] {
            assert_eq!(blogger_largest(same), None, "{same}");
        }
    }

    #[test]
    fn wordpress_sized_copies_name_their_original() {
        assert_eq!(
            wordpress_original(
                "https://example.org/wp-content/uploads/2011/07/img-300x200.jpg?w=1"
            )
            .as_deref(),
            Some("https://example.org/wp-content/uploads/2011/07/img.jpg")
        );
        for same in [
            "https://example.org/wp-content/uploads/2011/07/img.jpg",
            "https://example.org/wp-content/uploads/2011/07/top-10.jpg",
            "https://example.org/wp-content/uploads/2011/07/-300x200.jpg",
            "https://example.org/a-300x.jpg",
        ] {
            assert_eq!(wordpress_original(same), None, "{same}");
        }
    }
}
