//! `/api/v1/comments`: the moderation queue and its actions.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tidings_app::comments::{Decision, Moderator, Queue};
use tidings_core::CommentStatus;
use tidings_store::{CommentFilter, CommentListing};

use super::auth::Caller;
use super::extract::{ApiPath, ApiQuery, Paging};
use crate::AppState;
use crate::error::ApiError;
use tidings_theme::views::iso;

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

/// The blog's queue for the caller (`Queue::open` refuses those who may
/// not read it, before any lookup).
fn queue_of<'a>(state: &'a AppState, caller: &'a Caller) -> Result<Queue<'a>, ApiError> {
    let by = Moderator {
        user: &caller.user,
        role: caller.role,
    };
    Ok(Queue::open(&state.store, caller.site.blog.id, by)?)
}

pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Json<List>, ApiError> {
    let queue = queue_of(&state, &caller)?;
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
    let (items, total) = queue.list(filter).await?;
    Ok(Json(List {
        items: items.iter().map(CommentOut::from).collect(),
        total,
    }))
}

async fn moderate(
    state: &AppState,
    caller: &Caller,
    raw: &str,
    decision: Decision,
) -> Result<CommentOut, ApiError> {
    let queue = queue_of(state, caller)?;
    let stored = queue.moderate(super::id(raw, "comment")?, decision).await?;
    Ok(CommentOut::from(&stored))
}

pub async fn approve(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw): ApiPath<String>,
) -> Result<Json<CommentOut>, ApiError> {
    Ok(Json(
        moderate(&state, &caller, &raw, Decision::Approve).await?,
    ))
}

pub async fn spam(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw): ApiPath<String>,
) -> Result<Json<CommentOut>, ApiError> {
    Ok(Json(moderate(&state, &caller, &raw, Decision::Spam).await?))
}

/// Deleting keeps the row as `deleted` so replies keep their thread and the
/// owner can see what was removed.
pub async fn remove(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    moderate(&state, &caller, &raw, Decision::Delete).await?;
    Ok(StatusCode::NO_CONTENT)
}
