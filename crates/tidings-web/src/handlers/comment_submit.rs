//! Receiving a comment: check the signed form, the fields and the rate limit,
//! reach a verdict, store it, and answer 303 as SPEC section 4 says.

use axum::Form as UrlForm;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{Duration, Utc};
use serde::Deserialize;
use tidings_core::comment::{self, AddressRate, Repeats, Signals, Submission};
use tidings_core::spam;
use tidings_core::{CommentStatus, CommentsAllowed, Post, PostKind};
use tidings_store::{NewComment, StoreError};

use super::pages;
use super::post::{Form, FormValues, page_path_of, post_path_of, show, visible_post};
use crate::AppState;
use crate::error::AppError;
use crate::form_token::{self, TokenError};
use crate::host::{ClientIp, Site};

/// Per-address limit: at most this many comments…
pub const RATE_LIMIT_COUNT: i64 = 20;
/// …within this window.
pub const RATE_LIMIT_WINDOW_MINUTES: i64 = 10;
/// Per-post limit, whoever sends them: a flood on one post (many addresses,
/// one target) is held off without closing the rest of the blog.
pub const POST_LIMIT: i64 = 120;
pub const POST_WINDOW_SECONDS: i64 = 600;

/// A body sent to other posts within this many days counts as repeated.
pub const REPEAT_WINDOW_DAYS: i64 = 30;

#[derive(Debug, Default, Deserialize)]
pub struct CommentForm {
    pub token: Option<String>,
    pub parent: Option<String>,
    pub name: Option<String>,
    pub email: Option<String>,
    pub url: Option<String>,
    pub body: Option<String>,
    /// The honeypot: hidden from people, filled by bots.
    pub website: Option<String>,
}

pub async fn on_post(
    State(state): State<AppState>,
    site: Site,
    ip: ClientIp,
    Path((y, m, file)): Path<(String, String, String)>,
    headers: HeaderMap,
    UrlForm(form): UrlForm<CommentForm>,
) -> Response {
    let result = async {
        let path = post_path_of(&y, &m, &file)?;
        let post = visible_post(&state, &site, &path, PostKind::Post, Utc::now()).await?;
        submit(&state, &site, &headers, ip, post, form).await
    }
    .await;
    pages::respond(&state, &site, result)
}

pub async fn on_page(
    State(state): State<AppState>,
    site: Site,
    ip: ClientIp,
    Path(file): Path<String>,
    headers: HeaderMap,
    UrlForm(form): UrlForm<CommentForm>,
) -> Response {
    let result = async {
        let path = page_path_of(&file)?;
        let post = visible_post(&state, &site, &path, PostKind::Page, Utc::now()).await?;
        submit(&state, &site, &headers, ip, post, form).await
    }
    .await;
    pages::respond(&state, &site, result)
}

