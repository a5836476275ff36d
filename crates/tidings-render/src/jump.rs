//! Jump breaks: the spot where list pages stop showing a post and link to the
//! rest ("Read more »").
//!
//! Every platform marks it its own way: WordPress and Markdown front matter
//! write `<!--more-->` (with optional link text: `<!--more Go on-->`), Blogger
//! `<a name="more"></a>`, and Blogger before 2009 wrapped the rest of the post
//! in `<span class="fullpost">`. Comments and `name` do not survive the
//! sanitiser, so [`mark`] runs before it and turns the first of these into the
//! one form we store, [`MARKER`], which the sanitiser keeps (an `id` of
//! exactly `more` on an `a`, nothing else). The post page then has
//! `id="more"` where the break was, as readers' `#more` links expect.
//!
//! The teaser (what list pages show) is cut once, when the post is saved
//! ([`teaser`]), so list pages never parse a body.

use std::borrow::Cow;

/// The one stored form of a jump break, as the sanitiser writes it (it
/// gives every link `rel="noopener"`).
pub const MARKER: &str = "<a id=\"more\" rel=\"noopener\"></a>";

/// `html` with its first jump break, in whichever form it came, replaced by
/// [`MARKER`]; the later ones are left to the sanitiser, which drops them.
/// Run on unsanitised author HTML, before the sanitiser.
pub(crate) fn mark(html: &str) -> Cow<'_, str> {
    let Some(found) = find_break(html) else {
        return Cow::Borrowed(html);
    };
    let mut out = String::with_capacity(html.len() + MARKER.len());
    out.push_str(&html[..found.start]);
    out.push_str(MARKER);
    out.push_str(&html[found.end..]);
    Cow::Owned(out)
}

/// Where a break was found: the bytes it replaces (empty for the
/// `fullpost` span, which the marker goes before).
struct Found {
    start: usize,
    end: usize,
}

/// The earliest jump break in `html`, in any of the forms this module knows.
fn find_break(html: &str) -> Option<Found> {
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find('<').map(|i| i + from) {
        let rest = &lower[at..];
        if let Some(after) = rest.strip_prefix("<!--") {
            let end = after.find("-->").map_or(html.len(), |e| at + 4 + e + 3);
            if is_more_comment(after) {
                return Some(Found { start: at, end });
            }
            from = end;
            continue;
        }
        let tag_end = rest.find('>').map_or(html.len(), |e| at + e + 1);
        let tag = &lower[at..tag_end];
        if is_tag(tag, "a") && (attr_is(tag, "name", "more") || attr_is(tag, "id", "more")) {
            let end = if lower[tag_end..].starts_with("</a>") {
                tag_end + 4
            } else {
                tag_end
            };
            return Some(Found { start: at, end });
        }
        if is_tag(tag, "span") && class_has(tag, "fullpost") {
            return Some(Found { start: at, end: at });
        }
        from = at + 1;
    }
    None
}

/// `<!--more-->` or `<!--more link text-->`, given what follows `<!--`.
fn is_more_comment(after_open: &str) -> bool {
    let Some(rest) = after_open.trim_start().strip_prefix("more") else {
        return false;
    };
    rest.starts_with("-->") || rest.starts_with(char::is_whitespace)
}

/// Whether `tag` (lower case, from `<` to `>`) opens element `name`.
fn is_tag(tag: &str, name: &str) -> bool {
    tag.strip_prefix('<')
        .and_then(|t| t.strip_prefix(name))
        .is_some_and(|t| t.starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/'))
}

/// The value of attribute `name` in `tag`, quoted either way or not at all.
fn attr<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let mut search = tag;
    while let Some(i) = search.find(name) {
        let before = search[..i].chars().next_back();
        let after = search[i + name.len()..].trim_start();
        search = &search[i + name.len()..];
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let Some(value) = after.strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start();
        return Some(match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or(""),
            _ => value
                .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .next()
                .unwrap_or(""),
        });
    }
    None
}

fn attr_is(tag: &str, name: &str, value: &str) -> bool {
    attr(tag, name).is_some_and(|v| v.trim() == value)
}

fn class_has(tag: &str, class: &str) -> bool {
    attr(tag, "class").is_some_and(|v| v.split_ascii_whitespace().any(|c| c == class))
}

