//! What `--fetch-media` refuses: addresses on this machine or private
//! networks (after every redirect too), files whose bytes are not a type a
//! blog serves, and files too big or too slow.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use reqwest::StatusCode;

use super::server::{Reply, Server};
use super::{JPEG, PNG, import_fetching_media, page_showing};
use crate::support::TestApp;

/// A WordPress export of one post that shows each of `urls`, each an
/// attachment, written into the app's data directory.
fn wxr_of(app: &TestApp, urls: &[String]) -> PathBuf {
    let mut body = String::new();
    let mut attachments = String::new();
    for (i, url) in urls.iter().enumerate() {
        body.push_str(&format!(r#"<p><img src="{url}"></p>"#));
        attachments.push_str(&format!(
            "<item><title>File {i}</title><wp:post_id>{}</wp:post_id>\
             <wp:post_date_gmt>2011-07-04 10:00:00</wp:post_date_gmt>\
             <wp:status>inherit</wp:status><wp:post_parent>10</wp:post_parent>\
             <wp:post_type>attachment</wp:post_type>\
             <wp:attachment_url>{url}</wp:attachment_url></item>\n",
            100 + i
        ));
    }
    let text = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Files</title><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Files</title><dc:creator>keeper</dc:creator>
<content:encoded><![CDATA[{body}]]></content:encoded>
<wp:post_id>10</wp:post_id><wp:post_date_gmt>2011-07-04 10:00:00</wp:post_date_gmt>
<wp:post_name>files</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
{attachments}</channel></rss>
"#
    );
    std::fs::create_dir_all(&app.data).unwrap();
    let path = app.data.join("files.xml");
    std::fs::write(&path, text).unwrap();
    path
}

/// Every file under the data directory's `media/`.
fn stored_files(app: &TestApp) -> Vec<PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            if entry.path().is_dir() {
                walk(&entry.path(), out);
            } else {
                out.push(entry.path());
            }
        }
    }
    let mut out = Vec::new();
    walk(&app.data.join("media"), &mut out);
    out
}

/// The names of the files under the data directory's `media/`, sorted.
fn stored(app: &TestApp) -> Vec<String> {
    let mut names: Vec<String> = stored_files(app)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The stored file named `name`.
fn find_stored(app: &TestApp, name: &str) -> PathBuf {
    stored_files(app)
        .into_iter()
        .find(|p| p.file_name().is_some_and(|n| n == name))
        .unwrap_or_else(|| panic!("no stored {name}"))
}

/// The line of `err` that names `url`.
fn said_about<'a>(err: &'a str, url: &str) -> &'a str {
    let needle = format!("the old address is kept: {url}: ");
    err.lines()
        .find_map(|l| l.split_once(&needle).map(|(_, why)| why))
        .unwrap_or_else(|| panic!("nothing said about {url}: {err}"))
}

#[tokio::test]
async fn fetch_media_refuses_this_machine_and_private_networks_unless_allowed() {
    let app = TestApp::start().await;
    let server =
        Server::start(|_, path| path.ends_with(".png").then(|| Reply::ok("image/png", PNG)));
    let port = server.origin.rsplit(':').next().unwrap().to_owned();
    let direct = format!("{}/wp-content/uploads/a.png", server.origin);
    let by_name = format!("http://localhost:{port}/wp-content/uploads/b.png");
    let mapped = format!("http://[::ffff:127.0.0.1]:{port}/wp-content/uploads/c.png");
    let unspecified = format!("http://0.0.0.0:{port}/wp-content/uploads/d.png");
    let file = wxr_of(
        &app,
        &[
            direct.clone(),
            by_name.clone(),
            mapped.clone(),
            unspecified.clone(),
        ],
    );

    let (_, err) = import_fetching_media(&app, &file, &[]);
    assert_eq!(
        said_about(&err, &direct),
        "address 127.0.0.1 is private (loopback; pass --allow-private-addresses to allow)"
    );
    let why = said_about(&err, &by_name);
    assert!(
        why.ends_with("is private (loopback; pass --allow-private-addresses to allow)"),
        "{why}"
    );
    assert_eq!(
        said_about(&err, &mapped),
        "address ::ffff:127.0.0.1 is private (loopback; pass --allow-private-addresses to allow)"
    );
    assert_eq!(
        said_about(&err, &unspecified),
        "address 0.0.0.0 is not a server's address (unspecified)"
    );
    assert!(err.contains("fetched 0 of 4 files"), "{err}");
    // Nothing was asked of the server, nothing stored, nothing served.
    assert_eq!(server.requests(), 0);
    assert_eq!(stored(&app), Vec::<String>::new());
    assert_eq!(
        app.get("/media/a.png").await.status(),
        StatusCode::NOT_FOUND
    );
    assert!(app.page("/2011/07/files.html").await.contains(&direct));

    // The owner may allow this machine; 0.0.0.0 is never a server.
    let (_, err) = import_fetching_media(&app, &file, &["--allow-private-addresses"]);
    assert_eq!(
        said_about(&err, &unspecified),
        "address 0.0.0.0 is not a server's address (unspecified)"
    );
    for path in ["/media/a.png", "/media/b.png"] {
        let r = app.get(path).await;
        assert_eq!(r.status(), StatusCode::OK, "{path}: {err}");
        assert_eq!(&r.bytes().await.unwrap()[..], PNG);
    }
}

