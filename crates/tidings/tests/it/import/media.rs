//! `import wordpress --fetch-media`: copies of the old uploads, served here.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use reqwest::StatusCode;

use super::{import, last_line};
use crate::support::TestApp;

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
<p><a href="{origin}/wp-content/uploads/2011/07/notes.pdf">notes</a> <img src="{origin}/wp-content/uploads/2011/08/late.jpg"></p>]]></content:encoded>
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

/// One answer of the test server.
#[derive(Clone)]
struct Reply {
    status: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    /// Whether `Content-Length` is sent (else the body ends when the
    /// connection closes).
    length: bool,
    /// A pause after the first 16 bytes of the body.
    stall: Option<Duration>,
    location: Option<String>,
}

impl Reply {
    fn ok(content_type: &'static str, body: &[u8]) -> Self {
        Self {
            status: "200 OK",
            content_type,
            body: body.to_vec(),
            length: true,
            stall: None,
            location: None,
        }
    }

    fn redirect(to: String) -> Self {
        Self {
            status: "302 Found",
            location: Some(to),
            ..Self::ok("text/plain", b"")
        }
    }
}

/// A tiny HTTP server on 127.0.0.1 for `--fetch-media`: it answers each
/// path as `route` says (404 when it says nothing), each connection on a
/// thread of its own, and counts requests.
struct Server {
    origin: String,
    requests: Arc<AtomicUsize>,
}

impl Server {
    fn start(route: impl Fn(&str, &str) -> Option<Reply> + Send + Sync + 'static) -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let origin = format!("http://{}", listener.local_addr().unwrap());
        let requests = Arc::new(AtomicUsize::new(0));
        let (count, route, at) = (requests.clone(), Arc::new(route), origin.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let (count, route, at) = (count.clone(), route.clone(), at.clone());
                std::thread::spawn(move || answer(stream, &count, &at, &*route));
            }
        });
        Self { origin, requests }
    }

    fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

fn answer(
    mut stream: std::net::TcpStream,
    count: &AtomicUsize,
    origin: &str,
    route: &dyn Fn(&str, &str) -> Option<Reply>,
) {
    use std::io::{BufRead, BufReader, Write};
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    let _ = reader.read_line(&mut line);
    // The rest of the request head.
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    count.fetch_add(1, Ordering::SeqCst);
    let path = line.split(' ').nth(1).unwrap_or_default();
    let reply = route(origin, path).unwrap_or_else(|| Reply {
        status: "404 Not Found",
        ..Reply::ok("text/plain", b"gone")
    });
    let mut head = format!(
        "HTTP/1.1 {}\r\nContent-Type: {}\r\nConnection: close\r\n",
        reply.status, reply.content_type
    );
    if reply.length {
        head.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
    }
    if let Some(to) = &reply.location {
        head.push_str(&format!("Location: {to}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let (first, rest) = reply.body.split_at(reply.body.len().min(16));
    let _ = stream.write_all(first);
    if let Some(stall) = reply.stall {
        let _ = stream.flush();
        std::thread::sleep(stall);
    }
    let _ = stream.write_all(rest);
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
