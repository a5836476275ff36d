//! Feeds as a feed reader sees them: every feed is parsed by Python's
//! `feedparser` (through `tests/feedcheck.py`), JSON Feed by serde_json.
//! Also paging, conditional GETs, autodiscovery, the sitemap and robots.txt.

use serde_json::{Value, json};

use crate::support::TestApp;

mod comments;
mod conditional;
mod discovery;
mod formats;
mod paging;
mod pictures;

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
