//! Signing in and out, and the first-run setup link.
//!
//! Throttling (SPEC section 6, issue 3): an address is refused for a while
//! after 10 failures in 15 minutes, even if the right password follows; an
//! account takes at most 100 failures an hour from addresses that are already
//! failing, while an address with no recent failures may still try, so an
//! attacker cannot lock the owner out. Failures live in the database, so the
//! limits hold across nodes. Each failure is also answered a little slower.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect};
use chrono::{Duration, Utc};
use serde::Deserialize;

use super::render::{AdminResult, render_bare};
use super::session::{self, Signed};
use crate::AppState;
use crate::api::tokens;
use crate::error::AppError;
use crate::form_token::{self, Purpose};
use crate::host::{ClientIp, Site};

pub const IP_FAILURES: i64 = 10;
pub const IP_WINDOW: Duration = Duration::minutes(15);
pub const ACCOUNT_FAILURES: i64 = 100;
pub const ACCOUNT_WINDOW: Duration = Duration::hours(1);

#[derive(Deserialize, Default)]
pub struct NextQuery {
    next: Option<String>,
}

/// Only paths inside the admin: never an open redirect.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with("/admin") && !n.contains("//") && !n.contains('\\') => {
            n.to_owned()
        }
        _ => "/admin".to_owned(),
    }
}

fn login_page(
    state: &AppState,
    site: &Site,
    next: &str,
    email: &str,
    error: Option<String>,
    status: StatusCode,
) -> AdminResult {
    let token = form_token::issue(&state.form_key, Purpose::SignIn, 0, Utc::now());
    let ctx = minijinja::context! {
        token => token,
        next => next,
        email => email,
        error => error,
    };
    Ok(render_bare(
        state,
        site,
        "admin/login.html",
        "Sign in",
        status,
        ctx,
    )?)
}

pub async fn show(
    State(state): State<AppState>,
    site: Site,
    Query(q): Query<NextQuery>,
) -> AdminResult {
    login_page(
        &state,
        &site,
        &safe_next(q.next.as_deref()),
        "",
        None,
        StatusCode::OK,
    )
}

#[derive(Deserialize)]
pub struct SignInForm {
    token: Option<String>,
    email: Option<String>,
    password: Option<String>,
    next: Option<String>,
}

pub async fn sign_in(
    State(state): State<AppState>,
    site: Site,
    ClientIp(ip): ClientIp,
    Form(form): Form<SignInForm>,
) -> AdminResult {
    let now = Utc::now();
    let next = safe_next(form.next.as_deref());
    let email = form.email.as_deref().unwrap_or("").trim().to_lowercase();
    form_token::verify(
        &state.form_key,
        Purpose::SignIn,
        form.token.as_deref().unwrap_or(""),
        0,
        now,
    )
    .map_err(|_| {
        AppError::bad_request("This sign-in form has expired. Reload the page and try again.")
    })?;
    let ip = ip.to_string();

    let from_ip = state
        .store
        .signin_failures_from(&ip, now - IP_WINDOW)
        .await?;
    if from_ip.count >= IP_FAILURES {
        let wait = retry_after(from_ip.oldest, IP_WINDOW, now);
        return Err(AppError::too_many(
            format!(
                "Too many failed sign-ins from your address. Try again in {} minutes.",
                wait.div_ceil(60)
            ),
            wait,
        )
        .into());
    }
    if from_ip.count > 0 {
        let for_account = state
            .store
            .signin_failures_for(&email, now - ACCOUNT_WINDOW)
            .await?;
        if for_account.count >= ACCOUNT_FAILURES {
            let wait = retry_after(for_account.oldest, ACCOUNT_WINDOW, now);
            return Err(AppError::too_many(
                format!(
                    "Too many failed sign-ins for this account. Try again in {} minutes.",
                    wait.div_ceil(60)
                ),
                wait,
            )
            .into());
        }
    }

    let password = form.password.as_deref().unwrap_or("");
    let user = state.store.user_by_email(&email).await?;
    let verified = match &user {
        Some(u) => {
            let (password, hash) = (password.to_owned(), u.password_hash.clone());
            // Argon2 takes real CPU time: keep it off the async workers.
            tokio::task::spawn_blocking(move || tidings_core::password::verify(&password, &hash))
                .await
                .unwrap_or(false)
        }
        None => false,
    };
    match user {
        Some(u) if verified => {
            let cookie = session::start(&state, &site, u.id).await?;
            let mut r = Redirect::to(&next).into_response();
            r.headers_mut().insert(header::SET_COOKIE, cookie);
            Ok(r)
        }
        _ => {
            state.store.record_signin_failure(&ip, &email, now).await?;
            // From the third failure on, each answer from this address comes
            // a little slower (up to a second): guessing gets expensive while
            // a typo or two costs a person nothing.
            let delay = 100 * (from_ip.count - 1).clamp(0, 10) as u64;
            tokio::time::sleep(std::time::Duration::from_millis(delay)).await;
            login_page(
                &state,
                &site,
                &next,
                &email,
                Some("That email and password do not match.".into()),
                StatusCode::UNAUTHORIZED,
            )
        }
    }
}

