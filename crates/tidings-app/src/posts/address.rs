//! Where a saved post is served, and the write itself.
//!
//! A post readers see keeps its path (links never break) unless the author
//! gives a new slug. Otherwise the author's slug is taken as given, and a
//! path another post holds is a conflict for the author to resolve; a slug
//! we make from the title takes the first free `-N` suffix
//! (`tidings_core::suffix`), as imports and fetched media files do.

use chrono::{DateTime, Utc};
use tidings_core::suffix::slug_alternatives;
use tidings_core::{BlogSettings, Post, post_path, slugify};
use tidings_store::{NewPost, Store, StoreError};

use crate::Error;

/// Writes racing for one free path: the loser looks again, this many times
/// in all. Each look costs a query per suffix tried, no rendering.
const ATTEMPTS: u32 = 20;

/// Suffixes tried for one title in one month before the author is asked
/// for a slug.
const MAX_SUFFIX: usize = 100;

/// Gives `new` its slug and path and stores it (a new post when `existing`
/// is none). `slug` is the author's, or `None` to keep or make one.
pub(super) async fn write(
    store: &Store,
    blog: &BlogSettings,
    existing: Option<&Post>,
    mut new: NewPost,
    slug: Option<String>,
    now: DateTime<Utc>,
) -> Result<Post, Error> {
    let kept = existing.filter(|p| slug.is_none() && p.is_visible_at(now) && p.kind == new.kind);
    if let Some(p) = kept {
        (new.slug, new.path) = (p.slug.clone(), p.path.clone());
        return Ok(put(store, existing, &new).await?);
    }
    let except = existing.map(|p| p.id);
    if let Some(slug) = slug {
        let path = post_path(new.kind, new.published_at, blog.timezone, &slug);
        if store.path_taken(blog.id, &path, except).await? {
            return Err(Error::Conflict(format!(
                "another post already has the address {path}"
            )));
        }
        (new.slug, new.path) = (slug, path);
        return Ok(put(store, existing, &new).await?);
    }
    let base = slugify(&new.title);
    let mut attempt = 1;
    loop {
        (new.slug, new.path) = free_path(store, blog, &new, &base, except).await?;
        match put(store, existing, &new).await {
            // Another writer took the path between our look and our write.
            Err(StoreError::Conflict(_)) if attempt < ATTEMPTS => attempt += 1,
            stored => return Ok(stored?),
        }
    }
}

/// The first of `base`, `base-2`, `base-3`, … whose path no post but
/// `except` holds, with that path.
async fn free_path(
    store: &Store,
    blog: &BlogSettings,
    new: &NewPost,
    base: &str,
    except: Option<i64>,
) -> Result<(String, String), Error> {
    for slug in slug_alternatives(base).take(MAX_SUFFIX) {
        let path = post_path(new.kind, new.published_at, blog.timezone, &slug);
        if !store.path_taken(blog.id, &path, except).await? {
            return Ok((slug, path));
        }
    }
    Err(Error::Conflict(
        "too many posts share this title this month; give this one a slug".into(),
    ))
}

async fn put(store: &Store, existing: Option<&Post>, new: &NewPost) -> Result<Post, StoreError> {
    match existing {
        Some(p) => store.update_post(p.id, new).await,
        None => store.insert_post(new).await,
    }
}
