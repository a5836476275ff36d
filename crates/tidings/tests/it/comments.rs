//! Comments as readers and owners meet them: the form, counts, threads,
//! hostile markup, moderation, spam defences and rate limits.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::{TestApp, texts_of_class};

/// An app whose forms may be sent at once (no minimum fill time), with one post.
async fn app_with_post() -> (TestApp, String, i64) {
    let mut app = TestApp::start().await;
    app.settings(json!({"comment_min_seconds": 0})).await;
    let post = app
        .post(json!({"title": "Talk to me", "body": "Say something.", "status": "published"}))
        .await;
    (
        app,
        post["url"].as_str().unwrap().to_owned(),
        post["id"].as_i64().unwrap(),
    )
}

#[tokio::test]
async fn counts_read_no_one_and_n_comments() {
    let (app, path, _) = app_with_post().await;
    let home = app.page("/").await;
    assert_eq!(texts_of_class(&home, "comment-link"), ["No comments"]);
    let page = app.page(&path).await;
    assert!(page.contains("<h2>No comments:</h2>"));
    assert!(page.contains("id=\"comment-form\"") && page.contains("Post a Comment"));

    let to = app
        .comment(&path, &[("name", "Ada"), ("body", "First!")])
        .await
        .unwrap();
    assert!(
        to.starts_with(&format!("{path}?showComment=")) && to.contains("#c"),
        "published comments land on their anchor, by Blogger's link: {to}"
    );
    assert_eq!(
        texts_of_class(&app.page("/").await, "comment-link"),
        ["1 comment"]
    );
    assert!(app.page(&path).await.contains("<h2>1 comment:</h2>"));

    app.comment(&path, &[("body", "Second")]).await.unwrap();
    app.comment(&path, &[("body", "Third")]).await.unwrap();
    assert_eq!(
        texts_of_class(&app.page("/").await, "comment-link"),
        ["3 comments"]
    );
    let page = app.page(&path).await;
    assert!(page.contains("<h2>3 comments:</h2>"));
    assert_eq!(
        texts_of_class(&page, "comment-author"),
        ["Ada", "Anonymous", "Anonymous"]
    );
}

#[tokio::test]
async fn replies_nest_inside_their_parent() {
    let (app, path, _) = app_with_post().await;
    let parent_at = app
        .comment(&path, &[("name", "Parent"), ("body", "Top level")])
        .await
        .unwrap();
    let parent_id = parent_at.rsplit("#c").next().unwrap().to_owned();
    let reply_at = app
        .comment(
            &path,
            &[
                ("name", "Child"),
                ("body", "A reply"),
                ("parent", &parent_id),
            ],
        )
        .await
        .unwrap();
    let reply_id = reply_at.rsplit("#c").next().unwrap();

    let html = app.page(&path).await;
    let parent_start = html.find(&format!("id=\"c{parent_id}\"")).unwrap();
    let reply_start = html.find(&format!("id=\"c{reply_id}\"")).unwrap();
    let parent_end = parent_start
        + html[parent_start..]
            .find("</li>\n    \n  </ol>")
            .unwrap_or(html.len() - parent_start);
    assert!(
        reply_start > parent_start && reply_start < parent_end,
        "the reply sits inside its parent's comment"
    );
    assert!(html[parent_start..reply_start].contains("class=\"comment-replies\""));

    // The reply link pre-fills the parent field.
    let form = app.page(&format!("{path}?replyTo={parent_id}")).await;
    assert!(form.contains(&format!("name=\"parent\" value=\"{parent_id}\"")));
    assert!(form.contains("Replying to Parent"));
}

#[tokio::test]
async fn hostile_markup_is_shown_as_text() {
    let (app, path, _) = app_with_post().await;
    let payloads = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "\"><svg onload=alert(1)>",
    ];
    for p in payloads {
        app.comment(
            &path,
            &[("name", "<b>Mallory</b><script>x()</script>"), ("body", p)],
        )
        .await
        .unwrap();
    }
    let refused = app
        .comment(&path, &[("body", "hi"), ("url", "javascript:alert(1)")])
        .await
        .unwrap_err();
    assert_eq!(refused.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.1.contains("must start with http"), "{}", refused.1);

    let html = app.page(&path).await;
    let comments =
        &html[html.find("id=\"comments\"").unwrap()..html.find("id=\"comment-form\"").unwrap()];
    for forbidden in [
        "<script",
        "<img",
        "<svg",
        "href=\"javascript:",
        "<b>Mallory",
    ] {
        assert!(
            !comments.contains(forbidden),
            "{forbidden} must not be markup"
        );
    }
    assert!(comments.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(comments.contains("&lt;b&gt;Mallory&lt;/b&gt;"));
}

#[tokio::test]
async fn paragraphs_kept_urls_linked_nofollow() {
    let (app, path, _) = app_with_post().await;
    app.comment(
        &path,
        &[
            ("name", "Linker"),
            ("url", "https://linker.example/"),
            ("email", "l@example.com"),
            ("body", "One\ntwo\n\nSee https://example.com/page."),
        ],
    )
    .await
    .unwrap();
    let html = app.page(&path).await;
    assert!(html.contains("<p>One<br>"));
    assert!(html.contains(
        "<a href=\"https://example.com/page\" rel=\"nofollow ugc\">https://example.com/page</a>."
    ));
    assert!(html.contains("<a href=\"https://linker.example/\" rel=\"nofollow ugc\">Linker</a>"));
    assert!(!html.contains("l@example.com"), "emails are never shown");
}

