//! Jump breaks: list pages show a post up to its break and a "Read more »"
//! link to the rest at `#more`; feeds follow the blog's `feed_content`.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::import::{fixture, import};
use crate::support::{TestApp, texts_of_class};

/// The part of a list page between two post titles: one post's article.
pub(super) fn article<'a>(html: &'a str, title: &str) -> &'a str {
    let start = html
        .find(title)
        .unwrap_or_else(|| panic!("{title}: {html}"));
    let end = html[start..]
        .find("</article>")
        .map_or(html.len(), |e| start + e);
    &html[start..end]
}

#[tokio::test]
async fn a_blogger_export_with_jump_breaks_shows_read_more_on_its_home() {
    let mut app = TestApp::start().await;
    let file = fixture("blogger-jump-breaks.xml");
    assert_eq!(
        import(&app, "blogger", &file),
        "imported: 3 posts, 0 pages, 0 comments"
    );

    let home = app.page("/").await;
    let lakes = article(&home, "Three lakes in one day");
    assert!(lakes.contains("still frozen at the edges"), "{lakes}");
    assert!(
        !lakes.contains("ferry"),
        "the rest stays on the post page: {lakes}"
    );
    assert!(
        lakes.contains(r#"class="jump-link" href="/2014/09/three-lakes-in-one-day.html#more""#),
        "{lakes}"
    );
    // Blogger's pre-2009 hack: the rest of the post in a "fullpost" span.
    let ridge = article(&home, "The old ridge path");
    assert!(
        ridge.contains("before dawn") && !ridge.contains("goat track"),
        "{ridge}"
    );
    assert!(
        ridge.contains("/2008/05/old-ridge-path.html#more"),
        "{ridge}"
    );
    // A post without a break is shown whole, with no link.
    assert!(!article(&home, "A short one").contains("jump-link"));
    assert_eq!(texts_of_class(&home, "jump-link"), ["Read more »"; 2]);

    // The post page has it all, and the spot the link leads to.
    let post = app.page("/2014/09/three-lakes-in-one-day.html").await;
    assert!(post.contains("still frozen") && post.contains("ferry"));
    assert_eq!(post.matches(r#"id="more""#).count(), 1, "{post}");
    assert!(!post.contains("jump-link"));
    let ridge = app.page("/2008/05/old-ridge-path.html").await;
    assert!(ridge.contains(r#"id="more""#) && ridge.contains("goat track"));

    // Label and archive pages are lists too.
    let label = app.page("/search/label/lakes").await;
    assert!(label.contains("jump-link") && !label.contains("ferry"));
    let archive = app.page("/2014/").await;
    assert!(archive.contains("jump-link") && !archive.contains("ferry"));

    // BLOG_POST_FEED "SHORT": feeds stop at the break too, with the link.
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(blog["feed_content"], "until_break");
    let feed = app.page("/feeds/posts/default").await;
    assert!(
        feed.contains("still frozen") && !feed.contains("ferry"),
        "{feed}"
    );
    assert!(feed.contains("three-lakes-in-one-day.html#more"), "{feed}");

    // The same file again: the same blog.
    assert_eq!(
        import(&app, "blogger", &file),
        "imported: 0 posts, 0 pages, 0 comments, 3 already there"
    );
    assert_eq!(app.page("/").await, home);
}

#[tokio::test]
async fn markdown_and_html_breaks_from_the_api_and_the_feed_setting() {
    let mut app = TestApp::start().await;
    let md = app
        .post(json!({
            "title": "Written in Markdown",
            "body": "The teaser, *short*.\n\n<!--more-->\n\nThe long rest of it.",
            "status": "published",
        }))
        .await;
    assert_eq!(md["teaser_html"], "<p>The teaser, <em>short</em>.</p>");
    let html = app
        .post(json!({
            "title": "Written in HTML",
            "body_html": "<p>Before <!--more--> after the break.</p>",
            "status": "published",
        }))
        .await;
    assert_eq!(html["teaser_html"], "<p>Before </p>");
    let plain = app
        .post(json!({"title": "No break", "body": "All of it.", "status": "published"}))
        .await;
    assert_eq!(plain["teaser_html"], "");

    let home = app.page("/").await;
    assert!(!home.contains("The long rest") && !home.contains("after the break"));
    let links = texts_of_class(&home, "jump-link");
    assert_eq!(links.len(), 2, "{home}");
    let post = app.page(md["url"].as_str().unwrap()).await;
    assert!(post.contains(r#"<a id="more""#) && post.contains("The long rest"));

    // Changing the body moves the break with it, or takes it away.
    let id = md["id"].as_i64().unwrap();
    let (status, changed) = app
        .api(
            Method::PATCH,
            &format!("/posts/{id}"),
            Some(json!({"body": "No break now."})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["teaser_html"], "");

    // Feeds carry whole posts unless the blog says otherwise.
    let feed = app.page("/feeds/posts/default").await;
    assert!(feed.contains("after the break"), "{feed}");
    app.settings(json!({"feed_content": "until_break"})).await;
    let feed = app.page("/feeds/posts/default?alt=rss").await;
    assert!(
        !feed.contains("after the break") && feed.contains("Read more »"),
        "{feed}"
    );
    let (status, err) = app
        .api(
            Method::PATCH,
            "/blog",
            Some(json!({"feed_content": "teaser"})),
        )
        .await;
    assert!(status.is_client_error(), "{status} {err}");
    assert!(err.to_string().contains("feed_content"), "{err}");

    // "Read more »" in the blog's language.
    app.settings(json!({"language": "fr"})).await;
    let home = app.page("/").await;
    assert_eq!(
        texts_of_class(&home, "jump-link"),
        ["Lire la suite »"],
        "{home}"
    );
}

#[tokio::test]
async fn the_wordpress_more_tag_ends_what_lists_show() {
    let mut app = TestApp::start().await;
    import(&app, "wordpress", &crate::import::theme_unit_test());
    app.settings(json!({"posts_per_page": 100})).await;
    let list = app.page("/search/label/Classic").await;
    let more = article(&list, "Template: More Tag");
    assert!(more.contains("This content is before the"), "{more}");
    assert!(!more.contains("after the more tag"), "{more}");
    assert!(
        more.contains("/2012/03/template-more-tag.html#more"),
        "{more}"
    );
    let post = app.page("/2012/03/template-more-tag.html").await;
    assert!(post.contains(r#"id="more""#) && post.contains("after the more tag"));
}
