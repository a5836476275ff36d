//! `/metrics` answers only `--metrics-allow` addresses
//! (loopback by default) or a bearer of `--metrics-token`, and counts
//! public, admin, API and media traffic apart.

use reqwest::StatusCode;

use crate::support::TestApp;

/// The responses `metrics` counted for `area`, every status class together.
fn responses(metrics: &str, area: &str) -> u64 {
    let prefix = format!("tidings_http_responses_total{{area=\"{area}\",");
    metrics
        .lines()
        .filter(|l| l.starts_with(&prefix))
        .map(|l| l.rsplit(' ').next().unwrap().parse::<u64>().unwrap())
        .sum()
}

#[tokio::test]
async fn traffic_is_counted_by_area() {
    let app = TestApp::start().await;
    let metrics = app.page("/metrics").await;
    let before: Vec<u64> = ["public", "admin", "api", "media"]
        .iter()
        .map(|a| responses(&metrics, a))
        .collect();

    assert_eq!(app.get("/").await.status(), StatusCode::OK);
    app.get("/feeds/posts/default").await;
    app.get("/admin").await;
    app.get("/api/v1/posts").await;
    app.get("/api/v1/posts").await;
    app.get("/api/v1/posts").await;
    assert_eq!(
        app.get("/media/u/nothing.png").await.status(),
        StatusCode::NOT_FOUND
    );

    let metrics = app.page("/metrics").await;
    let grew: Vec<u64> = ["public", "admin", "api", "media"]
        .iter()
        .zip(&before)
        .map(|(a, b)| responses(&metrics, a) - b)
        .collect();
    assert_eq!(grew, [2, 1, 3, 1], "public, admin, api, media:\n{metrics}");
    assert!(
        metrics.contains("tidings_http_responses_total{area=\"media\",class=\"4xx\"}"),
        "{metrics}"
    );
    assert!(metrics.contains("tidings_http_response_seconds_total{area=\"api\"}"));
}

#[tokio::test]
async fn other_addresses_need_the_token() {
    let token = "a-long-metrics-token-0123456789";
    let app =
        TestApp::start_with(&["--metrics-allow", "192.0.2.0/24", "--metrics-token", token]).await;
    let r = app.get("/metrics").await;
    assert_eq!(
        r.status(),
        StatusCode::FORBIDDEN,
        "loopback is no longer allowed"
    );
    let body = r.text().await.unwrap();
    assert!(
        body.contains("--metrics-allow") && !body.contains("tidings_"),
        "{body}"
    );

    let with = |bearer: &str| {
        app.client
            .get(app.url("/metrics"))
            .bearer_auth(bearer)
            .send()
    };
    let r = with(token).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("tidings_http_responses_total")
    );
    assert_eq!(
        with("a-long-metrics-token-0123456788")
            .await
            .unwrap()
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(with("").await.unwrap().status(), StatusCode::FORBIDDEN);
    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn behind_a_proxy_the_client_address_decides() {
    let app = TestApp::start_with(&["--trusted-proxies", "127.0.0.1"]).await;
    let r = app
        .client
        .get(app.url("/metrics"))
        .header("x-forwarded-for", "203.0.113.9")
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        StatusCode::FORBIDDEN,
        "a reader behind the proxy is not the machine itself"
    );
    assert_eq!(app.get("/metrics").await.status(), StatusCode::OK);
}
