//! The OpenAPI description: every real route and only those, and schemas
//! naming the fields the API answers.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::TestApp;

#[tokio::test]
async fn openapi_describes_every_route_and_only_real_ones() {
    let mut app = TestApp::start().await;
    let r = app.get("/api/v1/openapi.json").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    let doc: Value = r.json().await.expect("the OpenAPI description is JSON");
    assert!(
        doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")),
        "OpenAPI 3.x: {}",
        doc["openapi"]
    );
    let paths = doc["paths"].as_object().expect("paths is an object");
    for route in [
        "/blog",
        "/posts",
        "/posts/{id}",
        "/comments",
        "/comments/{id}",
        "/comments/{id}/approve",
        "/comments/{id}/spam",
    ] {
        assert!(paths.contains_key(route), "{route} is described");
    }
    let declared = |route: &str| -> Vec<String> {
        paths[route].as_object().unwrap().keys().cloned().collect()
    };
    assert!(
        declared("/blog").contains(&"get".to_owned())
            && declared("/blog").contains(&"patch".to_owned())
    );
    for m in ["get", "patch", "delete"] {
        assert!(
            declared("/posts/{id}").contains(&m.to_owned()),
            "/posts/{{id}} {m}"
        );
    }

    // Every path and method the document names is served by the router, not
    // its fallback. Ids name nothing so the check changes nothing.
    for (route, ops) in paths {
        let path = route.replace("{id}", "999999");
        for method in ops.as_object().unwrap().keys() {
            let m = match method.as_str() {
                "get" => Method::GET,
                "post" => Method::POST,
                "patch" => Method::PATCH,
                "put" => Method::PUT,
                "delete" => Method::DELETE,
                _ => continue, // parameters, summary, …
            };
            let body = matches!(m, Method::POST | Method::PATCH | Method::PUT).then(|| json!({}));
            let (status, answer) = app.api(m.clone(), &path, body).await;
            assert_ne!(
                status,
                StatusCode::METHOD_NOT_ALLOWED,
                "{method} {route} is routed"
            );
            assert!(
                !answer.to_string().contains("No such API endpoint"),
                "{method} {route} is described but the router does not serve it: {status} {answer}"
            );
            assert!(!status.is_server_error(), "{method} {route}: {status}");
        }
    }
    // And the fallback really does answer unknown paths, so the check above can fail.
    let (status, answer) = app.api(Method::GET, "/posts/1/extra", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        answer.to_string().contains("No such API endpoint"),
        "{answer}"
    );
}

#[tokio::test]
async fn openapi_schemas_name_the_fields_the_api_answers() {
    let mut app = TestApp::start().await;
    let doc: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    let schema_keys = |name: &str| -> Vec<String> {
        let mut keys: Vec<String> = doc["components"]["schemas"][name]["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("a {name} schema with properties"))
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    };
    let keys_of = |v: &Value| -> Vec<String> {
        let mut keys: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    };
    app.settings(json!({"comment_min_seconds": 0})).await;
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(
        schema_keys("Blog"),
        keys_of(&blog),
        "the Blog schema is what GET /blog answers"
    );
    let post = app
        .post(json!({"title": "Described", "body": "x", "status": "published"}))
        .await;
    assert_eq!(
        schema_keys("Post"),
        keys_of(&post),
        "the Post schema is what POST /posts answers"
    );
    app.comment(
        post["url"].as_str().unwrap(),
        &[("name", "Ann"), ("body", "Hi")],
    )
    .await
    .expect("accepted");
    let (_, comments) = app.api(Method::GET, "/comments", None).await;
    assert_eq!(
        schema_keys("Comment"),
        keys_of(&comments["items"][0]),
        "the Comment schema is what GET /comments answers"
    );
    let params = |path: &str| -> Vec<String> {
        doc["paths"][path]["get"]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap().to_owned())
            .collect()
    };
    for p in ["status", "label", "kind", "limit", "offset"] {
        assert!(
            params("/posts").contains(&p.to_owned()),
            "GET /posts documents {p}"
        );
    }
    for p in ["post_id", "status", "limit", "offset"] {
        assert!(
            params("/comments").contains(&p.to_owned()),
            "GET /comments documents {p}"
        );
    }
}
