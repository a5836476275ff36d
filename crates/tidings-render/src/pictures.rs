//! Uploaded pictures in a post's sanitised HTML, made responsive: each
//! `<img>` whose `src` is an upload gets its `width` and `height` (no jump
//! while it loads), a `srcset` of its narrower copies with `sizes` (a phone
//! downloads the 640 px copy, not the 4000 px original), `loading="lazy"`,
//! and the upload's alt text where the author wrote none.
//!
//! It runs on our own sanitiser's output, where every attribute is written
//! `name="value"` with `"` escaped inside it, so a tag ends at the first `>`
//! outside quotes (a value may hold a raw `>`) and attributes are read
//! without a parser.

use crate::escape_html;

/// What a post needs to know of an upload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub width: u32,
    pub height: u32,
    pub alt: String,
    /// Its files in its own format, the original included: (path, width).
    pub sources: Vec<(String, u32)>,
}

/// How wide a picture shows: the whole screen on a phone, the column (at
/// most 720 px) beyond.
const SIZES: &str = "(max-width: 720px) 100vw, 720px";

/// The attributes this module writes, dropped from the author's tag first.
const OURS: &[&str] = &["width", "height", "srcset", "sizes", "loading"];

/// A post's featured image at `address` as its page shows it, through the
/// sanitiser like every picture of a body (so [`responsive_images`] reads
/// it); the alt text is empty: the picture adorns the post, its title says
/// what it is about. Empty when the sanitiser keeps no picture of it.
pub fn featured_image(address: &str) -> String {
    if address.trim().is_empty() {
        return String::new();
    }
    let html = crate::sanitize_html(&format!(r#"<img src="{}" alt="">"#, escape_html(address)));
    // The sanitiser keeps an `<img>` whose address it dropped (`javascript:`).
    if html.contains(" src=") {
        html
    } else {
        String::new()
    }
}

/// The `src` of every `<img>` of `html`, as written (entities and all).
pub fn image_sources(html: &str) -> Vec<String> {
    images(html)
        .filter_map(|(start, end)| {
            attributes(&html[start..end])
                .into_iter()
                .find(|(name, _)| *name == "src")
                .map(|(_, value)| value.to_owned())
        })
        .collect()
}

/// `html` with every `<img>` whose `src` `find` knows made responsive;
/// `None` when there was none.
pub fn responsive_images(html: &str, find: impl Fn(&str) -> Option<Picture>) -> Option<String> {
    let mut out = String::with_capacity(html.len() + 256);
    let mut done = 0;
    for (start, end) in images(html) {
        let attrs = attributes(&html[start..end]);
        let Some(picture) = attrs
            .iter()
            .find(|(name, _)| *name == "src")
            .and_then(|(_, src)| find(src))
        else {
            continue;
        };
        out.push_str(&html[done..start]);
        out.push_str("<img");
        for (name, value) in &attrs {
            if OURS.contains(name) || (*name == "alt" && value.is_empty()) {
                continue;
            }
            out.push_str(&format!(" {name}=\"{value}\""));
        }
        if !attrs
            .iter()
            .any(|(name, value)| *name == "alt" && !value.is_empty())
        {
            out.push_str(&format!(" alt=\"{}\"", escape_html(&picture.alt)));
        }
        let srcset: Vec<String> = picture
            .sources
            .iter()
            .map(|(path, w)| format!("{} {w}w", escape_html(path)))
            .collect();
        out.push_str(&format!(
            " width=\"{}\" height=\"{}\" srcset=\"{}\" sizes=\"{SIZES}\" loading=\"lazy\">",
            picture.width,
            picture.height,
            srcset.join(", ")
        ));
        done = end + 1;
    }
    (done > 0).then(|| {
        out.push_str(&html[done..]);
        out
    })
}

/// The widest copy a feed shows: a reader's column is narrower, and the
/// original may be a camera's 6000 px.
const FEED_WIDTH: u32 = 1280;

/// `html` as a feed carries it: each upload's `<img>` (a `src` under
/// `/media/`) shows its widest copy up to [`FEED_WIDTH`] at an absolute
/// address under `base` (`https://blog.example`), without the `srcset`,
/// `sizes` and `loading` a feed reader would resolve against the wrong
/// site or not at all; `width` and `height` stay (the copies keep the
/// original's shape). Other pictures are left as they are.
pub fn feed_images(html: &str, base: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut done = 0;
    for (start, end) in images(html) {
        let attrs = attributes(&html[start..end]);
        let Some(src) = attrs
            .iter()
            .find(|(name, _)| *name == "src")
            .map(|(_, src)| *src)
            .filter(|src| src.starts_with("/media/"))
        else {
            continue;
        };
        let chosen = attrs
            .iter()
            .find(|(name, _)| *name == "srcset")
            .and_then(|(_, set)| feed_copy(set))
            .unwrap_or(src);
        out.push_str(&html[done..start]);
        out.push_str("<img");
        for (name, value) in &attrs {
            match *name {
                "src" => out.push_str(&format!(" src=\"{}{chosen}\"", escape_html(base))),
                "srcset" | "sizes" | "loading" => {}
                _ => out.push_str(&format!(" {name}=\"{value}\"")),
            }
        }
        out.push('>');
        done = end + 1;
    }
    out.push_str(&html[done..]);
    out
}

/// Of a `srcset` (`PATH 320w, PATH 640w, …`), the widest copy up to
/// [`FEED_WIDTH`], or the narrowest when every one is wider.
fn feed_copy(srcset: &str) -> Option<&str> {
    let copies = srcset.split(',').filter_map(|c| {
        let (path, width) = c.trim().split_once(' ')?;
        Some((path, width.trim().strip_suffix('w')?.parse::<u32>().ok()?))
    });
    let (fitting, wider): (Vec<_>, Vec<_>) = copies.partition(|(_, w)| *w <= FEED_WIDTH);
    fitting
        .into_iter()
        .max_by_key(|(_, w)| *w)
        .or_else(|| wider.into_iter().min_by_key(|(_, w)| *w))
        .map(|(path, _)| path)
}

/// Where each `<img …>` of `html` is: from its `<` to (not including) its `>`.
fn images(html: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let start = from + html[from..].find("<img ")?;
        let mut quoted = false;
        let end = start
            + html[start..].find(|c| {
                quoted ^= c == '"';
                c == '>' && !quoted
            })?;
        from = end + 1;
        Some((start, end))
    })
}

