//! `import blogger --fetch-media`: every picture the posts show, fetched
//! once at its largest size whatever sizes the posts name, kept as an
//! upload and shown responsive; failures keep their old addresses until a
//! later run fetches them.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use reqwest::{Method, StatusCode};

use super::server::{Reply, Server};
use super::{attribute, page_showing, png, tag_with};
use crate::import::last_line;
use crate::media::jpeg;
use crate::support::TestApp;

/// A Blogger export of two posts whose pictures are on `origin`, under
/// Blogger's path shapes (the host cannot be Blogger's in a test: the
/// sizes are recognised by the path).
fn blogger_with_pictures(app: &TestApp, origin: &str) -> PathBuf {
    let lake = |size: &str| format!("{origin}/-Ab/VX/AAAAAAAA/Yz/{size}/lake.jpg");
    let entry = |id: u32, slug: &str, title: &str, body: String| {
        let body = body
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        format!(
            "<entry><id>tag:blogger.com,1999:blog-1.post-{id}</id>\
             <published>2012-03-0{id}T10:00:00.000+01:00</published>\
             <updated>2012-03-0{id}T10:00:00.000+01:00</updated>\
             <category scheme='http://schemas.google.com/g/2005#kind' \
             term='http://schemas.google.com/blogger/2008/kind#post'/>\
             <title type='text'>{title}</title><content type='html'>{body}</content>\
             <link rel='alternate' type='text/html' \
             href='https://lakes.blogspot.com/2012/03/{slug}.html' title='{title}'/>\
             <author><name>Keeper</name></author></entry>\n"
        )
    };
    let first = format!(
        r#"<p>The lake:</p><div class="separator"><a href="{}"><img border="0" width="320" height="205" src="{}"></a></div>
<p><img src="{origin}/img/b/R29v/AVvXsEh=w640-h400" alt="a map"></p>
<p><img src="{origin}/elsewhere/hills.png"></p>
<p><img src="{origin}/-Cd/late/s400/late.jpg"></p>
<p><img src="{origin}/-Ef/trick/s320/trick.jpg"></p>"#,
        lake("s1600"),
        lake("s320"),
    );
    let second = format!(r#"<p>Again: <img src="{}"></p>"#, lake("w640-h410-c"));
    let text = format!(
        "<?xml version='1.0' encoding='UTF-8'?>\n\
         <feed xmlns='http://www.w3.org/2005/Atom'>\
         <id>tag:blogger.com,1999:blog-1.archive</id><title type='text'>Lakes</title>\n{}{}</feed>\n",
        entry(1, "the-lake", "The lake", first),
        entry(2, "again", "Again", second),
    );
    std::fs::create_dir_all(&app.data).unwrap();
    let path = app.data.join("lakes.xml");
    std::fs::write(&path, text).unwrap();
    path
}

/// `tidings import blogger --fetch-media --allow-private-addresses FILE`,
/// which must succeed: its summary line and what it said on stderr.
fn import_fetching(app: &TestApp, file: &std::path::Path) -> (String, String) {
    let out = app.cli(
        &[
            "import",
            "blogger",
            "--fetch-media",
            "--allow-private-addresses",
            file.to_str().unwrap(),
        ],
        None,
    );
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    (last_line(&out), err)
}

#[tokio::test]
async fn blogger_pictures_come_home_once_at_their_largest_as_uploads() {
    let mut app = TestApp::start().await;
    let asked = Arc::new(Mutex::new(Vec::<String>::new()));
    let late = Arc::new(AtomicBool::new(false));
    let server = {
        let (asked, late) = (asked.clone(), late.clone());
        let (lake, map, hills, late_jpeg) =
            (jpeg(1400, 900), png(200, 100), png(120, 80), jpeg(300, 200));
        Server::start(move |_, path| {
            asked.lock().unwrap().push(path.to_owned());
            match path {
                "/-Ab/VX/AAAAAAAA/Yz/s0/lake.jpg" => Some(Reply::ok("image/jpeg", &lake)),
                "/img/b/R29v/AVvXsEh=s0" => Some(Reply::ok("image/png", &map)),
                "/elsewhere/hills.png" => Some(Reply::ok("image/png", &hills)),
                "/-Cd/late/s0/late.jpg" if late.load(Ordering::SeqCst) => {
                    Some(Reply::ok("image/jpeg", &late_jpeg))
                }
                "/-Ef/trick/s0/trick.jpg" => {
                    Some(Reply::ok("image/jpeg", b"<html><script>x</script></html>"))
                }
                _ => None,
            }
        })
    };
    let origin = server.origin.clone();
    let file = blogger_with_pictures(&app, &origin);

    let (summary, err) = import_fetching(&app, &file);
    assert_eq!(summary, "imported: 2 posts, 0 pages, 0 comments");
    assert!(
        err.contains("pictures: fetched 3 of 5 as uploads; 2 posts now use them"),
        "{err}"
    );
    for failed in ["/-Cd/late/s0/late.jpg", "/-Ef/trick/s0/trick.jpg"] {
        assert!(
            err.contains(&format!(
                "pictures: not fetched, the old address is kept: {origin}{failed}: "
            )),
            "{failed}: {err}"
        );
    }
    // One request a picture, at its largest, whatever sizes the posts named.
    let mut seen = asked.lock().unwrap().clone();
    seen.sort();
    assert_eq!(
        seen,
        [
            "/-Ab/VX/AAAAAAAA/Yz/s0/lake.jpg",
            "/-Cd/late/s0/late.jpg",
            "/-Ef/trick/s0/trick.jpg",
            "/elsewhere/hills.png",
            "/img/b/R29v/AVvXsEh=s0",
        ]
    );

    // The link and the picture both point at the one upload, shown with
    // its sizes and copies; the failures keep their old addresses.
    let html = page_showing(&app, "/2012/03/the-lake.html", "/media/u/").await;
    let lake = attribute(tag_with(&html, "<a href=\"/media/u/"), "href").to_owned();
    assert!(
        lake.starts_with("/media/u/") && lake.ends_with(".jpg"),
        "{lake}"
    );
    let img = tag_with(&html, &format!("<img src=\"{lake}\""));
    let stem = lake.trim_end_matches(".jpg");
    for attr in [
        "width=\"1400\"".to_owned(),
        "height=\"900\"".to_owned(),
        "loading=\"lazy\"".to_owned(),
        format!(
            "srcset=\"{stem}-320.jpg 320w, {stem}-640.jpg 640w, {stem}-1280.jpg 1280w, {lake} 1400w\""
        ),
    ] {
        assert!(img.contains(&attr), "{attr} in {img}");
    }
    let map = attribute(tag_with(&html, "alt=\"a map\""), "src");
    assert!(
        map.starts_with("/media/u/") && map.ends_with(".png"),
        "{html}"
    );
    assert!(
        html.contains(&format!("{origin}/-Cd/late/s400/late.jpg")),
        "{html}"
    );
    assert!(
        html.contains(&format!("{origin}/-Ef/trick/s320/trick.jpg")),
        "{html}"
    );
    assert!(!html.contains(&format!("{origin}/-Ab/")), "{html}");
    let again = app.page("/2012/03/again.html").await;
    assert!(again.contains(&format!("src=\"{lake}\"")), "{again}");

    // The copies are the blog's uploads, served from its store.
    let r = app.get(&lake).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "image/jpeg");
    let (status, list) = app.api(Method::GET, "/media", None).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(list["total"], 3, "{list}");

    // Running again fetches only what is still missing.
    late.store(true, Ordering::SeqCst);
    asked.lock().unwrap().clear();
    let (summary, err) = import_fetching(&app, &file);
    assert_eq!(
        summary,
        "imported: 0 posts, 0 pages, 0 comments, 2 already there"
    );
    assert!(
        err.contains("pictures: fetched 1 of 2 as uploads; 1 posts now use them"),
        "{err}"
    );
    let mut seen = asked.lock().unwrap().clone();
    seen.sort();
    assert_eq!(seen, ["/-Cd/late/s0/late.jpg", "/-Ef/trick/s0/trick.jpg"]);
    let (_, list) = app.api(Method::GET, "/media", None).await;
    assert_eq!(list["total"], 4, "{list}");
    let newest = list["items"][0]["url"].as_str().unwrap();
    let html = page_showing(&app, "/2012/03/the-lake.html", newest).await;
    assert!(!html.contains(&format!("{origin}/-Cd/")), "{html}");
}
