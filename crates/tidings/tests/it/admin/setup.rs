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

/// The first-run page asks what the blog needs beside the account: its
/// title, time zone and language, shown with the blog's current ones; a
/// wrong answer is refused with the form again and creates nothing.
#[tokio::test]
async fn the_setup_page_asks_the_blogs_title_time_zone_and_language() {
    let app = TestApp::start().await;
    let path = setup_path(&app);
    let token = path.rsplit('=').next().unwrap().to_owned();
    let mut b = Browser::new(&app);
    let form = b.get(&path).await.body;
    for field in [
        "name=\"blog_title\"",
        "name=\"timezone\"",
        "name=\"language\"",
    ] {
        assert!(form.contains(field), "{field}: {form}");
    }
    assert!(form.contains("value=\"UTC\""), "the current zone is shown");
    let answers = |zone: &'static str| {
        vec![
            ("token", token.clone()),
            ("name", "Owner".to_owned()),
            ("email", "admin@example.com".to_owned()),
            ("password", PASSWORD.to_owned()),
            ("password_again", PASSWORD.to_owned()),
            ("blog_title", "Notes from the Harbour".to_owned()),
            ("timezone", zone.to_owned()),
            ("language", "fr".to_owned()),
        ]
    };
    let refused = answers("Mars/Olympus");
    let refused: Vec<(&str, &str)> = refused.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let page = b.post("/admin/setup", &refused).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.body.contains("Mars/Olympus"), "{}", page.body);
    assert!(
        page.body.contains("Notes from the Harbour"),
        "what was typed stays"
    );
    assert!(
        app.page("/").await.contains("<html lang=\"en\""),
        "nothing changed"
    );

    let good = answers("Europe/Paris");
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let done = b.post("/admin/setup", &good).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let home = app.page("/").await;
    assert!(home.contains("Notes from the Harbour"), "{home}");
    assert!(home.contains("<html lang=\"fr\""), "{home}");
    let settings = b.get("/admin/settings").await.body;
    assert!(settings.contains("value=\"Europe/Paris\""), "{settings}");
}
