//! Finding bare `http://` and `https://` URLs in untrusted plain text.
//!
//! This is the only place comment text becomes markup, so it is written as a small
//! scanner over the text rather than a regular expression over HTML: every byte that
//! is not part of a recognised URL goes through [`push_escaped`], and the URL itself
//! is escaped both as the `href` value and as the link text. Nothing the commenter
//! types can end the attribute or open a tag.
//!
//! Only `http` and `https` are linked, so `javascript:` and friends stay text.

use crate::escape::push_escaped;

/// Appends `text` to `out` escaped, with bare http(s) URLs turned into
/// `<a href="…" rel="nofollow ugc">…</a>`.
pub(crate) fn push_autolinked(out: &mut String, text: &str) {
    let mut copied = 0;
    let mut from = 0;
    while let Some(start) = find_scheme(text, from) {
        match url_end(text, start) {
            Some(end) => {
                push_escaped(out, &text[copied..start]);
                let url = &text[start..end];
                out.push_str("<a href=\"");
                push_escaped(out, url);
                out.push_str("\" rel=\"nofollow ugc\">");
                push_escaped(out, url);
                out.push_str("</a>");
                copied = end;
                from = end;
            }
            // `start` is an ASCII `h`, so the next byte is a char boundary.
            None => from = start + 1,
        }
    }
    push_escaped(out, &text[copied..]);
}

/// Byte offset of the next `http://` or `https://` (any letter case) at or after
/// `from` that does not continue a word, so `xhttp://` is left alone.
fn find_scheme(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    (from..bytes.len()).find(|&i| {
        // ASCII bytes never occur inside a multi-byte UTF-8 sequence, so any `h` found
        // here is a char boundary and slicing at it is safe.
        matches!(bytes[i], b'h' | b'H')
            && scheme_len(&bytes[i..]).is_some()
            && !text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    })
}

fn scheme_len(bytes: &[u8]) -> Option<usize> {
    ["https://", "http://"].iter().find_map(|scheme| {
        let n = scheme.len();
        (bytes.len() >= n && bytes[..n].eq_ignore_ascii_case(scheme.as_bytes())).then_some(n)
    })
}

/// Where the URL starting at `start` ends, or `None` when what follows the scheme is
/// not the start of a host.
///
/// A URL runs until whitespace, a control character, or a character that cannot
/// appear unencoded in one (`<`, `>`, `"`, `` ` ``). Then trailing punctuation that
/// almost always belongs to the sentence is given back: `.` `,` `:` `;` `!` `?` `'`
/// `*` `_` `~`, and a closing `)` or `]` that has no opening partner inside the URL
/// (so `(see https://x.test/a)` loses the `)` but a Wikipedia `…_(film)` keeps it).
fn url_end(text: &str, start: usize) -> Option<usize> {
    let rest = &text[start..];
    let scheme = scheme_len(rest.as_bytes())?;
    // Checked before scanning, so text full of `http:///` costs linear time. A host
    // character is never trimmed below, so the check cannot be undone.
    let host_start = rest[scheme..].chars().next()?;
    if !(host_start.is_alphanumeric() || host_start == '[') {
        return None;
    }
    let mut end = rest
        .char_indices()
        .find(|&(_, c)| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '`'))
        .map_or(rest.len(), |(i, _)| i);
    // Bracket surplus counted once and updated as we trim, keeping this linear.
    let open_parens = count(&rest[..end], '(');
    let mut close_parens = count(&rest[..end], ')');
    let open_brackets = count(&rest[..end], '[');
    let mut close_brackets = count(&rest[..end], ']');
    while let Some(last) = rest[..end].chars().next_back() {
        let trim = match last {
            '.' | ',' | ':' | ';' | '!' | '?' | '\'' | '*' | '_' | '~' => true,
            ')' if close_parens > open_parens => {
                close_parens -= 1;
                true
            }
            ']' if close_brackets > open_brackets => {
                close_brackets -= 1;
                true
            }
            _ => false,
        };
        if !trim {
            break;
        }
        end -= last.len_utf8();
    }
    // Never trimmed into the scheme: the host character stops the loop first.
    debug_assert!(end > scheme);
    Some(start + end)
}

fn count(s: &str, needle: char) -> usize {
    s.chars().filter(|&c| c == needle).count()
}

