//! The public half of issue 6's bad-input sweep: every public route of SPEC
//! section 3 with hostile path segments, wrongly typed query parameters, a
//! 100 KB query string, 10 MB and malformed bodies, methods it does not
//! take and headers that make no sense; then every admin route (SPEC
//! section 6) without a session, with a forged one, and signed in but with a
//! bad CSRF token. Not one answer may be a 5xx, no admin action may go
//! through, nothing may change, and the log shows no panic.

use reqwest::Method;
use serde_json::json;

use super::sweep::{Case, assert_swept, run};
use crate::support::TestApp;

/// SPEC section 3, and the other public addresses the server answers.
/// `{…}` stand for the parts that vary.
const PUBLIC: &[&str] = &[
    "/",
    "/{year}",
    "/{year}/",
    "/{year}/{month}/",
    "/{year}/{month}/{slug}.html",
    "/p/{page}.html",
    "/search",
    "/search/label/{label}",
    "/subscribe",
    "/subscribe/confirm",
    "/unsubscribe",
    "/replies/confirm",
    "/replies/stop",
    "/feeds/posts/default",
    "/feeds/posts/summary",
    "/feeds/posts/default/-/{label}",
    "/feeds/comments/default",
    "/feeds/{post_id}/comments/default",
    "/sitemap.xml",
    "/robots.txt",
    "/healthz",
    "/metrics",
    "/static/simple.css",
    "/static/admin.css",
    "/static/admin.js",
];

/// SPEC section 6: the admin's pages, and the forms that change state.
const ADMIN_PAGES: &[&str] = &[
    "/admin",
    "/admin/",
    "/admin/posts",
    "/admin/posts/new",
    "/admin/posts/{post_id}",
    "/admin/posts/{post_id}/delete",
    "/admin/comments",
    "/admin/comments/{comment_id}/reply",
    "/admin/settings",
    "/admin/users",
    "/admin/tokens",
    "/admin/account",
    "/admin/mail",
    "/admin/subscribers",
    "/admin/subscribers.csv",
];
const ADMIN_ACTIONS: &[&str] = &[
    "/admin/logout",
    "/admin/posts/new",
    "/admin/posts/{post_id}",
    "/admin/posts/{post_id}/delete",
    "/admin/preview",
    "/admin/comments",
    "/admin/comments/{comment_id}/reply",
    "/admin/settings",
    "/admin/users",
    "/admin/users/{user_id}",
    "/admin/tokens",
    "/admin/tokens/{token_id}/revoke",
    "/admin/tokens/revoke-all",
    "/admin/account",
    "/admin/mail",
    "/admin/subscribers",
];

/// Query parameters the public pages and feeds read, Blogger's and
/// WordPress's (`?p=`, answered by the redirects of imported posts).
const QUERY_NAMES: &[&str] = &[
    "q",
    "updated-max",
    "updated-min",
    "published-max",
    "max-results",
    "start-index",
    "alt",
    "by-date",
    "orderby",
    "reverse-paginate",
    "redirect",
    "m",
    "p",
    "page_id",
    "status",
    "page",
];