fn retry_after(
    oldest: Option<chrono::DateTime<Utc>>,
    window: Duration,
    now: chrono::DateTime<Utc>,
) -> u64 {
    oldest
        .map(|o| (o + window - now).num_seconds().max(1) as u64)
        .unwrap_or(60)
}

#[derive(Deserialize)]
pub struct CsrfForm {
    csrf: Option<String>,
}

pub async fn sign_out(
    State(state): State<AppState>,
    signed: Signed,
    Form(form): Form<CsrfForm>,
) -> AdminResult {
    signed.check_csrf(form.csrf.as_deref())?;
    state.store.delete_session(&signed.token_hash).await?;
    let mut r = Redirect::to("/admin/login").into_response();
    r.headers_mut()
        .insert(header::SET_COOKIE, session::cookie(&signed.site, "", 0));
    Ok(r)
}

/// Creates the one-time setup link when nobody can sign in yet, and answers
/// its path for the console.
pub async fn setup_link(
    store: &tidings_store::Store,
) -> Result<Option<String>, tidings_store::StoreError> {
    if store.has_users().await? {
        return Ok(None);
    }
    let token = tokens::random_hex();
    store.create_setup_token(&tokens::hash(&token)).await?;
    Ok(Some(format!("/admin/setup?token={token}")))
}

#[derive(Deserialize)]
pub struct SetupQuery {
    token: Option<String>,
}

fn setup_gone() -> AppError {
    AppError::not_found(
        "This setup link has been used or is not valid. Sign in instead, or ask the owner for an account.",
    )
}

pub async fn setup_form(
    State(state): State<AppState>,
    site: Site,
    Query(q): Query<SetupQuery>,
) -> AdminResult {
    let token = q.token.unwrap_or_default();
    if token.is_empty() || !state.store.setup_token_valid(&tokens::hash(&token)).await? {
        return Err(setup_gone().into());
    }
    setup_page(
        &state,
        &site,
        &token,
        &SetupForm::default(),
        None,
        StatusCode::OK,
    )
}

#[derive(Deserialize, Default, serde::Serialize)]
pub struct SetupForm {
    token: Option<String>,
    name: Option<String>,
    email: Option<String>,
    #[serde(skip_serializing)]
    password: Option<String>,
    #[serde(skip_serializing)]
    password_again: Option<String>,
}

fn setup_page(
    state: &AppState,
    site: &Site,
    token: &str,
    form: &SetupForm,
    error: Option<String>,
    status: StatusCode,
) -> AdminResult {
    let ctx = minijinja::context! {
        token => token,
        form => minijinja::value::Serde(form),
        error => error,
    };
    Ok(render_bare(
        state,
        site,
        "admin/setup.html",
        "Create the admin account",
        status,
        ctx,
    )?)
}

pub async fn setup(
    State(state): State<AppState>,
    site: Site,
    Form(form): Form<SetupForm>,
) -> AdminResult {
    let token = form.token.clone().unwrap_or_default();
    let hash = tokens::hash(&token);
    if token.is_empty() || !state.store.setup_token_valid(&hash).await? {
        return Err(setup_gone().into());
    }
    let name = form.name.as_deref().unwrap_or("").trim().to_owned();
    let email = form.email.as_deref().unwrap_or("").trim().to_lowercase();
    let password = form.password.clone().unwrap_or_default();
    let problem = if !tidings_core::user::is_valid_name(&name) {
        Some("Your name must be 1 to 100 characters.".to_owned())
    } else if !tidings_core::user::is_plausible_email(&email) {
        Some("That email address does not look right.".to_owned())
    } else if let Err(why) = tidings_core::password::check(&password) {
        Some(why)
    } else if form.password_again.as_deref() != Some(password.as_str()) {
        Some("The two passwords differ.".to_owned())
    } else {
        None
    };
    if let Some(why) = problem {
        return setup_page(
            &state,
            &site,
            &token,
            &form,
            Some(why),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let hashed = tokio::task::spawn_blocking(move || tidings_core::password::hash(&password))
        .await
        .map_err(|_| AppError::internal())?
        .map_err(|e| {
            tracing::error!("{e}");
            AppError::internal()
        })?;
    let user = match state
        .store
        .complete_setup(&hash, site.blog.id, &email, &name, &hashed)
        .await
    {
        Ok(u) => u,
        Err(tidings_store::StoreError::NotFound) => return Err(setup_gone().into()),
        Err(e) => return Err(e.into()),
    };
    let cookie = session::start(&state, &site, user.id).await?;
    let mut r = Redirect::to("/admin").into_response();
    r.headers_mut().insert(header::SET_COOKIE, cookie);
    Ok(r)
}
