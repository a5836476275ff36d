//! The editor: write, preview, save as draft, schedule, publish, unpublish,
//! delete. Without JavaScript the Preview button posts the form and shows the
//! rendered body; with it, `admin.js` asks `/admin/preview` as you type. Both
//! use the renderer the public page uses. Pictures come in through
//! `upload` (the plain file field) or `admin.js` (picker, drop, paste).

mod notice;
mod revisions;
mod trash;
mod upload;

use notice::Done;

pub use revisions::{restore as restore_revision, show as revision};
pub use trash::{confirm_delete, delete, restore};
pub use upload::{upload_existing, upload_new};

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect};
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use tidings_app::posts::{self, PostInput, Writer};
use tidings_core::{Post, PostComments, PostKind, PostStatus, permission};

use super::render::{AdminResult, render};
use super::session::Signed;
use crate::AppState;
use crate::error::AppError;

/// The editor's fields, as the form sends them and as the page shows them.
#[derive(Deserialize, Serialize, Default, Clone)]
pub struct EditorForm {
    #[serde(default, skip_serializing)]
    csrf: Option<String>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    labels: String,
    #[serde(default)]
    slug: String,
    /// `datetime-local` in the blog's time zone.
    #[serde(default)]
    published_at: String,
    /// The checkbox: present (`on`) when ticked, absent when not.
    #[serde(default)]
    sticky: Option<String>,
    #[serde(default)]
    description: String,
    /// The checkbox, as `sticky`.
    #[serde(default)]
    noindex: Option<String>,
    /// The featured image's address; absent from a form served before
    /// posts had one: kept as it is.
    #[serde(default)]
    featured_image: Option<String>,
    /// The checkbox "don't mail this post to subscribers", as `sticky`.
    #[serde(default)]
    no_mail: Option<String>,
    /// `open`, `closed` or `hidden`; absent from a form served before posts
    /// had it: kept as it is.
    #[serde(default)]
    comments: Option<String>,
    /// A new password for readers; empty keeps the one it has. Never
    /// shown back: the page says only whether there is one.
    #[serde(default, skip_serializing)]
    password: String,
    /// The checkbox that takes the password away.
    #[serde(default)]
    remove_password: Option<String>,
    /// A page's parent page by id, empty for the top; absent (a post's
    /// form) keeps it.
    #[serde(default)]
    parent_id: Option<String>,
    /// A page's place among its siblings; absent keeps it.
    #[serde(default)]
    menu_order: Option<String>,
    #[serde(default, skip_serializing)]
    action: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct EditorQuery {
    kind: Option<String>,
    /// What the last action did (`Done`), for the notice it shows.
    done: Option<String>,
}

#[derive(Serialize)]
struct PostInfo {
    id: i64,
    status: PostStatus,
    url: String,
    visible: bool,
    kind: PostKind,
    protected: bool,
}

fn local_input(t: DateTime<Utc>, tz: chrono_tz::Tz) -> String {
    t.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string()
}

fn form_of(p: &Post, tz: chrono_tz::Tz) -> EditorForm {
    EditorForm {
        csrf: None,
        kind: Some(p.kind.as_str().to_owned()),
        title: p.title.clone(),
        body: p
            .body_markdown
            .clone()
            .unwrap_or_else(|| p.body_html.clone()),
        labels: p.labels.join(", "),
        slug: p.slug.clone(),
        published_at: local_input(p.published_at, tz),
        sticky: p.sticky.then(|| "on".to_owned()),
        description: p.description.clone(),
        noindex: p.noindex.then(|| "on".to_owned()),
        featured_image: Some(p.featured_image.clone()),
        no_mail: (!p.mail_subscribers).then(|| "on".to_owned()),
        comments: Some(p.comments.as_str().to_owned()),
        password: String::new(),
        remove_password: None,
        parent_id: Some(p.parent_id.map(|id| id.to_string()).unwrap_or_default()),
        menu_order: Some(p.menu_order.to_string()),
        action: None,
    }
}

struct EditorPage<'a> {
    signed: &'a Signed,
    post: Option<&'a Post>,
    form: EditorForm,
    error: Option<String>,
    notice: Option<String>,
    preview_html: Option<String>,
    status: StatusCode,
}

