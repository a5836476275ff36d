//! Moving out (SPEC section 2): what `tidings export` writes, another
//! Tidings imports into the same blog.

use std::path::Path;

use reqwest::Method;
use serde_json::Value;

use crate::import::{import, pages_widget, theme_unit_test};
use crate::support::{TestApp, texts_of_class};

/// What a reader and the API see of a blog: every post and comment, by id.
async fn contents(app: &mut TestApp) -> (Vec<Value>, Vec<Value>, Value) {
    let fields = |v: &Value, keys: &[&str]| -> Value {
        keys.iter()
            .map(|k| ((*k).to_owned(), v[*k].clone()))
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    let (_, posts) = app.api(Method::GET, "/posts?limit=500", None).await;
    let mut posts: Vec<Value> = posts["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            fields(
                p,
                &[
                    "id",
                    "kind",
                    "title",
                    "url",
                    "status",
                    "labels",
                    "published_at",
                    "body_html",
                    "comments",
                    "password_protected",
                ],
            )
        })
        .collect();
    posts.sort_by_key(|p| p["id"].as_i64());
    let (_, comments) = app
        .api(Method::GET, "/comments?limit=500&status=published", None)
        .await;
    let mut comments: Vec<Value> = comments["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            fields(
                c,
                &[
                    "id",
                    "post_id",
                    "parent",
                    "author",
                    "body",
                    "status",
                    "published_at",
                ],
            )
        })
        .collect();
    comments.sort_by_key(|c| c["id"].as_i64());
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    (posts, comments, blog)
}

/// Runs `tidings export --format FORMAT FILE`, asserting success.
pub fn export(app: &TestApp, format: &str, file: &Path) {
    let out = app.cli(
        &["export", "--format", format, file.to_str().unwrap()],
        None,
    );
    assert!(
        out.status.success(),
        "export {format}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

async fn round_trip(source: &str, file: &Path) {
    let mut first = TestApp::start().await;
    import(&first, source, file);
    // On PostgreSQL nothing else creates the data directory.
    std::fs::create_dir_all(&first.data).unwrap();
    let out = first.data.join("export-blogger.xml");
    export(&first, "blogger", &out);
    let mut second = TestApp::start().await;
    let summary = import(&second, "blogger", &out);
    assert!(summary.starts_with("imported: "), "{summary}");
    let (posts_a, comments_a, blog_a) = contents(&mut first).await;
    let (posts_b, comments_b, blog_b) = contents(&mut second).await;
    assert!(!posts_a.is_empty() && !comments_a.is_empty());
    // Drafts have no public address, so their path is made anew; a
    // password-protected post is a draft in Blogger's format, which has no
    // passwords.
    let published = |ps: &[Value]| -> Vec<Value> {
        ps.iter()
            .filter(|p| p["status"] != "draft" && p["password_protected"] != true)
            .cloned()
            .collect()
    };
    assert_eq!(published(&posts_a), published(&posts_b));
    assert_eq!(posts_a.len(), posts_b.len());
    assert_eq!(comments_a, comments_b);
    for key in [
        "title",
        "description",
        "timezone",
        "posts_per_page",
        "comment_moderation",
    ] {
        assert_eq!(blog_a[key], blog_b[key], "{key}");
    }
}

#[tokio::test]
async fn blogger_export_of_a_blogger_import_round_trips() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tidings-import/tests/fixtures/blogger-orchard.xml");
    round_trip("blogger", &file).await;
}

#[tokio::test]
async fn blogger_export_of_a_wordpress_import_round_trips() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/testdata/wordpress-theme-unit-test.xml");
    round_trip("wordpress", &file).await;
}

#[tokio::test]
async fn backup_copies_a_running_sqlite_blog() {
    let app = TestApp::start().await;
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tidings-import/tests/fixtures/blogger-orchard.xml");
    import(&app, "blogger", &file);
    let backup = app.data.join("backup.db");
    let out = app.cli(&["backup", backup.to_str().unwrap()], None);
    if !app.database_args().is_empty() {
        // PostgreSQL: a clear refusal pointing at pg_dump, nothing written.
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("pg_dump"));
        assert!(!backup.exists());
        return;
    }
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Restoring is opening the copy as a data directory's database.
    let restored = app.data.join("restored");
    std::fs::create_dir_all(&restored).unwrap();
    std::fs::copy(&backup, restored.join("tidings.db")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tidings"))
        .arg("--data")
        .arg(&restored)
        .args(["export", "--format", "blogger"])
        .arg(restored.join("again.xml"))
        .env_remove("TIDINGS_DATABASE_URL")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_default(),
        format!(
            "exported: 4 posts, 2 pages, 6 comments to {}",
            restored.join("again.xml").display()
        )
    );
    // A second backup to the same file is refused, the first left intact.
    let again = app.cli(&["backup", backup.to_str().unwrap()], None);
    assert!(!again.status.success());
}

