//! One person, several blogs: `blog add --owner`, a blog's own setup link,
//! `user add` for an address that has an account, and the admin's blog
//! switcher, which links each other blog's admin at its own host.

use std::process::Output;

use reqwest::StatusCode;
use serde_json::json;

use crate::admin::{Browser, PASSWORD};
use crate::support::TestApp;

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn add_blog(app: &TestApp, host: &str, owner: Option<&str>) -> Output {
    let mut args = vec!["blog", "add", "--host", host, "--title", "The Second"];
    if let Some(owner) = owner {
        args.extend(["--owner", owner]);
    }
    app.cli(&args, None)
}

/// The setup link's path and query in `blog add`'s output.
fn setup_link(out: &Output) -> String {
    let text = stdout(out);
    let start = text
        .find("/admin/setup?token=")
        .unwrap_or_else(|| panic!("no setup link in {text}"));
    text[start..].split_whitespace().next().unwrap().to_owned()
}

/// `host` with the test server's port, as a browser sends it.
fn with_port(app: &TestApp, host: &str) -> String {
    let port = app
        .url("/")
        .rsplit(':')
        .next()
        .unwrap()
        .trim_end_matches('/')
        .to_owned();
    format!("{host}:{port}")
}

/// Submits the setup form of `link` on `host` for `email`.
async fn set_up_as(b: &mut Browser<'_>, link: &str, email: &str) -> crate::admin::Page {
    let token = link.rsplit('=').next().unwrap();
    b.post(
        "/admin/setup",
        &[
            ("token", token),
            ("name", "New Owner"),
            ("email", email),
            ("password", PASSWORD),
            ("password_again", PASSWORD),
        ],
    )
    .await
}

