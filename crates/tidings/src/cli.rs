//! The command line (docs/cli.md): every command and flag, and the global
//! flags with their environment variables (docs/configuration.md), so a
//! script and a service file can set the same things.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use tidings_store::{FileAccess, Store};

mod serve;

pub use serve::{HttpsArgs, MailArgs, MediaStoreArgs, ServeArgs};

#[derive(Parser)]
#[command(
    name = "tidings",
    version,
    about = "A self-hosted blog that keeps every Blogger URL."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command takes, before or after the subcommand: where the
/// instance keeps its data and its configuration. Flags that only some
/// commands heed are theirs (`serve`'s `--listen`, …), so no command's help
/// lists a flag it ignores.
#[derive(Args)]
pub struct Global {
    /// Data directory: the SQLite database, media, and its tidings.toml.
    #[arg(
        long,
        env = "TIDINGS_DATA",
        default_value = "./tidings-data",
        global = true
    )]
    pub data: PathBuf,
    /// Database URL (sqlite://… or postgres://…); default: SQLite in the data directory.
    #[arg(long, env = "TIDINGS_DATABASE_URL", global = true)]
    pub database_url: Option<String>,
    /// The configuration file; default: tidings.toml in the data directory, if there is one.
    #[arg(long, env = "TIDINGS_CONFIG", global = true)]
    pub config: Option<PathBuf>,
}

impl Global {
    /// Opens (and migrates) the database, creating the data directory and the
    /// first blog on a fresh install. `serve` maps a SQLite file into memory;
    /// a command that reads each page once reads it ([`FileAccess`]).
    pub async fn open_store(&self, access: FileAccess) -> anyhow::Result<Store> {
        if self.database_url.is_none() {
            std::fs::create_dir_all(&self.data).with_context(|| {
                format!("cannot create the data directory {}", self.data.display())
            })?;
        }
        let url = self.store_url();
        let store = Store::open_with(&url, access)
            .await
            .with_context(|| format!("cannot open the database {}", redact(&url)))?;
        if store.default_blog().await?.is_none() {
            store.create_blog("localhost", "My Tidings Blog").await?;
        }
        Ok(store)
    }

    /// The database this instance uses: `--database-url`, else the SQLite
    /// file in the data directory.
    pub fn store_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.clone(),
            None => Store::sqlite_url(&self.data),
        }
    }
}

/// A database URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{}{user}:***{}", &url[..scheme + 3], &url[at..])
        }
        _ => url.to_owned(),
    }
}

#[derive(Subcommand)]
pub enum Command {
    /// Serve the blog over HTTP.
    Serve(Box<ServeArgs>),
    /// Manage users.
    #[command(subcommand)]
    User(UserCommand),
    /// Manage API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Manage the blogs of this instance.
    #[command(subcommand)]
    Blog(BlogCommand),
    /// Move a blog in from Blogger, WordPress or Markdown files.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Write the whole blog to a file another blog (or Tidings) can import.
    Export(ExportArgs),
    /// A consistent copy of the SQLite database while the server runs.
    Backup(BackupArgs),
    /// The whole blog as static files, for any static web server.
    Render(RenderArgs),
    /// Outgoing mail.
    #[command(subcommand)]
    Mail(MailCommand),
    /// Themes: how blogs' reader pages look.
    #[command(subcommand)]
    Theme(ThemeCommand),
    /// Print the settings `serve` would use, and where each comes from.
    Config,
    /// Check the configuration, the database, mail, media and the listening address.
    Doctor,
}

#[derive(Subcommand)]
pub enum MailCommand {
    /// Send one mail to ADDRESS and print what the server said.
    Test(MailTestArgs),
}

#[derive(Args)]
pub struct MailTestArgs {
    /// Where the test mail goes.
    pub address: String,
    #[command(flatten)]
    pub mail: MailArgs,
}

#[derive(Subcommand)]
pub enum UserCommand {
    /// Add a user with a role on a blog; the password is read from standard input.
    Add(UserAddArgs),
    /// Set a user's password, read from standard input.
    Password(UserPasswordArgs),
    /// List the people with a role on a blog.
    List(BlogChoice),
    /// Take a person's role on a blog away (their account stays for other blogs).
    Remove(UserRemoveArgs),
}

/// Which blog a command acts on.
#[derive(Args)]
pub struct BlogChoice {
    /// The blog's host, when there are several; default: the first blog.
    #[arg(long)]
    pub blog: Option<String>,
}

