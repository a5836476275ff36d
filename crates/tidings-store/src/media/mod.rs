//! Uploaded pictures: the row of each upload (`media`), the files it is
//! served as (`media_files`: the original and its narrower copies), and,
//! in [`blobs`], where their bytes are kept.
//!
//! Rows and bytes are apart on purpose: the bytes live in the data
//! directory, in the database or in an S3 bucket behind [`Blobs`], while
//! what pages and the API ask (which files, how wide, the alt text) is
//! always a row, on every node.

pub mod blobs;
pub mod s3;
mod served;
mod uses;

use chrono::{DateTime, Utc};

use crate::reads::ReadRow;
use crate::sql::Sql;
use crate::{Result, Store, StoreError, from_micros, micros};

pub use blobs::{Blobs, CHUNK_BYTES, DatabaseBlobs, DirectoryBlobs, MediaStore};
pub use s3::{S3Blobs, S3Settings, tls_on_ring};
pub use uses::MediaUse;

/// One file of an upload, as stored and served.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaFile {
    /// `/media/u/NAME-640.webp`: where it is served, and (with the blog)
    /// its key in [`Blobs`].
    pub path: String,
    pub mime_type: String,
    pub width: u32,
    pub height: u32,
    pub bytes: u64,
    /// A narrower copy, not the original.
    pub variant: bool,
}

/// An upload, with its files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Media {
    pub id: i64,
    pub blog_id: i64,
    /// The original's file; `files` holds it too, first.
    pub original: MediaFile,
    pub alt: String,
    pub owner_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    /// The original, then the copies narrowest first.
    pub files: Vec<MediaFile>,
}

/// An upload to record, its bytes already in [`Blobs`].
#[derive(Debug, Clone)]
pub struct NewMedia {
    pub blog_id: i64,
    pub alt: String,
    pub owner_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    /// The original first.
    pub files: Vec<MediaFile>,
}

/// A file served under `/media/`, found by its path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServedFile {
    pub media_id: i64,
    pub mime_type: String,
    pub bytes: u64,
}

/// The key of a blog's file in [`Blobs`]: the blog, then its path under
/// `/media/` (`3/u/NAME.jpg`), so two blogs never share a key.
pub fn blob_key(blog_id: i64, path: &str) -> String {
    format!("{blog_id}/{}", path.trim_start_matches("/media/"))
}

fn count(r: &ReadRow, name: &str) -> Result<u32> {
    let v: i64 = r.try_get(name)?;
    u32::try_from(v).map_err(|_| StoreError::Corrupt(format!("{name} {v}")))
}

fn file_from_row(r: &ReadRow) -> Result<MediaFile> {
    let bytes: i64 = r.try_get("bytes")?;
    Ok(MediaFile {
        path: r.try_get("path")?,
        mime_type: r.try_get("mime_type")?,
        width: count(r, "width")?,
        height: count(r, "height")?,
        bytes: u64::try_from(bytes).map_err(|_| StoreError::Corrupt(format!("bytes {bytes}")))?,
        variant: r.try_get::<i64>("variant")? == 1,
    })
}

const MEDIA: &str = "SELECT id, blog_id, alt, owner_id, created_at FROM media";
const FILES: &str = "SELECT media_id, path, mime_type, width, height, bytes, variant \
     FROM media_files";

