//! `/theme-files/NAME.HASH.EXT`: the static files of the blog's own theme
//! (its `static/` folder), under names that carry their content's hash, so
//! browsers keep them for a year and an edited file has a new name. The
//! render cache keeps them like pages, and forgets them when the blog's
//! settings change.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::error::AppError;
use crate::host::Site;

pub async fn serve(
    State(state): State<AppState>,
    site: Site,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let theme = state.themes.of(&site.blog);
    let found = theme
        .file(&file)
        .ok_or_else(|| AppError::not_found("This blog's theme has no file of that name."))?;
    Ok((
        [
            (header::CONTENT_TYPE, found.content_type),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        found.body.to_vec(),
    )
        .into_response())
}
