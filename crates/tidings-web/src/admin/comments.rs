//! The comment queue: pending, published, spam, 100 a page, of the whole
//! blog or of one post; approve, mark spam, delete (one or many at once),
//! and reply as the author.

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
    /// The page, from 1; read by hand so a wrong one gets our message.
    page: Option<String>,
    /// Only the comments of this post (its id).
    post: Option<String>,
}

/// Where the queue stands: which status, page and post, as its links and
/// its form carry them.
#[derive(Serialize, Clone, Copy)]
struct Place {
    page: u32,
    post: Option<i64>,
}

impl Place {
    /// Reads `page` and `post` as the query or the form gave them; empty is
    /// the first page of every post.
    fn read(page: Option<&str>, post: Option<&str>) -> Result<Self, AppError> {
        let page = match page.filter(|p| !p.is_empty()) {
            None => 1,
            Some(p) => p
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=1_000_000).contains(n))
                .ok_or_else(|| {
                    AppError::bad_request(format!("page must be a number from 1, not {p:?}"))
                })?,
        };
        let post = match post.filter(|p| !p.is_empty()) {
            None => None,
            Some(p) => Some(p.parse::<i64>().map_err(|_| {
                AppError::bad_request(format!("post must be a post's number, not {p:?}"))
            })?),
        };
        Ok(Self { page, post })
    }

    /// The queue's address for `status` at this place.
    fn link(self, status: CommentStatus, page: u32) -> String {
        let mut to = format!("/admin/comments?status={}", status.as_str());
        if let Some(post) = self.post {
            to.push_str(&format!("&post={post}"));
        }
        if page > 1 {
            to.push_str(&format!("&page={page}"));
        }
        to
    }
}

#[derive(Serialize)]
struct Row {
    id: i64,
    author: String,
    author_url: Option<String>,
    author_email: Option<String>,
    /// The address it was sent from (empty for imported comments).
    ip: String,
    /// Escaped like on the public page: never markup.
    body_html: String,
    date: String,
    post_id: i64,
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
    let place = Place::read(q.page.as_deref(), q.post.as_deref())?;
    let filter = CommentFilter {
        blog_id: signed.site.blog.id,
        post_id: place.post,
        status: Some(status),
        limit: PAGE_SIZE,
        offset: (place.page - 1).saturating_mul(PAGE_SIZE),
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
            author_email: l.author_email,
            ip: l.ip,
            date: l
                .comment
                .created_at
                .with_timezone(&tz)
                .format("%b %-d, %Y %H:%M")
                .to_string(),
            post_id: l.comment.post_id,
            post_title: l.post_title,
            post_url: l.post_path,
            hold_reasons: l.comment.hold_reasons,
            parent: l.comment.parent_id,
        })
        .collect::<Vec<_>>();
    let total_u = u64::try_from(total.max(1)).unwrap_or(1);
    let pages = u32::try_from(total_u.div_ceil(u64::from(PAGE_SIZE))).unwrap_or(u32::MAX);
    let newer = (place.page > 1).then(|| place.link(status, place.page.min(pages + 1) - 1));
    let older = (place.page < pages).then(|| place.link(status, place.page + 1));
    let filtered_title = place.post.map(|_| {
        rows.first()
            .map(|r| r.post_title.clone())
            .unwrap_or_default()
    });
    let ctx = minijinja::context! {
        rows => minijinja::value::Serde(rows),
        total,
        place => minijinja::value::Serde(place),
        pages,
        newer,
        older,
        filtered_title,
        all_posts => place.post.map(|_| Place { page: 1, post: None }.link(status, 1)),
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
    /// The page and post the queue was showing, to go back to.
    page: Option<String>,
    post: Option<String>,
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
    let place = Place::read(form.page.as_deref(), form.post.as_deref()).unwrap_or(Place {
        page: 1,
        post: None,
    });
    Ok(Redirect::to(&format!("{}&done={done}", place.link(back, place.page))).into_response())
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
