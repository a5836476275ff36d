//! Every route of Tidings, in one list.

use std::time::Duration;

use axum::Router;
use axum::middleware;
use axum::routing::get;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::timeout::TimeoutLayer;

use crate::handlers::{
    archive, comment_submit, custom_css, feeds, follow, home, media, ops, pages, post, replies,
    search, theme_files, unlock,
};
use crate::{AppState, admin, api, assets, cache, headers, host, metrics, uri_guard};

/// The whole application: public pages (Blogger's URLs), feeds, the API.
pub fn router(state: AppState) -> Router {
    let [csp, nosniff, referrer, frames, permissions] = headers::layers();
    Router::new()
        .route("/", get(home::home))
        .route("/{year}", get(archive::year_redirect))
        .route("/{year}/", get(archive::year_page))
        .route("/{year}/{month}/", get(archive::month_page))
        .route(
            "/{year}/{month}/{file}",
            get(post::post_page).post(comment_submit::on_post),
        )
        .route(
            "/p/{file}",
            get(post::static_page).post(comment_submit::on_page),
        )
        .route("/search", get(search::search))
        .route("/unlock", axum::routing::post(unlock::on_post))
        .merge(readers_mail())
        .route("/media/{*path}", get(media::file))
        .route("/search/label/{label}", get(home::label))
        .route("/feeds/posts/default", get(feeds::posts_default))
        .route("/feeds/posts/summary", get(feeds::posts_summary))
        .route("/feeds/posts/default/-/{label}", get(feeds::posts_by_label))
        .route("/feeds/comments/default", get(feeds::blog_comments))
        .route(
            "/feeds/{post_id}/comments/default",
            get(feeds::post_comments),
        )
        .route("/sitemap.xml", get(ops::sitemap))
        .route("/robots.txt", get(ops::robots))
        .route("/favicon.ico", get(ops::favicon))
        .route("/healthz", get(ops::healthz))
        .route(
            "/.well-known/acme-challenge/{token}",
            get(crate::tls::plain::challenge),
        )
        .route("/metrics", get(ops::metrics))
        .route("/static/{file}", get(assets::serve))
        .route("/custom-css/{file}", get(custom_css::serve))
        .route("/theme-files/{*file}", get(theme_files::serve))
        .route(
            "/admin/",
            get(|| async { axum::response::Redirect::permanent("/admin") }),
        )
        .nest("/admin", admin::router())
        .nest("/api/v1", api::router())
        .route("/api/v1/", axum::routing::any(api::unknown))
        .route("/api/v1/{*rest}", axum::routing::any(api::unknown))
        .fallback(pages::not_found)
        // Every route above that lacks the method (the API has its own).
        .method_not_allowed_fallback(pages::method_not_allowed)
        // Old addresses of imported posts answer 301 where nothing else answers.
        .layer(middleware::from_fn_with_state(
            state.clone(),
            crate::handlers::redirects::moved,
        ))
        .layer(csp)
        .layer(nosniff)
        .layer(referrer)
        .layer(frames)
        .layer(permissions)
        // A bug must cost one request a 500, never the connection or the node.
        .layer(CatchPanicLayer::new())
        .layer(middleware::from_fn(uri_guard::reject_nul))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            metrics::track,
        ))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        // Outside everything, so a kept page is sent exactly as it was
        // rendered, headers and all, and a hit costs no more than it must.
        .layer(middleware::from_fn_with_state(state.clone(), cache::layer))
        .layer(middleware::from_fn(host::refuse_two_hosts))
        .with_state(state)
}

/// What readers ask mail for (`/subscribe`) and the pages their mail links
/// to: each `GET` one button, each `POST` the act (SPEC 11).
fn readers_mail() -> Router<AppState> {
    Router::new()
        .route("/subscribe", get(follow::form).post(follow::subscribe))
        .route(
            "/subscribe/confirm",
            get(follow::confirm_page).post(follow::confirm),
        )
        .route(
            "/unsubscribe",
            get(follow::unsubscribe_page).post(follow::unsubscribe),
        )
        .route(
            "/replies/confirm",
            get(replies::confirm_page).post(replies::confirm),
        )
        .route("/replies/stop", get(replies::stop_page).post(replies::stop))
}
