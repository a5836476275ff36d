//! The spam filter that learns: an owner's spam and approve decisions teach
//! it, a similar comment is then held (or marked spam with other signs), the
//! owner sees the filter's score among the reasons, and ordinary comments
//! still appear at once. The counts live in the database, so every node
//! judges alike.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{Node, TestApp, hidden};

/// An app whose forms may be sent at once, with two posts.
async fn app_with_posts() -> (TestApp, String, String) {
    let mut app = TestApp::start().await;
    app.settings(json!({"comment_min_seconds": 0})).await;
    let mut paths = Vec::new();
    for title in ["Weekend bread", "Autumn walks"] {
        let post = app
            .post(json!({"title": title, "body": "Tell me yours.", "status": "published"}))
            .await;
        paths.push(post["url"].as_str().unwrap().to_owned());
    }
    let second = paths.pop().unwrap();
    (app, paths.pop().unwrap(), second)
}

const SPAM: [&str; 4] = [
    "Designer handbags outlet sale, genuine leather handbags at seventy percent off https://handbags-outlet.example/sale",
    "Genuine designer handbags from the outlet, free shipping on every leather bag https://handbags-outlet.example/",
    "Leather handbags outlet: designer styles, genuine quality, sale ends soon https://handbags-outlet.example/new",
    "Outlet sale on designer handbags and wallets, genuine leather guaranteed https://handbags-outlet.example/wallets",
];

/// Comments as a bot would send them, each marked spam by the owner through
/// the API as it arrives. The first is published (a fresh blog does not know
/// handbags); the filter holds the later ones already. Answers their ids.
async fn bot_comments_marked_spam(app: &mut TestApp, path: &str) -> Vec<i64> {
    let mut ids = Vec::new();
    for (i, body) in SPAM.into_iter().enumerate() {
        let to = app
            .comment(path, &[("name", "Handbag Outlet"), ("body", body)])
            .await
            .unwrap();
        let id = match to.rsplit_once("#c") {
            Some((_, id)) if !to.contains("held=1") => id.parse().unwrap(),
            _ => {
                assert!(i > 0, "unknown text is published at first: {to}");
                listed(app, "pending").await[0]["id"].as_i64().unwrap()
            }
        };
        let (status, c) = app
            .api(Method::POST, &format!("/comments/{id}/spam"), None)
            .await;
        assert_eq!(status, StatusCode::OK, "{c}");
        assert_eq!(c["status"], "spam");
        ids.push(id);
    }
    ids
}

async fn listed(app: &mut TestApp, status: &str) -> Vec<Value> {
    let (_, list) = app
        .api(Method::GET, &format!("/comments?status={status}"), None)
        .await;
    list["items"].as_array().unwrap().clone()
}

fn reasons_of(items: &[Value], body: &str) -> String {
    items
        .iter()
        .find(|c| c["body"] == body)
        .unwrap_or_else(|| panic!("{body:?} in {items:?}"))["hold_reasons"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn marking_spam_teaches_the_filter_to_hold_similar_comments() {
    let (mut app, bread, walks) = app_with_posts().await;
    bot_comments_marked_spam(&mut app, &bread).await;

    let similar = "Huge outlet sale: genuine designer handbags, leather totes and wallets https://handbags-outlet.example/totes";
    let to = app
        .comment(&bread, &[("name", "Bag Deals"), ("body", similar)])
        .await
        .unwrap();
    assert!(to.contains("held=1"), "a similar comment is held: {to}");
    let reasons = reasons_of(&listed(&mut app, "pending").await, similar);
    assert!(
        reasons.starts_with("filter score 0.9"),
        "the owner sees the filter's score: {reasons}"
    );
    assert!(!app.page(&bread).await.contains("Huge outlet sale"));

    // Ordinary comments, with or without a link, still appear at once.
    for (name, body) in [
        (
            "Ann",
            "I tried your bread with rye flour and it rose beautifully.",
        ),
        (
            "Marek",
            "We walked the same ridge last October, see https://www.openstreetmap.org/ for the path.",
        ),
    ] {
        let to = app
            .comment(&walks, &[("name", name), ("body", body)])
            .await
            .unwrap();
        assert!(!to.contains("held=1"), "{body:?} is published: {to}");
    }

    // The very text the owner marked spam, sent to another post: spam.
    let to = app
        .comment(&walks, &[("name", "Handbag Outlet"), ("body", SPAM[0])])
        .await
        .unwrap();
    assert!(to.contains("held=1"), "a bot learns nothing: {to}");
    let reasons = reasons_of(&listed(&mut app, "spam").await, SPAM[0]);
    assert!(
        reasons.starts_with("same text as a comment on another post marked spam, filter score 0.9"),
        "{reasons}"
    );
}

#[tokio::test]
async fn approving_takes_back_what_marking_spam_taught() {
    let (mut app, bread, _) = app_with_posts().await;
    let ids = bot_comments_marked_spam(&mut app, &bread).await;
    // The owner changes their mind: these were a real shop's comments.
    for id in &ids {
        let (status, c) = app
            .api(Method::POST, &format!("/comments/{id}/approve"), None)
            .await;
        assert_eq!(status, StatusCode::OK, "{c}");
        assert_eq!(c["status"], "published");
    }
    let to = app
        .comment(
            &bread,
            &[
                ("name", "Handbag Outlet"),
                ("body", "Designer handbags outlet, genuine leather sale https://handbags-outlet.example/x"),
            ],
        )
        .await
        .unwrap();
    assert!(
        !to.contains("held=1"),
        "approved text now reads as ham: {to}"
    );
}

#[tokio::test]
async fn a_fresh_blog_holds_the_obvious() {
    let (mut app, bread, _) = app_with_posts().await;
    let body = "Buy cheap viagra and cialis pills from our online pharmacy, discount guaranteed";
    let to = app.comment(&bread, &[("body", body)]).await.unwrap();
    assert!(to.contains("held=1"), "{to}");
    let reasons = reasons_of(&listed(&mut app, "pending").await, body);
    assert!(reasons.starts_with("filter score 0.9"), "{reasons}");
    let to = app
        .comment(&bread, &[("body", "Which flour did you use for this one?")])
        .await
        .unwrap();
    assert!(!to.contains("held=1"), "{to}");
}

#[tokio::test]
async fn what_one_node_learns_every_node_knows() {
    let (mut app, bread, _) = app_with_posts().await;
    let b: Node = app.another_node();
    bot_comments_marked_spam(&mut app, &bread).await;
    let html = app
        .client
        .get(b.url(&bread))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = hidden(&html, "token");
    let body =
        "Designer handbags, genuine leather, outlet sale prices https://handbags-outlet.example/b";
    let r = app
        .client
        .post(b.url(&bread))
        .form(&[
            ("token", token.as_str()),
            ("name", "Handbag Outlet"),
            ("body", body),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(r.headers()["location"].to_str().unwrap().contains("held=1"));
    assert!(reasons_of(&listed(&mut app, "pending").await, body).contains("filter score"));
}
