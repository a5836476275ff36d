//! The CPU work of a request (Markdown rendering, sanitising author HTML) off
//! the async workers, on a bounded pool, within a time budget.
//!
//! The async workers are as many as the cores: a request computing on one
//! kept every request behind it waiting, `/healthz` included. Here a job runs
//! on tokio's blocking threads, at most one per core at a time, with a short
//! queue ([`QUEUE_PER_CORE`]); past it the request answers 503 with
//! `Retry-After` at once (SPEC section 6). A job still running after
//! [`BUDGET`] answers 503 too and goes on without its request, keeping its
//! place in the pool, so the pool never grows past its size.
//!
//! With the size and nesting limits (`editing.rs`, `tidings_render::MAX_NESTING`)
//! no job comes near the budget (in a release build a 1 MiB body nested 100
//! deep is checked and sanitised in 0.3 s, the costliest accepted body found
//! in 1.1 s): the budget is the backstop for what those limits do not foresee.

use std::sync::{Arc, LazyLock};
use std::time::Duration;

use tokio::sync::Semaphore;

use crate::error::AppError;

/// How long a request waits for its job, queueing included: far above what
/// the limits allow (a second or so for the costliest body in a release
/// build), well below the router's 30 s request timeout.
pub const BUDGET: Duration = Duration::from_secs(10);

/// Jobs that may wait for a core, per core.
const QUEUE_PER_CORE: usize = 4;

/// Seconds a refused client is asked to wait.
const RETRY_AFTER: u64 = 2;

struct Pool {
    /// One permit per core: the jobs running.
    running: Arc<Semaphore>,
    /// The jobs running or waiting.
    admitted: Arc<Semaphore>,
}

/// One pool for the process, like the cores it shares.
static POOL: LazyLock<Pool> = LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    Pool {
        running: Arc::new(Semaphore::new(cores)),
        admitted: Arc::new(Semaphore::new(cores * (1 + QUEUE_PER_CORE))),
    }
});

/// Runs `job` on the pool and answers its result, or 503 when the queue is
/// full or the job did not finish within [`BUDGET`].
pub async fn run<T: Send + 'static>(
    job: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    let Ok(admitted) = POOL.admitted.clone().try_acquire_owned() else {
        return Err(AppError::busy(
            "The server is busy rendering other posts. Please try again in a moment.",
            RETRY_AFTER,
        ));
    };
    let work = async move {
        let running = POOL
            .running
            .clone()
            .acquire_owned()
            .await
            .expect("the pool's semaphore is never closed");
        tokio::task::spawn_blocking(move || {
            // Held until the job ends, even when its request stopped waiting.
            let _permits = (admitted, running);
            job()
        })
        .await
    };
    match tokio::time::timeout(BUDGET, work).await {
        Ok(Ok(out)) => Ok(out),
        Ok(Err(e)) => match e.try_into_panic() {
            // A bug: the router's panic layer answers 500, as for any other.
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(_) => Err(AppError::busy("The server is shutting down.", RETRY_AFTER)),
        },
        Err(_) => {
            tracing::warn!("a render job took longer than {BUDGET:?}");
            Err(AppError::busy(
                format!(
                    "Rendering took longer than {} seconds. Please try again in a moment.",
                    BUDGET.as_secs()
                ),
                RETRY_AFTER,
            ))
        }
    }
}
