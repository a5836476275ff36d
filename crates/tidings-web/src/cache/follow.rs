//! Following the change log, so nothing this node keeps (cached pages, the
//! store's blog for each host and rows of served files) outlives the write
//! that made it stale: after this node's own writes, when PostgreSQL
//! announces a commit, and on a poll (writes from the CLI or another SQLite
//! process, a lost announcement).
//! Every serving node follows, with or without the page cache.

use std::time::Duration;

use super::deps::tags_of;
use crate::AppState;

/// How often the log is read without being woken. On SQLite this bounds how
/// long a CLI import or a second process's write can go unseen (a read of an
/// empty range of the log's primary key, ten times a second).
pub const POLL: Duration = Duration::from_millis(100);

/// The same while PostgreSQL's `NOTIFY` wakes us for every change: only a
/// safety net then.
const POLL_LISTENING: Duration = Duration::from_secs(1);

/// Rows read per query while catching up.
const BATCH: u32 = 1000;

/// How often one node prunes the log of old rows.
const PRUNE_EVERY: Duration = Duration::from_secs(3600);

/// Where this node is in the log. The lock makes catching up one at a time,
/// so no change is applied twice or skipped.
#[derive(Default)]
pub struct Follower {
    last: tokio::sync::Mutex<Option<i64>>,
}

/// Reads every change after the last one seen, makes its pages stale and has
/// the store forget the blogs it keeps. A database error leaves the position
/// where it was: the next call retries, and until then pages are at worst as
/// stale as the database is unreachable.
pub async fn catch_up(state: &AppState) {
    let store = &state.store;
    let mut last = state.follower.last.lock().await;
    let Some(mut after) = *last else {
        // Not started yet: nothing is cached from before the start.
        return;
    };
    loop {
        let batch = match store.changes_after(after, BATCH).await {
            Ok(b) => b,
            Err(e) => {
                tracing::warn!("reading the change log: {e}");
                return;
            }
        };
        store.forget_changed(&batch);
        forget_themes(state, &batch);
        if let Some(cache) = &state.cache {
            if batch.gap {
                cache.versions.bump_all();
            }
            for change in &batch.changes {
                cache.versions.bump(&tags_of(change));
            }
        }
        if let Some(change) = batch.changes.last() {
            after = change.id;
        }
        *last = Some(after);
        if batch.changes.len() < BATCH as usize {
            return;
        }
    }
}

/// A blog whose settings may have changed has its theme read again at its
/// next page: saving the settings is how an owner asks for that.
fn forget_themes(state: &AppState, batch: &tidings_store::ChangeBatch) {
    if batch.gap {
        state.themes.forget_all();
    }
    for change in &batch.changes {
        if change.scope == tidings_store::Scope::Blog {
            state.themes.forget(change.blog_id);
        }
    }
}

/// Runs for the life of the server: starts at the end of the log, then
/// catches up whenever woken or polled.
pub async fn follow(state: AppState) {
    let store = &state.store;
    loop {
        match store.last_change().await {
            Ok(id) => {
                // Pages cached before the start (none, normally) are dropped.
                if let Some(cache) = &state.cache {
                    cache.versions.bump_all();
                }
                *state.follower.last.lock().await = Some(id);
                store.following_changes();
                break;
            }
            Err(e) => {
                tracing::warn!("reading the change log: {e}");
                tokio::time::sleep(POLL).await;
            }
        }
    }
    let mut listener = None;
    let mut pruned = tokio::time::Instant::now();
    loop {
        if listener.is_none() {
            listener = store.change_listener().await.unwrap_or_else(|e| {
                tracing::warn!("listening for changes: {e}");
                None
            });
        }
        match listener.as_mut() {
            Some(l) => {
                tokio::select! {
                    woken = l.wait() => if woken.is_err() {
                        // Announcements may have been lost with the
                        // connection: read the log, then listen again.
                        listener = None;
                    },
                    () = tokio::time::sleep(POLL_LISTENING) => {}
                }
            }
            None => tokio::time::sleep(POLL).await,
        }
        catch_up(&state).await;
        if pruned.elapsed() >= PRUNE_EVERY {
            pruned = tokio::time::Instant::now();
            if let Err(e) = store.prune_changes(chrono::Utc::now()).await {
                tracing::warn!("pruning the change log: {e}");
            }
        }
    }
}
