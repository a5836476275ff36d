//! Feed autodiscovery links in pages, the sitemap and robots.txt.

use reqwest::StatusCode;
use serde_json::json;

use super::{blog_with_posts, url};
use crate::support::TestApp;

#[tokio::test]
async fn pages_link_their_feeds() {
    let mut app = TestApp::start().await;
    let [newest, ..] = blog_with_posts(&mut app).await;
    let home = app.page("/").await;
    for (kind, href) in [
        ("application/atom+xml", "/feeds/posts/default"),
        ("application/rss+xml", "/feeds/posts/default?alt=rss"),
        ("application/feed+json", "/feeds/posts/default?alt=json"),
    ] {
        let link = format!("<link rel=\"alternate\" type=\"{kind}\"");
        let at = home
            .find(&link)
            .unwrap_or_else(|| panic!("the home page links its {kind} feed"));
        let tag = &home[at..at + home[at..].find('>').unwrap()];
        assert!(
            tag.contains(&format!("href=\"{}\"", href.replace('&', "&amp;")))
                || tag.contains(&format!("href=\"{href}\"")),
            "{tag}"
        );
        // The link leads to a feed.
        assert_eq!(app.get(href).await.status(), StatusCode::OK);
    }
    let head_end = home.find("</head>").unwrap();
    assert!(
        home[..head_end].contains("rel=\"alternate\""),
        "autodiscovery links are in <head>"
    );

    let label = app.page("/search/label/caf%C3%A9%20au%20lait").await;
    assert!(
        label.contains("href=\"/feeds/posts/default/-/caf%C3%A9%20au%20lait\""),
        "a label page links its label feed"
    );

    let post = app.page(newest["url"].as_str().unwrap()).await;
    let comments_feed = format!("href=\"/feeds/{}/comments/default\"", newest["id"]);
    assert!(
        post.contains(&comments_feed),
        "a post page links its comments feed"
    );
    assert!(post.contains("<link rel=\"alternate\" type=\"application/atom+xml\""));
}

#[tokio::test]
async fn sitemap_and_robots() {
    let mut app = TestApp::start().await;
    let [newest, middle, oldest, draft] = blog_with_posts(&mut app).await;
    let page = app
        .post(json!({"kind": "page", "title": "About us", "body": "x", "status": "published"}))
        .await;
    let r = app.get("/sitemap.xml").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .contains("xml")
    );
    let xml = r.text().await.unwrap();
    assert!(
        xml.contains("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""),
        "{xml}"
    );
    let locs: Vec<&str> = xml
        .split("<loc>")
        .skip(1)
        .map(|s| &s[..s.find("</loc>").unwrap()])
        .collect();
    for p in [&newest, &middle, &oldest, &page] {
        assert!(
            locs.contains(&url(&app, p).as_str()),
            "{} is in the sitemap: {locs:?}",
            p["url"]
        );
    }
    assert!(locs.contains(&app.url("/").as_str()));
    assert!(!locs.contains(&url(&app, &draft).as_str()), "no drafts");
    assert!(
        !xml.contains("Unfinished") && !xml.contains("future-post"),
        "nothing unpublished: {xml}"
    );
    assert_eq!(locs.len(), 5, "home, three posts and a page: {locs:?}");

    let r = app.get("/robots.txt").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    let robots = r.text().await.unwrap();
    assert!(
        robots
            .lines()
            .any(|l| l == format!("Sitemap: {}", app.url("/sitemap.xml"))),
        "{robots}"
    );
    assert!(robots.contains("User-agent: *"));
}
