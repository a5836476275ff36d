//! Feeds as a feed reader sees them: every feed is parsed by Python's
//! `feedparser` (through `tests/feedcheck.py`), JSON Feed by serde_json.
//! Also paging, conditional GETs, autodiscovery, the sitemap and robots.txt.

use reqwest::header::{ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::TestApp;

/// Fetches `path` with a real feed parser and answers what it understood.
/// Fails (never skips) when python3 or feedparser is missing, and when the
/// parser found the feed malformed.
fn feedcheck(app: &TestApp, path: &str) -> Value {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/feedcheck.py");
    let out = std::process::Command::new("python3")
        .arg(script)
        .arg(app.url(path))
        .output()
        .unwrap_or_else(|e| panic!("cannot run python3 for {script}: {e}; install Python 3 and `pip install feedparser`"));
    assert!(
        out.status.success(),
        "feedcheck.py {path} failed (is feedparser installed? `pip install feedparser`):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let parsed: Value = serde_json::from_slice(&out.stdout).expect("feedcheck.py prints JSON");
    assert_eq!(
        parsed["bozo"], false,
        "{path}: feedparser finds the feed malformed: {}",
        parsed["bozo_exception"]
    );
    assert_eq!(parsed["status"], 200, "{path}");
    parsed
}

fn titles(feed: &Value) -> Vec<String> {
    feed["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap_or_default().to_owned())
        .collect()
}

fn entry<'a>(feed: &'a Value, title: &str) -> &'a Value {
    feed["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["title"] == title)
        .unwrap_or_else(|| panic!("no entry {title:?} in {feed}"))
}

/// Three published posts (one titled with markup characters), a draft and a
/// scheduled post; answers (newest, middle, oldest, draft) as created.
async fn blog_with_posts(app: &mut TestApp) -> [Value; 4] {
    app.settings(json!({"title": "Tidings & Co", "description": "All the news"}))
        .await;
    let oldest = app
        .post(json!({"title": "First steps", "body": "The *very* first post, with enough words to summarise.", "labels": ["Rust", "café au lait"], "status": "published", "published_at": "2019-03-04T10:00:00Z"}))
        .await;
    let middle = app
        .post(json!({"title": "Fish & <Chips>", "body": "Second.", "labels": ["café au lait"], "status": "published", "published_at": "2019-05-06T10:00:00Z"}))
        .await;
    let newest = app
        .post(json!({"title": "Latest news", "body": "Third.", "labels": ["Rust"], "status": "published", "published_at": "2019-07-08T10:00:00Z"}))
        .await;
    let draft = app
        .post(json!({"title": "Unfinished draft", "body": "secret", "labels": ["Rust"]}))
        .await;
    app.post(json!({"title": "Future post", "body": "later", "labels": ["Rust"], "status": "scheduled", "published_at": "2999-01-01T00:00:00Z"}))
        .await;
    [newest, middle, oldest, draft]
}

fn url(app: &TestApp, post: &Value) -> String {
    app.url(post["url"].as_str().unwrap())
}

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

/// Posts a comment that is published at once; answers its id.
async fn published_comment(
    app: &TestApp,
    path: &str,
    name: &str,
    body: &str,
    parent: Option<&str>,
) -> String {
    let mut fields = vec![("name", name), ("body", body)];
    if let Some(p) = parent {
        fields.push(("parent", p));
    }
    let location = app
        .comment(path, &fields)
        .await
        .expect("the comment form is accepted");
    let id = location
        .rsplit_once("#c")
        .unwrap_or_else(|| panic!("published at once: {location}"))
        .1;
    id.to_owned()
}

#[tokio::test]
async fn comment_feeds_of_the_blog_and_of_one_post() {
    let mut app = TestApp::start().await;
    app.settings(json!({"comment_min_seconds": 0})).await;
    let [newest, middle, _, draft] = blog_with_posts(&mut app).await;
    let newest_path = newest["url"].as_str().unwrap();
    let middle_path = middle["url"].as_str().unwrap();
    let first = published_comment(&app, newest_path, "Ann", "Lovely post & all", None).await;
    published_comment(&app, newest_path, "Bob", "I agree", Some(&first)).await;
    published_comment(&app, middle_path, "Cy", "Chips are great", None).await;

    // A held comment shows in no feed.
    app.settings(json!({"comment_moderation": "always"})).await;
    let held = app
        .comment(middle_path, &[("name", "Dee"), ("body", "Held back")])
        .await
        .unwrap();
    assert!(held.contains("held=1"));

    let all = feedcheck(&app, "/feeds/comments/default");
    assert_eq!(all["version"], "atom10");
    assert_eq!(all["entries"].as_array().unwrap().len(), 3, "{all}");
    let bodies: Vec<String> = all["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["content"][0].as_str().unwrap_or_default().to_owned())
        .collect();
    assert!(
        bodies
            .iter()
            .any(|b| b.contains("Lovely post &amp; all") || b.contains("Lovely post & all")),
        "{bodies:?}"
    );
    assert!(!bodies.iter().any(|b| b.contains("Held back")));
    let authors: Vec<&str> = all["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["author"].as_str().unwrap())
        .collect();
    for a in ["Ann", "Bob", "Cy"] {
        assert!(authors.contains(&a), "{authors:?}");
    }
    for e in all["entries"].as_array().unwrap() {
        let link = e["link"].as_str().unwrap();
        assert!(
            link.starts_with(&app.url("/2019/")) && link.contains("#c"),
            "a comment links to itself on its post: {link}"
        );
    }

    let id = newest["id"].as_i64().unwrap();
    let one = feedcheck(&app, &format!("/feeds/{id}/comments/default"));
    assert_eq!(one["entries"].as_array().unwrap().len(), 2, "{one}");
    assert!(
        one["feed"]["title"]
            .as_str()
            .unwrap()
            .contains("Latest news"),
        "{}",
        one["feed"]
    );
    let authors: Vec<&str> = one["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["author"].as_str().unwrap())
        .collect();
    assert!(authors.contains(&"Ann") && authors.contains(&"Bob") && !authors.contains(&"Cy"));
    let rss = feedcheck(&app, &format!("/feeds/{id}/comments/default?alt=rss"));
    assert_eq!(rss["version"], "rss20");
    assert_eq!(rss["entries"].as_array().unwrap().len(), 2);
    let quiet = app_post_without_comments(&mut app).await;
    let empty = feedcheck(&app, &format!("/feeds/{quiet}/comments/default"));
    assert!(empty["entries"].as_array().unwrap().is_empty());

    // No comment feed for what a reader cannot see, nor for garbage.
    let draft_id = draft["id"].as_i64().unwrap();
    for path in [
        format!("/feeds/{draft_id}/comments/default"),
        "/feeds/999999/comments/default".to_owned(),
        "/feeds/abc/comments/default".to_owned(),
        "/feeds/-1/comments/default".to_owned(),
        "/feeds/99999999999999999999999/comments/default".to_owned(),
    ] {
        assert_eq!(
            app.get(&path).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
}

async fn app_post_without_comments(app: &mut TestApp) -> i64 {
    let p = app.post(json!({"title": "Quiet one", "body": "x", "status": "published", "published_at": "2018-01-01T00:00:00Z"})).await;
    p["id"].as_i64().unwrap()
}

#[tokio::test]
async fn feeds_page_with_max_results_and_start_index() {
    let mut app = TestApp::start().await;
    for day in 1..=5 {
        app.post(json!({"title": format!("Day {day}"), "body": "x", "status": "published", "published_at": format!("2020-03-0{day}T12:00:00Z")}))
            .await;
    }
    let page1 = feedcheck(&app, "/feeds/posts/default?max-results=2");
    assert_eq!(titles(&page1), ["Day 5", "Day 4"]);
    let next = page1["feed"]["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["rel"] == "next")
        .unwrap_or_else(|| panic!("a next link: {}", page1["feed"]))["href"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        next.contains("start-index=3") && next.contains("max-results=2"),
        "{next}"
    );
    let next_path = next
        .strip_prefix(&app.base)
        .unwrap_or_else(|| panic!("{next} is on this server"));
    let page2 = feedcheck(&app, next_path);
    assert_eq!(titles(&page2), ["Day 3", "Day 2"]);
    let page3 = feedcheck(&app, "/feeds/posts/default?max-results=2&start-index=5");
    assert_eq!(titles(&page3), ["Day 1"]);
    assert!(
        !page3["feed"]["links"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["rel"] == "next"),
        "the last page has no next link"
    );
    let rss = feedcheck(
        &app,
        "/feeds/posts/default?alt=rss&max-results=1&start-index=2",
    );
    assert_eq!(titles(&rss), ["Day 4"]);
    let beyond = feedcheck(&app, "/feeds/posts/default?start-index=50");
    assert!(titles(&beyond).is_empty());
    let json: Value = app
        .get("/feeds/posts/default?alt=json&max-results=3")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(json["items"].as_array().unwrap().len(), 3);
    assert!(
        json["next_url"]
            .as_str()
            .is_some_and(|u| u.contains("start-index=4")),
        "{}",
        json["next_url"]
    );
    let all = feedcheck(&app, "/feeds/posts/default?max-results=500");
    assert_eq!(titles(&all).len(), 5);

    for bad in [
        "max-results=0",
        "max-results=-1",
        "max-results=abc",
        "max-results=501",
        "max-results=1e3",
        "start-index=0",
        "start-index=-5",
        "start-index=x",
        "alt=bogus",
        "alt=ATOM",
    ] {
        for feed in [
            "/feeds/posts/default",
            "/feeds/posts/summary",
            "/feeds/comments/default",
            "/feeds/posts/default/-/Rust",
        ] {
            let r = app.get(&format!("{feed}?{bad}")).await;
            assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{feed}?{bad}");
            let text = r.text().await.unwrap();
            let name = bad.split('=').next().unwrap();
            assert!(
                text.contains(name),
                "{feed}?{bad}: the message names {name}: {text}"
            );
        }
    }
    for feed in ["/feeds/posts/default", "/feeds/posts/summary"] {
        let r = app.get(&format!("{feed}?updated-max=yesterday")).await;
        assert_eq!(
            r.status(),
            StatusCode::BAD_REQUEST,
            "{feed}?updated-max=yesterday"
        );
        assert!(r.text().await.unwrap().contains("updated-max"));
    }
    let paged = feedcheck(
        &app,
        "/feeds/posts/default?updated-max=2020-03-03T12:00:00Z",
    );
    assert_eq!(
        titles(&paged),
        ["Day 2", "Day 1"],
        "updated-max pages back in time"
    );
}

#[tokio::test]
async fn conditional_gets_answer_304_until_the_feed_changes() {
    let mut app = TestApp::start().await;
    app.post(json!({"title": "One", "body": "x", "status": "published", "published_at": "2020-01-01T00:00:00Z"})).await;

    for path in [
        "/feeds/posts/default",
        "/feeds/posts/default?alt=rss",
        "/feeds/posts/default?alt=json",
        "/feeds/comments/default",
    ] {
        let r = app.get(path).await;
        assert_eq!(r.status(), StatusCode::OK);
        let etag = r
            .headers()
            .get(ETAG)
            .unwrap_or_else(|| panic!("{path}: an ETag"))
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            etag.starts_with('"') || etag.starts_with("W/\""),
            "{path}: a quoted ETag: {etag}"
        );
        let last_modified = r
            .headers()
            .get(LAST_MODIFIED)
            .unwrap_or_else(|| panic!("{path}: a Last-Modified"))
            .to_str()
            .unwrap()
            .to_owned();
        chrono::DateTime::parse_from_rfc2822(&last_modified)
            .unwrap_or_else(|e| panic!("{path}: an HTTP date: {last_modified}: {e}"));

        let r = app
            .client
            .get(app.url(path))
            .header(IF_NONE_MATCH, &etag)
            .send()
            .await
            .unwrap();
        assert_eq!(
            r.status(),
            StatusCode::NOT_MODIFIED,
            "{path}: If-None-Match"
        );
        assert_eq!(
            r.headers().get(ETAG).map(|v| v.to_str().unwrap()),
            Some(etag.as_str()),
            "304 repeats the ETag"
        );
        assert!(
            r.bytes().await.unwrap().is_empty(),
            "{path}: a 304 has no body"
        );

        let r = app
            .client
            .get(app.url(path))
            .header(IF_MODIFIED_SINCE, &last_modified)
            .send()
            .await
            .unwrap();
        assert_eq!(
            r.status(),
            StatusCode::NOT_MODIFIED,
            "{path}: If-Modified-Since"
        );
        assert!(r.bytes().await.unwrap().is_empty());

        let r = app
            .client
            .get(app.url(path))
            .header(IF_NONE_MATCH, "\"something-else\"")
            .send()
            .await
            .unwrap();
        assert_eq!(
            r.status(),
            StatusCode::OK,
            "{path}: another ETag gets the feed"
        );
        assert!(!r.bytes().await.unwrap().is_empty());
    }

    // A new post changes the feed and its ETag; the old ETag no longer matches.
    let r = app.get("/feeds/posts/default").await;
    let old = r.headers()[ETAG].to_str().unwrap().to_owned();
    app.post(json!({"title": "Two", "body": "x", "status": "published", "published_at": "2020-01-02T00:00:00Z"})).await;
    let r = app
        .client
        .get(app.url("/feeds/posts/default"))
        .header(IF_NONE_MATCH, &old)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "a changed feed is sent again");
    let new = r.headers()[ETAG].to_str().unwrap().to_owned();
    assert_ne!(new, old);
    assert!(r.text().await.unwrap().contains("Two"));
    // Editing a post changes it too.
    let posts = app.api(Method::GET, "/posts", None).await.1;
    let id = posts["items"][0]["id"].as_i64().unwrap();
    app.api(
        Method::PATCH,
        &format!("/posts/{id}"),
        Some(json!({"body": "edited"})),
    )
    .await;
    let r = app
        .client
        .get(app.url("/feeds/posts/default"))
        .header(IF_NONE_MATCH, &new)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "an edited feed is sent again");
}

#[tokio::test]
async fn a_feed_that_lost_a_post_is_not_reported_unmodified() {
    let mut app = TestApp::start().await;
    app.post(json!({"title": "Stays", "body": "x", "status": "published", "published_at": "2020-01-01T00:00:00Z"})).await;
    let gone = app.post(json!({"title": "Goes away", "body": "x", "status": "published", "published_at": "2020-01-02T00:00:00Z"})).await;
    let r = app.get("/feeds/posts/default").await;
    let last_modified = r.headers()[LAST_MODIFIED].to_str().unwrap().to_owned();
    assert!(r.text().await.unwrap().contains("Goes away"));

    let (status, _) = app
        .api(Method::DELETE, &format!("/posts/{}", gone["id"]), None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    // A reader that remembers only the date must not be told its copy, which
    // still holds the deleted post, is current.
    let r = app
        .client
        .get(app.url("/feeds/posts/default"))
        .header(IF_MODIFIED_SINCE, &last_modified)
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        StatusCode::OK,
        "the feed changed (a post was deleted) after {last_modified}, yet If-Modified-Since got 304"
    );
    assert!(!r.text().await.unwrap().contains("Goes away"));
}

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

#[tokio::test]
async fn feeds_stay_well_formed_whatever_the_text() {
    let mut app = TestApp::start().await;
    app.settings(json!({"title": "Odd <chars> & \"quotes\"", "comment_min_seconds": 0}))
        .await;
    let post = app
        .post(json!({
            "title": "Control \u{1} and \u{fffe} and ]]> and <![CDATA[",
            "body_html": "<p>vertical \u{b} escape \u{1b}[31m emoji 😀 ]]&gt;</p>",
            "labels": ["a/b", "x?y#z", "<tag>"],
            "status": "published",
            "published_at": "2021-01-02T00:00:00Z"
        }))
        .await;
    let path = post["url"].as_str().unwrap();
    // NUL can be stored by no backend: refused with a message, not a 500.
    let refused = app
        .comment(path, &[("name", "Null \u{0} Name"), ("body", "x")])
        .await
        .expect_err("a NUL in the name is refused");
    assert_eq!(refused.0, StatusCode::UNPROCESSABLE_ENTITY);
    app.comment(
        path,
        &[
            ("name", "Odd Name"),
            ("body", "Body with \u{1} and \u{7} and <script>x</script>"),
        ],
    )
    .await
    .expect("accepted");
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
