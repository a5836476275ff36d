//! What changes when a served blog becomes files: where each address is
//! written, how links with a query string (which a static server ignores)
//! are pointed at files, and the parts of a page that need a server (the
//! comment form, reply links, search box) taken out. Pure text functions.

use std::borrow::Cow;

use percent_encoding::percent_decode_str;

/// Where the response for `path` (no query) is written inside the output
/// directory, or `None` when the path cannot be a file (`..`, NUL).
///
/// Paths ending in `/` become `DIR/index.html`; so do addresses without a
/// file name of their own (`/search/label/X`, `/feeds/posts/default`), which
/// static servers answer from `X/index.html` after adding the slash.
pub fn file_for(path: &str) -> Option<String> {
    let decoded = percent_decode_str(path).decode_utf8().ok()?;
    if !decoded.starts_with('/') || decoded.contains(['\0', '\\']) {
        return None;
    }
    let segments: Vec<&str> = decoded[1..].split('/').collect();
    let last = segments.len() - 1;
    for (i, s) in segments.iter().enumerate() {
        if matches!(*s, "." | "..") || (s.is_empty() && i != last) {
            return None;
        }
    }
    // Label names may hold dots (`v1.2`), feed addresses never do; every
    // address under `/media/` is an uploaded file.
    let is_file = (decoded.starts_with("/media/") && !segments[last].is_empty())
        || (!decoded.starts_with("/search/")
            && [".html", ".xml", ".txt", ".css", ".json"]
                .iter()
                .any(|ext| segments[last].ends_with(ext)));
    let rel = &decoded[1..];
    Some(if is_file {
        rel.to_owned()
    } else if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        format!("{rel}/index.html")
    })
}

/// A link found in a page, split into what a static server sees and the rest.
#[derive(Debug, PartialEq, Eq)]
pub struct Link<'a> {
    pub path: &'a str,
    pub query: Option<&'a str>,
    pub fragment: Option<&'a str>,
}

/// Splits a root-relative link (`/p?q#f`); `None` for anything else
/// (other sites, `//host`, `#fragment`, `mailto:`).
pub fn local(href: &str) -> Option<Link<'_>> {
    if !href.starts_with('/') || href.starts_with("//") {
        return None;
    }
    let (rest, fragment) = match href.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (href, None),
    };
    let (path, query) = match rest.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (rest, None),
    };
    Some(Link {
        path,
        query,
        fragment,
    })
}

/// The value of `key` in a query string, as written.
pub fn param<'a>(query: &'a str, key: &str) -> Option<&'a str> {
    query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
}

/// Most links hold no entity; they are passed on without a copy.
fn unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.replace("&quot;", "\"")
            .replace("&#x27;", "'")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&"),
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Where `needle` next occurs in `hay` at or after `from`, looked for by its
/// byte at `anchor`: one byte is found by a fast scan (memchr), and a byte
/// rare in pages (`=`, `<`, `:`) stops it seldom, which beats a general
/// substring search over every page of a blog.
fn find_by(hay: &str, from: usize, needle: &str, anchor: usize) -> Option<usize> {
    let byte = *needle.as_bytes().get(anchor)?;
    if !byte.is_ascii() {
        return hay.get(from..)?.find(needle).map(|i| from + i);
    }
    let mut at = from + anchor;
    loop {
        // An ASCII byte is never inside a longer character: skip to one.
        while at < hay.len() && !hay.is_char_boundary(at) {
            at += 1;
        }
        let i = at + hay.get(at..)?.find(char::from(byte))?;
        let start = i - anchor;
        if hay.as_bytes()[start..].starts_with(needle.as_bytes()) {
            return Some(start);
        }
        at = i + 1;
    }
}

/// `html` with each `href` that `map` answers for replaced by its answer.
pub fn rewrite_links(html: &str, mut map: impl FnMut(&str) -> Option<String>) -> String {
    const HREF: &str = "href=\"";
    let mut out = String::with_capacity(html.len());
    let mut done = 0;
    while let Some(i) = find_by(html, done, HREF, 4) {
        let start = i + HREF.len();
        out.push_str(&html[done..start]);
        let end = html[start..].find('"').map_or(html.len(), |e| start + e);
        let value = &html[start..end];
        match map(&unescape(value)) {
            Some(new) => out.push_str(&escape(&new)),
            None => out.push_str(value),
        }
        done = end;
    }
    out.push_str(&html[done..]);
    out
}

