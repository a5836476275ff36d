//! Blog settings, the same fields the API's `PATCH /api/v1/blog` takes
//! (docs/api.md), each validated with the message shown beside the field
//! that is wrong, so a form sent back with a mistake loses nothing else.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use serde::{Deserialize, Serialize};
use tidings_core::{BlogSettings, permission};

use super::render::{AdminResult, render};
use super::session::Signed;
use crate::AppState;

#[derive(Deserialize, Serialize, Default)]
pub struct SettingsForm {
    #[serde(default, skip_serializing)]
    csrf: Option<String>,
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
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
}

impl SettingsForm {
    fn of(b: &BlogSettings) -> Self {
        Self {
            csrf: None,
            title: b.title.clone(),
            description: b.description.clone(),
            timezone: b.timezone.name().to_owned(),
            posts_per_page: b.posts_per_page.to_string(),
            comments_allowed: b.comments_allowed.as_str().to_owned(),
            comment_moderation: b.comment_moderation.as_str().to_owned(),
            moderation_days: b.moderation_days.to_string(),
            comment_min_seconds: b.comment_min_seconds.to_string(),
        }
    }

    /// The settings this form asks for, or the field that is wrong and why.
    fn apply(&self, current: &BlogSettings) -> Result<BlogSettings, (&'static str, String)> {
        let number = |field: &'static str, v: &str| {
            v.trim()
                .parse::<u32>()
                .map_err(|_| (field, format!("Enter a whole number, not {v:?}.")))
        };
        let mut b = current.clone();
        b.title = self.title.trim().to_owned();
        b.description = self.description.clone();
        b.timezone = tidings_core::parse_timezone(self.timezone.trim()).map_err(|_| {
            (
                "timezone",
                format!(
                    "{:?} is not a time zone name like Europe/Berlin.",
                    self.timezone
                ),
            )
        })?;
        b.posts_per_page = number("posts_per_page", &self.posts_per_page)?;
        b.comments_allowed = self
            .comments_allowed
            .parse()
            .map_err(|e: tidings_core::UnknownValue| ("comments_allowed", e.to_string()))?;
        b.comment_moderation = self
            .comment_moderation
            .parse()
            .map_err(|e: tidings_core::UnknownValue| ("comment_moderation", e.to_string()))?;
        b.moderation_days = number("moderation_days", &self.moderation_days)?;
        b.comment_min_seconds = number("comment_min_seconds", &self.comment_min_seconds)?;
        b.validate()?;
        Ok(b)
    }
}

#[derive(Deserialize, Default)]
pub struct SavedQuery {
    saved: Option<String>,
}

fn page(
    state: &AppState,
    signed: &Signed,
    form: SettingsForm,
    field: Option<&str>,
    error: Option<String>,
    notice: bool,
    status: StatusCode,
) -> AdminResult {
    let ctx = minijinja::context! {
        form => minijinja::value::Serde(form),
        field => field,
        error => error,
        saved => notice,
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
    signed.require(
        permission::may_administer(signed.role),
        "change the blog's settings",
    )?;
    page(
        &state,
        &signed,
        SettingsForm::of(&signed.site.blog),
        None,
        None,
        q.saved.is_some(),
        StatusCode::OK,
    )
}

pub async fn save(
    State(state): State<AppState>,
    signed: Signed,
    Form(form): Form<SettingsForm>,
) -> AdminResult {
    signed.check_csrf(form.csrf.as_deref())?;
    signed.require(
        permission::may_administer(signed.role),
        "change the blog's settings",
    )?;
    match form.apply(&signed.site.blog) {
        Ok(blog) => {
            state.store.update_blog(&blog).await?;
            Ok(Redirect::to("/admin/settings?saved=1").into_response())
        }
        Err((field, why)) => page(
            &state,
            &signed,
            form,
            Some(field),
            Some(why),
            false,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}
