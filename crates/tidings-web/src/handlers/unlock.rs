//! Password-protected posts, their HTTP side: the cookie that opens one
//! (`tidings_pass_ID`, scoped to the post's address so every other page
//! stays cacheable), and `POST /unlock`, the password form's target. The
//! rules (the check on the work pool, the limit per address, the signed
//! value) are `tidings_app::posts::unlock`'s.
//!
//! A request carrying such a cookie is never answered from, or kept in, the
//! render cache (`cache::layer` treats it as a member's), so an opened page
//! reaches no one else.

use axum::Form as UrlForm;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use serde::Deserialize;
use tidings_app::posts::unlock::{self, POST_PASS_LIFETIME, Refused};
use tidings_core::Post;

use super::pages;
use super::post::{Access, Form, show, visible_post};
use crate::AppState;
use crate::admin::session::{cookie_value, set_cookie};
use crate::error::AppError;
use crate::host::{ClientIp, Site};

/// What every post's pass cookie is named, before the post's id.
pub const COOKIE_PREFIX: &str = "tidings_pass_";

#[derive(Debug, Default, Deserialize)]
pub struct UnlockForm {
    pub post: Option<String>,
    pub password: Option<String>,
}

/// What the reader sending `headers` may see of `post`.
pub fn access(state: &AppState, post: &Post, headers: &HeaderMap) -> Access {
    let value = cookie_value(headers, &format!("{COOKIE_PREFIX}{}", post.id));
    if unlock::opens(&state.form_key, post, value.as_deref(), Utc::now()) {
        Access::Open
    } else {
        Access::Locked
    }
}

/// The password form: right, a cookie opening the post and 303 to it;
/// wrong, the locked page again with a message and the locked page's
/// status, so the answer tells nothing else.
pub async fn on_post(
    State(state): State<AppState>,
    site: Site,
    ClientIp(ip): ClientIp,
    UrlForm(form): UrlForm<UnlockForm>,
) -> Response {
    let result = async {
        let now = Utc::now();
        let id = form
            .post
            .as_deref()
            .and_then(|p| p.trim().parse::<i64>().ok())
            .ok_or_else(|| AppError::bad_request("The form names no post."))?;
        let gone = || AppError::not_found("There is no post with that number on this blog.");
        let post = site
            .store
            .post_by_id(site.blog.id, id)
            .await
            .map_err(|_| gone())?;
        let page = visible_post(&site, &post.path, post.kind, now).await?;
        let password = form.password.unwrap_or_default();
        match unlock::unlock(
            &state.unlocks,
            &state.form_key,
            &page.post,
            &password,
            ip,
            now,
        )
        .await
        {
            Ok(value) => Ok(opened(&site, &page.post, &value)),
            Err(Refused::Wrong) => {
                let mut again = Form::fresh(None, None, false);
                again.access = Access::WrongPassword;
                show(&state, &site, page, again).await
            }
            Err(Refused::Error(e)) => Err(e.into()),
        }
    }
    .await;
    pages::respond(&state, &site, result)
}

/// 303 to the post, with the cookie that opens it.
fn opened(site: &Site, post: &Post, value: &str) -> Response {
    // A path a cookie attribute can carry as it is; else the whole blog
    // (imported paths may hold other characters).
    let path = if post
        .path
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"/-_.".contains(&b))
    {
        post.path.as_str()
    } else {
        "/"
    };
    let cookie = set_cookie(
        site,
        &format!("{COOKIE_PREFIX}{}", post.id),
        path,
        value,
        POST_PASS_LIFETIME.num_seconds(),
    );
    let mut r = Redirect::to(&post.path).into_response();
    r.headers_mut().insert(header::SET_COOKIE, cookie);
    r
}
