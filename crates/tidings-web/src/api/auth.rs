//! Who is calling: the bearer token of the `Authorization` header, resolved
//! by `tidings_app::tokens::authenticate` to a user and their role on the
//! blog of the request's host.

use axum::extract::FromRequestParts;
use axum::http::{header, request::Parts};
use chrono::Utc;
use tidings_app::tokens;
use tidings_core::Role;
use tidings_store::User;

use crate::AppState;
use crate::error::{ApiError, AppError};
use crate::host::Site;

pub struct Caller {
    pub user: User,
    pub role: Role,
    pub site: Site,
}

impl Caller {
    /// The caller as the use cases see them.
    pub fn actor(&self) -> tidings_app::Actor<'_> {
        tidings_app::Actor::Member(&self.user, self.role)
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let site = Site::from_request_parts(parts, state).await?;
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| {
                AppError::unauthorized("Send an API token as Authorization: Bearer TOKEN.")
            })?;
        let limit = state.config.api_requests_per_minute;
        let (user, role) =
            tokens::authenticate(&state.store, token, site.blog.id, limit, Utc::now()).await?;
        Ok(Caller { user, role, site })
    }
}
