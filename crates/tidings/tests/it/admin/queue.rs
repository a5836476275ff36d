//! The comment queue past its first page: 100 comments a page with links
//! between pages, one post's comments alone, the commenter's email and
//! address for the moderator, and a moderation that returns to the page it
//! was made on.

use reqwest::StatusCode;

use super::set_up;
use crate::support::TestApp;

/// `n` held comments on post `post`, the newest the last numbered, each
/// with an email and an address.
async fn held(app: &TestApp, post: i64, n: u32, name: &str) {
    app.sql(&format!(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {n}) \
         INSERT INTO comments (blog_id, post_id, author_name, author_email, body, status, \
         ip, created_at, updated_at) \
         SELECT p.blog_id, p.id, '{name} ' || i, '{name}' || i || '@example.com', \
         'Held words ' || i, 'pending', '192.0.2.7', i * 1000000, i * 1000000 \
         FROM n, posts p WHERE p.id = {post}"
    ))
    .await;
}

fn queued(html: &str) -> usize {
    html.matches("class=\"queued-comment\"").count()
}

#[tokio::test]
async fn the_queue_pages_filters_by_post_and_shows_who_sent_each() {
    let app = TestApp::start().await;
    let mut owner = set_up(&app).await;
    let token = app.user_token("api@example.com", "admin");
    let mut ids = Vec::new();
    for title in ["Busy post", "Quiet post"] {
        let (status, post) = app
            .api_as(
                &token,
                reqwest::Method::POST,
                "/posts",
                Some(serde_json::json!({"title": title, "body": "x", "status": "published"})),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED);
        ids.push(post["id"].as_i64().unwrap());
    }
    held(&app, ids[0], 130, "Busy").await;
    held(&app, ids[1], 3, "Quiet").await;

    let first = owner.get("/admin/comments").await.body;
    assert!(first.contains("133 pending comments"), "{first}");
    assert!(first.contains("page 1 of 2"), "{first}");
    assert_eq!(queued(&first), 100);
    assert!(first.contains("Busy130@example.com"), "the email is shown");
    assert!(first.contains("192.0.2.7"), "and the address");
    assert!(
        first.contains("href=\"/admin/comments?status=pending&amp;page=2\""),
        "{first}"
    );

    let second = owner
        .get("/admin/comments?status=pending&page=2")
        .await
        .body;
    assert_eq!(queued(&second), 33);
    assert!(second.contains("Busy 1<"), "the oldest is last: {second}");
    assert!(second.contains("rel=\"prev\""), "{second}");

    let quiet = owner
        .get(&format!("/admin/comments?status=pending&post={}", ids[1]))
        .await
        .body;
    assert_eq!(queued(&quiet), 3, "{quiet}");
    assert!(
        quiet.contains("3 pending comments on “Quiet post”"),
        "{quiet}"
    );

    for bad in ["page=x", "page=0", "page=-1", "post=x"] {
        let page = owner.get(&format!("/admin/comments?{bad}")).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{bad}");
    }

    // Approving from page 2 comes back to page 2.
    let csrf = owner.csrf("/admin/comments?status=pending&page=2").await;
    let one = second
        .split("value=\"approve:")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_owned();
    let r = owner
        .post(
            "/admin/comments",
            &[
                ("csrf", &csrf),
                ("status", "pending"),
                ("page", "2"),
                ("action", &format!("approve:{one}")),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        r.location.as_deref(),
        Some("/admin/comments?status=pending&page=2&done=1")
    );
    let after = owner.get("/admin/comments").await.body;
    assert!(after.contains("132 pending comments"), "{after}");
}
