//! People are managed per blog: one blog's admin adds and removes people on
//! that blog, and learns nothing about, and reaches nothing of, the others.

use reqwest::StatusCode;

use super::{Browser, PASSWORD, Page};
use crate::support::TestApp;

const SECOND: &str = "second.example";

/// What `cookie` (a session) gets at `path` on the blog at `host`.
async fn session_on(app: &TestApp, host: &str, cookie: &str, path: &str) -> StatusCode {
    app.client
        .get(app.url(path))
        .header("host", host)
        .header("cookie", format!("tidings_session={cookie}"))
        .send()
        .await
        .unwrap()
        .status()
}

/// What the API token `token` gets listing posts on the blog at `host`.
async fn token_on(app: &TestApp, host: &str, token: &str) -> StatusCode {
    app.client
        .get(app.url("/api/v1/posts"))
        .header("host", host)
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .status()
}

async fn add(admin: &mut Browser<'_>, email: &str, name: &str, password: &str) -> Page {
    let csrf = admin.csrf("/admin/users").await;
    admin
        .post(
            "/admin/users",
            &[
                ("csrf", &csrf),
                ("email", email),
                ("name", name),
                ("role", "contributor"),
                ("password", password),
            ],
        )
        .await
}

/// The id in the remove form of the row of `email` on the users page.
fn member_id(users_page: &str, email: &str) -> String {
    let row = &users_page[users_page.find(email).expect("listed")..];
    let start = row.find("action=\"/admin/users/").unwrap() + "action=\"/admin/users/".len();
    row[start..].split('"').next().unwrap().to_owned()
}

#[tokio::test]
async fn a_blogs_admin_neither_looks_up_nor_signs_out_another_blogs_people() {
    let app = TestApp::start().await;
    let out = app.cli(&["blog", "add", "--host", SECOND, "--title", "B"], None);
    assert!(out.status.success());
    // Blog A (the default blog) has its admin; Bob writes on blog B only.
    app.member_token("a-admin@example.com", "A's admin", "admin", None);
    let bob_token = app.member_token("bob@example.com", "Bob Bee", "author", Some(SECOND));
    let mut a_admin = Browser::new(&app);
    assert_eq!(
        a_admin
            .sign_in("a-admin@example.com", PASSWORD)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let mut bob = Browser::new(&app);
    assert_eq!(
        bob.sign_in("bob@example.com", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    let bob_cookie = bob.cookie().unwrap().to_owned();
    assert_eq!(
        session_on(&app, SECOND, &bob_cookie, "/admin").await,
        StatusCode::OK
    );

    // Adding answers the same whether the address has an account or not:
    // refused alike when the form is incomplete…
    for email in ["bob@example.com", "nobody@example.com"] {
        let r = add(&mut a_admin, email, "", "").await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{email}");
        assert!(r.body.contains("A name must be"), "{email}: {}", r.body);
    }
    // …and accepted alike when it is complete.
    for email in ["bob@example.com", "nobody@example.com"] {
        let r = add(&mut a_admin, email, "Robert", "a password A chose").await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{email}: {}", r.body);
        assert_eq!(r.location.as_deref(), Some("/admin/users"), "{email}");
    }
    // Bob's account kept its password: A's admin cannot take it over.
    assert_ne!(
        Browser::new(&app)
            .sign_in("bob@example.com", "a password A chose")
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        Browser::new(&app)
            .sign_in("bob@example.com", PASSWORD)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        session_on(&app, "localhost", &bob_cookie, "/admin").await,
        StatusCode::OK,
        "Bob now has a role on A"
    );

    // Removing Bob from A ends his access to A at once, and only to A.
    let users = a_admin.get("/admin/users").await.body;
    let id = member_id(&users, "bob@example.com");
    let csrf = a_admin.csrf("/admin/users").await;
    let r = a_admin
        .post(
            &format!("/admin/users/{id}"),
            &[("csrf", &csrf), ("remove", "1")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        session_on(&app, "localhost", &bob_cookie, "/admin").await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        token_on(&app, "localhost", &bob_token).await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        session_on(&app, SECOND, &bob_cookie, "/admin").await,
        StatusCode::OK,
        "still signed in on B"
    );
    assert_eq!(token_on(&app, SECOND, &bob_token).await, StatusCode::OK);

    // A's admin reaches no one who has no role on A.
    let csrf = a_admin.csrf("/admin/users").await;
    let r = a_admin
        .post(
            &format!("/admin/users/{id}"),
            &[("csrf", &csrf), ("remove", "1")],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(
        session_on(&app, SECOND, &bob_cookie, "/admin").await,
        StatusCode::OK
    );
}
