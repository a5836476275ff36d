//! Receiving a comment from the post page's form: read the form, hand it to
//! `tidings_app::comments::submit`, and answer 303 to where the comment (or
//! the notice that it waits) shows; a field to fix shows the page again
//! with the reader's text kept.

use axum::Form as UrlForm;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use tidings_app::comments::{self, Arrival};
use tidings_core::{Comment, CommentStatus, Post, PostKind};
use tidings_store::PostPage;

use super::pages;
use super::post::{Form, FormValues, page_path_of, post_path_of, show, visible_post};
use crate::AppState;
use crate::error::AppError;
use crate::host::{ClientIp, Site};

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
    /// "Notify me of replies", ticked (a checkbox sends it only then).
    pub notify: Option<String>,
}

pub async fn on_post(
    State(state): State<AppState>,
    site: Site,
    ip: ClientIp,
    Path((y, m, file)): Path<(String, String, String)>,
    headers: HeaderMap,
    UrlForm(form): UrlForm<CommentForm>,
) -> Response {
    let now = Utc::now();
    let result = async {
        let path = post_path_of(&y, &m, &file)?;
        let page = visible_post(&site, &path, PostKind::Post, now).await?;
        submit(&state, &site, &headers, ip, page, form, now).await
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
    let now = Utc::now();
    let result = async {
        let path = page_path_of(&file)?;
        let page = visible_post(&site, &path, PostKind::Page, now).await?;
        submit(&state, &site, &headers, ip, page, form, now).await
    }
    .await;
    pages::respond(&state, &site, result)
}

async fn submit(
    state: &AppState,
    site: &Site,
    headers: &HeaderMap,
    ClientIp(address): ClientIp,
    page: PostPage,
    form: CommentForm,
    now: DateTime<Utc>,
) -> Result<Response, AppError> {
    let member = crate::admin::member(state, site, headers).await;
    let parent_id = match form.parent.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(p) => Some(p.parse::<i64>().map_err(|_| {
            AppError::bad_request("The comment being replied to is not a valid comment number.")
        })?),
    };
    let values = FormValues {
        name: form.name.clone().unwrap_or_default(),
        email: form.email.clone().unwrap_or_default(),
        url: form.url.clone().unwrap_or_default(),
        body: form.body.clone().unwrap_or_default(),
        notify: form.notify.is_some(),
    };
    let arrival = Arrival {
        member: member.clone(),
        token: form.token.unwrap_or_default(),
        parent_id,
        name: form.name,
        email: form.email,
        url: form.url,
        body: form.body,
        honeypot: form.website,
        notify_replies: form.notify.is_some(),
        address,
        post_pass: crate::admin::session::cookie_value(
            headers,
            &format!("{}{}", super::unlock::COOKIE_PREFIX, page.post.id),
        ),
    };
    let key = &state.form_key;
    match comments::submit(
        &state.store,
        &state.mail,
        key,
        &site.blog,
        &page.post,
        arrival,
        now,
    )
    .await
    {
        Ok(stored) => Ok(Redirect::to(&landing(&page.post, &stored)).into_response()),
        Err(tidings_app::Error::Invalid { field, message }) => {
            // A reply to a comment that is gone is sent as a plain comment next time.
            let reply_to = parent_id.filter(|_| field != "parent");
            let form = Form {
                member: member.map(|m| m.name),
                values,
                error: Some(field_message(pages::lang(site), field, message)),
                reply_to,
                held: false,
                status: StatusCode::UNPROCESSABLE_ENTITY,
                // The pass was checked before the fields were.
                access: super::post::Access::Open,
                preview: false,
            };
            show(state, site, page, form).await
        }
        Err(e) => Err(e.into()),
    }
}

/// What the form says about a field to fix: in English the use case's own
/// message, which names the limit; in other languages the field's message.
fn field_message(lang: &tidings_theme::i18n::Lang, field: &str, message: String) -> String {
    if lang.code == "en" {
        return message;
    }
    let key = match field {
        "name" => "comment-error-name",
        "email" => "comment-error-email",
        "url" => "comment-error-url",
        "body" => "comment-error-body",
        "parent" => "comment-error-parent",
        _ => "comment-error",
    };
    lang.text(key, &[])
}

/// Where the commenter is sent once their comment is stored.
fn landing(post: &Post, stored: &Comment) -> String {
    if stored.status == CommentStatus::Published {
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
    }
}
