//! `import wordpress --fetch-media`: copies of the old uploads, served here.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use reqwest::StatusCode;

use self::server::{Reply, Server};
use super::{import, last_line};
use crate::support::TestApp;

mod blogger;
mod moving_out;
mod refusals;
mod server;

/// The page at `path` once it shows `needle`: a write by the CLI reaches a
/// running server's render cache within the cache's poll interval.
async fn page_showing(app: &TestApp, path: &str, needle: &str) -> String {
    for _ in 0..50 {
        let html = app.page(path).await;
        if html.contains(needle) {
            return html;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("{path} never showed {needle}: {}", app.page(path).await);
}

/// A WordPress export of one post with three attachments on `origin`
/// (`http://127.0.0.1:PORT`), written into the app's data directory.
fn wxr_with_attachments(app: &TestApp, origin: &str) -> PathBuf {
    let attachment = |id: u32, name: &str, title: &str| {
        format!(
            "<item><title>{title}</title><wp:post_id>{id}</wp:post_id>\
             <wp:post_date_gmt>2011-07-04 10:00:00</wp:post_date_gmt>\
             <wp:status>inherit</wp:status><wp:post_parent>10</wp:post_parent>\
             <wp:post_type>attachment</wp:post_type>\
             <wp:attachment_url>{origin}/wp-content/uploads/{name}</wp:attachment_url></item>\n"
        )
    };
    let text = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Lanterns</title><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Lanterns at dusk</title><link>{origin}/2011/07/04/lanterns/</link>
<dc:creator>keeper</dc:creator><content:encoded><![CDATA[<p><img src="{origin}/wp-content/uploads/2011/07/lantern.png?w=300" alt="a lantern"></p>
<p><a href="{origin}/wp-content/uploads/2011/07/notes.pdf">notes</a> <img src="{origin}/wp-content/uploads/2011/08/late.jpg"></p>
<p><img src="{origin}/wp-content/uploads/2011/07/lantern-150x150.png" alt="a small lantern"></p>]]></content:encoded>
<wp:post_id>10</wp:post_id><wp:post_date_gmt>2011-07-04 10:00:00</wp:post_date_gmt>
<wp:post_name>lanterns</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
{}{}{}</channel></rss>
"#,
        attachment(11, "2011/07/lantern.png", "A lantern"),
        attachment(12, "2011/07/notes.pdf", "Notes"),
        attachment(13, "2011/08/late.jpg", "Late"),
    );
    std::fs::create_dir_all(&app.data).unwrap();
    let path = app.data.join("lanterns.xml");
    std::fs::write(&path, text).unwrap();
    path
}

/// The server of the three uploads (`late.jpg` only once `late` is set,
/// 404 before).
fn uploads() -> (Server, Arc<AtomicBool>) {
    let late = Arc::new(AtomicBool::new(false));
    let ready = late.clone();
    let server = Server::start(move |_, path| match path {
        "/wp-content/uploads/2011/07/lantern.png" => Some(Reply::ok("image/png", PNG)),
        "/wp-content/uploads/2011/07/notes.pdf" => {
            Some(Reply::ok("application/pdf", b"%PDF-1.4 notes"))
        }
        "/wp-content/uploads/2011/08/late.jpg" if ready.load(Ordering::SeqCst) => {
            Some(Reply::ok("image/jpeg", JPEG))
        }
        _ => None,
    });
    (server, late)
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\nnot really a picture";
const JPEG: &[u8] = b"\xff\xd8\xff\xe0\x00\x10JFIF late";

#[tokio::test]
async fn wordpress_fetch_media_copies_files_serves_them_and_keeps_failures() {
    let app = TestApp::start().await;
    let (uploads, late) = uploads();
    let file = wxr_with_attachments(&app, &uploads.origin);
    let old = |name: &str| format!("{}/wp-content/uploads/{name}", uploads.origin);

    // Without the flag the attachments are recorded and nothing is fetched.
    assert_eq!(
        import(&app, "wordpress", &file),
        "imported: 1 posts, 0 pages, 0 comments, 3 attachments"
    );
    assert_eq!(uploads.requests(), 0);
    let post = "/2011/07/lanterns.html";
    assert!(app.page(post).await.contains(&old("2011/07/lantern.png")));

    // With it, every file is fetched once; the one that fails is named and
    // keeps its old address; the import stands.
    let (out, err) = import_fetching_media(&app, &file, &["--allow-private-addresses"]);
    assert_eq!(
        last_line(&out),
        "imported: 0 posts, 0 pages, 0 comments, 4 already there"
    );
    assert_eq!(uploads.requests(), 3);
    assert!(
        err.contains(&format!(
            "not fetched, the old address is kept: {}",
            old("2011/08/late.jpg")
        )),
        "{err}"
    );
    assert!(err.contains("fetched 2 of 3 files"), "{err}");
    assert!(err.contains("1 posts now use the copies"), "{err}");
    let html = page_showing(&app, post, r#"src="/media/2011/07/lantern.png?w=300""#).await;
    assert!(
        html.contains(r#"href="/media/2011/07/notes.pdf""#),
        "{html}"
    );
    assert!(html.contains(&old("2011/08/late.jpg")), "{html}");
    // WordPress's sized copy is the same picture: it shows the original's copy.
    assert!(
        html.contains(r#"<img src="/media/2011/07/lantern.png" alt="a small lantern">"#),
        "{html}"
    );

    // The copies are served with their type, a long cache and a sandbox.
    let r = app.get("/media/2011/07/lantern.png").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "image/png");
    assert_eq!(r.headers()["x-content-type-options"], "nosniff");
    let cache = r.headers()["cache-control"].to_str().unwrap().to_owned();
    assert!(cache.contains("max-age=31536000"), "{cache}");
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains("sandbox"), "{csp}");
    assert_eq!(&r.bytes().await.unwrap()[..], PNG);
    let r = app.get("/media/2011/07/notes.pdf").await;
    assert_eq!(r.headers()["content-type"], "application/pdf");
    for missing in [
        "/media/2011/08/late.jpg",
        "/media/2011/07/other.png",
        "/media/../tidings.db",
        "/media/%2e%2e/tidings.db",
        "/media/",
    ] {
        assert_eq!(
            app.get(missing).await.status(),
            StatusCode::NOT_FOUND,
            "{missing}"
        );
    }

    // Once the file is there, running again fetches only what is missing.
    late.store(true, Ordering::SeqCst);
    let (_, err) = import_fetching_media(&app, &file, &["--allow-private-addresses"]);
    assert!(err.contains("fetched 1 of 1 files"), "{err}");
    assert_eq!(uploads.requests(), 4);
    page_showing(&app, post, r#"src="/media/2011/08/late.jpg""#).await;
    assert_eq!(
        &app.get("/media/2011/08/late.jpg")
            .await
            .bytes()
            .await
            .unwrap()[..],
        JPEG
    );
}

/// `tidings import wordpress --fetch-media FILE` with `flags`, which must
/// succeed: its output and what it said on stderr.
fn import_fetching_media(
    app: &TestApp,
    file: &std::path::Path,
    flags: &[&str],
) -> (std::process::Output, String) {
    let mut args = vec!["import", "wordpress", "--fetch-media"];
    args.extend(flags);
    args.push(file.to_str().unwrap());
    let out = app.cli(&args, None);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    (out, err)
}
