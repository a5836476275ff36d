//! `/api/v1/media`: upload a picture (`multipart/form-data`: `file`,
//! optional `alt`), list, show, change the alt text of and delete uploads.
//! The acts are `tidings_app::media`'s; here only the body is read, within
//! `--max-upload-mib`, and the answers are shaped.

use axum::Json;
use axum::body::Body;
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use http_body_util::Limited;
use serde::{Deserialize, Serialize};
use tidings_app::media::{self, MAX_ALT_CHARS, Upload};
use tidings_store::Media;

use super::auth::Caller;
use super::extract::{ApiJson, ApiPath, ApiQuery, Paging};
use crate::AppState;
use crate::error::{ApiError, AppError};
use tidings_theme::views::iso;

#[derive(Serialize)]
pub(crate) struct MediaOut {
    id: i64,
    url: String,
    #[serde(rename = "type")]
    mime_type: String,
    width: u32,
    height: u32,
    bytes: u64,
    alt: String,
    created_at: String,
    variants: Vec<VariantOut>,
}

#[derive(Serialize)]
struct VariantOut {
    width: u32,
    url: String,
    #[serde(rename = "type")]
    mime_type: String,
}

impl MediaOut {
    pub(crate) fn new(m: &Media) -> Self {
        Self {
            id: m.id,
            url: m.original.path.clone(),
            mime_type: m.original.mime_type.clone(),
            width: m.original.width,
            height: m.original.height,
            bytes: m.original.bytes,
            alt: m.alt.clone(),
            created_at: iso(m.created_at),
            variants: m
                .files
                .iter()
                .filter(|f| f.variant)
                .map(|f| VariantOut {
                    width: f.width,
                    url: f.path.clone(),
                    mime_type: f.mime_type.clone(),
                })
                .collect(),
        }
    }
}

/// Room for the multipart framing and the alt field beside the file.
const FRAMING_BYTES: usize = 64 * 1024;

fn too_large(max: usize) -> ApiError {
    ApiError(AppError::too_large(format!(
        "Pictures may be at most {} MiB. Make this one smaller and upload it again.",
        max >> 20
    )))
}

fn malformed(message: impl Into<String>) -> ApiError {
    ApiError(AppError::bad_request(message))
}

/// The `file` and `alt` of the body, refused with 413 as soon as more than
/// `max` bytes arrive (a `Content-Length` over it is refused before any is read).
pub(crate) async fn read_upload(
    state: &AppState,
    req: Request,
    max: usize,
) -> Result<Upload, ApiError> {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > (max + FRAMING_BYTES) as u64) {
        return Err(too_large(max));
    }
    let (parts, body) = req.into_parts();
    let body = Body::new(Limited::new(body, max + FRAMING_BYTES));
    let mut form = Multipart::from_request(Request::from_parts(parts, body), state)
        .await
        .map_err(|e| {
            malformed(format!(
                "Send the picture as multipart/form-data: {}",
                e.body_text()
            ))
        })?;
    let (mut file, mut alt) = (None::<Vec<u8>>, String::new());
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(too_large(max)),
            Err(e) => return Err(malformed(e.body_text())),
        };
        match field.name() {
            Some("file") => {
                file = Some(
                    read_field(field, max)
                        .await
                        .map_err(|e| e.unwrap_or_else(|| too_large(max)))?,
                )
            }
            Some("alt") => {
                let bytes = read_field(field, MAX_ALT_CHARS * 4)
                    .await
                    .map_err(|e| e.unwrap_or_else(|| malformed("The alt text is too long.")))?;
                alt = String::from_utf8(bytes)
                    .map_err(|_| malformed("The alt text is not UTF-8."))?;
            }
            // As JSON bodies refuse unknown fields: a misspelt one never passes silently.
            _ => return Err(malformed("The form takes two fields: file and alt.")),
        }
    }
    let bytes = file.ok_or_else(|| malformed("Send the picture in a form field named file."))?;
    Ok(Upload { bytes, alt })
}

/// A field's bytes, at most `max`; `Err(None)` past that, `Err(Some)` for a
/// body that broke off.
pub(crate) async fn read_field(
    mut field: axum::extract::multipart::Field<'_>,
    max: usize,
) -> Result<Vec<u8>, Option<ApiError>> {
    let mut out = Vec::new();
    loop {
        match field.chunk().await {
            Ok(Some(piece)) if out.len() + piece.len() > max => return Err(None),
            Ok(Some(piece)) => out.extend_from_slice(&piece),
            Ok(None) => return Ok(out),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(None),
            Err(e) => return Err(Some(malformed(e.body_text()))),
        }
    }
}

pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    req: Request,
) -> Result<Response, ApiError> {
    let max = state.config.max_upload_bytes;
    let sent = read_upload(&state, req, max).await?;
    let blog_id = caller.site.blog.id;
    let stored = media::upload(
        &state.store,
        state.blobs.as_ref(),
        caller.actor(),
        blog_id,
        sent,
        Utc::now(),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(MediaOut::new(&stored))).into_response())
}

#[derive(Deserialize)]
pub struct ListQuery {
    limit: Option<u32>,
    offset: Option<u32>,
}

#[derive(Serialize)]
pub struct List {
    items: Vec<MediaOut>,
    total: i64,
}

pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Json<List>, ApiError> {
    let paging = Paging {
        limit: q.limit,
        offset: q.offset,
    };
    let (items, total) = media::list(
        &state.store,
        caller.site.blog.id,
        paging.limit()?,
        paging.offset(),
    )
    .await?;
    Ok(Json(List {
        items: items.iter().map(MediaOut::new).collect(),
        total,
    }))
}

pub async fn show(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw): ApiPath<String>,
) -> Result<Json<MediaOut>, ApiError> {
    let id = super::id(&raw, "upload")?;
    let found = media::find(&state.store, caller.site.blog.id, id).await?;
    Ok(Json(MediaOut::new(&found)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MediaPatch {
    alt: String,
}

pub async fn update(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw): ApiPath<String>,
    ApiJson(patch): ApiJson<MediaPatch>,
) -> Result<Json<MediaOut>, ApiError> {
    let id = super::id(&raw, "upload")?;
    let blog_id = caller.site.blog.id;
    let changed = media::change_alt(&state.store, caller.actor(), blog_id, id, &patch.alt).await?;
    Ok(Json(MediaOut::new(&changed)))
}

pub async fn remove(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    let id = super::id(&raw, "upload")?;
    let blog_id = caller.site.blog.id;
    media::delete(
        &state.store,
        state.blobs.as_ref(),
        caller.actor(),
        blog_id,
        id,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
