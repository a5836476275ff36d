//! Comment feeds, of the whole blog and of one post.

use reqwest::StatusCode;
use serde_json::json;

use super::{blog_with_posts, feedcheck};
use crate::support::TestApp;

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
