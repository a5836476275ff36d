//! The media page: the blog's uploads in a grid, each with its size, its
//! dimensions, its alt text (a form of its own), the posts that show it and
//! a delete that first says what still uses it. The acts are
//! `tidings_app::media`'s, role checks included; `upload` is the editor's
//! script's way in, with the session's CSRF token in a header.

use axum::Form;
use axum::Json;
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use tidings_app::media::{self, Uses};
use tidings_store::Media;

use super::render::{AdminResult, render};
use super::session::{CsrfOnly, Signed};
use crate::AppState;
use crate::api::media::{MediaOut, read_upload};
use crate::error::{ApiError, AppError};

/// Uploads a page of the grid shows.
const PAGE_SIZE: u32 = 48;

#[derive(Deserialize, Default)]
pub struct ListQuery {
    page: Option<u32>,
    saved: Option<i64>,
    deleted: Option<String>,
}

/// One tile of the grid.
#[derive(Serialize)]
struct Tile {
    id: i64,
    url: String,
    /// The narrowest copy, for the thumbnail (the original when it has none).
    thumb: String,
    mime_type: String,
    width: u32,
    height: u32,
    size: String,
    alt: String,
    may_change: bool,
    used_in: Vec<UsedIn>,
    hidden: usize,
}

#[derive(Serialize)]
struct UsedIn {
    id: i64,
    title: String,
    visible: bool,
}

/// "640 KB" or "3.2 MB": what a person reads at a glance.
fn human_size(bytes: u64) -> String {
    match bytes {
        b if b < 1000 => format!("{b} bytes"),
        b if b < 1_000_000 => format!("{} KB", b.div_ceil(1000)),
        b => format!("{:.1} MB", b as f64 / 1e6),
    }
}

fn tile(m: &Media, uses: Uses, signed: &Signed) -> Tile {
    let thumb = m
        .files
        .iter()
        .filter(|f| f.variant && f.mime_type == m.original.mime_type)
        .min_by_key(|f| f.width)
        .unwrap_or(&m.original);
    Tile {
        id: m.id,
        url: m.original.path.clone(),
        thumb: thumb.path.clone(),
        mime_type: m.original.mime_type.clone(),
        width: m.original.width,
        height: m.original.height,
        size: human_size(m.original.bytes),
        alt: m.alt.clone(),
        may_change: media::may_change(signed.actor(), m).is_ok(),
        used_in: uses
            .posts
            .into_iter()
            .map(|u| UsedIn {
                id: u.post_id,
                title: u.title,
                visible: u.visible,
            })
            .collect(),
        hidden: uses.hidden,
    }
}

/// `GET /admin/media`: the grid, newest first.
pub async fn list(
    State(state): State<AppState>,
    signed: Signed,
    Query(q): Query<ListQuery>,
) -> AdminResult {
    let notice = match (q.saved, q.deleted) {
        (Some(_), _) => Some("Alt text saved."),
        (None, Some(_)) => Some("Picture deleted."),
        _ => None,
    };
    let grid = Grid {
        page: q.page.unwrap_or(1).clamp(1, 10_000),
        notice,
        saved: q.saved,
        refused: None,
    };
    show(&state, &signed, grid).await
}

/// What the grid shows besides the uploads.
struct Grid {
    page: u32,
    notice: Option<&'static str>,
    saved: Option<i64>,
    /// An alt text refused: the upload, what was typed, and why.
    refused: Option<(i64, String, AppError)>,
}

async fn show(state: &AppState, signed: &Signed, grid: Grid) -> AdminResult {
    let blog_id = signed.site.blog.id;
    let offset = (grid.page - 1) * PAGE_SIZE;
    let (items, total) = media::list(&state.store, blog_id, PAGE_SIZE, offset).await?;
    let mut uses = media::uses(&state.store, signed.actor(), blog_id, &items, Utc::now()).await?;
    let mut tiles: Vec<Tile> = items
        .iter()
        .map(|m| tile(m, uses.remove(&m.id).unwrap_or_default(), signed))
        .collect();
    let (mut status, mut error, mut error_id) = (StatusCode::OK, None, None);
    if let Some((id, typed, e)) = grid.refused {
        // The field shows what was typed, beside why it was refused.
        if let Some(t) = tiles.iter_mut().find(|t| t.id == id) {
            t.alt = typed;
        }
        (status, error, error_id) = (e.status, Some(e.message), Some(id));
    }
    let pages = u32::try_from(total.max(1))
        .unwrap_or(u32::MAX)
        .div_ceil(PAGE_SIZE);
    let ctx = minijinja::context! {
        tiles => minijinja::value::Serde(tiles),
        total => total,
        page => grid.page,
        pages => pages,
        notice => grid.notice,
        saved => grid.saved,
        error => error,
        error_id => error_id,
        may_upload => tidings_core::permission::may_upload(signed.role),
    };
    Ok(render(
        state,
        signed,
        "admin/media.html",
        "Media",
        status,
        ctx,
    )?)
}

