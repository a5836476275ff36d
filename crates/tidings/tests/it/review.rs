//! Contributors submit for review: a `pending` post, which they may still
//! change but never publish; the admin's posts list and the API find it by
//! its status, and the blog's admins are mailed when one arrives.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::admin::{Browser, PASSWORD};
use crate::smtp::{Sink, app_mailing};
use crate::support::{TestApp, hidden};

/// The titles of the posts `token` lists with `query`.
async fn titles(app: &TestApp, token: &str, query: &str) -> Vec<String> {
    let (status, list) = app
        .api_as(token, Method::GET, &format!("/posts{query}"), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{query}: {list}");
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap().to_owned())
        .collect()
}

fn message(body: &Value) -> &str {
    body["error"]["message"].as_str().unwrap_or_default()
}

#[tokio::test]
async fn a_contributor_submits_for_review_and_the_admins_are_mailed() {
    let sink = Sink::started();
    let mut app = app_mailing(&sink).await;
    let owner = app.token();
    app.member_token("second@example.com", "Second", "admin", None);
    app.member_token("author@example.com", "Writer", "author", None);
    let helper = app.member_token("helper@example.com", "Helper", "contributor", None);

    // Publishing stays the author's and the admin's: 403, nothing saved.
    for status in ["published", "scheduled"] {
        let body = json!({"title": "Mine", "body": "Text.", "status": status});
        let (code, answer) = app
            .api_as(&helper, Method::POST, "/posts", Some(body))
            .await;
        assert_eq!(code, StatusCode::FORBIDDEN, "{status}: {answer}");
    }
    // A status we do not know: 422 naming the field, nothing saved.
    let body = json!({"title": "Mine", "status": "review"});
    let (code, answer) = app
        .api_as(&helper, Method::POST, "/posts", Some(body))
        .await;
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert!(message(&answer).contains("status"), "{answer}");
    assert!(titles(&app, &owner, "").await.is_empty());

    let body = json!({"title": "Please look", "body": "My first post.", "status": "pending"});
    let (code, post) = app
        .api_as(&helper, Method::POST, "/posts", Some(body))
        .await;
    assert_eq!(code, StatusCode::CREATED, "{post}");
    assert_eq!(post["status"], "pending");
    let id = post["id"].as_i64().unwrap();
    // Readers see nothing of it.
    let path = post["url"].as_str().unwrap().to_owned();
    assert_eq!(app.get(&path).await.status(), StatusCode::NOT_FOUND);
    assert!(!app.page("/").await.contains("Please look"));

    // Each admin is told, the author (who may not publish others' posts) not.
    let mails = sink.wait_for(2, 15).await;
    let mut to: Vec<String> = mails
        .iter()
        .map(|m| m["rcpt_tos"][0].as_str().unwrap().to_owned())
        .collect();
    to.sort();
    assert_eq!(to, ["owner@example.com", "second@example.com"]);
    let subject = mails[0]["subject"].as_str().unwrap();
    assert!(
        subject.contains("Helper") && subject.contains("Please look"),
        "{subject}"
    );
    let text = mails[0]["text"].as_str().unwrap();
    assert!(
        text.contains(&format!("editor: http://localhost/admin/posts/{id}")),
        "{text}"
    );
    assert!(text.contains("/admin/posts?status=pending"), "{text}");

    // The contributor may still change it while it waits, not publish it.
    let (code, changed) = app
        .api_as(
            &helper,
            Method::PATCH,
            &format!("/posts/{id}"),
            Some(json!({"body": "My first post, better."})),
        )
        .await;
    assert_eq!(code, StatusCode::OK, "{changed}");
    assert_eq!(changed["status"], "pending");
    let (code, refused) = app
        .api_as(
            &helper,
            Method::PATCH,
            &format!("/posts/{id}"),
            Some(json!({"status": "published"})),
        )
        .await;
    assert_eq!(code, StatusCode::FORBIDDEN, "{refused}");

    // The reviewers find it by its status, and publish it.
    assert_eq!(
        titles(&app, &owner, "?status=pending").await,
        ["Please look"]
    );
    assert!(titles(&app, &owner, "?status=draft").await.is_empty());
    let (code, published) = app
        .api_as(
            &owner,
            Method::PATCH,
            &format!("/posts/{id}"),
            Some(json!({"status": "published"})),
        )
        .await;
    assert_eq!(code, StatusCode::OK, "{published}");
    assert!(app.page(&path).await.contains("My first post, better."));
    assert!(titles(&app, &owner, "?status=pending").await.is_empty());
    assert_eq!(sink.messages().len(), 2, "publishing mails no reviewer");
}

#[tokio::test]
async fn the_editor_submits_for_review_and_the_posts_list_filters_by_it() {
    let mut app = TestApp::start().await;
    app.token();
    app.member_token("helper@example.com", "Helper", "contributor", None);
    let mut helper = Browser::new(&app);
    helper.sign_in("helper@example.com", PASSWORD).await;
    let editor = helper.get("/admin/posts/new").await.body;
    assert!(editor.contains("Submit for review"), "{editor}");
    let csrf = hidden(&editor, "csrf");
    let saved = helper
        .post(
            "/admin/posts/new",
            &[
                ("csrf", &csrf),
                ("title", "From the editor"),
                ("body", "Written in the browser."),
                ("labels", ""),
                ("slug", ""),
                ("published_at", ""),
                ("action", "submit"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let edit = helper.get(saved.location.as_deref().unwrap()).await.body;
    assert!(edit.contains("Submitted for review"), "{edit}");
    assert!(edit.contains("badge pending"), "{edit}");

    // Mail is off: nothing is queued, and the save still works.
    let mut admin = Browser::new(&app);
    admin.sign_in("owner@example.com", PASSWORD).await;
    let pending = admin.get("/admin/posts?status=pending").await;
    assert_eq!(pending.status, StatusCode::OK);
    assert!(pending.body.contains("From the editor"), "{}", pending.body);
    let drafts = admin.get("/admin/posts?status=draft").await.body;
    assert!(!drafts.contains("From the editor"), "{drafts}");
    let bad = admin.get("/admin/posts?status=waiting").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("status"), "{}", bad.body);

    // A contributor's Publish from the editor is refused, the post as it was.
    let id = saved
        .location
        .as_deref()
        .unwrap()
        .trim_start_matches("/admin/posts/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let refused = helper
        .post(
            &format!("/admin/posts/{id}"),
            &[
                ("csrf", &csrf),
                ("title", "From the editor"),
                ("body", "Published?"),
                ("labels", ""),
                ("slug", ""),
                ("published_at", ""),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let pending = admin.get("/admin/posts?status=pending").await.body;
    assert!(pending.contains("From the editor"), "{pending}");
}
