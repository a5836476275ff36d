//! `tidings.toml`, its place between the environment and
//! the defaults, `tidings config`, and a file with a mistake stopping every
//! command with the file, the line and what was expected.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use reqwest::StatusCode;

use crate::cli::{Scratch, fails_with, stdout, succeeds};
use crate::support::TestApp;

/// The binary with `args` in `dir`, with only the `TIDINGS_*` variables of
/// `env` set.
fn tidings_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tidings"));
    for (name, _) in std::env::vars().filter(|(n, _)| n.starts_with("TIDINGS_")) {
        cmd.env_remove(name);
    }
    cmd.envs(env.iter().copied())
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

/// The line of `tidings config`'s output for `key`.
fn line_of<'a>(out: &'a str, key: &str) -> &'a str {
    out.lines()
        .find(|l| l.starts_with(&format!("{key} = ")))
        .unwrap_or_else(|| panic!("no line for {key} in:\n{out}"))
}

#[test]
fn config_shows_each_value_and_where_it_came_from_with_secrets_masked() {
    let scratch = Scratch::new("config-show");
    let data = scratch.0.join("data");
    std::fs::create_dir_all(&data).unwrap();
    let file = data.join("tidings.toml");
    std::fs::write(
        &file,
        "cache_mib = 128\n\
         listen = \"0.0.0.0:9000\"\n\
         trusted_proxies = [\"10.0.0.1\", \"10.0.0.0/8\"]\n\
         smtp_url = \"smtp://user:hunter2@mail.example.org:587\"\n\
         mail_from = \"blog@example.org\"\n\
         metrics_token = \"a-secret-token-nobody-sees\"\n\
         strict_hosts = true\n",
    )
    .unwrap();
    let data_arg = data.to_str().unwrap();
    let out = tidings_env(
        &scratch.0,
        &["config", "--data", data_arg],
        &[("TIDINGS_CACHE_MIB", "99")],
    );
    succeeds(&out, "tidings config");
    let text = stdout(&out);
    let at = |line: usize| format!("{} line {line}", file.display());

    // The environment wins over the file, the flag over both.
    assert_eq!(
        line_of(&text, "cache_mib"),
        "cache_mib = 99  # environment TIDINGS_CACHE_MIB"
    );
    assert_eq!(
        line_of(&text, "listen"),
        format!("listen = \"0.0.0.0:9000\"  # {}", at(2))
    );
    assert_eq!(
        line_of(&text, "trusted_proxies"),
        format!("trusted_proxies = \"10.0.0.1,10.0.0.0/8\"  # {}", at(3))
    );
    assert_eq!(
        line_of(&text, "strict_hosts"),
        format!("strict_hosts = true  # {}", at(7))
    );
    assert_eq!(
        line_of(&text, "data"),
        format!("data = \"{data_arg}\"  # flag --data")
    );
    assert_eq!(
        line_of(&text, "session_seconds"),
        "session_seconds = 2592000  # default"
    );
    assert!(
        line_of(&text, "smtp_url").contains("smtp://user:***@mail.example.org:587"),
        "{text}"
    );
    assert!(
        !text.contains("hunter2") && !text.contains("a-secret-token"),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("# max_renders is not set")),
        "{text}"
    );
    assert!(
        !data.join("tidings.db").exists(),
        "config opens no database"
    );

    // What it prints is a configuration file itself.
    let copy = scratch.0.join("copy.toml");
    std::fs::write(&copy, &text).unwrap();
    let out = tidings_env(
        &scratch.0,
        &["config", "--config", copy.to_str().unwrap()],
        &[],
    );
    succeeds(&out, "tidings config's output read back");
    assert_eq!(
        line_of(&stdout(&out), "cache_mib"),
        format!("cache_mib = 99  # {} line {}", copy.display(), {
            text.lines()
                .position(|l| l.starts_with("cache_mib"))
                .unwrap()
                + 1
        })
    );
}

#[test]
fn a_mistake_in_the_file_stops_every_command_naming_file_line_and_expectation() {
    let scratch = Scratch::new("config-bad");
    let data = scratch.0.join("data");
    std::fs::create_dir_all(&data).unwrap();
    let file = data.join("tidings.toml");
    let data_arg = data.to_str().unwrap();
    let cases: &[(&str, &[&str])] = &[
        (
            "listen = \"127.0.0.1:0\"\n\ncache_size = 5\n",
            &["line 3", "cache_size", "unknown key"],
        ),
        ("cache_mib = 0\n", &["line 1", "cache_mib", "1..=65536"]),
        (
            "no_cache = \"yes\"\n",
            &["line 1", "no_cache", "expected true or false"],
        ),
        ("listen = \"nowhere\"\n", &["line 1", "listen", "nowhere"]),
        (
            "session_seconds = 1.5\n",
            &["line 1", "session_seconds", "expected a string or a number"],
        ),
        ("# a comment\nlisten = \n", &["line 2"]),
        ("demo = true\n", &["line 1", "demo", "unknown key"]),
        ("data = \"/elsewhere\"\n", &["line 1", "data", "--config"]),
    ];
    for (text, words) in cases {
        std::fs::write(&file, text).unwrap();
        for command in [&["blog", "list"][..], &["config"], &["doctor"]] {
            let mut args = vec!["--data", data_arg];
            args.extend(command);
            let out = tidings_env(&scratch.0, &args, &[]);
            let line = fails_with(&out, words, &format!("{text:?} with {command:?}"));
            assert!(
                line.contains(&file.display().to_string()),
                "the file is named: {line}"
            );
            assert!(stdout(&out).is_empty(), "nothing ran: {}", stdout(&out));
        }
        assert!(
            !data.join("tidings.db").exists(),
            "{text:?}: nothing was created"
        );
    }

    let missing = scratch.0.join("missing.toml");
    let out = tidings_env(
        &scratch.0,
        &[
            "--data",
            data_arg,
            "--config",
            missing.to_str().unwrap(),
            "blog",
            "list",
        ],
        &[],
    );
    fails_with(
        &out,
        &["missing.toml", "cannot read"],
        "a --config that is not there",
    );
}

#[tokio::test]
async fn serve_takes_its_settings_from_the_file_and_flags_win() {
    let scratch = Scratch::new("config-serve");
    let file = scratch.0.join("elsewhere.toml");
    // The test server's `--listen 127.0.0.1:0` wins over the file's port 1.
    std::fs::write(&file, "listen = \"127.0.0.1:1\"\nstrict_hosts = true\n").unwrap();
    let app = TestApp::start_with(&["--config", file.to_str().unwrap()]).await;
    let r = app
        .client
        .get(app.url("/"))
        .header("host", "nobody-has-this.example")
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        StatusCode::NOT_FOUND,
        "strict_hosts = true in the file answers 404 to unknown hosts"
    );
    let r = app
        .client
        .get(app.url("/"))
        .header("host", "localhost")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "the blog's own host is served");
}
