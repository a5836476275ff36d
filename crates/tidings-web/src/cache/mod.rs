//! The render cache: public pages and feeds kept in memory, exactly as they
//! were sent, until a change they depend on or their own expiry.
//!
//! - **Key**: scheme, host and path with query, so each blog and each address
//!   (paging, `max-results`, a feed's `alt`) is its own entry.
//! - **What is kept**: 200 answers of GET requests that rendered a blog page
//!   (a handler took a [`crate::host::Site`]), without a session cookie or
//!   `Authorization`, that set no cookie. The admin and the API never pass.
//! - **Staying right**: see [`deps`] for tags and epochs, and [`follow`] for
//!   how changes from this node, other nodes and the CLI arrive. After a
//!   write request through this node, its changes are read before the answer
//!   leaves, so the writer's next page is current; other nodes learn within
//!   milliseconds on PostgreSQL (`NOTIFY`) and within `follow::POLL` anyway.
//! - **Representations**: a strong ETag per coding, 304 on a match, brotli or
//!   gzip made once per entry when a reader first accepts it; `Vary: Cookie`
//!   on every kept page, and `Cache-Control: private, no-store` on every
//!   answer to a member (session cookie or `Authorization`), so no shared
//!   cache hands one's page to the other.
//!
//! - **What cannot be kept**: renders for requests no kept page answers run
//!   a bounded number at a time ([`renders`]); past a short line they are
//!   refused with 503, so a flood of uncached requests cannot take the
//!   machine from readers of kept pages, who never wait in that line.
//!
//! With `--no-cache` nothing is kept, but answers still get their ETag, 304s
//! and compression from the same code ([`Entry`]), and renders are bounded
//! the same way.

mod counting;
mod deps;
mod entry;
mod follow;
mod renders;

use std::sync::Arc;
use std::time::Instant;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use quick_cache::Weighter;
use quick_cache::sync::Cache;

use deps::{Collected, Versions};
pub use deps::{Deps, Tag};
pub use entry::Entry;
pub use follow::{Follower, follow};
pub use renders::Renders;

use crate::AppState;
use crate::error::{ApiError, AppError};
use crate::metrics::Area;
use renders::Rendering;

/// The largest page the cache keeps; bigger answers are sent as they are.
const MAX_ENTRY: usize = 8 << 20;

/// Tells tests and operators whether an answer came from the cache.
const CACHE_HEADER: &str = "x-tidings-cache";

/// A handler's true last-change second (Unix time) for `If-Modified-Since`,
/// when its `Last-Modified` had to be capped at now; never sent out.
pub const MODIFIED: &str = "x-tidings-modified";

#[derive(Clone)]
struct ByBytes;

impl Weighter<Box<str>, Arc<Entry>> for ByBytes {
    fn weight(&self, key: &Box<str>, entry: &Arc<Entry>) -> u64 {
        key.len() as u64 + entry.weight()
    }
}

/// The pages of every blog this node serves.
pub struct PageCache {
    pages: Cache<Box<str>, Arc<Entry>, ByBytes>,
    versions: Versions,
}

impl PageCache {
    /// A cache holding about `bytes` of pages.
    pub fn new(bytes: u64) -> Self {
        Self {
            pages: Cache::with_weighter((bytes / 32_768).max(16) as usize, bytes, ByBytes),
            versions: Versions::default(),
        }
    }
}

