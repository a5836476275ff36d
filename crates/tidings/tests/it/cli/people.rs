//! People and tokens from the command line: `user add`, `user password`,
//! `user list`/`remove`, `token create`/`list`/`revoke`, each refusing bad
//! input with a one-line reason and changing nothing.

use reqwest::{Method, StatusCode};
use serde_json::json;

use super::*;
use crate::support::TestApp;

fn add_user(app: &TestApp, email: &str, role: &str, password: &str) -> Output {
    app.cli(
        &[
            "user",
            "add",
            "--email",
            email,
            "--name",
            "Some One",
            "--role",
            role,
            "--password-stdin",
        ],
        Some(password),
    )
}

/// `token create` for `email` fails: the user does not exist.
fn no_such_user(app: &TestApp, email: &str, context: &str) {
    let out = app.cli(&["token", "create", "--email", email], None);
    assert!(
        !out.status.success(),
        "{context}: no user {email} was created, yet a token was: {}",
        stdout(&out)
    );
}

#[tokio::test]
async fn user_add_refuses_bad_input_and_creates_nothing() {
    let app = TestApp::start().await;

    let out = add_user(&app, "not-an-email", "author", PASSWORD);
    fails_with(&out, &["not-an-email"], "bad email");
    no_such_user(&app, "not-an-email", "bad email");

    let out = add_user(&app, "short@example.com", "author", "short\n");
    fails_with(&out, &["password"], "short password");
    no_such_user(&app, "short@example.com", "short password");

    let out = add_user(&app, "empty@example.com", "author", "");
    fails_with(&out, &["password"], "no password at all");
    no_such_user(&app, "empty@example.com", "no password");

    // clap refuses the role before anything runs; its first line is the reason.
    let out = add_user(&app, "role@example.com", "owner", PASSWORD);
    assert!(!out.status.success(), "bad role exits non-zero");
    let err = stderr(&out);
    let first = err
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    assert!(
        first.contains("owner") && first.contains("role"),
        "the first line names the bad role: {err}"
    );
    no_such_user(&app, "role@example.com", "bad role");

    let out = app.cli(
        &[
            "user",
            "add",
            "--email",
            "nopw@example.com",
            "--name",
            "N",
            "--role",
            "author",
        ],
        Some(PASSWORD),
    );
    assert!(!out.status.success(), "--password-stdin is required");
    no_such_user(&app, "nopw@example.com", "missing --password-stdin");

    let out = app.cli(
        &[
            "user",
            "add",
            "--email",
            "blank@example.com",
            "--name",
            "   ",
            "--role",
            "author",
            "--password-stdin",
        ],
        Some(PASSWORD),
    );
    fails_with(&out, &["name"], "blank name");
    no_such_user(&app, "blank@example.com", "blank name");

    // A good one works, and says so.
    let out = add_user(&app, "Good@Example.com", "author", PASSWORD);
    succeeds(&out, "good user");
    assert!(
        stdout(&out).contains("good@example.com"),
        "{}",
        stdout(&out)
    );

    // Adding the same address again fails, whatever its case.
    let out = add_user(&app, "good@example.com", "admin", PASSWORD);
    fails_with(&out, &["good@example.com", "exists"], "duplicate user");
    let out = add_user(&app, "GOOD@example.com", "admin", PASSWORD);
    fails_with(&out, &["exists"], "duplicate user in capitals");

    // The failed attempts did not turn the author into an admin.
    let out = app.cli(&["token", "create", "--email", "good@example.com"], None);
    succeeds(&out, "token for the good user");
    let token = stdout(&out).lines().last().unwrap().trim().to_owned();
    let (status, body) = app
        .api_as(
            &token,
            Method::PATCH,
            "/blog",
            Some(json!({"title": "Mine"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "still an author: {body}");
}

#[tokio::test]
async fn token_create_prints_a_working_token_last() {
    let app = TestApp::start().await;
    succeeds(
        &add_user(&app, "writer@example.com", "author", PASSWORD),
        "user add",
    );

    let out = app.cli(
        &[
            "token",
            "create",
            "--email",
            "writer@example.com",
            "--label",
            "laptop",
        ],
        None,
    );
    succeeds(&out, "token create");
    let printed = stdout(&out);
    let token = printed
        .lines()
        .last()
        .expect("a line on stdout")
        .trim()
        .to_owned();
    assert!(
        !token.is_empty() && !token.contains(' '),
        "the last line is the token alone: {printed:?}"
    );
    assert!(
        !stderr(&out).contains(&token),
        "the token is not logged to stderr"
    );

    let (status, blog) = app.api_as(&token, Method::GET, "/blog", None).await;
    assert_eq!(status, StatusCode::OK, "{blog}");
    let (status, post) = app
        .api_as(
            &token,
            Method::POST,
            "/posts",
            Some(json!({"title": "From the CLI token", "body": "x", "status": "published"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{post}");
    assert_eq!(post["author"], "Some One");

    // A second token is a different one, and both work.
    let out = app.cli(&["token", "create", "--email", "writer@example.com"], None);
    succeeds(&out, "second token");
    let second = stdout(&out).lines().last().unwrap().trim().to_owned();
    assert_ne!(second, token);
    for t in [&token, &second] {
        assert_eq!(
            app.api_as(t, Method::GET, "/posts", None).await.0,
            StatusCode::OK
        );
    }

    let out = app.cli(&["token", "create", "--email", "nobody@example.com"], None);
    fails_with(&out, &["nobody@example.com"], "token for an unknown user");
    assert!(
        stdout(&out).trim().is_empty(),
        "no token printed: {}",
        stdout(&out)
    );
    let out = app.cli(
        &[
            "token",
            "create",
            "--email",
            "writer@example.com",
            "--label",
            "  ",
        ],
        None,
    );
    fails_with(&out, &["label"], "blank label");
}

#[tokio::test]
async fn user_password_changes_a_password() {
    let app = TestApp::start().await;
    succeeds(
        &add_user(&app, "pat@example.com", "author", PASSWORD),
        "user add",
    );

    let out = app.cli(
        &[
            "user",
            "password",
            "--email",
            "pat@example.com",
            "--password-stdin",
        ],
        Some("a brand new password\n"),
    );
    succeeds(&out, "user password");
    assert!(stdout(&out).contains("pat@example.com"), "{}", stdout(&out));
    let out = app.cli(
        &[
            "user",
            "password",
            "--email",
            "PAT@example.com",
            "--password-stdin",
        ],
        Some("yet another password\n"),
    );
    succeeds(&out, "user password, email in capitals");

    let out = app.cli(
        &[
            "user",
            "password",
            "--email",
            "ghost@example.com",
            "--password-stdin",
        ],
        Some("a brand new password\n"),
    );
    fails_with(&out, &["ghost@example.com"], "unknown email");
    let out = app.cli(
        &[
            "user",
            "password",
            "--email",
            "pat@example.com",
            "--password-stdin",
        ],
        Some("tiny\n"),
    );
    fails_with(&out, &["password"], "too short");
    let long = format!("{}\n", "p".repeat(500));
    let out = app.cli(
        &[
            "user",
            "password",
            "--email",
            "pat@example.com",
            "--password-stdin",
        ],
        Some(&long),
    );
    fails_with(&out, &["password"], "too long");

    // The user is still there and still gets tokens.
    succeeds(
        &app.cli(&["token", "create", "--email", "pat@example.com"], None),
        "token after password change",
    );
}

#[tokio::test]
async fn user_list_and_remove() {
    let app = TestApp::start().await;
    succeeds(
        &add_user(&app, "ann@example.com", "admin", PASSWORD),
        "add ann",
    );
    let bob = app.member_token("bob@example.com", "Bob", "author", None);

    let out = app.cli(&["user", "list"], None);
    succeeds(&out, "user list");
    let list = stdout(&out);
    assert!(list.contains("ann@example.com\tadmin\tSome One"), "{list}");
    assert!(list.contains("bob@example.com\tauthor\tBob"), "{list}");

    let out = app.cli(&["user", "remove", "--email", "Bob@Example.com"], None);
    succeeds(&out, "user remove");
    assert_eq!(
        stdout(&out).trim(),
        "removed bob@example.com from localhost"
    );
    let list = stdout(&app.cli(&["user", "list"], None));
    assert!(!list.contains("bob@"), "{list}");
    assert!(list.contains("ann@example.com"), "{list}");
    assert_eq!(
        app.api_as(&bob, Method::GET, "/blog", None).await.0,
        StatusCode::FORBIDDEN,
        "a removed person's token no longer opens the blog"
    );

    let out = app.cli(&["user", "remove", "--email", "bob@example.com"], None);
    fails_with(&out, &["no role"], "removing again");
    let out = app.cli(&["user", "remove", "--email", "nobody@example.com"], None);
    fails_with(&out, &["nobody@example.com"], "no such user");
    let out = app.cli(
        &[
            "user",
            "remove",
            "--email",
            "ann@example.com",
            "--blog",
            "nowhere.example",
        ],
        None,
    );
    fails_with(&out, &["nowhere.example"], "no such blog");
    assert!(stdout(&app.cli(&["user", "list"], None)).contains("ann@example.com"));
}

#[tokio::test]
async fn token_list_and_revoke_by_its_id() {
    let app = TestApp::start().await;
    succeeds(
        &add_user(&app, "tess@example.com", "author", PASSWORD),
        "add",
    );
    let create = |label: &str| {
        let out = app.cli(
            &[
                "token",
                "create",
                "--email",
                "tess@example.com",
                "--label",
                label,
            ],
            None,
        );
        succeeds(&out, "token create");
        stdout(&out).lines().last().unwrap().trim().to_owned()
    };
    let laptop = create("laptop");
    let phone = create("phone");
    assert_eq!(
        app.api_as(&phone, Method::GET, "/blog", None).await.0,
        StatusCode::OK
    );

    let out = app.cli(&["token", "list", "--email", "tess@example.com"], None);
    succeeds(&out, "token list");
    let list = stdout(&out);
    let rows: Vec<Vec<&str>> = list.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 2, "{list}");
    let row = |label: &str| rows.iter().find(|r| r[1] == label).unwrap().clone();
    assert_eq!(row("laptop")[3], "never used", "{list}");
    assert_ne!(row("phone")[3], "never used", "{list}");
    assert!(
        !list.contains(&laptop) && !list.contains(&phone),
        "no secrets listed"
    );

    let out = app.cli(&["token", "revoke", row("phone")[0]], None);
    succeeds(&out, "token revoke ID");
    assert_eq!(
        app.api_as(&phone, Method::GET, "/blog", None).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.api_as(&laptop, Method::GET, "/blog", None).await.0,
        StatusCode::OK
    );
    let list = stdout(&app.cli(&["token", "list", "--email", "tess@example.com"], None));
    assert_eq!(list.lines().count(), 1, "{list}");

    let out = app.cli(&["token", "list", "--email", "nobody@example.com"], None);
    fails_with(&out, &["nobody@example.com"], "token list of nobody");
}
