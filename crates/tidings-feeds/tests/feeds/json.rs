use chrono::{DateTime, Utc};
use serde_json::Value;
use tidings_feeds::json_feed;

use crate::fixtures::*;

fn date(v: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(v.as_str().unwrap())
        .unwrap()
        .to_utc()
}

#[test]
fn posts_feed_round_trips_through_serde_json() {
    let feed: Value = serde_json::from_str(&json_feed(&meta(), &posts())).unwrap();

    assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(feed["title"], meta().title);
    assert_eq!(feed["description"], "Notes from the café 🏔");
    assert_eq!(feed["home_page_url"], "http://example.com/");
    assert_eq!(feed["feed_url"], meta().self_url);
    assert_eq!(feed["next_url"], meta().next_url.unwrap());

    let first = &feed["items"][0];
    assert_eq!(first["id"], "tag:example.com,2026:post-42");
    assert_eq!(first["title"], HOSTILE_TITLE);
    assert_eq!(first["url"], "http://example.com/2026/03/script.html");
    assert_eq!(first["content_html"], BODY);
    assert!(first.get("content_text").is_none());
    assert_eq!(first["summary"], "Hello world & friends");
    assert_eq!(date(&first["date_published"]), at(2026, 3, 3, 10, 0));
    assert_eq!(date(&first["date_modified"]), at(2026, 3, 4, 5, 6));
    assert_eq!(first["authors"][0]["name"], "Zoë <Author> & Co");
    assert_eq!(first["tags"], serde_json::json!(["Rust & Go", "café ☕"]));

    // A summary feed has no body: the summary is the required content.
    let second = &feed["items"][1];
    assert!(second.get("content_html").is_none());
    assert_eq!(second["content_text"], "Line one\u{0C} line two");
    assert!(second.get("tags").is_none());
}

#[test]
fn last_page_has_no_next_url() {
    let feed: Value = serde_json::from_str(&json_feed(&comments_meta(), &comments())).unwrap();
    assert!(feed.get("next_url").is_none());
    assert_eq!(feed["items"][0]["title"], "I \"love\" this & more");
}

#[test]
fn entry_without_body_or_summary_still_has_content() {
    let bare = tidings_feeds::FeedEntry {
        title: "Bare".into(),
        ..Default::default()
    };
    let feed: Value = serde_json::from_str(&json_feed(&meta(), &[bare])).unwrap();
    assert_eq!(feed["items"][0]["content_text"], "");
}

#[test]
fn snapshot() {
    insta::assert_snapshot!(json_feed(&meta(), &posts()));
}
