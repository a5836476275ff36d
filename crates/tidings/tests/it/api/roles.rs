//! Roles: what a token of each role may and may not do.

use reqwest::{Method, StatusCode};
use serde_json::json;

use super::error_message;
use crate::support::TestApp;

#[tokio::test]
async fn roles_limit_what_a_token_may_do() {
    let mut app = TestApp::start().await;
    let contributor = app.user_token("carol@example.com", "contributor");
    let author_a = app.user_token("alice@example.com", "author");
    let author_b = app.user_token("bob@example.com", "author");

    // A contributor writes drafts…
    let (status, draft) = app
        .api_as(
            &contributor,
            Method::POST,
            "/posts",
            Some(json!({"title": "Carol's idea", "body": "x"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{draft}");
    assert_eq!(draft["status"], "draft");
    let draft_id = draft["id"].as_i64().unwrap();
    // …but may not publish, neither at once nor later.
    let (status, body) = app
        .api_as(
            &contributor,
            Method::POST,
            "/posts",
            Some(json!({"title": "Carol publishes", "body": "x", "status": "published"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    error_message(status, &body, "contributor publishing");
    let (status, body) = app
        .api_as(
            &contributor,
            Method::PATCH,
            &format!("/posts/{draft_id}"),
            Some(json!({"status": "published"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (status, body) = app
        .api_as(&contributor, Method::POST, "/posts", Some(json!({"title": "Carol schedules", "body": "x", "status": "scheduled", "published_at": "2999-01-01T00:00:00Z"})))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (_, all) = app.api(Method::GET, "/posts", None).await;
    assert_eq!(all["total"], 1, "the refused posts were not stored: {all}");
    assert_eq!(all["items"][0]["status"], "draft");
    assert!(!app.page("/").await.contains("Carol"));

    // Contributors and authors do not change the blog's settings.
    for token in [&contributor, &author_a] {
        let (status, body) = app
            .api_as(
                token,
                Method::PATCH,
                "/blog",
                Some(json!({"title": "Taken over"})),
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    }
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_ne!(blog["title"], "Taken over");

    // An author edits their own posts, not another author's.
    let (status, alice_post) = app
        .api_as(
            &author_a,
            Method::POST,
            "/posts",
            Some(json!({"title": "Alice writes", "body": "original", "status": "published"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "authors publish: {alice_post}");
    let alice_id = alice_post["id"].as_i64().unwrap();
    let (status, body) = app
        .api_as(
            &author_b,
            Method::PATCH,
            &format!("/posts/{alice_id}"),
            Some(json!({"body": "defaced"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    error_message(status, &body, "author editing another's post");
    let (status, _) = app
        .api_as(
            &author_b,
            Method::DELETE,
            &format!("/posts/{alice_id}"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app
        .api_as(
            &author_b,
            Method::PATCH,
            &format!("/posts/{draft_id}"),
            Some(json!({"title": "Mine now"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "nor a contributor's draft");
    let (_, still) = app
        .api(Method::GET, &format!("/posts/{alice_id}"), None)
        .await;
    assert_eq!(still["body"], "original");
    let page = app.page(alice_post["url"].as_str().unwrap()).await;
    assert!(page.contains("original") && !page.contains("defaced"));

    let (status, mine) = app
        .api_as(
            &author_a,
            Method::PATCH,
            &format!("/posts/{alice_id}"),
            Some(json!({"body": "revised"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{mine}");
    // The admin may edit anyone's post.
    let (status, _) = app
        .api(
            Method::PATCH,
            &format!("/posts/{alice_id}"),
            Some(json!({"body": "edited by the owner"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = app
        .api(
            Method::PATCH,
            &format!("/posts/{draft_id}"),
            Some(json!({"status": "published"})),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "an admin publishes a contributor's draft"
    );
}
