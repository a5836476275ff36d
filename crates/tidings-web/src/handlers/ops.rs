//! For operators and machines: health, metrics, robots.txt, sitemap, the stylesheet.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use tidings_feeds::SitemapUrl;
use tidings_store::PostFilter;

use crate::AppState;
use crate::error::AppError;
use crate::host::{ClientIp, Site};

pub async fn healthz(State(state): State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::error!("health check: {e}");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

/// The node's counters, for `--metrics-allow` addresses or a bearer of
/// `--metrics-token`; anyone else is told how to get them.
pub async fn metrics(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    headers: HeaderMap,
) -> Response {
    let access = &state.config.metrics;
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let token_fits = match (bearer, &access.token) {
        (Some(given), Some(token)) => same_secret(given.trim().as_bytes(), token.as_bytes()),
        _ => false,
    };
    if !token_fits && !access.allow.contains(client) {
        return (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "/metrics answers only --metrics-allow addresses, or with \
             Authorization: Bearer and the --metrics-token\n",
        )
            .into_response();
    }
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.metrics.render(),
    )
        .into_response()
}

/// Whether two secrets are equal, in time that does not tell how much of
/// a guess was right.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0
}

/// The blog's own robots.txt when its owner wrote one, else ours: allow
/// everything and name the sitemap.
pub async fn robots(site: Site) -> Response {
    let body = if site.blog.robots_txt.is_empty() {
        tidings_feeds::robots_txt(&format!("{}/sitemap.xml", site.base_url))
    } else {
        site.blog.robots_txt.clone()
    };
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

/// `/favicon.ico`, which browsers ask for by themselves: a redirect to the
/// owner's icon when the blog has one, else the built-in one.
pub async fn favicon(site: Site) -> Response {
    let own = site.blog.favicon.as_str();
    if !own.is_empty() && own != "/favicon.ico" {
        return axum::response::Redirect::temporary(own).into_response();
    }
    (
        [
            (header::CONTENT_TYPE, "image/x-icon"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        tidings_theme::FAVICON_ICO,
    )
        .into_response()
}

/// Sitemaps hold at most 50,000 URLs.
const SITEMAP_LIMIT: u32 = 50_000;

pub async fn sitemap(site: Site) -> Result<Response, AppError> {
    let mut filter = PostFilter::visible(site.blog.id, Utc::now(), SITEMAP_LIMIT);
    filter.kind = None;
    let mut posts = site.store.list_posts(&filter).await?;
    // What a password keeps is not for search engines to find.
    posts.retain(|p| !p.is_protected());
    let mut urls = vec![SitemapUrl {
        loc: format!("{}/", site.base_url),
        lastmod: posts.first().map(|p| p.updated_at),
    }];
    urls.extend(posts.iter().map(|p| SitemapUrl {
        loc: format!("{}{}", site.base_url, p.path),
        lastmod: Some(p.updated_at),
    }));
    Ok((
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        tidings_feeds::sitemap(&urls),
    )
        .into_response())
}
