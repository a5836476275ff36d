//! Snapshots of what readers receive: a post page's `<main>` with a comment
//! thread, and an Atom feed. Volatile parts (times of day the test ran, form
//! tokens, ports, ETags) are replaced by placeholders first, so a change in a
//! snapshot is a change in what readers see.
//!
//! Review changes with `cargo insta review`, or accept with `INSTA_UPDATE=always`.

use reqwest::header::{CONTENT_TYPE, ETAG};
use serde_json::json;

use crate::support::TestApp;

/// Replaces every text between `start` and the next `end` with `with`,
/// keeping `start` and `end`.
fn redact_between(s: &str, start: &str, end: &str, with: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(start) {
        let after = &rest[i + start.len()..];
        let Some(j) = after.find(end) else { break };
        out.push_str(&rest[..i + start.len()]);
        out.push_str(with);
        out.push_str(end);
        rest = &after[j + end.len()..];
    }
    out.push_str(rest);
    out
}

/// Replaces the `<time …>…</time>` inside each comment's timestamp link with
/// a placeholder, attributes and all: comments are stamped when the test ran.
fn redact_comment_times(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("class=\"comment-timestamp\"") {
        let Some(t) = rest[i..].find("<time").map(|t| i + t) else {
            break;
        };
        let Some(e) = rest[t..].find("</time>").map(|e| t + e + "</time>".len()) else {
            break;
        };
        out.push_str(&rest[..t]);
        out.push_str("<time>[comment time]</time>");
        rest = &rest[e..];
    }
    out.push_str(rest);
    out
}

/// The host and port of this run, as a fixed name.
fn redact_base(app: &TestApp, s: &str) -> String {
    let authority = app.base.trim_start_matches("http://");
    s.replace(authority, "tidings.test")
}

async fn commented_post(app: &mut TestApp) -> String {
    app.settings(json!({
        "title": "Snapshot Blog",
        "description": "Fixed for the snapshots",
        "timezone": "Europe/London",
        "comment_min_seconds": 0,
        "comment_moderation": "never"
    }))
    .await;
    app.post(json!({
        "title": "An older post",
        "body": "Before.",
        "status": "published",
        "published_at": "2014-05-01T09:00:00Z"
    }))
    .await;
    let post = app
        .post(json!({
            "title": "Tables & threads",
            "body": "A post with **bold** text, a [link](https://example.com/) and a list:\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
            "labels": ["Snapshots", "café au lait"],
            "status": "published",
            "published_at": "2014-05-07T10:15:00Z"
        }))
        .await;
    let path = post["url"].as_str().unwrap().to_owned();
    let first = app
        .comment(
            &path,
            &[
                ("name", "Ann"),
                ("url", "https://ann.example/"),
                (
                    "body",
                    "First!\n\nSee https://example.org/page for <b>more</b>.",
                ),
            ],
        )
        .await
        .expect("published");
    let first_id = first
        .rsplit_once("#c")
        .expect("published at once")
        .1
        .to_owned();
    app.comment(
        &path,
        &[
            ("name", "Bob"),
            ("parent", &first_id),
            ("body", "A reply to Ann,\nover two lines."),
        ],
    )
    .await
    .expect("published");
    app.comment(&path, &[("name", ""), ("body", "Anonymous & brief.")])
        .await
        .expect("published");
    path
}

#[tokio::test]
async fn post_page_main_with_a_comment_thread() {
    let mut app = TestApp::start().await;
    let path = commented_post(&mut app).await;
    let html = app.page(&path).await;
    let start = html.find("<main").expect("a <main>");
    let end = html.find("</main>").expect("a </main>") + "</main>".len();
    let main = &html[start..end];
    // The reply sits inside its parent's comment.
    assert!(main.contains("class=\"comment-replies\""), "a nested reply");

    let main = redact_between(main, "name=\"token\" value=\"", "\"", "[form token]");
    let main = redact_between(&main, "?showComment=", "#c", "[ms]");
    // Comment times are when the test ran; the post's own time is fixed.
    let main = redact_comment_times(&main);
    let main = redact_base(&app, &main);
    insta::assert_snapshot!("post_page_main", main);
}

#[tokio::test]
async fn atom_feed_of_posts() {
    let mut app = TestApp::start().await;
    commented_post(&mut app).await;
    let r = app.get("/feeds/posts/default").await;
    assert_eq!(r.status(), reqwest::StatusCode::OK);
    let content_type = r.headers()[CONTENT_TYPE].to_str().unwrap().to_owned();
    assert!(r.headers().contains_key(ETAG));
    let body = r.text().await.unwrap();
    // `updated` is when the posts were stored, that is when the test ran.
    let body = redact_between(&body, "<updated>", "</updated>", "[updated]");
    let body = redact_base(&app, &body);
    insta::assert_snapshot!(
        "atom_feed",
        format!("content-type: {content_type}\netag: [etag]\n\n{body}")
    );
}
