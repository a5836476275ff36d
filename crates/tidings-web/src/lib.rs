//! The only crate that knows HTTP.
//!
//! [`router`] lists every route in one place; handlers are thin: extract,
//! call the use case (`tidings_app`; reads still call the store directly),
//! render. A use case's refusal becomes a status in one place
//! (`From<tidings_app::Error> for AppError`). Public pages render through
//! templates in `templates/` with auto-escaping; the JSON API lives in [`api`].

mod admin;
mod api;
mod assets;
mod cache;
mod config;
mod error;
mod handlers;
mod headers;
mod host;
mod metrics;
mod routes;
mod server;
mod state;
mod themes;
pub mod tls;
mod unread_body;
mod uri_guard;

/// The signed forms are the use cases' (a comment's fill time, sign-in's
/// binding to a browser); pages issue them.
use tidings_app::form_token;

pub use cache::Renders;
pub use config::{Config, MetricsAccess, TrustedProxies};
pub use metrics::count_statement;
pub use routes::router;
pub use server::Limits;
pub use state::AppState;

/// HTTPS beside plain HTTP: the `--listen-https` socket, the certificates
/// it serves and, for `--tls-acme`, how to get them.
pub struct Https {
    pub listener: tokio::net::TcpListener,
    pub certificates: tls::Certificates,
    pub acme: Option<tls::AcmeSettings>,
}

/// Serves `state` on `listener` (and over TLS on `https`'s) until
/// `shutdown` completes, then lets requests in flight finish (for at most
/// `limits.drain`) before returning.
pub async fn serve(
    listener: tokio::net::TcpListener,
    https: Option<Https>,
    state: AppState,
    limits: Limits,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    tokio::spawn(cache::follow(state.clone()));
    // Every node sends mail: whichever claims a mail first sends it.
    tokio::spawn(tidings_app::mail::sender::run(
        state.store.clone(),
        state.mail.clone(),
    ));
    // Every node empties the trash of what has been there 30 days.
    tokio::spawn(tidings_app::posts::trash::run(state.store.clone()));
    // Every node counts page views and adds them into the same rows.
    if let Some(views) = &state.views {
        tokio::spawn(tidings_app::views::flush::run(
            state.store.clone(),
            views.clone(),
        ));
    }
    let trusted = state.config.trusted_proxies.clone();
    let (store, views) = (state.store.clone(), state.views.clone());
    let app = router(state);
    let listeners = match https {
        None => vec![server::Listener {
            socket: listener,
            app,
            tls: None,
        }],
        Some(https) => {
            let certificates = https.certificates;
            if let Some(acme) = https.acme {
                // Every node orders (whichever claims a host) and serves.
                tokio::spawn(tls::acme::run(store.clone(), certificates.clone(), acme));
                tokio::spawn(tls::follow(store.clone(), certificates.clone()));
            }
            let plain = app.clone().layer(axum::middleware::from_fn_with_state(
                certificates.clone(),
                tls::plain::to_https,
            ));
            // Readers who came over HTTPS are told to keep to it.
            let secure = app.layer(tower_http::set_header::SetResponseHeaderLayer::overriding(
                axum::http::header::STRICT_TRANSPORT_SECURITY,
                axum::http::HeaderValue::from_static("max-age=31536000"),
            ));
            let acceptor = tokio_rustls::TlsAcceptor::from(certificates.server_config());
            vec![
                server::Listener {
                    socket: listener,
                    app: plain,
                    tls: None,
                },
                server::Listener {
                    socket: https.listener,
                    app: secure,
                    tls: Some(acceptor),
                },
            ]
        }
    };
    let served = server::run(listeners, limits, trusted, shutdown).await;
    // The views counted since the last flush, before the node goes.
    if let Some(views) = views {
        tidings_app::views::flush::flush(&store, &views).await;
    }
    served
}
