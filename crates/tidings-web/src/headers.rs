//! Response headers every answer carries: a strict Content-Security-Policy
//! (no script at all: pages read fully without it), no MIME sniffing, no
//! framing, a referrer policy that keeps paths private across sites, and no
//! camera, microphone or location for anything we serve.

use axum::http::{HeaderName, HeaderValue, header};
use tower_http::set_header::SetResponseHeaderLayer;

/// Images may come from anywhere over http(s) (imported posts link to their
/// old hosts), and so may audio and video, which imported posts' players
/// (`preload="none"`) fetch only when the reader presses play; everything
/// else only from us, and nothing may run. Inline
/// `style` attributes stay allowed because post bodies keep the few the
/// sanitiser lets through (alignment and floats, with fixed values).
const CSP: &str = "default-src 'self'; script-src 'none'; object-src 'none'; \
     img-src 'self' https: http: data:; media-src 'self' https: http:; style-src 'self'; style-src-attr 'unsafe-inline'; \
     base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Powerful browser features no blog page needs.
const PERMISSIONS: &str = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), \
     browsing-topics=()";

pub fn layers() -> [SetResponseHeaderLayer<HeaderValue>; 5] {
    let set = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
    };
    [
        set(header::CONTENT_SECURITY_POLICY, CSP),
        set(header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        set(header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        set(header::X_FRAME_OPTIONS, "DENY"),
        set(HeaderName::from_static("permissions-policy"), PERMISSIONS),
    ]
}
