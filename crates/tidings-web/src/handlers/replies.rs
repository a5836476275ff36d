//! The pages a commenter's mail links to: `/replies/confirm` (replies to
//! their comment mailed from now on) and `/replies/stop` (no more). As
//! with Follow by Email's links (`follow.rs`), a `GET` shows one button and
//! changes nothing, and the `POST`, the button's or a mail client's one
//! click, carries the token in the query. The acts are
//! `tidings_app::mail::replies`'.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use tidings_app::mail::links::Purpose;
use tidings_app::mail::replies::{self, Watched};

use tidings_theme::i18n::Arg;

use super::follow::{TokenQuery, button_page, done_page, show, text};
use super::pages;
use crate::AppState;
use crate::host::Site;

fn about(site: &Site, w: &Watched) -> String {
    let args = [
        ("post", Arg::Text(&w.comment.post_title)),
        ("email", Arg::Text(&w.watch.email)),
    ];
    text(site, "replies-about", &args)
}

/// Message `key` with the commented post's title as `post`.
fn about_post(site: &Site, key: &str, w: &Watched) -> String {
    text(site, key, &[("post", Arg::Text(&w.comment.post_title))])
}

/// `GET /replies/confirm?token=`: the page with the "Confirm" button.
pub async fn confirm_page(
    State(state): State<AppState>,
    site: Site,
    Query(q): Query<TokenQuery>,
) -> Response {
    let token = q.token.unwrap_or_default();
    let result = async {
        let w = replies::open(
            &state.store,
            &state.mail,
            site.blog.id,
            Purpose::ConfirmReplies,
            &token,
            Utc::now(),
        )
        .await?;
        let page = button_page(
            "notify-replies",
            about(&site, &w),
            "/replies/confirm",
            token,
            "button-confirm",
        );
        show(&state, &site, StatusCode::OK, page).await
    }
    .await;
    pages::respond(&state, &site, result)
}

/// `POST /replies/confirm?token=`: confirms.
pub async fn confirm(
    State(state): State<AppState>,
    site: Site,
    Query(q): Query<TokenQuery>,
) -> Response {
    let token = q.token.unwrap_or_default();
    let result = async {
        let w =
            replies::confirm(&state.store, &state.mail, site.blog.id, &token, Utc::now()).await?;
        let message = about_post(&site, "replies-confirmed", &w);
        show(
            &state,
            &site,
            StatusCode::OK,
            done_page("replies-confirmed-heading", message),
        )
        .await
    }
    .await;
    pages::respond(&state, &site, result)
}

/// `GET /replies/stop?token=`: the page with the "Unsubscribe" button.
pub async fn stop_page(
    State(state): State<AppState>,
    site: Site,
    Query(q): Query<TokenQuery>,
) -> Response {
    let token = q.token.unwrap_or_default();
    let result = async {
        let w = replies::open(
            &state.store,
            &state.mail,
            site.blog.id,
            Purpose::StopReplies,
            &token,
            Utc::now(),
        )
        .await?;
        let page = button_page(
            "replies-stop-heading",
            about(&site, &w),
            "/replies/stop",
            token,
            "button-unsubscribe",
        );
        show(&state, &site, StatusCode::OK, page).await
    }
    .await;
    pages::respond(&state, &site, result)
}

/// `POST /replies/stop?token=`: the button, or a mail client's one click.
pub async fn stop(
    State(state): State<AppState>,
    site: Site,
    Query(q): Query<TokenQuery>,
) -> Response {
    let token = q.token.unwrap_or_default();
    let result = async {
        let w = replies::stop(&state.store, &state.mail, site.blog.id, &token, Utc::now()).await?;
        let message = about_post(&site, "replies-stopped", &w);
        show(
            &state,
            &site,
            StatusCode::OK,
            done_page("unsubscribed-heading", message),
        )
        .await
    }
    .await;
    pages::respond(&state, &site, result)
}
