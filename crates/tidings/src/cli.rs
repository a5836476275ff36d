//! The command line (docs/cli.md): every command and flag, and the global
//! flags with their environment variables (docs/configuration.md), so a
//! script and a service file can set the same things.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use tidings_store::Store;

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
    /// first blog on a fresh install.
    pub async fn open_store(&self) -> anyhow::Result<Store> {
        if self.database_url.is_none() {
            std::fs::create_dir_all(&self.data).with_context(|| {
                format!("cannot create the data directory {}", self.data.display())
            })?;
        }
        let url = self.store_url();
        let store = Store::open(&url)
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
    /// Print the settings `serve` would use, and where each comes from.
    Config,
    /// Check the configuration, the database, mail, media and the listening address.
    Doctor,
}

/// Where mail goes: both flags, or neither (mail is off).
#[derive(Args, Clone, Default)]
pub struct MailArgs {
    /// The SMTP server mail goes through: smtp://[user:pass@]host[:port]
    /// (STARTTLS when the server offers it) or smtps://… (TLS from the
    /// start). Without it nothing is mailed.
    #[arg(long, env = "TIDINGS_SMTP_URL")]
    pub smtp_url: Option<String>,
    /// Who mail comes from: blog@example.org or "My Blog <blog@example.org>".
    #[arg(long, env = "TIDINGS_MAIL_FROM")]
    pub mail_from: Option<String>,
    /// Sign outgoing mail with DKIM: a PEM file holding the RSA private key
    /// of --mail-from's domain (`openssl genrsa -out dkim.pem 2048`).
    /// `tidings doctor` prints the TXT record to publish.
    #[arg(long, env = "TIDINGS_DKIM_KEY", value_name = "FILE")]
    pub dkim_key: Option<PathBuf>,
    /// The DKIM selector: the name of the key's TXT record,
    /// SELECTOR._domainkey.DOMAIN. Needed with --dkim-key.
    #[arg(long, env = "TIDINGS_DKIM_SELECTOR", value_name = "SELECTOR")]
    pub dkim_selector: Option<String>,
}

impl MailArgs {
    /// The checked settings, `None` when mail is off.
    pub fn settings(&self) -> anyhow::Result<Option<tidings_app::mail::SmtpSettings>> {
        match (&self.smtp_url, &self.mail_from) {
            (None, None) => Ok(None),
            (Some(url), Some(from)) => {
                let settings = tidings_app::mail::SmtpSettings::parse(url, from)?;
                Ok(Some(match self.dkim()? {
                    Some(dkim) => settings.signed(dkim),
                    None => settings,
                }))
            }
            (Some(_), None) => {
                anyhow::bail!("--smtp-url needs --mail-from: the address mail comes from")
            }
            (None, Some(_)) => {
                anyhow::bail!("--mail-from needs --smtp-url: the server mail goes through")
            }
        }
    }
}

impl MailArgs {
    /// The DKIM key, loaded and checked, when one is given.
    fn dkim(&self) -> anyhow::Result<Option<tidings_app::mail::Dkim>> {
        match (&self.dkim_key, &self.dkim_selector) {
            (None, None) => Ok(None),
            (Some(key), Some(selector)) => Ok(Some(tidings_app::mail::Dkim::load(key, selector)?)),
            (Some(_), None) => anyhow::bail!(
                "--dkim-key needs --dkim-selector: the name of its DNS record, SELECTOR._domainkey.DOMAIN"
            ),
            (None, Some(_)) => anyhow::bail!("--dkim-selector needs --dkim-key: the key it names"),
        }
    }
}

/// Where uploads' bytes are kept, when not where the database keeps them.
#[derive(Args, Clone, Default)]
pub struct MediaStoreArgs {
    /// Keep uploads in an S3-compatible bucket: s3://BUCKET/PREFIX?endpoint=URL&region=R (default: the data directory on SQLite, the database on PostgreSQL).
    #[arg(long, env = "TIDINGS_MEDIA_STORE", value_parser = check_media_store)]
    pub media_store: Option<String>,
    /// The bucket's access key id (default: none, or AWS's usual files and roles).
    #[arg(long, env = "AWS_ACCESS_KEY_ID")]
    pub s3_access_key_id: Option<String>,
    /// The bucket's secret access key.
    #[arg(long, env = "AWS_SECRET_ACCESS_KEY", hide_env_values = true)]
    pub s3_secret_access_key: Option<String>,
}

