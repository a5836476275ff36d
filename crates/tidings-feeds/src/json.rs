//! JSON Feed 1.1 (<https://jsonfeed.org/version/1.1>), served at `?alt=json`.
//!
//! The format is small enough that a pair of serde structs is the whole
//! implementation; borrowing from the input keeps rendering free of copies.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

use crate::model::{FeedEntry, FeedMeta};

const VERSION: &str = "https://jsonfeed.org/version/1.1";

#[derive(Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: &'a str,
    home_page_url: &'a str,
    feed_url: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_url: Option<&'a str>,
    #[serde(skip_serializing_if = "str::is_empty")]
    language: &'a str,
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    id: &'a str,
    url: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    content_html: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    content_text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    date_published: String,
    date_modified: String,
    authors: [JsonAuthor<'a>; 1],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    tags: &'a [String],
}

#[derive(Serialize)]
struct JsonAuthor<'a> {
    name: &'a str,
}

/// Renders a JSON Feed 1.1 document.
///
/// An item must carry `content_html` or `content_text`; a summary feed has no body, so
/// its summary stands in as `content_text` (and is also given as `summary`).
pub fn json_feed(meta: &FeedMeta, entries: &[FeedEntry]) -> String {
    let feed = JsonFeed {
        version: VERSION,
        title: &meta.title,
        home_page_url: &meta.site_url,
        feed_url: &meta.self_url,
        description: meta.subtitle.as_deref(),
        next_url: meta.next_url.as_deref(),
        language: &meta.language,
        items: entries.iter().map(item).collect(),
    };
    // Only strings, numbers and string-keyed structs: serialising cannot fail.
    serde_json::to_string_pretty(&feed).expect("json feed: plain structs always serialise")
}

fn item(e: &FeedEntry) -> JsonItem<'_> {
    JsonItem {
        id: &e.id,
        url: &e.url,
        title: &e.title,
        content_html: e.content_html.as_deref(),
        content_text: match (&e.content_html, &e.summary) {
            (Some(_), _) => None,
            (None, Some(summary)) => Some(summary),
            (None, None) => Some(""),
        },
        summary: e.summary.as_deref(),
        date_published: rfc3339(e.published),
        date_modified: rfc3339(e.updated),
        authors: [JsonAuthor { name: &e.author }],
        tags: &e.labels,
    }
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}
