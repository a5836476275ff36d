//! A post (`/YYYY/MM/slug.html`) or static page (`/p/slug.html`) with its
//! comments and the comment form.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tidings_core::{CommentsAllowed, Post, PostComments, PostKind};
use tidings_store::{Neighbours, PostPage};

use super::archive::{month, year};
use super::pages::{self, Chrome};
use crate::cache::Tag;
use crate::error::AppError;
use crate::host::Site;
use crate::{AppState, form_token};
use tidings_theme::views::{self, CommentView, PostView};

#[derive(Debug, Default, Deserialize)]
pub struct PostQuery {
    #[serde(rename = "replyTo")]
    pub reply_to: Option<String>,
    pub held: Option<String>,
}

/// What the reader typed, shown again when a submission is refused.
#[derive(Debug, Default, Serialize)]
pub struct FormValues {
    pub name: String,
    pub email: String,
    pub url: String,
    pub body: String,
    /// "Notify me of replies" stays ticked when the form comes back.
    pub notify: bool,
}

#[derive(Serialize)]
struct ReplyTo {
    id: i64,
    author: String,
}

#[derive(Serialize)]
struct PostCtx {
    post: PostView,
    /// Above the post, as above a day's posts on list pages (which take
    /// theirs from the day, so a post's view does not carry one).
    date_header: String,
    comments: Vec<CommentView>,
    comments_heading: String,
    comments_open: bool,
    /// The post takes comments (else it says they are closed, and shows
    /// no form whoever asks).
    comments_taken: bool,
    closed_message: String,
    member: Option<String>,
    form_token: String,
    form: FormValues,
    form_error: Option<String>,
    reply_to: Option<ReplyTo>,
    held: bool,
    /// The password form answers a wrong password.
    password_wrong: bool,
    /// A member's preview: the banner saying readers do not see it yet.
    preview: bool,
    newer_url: Option<String>,
    older_url: Option<String>,
}

/// How long a cached post page may hand out the same comment-form token.
const FORM_TOKEN_REFRESH: std::time::Duration = std::time::Duration::from_secs(1);

/// The path a post URL names, checked: a real year and month, a `.html` file.
pub fn post_path_of(y: &str, m: &str, file: &str) -> Result<String, AppError> {
    let y = year(y)?;
    let m = month(m)?;
    let slug = file
        .strip_suffix(".html")
        .filter(|s| !s.is_empty())
        .ok_or_else(|| {
            AppError::not_found("Post addresses end in .html; this one names no post.")
        })?;
    Ok(format!("/{y:04}/{m:02}/{slug}.html"))
}

pub fn page_path_of(file: &str) -> Result<String, AppError> {
    let slug = file
        .strip_suffix(".html")
        .filter(|s| !s.is_empty())
        .ok_or_else(|| {
            AppError::not_found("Page addresses end in .html; this one names no page.")
        })?;
    Ok(format!("/p/{slug}.html"))
}

/// The visible post of `kind` at `path` with its neighbours and comments,
/// or a 404.
pub async fn visible_post(
    site: &Site,
    path: &str,
    kind: PostKind,
    now: DateTime<Utc>,
) -> Result<PostPage, AppError> {
    match post_at(site, path, kind, now).await? {
        Found::Visible(page) => Ok(page),
        Found::Unpublished(_) => Err(not_found()),
    }
}

/// A post of `kind` at `path`, as readers find it.
enum Found {
    Visible(PostPage),
    /// A draft, pending or scheduled post: readers get [`not_found`].
    Unpublished(PostPage),
}

/// The post of `kind` at `path`, visible or not yet; 410 for one in the
/// trash, 404 when there is none.
async fn post_at(
    site: &Site,
    path: &str,
    kind: PostKind,
    now: DateTime<Utc>,
) -> Result<Found, AppError> {
    match site.store.post_by_path(site.blog.id, path, now).await? {
        Some(page) if page.post.kind != kind => Err(not_found()),
        Some(page) if page.post.is_visible_at(now) => Ok(Found::Visible(page)),
        // Deleted, and restorable for a while: gone, not never there.
        Some(page) if page.post.is_trashed() => Err(AppError::gone(
            "This post was deleted. Its author may still restore it.",
        )),
        Some(page) => Ok(Found::Unpublished(page)),
        None => Err(not_found()),
    }
}

pub(super) fn not_found() -> AppError {
    AppError::not_found("Sorry, the page you were looking for in this blog does not exist.")
}

pub async fn post_page(
    State(state): State<AppState>,
    site: Site,
    Path((y, m, file)): Path<(String, String, String)>,
    Query(q): Query<PostQuery>,
    headers: HeaderMap,
) -> Response {
    let path = post_path_of(&y, &m, &file);
    let result = open(&state, &site, path, PostKind::Post, &q, &headers).await;
    pages::respond(&state, &site, result)
}

pub async fn static_page(
    State(state): State<AppState>,
    site: Site,
    Path(file): Path<String>,
    Query(q): Query<PostQuery>,
    headers: HeaderMap,
) -> Response {
    let path = page_path_of(&file);
    let result = open(&state, &site, path, PostKind::Page, &q, &headers).await;
    pages::respond(&state, &site, result)
}

