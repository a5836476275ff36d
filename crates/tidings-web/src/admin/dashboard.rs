//! `/admin`: what needs the author's attention.

use axum::extract::State;
use axum::http::StatusCode;
use chrono::Utc;
use serde::Serialize;
use tidings_core::{CommentStatus, PostKind, PostStatus};
use tidings_store::{CommentFilter, PostFilter};

use super::render::{AdminResult, render};
use super::session::Signed;
use crate::AppState;

#[derive(Serialize)]
struct RecentComment {
    id: i64,
    author: String,
    excerpt: String,
    post_title: String,
    post_url: String,
    status: CommentStatus,
}

pub async fn show(State(state): State<AppState>, signed: Signed) -> AdminResult {
    let now = Utc::now();
    let blog = signed.site.blog.id;
    let count = |status| {
        let mut f = PostFilter::visible(blog, now, 1);
        f.visible_at = None;
        f.kind = Some(PostKind::Post);
        f.status = Some((status, now));
        f
    };
    let published = state
        .store
        .count_posts(&count(PostStatus::Published))
        .await?;
    let drafts = state.store.count_posts(&count(PostStatus::Draft)).await?;
    let scheduled = state
        .store
        .count_posts(&count(PostStatus::Scheduled))
        .await?;
    let pending = state
        .store
        .count_comments(&CommentFilter {
            blog_id: blog,
            post_id: None,
            status: Some(CommentStatus::Pending),
            limit: 1,
            offset: 0,
        })
        .await?;
    let latest = state
        .store
        .list_comments(&CommentFilter {
            blog_id: blog,
            post_id: None,
            status: None,
            limit: 5,
            offset: 0,
        })
        .await?
        .into_iter()
        .filter(|c| c.comment.status != CommentStatus::Deleted)
        .map(|c| RecentComment {
            id: c.comment.id,
            author: c.comment.author_name,
            excerpt: tidings_render::summary(&c.comment.body, 140),
            post_title: c.post_title,
            post_url: c.post_path,
            status: c.comment.status,
        })
        .collect::<Vec<_>>();
    let ctx = minijinja::context! {
        published, drafts, scheduled, pending,
        latest => minijinja::value::Serde(latest),
    };
    Ok(render(
        &state,
        &signed,
        "admin/dashboard.html",
        "Dashboard",
        StatusCode::OK,
        ctx,
    )?)
}