impl MediaStoreArgs {
    /// The store these flags choose, the keys put with the bucket.
    pub fn choice(&self) -> tidings_store::MediaStore {
        // Checked by `check_media_store` as the flag was read.
        match self
            .media_store
            .as_deref()
            .map(tidings_store::S3Settings::parse)
        {
            Some(Ok(bucket)) => tidings_store::MediaStore::S3(tidings_store::S3Settings {
                access_key_id: self.s3_access_key_id.clone(),
                secret_access_key: self.s3_secret_access_key.clone(),
                ..bucket
            }),
            _ => tidings_store::MediaStore::Default,
        }
    }
}

/// `--media-store`'s value, refused with the reason unless it reads.
fn check_media_store(value: &str) -> Result<String, String> {
    tidings_store::S3Settings::parse(value).map(|_| value.to_owned())
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

#[derive(Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "TIDINGS_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (addresses or CIDRs, comma-separated).
    #[arg(long, env = "TIDINGS_TRUSTED_PROXIES", default_value = "")]
    pub trusted_proxies: String,
    /// Addresses or CIDRs (comma-separated) /metrics answers without a token.
    #[arg(long, env = "TIDINGS_METRICS_ALLOW", default_value = "127.0.0.0/8,::1")]
    pub metrics_allow: String,
    /// A bearer token that opens /metrics from any address (default: none).
    #[arg(long, env = "TIDINGS_METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,
    /// Fill an empty blog with sample posts, a page and comments first.
    #[arg(long)]
    pub demo: bool,
    /// Answer 404 to hosts no blog has, instead of serving the default blog.
    #[arg(long, env = "TIDINGS_STRICT_HOSTS")]
    pub strict_hosts: bool,
    /// How long a sign-in to the admin lasts, in seconds (default: 30 days).
    #[arg(long, env = "TIDINGS_SESSION_SECONDS", default_value_t = 30 * 24 * 3600,
          value_parser = clap::value_parser!(u32).range(1..=31_536_000))]
    pub session_seconds: u32,
    /// Requests one API token may make per minute, counted across all nodes;
    /// past it the API answers 429 with Retry-After.
    #[arg(long, env = "TIDINGS_API_REQUESTS_PER_MINUTE", default_value_t = 600,
          value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub api_requests_per_minute: u32,
    /// The largest picture an upload may send, in MiB; past it the upload
    /// answers 413 and the rest of its body is not read.
    #[arg(long, env = "TIDINGS_MAX_UPLOAD_MIB", default_value_t = 20,
          value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub max_upload_mib: u32,
    /// Render every page for every request: no render cache (for measuring,
    /// and for ruling the cache out when something looks stale).
    #[arg(long, env = "TIDINGS_NO_CACHE")]
    pub no_cache: bool,
    /// Count no page views: the Stats page and Popular Posts stay as they
    /// are (for measuring what counting costs, or to keep no statistics).
    #[arg(long, env = "TIDINGS_NO_VIEW_COUNTS")]
    pub no_view_counts: bool,
    /// Memory for the render cache, in MiB.
    #[arg(long, env = "TIDINGS_CACHE_MIB", default_value_t = 64,
          value_parser = clap::value_parser!(u32).range(1..=65_536))]
    pub cache_mib: u32,
    /// Renders of pages the cache does not hold that may run at once
    /// (default: twice the cores); as many again wait, and past that line
    /// requests are answered 503 with Retry-After, so kept pages stay fast.
    #[arg(long, env = "TIDINGS_MAX_RENDERS",
          value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub max_renders: Option<u32>,
    /// Connections one client address may hold open (an IPv6 /64 counts as
    /// one address; --trusted-proxies are exempt); more are closed at once.
    #[arg(long, env = "TIDINGS_MAX_CONNECTIONS_PER_ADDRESS", default_value_t = 256,
          value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub max_connections_per_address: u32,
    /// Seconds the requests in flight get to finish after SIGTERM or SIGINT;
    /// then the server stops whatever is still running.
    #[arg(long, env = "TIDINGS_SHUTDOWN_GRACE_SECS", default_value_t = 30,
          value_parser = clap::value_parser!(u32).range(0..=3600))]
    pub shutdown_grace_secs: u32,
    #[command(flatten)]
    pub mail: MailArgs,
    #[command(flatten)]
    pub media: MediaStoreArgs,
    #[command(flatten)]
    pub https: HttpsArgs,
}

