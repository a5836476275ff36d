//! Starting and stopping: the demo blog, and a clean stop on SIGTERM.

use reqwest::StatusCode;

use crate::support::{TestApp, texts_of_class};

#[tokio::test]
async fn demo_fills_an_empty_blog_once() {
    let app = TestApp::start_with(&["--demo"]).await;
    let home = app.page("/").await;
    assert!(texts_of_class(&home, "post-title").contains(&"Welcome to Tidings".to_owned()));
    assert!(
        texts_of_class(&home, "date-header").len() >= 3,
        "posts over several days"
    );
    assert!(home.contains("class=\"post-labels\""));
    assert!(texts_of_class(&home, "comment-link").contains(&"2 comments".to_owned()));
    let about = app.get("/p/about.html").await;
    assert_eq!(about.status(), StatusCode::OK);
    // The held comment is not shown to readers.
    let welcome = home
        .split("href=\"")
        .map(|s| s.split('"').next().unwrap())
        .find(|h| h.ends_with("/welcome-to-tidings.html"))
        .unwrap()
        .to_owned();
    let page = app.page(&welcome).await;
    assert!(page.contains("<h2>2 comments:</h2>"));
    assert!(page.contains("class=\"comment-replies\""));
    assert!(!page.contains("waits for the owner"));
}

#[tokio::test]
async fn sigterm_stops_cleanly() {
    let mut app = TestApp::start().await;
    app.page("/").await;
    let status = app.stop();
    assert!(status.success(), "exit status after SIGTERM: {status:?}");
}
