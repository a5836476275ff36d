//! Who is signed in, as HTTP sees it: the session cookie, resolved on every
//! request by `tidings_app::sessions` (expiry and the role on this blog are
//! its), and the CSRF token every state-changing form carries; before that,
//! the pre-session cookie the sign-in form is bound to.

use axum::extract::{FromRequestParts, OriginalUri};
use axum::http::{HeaderMap, HeaderValue, header, request::Parts};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use tidings_app::secrets;
use tidings_app::sessions::{self, Started};
use tidings_core::Role;
use tidings_store::User;

use crate::AppState;
use crate::error::AppError;
use crate::host::Site;

pub const COOKIE: &str = "tidings_session";

/// The pre-session cookie: a random value given with the sign-in form, whose
/// token is bound to it (`form_token::issue_bound`). Only the browser that
/// loaded the form can post it: a cross-site post carries no SameSite=Lax
/// cookie, and an attacker's own token is bound to the attacker's cookie.
pub const PRE_SESSION_COOKIE: &str = "tidings_signin";

/// A signed-in member of the request's blog.
pub struct Signed {
    pub user: User,
    pub role: Role,
    pub csrf: String,
    pub site: Site,
    /// Which session this is, to end it on sign-out.
    pub key: sessions::Key,
    /// The member's other blogs, for the switcher in the top bar.
    pub other_blogs: Vec<super::switcher::OtherBlog>,
}

/// Why a page needs someone signed in: go sign in, or you may not be here.
pub enum Refusal {
    SignIn(String),
    Error(AppError),
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match self {
            Self::SignIn(next) => Redirect::to(&format!(
                "/admin/login?next={}",
                crate::handlers::paging::query_value(&next)
            ))
            .into_response(),
            Self::Error(e) => super::render::AdminError(e).into_response(),
        }
    }
}

impl<E: Into<AppError>> From<E> for Refusal {
    fn from(e: E) -> Self {
        Self::Error(e.into())
    }
}

/// The session token in the request's cookies, if any.
pub fn cookie_token(headers: &HeaderMap) -> Option<String> {
    cookie_value(headers, COOKIE).filter(|v| !v.is_empty() && v.len() <= 128)
}

pub(crate) fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value.to_owned())
}

/// The browser's pre-session value as the sign-in token binds it (hashed,
/// so the form never shows the cookie), if it sent one.
pub fn pre_session(headers: &HeaderMap) -> Option<String> {
    pre_session_value(headers).map(|v| secrets::hash(&v))
}

fn pre_session_value(headers: &HeaderMap) -> Option<String> {
    cookie_value(headers, PRE_SESSION_COOKIE)
        .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The browser's pre-session binding, and the `Set-Cookie` that gives it
/// (a new one when it has none) for as long as the form being served is
/// good.
pub fn pre_session_for_form(site: &Site, headers: &HeaderMap) -> (String, HeaderValue) {
    let value = pre_session_value(headers).unwrap_or_else(secrets::random_hex);
    let max_age = crate::form_token::SIGN_IN_LIFETIME.num_seconds();
    let cookie = set_cookie(site, PRE_SESSION_COOKIE, "/admin", &value, max_age);
    (secrets::hash(&value), cookie)
}

/// Ends the pre-session: a signed-in browser needs it no more, and its
/// sign-in token dies with it.
pub fn end_pre_session(site: &Site) -> HeaderValue {
    set_cookie(site, PRE_SESSION_COOKIE, "/admin", "", 0)
}

impl FromRequestParts<AppState> for Signed {
    type Rejection = Refusal;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Refusal> {
        let site = Site::from_request_parts(parts, state).await?;
        // Inside the nested admin router the URI has lost its `/admin`.
        let next = parts
            .extensions
            .get::<OriginalUri>()
            .and_then(|u| u.0.path_and_query())
            .map(|p| p.as_str().to_owned())
            .unwrap_or_else(|| "/admin".into());
        let Some(token) = cookie_token(&parts.headers) else {
            return Err(Refusal::SignIn(next));
        };
        let Some(session) = sessions::find(&state.store, &token, site.blog.id, Utc::now()).await?
        else {
            return Err(Refusal::SignIn(next));
        };
        let other_blogs = super::switcher::other_blogs(state, &site, session.user.id).await?;
        Ok(Signed {
            user: session.user,
            role: session.role,
            csrf: session.csrf,
            site,
            key: session.key,
            other_blogs,
        })
    }
}

/// The form of a button that only acts (delete, restore): its CSRF token.
#[derive(serde::Deserialize)]
pub struct CsrfOnly {
    pub csrf: Option<String>,
}

impl Signed {
    /// Refuses a state-changing request whose form lacks this session's token.
    pub fn check_csrf(&self, given: Option<&str>) -> Result<(), AppError> {
        let given = given.unwrap_or("");
        if constant_time_eq(given.as_bytes(), self.csrf.as_bytes()) {
            Ok(())
        } else {
            Err(AppError::forbidden(
                "This form has expired or did not come from this site. Reload the page and try again.",
            ))
        }
    }

    /// The signed-in person as the use cases see them.
    pub fn actor(&self) -> tidings_app::Actor<'_> {
        tidings_app::Actor::Member(&self.user, self.role)
    }

    /// Refuses unless `allowed`, with a message naming the role.
    pub fn require(&self, allowed: bool, doing: &str) -> Result<(), AppError> {
        if allowed {
            Ok(())
        } else {
            Err(AppError::forbidden(format!(
                "Your role ({}) may not {doing}.",
                self.role.as_str()
            )))
        }
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The `Set-Cookie` that gives a browser the session just `started`.
pub fn started(site: &Site, started: &Started) -> HeaderValue {
    cookie(site, &started.token, started.lifetime.num_seconds())
}

/// The session's `Set-Cookie` value.
pub fn cookie(site: &Site, token: &str, max_age: i64) -> HeaderValue {
    set_cookie(site, COOKIE, "/", token, max_age)
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, Secure behind https.
pub(crate) fn set_cookie(
    site: &Site,
    name: &str,
    path: &str,
    value: &str,
    max_age: i64,
) -> HeaderValue {
    let secure = if site.base_url.starts_with("https://") {
        "; Secure"
    } else {
        ""
    };
    HeaderValue::from_str(&format!(
        "{name}={value}; Path={path}; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
    ))
    .expect("cookie values are hex")
}

/// The signed-in member of `site`'s blog sending `headers`, if any: public
/// pages use it to let members comment where only they may, and mark their
/// comments as the author's.
pub async fn member(
    state: &AppState,
    site: &Site,
    headers: &HeaderMap,
) -> Option<tidings_app::comments::Member> {
    signed_member(state, site, headers)
        .await
        .map(|s| tidings_app::comments::Member {
            id: s.user.id,
            name: s.user.name,
        })
}

/// The session of the signed-in member of `site`'s blog sending
/// `headers`, with their role, if any: a public page shows such a member
/// what readers do not see yet (a preview).
pub async fn signed_member(
    state: &AppState,
    site: &Site,
    headers: &HeaderMap,
) -> Option<sessions::Session> {
    let token = cookie_token(headers)?;
    match sessions::find(&state.store, &token, site.blog.id, Utc::now()).await {
        Ok(session) => session,
        Err(tidings_app::Error::Forbidden(_)) => None,
        Err(e) => {
            tracing::error!("session lookup: {e}");
            None
        }
    }
}
