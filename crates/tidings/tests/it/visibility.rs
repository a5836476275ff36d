//! Comments of posts readers cannot see stay out of sight: a draft's, a
//! scheduled post's, an imported private WordPress post's (which arrives as
//! a draft), and a password-protected one's (which keeps its place and
//! address, its title only) are in no comment feed of any kind, no count,
//! no static render; neither are the bodies of the last two.

use std::path::Path;

use reqwest::StatusCode;

use crate::import::import;
use crate::support::TestApp;

/// Every word a hidden post or its comments carry: none may reach a reader.
const SECRETS: [&str; 8] = [
    "draft-comment",
    "scheduled-comment",
    "private-comment",
    "password-comment",
    "/2020/02/draft-post.html",
    "/2999/01/scheduled-post.html",
    "private-thoughts",
    "Hidden words",
];

/// Our own format: one visible post, a draft and a scheduled post, each with
/// a published comment.
fn tidings_file(dir: &Path) -> std::path::PathBuf {
    let blog = r#"{"type":"blog","tidings":1,"exported_at":"2020-01-01T00:00:00Z","host":"old.example","title":"Seen and unseen","description":"","timezone":"UTC","posts_per_page":7,"comments_allowed":"anyone","comment_moderation":"never","moderation_days":14,"comment_min_seconds":0}"#;
    let post = |id: u32, path: &str, status: &str, at: &str| {
        format!(
            r#"{{"type":"post","id":{id},"kind":"post","title":"Post {id}","slug":"s{id}","path":"{path}","status":"{status}","published_at":"{at}","updated_at":"{at}","author":"Ann","labels":[],"body_markdown":null,"body_html":"<p>body {id}</p>"}}"#
        )
    };
    let comment = |id: u32, post: u32, body: &str| {
        format!(
            r#"{{"type":"comment","id":{id},"post_id":{post},"parent":null,"author":"Cy","author_email":null,"author_url":null,"body":"{body}","status":"published","created_at":"2020-03-01T00:00:00Z"}}"#
        )
    };
    let lines = [
        blog.to_owned(),
        post(
            1,
            "/2020/01/seen-post.html",
            "published",
            "2020-01-10T10:00:00Z",
        ),
        post(
            2,
            "/2020/02/draft-post.html",
            "draft",
            "2020-02-10T10:00:00Z",
        ),
        post(
            3,
            "/2999/01/scheduled-post.html",
            "published",
            "2999-01-10T10:00:00Z",
        ),
        comment(11, 1, "seen-comment"),
        comment(12, 2, "draft-comment"),
        comment(13, 3, "scheduled-comment"),
        r#"{"type":"end","posts":3,"comments":3}"#.to_owned(),
    ];
    let file = dir.join("hidden.tidings.jsonl");
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    file
}

/// A WordPress export with a private and a password-protected post, each
/// with an approved comment.
fn wordpress_file(dir: &Path) -> std::path::PathBuf {
    let item = |id: u32, slug: &str, extra: &str, comment: &str| {
        format!(
            r#"<item><title>{slug}</title><link>https://wp.example/{slug}/</link>
<dc:creator><![CDATA[admin]]></dc:creator>
<content:encoded><![CDATA[<p>Hidden words.</p>]]></content:encoded>
<wp:post_id>{id}</wp:post_id><wp:post_date_gmt>2015-01-01 10:00:00</wp:post_date_gmt>
<wp:post_name>{slug}</wp:post_name><wp:post_type>post</wp:post_type>{extra}
<wp:comment><wp:comment_id>{id}0</wp:comment_id><wp:comment_author><![CDATA[Eve]]></wp:comment_author>
<wp:comment_date_gmt>2015-01-02 10:00:00</wp:comment_date_gmt>
<wp:comment_content><![CDATA[{comment}]]></wp:comment_content>
<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>
</item>"#
        )
    };
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>WP</title><link>https://wp.example</link><wp:wxr_version>1.2</wp:wxr_version>
{}
{}
</channel></rss>
"#,
        item(
            5,
            "private-thoughts",
            "<wp:status>private</wp:status>",
            "private-comment"
        ),
        item(
            6,
            "locked-away",
            "<wp:status>publish</wp:status><wp:post_password>pw</wp:post_password>",
            "password-comment"
        ),
    );
    let file = dir.join("hidden.wxr");
    std::fs::write(&file, xml).unwrap();
    file
}

fn assert_no_secret(what: &str, text: &str) {
    for s in SECRETS {
        assert!(!text.contains(s), "{what} shows {s:?}:\n{text}");
    }
}

#[tokio::test]
async fn comments_of_hidden_posts_are_in_no_feed_count_or_render() {
    let app = TestApp::start().await;
    std::fs::create_dir_all(&app.data).unwrap();
    import(&app, "tidings", &tidings_file(&app.data));
    import(&app, "wordpress", &wordpress_file(&app.data));

    // The blog's comment feed, in every kind: only the visible post's
    // comment, and a total that counts only it.
    for alt in ["", "?alt=atom", "?alt=rss", "?alt=json"] {
        let path = format!("/feeds/comments/default{alt}");
        let text = app.page(&path).await;
        assert!(text.contains("seen-comment"), "{path}:\n{text}");
        assert_no_secret(&path, &text);
        if alt != "?alt=json" {
            assert!(
                text.contains("<openSearch:totalResults>1</openSearch:totalResults>"),
                "{path} counts hidden comments:\n{text}"
            );
        }
        // Paged past the one visible comment: nothing hidden comes next.
        let paged = app
            .page(&format!(
                "/feeds/comments/default?start-index=2{}",
                alt.replace('?', "&")
            ))
            .await;
        assert_no_secret(&path, &paged);
    }
    // The comment feed of a hidden post is not found, in every kind; the
    // visible post's answers.
    for id in [2, 3] {
        for alt in ["", "?alt=rss", "?alt=json"] {
            let path = format!("/feeds/{id}/comments/default{alt}");
            let r = app.get(&path).await;
            assert_eq!(r.status(), StatusCode::NOT_FOUND, "{path}");
            assert_no_secret(&path, &r.text().await.unwrap());
        }
    }
    assert!(
        app.page("/feeds/1/comments/default?alt=json")
            .await
            .contains("seen-comment")
    );
    // Pages, post feeds, search and the sitemap know nothing of them either.
    for path in [
        "/",
        "/2020/01/seen-post.html",
        "/feeds/posts/default",
        "/feeds/posts/default?alt=rss",
        "/feeds/posts/default?alt=json",
        "/sitemap.xml",
        "/search?q=hidden",
    ] {
        assert_no_secret(path, &app.page(path).await);
    }

    // The static render writes none of it, in any file.
    let out = app.data.join("rendered");
    let rendered = app.cli(&["render", out.to_str().unwrap()], None);
    assert!(
        rendered.status.success(),
        "render: {}",
        String::from_utf8_lossy(&rendered.stderr)
    );
    let mut files = 0;
    let mut seen = false;
    let mut stack = vec![out];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
            assert_no_secret(&path.display().to_string(), &text);
            seen |= text.contains("seen-comment");
            files += 1;
        }
    }
    assert!(files > 5 && seen, "the render wrote the visible comment");
}
