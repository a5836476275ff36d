//! A blog whose strings try to break every format: markup and quotes in titles,
//! ampersands in URLs, emoji, a CDATA terminator in a body and a control character
//! that XML forbids.

use chrono::{DateTime, TimeZone, Utc};
use tidings_feeds::{FeedEntry, FeedMeta, InReplyTo};

pub const HOSTILE_TITLE: &str = r#"<script>alert("x")</script> & 'quotes' ☕"#;
pub const BODY: &str = r#"<p>Hello <b>world</b> &amp; <a href="http://example.com/?a=1&amp;b=2">friends</a></p><p>a ]]> b 🎉</p>"#;

pub fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

pub fn meta() -> FeedMeta {
    FeedMeta {
        id: "tag:example.com,2026:blog-1.posts".into(),
        title: r#"Tidings <test> & "friends" 'ok' ✨"#.into(),
        subtitle: Some("Notes from the café 🏔".into()),
        // The snapshots show a feed without one; `language.rs` one with.
        language: String::new(),
        site_url: "http://example.com/".into(),
        self_url: "http://example.com/feeds/posts/default?max-results=2&start-index=3".into(),
        updated: at(2026, 3, 4, 5, 6),
        total_results: Some(12),
        start_index: 3,
        items_per_page: 2,
        next_url: Some("http://example.com/feeds/posts/default?max-results=2&start-index=5".into()),
    }
}

pub fn posts() -> Vec<FeedEntry> {
    vec![
        FeedEntry {
            id: "tag:example.com,2026:post-42".into(),
            title: HOSTILE_TITLE.into(),
            url: "http://example.com/2026/03/script.html".into(),
            published: at(2026, 3, 3, 10, 0),
            updated: at(2026, 3, 4, 5, 6),
            author: "Zoë <Author> & Co".into(),
            content_html: Some(BODY.into()),
            summary: Some("Hello world & friends".into()),
            labels: vec!["Rust & Go".into(), "café ☕".into()],
            comments_url: Some("http://example.com/2026/03/script.html#comments".into()),
            comments_feed_url: Some("http://example.com/feeds/42/comments/default".into()),
            comment_count: Some(3),
            in_reply_to: None,
        },
        FeedEntry {
            id: "tag:example.com,2026:post-41".into(),
            title: "Émoji 🎉 post".into(),
            url: "http://example.com/2026/02/emoji-post.html".into(),
            published: at(2026, 2, 28, 23, 59),
            updated: at(2026, 2, 28, 23, 59),
            author: "Zoë".into(),
            content_html: None,
            summary: Some("Line one\u{0C} line two".into()),
            labels: vec![],
            comments_url: None,
            comments_feed_url: None,
            comment_count: None,
            in_reply_to: None,
        },
    ]
}

pub fn comments_meta() -> FeedMeta {
    FeedMeta {
        id: "tag:example.com,2026:blog-1.post-42.comments".into(),
        title: "Comments on <script>".into(),
        self_url: "http://example.com/feeds/42/comments/default".into(),
        total_results: None,
        next_url: None,
        start_index: 1,
        items_per_page: 25,
        ..meta()
    }
}

pub fn comments() -> Vec<FeedEntry> {
    vec![FeedEntry {
        id: "tag:example.com,2026:comment-7".into(),
        title: "I \"love\" this & more".into(),
        url: "http://example.com/2026/03/script.html?showComment=7#c7".into(),
        published: at(2026, 3, 3, 12, 0),
        updated: at(2026, 3, 3, 12, 0),
        author: "Reader".into(),
        content_html: Some("<p>Great <i>post</i>!</p>".into()),
        in_reply_to: Some(InReplyTo {
            id: "tag:example.com,2026:post-42".into(),
            url: "http://example.com/2026/03/script.html?a=1&b=\"2\"".into(),
        }),
        ..FeedEntry::default()
    }]
}

/// Parses with roxmltree, which rejects malformed XML, forbidden characters and
/// undeclared namespace prefixes.
pub fn strict(xml: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("not strict XML: {e}\n{xml}"))
}

/// Text of the descendants of `doc` named `{ns}local`, in document order.
pub fn texts<'a>(doc: &'a roxmltree::Document, ns: &str, local: &str) -> Vec<&'a str> {
    doc.descendants()
        .filter(|n| n.has_tag_name((ns, local)))
        .map(|n| n.text().unwrap_or(""))
        .collect()
}

pub const ATOM_NS: &str = "http://www.w3.org/2005/Atom";
pub const THR_NS: &str = "http://purl.org/syndication/thread/1.0";
pub const OPENSEARCH_NS: &str = "http://a9.com/-/spec/opensearchrss/1.0/";
pub const SLASH_NS: &str = "http://purl.org/rss/1.0/modules/slash/";
