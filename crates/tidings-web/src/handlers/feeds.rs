//! Blogger's feed URLs: posts (full or summary, per label), the blog's
//! comments and one post's comments, as Atom, RSS (`?alt=rss`) or JSON Feed
//! (`?alt=json`), paged with `max-results`/`start-index`, answering conditional
//! GETs with 304.

use axum::extract::{Path, Query};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use tidings_core::{FeedContent, Post};
use tidings_feeds::{FeedEntry, FeedMeta, InReplyTo};
use tidings_store::{CommentListing, PostFilter, VisibleComments};

use super::paging::ListQuery;
use crate::cache::Tag;
use crate::error::AppError;
use crate::host::Site;
use tidings_theme::i18n::Arg;
use tidings_theme::views::encode_segment;

const DEFAULT_RESULTS: u32 = 25;
const MAX_RESULTS: u32 = 500;
const SUMMARY_CHARS: usize = 400;

#[derive(Clone, Copy)]
enum Format {
    Atom,
    Rss,
    Json,
}

impl Format {
    fn parse(alt: Option<&str>) -> Result<Self, AppError> {
        match alt.unwrap_or("atom") {
            "atom" | "" => Ok(Self::Atom),
            "rss" => Ok(Self::Rss),
            "json" => Ok(Self::Json),
            other => Err(AppError::bad_request(format!(
                "alt must be atom, rss or json, not {other:?}."
            ))),
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            Self::Atom => "application/atom+xml; charset=utf-8",
            Self::Rss => "application/rss+xml; charset=utf-8",
            Self::Json => "application/feed+json; charset=utf-8",
        }
    }

    fn render(self, meta: &FeedMeta, entries: &[FeedEntry]) -> String {
        match self {
            Self::Atom => tidings_feeds::atom(meta, entries),
            Self::Rss => tidings_feeds::rss(meta, entries),
            Self::Json => tidings_feeds::json_feed(meta, entries),
        }
    }
}

/// The parts of a feed request every feed needs.
struct Request {
    format: Format,
    limit: u32,
    start: u32,
    self_url: String,
}

impl Request {
    fn parse(site: &Site, uri: &axum::http::Uri, q: &ListQuery) -> Result<Self, AppError> {
        Ok(Self {
            format: Format::parse(q.alt.as_deref())?,
            limit: q.max_results(DEFAULT_RESULTS, MAX_RESULTS)?,
            start: q.start_index()?,
            self_url: format!(
                "{}{}",
                site.base_url,
                uri.path_and_query().map(|p| p.as_str()).unwrap_or("/")
            ),
        })
    }

    fn meta(
        &self,
        site: &Site,
        id: String,
        title: String,
        total: i64,
        updated: DateTime<Utc>,
    ) -> FeedMeta {
        let total = u64::try_from(total).unwrap_or(0);
        let next = u64::from(self.start) + u64::from(self.limit);
        FeedMeta {
            id,
            title,
            subtitle: Some(site.blog.description.clone()).filter(|d| !d.is_empty()),
            language: site.blog.language.clone(),
            site_url: format!("{}/", site.base_url),
            self_url: self.self_url.clone(),
            updated,
            total_results: Some(total),
            start_index: u64::from(self.start),
            items_per_page: u64::from(self.limit),
            next_url: (next <= total).then(|| next_page(&self.self_url, next, self.limit)),
        }
    }
}

/// The same feed URL with `start-index` moved on.
fn next_page(self_url: &str, start: u64, limit: u32) -> String {
    let (base, query) = self_url.split_once('?').unwrap_or((self_url, ""));
    let mut parts: Vec<String> = query
        .split('&')
        .filter(|p| {
            !p.is_empty() && !p.starts_with("start-index=") && !p.starts_with("max-results=")
        })
        .map(str::to_owned)
        .collect();
    parts.push(format!("start-index={start}"));
    parts.push(format!("max-results={limit}"));
    format!("{base}?{}", parts.join("&"))
}

fn blog_tag(site: &Site) -> String {
    format!("tag:{},1999:blog-{}", site.blog.host, site.blog.id)
}