/// Every post (drafts and scheduled ones too) and every comment (whatever
/// its status), all fields the API shows, by id.
async fn everything(app: &mut TestApp) -> (Value, Value, Value) {
    let (_, posts) = app.api(Method::GET, "/posts?limit=500", None).await;
    let (_, comments) = app.api(Method::GET, "/comments?limit=500", None).await;
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    (posts, comments, blog)
}

/// A page as a reader gets it, without what differs between two servers:
/// their address, the comment form's signed token (which carries the instant
/// it was served) and a feed's own `<updated>` (when the blog last changed).
async fn public(app: &TestApp, path: &str) -> String {
    let mut html = app.page(path).await.replace(&app.base, "BASE");
    if let (Some(a), Some(b)) = (html.find("<updated>"), html.find("</updated>")) {
        html.replace_range(a..b, "");
    }
    let marker = "name=\"token\" value=\"";
    match html.find(marker) {
        Some(at) => {
            let token = html[at + marker.len()..].split('"').next().unwrap_or("");
            html.replace(token, "TOKEN")
        }
        None => html,
    }
}

#[tokio::test]
async fn tidings_export_rebuilds_the_same_blog() {
    let mut first = TestApp::start().await;
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tidings-import/tests/fixtures/blogger-orchard.xml");
    import(&first, "blogger", &file);
    first
        .settings(
            serde_json::json!({"title": "Ünïcode Orchard", "timezone": "Europe/Berlin",
            "posts_per_page": 2, "comment_moderation": "older_than", "moderation_days": 30}),
        )
        .await;
    let md = first
        .post(
            serde_json::json!({"title": "Grafting, step by step", "status": "published",
            "body": "# Steps\n\n1. *Cut*\n2. Bind `tape`\n\nA JSON escape: \\u0000 stays text.",
            "labels": ["how to", "Äpfel"], "published_at": "2021-06-30T23:30:00Z"}),
        )
        .await;
    first
        .post(serde_json::json!({"title": "Half written", "status": "draft", "body": "Later."}))
        .await;
    first
        .post(
            serde_json::json!({"title": "Next spring", "status": "published",
            "body": "Soon.", "published_at": "2099-03-01T08:00:00Z"}),
        )
        .await;
    let path = md["url"].as_str().unwrap().to_owned();
    // A reader's comment held as too fast, one marked spam, one published.
    for body in ["Held for review.", "Buy things", "Lovely steps."] {
        let _ = first
            .comment(&path, &[("name", "Reader"), ("body", body)])
            .await;
    }
    let (_, listed) = first
        .api(
            Method::GET,
            &format!("/comments?post_id={}", md["id"]),
            None,
        )
        .await;
    let ids: Vec<i64> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids.len(), 3, "{listed}");
    first
        .api(Method::POST, &format!("/comments/{}/spam", ids[1]), None)
        .await;
    first
        .api(Method::POST, &format!("/comments/{}/approve", ids[2]), None)
        .await;

    std::fs::create_dir_all(&first.data).unwrap();
    let out = first.data.join("blog.tidings.jsonl");
    export(&first, "tidings", &out);

    let mut second = TestApp::start().await;
    let summary = import(&second, "tidings", &out);
    assert_eq!(summary, "imported: 7 posts, 2 pages, 9 comments");
    let (posts_a, comments_a, blog_a) = everything(&mut first).await;
    let (posts_b, comments_b, blog_b) = everything(&mut second).await;
    assert_eq!(posts_a, posts_b);
    assert_eq!(comments_a, comments_b);
    assert_eq!(blog_a, blog_b);
    for page in [
        "/",
        "/search?updated-max=2013-01-01T00:00:00Z&max-results=2",
        "/2012/",
        "/2012/03/",
        "/2012/03/hello-orchard.html",
        &path,
        "/p/contact.html",
        "/search/label/how%20to",
        "/feeds/posts/default",
        "/feeds/comments/default",
        "/sitemap.xml",
    ] {
        assert_eq!(
            public(&first, page).await,
            public(&second, page).await,
            "{page}"
        );
    }

    // The same file again adds nothing; a cut one changes nothing.
    let again = import(&second, "tidings", &out);
    assert_eq!(
        again,
        "imported: 0 posts, 0 pages, 0 comments, 18 already there"
    );
    let whole = std::fs::read_to_string(&out).unwrap();
    let cut = first.data.join("cut.jsonl");
    std::fs::write(&cut, &whole[..whole.len() - 30]).unwrap();
    let mut third = TestApp::start().await;
    let out = third.cli(&["import", "tidings", cut.to_str().unwrap()], None);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("cut.jsonl: line "), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    let (_, posts) = third.api(Method::GET, "/posts", None).await;
    assert_eq!(posts["total"], 0);
}

