//! `tidings serve`: listen, serve until SIGINT/SIGTERM, finish what is in
//! flight, close the database.

use std::time::Duration;

use anyhow::Context;
use tidings_store::Store;
use tidings_web::tls::Certificates;
use tidings_web::{AppState, Config, Https, Limits, MetricsAccess, TrustedProxies};

use crate::cli::{Global, ServeArgs};

/// How often the server hands back memory its threads freed
/// ([`crate::alloc::give_back_freed`]).
const GIVE_BACK_EVERY: Duration = Duration::from_secs(2);

async fn give_back_freed_memory() {
    loop {
        tokio::time::sleep(GIVE_BACK_EVERY).await;
        crate::alloc::give_back_freed();
    }
}

pub async fn run(global: &Global, store: Store, args: ServeArgs) -> anyhow::Result<()> {
    let trusted_proxies = TrustedProxies::parse(&args.trusted_proxies)
        .map_err(|e| anyhow::anyhow!("--trusted-proxies: {e}"))?;
    let metrics = metrics_access(&args)?;
    let mailer = match args.mail.settings()? {
        Some(settings) => {
            tracing::info!("mail goes through {}", settings.server());
            Some(tidings_app::mail::Mailer::new(settings)?)
        }
        None => {
            tracing::info!("mail is off: no --smtp-url");
            None
        }
    };
    let config = Config {
        mailer,
        trusted_proxies,
        metrics,
        strict_hosts: args.strict_hosts,
        session_lifetime: chrono::Duration::seconds(i64::from(args.session_seconds)),
        media_dir: Some(global.data.join("media")),
        themes_dir: Some(global.data.join("themes")),
        media_store: args.media.choice(),
        max_upload_bytes: (args.max_upload_mib as usize) << 20,
        api_requests_per_minute: args.api_requests_per_minute,
        cache_bytes: if args.no_cache {
            0
        } else {
            u64::from(args.cache_mib) << 20
        },
        count_views: !args.no_view_counts,
        renders_at_once: Some(
            args.max_renders
                .map_or_else(tidings_web::Renders::default_at_once, |n| n as usize),
        ),
    };
    if args.demo {
        let blog = store
            .default_blog()
            .await?
            .context("this instance has no blog")?;
        match tidings_app::demo::fill(&store, &blog).await {
            Ok(true) => println!("filled {} with demo posts and comments", blog.host),
            Ok(false) => println!("{} already has posts; --demo added nothing", blog.host),
            Err(e) => anyhow::bail!("cannot add the demo content: {e}"),
        }
    }
    tokio::spawn(give_back_freed_memory());
    let store_for_setup = store.clone();
    let state = AppState::new(store, config).await?;
    let listener =
        listen(args.listen).with_context(|| format!("cannot listen on {}", args.listen))?;
    let addr = listener.local_addr()?;
    if let Some(path) = tidings_app::setup::link(&store_for_setup).await? {
        let host = if addr.ip().is_unspecified() {
            std::net::SocketAddr::from(([127, 0, 0, 1], addr.port()))
        } else {
            addr
        };
        println!(
            "first run: open http://{host}{path} to create the admin account (the link works once, for 24 hours)"
        );
    }
    let https = https(&args)?;
    let limits = Limits {
        max_connections: max_connections(),
        per_address: args.max_connections_per_address as usize,
        drain: Duration::from_secs(args.shutdown_grace_secs.into()),
    };
    // Tests and scripts read this line to learn the port of `--listen 127.0.0.1:0`
    // (the lines before it are the first run's), then the next for HTTPS's.
    println!("listening on http://{addr}");
    if let Some(https) = &https {
        println!("listening on https://{}", https.listener.local_addr()?);
    }
    tidings_web::serve(listener, https, state, limits, shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

/// The HTTPS listener and its certificates, when HTTPS is on.
fn https(args: &ServeArgs) -> anyhow::Result<Option<Https>> {
    let settings = &args.https;
    settings.check()?;
    if !settings.enabled() {
        return Ok(None);
    }
    let addr = settings.listen_https;
    let listener = listen(addr).with_context(|| format!("cannot listen on {addr} for HTTPS"))?;
    let port = listener.local_addr()?.port();
    let certificates = match (&settings.tls_cert, &settings.tls_key) {
        (Some(cert), Some(key)) => {
            tracing::info!("https: serving {} for every host", cert.display());
            Certificates::own(cert, key, port)?
        }
        _ => {
            tracing::info!(
                "https: certificates for every blog's host from {}",
                settings.acme_directory
            );
            Certificates::acme(port)
        }
    };
    Ok(Some(Https {
        listener,
        certificates,
        acme: settings.acme(),
    }))
}

/// Who may read `/metrics`: `--metrics-allow`'s addresses, or anyone with
/// `--metrics-token`.
pub fn metrics_access(args: &ServeArgs) -> anyhow::Result<MetricsAccess> {
    let allow = TrustedProxies::parse(&args.metrics_allow)
        .map_err(|e| anyhow::anyhow!("--metrics-allow: {e}"))?;
    let token = args.metrics_token.clone().filter(|t| !t.is_empty());
    if token.as_ref().is_some_and(|t| t.len() < 16) {
        anyhow::bail!("--metrics-token: use at least 16 characters");
    }
    Ok(MetricsAccess { allow, token })
}

/// Connections the kernel may hold for us before we accept them: a burst
/// of thousands (a crowd, or an attack the accept loop sorts out) is queued
/// rather than dropped and retried a second later. The kernel caps it at
/// `net.core.somaxconn`.
const BACKLOG: u32 = 4096;

pub fn listen(addr: std::net::SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(BACKLOG)
}

/// Files kept for other than connections: the database, media being sent,
/// the log.
const OTHER_FILES: u64 = 256;

/// How many connections the server may hold: every one is an open file, so
/// the soft limit of open files is raised to the hard one first (as most
/// servers do; the soft limit is often 1,024), then the connection cap is
/// kept below it, so that accepting never fails for want of a file.
fn max_connections() -> usize {
    let default = Limits::default().max_connections;
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{Resource, getrlimit, setrlimit};
        let limit = getrlimit(Resource::Nofile);
        let mut files = limit.current;
        if limit.current != limit.maximum {
            let raised = rustix::process::Rlimit {
                current: limit.maximum,
                maximum: limit.maximum,
            };
            match setrlimit(Resource::Nofile, raised) {
                Ok(()) => files = limit.maximum,
                Err(e) => tracing::warn!("cannot raise the limit of open files: {e}"),
            }
        }
        let Some(files) = files else {
            return default;
        };
        let fit = files.saturating_sub(OTHER_FILES).max(16);
        let cap = default.min(usize::try_from(fit).unwrap_or(usize::MAX));
        tracing::info!("open files: up to {files}; connections: up to {cap}");
        cap
    }
    #[cfg(not(target_os = "linux"))]
    default
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down");
}
