//! What each WordPress post said about itself moves in with it: whether it
//! takes comments (`comment_status`), on posts and pages alike.

use reqwest::Method;

use super::{import, items, theme_unit_test};
use crate::support::{TestApp, texts_of_class};

#[tokio::test]
async fn closed_comments_stay_closed_and_open_pages_take_comments() {
    let mut app = TestApp::start().await;
    import(&app, "wordpress", &theme_unit_test());
    let posts = items(&mut app, "/posts?limit=500").await;
    let comments_of = |title: &str| {
        let p = posts
            .iter()
            .find(|p| p["title"] == title)
            .unwrap_or_else(|| panic!("no post {title:?}"));
        (
            p["comments"].as_str().unwrap().to_owned(),
            p["url"].as_str().unwrap().to_owned(),
        )
    };

    // The fixture's closed ones: 39 posts and 10 pages, each without a form.
    let closed = posts.iter().filter(|p| p["comments"] == "closed").count();
    assert_eq!(closed, 49);
    for title in ["Template: Comments Disabled", "Page with comments disabled"] {
        let (comments, path) = comments_of(title);
        assert_eq!(comments, "closed", "{title}");
        let html = app.page(&path).await;
        assert!(!html.contains("id=\"comment-form\""), "{title}: {html}");
        if !path.starts_with("/p/") {
            assert_eq!(
                texts_of_class(&html, "comments-closed"),
                ["Comments are closed."]
            );
        }
    }
    // A post whose comments were open keeps its form.
    let (comments, path) = comments_of("Template: Comments");
    assert_eq!(comments, "open");
    assert!(app.page(&path).await.contains("id=\"comment-form\""));

    // Pages with comments open show the form, with or without comments.
    for title in ["Page with comments", "Page A"] {
        let (comments, path) = comments_of(title);
        assert_eq!(comments, "open", "{title}");
        let html = app.page(&path).await;
        assert!(html.contains("id=\"comment-form\""), "{title}: {html}");
    }

    // And they go back out as they came in.
    // On PostgreSQL nothing else creates the data directory.
    std::fs::create_dir_all(&app.data).unwrap();
    let out = app.data.join("out.xml");
    let run = app.cli(&["export", "--format", "wxr", out.to_str().unwrap()], None);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let wxr = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        wxr.matches("<wp:comment_status>closed</wp:comment_status>")
            .count(),
        49
    );
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(blog["default_comments"], "open");
}

#[tokio::test]
async fn the_password_protected_post_keeps_its_place_and_its_password() {
    let mut app = TestApp::start().await;
    import(&app, "wordpress", &theme_unit_test());
    let posts = items(&mut app, "/posts?kind=post&limit=500").await;
    let post = posts
        .iter()
        .find(|p| {
            p["title"]
                .as_str()
                .unwrap()
                .starts_with("Template: Password Protected")
        })
        .expect("the protected post");
    assert_eq!(post["status"], "published");
    assert_eq!(post["password_protected"], true);
    let path = post["url"].as_str().unwrap().to_owned();
    // Its old address still leads to it, and it asks for the password.
    let r = app.get("/2012/01/04/template-password-protected/").await;
    assert_eq!(r.headers()["location"], path.as_str());
    let page = app.page(&path).await;
    assert!(page.contains("class=\"post-password-form\""), "{page}");
    assert!(
        !page.contains("This content, comments, pingbacks"),
        "{page}"
    );

    // The fixture's password ("enter") opens it.
    let id = post["id"].as_i64().unwrap().to_string();
    let r = app
        .client
        .post(app.url("/unlock"))
        .form(&[("post", id.as_str()), ("password", "enter")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), reqwest::StatusCode::SEE_OTHER);
    let pass = r.headers()["set-cookie"].to_str().unwrap();
    let pass = pass.split(';').next().unwrap().to_owned();
    let opened = app
        .client
        .get(app.url(&path))
        .header("cookie", pass)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        opened.contains("This content, comments, pingbacks"),
        "{opened}"
    );

    // Exported, it carries the hash, which our importer keeps as it is.
    std::fs::create_dir_all(&app.data).unwrap();
    let out = app.data.join("protected.xml");
    let run = app.cli(&["export", "--format", "wxr", out.to_str().unwrap()], None);
    assert!(run.status.success());
    let wxr = std::fs::read_to_string(&out).unwrap();
    assert_eq!(wxr.matches("<wp:post_password>$argon2id$").count(), 1);
    let mut again = TestApp::start().await;
    import(&again, "wordpress", &out);
    let posts = items(&mut again, "/posts?kind=post&limit=500").await;
    let moved = posts.iter().find(|p| p["url"] == path.as_str()).unwrap();
    assert_eq!(moved["password_protected"], true);
    let r = again
        .client
        .post(again.url("/unlock"))
        .form(&[
            ("post", moved["id"].to_string().as_str()),
            ("password", "enter"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), reqwest::StatusCode::SEE_OTHER);
}
