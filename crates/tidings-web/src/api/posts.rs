//! `/api/v1/posts`: list, create, show, change and delete posts and pages.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use tidings_app::posts::{self, PostInput, Writer};
use tidings_core::{Post, PostComments, PostKind, PostStatus, permission};
use tidings_store::PostFilter;

use super::auth::Caller;
use super::extract::{ApiJson, ApiPath, ApiQuery, Paging};
use crate::AppState;
use crate::error::{ApiError, AppError};
use tidings_theme::views::iso;

#[derive(Serialize)]
pub struct PostOut {
    id: i64,
    kind: PostKind,
    title: String,
    slug: String,
    /// The Markdown source, or null when the body was given as HTML.
    body: Option<String>,
    body_html: String,
    /// What list pages show: the body up to its jump break (`<!--more-->`);
    /// empty when it has none.
    teaser_html: String,
    labels: Vec<String>,
    /// Its [`PostStatus`], or `trash`.
    status: &'static str,
    published_at: String,
    updated_at: String,
    /// When it went to the trash; null for a post outside it.
    trashed_at: Option<String>,
    url: String,
    author: String,
    comment_count: i64,
    /// Shown first on page 1 of the home page.
    sticky: bool,
    /// For search results and link previews; empty: the post's summary.
    description: String,
    /// Search engines are asked not to index the post's page.
    noindex: bool,
    /// `false`: "don't mail this one": Follow by Email's subscribers are
    /// not mailed the post when it is first published.
    mail_subscribers: bool,
    /// Whether it takes comments (`open`), shows them only (`closed`) or
    /// neither (`hidden`).
    comments: PostComments,
    /// Readers need a password to read it (the password is never shown).
    password_protected: bool,
    /// A page's parent page in the sidebar's list of pages; null at the top.
    parent_id: Option<i64>,
    /// A page's place among its sibling pages, lowest first.
    menu_order: i64,
    /// The featured image's address (a path on the blog or a web address),
    /// shown atop the post and its share image; empty: none.
    featured_image: String,
}

