//! Preview as readers will see it: a draft's, a pending or a scheduled
//! post's own address shows it in the theme to a signed-in member who may
//! read it, under a banner saying it is not public, kept by no cache and
//! not for search engines; every reader else still gets 404.

use reqwest::StatusCode;
use serde_json::json;

use crate::admin::{Browser, PASSWORD};
use crate::support::TestApp;

const BANNER: &str = "readers do not see this post yet";

#[tokio::test]
async fn members_preview_unpublished_posts_in_the_theme_and_readers_get_404() {
    let mut app = TestApp::start().await;
    app.token();
    let later = (chrono::Utc::now() + chrono::Duration::days(3)).to_rfc3339();
    let draft = app
        .post(json!({"title": "Half written", "body": "Draft *words*.", "labels": ["wip"]}))
        .await;
    let scheduled = app
        .post(json!({"title": "Coming soon", "body": "Not yet.", "status": "scheduled", "published_at": later}))
        .await;
    let page = app
        .post(json!({"kind": "page", "title": "About us", "body": "Who we are."}))
        .await;
    let live = app
        .post(json!({"title": "Out now", "body": "Live.", "status": "published"}))
        .await;
    let paths: Vec<String> = [&draft, &scheduled, &page]
        .iter()
        .map(|p| p["url"].as_str().unwrap().to_owned())
        .collect();

    // Readers, before and after a member looked: 404, nothing of the post.
    for path in &paths {
        let r = app.get(path).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{path}");
        assert!(!r.text().await.unwrap().contains(BANNER));
    }

    let mut owner = Browser::new(&app);
    owner.sign_in("owner@example.com", PASSWORD).await;
    for (path, words) in paths
        .iter()
        .zip(["Draft <em>words</em>.", "Not yet.", "Who we are."])
    {
        let r = app
            .client
            .get(app.url(path))
            .header(
                "cookie",
                format!("tidings_session={}", owner.cookie().unwrap()),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        let cache = r.headers()["cache-control"].to_str().unwrap().to_owned();
        assert!(cache.contains("no-store"), "{path}: {cache}");
        assert_eq!(r.headers()["x-robots-tag"], "noindex", "{path}");
        let csp = r.headers()["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("script-src 'none'"),
            "{path}: public pages run no script"
        );
        let body = r.text().await.unwrap();
        assert!(body.contains(BANNER), "{path}: {body}");
        assert!(body.contains(words), "{path}: {body}");
        assert!(
            body.contains(r#"<meta name="robots" content="noindex"#),
            "{path}"
        );
        assert!(
            !body.contains("id=\"comment-form\""),
            "{path}: no comment form"
        );
    }
    for path in &paths {
        assert_eq!(
            app.get(path).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    // A published post shows no banner to the member.
    let shown = owner.get(live["url"].as_str().unwrap()).await;
    assert_eq!(shown.status, StatusCode::OK);
    assert!(!shown.body.contains(BANNER));

    // The editor links an unpublished post's preview.
    let id = draft["id"].as_i64().unwrap();
    let editor = owner.get(&format!("/admin/posts/{id}")).await.body;
    assert!(
        editor.contains(&format!(r#"href="{}" target="_blank""#, paths[0])),
        "{editor}"
    );
}

#[tokio::test]
async fn a_contributor_previews_their_own_drafts_only_and_strangers_get_404() {
    let mut app = TestApp::start().await;
    let owner = app.token();
    let helper = app.member_token("helper@example.com", "Helper", "contributor", None);
    let (_, theirs) = app
        .api_as(
            &helper,
            reqwest::Method::POST,
            "/posts",
            Some(json!({"title": "My own", "body": "Mine.", "status": "pending"})),
        )
        .await;
    let (_, others) = app
        .api_as(
            &owner,
            reqwest::Method::POST,
            "/posts",
            Some(json!({"title": "The owner's", "body": "Not theirs."})),
        )
        .await;
    let mut b = Browser::new(&app);
    b.sign_in("helper@example.com", PASSWORD).await;
    let own = b.get(theirs["url"].as_str().unwrap()).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(own.body.contains(BANNER) && own.body.contains("Mine."));
    let not_own = b.get(others["url"].as_str().unwrap()).await;
    assert_eq!(not_own.status, StatusCode::NOT_FOUND);
    assert!(!not_own.body.contains("Not theirs."));

    // A stale or forged session cookie is a reader: 404.
    let mut stranger = Browser::new(&app);
    stranger.set_cookie(Some("0".repeat(64)));
    let r = stranger.get(theirs["url"].as_str().unwrap()).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    // A trashed post is gone for members too: 410, no preview.
    let id = theirs["id"].as_i64().unwrap();
    let (status, _) = app
        .api_as(
            &owner,
            reqwest::Method::DELETE,
            &format!("/posts/{id}"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let gone = b.get(theirs["url"].as_str().unwrap()).await;
    assert_eq!(gone.status, StatusCode::GONE);
}
