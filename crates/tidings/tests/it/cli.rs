//! The command line of SPEC section 2: users, tokens, blogs, global flags, and
//! failures that exit non-zero with a one-line reason and change nothing.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::TestApp;

const PASSWORD: &str = "a long enough password\n";

pub(crate) fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub(crate) fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts the command failed with a one-line reason on stderr that mentions
/// each of `words`, and answers that line.
pub(crate) fn fails_with(out: &Output, words: &[&str], context: &str) -> String {
    assert!(
        !out.status.success(),
        "{context}: should fail, but exited 0; stdout: {}",
        stdout(out)
    );
    let err = stderr(out);
    let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "{context}: one line on stderr, got:\n{err}");
    let line = lines[0];
    for w in words {
        assert!(
            line.to_lowercase().contains(&w.to_lowercase()),
            "{context}: the reason names {w:?}: {line}"
        );
    }
    line.to_owned()
}

pub(crate) fn succeeds(out: &Output, context: &str) {
    assert!(
        out.status.success(),
        "{context}: exited {:?}; stderr: {}",
        out.status.code(),
        stderr(out)
    );
}

/// The binary with exactly `args`, run in `dir`, with `stdin` fed to it.
pub(crate) fn tidings_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(args)
        .current_dir(dir)
        .env_remove("TIDINGS_DATA")
        .env_remove("TIDINGS_DATABASE_URL")
        .env_remove("TIDINGS_LISTEN")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(s) = stdin {
        // The command may refuse its arguments and exit before reading stdin.
        let _ = input.write_all(s.as_bytes());
    }
    drop(input);
    child.wait_with_output().unwrap()
}

/// An empty scratch directory, removed when dropped.
pub(crate) struct Scratch(pub PathBuf);

