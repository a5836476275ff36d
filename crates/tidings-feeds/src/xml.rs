//! XML text hygiene shared by the renderers.
//!
//! `atom_syndication` and `rss` escape the text they write, but neither removes
//! characters that XML 1.0 forbids outright (most C0 controls, often pasted into
//! imported posts from word processors), and `atom_syndication` writes extension
//! attributes verbatim. One stray form feed would make the whole feed unreadable to
//! a strict parser, so every string passes through here first.

use std::borrow::Cow;

/// Namespace of RFC 4685 feed threading (`thr:in-reply-to`, `thr:total`).
pub(crate) const THR_NS: &str = "http://purl.org/syndication/thread/1.0";
/// The OpenSearch namespace Blogger declares for its paging elements; readers that
/// page through Blogger feeds look for this one.
pub(crate) const OPENSEARCH_NS: &str = "http://a9.com/-/spec/opensearchrss/1.0/";
/// Namespace of `slash:comments` in RSS.
pub(crate) const SLASH_NS: &str = "http://purl.org/rss/1.0/modules/slash/";
pub(crate) const ATOM_NS: &str = "http://www.w3.org/2005/Atom";

/// Drops the characters XML 1.0 does not allow anywhere, even escaped.
pub(crate) fn clean(s: &str) -> Cow<'_, str> {
    if s.chars().all(is_xml_char) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().filter(|&c| is_xml_char(c)).collect())
    }
}

/// Cleans `s` and escapes it for use as element text or an attribute value.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// XML 1.0 `Char`; Rust strings hold no surrogates, so only controls and the two
/// non-characters remain to exclude.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_drops_forbidden_controls_and_keeps_the_rest() {
        assert_eq!(clean("a\u{0C}b\u{0}c\td😀"), "abc\td😀");
        assert!(matches!(clean("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_covers_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x">&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;"
        );
    }
}
