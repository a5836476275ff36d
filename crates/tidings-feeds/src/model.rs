//! The plain structs every renderer reads.
//!
//! They are this crate's own, not the core domain types, so that the feeds depend on
//! nothing and the web crate decides in one place how a post or a comment becomes an
//! entry (which URL, which summary, which id).

use chrono::{DateTime, Utc};

/// What a feed says about itself: identity, links and paging.
///
/// The same value renders as Atom, RSS or JSON Feed, so the web crate builds it once
/// per request whatever `alt=` asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedMeta {
    /// Stable feed id, e.g. `tag:example.com,2026:blog-1.posts`. Readers use it to
    /// recognise the feed when its URL changes, so it must not depend on the query.
    pub id: String,
    pub title: String,
    pub subtitle: Option<String>,
    /// The blog's BCP 47 language tag (Atom `xml:lang`, RSS `<language>`,
    /// JSON Feed `language`); none is said when empty.
    pub language: String,
    /// Absolute URL of the blog home, e.g. `http://example.com/`.
    pub site_url: String,
    /// Absolute URL of this feed as requested, with its query, so `rel="self"` names
    /// exactly this page of this view.
    pub self_url: String,
    pub updated: DateTime<Utc>,
    /// Number of entries over all pages, when known (`openSearch:totalResults`).
    pub total_results: Option<u64>,
    /// 1-based index of the first entry on this page (`openSearch:startIndex`).
    pub start_index: u64,
    /// Page size asked for (`openSearch:itemsPerPage`), which may exceed the entries
    /// actually present on the last page.
    pub items_per_page: u64,
    /// Absolute URL of the next page, if there is one: Atom and RSS `rel="next"`,
    /// JSON Feed `next_url`.
    pub next_url: Option<String>,
}

/// One post or one comment in a feed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedEntry {
    /// Stable entry id, e.g. `tag:example.com,2026:post-42`. It never changes when
    /// the post is edited or moved, so readers do not show it twice.
    pub id: String,
    /// Plain text; the renderers escape it.
    pub title: String,
    /// Absolute permalink.
    pub url: String,
    pub published: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    /// Display name of the author (for comments, the commenter).
    pub author: String,
    /// Full body as already sanitised HTML; `None` in summary feeds.
    pub content_html: Option<String>,
    /// Plain text summary.
    pub summary: Option<String>,
    pub labels: Vec<String>,
    /// Absolute URL of the entry's comments on its page (`…#comments`).
    pub comments_url: Option<String>,
    /// Absolute URL of the Atom feed of this entry's comments.
    pub comments_feed_url: Option<String>,
    /// Number of published comments, when worth telling (`thr:total`,
    /// `slash:comments`).
    pub comment_count: Option<u64>,
    /// For comment feeds: the post this comment answers.
    pub in_reply_to: Option<InReplyTo>,
}

/// The post a comment belongs to (RFC 4685 `thr:in-reply-to`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InReplyTo {
    /// The post's entry id, as in its own feed entry.
    pub id: String,
    /// The post's permalink.
    pub url: String,
}

/// One `<url>` of the sitemap.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SitemapUrl {
    /// Absolute URL of the page.
    pub loc: String,
    /// When the page last changed, if known; crawlers use it to skip unchanged pages.
    pub lastmod: Option<DateTime<Utc>>,
}
