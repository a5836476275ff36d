//! Where a page sits in the sidebar's list of pages: its parent page and
//! its place among its siblings, checked against the blog's other pages.

use std::collections::HashMap;

use tidings_core::{Post, PostKind};
use tidings_store::{Store, StoreError};

use crate::Error;

/// The lowest and highest place a page may take among its siblings.
pub const MENU_ORDER_RANGE: std::ops::RangeInclusive<i64> = -1_000_000..=1_000_000;

/// A page's parent and place as they will be stored.
pub(super) struct Order {
    pub parent_id: Option<i64>,
    pub menu_order: i64,
}

/// The parent and place `existing` (none for a new post) will have:
/// `parent_id` `Some(None)` puts it at the top, `None` keeps it. A parent
/// must be another page of the same blog, not in the trash, and not one
/// of the page's own descendants (the list would loop); only pages have
/// one. Each refusal names its field.
pub(super) async fn check(
    store: &Store,
    blog_id: i64,
    kind: PostKind,
    existing: Option<&Post>,
    parent_id: Option<Option<i64>>,
    menu_order: Option<i64>,
) -> Result<Order, Error> {
    let menu_order = menu_order.or(existing.map(|p| p.menu_order)).unwrap_or(0);
    if !MENU_ORDER_RANGE.contains(&menu_order) {
        return Err(Error::invalid(
            "menu_order",
            format!(
                "menu_order must be between {} and {}",
                MENU_ORDER_RANGE.start(),
                MENU_ORDER_RANGE.end()
            ),
        ));
    }
    let parent_id = match parent_id {
        None => existing.and_then(|p| p.parent_id),
        Some(None) => None,
        Some(Some(parent)) => {
            if kind != PostKind::Page {
                return Err(Error::invalid(
                    "parent_id",
                    "parent_id is for pages only: a post has no parent page",
                ));
            }
            check_parent(store, blog_id, existing.map(|p| p.id), parent).await?;
            Some(parent)
        }
    };
    Ok(Order {
        parent_id,
        menu_order,
    })
}

/// Refuses `parent` as the parent of page `page` (none while it is new).
async fn check_parent(
    store: &Store,
    blog_id: i64,
    page: Option<i64>,
    parent: i64,
) -> Result<(), Error> {
    let refuse = |why: String| Error::invalid("parent_id", why);
    if page == Some(parent) {
        return Err(refuse(
            "parent_id names this page itself: a page cannot be its own parent".into(),
        ));
    }
    let pages: HashMap<i64, Option<i64>> = store
        .all_pages(blog_id)
        .await?
        .into_iter()
        .map(|p| (p.id, p.parent_id))
        .collect();
    if !pages.contains_key(&parent) {
        return Err(refuse(match store.post_by_id(blog_id, parent).await {
            Ok(p) if p.kind == PostKind::Post => {
                format!("parent_id {parent} is a post, not a page: only a page can be a parent")
            }
            Ok(_) => format!("parent_id {parent} is a page in the trash"),
            Err(StoreError::NotFound) => {
                format!("parent_id {parent}: this blog has no page with that id")
            }
            Err(e) => return Err(e.into()),
        }));
    }
    // Up from the parent: meeting the page means the parent is below it.
    let mut at = Some(parent);
    let mut steps = 0;
    while let (Some(id), Some(page)) = (at, page) {
        if id == page {
            return Err(refuse(format!(
                "parent_id {parent} is under this page: a page cannot go under its own subpage"
            )));
        }
        steps += 1;
        if steps > pages.len() {
            break;
        }
        at = pages.get(&id).copied().flatten();
    }
    Ok(())
}
