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

/// Serves `state` on `listener` until `shutdown` completes, then lets requests
/// in flight finish (for at most `limits.drain`) before returning.
pub async fn serve(
    listener: tokio::net::TcpListener,
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
    let served = server::run(listener, router(state), limits, trusted, shutdown).await;
    // The views counted since the last flush, before the node goes.
    if let Some(views) = views {
        tidings_app::views::flush::flush(&store, &views).await;
    }
    served
}
