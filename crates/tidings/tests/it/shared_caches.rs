//! What caches between us and readers are told, and what our own render
//! cache is keyed by: nothing one client sends may choose what another gets.

use std::net::IpAddr;

use reqwest::{StatusCode, header};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::admin::set_up;
use crate::support::TestApp;

/// A client whose connections come from 127.0.0.2: a reader that reaches
/// the server directly, not through the proxy at 127.0.0.1.
fn direct_client() -> reqwest::Client {
    reqwest::Client::builder()
        .local_address(IpAddr::from([127, 0, 0, 2]))
        .build()
        .unwrap()
}

#[tokio::test]
async fn only_a_trusted_proxy_says_the_reader_used_https() {
    let mut app = TestApp::start_with(&["--trusted-proxies", "127.0.0.1"]).await;
    app.post(json!({"title": "Linked", "body": "x", "status": "published"}))
        .await;
    let authority = app.base.trim_start_matches("http://").to_owned();
    let https = format!("https://{authority}/");
    let http = format!("http://{authority}/");
    let direct = direct_client();
    for path in ["/feeds/posts/default", "/feeds/posts/default?alt=rss"] {
        // A direct client claims either scheme: its links follow its
        // connection (plain HTTP) whatever it says.
        for claim in ["https", "http"] {
            let r = direct
                .get(app.url(path))
                .header("x-forwarded-proto", claim)
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), StatusCode::OK, "{path}");
            let body = r.text().await.unwrap();
            assert!(
                body.contains(&http) && !body.contains(&https),
                "{path}: a direct client claiming {claim} got {body}"
            );
        }
        // Readers behind the HTTPS proxy still get https links: what the
        // direct client sent planted nothing for them.
        let proxied = app
            .client
            .get(app.url(path))
            .header("x-forwarded-proto", "https")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            proxied.contains(&https) && !proxied.contains(&http),
            "{path}: the proxied reader got {proxied}"
        );
        // And now that their page is kept, the direct client still gets its own.
        let again = direct
            .get(app.url(path))
            .header("x-forwarded-proto", "https")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(!again.contains(&https), "{path}: {again}");
    }
}

#[tokio::test]
async fn members_get_private_answers_and_shared_pages_vary_on_the_cookie() {
    let mut app = TestApp::start().await;
    let owner = set_up(&app).await;
    let cookie = format!("tidings_session={}", owner.cookie().unwrap());
    drop(owner);
    let post = app
        .post(json!({"title": "Open to comments", "body": "Some words to read. ".repeat(100), "status": "published"}))
        .await;
    let post_path = post["url"].as_str().unwrap().to_owned();
    let public = ["/", post_path.as_str(), "/feeds/posts/default"];
    for path in public.iter().chain(&["/admin", "/admin/posts"]) {
        let r = app
            .client
            .get(app.url(path))
            .header(header::COOKIE, &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        assert_eq!(
            r.headers()[header::CACHE_CONTROL],
            "private, no-store",
            "{path}"
        );
        let vary = r.headers()[header::VARY].to_str().unwrap().to_owned();
        assert!(vary.contains("cookie"), "{path}: Vary: {vary}");
    }
    // The post page greets the member in its comment form: a shared cache
    // keeping the anonymous page must not hand it to a member, nor theirs to
    // anyone.
    let member_page = app
        .client
        .get(app.url(&post_path))
        .header(header::COOKIE, &cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(member_page.contains("Commenting as Owner."));
    for path in public {
        let r = app.get(path).await;
        let cache_control = r.headers()[header::CACHE_CONTROL].to_str().unwrap();
        assert!(cache_control.starts_with("public"), "{path}");
        let vary = r.headers()[header::VARY].to_str().unwrap();
        assert!(vary.contains("cookie"), "{path}: Vary: {vary}");
    }
}

/// Sends `request` as it is over a connection of its own; answers what came back.
async fn raw(app: &TestApp, request: &str) -> String {
    let mut stream = tokio::net::TcpStream::connect(app.base.trim_start_matches("http://"))
        .await
        .unwrap();
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(
        std::time::Duration::from_secs(10),
        stream.read_to_end(&mut answer),
    )
    .await
    .expect("the server answers and closes")
    .unwrap();
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test]
async fn a_request_with_two_host_headers_is_refused() {
    let app = TestApp::start().await;
    // Asked once normally, so a kept home page exists to be (not) served.
    assert_eq!(app.get("/").await.status(), StatusCode::OK);
    for (path, hosts) in [
        ("/", ["localhost", "second.example"]),
        ("/", ["localhost", "localhost"]),
        ("/api/v1/posts", ["localhost", "second.example"]),
    ] {
        let answer = raw(
            &app,
            &format!(
                "GET {path} HTTP/1.1\r\nHost: {}\r\nHost: {}\r\nConnection: close\r\n\r\n",
                hosts[0], hosts[1]
            ),
        )
        .await;
        assert!(
            answer.starts_with("HTTP/1.1 400"),
            "{path} {hosts:?}: {answer}"
        );
        assert!(
            answer.contains("more than one Host header"),
            "{path}: {answer}"
        );
    }
    // One Host header is as welcome as ever.
    let answer = raw(
        &app,
        "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    )
    .await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}
