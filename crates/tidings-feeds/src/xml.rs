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
    if all_xml_chars(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().filter(|&c| is_xml_char(c)).collect())
    }
}

/// Whether every character of `s` is an XML 1.0 `Char`, checked on bytes:
/// every post body of every feed passes here, and a `char` at a time this
/// was a quarter of an uncached feed's time (issue 7). The forbidden
/// controls are single bytes; U+FFFE and U+FFFF are `EF BF BE` and
/// `EF BF BF`. Each block of bytes is first tested without branches (which
/// the compiler turns into vector instructions); only a block holding a
/// control or an `EF` is looked at byte by byte.
fn all_xml_chars(s: &str) -> bool {
    const BLOCK: usize = 32;
    let b = s.as_bytes();
    let control = |x: u8| x < 0x20 && !matches!(x, b'\t' | b'\n' | b'\r');
    let suspect = |x: u8| control(x) | (x == 0xEF);
    let forbidden = |i: usize| {
        control(b[i])
            || (b[i] == 0xEF
                && b.get(i + 1) == Some(&0xBF)
                && matches!(b.get(i + 2), Some(0xBE | 0xBF)))
    };
    b.chunks(BLOCK).enumerate().all(|(n, block)| {
        !block.iter().fold(false, |acc, &x| acc | suspect(x))
            || !(n * BLOCK..n * BLOCK + block.len()).any(forbidden)
    })
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
        assert_eq!(
            clean("x\u{FFFE}y\u{FFFF}z\u{FFFD}\u{EFBF}"),
            "xyz\u{FFFD}\u{EFBF}"
        );
        assert!(matches!(clean("Grüße \u{FFFD} 東京\r\n"), Cow::Borrowed(_)));
        // Wherever a forbidden character falls against the blocks checked at once.
        for at in 0..70 {
            let long = format!("{}\u{FFFF}{}", "a".repeat(at), "b\n".repeat(20));
            assert_eq!(clean(&long), long.replace('\u{FFFF}', ""), "at {at}");
            let long = format!("{}\u{8}{}", "é".repeat(at), "c".repeat(40));
            assert_eq!(clean(&long), long.replace('\u{8}', ""), "at {at}");
        }
        assert_eq!(
            escape("<a href=\"x\">Tom & 'Jerry'</a>\u{1}"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;"
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
