//! Users and their roles on this blog, API tokens, and one's own password.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use tidings_app::{account, people, tokens, work};
use tidings_core::Role;

use super::render::{AdminResult, render};
use super::session::{self, Signed};
use crate::AppState;
use crate::error::AppError;
use crate::host::ClientIp;

#[derive(Serialize)]
struct Member {
    id: i64,
    name: String,
    email: String,
    role: Role,
    is_me: bool,
}

#[derive(Deserialize, Serialize, Default)]
pub struct AddForm {
    #[serde(default, skip_serializing)]
    csrf: Option<String>,
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
    #[serde(default, skip_serializing)]
    password: String,
}

async fn users_page(
    state: &AppState,
    signed: &Signed,
    form: AddForm,
    error: Option<String>,
    status: StatusCode,
) -> AdminResult {
    let members = people::list(&state.store, signed.site.blog.id, signed.actor())
        .await?
        .into_iter()
        .map(|(u, role)| Member {
            is_me: u.id == signed.user.id,
            id: u.id,
            name: u.name,
            email: u.email,
            role,
        })
        .collect::<Vec<_>>();
    let ctx = minijinja::context! {
        members => minijinja::value::Serde(members),
        form => minijinja::value::Serde(form),
        error => error,
    };
    Ok(render(
        state,
        signed,
        "admin/users.html",
        "Users",
        status,
        ctx,
    )?)
}

pub async fn users(State(state): State<AppState>, signed: Signed) -> AdminResult {
    users_page(
        &state,
        &signed,
        AddForm {
            role: "author".into(),
            ..AddForm::default()
        },
        None,
        StatusCode::OK,
    )
    .await
}

/// Adds a person with a role on this blog (`tidings_app::people`: answered
/// the same whether or not the address has an account). The password is
/// hashed through the bounded pool, in both cases, so the time taken does
/// not tell them apart either.
pub async fn add_user(
    State(state): State<AppState>,
    signed: Signed,
    Form(form): Form<AddForm>,
) -> AdminResult {
    signed.check_csrf(form.csrf.as_deref())?;
    let newcomer = people::Newcomer {
        email: form.email.clone(),
        name: form.name.clone(),
        role: form.role.clone(),
        password: form.password.clone(),
    };
    let checked = match people::check(signed.actor(), signed.site.blog.id, &newcomer) {
        Err(tidings_app::Error::Invalid { message, .. }) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return users_page(&state, &signed, form, Some(message), status).await;
        }
        checked => checked?,
    };
    let hash = work::hash_password(checked.password()).await?;
    people::add(&state.store, checked, &hash).await?;
    Ok(Redirect::to("/admin/users").into_response())
}

#[derive(Deserialize)]
pub struct RoleForm {
    csrf: Option<String>,
    role: Option<String>,
    remove: Option<String>,
}

pub async fn change_user(
    State(state): State<AppState>,
    signed: Signed,
    Path(raw): Path<String>,
    Form(form): Form<RoleForm>,
) -> AdminResult {
    signed.check_csrf(form.csrf.as_deref())?;
    let (store, blog_id, by) = (&state.store, signed.site.blog.id, signed.actor());
    let Ok(id) = raw.parse::<i64>() else {
        people::may_manage(by)?;
        return Err(AppError::not_found("No such user.").into());
    };
    if form.remove.is_some() {
        people::remove(store, blog_id, by, id).await?;
    } else {
        let role = form.role.as_deref().unwrap_or("");
        people::change_role(store, blog_id, by, id, role).await?;
    }
    Ok(Redirect::to("/admin/users").into_response())
}

#[derive(Serialize)]
struct TokenRow {
    id: i64,
    label: String,
    created: String,
    last_used: String,
}

async fn tokens_page(
    state: &AppState,
    signed: &Signed,
    new_token: Option<String>,
    error: Option<String>,
    status: StatusCode,
) -> AdminResult {
    let tz = signed.site.blog.timezone;
    let fmt = |t: chrono::DateTime<chrono::Utc>| {
        t.with_timezone(&tz).format("%b %-d, %Y %H:%M").to_string()
    };
    let rows = tokens::list(&state.store, signed.user.id)
        .await?
        .into_iter()
        .map(|t| TokenRow {
            id: t.id,
            label: t.label,
            created: fmt(t.created_at),
            last_used: t.last_used_at.map(fmt).unwrap_or_else(|| "never".into()),
        })
        .collect::<Vec<_>>();
    let ctx = minijinja::context! {
        tokens => minijinja::value::Serde(rows),
        new_token => new_token,
        error => error,
    };
    Ok(render(
        state,
        signed,
        "admin/tokens.html",
        "API tokens",
        status,
        ctx,
    )?)
}

