//! `/search`: full-text search with `?q=`, otherwise Blogger's paged post list.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use serde::Serialize;
use tidings_store::dialect::{MATCH_END, MATCH_START};

use super::home::{ListSpec, list_page};
use super::pages::{self, Chrome};
use super::paging::ListQuery;
use crate::AppState;
use crate::error::AppError;
use crate::host::Site;
use crate::views::iso;

/// Longest query we search for; longer ones are refused, not cut.
const MAX_QUERY_CHARS: usize = 200;
const MAX_HITS: u32 = 50;

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
    Query(q): Query<ListQuery>,
) -> Response {
    let result = async {
        match q.q.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(words) => full_text(&state, &site, words).await,
            None => {
                let spec = ListSpec {
                    label: None,
                    path_prefix: None,
                    heading: None,
                    page_path: "/search".into(),
                    empty_message: "There are no posts here.".into(),
                };
                list_page(&state, &site, &q, spec).await
            }
        }
    }
    .await;
    pages::respond(&state, &site, result)
}

async fn full_text(state: &AppState, site: &Site, words: &str) -> Result<Response, AppError> {
    if words.chars().count() > MAX_QUERY_CHARS {
        return Err(AppError::bad_request(format!(
            "Search for at most {MAX_QUERY_CHARS} characters."
        )));
    }
    let now = Utc::now();
    let hits = state
        .store
        .search(site.blog.id, now, words, MAX_HITS)
        .await?
        .into_iter()
        .map(|h| Hit {
            date: tidings_core::date_header(h.post.published_at, site.blog.timezone),
            published_iso: iso(h.post.published_at),
            snippet_html: highlight(&h.snippet),
            title: h.post.title,
            url: h.post.path,
        })
        .collect::<Vec<_>>();
    let chrome = Chrome::load(state, site, now).await?;
    let ctx = minijinja::context! { hits => minijinja::value::Serde(hits), query => words };
    pages::render(state, "search.html", StatusCode::OK, &chrome, ctx)
}

/// Escapes a snippet, then turns the store's match markers into `<mark>`.
/// Only what the author wrote is escaped, so the markers must be ours: text
/// stored before the way in refused control characters may hold them too, so
/// a marker that would open a second `<mark>` or close none is dropped, and
/// one left open is closed. The snippet is always plain text with balanced
/// `<mark>` elements, whatever the post holds.
fn highlight(snippet: &str) -> String {
    let escaped = tidings_render::escape_html(snippet);
    let mut out = String::with_capacity(escaped.len() + 32);
    let mut open = false;
    for c in escaped.chars() {
        match c {
            MATCH_START if !open => {
                out.push_str("<mark>");
                open = true;
            }
            MATCH_END if open => {
                out.push_str("</mark>");
                open = false;
            }
            MATCH_START | MATCH_END => {}
            c => out.push(c),
        }
    }
    if open {
        out.push_str("</mark>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_text_is_escaped_around_marks() {
        let s = format!("a <b> {MATCH_START}rust{MATCH_END} & c");
        assert_eq!(highlight(&s), "a &lt;b&gt; <mark>rust</mark> &amp; c");
        let authored = "<mark>not ours</mark>";
        assert_eq!(highlight(authored), "&lt;mark&gt;not ours&lt;/mark&gt;");
    }

    #[test]
    fn stray_markers_never_unbalance_the_snippet() {
        let (s, e) = (MATCH_START, MATCH_END);
        assert_eq!(
            highlight(&format!("{e}a {s}{s}b{e}{e} c{s}d")),
            "a <mark>b</mark> c<mark>d</mark>"
        );
    }
}
