//! Password-protected posts: the post keeps its place and address, its page
//! shows the title and a password form, and nothing its password keeps (the
//! body, comments, feed entries, search results, the sitemap line) reaches
//! a reader until the right password; then a cookie opens that post, and
//! that page is never kept for, or served to, anyone else.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::{TestApp, hidden, texts_of_class};

const BODY: &str = "Quietly guarded words";

/// A published post with one comment, then given `password`: its path and id.
async fn protected_post(app: &mut TestApp, password: &str) -> (String, i64) {
    app.settings(json!({"comment_min_seconds": 0})).await;
    let post = app
        .post(json!({"title": "Behind the door", "body": BODY, "status": "published"}))
        .await;
    let path = post["url"].as_str().unwrap().to_owned();
    let id = post["id"].as_i64().unwrap();
    app.comment(&path, &[("name", "Ada"), ("body", "Murmured reply")])
        .await
        .unwrap();
    let (status, json) = app
        .api(
            Method::PATCH,
            &format!("/posts/{id}"),
            Some(json!({"password": password})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{json}");
    assert_eq!(json["password_protected"], true);
    assert!(json.get("password").is_none(), "write-only: {json}");
    (path, id)
}

/// Sends the password form; answers the status, the body and the cookie
/// (`name=value`) a right password sets.
async fn give(app: &TestApp, id: i64, password: &str) -> (StatusCode, String, Option<String>) {
    let r = app
        .client
        .post(app.url("/unlock"))
        .form(&[("post", id.to_string()), ("password", password.to_owned())])
        .send()
        .await
        .unwrap();
    let status = r.status();
    let cookie = r
        .headers()
        .get("set-cookie")
        .map(|v| v.to_str().unwrap().to_owned());
    (status, r.text().await.unwrap(), cookie)
}

async fn get_with(app: &TestApp, path: &str, cookie: &str) -> reqwest::Response {
    app.client
        .get(app.url(path))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn nothing_shows_until_the_right_password() {
    let mut app = TestApp::start().await;
    let (path, id) = protected_post(&mut app, "open sesame").await;

    // The page: its title and the form, at the same address.
    let locked = app.page(&path).await;
    assert_eq!(texts_of_class(&locked, "post-title"), ["Behind the door"]);
    assert!(locked.contains("class=\"post-password-form\""), "{locked}");
    for secret in [BODY, "Murmured reply"] {
        assert!(!locked.contains(secret), "{secret}: {locked}");
    }
    // Lists keep its place, with its title only.
    let home = app.page("/").await;
    assert_eq!(texts_of_class(&home, "post-title"), ["Behind the door"]);
    assert!(!home.contains(BODY) && texts_of_class(&home, "comment-link").is_empty());
    // Feeds, search and the sitemap know nothing of it.
    for other in [
        "/feeds/posts/default".to_owned(),
        "/feeds/posts/summary?alt=json".to_owned(),
        "/feeds/comments/default".to_owned(),
        format!("/feeds/{id}/comments/default"),
        "/search?q=guarded".to_owned(),
        "/sitemap.xml".to_owned(),
    ] {
        let text = app.page(&other).await;
        for secret in [BODY, "Murmured reply", path.as_str()] {
            assert!(!text.contains(secret), "{other} shows {secret}");
        }
    }

    // A wrong password: the form again, the same status, a message.
    let (status, again, cookie) = give(&app, id, "open barley").await;
    assert_eq!(status, StatusCode::OK);
    assert!(again.contains("That password is not right"), "{again}");
    assert!(!again.contains(BODY) && cookie.is_none());

    // The right one: a cookie for this post's address, and the whole page.
    let (status, _, cookie) = give(&app, id, "open sesame").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let cookie = cookie.expect("a pass cookie");
    assert!(
        cookie.contains(&format!("Path={path}")) && cookie.contains("HttpOnly"),
        "{cookie}"
    );
    let pass = cookie.split(';').next().unwrap().to_owned();
    let r = get_with(&app, &path, &pass).await;
    assert_eq!(r.headers()["cache-control"], "private, no-store");
    let opened = r.text().await.unwrap();
    assert!(
        opened.contains(BODY) && opened.contains("Murmured reply"),
        "{opened}"
    );

    // The render cache never hands the opened page to anyone else.
    for _ in 0..2 {
        assert!(!app.page(&path).await.contains(BODY));
    }

    // Commenting needs the pass too.
    let token = hidden(&opened, "token");
    let form = [
        ("token".to_owned(), token),
        ("body".to_owned(), "Let in".to_owned()),
    ];
    let (status, _) = app.submit(&path, &form).await.unwrap_err();
    assert_eq!(status, StatusCode::FORBIDDEN);
    let r = app
        .client
        .post(app.url(&path))
        .header("cookie", &pass)
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    // A new password closes the old pass; none opens the post to all.
    app.api(
        Method::PATCH,
        &format!("/posts/{id}"),
        Some(json!({"password": "new words"})),
    )
    .await;
    let text = get_with(&app, &path, &pass).await.text().await.unwrap();
    assert!(!text.contains(BODY));
    let (_, json) = app
        .api(
            Method::PATCH,
            &format!("/posts/{id}"),
            Some(json!({"password": ""})),
        )
        .await;
    assert_eq!(json["password_protected"], false);
    assert!(app.page(&path).await.contains(BODY));
}

#[tokio::test]
async fn wrong_passwords_are_limited_per_address() {
    let mut app = TestApp::start().await;
    let (_, id) = protected_post(&mut app, "right one").await;
    for _ in 0..10 {
        assert_eq!(give(&app, id, "wrong").await.0, StatusCode::OK);
    }
    let r = app
        .client
        .post(app.url("/unlock"))
        .form(&[
            ("post", id.to_string()),
            ("password", "right one".to_owned()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(r.headers().contains_key("retry-after"));
}

#[tokio::test]
async fn passwords_no_form_can_carry_are_refused_naming_the_field() {
    let mut app = TestApp::start().await;
    for bad in ["x".repeat(129), "nul\u{0}inside".to_owned()] {
        let (status, json) = app
            .api(
                Method::POST,
                "/posts",
                Some(json!({"title": "t", "body": "b", "password": bad})),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{json}");
        let message = json["error"]["message"].as_str().unwrap();
        assert!(message.contains("password"), "{json}");
    }
    let (_, list) = app.api(Method::GET, "/posts", None).await;
    assert_eq!(list["total"], 0, "nothing was written");
    // 128 characters will do.
    app.post(json!({"title": "t", "body": "b", "password": "x".repeat(128)}))
        .await;
}
