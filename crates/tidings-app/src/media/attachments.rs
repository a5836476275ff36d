//! A WordPress blog's attachments brought home (`import wordpress
//! --fetch-media`): each attachment that is a picture kept as an upload,
//! as Blogger's pictures are ([`super::moved`]), then the posts' pictures
//! and links, their featured images and the attachments' rows pointed at
//! the uploads in one transaction, so an export names our copy.
//!
//! A post names an attachment by its address over http or https, with a
//! query (WordPress.com's `?w=300`) or without, or by a copy WordPress made
//! of it, `name-300x200.jpg` of `name.jpg`; a large original's copies are
//! named after the original even when the attachment is its `-scaled`
//! version, and a picture edited in WordPress (`name-e1234567890.jpg`) is
//! still shown by its earlier copies in older posts. All of them become the
//! upload's original, whose copies the page's `srcset` then offers. Pictures
//! a post shows from anywhere else are fetched as Blogger's are.
//!
//! An attachment that is not a picture (audio, video, PDF) keeps its old
//! address: uploads are pictures.

use std::collections::{HashMap, HashSet};

use tidings_core::picture_url::wordpress_original;
use tidings_render::{featured_image, image_sources, responsive_images};
use tidings_store::{Attachment, AttachmentHome, Media, PostPictures, Store};

use super::moved::{home_key, pictures_of, point_home};
use crate::{Error, work};

/// What to fetch for a blog.
#[derive(Debug, Default)]
pub struct Plan {
    /// Each address to fetch once: the attachments without an upload, then
    /// the pictures posts show from elsewhere (by [`home_key`]).
    pub wanted: Vec<String>,
    /// The attachments left where they are since the export says they are
    /// not pictures, as `URL (type)`.
    pub not_pictures: Vec<String>,
}

/// What `blog_id` still has to fetch: every picture attachment no upload
/// holds yet, and every picture its posts show (in a body or as a
/// featured image) from elsewhere that is none of its attachments.
pub async fn plan(store: &Store, blog_id: i64) -> Result<Plan, Error> {
    let attachments = store.attachments(blog_id).await?;
    let index = Index::new(&attachments);
    let mut plan = Plan::default();
    let mut seen = HashSet::new();
    for a in index.missing() {
        match a.mime_type.as_deref() {
            Some(kind) if !kind.starts_with("image/") => {
                plan.not_pictures.push(format!("{} ({kind})", a.url));
            }
            _ => {
                if seen.insert(a.url.clone()) {
                    plan.wanted.push(a.url.clone());
                }
            }
        }
    }
    for p in store.post_pictures(blog_id).await? {
        let shown = image_sources(&p.body_html)
            .into_iter()
            .chain(Some(p.featured_image).filter(|f| !f.is_empty()));
        for src in shown {
            if index.find(&src).is_none()
                && let Some(key) = home_key(&src)
                && seen.insert(key.clone())
            {
                plan.wanted.push(key);
            }
        }
    }
    Ok(plan)
}

