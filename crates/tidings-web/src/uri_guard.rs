//! Refuses addresses that carry an encoded NUL (`%00`) in their path or query.
//!
//! No stored text can hold NUL (PostgreSQL refuses it outright), so such an
//! address can name nothing; answering 400 here, once, means no handler ever
//! passes one to the database and turns a lookup into a 500.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::{ApiError, AppError};

pub async fn reject_nul(req: Request, next: Next) -> Response {
    let uri = req.uri();
    let has_nul = |s: &str| s.as_bytes().windows(3).any(|w| w == b"%00");
    if has_nul(uri.path()) || uri.query().is_some_and(has_nul) {
        let error = AppError::bad_request("Addresses cannot contain NUL characters (%00).");
        return if uri.path().starts_with("/api/") {
            ApiError(error).into_response()
        } else {
            error.into_response()
        };
    }
    next.run(req).await
}
