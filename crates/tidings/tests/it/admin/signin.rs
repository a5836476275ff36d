//! First run, signing in and out, sessions and throttling.

use reqwest::StatusCode;

use super::{Browser, PASSWORD, attempt, set_up, setup_path};
use crate::support::TestApp;

#[tokio::test]
async fn the_setup_link_creates_the_admin_once() {
    let app = TestApp::start().await;
    let path = setup_path(&app);
    let mut owner = set_up(&app).await;
    let dash = owner.get("/admin").await;
    assert_eq!(dash.status, StatusCode::OK);
    assert!(dash.body.contains("<h1>Dashboard</h1>") && dash.body.contains("Owner"));

    // Used once: it shows nothing and creates nobody a second time.
    let mut other = Browser::new(&app);
    let again = other.get(&path).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    assert!(again.body.contains("has been used"));
    let token = path.rsplit('=').next().unwrap();
    let post = other
        .post(
            "/admin/setup",
            &[
                ("token", token),
                ("name", "Intruder"),
                ("email", "x@example.com"),
                ("password", PASSWORD),
                ("password_again", PASSWORD),
            ],
        )
        .await;
    assert_eq!(post.status, StatusCode::NOT_FOUND);
    assert!(other.cookie().is_none());
    assert!(other.sign_in("x@example.com", PASSWORD).await.status == StatusCode::UNAUTHORIZED);

    // A restarted server with users prints no new link.
    let mut app = app;
    app.restart();
    assert!(
        !app.startup.iter().any(|l| l.contains("/admin/setup")),
        "{:?}",
        app.startup
    );
}

#[tokio::test]
async fn setup_refuses_weak_passwords_with_a_message() {
    let app = TestApp::start().await;
    let path = setup_path(&app);
    let token = path.rsplit('=').next().unwrap();
    let mut b = Browser::new(&app);
    for (password, again, says) in [
        ("short", "short", "at least 8"),
        ("password123", "password123", "most common"),
        (PASSWORD, "different one", "differ"),
    ] {
        let r = b
            .post(
                "/admin/setup",
                &[
                    ("token", token),
                    ("name", "Owner"),
                    ("email", "admin@example.com"),
                    ("password", password),
                    ("password_again", again),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains(says), "{says}: {}", r.body);
    }
    // The link still works after refusals.
    set_up(&app).await;
}

#[tokio::test]
async fn admin_pages_need_a_session_and_sign_out_ends_it() {
    let app = TestApp::start().await;
    let mut owner = set_up(&app).await;
    let mut stranger = Browser::new(&app);
    let r = stranger.get("/admin/posts").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        r.location.as_deref(),
        Some("/admin/login?next=%2Fadmin%2Fposts")
    );

    let old_cookie = owner.cookie().unwrap().to_owned();
    let csrf = owner.csrf("/admin").await;
    let out = owner.post("/admin/logout", &[("csrf", &csrf)]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert!(owner.cookie().is_none());
    let mut replay = Browser::new(&app);
    replay.set_cookie(Some(old_cookie));
    assert_eq!(
        replay.get("/admin").await.status,
        StatusCode::SEE_OTHER,
        "a signed-out session is dead everywhere"
    );

    let back = owner.sign_in("admin@example.com", PASSWORD).await;
    assert_eq!(back.status, StatusCode::SEE_OTHER);
    assert_eq!(back.location.as_deref(), Some("/admin"));
    assert_eq!(owner.get("/admin").await.status, StatusCode::OK);
}

#[tokio::test]
async fn session_cookies_are_http_only_lax_and_rotate() {
    let app = TestApp::start().await;
    let first = set_up(&app).await.cookie().unwrap().to_owned();
    let r = attempt(&app.client, &app.base, None, "admin@example.com", PASSWORD).await;
    let set = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|v| v.starts_with("tidings_session="))
        .expect("a session cookie");
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("Path=/"),
        "{set}"
    );
    let value = set
        .trim_start_matches("tidings_session=")
        .split(';')
        .next()
        .unwrap();
    assert_ne!(value, first, "every sign-in gets a new session token");
    assert!(value.len() >= 32, "at least 128 bits");
}

