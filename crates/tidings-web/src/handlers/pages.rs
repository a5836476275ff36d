//! What every themed page shares: the sidebar, and error pages in the theme.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use minijinja::Value;
use minijinja::value::Serde;
use serde::Serialize;

use tidings_store::Frame;

use crate::AppState;
use crate::error::AppError;
use crate::host::Site;
use tidings_theme::Theme;
use tidings_theme::i18n::Lang;
use tidings_theme::meta::PageMeta;
use tidings_theme::views::BlogView;

/// The parts of the layout around the main column.
#[derive(Serialize)]
pub struct Chrome {
    pub blog: BlogView,
    /// The sidebar's gadgets, made by `sidebar.html` (escaped there): a
    /// safe string, so a page writes it as it is, and a kept one reaches
    /// the page without a copy (thirty gadgets are tens of kilobytes,
    /// copied twice per page when this was text and `|safe` marked it).
    pub sidebar_html: Value,
    /// The owner's stylesheet, after the theme's; `None` without one.
    pub custom_css_url: Option<String>,
    /// The blog's language tag: the templates' `t()` writes in it.
    pub lang: String,
    /// The page's canonical address, description and, for posts and the
    /// home page, what link previews read.
    pub meta: PageMeta,
    /// Whether this server sends mail: the forms that ask for it (Follow
    /// by Email, "notify me of replies") show only then.
    pub mail_on: bool,
    /// The theme that draws the page.
    #[serde(skip)]
    pub theme: Arc<Theme>,
}

/// The language the blog's reader pages are written in.
pub fn lang(site: &Site) -> &'static Lang {
    tidings_theme::i18n::lang(&site.blog.language)
}

impl Chrome {
    pub async fn load(state: &AppState, site: &Site, now: DateTime<Utc>) -> Result<Self, AppError> {
        Self::load_searched(state, site, now, None).await
    }

    /// The chrome of a search page: its search gadget holds the words
    /// looked for, so its sidebar is made for this page alone.
    pub async fn load_searched(
        state: &AppState,
        site: &Site,
        now: DateTime<Utc>,
        query: Option<&str>,
    ) -> Result<Self, AppError> {
        let frame = site.store.frame(&site.blog, now).await?;
        if let Some(at) = frame.refresh_at {
            // Popular Posts change with views, which announce nothing: the
            // page is kept no longer than the frame that ranked them.
            let wait = (at - now).to_std().unwrap_or_default();
            site.deps.expire_at(std::time::Instant::now() + wait);
        }
        let hash = &frame.layout.custom_css_hash;
        let theme = state.themes.of(&site.blog);
        Ok(Self {
            blog: BlogView::new(&site.blog),
            sidebar_html: state.sidebars.html(
                state,
                site.blog.id,
                &site.blog.language,
                &frame,
                &theme,
                query,
            )?,
            custom_css_url: (!hash.is_empty()).then(|| custom_css_path(hash)),
            lang: site.blog.language.clone(),
            meta: PageMeta::page(&site.blog, format!("{}{}", site.base_url, site.path)),
            mail_on: state.mail.is_on(),
            theme,
        })
    }
}

/// Where the owner's stylesheet named by `hash` is served.
pub fn custom_css_path(hash: &str) -> String {
    format!("/custom-css/{hash}.css")
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
    let html = chrome.theme.render(&state.templates, template, ctx)?;
    Ok((status, Html(html)).into_response())
}

/// The sidebar's HTML, kept per blog with the frame and language it was
/// made from: a frame is one state of the blog, so a kept sidebar is never
/// stale, and a page with thirty gadgets costs no more than one with six.
/// Rendering the archive's hundred-odd links at every page was a third of
/// an uncached post page's time (perf).
#[derive(Default)]
pub struct Sidebars(Mutex<HashMap<i64, KeptSidebar>>);

/// A sidebar and what it was made from.
struct KeptSidebar {
    frame: Arc<Frame>,
    theme: Arc<Theme>,
    language: String,
    html: Value,
}

impl Sidebars {
    fn html(
        &self,
        state: &AppState,
        blog_id: i64,
        language: &str,
        frame: &Arc<Frame>,
        theme: &Arc<Theme>,
        query: Option<&str>,
    ) -> Result<Value, AppError> {
        if query.is_none() {
            let kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(k) = kept.get(&blog_id)
                && Arc::ptr_eq(&k.frame, frame)
                && Arc::ptr_eq(&k.theme, theme)
                && k.language == language
            {
                return Ok(k.html.clone());
            }
        }
        let lang = tidings_theme::i18n::lang(language);
        let view = tidings_theme::gadgets::sidebar(frame, lang, state.mail.is_on());
        let ctx = minijinja::context! {
            gadgets => Value::from(Serde(view.gadgets)),
            lang => language,
            query => query,
        };
        let html = Value::from_safe_string(theme.render(&state.templates, "sidebar.html", ctx)?);
        if query.is_none() {
            let kept = KeptSidebar {
                frame: Arc::clone(frame),
                theme: Arc::clone(theme),
                language: language.to_owned(),
                html: html.clone(),
            };
            self.0
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(blog_id, kept);
        }
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
        sidebar_html: Value::from_safe_string(String::new()),
        custom_css_url: None,
        lang: site.blog.language.clone(),
        meta: PageMeta::page(&site.blog, format!("{}{}", site.base_url, site.path)),
        mail_on: false,
        theme: state.themes.of(&site.blog),
    };
    // A reader who followed a broken link is offered a search for it.
    let search = e.status == StatusCode::NOT_FOUND;
    let ctx = minijinja::context! { title => title, message => message, search => search };
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
