//! Which blog a request belongs to, and who sent it.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts, Request};
use axum::http::{Extensions, HeaderMap, header, request::Parts};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tidings_core::BlogSettings;

use crate::AppState;
use crate::cache::{Deps, Snapshot, Tag};
use crate::error::{ApiError, AppError};
use tidings_store::Store;

/// The blog of the request's `Host` (port ignored), and the absolute base URL
/// the reader used to reach it, for links in feeds and sitemaps.
pub struct Site {
    pub blog: BlogSettings,
    pub base_url: String,
    /// The path and query the request asked for: with `base_url`, the
    /// page's canonical address unless the page knows a better one.
    pub path: String,
    /// What the page being rendered depends on, for the render cache. Every
    /// blog page depends on the blog's settings and lists (the sidebar);
    /// handlers add the posts whose comments they show.
    pub deps: Deps,
    /// The store this page reads through: the render's snapshot when the
    /// render cache opened one (one state of the blog for the whole page),
    /// else the shared store.
    pub store: Store,
}

impl FromRequestParts<AppState> for Site {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let authority = parts
            .headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .or_else(|| parts.uri.authority().map(|a| a.as_str()))
            .unwrap_or("localhost")
            .to_ascii_lowercase();
        let host = strip_port(&authority);
        let deps = parts.extensions.get::<Deps>().cloned().unwrap_or_default();
        let store = match parts.extensions.get::<Snapshot>() {
            Some(Snapshot(snapshot)) => snapshot.clone(),
            None => state.store.clone(),
        };
        let strict = state.config.strict_hosts;
        let (blog, fallback) = store.blog_serving(host, !strict).await?.ok_or_else(|| {
            if strict {
                AppError::not_found(format!("No blog is served at {host}."))
            } else {
                AppError::not_found("This instance has no blog yet.")
            }
        })?;
        if fallback {
            deps.add(Tag::Fallback);
        }
        deps.blog_page(&[Tag::Blog(blog.id), Tag::Lists(blog.id)]);
        if state.cache.is_some() && deps.is_collecting() {
            // A scheduled post going live changes lists, feeds and every
            // sidebar with no write to announce it.
            let now = chrono::Utc::now();
            if let Some(at) = store.next_scheduled(blog.id, now).await? {
                let wait = (at - now).to_std().unwrap_or_default();
                deps.expire_at(std::time::Instant::now() + wait);
            }
        }
        let scheme = scheme(
            &parts.headers,
            &parts.extensions,
            &state.config.trusted_proxies,
        );
        let authority = if is_safe_authority(&authority) {
            authority
        } else {
            blog.host.clone()
        };
        Ok(Site {
            blog,
            base_url: format!("{scheme}://{authority}"),
            path: parts
                .uri
                .path_and_query()
                .map_or("/", |p| p.as_str())
                .to_owned(),
            deps,
            store,
        })
    }
}

/// Refuses a request with more than one `Host` header (400): which blog it
/// is for would be a guess, and the render cache and the page could guess
/// differently. Outside the cache, so no kept page answers it either.
pub async fn refuse_two_hosts(req: Request, next: Next) -> Response {
    if req.headers().get_all(header::HOST).iter().nth(1).is_some() {
        let error = AppError::bad_request(
            "This request carries more than one Host header; send exactly one.",
        );
        return if req.uri().path().starts_with("/api/") {
            ApiError(error).into_response()
        } else {
            error.into_response()
        };
    }
    next.run(req).await
}

/// `example.com:8080` → `example.com`; `[::1]:80` → `[::1]`.
pub(crate) fn strip_port(authority: &str) -> &str {
    if authority.starts_with('[') {
        return authority.split_inclusive(']').next().unwrap_or(authority);
    }
    authority.split(':').next().unwrap_or(authority)
}

/// A `Host` value we may echo into absolute links: host characters only.
pub(crate) fn is_safe_authority(a: &str) -> bool {
    !a.is_empty()
        && a.len() <= 255
        && a.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'))
}

fn peer(extensions: &Extensions) -> Option<IpAddr> {
    extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_canonical())
}

/// The scheme the reader used: `https` on our own TLS listener, or as a
/// trusted proxy's `X-Forwarded-Proto` says, else `http`. From anyone else
/// the header is ignored: the render cache keys pages by this scheme, so a
/// client that could choose it would choose the links other readers get.
pub fn scheme(
    headers: &HeaderMap,
    extensions: &Extensions,
    trusted: &crate::TrustedProxies,
) -> &'static str {
    if extensions.get::<crate::server::OverTls>().is_some() {
        return "https";
    }
    let from_proxy = peer(extensions).is_some_and(|p| trusted.contains(p));
    match headers.get("x-forwarded-proto").map(|v| v.as_bytes()) {
        Some(b"https") if from_proxy => "https",
        _ => "http",
    }
}

/// The address a request came from: the peer, or, behind trusted proxies, the
/// last address in `X-Forwarded-For` that is not one of them.
pub struct ClientIp(pub IpAddr);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let peer = peer(&parts.extensions).unwrap_or(IpAddr::from([127, 0, 0, 1]));
        Ok(ClientIp(client_ip(
            peer,
            &parts.headers,
            &state.config.trusted_proxies,
        )))
    }
}

fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &crate::TrustedProxies) -> IpAddr {
    if !trusted.contains(peer) {
        return peer;
    }
    let forwarded = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|s| s.trim().parse::<IpAddr>().ok())
        .map(|ip| ip.to_canonical())
        .collect::<Vec<_>>();
    forwarded
        .into_iter()
        .rev()
        .find(|ip| !trusted.contains(*ip))
        .unwrap_or(peer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_are_ignored() {
        assert_eq!(strip_port("example.com:8080"), "example.com");
        assert_eq!(strip_port("example.com"), "example.com");
        assert_eq!(strip_port("[::1]:80"), "[::1]");
        assert!(!is_safe_authority("evil.com/<script>"));
    }

    #[test]
    fn forwarded_for_believed_only_from_proxies() {
        let trusted = crate::TrustedProxies::parse("10.0.0.1").unwrap();
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", "1.2.3.4, 5.6.7.8".parse().unwrap());
        let proxy: IpAddr = "10.0.0.1".parse().unwrap();
        let other: IpAddr = "9.9.9.9".parse().unwrap();
        assert_eq!(
            client_ip(proxy, &h, &trusted),
            "5.6.7.8".parse::<IpAddr>().unwrap()
        );
        assert_eq!(client_ip(other, &h, &trusted), other);
        // An IPv4 proxy on a dual-stack listener arrives IPv4-mapped.
        let mapped: IpAddr = "::ffff:10.0.0.1".parse().unwrap();
        assert_eq!(
            client_ip(mapped, &h, &trusted),
            "5.6.7.8".parse::<IpAddr>().unwrap()
        );
    }

    #[test]
    fn forwarded_proto_believed_only_from_proxies() {
        let trusted = crate::TrustedProxies::parse("10.0.0.1").unwrap();
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-proto", "https".parse().unwrap());
        let from = |ip: [u8; 4]| {
            let mut e = Extensions::new();
            e.insert(ConnectInfo(SocketAddr::from((ip, 1234))));
            e
        };
        assert_eq!(scheme(&h, &from([10, 0, 0, 1]), &trusted), "https");
        assert_eq!(scheme(&h, &from([9, 9, 9, 9]), &trusted), "http");
        assert_eq!(scheme(&h, &Extensions::new(), &trusted), "http");
    }
}
