//! Markdown to safe HTML for post bodies written in Tidings.
//!
//! pulldown-cmark parses CommonMark plus the GitHub extensions authors expect
//! (tables, footnotes, strikethrough, task lists). Raw HTML in the source is allowed,
//! as CommonMark says it is, and the *whole* rendered document then goes through the
//! same [`sanitize_html`](crate::sanitize_html) as author HTML. Sanitising the finished
//! document rather than individual HTML events matters: an inline `<a` in one event
//! and `onclick=` in the next only become dangerous once joined.
//!
//! Footnotes are rendered here rather than by pulldown-cmark's HTML writer because its
//! ids are the author's labels verbatim (`[^note]` gives `id="note"`), which could
//! collide with ids the page relies on. We number them instead (`fn-1`, `fnref-1`), and
//! the sanitiser allows exactly that shape of id and nothing else.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

use crate::sanitize_html;

/// Markdown (CommonMark plus tables, footnotes, strikethrough and task lists) to HTML,
/// then through the same allowlist sanitiser as author HTML. Raw HTML in the Markdown
/// is allowed but sanitised; nesting past [`MAX_NESTING`](crate::MAX_NESTING) (block
/// quotes, lists and HTML elements, counted together as the HTML they become) is
/// flattened, as [`sanitize_html`] does.
pub fn markdown_to_html(src: &str) -> String {
    sanitize_html(&unsanitised(src))
}

/// [`markdown_to_html`] for what an author sends now: nesting past
/// [`MAX_NESTING`](crate::MAX_NESTING) is refused, so they can fix it.
pub fn try_markdown_to_html(src: &str) -> Result<String, crate::TooDeep> {
    let html = unsanitised(src);
    crate::nesting::check(&html)?;
    Ok(crate::sanitize::clean(&html))
}

/// The HTML pulldown-cmark writes, before the sanitiser.
fn unsanitised(src: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let mut footnotes = FootnoteNumbers::default();
    let events = Parser::new_ext(src, options).map(|event| footnotes.rewrite(event));
    let mut unsafe_html = String::with_capacity(src.len() + src.len() / 2);
    html::push_html(&mut unsafe_html, events);
    unsafe_html
}

/// Numbers footnotes in order of first mention, whether that mention is a reference or
/// the definition, the same way pulldown-cmark's own writer does.
#[derive(Default)]
struct FootnoteNumbers<'a> {
    numbers: HashMap<CowStr<'a>, usize>,
}

impl<'a> FootnoteNumbers<'a> {
    fn number(&mut self, label: CowStr<'a>) -> usize {
        let next = self.numbers.len() + 1;
        *self.numbers.entry(label).or_insert(next)
    }