/// The `<link rel="icon" …>` tag of a page.
fn icon_link(page: &str) -> &str {
    let start = page.find("<link rel=\"icon\"").expect("an icon link");
    &page[start..start + page[start..].find('>').expect("its end") + 1]
}

#[tokio::test]
async fn tidings_export_carries_the_blogs_icon() {
    let mut first = TestApp::start().await;
    let (_, made) =
        crate::media::upload(&mut first, &crate::media::jpeg(64, 64), "icon.jpg", None).await;
    let url = made["url"].as_str().unwrap().to_owned();
    first.settings(serde_json::json!({"favicon": url})).await;
    let before = first.page("/").await;
    assert_eq!(
        icon_link(&before),
        format!("<link rel=\"icon\" href=\"{url}\">")
    );
    std::fs::create_dir_all(&first.data).unwrap();
    let out = first.data.join("icon.tidings.jsonl");
    export(&first, "tidings", &out);

    let mut second = TestApp::start().await;
    import(&second, "tidings", &out);
    let after = second.page("/").await;
    assert_eq!(icon_link(&after), icon_link(&before));
    // The upload came back at its address, so the icon is there to fetch.
    assert_eq!(second.get(&url).await.status(), reqwest::StatusCode::OK);
    let (_, blog) = second.api(Method::GET, "/blog", None).await;
    assert_eq!(blog["favicon"], url.as_str());
}

/// A post or comment without the ids an import may renumber: posts by
/// address, comments by post address, body and the body they reply to.
async fn without_ids(app: &mut TestApp) -> (Vec<Value>, Vec<Value>) {
    let (posts, comments, _) = everything(app).await;
    let posts = posts["items"].as_array().unwrap();
    let comments = comments["items"].as_array().unwrap();
    let body_of = |id: &Value| {
        comments
            .iter()
            .find(|c| c["id"] == *id)
            .map(|c| c["body"].clone())
            .unwrap_or(Value::Null)
    };
    let mut ps: Vec<Value> = posts
        .iter()
        .map(|p| {
            let mut p = p.clone();
            let o = p.as_object_mut().unwrap();
            o.remove("id");
            p
        })
        .collect();
    ps.sort_by(|a, b| a["url"].as_str().cmp(&b["url"].as_str()));
    let mut cs: Vec<Value> = comments
        .iter()
        .map(|c| {
            let mut out = c.clone();
            let o = out.as_object_mut().unwrap();
            o.remove("id");
            o.remove("post_id");
            // Why a comment was held is ours alone.
            o.remove("hold_reasons");
            o.insert("parent".into(), body_of(&c["parent"]));
            out
        })
        .collect();
    cs.sort_by_key(|c| c.to_string());
    (ps, cs)
}

#[tokio::test]
async fn wxr_export_reads_back_as_the_same_blog() {
    let mut first = TestApp::start().await;
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tidings-import/tests/fixtures/blogger-orchard.xml");
    import(&first, "blogger", &file);
    let md = first
        .post(
            serde_json::json!({"title": "Last summer", "status": "published",
            "body": "Soon & <b>bold</b>.", "labels": ["Äpfel"],
            "published_at": "2021-06-30T23:30:00Z"}),
        )
        .await;
    first
        .post(
            serde_json::json!({"title": "Next spring", "status": "published",
            "body": "Later.", "published_at": "2099-03-01T08:00:00Z"}),
        )
        .await;
    let path = md["url"].as_str().unwrap().to_owned();
    first
        .comment(
            &path,
            &[("name", "Reader"), ("body", "a < b\n\nand <i>c</i>")],
        )
        .await
        .unwrap();
    std::fs::create_dir_all(&first.data).unwrap();
    let out = first.data.join("blog.wxr.xml");
    export(&first, "wxr", &out);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("<wp:wxr_version>1.2</wp:wxr_version>"));
    assert!(text.contains("xmlns:wp=\"http://wordpress.org/export/1.2/\""));

    // WordPress keeps its zone in its own settings, not in the file.
    let mut second = TestApp::start().await;
    second
        .settings(serde_json::json!({"timezone": "Europe/Berlin"}))
        .await;
    let summary = import(&second, "wordpress", &out);
    assert_eq!(summary, "imported: 6 posts, 2 pages, 7 comments");
    let (posts_a, comments_a) = without_ids(&mut first).await;
    let (posts_b, comments_b) = without_ids(&mut second).await;
    // Markdown does not travel in WXR: the HTML does.
    let strip = |ps: Vec<Value>| -> Vec<Value> {
        ps.into_iter()
            .map(|mut p| {
                let o = p.as_object_mut().unwrap();
                o.remove("body");
                p
            })
            .collect()
    };
    assert_eq!(strip(posts_a), strip(posts_b));
    assert_eq!(comments_a, comments_b);
    let (_, blog) = second.api(Method::GET, "/blog", None).await;
    assert_eq!(blog["title"], "Notes from the Orchard");
}

