//! The allowlist sanitiser that every piece of author-supplied HTML passes through,
//! whether it came from Markdown, an import, or the API's `body_html`.
//!
//! Why an allowlist (ammonia, which parses with html5ever exactly as a browser would)
//! rather than stripping known-bad things: the set of ways to run script in HTML is
//! open-ended, the set of things a blog post needs is small. Anything not named below
//! is dropped; the element's text is kept unless the element is one whose content is
//! never meant to be read (`script`, `style`, `iframe`, ...).
//!
//! What is kept and why:
//! - ordinary formatting, headings, lists, tables, `pre`/`code`, `blockquote`,
//!   `figure`/`figcaption`, `details`/`summary`: what posts and imports actually use;
//! - links to `http`, `https`, `mailto` and relative URLs, each given `rel="noopener"`
//!   (not `nofollow`: authors vouch for their own links);
//! - images from `http`, `https` and relative URLs (`data:` is dropped with every
//!   other scheme: it can smuggle SVG documents and bloats bodies);
//! - `style` with only `text-align`, `float` and `clear` (and a figure's `width` in
//!   pixels, as WordPress captions give it), each with a fixed list of
//!   keyword values: Markdown tables align columns that way and Blogger imports
//!   centre and float images that way, and none of these can cover the page or load
//!   anything;
//! - `audio`, `video` and `source` as players that load nothing until the reader
//!   presses play (`preload="none"` forced, no `autoplay`);
//! - `class` only for code languages (`language-rust`), our Markdown footnotes and
//!   the layout names WordPress writes (`classes.rs`: an allowlist),
//!   `id` only for those footnotes (`fn-1`, `fnref-1`) and the jump break's
//!   `<a id="more">` (see `jump.rs`), so author content cannot
//!   clobber ids the page's own templates and scripts rely on;
//! - `input` only as a checkbox (outside any form, so it submits nothing), which is
//!   how Markdown task lists render.
//!
//! Deliberately not allowed: `iframe`, `object`, `embed`, forms, `svg`/`math`, and
//! every event handler attribute.

use std::borrow::Cow;
use std::sync::LazyLock;

use ammonia::{Builder, UrlRelative};

use crate::classes::is_wordpress_class;

/// Author-supplied HTML (imported Blogger/WordPress bodies, the API's `body_html`,
/// rendered Markdown) through the allowlist sanitiser described in this module.
///
/// Never fails: malformed HTML is parsed the way a browser would parse it and the
/// result is re-serialised, so unclosed tags come back closed. HTML nested past
/// [`MAX_NESTING`](crate::MAX_NESTING) is flattened first (see
/// [`crate::nesting`]), so the parse costs time linear in the input whatever it
/// holds; [`try_sanitize_html`] refuses it instead.
pub fn sanitize_html(html: &str) -> String {
    match crate::nesting::flatten(html) {
        Some(flat) => clean(&flat),
        None => clean(html),
    }
}

/// [`sanitize_html`] for what an author sends now: HTML nested past
/// [`MAX_NESTING`](crate::MAX_NESTING) is refused, so they can fix it.
pub fn try_sanitize_html(html: &str) -> Result<String, crate::TooDeep> {
    crate::nesting::check(html)?;
    Ok(clean(html))
}

/// The sanitiser itself, on HTML whose nesting was checked. A character
/// reference to a character XML cannot carry (`&#1;`, `&#xFFFF;`) decodes to
/// that character, which the serialiser writes as it is: such characters
/// become U+FFFD, so no stored body can break a feed or an export. Replaced,
/// never dropped: `java&#11;script:` is a relative address the sanitiser lets
/// through, and without the character it would be a script URL.
///
/// ammonia takes out an attribute the filter drops by moving the element's
/// last attribute into its place, and a link's last one is the `rel` it adds:
/// `<a id="x" href="h">` came out as `<a rel="noopener" href="h">`, which a
/// second pass (the same post saved again, or exported and imported) writes
/// as `<a href="h" rel="noopener">`. Where the filter dropped one, the HTML
/// is cleaned once more, so what is stored is what any later pass keeps.
pub(crate) fn clean(html: &str) -> String {
    DROPPED.set(false);
    let mut clean = SANITIZER.clean(&crate::jump::mark(html)).to_string();
    if DROPPED.replace(false) {
        clean = SANITIZER.clean(&clean).to_string();
    }
    match tidings_core::xml_chars::replace(&clean) {
        std::borrow::Cow::Borrowed(_) => clean,
        std::borrow::Cow::Owned(stripped) => stripped,
    }
}

