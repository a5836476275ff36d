//! Post feeds in Atom, RSS and JSON Feed, summary and label feeds, and feeds
//! staying well formed whatever the text.

use reqwest::StatusCode;
use serde_json::{Value, json};

use super::{blog_with_posts, entry, feedcheck, titles, url};
use crate::support::TestApp;

#[tokio::test]
async fn post_feeds_in_atom_rss_and_json() {
    let mut app = TestApp::start().await;
    let [newest, middle, oldest, _] = blog_with_posts(&mut app).await;
    let expected = ["Latest news", "Fish & <Chips>", "First steps"];

    let atom = feedcheck(&app, "/feeds/posts/default");
    assert_eq!(atom["version"], "atom10");
    assert!(
        atom["content_type"]
            .as_str()
            .unwrap()
            .starts_with("application/atom+xml")
    );
    assert_eq!(atom["feed"]["title"], "Tidings & Co");
    assert_eq!(
        titles(&atom),
        expected,
        "newest first, no drafts, nothing scheduled"
    );
    let first = entry(&atom, "First steps");
    assert_eq!(first["link"], url(&app, &oldest));
    assert_eq!(first["tags"], json!(["Rust", "café au lait"]));
    assert!(
        first["published"]
            .as_str()
            .unwrap()
            .starts_with("2019-03-04T10:00:00"),
        "{first}"
    );
    assert!(
        first["content"][0]
            .as_str()
            .unwrap()
            .contains("<em>very</em>"),
        "full body: {first}"
    );
    assert_eq!(entry(&atom, "Fish & <Chips>")["link"], url(&app, &middle));

    let rss = feedcheck(&app, "/feeds/posts/default?alt=rss");
    assert_eq!(rss["version"], "rss20");
    assert!(
        rss["content_type"]
            .as_str()
            .unwrap()
            .starts_with("application/rss+xml")
    );
    assert_eq!(rss["feed"]["title"], "Tidings & Co");
    assert_eq!(titles(&rss), expected);
    let latest = entry(&rss, "Latest news");
    assert_eq!(latest["link"], url(&app, &newest));
    assert_eq!(latest["tags"], json!(["Rust"]));
    assert!(
        latest["published"]
            .as_str()
            .unwrap()
            .contains("8 Jul 2019 10:00:00"),
        "{latest}"
    );

    // feedparser 6 reads no JSON Feed; serde_json and the 1.1 spec's rules do.
    let r = app.get("/feeds/posts/default?alt=json").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/feed+json")
    );
    let feed: Value = r.json().await.expect("JSON Feed is JSON");
    assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(feed["title"], "Tidings & Co");
    assert_eq!(feed["home_page_url"], app.url("/"));
    assert_eq!(feed["feed_url"], app.url("/feeds/posts/default?alt=json"));
    let items = feed["items"].as_array().unwrap();
    let item_titles: Vec<&str> = items.iter().map(|i| i["title"].as_str().unwrap()).collect();
    assert_eq!(item_titles, expected);
    for item in items {
        assert!(
            item["id"].as_str().is_some_and(|s| !s.is_empty()),
            "every item has an id: {item}"
        );
        assert!(
            item["content_html"].is_string() || item["content_text"].is_string(),
            "every item has content: {item}"
        );
        chrono::DateTime::parse_from_rfc3339(item["date_published"].as_str().unwrap())
            .expect("RFC 3339 dates");
    }
    assert_eq!(items[2]["url"], url(&app, &oldest));
    assert_eq!(items[2]["tags"], json!(["Rust", "café au lait"]));
    assert!(
        items[2]["date_published"]
            .as_str()
            .unwrap()
            .starts_with("2019-03-04T10:00:00")
    );

    // Every entry id is stable and unique.
    let ids: std::collections::HashSet<&str> = atom["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 3);
}

