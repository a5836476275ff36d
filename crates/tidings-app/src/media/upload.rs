//! One upload, whole: the role, the quota, the picture processed on the
//! pool, its files stored under names we chose, then its row.

use chrono::{DateTime, Utc};
use tidings_core::permission;
use tidings_media::{Encoded, Processed, Refusal};
use tidings_store::{Blobs, Media, MediaFile, NewMedia, Store, blob_key};

use crate::{Actor, Error, secrets, work};

/// Alt text says what a picture shows, in a sentence or two.
pub const MAX_ALT_CHARS: usize = 1000;

/// What was sent: the file's bytes (its name and declared type are not
/// asked: the bytes say what it is) and its alt text.
#[derive(Debug, Clone)]
pub struct Upload {
    pub bytes: Vec<u8>,
    pub alt: String,
}

/// Stores a picture for `blog_id`: refused when `by` may not upload, past
/// the blog's quota (413), when the bytes are not a JPEG, PNG, WebP or GIF
/// (415), too many pixels or broken (422). Answers once every file is
/// stored; nothing is kept after a refusal.
pub async fn upload(
    store: &Store,
    blobs: &dyn Blobs,
    by: Actor<'_>,
    blog_id: i64,
    sent: Upload,
    now: DateTime<Utc>,
) -> Result<Media, Error> {
    by.require(permission::may_upload, "upload pictures")?;
    let alt = check_alt(&sent.alt)?;
    let quota = store
        .media_quota_mib(blog_id)
        .await?
        .saturating_mul(1024 * 1024);
    let used = store.media_bytes(blog_id).await?;
    let over = |more: u64| used.saturating_add(more) > quota;
    if over(sent.bytes.len() as u64) {
        return Err(over_quota(quota));
    }
    let processed = work::process_image(sent.bytes).await?.map_err(refused)?;
    let files = named(&processed);
    if over(files.iter().map(|(f, _)| f.bytes).sum()) {
        return Err(over_quota(quota));
    }
    let mut stored = Vec::with_capacity(files.len());
    for (file, bytes) in &files {
        let key = blob_key(blog_id, &file.path);
        if let Err(e) = blobs.put(&key, bytes).await {
            forget(blobs, &stored).await;
            return Err(e.into());
        }
        stored.push(key);
    }
    let new = NewMedia {
        blog_id,
        alt,
        owner_id: by.user().map(|u| u.id),
        created_at: now,
        files: files.into_iter().map(|(f, _)| f).collect(),
    };
    match store.insert_media(&new).await {
        Ok(id) => super::find(store, blog_id, id).await,
        Err(e) => {
            forget(blobs, &stored).await;
            Err(e.into())
        }
    }
}

/// Takes back the files of an upload that failed half way.
async fn forget(blobs: &dyn Blobs, keys: &[String]) {
    if let Err(e) = blobs.delete(keys).await {
        tracing::warn!("files of a failed upload were left behind: {e}");
    }
}

fn over_quota(quota: u64) -> Error {
    Error::TooLarge(format!(
        "This blog's pictures may take {} MiB in all, and this one would pass that. \
         Delete pictures no post uses, or ask the admin for a larger quota.",
        quota / (1024 * 1024)
    ))
}

fn refused(r: Refusal) -> Error {
    match r {
        Refusal::NotAPicture { .. } => Error::Unsupported(r.to_string()),
        Refusal::TooManyPixels { .. } | Refusal::Broken(_) => Error::invalid("file", r.to_string()),
    }
}

/// The alt text as kept: trimmed, one line of at most [`MAX_ALT_CHARS`],
/// nothing XML cannot carry.
pub(super) fn check_alt(alt: &str) -> Result<String, Error> {
    let alt = alt.trim();
    if alt.chars().count() > MAX_ALT_CHARS {
        return Err(Error::invalid(
            "alt",
            format!("Keep the alt text to {MAX_ALT_CHARS} characters: say what the picture shows."),
        ));
    }
    if alt.chars().any(char::is_control) {
        return Err(Error::invalid(
            "alt",
            "Write the alt text on one line, without control characters.",
        ));
    }
    tidings_core::xml_chars::check("alt", alt).map_err(|e| Error::invalid("alt", e.to_string()))?;
    Ok(alt.to_owned())
}

/// Each file with the path we chose for it: `/media/u/NAME.jpg` for the
/// original, `/media/u/NAME-640.webp` for a copy. `NAME` is random (64
/// bits), so a name says nothing of the file and no upload can take
/// another's path or reach outside `/media/u/`.
fn named(p: &Processed) -> Vec<(MediaFile, &[u8])> {
    let name = &secrets::random_hex()[..16];
    let file = |e: &Encoded, path: String, variant: bool| MediaFile {
        path,
        mime_type: e.format.mime_type().to_owned(),
        width: e.width,
        height: e.height,
        bytes: e.bytes.len() as u64,
        variant,
    };
    let original = &p.original;
    let mut out = vec![(
        file(
            original,
            format!("/media/u/{name}.{}", original.format.extension()),
            false,
        ),
        original.bytes.as_slice(),
    )];
    for v in &p.variants {
        let path = format!("/media/u/{name}-{}.{}", v.width, v.format.extension());
        out.push((file(v, path, true), v.bytes.as_slice()));
    }
    out
}
