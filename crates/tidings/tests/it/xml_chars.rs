//! Exports stay well-formed whatever a post holds (issue 13): characters XML
//! cannot carry (C0 controls but tab and line breaks, U+FFFE, U+FFFF) are
//! refused at every way in, naming the field or the item, and no writer
//! emits one, even from data stored before that rule.

use std::path::{Path, PathBuf};
use std::process::Command;

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::admin::set_up;
use crate::import::import;
use crate::old_data;
use crate::support::TestApp;

/// Whether a strict XML parser (Python's expat, which refuses these
/// characters and references to them) reads `file`; answers its complaint.
fn xml_error(file: &Path) -> Option<String> {
    let out = Command::new("python3")
        .args([
            "-c",
            "import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])",
        ])
        .arg(file)
        .output()
        .expect("python3 runs");
    (!out.status.success()).then(|| String::from_utf8_lossy(&out.stderr).into_owned())
}

fn assert_well_formed(file: &Path) {
    if let Some(why) = xml_error(file) {
        panic!("{} is not well-formed XML: {why}", file.display());
    }
}

fn export(app: &TestApp, format: &str, file: &Path) -> String {
    let out = app.cli(
        &["export", "--format", format, file.to_str().unwrap()],
        None,
    );
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "export {format}: {stderr}");
    stderr
}

/// Exports the blog in every format; each XML one parses, and each reads
/// back into a blog of its own.
async fn every_export_parses_and_reimports(app: &TestApp) -> Vec<String> {
    let mut notes = Vec::new();
    for (format, name, import_as) in [
        ("blogger", "blog.blogger.xml", "blogger"),
        ("wxr", "blog.wxr", "wordpress"),
        ("tidings", "blog.tidings.jsonl", "tidings"),
    ] {
        let file = app.data.join(name);
        notes.push(export(app, format, &file));
        if format != "tidings" {
            assert_well_formed(&file);
        }
        let other = TestApp::start().await;
        import(&other, import_as, &file);
    }
    notes
}

/// A Markdown site whose one post holds U+0001 on its fourth line.
fn markdown_site(dir: &Path) -> PathBuf {
    let site = dir.join("site");
    std::fs::create_dir_all(site.join("_posts")).unwrap();
    std::fs::write(
        site.join("_posts/2020-01-02-bell.md"),
        "---\ntitle: Bell\n---\nA bell\u{1} rings.\n",
    )
    .unwrap();
    site
}

fn tidings_file(dir: &Path) -> PathBuf {
    let lines = [
        r#"{"type":"blog","tidings":1,"exported_at":"2020-01-01T00:00:00Z","host":"old.example","title":"Bells","description":"","timezone":"UTC","posts_per_page":7,"comments_allowed":"anyone","comment_moderation":"never","moderation_days":14,"comment_min_seconds":0}"#,
        r#"{"type":"post","id":9,"kind":"post","title":"Vertical\u000btab","slug":"vt","path":"/2020/01/vt.html","status":"published","published_at":"2020-01-10T10:00:00Z","updated_at":"2020-01-10T10:00:00Z","author":"Ann","labels":[],"body_markdown":null,"body_html":"<p>x</p>"}"#,
        r#"{"type":"end","posts":1,"comments":0}"#,
    ];
    let file = dir.join("vt.tidings.jsonl");
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    file
}

/// Blogger's export with a vertical tab in a post title and a reference to
/// U+0001 in its body; WordPress's with a raw one in a body and a reference
/// to U+FFFF in a title: not well-formed XML, as exports in the wild are.
fn foreign_files(dir: &Path) -> (PathBuf, PathBuf) {
    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tidings-import/tests/fixtures/blogger-orchard.xml");
    let blogger = std::fs::read_to_string(fixture)
        .unwrap()
        .replacen("Hello, orchard", "Hello,\u{B} orchard", 1)
        .replacen("<content type='html'>", "<content type='html'>&amp;#1;", 2);
    let blogger_file = dir.join("vt.blogger.xml");
    std::fs::write(&blogger_file, blogger).unwrap();
    let wxr = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" \
        xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" \
        xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wp=\"http://wordpress.org/export/1.2/\">\n\
        <channel><title>WP</title><link>https://wp.example</link><wp:wxr_version>1.2</wp:wxr_version>\n\
        <item><title>Odd &#xFFFF; title</title><link>https://wp.example/odd/</link><dc:creator>admin</dc:creator>\n\
        <content:encoded><![CDATA[<p>Raw \u{1B} escape and &#2; a reference</p>]]></content:encoded>\n\
        <wp:post_id>3</wp:post_id><wp:post_date_gmt>2016-01-01 10:00:00</wp:post_date_gmt>\n\
        <wp:post_name>odd</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>\n\
        </item></channel></rss>\n";
    let wxr_file = dir.join("vt.wxr");
    std::fs::write(&wxr_file, wxr).unwrap();
    (blogger_file, wxr_file)
}

