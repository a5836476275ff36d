//! `/custom-css/HASH.css`: the owner's stylesheet (`custom_css`), linked
//! after the theme's from every page.
//!
//! A stylesheet of its own rather than a `<style>` element: nothing in it can
//! end an element or reach the HTML, and the page's strict CSP needs no
//! exception. Its name is a hash of its content, so browsers keep it for a
//! year and a new stylesheet has a new name; an old name answers 404.

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::error::AppError;
use crate::host::Site;

pub async fn serve(site: Site, Path(file): Path<String>) -> Result<Response, AppError> {
    let missing = || AppError::not_found("This blog has no stylesheet of that name.");
    let hash = file.strip_suffix(".css").ok_or_else(missing)?;
    if hash.is_empty() || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(missing());
    }
    let css = site
        .store
        .custom_css(site.blog.id, hash)
        .await?
        .ok_or_else(missing)?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        css,
    )
        .into_response())
}