async fn title_change(app: &TestApp, token: &str, host: &str) -> StatusCode {
    app.client
        .patch(app.url("/api/v1/blog"))
        .header("host", host)
        .bearer_auth(token)
        .json(&json!({"title": "Renamed"}))
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn an_owner_with_an_account_gets_the_blog_and_switches_between_them() {
    let mut app = TestApp::start().await;
    let owner = app.token();
    let out = add_blog(&app, "second.localhost", Some("Owner@Example.com"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("owner@example.com> is its admin"),
        "{}",
        stdout(&out)
    );
    assert!(
        !stdout(&out).contains("/admin/setup"),
        "no link for a known owner"
    );
    assert_eq!(
        title_change(&app, &owner, "second.localhost").await,
        StatusCode::OK
    );

    // The admin lists the other blog, linked at its own host and our port.
    let first = with_port(&app, "localhost");
    let second = with_port(&app, "second.localhost");
    let mut b = Browser::on_host(&app, &first);
    b.sign_in("owner@example.com", PASSWORD).await;
    let dashboard = b.get("/admin").await.body;
    assert!(dashboard.contains("Switch blog"), "{dashboard}");
    assert!(
        dashboard.contains(&format!(r#"href="http://{second}/admin""#)),
        "{dashboard}"
    );
    // There, after signing in once more (a session belongs to its host),
    // the admin acts on that blog and links back.
    let mut there = Browser::on_host(&app, &second);
    there.sign_in("owner@example.com", PASSWORD).await;
    let settings = there.get("/admin/settings").await.body;
    assert!(settings.contains("Renamed"), "{settings}");
    let back = there.get("/admin").await.body;
    assert!(
        back.contains(&format!(r#"href="http://{first}/admin""#)),
        "{back}"
    );

    // A member of one blog sees no switcher.
    app.member_token("solo@example.com", "Solo", "author", None);
    let mut solo = Browser::on_host(&app, &first);
    solo.sign_in("solo@example.com", PASSWORD).await;
    assert!(!solo.get("/admin").await.body.contains("Switch blog"));
}

#[tokio::test]
async fn a_blog_without_an_owner_prints_its_own_setup_link() {
    let mut app = TestApp::start().await;
    let owner = app.token();
    let out = add_blog(&app, "second.localhost", None);
    assert!(out.status.success(), "{}", stderr(&out));
    let link = setup_link(&out);
    assert!(stdout(&out).contains("http://second.localhost/admin/setup?token="));

    // On another blog's host the link is not one: nothing is created.
    let mut elsewhere = Browser::new(&app);
    assert_eq!(elsewhere.get(&link).await.status, StatusCode::NOT_FOUND);
    let refused = set_up_as(&mut elsewhere, &link, "new@example.com").await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);

    let mut b = Browser::on_host(&app, "second.localhost");
    assert_eq!(b.get(&link).await.status, StatusCode::OK);
    let done = set_up_as(&mut b, &link, "new@example.com").await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let new = app.new_token("new@example.com");
    assert_eq!(
        title_change(&app, &new, "second.localhost").await,
        StatusCode::OK
    );
    // Admin of that blog only; the first blog's owner not of the second.
    assert_eq!(
        title_change(&app, &new, "localhost").await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        title_change(&app, &owner, "second.localhost").await,
        StatusCode::FORBIDDEN
    );
    // It works once.
    let mut again = Browser::on_host(&app, "second.localhost");
    assert_eq!(again.get(&link).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_owner_without_an_account_gets_a_link_for_their_address_only() {
    let app = TestApp::start().await;
    let out = add_blog(&app, "second.localhost", Some("new@example.com"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("new@example.com"), "{}", stdout(&out));
    let link = setup_link(&out);

    let mut b = Browser::on_host(&app, "second.localhost");
    let form = b.get(&link).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body.contains(r#"value="new@example.com""#),
        "{}",
        form.body
    );
    let wrong = set_up_as(&mut b, &link, "someone@example.com").await;
    assert_eq!(
        wrong.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        wrong.body
    );
    assert!(wrong.body.contains("new@example.com"), "{}", wrong.body);
    let nobody = app.cli(&["token", "create", "--email", "someone@example.com"], None);
    assert!(!nobody.status.success(), "no account was made");

    let done = set_up_as(&mut b, &link, "New@Example.com").await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let token = app.new_token("new@example.com");
    assert_eq!(
        title_change(&app, &token, "second.localhost").await,
        StatusCode::OK
    );
}

#[tokio::test]
async fn blog_add_refuses_bad_owners_and_taken_hosts_and_adds_nothing() {
    let app = TestApp::start().await;
    let out = add_blog(&app, "second.localhost", Some("not-an-address"));
    assert!(!out.status.success());
    assert!(stderr(&out).contains("owner"), "{}", stderr(&out));
    let list = stdout(&app.cli(&["blog", "list"], None));
    assert!(!list.contains("second.localhost"), "{list}");

    let out = add_blog(&app, "localhost", Some("someone@example.com"));
    assert!(!out.status.success());
    assert!(stderr(&out).contains("already"), "{}", stderr(&out));
}

#[tokio::test]
async fn user_add_gives_an_existing_account_a_role_on_another_blog() {
    let mut app = TestApp::start().await;
    app.token();
    assert!(
        add_blog(&app, "second.localhost", Some("owner@example.com"))
            .status
            .success()
    );
    let writer = app.member_token("writer@example.com", "Writer", "author", None);
    let args = [
        "user",
        "add",
        "--email",
        "Writer@example.com",
        "--name",
        "Another Name",
        "--role",
        "admin",
        "--password-stdin",
        "--blog",
        "second.localhost",
    ];
    let out = app.cli(&args, Some("a different password\n"));
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.contains("already has an account") && said.contains("admin of second.localhost"),
        "{said}"
    );
    // Admin there, still an author here; name and password unchanged.
    assert_eq!(
        title_change(&app, &writer, "second.localhost").await,
        StatusCode::OK
    );
    assert_eq!(
        title_change(&app, &writer, "localhost").await,
        StatusCode::FORBIDDEN
    );
    let mut b = Browser::on_host(&app, "second.localhost");
    let signed = b.sign_in("writer@example.com", PASSWORD).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
    let dashboard = b.get("/admin").await.body;
    assert!(dashboard.contains("Writer") && !dashboard.contains("Another Name"));

    // Adding again where they have a role already changes nothing.
    let out = app.cli(&args, Some("a different password\n"));
    assert!(!out.status.success());
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
}
