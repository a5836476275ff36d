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

/// A post of the site's owner (user 1) with a reader's comment, the owner's
/// reply (signed in: `comment_user_id` 1), a comment by another of the
/// site's users who is no member here (user 2), and a reader who gave the
/// owner's e-mail address (`comment_user_id` 0).
fn wxr_with_an_owners_reply(app: &TestApp) -> PathBuf {
    let comment = |id: u32, parent: u32, user: u32, name: &str, email: &str, body: &str| {
        format!(
            "<wp:comment><wp:comment_id>{id}</wp:comment_id>\
             <wp:comment_author><![CDATA[{name}]]></wp:comment_author>\
             <wp:comment_author_email>{email}</wp:comment_author_email>\
             <wp:comment_date_gmt>2015-03-02 1{id}:00:00</wp:comment_date_gmt>\
             <wp:comment_content><![CDATA[{body}]]></wp:comment_content>\
             <wp:comment_approved>1</wp:comment_approved><wp:comment_type></wp:comment_type>\
             <wp:comment_parent>{parent}</wp:comment_parent>\
             <wp:comment_user_id>{user}</wp:comment_user_id></wp:comment>\n"
        )
    };
    let text = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Replies</title><wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[olive]]></wp:author_login><wp:author_email><![CDATA[OLIVE@example.org]]></wp:author_email><wp:author_display_name><![CDATA[Olive Owner]]></wp:author_display_name></wp:author>
<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[gus]]></wp:author_login><wp:author_email><![CDATA[gus@old.example]]></wp:author_email><wp:author_display_name><![CDATA[Gus Guest]]></wp:author_display_name></wp:author>
<item><title>Planting</title><dc:creator>olive</dc:creator>
<content:encoded><![CDATA[Dig, then plant.]]></content:encoded>
<wp:post_id>30</wp:post_id><wp:post_date_gmt>2015-03-01 10:00:00</wp:post_date_gmt>
<wp:post_name>planting</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
{}{}{}{}</item></channel></rss>
"#,
        comment(1, 0, 0, "Rita Reader", "rita@example.net", "How deep?"),
        comment(2, 1, 1, "Olive Owner", "olive@example.org", "A hand deep."),
        comment(3, 0, 2, "Gus Guest", "gus@old.example", "I helped."),
        comment(
            4,
            0,
            0,
            "Olive Owner",
            "olive@example.org",
            "Not really her."
        ),
    );
    std::fs::create_dir_all(&app.data).unwrap();
    let path = app.data.join("replies.xml");
    std::fs::write(&path, text).unwrap();
    path
}

#[tokio::test]
async fn a_wordpress_owners_reply_stays_the_authors() {
    let mut app = TestApp::start().await;
    app.member_token("olive@example.org", "Olive", "admin", None);
    let file = wxr_with_an_owners_reply(&app);
    let out = app.cli(&["import", "wordpress", file.to_str().unwrap()], None);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(
            "comments by the old site's user \"gus\" are readers' comments here: \
             no member of this blog has that name or e-mail"
        ),
        "{err}"
    );

    assert_only_the_owners_reply_is_marked(&mut app).await;

    // Our exports carry whose it is: into a blog where Olive is a member,
    // her reply is hers again.
    std::fs::create_dir_all(&app.data).unwrap();
    for format in ["wxr", "tidings"] {
        let file = app.data.join(format!("replies.{format}"));
        crate::export::export(&app, format, &file);
        let mut again = TestApp::start().await;
        again.member_token("olive@example.org", "Olive", "admin", None);
        import(
            &again,
            if format == "wxr" { "wordpress" } else { format },
            &file,
        );
        assert_only_the_owners_reply_is_marked(&mut again).await;
    }
}

/// The post page of [`wxr_with_an_owners_reply`] marks Olive's reply, and
/// only it, as the author's.
async fn assert_only_the_owners_reply_is_marked(app: &mut TestApp) {
    let posts = items(app, "/posts?limit=10").await;
    let page = app.page(posts[0]["url"].as_str().unwrap()).await;
    // Each comment's `<li class="…">` by its text.
    let class_of = |text: &str| -> String {
        let at = page.find(text).unwrap_or_else(|| panic!("{text}: {page}"));
        let li = page[..at].rfind("<li class=\"").unwrap();
        let class = &page[li + "<li class=\"".len()..];
        class[..class.find('"').unwrap()].to_owned()
    };
    assert_eq!(class_of("A hand deep."), "comment blog-author");
    assert_eq!(class_of("How deep?"), "comment");
    assert_eq!(class_of("I helped."), "comment");
    assert_eq!(class_of("Not really her."), "comment", "user 0 is a reader");
    assert_eq!(page.matches("class=\"author-badge\"").count(), 1);
}