impl Store {
    /// Records an upload and its files in one transaction; answers its id.
    pub async fn insert_media(&self, new: &NewMedia) -> Result<i64> {
        let original = new
            .files
            .first()
            .ok_or_else(|| StoreError::Corrupt("an upload without files".into()))?;
        let mut tx = self.begin_write().await?;
        let id = crate::exec::Exec::fetch_one(
            &mut tx,
            &Sql::new(
                "INSERT INTO media (blog_id, path, mime_type, width, height, bytes, alt, \
                 owner_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(new.blog_id)
            .bind(&original.path)
            .bind(&original.mime_type)
            .bind(i64::from(original.width))
            .bind(i64::from(original.height))
            .bind(original.bytes as i64)
            .bind(&new.alt)
            .bind(new.owner_id)
            .bind(micros(new.created_at)),
            |r| r.try_get::<i64>("id"),
        )
        .await?;
        for f in &new.files {
            crate::exec::Exec::execute(
                &mut tx,
                &Sql::new(
                    "INSERT INTO media_files (media_id, blog_id, path, mime_type, width, \
                     height, bytes, variant) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(id)
                .bind(new.blog_id)
                .bind(&f.path)
                .bind(&f.mime_type)
                .bind(i64::from(f.width))
                .bind(i64::from(f.height))
                .bind(f.bytes as i64)
                .bind(i64::from(f.variant)),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// The uploads of `blog_id`, newest first, `limit` from `offset`, and
    /// how many there are in all.
    pub async fn list_media(
        &self,
        blog_id: i64,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<Media>, i64)> {
        let mut sql = Sql::new(MEDIA);
        sql.int(" WHERE blog_id = ", blog_id)
            .int(" ORDER BY id DESC LIMIT ", limit)
            .int(" OFFSET ", offset);
        let rows = self.read_all(&sql, media_row).await?;
        let total = self
            .read_one(
                &Sql::new("SELECT COUNT(*) AS n FROM media WHERE blog_id = $1").bind(blog_id),
                |r| r.try_get::<i64>("n"),
            )
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            out.push(self.with_files(row).await?);
        }
        Ok((out, total))
    }

    /// One upload of `blog_id`.
    pub async fn find_media(&self, blog_id: i64, id: i64) -> Result<Option<Media>> {
        let mut sql = Sql::new(MEDIA);
        sql.int(" WHERE blog_id = ", blog_id).int(" AND id = ", id);
        match self.read_optional(&sql, media_row).await? {
            Some(row) => Ok(Some(self.with_files(row).await?)),
            None => Ok(None),
        }
    }

    async fn with_files(&self, row: MediaRow) -> Result<Media> {
        let mut sql = Sql::new(FILES);
        sql.int(" WHERE media_id = ", row.id)
            .push(" ORDER BY variant, width, mime_type");
        let files = self.read_all(&sql, file_from_row).await?;
        let original = files
            .first()
            .filter(|f| !f.variant)
            .cloned()
            .ok_or_else(|| StoreError::Corrupt(format!("media {} has no original", row.id)))?;
        Ok(Media {
            id: row.id,
            blog_id: row.blog_id,
            original,
            alt: row.alt,
            owner_id: row.owner_id,
            created_at: row.created_at,
            files,
        })
    }

    /// Changes an upload's alt text; whether there was such an upload.
    pub async fn set_media_alt(&self, blog_id: i64, id: i64, alt: &str) -> Result<bool> {
        let changed = self
            .execute(
                &Sql::new("UPDATE media SET alt = $1 WHERE blog_id = $2 AND id = $3")
                    .bind(alt)
                    .bind(blog_id)
                    .bind(id),
            )
            .await?;
        Ok(changed > 0)
    }

    /// Forgets an upload and its files (their bytes are [`Blobs`]' to
    /// delete); whether there was such an upload. Recorded in the change
    /// log as a change to the blog, so every node forgets the files' rows
    /// it keeps ([`Store::served_file`]); an upload needs no such record,
    /// as no node keeps a row that did not exist.
    pub async fn delete_media(&self, blog_id: i64, id: i64) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let exec = &mut tx;
        crate::exec::Exec::execute(
            exec,
            &Sql::new("DELETE FROM media_files WHERE media_id = $1 AND blog_id = $2")
                .bind(id)
                .bind(blog_id),
        )
        .await?;
        let changed = crate::exec::Exec::execute(
            exec,
            &Sql::new("DELETE FROM media WHERE id = $1 AND blog_id = $2")
                .bind(id)
                .bind(blog_id),
        )
        .await?;
        if changed > 0 {
            crate::changes::record(&mut tx, blog_id, crate::Scope::Blog).await?;
        }
        tx.commit().await?;
        Ok(changed > 0)
    }

    /// Bytes kept for `blog_id`'s uploads, every file counted: its quota's measure.
    pub async fn media_bytes(&self, blog_id: i64) -> Result<u64> {
        let total = self
            .read_one(
                &Sql::new(
                    // PostgreSQL sums BIGINTs as NUMERIC.
                    "SELECT CAST(COALESCE(SUM(bytes), 0) AS BIGINT) AS n FROM media_files \
                     WHERE blog_id = $1",
                )
                .bind(blog_id),
                |r| r.try_get::<i64>("n"),
            )
            .await?;
        Ok(u64::try_from(total).unwrap_or(0))
    }

    /// How much `blog_id` may keep, in MiB.
    pub async fn media_quota_mib(&self, blog_id: i64) -> Result<u64> {
        let quota = self
            .read_one(
                &Sql::new("SELECT media_quota_mib FROM blogs WHERE id = $1").bind(blog_id),
                |r| r.try_get::<i64>("media_quota_mib"),
            )
            .await?;
        Ok(u64::try_from(quota).unwrap_or(0))
    }

    /// Sets how much `blog_id` may keep, in MiB.
    pub async fn set_media_quota_mib(&self, blog_id: i64, mib: u64) -> Result<()> {
        let mib = i64::try_from(mib).map_err(|_| StoreError::Corrupt(format!("quota {mib}")))?;
        self.execute(
            &Sql::new("UPDATE blogs SET media_quota_mib = $1 WHERE id = $2")
                .bind(mib)
                .bind(blog_id),
        )
        .await?;
        Ok(())
    }

    /// The uploaded file served at `path` in `blog_id`, if any.
    pub async fn media_file_at(&self, blog_id: i64, path: &str) -> Result<Option<ServedFile>> {
        self.read_optional(
            &Sql::new(
                "SELECT media_id, mime_type, bytes FROM media_files \
                 WHERE blog_id = $1 AND path = $2",
            )
            .bind(blog_id)
            .bind(path),
            |r| {
                Ok(ServedFile {
                    media_id: r.try_get("media_id")?,
                    mime_type: r.try_get("mime_type")?,
                    bytes: u64::try_from(r.try_get::<i64>("bytes")?).unwrap_or(0),
                })
            },
        )
        .await
    }
}

struct MediaRow {
    id: i64,
    blog_id: i64,
    alt: String,
    owner_id: Option<i64>,
    created_at: DateTime<Utc>,
}

fn media_row(r: &ReadRow) -> Result<MediaRow> {
    Ok(MediaRow {
        id: r.try_get("id")?,
        blog_id: r.try_get("blog_id")?,
        alt: r.try_get("alt")?,
        owner_id: r.try_get("owner_id")?,
        created_at: from_micros(r.try_get("created_at")?)?,
    })
}
