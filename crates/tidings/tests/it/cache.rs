//! The render cache: kept pages are sent again byte for byte, and no write
//! leaves a stale page on any node, while pages a write did not touch stay
//! kept. `x-tidings-cache: hit|miss` says where an answer came from.

use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode, header};
use serde_json::json;

use crate::support::TestApp;

/// GETs `url` and answers (cache header, body).
async fn fetch(app: &TestApp, url: &str) -> (String, String) {
    let r = app.client.get(url).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK, "GET {url}");
    let how = r
        .headers()
        .get("x-tidings-cache")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (how, r.text().await.unwrap())
}

/// A blog with two posts, each with a label of its own. Post pages carry a
/// comment form whose token is renewed each second, so tests check hits on
/// lists and feeds, which stay kept until a change.
async fn blog_with_two_posts(app: &mut TestApp) -> (String, String) {
    app.settings(json!({"comment_min_seconds": 0})).await;
    let a = app
        .post(json!({"title": "Alpha", "body": "About alpha.", "status": "published", "labels": ["alpha"]}))
        .await;
    let b = app
        .post(json!({"title": "Beta", "body": "About beta.", "status": "published", "labels": ["beta"]}))
        .await;
    (
        a["url"].as_str().unwrap().to_owned(),
        b["url"].as_str().unwrap().to_owned(),
    )
}

#[tokio::test]
async fn a_comment_refreshes_its_post_and_the_lists_showing_it_and_nothing_else() {
    let mut app = TestApp::start().await;
    let (alpha, _beta) = blog_with_two_posts(&mut app).await;
    let home = app.url("/");
    let beta_label = app.url("/search/label/beta");
    let alpha_label = app.url("/search/label/alpha");
    for url in [&home, &beta_label, &alpha_label] {
        assert_eq!(fetch(&app, url).await.0, "miss", "{url}");
        assert_eq!(fetch(&app, url).await.0, "hit", "{url}");
    }

    let to = app
        .comment(&alpha, &[("name", "Reader"), ("body", "Kept fresh?")])
        .await
        .expect("published");
    // The commenter lands on an address of its own: rendered now.
    let (how, landing) = fetch(&app, &app.url(&to)).await;
    assert_eq!(how, "miss");
    assert!(landing.contains("Kept fresh?"));

    let (how, page) = fetch(&app, &app.url(&alpha)).await;
    assert_eq!(how, "miss", "the post's page was dropped");
    assert!(page.contains("Kept fresh?") && page.contains("1 comment:"));
    let (how, page) = fetch(&app, &home).await;
    assert_eq!(how, "miss", "the home page shows Alpha's count");
    assert!(page.contains("1 comment"), "{page}");
    assert_eq!(fetch(&app, &alpha_label).await.0, "miss");
    assert_eq!(
        fetch(&app, &beta_label).await.0,
        "hit",
        "a list without Alpha is untouched"
    );
}

