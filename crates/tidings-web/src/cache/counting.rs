//! Page views, counted where pages are served: a kept page's hit and a
//! render alike count a view of the post or page it shows (the handler
//! said which, through [`super::Deps::viewed`]). Only the request's
//! `User-Agent` (robot or not), `Referer` (the other site's host) and
//! `Host` (the blog's own) are looked at; the counting itself is
//! `tidings_app::views`'.

use axum::http::{HeaderMap, header};
use tidings_app::views::{Viewed, Visit};

use crate::AppState;

/// Counts a view of `viewed`, if the page is one and counting is on.
pub fn count(state: &AppState, viewed: Option<&Viewed>, headers: &HeaderMap) {
    let (Some(views), Some(viewed)) = (&state.views, viewed) else {
        return;
    };
    let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    let visit = Visit {
        user_agent: text(header::USER_AGENT),
        referer: text(header::REFERER),
        host: text(header::HOST),
    };
    views.count(viewed, visit, chrono::Utc::now());
}
