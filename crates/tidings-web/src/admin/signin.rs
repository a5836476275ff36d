//! Signing in and out, and the pages of the first-run setup link (its rules
//! are `tidings_app::setup`).
//!
//! Every rule of the sign-in throttle is in `tidings_app::signin`; password checks
//! run through `crate::hashing`, at most one per core. Against login CSRF
//! (another site signing a visitor in to an account of its own, to watch
//! what they write), the form's token is bound to a pre-session cookie
//! (`session::pre_session`) and a browser's post must come from this site
//! (`Origin`, `Sec-Fetch-Site`); clients that send neither header still need
//! the token and the cookie that go together.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect};
use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::render::{AdminResult, render_bare};
use super::session::{self, Signed};
use crate::AppState;
use crate::error::AppError;
use crate::form_token::{self, Purpose};
use crate::host::{ClientIp, Site};
use tidings_app::{setup, signin as throttle};

/// The longest email address there is (RFC 5321's path limit, less `<>`).
const MAX_EMAIL: usize = 254;

#[derive(Deserialize, Default)]
pub struct NextQuery {
    next: Option<String>,
}

/// Only paths inside the admin: never an open redirect, and never a
/// character a `Location` header cannot carry.
fn safe_next(next: Option<&str>) -> Result<String, AppError> {
    match next {
        Some(n) if n.chars().any(char::is_control) => Err(AppError::bad_request(
            "The page to go to after signing in (next) contains control characters. \
             Open /admin/login and sign in from there.",
        )),
        Some(n) if n.starts_with("/admin") && !n.contains("//") && !n.contains('\\') => {
            Ok(n.to_owned())
        }
        _ => Ok("/admin".to_owned()),
    }
}

/// The sign-in form, its token bound to this browser's pre-session cookie
/// (given now if it has none, renewed if it has).
fn login_page(
    state: &AppState,
    site: &Site,
    headers: &HeaderMap,
    next: &str,
    email: &str,
    error: Option<String>,
    status: StatusCode,
) -> AdminResult {
    let (browser, cookie) = session::pre_session_for_form(site, headers);
    let token = form_token::issue_bound(&state.form_key, Purpose::SignIn, 0, &browser, Utc::now());
    let ctx = minijinja::context! {
        token => token,
        next => next,
        email => email,
        error => error,
    };
    let mut r = render_bare(state, site, "admin/login.html", "Sign in", status, ctx)?;
    r.headers_mut().append(header::SET_COOKIE, cookie);
    Ok(r)
}

pub async fn show(
    State(state): State<AppState>,
    site: Site,
    headers: HeaderMap,
    Query(q): Query<NextQuery>,
) -> AdminResult {
    let next = safe_next(q.next.as_deref())?;
    login_page(&state, &site, &headers, &next, "", None, StatusCode::OK)
}

#[derive(Deserialize)]
pub struct SignInForm {
    token: Option<String>,
    email: Option<String>,
    password: Option<String>,
    next: Option<String>,
}

/// Refuses a browser's sign-in posted from another site. Browsers send
/// `Sec-Fetch-Site` or `Origin` with every form post; a client that sends
/// neither is no browser, and still needs a served token with its cookie.
/// The origin is this site when it names the request's `Host`, or the
/// blog's own host (behind a proxy that does not pass `Host` on).
fn from_this_site(site: &Site, headers: &HeaderMap) -> Result<(), AppError> {
    let refused = || {
        AppError::forbidden(
            "This sign-in was sent from another site, so it was refused. \
             Open this blog's own /admin/login page and sign in there.",
        )
    };
    if headers
        .get("sec-fetch-site")
        .is_some_and(|s| !matches!(s.as_bytes(), b"same-origin" | b"none"))
    {
        return Err(refused());
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let authority = origin
            .to_str()
            .ok()
            .and_then(|o| o.split_once("://"))
            .map(|(_, authority)| authority)
            .ok_or_else(refused)?;
        let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
        let blog_host = authority.rsplit_once(':').map_or(authority, |(h, _)| h);
        if !(host.is_some_and(|h| h.eq_ignore_ascii_case(authority))
            || blog_host.eq_ignore_ascii_case(&site.blog.host))
        {
            return Err(refused());
        }
    }
    Ok(())
}

