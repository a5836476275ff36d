//! `/static/…`: the theme's static files (`tidings_theme::static_files`)
//! under names that carry a hash of their content
//! (`/static/simple.1a2b3c4d5e6f.css`), kept for a year: a new release has
//! new names. The plain names still answer, with a short lifetime, for links
//! made elsewhere.

use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::response::Response;

use crate::cache::Entry;
use crate::error::AppError;

/// A theme file's two answers, made once.
struct Asset {
    file: &'static tidings_theme::StaticFile,
    immutable: Entry,
    revalidated: Entry,
}

static ASSETS: LazyLock<Vec<Asset>> = LazyLock::new(|| {
    tidings_theme::static_files()
        .iter()
        .map(|file| {
            let entry = |cache_control: &'static str| {
                let mut h = HeaderMap::new();
                h.insert(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static(file.content_type),
                );
                h.insert(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static(cache_control),
                );
                Entry::new(0, Vec::new(), None, h, file.body.as_bytes().into())
            };
            Asset {
                file,
                immutable: entry("public, max-age=31536000, immutable"),
                revalidated: entry("public, max-age=3600"),
            }
        })
        .collect()
});

/// `GET /static/{file}`.
pub async fn serve(
    method: Method,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    for a in ASSETS.iter() {
        if file == a.file.hashed {
            return Ok(a.immutable.respond(&method, &headers));
        }
        if file == a.file.name {
            return Ok(a.revalidated.respond(&method, &headers));
        }
    }
    Err(AppError::not_found("There is no such file."))
}
