//! API tokens revoked all at once: from the tokens page, on the command
//! line, and with a new password when its owner ticks the box (issue 13).

use reqwest::{Method, StatusCode};

use super::{Browser, PASSWORD, set_up};
use crate::support::TestApp;

async fn works(app: &TestApp, token: &str) -> bool {
    let (status, body) = app.api_as(token, Method::GET, "/posts", None).await;
    match status {
        StatusCode::OK => true,
        StatusCode::UNAUTHORIZED => false,
        other => panic!("{other}: {body}"),
    }
}

#[tokio::test]
async fn every_token_is_revoked_at_once_from_the_tokens_page() {
    let app = TestApp::start().await;
    let mut owner = set_up(&app).await;
    let (a, b) = (
        app.new_token("admin@example.com"),
        app.new_token("admin@example.com"),
    );
    assert!(works(&app, &a).await && works(&app, &b).await);
    let csrf = owner.csrf("/admin/tokens").await;
    let r = owner
        .post("/admin/tokens/revoke-all", &[("csrf", &csrf)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(!works(&app, &a).await && !works(&app, &b).await);
    assert!(owner.get("/admin/tokens").await.body.contains("no tokens"));
}

#[tokio::test]
async fn tokens_are_revoked_on_the_command_line_one_or_all() {
    let app = TestApp::start().await;
    let mut owner = set_up(&app).await;
    let one = app.new_token("admin@example.com");
    let page = owner.get("/admin/tokens").await.body;
    let id = page
        .split("/admin/tokens/")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .expect("the tokens page names the token's id")
        .to_owned();
    let out = app.cli(&["token", "revoke", &id], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!works(&app, &one).await);
    let out = app.cli(&["token", "revoke", &id], None);
    assert!(!out.status.success(), "a revoked token is gone");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no token"));

    let (a, b) = (
        app.new_token("admin@example.com"),
        app.new_token("admin@example.com"),
    );
    let out = app.cli(
        &["token", "revoke", "--all", "--email", "admin@example.com"],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("revoked 2 tokens"));
    assert!(!works(&app, &a).await && !works(&app, &b).await);
    let out = app.cli(&["token", "revoke", "--all"], None);
    assert!(!out.status.success(), "--all needs --email");
}

async fn change_password(owner: &mut Browser<'_>, from: &str, to: &str, tick: bool) {
    let csrf = owner.csrf("/admin/account").await;
    let mut fields = vec![
        ("csrf", csrf.as_str()),
        ("current", from),
        ("new", to),
        ("again", to),
    ];
    if tick {
        fields.push(("revoke_tokens", "1"));
    }
    let r = owner.post("/admin/account", &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
}

#[tokio::test]
async fn a_new_password_revokes_the_tokens_when_ticked() {
    let app = TestApp::start().await;
    let mut owner = set_up(&app).await;
    let token = app.new_token("admin@example.com");
    change_password(&mut owner, PASSWORD, "a second long password", false).await;
    assert!(works(&app, &token).await, "unticked: the token still works");
    change_password(
        &mut owner,
        "a second long password",
        "a third long password",
        true,
    )
    .await;
    assert!(!works(&app, &token).await, "ticked: the token is revoked");
}
