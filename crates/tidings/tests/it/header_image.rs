//! The header's picture (Blogger's Header image): set through the API or
//! the settings page (no script needed), drawn behind the title or in its
//! place with the title still said to screen readers, an upload with its
//! size and copies; a picture no browser should fetch refused, naming the
//! field; carried whole by our own export format.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::admin::set_up;
use crate::media::{jpeg, upload, upload_at};
use crate::support::TestApp;

/// The `<header class="blog-header…">…</header>` of `page`.
fn header(page: &str) -> &str {
    let start = page.find("<header class=\"blog-header").expect("a header");
    let end = start + page[start..].find("</header>").expect("its end");
    &page[start..end]
}

/// A form's fields as `Browser::post` takes them.
fn pairs(f: &[(String, String)]) -> Vec<(&str, &str)> {
    f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

/// The header's `<img …>` tag, if it has one.
fn picture(page: &str) -> Option<String> {
    let h = header(page);
    let start = h.find("<img class=\"header-picture\"")?;
    Some(h[start..start + h[start..].find('>')? + 1].to_owned())
}

#[tokio::test]
async fn the_header_picture_shows_behind_or_instead_of_the_title() {
    let mut app = TestApp::start().await;
    let csp_before = app.get("/").await.headers()["content-security-policy"].clone();
    app.settings(json!({"title": "Tom & \"Jerry\"", "description": "Lanterns and paper"}))
        .await;
    let home = app.page("/").await;
    assert!(picture(&home).is_none(), "no picture until one is set");
    assert!(header(&home).starts_with("<header class=\"blog-header\">"));

    let (_, made) = upload(&mut app, &jpeg(1400, 300), "band.jpg", Some("Band")).await;
    let url = made["url"].as_str().unwrap().to_owned();
    let stem = url.trim_end_matches(".jpg");
    let (status, blog) = app
        .api(Method::PATCH, "/blog", Some(json!({"header_image": url})))
        .await;
    assert_eq!(status, StatusCode::OK, "{blog}");
    assert_eq!(blog["header_image"], url.as_str());
    assert_eq!(blog["header_image_placement"], "behind", "the default");

    // Behind: the title and description written on it, the picture
    // adorning them (no alt text of its own), at its size, with its copies,
    // fetched at once (it is the top of the page: not lazy).
    let home = app.page("/").await;
    let srcset =
        format!("{stem}-320.jpg 320w, {stem}-640.jpg 640w, {stem}-1280.jpg 1280w, {url} 1400w");
    assert_eq!(
        picture(&home).unwrap(),
        format!(
            "<img class=\"header-picture\" src=\"{url}\" alt=\"\" width=\"1400\" height=\"300\" \
             srcset=\"{srcset}\" sizes=\"100vw\">"
        )
    );
    let h = header(&home);
    assert!(
        h.starts_with("<header class=\"blog-header has-picture picture-behind\">"),
        "{h}"
    );
    assert!(
        h.contains("<a href=\"/\">Tom &amp; &quot;Jerry&quot;</a>"),
        "{h}"
    );
    assert!(
        h.contains("<p class=\"blog-description\">Lanterns and paper</p>"),
        "{h}"
    );

    // Instead: the picture is the title's link, its alt text the title;
    // the description is there for screen readers only.
    app.settings(json!({"header_image_placement": "instead"}))
        .await;
    let home = app.page("/").await;
    let h = header(&home);
    assert!(
        h.contains(&format!(
            "<h1 class=\"blog-title\"><a href=\"/\"><img class=\"header-picture\" src=\"{url}\" \
             alt=\"Tom &amp; &quot;Jerry&quot;\" width=\"1400\" height=\"300\" srcset=\"{srcset}\" \
             sizes=\"(max-width: 70rem) 100vw, 70rem\"></a></h1>"
        )),
        "{h}"
    );
    assert!(
        h.contains("<p class=\"blog-description visually-hidden\">Lanterns and paper</p>"),
        "{h}"
    );
    // A post's page draws the same header, its title a paragraph there.
    let post = app
        .post(json!({"title": "Folding", "body": "Fold twice.", "status": "published"}))
        .await;
    let page = app.page(post["url"].as_str().unwrap()).await;
    assert!(
        header(&page)
            .contains("<p class=\"blog-title\"><a href=\"/\"><img class=\"header-picture\""),
        "{}",
        header(&page)
    );

    // Instead of the title alone: the description shows under it.
    app.settings(json!({"header_image_placement": "instead_of_title"}))
        .await;
    let home = app.page("/").await;
    assert!(
        picture(&home)
            .unwrap()
            .contains("alt=\"Tom &amp; &quot;Jerry&quot;\"")
    );
    assert!(header(&home).contains("<p class=\"blog-description\">Lanterns and paper</p>"));

    // Another site's picture: of unknown size, no copies.
    app.settings(
        json!({"header_image": "https://img.example/band.png", "header_image_placement": "behind"}),
    )
    .await;
    let home = app.page("/").await;
    assert_eq!(
        picture(&home).unwrap(),
        "<img class=\"header-picture\" src=\"https://img.example/band.png\" alt=\"\">"
    );
    // Public pages still run no script, under the same policy.
    let r = app.get("/").await;
    assert_eq!(r.headers()["content-security-policy"], csp_before);
    // (JSON-LD's `<script type="application/ld+json">` is data, not script.)
    let home = r.text().await.unwrap();
    assert!(!home.contains("<script>") && !home.contains("<script src"));

    // Empty takes it away.
    app.settings(json!({"header_image": ""})).await;
    assert!(picture(&app.page("/").await).is_none());
}

#[tokio::test]
async fn a_header_picture_no_browser_should_fetch_is_refused() {
    let mut app = TestApp::start().await;
    app.settings(json!({"header_image": "/media/u/0123456789abcdef.jpg"}))
        .await;
    for bad in [
        "javascript:alert(1)",
        "data:image/png;base64,iVBORw0KGgo=",
        "band.png",
        "//elsewhere.example/band.png",
        "/x y.png",
        "https://",
    ] {
        let (status, e) = app
            .api(
                Method::PATCH,
                "/blog",
                Some(json!({"header_image": bad, "title": "Changed"})),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {e}");
        let message = e["error"]["message"].as_str().unwrap();
        assert!(message.starts_with("header_image"), "{bad}: {e}");
    }
    let (status, e) = app
        .api(
            Method::PATCH,
            "/blog",
            Some(json!({"header_image_placement": "over", "title": "Changed"})),
        )
        .await;
    assert!(status.is_client_error(), "{e}");
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(
        blog["header_image"], "/media/u/0123456789abcdef.jpg",
        "nothing changed"
    );
    assert_eq!(blog["header_image_placement"], "behind");
    assert_ne!(blog["title"], "Changed");
}

#[tokio::test]
async fn the_settings_page_sets_the_header_picture_without_script() {
    let app = TestApp::start().await;
    // The first admin through the setup link (which works only while the
    // blog has none), then an upload of another admin's.
    let mut admin = set_up(&app).await;
    let token = app.user_token("owner@example.com", "admin");
    let (_, made) = upload_at(&app, &app.base, &token, &jpeg(800, 200), "band.jpg").await;
    let url = made["url"].as_str().unwrap().to_owned();
    let page = admin.get("/admin/settings").await.body;
    assert!(
        page.contains("id=\"header_image\" name=\"header_image\" value=\"\""),
        "{page}"
    );
    assert!(
        page.contains(&format!("<option value=\"{url}\">")),
        "the uploads are offered: {page}"
    );
    let form = |csrf: &str, picture: &str| -> Vec<(String, String)> {
        [
            ("csrf", csrf),
            ("title", "Lantern Notes"),
            ("timezone", "UTC"),
            ("posts_per_page", "7"),
            ("comments_allowed", "anyone"),
            ("comment_moderation", "never"),
            ("moderation_days", "0"),
            ("comment_min_seconds", "3"),
            ("header_image", picture),
            ("header_image_placement", "instead"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
    };

    let csrf = admin.csrf("/admin/settings").await;
    let refused = admin
        .post(
            "/admin/settings",
            &pairs(&form(&csrf, "javascript:alert(1)")),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("id=\"header_image-error\""),
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("value=\"javascript:alert(1)\""),
        "what was typed is kept to correct"
    );
    assert!(picture(&app.page("/").await).is_none(), "nothing changed");

    let csrf = admin.csrf("/admin/settings").await;
    let saved = admin
        .post("/admin/settings", &pairs(&form(&csrf, &url)))
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = admin.get("/admin/settings").await.body;
    assert!(
        page.contains(&format!("name=\"header_image\" value=\"{url}\"")),
        "{page}"
    );
    assert!(
        page.contains("<option value=\"instead\" selected>"),
        "{page}"
    );
    let home = app.page("/").await;
    let img = picture(&home).unwrap();
    assert!(
        img.contains("alt=\"Lantern Notes\" width=\"800\" height=\"200\""),
        "{img}"
    );
}

#[tokio::test]
async fn our_export_format_carries_the_header_picture() {
    let mut first = TestApp::start().await;
    let (_, made) = upload(&mut first, &jpeg(1400, 300), "band.jpg", None).await;
    let url = made["url"].as_str().unwrap().to_owned();
    first
        .settings(json!({"header_image": url, "header_image_placement": "instead_of_title"}))
        .await;
    std::fs::create_dir_all(&first.data).unwrap();
    let file = first.data.join("blog.tidings.jsonl");
    let out = first.cli(
        &["export", "--format", "tidings", file.to_str().unwrap()],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let mut second = TestApp::start().await;
    crate::import::import(&second, "tidings", &file);
    let (_, a) = first.api(Method::GET, "/blog", None).await;
    let (_, b) = second.api(Method::GET, "/blog", None).await;
    assert_eq!(b["header_image"], url.as_str());
    assert_eq!(b["header_image_placement"], "instead_of_title");
    assert_eq!(a["header_image"], b["header_image"]);
    // The same picture, size and copies (the upload came back at its address).
    let (pa, pb) = (
        picture(&first.page("/").await),
        picture(&second.page("/").await),
    );
    assert!(
        pa.as_deref().is_some_and(|p| p.contains("srcset=")),
        "{pa:?}"
    );
    assert_eq!(pa, pb);
    assert_eq!(second.get(&url).await.status(), StatusCode::OK);
}
