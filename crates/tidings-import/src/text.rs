//! Imported comment bodies as the plain text every comment is stored as.

use tidings_render::html_to_text;

/// A comment body from an export (Blogger's HTML, WordPress's text with a few
/// tags) as plain text: paragraphs and line breaks kept as blank lines and
/// newlines, tags dropped, entities decoded. Links keep their address when
/// their text differs from it, so nothing a reader could follow is lost.
pub fn comment_text(html: &str) -> String {
    if !html.contains('<') && !html.contains('&') {
        return tidy(html.lines().map(str::trim_end));
    }
    let mut marked = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        marked.push_str(&rest[..i]);
        let tag_end = rest[i..].find('>').map(|j| i + j + 1).unwrap_or(rest.len());
        let tag = &rest[i..tag_end];
        let name: String = tag
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match name.as_str() {
            "br" => marked.push('\n'),
            "p" | "div" | "blockquote" | "li" | "ul" | "ol" | "pre" => marked.push_str("\n\n"),
            "a" if !tag.starts_with("</") => {
                // `<a href="u">text</a>`: keep `text (u)` unless text is u.
                let close = rest[tag_end..].to_ascii_lowercase().find("</a");
                if let (Some(href), Some(close)) = (href_of(tag), close) {
                    let inner = &rest[tag_end..tag_end + close];
                    let text = html_to_text(inner);
                    let href = html_to_text(&href);
                    marked.push_str(inner);
                    if !text.is_empty() && text != href {
                        marked.push_str(" (");
                        marked.push_str(&href);
                        marked.push(')');
                    } else if text.is_empty() {
                        marked.push_str(&href);
                    }
                    rest = &rest[tag_end + close..];
                    continue;
                }
            }
            _ => marked.push_str(tag),
        }
        rest = &rest[tag_end..];
    }
    marked.push_str(rest);
    tidy(marked.split('\n').map(html_to_text))
}

fn href_of(tag: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find("href=")? + 5;
    let value = &tag[at..];
    let (quote, value) = match value.chars().next()? {
        q @ ('"' | '\'') => (Some(q), &value[1..]),
        _ => (None, value),
    };
    let end = match quote {
        Some(q) => value.find(q)?,
        None => value.find([' ', '>']).unwrap_or(value.len()),
    };
    let href = value[..end].trim();
    (href.starts_with("http://") || href.starts_with("https://")).then(|| href.to_owned())
}

/// Lines joined with `\n`, runs of blank lines cut to one, trimmed.
fn tidy<S: AsRef<str>>(lines: impl Iterator<Item = S>) -> String {
    let mut out = String::new();
    let mut blank = 0;
    for line in lines {
        let line = line.as_ref();
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::comment_text;

    #[test]
    fn keeps_paragraphs_and_breaks() {
        assert_eq!(
            comment_text("First line<br />second &amp; last<p>New para</p>"),
            "First line\nsecond & last\n\nNew para"
        );
        assert_eq!(comment_text("plain\ntext\n\n\n\nend"), "plain\ntext\n\nend");
        assert_eq!(
            comment_text(r#"See <a href="https://example.com/x" rel="nofollow">this</a>."#),
            "See this (https://example.com/x)."
        );
        assert_eq!(
            comment_text(r#"<a href="https://e.com/">https://e.com/</a>"#),
            "https://e.com/"
        );
        assert_eq!(comment_text("<script>alert(1)</script>hi"), "hi");
        assert_eq!(comment_text("unclosed <a href='x"), "unclosed");
    }
}
