//! The blog's look as readers and owners meet it: the sidebar's gadgets in
//! the order the owner chose (through the API), each an element of class
//! `widget` under its `h2`; the default sidebar for a blog that never chose;
//! refusals naming the item; and the owner's stylesheet, served on its own.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::TestApp;

/// The class after `widget` of each gadget on `html`, in page order.
fn widgets(html: &str) -> Vec<String> {
    html.split("<section class=\"widget ")
        .skip(1)
        .map(|rest| rest.split(['"', ' ']).next().unwrap().to_owned())
        .collect()
}

/// The text of each gadget's heading, in page order.
fn headings(html: &str) -> Vec<String> {
    html.split("<section class=\"widget ")
        .skip(1)
        .map(|rest| {
            let h = &rest[rest.find("<h2>").unwrap() + 4..];
            h[..h.find("</h2>").unwrap()].to_owned()
        })
        .collect()
}

async fn put_layout(app: &mut TestApp, items: Value) -> (StatusCode, Value) {
    app.api(Method::PUT, "/layout", Some(json!({ "items": items })))
        .await
}

#[tokio::test]
async fn a_blog_that_never_chose_shows_the_sidebar_it_always_had() {
    let mut app = TestApp::start().await;
    let (status, layout) = app.api(Method::GET, "/layout", None).await;
    assert_eq!(status, StatusCode::OK);
    let types: Vec<&str> = layout["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "search",
            "pages",
            "labels",
            "archive",
            "follow_by_email",
            "subscribe"
        ]
    );
    assert!(layout["items"][0]["id"].is_null(), "never stored: {layout}");

    // Nothing to list yet: the lists are hidden, as they always were; mail
    // is off, so Follow by Email is too.
    let home = app.page("/").await;
    assert_eq!(widgets(&home), ["search-widget", "subscribe-widget"]);
    app.post(json!({"title": "One", "body": "x", "status": "published", "labels": ["cats"]}))
        .await;
    app.post(json!({"title": "About", "body": "x", "status": "published", "kind": "page"}))
        .await;
    let home = app.page("/").await;
    assert_eq!(
        widgets(&home),
        [
            "search-widget",
            "pages-widget",
            "labels-widget",
            "archive-widget",
            "subscribe-widget"
        ]
    );
    assert_eq!(
        headings(&home),
        [
            "Search This Blog",
            "Pages",
            "Labels",
            "Blog Archive",
            "Subscribe To"
        ]
    );
}

#[tokio::test]
async fn a_saved_layout_shows_every_gadget_in_its_order() {
    let mut app = TestApp::start().await;
    let post = app
        .post(
            json!({"title": "Worth reading", "body": "The *first* words of it.",
                      "status": "published", "labels": ["a", "b"],
                      "published_at": "2014-05-07T10:00:00Z"}),
        )
        .await;
    app.post(
        json!({"title": "Two", "body": "x", "status": "published", "labels": ["a"],
                    "published_at": "2015-01-07T10:00:00Z"}),
    )
    .await;
    let items = json!([
        {"type": "link_list", "title": "Friends",
         "settings": {"links": [{"text": "Zed", "url": "https://zed.example/"},
                                {"text": "Amy", "url": "/p/amy.html"}], "sort": "alpha"}},
        {"type": "text", "title": "Hello",
         "settings": {"html": "<p onclick=\"x()\">Hi <b>there</b></p><script>alert(1)</script>"}},
        {"type": "image", "title": "Me", "settings": {"url": "/media/u/abc.jpg", "alt": "A face",
                                                       "link": "https://me.example/"}},
        {"type": "profile", "title": "About me", "settings": {"name": "Ann", "about": "Writes."}},
        {"type": "featured_post", "title": "Featured", "settings": {"post_id": post["id"]}},
        {"type": "labels", "title": "", "settings": {"display": "cloud", "sort": "count"}},
        {"type": "archive", "title": "Old posts", "settings": {"style": "flat"}},
        {"type": "pages", "title": "Pages"},
        {"type": "search", "title": ""},
        {"type": "subscribe", "title": "Feeds", "settings": {}},
    ]);
    let (status, stored) = put_layout(&mut app, items).await;
    assert_eq!(status, StatusCode::OK, "{stored}");
    let stored = stored["items"].as_array().unwrap().clone();
    assert_eq!(stored.len(), 10);
    assert!(stored.iter().all(|g| g["id"].is_i64()), "ids given");
    let text = stored[1]["settings"]["html"].as_str().unwrap();
    assert!(
        !text.contains("script") && !text.contains("onclick"),
        "{text}"
    );

    let home = app.page("/").await;
    assert_eq!(
        widgets(&home),
        [
            "link-list-widget",
            "text-widget",
            "image-widget",
            "profile-widget",
            "featured-post-widget",
            "labels-widget",
            "archive-widget",
            "pages-widget",
            "search-widget",
            "subscribe-widget"
        ]
    );
    // A gadget with nothing to list yet keeps its heading.
    assert_eq!(
        headings(&home),
        [
            "Friends",
            "Hello",
            "Me",
            "About me",
            "Featured",
            "Labels",
            "Old posts",
            "Pages",
            "Search This Blog",
            "Feeds"
        ]
    );
    let amy = home.find(">Amy</a>").unwrap();
    assert!(amy < home.find(">Zed</a>").unwrap(), "sorted by text");
    assert!(home.contains("<b>there</b>") && !home.contains("alert(1)"));
    assert!(
        home.contains(
            "<a href=\"https://me.example/\"><img src=\"/media/u/abc.jpg\" alt=\"A face\""
        )
    );
    assert!(home.contains(&format!(
        "href=\"{}\">Worth reading</a>",
        post["url"].as_str().unwrap()
    )));
    assert!(
        home.contains("The first words of it."),
        "the featured summary"
    );
    let a = home.find(">a</a>").unwrap();
    assert!(a < home.find(">b</a>").unwrap());
    assert!(
        home.contains("class=\"label-size-5\" href=\"/search/label/a\""),
        "cloud"
    );
    assert!(home.contains(">January 2015</a>"), "flat archive");

    // Moved: the same gadgets keep their ids.
    let mut moved = stored.clone();
    moved.reverse();
    let (status, again) = put_layout(&mut app, Value::Array(moved.clone())).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(again["items"][0]["id"], moved[0]["id"]);
    let home = app.page("/").await;
    assert_eq!(widgets(&home)[0], "subscribe-widget", "the cache followed");

    // Saved empty: no sidebar at all.
    let (status, _) = put_layout(&mut app, json!([])).await;
    assert_eq!(status, StatusCode::OK);
    assert!(widgets(&app.page("/").await).is_empty());
}

