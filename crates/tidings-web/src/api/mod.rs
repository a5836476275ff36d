//! The JSON API (docs/api.md): bearer tokens, JSON in and out, errors as
//! `{"error": {"code", "message"}}`, lists as `{"items", "total"}`, the
//! same shape everywhere so one client function reads every answer.

mod auth;
mod blog;
mod comments;
mod extract;
mod layout;
pub(crate) mod media;
mod posts;
mod revisions;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::{delete, get, post};

use crate::AppState;
use crate::error::{ApiError, AppError};

/// The OpenAPI 3 description of every route below, as written; a test checks
/// it matches the router.
const OPENAPI_SOURCE: &str = include_str!("openapi.json");

/// The document as served: the source with the list of time zones this build
/// knows filled in, so clients (and schemathesis) see exactly what is valid.
static OPENAPI: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let mut doc: serde_json::Value =
        serde_json::from_str(OPENAPI_SOURCE).expect("openapi.json is valid JSON; a test parses it");
    let zones: Vec<&str> = chrono_tz::TZ_VARIANTS.iter().map(|t| t.name()).collect();
    doc["components"]["schemas"]["TimeZone"]["enum"] = serde_json::json!(zones);
    // Where a time zone may also be null (PATCH: leave it as it is).
    let mut nullable = serde_json::json!(zones);
    nullable
        .as_array_mut()
        .expect("an array")
        .push(serde_json::Value::Null);
    doc["components"]["schemas"]["BlogPatch"]["properties"]["timezone"]["enum"] = nullable;
    doc.to_string()
});

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/blog", get(blog::show).patch(blog::update))
        .route("/layout", get(layout::show).put(layout::replace))
        .route("/posts", get(posts::list).post(posts::create))
        .route(
            "/posts/{id}",
            get(posts::show).patch(posts::update).delete(posts::remove),
        )
        .route("/posts/{id}/restore", post(posts::restore))
        .route("/posts/{id}/revisions", get(revisions::list))
        .route(
            "/posts/{id}/revisions/{revision}/restore",
            post(revisions::restore),
        )
        .route(
            "/media",
            // The upload reads its body within --max-upload-mib itself.
            get(media::list)
                .post(media::create)
                .layer(DefaultBodyLimit::disable()),
        )
        .route(
            "/media/{id}",
            get(media::show).patch(media::update).delete(media::remove),
        )
        .route("/comments", get(comments::list))
        .route("/comments/{id}", delete(comments::remove))
        .route("/comments/{id}/approve", post(comments::approve))
        .route("/comments/{id}/spam", post(comments::spam))
        .method_not_allowed_fallback(not_allowed)
}

async fn not_allowed() -> ApiError {
    ApiError(AppError {
        status: axum::http::StatusCode::METHOD_NOT_ALLOWED,
        code: "method_not_allowed",
        message: "This endpoint does not take that method; see /api/v1/openapi.json.".into(),
        retry_after: None,
    })
}

async fn openapi() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        OPENAPI.as_str(),
    )
}

/// Answers paths under `/api/v1/` that no route claims, in the API's JSON.
pub async fn unknown() -> ApiError {
    ApiError(AppError::not_found(
        "No such API endpoint; see /api/v1/openapi.json.",
    ))
}

/// An id from a path segment; anything else names nothing.
fn id(raw: &str, what: &str) -> Result<i64, ApiError> {
    raw.parse::<i64>().map_err(|_| {
        ApiError(AppError::not_found(format!(
            "No {what} has the id {raw:?}."
        )))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_served_document_lists_time_zones() {
        let doc: serde_json::Value = serde_json::from_str(&super::OPENAPI).unwrap();
        let zones = doc["components"]["schemas"]["TimeZone"]["enum"]
            .as_array()
            .unwrap();
        assert!(zones.iter().any(|z| z == "America/Los_Angeles"));
        assert!(zones.len() > 400);
    }
}
