//! Page views: what readers' visits of posts and pages (kept pages or not)
//! add to the Stats page within seconds, robots apart, the sites readers
//! came from, several nodes summing into the same counts, the last counts
//! of a stopping node kept, and what the tables hold (nothing about the
//! reader).

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::json;

use crate::admin::{Browser, PASSWORD};
use crate::support::TestApp;

const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0";
const GOOGLEBOT: &str = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

/// How long counts may take to reach the Stats page: the promise is ten
/// seconds; a loaded test machine gets a little more.
const WITHIN: Duration = Duration::from_secs(14);

/// Visits `url` as a client with `agent`, coming from `referer`; answers
/// whether the render cache answered.
async fn visit(app: &TestApp, url: &str, agent: &str, referer: Option<&str>) -> bool {
    let mut req = app.client.get(url).header("user-agent", agent);
    if let Some(r) = referer {
        req = req.header("referer", r);
    }
    let r = req.send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK, "GET {url}");
    r.headers()
        .get("x-tidings-cache")
        .is_some_and(|v| v == "hit")
}

/// Starts a node whose blog's day is far from its end: a test counting
/// today's views must not see the day change between its visits and its look
/// at the Stats page (a run at 23:59:59 UTC once did).
async fn start(args: &[&str]) -> TestApp {
    let mut app = TestApp::start_with(args).await;
    app.settings(json!({"timezone": away_from_midnight()}))
        .await;
    app
}

/// A time zone in which it is now between 02:00 and 22:00.
fn away_from_midnight() -> &'static str {
    use chrono::Timelike;
    if (2..22).contains(&chrono::Utc::now().hour()) {
        "UTC"
    } else {
        "Asia/Tokyo"
    }
}

/// The number the Stats page shows in the element of `class`.
fn figure(html: &str, class: &str) -> i64 {
    let start = html
        .find(&format!("class=\"{class}\">"))
        .unwrap_or_else(|| panic!("no {class} on the Stats page"));
    let rest = &html[start..];
    let rest = &rest[rest.find('>').unwrap() + 1..];
    rest[..rest.find('<').unwrap()].trim().parse().unwrap()
}

