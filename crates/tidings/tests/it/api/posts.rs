//! Posts through the API: create, read, update, delete, list filters and
//! paging, HTML sanitising and Markdown extensions.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::error_message;
use crate::support::{TestApp, texts_of_class};

#[tokio::test]
async fn posts_create_read_update_delete() {
    let mut app = TestApp::start().await;
    let (status, created) = app
        .api(
            Method::POST,
            "/posts",
            Some(json!({
                "title": "Hello, World!",
                "body": "Some *emphasis* here.",
                "labels": ["Rust", "News"],
                "status": "published",
                "published_at": "2020-02-03T04:05:06Z"
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_i64().expect("a numeric id");
    assert_eq!(created["kind"], "post");
    assert_eq!(created["title"], "Hello, World!");
    assert_eq!(created["slug"], "hello-world");
    assert_eq!(created["url"], "/2020/02/hello-world.html");
    assert_eq!(created["status"], "published");
    assert_eq!(created["body"], "Some *emphasis* here.");
    assert!(
        created["body_html"]
            .as_str()
            .unwrap()
            .contains("<em>emphasis</em>"),
        "{created}"
    );
    assert_eq!(created["labels"], json!(["Rust", "News"]));
    let published =
        chrono::DateTime::parse_from_rfc3339(created["published_at"].as_str().unwrap()).unwrap();
    assert_eq!(published.timestamp(), 1_580_702_706);

    let (status, shown) = app.api(Method::GET, &format!("/posts/{id}"), None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        shown, created,
        "GET answers the stored object POST answered"
    );

    let page = app.page("/2020/02/hello-world.html").await;
    assert_eq!(texts_of_class(&page, "post-title"), ["Hello, World!"]);
    assert!(page.contains("<em>emphasis</em>"));

    let (status, updated) = app
        .api(
            Method::PATCH,
            &format!("/posts/{id}"),
            Some(json!({"body": "Rewritten **strongly**.", "labels": ["Rust"]})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{updated}");
    assert_eq!(updated["id"], id);
    assert_eq!(updated["title"], "Hello, World!", "absent fields stay");
    assert_eq!(
        updated["url"], "/2020/02/hello-world.html",
        "a published post keeps its URL"
    );
    assert_eq!(updated["labels"], json!(["Rust"]));
    assert!(
        updated["body_html"]
            .as_str()
            .unwrap()
            .contains("<strong>strongly</strong>")
    );
    let (_, shown) = app.api(Method::GET, &format!("/posts/{id}"), None).await;
    assert_eq!(shown["body"], "Rewritten **strongly**.");
    let page = app.page("/2020/02/hello-world.html").await;
    assert!(page.contains("<strong>strongly</strong>") && !page.contains("emphasis"));
    assert!(
        !app.page("/search/label/News")
            .await
            .contains("Hello, World!")
    );

    // Bad changes are refused and change nothing.
    for bad in [
        json!({"title": ""}),
        json!({"status": "archived"}),
        json!({"published_at": "yesterday"}),
        json!({"slug": "Not A Slug!"}),
    ] {
        let (status, body) = app
            .api(Method::PATCH, &format!("/posts/{id}"), Some(bad.clone()))
            .await;
        error_message(status, &body, &format!("PATCH {bad}"));
        let (_, now) = app.api(Method::GET, &format!("/posts/{id}"), None).await;
        assert_eq!(now, shown, "PATCH {bad} changed nothing");
    }

    let token = app.token();
    let r = app
        .client
        .delete(app.url(&format!("/api/v1/posts/{id}")))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    assert!(r.text().await.unwrap().is_empty(), "204 has no body");
    let (status, body) = app.api(Method::GET, &format!("/posts/{id}"), None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    error_message(status, &body, "GET a deleted post");
    let (status, _) = app.api(Method::DELETE, &format!("/posts/{id}"), None).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "deleting twice");
    let (status, _) = app
        .api(
            Method::PATCH,
            &format!("/posts/{id}"),
            Some(json!({"title": "Back"})),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // In the trash: gone, not never there (see `trash.rs`).
    assert_eq!(
        app.get("/2020/02/hello-world.html").await.status(),
        StatusCode::GONE
    );
    let (status, body) = app.api(Method::GET, "/posts/not-a-number", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    error_message(status, &body, "GET /posts/not-a-number");
}

#[tokio::test]
async fn post_list_filters_and_pages() {
    let mut app = TestApp::start().await;
    for (i, labels) in [vec!["Rust"], vec!["Rust", "Go"], vec!["Go"]]
        .into_iter()
        .enumerate()
    {
        app.post(json!({"title": format!("Published {i}"), "body": "x", "labels": labels, "status": "published", "published_at": format!("2021-0{}-01T12:00:00Z", i + 1)})).await;
    }
    app.post(json!({"title": "A draft", "body": "x", "labels": ["Rust"]}))
        .await;
    app.post(json!({"title": "Later", "body": "x", "status": "scheduled", "published_at": "2999-01-01T00:00:00Z"})).await;
    app.post(json!({"kind": "page", "title": "About", "body": "x", "status": "published"}))
        .await;

    let titles = |v: &Value| -> Vec<String> {
        let mut t: Vec<String> = v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["title"].as_str().unwrap().to_owned())
            .collect();
        t.sort();
        t
    };
    let (status, all) = app.api(Method::GET, "/posts", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(all["total"], 6);
    assert_eq!(all["items"].as_array().unwrap().len(), 6);

    let (_, drafts) = app.api(Method::GET, "/posts?status=draft", None).await;
    assert_eq!(titles(&drafts), ["A draft"]);
    assert_eq!(drafts["total"], 1);
    let (_, scheduled) = app.api(Method::GET, "/posts?status=scheduled", None).await;
    assert_eq!(titles(&scheduled), ["Later"]);
    let (_, published) = app
        .api(Method::GET, "/posts?status=published&kind=post", None)
        .await;
    assert_eq!(
        titles(&published),
        ["Published 0", "Published 1", "Published 2"]
    );
    let (_, rust) = app.api(Method::GET, "/posts?label=Rust", None).await;
    assert_eq!(titles(&rust), ["A draft", "Published 0", "Published 1"]);
    assert_eq!(rust["total"], 3);
    let (_, rust_published) = app
        .api(Method::GET, "/posts?label=Rust&status=published", None)
        .await;
    assert_eq!(titles(&rust_published), ["Published 0", "Published 1"]);
    let (_, lower) = app.api(Method::GET, "/posts?label=rust", None).await;
    assert_eq!(lower["total"], 0, "labels are case-sensitive");
    let (_, pages) = app.api(Method::GET, "/posts?kind=page", None).await;
    assert_eq!(titles(&pages), ["About"]);
    assert_eq!(pages["items"][0]["url"], "/p/about.html");

    // Paging: the total counts every match, the items only this page.
    let (_, first) = app.api(Method::GET, "/posts?limit=4", None).await;
    assert_eq!(first["items"].as_array().unwrap().len(), 4);
    assert_eq!(first["total"], 6);
    let (_, rest) = app.api(Method::GET, "/posts?limit=4&offset=4", None).await;
    assert_eq!(rest["items"].as_array().unwrap().len(), 2);
    assert_eq!(rest["total"], 6);
    let mut seen: Vec<i64> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .chain(rest["items"].as_array().unwrap())
        .map(|p| p["id"].as_i64().unwrap())
        .collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 6, "two pages hold every post once");
    let (_, beyond) = app.api(Method::GET, "/posts?offset=100", None).await;
    assert_eq!(beyond["items"], json!([]));
    assert_eq!(beyond["total"], 6);
    let (status, _) = app.api(Method::GET, "/posts?limit=500", None).await;
    assert_eq!(status, StatusCode::OK, "500 is the largest limit");

    for bad in [
        "limit=0",
        "limit=501",
        "limit=-1",
        "limit=ten",
        "offset=-1",
        "status=archived",
        "kind=essay",
    ] {
        let (status, body) = app.api(Method::GET, &format!("/posts?{bad}"), None).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
        error_message(status, &body, bad);
    }
}

#[tokio::test]
async fn html_bodies_are_sanitised_and_markdown_has_its_extensions() {
    let mut app = TestApp::start().await;
    let html = app
        .post(json!({
            "title": "Raw HTML",
            "body_html": "<p>Hello <b>there</b></p><script>alert('x')</script><img src=\"/a.png\" onerror=\"alert(1)\"><a href=\"javascript:alert(2)\">click</a>",
            "status": "published",
            "published_at": "2022-01-01T00:00:00Z"
        }))
        .await;
    let stored = html["body_html"].as_str().unwrap();
    assert!(
        stored.contains("<b>there</b>"),
        "harmless HTML stays: {stored}"
    );
    assert!(
        !stored.contains("<script") && !stored.contains("alert('x')"),
        "{stored}"
    );
    assert!(
        !stored.contains("onerror") && !stored.contains("javascript:"),
        "{stored}"
    );
    assert!(
        html["body"].is_null(),
        "no Markdown source for an HTML body: {html}"
    );
    let page = app.page(html["url"].as_str().unwrap()).await;
    assert!(page.contains("<b>there</b>"));
    assert!(
        !page.contains("<script>alert")
            && !page.contains("onerror")
            && !page.contains("javascript:alert")
    );

    // Script hidden in Markdown is cleaned too.
    let md = app
        .post(json!({"title": "Sneaky markdown", "body": "Hi <script>alert(3)</script> [x](javascript:alert(4))", "status": "published"}))
        .await;
    let stored = md["body_html"].as_str().unwrap();
    assert!(
        !stored.contains("<script") && !stored.contains("javascript:"),
        "{stored}"
    );

    let (status, body) = app
        .api(
            Method::POST,
            "/posts",
            Some(json!({"title": "Both", "body": "a", "body_html": "<p>b</p>"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    error_message(status, &body, "body and body_html");

    let rich = app
        .post(json!({
            "title": "Extensions",
            "body": "| Fruit | Count |\n|-------|------:|\n| Apple | 3 |\n\nA claim.[^src]\n\n~~Old news~~ new news.\n\n[^src]: The source.\n",
            "status": "published"
        }))
        .await;
    let stored = rich["body_html"].as_str().unwrap();
    assert!(stored.contains("<table"), "tables: {stored}");
    assert!(
        stored.contains("<th")
            && stored.contains("Fruit")
            && stored.contains("<td")
            && stored.contains("Apple"),
        "{stored}"
    );
    assert!(
        stored.contains("<del>Old news</del>") || stored.contains("<s>Old news</s>"),
        "strikethrough: {stored}"
    );
    assert!(
        stored.contains("<sup") && stored.contains("href=\"#fn-1\""),
        "footnote reference: {stored}"
    );
    assert!(
        stored.contains("id=\"fn-1\"") && stored.contains("The source."),
        "footnote definition: {stored}"
    );
    assert!(!stored.contains("[^src]"), "{stored}");
    let page = app.page(rich["url"].as_str().unwrap()).await;
    assert!(
        page.contains("<table") && page.contains("id=\"fn-1\""),
        "the page keeps them"
    );
}

#[tokio::test]
async fn posts_created_at_once_with_one_title_all_get_their_own_address() {
    let mut app = TestApp::start().await;
    let token = app.token();
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let (client, url, token) = (app.client.clone(), app.url("/api/v1/posts"), token.clone());
            tokio::spawn(async move {
                let r = client
                    .post(url)
                    .bearer_auth(token)
                    .json(&serde_json::json!({"title": "Same moment", "body": "x", "status": "published", "published_at": "2022-02-02T02:02:02Z"}))
                    .send()
                    .await
                    .unwrap();
                (r.status(), r.json::<serde_json::Value>().await.unwrap())
            })
        })
        .collect();
    let mut urls = std::collections::HashSet::new();
    for t in tasks {
        let (status, post) = t.await.unwrap();
        assert_eq!(status, reqwest::StatusCode::CREATED, "{post}");
        urls.insert(post["url"].as_str().unwrap().to_owned());
    }
    assert_eq!(urls.len(), 8);
}
