//! Pictures a blog's people upload: `upload` (judged, cleaned and resized on
//! the pool, its files kept in the blog's [`Blobs`], then recorded), `list`,
//! `find`, `uses` (the posts that show each), `change_alt` and `delete`,
//! each with its role check through `permission`. The web and, later, imports call these; the bytes' store
//! (the data directory, the database, later S3) is the caller's to choose.

pub mod attachments;
pub mod moved;
mod upload;
mod uses;

use tidings_core::permission;
use tidings_store::{Blobs, Media, Store, blob_key};

use crate::{Actor, Error};

pub use upload::{MAX_ALT_CHARS, Upload, upload};
pub use uses::{Use, Uses, uses};

/// The uploads of `blog_id`, newest first, and how many there are: every
/// member may see them (they are what posts show).
pub async fn list(
    store: &Store,
    blog_id: i64,
    limit: u32,
    offset: u32,
) -> Result<(Vec<Media>, i64), Error> {
    Ok(store
        .list_media(blog_id, i64::from(limit), i64::from(offset))
        .await?)
}

/// The most a blog's quota may be set to: a TiB.
pub const MAX_QUOTA_MIB: u64 = 1 << 20;

/// How much `blog_id`'s pictures may take in all, in MiB (default 2,048).
pub async fn quota_mib(store: &Store, blog_id: i64) -> Result<u64, Error> {
    Ok(store.media_quota_mib(blog_id).await?)
}

/// Refuses a quota of no MiB or more than [`MAX_QUOTA_MIB`], naming the field.
pub fn check_quota(mib: u64) -> Result<(), Error> {
    if (1..=MAX_QUOTA_MIB).contains(&mib) {
        Ok(())
    } else {
        Err(Error::invalid(
            "media_quota_mib",
            format!("media_quota_mib must be from 1 to {MAX_QUOTA_MIB}"),
        ))
    }
}

/// Sets the blog's quota: a setting, so the admin's alone. Uploads already
/// kept stay when it shrinks below them; new ones are refused.
pub async fn set_quota(store: &Store, by: Actor<'_>, blog_id: i64, mib: u64) -> Result<(), Error> {
    crate::settings::may_change(by)?;
    check_quota(mib)?;
    Ok(store.set_media_quota_mib(blog_id, mib).await?)
}

/// Upload `id` of `blog_id`, or [`Error::NotFound`].
pub async fn find(store: &Store, blog_id: i64, id: i64) -> Result<Media, Error> {
    store
        .find_media(blog_id, id)
        .await?
        .ok_or_else(|| Error::NotFound(format!("There is no upload with the id {id}.")))
}

/// Checks that `by` may change or delete `media`: the admin any, others their own.
pub fn may_change(by: Actor<'_>, media: &Media) -> Result<(), Error> {
    let own = by.user().is_some_and(|u| Some(u.id) == media.owner_id);
    match by {
        Actor::Operator => Ok(()),
        Actor::Member(_, role) if permission::may_change_media(role, own) => Ok(()),
        Actor::Member(_, role) => Err(Error::Forbidden(format!(
            "Your role ({}) may change only the pictures you uploaded.",
            role.as_str()
        ))),
    }
}

/// Gives upload `id` the alt text `alt` (see [`upload::check_alt`]).
pub async fn change_alt(
    store: &Store,
    by: Actor<'_>,
    blog_id: i64,
    id: i64,
    alt: &str,
) -> Result<Media, Error> {
    let media = find(store, blog_id, id).await?;
    may_change(by, &media)?;
    let alt = upload::check_alt(alt)?;
    store.set_media_alt(blog_id, id, &alt).await?;
    find(store, blog_id, id).await
}

/// Deletes upload `id` and every file of it. Its row goes first, so no page
/// or node serves a file whose bytes are going.
pub async fn delete(
    store: &Store,
    blobs: &dyn Blobs,
    by: Actor<'_>,
    blog_id: i64,
    id: i64,
) -> Result<(), Error> {
    let media = find(store, blog_id, id).await?;
    may_change(by, &media)?;
    store.delete_media(blog_id, id).await?;
    let keys: Vec<String> = media
        .files
        .iter()
        .map(|f| blob_key(blog_id, &f.path))
        .collect();
    if let Err(e) = blobs.delete(&keys).await {
        // The upload is gone for readers; its bytes are only disk space.
        tracing::warn!("the files of upload {id} were not all deleted: {e}");
    }
    Ok(())
}