/// The middleware: answers from the cache when it can, keeps what it may,
/// bounds the renders it cannot answer, and after a write request reads the
/// change log before answering.
pub async fn layer(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let method = req.method().clone();
    let member = signed_in(req.headers()) || req.headers().contains_key(header::AUTHORIZATION);
    if method != Method::GET && method != Method::HEAD {
        return written(&state, next.run(req).await, member).await;
    }
    if !public(&req) {
        return unkept(&state, req, next, member).await;
    }
    let key = key_of(&req, &state).into_boxed_str();
    let started = Instant::now();
    let render_guard = match &state.cache {
        Some(cache) => match lookup(cache, &key, &method, started).await {
            Lookup::Kept(entry) => {
                if method == Method::GET {
                    counting::count(&state, entry.viewed.as_ref(), req.headers());
                }
                return hit(&state, &entry, &method, req.headers(), started);
            }
            Lookup::Render(guard) => guard,
        },
        None => None,
    };
    // Nothing kept answers this request: it waits for its turn to render.
    let (mut req, rendering) = match admit(&state, req).await {
        Ok(admitted) => admitted,
        Err(refused) => return refused,
    };
    let request_headers = req.headers().clone();
    if method == Method::HEAD {
        // The router drops HEAD bodies, so there is nothing to keep.
        let mut response = render(&state, rendering, next.run(req)).await;
        response.headers_mut().remove(MODIFIED);
        return response;
    }
    // The handler renders the whole page; whether the reader has it already
    // is answered below, from the page's own ETag.
    for name in [header::IF_NONE_MATCH, header::IF_MODIFIED_SINCE] {
        req.headers_mut().remove(name);
    }
    let since = state.cache.as_ref().map(|c| c.versions.now());
    let deps = Deps::collecting();
    req.extensions_mut().insert(deps.clone());
    // A public page only reads: all of it from one state of the database,
    // through the render threads' own connections when it renders there.
    let store = match (&rendering, &state.renders) {
        (Some(_), Some(renders)) => renders.store(&state.store),
        _ => state.store.clone(),
    };
    req.extensions_mut().insert(Snapshot(store.snapshot()));
    let response = render(&state, rendering, next.run(req)).await;
    let collected = deps.take().unwrap_or_default();
    if response.status() == StatusCode::OK {
        counting::count(&state, collected.viewed.as_ref(), &request_headers);
    }
    let entry = match keepable(response, collected, since).await {
        Ok(entry) => entry,
        Err(not_kept) => return not_kept,
    };
    let response = entry.respond(&method, &request_headers);
    match (&state.cache, since) {
        (Some(cache), Some(since)) => {
            // A change that landed while the page rendered leaves it stale
            // from birth: send it (it is at least as new as the request), but
            // don't keep it.
            if cache.versions.fresh(since, &entry.tags) {
                match render_guard {
                    // Readers waiting for this page get it now.
                    Some(guard) => {
                        let _ = guard.insert(entry);
                    }
                    None => cache.pages.insert(key, entry),
                }
            }
            state.metrics.cache_miss();
            marked(response, "miss")
        }
        _ => response,
    }
}

/// The store a public page reads through while it renders for the cache: a
/// [`tidings_store::Store::snapshot`], so the page shows one state of the
/// blog. [`crate::host::Site`] hands it to the handlers as `site.store`.
#[derive(Clone)]
pub struct Snapshot(pub tidings_store::Store);

/// A kept page's placeholder: readers who ask while it renders wait for it.
type Guard<'a> = quick_cache::sync::PlaceholderGuard<
    'a,
    Box<str>,
    Arc<Entry>,
    ByBytes,
    quick_cache::DefaultHashBuilder,
    quick_cache::sync::DefaultLifecycle<Box<str>, Arc<Entry>>,
>;

/// What the cache holds for a request.
enum Lookup<'a> {
    /// A kept page, current: the answer.
    Kept(Arc<Entry>),
    /// Nothing usable: render it (holding the page's placeholder, for GET).
    Render(Option<Guard<'a>>),
}

