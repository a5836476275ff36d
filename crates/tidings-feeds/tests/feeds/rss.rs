use chrono::DateTime;
use rss::Channel;
use tidings_feeds::rss;

use crate::fixtures::*;

#[test]
fn posts_feed_round_trips_through_rss() {
    let xml = rss(&meta(), &posts());
    let channel = Channel::read_from(xml.as_bytes()).unwrap();

    assert_eq!(channel.title, meta().title);
    assert_eq!(channel.link, "http://example.com/");
    assert_eq!(channel.description, "Notes from the café 🏔");
    assert_eq!(channel.generator.as_deref(), Some("Tidings"));
    let built = DateTime::parse_from_rfc2822(channel.last_build_date.as_deref().unwrap()).unwrap();
    assert_eq!(built, at(2026, 3, 4, 5, 6));

    let links = &channel.extensions["atom"]["link"];
    let rel = |r: &str| {
        links
            .iter()
            .find(|l| l.attrs["rel"] == r)
            .map(|l| l.attrs["href"].as_str())
    };
    assert_eq!(rel("self"), Some(meta().self_url.as_str()));
    assert_eq!(rel("next"), meta().next_url.as_deref());
    let paging = &channel.extensions["openSearch"];
    assert_eq!(paging["totalResults"][0].value.as_deref(), Some("12"));
    assert_eq!(paging["startIndex"][0].value.as_deref(), Some("3"));
    assert_eq!(paging["itemsPerPage"][0].value.as_deref(), Some("2"));

    let [first, second] = &channel.items[..] else {
        panic!("two items")
    };
    assert_eq!(first.title.as_deref(), Some(HOSTILE_TITLE));
    assert_eq!(
        first.link.as_deref(),
        Some("http://example.com/2026/03/script.html")
    );
    let guid = first.guid.as_ref().unwrap();
    assert_eq!(guid.value, "tag:example.com,2026:post-42");
    assert!(!guid.permalink);
    let published = DateTime::parse_from_rfc2822(first.pub_date.as_deref().unwrap()).unwrap();
    assert_eq!(published, at(2026, 3, 3, 10, 0));
    // The body, `]]>` included, survives the CDATA section intact.
    assert_eq!(first.description.as_deref(), Some(BODY));
    let labels: Vec<_> = first.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(labels, ["Rust & Go", "café ☕"]);
    assert_eq!(
        first.comments.as_deref(),
        Some("http://example.com/2026/03/script.html#comments")
    );
    assert_eq!(
        first.extensions["slash"]["comments"][0].value.as_deref(),
        Some("3")
    );
    assert_eq!(
        first.dublin_core_ext.as_ref().unwrap().creators,
        ["Zoë <Author> & Co"]
    );

    assert_eq!(second.title.as_deref(), Some("Émoji 🎉 post"));
    assert_eq!(second.description.as_deref(), Some("Line one line two"));
    assert!(second.categories.is_empty());
    assert!(second.comments.is_none());
}

#[test]
fn posts_feed_is_strict_xml_with_declared_extensions() {
    let xml = rss(&meta(), &posts());
    let doc = strict(&xml);

    assert!(doc.root_element().has_tag_name("rss"));
    assert_eq!(doc.root_element().attribute("version"), Some("2.0"));
    let self_link = doc
        .descendants()
        .find(|n| n.has_tag_name((ATOM_NS, "link")) && n.attribute("rel") == Some("self"))
        .expect("atom:link rel=self");
    assert_eq!(self_link.attribute("href"), Some(meta().self_url.as_str()));
    assert_eq!(texts(&doc, OPENSEARCH_NS, "totalResults"), ["12"]);
    assert_eq!(texts(&doc, SLASH_NS, "comments"), ["3"]);
    assert_eq!(
        texts(&doc, "http://purl.org/dc/elements/1.1/", "creator").len(),
        2
    );
}

#[test]
fn without_subtitle_the_title_describes_the_channel() {
    let meta = tidings_feeds::FeedMeta {
        subtitle: None,
        ..meta()
    };
    let channel = Channel::read_from(rss(&meta, &[]).as_bytes()).unwrap();
    assert_eq!(channel.description, meta.title);
}

#[test]
fn comment_feed_says_which_post_each_comment_answers() {
    let xml = rss(&comments_meta(), &comments());
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
    assert!(texts(&doc, OPENSEARCH_NS, "totalResults").is_empty());
    assert!(!xml.contains("rel=\"next\""));
}

#[test]
fn snapshot() {
    insta::assert_snapshot!(rss(&meta(), &posts()));
}

#[test]
fn a_summary_is_text_to_the_reader_never_markup() {
    // A reader takes an RSS description as HTML; a summary is plain text
    // (what a code sample showed as `<img …>` must stay text).
    let mut entries = posts();
    assert!(entries[1].content_html.is_none());
    entries[1].summary = Some("<img src=x onerror=alert(1)> & more".into());
    let xml = rss(&meta(), &entries);
    let channel = Channel::read_from(xml.as_bytes()).unwrap();
    assert_eq!(
        channel.items[1].description.as_deref(),
        Some("&lt;img src=x onerror=alert(1)&gt; &amp; more")
    );
}
