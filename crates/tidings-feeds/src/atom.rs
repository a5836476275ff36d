//! Atom 1.0 (RFC 4287), the default at `/feeds/…/default` as on Blogger.
//!
//! Besides the core elements, a feed carries OpenSearch paging elements and RFC 4685
//! threading (`thr:total`, `thr:in-reply-to`, `rel="replies"` links), the way Blogger
//! feeds do, so readers and scripts that page through or thread Blogger feeds keep
//! working on an imported blog.

use std::collections::BTreeMap;

use atom_syndication::extension::{Extension, ExtensionMap};
use atom_syndication::{
    Category, Content, Entry, Feed, Generator, Link, Person, Text, WriteConfig,
};

use crate::model::{FeedEntry, FeedMeta};
use crate::xml::{OPENSEARCH_NS, THR_NS, clean, clean_html, escape};

const ATOM_TYPE: &str = "application/atom+xml";
const HTML_TYPE: &str = "text/html";

/// Renders an Atom 1.0 document.
///
/// Titles and summaries are `type="text"` (the default, so the attribute is left out),
/// bodies `type="html"`: the sanitised HTML travels escaped and readers render it.
pub fn atom(meta: &FeedMeta, entries: &[FeedEntry]) -> String {
    let mut links = vec![
        link("self", &meta.self_url, ATOM_TYPE),
        link("alternate", &meta.site_url, HTML_TYPE),
    ];
    if let Some(next) = &meta.next_url {
        links.push(link("next", next, ATOM_TYPE));
    }

    let feed = Feed {
        title: Text::plain(clean(&meta.title)),
        id: clean(&meta.id).into_owned(),
        updated: meta.updated.fixed_offset(),
        subtitle: meta.subtitle.as_deref().map(|s| Text::plain(clean(s))),
        lang: language(meta),
        generator: Some(Generator {
            value: "Tidings".to_owned(),
            uri: None,
            version: None,
        }),
        links,
        entries: entries.iter().map(entry).collect(),
        extensions: paging(meta),
        namespaces: BTreeMap::from([
            ("openSearch".to_owned(), OPENSEARCH_NS.to_owned()),
            ("thr".to_owned(), THR_NS.to_owned()),
        ]),
        ..Feed::default()
    };

    let config = WriteConfig {
        write_document_declaration: true,
        indent_size: Some(2),
    };
    let bytes = feed
        .write_with_config(Vec::new(), config)
        // Writing to a Vec cannot fail, and every string was cleaned of what XML forbids.
        .expect("atom: writing to memory cannot fail");
    String::from_utf8(bytes).expect("atom: the writer emits only the UTF-8 it was given")
}

/// The feed's language, when it has one, cleaned like every other string.
pub(crate) fn language(meta: &FeedMeta) -> Option<String> {
    Some(clean(&meta.language).into_owned()).filter(|l| !l.is_empty())
}

fn entry(e: &FeedEntry) -> Entry {
    let mut links = vec![link("alternate", &e.url, HTML_TYPE)];
    if let Some(feed) = &e.comments_feed_url {
        links.push(link("replies", feed, ATOM_TYPE));
    }
    if let Some(page) = &e.comments_url {
        links.push(link("replies", page, HTML_TYPE));
    }

    let mut thr: BTreeMap<String, Vec<Extension>> = BTreeMap::new();
    if let Some(parent) = &e.in_reply_to {
        // `atom_syndication` writes extension attributes verbatim, so escape here.
        let attrs = BTreeMap::from([
            ("ref".to_owned(), escape(&parent.id)),
            ("href".to_owned(), escape(&parent.url)),
            ("type".to_owned(), HTML_TYPE.to_owned()),
        ]);
        thr.insert(
            "in-reply-to".to_owned(),
            vec![Extension {
                name: "thr:in-reply-to".to_owned(),
                attrs,
                ..Extension::default()
            }],
        );
    }
    if let Some(total) = e.comment_count {
        thr.insert("total".to_owned(), vec![value("thr:total", total)]);
    }

    Entry {
        title: Text::plain(clean(&e.title)),
        id: clean(&e.id).into_owned(),
        updated: e.updated.fixed_offset(),
        published: Some(e.published.fixed_offset()),
        authors: vec![Person {
            name: clean(&e.author).into_owned(),
            ..Person::default()
        }],
        categories: e
            .labels
            .iter()
            .map(|label| Category {
                term: clean(label).into_owned(),
                ..Category::default()
            })
            .collect(),
        links,
        summary: e.summary.as_deref().map(|s| Text::plain(clean(s))),
        content: e.content_html.as_deref().map(|html| Content {
            value: Some(clean_html(html).into_owned()),
            content_type: Some("html".to_owned()),
            ..Content::default()
        }),
        extensions: if thr.is_empty() {
            ExtensionMap::new()
        } else {
            ExtensionMap::from([("thr".to_owned(), thr)])
        },
        ..Entry::default()
    }
}

/// OpenSearch paging, as Blogger publishes it: where this page starts, its size, and
/// the total when the caller counted it.
fn paging(meta: &FeedMeta) -> ExtensionMap {
    let mut elements = BTreeMap::from([
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
        elements.insert(
            "totalResults".to_owned(),
            vec![value("openSearch:totalResults", total)],
        );
    }
    ExtensionMap::from([("openSearch".to_owned(), elements)])
}

fn value(name: &str, n: u64) -> Extension {
    Extension {
        name: name.to_owned(),
        value: Some(n.to_string()),
        ..Extension::default()
    }
}

fn link(rel: &str, href: &str, mime_type: &str) -> Link {
    Link {
        href: clean(href).into_owned(),
        rel: rel.to_owned(),
        mime_type: Some(mime_type.to_owned()),
        ..Link::default()
    }
}
