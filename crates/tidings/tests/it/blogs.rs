//! Many blogs on one instance, routed by the `Host` header.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{TestApp, texts_of_class};

async fn get_host(app: &TestApp, host: &str, path: &str) -> reqwest::Response {
    app.client
        .get(app.url(path))
        .header("host", host)
        .send()
        .await
        .unwrap()
}

async fn create_on(app: &TestApp, host: &str, token: &str, body: Value) -> Value {
    let r = app
        .client
        .post(app.url("/api/v1/posts"))
        .header("host", host)
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    r.json().await.unwrap()
}

#[tokio::test]
async fn two_hosts_never_leak_into_each_other() {
    let mut app = TestApp::start().await;
    let out = app.cli(
        &[
            "blog",
            "add",
            "--host",
            "second.example",
            "--title",
            "The Second Blog",
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list = String::from_utf8(app.cli(&["blog", "list"], None).stdout).unwrap();
    assert!(list.contains("localhost") && list.contains("second.example\tThe Second Blog"));

    let first_token = app.token();
    let out = app.cli(
        &[
            "user",
            "add",
            "--email",
            "two@example.com",
            "--name",
            "Two",
            "--role",
            "admin",
            "--password-stdin",
            "--blog",
            "second.example",
        ],
        Some("another long password\n"),
    );
    assert!(out.status.success());
    let out = app.cli(&["token", "create", "--email", "two@example.com"], None);
    let second_token = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .last()
        .unwrap()
        .to_owned();

    create_on(&app, "localhost", &first_token, json!({"title": "Only on the first", "body": "x", "labels": ["shared"], "status": "published"})).await;
    create_on(&app, "second.example:8080", &second_token, json!({"title": "Only on the second", "body": "x", "labels": ["shared"], "status": "published"})).await;

    let first = get_host(&app, "localhost", "/").await.text().await.unwrap();
    assert_eq!(texts_of_class(&first, "post-title"), ["Only on the first"]);
    let second = get_host(&app, "second.example", "/")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        texts_of_class(&second, "post-title"),
        ["Only on the second"]
    );
    assert!(second.contains("The Second Blog"));

    for path in [
        "/feeds/posts/default",
        "/feeds/posts/default/-/shared",
        "/sitemap.xml",
        "/search?q=only",
        "/search/label/shared",
    ] {
        let body = get_host(&app, "second.example", path)
            .await
            .text()
            .await
            .unwrap();
        // Every one of these links the posts it lists by path.
        assert!(body.contains("only-on-the-second.html"), "{path}");
        assert!(
            !body.contains("only-on-the-first"),
            "{path} leaks the first blog"
        );
    }

    // A token acts only where its user has a role.
    let r = app
        .client
        .get(app.url("/api/v1/posts"))
        .header("host", "second.example")
        .bearer_auth(&first_token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);

    // An unknown host gets the default (first) blog.
    let unknown = get_host(&app, "unknown.example", "/")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        texts_of_class(&unknown, "post-title"),
        ["Only on the first"]
    );
}

#[tokio::test]
async fn strict_hosts_refuse_unknown_hosts() {
    let app = TestApp::start_with(&["--strict-hosts"]).await;
    assert_eq!(
        get_host(&app, "localhost", "/").await.status(),
        StatusCode::OK
    );
    let r = get_host(&app, "unknown.example", "/").await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("No blog is served at unknown.example")
    );
}