/// The uploads a page shows (`/media/…` in an `<img>`'s `src` and
/// `srcset`), each as often as it is named: the files a static copy must
/// carry beside the pages (links to them are followed like any other).
pub fn media_sources(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for attr in ["src=\"", "srcset=\""] {
        let mut from = 0;
        while let Some(i) = find_by(html, from, attr, attr.len() - 2) {
            let start = i + attr.len();
            let end = html[start..].find('"').map_or(html.len(), |e| start + e);
            from = end;
            // `srcset`'s copies are `ADDRESS WIDTHw`, comma-separated.
            for candidate in html[start..end].split(',') {
                let address = candidate.split_whitespace().next().unwrap_or_default();
                if address.starts_with("/media/") {
                    out.push(address);
                }
            }
        }
    }
    out
}

/// What [`without_server_parts`] takes out: an element's exact opening tag,
/// the first closing tag after it, and whether the notice that comments are
/// closed stands in its place.
const SERVER_PARTS: [(&str, &str, bool); 3] = [
    (
        "<section class=\"comment-form-section\" id=\"comment-form\">",
        "</section>",
        true,
    ),
    ("<p class=\"comment-actions\">", "</p>", false),
    (
        "<section class=\"widget search-widget\">",
        "</section>",
        false,
    ),
];

/// The notice that stands where the comment form was, its words (in the
/// blog's language) escaped.
pub fn comments_closed(words: &str) -> String {
    format!(
        "<section class=\"comment-form-section\" id=\"comment-form\">\
         <p class=\"comments-closed\">{}</p></section>",
        tidings_render::escape_html(words)
    )
}

/// A page without what only a server can do: the comment form (a static host
/// cannot take a POST, and its signed token would be stale), the reply
/// links that lead to it, and the search box; `closed` ([`comments_closed`])
/// stands where the form was. One pass over the tags; a page with none of
/// them is not copied.
pub fn without_server_parts<'a>(html: &'a str, closed: &str) -> Cow<'a, str> {
    let mut out: Option<String> = None;
    let mut done = 0;
    let mut at = 0;
    while let Some(i) = html[at..].find('<') {
        let start = at + i;
        at = start + 1;
        let tag = &html[start..];
        for (open, close, notice) in SERVER_PARTS {
            if tag.starts_with(open)
                && let Some(j) = tag.find(close)
            {
                let out = out.get_or_insert_with(|| String::with_capacity(html.len()));
                out.push_str(&html[done..start]);
                if notice {
                    out.push_str(closed);
                }
                done = start + j + close.len();
                at = done;
                break;
            }
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut out) => {
            out.push_str(&html[done..]);
            Cow::Owned(out)
        }
    }
}

/// Directives a policy in a `<meta>` element cannot carry: browsers ignore
/// them there (with a warning in the console).
const HEADER_ONLY_DIRECTIVES: [&str; 4] = ["frame-ancestors", "report-uri", "report-to", "sandbox"];

/// `html` with `policy`, the Content-Security-Policy the live page was
/// served with, as a `<meta http-equiv>` at the start of its `<head>`
/// (after the charset, before anything it governs). A static host sends no
/// such header, so without it a static copy would run whatever a link or an
/// old comment smuggled in; with it the copy forbids script as the live
/// blog does. Directives only a header can carry are left out.
pub fn with_csp_meta(html: &str, policy: &str) -> String {
    let kept: Vec<&str> = policy
        .split(';')
        .map(str::trim)
        .filter(|d| {
            let name = d.split_whitespace().next().unwrap_or_default();
            !d.is_empty() && !HEADER_ONLY_DIRECTIVES.contains(&name.to_ascii_lowercase().as_str())
        })
        .collect();
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        escape(&kept.join("; "))
    );
    let at = ["<meta charset=\"utf-8\">", "<head>"]
        .iter()
        .find_map(|tag| html.find(tag).map(|i| i + tag.len()));
    match at {
        Some(i) => format!("{}\n{meta}{}", &html[..i], &html[i..]),
        // Not a page of ours: nothing to govern from its head.
        None => html.to_owned(),
    }
}

