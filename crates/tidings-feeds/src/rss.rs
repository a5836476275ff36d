//! RSS 2.0, served at `?alt=rss` for readers that still prefer it.
//!
//! RSS has no ids, paging or threading of its own, so this borrows what Blogger's RSS
//! uses: `atom:link` for self and next, OpenSearch paging, `slash:comments`, and
//! `thr:in-reply-to` in comment feeds. The author is `dc:creator` because RSS
//! `<author>` must be an e-mail address, which a blog does not publish.

use std::collections::BTreeMap;

use rss::extension::dublincore::DublinCoreExtension;
use rss::extension::{Extension, ExtensionMap};
use rss::{Category, Channel, Guid, Item};

use crate::model::{FeedEntry, FeedMeta};
use crate::xml::{ATOM_NS, OPENSEARCH_NS, SLASH_NS, THR_NS, clean, clean_html, escape};

/// Renders an RSS 2.0 document.
///
/// Each item's `<description>` holds the HTML body when there is one, else the plain
/// summary; `rss` writes it as CDATA, splitting any `]]>` inside.
pub fn rss(meta: &FeedMeta, entries: &[FeedEntry]) -> String {
    let mut atom = BTreeMap::new();
    let mut links = vec![atom_link("self", &meta.self_url)];
    if let Some(next) = &meta.next_url {
        links.push(atom_link("next", next));
    }
    atom.insert("link".to_owned(), links);

    let mut open_search = BTreeMap::from([
        (
            "startIndex".to_owned(),
            vec![value("openSearch:startIndex", meta.start_index)],
        ),
        (
            "itemsPerPage".to_owned(),
            vec![value("openSearch:itemsPerPage", meta.items_per_page)],
        ),
    ]);
    if let Some(total) = meta.total_results {
        open_search.insert(
            "totalResults".to_owned(),
            vec![value("openSearch:totalResults", total)],
        );
    }

    let channel = Channel {
        title: clean(&meta.title).into_owned(),
        link: clean(&meta.site_url).into_owned(),
        // <description> is required; a blog without a subtitle describes itself by name.
        description: clean(meta.subtitle.as_deref().unwrap_or(&meta.title)).into_owned(),
        last_build_date: Some(meta.updated.to_rfc2822()),
        language: crate::atom::language(meta),
        generator: Some("Tidings".to_owned()),
        items: entries.iter().map(item).collect(),
        extensions: ExtensionMap::from([
            ("atom".to_owned(), atom),
            ("openSearch".to_owned(), open_search),
        ]),
        namespaces: BTreeMap::from([
            ("atom".to_owned(), ATOM_NS.to_owned()),
            ("openSearch".to_owned(), OPENSEARCH_NS.to_owned()),
            ("slash".to_owned(), SLASH_NS.to_owned()),
            ("thr".to_owned(), THR_NS.to_owned()),
        ]),
        ..Channel::default()
    };

    let bytes = channel
        .pretty_write_to(Vec::new(), b' ', 2)
        // Writing to a Vec cannot fail, and every string was cleaned of what XML forbids.
        .expect("rss: writing to memory cannot fail");
    String::from_utf8(bytes).expect("rss: the writer emits only the UTF-8 it was given")
}

fn item(e: &FeedEntry) -> Item {
    let mut extensions = ExtensionMap::new();
    if let Some(count) = e.comment_count {
        extensions.insert(
            "slash".to_owned(),
            BTreeMap::from([("comments".to_owned(), vec![value("slash:comments", count)])]),
        );
    }
    if let Some(parent) = &e.in_reply_to {
        // `rss` escapes extension attributes itself, unlike `atom_syndication`.
        let attrs = BTreeMap::from([
            ("ref".to_owned(), clean(&parent.id).into_owned()),
            ("href".to_owned(), clean(&parent.url).into_owned()),
            ("type".to_owned(), "text/html".to_owned()),
        ]);
        extensions.insert(
            "thr".to_owned(),
            BTreeMap::from([(
                "in-reply-to".to_owned(),
                vec![Extension {
                    name: "thr:in-reply-to".to_owned(),
                    attrs,
                    ..Extension::default()
                }],
            )]),
        );
    }

    Item {
        title: Some(clean(&e.title).into_owned()),
        link: Some(clean(&e.url).into_owned()),
        description: match (&e.content_html, &e.summary) {
            (Some(html), _) => Some(clean_html(html).into_owned()),
            // A summary is plain text, and a reader takes a description as
            // HTML: `&lt;img onerror=…&gt;` in a code sample must stay text.
            (None, summary) => summary.as_deref().map(escape),
        },
        categories: e
            .labels
            .iter()
            .map(|label| Category {
                name: clean(label).into_owned(),
                domain: None,
            })
            .collect(),
        comments: e.comments_url.as_deref().map(|url| clean(url).into_owned()),
        // The id is a tag: URI, not a URL, so readers must not follow it.
        guid: Some(Guid {
            value: clean(&e.id).into_owned(),
            permalink: false,
        }),
        pub_date: Some(e.published.to_rfc2822()),
        dublin_core_ext: Some(DublinCoreExtension {
            creators: vec![clean(&e.author).into_owned()],
            ..DublinCoreExtension::default()
        }),
        extensions,
        ..Item::default()
    }
}

fn atom_link(rel: &str, href: &str) -> Extension {
    Extension {
        name: "atom:link".to_owned(),
        attrs: BTreeMap::from([
            ("rel".to_owned(), rel.to_owned()),
            ("href".to_owned(), clean(href).into_owned()),
            ("type".to_owned(), "application/rss+xml".to_owned()),
        ]),
        ..Extension::default()
    }
}

fn value(name: &str, n: u64) -> Extension {
    Extension {
        name: name.to_owned(),
        value: Some(n.to_string()),
        ..Extension::default()
    }
}
