//! Without the render cache, each page costs a small, fixed number of
//! database statements, however many posts, comments and labels it shows:
//! no query per post or per comment (N+1). Counted by the server itself
//! (`tidings_db_statements_total` on `/metrics`).

use serde_json::json;

use crate::media::{jpeg, upload};
use crate::support::TestApp;

async fn statements(app: &TestApp) -> u64 {
    let metrics = app.page("/metrics").await;
    metrics
        .lines()
        .find_map(|l| l.strip_prefix("tidings_db_statements_total "))
        .expect("the statement counter")
        .trim()
        .parse()
        .unwrap()
}

/// Statements one GET of `path` costs: the least of seven. The counter is
/// the node's, so it also counts what runs beside the page: the setup of a
/// connection the pool happens to open, and the change log's poll (every
/// tenth of a second on SQLite). Under a loaded machine one window of three
/// requests can take tens of milliseconds; seven in a row that each hold a
/// poll are unlikely, and the least is the page's own cost.
async fn cost(app: &TestApp, path: &str) -> u64 {
    let mut least = u64::MAX;
    for _ in 0..7 {
        let before = statements(app).await;
        let r = app.get(path).await;
        assert_eq!(r.status(), reqwest::StatusCode::OK, "{path}");
        r.bytes().await.unwrap();
        least = least.min(statements(app).await - before);
    }
    least
}

#[tokio::test]
async fn pages_cost_the_same_few_queries_whatever_they_show() {
    let mut app = TestApp::start_with(&["--no-cache"]).await;
    app.settings(json!({"comment_min_seconds": 0, "posts_per_page": 50}))
        .await;
    let first = app
        .post(json!({"title": "First", "body": "One.", "status": "published", "labels": ["a"]}))
        .await;
    let first = first["url"].as_str().unwrap().to_owned();
    app.page("/").await; // the sidebar is computed once after a change
    let small = [
        cost(&app, "/").await,
        cost(&app, &first).await,
        cost(&app, "/feeds/posts/default").await,
        cost(&app, "/search/label/a").await,
    ];

    // Many more posts, labels and comments.
    for i in 0..20 {
        app.post(
            json!({"title": format!("Post {i}"), "body": "Text.", "status": "published",
                        "labels": [format!("l{i}"), "a"]}),
        )
        .await;
    }
    for i in 0..15 {
        app.comment(
            &first,
            &[("name", "Reader"), ("body", &format!("Comment {i}"))],
        )
        .await
        .expect("published");
    }
    app.page("/").await;
    let big = [
        cost(&app, "/").await,
        cost(&app, &first).await,
        cost(&app, "/feeds/posts/default").await,
        cost(&app, "/search/label/a").await,
    ];
    assert_eq!(
        small, big,
        "home, post, feed, label page: statements per page"
    );
    // The page's own rows only: posts with their comment counts; a post
    // with its neighbours and its comments; a feed's entries (its count for
    // paging is the kept sidebar's). The blog of the host is kept by the node while it follows
    // the change log, and the sidebar, the pages list and sticky posts come
    // from the blog's kept frame, read once per change (above).
    assert_eq!(big, [1, 1, 1, 1], "home, post, feed, label page");
}

/// A picture the node has served once costs no statement after that: its
/// bytes are in the node's memory and its row is kept while the node
/// follows the change log (`media_stores.rs` shows a deletion reaching
/// every node).
#[tokio::test]
async fn a_picture_served_again_costs_no_statement() {
    let mut app = TestApp::start().await;
    let (status, made) = upload(&mut app, &jpeg(700, 500), "kept.jpg", None).await;
    assert_eq!(status, reqwest::StatusCode::CREATED, "{made}");
    let original = made["url"].as_str().unwrap();
    let variant = made["variants"][0]["url"].as_str().unwrap();
    assert_eq!(
        [cost(&app, original).await, cost(&app, variant).await],
        [0, 0],
        "the original, a narrower copy"
    );
}
