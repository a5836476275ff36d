//! `GET` and `PATCH /api/v1/blog`: the blog's settings.

use axum::extract::State;
use serde::{Deserialize, Serialize};
use tidings_app::{media, settings};
use tidings_core::{
    BlogSettings, CommentsAllowed, FeedContent, HeaderPlacement, Moderation, PostComments,
};

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
    language: String,
    robots_txt: String,
    share_image: String,
    favicon: String,
    header_image: String,
    header_image_placement: HeaderPlacement,
    feed_content: FeedContent,
    default_comments: PostComments,
    custom_css: String,
    theme: String,
    media_quota_mib: u64,
}

impl BlogOut {
    fn new(b: &BlogSettings, media_quota_mib: u64, custom_css: String) -> Self {
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
            language: b.language.clone(),
            robots_txt: b.robots_txt.clone(),
            share_image: b.share_image.clone(),
            favicon: b.favicon.clone(),
            header_image: b.header_image.address.clone(),
            header_image_placement: b.header_image.placement,
            feed_content: b.feed_content,
            default_comments: b.default_comments,
            custom_css,
            theme: b.theme.clone(),
            media_quota_mib,
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
    language: Option<String>,
    robots_txt: Option<String>,
    share_image: Option<String>,
    favicon: Option<String>,
    header_image: Option<String>,
    header_image_placement: Option<HeaderPlacement>,
    feed_content: Option<FeedContent>,
    default_comments: Option<PostComments>,
    custom_css: Option<String>,
    theme: Option<String>,
    media_quota_mib: Option<u64>,
    // Read-only fields a client may echo back from GET.
    #[serde(default, rename = "id")]
    _id: Option<serde::de::IgnoredAny>,
    #[serde(default, rename = "host")]
    _host: Option<serde::de::IgnoredAny>,
}

pub async fn show(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<BlogOut>, ApiError> {
    let blog = &caller.site.blog;
    let quota = media::quota_mib(&state.store, blog.id).await?;
    let css = state.store.custom_css_source(blog.id).await?;
    Ok(Json(BlogOut::new(blog, quota, css)))
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
        language: patch.language,
        robots_txt: patch.robots_txt,
        share_image: patch.share_image,
        favicon: patch.favicon,
        header_image: patch.header_image,
        header_image_placement: patch.header_image_placement,
        feed_content: patch.feed_content,
        default_comments: patch.default_comments,
        custom_css: patch.custom_css,
        installed_themes: if patch.theme.is_some() {
            state.themes.installed()
        } else {
            Vec::new()
        },
        theme: patch.theme,
    };
    // Checked before anything changes, so a bad quota leaves the rest too.
    if let Some(mib) = patch.media_quota_mib {
        settings::may_change(caller.actor())?;
        media::check_quota(mib)?;
    }
    let blog = settings::change(&state.store, caller.actor(), &caller.site.blog, change).await?;
    if let Some(mib) = patch.media_quota_mib {
        media::set_quota(&state.store, caller.actor(), blog.id, mib).await?;
    }
    let quota = media::quota_mib(&state.store, blog.id).await?;
    let css = state.store.custom_css_source(blog.id).await?;
    Ok(Json(BlogOut::new(&blog, quota, css)))
}