/// HTTPS: certificates by ACME (`--tls-acme`) or one's own (`--tls-cert`
/// with `--tls-key`), served on `--listen-https` (docs/https.md).
#[derive(Args, Clone)]
pub struct HttpsArgs {
    /// Get and renew a certificate for every blog's host by ACME (Let's
    /// Encrypt by default), serve HTTPS on --listen-https, and send plain
    /// HTTP there once a host has one.
    #[arg(long, env = "TIDINGS_TLS_ACME")]
    pub tls_acme: bool,
    /// Address HTTPS listens on, with --tls-acme or --tls-cert.
    #[arg(long, env = "TIDINGS_LISTEN_HTTPS", default_value = "0.0.0.0:443")]
    pub listen_https: SocketAddr,
    /// The address the certificate authority writes to about your certificates.
    #[arg(long, env = "TIDINGS_ACME_EMAIL")]
    pub acme_email: Option<String>,
    /// The ACME directory certificates come from.
    #[arg(long, env = "TIDINGS_ACME_DIRECTORY",
          default_value = tidings_web::tls::acme::LETS_ENCRYPT)]
    pub acme_directory: String,
    /// A PEM root certificate to trust for the ACME directory instead of
    /// the system's (a test CA such as Pebble's).
    #[arg(long, env = "TIDINGS_ACME_CA_ROOT")]
    pub acme_ca_root: Option<PathBuf>,
    /// Renew a certificate when less than this many seconds of it are left
    /// (default: at two thirds of its life).
    #[arg(long, env = "TIDINGS_ACME_RENEW_SECONDS",
          value_parser = clap::value_parser!(u32).range(1..))]
    pub acme_renew_seconds: Option<u32>,
    /// Serve HTTPS with this certificate chain (PEM) for every host, instead of ACME.
    #[arg(long, env = "TIDINGS_TLS_CERT")]
    pub tls_cert: Option<PathBuf>,
    /// The private key (PEM) of --tls-cert.
    #[arg(long, env = "TIDINGS_TLS_KEY")]
    pub tls_key: Option<PathBuf>,
}

impl HttpsArgs {
    /// Whether HTTPS is on.
    pub fn enabled(&self) -> bool {
        self.tls_acme || self.tls_cert.is_some() || self.tls_key.is_some()
    }

    /// The settings that go together, checked (clap's own `requires` would
    /// not survive the configuration file's rebuilt command).
    pub fn check(&self) -> anyhow::Result<()> {
        match (&self.tls_cert, &self.tls_key) {
            (Some(_), None) => {
                anyhow::bail!("--tls-cert needs --tls-key: the certificate's private key")
            }
            (None, Some(_)) => anyhow::bail!("--tls-key needs --tls-cert: the certificate chain"),
            (Some(_), Some(_)) if self.tls_acme => {
                anyhow::bail!("--tls-acme and --tls-cert: choose one way to get certificates")
            }
            _ => Ok(()),
        }
    }

    /// ACME's settings, when `--tls-acme` is on.
    pub fn acme(&self) -> Option<tidings_web::tls::AcmeSettings> {
        self.tls_acme.then(|| tidings_web::tls::AcmeSettings {
            directory: self.acme_directory.clone(),
            email: self.acme_email.clone().filter(|e| !e.is_empty()),
            ca_root: self.acme_ca_root.clone(),
            renew_before: self
                .acme_renew_seconds
                .map(|s| std::time::Duration::from_secs(s.into())),
        })
    }
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
pub enum BlogCommand {
    /// Add a blog served at HOST.
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
    /// largest size, kept as uploads; WordPress: every attachment, into the
    /// data directory (media/BLOG_ID/), its sized copies (img-300x200.jpg)
    /// pointed at the original. Files that fail are listed and keep their
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
