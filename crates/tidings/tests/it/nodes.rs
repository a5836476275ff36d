//! Several stateless nodes on one database: any node answers any request
//! with the same result, and losing one costs nothing but its requests.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::{Node, TestApp, hidden};

async fn page(app: &TestApp, node: &Node, path: &str) -> String {
    let r = app.client.get(node.url(path)).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK, "GET {path} on {}", node.base);
    r.text().await.unwrap()
}

/// Submits a comment through `node`, as a browser that loaded the form there.
async fn comment_via(app: &TestApp, node: &Node, path: &str, body: &str) -> String {
    let html = page(app, node, path).await;
    let token = hidden(&html, "token");
    let r = app
        .client
        .post(node.url(path))
        .form(&[("token", token.as_str()), ("body", body)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    r.headers()["location"].to_str().unwrap().to_owned()
}

#[tokio::test]
async fn writes_through_one_node_show_on_the_other() {
    let mut app = TestApp::start().await; // node A
    app.settings(json!({"comment_min_seconds": 0})).await;
    let b = app.another_node();

    let post = app
        .post(json!({"title": "Written on A", "body": "Hello from A.", "status": "published"}))
        .await;
    let path = post["url"].as_str().unwrap();
    assert!(page(&app, &b, path).await.contains("Hello from A."));

    let to = comment_via(&app, &b, path, "Posted through B").await;
    assert!(to.contains("#c"));
    assert!(
        app.page(path).await.contains("Posted through B"),
        "A shows B's comment at once"
    );

    app.settings(json!({"title": "Renamed on A"})).await;
    assert!(
        page(&app, &b, "/").await.contains("Renamed on A"),
        "B's next page has A's setting"
    );

    // A scheduled post goes live on both nodes by itself, and exists once.
    let soon = (chrono::Utc::now() + chrono::Duration::seconds(2)).to_rfc3339();
    app.post(json!({"title": "Scheduled for both", "body": "x", "status": "scheduled", "published_at": soon}))
        .await;
    assert!(!page(&app, &b, "/").await.contains("Scheduled for both"));
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    assert!(page(&app, &b, "/").await.contains("Scheduled for both"));
    assert!(app.page("/").await.contains("Scheduled for both"));
    let (_, listed) = app.api(Method::GET, "/posts?status=published", None).await;
    let titles: Vec<_> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles
            .iter()
            .filter(|t| **t == "Scheduled for both")
            .count(),
        1
    );
}

#[tokio::test]
async fn a_killed_node_costs_nothing_but_itself() {
    let mut app = TestApp::start().await;
    app.settings(json!({"comment_min_seconds": 0})).await;
    let post = app
        .post(json!({"title": "Survivor", "body": "x", "status": "published"}))
        .await;
    let path = post["url"].as_str().unwrap().to_owned();
    let b = app.another_node();
    app.kill();
    assert!(
        app.client.get(app.url("/")).send().await.is_err(),
        "A is gone"
    );
    assert!(page(&app, &b, &path).await.contains("Survivor"));
    comment_via(&app, &b, &path, "Still here").await;
    assert!(page(&app, &b, &path).await.contains("Still here"));
    let health = app.client.get(b.url("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), StatusCode::OK);
}

#[tokio::test]
async fn rate_limits_hold_across_nodes() {
    let mut app = TestApp::start().await;
    app.settings(json!({"comment_min_seconds": 0})).await;
    let post = app
        .post(json!({"title": "Busy", "body": "x", "status": "published"}))
        .await;
    let path = post["url"].as_str().unwrap().to_owned();
    let b = app.another_node();
    for i in 0..10 {
        app.comment(&path, &[("body", &format!("via A {i}"))])
            .await
            .unwrap();
        comment_via(&app, &b, &path, &format!("via B {i}")).await;
    }
    // Twenty from this address across both nodes: the next is refused on either.
    let html = page(&app, &b, &path).await;
    let token = hidden(&html, "token");
    let r = app
        .client
        .post(b.url(&path))
        .form(&[("token", token.as_str()), ("body", "one more")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
}
