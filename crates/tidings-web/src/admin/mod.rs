//! The author's side at `/admin`: sign-in and setup, the dashboard, the
//! editor, the media page, the comment queue, settings, users and API tokens.
//!
//! Every page needs a session ([`session::Signed`]); every state-changing
//! form carries the session's CSRF token; what a role may do is decided by
//! `tidings_core::permission`, the same rules the API applies.

mod comments;
mod dashboard;
mod editor;
mod gadgets;
mod mail_links;
mod mail_prefs;
mod media;
mod people;
mod posts;
mod render;
mod reset;
pub(crate) mod session;
mod settings;
mod signin;
mod stats;
mod subscribers;
mod switcher;

pub use session::{COOKIE as SESSION_COOKIE, member, signed_member};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(dashboard::show))
        .route("/login", get(signin::show).post(signin::sign_in))
        .route("/logout", post(signin::sign_out))
        .route("/setup", get(signin::setup_form).post(signin::setup))
        .route("/forgot", get(reset::forgot_form).post(reset::forgot))
        .route("/reset", get(reset::reset_form).post(reset::reset))
        .route(
            "/mail/approve",
            get(mail_links::approve_page).post(mail_links::approve),
        )
        .route(
            "/mail/spam",
            get(mail_links::spam_page).post(mail_links::spam),
        )
        .route("/mail", get(mail_prefs::show).post(mail_prefs::save))
        .route("/posts", get(posts::list))
        .route("/posts/new", get(editor::new).post(editor::create))
        // Uploads read their bodies within --max-upload-mib themselves.
        .route(
            "/posts/new/upload",
            post(editor::upload_new).layer(DefaultBodyLimit::disable()),
        )
        .route(
            "/posts/{id}/upload",
            post(editor::upload_existing).layer(DefaultBodyLimit::disable()),
        )
        .route("/posts/{id}", get(editor::edit).post(editor::update))
        .route(
            "/posts/{id}/delete",
            get(editor::confirm_delete).post(editor::delete),
        )
        .route("/posts/{id}/restore", post(editor::restore))
        .route(
            "/posts/{id}/revisions/{revision}",
            get(editor::revision).post(editor::restore_revision),
        )
        .route("/preview", post(editor::preview))
        .route("/comments", get(comments::queue).post(comments::act))
        .route(
            "/comments/{id}/reply",
            get(comments::reply_form).post(comments::reply),
        )
        .route(
            "/media",
            get(media::list)
                .post(media::upload)
                .layer(DefaultBodyLimit::disable()),
        )
        .route("/media/{id}", post(media::change_alt))
        .route(
            "/media/{id}/delete",
            get(media::confirm_delete).post(media::delete),
        )
        .route("/settings", get(settings::show).post(settings::save))
        .route("/layout", get(gadgets::show).post(gadgets::act))
        .route(
            "/subscribers",
            get(subscribers::list).post(subscribers::import),
        )
        .route("/subscribers.csv", get(subscribers::csv))
        .route("/stats", get(stats::show))
        .route("/users", get(people::users).post(people::add_user))
        .route("/users/{id}", post(people::change_user))
        .route(
            "/tokens",
            get(people::list_tokens).post(people::create_token),
        )
        .route("/tokens/{id}/revoke", post(people::revoke_token))
        .route("/tokens/revoke-all", post(people::revoke_all_tokens))
        .route(
            "/account",
            get(people::account).post(people::change_password),
        )
}
