//! Conditional GETs of feeds: 304 until the feed changes, including when a
//! post leaves it.

use reqwest::header::{ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::TestApp;

#[tokio::test]
async fn conditional_gets_answer_304_until_the_feed_changes() {
    let mut app = TestApp::start().await;
    app.post(json!({"title": "One", "body": "x", "status": "published", "published_at": "2020-01-01T00:00:00Z"})).await;

    for path in [
        "/feeds/posts/default",
        "/feeds/posts/default?alt=rss",
        "/feeds/posts/default?alt=json",
        "/feeds/comments/default",
    ] {
        let r = app.get(path).await;
        assert_eq!(r.status(), StatusCode::OK);
        let etag = r
            .headers()
            .get(ETAG)
            .unwrap_or_else(|| panic!("{path}: an ETag"))
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            etag.starts_with('"') || etag.starts_with("W/\""),
            "{path}: a quoted ETag: {etag}"
        );
        let last_modified = r
            .headers()
            .get(LAST_MODIFIED)
            .unwrap_or_else(|| panic!("{path}: a Last-Modified"))
            .to_str()
            .unwrap()
            .to_owned();
        chrono::DateTime::parse_from_rfc2822(&last_modified)
            .unwrap_or_else(|e| panic!("{path}: an HTTP date: {last_modified}: {e}"));

        let r = app
            .client
            .get(app.url(path))
            .header(IF_NONE_MATCH, &etag)
            .send()
            .await
            .unwrap();
        assert_eq!(
            r.status(),
            StatusCode::NOT_MODIFIED,
            "{path}: If-None-Match"
        );
        assert_eq!(
            r.headers().get(ETAG).map(|v| v.to_str().unwrap()),
            Some(etag.as_str()),
            "304 repeats the ETag"
        );
        assert!(
            r.bytes().await.unwrap().is_empty(),
            "{path}: a 304 has no body"
        );

        let r = app
            .client
            .get(app.url(path))
            .header(IF_MODIFIED_SINCE, &last_modified)
            .send()
            .await
            .unwrap();
        assert_eq!(
            r.status(),
            StatusCode::NOT_MODIFIED,
            "{path}: If-Modified-Since"
        );
        assert!(r.bytes().await.unwrap().is_empty());

        let r = app
            .client
            .get(app.url(path))
            .header(IF_NONE_MATCH, "\"something-else\"")
            .send()
            .await
            .unwrap();
        assert_eq!(
            r.status(),
            StatusCode::OK,
            "{path}: another ETag gets the feed"
        );
        assert!(!r.bytes().await.unwrap().is_empty());
    }

    // A new post changes the feed and its ETag; the old ETag no longer matches.
    let r = app.get("/feeds/posts/default").await;
    let old = r.headers()[ETAG].to_str().unwrap().to_owned();
    app.post(json!({"title": "Two", "body": "x", "status": "published", "published_at": "2020-01-02T00:00:00Z"})).await;
    let r = app
        .client
        .get(app.url("/feeds/posts/default"))
        .header(IF_NONE_MATCH, &old)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "a changed feed is sent again");
    let new = r.headers()[ETAG].to_str().unwrap().to_owned();
    assert_ne!(new, old);
    assert!(r.text().await.unwrap().contains("Two"));
    // Editing a post changes it too.
    let posts = app.api(Method::GET, "/posts", None).await.1;
    let id = posts["items"][0]["id"].as_i64().unwrap();
    app.api(
        Method::PATCH,
        &format!("/posts/{id}"),
        Some(json!({"body": "edited"})),
    )
    .await;
    let r = app
        .client
        .get(app.url("/feeds/posts/default"))
        .header(IF_NONE_MATCH, &new)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "an edited feed is sent again");
}

#[tokio::test]
async fn a_feed_that_lost_a_post_is_not_reported_unmodified() {
    let mut app = TestApp::start().await;
    app.post(json!({"title": "Stays", "body": "x", "status": "published", "published_at": "2020-01-01T00:00:00Z"})).await;
    let gone = app.post(json!({"title": "Goes away", "body": "x", "status": "published", "published_at": "2020-01-02T00:00:00Z"})).await;
    let r = app.get("/feeds/posts/default").await;
    let last_modified = r.headers()[LAST_MODIFIED].to_str().unwrap().to_owned();
    assert!(r.text().await.unwrap().contains("Goes away"));

    let (status, _) = app
        .api(Method::DELETE, &format!("/posts/{}", gone["id"]), None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    // A reader that remembers only the date must not be told its copy, which
    // still holds the deleted post, is current.
    let r = app
        .client
        .get(app.url("/feeds/posts/default"))
        .header(IF_MODIFIED_SINCE, &last_modified)
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        StatusCode::OK,
        "the feed changed (a post was deleted) after {last_modified}, yet If-Modified-Since got 304"
    );
    assert!(!r.text().await.unwrap().contains("Goes away"));
}
