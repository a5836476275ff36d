//! `tidings doctor`: what `serve` would need, checked one thing at a time,
//! one line each with the fix in words, and a failure exit naming what
//! failed. Mail and media that are not set up are reported, not failed: a
//! blog runs without them.
//!
//! It looks and does not touch: it writes nothing but a probe file it
//! removes, and a SQLite database that does not exist yet is not created.

use std::net::{SocketAddr, TcpListener};
use std::path::Path;
use std::time::Duration;

use tidings_store::Store;

use crate::cli::{Global, redact};
use crate::config::{self, ConfigFile, Settings};

/// How long one check may wait on the network.
const WAIT: Duration = Duration::from_secs(5);

/// One check's outcome.
enum Verdict {
    Ok(String),
    /// Fine, but worth knowing (something not set up).
    Note(String),
    Fail(String),
}

pub async fn run(file: &Option<ConfigFile>) -> anyhow::Result<()> {
    let settings = match config::serve_settings(file) {
        Ok(settings) => settings,
        Err(e) => {
            report("configuration", &Verdict::Fail(format!("{e:#}")));
            anyhow::bail!("doctor: the configuration cannot be read");
        }
    };
    let (database, store) = database(&settings.global).await;
    let checks = [
        ("configuration", configuration(file, &settings)),
        ("database", database),
        ("mail", mail(&settings).await),
        ("dkim", dkim(&settings)),
        ("media", media(&settings, store.as_ref()).await),
        ("listen", listen(settings.args.listen).await),
        ("https", https(&settings.args.https)),
    ];
    if let Some(store) = store {
        store.close().await;
    }
    let mut failed = Vec::new();
    for (name, verdict) in &checks {
        report(name, verdict);
        if matches!(verdict, Verdict::Fail(_)) {
            failed.push(*name);
        }
    }
    if !failed.is_empty() {
        anyhow::bail!("doctor: fix {} first", failed.join(", "));
    }
    Ok(())
}

fn report(name: &str, verdict: &Verdict) {
    let (mark, text) = match verdict {
        Verdict::Ok(text) => ("ok  ", text),
        Verdict::Note(text) => ("note", text),
        Verdict::Fail(text) => ("FAIL", text),
    };
    println!("{mark}  {name}: {text}");
}

/// The file was read (or there is none), and the settings that are read
/// only when `serve` starts parse.
fn configuration(file: &Option<ConfigFile>, settings: &Settings) -> Verdict {
    let args = &settings.args;
    if let Err(e) = tidings_web::TrustedProxies::parse(&args.trusted_proxies) {
        return Verdict::Fail(format!(
            "trusted_proxies: {e}; give addresses or CIDRs, comma-separated"
        ));
    }
    if let Err(e) = crate::serve::metrics_access(args) {
        return Verdict::Fail(format!("{e:#}"));
    }
    if let Err(e) = args.mail.settings() {
        return Verdict::Fail(format!("{e:#}; see `tidings serve --help`"));
    }
    Verdict::Ok(match file {
        Some(f) => format!(
            "{} read; `tidings config` shows every setting",
            f.path.display()
        ),
        None => format!(
            "no configuration file (none given, no tidings.toml in {}); flags, environment and defaults",
            settings.global.data.display()
        ),
    })
}

/// The database opens and reads; answered with the store, for the checks
/// that depend on it.
async fn database(global: &Global) -> (Verdict, Option<Store>) {
    let url = global.store_url();
    if global.database_url.is_none() {
        let path = global.data.join("tidings.db");
        if !path.exists() {
            let note = format!(
                "no database at {} yet; `tidings serve` creates it",
                path.display()
            );
            return (Verdict::Note(note), None);
        }
    }
    let shown = redact(&url);
    let opened = tokio::time::timeout(WAIT * 2, Store::open(&url)).await;
    let store = match opened {
        Ok(Ok(store)) => store,
        Ok(Err(e)) => {
            let why = format!("cannot open {shown} ({e}); {}", db_hint(global));
            return (Verdict::Fail(why), None);
        }
        Err(_) => {
            let why = format!(
                "{shown} did not answer in {:?}; {}",
                WAIT * 2,
                db_hint(global)
            );
            return (Verdict::Fail(why), None);
        }
    };
    let answer = match store.list_blogs().await {
        Ok(blogs) => Verdict::Ok(format!("{shown} answers; {} blog(s)", blogs.len())),
        Err(e) => Verdict::Fail(format!("{shown} opened but cannot be read ({e})")),
    };
    (answer, Some(store))
}

