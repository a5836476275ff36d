//! Argon2 work, bounded.
//!
//! Each password check or hash takes about 19 MiB and tens of milliseconds
//! of a core (Argon2id's defaults). Run without a bound, a few hundred at
//! once took the server past 2 GB. So at most one runs per core,
//! a short line waits for them, and past that line a request is refused at
//! once with 503 and `Retry-After`, which tells a client when to try
//! again: memory stays bounded whatever arrives.

use std::sync::Arc;

use axum::http::StatusCode;
use tokio::sync::Semaphore;

use crate::error::AppError;

/// Requests that may wait for a core, per core.
const WAITING_PER_CORE: usize = 8;

pub struct Hashing {
    /// One permit per core: the hashes running.
    running: Arc<Semaphore>,
    /// Running and waiting together: past this, refuse.
    admitted: Arc<Semaphore>,
}

/// A place in line for one hash: held from admission to the end of the work.
pub struct Admitted {
    running: Arc<Semaphore>,
    _place: tokio::sync::OwnedSemaphorePermit,
}

impl Default for Hashing {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        Self {
            running: Arc::new(Semaphore::new(cores)),
            admitted: Arc::new(Semaphore::new(cores * (1 + WAITING_PER_CORE))),
        }
    }
}

impl Hashing {
    /// A place in line, or the 503 to answer when the line is full.
    pub fn admit(&self) -> Result<Admitted, AppError> {
        let place = Arc::clone(&self.admitted)
            .try_acquire_owned()
            .map_err(|_| busy())?;
        Ok(Admitted {
            running: Arc::clone(&self.running),
            _place: place,
        })
    }

    /// Whether `password` matches the account's stored hash (`None`: no such
    /// account, checked against a dummy at the same cost).
    pub async fn verify(&self, password: &str, stored: Option<&str>) -> Result<bool, AppError> {
        let (password, stored) = (password.to_owned(), stored.map(str::to_owned));
        self.admit()?
            .run(move || tidings_core::password::verify_account(&password, stored.as_deref()))
            .await
    }

    /// A new Argon2id hash of `password`.
    pub async fn hash(&self, password: &str) -> Result<String, AppError> {
        let password = password.to_owned();
        self.admit()?
            .run(move || tidings_core::password::hash(&password))
            .await?
            .map_err(|e| {
                tracing::error!("{e}");
                AppError::internal()
            })
    }
}

impl Admitted {
    /// Waits for a core, then runs `work` off the async workers. The permits
    /// go with the work, so a client that hangs up does not free a core
    /// that is still hashing.
    pub async fn run<T: Send + 'static>(
        self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, AppError> {
        let core = Arc::clone(&self.running)
            .acquire_owned()
            .await
            .map_err(|_| AppError::internal())?;
        tokio::task::spawn_blocking(move || {
            let _permits = (core, self);
            work()
        })
        .await
        .map_err(|_| AppError::internal())
    }
}

fn busy() -> AppError {
    AppError {
        status: StatusCode::SERVICE_UNAVAILABLE,
        code: "busy",
        message: "The server is busy checking other passwords. Try again in a moment.".into(),
        retry_after: Some(2),
    }
}
