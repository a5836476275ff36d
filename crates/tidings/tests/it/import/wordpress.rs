//! WordPress exports: the theme unit test data moves in whole.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::{import, items, pages_widget, theme_unit_test, total};
use crate::support::{TestApp, texts_of_class};

#[tokio::test]
async fn wordpress_theme_unit_test_moves_in_whole() {
    let mut app = TestApp::start().await;
    let file = theme_unit_test();
    // Pingbacks and trackbacks are comments (with the linking site as their
    // author), so the 33 comments include the 2 pingbacks and 2 trackbacks.
    assert_eq!(
        import(&app, "wordpress", &file),
        "imported: 58 posts, 21 pages, 33 comments, 37 attachments"
    );
    assert_eq!(total(&mut app, "/posts?kind=post").await, 58);
    assert_eq!(total(&mut app, "/posts?kind=page").await, 21);
    assert_eq!(
        total(&mut app, "/posts?kind=post&status=scheduled").await,
        1
    );
    // The draft; the password-protected post keeps its place (see
    // `wordpress_settings.rs`).
    assert_eq!(total(&mut app, "/posts?kind=post&status=draft").await, 1);
    assert_eq!(total(&mut app, "/comments").await, 33);
    assert_eq!(total(&mut app, "/comments?status=pending").await, 3);
    assert_eq!(total(&mut app, "/comments?status=published").await, 30);
    let comments = items(&mut app, "/comments?limit=500").await;
    let replies = comments.iter().filter(|c| !c["parent"].is_null()).count();
    assert_eq!(replies, 10);

    // Threads: on "Template: Comments", replies sit inside their parents.
    let r = app.get("/?p=1148").await;
    assert_eq!(r.status(), StatusCode::MOVED_PERMANENTLY);
    let path = r.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(path, "/2012/01/template-comments.html");
    let html = app.page(&path).await;
    assert!(html.contains("Template: Comments"));
    assert!(html.matches("class=\"comment\"").count() >= 15, "{html}");

    // Old permalinks, /?p= and /?page_id= answer 301 to the new address.
    for (old, new) in [
        (
            "/2012/01/03/template-comments/",
            "/2012/01/template-comments.html",
        ),
        (
            "/2012/01/03/template-comments",
            "/2012/01/template-comments.html",
        ),
        ("/about/", "/p/about.html"),
        ("/?page_id=2", "/p/about.html"),
        ("/about/page-with-comments/", "/p/page-with-comments.html"),
        ("/?p=155", "/p/page-with-comments.html"),
    ] {
        let r = app.get(old).await;
        assert_eq!(r.status(), StatusCode::MOVED_PERMANENTLY, "{old}");
        assert_eq!(r.headers()["location"], new, "{old}");
    }
    assert!(
        app.page("/p/page-with-comments.html")
            .await
            .contains("3 comments:")
    );
    // Drafts and scheduled posts do not leak through their old addresses.
    assert_eq!(app.get("/?p=1164").await.status(), StatusCode::OK);
    assert_eq!(
        app.get("/2020/01/01/scheduled/").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/no/such/old/page/").await.status(),
        StatusCode::NOT_FOUND
    );

    // Categories and tags are labels.
    let posts = items(&mut app, "/posts?kind=post&limit=500").await;
    let comments_post = posts
        .iter()
        .find(|p| p["title"] == "Template: Comments")
        .unwrap();
    let labels: Vec<&str> = comments_post["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert!(labels.contains(&"comments"), "{labels:?}");
    // The category "Template" and the tag "template" are one label.
    let template = labels.iter().filter(|l| l.eq_ignore_ascii_case("template"));
    assert_eq!(template.count(), 1, "{labels:?}");
    assert!(
        app.page("/search/label/comments")
            .await
            .contains("Template: Comments")
    );

    // The sticky post comes first on page 1 of the home page (though it is
    // from 2012), and only there; the API says which post it is.
    let home = app.page("/").await;
    let titles = texts_of_class(&home, "post-title");
    assert_eq!(titles[0], "Template: Sticky", "{titles:?}");
    assert_eq!(
        titles.iter().filter(|t| *t == "Template: Sticky").count(),
        1
    );
    let sticky: Vec<&Value> = posts.iter().filter(|p| p["sticky"] == true).collect();
    assert_eq!(sticky.len(), 1);
    assert_eq!(sticky[0]["title"], "Template: Sticky");
    // The API changes it like any field; pages never stick.
    let path = format!("/posts/{}", sticky[0]["id"]);
    let (status, body) = app
        .api(Method::PATCH, &path, Some(json!({"sticky": false})))
        .await;
    assert_eq!(
        (status, &body["sticky"]),
        (StatusCode::OK, &json!(false)),
        "{body}"
    );
    let first = texts_of_class(&app.page("/").await, "post-title").remove(0);
    assert_ne!(first, "Template: Sticky");
    let (_, body) = app
        .api(Method::PATCH, &path, Some(json!({"sticky": true})))
        .await;
    assert_eq!(body["sticky"], true);
    let about = items(&mut app, "/posts?kind=page&limit=100").await;
    let about = about
        .iter()
        .find(|p| p["title"] == "About The Tests")
        .unwrap();
    let (_, body) = app
        .api(
            Method::PATCH,
            &format!("/posts/{}", about["id"]),
            Some(json!({"sticky": true})),
        )
        .await;
    assert_eq!(body["sticky"], false);

    // The page tree: the sidebar lists pages in menu order, children inside
    // their parents, three levels deep; the old hierarchical permalinks of
    // child pages answer 301.
    let pages = pages_widget(&home);
    let order: Vec<usize> = [
        "a Blog page",
        "Front Page",
        "About The Tests",
        "Level 1",
        "Lorem Ipsum",
        "Page A",
        "Page B",
    ]
    .iter()
    .map(|t| {
        pages
            .find(&format!(">{t}</a>"))
            .unwrap_or_else(|| panic!("{t}: {pages}"))
    })
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{pages}");
    assert!(
        pages.contains(
            r#">Level 1</a><ul><li><a href="/p/level-2.html">Level 2</a><ul><li><a href="/p/level-3.html">Level 3</a></li>"#
        ),
        "{pages}"
    );
    let about =
        &pages[pages.find(">About The Tests</a>").unwrap()..pages.find(">Level 1</a>").unwrap()];
    assert!(
        about.find(">Clearing Floats</a>").unwrap()
            < about.find(">Page with comments</a>").unwrap(),
        "children in menu order: {about}"
    );
    for (old, new) in [
        ("/level-1/level-2/level-3/", "/p/level-3.html"),
        ("/level-1/level-2/", "/p/level-2.html"),
        ("/?page_id=172", "/p/level-3.html"),
    ] {
        let r = app.get(old).await;
        assert_eq!(r.status(), StatusCode::MOVED_PERMANENTLY, "{old}");
        assert_eq!(r.headers()["location"], new, "{old}");
    }

    // Attachments are recorded (the tidings export holds each), and without
    // --fetch-media nothing is fetched.
    std::fs::create_dir_all(&app.data).unwrap();
    let out = app.data.join("theme.tidings.jsonl");
    let done = app.cli(
        &["export", "--format", "tidings", out.to_str().unwrap()],
        None,
    );
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let export = std::fs::read_to_string(&out).unwrap();
    let attachments: Vec<Value> = export
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|r| r["type"] == "attachment")
        .collect();
    assert_eq!(attachments.len(), 37);
    let canola = attachments
        .iter()
        .find(|a| a["url"] == "https://wpthemetestdata.files.wordpress.com/2008/06/canola2.jpg")
        .unwrap();
    assert_eq!(canola["title"], "canola2");
    assert!(canola["local_path"].is_null());
    let gallery = posts
        .iter()
        .find(|p| p["title"] == "Post Format: Gallery")
        .unwrap();
    assert_eq!(canola["post_id"], gallery["id"]);
    assert!(!app.data.join("media").exists());

    // Importing again adds nothing.
    assert_eq!(
        import(&app, "wordpress", &file),
        "imported: 0 posts, 0 pages, 0 comments, 149 already there"
    );
    assert_eq!(total(&mut app, "/posts").await, 79);
}
