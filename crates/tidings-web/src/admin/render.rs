//! Rendering admin pages: the admin layout, and the headers every admin
//! answer carries (kept by no cache, no framing, our one script file only).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use minijinja::Value;
use minijinja::value::Serde;
use serde::Serialize;

use super::session::Signed;
use crate::AppState;
use crate::error::AppError;
use crate::host::Site;

/// The admin may run its own script (the live preview), nothing else.
const ADMIN_CSP: &str = "default-src 'self'; script-src 'self'; connect-src 'self'; \
     object-src 'none'; img-src 'self' https: http: data:; style-src 'self'; \
     style-src-attr 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

#[derive(Serialize)]
struct Me<'a> {
    name: &'a str,
    email: &'a str,
    role: &'a str,
    is_admin: bool,
    may_moderate: bool,
    may_see_stats: bool,
}

fn finish(html: String, status: StatusCode) -> Response {
    let mut r = (status, Html(html)).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(ADMIN_CSP),
    );
    crate::cache::mark_private(h);
    r
}

/// A page of the signed-in admin: layout with navigation, the CSRF token as
/// `csrf`, and who is signed in as `me`.
pub fn render(
    state: &AppState,
    signed: &Signed,
    template: &str,
    title: &str,
    status: StatusCode,
    ctx: Value,
) -> Result<Response, AppError> {
    let me = Me {
        name: &signed.user.name,
        email: &signed.user.email,
        role: signed.role.as_str(),
        is_admin: tidings_core::permission::may_administer(signed.role),
        may_moderate: tidings_core::permission::may_read_queue(signed.role),
        may_see_stats: tidings_core::permission::may_see_stats(signed.role),
    };
    let ctx = minijinja::context! {
        ..ctx,
        ..minijinja::context! {
            blog_title => &signed.site.blog.title,
            page_title => title,
            csrf => &signed.csrf,
            me => Serde(me),
            other_blogs => Serde(&signed.other_blogs),
        }
    };
    Ok(finish(state.templates.render(template, ctx)?, status))
}

/// A page before sign-in (sign-in form, setup): the admin look without navigation.
pub fn render_bare(
    state: &AppState,
    site: &Site,
    template: &str,
    title: &str,
    status: StatusCode,
    ctx: Value,
) -> Result<Response, AppError> {
    let ctx = minijinja::context! {
        ..ctx,
        ..minijinja::context! { blog_title => &site.blog.title, page_title => title }
    };
    Ok(finish(state.templates.render(template, ctx)?, status))
}

/// An error inside the admin: the status and a message for a person, in a
/// small page of its own (it needs nothing from the database to render).
pub struct AdminError(pub AppError);

impl<E: Into<AppError>> From<E> for AdminError {
    fn from(e: E) -> Self {
        Self(e.into())
    }
}

pub type AdminResult = Result<Response, AdminError>;

impl IntoResponse for AdminError {
    fn into_response(self) -> Response {
        let e = self.0;
        let title = match e.status {
            StatusCode::FORBIDDEN => "Not allowed",
            StatusCode::NOT_FOUND => "Not found",
            StatusCode::TOO_MANY_REQUESTS => "Slow down",
            s if s.is_server_error() => "Something went wrong",
            _ => "That did not work",
        };
        let html = format!(
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>{title}</title><link rel=\"stylesheet\" href=\"{css}\"></head>\
             <body class=\"bare\"><main class=\"card\" id=\"main\"><h1>{title}</h1><p>{}</p>\
             <p><a href=\"/admin\">Back to the dashboard</a></p></main></body></html>\n",
            tidings_render::escape_html(&e.message),
            css = tidings_theme::url("admin.css"),
        );
        let mut r = finish(html, e.status);
        if let Some(secs) = e.retry_after {
            r.headers_mut().insert(header::RETRY_AFTER, secs.into());
        }
        r
    }
}
