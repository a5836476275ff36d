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

use super::follow::{TokenQuery, button_page, done_page, show};
use super::pages;
use crate::AppState;
use crate::host::Site;

fn about(w: &Watched) -> String {
    format!(
        "Replies to your comment on \u{201c}{}\u{201d}, mailed to {}.",
        w.comment.post_title, w.watch.email
    )
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
            "Notify me of replies",
            about(&w),
            "/replies/confirm",
            token,
            "Confirm",
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
        let message = format!(
            "Confirmed: each reply to your comment on \u{201c}{}\u{201d} will be mailed to you. \
             Each mail has a link to stop them.",
            w.comment.post_title
        );
        show(
            &state,
            &site,
            StatusCode::OK,
            done_page("Confirmed", message),
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
            "Stop mail about replies",
            about(&w),
            "/replies/stop",
            token,
            "Unsubscribe",
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
        let message = format!(
            "Unsubscribed: no more replies to your comment on \u{201c}{}\u{201d} will be mailed.",
            w.comment.post_title
        );
        show(
            &state,
            &site,
            StatusCode::OK,
            done_page("Unsubscribed", message),
        )
        .await
    }
    .await;
    pages::respond(&state, &site, result)
}
