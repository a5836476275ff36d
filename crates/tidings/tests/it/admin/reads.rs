//! What each role may read, the same in the API and the admin
//! (`tidings_core::permission`): a contributor reads their own posts and the
//! published ones, and no comment that readers cannot see.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::{Browser, PASSWORD};
use crate::support::TestApp;

fn titles(list: &Value) -> Vec<String> {
    let mut t: Vec<String> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap().to_owned())
        .collect();
    t.sort();
    t
}

#[tokio::test]
async fn a_contributor_reads_no_one_elses_hidden_posts_nor_the_comment_queue() {
    let mut app = TestApp::start().await;
    app.settings(json!({"comment_moderation": "always", "comment_min_seconds": 0}))
        .await;
    let alice = app.user_token("alice@example.com", "author");
    let carol = app.user_token("carol@example.com", "contributor");
    let mut ids = Vec::new();
    for body in [
        json!({"title": "Secret draft of Alice", "body": "x"}),
        json!({"title": "Future post of Alice", "body": "x", "status": "scheduled", "published_at": "2999-01-01T00:00:00Z"}),
        json!({"title": "Public post of Alice", "body": "x", "status": "published"}),
    ] {
        let (status, post) = app.api_as(&alice, Method::POST, "/posts", Some(body)).await;
        assert_eq!(status, StatusCode::CREATED, "{post}");
        ids.push((
            post["id"].as_i64().unwrap(),
            post["url"].as_str().unwrap().to_owned(),
        ));
    }
    let [(secret, _), (future, _), (public, public_path)] = ids.try_into().unwrap();
    let (_, own) = app
        .api_as(
            &carol,
            Method::POST,
            "/posts",
            Some(json!({"title": "Draft of Carol", "body": "x"})),
        )
        .await;
    let own = own["id"].as_i64().unwrap();
    for (name, body) in [("Ann", "A held remark"), ("Sam", "A spammy remark")] {
        let held = app
            .comment(&public_path, &[("name", name), ("body", body)])
            .await
            .expect("the form is accepted");
        assert!(held.contains("held=1"), "{held}");
    }
    let (_, queue) = app.api(Method::GET, "/comments?status=pending", None).await;
    let spam = queue["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["author"] == "Sam")
        .unwrap()["id"]
        .clone();
    let (status, _) = app
        .api(Method::POST, &format!("/comments/{spam}/spam"), None)
        .await;
    assert_eq!(status, StatusCode::OK);

    // The API: lists narrowed, others' hidden posts refused, no queue.
    let (status, list) = app.api_as(&carol, Method::GET, "/posts", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(titles(&list), ["Draft of Carol", "Public post of Alice"]);
    assert_eq!(list["total"], 2);
    for status_filter in ["draft", "scheduled"] {
        let (_, list) = app
            .api_as(
                &carol,
                Method::GET,
                &format!("/posts?status={status_filter}"),
                None,
            )
            .await;
        let text = list.to_string();
        assert!(!text.contains("of Alice"), "{status_filter}: {text}");
    }
    for id in [secret, future] {
        let (status, body) = app
            .api_as(&carol, Method::GET, &format!("/posts/{id}"), None)
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
        assert!(!body.to_string().contains("of Alice"), "{body}");
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .contains("own posts")
        );
    }
    for id in [public, own] {
        let (status, _) = app
            .api_as(&carol, Method::GET, &format!("/posts/{id}"), None)
            .await;
        assert_eq!(status, StatusCode::OK);
    }
    for query in ["", "?status=pending", "?status=spam", "?status=published"] {
        let (status, body) = app
            .api_as(&carol, Method::GET, &format!("/comments{query}"), None)
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{query}: {body}");
        assert!(!body.to_string().contains("remark"), "{query}: {body}");
    }
    // Nor does moderating tell which comments exist.
    for id in [spam.to_string(), "999999".into()] {
        let (status, body) = app
            .api_as(
                &carol,
                Method::POST,
                &format!("/comments/{id}/approve"),
                None,
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{id}: {body}");
    }
    // An author still reads every post and the queue.
    let (_, list) = app.api_as(&alice, Method::GET, "/posts", None).await;
    assert_eq!(list["total"], 4);
    let (status, queue) = app.api_as(&alice, Method::GET, "/comments", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(queue["total"], 2);

    // The admin: dashboard, lists and editor by the same rules.
    let mut browser = Browser::new(&app);
    assert_eq!(
        browser.sign_in("carol@example.com", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    let dashboard = browser.get("/admin").await;
    assert_eq!(dashboard.status, StatusCode::OK);
    assert!(!dashboard.body.contains("remark"), "{}", dashboard.body);
    assert!(dashboard.body.contains("<strong>1</strong> draft<"));
    assert!(dashboard.body.contains("<strong>0</strong> scheduled"));
    for path in [
        "/admin/posts",
        "/admin/posts?status=draft",
        "/admin/posts?status=scheduled",
        "/admin/posts?q=alice",
    ] {
        let page = browser.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(!page.body.contains("Secret draft"), "{path}");
        assert!(!page.body.contains("Future post"), "{path}");
    }
    assert!(
        browser
            .get("/admin/posts")
            .await
            .body
            .contains("Draft of Carol")
    );
    for id in [secret, future] {
        let page = browser.get(&format!("/admin/posts/{id}")).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{id}");
        assert!(!page.body.contains("of Alice"));
    }
    for id in [public, own] {
        let page = browser.get(&format!("/admin/posts/{id}")).await;
        assert_eq!(page.status, StatusCode::OK, "{id}");
    }
    for path in [
        "/admin/comments?status=spam".to_owned(),
        format!("/admin/comments/{spam}/reply"),
        "/admin/comments/999999/reply".to_owned(),
    ] {
        let page = browser.get(&path).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{path}");
        assert!(!page.body.contains("remark"), "{path}");
    }
}
