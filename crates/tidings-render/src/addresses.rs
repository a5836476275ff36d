//! The addresses a post's sanitised HTML links pictures by: each `<img>`'s
//! `src` and each `<a>`'s `href`, replaced in place, for a move
//! that brings a blog's pictures home (`import … --fetch-media`).
//!
//! Like `pictures.rs`, it reads our own sanitiser's output, where every
//! attribute is written `name="value"`, so a tag ends at the first `>`
//! outside quotes and no parser is needed.

/// Each `(tag, attribute)` whose value is an address of a picture.
const LINKS: &[(&str, &str)] = &[("img", "src"), ("a", "href")];
/// Those and the copies a responsive image lists.
const WITH_SRCSET: &[(&str, &str)] = &[("img", "src"), ("img", "srcset"), ("a", "href")];

/// `html` with each picture address `new` answers for replaced by its
/// answer (written as it is, so it must need no escaping); `None` when none
/// was.
pub fn replace_picture_links(html: &str, new: impl Fn(&str) -> Option<String>) -> Option<String> {
    replace(html, LINKS, new)
}

/// `html` with every address of an upload (`/media/…`, in `<img src>`,
/// `<img srcset>` and `<a href>`) made absolute on `base`
/// (`https://host`), for a file another site reads (a Blogger or WordPress
/// export); `None` when there was none.
pub fn absolute_media(html: &str, base: &str) -> Option<String> {
    replace(html, WITH_SRCSET, |value| {
        let mut changed = false;
        let parts: Vec<String> = value
            .split(',')
            .map(|part| {
                let address = part.trim_start();
                if address.starts_with("/media/") {
                    changed = true;
                    format!("{}{base}{address}", &part[..part.len() - address.len()])
                } else {
                    part.to_owned()
                }
            })
            .collect();
        changed.then(|| parts.join(","))
    })
}

fn replace(
    html: &str,
    links: &'static [(&'static str, &'static str)],
    new: impl Fn(&str) -> Option<String>,
) -> Option<String> {
    let mut out = String::with_capacity(html.len());
    let mut done = 0;
    for (start, end) in values(html, links) {
        if let Some(address) = new(&html[start..end]) {
            out.push_str(&html[done..start]);
            out.push_str(&address);
            done = end;
        }
    }
    (done > 0).then(|| {
        out.push_str(&html[done..]);
        out
    })
}

/// Where the value of each `links` attribute is in `html`, in order.
fn values<'a>(
    html: &'a str,
    links: &'static [(&'static str, &'static str)],
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let mut from = 0;
    let mut pending: Vec<(usize, usize)> = Vec::new();
    std::iter::from_fn(move || {
        loop {
            if !pending.is_empty() {
                return Some(pending.remove(0));
            }
            let start = from + html.get(from..)?.find('<')?;
            let mut quoted = false;
            let end = start
                + html[start..].find(|c| {
                    quoted ^= c == '"';
                    c == '>' && !quoted
                })?;
            from = end + 1;
            let tag = &html[start + 1..end];
            let name_len = tag
                .find(|c: char| c.is_whitespace() || c == '/')
                .unwrap_or(tag.len());
            let name = &tag[..name_len];
            if !links.iter().any(|(t, _)| *t == name) {
                continue;
            }
            let mut rest = start + 1 + name_len;
            while let Some(eq) = html[rest..end].find("=\"") {
                let attr = html[rest..rest + eq].trim().trim_start_matches('/').trim();
                let value_start = rest + eq + 2;
                let Some(len) = html[value_start..end].find('"') else {
                    break;
                };
                if links.iter().any(|&(t, a)| t == name && a == attr) {
                    pending.push((value_start, value_start + len));
                }
                rest = value_start + len + 1;
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uploads_are_made_absolute_for_other_sites() {
        let html = r#"<a href="/media/u/ab.jpg"><img src="/media/u/ab.jpg" srcset="/media/u/ab-320.jpg 320w, /media/u/ab.jpg 1400w" alt="x"></a><a href="/2020/01/p.html">p</a><img src="https://elsewhere.example/x.png">"#;
        assert_eq!(
            absolute_media(html, "https://blog.example").unwrap(),
            r#"<a href="https://blog.example/media/u/ab.jpg"><img src="https://blog.example/media/u/ab.jpg" srcset="https://blog.example/media/u/ab-320.jpg 320w, https://blog.example/media/u/ab.jpg 1400w" alt="x"></a><a href="/2020/01/p.html">p</a><img src="https://elsewhere.example/x.png">"#
        );
        assert_eq!(absolute_media("<p>x</p>", "https://b"), None);
    }

    const HTML: &str = r#"<p><a href="https://h/s1600/x.jpg"><img alt="a > b" src="https://h/s320/x.jpg"></a> <abbr title="x">y</abbr> <area href="z"><img src="/media/u/ab.jpg" /></p>"#;

    #[test]
    fn image_sources_and_link_targets_are_found_and_replaced() {
        let seen = std::cell::RefCell::new(Vec::new());
        replace_picture_links(HTML, |a| {
            seen.borrow_mut().push(a.to_owned());
            None
        });
        assert_eq!(
            seen.into_inner(),
            [
                "https://h/s1600/x.jpg",
                "https://h/s320/x.jpg",
                "/media/u/ab.jpg"
            ]
        );
        let moved = replace_picture_links(HTML, |a| {
            a.starts_with("https://h/")
                .then(|| "/media/u/cd.jpg".to_owned())
        });
        assert_eq!(
            moved.unwrap(),
            r#"<p><a href="/media/u/cd.jpg"><img alt="a > b" src="/media/u/cd.jpg"></a> <abbr title="x">y</abbr> <area href="z"><img src="/media/u/ab.jpg" /></p>"#
        );
    }
}
