//! API errors: requests without a valid token get 401, unknown endpoints and
//! methods get JSON error documents.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::error_message;
use crate::support::TestApp;

#[tokio::test]
async fn requests_without_a_valid_token_get_401_as_json() {
    let mut app = TestApp::start().await;
    app.token(); // a real token exists, so a bad one is not refused just for lack of users

    let r = app
        .client
        .get(app.url("/api/v1/blog"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json"),
        "errors are JSON"
    );
    let body: Value = r.json().await.unwrap();
    error_message(StatusCode::UNAUTHORIZED, &body, "no token");
    assert_eq!(body["error"]["code"], "unauthorized");

    let (status, body) = app
        .api_as("tdg_not-a-real-token", Method::GET, "/blog", None)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    error_message(status, &body, "bad token");

    // A bad token changes nothing either.
    let (status, body) = app
        .api_as(
            "tdg_nope",
            Method::POST,
            "/posts",
            Some(json!({"title": "Sneaky", "body": "x", "status": "published"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    let (_, list) = app.api(Method::GET, "/posts", None).await;
    assert_eq!(list["total"], 0);

    // A token in another scheme is not a bearer token.
    let r = app
        .client
        .get(app.url("/api/v1/posts"))
        .basic_auth("owner@example.com", Some("a long enough password"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn unknown_endpoints_and_methods_answer_json_errors() {
    let mut app = TestApp::start().await;
    let mut wrong = Vec::new();
    for (method, path, want) in [
        (Method::GET, "/posts/1/extra", StatusCode::NOT_FOUND),
        (Method::GET, "/no-such-thing", StatusCode::NOT_FOUND),
        (Method::POST, "/no-such-thing", StatusCode::NOT_FOUND),
        (Method::GET, "/", StatusCode::NOT_FOUND),
        (Method::PUT, "/blog", StatusCode::METHOD_NOT_ALLOWED),
        (Method::DELETE, "/blog", StatusCode::METHOD_NOT_ALLOWED),
        (Method::POST, "/posts/1", StatusCode::METHOD_NOT_ALLOWED),
        (
            Method::GET,
            "/comments/1/approve",
            StatusCode::METHOD_NOT_ALLOWED,
        ),
    ] {
        let (status, body) = app.api(method.clone(), path, None).await;
        let shaped = body["error"]["code"].is_string()
            && body["error"]["message"]
                .as_str()
                .is_some_and(|m| m.len() > 5);
        if status != want || !shaped {
            wrong.push(format!(
                "{method} /api/v1{path}: want {want} with a JSON error, got {status} {:.80}",
                body.to_string()
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "API errors are JSON documents:\n{}",
        wrong.join("\n")
    );
}