#[tokio::test]
async fn fetch_media_checks_the_address_after_every_redirect() {
    let app = TestApp::start().await;
    let server = Server::start(|origin, path| {
        let port = origin.rsplit(':').next().unwrap();
        match path {
            "/wp-content/uploads/moved.png" => Some(Reply::redirect(format!(
                "http://0.0.0.0:{port}/wp-content/uploads/real.png"
            ))),
            "/wp-content/uploads/renamed.png" => {
                Some(Reply::redirect("/wp-content/uploads/real.png".into()))
            }
            "/wp-content/uploads/real.png" => Some(Reply::ok("image/png", PNG)),
            _ => None,
        }
    });
    let port = server.origin.rsplit(':').next().unwrap().to_owned();
    let moved = format!("{}/wp-content/uploads/moved.png", server.origin);
    let renamed = format!("{}/wp-content/uploads/renamed.png", server.origin);
    let file = wxr_of(&app, &[moved.clone(), renamed.clone()]);

    let (_, err) = import_fetching_media(&app, &file, &["--allow-private-addresses"]);
    assert_eq!(
        said_about(&err, &moved),
        format!(
            "redirected to http://0.0.0.0:{port}/wp-content/uploads/real.png: \
             address 0.0.0.0 is not a server's address (unspecified)"
        )
    );
    // A redirect the policy allows is followed.
    assert!(err.contains("fetched 1 of 2 files"), "{err}");
    assert_eq!(stored(&app), ["renamed.png"]);
    assert_eq!(
        app.get("/media/moved.png").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        &app.get("/media/renamed.png").await.bytes().await.unwrap()[..],
        PNG
    );
    // The first hop of each, and the allowed second hop; never 0.0.0.0.
    assert_eq!(server.requests(), 3);
}