#[tokio::test]
async fn moderation_holds_then_api_approval_publishes() {
    let (mut app, path, post_id) = app_with_post().await;
    app.settings(json!({"comment_moderation": "always"})).await;
    let to = app
        .comment(&path, &[("name", "Patient"), ("body", "Please approve me")])
        .await
        .unwrap();
    assert_eq!(to, format!("{path}?held=1#comment-held"));
    let notice = app.page(&to.replace("#comment-held", "")).await;
    assert!(notice.contains("awaiting moderation"));
    let page = app.page(&path).await;
    assert!(!page.contains("Please approve me"));
    assert!(page.contains("<h2>No comments:</h2>"));

    let (status, list) = app
        .api(
            Method::GET,
            &format!("/comments?status=pending&post_id={post_id}"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["total"], 1);
    let id = list["items"][0]["id"].as_i64().unwrap();
    assert_eq!(list["items"][0]["hold_reasons"], "held for moderation");
    let (status, c) = app
        .api(Method::POST, &format!("/comments/{id}/approve"), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(c["status"], "published");
    let page = app.page(&path).await;
    assert!(page.contains("Please approve me"));
    assert!(page.contains("<h2>1 comment:</h2>"));
}

#[tokio::test]
async fn older_than_moderation_holds_only_old_posts() {
    let mut app = TestApp::start().await;
    app.settings(
        json!({"comment_min_seconds": 0, "comment_moderation": "older_than", "moderation_days": 7}),
    )
    .await;
    let old = app.post(json!({"title": "Old", "body": "x", "status": "published", "published_at": "2015-01-01T00:00:00Z"})).await;
    let new = app
        .post(json!({"title": "New", "body": "x", "status": "published"}))
        .await;
    let held = app
        .comment(old["url"].as_str().unwrap(), &[("body", "late")])
        .await
        .unwrap();
    assert!(held.contains("held=1"));
    let shown = app
        .comment(new["url"].as_str().unwrap(), &[("body", "fresh")])
        .await
        .unwrap();
    assert!(shown.contains("#c"));
}

#[tokio::test]
async fn who_may_comment() {
    let (mut app, path, _) = app_with_post().await;
    let html = app.page(&path).await;
    let token = crate::support::hidden(&html, "token");
    app.settings(json!({"comments_allowed": "nobody"})).await;
    let page = app.page(&path).await;
    assert!(page.contains("Comments are closed"));
    assert!(!page.contains("<form class=\"comment-form\""));
    let form = vec![
        ("token".to_owned(), token.clone()),
        ("body".to_owned(), "hi".to_owned()),
    ];
    assert_eq!(
        app.submit(&path, &form).await.unwrap_err().0,
        StatusCode::FORBIDDEN
    );
    app.settings(json!({"comments_allowed": "signed_in"})).await;
    assert!(app.page(&path).await.contains("Only signed-in members"));
    assert_eq!(
        app.submit(&path, &form).await.unwrap_err().0,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn honeypot_and_haste_are_held_not_published() {
    let mut app = TestApp::start().await;
    let post = app
        .post(json!({"title": "Bait", "body": "x", "status": "published"}))
        .await;
    let path = post["url"].as_str().unwrap();
    // Default minimum fill time is 3 s: an instant reply is held.
    let fast = app.comment(path, &[("body", "too quick")]).await.unwrap();
    assert!(fast.contains("held=1"));
    let bot = app
        .comment(
            path,
            &[("body", "buy now"), ("website", "http://spam.example")],
        )
        .await
        .unwrap();
    assert!(
        bot.contains("held=1"),
        "a bot gets the same answer as a held comment"
    );

    let (_, spam) = app.api(Method::GET, "/comments?status=spam", None).await;
    assert_eq!(spam["total"], 1);
    assert_eq!(spam["items"][0]["hold_reasons"], "filled the hidden field");
    let (_, pending) = app.api(Method::GET, "/comments?status=pending", None).await;
    assert!(
        pending["items"][0]["hold_reasons"]
            .as_str()
            .unwrap()
            .contains("after the form loaded")
    );
    assert!(!app.page(path).await.contains("too quick"));
}

#[tokio::test]
async fn many_links_are_held() {
    let (mut app, path, _) = app_with_post().await;
    let to = app
        .comment(
            &path,
            &[(
                "body",
                "http://a.example http://b.example https://c.example",
            )],
        )
        .await
        .unwrap();
    assert!(to.contains("held=1"));
    let (_, pending) = app.api(Method::GET, "/comments?status=pending", None).await;
    assert_eq!(pending["items"][0]["hold_reasons"], "3 links");
}

#[tokio::test]
async fn an_address_is_limited_to_twenty_comments_in_ten_minutes() {
    let (app, path, _) = app_with_post().await;
    for i in 0..20 {
        app.comment(&path, &[("body", &format!("comment {i}"))])
            .await
            .unwrap();
    }
    let html = app.page(&path).await;
    let token = crate::support::hidden(&html, "token");
    let r = app
        .client
        .post(app.url(&path))
        .form(&[("token", token.as_str()), ("body", "one too many")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=600).contains(&retry));
    assert!(r.text().await.unwrap().contains("Please wait"));
    assert!(!app.page(&path).await.contains("one too many"));
}