#[derive(Args)]
pub struct UserRemoveArgs {
    /// The person's e-mail address.
    #[arg(long)]
    pub email: String,
    #[command(flatten)]
    pub blog: BlogChoice,
}

#[derive(Args)]
pub struct UserAddArgs {
    /// Their e-mail address, which they sign in with.
    #[arg(long)]
    pub email: String,
    /// Their name, as readers see it on their posts.
    #[arg(long)]
    pub name: String,
    /// What they may do on the blog.
    #[arg(long, value_parser = ["admin", "author", "contributor"])]
    pub role: String,
    /// Read the password from standard input (required: passwords never go in arguments).
    #[arg(long, required = true)]
    pub password_stdin: bool,
    /// The blog's host, when there are several; default: the first blog.
    #[arg(long)]
    pub blog: Option<String>,
}

#[derive(Args)]
pub struct UserPasswordArgs {
    /// Whose password.
    #[arg(long)]
    pub email: String,
    /// Read the password from standard input (required: passwords never go in arguments).
    #[arg(long, required = true)]
    pub password_stdin: bool,
}

#[derive(Subcommand)]
pub enum TokenCommand {
    /// Create an API token for a user; printed once, as the last line.
    Create(TokenCreateArgs),
    /// List a user's API tokens (ids, labels, when made and last used).
    List(TokenListArgs),
    /// Revoke one API token by its id, or every token of a user with
    /// `--all --email E`.
    Revoke(TokenRevokeArgs),
}

#[derive(Args)]
#[command(group = clap::ArgGroup::new("which").required(true).args(["id", "all"]))]
pub struct TokenRevokeArgs {
    /// The token's id (the admin's tokens page shows them).
    pub id: Option<i64>,
    /// Every token of the user `--email` names.
    #[arg(long, requires = "email")]
    pub all: bool,
    /// Whose tokens `--all` revokes.
    #[arg(long, requires = "all")]
    pub email: Option<String>,
}

#[derive(Args)]
pub struct TokenCreateArgs {
    /// Whose token: it acts as them on every blog where they have a role.
    #[arg(long)]
    pub email: String,
    /// A name for the token, shown on the admin's Tokens page.
    #[arg(long, default_value = "cli")]
    pub label: String,
}

#[derive(Args)]
pub struct TokenListArgs {
    /// Whose tokens.
    #[arg(long)]
    pub email: String,
}

#[derive(Subcommand)]
pub enum ThemeCommand {
    /// Write the built-in theme (reader pages' templates and stylesheet) to
    /// DATA_DIR/themes/NAME/, a starting point for a theme of your own; a
    /// blog uses it once its `theme` setting is NAME.
    Export(ThemeExportArgs),
}

#[derive(Args)]
pub struct ThemeExportArgs {
    /// The theme's name: letters, digits, - and _.
    pub name: String,
    /// Write the built-in files over an existing theme of that name (its
    /// other files stay).
    #[arg(long)]
    pub force: bool,
}

#[derive(Subcommand)]
pub enum BlogCommand {
    /// Add a blog served at HOST, and give it its owner (or print a setup link).
    Add(BlogAddArgs),
    /// List the blogs of this instance.
    List,
}

#[derive(Args)]
pub struct BlogAddArgs {
    /// The host name the blog answers to (blog.example.com, without port or scheme).
    #[arg(long)]
    pub host: String,
    /// The blog's title.
    #[arg(long)]
    pub title: String,
    /// The owner's e-mail address: an account with it becomes the blog's
    /// admin; with no account yet, a one-time setup link for that address
    /// is printed. Without it, a setup link for anyone is printed.
    #[arg(long)]
    pub owner: Option<String>,
}

#[derive(Subcommand)]
pub enum ImportCommand {
    /// A Blogger export: "Back up content" (Atom XML) or Google Takeout's feed.atom.
    #[command(
        long_about = "A Blogger export, either of its two formats, told apart entry by entry:\n\
        - Blogger's \"Back up content\" (Settings → Manage blog), an Atom XML file;\n\
        - Google Takeout's Blogger export, its feed.atom file."
    )]
    Blogger(ImportFetchArgs),
    /// A WordPress export (WXR 1.0 to 1.2).
    Wordpress(ImportFetchArgs),
    /// A Tidings export (`tidings export --format tidings`): the same blog again.
    Tidings(ImportArgs),
    /// A Jekyll or Hugo site: Markdown files with YAML or TOML front matter.
    Markdown(ImportDirArgs),
}

#[derive(Args)]
pub struct ImportDirArgs {
    /// The site's directory (its Markdown files are read, at any depth).
    pub dir: PathBuf,
    /// The blog's host, when there are several; default: the first blog.
    #[arg(long)]
    pub blog: Option<String>,
}

