//! `tidings.toml`: read, every key checked against the flag it stands for,
//! and each refusal naming the file, the line and what was expected.
//!
//! The file holds the instance's settings: a key for every flag that has a
//! `TIDINGS_*` variable (its long name, `_` for `-`). Flags of one run
//! (`--demo`, `--email`, …) have none, so a key for them is unknown.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::{Arg, ArgAction, Command};
use toml::de::{DeTable, DeValue};

/// The file's name in the data directory.
pub const FILE_NAME: &str = "tidings.toml";

/// A configuration file, read and checked.
pub struct ConfigFile {
    pub path: PathBuf,
    /// Each key with its value as the flag would take it, and its line.
    entries: BTreeMap<String, Entry>,
}

struct Entry {
    value: String,
    line: usize,
}

impl ConfigFile {
    /// `--config FILE` (which must exist), else `tidings.toml` in the data
    /// directory when there is one.
    pub fn find(
        explicit: Option<&Path>,
        data: &Path,
        settings: &Command,
    ) -> anyhow::Result<Option<Self>> {
        let (path, from_data_dir) = match explicit {
            Some(path) => (path.to_owned(), false),
            None => {
                let path = data.join(FILE_NAME);
                if !path.exists() {
                    return Ok(None);
                }
                (path, true)
            }
        };
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read the configuration file {}", path.display()))?;
        let file = Self::parse(path, &text, settings)?;
        if from_data_dir && let Some(entry) = file.entries.get("data") {
            bail!(
                "{}: the data directory's own file cannot name another data directory; \
                 use --config FILE for a file kept elsewhere",
                file.place(entry.line, "data")
            );
        }
        Ok(Some(file))
    }

    /// Parses `text`, refusing a key no setting has and a value its flag
    /// would refuse. `settings` is the command whose flags are the keys.
    pub fn parse(path: PathBuf, text: &str, settings: &Command) -> anyhow::Result<Self> {
        let mut file = Self {
            path,
            entries: BTreeMap::new(),
        };
        let table = DeTable::parse(text).map_err(|e| {
            let line = e.span().map_or(1, |s| line_of(text, s.start));
            anyhow::anyhow!(
                "{}: {}",
                file.at(line),
                e.message().trim().replace('\n', "; ")
            )
        })?;
        for (key, value) in table.get_ref() {
            let line = line_of(text, key.span().start);
            let name: &str = key.get_ref();
            let Some(arg) = setting(settings, name) else {
                bail!(
                    "{}: unknown key {name:?}; the keys are the long names of serve's flags \
                     with _ for - (see `tidings serve --help`)",
                    file.at(line)
                );
            };
            let value = flag_value(arg, value.get_ref())
                .and_then(|v| check(arg, &v).map(|()| v))
                .map_err(|why| anyhow::anyhow!("{}: {why}", file.place(line, name)))?;
            file.entries.insert(name.to_owned(), Entry { value, line });
        }
        Ok(file)
    }

    /// The file's value for the setting `key`, as its flag takes it.
    pub fn value(&self, key: &str) -> Option<&str> {
        self.entries.get(key).map(|e| e.value.as_str())
    }

    /// Where `key` was set: `FILE line N`.
    pub fn source(&self, key: &str) -> Option<String> {
        self.entries.get(key).map(|e| self.at(e.line))
    }

    /// Every command with the file's values as its flags' defaults, so a
    /// flag and a variable still win over the file, and the file over the
    /// built-in default.
    pub fn as_defaults(&self, cmd: Command) -> Command {
        let cmd = cmd.mut_args(|arg| match self.value(arg.get_id().as_str()) {
            Some(value) if arg.get_env().is_some() => arg.default_value(value.to_owned()),
            _ => arg,
        });
        cmd.mut_subcommands(|sub| self.as_defaults(sub))
    }

    fn at(&self, line: usize) -> String {
        format!("{} line {line}", self.path.display())
    }

    fn place(&self, line: usize, key: &str) -> String {
        format!("{}: {key}", self.at(line))
    }
}

/// The flag of `settings` that key `name` stands for: one with a variable.
fn setting<'a>(settings: &'a Command, name: &str) -> Option<&'a Arg> {
    settings
        .get_arguments()
        .find(|a| a.get_env().is_some() && a.get_id() == name && name != "config")
}

/// A TOML value as the flag's text: `true`/`false` for a switch, a number
/// or a string for a value, a list of strings joined by commas.
fn flag_value(arg: &Arg, value: &DeValue<'_>) -> Result<String, String> {
    if matches!(arg.get_action(), ArgAction::SetTrue) {
        return value
            .as_bool()
            .map(|b| b.to_string())
            .ok_or_else(|| format!("expected true or false, found {}", value.type_str()));
    }
    match value {
        DeValue::String(s) => Ok(s.to_string()),
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .map(|n| n.to_string())
            .map_err(|_| format!("{} is too large a number", i.as_str())),
        DeValue::Array(items) => items
            .iter()
            .map(|item| {
                item.get_ref()
                    .as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| "expected a list of strings".to_owned())
            })
            .collect::<Result<Vec<_>, _>>()
            .map(|items| items.join(",")),
        other => Err(format!(
            "expected a string or a number, found {}",
            other.type_str()
        )),
    }
}

/// Whether the flag takes `value`, by its own parser, so the file is held to
/// what the command line is; the refusal says what was expected.
fn check(arg: &Arg, value: &str) -> Result<(), String> {
    let long = arg.get_long().unwrap_or("value");
    let probe = Command::new("check").color(clap::ColorChoice::Never).arg(
        arg.clone()
            .required(false)
            .global(false)
            .env(None::<&str>)
            .default_value(None::<&str>),
    );
    let args = match arg.get_action() {
        ArgAction::SetTrue if value == "true" => vec![OsString::from(format!("--{long}"))],
        ArgAction::SetTrue => vec![],
        _ => vec![format!("--{long}={value}").into()],
    };
    match probe.try_get_matches_from(std::iter::once(OsString::from("check")).chain(args)) {
        Ok(_) => Ok(()),
        Err(e) => Err(match std::error::Error::source(&e) {
            Some(why) => format!("{value:?} is not valid: {why}"),
            None => first_line(&e.to_string()),
        }),
    }
}

fn first_line(message: &str) -> String {
    let line = message.lines().next().unwrap_or(message);
    line.trim_start_matches("error: ").to_owned()
}

/// The 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}
