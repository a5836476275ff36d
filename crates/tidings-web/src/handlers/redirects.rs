//! Old addresses of imported posts: a WordPress permalink (`/2013/01/10/x/`,
//! `/about/`), `/?p=ID` or `/?page_id=ID` answers 301 with the post's path.
//!
//! One middleware rather than a check in every handler: an old permalink can
//! look like any of our routes (`/about/` is shaped like a year archive), so
//! the only reliable moment is "this request found nothing". `/?p=` is the one
//! exception: the home page answers `/` whatever its query, so WordPress's
//! query ids are looked up first.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::{Method, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::host::Site;

/// Longer addresses are never an old permalink worth a query.
const MAX_OLD_PATH: usize = 2_000;

pub async fn moved(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return next.run(request).await;
    }
    let uri = request.uri().clone();
    let host = request.headers().get(header::HOST).cloned();
    let by_query = query_id(&uri);
    if by_query.is_none() {
        let response = next.run(request).await;
        if response.status() != StatusCode::NOT_FOUND {
            return response;
        }
        return match lookup(&state, &uri, host, candidates(&uri)).await {
            Some(target) => target,
            None => response,
        };
    }
    match lookup(&state, &uri, host, by_query.into_iter().collect()).await {
        Some(target) => target,
        None => next.run(request).await,
    }
}

/// `/?p=12` or `/?page_id=12` (also via `/index.php`), as stored.
fn query_id(uri: &Uri) -> Option<String> {
    if !matches!(uri.path(), "/" | "/index.php") {
        return None;
    }
    uri.query()?.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        let numeric = !v.is_empty() && v.len() <= 20 && v.bytes().all(|b| b.is_ascii_digit());
        (matches!(k, "p" | "page_id") && numeric).then(|| format!("/?{k}={v}"))
    })
}

/// The stored forms an old address may have: with its query, without, and
/// with or without a trailing slash.
fn candidates(uri: &Uri) -> Vec<String> {
    let path = uri.path();
    if path.len() > MAX_OLD_PATH || uri.query().is_some_and(|q| q.len() > MAX_OLD_PATH) {
        return Vec::new();
    }
    let mut out = Vec::new();
    if let Some(q) = uri.query() {
        out.push(format!("{path}?{q}"));
    }
    out.push(path.to_owned());
    match path.strip_suffix('/') {
        Some(bare) if !bare.is_empty() => out.push(bare.to_owned()),
        Some(_) => {}
        None => out.push(format!("{path}/")),
    }
    out
}

async fn lookup(
    state: &AppState,
    uri: &Uri,
    host: Option<axum::http::HeaderValue>,
    candidates: Vec<String>,
) -> Option<Response> {
    if candidates.is_empty() {
        return None;
    }
    let mut probe = Request::builder().uri(uri.clone()).body(()).ok()?;
    if let Some(h) = host {
        probe.headers_mut().insert(header::HOST, h);
    }
    let (mut parts, ()) = probe.into_parts();
    let site = Site::from_request_parts(&mut parts, state).await.ok()?;
    let now = chrono::Utc::now();
    for old in candidates {
        match site.store.redirect_target(site.blog.id, &old, now).await {
            Ok(Some(path)) => {
                return Some(
                    (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, path)]).into_response(),
                );
            }
            Ok(None) => {}
            Err(e) => {
                tracing::warn!("redirect lookup failed: {e}");
                return None;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_addresses() {
        let uri = |s: &str| s.parse::<Uri>().unwrap();
        assert_eq!(query_id(&uri("/?p=12")).as_deref(), Some("/?p=12"));
        assert_eq!(
            query_id(&uri("/index.php?utm=x&page_id=7")).as_deref(),
            Some("/?page_id=7")
        );
        assert_eq!(query_id(&uri("/?p=x")), None);
        assert_eq!(query_id(&uri("/about/?p=1")), None);
        assert_eq!(candidates(&uri("/about/")), ["/about/", "/about"]);
        assert_eq!(candidates(&uri("/a?b=1")), ["/a?b=1", "/a", "/a/"]);
        assert_eq!(candidates(&uri("/")), ["/"]);
    }
}
