//! `import wordpress --fetch-media`: the old blog's pictures kept as
//! uploads, which posts, featured images and exports then name.

use std::io::Cursor;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use image::{DynamicImage, ImageFormat, RgbImage};
use reqwest::{Method, StatusCode};

use self::server::{Reply, Server};
use super::last_line;
use crate::media::jpeg;
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

/// A small PNG of `width` × `height` pixels.
fn png(width: u32, height: u32) -> Vec<u8> {
    let picture = RgbImage::from_fn(width, height, |x, _| image::Rgb([x as u8, 90, 160]));
    let mut out = Vec::new();
    DynamicImage::ImageRgb8(picture)
        .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .unwrap();
    out
}

/// The tag of `html` that holds `needle`, from its `<` to its `>`.
fn tag_with<'a>(html: &'a str, needle: &str) -> &'a str {
    let at = html
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} in {html}"));
    let start = html[..at].rfind('<').unwrap();
    &html[start..at + html[at..].find('>').unwrap()]
}

/// The value of `name="…"` in `tag`.
fn attribute<'a>(tag: &'a str, name: &str) -> &'a str {
    let start = tag
        .find(&format!(" {name}=\""))
        .unwrap_or_else(|| panic!("{name} in {tag}"))
        + name.len()
        + 3;
    &tag[start..start + tag[start..].find('"').unwrap()]
}

/// A WordPress export of one post with three attachments on `origin`
/// (`http://127.0.0.1:PORT`), the first its featured image, written into
/// the app's data directory. The post shows the first at a sized copy and
/// links it over https, and shows a picture that is no attachment.
fn wxr_with_attachments(app: &TestApp, origin: &str) -> PathBuf {
    let attachment = |id: u32, name: &str, kind: &str| {
        format!(
            "<item><title>{name}</title><wp:post_id>{id}</wp:post_id>\
             <wp:post_date_gmt>2011-07-04 10:00:00</wp:post_date_gmt>\
             <wp:status>inherit</wp:status><wp:post_parent>10</wp:post_parent>\
             <wp:post_type>attachment</wp:post_type><wp:post_mime_type>{kind}</wp:post_mime_type>\
             <wp:attachment_url>{origin}/wp-content/uploads/{name}</wp:attachment_url></item>\n"
        )
    };
    let secure = origin.replace("http:", "https:");
    let text = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Lanterns</title><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Lanterns at dusk</title><link>{origin}/2011/07/04/lanterns/</link>
<dc:creator>keeper</dc:creator><content:encoded><![CDATA[<p><a href="{secure}/wp-content/uploads/2011/07/lantern.png"><img src="{origin}/wp-content/uploads/2011/07/lantern-300x200.png" alt="a lantern"></a></p>
<p><a href="{origin}/wp-content/uploads/2011/07/notes.pdf">notes</a> <img src="{origin}/wp-content/uploads/2011/08/late.jpg" alt="late"></p>
<p><img src="{origin}/wp-content/uploads/2011/07/lantern.png?w=150" alt="a small lantern"></p>
<p><img src="{origin}/elsewhere/hills.png" alt="hills"></p>]]></content:encoded>
<wp:post_id>10</wp:post_id><wp:post_date_gmt>2011-07-04 10:00:00</wp:post_date_gmt>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>11</wp:meta_value></wp:postmeta>
<wp:post_name>lanterns</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
{}{}{}</channel></rss>
"#,
        attachment(11, "2011/07/lantern.png", "image/png"),
        attachment(12, "2011/07/notes.pdf", "application/pdf"),
        attachment(13, "2011/08/late.jpg", "image/jpeg"),
    );
    std::fs::create_dir_all(&app.data).unwrap();
    let path = app.data.join("lanterns.xml");
    std::fs::write(&path, text).unwrap();
    path
}

/// The server of the old blog's files (`late.jpg` only once `late` is set,
/// 404 before), and each path it was asked for.
fn uploads() -> (Server, Arc<AtomicBool>, Arc<Mutex<Vec<String>>>) {
    let late = Arc::new(AtomicBool::new(false));
    let asked = Arc::new(Mutex::new(Vec::new()));
    let (ready, seen) = (late.clone(), asked.clone());
    let (lantern, hills, late_jpeg) = (png(800, 500), png(120, 80), jpeg(300, 200));
    let server = Server::start(move |_, path| {
        seen.lock().unwrap().push(path.to_owned());
        match path {
            "/wp-content/uploads/2011/07/lantern.png" => Some(Reply::ok("image/png", &lantern)),
            "/wp-content/uploads/2011/07/notes.pdf" => {
                Some(Reply::ok("application/pdf", b"%PDF-1.4 notes"))
            }
            "/wp-content/uploads/2011/08/late.jpg" if ready.load(Ordering::SeqCst) => {
                Some(Reply::ok("image/jpeg", &late_jpeg))
            }
            "/elsewhere/hills.png" => Some(Reply::ok("image/png", &hills)),
            _ => None,
        }
    });
    (server, late, asked)
}

/// The paths asked of the server since the last call.
fn asked_since(asked: &Mutex<Vec<String>>) -> Vec<String> {
    let mut seen = std::mem::take(&mut *asked.lock().unwrap());
    seen.sort();
    seen
}

