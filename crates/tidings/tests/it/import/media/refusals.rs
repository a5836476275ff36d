//! What `--fetch-media` refuses: addresses on this machine or private
//! networks (after every redirect too), files whose bytes are not a picture
//! (whatever the other server claimed), and files too big or too slow.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};

use super::server::{Reply, Server};
use super::{import_fetching_media, page_showing, png};
use crate::media::jpeg;
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

/// How many uploads the blog has.
async fn uploads(app: &mut TestApp) -> i64 {
    let (status, list) = app.api(Method::GET, "/media", None).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list["total"].as_i64().unwrap()
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
    let mut app = TestApp::start().await;
    let picture = png(40, 30);
    let server = Server::start(move |_, path| {
        path.ends_with(".png")
            .then(|| Reply::ok("image/png", &picture))
    });
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
    assert!(err.contains("fetched 0 of 4 as uploads"), "{err}");
    // Nothing was asked of the server, nothing kept.
    assert_eq!(server.requests(), 0);
    assert_eq!(uploads(&mut app).await, 0);
    assert!(app.page("/2011/07/files.html").await.contains(&direct));

    // The owner may allow this machine; 0.0.0.0 is never a server.
    let (_, err) = import_fetching_media(&app, &file, &["--allow-private-addresses"]);
    assert_eq!(
        said_about(&err, &unspecified),
        "address 0.0.0.0 is not a server's address (unspecified)"
    );
    let html = page_showing(&app, "/2011/07/files.html", "/media/u/").await;
    for kept in [&direct, &by_name] {
        assert!(!html.contains(kept.as_str()), "{kept}: {err}");
    }
    assert!(html.contains(&unspecified), "{html}");
}