async fn submit(
    state: &AppState,
    site: &Site,
    headers: &HeaderMap,
    ClientIp(ip): ClientIp,
    post: Post,
    form: CommentForm,
) -> Result<Response, AppError> {
    let now = Utc::now();
    let member = crate::admin::member(state, site, headers).await;
    match (site.blog.comments_allowed, &member) {
        (CommentsAllowed::Anyone, _) | (CommentsAllowed::SignedIn, Some(_)) => {}
        (CommentsAllowed::SignedIn, None) => {
            return Err(AppError::forbidden(
                "Only signed-in members of this blog may comment.",
            ));
        }
        (CommentsAllowed::Nobody, _) => {
            return Err(AppError::forbidden("Comments are closed on this blog."));
        }
    }
    let token = form.token.as_deref().unwrap_or("");
    let served_at = form_token::verify(
        &state.form_key,
        form_token::Purpose::Comment,
        token,
        post.id,
        now,
    )
    .map_err(|e| {
        AppError::bad_request(match e {
            TokenError::Expired => {
                "This comment form has expired. Reload the page, then send your comment again."
            }
            TokenError::Malformed => {
                "This comment form is incomplete. Reload the page, then send your comment again."
            }
        })
    })?;
    let parent_id = match form
        .parent
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        Some(p) => Some(p.parse::<i64>().map_err(|_| {
            AppError::bad_request("The comment being replied to is not a valid comment number.")
        })?),
        None => None,
    };
    let values = FormValues {
        name: form.name.clone().unwrap_or_default(),
        email: form.email.clone().unwrap_or_default(),
        url: form.url.clone().unwrap_or_default(),
        body: form.body.clone().unwrap_or_default(),
    };
    // A signed-in member comments under their own name.
    let name = member.as_deref().or(form.name.as_deref());
    let submission = match Submission::parse(
        name,
        form.email.as_deref(),
        form.url.as_deref(),
        form.body.as_deref(),
        parent_id,
    ) {
        Ok(s) => s,
        Err(e) => return refuse(state, site, post, member, values, parent_id, e.message).await,
    };

    let ip_text = ip.to_string();
    let since = now - Duration::minutes(RATE_LIMIT_WINDOW_MINUTES);
    let recent_from_ip = state.store.comments_from_ip_since(&ip_text, since).await?;
    if recent_from_ip >= RATE_LIMIT_COUNT {
        let oldest = state
            .store
            .oldest_comment_from_ip_since(&ip_text, since)
            .await?
            .unwrap_or(now);
        let wait = (oldest + Duration::minutes(RATE_LIMIT_WINDOW_MINUTES) - now)
            .num_seconds()
            .max(1) as u64;
        return Err(AppError::too_many(
            format!(
                "You have sent {RATE_LIMIT_COUNT} comments in {RATE_LIMIT_WINDOW_MINUTES} minutes. \
                 Please wait {wait} seconds before sending another."
            ),
            wait,
        ));
    }

    let (on_post, window_end) = state
        .store
        .hit(
            &format!("comments:post:{}", post.id),
            POST_WINDOW_SECONDS,
            now,
        )
        .await?;
    if on_post > POST_LIMIT {
        let wait = (window_end - now).num_seconds().max(1) as u64;
        return Err(AppError::too_many(
            format!(
                "This post is receiving a flood of comments. Please wait {wait} seconds and send yours again."
            ),
            wait,
        ));
    }

    let repeats = if comment::repeat_matters(&submission.body) {
        let since = now - Duration::days(REPEAT_WINDOW_DAYS);
        state
            .store
            .repeats_elsewhere(site.blog.id, post.id, &submission.body, since)
            .await?
    } else {
        Repeats::default()
    };
    let verdict = comment::judge(
        &site.blog,
        Signals {
            honeypot_filled: form
                .website
                .as_deref()
                .is_some_and(|w| !w.trim().is_empty()),
            fill_seconds: (now - served_at).num_milliseconds() as f64 / 1000.0,
            links: submission.link_count(),
            post_published_at: post.published_at,
            now,
            filter_score: filter_score(state, site.blog.id, &submission).await?,
            repeats,
            address: AddressRate {
                recent: recent_from_ip,
                limit: RATE_LIMIT_COUNT,
                window_minutes: RATE_LIMIT_WINDOW_MINUTES,
            },
        },
    );
    let new = NewComment {
        blog_id: site.blog.id,
        post_id: post.id,
        parent_id: submission.parent_id,
        author_name: submission.author_name,
        author_email: submission.author_email,
        author_url: submission.author_url,
        body: submission.body,
        status: verdict.status,
        hold_reasons: verdict.reasons_text(),
        ip: ip_text,
        created_at: now,
    };
    let stored = match state.store.insert_comment(&new).await {
        Ok(c) => c,
        Err(StoreError::NotFound) => {
            let msg = "The comment you replied to is no longer there. Your comment was not sent.";
            return refuse(state, site, post, member, values, None, msg.into()).await;
        }
        Err(e) => return Err(e.into()),
    };
    let to = if stored.status == CommentStatus::Published {
        // Blogger's own link to a comment. Its query is new, so the page the
        // commenter lands on is rendered now, on whichever node answers,
        // and shows the comment even before the other nodes' caches hear of it.
        format!(
            "{}?showComment={}#c{}",
            post.path,
            stored.created_at.timestamp_millis(),
            stored.id
        )
    } else {
        // Spam caught by the honeypot gets the same answer as a held comment,
        // so a bot learns nothing.
        format!("{}?held=1#comment-held", post.path)
    };
    Ok(Redirect::to(&to).into_response())
}

/// The blog's learning filter on this submission (tidings_core::spam).
async fn filter_score(state: &AppState, blog_id: i64, s: &Submission) -> Result<f64, AppError> {
    let tokens = spam::tokens(&spam::Text {
        author_name: &s.author_name,
        author_url: s.author_url.as_deref(),
        body: &s.body,
    });
    Ok(state
        .store
        .spam_model(blog_id, &tokens)
        .await?
        .score(&tokens))
}

/// Shows the post again with the reader's text kept and what to fix.
async fn refuse(
    state: &AppState,
    site: &Site,
    post: Post,
    member: Option<String>,
    values: FormValues,
    reply_to: Option<i64>,
    message: String,
) -> Result<Response, AppError> {
    let form = Form {
        member,
        values,
        error: Some(message),
        reply_to,
        held: false,
        status: StatusCode::UNPROCESSABLE_ENTITY,
    };
    show(state, site, post, form).await
}
