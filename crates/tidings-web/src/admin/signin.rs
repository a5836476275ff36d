//! Signing in and out, and the pages of the first-run setup link (its rules
//! are `tidings_app::setup`).
//!
//! Signing in itself (the throttle, the password check, the session) is
//! `tidings_app::signin`; here are its HTTP parts. Against login CSRF
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
use tidings_app::{Error, sessions, setup, signin};

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
pub(super) fn from_this_site(site: &Site, headers: &HeaderMap) -> Result<(), AppError> {
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

/// Signs in: where the post came from and the form's binding to this
/// browser are checked here, the rest is `tidings_app::signin`; a refusal
/// a person can fix shows the form again.
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
    let typed = signin::Credentials {
        email: form.email.as_deref().unwrap_or(""),
        password: form.password.as_deref().unwrap_or(""),
        from: ip,
    };
    let again = |email: &str, why: String, status| {
        login_page(&state, &site, &headers, &next, email, Some(why), status)
    };
    match signin::sign_in(&state.store, &state.gate, typed, now).await {
        Ok(signed_in) => {
            let mut r = Redirect::to(&next).into_response();
            let h = r.headers_mut();
            h.append(
                header::SET_COOKIE,
                session::started(&site, &signed_in.session),
            );
            h.append(header::SET_COOKIE, session::end_pre_session(&site));
            Ok(r)
        }
        Err(Error::Invalid { message, .. }) => again("", message, StatusCode::UNPROCESSABLE_ENTITY),
        Err(Error::Unauthorized(message)) => {
            let email = form.email.as_deref().unwrap_or("").trim();
            again(email, message, StatusCode::UNAUTHORIZED)
        }
        Err(refused) => Err(refused.into()),
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
    sessions::end(&state.store, &signed.key).await?;
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
    let link = setup::valid(&state.store, &token, site.blog.id, Utc::now()).await?;
    let blog = &site.blog;
    let form = SetupForm {
        // A link for one address: the form starts with it.
        email: link.email,
        blog_title: Some(blog.title.clone()),
        timezone: Some(blog.timezone.name().to_owned()),
        language: Some(blog.language.clone()),
        ..SetupForm::default()
    };
    setup_page(&state, &site, &token, &form, None, StatusCode::OK)
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
    /// The blog's title, time zone (the browser's, filled in by `admin.js`)
    /// and language, asked beside the account.
    blog_title: Option<String>,
    timezone: Option<String>,
    language: Option<String>,
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
        languages => tidings_core::language::SUPPORTED.to_vec(),
        timezones => chrono_tz::TZ_VARIANTS.iter().map(|t| t.name()).collect::<Vec<_>>(),
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
        blog: tidings_app::settings::Change {
            title: form.blog_title.clone(),
            timezone: form.timezone.clone(),
            language: form.language.clone(),
            ..Default::default()
        },
    };
    let admin = match setup::check(&state.store, &site.blog, &typed, now).await {
        Ok(admin) => admin,
        Err(Error::Invalid { message, .. }) => {
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
    let lifetime = state.gate.session_lifetime();
    let started = setup::complete(&state.store, admin, lifetime, now).await?;
    let mut r = Redirect::to("/admin").into_response();
    r.headers_mut()
        .insert(header::SET_COOKIE, session::started(&site, &started));
    Ok(r)
}
