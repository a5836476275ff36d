//! WordPress's nav menus (`nav_menu_item` items, each filed under its menu's
//! `nav_menu` term) as link list gadgets: one per menu, titled with the
//! menu's name, its items in their order. Submenus are flattened, as a
//! sidebar list has no levels. An item pointing at a post, a page or a
//! category links to where that is here; a custom link keeps its address;
//! `#`, WordPress's placeholder for a submenu's heading, has nowhere to go
//! and is left out.

use std::collections::HashMap;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use tidings_core::gadget::{Gadget, Link, LinkList, MAX_LINKS, Settings};

use super::terms::Terms;
use crate::one_line;
use crate::xml::Elem;

/// Characters a label keeps as they are in its address; as the theme links it.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// One `nav_menu_item`, read.
#[derive(Debug, Clone, PartialEq)]
pub struct MenuItem {
    /// The menu's slug and name (its `nav_menu` category).
    pub menu: (String, String),
    pub order: i64,
    /// Empty: the title of what it points at.
    pub title: String,
    pub target: Target,
}

/// What a menu item points at.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// A post or page, by its `post_id`.
    Post(String),
    /// A category, by its term id.
    Category(String),
    /// An address as the owner typed it.
    Custom(String),
}

/// A `nav_menu_item` item; `None` when it names no menu.
pub(crate) fn item(e: &Elem) -> Option<MenuItem> {
    let menu = e
        .all("", "category")
        .find(|c| c.attr("domain") == Some("nav_menu"))?;
    let slug = menu.attr("nicename").unwrap_or_default().to_owned();
    let meta = |key: &str| super::meta(e, key).unwrap_or_default().to_owned();
    let target = match (meta("_menu_item_type").as_str(), meta("_menu_item_object")) {
        ("post_type", _) => Target::Post(meta("_menu_item_object_id")),
        ("taxonomy", object) if object == "category" => {
            Target::Category(meta("_menu_item_object_id"))
        }
        _ => Target::Custom(meta("_menu_item_url")),
    };
    Some(MenuItem {
        menu: (slug, one_line(&menu.text)),
        order: e
            .text_of("wp", "menu_order")
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0),
        title: one_line(e.text_of("", "title").unwrap_or_default()),
        target,
    })
}

/// Where a post or page of the file is here, and its title, by `post_id`.
pub(crate) type Posts<'a> = HashMap<&'a str, (&'a str, &'a str)>;

/// One link list gadget per menu with links, in the order of the menus'
/// first items; notes name the items left out.
pub(crate) fn gadgets(
    items: &[MenuItem],
    posts: &Posts<'_>,
    terms: &Terms,
    notes: &mut Vec<String>,
) -> Vec<Gadget> {
    let mut menus: Vec<(&(String, String), Vec<&MenuItem>)> = Vec::new();
    for item in items {
        match menus.iter_mut().find(|(m, _)| *m == &item.menu) {
            Some((_, list)) => list.push(item),
            None => menus.push((&item.menu, vec![item])),
        }
    }
    let mut out = Vec::new();
    for ((_, name), mut list) in menus {
        list.sort_by_key(|i| i.order);
        let links: Vec<Link> = list
            .into_iter()
            .filter_map(|i| link(i, posts, terms, notes))
            .take(MAX_LINKS)
            .collect();
        if links.is_empty() {
            notes.push(format!("the menu {name:?} has no link to keep: left out"));
            continue;
        }
        let gadget = Gadget {
            id: None,
            title: if name.is_empty() {
                "Menu".into()
            } else {
                name.clone()
            },
            settings: Settings::LinkList(LinkList {
                links,
                ..LinkList::default()
            }),
        };
        match gadget.check() {
            Ok(()) => out.push(gadget),
            Err(e) => notes.push(format!("the menu {name:?} was left out: {}", e.message)),
        }
    }
    out
}

/// An item's link here; `None` (with a note unless it is a `#` heading)
/// when it leads nowhere a reader can go.
fn link(
    item: &MenuItem,
    posts: &Posts<'_>,
    terms: &Terms,
    notes: &mut Vec<String>,
) -> Option<Link> {
    let (url, title) = match &item.target {
        Target::Post(id) => match posts.get(id.as_str()) {
            Some((path, title)) => ((*path).to_owned(), *title),
            None => {
                notes.push(format!(
                    "menu {:?}: the item for post {id} left out, that post is not in the file",
                    item.menu.1
                ));
                return None;
            }
        },
        Target::Category(id) => match terms.category_name(id) {
            Some(name) => (
                format!("/search/label/{}", utf8_percent_encode(name, SEGMENT)),
                name,
            ),
            None => {
                notes.push(format!(
                    "menu {:?}: the item for category {id} left out, the file does not name it",
                    item.menu.1
                ));
                return None;
            }
        },
        Target::Custom(url) if url.trim().is_empty() || url.trim() == "#" => return None,
        Target::Custom(url) => (url.trim().to_owned(), ""),
    };
    let text = if item.title.is_empty() {
        title
    } else {
        item.title.as_str()
    };
    let link = Link {
        text: text.to_owned(),
        url,
    };
    let alone = Gadget {
        id: None,
        title: "menu".into(),
        settings: Settings::LinkList(LinkList {
            links: vec![link.clone()],
            ..LinkList::default()
        }),
    };
    match alone.check() {
        Ok(()) => Some(link),
        Err(e) => {
            notes.push(format!(
                "menu {:?}: the item {:?} left out: {}",
                item.menu.1, link.text, e.message
            ));
            None
        }
    }
}
