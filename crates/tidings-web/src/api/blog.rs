//! `GET` and `PATCH /api/v1/blog`: the blog's settings.

use axum::extract::State;
use serde::{Deserialize, Serialize};
use tidings_app::settings;
use tidings_core::{BlogSettings, CommentsAllowed, Moderation};

use super::auth::Caller;
use super::extract::ApiJson;
use crate::AppState;
use crate::error::ApiError;
use axum::Json;

#[derive(Serialize)]
pub struct BlogOut {
    id: i64,
    host: String,
    title: String,
    description: String,
    timezone: String,
    posts_per_page: u32,
    comments_allowed: CommentsAllowed,
    comment_moderation: Moderation,
    moderation_days: u32,
    comment_min_seconds: u32,
}

impl From<&BlogSettings> for BlogOut {
    fn from(b: &BlogSettings) -> Self {
        Self {
            id: b.id,
            host: b.host.clone(),
            title: b.title.clone(),
            description: b.description.clone(),
            timezone: b.timezone.name().to_owned(),
            posts_per_page: b.posts_per_page,
            comments_allowed: b.comments_allowed,
            comment_moderation: b.comment_moderation,
            moderation_days: b.moderation_days,
            comment_min_seconds: b.comment_min_seconds,
        }
    }
}

/// Settings to change; absent fields stay as they are.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlogPatch {
    title: Option<String>,
    description: Option<String>,
    timezone: Option<String>,
    posts_per_page: Option<u32>,
    comments_allowed: Option<CommentsAllowed>,
    comment_moderation: Option<Moderation>,
    moderation_days: Option<u32>,
    comment_min_seconds: Option<u32>,
    // Read-only fields a client may echo back from GET.
    #[serde(default, rename = "id")]
    _id: Option<serde::de::IgnoredAny>,
    #[serde(default, rename = "host")]
    _host: Option<serde::de::IgnoredAny>,
}

pub async fn show(caller: Caller) -> Json<BlogOut> {
    Json(BlogOut::from(&caller.site.blog))
}

pub async fn update(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(patch): ApiJson<BlogPatch>,
) -> Result<Json<BlogOut>, ApiError> {
    let change = settings::Change {
        title: patch.title,
        description: patch.description,
        timezone: patch.timezone,
        posts_per_page: patch.posts_per_page,
        comments_allowed: patch.comments_allowed,
        comment_moderation: patch.comment_moderation,
        moderation_days: patch.moderation_days,
        comment_min_seconds: patch.comment_min_seconds,
    };
    let blog = settings::change(&state.store, caller.actor(), &caller.site.blog, change).await?;
    Ok(Json(BlogOut::from(&blog)))
}
