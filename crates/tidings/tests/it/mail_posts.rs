//! A new post's mail to Follow by Email's subscribers, with a real SMTP
//! server (`tests/smtp_sink.py`): the "don't mail this one" switch, DKIM
//! signatures a receiver checks, two nodes sending one copy each, a node
//! killed mid-send, and a mail server away while a post is published.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::admin::{Browser, PASSWORD};
use crate::cli::{Scratch, stderr, stdout, tidings_in};
use crate::smtp::{Sink, app_mailing};
use crate::support::{TestApp, hidden};

/// Makes `n` confirmed subscribers (`reader0@example.org` …) through the
/// admin's CSV import, with the owner's word that they consented.
async fn subscribers(app: &mut TestApp, n: usize) {
    app.token(); // the owner, owner@example.com
    let mut admin = Browser::new(app);
    admin.sign_in("owner@example.com", PASSWORD).await;
    let csrf = admin.csrf("/admin/subscribers").await;
    let mut csv = String::from("email\r\n");
    for i in 0..n {
        csv.push_str(&format!("reader{i}@example.org\r\n"));
    }
    let done = admin
        .post(
            "/admin/subscribers",
            &[("csrf", &csrf), ("csv", &csv), ("consented", "1")],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
}

/// How many copies of the mail about `title` each address got.
fn copies(sink: &Sink, title: &str) -> HashMap<String, usize> {
    let mut seen = HashMap::new();
    for m in sink.messages() {
        if m["subject"].as_str().unwrap().contains(title) {
            let to = m["rcpt_tos"][0].as_str().unwrap().to_owned();
            *seen.entry(to).or_default() += 1;
        }
    }
    seen
}

/// Waits (at most `secs`) until each of `n` subscribers got the mail about
/// `title`, and answers the copies each got.
async fn all_mailed(sink: &Sink, title: &str, n: usize, secs: u64) -> HashMap<String, usize> {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        let seen = copies(sink, title);
        if seen.len() >= n {
            return seen;
        }
        assert!(
            Instant::now() < deadline,
            "{} of {n} subscribers got {title:?} within {secs} s",
            seen.len()
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

fn total(seen: &HashMap<String, usize>) -> usize {
    seen.values().sum()
}

#[tokio::test]
async fn a_post_its_author_asks_not_to_mail_is_never_mailed() {
    let sink = Sink::started();
    let mut app = app_mailing(&sink).await;
    subscribers(&mut app, 2).await;

    // Through the API: the switch is a post field, kept and answered.
    let quiet = app
        .post(
            json!({"title": "Quiet one", "body": "Hush.", "status": "published",
                     "mail_subscribers": false}),
        )
        .await;
    assert_eq!(quiet["mail_subscribers"], json!(false), "{quiet}");
    // Turned back on after it was published: too late, it is not mailed.
    let (status, changed) = app
        .api(
            Method::PATCH,
            &format!("/posts/{}", quiet["id"]),
            Some(json!({"mail_subscribers": true, "body": "Still hush."})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["mail_subscribers"], json!(true));
    let (status, refused) = app
        .api(
            Method::POST,
            "/posts",
            Some(json!({"title": "Bad", "mail_subscribers": "no"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert!(
        refused.to_string().contains("mail_subscribers"),
        "{refused}"
    );

    // Through the editor: the box, ticked when publishing.
    let mut owner = Browser::new(&app);
    owner.sign_in("owner@example.com", PASSWORD).await;
    let form = owner.get("/admin/posts/new").await;
    assert!(form.body.contains("name=\"no_mail\""), "{}", form.body);
    assert!(form.body.contains("Don't mail this post to subscribers"));
    let csrf = hidden(&form.body, "csrf");
    let saved = owner
        .post(
            "/admin/posts/new",
            &[
                ("csrf", &csrf),
                ("kind", "post"),
                ("title", "Quiet two"),
                ("body", "From the editor, quietly."),
                ("comments", "open"),
                ("no_mail", "on"),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let edit = owner.get(saved.location.as_deref().unwrap()).await;
    assert!(
        edit.body.contains("name=\"no_mail\" checked"),
        "the editor shows the switch as saved: {}",
        edit.body
    );

    // Imported posts are never mailed.
    crate::import::import(
        &app,
        "blogger",
        &crate::import::fixture("blogger-jump-breaks.xml"),
    );

    // A post mailed as usual is due after both: once it has arrived, the
    // sender has passed the quiet ones by.
    app.post(json!({"title": "Loud one", "body": "News!", "status": "published"}))
        .await;
    let loud = all_mailed(&sink, "Loud one", 2, 30).await;
    assert_eq!(total(&loud), 2);
    tokio::time::sleep(Duration::from_secs(6)).await;
    assert!(copies(&sink, "Quiet").is_empty(), "{:?}", sink.messages());
    assert_eq!(total(&copies(&sink, "Loud one")), 2, "once each");
    assert_eq!(
        sink.messages().len(),
        2,
        "nothing else: {:?}",
        sink.messages()
    );
}

#[tokio::test]
async fn two_nodes_mail_each_subscriber_one_copy() {
    let sink = Sink::started();
    let mut app = app_mailing(&sink).await;
    let _other = app.another_node();
    subscribers(&mut app, 120).await;
    app.post(json!({"title": "For everyone", "body": "Once each.", "status": "published"}))
        .await;
    all_mailed(&sink, "For everyone", 120, 90).await;
    // Both senders poll again (every 5 s): nothing more is sent.
    tokio::time::sleep(Duration::from_secs(7)).await;
    let seen = copies(&sink, "For everyone");
    let twice: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "sent twice: {twice:?}");
    assert_eq!(seen.len(), 120);
}

#[tokio::test]
async fn a_node_killed_mid_send_leaves_the_rest_to_another() {
    const READERS: usize = 300;
    // 100 ms a message, eight connections a node: a send of a few seconds.
    let sink = Sink::slow(0.1);
    let mut app = app_mailing(&sink).await;
    subscribers(&mut app, READERS).await;
    let other = app.another_node();
    app.post(json!({"title": "Through a crash", "body": "Still arrives.", "status": "published"}))
        .await;
    // Both nodes send; the first dies with mail in flight.
    let deadline = Instant::now() + Duration::from_secs(30);
    while total(&copies(&sink, "Through a crash")) < 40 {
        assert!(Instant::now() < deadline, "the nodes send");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.kill();
    let killed_at = Instant::now();
    let at_kill = total(&copies(&sink, "Through a crash"));
    assert!(at_kill < READERS, "killed mid-send ({at_kill} sent)");
    // The other node sends the rest, and the killed node's claims once
    // their lease (two minutes) runs out: those it had not sent, and those
    // the mail server took but the node died before marking (sent twice).
    let seen = all_mailed(&sink, "Through a crash", READERS, 240).await;
    let lease_out = killed_at + Duration::from_secs(120 + 12);
    tokio::time::sleep(lease_out.saturating_duration_since(Instant::now())).await;
    let seen_after = copies(&sink, "Through a crash");
    assert_eq!(seen_after.len(), READERS);
    let duplicates = total(&seen_after) - READERS;
    eprintln!(
        "mail after SIGKILL: {READERS} subscribers, {at_kill} sent before the kill, \
         {duplicates} sent twice ({} when all had arrived)",
        total(&seen) - READERS
    );
    // At most the mail the killed node had claimed: one batch.
    let batch = tidings_app::mail::sender::BATCH as usize;
    assert!(duplicates <= batch, "{duplicates} duplicates");
    drop(other);
}

#[tokio::test]
async fn a_post_published_while_the_mail_server_is_away_is_mailed_once_it_is_back() {
    let mut sink = Sink::started();
    let mut app = app_mailing(&sink).await;
    subscribers(&mut app, 3).await;
    sink.stop();
    app.post(json!({"title": "While away", "body": "Waits.", "status": "published"}))
        .await;
    let deadline = Instant::now() + Duration::from_secs(15);
    while !app.log().contains("not sent") {
        assert!(Instant::now() < deadline, "a first try within seconds");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    sink.start();
    // The first retry comes 20 s after the failed try.
    all_mailed(&sink, "While away", 3, 60).await;
    tokio::time::sleep(Duration::from_secs(6)).await;
    assert_eq!(total(&copies(&sink, "While away")), 3, "once each");
}

/// A fresh 2048-bit RSA key in `dir` as OpenSSL 3 writes it (PKCS#8), and
/// its public key (PEM).
fn dkim_key(dir: &Path) -> (PathBuf, PathBuf) {
    let key = dir.join("dkim.pem");
    let public = dir.join("dkim.pub");
    let openssl = |args: &[&str]| {
        let out = Command::new("openssl").args(args).output().unwrap();
        assert!(out.status.success(), "openssl {args:?}: {out:?}");
    };
    openssl(&["genrsa", "-out", key.to_str().unwrap(), "2048"]);
    openssl(&[
        "rsa",
        "-in",
        key.to_str().unwrap(),
        "-pubout",
        "-out",
        public.to_str().unwrap(),
    ]);
    (key, public)
}

/// `tests/dkim_verify.py`'s verdict on `raw`, with `public` as the key
/// DNS would give: `(verified, what it printed)`.
fn dkim_verify(dir: &Path, raw: &str, public: &Path) -> (bool, String) {
    let file = dir.join("message.eml");
    std::fs::write(&file, raw).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/dkim_verify.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(&file)
        .arg(public)
        .output()
        .expect("python3 runs (with dkimpy from tests/requirements.txt)");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), said)
}

#[tokio::test]
async fn mail_is_signed_with_dkim_and_receivers_can_check_it() {
    let scratch = Scratch::new("dkim");
    let (key, public) = dkim_key(&scratch.0);
    let sink = Sink::started();
    let url = sink.url();
    let mut app = TestApp::start_with(&[
        "--smtp-url",
        &url,
        "--mail-from",
        "Tidings Test <blog@example.org>",
        "--dkim-key",
        key.to_str().unwrap(),
        "--dkim-selector",
        "news2026",
    ])
    .await;
    subscribers(&mut app, 1).await;
    app.post(json!({"title": "Signed", "body": "With *our* key.", "status": "published"}))
        .await;
    all_mailed(&sink, "Signed", 1, 30).await;
    let mail: Value = sink
        .messages()
        .into_iter()
        .find(|m| m["subject"].as_str().unwrap().contains("Signed"))
        .unwrap();
    let raw = mail["raw"].as_str().unwrap();
    let (ok, said) = dkim_verify(&scratch.0, raw, &public);
    assert!(ok, "{said}\n{raw}");
    assert!(said.contains("news2026._domainkey.example.org"), "{said}");
    let signature = raw
        .split("\r\n")
        .find(|l| l.starts_with("DKIM-Signature:"))
        .unwrap_or_else(|| panic!("no DKIM-Signature in {raw}"));
    assert!(signature.contains("d=example.org"), "{signature}");
    // The one-click unsubscribe headers are covered, as large receivers
    // require; a changed subject no longer verifies.
    let unfolded = raw.replace("\r\n ", " ").replace("\r\n\t", " ");
    let tags = unfolded
        .lines()
        .find(|l| l.starts_with("DKIM-Signature:"))
        .unwrap();
    assert!(
        tags.contains("list-unsubscribe:list-unsubscribe-post"),
        "{tags}"
    );
    let forged = raw.replacen("Subject: ", "Subject: Re: ", 1);
    assert!(!dkim_verify(&scratch.0, &forged, &public).0);

    // `tidings doctor` loads the key from tidings.toml and prints the
    // record to publish, with the same public key.
    let data = scratch.0.join("data");
    std::fs::create_dir_all(&data).unwrap();
    let listen = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let toml = format!(
        "listen = \"{}\"\nsmtp_url = \"{url}\"\nmail_from = \"blog@example.org\"\n\
         dkim_key = \"{}\"\ndkim_selector = \"news2026\"\n",
        listen.local_addr().unwrap(),
        key.display()
    );
    drop(listen);
    std::fs::write(data.join("tidings.toml"), toml).unwrap();
    let out = tidings_in(
        &scratch.0,
        &["doctor", "--data", data.to_str().unwrap()],
        None,
    );
    let text = stdout(&out);
    let line = text
        .lines()
        .find(|l| l.contains(" dkim: "))
        .unwrap_or_else(|| panic!("no dkim line: {text}{}", stderr(&out)));
    assert!(line.starts_with("ok"), "{line}");
    assert!(line.contains("news2026._domainkey.example.org"), "{line}");
    let p: String = std::fs::read_to_string(&public)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect();
    assert!(
        line.contains(&format!("v=DKIM1; k=rsa; p={p}")),
        "{line}\n{p}"
    );

    // A key that is not one, or a selector that is not a DNS name, is
    // refused before anything is sent, in words.
    std::fs::write(scratch.0.join("not-a-key.pem"), "hello").unwrap();
    let bad_key = scratch.0.join("not-a-key.pem");
    for (flags, says) in [
        (
            vec![
                "--dkim-key",
                bad_key.to_str().unwrap(),
                "--dkim-selector",
                "s1",
            ],
            "not an RSA private key",
        ),
        (
            vec![
                "--dkim-key",
                key.to_str().unwrap(),
                "--dkim-selector",
                "s 1\r\nBcc: x",
            ],
            "is not a DNS name",
        ),
        (
            vec!["--dkim-key", key.to_str().unwrap()],
            "needs --dkim-selector",
        ),
    ] {
        let args = [
            &["mail", "test", "me@example.org", "--smtp-url", url.as_str()][..],
            &["--mail-from", "blog@example.org"][..],
            &flags[..],
        ]
        .concat();
        let out = app.cli(&args, None);
        assert!(!out.status.success(), "{flags:?}");
        assert!(stderr(&out).contains(says), "{flags:?}: {}", stderr(&out));
    }
}
