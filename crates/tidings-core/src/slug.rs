//! Slugs: the last part of a post's path, made from its title.

/// The longest slug we make from a title, as Blogger does.
pub const MAX_SLUG_CHARS: usize = 40;

/// Turns a title into a slug: lower case ASCII words joined by `-`, at most
/// [`MAX_SLUG_CHARS`] characters, cut at a word boundary.
///
/// Letters with accents are transliterated ("Café" → "cafe") so that a title in
/// any Latin script keeps a readable URL; a title with no letters or digits at all
/// (only CJK, only punctuation) yields `"post"` so every post still has a path.
pub fn slugify(title: &str) -> String {
    let ascii = deunicode::deunicode(title).to_ascii_lowercase();
    let mut slug = String::new();
    for word in ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let extra = if slug.is_empty() { 0 } else { 1 };
        if slug.len() + extra + word.len() > MAX_SLUG_CHARS {
            if slug.is_empty() {
                // A single word longer than the limit is cut, not dropped.
                slug.push_str(&word[..MAX_SLUG_CHARS]);
            }
            break;
        }
        if extra == 1 {
            slug.push('-');
        }
        slug.push_str(word);
    }
    if slug.is_empty() {
        "post".to_owned()
    } else {
        slug
    }
}

/// Whether `slug` is acceptable when an author gives one explicitly: the same
/// alphabet [`slugify`] produces, so paths never need escaping.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 100
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_lower_case_joined() {
        assert_eq!(slugify("Hello, World!"), "hello-world");
        assert_eq!(
            slugify("  Rust   2024: what's new? "),
            "rust-2024-what-s-new"
        );
    }

    #[test]
    fn cut_at_word_boundary_within_forty() {
        let s = slugify("The quick brown fox jumps over the lazy dog and keeps running");
        assert_eq!(s, "the-quick-brown-fox-jumps-over-the-lazy");
        assert!(s.len() <= MAX_SLUG_CHARS);
    }

    #[test]
    fn long_single_word_is_cut() {
        let s = slugify(&"a".repeat(60));
        assert_eq!(s.len(), MAX_SLUG_CHARS);
    }

    #[test]
    fn accents_transliterated_and_no_letters_fallback() {
        assert_eq!(slugify("Café crème"), "cafe-creme");
        assert_eq!(slugify("!!!"), "post");
        assert_eq!(slugify(""), "post");
    }

    #[test]
    fn explicit_slugs_checked() {
        assert!(is_valid_slug("my-post_2"));
        assert!(!is_valid_slug("My Post"));
        assert!(!is_valid_slug("../etc"));
        assert!(!is_valid_slug(""));
    }
}