#[cfg(test)]
mod tests {
    use super::push_autolinked;

    fn link(text: &str) -> String {
        let mut out = String::new();
        push_autolinked(&mut out, text);
        out
    }

    fn a(url: &str) -> String {
        format!(r#"<a href="{url}" rel="nofollow ugc">{url}</a>"#)
    }

    #[test]
    fn links_bare_http_and_https() {
        assert_eq!(
            link("see http://x.test"),
            format!("see {}", a("http://x.test"))
        );
        assert_eq!(
            link("https://x.test/a?b=1#c and HTTPS://Y.test"),
            format!(
                "{} and {}",
                a("https://x.test/a?b=1#c"),
                a("HTTPS://Y.test")
            )
        );
    }

    #[test]
    fn trailing_punctuation_is_not_part_of_the_link() {
        for (text, url, after) in [
            ("https://x.test.", "https://x.test", "."),
            ("https://x.test/a,", "https://x.test/a", ","),
            ("https://x.test!", "https://x.test", "!"),
            ("https://x.test/?", "https://x.test/", "?"),
            ("https://x.test/a.html...", "https://x.test/a.html", "..."),
            ("https://x.test/a;", "https://x.test/a", ";"),
            ("https://x.test/a:", "https://x.test/a", ":"),
            ("https://x.test/a'", "https://x.test/a", "&#39;"),
        ] {
            assert_eq!(link(text), format!("{}{after}", a(url)), "{text}");
        }
    }

    #[test]
    fn parentheses_are_kept_only_when_balanced() {
        assert_eq!(
            link("(see https://x.test/a)"),
            format!("(see {})", a("https://x.test/a"))
        );
        assert_eq!(
            link("https://en.wikipedia.test/wiki/Heat_(film)."),
            format!("{}.", a("https://en.wikipedia.test/wiki/Heat_(film)"))
        );
        assert_eq!(
            link("(https://en.wikipedia.test/wiki/Heat_(film))"),
            format!("({})", a("https://en.wikipedia.test/wiki/Heat_(film)"))
        );
        assert_eq!(
            link("[https://x.test/]"),
            format!("[{}]", a("https://x.test/"))
        );
    }

    #[test]
    fn markup_in_urls_is_escaped_or_ends_the_url() {
        assert_eq!(
            link(r#"http://x.test/"><b>"#),
            format!("{}&quot;&gt;&lt;b&gt;", a("http://x.test/"))
        );
        assert_eq!(
            link("http://x.test/?a=1&b=<script>"),
            format!("{}&lt;script&gt;", a("http://x.test/?a=1&amp;b="))
        );
        assert_eq!(
            link("http://x.test/'onmouseover='alert(1)"),
            format!("{}", a("http://x.test/&#39;onmouseover=&#39;alert(1)"))
        );
    }

    #[test]
    fn other_schemes_and_non_urls_stay_text() {
        assert_eq!(link("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(link("xhttp://x.test"), "xhttp://x.test");
        assert_eq!(link("http:// x"), "http:// x");
        assert_eq!(link("http://."), "http://.");
        assert_eq!(link("http:///etc/passwd"), "http:///etc/passwd");
        assert_eq!(link("https://"), "https://");
        assert_eq!(link("http"), "http");
        assert_eq!(link("www.x.test"), "www.x.test");
        assert_eq!(link("http://(x)"), "http://(x)");
    }

    #[test]
    fn pathological_input_stays_linear() {
        // Quadratic scanning would take minutes on these; linear takes milliseconds.
        let bad_hosts = "http:///".repeat(50_000);
        assert_eq!(link(&bad_hosts), bad_hosts);
        let parens = format!("http://x.test/{}", ")".repeat(200_000));
        assert!(link(&parens).starts_with(&a("http://x.test/")));
    }

    #[test]
    fn non_ascii_urls_and_neighbours_survive() {
        assert_eq!(
            link("Ü https://de.wikipedia.test/wiki/Düsseldorf 🦀"),
            format!("Ü {} 🦀", a("https://de.wikipedia.test/wiki/Düsseldorf"))
        );
        assert_eq!(
            link("🦀https://x.test"),
            format!("🦀{}", a("https://x.test"))
        );
        assert_eq!(link("éhttps://x.test"), "éhttps://x.test");
    }
}