fn post_entry(site: &Site, p: &Post, full: bool) -> FeedEntry {
    let url = format!("{}{}", site.base_url, p.path);
    // A post whose comments are hidden names no comments, nor where they are.
    let shown = p.comments.shown();
    FeedEntry {
        id: format!("{}.post-{}", blog_tag(site), p.id),
        title: p.title.clone(),
        url: url.clone(),
        published: p.published_at,
        updated: p.updated_at,
        author: p.author_name.clone(),
        content_html: full.then(|| entry_html(site, p, &url)),
        summary: (!full).then(|| {
            tidings_render::summary(&tidings_render::html_to_text(&p.body_html), SUMMARY_CHARS)
        }),
        labels: p.labels.clone(),
        comments_url: shown.then(|| format!("{url}#comments")),
        comments_feed_url: shown
            .then(|| format!("{}/feeds/{}/comments/default", site.base_url, p.id)),
        comment_count: shown.then(|| u64::try_from(p.comment_count).unwrap_or(0)),
        in_reply_to: None,
    }
}

/// A full feed entry's content: the whole post, or with the blog's
/// `feed_content` at `until_break`, the post up to its jump break and a
/// link to the rest, in the blog's language; uploads shown by one absolute
/// address each (`tidings_render::feed_images`).
fn entry_html(site: &Site, p: &Post, url: &str) -> String {
    if site.blog.feed_content != FeedContent::UntilBreak || p.teaser_html.is_empty() {
        return tidings_render::feed_images(&p.body_html, &site.base_url);
    }
    let more = super::pages::lang(site).text("read-more", &[]);
    format!(
        "{}\n<p><a class=\"jump-link\" href=\"{}#more\">{}</a></p>",
        tidings_render::feed_images(&p.teaser_html, &site.base_url),
        tidings_render::escape_html(url),
        tidings_render::escape_html(&more)
    )
}

fn comment_entry(site: &Site, c: &CommentListing) -> FeedEntry {
    let post_url = format!("{}{}", site.base_url, c.post_path);
    let body = &c.comment.body;
    FeedEntry {
        id: format!("{}.post-{}", blog_tag(site), c.comment.id),
        title: tidings_render::summary(body, 60),
        url: format!(
            "{post_url}?showComment={}#c{}",
            c.comment.created_at.timestamp_millis(),
            c.comment.id
        ),
        published: c.comment.created_at,
        updated: c.comment.created_at,
        author: c.comment.author_name.clone(),
        content_html: Some(tidings_render::comment_to_html(body)),
        summary: None,
        labels: Vec::new(),
        comments_url: None,
        comments_feed_url: None,
        comment_count: None,
        in_reply_to: Some(InReplyTo {
            id: format!("{}.post-{}", blog_tag(site), c.comment.post_id),
            url: post_url,
        }),
    }
}

/// A rendered feed with its dates. Whether the reader has it already (ETag,
/// `If-Modified-Since`) is answered by the cache layer, which sees every page.
fn dated(format: Format, updated: DateTime<Utc>, body: String) -> Response {
    // Never a date in the future (see `Store::touch` for why one can occur);
    // the true second goes to the cache layer, which compares
    // `If-Modified-Since` with it, so two versions capped to the same second
    // are never confused.
    let last_modified = updated
        .min(Utc::now())
        .format("%a, %d %b %Y %H:%M:%S GMT")
        .to_string();
    let mut response = ([(header::CONTENT_TYPE, format.content_type())], body).into_response();
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&last_modified) {
        h.insert(header::LAST_MODIFIED, v);
    }
    h.insert(
        crate::cache::MODIFIED,
        HeaderValue::from(updated.timestamp()),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=60"),
    );
    response
}