pub async fn list_tokens(State(state): State<AppState>, signed: Signed) -> AdminResult {
    tokens_page(&state, &signed, None, None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct TokenForm {
    csrf: Option<String>,
    label: Option<String>,
}

pub async fn create_token(
    State(state): State<AppState>,
    signed: Signed,
    Form(form): Form<TokenForm>,
) -> AdminResult {
    signed.check_csrf(form.csrf.as_deref())?;
    let label = form.label.as_deref().unwrap_or("");
    match tokens::create(&state.store, signed.user.id, label).await {
        // Shown this once; the page is never cached.
        Ok(secret) => tokens_page(&state, &signed, Some(secret), None, StatusCode::CREATED).await,
        Err(tidings_app::Error::Invalid { message, .. }) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            tokens_page(&state, &signed, None, Some(message), status).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn revoke_token(
    State(state): State<AppState>,
    signed: Signed,
    Path(raw): Path<String>,
    Form(form): Form<TokenForm>,
) -> AdminResult {
    signed.check_csrf(form.csrf.as_deref())?;
    let id: i64 = raw
        .parse()
        .map_err(|_| AppError::not_found("No such token."))?;
    tokens::revoke(&state.store, signed.actor(), id).await?;
    Ok(Redirect::to("/admin/tokens").into_response())
}

/// Revokes every token of the signed-in person at once.
pub async fn revoke_all_tokens(
    State(state): State<AppState>,
    signed: Signed,
    Form(form): Form<TokenForm>,
) -> AdminResult {
    signed.check_csrf(form.csrf.as_deref())?;
    tokens::revoke_all(&state.store, signed.user.id).await?;
    Ok(Redirect::to("/admin/tokens").into_response())
}

#[derive(Deserialize, Default)]
pub struct AccountQuery {
    changed: Option<String>,
}

pub async fn account(
    State(state): State<AppState>,
    signed: Signed,
    Query(q): Query<AccountQuery>,
) -> AdminResult {
    let ctx = minijinja::context! { changed => q.changed.is_some(), error => None::<String> };
    Ok(render(
        &state,
        &signed,
        "admin/account.html",
        "Your account",
        StatusCode::OK,
        ctx,
    )?)
}

#[derive(Deserialize)]
pub struct PasswordForm {
    csrf: Option<String>,
    current: Option<String>,
    new: Option<String>,
    again: Option<String>,
    /// Ticked: revoke every API token too.
    revoke_tokens: Option<String>,
}

/// A new password (`tidings_app::account`: the current one checked and
/// throttled like a sign-in, every session ended) signs this browser in
/// again; a refusal naming a field shows the form again.
pub async fn change_password(
    State(state): State<AppState>,
    signed: Signed,
    ClientIp(ip): ClientIp,
    Form(form): Form<PasswordForm>,
) -> AdminResult {
    signed.check_csrf(form.csrf.as_deref())?;
    let typed = account::NewPassword {
        current: form.current.unwrap_or_default(),
        new: form.new.unwrap_or_default(),
        again: form.again.unwrap_or_default(),
        revoke_tokens: form.revoke_tokens.is_some(),
    };
    let (store, me, now) = (&state.store, &signed.user, Utc::now());
    match account::change_password(store, &state.gate, me, ip, &typed, now).await {
        Ok(started) => {
            let mut r = Redirect::to("/admin/account?changed=1").into_response();
            let cookie = session::started(&signed.site, &started);
            r.headers_mut().insert(header::SET_COOKIE, cookie);
            Ok(r)
        }
        Err(tidings_app::Error::Invalid { message, .. }) => {
            let ctx = minijinja::context! { changed => false, error => Some(message) };
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(render(
                &state,
                &signed,
                "admin/account.html",
                "Your account",
                status,
                ctx,
            )?)
        }
        Err(refused) => Err(refused.into()),
    }
}
