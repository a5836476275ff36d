//! "Forgot your password?": the form that asks for a link, and the page the
//! link opens, which sets a new password. The rules (the same answer for
//! any address, the limits, the link's one use within the hour, every
//! session ended) are `tidings_app::mail::reset`'s.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use chrono::Utc;
use serde::Deserialize;
use tidings_app::Error;
use tidings_app::mail::reset;

use super::render::{AdminResult, render_bare};
use super::signin::from_this_site;
use crate::AppState;
use crate::host::{ClientIp, Site};

fn forgot_page(
    state: &AppState,
    site: &Site,
    email: &str,
    error: Option<String>,
    status: StatusCode,
) -> AdminResult {
    let ctx = minijinja::context! {
        email => email,
        error => error,
        mail_on => state.mail.is_on(),
    };
    Ok(render_bare(
        state,
        site,
        "admin/forgot.html",
        "Forgot your password?",
        status,
        ctx,
    )?)
}

pub async fn forgot_form(State(state): State<AppState>, site: Site) -> AdminResult {
    forgot_page(&state, &site, "", None, StatusCode::OK)
}

#[derive(Deserialize)]
pub struct ForgotForm {
    email: Option<String>,
}

pub async fn forgot(
    State(state): State<AppState>,
    site: Site,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Form(form): Form<ForgotForm>,
) -> AdminResult {
    from_this_site(&site, &headers)?;
    let email = form.email.unwrap_or_default();
    let asked = reset::request(
        &state.store,
        &state.mail,
        site.blog.id,
        &email,
        ip,
        Utc::now(),
    );
    match asked.await {
        Ok(()) => {
            let ctx = minijinja::context! {
                message => "If an account uses that address, a link to set a new password is on \
                            its way. It works once, within the hour.",
            };
            Ok(render_bare(
                &state,
                &site,
                "admin/done.html",
                "Check your mail",
                StatusCode::OK,
                ctx,
            )?)
        }
        Err(Error::Invalid { message, .. }) => forgot_page(
            &state,
            &site,
            email.trim(),
            Some(message),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(refused) => Err(refused.into()),
    }
}

#[derive(Deserialize)]
pub struct TokenQuery {
    token: Option<String>,
}

fn reset_page(
    state: &AppState,
    site: &Site,
    token: &str,
    error: Option<String>,
    status: StatusCode,
) -> AdminResult {
    let ctx = minijinja::context! { token => token, error => error };
    Ok(render_bare(
        state,
        site,
        "admin/reset.html",
        "Choose a new password",
        status,
        ctx,
    )?)
}

pub async fn reset_form(
    State(state): State<AppState>,
    site: Site,
    Query(q): Query<TokenQuery>,
) -> AdminResult {
    let token = q.token.unwrap_or_default();
    reset::check(&state.store, &state.mail, &token, Utc::now()).await?;
    reset_page(&state, &site, &token, None, StatusCode::OK)
}

#[derive(Deserialize)]
pub struct ResetForm {
    token: Option<String>,
    password: Option<String>,
    password_again: Option<String>,
}

pub async fn reset(
    State(state): State<AppState>,
    site: Site,
    Form(form): Form<ResetForm>,
) -> AdminResult {
    let token = form.token.unwrap_or_default();
    let done = reset::complete(
        &state.store,
        &state.mail,
        &token,
        form.password.as_deref().unwrap_or(""),
        form.password_again.as_deref().unwrap_or(""),
        Utc::now(),
    )
    .await;
    match done {
        Ok(_) => {
            let ctx = minijinja::context! {
                message => "Your new password is set, and every session of your account has \
                            ended.",
                link => "/admin/login",
                link_text => "Sign in",
            };
            Ok(render_bare(
                &state,
                &site,
                "admin/done.html",
                "Password set",
                StatusCode::OK,
                ctx,
            )?)
        }
        Err(Error::Invalid { message, .. }) => reset_page(
            &state,
            &site,
            &token,
            Some(message),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(refused) => Err(refused.into()),
    }
}
