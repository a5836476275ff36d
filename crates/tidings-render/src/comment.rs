//! Comment bodies: untrusted plain text to a small, fixed shape of HTML.
//!
//! A commenter gets paragraphs, line breaks and links to bare http(s) URLs, and
//! nothing else: the text is escaped, never sanitised. There is no allowlist to get
//! wrong because no markup from the input survives at all; `<script>` shows up as the
//! characters `<script>`. Links carry `rel="nofollow ugc"` so the blog does not lend
//! its reputation to comment spam.

use crate::autolink::push_autolinked;

/// A comment body, untrusted plain text, to HTML.
///
/// - Everything is escaped; the only markup in the output is what this function adds.
/// - Paragraphs are separated by blank (or whitespace-only) lines and become
///   `<p>…</p>`, one per line of output; single line breaks become `<br>`.
/// - Bare `http://` and `https://` URLs become `<a href="…" rel="nofollow ugc">…</a>`,
///   without trailing sentence punctuation.
/// - `\r\n` and lone `\r` count as line breaks; trailing whitespace on a line is
///   dropped. Empty or whitespace-only input gives an empty string.
pub fn comment_to_html(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for paragraph in paragraphs(&text) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str("<p>");
        for (i, line) in paragraph.iter().enumerate() {
            if i > 0 {
                out.push_str("<br>\n");
            }
            push_autolinked(&mut out, line);
        }
        out.push_str("</p>");
    }
    out
}

/// What readers see of a stored comment: its imported markup (`body_html`,
/// sanitised by [`comment_markup`](crate::comment_markup) when it was
/// imported) where it has some, else its plain text through
/// [`comment_to_html`].
pub fn comment_shown(body: &str, body_html: &str) -> String {
    if body_html.is_empty() {
        comment_to_html(body)
    } else {
        body_html.to_owned()
    }
}

/// Non-blank lines grouped into paragraphs; any run of blank lines separates two.
fn paragraphs(text: &str) -> Vec<Vec<&str>> {
    let mut paragraphs = Vec::new();
    let mut current = Vec::new();
    for line in text.split('\n').map(str::trim_end) {
        if line.trim_start().is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::comment_to_html;

    #[test]
    fn empty_and_blank_input_give_nothing() {
        assert_eq!(comment_to_html(""), "");
        assert_eq!(comment_to_html(" \n\r\n\t \u{a0}\n"), "");
    }

    #[test]
    fn paragraphs_and_line_breaks() {
        assert_eq!(comment_to_html("Hello"), "<p>Hello</p>");
        assert_eq!(
            comment_to_html("one\ntwo\n\nthree\n\n\n\nfour  \n"),
            "<p>one<br>\ntwo</p>\n<p>three</p>\n<p>four</p>"
        );
        assert_eq!(comment_to_html("\n\n  lead\n"), "<p>  lead</p>");
    }

    #[test]
    fn windows_and_old_mac_line_endings_are_normalised() {
        assert_eq!(
            comment_to_html("a\r\nb\r\n\r\nc\rd"),
            "<p>a<br>\nb</p>\n<p>c<br>\nd</p>"
        );
        assert_eq!(comment_to_html("a\r\n \r\nb"), "<p>a</p>\n<p>b</p>");
    }

    #[test]
    fn markup_is_shown_not_run() {
        assert_eq!(
            comment_to_html("<script>alert(1)</script>"),
            "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
        );
        assert_eq!(
            comment_to_html("<img src=x onerror=alert(1)>"),
            "<p>&lt;img src=x onerror=alert(1)&gt;</p>"
        );
        assert_eq!(
            comment_to_html(r#""><svg onload=alert(1)>"#),
            "<p>&quot;&gt;&lt;svg onload=alert(1)&gt;</p>"
        );
        assert_eq!(
            comment_to_html("<b>bold</b> &amp;"),
            "<p>&lt;b&gt;bold&lt;/b&gt; &amp;amp;</p>"
        );
    }

    #[test]
    fn javascript_urls_stay_text() {
        assert_eq!(
            comment_to_html("click javascript:alert(1) or JAVASCRIPT://%0aalert(1)"),
            "<p>click javascript:alert(1) or JAVASCRIPT://%0aalert(1)</p>"
        );
    }

    #[test]
    fn bare_urls_are_linked_with_nofollow_ugc() {
        assert_eq!(
            comment_to_html("Read https://x.test/a?b=1&c=2, then http://y.test."),
            "<p>Read <a href=\"https://x.test/a?b=1&amp;c=2\" rel=\"nofollow ugc\">https://x.test/a?b=1&amp;c=2</a>, \
             then <a href=\"http://y.test\" rel=\"nofollow ugc\">http://y.test</a>.</p>"
        );
    }

    #[test]
    fn markup_inside_a_url_cannot_escape_the_attribute() {
        assert_eq!(
            comment_to_html(r#"http://x.test/"><b>"#),
            "<p><a href=\"http://x.test/\" rel=\"nofollow ugc\">http://x.test/</a>&quot;&gt;&lt;b&gt;</p>"
        );
    }

    #[test]
    fn urls_end_at_line_breaks() {
        assert_eq!(
            comment_to_html("https://x.test/a\nnext"),
            "<p><a href=\"https://x.test/a\" rel=\"nofollow ugc\">https://x.test/a</a><br>\nnext</p>"
        );
    }

    #[test]
    fn non_ascii_and_emoji_survive() {
        assert_eq!(
            comment_to_html("Grüße aus 東京 🦀🇩🇪 𝄞\n👍🏽"),
            "<p>Grüße aus 東京 🦀🇩🇪 𝄞<br>\n👍🏽</p>"
        );
    }
}
