//! Every command's `--help`: only the flags it heeds, each described, and
//! no colour codes when read by a script.

use super::*;

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

/// The server's log read from a pipe (a journal, a file) is plain text.
#[tokio::test]
async fn the_log_has_no_colour_codes_off_a_terminal() {
    let app = crate::support::TestApp::start().await;
    assert_eq!(app.get("/").await.status(), reqwest::StatusCode::OK);
    let log = app.log();
    assert!(log.contains("INFO"), "{log}");
    assert!(
        !log.contains('\u{1b}'),
        "no escape codes in the log:\n{log}"
    );
}
