//! Feeds and crawler files for a Tidings blog: Atom 1.0, RSS 2.0, JSON Feed 1.1,
//! the sitemaps.org sitemap and `robots.txt`.
//!
//! This crate owns the *shape* of every machine-readable document a blog publishes,
//! and nothing else. It takes plain structs it defines itself ([`FeedMeta`],
//! [`FeedEntry`], [`SitemapUrl`]) and returns strings. It knows nothing of the
//! database, of HTTP, of time zones or of which posts belong in a feed: the web crate
//! decides what to show (paging, labels, summaries versus full bodies) and fills the
//! structs; this crate only guarantees that what comes out is well-formed, declares
//! every namespace it uses, and escapes every string, so that strict feed readers
//! accept it.
//!
//! Keeping it pure makes every format testable by rendering and parsing back, with no
//! server, and lets the snapshots in `tests/` show exactly what a reader receives.
//!
//! Feed elements follow what Blogger publishes (OpenSearch paging, `thr:` threading,
//! `rel="replies"` links), because readers and tools written against Blogger feeds
//! are the ones an imported blog already has.

mod atom;
mod json;
mod model;
mod robots;
mod rss;
mod sitemap;
mod xml;

pub use atom::atom;
pub use json::json_feed;
pub use model::{FeedEntry, FeedMeta, InReplyTo, SitemapUrl};
pub use robots::robots_txt;
pub use rss::rss;
pub use sitemap::sitemap;
