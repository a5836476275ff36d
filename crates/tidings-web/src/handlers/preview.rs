//! A member's preview: a post readers do not see yet (a draft, one waiting
//! for review, a scheduled one) shown at its own address in the blog's
//! theme, to a signed-in member of the blog whose role may read it, under a
//! banner saying readers do not see it. Everyone else gets the 404 a
//! missing post gets. The page is never kept by any cache (ours or one on
//! the way) and asks search engines not to index it.

use axum::http::{HeaderMap, HeaderName, HeaderValue};
use axum::response::Response;
use tidings_core::permission;
use tidings_store::PostPage;

use super::post::{self, Form};
use crate::AppState;
use crate::error::AppError;
use crate::host::Site;

/// `page`'s post as its preview, or 404 for whoever may not read it.
pub async fn show(
    state: &AppState,
    site: &Site,
    page: PostPage,
    headers: &HeaderMap,
) -> Result<Response, AppError> {
    let Some(session) = crate::admin::signed_member(state, site, headers).await else {
        return Err(post::not_found());
    };
    let own = page.post.author_id == Some(session.user.id);
    if !permission::may_read_post(session.role, own, false) {
        return Err(post::not_found());
    }
    // A member's request passes the render cache by; should one not, the
    // page expires as it is made.
    site.deps.expire_at(std::time::Instant::now());
    let mut form = Form::fresh(Some(session.user.name), None, false);
    form.preview = true;
    // Comments on a post readers do not see are shown nowhere, this page
    // included (its members read them in the admin).
    let page = PostPage {
        comments: Vec::new(),
        ..page
    };
    let mut response = post::show(state, site, page, form).await?;
    let headers = response.headers_mut();
    crate::cache::mark_private(headers);
    headers.insert(
        HeaderName::from_static("x-robots-tag"),
        HeaderValue::from_static("noindex"),
    );
    Ok(response)
}
