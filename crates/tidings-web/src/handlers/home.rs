//! List pages: the home page, label pages and archives share one shape —
//! posts newest first under date headers, with older/newer links.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{DateTime, Utc};
use serde::Serialize;
use tidings_core::Post;
use tidings_store::{PostFilter, Store};

use super::pages::{self, Chrome};
use super::paging::{ListQuery, query_value};
use crate::AppState;
use crate::cache::Tag;
use crate::error::AppError;
use crate::host::Site;
use tidings_theme::i18n::Arg;
use tidings_theme::views::{self, DayView, iso};

/// The most posts one list page shows, whatever `max-results` asks.
pub const MAX_PAGE_RESULTS: u32 = 100;

/// What a list page lists.
pub struct ListSpec {
    pub label: Option<String>,
    pub path_prefix: Option<String>,
    pub heading: Option<String>,
    /// The path paging links point at (`/search`, `/search/label/X`, `/2014/05/`).
    pub page_path: String,
    pub empty_message: String,
}

#[derive(Serialize)]
struct ListCtx {
    days: Vec<DayView>,
    heading: Option<String>,
    show_all_url: Option<&'static str>,
    label: Option<String>,
    label_feed: Option<String>,
    older_url: Option<String>,
    newer_url: Option<String>,
    empty_message: String,
}

pub async fn home(
    State(state): State<AppState>,
    site: Site,
    Query(q): Query<ListQuery>,
) -> Response {
    let spec = ListSpec {
        label: None,
        path_prefix: None,
        heading: None,
        page_path: "/search".into(),
        empty_message: pages::lang(&site).text("no-posts-yet", &[]),
    };
    let result = list_page(&state, &site, &q, spec).await;
    pages::respond(&state, &site, result)
}

pub async fn label(
    State(state): State<AppState>,
    site: Site,
    Path(label): Path<String>,
    Query(q): Query<ListQuery>,
) -> Response {
    let lang = pages::lang(&site);
    let named = [("label", Arg::Text(&label))];
    let spec = ListSpec {
        heading: Some(lang.text("label-heading", &named)),
        page_path: views::label_url(&label),
        empty_message: lang.text("label-empty", &named),
        label: Some(label),
        path_prefix: None,
    };
    let result = list_page(&state, &site, &q, spec).await;
    pages::respond(&state, &site, result)
}

/// Renders one list page of the posts `spec` selects, paged by `q`.
pub async fn list_page(
    state: &AppState,
    site: &Site,
    q: &ListQuery,
    spec: ListSpec,
) -> Result<Response, AppError> {
    let now = Utc::now();
    let limit = q.max_results(site.blog.posts_per_page, MAX_PAGE_RESULTS)?;
    let before = q.before()?;
    let after = if before.is_some() { None } else { q.after()? };
    let mut filter = PostFilter::visible(site.blog.id, now, limit + 1);
    filter.label = spec.label.clone();
    filter.path_prefix = spec.path_prefix.clone();
    filter.before = before;
    filter.after = after;
    let Listed {
        posts,
        more,
        pinned,
    } = page_posts(site, &filter, limit, now).await?;
    // Each post shows its comment count: a comment on it changes this page.
    for p in &posts {
        site.deps.add(Tag::Post(p.id));
    }
    let (older_url, newer_url) =
        paging_links(&site.store, &spec, &filter, limit, &posts, more).await?;
    let mut chrome = Chrome::load(state, site, now).await?;
    if site.path == "/" {
        chrome.meta = tidings_theme::meta::PageMeta::home(&site.blog, &site.base_url);
    }
    let ctx = ListCtx {
        days: views::days(posts, pinned, site.blog.timezone, pages::lang(site)),
        show_all_url: spec.heading.as_ref().map(|_| "/"),
        label_feed: spec
            .label
            .as_ref()
            .map(|l| super::feeds::label_feed_path(l)),
        heading: spec.heading,
        label: spec.label,
        older_url,
        newer_url,
        empty_message: spec.empty_message,
    };
    pages::render(state, "list.html", StatusCode::OK, &chrome, ctx)
}

/// A list page's posts.
struct Listed {
    /// Newest first, after the pinned ones.
    posts: Vec<Post>,
    /// Whether there were more than the page shows.
    more: bool,
    /// How many of `posts`, from the first, are sticky posts shown first.
    pinned: usize,
}

/// The posts of this page (`filter` asks for one more than `limit`).
async fn page_posts(
    site: &Site,
    filter: &PostFilter,
    limit: u32,
    now: DateTime<Utc>,
) -> Result<Listed, AppError> {
    let mut posts = site.store.list_posts(filter).await?;
    let more = posts.len() > limit as usize;
    if more {
        if filter.after.is_some() {
            // Fetched oldest-first then reversed to newest-first: the extra
            // one is the newest, beyond this page.
            posts.remove(0);
        } else {
            posts.truncate(limit as usize);
        }
    }
    // Page 1 of the whole stream shows sticky posts first, as WordPress
    // does; they appear again where their date puts them on later pages.
    let whole_stream = filter.label.is_none() && filter.path_prefix.is_none();
    let mut pinned = 0;
    if whole_stream && filter.before.is_none() && filter.after.is_none() {
        let frame = site.store.frame(&site.blog, now).await?;
        if !frame.sticky.is_empty() {
            posts.retain(|p| !p.sticky);
            let sticky: Vec<Post> = frame.sticky.iter().take(limit as usize).cloned().collect();
            pinned = sticky.len();
            posts.splice(0..0, sticky);
        }
    }
    Ok(Listed {
        posts,
        more,
        pinned,
    })
}

/// The older and newer pages' addresses, where there are such pages.
async fn paging_links(
    store: &Store,
    spec: &ListSpec,
    filter: &PostFilter,
    limit: u32,
    posts: &[Post],
    more: bool,
) -> Result<(Option<String>, Option<String>), AppError> {
    let (Some(first), Some(last)) = (posts.first(), posts.last()) else {
        return Ok((None, None));
    };
    let link = |key: &str, at| {
        let sep = if spec.page_path.contains('?') {
            '&'
        } else {
            '?'
        };
        format!(
            "{}{sep}{key}={}&max-results={limit}",
            spec.page_path,
            query_value(&iso(at))
        )
    };
    let older = if filter.after.is_some() {
        exists(store, filter, None, Some(last.published_at)).await?
    } else {
        more
    };
    let newer = if filter.after.is_some() {
        more
    } else if filter.before.is_some() {
        exists(store, filter, Some(first.published_at), None).await?
    } else {
        false
    };
    Ok((
        older.then(|| link("updated-max", last.published_at)),
        newer.then(|| link("updated-min", first.published_at)),
    ))
}

/// Whether any post of `filter` lies strictly after / before an instant.
async fn exists(
    store: &Store,
    filter: &PostFilter,
    after: Option<DateTime<Utc>>,
    before: Option<DateTime<Utc>>,
) -> Result<bool, AppError> {
    let mut f = filter.clone();
    f.after = after;
    f.before = before;
    Ok(store.any_post(&f).await?)
}
