//! The first-run setup link dies when it is no longer needed (issue 13):
//! once a blog has an admin, however they got the role, and after 24 hours.

use reqwest::StatusCode;

use super::{Browser, PASSWORD, set_up, setup_path};
use crate::support::TestApp;

/// Opens the setup link and submits it; answers both statuses.
async fn try_setup(app: &TestApp, path: &str) -> (StatusCode, StatusCode) {
    let mut b = Browser::new(app);
    let shown = b.get(path).await;
    let token = path.rsplit('=').next().unwrap();
    let posted = b
        .post(
            "/admin/setup",
            &[
                ("token", token),
                ("name", "Intruder"),
                ("email", "intruder@example.com"),
                ("password", PASSWORD),
                ("password_again", PASSWORD),
            ],
        )
        .await;
    if shown.status == StatusCode::NOT_FOUND {
        assert!(shown.body.contains("expired"), "{}", shown.body);
    }
    (shown.status, posted.status)
}

#[tokio::test]
async fn the_setup_link_dies_once_an_admin_is_added_on_the_command_line() {
    let mut app = TestApp::start().await;
    let path = setup_path(&app);
    let out = app.cli(
        &[
            "user",
            "add",
            "--email",
            "owner@example.com",
            "--name",
            "Owner",
            "--role",
            "admin",
            "--password-stdin",
        ],
        Some(&format!("{PASSWORD}\n")),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        try_setup(&app, &path).await,
        (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND)
    );
    let mut intruder = Browser::new(&app);
    assert_eq!(
        intruder
            .sign_in("intruder@example.com", PASSWORD)
            .await
            .status,
        StatusCode::UNAUTHORIZED,
        "nobody was created"
    );
    app.restart();
    assert!(
        !app.startup.iter().any(|l| l.contains("/admin/setup")),
        "{:?}",
        app.startup
    );
}

#[tokio::test]
async fn the_setup_link_expires_after_a_day_and_a_restart_prints_a_new_one() {
    let mut app = TestApp::start().await;
    let old = setup_path(&app);
    assert!(
        app.startup.iter().any(|l| l.contains("24 hours")),
        "the console says how long it works: {:?}",
        app.startup
    );
    // The link was printed 25 hours ago.
    app.sql("UPDATE setup_tokens SET created_at = created_at - 90000000000")
        .await;
    assert_eq!(
        try_setup(&app, &old).await,
        (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND)
    );
    // An author added meanwhile is no admin: a restart still prints a link,
    // a new one, and it works.
    let out = app.cli(
        &[
            "user",
            "add",
            "--email",
            "author@example.com",
            "--name",
            "Author",
            "--role",
            "author",
            "--password-stdin",
        ],
        Some(&format!("{PASSWORD}\n")),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    app.restart();
    let new = setup_path(&app);
    assert_ne!(new, old);
    set_up(&app).await;
}
