//! JSON and query extractors whose rejections are API errors with messages.

use axum::Json;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::error::{ApiError, AppError};

/// A JSON body; a malformed or mistyped one answers 400/422 saying what is wrong.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(v)) => Ok(Self(v)),
            Err(e) => {
                let mut err = AppError::bad_request(e.body_text());
                err.status = e.status();
                err.code = "invalid_json";
                Err(ApiError(err))
            }
        }
    }
}

/// Query parameters; a bad one answers 400 saying which.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(v)) => Ok(Self(v)),
            Err(e) => {
                let mut err = AppError::bad_request(e.body_text());
                err.code = "invalid_query";
                Err(ApiError(err))
            }
        }
    }
}

/// A part of the path (`/posts/{id}`); one that is not UTF-8 answers 400
/// as an API error, like every other refusal.
pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(v)) => Ok(Self(v)),
            Err(e) => {
                let mut err = AppError::bad_request(e.body_text());
                err.status = e.status();
                err.code = "invalid_path";
                Err(ApiError(err))
            }
        }
    }
}

/// `limit` (default 50, at most 500) and `offset` of every list. Each list's
/// query struct holds these two fields itself (serde's `flatten` would turn
/// numbers into strings in query strings) and hands them over.
#[derive(Debug, Clone, Copy)]
pub struct Paging {
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

pub const DEFAULT_LIMIT: u32 = 50;
pub const MAX_LIMIT: u32 = 500;

impl Paging {
    pub fn limit(&self) -> Result<u32, ApiError> {
        match self.limit {
            None => Ok(DEFAULT_LIMIT),
            Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
            Some(n) => Err(ApiError(AppError::bad_request(format!(
                "limit must be from 1 to {MAX_LIMIT}, not {n}"
            )))),
        }
    }

    pub fn offset(&self) -> u32 {
        self.offset.unwrap_or(0)
    }
}
