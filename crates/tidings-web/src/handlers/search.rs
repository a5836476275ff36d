//! `/search`: full-text search with `?q=`, otherwise Blogger's paged post list.
//!
//! Results are the newest matching posts, newest first, as Blogger orders
//! them: that order lets the store stop at the last hit shown instead of
//! ranking every match (`tidings_store::dialect::search`). A search the
//! render cache does not hold costs a render, so each client address may
//! run [`SEARCHES_PER_MINUTE`] of them a minute ([`SearchLimit`]).

use std::convert::Infallible;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

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
use crate::host::{ClientIp, Site};
use tidings_app::signin::address_key;
use tidings_theme::views::iso;

/// Longest query we search for; longer ones are refused, not cut.
const MAX_QUERY_CHARS: usize = 200;
/// Hits shown: the newest matches. Each costs a snippet (most of a
/// search's time), so a page shows as many as Blogger's search page does.
const MAX_HITS: u32 = 20;

/// Full-text searches one address (IPv6: its /64) may run a minute.
pub const SEARCHES_PER_MINUTE: u32 = 30;
const WINDOW: Duration = Duration::from_secs(60);
/// Addresses remembered; past this the least used are forgotten (which only
/// forgives them), so a flood from many addresses cannot grow the memory.
const ADDRESSES: usize = 65_536;

/// Searches per client address, counted in this node's memory.
///
/// Not in the database like the other limits: a search is a read, and
/// counting it there would make every search a write (serialised on SQLite,
/// a round trip on PostgreSQL), dearer than the search. The limit guards
/// this node's cores, which are per node anyway: a client spread over `n`
/// nodes gets `n` times the rate, and a restart forgives the counts.
pub struct SearchLimit(quick_cache::sync::Cache<String, Arc<Mutex<Window>>>);

/// One address's searches in its current minute.
struct Window {
    started: Instant,
    count: u32,
}

impl Default for SearchLimit {
    fn default() -> Self {
        Self(quick_cache::sync::Cache::new(ADDRESSES))
    }
}

impl SearchLimit {
    /// Counts a search from `ip`, or answers the 429 that refuses it.
    fn take(&self, ip: IpAddr, now: Instant) -> Result<(), AppError> {
        let fresh = || Window {
            started: now,
            count: 0,
        };
        let window = self
            .0
            .get_or_insert_with(&address_key(ip), || {
                Ok::<_, Infallible>(Arc::new(Mutex::new(fresh())))
            })
            .unwrap_or_else(|never| match never {});
        let mut window = window.lock().unwrap_or_else(|e| e.into_inner());
        let elapsed = now.saturating_duration_since(window.started);
        if elapsed >= WINDOW {
            *window = fresh();
        }
        if window.count >= SEARCHES_PER_MINUTE {
            let left = (WINDOW - elapsed.min(WINDOW)).as_millis().div_ceil(1000);
            return Err(AppError::too_many(
                format!(
                    "You have searched {SEARCHES_PER_MINUTE} times this minute; \
                     please wait {left} s before searching again."
                ),
                (left as u64).max(1),
            ));
        }
        window.count += 1;
        Ok(())
    }
}

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
                    empty_message: "There are no posts here.".into(),
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
    if words.chars().count() > MAX_QUERY_CHARS {
        return Err(AppError::bad_request(format!(
            "Search for at most {MAX_QUERY_CHARS} characters."
        )));
    }
    state.searches.take(ip, Instant::now())?;
    let now = Utc::now();
    let hits = site
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
    fn each_address_has_its_own_minute_of_searches() {
        let limit = SearchLimit::default();
        let t0 = Instant::now();
        let a: IpAddr = "2001:db8::1".parse().unwrap();
        let same_64: IpAddr = "2001:db8::2".parse().unwrap();
        let b: IpAddr = "192.0.2.1".parse().unwrap();
        for _ in 0..SEARCHES_PER_MINUTE {
            limit.take(a, t0).unwrap();
        }
        let refused = limit
            .take(same_64, t0 + Duration::from_secs(20))
            .unwrap_err();
        assert_eq!(refused.retry_after, Some(40));
        limit.take(b, t0).unwrap();
        limit.take(a, t0 + WINDOW).unwrap();
    }

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
