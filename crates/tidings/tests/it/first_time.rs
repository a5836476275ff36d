//! Comments an owner can judge: a new blog holds a commenter's first
//! comment until the owner approves one by the same name and email, and
//! the blog's own people's comments are marked as the author's.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::admin::{Browser, PASSWORD};
use crate::support::{TestApp, hidden, texts_of_class};

const RITA: [(&str, &str); 2] = [("name", "Rita Reader"), ("email", "rita@example.com")];

/// Sends a comment as `who`; answers whether it shows at once.
async fn comment(app: &TestApp, path: &str, who: &[(&str, &str)], body: &str) -> bool {
    let mut fields = who.to_vec();
    fields.push(("body", body));
    let to = app.comment(path, &fields).await.expect("a 303");
    !to.contains("held=1")
}

async fn pending(app: &mut TestApp) -> Vec<Value> {
    let (_, list) = app.api(Method::GET, "/comments?status=pending", None).await;
    list["items"].as_array().unwrap().clone()
}

#[tokio::test]
async fn a_new_blog_holds_a_commenters_first_comment() {
    let mut app = TestApp::start_as_new().await;
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(
        blog["comment_moderation"], "first_time",
        "the default of a new blog"
    );
    app.settings(json!({"comment_min_seconds": 0})).await;
    let post = app
        .post(json!({"title": "Hello", "body": "x", "status": "published"}))
        .await;
    let path = post["url"].as_str().unwrap().to_owned();

    assert!(
        !comment(&app, &path, &RITA, "My first words here.").await,
        "held"
    );
    let page = app.page(&format!("{path}?held=1")).await;
    assert!(
        page.contains("awaiting moderation"),
        "the commenter is told"
    );
    assert!(
        !page.contains("My first words here."),
        "readers do not see it"
    );
    let held = pending(&mut app).await;
    assert_eq!(held.len(), 1);
    assert!(
        held[0]["hold_reasons"]
            .as_str()
            .unwrap()
            .contains("first comment"),
        "{held:?}"
    );

    let (status, _) = app
        .api(
            Method::POST,
            &format!("/comments/{}/approve", held[0]["id"]),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    // Known now: the same name and email (in any case) show at once.
    let known = [("name", "Rita Reader"), ("email", "Rita@Example.com")];
    assert!(
        comment(&app, &path, &known, "Back again.").await,
        "published"
    );
    // Another address, no address, or another name: a stranger still.
    let elsewhere = [("name", "Rita Reader"), ("email", "rita@elsewhere.example")];
    assert!(!comment(&app, &path, &elsewhere, "Is it me?").await);
    assert!(!comment(&app, &path, &[("name", "Rita Reader")], "No address.").await);
    let renamed = [("name", "Rita R."), ("email", "rita@example.com")];
    assert!(!comment(&app, &path, &renamed, "Renamed.").await);
    let page = app.page(&path).await;
    assert_eq!(
        texts_of_class(&page, "comment-author"),
        ["Rita Reader", "Rita Reader"]
    );

    // `never` holds nothing for moderation's sake.
    app.settings(json!({"comment_moderation": "never"})).await;
    assert!(comment(&app, &path, &[("name", "Sam")], "Straight through.").await);
    // A value it does not know is refused, naming the field; nothing changes.
    let (status, e) = app
        .api(
            Method::PATCH,
            "/blog",
            Some(json!({"comment_moderation": "first"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(blog["comment_moderation"], "never");
}

#[tokio::test]
async fn the_blogs_own_people_are_marked_as_the_author() {
    let mut app = TestApp::start_as_new().await;
    app.settings(json!({"comment_min_seconds": 0})).await;
    let post = app
        .post(json!({"title": "Hello", "body": "x", "status": "published"}))
        .await;
    let path = post["url"].as_str().unwrap().to_owned();
    app.member_token("writer@example.com", "Wanda Writer", "author", None);
    let mut writer = Browser::new(&app);
    writer.sign_in("writer@example.com", PASSWORD).await;

    // A member signed in is not held as a stranger, and is marked.
    let page = writer.get(&path).await;
    let token = hidden(&page.body, "token");
    let sent = writer
        .post(&path, &[("token", &token), ("body", "Thanks for reading!")])
        .await;
    assert!(sent.location.unwrap().contains("#c"), "published at once");
    // A reader's comment, held, then answered from the queue by the owner.
    assert!(!comment(&app, &path, &RITA, "A question?").await);
    let held = pending(&mut app).await;
    app.member_token("boss@example.com", "Bea Boss", "admin", None);
    let mut owner = Browser::new(&app);
    owner.sign_in("boss@example.com", PASSWORD).await;
    let reply_path = format!("/admin/comments/{}/reply", held[0]["id"]);
    let csrf = owner.csrf(&reply_path).await;
    let r = owner
        .post(&reply_path, &[("csrf", &csrf), ("body", "An answer.")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    let page = app.page(&path).await;
    assert_eq!(
        texts_of_class(&page, "comment-author"),
        ["Wanda Writer", "Rita Reader", "Bea Boss"]
    );
    assert_eq!(texts_of_class(&page, "author-badge"), ["Author", "Author"]);
    assert_eq!(page.matches("class=\"comment blog-author\"").count(), 2);
    let rita = page.find("Rita Reader").unwrap();
    let rita_li = page[..rita].rfind("<li class=").unwrap();
    assert!(
        page[rita_li..].starts_with("<li class=\"comment\""),
        "a reader is not marked"
    );

    // In the blog's language.
    app.settings(json!({"language": "de"})).await;
    let page = app.page(&path).await;
    assert_eq!(texts_of_class(&page, "author-badge"), ["Autor", "Autor"]);
}
