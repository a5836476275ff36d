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
