//! The plain-HTTP side (`--listen`) when HTTPS is on: ACME's HTTP-01
//! answers, and a redirect to HTTPS for every other request to a host that
//! has a certificate. A host without one (its order failed, or is under
//! way) is served over plain HTTP as before.

use axum::extract::{Path, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

use super::Certificates;
use crate::AppState;

/// Where ACME's HTTP-01 challenges are asked for (RFC 8555, section 8.3).
pub const CHALLENGE_PATH: &str = "/.well-known/acme-challenge/";

/// `GET /.well-known/acme-challenge/{token}`: the key authorization any
/// node stored for the token, while its order runs.
pub async fn challenge(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    match state.store.acme_challenge(&token, chrono::Utc::now()).await {
        Ok(Some(answer)) => ([(header::CONTENT_TYPE, "text/plain")], answer).into_response(),
        Ok(None) => (StatusCode::NOT_FOUND, "No such ACME challenge.\n").into_response(),
        Err(e) => {
            tracing::warn!("https: cannot read an ACME challenge: {e}");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "The challenge cannot be read now.\n",
            )
                .into_response()
        }
    }
}

/// Sends a request for a host with a certificate to the same address over
/// HTTPS (308, so a form's POST stays a POST); challenges and hosts without
/// a certificate pass, and so does `/healthz`. A reader who came without a port in `Host` (port 80
/// as the world sees it, whatever a container maps it to) is sent to 443;
/// one who named a port is sent to `--listen-https`'s.
pub async fn to_https(
    State(certificates): State<Certificates>,
    req: Request,
    next: Next,
) -> Response {
    // Load balancers and `tidings doctor` ask /healthz over plain HTTP.
    if req.uri().path().starts_with(CHALLENGE_PATH) || req.uri().path() == "/healthz" {
        return next.run(req).await;
    }
    let authority = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let host = crate::host::strip_port(&authority);
    if !crate::host::is_safe_authority(&authority) || !certificates.covers(host) {
        return next.run(req).await;
    }
    let port = match certificates.https_port() {
        port if authority.len() > host.len() && port != 443 => format!(":{port}"),
        _ => String::new(),
    };
    let path = req.uri().path_and_query().map_or("/", |p| p.as_str());
    Redirect::permanent(&format!("https://{host}{port}{path}")).into_response()
}
