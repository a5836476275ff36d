//! Uploaded pictures in feeds: one absolute address each, of the copy up to
//! 1280 px wide, with no `srcset` a feed reader would resolve against its
//! own site.

use reqwest::StatusCode;
use serde_json::{Value, json};

use super::{entry, feedcheck};
use crate::media::{jpeg, upload};
use crate::support::TestApp;

#[tokio::test]
async fn feeds_show_uploads_at_an_absolute_address_of_a_reasonable_copy() {
    let mut app = TestApp::start().await;
    let (status, made) = upload(&mut app, &jpeg(2200, 1100), "wide.jpg", Some("Wide")).await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let url = made["url"].as_str().unwrap();
    let copy = app.url(&url.replace(".jpg", "-1280.jpg"));
    app.post(json!({
        "title": "A wide view",
        "body": format!("Look:\n\n![]({url})"),
        "status": "published"
    }))
    .await;

    let json_feed: Value = app
        .get("/feeds/posts/default?alt=json")
        .await
        .json()
        .await
        .unwrap();
    let html = json_feed["items"][0]["content_html"].as_str().unwrap();
    assert!(html.contains(&format!("<img src=\"{copy}\"")), "{html}");
    assert!(html.contains("alt=\"Wide\""), "{html}");
    assert!(
        !html.contains("srcset") && !html.contains("\"/media/"),
        "{html}"
    );

    for path in ["/feeds/posts/default", "/feeds/posts/default?alt=rss"] {
        let feed = feedcheck(&app, path);
        // RSS carries the post as its description: feedparser's summary.
        let item = entry(&feed, "A wide view");
        let content = item["content"][0]
            .as_str()
            .or(item["summary"].as_str())
            .unwrap_or_else(|| panic!("{path}: no content in {item}"));
        assert!(
            content.contains(&format!("src=\"{copy}\"")),
            "{path}: {content}"
        );
    }
    let r = app.client.get(&copy).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "image/jpeg");
}
