//! Whole-document snapshots: what a reader's browser would be handed for a rich post
//! and a rich comment. Review every change to these with `cargo insta review`: a diff
//! here is a change in what every existing post or comment looks like.

use tidings_render::{comment_to_html, html_to_text, markdown_to_html, summary};

const RICH_MARKDOWN: &str = r#"# A day in Köln 🦀

Some *emphasis*, **strong**, ~~struck~~, `inline <code>` and a [link](https://example.test/a?b=1&c=2 "Title").
A bare autolink <https://example.test/auto> and an email <someone@example.test>.

## Lists

1. first
2. second
   - nested with [relative](/2014/05/older.html)
   - [ ] open task
   - [x] done task

> A quote with a footnote.[^note]
>
> — someone

| Left | Centre | Right |
|:-----|:------:|------:|
| a    | b      | c     |
| 𝄞    | 東京   | 👍🏽    |

```rust
fn main() {
    println!("<b>&amp;</b>");
}
```

![A cat](https://img.example.test/cat.jpg "Cat") ![bad](javascript:alert(1))

Raw HTML is sanitised: <span onclick="alert(1)">span</span> <script>alert(1)</script>
[sneaky](javascript:alert(1)) and <img src=x onerror=alert(1)>.

<figure><img src="/img/a.png" alt="A"><figcaption>Caption</figcaption></figure>

<iframe src="https://video.example.test/embed"></iframe>

---

[^note]: The footnote, with *emphasis*.
"#;

const RICH_COMMENT: &str = "Great post! See https://example.test/page?a=1&b=2, and (more at https://en.wikipedia.test/wiki/Heat_(film)).\r\n\
Second line with <script>alert(1)</script> and <img src=x onerror=alert(1)>\r\n\
\r\n\
\r\n\
   \r\n\
New paragraph: javascript:alert(1) is not a link, nor is www.example.test.\n\
Tricky: http://x.test/\"><b>bold?</b> and \"><svg onload=alert(1)>\n\
\n\
Grüße aus 東京 🦀🇩🇪 𝄞 — &amp; &lt;3\n";

#[test]
fn rich_markdown_document() {
    let html = markdown_to_html(RICH_MARKDOWN);
    insta::assert_snapshot!("rich_markdown", html);
}

#[test]
fn rich_markdown_document_as_text() {
    let text = html_to_text(&markdown_to_html(RICH_MARKDOWN));
    insta::assert_snapshot!("rich_markdown_text", text);
    assert_eq!(
        summary(&text, 40),
        "A day in Köln 🦀 Some emphasis, strong…"
    );
}

#[test]
fn rich_comment() {
    insta::assert_snapshot!("rich_comment", comment_to_html(RICH_COMMENT));
}
