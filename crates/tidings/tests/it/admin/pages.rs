//! The admin's pages: CSRF on every state change, roles, the editor and the
//! comment queue.

use reqwest::StatusCode;

use super::{Browser, PASSWORD, set_up};
use crate::support::{TestApp, hidden, texts_of_class};

#[tokio::test]
async fn state_changes_without_the_csrf_token_are_refused() {
    let app = TestApp::start().await;
    let mut owner = set_up(&app).await;
    let good = owner.csrf("/admin/settings").await;
    for (path, fields) in [
        ("/admin/settings", vec![("title", "Hijacked")]),
        (
            "/admin/posts/new",
            vec![("title", "Planted"), ("body", "x"), ("action", "publish")],
        ),
        (
            "/admin/users",
            vec![
                ("email", "evil@example.com"),
                ("name", "Evil"),
                ("role", "admin"),
                ("password", PASSWORD),
            ],
        ),
        ("/admin/tokens", vec![("label", "stolen")]),
        ("/admin/logout", vec![]),
        (
            "/admin/account",
            vec![
                ("current", PASSWORD),
                ("new", "taken over now"),
                ("again", "taken over now"),
            ],
        ),
        ("/admin/comments", vec![("action", "approve"), ("ids", "1")]),
    ] {
        for csrf in [None, Some("0".repeat(64))] {
            let mut form: Vec<(&str, &str)> = fields.clone();
            if let Some(c) = &csrf {
                form.push(("csrf", c));
            }
            let r = owner.post(path, &form).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{path} with csrf {csrf:?}");
            assert!(r.body.contains("did not come from this site"), "{path}");
        }
    }
    // Nothing changed, and the session survived.
    assert!(!app.page("/").await.contains("Hijacked"));
    assert!(!app.page("/").await.contains("Planted"));
    assert_eq!(owner.get("/admin").await.status, StatusCode::OK);
    let r = owner
        .post(
            "/admin/settings",
            &[
                ("csrf", &good),
                ("title", "Renamed"),
                ("description", ""),
                ("timezone", "UTC"),
                ("posts_per_page", "7"),
                ("comments_allowed", "anyone"),
                ("comment_moderation", "never"),
                ("moderation_days", "14"),
                ("comment_min_seconds", "3"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(app.page("/").await.contains("Renamed"));
}

#[tokio::test]
async fn settings_are_validated_beside_their_field() {
    let app = TestApp::start().await;
    let mut owner = set_up(&app).await;
    let csrf = owner.csrf("/admin/settings").await;
    let base = [
        ("csrf", csrf.as_str()),
        ("title", "T"),
        ("description", ""),
        ("timezone", "UTC"),
        ("posts_per_page", "7"),
        ("comments_allowed", "anyone"),
        ("comment_moderation", "never"),
        ("moderation_days", "14"),
        ("comment_min_seconds", "3"),
    ];
    for (field, value, says) in [
        ("timezone", "Mars/Olympus", "not a time zone"),
        ("posts_per_page", "0", "between 1 and 100"),
        ("moderation_days", "-3", "whole number"),
        (
            "comment_moderation",
            "sometimes",
            "never, always, older_than",
        ),
    ] {
        let form: Vec<(&str, &str)> = base
            .iter()
            .map(|(k, v)| if *k == field { (*k, value) } else { (*k, *v) })
            .collect();
        let r = owner.post("/admin/settings", &form).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        assert!(
            r.body.contains(&format!("id=\"{field}-error\"")),
            "{field}: message beside the field"
        );
        assert!(r.body.contains(says), "{field}: {says}");
    }
}

#[tokio::test]
async fn the_editor_previews_saves_publishes_and_deletes() {
    let app = TestApp::start().await;
    let mut owner = set_up(&app).await;
    let csrf = owner.csrf("/admin/posts/new").await;
    let fields = |action: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("kind", "post".into()),
            ("title", "From the editor".into()),
            ("body", "Some **bold** words.".into()),
            ("labels", "one, two".into()),
            ("slug", String::new()),
            ("published_at", "2020-03-04T05:06".into()),
            ("action", action.into()),
        ]
    };

    // Preview without JavaScript: the same renderer as the public page.
    let preview = owner
        .post("/admin/posts/new", &as_refs(&fields("preview")))
        .await;
    assert_eq!(preview.status, StatusCode::OK);
    assert!(
        preview
            .body
            .contains("<p>Some <strong>bold</strong> words.</p>")
    );
    let live = owner
        .post("/admin/preview", &[("csrf", &csrf), ("body", "*live*")])
        .await;
    assert_eq!(live.body.trim(), "<p><em>live</em></p>");

    let saved = owner
        .post("/admin/posts/new", &as_refs(&fields("draft")))
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let edit = saved.location.unwrap();
    assert!(owner.get(&edit).await.body.contains("Saved as a draft."));
    assert!(!app.page("/").await.contains("From the editor"));

    let id = edit
        .trim_start_matches("/admin/posts/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let published = owner
        .post(&format!("/admin/posts/{id}"), &as_refs(&fields("publish")))
        .await;
    assert_eq!(published.status, StatusCode::SEE_OTHER);
    let home = app.page("/").await;
    assert_eq!(
        texts_of_class(&home, "date-header"),
        ["Wednesday, March 4, 2020"]
    );
    assert!(home.contains("<strong>bold</strong>"));
    app.page("/2020/03/from-the-editor.html").await;

    let confirm = owner.get(&format!("/admin/posts/{id}/delete")).await;
    assert!(confirm.body.contains("Move to trash"));
    let gone = owner
        .post(&format!("/admin/posts/{id}/delete"), &[("csrf", &csrf)])
        .await;
    assert_eq!(gone.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.get("/2020/03/from-the-editor.html").await.status(),
        StatusCode::GONE
    );
}

fn as_refs<'a>(v: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    v.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// Adds a user with `role` through the admin, and signs them in.
async fn member<'a>(
    app: &'a TestApp,
    owner: &mut Browser<'_>,
    email: &str,
    role: &str,
) -> Browser<'a> {
    let csrf = owner.csrf("/admin/users").await;
    let r = owner
        .post(
            "/admin/users",
            &[
                ("csrf", &csrf),
                ("email", email),
                ("name", role),
                ("role", role),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let mut b = Browser::new(app);
    assert_eq!(
        b.sign_in(email, PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    b
}

#[tokio::test]
async fn roles_are_enforced_in_the_admin() {
    let app = TestApp::start().await;
    let mut owner = set_up(&app).await;
    let mut writer = member(&app, &mut owner, "author@example.com", "author").await;
    let mut helper = member(&app, &mut owner, "contributor@example.com", "contributor").await;

    // Admin-only pages.
    for path in ["/admin/settings", "/admin/users"] {
        let r = helper.get(path).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
        assert!(r.body.contains("Your role (contributor) may not"));
        assert_eq!(
            writer.get(path).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    assert_eq!(
        helper.get("/admin/comments").await.status,
        StatusCode::FORBIDDEN
    );

    // A contributor saves drafts but cannot publish.
    let csrf = helper.csrf("/admin/posts/new").await;
    let publish = helper
        .post(
            "/admin/posts/new",
            &[
                ("csrf", &csrf),
                ("kind", "post"),
                ("title", "Eager"),
                ("body", "x"),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(publish.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(publish.body.contains("Contributors save drafts"));
    let draft = helper
        .post(
            "/admin/posts/new",
            &[
                ("csrf", &csrf),
                ("kind", "post"),
                ("title", "Patient"),
                ("body", "x"),
                ("action", "draft"),
            ],
        )
        .await;
    assert_eq!(draft.status, StatusCode::SEE_OTHER);
    let draft_path = draft
        .location
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_owned();

    // An author may not edit the contributor's post; the admin may.
    let csrf_w = writer.csrf("/admin/posts/new").await;
    let r = writer
        .post(
            &draft_path,
            &[
                ("csrf", &csrf_w),
                ("title", "Taken over"),
                ("body", "x"),
                ("action", "draft"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.body.contains("may not change other people"));
    let csrf_o = owner.csrf("/admin/posts/new").await;
    let r = owner
        .post(
            &draft_path,
            &[
                ("csrf", &csrf_o),
                ("title", "Patient"),
                ("body", "x"),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(app.page("/").await.contains("Patient"));

    // Removing someone ends their access.
    let users = owner.get("/admin/users").await.body;
    let marker = "action=\"/admin/users/";
    let ids: Vec<&str> = users
        .match_indices(marker)
        .map(|(i, _)| users[i + marker.len()..].split('"').next().unwrap())
        .collect();
    for id in ids {
        let r = owner
            .post(
                &format!("/admin/users/{id}"),
                &[("csrf", &csrf_o), ("remove", "1")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
    }
    // Their access to this blog ends at once (their sessions still work on
    // other blogs where they have a role: see `people.rs`).
    for b in [&mut helper, &mut writer] {
        let r = b.get("/admin").await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert!(r.body.contains("no role on this blog"));
    }
}

#[tokio::test]
async fn the_comment_queue_approves_in_bulk_and_replies() {
    let mut app = TestApp::start().await;
    // The first admin comes through the setup link, before the API's
    // admin (`app.token()`) exists and the link dies.
    let session = set_up(&app).await.cookie().unwrap().to_owned();
    app.settings(serde_json::json!({"comment_moderation": "always", "comment_min_seconds": 0}))
        .await;
    let post = app
        .post(serde_json::json!({"title": "Queue me", "body": "x", "status": "published"}))
        .await;
    let path = post["url"].as_str().unwrap().to_owned();
    let path = path.as_str();
    for body in ["first <b>held</b>", "second held", "third held"] {
        app.comment(path, &[("name", "Reader"), ("body", body)])
            .await
            .unwrap();
    }
    let mut owner = Browser::new(&app);
    owner.set_cookie(Some(session));
    let queue = owner.get("/admin/comments").await;
    assert_eq!(queue.status, StatusCode::OK);
    assert!(
        queue.body.contains("first &lt;b&gt;held&lt;/b&gt;"),
        "held comments are shown as text"
    );
    assert!(queue.body.contains("Held because: held for moderation"));
    let csrf = hidden(&queue.body, "csrf");
    let ids: Vec<String> = queue
        .body
        .match_indices("name=\"ids\" value=\"")
        .map(|(i, m)| {
            queue.body[i + m.len()..]
                .split('"')
                .next()
                .unwrap()
                .to_owned()
        })
        .collect();
    // Newest first: third, second, first.
    assert_eq!(ids.len(), 3);
    let r = owner
        .post(
            "/admin/comments",
            &[
                ("csrf", &csrf),
                ("status", "pending"),
                ("action", "approve"),
                ("ids", &ids[1]),
                ("ids", &ids[2]),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = owner
        .post(
            "/admin/comments",
            &[
                ("csrf", &csrf),
                ("status", "pending"),
                ("action", &format!("spam:{}", ids[0])),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = app.page(path).await;
    assert!(page.contains("<h2>2 comments:</h2>"));
    assert!(!page.contains("third held"));

    let reply = owner
        .post(
            &format!("/admin/comments/{}/reply", ids[2]),
            &[("csrf", &csrf), ("body", "Thanks for reading!")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let page = app.page(path).await;
    assert!(page.contains("<h2>3 comments:</h2>"));
    assert!(page.contains("Thanks for reading!"));
    assert!(page.contains("class=\"comment-replies\""));
}

#[tokio::test]
async fn members_comment_where_only_members_may() {
    let mut app = TestApp::start().await;
    // The first admin comes through the setup link, before the API's
    // admin (`app.token()`) exists and the link dies.
    let session = set_up(&app).await.cookie().unwrap().to_owned();
    app.settings(serde_json::json!({"comments_allowed": "signed_in", "comment_min_seconds": 0}))
        .await;
    let post = app
        .post(serde_json::json!({"title": "Members only", "body": "x", "status": "published"}))
        .await;
    let path = post["url"].as_str().unwrap().to_owned();
    let mut owner = Browser::new(&app);
    owner.set_cookie(Some(session));

    let public = app.page(&path).await;
    assert!(public.contains("Only signed-in members of this blog may comment."));
    assert!(!public.contains("<form class=\"comment-form\""));

    let page = owner.get(&path).await;
    assert!(page.body.contains("Commenting as Owner."), "{}", page.body);
    let token = hidden(&page.body, "token");
    let sent = owner
        .post(
            &path,
            &[
                ("token", &token),
                ("name", "Someone Else"),
                ("body", "A member speaks"),
            ],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert!(sent.location.unwrap().contains("#c"));
    let shown = app.page(&path).await;
    assert!(shown.contains("A member speaks"));
    assert_eq!(
        texts_of_class(&shown, "comment-author"),
        ["Owner"],
        "members comment under their own name"
    );

    // The same form without the session is refused.
    let r = app
        .client
        .post(app.url(&path))
        .form(&[("token", token.as_str()), ("body", "sneaky")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
}
