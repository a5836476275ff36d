//! Moving in (SPEC section 2 and 3): a Blogger or WordPress export imported
//! with one command keeps every URL, id and comment; a broken file changes
//! nothing; the same file twice adds nothing.

use std::path::PathBuf;
use std::process::Output;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{TestApp, texts_of_class};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tidings-import/tests/fixtures")
        .join(name)
}

pub fn theme_unit_test() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/testdata/wordpress-theme-unit-test.xml")
}

/// Runs `tidings import FORMAT FILE`, asserting success, and answers the
/// summary (the last line of stdout).
pub fn import(app: &TestApp, format: &str, file: &std::path::Path) -> String {
    let out = app.cli(&["import", format, file.to_str().unwrap()], None);
    assert!(
        out.status.success(),
        "import {format}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    last_line(&out)
}

fn last_line(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .last()
        .unwrap_or_default()
        .to_owned()
}

async fn total(app: &mut TestApp, path: &str) -> i64 {
    let (status, json) = app.api(Method::GET, path, None).await;
    assert_eq!(status, StatusCode::OK, "{path}: {json}");
    json["total"].as_i64().unwrap()
}

async fn items(app: &mut TestApp, path: &str) -> Vec<Value> {
    let (status, json) = app.api(Method::GET, path, None).await;
    assert_eq!(status, StatusCode::OK, "{path}: {json}");
    json["items"].as_array().unwrap().clone()
}

#[tokio::test]
async fn blogger_export_keeps_every_url_id_and_comment() {
    let mut app = TestApp::start().await;
    let file = fixture("blogger-orchard.xml");
    assert_eq!(
        import(&app, "blogger", &file),
        "imported: 4 posts, 2 pages, 6 comments"
    );

    // Old paths answer with the same post, its comments threaded, ids kept.
    let html = app.page("/2012/03/hello-orchard.html").await;
    assert!(html.contains("Hello, orchard"));
    assert!(!html.contains("alert(1)"), "imported HTML is sanitised");
    let parent = html
        .find(r#"id="c5550000000000000011""#)
        .expect("comment id kept");
    let reply = html
        .find(r#"id="c5550000000000000012""#)
        .expect("reply id kept");
    assert!(parent < reply);
    assert!(html.contains("2 comments:"), "{html}");
    let reply_text = &html[reply..];
    assert!(reply_text.contains("Thanks! The grafting went well."));
    assert!(
        app.page("/2013/11/creme-brulee-at-midnight.html")
            .await
            .contains("Crème brûlée at midnight")
    );
    assert!(
        app.page("/2014/10/blog-post.html")
            .await
            .contains("東京の秋")
    );
    let about = app.page("/p/about.html").await;
    assert!(about.contains("About the orchard"));
    assert!(about.contains(r#"id="c5550000000000000015""#));
    assert!(app.page("/p/contact.html").await.contains("Contact"));

    // Blogger's per-post comment feed keeps working under the old post id.
    let r = app.get("/feeds/1000000000000000001/comments/default").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.text().await.unwrap().contains("Welcome to blogging"));

    // Labels with spaces and non-ASCII.
    let label = app.page("/search/label/K%C3%BCche%20%26%20Keller").await;
    assert!(label.contains("Crème brûlée at midnight"));
    let travel = app.page("/search/label/%E6%97%85%E8%A1%8C").await;
    assert!(travel.contains("東京の秋"));

    // The draft stays hidden; the settings came along.
    let home = app.page("/").await;
    assert!(!home.contains("Unfinished thoughts"));
    assert!(home.contains("Notes from the Orchard"));
    assert_eq!(total(&mut app, "/posts?status=draft").await, 1);
    assert_eq!(total(&mut app, "/posts?kind=page").await, 2);
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(blog["timezone"], "Europe/Berlin");
    assert_eq!(blog["posts_per_page"], 5);

    // The same file again adds nothing.
    assert_eq!(
        import(&app, "blogger", &file),
        "imported: 0 posts, 0 pages, 0 comments, 12 already there"
    );
    assert_eq!(total(&mut app, "/posts").await, 6);
    assert_eq!(total(&mut app, "/comments").await, 6);

    // Posts and comments written after the import get fresh ids (on
    // PostgreSQL the identity sequences were moved past the kept ids).
    let post = app
        .post(json!({"title": "After the move", "body": "New home.", "status": "published"}))
        .await;
    let path = post["url"].as_str().unwrap().to_owned();
    assert!(app.page(&path).await.contains("New home."));
    app.settings(json!({"comment_min_seconds": 0})).await;
    let location = app
        .comment(&path, &[("name", "Pip"), ("body", "Welcome!")])
        .await
        .unwrap();
    assert!(location.contains("#c"), "{location}");
    let page = app.page(&path).await;
    assert_eq!(texts_of_class(&page, "comment-author").len(), 1);
}

#[tokio::test]
async fn broken_blogger_files_change_nothing() {
    let mut app = TestApp::start().await;
    let whole = std::fs::read_to_string(fixture("blogger-orchard.xml")).unwrap();
    let dir = app.data.join("inputs");
    std::fs::create_dir_all(&dir).unwrap();
    let cases = [
        ("truncated.xml", whole[..whole.len() * 2 / 3].to_owned()),
        (
            "mismatched.xml",
            whole.replacen("<title type='text'>Contact</title>", "<title>Contact</b>", 1),
        ),
        (
            "entity.xml",
            "<?xml version='1.0'?>\n<!DOCTYPE feed [<!ENTITY boom \"boom\">]>\n<feed xmlns='http://www.w3.org/2005/Atom'>&boom;</feed>".to_owned(),
        ),
        (
            "notblogger.xml",
            "<rss version='2.0'><channel><title>x</title></channel></rss>".to_owned(),
        ),
    ];
    for (name, content) in cases {
        let path = dir.join(name);
        std::fs::write(&path, content).unwrap();
        let out = app.cli(&["import", "blogger", path.to_str().unwrap()], None);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!out.status.success(), "{name} was accepted");
        assert!(
            err.contains(name),
            "{name}: the reason names the file: {err}"
        );
        assert!(
            err.contains("line "),
            "{name}: the reason names the line: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{name}: one line: {err}");
    }
    assert_eq!(total(&mut app, "/posts").await, 0);
    assert_eq!(total(&mut app, "/comments").await, 0);
    let r = app.get("/2012/03/hello-orchard.html").await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_ne!(blog["title"], "Notes from the Orchard");
}

#[tokio::test]
async fn blogger_path_taken_by_another_post_fails_whole() {
    let mut app = TestApp::start().await;
    let (status, json) = app
        .api(
            Method::POST,
            "/posts",
            Some(json!({"kind": "page", "title": "Contact", "slug": "contact", "body": "Mine.", "status": "published"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{json}");
    let file = fixture("blogger-orchard.xml");
    let out = app.cli(&["import", "blogger", file.to_str().unwrap()], None);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/p/contact.html"), "{err}");
    assert_eq!(total(&mut app, "/posts").await, 1);
    assert_eq!(total(&mut app, "/comments").await, 0);
}

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
    // The draft, and the password-protected post (kept out of sight as a draft).
    assert_eq!(total(&mut app, "/posts?kind=post&status=draft").await, 2);
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
    assert!(labels.contains(&"Template"), "{labels:?}");
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

/// The sidebar's list of pages, as HTML.
pub fn pages_widget(html: &str) -> String {
    let start = html
        .find(r#"<section class="widget pages-widget">"#)
        .expect("a list of pages");
    let end = start + html[start..].find("</section>").unwrap();
    html[start..end].to_owned()
}

#[tokio::test]
async fn truncated_wordpress_file_changes_nothing() {
    let mut app = TestApp::start().await;
    let whole = std::fs::read(theme_unit_test()).unwrap();
    let path = app.data.join("cut.xml");
    std::fs::create_dir_all(&app.data).unwrap();
    std::fs::write(&path, &whole[..whole.len() - 2000]).unwrap();
    let out = app.cli(&["import", "wordpress", path.to_str().unwrap()], None);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cut.xml") && err.contains("line "), "{err}");
    assert_eq!(total(&mut app, "/posts").await, 0);
}

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

#[tokio::test]
async fn broken_markdown_site_changes_nothing() {
    let mut app = TestApp::start().await;
    let site = app.data.join("site");
    std::fs::create_dir_all(site.join("_posts")).unwrap();
    std::fs::write(
        site.join("_posts/2020-01-01-good.md"),
        "---\ntitle: Good\n---\nFine.\n",
    )
    .unwrap();
    for (name, text, line) in [
        (
            "bad-date.md",
            "---\ntitle: x\ndate: next tuesday\n---\n",
            "line 3",
        ),
        ("unclosed.md", "+++\ntitle = \"x\"\n", "line 1"),
        ("bad-yaml.md", "---\ntitle: x\ntags: [a, b\n---\n", "line "),
    ] {
        let bad = site.join("_posts").join(name);
        std::fs::write(&bad, text).unwrap();
        let out = app.cli(&["import", "markdown", site.to_str().unwrap()], None);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!out.status.success(), "{name} was accepted");
        assert!(err.contains(name) && err.contains(line), "{name}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        std::fs::remove_file(bad).unwrap();
    }
    assert_eq!(total(&mut app, "/posts").await, 0);
    let out = app.cli(&["import", "markdown", "/no/such/dir"], None);
    assert!(!out.status.success());
}

/// Google Takeout's `feed.atom` (Blogger's newer export), read by the same
/// `import blogger` command.
fn takeout() -> PathBuf {
    fixture("blogger-takeout-lanterns.atom")
}

#[tokio::test]
async fn blogger_takeout_keeps_every_url_id_status_and_thread() {
    let mut app = TestApp::start().await;
    let file = takeout();
    let out = app.cli(&["import", "blogger", file.to_str().unwrap()], None);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    // The trashed post stays out, with its comment, and the owner is told.
    assert!(
        err.contains("in Blogger's trash, with its comment"),
        "{err}"
    );
    // Posts count drafts and the scheduled one; comments count replies and
    // the one removed in Blogger.
    assert_eq!(last_line(&out), "imported: 6 posts, 3 pages, 8 comments");

    // Every live post and page answers at its old path.
    let first = app.page("/2011/07/first-lantern.html").await;
    assert!(first.contains("Lighting the first lantern"));
    assert!(!first.contains("alert(1)"), "imported HTML is sanitised");
    let ids: Vec<usize> = [
        "7770000000000000001",
        "7770000000000000002",
        "7770000000000000003",
    ]
    .iter()
    .map(|id| {
        first
            .find(&format!(r#"id="c{id}""#))
            .unwrap_or_else(|| panic!("comment {id} keeps its id: {first}"))
    })
    .collect();
    assert!(ids[0] < ids[1] && ids[1] < ids[2], "threads in order");
    assert!(first.contains("Zoë Lampwright"));
    assert!(first.contains("Anonymous"));
    let noel = app.page("/2015/12/noel-sous-la-neige.html").await;
    assert!(
        noel.contains("Noël sous la neige : crème &amp; marrons"),
        "{noel}"
    );
    assert!(
        !noel.contains("Buy lanterns cheap"),
        "a trashed comment stays hidden"
    );
    assert!(
        app.page("/2019/03/uber-laternen-und-zahlen.html")
            .await
            .contains("Über Laternen und Zahlen")
    );
    let about = app.page("/p/about.html").await;
    assert!(about.contains("À propos des lanternes"));
    let (q, a) = (
        about
            .find(r#"id="c7770000000000000010""#)
            .expect("page comment"),
        about
            .find(r#"id="c7770000000000000011""#)
            .expect("page reply"),
    );
    assert!(q < a);
    assert!(app.page("/p/contact.html").await.contains("Contact"));

    // Ids kept: the per-post comment feed answers under the Blogger post id.
    let r = app.get("/feeds/3000000000000000001/comments/default").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.text().await.unwrap().contains("What do you burn in it?"));

    // Threads: each reply names its parent; top-level comments none.
    let comments = items(&mut app, "/comments?limit=500").await;
    assert_eq!(comments.len(), 8);
    let parent_of = |id: i64| {
        comments
            .iter()
            .find(|c| c["id"] == id)
            .unwrap_or_else(|| panic!("comment {id}"))["parent"]
            .as_i64()
    };
    assert_eq!(parent_of(7770000000000000001), None);
    assert_eq!(parent_of(7770000000000000002), Some(7770000000000000001));
    assert_eq!(parent_of(7770000000000000003), Some(7770000000000000002));
    assert_eq!(parent_of(7770000000000000011), Some(7770000000000000010));
    assert_eq!(total(&mut app, "/comments?status=published").await, 7);
    assert_eq!(total(&mut app, "/comments?status=deleted").await, 1);

    // Statuses: two drafts and a draft page hidden, the scheduled post waits,
    // the trashed one is not there at all.
    assert_eq!(total(&mut app, "/posts?kind=post").await, 6);
    assert_eq!(total(&mut app, "/posts?kind=page").await, 3);
    assert_eq!(total(&mut app, "/posts?kind=post&status=draft").await, 2);
    assert_eq!(
        total(&mut app, "/posts?kind=post&status=scheduled").await,
        1
    );
    for hidden in [
        "/2099/06/letter-to-future.html",
        "/2020/01/half-thought-about-wicks.html",
        "/2018/02/regrettable-rant.html",
        "/p/colophon.html",
    ] {
        assert_eq!(
            app.get(hidden).await.status(),
            StatusCode::NOT_FOUND,
            "{hidden}"
        );
    }
    let home = app.page("/").await;
    assert!(!home.contains("Half a thought about wicks"));
    assert!(!home.contains("A letter to the future"));
    assert!(!home.contains("regrettable rant"));

    // Labels with spaces, apostrophes and non-ASCII.
    for (label, title) in [
        ("night%20walks", "Über Laternen und Zahlen"),
        ("F%C3%AAtes%20d%27hiver", "Noël sous la neige"),
        ("%E9%A3%9F%E3%81%B9%E7%89%A9", "Noël sous la neige"),
        ("Zahlen%20%26%20B%C3%BCcher", "Über Laternen und Zahlen"),
    ] {
        let page = app.page(&format!("/search/label/{label}")).await;
        assert!(page.contains(title), "{label}: {page}");
    }
    // Takeout has no settings entries: the feed's title is the blog's.
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(blog["title"], "Lanterns & Ledgers — Café notes");

    // The same file again adds nothing.
    assert_eq!(
        import(&app, "blogger", &file),
        "imported: 0 posts, 0 pages, 0 comments, 17 already there"
    );
    assert_eq!(total(&mut app, "/posts").await, 9);
    assert_eq!(total(&mut app, "/comments").await, 8);
}

#[tokio::test]
async fn broken_blogger_takeout_files_change_nothing() {
    let mut app = TestApp::start().await;
    let whole = std::fs::read_to_string(takeout()).unwrap();
    let dir = app.data.join("inputs");
    std::fs::create_dir_all(&dir).unwrap();
    let no_parent = whole.replacen(
        "<blogger:parent>tag:blogger.com,1999:blog-9182736450011223344.post-3000000000000000001</blogger:parent>",
        "",
        1,
    );
    let bad_date = whole.replacen(
        "<published>2019-03-02T08:00:00.000+01:00</published>",
        "<published>2 March 2019</published>",
        1,
    );
    let bad_line = whole
        .lines()
        .position(|l| l.contains("2019-03-02T08:00:00.000+01:00</published>"))
        .unwrap()
        + 1;
    let cases = [
        (
            "truncated.atom",
            whole[..whole.len() * 2 / 3].to_owned(),
            None,
        ),
        // The entry that lacks it starts on line 7.
        ("orphan.atom", no_parent, Some("line 7".to_owned())),
        ("date.atom", bad_date, Some(format!("line {bad_line}"))),
    ];
    for (name, content, line) in cases {
        let path = dir.join(name);
        std::fs::write(&path, content).unwrap();
        let out = app.cli(&["import", "blogger", path.to_str().unwrap()], None);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!out.status.success(), "{name} was accepted");
        assert!(
            err.contains(name),
            "{name}: the reason names the file: {err}"
        );
        assert!(
            err.contains(line.as_deref().unwrap_or("line ")),
            "{name}: the reason names the line: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{name}: one line: {err}");
        assert!(String::from_utf8_lossy(&out.stdout).trim().is_empty());
    }
    assert_eq!(total(&mut app, "/posts").await, 0);
    assert_eq!(total(&mut app, "/comments").await, 0);
    assert_eq!(
        app.get("/2011/07/first-lantern.html").await.status(),
        StatusCode::NOT_FOUND
    );
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_ne!(blog["title"], "Lanterns & Ledgers — Café notes");
}

/// The page at `path` once it shows `needle`: a write by the CLI reaches a
/// running server's render cache within the cache's poll interval.
async fn page_showing(app: &TestApp, path: &str, needle: &str) -> String {
    for _ in 0..50 {
        let html = app.page(path).await;
        if html.contains(needle) {
            return html;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("{path} never showed {needle}: {}", app.page(path).await);
}

/// A WordPress export of one post with three attachments on `origin`
/// (`http://127.0.0.1:PORT`), written into the app's data directory.
fn wxr_with_attachments(app: &TestApp, origin: &str) -> PathBuf {
    let attachment = |id: u32, name: &str, title: &str| {
        format!(
            "<item><title>{title}</title><wp:post_id>{id}</wp:post_id>\
             <wp:post_date_gmt>2011-07-04 10:00:00</wp:post_date_gmt>\
             <wp:status>inherit</wp:status><wp:post_parent>10</wp:post_parent>\
             <wp:post_type>attachment</wp:post_type>\
             <wp:attachment_url>{origin}/wp-content/uploads/{name}</wp:attachment_url></item>\n"
        )
    };
    let text = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Lanterns</title><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Lanterns at dusk</title><link>{origin}/2011/07/04/lanterns/</link>
<dc:creator>keeper</dc:creator><content:encoded><![CDATA[<p><img src="{origin}/wp-content/uploads/2011/07/lantern.png?w=300" alt="a lantern"></p>
<p><a href="{origin}/wp-content/uploads/2011/07/notes.pdf">notes</a> <img src="{origin}/wp-content/uploads/2011/08/late.jpg"></p>]]></content:encoded>
<wp:post_id>10</wp:post_id><wp:post_date_gmt>2011-07-04 10:00:00</wp:post_date_gmt>
<wp:post_name>lanterns</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
{}{}{}</channel></rss>
"#,
        attachment(11, "2011/07/lantern.png", "A lantern"),
        attachment(12, "2011/07/notes.pdf", "Notes"),
        attachment(13, "2011/08/late.jpg", "Late"),
    );
    std::fs::create_dir_all(&app.data).unwrap();
    let path = app.data.join("lanterns.xml");
    std::fs::write(&path, text).unwrap();
    path
}

/// A tiny HTTP server on 127.0.0.1 for `--fetch-media`: it answers the
/// three uploads (`late.jpg` only once `late` is set, 404 before), and
/// counts requests.
struct Uploads {
    origin: String,
    requests: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    late: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\nnot really a picture";

impl Uploads {
    fn start() -> Self {
        use std::io::{BufRead, BufReader, Write};
        use std::sync::atomic::Ordering;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let origin = format!("http://{}", listener.local_addr().unwrap());
        let requests = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let late = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (count, ready) = (requests.clone(), late.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut line = String::new();
                let _ = reader.read_line(&mut line);
                // The rest of the request head.
                let mut header = String::new();
                while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                    header.clear();
                }
                count.fetch_add(1, Ordering::SeqCst);
                let path = line.split(' ').nth(1).unwrap_or_default();
                let (status, kind, body): (&str, &str, &[u8]) = match path {
                    "/wp-content/uploads/2011/07/lantern.png" => ("200 OK", "image/png", PNG),
                    "/wp-content/uploads/2011/07/notes.pdf" => {
                        ("200 OK", "application/pdf", b"%PDF-1.4 notes")
                    }
                    "/wp-content/uploads/2011/08/late.jpg" if ready.load(Ordering::SeqCst) => {
                        ("200 OK", "image/jpeg", b"JFIF late")
                    }
                    _ => ("404 Not Found", "text/plain", b"gone"),
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\
                     Connection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(body);
            }
        });
        Self {
            origin,
            requests,
            late,
        }
    }

    fn requests(&self) -> usize {
        self.requests.load(std::sync::atomic::Ordering::SeqCst)
    }
}

#[tokio::test]
async fn wordpress_fetch_media_copies_files_serves_them_and_keeps_failures() {
    let app = TestApp::start().await;
    let uploads = Uploads::start();
    let file = wxr_with_attachments(&app, &uploads.origin);
    let old = |name: &str| format!("{}/wp-content/uploads/{name}", uploads.origin);

    // Without the flag the attachments are recorded and nothing is fetched.
    assert_eq!(
        import(&app, "wordpress", &file),
        "imported: 1 posts, 0 pages, 0 comments, 3 attachments"
    );
    assert_eq!(uploads.requests(), 0);
    let post = "/2011/07/lanterns.html";
    assert!(app.page(post).await.contains(&old("2011/07/lantern.png")));

    // With it, every file is fetched once; the one that fails is named and
    // keeps its old address; the import stands.
    let out = app.cli(
        &[
            "import",
            "wordpress",
            "--fetch-media",
            file.to_str().unwrap(),
        ],
        None,
    );
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    assert_eq!(
        last_line(&out),
        "imported: 0 posts, 0 pages, 0 comments, 4 already there"
    );
    assert_eq!(uploads.requests(), 3);
    assert!(
        err.contains(&format!(
            "not fetched, the old address is kept: {}",
            old("2011/08/late.jpg")
        )),
        "{err}"
    );
    assert!(err.contains("fetched 2 of 3 files"), "{err}");
    assert!(err.contains("1 posts now use the copies"), "{err}");
    let html = page_showing(&app, post, r#"src="/media/2011/07/lantern.png?w=300""#).await;
    assert!(
        html.contains(r#"href="/media/2011/07/notes.pdf""#),
        "{html}"
    );
    assert!(html.contains(&old("2011/08/late.jpg")), "{html}");

    // The copies are served with their type, a long cache and a sandbox.
    let r = app.get("/media/2011/07/lantern.png").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "image/png");
    let cache = r.headers()["cache-control"].to_str().unwrap().to_owned();
    assert!(cache.contains("max-age=31536000"), "{cache}");
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains("sandbox"), "{csp}");
    assert_eq!(&r.bytes().await.unwrap()[..], PNG);
    let r = app.get("/media/2011/07/notes.pdf").await;
    assert_eq!(r.headers()["content-type"], "application/pdf");
    for missing in [
        "/media/2011/08/late.jpg",
        "/media/2011/07/other.png",
        "/media/../tidings.db",
        "/media/%2e%2e/tidings.db",
        "/media/",
    ] {
        assert_eq!(
            app.get(missing).await.status(),
            StatusCode::NOT_FOUND,
            "{missing}"
        );
    }

    // Once the file is there, running again fetches only what is missing.
    uploads
        .late
        .store(true, std::sync::atomic::Ordering::SeqCst);
    let out = app.cli(
        &[
            "import",
            "wordpress",
            "--fetch-media",
            file.to_str().unwrap(),
        ],
        None,
    );
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    assert!(err.contains("fetched 1 of 1 files"), "{err}");
    assert_eq!(uploads.requests(), 4);
    page_showing(&app, post, r#"src="/media/2011/08/late.jpg""#).await;
    assert_eq!(
        &app.get("/media/2011/08/late.jpg")
            .await
            .bytes()
            .await
            .unwrap()[..],
        b"JFIF late"
    );
}

/// An export whose three authors are a member by e-mail, a member by
/// login, and someone else.
fn wxr_with_authors(app: &TestApp) -> PathBuf {
    let author = |login: &str, email: &str, name: &str| {
        format!(
            "<wp:author><wp:author_login><![CDATA[{login}]]></wp:author_login>\
             <wp:author_email><![CDATA[{email}]]></wp:author_email>\
             <wp:author_display_name><![CDATA[{name}]]></wp:author_display_name></wp:author>\n"
        )
    };
    let post = |id: u32, login: &str| {
        format!(
            "<item><title>Post {id}</title><dc:creator>{login}</dc:creator>\
             <content:encoded><![CDATA[By {login}.]]></content:encoded>\
             <wp:post_id>{id}</wp:post_id><wp:post_date_gmt>2015-03-0{} 10:00:00</wp:post_date_gmt>\
             <wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>\n",
            id - 19
        )
    };
    let text = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Three hands</title><wp:wxr_version>1.2</wp:wxr_version>
{}{}{}{}{}{}</channel></rss>
"#,
        author("annie", "ANN@example.org", "Ann Archer"),
        author("bob", "robert@old.example", "Bob Builder"),
        author("carol", "carol@old.example", "Carol Cook"),
        post(20, "annie"),
        post(21, "bob"),
        post(22, "carol"),
    );
    std::fs::create_dir_all(&app.data).unwrap();
    let path = app.data.join("authors.xml");
    std::fs::write(&path, text).unwrap();
    path
}

#[tokio::test]
async fn imported_authors_who_are_members_own_their_posts() {
    let mut app = TestApp::start().await;
    let ann = app.user_token("ann@example.org", "author");
    let bob = app.user_token("bob@example.org", "author");
    let file = wxr_with_authors(&app);
    let out = app.cli(&["import", "wordpress", file.to_str().unwrap()], None);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(r#"posts by "ANN@example.org" belong to the member "ann""#),
        "{err}"
    );
    assert!(
        err.contains(r#"posts by "bob" belong to the member "bob""#),
        "{err}"
    );

    let posts = items(&mut app, "/posts?limit=10").await;
    let by_title = |t: &str| posts.iter().find(|p| p["title"] == t).unwrap().clone();
    // Members get their own name; others stay named authors.
    assert_eq!(by_title("Post 20")["author"], "ann");
    assert_eq!(by_title("Post 21")["author"], "bob");
    assert_eq!(by_title("Post 22")["author"], "Carol Cook");
    // And their posts are theirs: an author may change only their own.
    let change = |id: &Value| format!("/posts/{id}");
    let edit = json!({"title": "Changed"});
    for (token, post, status) in [
        (&ann, "Post 20", StatusCode::OK),
        (&ann, "Post 21", StatusCode::FORBIDDEN),
        (&bob, "Post 21", StatusCode::OK),
        (&bob, "Post 22", StatusCode::FORBIDDEN),
    ] {
        let (got, body) = app
            .api_as(
                token,
                Method::PATCH,
                &change(&by_title(post)["id"]),
                Some(edit.clone()),
            )
            .await;
        assert_eq!(got, status, "{post}: {body}");
    }
}

#[tokio::test]
async fn blogger_authors_who_are_members_own_their_posts() {
    let mut app = TestApp::start().await;
    let out = app.cli(
        &[
            "user",
            "add",
            "--email",
            "quince@example.org",
            "--name",
            "Quince Keeper",
            "--role",
            "author",
            "--password-stdin",
        ],
        Some("a long enough password\n"),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = app.cli(&["token", "create", "--email", "quince@example.org"], None);
    let quince = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .last()
        .unwrap()
        .trim()
        .to_owned();
    let other = app.user_token("pip@example.org", "author");
    import(&app, "blogger", &fixture("blogger-orchard.xml"));
    let posts = items(&mut app, "/posts?limit=10").await;
    let hello = posts
        .iter()
        .find(|p| p["title"] == "Hello, orchard")
        .unwrap();
    let path = format!("/posts/{}", hello["id"]);
    let edit = Some(json!({"labels": ["orchard"]}));
    let (status, _) = app.api_as(&other, Method::PATCH, &path, edit.clone()).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = app.api_as(&quince, Method::PATCH, &path, edit).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}
