//! Blog settings through the API, and each request acting on the blog of its
//! `Host`.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::error_message;
use crate::support::TestApp;

#[tokio::test]
async fn blog_settings_read_and_change() {
    let mut app = TestApp::start().await;
    let (status, blog) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(status, StatusCode::OK);
    for field in [
        "title",
        "description",
        "timezone",
        "posts_per_page",
        "comments_allowed",
        "comment_moderation",
        "moderation_days",
        "comment_min_seconds",
    ] {
        assert!(blog.get(field).is_some(), "GET /blog has {field}: {blog}");
    }
    assert_eq!(blog["posts_per_page"], 7, "the default of SPEC section 3");
    assert_eq!(
        blog["comment_min_seconds"], 3,
        "the default of SPEC section 5"
    );

    let (status, changed) = app
        .api(
            Method::PATCH,
            "/blog",
            Some(json!({
                "title": "Garden Diary",
                "description": "Notes from the allotment",
                "timezone": "Europe/Berlin",
                "posts_per_page": 3,
                "comments_allowed": "nobody",
                "comment_moderation": "older_than",
                "moderation_days": 14,
                "comment_min_seconds": 0
            })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["title"], "Garden Diary");
    assert_eq!(changed["timezone"], "Europe/Berlin");
    let (_, after) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(after, changed, "GET answers what PATCH stored");
    assert_eq!(after["comments_allowed"], "nobody");
    assert_eq!(after["comment_moderation"], "older_than");
    assert_eq!(after["moderation_days"], 14);
    assert_eq!(after["posts_per_page"], 3);

    // A reader sees the new title and description.
    let home = app.page("/").await;
    assert!(home.contains("Garden Diary") && home.contains("Notes from the allotment"));

    // Echoing back what GET answered is accepted.
    let (status, body) = app.api(Method::PATCH, "/blog", Some(after.clone())).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "a GET body can be sent back: {body}"
    );
}

#[tokio::test]
async fn bad_blog_settings_are_refused_and_change_nothing() {
    let mut app = TestApp::start().await;
    let (_, before) = app.api(Method::GET, "/blog", None).await;
    let bad = [
        json!({"title": "Changed", "timezone": "Mars/Olympus_Mons"}),
        json!({"title": "Changed", "timezone": ""}),
        json!({"title": "Changed", "posts_per_page": 0}),
        json!({"title": "Changed", "posts_per_page": 1000}),
        json!({"title": "Changed", "posts_per_page": -3}),
        json!({"title": "Changed", "moderation_days": -1}),
        json!({"title": "Changed", "comment_min_seconds": -5}),
        json!({"title": "Changed", "comment_min_seconds": 1_000_000}),
        json!({"title": "Changed", "comments_allowed": "everybody"}),
        json!({"title": "Changed", "comment_moderation": "sometimes"}),
        json!({"title": "Changed", "colour": "blue"}),
        json!({"title": "   "}),
        json!({"title": "x".repeat(5000)}),
        json!({"title": "Changed", "posts_per_page": "7"}),
        json!(["title", "Changed"]),
    ];
    for body in bad {
        let (status, answer) = app.api(Method::PATCH, "/blog", Some(body.clone())).await;
        let context = format!(
            "PATCH /blog {}",
            &body.to_string()[..body.to_string().len().min(80)]
        );
        error_message(status, &answer, &context);
        let (_, now) = app.api(Method::GET, "/blog", None).await;
        assert_eq!(now, before, "{context} changed nothing");
    }
    let (status, answer) = app
        .api(
            Method::PATCH,
            "/blog",
            Some(json!({"timezone": "Mars/Olympus_Mons"})),
        )
        .await;
    let message = error_message(status, &answer, "bad timezone");
    assert!(
        message.contains("Mars/Olympus_Mons")
            || message.to_lowercase().contains("time zone")
            || message.contains("timezone"),
        "{message}"
    );
    assert!(!app.page("/").await.contains("Changed"));
}

/// An API call with `token` as if to the blog served at `host`.
async fn api_at(
    app: &TestApp,
    host: &str,
    token: &str,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut req = app
        .client
        .request(method, app.url(&format!("/api/v1{path}")))
        .header("Host", host)
        .bearer_auth(token);
    if let Some(b) = body {
        req = req.json(&b);
    }
    let r = req.send().await.unwrap();
    let status = r.status();
    let text = r.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

#[tokio::test]
async fn each_request_acts_on_the_blog_of_its_host() {
    let mut app = TestApp::start().await;
    let first_admin = app.token();
    let out = app.cli(
        &[
            "blog",
            "add",
            "--host",
            "second.example.com",
            "--title",
            "Second Blog",
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let second_admin = app.member_token(
        "second@example.com",
        "Second",
        "admin",
        Some("second.example.com"),
    );

    let (status, blog) = api_at(
        &app,
        "second.example.com",
        &second_admin,
        Method::GET,
        "/blog",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{blog}");
    assert_eq!(blog["title"], "Second Blog");
    let (status, post) = api_at(
        &app,
        "second.example.com:8080",
        &second_admin,
        Method::POST,
        "/posts",
        Some(json!({"title": "Only on the second", "body": "x", "status": "published"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "the port is ignored: {post}");

    // The first blog's list does not hold it, and its admin cannot reach it.
    let (_, first_posts) = app.api(Method::GET, "/posts", None).await;
    assert_eq!(first_posts["total"], 0);
    assert!(!app.page("/").await.contains("Only on the second"));
    let (status, body) = api_at(
        &app,
        "second.example.com",
        &first_admin,
        Method::GET,
        "/posts",
        None,
    )
    .await;
    assert!(
        status == StatusCode::FORBIDDEN || status == StatusCode::UNAUTHORIZED,
        "{status} {body}"
    );
    let (status, _) = api_at(
        &app,
        "second.example.com",
        &first_admin,
        Method::PATCH,
        "/blog",
        Some(json!({"title": "Hijacked"})),
    )
    .await;
    assert!(status.is_client_error());
    let (status, _) = app
        .api_as(
            &second_admin,
            Method::GET,
            &format!("/posts/{}", post["id"]),
            None,
        )
        .await;
    assert!(
        status.is_client_error(),
        "the second admin has no role on the first blog"
    );
    let (status, _) = app
        .api(Method::GET, &format!("/posts/{}", post["id"]), None)
        .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "a post id of another blog names nothing here"
    );
    let (_, blog) = api_at(
        &app,
        "second.example.com",
        &second_admin,
        Method::GET,
        "/blog",
        None,
    )
    .await;
    assert_eq!(blog["title"], "Second Blog");
}
