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
    /// Whether this server sends mail: the forms that ask for it (Follow
    /// by Email, "notify me of replies") show only then.
    pub mail_on: bool,
}

impl Chrome {
    pub async fn load(state: &AppState, site: &Site, now: DateTime<Utc>) -> Result<Self, AppError> {
        let frame = site.store.frame(&site.blog, now).await?;
        Ok(Self {
            blog: BlogView::new(&site.blog),
            labels: views::label_counts(&frame.sidebar.labels),
            archive_html: state
                .archive_widgets
                .html(state, site.blog.id, &frame.sidebar.months)?,
            pages: views::page_tree(&frame.pages),
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
/// months alone, compared in full at each use, so a kept one is never stale;
/// rendering its hundred-odd links at every page was a third of an uncached
/// post page's time (perf).
#[derive(Default)]
pub struct ArchiveWidgets(Mutex<HashMap<i64, KeptWidget>>);

/// The months a widget was made from, and its HTML.
type KeptWidget = (Months, Arc<str>);

impl ArchiveWidgets {
    fn html(&self, state: &AppState, blog_id: i64, months: &Months) -> Result<Arc<str>, AppError> {
        let kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((kept_months, html)) = kept.get(&blog_id)
            && kept_months == months
        {
            return Ok(html.clone());
        }
        drop(kept);
        let ctx =
            minijinja::context! { archive => Value::from(Serde(views::archive(&months.list()))) };
        let html: Arc<str> = state.templates.render("archive.html", ctx)?.into();
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(blog_id, (months.clone(), html.clone()));
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

pub fn error_page(state: &AppState, site: &Site, e: AppError) -> Response {
    let title = match e.status {
        StatusCode::NOT_FOUND => "Page not found",
        StatusCode::TOO_MANY_REQUESTS => "Slow down",
        StatusCode::FORBIDDEN => "Not allowed",
        s if s.is_server_error() => "Something went wrong",
        _ => "That did not work",
    };
    let chrome = Chrome {
        blog: BlogView::new(&site.blog),
        labels: Vec::new(),
        archive_html: Arc::from(""),
        pages: Vec::new(),
        mail_on: false,
    };
    let ctx = minijinja::context! { title => title, message => &e.message };
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