#[tokio::test]
async fn wordpress_attachments_come_home_as_uploads_and_failures_keep_their_address() {
    let mut app = TestApp::start().await;
    let (server, late, asked) = uploads();
    let file = wxr_with_attachments(&app, &server.origin);
    let old = |name: &str| format!("{}/wp-content/uploads/{name}", server.origin);
    let post = "/2011/07/lanterns.html";

    // Every picture is fetched once, whatever form the post names it by;
    // what fails is named and keeps its old address; the import stands.
    let (out, err) = import_fetching_media(&app, &file, &["--allow-private-addresses"]);
    assert_eq!(
        last_line(&out),
        "imported: 1 posts, 0 pages, 0 comments, 3 attachments"
    );
    assert_eq!(
        asked_since(&asked),
        [
            "/elsewhere/hills.png",
            "/wp-content/uploads/2011/07/lantern.png",
            "/wp-content/uploads/2011/08/late.jpg",
        ]
    );
    assert!(
        err.contains(&format!(
            "media: not fetched, the old address is kept: {}: the server answered 404",
            old("2011/08/late.jpg")
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "media: not a picture, the old address is kept: {} (application/pdf)",
            old("2011/07/notes.pdf")
        )),
        "{err}"
    );
    assert!(
        err.contains("media: fetched 2 of 3 as uploads; 1 posts now use them"),
        "{err}"
    );

    // The reader sees our uploads, with their sizes and copies; the sized
    // copy, the query and the https link all name the one upload.
    let html = page_showing(&app, post, "alt=\"a lantern\"").await;
    let img = tag_with(&html, "alt=\"a lantern\"");
    let lantern = attribute(img, "src").to_owned();
    assert!(
        lantern.starts_with("/media/u/") && lantern.ends_with(".png"),
        "{img}"
    );
    let stem = lantern.trim_end_matches(".png");
    for attr in [
        "width=\"800\"".to_owned(),
        "height=\"500\"".to_owned(),
        format!("srcset=\"{stem}-320.png 320w, {stem}-640.png 640w, {lantern} 800w\""),
    ] {
        assert!(img.contains(&attr), "{attr} in {img}");
    }
    assert_eq!(
        attribute(tag_with(&html, "<a href=\"/media/u/"), "href"),
        lantern
    );
    let small = tag_with(&html, "alt=\"a small lantern\"");
    assert_eq!(attribute(small, "src"), lantern, "{small}");
    let hills = attribute(tag_with(&html, "alt=\"hills\""), "src").to_owned();
    assert!(hills.starts_with("/media/u/"), "{html}");
    assert!(html.contains(&old("2011/08/late.jpg")), "{html}");
    assert!(html.contains(&old("2011/07/notes.pdf")), "{html}");
    // The featured image is the upload too.
    let at = html.find("<figure class=\"featured-image\">").expect(&html);
    let featured = &html[at..at + html[at..].find("</figure>").unwrap()];
    assert!(featured.contains(&format!("src=\"{lantern}\"")), "{html}");
    assert!(featured.contains(" srcset=\""), "{html}");
    let r = app.get(&lantern).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "image/png");

    // They are the blog's uploads, and the exports name them.
    let (status, list) = app.api(Method::GET, "/media", None).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(list["total"], 2, "{list}");
    let (_, posts) = app.api(Method::GET, "/posts", None).await;
    assert_eq!(posts["items"][0]["featured_image"], lantern.as_str());
    let wxr = app.data.join("out.xml");
    let done = app.cli(&["export", "--format", "wxr", wxr.to_str().unwrap()], None);
    assert!(done.status.success());
    let wxr = std::fs::read_to_string(&wxr).unwrap();
    assert!(
        wxr.contains(&format!("{lantern}</wp:attachment_url>")),
        "{wxr}"
    );
    assert!(
        wxr.contains(&format!("{}</wp:attachment_url>", old("2011/08/late.jpg"))),
        "{wxr}"
    );

    // Once the file is there, a second run fetches only what is missing,
    // and a third nothing.
    late.store(true, Ordering::SeqCst);
    let (out, err) = import_fetching_media(&app, &file, &["--allow-private-addresses"]);
    assert_eq!(
        last_line(&out),
        "imported: 0 posts, 0 pages, 0 comments, 4 already there"
    );
    assert!(
        err.contains("media: fetched 1 of 1 as uploads; 1 posts now use them"),
        "{err}"
    );
    assert_eq!(
        asked_since(&asked),
        ["/wp-content/uploads/2011/08/late.jpg"]
    );
    let (_, list) = app.api(Method::GET, "/media", None).await;
    let newest = list["items"][0]["url"].as_str().unwrap();
    let html = page_showing(&app, post, newest).await;
    assert!(!html.contains(&old("2011/08/late.jpg")), "{html}");
    let (_, err) = import_fetching_media(&app, &file, &["--allow-private-addresses"]);
    assert!(
        err.contains("media: fetched 0 of 0 as uploads; 0 posts now use them"),
        "{err}"
    );
    assert_eq!(asked_since(&asked), Vec::<String>::new());
    let (_, list) = app.api(Method::GET, "/media", None).await;
    assert_eq!(list["total"], 3, "{list}");
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