#[tokio::test]
async fn summary_and_label_feeds() {
    let mut app = TestApp::start().await;
    blog_with_posts(&mut app).await;

    let summary = feedcheck(&app, "/feeds/posts/summary");
    assert_eq!(summary["version"], "atom10");
    assert_eq!(
        titles(&summary),
        ["Latest news", "Fish & <Chips>", "First steps"]
    );
    let first = entry(&summary, "First steps");
    assert!(
        first["content"].as_array().unwrap().is_empty(),
        "a summary feed carries no full body: {first}"
    );
    let text = first["summary"].as_str().unwrap();
    assert!(text.contains("very first post"), "{first}");
    assert!(!text.contains("<em>"), "summaries are plain text: {text}");
    let rss = feedcheck(&app, "/feeds/posts/summary?alt=rss");
    assert_eq!(rss["version"], "rss20");
    assert_eq!(titles(&rss).len(), 3);

    let cafe = feedcheck(&app, "/feeds/posts/default/-/caf%C3%A9%20au%20lait");
    assert_eq!(titles(&cafe), ["Fish & <Chips>", "First steps"]);
    assert!(
        cafe["feed"]["title"]
            .as_str()
            .unwrap()
            .contains("café au lait"),
        "{}",
        cafe["feed"]
    );
    let rust = feedcheck(&app, "/feeds/posts/default/-/Rust?alt=rss");
    assert_eq!(
        titles(&rust),
        ["Latest news", "First steps"],
        "no draft, nothing scheduled"
    );
    let none = feedcheck(&app, "/feeds/posts/default/-/rust");
    assert!(titles(&none).is_empty(), "labels are case-sensitive");
    let r = app.get("/feeds/posts/default/-/Rust?alt=json").await;
    let feed: Value = r.json().await.unwrap();
    assert_eq!(feed["items"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn feeds_stay_well_formed_whatever_the_text() {
    let mut app = TestApp::start().await;
    app.settings(json!({"title": "Odd <chars> & \"quotes\"", "comment_min_seconds": 0}))
        .await;
    let post = app
        .post(json!({
            "title": "Control and ]]> and <![CDATA[",
            "body_html": "<p>vertical escape emoji 😀 ]]&gt;</p>",
            "labels": ["a/b", "x?y#z", "<tag>"],
            "status": "published",
            "published_at": "2021-01-02T00:00:00Z"
        }))
        .await;
    let path = post["url"].as_str().unwrap();
    // NUL can be stored by no backend: refused with a message, not a 500;
    // nor any character XML cannot carry (issue 13).
    for name in ["Null \u{0} Name", "Bell \u{7} Name"] {
        let refused = app
            .comment(path, &[("name", name), ("body", "x")])
            .await
            .expect_err("a control character in the name is refused");
        assert_eq!(refused.0, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let location = app
        .comment(
            path,
            &[
                ("name", "Odd Name"),
                ("body", "Body with <script>x</script>"),
            ],
        )
        .await
        .expect("accepted");
    // Older data may hold them still, as the API once stored them: the
    // feeds leave them out.
    let id = post["id"].as_i64().unwrap();
    crate::old_data::set(
        &app,
        "posts",
        "title",
        id,
        "Control \u{1} and \u{fffe} and ]]> and <![CDATA[",
    )
    .await;
    crate::old_data::set(
        &app,
        "posts",
        "body_html",
        id,
        "<p>vertical \u{b} escape \u{1b}[31m emoji 😀 ]]&gt;</p>",
    )
    .await;
    let comment: i64 = location.rsplit_once("#c").unwrap().1.parse().unwrap();
    crate::old_data::set(
        &app,
        "comments",
        "body",
        comment,
        "Body with \u{1} and \u{7} and <script>x</script>",
    )
    .await;
    for feed in [
        "/feeds/posts/default",
        "/feeds/posts/default?alt=rss",
        "/feeds/posts/summary",
        "/feeds/comments/default",
        "/feeds/comments/default?alt=rss",
        "/feeds/posts/default/-/a%2Fb",
        "/feeds/posts/default/-/x%3Fy%23z?alt=rss",
        "/feeds/posts/default/-/%3Ctag%3E",
    ] {
        let parsed = feedcheck(&app, feed);
        assert_eq!(
            parsed["entries"].as_array().unwrap().len(),
            1,
            "{feed}: {parsed}"
        );
    }
    for feed in [
        "/feeds/posts/default?alt=json",
        "/feeds/comments/default?alt=json",
    ] {
        let r = app.get(feed).await;
        let parsed: Value = r
            .json()
            .await
            .unwrap_or_else(|e| panic!("{feed} is JSON: {e}"));
        assert_eq!(parsed["items"].as_array().unwrap().len(), 1);
    }
    let r = app.get("/sitemap.xml").await;
    assert_eq!(r.status(), StatusCode::OK);
}
