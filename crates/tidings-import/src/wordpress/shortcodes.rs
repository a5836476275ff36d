//! WordPress shortcode syntax: `[name attr="v" other='w' bare=x positional]`,
//! self-closing (`[name /]`, or no closing tag anywhere after it),
//! enclosing (`[name]content[/name]`), and escaped with double brackets
//! (`[[name]]` shows as `[name]`), read as WordPress's `get_shortcode_regex`
//! and `shortcode_parse_atts` read them.
//!
//! This module only finds shortcodes; what each becomes is the caller's
//! (`convert.rs`), so the syntax is tested on its own with plain strings.

/// One shortcode as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortcode<'a> {
    pub name: &'a str,
    /// Named attributes (names in lower case) and positional ones (`None`),
    /// in their order.
    pub attrs: Vec<(Option<String>, String)>,
    /// What an enclosing shortcode encloses; `None` for a self-closing one.
    pub content: Option<&'a str>,
}

impl Shortcode<'_> {
    /// The value of the named attribute `name`.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n.as_deref() == Some(name))
            .map(|(_, v)| v.as_str())
    }

    /// The first positional attribute (`[audio https://…]`).
    pub fn positional(&self) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n.is_none())
            .map(|(_, v)| v.as_str())
    }

    /// Whether it has a named attribute: plain bracketed words (`[sic]`,
    /// `[citation needed]`) have none.
    pub fn has_named_attrs(&self) -> bool {
        self.attrs.iter().any(|(n, _)| n.is_some())
    }
}

/// `text` with each shortcode replaced by what `render` makes of it; where
/// `render` answers `None` the shortcode stays as written. Escaped ones
/// (`[[…]]`) lose one pair of brackets and are never rendered.
pub fn replace(text: &str, mut render: impl FnMut(&Shortcode<'_>) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(at) = text[i..].find('[').map(|p| p + i) {
        out.push_str(&text[i..at]);
        let escaped = text[at + 1..].starts_with('[');
        let start = if escaped { at + 1 } else { at };
        match parse(text, start) {
            Some((sc, end)) if escaped && text[end..].starts_with(']') => {
                out.push_str(&text[start..end]);
                i = end + 1;
                let _ = sc;
            }
            Some((sc, end)) if !escaped => {
                match render(&sc) {
                    Some(html) => out.push_str(&html),
                    None => out.push_str(&text[start..end]),
                }
                i = end;
            }
            _ => {
                out.push('[');
                i = at + 1;
            }
        }
    }
    out.push_str(&text[i..]);
    out
}

/// The shortcode opening at `text[start]` (a `[`) and the byte just past it
/// (past its closing tag when it encloses).
fn parse(text: &str, start: usize) -> Option<(Shortcode<'_>, usize)> {
    let rest = &text[start + 1..];
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(rest.len());
    let name = &rest[..name_len];
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let after_name = &rest[name_len..];
    if !after_name.starts_with([']', ' ', '\t', '\n', '\r', '/']) {
        return None;
    }
    let close = after_name.find(']')?;
    let inside = &after_name[..close];
    if inside.contains('[') {
        return None;
    }
    let open_end = start + 1 + name_len + close + 1;
    let (inside, self_closing) = match inside.trim_end().strip_suffix('/') {
        Some(s) => (s, true),
        None => (inside, false),
    };
    let attrs = attributes(inside);
    let closing = format!("[/{name}]");
    let enclosed = (!self_closing)
        .then(|| text[open_end..].find(&closing))
        .flatten();
    Some(match enclosed {
        Some(len) => (
            Shortcode {
                name,
                attrs,
                content: Some(&text[open_end..open_end + len]),
            },
            open_end + len + closing.len(),
        ),
        None => (
            Shortcode {
                name,
                attrs,
                content: None,
            },
            open_end,
        ),
    })
}

/// Attributes as `shortcode_parse_atts` reads them: `name="v"`,
/// `name='v'`, `name=v`, `"v"`, `'v'` and `v`.
fn attributes(s: &str) -> Vec<(Option<String>, String)> {
    let mut out = Vec::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        let name_len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(rest.len());
        let after = rest[name_len..].trim_start();
        if name_len > 0 && after.starts_with('=') {
            let name = rest[..name_len].to_ascii_lowercase();
            let (value, next) = value(after[1..].trim_start());
            out.push((Some(name), value));
            rest = next;
        } else {
            let (value, next) = value(rest);
            if !value.is_empty() {
                out.push((None, value));
            }
            rest = next;
        }
        rest = rest.trim_start();
    }
    out
}

/// A quoted or bare value at the start of `s`, and what follows it.
fn value(s: &str) -> (String, &str) {
    for quote in ['"', '\'', '\u{201d}', '\u{2033}'] {
        if let Some(inner) = s.strip_prefix(quote) {
            let end = inner.find(quote).unwrap_or(inner.len());
            let next = inner.get(end + quote.len_utf8()..).unwrap_or("");
            return (inner[..end].to_owned(), next);
        }
    }
    let end = s.find(char::is_whitespace).unwrap_or(s.len());
    (s[..end].to_owned(), &s[end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let mut seen = Vec::new();
        replace(text, |sc| {
            seen.push(format!(
                "{}{:?}{}",
                sc.name,
                sc.attrs,
                sc.content.map_or(String::new(), |c| format!(" <{c}>"))
            ));
            Some(String::new())
        });
        seen
    }

    #[test]
    fn attributes_quoted_or_not() {
        assert_eq!(
            names(r#"[gallery ids="1,2" columns=3 size='medium' link=file]"#),
            [
                r#"gallery[(Some("ids"), "1,2"), (Some("columns"), "3"), (Some("size"), "medium"), (Some("link"), "file")]"#
            ]
        );
        assert_eq!(
            names("[audio https://x.test/a.mp3]"),
            [r#"audio[(None, "https://x.test/a.mp3")]"#]
        );
        assert_eq!(
            names(r#"[video "a b" Width = "3"]"#),
            [r#"video[(None, "a b"), (Some("width"), "3")]"#]
        );
    }

    #[test]
    fn enclosing_and_self_closing() {
        assert_eq!(
            names(r#"a [caption width="5"]<img src="x"> Hi[/caption] b"#),
            [r#"caption[(Some("width"), "5")] <<img src="x"> Hi>"#]
        );
        assert_eq!(names("[embed /]x[/embed]"), ["embed[]"]);
        assert_eq!(names("[gallery][gallery]"), ["gallery[]", "gallery[]"]);
    }

    #[test]
    fn rendered_replaced_and_unrendered_kept() {
        let out = replace("x [b]bold[/b] [sic] y", |sc| {
            (sc.name == "b").then(|| format!("<b>{}</b>", sc.content.unwrap_or("")))
        });
        assert_eq!(out, "x <b>bold</b> [sic] y");
    }

    #[test]
    fn escaped_shortcodes_show_as_written_minus_a_bracket_pair() {
        let out = replace("[[gallery ids=1]] and [[b]x[/b]] and [gallery]", |_| {
            Some("G".into())
        });
        assert_eq!(out, "[gallery ids=1] and [b]x[/b] and G");
    }

    #[test]
    fn not_shortcodes() {
        for text in ["[1]", "[ a]", "[a", "a]", "[<a>]", "[]", "[[", "[é]"] {
            assert_eq!(replace(text, |_| Some("!".into())), text, "{text}");
        }
    }
}
