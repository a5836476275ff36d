//! `/admin/subscribers`: who follows the blog by email, with counts, the
//! same list as CSV (`email,state,subscribed_at,confirmed_at,ended_at`),
//! and a pasted CSV imported (the address first on each line).
//! The rule (admins only) is `tidings_app::mail::follow::subscribers`'.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect};
use chrono::{DateTime, SecondsFormat, Utc};
use minijinja::value::Serde;
use serde::{Deserialize, Serialize};
use tidings_app::mail::follow;
use tidings_store::Subscriber;

use super::render::{AdminResult, render};
use super::session::Signed;
use crate::AppState;

#[derive(Serialize)]
struct Row<'a> {
    email: &'a str,
    state: &'a str,
    since: String,
    since_text: String,
}

fn iso(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

#[derive(Deserialize)]
pub struct ListQuery {
    imported: Option<u64>,
}

#[derive(Deserialize)]
pub struct ImportForm {
    csrf: Option<String>,
    csv: Option<String>,
    /// Ticked: the people on the list agreed to be mailed.
    consented: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    signed: Signed,
    Query(q): Query<ListQuery>,
) -> AdminResult {
    page(&state, &signed, q.imported, None, StatusCode::OK).await
}

/// `POST /admin/subscribers`: imports a pasted CSV, then shows the list
/// with how many were new; a line that is not an address shows the form
/// again with the reason.
pub async fn import(
    State(state): State<AppState>,
    signed: Signed,
    Form(form): Form<ImportForm>,
) -> AdminResult {
    signed.check_csrf(form.csrf.as_deref())?;
    let imported = follow::import(
        &state.store,
        &state.mail,
        signed.role,
        signed.site.blog.id,
        form.csv.as_deref().unwrap_or(""),
        form.consented.is_some(),
        Utc::now(),
    )
    .await;
    match imported {
        Ok(n) => Ok(Redirect::to(&format!("/admin/subscribers?imported={n}")).into_response()),
        Err(tidings_app::Error::Invalid { message, .. }) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            page(&state, &signed, None, Some(message), status).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn page(
    state: &AppState,
    signed: &Signed,
    imported: Option<u64>,
    error: Option<String>,
    status: StatusCode,
) -> AdminResult {
    let (counts, subscribers) =
        follow::subscribers(&state.store, signed.role, signed.site.blog.id).await?;
    let rows: Vec<Row> = subscribers
        .iter()
        .map(|s| Row {
            email: &s.email,
            state: &s.state,
            since: iso(s.created_at),
            since_text: s.created_at.format("%Y-%m-%d").to_string(),
        })
        .collect();
    let ctx = minijinja::context! {
        counts => Serde(counts_view(&counts)),
        subscribers => Serde(rows),
        mail_on => state.mail.is_on(),
        imported => imported,
        error => error,
    };
    Ok(render(
        state,
        signed,
        "admin/subscribers.html",
        "Subscribers",
        status,
        ctx,
    )?)
}

#[derive(Serialize)]
struct Counts {
    pending: i64,
    confirmed: i64,
    unsubscribed: i64,
}

fn counts_view(c: &tidings_store::SubscriberCounts) -> Counts {
    Counts {
        pending: c.pending,
        confirmed: c.confirmed,
        unsubscribed: c.unsubscribed,
    }
}

pub async fn csv(State(state): State<AppState>, signed: Signed) -> AdminResult {
    let (_, subscribers) =
        follow::subscribers(&state.store, signed.role, signed.site.blog.id).await?;
    let mut body = String::from("email,state,subscribed_at,confirmed_at,ended_at\r\n");
    for s in &subscribers {
        body.push_str(&csv_line(s));
    }
    let mut r = (StatusCode::OK, body).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"subscribers.csv\""),
    );
    crate::cache::mark_private(h);
    Ok(r)
}

fn csv_line(s: &Subscriber) -> String {
    let at = |t: Option<DateTime<Utc>>| t.map(iso).unwrap_or_default();
    format!(
        "{},{},{},{},{}\r\n",
        cell(&s.email),
        s.state,
        iso(s.created_at),
        at(s.confirmed_at),
        at(s.ended_at)
    )
}

/// One CSV cell: quoted when it must be (RFC 4180), and never read as a
/// formula by a spreadsheet (a leading `=`, `+`, `-` or `@` is a valid
/// start of an address's local part).
fn cell(v: &str) -> String {
    let v = if v.starts_with(['=', '+', '-', '@']) {
        format!("'{v}")
    } else {
        v.to_owned()
    };
    if v.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_are_quoted_and_never_formulas() {
        assert_eq!(cell("a@example.org"), "a@example.org");
        assert_eq!(cell("\"a,b\"@example.org"), "\"\"\"a,b\"\"@example.org\"");
        assert_eq!(cell("=cmd@example.org"), "'=cmd@example.org");
    }
}