/// Shows the visible post or page at `path` to whoever is asking.
async fn open(
    state: &AppState,
    site: &Site,
    path: Result<String, AppError>,
    kind: PostKind,
    q: &PostQuery,
    headers: &HeaderMap,
) -> Result<Response, AppError> {
    let page = match post_at(site, &path?, kind, Utc::now()).await? {
        Found::Visible(page) => page,
        Found::Unpublished(page) => return super::preview::show(state, site, page, headers).await,
    };
    // A reader's view of it, counted whenever this page is served.
    site.deps.viewed(tidings_app::views::Viewed {
        blog_id: site.blog.id,
        post_id: page.post.id,
        tz: site.blog.timezone,
        blog_host: site.blog.host.as_str().into(),
    });
    let reply_to = q.reply_to.as_deref().and_then(|r| r.parse().ok());
    let member = crate::admin::member(state, site, headers).await;
    let mut form = Form::fresh(member.map(|m| m.name), reply_to, q.held.is_some());
    form.access = super::unlock::access(state, &page.post, headers);
    show(state, site, page, form).await
}

/// The state of the comment form on a post page.
pub struct Form {
    /// The signed-in member looking at the page, by name.
    pub member: Option<String>,
    pub values: FormValues,
    pub error: Option<String>,
    pub reply_to: Option<i64>,
    pub held: bool,
    pub status: StatusCode,
    /// Whether the reader may read a password-protected post.
    pub access: Access,
    /// A member's preview of a post readers do not see yet: a banner
    /// says so, and the page takes no comments.
    pub preview: bool,
}

/// What a reader may see of a post: all of it, or (protected by a
/// password they have not given) its title and the password form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Open,
    Locked,
    /// Locked, after a wrong password.
    WrongPassword,
}

impl Form {
    pub fn fresh(member: Option<String>, reply_to: Option<i64>, held: bool) -> Self {
        Self {
            member,
            values: FormValues::default(),
            error: None,
            reply_to,
            held,
            status: StatusCode::OK,
            access: Access::Open,
            preview: false,
        }
    }
}

/// Renders a post page; `form` carries what a refused submission sent.
pub async fn show(
    state: &AppState,
    site: &Site,
    page: PostPage,
    form: Form,
) -> Result<Response, AppError> {
    let now = Utc::now();
    let tz = site.blog.timezone;
    let PostPage {
        post,
        neighbours,
        comments,
    } = page;
    if form.access != Access::Open {
        return show_locked(state, site, post, neighbours, form, now).await;
    }
    let reply_to = form
        .reply_to
        .and_then(|id| comments.iter().find(|c| c.id == id))
        .map(|c| ReplyTo {
            id: c.id,
            author: c.author_name.clone(),
        });
    let comments_taken = post.comments == PostComments::Open && !form.preview;
    let comments_open = comments_taken
        && match site.blog.comments_allowed {
            CommentsAllowed::Anyone => true,
            CommentsAllowed::SignedIn => form.member.is_some(),
            CommentsAllowed::Nobody => false,
        };
    let lang = pages::lang(site);
    let closed_message = match site.blog.comments_allowed {
        CommentsAllowed::Nobody => lang.text("comments-closed", &[]),
        _ => lang.text("comments-members-only", &[]),
    };
    site.deps.add(Tag::Post(post.id));
    if comments_open {
        // The form's token records when it was served (the minimum fill
        // time): a cached copy may hand it out for a second at most.
        site.deps
            .expire_at(std::time::Instant::now() + FORM_TOKEN_REFRESH);
    }
    let mut chrome = Chrome::load(state, site, now).await?;
    chrome.meta = tidings_theme::meta::PageMeta::post(&site.blog, &post, &site.base_url);
    chrome.meta.noindex |= form.preview;
    let opened = post.is_protected();
    if opened {
        // The pass cookie already keeps this request from the cache; should
        // it not, the page expires as it is made.
        site.deps.expire_at(std::time::Instant::now());
    }
    let ctx = PostCtx {
        comments_heading: views::comments_heading(lang, comments.len()),
        comments: views::thread(&comments, tz, lang),
        comments_open,
        comments_taken,
        member: form.member,
        closed_message,
        form_token: form_token::issue(&state.form_key, form_token::Purpose::Comment, post.id, now),
        form: form.values,
        form_error: form.error,
        reply_to,
        held: form.held,
        password_wrong: false,
        preview: form.preview,
        date_header: lang.date_header(&post.published_at.with_timezone(&tz)),
        post: PostView::opened(post, tz, lang),
        newer_url: neighbours.newer,
        older_url: neighbours.older,
    };
    let mut page = pages::render(state, "post.html", form.status, &chrome, ctx)?;
    if opened {
        crate::cache::mark_private(page.headers_mut());
    }
    Ok(page)
}

/// A password-protected post for a reader who has not given its password:
/// its title and the form, nothing its password keeps (body, description,
/// pictures, comments). A wrong password gets the same page and status,
/// with a message.
async fn show_locked(
    state: &AppState,
    site: &Site,
    mut post: Post,
    neighbours: Neighbours,
    form: Form,
    now: DateTime<Utc>,
) -> Result<Response, AppError> {
    post.body_html.clear();
    post.description.clear();
    post.featured_image.clear();
    post.featured_image_html.clear();
    site.deps.add(Tag::Post(post.id));
    let mut chrome = Chrome::load(state, site, now).await?;
    chrome.meta = tidings_theme::meta::PageMeta::post(&site.blog, &post, &site.base_url);
    let lang = pages::lang(site);
    let tz = site.blog.timezone;
    let ctx = PostCtx {
        comments_heading: String::new(),
        comments: Vec::new(),
        comments_open: false,
        comments_taken: false,
        member: form.member,
        closed_message: String::new(),
        form_token: String::new(),
        form: form.values,
        form_error: None,
        reply_to: None,
        held: false,
        password_wrong: form.access == Access::WrongPassword,
        preview: false,
        date_header: lang.date_header(&post.published_at.with_timezone(&tz)),
        post: PostView::new(post, tz, lang),
        newer_url: neighbours.newer,
        older_url: neighbours.older,
    };
    pages::render(state, "post.html", StatusCode::OK, &chrome, ctx)
}