async fn show(state: &AppState, page: EditorPage<'_>) -> AdminResult {
    let now = Utc::now();
    let suggestions: Vec<String> = state
        .store
        .label_counts(page.signed.site.blog.id, now)
        .await?
        .into_iter()
        .map(|l| l.label)
        .collect();
    let info = page.post.map(|p| PostInfo {
        id: p.id,
        status: p.status_at(now),
        url: p.path.clone(),
        visible: p.is_visible_at(now),
        kind: p.kind,
        protected: p.is_protected(),
    });
    let revisions = match page.post {
        Some(p) => revisions::listed(state, page.signed, p).await?,
        None => Vec::new(),
    };
    let kind = page
        .post
        .map(|p| p.kind)
        .or_else(|| page.form.kind.as_deref().and_then(|k| k.parse().ok()))
        .unwrap_or(PostKind::Post);
    // The pages a page may go under: not itself (the save refuses its
    // subpages, naming them).
    let parents: Vec<(i64, String)> = match kind {
        PostKind::Page => state
            .store
            .all_pages(page.signed.site.blog.id)
            .await?
            .into_iter()
            .filter(|p| Some(p.id) != page.post.map(|own| own.id))
            .map(|p| (p.id, p.title))
            .collect(),
        PostKind::Post => Vec::new(),
    };
    let title = match (&info, kind) {
        (Some(_), PostKind::Page) => "Edit page",
        (Some(_), PostKind::Post) => "Edit post",
        (None, PostKind::Page) => "New page",
        (None, PostKind::Post) => "New post",
    };
    let ctx = minijinja::context! {
        post => minijinja::value::Serde(info),
        form => minijinja::value::Serde(page.form),
        kind => kind.as_str(),
        error => page.error,
        notice => page.notice,
        preview_html => page.preview_html,
        suggestions => suggestions,
        may_publish => permission::may_publish(page.signed.role),
        timezone => page.signed.site.blog.timezone.name(),
        revisions => minijinja::value::Serde(revisions),
        mail_on => state.mail.is_on(),
        parents => parents,
    };
    Ok(render(
        state,
        page.signed,
        "admin/editor.html",
        title,
        page.status,
        ctx,
    )?)
}

pub async fn new(
    State(state): State<AppState>,
    signed: Signed,
    Query(q): Query<EditorQuery>,
) -> AdminResult {
    let page = q.kind.as_deref() == Some("page");
    let comments = if page {
        PostComments::Closed
    } else {
        signed.site.blog.default_comments
    };
    let form = EditorForm {
        kind: Some(if page { "page" } else { "post" }.into()),
        comments: Some(comments.as_str().to_owned()),
        ..EditorForm::default()
    };
    show(
        &state,
        EditorPage {
            signed: &signed,
            post: None,
            form,
            error: None,
            notice: None,
            preview_html: None,
            status: StatusCode::OK,
        },
    )
    .await
}

async fn find(state: &AppState, signed: &Signed, raw: &str) -> Result<Post, AppError> {
    let id: i64 = raw
        .parse()
        .map_err(|_| AppError::not_found(format!("No post has the id {raw:?}.")))?;
    Ok(posts::find(&state.store, signed.site.blog.id, id).await?)
}

fn writer(signed: &Signed) -> Writer {
    Writer {
        id: Some(signed.user.id),
        name: signed.user.name.clone(),
        role: signed.role,
    }
}

pub async fn edit(
    State(state): State<AppState>,
    signed: Signed,
    Path(raw): Path<String>,
    Query(q): Query<EditorQuery>,
) -> AdminResult {
    let post = find(&state, &signed, &raw).await?;
    let own = post.author_id == Some(signed.user.id);
    signed.require(
        permission::may_read_post(signed.role, own, post.is_visible_at(Utc::now())),
        "read other people's drafts or scheduled posts",
    )?;
    let form = form_of(&post, signed.site.blog.timezone);
    let notice = q
        .done
        .as_deref()
        .and_then(|d| d.parse::<Done>().ok())
        .map(|d| d.notice(&post, &signed));
    show(
        &state,
        EditorPage {
            signed: &signed,
            post: Some(&post),
            form,
            error: None,
            notice,
            preview_html: None,
            status: StatusCode::OK,
        },
    )
    .await
}