impl Scratch {
    pub(crate) fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("tidings-cli-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

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
async fn blog_add_and_list() {
    let app = TestApp::start().await;
    let out = app.cli(&["blog", "list"], None);
    succeeds(&out, "blog list");
    assert_eq!(
        stdout(&out).lines().count(),
        1,
        "a fresh instance has one blog: {}",
        stdout(&out)
    );

    let out = app.cli(
        &[
            "blog",
            "add",
            "--host",
            "Cooking.Example.com",
            "--title",
            "Kitchen Notes",
        ],
        None,
    );
    succeeds(&out, "blog add");
    let list = stdout(&app.cli(&["blog", "list"], None));
    assert_eq!(list.lines().count(), 2, "{list}");
    let line = list
        .lines()
        .find(|l| l.contains("cooking.example.com"))
        .unwrap_or_else(|| panic!("the new blog is listed, host in lower case: {list}"));
    assert!(line.contains("Kitchen Notes"), "{line}");

    // The running server serves it to requests for that host.
    let r = app
        .client
        .get(app.url("/"))
        .header("Host", "cooking.example.com")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.text().await.unwrap().contains("Kitchen Notes"));
    assert!(
        !app.page("/").await.contains("Kitchen Notes"),
        "other hosts get the first blog"
    );

    for host in [
        "http://bad.example.com",
        "bad.example.com:8080",
        "",
        "-bad.example.com",
        "has space.example.com",
        "bad/path",
        "under_score.example.com",
    ] {
        let flag = format!("--host={host}");
        let out = app.cli(&["blog", "add", &flag, "--title", "Nope"], None);
        fails_with(&out, &["host"], &format!("host {host:?}"));
    }
    let out = app.cli(
        &[
            "blog",
            "add",
            "--host",
            "cooking.example.com",
            "--title",
            "Again",
        ],
        None,
    );
    fails_with(&out, &["cooking.example.com"], "duplicate host");
    let out = app.cli(
        &[
            "blog",
            "add",
            "--host",
            "empty.example.com",
            "--title",
            "  ",
        ],
        None,
    );
    fails_with(&out, &["title"], "blank title");
    let list = stdout(&app.cli(&["blog", "list"], None));
    assert_eq!(list.lines().count(), 2, "nothing was added: {list}");
    assert!(!list.contains("Nope") && !list.contains("Again"));
}

#[tokio::test]
async fn global_flags_go_after_the_subcommand_too() {
    let app = TestApp::start().await;
    let cwd = Scratch::new("flags");
    let data = app.data.to_str().unwrap();

    // On the PostgreSQL half, the database URL goes after the subcommand too.
    let db = app.database_args();
    let db: Vec<&str> = db.iter().map(String::as_str).collect();
    let mut args = vec![
        "user",
        "add",
        "--email",
        "late@example.com",
        "--name",
        "Late",
        "--role",
        "author",
        "--password-stdin",
        "--data",
        data,
    ];
    args.extend(&db);
    let out = tidings_in(&cwd.0, &args, Some(PASSWORD));
    succeeds(&out, "user add … --data DIR");
    let mut args = vec![
        "token",
        "create",
        "--data",
        data,
        "--email",
        "late@example.com",
    ];
    args.extend(&db);
    let out = tidings_in(&cwd.0, &args, None);
    succeeds(&out, "token create --data DIR …");
    let token = stdout(&out).lines().last().unwrap().trim().to_owned();
    assert_eq!(
        app.api_as(&token, Method::GET, "/blog", None).await.0,
        StatusCode::OK,
        "the user went to the server's database"
    );

    let mut args = vec!["blog", "list", "--data", data];
    args.extend(&db);
    let out = tidings_in(&cwd.0, &args, None);
    succeeds(&out, "blog list --data DIR");
    assert!(stdout(&out).contains("localhost"));
    let mut args = vec![
        "blog",
        "add",
        "--data",
        data,
        "--host",
        "late.example.com",
        "--title",
        "Late Blog",
    ];
    args.extend(&db);
    let out = tidings_in(&cwd.0, &args, None);
    succeeds(&out, "blog add --data DIR …");
    assert!(stdout(&app.cli(&["blog", "list"], None)).contains("late.example.com"));

    // The environment works as well as the flag.
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tidings"));
    match db.get(1) {
        Some(url) => cmd.env("TIDINGS_DATABASE_URL", url),
        None => cmd.env_remove("TIDINGS_DATABASE_URL"),
    };
    let child = cmd
        .args(["blog", "list"])
        .current_dir(&cwd.0)
        .env("TIDINGS_DATA", data)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = child.wait_with_output().unwrap();
    succeeds(&out, "TIDINGS_DATA");
    assert!(stdout(&out).contains("late.example.com"));

    assert!(
        !cwd.0.join("tidings-data").exists(),
        "no default data directory was used"
    );
}

#[tokio::test]
async fn unsupported_database_urls_are_refused() {
    let cwd = Scratch::new("dburl");
    let fresh = cwd.0.join("fresh-data");
    let fresh = fresh.to_str().unwrap();
    for (url, words) in [
        ("mysql://user:secret@localhost/blog", &["mysql"][..]),
        ("mongodb://localhost/blog", &["mongodb"][..]),
        ("not a url", &["database"][..]),
    ] {
        let out = tidings_in(
            &cwd.0,
            &["--data", fresh, "--database-url", url, "blog", "list"],
            None,
        );
        let line = fails_with(&out, words, url);
        assert!(!line.contains("secret"), "passwords are not echoed: {line}");
        // After the subcommand too.
        let out = tidings_in(
            &cwd.0,
            &["blog", "list", "--data", fresh, "--database-url", url],
            None,
        );
        fails_with(&out, words, &format!("{url} after the subcommand"));
    }
    assert!(
        !Path::new(fresh).exists(),
        "a refused database URL creates nothing"
    );
    assert!(!cwd.0.join("tidings-data").exists());

    let out = tidings_in(
        &cwd.0,
        &["--data", fresh, "serve", "--listen", "not-an-address"],
        None,
    );
    assert!(!out.status.success(), "a bad --listen is refused");
    assert!(stderr(&out).contains("not-an-address"), "{}", stderr(&out));
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

/// Every command's `--help`, as a script or a pager reads it.
fn help(args: &[&str]) -> String {
    let cwd = Scratch::new("help");
    let mut all = args.to_vec();
    all.push("--help");
    let out = tidings_in(&cwd.0, &all, None);
    succeeds(&out, &format!("{args:?} --help"));
    stdout(&out)
}

#[test]
fn help_lists_only_the_flags_a_command_heeds_without_colour() {
    let serve = help(&["serve"]);
    for flag in [
        "--listen",
        "--trusted-proxies",
        "--metrics-allow",
        "--data",
        "--config",
    ] {
        assert!(serve.contains(flag), "serve --help lists {flag}:\n{serve}");
    }
    for command in [
        &["user", "add"][..],
        &["import", "blogger"],
        &["backup"],
        &["blog", "list"],
    ] {
        let text = help(command);
        for global in ["--data", "--database-url", "--config"] {
            assert!(text.contains(global), "{command:?} lists {global}:\n{text}");
        }
        for other in ["--listen", "--trusted-proxies", "--smtp-url"] {
            assert!(
                !text.contains(other),
                "{command:?} does not list {other}:\n{text}"
            );
        }
    }
    let blogger = help(&["import", "blogger"]);
    assert!(
        blogger.contains("Back up content") && blogger.contains("Takeout"),
        "both Blogger formats are named:\n{blogger}"
    );
    for command in [&[][..], &["serve"], &["doctor"], &["token", "list"]] {
        assert!(
            !help(command).contains('\u{1b}'),
            "{command:?}: no colour codes off a terminal"
        );
    }
}
