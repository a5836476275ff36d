//! The posts and pages lists, with title search and status filters.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use tidings_core::{PostKind, PostStatus};
use tidings_store::PostFilter;

use super::render::{AdminResult, render};
use super::session::Signed;
use crate::AppState;
use crate::error::AppError;

pub const PAGE_SIZE: u32 = 50;

#[derive(Deserialize, Default)]
pub struct ListQuery {
    kind: Option<String>,
    status: Option<String>,
    q: Option<String>,
    page: Option<u32>,
}

#[derive(Serialize)]
struct Row {
    id: i64,
    title: String,
    status: PostStatus,
    date: String,
    labels: String,
    url: String,
    author: String,
    comments: i64,
}

pub async fn list(
    State(state): State<AppState>,
    signed: Signed,
    Query(q): Query<ListQuery>,
) -> AdminResult {
    let now = Utc::now();
    let kind = match q.kind.as_deref() {
        Some("page") => PostKind::Page,
        None | Some("") | Some("post") => PostKind::Post,
        Some(other) => {
            return Err(
                AppError::bad_request(format!("kind must be post or page, not {other:?}")).into(),
            );
        }
    };
    let status = match q.status.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => Some(
            s.parse::<PostStatus>()
                .map_err(|e| AppError::bad_request(e.to_string()))?,
        ),
        None => None,
    };
    let words =
        q.q.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned);
    if words.as_ref().is_some_and(|w| w.chars().count() > 200) {
        return Err(AppError::bad_request("Search for at most 200 characters.").into());
    }
    let page = q.page.unwrap_or(1).clamp(1, 10_000);
    let filter = PostFilter {
        blog_id: signed.site.blog.id,
        kind: Some(kind),
        visible_at: None,
        status: status.map(|s| (s, now)),
        label: None,
        path_prefix: None,
        title_contains: words.clone(),
        written_by_or_visible: None,
        before: None,
        after: None,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
    }
    .readable_by(signed.role, signed.user.id, now);
    let tz = signed.site.blog.timezone;
    let rows = state
        .store
        .list_posts(&filter)
        .await?
        .into_iter()
        .map(|p| Row {
            id: p.id,
            status: p.status_at(now),
            date: p
                .published_at
                .with_timezone(&tz)
                .format("%b %-d, %Y %H:%M")
                .to_string(),
            labels: p.labels.join(", "),
            url: p.path,
            author: p.author_name,
            comments: p.comment_count,
            title: p.title,
        })
        .collect::<Vec<_>>();
    let total = state.store.count_posts(&filter).await?;
    let pages = (total as u32).div_ceil(PAGE_SIZE).max(1);
    let title = if kind == PostKind::Page {
        "Pages"
    } else {
        "Posts"
    };
    let ctx = minijinja::context! {
        rows => minijinja::value::Serde(rows),
        total, page, pages,
        kind => kind.as_str(),
        status => status.map(|s| s.as_str()).unwrap_or(""),
        q => words.unwrap_or_default(),
    };
    Ok(render(
        &state,
        &signed,
        "admin/posts.html",
        title,
        StatusCode::OK,
        ctx,
    )?)
}
