//! `tidings serve`: listen, serve until SIGINT/SIGTERM, finish what is in
//! flight, close the database.

use anyhow::Context;
use tidings_store::Store;
use tidings_web::{AppState, Config, TrustedProxies};

use crate::cli::{Global, ServeArgs};

pub async fn run(global: &Global, store: Store, args: ServeArgs) -> anyhow::Result<()> {
    let trusted_proxies = TrustedProxies::parse(&global.trusted_proxies)
        .map_err(|e| anyhow::anyhow!("--trusted-proxies: {e}"))?;
    let config = Config {
        trusted_proxies,
        strict_hosts: args.strict_hosts,
        session_lifetime: chrono::Duration::seconds(i64::from(args.session_seconds)),
        media_dir: Some(global.data.join("media")),
        api_requests_per_minute: args.api_requests_per_minute,
        cache_bytes: if args.no_cache {
            0
        } else {
            u64::from(args.cache_mib) << 20
        },
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
        match tidings_web::fill_demo(&store, &blog).await {
            Ok(true) => println!("filled {} with demo posts and comments", blog.host),
            Ok(false) => println!("{} already has posts; --demo added nothing", blog.host),
            Err(e) => anyhow::bail!("cannot add the demo content: {}", e.message),
        }
    }
    let store_for_setup = store.clone();
    let state = AppState::new(store, config).await?;
    let listener = tokio::net::TcpListener::bind(global.listen)
        .await
        .with_context(|| format!("cannot listen on {}", global.listen))?;
    let addr = listener.local_addr()?;
    if let Some(path) = tidings_web::setup_link(&store_for_setup).await? {
        let host = if addr.ip().is_unspecified() {
            std::net::SocketAddr::from(([127, 0, 0, 1], addr.port()))
        } else {
            addr
        };
        println!(
            "first run: open http://{host}{path} to create the admin account (the link works once, for 24 hours)"
        );
    }
    // Tests and scripts read this line to learn the port of `--listen 127.0.0.1:0`.
    println!("listening on http://{addr}");
    tidings_web::serve(listener, state, shutdown_signal()).await?;
    tracing::info!("stopped; requests in flight finished");
    Ok(())
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
