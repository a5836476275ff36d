//! The JSON API of SPEC section 7: tokens, errors, blog settings, posts,
//! roles, comment moderation and the OpenAPI description.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{TestApp, texts_of_class};

/// Asserts `body` is the API's error document with a code and a message a
/// person can read, and answers the message.
fn error_message(status: StatusCode, body: &Value, context: &str) -> String {
    assert!(
        status.is_client_error(),
        "{context}: want a 4xx, got {status}: {body}"
    );
    let code = body["error"]["code"].as_str();
    let message = body["error"]["message"].as_str();
    assert!(
        code.is_some_and(|c| !c.is_empty()),
        "{context}: error.code missing in {body}"
    );
    let message = message.unwrap_or_else(|| panic!("{context}: error.message missing in {body}"));
    assert!(
        message.trim().len() > 5,
        "{context}: the message says nothing: {body}"
    );
    message.to_owned()
}

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
async fn blog_settings_read_and_change() {
    let mut app = TestApp::start().await;
    let (status, blog) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(status, StatusCode::OK);
    for field in [
        "title",
        "description",
        "timezone",
        "posts_per_page",
        "comments_allowed",
        "comment_moderation",
        "moderation_days",
        "comment_min_seconds",
    ] {
        assert!(blog.get(field).is_some(), "GET /blog has {field}: {blog}");
    }
    assert_eq!(blog["posts_per_page"], 7, "the default of SPEC section 3");
    assert_eq!(
        blog["comment_min_seconds"], 3,
        "the default of SPEC section 5"
    );

    let (status, changed) = app
        .api(
            Method::PATCH,
            "/blog",
            Some(json!({
                "title": "Garden Diary",
                "description": "Notes from the allotment",
                "timezone": "Europe/Berlin",
                "posts_per_page": 3,
                "comments_allowed": "nobody",
                "comment_moderation": "older_than",
                "moderation_days": 14,
                "comment_min_seconds": 0
            })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["title"], "Garden Diary");
    assert_eq!(changed["timezone"], "Europe/Berlin");
    let (_, after) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(after, changed, "GET answers what PATCH stored");
    assert_eq!(after["comments_allowed"], "nobody");
    assert_eq!(after["comment_moderation"], "older_than");
    assert_eq!(after["moderation_days"], 14);
    assert_eq!(after["posts_per_page"], 3);

    // A reader sees the new title and description.
    let home = app.page("/").await;
    assert!(home.contains("Garden Diary") && home.contains("Notes from the allotment"));

    // Echoing back what GET answered is accepted.
    let (status, body) = app.api(Method::PATCH, "/blog", Some(after.clone())).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "a GET body can be sent back: {body}"
    );
}

