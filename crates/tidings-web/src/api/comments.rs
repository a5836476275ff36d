//! `/api/v1/comments`: the moderation queue and its actions.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tidings_core::{CommentStatus, permission};
use tidings_store::{CommentFilter, CommentListing};

use super::auth::Caller;
use super::extract::{ApiPath, ApiQuery, Paging};
use crate::AppState;
use crate::error::{ApiError, AppError};
use crate::views::iso;

#[derive(Serialize)]
pub struct CommentOut {
    id: i64,
    post_id: i64,
    parent: Option<i64>,
    author: String,
    author_url: Option<String>,
    /// Exactly as the commenter sent it.
    body: String,
    status: CommentStatus,
    published_at: String,
    /// Why it was held, e.g. "posted 0.8 s after the form loaded".
    hold_reasons: String,
    post_url: String,
}

impl From<&CommentListing> for CommentOut {
    fn from(l: &CommentListing) -> Self {
        let c = &l.comment;
        Self {
            id: c.id,
            post_id: c.post_id,
            parent: c.parent_id,
            author: c.author_name.clone(),
            author_url: c.author_url.clone(),
            body: c.body.clone(),
            status: c.status,
            published_at: iso(c.created_at),
            hold_reasons: c.hold_reasons.clone(),
            post_url: l.post_path.clone(),
        }
    }
}

#[derive(Deserialize)]
pub struct ListQuery {
    post_id: Option<i64>,
    status: Option<CommentStatus>,
    limit: Option<u32>,
    offset: Option<u32>,
}

#[derive(Serialize)]
pub struct List {
    items: Vec<CommentOut>,
    total: i64,
}

pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Json<List>, ApiError> {
    if !permission::may_read_queue(caller.role) {
        return Err(ApiError(AppError::forbidden(format!(
            "Your role ({}) may not read the comment queue; \
             published comments are on the blog's pages and feeds.",
            caller.role.as_str()
        ))));
    }
    let paging = Paging {
        limit: q.limit,
        offset: q.offset,
    };
    let filter = CommentFilter {
        blog_id: caller.site.blog.id,
        post_id: q.post_id,
        status: q.status,
        limit: paging.limit()?,
        offset: paging.offset(),
    };
    let items = state.store.list_comments(&filter).await?;
    let total = state.store.count_comments(&filter).await?;
    Ok(Json(List {
        items: items.iter().map(CommentOut::from).collect(),
        total,
    }))
}

async fn moderate(
    state: &AppState,
    caller: &Caller,
    raw: &str,
    status: CommentStatus,
) -> Result<CommentOut, ApiError> {
    // Refused before the lookup, so it does not tell which ids exist either.
    if !permission::may_read_queue(caller.role) {
        return Err(ApiError(AppError::forbidden(format!(
            "Your role ({}) may not moderate comments.",
            caller.role.as_str()
        ))));
    }
    let id = super::id(raw, "comment")?;
    let blog = caller.site.blog.id;
    let current = state
        .store
        .comment_by_id(blog, id)
        .await
        .map_err(|e| match e {
            tidings_store::StoreError::NotFound => {
                ApiError(AppError::not_found(format!("No comment has the id {id}.")))
            }
            e => e.into(),
        })?;
    let post = state
        .store
        .post_by_id(blog, current.comment.post_id)
        .await?;
    let own_post = post.author_id == Some(caller.user.id);
    if !permission::may_moderate(caller.role, own_post) {
        return Err(ApiError(AppError::forbidden(
            "Authors moderate comments on their own posts only.",
        )));
    }
    // An owner's decision: it also teaches the blog's spam filter.
    let stored = state.store.moderate_comment(blog, id, status).await?;
    Ok(CommentOut::from(&stored))
}

pub async fn approve(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw): ApiPath<String>,
) -> Result<Json<CommentOut>, ApiError> {
    Ok(Json(
        moderate(&state, &caller, &raw, CommentStatus::Published).await?,
    ))
}

pub async fn spam(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw): ApiPath<String>,
) -> Result<Json<CommentOut>, ApiError> {
    Ok(Json(
        moderate(&state, &caller, &raw, CommentStatus::Spam).await?,
    ))
}

/// Deleting keeps the row as `deleted` so replies keep their thread and the
/// owner can see what was removed.
pub async fn remove(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    moderate(&state, &caller, &raw, CommentStatus::Deleted).await?;
    Ok(StatusCode::NO_CONTENT)
}
