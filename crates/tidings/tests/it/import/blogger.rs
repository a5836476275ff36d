//! Blogger exports, the classic Atom file and Google Takeout's `feed.atom`.

use reqwest::{Method, StatusCode};
use serde_json::json;

use super::{fixture, import, items, last_line, takeout, total};
use crate::support::{TestApp, texts_of_class};

#[tokio::test]
async fn blogger_export_keeps_every_url_id_and_comment() {
    let mut app = TestApp::start().await;
    let file = fixture("blogger-orchard.xml");
    assert_eq!(
        import(&app, "blogger", &file),
        "imported: 4 posts, 2 pages, 6 comments"
    );

    // Old paths answer with the same post, its comments threaded, ids kept.
    let html = app.page("/2012/03/hello-orchard.html").await;
    assert!(html.contains("Hello, orchard"));
    assert!(!html.contains("alert(1)"), "imported HTML is sanitised");
    let parent = html
        .find(r#"id="c5550000000000000011""#)
        .expect("comment id kept");
    let reply = html
        .find(r#"id="c5550000000000000012""#)
        .expect("reply id kept");
    assert!(parent < reply);
    assert!(html.contains("2 comments:"), "{html}");
    let reply_text = &html[reply..];
    assert!(reply_text.contains("Thanks! The grafting went well."));
    assert!(
        app.page("/2013/11/creme-brulee-at-midnight.html")
            .await
            .contains("Crème brûlée at midnight")
    );
    assert!(
        app.page("/2014/10/blog-post.html")
            .await
            .contains("東京の秋")
    );
    let about = app.page("/p/about.html").await;
    assert!(about.contains("About the orchard"));
    assert!(about.contains(r#"id="c5550000000000000015""#));
    assert!(app.page("/p/contact.html").await.contains("Contact"));

    // Blogger's per-post comment feed keeps working under the old post id.
    let r = app.get("/feeds/1000000000000000001/comments/default").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.text().await.unwrap().contains("Welcome to blogging"));

    // Labels with spaces and non-ASCII.
    let label = app.page("/search/label/K%C3%BCche%20%26%20Keller").await;
    assert!(label.contains("Crème brûlée at midnight"));
    let travel = app.page("/search/label/%E6%97%85%E8%A1%8C").await;
    assert!(travel.contains("東京の秋"));

    // The draft stays hidden; the settings came along.
    let home = app.page("/").await;
    assert!(!home.contains("Unfinished thoughts"));
    assert!(home.contains("Notes from the Orchard"));
    assert_eq!(total(&mut app, "/posts?status=draft").await, 1);
    assert_eq!(total(&mut app, "/posts?kind=page").await, 2);
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(blog["timezone"], "Europe/Berlin");
    assert_eq!(blog["posts_per_page"], 5);

    // The same file again adds nothing.
    assert_eq!(
        import(&app, "blogger", &file),
        "imported: 0 posts, 0 pages, 0 comments, 12 already there"
    );
    assert_eq!(total(&mut app, "/posts").await, 6);
    assert_eq!(total(&mut app, "/comments").await, 6);

    // Posts and comments written after the import get fresh ids (on
    // PostgreSQL the identity sequences were moved past the kept ids).
    let post = app
        .post(json!({"title": "After the move", "body": "New home.", "status": "published"}))
        .await;
    let path = post["url"].as_str().unwrap().to_owned();
    assert!(app.page(&path).await.contains("New home."));
    app.settings(json!({"comment_min_seconds": 0})).await;
    let location = app
        .comment(&path, &[("name", "Pip"), ("body", "Welcome!")])
        .await
        .unwrap();
    assert!(location.contains("#c"), "{location}");
    let page = app.page(&path).await;
    assert_eq!(texts_of_class(&page, "comment-author").len(), 1);
}

#[tokio::test]
async fn blogger_takeout_keeps_every_url_id_status_and_thread() {
    let mut app = TestApp::start().await;
    let file = takeout();
    let out = app.cli(&["import", "blogger", file.to_str().unwrap()], None);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    // The trashed post stays out, with its comment, and the owner is told.
    assert!(
        err.contains("in Blogger's trash, with its comment"),
        "{err}"
    );
    // Posts count drafts and the scheduled one; comments count replies and
    // the one removed in Blogger.
    assert_eq!(last_line(&out), "imported: 6 posts, 3 pages, 8 comments");

    // Every live post and page answers at its old path.
    let first = app.page("/2011/07/first-lantern.html").await;
    assert!(first.contains("Lighting the first lantern"));
    assert!(!first.contains("alert(1)"), "imported HTML is sanitised");
    let ids: Vec<usize> = [
        "7770000000000000001",
        "7770000000000000002",
        "7770000000000000003",
    ]
    .iter()
    .map(|id| {
        first
            .find(&format!(r#"id="c{id}""#))
            .unwrap_or_else(|| panic!("comment {id} keeps its id: {first}"))
    })
    .collect();
    assert!(ids[0] < ids[1] && ids[1] < ids[2], "threads in order");
    assert!(first.contains("Zoë Lampwright"));
    assert!(first.contains("Anonymous"));
    let noel = app.page("/2015/12/noel-sous-la-neige.html").await;
    assert!(
        noel.contains("Noël sous la neige : crème &amp; marrons"),
        "{noel}"
    );
    assert!(
        !noel.contains("Buy lanterns cheap"),
        "a trashed comment stays hidden"
    );
    // Its search description, Takeout's `blogger:metaDescription`.
    assert!(
        noel.contains(r#"<meta name="description" content="Chestnuts in the snow">"#),
        "{noel}"
    );
    assert!(
        app.page("/2019/03/uber-laternen-und-zahlen.html")
            .await
            .contains("Über Laternen und Zahlen")
    );
    let about = app.page("/p/about.html").await;
    assert!(about.contains("À propos des lanternes"));
    let (q, a) = (
        about
            .find(r#"id="c7770000000000000010""#)
            .expect("page comment"),
        about
            .find(r#"id="c7770000000000000011""#)
            .expect("page reply"),
    );
    assert!(q < a);
    assert!(app.page("/p/contact.html").await.contains("Contact"));

    // Ids kept: the per-post comment feed answers under the Blogger post id.
    let r = app.get("/feeds/3000000000000000001/comments/default").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.text().await.unwrap().contains("What do you burn in it?"));

    // Threads: each reply names its parent; top-level comments none.
    let comments = items(&mut app, "/comments?limit=500").await;
    assert_eq!(comments.len(), 8);
    let parent_of = |id: i64| {
        comments
            .iter()
            .find(|c| c["id"] == id)
            .unwrap_or_else(|| panic!("comment {id}"))["parent"]
            .as_i64()
    };
    assert_eq!(parent_of(7770000000000000001), None);
    assert_eq!(parent_of(7770000000000000002), Some(7770000000000000001));
    assert_eq!(parent_of(7770000000000000003), Some(7770000000000000002));
    assert_eq!(parent_of(7770000000000000011), Some(7770000000000000010));
    assert_eq!(total(&mut app, "/comments?status=published").await, 7);
    assert_eq!(total(&mut app, "/comments?status=deleted").await, 1);

    // Statuses: two drafts and a draft page hidden, the scheduled post waits,
    // the trashed one is not there at all.
    assert_eq!(total(&mut app, "/posts?kind=post").await, 6);
    assert_eq!(total(&mut app, "/posts?kind=page").await, 3);
    assert_eq!(total(&mut app, "/posts?kind=post&status=draft").await, 2);
    assert_eq!(
        total(&mut app, "/posts?kind=post&status=scheduled").await,
        1
    );
    for hidden in [
        "/2099/06/letter-to-future.html",
        "/2020/01/half-thought-about-wicks.html",
        "/2018/02/regrettable-rant.html",
        "/p/colophon.html",
    ] {
        assert_eq!(
            app.get(hidden).await.status(),
            StatusCode::NOT_FOUND,
            "{hidden}"
        );
    }
    let home = app.page("/").await;
    assert!(!home.contains("Half a thought about wicks"));
    assert!(!home.contains("A letter to the future"));
    assert!(!home.contains("regrettable rant"));

    // Labels with spaces, apostrophes and non-ASCII.
    for (label, title) in [
        ("night%20walks", "Über Laternen und Zahlen"),
        ("F%C3%AAtes%20d%27hiver", "Noël sous la neige"),
        ("%E9%A3%9F%E3%81%B9%E7%89%A9", "Noël sous la neige"),
        ("Zahlen%20%26%20B%C3%BCcher", "Über Laternen und Zahlen"),
    ] {
        let page = app.page(&format!("/search/label/{label}")).await;
        assert!(page.contains(title), "{label}: {page}");
    }
    // Takeout has no settings entries: the feed's title is the blog's.
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(blog["title"], "Lanterns & Ledgers — Café notes");

    // The same file again adds nothing.
    assert_eq!(
        import(&app, "blogger", &file),
        "imported: 0 posts, 0 pages, 0 comments, 17 already there"
    );
    assert_eq!(total(&mut app, "/posts").await, 9);
    assert_eq!(total(&mut app, "/comments").await, 8);
}

/// The classic export with its entries in reverse order: the settings last,
/// every comment before its post and every reply before the comment it
/// answers. An import that writes items as it reads them brings in the
/// same blog.
#[tokio::test]
async fn blogger_export_in_any_order_keeps_every_url_setting_and_thread() {
    let mut app = TestApp::start().await;
    let whole = std::fs::read_to_string(fixture("blogger-orchard.xml")).unwrap();
    let first = whole.find("<entry>").unwrap();
    let last = whole.rfind("</entry>").unwrap() + "</entry>".len();
    let mut entries: Vec<String> = whole[first..last]
        .split_inclusive("</entry>")
        .map(|e| e.trim().to_owned())
        .collect();
    entries.reverse();
    let reversed = format!(
        "{}{}\n{}",
        &whole[..first],
        entries.join("\n"),
        &whole[last..]
    );
    let file = app.data.join("reversed.xml");
    std::fs::create_dir_all(&app.data).unwrap();
    std::fs::write(&file, reversed).unwrap();
    assert_eq!(
        import(&app, "blogger", &file),
        "imported: 4 posts, 2 pages, 6 comments"
    );
    let html = app.page("/2012/03/hello-orchard.html").await;
    let parent = html.find(r#"id="c5550000000000000011""#).unwrap();
    let reply = html.find(r#"id="c5550000000000000012""#).unwrap();
    assert!(parent < reply, "the reply is under its comment");
    assert!(html[reply..].contains("Thanks! The grafting went well."));
    assert!(
        app.page("/p/about.html")
            .await
            .contains(r#"id="c5550000000000000015""#)
    );
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(blog["timezone"], "Europe/Berlin");
    assert_eq!(total(&mut app, "/posts?status=draft").await, 1);
    assert_eq!(total(&mut app, "/comments").await, 6);
}
