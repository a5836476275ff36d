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

fn theme_unit_test() -> PathBuf {
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
        "imported: 58 posts, 21 pages, 33 comments"
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

    // Importing again adds nothing.
    assert_eq!(
        import(&app, "wordpress", &file),
        "imported: 0 posts, 0 pages, 0 comments, 112 already there"
    );
    assert_eq!(total(&mut app, "/posts").await, 79);
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
