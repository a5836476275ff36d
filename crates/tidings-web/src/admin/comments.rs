//! The comment queue: pending, published, spam; approve, mark spam, delete
//! (one or many at once), and reply as the author.

use axum::Form;
use axum::extract::{Path, Query, RawForm, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use tidings_app::comments::{Decision, Moderator, Queue};
use tidings_core::CommentStatus;
use tidings_store::{CommentFilter, CommentListing};

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

/// The queue of the blog for whoever is signed in (`Queue::open` refuses
/// those who may not read it).
fn queue_of<'a>(state: &'a AppState, signed: &'a Signed) -> Result<Queue<'a>, AppError> {
    let by = Moderator {
        user: &signed.user,
        role: signed.role,
    };
    Ok(Queue::open(&state.store, signed.site.blog.id, by)?)
}

pub async fn queue(
    State(state): State<AppState>,
    signed: Signed,
    Query(q): Query<QueueQuery>,
) -> AdminResult {
    let queue = queue_of(&state, &signed)?;
    let status = status_of(q.status.as_deref())?;
    let filter = CommentFilter {
        blog_id: signed.site.blog.id,
        post_id: None,
        status: Some(status),
        limit: PAGE_SIZE,
        offset: 0,
    };
    let tz = signed.site.blog.timezone;
    let (listed, total) = queue.list(filter).await?;
    let rows = listed
        .into_iter()
        .map(|l| Row {
            id: l.comment.id,
            body_html: tidings_render::comment_shown(&l.comment.body, &l.comment.body_html),
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
    let ctx = minijinja::context! {
        rows => minijinja::value::Serde(rows),
        total,
        status => status.as_str(),
        done => q.done,
        mail_on => state.mail.is_on(),
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
    let queue = queue_of(&state, &signed)?;
    let action = form.action.as_deref().unwrap_or("");
    let (verb, one) = match action.split_once(':') {
        Some((v, id)) => (v, Some(id.to_owned())),
        None => (action, None),
    };
    let decision = match verb {
        "approve" => Decision::Approve,
        "spam" => Decision::Spam,
        "delete" => Decision::Delete,
        _ => return Err(AppError::bad_request("Choose approve, spam or delete.").into()),
    };
    let ids: Vec<String> = match one {
        Some(id) => vec![id],
        None => form.ids,
    };
    if ids.is_empty() {
        return Err(AppError::bad_request("Tick at least one comment first.").into());
    }
    let mut done = 0;
    for raw in ids.iter().take(PAGE_SIZE as usize) {
        let id: i64 = raw
            .parse()
            .map_err(|_| AppError::bad_request(format!("{raw:?} is not a comment number.")))?;
        queue.moderate(id, decision).await?;
        done += 1;
    }
    let back = status_of(form.status.as_deref()).unwrap_or(CommentStatus::Pending);
    Ok(Redirect::to(&format!(
        "/admin/comments?status={}&done={done}",
        back.as_str()
    ))
    .into_response())
}

pub async fn reply_form(
    State(state): State<AppState>,
    signed: Signed,
    Path(raw): Path<String>,
) -> AdminResult {
    let queue = queue_of(&state, &signed)?;
    let c = queue.comment(id_of(&raw)?).await?;
    reply_page(&state, &signed, &c, None, String::new(), StatusCode::OK)
}

/// The reply form under the comment it answers, with what to fix if anything.
fn reply_page(
    state: &AppState,
    signed: &Signed,
    c: &CommentListing,
    error: Option<String>,
    text: String,
    status: StatusCode,
) -> AdminResult {
    let ctx = minijinja::context! {
        id => c.comment.id,
        author => &c.comment.author_name,
        body_html => tidings_render::comment_shown(&c.comment.body, &c.comment.body_html),
        post_title => &c.post_title,
        error,
        text,
    };
    Ok(render(
        state,
        signed,
        "admin/reply.html",
        "Reply",
        status,
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
    let queue = queue_of(&state, &signed)?;
    let id = id_of(&raw)?;
    match queue.reply(id, form.body.as_deref(), Utc::now()).await {
        Ok(r) => Ok(Redirect::to(&format!("{}#c{}", r.post_path, r.comment.id)).into_response()),
        Err(tidings_app::Error::Invalid { message, .. }) => {
            let c = queue.comment(id).await?;
            let text = form.body.unwrap_or_default();
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            reply_page(&state, &signed, &c, Some(message), text, status)
        }
        Err(e) => Err(e.into()),
    }
}

/// The comment id in an address; anything else names no comment.
fn id_of(raw: &str) -> Result<i64, AppError> {
    raw.parse()
        .map_err(|_| AppError::not_found(format!("No comment has the id {raw:?}.")))
}
