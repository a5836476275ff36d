//! A post's earlier versions in the editor: the editor lists them (who
//! saved each, when); a revision's page shows what restoring it would
//! change, and its button restores it. The acts are
//! `tidings_app::posts::revisions`.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use chrono::{DateTime, Utc};
use serde::Serialize;
use tidings_app::posts;
use tidings_core::Post;
use tidings_store::Revision;
use tidings_theme::diff::line_changes;

use super::{find, writer};
use crate::AppState;
use crate::admin::render::{AdminResult, render};
use crate::admin::session::{CsrfOnly, Signed};
use crate::error::AppError;

/// A revision as the editor's list shows it.
#[derive(Serialize)]
pub(super) struct Listed {
    id: i64,
    when: String,
    by: String,
}

fn local(t: DateTime<Utc>, signed: &Signed) -> String {
    t.with_timezone(&signed.site.blog.timezone)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// The kept versions of `post` for the editor's list, newest first.
pub(super) async fn listed(
    state: &AppState,
    signed: &Signed,
    post: &Post,
) -> Result<Vec<Listed>, AppError> {
    let kept = posts::revisions::list(&state.store, &writer(signed), post, Utc::now()).await?;
    Ok(kept
        .into_iter()
        .map(|r| Listed {
            id: r.id,
            when: local(r.saved_at, signed),
            by: r.saved_by,
        })
        .collect())
}

fn revision_id(raw: &str) -> Result<i64, AppError> {
    raw.parse()
        .map_err(|_| AppError::not_found(format!("No revision has the id {raw:?}.")))
}

/// The revision's page: what restoring it would change, field by field.
pub async fn show(
    State(state): State<AppState>,
    signed: Signed,
    Path((raw, rev)): Path<(String, String)>,
) -> AdminResult {
    let post = find(&state, &signed, &raw).await?;
    let r: Revision = posts::revisions::find(
        &state.store,
        &writer(&signed),
        &post,
        revision_id(&rev)?,
        Utc::now(),
    )
    .await?;
    let current_body = post.body_markdown.as_deref().unwrap_or(&post.body_html);
    let ctx = minijinja::context! {
        post_id => post.id,
        post_title => &post.title,
        id => r.id,
        when => local(r.saved_at, &signed),
        by => &r.saved_by,
        title_changed => r.title != post.title,
        old_title => &post.title,
        new_title => &r.title,
        labels_changed => r.labels != post.labels,
        old_labels => post.labels.join(", "),
        new_labels => r.labels.join(", "),
        body => minijinja::value::Serde(line_changes(current_body, &r.body)),
        may_restore => posts::may_change(&writer(&signed), &post).is_ok(),
    };
    Ok(render(
        &state,
        &signed,
        "admin/revision.html",
        "Revision",
        StatusCode::OK,
        ctx,
    )?)
}

/// Restores the revision, to the editor saying so.
pub async fn restore(
    State(state): State<AppState>,
    signed: Signed,
    Path((raw, rev)): Path<(String, String)>,
    Form(form): Form<CsrfOnly>,
) -> AdminResult {
    signed.check_csrf(form.csrf.as_deref())?;
    let post = find(&state, &signed, &raw).await?;
    let blog = &signed.site.blog;
    let id = revision_id(&rev)?;
    posts::revisions::restore(&state.store, blog, &writer(&signed), &post, id, Utc::now()).await?;
    Ok(Redirect::to(&format!("/admin/posts/{}?done=revision", post.id)).into_response())
}
