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

/// Drops the characters XML 1.0 does not allow anywhere, even escaped, from
/// plain text (titles, names, addresses): the one rule of
/// `tidings_core::xml_chars`.
pub(crate) fn clean(s: &str) -> Cow<'_, str> {
    tidings_core::xml_chars::strip(s)
}

/// The same for HTML a feed carries: replaced with U+FFFD, not dropped, since
/// dropping would join the halves around the character into words the
/// sanitiser never saw (`java\u{B}script:` would become a script URL).
pub(crate) fn clean_html(s: &str) -> Cow<'_, str> {
    tidings_core::xml_chars::replace(s)
}

/// Cleans `s` and escapes it for use as element text or an attribute value.
pub(crate) fn escape(s: &str) -> String {
    let s = clean(s);
    let mut out = String::with_capacity(s.len());
    let mut done = 0;
    // By runs of bytes: the five are ASCII, never inside a longer character.
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&apos;",
            _ => continue,
        };
        out.push_str(&s[done..i]);
        out.push_str(entity);
        done = i + 1;
    }
    out.push_str(&s[done..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_drops_what_xml_cannot_carry() {
        assert_eq!(
            escape("<a href=\"x\">Tom & 'Jerry'</a>\u{1}"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;"
        );
        assert_eq!(
            clean_html("<a href=\"java\u{B}script:x\">"),
            "<a href=\"java\u{FFFD}script:x\">"
        );
    }

    #[test]
    fn escape_covers_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x">&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;"
        );
    }
}
