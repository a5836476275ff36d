//! The pages a reader sees: date headers, order, drafts, schedules, archives,
//! labels, search, paging and 404s.

use reqwest::StatusCode;
use serde_json::json;

use crate::support::{TestApp, texts_of_class};

#[tokio::test]
async fn home_groups_posts_under_local_date_headers_newest_first() {
    let mut app = TestApp::start().await;
    app.settings(json!({"timezone": "America/Los_Angeles"}))
        .await;
    // 02:30 UTC on June 1 is 19:30 on May 31 in Los Angeles.
    let late = app
        .post(json!({"title": "Late night", "body": "x", "status": "published", "published_at": "2014-06-01T02:30:00Z"}))
        .await;
    assert_eq!(late["url"], "/2014/05/late-night.html");
    app.post(json!({"title": "Morning", "body": "x", "status": "published", "published_at": "2014-05-31T16:00:00Z"}))
        .await;
    app.post(json!({"title": "Next day", "body": "x", "status": "published", "published_at": "2014-06-01T18:00:00Z"}))
        .await;

    let html = app.page("/").await;
    assert_eq!(
        texts_of_class(&html, "date-header"),
        ["Sunday, June 1, 2014", "Saturday, May 31, 2014"]
    );
    assert_eq!(
        texts_of_class(&html, "post-title"),
        ["Next day", "Late night", "Morning"]
    );
    let post = app.page("/2014/05/late-night.html").await;
    assert_eq!(
        texts_of_class(&post, "date-header"),
        ["Saturday, May 31, 2014"]
    );
}

#[tokio::test]
async fn the_footer_names_the_engine_without_a_placeholder_link() {
    let app = TestApp::start().await;
    let home = app.page("/").await;
    assert_eq!(
        texts_of_class(&home, "blog-footer"),
        ["Powered by Tidings."]
    );
    // The footer used to link to a placeholder address nobody can open.
    assert!(!home.contains("example.invalid"), "{home}");
}

#[tokio::test]
async fn drafts_and_scheduled_posts_stay_hidden_until_their_time() {
    let mut app = TestApp::start().await;
    let draft = app
        .post(json!({"title": "Secret draft", "body": "x"}))
        .await;
    assert_eq!(draft["status"], "draft");
    let soon = (chrono::Utc::now() + chrono::Duration::seconds(2)).to_rfc3339();
    let scheduled = app
        .post(json!({"title": "Coming soon", "body": "x", "status": "scheduled", "published_at": soon}))
        .await;
    assert_eq!(scheduled["status"], "scheduled");

    let home = app.page("/").await;
    assert!(!home.contains("Secret draft") && !home.contains("Coming soon"));
    assert_eq!(
        app.get(draft["url"].as_str().unwrap()).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(scheduled["url"].as_str().unwrap()).await.status(),
        StatusCode::NOT_FOUND
    );
    let feed = app.get("/feeds/posts/default").await.text().await.unwrap();
    assert!(!feed.contains("Coming soon"));

    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    let home = app.page("/").await;
    assert!(
        home.contains("Coming soon"),
        "a scheduled post shows once its time has come"
    );
    assert!(!home.contains("Secret draft"));
    app.page(scheduled["url"].as_str().unwrap()).await;
}

#[tokio::test]
async fn labels_archives_and_sidebar() {
    let mut app = TestApp::start().await;
    app.post(json!({"title": "One", "body": "x", "labels": ["Rust", "café au lait"], "status": "published", "published_at": "2013-03-10T12:00:00Z"})).await;
    app.post(json!({"title": "Two", "body": "x", "labels": ["Rust"], "status": "published", "published_at": "2014-05-07T12:00:00Z"})).await;
    app.post(json!({"title": "Three", "body": "x", "status": "published", "published_at": "2014-06-07T12:00:00Z"})).await;

    let rust = app.page("/search/label/Rust").await;
    assert_eq!(texts_of_class(&rust, "post-title"), ["Two", "One"]);
    // Labels are case-sensitive and percent-encoded.
    assert!(
        !app.page("/search/label/rust")
            .await
            .contains("class=\"post\"")
    );
    let cafe = app.page("/search/label/caf%C3%A9%20au%20lait").await;
    assert_eq!(texts_of_class(&cafe, "post-title"), ["One"]);
    assert!(cafe.contains("href=\"/search/label/caf%C3%A9%20au%20lait\""));

    let year = app.page("/2014/").await;
    assert_eq!(texts_of_class(&year, "post-title"), ["Three", "Two"]);
    let month = app.page("/2014/05/").await;
    assert_eq!(texts_of_class(&month, "post-title"), ["Two"]);
    assert_eq!(
        app.get("/2014").await.status(),
        StatusCode::PERMANENT_REDIRECT
    );

    let home = app.page("/").await;
    assert!(home.contains("href=\"/2014/06/\">June</a> <span class=\"count\">(1)</span>"));
    assert!(home.contains("<summary>2013 <span class=\"count\">(1)</span></summary>"));
    assert!(home.contains("href=\"/2013/\">All of 2013</a>"));
    assert!(home.contains(">Rust</a> <span class=\"count\">(2)</span>"));
}

