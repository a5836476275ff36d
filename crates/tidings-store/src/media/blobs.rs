//! Where the bytes of uploads are kept: one trait, [`Blobs`], and a kind of
//! store for each place.
//!
//! [`DirectoryBlobs`] keeps files under the data directory (SQLite's
//! default: one machine, and `/media/` can hand the file to the kernel);
//! [`DatabaseBlobs`] keeps them in `media_chunks` (PostgreSQL's default:
//! every node that shares the database serves every file, with nothing to
//! set up); [`super::s3::S3Blobs`] keeps them in an S3-compatible bucket
//! (`--media-store s3://…`, any database). The trait asks nothing a bucket
//! could not answer (keys, whole writes, ranged reads, deletes).
//!
//! Files are written whole, once, under a key no other file had (names are
//! random), and never changed: so readers need no locks, and a key's bytes
//! can be cached for as long as anyone likes.

use std::future::Future;
use std::io::SeekFrom;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::Arc;

use tokio::io::{AsyncReadExt, AsyncSeekExt, AsyncWriteExt};

use crate::exec::Exec;
use crate::sql::Sql;
use crate::{Result, Store, StoreError};

/// The size of a piece: what one statement carries in and out of the
/// database, and what one read of the directory returns.
pub const CHUNK_BYTES: usize = 256 * 1024;

pub(super) type Answer<'a, T> = Pin<Box<dyn Future<Output = Result<T>> + Send + 'a>>;

/// A place that keeps the bytes of uploaded files under keys
/// (`BLOG_ID/u/NAME.jpg`, see [`super::blob_key`]).
pub trait Blobs: Send + Sync {
    /// Keeps `bytes` under `key`, all of them or none.
    fn put<'a>(&'a self, key: &'a str, bytes: &'a [u8]) -> Answer<'a, ()>;

    /// Piece `index` of the file at `key` ([`CHUNK_BYTES`] each, the last
    /// shorter); `None` past its end or when there is no such file.
    fn chunk<'a>(&'a self, key: &'a str, index: u64) -> Answer<'a, Option<Vec<u8>>>;

    /// Forgets the files at `keys`; keys with no file are no error.
    fn delete<'a>(&'a self, keys: &'a [String]) -> Answer<'a, ()>;

    /// Where the file lies on this machine's disk, when this store keeps
    /// files there: served by the kernel (`sendfile`) instead of through
    /// memory. (Whether it is there is the reader's to find out.)
    fn local_path(&self, key: &str) -> Option<PathBuf>;
}

/// Where a node keeps uploads' bytes: `--media-store`, or the database's
/// own default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum MediaStore {
    /// The data directory on SQLite, the database on PostgreSQL (or when
    /// there is no data directory).
    #[default]
    Default,
    /// An S3-compatible bucket, on either database.
    S3(super::s3::S3Settings),
}

impl MediaStore {
    /// The store of this choice for `store`'s database, with `media_dir`
    /// the data directory's `media` (none: no directory to keep files in).
    pub fn open(
        &self,
        store: &Store,
        media_dir: Option<&std::path::Path>,
    ) -> Result<Arc<dyn Blobs>> {
        Ok(match (self, media_dir) {
            (Self::S3(settings), _) => Arc::new(super::s3::S3Blobs::open(settings)?),
            (Self::Default, Some(dir)) if !store.backend().keeps_media_in_database() => {
                Arc::new(DirectoryBlobs::new(dir))
            }
            (Self::Default, _) => Arc::new(DatabaseBlobs::new(store.clone())),
        })
    }
}

/// Files under a directory (`DATA_DIR/media`), one per key.
pub struct DirectoryBlobs {
    root: PathBuf,
}

impl DirectoryBlobs {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The file of `key`. Keys are ours (a blog id, `u`, a random name), but
    /// one that could leave the directory is refused all the same.
    fn path(&self, key: &str) -> Result<PathBuf> {
        let safe = key
            .split('/')
            .all(|s| !s.is_empty() && !s.starts_with('.') && !s.contains('\\'));
        if !safe {
            return Err(StoreError::Corrupt(format!("media key {key:?}")));
        }
        Ok(self.root.join(key))
    }
}