/// The `name="value"` pairs of a tag's text (`<img src="…" alt="…"`, with
/// or without a closing `/`), values as written.
fn attributes(tag: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = tag.trim_start_matches("<img");
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq].trim().trim_start_matches('/').trim();
        let value_start = eq + 2;
        let Some(len) = rest[value_start..].find('"') else {
            break;
        };
        out.push((name, &rest[value_start..value_start + len]));
        rest = &rest[value_start + len + 1..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_address_is_no_featured_image() {
        assert_eq!(featured_image(""), "");
        assert_eq!(featured_image("  "), "");
        assert_eq!(featured_image("javascript:alert(1)"), "");
        assert!(featured_image("/media/u/ab.jpg").contains(r#"src="/media/u/ab.jpg""#));
    }

    fn barn(src: &str) -> Option<Picture> {
        (src == "/media/u/ab.jpg").then(|| Picture {
            width: 1400,
            height: 900,
            alt: "A red barn".into(),
            sources: vec![
                ("/media/u/ab-320.jpg".into(), 320),
                ("/media/u/ab-640.jpg".into(), 640),
                ("/media/u/ab.jpg".into(), 1400),
            ],
        })
    }

    #[test]
    fn uploads_get_their_sizes_and_copies() {
        let html = r#"<p><img src="/media/u/ab.jpg" alt=""> and <img src="https://elsewhere.example/x.png" alt="x"></p>"#;
        assert_eq!(
            image_sources(html),
            ["/media/u/ab.jpg", "https://elsewhere.example/x.png"]
        );
        let out = responsive_images(html, barn).unwrap();
        assert_eq!(
            out,
            "<p><img src=\"/media/u/ab.jpg\" alt=\"A red barn\" width=\"1400\" height=\"900\" \
             srcset=\"/media/u/ab-320.jpg 320w, /media/u/ab-640.jpg 640w, /media/u/ab.jpg 1400w\" \
             sizes=\"(max-width: 720px) 100vw, 720px\" loading=\"lazy\"> and \
             <img src=\"https://elsewhere.example/x.png\" alt=\"x\"></p>"
        );
        // A `>` inside a value does not end the tag.
        let tricky = r#"<img src="/media/u/ab.jpg" alt="x><script>alert(1)</script>">"#;
        let out = responsive_images(tricky, barn).unwrap();
        assert!(
            out.starts_with(
                r#"<img src="/media/u/ab.jpg" alt="x><script>alert(1)</script>" width="#
            ),
            "{out}"
        );
        assert!(out.ends_with("loading=\"lazy\">"), "{out}");
        let own =
            responsive_images(r#"<img src="/media/u/ab.jpg" alt="Mine" width="5">"#, barn).unwrap();
        assert!(
            own.contains("alt=\"Mine\"")
                && !own.contains("A red barn")
                && !own.contains("width=\"5\"")
        );
        assert_eq!(responsive_images("<p>no pictures</p>", barn), None);
    }

    #[test]
    fn feeds_show_an_absolute_copy_up_to_1280_px() {
        let big = Picture {
            sources: vec![
                ("/media/u/ab-320.jpg".into(), 320),
                ("/media/u/ab-1280.jpg".into(), 1280),
                ("/media/u/ab-2048.jpg".into(), 2048),
                ("/media/u/ab.jpg".into(), 4000),
            ],
            ..barn("/media/u/ab.jpg").unwrap()
        };
        let html = r#"<p><img src="/media/u/ab.jpg" alt="a"> <img src="https://elsewhere.example/x.png" alt="x"></p>"#;
        let shown =
            responsive_images(html, |src| (src == "/media/u/ab.jpg").then(|| big.clone())).unwrap();
        assert_eq!(
            feed_images(&shown, "https://blog.example"),
            "<p><img src=\"https://blog.example/media/u/ab-1280.jpg\" alt=\"a\" width=\"1400\" \
             height=\"900\"> <img src=\"https://elsewhere.example/x.png\" alt=\"x\"></p>"
        );
        // No copy as narrow: the narrowest; no srcset: the file itself.
        assert_eq!(
            feed_copy("/a-2048.jpg 2048w, /a.jpg 3000w"),
            Some("/a-2048.jpg")
        );
        assert_eq!(
            feed_images(r#"<img src="/media/u/small.png">"#, "http://h"),
            r#"<img src="http://h/media/u/small.png">"#
        );
        assert_eq!(feed_images("<p>none</p>", "http://h"), "<p>none</p>");
    }
}
