//! `import … --fetch-media`'s fetching, of Blogger's pictures and
//! WordPress's attachments alike: each picture fetched by the hardened
//! client (`super::fetch_bytes`) and kept as an upload
//! (`tidings_app::media::moved::keep`), a few at once: the fetches wait on
//! the network while the pictures already fetched are processed on the
//! pool.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use anyhow::Context;
use tidings_store::{Blobs, Media, Store};

use super::{FetchOptions, client, fetch_bytes};

/// What a fetch kept: each picture's upload by its address, and each
/// failure as `URL: why`, in the order the pictures were asked for.
#[derive(Debug, Default)]
pub struct Kept {
    pub homes: HashMap<String, Media>,
    pub failed: Vec<String>,
}

/// Fetches each of `wanted` and keeps it as an upload of `blog_id` in
/// `blobs`, calling `progress` after each. Two pictures per core are in
/// hand at once: as many as the pool's line for pictures takes, so none is
/// refused as busy.
pub async fn fetch_and_keep(
    store: &Store,
    blobs: Arc<dyn Blobs>,
    blog_id: i64,
    wanted: Vec<String>,
    options: FetchOptions,
    progress: impl Fn() + Send + Sync + 'static,
) -> anyhow::Result<Kept> {
    let runtime = tokio::runtime::Handle::current();
    let store = store.clone();
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()) * 2;
    tokio::task::spawn_blocking(move || {
        let agent = client(&options);
        let next = AtomicUsize::new(0);
        let done = Mutex::new(Vec::with_capacity(wanted.len()));
        std::thread::scope(|s| {
            for _ in 0..workers.min(wanted.len()) {
                s.spawn(|| {
                    while let Some(url) = wanted.get(next.fetch_add(1, Ordering::Relaxed)) {
                        let kept = fetch_bytes(&agent, url, &options).and_then(|bytes| {
                            let now = chrono::Utc::now();
                            runtime
                                .block_on(tidings_app::media::moved::keep(
                                    &store, &*blobs, blog_id, bytes, now,
                                ))
                                .map_err(anyhow::Error::from)
                        });
                        done.lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .push((url.clone(), kept));
                        progress();
                    }
                });
            }
        });
        let mut done = done.into_inner().unwrap_or_else(|e| e.into_inner());
        let order: HashMap<&String, usize> = wanted.iter().zip(0..).collect();
        done.sort_by_key(|(url, _)| order.get(url).copied());
        let mut kept = Kept::default();
        for (url, outcome) in done {
            match outcome {
                Ok(media) => {
                    kept.homes.insert(url, media);
                }
                Err(e) => kept.failed.push(format!("{url}: {e:#}")),
            }
        }
        kept
    })
    .await
    .context("fetching pictures stopped")
}
