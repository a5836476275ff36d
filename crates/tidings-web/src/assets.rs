//! The theme's and the admin's static files, served under names that carry
//! a hash of their content (`/static/simple.1a2b3c4d5e6f.css`), so browsers
//! and CDNs may keep them for a year: a new release has new names. The plain
//! names still answer, with a short lifetime, for links made elsewhere.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::response::Response;
use sha2::{Digest, Sha256};

use crate::cache::Entry;
use crate::error::AppError;

struct Asset {
    /// The plain name, e.g. `simple.css`.
    name: &'static str,
    /// The hashed name, e.g. `simple.1a2b3c4d5e6f.css`.
    hashed: String,
    immutable: Entry,
    revalidated: Entry,
}

const FILES: &[(&str, &str, &str)] = &[
    (
        "simple.css",
        "text/css; charset=utf-8",
        include_str!("../static/simple.css"),
    ),
    (
        "admin.css",
        "text/css; charset=utf-8",
        include_str!("../static/admin.css"),
    ),
    (
        "admin.js",
        "text/javascript; charset=utf-8",
        include_str!("../static/admin.js"),
    ),
];

static ASSETS: LazyLock<Vec<Asset>> = LazyLock::new(|| {
    FILES
        .iter()
        .map(|&(name, content_type, body)| {
            let digest = Sha256::digest(body.as_bytes());
            let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
            let hashed = format!("{stem}.{}.{ext}", crate::form_token::hex(&digest[..6]));
            let entry = |cache_control: &'static str| {
                let mut h = HeaderMap::new();
                h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
                h.insert(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static(cache_control),
                );
                Entry::new(0, Vec::new(), None, h, body.as_bytes().into())
            };
            Asset {
                name,
                hashed,
                immutable: entry("public, max-age=31536000, immutable"),
                revalidated: entry("public, max-age=3600"),
            }
        })
        .collect()
});

/// Plain name → address with the hash, for templates (`static["simple.css"]`).
pub fn urls() -> BTreeMap<&'static str, String> {
    ASSETS
        .iter()
        .map(|a| (a.name, format!("/static/{}", a.hashed)))
        .collect()
}

/// The address of one file, for pages made outside templates.
pub fn url(name: &str) -> String {
    ASSETS
        .iter()
        .find(|a| a.name == name)
        .map(|a| format!("/static/{}", a.hashed))
        .unwrap_or_else(|| format!("/static/{name}"))
}

/// `GET /static/{file}`.
pub async fn serve(
    method: Method,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    for a in ASSETS.iter() {
        if file == a.hashed {
            return Ok(a.immutable.respond(&method, &headers));
        }
        if file == a.name {
            return Ok(a.revalidated.respond(&method, &headers));
        }
    }
    Err(AppError::not_found("There is no such file."))
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_carry_the_content_hash() {
        let u = super::urls();
        let css = &u["simple.css"];
        assert!(css.starts_with("/static/simple.") && css.ends_with(".css"));
        assert_eq!(css.len(), "/static/simple.".len() + 12 + ".css".len());
        assert_eq!(super::url("admin.js"), u["admin.js"]);
    }
}
