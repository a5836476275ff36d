//! Cutting plain text down to a summary: feed entries, meta descriptions, list-page
//! teasers.
//!
//! Lengths are counted in `char`s because that is what people and most consumers
//! (meta description guidelines, feed readers) count, and because a byte limit could
//! split a multi-byte character. The result, ellipsis included, is never longer than
//! asked, so callers can use the limit as a hard cap.

/// Up to `max_chars` characters of `text` (surrounding whitespace trimmed), cut at a
/// word boundary, with "…" appended when cut. The "…" counts towards `max_chars`.
///
/// Punctuation left dangling at the cut (`,` `;` `:` `.` and dashes) is dropped before
/// the "…". A single word longer than the limit is cut mid-word, as that is the only
/// way to respect it. `max_chars == 0` gives an empty string.
pub fn summary(text: &str, max_chars: usize) -> String {
    let text = text.trim();
    if text.chars().nth(max_chars).is_none() {
        return text.to_owned();
    }
    let Some(budget) = max_chars.checked_sub(1) else {
        return String::new();
    };
    // Byte offset just past the first `budget` chars; `budget < char count` here.
    let hard_cut = text
        .char_indices()
        .nth(budget)
        .map_or(text.len(), |(i, _)| i);
    let next_is_space = text[hard_cut..].starts_with(char::is_whitespace);
    let cut = if next_is_space {
        hard_cut
    } else {
        text[..hard_cut]
            .rfind(char::is_whitespace)
            .unwrap_or(hard_cut)
    };
    let kept = text[..cut].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '-' | '–' | '—')
    });
    let kept = if kept.is_empty() {
        &text[..hard_cut]
    } else {
        kept
    };
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::summary;

    #[test]
    fn short_text_is_returned_whole() {
        assert_eq!(summary("Hello world", 11), "Hello world");
        assert_eq!(summary("Hello world", 100), "Hello world");
        assert_eq!(summary("  padded  ", 6), "padded");
        assert_eq!(summary("", 10), "");
        assert_eq!(summary("", 0), "");
    }

    #[test]
    fn cuts_at_a_word_boundary_within_the_limit() {
        assert_eq!(summary("The quick brown fox jumps", 12), "The quick…");
        assert_eq!(summary("The quick brown fox jumps", 16), "The quick brown…");
        assert_eq!(summary("The quick brown fox jumps", 11), "The quick…");
        assert_eq!(summary("The quick brown fox jumps", 10), "The quick…");
        assert_eq!(summary("The quick brown fox jumps", 9), "The…");
    }

    #[test]
    fn never_exceeds_the_limit() {
        let text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.";
        for max in 0..=text.chars().count() + 2 {
            let s = summary(text, max);
            assert!(s.chars().count() <= max, "{max}: {s:?}");
        }
    }

    #[test]
    fn drops_dangling_punctuation_before_the_ellipsis() {
        assert_eq!(summary("Hello, world and more", 8), "Hello…");
        assert_eq!(summary("End. Next sentence here", 9), "End…");
        assert_eq!(summary("one — two three", 7), "one…");
    }

    #[test]
    fn a_single_long_word_is_cut_hard() {
        assert_eq!(summary("Donaudampfschifffahrt", 6), "Donau…");
        assert_eq!(summary("ab", 1), "…");
        assert_eq!(summary("ab", 0), "");
    }

    #[test]
    fn counts_chars_not_bytes() {
        assert_eq!(summary("Grüße aus Köln", 14), "Grüße aus Köln");
        assert_eq!(summary("Grüße aus Köln", 11), "Grüße aus…");
        assert_eq!(summary("🦀🦀🦀 𝄞𝄞𝄞 東京", 8), "🦀🦀🦀 𝄞𝄞𝄞…");
        assert_eq!(summary("🦀🦀🦀🦀🦀", 3), "🦀🦀…");
    }

    #[test]
    fn multi_line_text_cuts_at_line_breaks_too() {
        assert_eq!(summary("first\nsecond line", 10), "first…");
    }
}
