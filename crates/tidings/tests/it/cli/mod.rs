//! The command line as a script or an operator uses it: blogs, the global
//! flags, and failures that exit non-zero with a one-line reason and change
//! nothing; people and tokens in `people.rs`, every command's help in
//! `help.rs`. The helpers here run the real binary for the other files too.

mod help;
mod people;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use reqwest::{Method, StatusCode};

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