#[tokio::test]
async fn bad_layouts_are_refused_naming_the_item_and_change_nothing() {
    let mut app = TestApp::start().await;
    let search = json!({"type": "search"});
    let cases = [
        (json!({"type": "weather", "title": "Rain"}), "items[1].type"),
        (
            json!({"type": "link_list", "settings": {"links": []}}),
            "items[1].title",
        ),
        (
            json!({"type": "link_list", "title": "L",
                   "settings": {"links": [{"text": "x", "url": "javascript:alert(1)"}]}}),
            "items[1].settings.links[0].url",
        ),
        (
            json!({"type": "image", "title": "I", "settings": {"url": "ftp://x/y.png"}}),
            "items[1].settings.url",
        ),
        (
            json!({"type": "labels", "settings": {"colour": "red"}}),
            "items[1].settings",
        ),
    ];
    for (bad, field) in cases {
        let (status, body) = put_layout(&mut app, json!([search, bad])).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let message = body["error"]["message"].as_str().unwrap();
        assert!(message.starts_with(&format!("{field}: ")), "{message}");
    }
    let (_, layout) = app.api(Method::GET, "/layout", None).await;
    assert_eq!(layout["items"].as_array().unwrap().len(), 6, "unchanged");

    let author = app.user_token("author@example.com", "author");
    let (status, _) = app
        .api_as(&author, Method::PUT, "/layout", Some(json!({"items": []})))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app.api_as(&author, Method::GET, "/layout", None).await;
    assert_eq!(status, StatusCode::OK, "every member reads it");
}

#[tokio::test]
async fn the_owners_stylesheet_is_served_on_its_own() {
    let mut app = TestApp::start().await;
    let css = "body { color: #123 }\n/* </style><script>alert(1)</script> */\n";
    app.settings(json!({ "custom_css": css })).await;
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(blog["custom_css"], css);

    let home = app.page("/").await;
    assert!(!home.contains("alert(1)") && !home.contains("color: #123"));
    let theme = home.find("/static/simple.").unwrap();
    let at = home
        .find("href=\"/custom-css/")
        .expect("the stylesheet's link");
    assert!(theme < at, "after the theme's");
    let href = &home[at + 6..];
    let href = href[..href.find('"').unwrap()].to_owned();
    let r = app.get(&href).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "text/css; charset=utf-8");
    assert_eq!(r.headers()["x-content-type-options"], "nosniff");
    assert_eq!(r.text().await.unwrap(), css);

    let (status, body) = app
        .api(
            Method::PATCH,
            "/blog",
            Some(json!({"custom_css": "a{}".repeat(30_000), "title": "Changed"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("custom_css")
    );
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_ne!(blog["title"], "Changed", "nothing changed");

    app.settings(json!({ "custom_css": "" })).await;
    assert!(!app.page("/").await.contains("/custom-css/"));
    assert_eq!(app.get(&href).await.status(), StatusCode::NOT_FOUND);
}
