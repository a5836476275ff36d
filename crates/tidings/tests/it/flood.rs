//! A flood of requests no kept page answers: searches are limited per
//! address, renders run a bounded number at a time and are refused past a
//! short line, and kept pages are answered all along.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::TestApp;

/// A GET as sent through the trusted proxy on behalf of `client`.
async fn get_from(app: &TestApp, client: &str, path: &str) -> reqwest::Response {
    app.client
        .get(app.url(path))
        .header("x-forwarded-for", client)
        .send()
        .await
        .unwrap()
}

fn retry_after(r: &reqwest::Response) -> Option<u64> {
    r.headers().get("retry-after")?.to_str().ok()?.parse().ok()
}

#[tokio::test]
async fn searches_past_the_limit_are_refused_while_another_address_still_searches() {
    let mut app = TestApp::start_with(&["--trusted-proxies", "127.0.0.1"]).await;
    app.post(
        json!({"title": "Orchard", "body": "An orchard by the river.", "status": "published"}),
    )
    .await;
    // Thirty distinct searches (no kept page answers them) from one /64.
    for n in 0..30 {
        let r = get_from(&app, "2001:db8:1:2::7", &format!("/search?q=orchard+{n}")).await;
        assert_eq!(r.status(), StatusCode::OK, "search {n}");
    }
    let refused = get_from(&app, "2001:db8:1:2::8", "/search?q=orchard+river").await;
    assert_eq!(
        refused.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "the 31st search of the minute from the same /64"
    );
    let wait = retry_after(&refused).expect("a 429 says when to come back");
    assert!((1..=60).contains(&wait), "Retry-After: {wait}");
    let page = refused.text().await.unwrap();
    assert!(page.contains("30 times this minute"), "{page}");
    assert!(
        page.contains("<html"),
        "the refusal is the blog's themed page"
    );

    let other = get_from(&app, "192.0.2.44", "/search?q=orchard+river").await;
    assert_eq!(
        other.status(),
        StatusCode::OK,
        "another address still searches"
    );
    assert!(other.text().await.unwrap().contains("<mark>"));
    // Kept pages and other pages are no search: the limited address reads on.
    assert_eq!(
        get_from(&app, "2001:db8:1:2::7", "/").await.status(),
        StatusCode::OK
    );
}

/// What a flood of uncached requests saw.
#[derive(Default)]
struct Seen {
    page_busy: u32,
    api_busy: u32,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_the_renders_saturated_kept_pages_are_answered_and_the_rest_refused() {
    let mut app = TestApp::start_with(&["--max-renders", "1"]).await;
    for n in 0..10 {
        app.post(json!({"title": format!("Post {n}"), "body": "Words in a paragraph. ".repeat(50), "status": "published"}))
            .await;
    }
    let token = app.token();
    assert_eq!(
        app.get("/").await.status(),
        StatusCode::OK,
        "kept from now on"
    );
    let kept = app.get("/").await;
    assert_eq!(kept.headers()["x-tidings-cache"], "hit");

    // Eight clients ask for pages nobody asked for before, and the API, as
    // fast as they are answered: one render runs, one waits, the rest are
    // refused.
    let stop = Arc::new(AtomicBool::new(false));
    let flood: Vec<_> = (0..8)
        .map(|client| {
            let (http, base, token) = (app.client.clone(), app.base.clone(), token.clone());
            let stop = Arc::clone(&stop);
            tokio::spawn(async move {
                let mut seen = Seen::default();
                let mut n = 0;
                while !stop.load(Ordering::Relaxed) {
                    n += 1;
                    let api = n % 4 == 0;
                    let request = if api {
                        http.get(format!("{base}/api/v1/posts?n={client}-{n}"))
                            .bearer_auth(&token)
                    } else {
                        http.get(format!("{base}/?n={client}-{n}"))
                    };
                    let r = request.send().await.unwrap();
                    let status = r.status();
                    let wait = retry_after(&r);
                    let body = r.text().await.unwrap();
                    match (status, api) {
                        (StatusCode::SERVICE_UNAVAILABLE, false) => {
                            assert_eq!(wait, Some(1), "a refused page says when to come back");
                            assert!(body.contains("busy"), "{body}");
                            seen.page_busy += 1;
                        }
                        (StatusCode::SERVICE_UNAVAILABLE, true) => {
                            assert_eq!(wait, Some(1), "a refused API call says when");
                            let json: Value = serde_json::from_str(&body).unwrap();
                            assert_eq!(json["error"]["code"], "busy", "{json}");
                            seen.api_busy += 1;
                        }
                        (StatusCode::OK | StatusCode::TOO_MANY_REQUESTS, _) => {}
                        other => panic!("a flood request answered {other:?}: {body}"),
                    }
                }
                seen
            })
        })
        .collect();

    // Meanwhile the kept page is answered, from the cache, at once.
    let mut slowest = Duration::ZERO;
    for _ in 0..50 {
        let t = Instant::now();
        let r = app.get("/").await;
        slowest = slowest.max(t.elapsed());
        assert_eq!(r.status(), StatusCode::OK, "the kept page during the flood");
        assert_eq!(r.headers()["x-tidings-cache"], "hit");
        // And the owner can still reach the sign-in form.
        let login = app.get("/admin/login").await;
        assert_eq!(
            login.status(),
            StatusCode::OK,
            "the sign-in form during the flood"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(
        slowest < Duration::from_secs(1),
        "a kept page took {slowest:?}"
    );
    stop.store(true, Ordering::Relaxed);

    let mut seen = Seen::default();
    for client in flood {
        let s = client.await.unwrap();
        seen.page_busy += s.page_busy;
        seen.api_busy += s.api_busy;
    }
    assert!(
        seen.page_busy > 0,
        "no page was refused: the bound was never reached"
    );
    assert!(
        seen.api_busy > 0,
        "no API call was refused with the API's JSON error"
    );
    // Once the flood is over, pages nobody kept render again.
    assert_eq!(app.get("/?n=after").await.status(), StatusCode::OK);
}
