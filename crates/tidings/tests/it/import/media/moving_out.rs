//! Moving out with pictures: our own export carries the uploads and an
//! import puts them back at the same addresses, byte for byte; WXR points
//! at our copies; `render` writes the files its pages show; `backup`
//! copies them beside the database.

use reqwest::StatusCode;
use serde_json::json;

use crate::media::{jpeg, upload};
use crate::support::TestApp;

/// The bytes served at `path`, asserting 200.
async fn bytes_at(app: &TestApp, path: &str) -> Vec<u8> {
    let r = app.get(path).await;
    assert_eq!(r.status(), StatusCode::OK, "GET {path}");
    r.bytes().await.unwrap().to_vec()
}

/// Runs `tidings ARGS…`, asserting success; answers stdout and stderr.
fn cli(app: &TestApp, args: &[&str]) -> (String, String) {
    let out = app.cli(args, None);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{args:?}: {err}");
    (String::from_utf8_lossy(&out.stdout).into_owned(), err)
}

#[tokio::test]
async fn uploads_move_out_and_back_in_at_the_same_addresses() {
    let mut app = TestApp::start().await;
    let (status, made) = upload(&mut app, &jpeg(1400, 900), "barn.jpg", Some("A red barn")).await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let url = made["url"].as_str().unwrap().to_owned();
    let copies: Vec<String> = made["variants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["url"].as_str().unwrap().to_owned())
        .collect();
    assert!(copies.len() >= 4, "{made}");
    let post = app
        .post(json!({
            "title": "The barn",
            "body": format!("Look:\n\n![]({url})"),
            "status": "published"
        }))
        .await;
    let post_path = post["url"].as_str().unwrap().to_owned();
    let mut served = vec![(url.clone(), bytes_at(&app, &url).await)];
    for copy in &copies {
        served.push((copy.clone(), bytes_at(&app, copy).await));
    }

    // Our format carries them; a fresh instance serves them at the same
    // addresses, byte for byte, and the post shows them as before.
    // On PostgreSQL nothing made the data directory.
    std::fs::create_dir_all(&app.data).unwrap();
    let file = app.data.join("out.tidings");
    let (out, _) = cli(
        &app,
        &["export", "--format", "tidings", file.to_str().unwrap()],
    );
    assert!(out.contains("exported: 1 posts"), "{out}");
    let fresh = TestApp::start().await;
    let (_, err) = cli(&fresh, &["import", "tidings", file.to_str().unwrap()]);
    assert!(
        err.contains("media: restored 1 uploads (0 already there)"),
        "{err}"
    );
    for (path, bytes) in &served {
        assert_eq!(&bytes_at(&fresh, path).await, bytes, "{path}");
    }
    let page = fresh.page(&post_path).await;
    assert!(page.contains(&format!("{url} 1400w")), "{page}");
    // The same file again adds nothing.
    let (_, err) = cli(&fresh, &["import", "tidings", file.to_str().unwrap()]);
    assert!(
        err.contains("media: restored 0 uploads (1 already there)"),
        "{err}"
    );

    // A WordPress export names our copies by their absolute address.
    let wxr = app.data.join("out.wxr");
    cli(&app, &["export", "--format", "wxr", wxr.to_str().unwrap()]);
    let text = std::fs::read_to_string(&wxr).unwrap();
    let named: Vec<usize> = text.match_indices(url.as_str()).map(|(i, _)| i).collect();
    assert!(!named.is_empty(), "{text}");
    for i in named {
        let before = text[..i].rsplit(['"', ' ', ',', '>']).next().unwrap();
        assert!(
            before.starts_with("https://"),
            "{}",
            &text[i.saturating_sub(80)..i + 40]
        );
    }

    // A static copy carries the files its pages show.
    let site = app.data.join("site");
    cli(&app, &["render", site.to_str().unwrap()]);
    for (path, bytes) in &served {
        if page.contains(path.as_str()) {
            let written = std::fs::read(site.join(path.trim_start_matches('/')))
                .unwrap_or_else(|e| panic!("{path}: {e}"));
            assert_eq!(&written, bytes, "{path}");
        }
    }

    // A backup copies them beside the database (SQLite: files in the data
    // directory; PostgreSQL keeps them in the database, for pg_dump).
    let backup = app.data.join("backup.db");
    let out = app.cli(&["backup", backup.to_str().unwrap()], None);
    if app.database_args().is_empty() {
        let said = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(out.status.success(), "{said}");
        assert!(said.contains("media files to"), "{said}");
        let name = url.trim_start_matches("/media/");
        let copied = std::fs::read_dir(app.data.join("backup.db.media"))
            .unwrap()
            .map(|blog| blog.unwrap().path().join(name))
            .find(|p| p.exists())
            .unwrap_or_else(|| panic!("{name} in the backup"));
        assert_eq!(std::fs::read(copied).unwrap(), served[0].1);
    } else {
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("pg_dump"));
    }
}
