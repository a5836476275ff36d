//! The markup an imported comment may keep: the short allowlist a comment
//! form could one day offer (`a`, `b`, `strong`, `i`, `em`, `code`, `pre`,
//! `blockquote`, `q`, `ul`, `ol`, `li`, `del`, `p`, `br`), everything else
//! made text. Only imports use it: a comment written here is plain text
//! ([`comment_to_html`](crate::comment_to_html)), and stays so.
//!
//! Links keep only `href` (http, https, mailto) and are marked
//! `rel="nofollow ugc noopener"`, as every commenter's link: the blog lends
//! its reputation to nobody's spam.

use std::sync::LazyLock;

use ammonia::{Builder, UrlRelative};

const TAGS: &[&str] = &[
    "a",
    "b",
    "strong",
    "i",
    "em",
    "code",
    "pre",
    "blockquote",
    "q",
    "ul",
    "ol",
    "li",
    "del",
    "p",
    "br",
];

static SANITIZER: LazyLock<Builder<'static>> = LazyLock::new(|| {
    let mut b = Builder::empty();
    b.tags(TAGS.iter().copied().collect())
        .clean_content_tags(
            [
                "script", "style", "iframe", "object", "template", "textarea", "title",
            ]
            .into_iter()
            .collect(),
        )
        .generic_attributes(std::collections::HashSet::new())
        .tag_attributes(
            [("a", ["href"].into_iter().collect())]
                .into_iter()
                .collect(),
        )
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .url_relative(UrlRelative::Deny)
        .link_rel(Some("nofollow ugc noopener"))
        .strip_comments(true);
    b
});

/// An imported comment's HTML with the allowed markup kept, or `None` when
/// it holds none of it (the comment is then shown from its plain text, as
/// any other). Line breaks in text with markup become paragraphs and `<br>`,
/// as WordPress shows comments; a comment already in paragraphs keeps them.
pub fn comment_markup(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let has_markup = TAGS.iter().any(|t| {
        lower
            .match_indices(&format!("<{t}"))
            .any(|(i, m)| lower[i + m.len()..].starts_with(['>', ' ', '/', '\n', '\t']))
    });
    if !has_markup {
        return None;
    }
    let shaped = if lower.contains("<p") || lower.contains("<br") {
        html.to_owned()
    } else {
        paragraphs(html)
    };
    let flat = crate::nesting::flatten(&shaped);
    let clean = SANITIZER
        .clean(flat.as_deref().unwrap_or(&shaped))
        .to_string();
    let clean = tidings_core::xml_chars::replace(&clean).into_owned();
    // A block element inside a line closes its paragraph, as in a browser:
    // the empty paragraphs that leaves say nothing.
    Some(clean.replace("<p></p>", "").trim().to_owned())
}

/// Blank lines as paragraph breaks and single newlines as `<br>`, outside
/// `<pre>`, where they already show.
fn paragraphs(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    if text.to_ascii_lowercase().contains("<pre") {
        return text;
    }
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>", p.replace('\n', "<br>\n")))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::comment_markup;

    #[test]
    fn allowed_markup_is_kept_and_the_rest_is_text() {
        assert_eq!(
            comment_markup("Look: <blockquote>quoted</blockquote>\n\n<ul><li>one</li></ul> <span style=\"x\">s</span><img src=\"x.png\"><script>alert(1)</script>").unwrap(),
            "<p>Look: </p><blockquote>quoted</blockquote>\n<ul><li>one</li></ul> s"
        );
        assert_eq!(
            comment_markup(r#"<p>A <a href="https://x.test/" onclick="x()" title="t">link</a> and <a href="javascript:alert(1)">bad</a></p>"#).unwrap(),
            r#"<p>A <a href="https://x.test/" rel="nofollow ugc noopener">link</a> and <a rel="nofollow ugc noopener">bad</a></p>"#
        );
    }

    #[test]
    fn plain_text_is_left_to_the_plain_path() {
        assert_eq!(comment_markup("Just words, 1 < 2."), None);
        assert_eq!(comment_markup("<span>only spans</span>"), None);
        assert_eq!(comment_markup("<bold>no</bold>"), None);
    }

    #[test]
    fn line_breaks_become_paragraphs() {
        assert_eq!(
            comment_markup("One <em>two</em>\nthree\n\nfour").unwrap(),
            "<p>One <em>two</em><br>\nthree</p>\n<p>four</p>"
        );
        assert_eq!(
            comment_markup("<pre>a\n\nb</pre>").unwrap(),
            "<pre>a\n\nb</pre>"
        );
    }
}
