use std::str::FromStr;

use atom_syndication::{Feed, TextType};
use tidings_feeds::atom;

use crate::fixtures::*;

fn href<'a>(links: &'a [atom_syndication::Link], rel: &str, mime: &str) -> Option<&'a str> {
    links
        .iter()
        .find(|l| l.rel == rel && l.mime_type.as_deref() == Some(mime))
        .map(|l| l.href.as_str())
}

#[test]
fn posts_feed_round_trips_through_atom_syndication() {
    let xml = atom(&meta(), &posts());
    let feed = Feed::from_str(&xml).unwrap();

    assert_eq!(feed.title.value, meta().title);
    assert_eq!(feed.id, "tag:example.com,2026:blog-1.posts");
    assert_eq!(feed.updated, at(2026, 3, 4, 5, 6));
    assert_eq!(feed.subtitle.unwrap().value, "Notes from the café 🏔");
    assert_eq!(feed.generator.unwrap().value, "Tidings");
    assert_eq!(
        href(&feed.links, "self", "application/atom+xml"),
        Some(meta().self_url.as_str())
    );
    assert_eq!(
        href(&feed.links, "alternate", "text/html"),
        Some("http://example.com/")
    );
    assert_eq!(
        href(&feed.links, "next", "application/atom+xml"),
        meta().next_url.as_deref()
    );

    let [first, second] = &feed.entries[..] else {
        panic!("two entries")
    };
    assert_eq!(first.title.value, HOSTILE_TITLE);
    assert_eq!(first.title.r#type, TextType::Text);
    assert_eq!(first.id, "tag:example.com,2026:post-42");
    assert_eq!(first.published, Some(at(2026, 3, 3, 10, 0).fixed_offset()));
    assert_eq!(first.updated, at(2026, 3, 4, 5, 6));
    assert_eq!(first.authors[0].name, "Zoë <Author> & Co");
    let content = first.content.as_ref().unwrap();
    assert_eq!(content.content_type.as_deref(), Some("html"));
    assert_eq!(content.value.as_deref(), Some(BODY));
    assert_eq!(
        first.summary.as_ref().unwrap().value,
        "Hello world & friends"
    );
    let terms: Vec<_> = first.categories.iter().map(|c| c.term.as_str()).collect();
    assert_eq!(terms, ["Rust & Go", "café ☕"]);
    assert_eq!(
        href(&first.links, "alternate", "text/html"),
        Some("http://example.com/2026/03/script.html")
    );
    assert_eq!(
        href(&first.links, "replies", "application/atom+xml"),
        Some("http://example.com/feeds/42/comments/default")
    );
    assert_eq!(
        href(&first.links, "replies", "text/html"),
        Some("http://example.com/2026/03/script.html#comments")
    );
    assert_eq!(
        first.extensions["thr"]["total"][0].value.as_deref(),
        Some("3")
    );

    assert_eq!(second.title.value, "Émoji 🎉 post");
    assert!(second.content.is_none());
    // The form feed XML forbids is dropped, not escaped into something invalid.
    assert_eq!(second.summary.as_ref().unwrap().value, "Line one line two");
    assert!(second.categories.is_empty());
    assert!(second.extensions.is_empty());
}

#[test]
fn posts_feed_is_strict_xml_with_declared_extensions() {
    let xml = atom(&meta(), &posts());
    let doc = strict(&xml);

    assert!(doc.root_element().has_tag_name((ATOM_NS, "feed")));
    assert_eq!(texts(&doc, OPENSEARCH_NS, "totalResults"), ["12"]);
    assert_eq!(texts(&doc, OPENSEARCH_NS, "startIndex"), ["3"]);
    assert_eq!(texts(&doc, OPENSEARCH_NS, "itemsPerPage"), ["2"]);
    assert_eq!(texts(&doc, THR_NS, "total"), ["3"]);
    assert_eq!(texts(&doc, ATOM_NS, "title")[1], HOSTILE_TITLE);
}

#[test]
fn unknown_total_leaves_out_total_results() {
    let xml = atom(&comments_meta(), &comments());
    assert!(texts(&strict(&xml), OPENSEARCH_NS, "totalResults").is_empty());
    assert!(!xml.contains("rel=\"next\""));
}

#[test]
fn comment_feed_says_which_post_each_comment_answers() {
    let xml = atom(&comments_meta(), &comments());
    let doc = strict(&xml);

    let reply = doc
        .descendants()
        .find(|n| n.has_tag_name((THR_NS, "in-reply-to")))
        .expect("thr:in-reply-to");
    assert_eq!(reply.attribute("ref"), Some("tag:example.com,2026:post-42"));
    assert_eq!(
        reply.attribute("href"),
        Some("http://example.com/2026/03/script.html?a=1&b=\"2\"")
    );
    assert_eq!(reply.attribute("type"), Some("text/html"));

    let feed = Feed::from_str(&xml).unwrap();
    assert_eq!(feed.entries[0].title.value, "I \"love\" this & more");
    let ext = &feed.entries[0].extensions["thr"]["in-reply-to"][0];
    assert_eq!(ext.attrs["ref"], "tag:example.com,2026:post-42");
}

#[test]
fn empty_feed_is_still_a_valid_document() {
    let xml = atom(&meta(), &[]);
    strict(&xml);
    assert!(Feed::from_str(&xml).unwrap().entries.is_empty());
}

#[test]
fn snapshot() {
    insta::assert_snapshot!(atom(&meta(), &posts()));
}

#[test]
fn comments_snapshot() {
    insta::assert_snapshot!(atom(&comments_meta(), &comments()));
}
