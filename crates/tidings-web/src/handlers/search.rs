//! `/search`: full-text search with `?q=` (`tidings_app::search`: the
//! newest matches, limited per address), otherwise Blogger's paged post list.

use std::net::IpAddr;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use serde::Serialize;

use super::home::{ListSpec, list_page};
use super::pages::{self, Chrome};
use super::paging::ListQuery;
use crate::AppState;
use crate::error::AppError;
use crate::host::{ClientIp, Site};
use tidings_theme::views::{highlight, iso};

#[derive(Serialize)]
struct Hit {
    title: String,
    url: String,
    date: String,
    published_iso: String,
    /// Escaped text with matches in `<mark>`.
    snippet_html: String,
}

pub async fn search(
    State(state): State<AppState>,
    site: Site,
    ClientIp(ip): ClientIp,
    Query(q): Query<ListQuery>,
) -> Response {
    let result = async {
        match q.q.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(words) => full_text(&state, &site, ip, words).await,
            None => {
                let spec = ListSpec {
                    label: None,
                    path_prefix: None,
                    heading: None,
                    page_path: "/search".into(),
                    empty_message: pages::lang(&site).text("no-posts-yet", &[]),
                };
                list_page(&state, &site, &q, spec).await
            }
        }
    }
    .await;
    pages::respond(&state, &site, result)
}

async fn full_text(
    state: &AppState,
    site: &Site,
    ip: IpAddr,
    words: &str,
) -> Result<Response, AppError> {
    let now = Utc::now();
    let lang = pages::lang(site);
    let blog = &site.blog;
    let hits = tidings_app::search::search(
        &site.store,
        &state.searches,
        blog.id,
        &blog.language,
        ip,
        words,
        now,
    )
    .await?
    .into_iter()
    .map(|h| Hit {
        date: lang.date_header(&h.published_at.with_timezone(&blog.timezone)),
        published_iso: iso(h.published_at),
        snippet_html: highlight(&h.snippet),
        title: h.title,
        url: h.path,
    })
    .collect::<Vec<_>>();
    let chrome = Chrome::load_searched(state, site, now, Some(words)).await?;
    let ctx = minijinja::context! { hits => minijinja::value::Serde(hits), query => words };
    pages::render(state, "search.html", StatusCode::OK, &chrome, ctx)
}
