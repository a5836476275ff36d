//! A commenter's web address is `http` or `https`, on every way in and on
//! the way out (issue 13, finding 10): imports keep the comment and leave a
//! `javascript:` or `data:` address out, saying so; an address stored before
//! is never a link; the static render carries the live pages' policy.

use std::path::{Path, PathBuf};

use reqwest::Method;

use crate::old_data;
use crate::support::TestApp;

const BAD: [&str; 2] = [
    "javascript:alert(document.cookie)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
];

fn tidings_file(dir: &Path) -> PathBuf {
    let comment = |id: u32, url: &str| {
        format!(
            r#"{{"type":"comment","id":{id},"post_id":1,"parent":null,"author":"Commenter {id}","author_email":null,"author_url":"{url}","body":"Comment {id}","status":"published","created_at":"2020-03-01T00:00:00Z"}}"#
        )
    };
    let lines = [
        r#"{"type":"blog","tidings":1,"exported_at":"2020-01-01T00:00:00Z","host":"old.example","title":"Links","description":"","timezone":"UTC","posts_per_page":7,"comments_allowed":"anyone","comment_moderation":"never","moderation_days":14,"comment_min_seconds":0}"#.to_owned(),
        r#"{"type":"post","id":1,"kind":"post","title":"Linked","slug":"linked","path":"/2020/01/linked.html","status":"published","published_at":"2020-01-10T10:00:00Z","updated_at":"2020-01-10T10:00:00Z","author":"Ann","labels":[],"body_markdown":null,"body_html":"<p>Hello</p>"}"#.to_owned(),
        comment(11, BAD[0]),
        comment(12, BAD[1]),
        comment(13, "https://fine.example/"),
        r#"{"type":"end","posts":1,"comments":3}"#.to_owned(),
    ];
    let file = dir.join("links.tidings.jsonl");
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    file
}

fn wordpress_file(dir: &Path) -> PathBuf {
    let comment = |id: u32, url: &str| {
        format!(
            r#"<wp:comment><wp:comment_id>{id}</wp:comment_id><wp:comment_author><![CDATA[Commenter {id}]]></wp:comment_author>
<wp:comment_author_url>{url}</wp:comment_author_url><wp:comment_date_gmt>2015-01-02 10:00:00</wp:comment_date_gmt>
<wp:comment_content><![CDATA[Comment {id}]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment>"#
        )
    };
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>WP</title><link>https://wp.example</link><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Linked</title><link>https://wp.example/linked/</link><dc:creator>admin</dc:creator>
<content:encoded><![CDATA[<p>Hello</p>]]></content:encoded><wp:post_id>7</wp:post_id>
<wp:post_date_gmt>2015-01-01 10:00:00</wp:post_date_gmt><wp:post_name>linked</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
{}
{}
{}
</item></channel></rss>
"#,
        comment(71, BAD[0]),
        comment(72, BAD[1]),
        comment(73, "https://fine.example/"),
    );
    let file = dir.join("links.wxr");
    std::fs::write(&file, xml).unwrap();
    file
}

/// Blogger's export with its first commenter's profile address made script.
fn blogger_file(dir: &Path) -> PathBuf {
    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tidings-import/tests/fixtures/blogger-orchard.xml");
    let xml = std::fs::read_to_string(fixture).unwrap().replacen(
        "<uri>https://pip.example.org/</uri>",
        &format!("<uri>{}</uri>", BAD[0]),
        1,
    );
    let file = dir.join("links.blogger.xml");
    std::fs::write(&file, xml).unwrap();
    file
}

/// No link on `html` leads anywhere but http(s) or this blog.
fn assert_no_script_link(what: &str, html: &str) {
    for href in html.split("href=\"").skip(1) {
        let href = href.split('"').next().unwrap().to_ascii_lowercase();
        assert!(
            href.starts_with("http://")
                || href.starts_with("https://")
                || href.starts_with('/')
                || href.starts_with('#'),
            "{what} links to {href:?}"
        );
    }
}

#[tokio::test]
async fn imports_keep_the_comment_and_leave_a_script_address_out() {
    let mut app = TestApp::start().await;
    std::fs::create_dir_all(&app.data).unwrap();
    for (format, file, bad, post) in [
        (
            "tidings",
            tidings_file(&app.data),
            2,
            "/2020/01/linked.html",
        ),
        (
            "wordpress",
            wordpress_file(&app.data),
            2,
            "/2015/01/linked.html",
        ),
        (
            "blogger",
            blogger_file(&app.data),
            1,
            "/2012/03/hello-orchard.html",
        ),
    ] {
        let out = app.cli(&["import", format, file.to_str().unwrap()], None);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "import {format}: {stderr}");
        assert_eq!(
            stderr.matches("is not http or https: left out").count(),
            bad,
            "import {format} says which addresses it left out:\n{stderr}"
        );
        assert!(stderr.contains("javascript:alert"), "{stderr}");
        let html = app.page(post).await;
        assert_no_script_link(post, &html);
        assert!(!html.contains("javascript:") && !html.contains("data:text"));
    }
    // Every comment arrived, the good address with it.
    let (_, comments) = app
        .api(Method::GET, "/comments?limit=500&status=published", None)
        .await;
    let authors: Vec<&str> = comments["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["author"].as_str().unwrap())
        .collect();
    for name in [
        "Commenter 11",
        "Commenter 12",
        "Commenter 13",
        "Commenter 71",
        "Commenter 72",
    ] {
        assert!(authors.contains(&name), "{name} is missing: {authors:?}");
    }
    assert!(
        app.page("/2020/01/linked.html")
            .await
            .contains("href=\"https://fine.example/\"")
    );
}

#[tokio::test]
async fn an_old_script_address_is_never_a_link_and_the_render_carries_the_policy() {
    let app = TestApp::start_with(&["--no-cache"]).await;
    std::fs::create_dir_all(&app.data).unwrap();
    crate::import::import(&app, "tidings", &tidings_file(&app.data));
    // As an import before this fix stored it.
    old_data::set(&app, "comments", "author_url", 11, BAD[0]).await;
    old_data::set(&app, "comments", "author_url", 12, BAD[1]).await;

    let html = app.page("/2020/01/linked.html").await;
    assert_no_script_link("the live page", &html);
    assert!(html.contains("Commenter 11"), "the comment still shows");

    let out = app.data.join("static");
    let r = app.cli(&["render", out.to_str().unwrap()], None);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let page = std::fs::read_to_string(out.join("2020/01/linked.html")).unwrap();
    assert_no_script_link("the static page", &page);
    assert!(page.contains("Commenter 11"));
    // The live page's policy, as the static host cannot send it.
    let live = app.get("/2020/01/linked.html").await;
    let header = live.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(header.contains("script-src 'none'"), "{header}");
    let meta_at = page
        .find("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .expect("a static page carries the policy");
    let content = page[meta_at..].split("content=\"").nth(1).unwrap();
    let content = content.split('"').next().unwrap();
    assert!(content.contains("script-src 'none'"), "{content}");
    assert!(content.contains("default-src 'self'"), "{content}");
    assert!(
        !content.contains("frame-ancestors"),
        "a meta policy cannot carry frame-ancestors: {content}"
    );
    assert!(
        meta_at < page.find("<title>").unwrap(),
        "the policy comes before what it governs"
    );
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("http-equiv=\"Content-Security-Policy\""));
}
