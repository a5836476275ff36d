//! A moved-in blog's pictures brought home (`import … --fetch-media`): the
//! pictures its posts show from elsewhere, each once at its largest size
//! (`tidings_core::picture_url`), kept as uploads like any other (their
//! copies made by the same processing, in the blog's `Blobs`), then every
//! post pointed at them and made responsive as a save would.
//!
//! The fetching is the caller's (the command line's hardened fetcher): this
//! module says what to fetch, keeps what was fetched and rewrites posts.
//! A picture that could not be fetched keeps its old address, so running
//! the move again finds only what is still missing.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use tidings_core::picture_url::blogger_largest;
use tidings_render::{Picture, replace_picture_links, responsive_images};
use tidings_store::{Blobs, Media, MediaFile, NewMedia, PostHtml, Store, blob_key};

use crate::{Actor, Error, work};

/// The address a picture is fetched from, and known by, from an address a
/// post writes (`&amp;` and all): absolute (a scheme-relative `//host/…`
/// taken as https), its Blogger size made the largest. `None` for anything
/// that is not on another server.
pub fn home_key(written: &str) -> Option<String> {
    let address = written.replace("&amp;", "&");
    let address = if address.starts_with("//") {
        format!("https:{address}")
    } else if address.starts_with("http://") || address.starts_with("https://") {
        address
    } else {
        return None;
    };
    Some(blogger_largest(&address).unwrap_or(address))
}

/// The pictures `blog_id`'s posts show from other servers (each `<img>`'s
/// source), each once by its [`home_key`], in the order posts first show them.
pub async fn pictures_elsewhere(store: &Store, blog_id: i64) -> Result<Vec<String>, Error> {
    let posts = store.post_html(blog_id).await?;
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for p in &posts {
        for src in tidings_render::image_sources(&p.body_html) {
            if let Some(key) = home_key(&src)
                && seen.insert(key.clone())
            {
                out.push(key);
            }
        }
    }
    Ok(out)
}

/// Keeps fetched `bytes` as an upload of `blog_id`, by the operator (no
/// role asked; the blog's quota and every refusal of an upload apply).
pub async fn keep(
    store: &Store,
    blobs: &dyn Blobs,
    blog_id: i64,
    bytes: Vec<u8>,
    now: DateTime<Utc>,
) -> Result<Media, Error> {
    let sent = super::Upload {
        bytes,
        alt: String::new(),
    };
    super::upload(store, blobs, Actor::Operator, blog_id, sent, now).await
}

/// Restores an upload our own export carried (`import tidings`) at the
/// same addresses, byte for byte: its files put in `blobs`, then its row
/// (the files taken back if the row cannot be written). `false`, and
/// nothing done, when its original is already there: importing the same
/// file twice adds nothing.
pub async fn restore(
    store: &Store,
    blobs: &dyn Blobs,
    blog_id: i64,
    alt: String,
    created_at: DateTime<Utc>,
    files: &[(MediaFile, Vec<u8>)],
) -> Result<bool, Error> {
    let Some((original, _)) = files.first() else {
        return Ok(false);
    };
    if store
        .media_file_at(blog_id, &original.path)
        .await?
        .is_some()
    {
        return Ok(false);
    }
    // A copy's address taken by another upload would have its bytes
    // overwritten, then deleted when the row is refused.
    for (file, _) in files {
        if store.media_file_at(blog_id, &file.path).await?.is_some() {
            return Err(Error::Conflict(format!(
                "{} is already another upload's file",
                file.path
            )));
        }
    }
    let mut stored = Vec::with_capacity(files.len());
    let mut kept = Ok(());
    for (file, bytes) in files {
        let key = blob_key(blog_id, &file.path);
        kept = blobs.put(&key, bytes).await;
        if kept.is_err() {
            break;
        }
        stored.push(key);
    }
    let new = NewMedia {
        blog_id,
        alt,
        owner_id: None,
        created_at,
        files: files.iter().map(|(f, _)| f.clone()).collect(),
    };
    let inserted = match kept {
        Ok(()) => store.insert_media(&new).await.map(drop),
        Err(e) => Err(e),
    };
    if let Err(e) = inserted {
        if let Err(left) = blobs.delete(&stored).await {
            tracing::warn!("files of a failed restore were left behind: {left}");
        }
        return Err(e.into());
    }
    Ok(true)
}

