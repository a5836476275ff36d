//! The row of each file served under `/media/`, kept in this process while
//! it follows the change log ([`crate::kept`]).
//!
//! Why kept: a picture's bytes come from the node's memory after its first
//! request (`tidings-web`'s `BlobCache`), and its row was then the one
//! statement left per request: on PostgreSQL a round trip, which held the
//! database store's photos to under half what nginx serves from a file.
//! A file's row never changes while it exists, so a kept row is stale only
//! once its upload is deleted, and [`Store::delete_media`] records that in
//! the change log as a change to the blog, which every node's follower
//! hands to [`Store::forget_changed`]. Only rows that exist are kept: a
//! path with none is asked again each time, so a new upload is served by
//! every node at once, and made-up paths cannot fill the memory.

use super::ServedFile;
use crate::{Result, Store};

impl Store {
    /// The uploaded file served at `path` in `blog_id`, if any: kept after
    /// its first read (see the module documentation). For serving only;
    /// a write checks the database itself ([`Store::media_file_at`]).
    pub async fn served_file(&self, blog_id: i64, path: &str) -> Result<Option<ServedFile>> {
        let read = async { self.shared().media_file_at(blog_id, path).await };
        self.kept
            .files
            .get_or_read((blog_id, path.into()), read)
            .await
    }
}
