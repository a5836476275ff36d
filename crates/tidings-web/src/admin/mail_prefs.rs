//! `/admin/mail`: the signed-in member's own mail choices (whether held
//! comments are mailed to them). The rule is `tidings_app::mail::prefs`'.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;
use tidings_app::mail::prefs;

use super::render::{AdminResult, render};
use super::session::Signed;
use crate::AppState;

#[derive(Deserialize)]
pub struct SavedQuery {
    saved: Option<String>,
}

#[derive(Deserialize)]
pub struct PrefsForm {
    csrf: Option<String>,
    /// Ticked: mail held comments (a checkbox sends it only then).
    held_comments: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    signed: Signed,
    Query(q): Query<SavedQuery>,
) -> AdminResult {
    let blog = signed.site.blog.id;
    let held = prefs::held_comment_mail(&state.store, blog, &signed.user).await?;
    let ctx = minijinja::context! {
        saved => q.saved.is_some(),
        held_comments => held,
        mail_on => state.mail.is_on(),
    };
    Ok(render(
        &state,
        &signed,
        "admin/mail_prefs.html",
        "Mail",
        StatusCode::OK,
        ctx,
    )?)
}

pub async fn save(
    State(state): State<AppState>,
    signed: Signed,
    Form(form): Form<PrefsForm>,
) -> AdminResult {
    signed.check_csrf(form.csrf.as_deref())?;
    let on = form.held_comments.is_some();
    prefs::set_held_comment_mail(&state.store, signed.site.blog.id, &signed.user, on).await?;
    Ok(Redirect::to("/admin/mail?saved=1").into_response())
}