/// The attachment records of a tidings export, without their ids (an
/// import numbers attachments afresh).
fn attachment_records(file: &Path) -> Vec<Value> {
    std::fs::read_to_string(file)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|r| r["type"] == "attachment")
        .map(|mut r| {
            r.as_object_mut().unwrap().remove("id");
            r
        })
        .collect()
}

/// What WordPress adds to posts: the sticky post first on the home page,
/// the page tree in menu order, and the attachments.
async fn wordpress_extras(app: &TestApp) -> (Vec<String>, String) {
    let home = app.page("/").await;
    let titles = texts_of_class(&home, "post-title");
    (titles[..2].to_vec(), pages_widget(&home))
}

#[tokio::test]
async fn wordpress_extras_survive_tidings_and_wxr_round_trips() {
    let first = TestApp::start().await;
    import(&first, "wordpress", &theme_unit_test());
    let extras = wordpress_extras(&first).await;
    assert_eq!(extras.0[0], "Template: Sticky");
    std::fs::create_dir_all(&first.data).unwrap();

    // Our own format: the same tree, order, stickiness and attachments.
    let ours = first.data.join("theme.tidings.jsonl");
    export(&first, "tidings", &ours);
    let second = TestApp::start().await;
    assert_eq!(
        import(&second, "tidings", &ours),
        "imported: 58 posts, 21 pages, 33 comments, 37 attachments"
    );
    assert_eq!(wordpress_extras(&second).await, extras);
    std::fs::create_dir_all(&second.data).unwrap();
    let again = second.data.join("again.tidings.jsonl");
    export(&second, "tidings", &again);
    assert_eq!(attachment_records(&again), attachment_records(&ours));
    assert_eq!(attachment_records(&ours).len(), 37);

    // WXR: WordPress's own fields, read back by our importer.
    let wxr = first.data.join("theme.wxr.xml");
    export(&first, "wxr", &wxr);
    let text = std::fs::read_to_string(&wxr).unwrap();
    assert_eq!(text.matches("<wp:is_sticky>1</wp:is_sticky>").count(), 1);
    assert_eq!(
        text.matches("<wp:post_type>attachment</wp:post_type>")
            .count(),
        37
    );
    let third = TestApp::start().await;
    assert_eq!(
        import(&third, "wordpress", &wxr),
        "imported: 58 posts, 21 pages, 33 comments, 37 attachments"
    );
    assert_eq!(wordpress_extras(&third).await, extras);
}

/// Exports carry commenters' e-mail addresses (a move keeps first-time
/// moderation and reply notices working), never their computers'
/// addresses; `--without-personal-data` leaves the e-mail addresses out.
#[tokio::test]
async fn personal_data_in_exports_is_documented_and_can_be_left_out() {
    let mut app = TestApp::start().await;
    std::fs::create_dir_all(&app.data).unwrap();
    app.settings(serde_json::json!({"comment_min_seconds": 0, "comment_moderation": "never"}))
        .await;
    let post = app
        .post(
            serde_json::json!({"title": "Hello", "body": "Hi.", "status": "published",
            "published_at": "2020-01-05T10:00:00Z"}),
        )
        .await;
    let path = post["url"].as_str().unwrap();
    app.comment(
        path,
        &[
            ("name", "Ann"),
            ("email", "ann@example.org"),
            ("body", "Nice"),
        ],
    )
    .await
    .unwrap();
    for format in ["tidings", "wxr", "blogger"] {
        let full = app.data.join(format!("full.{format}"));
        export(&app, format, &full);
        let text = std::fs::read_to_string(&full).unwrap();
        assert!(text.contains("Ann"), "{format}");
        if format != "blogger" {
            assert!(
                text.contains("ann@example.org"),
                "{format} keeps it by default"
            );
        }
        assert!(
            !text.contains("127.0.0.1\""),
            "{format} holds an IP address"
        );
        let lean = app.data.join(format!("lean.{format}"));
        let out = app.cli(
            &[
                "export",
                "--format",
                format,
                "--without-personal-data",
                lean.to_str().unwrap(),
            ],
            None,
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = std::fs::read_to_string(&lean).unwrap();
        assert!(text.contains("Ann"), "{format}: the comment stays");
        assert!(!text.contains("ann@example.org"), "{format}: {text}");
    }
}
