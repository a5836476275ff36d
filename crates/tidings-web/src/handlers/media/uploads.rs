//! `/media/u/…`: uploaded pictures, from whichever store keeps them.
//!
//! A name is never reused and a file never changes under it, so the name
//! is the `ETag`, a year's `immutable` caching is safe, and a node may keep
//! a file in memory as long as it likes. A file of up to [`KEPT_MAX`] is
//! read piece by piece once, from whichever store, and then kept in
//! [`BlobCache`], a cache bounded by bytes, so a popular picture costs no
//! read. A larger one in the data directory is handed to tower-http's
//! `ServeFile` (ranges, streamed): it reads the file through tokio's
//! blocking threads 64 KB at a time on every request, which served a
//! 200 KB photo at a third of what the memory cache does.

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use quick_cache::Weighter;
use quick_cache::sync::Cache;
use tidings_store::{ServedFile, blob_key};
use tower::ServiceExt;
use tower_http::services::ServeFile;

use super::{CACHE, CSP};
use crate::AppState;
use crate::error::AppError;

/// Memory for uploads kept between requests.
const CACHE_BYTES: u64 = 64 << 20;

/// The largest file kept in memory: pictures and their copies are well
/// under it; a video or an archive is streamed.
const KEPT_MAX: u64 = 4 << 20;

#[derive(Clone)]
struct ByLength;

impl Weighter<String, Bytes> for ByLength {
    fn weight(&self, key: &String, bytes: &Bytes) -> u64 {
        (key.len() + bytes.len()) as u64
    }
}

/// Uploads kept in memory, by key, bounded by [`CACHE_BYTES`].
pub struct BlobCache(Cache<String, Bytes, ByLength>);

impl Default for BlobCache {
    fn default() -> Self {
        Self(Cache::with_weighter(1024, CACHE_BYTES, ByLength))
    }
}

/// Answers the uploaded file at `path` of blog `blog_id`.
pub(super) async fn serve(
    state: &AppState,
    parts: Parts,
    blog_id: i64,
    path: &str,
    file: ServedFile,
) -> Result<Response, AppError> {
    let name = path.rsplit('/').next().unwrap_or_default();
    let etag = HeaderValue::from_str(&format!("\"{name}\""))
        .map_err(|_| AppError::not_found("There is no such file in this blog."))?;
    let mime = HeaderValue::from_str(&file.mime_type).map_err(|_| AppError::internal())?;
    let fresh = parts
        .headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|t| t.trim() == "*" || t.trim().trim_start_matches("W/") == etag);
    let key = blob_key(blog_id, path);
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else if let Some(local) = state
        .blobs
        .local_path(&key)
        .filter(|_| file.bytes > KEPT_MAX)
    {
        let Ok(answer) = ServeFile::new(local)
            .oneshot(Request::from_parts(parts, Body::empty()))
            .await;
        if answer.status() == StatusCode::NOT_FOUND {
            return Err(AppError::not_found("There is no such file in this blog."));
        }
        answer.map(Body::new)
    } else {
        let bytes = whole(state, &key, file.bytes).await?;
        ranged(&parts.headers, bytes)
    };
    let modified = response.status() != StatusCode::NOT_MODIFIED;
    let headers = response.headers_mut();
    headers.insert(header::ETAG, etag);
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(CACHE));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    if modified {
        headers.insert(header::CONTENT_TYPE, mime);
    }
    Ok(response)
}

/// The file at `key` from its store, from memory after its first time.
async fn whole(state: &AppState, key: &str, size: u64) -> Result<Bytes, AppError> {
    if let Some(kept) = state.media_cache.0.get(key) {
        return Ok(kept);
    }
    let mut out = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    let mut index = 0;
    // Up to the size the row records: no request past the end (a bucket
    // answers one with an error that costs a second request to explain).
    while (out.len() as u64) < size {
        let Some(piece) = state.blobs.chunk(key, index).await? else {
            break;
        };
        out.extend_from_slice(&piece);
        index += 1;
    }
    if out.is_empty() {
        return Err(AppError::not_found("There is no such file in this blog."));
    }
    let bytes = Bytes::from(out);
    state.media_cache.0.insert(key.to_owned(), bytes.clone());
    Ok(bytes)
}

/// `bytes`, or the one range of them the request asks for (206); a range
/// past the end answers 416. Several ranges at once are answered whole, as
/// the standard allows.
fn ranged(headers: &HeaderMap, bytes: Bytes) -> Response {
    let len = bytes.len() as u64;
    let mut response = match headers
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
        .map(|v| range(v, len))
    {
        Some(Range::One(start, end)) => {
            let part = bytes.slice(start as usize..=end as usize);
            let mut r = (StatusCode::PARTIAL_CONTENT, part).into_response();
            let range = format!("bytes {start}-{end}/{len}");
            if let Ok(v) = HeaderValue::from_str(&range) {
                r.headers_mut().insert(header::CONTENT_RANGE, v);
            }
            r
        }
        Some(Range::Unsatisfiable) => {
            let mut r = StatusCode::RANGE_NOT_SATISFIABLE.into_response();
            if let Ok(v) = HeaderValue::from_str(&format!("bytes */{len}")) {
                r.headers_mut().insert(header::CONTENT_RANGE, v);
            }
            r
        }
        Some(Range::Whole) | None => bytes.into_response(),
    };
    response
        .headers_mut()
        .insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    response
}

#[derive(Debug, PartialEq, Eq)]
enum Range {
    /// First and last byte, both included.
    One(u64, u64),
    Unsatisfiable,
    /// No range we answer in part (several, or not bytes).
    Whole,
}

/// A `Range` header's single byte range over a file of `len` bytes.
fn range(header: &str, len: u64) -> Range {
    let Some(spec) = header.trim().strip_prefix("bytes=") else {
        return Range::Whole;
    };
    if spec.contains(',') {
        return Range::Whole;
    }
    let Some((first, last)) = spec.trim().split_once('-') else {
        return Range::Whole;
    };
    let (first, last) = (first.trim(), last.trim());
    let parsed = match (first.parse::<u64>(), last.parse::<u64>()) {
        (Ok(a), Ok(b)) if a <= b => Some((a, b.min(len.saturating_sub(1)))),
        (Ok(a), Err(_)) if last.is_empty() => Some((a, len.saturating_sub(1))),
        (Err(_), Ok(n)) if first.is_empty() && n > 0 => {
            Some((len.saturating_sub(n), len.saturating_sub(1)))
        }
        _ => return Range::Whole,
    };
    match parsed {
        Some((a, b)) if a < len && a <= b => Range::One(a, b),
        _ => Range::Unsatisfiable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        assert_eq!(range("bytes=0-9", 100), Range::One(0, 9));
        assert_eq!(range("bytes=90-", 100), Range::One(90, 99));
        assert_eq!(range("bytes=-10", 100), Range::One(90, 99));
        assert_eq!(range("bytes=50-500", 100), Range::One(50, 99));
        assert_eq!(range("bytes=100-", 100), Range::Unsatisfiable);
        assert_eq!(range("bytes=0-1,5-6", 100), Range::Whole);
        assert_eq!(range("items=0-1", 100), Range::Whole);
        assert_eq!(range("bytes=9-2", 100), Range::Whole);
    }
}
