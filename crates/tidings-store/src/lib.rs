//! The only crate that knows SQL.
//!
//! Every query is written once, as an [`sql::Sql`] with `$N` placeholders
//! that both SQLite and PostgreSQL accept, and runs on sqlx's native driver
//! for the backend ([`pool`]). What must differ between the two (full-text
//! search, how a write transaction begins) lives in [`dialect`] and nowhere
//! else. On a SQLite file plain reads go through synchronous connections
//! instead (see [`reads`]). Times are stored as microseconds since the
//! epoch, so both backends order and compare them identically.

mod attachments;
mod blogs;
mod certificates;
mod changes;
mod comments;
pub mod dialect;
mod exec;
mod export;
mod frame;
mod hosts;
mod import;
mod kept;
mod layout;
mod limits;
pub mod media;
mod member_mail;
mod migrate;
mod outbox;
#[cfg(test)]
mod plans;
mod pool;
mod posts;
mod reads;
mod reply_watches;
mod secrets;
mod sessions;
mod sidebar;
mod signin;
mod spam;
mod sql;
mod subscribers;
mod users;
mod views;

use chrono::{DateTime, Utc};
use pool::{Pool, Tx};

pub use attachments::{Attachment, AttachmentHome, PostPictures};
pub use blogs::NewOwner;
pub use certificates::{ALPN_PREFIX, CertificateStatus, ClaimedHost, StoredCertificate};
pub use changes::{Change, ChangeBatch, ChangeListener, Scope};
pub use comments::{CommentFilter, CommentListing, NewComment, VisibleComments};
pub use dialect::Backend;
pub use export::ExportSnapshot;
pub use frame::Frame;
pub use import::{
    ImportAttachment, ImportBatch, ImportComment, ImportHead, ImportItem, ImportItems, ImportPost,
    ImportReport,
};
pub use layout::{FeaturedLink, Layout};
pub use media::{
    Blobs, CHUNK_BYTES, DatabaseBlobs, DirectoryBlobs, Media, MediaFile, MediaStore, MediaUse,
    NewMedia, S3Blobs, S3Settings, ServedFile, blob_key, tls_on_ring,
};
pub use outbox::{MailCounts, MailOutcome, NewMail, QueuedMail};
pub use posts::{
    ArchiveMonth, IndexedPost, LabelCount, Neighbours, NewPost, PageLink, PostFilter, PostHtml,
    PostPage, Revision, SearchHit,
};
pub use reads::reads_may_block_here;
pub use reply_watches::{COMMENT_REPLY, REPLY_CONFIRM, ReplyWatch};
pub use sessions::{Session, SetupLink};
pub use sidebar::{Months, Sidebar};
pub use signin::{AttemptCounts, AttemptWindows, Failures};
pub use subscribers::{NEW_POST, SUBSCRIBE_CONFIRM, Subscriber, SubscriberCounts};
pub use users::{TokenInfo, User};
pub use views::{DayViews, PopularPost, PostViews, Referrer, ReferrerViews};

/// What can go wrong in the store, in terms callers act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A uniqueness rule was broken, e.g. a second user with the same email.
    #[error("conflict: {0}")]
    Conflict(String),
    /// A stored value no longer fits the domain (a corrupted or hand-edited row).
    #[error("store: invalid stored value: {0}")]
    Corrupt(String),
    /// The database did not answer in time or the pool is closed: worth a retry.
    #[error("store: database unavailable: {0}")]
    Unavailable(Box<dyn std::error::Error + Send + Sync>),
    #[error("store: database error: {0}")]
    Database(sqlx::Error),
    /// A statement on one of SQLite's synchronous connections failed.
    #[error("store: database error: {0}")]
    Sqlite(rusqlite::Error),
    /// An import's reader stopped before the end of its file (it says why):
    /// nothing was written.
    #[error("the import stopped before the end of its file")]
    Stopped,
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode::{CannotOpen, DatabaseBusy, DatabaseLocked};
        match e.sqlite_error_code() {
            // Still locked after the busy timeout, or the file is gone.
            Some(DatabaseBusy | DatabaseLocked | CannotOpen) => Self::Unavailable(Box::new(e)),
            _ => Self::Sqlite(e),
        }
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match e {
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
                Self::Unavailable(Box::new(e))
            }
            // A deadlock or serialization failure (PostgreSQL's 40P01 and
            // 40001) rolled the transaction back whole: the same request sent
            // again can succeed, so it is a 503 with Retry-After, not a 500.
            sqlx::Error::Database(ref db)
                if matches!(db.code().as_deref(), Some("40P01" | "40001")) =>
            {
                Self::Unavailable(Box::new(e))
            }
            e => Self::Database(e),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// How a SQLite file is read (nothing changes for PostgreSQL).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileAccess {
    /// Through a shared memory map of up to 256 MiB: a server reads the
    /// same pages again and again, and every connection finds them there
    /// instead of copying each into its own small page cache.
    Mapped,
    /// Through each connection's page cache only: a command that reads
    /// each page once (an export, a render) gains nothing from the map,
    /// and every page it touched would count in its memory (an export of
    /// a 10,000-post blog held 262 MB, 165 of them mapped file).
    Read,
}