/// Refuses a sign-in whose form was not served to this browser: the
/// token must be one we issued, unexpired, bound to the pre-session cookie
/// the browser sent back.
fn served_to_this_browser(
    state: &AppState,
    headers: &HeaderMap,
    token: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let Some(browser) = session::pre_session(headers) else {
        return Err(AppError::forbidden(
            "Your browser did not send back the cookie of the sign-in form. \
             Allow cookies for this site, reload the sign-in page and try again.",
        ));
    };
    form_token::verify_bound(
        &state.form_key,
        Purpose::SignIn,
        token.unwrap_or(""),
        0,
        &browser,
        now,
    )
    .map_err(|_| {
        AppError::forbidden(
            "This sign-in form has expired or was not served to this browser. \
             Reload the page and try again.",
        )
    })?;
    Ok(())
}

/// What is wrong with the typed email or password before any look-up, as
/// the form shows it.
fn input_problem(email: &str, password: &str) -> Option<&'static str> {
    if email.chars().any(char::is_control) {
        Some("An email address cannot contain control characters.")
    } else if email.len() > MAX_EMAIL {
        Some("That email address is too long.")
    } else if password.contains('\0') {
        Some("A password cannot contain NUL characters.")
    } else {
        None
    }
}

pub async fn sign_in(
    State(state): State<AppState>,
    site: Site,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Form(form): Form<SignInForm>,
) -> AdminResult {
    let now = Utc::now();
    from_this_site(&site, &headers)?;
    let next = safe_next(form.next.as_deref())?;
    served_to_this_browser(&state, &headers, form.token.as_deref(), now)?;
    let email = form.email.as_deref().unwrap_or("").trim().to_lowercase();
    let password = form.password.as_deref().unwrap_or("");
    let problem = input_problem(&email, password);
    if let Some(why) = problem {
        return login_page(
            &state,
            &site,
            &headers,
            &next,
            "",
            Some(why.into()),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }

    let user = state.store.user_by_email(&email).await?;
    let attempt =
        throttle::begin(&state.store, ip, &email, user.as_ref().map(|u| u.id), now).await?;
    // A place in line for the hash; when the line is full, the attempt was
    // never checked and does not count.
    let admitted = match state.hashing.admit() {
        Ok(a) => a,
        Err(busy) => {
            attempt.withdraw(&state.store).await?;
            return Err(busy.into());
        }
    };
    let (given, stored) = (
        password.to_owned(),
        user.as_ref().map(|u| u.password_hash.clone()),
    );
    let verified = admitted
        .run(move || tidings_core::password::verify_account(&given, stored.as_deref()))
        .await?;
    match user {
        Some(u) if verified => {
            attempt.succeeded(&state.store, u.id, now).await?;
            let cookie = session::start(&state, &site, u.id).await?;
            let mut r = Redirect::to(&next).into_response();
            r.headers_mut().append(header::SET_COOKIE, cookie);
            r.headers_mut()
                .append(header::SET_COOKIE, session::end_pre_session(&site));
            Ok(r)
        }
        _ => {
            tokio::time::sleep(attempt.failed()).await;
            login_page(
                &state,
                &site,
                &headers,
                &next,
                &email,
                Some("That email and password do not match.".into()),
                StatusCode::UNAUTHORIZED,
            )
        }
    }
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

#[derive(Deserialize)]
pub struct SetupQuery {
    token: Option<String>,
}

pub async fn setup_form(
    State(state): State<AppState>,
    site: Site,
    Query(q): Query<SetupQuery>,
) -> AdminResult {
    let token = q.token.unwrap_or_default();
    setup::valid(&state.store, &token, Utc::now()).await?;
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

/// The first admin from the setup form: the rules are `tidings_app::setup`'s;
/// a refusal with a field shows the form again with what was typed.
pub async fn setup(
    State(state): State<AppState>,
    site: Site,
    Form(form): Form<SetupForm>,
) -> AdminResult {
    let now = Utc::now();
    let typed = setup::FirstAdmin {
        token: form.token.clone().unwrap_or_default(),
        name: form.name.clone().unwrap_or_default(),
        email: form.email.clone().unwrap_or_default(),
        password: form.password.clone().unwrap_or_default(),
        password_again: form.password_again.clone().unwrap_or_default(),
    };
    let admin = match setup::check(&state.store, &typed, now).await {
        Ok(admin) => admin,
        Err(tidings_app::Error::Invalid { message, .. }) => {
            return setup_page(
                &state,
                &site,
                &typed.token,
                &form,
                Some(message),
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
        Err(refused) => return Err(refused.into()),
    };
    let hashed = state.hashing.hash(admin.password()).await?;
    let user = setup::complete(&state.store, site.blog.id, admin, &hashed, now).await?;
    let cookie = session::start(&state, &site, user.id).await?;
    let mut r = Redirect::to("/admin").into_response();
    r.headers_mut().insert(header::SET_COOKIE, cookie);
    Ok(r)
}
