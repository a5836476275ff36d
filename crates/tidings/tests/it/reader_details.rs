//! Small things readers notice: the blog's icon, a pinned post said to be
//! pinned and kept from under a date that is not its own, and a page that
//! is not there said in plain words, with a search box.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::{TestApp, texts_of_class};

#[tokio::test]
async fn the_blog_has_an_icon_built_in_or_its_own() {
    let mut app = TestApp::start().await;
    let r = app.get("/favicon.ico").await;
    assert_eq!(
        r.status(),
        StatusCode::OK,
        "no 404 for the icon browsers ask for"
    );
    assert_eq!(r.headers()["content-type"], "image/x-icon");
    let icon = r.bytes().await.unwrap();
    assert_eq!(&icon[..4], &[0, 0, 1, 0], "an ICO file");
    let home = app.page("/").await;
    assert!(home.contains("<link rel=\"icon\" href=\"/favicon.ico\">"));

    app.settings(json!({"favicon": "/media/u/0123456789abcdef.png"}))
        .await;
    let home = app.page("/").await;
    assert!(home.contains("<link rel=\"icon\" href=\"/media/u/0123456789abcdef.png\">"));
    let r = app.get("/favicon.ico").await;
    assert_eq!(r.status(), StatusCode::TEMPORARY_REDIRECT);
    assert_eq!(r.headers()["location"], "/media/u/0123456789abcdef.png");

    for bad in [
        "javascript:alert(1)",
        "/x y.png",
        "icon.png",
        "https://e.example/\"><script>",
    ] {
        let (status, e) = app
            .api(
                Method::PATCH,
                "/blog",
                Some(json!({"favicon": bad, "title": "Changed"})),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {e}");
        assert!(
            e["error"]["message"]
                .as_str()
                .unwrap()
                .starts_with("favicon"),
            "{e}"
        );
    }
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(
        blog["favicon"], "/media/u/0123456789abcdef.png",
        "nothing changed"
    );
    assert_ne!(blog["title"], "Changed");

    // Empty brings the built-in one back.
    app.settings(json!({"favicon": "https://cdn.example/icon.png"}))
        .await;
    let home = app.page("/").await;
    assert!(home.contains("<link rel=\"icon\" href=\"https://cdn.example/icon.png\">"));
    app.settings(json!({"favicon": ""})).await;
    assert_eq!(app.get("/favicon.ico").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_pinned_post_says_so_and_stands_under_no_date() {
    let mut app = TestApp::start().await;
    app.post(
        json!({"title": "Pinned news", "body": "Read me first.", "status": "published",
        "published_at": "2020-03-04T10:00:00Z", "sticky": true}),
    )
    .await;
    app.post(
        json!({"title": "Latest", "body": "New.", "status": "published",
        "published_at": "2024-06-01T10:00:00Z"}),
    )
    .await;

    let home = app.page("/").await;
    let pinned = home.find("Pinned news").unwrap();
    let latest = home.find("Latest").unwrap();
    assert!(pinned < latest, "the pinned post comes first");
    assert_eq!(texts_of_class(&home, "pinned-label"), ["Pinned post"]);
    assert!(home.contains("<article class=\"post pinned\""));
    // Only the newer post's day has a header, and it comes after the pin.
    let headers = texts_of_class(&home, "date-header");
    assert_eq!(headers, ["Saturday, June 1, 2024"]);
    assert!(home.find("class=\"date-header\"").unwrap() > pinned);
    assert!(!home.contains("March 4, 2020\n") && !home.contains(">Wednesday, March 4, 2020<"));
    // Its own page and later pages are dated as usual, and not pinned.
    let older = app.page("/search?updated-max=2024-01-01T00:00:00Z").await;
    assert_eq!(
        texts_of_class(&older, "date-header"),
        ["Wednesday, March 4, 2020"]
    );
    assert!(texts_of_class(&older, "pinned-label").is_empty());

    app.settings(json!({"language": "fr"})).await;
    let home = app.page("/").await;
    assert_eq!(texts_of_class(&home, "pinned-label"), ["Article épinglé"]);
}

#[tokio::test]
async fn a_missing_page_says_so_plainly_and_offers_a_search() {
    let mut app = TestApp::start().await;
    for path in ["/no/such/thing", "/2014/05/nothing.html", "/p/nothing.html"] {
        let r = app.get(path).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        let body = r.text().await.unwrap();
        assert!(
            body.contains("<h1>There is no page at this address</h1>"),
            "{path}"
        );
        assert!(body.contains(
            "<form class=\"error-search\" action=\"/search\" method=\"get\" role=\"search\">"
        ));
        assert!(body.contains("<input id=\"error-q\" type=\"search\" name=\"q\""));
        assert!(!body.contains("<script"), "no script on a public page");
    }
    app.settings(json!({"language": "ja"})).await;
    let body = app.get("/missing").await.text().await.unwrap();
    assert!(body.contains("<h1>このアドレスにはページがありません</h1>"));
    assert!(body.contains("お探しのものをこのブログで検索"));
    assert!(body.contains(">検索</button>"), "{body}");
}