/// Reads the `datetime-local` field in the blog's zone.
fn parse_local(value: &str, tz: chrono_tz::Tz) -> Result<Option<DateTime<Utc>>, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let naive = NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| format!("The date {value:?} is not a date and time like 2014-05-07T10:30."))?;
    tz.from_local_datetime(&naive)
        .earliest()
        .map(|t| Some(t.with_timezone(&Utc)))
        .ok_or_else(|| {
            format!(
                "{value} does not exist in {} (the clocks skip it).",
                tz.name()
            )
        })
}

fn input_of(form: &EditorForm, tz: chrono_tz::Tz, new: bool) -> Result<PostInput, String> {
    let status = match form.action.as_deref() {
        Some("publish") => Some(PostStatus::Published),
        Some("draft") | Some("unpublish") => Some(PostStatus::Draft),
        Some("submit") => Some(PostStatus::Pending),
        _ => None,
    };
    Ok(PostInput {
        kind: if new {
            form.kind.as_deref().and_then(|k| k.parse().ok())
        } else {
            None
        },
        title: Some(form.title.clone()),
        slug: Some(form.slug.clone()),
        body: Some(form.body.clone()),
        body_html: None,
        labels: Some(
            form.labels
                .split(',')
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
        ),
        status: status.or(if new { Some(PostStatus::Draft) } else { None }),
        published_at: parse_local(&form.published_at, tz)?,
        sticky: Some(form.sticky.is_some()),
        description: Some(form.description.clone()),
        noindex: Some(form.noindex.is_some()),
        featured_image: form.featured_image.clone(),
        mail_subscribers: Some(form.no_mail.is_none()),
        comments: match form.comments.as_deref() {
            Some(c) => Some(
                c.parse()
                    .map_err(|e: tidings_core::UnknownValue| e.to_string())?,
            ),
            None => None,
        },
        password: if form.remove_password.is_some() {
            Some(String::new())
        } else {
            Some(form.password.clone()).filter(|p| !p.is_empty())
        },
        parent_id: match form.parent_id.as_deref().map(str::trim) {
            None => None,
            Some("") => Some(None),
            Some(id) => {
                Some(Some(id.parse().map_err(|_| {
                    format!("The parent page {id:?} is not a page number.")
                })?))
            }
        },
        menu_order: match form.menu_order.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(n) => Some(
                n.parse()
                    .map_err(|_| format!("The order {n:?} is not a whole number."))?,
            ),
        },
    })
}

/// The editor again with what was typed and why it was refused, so
/// nothing is lost.
fn refused<'a>(
    signed: &'a Signed,
    existing: Option<&'a Post>,
    form: EditorForm,
    e: AppError,
) -> EditorPage<'a> {
    EditorPage {
        signed,
        post: existing,
        form,
        error: Some(e.message),
        notice: None,
        preview_html: None,
        status: e.status,
    }
}

async fn save(
    state: &AppState,
    signed: &Signed,
    existing: Option<&Post>,
    form: EditorForm,
) -> AdminResult {
    signed.check_csrf(form.csrf.as_deref())?;
    let writer = writer(signed);
    if let Some(p) = existing {
        posts::may_change(&writer, p)?;
    }
    if form.action.as_deref() == Some("preview") {
        return show_preview(state, signed, existing, form).await;
    }
    let input = match input_of(&form, signed.site.blog.timezone, existing.is_none()) {
        Ok(i) => i,
        Err(why) => {
            let e = AppError::invalid(why);
            return show(state, refused(signed, existing, form, e)).await;
        }
    };
    let blog = &signed.site.blog;
    let now = Utc::now();
    let before = existing.map(|p| p.status_at(now));
    let mail = &state.mail;
    match posts::save_mailing(&state.store, mail, blog, &writer, existing, input, now).await {
        Ok(post) => {
            let done = Done::of(before, post.status_at(now));
            let to = format!("/admin/posts/{}?done={}", post.id, done.as_str());
            Ok(Redirect::to(&to).into_response())
        }
        Err(e) => {
            let e = shown_with_the_form(e)?;
            let retry_after = e.retry_after;
            let mut page = show(state, refused(signed, existing, form, e)).await?;
            if let Some(secs) = retry_after {
                page.headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(secs));
            }
            Ok(page)
        }
    }
}