#[tokio::test]
async fn what_xml_cannot_carry_is_refused_at_every_way_in() {
    let app = TestApp::start().await;
    // The editor's owner first: the setup link serves only a blog without one.
    let mut owner = set_up(&app).await;
    let token = app.user_token("api@example.com", "admin");
    std::fs::create_dir_all(&app.data).unwrap();

    // The API: 422 naming the field, for posts and blog settings.
    for (body, field) in [
        (json!({"title": "Vertical\u{B}tab", "body": "x"}), "title"),
        (
            json!({"title": "x", "body": "start\u{1}of heading"}),
            "body",
        ),
        (
            json!({"title": "x", "body": "escape \u{1B}[31m red"}),
            "body",
        ),
        (
            json!({"title": "x", "body_html": "<p>\u{FFFF}</p>"}),
            "body_html",
        ),
        (json!({"title": "x", "labels": ["a\u{FFFE}"]}), "labels"),
    ] {
        let (status, json) = app
            .api_as(&token, Method::POST, "/posts", Some(body.clone()))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {json}");
        let message = json["error"]["message"].as_str().unwrap();
        assert!(
            message.starts_with(&format!("{field} must not contain U+")),
            "{message}"
        );
    }
    let (status, json) = app
        .api_as(
            &token,
            Method::PATCH,
            "/blog",
            Some(json!({"description": "bell\u{7}"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{json}");
    assert!(
        json["error"]["message"]
            .as_str()
            .unwrap()
            .contains("description")
    );
    // A reference to such a character is rendered without it.
    let (status, post) = app
        .api_as(
            &token,
            Method::POST,
            "/posts",
            Some(json!({"title": "Bells",
            "body": "ding &#1; dong &#xFFFF;", "status": "published",
            "published_at": "2020-01-05T10:00:00Z"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{post}");
    let html = post["body_html"].as_str().unwrap();
    assert!(
        html.contains("ding") && !html.contains(['\u{1}', '\u{FFFF}']),
        "{html}"
    );

    // The editor's form: refused beside the form, nothing saved.
    let csrf = owner.csrf("/admin/posts/new").await;
    let refused = owner
        .post(
            "/admin/posts/new",
            &[
                ("csrf", &csrf),
                ("kind", "post"),
                ("title", "Editor\u{B}title"),
                ("body", "fine"),
                ("labels", ""),
                ("slug", ""),
                ("published_at", "2020-03-04T05:06"),
                ("action", "draft"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("U+000B"), "{}", refused.body);

    // The comment form: 422 naming the field.
    let path = post["url"].as_str().unwrap();
    for (field, value) in [("body", "a\u{1}b"), ("name", "Bell\u{FFFE}")] {
        let mut fields = vec![("body", "fine")];
        fields.retain(|(k, _)| *k != field);
        fields.push((field, value));
        let (status, html) = app.comment(path, &fields).await.unwrap_err();
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        assert!(html.contains("U+"), "{field}: {html}");
    }

    // People's names: the CLI and the admin.
    let out = app.cli(
        &[
            "user",
            "add",
            "--email",
            "vt@example.com",
            "--name",
            "V\u{B}T",
            "--role",
            "author",
            "--password-stdin",
        ],
        Some("a long enough password\n"),
    );
    assert!(!out.status.success());
    let csrf = owner.csrf("/admin/users").await;
    let r = owner
        .post(
            "/admin/users",
            &[
                ("csrf", &csrf),
                ("email", "vt@example.com"),
                ("name", "V\u{FFFF}T"),
                ("role", "author"),
                ("password", "a long enough password"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);

    // Our format and Markdown: refused, naming the item and the line.
    let out = app.cli(
        &[
            "import",
            "tidings",
            tidings_file(&app.data).to_str().unwrap(),
        ],
        None,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("line 2: post 9: title must not contain U+000B"),
        "{stderr}"
    );
    let site = markdown_site(&app.data);
    let out = app.cli(&["import", "markdown", site.to_str().unwrap()], None);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("2020-01-02-bell.md: line 4: the file must not contain U+0001"),
        "{stderr}"
    );
    // Blogger's and WordPress's files: such characters are not XML, and are
    // left out with a note naming the line (as NUL always was).
    let (blogger, wxr) = foreign_files(&app.data);
    for (format, file) in [("blogger", blogger), ("wordpress", wxr)] {
        let out = app.cli(&["import", format, file.to_str().unwrap()], None);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "import {format}: {stderr}");
        assert!(stderr.contains("characters XML does not allow"), "{stderr}");
    }

    let notes = every_export_parses_and_reimports(&app).await;
    assert!(
        notes
            .iter()
            .all(|n| !n.contains("characters XML cannot carry")),
        "nothing that came in needs cleaning on the way out: {notes:?}"
    );
    // Feeds too.
    for alt in ["", "?alt=rss"] {
        let feed = app.page(&format!("/feeds/posts/default{alt}")).await;
        let file = app.data.join("feed.xml");
        std::fs::write(&file, feed).unwrap();
        assert_well_formed(&file);
    }
}

#[tokio::test]
async fn old_data_holding_control_characters_still_exports_well_formed() {
    let mut app = TestApp::start_with(&["--no-cache"]).await;
    std::fs::create_dir_all(&app.data).unwrap();
    let post = app
        .post(
            json!({"title": "Bells", "body": "ding", "status": "published",
            "published_at": "2020-01-05T10:00:00Z"}),
        )
        .await;
    let id = post["id"].as_i64().unwrap();
    app.settings(json!({"comment_min_seconds": 0, "comment_moderation": "never"}))
        .await;
    let path = post["url"].as_str().unwrap();
    let location = app
        .comment(path, &[("name", "Cy"), ("body", "ring")])
        .await
        .unwrap();
    let comment: i64 = location.rsplit_once("#c").unwrap().1.parse().unwrap();
    // As the API stored them before the rule (issue 13's reproduction).
    old_data::set(&app, "posts", "title", id, "Vertical\u{B}tab").await;
    old_data::set(&app, "posts", "body_html", id, "<p>a\u{1}b\u{1B}c</p>").await;
    old_data::set(&app, "comments", "body", comment, "x\u{FFFF}y\u{2}").await;
    old_data::set(&app, "blogs", "description", 1, "bell\u{7}").await;

    let notes = every_export_parses_and_reimports(&app).await;
    for n in &notes {
        assert!(
            n.contains("replaced with U+FFFD characters XML cannot carry")
                && n.contains(&format!("post {id}")),
            "the export says what it left out: {n}"
        );
    }
    for alt in ["", "?alt=rss"] {
        for feed in ["/feeds/posts/default", "/feeds/comments/default"] {
            let text = app.page(&format!("{feed}{alt}")).await;
            let file = app.data.join("feed.xml");
            std::fs::write(&file, text).unwrap();
            assert_well_formed(&file);
        }
    }
    // The page shows the words without the stray characters' effect.
    assert!(app.page(path).await.contains("Cy"));
}

#[tokio::test]
async fn the_first_admins_name_is_checked_like_every_name() {
    use crate::admin::{Browser, PASSWORD, setup_path};
    let app = TestApp::start().await;
    let path = setup_path(&app);
    let token = path.rsplit('=').next().unwrap().to_owned();
    let mut browser = Browser::new(&app);
    assert_eq!(browser.get(&path).await.status, StatusCode::OK);
    let refused = browser
        .post(
            "/admin/setup",
            &[
                ("token", &token),
                ("name", "Owner\u{FFFF}"),
                ("email", "admin@example.com"),
                ("password", PASSWORD),
                ("password_again", PASSWORD),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("Your name must be"),
        "{}",
        refused.body
    );
}
