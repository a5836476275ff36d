//! `tidings config`: the settings `serve` would run with, one a line as the
//! file would hold them, each with where it came from, secrets masked.
//! The output is itself a valid `tidings.toml`.

use super::{ConfigFile, Settings};
use crate::cli::redact;

/// Settings whose values are secrets in whole.
const SECRET: &[&str] = &["metrics_token", "s3_secret_access_key"];
/// Settings that are URLs whose password is a secret.
const URLS_WITH_PASSWORDS: &[&str] = &["database_url", "smtp_url"];

pub fn run(file: &Option<ConfigFile>) -> anyhow::Result<()> {
    let settings = super::serve_settings(file)?;
    match file {
        Some(f) => println!("# read {}", f.path.display()),
        None => println!(
            "# no configuration file: none given and no {} in the data directory",
            super::file::FILE_NAME
        ),
    }
    for line in lines(&settings, file) {
        println!("{line}");
    }
    Ok(())
}

/// One line per setting, the global ones first: `key = value  # source`,
/// or a comment naming the variable when it is unset.
fn lines(settings: &Settings, file: &Option<ConfigFile>) -> Vec<String> {
    let command = super::settings_command();
    let (global, own): (Vec<_>, Vec<_>) =
        command.get_arguments().partition(|arg| arg.is_global_set());
    let mut out = Vec::new();
    for arg in global.into_iter().chain(own) {
        let Some(env) = arg.get_env().and_then(|e| e.to_str()) else {
            continue;
        };
        let id = arg.get_id().as_str();
        if id == "config" {
            continue;
        }
        let source = settings.source(id, file, Some(env));
        out.push(match settings.raw(id) {
            Some(value) => format!("{id} = {}  # {source}", toml_value(id, &value)),
            None => format!("# {id} is not set ({env})"),
        });
    }
    out
}

/// The value as TOML: booleans and numbers bare, the rest quoted; secrets
/// masked.
fn toml_value(id: &str, value: &str) -> String {
    if SECRET.contains(&id) {
        return "\"***\"".into();
    }
    let value = if URLS_WITH_PASSWORDS.contains(&id) {
        redact(value)
    } else {
        value.to_owned()
    };
    let bare = value == "true"
        || value == "false"
        || (!value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()));
    if bare { value } else { quoted(&value) }
}

/// A TOML basic string.
fn quoted(value: &str) -> String {
    let mut out = String::from('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
