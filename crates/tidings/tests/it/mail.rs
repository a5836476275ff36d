//! Mail, with a real SMTP server: `tests/smtp_sink.py` (aiosmtpd) on a free
//! port, writing each message it takes to a directory this test reads. The
//! server under test is pointed at it, and the tests follow the links in
//! what arrives, over HTTP, as the person who got the mail would.

use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::admin::{Browser, PASSWORD};
use crate::support::{TestApp, hidden};

use crate::smtp::{Sink, app_mailing, link};

/// A blog that holds every comment, the admin owner@example.com, and a post;
/// answers the post's path.
async fn holding_blog(app: &mut TestApp) -> String {
    app.settings(json!({"comment_moderation": "always", "comment_min_seconds": 0}))
        .await;
    let post = app
        .post(json!({"title": "Held here", "body": "Text.", "status": "published"}))
        .await;
    post["url"].as_str().unwrap().to_owned()
}

async fn pending(app: &TestApp, token: &str) -> usize {
    let (status, list) = app
        .api_as(token, Method::GET, "/comments?status=pending", None)
        .await;
    assert_eq!(status, StatusCode::OK);
    list["items"].as_array().unwrap().len()
}

#[tokio::test]
async fn a_held_comment_is_mailed_and_approved_from_its_link() {
    let sink = Sink::started();
    let mut app = app_mailing(&sink).await;
    holding_blog(&mut app).await;
    let owner = app.token();
    // The post's author moderates its comments too; a contributor would not.
    let author = app.member_token("author@example.com", "Writer", "author", None);
    app.member_token("helper@example.com", "Helper", "contributor", None);
    let body = json!({"title": "The author's", "body": "Text.", "status": "published"});
    let (_, post) = app
        .api_as(&author, Method::POST, "/posts", Some(body))
        .await;
    let path = post["url"].as_str().unwrap().to_owned();
    let held = app
        .comment(&path, &[("name", "Ann"), ("body", "A thoughtful comment.")])
        .await
        .unwrap();
    assert!(held.contains("held=1"), "{held}");

    let mails = sink.wait_for(2, 15).await;
    let mut to: Vec<String> = mails.iter().map(|m| m["rcpt_tos"][0].to_string()).collect();
    to.sort();
    assert_eq!(to, ["\"author@example.com\"", "\"owner@example.com\""]);
    let mail = mails
        .iter()
        .find(|m| m["rcpt_tos"] == json!(["owner@example.com"]))
        .unwrap();
    assert!(
        mail["subject"]
            .as_str()
            .unwrap()
            .contains("Ann commented on"),
        "{mail}"
    );
    let text = mail["text"].as_str().unwrap();
    assert!(text.contains("A thoughtful comment."), "{text}");
    assert!(text.contains("Why it was held"), "{text}");

    // Opening the link changes nothing.
    let approve = link(text, "/admin/mail/approve");
    let page = app.page(&approve).await;
    assert!(page.contains(">Approve</button>"), "{page}");
    assert_eq!(pending(&app, &owner).await, 1, "a GET changes nothing");
    let token = hidden(&page, "token");

    // Its one button does.
    let mut browser = Browser::new(&app);
    let done = browser
        .post("/admin/mail/approve", &[("token", &token)])
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert!(done.body.contains("Approved"), "{}", done.body);
    assert_eq!(pending(&app, &owner).await, 0);
    assert!(app.page(&path).await.contains("A thoughtful comment."));

    // Used, wrong or altered: a clear page, and nothing changes.
    let again = browser
        .post("/admin/mail/approve", &[("token", &token)])
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    assert!(again.body.contains("already approved"), "{}", again.body);
    let spam = link(text, "/admin/mail/spam");
    let r = app.get(&spam).await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let approve_token_as_spam = browser.post("/admin/mail/spam", &[("token", &token)]).await;
    assert_eq!(approve_token_as_spam.status, StatusCode::BAD_REQUEST);
    for bad in ["", "1.2.3", "x", &token.replacen('.', "9.", 1)] {
        let r = app.get(&format!("/admin/mail/approve?token={bad}")).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{bad:?}");
        assert!(r.text().await.unwrap().contains("not one this blog sent"));
    }
    let (_, published) = app
        .api_as(&owner, Method::GET, "/comments?status=published", None)
        .await;
    assert_eq!(published["items"].as_array().unwrap().len(), 1);

    // The admin's dashboard says where mail goes.
    let mut admin = Browser::new(&app);
    admin.sign_in("owner@example.com", PASSWORD).await;
    let dashboard = admin.get("/admin").await.body;
    assert!(dashboard.contains("Mail goes through"), "{dashboard}");
    assert_eq!(sink.messages().len(), 2, "nobody else was mailed");
}