#[tokio::test]
async fn bad_blog_settings_are_refused_and_change_nothing() {
    let mut app = TestApp::start().await;
    let (_, before) = app.api(Method::GET, "/blog", None).await;
    let bad = [
        json!({"title": "Changed", "timezone": "Mars/Olympus_Mons"}),
        json!({"title": "Changed", "timezone": ""}),
        json!({"title": "Changed", "posts_per_page": 0}),
        json!({"title": "Changed", "posts_per_page": 1000}),
        json!({"title": "Changed", "posts_per_page": -3}),
        json!({"title": "Changed", "moderation_days": -1}),
        json!({"title": "Changed", "comment_min_seconds": -5}),
        json!({"title": "Changed", "comment_min_seconds": 1_000_000}),
        json!({"title": "Changed", "comments_allowed": "everybody"}),
        json!({"title": "Changed", "comment_moderation": "sometimes"}),
        json!({"title": "Changed", "colour": "blue"}),
        json!({"title": "   "}),
        json!({"title": "x".repeat(5000)}),
        json!({"title": "Changed", "posts_per_page": "7"}),
        json!(["title", "Changed"]),
    ];
    for body in bad {
        let (status, answer) = app.api(Method::PATCH, "/blog", Some(body.clone())).await;
        let context = format!(
            "PATCH /blog {}",
            &body.to_string()[..body.to_string().len().min(80)]
        );
        error_message(status, &answer, &context);
        let (_, now) = app.api(Method::GET, "/blog", None).await;
        assert_eq!(now, before, "{context} changed nothing");
    }
    let (status, answer) = app
        .api(
            Method::PATCH,
            "/blog",
            Some(json!({"timezone": "Mars/Olympus_Mons"})),
        )
        .await;
    let message = error_message(status, &answer, "bad timezone");
    assert!(
        message.contains("Mars/Olympus_Mons")
            || message.to_lowercase().contains("time zone")
            || message.contains("timezone"),
        "{message}"
    );
    assert!(!app.page("/").await.contains("Changed"));
}

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
    assert_eq!(
        app.get("/2020/02/hello-world.html").await.status(),
        StatusCode::NOT_FOUND
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
async fn roles_limit_what_a_token_may_do() {
    let mut app = TestApp::start().await;
    let contributor = app.user_token("carol@example.com", "contributor");
    let author_a = app.user_token("alice@example.com", "author");
    let author_b = app.user_token("bob@example.com", "author");

    // A contributor writes drafts…
    let (status, draft) = app
        .api_as(
            &contributor,
            Method::POST,
            "/posts",
            Some(json!({"title": "Carol's idea", "body": "x"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{draft}");
    assert_eq!(draft["status"], "draft");
    let draft_id = draft["id"].as_i64().unwrap();
    // …but may not publish, neither at once nor later.
    let (status, body) = app
        .api_as(
            &contributor,
            Method::POST,
            "/posts",
            Some(json!({"title": "Carol publishes", "body": "x", "status": "published"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    error_message(status, &body, "contributor publishing");
    let (status, body) = app
        .api_as(
            &contributor,
            Method::PATCH,
            &format!("/posts/{draft_id}"),
            Some(json!({"status": "published"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (status, body) = app
        .api_as(&contributor, Method::POST, "/posts", Some(json!({"title": "Carol schedules", "body": "x", "status": "scheduled", "published_at": "2999-01-01T00:00:00Z"})))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (_, all) = app.api(Method::GET, "/posts", None).await;
    assert_eq!(all["total"], 1, "the refused posts were not stored: {all}");
    assert_eq!(all["items"][0]["status"], "draft");
    assert!(!app.page("/").await.contains("Carol"));

    // Contributors and authors do not change the blog's settings.
    for token in [&contributor, &author_a] {
        let (status, body) = app
            .api_as(
                token,
                Method::PATCH,
                "/blog",
                Some(json!({"title": "Taken over"})),
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    }
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_ne!(blog["title"], "Taken over");

    // An author edits their own posts, not another author's.
    let (status, alice_post) = app
        .api_as(
            &author_a,
            Method::POST,
            "/posts",
            Some(json!({"title": "Alice writes", "body": "original", "status": "published"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "authors publish: {alice_post}");
    let alice_id = alice_post["id"].as_i64().unwrap();
    let (status, body) = app
        .api_as(
            &author_b,
            Method::PATCH,
            &format!("/posts/{alice_id}"),
            Some(json!({"body": "defaced"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    error_message(status, &body, "author editing another's post");
    let (status, _) = app
        .api_as(
            &author_b,
            Method::DELETE,
            &format!("/posts/{alice_id}"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app
        .api_as(
            &author_b,
            Method::PATCH,
            &format!("/posts/{draft_id}"),
            Some(json!({"title": "Mine now"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "nor a contributor's draft");
    let (_, still) = app
        .api(Method::GET, &format!("/posts/{alice_id}"), None)
        .await;
    assert_eq!(still["body"], "original");
    let page = app.page(alice_post["url"].as_str().unwrap()).await;
    assert!(page.contains("original") && !page.contains("defaced"));

    let (status, mine) = app
        .api_as(
            &author_a,
            Method::PATCH,
            &format!("/posts/{alice_id}"),
            Some(json!({"body": "revised"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{mine}");
    // The admin may edit anyone's post.
    let (status, _) = app
        .api(
            Method::PATCH,
            &format!("/posts/{alice_id}"),
            Some(json!({"body": "edited by the owner"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = app
        .api(
            Method::PATCH,
            &format!("/posts/{draft_id}"),
            Some(json!({"status": "published"})),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "an admin publishes a contributor's draft"
    );
}

#[tokio::test]
async fn comments_are_moderated_through_the_api() {
    let mut app = TestApp::start().await;
    app.settings(json!({"comment_moderation": "always", "comment_min_seconds": 0}))
        .await;
    let post = app
        .post(json!({"title": "Talk to me", "body": "x", "status": "published", "published_at": "2023-04-05T06:07:08Z"}))
        .await;
    let post_id = post["id"].as_i64().unwrap();
    let path = post["url"].as_str().unwrap().to_owned();
    for (name, body) in [
        ("Ann", "First thoughts"),
        ("Bob", "Buy cheap pills"),
        ("Cid", "Rude remark"),
    ] {
        let location = app
            .comment(&path, &[("name", name), ("body", body)])
            .await
            .expect("the form is accepted");
        assert!(
            location.contains("held=1"),
            "held for moderation: {location}"
        );
    }
    let page = app.page(&path).await;
    assert!(
        !page.contains("First thoughts"),
        "held comments are not shown"
    );

    let (status, pending) = app.api(Method::GET, "/comments?status=pending", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(pending["total"], 3);
    let items = pending["items"].as_array().unwrap();
    let find = |author: &str| -> Value {
        items
            .iter()
            .find(|c| c["author"] == author)
            .unwrap_or_else(|| panic!("{author} in {pending}"))
            .clone()
    };
    let ann = find("Ann");
    assert_eq!(ann["body"], "First thoughts");
    assert_eq!(ann["post_id"], post_id);
    assert_eq!(ann["status"], "pending");
    assert!(ann["parent"].is_null());
    assert!(chrono::DateTime::parse_from_rfc3339(ann["published_at"].as_str().unwrap()).is_ok());
    let (_, by_post) = app
        .api(Method::GET, &format!("/comments?post_id={post_id}"), None)
        .await;
    assert_eq!(by_post["total"], 3);
    let (_, other_post) = app.api(Method::GET, "/comments?post_id=999999", None).await;
    assert_eq!(other_post["total"], 0);

    let (status, approved) = app
        .api(
            Method::POST,
            &format!("/comments/{}/approve", ann["id"]),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{approved}");
    assert_eq!(approved["status"], "published");
    assert_eq!(approved["id"], ann["id"]);
    let page = app.page(&path).await;
    assert_eq!(texts_of_class(&page, "comment-body"), ["First thoughts"]);
    assert!(page.contains("1 comment:"));

    let bob = find("Bob");
    let (status, spammed) = app
        .api(Method::POST, &format!("/comments/{}/spam", bob["id"]), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{spammed}");
    assert_eq!(spammed["status"], "spam");
    let (_, spam) = app.api(Method::GET, "/comments?status=spam", None).await;
    assert_eq!(spam["total"], 1);
    assert_eq!(spam["items"][0]["author"], "Bob");

    let cid = find("Cid");
    let (status, body) = app
        .api(Method::DELETE, &format!("/comments/{}", cid["id"]), None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let (_, pending) = app.api(Method::GET, "/comments?status=pending", None).await;
    assert_eq!(pending["total"], 0);
    let (_, published) = app
        .api(Method::GET, "/comments?status=published", None)
        .await;
    assert_eq!(published["total"], 1);
    let page = app.page(&path).await;
    assert!(!page.contains("Buy cheap pills") && !page.contains("Rude remark"));

    // Deleting a published comment takes it off the page.
    let (status, _) = app
        .api(Method::DELETE, &format!("/comments/{}", ann["id"]), None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let page = app.page(&path).await;
    assert!(!page.contains("First thoughts") && page.contains("No comments:"));

    for path in ["/comments/999999/approve", "/comments/abc/spam"] {
        let (status, body) = app.api(Method::POST, path, None).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        error_message(status, &body, path);
    }
    for bad in ["limit=0", "limit=501", "status=maybe", "post_id=abc"] {
        let (status, body) = app
            .api(Method::GET, &format!("/comments?{bad}"), None)
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
    }

    // Only moderators moderate: a contributor may not approve.
    let contributor = app.user_token("carol@example.com", "contributor");
    let (status, _) = app
        .api_as(
            &contributor,
            Method::POST,
            &format!("/comments/{}/approve", bob["id"]),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, spam) = app.api(Method::GET, "/comments?status=spam", None).await;
    assert_eq!(spam["total"], 1, "the refused approval changed nothing");
}

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

/// An API call with `token` as if to the blog served at `host`.
async fn api_at(
    app: &TestApp,
    host: &str,
    token: &str,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut req = app
        .client
        .request(method, app.url(&format!("/api/v1{path}")))
        .header("Host", host)
        .bearer_auth(token);
    if let Some(b) = body {
        req = req.json(&b);
    }
    let r = req.send().await.unwrap();
    let status = r.status();
    let text = r.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

#[tokio::test]
async fn each_request_acts_on_the_blog_of_its_host() {
    let mut app = TestApp::start().await;
    let first_admin = app.token();
    let out = app.cli(
        &[
            "blog",
            "add",
            "--host",
            "second.example.com",
            "--title",
            "Second Blog",
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = app.cli(
        &[
            "user",
            "add",
            "--email",
            "second@example.com",
            "--name",
            "Second",
            "--role",
            "admin",
            "--password-stdin",
            "--blog",
            "second.example.com",
        ],
        Some("a long enough password\n"),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = app.cli(&["token", "create", "--email", "second@example.com"], None);
    let second_admin = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .last()
        .unwrap()
        .trim()
        .to_owned();

    let (status, blog) = api_at(
        &app,
        "second.example.com",
        &second_admin,
        Method::GET,
        "/blog",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{blog}");
    assert_eq!(blog["title"], "Second Blog");
    let (status, post) = api_at(
        &app,
        "second.example.com:8080",
        &second_admin,
        Method::POST,
        "/posts",
        Some(json!({"title": "Only on the second", "body": "x", "status": "published"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "the port is ignored: {post}");

    // The first blog's list does not hold it, and its admin cannot reach it.
    let (_, first_posts) = app.api(Method::GET, "/posts", None).await;
    assert_eq!(first_posts["total"], 0);
    assert!(!app.page("/").await.contains("Only on the second"));
    let (status, body) = api_at(
        &app,
        "second.example.com",
        &first_admin,
        Method::GET,
        "/posts",
        None,
    )
    .await;
    assert!(
        status == StatusCode::FORBIDDEN || status == StatusCode::UNAUTHORIZED,
        "{status} {body}"
    );
    let (status, _) = api_at(
        &app,
        "second.example.com",
        &first_admin,
        Method::PATCH,
        "/blog",
        Some(json!({"title": "Hijacked"})),
    )
    .await;
    assert!(status.is_client_error());
    let (status, _) = app
        .api_as(
            &second_admin,
            Method::GET,
            &format!("/posts/{}", post["id"]),
            None,
        )
        .await;
    assert!(
        status.is_client_error(),
        "the second admin has no role on the first blog"
    );
    let (status, _) = app
        .api(Method::GET, &format!("/posts/{}", post["id"]), None)
        .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "a post id of another blog names nothing here"
    );
    let (_, blog) = api_at(
        &app,
        "second.example.com",
        &second_admin,
        Method::GET,
        "/blog",
        None,
    )
    .await;
    assert_eq!(blog["title"], "Second Blog");
}

#[tokio::test]
async fn authors_moderate_comments_on_their_own_posts_only() {
    let mut app = TestApp::start().await;
    app.settings(json!({"comment_moderation": "always", "comment_min_seconds": 0}))
        .await;
    let alice = app.user_token("alice@example.com", "author");
    let bob = app.user_token("bob@example.com", "author");
    let (_, post) = app
        .api_as(
            &alice,
            Method::POST,
            "/posts",
            Some(json!({"title": "Alice's", "body": "x", "status": "published"})),
        )
        .await;
    app.comment(
        post["url"].as_str().unwrap(),
        &[("name", "Reader"), ("body", "Held")],
    )
    .await
    .expect("accepted");
    let (_, pending) = app.api(Method::GET, "/comments?status=pending", None).await;
    let id = pending["items"][0]["id"].as_i64().unwrap();
    let (status, body) = app
        .api_as(&bob, Method::POST, &format!("/comments/{id}/approve"), None)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (status, _) = app
        .api_as(&bob, Method::DELETE, &format!("/comments/{id}"), None)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, still) = app.api(Method::GET, "/comments?status=pending", None).await;
    assert_eq!(still["total"], 1);
    let (status, approved) = app
        .api_as(
            &alice,
            Method::POST,
            &format!("/comments/{id}/approve"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{approved}");
    assert_eq!(approved["status"], "published");
}
