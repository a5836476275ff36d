//! Every field of every form the server serves, public and admin, filled
//! with control characters and other characters no person types: one field
//! at a time, the form freshly served (with its token, cookie or CSRF token)
//! and its other fields as a person would fill them, so the hostile value
//! gets as far into the handler as it can. Not one answer may be a 5xx, a
//! refusal comes with a message, and the log shows no panic.
//!
//! The other sweeps send forms that were never served, so they stop at the
//! token check; this one found (issue 13) CR/LF in the sign-in's `next`
//! (a panic building the redirect) and a NUL in the sign-in email (a
//! PostgreSQL error), both answered 500.

use std::sync::atomic::{AtomicU32, Ordering};

use reqwest::Method;
use serde_json::json;

use super::sweep::readable;
use crate::admin::{Browser, PASSWORD, set_up, setup_path};
use crate::support::TestApp;

/// What no field should make the server stumble on.
const HOSTILE: &[&str] = &[
    "\0",
    "nul \0 inside",
    "\r\n",
    "/admin\r\nX-Injected: 1",
    "\n",
    "\u{1}",
    "\u{b}",
    "\u{1b}[31mred",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
    "\u{fffe}",
];

static NEXT_ADDRESS: AtomicU32 = AtomicU32::new(0);

/// A form as served: where it posts and its fields with their values.
#[derive(Debug, Clone)]
struct Form {
    action: String,
    fields: Vec<(String, String)>,
}

/// The value of attribute `name` in a tag's text.
fn attr(tag: &str, name: &str) -> Option<String> {
    let marker = format!(" {name}=\"");
    let start = tag.find(&marker)? + marker.len();
    let end = tag[start..].find('"')? + start;
    Some(unescape(&tag[start..end]))
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The tags named `tag` in `html`, each as the text between `<` and `>`,
/// with its position.
fn tags<'h>(html: &'h str, tag: &str) -> Vec<(usize, &'h str)> {
    let open = format!("<{tag}");
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = html[at..].find(&open) {
        let start = at + i;
        let end = html[start..].find('>').map_or(html.len(), |e| start + e);
        let after = html.as_bytes().get(start + open.len()).copied();
        if matches!(after, Some(b' ' | b'>' | b'\n')) {
            out.push((start, &html[start..end]));
        }
        at = end;
    }
    out
}

/// Every `method="post"` form of a page, filled as a browser submits it
/// (the first submit button's name and value, when it has one).
fn post_forms(html: &str, page: &str) -> Vec<Form> {
    let mut out = Vec::new();
    for (start, tag) in tags(html, "form") {
        if attr(tag, "method").as_deref() != Some("post") {
            continue;
        }
        let end = html[start..]
            .find("</form>")
            .map_or(html.len(), |e| start + e);
        let body = &html[start..end];
        let action = attr(tag, "action").unwrap_or_else(|| page.to_owned());
        let action = action.split('#').next().unwrap().to_owned();
        let mut fields = Vec::new();
        for (_, input) in tags(body, "input") {
            let kind = attr(input, "type").unwrap_or_default();
            if matches!(kind.as_str(), "submit" | "button" | "image" | "reset") {
                continue;
            }
            if let Some(name) = attr(input, "name") {
                let value = attr(input, "value").unwrap_or_else(|| {
                    if kind == "checkbox" {
                        "on".into()
                    } else {
                        String::new()
                    }
                });
                fields.push((name, value));
            }
        }
        for (at, textarea) in tags(body, "textarea") {
            if let Some(name) = attr(textarea, "name") {
                let content_start = body[at..].find('>').unwrap() + at + 1;
                let content_end = body[content_start..]
                    .find("</textarea>")
                    .map_or(body.len(), |e| content_start + e);
                fields.push((name, unescape(&body[content_start..content_end])));
            }
        }
        for (at, select) in tags(body, "select") {
            if let Some(name) = attr(select, "name") {
                let value = tags(&body[at..], "option")
                    .first()
                    .and_then(|(_, o)| attr(o, "value"))
                    .unwrap_or_default();
                fields.push((name, value));
            }
        }
        if let Some((_, button)) = tags(body, "button").first()
            && let (Some(name), Some(value)) = (attr(button, "name"), attr(button, "value"))
        {
            fields.push((name, value));
        }
        out.push(Form { action, fields });
    }
    out
}

/// What a person would type in a field the page served empty, in the form
/// that posts to `action`.
fn typed(action: &str, name: &str) -> Option<&'static str> {
    Some(match name {
        "name" => "Swept Person",
        // The right account and password at sign-in: a sign-in that goes
        // through must still refuse a bad `next` with a message.
        "email" if action == "/admin/login" => "admin@example.com",
        // Elsewhere nobody's: adding a person must not change the admin's role.
        "email" => "swept@example.com",
        "password" | "current" => PASSWORD,
        // Never equal to the new password: no sweep case changes a password
        // or creates the admin.
        "password_again" | "again" => "differs on purpose",
        "title" => "Swept title",
        "body" => "Swept body",
        "label" => "swept",
        _ => return None,
    })
}