/// What list pages show of sanitised `html`: everything before its jump
/// break, its open elements closed; `None` when it has no break, or when
/// either side of it is empty (a break at the very start or end hides
/// nothing worth a link).
pub fn teaser(html: &str) -> Option<String> {
    let at = html.find(MARKER)?;
    let rest = &html[at + MARKER.len()..];
    if is_blank(rest) {
        return None;
    }
    let teaser = crate::sanitize::clean(&html[..at]);
    let teaser = teaser.trim();
    (!is_blank(teaser)).then(|| teaser.to_owned())
}

/// `html` from its jump break on, the break kept at its start: the post
/// page of a WordPress post marked `<!--noteaser-->`, which does not repeat
/// the teaser. `None` without a break.
pub fn after_break(html: &str) -> Option<String> {
    let at = html.find(MARKER)?;
    Some(crate::sanitize::clean(&html[at..]).trim().to_owned())
}

/// No text and no picture or media in `html`.
fn is_blank(html: &str) -> bool {
    crate::html_to_text(html).trim().is_empty()
        && !["<img", "<video", "<audio", "<iframe"]
            .iter()
            .any(|t| html.contains(t))
}

#[cfg(test)]
mod tests {
    use super::{MARKER, after_break, teaser};
    use crate::sanitize_html;

    fn marked(html: &str) -> String {
        sanitize_html(html)
    }

    #[test]
    fn every_form_of_break_becomes_the_marker() {
        for html in [
            "<p>a</p><!--more--><p>b</p>",
            "<p>a</p><!-- more --><p>b</p>",
            "<p>a</p><!--more Keep reading--><p>b</p>",
            "<p>a</p><!--MORE--><p>b</p>",
            "<p>a</p><a name=\"more\"></a><p>b</p>",
            "<p>a</p><a name='more'></a><p>b</p>",
            "<p>a</p><a name=more></a><p>b</p>",
            "<p>a</p><a id=\"more\"></a><p>b</p>",
        ] {
            assert_eq!(
                marked(html),
                format!("<p>a</p>{MARKER}<p>b</p>"),
                "from {html}"
            );
        }
    }

    #[test]
    fn blogger_fullpost_span_breaks_before_it() {
        let html = marked("<p>a</p><span class=\"fullpost\"><p>b</p></span>");
        assert!(
            html.starts_with(&format!("<p>a</p>{MARKER}<span>")),
            "{html}"
        );
        assert_eq!(teaser(&html).as_deref(), Some("<p>a</p>"));
    }

    #[test]
    fn only_the_first_break_counts_and_other_ids_are_refused() {
        let html = marked("a<!--more-->b<!--more-->c<a name=\"more\"></a>d<a id=\"top\"></a>");
        assert_eq!(html.matches("id=\"more\"").count(), 1, "{html}");
        assert!(!html.contains("top"), "{html}");
    }

    #[test]
    fn comments_that_only_start_with_more_are_not_breaks() {
        assert_eq!(marked("a<!--moreover-->b"), "ab");
        assert_eq!(teaser(&marked("a<!--noteaser-->b")), None);
    }

    #[test]
    fn the_teaser_closes_what_is_open_at_the_break() {
        let html = marked("<div><p>Intro <em>words<!--more--> rest</em></p><p>more</p></div>");
        assert_eq!(
            teaser(&html).as_deref(),
            Some("<div><p>Intro <em>words</em></p></div>")
        );
    }

    #[test]
    fn a_break_at_either_end_hides_nothing() {
        assert_eq!(teaser(&marked("<!--more--><p>all</p>")), None);
        assert_eq!(teaser(&marked("<p>all</p><!--more-->")), None);
        assert_eq!(teaser(&marked("<p>no break</p>")), None);
        assert!(teaser(&marked("<p>a</p><!--more--><img src=\"/x.png\">")).is_some());
    }

    #[test]
    fn after_the_break_keeps_the_marker_first() {
        let html = marked("<p>a</p><!--more--><p>b</p>");
        assert_eq!(
            after_break(&html).as_deref(),
            Some(&*format!("{MARKER}<p>b</p>"))
        );
    }

    #[test]
    fn markdown_more_comment_is_a_break() {
        let html = crate::markdown_to_html("Intro.\n\n<!--more-->\n\nThe rest.\n");
        assert_eq!(teaser(&html).as_deref(), Some("<p>Intro.</p>"));
        assert!(html.contains(MARKER), "{html}");
        let code = crate::markdown_to_html("`<!--more-->` in code\n\nrest\n");
        assert!(!code.contains(MARKER), "{code}");
    }
}
