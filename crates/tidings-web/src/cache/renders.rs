//! The bound on work the render cache cannot answer.
//!
//! A kept page costs microseconds; a page rendered for the request (a
//! search, a page nobody asked for lately, the admin, the API) costs
//! milliseconds of a core. Unbounded, a few clients asking for distinct
//! uncached pages took most of the machine from every reader of kept pages
//! (measured: the cached home page fell to a quarter of its requests/s while
//! 8 clients searched). So only so many renders run at once (twice the cores
//! by default: a render also waits for the database), as many again may
//! wait in line for at most [`MAX_WAIT`], and past that line a request is
//! refused at once with 503 and `Retry-After`. Kept pages never pass here.
//!
//! Renders also run on threads of their own, one per core, below the
//! operating system's priority of the threads that answer from the cache
//! ([`NICE`]). On the same threads, a search's few milliseconds of SQLite
//! and template held a thread while dozens of kept pages waited behind it;
//! with a thread of their own the kernel shares the cores, and an idle
//! machine still gives renders all of them.
//!
//! Only reads (GET and HEAD) are bounded. A write may read its body slowly,
//! which would hold a place without using a core; writes have their own
//! limits (rate limits, the line for password hashing).

use std::future::Future;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::response::{IntoResponse, Response};
use tidings_store::Store;
use tokio::runtime::Runtime;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::AppError;

/// Longest a request waits in line for a render to finish: a render takes
/// milliseconds, so a line that does not move in this time is not going to.
const MAX_WAIT: Duration = Duration::from_secs(2);

/// Seconds a refused reader is asked to wait.
const RETRY_AFTER: u64 = 1;

/// The nice value of render threads: under a flood the kernel gives the
/// threads answering kept pages the larger share of the cores (measured on
/// 2 cores with 8 clients searching: at 0 the cached home page kept 0.37 of
/// its requests/s, at 2 0.80, at 5 0.88 but searches slowed further).
const NICE: i32 = 2;

/// The renders running and the line waiting for them; see the module.
pub struct Renders {
    /// One permit per render that may run.
    running: Arc<Semaphore>,
    /// Running and waiting together: past this, refuse.
    admitted: Arc<Semaphore>,
    /// The render threads; `None` if they could not be started (renders
    /// then run where the request arrived).
    threads: Option<Runtime>,
    /// The store renders read through, with PostgreSQL connections of the
    /// render threads' own; made at the first render.
    store: OnceLock<Store>,
    at_once: usize,
}

/// A render's place: held until its answer is built.
pub struct Rendering {
    _running: OwnedSemaphorePermit,
    _place: OwnedSemaphorePermit,
}

impl Renders {
    /// At most `at_once` renders run and as many wait; `None`: unbounded
    /// (the static render, which sets its own pace).
    pub fn new(at_once: Option<usize>) -> Option<Self> {
        let at_once = at_once?.max(1);
        let threads = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(std::thread::available_parallelism().map_or(1, usize::from))
            .thread_name("tidings-render")
            .on_thread_start(|| {
                // Raising one's own nice value needs no privilege.
                // On Linux the nice value is the calling thread's own.
                if let Err(e) = rustix::process::setpriority_process(None, NICE) {
                    tracing::warn!("render threads keep the usual priority: {e}");
                }
                // These threads exist for renders: their SQLite reads run
                // in place, with no hand-over to another thread.
                tidings_store::reads_may_block_here();
            })
            .enable_all()
            .build()
            .inspect_err(|e| tracing::warn!("renders share the request threads: {e}"))
            .ok();
        Some(Self {
            running: Arc::new(Semaphore::new(at_once)),
            admitted: Arc::new(Semaphore::new(2 * at_once)),
            threads,
            store: OnceLock::new(),
            at_once,
        })
    }

    /// The store a render reads through: `shared` with connections the
    /// render threads opened (see `Store::with_own_connections`), one per
    /// render that may run.
    pub fn store(&self, shared: &Store) -> Store {
        let Some(threads) = &self.threads else {
            return shared.clone();
        };
        self.store
            .get_or_init(|| {
                let _on_render_threads = threads.enter();
                let max = u32::try_from(self.at_once).unwrap_or(u32::MAX);
                shared.with_own_connections(max).unwrap_or_else(|e| {
                    tracing::warn!("renders share the request threads' connections: {e}");
                    shared.clone()
                })
            })
            .clone()
    }

    /// Twice the cores: renders that wait for the database leave their
    /// core to another.
    pub fn default_at_once() -> usize {
        2 * std::thread::available_parallelism().map_or(1, usize::from)
    }

    /// Waits for a render's turn, or answers the 503 that refuses it.
    pub async fn admit(&self) -> Result<Rendering, AppError> {
        let place = Arc::clone(&self.admitted)
            .try_acquire_owned()
            .map_err(|_| busy())?;
        let running = tokio::time::timeout(MAX_WAIT, Arc::clone(&self.running).acquire_owned())
            .await
            .map_err(|_| busy())?
            .map_err(|_| busy())?;
        Ok(Rendering {
            _running: running,
            _place: place,
        })
    }
}

impl Rendering {
    /// Runs `render` on the render threads, keeping this place until it
    /// ends, even when the reader hangs up meanwhile: the work goes on, so
    /// its place must stay taken.
    pub async fn run(
        self,
        renders: &Renders,
        render: impl Future<Output = Response> + Send + 'static,
    ) -> Response {
        let Some(threads) = &renders.threads else {
            return render.await;
        };
        let render = threads.spawn(async move {
            let _place = self;
            render.await
        });
        render.await.unwrap_or_else(|e| {
            tracing::error!("a render failed: {e}");
            AppError::internal().into_response()
        })
    }
}

impl Drop for Renders {
    fn drop(&mut self) {
        // Dropping a runtime waits for its threads, which async code must
        // not do; what is left of the renders is dropped with them.
        if let Some(threads) = self.threads.take() {
            threads.shutdown_background();
        }
    }
}

fn busy() -> AppError {
    AppError::busy(
        "This blog is busy with other readers' requests right now. Please try again in a moment.",
        RETRY_AFTER,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn past_the_line_a_render_is_refused_at_once() {
        let renders = Renders::new(Some(1)).unwrap();
        let first = renders.admit().await.unwrap();
        let renders = Arc::new(renders);
        let waiting = tokio::spawn({
            let renders = Arc::clone(&renders);
            async move { renders.admit().await.is_ok() }
        });
        tokio::task::yield_now().await;
        let refused = renders.admit().await.err().expect("the line is full");
        assert_eq!(refused.status, axum::http::StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(refused.retry_after, Some(RETRY_AFTER));
        drop(first);
        assert!(waiting.await.unwrap(), "the one in line renders next");
    }
}
