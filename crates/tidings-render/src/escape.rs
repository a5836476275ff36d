//! Minimal HTML escaping, shared by everything in this crate that writes text into
//! markup we build ourselves.
//!
//! The five characters below are enough for both element content and quoted attribute
//! values; anything more (escaping non-ASCII, say) only makes output larger and harder
//! to read, and would mangle 4-byte UTF-8 that must survive untouched.

/// Minimal HTML escaping of text for element content and attribute values
/// (`&` `<` `>` `"` `'`).
///
/// Safe in element content and in attribute values quoted with either `"` or `'`.
/// Not safe for unquoted attributes, URLs in `href` that must be scheme-checked, or
/// `<script>`/`<style>` content; this crate never writes any of those.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    push_escaped(&mut out, s);
    out
}

/// Appends `s` to `out`, escaped as [`escape_html`] does, without an extra allocation.
pub(crate) fn push_escaped(out: &mut String, s: &str) {
    // Writing to a `String` cannot fail.
    let _ = write_escaped(out, s);
}

/// Writes `s` to `out`, escaped as [`escape_html`] does: what the theme's
/// templates write every value with, straight into the page.
///
/// Works on bytes and copies the runs between special characters whole: the
/// five are ASCII, so they never occur inside a longer UTF-8 character, and
/// every page's text goes through here (a char at a time was a twentieth of
/// an uncached page's time, by perf).
pub fn write_escaped<W: std::fmt::Write + ?Sized>(out: &mut W, s: &str) -> std::fmt::Result {
    let mut done = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.write_str(&s[done..i])?;
        out.write_str(entity)?;
        done = i + 1;
    }
    out.write_str(&s[done..])
}

#[cfg(test)]
mod tests {
    use super::escape_html;

    #[test]
    fn escapes_the_five_special_characters() {
        assert_eq!(
            escape_html(r#"<a href="x" title='y'>Tom & Jerry</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;"
        );
    }

    #[test]
    fn hostile_attribute_breakout_is_inert() {
        assert_eq!(
            escape_html(r#""><svg onload=alert(1)>"#),
            "&quot;&gt;&lt;svg onload=alert(1)&gt;"
        );
    }

    #[test]
    fn leaves_everything_else_alone() {
        assert_eq!(escape_html(""), "");
        assert_eq!(escape_html("plain text"), "plain text");
        assert_eq!(escape_html("Grüße, 東京 🦀 𝄞"), "Grüße, 東京 🦀 𝄞");
        assert_eq!(escape_html("&amp;"), "&amp;amp;");
    }
}