#[tokio::test]
async fn fetch_media_keeps_files_by_their_bytes_never_the_claimed_type() {
    let app = TestApp::start().await;
    const HTML: &[u8] = b"<!DOCTYPE html><html><body>internal dashboard</body></html>";
    const SVG: &[u8] = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>";
    let server = Server::start(|_, path| match path {
        "/wp-content/uploads/page.jpg" => Some(Reply::ok("image/jpeg", HTML)),
        "/wp-content/uploads/drawing.svg" => Some(Reply::ok("image/svg+xml", SVG)),
        "/wp-content/uploads/photo.jpg" => Some(Reply::ok("text/html", JPEG)),
        "/wp-content/uploads/view.html" => Some(Reply::ok("text/html", JPEG)),
        "/wp-content/uploads/song.mp3" => {
            Some(Reply::ok("application/octet-stream", b"ID3\x04\x00 a song"))
        }
        _ => None,
    });
    let url = |name: &str| format!("{}/wp-content/uploads/{name}", server.origin);
    let file = wxr_of(
        &app,
        &[
            "page.jpg",
            "drawing.svg",
            "photo.jpg",
            "view.html",
            "song.mp3",
        ]
        .map(url),
    );

    let (_, err) = import_fetching_media(&app, &file, &["--allow-private-addresses"]);
    assert_eq!(
        said_about(&err, &url("page.jpg")),
        "not an image, audio, video or PDF file (looks like HTML)"
    );
    assert_eq!(
        said_about(&err, &url("drawing.svg")),
        "not an image, audio, video or PDF file (looks like SVG)"
    );
    assert!(err.contains("fetched 3 of 5 files"), "{err}");
    assert_eq!(stored(&app), ["photo.jpg", "song.mp3", "view.html"]);
    for refused in ["/media/page.jpg", "/media/drawing.svg"] {
        assert_eq!(
            app.get(refused).await.status(),
            StatusCode::NOT_FOUND,
            "{refused}"
        );
    }
    // Served as what the bytes are, whatever the name or the old server said.
    for (path, kind) in [
        ("/media/photo.jpg", "image/jpeg"),
        ("/media/view.html", "image/jpeg"),
        ("/media/song.mp3", "audio/mpeg"),
    ] {
        let r = app.get(path).await;
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        assert_eq!(r.headers()["content-type"], kind, "{path}");
        assert_eq!(r.headers()["x-content-type-options"], "nosniff", "{path}");
    }
    // A copy whose bytes are not a file we serve (one an older version
    // kept) is not served either.
    let copy = find_stored(&app, "view.html");
    std::fs::write(&copy, HTML).unwrap();
    assert_eq!(
        app.get("/media/view.html").await.status(),
        StatusCode::NOT_FOUND
    );

    // Posts point at the copies kept, and keep the old address of the rest.
    let html = page_showing(&app, "/2011/07/files.html", r#"src="/media/photo.jpg""#).await;
    assert!(html.contains(&url("page.jpg")), "{html}");
}

#[tokio::test]
async fn fetch_media_bounds_each_file_in_size_and_time() {
    let app = TestApp::start().await;
    let big = [PNG, &vec![0; 2 << 20]].concat();
    let server = Server::start(move |_, path| match path {
        "/wp-content/uploads/big.png" => Some(Reply::ok("image/png", &big)),
        "/wp-content/uploads/endless.png" => Some(Reply {
            length: false,
            ..Reply::ok("image/png", &big)
        }),
        "/wp-content/uploads/slow.png" => Some(Reply {
            stall: Some(Duration::from_secs(4)),
            ..Reply::ok("image/png", &[PNG, b" and the rest"].concat())
        }),
        "/wp-content/uploads/small.png" => Some(Reply::ok("image/png", PNG)),
        _ => None,
    });
    let url = |name: &str| format!("{}/wp-content/uploads/{name}", server.origin);
    let file = wxr_of(
        &app,
        &["big.png", "endless.png", "slow.png", "small.png"].map(url),
    );

    let started = Instant::now();
    let (_, err) = import_fetching_media(
        &app,
        &file,
        &[
            "--allow-private-addresses",
            "--fetch-max-mib",
            "1",
            "--fetch-timeout-secs",
            "1",
        ],
    );
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(said_about(&err, &url("big.png")), "larger than 1 MiB");
    assert_eq!(said_about(&err, &url("endless.png")), "larger than 1 MiB");
    assert_eq!(said_about(&err, &url("slow.png")), "took longer than 1 s");
    assert!(err.contains("fetched 1 of 4 files"), "{err}");
    assert_eq!(stored(&app), ["small.png"]);

    // The bounds are checked as given.
    for (bad, named) in [
        (
            &["--fetch-media", "--fetch-max-mib", "0"][..],
            "--fetch-max-mib",
        ),
        (
            &["--fetch-media", "--fetch-timeout-secs", "0"],
            "--fetch-timeout-secs",
        ),
        (&["--allow-private-addresses"], "--fetch-media"),
    ] {
        let mut args = vec!["import", "wordpress"];
        args.extend(bad);
        args.push(file.to_str().unwrap());
        let out = app.cli(&args, None);
        assert!(!out.status.success(), "{bad:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(named), "{bad:?}: {err}");
    }
}
