//! The posts and pages lists, with title search and status filters.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use tidings_core::{Post, PostKind, PostStatus};
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
    /// The post just moved to the trash: the list says so, with an undo.
    trashed: Option<i64>,
}

/// What the list was asked for, checked.
struct Wanted {
    kind: PostKind,
    status: Option<PostStatus>,
    /// Words the titles must contain, trimmed; `None` for every title.
    words: Option<String>,
    page: u32,
    /// The trash instead (`?status=trash`).
    trash: bool,
}

impl ListQuery {
    /// The query's fields checked: a kind or status we do not know, or a
    /// search longer than 200 characters, is a 400 naming what to change.
    fn checked(&self) -> Result<Wanted, AppError> {
        let kind = match self.kind.as_deref() {
            Some("page") => PostKind::Page,
            None | Some("") | Some("post") => PostKind::Post,
            Some(other) => {
                return Err(AppError::bad_request(format!(
                    "kind must be post or page, not {other:?}"
                )));
            }
        };
        let trash = self.status.as_deref() == Some("trash");
        let status = match self.status.as_deref().filter(|s| !s.is_empty() && !trash) {
            Some(s) => Some(
                s.parse::<PostStatus>()
                    .map_err(|e| AppError::bad_request(e.to_string()))?,
            ),
            None => None,
        };
        let words = self
            .q
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned);
        if words.as_ref().is_some_and(|w| w.chars().count() > 200) {
            return Err(AppError::bad_request("Search for at most 200 characters."));
        }
        let page = self.page.unwrap_or(1).clamp(1, 10_000);
        Ok(Wanted {
            kind,
            status,
            words,
            page,
            trash,
        })
    }
}

impl Wanted {
    /// The posts of this page of the list that `signed` may read.
    fn filter(&self, signed: &Signed, now: DateTime<Utc>) -> PostFilter {
        PostFilter {
            blog_id: signed.site.blog.id,
            kind: Some(self.kind),
            visible_at: None,
            status: self.status.map(|s| (s, now)),
            label: None,
            path_prefix: None,
            title_contains: self.words.clone(),
            written_by_or_visible: None,
            before: None,
            after: None,
            limit: PAGE_SIZE,
            offset: (self.page - 1) * PAGE_SIZE,
            trashed: self.trash,
        }
        .readable_by(signed.role, signed.user.id, now)
    }
}

/// A post as a line of the list shows it.
#[derive(Serialize)]
struct ListedPost {
    id: i64,
    title: String,
    status: PostStatus,
    /// When it went to the trash, in the blog's zone; empty outside it.
    trashed: String,
    date: String,
    labels: String,
    url: String,
    author: String,
    comments: i64,
}

impl ListedPost {
    /// `p` as of `now`, its date in the blog's zone `tz`.
    fn of(p: Post, now: DateTime<Utc>, tz: Tz) -> Self {
        Self {
            id: p.id,
            status: p.status_at(now),
            trashed: p
                .trashed_at
                .map(|t| t.with_timezone(&tz).format("%b %-d, %Y %H:%M").to_string())
                .unwrap_or_default(),
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
        }
    }
}

pub async fn list(
    State(state): State<AppState>,
    signed: Signed,
    Query(q): Query<ListQuery>,
) -> AdminResult {
    let now = Utc::now();
    let wanted = q.checked()?;
    let filter = wanted.filter(&signed, now);
    let tz = signed.site.blog.timezone;
    let rows = state
        .store
        .list_posts(&filter)
        .await?
        .into_iter()
        .map(|p| ListedPost::of(p, now, tz))
        .collect::<Vec<_>>();
    let total = state.store.count_posts(&filter).await?;
    let pages = (total as u32).div_ceil(PAGE_SIZE).max(1);
    let title = match (wanted.trash, wanted.kind) {
        (true, _) => "Trash",
        (false, PostKind::Page) => "Pages",
        (false, PostKind::Post) => "Posts",
    };
    // Named only when it is this blog's and in the trash, for the undo.
    let trashed = match q.trashed {
        Some(id) => tidings_app::posts::find_in_trash(&state.store, signed.site.blog.id, id)
            .await
            .ok()
            .map(|p| minijinja::context! { id => p.id, title => p.title }),
        None => None,
    };
    let ctx = minijinja::context! {
        rows => minijinja::value::Serde(rows),
        total, pages,
        page => wanted.page,
        kind => wanted.kind.as_str(),
        status => if wanted.trash { "trash" } else { wanted.status.map(|s| s.as_str()).unwrap_or("") },
        trash => wanted.trash,
        trashed => trashed,
        trash_days => Post::TRASH_DAYS,
        q => wanted.words.unwrap_or_default(),
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
