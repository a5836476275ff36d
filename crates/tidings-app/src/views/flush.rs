//! The task every `serve` node runs: this node's counts added into the
//! database every [`FLUSH_EVERY`], and once more when the node stops.

use std::sync::Arc;
use std::time::Duration;

use tidings_store::Store;

use super::Views;

/// How often counts reach the database: readers of the Stats page see a
/// view within this (and the owner's promise is ten seconds).
pub const FLUSH_EVERY: Duration = Duration::from_secs(5);

/// Flushes `views` into `store` every [`FLUSH_EVERY`], for as long as the
/// node serves.
pub async fn run(store: Store, views: Arc<Views>) {
    let mut tick = tokio::time::interval(FLUSH_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    tick.tick().await;
    loop {
        tick.tick().await;
        flush(&store, &views).await;
    }
}

/// Adds what `views` counted since the last flush. When the database
/// refuses, the counts are kept for the next flush rather than lost.
pub async fn flush(store: &Store, views: &Views) {
    let batch = views.take();
    if batch.is_empty() {
        return;
    }
    if let Err(e) = store.add_views(&batch.posts, &batch.referrers).await {
        tracing::warn!("views: cannot add this node's counts, keeping them for later: {e}");
        views.put_back(batch);
    }
}