/// Points `blog_id` at the uploads `fetched` holds (by the address each
/// was fetched from, as [`plan`] named it), and at those earlier runs made
/// of its attachments: each post's `<img src>` and `<a href>` naming one of
/// them in any form becomes the upload's original and its images are made
/// responsive, its featured image too, and each attachment fetched records
/// its upload. Answers how many posts changed; all of it changes in one
/// transaction.
pub async fn point_posts_home(
    store: &Store,
    blog_id: i64,
    mut fetched: HashMap<String, Media>,
) -> Result<u64, Error> {
    let attachments = store.attachments(blog_id).await?;
    let mut rows = Vec::new();
    {
        let index = Index::new(&attachments);
        for a in index.missing() {
            if let Some(m) = fetched.get(&a.url) {
                rows.push(AttachmentHome {
                    attachment_id: a.id,
                    path: m.original.path.clone(),
                    mime_type: m.original.mime_type.clone(),
                });
            }
        }
    }
    // Attachments an earlier run brought home, so a post still naming one
    // (its run stopped before the posts were pointed) is pointed now.
    for a in &attachments {
        if let Some(path) = a
            .local_path
            .as_deref()
            .filter(|p| p.starts_with("/media/u/"))
            && !fetched.contains_key(&a.url)
            && let Some(m) = upload_at(store, blog_id, path).await?
        {
            fetched.insert(a.url.clone(), m);
        }
    }
    if fetched.is_empty() {
        return Ok(0);
    }
    let posts = store.post_pictures(blog_id).await?;
    let changed = work::run(move || {
        let index = Index::new(&attachments);
        let pictures = pictures_of(fetched.values());
        let home = |written: &str| {
            index
                .find(written)
                .and_then(|a| fetched.get(&a.url))
                .or_else(|| home_key(written).and_then(|key| fetched.get(&key)))
        };
        posts
            .into_iter()
            .filter_map(|p| {
                let body = point_home(&p.body_html, &home, &pictures);
                let teaser = point_home(&p.teaser_html, &home, &pictures);
                let featured = home(&p.featured_image).map(|m| {
                    let path = m.original.path.clone();
                    let html = featured_image(&path);
                    let html =
                        responsive_images(&html, |src| pictures.get(src).cloned()).unwrap_or(html);
                    (path, html)
                });
                (body.is_some() || teaser.is_some() || featured.is_some()).then(|| {
                    let (featured_image, featured_image_html) =
                        featured.unwrap_or((p.featured_image, p.featured_image_html));
                    PostPictures {
                        id: p.id,
                        body_html: body.unwrap_or(p.body_html),
                        teaser_html: teaser.unwrap_or(p.teaser_html),
                        featured_image,
                        featured_image_html,
                    }
                })
            })
            .collect::<Vec<_>>()
    })
    .await?;
    store.attachments_home(blog_id, &rows, &changed).await?;
    Ok(changed.len() as u64)
}

/// The upload whose original is at `path`, if it is still there.
async fn upload_at(store: &Store, blog_id: i64, path: &str) -> Result<Option<Media>, Error> {
    let Some(file) = store.media_file_at(blog_id, path).await? else {
        return Ok(None);
    };
    let media = store.find_media(blog_id, file.media_id).await?;
    Ok(media.filter(|m| m.original.path == path))
}

/// A blog's attachments by the forms of address posts name them by; of
/// several attachments at one address (over http and https, say), the
/// first stands for all.
struct Index<'a> {
    attachments: &'a [Attachment],
    /// By [`key`]: the first attachment at each address.
    exact: HashMap<String, usize>,
    /// By the [`key`] of the original a `-scaled` or edited (`-e…`)
    /// attachment was made from, where no attachment is at that address.
    made_from: HashMap<String, usize>,
}

impl<'a> Index<'a> {
    fn new(attachments: &'a [Attachment]) -> Self {
        let mut exact = HashMap::new();
        let mut made_from = HashMap::new();
        for (i, a) in attachments.iter().enumerate() {
            let Some(k) = key(&a.url) else { continue };
            if let Some(original) = unedited(&k) {
                made_from.entry(original).or_insert(i);
            }
            exact.entry(k).or_insert(i);
        }
        Self {
            attachments,
            exact,
            made_from,
        }
    }

    /// The attachment an address a post writes names, if any: the
    /// attachment itself, the original it was made from, or one of
    /// WordPress's sized copies of either.
    fn find(&self, written: &str) -> Option<&'a Attachment> {
        let k = key(written)?;
        let at = |k: &str| {
            self.exact
                .get(k)
                .or_else(|| self.made_from.get(k))
                .map(|&i| &self.attachments[i])
        };
        at(&k).or_else(|| at(&wordpress_original(&k)?))
    }

    /// The attachments without an upload or copy of ours, in the order
    /// they were recorded: the first at each address, unless another at
    /// that address has one.
    fn missing(&self) -> Vec<&'a Attachment> {
        let home: HashSet<String> = self
            .attachments
            .iter()
            .filter(|a| a.local_path.is_some())
            .filter_map(|a| key(&a.url))
            .collect();
        let mut firsts: Vec<usize> = self
            .exact
            .iter()
            .filter(|(k, _)| !home.contains(*k))
            .map(|(_, &i)| i)
            .collect();
        firsts.sort_unstable();
        firsts
            .into_iter()
            .map(|i| &self.attachments[i])
            .filter(|a| a.local_path.is_none())
            .collect()
    }
}

/// An address as this module compares it: `//host/path`, whatever its
/// scheme (http or https), without its query or fragment, `&amp;` read as
/// `&`. `None` for an address on no other server.
fn key(address: &str) -> Option<String> {
    let address = address.trim().replace("&amp;", "&");
    let rest = address
        .strip_prefix("https:")
        .or_else(|| address.strip_prefix("http:"))
        .unwrap_or(&address);
    if !rest.starts_with("//") {
        return None;
    }
    let end = rest.find(['?', '#']).unwrap_or(rest.len());
    Some(rest[..end].to_owned())
}

