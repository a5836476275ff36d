//! A post's content as WordPress would show it: raw-HTML blocks unwrapped,
//! block-editor content as written, older content given its paragraphs the
//! way `wpautop` does.

/// The HTML WordPress would show for a post's content: one raw-HTML block
/// (what our WXR export writes) is its inside exactly; other block-editor
/// content is shown as written (WordPress skips `wpautop` for blocks); older
/// content gets its paragraphs from [`autop`].
#[cfg(test)]
pub(super) fn wordpress_html(content: &str) -> String {
    converted_html(content, str::to_owned)
}

/// [`wordpress_html`] with `convert` (shortcodes and embeds, `convert.rs`)
/// run on the content first, except on our own export's raw-HTML block,
/// which is our HTML already.
pub(super) fn converted_html(content: &str, convert: impl FnOnce(&str) -> String) -> String {
    if let Some(inner) = content
        .strip_prefix("<!-- wp:html -->\n")
        .and_then(|c| c.strip_suffix("\n<!-- /wp:html -->"))
        .filter(|inner| !inner.contains("<!-- /wp:html -->"))
    {
        return inner.to_owned();
    }
    let content = convert(content);
    if content.contains("<!-- wp:") {
        return content;
    }
    autop(&content)
}

/// The HTML a post stores and what its list pages show (see
/// `crate::stored_body`). WordPress's `<!--noteaser-->` asks that the post's
/// own page not repeat what lists showed: it then starts at the break.
pub(super) fn stored_body(html: &str) -> (String, String) {
    let (clean, teaser) = crate::stored_body(html);
    let noteaser = html.to_ascii_lowercase().contains("<!--noteaser-->");
    match tidings_render::after_break(&clean) {
        Some(rest) if noteaser && !teaser.is_empty() => (rest, teaser),
        _ => (clean, teaser),
    }
}

/// WordPress keeps paragraphs as blank lines and lets its theme add `<p>`
/// (`wpautop`); we store HTML, so we add them here. Chunks that already start
/// with a block element (block-editor content, tables, lists) and everything
/// inside `<pre>` are left as they are.
pub fn autop(html: &str) -> String {
    const BLOCKS: &[&str] = &[
        "<p",
        "<div",
        "<h1",
        "<h2",
        "<h3",
        "<h4",
        "<h5",
        "<h6",
        "<ul",
        "<ol",
        "<li",
        "<dl",
        "<blockquote",
        "<pre",
        "<table",
        "<figure",
        "<hr",
        "<!--",
        "<address",
        "<section",
        "<iframe",
        "<form",
        "<script",
        "<style",
        "<object",
        "<video",
        "<audio",
    ];
    let text = html.replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len() + 64);
    let mut in_pre = 0i32;
    for chunk in text.split("\n\n") {
        let trimmed = chunk.trim();
        if trimmed.is_empty() {
            if in_pre > 0 {
                out.push_str("\n\n");
            }
            continue;
        }
        let lower = trimmed.to_ascii_lowercase();
        if in_pre > 0 || BLOCKS.iter().any(|b| lower.starts_with(b)) {
            out.push_str(chunk);
        } else {
            out.push_str("<p>");
            out.push_str(&trimmed.replace('\n', "<br />\n"));
            out.push_str("</p>");
        }
        in_pre += lower.matches("<pre").count() as i32 - lower.matches("</pre>").count() as i32;
        in_pre = in_pre.max(0);
        out.push_str(if in_pre > 0 { "\n\n" } else { "\n" });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_added_where_wordpress_would() {
        assert_eq!(
            autop("One\nline two\n\n<ul><li>x</li></ul>\n\nThree"),
            "<p>One<br />\nline two</p>\n<ul><li>x</li></ul>\n<p>Three</p>\n"
        );
        assert_eq!(
            autop("<pre>a\n\nb</pre>\n\nc"),
            "<pre>a\n\nb</pre>\n<p>c</p>\n"
        );
    }

    #[test]
    fn block_content_is_shown_as_written() {
        assert_eq!(
            wordpress_html("<!-- wp:html -->\n<p>a\nb</p>\n\n<pre>x</pre>\n<!-- /wp:html -->"),
            "<p>a\nb</p>\n\n<pre>x</pre>"
        );
        let blocks = "<!-- wp:paragraph -->\n<p>a</p>\n<!-- /wp:paragraph -->\n\nb";
        assert_eq!(wordpress_html(blocks), blocks);
        assert_eq!(wordpress_html("a\n\nb"), "<p>a</p>\n<p>b</p>\n");
    }
}
