//! Imported authors who are members own their posts.

use std::path::PathBuf;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::{fixture, import, items};
use crate::support::TestApp;

/// An export whose three authors are a member by e-mail, a member by
/// login, and someone else.
fn wxr_with_authors(app: &TestApp) -> PathBuf {
    let author = |login: &str, email: &str, name: &str| {
        format!(
            "<wp:author><wp:author_login><![CDATA[{login}]]></wp:author_login>\
             <wp:author_email><![CDATA[{email}]]></wp:author_email>\
             <wp:author_display_name><![CDATA[{name}]]></wp:author_display_name></wp:author>\n"
        )
    };
    let post = |id: u32, login: &str| {
        format!(
            "<item><title>Post {id}</title><dc:creator>{login}</dc:creator>\
             <content:encoded><![CDATA[By {login}.]]></content:encoded>\
             <wp:post_id>{id}</wp:post_id><wp:post_date_gmt>2015-03-0{} 10:00:00</wp:post_date_gmt>\
             <wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>\n",
            id - 19
        )
    };
    let text = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Three hands</title><wp:wxr_version>1.2</wp:wxr_version>
{}{}{}{}{}{}</channel></rss>
"#,
        author("annie", "ANN@example.org", "Ann Archer"),
        author("bob", "robert@old.example", "Bob Builder"),
        author("carol", "carol@old.example", "Carol Cook"),
        post(20, "annie"),
        post(21, "bob"),
        post(22, "carol"),
    );
    std::fs::create_dir_all(&app.data).unwrap();
    let path = app.data.join("authors.xml");
    std::fs::write(&path, text).unwrap();
    path
}

#[tokio::test]
async fn imported_authors_who_are_members_own_their_posts() {
    let mut app = TestApp::start().await;
    let ann = app.user_token("ann@example.org", "author");
    let bob = app.user_token("bob@example.org", "author");
    let file = wxr_with_authors(&app);
    let out = app.cli(&["import", "wordpress", file.to_str().unwrap()], None);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(r#"posts by "ANN@example.org" belong to the member "ann""#),
        "{err}"
    );
    assert!(
        err.contains(r#"posts by "bob" belong to the member "bob""#),
        "{err}"
    );

    let posts = items(&mut app, "/posts?limit=10").await;
    let by_title = |t: &str| posts.iter().find(|p| p["title"] == t).unwrap().clone();
    // Members get their own name; others stay named authors.
    assert_eq!(by_title("Post 20")["author"], "ann");
    assert_eq!(by_title("Post 21")["author"], "bob");
    assert_eq!(by_title("Post 22")["author"], "Carol Cook");
    // And their posts are theirs: an author may change only their own.
    let change = |id: &Value| format!("/posts/{id}");
    let edit = json!({"title": "Changed"});
    for (token, post, status) in [
        (&ann, "Post 20", StatusCode::OK),
        (&ann, "Post 21", StatusCode::FORBIDDEN),
        (&bob, "Post 21", StatusCode::OK),
        (&bob, "Post 22", StatusCode::FORBIDDEN),
    ] {
        let (got, body) = app
            .api_as(
                token,
                Method::PATCH,
                &change(&by_title(post)["id"]),
                Some(edit.clone()),
            )
            .await;
        assert_eq!(got, status, "{post}: {body}");
    }
}

#[tokio::test]
async fn blogger_authors_who_are_members_own_their_posts() {
    let mut app = TestApp::start().await;
    let quince = app.member_token("quince@example.org", "Quince Keeper", "author", None);
    let other = app.user_token("pip@example.org", "author");
    import(&app, "blogger", &fixture("blogger-orchard.xml"));
    let posts = items(&mut app, "/posts?limit=10").await;
    let hello = posts
        .iter()
        .find(|p| p["title"] == "Hello, orchard")
        .unwrap();
    let path = format!("/posts/{}", hello["id"]);
    let edit = Some(json!({"labels": ["orchard"]}));
    let (status, _) = app.api_as(&other, Method::PATCH, &path, edit.clone()).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = app.api_as(&quince, Method::PATCH, &path, edit).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}
