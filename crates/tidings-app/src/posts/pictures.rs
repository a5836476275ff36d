//! Uploaded pictures a body shows, made responsive as the body is saved
//! (`tidings_render::responsive_images`): readers' pages then only fetch
//! and format, as everywhere else.

use std::collections::{BTreeSet, HashMap};

use tidings_render::{Picture, image_sources, responsive_images};
use tidings_store::{Media, Store};

use crate::{Error, work};

/// At most this many different uploads are looked up for one body.
const MAX_PICTURES: usize = 200;

/// `html` with each upload it shows (by its original's path) given its
/// size, copies and alt text; other images are left as they are.
pub(crate) async fn responsive(store: &Store, blog_id: i64, html: String) -> Result<String, Error> {
    let sources: BTreeSet<String> = image_sources(&html)
        .into_iter()
        .filter(|src| src.starts_with("/media/u/"))
        .take(MAX_PICTURES)
        .collect();
    if sources.is_empty() {
        return Ok(html);
    }
    let mut found = HashMap::new();
    for src in sources {
        let Some(file) = store.media_file_at(blog_id, &src).await? else {
            continue;
        };
        let Some(media) = store.find_media(blog_id, file.media_id).await? else {
            continue;
        };
        if media.original.path == src {
            found.insert(src, picture(&media));
        }
    }
    work::run(move || responsive_images(&html, |src| found.get(src).cloned()).unwrap_or(html)).await
}

/// The copies in the original's own format (every browser takes it) and
/// the original, narrowest first.
pub(crate) fn picture(media: &Media) -> Picture {
    let mut sources: Vec<(String, u32)> = media
        .files
        .iter()
        .filter(|f| f.variant && f.mime_type == media.original.mime_type)
        .map(|f| (f.path.clone(), f.width))
        .collect();
    sources.sort_by_key(|(_, w)| *w);
    sources.push((media.original.path.clone(), media.original.width));
    Picture {
        width: media.original.width,
        height: media.original.height,
        alt: media.alt.clone(),
        sources,
    }
}
