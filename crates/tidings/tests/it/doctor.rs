//! `tidings doctor`, run as an operator would, on a fresh
//! machine, beside a running server, and with everything pointing nowhere.

use std::net::TcpListener;

use crate::cli::{Scratch, stderr, stdout, tidings_in};
use crate::support::TestApp;

/// The doctor's line for `check`.
fn line<'a>(out: &'a str, check: &str) -> &'a str {
    out.lines()
        .find(|l| l.split_whitespace().nth(1) == Some(&format!("{check}:")))
        .unwrap_or_else(|| panic!("no line for {check} in:\n{out}"))
}

fn free_port() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().to_string()
}

#[test]
fn a_fresh_data_directory_passes_and_says_what_is_not_set_up() {
    let scratch = Scratch::new("doctor-fresh");
    let data = scratch.0.join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(
        data.join("tidings.toml"),
        format!("listen = \"{}\"\n", free_port()),
    )
    .unwrap();
    let out = tidings_in(
        &scratch.0,
        &["doctor", "--data", data.to_str().unwrap()],
        None,
    );
    let text = stdout(&out);
    assert!(out.status.success(), "{text}{}", stderr(&out));
    assert!(line(&text, "configuration").starts_with("ok"), "{text}");
    assert!(
        line(&text, "configuration").contains("tidings.toml"),
        "{text}"
    );
    assert!(line(&text, "database").starts_with("note"), "{text}");
    assert!(line(&text, "database").contains("tidings serve"), "{text}");
    assert!(line(&text, "mail").starts_with("note"), "{text}");
    assert!(line(&text, "mail").contains("off"), "{text}");
    assert!(line(&text, "media").starts_with("ok"), "{text}");
    assert!(line(&text, "listen").starts_with("ok"), "{text}");
    assert!(line(&text, "https").starts_with("note"), "{text}");
    assert!(line(&text, "https").contains("--tls-acme"), "{text}");
    assert_eq!(text.lines().count(), 7, "one line per check:\n{text}");
    assert!(
        !data.join("tidings.db").exists() && !data.join("media").exists(),
        "the doctor creates nothing"
    );
}

#[tokio::test]
async fn beside_a_running_server_everything_answers() {
    let app = TestApp::start().await;
    let addr = app.base.trim_start_matches("http://");
    // With the server's own address, as its service would have it.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tidings"))
        .arg("--data")
        .arg(&app.data)
        .args(app.database_args())
        .arg("doctor")
        .env("TIDINGS_LISTEN", addr)
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{text}{}", stderr(&out));
    assert!(line(&text, "database").starts_with("ok"), "{text}");
    assert!(line(&text, "database").contains("1 blog"), "{text}");
    assert!(line(&text, "listen").starts_with("ok"), "{text}");
    assert!(line(&text, "listen").contains("running Tidings"), "{text}");
    let media = line(&text, "media");
    assert!(media.starts_with("ok"), "{text}");
    if app.database_args().is_empty() {
        assert!(media.contains("writable"), "{media}");
    } else {
        assert!(media.contains("kept in the database"), "{media}");
    }
}

#[test]
fn what_fails_is_named_with_the_fix_and_the_exit_says_so() {
    let scratch = Scratch::new("doctor-fails");
    let data = scratch.0.join("data");
    std::fs::create_dir_all(&data).unwrap();
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let taken_addr = taken.local_addr().unwrap().to_string();
    std::fs::write(
        data.join("tidings.toml"),
        format!(
            "database_url = \"postgres://tidings:secret@127.0.0.1:1/blog\"\n\
             smtp_url = \"smtp://127.0.0.1:1\"\n\
             mail_from = \"blog@example.org\"\n\
             listen = \"{taken_addr}\"\n"
        ),
    )
    .unwrap();
    let out = tidings_in(
        &scratch.0,
        &["doctor", "--data", data.to_str().unwrap()],
        None,
    );
    let text = stdout(&out);
    assert!(!out.status.success(), "failures exit non-zero:\n{text}");
    let db = line(&text, "database");
    assert!(db.starts_with("FAIL"), "{text}");
    assert!(
        db.contains("127.0.0.1:1") && db.contains("is PostgreSQL running"),
        "{db}"
    );
    assert!(!db.contains("secret"), "no password is shown: {db}");
    let mail = line(&text, "mail");
    assert!(
        mail.starts_with("FAIL") && mail.contains("127.0.0.1:1"),
        "{mail}"
    );
    let listen = line(&text, "listen");
    assert!(
        listen.starts_with("FAIL") && listen.contains("in use"),
        "{listen}"
    );
    assert!(
        line(&text, "media").starts_with("note"),
        "where uploads go waits for the database: {text}"
    );
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    for check in ["database", "mail", "listen"] {
        assert!(err.contains(check), "the exit names {check}: {err}");
    }
    drop(taken);
}

#[tokio::test]
async fn a_media_bucket_is_asked_whether_it_answers() {
    let Some(bucket) = crate::support::s3_bucket() else {
        return;
    };
    let app = TestApp::start().await;
    let doctor = |args: &[String]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_tidings"))
            .arg("--data")
            .arg(&app.data)
            .args(app.database_args())
            .arg("doctor")
            .env("TIDINGS_LISTEN", free_port())
            .env("TIDINGS_MEDIA_STORE", &args[1])
            .env("AWS_ACCESS_KEY_ID", &args[3])
            .env("AWS_SECRET_ACCESS_KEY", &args[5])
            .output()
            .unwrap();
        (out.status.success(), stdout(&out))
    };
    let args = crate::support::s3_serve_args(&bucket);
    let (ok, text) = doctor(&args);
    assert!(ok, "{text}");
    let media = line(&text, "media");
    assert!(
        media.starts_with("ok") && media.contains("s3://tidings-test/"),
        "{text}"
    );

    // The wrong secret: named as the failure, with what to check.
    let mut wrong = args.clone();
    wrong[5] = "not-the-secret".into();
    let (ok, text) = doctor(&wrong);
    assert!(!ok, "{text}");
    let media = line(&text, "media");
    assert!(
        media.starts_with("FAIL") && media.contains("AWS_SECRET_ACCESS_KEY"),
        "{text}"
    );
    assert!(
        !text.contains("not-the-secret") && !text.contains("tidings-test-secret"),
        "{text}"
    );
}
