//! Year and month archives: `/2014/` and `/2014/05/`.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::home::{ListSpec, list_page};
use super::pages;
use super::paging::ListQuery;
use crate::AppState;
use crate::error::AppError;
use crate::host::Site;
use tidings_theme::i18n::Arg;

/// A four-digit year, or a message saying why the path names none.
pub fn year(s: &str) -> Result<i32, AppError> {
    match s.parse::<i32>() {
        // Posts are dated from the year 1000 on, so their paths have four digits.
        Ok(y) if s.len() == 4 && (1000..=9999).contains(&y) => Ok(y),
        _ => Err(AppError::not_found(format!(
            "{s:?} is not a year, so this address names no page of the blog."
        ))),
    }
}

/// A two-digit month 01–12.
pub fn month(s: &str) -> Result<u32, AppError> {
    match s.parse::<u32>() {
        Ok(m) if s.len() == 2 && (1..=12).contains(&m) => Ok(m),
        _ => Err(AppError::not_found(format!(
            "There is no month {s:?} in the calendar, so this address names no page of the blog."
        ))),
    }
}

pub async fn year_page(
    State(state): State<AppState>,
    site: Site,
    Path(y): Path<String>,
    Query(q): Query<ListQuery>,
) -> Response {
    let result = async {
        let y = year(&y)?;
        let lang = pages::lang(&site);
        let year = y.to_string();
        let named = [("year", Arg::Text(&year))];
        let spec = ListSpec {
            label: None,
            path_prefix: Some(format!("/{y:04}/")),
            heading: Some(lang.text("year-heading", &named)),
            page_path: format!("/{y:04}/"),
            empty_message: lang.text("year-empty", &named),
        };
        list_page(&state, &site, &q, spec).await
    }
    .await;
    pages::respond(&state, &site, result)
}

/// `/2014` → `/2014/`, the canonical archive address.
pub async fn year_redirect(
    State(state): State<AppState>,
    site: Site,
    Path(y): Path<String>,
) -> Response {
    match year(&y) {
        Ok(y) => Redirect::permanent(&format!("/{y:04}/")).into_response(),
        Err(_) => pages::error_page(
            &state,
            &site,
            AppError::not_found(
                "Sorry, the page you were looking for in this blog does not exist.",
            ),
        ),
    }
}

pub async fn month_page(
    State(state): State<AppState>,
    site: Site,
    Path((y, m)): Path<(String, String)>,
    Query(q): Query<ListQuery>,
) -> Response {
    let result = async {
        let y = year(&y)?;
        let m = month(&m)?;
        let lang = pages::lang(&site);
        let (year, month) = (y.to_string(), lang.month(m));
        let named = [("year", Arg::Text(&year)), ("month", Arg::Text(&month))];
        let spec = ListSpec {
            label: None,
            path_prefix: Some(format!("/{y:04}/{m:02}/")),
            heading: Some(lang.text("month-heading", &named)),
            page_path: format!("/{y:04}/{m:02}/"),
            empty_message: lang.text("month-empty", &named),
        };
        list_page(&state, &site, &q, spec).await
    }
    .await;
    pages::respond(&state, &site, result)
}
