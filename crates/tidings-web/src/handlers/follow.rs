//! Follow by Email's pages: `/subscribe` (the form, and what it answers),
//! `/subscribe/confirm` and `/unsubscribe` (the pages a mail's link opens).
//! A `GET` of a link changes nothing (mail scanners open links); its one
//! button `POST`s to the same address with the token in the query, which
//! is also what a mail client's one-click unsubscribe (RFC 8058) sends, so
//! the `POST` reads no body. The acts are `tidings_app::mail::follow`'s.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use tidings_app::mail::follow;
use tidings_app::mail::links::Purpose;

use tidings_theme::i18n::Arg;

use super::pages::{self, Chrome};
use crate::AppState;
use crate::error::AppError;
use crate::host::{ClientIp, Site};

#[derive(Deserialize)]
pub struct TokenQuery {
    pub token: Option<String>,
}

#[derive(Deserialize)]
pub struct SubscribeQuery {
    asked: Option<String>,
}

#[derive(Deserialize)]
pub struct SubscribeForm {
    email: Option<String>,
}

/// What `mail_link.html` shows: a heading, a message, and either one
/// button for the link's token or the Follow by Email form. `heading` and
/// `button` are message keys the template translates; the other texts
/// carry an address or a title, so the handler writes them in the blog's
/// language (`text`).
#[derive(Serialize, Default)]
pub struct LinkPage {
    pub heading: &'static str,
    pub message: Option<String>,
    pub about: Option<String>,
    /// Where the button posts, token included.
    pub action: Option<String>,
    pub token: Option<String>,
    pub button: &'static str,
    pub error: Option<String>,
    pub show_form: bool,
    pub email: Option<String>,
}

/// Renders `page` in the blog's theme, answering `status`. Nothing a link
/// opens is kept by the render cache (`cache::public`).
pub async fn show(
    state: &AppState,
    site: &Site,
    status: StatusCode,
    page: LinkPage,
) -> Result<Response, AppError> {
    let chrome = Chrome::load(state, site, Utc::now()).await?;
    pages::render(state, "mail_link.html", status, &chrome, page)
}

/// `GET /subscribe`: the form, or, after it was sent, what happens next.
pub async fn form(
    State(state): State<AppState>,
    site: Site,
    Query(q): Query<SubscribeQuery>,
) -> Response {
    let page = if q.asked.is_some() {
        LinkPage {
            heading: "follow-asked-heading",
            message: Some(text(&site, "follow-asked", &[])),
            ..LinkPage::default()
        }
    } else {
        LinkPage {
            heading: "follow-heading",
            about: Some(text(&site, "follow-about", &[])),
            show_form: true,
            ..LinkPage::default()
        }
    };
    let result = show(&state, &site, StatusCode::OK, page).await;
    pages::respond(&state, &site, result)
}

/// `POST /subscribe`: asks for a confirmation mail, then 303 to the page
/// that says so; the same answer whether or not one was mailed.
pub async fn subscribe(
    State(state): State<AppState>,
    site: Site,
    ClientIp(from): ClientIp,
    Form(form): Form<SubscribeForm>,
) -> Response {
    let email = form.email.unwrap_or_default();
    let asked = follow::subscribe(
        &state.store,
        &state.mail,
        &site.blog,
        &email,
        from,
        Utc::now(),
    )
    .await;
    let result = match asked {
        Ok(()) => Ok(Redirect::to("/subscribe?asked=1").into_response()),
        Err(tidings_app::Error::Invalid { message, .. }) => {
            // English keeps the use case's own words (empty or malformed).
            let error = if pages::lang(&site).code == "en" {
                message
            } else {
                text(&site, "follow-error-email", &[])
            };
            let page = LinkPage {
                heading: "follow-heading",
                error: Some(error),
                show_form: true,
                email: Some(email),
                ..LinkPage::default()
            };
            show(&state, &site, StatusCode::UNPROCESSABLE_ENTITY, page).await
        }
        Err(e) => Err(e.into()),
    };
    pages::respond(&state, &site, result)
}