#[derive(Args)]
pub struct ImportArgs {
    /// The export file.
    pub file: PathBuf,
    /// The blog's host, when there are several; default: the first blog.
    #[arg(long)]
    pub blog: Option<String>,
    /// Where uploads go: the store `serve` uses (its flags, variables and
    /// tidings.toml keys).
    #[command(flatten)]
    pub media: MediaStoreArgs,
}

#[derive(Args)]
pub struct ImportFetchArgs {
    #[command(flatten)]
    pub import: ImportArgs,
    /// Also bring the blog's files home and point posts at the copies:
    /// Blogger: every picture the posts show, whatever its host, once at its
    /// largest size, kept as uploads; WordPress: every attachment that is a
    /// picture, kept as an upload, its sized copies (img-300x200.jpg) pointed
    /// at it, and the pictures posts show from elsewhere. Files that fail are
    /// listed and keep their
    /// old addresses; the import stands. Running again fetches only what is
    /// still missing.
    #[arg(long)]
    pub fetch_media: bool,
    /// With --fetch-media: also fetch from this machine and private networks
    /// (127.0.0.0/8, 10.0.0.0/8, 192.168.0.0/16, link-local, fc00::/7, …),
    /// which are refused by default, after every redirect too: an export's
    /// addresses could otherwise make the import read internal services
    /// and publish the answers under /media/.
    #[arg(long, requires = "fetch_media")]
    pub allow_private_addresses: bool,
    /// With --fetch-media: the largest file kept, in MiB.
    #[arg(long, requires = "fetch_media", default_value_t = 50,
          value_parser = clap::value_parser!(u64).range(1..=65536))]
    pub fetch_max_mib: u64,
    /// With --fetch-media: how long one file may take, redirects included, in seconds.
    #[arg(long, requires = "fetch_media", default_value_t = 60,
          value_parser = clap::value_parser!(u64).range(1..=86400))]
    pub fetch_timeout_secs: u64,
}

#[derive(Args)]
pub struct ExportArgs {
    /// tidings (our own, complete), blogger (Atom) or wxr (WordPress).
    #[arg(long, value_parser = ["tidings", "blogger", "wxr"])]
    pub format: String,
    /// The file to write.
    pub file: PathBuf,
    /// The blog's host, when there are several; default: the first blog.
    #[arg(long)]
    pub blog: Option<String>,
    /// Leave out commenters' e-mail addresses, the only personal data an
    /// export carries beyond what the blog shows (addresses of computers
    /// are never exported). For a copy to share; a move keeps them, as
    /// first-time moderation knows commenters by name and e-mail.
    #[arg(long)]
    pub without_personal_data: bool,
    /// Where uploads are read from for `--format tidings`, as `serve` reads them.
    #[command(flatten)]
    pub media: MediaStoreArgs,
}

#[derive(Args)]
pub struct RenderArgs {
    /// The directory to write (new, empty, or an earlier render, which is replaced).
    pub out_dir: PathBuf,
    /// Where the uploads the pages show are read from, as `serve` reads them.
    #[command(flatten)]
    pub media: MediaStoreArgs,
    /// Where the files will be served, for absolute links in feeds and the
    /// sitemap; default: https://HOST of the blog.
    #[arg(long)]
    pub base_url: Option<String>,
    /// The blog's host, when there are several; default: the first blog.
    #[arg(long)]
    pub blog: Option<String>,
}

#[derive(Args)]
pub struct BackupArgs {
    /// The backup file to create (it must not exist).
    pub file: PathBuf,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(
            redact("postgres://u:secret@h:5432/db"),
            "postgres://u:***@h:5432/db"
        );
        assert_eq!(redact("sqlite://x.db"), "sqlite://x.db");
    }

    /// Every option and argument of every command says what it is for, in
    /// one line (`--help` shows it).
    #[test]
    fn every_option_has_a_one_line_description() {
        use clap::CommandFactory;
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                let one_line = arg
                    .get_help()
                    .is_some_and(|h| !h.to_string().contains('\n'));
                if id != "help" && id != "version" && !one_line {
                    missing.push(format!("{path} {id}"));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), missing);
            }
        }
        let mut cli = Cli::command();
        cli.build();
        let mut missing = Vec::new();
        walk(&cli, "tidings", &mut missing);
        assert!(
            missing.is_empty(),
            "options without a description: {missing:?}"
        );
    }

    #[test]
    fn cli_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