/// How a save's refusal is shown: on the editor, the author's text kept,
/// when it is about what they sent or asks them to try again shortly (the
/// server busy, or too many saves), with its status and `Retry-After`; as
/// an error page (`Err`) when it is the server's (the database).
fn shown_with_the_form(e: tidings_app::Error) -> Result<AppError, AppError> {
    // The post itself was checked before the save, so a `Forbidden` here is
    // the status the form asked for (a contributor's Publish), refused like
    // any other field of the form.
    let field = matches!(e, tidings_app::Error::Forbidden(_));
    let mut shown = AppError::from(e);
    if !shown.status.is_client_error() && shown.retry_after.is_none() {
        return Err(shown);
    }
    if field {
        shown.status = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(shown)
}

/// The Preview button without JavaScript: the editor with the body rendered.
async fn show_preview(
    state: &AppState,
    signed: &Signed,
    existing: Option<&Post>,
    form: EditorForm,
) -> AdminResult {
    let preview = match posts::preview(form.body.clone())
        .await
        .map_err(AppError::from)
    {
        Ok(html) => html,
        Err(e) if e.status.is_client_error() => {
            return show(state, refused(signed, existing, form, e)).await;
        }
        Err(e) => return Err(e.into()),
    };
    let page = EditorPage {
        signed,
        post: existing,
        form,
        error: None,
        notice: None,
        preview_html: Some(preview),
        status: StatusCode::OK,
    };
    show(state, page).await
}

pub async fn create(
    State(state): State<AppState>,
    signed: Signed,
    Form(form): Form<EditorForm>,
) -> AdminResult {
    save(&state, &signed, None, form).await
}

pub async fn update(
    State(state): State<AppState>,
    signed: Signed,
    Path(raw): Path<String>,
    Form(form): Form<EditorForm>,
) -> AdminResult {
    let post = find(&state, &signed, &raw).await?;
    save(&state, &signed, Some(&post), form).await
}

#[derive(Deserialize)]
pub struct PreviewForm {
    csrf: Option<String>,
    body: Option<String>,
}

/// The live preview: Markdown in, the HTML the public page would show out.
pub async fn preview(
    signed: Signed,
    headers: HeaderMap,
    Form(form): Form<PreviewForm>,
) -> AdminResult {
    let token = form
        .csrf
        .as_deref()
        .or_else(|| headers.get("x-csrf-token").and_then(|v| v.to_str().ok()));
    signed.check_csrf(token)?;
    let html = posts::preview(form.body.unwrap_or_default()).await?;
    let mut r = Html(html).into_response();
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A full render line must not cost the author their text: the editor
    /// comes back with it, 503 and when to try again. A database that does
    /// not answer is the server's error page.
    #[test]
    fn a_busy_server_shows_the_form_again() {
        let busy = tidings_app::Error::Busy {
            message: "The server is busy rendering other posts.".into(),
            retry_after: 2,
        };
        let shown = shown_with_the_form(busy).expect("shown with the form");
        assert_eq!(shown.status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(shown.retry_after, Some(2));
        let publish = tidings_app::Error::Forbidden("Contributors cannot publish.".into());
        let shown = shown_with_the_form(publish).expect("shown with the form");
        assert_eq!(shown.status, StatusCode::UNPROCESSABLE_ENTITY);
        let down = tidings_store::StoreError::Unavailable("connection refused".into());
        let page = shown_with_the_form(tidings_app::Error::Store(down)).unwrap_err();
        assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE);
    }
}
