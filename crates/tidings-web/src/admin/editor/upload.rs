//! The editor's plain file field, for browsers without JavaScript: its
//! "Upload and insert" button sends the whole editor form as
//! `multipart/form-data` (`formenctype`), the picture is stored by
//! `tidings_app::media::upload`, and the editor comes back with what was
//! typed and `![alt](URL)` at the end of the body. Nothing is saved to the
//! post until a save button is pressed, as with Preview.

use axum::body::Body;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::StatusCode;
use chrono::Utc;
use http_body_util::Limited;
use tidings_app::media::{self, MAX_ALT_CHARS, Upload};
use tidings_app::posts;
use tidings_core::Post;

use super::{EditorForm, EditorPage, find, refused, show, writer};
use crate::AppState;
use crate::admin::render::AdminResult;
use crate::admin::session::Signed;
use crate::api::media::read_field;
use crate::error::AppError;

/// Room for the editor's text fields beside the file: a body may be 1 MiB
/// of Markdown, sent as UTF-8 with multipart framing.
const TEXT_BYTES: usize = 2 * 1024 * 1024;

/// What the form sent: the editor's fields, then the picture and its alt text.
struct Sent {
    form: EditorForm,
    file: Vec<u8>,
    alt: String,
}

pub async fn upload_new(
    State(state): State<AppState>,
    signed: Signed,
    req: Request,
) -> AdminResult {
    upload(&state, &signed, None, req).await
}

pub async fn upload_existing(
    State(state): State<AppState>,
    signed: Signed,
    Path(raw): Path<String>,
    req: Request,
) -> AdminResult {
    let post = find(&state, &signed, &raw).await?;
    upload(&state, &signed, Some(&post), req).await
}

async fn upload(
    state: &AppState,
    signed: &Signed,
    existing: Option<&Post>,
    req: Request,
) -> AdminResult {
    let max = state.config.max_upload_bytes;
    let sent = read(state, req, max).await?;
    signed.check_csrf(sent.form.csrf.as_deref())?;
    if let Some(p) = existing {
        posts::may_change(&writer(signed), p)?;
    }
    let mut form = sent.form;
    if sent.file.is_empty() {
        let e = AppError::invalid("file: choose a picture to upload first.");
        return show(state, refused(signed, existing, form, e)).await;
    }
    let upload = Upload {
        bytes: sent.file,
        alt: sent.alt,
    };
    let blog_id = signed.site.blog.id;
    let blobs = state.blobs.as_ref();
    let stored = match media::upload(
        &state.store,
        blobs,
        signed.actor(),
        blog_id,
        upload,
        Utc::now(),
    )
    .await
    .map_err(AppError::from)
    {
        Ok(stored) => stored,
        Err(e) if e.status.is_client_error() => {
            return show(state, refused(signed, existing, form, e)).await;
        }
        Err(e) => return Err(e.into()),
    };
    append_picture(&mut form.body, &stored.alt, &stored.original.path);
    let page = EditorPage {
        signed,
        post: existing,
        form,
        error: None,
        notice: Some(
            "The picture is uploaded and added at the end of the body. Save to keep it in the post."
                .to_owned(),
        ),
        preview_html: None,
        status: StatusCode::OK,
    };
    show(state, page).await
}

/// `body` with `![alt](url)` as a paragraph of its own at its end; the
/// characters that would end the alt text early are escaped.
fn append_picture(body: &mut String, alt: &str, url: &str) {
    let trimmed = body.trim_end().len();
    body.truncate(trimmed);
    if !body.is_empty() {
        body.push_str("\n\n");
    }
    body.push_str("![");
    for c in alt.chars() {
        if matches!(c, '\\' | '[' | ']') {
            body.push('\\');
        }
        body.push(c);
    }
    body.push_str("](");
    body.push_str(url);
    body.push_str(")\n");
}

/// Reads the form within `max` bytes of picture and [`TEXT_BYTES`] of text:
/// 413 past them, reading no further.
async fn read(state: &AppState, req: Request, max: usize) -> Result<Sent, AppError> {
    let too_large = || {
        AppError::too_large(format!(
            "file: pictures may be at most {} MiB. Make this one smaller and upload it again.",
            max >> 20
        ))
    };
    let (parts, body) = req.into_parts();
    let body = Body::new(Limited::new(body, max + TEXT_BYTES));
    let mut multipart = Multipart::from_request(Request::from_parts(parts, body), state)
        .await
        .map_err(|e| {
            AppError::bad_request(format!(
                "Send the form as multipart/form-data: {}",
                e.body_text()
            ))
        })?;
    let (mut pairs, mut file, mut alt) =
        (Vec::<(String, String)>::new(), Vec::new(), String::new());
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(too_large()),
            Err(e) => return Err(AppError::bad_request(e.body_text())),
        };
        let name = field.name().unwrap_or_default().to_owned();
        let limit = match name.as_str() {
            "file" => max,
            "alt" => MAX_ALT_CHARS * 4,
            _ => TEXT_BYTES,
        };
        let bytes = read_field(field, limit)
            .await
            .map_err(|e| e.map(|e| e.0).unwrap_or_else(too_large))?;
        if name == "file" {
            file = bytes;
            continue;
        }
        let text = String::from_utf8(bytes)
            .map_err(|_| AppError::bad_request(format!("The field {name} is not UTF-8.")))?;
        if name == "alt" {
            alt = text;
        } else {
            pairs.push((name, text));
        }
    }
    let encoded =
        serde_html_form::to_string(&pairs).map_err(|e| AppError::bad_request(e.to_string()))?;
    let form = serde_html_form::from_str(&encoded)
        .map_err(|e| AppError::bad_request(format!("The editor's form: {e}")))?;
    Ok(Sent { form, file, alt })
}

#[cfg(test)]
mod tests {
    use super::append_picture;

    #[test]
    fn the_picture_is_a_paragraph_of_its_own_with_its_alt_escaped() {
        let mut body = "First words.\n".to_owned();
        append_picture(&mut body, "a [red] kite", "/media/u/ab.png");
        assert_eq!(
            body,
            "First words.\n\n![a \\[red\\] kite](/media/u/ab.png)\n"
        );
        let mut empty = String::new();
        append_picture(&mut empty, "", "/media/u/cd.jpg");
        assert_eq!(empty, "![](/media/u/cd.jpg)\n");
    }
}