thread_local! {
    /// Whether the filter dropped an attribute during this thread's current
    /// [`clean`].
    static DROPPED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Built once: the builder is immutable after construction and shared across threads.
static SANITIZER: LazyLock<Builder<'static>> = LazyLock::new(build);

const TAGS: &[&str] = &[
    "a",
    "abbr",
    "audio",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "input",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

/// Elements removed together with everything inside them: their content is code,
/// fallback for things we do not allow, or form state, never text a reader should see.
const DROP_WITH_CONTENT: &[&str] = &[
    "script", "style", "iframe", "object", "noembed", "noframes", "noscript", "template",
    "textarea", "select", "title",
];

const GENERIC_ATTRIBUTES: &[&str] = &["lang", "title", "dir", "style", "class"];

const TAG_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "hreflang", "id"]),
    ("img", &["src", "alt", "width", "height"]),
    ("del", &["datetime"]),
    ("ins", &["datetime"]),
    ("time", &["datetime"]),
    ("ol", &["start", "reversed"]),
    ("li", &["value"]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    ("td", &["colspan", "rowspan", "align"]),
    ("th", &["colspan", "rowspan", "align", "scope"]),
    ("details", &["open"]),
    ("code", &["class"]),
    ("div", &["class", "id"]),
    ("sup", &["class", "id"]),
    ("input", &["checked", "disabled"]),
    // Players fetch nothing before the reader presses play (`preload` is
    // forced to `none`), and never start on their own (no `autoplay`).
    ("audio", &["src", "controls", "loop"]),
    (
        "video",
        &["src", "controls", "loop", "poster", "width", "height"],
    ),
    ("source", &["src", "type"]),
];

const URL_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// Each allowed `style` property with every value it may take. Matching whole values
/// against a list, rather than parsing CSS, leaves no room for escapes, comments or
/// `url()` to slip through.
const STYLE_PROPERTIES: &[(&str, &[&str])] = &[
    (
        "text-align",
        &["left", "right", "center", "justify", "start", "end"],
    ),
    ("float", &["left", "right", "none"]),
    ("clear", &["left", "right", "both", "none"]),
];

/// Classes our own Markdown renderer emits for footnotes.
const FOOTNOTE_CLASSES: &[&str] = &[
    "footnote-reference",
    "footnote-definition",
    "footnote-definition-label",
];

fn build() -> Builder<'static> {
    let mut b = Builder::empty();
    b.tags(TAGS.iter().copied().collect())
        .clean_content_tags(DROP_WITH_CONTENT.iter().copied().collect())
        .generic_attributes(GENERIC_ATTRIBUTES.iter().copied().collect())
        .tag_attributes(
            TAG_ATTRIBUTES
                .iter()
                .map(|(tag, attrs)| (*tag, attrs.iter().copied().collect()))
                .collect(),
        )
        // Whatever the source said, an <input> is a checkbox, and a player fetches
        // nothing until asked. One forced value per element: ammonia adds forced
        // attributes in hash-map order, and more than one on an element would make
        // the output order (and our snapshots) vary from run to run.
        .set_tag_attribute_value("input", "type", "checkbox")
        .set_tag_attribute_value("audio", "preload", "none")
        .set_tag_attribute_value("video", "preload", "none")
        .url_schemes(URL_SCHEMES.iter().copied().collect())
        .url_relative(UrlRelative::PassThrough)
        .link_rel(Some("noopener"))
        .strip_comments(true)
        .attribute_filter(filter_attribute);
    b
}

/// Narrows the few attributes whose *values* matter beyond their URL scheme.
/// Returning `None` drops the attribute (and marks this [`clean`] for a
/// second pass).
fn filter_attribute<'u>(element: &str, attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    let kept = filtered(element, attribute, value);
    if kept.is_none() {
        DROPPED.set(true);
    }
    kept
}

/// What [`filter_attribute`] keeps of an attribute's value.
fn filtered<'u>(element: &str, attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    match (element, attribute) {
        ("code", "class") => keep_classes(value, is_language_class),
        ("sup", "class") => keep_classes(value, |c| FOOTNOTE_CLASSES.contains(&c)),
        ("div", "class") => keep_classes(value, |c| {
            FOOTNOTE_CLASSES.contains(&c) || is_wordpress_class(c)
        }),
        (_, "class") => keep_classes(value, is_wordpress_class),
        ("div" | "sup", "id") => is_footnote_id(value).then_some(Cow::Borrowed(value)),
        // The jump break's one stored form (`crate::jump`), and nothing else.
        ("a", "id") => (value == "more").then_some(Cow::Borrowed(value)),
        ("figure", "style") => filter_style(value, true),
        (_, "style") => filter_style(value, false),
        _ => Some(Cow::Borrowed(value)),
    }
}

