//! The Popular Posts gadget: readers' views ranked over its period (robots
//! and pages apart), as many as its count, under its heading even before
//! anyone read anything; added from the Layout page without script; bad
//! counts and periods refused naming the item, nothing changed.
//!
//! Views are written as the flush would have added them, on days before
//! today (no request can make a view older), so the test waits for nothing.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::admin::{Browser, PASSWORD};
use crate::support::{TestApp, hidden};

/// The link texts of each Popular Posts gadget on `html`, in page order,
/// with its heading.
fn popular_lists(html: &str) -> Vec<(String, Vec<String>)> {
    html.split("<section class=\"widget popular-posts-widget\">")
        .skip(1)
        .map(|rest| {
            let section = &rest[..rest.find("</section>").unwrap()];
            let h = &section[section.find("<h2>").unwrap() + 4..];
            let heading = h[..h.find("</h2>").unwrap()].to_owned();
            let links = section
                .split("<li><a href=\"")
                .skip(1)
                .map(|l| {
                    let text = &l[l.find("\">").unwrap() + 2..];
                    text[..text.find("</a>").unwrap()].to_owned()
                })
                .collect();
            (heading, links)
        })
        .collect()
}

async fn put_layout(app: &mut TestApp, items: Value) -> (StatusCode, Value) {
    app.api(Method::PUT, "/layout", Some(json!({ "items": items })))
        .await
}

/// Days since 1970-01-01 in UTC, the blog's zone here.
fn today() -> i64 {
    chrono::Utc::now().timestamp().div_euclid(86_400)
}

async fn views(app: &TestApp, post: &Value, days_ago: i64, views: i64, bot_views: i64) {
    app.sql(&format!(
        "INSERT INTO post_views (blog_id, post_id, day, views, bot_views) \
         SELECT blog_id, id, {}, {views}, {bot_views} FROM posts WHERE id = {}",
        today() - days_ago,
        post["id"]
    ))
    .await;
}

#[tokio::test]
async fn popular_posts_rank_readers_views_over_their_period() {
    let mut app = TestApp::start().await;
    app.settings(json!({"timezone": "UTC"})).await;
    let post = |title: &'static str, kind: &'static str| json!({"title": title, "body": "Text.", "status": "published", "kind": kind});
    let week = app.post(post("Read this week", "post")).await;
    let month = app.post(post("Read this month", "post")).await;
    let long_ago = app.post(post("Read long ago", "post")).await;
    let page = app.post(post("A page", "page")).await;

    // Placed before anyone read anything: the heading shows, the list is empty.
    let (status, _) = put_layout(
        &mut app,
        json!([{"type": "popular_posts", "title": "This week", "settings": {"count": 2, "period": "7d"}}]),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        popular_lists(&app.page("/").await),
        [("This week".to_owned(), vec![])]
    );

    views(&app, &week, 1, 5, 9_999).await;
    views(&app, &month, 20, 50, 0).await;
    views(&app, &long_ago, 100, 500, 0).await;
    views(&app, &page, 1, 1_000, 0).await;
    let (status, stored) = put_layout(
        &mut app,
        json!([
            {"type": "popular_posts", "title": "This week", "settings": {"count": 2, "period": "7d"}},
            {"type": "search"},
            {"type": "popular_posts", "title": "This month", "settings": {"count": 5, "period": "30d"}},
            {"type": "popular_posts", "title": "Ever", "settings": {"count": 2, "period": "all"}},
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{stored}");
    assert_eq!(
        stored["items"][2]["settings"],
        json!({"count": 5, "period": "30d"})
    );

    let strings = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let html = app.page("/").await;
    assert_eq!(
        popular_lists(&html),
        [
            ("This week".to_owned(), strings(&["Read this week"])),
            (
                "This month".to_owned(),
                strings(&["Read this month", "Read this week"])
            ),
            (
                "Ever".to_owned(),
                strings(&["Read long ago", "Read this month"])
            ),
        ],
        "robots' views and pages are not counted"
    );
    let link = format!(
        "<a href=\"{}\">Read long ago</a>",
        long_ago["url"].as_str().unwrap()
    );
    assert!(html.contains(&link), "each post links to its page");
}

#[tokio::test]
async fn bad_counts_and_periods_are_refused_naming_the_item() {
    let mut app = TestApp::start().await;
    let good = json!({"type": "popular_posts", "title": "Popular", "settings": {"count": 3, "period": "all"}});
    assert_eq!(put_layout(&mut app, json!([good])).await.0, StatusCode::OK);
    for (settings, field) in [
        (json!({"count": 0}), "items[1].settings.count: "),
        (
            json!({"count": 21, "period": "7d"}),
            "items[1].settings.count: ",
        ),
        (json!({"count": "five"}), "items[1].settings: "),
        (json!({"period": "1y"}), "items[1].settings: "),
        (
            json!({"period": "7d", "thumbnails": true}),
            "items[1].settings: ",
        ),
    ] {
        let (status, body) = put_layout(
            &mut app,
            json!([{"type": "search"}, {"type": "popular_posts", "title": "P", "settings": settings}]),
        )
        .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{settings}: {body}"
        );
        let message = body["error"]["message"].as_str().unwrap();
        assert!(message.starts_with(field), "{settings}: {message}");
    }
    let (_, layout) = app.api(Method::GET, "/layout", None).await;
    assert_eq!(layout["items"].as_array().unwrap().len(), 1, "{layout}");
    assert_eq!(
        layout["items"][0]["settings"],
        json!({"count": 3, "period": "all"})
    );
}

#[tokio::test]
async fn the_layout_page_adds_and_edits_popular_posts_without_script() {
    let mut app = TestApp::start().await;
    app.token();
    let mut admin = Browser::new(&app);
    admin.sign_in("owner@example.com", PASSWORD).await;
    let form = admin.get("/admin/layout?add=popular_posts").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Views counted"), "{}", form.body);
    let csrf = hidden(&form.body, "csrf");
    let added = admin
        .post(
            "/admin/layout",
            &[
                ("csrf", &csrf),
                ("op", "add"),
                ("type", "popular_posts"),
                ("title", "Most read"),
                ("count", "4"),
                ("period", "7d"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let refused = admin
        .post(
            "/admin/layout",
            &[
                ("csrf", &csrf),
                ("op", "save"),
                ("index", "6"),
                ("title", "Most read"),
                ("count", "40"),
                ("period", "7d"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("items[6].settings.count"),
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("value=\"40\""),
        "what was typed is kept"
    );

    let (_, layout) = app.api(Method::GET, "/layout", None).await;
    let last = &layout["items"][6];
    assert_eq!(last["type"], "popular_posts", "{layout}");
    assert_eq!(last["title"], "Most read");
    assert_eq!(last["settings"], json!({"count": 4, "period": "7d"}));
    assert_eq!(popular_lists(&app.page("/").await).len(), 1);
}