/// Sends every hostile value in every field of every post form of `page`,
/// as `browser`, which fetches the page afresh for each case. Answers the
/// failures.
async fn sweep_page(browser: &mut Browser<'_>, page: &str, skip: &[&str]) -> Vec<String> {
    let mut failures = Vec::new();
    let first = browser.get(page).await;
    assert_eq!(first.status.as_u16(), 200, "GET {page}: {}", first.body);
    let forms = post_forms(&first.body, page);
    assert!(!forms.is_empty(), "{page} serves a form");
    for form in &forms {
        if skip.iter().any(|s| form.action.contains(s)) {
            continue;
        }
        for field in 0..form.fields.len() {
            for value in HOSTILE {
                // From an address of its own, so no rate limit (sign-ins,
                // comments) stops a case before its value is looked at.
                let n = NEXT_ADDRESS.fetch_add(1, Ordering::Relaxed);
                browser.set_ip(&format!("198.18.{}.{}", n / 250, n % 250 + 1));
                // A fresh form each time: tokens and cookies as served.
                let page_now = browser.get(page).await;
                let Some(fresh) = post_forms(&page_now.body, page)
                    .into_iter()
                    .find(|f| f.action == form.action)
                else {
                    failures.push(format!(
                        "{page}: the form posting to {} is gone",
                        form.action
                    ));
                    continue;
                };
                let mut fields: Vec<(String, String)> = fresh
                    .fields
                    .iter()
                    .map(|(k, v)| match typed(&fresh.action, k) {
                        Some(t) if v.is_empty() => (k.clone(), t.to_owned()),
                        _ => (k.clone(), v.clone()),
                    })
                    .collect();
                let name = fields[field].0.clone();
                fields[field].1 = (*value).to_owned();
                let pairs: Vec<(&str, &str)> = fields
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect();
                let r = browser.post(&fresh.action, &pairs).await;
                let case = format!("POST {} {name}={value:?}", fresh.action);
                if r.status.is_server_error() {
                    failures.push(format!("{case}: {} {:.200}", r.status, r.body));
                } else if r.status.is_client_error()
                    && let Err(e) = readable(&fresh.action, &r.body)
                {
                    failures.push(format!("{case}: {} {e}", r.status));
                }
            }
        }
    }
    failures
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_field_of_every_form_takes_control_characters_without_a_5xx() {
    // Each public case comes from an address of its own (through the
    // trusted proxy), so the sign-in throttle never stops one early.
    let mut app = TestApp::start_with(&[
        "--trusted-proxies",
        "127.0.0.1",
        "--api-requests-per-minute",
        "1000000",
    ])
    .await;
    let mut failures = Vec::new();

    // The setup form, before anyone is admin (its passwords never match).
    let setup = setup_path(&app);
    let mut stranger = Browser::new(&app);
    failures.extend(sweep_page(&mut stranger, &setup, &[]).await);

    let session = set_up(&app).await.cookie().expect("signed in").to_owned();
    app.settings(json!({"comment_min_seconds": 0})).await;
    let post = app
        .post(json!({"title": "Swept post", "body": "x", "status": "published", "published_at": "2014-05-07T12:00:00Z"}))
        .await;
    let url = post["url"].as_str().unwrap().to_owned();
    app.comment(&url, &[("name", "Ann"), ("body", "A comment")])
        .await
        .expect("the comment is taken");
    let (_, comments) = app.api(Method::GET, "/comments", None).await;
    let comment_id = comments["items"][0]["id"].to_string();
    app.cli(&["token", "create", "--email", "admin@example.com"], None);
    let token = app.new_token("admin@example.com");
    crate::admin::media::upload(&app, &token, "A picture to sweep").await;

    // Public forms, as readers and people signing in (the right password:
    // a sign-in that goes through must still carry a bad `next` safely).
    for page in [url.as_str(), "/admin/login"] {
        let mut reader = Browser::new(&app);
        failures.extend(sweep_page(&mut reader, page, &[]).await);
    }

    // The admin's forms, signed in, with the CSRF token as served. Signing
    // out, deleting and revoking would end the sweep's own state.
    let skip = ["/logout", "/delete", "/revoke"];
    let mut admin = Browser::new(&app);
    admin.set_cookie(Some(session));
    for page in [
        "/admin/posts/new".to_owned(),
        format!("/admin/posts/{}", post["id"]),
        "/admin/comments".to_owned(),
        format!("/admin/comments/{comment_id}/reply"),
        "/admin/settings".to_owned(),
        "/admin/users".to_owned(),
        "/admin/tokens".to_owned(),
        "/admin/account".to_owned(),
        "/admin/mail".to_owned(),
        "/admin/subscribers".to_owned(),
        "/admin/media".to_owned(),
    ] {
        failures.extend(sweep_page(&mut admin, &page, &skip).await);
    }

    assert!(
        failures.is_empty(),
        "{} hostile form fields were answered wrongly:\n{}",
        failures.len(),
        failures.join("\n")
    );
    super::still_healthy(&app).await;
}

#[test]
fn forms_are_read_as_a_browser_submits_them() {
    let html = r#"<form method="get" action="/search"><input name="q"></form>
        <form method="post" action="/p#c"><input type="hidden" name="token" value="a&amp;b">
        <input name="name" value=""><input type="checkbox" name="sticky">
        <textarea name="body" rows="2">hi &lt;3</textarea>
        <select name="role"><option value="author">A</option><option value="admin">B</option></select>
        <button type="submit" name="action" value="preview">P</button>
        <button type="submit" name="action" value="publish">Q</button></form>"#;
    let forms = post_forms(html, "/page");
    assert_eq!(forms.len(), 1);
    assert_eq!(forms[0].action, "/p");
    let fields: Vec<(&str, &str)> = forms[0]
        .fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("token", "a&b"),
            ("name", ""),
            ("sticky", "on"),
            ("body", "hi <3"),
            ("role", "author"),
            ("action", "preview")
        ]
    );
}