fn io(e: std::io::Error) -> StoreError {
    StoreError::Unavailable(Box::new(e))
}

impl Blobs for DirectoryBlobs {
    fn put<'a>(&'a self, key: &'a str, bytes: &'a [u8]) -> Answer<'a, ()> {
        Box::pin(async move {
            let path = self.path(key)?;
            if let Some(dir) = path.parent() {
                tokio::fs::create_dir_all(dir).await.map_err(io)?;
            }
            // Written aside and renamed into place: a reader never sees half
            // a file, and a crash leaves no file at the key.
            let mut partial = path.clone().into_os_string();
            partial.push(".partial");
            let mut file = tokio::fs::File::create(&partial).await.map_err(io)?;
            file.write_all(bytes).await.map_err(io)?;
            file.sync_all().await.map_err(io)?;
            tokio::fs::rename(&partial, &path).await.map_err(io)
        })
    }

    fn chunk<'a>(&'a self, key: &'a str, index: u64) -> Answer<'a, Option<Vec<u8>>> {
        Box::pin(async move {
            let Ok(mut file) = tokio::fs::File::open(self.path(key)?).await else {
                return Ok(None);
            };
            file.seek(SeekFrom::Start(index * CHUNK_BYTES as u64))
                .await
                .map_err(io)?;
            let mut piece = Vec::with_capacity(CHUNK_BYTES);
            file.take(CHUNK_BYTES as u64)
                .read_to_end(&mut piece)
                .await
                .map_err(io)?;
            Ok((!piece.is_empty()).then_some(piece))
        })
    }

    fn delete<'a>(&'a self, keys: &'a [String]) -> Answer<'a, ()> {
        Box::pin(async move {
            for key in keys {
                match tokio::fs::remove_file(self.path(key)?).await {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(e)),
                    _ => {}
                }
            }
            Ok(())
        })
    }

    fn local_path(&self, key: &str) -> Option<PathBuf> {
        // Not looked at here (that would block): a missing file is the
        // file server's 404.
        self.path(key).ok()
    }
}

/// Files in the database, in pieces of [`CHUNK_BYTES`] (`media_chunks`).
pub struct DatabaseBlobs {
    store: Store,
}

impl DatabaseBlobs {
    pub fn new(store: Store) -> Self {
        Self { store }
    }
}

impl Blobs for DatabaseBlobs {
    fn put<'a>(&'a self, key: &'a str, bytes: &'a [u8]) -> Answer<'a, ()> {
        Box::pin(async move {
            // One transaction, a statement per piece: the file is all there
            // or not at all, and no statement is larger than a piece.
            let mut tx = self.store.begin_write().await?;
            for (seq, piece) in bytes.chunks(CHUNK_BYTES).enumerate() {
                tx.execute(
                    &Sql::new("INSERT INTO media_chunks (file_key, seq, data) VALUES ($1, $2, $3)")
                        .bind(key)
                        .bind(seq as i64)
                        .bind(piece.to_vec()),
                )
                .await?;
            }
            tx.commit().await
        })
    }

    fn chunk<'a>(&'a self, key: &'a str, index: u64) -> Answer<'a, Option<Vec<u8>>> {
        Box::pin(async move {
            let seq = i64::try_from(index).map_err(|_| StoreError::NotFound)?;
            self.store
                .read_optional(
                    &Sql::new("SELECT data FROM media_chunks WHERE file_key = $1 AND seq = $2")
                        .bind(key)
                        .bind(seq),
                    |r| r.try_get::<Vec<u8>>("data"),
                )
                .await
        })
    }

    fn delete<'a>(&'a self, keys: &'a [String]) -> Answer<'a, ()> {
        Box::pin(async move {
            for key in keys {
                self.store
                    .execute(&Sql::new("DELETE FROM media_chunks WHERE file_key = $1").bind(key))
                    .await?;
            }
            Ok(())
        })
    }

    fn local_path(&self, _key: &str) -> Option<PathBuf> {
        None
    }
}
