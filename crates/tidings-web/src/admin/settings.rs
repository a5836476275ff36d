//! Blog settings, the same fields the API's `PATCH /api/v1/blog` takes
//! (docs/api.md), each validated with the message shown beside the field
//! that is wrong, so a form sent back with a mistake loses nothing else.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use serde::{Deserialize, Serialize};
use tidings_app::settings;
use tidings_core::BlogSettings;

use super::render::{AdminResult, render};
use super::session::Signed;
use crate::AppState;
use crate::error::AppError;

#[derive(Deserialize, Serialize, Default)]
pub struct SettingsForm {
    #[serde(default, skip_serializing)]
    csrf: Option<String>,
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    /// Absent from a form served before blogs had a language: kept as it is.
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    robots_txt: String,
    /// Absent from a form served before blogs had a default share image:
    /// kept as it is.
    #[serde(default)]
    share_image: Option<String>,
    /// Absent from a form served before blogs had an icon: kept as it is.
    #[serde(default)]
    favicon: Option<String>,
    /// Absent from a form served before blogs had a header picture: kept
    /// as it is (and so is its placement).
    #[serde(default)]
    header_image: Option<String>,
    #[serde(default)]
    header_image_placement: Option<String>,
    /// Absent from a form served before feeds followed jump breaks: kept.
    #[serde(default)]
    feed_content: Option<String>,
    /// Absent from a form served before blogs had their own stylesheet:
    /// kept as it is.
    #[serde(default)]
    custom_css: Option<String>,
    /// Absent from a form served before blogs had themes: kept as it is.
    #[serde(default)]
    theme: Option<String>,
    #[serde(default)]
    timezone: String,
    #[serde(default)]
    posts_per_page: String,
    #[serde(default)]
    comments_allowed: String,
    #[serde(default)]
    comment_moderation: String,
    #[serde(default)]
    moderation_days: String,
    #[serde(default)]
    comment_min_seconds: String,
    /// Absent from a form served before posts had their own comment
    /// setting: kept as it is.
    #[serde(default)]
    default_comments: Option<String>,
}

impl SettingsForm {
    fn of(b: &BlogSettings, custom_css: String) -> Self {
        Self {
            csrf: None,
            title: b.title.clone(),
            description: b.description.clone(),
            language: Some(b.language.clone()),
            robots_txt: b.robots_txt.clone(),
            share_image: Some(b.share_image.clone()),
            favicon: Some(b.favicon.clone()),
            header_image: Some(b.header_image.address.clone()),
            header_image_placement: Some(b.header_image.placement.as_str().to_owned()),
            feed_content: Some(b.feed_content.as_str().to_owned()),
            custom_css: Some(custom_css),
            theme: Some(b.theme.clone()),
            timezone: b.timezone.name().to_owned(),
            posts_per_page: b.posts_per_page.to_string(),
            comments_allowed: b.comments_allowed.as_str().to_owned(),
            comment_moderation: b.comment_moderation.as_str().to_owned(),
            moderation_days: b.moderation_days.to_string(),
            comment_min_seconds: b.comment_min_seconds.to_string(),
            default_comments: Some(b.default_comments.as_str().to_owned()),
        }
    }

    /// The change this form asks for, or the field whose text is not a
    /// number or a choice at all (the values are judged by the use case).
    fn change(
        &self,
        installed_themes: Vec<String>,
    ) -> Result<settings::Change, tidings_app::Error> {
        let number = |field: &'static str, v: &str| {
            v.trim().parse::<u32>().map_err(|_| {
                tidings_app::Error::invalid(field, format!("Enter a whole number, not {v:?}."))
            })
        };
        let choice = |field: &'static str, e: tidings_core::UnknownValue| {
            tidings_app::Error::invalid(field, e.to_string())
        };
        Ok(settings::Change {
            title: Some(self.title.clone()),
            description: Some(self.description.clone()),
            timezone: Some(self.timezone.clone()),
            posts_per_page: Some(number("posts_per_page", &self.posts_per_page)?),
            comments_allowed: Some(
                self.comments_allowed
                    .parse()
                    .map_err(|e| choice("comments_allowed", e))?,
            ),
            comment_moderation: Some(
                self.comment_moderation
                    .parse()
                    .map_err(|e| choice("comment_moderation", e))?,
            ),
            moderation_days: Some(number("moderation_days", &self.moderation_days)?),
            comment_min_seconds: Some(number("comment_min_seconds", &self.comment_min_seconds)?),
            language: self.language.clone(),
            robots_txt: Some(self.robots_txt.clone()),
            share_image: self.share_image.clone(),
            favicon: self.favicon.clone(),
            header_image: self.header_image.clone(),
            header_image_placement: self
                .header_image_placement
                .as_deref()
                .map(str::parse)
                .transpose()
                .map_err(|e| choice("header_image_placement", e))?,
            feed_content: self
                .feed_content
                .as_deref()
                .map(str::parse)
                .transpose()
                .map_err(|e| choice("feed_content", e))?,
            default_comments: self
                .default_comments
                .as_deref()
                .map(|v| v.parse().map_err(|e| choice("default_comments", e)))
                .transpose()?,
            custom_css: self.custom_css.clone(),
            theme: self.theme.clone(),
            installed_themes,
        })
    }
}

