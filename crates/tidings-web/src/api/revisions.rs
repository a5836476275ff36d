//! `/api/v1/posts/ID/revisions`: a post's earlier versions, newest first,
//! and putting one back.

use axum::Json;
use axum::extract::State;
use chrono::Utc;
use serde::Serialize;
use tidings_app::posts;
use tidings_store::Revision;
use tidings_theme::views::iso;

use super::auth::Caller;
use super::extract::ApiPath;
use super::posts::{PostOut, find, writer};
use crate::AppState;
use crate::error::ApiError;

#[derive(Serialize)]
pub struct RevisionOut {
    id: i64,
    title: String,
    /// As its author wrote it: Markdown, or HTML when `format` says so.
    body: String,
    format: &'static str,
    labels: Vec<String>,
    saved_at: String,
    /// Who saved that version.
    author: String,
}

impl From<Revision> for RevisionOut {
    fn from(r: Revision) -> Self {
        Self {
            id: r.id,
            title: r.title,
            body: r.body,
            format: if r.markdown { "markdown" } else { "html" },
            labels: r.labels,
            saved_at: iso(r.saved_at),
            author: r.saved_by,
        }
    }
}

#[derive(Serialize)]
pub struct RevisionList {
    revisions: Vec<RevisionOut>,
}

/// `GET /api/v1/posts/ID/revisions`, for whoever may read the post.
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw): ApiPath<String>,
) -> Result<Json<RevisionList>, ApiError> {
    let post = find(&state, &caller, &raw).await?;
    let kept = posts::revisions::list(&state.store, &writer(&caller), &post, Utc::now()).await?;
    Ok(Json(RevisionList {
        revisions: kept.into_iter().map(RevisionOut::from).collect(),
    }))
}

/// `POST /api/v1/posts/ID/revisions/REVISION/restore`: the revision's
/// title, body and labels put back (what they replace becomes a revision
/// in its turn); answers the post.
pub async fn restore(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((raw, revision)): ApiPath<(String, String)>,
) -> Result<Json<PostOut>, ApiError> {
    let post = find(&state, &caller, &raw).await?;
    let revision = super::id(&revision, "revision")?;
    let now = Utc::now();
    let blog = &caller.site.blog;
    let saved =
        posts::revisions::restore(&state.store, blog, &writer(&caller), &post, revision, now)
            .await?;
    Ok(Json(PostOut::new(&saved, now)))
}