/// The Stats page, once `done` holds for it (counts arrive within seconds).
async fn stats_when(admin: &mut Browser<'_>, done: impl Fn(&str) -> bool) -> String {
    let started = Instant::now();
    loop {
        let page = admin.get("/admin/stats").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        if done(&page.body) || started.elapsed() > WITHIN {
            return page.body;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

/// The rows of the table of `class`, as their cells' text.
fn rows(html: &str, class: &str) -> Vec<String> {
    let start = html
        .find(&format!("<table class=\"{class}\">"))
        .unwrap_or_else(|| panic!("no table {class}"));
    let table = &html[start..start + html[start..].find("</table>").unwrap()];
    let body = &table[table.find("<tbody>").unwrap()..];
    body.split("<tr>").skip(1).map(cells).collect()
}

/// The texts between a row's tags, each trimmed, joined by one space.
fn cells(row: &str) -> String {
    row.split('<')
        .filter_map(|piece| piece.split_once('>').map(|(_, text)| text.trim()))
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

async fn signed_in_admin(app: &mut TestApp) -> Browser<'_> {
    app.token();
    let mut admin = Browser::new(app);
    admin.sign_in("owner@example.com", PASSWORD).await;
    admin
}

#[tokio::test]
async fn readers_views_reach_the_stats_page_robots_and_referrers_apart() {
    let mut app = start(&[]).await;
    let post = app
        .post(json!({"title": "Counted post", "body": "Read me.", "status": "published"}))
        .await;
    let page = app
        .post(json!({"title": "About", "body": "Me.", "status": "published", "kind": "page"}))
        .await;
    let post_url = app.url(post["url"].as_str().unwrap());
    let page_url = app.url(page["url"].as_str().unwrap());

    let mut hits = 0;
    for _ in 0..3 {
        hits += usize::from(visit(&app, &post_url, FIREFOX, None).await);
    }
    assert!(hits >= 1, "later views are answered from the cache");
    visit(
        &app,
        &post_url,
        FIREFOX,
        Some("https://news.example.org/item?id=42"),
    )
    .await;
    // Going from one of the blog's pages to another is no referral.
    visit(&app, &post_url, FIREFOX, Some(&app.url("/"))).await;
    visit(&app, &post_url, GOOGLEBOT, Some("https://spam.example/")).await;
    visit(&app, &post_url, GOOGLEBOT, None).await;
    visit(&app, &page_url, FIREFOX, None).await;
    // Lists are not views of a post.
    app.page("/").await;

    let mut admin = signed_in_admin(&mut app).await;
    // The owner's own look at the post, signed in, is not a reader's view.
    assert_eq!(
        admin.get(post["url"].as_str().unwrap()).await.status,
        StatusCode::OK
    );
    let html = stats_when(&mut admin, |h| h.contains("views-today\">6<")).await;
    assert_eq!(
        figure(&html, "views-today"),
        6,
        "5 of the post, 1 of the page"
    );
    assert_eq!(figure(&html, "bot-views-today"), 2);
    assert_eq!(figure(&html, "views-yesterday"), 0);
    assert_eq!(figure(&html, "views-total"), 6);
    assert_eq!(figure(&html, "bot-views"), 2);
    assert_eq!(
        rows(&html, "top-posts"),
        ["Counted post 5", "About 1"],
        "pages are listed too, most read first"
    );
    assert_eq!(rows(&html, "top-referrers"), ["news.example.org 1"]);
    // The chart, drawn on the server, with its text alternative.
    assert!(html.contains("<svg viewBox=") && html.contains("role=\"img\""));
    assert_eq!(html.matches("<rect class=\"bar\"").count(), 30);
    let days = rows(&html, "views-per-day");
    assert_eq!(days.len(), 30);
    assert!(days[0].ends_with(" 6 2"), "today first: {}", days[0]);
    assert!(!html.contains("<script"), "no script draws it");
}

#[tokio::test]
async fn pages_rendered_for_every_request_count_too() {
    let mut app = start(&["--no-cache"]).await;
    let post = app
        .post(json!({"title": "Uncached", "body": "x", "status": "published"}))
        .await;
    let url = app.url(post["url"].as_str().unwrap());
    for _ in 0..2 {
        assert!(!visit(&app, &url, FIREFOX, None).await);
    }
    let mut admin = signed_in_admin(&mut app).await;
    let html = stats_when(&mut admin, |h| h.contains("views-today\">2<")).await;
    assert_eq!(figure(&html, "views-today"), 2);
}

#[tokio::test]
async fn who_may_see_the_stats_page() {
    let mut app = start(&[]).await;
    app.token();
    app.member_token("author@example.com", "Author", "author", None);
    app.member_token("helper@example.com", "Helper", "contributor", None);
    let mut author = Browser::new(&app);
    author.sign_in("author@example.com", PASSWORD).await;
    let page = author.get("/admin/stats").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("href=\"/admin/stats\""),
        "in the author's menu"
    );
    let mut contributor = Browser::new(&app);
    contributor.sign_in("helper@example.com", PASSWORD).await;
    let page = contributor.get("/admin/stats").await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    let dashboard = contributor.get("/admin").await;
    assert!(!dashboard.body.contains("href=\"/admin/stats\""));
    assert_eq!(
        Browser::new(&app).get("/admin/stats").await.status,
        StatusCode::SEE_OTHER,
        "signed out: to the sign-in page"
    );
}

#[tokio::test]
async fn two_nodes_add_into_the_same_counts() {
    let mut app = start(&[]).await; // node A
    let post = app
        .post(json!({"title": "Both nodes", "body": "x", "status": "published"}))
        .await;
    let path = post["url"].as_str().unwrap().to_owned();
    let b = app.another_node();
    for _ in 0..3 {
        visit(&app, &app.url(&path), FIREFOX, None).await;
    }
    for _ in 0..4 {
        visit(
            &app,
            &b.url(&path),
            FIREFOX,
            Some("https://elsewhere.example/"),
        )
        .await;
    }
    let mut admin = signed_in_admin(&mut app).await;
    let html = stats_when(&mut admin, |h| h.contains("views-today\">7<")).await;
    assert_eq!(
        figure(&html, "views-today"),
        7,
        "3 through A and 4 through B"
    );
    assert_eq!(rows(&html, "top-referrers"), ["elsewhere.example 4"]);
}

#[tokio::test]
async fn a_stopping_node_keeps_its_last_counts_and_the_switch_turns_counting_off() {
    let mut app = start(&[]).await;
    let post = app
        .post(json!({"title": "Last words", "body": "x", "status": "published"}))
        .await;
    let path = post["url"].as_str().unwrap().to_owned();
    for _ in 0..2 {
        visit(&app, &app.url(&path), FIREFOX, None).await;
    }
    // Stopped at once: its counts are added as it goes, not lost.
    assert!(app.stop().success());
    app.restart();
    {
        let mut admin = signed_in_admin(&mut app).await;
        let html = admin.get("/admin/stats").await.body;
        assert_eq!(figure(&html, "views-today"), 2);
    }

    // A node started with --no-view-counts counts nothing.
    let mut quiet = start(&["--no-view-counts"]).await;
    let post = quiet
        .post(json!({"title": "Unseen", "body": "x", "status": "published"}))
        .await;
    let url = quiet.url(post["url"].as_str().unwrap());
    for _ in 0..3 {
        visit(&quiet, &url, FIREFOX, None).await;
    }
    assert!(quiet.stop().success());
    quiet.restart();
    let mut admin = signed_in_admin(&mut quiet).await;
    let html = admin.get("/admin/stats").await.body;
    assert_eq!(figure(&html, "views-today"), 0);
}

#[tokio::test]
async fn the_counts_keep_nothing_about_the_reader() {
    let app = TestApp::start().await;
    assert_eq!(
        columns_of(&app, "post_views").await,
        ["blog_id", "bot_views", "day", "post_id", "views"]
    );
    assert_eq!(
        columns_of(&app, "referrer_views").await,
        ["blog_id", "day", "host", "views"]
    );
}

/// The column names of `table`, sorted, on either backend.
async fn columns_of(app: &TestApp, table: &str) -> Vec<String> {
    use sqlx::Connection;
    let mut names: Vec<String> = match app.database_args().get(1) {
        Some(url) => {
            let mut conn = sqlx::PgConnection::connect(url).await.unwrap();
            sqlx::query_scalar(
                "SELECT column_name::text FROM information_schema.columns WHERE table_name = $1",
            )
            .bind(table)
            .fetch_all(&mut conn)
            .await
            .unwrap()
        }
        None => {
            let url = format!("sqlite://{}", app.data.join("tidings.db").display());
            let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
            sqlx::query_scalar("SELECT name FROM pragma_table_info($1)")
                .bind(table)
                .fetch_all(&mut conn)
                .await
                .unwrap()
        }
    };
    names.sort();
    names
}
