//! The trash's end: posts and pages trashed more than [`Post::TRASH_DAYS`]
//! days ago are removed for good, with their comments, by a task every
//! serving node runs (whichever gets there first removes each; the others
//! find it gone).

use chrono::{DateTime, Duration, Utc};
use tidings_core::Post;
use tidings_store::Store;

use crate::Error;

/// How often a node looks for posts due to leave the trash.
const EVERY: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// Removes every post trashed before `now` less [`Post::TRASH_DAYS`];
/// answers how many.
pub async fn empty(store: &Store, now: DateTime<Utc>) -> Result<u64, Error> {
    Ok(store
        .purge_trash(now - Duration::days(Post::TRASH_DAYS))
        .await?)
}

/// Runs until the process ends: at start, then every hour.
pub async fn run(store: Store) {
    loop {
        match empty(&store, Utc::now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(
                "trash: removed {n} posts trashed over {} days ago",
                Post::TRASH_DAYS
            ),
            Err(e) => tracing::warn!("trash: cannot empty it: {e}"),
        }
        tokio::time::sleep(EVERY).await;
    }
}
