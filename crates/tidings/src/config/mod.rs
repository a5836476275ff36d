//! Where each setting comes from: a flag, then its `TIDINGS_*` variable,
//! then `tidings.toml` (the data directory's, or `--config FILE`), then the
//! built-in default.
//!
//! clap already ranks a flag over its variable over a default, so the file
//! is read between two parses: the first finds `--data` and `--config`, the
//! file's values become the flags' defaults, and the second parse is the
//! command line the program runs with. The file is checked whole, whatever
//! the command, so a mistake in it stops every start, not only `serve`'s.

mod file;
pub mod show;

use std::ffi::OsString;
use std::path::PathBuf;

use clap::parser::ValueSource;
use clap::{ArgMatches, Command, CommandFactory, FromArgMatches};

pub use file::ConfigFile;

use crate::cli::{Cli, ServeArgs};

/// The command line to run, and the file it read.
pub struct Loaded {
    pub cli: Cli,
    pub file: Option<ConfigFile>,
}

/// Parses the process's arguments with the configuration file between them
/// and the defaults. Wrong usage exits as clap does (status 2); a bad file is
/// an error naming the file and the line.
pub fn load() -> anyhow::Result<Loaded> {
    let argv: Vec<OsString> = std::env::args_os().collect();
    let first = Cli::command().get_matches_from(&argv);
    let file = read_file(&first)?;
    let matches = with_file(&file).get_matches_from(&argv);
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    Ok(Loaded { cli, file })
}

/// The settings `serve` runs with (each with where it came from), for the
/// commands that report on them: `config` and `doctor`. The global flags
/// this command line gave stand; the rest comes from the environment, the
/// file and the defaults, as it would for `tidings serve`.
pub fn serve_settings(file: &Option<ConfigFile>) -> anyhow::Result<Settings> {
    let first = Cli::command().get_matches_from(std::env::args_os());
    let mut argv: Vec<OsString> = vec!["tidings".into()];
    for id in ["data", "database_url", "config"] {
        if first.value_source(id) == Some(ValueSource::CommandLine)
            && let Some(value) = first.get_raw(id).and_then(|mut v| v.next())
        {
            let mut flag = OsString::from(format!("--{}=", id.replace('_', "-")));
            flag.push(value);
            argv.push(flag);
        }
    }
    argv.push("serve".into());
    let matches = with_file(file).try_get_matches_from(argv)?;
    let serve = matches
        .subcommand_matches("serve")
        .expect("the serve subcommand was given")
        .clone();
    let global = crate::cli::Global::from_arg_matches(&matches)?;
    let args = ServeArgs::from_arg_matches(&serve)?;
    Ok(Settings {
        global,
        args,
        matches: serve,
    })
}

/// `serve`'s effective settings and the matches that tell their sources.
pub struct Settings {
    pub global: crate::cli::Global,
    pub args: ServeArgs,
    matches: ArgMatches,
}

impl Settings {
    /// Where the setting `id` came from, in words.
    pub fn source(&self, id: &str, file: &Option<ConfigFile>, env: Option<&str>) -> String {
        match self.matches.value_source(id) {
            Some(ValueSource::CommandLine) => format!("flag --{}", id.replace('_', "-")),
            Some(ValueSource::EnvVariable) => format!("environment {}", env.unwrap_or("")),
            _ => match file.as_ref().and_then(|f| f.source(id)) {
                Some(at) => at,
                None => "default".into(),
            },
        }
    }

    /// The setting's value as text, `None` when it has none.
    pub fn raw(&self, id: &str) -> Option<String> {
        let mut values = self.matches.get_raw(id)?;
        let first = values.next()?;
        Some(first.to_string_lossy().into_owned())
    }
}

/// The settings the file may hold: `serve` with the global flags, as clap
/// builds it (the globals copied in).
pub fn settings_command() -> Command {
    let mut cli = Cli::command();
    cli.build();
    cli.find_subcommand("serve")
        .expect("tidings has a serve command")
        .clone()
}

fn read_file(first: &ArgMatches) -> anyhow::Result<Option<ConfigFile>> {
    let explicit = first.get_one::<PathBuf>("config");
    let data = first
        .get_one::<PathBuf>("data")
        .expect("--data has a default");
    ConfigFile::find(explicit.map(PathBuf::as_path), data, &settings_command())
}

fn with_file(file: &Option<ConfigFile>) -> Command {
    match file {
        Some(file) => file.as_defaults(Cli::command()),
        None => Cli::command(),
    }
}