#[tokio::test]
async fn sessions_expire() {
    let app = TestApp::start_with(&["--session-seconds", "1"]).await;
    let mut owner = set_up(&app).await;
    assert_eq!(owner.get("/admin").await.status, StatusCode::OK);
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(owner.get("/admin").await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_new_password_signs_out_every_other_session() {
    let app = TestApp::start().await;
    let mut laptop = set_up(&app).await;
    let mut phone = Browser::new(&app);
    assert_eq!(
        phone.sign_in("admin@example.com", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    let csrf = laptop.csrf("/admin/account").await;
    let new = "an even longer password";
    let r = laptop
        .post(
            "/admin/account",
            &[
                ("csrf", &csrf),
                ("current", PASSWORD),
                ("new", new),
                ("again", new),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        laptop.get("/admin").await.status,
        StatusCode::OK,
        "this browser stays signed in"
    );
    assert_eq!(
        phone.get("/admin").await.status,
        StatusCode::SEE_OTHER,
        "the other session ended"
    );
    assert_eq!(
        phone.sign_in("admin@example.com", PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        phone.sign_in("admin@example.com", new).await.status,
        StatusCode::SEE_OTHER
    );
}

/// The account page's password form, sent with `session` from `ip`.
async fn change_password(
    app: &TestApp,
    (session, csrf): (&str, &str),
    ip: &str,
    current: &str,
    new: &str,
) -> reqwest::Response {
    let fields = [
        ("csrf", csrf),
        ("current", current),
        ("new", new),
        ("again", new),
    ];
    app.client
        .post(app.url("/admin/account"))
        .header("cookie", format!("tidings_session={session}"))
        .header("x-forwarded-for", ip)
        .form(&fields)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_account_page_refuses_the_eleventh_wrong_current_password() {
    // A stolen session guessing the current password is throttled like a
    // sign-in (it had no limit), on the same count.
    let app = TestApp::start_with(&["--trusted-proxies", "127.0.0.1"]).await;
    let mut thief = set_up(&app).await;
    thief.set_ip("203.0.113.8");
    let csrf = thief.csrf("/admin/account").await;
    let stolen = (thief.cookie().unwrap().to_owned(), csrf);
    let stolen = (stolen.0.as_str(), stolen.1.as_str());
    let new = "an even longer password";
    for n in 0..10 {
        let guess = format!("guess number {n}");
        let r = change_password(&app, stolen, "203.0.113.8", &guess, new).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "guess {n}");
        assert!(
            r.text()
                .await
                .unwrap()
                .contains("current password is not right")
        );
    }
    for current in ["guess number 10", PASSWORD] {
        let r = change_password(&app, stolen, "203.0.113.8", current, new).await;
        assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS, "{current}");
        let retry = r.headers()["retry-after"].to_str().unwrap();
        assert!(
            (1..=900).contains(&retry.parse::<u64>().unwrap()),
            "{retry}"
        );
        assert!(r.text().await.unwrap().contains("Too many wrong passwords"));
    }
    let mut thief_signs_in = Browser::at(&app, "203.0.113.8");
    let r = thief_signs_in.sign_in("admin@example.com", PASSWORD).await;
    assert_eq!(
        r.status,
        StatusCode::TOO_MANY_REQUESTS,
        "one count for both"
    );
    // The owner, elsewhere, still changes it.
    let mut owner = Browser::at(&app, "198.51.100.30");
    owner.sign_in("admin@example.com", PASSWORD).await;
    let csrf = owner.csrf("/admin/account").await;
    let session = owner.cookie().unwrap().to_owned();
    let r = change_password(&app, (&session, &csrf), "198.51.100.30", PASSWORD, new).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn an_address_is_refused_after_ten_failures_but_the_owner_still_gets_in() {
    let app = TestApp::start_with(&["--trusted-proxies", "127.0.0.1"]).await;
    set_up(&app).await;
    let mut attacker = Browser::at(&app, "203.0.113.7");
    for _ in 0..10 {
        let r = attacker
            .sign_in("admin@example.com", "wrong guess 123")
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert!(r.body.contains("do not match"));
    }
    // The eleventh attempt is refused even with the right password.
    let r = attempt(
        &app.client,
        &app.base,
        Some("203.0.113.7"),
        "admin@example.com",
        PASSWORD,
    )
    .await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=900).contains(&retry));
    assert!(r.text().await.unwrap().contains("Too many wrong passwords"));

    let mut owner = Browser::at(&app, "198.51.100.20");
    assert_eq!(
        owner.sign_in("admin@example.com", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
}

/// `n` wrong passwords for the owner from `ip`, each on a fresh sign-in form.
pub async fn fail_from(client: reqwest::Client, base: String, ip: String, n: usize) {
    for _ in 0..n {
        let r = attempt(
            &client,
            &base,
            Some(&ip),
            "admin@example.com",
            "nope nope nope",
        )
        .await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    }
}

#[tokio::test]
async fn the_address_limit_holds_when_attempts_alternate_between_nodes() {
    let app = TestApp::start_with(&["--trusted-proxies", "127.0.0.1"]).await;
    set_up(&app).await;
    let b = app.another_node();
    for n in 0..11 {
        let base = if n % 2 == 0 {
            app.base.clone()
        } else {
            b.base.clone()
        };
        let password = if n == 10 { PASSWORD } else { "a wrong guess" };
        let r = attempt(
            &app.client,
            &base,
            Some("203.0.113.77"),
            "admin@example.com",
            password,
        )
        .await;
        let want = if n < 10 {
            StatusCode::UNAUTHORIZED
        } else {
            StatusCode::TOO_MANY_REQUESTS
        };
        assert_eq!(r.status(), want, "attempt {n} through {base}");
    }
}
