//! A blog's own theme: `tidings theme export` writes the built-in one out,
//! the `theme` setting picks one, its templates replace the built-in ones
//! by name and the rest still come from the built-in theme, and whatever
//! in it breaks, readers get the built-in page while the admin says what
//! broke and where. Public pages run no script under any theme.

use std::path::{Path, PathBuf};

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::admin::{Browser, PASSWORD, set_up};
use crate::support::{Node, TestApp};

/// The marker our test theme puts in the footer of every page it draws.
const MARK: &str = "drawn-by-mine";

fn theme_dir(app: &TestApp, name: &str) -> PathBuf {
    app.data.join("themes").join(name)
}

/// `tidings theme export NAME ARGS…`: its exit status and what it printed.
fn export(app: &TestApp, name: &str, args: &[&str]) -> (bool, String, String) {
    let mut all = vec!["theme", "export", name];
    all.extend_from_slice(args);
    let out = app.cli(&all, None);
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.success(), text(&out.stdout), text(&out.stderr))
}

/// Replaces `from` by `to` in the theme's file `path`.
fn edit(dir: &Path, path: &str, from: &str, to: &str) {
    let file = dir.join(path);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(from), "{path} holds {from:?}");
    std::fs::write(&file, text.replacen(from, to, 1)).unwrap();
}

