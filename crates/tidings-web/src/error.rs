//! One error type for the request path.
//!
//! An [`AppError`] carries the status and a message a person can act on. Pages
//! show it in the theme ([`crate::handlers::pages`] render it); the API answers
//! `{"error": {"code", "message"}}` (see [`ApiError`]). Internal causes are
//! logged, never sent.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use tidings_store::StoreError;

#[derive(Debug, Clone)]
pub struct AppError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    /// Seconds, for 429 and 503 answers.
    pub retry_after: Option<u64>,
}

impl AppError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            retry_after: None,
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid", message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthorized", message)
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", message)
    }

    /// 410: the address named something that was deleted.
    pub fn gone(message: impl Into<String>) -> Self {
        Self::new(StatusCode::GONE, "gone", message)
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, "conflict", message)
    }

    pub fn too_large(message: impl Into<String>) -> Self {
        Self::new(StatusCode::PAYLOAD_TOO_LARGE, "too_large", message)
    }

    pub fn unsupported(message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_type",
            message,
        )
    }

    /// 503 with `Retry-After`: expensive work is queued full, so the client
    /// knows to come back rather than that something broke.
    pub fn busy(message: impl Into<String>, retry_after: u64) -> Self {
        Self {
            retry_after: Some(retry_after),
            ..Self::new(StatusCode::SERVICE_UNAVAILABLE, "busy", message)
        }
    }

    pub fn too_many(message: impl Into<String>, retry_after: u64) -> Self {
        Self {
            retry_after: Some(retry_after),
            ..Self::new(StatusCode::TOO_MANY_REQUESTS, "rate_limited", message)
        }
    }

    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Something went wrong on our side. Please try again.",
        )
    }

    pub fn unavailable() -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "The database is not answering. Please try again shortly.",
        )
    }

    fn headers(&self, response: &mut Response) {
        if let Some(secs) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
    }
}

/// A template that failed is our bug: logged whole, answered 500.
impl From<tidings_theme::RenderError> for AppError {
    fn from(e: tidings_theme::RenderError) -> Self {
        tracing::error!("{e}");
        Self::internal()
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Self::not_found("Not found."),
            StoreError::Conflict(what) => Self::conflict(what),
            StoreError::Unavailable(cause) => {
                tracing::error!("database unavailable: {cause}");
                Self::unavailable()
            }
            other => {
                tracing::error!("store error: {other}");
                Self::internal()
            }
        }
    }
}

/// A use case's refusal, as HTTP: the one place its kinds become statuses.
impl From<tidings_app::Error> for AppError {
    fn from(e: tidings_app::Error) -> Self {
        use tidings_app::Error as E;
        match e {
            E::Invalid { message, .. } => Self::invalid(message),
            E::Malformed(message) => Self::bad_request(message),
            E::TooLarge(message) => Self::too_large(message),
            E::Unsupported(message) => Self::unsupported(message),
            E::Unauthorized(message) => Self::unauthorized(message),
            E::Forbidden(message) => Self::forbidden(message),
            E::NotFound(message) => Self::not_found(message),
            E::Conflict(message) => Self::conflict(message),
            E::Throttled {
                message,
                retry_after,
            } => Self::too_many(message, retry_after),
            E::Busy {
                message,
                retry_after,
            } => Self::busy(message, retry_after),
            E::Store(e) => e.into(),
        }
    }
}

/// A plain-text answer, for errors met before a blog (and its theme) is known.
impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut r = (self.status, self.message.clone()).into_response();
        self.headers(&mut r);
        r
    }
}

/// The API's face of [`AppError`]: `{"error": {"code", "message"}}`, so
/// a script tells refusals apart by `code` and shows a person `message`.
#[derive(Debug)]
pub struct ApiError(pub AppError);

impl<E: Into<AppError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        Self(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let e = self.0;
        let body = serde_json::json!({"error": {"code": e.code, "message": e.message}});
        let mut r = (e.status, axum::Json(body)).into_response();
        e.headers(&mut r);
        r
    }
}
