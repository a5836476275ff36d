//! The sign-in throttle against an attacker who does not wait (issue 13):
//! guesses sent all at once, from rotating addresses, from one IPv6
//! network; what a guess costs the server; and what it tells.

use std::time::{Duration, Instant};

use reqwest::StatusCode;

use super::signin::fail_from;
use super::{Browser, PASSWORD, attempt, set_cookie, set_up};
use crate::support::{TestApp, hidden};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn simultaneous_wrong_passwords_are_counted_before_they_are_checked() {
    let app = TestApp::start().await;
    set_up(&app).await;
    // Sixty served forms, then all sixty guesses at once, from one address.
    let mut forms = Vec::new();
    for _ in 0..60 {
        let r = app.get("/admin/login").await;
        let cookie = set_cookie(&r, "tidings_signin").unwrap_or_default();
        forms.push((cookie, hidden(&r.text().await.unwrap(), "token")));
    }
    let guesses: Vec<_> = forms
        .into_iter()
        .map(|(cookie, token)| {
            let (client, url) = (app.client.clone(), app.url("/admin/login"));
            tokio::spawn(async move {
                let r = client
                    .post(url)
                    .header("cookie", format!("tidings_signin={cookie}"))
                    .form(&[
                        ("token", token.as_str()),
                        ("email", "admin@example.com"),
                        ("password", "a wrong guess"),
                    ])
                    .send()
                    .await
                    .unwrap();
                let retry = r.headers().contains_key("retry-after");
                (r.status(), retry)
            })
        })
        .collect();
    let mut checked = 0;
    for g in guesses {
        let (status, retry) = g.await.unwrap();
        match status {
            StatusCode::UNAUTHORIZED => checked += 1,
            StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE => {
                assert!(retry, "{status} says when to come back");
            }
            other => panic!("a guess answered {other}"),
        }
    }
    assert!(
        (1..=10).contains(&checked),
        "at most 10 guesses from one address are checked, {checked} were"
    );
    let peak = app.peak_memory();
    assert!(peak < 600 << 20, "the server peaked at {} MB", peak >> 20);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crowd_of_guesses_from_many_addresses_waits_in_a_short_line_or_is_refused() {
    let app = TestApp::start_with(&["--trusted-proxies", "127.0.0.1"]).await;
    set_up(&app).await;
    // 100 addresses, one guess each, all at once: within every limit of the
    // throttle, so only the line for the password checks stands between
    // them and the server's memory.
    let mut forms = Vec::new();
    for _ in 0..100 {
        let r = app.get("/admin/login").await;
        let cookie = set_cookie(&r, "tidings_signin").unwrap_or_default();
        forms.push((cookie, hidden(&r.text().await.unwrap(), "token")));
    }
    let guesses: Vec<_> = forms
        .into_iter()
        .enumerate()
        .map(|(n, (cookie, token))| {
            let (client, url) = (app.client.clone(), app.url("/admin/login"));
            tokio::spawn(async move {
                let r = client
                    .post(url)
                    .header("cookie", format!("tidings_signin={cookie}"))
                    .header(
                        "x-forwarded-for",
                        format!("198.51.{}.{}", n / 200, n % 200 + 1),
                    )
                    .form(&[
                        ("token", token.as_str()),
                        ("email", "admin@example.com"),
                        ("password", "a wrong guess"),
                    ])
                    .send()
                    .await
                    .unwrap();
                let retry = r.headers().contains_key("retry-after");
                (r.status(), retry)
            })
        })
        .collect();
    for g in guesses {
        match g.await.unwrap() {
            (StatusCode::UNAUTHORIZED, _) | (StatusCode::SERVICE_UNAVAILABLE, true) => {}
            other => panic!("a guess answered {other:?}"),
        }
    }
    let peak = app.peak_memory();
    assert!(peak < 600 << 20, "the server peaked at {} MB", peak >> 20);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guessing_from_rotating_addresses_locks_the_account_but_not_its_owner() {
    let app = TestApp::start_with(&["--trusted-proxies", "127.0.0.1"]).await;
    set_up(&app).await;
    // The owner signs in from home once: a known address from then on.
    let mut home = Browser::at(&app, "192.0.2.99");
    assert_eq!(
        home.sign_in("admin@example.com", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    // One guess from each of 100 addresses: the account's hourly budget.
    let mut rounds = Vec::new();
    for worker in 0..4 {
        let (client, base) = (app.client.clone(), app.base.clone());
        rounds.push(tokio::spawn(async move {
            for n in 0..25 {
                fail_from(
                    client.clone(),
                    base.clone(),
                    format!("198.51.{worker}.{}", n + 1),
                    1,
                )
                .await;
            }
        }));
    }
    for r in rounds {
        r.await.unwrap();
    }
    // A new address, even with the right password, is refused for this
    // account…
    let mut hotel = Browser::at(&app, "203.0.113.200");
    let r = hotel.sign_in("admin@example.com", PASSWORD).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.body);
    assert!(r.body.contains("for this account"), "{}", r.body);
    // …while the owner at home signs in.
    let mut home = Browser::at(&app, "192.0.2.99");
    assert_eq!(
        home.sign_in("admin@example.com", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn ipv6_addresses_count_by_their_64() {
    let app = TestApp::start_with(&["--trusted-proxies", "127.0.0.1"]).await;
    set_up(&app).await;
    for n in 1..=10 {
        let r = attempt(
            &app.client,
            &app.base,
            Some(&format!("2001:db8:1:2::{n:x}")),
            "admin@example.com",
            "a wrong guess",
        )
        .await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "guess {n}");
    }
    let r = attempt(
        &app.client,
        &app.base,
        Some("2001:db8:1:2:ffff:ffff:ffff:ffff"),
        "admin@example.com",
        PASSWORD,
    )
    .await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(r.text().await.unwrap().contains("from your address"));
    // The next network over is someone else.
    let r = attempt(
        &app.client,
        &app.base,
        Some("2001:db8:1:3::1"),
        "admin@example.com",
        PASSWORD,
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
}

/// How long the sign-in POST itself takes (the form loaded beforehand).
async fn time_sign_in(app: &TestApp, ip: &str, email: &str, password: &str) -> Duration {
    let form = app.get("/admin/login").await;
    let cookie = set_cookie(&form, "tidings_signin").unwrap_or_default();
    let token = hidden(&form.text().await.unwrap(), "token");
    let started = Instant::now();
    let r = app
        .client
        .post(app.url("/admin/login"))
        .header("cookie", format!("tidings_signin={cookie}"))
        .header("x-forwarded-for", ip)
        .form(&[
            ("token", token.as_str()),
            ("email", email),
            ("password", password),
        ])
        .send()
        .await
        .unwrap();
    let took = started.elapsed();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{email}");
    took
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

#[tokio::test]
async fn a_sign_in_takes_as_long_whether_or_not_the_account_exists() {
    let app = TestApp::start_with(&["--trusted-proxies", "127.0.0.1"]).await;
    set_up(&app).await;
    // Alternating, each from a fresh address (no throttle delay), so load
    // on the machine falls on both alike.
    let (mut known, mut unknown) = (Vec::new(), Vec::new());
    for n in 0..9 {
        known.push(
            time_sign_in(
                &app,
                &format!("198.51.100.{n}"),
                "admin@example.com",
                "wrong guess",
            )
            .await,
        );
        unknown.push(
            time_sign_in(
                &app,
                &format!("198.51.101.{n}"),
                &format!("nobody{n}@example.com"),
                "wrong guess",
            )
            .await,
        );
    }
    let (known, unknown) = (median(known), median(unknown));
    // Without a hash for unknown accounts they answered in a fraction of
    // the time (4 against 34 ms in the review).
    assert!(
        unknown * 2 >= known,
        "an unknown account answers in {unknown:?}, a known one in {known:?}"
    );
}