/// A handle on the database; cheap to clone, shared by every request.
#[derive(Clone)]
pub struct Store {
    pool: Pool,
    backend: Backend,
    /// Kept for connections outside the pool (PostgreSQL's `LISTEN`).
    url: std::sync::Arc<str>,
    /// How the pool was set up, for a pool made beside it.
    access: FileAccess,
    /// SQLite's synchronous read connections (none for PostgreSQL or an
    /// in-memory database).
    sqlite_file: Option<std::sync::Arc<reads::SqliteFile>>,
    /// The one read transaction this handle's reads share, when it is a
    /// [`Store::snapshot`].
    snapshot: Option<std::sync::Arc<reads::Snapshot>>,
    /// Each blog's latest [`Frame`], shared by every handle of this store.
    frames: std::sync::Arc<frame::KeptFrames>,
    /// Which blog serves each host and the rows of served files, while the
    /// change log is followed; shared by every handle of this store.
    kept: std::sync::Arc<kept::Kept>,
    /// Wakes this process's mail sender when mail is committed.
    queued: outbox::Queued,
}

impl Store {
    /// Connects to `url` (`sqlite://…` or `postgres://…`) and brings the schema
    /// up to date, for a server ([`FileAccess::Mapped`]).
    pub async fn open(url: &str) -> Result<Self> {
        Self::open_with(url, FileAccess::Mapped).await
    }

    /// [`Store::open`], reading a SQLite file as `access` says.
    pub async fn open_with(url: &str, access: FileAccess) -> Result<Self> {
        let backend = Backend::from_url(url)?;
        let pool = Pool::connect(backend, url, access).await?;
        let store = Self {
            pool,
            backend,
            url: url.into(),
            access,
            sqlite_file: reads::SqliteFile::for_url(url, access).map(std::sync::Arc::new),
            snapshot: None,
            frames: Default::default(),
            kept: Default::default(),
            queued: outbox::Queued::default(),
        };
        migrate::run(&store).await?;
        store.reindex_stale().await?;
        Ok(store)
    }

    /// A handle whose PostgreSQL connections (at most `max`) are its own,
    /// opened on first use by the runtime that uses them; on SQLite the same
    /// store. Call it inside the runtime that will use it (`Runtime::enter`).
    ///
    /// Why: a connection's socket wakes the runtime that opened it. Renders
    /// run on a runtime of their own (`tidings-web`'s `cache::renders`), and
    /// on connections the request threads opened every statement crossed
    /// from one runtime's threads to the other's and back: a page's time
    /// went to waking threads (perf: a fifth of it in the scheduler).
    /// Everything else (the kept frames, the SQLite file) stays shared.
    pub fn with_own_connections(&self, max: u32) -> Result<Self> {
        let mut store = self.clone();
        if let Some(pool) =
            self.pool
                .with_own_connections(self.backend, &self.url, self.access, max)?
        {
            store.pool = pool;
        }
        Ok(store)
    }

    /// The URL of the default SQLite database inside a data directory.
    pub fn sqlite_url(data_dir: &std::path::Path) -> String {
        format!(
            "sqlite://{}?mode=rwc",
            data_dir.join("tidings.db").display()
        )
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Answers when the database does: the health check.
    pub async fn ping(&self) -> Result<()> {
        self.pool.ping().await
    }

    /// Finishes queries in flight and closes every connection, so SQLite
    /// checkpoints its WAL and PostgreSQL sees clean disconnects.
    pub async fn close(&self) {
        if let Some(sqlite_file) = &self.sqlite_file {
            sqlite_file.close();
        }
        self.pool.close().await;
    }

    /// A transaction that may write: see [`Backend::begin_write`].
    async fn begin_write(&self) -> Result<Tx> {
        self.pool.begin(self.backend.begin_write()).await
    }

    /// A transaction that only reads, from one snapshot: see
    /// [`Backend::begin_snapshot`].
    async fn begin_snapshot(&self) -> Result<Tx> {
        self.pool.begin(self.backend.begin_snapshot()).await
    }
}

/// Microseconds since the epoch: the stored form of every instant.
pub(crate) fn micros(t: DateTime<Utc>) -> i64 {
    t.timestamp_micros()
}

pub(crate) fn from_micros(v: i64) -> Result<DateTime<Utc>> {
    DateTime::from_timestamp_micros(v).ok_or_else(|| StoreError::Corrupt(format!("time {v}")))
}

/// Maps a unique-constraint violation to [`StoreError::Conflict`] so callers can
/// tell a person "that already exists" instead of failing.
pub(crate) fn conflict_or(e: impl Into<StoreError>, what: &str) -> StoreError {
    let e = e.into();
    let unique = match &e {
        StoreError::Database(sqlx::Error::Database(db)) => db.is_unique_violation(),
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _)) => {
            f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                || f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
        }
        _ => false,
    };
    if unique {
        StoreError::Conflict(what.to_owned())
    } else {
        e
    }
}