/// The address of the picture `-scaled` (WordPress's copy of a large
/// upload) or `-e1234567890` (an edit) was made from; `None` for others.
fn unedited(address: &str) -> Option<String> {
    let (dir, name) = address.rsplit_once('/')?;
    let (stem, ext) = name.rsplit_once('.')?;
    let base = stem.strip_suffix("-scaled").or_else(|| {
        let (base, edit) = stem.rsplit_once("-e")?;
        ((10..=13).contains(&edit.len()) && edit.bytes().all(|b| b.is_ascii_digit()))
            .then_some(base)
    })?;
    (!base.is_empty()).then(|| format!("{dir}/{base}.{ext}"))
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;

    fn attachment(id: i64, url: &str) -> Attachment {
        Attachment {
            id,
            post_id: None,
            url: url.to_owned(),
            title: String::new(),
            mime_type: None,
            uploaded_at: Utc::now(),
            local_path: None,
        }
    }

    #[test]
    fn posts_name_attachments_in_all_of_wordpress_forms() {
        let up = "https://old.example/wp-content/uploads/2013/03";
        let all = [
            attachment(1, &format!("{up}/lake.jpg")),
            attachment(2, &format!("{up}/wide-scaled.jpg")),
            attachment(3, &format!("{up}/barn-e1364500000123.png")),
            // The Theme Unit Test's attachments whose own names look sized.
            attachment(4, &format!("{up}/image-alignment-580x300.jpg")),
            attachment(5, &format!("{up}/image-alignment-150x150.jpg")),
            attachment(6, "http://old.example/wp-content/uploads/2013/03/lake.jpg"),
        ];
        let index = Index::new(&all);
        let found = |written: &str| index.find(written).map(|a| a.id);
        let http = up.replace("https:", "http:");
        for (written, id) in [
            (format!("{up}/lake.jpg"), Some(1)),
            (format!("{http}/lake.jpg?w=300"), Some(1)),
            (format!("{up}/lake-300x200.jpg"), Some(1)),
            (
                format!("{}/lake-1024x768.jpg", up.replace("https:", "")),
                Some(1),
            ),
            (format!("{up}/wide-scaled.jpg"), Some(2)),
            (format!("{up}/wide-1024x683.jpg"), Some(2)),
            (format!("{up}/wide.jpg"), Some(2)),
            (format!("{up}/barn-e1364500000123-300x200.png"), Some(3)),
            (format!("{up}/barn-300x200.png"), Some(3)),
            (format!("{up}/image-alignment-580x300.jpg"), Some(4)),
            (format!("{up}/image-alignment-150x150.jpg"), Some(5)),
            (format!("{up}/image-alignment-300x200.jpg"), None),
            (format!("{up}/lake.jpg.webp"), None),
            (format!("{up}/lake-b.jpg"), None),
            ("/media/u/ab.jpg".to_owned(), None),
        ] {
            assert_eq!(found(&written), id, "{written}");
        }
        // One attachment stands for its address over either scheme.
        let missing: Vec<i64> = index.missing().iter().map(|a| a.id).collect();
        assert_eq!(missing, [1, 2, 3, 4, 5]);
        let mut with_home = all.clone();
        with_home[5].local_path = Some("/media/u/ab.jpg".into());
        let missing: Vec<i64> = Index::new(&with_home)
            .missing()
            .iter()
            .map(|a| a.id)
            .collect();
        assert_eq!(missing, [2, 3, 4, 5]);
    }

    #[test]
    fn only_wordpress_edits_and_scaled_copies_have_an_original() {
        assert_eq!(
            unedited("//h/a/wide-scaled.jpg").as_deref(),
            Some("//h/a/wide.jpg")
        );
        assert_eq!(
            unedited("//h/a/barn-e1364500000.png").as_deref(),
            Some("//h/a/barn.png")
        );
        for same in [
            "//h/a/lake.jpg",
            "//h/a/top-e12.jpg",
            "//h/a/-scaled.jpg",
            "//h/a/x-e12345678901x.jpg",
        ] {
            assert_eq!(unedited(same), None, "{same}");
        }
    }
}