/// `text` with the absolute base URL the pages were rendered under
/// (`http://HOST`) replaced by the one the files will be served at.
pub fn rebase(text: &str, rendered: &str, public: &str) -> String {
    if rendered == public {
        return text.to_owned();
    }
    let anchor = rendered.find(':').unwrap_or(0);
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    while let Some(i) = find_by(text, done, rendered, anchor) {
        let after = &text[i + rendered.len()..];
        out.push_str(&text[done..i]);
        // Only the whole host: `http://localhost` is not `http://localhostx`.
        if after.is_empty() || after.starts_with(['/', '"', '<', '\'', ' ', '\n', '?', '#']) {
            out.push_str(public);
        } else {
            out.push_str(rendered);
        }
        done = i + rendered.len();
    }
    out.push_str(&text[done..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_for_addresses() {
        assert_eq!(file_for("/").unwrap(), "index.html");
        assert_eq!(file_for("/2014/").unwrap(), "2014/index.html");
        assert_eq!(file_for("/2014/05/a.html").unwrap(), "2014/05/a.html");
        assert_eq!(file_for("/p/about.html").unwrap(), "p/about.html");
        assert_eq!(
            file_for("/search/label/K%C3%BCche%20%26%20Keller").unwrap(),
            "search/label/Küche & Keller/index.html"
        );
        assert_eq!(
            file_for("/search/label/v1.2").unwrap(),
            "search/label/v1.2/index.html"
        );
        assert_eq!(
            file_for("/feeds/posts/default").unwrap(),
            "feeds/posts/default/index.html"
        );
        assert_eq!(
            file_for("/feeds/posts/default/rss.xml").unwrap(),
            "feeds/posts/default/rss.xml"
        );
        assert_eq!(file_for("/sitemap.xml").unwrap(), "sitemap.xml");
        assert_eq!(file_for("/static/simple.css").unwrap(), "static/simple.css");
        assert_eq!(
            file_for("/media/u/ab-320.webp").unwrap(),
            "media/u/ab-320.webp"
        );
        let page = r#"<img src="/media/u/ab.jpg" srcset="/media/u/ab-320.jpg 320w, /media/u/ab.jpg 1400w"><img src="https://x.example/y.png"><a href="/media/u/cd.png">"#;
        assert_eq!(
            media_sources(page),
            ["/media/u/ab.jpg", "/media/u/ab-320.jpg", "/media/u/ab.jpg"]
        );
        assert_eq!(file_for("/search/label/%2E%2E"), None);
        assert_eq!(file_for("/a//b"), None);
        assert_eq!(file_for("/search/label/a%00"), None);
    }

    #[test]
    fn links_are_split_and_rewritten() {
        assert_eq!(
            local("/search?updated-max=x&max-results=7#top"),
            Some(Link {
                path: "/search",
                query: Some("updated-max=x&max-results=7"),
                fragment: Some("top")
            })
        );
        assert_eq!(local("https://x.org/"), None);
        assert_eq!(local("//x.org/"), None);
        assert_eq!(param("a=1&alt=rss", "alt"), Some("rss"));
        let html = r#"<a href="/search?a=1&amp;b=2">x</a> <a href="/keep">y</a>"#;
        let out = rewrite_links(html, |h| {
            h.starts_with("/search").then(|| "/page/2/".into())
        });
        assert_eq!(out, r#"<a href="/page/2/">x</a> <a href="/keep">y</a>"#);
    }

    #[test]
    fn needles_are_found_past_other_text() {
        let hay = "Küche a=b href=x <a href=\"/k\">ö</a> href=\"/l\"";
        let first = hay.find("href=\"").unwrap();
        assert_eq!(find_by(hay, 0, "href=\"", 4), Some(first));
        assert_eq!(find_by(hay, first + 1, "href=\"", 4), hay.rfind("href=\""));
        assert_eq!(find_by(hay, hay.len(), "href=\"", 4), None);
        assert_eq!(find_by("x http://h", 0, "http://h", 4), Some(2));
    }

    #[test]
    fn server_parts_are_taken_out() {
        let html = "<li><p class=\"comment-actions\"><a>Reply</a></p></li>\
            <section class=\"comment-form-section\" id=\"comment-form\"><h2>Post a Comment</h2>\
            <form>…</form></section><aside><section class=\"widget search-widget\"><form></form>\
            </section><section class=\"widget\">Labels</section></aside>";
        let closed = comments_closed("Closed <here>.");
        let out = without_server_parts(html, &closed);
        assert!(!out.contains("<form"));
        assert!(!out.contains("Reply"));
        assert!(out.contains("<p class=\"comments-closed\">Closed &lt;here&gt;.</p>"));
        assert!(out.contains("Labels"));
    }

    #[test]
    fn the_live_policy_goes_into_the_head() {
        let html = "<!doctype html>\n<html><head>\n<meta charset=\"utf-8\">\n<title>x</title>";
        let out = with_csp_meta(
            html,
            "default-src 'self'; script-src 'none'; frame-ancestors 'none'; base-uri 'none'",
        );
        assert_eq!(
            out,
            "<!doctype html>\n<html><head>\n<meta charset=\"utf-8\">\n<meta \
             http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; \
             script-src 'none'; base-uri 'none'\">\n<title>x</title>"
        );
        assert_eq!(with_csp_meta("no head", "script-src 'none'"), "no head");
    }

    #[test]
    fn only_the_whole_host_is_rebased() {
        assert_eq!(
            rebase(
                "<a href=\"http://localhost/x\">http://localhostx</a> http://localhost",
                "http://localhost",
                "https://blog.example.org"
            ),
            "<a href=\"https://blog.example.org/x\">http://localhostx</a> https://blog.example.org"
        );
    }
}
