//! A directory of Markdown files (Jekyll or Hugo) moves in.

use reqwest::StatusCode;
use serde_json::json;

use super::{fixture, import, items, total};
use crate::support::TestApp;

#[tokio::test]
async fn markdown_site_moves_in_with_its_addresses() {
    let mut app = TestApp::start().await;
    let site = fixture("markdown-site");
    assert_eq!(
        import(&app, "markdown", &site),
        "imported: 5 posts, 1 pages, 0 comments"
    );
    // A permalink Tidings serves is kept; Markdown is rendered; labels from
    // tags and categories.
    let html = app.page("/2014/05/first-blossom.html").await;
    assert!(html.contains("First blossom: the quince"));
    assert!(html.contains("<strong>today</strong>"), "{html}");
    let first = items(&mut app, "/posts?label=orchard").await;
    let first = first.iter().find(|p| p["slug"] == "first-blossom").unwrap();
    assert_eq!(
        first["labels"],
        json!(["orchard", "spring", "Äpfel & Birnen"])
    );
    assert!(
        html.contains("/search/label/%C3%84pfel%20%26%20Birnen"),
        "{html}"
    );
    // Slug from the file name, or from `slug`; old addresses answer 301.
    assert!(
        app.page("/2015/01/cider.html")
            .await
            .contains("Pressed in the cold.")
    );
    for (old, new) in [
        ("/old/cider/", "/2015/01/cider.html"),
        ("/posts/winter-pruning/", "/2016/02/pruning-in-winter.html"),
    ] {
        let r = app.get(old).await;
        assert_eq!(r.status(), StatusCode::MOVED_PERMANENTLY, "{old}");
        assert_eq!(r.headers()["location"], new);
    }
    assert!(app.page("/p/about.html").await.contains("Twelve trees."));
    // `_drafts/` and `draft = true` are drafts; the Markdown stays editable.
    assert_eq!(total(&mut app, "/posts?status=draft").await, 2);
    let hugo = items(&mut app, "/posts?label=how%20to").await;
    assert_eq!(hugo.len(), 1);
    assert_eq!(hugo[0]["body"], "Cut above the bud.\n");
    assert_eq!(hugo[0]["author"], "Quince Keeper");
    assert_eq!(hugo[0]["published_at"], "2016-02-03T09:30:00Z");

    // Again: nothing added.
    assert_eq!(
        import(&app, "markdown", &site),
        "imported: 0 posts, 0 pages, 0 comments, 6 already there"
    );
}
