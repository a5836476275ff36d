//! Who is calling: a bearer token resolved to a user and their role on the
//! blog of the request's host.

use axum::extract::FromRequestParts;
use axum::http::{header, request::Parts};
use tidings_app::{limits, secrets};
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
        let (user, role) = state
            .store
            .user_by_token(&secrets::hash(token), site.blog.id)
            .await?
            .ok_or_else(|| AppError::unauthorized("That API token is not valid."))?;
        let role = role.ok_or_else(|| AppError::forbidden("You have no role on this blog."))?;
        let now = chrono::Utc::now();
        let key = format!("api:{}", &secrets::hash(token)[..32]);
        let (hits, window_end) = state.store.hit(&key, 60, now).await?;
        // Per token per minute, across all nodes (`--api-requests-per-minute`).
        let limit = state.config.api_requests_per_minute;
        if hits > i64::from(limit) {
            return Err(limits::throttled(window_end, now, |wait| {
                format!(
                    "This token made more than {limit} requests this minute. \
                     Wait {wait} seconds."
                )
            })
            .into());
        }
        Ok(Caller { user, role, site })
    }
}
