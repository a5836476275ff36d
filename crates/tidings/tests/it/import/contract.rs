//! The all-or-nothing rule: a broken or clashing file changes nothing.

use reqwest::{Method, StatusCode};
use serde_json::json;

use super::{fixture, takeout, theme_unit_test, total};
use crate::support::TestApp;

/// Imports `content` as the Blogger file `name` and asserts the refusal a
/// person sees: failure, one line on stderr naming the file and `line`
/// (where in it), nothing on stdout.
fn blogger_import_refused(
    app: &TestApp,
    dir: &std::path::Path,
    name: &str,
    content: &str,
    line: &str,
) {
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
        err.contains(line),
        "{name}: the reason names the line: {err}"
    );
    assert_eq!(err.lines().count(), 1, "{name}: one line: {err}");
    assert!(String::from_utf8_lossy(&out.stdout).trim().is_empty());
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
        blogger_import_refused(&app, &dir, name, &content, "line ");
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
        blogger_import_refused(
            &app,
            &dir,
            name,
            &content,
            line.as_deref().unwrap_or("line "),
        );
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
