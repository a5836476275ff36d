//! The trash: a deleted post or page leaves the blog at once (its address
//! answers 410), can be restored as it was for 30 days, and is then removed
//! for good by a task every server runs (its address answers 404).

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::admin::set_up;
use crate::support::{TestApp, texts_of_class};

#[tokio::test]
async fn deleted_posts_answer_410_and_come_back_as_they_were() {
    let mut app = TestApp::start().await;
    app.settings(json!({"comment_min_seconds": 0})).await;
    let post = app
        .post(json!({"title": "Second thoughts", "body": "Words", "status": "published"}))
        .await;
    let (id, path) = (
        post["id"].as_i64().unwrap(),
        post["url"].as_str().unwrap().to_owned(),
    );
    app.comment(&path, &[("body", "Kept through it all")])
        .await
        .unwrap();
    let page = app
        .post(json!({"kind": "page", "title": "Colophon", "body": "x", "status": "published"}))
        .await;

    for (what, id) in [("post", id), ("page", page["id"].as_i64().unwrap())] {
        let (status, _) = app.api(Method::DELETE, &format!("/posts/{id}"), None).await;
        assert_eq!(status, StatusCode::NO_CONTENT, "{what}");
    }
    assert_eq!(app.get(&path).await.status(), StatusCode::GONE);
    assert_eq!(app.get("/p/colophon.html").await.status(), StatusCode::GONE);
    assert!(texts_of_class(&app.page("/").await, "post-title").is_empty());
    assert!(
        !app.page("/feeds/comments/default")
            .await
            .contains("Kept through")
    );
    let (status, _) = app.api(Method::GET, &format!("/posts/{id}"), None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, list) = app.api(Method::GET, "/posts", None).await;
    assert_eq!(list["total"], 0);
    // Its address stays its own while it can come back.
    let (status, json) = app
        .api(
            Method::POST,
            "/posts",
            Some(
                json!({"title": "Other", "slug": "second-thoughts", "status": "published",
                        "published_at": post["published_at"]}),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{json}");

    let (status, back) = app
        .api(Method::POST, &format!("/posts/{id}/restore"), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{back}");
    assert_eq!(back["status"], "published");
    let html = app.page(&path).await;
    assert!(html.contains("Kept through it all"), "{html}");
    let (status, _) = app
        .api(Method::POST, &format!("/posts/{id}/restore"), None)
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "not in the trash any more");
}

#[tokio::test]
async fn after_30_days_the_trash_is_emptied() {
    let mut app = TestApp::start().await;
    let post = app
        .post(json!({"title": "Long gone", "body": "x", "status": "published"}))
        .await;
    let (id, path) = (
        post["id"].as_i64().unwrap(),
        post["url"].as_str().unwrap().to_owned(),
    );
    app.api(Method::DELETE, &format!("/posts/{id}"), None).await;
    // Trashed 31 days ago; a server starting empties the trash first thing.
    let long_ago = (chrono::Utc::now() - chrono::Duration::days(31)).timestamp_micros();
    app.sql(&format!(
        "UPDATE posts SET trashed_at = {long_ago} WHERE id = {id}"
    ))
    .await;
    app.restart();
    let mut status = StatusCode::GONE;
    for _ in 0..50 {
        status = app.get(&path).await.status();
        if status == StatusCode::NOT_FOUND {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app
        .api(Method::POST, &format!("/posts/{id}/restore"), None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_editor_says_what_each_action_did() {
    let app = TestApp::start().await;
    let mut owner = set_up(&app).await;
    let csrf = owner.csrf("/admin/posts/new").await;
    let form = |action: &str| {
        vec![
            ("csrf", csrf.clone()),
            ("kind", "post".to_owned()),
            ("title", "Told".to_owned()),
            ("body", "Words".to_owned()),
            ("action", action.to_owned()),
        ]
    };
    let first = form("publish");
    let first: Vec<(&str, &str)> = first.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = owner.post("/admin/posts/new", &first).await;
    let edit = r.location.unwrap();
    assert!(owner.get(&edit).await.body.contains("Published."));
    let id = edit
        .trim_start_matches("/admin/posts/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    // Changed while published: "Updated", not a stale "Published.".
    let again = form("publish");
    let again: Vec<(&str, &str)> = again.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = owner.post(&format!("/admin/posts/{id}"), &again).await;
    let page = owner.get(&r.location.unwrap()).await.body;
    assert!(
        page.contains("Updated.") && !page.contains("Published."),
        "{page}"
    );

    // Deleted: the confirmation says it can come back, the list says what
    // happened and offers to undo it.
    let confirm = owner.get(&format!("/admin/posts/{id}/delete")).await;
    assert!(
        confirm.body.contains("restore it from the trash"),
        "{}",
        confirm.body
    );
    let r = owner
        .post(&format!("/admin/posts/{id}/delete"), &[("csrf", &csrf)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let list = owner.get(&r.location.unwrap()).await.body;
    assert!(list.contains("Moved to trash"), "{list}");
    assert_eq!(app.get("/").await.status(), StatusCode::OK);
    let trash = owner.get("/admin/posts?status=trash").await.body;
    assert!(trash.contains("Told"), "{trash}");
    let r = owner
        .post(&format!("/admin/posts/{id}/restore"), &[("csrf", &csrf)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = owner.get(&r.location.unwrap()).await.body;
    assert!(page.contains("Restored from the trash."), "{page}");
    assert!(
        !owner
            .get("/admin/posts?status=trash")
            .await
            .body
            .contains("Told")
    );
}

#[tokio::test]
async fn the_api_lists_the_trash_with_when_each_post_went_there() {
    let mut app = TestApp::start().await;
    let kept = app
        .post(json!({"title": "Kept", "body": "x", "status": "published"}))
        .await;
    let binned = app
        .post(json!({"title": "Binned", "body": "x", "status": "published"}))
        .await;
    let id = binned["id"].as_i64().unwrap();
    let (status, _) = app.api(Method::DELETE, &format!("/posts/{id}"), None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);

    let (status, trash) = app.api(Method::GET, "/posts?status=trash", None).await;
    assert_eq!(status, StatusCode::OK, "{trash}");
    assert_eq!(trash["total"], 1);
    let item = &trash["items"][0];
    assert_eq!(item["title"], "Binned");
    assert_eq!(item["status"], "trash");
    assert!(
        item["trashed_at"].as_str().unwrap().starts_with("20"),
        "{item}"
    );
    let (_, all) = app.api(Method::GET, "/posts", None).await;
    assert_eq!(all["total"], 1, "other lists leave the trash out");
    assert_eq!(all["items"][0]["id"], kept["id"]);
    assert_eq!(all["items"][0]["trashed_at"], serde_json::Value::Null);

    // A contributor lists only their own trash.
    let helper = app.user_token("helper@example.com", "contributor");
    let (_, theirs) = app
        .api_as(&helper, Method::GET, "/posts?status=trash", None)
        .await;
    assert_eq!(theirs["total"], 0);

    // A status no list knows: 400 naming it, as any bad query.
    let (status, body) = app.api(Method::GET, "/posts?status=binned", None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("status")
    );

    // Restored, it leaves the trash list.
    let (status, _) = app
        .api(Method::POST, &format!("/posts/{id}/restore"), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, trash) = app.api(Method::GET, "/posts?status=trash", None).await;
    assert_eq!(trash["total"], 0);
}