#[tokio::test]
async fn a_password_reset_works_once_and_ends_every_session() {
    let sink = Sink::started();
    let app = app_mailing(&sink).await;
    app.member_token("writer@example.com", "Writer", "author", None);
    let mut before = Browser::new(&app);
    assert_eq!(
        before.sign_in("writer@example.com", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );

    let login = app.page("/admin/login").await;
    assert!(login.contains("href=\"/admin/forgot\""), "{login}");
    let mut browser = Browser::new(&app);
    let form = browser.get("/admin/forgot").await;
    assert!(form.body.contains("name=\"email\""), "{}", form.body);
    let known = browser
        .post("/admin/forgot", &[("email", "Writer@Example.com")])
        .await;
    let unknown = browser
        .post("/admin/forgot", &[("email", "nobody@example.com")])
        .await;
    assert_eq!(known.status, StatusCode::OK);
    assert_eq!(
        (known.status, known.body.clone()),
        (unknown.status, unknown.body),
        "the same answer whether or not the account exists"
    );
    let malformed = browser
        .post("/admin/forgot", &[("email", "not an address")])
        .await;
    assert_eq!(malformed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(malformed.body.contains("does not look right"));

    let mail = &sink.wait_for(1, 15).await[0];
    assert_eq!(mail["rcpt_tos"], json!(["writer@example.com"]));
    let reset = link(mail["text"].as_str().unwrap(), "/admin/reset");
    let page = browser.get(&reset).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let token = hidden(&page.body, "token");
    let short = browser
        .post(
            "/admin/reset",
            &[
                ("token", &token),
                ("password", "short"),
                ("password_again", "short"),
            ],
        )
        .await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    let new = "a brand new passphrase";
    let set = browser
        .post(
            "/admin/reset",
            &[
                ("token", &token),
                ("password", new),
                ("password_again", new),
            ],
        )
        .await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.body);

    // Every session ended; the new password signs in, the old one does not.
    let r = before.get("/admin").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "the old session ended");
    let mut after = Browser::new(&app);
    assert_eq!(
        after.sign_in("writer@example.com", PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        after.sign_in("writer@example.com", new).await.status,
        StatusCode::SEE_OTHER
    );

    // The link works once.
    let used = browser.get(&reset).await;
    assert_eq!(used.status, StatusCode::CONFLICT);
    assert!(used.body.contains("already used"), "{}", used.body);
    let again = browser
        .post(
            "/admin/reset",
            &[
                ("token", &token),
                ("password", new),
                ("password_again", new),
            ],
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(sink.messages().len(), 1, "nobody@example.com got nothing");
}

#[tokio::test]
async fn mail_waits_for_an_absent_server_and_arrives_once() {
    let mut sink = Sink::new();
    let mut app = app_mailing(&sink).await;
    let path = holding_blog(&mut app).await;
    app.comment(
        &path,
        &[
            ("name", "Bo"),
            ("body", "Sent while the mail server is away."),
        ],
    )
    .await
    .unwrap();
    // The first try fails: nothing listens.
    let deadline = Instant::now() + Duration::from_secs(15);
    while !app.log().contains("not sent") {
        assert!(Instant::now() < deadline, "a first try within seconds");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    sink.start();
    let got = sink.wait_for(1, 60).await;
    assert!(
        got[0]["text"]
            .as_str()
            .unwrap()
            .contains("mail server is away")
    );
    tokio::time::sleep(Duration::from_secs(6)).await;
    assert_eq!(sink.messages().len(), 1, "once");
}

#[tokio::test]
async fn two_nodes_send_one_copy_of_each_mail() {
    let sink = Sink::started();
    let mut app = app_mailing(&sink).await;
    let _other = app.another_node();
    let path = holding_blog(&mut app).await;
    for n in 0..6 {
        app.comment(
            &path,
            &[
                ("name", "Cy"),
                ("body", &format!("Comment number {n} here.")),
            ],
        )
        .await
        .unwrap();
    }
    sink.wait_for(6, 30).await;
    tokio::time::sleep(Duration::from_secs(7)).await;
    let mut bodies: Vec<String> = sink
        .messages()
        .iter()
        .map(|m| m["text"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(bodies.len(), 6, "one copy each");
    bodies.sort();
    bodies.dedup();
    assert_eq!(bodies.len(), 6);
}

/// Commits a password reset's mail for the owner straight to the outbox,
/// as another node's transaction would (`event` names it): no sender of
/// this test's servers is told by its own process.
async fn reset_committed_elsewhere(app: &TestApp, event: &str) {
    let now = chrono::Utc::now().timestamp_micros();
    app.sql(&format!(
        "INSERT INTO outbox (blog_id, kind, subject_id, event, recipient, created_at, due_at) \
         SELECT b.id, 'password_reset', u.id, '{event}', u.email, {now}, {now} \
         FROM blogs b, users u WHERE u.email = 'owner@example.com' ORDER BY b.id LIMIT 1"
    ))
    .await;
}

/// On PostgreSQL, mail any node commits wakes every node's sender at once
/// rather than at its next look at the queue (every 5 s). SQLite is one
/// machine's database, whose committing process wakes its own sender.
#[tokio::test]
async fn mail_committed_on_another_node_is_sent_at_once() {
    if std::env::var_os("TIDINGS_TEST_DATABASE_URL").is_none() {
        return;
    }
    const ROUNDS: usize = 10;
    let sink = Sink::started();
    let mut app = app_mailing(&sink).await;
    app.token(); // the owner, owner@example.com
    let _other = app.another_node();
    // The first shows both senders have started (they listen from then on).
    reset_committed_elsewhere(&app, "wake:first").await;
    sink.wait_for(1, 30).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    // One at a time: waiting for a poll, each would take 2.5 s on average
    // (25 s in all, and under 12 s about once in a thousand runs).
    let started = Instant::now();
    for n in 0..ROUNDS {
        reset_committed_elsewhere(&app, &format!("wake:{n}")).await;
        sink.wait_for(n + 2, 30).await;
    }
    let took = started.elapsed();
    assert!(
        took < Duration::from_secs(12),
        "{ROUNDS} mails committed elsewhere took {took:?}: the senders waited for a poll"
    );
    // Both nodes woke each time; one copy of each was sent.
    tokio::time::sleep(Duration::from_secs(6)).await;
    let mails = sink.messages();
    assert_eq!(mails.len(), ROUNDS + 1, "once each");
    assert!(
        mails
            .iter()
            .all(|m| m["to"].as_str().unwrap().contains("owner@example.com")),
        "{mails:?}"
    );
}

#[tokio::test]
async fn mail_test_sends_one_mail_and_refuses_bad_input() {
    let sink = Sink::started();
    let app = TestApp::start().await;
    let url = sink.url();
    let from = ["--smtp-url", &url, "--mail-from", "Blog <blog@example.org>"];
    let out = app.cli(
        &[&["mail", "test", "me@example.org"][..], &from].concat(),
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("250"), "what the server said: {said}");
    let mail = &sink.wait_for(1, 5).await[0];
    assert_eq!(mail["rcpt_tos"], json!(["me@example.org"]));
    assert!(
        mail["raw"]
            .as_str()
            .unwrap()
            .contains("From: Blog <blog@example.org>")
    );

    for (args, why) in [
        (
            vec!["mail", "test", "not an address"],
            "not an email address",
        ),
        (
            vec!["mail", "test", "a@example.org\r\nBcc: b@example.org"],
            "not an email address",
        ),
    ] {
        let out = app.cli(&[&args[..], &from].concat(), None);
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains(why));
    }
    let off = app.cli(&["mail", "test", "me@example.org"], None);
    assert!(String::from_utf8_lossy(&off.stderr).contains("mail is off"));
    let bad = app.cli(
        &[
            "mail",
            "test",
            "me@example.org",
            "--smtp-url",
            "http://x",
            "--mail-from",
            "b@example.org",
        ],
        None,
    );
    assert!(String::from_utf8_lossy(&bad.stderr).contains("smtp://"));
    let injected = app.cli(
        &[
            "mail",
            "test",
            "me@example.org",
            "--smtp-url",
            &url,
            "--mail-from",
            "b@example.org\r\nBcc: c@example.org",
        ],
        None,
    );
    assert!(!injected.status.success());
    assert_eq!(sink.messages().len(), 1, "nothing else was sent");
}

#[tokio::test]
async fn without_smtp_nothing_is_queued_and_the_admin_says_so() {
    let mut app = TestApp::start().await;
    let path = holding_blog(&mut app).await;
    app.comment(&path, &[("name", "Di"), ("body", "Nobody hears of this.")])
        .await
        .unwrap();
    app.token();
    let mut admin = Browser::new(&app);
    admin.sign_in("owner@example.com", PASSWORD).await;
    let queue = admin.get("/admin/comments?status=pending").await.body;
    assert!(queue.contains("Mail is off"), "{queue}");
    assert!(admin.get("/admin").await.body.contains("Mail is off"));
    let forgot = app.page("/admin/forgot").await;
    assert!(forgot.contains("Mail is off"), "{forgot}");
    let r = app
        .client
        .post(app.url("/admin/forgot"))
        .form(&[("email", "owner@example.com")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CONFLICT);
    assert!(r.text().await.unwrap().contains("Mail is off"));
}

#[tokio::test]
async fn hostile_input_to_the_mail_pages_gets_a_clear_refusal() {
    let sink = Sink::started();
    let app = app_mailing(&sink).await;
    let long = "a".repeat(100_000);
    let hostile = [
        "\0",
        "a\0@example.org",
        "a@example.org\r\nBcc: b@example.org",
        "\u{1b}[31m@example.org",
        "%FF",
        "x@\u{2028}.org",
        long.as_str(),
    ];
    for value in hostile {
        for (path, field) in [
            ("/admin/forgot", "email"),
            ("/admin/reset", "token"),
            ("/admin/mail/approve", "token"),
            ("/admin/mail/spam", "token"),
        ] {
            let r = app
                .client
                .post(app.url(path))
                .form(&[(field, value), ("password", "x"), ("password_again", "x")])
                .send()
                .await
                .unwrap();
            let status = r.status();
            let text = r.text().await.unwrap();
            assert!(
                status.is_client_error() && !text.trim().is_empty(),
                "POST {path} {field}={:?}: {status}",
                value.chars().take(40).collect::<String>()
            );
        }
        // A URL as long as the 100 KB value is one no client sends.
        let in_urls: &[&str] = if value.len() > 10_000 {
            &[]
        } else {
            &["/admin/reset", "/admin/mail/approve", "/admin/mail/spam"]
        };
        for path in in_urls {
            let token =
                percent_encoding::utf8_percent_encode(value, percent_encoding::NON_ALPHANUMERIC);
            let r = app.get(&format!("{path}?token={token}")).await;
            assert!(r.status().is_client_error(), "GET {path}: {}", r.status());
        }
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(sink.messages().is_empty(), "nothing was mailed");
    assert!(!app.log().contains("panicked"));
}

#[tokio::test]
async fn bloggers_comment_moderation_email_picks_who_is_mailed_held_comments() {
    let sink = Sink::started();
    let mut app = app_mailing(&sink).await;
    app.token(); // owner@example.com, an admin
    app.member_token("editor@example.com", "Editor", "admin", None);
    // A Blogger export whose "Comment moderation email" names one member
    // (in another case) and an address that is nobody's here.
    let setting = "<entry>\n<id>tag:blogger.com,1999:blog-8120000000000000001.settings.\
        BLOG_COMMENT_MODERATION_EMAIL</id>\n<published>2008-03-01T09:00:00.000+01:00</published>\n\
        <updated>2015-01-01T09:00:00.000+01:00</updated>\n<category scheme='http://schemas.google.com/g/2005#kind' \
        term='http://schemas.google.com/blogger/2008/kind#settings'/>\n<title type='text'>Comment Moderation \
        Email</title>\n<content type='text'>Editor@Example.com, someone@example.net</content>\n</entry>\n";
    let xml = std::fs::read_to_string(crate::import::fixture("blogger-jump-breaks.xml"))
        .unwrap()
        .replacen("<entry>", &format!("{setting}<entry>"), 1);
    // On PostgreSQL nothing made the data directory yet.
    std::fs::create_dir_all(&app.data).unwrap();
    let file = app.data.join("blogger-with-mail.xml");
    std::fs::write(&file, xml).unwrap();
    let out = app.cli(&["import", "blogger", file.to_str().unwrap()], None);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains("held comments are mailed to editor@example.com"),
        "{said}"
    );

    let path = holding_blog(&mut app).await;
    app.comment(
        &path,
        &[("name", "Di"), ("body", "Held for the editor alone.")],
    )
    .await
    .unwrap();
    let got = sink.wait_for(1, 30).await;
    assert_eq!(got[0]["rcpt_tos"], json!(["editor@example.com"]));
    tokio::time::sleep(Duration::from_secs(6)).await;
    assert_eq!(
        sink.messages().len(),
        1,
        "the owner was not named: not mailed"
    );
}
