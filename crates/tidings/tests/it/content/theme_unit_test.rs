//! WordPress's Theme Unit Test, post by post: its shortcodes, embeds,
//! blocks, more tags and comments as WordPress showed them.

use reqwest::Method;
use serde_json::Value;

use crate::import::{import, theme_unit_test};
use crate::support::TestApp;

/// Every post and page by title, as the API answers them.
pub(super) async fn by_title(app: &mut TestApp) -> Vec<Value> {
    let mut all = Vec::new();
    for kind in ["post", "page"] {
        let (_, json) = app
            .api(Method::GET, &format!("/posts?kind={kind}&limit=500"), None)
            .await;
        all.extend(json["items"].as_array().unwrap().iter().cloned());
    }
    all
}

fn body<'a>(posts: &'a [Value], title: &str) -> &'a str {
    posts
        .iter()
        .find(|p| p["title"] == title)
        .unwrap_or_else(|| panic!("no post {title:?}"))["body_html"]
        .as_str()
        .unwrap()
}

#[tokio::test]
async fn the_theme_unit_test_shows_as_wordpress_showed_it() {
    let mut app = TestApp::start().await;
    let file = theme_unit_test();
    import(&app, "wordpress", &file);
    let posts = by_title(&mut app).await;

    // No shortcode is left as text anywhere.
    for p in &posts {
        let html = p["body_html"].as_str().unwrap();
        for code in [
            "[caption",
            "[/caption]",
            "[gallery",
            "[audio",
            "[video",
            "[embed",
        ] {
            assert!(!html.contains(code), "{code} in {}: {html}", p["title"]);
        }
    }

    // Captions: figures floated as aligned, as wide as they were.
    let alignment = body(&posts, "Markup: Image Alignment");
    assert!(
        alignment.contains(r#"<figure class="wp-caption alignright" style="width:300px">"#),
        "{alignment}"
    );
    assert!(alignment.contains(
        r#"<figcaption class="wp-caption-text">Feels good to be right all the time.</figcaption>"#
    ));
    assert_eq!(alignment.matches("<figcaption").count(), 5, "{alignment}");
    let caption = body(&posts, "Post Format: Image (Caption)");
    assert!(caption.contains("<figure class=\"wp-caption"), "{caption}");

    // Galleries: the post's own images, or the ones named, linked to the files.
    let gallery = body(&posts, "Post Format: Gallery");
    assert!(
        gallery.contains(r#"<div class="gallery gallery-columns-3">"#),
        "{gallery}"
    );
    assert!(
        gallery.matches("class=\"gallery-item\"").count() >= 10,
        "{gallery}"
    );
    assert!(gallery.contains(r#"<a href="https://wpthemetestdata.files.wordpress.com/"#));
    let tiled = body(&posts, "Post Format: Gallery (Tiled)");
    assert!(tiled.contains("gallery-columns-4"), "{tiled}");
    assert_eq!(
        tiled.matches("class=\"gallery-item\"").count(),
        5,
        "{tiled}"
    );

    // Audio and the YouTube video: a player that loads nothing first, a link card.
    let audio = body(&posts, "Post Format: Audio");
    assert!(
        audio.contains(r#"<audio controls="" preload="none">"#),
        "{audio}"
    );
    assert!(audio.contains("stlouisblues.mp3"), "{audio}");
    let video = body(&posts, "Post Format: Video (YouTube)");
    assert!(
        video.contains(r#"<p class="wp-embed"><span class="embed-provider">YouTube</span> <a href="https://www.youtube.com/watch?v=SQEQr7c0-dw""#),
        "{video}"
    );

    // Blocks keep the classes the theme styles.
    let block_gallery = body(&posts, "Block: Gallery");
    assert!(
        block_gallery.contains("wp-block-gallery"),
        "{block_gallery}"
    );
    assert!(block_gallery.contains("alignfull"), "{block_gallery}");
    let columns = body(&posts, "Block: Columns");
    assert!(
        columns.contains(r#"<div class="wp-block-columns">"#),
        "{columns}"
    );
    assert!(columns.matches(r#"<div class="wp-block-column">"#).count() >= 5);
    assert!(body(&posts, "Block: Cover").contains("wp-block-cover"));

    // The more tag: a jump break on list pages.
    let more = posts
        .iter()
        .find(|p| p["title"] == "Template: More Tag")
        .unwrap();
    assert!(
        more["teaser_html"]
            .as_str()
            .unwrap()
            .contains("This content is before the")
    );
    assert!(
        more["body_html"]
            .as_str()
            .unwrap()
            .contains(r#"<a id="more""#)
    );
    assert!(
        !posts
            .iter()
            .find(|p| p["title"] == "Block category: Layout Elements")
            .unwrap()["teaser_html"]
            .as_str()
            .unwrap()
            .is_empty(),
        "the block editor's more block is a break too"
    );

    // Comments keep the markup of the comment allowlist; the rest is text.
    let comments = app.page("/2012/01/template-comments.html").await;
    assert!(
        comments.contains("<blockquote>Stay hungry. Stay foolish.</blockquote>"),
        "{comments}"
    );
    assert!(comments.contains("<strong>Headings</strong>"));
    assert!(comments.contains("Header one") && !comments.contains("<h1>Header one"));
    assert!(!comments.contains("<table>") && comments.contains("John Saddington"));
    assert!(
        comments.contains(r#"rel="nofollow ugc noopener">Gravatar</a>"#),
        "{comments}"
    );

    // The same file again: nothing changes.
    import(&app, "wordpress", &file);
    assert_eq!(by_title(&mut app).await, posts);
}