/// Makes every post of `blog_id` show its uploads responsive again, as a
/// save does: for posts imported before the uploads they show were restored
/// (an import's sanitiser keeps no `srcset`). Answers how many changed.
pub async fn show_uploads(store: &Store, blog_id: i64) -> Result<u64, Error> {
    let mut changed = Vec::new();
    for p in store.post_html(blog_id).await? {
        let body = crate::posts::responsive(store, blog_id, p.body_html.clone()).await?;
        let teaser = crate::posts::responsive(store, blog_id, p.teaser_html.clone()).await?;
        if body != p.body_html || teaser != p.teaser_html {
            changed.push(PostHtml {
                id: p.id,
                body_html: body,
                teaser_html: teaser,
            });
        }
    }
    store.set_post_html(blog_id, &changed).await?;
    Ok(changed.len() as u64)
}

/// Points every post of `blog_id` at the uploads `homes` holds (by
/// [`home_key`]): each `<img src>` and `<a href>` of one of them becomes its
/// original's path, and the images are made responsive. Answers how many
/// posts changed; all change in one transaction.
pub async fn point_posts_home(
    store: &Store,
    blog_id: i64,
    homes: HashMap<String, Media>,
) -> Result<u64, Error> {
    if homes.is_empty() {
        return Ok(0);
    }
    let posts = store.post_html(blog_id).await?;
    let changed = work::run(move || {
        let pictures = pictures_of(homes.values());
        let home = |written: &str| home_key(written).and_then(|key| homes.get(&key));
        posts
            .into_iter()
            .filter_map(|p| {
                let body = point_home(&p.body_html, &home, &pictures);
                let teaser = point_home(&p.teaser_html, &home, &pictures);
                (body.is_some() || teaser.is_some()).then(|| PostHtml {
                    id: p.id,
                    body_html: body.unwrap_or(p.body_html),
                    teaser_html: teaser.unwrap_or(p.teaser_html),
                })
            })
            .collect::<Vec<_>>()
    })
    .await?;
    store.set_post_html(blog_id, &changed).await?;
    Ok(changed.len() as u64)
}

/// Each upload of `homes` as the responsive picture its original's path
/// shows.
pub(super) fn pictures_of<'m>(homes: impl Iterator<Item = &'m Media>) -> HashMap<String, Picture> {
    homes
        .map(|m| (m.original.path.clone(), crate::posts::picture(m)))
        .collect()
}

/// `html` with each `<img src>` and `<a href>` whose upload `home` finds
/// pointed at that upload's original, and the images made responsive;
/// `None` when nothing changed.
pub(super) fn point_home<'m>(
    html: &str,
    home: &impl Fn(&str) -> Option<&'m Media>,
    pictures: &HashMap<String, Picture>,
) -> Option<String> {
    let moved = replace_picture_links(html, |written| {
        home(written).map(|m| m.original.path.clone())
    })?;
    Some(responsive_images(&moved, |src| pictures.get(src).cloned()).unwrap_or(moved))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_picture_at_any_size_has_one_key() {
        let big = home_key("https://1.bp.blogspot.com/-a/b/c/d/s1600/x.jpg");
        assert_eq!(
            big.as_deref(),
            Some("https://1.bp.blogspot.com/-a/b/c/d/s0/x.jpg")
        );
        assert_eq!(home_key("//1.bp.blogspot.com/-a/b/c/d/s320/x.jpg"), big);
        assert_eq!(
            home_key("http://h/x.png?a=1&amp;b=2").as_deref(),
            Some("http://h/x.png?a=1&b=2")
        );
        assert_eq!(home_key("/media/u/ab.jpg"), None);
        assert_eq!(home_key("data:image/png;base64,AA"), None);
    }
}
