//! The comment queue: pending, published, spam; approve, mark spam, delete
//! (one or many at once), and reply as the author.

use axum::Form;
use axum::extract::{Path, Query, RawForm, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use tidings_core::{CommentStatus, permission};
use tidings_store::{CommentFilter, CommentListing, NewComment};

use super::render::{AdminResult, render};
use super::session::Signed;
use crate::AppState;
use crate::error::AppError;

pub const PAGE_SIZE: u32 = 100;

#[derive(Deserialize, Default)]
pub struct QueueQuery {
    status: Option<String>,
    done: Option<String>,
}

#[derive(Serialize)]
struct Row {
    id: i64,
    author: String,
    author_url: Option<String>,
    /// Escaped like on the public page: never markup.
    body_html: String,
    date: String,
    post_title: String,
    post_url: String,
    hold_reasons: String,
    parent: Option<i64>,
}

fn status_of(raw: Option<&str>) -> Result<CommentStatus, AppError> {
    match raw.filter(|s| !s.is_empty()) {
        None => Ok(CommentStatus::Pending),
        Some(s) => match s.parse::<CommentStatus>() {
            Ok(CommentStatus::Deleted) | Err(_) => Err(AppError::bad_request(format!(
                "status must be pending, published or spam, not {s:?}"
            ))),
            Ok(status) => Ok(status),
        },
    }
}

pub async fn queue(
    State(state): State<AppState>,
    signed: Signed,
    Query(q): Query<QueueQuery>,
) -> AdminResult {
    signed.require(permission::may_read_queue(signed.role), "moderate comments")?;
    let status = status_of(q.status.as_deref())?;
    let filter = CommentFilter {
        blog_id: signed.site.blog.id,
        post_id: None,
        status: Some(status),
        limit: PAGE_SIZE,
        offset: 0,
    };
    let tz = signed.site.blog.timezone;
    let rows = state
        .store
        .list_comments(&filter)
        .await?
        .into_iter()
        .map(|l| Row {
            id: l.comment.id,
            body_html: tidings_render::comment_to_html(&l.comment.body),
            author: l.comment.author_name,
            author_url: l.comment.author_url,
            date: l
                .comment
                .created_at
                .with_timezone(&tz)
                .format("%b %-d, %Y %H:%M")
                .to_string(),
            post_title: l.post_title,
            post_url: l.post_path,
            hold_reasons: l.comment.hold_reasons,
            parent: l.comment.parent_id,
        })
        .collect::<Vec<_>>();
    let total = state.store.count_comments(&filter).await?;
    let ctx = minijinja::context! {
        rows => minijinja::value::Serde(rows),
        total,
        status => status.as_str(),
        done => q.done,
    };
    Ok(render(
        &state,
        &signed,
        "admin/comments.html",
        "Comments",
        StatusCode::OK,
        ctx,
    )?)
}

/// The queue form: `action` is `approve`, `spam` or `delete` for the checked
/// `ids`, or `approve:ID` (etc.) for one comment's own button.
#[derive(Deserialize)]
pub struct ActionForm {
    csrf: Option<String>,
    action: Option<String>,
    #[serde(default)]
    ids: Vec<String>,
    status: Option<String>,
}

pub async fn act(
    State(state): State<AppState>,
    signed: Signed,
    RawForm(body): RawForm,
) -> AdminResult {
    // `ids` repeats once per ticked box: serde_html_form reads that as a list,
    // where axum's own Form would keep only one.
    let form: ActionForm = serde_html_form::from_bytes(&body)
        .map_err(|e| AppError::bad_request(format!("The form could not be read: {e}")))?;
    signed.check_csrf(form.csrf.as_deref())?;
    signed.require(permission::may_read_queue(signed.role), "moderate comments")?;
    let action = form.action.as_deref().unwrap_or("");
    let (verb, one) = match action.split_once(':') {
        Some((v, id)) => (v, Some(id.to_owned())),
        None => (action, None),
    };
    let status = match verb {
        "approve" => CommentStatus::Published,
        "spam" => CommentStatus::Spam,
        "delete" => CommentStatus::Deleted,
        _ => return Err(AppError::bad_request("Choose approve, spam or delete.").into()),
    };
    let ids: Vec<String> = match one {
        Some(id) => vec![id],
        None => form.ids,
    };
    if ids.is_empty() {
        return Err(AppError::bad_request("Tick at least one comment first.").into());
    }
    let blog = signed.site.blog.id;
    let mut done = 0;
    for raw in ids.iter().take(PAGE_SIZE as usize) {
        let id: i64 = raw
            .parse()
            .map_err(|_| AppError::bad_request(format!("{raw:?} is not a comment number.")))?;
        let comment = state.store.comment_by_id(blog, id).await?;
        check_moderate(&state, &signed, &comment).await?;
        // An owner's decision: it also teaches the blog's spam filter.
        state.store.moderate_comment(blog, id, status).await?;
        done += 1;
    }
    let back = status_of(form.status.as_deref()).unwrap_or(CommentStatus::Pending);
    Ok(Redirect::to(&format!(
        "/admin/comments?status={}&done={done}",
        back.as_str()
    ))
    .into_response())
}

async fn check_moderate(
    state: &AppState,
    signed: &Signed,
    c: &CommentListing,
) -> Result<(), AppError> {
    let post = state
        .store
        .post_by_id(signed.site.blog.id, c.comment.post_id)
        .await?;
    let own = post.author_id == Some(signed.user.id);
    signed.require(
        permission::may_moderate(signed.role, own),
        "moderate comments on other people's posts",
    )
}

pub async fn reply_form(
    State(state): State<AppState>,
    signed: Signed,
    Path(raw): Path<String>,
) -> AdminResult {
    let c = find(&state, &signed, &raw).await?;
    check_moderate(&state, &signed, &c).await?;
    let ctx = minijinja::context! {
        id => c.comment.id,
        author => &c.comment.author_name,
        body_html => tidings_render::comment_to_html(&c.comment.body),
        post_title => &c.post_title,
        error => None::<String>,
        text => "",
    };
    Ok(render(
        &state,
        &signed,
        "admin/reply.html",
        "Reply",
        StatusCode::OK,
        ctx,
    )?)
}

#[derive(Deserialize)]
pub struct ReplyForm {
    csrf: Option<String>,
    body: Option<String>,
}

pub async fn reply(
    State(state): State<AppState>,
    signed: Signed,
    Path(raw): Path<String>,
    Form(form): Form<ReplyForm>,
) -> AdminResult {
    signed.check_csrf(form.csrf.as_deref())?;
    let c = find(&state, &signed, &raw).await?;
    check_moderate(&state, &signed, &c).await?;
    let submission = match tidings_core::Submission::parse(
        Some(&signed.user.name),
        None,
        None,
        form.body.as_deref(),
        Some(c.comment.id),
    ) {
        Ok(s) => s,
        Err(e) => {
            let ctx = minijinja::context! {
                id => c.comment.id,
                author => &c.comment.author_name,
                body_html => tidings_render::comment_to_html(&c.comment.body),
                post_title => &c.post_title,
                error => Some(e.message),
                text => form.body.unwrap_or_default(),
            };
            return Ok(render(
                &state,
                &signed,
                "admin/reply.html",
                "Reply",
                StatusCode::UNPROCESSABLE_ENTITY,
                ctx,
            )?);
        }
    };
    let now = Utc::now();
    let stored = state
        .store
        .insert_comment(&NewComment {
            blog_id: signed.site.blog.id,
            post_id: c.comment.post_id,
            parent_id: Some(c.comment.id),
            author_name: submission.author_name,
            author_email: Some(signed.user.email.clone()),
            author_url: None,
            body: submission.body,
            status: CommentStatus::Published,
            hold_reasons: String::new(),
            ip: String::new(),
            created_at: now,
        })
        .await?;
    // Answering a held comment approves it: the owner has read it.
    if c.comment.status == CommentStatus::Pending {
        state
            .store
            .moderate_comment(signed.site.blog.id, c.comment.id, CommentStatus::Published)
            .await?;
    }
    Ok(Redirect::to(&format!("{}#c{}", c.post_path, stored.id)).into_response())
}

/// The comment `raw` names, for those who may read the queue (it may be held).
async fn find(state: &AppState, signed: &Signed, raw: &str) -> Result<CommentListing, AppError> {
    signed.require(permission::may_read_queue(signed.role), "moderate comments")?;
    let missing = || AppError::not_found(format!("No comment has the id {raw:?}."));
    let id: i64 = raw.parse().map_err(|_| missing())?;
    match state.store.comment_by_id(signed.site.blog.id, id).await {
        Ok(c) => Ok(c),
        Err(tidings_store::StoreError::NotFound) => Err(missing()),
        Err(e) => Err(e.into()),
    }
}
