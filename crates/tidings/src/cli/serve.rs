//! `serve`'s flags, and the groups other commands share with it: where mail
//! goes (`mail test` too), where uploads are kept (the moving commands too)
//! and HTTPS. Apart from the command tree in `cli.rs` because they are most
//! of its lines and change with the server, not with the commands.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Args;
use tidings_web::tls::ChallengeChoice;

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
    /// Which challenge proves to the CA that a host is this server's:
    /// `http-01` (port 80, --listen), `tls-alpn-01` (port 443,
    /// --listen-https), or `any` (HTTP-01 first, then each in turn).
    #[arg(long, env = "TIDINGS_ACME_CHALLENGE", value_enum, default_value_t = AcmeChallenge::Any)]
    pub acme_challenge: AcmeChallenge,
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
            challenge: match self.acme_challenge {
                AcmeChallenge::Any => ChallengeChoice::Any,
                AcmeChallenge::Http01 => ChallengeChoice::Http01,
                AcmeChallenge::TlsAlpn01 => ChallengeChoice::TlsAlpn01,
            },
        })
    }
}

/// `--acme-challenge`'s values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum AcmeChallenge {
    Any,
    #[value(name = "http-01")]
    Http01,
    #[value(name = "tls-alpn-01")]
    TlsAlpn01,
}