#[tokio::test]
async fn fetch_media_checks_the_address_after_every_redirect() {
    let mut app = TestApp::start().await;
    let picture = png(40, 30);
    let server = Server::start(move |origin, path| {
        let port = origin.rsplit(':').next().unwrap();
        match path {
            "/wp-content/uploads/moved.png" => Some(Reply::redirect(format!(
                "http://0.0.0.0:{port}/wp-content/uploads/real.png"
            ))),
            "/wp-content/uploads/renamed.png" => {
                Some(Reply::redirect("/wp-content/uploads/real.png".into()))
            }
            "/wp-content/uploads/real.png" => Some(Reply::ok("image/png", &picture)),
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
    assert!(err.contains("fetched 1 of 2 as uploads"), "{err}");
    assert_eq!(uploads(&mut app).await, 1);
    let html = page_showing(&app, "/2011/07/files.html", "/media/u/").await;
    assert!(html.contains(&moved) && !html.contains(&renamed), "{html}");
    // The first hop of each, and the allowed second hop; never 0.0.0.0.
    assert_eq!(server.requests(), 3);
}

#[tokio::test]
async fn fetch_media_keeps_pictures_by_their_bytes_never_the_claimed_type() {
    let mut app = TestApp::start().await;
    const HTML: &[u8] = b"<!DOCTYPE html><html><body>internal dashboard</body></html>";
    const SVG: &[u8] = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>";
    let photo = jpeg(60, 40);
    let server = Server::start(move |_, path| match path {
        "/wp-content/uploads/page.jpg" => Some(Reply::ok("image/jpeg", HTML)),
        "/wp-content/uploads/drawing.svg" => Some(Reply::ok("image/svg+xml", SVG)),
        "/wp-content/uploads/photo.jpg" => Some(Reply::ok("text/html", &photo)),
        "/wp-content/uploads/view.html" => Some(Reply::ok("text/html", &photo)),
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
    let why = said_about(&err, &url("song.mp3"));
    assert!(
        why.starts_with("Only JPEG, PNG, WebP and GIF pictures are taken"),
        "{why}"
    );
    assert!(err.contains("fetched 2 of 5 as uploads"), "{err}");
    // Kept as what the bytes are, whatever the name or the old server said.
    let (_, list) = app.api(Method::GET, "/media", None).await;
    assert_eq!(list["total"], 2, "{list}");
    for item in list["items"].as_array().unwrap() {
        let path = item["url"].as_str().unwrap();
        assert!(path.ends_with(".jpg"), "{list}");
        let r = app.get(path).await;
        assert_eq!(r.headers()["content-type"], "image/jpeg", "{path}");
        assert_eq!(r.headers()["x-content-type-options"], "nosniff", "{path}");
    }

    // Posts point at the uploads, and keep the old address of the rest.
    let html = page_showing(&app, "/2011/07/files.html", "/media/u/").await;
    for kept in ["page.jpg", "drawing.svg", "song.mp3"] {
        assert!(html.contains(&url(kept)), "{kept}: {html}");
    }
    for home in ["photo.jpg", "view.html"] {
        assert!(!html.contains(&url(home)), "{home}: {html}");
    }
}

/// What blogs imported by versions before uploads have: an attachment
/// copied into the data directory (`media/BLOG_ID/…`), recorded with its
/// path, which `/media/…` still serves, as the type its bytes are.
#[tokio::test]
async fn copies_made_by_earlier_versions_are_still_served() {
    let app = TestApp::start().await;
    let file = wxr_of(
        &app,
        &["https://old.example/wp-content/uploads/2011/07/old.png".into()],
    );
    crate::import::import(&app, "wordpress", &file);
    let out = app.data.join("old.tidings");
    let done = app.cli(
        &["export", "--format", "tidings", out.to_str().unwrap()],
        None,
    );
    assert!(done.status.success());
    // As an earlier version's export of that blog says it.
    let export: Vec<String> = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|line| {
            let mut record: serde_json::Value = serde_json::from_str(line).unwrap();
            if record["type"] == "attachment" {
                record["local_path"] = "/media/2011/07/old.png".into();
            }
            record.to_string()
        })
        .collect();
    std::fs::write(&out, export.join("\n") + "\n").unwrap();

    let moved = TestApp::start().await;
    crate::import::import(&moved, "tidings", &out);
    let copy = moved.data.join("media/1/2011/07/old.png");
    std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
    let picture = png(40, 30);
    std::fs::write(&copy, &picture).unwrap();
    let r = moved.get("/media/2011/07/old.png").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "image/png");
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains("sandbox"), "{csp}");
    assert_eq!(&r.bytes().await.unwrap()[..], picture);
    // Only recorded paths, and only bytes of a type a blog serves.
    for missing in [
        "/media/2011/07/other.png",
        "/media/../tidings.db",
        "/media/",
    ] {
        assert_eq!(
            moved.get(missing).await.status(),
            StatusCode::NOT_FOUND,
            "{missing}"
        );
    }
    std::fs::write(&copy, b"<!DOCTYPE html><html><script>x</script></html>").unwrap();
    assert_eq!(
        moved.get("/media/2011/07/old.png").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn fetch_media_bounds_each_file_in_size_and_time() {
    let mut app = TestApp::start().await;
    let small = png(40, 30);
    let big = [&small[..], &vec![0; 2 << 20]].concat();
    let server = Server::start(move |_, path| match path {
        "/wp-content/uploads/big.png" => Some(Reply::ok("image/png", &big)),
        "/wp-content/uploads/endless.png" => Some(Reply {
            length: false,
            ..Reply::ok("image/png", &big)
        }),
        "/wp-content/uploads/slow.png" => Some(Reply {
            stall: Some(Duration::from_secs(4)),
            ..Reply::ok("image/png", &[&small[..], b" and the rest"].concat())
        }),
        "/wp-content/uploads/small.png" => Some(Reply::ok("image/png", &small)),
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
    assert!(err.contains("fetched 1 of 4 as uploads"), "{err}");
    assert_eq!(uploads(&mut app).await, 1);

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
