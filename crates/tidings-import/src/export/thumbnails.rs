//! Featured images in a WordPress export: WordPress names a post's featured
//! image by an attachment's id (`_thumbnail_id`), so each featured image is
//! the attachment it came from where the blog has one (by its old address
//! or our copy's path), else an attachment item of its own, at its absolute
//! address, which WordPress's importer fetches.

use std::collections::HashMap;

use tidings_store::{ExportSnapshot, ImportAttachment};

/// Each post's featured image as an attachment id (by the post's external
/// id), and the attachments to write for those the blog has no record of.
pub(super) fn thumbnails(
    snap: &ExportSnapshot,
    base: &str,
) -> (HashMap<String, String>, Vec<ImportAttachment>) {
    let mut next = snap
        .posts
        .iter()
        .map(|p| p.external_id.as_str())
        .chain(snap.attachments.iter().map(|a| a.external_id.as_str()))
        .filter_map(|id| id.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    let mut ids = HashMap::new();
    let mut extra: Vec<ImportAttachment> = Vec::new();
    for p in snap.posts.iter().filter(|p| !p.featured_image.is_empty()) {
        let address = p.featured_image.as_str();
        let absolute = if address.starts_with('/') {
            format!("{base}{address}")
        } else {
            address.to_owned()
        };
        let known = snap.attachments.iter().chain(&extra).find(|a| {
            a.url == address || a.url == absolute || a.local_path.as_deref() == Some(address)
        });
        let id = match known {
            Some(a) => a.external_id.clone(),
            None => {
                next += 1;
                extra.push(ImportAttachment {
                    external_id: next.to_string(),
                    url: absolute,
                    title: p.title.clone(),
                    post: Some(p.external_id.clone()),
                    mime_type: None,
                    uploaded_at: p.published_at,
                    local_path: None,
                });
                next.to_string()
            }
        };
        ids.insert(p.external_id.clone(), id);
    }
    (ids, extra)
}
