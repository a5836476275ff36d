//! Exports Blogger itself wrote, not ones we wrote to look like them: the
//! settings entries as Blogger lists them, its escaped jump breaks, its
//! "Convert line breaks" and time zone, read the way a reader sees them.
//! Each fixture's origin and licence are in the fixtures' README.

use reqwest::Method;

use super::jump_breaks::article;
use crate::import::{fixture, import};
use crate::support::{TestApp, texts_of_class};

/// A "Back up content" file Blogger wrote in 2022 for a test blog (English,
/// America/Chicago), trimmed to three posts: two with a jump break, one
/// without.
#[tokio::test]
async fn a_real_blogger_export_reads_as_its_blog_did() {
    let mut app = TestApp::start().await;
    let file = fixture("blogger-cwp-project.xml");
    assert_eq!(
        import(&app, "blogger", &file),
        "imported: 3 posts, 0 pages, 0 comments"
    );
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(blog["title"], "CWP Project");
    assert_eq!(blog["language"], "en");
    assert_eq!(blog["timezone"], "America/Chicago");
    assert_eq!(blog["posts_per_page"], 7);
    // "Comment moderation: Always", which Blogger writes ENABLED; comments
    // from Blogger accounts only (BLOGGERS), signed-in readers here.
    assert_eq!(blog["comment_moderation"], "always");
    assert_eq!(blog["comments_allowed"], "signed_in");

    let home = app.page("/").await;
    assert!(home.contains(r#"<html lang="en""#), "{home}");
    // Posted at 22:52 in Chicago, already the 17th in UTC: the blog's day.
    assert_eq!(
        texts_of_class(&home, "date-header"),
        [
            "Saturday, April 4, 2020",
            "Monday, March 16, 2020",
            "Wednesday, July 24, 2019"
        ]
    );
    // Blogger's `<a name='more'></a>`, escaped in the Atom content, ends
    // what the home page shows, with the link to the rest.
    let video = article(&home, "Video: CWP Project Introduction");
    // Its teaser is a YouTube player, which shows as a link to the video.
    assert!(
        video.contains(r#"<a href="https://www.youtube.com/watch?v=_0Bu31qEyZY""#),
        "{video}"
    );
    assert!(!video.contains("Transcript"), "{video}");
    assert!(
        video.contains(
            r#"class="jump-link" href="/2020/04/video-cwp-project-introduction.html#more""#
        ),
        "{video}"
    );
    let intro = article(&home, "Compassion, Wisdom, and Persistence Project");
    assert!(!intro.contains("After talking with friends"), "{intro}");
    assert!(intro.contains("/2020/03/compassion-wisdom-persistence-intro.html#more"));
    // The post without a break is whole, with no link.
    assert!(!article(&home, "Nam vel justo et arcu").contains("jump-link"));
    assert_eq!(texts_of_class(&home, "jump-link"), ["Read more »"; 2]);

    // The post page has all of it, and the spot the link leads to.
    let post = app
        .page("/2020/03/compassion-wisdom-persistence-intro.html")
        .await;
    assert!(post.contains("After talking with friends"), "{post}");
    assert_eq!(post.matches(r#"id="more""#).count(), 1, "{post}");
    assert_eq!(
        texts_of_class(&post, "date-header"),
        ["Monday, March 16, 2020"]
    );
    assert!(!post.contains("jump-link"));
}