fn db_hint(global: &Global) -> &'static str {
    if global.database_url.is_some() {
        "is PostgreSQL running, and is TIDINGS_DATABASE_URL (or --database-url, or database_url) right?"
    } else {
        "is the data directory readable and writable by this user?"
    }
}

/// The SMTP server is reachable; sending a mail is `tidings mail test`'s.
async fn mail(settings: &Settings) -> Verdict {
    let smtp = match settings.args.mail.settings() {
        Ok(Some(smtp)) => smtp,
        Ok(None) => {
            return Verdict::Note(
                "off (no smtp_url): held comments and password resets are not mailed".into(),
            );
        }
        Err(e) => return Verdict::Fail(format!("{e:#}")),
    };
    let server = smtp.server();
    match tokio::time::timeout(WAIT, tokio::net::TcpStream::connect(server.as_str())).await {
        Ok(Ok(_)) => Verdict::Ok(format!(
            "{server} accepts connections; `tidings mail test ADDRESS` sends a mail"
        )),
        Ok(Err(e)) => Verdict::Fail(format!(
            "cannot connect to {server} ({e}); is the host and port of smtp_url right?"
        )),
        Err(_) => Verdict::Fail(format!(
            "{server} did not answer in {WAIT:?}; is a firewall in the way, or the port wrong?"
        )),
    }
}

/// The DKIM key loads, and the DNS record that lets receivers check it.
fn dkim(settings: &Settings) -> Verdict {
    match settings.args.mail.settings() {
        Ok(Some(smtp)) => match smtp.dkim() {
            Some(dkim) => Verdict::Ok(format!(
                "mail is signed as {selector}._domainkey.{domain}; publish this TXT record there: {record}",
                selector = dkim.selector(),
                domain = smtp.domain(),
                record = dkim.dns_record(),
            )),
            None => Verdict::Note(
                "mail is not signed (no dkim_key): many receivers file unsigned mail as spam"
                    .into(),
            ),
        },
        Ok(None) => Verdict::Note("off, as mail is".into()),
        Err(e) => Verdict::Fail(format!("{e:#}")),
    }
}

/// Where uploads go: a bucket that answers, the database, or a directory
/// this user can write.
async fn media(settings: &Settings, store: Option<&Store>) -> Verdict {
    let global = &settings.global;
    if let tidings_store::MediaStore::S3(bucket) = settings.args.media.choice() {
        return bucket_answers(&bucket).await;
    }
    match store {
        Some(store) if store.backend().keeps_media_in_database() => {
            return Verdict::Ok("uploads are kept in the database".into());
        }
        None if global.database_url.is_some() => {
            return Verdict::Note(
                "where uploads go depends on the database, which did not open".into(),
            );
        }
        _ => {}
    }
    let dir = global.data.join("media");
    match writable(&dir) {
        Ok(()) => Verdict::Ok(format!(
            "uploads go to {}, which is writable",
            dir.display()
        )),
        Err(e) => Verdict::Fail(format!(
            "{} cannot be written ({e}); give this user the data directory",
            dir.display()
        )),
    }
}

/// The bucket of `--media-store` answers with the keys given: a read of a
/// key no file has comes back "not found".
async fn bucket_answers(settings: &tidings_store::S3Settings) -> Verdict {
    let bucket = match tidings_store::S3Blobs::open(settings) {
        Ok(bucket) => bucket,
        Err(e) => return Verdict::Fail(format!("media_store: {e}")),
    };
    let hint = "is the endpoint right, does the bucket exist, and are AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY its keys?";
    match tokio::time::timeout(WAIT * 2, bucket.check()).await {
        Ok(Ok(())) => Verdict::Ok(format!(
            "uploads are kept in {}, which answers",
            bucket.name()
        )),
        Ok(Err(e)) => Verdict::Fail(format!("{e}; {hint}")),
        Err(_) => Verdict::Fail(format!(
            "{} did not answer in {:?}; {hint}",
            bucket.name(),
            WAIT * 2
        )),
    }
}

