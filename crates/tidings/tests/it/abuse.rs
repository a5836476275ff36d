//! Abuse limits that hold across nodes, and the headers every answer carries.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::{TestApp, hidden};

#[tokio::test]
async fn an_api_token_is_limited_per_minute_across_nodes() {
    let mut app = TestApp::start().await;
    let token = app.token();
    let b = app.another_node();
    // Limits count in fixed minutes: start early in one, so the whole burst
    // lands in the same window.
    use chrono::Timelike;
    let second = chrono::Utc::now().second();
    if second > 45 {
        tokio::time::sleep(std::time::Duration::from_secs(u64::from(61 - second))).await;
    }
    // 600 a minute, counted in the database: half through each node.
    let mut refused = None;
    for i in 0..601 {
        let base = if i % 2 == 0 { &app.base } else { &b.base };
        let r = app
            .client
            .get(format!("{base}/api/v1/blog"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        if r.status() != StatusCode::OK {
            refused = Some((i, r));
            break;
        }
    }
    let Some((i, r)) = refused else {
        panic!("601 requests in a minute were all answered")
    };
    assert_eq!(i, 600, "the 601st request is the first refused");
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(r.headers().contains_key("retry-after"));
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "rate_limited");
    // Another token is not affected.
    let other = app.user_token("other@example.com", "author");
    let (status, _) = app.api_as(&other, Method::GET, "/blog", None).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_flood_on_one_post_is_held_off_whoever_sends_it() {
    let mut app = TestApp::start_with(&["--trusted-proxies", "127.0.0.1"]).await;
    app.settings(json!({"comment_min_seconds": 0})).await;
    let post = app
        .post(json!({"title": "Target", "body": "x", "status": "published"}))
        .await;
    let path = post["url"].as_str().unwrap().to_owned();
    let other = app
        .post(json!({"title": "Bystander", "body": "x", "status": "published"}))
        .await;
    let token = hidden(&app.page(&path).await, "token");
    let mut last = StatusCode::OK;
    for i in 0..121 {
        let r = app
            .client
            .post(app.url(&path))
            .header("x-forwarded-for", format!("10.{}.{}.1", i / 200, i % 200))
            .form(&[("token", token.as_str()), ("body", &format!("flood {i}"))])
            .send()
            .await
            .unwrap();
        last = r.status();
        if i < 120 {
            assert_eq!(last, StatusCode::SEE_OTHER, "comment {i}");
        }
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
    // Other posts still take comments.
    assert!(
        app.comment(other["url"].as_str().unwrap(), &[("body", "hello")])
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let app = TestApp::start().await;
    for path in [
        "/",
        "/no-such-page",
        "/feeds/posts/default",
        "/admin/login",
        "/api/v1/openapi.json",
    ] {
        let r = app.get(path).await;
        let h = r.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"),
            "{path}: {csp}"
        );
        assert!(
            !csp.contains("unsafe-eval") && !csp.contains("script-src 'unsafe-inline'"),
            "{path}"
        );
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert!(h.contains_key("referrer-policy"), "{path}");
        assert!(
            h["permissions-policy"]
                .to_str()
                .unwrap()
                .contains("camera=()"),
            "{path}"
        );
    }
    let public = app.get("/").await;
    assert!(
        public.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("script-src 'none'")
    );
}
