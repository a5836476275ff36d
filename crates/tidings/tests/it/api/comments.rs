//! Comment moderation through the API, by admins and by authors of the post.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::error_message;
use crate::support::{TestApp, texts_of_class};

#[tokio::test]
async fn comments_are_moderated_through_the_api() {
    let mut app = TestApp::start().await;
    app.settings(json!({"comment_moderation": "always", "comment_min_seconds": 0}))
        .await;
    let post = app
        .post(json!({"title": "Talk to me", "body": "x", "status": "published", "published_at": "2023-04-05T06:07:08Z"}))
        .await;
    let post_id = post["id"].as_i64().unwrap();
    let path = post["url"].as_str().unwrap().to_owned();
    for (name, body) in [
        ("Ann", "First thoughts"),
        ("Bob", "Buy cheap pills"),
        ("Cid", "Rude remark"),
    ] {
        let location = app
            .comment(&path, &[("name", name), ("body", body)])
            .await
            .expect("the form is accepted");
        assert!(
            location.contains("held=1"),
            "held for moderation: {location}"
        );
    }
    let page = app.page(&path).await;
    assert!(
        !page.contains("First thoughts"),
        "held comments are not shown"
    );

    let (status, pending) = app.api(Method::GET, "/comments?status=pending", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(pending["total"], 3);
    let items = pending["items"].as_array().unwrap();
    let find = |author: &str| -> Value {
        items
            .iter()
            .find(|c| c["author"] == author)
            .unwrap_or_else(|| panic!("{author} in {pending}"))
            .clone()
    };
    let ann = find("Ann");
    assert_eq!(ann["body"], "First thoughts");
    assert_eq!(ann["post_id"], post_id);
    assert_eq!(ann["status"], "pending");
    assert!(ann["parent"].is_null());
    assert!(chrono::DateTime::parse_from_rfc3339(ann["published_at"].as_str().unwrap()).is_ok());
    let (_, by_post) = app
        .api(Method::GET, &format!("/comments?post_id={post_id}"), None)
        .await;
    assert_eq!(by_post["total"], 3);
    let (_, other_post) = app.api(Method::GET, "/comments?post_id=999999", None).await;
    assert_eq!(other_post["total"], 0);

    let (status, approved) = app
        .api(
            Method::POST,
            &format!("/comments/{}/approve", ann["id"]),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{approved}");
    assert_eq!(approved["status"], "published");
    assert_eq!(approved["id"], ann["id"]);
    let page = app.page(&path).await;
    assert_eq!(texts_of_class(&page, "comment-body"), ["First thoughts"]);
    assert!(page.contains("1 comment:"));

    let bob = find("Bob");
    let (status, spammed) = app
        .api(Method::POST, &format!("/comments/{}/spam", bob["id"]), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{spammed}");
    assert_eq!(spammed["status"], "spam");
    let (_, spam) = app.api(Method::GET, "/comments?status=spam", None).await;
    assert_eq!(spam["total"], 1);
    assert_eq!(spam["items"][0]["author"], "Bob");

    let cid = find("Cid");
    let (status, body) = app
        .api(Method::DELETE, &format!("/comments/{}", cid["id"]), None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let (_, pending) = app.api(Method::GET, "/comments?status=pending", None).await;
    assert_eq!(pending["total"], 0);
    let (_, published) = app
        .api(Method::GET, "/comments?status=published", None)
        .await;
    assert_eq!(published["total"], 1);
    let page = app.page(&path).await;
    assert!(!page.contains("Buy cheap pills") && !page.contains("Rude remark"));

    // Deleting a published comment takes it off the page.
    let (status, _) = app
        .api(Method::DELETE, &format!("/comments/{}", ann["id"]), None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let page = app.page(&path).await;
    assert!(!page.contains("First thoughts") && page.contains("No comments:"));

    for path in ["/comments/999999/approve", "/comments/abc/spam"] {
        let (status, body) = app.api(Method::POST, path, None).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        error_message(status, &body, path);
    }
    for bad in ["limit=0", "limit=501", "status=maybe", "post_id=abc"] {
        let (status, body) = app
            .api(Method::GET, &format!("/comments?{bad}"), None)
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
    }

    // Only moderators moderate: a contributor may not approve.
    let contributor = app.user_token("carol@example.com", "contributor");
    let (status, _) = app
        .api_as(
            &contributor,
            Method::POST,
            &format!("/comments/{}/approve", bob["id"]),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, spam) = app.api(Method::GET, "/comments?status=spam", None).await;
    assert_eq!(spam["total"], 1, "the refused approval changed nothing");
}

#[tokio::test]
async fn authors_moderate_comments_on_their_own_posts_only() {
    let mut app = TestApp::start().await;
    app.settings(json!({"comment_moderation": "always", "comment_min_seconds": 0}))
        .await;
    let alice = app.user_token("alice@example.com", "author");
    let bob = app.user_token("bob@example.com", "author");
    let (_, post) = app
        .api_as(
            &alice,
            Method::POST,
            "/posts",
            Some(json!({"title": "Alice's", "body": "x", "status": "published"})),
        )
        .await;
    app.comment(
        post["url"].as_str().unwrap(),
        &[("name", "Reader"), ("body", "Held")],
    )
    .await
    .expect("accepted");
    let (_, pending) = app.api(Method::GET, "/comments?status=pending", None).await;
    let id = pending["items"][0]["id"].as_i64().unwrap();
    let (status, body) = app
        .api_as(&bob, Method::POST, &format!("/comments/{id}/approve"), None)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (status, _) = app
        .api_as(&bob, Method::DELETE, &format!("/comments/{id}"), None)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, still) = app.api(Method::GET, "/comments?status=pending", None).await;
    assert_eq!(still["total"], 1);
    let (status, approved) = app
        .api_as(
            &alice,
            Method::POST,
            &format!("/comments/{id}/approve"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{approved}");
    assert_eq!(approved["status"], "published");
}
