//! `/media/…`: uploaded pictures (`/media/u/…`, see [`uploads`]), and the
//! copies of an imported blog's files that `tidings import wordpress
//! --fetch-media` made in the data directory before it kept them as uploads
//! (`media/BLOG_ID/2011/07/img.jpg` is `/media/2011/07/img.jpg`): blogs
//! moved in then, or moved here with their data directory, keep them.
//!
//! Only paths recorded as an attachment's copy are answered, so no request
//! can reach another file of the data directory. Files never change under
//! their path, so they are cached for a year. A file is served only when
//! its first bytes are of a type we serve (`tidings_core::media`: images,
//! audio, video, PDF), and with that type, whatever its name, the type an
//! old import recorded or the other server claimed: never as HTML or SVG.
//! `X-Content-Type-Options: nosniff` (on every answer, `headers.rs`) keeps
//! browsers to that type, and a sandboxing Content-Security-Policy stays
//! as a second wall, so no file opened directly can run script on the
//! blog's origin. Copies made before
//! fetching sniffed their bytes are judged here too.

use axum::body::Body;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use tidings_core::media::{SNIFF_BYTES, served_type};
use tokio::io::AsyncReadExt;
use tower::ServiceExt;
use tower_http::services::ServeFile;

mod uploads;

pub use uploads::BlobCache;

use super::pages;
use crate::AppState;
use crate::cache::Deps;
use crate::error::AppError;
use crate::host::Site;

pub(super) const CACHE: &str = "public, max-age=31536000, immutable";
pub(super) const CSP: &str = "default-src 'none'; img-src 'self' data:; media-src 'self'; \
     style-src 'unsafe-inline'; sandbox";

pub async fn file(State(state): State<AppState>, req: Request) -> Response {
    let (mut parts, _) = req.into_parts();
    // A file is not a page: the render cache, which keeps whole bodies in
    // memory, never sees it.
    parts.extensions.remove::<Deps>();
    let site = match Site::from_request_parts(&mut parts, &state).await {
        Ok(site) => site,
        Err(e) => return e.into_response(),
    };
    let missing = || AppError::not_found("There is no such file in this blog.");
    let path = parts.uri.path().to_owned();
    match site.store.served_file(site.blog.id, &path).await {
        Ok(Some(file)) => {
            return uploads::serve(&state, parts, site.blog.id, &path, file)
                .await
                .unwrap_or_else(|e| pages::error_page(&state, &site, e));
        }
        Ok(None) => {}
        Err(e) => return pages::error_page(&state, &site, e.into()),
    }
    let Some(dir) = state.config.media_dir.as_ref() else {
        return pages::error_page(&state, &site, missing());
    };
    match site.store.attachment_at(site.blog.id, &path).await {
        Ok(Some(_)) => {}
        Ok(None) => return pages::error_page(&state, &site, missing()),
        Err(e) => return pages::error_page(&state, &site, e.into()),
    };
    let rel = path.strip_prefix("/media/").unwrap_or_default();
    // Recorded paths are checked when they are written; checked again here
    // because this one becomes a file path.
    if rel
        .split('/')
        .any(|s| s.is_empty() || s.starts_with('.') || s.contains('\\'))
    {
        return pages::error_page(&state, &site, missing());
    }
    let file = dir.join(site.blog.id.to_string()).join(rel);
    let Some(mime) = sniffed(&file).await else {
        return pages::error_page(&state, &site, missing());
    };
    // Ranges, HEAD and Last-Modified as a file server answers them; the
    // type is the one the bytes told.
    let Ok(response) = ServeFile::new(&file)
        .oneshot(Request::from_parts(parts, Body::empty()))
        .await;
    if response.status() == StatusCode::NOT_FOUND {
        return pages::error_page(&state, &site, missing());
    }
    let mut response = response.map(Body::new);
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(CACHE));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    response
}

/// The type `file` is served as, from its first bytes; `None` when it is
/// missing or not of a type we serve.
async fn sniffed(file: &std::path::Path) -> Option<&'static str> {
    let opened = tokio::fs::File::open(file).await.ok()?;
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    opened
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)
        .await
        .ok()?;
    served_type(&head).ok()
}
