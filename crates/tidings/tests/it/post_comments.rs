//! Comments per post: open takes them, closed shows them with no form and
//! says so, hidden shows none; the comment POST, the feeds and the counts
//! follow it, and the blog says what new posts take.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::{TestApp, texts_of_class};

/// An app whose forms may be sent at once, with one published post that
/// has one comment; answers the post's path and id.
async fn post_with_a_comment(app: &mut TestApp) -> (String, i64) {
    app.settings(json!({"comment_min_seconds": 0})).await;
    let post = app
        .post(json!({"title": "Talk", "body": "Say something.", "status": "published"}))
        .await;
    let path = post["url"].as_str().unwrap().to_owned();
    app.comment(&path, &[("name", "Ada"), ("body", "Kept words")])
        .await
        .unwrap();
    (path, post["id"].as_i64().unwrap())
}

async fn set_comments(app: &mut TestApp, id: i64, value: &str) {
    let (status, json) = app
        .api(
            Method::PATCH,
            &format!("/posts/{id}"),
            Some(json!({"comments": value})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{json}");
    assert_eq!(json["comments"], value);
}

#[tokio::test]
async fn closed_shows_the_comments_and_takes_no_more() {
    let mut app = TestApp::start().await;
    let (path, id) = post_with_a_comment(&mut app).await;
    let open = app.page(&path).await;
    assert!(open.contains("id=\"comment-form\""));
    // A form served while the post was open, sent after it closed.
    let token = crate::support::hidden(&open, "token");
    set_comments(&mut app, id, "closed").await;

    let page = app.page(&path).await;
    assert_eq!(texts_of_class(&page, "comment-body"), ["Kept words"]);
    assert!(page.contains("<h2>1 comment:</h2>"));
    assert_eq!(
        texts_of_class(&page, "comments-closed"),
        ["Comments are closed."]
    );
    assert!(!page.contains("id=\"comment-form\""), "{page}");
    assert!(!page.contains("comment-reply"), "no reply links: {page}");
    assert_eq!(
        texts_of_class(&app.page("/").await, "comment-link"),
        ["1 comment"]
    );

    let form = [
        ("token".to_owned(), token),
        ("name".to_owned(), "Late".to_owned()),
        ("body".to_owned(), "Too late".to_owned()),
    ];
    let (status, body) = app.submit(&path, &form).await.unwrap_err();
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(body.contains("Comments are closed on this post."), "{body}");
    let feed = app.page(&format!("/feeds/{id}/comments/default")).await;
    assert!(feed.contains("Kept words") && !feed.contains("Too late"));

    // In the blog's language.
    app.settings(json!({"language": "fr"})).await;
    let page = app.page(&path).await;
    assert_eq!(
        texts_of_class(&page, "comments-closed"),
        ["Les commentaires sont fermés."]
    );
}

#[tokio::test]
async fn hidden_shows_no_comments_anywhere() {
    let mut app = TestApp::start().await;
    let (path, id) = post_with_a_comment(&mut app).await;
    set_comments(&mut app, id, "hidden").await;

    let page = app.page(&path).await;
    assert!(!page.contains("Kept words"), "{page}");
    assert!(!page.contains("class=\"comments\""), "{page}");
    assert!(!page.contains("id=\"comment-form\""), "{page}");
    assert!(texts_of_class(&app.page("/").await, "comment-link").is_empty());
    for feed in [
        format!("/feeds/{id}/comments/default"),
        "/feeds/comments/default".to_owned(),
    ] {
        assert!(!app.page(&feed).await.contains("Kept words"), "{feed}");
    }
    let posts_feed = app.page("/feeds/posts/default").await;
    assert!(!posts_feed.contains("thr:total"), "{posts_feed}");

    // Opened again, the comment comes back: hiding deleted nothing.
    set_comments(&mut app, id, "open").await;
    let page = app.page(&path).await;
    assert_eq!(texts_of_class(&page, "comment-body"), ["Kept words"]);
    app.comment(&path, &[("body", "Back again")]).await.unwrap();
}

#[tokio::test]
async fn new_posts_take_the_blogs_default_and_pages_take_none() {
    let mut app = TestApp::start().await;
    let (status, blog) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(blog["default_comments"], "open");
    app.settings(json!({"default_comments": "closed"})).await;
    let post = app
        .post(json!({"title": "Quiet", "body": "x", "status": "published"}))
        .await;
    assert_eq!(post["comments"], "closed");
    let own = app
        .post(json!({"title": "Loud", "body": "x", "status": "published", "comments": "open"}))
        .await;
    assert_eq!(own["comments"], "open");

    // A page takes none unless opened; opened, it shows the form.
    let page = app
        .post(json!({"kind": "page", "title": "About", "body": "x", "status": "published"}))
        .await;
    assert_eq!(page["comments"], "closed");
    let html = app.page("/p/about.html").await;
    assert!(!html.contains("id=\"comment-form\"") && !html.contains("class=\"comments\""));
    let id = page["id"].as_i64().unwrap();
    set_comments(&mut app, id, "open").await;
    let html = app.page("/p/about.html").await;
    assert!(html.contains("id=\"comment-form\""), "{html}");
    app.settings(json!({"comment_min_seconds": 0})).await;
    app.comment("/p/about.html", &[("body", "On a page")])
        .await
        .unwrap();
}

#[tokio::test]
async fn unknown_comment_settings_are_refused_naming_the_field() {
    let mut app = TestApp::start().await;
    let (status, json) = app
        .api(
            Method::POST,
            "/posts",
            Some(json!({"title": "t", "body": "b", "comments": "maybe"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{json}");
    assert!(
        json["error"]["message"]
            .as_str()
            .unwrap()
            .contains("comments"),
        "{json}"
    );
    let (status, json) = app
        .api(
            Method::PATCH,
            "/blog",
            Some(json!({"default_comments": "sometimes"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{json}");
    assert!(
        json["error"]["message"]
            .as_str()
            .unwrap()
            .contains("default_comments"),
        "{json}"
    );
    let (_, list) = app.api(Method::GET, "/posts", None).await;
    assert_eq!(list["total"], 0, "nothing was written");
}