#[tokio::test]
async fn full_text_search_finds_the_newest_first_and_highlights() {
    let mut app = TestApp::start().await;
    app.post(json!({"title": "Gardening notes", "body": "Tomatoes <b>need</b> sun & water.", "status": "published", "published_at": "2020-01-02T12:00:00Z"})).await;
    app.post(json!({"title": "Tomatoes", "body": "All about tomatoes and more tomatoes.", "status": "published", "published_at": "2020-01-01T12:00:00Z"})).await;
    app.post(json!({"title": "Unrelated", "body": "Nothing here.", "status": "published"}))
        .await;
    app.post(json!({"title": "Draft tomatoes", "body": "tomatoes", "status": "draft"}))
        .await;

    let html = app.page("/search?q=tomatoes").await;
    let titles = texts_of_class(&html, "post-title");
    assert_eq!(
        titles,
        ["Gardening notes", "Tomatoes"],
        "newest first, as Blogger orders them (not the better match), drafts never"
    );
    assert!(html.contains("<mark>Tomatoes</mark>") || html.contains("<mark>tomatoes</mark>"));
    // Operators and quotes are just words, never a syntax error.
    for q in ["%22", "NEAR(", "a%20OR", "*", "%27%3B--"] {
        assert_eq!(
            app.get(&format!("/search?q={q}")).await.status(),
            StatusCode::OK,
            "q={q}"
        );
    }
}

#[tokio::test]
async fn older_and_newer_links_page_through_the_blog() {
    let mut app = TestApp::start().await;
    app.settings(json!({"posts_per_page": 2})).await;
    for day in 1..=5 {
        app.post(json!({"title": format!("Post {day}"), "body": "x", "status": "published", "published_at": format!("2020-01-0{day}T12:00:00Z")})).await;
    }
    let home = app.page("/").await;
    assert_eq!(texts_of_class(&home, "post-title"), ["Post 5", "Post 4"]);
    assert!(!home.contains("blog-pager-newer-link"));
    let older = link(&home, "blog-pager-older-link");
    let page2 = app.page(&older).await;
    assert_eq!(texts_of_class(&page2, "post-title"), ["Post 3", "Post 2"]);
    let page3 = app.page(&link(&page2, "blog-pager-older-link")).await;
    assert_eq!(texts_of_class(&page3, "post-title"), ["Post 1"]);
    assert!(!page3.contains("blog-pager-older-link"));
    let back = app.page(&link(&page3, "blog-pager-newer-link")).await;
    assert_eq!(texts_of_class(&back, "post-title"), ["Post 3", "Post 2"]);

    let paged = app
        .page("/search?updated-max=2020-01-03T12:00:00Z&max-results=1")
        .await;
    assert_eq!(texts_of_class(&paged, "post-title"), ["Post 2"]);
}

fn link(html: &str, class: &str) -> String {
    let marker = format!("class=\"{class}\" href=\"");
    let start = html.find(&marker).expect(class) + marker.len();
    let end = html[start..].find('"').unwrap() + start;
    html[start..end].replace("&amp;", "&")
}

#[tokio::test]
async fn static_pages_and_not_found() {
    let mut app = TestApp::start().await;
    let page = app
        .post(json!({"kind": "page", "title": "About me", "body": "Hello", "status": "published"}))
        .await;
    assert_eq!(page["url"], "/p/about-me.html");
    let html = app.page("/p/about-me.html").await;
    assert!(html.contains("About me") && html.contains("Hello"));
    let home = app.page("/").await;
    assert!(
        !texts_of_class(&home, "post-title")
            .iter()
            .any(|t| t.contains("About me")),
        "pages are not in the stream"
    );
    assert!(
        home.contains("href=\"/p/about-me.html\""),
        "the sidebar lists the page"
    );

    for path in [
        "/2014/05/nothing.html",
        "/p/nothing.html",
        "/no/such/thing",
        "/2014/13/x.html",
        "/2014/00/",
        "/abcd/",
    ] {
        let r = app.get(path).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{path}");
        let body = r.text().await.unwrap();
        assert!(
            body.contains("<h1>There is no page at this address</h1>"),
            "{path}: a themed 404"
        );
    }
    let r = app.get("/2014/13/x.html").await.text().await.unwrap();
    assert!(r.contains("no month"));
}

#[tokio::test]
async fn slugs_collide_into_numbered_paths() {
    let mut app = TestApp::start().await;
    let a = app.post(json!({"title": "Same Title!", "body": "x", "status": "published", "published_at": "2021-02-03T10:00:00Z"})).await;
    let b = app.post(json!({"title": "Same title", "body": "x", "status": "published", "published_at": "2021-02-04T10:00:00Z"})).await;
    assert_eq!(a["url"], "/2021/02/same-title.html");
    assert_eq!(b["url"], "/2021/02/same-title-2.html");
    let long = app.post(json!({"title": "A very long title that goes on and on past forty characters", "body": "x", "status": "published"})).await;
    assert_eq!(long["slug"], "a-very-long-title-that-goes-on-and-on");
}

#[tokio::test]
async fn health_and_metrics() {
    let app = TestApp::start().await;
    let r = app.get("/healthz").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.text().await.unwrap(), "ok");
    app.page("/").await;
    let metrics = app.get("/metrics").await.text().await.unwrap();
    assert!(metrics.contains("tidings_http_responses_total{area=\"public\",class=\"2xx\"}"));
}
