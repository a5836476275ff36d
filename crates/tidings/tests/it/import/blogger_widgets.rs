//! A Blogger template's widgets become the sidebar: in their order, with
//! their titles and settings, HTML cleaned; the Header's title becomes the
//! blog's and its picture the blog's header picture; what Tidings cannot
//! carry is named; importing again gives the same sidebar.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::{fixture, last_line};
use crate::support::TestApp;

/// The layout as `(type, title, settings)`, ids left out.
async fn layout(app: &mut TestApp) -> Vec<(String, String, Value)> {
    let (status, json) = app.api(Method::GET, "/layout", None).await;
    assert_eq!(status, StatusCode::OK, "{json}");
    json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["type"].as_str().unwrap().to_owned(),
                g["title"].as_str().unwrap().to_owned(),
                g["settings"].clone(),
            )
        })
        .collect()
}

#[tokio::test]
async fn blogger_widgets_become_the_sidebar_in_order() {
    let mut app = TestApp::start().await;
    let file = fixture("blogger-widgets.xml");
    let out = app.cli(&["import", "blogger", file.to_str().unwrap()], None);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    assert_eq!(
        last_line(&out),
        "imported: 2 posts, 1 pages, 0 comments, 11 gadgets"
    );
    for skipped in [
        "skipped widget Navbar1 (Navbar",
        "skipped widget AdSense1 (AdSense)",
        "skipped widget HTML2 (HTML): a script",
        "skipped widget Followers1 (Followers, \"Followers\"): hidden",
        "skipped widget Attribution1 (Attribution)",
        "widget HTML1 (HTML, \"Festival dates\"): its script or embed left out",
        "the link \"Coming soon\" to \"http://\" left out",
    ] {
        assert!(err.contains(skipped), "{skipped:?} in {err}");
    }
    assert!(
        !err.contains("Blog1"),
        "the posts are no skipped widget: {err}"
    );
    assert!(
        !err.contains("Header1"),
        "the Header is carried whole: {err}"
    );

    let gadgets = layout(&mut app).await;
    let expected = [
        ("search", "Search This Blog", json!({})),
        (
            "profile",
            "About Me",
            json!({"name": "Maple Lantern", "about": "", "picture": "", "url": ""}),
        ),
        (
            "popular_posts",
            "Most read this week",
            json!({"count": 3, "period": "7d"}),
        ),
        (
            "link_list",
            "Lantern makers",
            json!({"links": [
                {"text": "Candle & Wick", "url": "https://candle.example.net/wicks?a=1&b=2"},
                {"text": "Willow Workshop", "url": "https://willow.example.com/"},
                {"text": "Paper Moon", "url": "https://paper.example.org/"},
            ], "sort": "alpha"}),
        ),
        (
            "text",
            "Festival dates",
            json!({"html": "<p>The <b>autumn lantern walk</b> is on the first Saturday of October.</p>"}),
        ),
        (
            "featured_post",
            "Start here",
            json!({"post_id": 7_000_000_000_000_000_001_i64}),
        ),
        (
            "labels",
            "Topics",
            json!({"display": "cloud", "sort": "count", "min": 0}),
        ),
        ("archive", "Archive", json!({"style": "flat"})),
        (
            "image",
            "Our lantern",
            json!({
                "url": "https://blogger.googleusercontent.com/img/b/invented/s200/lantern-small.png",
                "alt": "Our lantern", "link": "/p/about.html",
                "caption": "Made from willow and paper"
            }),
        ),
        ("pages", "Pages", json!({})),
        (
            "text",
            "Thanks",
            json!({"html": "Thanks for reading \u{2014} see you at the walk."}),
        ),
    ];
    let expected: Vec<(String, String, Value)> = expected
        .into_iter()
        .map(|(k, t, s)| (k.to_owned(), t.to_owned(), s))
        .collect();
    assert_eq!(gadgets, expected);

    // Readers see them, in order, and the Header's title is the blog's,
    // written on its picture (Blogger's "behind title and description"),
    // drawn at the size the Header gave it.
    let lanterns = "https://blogger.googleusercontent.com/img/b/invented/s1600/lanterns.jpg";
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(blog["header_image"], lanterns, "{blog}");
    assert_eq!(blog["header_image_placement"], "behind", "{blog}");
    let home = app.page("/").await;
    assert!(home.contains("<a href=\"/\">Lantern Notes</a>"), "{home}");
    assert!(
        home.contains(&format!(
            r#"<img class="header-picture" src="{lanterns}" alt="" width="1100" height="200">"#
        )),
        "{home}"
    );
    let order: Vec<usize> = [
        "Search This Blog",
        "Most read this week",
        "Lantern makers",
        "Festival dates",
        "Start here",
        "Topics",
        "Our lantern",
        "Thanks",
    ]
    .iter()
    .map(|h| {
        home.find(&format!("<h2>{h}</h2>"))
            .unwrap_or_else(|| panic!("{h} in {home}"))
    })
    .collect();
    assert!(order.is_sorted(), "{order:?}");
    assert!(home.contains("How to fold a lantern"), "the featured post");
    assert!(!home.contains("tracking"), "no script reaches the page");

    // The same file again: the same sidebar, nothing added twice.
    let out = app.cli(&["import", "blogger", file.to_str().unwrap()], None);
    assert!(out.status.success());
    assert_eq!(layout(&mut app).await, expected);
}