/// `GET /subscribe/confirm?token=`: the page with the "Confirm" button.
pub async fn confirm_page(
    State(state): State<AppState>,
    site: Site,
    Query(q): Query<TokenQuery>,
) -> Response {
    let token = q.token.unwrap_or_default();
    let result = async {
        let s = follow::open(
            &state.store,
            &state.mail,
            site.blog.id,
            Purpose::ConfirmSubscription,
            &token,
            Utc::now(),
        )
        .await?;
        let page = button_page(
            "follow-heading",
            text(
                &site,
                "follow-confirm-about",
                &[("email", Arg::Text(&s.email))],
            ),
            "/subscribe/confirm",
            token,
            "button-confirm",
        );
        show(&state, &site, StatusCode::OK, page).await
    }
    .await;
    pages::respond(&state, &site, result)
}

/// `POST /subscribe/confirm?token=`: confirms.
pub async fn confirm(
    State(state): State<AppState>,
    site: Site,
    Query(q): Query<TokenQuery>,
) -> Response {
    let token = q.token.unwrap_or_default();
    let result = async {
        let s =
            follow::confirm(&state.store, &state.mail, site.blog.id, &token, Utc::now()).await?;
        let page = done_page(
            "follow-confirmed-heading",
            text(&site, "follow-confirmed", &[("email", Arg::Text(&s.email))]),
        );
        show(&state, &site, StatusCode::OK, page).await
    }
    .await;
    pages::respond(&state, &site, result)
}

/// `GET /unsubscribe?token=`: the page with the "Unsubscribe" button.
pub async fn unsubscribe_page(
    State(state): State<AppState>,
    site: Site,
    Query(q): Query<TokenQuery>,
) -> Response {
    let token = q.token.unwrap_or_default();
    let result = async {
        let s = follow::open(
            &state.store,
            &state.mail,
            site.blog.id,
            Purpose::Unsubscribe,
            &token,
            Utc::now(),
        )
        .await?;
        let page = button_page(
            "unsubscribe-heading",
            text(
                &site,
                "unsubscribe-about",
                &[("email", Arg::Text(&s.email))],
            ),
            "/unsubscribe",
            token,
            "button-unsubscribe",
        );
        show(&state, &site, StatusCode::OK, page).await
    }
    .await;
    pages::respond(&state, &site, result)
}

/// `POST /unsubscribe?token=`: the button, or a mail client's one click.
pub async fn unsubscribe(
    State(state): State<AppState>,
    site: Site,
    Query(q): Query<TokenQuery>,
) -> Response {
    let token = q.token.unwrap_or_default();
    let result = async {
        let s = follow::unsubscribe(&state.store, &state.mail, site.blog.id, &token, Utc::now())
            .await?;
        let page = done_page(
            "unsubscribed-heading",
            text(&site, "unsubscribed", &[("email", Arg::Text(&s.email))]),
        );
        show(&state, &site, StatusCode::OK, page).await
    }
    .await;
    pages::respond(&state, &site, result)
}

/// Message `key` in the blog's language, for the texts of a page that
/// carry an address or a title.
pub fn text(site: &Site, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    pages::lang(site).text(key, args)
}

/// A link's page: what it is about and its one button, posting the token
/// in the query.
pub fn button_page(
    heading: &'static str,
    about: String,
    path: &str,
    token: String,
    button: &'static str,
) -> LinkPage {
    let action = format!("{path}?token={}", urlencoding(&token));
    LinkPage {
        heading,
        about: Some(about),
        action: Some(action),
        token: Some(token),
        button,
        ..LinkPage::default()
    }
}

/// What a link's button did.
pub fn done_page(heading: &'static str, message: String) -> LinkPage {
    LinkPage {
        heading,
        message: Some(message),
        ..LinkPage::default()
    }
}

/// A token in a query: ours are digits, dots and hex, but one a reader
/// altered may hold anything.
fn urlencoding(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