#[derive(Deserialize, Default)]
pub struct SavedQuery {
    saved: Option<String>,
}

/// Where the blog's HTTPS certificate stands, in words; `None` when
/// automatic HTTPS never saw the host (off, or a certificate of one's own).
async fn https_status(state: &AppState, host: &str) -> Result<Option<(bool, String)>, AppError> {
    let Some(status) = state.store.certificate_status(host).await? else {
        return Ok(None);
    };
    let day = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d %H:%M UTC").to_string();
    Ok(Some(match (&status.last_error, status.not_after) {
        (Some(reason), kept) => (
            false,
            format!(
                "The last certificate order for {host} failed: {reason}. {} Next try: {}.",
                match kept {
                    Some(until) => format!("The current certificate is good until {}.", day(until)),
                    None => "Readers reach the blog over plain HTTP until it succeeds.".into(),
                },
                day(status.due_at)
            ),
        ),
        (None, Some(until)) => (
            true,
            format!(
                "{host} is served over HTTPS with a certificate good until {}; it is renewed from {}.",
                day(until),
                day(status.due_at)
            ),
        ),
        (None, None) => (
            true,
            format!("A certificate for {host} is being ordered; until then, plain HTTP."),
        ),
    }))
}

async fn page(
    state: &AppState,
    signed: &Signed,
    form: SettingsForm,
    field: Option<&str>,
    error: Option<String>,
    notice: bool,
    status: StatusCode,
) -> AdminResult {
    let https = https_status(state, &signed.site.blog.host).await?;
    let blog = &signed.site.blog;
    let mut themes = state.themes.installed();
    if !blog.theme.is_empty() && !themes.contains(&blog.theme) {
        themes.push(blog.theme.clone());
    }
    let theme_problems: Vec<String> = state
        .themes
        .of(blog)
        .problems()
        .iter()
        .map(ToString::to_string)
        .collect();
    // The newest uploads, offered for the icon, the share image and the
    // header's picture.
    let (uploads, _) = tidings_app::media::list(&state.store, signed.site.blog.id, 50, 0).await?;
    let uploads: Vec<String> = uploads.into_iter().map(|m| m.original.path).collect();
    let ctx = minijinja::context! {
        themes => themes,
        current_theme => &blog.theme,
        theme_problems => theme_problems,
        uploads => uploads,
        https_ok => https.as_ref().map(|h| h.0),
        https => https.map(|h| h.1),
        form => minijinja::value::Serde(form),
        field => field,
        error => error,
        saved => notice,
        languages => tidings_core::language::SUPPORTED.to_vec(),
        timezones => chrono_tz::TZ_VARIANTS.iter().map(|t| t.name()).collect::<Vec<_>>(),
    };
    Ok(render(
        state,
        signed,
        "admin/settings.html",
        "Settings",
        status,
        ctx,
    )?)
}

pub async fn show(
    State(state): State<AppState>,
    signed: Signed,
    Query(q): Query<SavedQuery>,
) -> AdminResult {
    settings::may_change(signed.actor())?;
    let css = state.store.custom_css_source(signed.site.blog.id).await?;
    page(
        &state,
        &signed,
        SettingsForm::of(&signed.site.blog, css),
        None,
        None,
        q.saved.is_some(),
        StatusCode::OK,
    )
    .await
}

pub async fn save(
    State(state): State<AppState>,
    signed: Signed,
    Form(form): Form<SettingsForm>,
) -> AdminResult {
    signed.check_csrf(form.csrf.as_deref())?;
    settings::may_change(signed.actor())?;
    let changed = match form.change(state.themes.installed()) {
        Ok(change) => {
            settings::change(&state.store, signed.actor(), &signed.site.blog, change).await
        }
        Err(e) => Err(e),
    };
    match changed {
        Ok(_) => Ok(Redirect::to("/admin/settings?saved=1").into_response()),
        Err(tidings_app::Error::Invalid { field, message }) => {
            page(
                &state,
                &signed,
                form,
                Some(field),
                Some(message),
                false,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