#[tokio::test]
async fn edits_settings_and_deletions_are_seen_at_once() {
    let mut app = TestApp::start().await;
    let (alpha, beta) = blog_with_two_posts(&mut app).await;
    for path in ["/", "/feeds/posts/default", "/sitemap.xml"] {
        fetch(&app, &app.url(path)).await;
        assert_eq!(fetch(&app, &app.url(path)).await.0, "hit", "{path}");
    }
    let (_, posts) = app.api(Method::GET, "/posts", None).await;
    let id = posts["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["title"] == "Alpha")
        .unwrap()["id"]
        .clone();
    let (status, _) = app
        .api(
            Method::PATCH,
            &format!("/posts/{id}"),
            Some(json!({"title": "Alpha, revised"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    for path in ["/", alpha.as_str(), "/feeds/posts/default"] {
        let (how, body) = fetch(&app, &app.url(path)).await;
        assert_eq!(how, "miss", "{path}");
        assert!(
            body.contains("Alpha, revised"),
            "{path} shows the new title"
        );
    }
    // Beta's sidebar counts and neighbour links come from the same lists.
    assert_eq!(fetch(&app, &app.url(&beta)).await.0, "miss");

    app.settings(json!({"title": "A Renamed Blog"})).await;
    let (how, body) = fetch(&app, &app.url("/")).await;
    assert_eq!(how, "miss");
    assert!(body.contains("A Renamed Blog"));

    let (status, _) = app.api(Method::DELETE, &format!("/posts/{id}"), None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(app.get(&alpha).await.status(), StatusCode::GONE);
    let (_, sitemap) = fetch(&app, &app.url("/sitemap.xml")).await;
    assert!(
        !sitemap.contains(&alpha),
        "the deleted post left the sitemap"
    );
}

#[tokio::test]
async fn a_scheduled_post_appears_at_its_time_on_a_kept_page() {
    let mut app = TestApp::start().await;
    blog_with_two_posts(&mut app).await;
    let soon = (chrono::Utc::now() + chrono::Duration::seconds(2)).to_rfc3339();
    app.post(
        json!({"title": "Right on time", "body": "x", "status": "scheduled", "published_at": soon}),
    )
    .await;
    let home = app.url("/");
    assert!(!fetch(&app, &home).await.1.contains("Right on time"));
    assert_eq!(fetch(&app, &home).await.0, "hit");
    tokio::time::sleep(Duration::from_millis(2300)).await;
    let (how, body) = fetch(&app, &home).await;
    assert_eq!(how, "miss", "the kept page expired when the post went live");
    assert!(body.contains("Right on time"));
}

/// Polls `url` on another node until `check` holds, answering how long it
/// took; fails after `limit`.
async fn until(
    app: &TestApp,
    url: &str,
    limit: Duration,
    check: impl Fn(&str) -> bool,
) -> Duration {
    let start = Instant::now();
    loop {
        let (_, body) = fetch(app, url).await;
        if check(&body) {
            return start.elapsed();
        }
        assert!(start.elapsed() < limit, "{url} still stale after {limit:?}");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::test]
async fn a_write_on_one_node_reaches_every_node_s_cache() {
    let mut app = TestApp::start().await;
    let (alpha, _) = blog_with_two_posts(&mut app).await;
    let b = app.another_node();
    let (b_home, b_alpha) = (b.url("/"), b.url(&alpha));
    fetch(&app, &b_alpha).await;
    fetch(&app, &b_home).await;
    assert_eq!(fetch(&app, &b_home).await.0, "hit");
    // A comment and a setting, both through A; B must drop what it kept.
    app.comment(&alpha, &[("name", "Via A"), ("body", "Seen on B?")])
        .await
        .expect("published");
    app.settings(json!({"description": "Changed on A"})).await;
    let limit = Duration::from_secs(5);
    let took = until(&app, &b_alpha, limit, |p| p.contains("Seen on B?")).await;
    eprintln!("B showed A's comment {took:?} after it was acknowledged");
    until(&app, &b_home, limit, |p| {
        p.contains("1 comment") && p.contains("Changed on A")
    })
    .await;

    // The CLI writes too (an import while the servers run).
    let dir = app.data.join("more");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("imported-meanwhile.md"),
        "---\ntitle: Imported meanwhile\ndate: 2020-01-02T03:04:05Z\n---\nHello.\n",
    )
    .unwrap();
    for url in [app.url("/"), b.url("/")] {
        fetch(&app, &url).await;
    }
    let out = app.cli(&["import", "markdown", dir.to_str().unwrap()], None);
    assert!(out.status.success(), "{out:?}");
    for url in [app.url("/"), b.url("/")] {
        until(&app, &url, limit, |p| p.contains("Imported meanwhile")).await;
    }
}

#[tokio::test]
async fn pages_carry_strong_etags_compression_and_cache_headers() {
    let mut app = TestApp::start().await;
    let (alpha, _) = blog_with_two_posts(&mut app).await;
    for path in [
        "/",
        alpha.as_str(),
        "/feeds/posts/default",
        "/search/label/alpha",
    ] {
        let plain = app.get(path).await;
        assert_eq!(plain.status(), StatusCode::OK);
        let etag = plain.headers()[header::ETAG].to_str().unwrap().to_owned();
        assert!(
            etag.starts_with('"') && !etag.starts_with("W/"),
            "{path}: {etag}"
        );
        assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
        let cache_control = plain.headers()[header::CACHE_CONTROL]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            cache_control.starts_with("public"),
            "{path}: {cache_control}"
        );
        let text = plain.text().await.unwrap();

        for (coding, decode) in [
            ("br", decode_brotli as fn(&[u8]) -> Vec<u8>),
            ("gzip", decode_gzip),
        ] {
            let r = app
                .client
                .get(app.url(path))
                .header(header::ACCEPT_ENCODING, coding)
                .send()
                .await
                .unwrap();
            assert_eq!(r.headers()[header::CONTENT_ENCODING], coding, "{path}");
            assert_eq!(r.headers()[header::VARY], "accept-encoding, cookie");
            let bytes = r.bytes().await.unwrap();
            assert!(bytes.len() < text.len() / 2, "{path} {coding} compresses");
            assert_eq!(decode(&bytes), text.as_bytes(), "{path} {coding}");
        }

        let again = app
            .client
            .get(app.url(path))
            .header(header::IF_NONE_MATCH, &etag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{path}");
        assert!(again.bytes().await.unwrap().is_empty());
        let head = app.client.head(app.url(path)).send().await.unwrap();
        assert_eq!(head.status(), StatusCode::OK);
        assert_eq!(head.headers()[header::ETAG].to_str().unwrap(), etag);
    }

    // Anything with a session is the member's own: never shared, never kept.
    let r = app
        .client
        .get(app.url("/"))
        .header(header::COOKIE, "tidings_session=whatever")
        .send()
        .await
        .unwrap();
    assert!(r.headers().get("x-tidings-cache").is_none());
    let feed = app
        .client
        .get(app.url("/feeds/posts/default"))
        .header(header::COOKIE, "tidings_session=whatever")
        .send()
        .await
        .unwrap();
    assert!(feed.headers().get(header::LAST_MODIFIED).is_some());
    assert!(
        feed.headers().get("x-tidings-modified").is_none(),
        "the handler's note to the cache stays inside"
    );
    let admin = app.get("/admin/login").await;
    assert!(admin.headers().get("x-tidings-cache").is_none());
    assert_eq!(admin.headers()[header::CACHE_CONTROL], "private, no-store");
}

#[tokio::test]
async fn static_files_have_hashed_names_and_long_lifetimes() {
    let app = TestApp::start().await;
    let home = app.page("/").await;
    let css = home
        .split("href=\"")
        .map(|s| s.split('"').next().unwrap())
        .find(|h| h.starts_with("/static/simple.") && h.ends_with(".css"))
        .expect("the stylesheet link")
        .to_owned();
    assert_ne!(css, "/static/simple.css");
    let r = app.get(&css).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        r.headers()[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert!(
        r.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    let hashed = r.text().await.unwrap();
    let plain = app.get("/static/simple.css").await;
    assert_eq!(
        plain.headers()[header::CACHE_CONTROL],
        "public, max-age=3600"
    );
    assert_eq!(plain.text().await.unwrap(), hashed);
    assert_eq!(
        app.get("/static/simple.000000000000.css").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn without_the_cache_every_page_is_rendered_but_keeps_its_etag() {
    let mut app = TestApp::start_with(&["--no-cache"]).await;
    let (alpha, _) = blog_with_two_posts(&mut app).await;
    let r = app.get(&alpha).await;
    assert!(r.headers().get("x-tidings-cache").is_none());
    let etag = r.headers()[header::ETAG].clone();
    let again = app.client.get(app.url("/")).send().await.unwrap();
    let home_etag = again.headers()[header::ETAG].clone();
    let not_modified = app
        .client
        .get(app.url("/"))
        .header(header::IF_NONE_MATCH, home_etag)
        .send()
        .await
        .unwrap();
    assert_eq!(not_modified.status(), StatusCode::NOT_MODIFIED);
    assert!(!etag.is_empty());
    let metrics = app.page("/metrics").await;
    assert!(
        metrics.contains("tidings_cache_requests_total{result=\"hit\"} 0"),
        "{metrics}"
    );
}

fn decode_brotli(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::BrotliDecompress(&mut &b[..], &mut out).unwrap();
    out
}

fn decode_gzip(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(b), &mut out).unwrap();
    out
}

#[tokio::test]
async fn readers_arriving_together_wait_for_one_render() {
    let mut app = TestApp::start().await;
    blog_with_two_posts(&mut app).await;
    let mut readers = tokio::task::JoinSet::new();
    for _ in 0..32 {
        let (client, url) = (app.client.clone(), app.url("/"));
        readers.spawn(async move {
            let r = client.get(url).send().await.unwrap();
            assert_eq!(r.status(), StatusCode::OK);
            r.headers()["x-tidings-cache"].to_str().unwrap().to_owned()
        });
    }
    let answers = readers.join_all().await;
    let misses = answers.iter().filter(|a| *a == "miss").count();
    assert_eq!(misses, 1, "one render for 32 readers: {answers:?}");
}
