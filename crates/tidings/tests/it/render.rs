//! `tidings render OUT_DIR` (SPEC section 2): the blog as static files at the
//! same paths, served here by Python's plain `http.server`, as any static
//! host would, and every link of its pages followed.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::import::import;
use crate::support::TestApp;

/// `python3 -m http.server` on a free port, stopped when dropped.
struct StaticServer {
    child: Child,
    base: String,
}

impl StaticServer {
    fn start(dir: &Path) -> Self {
        let mut child = Command::new("python3")
            .args(["-u", "-m", "http.server", "0", "--bind", "127.0.0.1"])
            .arg("--directory")
            .arg(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 runs");
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        // "Serving HTTP on 127.0.0.1 port 45217 (http://127.0.0.1:45217/) ..."
        let port = line
            .split_whitespace()
            .skip_while(|w| *w != "port")
            .nth(1)
            .unwrap_or_else(|| panic!("no port in {line:?}"))
            .to_owned();
        Self {
            child,
            base: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Root-relative links of a page, as written (fragment dropped).
fn local_links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|h| h.starts_with('/') && !h.starts_with("//"))
        .map(|h| {
            h.replace("&amp;", "&")
                .split('#')
                .next()
                .unwrap()
                .to_owned()
        })
        .collect()
}

/// What feedparser makes of a feed file's bytes.
fn parse_feed(file: &Path) -> Value {
    let script = "import feedparser, json, sys\n\
        d = feedparser.parse(open(sys.argv[1], 'rb').read())\n\
        print(json.dumps({'bozo': bool(d.bozo), 'why': str(d.get('bozo_exception')), \
        'version': d.version, 'titles': [e.get('title') for e in d.entries]}))";
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(file)
        .output()
        .expect("python3 with feedparser");
    assert!(
        out.status.success(),
        "feedparser: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

async fn blog(app: &mut TestApp) -> String {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tidings-import/tests/fixtures/blogger-orchard.xml");
    import(app, "blogger", &file);
    app.settings(json!({"posts_per_page": 2})).await;
    for (i, title) in ["Pruning in March", "Cider, at last", "Bees"]
        .iter()
        .enumerate()
    {
        app.post(json!({"title": title, "body": format!("Post {i}."), "status": "published",
            "labels": ["how to", "Äpfel"], "published_at": format!("2020-0{}-10T10:00:00Z", i + 3)}))
            .await;
    }
    app.post(json!({"title": "Secret draft", "body": "no", "status": "draft"}))
        .await;
    let (status, _) = app
        .api(
            Method::PATCH,
            "/blog",
            Some(json!({"title": "Orchard & Co"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    "/2020/05/bees.html".to_owned()
}

#[tokio::test]
async fn render_writes_a_blog_any_static_server_can_serve() {
    let mut app = TestApp::start().await;
    let newest = blog(&mut app).await;
    std::fs::create_dir_all(&app.data).unwrap();
    let out_dir = app.data.join("site");
    let out = app.cli(
        &[
            "render",
            out_dir.to_str().unwrap(),
            "--base-url",
            "https://orchard.example.org",
        ],
        None,
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.starts_with("rendered: "), "{stdout}");

    // One file for each kind of page, at the address it has on the server.
    for file in [
        "index.html",
        "page/2/index.html",
        "page/3/index.html",
        "2012/03/hello-orchard.html",
        "p/about.html",
        "search/label/how to/index.html",
        "search/label/Küche & Keller/index.html",
        "2012/index.html",
        "2012/03/index.html",
        "feeds/posts/default/index.html",
        "feeds/posts/default/rss.xml",
        "feeds/posts/default/feed.json",
        "feeds/posts/summary/index.html",
        "feeds/comments/default/index.html",
        "feeds/1000000000000000001/comments/default/index.html",
        "feeds/posts/default/-/Äpfel/index.html",
        "sitemap.xml",
        "robots.txt",
        "static/simple.css",
    ] {
        assert!(out_dir.join(file).is_file(), "{file} was not written");
    }
    let written = |f: &str| std::fs::read_to_string(out_dir.join(f)).unwrap();
    assert!(!written("index.html").contains("Secret draft"));
    assert!(!written("sitemap.xml").contains("secret-draft"));

    // The comment form cannot post to a static host: it says so instead.
    let post = written("2012/03/hello-orchard.html");
    assert!(post.contains("Welcome to blogging!"), "comments are kept");
    assert!(!post.contains("<form"), "{post}");
    assert!(post.contains("comments are closed here"));

    // Feeds parse, and name the address the files will be served at.
    for feed in [
        "feeds/posts/default/index.html",
        "feeds/posts/default/rss.xml",
        "feeds/comments/default/index.html",
        "feeds/posts/default/-/how to/index.html",
    ] {
        let parsed = parse_feed(&out_dir.join(feed));
        assert_eq!(parsed["bozo"], false, "{feed}: {}", parsed["why"]);
        assert!(!parsed["titles"].as_array().unwrap().is_empty(), "{feed}");
    }
    let atom = written("feeds/posts/default/index.html");
    assert!(atom.contains("https://orchard.example.org/2020/05/bees.html"));
    assert!(!atom.contains(&app.base));
    let json: Value = serde_json::from_str(&written("feeds/posts/default/feed.json")).unwrap();
    assert_eq!(
        json["items"][0]["url"],
        "https://orchard.example.org/2020/05/bees.html"
    );
    assert!(written("sitemap.xml").contains("https://orchard.example.org/p/about.html"));

    // Served by a plain static server, every link of these pages answers.
    let server = StaticServer::start(&out_dir);
    let client = reqwest::Client::new();
    let pages = [
        "/".to_owned(),
        "/page/2/".to_owned(),
        newest,
        "/2012/03/hello-orchard.html".to_owned(),
        "/search/label/how%20to".to_owned(),
    ];
    let mut checked = 0;
    for page in &pages {
        let r = client
            .get(format!("{}{page}", server.base))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{page}");
        let html = r.text().await.unwrap();
        for link in local_links(&html) {
            assert!(
                !link.contains('?'),
                "{page} links {link}, which a static host cannot answer"
            );
            let r = client
                .get(format!("{}{link}", server.base))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), StatusCode::OK, "{page} links {link}");
            checked += 1;
        }
    }
    assert!(checked > 50, "{checked}");
    // Paging walks the whole list and back.
    let page2 = client
        .get(format!("{}/page/2/", server.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page2.contains(r#"class="blog-pager-newer-link" href="/""#),
        "{page2}"
    );
    assert!(page2.contains(r#"class="blog-pager-older-link" href="/page/3/""#));

    // Rendering again replaces the earlier render; other files are left alone.
    assert!(
        app.cli(&["render", out_dir.to_str().unwrap()], None)
            .status
            .success()
    );
    let mine = app.data.join("mine");
    std::fs::create_dir_all(&mine).unwrap();
    std::fs::write(mine.join("notes.txt"), "keep").unwrap();
    let refused = app.cli(&["render", mine.to_str().unwrap()], None);
    assert!(!refused.status.success());
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("not empty"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(
        std::fs::read_to_string(mine.join("notes.txt")).unwrap(),
        "keep"
    );
}
