//! The pages a held comment's mail links to: `GET` shows the comment and
//! one button, and changes nothing (mail scanners and link previews open
//! links); the button's `POST` does what the link says. The rules and the
//! token are `tidings_app::mail::moderate`'s; a link that does not work
//! answers a page that says why.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use chrono::Utc;
use serde::Deserialize;
use tidings_app::comments::Decision;
use tidings_app::mail::moderate;

use super::render::{AdminResult, render_bare};
use crate::AppState;
use crate::host::Site;

#[derive(Deserialize)]
pub struct TokenField {
    token: Option<String>,
}

/// What each link's page says and its button does.
struct Action {
    decision: Decision,
    path: &'static str,
    button: &'static str,
    done: &'static str,
}

const APPROVE: Action = Action {
    decision: Decision::Approve,
    path: "/admin/mail/approve",
    button: "Approve",
    done: "Approved: the comment shows on the post.",
};

const SPAM: Action = Action {
    decision: Decision::Spam,
    path: "/admin/mail/spam",
    button: "Mark as spam",
    done: "Marked as spam: the comment stays hidden, and the spam filter learns from it.",
};

pub async fn approve_page(state: State<AppState>, site: Site, q: Query<TokenField>) -> AdminResult {
    page(state, site, q, APPROVE).await
}

pub async fn spam_page(state: State<AppState>, site: Site, q: Query<TokenField>) -> AdminResult {
    page(state, site, q, SPAM).await
}

pub async fn approve(state: State<AppState>, site: Site, form: Form<TokenField>) -> AdminResult {
    act(state, site, form, APPROVE).await
}

pub async fn spam(state: State<AppState>, site: Site, form: Form<TokenField>) -> AdminResult {
    act(state, site, form, SPAM).await
}

async fn page(
    State(state): State<AppState>,
    site: Site,
    Query(q): Query<TokenField>,
    action: Action,
) -> AdminResult {
    let token = q.token.unwrap_or_default();
    let held = moderate::open(
        &state.store,
        &state.mail,
        site.blog.id,
        action.decision,
        &token,
        Utc::now(),
    )
    .await?;
    let c = &held.comment;
    let ctx = minijinja::context! {
        token => token,
        action => action.path,
        button => action.button,
        author => &c.author_name,
        body => &c.body,
        reasons => &c.hold_reasons,
        post_title => &held.post_title,
        post_path => &held.post_path,
    };
    Ok(render_bare(
        &state,
        &site,
        "admin/mail_link.html",
        action.button,
        StatusCode::OK,
        ctx,
    )?)
}

async fn act(
    State(state): State<AppState>,
    site: Site,
    Form(form): Form<TokenField>,
    action: Action,
) -> AdminResult {
    let token = form.token.unwrap_or_default();
    let done = moderate::apply(
        &state.store,
        &state.mail,
        site.blog.id,
        action.decision,
        &token,
        Utc::now(),
    )
    .await?;
    let ctx = minijinja::context! {
        message => action.done,
        link => done.post_path,
        link_text => done.post_title,
    };
    Ok(render_bare(
        &state,
        &site,
        "admin/done.html",
        action.button,
        StatusCode::OK,
        ctx,
    )?)
}
