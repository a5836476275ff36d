//! Deleting from the editor moves a post or page to the trash (its page
//! asks first, and says it can be restored); the list it lands on says what
//! happened, with an undo; the trash's Restore brings it back.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use chrono::Utc;
use tidings_app::posts;
use tidings_core::{Post, PostKind};

use super::{find, writer};
use crate::AppState;
use crate::admin::render::{AdminResult, render};
use crate::admin::session::{CsrfOnly, Signed};

pub async fn confirm_delete(
    State(state): State<AppState>,
    signed: Signed,
    Path(raw): Path<String>,
) -> AdminResult {
    let post = find(&state, &signed, &raw).await?;
    posts::may_change(&writer(&signed), &post)?;
    let ctx = minijinja::context! {
        id => post.id,
        title => &post.title,
        comments => post.comment_count,
        trash_days => Post::TRASH_DAYS,
    };
    Ok(render(
        &state,
        &signed,
        "admin/delete.html",
        "Move to trash",
        StatusCode::OK,
        ctx,
    )?)
}

/// Moves the post to the trash; the list says so, with an undo.
pub async fn delete(
    State(state): State<AppState>,
    signed: Signed,
    Path(raw): Path<String>,
    Form(form): Form<CsrfOnly>,
) -> AdminResult {
    signed.check_csrf(form.csrf.as_deref())?;
    let post = find(&state, &signed, &raw).await?;
    posts::delete(&state.store, &writer(&signed), &post, Utc::now()).await?;
    let kind = match post.kind {
        PostKind::Page => "page",
        PostKind::Post => "post",
    };
    Ok(Redirect::to(&format!("/admin/posts?kind={kind}&trashed={}", post.id)).into_response())
}

/// Brings the post back from the trash, to the editor saying so.
pub async fn restore(
    State(state): State<AppState>,
    signed: Signed,
    Path(raw): Path<String>,
    Form(form): Form<CsrfOnly>,
) -> AdminResult {
    signed.check_csrf(form.csrf.as_deref())?;
    let id: i64 = raw
        .parse()
        .map_err(|_| crate::error::AppError::not_found(format!("No post has the id {raw:?}.")))?;
    let post = posts::find_in_trash(&state.store, signed.site.blog.id, id).await?;
    posts::restore(&state.store, &writer(&signed), &post).await?;
    Ok(Redirect::to(&format!("/admin/posts/{id}?done=restored")).into_response())
}
