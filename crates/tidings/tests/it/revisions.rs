//! Revisions: each save that changes a post's title, body or labels keeps
//! the version before it, who saved it and when; the API lists them newest
//! first and restores one, the editor lists them, shows what restoring one
//! would change and restores it; a restore is a revision in its turn.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::admin::set_up;
use crate::support::TestApp;

async fn patch(app: &mut TestApp, id: i64, body: Value) -> Value {
    let (status, json) = app
        .api(Method::PATCH, &format!("/posts/{id}"), Some(body))
        .await;
    assert_eq!(status, StatusCode::OK, "{json}");
    json
}

async fn revisions(app: &mut TestApp, id: i64) -> Vec<Value> {
    let (status, json) = app
        .api(Method::GET, &format!("/posts/{id}/revisions"), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{json}");
    json["revisions"].as_array().unwrap().clone()
}

#[tokio::test]
async fn each_change_keeps_the_version_before_it_and_one_comes_back() {
    let mut app = TestApp::start().await;
    let post = app
        .post(
            json!({"title": "First light", "body": "The *first* words.", "labels": ["sea"],
                     "status": "draft"}),
        )
        .await;
    let id = post["id"].as_i64().unwrap();
    assert!(
        revisions(&mut app, id).await.is_empty(),
        "a new post has none"
    );

    patch(
        &mut app,
        id,
        json!({"title": "Second light", "body": "Other words."}),
    )
    .await;
    patch(&mut app, id, json!({"labels": ["sea", "sky"]})).await;
    // Publishing alone changes no words: no revision.
    let published = patch(&mut app, id, json!({"status": "published"})).await;
    let kept = revisions(&mut app, id).await;
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert_eq!(kept[0]["title"], "Second light", "newest first");
    assert_eq!(kept[0]["labels"], json!(["sea"]));
    assert_eq!(kept[1]["title"], "First light");
    assert_eq!(kept[1]["body"], "The *first* words.");
    assert_eq!(kept[1]["format"], "markdown");
    assert_eq!(kept[1]["author"], "owner", "who saved it");
    assert!(kept[1]["saved_at"].as_str().unwrap().ends_with('Z'));

    let first = kept[1]["id"].as_i64().unwrap();
    let (status, back) = app
        .api(
            Method::POST,
            &format!("/posts/{id}/revisions/{first}/restore"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{back}");
    assert_eq!(back["title"], "First light");
    assert_eq!(back["labels"], json!(["sea"]));
    assert_eq!(back["status"], "published", "the status stays");
    assert_eq!(back["url"], published["url"], "and the address");
    let html = app.page(back["url"].as_str().unwrap()).await;
    assert!(html.contains("<em>first</em> words"), "{html}");
    // What the restore replaced is the newest revision now.
    let kept = revisions(&mut app, id).await;
    assert_eq!(kept.len(), 3);
    assert_eq!(kept[0]["title"], "Second light");
    assert_eq!(kept[0]["labels"], json!(["sea", "sky"]));
}

#[tokio::test]
async fn the_newest_fifty_are_kept() {
    let mut app = TestApp::start().await;
    let post = app.post(json!({"title": "Busy", "body": "0"})).await;
    let id = post["id"].as_i64().unwrap();
    for i in 1..=55 {
        patch(&mut app, id, json!({"body": i.to_string()})).await;
    }
    let kept = revisions(&mut app, id).await;
    assert_eq!(kept.len(), 50);
    assert_eq!(kept[0]["body"], "54");
    assert_eq!(kept[49]["body"], "5");
}

#[tokio::test]
async fn revisions_refuse_other_posts_strangers_and_nonsense() {
    let mut app = TestApp::start().await;
    let a = app.post(json!({"title": "A", "body": "a"})).await["id"]
        .as_i64()
        .unwrap();
    let b = app.post(json!({"title": "B", "body": "b"})).await["id"]
        .as_i64()
        .unwrap();
    patch(&mut app, b, json!({"body": "b2"})).await;
    let of_b = revisions(&mut app, b).await[0]["id"].as_i64().unwrap();

    let (status, json) = app
        .api(
            Method::POST,
            &format!("/posts/{a}/revisions/{of_b}/restore"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{json}");
    assert!(json.to_string().contains("another post"), "{json}");
    let (status, _) = app
        .api(
            Method::POST,
            &format!("/posts/{a}/revisions/999999/restore"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app
        .api(
            Method::POST,
            &format!("/posts/{a}/revisions/x/restore"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app.api(Method::GET, "/posts/424242/revisions", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // A contributor reads neither the admin's draft's history nor restores it.
    let contributor = app.user_token("c@example.com", "contributor");
    let (status, _) = app
        .api_as(
            &contributor,
            Method::GET,
            &format!("/posts/{b}/revisions"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app
        .api_as(
            &contributor,
            Method::POST,
            &format!("/posts/{b}/revisions/{of_b}/restore"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, post) = app.api(Method::GET, &format!("/posts/{b}"), None).await;
    assert_eq!(post["body"], "b2", "nothing changed");
}

#[tokio::test]
async fn the_editor_lists_revisions_shows_the_change_and_restores_one() {
    let app = TestApp::start().await;
    let mut owner = set_up(&app).await;
    let token = app.user_token("api@example.com", "admin");
    let call = |method: Method, path: String, body: Option<Value>| {
        let token = token.clone();
        let app = &app;
        async move {
            let (status, json) = app.api_as(&token, method, &path, body).await;
            assert!(status.is_success(), "{path}: {json}");
            json
        }
    };
    let post = call(
        Method::POST,
        "/posts".into(),
        Some(
            json!({"title": "Tides", "body": "High water at noon.\n\nLow at six.",
                    "status": "published"}),
        ),
    )
    .await;
    let id = post["id"].as_i64().unwrap();
    let body = json!({"body": "High water at one.\n\nLow at six."});
    call(Method::PATCH, format!("/posts/{id}"), Some(body)).await;
    let kept = call(Method::GET, format!("/posts/{id}/revisions"), None).await;
    let rev = kept["revisions"][0]["id"].as_i64().unwrap();

    let editor = owner.get(&format!("/admin/posts/{id}")).await.body;
    let link = format!("/admin/posts/{id}/revisions/{rev}");
    assert!(editor.contains(&format!("href=\"{link}\"")), "{editor}");

    let page = owner.get(&link).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("<del>− High water at one.</del>"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("<ins>+ High water at noon.</ins>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Low at six."), "context is shown");

    // Without the form's token nothing happens.
    let r = owner.post(&link, &[("csrf", "forged")]).await;
    assert!(r.status.is_client_error(), "{:?}", r.status);
    let csrf = owner.csrf(&link).await;
    let r = owner.post(&link, &[("csrf", &csrf)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let back = owner.get(&r.location.unwrap()).await.body;
    assert!(back.contains("Revision restored"), "{back}");
    let html = app.page(post["url"].as_str().unwrap()).await;
    assert!(html.contains("High water at noon."), "{html}");

    let other = call(
        Method::POST,
        "/posts".into(),
        Some(json!({"title": "O", "body": "o"})),
    )
    .await;
    let other = other["id"].as_i64().unwrap();
    let wrong = owner
        .get(&format!("/admin/posts/{other}/revisions/{rev}"))
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
}
