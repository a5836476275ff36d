//! The class names author HTML may keep beyond our own (footnotes, code
//! languages): those WordPress writes for the layouts themes style, so
//! imported block galleries, columns, covers, captions and aligned images
//! keep their shape under the built-in theme, and Blogger's `separator`
//! (its centred image blocks).
//!
//! An allowlist of names, never arbitrary ones: a class an author picks
//! could otherwise borrow the look (or hide) of our own page furniture,
//! such as a fake "awaiting moderation" notice or a hidden link.

/// Whole names WordPress writes (classic editor, shortcodes, blocks).
const NAMES: &[&str] = &[
    "alignleft",
    "alignright",
    "aligncenter",
    "alignnone",
    "alignwide",
    "alignfull",
    "wp-caption",
    "wp-caption-text",
    "wp-element-caption",
    "gallery",
    "gallery-item",
    "gallery-icon",
    "gallery-caption",
    "wp-embed",
    "embed-provider",
    "has-nested-images",
    "is-cropped",
    "is-layout-flex",
    "is-layout-flow",
    "is-layout-constrained",
    "is-layout-grid",
    "is-stacked-on-mobile",
    "is-not-stacked-on-mobile",
    "is-vertically-aligned-top",
    "is-vertically-aligned-center",
    "is-vertically-aligned-bottom",
    "columns-default",
    "has-text-align-left",
    "has-text-align-center",
    "has-text-align-right",
    "has-parallax",
    "is-light",
    "size-full",
    "size-large",
    "size-medium",
    "size-thumbnail",
    "blocks-gallery-grid",
    "blocks-gallery-item",
    "blocks-gallery-item__caption",
    "separator",
];

/// Whether `class` is one WordPress writes for layout: one of [`NAMES`],
/// a block's own (`wp-block-gallery`, `wp-block-cover__image-background`),
/// or a column count (`gallery-columns-3`, `columns-3`).
pub(crate) fn is_wordpress_class(class: &str) -> bool {
    if NAMES.contains(&class) {
        return true;
    }
    if let Some(block) = class.strip_prefix("wp-block-") {
        return !block.is_empty()
            && block
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    }
    ["gallery-columns-", "columns-"].iter().any(|prefix| {
        class
            .strip_prefix(prefix)
            .is_some_and(|n| matches!(n.parse::<u8>(), Ok(1..=9)) && n.len() == 1)
    })
}

#[cfg(test)]
mod tests {
    use super::is_wordpress_class;

    #[test]
    fn wordpress_layout_classes_and_nothing_else() {
        for kept in [
            "alignright",
            "wp-block-gallery",
            "wp-block-cover__image-background",
            "gallery-columns-3",
            "columns-9",
            "wp-caption",
        ] {
            assert!(is_wordpress_class(kept), "{kept}");
        }
        for dropped in [
            "wp-block-",
            "wp-block-X",
            "columns-10",
            "columns-0",
            "gallery-columns-",
            "comment-form",
            "post",
            "awaiting-moderation",
            "hidden",
        ] {
            assert!(!is_wordpress_class(dropped), "{dropped}");
        }
    }
}
