//! Pictures through the API (SPEC section 9): uploaded, resized, served
//! with the headers a browser and a cache need, changed and deleted; bad
//! files refused with nothing kept; every node serving every upload.

use std::io::Cursor;
use std::time::{Duration, Instant};

use image::{DynamicImage, ImageFormat, RgbImage};
use reqwest::{Method, StatusCode, header};
use serde_json::{Value, json};

use crate::support::TestApp;

pub(crate) fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let picture = RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x * y) % 256) as u8])
    });
    let mut out = Vec::new();
    DynamicImage::ImageRgb8(picture)
        .write_to(&mut Cursor::new(&mut out), ImageFormat::Jpeg)
        .unwrap();
    out
}

/// A small PNG whose header claims 50,000 × 50,000 pixels.
fn pixel_flood() -> Vec<u8> {
    let mut png = Vec::new();
    DynamicImage::ImageRgb8(RgbImage::new(1, 1))
        .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .unwrap();
    png[16..20].copy_from_slice(&50_000u32.to_be_bytes());
    png[20..24].copy_from_slice(&50_000u32.to_be_bytes());
    let mut crc = !0u32;
    for b in &png[12..29] {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    png[29..33].copy_from_slice(&(!crc).to_be_bytes());
    png
}

/// A `multipart/form-data` body with a `file` (named `name`, declared as
/// `declared`) and, when given, an `alt`.
fn form(bytes: &[u8], name: &str, declared: &str, alt: Option<&str>) -> (String, Vec<u8>) {
    let boundary = "tidings-test-boundary-7d3f";
    let mut body = Vec::new();
    if let Some(alt) = alt {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\n{alt}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
             Content-Type: {declared}\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn upload_as(
    app: &TestApp,
    token: &str,
    bytes: &[u8],
    name: &str,
    declared: &str,
    alt: Option<&str>,
) -> (StatusCode, Value) {
    upload_to(app, &app.base, token, bytes, name, declared, alt).await
}

/// A JPEG uploaded to the node at `base` (another node of `app`'s).
pub(crate) async fn upload_at(
    app: &TestApp,
    base: &str,
    token: &str,
    bytes: &[u8],
    name: &str,
) -> (StatusCode, Value) {
    upload_to(app, base, token, bytes, name, "image/jpeg", None).await
}

async fn upload_to(
    app: &TestApp,
    base: &str,
    token: &str,
    bytes: &[u8],
    name: &str,
    declared: &str,
    alt: Option<&str>,
) -> (StatusCode, Value) {
    let (content_type, body) = form(bytes, name, declared, alt);
    let r = app
        .client
        .post(format!("{base}/api/v1/media"))
        .bearer_auth(token)
        .header(header::CONTENT_TYPE, content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = r.status();
    let text = r.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

pub(crate) async fn upload(
    app: &mut TestApp,
    bytes: &[u8],
    name: &str,
    alt: Option<&str>,
) -> (StatusCode, Value) {
    let token = app.token();
    upload_as(app, &token, bytes, name, "image/jpeg", alt).await
}

#[tokio::test]
async fn an_upload_is_resized_served_changed_and_deleted() {
    let mut app = TestApp::start().await;
    let original = jpeg(1400, 900);
    let (status, made) = upload(
        &mut app,
        &original,
        "../../etc/passwd.jpg",
        Some("A red barn"),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let url = made["url"].as_str().unwrap().to_owned();
    assert!(
        url.starts_with("/media/u/") && url.ends_with(".jpg") && !url.contains("passwd"),
        "{url}"
    );
    assert_eq!(made["type"], "image/jpeg");
    assert_eq!(
        (made["width"].as_u64(), made["height"].as_u64()),
        (Some(1400), Some(900))
    );
    assert_eq!(made["alt"], "A red barn");
    let widths: Vec<u64> = made["variants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["width"].as_u64().unwrap())
        .collect();
    assert_eq!(widths, [320, 320, 640, 640, 1280, 1280]);

    let r = app.get(&url).await;
    assert_eq!(r.status(), StatusCode::OK);
    let h = r.headers().clone();
    assert_eq!(h[header::CONTENT_TYPE], "image/jpeg");
    assert_eq!(
        h[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(h["x-content-type-options"], "nosniff");
    let etag = h[header::ETAG].to_str().unwrap().to_owned();
    let served = r.bytes().await.unwrap();
    assert_eq!(image::load_from_memory(&served).unwrap().width(), 1400);
    assert_eq!(made["bytes"].as_u64(), Some(served.len() as u64));

    let again = app
        .client
        .get(app.url(&url))
        .header(header::IF_NONE_MATCH, &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    let part = app
        .client
        .get(app.url(&url))
        .header(header::RANGE, "bytes=0-9")
        .send()
        .await
        .unwrap();
    assert_eq!(part.status(), StatusCode::PARTIAL_CONTENT);
    assert_eq!(part.bytes().await.unwrap(), served.slice(0..10));
    for v in made["variants"].as_array().unwrap() {
        let r = app.get(v["url"].as_str().unwrap()).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(
            r.headers()[header::CONTENT_TYPE],
            v["type"].as_str().unwrap()
        );
    }

    let id = made["id"].as_i64().unwrap();
    let (status, list) = app.api(Method::GET, "/media", None).await;
    assert_eq!((status, list["total"].as_i64()), (StatusCode::OK, Some(1)));
    assert_eq!(list["items"][0]["url"], url.as_str());
    let (status, changed) = app
        .api(
            Method::PATCH,
            &format!("/media/{id}"),
            Some(json!({"alt": "A barn at dusk"})),
        )
        .await;
    assert_eq!(
        (status, &changed["alt"]),
        (StatusCode::OK, &json!("A barn at dusk"))
    );
    let (status, _) = app.api(Method::DELETE, &format!("/media/{id}"), None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(app.get(&url).await.status(), StatusCode::NOT_FOUND);
    let (status, _) = app.api(Method::GET, &format!("/media/{id}"), None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn bad_files_are_refused_and_nothing_is_kept() {
    let mut app = TestApp::start_with(&["--max-upload-mib", "1"]).await;
    let token = app.token();
    let html = b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>";
    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>";
    let photo = jpeg(400, 300);
    for (bytes, name, declared, want) in [
        (
            &html[..],
            "cat.jpg",
            "image/jpeg",
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            &svg[..],
            "logo.svg",
            "image/svg+xml",
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            &svg[..],
            "logo.png",
            "image/png",
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            &photo[..photo.len() / 3],
            "cut.jpg",
            "image/jpeg",
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            &photo[..30],
            "stub.jpg",
            "image/jpeg",
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    ] {
        let (status, body) = upload_as(&app, &token, bytes, name, declared, None).await;
        assert_eq!(status, want, "{name}: {body}");
        assert!(
            body["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{body}"
        );
    }

    let start = Instant::now();
    let (status, body) =
        upload_as(&app, &token, &pixel_flood(), "flood.png", "image/png", None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("50000 × 50000"),
        "{body}"
    );
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "{:?}",
        start.elapsed()
    );

    let big = vec![0xffu8; 3 << 20];
    let (status, _) = upload_as(&app, &token, &big, "big.jpg", "image/jpeg", None).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    let r = app
        .client
        .post(app.url("/api/v1/media"))
        .bearer_auth(&token)
        .header(header::CONTENT_TYPE, "multipart/form-data; boundary=x")
        .body("--x\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\nno file\r\n--x--\r\n")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);

    let (_, list) = app.api(Method::GET, "/media", None).await;
    assert_eq!(list["total"], 0, "{list}");
    let uploads = app.data.join("media");
    let files = walk(&uploads);
    assert!(files.is_empty(), "nothing kept: {files:?}");
}

pub(crate) fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .flat_map(|e| {
            let path = e.path();
            if path.is_dir() {
                walk(&path)
            } else {
                vec![path]
            }
        })
        .collect()
}

#[tokio::test]
async fn contributors_upload_and_change_only_their_own() {
    let mut app = TestApp::start().await;
    let contributor = app.user_token("c@example.org", "contributor");
    let (status, theirs) = upload_as(
        &app,
        &contributor,
        &jpeg(200, 100),
        "a.jpg",
        "image/jpeg",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{theirs}");
    let (_, admins) = upload(&mut app, &jpeg(200, 100), "b.jpg", None).await;
    let alt = Some(json!({"alt": "mine now"}));
    let (status, _) = app
        .api_as(
            &contributor,
            Method::PATCH,
            &format!("/media/{}", admins["id"]),
            alt.clone(),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app
        .api_as(
            &contributor,
            Method::DELETE,
            &format!("/media/{}", admins["id"]),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app
        .api_as(
            &contributor,
            Method::PATCH,
            &format!("/media/{}", theirs["id"]),
            alt,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = app
        .api(
            Method::PATCH,
            &format!("/media/{}", theirs["id"]),
            Some(json!({"alt": "x\u{7}"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn every_node_serves_every_upload() {
    let mut app = TestApp::start().await;
    let other = app.another_node();
    let (status, made) = upload(&mut app, &jpeg(700, 400), "shared.jpg", None).await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    for url in std::iter::once(&made["url"]).chain(
        made["variants"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| &v["url"]),
    ) {
        let url = url.as_str().unwrap();
        let here = app.get(url).await.bytes().await.unwrap();
        let there = app.client.get(other.url(url)).send().await.unwrap();
        assert_eq!(there.status(), StatusCode::OK, "{url}");
        assert_eq!(there.bytes().await.unwrap(), here, "{url}");
    }
    if std::env::var_os("TIDINGS_TEST_DATABASE_URL").is_some() {
        // On PostgreSQL the bytes are in the database, not the data directory.
        assert!(walk(&app.data.join("media")).is_empty());
    }
}

#[tokio::test]
async fn a_post_shows_an_upload_with_its_sizes_and_copies() {
    let mut app = TestApp::start().await;
    let (_, made) = upload(&mut app, &jpeg(1400, 900), "barn.jpg", Some("A red barn")).await;
    let url = made["url"].as_str().unwrap();
    let post = app
        .post(json!({
            "title": "The barn",
            "body": format!("Look:\n\n![]({url})\n\n![elsewhere](https://example.org/x.png)"),
            "status": "published"
        }))
        .await;
    let page = app.page(post["url"].as_str().unwrap()).await;
    let stem = url.trim_end_matches(".jpg");
    // Past the head, whose og:image names the same picture.
    let img = page
        .split("<img ")
        .skip(1)
        .find(|tag| tag.contains(url))
        .and_then(|tag| tag.split('>').next())
        .unwrap_or_else(|| panic!("the upload is shown: {page}"));
    for attr in [
        "alt=\"A red barn\"".to_owned(),
        "width=\"1400\"".to_owned(),
        "height=\"900\"".to_owned(),
        "loading=\"lazy\"".to_owned(),
        "sizes=\"".to_owned(),
        format!(
            "srcset=\"{stem}-320.jpg 320w, {stem}-640.jpg 640w, {stem}-1280.jpg 1280w, {url} 1400w\""
        ),
    ] {
        assert!(img.contains(&attr), "{attr} in {img}");
    }
    assert!(
        page.contains("<img src=\"https://example.org/x.png\" alt=\"elsewhere\">"),
        "{page}"
    );
}

#[tokio::test]
async fn past_the_blogs_quota_an_upload_is_refused() {
    let mut app = TestApp::start().await;
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(blog["media_quota_mib"], 2048);
    let (status, _) = app
        .api(
            Method::PATCH,
            "/blog",
            Some(json!({"media_quota_mib": 0, "title": "Kept"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_ne!(blog["title"], "Kept", "a refused change changes nothing");
    app.settings(json!({"media_quota_mib": 1})).await;
    let photo = jpeg(1200, 900);
    let (status, _) = upload(&mut app, &photo, "first.jpg", None).await;
    assert_eq!(status, StatusCode::CREATED);
    let mut status = StatusCode::CREATED;
    for _ in 0..20 {
        (status, _) = upload(&mut app, &photo, "more.jpg", None).await;
        if status != StatusCode::CREATED {
            break;
        }
    }
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    let contributor = app.user_token("c@example.org", "contributor");
    let (status, _) = app
        .api_as(
            &contributor,
            Method::PATCH,
            "/blog",
            Some(json!({"media_quota_mib": 4096})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