/// Whether files can be made in `dir`, or where it would be made: a probe
/// file is written into the nearest directory that exists, then removed.
fn writable(dir: &Path) -> std::io::Result<()> {
    let at = dir
        .ancestors()
        .map(|a| {
            if a.as_os_str().is_empty() {
                Path::new(".")
            } else {
                a
            }
        })
        .find(|a| a.exists())
        .unwrap_or(Path::new("/"));
    let probe = at.join(format!(".tidings-doctor-{}", std::process::id()));
    std::fs::write(&probe, b"")?;
    std::fs::remove_file(&probe)
}

/// The listening address is free, or a Tidings already answers there.
async fn listen(addr: SocketAddr) -> Verdict {
    match TcpListener::bind(addr) {
        Ok(_) => Verdict::Ok(format!("{addr} is free to listen on")),
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
            if answers_as_tidings(addr).await {
                Verdict::Ok(format!(
                    "{addr} is served by a running Tidings (/healthz answers ok)"
                ))
            } else {
                Verdict::Fail(format!(
                    "{addr} is in use by another program; stop it, or choose another listen address"
                ))
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => Verdict::Fail(format!(
            "cannot listen on {addr} ({e}); ports below 1024 need CAP_NET_BIND_SERVICE \
             (the package's service has it) or choose a port above 1023"
        )),
        Err(e) => Verdict::Fail(format!(
            "cannot listen on {addr} ({e}); is it an address of this machine?"
        )),
    }
}

/// HTTPS: off (a note), one's own certificate readable and matching its
/// key, or ACME's directory and a free `--listen-https`.
fn https(args: &crate::cli::HttpsArgs) -> Verdict {
    if !args.enabled() {
        return Verdict::Note(
            "off: plain HTTP only; --tls-acme gets and renews certificates by itself (docs/https.md)"
                .into(),
        );
    }
    if let Err(e) = args.check() {
        return Verdict::Fail(format!("{e:#}"));
    }
    let addr = args.listen_https;
    if let (Some(cert), Some(key)) = (&args.tls_cert, &args.tls_key) {
        return match tidings_web::tls::Certificates::own(cert, key, addr.port()) {
            Ok(_) => Verdict::Ok(format!(
                "{} and its key match; HTTPS on {addr}",
                cert.display()
            )),
            Err(e) => Verdict::Fail(format!("{e:#}")),
        };
    }
    match TcpListener::bind(addr) {
        Ok(_) => Verdict::Ok(format!(
            "certificates from {} for every blog's host, HTTPS on {addr}; \
             each host's DNS must point here and port 80 reach --listen",
            args.acme_directory
        )),
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => Verdict::Note(format!(
            "{addr} is in use: by a running Tidings, or stop what holds it"
        )),
        Err(e) => Verdict::Fail(format!(
            "cannot listen on {addr} for HTTPS ({e}); ports below 1024 need \
             CAP_NET_BIND_SERVICE (the package's service has it)"
        )),
    }
}

/// Whether `GET /healthz` at `addr` answers Tidings' `ok`.
async fn answers_as_tidings(addr: SocketAddr) -> bool {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let target = if addr.ip().is_unspecified() {
        SocketAddr::from(([127, 0, 0, 1], addr.port()))
    } else {
        addr
    };
    let ask = async {
        let mut stream = tokio::net::TcpStream::connect(target).await?;
        stream
            .write_all(b"GET /healthz HTTP/1.0\r\nHost: localhost\r\n\r\n")
            .await?;
        let mut answer = Vec::new();
        stream.take(4096).read_to_end(&mut answer).await?;
        std::io::Result::Ok(answer)
    };
    match tokio::time::timeout(WAIT, ask).await {
        Ok(Ok(answer)) => {
            let text = String::from_utf8_lossy(&answer);
            text.starts_with("HTTP/1.") && text.contains(" 200 ") && text.ends_with("\r\n\r\nok")
        }
        _ => false,
    }
}
