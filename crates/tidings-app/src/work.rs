//! The policy for a use case's CPU work (Markdown rendering, sanitising
//! author HTML, Argon2 password checks and hashes, pictures): off the async workers,
//! one job per core at a time, behind short lines, within a time budget.
//! The web and the CLI both reach it through the use cases, so a post saved
//! by `--demo` renders exactly as one saved by a request, and no caller can
//! forget the bound.
//!
//! The async workers are as many as the cores: a request computing on one
//! kept every request behind it waiting, `/healthz` included. Here a job runs
//! on tokio's blocking threads, at most one per core at a time whatever its
//! kind, so renders and password checks together never take more than the
//! cores. Each kind waits in a line of its own, a few per core: past it the
//! use case answers [`Error::Busy`] at once (the web: 503 with
//! `Retry-After`), so a flood of sign-ins cannot fill the editor's line, nor
//! a flood of previews the sign-in form's. A job still running after
//! [`BUDGET`] answers `Busy` too and goes on without its caller, keeping its
//! place, so the pool never grows past its size.
//!
//! With the size and nesting limits ([`crate::posts::MAX_BODY_BYTES`],
//! `tidings_render::MAX_NESTING`) no render comes near the budget (in a
//! release build a 1 MiB body nested 100 deep is checked and sanitised in
//! 0.3 s, the costliest accepted body found in 1.1 s): the budget is the
//! backstop for what those limits do not foresee. An Argon2 check takes tens
//! of milliseconds and about 19 MiB, which is why its line is short: run
//! without a bound, a few hundred at once took the server past 2 GB.

use std::sync::{Arc, LazyLock};
use std::time::Duration;

use tokio::sync::Semaphore;

use crate::Error;

/// How long a request waits for its job, queueing included: far above what
/// the limits allow (a second or so for the costliest body in a release
/// build), well below the router's 30 s request timeout.
pub const BUDGET: Duration = Duration::from_secs(10);

/// Seconds a refused client is asked to wait.
const RETRY_AFTER: u64 = 2;

/// One permit per core: the jobs running, of every kind.
static CORES: LazyLock<(usize, Arc<Semaphore>)> = LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    (cores, Arc::new(Semaphore::new(cores)))
});

/// The line of one kind of job.
struct Line {
    /// The jobs of this kind running or waiting.
    admitted: Arc<Semaphore>,
    /// Refused because the line is full.
    full: &'static str,
    /// Refused because the job outlasted [`BUDGET`].
    slow: &'static str,
}

impl Line {
    fn new(waiting_per_core: usize, full: &'static str, slow: &'static str) -> Self {
        Self {
            admitted: Arc::new(Semaphore::new(CORES.0 * (1 + waiting_per_core))),
            full,
            slow,
        }
    }
}

static RENDERS: LazyLock<Line> = LazyLock::new(|| {
    Line::new(
        4,
        "The server is busy rendering other posts. Please try again in a moment.",
        "Rendering took longer than 10 seconds. Please try again in a moment.",
    )
});

static PASSWORDS: LazyLock<Line> = LazyLock::new(|| {
    Line::new(
        8,
        "The server is busy checking other passwords. Try again in a moment.",
        "Checking the password took longer than 10 seconds. Try again in a moment.",
    )
});

/// Pictures: one waits per core. Each holds a decoded photo (72 MB for 24
/// megapixels) for a second or so, so the line is short: memory, not
/// patience, is what it protects.
static IMAGES: LazyLock<Line> = LazyLock::new(|| {
    Line::new(
        1,
        "The server is busy with other pictures. Please try again in a moment.",
        "The picture took longer than 10 seconds to process. Please try a smaller one.",
    )
});

/// Processes an uploaded picture on the pool (`tidings_media::process`):
/// [`Error::Busy`] when the pictures' line is full or it outlasts [`BUDGET`].
pub async fn process_image(
    bytes: Vec<u8>,
) -> Result<Result<tidings_media::Processed, tidings_media::Refusal>, Error> {
    run_in(&IMAGES, move || tidings_media::process(&bytes)).await
}

/// Runs a render `job` on the pool and answers its result, or
/// [`Error::Busy`] when its line is full or the job did not finish within
/// [`BUDGET`].
pub async fn run<T: Send + 'static>(job: impl FnOnce() -> T + Send + 'static) -> Result<T, Error> {
    run_in(&RENDERS, job).await
}

/// A new Argon2id hash of `password`, made on the pool: what a use case
/// that stores a password is given (the command line hashes in its own
/// process, with nothing to share).
pub async fn hash_password(password: &str) -> Result<String, Error> {
    let password = password.to_owned();
    run_in(&PASSWORDS, move || {
        // Argon2 with its default parameters refuses only passwords of 4 GiB
        // and more, far past every way in's limit, or an OS without random
        // numbers, which no request could help.
        tidings_core::password::hash(&password).expect("Argon2 hashes a checked password")
    })
    .await
}

/// Whether `password` matches an account's stored hash (`None`: no such
/// account, checked against a dummy at the same cost), on the pool.
pub(crate) async fn verify_password(password: &str, stored: Option<&str>) -> Result<bool, Error> {
    let (password, stored) = (password.to_owned(), stored.map(str::to_owned));
    run_in(&PASSWORDS, move || {
        tidings_core::password::verify_account(&password, stored.as_deref())
    })
    .await
}

async fn run_in<T: Send + 'static>(
    line: &'static Line,
    job: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Error> {
    let Ok(admitted) = line.admitted.clone().try_acquire_owned() else {
        return Err(busy(line.full));
    };
    let work = async move {
        let running = CORES
            .1
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
            Err(_) => Err(busy("The server is shutting down.")),
        },
        Err(_) => {
            tracing::warn!("a job took longer than {BUDGET:?}: {}", line.slow);
            Err(busy(line.slow))
        }
    }
}

fn busy(message: &str) -> Error {
    Error::Busy {
        message: message.into(),
        retry_after: RETRY_AFTER,
    }
}
