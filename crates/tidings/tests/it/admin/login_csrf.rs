//! Login CSRF (issue 13): another site cannot sign a visitor's browser in
//! to an account of its choosing. The sign-in form's token is good only with
//! the pre-session cookie it was served with, and a browser's post must come
//! from this site. Plus the sign-in form's bad input (SPEC section 8).

use reqwest::StatusCode;

use super::{Browser, PASSWORD, set_up};
use crate::support::{TestApp, hidden};

#[tokio::test]
async fn a_sign_in_token_works_only_in_the_browser_it_was_served_to() {
    let app = TestApp::start().await;
    set_up(&app).await;
    // The attacker loads the form…
    let mut attacker = Browser::new(&app);
    let form = attacker.get("/admin/login").await;
    let token = hidden(&form.body, "token");
    let fields = [
        ("token", token.as_str()),
        ("email", "admin@example.com"),
        ("password", PASSWORD),
    ];
    // …and has a victim's browser post it: with the victim's own cookie, or
    // none (a cross-site post carries no SameSite=Lax cookie).
    let mut victim = Browser::new(&app);
    victim.get("/admin/login").await;
    assert!(victim.pre_session().is_some());
    assert_ne!(victim.pre_session(), attacker.pre_session());
    let r = victim.post("/admin/login", &fields).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert!(r.body.contains("not served to this browser"), "{}", r.body);
    assert!(victim.cookie().is_none(), "nobody was signed in");
    let mut fresh = Browser::new(&app);
    let r = fresh.post("/admin/login", &fields).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.body.contains("cookie"), "{}", r.body);
    assert!(fresh.cookie().is_none());

    // The browser it was served to signs in, and the pre-session ends.
    let r = attacker.post("/admin/login", &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(attacker.cookie().is_some());
    assert!(
        attacker.pre_session().is_none(),
        "the pre-session cookie is cleared"
    );
}

#[tokio::test]
async fn the_pre_session_cookie_is_http_only_and_lax() {
    let app = TestApp::start().await;
    let r = app.get("/admin/login").await;
    let set = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|v| v.starts_with("tidings_signin="))
        .expect("the sign-in form sets a pre-session cookie");
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("Path=/admin"),
        "{set}"
    );
    let value = set["tidings_signin=".len()..].split(';').next().unwrap();
    assert!(value.len() >= 32, "at least 128 bits: {value}");
}

#[tokio::test]
async fn a_sign_in_from_another_site_is_refused() {
    let app = TestApp::start().await;
    set_up(&app).await;
    let own_origin = app.base.clone();
    for (headers, allowed) in [
        (vec![("origin", "http://evil.example")], false),
        (vec![("origin", "null")], false),
        (vec![("sec-fetch-site", "cross-site")], false),
        (vec![("sec-fetch-site", "same-site")], false),
        (
            vec![
                ("origin", own_origin.as_str()),
                ("sec-fetch-site", "same-origin"),
            ],
            true,
        ),
        // No such headers: not a browser; the token and cookie suffice.
        (vec![], true),
    ] {
        let mut b = Browser::new(&app);
        let form = b.get("/admin/login").await;
        let token = hidden(&form.body, "token");
        let r = b
            .post_with(
                "/admin/login",
                &[
                    ("token", token.as_str()),
                    ("email", "admin@example.com"),
                    ("password", PASSWORD),
                ],
                &headers,
            )
            .await;
        if allowed {
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{headers:?}: {}", r.body);
        } else {
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{headers:?}: {}", r.body);
            assert!(r.body.contains("another site"), "{}", r.body);
            assert!(b.cookie().is_none());
        }
    }
}

#[tokio::test]
async fn control_characters_in_the_sign_in_form_are_refused_with_a_message() {
    let app = TestApp::start().await;
    set_up(&app).await;
    let long = format!("{}@example.com", "a".repeat(300));
    for (next, email, status, says) in [
        (
            "/admin\r\nX-Injected: 1",
            "admin@example.com",
            StatusCode::BAD_REQUEST,
            "control characters",
        ),
        (
            "/admin\n",
            "admin@example.com",
            StatusCode::BAD_REQUEST,
            "control characters",
        ),
        (
            "/admin",
            "admin\0@example.com",
            StatusCode::UNPROCESSABLE_ENTITY,
            "control characters",
        ),
        (
            "/admin",
            long.as_str(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "too long",
        ),
    ] {
        let mut b = Browser::new(&app);
        let form = b.get("/admin/login").await;
        let token = hidden(&form.body, "token");
        let r = b
            .post(
                "/admin/login",
                &[
                    ("token", token.as_str()),
                    ("email", email),
                    ("password", PASSWORD),
                    ("next", next),
                ],
            )
            .await;
        assert_eq!(r.status, status, "{next:?} {email:?}: {}", r.body);
        assert!(r.body.contains(says), "{}", r.body);
        assert!(b.cookie().is_none());
    }
    let r = app
        .get("/admin/login?next=%2Fadmin%0D%0AX-Injected:%201")
        .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
}