/// Hostile values for a part of a path (already percent-encoded).
fn bad_segments() -> Vec<String> {
    let mut out: Vec<String> = [
        "abcd",
        "0",
        "-1",
        "00",
        "13",
        "1.5",
        "+1",
        "9223372036854775808",
        "99999999999999999999999999",
        "%FF%FE",
        "%C0%AE%C0%AE",
        "%E2%80%AE",
        "%F0%9F%92%A9",
        "%00",
        "%25",
        "%2e%2e",
        "..%2F..%2Fetc%2Fpasswd",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E",
        "1%27%20OR%20%271%27=%271",
        "a%2Fb",
        "%20",
        ";",
        "~",
        "null",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    out.push("9".repeat(10_000));
    out.push("x".repeat(10_000));
    out
}

/// Values no query parameter should take (already percent-encoded).
fn bad_query_values() -> Vec<String> {
    let mut out: Vec<String> = [
        "",
        "abc",
        "-1",
        "0",
        "1.5",
        "1e10",
        "0x10",
        "99999999999999999999999999",
        "-9223372036854775809",
        "%FF%FE",
        "%00",
        "%",
        "%ZZ",
        "2014-13-45T99:99:99Z",
        "9999-12-31T23:59:59Z",
        "0000-01-01T00:00:00Z",
        "-271821-04-20T00:00:00Z",
        "%2B275760-09-13T00:00:00Z",
        "2014-05-07T12:00:00%2B99:00",
        "rss%00",
        "%3Cscript%3E",
        "1%27%20OR%20%271%27=%271",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    out.push("q".repeat(5000));
    out
}

/// Headers that make no sense, one at a time.
fn bad_headers() -> Vec<(&'static str, String)> {
    vec![
        ("If-None-Match", "garbage".into()),
        ("If-None-Match", "\"".into()),
        ("If-None-Match", format!("\"{}\"", "e".repeat(8000))),
        ("If-Modified-Since", "yesterday".into()),
        ("If-Modified-Since", "Mon, 99 Foo 99999 99:99:99 GMT".into()),
        ("If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT".into()),
        ("If-Modified-Since", "Fri, 31 Dec 9999 23:59:59 GMT".into()),
        ("Accept-Encoding", "gzip;q=abc, br;q=-1, *;q=2".into()),
        ("Accept-Encoding", "identity;q=0, *;q=0".into()),
        ("Accept-Encoding", "x".repeat(8000)),
        ("Accept", "*/*;q=nope".into()),
        ("Accept-Language", "\u{ff}\u{fe}".into()),
        ("Range", "bytes=9999999999-1".into()),
        ("Cookie", "tidings_session=%FF%FE; =; ;;".into()),
        ("Cookie", format!("tidings_session={}", "c".repeat(7000))),
        ("X-Forwarded-For", "not an address, , 999.1.1.1".into()),
        ("X-Forwarded-Proto", "gopher".into()),
        ("Host", "".into()),
        ("Host", "[::1".into()),
        ("Host", "h".repeat(5000)),
        ("Referer", "javascript:alert(1)".into()),
    ]
}

/// Bodies nobody should send to a public page (content type, body).
fn bad_bodies() -> Vec<(&'static str, Vec<u8>)> {
    let form = "application/x-www-form-urlencoded";
    vec![
        (form, b"token=garbage&body=x".to_vec()),
        (form, b"%ZZ=1&body=%FF".to_vec()),
        (form, b"&&&===&token".to_vec()),
        (form, b"parent=abc&parent=1&token=1.2.3".to_vec()),
        (
            form,
            format!("body={}", "b".repeat(100 * 1024)).into_bytes(),
        ),
        (form, vec![b'a'; 10 * 1024 * 1024]),
        ("application/json", b"{\"body\": 5}".to_vec()),
        (
            "multipart/form-data; boundary=x",
            b"--x\r\n\r\n--x--".to_vec(),
        ),
        ("text/plain", vec![0xff; 1024]),
    ]
}

/// Puts values in a route's `{…}`: the good ones, or one bad (name, value).
type Fill<'a> = &'a dyn Fn(&str, Option<(&str, &str)>) -> String;

/// Every case of the public sweep; `fill` puts good values in a template.
fn public_cases(fill: Fill) -> Vec<Case> {
    let mut out = Vec::new();
    for &template in PUBLIC {
        let good = fill(template, None);
        // Each varying part, hostile.
        for name in ["year", "month", "slug", "page", "label", "post_id"] {
            if !template.contains(&format!("{{{name}}}")) {
                continue;
            }
            for value in bad_segments() {
                out.push(Case::new(
                    "GET",
                    fill(template, Some((name, &value))),
                    format!("{{{name}}}={value:.30}"),
                ));
            }
        }
        // Query parameters of every kind with values of the wrong kind.
        for name in QUERY_NAMES {
            for value in bad_query_values() {
                out.push(Case::new(
                    "GET",
                    format!("{good}?{name}={value}"),
                    format!("?{name}={value:.30}"),
                ));
            }
            out.push(Case::new(
                "GET",
                format!("{good}?{name}=1&{name}=2&{name}%5B%5D=3"),
                format!("{name} three times"),
            ));
        }
        for query in ["?", "?&&&", "?=", "?==&=", "?%", "?a=b=c", "?%00=%00"] {
            out.push(Case::new("GET", format!("{good}{query}"), query.into()));
        }
        out.push(Case::new(
            "GET",
            format!("{good}?q={}", "a%20".repeat(15 * 1024)),
            "a 60 KB query string".into(),
        ));
        out.push(
            Case::new(
                "GET",
                format!("{good}?q={}", "a".repeat(100 * 1024)),
                "a 100 KB query string".into(),
            )
            .transport(),
        );
        // Headers that make no sense.
        for (name, value) in bad_headers() {
            out.push(
                Case::new("GET", good.clone(), format!("{name}: {value:.30}")).header(name, &value),
            );
        }
        // Bodies and methods a reader's browser never sends here.
        for (content_type, body) in bad_bodies() {
            out.push(
                Case::new(
                    "POST",
                    good.clone(),
                    format!("a {content_type} body of {} bytes", body.len()),
                )
                .header("Content-Type", content_type)
                .body(body),
            );
        }
        for method in ["HEAD", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "FOO"] {
            out.push(
                Case::new(method, good.clone(), "a method it does not take".into())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .body(b"body=x".to_vec()),
            );
        }
    }
    out
}

/// The admin without a session, with a forged one, and with a real one but
/// no valid CSRF token. `session` is a signed-in admin's cookie value.
fn admin_cases(fill: Fill, session: &str) -> Vec<Case> {
    let mut out = Vec::new();
    let signed_in = format!("tidings_session={session}");
    let forged = [
        None,
        Some("tidings_session=".to_owned()),
        Some("tidings_session=0000".to_owned()),
        Some(format!("tidings_session={}", "f".repeat(64))),
        Some("tidings_session=%FF%FE".to_owned()),
        Some(format!("tidings_session={}", "c".repeat(7000))),
    ];
    let form = |csrf: Option<&str>| {
        let mut fields = String::from(
            "title=Forged&body=forged&action=spam&ids=1&name=Mallory&email=m%40example.com\
             &role=admin&password=a+long+enough+password&new_password=another+long+password\
             &label=forged&status=published&comments_allowed=nobody",
        );
        if let Some(csrf) = csrf {
            fields.push_str(&format!("&csrf={csrf}"));
        }
        fields.into_bytes()
    };
    let form_ct = "application/x-www-form-urlencoded";
    for &template in ADMIN_PAGES {
        for cookie in &forged {
            let mut case = Case::new("GET", fill(template, None), format!("cookie {cookie:.30?}"));
            if let Some(c) = cookie {
                case = case.header("Cookie", c);
            }
            out.push(case.refused());
        }
        // Signed in, parts and queries that name nothing.
        for name in ["post_id", "comment_id"] {
            if template.contains(&format!("{{{name}}}")) {
                for value in bad_segments() {
                    out.push(
                        Case::new(
                            "GET",
                            fill(template, Some((name, &value))),
                            format!("signed in, {{{name}}}={value:.30}"),
                        )
                        .header("Cookie", &signed_in),
                    );
                }
            }
        }
        for name in ["status", "page", "q", "kind", "label", "offset"] {
            for value in bad_query_values() {
                out.push(
                    Case::new(
                        "GET",
                        format!("{}?{name}={value}", fill(template, None)),
                        format!("signed in, ?{name}={value:.30}"),
                    )
                    .header("Cookie", &signed_in),
                );
            }
        }
    }
    for &template in ADMIN_ACTIONS {
        let path = fill(template, None);
        // No session, or a forged one: nothing happens.
        for cookie in &forged {
            let mut case = Case::new("POST", path.clone(), format!("cookie {cookie:.30?}"))
                .header("Content-Type", form_ct)
                .body(form(Some("forged")));
            if let Some(c) = cookie {
                case = case.header("Cookie", c);
            }
            out.push(case.refused());
        }
        // Signed in, but the CSRF token is missing, empty, wrong or absurd.
        let long = "a".repeat(10_000);
        for csrf in [
            None,
            Some(""),
            Some("0"),
            Some("%FF%FE"),
            Some(long.as_str()),
        ] {
            out.push(
                Case::new("POST", path.clone(), format!("signed in, csrf {csrf:.30?}"))
                    .header("Cookie", &signed_in)
                    .header("Content-Type", form_ct)
                    .body(form(csrf))
                    .refused(),
            );
        }
        for (content_type, body) in bad_bodies() {
            out.push(
                Case::new(
                    "POST",
                    path.clone(),
                    format!("signed in, a {content_type} body of {} bytes", body.len()),
                )
                .header("Cookie", &signed_in)
                .header("Content-Type", content_type)
                .body(body)
                .refused(),
            );
        }
    }
    // Signing in and setting up with forms that were never served.
    for path in ["/admin/login", "/admin/setup", "/admin/setup?token=%FF"] {
        for (content_type, body) in bad_bodies() {
            out.push(
                Case::new(
                    "POST",
                    path.into(),
                    format!("a {content_type} body of {} bytes", body.len()),
                )
                .header("Content-Type", content_type)
                .body(body)
                .refused(),
            );
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_public_and_admin_route_refuses_bad_input() {
    let mut app = TestApp::start_with(&[
        "--api-requests-per-minute",
        "1000000",
        // Renders for every case in flight: refusals under load are not
        // what this sweep is about (`flood.rs` is).
        "--max-renders",
        "16",
    ])
    .await;
    let admin = crate::admin::set_up(&app).await;
    let session = admin.cookie().expect("signed in").to_owned();
    app.settings(json!({"comment_min_seconds": 0})).await;
    let post = app
        .post(json!({"title": "Swept post", "body": "x", "labels": ["Rust"], "status": "published", "published_at": "2014-05-07T12:00:00Z"}))
        .await;
    app.post(json!({"kind": "page", "title": "About", "slug": "about", "body": "x", "status": "published"}))
        .await;
    let url = post["url"].as_str().unwrap().to_owned();
    app.comment(&url, &[("name", "Ann"), ("body", "A comment")])
        .await
        .expect("the comment is taken");
    let (_, comments) = app.api(Method::GET, "/comments", None).await;
    let slug = url
        .rsplit('/')
        .next()
        .unwrap()
        .trim_end_matches(".html")
        .to_owned();
    let post_id = post["id"].to_string();
    let comment_id = comments["items"][0]["id"].to_string();
    let good = |name: &str| -> String {
        match name {
            "year" => "2014".into(),
            "month" => "05".into(),
            "slug" => slug.clone(),
            "page" => "about".into(),
            "label" => "Rust".into(),
            "post_id" => post_id.clone(),
            "comment_id" => comment_id.clone(),
            _ => "1".into(),
        }
    };
    let fill = |template: &str, bad: Option<(&str, &str)>| -> String {
        let mut path = template.to_owned();
        while let Some(start) = path.find('{') {
            let end = path[start..].find('}').unwrap() + start;
            let name = &path[start + 1..end];
            let value = match bad {
                Some((n, v)) if n == name => v.to_owned(),
                _ => good(name),
            };
            path.replace_range(start..=end, &value);
        }
        path
    };
    let (_, posts_before) = app.api(Method::GET, "/posts", None).await;
    let (_, blog_before) = app.api(Method::GET, "/blog", None).await;
    let (_, comments_before) = app.api(Method::GET, "/comments", None).await;

    let mut cases = public_cases(&fill);
    cases.extend(admin_cases(&fill, &session));
    let results = run(&app, cases).await;
    assert_swept(&results);

    // Nothing changed, and the admin's session still works.
    let (_, posts_after) = app.api(Method::GET, "/posts", None).await;
    assert_eq!(posts_after, posts_before, "no bad request changed a post");
    let (_, blog_after) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(blog_after, blog_before, "no bad request changed a setting");
    let (_, comments_after) = app.api(Method::GET, "/comments", None).await;
    assert_eq!(
        comments_after, comments_before,
        "no bad request changed a comment"
    );
    let r = app
        .client
        .get(app.url("/admin/posts"))
        .header("Cookie", format!("tidings_session={session}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), reqwest::StatusCode::OK, "still signed in");
    super::still_healthy(&app).await;
    super::no_panics(&app);
}