/// Looks `key` up, dropping a kept page that is stale or expired. A GET that
/// finds nothing takes the page's placeholder: one render of a page at a
/// time, and readers who ask meanwhile wait for it rather than render it
/// again (when a busy page expires, 64 readers would otherwise render it at
/// once). HEAD answers have no body to keep, so they take none.
// quick_cache makes its own copy of a missing key with `ToOwned`, and
// `str`'s owned form is a `String`: the key must be the boxed one.
#[allow(clippy::borrowed_box)]
async fn lookup<'a>(
    cache: &'a PageCache,
    key: &Box<str>,
    method: &Method,
    started: Instant,
) -> Lookup<'a> {
    let usable =
        |entry: &Entry| !entry.expired(started) && cache.versions.fresh(entry.since, &entry.tags);
    if method == Method::HEAD {
        if let Some(entry) = cache.pages.get(key) {
            if usable(&entry) {
                return Lookup::Kept(entry);
            }
            cache.pages.remove(key);
        }
        return Lookup::Render(None);
    }
    loop {
        match cache.pages.get_value_or_guard_async(key).await {
            Ok(entry) if usable(&entry) => return Lookup::Kept(entry),
            Ok(_) => {
                cache.pages.remove(key);
            }
            Err(guard) => return Lookup::Render(Some(guard)),
        }
    }
}

/// A write request's answer, once this node has read the change log it
/// added to (so the writer's next page is current).
async fn written(state: &AppState, mut response: Response, member: bool) -> Response {
    follow::catch_up(state).await;
    if member {
        mark_private(response.headers_mut());
    }
    response
}

/// A read no cache keeps (the admin, the API, a signed-in reader's page):
/// rendered in its turn, never kept.
async fn unkept(state: &AppState, req: Request, next: Next, member: bool) -> Response {
    let (req, rendering) = match admit(state, req).await {
        Ok(admitted) => admitted,
        Err(refused) => return refused,
    };
    let mut response = render(state, rendering, next.run(req)).await;
    response.headers_mut().remove(MODIFIED);
    if member {
        mark_private(response.headers_mut());
    }
    response
}

/// The page `response` as an entry to keep, or the response itself when it
/// may not be kept: not a 200, not a blog page, setting a cookie, or larger
/// than [`MAX_ENTRY`].
async fn keepable(
    response: Response,
    collected: Collected,
    since: Option<u64>,
) -> Result<Arc<Entry>, Response> {
    if response.status() != StatusCode::OK
        || !collected.blog_page
        || response.headers().contains_key(header::SET_COOKIE)
    {
        return Err(response);
    }
    let (parts, body) = response.into_parts();
    // Handlers answer with bodies already in memory: this only joins them.
    let bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(b) if b.len() <= MAX_ENTRY => b,
        Ok(b) => return Err(Response::from_parts(parts, Body::from(b))),
        Err(_) => return Err(StatusCode::SERVICE_UNAVAILABLE.into_response()),
    };
    let mut headers = parts.headers;
    if !headers.contains_key(header::CACHE_CONTROL) {
        // Shared caches may store public pages but must ask again each time
        // (cheap with the ETag): a reader who just commented must see it.
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, no-cache"),
        );
    }
    let Collected {
        tags,
        expires,
        viewed,
        ..
    } = collected;
    Ok(Arc::new(
        Entry::new(since.unwrap_or(0), tags, expires, headers, bytes).counting(viewed),
    ))
}

/// Waits for `req`'s turn among the renders (see [`renders`]), or answers
/// the refusal: the blog's themed error page, or the API's JSON error.
/// Health checks, metrics, static files and media are cheap and never wait. Nor
/// does the admin: without a session its pages are a redirect or the
/// sign-in form, and with one they are a member's; a flood of anonymous
/// misses (`/?r=random`) filling the line must not lock the owner out.
async fn admit(state: &AppState, req: Request) -> Result<(Request, Option<Rendering>), Response> {
    let path = req.uri().path();
    let cheap = path == "/healthz"
        || path == "/metrics"
        || path.starts_with("/static/")
        || path.starts_with("/media/")
        || path == "/admin"
        || path.starts_with("/admin/");
    let area = Area::of(path);
    let Some(renders) = state.renders.as_ref().filter(|_| !cheap) else {
        return Ok((req, None));
    };
    let started = Instant::now();
    match renders.admit().await {
        Ok(rendering) => Ok((req, Some(rendering))),
        Err(busy) => {
            let response = refusal(state, req, busy).await;
            state.metrics.record(area, response.status(), started);
            Err(response)
        }
    }
}

