//! `/admin`: what needs the author's attention.

use axum::extract::State;
use axum::http::StatusCode;
use chrono::Utc;
use serde::Serialize;
use tidings_core::{CommentStatus, PostKind, PostStatus, permission};
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
        f.readable_by(signed.role, signed.user.id, now)
    };
    let published = state
        .store
        .count_posts(&count(PostStatus::Published))
        .await?;
    let drafts = state.store.count_posts(&count(PostStatus::Draft)).await?;
    let for_review = state.store.count_posts(&count(PostStatus::Pending)).await?;
    let scheduled = state
        .store
        .count_posts(&count(PostStatus::Scheduled))
        .await?;
    // The queue's figures and excerpts only for those who may read it.
    let (pending, latest) = if permission::may_read_queue(signed.role) {
        (
            state
                .store
                .count_comments(&CommentFilter {
                    blog_id: blog,
                    post_id: None,
                    status: Some(CommentStatus::Pending),
                    limit: 1,
                    offset: 0,
                })
                .await?,
            latest_comments(&state, blog).await?,
        )
    } else {
        (0, Vec::new())
    };
    // How mail fares, for the admin: a mail given up is news they need.
    let mail = if permission::may_administer(signed.role) {
        let since = now - tidings_app::mail::sender::GIVE_UP_AFTER;
        let counts = state.store.mail_counts(blog, since).await?;
        Some(minijinja::context! {
            server => state.mail.server(),
            waiting => counts.waiting,
            given_up => counts.given_up,
            last_error => counts.last_error,
        })
    } else {
        None
    };
    let ctx = minijinja::context! {
        published, drafts, for_review, scheduled, pending, mail,
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

/// The five newest comments of the blog, whatever their status.
async fn latest_comments(
    state: &AppState,
    blog: i64,
) -> Result<Vec<RecentComment>, tidings_store::StoreError> {
    Ok(state
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
        .collect())
}
