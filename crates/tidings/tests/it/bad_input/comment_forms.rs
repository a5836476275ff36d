//! Comment forms a reader's browser was never served, or that say more than
//! a comment may: refused with a message, and nothing stored.

use reqwest::header::CONTENT_TYPE;
use reqwest::{Method, StatusCode};
use serde_json::json;

use super::{refused, still_healthy};
use crate::support::{TestApp, hidden, strip_tags};

#[tokio::test]
async fn comment_forms_that_were_not_served_or_say_too_much() {
    let mut app = TestApp::start().await;
    app.settings(json!({"comment_min_seconds": 0})).await;
    let post = app.post(json!({"title": "Commented", "body": "x", "status": "published", "published_at": "2020-01-01T00:00:00Z"})).await;
    let other = app.post(json!({"title": "Elsewhere", "body": "x", "status": "published", "published_at": "2020-01-02T00:00:00Z"})).await;
    let path = post["url"].as_str().unwrap().to_owned();
    let other_path = other["url"].as_str().unwrap().to_owned();
    let html = app.page(&path).await;
    let token = hidden(&html, "token");
    let other_token = hidden(&app.page(&other_path).await, "token");
    let form = |token: &str, body: &str| -> Vec<(String, String)> {
        vec![
            ("token".into(), token.into()),
            ("parent".into(), String::new()),
            ("name".into(), "Mallory".into()),
            ("body".into(), body.into()),
        ]
    };

    // No token at all.
    let no_token: Vec<(String, String)> = vec![
        ("name".into(), "Mallory".into()),
        ("body".into(), "no token".into()),
    ];
    let (status, body) = app.submit(&path, &no_token).await.expect_err("refused");
    assert!(status.is_client_error(), "no token: {status}");
    assert!(
        strip_tags(&body).contains("Reload the page"),
        "no token: says what to do"
    );

    // A tampered token: another time, a flipped signature, garbage, the empty string.
    let parts: Vec<&str> = token.splitn(3, '.').collect();
    let flipped_sig = {
        let mut sig = parts[2].to_owned();
        let last = if sig.ends_with('0') { '1' } else { '0' };
        sig.pop();
        sig.push(last);
        format!("{}.{}.{sig}", parts[0], parts[1])
    };
    let earlier = format!(
        "{}.{}.{}",
        parts[0],
        parts[1].parse::<i64>().unwrap() - 60_000,
        parts[2]
    );
    let very_long = "f".repeat(10_000);
    for bad in [
        flipped_sig.as_str(),
        earlier.as_str(),
        "garbage",
        "",
        "1.2.3",
        "..",
        very_long.as_str(),
    ] {
        let (status, body) = app
            .submit(&path, &form(bad, "tampered"))
            .await
            .expect_err("refused");
        assert!(status.is_client_error(), "token {bad:.40}: {status}");
        assert!(
            strip_tags(&body).contains("Reload the page"),
            "token {bad:.40}: a message"
        );
    }
    // A good token, but for another post.
    let (status, _) = app
        .submit(&path, &form(&other_token, "wrong post"))
        .await
        .expect_err("refused");
    assert!(status.is_client_error(), "another post's token: {status}");

    // Too long a body: 422, the form shown again with the text kept.
    let long = "w".repeat(5000);
    let (status, body) = app
        .submit(&path, &form(&token, &long))
        .await
        .expect_err("refused");
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.contains("id=\"comment-form\""),
        "the form is shown again"
    );
    assert!(
        body.contains("4096") || body.contains("4,096"),
        "the message gives the limit"
    );
    assert!(body.contains(&long), "what the reader wrote is kept");
    assert!(body.contains("Mallory"), "the name is kept");

    // Other fields that make no sense.
    for (field, value) in [
        ("name", "n".repeat(500)),
        ("email", "not an email".to_owned()),
        ("url", "javascript:alert(1)".to_owned()),
        ("url", "u".repeat(1000)),
        ("body", String::new()),
        ("body", "   \n  ".to_owned()),
        ("parent", "abc".to_owned()),
        ("parent", "999999".to_owned()),
        ("parent", "-1".to_owned()),
    ] {
        let mut fields = form(&token, "a fine comment");
        fields.retain(|(k, _)| k != field);
        fields.push((field.into(), value.clone()));
        let (status, body) = app
            .submit(&path, &fields)
            .await
            .expect_err(&format!("{field}={value:.20} refused"));
        assert!(status.is_client_error(), "{field}={value:.20}: {status}");
        assert!(
            strip_tags(&body).trim().len() > 10,
            "{field}={value:.20}: a message"
        );
    }

    // A form sent as something other than a form.
    let r = app
        .client
        .post(app.url(&path))
        .header(CONTENT_TYPE, "application/json")
        .body(json!({"token": token, "body": "json"}).to_string())
        .send()
        .await
        .unwrap();
    refused(r, "comment as JSON").await;
    let r = app
        .client
        .post(app.url(&path))
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body("token=%FF%FE&body=%FF")
        .send()
        .await
        .unwrap();
    refused(r, "undecodable form").await;
    // A fresh connection: the server may close one whose body it did not read.
    let r = reqwest::Client::new()
        .post(app.url(&path))
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(format!(
            "token={token}&body={}",
            "z".repeat(3 * 1024 * 1024)
        ))
        .send()
        .await
        .unwrap();
    refused(r, "a 3 MB comment").await;
    // To places that are not posts.
    for target in [
        "/2014/13/x.html",
        "/2020/01/no-such-post.html",
        "/p/nothing.html",
    ] {
        let r = app
            .client
            .post(app.url(target))
            .form(&form(&token, "lost"))
            .send()
            .await
            .unwrap();
        refused(r, &format!("POST {target}")).await;
    }

    // None of it was stored.
    let (_, comments) = app.api(Method::GET, "/comments", None).await;
    assert_eq!(
        comments["total"], 0,
        "no refused comment was stored: {comments}"
    );
    let page = app.page(&path).await;
    assert!(page.contains("No comments:"));
    // And a proper comment still goes through.
    let location = app
        .comment(&path, &[("name", "Ann"), ("body", "A proper comment")])
        .await
        .expect("accepted");
    assert!(location.contains("#c"), "{location}");
    still_healthy(&app).await;
}