/// Runs the rest of the router: on the render threads when the request
/// holds a place among the renders.
async fn render(
    state: &AppState,
    rendering: Option<Rendering>,
    page: impl std::future::Future<Output = Response> + Send + 'static,
) -> Response {
    match (rendering, &state.renders) {
        (Some(rendering), Some(renders)) => rendering.run(renders, page).await,
        _ => page.await,
    }
}

/// How long a refusal may spend finding the blog for its themed page: when
/// the database is what is slow, a plain answer now beats a themed one later.
const THEME_WAIT: std::time::Duration = std::time::Duration::from_millis(200);

async fn refusal(state: &AppState, req: Request, error: AppError) -> Response {
    if req.uri().path().starts_with("/api/") {
        return ApiError(error).into_response();
    }
    let (mut parts, _) = req.into_parts();
    let site = tokio::time::timeout(
        THEME_WAIT,
        <crate::host::Site as axum::extract::FromRequestParts<AppState>>::from_request_parts(
            &mut parts, state,
        ),
    )
    .await;
    match site {
        Ok(Ok(site)) => crate::handlers::pages::error_page(state, &site, error),
        _ => error.into_response(),
    }
}

/// Answers from a kept page, counting it.
fn hit(
    state: &AppState,
    entry: &Entry,
    method: &Method,
    request: &HeaderMap,
    started: Instant,
) -> Response {
    state.metrics.cache_hit();
    let response = marked(entry.respond(method, request), "hit");
    // Only public pages are kept.
    state
        .metrics
        .record(Area::Public, response.status(), started);
    response
}

/// Whether a request may see a page shared with other readers.
fn public(req: &Request) -> bool {
    let path = req.uri().path();
    let private_area = path == "/admin"
        || path.starts_with("/admin/")
        || path.starts_with("/api/")
        || path == "/metrics"
        || path == "/healthz"
        // One person's pages: what a mail's link opens, what the Follow by
        // Email form answers.
        || path.starts_with("/subscribe")
        || path == "/unsubscribe"
        || path.starts_with("/replies/")
        // Files: never kept here (they have a cache of their own), and they
        // answer their own conditional and range requests.
        || path.starts_with("/media/");
    !private_area && !req.headers().contains_key(header::AUTHORIZATION) && !signed_in(req.headers())
}

/// An answer for one person (a signed-in member, an API caller, the admin):
/// no cache may keep it, and one that keeps the public page at the same
/// address must not hand that to a member, whose page can differ (a post
/// page greets them in its comment form).
pub fn mark_private(headers: &mut HeaderMap) {
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    let varies = headers.get_all(header::VARY).iter().any(|v| {
        v.to_str()
            .is_ok_and(|v| v.to_ascii_lowercase().contains("cookie"))
    });
    if !varies {
        headers.append(header::VARY, HeaderValue::from_static("cookie"));
    }
}

/// A member's session, or a reader's pass to a password-protected post:
/// either makes the page this person's alone.
fn signed_in(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .any(|c| {
            c.trim().split_once('=').is_some_and(|(name, _)| {
                name == crate::admin::SESSION_COOKIE
                    || name.starts_with(crate::handlers::unlock::COOKIE_PREFIX)
            })
        })
}

/// Scheme (as the page will use it: `X-Forwarded-Proto` only from a trusted
/// proxy), host and path with query: what makes two requests get the same
/// bytes. Anything else a client sends must not choose what other readers get.
fn key_of(req: &Request, state: &AppState) -> String {
    let h = req.headers();
    let scheme = crate::host::scheme(h, req.extensions(), &state.config.trusted_proxies);
    let host = h
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .or_else(|| req.uri().authority().map(|a| a.as_str()))
        .unwrap_or("");
    let path = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or("/");
    format!("{scheme} {} {path}", host.to_ascii_lowercase())
}

fn marked(mut response: Response, how: &'static str) -> Response {
    response
        .headers_mut()
        .insert(CACHE_HEADER, HeaderValue::from_static(how));
    response
}
