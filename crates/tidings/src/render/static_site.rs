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
    // Label names may hold dots (`v1.2`), feed addresses never do.
    let is_file = !decoded.starts_with("/search/")
        && [".html", ".xml", ".txt", ".css", ".json"]
            .iter()
            .any(|ext| segments[last].ends_with(ext));
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

/// `html` with each `href` that `map` answers for replaced by its answer.
pub fn rewrite_links(html: &str, mut map: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("href=\"") {
        out.push_str(&rest[..i + 6]);
        rest = &rest[i + 6..];
        let end = rest.find('"').unwrap_or(rest.len());
        let value = &rest[..end];
        match map(&unescape(value)) {
            Some(new) => out.push_str(&escape(&new)),
            None => out.push_str(value),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The element that starts with `open` (an exact opening tag) and ends with
/// the first `close` after it, for every occurrence, replaced by `with`.
fn replace_elements<'a>(html: &'a str, open: &str, close: &str, with: &str) -> Cow<'a, str> {
    // Most pages lack most of these parts: no copy for them.
    if !html.contains(open) {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(open) {
        let Some(j) = rest[i..].find(close) else {
            break;
        };
        out.push_str(&rest[..i]);
        out.push_str(with);
        rest = &rest[i + j + close.len()..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The notice that stands where the comment form was.
pub const COMMENTS_CLOSED: &str = "<section class=\"comment-form-section\" id=\"comment-form\">\
<p class=\"comments-closed\">This is a static copy of the blog: comments are closed here.</p>\
</section>";

/// A page without what only a server can do: the comment form (a static host
/// cannot take a POST, and its signed token would be stale), the reply
/// links that lead to it, and the search box.
pub fn without_server_parts(html: &str) -> Cow<'_, str> {
    let html = replace_elements(
        html,
        "<section class=\"comment-form-section\" id=\"comment-form\">",
        "</section>",
        COMMENTS_CLOSED,
    );
    let html = match replace_elements(&html, "<p class=\"comment-actions\">", "</p>", "") {
        Cow::Borrowed(_) => html,
        Cow::Owned(o) => Cow::Owned(o),
    };
    match replace_elements(
        &html,
        "<section class=\"widget search-widget\">",
        "</section>",
        "",
    ) {
        Cow::Borrowed(_) => html,
        Cow::Owned(o) => Cow::Owned(o),
    }
}

/// `text` with the absolute base URL the pages were rendered under
/// (`http://HOST`) replaced by the one the files will be served at.
pub fn rebase(text: &str, rendered: &str, public: &str) -> String {
    if rendered == public {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(rendered) {
        let after = &rest[i + rendered.len()..];
        out.push_str(&rest[..i]);
        // Only the whole host: `http://localhost` is not `http://localhostx`.
        if after.is_empty() || after.starts_with(['/', '"', '<', '\'', ' ', '\n', '?', '#']) {
            out.push_str(public);
        } else {
            out.push_str(rendered);
        }
        rest = after;
    }
    out.push_str(rest);
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
    fn server_parts_are_taken_out() {
        let html = "<li><p class=\"comment-actions\"><a>Reply</a></p></li>\
            <section class=\"comment-form-section\" id=\"comment-form\"><h2>Post a Comment</h2>\
            <form>…</form></section><aside><section class=\"widget search-widget\"><form></form>\
            </section><section class=\"widget\">Labels</section></aside>";
        let out = without_server_parts(html);
        assert!(!out.contains("<form"));
        assert!(!out.contains("Reply"));
        assert!(out.contains(COMMENTS_CLOSED));
        assert!(out.contains("Labels"));
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
