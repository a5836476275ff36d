//! Mail readers ask for, with a real SMTP server (`smtp::Sink`): a
//! commenter told of replies, Follow by Email, and a member who turns
//! held-comment mail off. The tests follow the links in what arrives, over
//! HTTP, as the person who got the mail would, and use the one-click
//! unsubscribe a mail client would (RFC 8058).

use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::admin::{Browser, PASSWORD};
use crate::smtp::{Sink, app_mailing, link};
use crate::support::{TestApp, hidden};

/// Mails to `to` so far.
fn to(sink: &Sink, address: &str) -> Vec<Value> {
    sink.messages()
        .into_iter()
        .filter(|m| m["rcpt_tos"] == json!([address]))
        .collect()
}

/// Waits until `n` mails to `address` arrived, and answers them.
async fn wait_to(sink: &Sink, address: &str, n: usize) -> Vec<Value> {
    for _ in 0..100 {
        let got = to(sink, address);
        if got.len() >= n {
            return got;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("{} of {n} mails to {address}", to(sink, address).len());
}

/// Gives a sender that was woken time to send what it should not.
async fn nothing_more(sink: &Sink, address: &str, n: usize) {
    tokio::time::sleep(Duration::from_secs(4)).await;
    assert_eq!(to(sink, address).len(), n, "no more mail to {address}");
}

/// The value of header `name` in a mail the sink kept.
fn header(mail: &Value, name: &str) -> Option<String> {
    mail["headers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h[0].as_str().unwrap().eq_ignore_ascii_case(name))
        .map(|h| h[1].as_str().unwrap().to_owned())
}

/// A link's page: 200, with one button named `button`, whose form posts to
/// the address it answers (the token in its query).
async fn button(app: &TestApp, path: &str, button: &str) -> String {
    let page = app.page(path).await;
    assert!(page.contains(&format!(">{button}</button>")), "{page}");
    let open = "<form method=\"post\" action=\"";
    let action = &page[page.find(open).unwrap() + open.len()..];
    action[..action.find('"').unwrap()].replace("&amp;", "&")
}

/// POSTs `body` to `path` as a form, as the button or a mail client does.
async fn send_form(app: &TestApp, path: &str, body: &str) -> (StatusCode, String) {
    let r = app
        .client
        .post(app.url(path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body.to_owned())
        .send()
        .await
        .unwrap();
    (r.status(), r.text().await.unwrap())
}

/// Approves held comment `id` through the API.
async fn approve(app: &mut TestApp, id: &str) {
    let (status, json) = app
        .api(Method::POST, &format!("/comments/{id}/approve"), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{json}");
}

/// The id of the comment a landing `Location` (`…#cID`) names.
fn comment_id(location: &str) -> String {
    location.rsplit("#c").next().unwrap().to_owned()
}

#[tokio::test]
async fn a_commenter_is_mailed_each_reply_once_confirmed_until_they_stop() {
    let sink = Sink::started();
    let mut app = app_mailing(&sink).await;
    app.settings(json!({"comment_moderation": "never", "comment_min_seconds": 0}))
        .await;
    let post = app
        .post(json!({"title": "Talk here", "body": "Text.", "status": "published"}))
        .await;
    let path = post["url"].as_str().unwrap().to_owned();
    let page = app.page(&path).await;
    assert!(page.contains("name=\"notify\""), "the box is shown");
    assert!(page.contains("Notify me of replies"));

    // The box without an address: the field is named, nothing stored.
    let (status, body) = app
        .comment(
            &path,
            &[("name", "Ann"), ("body", "Hello"), ("notify", "1")],
        )
        .await
        .unwrap_err();
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("Give your email address"), "{body}");
    assert!(body.contains("checked"), "the box stays ticked");

    let landed = app
        .comment(
            &path,
            &[
                ("name", "Ann"),
                ("email", "Ann@Example.org"),
                ("body", "First!"),
                ("notify", "1"),
            ],
        )
        .await
        .unwrap();
    let ann = comment_id(&landed);

    // A reply before she confirms is not mailed; the confirmation is.
    let confirm = &wait_to(&sink, "ann@example.org", 1).await[0];
    assert!(confirm["subject"].as_str().unwrap().starts_with("Confirm"));
    let confirm_link = link(confirm["text"].as_str().unwrap(), "/replies/confirm");
    app.comment(
        &path,
        &[("name", "Early"), ("body", "Too soon"), ("parent", &ann)],
    )
    .await
    .unwrap();
    let action = button(&app, &confirm_link, "Confirm").await;
    nothing_more(&sink, "ann@example.org", 1).await;
    let (status, done) = send_form(&app, &action, "").await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert!(done.contains("Confirmed"), "{done}");
    let (status, _) = send_form(&app, &action, "").await;
    assert_eq!(status, StatusCode::CONFLICT, "a confirmation link is spent");

    // A published reply is mailed, with a one-click way out.
    app.comment(
        &path,
        &[("name", "Bob"), ("body", "Welcome, Ann."), ("parent", &ann)],
    )
    .await
    .unwrap();
    let mails = wait_to(&sink, "ann@example.org", 2).await;
    let reply = &mails[1];
    assert!(
        reply["subject"].as_str().unwrap().contains("Bob replied"),
        "{reply}"
    );
    assert!(reply["text"].as_str().unwrap().contains("Welcome, Ann."));
    let stop = link(reply["text"].as_str().unwrap(), "/replies/stop");
    let one_click = header(reply, "List-Unsubscribe").unwrap();
    assert!(one_click.ends_with(&format!("{stop}>")), "{one_click}");
    assert_eq!(
        header(reply, "List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );

    // A reply held for moderation is mailed when it is approved, once.
    app.settings(json!({"comment_moderation": "always"})).await;
    let held = app
        .comment(
            &path,
            &[("name", "Carol"), ("body", "Held reply"), ("parent", &ann)],
        )
        .await
        .unwrap();
    assert!(held.contains("held=1"), "{held}");
    nothing_more(&sink, "ann@example.org", 2).await;
    let (_, pending) = app.api(Method::GET, "/comments?status=pending", None).await;
    let carol = pending["items"][0]["id"].to_string();
    approve(&mut app, &carol).await;
    let mails = wait_to(&sink, "ann@example.org", 3).await;
    assert!(mails[2]["text"].as_str().unwrap().contains("Held reply"));

    // The one click a mail client sends ends it; a second one is no error.
    let (status, done) = send_form(&app, &stop, "List-Unsubscribe=One-Click").await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert!(done.contains("Unsubscribed"), "{done}");
    let (status, _) = send_form(&app, &stop, "List-Unsubscribe=One-Click").await;
    assert_eq!(status, StatusCode::OK);
    app.settings(json!({"comment_moderation": "never"})).await;
    app.comment(
        &path,
        &[("name", "Dan"), ("body", "Late"), ("parent", &ann)],
    )
    .await
    .unwrap();
    nothing_more(&sink, "ann@example.org", 3).await;

    // Links altered or cut short change nothing.
    for bad in ["/replies/stop?token=1.2.3", "/replies/confirm?token=x"] {
        let r = app.get(bad).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{bad}");
    }
    let (status, _) = send_form(&app, "/replies/stop?token=9.0.9.00", "").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn follow_by_email_mails_each_new_post_once_until_one_click_ends_it() {
    let sink = Sink::started();
    let mut app = app_mailing(&sink).await;
    let owner = app.token();
    let home = app.page("/").await;
    assert!(home.contains("action=\"/subscribe\""), "{home}");
    assert!(home.contains("Follow by Email"));

    let mut reader = Browser::new(&app);
    let bad = reader
        .post("/subscribe", &[("email", "not an address")])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("does not look right"), "{}", bad.body);
    let asked = reader
        .post("/subscribe", &[("email", "Reader@Example.org")])
        .await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER);
    let next = reader.get(asked.location.as_deref().unwrap()).await;
    assert!(next.body.contains("Check your inbox"), "{}", next.body);
    // Asked again at once: the same answer, and no second mail.
    let again = reader
        .post("/subscribe", &[("email", "reader@example.org")])
        .await;
    assert_eq!(again.location, asked.location);

    let confirm = &wait_to(&sink, "reader@example.org", 1).await[0];
    let confirm_link = link(confirm["text"].as_str().unwrap(), "/subscribe/confirm");
    // A post published before the address is confirmed is not mailed to it.
    app.post(json!({"title": "Before", "body": "Old news.", "status": "published"}))
        .await;
    let action = button(&app, &confirm_link, "Confirm").await;
    nothing_more(&sink, "reader@example.org", 1).await;
    let (status, done) = send_form(&app, &action, "").await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert!(done.contains("reader@example.org"), "{done}");

    // A new post: HTML and plain text, the one-click way out.
    let news = app
        .post(json!({"title": "Big news", "body": "It *happened*.", "status": "published"}))
        .await;
    let mail = &wait_to(&sink, "reader@example.org", 2).await[1];
    assert!(mail["subject"].as_str().unwrap().contains("Big news"));
    assert!(mail["text"].as_str().unwrap().contains("It happened."));
    let raw = mail["raw"].as_str().unwrap();
    assert!(raw.contains("text/html"), "{raw}");
    assert!(raw.contains("<em>happened</em>"), "{raw}");
    let leave = link(mail["text"].as_str().unwrap(), "/unsubscribe");
    assert!(
        header(mail, "List-Unsubscribe")
            .unwrap()
            .ends_with(&format!("{leave}>"))
    );
    assert_eq!(
        header(mail, "List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );

    // An edit mails nothing; a draft published later, backdated, is mailed.
    let id = news["id"].as_i64().unwrap();
    let (status, _) = app
        .api(
            Method::PATCH,
            &format!("/posts/{id}"),
            Some(json!({"body": "It happened, really."})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let draft = app
        .post(json!({"title": "From the drawer", "body": "Kept.", "status": "draft"}))
        .await;
    let (status, json) = app
        .api(
            Method::PATCH,
            &format!("/posts/{}", draft["id"]),
            Some(json!({"status": "published", "published_at": "2020-01-02T03:04:05Z"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{json}");
    let mails = wait_to(&sink, "reader@example.org", 3).await;
    assert!(
        mails[2]["subject"]
            .as_str()
            .unwrap()
            .contains("From the drawer")
    );

    let mut admin = the_admin_lists_exports_and_imports(&app, &sink).await;

    // Opening the way out changes nothing; the one click does, and again
    // is no error; later posts are not mailed.
    button(&app, &leave, "Unsubscribe").await;
    let (status, done) = send_form(&app, &leave, "List-Unsubscribe=One-Click").await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert!(done.contains("Unsubscribed"), "{done}");
    let (status, _) = send_form(&app, &leave, "List-Unsubscribe=One-Click").await;
    assert_eq!(status, StatusCode::OK);
    let after = json!({"title": "After", "body": "Nobody reads this.", "status": "published"});
    let (status, _) = app
        .api_as(&owner, Method::POST, "/posts", Some(after))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    nothing_more(&sink, "reader@example.org", 3).await;
    let csv = admin.get("/admin/subscribers.csv").await;
    assert!(csv.body.contains("\r\nreader@example.org,unsubscribed,"));

    for bad in ["/unsubscribe?token=", "/subscribe/confirm?token=1.0.1.zz"] {
        let r = app.get(bad).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{bad}");
    }
    assert_eq!(to(&sink, "owner@example.com").len(), 0);
}

#[tokio::test]
async fn subscribing_is_limited_per_address_and_refused_while_mail_is_off() {
    let sink = Sink::started();
    let app = app_mailing(&sink).await;
    let mut flood = Browser::at(&app, "203.0.113.9");
    let mut refused = None;
    for n in 0..12 {
        let email = format!("victim{n}@example.org");
        let r = flood.post("/subscribe", &[("email", &email)]).await;
        if r.status == StatusCode::TOO_MANY_REQUESTS {
            refused = Some(n);
            break;
        }
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }
    assert_eq!(refused, Some(10), "ten an hour from one address");

    let off = TestApp::start().await;
    assert!(!off.page("/").await.contains("action=\"/subscribe\""));
    let r = Browser::new(&off)
        .post("/subscribe", &[("email", "a@example.org")])
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.body.contains("cannot send mail"), "{}", r.body);
}

#[tokio::test]
async fn a_member_who_turns_held_comment_mail_off_is_not_mailed() {
    let sink = Sink::started();
    let mut app = app_mailing(&sink).await;
    app.token();
    app.member_token("author@example.com", "Writer", "author", None);
    app.settings(json!({"comment_moderation": "always", "comment_min_seconds": 0}))
        .await;
    let mut owner = Browser::new(&app);
    owner.sign_in("owner@example.com", PASSWORD).await;
    let page = owner.get("/admin/mail").await;
    assert!(
        page.body
            .contains("name=\"held_comments\" value=\"1\" checked")
    );
    let csrf = hidden(&page.body, "csrf");
    let saved = owner.post("/admin/mail", &[("csrf", &csrf)]).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let page = owner.get("/admin/mail?saved=1").await;
    assert!(!page.body.contains("checked"), "{}", page.body);
    let forged = owner.post("/admin/mail", &[("held_comments", "1")]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN, "no CSRF token");

    let author = app.new_token("author@example.com");
    let body = json!({"title": "Mine", "body": "Text.", "status": "published"});
    let (_, post) = app
        .api_as(&author, Method::POST, "/posts", Some(body))
        .await;
    let path = post["url"].as_str().unwrap().to_owned();
    app.comment(&path, &[("name", "Ann"), ("body", "Held")])
        .await
        .unwrap();
    wait_to(&sink, "author@example.com", 1).await;
    nothing_more(&sink, "owner@example.com", 0).await;
}

/// The admin's side of Follow by Email with one confirmed reader: the list
/// and its counts, the CSV export, an import. Answers the admin's browser.
async fn the_admin_lists_exports_and_imports<'a>(app: &'a TestApp, sink: &Sink) -> Browser<'a> {
    // The admin sees them, and exports them.
    let mut admin = Browser::new(app);
    admin.sign_in("owner@example.com", PASSWORD).await;
    let list = admin.get("/admin/subscribers").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(
        list.body.contains("<strong>1</strong> confirmed"),
        "{}",
        list.body
    );
    assert!(list.body.contains("reader@example.org"));
    let csv = admin.get("/admin/subscribers.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.starts_with("email,state,"), "{}", csv.body);
    assert!(
        csv.body.contains("\r\nreader@example.org,confirmed,"),
        "{}",
        csv.body
    );

    // An import: one bad line refuses the file, naming the line; with the
    // owner's word that they consented, the addresses are confirmed.
    let csrf = hidden(&list.body, "csrf");
    let bad = admin
        .post(
            "/admin/subscribers",
            &[("csrf", &csrf), ("csv", "email\nnew1@example.org\nnope\n")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Line 3"), "{}", bad.body);
    let csv_text =
        "email,state\r\nNew1@example.org\r\nnew2@example.org,confirmed\r\nreader@example.org\r\n";
    let imported = admin
        .post(
            "/admin/subscribers",
            &[("csrf", &csrf), ("csv", csv_text), ("consented", "1")],
        )
        .await;
    assert_eq!(imported.status, StatusCode::SEE_OTHER);
    let list = admin.get(imported.location.as_deref().unwrap()).await;
    assert!(
        list.body.contains("Imported 2 new addresses"),
        "{}",
        list.body
    );
    assert!(
        list.body.contains("<strong>3</strong> confirmed"),
        "{}",
        list.body
    );
    assert_eq!(
        to(sink, "new1@example.org").len(),
        0,
        "no confirmation asked"
    );
    admin
}
