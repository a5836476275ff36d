//! The blog's face on the web: every public page names
//! its canonical address; a post page tells a link preview its title,
//! description, picture and language through OpenGraph and the Twitter
//! card, and search engines through JSON-LD; the home page describes the
//! blog. Read here as a link-preview client reads them: the `<meta>`
//! elements of the head, their entities decoded, and the JSON-LD parsed.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::TestApp;

/// `(property or name, content)` of every `<meta>` of the page's head, as a
/// preview client reads them.
fn metas(html: &str) -> Vec<(String, String)> {
    let head = &html[..html.find("</head>").expect("a head")];
    head.split("<meta ")
        .skip(1)
        .filter_map(|tag| {
            let tag = format!(" {}", &tag[..tag.find('>')?]);
            let key = attr(&tag, "property").or_else(|| attr(&tag, "name"))?;
            Some((key, attr(&tag, "content")?))
        })
        .collect()
}

fn meta(html: &str, key: &str) -> Option<String> {
    metas(html)
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}

/// The value of `name="…"` in a tag, entities decoded.
fn attr(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let value = &tag[start..start + tag[start..].find('"')?];
    Some(
        value
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&"),
    )
}

fn canonical(html: &str) -> String {
    let at = html
        .find(r#"<link rel="canonical" href=""#)
        .expect("a canonical link");
    attr(&html[at..at + html[at..].find('>').unwrap()], "href").unwrap()
}

fn json_ld(html: &str) -> Value {
    let open = r#"<script type="application/ld+json">"#;
    let start = html.find(open).expect("JSON-LD") + open.len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).expect("JSON-LD parses as JSON")
}

const TITLE: &str = r#"Q&A: </script><b>"quotes"</b>"#;

#[tokio::test]
async fn a_post_page_previews_with_its_title_picture_and_language() {
    let mut app = TestApp::start().await;
    app.settings(
        json!({"title": "Harbour & Sea", "description": "The blog's own words.", "language": "ko"}),
    )
    .await;
    let post = app
        .post(json!({
            "title": TITLE,
            "body": "Lighthouses at dusk, *seen from the pier*.\n\n![The pier](https://images.example/pier.jpg?w=1&h=2)",
            "labels": ["sea"],
            "status": "published",
            "published_at": "2014-05-07T17:08:00Z",
        }))
        .await;
    let path = post["url"].as_str().unwrap();
    let url = app.url(path);
    // A visit's own query is not the page's address.
    let html = app.page(&format!("{path}?showComment=1")).await;
    assert_eq!(canonical(&html), url);

    assert_eq!(meta(&html, "og:type").as_deref(), Some("article"));
    assert_eq!(meta(&html, "og:title").as_deref(), Some(TITLE));
    assert_eq!(meta(&html, "og:url").as_deref(), Some(url.as_str()));
    assert_eq!(
        meta(&html, "og:site_name").as_deref(),
        Some("Harbour & Sea")
    );
    assert_eq!(meta(&html, "og:locale").as_deref(), Some("ko_KR"));
    assert_eq!(
        meta(&html, "og:image").as_deref(),
        Some("https://images.example/pier.jpg?w=1&h=2")
    );
    assert_eq!(
        meta(&html, "twitter:card").as_deref(),
        Some("summary_large_image")
    );
    assert_eq!(
        meta(&html, "article:published_time").as_deref(),
        Some("2014-05-07T17:08:00Z")
    );
    // The post's own words, not the blog's description.
    let description = meta(&html, "description").unwrap();
    assert!(
        description.starts_with("Lighthouses at dusk, seen from the pier."),
        "{description}"
    );
    assert_eq!(meta(&html, "og:description"), Some(description.clone()));

    let ld = json_ld(&html);
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "BlogPosting");
    assert_eq!(ld["headline"], TITLE);
    assert_eq!(ld["datePublished"], "2014-05-07T17:08:00Z");
    assert!(ld["dateModified"].as_str().unwrap() >= "2014-05-07T17:08:00Z");
    assert_eq!(ld["author"]["name"], "owner");
    assert_eq!(ld["url"], url.as_str());
    assert_eq!(ld["image"][0], "https://images.example/pier.jpg?w=1&h=2");
    assert_eq!(ld["inLanguage"], "ko");
    assert_eq!(ld["description"], description.as_str());
}

#[tokio::test]
async fn a_post_without_a_picture_is_a_summary_card() {
    let mut app = TestApp::start().await;
    let post = app
        .post(json!({"title": "Plain", "body": "Only words.", "status": "published"}))
        .await;
    let html = app.page(post["url"].as_str().unwrap()).await;
    assert_eq!(meta(&html, "twitter:card").as_deref(), Some("summary"));
    assert_eq!(meta(&html, "og:image"), None);
    assert_eq!(meta(&html, "og:locale").as_deref(), Some("en_US"));
    assert!(json_ld(&html).get("image").is_none());
}

