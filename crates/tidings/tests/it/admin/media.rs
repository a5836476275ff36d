//! Pictures in the admin, as a browser without JavaScript uses them (issue
//! 15): the media page with each upload's size, alt text and the posts that
//! show it, the alt text changed, a delete that says what still uses the
//! picture, roles, and the editor's plain file field. The script's way in
//! (`POST /admin/media`) is checked for its CSRF header here and driven by
//! Chromium in `tests/browser/media.test.mjs`.

use reqwest::{Method, StatusCode, header};
use serde_json::{Value, json};

use super::{Browser, PASSWORD, Page, set_up};
use crate::media::jpeg;
use crate::support::{TestApp, hidden};

/// A `multipart/form-data` body: the text `fields`, then `file` when given.
fn multipart(fields: &[(&str, &str)], file: Option<&[u8]>) -> (String, Vec<u8>) {
    let boundary = "tidings-admin-boundary-42";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    if let Some(bytes) = file {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; \
                 filename=\"kite.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

impl Browser<'_> {
    /// POSTs a multipart form, with extra headers.
    async fn post_multipart(
        &mut self,
        path: &str,
        (content_type, body): (String, Vec<u8>),
        headers: &[(&str, &str)],
    ) -> Page {
        let mut req = self
            .app
            .client
            .post(self.app.url(path))
            .header(header::CONTENT_TYPE, content_type)
            .body(body);
        for (name, value) in headers {
            req = req.header(*name, *value);
        }
        self.send(req).await
    }
}

/// Uploads a 700 × 400 JPEG through the API with `token`; answers it.
pub async fn upload(app: &TestApp, token: &str, alt: &str) -> Value {
    let (content_type, body) = multipart(&[("alt", alt)], Some(&jpeg(700, 400)));
    let r = app
        .client
        .post(app.url("/api/v1/media"))
        .bearer_auth(token)
        .header(header::CONTENT_TYPE, content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    r.json().await.unwrap()
}

async fn publish(app: &TestApp, token: &str, title: &str, body: &str) {
    let (status, post) = app
        .api_as(
            token,
            Method::POST,
            "/posts",
            Some(json!({"title": title, "body": body, "status": "published"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{post}");
}

/// The text of the `<textarea name="body">` of an editor page, unescaped.
fn body_field(page: &str) -> String {
    let start = page.find("name=\"body\"").expect("the editor's body field");
    let rest = &page[start..];
    let text = &rest[rest.find('>').unwrap() + 1..rest.find("</textarea>").unwrap()];
    text.replace("&#x2F;", "/")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[tokio::test]
async fn the_media_page_shows_each_picture_where_it_is_used_and_changes_its_alt_text() {
    let app = TestApp::start().await;
    let mut admin = set_up(&app).await;
    let token = app.new_token("admin@example.com");
    let shown = upload(&app, &token, "A red kite").await;
    let spare = upload(&app, &token, "").await;
    let url = shown["url"].as_str().unwrap();
    publish(
        &app,
        &token,
        "Kites over the hill",
        &format!("![A red kite]({url})"),
    )
    .await;

    let page = admin.get("/admin/media").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body
            .contains("href=\"/admin/media\" aria-current=\"page\""),
        "the navigation links the page"
    );
    assert!(page.body.contains("2 pictures"), "{}", page.body);
    assert!(page.body.contains("700 × 400 px"));
    assert!(page.body.contains("value=\"A red kite\""));
    assert!(
        page.body.contains("Kites over the hill"),
        "the post that shows it is named"
    );
    assert!(
        page.body.contains("No post shows it."),
        "the spare picture is unused"
    );

    let id = spare["id"].to_string();
    let action = format!("/admin/media/{id}");
    let r = admin.post(&action, &[("alt", "A stolen change")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "no CSRF token, no change");
    let csrf = hidden(&page.body, "csrf");
    let r = admin
        .post(&action, &[("csrf", &csrf), ("alt", "two\nlines")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("The alt text of picture"),
        "the refusal names the field: {}",
        r.body
    );
    assert!(
        r.body.contains("aria-invalid=\"true\""),
        "the field is marked"
    );
    assert!(
        r.body.contains("value=\"two\nlines\""),
        "what was typed is kept"
    );
    let r = admin
        .post(&action, &[("csrf", &csrf), ("alt", "A spare <kite>")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = admin.get(r.location.as_deref().unwrap()).await.body;
    assert!(page.contains("Alt text saved."));
    assert!(
        page.contains("value=\"A spare &lt;kite&gt;\""),
        "kept and escaped"
    );
    assert!(!page.contains("A stolen change"));
}

#[tokio::test]
async fn a_delete_says_what_still_shows_the_picture_and_needs_its_confirmation() {
    let app = TestApp::start().await;
    let mut admin = set_up(&app).await;
    let token = app.new_token("admin@example.com");
    let media = upload(&app, &token, "A kite").await;
    let url = media["url"].as_str().unwrap().to_owned();
    publish(
        &app,
        &token,
        "The kite post",
        &format!("Look: ![A kite]({url})"),
    )
    .await;
    let id = media["id"].to_string();

    let confirm = admin.get(&format!("/admin/media/{id}/delete")).await;
    assert_eq!(confirm.status, StatusCode::OK);
    assert!(
        confirm.body.contains("These still show it"),
        "{}",
        confirm.body
    );
    assert!(confirm.body.contains("The kite post"));
    let action = format!("/admin/media/{id}/delete");
    let r = admin.post(&action, &[]).await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "no CSRF token, nothing deleted"
    );
    assert_eq!(app.get(&url).await.status(), StatusCode::OK);

    let csrf = hidden(&confirm.body, "csrf");
    let r = admin.post(&action, &[("csrf", &csrf)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(app.get(&url).await.status(), StatusCode::NOT_FOUND);
    let page = admin.get(r.location.as_deref().unwrap()).await.body;
    assert!(page.contains("Picture deleted.") && page.contains("No pictures yet."));
    let again = admin.post(&action, &[("csrf", &csrf)]).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_author_changes_only_their_own_pictures_and_sees_no_title_of_drafts_they_may_not_read() {
    let app = TestApp::start().await;
    let _admin = set_up(&app).await;
    let admin_token = app.new_token("admin@example.com");
    let theirs = upload(&app, &admin_token, "The admin's kite").await;
    let contributor = app.user_token("cora@example.com", "contributor");
    let url = theirs["url"].as_str().unwrap();
    let (status, _) = app
        .api_as(
            &admin_token,
            Method::POST,
            "/posts",
            Some(json!({"title": "A secret draft", "body": format!("![x]({url})"), "status": "draft"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let own = upload(&app, &contributor, "Cora's kite").await;

    let mut cora = Browser::new(&app);
    assert_eq!(
        cora.sign_in("cora@example.com", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    let page = cora.get("/admin/media").await.body;
    assert!(
        !page.contains("A secret draft"),
        "a contributor may not read another's draft"
    );
    assert!(page.contains("1 post by others you may not read"), "{page}");
    assert!(page.contains(&format!("/admin/media/{}/delete", own["id"])));
    assert!(!page.contains(&format!("/admin/media/{}/delete", theirs["id"])));
    let csrf = hidden(&page, "csrf");
    let r = cora
        .post(
            &format!("/admin/media/{}/delete", theirs["id"]),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.body.contains("only the pictures you uploaded"));
    assert_eq!(app.get(url).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_editor_file_field_inserts_the_picture_and_keeps_the_text_without_javascript() {
    let app = TestApp::start().await;
    let mut admin = set_up(&app).await;
    let csrf = admin.csrf("/admin/posts/new").await;
    let typed = [
        ("csrf", csrf.as_str()),
        ("kind", "post"),
        ("title", "A day of kites"),
        ("body", "Words I wrote first & kept."),
        ("labels", "sky"),
        ("action", "upload"),
        ("alt", "A [red] kite"),
    ];
    let r = admin
        .post_multipart(
            "/admin/posts/new/upload",
            multipart(&typed, Some(&jpeg(700, 400))),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("value=\"A day of kites\"") && r.body.contains("value=\"sky\""));
    let body = body_field(&r.body);
    let (before, url) = body.split_once("![A \\[red\\] kite](").expect(&body);
    assert_eq!(before, "Words I wrote first & kept.\n\n");
    let url = url.trim_end().trim_end_matches(')').to_owned();
    assert!(url.starts_with("/media/u/"), "{url}");
    assert_eq!(app.get(&url).await.status(), StatusCode::OK);

    let refused = admin
        .post_multipart(
            "/admin/posts/new/upload",
            multipart(&typed, Some(b"<html>not a picture")),
            &[],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(
        body_field(&refused.body),
        "Words I wrote first & kept.",
        "the text is kept"
    );
    let none = admin
        .post_multipart("/admin/posts/new/upload", multipart(&typed, Some(b"")), &[])
        .await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(none.body.contains("choose a picture"), "{}", none.body);
    let forged = [("csrf", "wrong"), ("body", "x")];
    let r = admin
        .post_multipart(
            "/admin/posts/new/upload",
            multipart(&forged, Some(&jpeg(50, 50))),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let total = app
        .api_as(
            &app.new_token("admin@example.com"),
            Method::GET,
            "/media",
            None,
        )
        .await
        .1;
    assert_eq!(
        total["total"], 1,
        "only the accepted upload is kept: {total}"
    );

    // A saved post's editor takes a picture the same way; the post itself
    // changes when it is saved, not before.
    let token = app.new_token("admin@example.com");
    publish(&app, &token, "Saved already", "The saved words.").await;
    let (_, posts) = app.api_as(&token, Method::GET, "/posts", None).await;
    let id = posts["items"][0]["id"].to_string();
    let fields = [
        ("csrf", csrf.as_str()),
        ("title", "Saved already"),
        ("body", "Typed since."),
    ];
    let r = admin
        .post_multipart(
            &format!("/admin/posts/{id}/upload"),
            multipart(&fields, Some(&jpeg(300, 200))),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(body_field(&r.body).starts_with("Typed since.\n\n![](/media/u/"));
    let (_, post) = app
        .api_as(&token, Method::GET, &format!("/posts/{id}"), None)
        .await;
    assert_eq!(post["body"], "The saved words.", "{post}");
}

/// A PNG of noise, `side` pixels square: about 3 bytes a pixel, whatever
/// the encoder does.
fn noise_png(side: u32) -> Vec<u8> {
    let mut seed = 0x2545_f491_u32;
    let picture = image::RgbImage::from_fn(side, side, |_, _| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let [a, b, c, _] = seed.to_le_bytes();
        image::Rgb([a, b, c])
    });
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(picture)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

#[tokio::test]
async fn a_picture_of_several_mib_is_taken_by_the_file_field_and_the_script() {
    let app = TestApp::start().await;
    let mut admin = set_up(&app).await;
    let csrf = admin.csrf("/admin/posts/new").await;
    let big = noise_png(1100);
    assert!(big.len() > 3 << 20, "{} bytes", big.len());
    let fields = [("csrf", csrf.as_str()), ("title", "Noise"), ("body", "")];
    let r = admin
        .post_multipart(
            "/admin/posts/new/upload",
            multipart(&fields, Some(&big)),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(body_field(&r.body).starts_with("![](/media/u/"));
    let r = admin
        .post_multipart(
            "/admin/media",
            multipart(&[], Some(&big)),
            &[("x-csrf-token", &csrf)],
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
}

#[tokio::test]
async fn the_editor_script_uploads_with_the_session_s_csrf_header() {
    let app = TestApp::start().await;
    let mut admin = set_up(&app).await;
    let csrf = admin.csrf("/admin/posts/new").await;
    let form = || multipart(&[("alt", "A kite")], Some(&jpeg(400, 300)));
    let r = admin.post_multipart("/admin/media", form(), &[]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "no header, no upload");
    let r = admin
        .post_multipart("/admin/media", form(), &[("x-csrf-token", &csrf)])
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let media: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(media["alt"], "A kite");
    assert_eq!(media["width"], 400);
    let bad = admin
        .post_multipart(
            "/admin/media",
            multipart(&[], Some(b"GIF89a but not really")),
            &[("x-csrf-token", &csrf)],
        )
        .await;
    assert!(bad.status.is_client_error(), "{}", bad.status);
    let error: Value = serde_json::from_str(&bad.body).unwrap();
    assert!(error["error"]["message"].is_string(), "{error}");
}