impl PostOut {
    pub(super) fn new(p: &Post, now: DateTime<Utc>) -> Self {
        Self {
            id: p.id,
            kind: p.kind,
            title: p.title.clone(),
            slug: p.slug.clone(),
            body: p.body_markdown.clone(),
            body_html: p.body_html.clone(),
            teaser_html: p.teaser_html.clone(),
            labels: p.labels.clone(),
            status: if p.is_trashed() {
                "trash"
            } else {
                p.status_at(now).as_str()
            },
            published_at: iso(p.published_at),
            updated_at: iso(p.updated_at),
            trashed_at: p.trashed_at.map(iso),
            url: p.path.clone(),
            author: p.author_name.clone(),
            comment_count: p.comment_count,
            sticky: p.sticky,
            description: p.description.clone(),
            noindex: p.noindex,
            mail_subscribers: p.mail_subscribers,
            comments: p.comments,
            password_protected: p.is_protected(),
            parent_id: p.parent_id,
            menu_order: p.menu_order,
            featured_image: p.featured_image.clone(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostIn {
    kind: Option<PostKind>,
    title: Option<String>,
    slug: Option<String>,
    body: Option<String>,
    body_html: Option<String>,
    labels: Option<Vec<String>>,
    status: Option<PostStatus>,
    published_at: Option<DateTime<FixedOffset>>,
    sticky: Option<bool>,
    description: Option<String>,
    noindex: Option<bool>,
    mail_subscribers: Option<bool>,
    comments: Option<PostComments>,
    /// Write-only: sets the password readers must give; empty removes it.
    password: Option<String>,
    /// Absent keeps the page's parent; null puts it at the top.
    #[serde(default, deserialize_with = "present")]
    parent_id: Option<Option<i64>>,
    menu_order: Option<i64>,
    featured_image: Option<String>,
    // Read-only fields a client may echo back from GET; ignored.
    #[serde(default, rename = "id")]
    _id: Option<serde::de::IgnoredAny>,
    #[serde(default, rename = "url")]
    _url: Option<serde::de::IgnoredAny>,
    #[serde(default, rename = "updated_at")]
    _updated_at: Option<serde::de::IgnoredAny>,
    #[serde(default, rename = "trashed_at")]
    _trashed_at: Option<serde::de::IgnoredAny>,
    #[serde(default, rename = "author")]
    _author: Option<serde::de::IgnoredAny>,
    #[serde(default, rename = "comment_count")]
    _comment_count: Option<serde::de::IgnoredAny>,
    #[serde(default, rename = "password_protected")]
    _password_protected: Option<serde::de::IgnoredAny>,
}

impl From<PostIn> for PostInput {
    fn from(p: PostIn) -> Self {
        Self {
            kind: p.kind,
            title: p.title,
            slug: p.slug,
            body: p.body,
            body_html: p.body_html,
            labels: p.labels,
            status: p.status,
            published_at: p.published_at.map(|t| t.with_timezone(&Utc)),
            sticky: p.sticky,
            description: p.description,
            noindex: p.noindex,
            mail_subscribers: p.mail_subscribers,
            comments: p.comments,
            password: p.password,
            parent_id: p.parent_id,
            menu_order: p.menu_order,
            featured_image: p.featured_image,
        }
    }
}

/// The statuses a list asks for: a post's, or the trash.
#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum ListStatus {
    Draft,
    Pending,
    Scheduled,
    Published,
    Trash,
}

impl ListStatus {
    /// The post status asked for; `None` for the trash.
    fn post_status(self) -> Option<PostStatus> {
        match self {
            Self::Draft => Some(PostStatus::Draft),
            Self::Pending => Some(PostStatus::Pending),
            Self::Scheduled => Some(PostStatus::Scheduled),
            Self::Published => Some(PostStatus::Published),
            Self::Trash => None,
        }
    }
}

/// A field that is present, even as `null`: `Some(None)`, where an absent
/// one is `None` (`#[serde(default)]`).
fn present<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

#[derive(Deserialize)]
pub struct ListQuery {
    status: Option<ListStatus>,
    label: Option<String>,
    kind: Option<PostKind>,
    limit: Option<u32>,
    offset: Option<u32>,
}

#[derive(Serialize)]
pub struct List {
    items: Vec<PostOut>,
    total: i64,
}

pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Json<List>, ApiError> {
    let paging = Paging {
        limit: q.limit,
        offset: q.offset,
    };
    let now = Utc::now();
    let filter = PostFilter {
        blog_id: caller.site.blog.id,
        kind: q.kind,
        visible_at: None,
        status: q.status.and_then(ListStatus::post_status).map(|s| (s, now)),
        label: q.label,
        path_prefix: None,
        title_contains: None,
        written_by_or_visible: None,
        before: None,
        after: None,
        limit: paging.limit()?,
        offset: paging.offset(),
        trashed: matches!(q.status, Some(ListStatus::Trash)),
    }
    .readable_by(caller.role, caller.user.id, now);
    let posts = state.store.list_posts(&filter).await?;
    let total = state.store.count_posts(&filter).await?;
    Ok(Json(List {
        items: posts.iter().map(|p| PostOut::new(p, now)).collect(),
        total,
    }))
}

pub(super) fn writer(caller: &Caller) -> Writer {
    Writer {
        id: Some(caller.user.id),
        name: caller.user.name.clone(),
        role: caller.role,
    }
}

pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(input): ApiJson<PostIn>,
) -> Result<Response, ApiError> {
    let now = Utc::now();
    let blog = &caller.site.blog;
    let post = posts::save_mailing(
        &state.store,
        &state.mail,
        blog,
        &writer(&caller),
        None,
        input.into(),
        now,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(PostOut::new(&post, now))).into_response())
}

pub(super) async fn find(state: &AppState, caller: &Caller, raw: &str) -> Result<Post, ApiError> {
    let id = super::id(raw, "post")?;
    Ok(posts::find(&state.store, caller.site.blog.id, id).await?)
}

pub async fn show(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw): ApiPath<String>,
) -> Result<Json<PostOut>, ApiError> {
    let post = find(&state, &caller, &raw).await?;
    let now = Utc::now();
    let own = post.author_id == Some(caller.user.id);
    if !permission::may_read_post(caller.role, own, post.is_visible_at(now)) {
        return Err(ApiError(AppError::forbidden(format!(
            "Your role ({}) may read only your own posts and published ones.",
            caller.role.as_str()
        ))));
    }
    Ok(Json(PostOut::new(&post, now)))
}

pub async fn update(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw): ApiPath<String>,
    ApiJson(input): ApiJson<PostIn>,
) -> Result<Json<PostOut>, ApiError> {
    let now = Utc::now();
    let existing = find(&state, &caller, &raw).await?;
    let blog = &caller.site.blog;
    let writer = writer(&caller);
    let post = posts::save_mailing(
        &state.store,
        &state.mail,
        blog,
        &writer,
        Some(&existing),
        input.into(),
        now,
    )
    .await?;
    Ok(Json(PostOut::new(&post, now)))
}

pub async fn remove(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    let existing = find(&state, &caller, &raw).await?;
    posts::delete(&state.store, &writer(&caller), &existing, Utc::now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /api/v1/posts/ID/restore`: a post in the trash back, with the
/// status it had.
pub async fn restore(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw): ApiPath<String>,
) -> Result<Json<PostOut>, ApiError> {
    let id = super::id(&raw, "post")?;
    let blog_id = caller.site.blog.id;
    let trashed = posts::find_in_trash(&state.store, blog_id, id).await?;
    posts::restore(&state.store, &writer(&caller), &trashed).await?;
    let post = posts::find(&state.store, blog_id, id).await?;
    Ok(Json(PostOut::new(&post, Utc::now())))
}