/// Keeps the declarations of `STYLE_PROPERTIES` whose value is one of those listed,
/// rewritten as `property:value;…`; drops the attribute when none is left.
fn filter_style(value: &str, sized: bool) -> Option<Cow<'_, str>> {
    let kept: Vec<String> = value
        .split(';')
        .filter_map(|declaration| {
            let (property, value) = declaration.split_once(':')?;
            let property = property.trim().to_ascii_lowercase();
            let value = value.trim().to_ascii_lowercase();
            if sized && property == "width" && is_pixels(&value) {
                return Some(format!("width:{value}"));
            }
            let (_, values) = STYLE_PROPERTIES.iter().find(|(p, _)| *p == property)?;
            values
                .contains(&value.as_str())
                .then(|| format!("{property}:{value}"))
        })
        .collect();
    if kept.is_empty() {
        None
    } else {
        Some(Cow::Owned(kept.join(";")))
    }
}

/// `640px`: a captioned figure's width, as WordPress gives it (at most
/// 9999px: a number, never an expression or a `url()`).
fn is_pixels(value: &str) -> bool {
    value
        .strip_suffix("px")
        .is_some_and(|n| (1..=4).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
}

fn keep_classes<'u>(value: &'u str, allowed: impl Fn(&str) -> bool) -> Option<Cow<'u, str>> {
    let kept: Vec<&str> = value
        .split_ascii_whitespace()
        .filter(|c| allowed(c))
        .collect();
    if kept.is_empty() {
        None
    } else {
        Some(Cow::Owned(kept.join(" ")))
    }
}

/// `language-rust`, `language-c++`, `language-objective-c`: what syntax highlighters
/// look for, and nothing a stylesheet could abuse to restyle the page.
fn is_language_class(class: &str) -> bool {
    class.strip_prefix("language-").is_some_and(|lang| {
        !lang.is_empty()
            && lang
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+' | '#' | '.'))
    })
}