    fn rewrite(&mut self, event: Event<'a>) -> Event<'a> {
        match event {
            Event::FootnoteReference(label) => {
                let n = self.number(label);
                Event::InlineHtml(
                    format!(
                        r##"<sup class="footnote-reference" id="fnref-{n}"><a href="#fn-{n}">{n}</a></sup>"##
                    )
                    .into(),
                )
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let n = self.number(label);
                Event::Html(
                    format!(
                        r#"<div class="footnote-definition" id="fn-{n}"><sup class="footnote-definition-label">{n}</sup>"#
                    )
                    .into(),
                )
            }
            Event::End(TagEnd::FootnoteDefinition) => Event::Html("</div>\n".into()),
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::markdown_to_html;

    #[test]
    fn renders_commonmark_basics() {
        assert_eq!(
            markdown_to_html("# Hello\n\nSome *em* and **strong** and `code`.\n"),
            "<h1>Hello</h1>\n<p>Some <em>em</em> and <strong>strong</strong> and <code>code</code>.</p>\n"
        );
    }

    #[test]
    fn empty_input_gives_empty_output() {
        assert_eq!(markdown_to_html(""), "");
        assert_eq!(markdown_to_html("  \n\n \t\n"), "");
    }

    #[test]
    fn tables_keep_alignment() {
        let out = markdown_to_html("| a | b |\n|:-:|--:|\n| 1 | 2 |\n");
        assert!(
            out.contains(r#"<th style="text-align:center">a</th>"#),
            "{out}"
        );
        assert!(
            out.contains(r#"<td style="text-align:right">2</td>"#),
            "{out}"
        );
        assert!(out.starts_with("<table><thead><tr>"), "{out}");
    }

    #[test]
    fn strikethrough_and_task_lists() {
        let out = markdown_to_html("~~old~~ new\n\n- [x] done\n- [ ] todo\n");
        assert!(out.contains("<del>old</del> new"), "{out}");
        assert!(
            out.contains(r#"<li><input disabled="" checked="" type="checkbox">"#),
            "{out}"
        );
        assert!(
            out.contains(r#"<li><input disabled="" type="checkbox">"#),
            "{out}"
        );
    }

    #[test]
    fn footnotes_are_numbered_and_linked() {
        let out = markdown_to_html("Text[^note] and more[^b].\n\n[^note]: The note.\n[^b]: Bee.\n");
        assert!(
            out.contains(r##"<sup class="footnote-reference" id="fnref-1"><a href="#fn-1" rel="noopener">1</a></sup>"##),
            "{out}"
        );
        assert!(
            out.contains(r#"<div class="footnote-definition" id="fn-2"><sup class="footnote-definition-label">2</sup>"#),
            "{out}"
        );
        assert!(!out.contains(r#"id="note""#), "{out}");
    }

    #[test]
    fn hostile_footnote_labels_stay_text() {
        let out = markdown_to_html(
            "x[^\"><script>alert(1)</script>]\n\n[^\"><script>alert(1)</script>]: y\n",
        );
        assert!(!out.contains("<script"), "{out}");
        assert!(out.contains(r#"id="fn-1""#), "{out}");
    }

    #[test]
    fn javascript_links_lose_their_href() {
        let out = markdown_to_html("[click](javascript:alert(1)) and <javascript:alert(2)>");
        assert!(!out.contains("javascript:alert(1)\""), "{out}");
        assert!(!out.contains("href=\"javascript"), "{out}");
        assert!(out.contains(r#"<a rel="noopener">click</a>"#), "{out}");
    }

    #[test]
    fn data_and_vbscript_images_and_links_are_dropped() {
        let out = markdown_to_html("![x](data:image/png;base64,AAAA) [v](vbscript:msgbox)");
        assert!(!out.contains("data:"), "{out}");
        assert!(!out.contains("vbscript"), "{out}");
    }

    #[test]
    fn raw_html_is_allowed_but_sanitised() {
        let out = markdown_to_html(
            "<div onclick=\"x()\"><b>bold</b></div>\n\n<script>alert(1)</script>\n\nInline <img src=x onerror=alert(1)> <span style=\"color:red\">s</span>\n",
        );
        assert!(out.contains("<div><b>bold</b></div>"), "{out}");
        assert!(!out.contains("script"), "{out}");
        assert!(!out.contains("onerror"), "{out}");
        assert!(out.contains(r#"<img src="x">"#), "{out}");
        assert!(out.contains("<span>s</span>"), "{out}");
    }

    #[test]
    fn html_split_across_events_cannot_recombine() {
        let out =
            markdown_to_html("<a href=\"x\"\nonclick=\"alert(1)\">a</a> \"><svg onload=alert(1)>");
        assert!(!out.contains("onclick"), "{out}");
        assert!(!out.contains("<svg"), "{out}");
        assert!(!out.contains("onload="), "{out}");
    }

    #[test]
    fn links_and_images_pass_with_safe_urls() {
        let out = markdown_to_html("[a](https://example.test/?q=1&r=2 \"T\") ![alt](/img/a.png)");
        assert_eq!(
            out,
            "<p><a href=\"https://example.test/?q=1&amp;r=2\" title=\"T\" rel=\"noopener\">a</a> <img src=\"/img/a.png\" alt=\"alt\"></p>\n"
        );
    }

    #[test]
    fn code_blocks_keep_language_and_escape_content() {
        let out = markdown_to_html("```rust\nlet x = \"<b>\" && y;\n```\n");
        assert_eq!(
            out,
            "<pre><code class=\"language-rust\">let x = \"&lt;b&gt;\" &amp;&amp; y;\n</code></pre>\n"
        );
    }

    #[test]
    fn non_ascii_and_four_byte_utf8_survive() {
        assert_eq!(
            markdown_to_html("Grüße aus 東京 🦀 — 𝄞 *ünïcödé*"),
            "<p>Grüße aus 東京 🦀 — 𝄞 <em>ünïcödé</em></p>\n"
        );
    }
}