/// Exports theme `mine` and marks its footer, so a page says who drew it.
fn marked_theme(app: &TestApp) -> PathBuf {
    let (ok, _, err) = export(app, "mine", &[]);
    assert!(ok, "{err}");
    let dir = theme_dir(app, "mine");
    edit(
        &dir,
        "base.html",
        r#"<footer class="blog-footer">"#,
        &format!(r#"<footer class="blog-footer {MARK}">"#),
    );
    dir
}

async fn set_theme(app: &mut TestApp, name: &str) -> (StatusCode, serde_json::Value) {
    app.api(Method::PATCH, "/blog", Some(json!({ "theme": name })))
        .await
}

/// The page at `path` through `node`, once `ready` says it shows what the
/// other node wrote (the nodes learn of it from the change log).
async fn page_when(app: &TestApp, node: &Node, path: &str, ready: impl Fn(&str) -> bool) -> String {
    let mut last = String::new();
    for _ in 0..100 {
        last = app
            .client
            .get(node.url(path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        if ready(&last) {
            return last;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("{path} on {} never showed the change: {last}", node.base)
}

#[tokio::test]
async fn export_writes_the_built_in_theme_and_keeps_an_existing_one() {
    let app = TestApp::start().await;
    let (ok, out, err) = export(&app, "mine", &[]);
    assert!(ok, "{err}");
    let dir = theme_dir(&app, "mine");
    for file in [
        "base.html",
        "post.html",
        "list.html",
        "gadgets/labels.html",
        "static/simple.css",
    ] {
        assert!(dir.join(file).is_file(), "{file} written");
        assert!(
            out.contains(&format!("{}", dir.join(file).display())),
            "{file} printed: {out}"
        );
    }
    assert!(
        !dir.join("admin").exists(),
        "the admin's pages are no theme's"
    );
    let base = std::fs::read_to_string(dir.join("base.html")).unwrap();
    assert!(
        base.contains("{% block main %}"),
        "minijinja source as it is"
    );

    // An existing theme stays as it is without --force, and is written over with it.
    std::fs::write(dir.join("base.html"), "mine").unwrap();
    let (ok, _, err) = export(&app, "mine", &[]);
    assert!(!ok && err.contains("--force"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.join("base.html")).unwrap(),
        "mine"
    );
    let (ok, _, err) = export(&app, "mine", &["--force"]);
    assert!(ok, "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.join("base.html")).unwrap(),
        base
    );

    // A name that is no folder name is refused, and nothing is written.
    let (ok, _, err) = export(&app, "../out", &[]);
    assert!(!ok && err.contains("theme must be"), "{err}");
    assert!(!app.data.join("out").exists());
}

#[tokio::test]
async fn a_theme_draws_the_pages_and_the_built_in_theme_fills_in_what_it_lacks() {
    let mut app = TestApp::start().await;
    let dir = marked_theme(&app);
    std::fs::write(dir.join("static/look.css"), "body { color: teal }").unwrap();
    edit(
        &dir,
        "base.html",
        "</head>",
        r#"<link rel="stylesheet" href="{{ static["look.css"] }}"></head>"#,
    );
    let post = app
        .post(json!({"title": "Themed", "body": "A post in a theme.", "status": "published"}))
        .await;
    let path = post["url"].as_str().unwrap().to_owned();
    assert!(
        !app.page("/").await.contains(MARK),
        "the built-in theme until it is chosen"
    );

    // Chosen: the next page is the theme's, no restart.
    let (status, blog) = set_theme(&mut app, "mine").await;
    assert_eq!(status, StatusCode::OK, "{blog}");
    assert_eq!(blog["theme"], "mine");
    let home = app.page("/").await;
    assert!(
        home.contains(MARK) && home.contains("class=\"date-header\""),
        "{home}"
    );
    // Its own static file, under a name carrying its hash, kept for a year.
    // (The theme's own copy of simple.css is linked too, in the built-in one's place.)
    let css = home.split("href=\"/theme-files/look.").nth(1).unwrap();
    let css = format!("/theme-files/look.{}", &css[..css.find('"').unwrap()]);
    assert!(
        css.starts_with("/theme-files/look.") && css.ends_with(".css"),
        "{css}"
    );
    let r = app.get(&css).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        r.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    assert_eq!(r.text().await.unwrap(), "body { color: teal }");
    assert_eq!(
        app.get("/theme-files/look.css").await.status(),
        StatusCode::NOT_FOUND
    );

    // The post template overridden: the post page changes.
    edit(
        &dir,
        "post.html",
        "{% block main %}",
        "{% block main %}<p class=\"mine-post\">mine</p>",
    );
    // A template the theme lacks comes from the built-in theme.
    std::fs::remove_file(dir.join("article.html")).unwrap();
    // Saving the settings reads the theme again.
    assert_eq!(set_theme(&mut app, "mine").await.0, StatusCode::OK);
    let page = app.page(&path).await;
    assert!(
        page.contains("class=\"mine-post\"") && page.contains(MARK),
        "{page}"
    );
    assert!(
        page.contains("A post in a theme.") && page.contains("class=\"post-body\""),
        "{page}"
    );

    // Back to the built-in theme, again without a restart.
    assert_eq!(set_theme(&mut app, "").await.0, StatusCode::OK);
    assert!(!app.page(&path).await.contains(MARK));
    assert_eq!(app.get(&css).await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_theme_this_server_does_not_have_is_refused_by_name() {
    let mut app = TestApp::start().await;
    marked_theme(&app);
    for name in ["nope", "../mine", "mine/..", "a b"] {
        let (status, body) = set_theme(&mut app, name).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{name}: {body}");
        assert!(
            body["error"]["message"].as_str().unwrap().contains("theme"),
            "{body}"
        );
    }
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(blog["theme"], "", "nothing changed");
    assert!(!app.page("/").await.contains(MARK));
}

#[tokio::test]
async fn broken_templates_give_readers_the_built_in_page_and_the_admin_the_line() {
    let mut app = TestApp::start_with(&["--no-cache"]).await;
    let dir = marked_theme(&app);
    let post = app
        .post(json!({"title": "Still readable", "body": "Body text.", "status": "published"}))
        .await;
    let path = post["url"].as_str().unwrap().to_owned();
    // list.html does not parse (line 3); post.html parses but fails to
    // render at line 2 (an attribute of nothing).
    std::fs::write(
        dir.join("list.html"),
        "{% extends \"base.html\" %}\n\n{% block main %}{% if %}{% endblock %}",
    )
    .unwrap();
    std::fs::write(
        dir.join("post.html"),
        "{% extends \"base.html\" %}\n{% block main %}{{ post.nothing.deeper }}{% endblock %}",
    )
    .unwrap();
    assert_eq!(set_theme(&mut app, "mine").await.0, StatusCode::OK);

    let home = app.page("/").await;
    assert!(
        home.contains("Still readable") && home.contains(MARK),
        "the rest of the theme stays: {home}"
    );
    for _ in 0..3 {
        let page = app.page(&path).await;
        assert!(
            page.contains("Body text.") && page.contains("Post a Comment"),
            "{page}"
        );
        assert!(!page.contains(MARK), "the built-in page, whole: {page}");
    }
    let log = app.log_with("theme mine: post.html, line 2").await;
    let logged = log.matches("theme mine: post.html, line 2").count();
    assert_eq!(logged, 1, "logged once, not per request:\n{log}");

    let mut admin = Browser::new(&app);
    admin.sign_in("owner@example.com", PASSWORD).await;
    let settings = admin.get("/admin/settings").await.body;
    let status = &settings[settings
        .find("id=\"theme-status\"")
        .expect("a theme status line")..];
    assert!(
        status.contains("list.html, line 3: syntax error"),
        "{status}"
    );
    assert!(
        status.contains("post.html, line 2: undefined value"),
        "{status}"
    );
    assert!(
        settings.contains("<option value=\"mine\" selected>"),
        "{settings}"
    );
}

#[tokio::test]
async fn the_admin_chooses_among_the_themes_found_and_public_pages_still_run_no_script() {
    let app = TestApp::start().await;
    let dir = marked_theme(&app);
    edit(
        &dir,
        "base.html",
        "</body>",
        "<script>document.title = 'ran'</script></body>",
    );
    let mut admin = set_up(&app).await;
    let settings = admin.get("/admin/settings").await.body;
    assert!(
        settings.contains("<option value=\"mine\">mine</option>"),
        "{settings}"
    );
    let csrf = admin.csrf("/admin/settings").await;
    let saved = admin
        .post(
            "/admin/settings",
            &[
                ("csrf", csrf.as_str()),
                ("title", "Themed blog"),
                ("timezone", "UTC"),
                ("posts_per_page", "10"),
                ("comments_allowed", "anyone"),
                ("comment_moderation", "never"),
                ("moderation_days", "0"),
                ("comment_min_seconds", "3"),
                ("theme", "mine"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let r = app.get("/").await;
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains("script-src 'none'"), "{csp}");
    let home = r.text().await.unwrap();
    assert!(
        home.contains(MARK) && home.contains("<script>"),
        "the theme's page, script and all"
    );
}

#[tokio::test]
async fn every_node_reads_the_theme_again_when_the_settings_are_saved() {
    let mut app = TestApp::start().await;
    let dir = marked_theme(&app);
    let b = app.another_node();
    assert_eq!(set_theme(&mut app, "mine").await.0, StatusCode::OK);
    page_when(&app, &b, "/", |p| p.contains(MARK)).await;
    assert!(app.page("/").await.contains(MARK));

    // Edited on disk: the compiled theme stays until the settings are saved.
    edit(&dir, "base.html", MARK, "drawn-by-mine-v2");
    assert!(!app.page("/").await.contains("drawn-by-mine-v2"));
    app.settings(json!({"theme": "mine"})).await;
    assert!(app.page("/").await.contains("drawn-by-mine-v2"));
    page_when(&app, &b, "/", |p| p.contains("drawn-by-mine-v2")).await;
}
