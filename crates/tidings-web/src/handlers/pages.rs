//! What every themed page shares: the sidebar, and error pages in the theme.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use minijinja::Value;
use minijinja::value::Serde;
use serde::Serialize;

use tidings_store::Months;

use crate::AppState;
use crate::error::AppError;
use crate::host::Site;
use tidings_theme::i18n::Lang;
use tidings_theme::meta::PageMeta;
use tidings_theme::views::{self, BlogView, LabelCountView, PageNode};

/// The parts of the layout around the main column.
#[derive(Serialize)]
pub struct Chrome {
    pub blog: BlogView,
    pub labels: Vec<LabelCountView>,
    /// The archive widget, made by `archive.html` (escaped there).
    pub archive_html: Arc<str>,
    /// Visible pages in menu order, children under their parents.
    pub pages: Vec<PageNode>,
    /// The blog's language tag: the templates' `t()` writes in it.
    pub lang: String,
    /// The page's canonical address, description and, for posts and the
    /// home page, what link previews read.
    pub meta: PageMeta,
    /// Whether this server sends mail: the forms that ask for it (Follow
    /// by Email, "notify me of replies") show only then.
    pub mail_on: bool,
}

/// The language the blog's reader pages are written in.
pub fn lang(site: &Site) -> &'static Lang {
    tidings_theme::i18n::lang(&site.blog.language)
}

impl Chrome {
    pub async fn load(state: &AppState, site: &Site, now: DateTime<Utc>) -> Result<Self, AppError> {
        let frame = site.store.frame(&site.blog, now).await?;
        Ok(Self {
            blog: BlogView::new(&site.blog),
            labels: views::label_counts(&frame.sidebar.labels),
            archive_html: state.archive_widgets.html(
                state,
                site.blog.id,
                &site.blog.language,
                &frame.sidebar.months,
            )?,
            pages: views::page_tree(&frame.pages),
            lang: site.blog.language.clone(),
            meta: PageMeta::page(&site.blog, format!("{}{}", site.base_url, site.path)),
            mail_on: state.mail.is_on(),
        })
    }
}

/// Renders `template` with the chrome and `ctx` merged, answering `status`.
pub fn render(
    state: &AppState,
    template: &str,
    status: StatusCode,
    chrome: &Chrome,
    ctx: impl Serialize,
) -> Result<Response, AppError> {
    let ctx = minijinja::context! { ..Value::from(Serde(&ctx)), ..Value::from(Serde(chrome)) };
    let html = state.templates.render(template, ctx)?;
    Ok((status, Html(html)).into_response())
}

/// The archive widget's HTML, kept per blog. It is a function of the blog's
/// months and language, compared in full at each use, so a kept one is never stale;
/// rendering its hundred-odd links at every page was a third of an uncached
/// post page's time (perf).
#[derive(Default)]
pub struct ArchiveWidgets(Mutex<HashMap<i64, KeptWidget>>);

/// The months and language a widget was made from, and its HTML.
type KeptWidget = (Months, String, Arc<str>);

impl ArchiveWidgets {
    fn html(
        &self,
        state: &AppState,
        blog_id: i64,
        language: &str,
        months: &Months,
    ) -> Result<Arc<str>, AppError> {
        let kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((kept_months, kept_language, html)) = kept.get(&blog_id)
            && kept_months == months
            && kept_language == language
        {
            return Ok(html.clone());
        }
        drop(kept);
        let archive = views::archive(&months.list(), tidings_theme::i18n::lang(language));
        let ctx = minijinja::context! { archive => Value::from(Serde(archive)), lang => language };
        let html: Arc<str> = state.templates.render("archive.html", ctx)?.into();
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(blog_id, (months.clone(), language.to_owned(), html.clone()));
        Ok(html)
    }
}

/// Turns a handler's result into a response, showing errors as themed pages
/// (without the sidebar, which needs the database that may be the problem).
pub fn respond(state: &AppState, site: &Site, result: Result<Response, AppError>) -> Response {
    match result {
        Ok(r) => r,
        Err(e) => error_page(state, site, e),
    }
}

/// An error as a themed page in the blog's language. English shows the
/// error's own message, which names what was wrong; other languages say
/// what happened in their own words, by the kind of error.
pub fn error_page(state: &AppState, site: &Site, e: AppError) -> Response {
    let kind = match e.status {
        StatusCode::NOT_FOUND => "error-not-found",
        StatusCode::TOO_MANY_REQUESTS => "error-slow-down",
        StatusCode::FORBIDDEN => "error-forbidden",
        StatusCode::GONE => "error-gone",
        s if s.is_server_error() => "error-server",
        _ => "error-other",
    };
    let lang = lang(site);
    let title = lang.text(kind, &[]);
    let message = if lang.code == "en" {
        e.message.clone()
    } else {
        lang.text(&format!("{kind}-message"), &[])
    };
    let chrome = Chrome {
        blog: BlogView::new(&site.blog),
        labels: Vec::new(),
        archive_html: Arc::from(""),
        pages: Vec::new(),
        lang: site.blog.language.clone(),
        meta: PageMeta::page(&site.blog, format!("{}{}", site.base_url, site.path)),
        mail_on: false,
    };
    let ctx = minijinja::context! { title => title, message => message };
    match render(state, "error.html", e.status, &chrome, ctx) {
        Ok(mut r) => {
            if let Some(secs) = e.retry_after {
                r.headers_mut()
                    .insert(axum::http::header::RETRY_AFTER, secs.into());
            }
            r
        }
        Err(plain) => plain.into_response(),
    }
}

/// The fallback for every path no route claims.
pub async fn not_found(
    axum::extract::State(state): axum::extract::State<AppState>,
    site: Site,
) -> Response {
    error_page(
        &state,
        &site,
        AppError::not_found("Sorry, the page you were looking for in this blog does not exist."),
    )
}

/// The answer to a method an address does not take (a form posted to an
/// archive, `PUT /`): 405 in the theme, saying what to do instead.
pub async fn method_not_allowed(
    axum::extract::State(state): axum::extract::State<AppState>,
    site: Site,
) -> Response {
    let error = AppError {
        status: StatusCode::METHOD_NOT_ALLOWED,
        code: "method_not_allowed",
        message: "This address can only be read; open it in a browser instead of sending to it."
            .into(),
        retry_after: None,
    };
    error_page(&state, &site, error)
}
