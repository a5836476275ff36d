//! Text survives byte for byte, on both backends: 4-byte UTF-8 (emoji,
//! astral CJK), combining marks, right-to-left text; and input over a limit is
//! refused, never cut and stored.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::TestApp;

const ASTRAL: &str = "Emoji 😀🧪🏳️‍🌈, astral CJK 𠜎𠜱𠝹, combining é (e\u{301}), RTL שלום, math 𝔸𝕓𝕔";

#[tokio::test]
async fn four_byte_utf8_round_trips_exactly() {
    let mut app = TestApp::start().await;
    app.settings(json!({"comment_min_seconds": 0, "title": ASTRAL}))
        .await;
    let post = app
        .post(json!({"title": ASTRAL, "body": ASTRAL, "labels": ["𠜎 label 😀"], "status": "published"}))
        .await;
    let (_, read) = app
        .api(Method::GET, &format!("/posts/{}", post["id"]), None)
        .await;
    assert_eq!(read["title"].as_str().unwrap(), ASTRAL);
    assert_eq!(read["body"].as_str().unwrap(), ASTRAL);
    assert_eq!(read["labels"][0].as_str().unwrap(), "𠜎 label 😀");
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(blog["title"].as_str().unwrap(), ASTRAL);

    let path = post["url"].as_str().unwrap();
    app.comment(path, &[("name", "𠜎 😀"), ("body", ASTRAL)])
        .await
        .unwrap();
    let (_, comments) = app.api(Method::GET, "/comments", None).await;
    assert_eq!(comments["items"][0]["body"].as_str().unwrap(), ASTRAL);
    assert_eq!(comments["items"][0]["author"].as_str().unwrap(), "𠜎 😀");
    let page = app.page(path).await;
    assert!(page.contains("𠜎𠜱𠝹") && page.contains("🏳️‍🌈"));
    let label = app
        .page("/search/label/%F0%A0%9C%8E%20label%20%F0%9F%98%80")
        .await;
    assert!(label.contains(path));
}

#[tokio::test]
async fn input_over_a_limit_is_refused_not_truncated() {
    let mut app = TestApp::start().await;
    app.settings(json!({"comment_min_seconds": 0})).await;
    let post = app
        .post(json!({"title": "Limits", "body": "x", "status": "published"}))
        .await;
    let path = post["url"].as_str().unwrap();
    // 4,096 characters is the most a comment holds; emoji count as one each.
    let just = "😀".repeat(4096);
    app.comment(path, &[("body", &just)]).await.unwrap();
    let over = format!("{just}!");
    let refused = app.comment(path, &[("body", &over)]).await.unwrap_err();
    assert_eq!(refused.0, StatusCode::UNPROCESSABLE_ENTITY);
    let long_name = "n".repeat(101);
    assert_eq!(
        app.comment(path, &[("name", &long_name), ("body", "x")])
            .await
            .unwrap_err()
            .0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let (_, list) = app.api(Method::GET, "/comments", None).await;
    assert_eq!(list["total"], 1, "nothing over a limit was stored");
    assert_eq!(
        list["items"][0]["body"].as_str().unwrap().chars().count(),
        4096
    );

    let (status, _) = app
        .api(
            Method::POST,
            "/posts",
            Some(json!({"title": "t".repeat(301), "body": "x"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = app
        .api(
            Method::POST,
            "/posts",
            Some(json!({"title": "ok", "labels": ["l".repeat(101)]})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (_, posts) = app.api(Method::GET, "/posts", None).await;
    assert_eq!(posts["total"], 1);
}