async fn posts_feed(
    site: &Site,
    uri: &axum::http::Uri,
    q: &ListQuery,
    label: Option<String>,
    full: bool,
) -> Result<Response, AppError> {
    let req = Request::parse(site, uri, q)?;
    let now = Utc::now();
    let mut filter = PostFilter::visible(site.blog.id, now, req.limit);
    filter.offset = req.start - 1;
    filter.label = label.clone();
    filter.before = q.before()?;
    let posts = site.store.list_posts(&filter).await?;
    // Entries carry comment counts, and the feed's `updated` is the blog's
    // last change, which every comment moves.
    site.deps.add(Tag::Comments(site.blog.id));
    for p in &posts {
        site.deps.add(Tag::Post(p.id));
    }
    // The blog's kept frame counts its visible posts, by label too; a page
    // of posts before an instant (`updated-max`) counts its own.
    let total = match filter.before {
        None => site
            .store
            .frame(&site.blog, now)
            .await?
            .sidebar
            .posts_counted(label.as_deref()),
        Some(_) => site.store.count_posts(&filter).await?,
    };
    // A post going live at its scheduled time changes the feed with no write,
    // and a deleted post changes it leaving no entry behind: take both in.
    let updated = posts
        .iter()
        .map(|p| p.updated_at.max(p.published_at))
        .fold(site.blog.changed_at, DateTime::max);
    let title = match &label {
        Some(l) => format!("{}: {l}", site.blog.title),
        None => site.blog.title.clone(),
    };
    let meta = req.meta(site, blog_tag(site), title, total, updated);
    // A feed is the same for every reader: a password-protected post has
    // no entry, not even its title's, so its words never reach a reader.
    let entries: Vec<_> = posts
        .iter()
        .filter(|p| !p.is_protected())
        .map(|p| post_entry(site, p, full))
        .collect();
    Ok(dated(
        req.format,
        updated,
        req.format.render(&meta, &entries),
    ))
}

pub async fn posts_default(
    site: Site,
    uri: axum::http::Uri,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    posts_feed(&site, &uri, &q, None, true).await
}

pub async fn posts_summary(
    site: Site,
    uri: axum::http::Uri,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    posts_feed(&site, &uri, &q, None, false).await
}

pub async fn posts_by_label(
    site: Site,
    uri: axum::http::Uri,
    Path(label): Path<String>,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    posts_feed(&site, &uri, &q, Some(label), true).await
}

async fn comments_feed(
    site: &Site,
    uri: &axum::http::Uri,
    q: &ListQuery,
    post: Option<Post>,
) -> Result<Response, AppError> {
    let req = Request::parse(site, uri, q)?;
    // Only what readers see: a hidden post's comments are in no feed (the
    // feed of one hidden post is not found, see `post_comments`).
    let filter = VisibleComments {
        blog_id: site.blog.id,
        post_id: post.as_ref().map(|p| p.id),
        now: Utc::now(),
        limit: req.limit,
        offset: req.start - 1,
    };
    let comments = site.store.visible_comments(&filter).await?;
    site.deps.add(Tag::Comments(site.blog.id));
    let total = site.store.count_visible_comments(&filter).await?;
    let updated = comments
        .iter()
        .map(|c| c.comment.created_at)
        .fold(site.blog.changed_at, DateTime::max);
    let (id, title) = match &post {
        Some(p) => (
            format!("{}.post{}..comments", blog_tag(site), p.id),
            super::pages::lang(site).text(
                "feed-post-comments-title",
                &[
                    ("blog", Arg::Text(&site.blog.title)),
                    ("post", Arg::Text(&p.title)),
                ],
            ),
        ),
        None => (
            format!("{}.comments", blog_tag(site)),
            super::pages::lang(site).text(
                "feed-comments-title",
                &[("blog", Arg::Text(&site.blog.title))],
            ),
        ),
    };
    let meta = req.meta(site, id, title, total, updated);
    let entries: Vec<_> = comments.iter().map(|c| comment_entry(site, c)).collect();
    Ok(dated(
        req.format,
        updated,
        req.format.render(&meta, &entries),
    ))
}

pub async fn blog_comments(
    site: Site,
    uri: axum::http::Uri,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    comments_feed(&site, &uri, &q, None).await
}

pub async fn post_comments(
    site: Site,
    uri: axum::http::Uri,
    Path(post_id): Path<String>,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let missing = || AppError::not_found(format!("No post {post_id:?} has a comment feed here."));
    let id: i64 = post_id.parse().map_err(|_| missing())?;
    let post = match site.store.post_by_id(site.blog.id, id).await {
        Ok(p) if p.is_visible_at(Utc::now()) => p,
        Ok(_) | Err(tidings_store::StoreError::NotFound) => return Err(missing()),
        Err(e) => return Err(e.into()),
    };
    comments_feed(&site, &uri, &q, Some(post)).await
}

/// The path segment of a label feed, for autodiscovery links.
pub fn label_feed_path(label: &str) -> String {
    format!("/feeds/posts/default/-/{}", encode_segment(label))
}
