//! The characters XML 1.0 cannot carry, even escaped: the C0 controls other
//! than tab, line feed and carriage return, and the non-characters U+FFFE and
//! U+FFFF (Rust strings hold no lone surrogates, the only other exclusion).
//!
//! One rule for both ends. Every way in (the API, the editor, the comment
//! form, settings, names, imports) refuses such text naming the field
//! ([`check`]), so a blog's feeds and its Blogger and WordPress exports stay
//! readable whatever an author pasted; every writer of XML and every renderer
//! drops what older data may still hold ([`strip`]).

use std::borrow::Cow;

/// Whether `c` may appear in an XML 1.0 document.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// Whether every character of `s` may appear in XML, checked on bytes:
/// every post body of every feed passes here, and a `char` at a time this
/// was a quarter of an uncached feed's time (perf). The forbidden
/// controls are single bytes; U+FFFE and U+FFFF are `EF BF BE` and
/// `EF BF BF`. Each block of bytes is first tested without branches (which
/// the compiler turns into vector instructions); only a block holding a
/// control or an `EF` is looked at byte by byte.
pub fn all_xml_chars(s: &str) -> bool {
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

/// The first character of `s` XML cannot carry, with its byte offset.
pub fn find_forbidden(s: &str) -> Option<(usize, char)> {
    if all_xml_chars(s) {
        return None;
    }
    s.char_indices().find(|&(_, c)| !is_xml_char(c))
}

/// `s` without the characters XML cannot carry; borrowed when it has none.
pub fn strip(s: &str) -> Cow<'_, str> {
    if all_xml_chars(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().filter(|&c| is_xml_char(c)).collect())
    }
}

/// Text refused because it holds a character XML cannot carry; says which
/// field, which character, and why, for a person to act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{field} must not contain {} ({}): feeds and exports cannot carry it; remove it and try again",
    code(.ch),
    kind(.ch)
)]
pub struct ForbiddenChar {
    pub field: String,
    pub ch: char,
}

fn code(c: &char) -> String {
    format!("U+{:04X}", u32::from(*c))
}

fn kind(c: &char) -> &'static str {
    if c.is_control() {
        "a control character"
    } else {
        "a non-character"
    }
}

/// Refuses `value` when it holds a character XML cannot carry, naming `field`.
pub fn check(field: &str, value: &str) -> Result<(), ForbiddenChar> {
    match find_forbidden(value) {
        None => Ok(()),
        Some((_, ch)) => Err(ForbiddenChar {
            field: field.to_owned(),
            ch,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strip_drops_forbidden_controls_and_keeps_the_rest() {
        assert_eq!(strip("a\u{0C}b\u{0}c\td😀"), "abc\td😀");
        assert!(matches!(strip("plain"), Cow::Borrowed(_)));
        assert_eq!(
            strip("x\u{FFFE}y\u{FFFF}z\u{FFFD}\u{EFBF}"),
            "xyz\u{FFFD}\u{EFBF}"
        );
        assert!(matches!(strip("Grüße \u{FFFD} 東京\r\n"), Cow::Borrowed(_)));
        // Wherever a forbidden character falls against the blocks checked at once.
        for at in 0..70 {
            let long = format!("{}\u{FFFF}{}", "a".repeat(at), "b\n".repeat(20));
            assert_eq!(strip(&long), long.replace('\u{FFFF}', ""), "at {at}");
            let long = format!("{}\u{8}{}", "é".repeat(at), "c".repeat(40));
            assert_eq!(strip(&long), long.replace('\u{8}', ""), "at {at}");
        }
    }

    #[test]
    fn check_names_the_field_and_the_character() {
        assert_eq!(check("title", "fine\ttext\r\n"), Ok(()));
        // C1 controls and DEL are allowed in XML 1.0.
        assert_eq!(check("title", "\u{7F}\u{85}"), Ok(()));
        let e = check("title", "a\u{B}b").unwrap_err();
        assert_eq!(e.ch, '\u{B}');
        assert_eq!(
            e.to_string(),
            "title must not contain U+000B (a control character): feeds and exports \
             cannot carry it; remove it and try again"
        );
        let e = check("body", "x\u{FFFF}").unwrap_err();
        assert!(e.to_string().contains("U+FFFF (a non-character)"), "{e}");
        assert_eq!(find_forbidden("ab\u{1B}"), Some((2, '\u{1B}')));
        assert!(check("body", "\0").is_err());
    }
}
