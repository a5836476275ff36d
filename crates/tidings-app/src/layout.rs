//! The blog's look: the sidebar's layout and the owner's stylesheet.
//!
//! Changing either is the admin's alone (`permission::may_administer`), from
//! the Layout and settings pages and the API alike; every member reads them.
//! A layout is checked whole before anything is stored (`tidings_core::gadget`),
//! a refusal naming the item and its field, and a text gadget's HTML goes
//! through the posts' sanitiser, so what is stored is what pages may show.

use sha2::{Digest, Sha256};
use tidings_core::gadget::{self, Gadget, Settings};
use tidings_core::permission;
use tidings_store::{Layout, Store};

use crate::{Actor, Error, work};

/// The most characters in the owner's stylesheet (64 Ki): ample for a
/// theme's worth of rules, small enough to keep in memory.
pub const MAX_CSS: usize = 64 * 1024;

/// One gadget as a way in sends it: its type by name and its settings as
/// JSON, checked by [`replace`].
#[derive(Debug, Clone)]
pub struct Item {
    pub id: Option<i64>,
    pub kind: String,
    pub title: String,
    pub settings: serde_json::Value,
}

/// Refused unless `by` may change the blog's look: checked before the
/// Layout page is shown, and by [`replace`] before anything is read.
pub fn may_change(by: Actor<'_>) -> Result<(), Error> {
    by.require(permission::may_administer, "change the blog's layout")
}

/// The layout of `blog_id`: the one saved, or the default sidebar.
pub async fn read(store: &Store, blog_id: i64) -> Result<Layout, Error> {
    Ok(store.layout(blog_id).await?)
}

/// Replaces the layout of `blog_id` with `items`, in order, and answers the
/// gadgets as stored; or the first item that will not do, with nothing
/// stored. Every node's caches drop the blog's pages (the store records
/// the change).
pub async fn replace(
    store: &Store,
    by: Actor<'_>,
    blog_id: i64,
    items: Vec<Item>,
) -> Result<Vec<Gadget>, Error> {
    may_change(by)?;
    let gadgets = parse(items)?;
    let gadgets = sanitised(gadgets).await?;
    Ok(store.save_layout(blog_id, &gadgets).await?)
}

/// The items as gadgets, each checked.
pub fn parse(items: Vec<Item>) -> Result<Vec<Gadget>, Error> {
    let refused =
        |r: gadget::Refusal| Error::invalid("items", format!("{}: {}", r.field, r.message));
    let mut gadgets = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let settings = Settings::parse(item.kind.trim(), item.settings)
            .map_err(|r| refused(r.under(&format!("items[{i}]"))))?;
        gadgets.push(Gadget {
            id: item.id,
            title: item.title.trim().to_owned(),
            settings,
        });
    }
    gadget::check_layout(&gadgets).map_err(refused)?;
    Ok(gadgets)
}

/// Text gadgets' HTML through the posts' sanitiser, on the work pool;
/// HTML nested too deep is refused, naming the item, so the owner can fix it.
pub(crate) async fn sanitised(mut gadgets: Vec<Gadget>) -> Result<Vec<Gadget>, Error> {
    if !gadgets
        .iter()
        .any(|g| matches!(g.settings, Settings::Text(_)))
    {
        return Ok(gadgets);
    }
    work::run(move || {
        for (i, g) in gadgets.iter_mut().enumerate() {
            if let Settings::Text(text) = &mut g.settings {
                text.html = tidings_render::try_sanitize_html(&text.html).map_err(|e| {
                    Error::invalid(
                        "items",
                        format!("items[{i}].settings.html: {e}; flatten it"),
                    )
                })?;
            }
        }
        Ok(gadgets)
    })
    .await?
}

/// The owner's stylesheet checked, with the hash that names it (empty for
/// none). Served as a stylesheet of its own, never inside a page, so no
/// text in it can end a `<style>` element or reach the HTML; characters no
/// stylesheet needs (NUL, other controls) are refused.
pub fn checked_css(css: &str) -> Result<(String, String), Error> {
    if css.chars().count() > MAX_CSS {
        return Err(Error::invalid(
            "custom_css",
            format!(
                "custom_css holds at most {MAX_CSS} characters; this has {}.",
                css.chars().count()
            ),
        ));
    }
    if css
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
    {
        return Err(Error::invalid(
            "custom_css",
            "custom_css holds a control character no stylesheet needs.",
        ));
    }
    if css.trim().is_empty() {
        return Ok((String::new(), String::new()));
    }
    let digest = Sha256::digest(css.as_bytes());
    let hash = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    Ok((css.to_owned(), hash))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn item(kind: &str, title: &str, settings: serde_json::Value) -> Item {
        Item {
            id: None,
            kind: kind.into(),
            title: title.into(),
            settings,
        }
    }

    #[test]
    fn a_refusal_names_the_item_and_its_field() {
        let e = parse(vec![
            item("search", "", json!(null)),
            item("image", "Me", json!({"url": "javascript:alert(1)"})),
        ])
        .unwrap_err();
        assert!(e.to_string().starts_with("items[1].settings.url: "), "{e}");
        let e = parse(vec![item("weather", "", json!({}))]).unwrap_err();
        assert!(e.to_string().starts_with("items[0].type: "), "{e}");
    }

    #[test]
    fn stylesheets_are_limited_and_named_by_content() {
        let (css, hash) = checked_css("body { color: red }").unwrap();
        assert_eq!(css, "body { color: red }");
        assert_eq!(hash.len(), 16);
        assert_ne!(hash, checked_css("body { color: blue }").unwrap().1);
        assert_eq!(checked_css("  ").unwrap().1, "");
        assert!(checked_css(&"a".repeat(MAX_CSS + 1)).is_err());
        assert!(checked_css("a\0b").is_err());
    }
}