#[tokio::test]
async fn a_post_without_a_picture_shows_the_blogs_default_share_image() {
    let mut app = TestApp::start().await;
    let (status, refused) = app
        .api(
            Method::PATCH,
            "/blog",
            Some(json!({"share_image": "javascript:alert(1)"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert!(refused.to_string().contains("share_image"), "{refused}");
    app.settings(json!({"share_image": "/media/u/card.png"}))
        .await;
    let plain = app
        .post(json!({"title": "Plain", "body": "Only words.", "status": "published"}))
        .await;
    let html = app.page(plain["url"].as_str().unwrap()).await;
    let card = meta(&html, "og:image").expect("the default share image");
    assert!(
        card.starts_with("http") && card.ends_with("/media/u/card.png"),
        "{card}"
    );
    assert_eq!(
        meta(&html, "twitter:card").as_deref(),
        Some("summary_large_image")
    );
    assert_eq!(json_ld(&html)["image"][0], card.as_str());
    // A post's own picture comes first.
    let pictured = app
        .post(json!({"title": "Pictured", "status": "published",
            "body_html": "<p><img src=\"https://images.example/own.jpg\" alt=\"x\"></p>"}))
        .await;
    let html = app.page(pictured["url"].as_str().unwrap()).await;
    assert_eq!(
        meta(&html, "og:image").as_deref(),
        Some("https://images.example/own.jpg")
    );
}

#[tokio::test]
async fn the_home_page_describes_the_blog_and_every_page_names_its_address() {
    let mut app = TestApp::start().await;
    app.settings(json!({"title": "Harbour", "description": "Boats, mostly.", "language": "fr"}))
        .await;
    app.post(json!({"title": "Un", "body": "Texte.", "labels": ["mer"], "status": "published"}))
        .await;
    let home = app.page("/").await;
    assert_eq!(canonical(&home), app.url("/"));
    assert_eq!(
        meta(&home, "description").as_deref(),
        Some("Boats, mostly.")
    );
    assert_eq!(meta(&home, "og:title"), None, "OpenGraph is for posts");
    let ld = json_ld(&home);
    let graph = ld["@graph"].as_array().unwrap();
    let of = |kind: &str| graph.iter().find(|n| n["@type"] == kind).unwrap().clone();
    assert_eq!(of("WebSite")["name"], "Harbour");
    assert_eq!(of("WebSite")["url"], app.url("/").as_str());
    assert_eq!(of("Blog")["description"], "Boats, mostly.");
    assert_eq!(of("Blog")["inLanguage"], "fr");

    for path in ["/search/label/mer", "/2014/", "/search?q=texte"] {
        let page = app.get(path).await.text().await.unwrap();
        assert_eq!(canonical(&page), app.url(path), "{path}");
    }
    let missing = app.get("/no/such/page").await.text().await.unwrap();
    assert_eq!(canonical(&missing), app.url("/no/such/page"));
}

#[tokio::test]
async fn the_owner_s_robots_txt_replaces_the_built_in_one() {
    let mut app = TestApp::start().await;
    let built_in = app.page("/robots.txt").await;
    assert!(built_in.contains("Sitemap:"), "{built_in}");
    let own = "User-agent: *\nDisallow: /search\n";
    app.settings(json!({ "robots_txt": own })).await;
    assert_eq!(app.page("/robots.txt").await, own);

    let (status, body) = app
        .api(
            reqwest::Method::PATCH,
            "/blog",
            Some(json!({"robots_txt": "User-agent: *\u{1}"})),
        )
        .await;
    assert_eq!(status, reqwest::StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.to_string().contains("robots_txt"), "{body}");
    assert_eq!(app.page("/robots.txt").await, own, "nothing changed");

    app.settings(json!({ "robots_txt": "" })).await;
    assert_eq!(app.page("/robots.txt").await, built_in);
}

#[tokio::test]
async fn a_post_s_own_description_and_noindex_are_what_the_page_says() {
    let mut app = TestApp::start().await;
    let post = app
        .post(json!({
            "title": "Lighthouses",
            "body": "A long body about many things.",
            "description": "Three lighthouses & one <b>keeper</b>.",
            "noindex": true,
            "status": "published",
        }))
        .await;
    assert_eq!(
        post["description"],
        "Three lighthouses & one <b>keeper</b>."
    );
    assert_eq!(post["noindex"], true);
    let html = app.page(post["url"].as_str().unwrap()).await;
    assert_eq!(
        meta(&html, "description").as_deref(),
        Some("Three lighthouses & one <b>keeper</b>.")
    );
    assert_eq!(meta(&html, "og:description"), meta(&html, "description"));
    assert_eq!(meta(&html, "robots").as_deref(), Some("noindex"));
    assert_eq!(
        json_ld(&html)["description"],
        "Three lighthouses & one <b>keeper</b>."
    );
    assert_eq!(meta(&app.page("/").await, "robots"), None);

    let id = post["id"].as_i64().unwrap();
    let (status, body) = app
        .api(
            reqwest::Method::PATCH,
            &format!("/posts/{id}"),
            Some(json!({"description": "nul \u{0} inside"})),
        )
        .await;
    assert_eq!(status, reqwest::StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.to_string().contains("description"), "{body}");
    let (status, body) = app
        .api(
            reqwest::Method::PATCH,
            &format!("/posts/{id}"),
            Some(json!({"description": " line one\n  line two "})),
        )
        .await;
    assert_eq!(status, reqwest::StatusCode::OK, "{body}");
    assert_eq!(body["description"], "line one line two", "one paragraph");
}