/// `fn-3` or `fnref-3`, the ids [`crate::markdown_to_html`] gives footnotes.
pub(crate) fn is_footnote_id(id: &str) -> bool {
    id.strip_prefix("fnref-")
        .or_else(|| id.strip_prefix("fn-"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::sanitize_html;

    #[test]
    fn references_to_what_xml_cannot_carry_are_replaced() {
        assert_eq!(
            sanitize_html("<p>a&#1;b&#xFFFF;c\u{1B}d</p>"),
            "<p>a\u{FFFD}b\u{FFFD}c\u{FFFD}d</p>"
        );
    }

    #[test]
    fn a_forbidden_character_never_makes_a_script_url() {
        for hostile in [
            "<a href=\"java\u{B}script:alert(1)\">x</a>",
            "<a href=\"java&#11;script:alert(1)\">x</a>",
            "<a href=\"\u{B}javascript:javascript:alert(1)\">x</a>",
        ] {
            let html = sanitize_html(hostile);
            assert!(!html.contains("javascript:"), "{hostile} -> {html}");
        }
    }

    #[test]
    fn script_and_style_vanish_with_their_content() {
        assert_eq!(
            sanitize_html("<p>hi</p><script>alert(1)</script>"),
            "<p>hi</p>"
        );
        assert_eq!(sanitize_html("<style>body{display:none}</style>ok"), "ok");
        assert_eq!(sanitize_html("<SCRIPT SRC=//x.test/a.js></SCRIPT>"), "");
    }

    #[test]
    fn event_handlers_are_stripped() {
        assert_eq!(
            sanitize_html("<img src=x onerror=alert(1)>"),
            r#"<img src="x">"#
        );
        assert_eq!(
            sanitize_html(r#"<p onclick="alert(1)" onmouseover=alert(2)>x</p>"#),
            "<p>x</p>"
        );
    }

    #[test]
    fn attribute_breakout_and_svg_are_neutralised() {
        let out = sanitize_html(r#""><svg onload=alert(1)><circle r=1></circle></svg>"#);
        assert_eq!(out, "\"&gt;");
        let out = sanitize_html(r#"<a title=""><svg onload=alert(1)>">x</a>"#);
        assert!(!out.contains("<svg"), "{out}");
        assert!(!out.contains("onload"), "{out}");
    }

    #[test]
    fn javascript_and_data_urls_are_dropped() {
        assert_eq!(
            sanitize_html(r#"<a href="javascript:alert(1)">x</a>"#),
            r#"<a rel="noopener">x</a>"#
        );
        assert_eq!(
            sanitize_html(r#"<a href=" JaVaScRiPt:alert(1)">x</a>"#),
            r#"<a rel="noopener">x</a>"#
        );
        assert_eq!(
            sanitize_html(r#"<a href="java&#x09;script:alert(1)">x</a>"#),
            r#"<a rel="noopener">x</a>"#
        );
        assert_eq!(
            sanitize_html(r#"<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="a">"#),
            r#"<img alt="a">"#
        );
        assert_eq!(
            sanitize_html(r#"<blockquote cite="vbscript:x">q</blockquote>"#),
            "<blockquote>q</blockquote>"
        );
        assert_eq!(
            sanitize_html(r#"<img src="javascript:alert(1)" alt="">"#),
            r#"<img alt="">"#
        );
    }

    #[test]
    fn links_keep_http_https_mailto_and_relative_with_noopener() {
        for href in [
            "https://example.test/a?b=1&amp;c=2",
            "http://example.test/",
            "mailto:someone@example.test",
            "/2014/05/post.html",
            "#fn-1",
        ] {
            let html = format!(r#"<a href="{href}">x</a>"#);
            assert_eq!(
                sanitize_html(&html),
                format!(r#"<a href="{href}" rel="noopener">x</a>"#)
            );
        }
    }

    #[test]
    fn author_rel_and_target_are_replaced() {
        assert_eq!(
            sanitize_html(r#"<a href="/x" rel="opener" target="_blank">x</a>"#),
            r#"<a href="/x" rel="noopener">x</a>"#
        );
    }

    #[test]
    fn iframes_forms_and_objects_are_not_allowed() {
        assert_eq!(
            sanitize_html(r#"<iframe src="https://evil.test/">fallback</iframe>after"#),
            "after"
        );
        assert_eq!(
            sanitize_html(
                r#"<form action="/x"><input type="password" name="p" form="f"><button>Go</button></form>"#
            ),
            r#"<input type="checkbox">Go"#
        );
        assert_eq!(
            sanitize_html(r#"<object data="x.swf"></object><embed src="x">"#),
            ""
        );
    }

    #[test]
    fn ordinary_formatting_survives() {
        let html = "<h2>Title</h2><p><strong>bold</strong> <em>it</em> <s>gone</s> <code>x</code></p>\
                    <ul><li>one</li></ul><ol start=\"3\"><li>three</li></ol>\
                    <blockquote><p>quote</p></blockquote><pre><code class=\"language-rust\">fn main() {}</code></pre>\
                    <figure><img src=\"https://img.test/a.jpg\" alt=\"A\" width=\"640\"><figcaption>cap</figcaption></figure>\
                    <table><thead><tr><th style=\"text-align: center\">h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>";
        assert_eq!(
            sanitize_html(html),
            html.replace("text-align: center", "text-align:center")
        );
    }

    #[test]
    fn classes_ids_and_styles_are_narrowed() {
        assert_eq!(
            sanitize_html(r#"<code class="language-rust evil">x</code>"#),
            r#"<code class="language-rust">x</code>"#
        );
        assert_eq!(
            sanitize_html(r#"<code class="hidden">x</code>"#),
            "<code>x</code>"
        );
        assert_eq!(
            sanitize_html(r#"<div id="comment-form" class="x">x</div>"#),
            "<div>x</div>"
        );
        assert_eq!(
            sanitize_html(r#"<div class="footnote-definition" id="fn-1">x</div>"#),
            r#"<div class="footnote-definition" id="fn-1">x</div>"#
        );
        assert_eq!(
            sanitize_html(
                r#"<p style="position:fixed;top:0;TEXT-ALIGN: Center ;background:url(x)">x</p>"#
            ),
            r#"<p style="text-align:center">x</p>"#
        );
        assert_eq!(
            sanitize_html(
                r#"<div style="clear: both; float: left; text-align: cen\74 er">x</div>"#
            ),
            r#"<div style="clear:both;float:left">x</div>"#
        );
        assert_eq!(
            sanitize_html(r#"<p style="color:red;text-align:expression(alert(1))">x</p>"#),
            "<p>x</p>"
        );
        assert_eq!(
            sanitize_html(r#"<span class="x" id="y">s</span>"#),
            "<span>s</span>"
        );
    }

    #[test]
    fn comments_are_stripped_and_unclosed_tags_closed() {
        assert_eq!(
            sanitize_html("<!-- secret --><p><b>open"),
            "<p><b>open</b></p>"
        );
    }

    #[test]
    fn text_is_reescaped_and_unicode_survives() {
        assert_eq!(
            sanitize_html("1 < 2 &amp; 3 > 2"),
            "1 &lt; 2 &amp; 3 &gt; 2"
        );
        assert_eq!(
            sanitize_html("<p>Grüße 東京 🦀 𝄞</p>"),
            "<p>Grüße 東京 🦀 𝄞</p>"
        );
        assert_eq!(sanitize_html(""), "");
    }

    #[test]
    fn a_dropped_attribute_leaves_what_a_second_pass_keeps() {
        let once =
            sanitize_html(r#"<a id="wp-block-file--x" href="https://example.org/f.pdf">File</a>"#);
        assert_eq!(
            once,
            r#"<a href="https://example.org/f.pdf" rel="noopener">File</a>"#
        );
        assert_eq!(sanitize_html(&once), once);
    }
}