fn id_of(raw: &str) -> Result<i64, AppError> {
    raw.parse()
        .map_err(|_| AppError::not_found(format!("There is no upload with the id {raw:?}.")))
}

#[derive(Deserialize)]
pub struct AltForm {
    csrf: Option<String>,
    alt: Option<String>,
}

/// `POST /admin/media/ID`: the alt text form of one tile.
pub async fn change_alt(
    State(state): State<AppState>,
    signed: Signed,
    Path(raw): Path<String>,
    Form(form): Form<AltForm>,
) -> AdminResult {
    signed.check_csrf(form.csrf.as_deref())?;
    let id = id_of(&raw)?;
    let alt = form.alt.unwrap_or_default();
    let blog_id = signed.site.blog.id;
    match media::change_alt(&state.store, signed.actor(), blog_id, id, &alt).await {
        Ok(_) => Ok(Redirect::to(&format!("/admin/media?saved={id}#media-{id}")).into_response()),
        Err(e @ tidings_app::Error::Invalid { .. }) => {
            let grid = Grid {
                page: 1,
                notice: None,
                saved: None,
                refused: Some((id, alt, e.into())),
            };
            show(&state, &signed, grid).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /admin/media/ID/delete`: what deleting would break, and a button.
pub async fn confirm_delete(
    State(state): State<AppState>,
    signed: Signed,
    Path(raw): Path<String>,
) -> AdminResult {
    let id = id_of(&raw)?;
    let blog_id = signed.site.blog.id;
    let found = media::find(&state.store, blog_id, id).await?;
    media::may_change(signed.actor(), &found)?;
    let uses = media::uses(
        &state.store,
        signed.actor(),
        blog_id,
        std::slice::from_ref(&found),
        Utc::now(),
    )
    .await?
    .remove(&id)
    .unwrap_or_default();
    let ctx = minijinja::context! {
        tile => minijinja::value::Serde(tile(&found, uses, &signed)),
    };
    Ok(render(
        &state,
        &signed,
        "admin/media_delete.html",
        "Delete picture",
        StatusCode::OK,
        ctx,
    )?)
}

/// `POST /admin/media/ID/delete`: the upload and its files, gone.
pub async fn delete(
    State(state): State<AppState>,
    signed: Signed,
    Path(raw): Path<String>,
    Form(form): Form<CsrfOnly>,
) -> AdminResult {
    signed.check_csrf(form.csrf.as_deref())?;
    let id = id_of(&raw)?;
    let blog_id = signed.site.blog.id;
    media::delete(
        &state.store,
        state.blobs.as_ref(),
        signed.actor(),
        blog_id,
        id,
    )
    .await?;
    Ok(Redirect::to("/admin/media?deleted=1").into_response())
}

/// `POST /admin/media`: the editor's script uploads here (`file`, `alt`)
/// with the session's CSRF token in `X-CSRF-Token`, and is answered as the
/// API answers `POST /api/v1/media`.
pub async fn upload(
    State(state): State<AppState>,
    signed: Signed,
    headers: HeaderMap,
    req: Request,
) -> Result<Response, ApiError> {
    let token = headers.get("x-csrf-token").and_then(|v| v.to_str().ok());
    signed.check_csrf(token)?;
    let sent = read_upload(&state, req, state.config.max_upload_bytes).await?;
    let stored = media::upload(
        &state.store,
        state.blobs.as_ref(),
        signed.actor(),
        signed.site.blog.id,
        sent,
        Utc::now(),
    )
    .await?;
    let mut r = (StatusCode::CREATED, Json(MediaOut::new(&stored))).into_response();
    crate::cache::mark_private(r.headers_mut());
    Ok(r)
}
